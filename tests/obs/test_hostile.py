"""A hostile server: whatever it sends, the client logs a specific error and the link reconnects."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterator

import pytest
from websockets.asyncio.server import ServerConnection, serve

from obs import client as client_module
from obs.client import ObsClient
from obs.errors import ConnectError, FailureKind
from obs.messages import LinkState
from tests.conftest import LinkHarness

HELLO = json.dumps({"op": 0, "d": {"obsWebSocketVersion": "5.1.0", "rpcVersion": 1}})
IDENTIFIED = json.dumps({"op": 2, "d": {"negotiatedRpcVersion": 1}})

Behaviour = Callable[[ServerConnection], Awaitable[None]]


class HostileServer:
    """A websockets server on its own loop whose every connection runs `behaviour`."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.connections = 0
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.port = asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(5)

    async def _start(self) -> int:
        async def handler(connection: ServerConnection) -> None:
            self.connections += 1
            await self.behaviour(connection)

        self.server = await serve(handler, "127.0.0.1", 0, ping_interval=None)
        return int(next(iter(self.server.sockets)).getsockname()[1])

    def close(self) -> None:
        async def stop() -> None:
            self.server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(stop(), self.loop).result(5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


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
