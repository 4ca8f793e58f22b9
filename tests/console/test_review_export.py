"""A show exported as XLSX and CSV, opened back with openpyxl and read cell by cell in English and Chinese: the
summary's figures and verdict, a per-second row and a gap kept as empty cells, a segment with its GMV, an incident
with its impact, the markers; a period report as XLSX; a failing disk leaves no half file. On real SQLite and
PostgreSQL, and on a show recorded by driving the simulated OBS."""

from __future__ import annotations

import csv
import os
import resource
import signal
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from console.core.review.bundle import ShowBundle, bundle_show
from console.core.review.export import (
    CHANNEL_WORDS,
    SHEETS,
    ExportError,
    write_period_csv,
    write_period_xlsx,
    write_show_csv,
    write_show_xlsx,
)
from console.core.review.impact import Status
from console.core.review.periods import Unit, load_figures, period_report
from console.core.review.shows import clean_meta, duration_text
from console.core.storage import Storage
from console.core.telemetry.channels import CHANNELS, INDEX
from tests.console.test_review_analysis_show import Recorded, recorded  # noqa: F401  (the simulator-driven show)
from tests.console.test_review_shows import went_live
from tests.language import chinese, english

T0 = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
ROOM = "一号直播间"
SECONDS, GAP, SWITCH, INCIDENT = 1200, (300, 360), 600, (700, 720, 730)
#: The health engine's own sentence for network drops (obs/health_rules.py), as a finding stores it.
NETWORK = (
    "Network: up to {peak:.1f} % of frames dropped in a 10-s window of this episode, the send buffer up to "
    "{peak_congestion_pct:.0f} % congested; {pct:.1f} % in the last 10 s (less than a minute measured so far), "
    "{congestion_pct:.0f} % congested. The connection could not carry the bitrate."
)


