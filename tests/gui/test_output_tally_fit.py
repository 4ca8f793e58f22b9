"""The Output dock's tally shows its words whole at any dock width: wrapped onto two or three lines, the label is
as tall as the wrapped words (walk10 saw "NO LINK — OBS may still be on air" cut at its top and bottom in a
one-line box on a 1920×1080 screen with the Health and Bitrate docks open)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.messages import LinkState
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import wait_connected
from widgets.output_panel import OutputPanel


def _cut(panel: OutputPanel) -> list[str]:
    """What of the panel a user sees cut: the tally's wrapped words taller than its box, a row squeezed."""
    tally = panel.tally
    box = tally.contentsRect()
    flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
    words = tally.fontMetrics().boundingRect(box.adjusted(0, 0, 0, 10_000), flags, tally.text())
    cut = []
    if words.height() > box.height():
        cut.append(f"tally {tally.text()!r}: words {words.height()} px high in a {box.height()} px box")
    for button in (panel.stream_button, panel.record_button):
        if button.height() < button.minimumHeight():
            cut.append(f"{button.text()!r} {button.height()} px high")
    if panel.record_state.geometry().bottom() > panel.height():
        cut.append("the recording row is below the dock")
    return cut


def _cuts_at_widths(qtbot: QtBot, window: MainWindow) -> list[str]:
    dock = window.docks["output"]
    dock.setFloating(True)  # sized by the test alone, as a narrow column of a big screen sizes it
    found = []
    for width in (520, 420, 360, 300, 260):
        dock.resize(width, 200)  # shorter than the panel wants: the dock's minimum height decides
        QApplication.processEvents()  # the layout's posted requests: the label's new minimum, the dock's growth
        QApplication.processEvents()
        assert abs(dock.width() - width) <= 40, f"the dock is {dock.width()} px wide, asked {width}"
        panel = window.output
        found += [f"at {dock.width()} px: {c}" for c in _cut(panel)]
    return found


def test_the_no_link_tally_shows_its_words_whole_when_a_narrow_dock_wraps_them(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    thread = SimulatorThread(password=PASSWORD, seed=11).start()
    window: MainWindow = make_window(thread.port)
    try:
        wait_connected(qtbot, window)
        window.output.confirm = lambda *args: True
        window.output.stream_button.click()
        qtbot.waitUntil(lambda: window.output.tally.text().startswith("ON AIR"), timeout=8000)
        thread.call(lambda s: s.freeze())  # OBS stops answering while live: its stream may well still run
        # Said while the link still holds OBS's connection open (walk12: "ON AIR" with a stopped clock meanwhile).
        qtbot.waitUntil(lambda: window.bridge.tracker.status.state is LinkState.UNRESPONSIVE, timeout=15000)
        qtbot.waitUntil(lambda: window.output.tally.text() == "NO LINK — OBS may still be on air", timeout=2000)
        assert window.bridge.tracker.status.state is LinkState.UNRESPONSIVE
        assert _cuts_at_widths(qtbot, window) == []
    finally:
        thread.stop()  # then nothing listens where OBS was: closed or crashed, that OBS streams no more (walk11)
    qtbot.waitUntil(lambda: window.output.tally.text() == "NO LINK — OBS closed or crashed", timeout=8000)
    assert _cuts_at_widths(qtbot, window) == []


def test_the_not_connected_tally_shows_its_words_whole_when_a_narrow_dock_wraps_them(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port, connect=False)
    assert window.output.tally.text() == "OFF AIR — OBS not connected"
    assert _cuts_at_widths(qtbot, window) == []


def test_a_console_started_on_a_frozen_obs_does_not_call_it_off_air(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    """tech18: the console started while OBS was frozen (SIGSTOP) on air read "OFF AIR — OBS not connected" for the
    whole freeze; OBS had accepted the connection and answered nothing, and it was streaming all along."""
    thread = SimulatorThread(password=PASSWORD, seed=11).start()
    try:
        thread.call(lambda s: s.room.start_output(s.room.stream, s.now()))
        thread.call(lambda s: s.freeze())
        window: MainWindow = make_window(thread.port, connect_timeout=1.0)
        qtbot.waitUntil(lambda: window.bridge.tracker.status.loss == "frozen", timeout=15000)
        qtbot.waitUntil(lambda: window.output.tally.text() == "NO LINK — OBS not answering", timeout=2000)
        assert _cuts_at_widths(qtbot, window) == []
        thread.call(lambda s: s.thaw())
        qtbot.waitUntil(lambda: window.output.tally.text().startswith("ON AIR"), timeout=15000)
    finally:
        thread.stop()
