"""The room's time on air (the wall tile's "on air for", the Output dock's ON AIR) over a real session, a simulated
OBS on a real socket and real SQLite (found in review):
* a stream stopped and started again between two polls is a new stream: its time starts from its own start (a
  new stream 0.5 s old read 202 s);
* a console restarted mid-show counts on from the stream start it stored, though OBS's own figure started again
  at its last reconnect to the platform (the dock and the wall read "00:00:07" for a show on air for minutes);
* ... also when OBS froze, was lost, thawed and its stream then reconnected to the platform (walk22: a show on air
  2:35 read 1:07 after the restart), while OBS killed and started again with a new stream is that new stream (even
  when it was up longer by then than the old one had been);
* ... also when the console joined the stream running (it knew its start from OBS's own figure, not from a start
  it saw).
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from console.core.session import Endpoint, RoomSession, SessionDriver
from console.core.storage import Storage
from obs.messages import LinkState
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


def back_markers(session: RoomSession) -> list[str]:
    """The "OBS connected" markers' details (the stream start OBS's first poll after it was back said)."""
    with session.lock:
        return [m.text for m in list(session.telemetry.markers) if m.kind == "obs_connected"]


def since(session: RoomSession) -> float | None:
    with session.lock:
        return session.on_air.since


def restarted_console(sim: SimulatorThread, storage: Storage, show_id: int | None) -> SessionDriver:
    """The console started again on the room: its show's history taken up, and OBS polled after it."""
    driver = room(sim, open_storage=lambda: Storage(storage.url))
    session = driver.session
    wait_until(lambda: session.show_id == show_id, 15, message="the show is taken up again")
    wait_for("the show's history in", lambda: any(m.kind == "obs_lost" for m in list(session.telemetry.markers)))
    loaded = session.clock.now()
    wait_for("a poll after it", lambda: polled_after(session, loaded))
    return driver


def back_after_the_loss(session: RoomSession, before: int) -> bool:
    """An "OBS connected" marker stored since `before` markers of its kind, with a stream start: the first
    connection's may carry one too (its first poll read after the stream went live, on a loaded machine)."""
    markers = back_markers(session)
    return len(markers) > before and bool(markers[-1])


def freeze_until_lost_and_thaw(sim: SimulatorThread, session: RoomSession) -> None:
    before = len(back_markers(session))
    sim.call(lambda s: s.freeze())
    try:
        wait_for("the frozen link dropped", lambda: session.status.state is LinkState.RECONNECTING)
    finally:
        sim.call(lambda s: s.thaw())
    wait_for("OBS back, its stream start stored with it", lambda: back_after_the_loss(session, before))


@pytest.mark.parametrize("reconnect", [False, True], ids=["thawed", "thawed-then-reconnected"])
def test_a_console_restarted_after_obs_froze_counts_on_from_the_shows_start(
    sim: SimulatorThread, storage: Storage, reconnect: bool
) -> None:
    first = room(sim, open_storage=lambda: Storage(storage.url), heartbeat_timeout=0.5, unresponsive_drop_after=1.0)
    try:
        session = first.session
        wait_until(lambda: session.show_id is not None, 15, message="the show opens")
        sim.call(go_live)
        wait_for("three seconds on air", lambda: (on_air_s(session) or 0.0) >= 3.0)
        started = since(session)
        freeze_until_lost_and_thaw(sim, session)
        if reconnect:  # the platform timed the frozen stream out: OBS's own figure starts again
            sim.call(lambda s: s.stream_reconnect(0.3))
            wait_for("OBS back on the platform, its own time small", lambda: (session.on_air.obs_ms or 9e9) < 1500)
        now = since(session)
        assert now is not None and started is not None and abs(now - started) < 0.25, "counted on through the freeze"
        before = on_air_s(session) or 0.0
    finally:
        first.stop()  # as a kill would leave it: the show stays open, every second written
    second = restarted_console(sim, storage, session.show_id)
    try:
        again = second.session
        shown, obs_s = on_air_s(again), (again.on_air.obs_ms or 0) / 1000.0
        assert shown is not None and shown >= before, f"{shown} s on air after the restart, {before} s before it"
        assert started is not None and abs((since(again) or 0.0) - started) < 0.25, "counted from the show's start"
        if reconnect:
            assert obs_s < before - 2.0, "OBS's own figure alone would have said less"
    finally:
        second.stop()
    # Restarted once more: what the second console stored at its own first connection (before the show's history
    # was in) says nothing of the stream's start; the start stays the show's.
    third = restarted_console(sim, storage, session.show_id)
    try:
        assert abs((since(third.session) or 0.0) - started) < 0.25, "counted from the show's start again"
    finally:
        third.stop()


