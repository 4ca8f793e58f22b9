"""The link's state machine against the simulator: every transition a streamer would notice."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from threading import Event
from typing import Any

import pytest
from websockets.asyncio.server import ServerConnection

import obs.wire
from obs.errors import FailureKind, NotAnswering, NotConnected, RequestError, RequestTimeout, UnsupportedRequest
from obs.messages import LinkState, OutboxItem
from obs.simulator.server import ObsSimulator, SimulatorThread
from tests.conftest import PASSWORD, LinkHarness, wait_until
from tests.obs.hostile_obs import HELLO, IDENTIFIED, HostileServer
from tests.obs.hostile_obs import _result as hostile_result
from tests.obs.hostile_obs import answer as hostile_answer

ROOM_SCENES = ("等待开始", "直播中", "商品特写", "暂时离开")

MakeLink = Callable[..., LinkHarness]


def connected(h: LinkHarness) -> None:
    h.wait(lambda: h.tracker.status.state is LinkState.CONNECTED, message="link connected")


def test_connect_builds_full_state(sim: SimulatorThread, make_link: MakeLink) -> None:
    h = make_link(sim.port)
    connected(h)
    state = h.tracker.state
    assert state.connected and state.scenes == ROOM_SCENES
    assert state.program_scene == "等待开始" and not state.studio_mode
    assert state.obs_version == "29.0.2" and h.tracker.status.obs_websocket_version == "5.1.0"
    assert {i.name for i in state.audio_inputs} == {"麦克风", "桌面音频", "商品视频"}
    camera = state.input("摄像机")
    assert camera is not None and not camera.has_audio and camera.kind == "v4l2_input"
    assert state.input("桌面音频").volume_mul == pytest.approx(0.5)  # type: ignore[union-attr]
    assert state.transitions == ("Cut", "淡入淡出") and state.transition_duration_ms == 300
    assert state.video is not None and state.video.fps == 30
    assert h.states()[:2] == ["connecting", "connected"]


def test_scene_switch_both_ways(sim: SimulatorThread, make_link: MakeLink) -> None:
    h = make_link(sim.port)
    connected(h)
    h.link.request("SetCurrentProgramScene", {"sceneName": "直播中"}).result(5)
    h.wait(lambda: h.tracker.state.program_scene == "直播中")
    assert sim.call(lambda s: s.room.program) == "直播中"
    # A switch made in OBS itself (another client) shows up too.
    sim.call(
        lambda s: __import__("obs.simulator.handlers", fromlist=["x"]).HANDLERS["SetCurrentProgramScene"](
            s, {"sceneName": "暂时离开"}
        )
    )
    h.wait(lambda: h.tracker.state.program_scene == "暂时离开")


def test_request_errors_reach_the_caller_with_code_and_comment(sim: SimulatorThread, make_link: MakeLink) -> None:
    h = make_link(sim.port)
    connected(h)
    with pytest.raises(RequestError) as info:
        h.link.request("SetCurrentProgramScene", {"sceneName": "Cam"}).result(5)
    assert info.value.code == 600 and "`Cam`" in info.value.comment


def test_requests_newer_than_the_server_are_refused_without_sending(sim: SimulatorThread, make_link: MakeLink) -> None:
    # No stats poll nor heartbeat: a poll batch (3 requests) landing between the two counts made this flaky.
    h = make_link(sim.port, poll_interval=None, heartbeat_timeout=60.0)
    connected(h)
    # What the simulator is asked, by name: counting every request and allowing for a background poll or two
    # failed on a loaded machine, where more polls fell inside the request's round trip.
    asked: list[str] = []

    def record(server: ObsSimulator) -> None:
        run = server._run_request

        def recorded(session: Any, request_type: str, request_data: Any, execution: int | None) -> dict[str, Any]:
            asked.append(request_type)
            return run(session, request_type, request_data, execution)

        server._run_request = recorded  # type: ignore[method-assign]

    sim.call(record)
    with pytest.raises(UnsupportedRequest, match="SplitRecordFile"):
        h.link.request("SplitRecordFile").result(5)
    with pytest.raises(UnsupportedRequest, match="SplitRecordFile"):
        h.link.batch([("GetStats", None), ("SplitRecordFile", None)]).result(5)
    h.link.request("GetVersion").result(5)  # a round trip: anything sent before it has been handled
    assert "SplitRecordFile" not in asked and "GetStats" not in asked and "GetVersion" in asked


def test_wrong_password_stops_retrying_until_fixed(sim: SimulatorThread, make_link: MakeLink) -> None:
    h = make_link(sim.port, password="wrong")
    h.wait(lambda: h.tracker.status.state is LinkState.AUTH_FAILED)
    failure = h.tracker.status.failure
    assert failure is not None and failure.kind is FailureKind.AUTH_FAILED and failure.close_code == 4009
    h.assert_not_retried()
    h.link.configure("127.0.0.1", sim.port, PASSWORD)
    connected(h)


def test_unreachable_port_backs_off_exponentially(make_link: MakeLink) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    h = make_link(port, backoff_initial=0.05, backoff_max=0.4)
    h.wait(lambda: sum(s.state is LinkState.RECONNECTING for s in h.statuses) >= 6, message="six retries")
    retries = [s for s in h.statuses if s.state is LinkState.RECONNECTING]
    delays = [s.retry_at - s.since for s in retries if s.retry_at is not None]
    assert all(s.failure is not None and s.failure.kind is FailureKind.PORT_CLOSED for s in retries)
    assert delays[0] < 0.1 and delays[2] > delays[0]
    assert max(delays) <= 0.4 + 1e-6
    assert [s.attempt for s in retries[:4]] == [1, 2, 3, 4]


def test_obs_quitting_is_not_a_user_deleting_everything(sim: SimulatorThread, make_link: MakeLink) -> None:
    h = make_link(sim.port)
    connected(h)
    sim.run(sim.sim.quit_obs())  # type: ignore[union-attr]
    h.wait(lambda: sum(s.state is LinkState.RECONNECTING for s in h.statuses) >= 3, message="retries")
    assert h.tracker.obs_closed
    # The retries find the port closed, but the status keeps saying why: OBS was closed.
    assert h.tracker.status.failure is not None and h.tracker.status.failure.kind is FailureKind.OBS_CLOSED
    assert h.tracker.status.failure.close_code == 1001
    removed = [e for e in h.tracker.events if e.event_type.endswith("Removed")]
    assert removed == [], "shutdown removals must not reach the console as deletions"
    assert h.tracker.state.scenes == ROOM_SCENES and not h.tracker.state.connected
    # OBS is started again on the same port: the link comes back by itself with a rebuilt state.
    sim.run(sim.sim.restart())  # type: ignore[union-attr]
    connected(h)
    assert h.tracker.snapshots == 2 and h.tracker.state.connected and not h.tracker.obs_closed


def test_a_real_scene_removal_still_arrives(sim: SimulatorThread, make_link: MakeLink) -> None:
    h = make_link(sim.port, removal_hold=0.2)
    connected(h)
    h.link.request("RemoveScene", {"sceneName": "暂时离开"}).result(5)
    h.wait(lambda: "暂时离开" not in h.tracker.state.scenes, timeout=3)
    assert not h.tracker.obs_closed


def test_frozen_obs_is_noticed_and_recovers(sim: SimulatorThread, make_link: MakeLink) -> None:
    h = make_link(sim.port, heartbeat_timeout=0.6, poll_interval=0.25)
    connected(h)
    h.wait(lambda: h.tracker.rates is not None)
    render_before = sim.call(lambda s: s.room.render_skipped)
    sim.call(lambda s: s.freeze())
    frozen_at = time.monotonic()
    h.wait(lambda: h.tracker.status.state is LinkState.UNRESPONSIVE, timeout=5)
    assert time.monotonic() - frozen_at < 2.5
    with pytest.raises(RequestTimeout):
        h.link.request("GetStats", timeout=0.4).result(5)
    # A change is refused at once, not written into the socket for OBS to carry out whenever it recovers.
    program = sim.call(lambda s: s.room.program)
    with pytest.raises(NotAnswering):
        h.link.request("SetCurrentProgramScene", {"sceneName": "暂时离开"}).result(1)
    assert not h.tracker.state.controllable and h.tracker.state.connected
    time.sleep(max(0.0, 2.0 - (time.monotonic() - frozen_at)))
    sim.call(lambda s: s.thaw())
    h.wait(lambda: h.tracker.status.state is LinkState.CONNECTED, timeout=5)
    assert h.tracker.state.controllable
    h.link.request("GetStats").result(5)  # answered in order after anything sent before it
    assert sim.call(lambda s: s.room.program) == program
    assert h.tracker.snapshots == 1, "a short freeze keeps the same connection"
    assert sim.call(lambda s: s.room.render_skipped) - render_before >= 50  # ~2 s at 30 fps of render lag
    h.wait(lambda: (h.tracker.rates.render_drop_pct or 0) > 0)


def test_frozen_obs_is_noticed_with_a_request_timeout_shorter_than_the_heartbeat(
    sim: SimulatorThread, make_link: MakeLink
) -> None:
    """obs/request_timeout may be set as low as 0.5 s, under the heartbeat's 1.5 s: each stats poll timed out before
    it had waited a heartbeat and the next poll took its place as the oldest request, so a frozen OBS was never said
    to be not answering, and the console went on showing its last state as if it were live."""
    h = make_link(sim.port, heartbeat_timeout=0.6, poll_interval=0.1, request_timeout=0.25)
    connected(h)
    h.wait(lambda: h.tracker.rates is not None)
    sim.call(lambda s: s.freeze())
    try:
        h.wait(lambda: h.tracker.status.state is LinkState.UNRESPONSIVE, timeout=5, message="noticed as frozen")
    finally:
        sim.call(lambda s: s.thaw())
    h.wait(lambda: h.tracker.status.state is LinkState.CONNECTED, timeout=5)


def test_long_freeze_drops_and_reconnects(sim: SimulatorThread, make_link: MakeLink) -> None:
    h = make_link(sim.port, heartbeat_timeout=0.4, unresponsive_drop_after=0.6, poll_interval=0.2)
    connected(h)
    assert h.tracker.status.lost_since is None
    sim.call(lambda s: s.freeze())
    frozen_at = time.monotonic()
    h.wait(lambda: h.tracker.status.state is LinkState.UNRESPONSIVE, timeout=5)
    # How long OBS has been gone counts from when it was last heard, not from when its silence was noticed...
    heard = h.tracker.status.lost_since
    assert heard is not None and frozen_at - 1.0 < heard < h.tracker.status.since - 0.3, (frozen_at, heard)
    h.wait(lambda: h.tracker.status.state is LinkState.RECONNECTING, timeout=5)
    assert h.tracker.status.failure is not None and h.tracker.status.failure.kind is FailureKind.UNRESPONSIVE
    # ...and goes on counting from there through the drop and every failed attempt (walk12: the status bar's
    # "reconnecting in 4 s" read the same at 20 s and at 5 minutes).
    assert h.tracker.status.lost_since == heard
    attempt = h.tracker.status.attempt
    h.wait(lambda: h.tracker.status.attempt > attempt and h.tracker.status.state is LinkState.RECONNECTING, timeout=10)
    assert h.tracker.status.lost_since == heard
    sim.call(lambda s: s.thaw())
    h.wait(lambda: h.tracker.snapshots == 2 and h.tracker.status.state is LinkState.CONNECTED, timeout=10)
    assert h.tracker.status.lost_since is None


def test_reconnect_rebuilds_state_and_restores_subscriptions(sim: SimulatorThread, make_link: MakeLink) -> None:
    h = make_link(sim.port)
    connected(h)
    h.wait(lambda: h.tracker.meter_updates > 5, message="meters before")
    killed_at = time.monotonic()
    sim.run(sim.sim.kill())  # type: ignore[union-attr]
    h.wait(lambda: h.tracker.status.state is LinkState.RECONNECTING)
    assert h.tracker.status.failure.kind is FailureKind.CONNECTION_LOST  # type: ignore[union-attr]
    lost_since = h.tracker.status.lost_since
    assert lost_since is not None and killed_at <= lost_since <= h.tracker.status.since, (killed_at, lost_since)
    assert not h.tracker.obs_closed
    # While the console was away, OBS changed: the rebuilt state must show it.
    sim.call(lambda s: setattr(s.room, "program", "商品特写"))
    sim.call(lambda s: setattr(s.room.inputs["麦克风"], "muted", True))
    sim.run(sim.sim.restart(fresh=False))  # type: ignore[union-attr]
    connected(h)
    assert h.tracker.state.program_scene == "商品特写"
    assert h.tracker.state.input("麦克风").muted is True  # type: ignore[union-attr]
    updates = h.tracker.meter_updates
    h.wait(lambda: h.tracker.meter_updates > updates + 5, message="meters resubscribed after reconnect")
    assert h.link.connections == 2


def test_mute_and_volume_both_ways(sim: SimulatorThread, make_link: MakeLink) -> None:
    h = make_link(sim.port)
    connected(h)
    h.link.request("SetInputMute", {"inputName": "麦克风", "inputMuted": True}).result(5)
    h.wait(lambda: h.tracker.state.input("麦克风").muted is True)  # type: ignore[union-attr]
    assert sim.call(lambda s: s.room.inputs["麦克风"].muted)
    h.link.request("SetInputVolume", {"inputName": "桌面音频", "inputVolumeDb": -6.0}).result(5)
    h.wait(lambda: abs((h.tracker.state.input("桌面音频").volume_db or 0) + 6.0) < 0.01)  # type: ignore[union-attr]
    assert sim.call(lambda s: s.room.inputs["桌面音频"].volume_mul) == pytest.approx(0.501, abs=0.001)


def test_stream_counters_reset_on_reconnect_without_absurd_rates(sim: SimulatorThread, make_link: MakeLink) -> None:
    h = make_link(sim.port, poll_interval=0.2)
    connected(h)
    h.link.request("StartStream").result(5)
    h.wait(lambda: h.tracker.rates is not None and h.tracker.rates.bitrate_kbps is not None, timeout=8)
    rates = h.tracker.rates
    assert rates is not None and rates.bitrate_kbps is not None and 2000 < rates.bitrate_kbps < 3200
    sim.call(lambda s: s.stream_reconnect(0.6))
    h.wait(lambda: h.tracker.state.stream.reconnecting, timeout=3)
    h.wait(lambda: not h.tracker.state.stream.reconnecting and h.tracker.state.stream.active, timeout=5)
    seen: list[float] = []
    deadline = time.monotonic() + 4.0
    while time.monotonic() < deadline:
        h.pump()
        rates = h.tracker.rates
        if rates is not None and rates.bitrate_kbps is not None:
            seen.append(rates.bitrate_kbps)
        for value in (rates.network_drop_pct, rates.render_drop_pct, rates.encode_drop_pct) if rates else ():
            assert value is None or 0 <= value <= 100
        time.sleep(0.05)
    assert seen and min(seen) > 0 and max(seen) < 4000, seen
    assert 2000 < seen[-1] < 3200, "after the reconnect the bitrate is measured afresh, at the real rate"


def test_too_old_obs_websocket_is_incompatible_and_not_retried(make_link: MakeLink) -> None:
    with SimulatorThread(password=PASSWORD) as old:
        old.call(lambda s: setattr(s.room, "obs_websocket_version", "5.0.1"))
        h = make_link(old.port)
        h.wait(lambda: h.tracker.status.state is LinkState.INCOMPATIBLE)
        assert "5.0.1" in h.tracker.status.failure.explain()  # type: ignore[union-attr]
        h.assert_not_retried()


def test_the_link_thread_does_not_spin_while_a_poll_is_in_flight(
    sim: SimulatorThread, make_link: MakeLink, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted in the link thread's own wake-ups, not in CPU per wall-clock second (which a loaded machine bends):
    while a poll waits for its answer the thread sleeps until something can act, a quarter second at most when
    nothing is due. A spinning thread wakes every 2 ms (MIN_SLEEP_S), hundreds of times in the second watched."""
    from obs.link import ObsLink

    h = make_link(sim.port, poll_interval=0.05)
    connected(h)
    wakes: list[float] = []
    next_command = ObsLink._next_command

    def counted(link: ObsLink) -> object:
        wakes.append(time.monotonic())
        return next_command(link)

    monkeypatch.setattr(ObsLink, "_next_command", counted)
    sim.call(lambda s: s.freeze())  # polls stay in flight: their due times pass while they wait
    try:
        wait_until(lambda: len(wakes) >= 2, 5)
        first = len(wakes)
        time.sleep(1.0)  # a window to count in: the count is bounded by the link's timers, not by this pause
        during = len(wakes) - first
        assert during <= 12, f"the link thread woke {during} times in 1 s while only waiting"
    finally:
        sim.call(lambda s: s.thaw())


