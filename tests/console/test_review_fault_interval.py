"""An incident is listed over the fault's own interval, not the finding's open/close: found by a real-OBS
walk-through, where a 20-s mute read 06:21:24.7–06:21:36.7 (12 s) and an 8-s SIGSTOP of OBS 06:22:05–06:22:09
(4 s). The findings below are stored as the health engine stores them (opened after the rule's enter hold, closed
after its clear hold), on real SQLite and PostgreSQL, and read back as an already stored show would be."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl

from console.core.review.bundle import bundle_show
from console.core.review.export import write_show_xlsx
from console.core.review.load import clock, load_show
from console.core.storage import Storage
from tests.language import english

T0 = datetime(2026, 12, 1, 6, 20, 0, tzinfo=UTC)
SECONDS = 180
MUTE = (75, 95)  # the product video silent from 06:21:15 to 06:21:35
FROZEN = (120, 128)  # OBS stopped (SIGSTOP) 06:22:00–06:22:08: its stored seconds unknown
CPU = (150, 160)  # CPU saturated for 10 s


def finding(
    key: str, finding_id: str, category: str, first: float, last: float, closed: float, **fields: float
) -> dict[str, Any]:
    t0 = T0.timestamp()
    return {
        "key": key,
        "finding_id": finding_id,
        "category": category,
        "severity": "warning",
        "peak": "critical",
        "first_seen": t0 + first,
        "last_seen": t0 + last,
        "closed_at": t0 + closed,
        "active": False,
        "message": key,
        "template": key + " for {seconds:.0f} s" if "seconds" in fields else key,
        "fields": json.dumps(fields),
        "remedies": "[]",
    }


def stored(storage: Storage) -> int:
    show, _ = storage.open_show("直播间A", T0, 0)
    t0 = T0.timestamp()
    rows = [
        {"t": t0 + s, "viewers": 500.0, "streaming": 1.0, "fps": 30.0, "render_ms": 3.0, "cpu_system_pct": 30.0}
        if not FROZEN[0] <= s < FROZEN[1]
        # OBS did not answer: only the audience is known
        else {"t": t0 + s, "viewers": 500.0, "streaming": None, "fps": None, "render_ms": None, "cpu_system_pct": 30.0}
        for s in range(SECONDS)
    ]
    findings = [
        # The silence rule counts its silent seconds and opens at the 10th (enter hold 1, warn_s 10); heard again
        # at 95, it closes after its 2-s clear hold.
        finding("silent", "product_silent", "audio", MUTE[0] + 9, MUTE[1] - 1, MUTE[1] + 1, seconds=20.0),
        # The link calls OBS unresponsive 2 s after it froze; the rule opens after its 3-s hold, closes at once.
        finding("gone", "obs_unreachable", "connection", FROZEN[0] + 4, FROZEN[1] - 1, FROZEN[1] + 1, seconds=6.0),
        # A threshold rule with a 5-s enter hold and a 15-s clear hold.
        finding("cpu", "cpu_saturated", "system", CPU[0] + 4, CPU[1] - 1, CPU[1] + 15),
    ]
    storage.add_telemetry(show.id, rows, [{"t": t0, "kind": "stream_start", "detail": ""}], findings)
    storage.end_show(show.id, T0 + timedelta(seconds=SECONDS))
    return show.id


def test_incidents_span_the_fault_not_the_findings_holds(storage: Storage, tmp_path: Path) -> None:
    show_id = stored(storage)
    data = load_show(storage, show_id)
    t0 = T0.timestamp()
    spans = {e.finding: (e.start - t0, e.end - t0) for e in data.episodes}
    assert spans["product_silent"] == (MUTE[0], MUTE[1]), "silent 20 s, as its own sentence says"
    assert spans["obs_unreachable"] == (FROZEN[0], FROZEN[1]), "from the first second OBS left unknown"
    assert spans["cpu_saturated"] == (CPU[0], CPU[1]), "its enter hold back, before its clear hold"
    (silent,) = [e for e in data.episodes if e.finding == "product_silent"]
    assert silent.first_seen - t0 == MUTE[0] + 9, "the stored finding keeps its own times"

    path = tmp_path / "show.xlsx"
    write_show_xlsx(bundle_show(storage, show_id), path, english)
    sheet = openpyxl.load_workbook(path).worksheets[3]
    header = [str(c.value) for c in sheet[1]]
    rows: list[dict[str, Any]] = [dict(zip(header, [c.value for c in row], strict=False)) for row in sheet.iter_rows(2)]
    by_name = {row["Incident"]: row for row in rows}
    silent_row = by_name["Product video silent"]
    assert silent_row["Start"] == datetime.fromtimestamp(t0 + MUTE[0])
    assert silent_row["End"] == datetime.fromtimestamp(t0 + MUTE[1])
    assert silent_row["Duration"] == timedelta(seconds=20), "the length agrees with “for 20 s”"
    assert by_name["OBS lost"]["Duration"] == timedelta(seconds=8)
    start, end = clock(t0 + MUTE[0]), clock(t0 + MUTE[1])
    assert start != end and silent_row["What it cost"].startswith(f"Product video silent {start}–{end}"), (
        "to the second: a 20-s fault does not read 06:21–06:21"
    )


def test_obs_gone_until_the_console_quit_counts_seconds_not_rows(storage: Storage) -> None:
    """Found by use: OBS killed, the console kept storing a row of unknowns every 1.75 s for a minute, then quit
    (the episode cut off, "not answering for 63 s"): counting 63 rows back put the start 10 s before OBS went."""
    show, _ = storage.open_show("直播间A", T0, 0)
    t0 = T0.timestamp()
    known = [{"t": t0 + s, "streaming": 1.0, "fps": 30.0, "render_ms": 3.0} for s in range(100)]
    away = [{"t": t0 + 100 + 1.75 * i, "streaming": None, "fps": None, "render_ms": None} for i in range(37)]
    gone = finding("gone", "obs_unreachable", "connection", 103, 100 + 1.75 * 36, 0, seconds=1.75 * 36 + 1)
    gone["closed_at"] = None  # cut off when the console quit
    storage.add_telemetry(show.id, known + away, [], [gone])
    (episode,) = load_show(storage, show.id).episodes
    assert (episode.start - t0, episode.end - t0) == (100, 100 + 1.75 * 36)


def test_the_enter_hold_never_reaches_back_across_a_gap(storage: Storage) -> None:
    """A finding that opened 1 s after the console came back (a 5-s hold) began when the console came back, not
    in the minutes nothing was stored."""
    show, _ = storage.open_show("直播间A", T0, 0)
    t0 = T0.timestamp()
    rows = [{"t": t0 + s, "cpu_system_pct": 99.0} for s in [*range(60), *range(300, 360)]]
    cpu = finding("cpu", "cpu_saturated", "system", 301, 320, 335)
    storage.add_telemetry(show.id, rows, [], [cpu])
    (episode,) = load_show(storage, show.id).episodes
    assert (episode.start - t0, episode.end - t0) == (300, 321)
