"""The console's own data disk full (walk13 F7): said where the team looks — the status bar, for as long as it
lasts — and every line about it said again in the new language after a switch, the "Who" column too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console
from console.core.dbtrouble import Cause, DatabaseTrouble
from console.settings import Settings
from tests.gui.conftest import connected, start


def test_a_full_data_disk_is_in_the_status_bar_and_its_log_lines_follow_a_language_switch(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    console = start(qapp, consoles, settings, demo=True, lang="zh_CN")
    connected(qtbot, console)
    full = DatabaseTrouble(Cause.DISK_FULL, "database or disk is full", where="/tmp/tiny/onair.db")
    console.telemetry._on_writer_problem(full)  # as the writer's thread reports it
    window = console.window
    assert window.storage_status.isVisible(), "seen without opening the event log"
    assert window.storage_status.text().startswith("● 图表历史未能保存："), window.storage_status.text()
    assert "/tmp/tiny/onair.db" in window.storage_status.text()

    console.switch_language("en")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window = console.window
    status = window.storage_status.text()
    assert status.startswith("● Graph history is not being saved: the disk holding") and "is full" in status, status
    console.telemetry._on_writer_problem(None)  # space freed
    assert not window.storage_status.isVisible()
    lines = [(who, what) for who, what in window.event_log.lines() if "raph" in what or who in ("Graphs", "图表")]
    assert lines[-2][0] == "Graphs" and lines[-2][1].startswith("Graph history is not being saved: the disk"), lines
    assert lines[-1] == ("Graphs", "Graph history is being saved again.")
    assert not any("图" in who + what for who, what in lines), lines
