"""The Q&A queue shared by every console of a room through the database (real SQLite and real PostgreSQL): one
question per comment, claims that only one console wins, and the room's quick replies."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.questions import QuestionError, QuestionState, QuickReply, ReplyError
from console.core.storage import Storage


def ask(text: str, user: str = "小明", message_id: str = "") -> ChatEvent:
    return ChatEvent(
        "bilibili", "s", ChatKind.COMMENT, f"uid-{user}", user, text, wall=1_764_000_000.0, message_id=message_id
    )


def a_show(storage: Storage) -> int:
    show, _ = storage.open_show("demo", datetime(2026, 11, 30, 20, tzinfo=UTC), 120)
    return show.id


def test_two_consoles_storing_the_same_comment_keep_one_question(storage: Storage) -> None:
    show_id = a_show(storage)
    first = storage.add_question(show_id, ask("多少钱", message_id="m1"))
    second = storage.add_question(show_id, ask("多少钱", message_id="m1"))
    assert first.id == second.id and first.state is QuestionState.OPEN and first.origin == "detected"
    storage.add_question(show_id, ask("几号发货", user="小红"))
    assert [q.text for q in storage.questions(show_id)] == ["多少钱", "几号发货"]


def test_claim_answer_dismiss_and_release(storage: Storage) -> None:
    show_id = a_show(storage)
    question = storage.add_question(show_id, ask("多少钱", message_id="m1"))
    claimed = storage.claim_question(question.id, "客服A", now=10.0)
    assert claimed.state is QuestionState.CLAIMED and claimed.claimed_by == "客服A" and claimed.claimed_at == 10.0
    with pytest.raises(QuestionError, match="客服A has already claimed"):
        storage.claim_question(question.id, "客服B")
    with pytest.raises(QuestionError, match="客服A has already claimed"):
        storage.answer_question(question.id, "客服B", "89 元")
    with pytest.raises(QuestionError, match="客服A has already claimed"):
        storage.release_question(question.id, "客服B")
    released = storage.release_question(question.id, "客服A")
    assert released.state is QuestionState.OPEN and released.claimed_by is None
    storage.claim_question(question.id, "客服B")
    answered = storage.answer_question(question.id, "客服B", "到手价 89 元", now=20.0)
    assert (answered.state, answered.answered_by, answered.answer) == (QuestionState.ANSWERED, "客服B", "到手价 89 元")
    with pytest.raises(QuestionError, match="客服B has already answered"):
        storage.dismiss_question(question.id, "客服A")
    with pytest.raises(QuestionError, match="no such question"):
        storage.claim_question(question.id + 99, "客服A")
    assert storage.questions(show_id, ("open", "claimed")) == []


def test_an_open_question_is_answered_or_dismissed_without_a_claim_and_marked_again_by_hand(storage: Storage) -> None:
    show_id = a_show(storage)
    wrong = storage.add_question(show_id, ask("我在看呢", message_id="m2"))
    dismissed = storage.dismiss_question(wrong.id, "助理")
    assert dismissed.state is QuestionState.DISMISSED and dismissed.dismissed_by == "助理"
    again = storage.add_question(show_id, ask("我在看呢", message_id="m2"))
    assert again.state is QuestionState.DISMISSED  # found again by a console: stays dismissed
    by_hand = storage.add_question(show_id, ask("我在看呢", message_id="m2"), origin="hand")
    assert by_hand.state is QuestionState.OPEN and by_hand.origin == "hand" and by_hand.dismissed_by is None
    answered = storage.answer_question(by_hand.id, "助理")
    assert answered.state is QuestionState.ANSWERED


def test_two_consoles_claiming_at_once_one_wins(storage: Storage) -> None:
    show_id = a_show(storage)
    ids = [storage.add_question(show_id, ask(f"问题{n}吗", message_id=f"m{n}")).id for n in range(15)]
    consoles = [Storage(storage.url), Storage(storage.url)]
    won: dict[str, list[int]] = {"A": [], "B": []}
    lost: dict[str, list[int]] = {"A": [], "B": []}
    barrier = threading.Barrier(2)

    def claim_all(name: str, store: Storage) -> None:
        for question_id in ids:
            barrier.wait(timeout=30)
            try:
                store.claim_question(question_id, name)
                won[name].append(question_id)
            except QuestionError:
                lost[name].append(question_id)

    threads = [threading.Thread(target=claim_all, args=pair) for pair in zip("AB", consoles, strict=True)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        for console in consoles:
            console.close()
    assert sorted(won["A"] + won["B"]) == ids  # every question claimed once ...
    assert sorted(lost["A"] + lost["B"]) == ids  # ... and the other console told so each time
    stored = {q.id: q.claimed_by for q in storage.questions(show_id)}
    assert all(stored[i] == "A" for i in won["A"]) and all(stored[i] == "B" for i in won["B"])


def test_quick_replies_per_room(storage: Storage) -> None:
    replies = [
        QuickReply("{product} 到手价 {price} 元", "保温杯", "多少钱"),
        QuickReply("七天无理由退货", keyword="退货"),
    ]
    assert storage.save_quick_replies("demo", replies) == replies
    storage.save_quick_replies("二号直播间", [QuickReply("另一个直播间")])
    assert storage.quick_replies("demo") == replies
    with pytest.raises(ReplyError):
        storage.save_quick_replies("demo", [QuickReply("{oops}")])
    assert storage.quick_replies("demo") == replies  # refused: nothing changed
    storage.save_quick_replies("demo", [])
    assert storage.quick_replies("demo") == [] and len(storage.quick_replies("二号直播间")) == 1
