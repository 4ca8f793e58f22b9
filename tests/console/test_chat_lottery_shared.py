"""The room's lottery shared by two consoles of one room on one database (the host assistant's desk and the
customer-service desk), on real SQLite and real PostgreSQL: each desk reads the room's comments into its own feed
and its own Engagement, with its own connection to the database, as two consoles do.

What a desk sees: the other desk's lottery (keyword, commitment, entries, close, draw with winners and seed,
cancellation) at its next sync; a second lottery refused in words naming the running one and who opened it (by
the database itself, even past the Python check); entries counted once when both desks read the same comments;
one draw when both press Draw at once, the loser told and given the winners."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert

from console.core.chat.engage import Engagement
from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.feed import ChatFeed
from console.core.chat.lottery import AlreadyDrawn, Lottery, LotteryError, verify
from console.core.storage import LOTTERIES, LOTTERY_WINNERS, Storage, StorageError


class Clock:
    def __init__(self, mono: float) -> None:
        self.mono, self.wall = mono, 1_764_000_000.0

    def now_mono(self) -> float:
        return self.mono

    def now_wall(self) -> float:
        return self.wall

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += seconds


@dataclass
class Desk:
    """One console of the room: its feed, its clock (monotonic clocks of two computers differ), its engagement."""

    engage: Engagement
    feed: ChatFeed
    clock: Clock
    who: str

    def read(self, user: str, text: str, n: int) -> None:
        """The room's comment n as this desk's sources deliver it (same platform message id at every desk)."""
        self.feed.add(
            ChatEvent("bilibili", "s", ChatKind.COMMENT, f"u-{user}", user, text, t=self.clock.mono, message_id=f"m{n}")
        )


@pytest.fixture
def desks(storage: Storage) -> Iterator[tuple[Desk, Desk]]:
    show, _ = storage.open_show("demo", datetime(2026, 11, 30, 20, tzinfo=UTC), 120)
    other = Storage(storage.url)  # the second console's own connections
    made = []
    for store, mono, who in ((storage, 1000.0, "主播助理"), (other, 52_000.0, "客服B")):
        feed, clock = ChatFeed(), Clock(mono)
        engage = Engagement(store, "demo", show.id, feed, clock=clock.now_mono, wall=clock.now_wall)
        made.append(Desk(engage, feed, clock, who))
    try:
        yield made[0], made[1]
    finally:
        other.close()


def advance(a: Desk, b: Desk, seconds: float) -> None:
    a.clock.advance(seconds)
    b.clock.advance(seconds)


def test_a_lottery_opened_at_one_desk_is_followed_closed_and_drawn_at_the_other(desks: tuple[Desk, Desk]) -> None:
    a, b = desks
    b.engage.sync()
    assert b.engage.sync() is False and b.engage.lottery is None  # nothing yet: nothing read but the mark
    opened = a.engage.open_lottery("#抽奖", 2, ("客服小王",), by=a.who)
    assert b.engage.sync() is True
    seen = b.engage.lottery
    assert seen is not None and seen.state == "open"
    assert (seen.keyword, seen.commitment, seen.opened_by, seen.excluded) == (
        "#抽奖",
        opened.commitment,
        "主播助理",
        ("客服小王",),
    )
    assert b.engage.sync() is False, "nothing changed: the whole lottery is not read again"

    # Both desks read the same comments (each its own sources): every viewer enters once, the count is the room's.
    for n, user in enumerate(["小明", "小红", "阿强", "客服小王"]):
        advance(a, b, 1)
        a.read(user, "#抽奖 冲", n)
        b.read(user, "＃抽奖", n)
    b.read("晚来的", "#抽奖", 99)  # only the customer-service desk's source delivered this one
    assert a.engage.pump().entries == 3
    assert b.engage.pump().entries == 1  # 小明, 小红, 阿强 are in already: only 晚来的 is new
    for desk in (a, b):
        desk.engage.sync()
        record = desk.engage.lottery
        assert record is not None
        assert sorted(e.user_name for e in record.entries) == sorted(["小明", "小红", "阿强", "晚来的"])

    advance(a, b, 5)
    closed = b.engage.close_lottery()  # the other desk closes the window
    assert closed.state == "closed"
    a.engage.sync()
    assert a.engage.lottery is not None and a.engage.lottery.state == "closed"
    assert a.engage.lottery.closed_at == closed.closed_at
    advance(a, b, 1)
    a.read("迟到", "#抽奖", 100)  # after the close, as the desk that opened it reads it: no entry
    a.engage.pump()

    drawn = a.engage.draw_lottery(by=a.who)
    assert drawn.state == "drawn" and drawn.drawn_by == "主播助理" and len(drawn.winners) == 2
    assert b.engage.sync() is True
    shown = b.engage.lottery
    assert shown is not None and shown.state == "drawn"
    assert (shown.seed, shown.winners, shown.drawn_by) == (drawn.seed, drawn.winners, "主播助理")
    assert len(shown.entries) == 4
    assert verify(shown.to_json()).ok


def test_a_second_lottery_is_refused_naming_the_running_one_and_who_opened_it(
    desks: tuple[Desk, Desk], storage: Storage
) -> None:
    a, b = desks
    a.engage.open_lottery("#抽奖", 1, by=a.who)
    # The other desk has not synced yet (it opened before its next read): refused all the same, in words.
    with pytest.raises(
        LotteryError, match=r"a lottery is already open in this show: “#抽奖”, opened at .* by 主播助理"
    ):
        b.engage.open_lottery("福袋", 1, by=b.who)
    assert b.engage.lottery is not None and b.engage.lottery.keyword == "#抽奖", "the refused desk is shown it"

    # Past any check in Python: the database itself keeps one running lottery per show.
    assert a.engage.show_id is not None
    record = Lottery.open("福袋", 1, room="demo", show_id=a.engage.show_id)[0].record
    with pytest.raises(StorageError), storage._unit() as session:  # a raw insert, as a second writer would
        session.execute(
            insert(LOTTERIES).values(
                show_id=a.engage.show_id, room="demo", keyword="福袋", winners_count=1, excluded="[]",
                opened_at=record.opened_at, commitment=record.commitment, seed="00" * 32,
            )
        )  # fmt: skip

    b.engage.close_lottery()  # closed, not drawn: still the show's lottery
    with pytest.raises(LotteryError, match="is closed and waits for its draw"):
        a.engage.open_lottery("福袋", 1, by=a.who)

    cancelled = b.engage.cancel_lottery(by=b.who)
    assert cancelled.state == "cancelled" and cancelled.cancelled_by == "客服B" and cancelled.seed is None
    a.engage.sync()
    assert a.engage.lottery is not None and a.engage.lottery.state == "cancelled"
    with pytest.raises(LotteryError, match=r"was cancelled at .* by 客服B: it cannot be drawn"):
        a.engage.draw_lottery(by=a.who)
    again = a.engage.open_lottery("福袋", 1, by=a.who)  # the cancelled one no longer holds the show
    b.engage.sync()
    assert b.engage.lottery is not None and b.engage.lottery.id == again.id and b.engage.lottery.state == "open"

    # Cancelled while open: a desk that starts afterwards takes it up cancelled, and its keyword enters nothing.
    advance(a, b, 1)
    b.engage.cancel_lottery(by=b.who)
    late = Engagement(storage, "demo", a.engage.show_id, b.feed, clock=b.clock.now_mono, wall=b.clock.now_wall)
    late.resume()
    advance(a, b, 1)
    b.read("小明", "福袋", 7)
    late.pump()
    assert late.lottery is not None and late.lottery.state == "cancelled" and late.lottery.entries == ()


def test_the_loser_of_two_draws_is_told_and_given_the_winners(desks: tuple[Desk, Desk], storage: Storage) -> None:
    a, b = desks
    a.engage.open_lottery("#抽奖", 2, by=a.who)
    for n in range(6):
        a.read(f"观众{n}", "#抽奖", n)
    a.engage.pump()
    b.engage.sync()
    drawn = b.engage.draw_lottery(by=b.who)
    with pytest.raises(AlreadyDrawn, match=r"already drawn at .* by 客服B") as lost:
        a.engage.draw_lottery(by=a.who)  # pressed a moment later, before its next sync
    assert lost.value.record.winners == drawn.winners and lost.value.record.seed == drawn.seed
    assert a.engage.lottery is not None and a.engage.lottery.winners == drawn.winners


def test_two_desks_pressing_draw_at_the_same_moment_draw_once(desks: tuple[Desk, Desk], storage: Storage) -> None:
    a, b = desks
    a.engage.open_lottery("#抽奖", 3, by=a.who)
    for n in range(20):
        a.read(f"观众{n}", "#抽奖", n)
    a.engage.pump()
    a.engage.close_lottery()
    b.engage.sync()
    outcomes: dict[str, object] = {}
    start = threading.Barrier(2)

    def press(desk: Desk) -> None:
        start.wait()
        try:
            outcomes[desk.who] = desk.engage.draw_lottery(by=desk.who)
        except Exception as exc:  # the loser's outcome, checked below
            outcomes[desk.who] = exc

    threads = [threading.Thread(target=press, args=(desk,)) for desk in (a, b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    lost = [o for o in outcomes.values() if isinstance(o, AlreadyDrawn)]
    won = [o for o in outcomes.values() if not isinstance(o, Exception)]
    assert len(won) == 1 and len(lost) == 1, outcomes
    assert lost[0].record.winners == won[0].winners  # type: ignore[attr-defined]
    with storage._unit() as session:  # the stored rows themselves
        assert len(session.execute(LOTTERY_WINNERS.select()).all()) == 3


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_a_database_of_an_older_console_with_two_undrawn_lotteries_migrates_keeping_the_newest(
    database: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """An older console let a show open a new lottery after closing one undrawn: the migration keeps the newest
    running, cancels the older as of its close, and leaves drawn ones alone."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from console.core.storage import MIGRATIONS

    url = f"sqlite:///{tmp_path / 'old.db'}" if database == "sqlite" else request.getfixturevalue("postgres_url")
    store = Storage(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0014")
        connection.execute(text("insert into shows (room, started_at) values ('demo', '2026-11-30 20:00:00')"))
        show_id = int(connection.execute(text("select max(id) from shows")).scalar_one())
        for keyword, closed, drawn in (("一", 110.0, 111.0), ("二", 120.0, None), ("三", None, None)):
            connection.execute(
                text(
                    "insert into show_lotteries (show_id, room, keyword, winners_count, excluded, opened_at,"
                    " closed_at, commitment, seed, drawn_at) values (:show, 'demo', :keyword, 1, '[]', 100.0,"
                    " :closed, :c, :s, :drawn)"
                ),
                {"show": show_id, "keyword": keyword, "closed": closed, "drawn": drawn, "c": "0" * 64, "s": "0" * 64},
            )
    try:
        store.migrate()
        states = {record.keyword: record for record in store.show_lotteries(show_id)}
        assert {k: r.state for k, r in states.items()} == {"一": "drawn", "二": "cancelled", "三": "open"}
        assert states["二"].cancelled_at == 120.0
        engage = Engagement(store, "demo", show_id, ChatFeed())
        assert engage.resume() is not None and engage.lottery is not None and engage.lottery.keyword == "三"
        with pytest.raises(LotteryError, match="already open in this show"):
            engage.open_lottery("四", 1)
    finally:
        store.close()
