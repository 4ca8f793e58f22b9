"""The Rundown dock in the main window: built when the window is given the rundown's port (View ▸ Rundown, the
Rundown workspace), absent otherwise (no menu entry, no workspace that would show nothing), and the studio-mode
Transition keys keep their hands off the rundown's table while someone types in it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from console.bridge import Endpoint, ObsBridge
from console.docks import WORKSPACES
from console.mainwindow import MainWindow
from console.rundown_controller import RundownController
from console.settings import Settings
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import wait_connected
from tests.gui.test_rundown_dock import PLAN, ListRundownPort
from widgets.rundown_dock import RundownDock


@pytest.fixture
def bridge() -> Iterator[ObsBridge]:
    made = ObsBridge(backoff_initial=0.1, backoff_max=0.5)
    yield made
    made.shutdown()


def window_with(qtbot: QtBot, bridge: ObsBridge, settings: Settings, rundown: ListRundownPort | None) -> MainWindow:
    window = MainWindow(bridge, settings, demo=True, rundown=rundown)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def view_entries(window: MainWindow) -> list[str]:
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert isinstance(view, QMenu)
    return [a.text() for a in view.actions()]


def test_with_a_rundown_the_window_has_the_dock_in_view_and_a_rundown_workspace(
    qtbot: QtBot, bridge: ObsBridge, settings: Settings
) -> None:
    port = ListRundownPort(bridge, PLAN)
    window = window_with(qtbot, bridge, settings, port)
    assert isinstance(window.rundown_dock, RundownDock) and window.docks["rundown"].objectName() == "rundown"
    assert "Rundown" in view_entries(window)
    assert window.docks["rundown"].isHidden()  # the first start's Assistant workspace does not show it
    window.workspace_actions["Rundown"].trigger()
    assert window.visible_docks() == set(WORKSPACES["Rundown"].placement)
    qtbot.waitUntil(lambda: window.docks["rundown"].width() > window.docks["program"].width(), timeout=3000)
    assert window.rundown_dock.model.rowCount() == len(PLAN)
    window.docks["rundown"].toggleViewAction().trigger()
    assert window.docks["rundown"].isHidden()


def test_a_window_given_no_rundown_makes_the_rooms_own_and_shows_it(
    qtbot: QtBot, bridge: ObsBridge, settings: Settings
) -> None:
    """The console always hands its window the room's rundown; a window made on its own (no composition root)
    makes its own controller, so the Rundown dock and its workspace are there either way."""
    window = window_with(qtbot, bridge, settings, None)
    assert isinstance(window.rundown, RundownController)
    assert isinstance(window.rundown_dock, RundownDock) and "Rundown" in window.workspace_actions
    assert "Rundown" in view_entries(window)


def test_space_in_the_rundowns_table_is_no_studio_transition(
    qtbot: QtBot, bridge: ObsBridge, settings: Settings
) -> None:
    sim = SimulatorThread(password=PASSWORD, seed=11).start()
    try:
        window = window_with(qtbot, bridge, settings, ListRundownPort(bridge, PLAN))
        bridge.connect_to(Endpoint("127.0.0.1", sim.port, PASSWORD))
        wait_connected(qtbot, window)
        window.apply_workspace("Rundown")
        window.scenes.studio_mode.click()
        qtbot.waitUntil(lambda: bridge.state.studio_mode, timeout=5000)
        window.activateWindow()
        window.scenes.setFocus()
        qtbot.waitUntil(lambda: all(s.isEnabled() for s in window.transition_shortcuts), timeout=3000)
        rundown = window.rundown_dock
        assert rundown is not None
        rundown.table.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is rundown.table, timeout=3000)
        assert not any(s.isEnabled() for s in window.transition_shortcuts)
    finally:
        bridge.shutdown()
        sim.stop()
