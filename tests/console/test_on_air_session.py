"""The room's time on air (the wall tile's "on air for", the Output dock's ON AIR) over a real session, a simulated
OBS on a real socket and real SQLite (found in review):
* a stream stopped and started again between two polls is a new stream: its time starts from its own start (a
  new stream 0.5 s old read 202 s);
* a console restarted mid-show counts on from the stream start it stored, though OBS's own figure started again
  at its last reconnect to the platform (the dock and the wall read "00:00:07" for a show on air for minutes).
"""

from __future__ import annotations

from typing import Any

from console.core.session import Endpoint, RoomSession, SessionDriver
from console.core.storage import Storage
from obs.protocol import OutputState
from obs.simulator.server import ObsSimulator, SimulatorThread
from obs.stats import Rates
from tests.conftest import PASSWORD, wait_until
from tests.console.test_obs_back import wait_for


def room(sim: SimulatorThread, **options: Any) -> SessionDriver:
    session = RoomSession("二号直播间", Endpoint("127.0.0.1", sim.port, PASSWORD), backoff_initial=0.1, **options)
    driver = SessionDriver(session).start()
    assert driver.wait_connected(10.0)
    return driver


def newest(session: RoomSession) -> Rates | None:
    with session.lock:
        return session.tracker.rates


def on_air_s(session: RoomSession) -> float | None:
    with session.lock:
        elapsed = session.on_air.elapsed_ms
    return None if elapsed is None else elapsed / 1000.0


def polled_after(session: RoomSession, t: float) -> bool:
    rates = newest(session)
    return rates is not None and rates.t > t


def stop_and_start_at_once(s: ObsSimulator) -> None:
    """Stop the stream and go live again in one moment: no poll can fall between them."""
    room = s.room
    room.tick(s.now())
    room.stop_output(room.stream)
    s.emit(*room.output_event("stream", OutputState.STOPPED))
    room.start_output(room.stream, s.now())
    s.emit(*room.output_event("stream", OutputState.STARTED))


def go_live(s: ObsSimulator) -> None:
    s.room.start_output(s.room.stream, s.now())
    s.emit(*s.room.output_event("stream", OutputState.STARTED))


def test_a_stream_stopped_and_started_again_between_two_polls_counts_from_its_own_start(sim: SimulatorThread) -> None:
    driver = room(sim, store=False)
    try:
        session = driver.session
        sim.call(go_live)
        wait_for("three seconds on air", lambda: (on_air_s(session) or 0.0) >= 3.0)
        before = session.clock.now()
        sim.call(stop_and_start_at_once)
        wait_for("a poll of the new stream", lambda: polled_after(session, before + 0.2))
        rates = newest(session)
        assert rates is not None and rates.streaming, "no poll saw the stream off air"
        shown = on_air_s(session)
        assert shown is not None and shown < 2.5, f"the new stream's time is its own, not the earlier's: {shown} s"
    finally:
        driver.stop()


def test_a_console_restarted_mid_show_counts_from_the_streams_stored_start(
    sim: SimulatorThread, storage: Storage
) -> None:
    first = room(sim, open_storage=lambda: Storage(storage.url))
    try:
        session = first.session
        wait_until(lambda: session.show_id is not None, 15, message="the show opens")
        sim.call(go_live)
        wait_for("four seconds on air", lambda: (on_air_s(session) or 0.0) >= 4.0)
        sim.call(lambda s: s.stream_reconnect(0.3))  # OBS's own stream time starts again
        wait_for("OBS back on the platform, its own time small", lambda: (session.on_air.obs_ms or 9e9) < 1500)
        before = on_air_s(session) or 0.0
        assert before >= 4.0
    finally:
        first.stop()  # as a kill would leave it: the show stays open, every second written
    second = room(sim, open_storage=lambda: Storage(storage.url))
    try:
        again = second.session
        wait_until(lambda: again.show_id == session.show_id, 15, message="the show is taken up again")
        wait_for("the show's history in", lambda: any(m.kind == "stream_start" for m in list(again.telemetry.markers)))
        loaded = again.clock.now()
        wait_for("a poll after it", lambda: polled_after(again, loaded))
        shown = on_air_s(again)
        obs_s = (again.on_air.obs_ms or 0) / 1000.0
        assert shown is not None and shown >= before, f"{shown} s on air after the restart, {before} s before it"
        assert obs_s < before, "OBS's own figure alone would have said less"
    finally:
        second.stop()
