"""Layouts that stay put (walk14). A dock opened from the View menu joins a tab stack and no other dock moves: on a
1366×768 laptop in the Assistant workspace, View ▸ Rundown put the Rundown dock over Scenes, moved Questions over
the program picture and narrowed the checklist's column to a scroll bar. And the workspace ticked and the layout
shown agree after any exit: after kill -9 the menu ticked 直播脚本 over the layout of the last clean quit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDockWidget
from pytestqt.qtbot import QtBot

from console.app import Console
from console.bridge import ObsBridge
from console.docks import LAYOUT_VERSION, WORKSPACES
from console.mainwindow import STATE_KEY, MainWindow
from console.settings import Settings
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import connected, start
from tests.gui.test_alerts_console import saved_room

ROOM = "一号直播间"


def in_sight(dock: QDockWidget) -> bool:
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def stacks(window: MainWindow, leave_out: str) -> dict[str, frozenset[str]]:
    """Each dock shown with the docks that share its tab stack, leaving one dock out."""
    names = {dock: name for name, dock in window.docks.items()}
    return {
        name: frozenset(
            names[d] for d in window.tabifiedDockWidgets(dock) if not d.isHidden() and names[d] != leave_out
        )
        for name, dock in window.docks.items()
        if not dock.isHidden() and name != leave_out
    }


def settle(qapp: QApplication) -> None:
    """The window's queued layout work (a dock built when first shown, placed again once laid out) is done."""
    for _ in range(3):
        qapp.processEvents()


def test_the_rundown_opened_from_the_view_menu_joins_a_tab_stack_and_no_other_dock_moves(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, sim: SimulatorThread, tmp_path: Path
) -> None:
    saved_room(tmp_path, sim, ROOM)
    console = start(qapp, consoles, settings, room=ROOM, lang="zh_CN")
    connected(qtbot, console)
    window = console.window
    qtbot.waitExposed(window)
    settle(qapp)
    assert window.workspace_actions["Assistant"].isChecked() and window.docks["rundown"].isHidden()
    seen = {name for name, dock in window.docks.items() if in_sight(dock)}
    assert {"scenes", "program", "output", "audio", "checklist"} <= seen
    areas = {name: window.dockWidgetArea(dock) for name, dock in window.docks.items() if not dock.isHidden()}
    before = stacks(window, "rundown")

    window.docks["rundown"].toggleViewAction().trigger()  # View ▸ 直播脚本
    settle(qapp)
    rundown = window.docks["rundown"]
    assert in_sight(rundown), "the dock opened is on top of its stack"
    assert any(not d.isHidden() for d in window.tabifiedDockWidgets(rundown)), "it joined a tab stack"
    assert stacks(window, "rundown") == before, "no other dock changed its stack"
    assert {name: window.dockWidgetArea(window.docks[name]) for name in areas} == areas, "nor its side"
    covered = {name for name in seen if not in_sight(window.docks[name])}
    assert covered <= {d.objectName() for d in window.tabifiedDockWidgets(rundown)}, (
        f"only the tab the rundown went on top of is covered: {covered}"
    )
    screen = window.screen().availableGeometry()
    assert window.frameGeometry().width() <= screen.width() and window.frameGeometry().height() <= screen.height()