def test_a_console_restarted_after_obs_was_restarted_with_a_new_stream_counts_that_stream(
    sim: SimulatorThread, storage: Storage
) -> None:
    first = room(sim, open_storage=lambda: Storage(storage.url), backoff_max=0.5)
    try:
        session = first.session
        wait_until(lambda: session.show_id is not None, 15, message="the show opens")
        sim.call(go_live)
        wait_for("four seconds on air", lambda: (on_air_s(session) or 0.0) >= 4.0)
        old_start = since(session)
        before = len(back_markers(session))
        sim.run(sim.sim.kill())  # type: ignore[union-attr]
        wait_for("OBS lost", lambda: session.status.state is not LinkState.CONNECTED)

        async def new_obs_streaming() -> None:  # started again and live at once, before the console hears it
            simulator = sim.sim
            assert simulator is not None
            await simulator.restart()
            simulator.room.start_output(simulator.room.stream, simulator.now())
            await asyncio.sleep(0)

        sim.run(new_obs_streaming())
        wait_for("OBS back, its stream start stored with it", lambda: back_after_the_loss(session, before))
        new_start = since(session)
        assert old_start is not None and new_start is not None and new_start > old_start + 3.0, "the new stream's"
    finally:
        first.stop()
    second = restarted_console(sim, storage, session.show_id)
    try:
        again = second.session
        wait_for("OBS's figure", lambda: again.on_air.obs_ms is not None)
        shown, obs_s = on_air_s(again), (again.on_air.obs_ms or 0) / 1000.0
        assert shown is not None and abs(shown - obs_s) < 1.5, f"{shown} s on air, OBS's new stream {obs_s} s"
        assert abs((since(again) or 0.0) - new_start) < 1.5, "from the new stream's start, not the old one's"
    finally:
        second.stop()


def test_an_obs_restarted_and_up_longer_than_the_old_one_was_is_a_new_obs_and_its_stream_a_new_one(
    sim: SimulatorThread, storage: Storage
) -> None:
    """OBS killed, started again while the console could not reach it, and heard when it had been up longer than the
    old one ever was: its frame count higher than before the loss, it was taken for the same OBS and its new stream
    counted from the old stream's start."""
    first = room(sim, open_storage=lambda: Storage(storage.url), backoff_max=0.5)
    try:
        session = first.session
        wait_until(lambda: session.show_id is not None, 15, message="the show opens")
        sim.call(go_live)
        wait_for("four seconds on air", lambda: (on_air_s(session) or 0.0) >= 4.0)
        old_start = since(session)
        old_up = sim.call(lambda s: s.now() - s.room.started)
        before = len(back_markers(session))
        sim.run(sim.sim.kill())  # type: ignore[union-attr]
        wait_for("OBS lost", lambda: session.status.state is not LinkState.CONNECTED)

        async def new_obs_up_longer_and_streaming() -> None:
            simulator = sim.sim
            assert simulator is not None
            await simulator.restart(up_for=old_up + 30.0)  # up 30 s longer than the old OBS was when lost
            simulator.room.start_output(simulator.room.stream, simulator.now())  # and live, before the console hears it
            await asyncio.sleep(0)

        sim.run(new_obs_up_longer_and_streaming())
        wait_for("OBS back, its stream start stored with it", lambda: back_after_the_loss(session, before))
        new_start = since(session)
        assert old_start is not None and new_start is not None and new_start > old_start + 3.0, "the new stream's"
        shown, obs_s = on_air_s(session), (session.on_air.obs_ms or 0) / 1000.0
        assert shown is not None and abs(shown - obs_s) < 1.5, f"{shown} s on air, OBS's new stream {obs_s} s"
    finally:
        first.stop()
    second = restarted_console(sim, storage, session.show_id)
    try:
        again = second.session
        wait_for("OBS's figure", lambda: again.on_air.obs_ms is not None)
        shown, obs_s = on_air_s(again), (again.on_air.obs_ms or 0) / 1000.0
        assert shown is not None and abs(shown - obs_s) < 1.5, f"{shown} s on air, OBS's new stream {obs_s} s"
    finally:
        second.stop()


def test_a_console_that_joined_a_running_stream_and_saw_obs_freeze_counts_from_obss_start_after_a_restart(
    sim: SimulatorThread, storage: Storage
) -> None:
    sim.call(go_live)  # live before any console of the room ran
    sim.call(lambda s: s.room.tick(s.now()))
    first = room(sim, open_storage=lambda: Storage(storage.url), heartbeat_timeout=0.5, unresponsive_drop_after=1.0)
    try:
        session = first.session
        wait_until(lambda: session.show_id is not None, 15, message="the show opens")
        wait_for("three seconds on air", lambda: (on_air_s(session) or 0.0) >= 3.0)
        started = since(session)
        freeze_until_lost_and_thaw(sim, session)
        sim.call(lambda s: s.stream_reconnect(0.3))
        wait_for("OBS back on the platform, its own time small", lambda: (session.on_air.obs_ms or 9e9) < 1500)
        before = on_air_s(session) or 0.0
    finally:
        first.stop()
    second = restarted_console(sim, storage, session.show_id)
    try:
        again = second.session
        shown = on_air_s(again)
        assert shown is not None and shown >= before, f"{shown} s on air after the restart, {before} s before it"
        assert started is not None and abs((since(again) or 0.0) - started) < 0.25, "from OBS's own start"
    finally:
        second.stop()


