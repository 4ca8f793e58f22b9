"""A hostile server: whatever it sends, the client logs a specific error and the link reconnects."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import json
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterator

import pytest
from websockets.asyncio.server import ServerConnection

import obs.state
from obs import client as client_module
from obs import link as link_module
from obs.client import ObsClient
from obs.errors import ConnectError, FailureKind
from obs.link import ObsLink
from obs.messages import LinkState, ObsEvent
from obs.session import ObsSession
from obs.tracker import ObsTracker
from obs.wire import PROBLEMS
from tests.conftest import LinkHarness
from tests.obs.hostile_obs import DEEP, HELLO, IDENTIFIED, HostileServer, answer, event, scripted_obs

Behaviour = Callable[[ServerConnection], Awaitable[None]]


@pytest.fixture
def hostile() -> Iterator[Callable[[Behaviour], HostileServer]]:
    servers: list[HostileServer] = []

    def start(behaviour: Behaviour) -> HostileServer:
        server = HostileServer(behaviour)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def after_identify(payload: str | bytes) -> Behaviour:
    async def behaviour(connection: ServerConnection) -> None:
        await connection.send(HELLO)
        await connection.recv()
        await connection.send(IDENTIFIED)
        await connection.send(payload)
        await asyncio.sleep(30)

    return behaviour


def wait_for_link_failure(h: LinkHarness) -> str:
    h.wait(
        lambda: (
            h.tracker.status.state is LinkState.RECONNECTING
            and h.tracker.status.failure is not None
            and h.tracker.status.failure.kind is FailureKind.PROTOCOL_ERROR
        ),
        timeout=8,
    )
    failure = h.tracker.status.failure
    assert failure is not None
    return failure.detail


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("{not json", "malformed JSON"),
        (json.dumps({"op": 42, "d": {}}), "unknown op code 42"),
        (json.dumps({"op": 5, "d": "nope"}), "'d' object"),
        (json.dumps({"op": 5, "d": {"eventType": 7, "eventData": {}}}), "wrong field types"),
        (json.dumps([1, 2, 3]), "'d' object"),
        (b"\x00\x01binary", "binary frame"),
        (b"\xff\xfe".decode("latin-1"), "malformed JSON"),
    ],
)
def test_malformed_messages_drop_the_connection_with_a_specific_error(
    hostile: Callable[[Behaviour], HostileServer],
    make_link: Callable[..., LinkHarness],
    payload: str | bytes,
    expected: str,
) -> None:
    server = hostile(after_identify(payload))
    h = make_link(server.port, password="")
    detail = wait_for_link_failure(h)
    assert expected in detail
    # ...and the link keeps trying, on its own thread, without crashing.
    h.wait(lambda: server.connections >= 2, message="a reconnect after the protocol error")
    assert h.link._thread.is_alive()


def test_oversized_message(
    hostile: Callable[[Behaviour], HostileServer],
    make_link: Callable[..., LinkHarness],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(client_module, "MAX_MESSAGE_BYTES", 1000)
    server = hostile(after_identify(json.dumps({"op": 5, "d": {"eventType": "X", "eventData": {"a": "x" * 5000}}})))
    h = make_link(server.port, password="")
    assert "exceeds" in wait_for_link_failure(h)


def test_a_response_to_an_unknown_request_is_ignored(hostile: Callable[[Behaviour], HostileServer]) -> None:
    async def behaviour(connection: ServerConnection) -> None:
        await connection.send(HELLO)
        await connection.recv()
        await connection.send(IDENTIFIED)
        await connection.send(
            json.dumps(
                {
                    "op": 7,
                    "d": {
                        "requestId": "999",
                        "requestType": "GetStats",
                        "requestStatus": {"result": True, "code": 100},
                    },
                }
            )
        )
        request = json.loads(await connection.recv())
        await connection.send(
            json.dumps(
                {
                    "op": 7,
                    "d": {
                        "requestId": request["d"]["requestId"],
                        "requestType": "GetStats",
                        "requestStatus": {"result": True, "code": 100},
                        "responseData": {"cpuUsage": 1.0},
                    },
                }
            )
        )
        await asyncio.sleep(5)

    server = hostile(behaviour)
    client = ObsClient("127.0.0.1", server.port, "")
    client.connect()
    try:
        assert client.request("GetStats", timeout=3) == {"cpuUsage": 1.0}
    finally:
        client.close()


def handshake_failure(server: HostileServer, password: str = "") -> ConnectError:
    client = ObsClient("127.0.0.1", server.port, password, connect_timeout=1.0)
    started = time.monotonic()
    with pytest.raises(ConnectError) as info:
        client.connect()
    assert time.monotonic() - started < 4.0, "the handshake must never hang"
    return info.value


def test_close_in_the_middle_of_the_handshake(hostile: Callable[[Behaviour], HostileServer]) -> None:
    async def behaviour(connection: ServerConnection) -> None:
        await connection.send(HELLO)
        await connection.recv()
        await connection.close(4000, "boom")

    error = handshake_failure(hostile(behaviour))
    assert error.failure.kind is FailureKind.PROTOCOL_ERROR and "4000" in error.failure.detail


def test_dropped_tcp_in_the_middle_of_the_handshake(hostile: Callable[[Behaviour], HostileServer]) -> None:
    async def behaviour(connection: ServerConnection) -> None:
        await connection.send(HELLO)
        connection.transport.abort()

    error = handshake_failure(hostile(behaviour))
    assert error.failure.kind is FailureKind.PROTOCOL_ERROR


def test_first_message_that_is_not_hello(hostile: Callable[[Behaviour], HostileServer]) -> None:
    async def behaviour(connection: ServerConnection) -> None:
        await connection.send(json.dumps({"op": 7, "d": {}}))
        await asyncio.sleep(5)

    error = handshake_failure(hostile(behaviour))
    assert error.failure.kind is FailureKind.NOT_OBS_WEBSOCKET


def test_old_v4_server_is_recognised(hostile: Callable[[Behaviour], HostileServer]) -> None:
    async def behaviour(connection: ServerConnection) -> None:
        # obs-websocket 4.x says nothing until asked, then answers with message-id / status.
        message = json.loads(await connection.recv())
        await connection.send(
            json.dumps({"message-id": message["message-id"], "status": "ok", "obs-websocket-version": "4.9.1"})
        )
        await asyncio.sleep(5)

    error = handshake_failure(hostile(behaviour))
    assert error.failure.kind is FailureKind.LEGACY_V4 and error.failure.permanent
    assert "4.x" in str(error)


def test_plain_http_server_is_not_obs() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]

    def serve_once() -> None:
        conn, _ = listener.accept()
        conn.recv(4096)
        conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        conn.close()

    thread = threading.Thread(target=serve_once, daemon=True)
    thread.start()
    try:
        with pytest.raises(ConnectError) as info:
            ObsClient("127.0.0.1", port, "", connect_timeout=2).connect()
        assert info.value.failure.kind is FailureKind.NOT_OBS_WEBSOCKET
        assert "HTTP 404" in str(info.value)
    finally:
        listener.close()


def test_wrong_hello_types(hostile: Callable[[Behaviour], HostileServer]) -> None:
    async def behaviour(connection: ServerConnection) -> None:
        await connection.send(json.dumps({"op": 0, "d": {"obsWebSocketVersion": "5.1.0", "rpcVersion": "one"}}))
        await asyncio.sleep(5)

    error = handshake_failure(hostile(behaviour))
    assert error.failure.kind is FailureKind.INCOMPATIBLE


# ---------------------------------------------------------------------- a plausible OBS with hostile values
# Issue 14's torture run: each of these killed the link thread for good ("Not connected", Retry did nothing) or
# froze `onair monitor` / `onair check` (the session pump died). Now a bad value is unknown (None) and logged,
# an answer or event that means nothing makes the link reconnect, and no thread dies.

NaN, INF = float("nan"), float("inf")


@pytest.fixture(autouse=True)
def _every_problem_logged() -> None:
    PROBLEMS.reset()  # the log says each kind of problem once per 10 s: once per test here


def _live_threads(link: ObsLink) -> None:
    assert link._thread.is_alive(), "the link thread died"
    assert link.restarts == 0, "the link's own code failed (it restarted itself)"


@pytest.mark.parametrize(
    ("answers", "check"),
    [
        pytest.param({"GetVideoSettings": answer("GetVideoSettings", baseWidth="1920px")}, "video", id="width-1920px"),
        pytest.param({"GetVideoSettings": answer("GetVideoSettings", baseWidth=None)}, "video", id="width-null"),
        pytest.param({"GetVideoSettings": answer("GetVideoSettings", baseWidth=NaN)}, "video", id="width-nan"),
        pytest.param({"GetVideoSettings": answer("GetVideoSettings", baseWidth=INF)}, "video", id="width-inf"),
        pytest.param(
            {
                "GetSceneList": answer(
                    "GetSceneList", scenes=[{"sceneName": "A", "sceneIndex": 0}, {"sceneName": "B", "sceneIndex": "1"}]
                )
            },
            "scenes",
            id="scene-index-string",
        ),
        pytest.param({"GetVersion": answer("GetVersion", availableRequests=[{}])}, "requests", id="requests-objects"),
        pytest.param(
            {"GetCurrentSceneTransition": answer("GetCurrentSceneTransition", transitionDuration=NaN)},
            "duration",
            id="duration-nan",
        ),
        pytest.param({"GetStats": answer("GetStats", cpuUsage=10**400)}, "cpu", id="cpu-10e400"),
        pytest.param({"GetStats": answer("GetStats", cpuUsage=-INF, memoryUsage=1e400)}, "cpu", id="cpu-minus-inf"),
        pytest.param(
            {
                "GetSceneList": json.dumps(
                    {"scenes": [{"sceneName": "\ud800", "sceneIndex": 0}], "currentProgramSceneName": "\ud800"}
                )
            },
            "surrogate",
            id="scene-lone-surrogate",
        ),
    ],
)
def test_a_bad_value_in_the_first_answers_is_unknown_and_the_link_connects(
    hostile: Callable[[Behaviour], HostileServer],
    make_link: Callable[..., LinkHarness],
    caplog: pytest.LogCaptureFixture,
    answers: dict[str, str],
    check: str,
) -> None:
    server = hostile(scripted_obs(answers))
    h = make_link(server.port, password="", poll_interval=0.1)
    h.wait(lambda: h.tracker.status.state is LinkState.CONNECTED and h.tracker.rates is not None, message="connected")
    state = h.tracker.state
    if check == "video":
        assert state.video is None
        assert "baseWidth" in caplog.text  # logged with what was wrong
    elif check == "scenes":
        assert sorted(state.scenes) == ["A", "B"]
        assert "sceneIndex" in caplog.text
    elif check == "requests":
        assert state.available_requests == frozenset()
    elif check == "duration":
        assert state.transition_duration_ms is None and state.transition == "Fade"
    elif check == "cpu":
        assert h.tracker.rates is not None and h.tracker.rates.cpu_pct is None
        assert h.tracker.rates.fps == 30.0  # the rest of the poll is still read
    elif check == "surrogate":
        assert state.scenes == ("\ufffd",) and state.program_scene == "\ufffd"
        "".join(state.scenes).encode("utf-8")  # what Qt and the database can hold
    assert server.connections == 1
    _live_threads(h.link)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        pytest.param({"GetInputList": answer("GetInputList", inputs=5)}, "GetInputList", id="inputs-5"),
        pytest.param({"GetSceneList": answer("GetSceneList", scenes="DEEP")}, "nested deeper", id="scenes-deep"),
        pytest.param({"GetSceneList": answer("GetSceneList", scenes={"a": 1})}, "GetSceneList", id="scenes-object"),
    ],
)
def test_a_first_answer_that_means_nothing_makes_the_link_reconnect_and_say_why(
    hostile: Callable[[Behaviour], HostileServer],
    make_link: Callable[..., LinkHarness],
    answers: dict[str, str],
    expected: str,
) -> None:
    server = hostile(scripted_obs(answers))
    h = make_link(server.port, password="")
    assert expected in wait_for_link_failure(h)
    h.wait(lambda: server.connections >= 2, message="a reconnect")
    _live_threads(h.link)


@pytest.mark.parametrize(
    ("hello", "identified", "kind"),
    [
        pytest.param(
            '{"op": 0, "d": {"obsWebSocketVersion": "5.1.0", "rpcVersion": 1, "x": ' + DEEP + "}}",
            IDENTIFIED,
            FailureKind.NOT_OBS_WEBSOCKET,
            id="hello-100000-deep",
        ),
        pytest.param(
            HELLO,
            '{"op": 2, "d": {"negotiatedRpcVersion": 1, "x": ' + DEEP + "}}",
            FailureKind.NOT_OBS_WEBSOCKET,
            id="identified-100000-deep",
        ),
        pytest.param(
            json.dumps({"op": 0, "d": {"obsWebSocketVersion": "5." + "9" * 5000, "rpcVersion": 1}}),
            IDENTIFIED,
            FailureKind.PROTOCOL_ERROR,
            id="version-5000-digits",
        ),
        pytest.param(
            json.dumps({"op": 0, "d": {"obsWebSocketVersion": "5.1.0", "rpcVersion": 10**400}}),
            IDENTIFIED,
            FailureKind.INCOMPATIBLE,
            id="rpc-version-10e400",
        ),
    ],
)
def test_a_hostile_handshake_is_a_classified_failure_and_the_link_keeps_trying(
    hostile: Callable[[Behaviour], HostileServer],
    make_link: Callable[..., LinkHarness],
    hello: str,
    identified: str,
    kind: FailureKind,
) -> None:
    server = hostile(scripted_obs(hello=hello, identified=identified))
    h = make_link(server.port, password="")
    h.wait(
        lambda: h.tracker.status.failure is not None and h.tracker.status.failure.kind is kind,
        message=f"a {kind.value} failure",
    )
    if kind is not FailureKind.INCOMPATIBLE:
        h.wait(lambda: server.connections >= 2, message="a reconnect")
    _live_threads(h.link)


def test_an_upgrade_dripped_byte_by_byte_times_out_with_the_connect_timeout() -> None:
    """The socket timeout bounds each read: a server answering the upgrade at 1 byte per 0.25 s kept the link
    'connecting' for good. The connect timeout now covers the whole handshake."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    stop = threading.Event()

    def drip() -> None:
        conn, _ = listener.accept()
        request = conn.recv(4096).decode()
        key = next(
            line.split(":", 1)[1].strip()
            for line in request.split("\r\n")
            if line.lower().startswith("sec-websocket-key")
        )
        accept = base64.b64encode(
            hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()
        ).decode()
        answer = (
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Accept: {accept}\r\n\r\n"
        ).encode()
        with contextlib.suppress(OSError):
            for byte in answer:
                if stop.wait(0.25):
                    break
                conn.sendall(bytes([byte]))
        conn.close()

    thread = threading.Thread(target=drip, daemon=True)
    thread.start()
    try:
        started = time.monotonic()
        with pytest.raises(ConnectError) as info:
            ObsClient("127.0.0.1", port, "", connect_timeout=1.0).connect()
        assert time.monotonic() - started < 2.5
        assert info.value.failure.kind is FailureKind.TIMEOUT
        assert "within 1 s" in info.value.failure.detail
    finally:
        stop.set()
        listener.close()
        thread.join(2)


