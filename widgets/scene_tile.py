"""SceneTile: one scene — live thumbnail, name, hotkey number, and a tally border (red program, green preview)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from widgets.pixmaps import PictureView

#: The smallest thumbnail; tiles grow from it with the space the dock has (ScenesPanel picks the size).
THUMB = QSize(160, 90)
#: Beyond this a bigger tile helps nobody, and OBS would render ever larger thumbnails each second.
THUMB_MAX = QSize(640, 360)
#: What a tile adds around its thumbnail: margins, border, the name below it.
CHROME = QSize(18, 50)
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
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        prefix = f"{number}  " if number is not None else ""
        self.label.setText(prefix + name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(5, 5, 5, 5)
        layout.setSpacing(4)
        layout.addWidget(self.thumbnail)
        layout.addWidget(self.label)
        self.program = False
        self.preview = False
        self.armed = False
        self.has_thumbnail = False
        self.set_thumbnail_size(THUMB)
        self._restyle()

    def set_thumbnail_size(self, size: QSize) -> None:
        """The panel gives every tile the same size; the name grows with it, so it is read from afar."""
        if size == self.thumbnail.size() and self.label.styleSheet():
            return
        self.thumbnail.setFixedSize(size)
        self.label.setStyleSheet(f"font-size: {max(15, size.width() // 16)}px; font-weight: 600;")

    def set_tally(self, program: bool, preview: bool) -> None:
        if (program, preview) != (self.program, self.preview):
            self.program, self.preview = program, preview
            self._restyle()

    def set_armed(self, armed: bool) -> None:
        if armed != self.armed:
            self.armed = armed
            self._restyle()

    def set_thumbnail_data(self, data_uri: str) -> None:
        """A screenshot as OBS sent it, requested at the tile's size (shrunk when painted if the tile shrank since);
        the same as the one shown is not decoded again (a still scene)."""
        if self.thumbnail.set_picture_data(data_uri):
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
