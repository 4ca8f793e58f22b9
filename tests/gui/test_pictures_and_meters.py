"""The meter shows the level a user hears, repaints only when something visible moves; pictures fit their view."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QColor, QImage, QPixmap
from pytestqt.qtbot import QtBot

from widgets.level_meter import LevelMeter, mul_to_dbfs
from widgets.pixmaps import PictureView


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def lit_width(meter: LevelMeter) -> int:
    """How many pixels of the (single) bar are lit green/yellow/red, read from a rendering."""
    image = meter.grab().toImage()
    row = meter.height() // 2
    return sum(1 for x in range(image.width()) if image.pixelColor(x, row).green() > 120)


def test_meter_bar_length_follows_the_level(qtbot: QtBot) -> None:
    meter = LevelMeter()
    meter.resize(300, 14)
    qtbot.addWidget(meter)
    meter.set_levels([[0.1, 0.1, 0.1]])  # -20 dBFS: two thirds of a -60..0 scale
    quiet = lit_width(meter)
    meter.set_levels([[0.5, 0.5, 0.5]])  # about -6 dBFS
    loud = lit_width(meter)
    assert abs(quiet - 200) <= 4
    assert loud > quiet + 50
    assert mul_to_dbfs(0.0) == -60.0


def test_meter_repaints_only_when_a_bar_moves_a_pixel(qtbot: QtBot) -> None:
    meter = LevelMeter()
    meter.resize(300, 14)
    qtbot.addWidget(meter)
    meter.show()
    qtbot.waitExposed(meter)
    counter = PaintCounter()
    meter.installEventFilter(counter)
    meter.set_levels([[0.1, 0.1, 0.1]])
    qtbot.waitUntil(lambda: counter.paints == 1)
    for step in range(10):  # a steady signal wobbling by hundredths of a dB: nothing on screen moves
        meter.set_levels([[0.1 * (1 + step * 1e-5), 0.1, 0.1]])
        qtbot.wait(5)  # the event loop runs between updates, as it does between OBS's 20 Hz meter events
    meter.set_levels([[0.3, 0.3, 0.3]])  # a real change in loudness
    qtbot.waitUntil(lambda: counter.paints == 2)
    qtbot.wait(50)
    assert counter.paints == 2
    assert meter.levels_db[0] > -11


def test_picture_view_fits_a_large_picture_and_keeps_its_aspect(qtbot: QtBot) -> None:
    view = PictureView("No picture")
    view.resize(QSize(320, 240))
    qtbot.addWidget(view)
    pixmap = QPixmap(640, 360)
    pixmap.fill(QColor("white"))
    view.set_pixmap(pixmap)
    image: QImage = view.grab().toImage()
    white_rows = [y for y in range(image.height()) if image.pixelColor(160, y).lightness() > 200]
    assert len(white_rows) == 180  # 640x360 shrunk to 320x180, centred vertically on black
    assert white_rows[0] == 30
    assert image.pixelColor(160, 10).lightness() < 20
