"""The show's rundown marks when two consoles of the room share one database (real SQLite and PostgreSQL): a mark
is never lost nor written over another console's — two marks stamped at the same boundary by two consoles are
told apart by the database (the first kept, the second refused with the show's marks to follow), a mark stored
late (the database did not answer at Go) goes after the last one, an outcome updates its own mark only — and the
cheap mark a console re-reads every second changes with every mark added."""

from __future__ import annotations

from datetime import UTC, datetime

from console.core.rundown.live import DONE, GO, PENDING, REFUSED, SKIP, Mark
from console.core.storage import RundownWatch, Storage

ROOM = "一号直播间"
T0 = 1_764_600_000.0


def mark(seq: int, t: float, key: str, who: str, action: str = GO, scene: str = "") -> dict[str, object]:
    outcome = PENDING if scene else ""
    return Mark(seq, t, key, key.upper(), 60, action, who, scene, outcome).as_row()


def test_two_consoles_writing_the_same_boundary_keep_both_marks(storage: Storage) -> None:
    """The show writer's path (marks stamped while the database did not answer): the second console's mark at
    the same seq went over the first's (deleted and replaced by seq); now both are kept, in order."""
    show, _ = storage.open_show(ROOM, datetime.now(UTC), 60)
    storage.add_rundown(show.id, [mark(0, T0, "open", "场控小李")])
    other = Storage(storage.url)  # the second console of the room
    try:
        other.add_rundown(show.id, [mark(0, T0 + 4, "bag", "客服小周")])
    finally:
        other.close()
    stored = storage.rundown_marks(show.id)
    assert [(m.seq, m.key, m.who) for m in stored] == [(0, "open", "场控小李"), (1, "bag", "客服小周")]


def test_the_same_boundary_claimed_twice_is_kept_once_and_the_loser_gets_the_winners_mark(storage: Storage) -> None:
    show, _ = storage.open_show(ROOM, datetime.now(UTC), 60)
    snapshot = {"room": ROOM, "taken_at": T0, "planned_start": None, "segments": "[]"}
    first = storage.claim_rundown_mark(show.id, mark(0, T0, "open", "场控小李", scene="Cam"), snapshot)
    assert first.won and first.seq == 0
    other = Storage(storage.url)
    try:
        lost = other.claim_rundown_mark(show.id, mark(0, T0 + 0.2, "open", "客服小周"), snapshot)
        assert not lost.won and lost.seq is None
        assert [(m.seq, m.key, m.who, m.t) for m in lost.marks] == [(0, "open", "场控小李", T0)]
        again = storage.claim_rundown_mark(show.id, mark(0, T0, "open", "场控小李", scene="Cam"))
        assert again.won and again.seq == 0 and len(again.marks) == 1, "a claim tried again is the same mark"
        # The loser, following the winner, takes the next boundary.
        nxt = other.claim_rundown_mark(show.id, mark(1, T0 + 5, "bag", "客服小周", action=SKIP))
        assert nxt.won and [(m.seq, m.who) for m in nxt.marks] == [(0, "场控小李"), (1, "客服小周")]
        # A mark stamped while the database did not answer goes after the last one: never lost.
        late = other.claim_rundown_mark(show.id, mark(1, T0 + 3, "close", "客服小周"), append=True)
        assert late.won and late.seq == 2
    finally:
        other.close()
    assert storage.rundown_snapshot(show.id) is not None


def test_an_outcome_updates_its_own_mark_only(storage: Storage) -> None:
    show, _ = storage.open_show(ROOM, datetime.now(UTC), 60)
    storage.claim_rundown_mark(show.id, mark(0, T0, "open", "场控小李", scene="Cam"))
    lost = mark(0, T0 + 0.1, "open", "客服小周", scene="Cam2")
    assert not storage.claim_rundown_mark(show.id, lost).won
    refused = dict(lost, outcome=REFUSED, reason="no")
    assert not storage.settle_rundown_mark(show.id, refused), "the loser's outcome finds no mark of its own"
    done = dict(mark(0, T0, "open", "场控小李", scene="Cam"), outcome=DONE)
    assert storage.settle_rundown_mark(show.id, done)
    assert [(m.who, m.scene, m.outcome) for m in storage.rundown_marks(show.id)] == [("场控小李", "Cam", DONE)]


def test_the_mark_read_every_second_changes_with_each_mark(storage: Storage) -> None:
    show, _ = storage.open_show(ROOM, datetime.now(UTC), 60)
    assert storage.rundown_mark(show.id) == (0, -1)
    storage.claim_rundown_mark(show.id, mark(0, T0, "open", "场控小李"))
    assert storage.rundown_mark(show.id) == (1, 0)
    storage.claim_rundown_mark(show.id, mark(1, T0 + 60, "bag", "场控小李"))
    assert storage.rundown_mark(show.id) == (2, 1)


def test_the_watch_read_every_second_changes_with_the_plan_the_marks_and_the_host_line(storage: Storage) -> None:
    """One statement says whether the room's plan was saved elsewhere (an import), a mark added or the line for the
    host changed: a console reads the plan, the marks or the line whole only when its part moved."""
    from console.core.rundown.model import Rundown, Segment

    assert storage.rundown_watch(ROOM, None) == RundownWatch(None, (0, -1), 0), "no plan, no show yet"
    saved = storage.save_rundown(Rundown(ROOM, (Segment("开场", 300, key="open"),)), "策划小林")
    assert storage.rundown_watch(ROOM, None).plan_saved_at == saved.updated_at == storage.rundown(ROOM).updated_at
    assert storage.rundown_watch("二号直播间", None).plan_saved_at is None, "another room's plan is not this one's"
    show, _ = storage.open_show(ROOM, datetime.now(UTC), 60)
    storage.claim_rundown_mark(show.id, mark(0, T0, "open", "场控小李"))
    storage.set_host_line(show.id, "3号链接马上上", "场控小李")
    seen = storage.rundown_watch(ROOM, show.id)
    assert seen.marks == storage.rundown_mark(show.id) == (1, 0) and seen.line_revision == 1
    again = storage.save_rundown(Rundown(ROOM, (Segment("开场", 240, key="open"),)), "策划小林")
    assert storage.rundown_watch(ROOM, show.id).plan_saved_at == again.updated_at != saved.updated_at
