"""A lottery outlives the console that opened it: a restart mid-window (a new Engagement, a new feed, the same
database) takes it up with the entries stored so far, new comments keep entering, and the draw verifies from the
stored data alone; after the draw the engagement says it is drawn (seed revealed, winners)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.core.chat.engage import Engagement
from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.feed import ChatFeed
from console.core.chat.lottery import Lottery, LotteryError, verify
from console.core.storage import Storage, StorageError
from tests.conftest import fill_disk


class Clock:
    def __init__(self, mono: float = 1000.0) -> None:
        self.mono, self.wall = mono, 1_764_000_000.0

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += seconds


def said(clock: Clock, user: str, text: str, n: int) -> ChatEvent:
    return ChatEvent("bilibili", "s", ChatKind.COMMENT, f"u-{user}", user, text, t=clock.mono, message_id=f"m{n}")


def engagement(storage: Storage, show_id: int, clock: Clock) -> tuple[Engagement, ChatFeed]:
    feed = ChatFeed()
    return Engagement(storage, "demo", show_id, feed, clock=lambda: clock.mono, wall=lambda: clock.wall), feed


def test_an_open_lottery_resumes_after_a_restart_and_verifies(storage: Storage) -> None:
    show, _ = storage.open_show("demo", datetime(2026, 11, 30, 20, tzinfo=UTC), 120)
    clock = Clock()
    first, feed = engagement(storage, show.id, clock)
    opened = first.open_lottery("#抽奖", 3)
    for n, user in enumerate(["小明", "小红"], 1):
        clock.advance(1)
        feed.add(said(clock, user, "#抽奖", n))
    first.pump()
    # The console stops; another process starts later, with its own monotonic clock and an empty feed.
    clock.advance(30)
    clock.mono = 5.0
    second, new_feed = engagement(storage, show.id, clock)
    resumed = second.resume()
    assert resumed is not None and resumed.state == "open" and resumed.commitment == opened.commitment
    assert {e.user_name for e in resumed.entries} == {"小明", "小红"}
    for n, user in enumerate(["小明", "阿强"], 10):  # 小明 again: still one entry
        clock.advance(1)
        new_feed.add(said(clock, user, "#抽奖 冲", n))
    assert second.pump().entries == 1
    assert second.lottery is not None and len(second.lottery.entries) == 3
    drawn = second.draw_lottery()
    assert second.lottery is not None and second.lottery.state == "drawn"
    assert second.lottery.seed == drawn.seed and second.lottery.winners == drawn.winners
    assert drawn.id is not None
    stored = storage.lottery(drawn.id)
    assert {e.user_name for e in stored.entries} == {"小明", "小红", "阿强"}
    assert verify(json.loads(json.dumps(stored.to_json()))).ok


def test_a_closed_lottery_resumes_closed_and_takes_no_new_entry(storage: Storage) -> None:
    show, _ = storage.open_show("demo", datetime(2026, 11, 30, 20, tzinfo=UTC), 120)
    clock = Clock()
    first, feed = engagement(storage, show.id, clock)
    first.open_lottery("抽奖", 1)
    clock.advance(1)
    feed.add(said(clock, "小明", "抽奖", 1))
    clock.advance(1)
    first.close_lottery()
    clock.advance(10)
    second, new_feed = engagement(storage, show.id, clock)
    resumed = second.resume()
    assert resumed is not None and resumed.state == "closed"
    clock.advance(1)
    new_feed.add(said(clock, "迟到", "抽奖", 2))
    assert second.pump().entries == 0
    assert [w.user_name for w in second.draw_lottery().winners] == ["小明"]


def test_nothing_to_resume_and_a_resumed_lottery_cannot_draw_by_itself(storage: Storage) -> None:
    show, _ = storage.open_show("demo", datetime(2026, 11, 30, 20, tzinfo=UTC), 120)
    clock = Clock()
    engage, _ = engagement(storage, show.id, clock)
    assert engage.resume() is None and engage.lottery is None
    record = engage.open_lottery("抽奖", 1)
    with pytest.raises(LotteryError, match="drawn from the database"):
        Lottery.resume(record, clock.wall, clock.mono).draw()


def test_questions_and_entries_read_while_the_disk_is_full_are_stored_once_it_is_not(small_disk: Path) -> None:
    storage = Storage(f"sqlite:///{Path(small_disk) / 'onair.db'}")
    storage.migrate()
    try:
        show, _ = storage.open_show("demo", datetime(2026, 11, 30, 20, tzinfo=UTC), 120)
        clock = Clock()
        engage, feed = engagement(storage, show.id, clock)
        engage.open_lottery("抽奖", 5)
        fill_disk(small_disk)
        failed = 0
        for n in range(1, 40):  # the journal's pages fill what little room is left
            clock.advance(1)
            feed.add(said(clock, f"观众{n}", f"抽奖 这个多少钱 {n}", n))
            try:
                engage.pump()
            except StorageError as exc:
                assert "full" in str(exc)
                failed += 1
                if failed == 3:
                    break
        assert failed == 3 and engage.waiting > 0
        (Path(small_disk) / "filler").unlink()
        engage.pump()
        assert engage.waiting == 0
        asked = {q.user_name for q in engage.questions()}
        assert asked == {f"观众{m}" for m in range(1, n + 1)}
        record = engage.draw_lottery()
        assert len(record.entries) == n
    finally:
        storage.close()
