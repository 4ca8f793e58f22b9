"""Tools ▸ Analyze OBS log… in a room: the room's own newest log when OBS runs on this PC, where its logs are
when it runs elsewhere (and a dropped file), and the log's findings beside the live findings the console kept for
the same show — matched by time and by what went wrong."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.core.session import Endpoint
from console.core.storage import Storage
from console.i18n import install_translator, remove_translators
from console.mainwindow import MainWindow
from widgets.log_report_dialog import LogReportDialog

#: A stream from 20:10 to 20:20 whose encoder skipped 6.1 % of its frames (OBS 30's lines).
LOG = """\
20:05:00.100: Current Date/Time: 2026-11-20, 20:05:00
20:05:00.400: OBS 30.2.3 (64-bit, windows)
20:10:00.010: [rtmp stream: 'simple_stream'] Connecting to RTMP URL rtmp://live.example.com/app...
20:10:00.121: ==== Streaming Start ===============================================
20:20:00.010: Output 'simple_stream': stopping
20:20:00.010: Output 'simple_stream': Total frames output: 36000
20:20:00.010: Output 'simple_stream': Total drawn frames: 36000
20:20:00.011: Video stopped, number of skipped frames due to encoding lag: 2200/36000 (6.1%)
20:20:00.012: ==== Streaming Stop ================================================
20:30:00.200: ==== Shutting down ==================================================
20:30:00.450: Number of memory leaks: 0
"""


def local(hour: int, minute: int) -> float:
    return datetime(2026, 11, 20, hour, minute).timestamp()


def episode(key: str, finding: str, category: str, start: float, end: float) -> dict[str, object]:
    return {
        "key": key,
        "finding_id": finding,
        "category": category,
        "severity": "warning",
        "peak": "warning",
        "first_seen": start,
        "last_seen": end - 5,
        "closed_at": end,
        "active": False,
        "message": finding,
        "template": finding,
        "fields": "{}",
        "remedies": "[]",
    }


def dialog_of(window: MainWindow) -> LogReportDialog:
    window.action_analyze_log.trigger()
    [dialog] = window.findChildren(LogReportDialog)
    return dialog


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of the test's own, so that "OBS's log folder on this PC" is one the test fills."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


def test_the_rooms_own_newest_log_when_obs_runs_on_this_pc(
    qtbot: QtBot, make_window: Callable[..., MainWindow], home: Path
) -> None:
    logs = home / ".config" / "obs-studio" / "logs"
    logs.mkdir(parents=True)
    older, newest = logs / "2026-11-19 19-00-00.txt", logs / "2026-11-20 20-05-00.txt"
    older.write_text(LOG, encoding="utf-8")
    newest.write_text(LOG, encoding="utf-8")
    os.utime(older, (1_000_000, 1_000_000))
    window = make_window(1, connect=False)
    window.bridge.connect_to(Endpoint("127.0.0.1", 1, "x"))  # OBS on this PC (not answering: no matter here)
    dialog = dialog_of(window)
    assert dialog.path == newest, "the newest log of OBS's folder, without asking"
    assert "OBS runs on this PC" in dialog.note.text() and str(newest) in dialog.note.text()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report is not None and any(f.id == "encode_lag" for f in dialog.report.findings)


def test_obs_elsewhere_says_where_its_logs_are_and_a_dropped_log_is_read(
    qtbot: QtBot, make_window: Callable[..., MainWindow], home: Path, tmp_path: Path
) -> None:
    window = make_window(1, connect=False)
    window.bridge.connect_to(Endpoint("studio-pc.invalid", 4455, "x"))
    dialog = dialog_of(window)
    assert dialog.path is None and dialog.report is None
    note = dialog.note.text()
    assert "studio-pc.invalid" in note and "%APPDATA%\\obs-studio\\logs" in note and "~/.config/obs-studio/logs" in note
    assert "Library/Application Support/obs-studio/logs" in note and "com.obsproject.Studio" in note
    copied = tmp_path / "2026-11-20 20-05-00.txt"
    copied.write_text(LOG, encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(copied))])
    drop = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    # Qt delivers drop events only during a real drag (its drag manager's); the handlers are called as it would.
    enter = QDragEnterEvent(
        QPoint(20, 20), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    dialog.dragEnterEvent(enter)
    assert enter.isAccepted() and dialog.acceptDrops()
    dialog.dropEvent(drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.path == copied and "encode" in dialog.text.toPlainText().lower()
    assert dialog.note.isHidden(), "walk13: where the logs are was still said above the log read since"


def test_the_logs_findings_beside_the_live_findings_of_the_same_show(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    storage = Storage(os.environ["ONAIR_DATABASE_URL"])
    storage.migrate()
    other, _ = storage.open_show("Studio A", datetime(2026, 11, 19, 20, 0).astimezone(), 0)  # the day before
    storage.end_show(other.id, datetime(2026, 11, 19, 21, 0).astimezone())
    show, _ = storage.open_show("Studio A", datetime(2026, 11, 20, 19, 58).astimezone(), 0)
    storage.add_telemetry(
        show.id,
        [],
        [],
        [
            episode("enc", "encode_lag", "encode", local(20, 14), local(20, 19)),
            episode("cpu", "cpu_saturated", "encode", local(20, 13), local(20, 19)),
            episode("rnd", "render_lag", "render", local(20, 15), local(20, 16)),
            episode("net", "network", "network", local(20, 40), local(20, 45)),  # after the stream: not beside it
        ],
    )
    storage.end_show(show.id, datetime(2026, 11, 20, 20, 50).astimezone())
    storage.close()
    window = make_window(1, connect=False)
    window.bridge.set_room("Studio A", False)
    log = tmp_path / "2026-11-20 20-05-00.txt"
    log.write_text(LOG, encoding="utf-8")
    dialog = window.analyze_log(log)
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=10000)
    comparison = dialog.comparison
    assert comparison.problem is None and comparison.show_id == show.id, "the show whose time holds the stream"
    [pair] = comparison.pairs
    assert pair.finding.id == "encode_lag" and pair.twin
    assert [e.finding for e in pair.live] == ["encode_lag", "cpu_saturated"], "the same problem first"
    assert [e.finding for e in comparison.only_live] == ["render_lag"]
    text = dialog.text.toPlainText()
    assert "Beside the live findings" in text
    assert "Encoding lag 20:10–20:20" in text and "Encoding lag 20:14–20:19" in text
    assert "CPU saturated 20:13–20:19" in text and "not in the log" in text
    assert "Network drops 20:40" not in text


#: The same stream, OBS killed at 20:20 (walk13: its log simply stops, no "Streaming Stop", no shutdown).
CRASHED_LOG = (
    "\n".join(LOG.splitlines()[:4]) + "\n20:19:58.500: [x264 encoder: 'simple_video_stream'] preset: veryfast\n"
)


def test_a_crashed_sessions_log_is_beside_everything_the_console_saw_while_it_ran(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    """walk13: a killed OBS's log was compared as if its session were the moment it began, so "beside the live
    findings" listed only a CPU finding closed before the stream, and none of the network drops, the freeze or the
    crash the console had seen and kept for the same show."""
    storage = Storage(os.environ["ONAIR_DATABASE_URL"])
    storage.migrate()
    show, _ = storage.open_show("Studio C", datetime(2026, 11, 20, 19, 58).astimezone(), 0)
    storage.add_telemetry(
        show.id,
        [],
        [],
        [
            episode("net", "network", "network", local(20, 13), local(20, 16)),
            episode("lost", "obs_unreachable", "connection", local(20, 20) + 3, local(20, 21)),
            episode("late", "cpu_saturated", "system", local(20, 40), local(20, 45)),  # long after: not beside it
        ],
    )
    storage.close()
    window = make_window(1, connect=False)
    window.bridge.set_room("Studio C", False)
    log = tmp_path / "2026-11-20 20-05-00.txt"
    log.write_text(CRASHED_LOG, encoding="utf-8")
    dialog = window.analyze_log(log)
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=10000)
    comparison = dialog.comparison
    assert comparison.problem is None and comparison.show_id == show.id
    seen = {e.finding for pair in comparison.pairs for e in pair.live} | {e.finding for e in comparison.only_live}
    assert seen == {"network", "obs_unreachable"}, seen


def test_a_live_loss_the_log_counted_below_its_threshold_is_not_said_to_be_missing_from_it(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    """walk13: "not in the log — Rendering lag 10:46–10:47" beside a log that counted 45 lagged frames (1.0 %)."""
    storage = Storage(os.environ["ONAIR_DATABASE_URL"])
    storage.migrate()
    show, _ = storage.open_show("Studio D", datetime(2026, 11, 20, 19, 58).astimezone(), 0)
    storage.add_telemetry(show.id, [], [], [episode("rnd", "render_lag", "render", local(20, 15), local(20, 16))])
    storage.end_show(show.id, datetime(2026, 11, 20, 20, 50).astimezone())
    storage.close()
    window = make_window(1, connect=False)
    window.bridge.set_room("Studio D", False)
    lagged = "20:20:00.010: Output 'simple_stream': Number of lagged frames due to rendering lag/stalls: 360 (1,0%)"
    lines = LOG.splitlines()
    log = tmp_path / "2026-11-20 20-05-00.txt"
    log.write_text("\n".join([*lines[:7], lagged, *lines[7:]]) + "\n", encoding="utf-8")
    dialog = window.analyze_log(log)
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=10000)
    [live] = dialog.comparison.only_live
    assert live.finding == "render_lag" and live.log_pct == 1.0
    text = dialog.text.toPlainText()
    assert "1.0 % in the log, under its threshold" in text and "not in the log" not in text, text


def test_a_log_of_a_time_the_console_kept_no_show_of_says_so(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = make_window(1, connect=False)
    window.bridge.set_room("Studio B", False)
    log = tmp_path / "2026-11-20 20-05-00.txt"
    log.write_text(LOG, encoding="utf-8")
    dialog = window.analyze_log(log)
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=10000)
    assert "kept no show of this room between 2026-11-20 20:10 and 2026-11-20 20:20" in dialog.text.toPlainText()
    assert dialog.report is not None and dialog.report.findings, "the log's own report stays"


def test_a_session_past_midnight_is_placed_on_the_next_day() -> None:
    from console.log_review import log_day, session_spans
    from obs.logfile import analyze_lines

    lines = [
        "23:50:00.000: Current Date/Time: 2026-11-20, 23:50:00",
        "23:50:00.100: OBS 30.2.3 (64-bit, windows)",
        "23:55:00.000: ==== Streaming Start ====",
        "00:20:00.000: ==== Streaming Stop ====",
        "00:30:00.000: ==== Recording Start ====",
        "00:40:00.000: ==== Recording Stop ====",
    ]
    report = analyze_lines(lines, "x")
    day = log_day(report, None)
    assert day == datetime(2026, 11, 20, 23, 50)
    stream, recording = session_spans(report, day)
    assert (stream.start, stream.end) == (datetime(2026, 11, 20, 23, 55), datetime(2026, 11, 21, 0, 20))
    assert recording.start == datetime(2026, 11, 21, 0, 30)


#: A real OBS 29.0.2 log (tech16): StartStream then StartRecord in Simple mode, so the recording's "Start" line comes
#: first and its "Stop" line last; the stream dropped frames on a 300 kbit/s uplink, then lost its server for 10 s.
REAL_LOG = Path(__file__).parents[1] / "obs" / "logs" / "real-linux-obs29-shaped-uplink-reconnect.txt"


def test_a_stream_beside_a_recording_is_placed_on_its_own_day_and_beside_what_the_console_saw(tmp_path: Path) -> None:
    """tech16: the stream that started a moment after the recording (13:01:15, listed after the recording that
    ended at 13:04:17) was put on the next day, so the log's network drops and reconnect read "not seen live" beside
    the console's own "Network drops" and "Stream reconnect" of the same minutes, listed "not in the log"."""
    from console.log_review import compare, log_day, session_spans
    from obs.logfile import analyze

    log = tmp_path / "2026-12-02 13-00-38.txt"  # the name OBS gave it: the day is in it
    log.write_bytes(REAL_LOG.read_bytes())
    report = analyze(log)
    day = log_day(report, log)
    assert day == datetime(2026, 12, 2, 13, 0, 38)
    recording, stream = session_spans(report, day)
    assert (stream.start, stream.end) == (
        datetime(2026, 12, 2, 13, 1, 15, 300000),
        datetime(2026, 12, 2, 13, 4, 17, 544000),
    )
    assert (recording.start, recording.end) == (
        datetime(2026, 12, 2, 13, 1, 14, 914000),
        datetime(2026, 12, 2, 13, 4, 17, 565000),
    )

    class Show:
        id, title = 7, "Live"
        start, end = datetime(2026, 12, 2, 13, 1, 9).astimezone(), datetime(2026, 12, 2, 13, 5, 57).astimezone()

    class Shows:
        shows = (Show(),)

    class Kept:  # what the console kept of that show (the live episodes of the same run)
        def browse_shows(self, query: object, now: datetime) -> Shows:
            return Shows()

        def show_findings(self, show_id: int) -> list[dict[str, object]]:
            at = datetime(2026, 12, 2, 13, 0).timestamp()
            return [
                episode("net", "network", "network", at + 111, at + 137),
                episode("re", "reconnect", "connection", at + 165, at + 175),
            ]

    comparison = compare(Kept(), "Studio", report, log, datetime(2026, 12, 2, 14, 0).astimezone())
    # The second run's 3.9 % render lag (a 3-s SIGSTOP in 82 s) grades the session now: the console kept none.
    assert {p.finding.id: p.twin for p in comparison.pairs} == {
        "network_drops": True,
        "reconnects": True,
        "render_lag": False,
    }
    assert comparison.only_live == ()


