"""Painting the console for a long show must not drain Python's None/True/False reference counts.

PySide6 6.12.0 decrements None on every QPainter.fillRect(QRectF, QColor): the interpreter aborts after a
few thousand paints — minutes of live meters. This test paints the console's widgets far more often than a
show does in that time and fails if any singleton's count drifts down.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from obs.state import InputState
from widgets.channel_strip import ChannelStrip
from widgets.level_meter import LevelMeter
from widgets.scene_tile import SceneTile

ROUNDS = 400


def counts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def test_painting_meters_and_tiles_keeps_reference_counts(qtbot: QtBot) -> None:
    meter = LevelMeter()
    meter.resize(300, 14)
    strip = ChannelStrip("麦克风")
    tile = SceneTile("直播中", 2)
    for widget in (meter, strip, tile):
        qtbot.addWidget(widget)
    image = QImage(320, 200, QImage.Format.Format_ARGB32)
    levels = [[0.2, 0.3, 0.4], [0.1, 0.2, 0.3]]
    before = counts()
    for index in range(ROUNDS):
        meter.set_levels([[level * (1 + index % 3) / 3 for level in channel] for channel in levels])
        meter.render(image)
        if index % 10 == 0:
            strip.apply(
                InputState("麦克风", "pulse_input_capture", muted=index % 20 == 0, volume_mul=0.5, volume_db=-6.0)
            )
            strip.render(image)
            tile.set_tally(index % 30 == 0, False)
            tile.render(image)
    after = counts()
    drift = [a - b for a, b in zip(after, before, strict=True)]
    assert min(drift) > -50, f"None/True/False reference counts drifted by {drift} (a PySide6 refcount bug)"
