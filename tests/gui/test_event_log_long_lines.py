"""What the event log says: a long line (a broken file's report, say) can be read whole, its row grows and it has
a tooltip; an audio input is never said to deliver video."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextLayout, QTextOption
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from widgets.event_log import EventLog

LONG = (
    "The checklist file /home/crew/.config/onair/checklists/evening-show.toml could not be read: line 12, "
    "column 7: expected '=' after a key, found a newline; the other checklist files are loaded as usual."
)


def test_a_long_line_is_readable_whole(qtbot: QtBot) -> None:
    # As at start-up: the broken file is reported while the log is still wide (the window not laid out yet).
    log = EventLog()
    qtbot.addWidget(log)
    log.resize(1300, 300)
    log.show()
    qtbot.waitExposed(log)
    log.add("Console", "Connected.")
    log.add("Console", LONG, "error")
    one_line = log.rowHeight(1)
    log.resize(420, 300)  # then it settles into a dock at the side of a laptop screen
    # Hovering the line shows all of it, whatever the column's width.
    line = log.item(1, 2)
    assert line is not None and line.toolTip() == LONG
    # And the row grows tall enough for the wrapped text, not one line cut with "…": as tall as the same line
    # logged once the log is narrow.
    log.add("Console", LONG)
    wrapped = log.rowHeight(2)
    assert wrapped > 2 * one_line
    qtbot.waitUntil(lambda: log.rowHeight(1) == wrapped, timeout=3000)


def test_an_audio_input_going_on_program_is_not_said_to_deliver_video(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    log = window.event_log

    def said(text: str) -> bool:
        return any(what == text for _, what in log.lines())

    # 直播中 brings the camera and the microphone onto the program; 暂时离开 takes them off again.
    window.bridge.request("SetCurrentProgramScene", {"sceneName": "直播中"})
    qtbot.waitUntil(lambda: said("摄像机 is delivering video"), timeout=10000)
    window.bridge.request("SetCurrentProgramScene", {"sceneName": "暂时离开"})
    qtbot.waitUntil(lambda: said("摄像机 stopped delivering video"), timeout=10000)
    window.bridge.request("SetCurrentProgramScene", {"sceneName": "等待开始"})
    qtbot.waitUntil(lambda: said("Program scene: 等待开始"), timeout=10000)  # after every event before it
    mic_lines = [what for _, what in log.lines() if what.startswith("麦克风")]
    assert not any("video" in what for what in mic_lines), mic_lines


def test_every_one_line_row_is_as_tall_wherever_it_was_logged(qtbot: QtBot) -> None:
    """walk16: lines logged while the log's tab was hidden behind the checklist were measured in a narrow column;
    once shown again they were 18 px, the others 30 px (the header's default), and a few 24 px: an uneven log with
    a third fewer lines in sight."""
    log = EventLog()
    qtbot.addWidget(log)
    log.resize(900, 300)
    log.show()
    qtbot.waitExposed(log)
    log.add("中控台", "已开始推流")
    log.resize(160, 300)  # narrow, as a dock squeezed (or a hidden tab): this line wraps when it comes
    log.add("健康诊断", "电脑 CPU 占用 100 %（OBS 6 %，其他程序 94 %）。", "error")
    assert log.rowHeight(1) > log.rowHeight(0), "it wraps while the column is narrow"
    log.resize(900, 300)
    log.add("OBS", "麦克风 已静音")
    qtbot.waitUntil(lambda: log.rowHeight(1) == log.rowHeight(0), timeout=3000)
    assert log.rowHeight(0) == log.rowHeight(2)
    log.resizeRowToContents(2)  # what a one-line row measures: the rows are that tall, no taller
    assert log.rowHeight(2) == log.rowHeight(0)


def wrapped_height(text: str, width: int, log: EventLog) -> float:
    """How tall the text is laid out in lines of `width`, with the fonts that draw it (Chinese from a fallback)."""
    layout = QTextLayout(text, log.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        height += line.height()
    layout.endLayout()
    return height


def test_a_wrapped_line_with_chinese_in_it_is_tall_enough_to_be_read_whole(qtbot: QtBot) -> None:
    """walk16: at 1920×1080 the silent-microphone finding wrapped to two lines, its row was measured as tall as the
    bare text, and the cell drew one line cut with "…" ("(loude…"): the cell's margins were not counted."""
    log = EventLog()
    qtbot.addWidget(log)
    log.resize(580, 300)
    log.show()
    qtbot.waitExposed(log)
    text = (
        "The microphone “麦克风” is on but silent: below −50 dBFS for 10 s (loudest −71 dBFS): is it unplugged, "
        "switched off or turned down?"
    )
    log.add("Health", text, "warning")
    one_line = log.verticalHeader().defaultSectionSize()
    needed = wrapped_height(text, log.columnWidth(2) - 8, log)
    assert needed > one_line, "it wraps"
    assert log.rowHeight(0) >= needed + (one_line - log.fontMetrics().height()), "the text and the cell's margins"
