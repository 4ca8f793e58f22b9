"""The status bar's health text cut with "…" where it does not fit, the whole of it in its tooltip (walk11: "CPU 满载:
电脑 C" at 1366 px, cut mid-character with nothing to say there was more)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.simulator.server import SimulatorThread
from tests.gui.test_health_dock import _feed


def painted(label: QLabel) -> QImage:
    """The label's own painting (its text), without any background, on a transparent image."""
    image = QImage(label.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    label.render(image, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
    return image


def test_the_critical_finding_in_the_status_bar_ends_in_an_ellipsis_with_the_whole_in_its_tooltip(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    _feed(window, 5)
    _feed(window, 6, drop_render_pct=7.2)
    label = window.critical_status
    assert label.isVisible()
    whole = label.text()
    assert whole.startswith("● Rendering lag: OBS missed 7.2 % of frames"), whole
    width = label.contentsRect().width()
    assert label.fontMetrics().horizontalAdvance(whole) > width, "the sentence is longer than the bar has room for"
    assert label.toolTip() == whole
    # What is painted is the sentence cut with "…" to the label's width: the same pixels as a label showing that.
    elided = label.fontMetrics().elidedText(whole, Qt.TextElideMode.ElideRight, width)
    assert elided.endswith("…") and len(elided) > 10
    reference = QLabel(elided)
    reference.setStyleSheet(label.styleSheet())
    reference.setFont(label.font())
    reference.setContentsMargins(label.contentsMargins())
    reference.setAlignment(label.alignment())
    reference.resize(label.size())
    qtbot.addWidget(reference)
    assert painted(label) == painted(reference), "the status bar paints the cut sentence, ending in …"
