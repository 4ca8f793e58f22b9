"""LevelMeter: a dBFS bar per channel with OBS-like zones and a peak hold, repainted only when levels change."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

FLOOR_DB = -60.0
WARN_DB = -20.0  # OBS's meter turns yellow here
DANGER_DB = -9.0  # ... and red here
PEAK_HOLD_S = 1.5
PEAK_COLOUR = QColor(240, 240, 240)


FLOOR_MUL = 10 ** (FLOOR_DB / 20)


def mul_to_dbfs(mul: float) -> float:
    """A multiplier as dBFS, clamped to [FLOOR_DB, 0] (comparisons, not min/max calls: 20 Hz per channel)."""
    if mul <= FLOOR_MUL:
        return FLOOR_DB
    return 0.0 if mul >= 1.0 else 20 * math.log10(mul)


class LevelMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._levels: list[float] = []  # dBFS per channel (magnitude)
        self._peaks: list[tuple[float, float]] = []  # (dBFS, time held since)
        self._muted = False
        self._cache: tuple[QPixmap, QPixmap] | None = None
        self._cache_key: tuple[int, int, int, bool] | None = None
        self._drawn_key: list[int] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # paints every pixel: skip the background
        self.setMinimumWidth(80)

    def sizeHint(self) -> QSize:
        return QSize(200, 14)

    @property
    def levels_db(self) -> list[float]:
        return list(self._levels)

    def set_muted(self, muted: bool) -> None:
        if muted != self._muted:
            self._muted = muted
            self.update()

    def set_levels(self, channels: list[list[float]]) -> None:
        """Per channel [magnitude, peak, input peak] as multipliers (obs-websocket's InputVolumeMeters)."""
        # 20 times a second for every strip, on the GUI thread: one pass, no calls per channel but the log.
        now = time.monotonic()
        peaks = self._peaks
        if len(peaks) != len(channels):
            peaks = [(FLOOR_DB, now)] * len(channels)
        scale = self.width() / -FLOOR_DB
        levels: list[float] = []
        held: list[tuple[float, float]] = []
        # Repaint only when a bar or a peak mark moves by a whole pixel: most 20 Hz updates of a steady
        # signal do not, and each repaint costs far more than this comparison.
        drawn: list[int] = [len(channels)]
        for channel, (old, since) in zip(channels, peaks, strict=True):
            level = mul_to_dbfs(channel[0]) if channel else FLOOR_DB
            peak = mul_to_dbfs(channel[1]) if len(channel) > 1 else FLOOR_DB
            if peak < old and now - since <= PEAK_HOLD_S:
                peak, at = old, since
            else:
                at = now
            levels.append(level)
            held.append((peak, at))
            drawn.append(int((level - FLOOR_DB) * scale))
            drawn.append(int((peak - FLOOR_DB) * scale))
        self._levels, self._peaks = levels, held
        if drawn != self._drawn_key:
            self._drawn_key = drawn
            self.update()

    def clear(self) -> None:
        self._levels, self._peaks = [], []
        self._drawn_key = []
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _bars(self) -> tuple[QPixmap, QPixmap]:
        """The unlit and the lit meter at this size (zones, ticks), drawn once: a paint is then two blits."""
        key = (self.width(), self.height(), len(self._levels), self._muted)
        if self._cache_key != key or self._cache is None:
            self._cache = (self._render(lit=False), self._render(lit=True))
            self._cache_key = key
        return self._cache

    def _render(self, lit: bool) -> QPixmap:
        pixmap = QPixmap(self.size())
        pixmap.fill(QColor(28, 28, 30))
        painter = QPainter(pixmap)
        try:
            rect = QRectF(pixmap.rect())
            count = max(1, len(self._levels))
            height = rect.height() / count
            zones = (
                (FLOOR_DB, WARN_DB, QColor(60, 190, 80)),
                (WARN_DB, DANGER_DB, QColor(230, 200, 40)),
                (DANGER_DB, 0.0, QColor(225, 60, 50)),
            )
            for index in range(count if lit else 0):
                top = rect.top() + index * height + 1
                for low, high, colour in zones:
                    shade = QColor(110, 110, 110) if self._muted else colour
                    left = self._x_of(low)
                    painter.fillRect(QRectF(left, top, self._x_of(high) - left, max(1.0, height - 2)), shade)
            painter.setPen(QColor(80, 80, 84))
            for mark in (-50, -40, -30, -20, -10):
                x = self._x_of(mark)
                painter.drawLine(QPointF(x, rect.bottom() - 3), QPointF(x, rect.bottom()))
        finally:
            painter.end()
        return pixmap

    def _x_of(self, db: float) -> float:
        return self.width() * (db - FLOOR_DB) / -FLOOR_DB

    def _paint(self, painter: QPainter) -> None:
        unlit, lit = self._bars()
        painter.drawPixmap(0, 0, unlit)
        width, height = self.width(), self.height()
        scale = width / -FLOOR_DB
        band_height = height / max(1, len(self._levels))
        for index, (level, (peak, _since)) in enumerate(zip(self._levels, self._peaks, strict=False)):
            top = int(index * band_height)
            band = int((index + 1) * band_height) - top
            lit_width = int((level - FLOOR_DB) * scale)
            if lit_width > 0:
                painter.drawPixmap(0, top, lit, 0, top, lit_width, band)
            if peak > FLOOR_DB:
                painter.fillRect(int((peak - FLOOR_DB) * scale) - 1, top + 1, 2, max(1, band - 2), PEAK_COLOUR)
