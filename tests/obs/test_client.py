"""The client adapter against the simulator over a real socket: handshake, errors, batches, robustness."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from obswebsocket import events as obs_events

from obs import client as client_module
from obs.client import ObsClient
from obs.errors import ConnectError, FailureKind, NotConnected, RequestError, RequestTimeout
from obs.protocol import EventSubscription
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD, wait_until


def connect(sim: SimulatorThread, password: str = PASSWORD, **kwargs: object) -> ObsClient:
    client = ObsClient("127.0.0.1", sim.port, password, **kwargs)  # type: ignore[arg-type]
    client.connect()
    return client


def test_connects_authenticates_and_answers(sim: SimulatorThread) -> None:
    client = connect(sim)
    try:
        assert client.hello is not None and client.hello.authenticated
        version = client.request("GetVersion")
        assert version["obsWebSocketVersion"] == "5.1.0"
        assert "GetStats" in version["availableRequests"]
    finally:
        client.close()


def test_request_error_carries_code_and_comment(sim: SimulatorThread) -> None:
    client = connect(sim)
    try:
        with pytest.raises(RequestError) as info:
            client.request("SetCurrentProgramScene", {"sceneName": "Cam"})
        assert info.value.code == 600
        assert info.value.status_text == "600 ResourceNotFound: No source was found by the name of `Cam`."
        with pytest.raises(RequestError) as missing:
            client.request("SetInputMute", {"inputName": "麦克风"})
        assert missing.value.code == 300 and "inputMuted" in missing.value.comment
    finally:
        client.close()


def test_library_call_api_raises_typed_error(sim: SimulatorThread) -> None:
    from obswebsocket import requests as obs_requests

    client = connect(sim)
    try:
        answered = client.call(obs_requests.GetCurrentProgramScene())
        assert answered.getCurrentProgramSceneName() == "等待开始"
        with pytest.raises(RequestError, match="604"):
            client.call(obs_requests.GetInputMute(inputName="摄像机"))
    finally:
        client.close()


def test_batch_reports_each_result(sim: SimulatorThread) -> None:
    client = connect(sim)
    try:
        results = client.batch([("GetStats", None), ("GetInputMute", {"inputName": "nope"}), ("GetRecordStatus", None)])
        assert [r.request_type for r in results] == ["GetStats", "GetInputMute", "GetRecordStatus"]
        assert results[0].ok and "renderTotalFrames" in results[0].data
        assert not results[1].ok and results[1].code == 600
        assert results[2].ok
        halted = client.batch([("GetInputMute", {"inputName": "nope"}), ("GetStats", None)], halt_on_failure=True)
        assert len(halted) == 1
    finally:
        client.close()


@pytest.mark.parametrize(("password", "kind"), [("wrong", FailureKind.AUTH_FAILED), ("", FailureKind.AUTH_REQUIRED)])
def test_bad_password_is_classified(sim: SimulatorThread, password: str, kind: FailureKind) -> None:
    with pytest.raises(ConnectError) as info:
        connect(sim, password)
    assert info.value.failure.kind is kind
    assert info.value.failure.permanent
    assert "password" in str(info.value)


def test_closed_port_is_explained() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = ObsClient("127.0.0.1", port, "x")
    with pytest.raises(ConnectError) as info:
        client.connect()
    assert info.value.failure.kind is FailureKind.PORT_CLOSED
    assert "Tools → WebSocket Server Settings" in str(info.value)


def test_unknown_host_is_explained() -> None:
    with pytest.raises(ConnectError) as info:
        ObsClient("no-such-host.invalid", 4455, "x", connect_timeout=2).connect()
    assert info.value.failure.kind is FailureKind.NAME_NOT_RESOLVED
    assert "no-such-host.invalid" in str(info.value)


def test_frozen_obs_does_not_block_connect(sim: SimulatorThread) -> None:
    sim.call(lambda s: s.freeze())
    started = time.monotonic()
    with pytest.raises(ConnectError) as info:
        connect(sim, connect_timeout=0.5)
    assert info.value.failure.kind is FailureKind.TIMEOUT
    assert time.monotonic() - started < 3.0
    sim.call(lambda s: s.thaw())


def test_old_obs_websocket_is_incompatible() -> None:
    with SimulatorThread(password=PASSWORD) as old:
        old.call(lambda s: setattr(s.room, "obs_websocket_version", "5.0.1"))
        with pytest.raises(ConnectError) as info:
            connect(old)
    assert info.value.failure.kind is FailureKind.INCOMPATIBLE
    assert "5.0.1" in str(info.value)


def test_request_timeout_is_per_call(sim: SimulatorThread) -> None:
    client = connect(sim)
    try:
        sim.call(lambda s: s.freeze())
        started = time.monotonic()
        with pytest.raises(RequestTimeout):
            client.request("GetStats", timeout=0.3)
        assert 0.25 < time.monotonic() - started < 2.0
    finally:
        sim.call(lambda s: s.thaw())
        client.close()


def test_pending_requests_fail_at_once_when_the_connection_drops(sim: SimulatorThread) -> None:
    client = connect(sim, request_timeout=30.0)
    sim.call(lambda s: s.freeze())
    outcome: list[BaseException] = []

    def ask() -> None:
        try:
            client.request("GetStats")
        except Exception as exc:
            outcome.append(exc)

    waiter = threading.Thread(target=ask)
    waiter.start()
    time.sleep(0.2)
    dropped_at = time.monotonic()
    sim.run(sim.sim.kill())  # type: ignore[union-attr]
    waiter.join(5.0)
    assert outcome and isinstance(outcome[0], NotConnected)
    assert time.monotonic() - dropped_at < 2.0
    assert client.close_info is not None and client.close_info.failure.kind is FailureKind.CONNECTION_LOST


def test_handler_exceptions_do_not_kill_the_receive_thread(sim: SimulatorThread) -> None:
    seen: list[str] = []

    def broken(event_type: str, data: dict[str, Any]) -> None:
        seen.append(event_type)
        raise RuntimeError("bug in a consumer")

    library_seen: list[object] = []

    def broken_library_callback(event: object) -> None:
        library_seen.append(event)
        raise ValueError("bug in an obs-websocket-py style callback")

    client = connect(sim, on_event=broken)
    client.register(broken_library_callback, obs_events.CurrentProgramSceneChanged)
    try:
        client.request("SetCurrentProgramScene", {"sceneName": "直播中"})
        client.request("SetCurrentProgramScene", {"sceneName": "商品特写"})
        wait_until(lambda: seen.count("CurrentProgramSceneChanged") >= 2, 5)
        wait_until(lambda: len(library_seen) >= 2, 5)
        assert client.request("GetCurrentProgramScene")["currentProgramSceneName"] == "商品特写"
    finally:
        client.close()


def test_high_volume_subscriptions_and_reidentify(sim: SimulatorThread) -> None:
    meters: list[float] = []

    def on_event(event_type: str, data: dict[str, Any]) -> None:
        if event_type == "InputVolumeMeters":
            meters.append(time.monotonic())

    client = connect(sim, subscriptions=int(EventSubscription.ALL), on_event=on_event)
    # A second client that asks for meters: once it has had three, the simulator has sent three rounds of
    # meters to every session that wanted them; a request answered to the first client after that (answers and
    # events travel in order on one socket and are handled on one thread) has brought in whatever was sent to it.
    control: list[float] = []
    witness = connect(
        sim,
        subscriptions=int(EventSubscription.ALL | EventSubscription.INPUT_VOLUME_METERS),
        on_event=lambda event_type, _data: control.append(0) if event_type == "InputVolumeMeters" else None,
    )
    try:
        wait_until(lambda: len(control) >= 3, 5, message="meters to the client that asked for them")
        client.request("GetVersion")
        assert meters == [], "meters are opt-in and were not asked for"
        client.reidentify(int(EventSubscription.ALL | EventSubscription.INPUT_VOLUME_METERS))
        wait_until(lambda: len(meters) >= 10, 5)
    finally:
        witness.close()
        client.close()


def test_ui_events_arrive_unlike_the_library_default(sim: SimulatorThread) -> None:
    seen: list[tuple[str, dict[str, Any]]] = []
    client = connect(sim, on_event=lambda t, d: seen.append((t, d)))
    try:
        client.request("SetStudioModeEnabled", {"studioModeEnabled": True})
        wait_until(lambda: ("StudioModeStateChanged", {"studioModeEnabled": True}) in seen, 5)
    finally:
        client.close()


def test_a_send_racing_the_disconnect_fails_the_request_exactly_once(sim: SimulatorThread) -> None:
    outcomes: list[object] = []
    client = connect(sim)
    sim.run(sim.sim.kill())  # type: ignore[union-attr]
    wait_until(lambda: not client.connected, 5)
    for _ in range(20):
        try:
            client.send_request("GetStats", callback=lambda pending: outcomes.append(pending.error))
        except NotConnected as exc:
            outcomes.append(exc)
    assert len(outcomes) == 20 and all(isinstance(o, NotConnected) for o in outcomes)


def test_a_send_that_would_wait_is_not_made_on_a_thread_that_must_not_block(sim: SimulatorThread) -> None:
    """try_send_request (a caller's GUI thread) sends only what goes out at once: with the send lock held
    elsewhere, or a frame too large to be sure the socket takes it whole, it sends nothing and says so."""
    client = connect(sim)
    answers: list[object] = []
    try:
        with client._send_lock:  # another thread is sending (maybe into a full socket)
            assert client.try_send_request("GetVersion", None, answers.append) is None
        big = {"inputName": "x" * client_module.NONBLOCKING_SEND_MAX}
        assert client.try_send_request("GetInputSettings", big, answers.append) is None
        assert client.oldest_pending() is None and answers == []  # nothing left waiting for an answer
        request_id = client.try_send_request("GetVersion", None, answers.append)
        assert request_id is not None
        wait_until(lambda: len(answers) == 1, 5)
        assert answers[0].reply["responseData"]["obsVersion"] == "29.0.2"  # type: ignore[attr-defined]
    finally:
        client.close()
    with pytest.raises(NotConnected):
        client.try_send_request("GetVersion", None, answers.append)


def test_the_link_socket_sends_small_frames_at_once(sim: SimulatorThread) -> None:
    """websocket-client sets TCP_NODELAY only on sockets it opens; the client opens its own (for its timeouts)."""
    import socket

    client = connect(sim)
    try:
        sock = client.ws.sock
        assert sock is not None and sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
    finally:
        client.close()
