"""A flood of questions (viewers asking faster than anyone reads) is stored in a few units of work, not one commit a
question: one commit each held the queue's worker — and customer service's claim and answer queued behind it —
for minutes after a 10-s flood (seen by use: a claim pressed during the backlog was still not taken 75 s later).
A database that fails meanwhile loses none of them. A viewer repeating a question that still waits is one row,
not twenty. Real SQLite and PostgreSQL, a real ChatFeed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event

from console.core.chat.engage import Engagement
from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.feed import ChatFeed
from console.core.chat.questions import QuestionState
from console.core.storage import Storage, StorageError

FLOOD = 4000  # within the feed's 5,000: every message is read, three in four a question


def flood(feed: ChatFeed) -> None:
    lines = ("这个多少钱？", "有优惠券吗", "怎么下单", "主播好")
    feed.extend(
        ChatEvent("douyin", "f", ChatKind.COMMENT, f"u{n % 97}", f"观众{n % 97}", f"第{n}个 {lines[n % 4]}",
                  wall=1e9 + n, message_id=f"m{n}")
        for n in range(FLOOD)
    )  # fmt: skip


def a_show(storage: Storage) -> int:
    show, _ = storage.open_show("直播间", datetime(2026, 12, 2, 20, tzinfo=UTC), 120)
    return show.id


def test_a_flood_of_questions_is_stored_in_a_few_commits_and_claims_go_through(storage: Storage) -> None:
    show_id, feed = a_show(storage), ChatFeed()
    engagement = Engagement(storage, "直播间", show_id, feed)
    flood(feed)
    commits: list[int] = []
    event.listen(storage.engine, "commit", lambda connection: commits.append(1))
    pumped = engagement.pump()
    assert pumped.questions == FLOOD * 3 // 4
    assert len(commits) <= 5, f"{len(commits)} commits for one pump of {pumped.questions} questions"
    queue = storage.questions(show_id)
    assert len(queue) == FLOOD * 3 // 4 and [q.text for q in queue[:3]] == [
        "第0个 这个多少钱？",
        "第1个 有优惠券吗",
        "第2个 怎么下单",
    ]
    assert queue[0].user_name == "观众0" and queue[0].state is QuestionState.OPEN and queue[0].origin == "detected"
    claimed = engagement.claim(queue[-1].id, "客服小周")
    assert claimed.state is QuestionState.CLAIMED and claimed.claimed_by == "客服小周"
    assert engagement.pump().questions == 0, "read once"


class FailingOnce:
    """The real storage, whose next batch of questions fails as a full disk or a lost PostgreSQL would."""

    def __init__(self, storage: Storage) -> None:
        self._storage, self.fail = storage, True

    def add_questions(self, *args: Any, **kwargs: Any) -> None:
        if self.fail:
            self.fail = False
            raise StorageError("disk I/O error")
        self._storage.add_questions(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._storage, name)


def test_a_flood_the_database_refuses_waits_and_is_stored_whole_once(storage: Storage) -> None:
    show_id, feed = a_show(storage), ChatFeed()
    engagement = Engagement(FailingOnce(storage), "直播间", show_id, feed)
    flood(feed)
    with pytest.raises(StorageError):
        engagement.pump()
    assert engagement.waiting == FLOOD * 3 // 4 and storage.questions(show_id) == []
    assert engagement.pump().questions == FLOOD * 3 // 4
    assert engagement.waiting == 0
    assert len(storage.questions(show_id)) == FLOOD * 3 // 4, "each question once, none lost"


def test_a_viewer_repeating_a_waiting_question_is_one_row_until_it_is_answered(storage: Storage) -> None:
    show_id, feed = a_show(storage), ChatFeed()
    engagement = Engagement(storage, "直播间", show_id, feed)
    n = iter(range(1000))

    def say(user: str, text: str) -> None:
        feed.add(ChatEvent("douyin", "f", ChatKind.COMMENT, f"id-{user}", user, text, message_id=f"m{next(n)}"))

    for _ in range(20):
        say("小明", "这个保温杯多少钱？")
    say("小明", "这个保温杯 多少钱?")  # the same words, a half-width mark and a space
    say("小红", "这个保温杯多少钱？")  # another viewer asking the same: a row of their own, in the same group
    say("小明", "几号发货？")
    engagement.pump()
    queue = storage.questions(show_id)
    assert [(q.user_name, q.text) for q in queue] == [
        ("小明", "这个保温杯多少钱？"),
        ("小红", "这个保温杯多少钱？"),
        ("小明", "几号发货？"),
    ]
    for _ in range(5):  # asked again in a later read: still the one waiting row, claimed or not
        say("小明", "这个保温杯多少钱？")
    engagement.claim(queue[0].id, "客服小周")
    engagement.pump()
    assert len(storage.questions(show_id)) == 3
    engagement.answer(queue[0].id, "客服小周", "89 元")  # answered once for both who asked it
    say("小明", "这个保温杯多少钱？")  # answered, and asked again: the viewer did not see it, a new row
    engagement.pump()
    again = storage.questions(show_id, ("open",))
    assert [(q.user_name, q.text) for q in again] == [("小明", "几号发货？"), ("小明", "这个保温杯多少钱？")]