def test_polling_goes_on_when_the_answer_beats_the_send_call_home(
    sim: SimulatorThread, make_link: Callable[..., LinkHarness], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fast OBS can answer a stats batch before send_batch has returned on the link thread; the poll
    must not then stay 'outstanding' for ever (seen in CI: the graphs' bitrate froze after 1 s)."""
    from obs.client import ObsClient
    from obs.messages import StatsPolled

    original = ObsClient.send_batch

    def slow_return(self: ObsClient, *args: Any, **kwargs: Any) -> Any:
        sent = original(self, *args, **kwargs)
        time.sleep(0.1)  # the receive thread handles the answer meanwhile
        return sent

    monkeypatch.setattr(ObsClient, "send_batch", slow_return)
    h = make_link(sim.port, poll_interval=0.3)
    polls: list[StatsPolled] = []
    original_handle = h.tracker.handle

    def count(item: OutboxItem) -> None:
        if isinstance(item, StatsPolled):
            polls.append(item)
        original_handle(item)

    h.tracker.handle = count  # type: ignore[method-assign]
    h.wait(lambda: len(polls) >= 6, timeout=6, message="stats polls keep coming")


def test_stats_polls_and_timeouts_keep_their_time_while_requests_stream_in(
    sim: SimulatorThread, make_link: MakeLink
) -> None:
    """The link thread goes straight back to its inbox after sending a request when nothing timed is due; a
    console (or a script) whose requests arrive faster than the link sends them must still get its stats
    polls, and a request to a frozen OBS must still time out while more requests keep coming."""
    import threading
    from collections import deque

    from obs.messages import StatsPolled

    h = make_link(sim.port, poll_interval=0.2)
    connected(h)
    polls: list[StatsPolled] = []
    original_handle = h.tracker.handle

    def count(item: OutboxItem) -> None:
        if isinstance(item, StatsPolled):
            polls.append(item)
        original_handle(item)

    h.tracker.handle = count  # type: ignore[method-assign]
    stop = threading.Event()
    answered = [0]

    def stream() -> None:  # always about 20 requests queued or in flight: the inbox is never empty for long
        in_flight: deque[Future[object]] = deque()
        while not stop.is_set():
            in_flight.append(h.link.request("GetCurrentProgramScene"))
            if len(in_flight) >= 20:
                in_flight.popleft().result(5)
                answered[0] += 1

    streamer = threading.Thread(target=stream, daemon=True)
    streamer.start()
    try:
        h.wait(lambda: answered[0] >= 300 and len(polls) >= 5, timeout=10, message="polls during a request stream")
    finally:
        stop.set()
        streamer.join(5)

    sim.call(lambda s: s.freeze())
    try:
        futures = [h.link.request("GetStats", timeout=0.3)]
        # Requests keep coming, each within the link's shortest sleep, for far longer than the first one's
        # timeout: it must fail meanwhile, not once they stop.
        deadline = time.monotonic() + 3.0
        while not futures[0].done() and time.monotonic() < deadline:
            futures.append(h.link.request("GetStats", timeout=0.3))
            time.sleep(0.0005)
        assert futures[0].done(), "the first request did not time out while more requests kept coming"
        for future in futures:
            with pytest.raises(RequestTimeout):
                future.result(5)
    finally:
        sim.call(lambda s: s.thaw())


# ---------------------------------------------------------------------- requests sent on the caller's thread
def _hold_link_thread(h: LinkHarness, monkeypatch: pytest.MonkeyPatch, method: str) -> tuple[Event, Event]:
    """Make the link thread stop inside `method` (until `release` is set); `entered` says it is there."""
    entered, release = Event(), Event()
    original = getattr(h.link, method)

    def held(*args: object) -> object:
        if threading.current_thread() is h.link._thread and not release.is_set():
            entered.set()
            release.wait(10)
        return original(*args)

    monkeypatch.setattr(h.link, method, held)
    return entered, release


def test_a_request_is_answered_while_the_link_thread_is_busy(
    sim: SimulatorThread, make_link: MakeLink, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Connected with nothing queued, a request goes out on the caller's thread: no hand-off to the link thread
    (which cost as much as OBS's answer), and no wait for that thread when it is busy."""
    h = make_link(sim.port, poll_interval=None)
    connected(h)
    entered, release = _hold_link_thread(h, monkeypatch, "_heartbeat")
    try:
        assert entered.wait(5), "the link thread reached its heartbeat"
        assert h.link.request("GetVersion").result(3)["obsVersion"] == "29.0.2"
    finally:
        release.set()


def test_a_request_never_overtakes_one_the_link_thread_is_still_sending(
    sim: SimulatorThread, make_link: MakeLink, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = make_link(sim.port, poll_interval=None)
    connected(h)
    entered, release = _hold_link_thread(h, monkeypatch, "_send")
    # A timeout shorter than the link thread's sleep always goes through it (it must expire on time).
    first = h.link.request("SetCurrentProgramScene", {"sceneName": "直播中"}, timeout=0.2)
    try:
        assert entered.wait(5), "the link thread took the first request"
        second = h.link.request("SetCurrentProgramScene", {"sceneName": "商品特写"})
    finally:
        release.set()
    first.result(5)
    second.result(5)
    assert sim.call(lambda s: s.room.program) == "商品特写"


def test_requests_made_across_reconnects_are_answered_or_fail_with_not_connected(
    sim: SimulatorThread, make_link: MakeLink
) -> None:
    """Callers' threads send on the client while the link thread drops and replaces it: each request is answered
    or fails at once with NotConnected; none is lost (it would wait out its 5 s timeout)."""
    h = make_link(sim.port, poll_interval=0.05)
    connected(h)
    futures: list[Future[Any]] = []
    stop = Event()

    def stream() -> None:
        while not stop.is_set():
            futures.append(h.link.request("GetStats", timeout=5.0))
            time.sleep(0.0005)

    streamers = [threading.Thread(target=stream, daemon=True) for _ in range(2)]
    for streamer in streamers:
        streamer.start()
    try:
        for n in range(4):
            h.link.resync(f"test reconnect {n}")

            def reconnected(n: int = n) -> bool:
                return h.link.connections >= n + 2 and h.tracker.status.state is LinkState.CONNECTED

            h.wait(reconnected)
    finally:
        stop.set()
        for streamer in streamers:
            streamer.join(5)
    outcomes: list[str] = []
    for future in futures:
        try:
            future.result(2.0)  # far below the requests' own 5 s: a lost request would time out here
            outcomes.append("answered")
        except NotConnected:
            outcomes.append("not connected")
    assert outcomes.count("answered") >= 20 and "not connected" in outcomes


def _answering(single: dict[str, str]) -> Callable[[ServerConnection], Awaitable[None]]:
    """An OBS that answers the state read (a batch) as the hostile OBS's defaults, and single requests with `single`."""

    async def behaviour(connection: ServerConnection) -> None:
        await connection.send(HELLO)
        await connection.recv()
        await connection.send(IDENTIFIED)
        async for message in connection:
            request = json.loads(message)
            d = request["d"]
            request_id = json.dumps(d["requestId"])
            if request["op"] == 8:
                results = ", ".join(hostile_result(r["requestType"], {}) for r in d["requests"])
                await connection.send(f'{{"op": 9, "d": {{"requestId": {request_id}, "results": [{results}]}}}}')
            else:
                result = hostile_result(d["requestType"], single)
                await connection.send(f'{{"op": 7, "d": {{"requestId": {request_id}, {result[1:]}}}')

    return behaviour


def test_an_answer_is_checked_on_the_callers_thread_with_the_same_errors(
    make_link: MakeLink, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The receive thread hands the raw answer over; obs.wire checks it when the caller reads it: an answer that
    means nothing is the same RequestError as before, a bad value is unknown and logged, the link stays up."""
    from obs import client as client_module

    checked_on: list[str] = []
    real = obs.wire.clean_response  # what obs.client imported and calls

    def recording(request_type: str, data: Any) -> Any:
        checked_on.append(threading.current_thread().name)
        return real(request_type, data)

    monkeypatch.setattr(client_module, "clean_response", recording)
    server = HostileServer(
        _answering(
            {
                "GetInputList": hostile_answer("GetInputList", inputs=5),
                "GetStats": hostile_answer("GetStats", cpuUsage="x"),
            }
        )
    )
    try:
        h = make_link(server.port, password="", poll_interval=None)
        connected(h)
        checked_on.clear()
        future = h.link.request("GetInputList")
        with pytest.raises(RequestError, match="invalid answer: inputs") as info:
            future.result(5)
        assert future.exception() is info.value  # read once: the same error however it is asked for
        stats = h.link.request("GetStats").result(5)
        assert "cpuUsage" not in stats and stats["activeFps"] == 30.0
        assert "cpuUsage" in caplog.text  # logged with what was wrong
        assert checked_on == ["MainThread", "MainThread"]  # never on the receive thread
        assert h.tracker.status.state is LinkState.CONNECTED and server.connections == 1
    finally:
        server.close()


def test_a_request_made_by_a_callback_on_the_receive_thread_is_sent_by_the_link_thread(
    sim: SimulatorThread, make_link: MakeLink, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The receive thread never sends: a done-callback that asks for more from there is queued, and answered."""
    from obs.client import ObsClient

    senders: list[str] = []
    real = ObsClient.try_send_request

    def recording(self: ObsClient, *args: Any, **kwargs: Any) -> Any:
        senders.append(threading.current_thread().name)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(ObsClient, "try_send_request", recording)
    h = make_link(sim.port, poll_interval=None)
    connected(h)
    callbacks_on: list[str] = []
    chained: list[Future[Any]] = []

    def more(_: Future[Any]) -> None:
        callbacks_on.append(threading.current_thread().name)
        chained.append(h.link.request("GetVersion"))

    for _ in range(30):
        h.link.request("GetStats").add_done_callback(more)
    h.wait(lambda: len(chained) == 30, message="every callback made its request")
    assert all(future.result(5)["obsVersion"] == "29.0.2" for future in chained)
    assert any(name.startswith("obs-recv") for name in callbacks_on)  # some answers beat add_done_callback
    assert not any(name.startswith("obs-recv") for name in senders)


def test_a_media_input_pointed_at_a_missing_file_is_read_again_when_obs_says_it_restarted(
    sim: SimulatorThread, make_link: MakeLink
) -> None:
    """tech17: a media input's status and file were read only on connecting, so a product video pointed at another
    file mid-show kept what was read then. OBS says it restarted the source (MediaInputPlaybackStarted, and for a
    file it cannot open at once MediaInputPlaybackEnded): the link reads that input again, and the state says it."""
    h = make_link(sim.port)
    connected(h)
    video = h.tracker.state.input("商品视频")
    assert (
        video is not None
        and video.media_unplayable is False
        and video.media_file == "/home/streamer/Videos/新品展示.mp4"
    )
    lost = "/media/streamer/U盘/新品展示.mp4"
    sim.call(lambda s: s.room.missing_files.add(lost))
    h.link.request("SetInputSettings", {"inputName": "商品视频", "inputSettings": {"local_file": lost}}).result(5)
    h.wait(lambda: h.tracker.state.input("商品视频").media_unplayable is True, message="the missing file known")  # type: ignore[union-attr]
    assert h.tracker.state.input("商品视频").media_file == lost  # type: ignore[union-attr]
    back = {"local_file": "/home/streamer/Videos/新品展示.mp4"}
    h.link.request("SetInputSettings", {"inputName": "商品视频", "inputSettings": back}).result(5)
    h.wait(lambda: h.tracker.state.input("商品视频").media_unplayable is False, message="it plays again")  # type: ignore[union-attr]


def test_an_input_created_mid_show_is_read_so_its_sound_is_watched(sim: SimulatorThread, make_link: MakeLink) -> None:
    """tech17, on a real OBS: a product video added while live was never looked at by the audio rules (its file
    missing, nothing was said) — InputCreated carries no mute state, so the console did not know it had sound until
    the next connect. The link reads a new input's mute, volume, activity (and a media input's status and file)."""
    h = make_link(sim.port)
    connected(h)
    settings = {"local_file": "/home/streamer/Videos/新品展示.mp4", "looping": True}
    created = {"sceneName": "商品特写", "inputName": "第二个视频", "inputKind": "ffmpeg_source"}
    h.link.request("CreateInput", {**created, "inputSettings": settings}).result(5)
    h.wait(lambda: (i := h.tracker.state.input("第二个视频")) is not None and i.has_audio, message="its sound known")
    video = h.tracker.state.input("第二个视频")
    assert video is not None and video.muted is False and video.media_file == settings["local_file"], video
    assert video in h.tracker.state.audio_inputs


def test_obs_cpu_figure_after_a_freeze_is_unknown_until_a_poll_covers_one_interval_again(
    sim: SimulatorThread, make_link: MakeLink
) -> None:
    """OBS's cpuUsage covers the time since its previous GetStats. A frozen OBS answers every poll that timed out
    meanwhile in one burst when it wakes, so the answer this link still awaits covers the few milliseconds since the
    one before it (a real OBS said 70 % of the machine beside a machine total of 16 %): unknown, not shown. The
    next poll, a poll interval after an answered one, is OBS's figure again."""
    from obs.messages import StatsPolled
    from obs.stats import Rates, StatsSample

    h = make_link(sim.port, poll_interval=0.2, request_timeout=0.5)
    connected(h)
    polled: list[tuple[float, StatsSample, Rates]] = []
    handle = h.tracker.handle

    def seen(item: OutboxItem) -> None:
        handle(item)
        if isinstance(item, StatsPolled) and h.tracker.rates is not None:
            polled.append((time.monotonic(), item.sample, h.tracker.rates))

    h.tracker.handle = seen  # type: ignore[method-assign]
    h.wait(lambda: len(polled) >= 3)
    assert all(rates.cpu_pct is not None for _, _, rates in polled[1:]), "polls a poll interval apart"
    sim.call(lambda s: s.freeze())
    try:
        time.sleep(1.5)  # the freeze's own length: polls sent meanwhile time out (0.5 s) and the next ones are sent
    finally:
        sim.call(lambda s: s.thaw())
    thawed = time.monotonic()
    h.wait(lambda: sum(at > thawed for at, _, _ in polled) >= 3)
    after = [(sample, rates) for at, sample, rates in polled if at > thawed]
    assert after[0][0].since is None and after[0][1].cpu_pct is None, "the answer after unanswered polls"
    assert all(rates.cpu_pct is not None for _, rates in after[1:]), "a poll interval after an answered poll"
