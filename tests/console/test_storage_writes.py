"""The telemetry writer's path into the database, taken every flush all show long: what it stores (every figure,
the show's last second, a finding's newest state replacing the stored one), and that it stays cheap — the same
statements each time, compiled once, and on SQLite nothing sent but the writes. Real SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine.default import CACHE_HIT

from console.core.storage import Storage
from console.core.telemetry.channels import CHANNELS


def a_second(t: float, value: float) -> dict[str, Any]:
    row: dict[str, Any] = {name: value for name in CHANNELS}
    row.update(t=t, viewers=None, cpu_cores="12.0,80.5")
    return row


def a_finding(t: float, first: float, active: bool) -> dict[str, Any]:
    return {
        "key": f"render_lag:{first:.0f}",
        "finding_id": "render_lag",
        "category": "obs",
        "severity": "warning",
        "peak": "critical" if not active else "warning",
        "first_seen": first,
        "last_seen": t,
        "closed_at": None if active else t,
        "active": active,
        "message": "Rendering is lagging",
        "template": "Rendering is lagging ({lag} ms)",
        "fields": '{"lag": 40}',
        "remedies": "[]",
    }


def test_a_flush_stores_every_figure_and_a_findings_newest_state(storage: Storage) -> None:
    start = time.time() - 10
    show, _ = storage.open_show("一号直播间", datetime.fromtimestamp(start, UTC), 900)
    storage.add_telemetry(show.id, [a_second(start + 1, 1.5)], [], [a_finding(start + 1, start + 1, True)])
    storage.add_telemetry(
        show.id,
        [a_second(start + 2, 2.5), a_second(start + 3, 3.5)],
        [{"t": start + 2.5, "kind": "scene", "detail": "产品讲解"}],
        [a_finding(start + 3, start + 1, False)],
    )

    samples = storage.show_samples(show.id)
    assert [row["t"] for row in samples] == [start + 1, start + 2, start + 3]
    assert samples[2]["fps"] == 3.5 and samples[2]["viewers"] is None and samples[2]["cpu_cores"] == "12.0,80.5"
    assert [(m["kind"], m["detail"]) for m in storage.show_markers(show.id)] == [("scene", "产品讲解")]
    (finding,) = storage.show_findings(show.id)  # the episode's newest state replaced the first one
    assert (finding["active"], finding["peak"], finding["last_seen"]) == (False, "critical", start + 3)
    resumed, was_resumed = storage.open_show("一号直播间", datetime.fromtimestamp(start + 4, UTC), 900)
    assert was_resumed and resumed.id == show.id
    assert resumed.last_sample_at == datetime.fromtimestamp(start + 3, UTC)


def test_every_flush_runs_the_same_statements_compiled_once(storage: Storage) -> None:
    start = time.time()
    show, _ = storage.open_show("一号直播间", datetime.fromtimestamp(start, UTC), 900)
    ran: list[list[tuple[Any, bool]]] = []

    def executed(conn: Any, clause: Any, multiparams: Any, params: Any, options: Any, result: Any) -> None:
        ran[-1].append((clause, result.context.cache_hit == CACHE_HIT))

    event.listen(storage.engine, "after_execute", executed)
    for second in range(3):
        ran.append([])
        t = start + second
        storage.add_telemetry(show.id, [a_second(t, 1.0)], [{"t": t, "kind": "scene", "detail": ""}])

    first, *later = ran
    assert len(first) == 3  # the seconds, the show's last second, the marker
    for flush in later:
        # The very statement objects of the first flush (not built again), each found compiled in the cache.
        assert [id(clause) for clause, _ in flush] == [id(clause) for clause, _ in first]
        assert all(hit for _, hit in flush)


def test_on_sqlite_a_flush_sends_its_writes_and_nothing_more(tmp_path: Path) -> None:
    storage = Storage(f"sqlite:///{tmp_path / 'onair.db'}")
    storage.migrate()
    show, _ = storage.open_show("一号直播间", datetime.now(UTC), 900)
    sent: list[str] = []

    def trace(connection: sqlite3.Connection, _record: Any) -> None:
        connection.set_trace_callback(sent.append)

    event.listen(storage.engine, "connect", trace)
    storage.engine.dispose()  # the next connection is traced from its start
    t = time.time()
    storage.add_telemetry(show.id, [a_second(t, 1.0)], [])
    sent.clear()  # the new connection's pragmas
    storage.add_telemetry(show.id, [a_second(t + 1, 1.0)], [])
    storage.close()

    # No "is the connection alive" query before each write: a file has no server to have gone away.
    assert [statement.split()[0] for statement in sent] == ["BEGIN", "INSERT", "UPDATE", "COMMIT"]
