"""Found by using the rundown end to end as a team would (planner, assistant, host): each test here is one thing
a user met in a real window that the earlier tests let through."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from console.core.rundown.model import Rundown
from console.mainwindow import MainWindow
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from tests.gui.test_rundown_dock import PLAN


def test_add_then_typing_replaces_the_new_segments_title(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    """Add starts typing the new segment's title: what the planner types replaces "New segment". In the console
    it became "New segmentOpening": the live position's repaint, once a second, put the editor's text back and
    deselected it (and would put back a title half typed during a show)."""
    window = make_window(sim.port, demo=True)
    wait_connected(qtbot, window)
    dock = window.rundown_dock
    assert dock is not None
    window.workspace_actions["Rundown"].trigger()
    window.rundown.save(Rundown("demo", PLAN))
    qtbot.waitUntil(lambda: dock.model.rowCount() == len(PLAN), timeout=5000)
    dock.table.selectRow(0)
    dock.add_segment()
    qtbot.waitUntil(lambda: len(window.rundown.rundown.segments) == len(PLAN) + 1, timeout=5000)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    QTest.keyClicks(editor, "Opening")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.rundown.rundown.segments[1].title != "New segment", timeout=5000)
    assert window.rundown.rundown.segments[1].title == "Opening"