def stored_show(storage: Storage) -> int:
    """20 minutes of one room: 1000 viewers (600 during a network incident at 11:40–11:50 after the start), likes
    rising 2 a second, no row for a minute (the console restarted), two scenes, GMV imported per minute, the
    pre-show checklist overridden at go-live."""
    show, _ = storage.open_show(ROOM, T0, 0)
    t0 = T0.timestamp()
    start, last, closed = INCIDENT
    rows = [
        {
            "t": t0 + s,
            "viewers": 600.0 if start + 5 <= s < closed else 1000.0,
            "likes": 2.0 * s,
            "interactions": 0.5 * s,
            "streaming": 1.0 if 5 <= s < SECONDS - 10 else 0.0,
            "drop_network_pct": 3.0 if start <= s < last else 0.0,
            "bitrate_kbps": 4000.123456,
        }
        for s in range(SECONDS)
        if not GAP[0] <= s < GAP[1]
    ]
    markers = [
        {"t": t0, "kind": "scene", "detail": "开场"},
        {"t": t0 + 5, "kind": "stream_start", "detail": ""},
        {"t": t0 + SWITCH, "kind": "scene", "detail": "商品讲解"},
        {"t": t0 + SECONDS - 10, "kind": "stream_stop", "detail": ""},
    ]
    finding = {
        "key": "network-1",
        "finding_id": "network",
        "category": "network",
        "severity": "critical",
        "peak": "critical",
        # As the health engine stores it: opened on the 3rd bad second (its enter hold), last bad second 719,
        # closed after the clear hold.
        "first_seen": t0 + start + 2,
        "last_seen": t0 + last - 1,
        "closed_at": t0 + closed,
        "active": False,
        "message": "Network: up to 3.0 % of frames dropped …",
        "template": NETWORK,
        "fields": '{"pct": 3.0, "peak": 3.0, "peak_congestion_pct": 80, "congestion_pct": 40}',
        "remedies": "[]",
    }
    storage.add_telemetry(show.id, rows, markers, [finding])
    went_live(storage, ROOM, show.id, override=True)  # before the show ends, as at a real go-live
    storage.end_show(show.id, T0 + timedelta(seconds=SECONDS))
    storage.set_show_meta(
        show.id, clean_meta("双十一预热", ["小美", "阿强"], "小李", ["美妆"], "开场\x07卡顿"), by="王主管"
    )
    storage.replace_platform_import(
        show.id,
        {"platform": "douyin", "file_name": "douyin.csv", "encoding": "GB18030", "imported_by": "小李",
         "fields": ["gmv", "orders"]},
        [{"t": t0 + 60 * m, "gmv": 100.0, "orders": 2.0 if m != 15 else None} for m in range(SECONDS // 60)],
    )  # fmt: skip
    return show.id


def table(sheet: Any) -> list[list[Any]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def summary_of(sheet: Any) -> dict[str, Any]:
    return {row[0]: row[1] for row in table(sheet)[1:]}


@pytest.fixture
def bundle(storage: Storage) -> ShowBundle:
    return bundle_show(storage, stored_show(storage))


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_xlsx_reads_back_cell_by_cell(bundle: ShowBundle, tmp_path: Path, language: str) -> None:
    say = english if language == "en" else chinese()
    path = tmp_path / "show.xlsx"
    write_show_xlsx(bundle, path, say, language)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        say("ReviewExport", SHEETS[key])
        for key in ("summary", "seconds", "segments", "incidents", "markers", "platform")
    ], "the summary first"
    if language == "zh_CN":
        assert book.sheetnames[:2] == ["摘要", "逐秒数据"]
    t0 = T0.timestamp()

    summary = summary_of(book.worksheets[0])
    word = say("ReviewExport", "Peak viewers")
    assert summary[word] == 1000 and summary[say("ReviewExport", "Title")] == "双十一预热"
    assert summary[say("ReviewExport", "Hosts")] == "小美, 阿强"
    assert summary[say("ReviewExport", "Notes")] == "开场卡顿", "a control character a cell cannot hold is left out"
    assert summary[say("ReviewExport", "Start")] == datetime.fromtimestamp(t0), "a real date-time, local time"
    assert summary[say("ReviewExport", "Critical incidents")] == 1
    assert summary[say("ReviewExport", "Verdict")] == bundle.impact.message.in_language(say)
    assert summary[say("ReviewExport", "Pre-show checklist at go-live")] == say("Shows", "overridden")
    assert summary[say("ReviewExport", "Went live anyway: by")] == "王工"
    # The platform in words, not its stored code ("douyin: douyin.csv").
    assert summary[say("ReviewExport", "Platform data")] == {"en": "Douyin", "zh_CN": "抖音"}[language] + ": douyin.csv"
    completeness = summary[say("ReviewExport", "Seconds with data")]
    assert completeness == pytest.approx(1140 / 1200), "of the show from its start to its end"
    # On air 5–1190 s, the console's restart included (the stream ran on), and how much of it was not seen.
    assert summary[say("ReviewExport", "On air")] == timedelta(seconds=1185)
    assert summary[say("ReviewExport", "Of it not seen by the console")] == timedelta(seconds=61)
    # Frames lost / frames rendered on air (5–1190 s, less the 61 s nothing was stored: a new link, a new count).
    assert summary[say("ReviewExport", "Frames dropped by the network (%)")] == pytest.approx(3.0 * 20 / 1124)
    lost = summary[say("ReviewExport", "Viewer-minutes lost to problems")]
    assert lost == pytest.approx(bundle.impact.viewer_minutes) and lost > 0

    seconds = book.worksheets[1]
    rows = table(seconds)
    assert rows[0][0] == say("ReviewExport", "Time")
    assert rows[0][1 + INDEX["viewers"]] == say("ReviewExport", CHANNEL_WORDS["viewers"][0])
    assert seconds.freeze_panes == "A2"
    assert len(rows) == 1 + SECONDS, "one row a second, the gap's seconds included"
    first = rows[1]
    assert first[0] == datetime.fromtimestamp(t0)
    assert first[1 + INDEX["viewers"]] == 1000 and first[1 + INDEX["bitrate_kbps"]] == 4000
    assert first[1 + INDEX["fps"]] is None, "a channel never measured: an empty cell, not 0"
    gap = rows[1 + GAP[0]]
    assert gap[0] == datetime.fromtimestamp(t0 + GAP[0])
    assert all(cell is None for cell in gap[1:]), "a second not stored: its time and empty cells"
    assert rows[1 + GAP[1]][1 + INDEX["viewers"]] == 1000
    assert seconds["A2"].is_date and "h:mm:ss" in seconds["A2"].number_format, "shown as a date and time"

    segments = table(book.worksheets[2])
    header = segments[0]
    assert [row[0] for row in segments[1:]] == [
        "开场",
        say("Review", "Not seen (no console recording)"),  # the restart: nothing was seen there
        say("Review", "Scene not known"),  # seen again, until the console read the scene
        "商品讲解",
    ]
    selling = dict(zip(header, segments[4], strict=False))
    assert selling[say("ReviewExport", "Start")] == datetime.fromtimestamp(t0 + SWITCH)
    assert selling[say("ReviewExport", "Peak viewers")] == 1000
    assert selling[say("ReviewExport", "Incidents")] == 1
    assert selling[say("ReviewExport", "Likes per minute")] == pytest.approx(120.0)
    gmv = selling[say("ReviewExport", "GMV")]
    assert gmv == pytest.approx(100 * 600 / 60), "100 a minute until the show ended: its last stored second lasts too"
    assert selling[say("ReviewExport", "Orders")] is None, "a minute with unknown orders: the sum is unknown"
    opening = dict(zip(header, segments[1], strict=False))
    assert opening[say("ReviewExport", "Orders")] == pytest.approx(2.0 * 299 / 60)

    incidents = table(book.worksheets[3])
    (incident,) = [dict(zip(incidents[0], row, strict=False)) for row in incidents[1:]]
    (impact,) = bundle.impact.impacts
    assert impact.status is Status.ASSESSED
    assert incident[say("ReviewExport", "Incident")] == say("Health", "Network drops")
    # The fault's interval (the drops ran 700–720), not the finding's open/close (702–730).
    assert incident[say("ReviewExport", "Start")] == datetime.fromtimestamp(t0 + INCIDENT[0])
    assert incident[say("ReviewExport", "End")] == datetime.fromtimestamp(t0 + INCIDENT[1])
    assert incident[say("ReviewExport", "Duration")] == timedelta(seconds=20)
    assert incident[say("ReviewExport", "Baseline viewers")] == 1000
    assert incident[say("ReviewExport", "Lowest viewers (%)")] == pytest.approx(-40.0)
    assert incident[say("ReviewExport", "Viewer-minutes lost")] == pytest.approx(impact.shortfall_viewer_min)
    assert incident[say("ReviewExport", "What it cost")] == impact.message.in_language(say)
    back = incident[say("ReviewExport", "Back to baseline after")]
    assert back.total_seconds() == pytest.approx(impact.recovered_after_s), "a duration Excel shows as h:mm:ss"

    markers = table(book.worksheets[4])
    assert [row[2] for row in markers[1:]] == ["开场", None, "商品讲解", None]
    assert markers[2][1] == say("Markers", "Stream started")
    platform = table(book.worksheets[5])
    assert len(platform) == 1 + 20 and platform[16][2] is None, "the unknown minute of orders stays empty"
    if language == "zh_CN":
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in str(h)) for h in rows[0]), rows[0]