def window_of(qapp: QApplication, qtbot: QtBot, folder_settings: Settings) -> tuple[MainWindow, ObsBridge]:
    """A window as the console starts it from the settings on disk (no OBS), shown and laid out."""
    bridge = ObsBridge()
    window = MainWindow(bridge, folder_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settle(qapp)
    return window, bridge


def test_after_a_kill_the_workspace_ticked_is_the_layout_shown(
    qapp: QApplication, qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    first, first_bridge = window_of(qapp, qtbot, settings)
    assert first.workspace_actions["Assistant"].isChecked()
    first.close()  # a clean quit: the Assistant layout kept
    first_bridge.shutdown()

    second, second_bridge = window_of(qapp, qtbot, Settings(tmp_path))
    second.workspace_actions["Rundown"].trigger()
    settle(qapp)
    assert second.visible_docks() == set(WORKSPACES["Rundown"].placement)
    # kill -9: nothing more is written; the next start reads what is on disk.
    third, third_bridge = window_of(qapp, qtbot, Settings(tmp_path))
    try:
        ticked = [name for name, action in third.workspace_actions.items() if action.isChecked()]
        assert ticked == ["Rundown"]
        assert third.visible_docks() == set(WORKSPACES["Rundown"].placement), "the layout the tick says"
    finally:
        second_bridge.shutdown()
        third_bridge.shutdown()


def test_a_dock_closed_by_hand_is_kept_through_a_kill(
    qapp: QApplication, qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    """rundown13: a layout arranged by hand was written only at a clean quit; after kill -9 the docks came back where
    they were the quit before. Now it is written a second after the hand stops."""
    first, bridge = window_of(qapp, qtbot, settings)
    assert not first.docks["audio"].isHidden()
    first.docks["audio"].close()  # the dock's own ✕
    # Written once the hand stops: what is on disk is the window's layout now, the Audio dock closed.
    qtbot.waitUntil(lambda: Settings(tmp_path).window_state(STATE_KEY) == first.saveState(LAYOUT_VERSION), timeout=5000)
    # kill -9: nothing more is written; the next start reads what is on disk.
    second, second_bridge = window_of(qapp, qtbot, Settings(tmp_path))
    try:
        assert second.docks["audio"].isHidden()
        assert second.workspace_actions["Assistant"].isChecked()
        assert {"scenes", "program", "output", "checklist"} <= second.visible_docks()
    finally:
        bridge.shutdown()
        second_bridge.shutdown()


def _drag(window: MainWindow, start: QPoint, end: QPoint) -> None:
    """A hand dragging what is under `start` to `end` (a separator between docks is the window's own)."""
    for kind, at, buttons in (
        (QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseMove, start + QPoint(0, 1), Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseMove, end, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(
            kind, QPointF(at), QPointF(window.mapToGlobal(at)), Qt.MouseButton.LeftButton, buttons,
            Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        QApplication.sendEvent(window, event)
        QApplication.processEvents()  # Qt moves the separator on a zero timer after each move


def test_a_separator_dragged_by_hand_is_kept_through_a_kill(
    qapp: QApplication, qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    """review of rundown13's fix: a separator dragged between two docks emits no dock signal, and QMainWindow ends
    the drag in event() without calling mouseReleaseEvent, so the new sizes were kept only at a clean quit."""
    first, bridge = window_of(qapp, qtbot, settings)
    qtbot.waitUntil(lambda: Settings(tmp_path).window_state(STATE_KEY) == first.saveState(LAYOUT_VERSION), timeout=5000)
    upper, lower = first.docks["scenes"], first.docks["audio"]
    assert first.dockWidgetArea(upper) == first.dockWidgetArea(lower) and upper.geometry().bottom() < lower.y()
    height = upper.height()
    gap = QPoint(upper.geometry().center().x(), (upper.geometry().bottom() + lower.geometry().top()) // 2)
    _drag(first, gap, gap + QPoint(0, 60))
    assert upper.height() > height + 30, "the drag moved the separator"
    dragged = upper.height()
    qtbot.waitUntil(lambda: Settings(tmp_path).window_state(STATE_KEY) == first.saveState(LAYOUT_VERSION), timeout=5000)
    # kill -9: nothing more is written; the next start reads what is on disk.
    second, second_bridge = window_of(qapp, qtbot, Settings(tmp_path))
    try:
        # Restored by Qt within a few pixels (the window's own fit after restoring), nearer the dragged size.
        now = second.docks["scenes"].height()
        assert abs(now - dragged) < abs(now - height), (now, dragged, height)
    finally:
        bridge.shutdown()
        second_bridge.shutdown()
