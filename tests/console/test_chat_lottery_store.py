"""The lottery stored with the show on real SQLite and real PostgreSQL: the draw made from the stored entries, and
its verification reproduced from the stored data alone (load, export, verify)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.lottery import Entry, Lottery, commitment_of, verify
from console.core.storage import Storage, StorageError

OPENED = 1_764_000_000.0
MONO = 100.0


def comment(user: str, text: str = "#抽奖", t: float = MONO + 1, **flags: Any) -> ChatEvent:
    return ChatEvent("bilibili", "src", ChatKind.COMMENT, f"uid-{user}", user, text, t=t, **flags)


def a_show(storage: Storage) -> int:
    show, _ = storage.open_show("demo", datetime.fromtimestamp(OPENED - 60, UTC), 120)
    return show.id


def run_lottery(storage: Storage, viewers: int = 12, winners: int = 3) -> tuple[int, str]:
    """A lottery as the console runs it: opened and stored, fed the room's comments, flushed, closed, drawn."""
    show_id = a_show(storage)
    lottery, seed = Lottery.open("#抽奖", winners, ("客服小王",), now=OPENED, mono=MONO, room="demo", show_id=show_id)
    lottery_id = storage.open_lottery(show_id, lottery.record, seed)
    lottery.attach(lottery_id)
    published = lottery.commitment
    for n in range(viewers):
        lottery.offer(comment(f"观众{n:02d}", "＃抽奖 冲", t=MONO + 1 + n))
        lottery.offer(comment(f"观众{n:02d}", "#抽奖 again", t=MONO + 2 + n))
    lottery.offer(comment("客服小王"))
    lottery.offer(comment("主播", host=True))
    storage.add_lottery_entries(lottery_id, lottery.take_new())
    closed = lottery.close(mono=MONO + 60)
    storage.close_lottery(lottery_id, closed.closed_at or 0.0)
    storage.draw_lottery(lottery_id, OPENED + 61)
    return lottery_id, published


def test_verification_is_reproduced_from_the_stored_data_alone(storage: Storage) -> None:
    lottery_id, published = run_lottery(storage)
    # A second connection, as another console or an auditor would open the database: nothing in memory.
    other = Storage(storage.url)
    try:
        record = other.lottery(lottery_id)
    finally:
        other.close()
    assert record.commitment == published  # the commitment published at the opening is the one that verifies
    assert len(record.entries) == 12 and len(record.winners) == 3
    assert {e.user_name for e in record.entries}.isdisjoint({"客服小王", "主播"})
    exported = json.loads(json.dumps(record.to_json(), ensure_ascii=False))
    result = verify(exported)
    assert result.ok, [str(p) for p in result.problems]
    assert commitment_of(bytes.fromhex(exported["seed"])) == published

    tampered_entries = dict(
        exported, entries=[e for e in exported["entries"] if e["user_id"] != record.winners[0].user_id]
    )
    assert not verify(tampered_entries).ok
    assert not verify(dict(exported, seed="ab" * 32)).ok
    other_winner = next(e for e in exported["entries"] if e["user_id"] not in {w.user_id for w in record.winners})
    tampered_winners = [dict(exported["winners"][0], user_id=other_winner["user_id"]), *exported["winners"][1:]]
    assert not verify(dict(exported, winners=tampered_winners)).ok


def test_the_seed_stays_hidden_until_the_draw_and_the_draw_happens_once(storage: Storage) -> None:
    show_id = a_show(storage)
    lottery, seed = Lottery.open("#抽奖", 2, now=OPENED, mono=MONO, show_id=show_id)
    lottery_id = storage.open_lottery(show_id, lottery.record, seed)
    storage.add_lottery_entries(
        lottery_id, [Entry("bilibili", f"u{n}", f"n{n}", OPENED + n, "#抽奖") for n in range(5)]
    )
    before = storage.lottery(lottery_id)
    assert before.seed is None and before.state == "open" and before.winners == ()
    assert before.commitment == commitment_of(seed)
    first = storage.draw_lottery(lottery_id, OPENED + 30)  # still open: the draw closes it
    assert first.state == "drawn" and first.seed == seed.hex() and first.closed_at == OPENED + 30
    again = storage.draw_lottery(lottery_id, OPENED + 99)
    assert again.winners == first.winners and again.drawn_at == first.drawn_at
    assert storage.add_lottery_entries(lottery_id, [Entry("bilibili", "new", "n", OPENED + 1, "#抽奖")]) == 0
    assert len(storage.lottery(lottery_id).entries) == 5


def test_one_entry_per_viewer_and_none_after_the_close(storage: Storage) -> None:
    show_id = a_show(storage)
    lottery, seed = Lottery.open("#抽奖", 5, now=OPENED, mono=MONO, show_id=show_id)
    lottery_id = storage.open_lottery(show_id, lottery.record, seed)
    first = Entry("bilibili", "u1", "小明", OPENED + 1, "#抽奖 first")
    # Two consoles of the room flushing the same viewer: the first stored entry stays.
    assert storage.add_lottery_entries(lottery_id, [first]) == 1
    assert storage.add_lottery_entries(lottery_id, [Entry("bilibili", "u1", "小明", OPENED + 2, "#抽奖 second")]) == 0
    storage.close_lottery(lottery_id, OPENED + 10)
    storage.close_lottery(lottery_id, OPENED + 50)  # the first close counts
    late = Entry("bilibili", "u2", "late", OPENED + 11, "#抽奖")
    on_time = Entry("bilibili", "u3", "on time", OPENED + 9, "#抽奖")  # flushed after the close, arrived before it
    assert storage.add_lottery_entries(lottery_id, [late, on_time]) == 1
    record = storage.draw_lottery(lottery_id, OPENED + 60)
    assert record.closed_at == OPENED + 10
    assert [(e.user_id, e.comment) for e in record.entries] == [("u1", "#抽奖 first"), ("u3", "#抽奖")]
    assert sorted(w.user_id for w in record.winners) == ["u1", "u3"]  # fewer entries than winners: all win
    assert verify(json.loads(json.dumps(record.to_json()))).ok


def test_a_lottery_without_entries_draws_no_one_and_still_verifies(storage: Storage) -> None:
    show_id = a_show(storage)
    lottery, seed = Lottery.open("#抽奖", 3, now=OPENED, mono=MONO, show_id=show_id)
    lottery_id = storage.open_lottery(show_id, lottery.record, seed)
    record = storage.draw_lottery(lottery_id, OPENED + 5)
    assert record.winners == () and verify(record.to_json()).ok


def test_the_shows_lotteries_and_unknown_ones(storage: Storage) -> None:
    first, _ = run_lottery(storage, viewers=3, winners=1)
    show_id = storage.lottery(first).show_id
    assert [r.id for r in storage.show_lotteries(show_id)] == [first]
    assert storage.lottery(first + 100) is None
    with pytest.raises(StorageError, match="no lottery"):
        storage.draw_lottery(first + 100, OPENED)
    lottery, seed = Lottery.open("#抽奖", 1, now=OPENED)
    with pytest.raises(StorageError, match="no show"):
        storage.open_lottery(show_id + 100, lottery.record, seed)
