"""Tools ▸ Analyze OBS log…: the console reads a log off the GUI thread and shows its sessions and findings;
a file that is not an OBS log says so in words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.i18n import install_translator, remove_translators
from console.mainwindow import MainWindow
from tests.obs.test_logfile import LOGS, RECONNECT_LOG, WINDOWS_LOG


def test_a_windows_log_shows_its_sessions_and_findings(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window: MainWindow = make_window(1, connect=False)
    log = tmp_path / "2026-11-20 19-00-00.txt"
    log.write_text(WINDOWS_LOG, encoding="utf-8")
    dialog = window.analyze_log(log)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    text = dialog.text.toPlainText()
    assert "Streaming" in text and "%" in text
    assert dialog.report is not None and dialog.report.findings
    assert dialog.report.findings[0].explain() in text, "each finding with what to do"
    mp4 = next(f for f in dialog.report.findings if f.id == "mp4_recording")
    assert "→ " + mp4.explain_remedy() in text and "File ▸ Remux Recordings" in text, "and OBS's menu path"
    assert window.action_analyze_log.text() == "Analyze OBS log…"


def test_a_file_that_is_not_an_obs_log_is_explained(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window: MainWindow = make_window(1, connect=False)
    other = tmp_path / "notes.txt"
    other.write_text("shopping list\nmilk\n", encoding="utf-8")
    dialog = window.analyze_log(other)
    qtbot.waitUntil(lambda: bool(dialog.problem), timeout=10000)
    assert "does not look like an OBS Studio log" in dialog.text.toPlainText()


def test_a_session_that_reconnected_shows_each_run(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window: MainWindow = make_window(1, connect=False)
    log = tmp_path / "2026-11-30 10-57-21.txt"
    log.write_text(RECONNECT_LOG, encoding="utf-8")
    dialog = window.analyze_log(log)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    cells = [cell.strip() for cell in dialog.text.toPlainText().splitlines()]  # a table's cells, one a line
    session = cells[cells.index("Streaming") : cells.index("Streaming") + 7]
    assert session == ["Streaming", "10:57:22.193", "10:57:38.726", "13.4 %", "0.0 %", "0.0 %", "1 (2 attempts)"]
    first = cells[cells.index("run 1") : cells.index("run 1") + 7]
    assert first == ["run 1", "", "10:57:30.207", "17.8 %", "", "0.0 %", "2 attempts"]
    assert cells[cells.index("run 2") + 2] == "10:57:38.725"
    # The system as the CLI names it: the log wrote "(linux)", the dialog said so while `onair analyze-log` said Linux.
    assert "OBS 29.0.2 (Linux)" in cells, cells[:3]


def _killed_log_cells(qtbot: QtBot, window: MainWindow) -> tuple[list[str], str]:
    dialog = window.analyze_log(LOGS / "real-linux-obs29-killed-after-reconnect.txt")
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    text = dialog.text.toPlainText()
    return [cell.strip() for cell in text.splitlines()], text


def test_a_session_the_log_ends_in_says_its_figures_are_its_reported_runs_and_counts_read_right(
    qtbot: QtBot, make_window: Callable[..., MainWindow], qapp: QApplication
) -> None:
    """walk24p: the dialog said 26.2 % dropped for the whole stream, a figure of run 1 alone; and "1 files,
    1 attempts in all", "dropped 1 time(s)"."""
    window: MainWindow = make_window(1, connect=False)
    cells, text = _killed_log_cells(qtbot, window)
    at = cells.index("13:25:04.850")
    assert cells[at - 1 : at + 6] == [
        "Streaming",
        "13:25:04.850",
        "(log ends)",
        "0.2 %",
        "?",
        "26.2 %",
        "1 (3 attempts)",
    ]
    assert cells[at + 6 : at + 8] == [
        "",
        "Render lag and network drops: run 1 of 2 only, the one the log reports in full",
    ]
    assert "26.2 % of frames dropped by the network in run 1 of 2, the one the log reports in full." in text
    assert "(1 file, 1 attempt in all)" in text and "the connection dropped 1 time, the first at" in text
    assert "(s)" not in text, text
    translators = install_translator(qapp, "zh_CN")
    try:
        chinese, said = _killed_log_cells(qtbot, window)
    finally:
        remove_translators(qapp, translators)
    assert "渲染延迟和网络丢帧：仅为第 1 段（共 2 段），日志只完整记录了这一段" in chinese
    assert "开始的推流会话（仅第 1 段，共 2 段：日志只完整记录了这一段）：网络丢弃了 26.2 % 的帧" in said
    assert "（1 个文件，共尝试打开 1 次）" in said and "连接中断 1 次" in said, said
