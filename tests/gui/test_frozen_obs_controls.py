"""While OBS answers nothing, nothing the team does is written into its socket to happen later, the controls say so
by greying out, and what was not done is said where it is seen.

The lead's frozen-OBS run (session 12): a scene tile clicked one second into a freeze switched the program to that
scene 13 s later, when OBS answered again and after the link had reconnected; meanwhile the console had logged
"SetCurrentProgramScene: no answer from O…" in English in a Chinese window, and the status bar showed nothing (its
timed message was painted where no room was left beside the bar's permanent widgets)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.i18n import install_translator, remove_translators
from console.mainwindow import MainWindow
from obs.messages import LinkState
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import obs_round_trip, wait_connected
from widgets.connection_status import ElidedLabel


def test_a_scene_asked_for_while_obs_is_frozen_is_not_sent_and_not_carried_out_when_obs_recovers(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    before = sim.call(lambda s: s.room.program)
    other = next(name for name in window.scenes.tiles if name != before)
    number = list(window.scenes.tiles).index(other) + 1
    strips = list(window.audio.strips.values())
    assert window.scenes.tiles[other].isEnabled() and window.output.stream_button.isEnabled()
    assert all(strip.isEnabled() for strip in strips)
    sim.call(lambda s: s.freeze())
    try:
        qtbot.waitUntil(lambda: window.bridge.tracker.status.state is LinkState.UNRESPONSIVE, timeout=15000)
        # Greyed: a click would not happen now.
        assert not window.scenes.tiles[other].isEnabled()
        assert not window.output.stream_button.isEnabled() and not window.output.record_button.isEnabled()
        assert not any(strip.isEnabled() for strip in strips)
        # The keyboard still asks (a streamer does not look): refused at once, and said in the status bar.
        window.scenes.activate_index(number - 1)
        qtbot.waitUntil(lambda: window.notice.isVisible(), timeout=5000)
        text = window.notice.text()
        assert other in text and "not sent: OBS is not answering" in text, text
        assert window.notice.width() > 100 and window.notice.visibleRegion().boundingRect().width() > 100
    finally:
        sim.call(lambda s: s.thaw())
    qtbot.waitUntil(lambda: window.bridge.tracker.status.state is LinkState.CONNECTED, timeout=15000)
    qtbot.waitUntil(lambda: window.scenes.tiles[other].isEnabled(), timeout=5000)
    assert all(strip.isEnabled() for strip in strips) and window.output.stream_button.isEnabled()
    obs_round_trip(qtbot, window)  # whatever reached OBS's socket has been carried out by now
    assert sim.call(lambda s: s.room.program) == before, "the refused switch went on air when OBS recovered"
    assert window.bridge.state.program_scene == before


def test_a_timed_status_bar_message_is_seen_beside_the_connection_state(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    assert not window.notice.isVisible()
    window.statusBar().showMessage("No layout of yours is saved yet", 400)
    QApplication.processEvents()
    assert window.notice.isVisible() and window.notice.text() == "No layout of yours is saved yet"
    assert window.notice.visibleRegion().boundingRect().width() > 100, "the message has no room in the bar"
    assert window.status.isVisible(), "the connection state stays beside it"
    qtbot.waitUntil(lambda: not window.notice.isVisible(), timeout=5000)


def test_what_obs_did_not_do_is_said_in_chinese(qapp: QApplication) -> None:
    from console.event_text import describe_error
    from console.i18n import install_translator, remove_translators
    from obs.errors import NotAnswering, NotConnected, RequestTimeout
    from tests.language import english_words

    translators = install_translator(qapp, "zh_CN")
    try:
        for error in (
            NotAnswering("SetCurrentProgramScene"),
            RequestTimeout("SetCurrentProgramScene", 5.0),
            NotConnected("SetInputMute: not connected to OBS"),
        ):
            text = describe_error(error)
            assert "OBS" in text and english_words(text) == [], text
        assert "5" in describe_error(RequestTimeout("SetCurrentProgramScene", 5.0))
    finally:
        remove_translators(qapp, translators)


def _in_state(window: MainWindow, state: LinkState) -> bool:
    return window.bridge.tracker.status.state is state


def _whole_in_the_bar(window: MainWindow, label: ElidedLabel) -> bool:
    """The label is in sight in the status bar and paints its whole text, not a part ending in "…"."""
    fits = label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
    shown = label.isVisible() and label.visibleRegion().boundingRect().width() == label.width()
    return fits and shown and label.shown() == label.text()


@pytest.mark.parametrize(
    ("language", "meaning", "whole"),
    [
        ("zh_CN", "可能仍在直播", "直播可能仍在进行，但本中控台无法查看或控制它"),
        ("en", "may still be on air", "The stream may still be running, but nothing here can see or control it"),
    ],
)
def test_a_frozen_obs_on_air_is_said_whole_in_a_laptops_status_bar(
    qtbot: QtBot,
    qapp: QApplication,
    sim: SimulatorThread,
    make_window: Callable[..., MainWindow],
    language: str,
    meaning: str,
    whole: str,
) -> None:
    """OBS frozen on air (SIGSTOP), a 1366×768 laptop: the bar held the finding and the connection's state side by
    side, and both were cut — in Chinese "…直播可能仍在进行，但本中控台无法查看或…", the point lost. The finding's line
    says what it means for the show and the state beside it how long, each whole, at the real font; the whole
    message and the whole state are their tooltips."""
    translators = install_translator(qapp, language)
    try:
        window: MainWindow = make_window(sim.port)
        window.showMaximized()
        qtbot.waitUntil(lambda: window.width() >= 1360, timeout=5000)  # the GUI tests' screen: 1366×768
        wait_connected(qtbot, window)
        window.bridge.request("StartStream")
        streaming = window.telemetry.health.series["streaming"]
        qtbot.waitUntil(lambda: (streaming.last() or 0) >= 0.5, timeout=10000)  # a sample heard it on air
        sim.call(lambda s: s.freeze())
        try:
            qtbot.waitUntil(lambda: window.critical_status.isVisible(), timeout=20000)
            for state in (LinkState.UNRESPONSIVE, LinkState.RECONNECTING):  # before the link drops OBS, and after
                qtbot.waitUntil(partial(_in_state, window, state), timeout=20000)
                QApplication.processEvents()
                critical, link = window.critical_status, window.status.text
                assert _whole_in_the_bar(window, critical), (critical.text(), critical.width())
                assert _whole_in_the_bar(window, link), (link.text(), link.width())
                assert meaning in critical.text() and whole in critical.toolTip(), (critical.text(), critical.toolTip())
                assert len(link.toolTip()) > len(link.text()), (link.text(), link.toolTip())  # the reason too
        finally:
            sim.call(lambda s: s.thaw())
        qtbot.waitUntil(lambda: window.bridge.tracker.status.state is LinkState.CONNECTED, timeout=15000)
        qtbot.waitUntil(lambda: window.status.text.text() == window.status.text.toolTip(), timeout=10000)
    finally:
        remove_translators(qapp, translators)
