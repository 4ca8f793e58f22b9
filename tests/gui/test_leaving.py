"""Leaving safely: closing while on air asks first (without stalling the OBS link); Quit and About exist."""

from __future__ import annotations

from collections.abc import Callable

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

import console
from console.bridge import Endpoint
from console.mainwindow import MainWindow
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import wait_connected
from widgets.about_dialog import AboutDialog


def _go_live(qtbot: QtBot, sim: SimulatorThread, window: MainWindow) -> None:
    window.output.confirm = lambda *args: True
    window.output.stream_button.click()
    qtbot.waitUntil(lambda: window.bridge.state.stream.active, timeout=5000)


def test_closing_while_live_asks_and_cancel_keeps_the_console_running(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    _go_live(qtbot, sim, window)
    assert not window.close(), "the window manager's close is refused until the question is answered"
    question = window.leave_question
    assert question is not None and question.isVisible() and window.isVisible()
    assert question.text() == "OBS is streaming live."
    assert question.windowModality() == Qt.WindowModality.WindowModal
    # No nested event loop: while the question is open, OBS's meters and the stream's timecode keep coming.
    updates, clock = window.bridge.tracker.meter_updates, window.output.stream_time.text()
    qtbot.waitUntil(lambda: window.bridge.tracker.meter_updates > updates + 5, timeout=5000)
    qtbot.waitUntil(lambda: window.output.stream_time.text() != clock, timeout=5000)
    question.button(question.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: window.leave_question is None, timeout=2000)
    assert window.isVisible() and sim.call(lambda s: s.room.stream.active)


def test_ctrl_q_while_recording_asks_and_quit_anyway_closes(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    sim.call(lambda s: HANDLERS["StartRecord"](s, {}))
    qtbot.waitUntil(lambda: window.bridge.state.record.active, timeout=5000)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.leave_question is not None and window.leave_question.isVisible(), timeout=2000)
    assert window.leave_question is not None and window.leave_question.text() == "OBS is recording."
    window.action_quit.trigger()  # asked again: the same question comes forward, not a second one
    assert window.quit_button is not None
    window.quit_button.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    # Closing the console never stops OBS: the recording goes on.
    assert sim.call(lambda s: s.room.record.active)


def test_closing_when_nothing_is_on_air_does_not_ask(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    window.action_quit.trigger()
    assert window.leave_question is None and not window.isVisible()


def test_about_names_the_console_obs_websocket_and_qt_versions(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port, connect=False)
    window.action_about.trigger()
    dialog = window.findChildren(AboutDialog)[-1]
    assert dialog.isVisible()
    assert dialog.obs_version.text() == "not connected"
    window.bridge.connect_to(Endpoint("127.0.0.1", sim.port, PASSWORD))
    qtbot.waitUntil(lambda: dialog.obs_version.text() == "29.0.2", timeout=10000)
    assert dialog.websocket_version.text() == "5.1.0"
    assert dialog.console_version.text() == console.__version__
    assert qVersion() in dialog.qt_version.text() and PySide6.__version__ in dialog.qt_version.text()


def test_quitting_the_demo_room_while_live_says_its_simulated_stream_ends(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    # The demo room's OBS runs inside the console: nothing carries on streaming once it quits.
    window: MainWindow = make_window(sim.port, demo=True)
    wait_connected(qtbot, window)
    _go_live(qtbot, sim, window)
    assert not window.close()
    question = window.leave_question
    assert question is not None and question.isVisible()
    said = question.informativeText()
    assert "does not stop OBS" not in said and "carries on" not in said, said
    assert "demo room" in said and "simulated stream" in said, said
    question.button(question.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: window.leave_question is None, timeout=2000)
