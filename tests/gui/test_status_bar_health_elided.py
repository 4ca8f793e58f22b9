"""The status bar's health text cut with "…" where it does not fit, the whole of it in its tooltip (walk11: "CPU 满载:
电脑 C" at 1366 px, cut mid-character with nothing to say there was more)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.errors import ConnectionFailure, FailureKind
from obs.messages import LinkState, LinkStatus
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


def test_a_long_connection_reason_leaves_the_health_text_its_share_of_the_bar(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    """walk11 at 1366 px: the reason OBS cannot be reached ("nothing is listening on …, is OBS running? …") took
    the bar, and the critical finding beside it showed a dozen characters."""
    window: MainWindow = make_window(sim.port, connect=False)
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    failure = ConnectionFailure(FailureKind.PORT_CLOSED, "127.0.0.1", 4561, "[Errno 111] Connection refused")
    window.status.set_status(LinkStatus(LinkState.RECONNECTING, time.monotonic(), failure, time.monotonic() + 9))
    _feed(window, 5)
    _feed(window, 6, drop_render_pct=7.2)
    bar = window.statusBar()
    qtbot.waitUntil(lambda: window.critical_status.isVisible())
    QApplication.processEvents()
    assert window.critical_status.width() >= bar.width() // 3, (window.critical_status.width(), bar.width())
    reason = window.status.text
    assert reason.toolTip() == reason.text() and "Nothing is listening on 127.0.0.1:4561" in reason.text()
    assert reason.fontMetrics().horizontalAdvance(reason.text()) > reason.contentsRect().width()
    assert painted(reason).pixelColor(reason.width() - 1, reason.height() // 2).alpha() == 0, "cut with …, not clipped"
