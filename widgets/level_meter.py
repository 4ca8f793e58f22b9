"""LevelMeter: a dBFS bar per channel with OBS-like zones and a peak hold, repainted only when levels change."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

FLOOR_DB = -60.0
WARN_DB = -20.0  # OBS's meter turns yellow here
DANGER_DB = -9.0  # ... and red here
PEAK_HOLD_S = 1.5


def mul_to_dbfs(mul: float) -> float:
    return FLOOR_DB if mul <= 0 else max(FLOOR_DB, min(0.0, 20 * math.log10(mul)))


class LevelMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._levels: list[float] = []  # dBFS per channel (magnitude)
        self._peaks: list[tuple[float, float]] = []  # (dBFS, time held since)
        self._muted = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
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
        now = time.monotonic()
        levels = [mul_to_dbfs(c[0]) if c else FLOOR_DB for c in channels]
        peaks = [mul_to_dbfs(c[1]) if len(c) > 1 else FLOOR_DB for c in channels]
        if len(self._peaks) != len(peaks):
            self._peaks = [(FLOOR_DB, now)] * len(peaks)
        held = []
        for (old, since), new in zip(self._peaks, peaks, strict=True):
            held.append((new, now) if new >= old or now - since > PEAK_HOLD_S else (old, since))
        if levels != self._levels or held != self._peaks:
            self._levels, self._peaks = levels, held
            self.update()

    def clear(self) -> None:
        self._levels, self._peaks = [], []
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        rect = QRectF(self.rect()).adjusted(0, 0, -1, -1)
        painter.fillRect(rect, QColor(28, 28, 30))
        count = max(1, len(self._levels))
        height = rect.height() / count
        span = -FLOOR_DB

        def x_of(db: float) -> float:
            return rect.left() + rect.width() * (db - FLOOR_DB) / span

        for index, level in enumerate(self._levels):
            top = rect.top() + index * height + 1
            bar_h = max(1.0, height - 2)
            zones = (
                (FLOOR_DB, WARN_DB, QColor(60, 190, 80)),
                (WARN_DB, DANGER_DB, QColor(230, 200, 40)),
                (DANGER_DB, 0.0, QColor(225, 60, 50)),
            )
            for low, high, colour in zones:
                if level <= low:
                    break
                if self._muted:
                    colour = QColor(110, 110, 110)
                painter.fillRect(QRectF(x_of(low), top, x_of(min(level, high)) - x_of(low), bar_h), colour)
            peak = self._peaks[index][0] if index < len(self._peaks) else FLOOR_DB
            if peak > FLOOR_DB:
                painter.fillRect(QRectF(x_of(peak) - 1, top, 2, bar_h), QColor(240, 240, 240))
        painter.setPen(QColor(80, 80, 84))
        for mark in (-50, -40, -30, -20, -10):
            x = x_of(mark)
            painter.drawLine(QPointF(x, rect.bottom() - 2), QPointF(x, rect.bottom()))
