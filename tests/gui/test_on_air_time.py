"""The ON AIR time is the show's, not OBS's since its last reconnect to the platform (walk13 F15: a show on air
3 min 33 s read "ON AIR 00:00:06" after OBS reconnected by itself)."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import obs_round_trip, wait_connected
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
    assert stopped.startswith("Streaming stopped after 00:00:3") and stopped.endswith(" on air"), stopped
    # Another stream is its own: its stop says its own time, not the first one's.
    window.bridge.request("StartStream")
    qtbot.waitUntil(running(clock, lambda: panel.tally.text().startswith("ON AIR ")), timeout=10000)
    qtbot.waitUntil(running(clock, lambda: panel.stream_time.text() >= "00:00:05"), timeout=15000)
    window.bridge.request("StopStream")
    qtbot.waitUntil(running(clock, lambda: panel.tally.text() == "OFF AIR"), timeout=10000)
    second = [what for _, what in window.event_log.lines() if what.startswith("Streaming stopped")][-1]
    assert second.startswith("Streaming stopped after 00:00:0"), second


def test_the_stop_says_the_time_on_air_up_to_the_stop_as_obs_counted_it(
    qtbot: QtBot, clocked: SimulatorThread, clock: ManualClock, make_window: Callable[..., MainWindow]
) -> None:
    """The stop line said the time on air of the last poll before the stop: up to a second less than OBS had
    counted (a stop 7.1 s after the start said 00:00:06). One figure now: the room's clock up to the stop."""
    window: MainWindow = make_window(clocked.port, clock=clock)
    wait_connected(qtbot, window)
    panel, tracker = window.output, window.bridge.tracker

    def next_poll() -> float:
        last = tracker.rates.t if tracker.rates is not None else None
        qtbot.waitUntil(running(clock, lambda: tracker.rates is not None and tracker.rates.t != last), timeout=10000)
        assert tracker.rates is not None
        return tracker.rates.t

    # Live half a second after a poll: the polls see it on air at N.5 s, and a stop can fall between two whole
    # seconds after the last one.
    polled = next_poll()
    clock.advance(polled + 0.5 - clock.now())
    window.bridge.request("StartStream")
    obs_round_trip(qtbot, window)  # handled by OBS at this second
    started_at = clocked.call(lambda s: s.room.stream.started_at)
    qtbot.waitUntil(running(clock, lambda: panel.stream_time.text() >= "00:00:05"), timeout=15000)
    # A poll read at least a fifth of a second past a whole second on air. A poll's time is when its answer was
    # read: on a loaded machine the waits moved the clock while one was in flight, and it can fall on a whole second.
    seen = []
    for _ in range(8):
        polled = next_poll()
        shown = panel.stream_time.text()
        whole = int(polled - started_at)
        stop_at = started_at + whole + 1.1  # a second OBS counts that no poll has shown yet
        seen.append((polled, stop_at, clock.now()))
        if polled < stop_at < polled + 1.0 and clock.now() <= stop_at:
            break
    else:
        raise AssertionError(f"no poll between two whole seconds on air: {seen}")
    assert seconds(shown) == whole
    clock.advance(stop_at - clock.now())
    window.bridge.request("StopStream")
    obs_round_trip(qtbot, window)
    qtbot.waitUntil(running(clock, lambda: panel.tally.text() == "OFF AIR"), timeout=10000)

    (stopped,) = [what for _, what in window.event_log.lines() if what.startswith("Streaming stopped")]
    obs_counted = timecode(int((stop_at - started_at) * 1000))  # OBS's own figure at its stop
    assert seconds(obs_counted) == whole + 1
    assert stopped == f"Streaming stopped after {obs_counted} on air", (stopped, shown)
