"""OBS back after it was lost on air: what the console says of the stream (walk13 F4/F5, walk15 F5).

A real RoomSession driven by its SessionDriver over the real protocol to a simulated OBS, on air, then:
* killed and started again — OBS comes back not streaming: the show was cut without anyone pressing Stop. The
  team is told at once (a critical finding, open until the stream is live again), the stream's end is marked on the
  graphs when OBS was last heard streaming, and "OBS lost" does not close as if all were well;
* frozen, then thawed — the same OBS, still streaming: "OBS lost" closes saying the stream ran on, and the frames
  the freeze cost (OBS counts them as render lag afterwards) are counted, not taken as the new baseline;
* killed and started again — a new OBS process whose counters start afresh: nothing is made up.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

from console.core.session import Endpoint, RoomSession, SessionDriver
from console.core.telemetry.channels import INDEX
from obs.health import Change, Finding
from obs.messages import LinkState
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD


class Heard:
    """The findings' changes as the session told its listener (what the window logs and announces)."""

    def __init__(self) -> None:
        self.changes: list[Change] = []

    def __call__(self, changes: list[Change]) -> None:
        self.changes.extend(changes)

    def closed(self, finding_id: str) -> list[Finding]:
        return [c.finding for c in list(self.changes) if c.kind == "closed" and c.finding.id == finding_id]


def on_air_room(sim: SimulatorThread, heard: Heard, **link: Any) -> SessionDriver:
    session = RoomSession("一号直播间", Endpoint("127.0.0.1", sim.port, PASSWORD), store=False, **link)
    session.listener.findings_changed = heard  # type: ignore[method-assign]
    driver = SessionDriver(session).start()
    assert driver.wait_connected(10.0)
    sim.call(lambda s: s.room.start_output(s.room.stream, s.now()))
    wait_for("a polled second on air", lambda: session.health.on_air_before_loss)
    return driver


def wait_for(what: str, condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.05)


def active(session: RoomSession, finding_id: str) -> Finding | None:
    with session.lock:
        return next((f for f in session.health.active() if f.id == finding_id), None)


def test_obs_back_not_streaming_after_a_crash_is_critical_until_live_again(sim: SimulatorThread) -> None:
    heard = Heard()
    driver = on_air_room(sim, heard, backoff_initial=0.2, backoff_max=0.5)
    try:
        session = driver.session
        sim.run(sim.sim.kill())  # type: ignore[union-attr]
        wait_for("OBS lost", lambda: active(session, "obs_unreachable") is not None)
        sim.run(sim.sim.restart())  # type: ignore[union-attr]  # a fresh OBS: not streaming
        wait_for("the stream said not resumed", lambda: active(session, "stream_not_resumed") is not None)
        finding = active(session, "stream_not_resumed")
        assert finding is not None and finding.severity == "critical"
        assert finding.message.startswith("The stream did not resume after OBS was lost at ")
        assert "go live again" in finding.message
        assert finding.remedies and "Start the stream again" in finding.remedies[0]
        # "OBS lost" closed saying what OBS came back to, not a bare "cleared".
        (lost,) = heard.closed("obs_unreachable")
        assert lost.fields["stream"] == "stopped"
        # The stream's end is on the graphs, when OBS was last heard streaming: before it was lost.
        with session.lock:
            markers = list(session.telemetry.markers)
        (stop,) = [m for m in markers if m.kind == "stream_stop"]
        (lost_marker,) = [m for m in markers if m.kind == "obs_lost"]
        assert stop.text == "obs_lost" and stop.t <= lost_marker.t
        assert stop.t == finding.fields["lost_t"]
        # Kept told while off air; live again, it closes.
        assert active(session, "stream_not_resumed") is not None
        sim.call(lambda s: s.room.start_output(s.room.stream, s.now()))
        wait_for("the finding closed once live again", lambda: heard.closed("stream_not_resumed") != [])
        assert active(session, "stream_not_resumed") is None
    finally:
        driver.stop()


def test_a_frozen_obs_back_streaming_says_the_stream_ran_on_and_counts_the_frames_it_missed(
    sim: SimulatorThread,
) -> None:
    heard = Heard()
    driver = on_air_room(sim, heard, heartbeat_timeout=0.5, unresponsive_drop_after=1.0, backoff_initial=0.2)
    try:
        session = driver.session
        sim.call(lambda s: s.freeze())
        wait_for("OBS lost", lambda: active(session, "obs_unreachable") is not None)
        wait_for("the frozen link dropped", lambda: session.status.state is LinkState.RECONNECTING)
        sim.call(lambda s: s.thaw())  # OBS counts the frames it missed while stopped as render lag
        wait_for("OBS lost closed", lambda: heard.closed("obs_unreachable") != [])
        (lost,) = heard.closed("obs_unreachable")
        assert lost.fields["stream"] == "ran_on"
        assert active(session, "stream_not_resumed") is None
        # The frames the freeze cost are counted after the thaw: a render-lag spike and its finding.
        wait_for("render lag from the freeze", lambda: active(session, "render_lag") is not None)
        with session.lock:
            _, values = session.telemetry.ring.last(15)
        render = [v for v in values[:, INDEX["drop_render_pct"]].tolist() if math.isfinite(v)]
        assert max(render) > 50.0, render  # every frame of the freeze was missed
    finally:
        sim.call(lambda s: s.thaw())
        driver.stop()


def test_a_restarted_obs_makes_up_no_lost_frames(sim: SimulatorThread) -> None:
    heard = Heard()
    driver = on_air_room(sim, heard, backoff_initial=0.2, backoff_max=0.5)
    try:
        session = driver.session
        sim.run(sim.sim.kill())  # type: ignore[union-attr]
        wait_for("OBS lost", lambda: active(session, "obs_unreachable") is not None)
        # Another OBS process whose counters happen to be higher than the last ones read: not comparable.
        sim.call(lambda s: setattr(s.room, "render_skipped", s.room.render_skipped + 500.0))
        sim.run(sim.sim.restart(fresh=False))  # type: ignore[union-attr]
        wait_for("OBS back", lambda: heard.closed("obs_unreachable") != [])
        with session.lock:
            back = max(m.t for m in session.telemetry.markers if m.kind == "obs_connected")

        def polls_after() -> int:
            with session.lock:
                return sum(1 for entry in list(session.tracker.stats.render.history) if entry[0] >= back)

        wait_for("two polls of the restarted OBS", lambda: polls_after() >= 2)
        with session.lock:
            rates = session.tracker.rates
        assert rates is not None and rates.render_drop_pct == 0.0, rates
    finally:
        driver.stop()
