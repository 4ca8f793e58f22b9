"""The ON AIR time is the show's, not OBS's since its last reconnect to the platform (walk13 F15: a show on air
3 min 33 s read "ON AIR 00:00:06" after OBS reconnected by itself)."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from tests.gui.test_checklist_dock import running
from widgets.output_panel import timecode


def seconds(timecode: str) -> int:
    hours, minutes, secs = (int(part) for part in timecode.split(":"))
    return hours * 3600 + minutes * 60 + secs


def test_the_tally_keeps_the_shows_time_through_obs_reconnecting_to_the_platform(
    qtbot: QtBot, clocked: SimulatorThread, clock: ManualClock, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(clocked.port, clock=clock)
    wait_connected(qtbot, window)
    panel = window.output
    window.bridge.request("StartStream")
    qtbot.waitUntil(running(clock, lambda: panel.stream_time.text() >= "00:00:40"), timeout=15000)
    clocked.call(lambda s: s.stream_reconnect(3.0))
    qtbot.waitUntil(running(clock, lambda: "RECONNECTING" in panel.tally.text()), timeout=10000)
    qtbot.waitUntil(running(clock, lambda: panel.tally.text().startswith("ON AIR")), timeout=10000)
    # A poll after the reconnect: OBS's own figure has started again.
    qtbot.waitUntil(
        running(clock, lambda: panel.on_air.obs_ms is not None and panel.on_air.obs_ms < 20_000), timeout=10000
    )
    shown = panel.tally.text().split()[-1]
    assert seconds(shown) >= 43, panel.tally.text()
    assert seconds(panel.stream_time.text()) >= 43, panel.stream_time.text()
    tip = panel.stream_time.toolTip()
    assert "OBS's own stream time" in tip and tip.endswith(timecode(panel.on_air.obs_ms)), tip
    # The wall tile's "on air for" counts from the same start.
    session = window.telemetry.session
    assert session.on_air.since is not None and abs(session.on_air.since - (panel.on_air.since or 0.0)) < 1.0

    # Stopped and started again: a new show time.
    window.bridge.request("StopStream")
    qtbot.waitUntil(running(clock, lambda: panel.tally.text() == "OFF AIR"), timeout=10000)
    window.bridge.request("StartStream")
    qtbot.waitUntil(running(clock, lambda: panel.tally.text().startswith("ON AIR ")), timeout=10000)
    assert seconds(panel.tally.text().split()[-1]) < 20


def test_a_stop_says_how_long_the_show_was_on_air(
    qtbot: QtBot, clocked: SimulatorThread, clock: ManualClock, make_window: Callable[..., MainWindow]
) -> None:
    """walk16: the log said only "Streaming stopped", and the tally's time went back to --:--:-- with the stop:
    how long the show was on air was nowhere to be read."""
    window: MainWindow = make_window(clocked.port, clock=clock)
    wait_connected(qtbot, window)
    panel = window.output
    window.bridge.request("StartStream")
    qtbot.waitUntil(running(clock, lambda: panel.stream_time.text() >= "00:00:30"), timeout=15000)
    window.bridge.request("StopStream")
    qtbot.waitUntil(running(clock, lambda: panel.tally.text() == "OFF AIR"), timeout=10000)
    (stopped,) = [what for _, what in window.event_log.lines() if what.startswith("Streaming stopped")]
    assert stopped.startswith("Streaming stopped after 0:00:3") and stopped.endswith(" on air"), stopped
    # Another stream is its own: its stop says its own time, not the first one's.
    window.bridge.request("StartStream")
    qtbot.waitUntil(running(clock, lambda: panel.tally.text().startswith("ON AIR ")), timeout=10000)
    qtbot.waitUntil(running(clock, lambda: panel.stream_time.text() >= "00:00:05"), timeout=15000)
    window.bridge.request("StopStream")
    qtbot.waitUntil(running(clock, lambda: panel.tally.text() == "OFF AIR"), timeout=10000)
    second = [what for _, what in window.event_log.lines() if what.startswith("Streaming stopped")][-1]
    assert second.startswith("Streaming stopped after 0:00:0"), second
