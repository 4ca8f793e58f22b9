"""The docks' sizes as shares of their window, laid out again after the window is maximised or restored.

QMainWindow does not keep its docks' proportions when the window changes size: it gives or takes the difference
unevenly, by what its layout last set by hand. Unmaximised from a 1920×1080 screen to its 1440×900, a window laid out
maximised took 39 % of the Scenes dock's width and 20 % of the others' (the tiles went to one cut column), and after a
restart in between, with the layout restored from the saved state, it took the width from the program picture and
the checklist instead; maximised again, the docks did not come back to where they were. So the shares are taken when
the layout is kept (`take`) and given back to the docks at the window's new size (`give`).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow


def dock_room(window: QMainWindow) -> QSize:
    """The room the docks share: the window less its menu bar and status bar."""
    height = window.height()
    for bar in (window.menuWidget(), window.statusBar()):
        if bar is not None and bar.isVisible():
            height -= bar.height()
    return QSize(window.width(), max(1, height))


def _in_sight(dock: QDockWidget) -> bool:
    """Docked and shown, on top of its tab stack if in one (the others keep the size they had when last on top)."""
    return dock.isVisible() and not dock.isFloating() and not dock.visibleRegion().isEmpty()


class DockShares:
    """Each docked, visible dock's width and height as shares of `dock_room` when taken."""

    def __init__(self) -> None:
        self.room: QSize | None = None
        self.shares: dict[str, tuple[float, float]] = {}

    def take(self, window: QMainWindow, docks: Mapping[str, QDockWidget]) -> None:
        if not window.isVisible():
            return  # no dock is shown yet: nothing to take
        room = dock_room(window)
        self.room = room
        self.shares = {
            dock_id: (dock.width() / room.width(), dock.height() / room.height())
            for dock_id, dock in docks.items()
            if _in_sight(dock)
        }

    def give(self, window: QMainWindow, docks: Mapping[str, QDockWidget]) -> bool:
        """The docks taken, still shown and docked, sized in their shares of the window's room now; False when there
        is nothing to do (nothing taken, or the room is the one they were taken at)."""
        room = dock_room(window)
        if self.room is None or room == self.room:
            return False
        shown = [(docks[i], share) for i, share in self.shares.items() if i in docks and _in_sight(docks[i])]
        if not shown:
            return False
        widgets = [dock for dock, _ in shown]
        widths = [max(1, round(w * room.width())) for _, (w, _h) in shown]
        heights = [max(1, round(h * room.height())) for _, (_w, h) in shown]
        window.resizeDocks(widgets, widths, Qt.Orientation.Horizontal)
        window.resizeDocks(widgets, heights, Qt.Orientation.Vertical)
        return True
