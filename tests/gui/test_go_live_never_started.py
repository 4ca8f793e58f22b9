"""A go-live whose stream never went on air is not a go-live: not while OBS stops the failed output (STARTING ->
STOPPING -> STOPPED), and not after a restart (a go-live override stored with the open run lapses when the restarted
console finds the stream off air)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from checklists.engine import RunEnd
from console.core.session import Endpoint
from console.mainwindow import MainWindow
from obs.clock import ManualClock
from obs.go_live import HELD_S
from obs.protocol import OutputState
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import ObsSimulator, SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import obs_round_trip, wait_connected
from tests.gui.test_checklist_dock import running, start_run, stored

LAPSED = "The go-live override of 小李 no longer applies: the stream did not start"
REASON = "平台活动准点开始"


def stream_event(output_state: str) -> Callable[[ObsSimulator], None]:
    return lambda s: s.emit(*s.room.output_event("stream", output_state))


def test_a_stream_stopping_before_it_went_live_does_not_freeze_the_checklist(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    start_run(qtbot, window)
    run = window.checklists.run
    assert run is not None and run.is_open
    sim.call(stream_event(OutputState.STARTING))
    qtbot.waitUntil(lambda: window.bridge.state.stream.state == OutputState.STARTING, timeout=5000)
    sim.call(stream_event(OutputState.STOPPING))
    # Seen by the console (its state signal, which the checklist follows, has gone out with it).
    qtbot.waitUntil(lambda: window.bridge.state.stream.state == OutputState.STOPPING, timeout=5000)
    assert run.is_open, "not frozen as went live: nothing went on air"
    assert not window.bridge.state.stream.active
    assert window.output.tally.text() == "OFF AIR"
    sim.call(stream_event(OutputState.STOPPED))
    qtbot.waitUntil(lambda: window.bridge.state.stream.state == OutputState.STOPPED, timeout=5000)
    assert run.is_open, "the list did not go live: nothing went on air"
    window.checklists.wait_idle()
    row = stored(window)
    assert row is not None and row.end_state == RunEnd.OPEN.value


def connect(window: MainWindow, sim: SimulatorThread) -> None:
    window.bridge.connect_to(Endpoint("127.0.0.1", sim.port, PASSWORD))


def override_then_restart(
    qtbot: QtBot,
    sim: SimulatorThread,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    clock: ManualClock | None = None,
    fault: str = "stream-start-silent",
) -> MainWindow:
    """小李 goes live anyway on an OBS 30 with no stream key (OBS accepts and never starts; or with `fault`), and the
    console is restarted: the override is stored with the open run. Returns the second window, not connected yet."""
    on_clock = {} if clock is None else {"clock": clock}
    first: MainWindow = make_window(sim.port, **on_clock)
    wait_connected(qtbot, first)
    start_run(qtbot, first, clock=clock)
    sim.call(lambda s: s.inject(fault))
    first.output.confirm = lambda *args: True
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (REASON, True))
    first.output.stream_button.click()
    obs_round_trip(qtbot, first)
    first.checklists.wait_idle()
    row = stored(first)
    assert row is not None and row.end_state == RunEnd.OPEN.value, "stored with the open run"
    assert row.go_live_by == "小李" and row.go_live_reason == REASON
    first.close()
    if fault == "stream-start-silent":
        sim.call(lambda s: s.clear(fault))
    return make_window(sim.port, connect=False, **on_clock)


def test_an_override_stored_for_a_stream_that_never_started_lapses_after_a_restart(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Found off air, the go-live may still be connecting (OBS's full read cannot say so): held for HELD_S, OBS saying
    nothing of it, it did not start."""
    sim = clocked
    second = override_then_restart(qtbot, sim, make_window, monkeypatch, clock)
    second.checklists.resume()
    qtbot.waitUntil(lambda: second.checklists.run is not None, timeout=5000)
    run = second.checklists.run
    assert run is not None and run.is_open
    connect(second, sim)
    wait_connected(qtbot, second)
    obs_round_trip(qtbot, second)
    held_from = clock.now()
    assert run.go_live_override is not None, "held while OBS may still be connecting"
    assert second.output.tally.text() == "OFF AIR", "not said to be starting: OBS has not said so"
    qtbot.waitUntil(
        running(clock, lambda: any(what.startswith(LAPSED) for _, what in second.event_log.lines())), timeout=10000
    )
    assert clock.now() - held_from >= HELD_S - 1.0, "not before OBS has had its time to connect"
    assert run.is_open and run.go_live_override is None
    assert "overridden" not in second.checklist.verdict_text(), second.checklist.verdict_text()
    assert not second.output.go_live_failure.isVisible(), "no failure of a start asked here to say"
    second.checklists.wait_idle()
    row = stored(second)
    assert row is not None and (row.go_live_by, row.go_live_reason, row.go_live_at) == (None, None, None)

    sim.call(lambda s: HANDLERS["StartStream"](s, {}))  # started later, in OBS itself
    qtbot.waitUntil(running(clock, lambda: run.end is RunEnd.WENT_LIVE), timeout=5000)
    assert run.go_live_override is None and run.ended_by == "小李"
    verdict = second.checklist.verdict_text()
    assert verdict.startswith("WENT LIVE") and "overridden" not in verdict, verdict
    second.checklists.wait_idle()
    row = stored(second)
    assert row is not None and row.end_state == RunEnd.WENT_LIVE.value and row.go_live_by is None


