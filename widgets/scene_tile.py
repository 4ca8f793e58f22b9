"""SceneTile: one scene — live thumbnail, name, hotkey number, and a tally border (red program, green preview)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from widgets.pixmaps import PictureView

THUMB = QSize(192, 108)
PROGRAM_RED = "#e0312f"
PREVIEW_GREEN = "#2fae4f"
ARMED_AMBER = "#f0a020"


class SceneTile(QFrame):
    sig_clicked = Signal(str)

    def __init__(self, name: str, number: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName("sceneTile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.thumbnail = PictureView(background=QColor("#111"), parent=self)
        self.thumbnail.setFixedSize(THUMB)
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        prefix = f"{number}  " if number is not None else ""
        self.label.setText(prefix + name)
        self.label.setStyleSheet("font-size: 15px; font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(5, 5, 5, 5)
        layout.setSpacing(4)
        layout.addWidget(self.thumbnail)
        layout.addWidget(self.label)
        self.program = False
        self.preview = False
        self.armed = False
        self.has_thumbnail = False
        self._restyle()

    def set_tally(self, program: bool, preview: bool) -> None:
        if (program, preview) != (self.program, self.preview):
            self.program, self.preview = program, preview
            self._restyle()

    def set_armed(self, armed: bool) -> None:
        if armed != self.armed:
            self.armed = armed
            self._restyle()

    def set_thumbnail(self, pixmap: QPixmap) -> None:
        self.thumbnail.set_pixmap(pixmap)  # requested at THUMB size; anything larger is shrunk when painted
        self.has_thumbnail = True

    def _restyle(self) -> None:
        colour = (
            PROGRAM_RED if self.program else PREVIEW_GREEN if self.preview else ARMED_AMBER if self.armed else "#3a3a3e"
        )
        width = 4 if (self.program or self.preview or self.armed) else 2
        self.setStyleSheet(f"#sceneTile {{ border: {width}px solid {colour}; border-radius: 6px; }}")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.sig_clicked.emit(self.name)
        super().mousePressEvent(event)