def test_the_csv_for_people_and_the_raw_csv_for_scripts(bundle: ShowBundle, tmp_path: Path) -> None:
    people, raw = tmp_path / "people.csv", tmp_path / "raw.csv"
    write_show_csv(bundle, people, chinese())
    write_show_csv(bundle, raw, english, raw=True)
    assert people.read_bytes().startswith(b"\xef\xbb\xbf"), "a BOM: Chinese Excel reads UTF-8"
    with people.open(encoding="utf-8-sig") as handle:
        read = list(csv.reader(handle))
    assert read[0][0] == "时间" and len(read) == 1 + SECONDS
    assert read[1][0] == datetime.fromtimestamp(T0.timestamp()).strftime("%Y-%m-%d %H:%M:%S")
    assert read[1 + GAP[0]][1:] == [""] * len(CHANNELS)
    with raw.open(encoding="utf-8-sig") as handle:
        machine = list(csv.reader(handle))
    assert machine[0] == ["t", "time_utc", *CHANNELS], "machine names, whatever the language"
    assert len(machine) == 1 + SECONDS - (GAP[1] - GAP[0]), "only the seconds stored"
    assert machine[1][1] == T0.isoformat() and float(machine[1][2 + INDEX["bitrate_kbps"]]) == 4000.123456


