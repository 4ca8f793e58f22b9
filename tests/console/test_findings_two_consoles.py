"""Two consoles of one room share one show in one database and both write a finding episode's newest state (its
key is the same: the episode each took up from the stored history). Seen by use on PostgreSQL with 客服A and 客服B
closing at once: the second write was refused (duplicate key ix_show_findings_show_key) and its rows were lost.
The write is one merge by key on SQLite and PostgreSQL: the worst peak of the two, the earliest start and the latest
second seen, and the rest from the newer state."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import text

from console.core.storage import Storage, _put_findings

T = datetime(2026, 11, 2, 12, 0, tzinfo=UTC).timestamp()
KEY = f"network_drops@{T + 10:.3f}"


def state(peak: str, severity: str, last: float, closed: float | None, console: str) -> dict[str, Any]:
    """One console's newest state of the episode that began at T + 10."""
    return {
        "key": KEY,
        "finding_id": "network_drops",
        "category": "network",
        "severity": severity,
        "peak": peak,
        "first_seen": T + 10,
        "last_seen": last,
        "closed_at": closed,
        "active": closed is None,
        "message": f"Network drops ({console})",
        "template": "Network drops {pct} %",
        "fields": '{"pct": 7.0}',
        "remedies": "[]",
    }


def blocked(storage: Storage) -> bool:
    """A backend of this database waits on a lock (PostgreSQL): the other console's write is in flight."""
    with storage.engine.connect() as connection:
        waiting = connection.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
        ).scalar_one()
    return int(waiting) > 0


def test_two_consoles_writing_one_findings_state_at_once_both_keep_theirs(storage: Storage) -> None:
    show, _ = storage.open_show("一号直播间", datetime.fromtimestamp(T, UTC), 900)
    console_b = Storage(storage.url)
    errors: list[BaseException] = []

    def b_writes() -> None:
        try:  # 客服B's closing flush: the episode still open at 12:00:40, a warning now
            console_b.add_telemetry(show.id, [], [], [state("warning", "warning", T + 40, None, "B")])
        except BaseException as exc:
            errors.append(exc)

    try:
        with storage._write() as a:  # 客服A's closing flush, its transaction not yet committed
            _put_findings(a, show.id, [state("critical", "critical", T + 30, T + 35, "A")])
            writer = threading.Thread(target=b_writes)
            writer.start()
            if storage.engine.dialect.name == "postgresql":
                deadline = time.monotonic() + 10
                while not blocked(storage):  # B's insert waits for A's uncommitted row of the same key
                    assert time.monotonic() < deadline, "B's write never reached the row A holds"
                    time.sleep(0.02)
        writer.join(20)
        assert not writer.is_alive()
    finally:
        console_b.close()
    assert not errors, errors
    (finding,) = storage.show_findings(show.id)
    assert finding["peak"] == "critical", "the worst peak either console saw"
    assert (finding["first_seen"], finding["last_seen"]) == (T + 10, T + 40), "from the first to the last second seen"
    assert (finding["active"], finding["closed_at"], finding["severity"]) == (True, None, "warning"), "B's newer state"
    assert finding["message"] == "Network drops (B)"


@pytest.mark.parametrize("newer_first", [True, False])
def test_an_older_state_written_after_a_newer_one_does_not_undo_it(storage: Storage, newer_first: bool) -> None:
    show, _ = storage.open_show("一号直播间", datetime.fromtimestamp(T, UTC), 900)
    newer = state("warning", "warning", T + 60, T + 70, "A")  # closed at 12:01:10
    older = state("critical", "critical", T + 30, None, "B")  # B stopped at 12:00:30 with it open and critical
    for row in (newer, older) if newer_first else (older, newer):
        storage.add_telemetry(show.id, [], [], [row])
    (finding,) = storage.show_findings(show.id)
    assert finding["peak"] == "critical" and finding["last_seen"] == T + 60
    assert (finding["active"], finding["closed_at"], finding["message"]) == (False, T + 70, "Network drops (A)")


# ---------------------------------------------------------------------- the show's end, two consoles on it
def a_second(t: float) -> dict[str, Any]:
    return {"t": t, "bitrate_kbps": 2500.0, "streaming": 1.0}


def ended_at(storage: Storage, show_id: int) -> datetime | None:
    from sqlalchemy import select

    from console.core.storage import ShowRow

    with storage.engine.connect() as connection:
        value: datetime | None = connection.execute(select(ShowRow.ended_at).where(ShowRow.id == show_id)).scalar_one()
    return value


def test_the_first_console_to_leave_a_shared_show_leaves_it_to_the_other(storage: Storage) -> None:
    """客服A and 客服B record the room's show; A switches room: the show is B's now, not ended under it (the Shows
    browser would call it over, and B's restart would not resume it). B then leaves too: the show ends."""
    from console.core.telemetry.writer import ShowWriter
    from tests.conftest import wait_until
    from tests.console.test_telemetry import Recorder

    recorder_a, recorder_b = Recorder(), Recorder()
    a = ShowWriter(
        "一号直播间", recorder_a.on_history, recorder_a.on_problem, lambda: Storage(storage.url), flush_s=0.1
    )
    a.start()
    wait_until(lambda: recorder_a.history, 20)
    now = time.time()
    a.put([a_second(now - 1.0), a_second(now - 0.5)], [])
    wait_until(lambda: a.written == 2, 20)
    b = ShowWriter(
        "一号直播间", recorder_b.on_history, recorder_b.on_problem, lambda: Storage(storage.url), flush_s=0.1
    )
    b.start()
    wait_until(lambda: recorder_b.history, 20)
    show, resumed = recorder_b.history[0][0], recorder_b.history[0][1]
    assert resumed and show.id == recorder_a.history[0][0].id, "B records the same show"
    b.put([a_second(time.time() + 0.1)], [])
    wait_until(lambda: b.written == 1, 20)

    a.stop(end_show=True)
    assert not a.ended and ended_at(storage, show.id) is None, "B still records it"
    b.stop(end_show=True)
    assert b.ended and ended_at(storage, show.id) is not None, "the last console to leave ended it"


def test_a_console_alone_on_its_show_ends_it_whatever_an_earlier_console_stored(storage: Storage) -> None:
    """Seconds stored before this console opened the show (its own last run, resumed) are no other console."""
    show, _ = storage.open_show("一号直播间", datetime.fromtimestamp(time.time() - 5, UTC), 900)
    storage.add_telemetry(show.id, [a_second(time.time() - 3)], [])
    assert storage.end_show(show.id, datetime.now(UTC), mine=[], since=time.time() - 1)
    assert ended_at(storage, show.id) is not None
