"""A window laid out maximised and then restored keeps its docks' proportions (widgets/dock_shares.py): Qt took the
difference unevenly, and the Scenes dock was left a single column of cut tiles (walk: a 1920×1080 screen, the window
restored to its 1440×900)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from widgets.dock_shares import DockShares, dock_room

AREAS = {
    "scenes": Qt.DockWidgetArea.LeftDockWidgetArea,
    "program": Qt.DockWidgetArea.LeftDockWidgetArea,
    "checklist": Qt.DockWidgetArea.RightDockWidgetArea,
}


def _window(qtbot: QtBot) -> tuple[QMainWindow, dict[str, QDockWidget]]:
    """The Assistant workspace's columns: scenes, the program picture, the checklist (no central widget)."""
    window = QMainWindow()
    qtbot.addWidget(window)
    docks: dict[str, QDockWidget] = {}
    for dock_id, area in AREAS.items():
        dock = QDockWidget(dock_id)
        dock.setObjectName(dock_id)
        dock.setWidget(QLabel(dock_id))
        window.addDockWidget(area, dock)
        docks[dock_id] = dock
    window.splitDockWidget(docks["scenes"], docks["program"], Qt.Orientation.Horizontal)
    window.setCentralWidget(None)  # type: ignore[arg-type]
    window.resize(1360, 700)
    window.show()
    qtbot.waitExposed(window)
    # Laid out at the whole screen's width as the workspace shares it, as resizeDocks sets it.
    window.resizeDocks(list(docks.values()), [410, 360, 590], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(docks["scenes"].width() - 410) < 8)
    return window, docks


def _shares(window: QMainWindow, docks: dict[str, QDockWidget]) -> dict[str, float]:
    return {dock_id: round(dock.width() / dock_room(window).width(), 3) for dock_id, dock in docks.items()}


def test_qt_alone_squeezes_the_docks_unevenly(qtbot: QtBot) -> None:
    """What the console works around (if Qt ever keeps the proportions, DockShares can go)."""
    window, docks = _window(qtbot)
    before = _shares(window, docks)
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: dock_room(window).width() == 1000)
    after = _shares(window, docks)
    assert max(abs(after[i] - before[i]) for i in docks) > 0.02, (before, after)


def test_the_docks_get_their_shares_back_at_the_new_size_and_again_at_the_old(qtbot: QtBot) -> None:
    window, docks = _window(qtbot)
    shares = DockShares()
    shares.take(window, docks)
    before = _shares(window, docks)
    assert not shares.give(window, docks)  # the same size: nothing to do
    for width in (1000, 1360):
        window.resize(width, 700)
        qtbot.waitUntil(lambda width=width: dock_room(window).width() == width)  # type: ignore[misc]
        assert shares.give(window, docks)
        qtbot.waitUntil(lambda: max(abs(_shares(window, docks)[i] - before[i]) for i in docks) < 0.01, timeout=2000)
