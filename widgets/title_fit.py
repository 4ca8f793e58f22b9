"""TitleFit: the dialogs a widget opens are wide enough for their title bar to show the title whole.

Qt sizes a dialog by its contents only; the title bar is the window manager's, drawn in its own (often bold) font
beside an icon and three buttons. A short dialog with a longer title — QInputDialog.getText's "Complete the
checklist" above "Completed by (your name):" — had its title cut by the window manager ("Comp… ecklist" at
1920×1080). Installed on a widget, this widens each dialog it parents as the dialog is shown, never past the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QChildEvent, QEvent, QObject
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QDialog, QWidget

#: What a window manager's title bar takes beside the title (icon, three buttons, margins), in pixels (the
#: rundown's "Insert a segment next" was cut with less).
TITLE_BAR_EXTRA = 220


def title_width(dialog: QWidget) -> int:
    """The width the dialog needs for its whole title in a title bar (measured in a bold font, as window managers
    commonly draw titles)."""
    font = QFont(dialog.font())
    font.setBold(True)
    return QFontMetrics(font).horizontalAdvance(dialog.windowTitle()) + TITLE_BAR_EXTRA


class TitleFit(QObject):
    """Watches `widget` for the dialogs it parents (a static QInputDialog.getText's too) and widens each one, when
    it is shown, to `title_width`, within its screen's available width."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildPolished and isinstance(event, QChildEvent):
            child = event.child()
            if isinstance(child, QDialog):
                child.installEventFilter(self)  # once: installing a filter again moves it first, it is not doubled
        elif event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            self._fit(watched)
        return False

    @staticmethod
    def _fit(dialog: QDialog) -> None:
        wanted = title_width(dialog)
        screen = dialog.screen()
        if screen is not None:
            wanted = min(wanted, screen.availableGeometry().width())
        if dialog.width() < wanted:
            dialog.resize(wanted, dialog.height())
