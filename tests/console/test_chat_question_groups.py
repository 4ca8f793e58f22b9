"""One question asked by many viewers is one row of the queue, answered once (real SQLite and real PostgreSQL):
grouped by its topic while the same rundown segment is on air, claimed / answered / dismissed whole by one
conditional update (two consoles claiming at once never split it), its {user} naming everyone, and one line per
viewer in the export. Plus migration 0017 from the previous head."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.core.chat.engage import Engagement
from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.feed import ChatFeed
from console.core.chat.questions import (
    QuestionError,
    QuestionState,
    QuickReply,
    askers_message,
    shortened,
    topic_of,
)
from console.core.storage import Storage

PEOPLE = ["小明", "小红", "阿强", "Lily", "Ming", "Hong", "小周", "小林", "阿一", "阿二"]


def ask(text: str, user: str, n: int = 0, wall: float = 1_764_000_000.0) -> ChatEvent:
    return ChatEvent(
        "bilibili", "s", ChatKind.COMMENT, f"uid-{user}", user, text, wall=wall + n, message_id=f"m-{user}-{n}-{text}"
    )


def a_show(storage: Storage) -> int:
    show, _ = storage.open_show("demo", datetime(2026, 11, 30, 20, tzinfo=UTC), 120)
    return show.id


def test_the_topic_sets_aside_punctuation_particles_openers_width_and_case() -> None:
    assert topic_of("多少钱") == topic_of("这个多少钱？") == topic_of("多少钱呀") == topic_of("主播 多少钱呢?!")
    assert topic_of("How much?") == topic_of("ＨＯＷ　ＭＵＣＨ") == "howmuch"
    assert topic_of("几号发货") != topic_of("多少钱")
    assert topic_of("？？") is None and topic_of("呀?") is None  # too little to tell: never grouped


def test_askers_are_named_in_a_line() -> None:
    assert askers_message(["小明"]).explain() == "小明"
    assert askers_message(["Ming", "Hong"]).explain() == "Ming and Hong"
    assert askers_message(["Ming", "Hong", "Lily"]).explain() == "Ming, Hong and Lily"
    assert askers_message(["Ming", "Hong", *"abcdefghijklmnopqr"]).explain() == "Ming, Hong and 18 others"


def test_a_question_quoted_in_a_sentence_is_cut_by_its_width_and_at_a_word() -> None:
    assert shortened("能便宜点吗？") == "能便宜点吗？"
    assert shortened("Is there a discount code?") == "Is there a discount code?", "25 letters are not too wide"
    assert shortened("这件外套的面料是纯棉的吗，洗了以后会不会缩水，有没有加绒的款式可以选？") == (
        "这件外套的面料是纯棉的吗，洗了以后会不会缩水…"
    ), "23 characters, the comma before the cut left off"
    assert shortened("Does this jacket shrink after washing, and is there a fleece-lined version?") == (
        "Does this jacket shrink after washing, and is…"
    ), "a Latin word is not cut in two"
    assert shortened("多少钱\n  能便宜点吗") == "多少钱 能便宜点吗", "on one line"


def test_twenty_viewers_asking_the_price_are_one_question_answered_once(storage: Storage) -> None:
    show_id = a_show(storage)
    texts = ["多少钱", "这个多少钱？", "多少钱呀"]
    asked = [ask(texts[n % 3], f"观众{n}", n) for n in range(20)]
    storage.add_questions(show_id, asked[:1], segment="seg-cup")
    storage.add_questions(show_id, [*asked[1:12], ask("几号发货", "小明", 99)], segment="seg-cup")
    storage.add_questions(show_id, asked[12:], segment="seg-cup")
    queue = storage.questions(show_id, ("open", "claimed"), grouped=True)
    assert [(q.text, len(q.asked_by)) for q in queue] == [("多少钱", 20), ("几号发货", 1)]
    group = queue[0]
    assert group.askers[:2] == ("观众0", "观众1") and group.group_id == group.id
    answered = storage.answer_question(group.id, "客服A", "到手价 89 元")
    assert answered.state is QuestionState.ANSWERED and len(answered.askers) == 20
    rows = storage.questions(show_id)  # the export's view: one row per viewer's question, each with its group
    assert len(rows) == 21
    assert [q.state for q in rows if q.group_id == group.id] == [QuestionState.ANSWERED] * 20
    assert {q.answer for q in rows if q.group_id == group.id} == {"到手价 89 元"}
    # Asked again after the group was answered: a new group, open.
    storage.add_questions(show_id, [ask("多少钱？", "新观众", 50), ask("多少钱", "又一位", 51)], segment="seg-cup")
    waiting = storage.questions(show_id, ("open",), grouped=True)
    assert [(q.text, q.askers) for q in waiting if q.text != "几号发货"] == [("多少钱？", ("新观众", "又一位"))]


def test_the_same_words_about_another_product_are_another_question(storage: Storage) -> None:
    show_id = a_show(storage)
    storage.add_questions(show_id, [ask("多少钱", "小明", 1), ask("多少钱呀", "小红", 2)], segment="seg-cup")
    storage.add_questions(show_id, [ask("多少钱", "阿强", 3)], segment="seg-kettle")
    queue = storage.questions(show_id, None, grouped=True)
    assert [q.asked_by for q in queue] == [("小明", "小红"), ("阿强",)]


def test_a_viewer_asking_in_other_words_is_still_one_asker(storage: Storage) -> None:
    show_id = a_show(storage)
    storage.add_questions(show_id, [ask("多少钱", "小明", 1), ask("多少钱", "小红", 2)])
    storage.add_questions(show_id, [ask("这个多少钱呀", "小明", 3)])
    assert [q.asked_by for q in storage.questions(show_id, None, grouped=True)] == [("小明", "小红")]
    assert len(storage.questions(show_id)) == 2


def test_a_claimed_group_takes_new_askers_as_claimed_and_only_its_claimer_finishes_it(storage: Storage) -> None:
    show_id = a_show(storage)
    storage.add_questions(show_id, [ask("多少钱", "小明", 1), ask("多少钱？", "小红", 2)])
    lead = storage.questions(show_id, grouped=True)[0]
    member = next(q for q in storage.questions(show_id) if q.id != lead.id)
    claimed = storage.claim_question(member.id, "客服A")  # a member's id moves its group too
    assert claimed.id == lead.id and claimed.state is QuestionState.CLAIMED and len(claimed.askers) == 2
    storage.add_questions(show_id, [ask("多少钱呀", "阿强", 3)])
    assert [(q.state, q.claimed_by) for q in storage.questions(show_id)] == [(QuestionState.CLAIMED, "客服A")] * 3
    with pytest.raises(QuestionError, match="客服A has already claimed"):
        storage.answer_question(lead.id, "客服B", "89")
    with pytest.raises(QuestionError, match="客服A has already claimed"):
        storage.claim_question(lead.id, "客服B")
    released = storage.release_question(lead.id, "客服A")
    assert released.state is QuestionState.OPEN and len(released.askers) == 3
    storage.dismiss_question(lead.id, "客服B")
    assert {q.state for q in storage.questions(show_id)} == {QuestionState.DISMISSED}


def test_two_consoles_claiming_groups_at_once_never_split_one(storage: Storage) -> None:
    show_id = a_show(storage)
    topics = [f"第{n}号链接多少钱" for n in range(8)]
    storage.add_questions(show_id, [ask(t, who, n) for n, t in enumerate(topics) for who in PEOPLE[:5]])
    leads = [q.id for q in storage.questions(show_id, grouped=True)]
    assert len(leads) == 8
    consoles = [Storage(storage.url), Storage(storage.url)]
    won: dict[str, list[int]] = {"A": [], "B": []}
    barrier = threading.Barrier(2)

    def claim_all(name: str, store: Storage) -> None:
        for lead in leads:
            barrier.wait(timeout=30)
            try:
                store.claim_question(lead, name)
                won[name].append(lead)
            except QuestionError:
                pass

    threads = [threading.Thread(target=claim_all, args=pair) for pair in zip("AB", consoles, strict=True)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        for console in consoles:
            console.close()
    assert sorted(won["A"] + won["B"]) == leads  # each group claimed once ...
    for row in storage.questions(show_id):  # ... and every asker's row is the winner's: no group split
        owner = "A" if row.group_id in won["A"] else "B"
        assert (row.state, row.claimed_by) == (QuestionState.CLAIMED, owner)


def test_two_consoles_storing_the_first_two_askers_of_a_topic_at_once_start_one_group(storage: Storage) -> None:
    """Each console stores the question its viewer asked, at the same instant: without the show's questions taken
    for the unit of work each saw only its own, and the topic became two rows of the queue."""
    show_id = a_show(storage)
    consoles = [Storage(storage.url), Storage(storage.url)]
    topics = [f"{n}号链接多少钱" for n in range(20)]
    barrier = threading.Barrier(2)
    failed: list[BaseException] = []

    def store(console: Storage, who: str) -> None:
        try:
            for n, topic in enumerate(topics):
                barrier.wait(timeout=30)
                console.add_questions(show_id, [ask(topic, who, n)])
        except BaseException as exc:  # said by the main thread
            failed.append(exc)

    threads = [
        threading.Thread(target=store, args=pair) for pair in zip(consoles, ("客服A的观众", "客服B的观众"), strict=True)
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        for console in consoles:
            console.close()
    assert not failed, failed
    queue = storage.questions(show_id, grouped=True)
    split = sorted({q.text for q in queue if len(q.asked_by) != 2})
    assert not split, f"{len(split)} of {len(topics)} topics asked by two viewers at once were two questions: {split}"
    assert len(queue) == len(topics)


def test_the_reply_names_everyone_who_asked(storage: Storage) -> None:
    show_id = a_show(storage)
    storage.save_quick_replies("demo", [QuickReply("{user}：到手价 89 元", keyword="多少钱")])
    feed = ChatFeed()
    engage = Engagement(storage, "demo", show_id, feed, wall=lambda: 1_764_000_100.0)
    for n, who in enumerate(PEOPLE):
        feed.add(ask("多少钱？", who, n))
    engage.pump("seg-cup")
    [group] = engage.questions()
    [offer] = engage.replies_for(group)
    assert offer.text == "小明, 小红 and 8 others：到手价 89 元"
    zh = {"{first}, {second} and {others} others": "{first}、{second} 及另外 {others} 位"}
    [offer] = engage.replies_for(group, translate=lambda _context, text: zh.get(text, text))
    assert offer.text == "小明、小红 及另外 8 位：到手价 89 元"


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_migration_0017_from_the_previous_head_keeps_questions_and_comments(
    database: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from console.core.chat.room import stored_event
    from console.core.storage import MIGRATIONS

    url = f"sqlite:///{tmp_path / 'old.db'}" if database == "sqlite" else request.getfixturevalue("postgres_url")
    store = Storage(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0016")
        connection.execute(text("insert into shows (room, started_at) values ('demo', '2026-11-30 20:00:00')"))
        show_id = int(connection.execute(text("select max(id) from shows")).scalar_one())
        connection.execute(
            text(
                "insert into show_questions (show_id, key, platform, user_id, user_name, text, asked_at, origin,"
                " state) values (:show, 'k1', 'bilibili', 'u1', '小明', '多少钱', 1.0, 'detected', 'open')"
            ),
            {"show": show_id},
        )
        connection.execute(
            text(
                "insert into show_comments (show_id, t, platform, source, kind, user_id, user_name, text, gift,"
                " count, value, message_id) values (:show, 1.0, 'bilibili', 's', 'comment', 'h', '主播', '欢迎',"
                " '', 1, 0, '')"
            ),
            {"show": show_id},
        )
    try:
        store.migrate()
        [old] = store.questions(show_id, grouped=True)
        assert (old.text, old.group_id, old.asked_by) == ("多少钱", None, ("小明",))
        assert stored_event(store.show_comments(show_id)[0]).host is False  # not known before 0017: unmarked
        # An old question asked alone is not a topic: the same words from now on start a group of their own.
        store.add_questions(show_id, [ask("多少钱", "小红", 1), ask("多少钱呀", "阿强", 2)])
        assert [q.asked_by for q in store.questions(show_id, grouped=True)] == [("小明",), ("小红", "阿强")]
    finally:
        store.close()
