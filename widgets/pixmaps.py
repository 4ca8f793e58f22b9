"""Pictures from OBS: screenshot data URIs into pixmaps, and a light widget that shows one."""

from __future__ import annotations

import base64
import binascii

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget


def pixmap_from_data_uri(data_uri: str) -> QPixmap | None:
    """'data:image/jpeg;base64,...' -> QPixmap, or None if it is not a readable image."""
    _, _, encoded = data_uri.partition(",")
    try:
        raw = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return None
    pixmap = QPixmap()
    return pixmap if pixmap.loadFromData(raw) else None


class PictureView(QWidget):
    """Paints one picture centred on black, shrunk to fit; before the first picture, `empty_text` in grey.

    A QLabel would do the same, but every QLabel.setPixmap re-runs the layout of the dock around it; at
    the program view's 2 fps that was most of the console's idle CPU. A new frame here only repaints."""

    BACKGROUND = QColor("#000")
    EMPTY_TEXT_COLOUR = QColor("#888")

    def __init__(self, empty_text: str = "", background: QColor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        self._data: str | None = None  # the screenshot data the picture shown was decoded from, if it was
        self._empty_text = empty_text
        self._background = background or self.BACKGROUND
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    @property
    def pixmap(self) -> QPixmap | None:
        """The picture shown (None before the first)."""
        return self._pixmap

    def set_pixmap(self, pixmap: QPixmap | None) -> None:
        self._pixmap = pixmap
        self._data = None
        self.update()

    def set_picture_data(self, data_uri: str) -> bool:
        """Show a screenshot as OBS sent it ('data:image/jpeg;base64,...'); False if it is not a readable image.

        The same data as the picture shown is neither decoded nor painted again: OBS encodes the same bytes for a
        picture that did not change (a still scene, a paused slide), and decoding the JPEG and repainting were most
        of what a picture cost the GUI thread (a comparison of equal strings is a length check and a memcmp)."""
        if self._pixmap is not None and data_uri == self._data:
            return True
        pixmap = pixmap_from_data_uri(data_uri)
        if pixmap is None:
            return False
        self.set_pixmap(pixmap)
        self._data = data_uri
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._background)
        pixmap = self._pixmap
        if pixmap is None or pixmap.isNull():
            painter.setPen(self.EMPTY_TEXT_COLOUR)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._empty_text)
            return
        size = pixmap.size()
        if size.width() > self.width() or size.height() > self.height():
            size = size.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(0, 0, size.width(), size.height())
        target.moveCenter(self.rect().center())
        painter.drawPixmap(target, pixmap)