# ---------------------------------------------------------------------- events, through the session pump
def _session(port: int) -> ObsSession:
    return ObsSession(
        "127.0.0.1", port, "", poll_interval=0.1, backoff_initial=0.1, backoff_max=0.5, connect_timeout=2.0
    ).start()


FOLLOW_UP = event("CurrentProgramSceneChanged", {"sceneName": "Talk"})


@pytest.mark.parametrize(
    ("bad", "check"),
    [
        pytest.param(
            event(
                "SceneListChanged",
                {"scenes": [{"sceneName": "X", "sceneIndex": 0}, {"sceneName": "Y", "sceneIndex": "1"}]},
            ),
            lambda s: sorted(s.state.scenes) == ["X", "Y"],
            id="scene-list-string-index",
        ),
        pytest.param(
            event("CurrentSceneTransitionDurationChanged", {"transitionDuration": NaN}),
            lambda s: s.state.transition_duration_ms is None,
            id="duration-nan",
        ),
        pytest.param(
            event("CurrentSceneTransitionDurationChanged", {"transitionDuration": INF}),
            lambda s: s.state.transition_duration_ms is None,
            id="duration-inf",
        ),
        pytest.param(
            event("CurrentSceneTransitionDurationChanged", {"transitionDuration": 10**400}),
            lambda s: s.state.transition_duration_ms is None,
            id="duration-10e400",
        ),
        pytest.param(event("InputVolumeMeters", {"inputs": 5}), lambda s: s._tracker.meters == {}, id="meters-5"),
        pytest.param(
            event("InputVolumeMeters", {"inputs": [{"inputName": "Mic", "inputLevelsMul": [[NaN, 1e400, 0.5]]}]}),
            lambda s: s._tracker.meters == {"Mic": []},
            id="meters-nan",
        ),
        pytest.param(
            event("InputVolumeChanged", {"inputName": "Mic", "inputVolumeMul": "loud", "inputVolumeDb": -INF}),
            lambda s: s.state.input("Mic").volume_mul is None,
            id="volume-string",
        ),
        pytest.param(
            event("SceneCreated", {"sceneName": "\ud800", "isGroup": False}),
            lambda s: s.state.scenes[-1] == "\ufffd",
            id="scene-lone-surrogate",
        ),
    ],
)
def test_a_bad_value_in_an_event_is_unknown_and_the_pump_carries_on(
    hostile: Callable[[Behaviour], HostileServer], bad: str, check: Callable[[ObsSession], bool]
) -> None:
    server = hostile(scripted_obs(events=[bad, FOLLOW_UP]))
    session = _session(server.port)
    try:
        assert session.wait_for(lambda t: t.state.program_scene == "Talk", 10), "the event after the bad one"
        assert check(session)
        assert session.status.state is LinkState.CONNECTED and server.connections == 1
        assert session._pump.is_alive() and session.failures == 0
        _live_threads(session.link)
    finally:
        session.close()


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        pytest.param(event("SceneListChanged", {"scenes": 5}), "SceneListChanged event: scenes", id="scene-list-5"),
        pytest.param(event("CurrentProgramSceneChanged", {"sceneName": 5}), "sceneName: 5", id="program-scene-5"),
        pytest.param(
            event("SceneNameChanged", {"oldSceneName": "Talk", "sceneName": None}), "sceneName: null", id="rename-null"
        ),
        pytest.param(
            event("StreamStateChanged", {"outputActive": "yes", "outputState": "OBS_WEBSOCKET_OUTPUT_STARTED"}),
            "outputActive: 'yes' is not true or false",
            id="stream-active-string",
        ),
        pytest.param(event("CurrentProgramSceneChanged", '{"sceneName": ' + DEEP + "}"), "nested", id="event-deep"),
    ],
)
def test_an_event_that_means_nothing_makes_the_link_read_the_state_again(
    hostile: Callable[[Behaviour], HostileServer], bad: str, expected: str
) -> None:
    server = hostile(scripted_obs(events=[bad]))
    session = _session(server.port)
    seen: list[str] = []

    def failed(t: ObsTracker) -> bool:
        failure = t.status.failure
        if failure is not None and failure.kind is FailureKind.PROTOCOL_ERROR:
            seen.append(failure.detail)
        return bool(seen)

    try:
        assert session.wait_for(failed, 10), "a protocol error"
        assert expected in seen[0]
        assert session.wait_for(lambda t: t.status.state is LinkState.CONNECTED and server.connections >= 2, 10)
        assert session._pump.is_alive()
        _live_threads(session.link)
    finally:
        session.close()


