"""The status bar's health text said whole where it fits, else to the end of a clause or by its name, the whole of it
in its tooltip (walk11: "CPU 满载: 电脑 C" at 1366 px, cut mid-character with nothing to say there was more; fix25g:
cut with "…" mid-word in Chinese, what was wrong unsaid)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QRegion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.errors import ConnectionFailure, FailureKind
from obs.messages import LinkState, LinkStatus
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from tests.gui.technician_health import CONGESTED
from tests.gui.test_health_audio_dock import MIC, go_live_on
from tests.gui.test_health_dock import _feed


def painted(label: QLabel) -> QImage:
    """The label's own painting (its text), without any background, on a transparent image."""
    image = QImage(label.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    label.render(image, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
    return image


def shown_like(qtbot: QtBot, label: QLabel, text: str) -> bool:
    """Whether the label paints the same pixels as a plain label of its size and style showing `text`."""
    reference = QLabel(text)
    reference.setStyleSheet(label.styleSheet())
    reference.setFont(label.font())
    reference.setContentsMargins(label.contentsMargins())
    reference.setAlignment(label.alignment())
    reference.resize(label.size())
    qtbot.addWidget(reference)
    return painted(label) == painted(reference)


@pytest.mark.parametrize(
    ("language", "values", "start", "figure"),
    [
        ("en", {"drop_render_pct": 7.2}, "● Rendering lag: OBS missed", "7.2 % of frames"),
        # The title once (fix25p: "● 网络丢帧: 网络：最近 10 秒…", "● Network drops: Network: 51.5 %…").
        ("en", CONGESTED, "● Network drops: ", "51.5 % of frames"),
        ("zh_CN", CONGESTED, "● 网络丢帧: ", "51.5 % 的帧"),
    ],
)
def test_the_critical_finding_in_the_status_bar_is_said_whole_to_a_clause_with_the_whole_in_its_tooltip(
    qtbot: QtBot,
    qapp: QApplication,
    sim: SimulatorThread,
    make_window: Callable[..., MainWindow],
    language: str,
    values: dict[str, float],
    start: str,
    figure: str,
) -> None:
    """fix25g: at 1366 px in Chinese the bar read "…发送缓冲拥塞 88 %，最近 10 秒平均实际发…", cut mid-word; now it
    says the finding up to the end of a clause that fits (or its name), never cut, the whole in its tooltip."""
    from console.i18n import install_translator, remove_translators

    translators = install_translator(qapp, language)
    try:
        window: MainWindow = make_window(sim.port)
        window.resize(1366, 740)
        window.show()
        qtbot.waitExposed(window)
        _feed(window, 5)
        _feed(window, 6, True, **values)
        label = window.critical_status
        qtbot.waitUntil(label.isVisible)
        QApplication.processEvents()
        whole = label.toolTip()
        assert whole.startswith(start) and whole == window.critical_status.forms()[0], whole
        assert not any(said in whole for said in ("Network:", "网络：")), "the finding's name said once"
        width = label.contentsRect().width()
        assert label.fontMetrics().horizontalAdvance(whole) > width, "the sentence is longer than the bar has room for"
        shown = label.shown()
        assert shown.startswith(start) and figure in shown, shown
        assert not shown.endswith("…") and whole.startswith(shown), "a clause of it, whole, not cut"
        assert label.fontMetrics().horizontalAdvance(shown) <= width
        assert shown_like(qtbot, label, shown), "the status bar paints that clause"
    finally:
        remove_translators(qapp, translators)


@pytest.mark.parametrize(
    ("language", "title", "clause"),
    [
        ("en", "Microphone muted", f"The microphone “{MIC}” is muted while the stream is live"),
        ("zh_CN", "麦克风已静音", f"直播进行中，麦克风“{MIC}”处于静音"),
    ],
)
def test_a_microphone_muted_on_air_is_said_in_the_status_bar_as_far_as_a_clause_fits_in_both_languages(
    qtbot: QtBot,
    qapp: QApplication,
    sim: SimulatorThread,
    make_window: Callable[..., MainWindow],
    language: str,
    title: str,
    clause: str,
) -> None:
    """fix25p: in English at 1366 px the bar said only "● Microphone muted" (its sentence has no comma before
    "viewers cannot hear the host", only a colon, where it was never cut), while Chinese said the whole sentence.
    Muted from the Audio dock on air: both say what is muted, up to a clause at least, the title once."""
    from console.i18n import install_translator, remove_translators

    translators = install_translator(qapp, language)
    try:
        window: MainWindow = make_window(sim.port)
        window.resize(1366, 740)
        window.show()
        qtbot.waitExposed(window)
        wait_connected(qtbot, window)
        go_live_on(qtbot, window, "直播中")
        QTest.mouseClick(window.audio.strips[MIC].mute, Qt.MouseButton.LeftButton)
        label = window.critical_status
        qtbot.waitUntil(lambda: label.isVisible() and label.text().startswith(f"● {title}"), timeout=10000)
        QApplication.processEvents()
        shown = label.shown()
        assert shown.startswith(f"● {title}: {clause}"), shown
        assert shown.count(title) == 1 and not shown.endswith("…"), shown
        assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
        assert label.toolTip().startswith(shown), "the whole sentence in its tooltip"
        assert shown_like(qtbot, label, shown), "the status bar paints it"
    finally:
        remove_translators(qapp, translators)


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
