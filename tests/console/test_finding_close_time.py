"""A finding's closing time is kept with its row: after a restart the Health dock's "Until" is when the episode
closed (the figures stayed low for the hysteresis), not the last second its figure held."""

from __future__ import annotations

from datetime import UTC, datetime

from console.core.storage import Storage
from obs.health import Finding, HealthEngine

WALL0 = 1_790_000_000.0


def _cpu_episode() -> tuple[HealthEngine, Finding]:
    """CPU at 99 % for 20 s, then 20 % until the finding closes."""
    clock = {"t": 0.0}
    engine = HealthEngine(wall=lambda: WALL0 + clock["t"])
    closed: list[Finding] = []
    for second in range(60):
        clock["t"] = float(second)
        values = {"cpu_system_pct": 99.0 if second < 20 else 20.0, "obs_cpu_pct": 30.0}
        for change in engine.feed(float(second), values):
            if change.kind == "closed":
                closed.append(change.finding)
    assert [f.id for f in closed] == ["cpu_saturated"], closed
    return engine, closed[0]


def test_a_closed_findings_until_survives_a_restart(storage: Storage) -> None:
    _engine, finding = _cpu_episode()
    assert finding.closed_wall is not None and finding.closed_wall > finding.last_seen_wall + 5
    show, _ = storage.open_show("一号直播间", datetime.now(UTC), 60)
    storage.add_telemetry(show.id, [], [], [finding.to_row()])

    # A restarted console: a new process reads the show back (its own monotonic clock).
    rows = storage.show_findings(show.id)
    again = Finding.from_row(rows[0], wall_offset=WALL0 + 1000)
    assert not again.active
    assert again.until_wall == finding.closed_wall, (again.until_wall, finding.closed_wall, finding.last_seen_wall)


def test_an_open_findings_row_has_no_closing_time(storage: Storage) -> None:
    """Open (or cut off by a crash): no closing time is made up; "Until" is the last second it held."""
    clock = {"t": 0.0}
    engine = HealthEngine(wall=lambda: WALL0 + clock["t"])
    for second in range(12):
        clock["t"] = float(second)
        engine.feed(float(second), {"cpu_system_pct": 99.0, "obs_cpu_pct": 30.0})
    (open_finding,) = engine.active()
    show, _ = storage.open_show("二号直播间", datetime.now(UTC), 60)
    storage.add_telemetry(show.id, [], [], [open_finding.to_row()])
    again = Finding.from_row(storage.show_findings(show.id)[0], wall_offset=WALL0)
    assert again.closed_wall is None and again.until_wall == open_finding.last_seen_wall