def test_the_link_restarts_itself_after_an_internal_error_and_says_so(
    hostile: Callable[[Behaviour], HostileServer],
    make_link: Callable[..., LinkHarness],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The last net: whatever fails inside the link, the thread lives on, reconnects, and the status says why."""
    real = obs.state.build_state  # what obs.link imported and calls
    calls = []

    def failing_once(*args: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise TypeError("a bug")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(link_module, "build_state", failing_once)
    server = hostile(scripted_obs())
    h = make_link(server.port, password="")
    h.wait(lambda: h.tracker.status.state is LinkState.CONNECTED, message="connected after the restart")
    failures = [s.failure for s in h.statuses if s.failure is not None]
    assert failures and failures[0].kind is FailureKind.LINK_FAILED
    assert "TypeError: a bug" in failures[0].explain() and "restarted" in failures[0].explain()
    assert h.link.restarts == 1 and h.link._thread.is_alive() and server.connections == 2


def test_the_session_pump_survives_an_item_it_cannot_apply_and_asks_for_the_state_again(
    hostile: Callable[[Behaviour], HostileServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = ObsTracker.handle
    failed: list[ObsEvent] = []

    def handle(self: ObsTracker, item: object) -> None:
        if isinstance(item, ObsEvent) and item.event_type == "SceneCreated" and not failed:
            failed.append(item)
            raise KeyError("a bug")
        real(self, item)  # type: ignore[arg-type]

    monkeypatch.setattr(ObsTracker, "handle", handle)
    server = hostile(scripted_obs(events=[event("SceneCreated", {"sceneName": "New", "isGroup": False})]))
    session = _session(server.port)
    try:
        assert session.wait_for(lambda t: server.connections >= 2 and t.status.state is LinkState.CONNECTED, 10)
        assert failed and session.failures == 1 and session._pump.is_alive()
    finally:
        session.close()


def test_an_obs_that_keeps_sending_nonsense_is_retried_less_and_less_often(
    hostile: Callable[[Behaviour], HostileServer], make_link: Callable[..., LinkHarness]
) -> None:
    """Each connection read the whole state again: at a constant 0.5 s that was a full re-read twice a second
    for as long as the OBS misbehaved. Protocol errors right after connecting now back off like failed tries."""
    server = hostile(scripted_obs(events=[json.dumps({"op": 42, "d": {}})]))
    h = make_link(server.port, password="", poll_interval=0.05, backoff_initial=0.1, backoff_max=5.0)

    def waits() -> list[float]:
        return [
            s.retry_at - s.since
            for s in h.statuses
            if s.state is LinkState.RECONNECTING and s.retry_at is not None and s.failure is not None
        ]

    h.wait(lambda: len(waits()) >= 4, message="four reconnects")
    first, *_, fourth = waits()[:4]
    assert fourth > 4 * first  # 0.1, 0.2, 0.4, 0.8 s (±25 %)
    assert all(s.failure.kind is FailureKind.PROTOCOL_ERROR for s in h.statuses if s.failure is not None)
    _live_threads(h.link)