def test_a_period_as_xlsx_and_csv(storage: Storage, tmp_path: Path) -> None:
    show = stored_show(storage)
    figures = load_figures(storage, T0 - timedelta(days=1), T0 + timedelta(days=1))
    report = period_report(figures, Unit.WEEK, since=date(2026, 11, 23), until=date(2026, 12, 7))
    for language in ("en", "zh_CN"):
        say = english if language == "en" else chinese()
        path = tmp_path / f"period-{language}.xlsx"
        write_period_xlsx(report, path, say)
        book = openpyxl.load_workbook(path)
        periods = table(book.worksheets[0])
        header = periods[0]
        week = dict(zip(header, periods[1], strict=False))
        assert week[say("ReviewExport", "Period")] == "2026-W48"
        assert week[say("ReviewExport", "From")] == datetime(2026, 11, 23)
        assert week[say("ReviewExport", "Shows")] == 1
        assert week[say("ReviewExport", "Average viewers")] == pytest.approx(
            bundle_show(storage, show).figures.viewers_avg
        )
        assert week[say("ReviewExport", "On-time starts")] is None, "no planned start: not known, not 0"
        assert week[say("ReviewExport", "Checklist overridden")] == 1
        # Over the hours on air the console saw: the 61 s it was not running found no incident and count for none.
        assert week[say("ReviewExport", "Incidents per hour on air")] == pytest.approx(1 / (1124 / 3600), rel=0.01)
        # Durations an analyst sums in Excel: real durations shown h:mm:ss, never decimal hours.
        duration = header.index(say("ReviewExport", "Duration"))
        assert week[say("ReviewExport", "Duration")] == timedelta(seconds=round(report.rows[0].duration_s))
        assert week[say("ReviewExport", "On air")] == timedelta(seconds=1185)
        assert week[say("ReviewExport", "Of it not seen by the console")] == timedelta(seconds=61)
        assert book.worksheets[0].cell(row=2, column=duration + 1).number_format == "[h]:mm:ss"
        empty = dict(zip(header, periods[2], strict=False))
        assert empty[say("ReviewExport", "Shows")] == 0 and empty[say("ReviewExport", "Average viewers")] is None
        shows = table(book.worksheets[1])
        assert shows[1][0] == show and shows[1][2] == "小美, 阿强"
    people = tmp_path / "period-people.csv"
    write_period_csv(report, people, chinese())
    with people.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert (rows[0]["时长"], rows[0]["直播时长"], rows[0]["其中未监控"]) == (
        duration_text(report.rows[0].duration_s),
        "0:19:45",
        "0:01:01",
    ), "h:mm:ss, as Excel reads a duration it can sum"
    assert rows[1]["直播时长"] == "" and rows[1]["时长"] == "0:00:00", "a week with no show: nothing on air known"
    raw = tmp_path / "period.csv"
    write_period_csv(report, raw, raw=True)
    with raw.open(encoding="utf-8-sig") as handle:
        machine = list(csv.DictReader(handle))
    assert machine[0]["period"] == "2026-W48" and machine[0]["on_time"] == "" and machine[1]["shows"] == "0"


def test_a_folder_that_is_not_there_is_said_and_nothing_is_written(bundle: ShowBundle, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as refused:
        write_show_xlsx(bundle, tmp_path / "missing" / "show.xlsx")
    assert "the folder" in str(refused.value) and "does not exist" in str(refused.value)
    assert "文件夹" in refused.value.message.in_language(chinese())


def _full_disk_child(url: str, show: int, path: str, kind: str) -> subprocess.CompletedProcess[str]:
    """The export in a child whose files may not grow past 64 KiB (as a full disk refuses the next write)."""
    code = (
        "import sys\n"
        "from console.core.storage import Storage\n"
        "from console.core.review.bundle import bundle_show\n"
        "from console.core.review.export import ExportError, write_show_xlsx, write_show_csv\n"
        f"bundle = bundle_show(Storage({url!r}), {show})\n"
        "try:\n"
        f"    (write_show_xlsx if {kind!r} == 'xlsx' else write_show_csv)(bundle, {path!r})\n"
        "except ExportError as exc:\n"
        "    print(exc.message.explain()); sys.exit(3)\n"
    )

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
        env={**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(Path(__file__).resolve().parents[2]))},
    )


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_write_that_fails_half_way_leaves_the_earlier_file_and_no_half_file(tmp_path: Path, kind: str) -> None:
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    storage = Storage(url)
    storage.migrate()
    show = stored_show(storage)
    storage.close()
    path = tmp_path / "out" / f"show.{kind}"
    path.parent.mkdir()
    path.write_text("the earlier export")
    done = _full_disk_child(url, show, str(path), kind)
    assert done.returncode == 3, (done.stdout, done.stderr)
    assert f"{path} could not be written: File too large" in done.stdout
    assert path.read_text() == "the earlier export", "the earlier file is untouched"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name], "no temporary file left behind"


def test_the_show_recorded_through_the_simulator_exports(recorded: Recorded, tmp_path: Path) -> None:  # noqa: F811
    bundle = bundle_show(recorded.sqlite, recorded.show_id)
    path = tmp_path / "recorded.xlsx"
    write_show_xlsx(bundle, path, chinese(), "zh_CN")
    book = openpyxl.load_workbook(path)
    seconds = table(book.worksheets[1])
    assert len(seconds) - 1 >= len(bundle.data.t), "every stored second (and any gap's)"
    viewers = [row[1 + INDEX["viewers"]] for row in seconds[1:]]
    assert 600 in viewers and 1000 in viewers, "the audience file's figures, the dip included"
    incidents = table(book.worksheets[3])
    reconnect = next(row for row in incidents[1:] if row[0] == chinese()("Health", "Stream reconnect"))
    assert reconnect[0] and reconnect[15], "the reconnect, with what it cost in words"
    segments = [row[0] for row in table(book.worksheets[2])[1:]]
    assert "直播中" in segments and "商品特写" in segments