def console_taking_up(sim: SimulatorThread, storage: Storage, show_id: int | None) -> SessionDriver:
    """The console started again on the room: its show taken up again, and OBS polled after that."""
    driver = room(sim, open_storage=lambda: Storage(storage.url))
    session = driver.session
    wait_until(lambda: session.show_id == show_id, 15, message="the show is taken up again")
    loaded = session.clock.now()
    wait_for("a poll after it", lambda: polled_after(session, loaded))
    return driver


def test_a_console_that_joined_a_running_stream_counts_from_its_real_start_after_restarts(
    sim: SimulatorThread, storage: Storage
) -> None:
    """Joined while on air it knew the stream's start from OBS's own figure; OBS then reconnected to the platform
    (its figure from 0) and the console was restarted: it counted from the first second it had seen (seconds low)."""
    sim.call(go_live)  # live before any console of the room ran
    sim.call(lambda s: s.room.tick(s.now()))
    streamed = sim.call(lambda s: s.now())
    wait_until(lambda: sim.call(lambda s: s.now()) > streamed + 3.0, 10, message="three seconds on air")
    first = room(sim, open_storage=lambda: Storage(storage.url))
    try:
        session = first.session
        wait_until(lambda: session.show_id is not None, 15, message="the show opens")
        wait_for("OBS's figure", lambda: (on_air_s(session) or 0.0) >= 3.0)
        started = since(session)
        sim.call(lambda s: s.stream_reconnect(0.3))  # OBS's own stream time starts again
        wait_for("OBS back on the platform, its own time small", lambda: (session.on_air.obs_ms or 9e9) < 1500)
        before = on_air_s(session) or 0.0
    finally:
        first.stop()  # as a kill would leave it: the show stays open, every second written
    for restart in ("once", "twice"):
        again = console_taking_up(sim, storage, session.show_id)
        try:
            shown, obs_s = on_air_s(again.session), (again.session.on_air.obs_ms or 0) / 1000.0
            assert shown is not None and shown >= before, f"{shown} s on air after a restart ({restart}), {before} s"
            assert started is not None and abs((since(again.session) or 0.0) - started) < 0.25, "the real start"
            assert obs_s < shown - 2.0, "OBS's own figure alone would have said less"
            kept = [text for text in back_markers(again.session) if text]
            assert len(kept) == (2 if restart == "once" else 3), "each console's first connection keeps the start"
        finally:
            again.stop()


def test_the_walk_through_show_on_air_2_35_reads_2_49_after_a_14_s_restart_not_obss_1_07() -> None:
    """walk22 as stored: live at 0, OBS frozen at 80 s and lost at 84 s, heard again at 95 s still streaming (its
    stream start kept with the marker), reconnected to the platform at 102 s; the console killed at 155 s (2:35 on
    air) and started again 14 s later, when OBS's own figure is 1:07."""
    session = RoomSession("二号直播间", Endpoint("127.0.0.1", 9, PASSWORD), store=False)
    wall = session.telemetry.wall_offset + 1000.0  # the stream's start, wall-clock (1000 s on the polls' clock)
    rows: list[dict[str, Any]] = [{"t": wall + s, "streaming": 1.0} for s in range(80)]
    rows += [{"t": wall + s, "streaming": None} for s in range(80, 95)]  # frozen: seconds with no poll
    rows += [{"t": wall + s, "streaming": 1.0} for s in range(95, 156)]
    markers = [
        {"t": wall, "kind": "stream_start", "detail": ""},
        {"t": wall + 84.0, "kind": "obs_lost", "detail": ""},
        {"t": wall + 95.0, "kind": "obs_connected", "detail": f"{wall:.3f}"},
        {"t": wall + 100.0, "kind": "stream_reconnecting", "detail": ""},
        {"t": wall + 102.0, "kind": "stream_reconnected", "detail": ""},
    ]
    session._resume_on_air(rows, markers)
    obs_figure = streaming_poll(t=1169.0, obs_ms=67_000)
    session.on_air.update(obs_figure)
    assert session.on_air.elapsed_ms == 169_000, "2:35 on air, 14 s more: 2:49, not OBS's 1:07"
    # Stored by a console before the start was kept with the marker: OBS's figure, never a made-up one.
    older = RoomSession("二号直播间", Endpoint("127.0.0.1", 9, PASSWORD), store=False)
    older.telemetry.wall_offset = session.telemetry.wall_offset
    older._resume_on_air(rows, [{**m, "detail": ""} for m in markers])
    older.on_air.update(obs_figure)
    assert older.on_air.elapsed_ms == 67_000


def streaming_poll(t: float, obs_ms: int) -> Rates:
    """A poll of OBS streaming for `obs_ms` by its own figure, nothing else known."""
    fields = dict.fromkeys(
        (
            "bitrate_kbps", "record_kbps", "fps", "render_ms", "render_drop_pct", "encode_drop_pct",
            "network_drop_pct", "congestion", "cpu_pct", "memory_mb", "disk_free_mb", "stream_bytes", "record_bytes",
        )
    )  # fmt: skip
    return Rates(t=t, streaming=True, reconnecting=False, recording=False, stream_duration_ms=obs_ms, **fields)
