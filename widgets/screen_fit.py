"""Keeping a top-level window within its screen: the room the screen gives it (less the window manager's frame) and
the fit itself — shrunk to that room and moved back onto the screen, never larger than a 1366×768 laptop allows."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget

from widgets import window_manager

#: Room kept for a title bar and borders while the window manager has not said its frame yet (a window not mapped).
FRAME_RESERVE = QSize(8, 32)

#: The states in which the window manager sizes the window (the screen's area), not the window.
WHOLE = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen


def unmanaged(window: QWidget) -> bool:
    """Maximised or full screen as far as Qt knows, shown, not already the screen's available area, and no window
    manager runs to size it (an X server without one: kiosk setups, some remote desktops). Qt only asks a window
    manager for the state; with none, nobody grants it and the window keeps whatever size it had: its docks' (1358×764
    at y 28 on a 1366×768 screen, past the edge) or a first start's unmaximised one (1358×736 at 4, 28: a black band
    above it). Where the X server cannot be asked, only a window past the screen's edge is taken for one: a window
    manager that maximised a window refuses the larger size its docks ask for. (The offscreen platform maximises by
    itself, and takes any size asked for after that: not a window without a manager.)"""
    if not window.windowState() & WHOLE or not window.isVisible() or QApplication.platformName() != "xcb":
        return False
    area = (window.screen() or QApplication.primaryScreen()).availableGeometry()
    if window.frameGeometry() == area:
        return False  # as a window manager maximises it, or as it took the area itself
    manager = window_manager.running()
    return not area.contains(window.frameGeometry()) if manager is None else not manager


def undecorated() -> bool:
    """No window manager frames windows: the offscreen and minimal platforms, and an X server with no window manager
    running. A window's whole size is its size on the screen; no room is kept for a frame that will never come."""
    platform = QApplication.platformName()
    return platform in ("offscreen", "minimal") or (platform == "xcb" and window_manager.running() is False)


def frame_margins(window: QWidget) -> QMargins | None:
    """The window manager's frame around `window` as it stands (none when no window manager frames it); None while
    the window manager has not said it (a window not mapped yet)."""
    outer, inner = window.frameGeometry(), window.geometry()
    if outer == inner and not undecorated():
        return None
    left, top = inner.left() - outer.left(), inner.top() - outer.top()
    return QMargins(left, top, outer.right() - inner.right(), outer.bottom() - inner.bottom())


def reserved_margins() -> QMargins:
    """FRAME_RESERVE as a frame: a title bar above, thin borders on the other sides (none without a window manager)."""
    if undecorated():
        return QMargins()
    side = FRAME_RESERVE.width() // 2
    return QMargins(side, FRAME_RESERVE.height() - side, side, side)


def fitted_place(place: QRect, frame: QMargins | None) -> QRect:
    """`place` (a window's inside) moved, and shrunk if it must be, so that with its frame (`frame`, else the room
    reserved for one) it lies within the available area of the screen it is most on — the primary screen when it is
    on none (a screen unplugged, or made smaller, since it was left there)."""
    margins = reserved_margins() if frame is None else frame

    def overlap(area: QRect) -> int:
        common = area.intersected(place)
        return 0 if common.isEmpty() else common.width() * common.height()

    areas = [screen.availableGeometry() for screen in QApplication.screens()]
    best = max(areas, key=overlap, default=None)
    if best is None or overlap(best) == 0:
        primary = QApplication.primaryScreen()
        if primary is None:
            return place
        best = primary.availableGeometry()
    room = best.marginsRemoved(margins)
    width, height = min(place.width(), room.width()), min(place.height(), room.height())
    return QRect(
        max(room.left(), min(place.left(), room.right() - width + 1)),
        max(room.top(), min(place.top(), room.bottom() - height + 1)),
        width,
        height,
    )


def available_size(window: QWidget) -> QSize:
    """The room `window` may take on its screen, without the window manager's frame."""
    screen = window.screen() or QApplication.primaryScreen()
    available = screen.availableGeometry().size()
    frame = window.frameGeometry().size() - window.geometry().size()
    if frame.height() <= 0 and not undecorated():
        # Not mapped yet, or the window manager has not said its frame yet: keep room for a title bar.
        frame = QSize(FRAME_RESERVE.width(), FRAME_RESERVE.height())
    return QSize(available.width() - frame.width(), available.height() - frame.height())


def fit_to_screen(window: QWidget) -> None:
    """Never larger than the screen, and on it. Maximised and full-screen windows are the window manager's to size;
    with no window manager to do it (unmanaged), such a window takes the screen's available area itself."""
    if unmanaged(window):
        window.setGeometry((window.screen() or QApplication.primaryScreen()).availableGeometry())
        return
    if window.windowState() & WHOLE:
        return
    room = available_size(window)
    if window.width() > room.width() or window.height() > room.height():
        window.resize(min(window.width(), room.width()), min(window.height(), room.height()))
    geometry = window.frameGeometry()
    screen = (window.screen() or QApplication.primaryScreen()).availableGeometry()
    if window.isVisible() and not screen.contains(geometry):
        window.move(
            max(screen.left(), min(geometry.left(), screen.right() - geometry.width() + 1)),
            max(screen.top(), min(geometry.top(), screen.bottom() - geometry.height() + 1)),
        )