def test_an_override_stored_for_a_stream_on_air_at_the_restart_stays(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stream the override was given for started while the console was away: it went live overridden."""
    second = override_then_restart(qtbot, sim, make_window, monkeypatch)
    sim.call(lambda s: HANDLERS["StartStream"](s, {}))
    qtbot.waitUntil(lambda: sim.call(lambda s: s.room.stream.active), timeout=5000)
    second.checklists.resume()  # as at start-up: before OBS is heard
    qtbot.waitUntil(lambda: second.checklists.run is not None, timeout=5000)
    run = second.checklists.run
    assert run is not None and run.go_live_override is not None
    connect(second, sim)
    wait_connected(qtbot, second)
    qtbot.waitUntil(lambda: run.end is RunEnd.WENT_LIVE, timeout=5000)
    assert run.go_live_override is not None and run.go_live_override[:2] == ("小李", REASON)
    assert second.checklist.verdict_text().endswith("overridden by 小李"), second.checklist.verdict_text()
    assert not any(what.startswith(LAPSED) for _, what in second.event_log.lines())
    second.checklists.wait_idle()
    row = stored(second)
    assert row is not None and (row.go_live_by, row.go_live_reason) == ("小李", REASON)


def test_an_override_given_while_obs_connects_the_stream_holds_through_a_restart(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The console restarted in the second or two while OBS connects the stream (STARTING said, not STARTED): it
    reads the stream off air, yet the stream then goes live — overridden by 小李, not lapsed (fix25c)."""
    second = override_then_restart(qtbot, sim, make_window, monkeypatch, fault="stream-connect-slow")
    assert sim.call(lambda s: s.room.stream.connecting and not s.room.stream.active), "OBS still connecting"
    second.checklists.resume()
    qtbot.waitUntil(lambda: second.checklists.run is not None, timeout=5000)
    run = second.checklists.run
    assert run is not None and run.go_live_override is not None
    connect(second, sim)
    wait_connected(qtbot, second)
    obs_round_trip(qtbot, second)
    assert not second.bridge.state.stream.active, "OBS's full read: off air while it connects"
    assert run.is_open and run.go_live_override is not None, "not lapsed at once"
    assert not any(what.startswith(LAPSED) for _, what in second.event_log.lines())

    sim.call(lambda s: s.clear("stream-connect-slow"))  # the server answers: OBS says STARTED
    qtbot.waitUntil(lambda: run.end is RunEnd.WENT_LIVE, timeout=5000)
    assert run.go_live_override is not None and run.go_live_override[:2] == ("小李", REASON)
    assert second.checklist.verdict_text().endswith("overridden by 小李"), second.checklist.verdict_text()
    assert not any(what.startswith(LAPSED) for _, what in second.event_log.lines())
    second.checklists.wait_idle()
    row = stored(second)
    assert row is not None and row.end_state == RunEnd.WENT_LIVE.value
    assert (row.go_live_by, row.go_live_reason) == ("小李", REASON)


def test_an_override_lapses_when_obs_s_start_and_stop_are_read_together(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A busy console reads STARTING and STOPPED in one go: its state says only "stopped", yet the stream the
    override was given for started and did not go on air."""
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    start_run(qtbot, window)
    sim.call(lambda s: s.inject("stream-start-silent"))  # accepted; the stream's events below are OBS's
    window.output.confirm = lambda *args: True
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (REASON, True))
    window.output.stream_button.click()
    obs_round_trip(qtbot, window)
    run = window.checklists.run
    assert run is not None and run.go_live_override is not None
    sim.call(stream_event(OutputState.STARTING))
    sim.call(stream_event(OutputState.STOPPED))
    # The GUI thread waits here while OBS's events come in (they come before this answer, on the same socket), so
    # the next drain reads both at once.
    window.bridge.request_blocking("GetVersion")
    qtbot.waitUntil(lambda: any(what.startswith(LAPSED) for _, what in window.event_log.lines()), timeout=5000)
    assert run.is_open and run.go_live_override is None
    assert window.output.go_live_failure.text().startswith("Not live: OBS started connecting")
