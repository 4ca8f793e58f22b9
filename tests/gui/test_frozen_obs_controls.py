"""While OBS answers nothing, nothing the team does is written into its socket to happen later, the controls say so
by greying out, and what was not done is said where it is seen.

The lead's frozen-OBS run (session 12): a scene tile clicked one second into a freeze switched the program to that
scene 13 s later, when OBS answered again and after the link had reconnected; meanwhile the console had logged
"SetCurrentProgramScene: no answer from O…" in English in a Chinese window, and the status bar showed nothing (its
timed message was painted where no room was left beside the bar's permanent widgets)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.messages import LinkState
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import obs_round_trip, wait_connected


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
