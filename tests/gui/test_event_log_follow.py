"""The event log follows its newest line through a resize (a workspace change makes it shorter: walk14 F11 found
the Go/End lines below the fold), stops following while the reader scrolls up, and follows again at the bottom."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from widgets.event_log import EventLog


def newest_visible(log: EventLog) -> bool:
    QApplication.processEvents()
    last = log.rowCount() - 1
    rect = log.visualRect(log.model().index(last, 2))
    return rect.isValid() and log.viewport().rect().contains(rect.bottomLeft())


def test_the_newest_line_stays_in_sight_when_the_log_is_made_shorter(qtbot: QtBot) -> None:
    log = EventLog()
    qtbot.addWidget(log)
    log.resize(600, 600)
    log.show()
    qtbot.waitExposed(log)
    for n in range(30):
        log.add("Console", f"line {n}")
    assert newest_visible(log)
    log.resize(600, 160)  # the Rundown workspace gives the log a short corner
    log.add("Rundown", "Go: “Flash deal” (主播助理小林)")
    assert newest_visible(log), "the Go line is in sight, not below the fold"
    # Scrolled up by the reader, new lines do not yank the view; back at the bottom, it follows again.
    log.verticalScrollBar().setValue(0)
    log.add("Rundown", "The rundown ended (主播助理小林)")
    assert log.verticalScrollBar().value() == 0 and not log.following
    log.verticalScrollBar().setValue(log.verticalScrollBar().maximum())
    log.add("Console", "Program scene: 直播中")
    assert newest_visible(log)