def test_a_silent_product_video_live_is_put_beside_the_logs_word_that_its_file_could_not_be_opened(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    """tech16: the console saw "Product video silent" (OBS says a media source whose file is missing still plays)
    and the log said "A media file could not be opened: /srv/media/product-demo.mp4" — the video's own file — yet
    the dialog listed the live finding as "not in the log"."""
    storage = Storage(os.environ["ONAIR_DATABASE_URL"])
    storage.migrate()
    show, _ = storage.open_show("Studio E", datetime(2026, 12, 2, 13, 1, 9).astimezone(), 0)
    at = datetime(2026, 12, 2, 13, 0).timestamp()
    silent = episode("pv", "product_silent", "audio", at + 84, at + 240)
    silent["fields"] = '{"input": "Product video", "inputs": "Product video", "names": ["Product video"]}'
    other = episode("pv2", "product_silent", "audio", at + 84, at + 240)
    other["key"], other["fields"] = "pv2", '{"input": "Clip", "names": ["Clip"]}'  # its file opened fine
    storage.add_telemetry(show.id, [], [], [silent, other])
    storage.end_show(show.id, datetime(2026, 12, 2, 13, 5, 57).astimezone())
    storage.close()
    window = make_window(1, connect=False)
    window.bridge.set_room("Studio E", False)
    log = tmp_path / "2026-12-02 13-00-38.txt"
    log.write_bytes(REAL_LOG.read_bytes())
    dialog = window.analyze_log(log)
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=10000)
    said = {e.names: e.log_says for e in dialog.comparison.only_live}
    assert said[("Clip",)] is None
    assert said[("Product video",)] is not None
    text = dialog.text.toPlainText()
    assert "the log: OBS could not open its file, /srv/media/product-demo.mp4" in text, text


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_demo_room_says_it_has_no_obs_log_and_how_to_read_a_real_one(
    qtbot: QtBot, make_window: Callable[..., MainWindow], home: Path, qapp: QApplication, language: str
) -> None:
    """The demo room said "OBS runs on this PC, but its log folder holds no log yet": its OBS is the simulator, which
    writes none — and a real OBS's log on this PC is not the demo room's either."""
    logs = home / ".config" / "obs-studio" / "logs"
    logs.mkdir(parents=True)
    (logs / "2026-11-20 20-05-00.txt").write_text(LOG, encoding="utf-8")
    installed = install_translator(qapp, language) if language != "en" else []
    try:
        window = make_window(1, demo=True, connect=False)
        window.bridge.connect_to(Endpoint("127.0.0.1", 1, "x"))  # the simulator's address: on this PC
        dialog = dialog_of(window)
        note = dialog.note.text()
    finally:
        remove_translators(qapp, installed)
    assert dialog.path is None and dialog.report is None, "another OBS's log is not the demo room's"
    assert "~/.config/obs-studio/logs" in note and "%APPDATA%\\obs-studio\\logs" in note
    if language == "en":
        assert note.startswith("This is the demo room: its OBS is the console's simulator, which writes no log"), note
        assert "drop the log file on this window or choose it with “Open…”" in note
    else:
        assert note.startswith("这是演示直播间：它的 OBS 是中控台的模拟器，不写日志"), note
        assert "“打开…”" in note and "OBS runs" not in note
    assert "OBS runs on this PC" not in note
