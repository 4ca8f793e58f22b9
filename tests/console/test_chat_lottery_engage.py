"""The room's engagement fed by a real ChatFeed into real storage (SQLite and PostgreSQL): a lottery run from the
comments and verified from the database, questions found and shared, replies filled from the product on air."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from console.core.chat.engage import Engagement
from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.feed import ChatFeed
from console.core.chat.lottery import LotteryError, Outcome, verify
from console.core.chat.questions import QuestionError, QuickReply
from console.core.rundown.model import Product
from console.core.storage import Storage


class Clock:
    def __init__(self) -> None:
        self.mono, self.wall = 1000.0, 1_764_000_000.0

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += seconds


def said(clock: Clock, user: str, text: str, n: int, host: bool = False) -> ChatEvent:
    return ChatEvent(
        "bilibili", "s", ChatKind.COMMENT, f"u-{user}", user, text, t=clock.mono, message_id=f"m{n}", host=host
    )


@pytest.fixture
def room(storage: Storage) -> tuple[Engagement, ChatFeed, Clock]:
    show, _ = storage.open_show("demo", datetime(2026, 11, 30, 20, tzinfo=UTC), 120)
    feed, clock = ChatFeed(), Clock()
    feed.add(said(clock, "old", "#抽奖 多少钱", 0))  # before the engagement began: history
    return Engagement(storage, "demo", show.id, feed, clock=lambda: clock.mono, wall=lambda: clock.wall), feed, clock


def test_a_lottery_run_from_the_feed_verifies_from_the_database(room: tuple[Engagement, ChatFeed, Clock]) -> None:
    engage, feed, clock = room
    opened = engage.open_lottery("#抽奖", 2, ["场控"])
    assert len(opened.commitment) == 64 and opened.seed is None
    with pytest.raises(LotteryError, match="already open"):
        engage.open_lottery("#抽奖", 1)
    for n, (user, text) in enumerate(
        [
            ("小明", "＃抽奖"),
            ("小红", "#抽奖 冲"),
            ("小明", "#抽奖 again"),
            ("场控", "#抽奖"),
            ("阿强", "#抽奖 多少钱？"),
        ],
        1,
    ):
        clock.advance(1)
        feed.add(said(clock, user, text, n))
    pumped = engage.pump()
    assert (pumped.read, pumped.entries, pumped.missed) == (5, 3, 0)
    clock.advance(1)
    feed.add(said(clock, "赶上了", "#抽奖", 10))  # in the feed before the close, not yet pumped
    clock.advance(0.5)
    engage.close_lottery()
    clock.advance(1)
    feed.add(said(clock, "迟到", "#抽奖", 11))
    engage.pump()
    assert engage.lottery_counts()[Outcome.OUTSIDE] == 1
    drawn = engage.draw_lottery()
    assert drawn.commitment == opened.commitment and drawn.seed is not None
    assert {e.user_name for e in drawn.entries} == {"小明", "小红", "阿强", "赶上了"}
    stored = engage.storage.lottery(drawn.id)
    assert verify(json.loads(json.dumps(stored.to_json()))).ok
    assert [w.user_id for w in stored.winners] == [w.user_id for w in drawn.winners]


def test_questions_found_in_the_feed_are_shared_and_replied_to(
    room: tuple[Engagement, ChatFeed, Clock], storage: Storage
) -> None:
    engage, feed, clock = room
    storage.save_quick_replies("demo", [QuickReply("{product} 到手价 {price} 元", "保温杯", "多少钱")])
    feed.extend(
        [
            said(clock, "小明", "这个多少钱", 1),
            said(clock, "小红", "哈哈哈？？？", 2),
            said(clock, "主播", "大家有什么问题吗", 3, host=True),
            said(clock, "小刚", "主播好美", 4),
        ]
    )
    assert engage.pump().questions == 1
    other = Engagement(storage, "demo", engage.show_id, ChatFeed())  # a second console of the room
    [question] = other.questions()
    assert question.text == "这个多少钱" and question.user_name == "小明"
    marked = engage.mark_question(said(clock, "小刚", "主播好美", 4))
    assert marked.origin == "hand" and len(other.questions()) == 2
    engage.claim(question.id, "客服A")
    with pytest.raises(QuestionError, match="客服A has already claimed"):
        other.claim(question.id, "客服B")
    [(reply, text, missing, _on_air)] = engage.replies_for(question, Product("保温杯", Decimal("89.90"), "SKU-1"))
    assert missing == ()
    assert reply.keyword == "多少钱"
    assert text == "保温杯 到手价 89.90 元"
    engage.answer(question.id, "客服A", text)
    assert [q.id for q in other.questions()] == [marked.id]
