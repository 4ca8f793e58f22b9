"""A winner who does not answer: forfeited (who, when, why) and replaced by the next viewer of the same seeded
sequence (onair-lottery/2), stored with the show on real SQLite and PostgreSQL, and checked by `verify`."""

from __future__ import annotations

import json
from typing import Any

import pytest

from console.core.chat.lottery import FORMAT, FORMAT_2, Entry, LotteryError, draw_winners, verify
from console.core.storage import Storage
from tests.console.test_chat_lottery_store import OPENED, run_lottery

SEED = bytes(range(32))


def entries(n: int) -> list[Entry]:
    return [Entry("bilibili", f"uid-{i:02d}", f"观众{i:02d}", OPENED + i, "#抽奖") for i in range(n)]


def exported(storage: Storage, lottery_id: int) -> dict[str, Any]:
    """The record as an auditor reads it: a second connection, JSON and back."""
    other = Storage(storage.url)
    try:
        record = other.lottery(lottery_id)
    finally:
        other.close()
    data: dict[str, Any] = json.loads(json.dumps(record.to_json(), ensure_ascii=False))
    return data


def test_the_sequence_goes_on_over_the_pool_left_and_never_repeats_a_viewer() -> None:
    pool = entries(7)
    first = draw_winners(SEED, pool, 3)
    longer = draw_winners(SEED, pool, 7)
    # Drawing more never changes the winners already drawn: a replacement is the next one of the same sequence.
    assert longer[:3] == first
    assert len({(w.platform, w.user_id) for w in longer}) == 7
    assert [w.rank for w in longer] == list(range(1, 8))


def test_forfeit_then_replacement_after_a_restart_is_the_next_in_the_sequence(storage: Storage) -> None:
    lottery_id, _ = run_lottery(storage, viewers=12, winners=3)
    drawn = storage.lottery(lottery_id)
    second = drawn.winners[1]
    storage.forfeit_winner(lottery_id, 2, "no_answer", "  called twice, no answer ", OPENED + 100, by="主播助理小林")
    # The console restarts between the forfeit and the replacement: a fresh connection finds the forfeit waiting.
    restarted = Storage(storage.url)
    try:
        waiting = restarted.lottery(lottery_id)
        assert [w.rank for w in waiting.awaiting_replacement] == [2]
        assert waiting.winners[1].forfeited_by == "主播助理小林"
        assert waiting.winners[1].note == "called twice, no answer"
        record = restarted.draw_replacement(lottery_id, 2, OPENED + 130, by="客服小周")
    finally:
        restarted.close()
    seed = bytes.fromhex(record.seed)
    expected = draw_winners(seed, record.entries, 4)[3]
    replacement = record.winners[3]
    assert (replacement.rank, replacement.user_id, replacement.replaces) == (4, expected.user_id, 2)
    assert replacement.drawn_by == "客服小周" and replacement.drawn_at == OPENED + 130
    assert replacement.user_id not in {w.user_id for w in drawn.winners}
    standing = [w.user_id for w in record.standing]
    assert standing == [drawn.winners[0].user_id, drawn.winners[2].user_id, expected.user_id]
    assert second.user_id not in {w.user_id for w in record.standing}
    assert record.awaiting_replacement == ()

    data = exported(storage, lottery_id)
    assert data["format"] == FORMAT_2
    assert data["winners"][1]["forfeited"]["reason"] == "no_answer"
    result = verify(data)
    assert result.ok, [p.explain() for p in result.problems]


def test_a_replacement_who_forfeits_too_is_replaced_by_the_one_after(storage: Storage) -> None:
    lottery_id, _ = run_lottery(storage, viewers=5, winners=2)
    storage.forfeit_winner(lottery_id, 1, "ineligible", "", OPENED + 100)
    storage.draw_replacement(lottery_id, 1, OPENED + 110)
    storage.forfeit_winner(lottery_id, 3, "other", "left the stream", OPENED + 120)
    record = storage.draw_replacement(lottery_id, 3, OPENED + 130)
    assert [(w.rank, w.replaces) for w in record.winners] == [(1, None), (2, None), (3, 1), (4, 3)]
    assert verify(exported(storage, lottery_id)).ok
    # Each forfeit is replaced once, whoever presses again.
    with pytest.raises(LotteryError, match="already drawn"):
        storage.draw_replacement(lottery_id, 3, OPENED + 140)
    with pytest.raises(LotteryError, match="already marked forfeited"):
        storage.forfeit_winner(lottery_id, 3, "no_answer", "", OPENED + 150)
    storage.forfeit_winner(lottery_id, 4, "no_answer", "", OPENED + 160)
    record = storage.draw_replacement(lottery_id, 4, OPENED + 170)
    assert len(record.winners) == 5
    # The pool is spent: all five entries were drawn, a sixth forfeit has nobody left to replace it.
    storage.forfeit_winner(lottery_id, 5, "no_answer", "", OPENED + 180)
    with pytest.raises(LotteryError, match="nobody is left"):
        storage.draw_replacement(lottery_id, 5, OPENED + 190)


def test_a_winner_not_forfeited_is_not_replaced_and_a_reason_is_needed(storage: Storage) -> None:
    lottery_id, _ = run_lottery(storage, viewers=6, winners=2)
    with pytest.raises(LotteryError, match="has not forfeited"):
        storage.draw_replacement(lottery_id, 1, OPENED + 100)
    with pytest.raises(LotteryError, match="needs a reason"):
        storage.forfeit_winner(lottery_id, 1, "", "", OPENED + 100)
    with pytest.raises(LotteryError, match="no winner 9"):
        storage.forfeit_winner(lottery_id, 9, "no_answer", "", OPENED + 100)
    assert exported(storage, lottery_id)["format"] == FORMAT  # nothing forfeited: the record reads as before


def test_a_tampered_replacement_does_not_verify(storage: Storage) -> None:
    lottery_id, _ = run_lottery(storage, viewers=10, winners=2)
    storage.forfeit_winner(lottery_id, 2, "no_answer", "", OPENED + 100)
    storage.draw_replacement(lottery_id, 2, OPENED + 110)
    data = exported(storage, lottery_id)
    assert verify(data).ok

    # Another viewer put in the replacement's place (one who was not drawn at all).
    drawn = {w["user_id"] for w in data["winners"]}
    other = next(e for e in data["entries"] if e["user_id"] not in drawn)
    swapped = json.loads(json.dumps(data))
    swapped["winners"][2].update(user_id=other["user_id"], user_name=other["user_name"])
    result = verify(swapped)
    assert not result.ok
    assert any("not the ones the seed" in p.explain() for p in result.problems)

    # A replacement drawn for a winner who never forfeited: an extra winner slipped in.
    unforfeited = json.loads(json.dumps(data))
    del unforfeited["winners"][1]["forfeited"]
    result = verify(unforfeited)
    assert not result.ok
    assert any("without replacing" in p.explain() for p in result.problems)

    # A replacement drawn before the forfeit it stands for.
    early = json.loads(json.dumps(data))
    early["winners"][2]["drawn_at"] = "2020-01-01T00:00:00.000Z"
    assert not verify(early).ok


def test_an_old_record_still_verifies(storage: Storage) -> None:
    lottery_id, _ = run_lottery(storage, viewers=8, winners=3)
    data = exported(storage, lottery_id)
    assert data["format"] == FORMAT and "forfeited" not in json.dumps(data)
    assert verify(data).ok
