"""The receive thread reads frames in bulk (obs/client.py `_read_ahead`) and takes a whole text frame without
websocket-client's continuation bookkeeping: whatever way OBS's bytes arrive — many frames in one read, one
frame over many reads, a message in fragments, pings between — every message arrives whole and in order,
and a frame the protocol forbids still ends the connection with a specific error."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from websockets.asyncio.server import ServerConnection

from obs.client import CloseInfo, ObsClient
from obs.errors import FailureKind
from tests.obs.hostile_obs import HELLO, IDENTIFIED, HostileServer, event

Behaviour = Callable[[ServerConnection], Awaitable[None]]


class Received:
    """What the client's receive thread handed on: events in order, and how the connection ended."""

    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, Any]]] = []
        self.closed: CloseInfo | None = None
        self.changed = threading.Condition()

    def on_event(self, event_type: str, data: dict[str, Any]) -> None:
        with self.changed:
            self.events.append((event_type, data))
            self.changed.notify_all()

    def on_close(self, info: CloseInfo) -> None:
        with self.changed:
            self.closed = info
            self.changed.notify_all()

    def wait(self, done: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + 10
        with self.changed:
            while not done():
                left = deadline - time.monotonic()
                assert left > 0, f"timed out waiting for {what}; events so far: {[e[0] for e in self.events]}"
                self.changed.wait(left)


@pytest.fixture
def connect() -> Iterator[Callable[[Behaviour], tuple[ObsClient, Received]]]:
    servers: list[HostileServer] = []
    clients: list[ObsClient] = []

    def start(behaviour: Behaviour) -> tuple[ObsClient, Received]:
        server = HostileServer(behaviour)
        servers.append(server)
        received = Received()
        client = ObsClient("127.0.0.1", server.port, "", on_event=received.on_event, on_close=received.on_close)
        clients.append(client)
        client.connect()
        return client, received

    yield start
    for client in clients:
        client.close()
    for server in servers:
        server.close()


def identified_then(send: Callable[[ServerConnection], Awaitable[None]]) -> Behaviour:
    async def behaviour(connection: ServerConnection) -> None:
        await connection.send(HELLO)
        await connection.recv()
        await connection.send(IDENTIFIED)
        await send(connection)
        await asyncio.sleep(30)

    return behaviour


def custom(n: int, **data: Any) -> str:
    return event("CustomEvent", {"n": n, **data})


def test_a_burst_of_frames_and_a_large_one_arrive_whole_and_in_order(
    connect: Callable[[Behaviour], tuple[ObsClient, Received]],
) -> None:
    # 300 frames written back to back (many land in one read of the socket), a 3 MB one among them (it spans
    # many reads), then more small ones: each one is handed on whole, in the order OBS sent it.
    big = "x" * (3 * 1024 * 1024)

    async def send(connection: ServerConnection) -> None:
        for n in range(150):
            await connection.send(custom(n))
        await connection.send(custom(150, picture=big))
        for n in range(151, 300):
            await connection.send(custom(n))

    _client, received = connect(identified_then(send))
    received.wait(lambda: len(received.events) >= 300, "300 events")
    assert [data["n"] for _type, data in received.events] == list(range(300))
    assert received.events[150][1]["picture"] == big
    assert received.closed is None


def test_a_message_in_fragments_is_read_as_one(connect: Callable[[Behaviour], tuple[ObsClient, Received]]) -> None:
    # obs-websocket sends each message in one frame, but WebSocket allows any message in fragments.
    async def send(connection: ServerConnection) -> None:
        text = custom(1, note="in three parts")
        await connection.send([text[:10], text[10:25], text[25:]])
        await connection.send(custom(2))

    _client, received = connect(identified_then(send))
    received.wait(lambda: len(received.events) >= 2, "two events")
    assert [data for _type, data in received.events] == [{"n": 1, "note": "in three parts"}, {"n": 2}]
    assert received.closed is None


def test_a_ping_from_obs_is_answered_and_the_messages_go_on(
    connect: Callable[[Behaviour], tuple[ObsClient, Received]],
) -> None:
    ponged: list[bool] = []

    async def send(connection: ServerConnection) -> None:
        await connection.send(custom(1))
        pong = await connection.ping(b"are you there")
        await asyncio.wait_for(pong, 5)
        ponged.append(True)
        await connection.send(custom(2))

    _client, received = connect(identified_then(send))
    received.wait(lambda: len(received.events) >= 2, "the event after the ping")
    assert ponged == [True], "the console answered OBS's ping"
    assert [data["n"] for _type, data in received.events] == [1, 2]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"\x80\x02hi", "invalid WebSocket frame"),  # a continuation frame with no message begun
        (b"\x89\x7e\x00\x80" + b"p" * 128, "invalid WebSocket frame"),  # a ping longer than 125 bytes
        (b"\xc1\x02{}", "invalid WebSocket frame"),  # a reserved bit set, no extension agreed
    ],
)
def test_a_frame_the_protocol_forbids_ends_the_connection_with_a_specific_error(
    connect: Callable[[Behaviour], tuple[ObsClient, Received]], raw: bytes, expected: str
) -> None:
    async def send(connection: ServerConnection) -> None:
        await connection.send(custom(1))
        connection.transport.write(raw)  # below the server library, which would refuse to send it

    client, received = connect(identified_then(send))
    received.wait(lambda: received.closed is not None, "the connection to end")
    assert received.closed is not None
    assert received.closed.failure.kind is FailureKind.PROTOCOL_ERROR
    assert expected in received.closed.failure.detail
    assert [data["n"] for _type, data in received.events] == [1]
    assert not client.connected


def test_a_server_that_closes_the_socket_mid_frame_is_a_lost_connection(
    connect: Callable[[Behaviour], tuple[ObsClient, Received]],
) -> None:
    async def send(connection: ServerConnection) -> None:
        await connection.send(custom(1))
        connection.transport.write(b"\x81\x7e\x01\x00" + b"{" * 20)  # 256 bytes announced, 20 sent
        connection.transport.close()

    _client, received = connect(identified_then(send))
    received.wait(lambda: received.closed is not None, "the connection to end")
    assert received.closed is not None
    assert received.closed.failure.kind is FailureKind.CONNECTION_LOST
    assert [data["n"] for _type, data in received.events] == [1]


def test_pictures_and_small_frames_parse_to_what_the_careful_parser_gives() -> None:
    from obs.wire import PLAIN_SCAN_MAX, parse_careful, parse_frame

    picture = "data:image/jpeg;base64," + "QUJDRGUxMjM0" * (PLAIN_SCAN_MAX // 8)
    for frame in (
        json.dumps({"op": 7, "d": {"responseData": {"imageData": picture, "n": 1e300, "i": 2**70}}}),
        json.dumps({"op": 5, "d": {"eventData": {"v": [0.5, 1, "NaN"]}}}),
        ' {"op": 5} ',
    ):
        assert parse_frame(frame.encode()) == parse_careful(frame)
