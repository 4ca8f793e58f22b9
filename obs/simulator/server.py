"""A real obs-websocket v5 server (websockets/asyncio) over the simulated room, with scripted faults."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import logging
import secrets
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine, Generator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import msgpack
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from obs.clock import MONOTONIC, Clock
from obs.protocol import (
    RPC_VERSION,
    CloseCode,
    EventSubscription,
    OpCode,
    OutputState,
    auth_response,
    event_category,
)
from obs.protocol import RequestStatus as S
from obs.simulator.handlers import HANDLERS, NO_REQUEST_DATA, RequestFailure, connected
from obs.simulator.room import FAULTS, Room, live_commerce_room

LOG = logging.getLogger(__name__)
T = TypeVar("T")

METER_INTERVAL = 0.05  # obs-websocket sends InputVolumeMeters every 50 ms
RECONNECT_RETRY_S = 2.0  # OBS tries the stream again 2 s after it dropped (Output ▸ RetryDelay, 2 s by default)
AUDIENCE_INTERVAL = 5.0  # the demo audience, like a platform API polled every few seconds
#: A client that stops reading is not allowed to make the server hoard messages for it.
MAX_QUEUED = 5000
IDENTIFIED = {"op": int(OpCode.IDENTIFIED), "d": {"negotiatedRpcVersion": RPC_VERSION}}

JSON_PROTOCOL = "obswebsocket.json"
MSGPACK_PROTOCOL = "obswebsocket.msgpack"

#: RequestBatchExecutionType values (obs-websocket 5.1.0).
SERIAL_REALTIME, SERIAL_FRAME, PARALLEL = 0, 1, 2

Close = tuple[int, str]

#: obs-websocket answers a request on its worker thread while OBS's signals reach clients through another, so
#: the events a request causes normally follow its response. These come first, as measured on OBS 29.0.2:
#: the transition starts inside the (blocking) scene switch, and studio mode is toggled on the UI thread
#: before SetStudioModeEnabled returns. (A batch's response waits for all its requests: its events precede it.)
EARLY_EVENTS = frozenset({"SceneTransitionStarted"})
EARLY_REQUESTS = frozenset({"SetStudioModeEnabled"})


def select_subprotocol(connection: ServerConnection, offered: Sequence[Subprotocol]) -> Subprotocol | None:
    """obs-websocket takes the first of the client's offers it knows; none known (or none offered) is JSON."""
    return next((p for p in offered if p in (JSON_PROTOCOL, MSGPACK_PROTOCOL)), None)


def _reject_constant(name: str) -> Any:
    # obs-websocket's JSON parser (nlohmann) does not accept NaN/Infinity; Python's would.
    raise ValueError(f"invalid literal {name}")


def _is_unsigned(value: Any) -> bool:
    """nlohmann's is_number_unsigned: a non-negative integer as written (1.0 and true are not)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


@dataclass(eq=False)
class Session:
    connection: ServerConnection
    identified: bool = False
    #: obs-websocket's default until Identify says otherwise: every non-high-volume category.
    subscriptions: int = int(EventSubscription.ALL)
    incoming: int = 0
    outgoing: int = 0
    msgpack: bool = False
    queue: asyncio.Queue[str | bytes | None] = field(default_factory=asyncio.Queue)

    def encode(self, message: dict[str, Any]) -> str | bytes:
        if self.msgpack:
            return msgpack.packb(message, use_bin_type=True)  # type: ignore[no-any-return]
        return json.dumps(message, ensure_ascii=False)


class ObsSimulator:
    """The simulated OBS. Use `SimulatorThread` to run it beside synchronous code."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        password: str | None = None,
        room_factory: Callable[[float, int | None], Room] = live_commerce_room,
        seed: int | None = None,
        clock: Clock = MONOTONIC,
    ) -> None:
        self.host = host
        #: OBS's time (obs/clock.py): the room's counters, its faults' timing and its delayed actions follow it.
        self.clock = clock
        self.port = port
        self.password = password
        self.seed = seed
        self.room_factory = room_factory
        self.room = room_factory(clock.now(), seed)
        self._next_audience = clock.now() + AUDIENCE_INTERVAL
        #: A manual clock's: the loop the simulator runs on, the time its meters were sent up to, and what
        #: delayed actions wait on (replaced at each advance).
        self._loop: asyncio.AbstractEventLoop | None = None
        self._meters_at = clock.now()
        self._clock_moved = asyncio.Event()
        self.sessions: set[Session] = set()
        self.current_session: Session | None = None
        self._server: Server | None = None
        self._awake = asyncio.Event()
        self._awake.set()
        self._frozen_since: float | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self.requests_handled = 0
        #: Requests handled, by type (what a client asked of OBS: tests count pictures asked for).
        self.requests_by_type: collections.Counter[str] = collections.Counter()
        #: The batch execution type of the request being run (None: a single request), for Sleep.
        self.execution_type: int | None = None
        #: Events a single request causes wait here until its response is queued (see EARLY_EVENTS).
        self._deferred: list[tuple[str, dict[str, Any]]] | None = None
        self._running_request = ""
        #: obs-websocket makes one salt per server start (and a challenge per session).
        self.salt = secrets.token_urlsafe(24)

    # ------------------------------------------------------------------ Host protocol for handlers
    def now(self) -> float:
        return self.clock.now()

    def emit(self, event_type: str, data: dict[str, Any]) -> None:
        if self._deferred is not None and not (event_type in EARLY_EVENTS or self._running_request in EARLY_REQUESTS):
            self._deferred.append((event_type, data))
            return
        bit = int(event_category(event_type))
        message = {"op": int(OpCode.EVENT), "d": {"eventType": event_type, "eventIntent": bit, "eventData": data}}
        # Encoded once per encoding, as obs-websocket does: meters go to every session 20 times a second.
        encoded: dict[bool, str | bytes] = {}
        for session in self.sessions:
            if session.identified and session.subscriptions & bit:
                if session.msgpack not in encoded:
                    encoded[session.msgpack] = session.encode(message)
                self._enqueue(session, encoded[session.msgpack], droppable=bit >= EventSubscription.INPUT_VOLUME_METERS)

    def later(self, delay: float, action: Callable[[], None]) -> None:
        async def run() -> None:
            await self.sleep(delay)
            await self._awake.wait()
            action()

        self._spawn(run())

    async def sleep(self, delay: float) -> None:
        """Wait `delay` seconds of OBS's time: real seconds, or until a manual clock has been advanced past them."""
        if self.clock.real:
            await asyncio.sleep(delay)
            return
        due = self.clock.now() + delay
        while self.clock.now() < due:
            await self._clock_moved.wait()

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> None:
        self._server = await serve(
            self._serve_connection,
            self.host,
            self.port,
            ping_interval=None,
            max_size=16 * 1024 * 1024,
            select_subprotocol=select_subprotocol,
        )
        sock = next(iter(self._server.sockets))
        self.port = sock.getsockname()[1]
        if self._loop is None:
            self._loop = asyncio.get_running_loop()
            self.clock.on_advance(self._clock_advanced)
        if not any(t.get_name() == "meters" for t in self._tasks):
            self._spawn(self._meter_loop(), name="meters")
        LOG.info("OBS simulator listening on ws://%s:%s", self.host, self.port)

    async def stop(self) -> None:
        self.clock.off_advance(self._clock_advanced)
        self._loop = None
        for task in list(self._tasks):
            task.cancel()
        await self._close_listener()
        for session in list(self.sessions):
            session.connection.transport.abort()

    async def _close_listener(self) -> None:
        """Stop listening (the port is free at once); open connections are left to the caller."""
        if self._server is not None:
            self._server.close(close_connections=False)
            self._server = None
            await asyncio.sleep(0)

    def _spawn(self, coro: Coroutine[Any, Any, Any], name: str | None = None) -> None:
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # ------------------------------------------------------------------ sessions
    def _enqueue(self, session: Session, message: str | bytes, droppable: bool = False) -> None:
        if session.queue.qsize() >= MAX_QUEUED and droppable:
            return
        session.outgoing += 1
        session.queue.put_nowait(message)

    async def _writer(self, session: Session) -> None:
        while True:
            message = await session.queue.get()
            if message is None:
                return
            await session.connection.send(message)

    async def _serve_connection(self, connection: ServerConnection) -> None:
        await self._awake.wait()  # a frozen OBS never says Hello
        session = Session(connection, msgpack=connection.subprotocol == MSGPACK_PROTOCOL)
        self.sessions.add(session)
        writer = asyncio.get_running_loop().create_task(self._writer(session))
        # obs-websocket keeps one salt per server start and makes a challenge per session.
        salt, challenge = self.salt, secrets.token_urlsafe(24)
        hello: dict[str, Any] = {"obsWebSocketVersion": self.room.obs_websocket_version, "rpcVersion": RPC_VERSION}
        if self.password:
            hello["authentication"] = {"challenge": challenge, "salt": salt}
        self._enqueue(session, session.encode({"op": int(OpCode.HELLO), "d": hello}))
        try:
            async for raw in connection:
                await self._awake.wait()
                session.incoming += 1
                problem = await self._handle_message(session, raw, salt, challenge)
                if problem is not None:
                    code, reason = problem
                    session.queue.put_nowait(None)
                    await writer
                    await connection.close(code, reason)
                    break
        except ConnectionClosed:
            pass
        finally:
            self.sessions.discard(session)
            writer.cancel()

    def _reply(self, session: Session, message: dict[str, Any]) -> None:
        self._enqueue(session, session.encode(message))

    async def _handle_message(self, session: Session, raw: str | bytes, salt: str, challenge: str) -> Close | None:
        """Handle one client message the way obs-websocket 5.1.0 does; return (close code, reason) to end it."""
        message, problem = self._decode(session, raw)
        if problem is None:
            problem = self._check_envelope(session, message)
        if problem is not None:
            return problem
        op = int(message["op"]) & 0xFF  # obs-websocket reads the op as an 8-bit unsigned number
        data: dict[str, Any] = message["d"]
        if op == OpCode.IDENTIFY:
            return self._identify(session, data, salt, challenge)
        handler = _OP_HANDLERS.get(op)
        if handler is None:
            return CloseCode.UNKNOWN_OP_CODE, f"Unknown OpCode: {op}"
        return handler(self, session, data)

    @staticmethod
    def _decode(session: Session, raw: str | bytes) -> tuple[Any, Close | None]:
        """The message in the session's encoding, or why it cannot be read."""
        if session.msgpack:
            if not isinstance(raw, bytes):
                return None, (
                    CloseCode.MESSAGE_DECODE_ERROR,
                    "Your session encoding is set to MsgPack, but a text message was received.",
                )
            try:
                return msgpack.unpackb(raw, raw=False), None
            except Exception as exc:  # msgpack raises several unrelated types for malformed input
                return None, (CloseCode.MESSAGE_DECODE_ERROR, f"Unable to decode MsgPack: {exc}")
        if isinstance(raw, bytes):
            return None, (
                CloseCode.MESSAGE_DECODE_ERROR,
                "Your session encoding is set to Json, but a binary message was received.",
            )
        try:
            return json.loads(raw, parse_constant=_reject_constant), None
        except ValueError as exc:
            return None, (CloseCode.MESSAGE_DECODE_ERROR, f"Unable to decode Json: {exc}")

    @staticmethod
    def _check_envelope(session: Session, message: Any) -> Close | None:
        """Check the `op`/`d` envelope in obs-websocket's order, before any op is looked at."""
        if not isinstance(message, dict):
            return CloseCode.MESSAGE_DECODE_ERROR, "You sent a non-object payload."
        if not session.identified and "request-type" in message:
            return (
                CloseCode.UNSUPPORTED_RPC_VERSION,
                "You appear to be attempting to connect with the pre-5.0.0 plugin protocol. "
                "Check to make sure your client is updated.",
            )
        if "op" not in message:
            return CloseCode.UNKNOWN_OP_CODE, "Your request is missing an `op`."
        if not _is_number(message["op"]):
            return CloseCode.UNKNOWN_OP_CODE, "Your `op` is not a number."
        data = message.get("d")
        if data is None:
            return CloseCode.MISSING_DATA_FIELD, "Your payload is missing data (`d`)."
        if not isinstance(data, dict):
            return CloseCode.INVALID_DATA_FIELD_TYPE, "Your payload's data (`d`) is not an object."
        if not session.identified and int(message["op"]) & 0xFF != OpCode.IDENTIFY:
            return CloseCode.NOT_IDENTIFIED, "You attempted to send a non-Identify message while not identified."
        return None

    def _reidentify(self, session: Session, data: dict[str, Any]) -> Close | None:
        problem = self._set_subscriptions(session, data)
        if problem is None:
            self._reply(session, IDENTIFIED)
        return problem

    @staticmethod
    def _set_subscriptions(session: Session, data: dict[str, Any]) -> Close | None:
        if "eventSubscriptions" in data:
            subscriptions = data["eventSubscriptions"]
            if not _is_unsigned(subscriptions):
                return CloseCode.INVALID_DATA_FIELD_TYPE, "Your `eventSubscriptions` is not an unsigned number."
            session.subscriptions = subscriptions
        return None

    def _identify(self, session: Session, data: dict[str, Any], salt: str, challenge: str) -> Close | None:
        if session.identified:
            return CloseCode.ALREADY_IDENTIFIED, "You are already Identified with the obs-websocket server."
        if self.password:
            if "authentication" not in data:
                return (
                    CloseCode.AUTHENTICATION_FAILED,
                    "Your payload's data is missing an `authentication` string, however authentication is required.",
                )
            given = data["authentication"]
            if not isinstance(given, str) or given != auth_response(self.password, salt, challenge):
                return CloseCode.AUTHENTICATION_FAILED, "Authentication failed."
        if "rpcVersion" not in data:
            return CloseCode.MISSING_DATA_FIELD, "Your payload's data is missing an `rpcVersion`."
        rpc = data["rpcVersion"]
        if not _is_unsigned(rpc):
            return CloseCode.INVALID_DATA_FIELD_TYPE, "Your `rpcVersion` is not an unsigned number."
        if rpc & 0xFF != RPC_VERSION:  # read as an 8-bit number, like the op
            return CloseCode.UNSUPPORTED_RPC_VERSION, "Your requested RPC version is not supported by this server."
        problem = self._set_subscriptions(session, data)
        if problem is not None:
            return problem
        session.identified = True
        self._reply(session, IDENTIFIED)
        return None

    def _request(self, session: Session, data: dict[str, Any]) -> Close | None:
        if "requestId" not in data:
            return CloseCode.MISSING_DATA_FIELD, "Your payload data is missing a `requestId`."
        if "requestType" not in data:
            return CloseCode.MISSING_DATA_FIELD, "Your payload's data is missing an `requestType`."
        if not isinstance(data["requestType"], str):
            return CloseCode.INVALID_DATA_FIELD_TYPE, "Your `requestType` is not a string."
        response: dict[str, Any] = {"requestType": data["requestType"], "requestId": data["requestId"]}
        self._deferred, self._running_request = [], data["requestType"]
        try:
            response.update(self._run_request(session, data["requestType"], data.get("requestData"), None))
        finally:
            deferred, self._deferred, self._running_request = self._deferred, None, ""
        self._reply(session, {"op": int(OpCode.REQUEST_RESPONSE), "d": response})
        for event in deferred or ():
            self.emit(*event)
        return None

    def _run_request(
        self, session: Session, request_type: str, request_data: Any, execution: int | None
    ) -> dict[str, Any]:
        """Run one request; return its requestStatus and responseData (`execution` None: not in a batch)."""
        self.requests_handled += 1
        self.requests_by_type[request_type] += 1
        response: dict[str, Any] = {}
        if request_type == "":
            status = self._status(S.MISSING_REQUEST_TYPE, "Your request's `requestType` may not be empty.")
        elif (handler := HANDLERS.get(request_type)) is None:
            status = self._status(S.UNKNOWN_REQUEST_TYPE, "Your request type is not valid.")
        else:
            self.current_session = session
            self.execution_type = execution
            try:
                result = handler(self, request_data if isinstance(request_data, dict) else NO_REQUEST_DATA)
                status = self._status(S.SUCCESS)
                if result:
                    response["responseData"] = result
            except RequestFailure as failure:
                status = self._status(failure.code, failure.comment)
            finally:
                self.current_session = None
                self.execution_type = None
        response["requestStatus"] = status
        return response

    @staticmethod
    def _status(code: int, comment: str = "") -> dict[str, Any]:
        status: dict[str, Any] = {"result": code == S.SUCCESS, "code": int(code)}
        if comment:  # obs-websocket leaves `comment` out when it has none
            status["comment"] = comment
        return status

    def _batch(self, session: Session, data: dict[str, Any]) -> Close | None:
        if "requestId" not in data:
            return CloseCode.MISSING_DATA_FIELD, "Your payload data is missing a `requestId`."
        options = _batch_options(data)
        if not isinstance(options, _BatchOptions):
            return options
        # An entry that is not an object, or whose requestType is not a string, runs as requestType "" (203).
        requests = [r if isinstance(r, dict) else {} for r in data["requests"]]
        steps = self._batch_steps(session, requests, options.execution, options.variables, options.halt)
        request_id = data["requestId"]
        if options.execution == SERIAL_FRAME or any(r.get("requestType") == "Sleep" for r in requests):
            # obs-websocket runs each message on a worker thread: a sleeping batch does not hold others up.
            self._spawn(self._finish_batch_later(session, request_id, steps))
        else:
            try:
                while True:
                    next(steps)
            except StopIteration as done:
                self._batch_response(session, request_id, done.value)
        return None

    def _batch_response(self, session: Session, request_id: Any, results: list[dict[str, Any]]) -> None:
        self._reply(
            session, {"op": int(OpCode.REQUEST_BATCH_RESPONSE), "d": {"requestId": request_id, "results": results}}
        )

    async def _finish_batch_later(
        self, session: Session, request_id: Any, steps: Generator[float, None, list[dict[str, Any]]]
    ) -> None:
        try:
            while True:
                delay = next(steps)
                await asyncio.sleep(delay)
                await self._awake.wait()
        except StopIteration as done:
            if session in self.sessions:
                self._batch_response(session, request_id, done.value)

    def _batch_steps(
        self,
        session: Session,
        requests: list[dict[str, Any]],
        execution: int,
        variables: dict[str, Any],
        halt: bool,
    ) -> Generator[float, None, list[dict[str, Any]]]:
        """Run a batch's requests in order, yielding the seconds to wait where a Sleep (or a frame) says so."""
        results: list[dict[str, Any]] = []
        frame = 1.0 / self.room.fps_value
        if execution == SERIAL_FRAME:
            yield frame  # SerialFrame batches start on the next video frame
        for entry in requests:
            request_type = entry.get("requestType")
            if not isinstance(request_type, str):
                request_type = ""
            request_data = _with_input_variables(entry.get("requestData"), entry.get("inputVariables"), variables)
            result: dict[str, Any] = {"requestType": request_type}
            if entry.get("requestId") is not None:
                result["requestId"] = entry["requestId"]
            result.update(self._run_request(session, request_type, request_data, execution))
            results.append(result)
            _store_output_variables(entry.get("outputVariables"), result.get("responseData"), variables)
            succeeded = result["requestStatus"]["result"]
            if halt and not succeeded:
                break
            if succeeded and request_type == "Sleep" and isinstance(request_data, dict):
                wait = _sleep_seconds(request_data, execution, frame)
                if wait is not None:
                    yield wait
        return results

    # ------------------------------------------------------------------ periodic
    async def _meter_loop(self) -> None:
        if not self.clock.real:
            return  # a manual clock's meters are sent as it advances (_manual_clock_moved)
        next_at = time.monotonic()  # the meters' pace is real: 20 a second, as obs-websocket sends them
        while True:
            next_at += METER_INTERVAL
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))
            if not self._awake.is_set():
                await self._awake.wait()
                next_at = time.monotonic()
                continue
            now = self.now()
            self.room.tick(now)
            self._periodic(now)

    def _periodic(self, now: float) -> None:
        """What obs-websocket sends unasked every 50 ms: the meters; and every few seconds the demo audience."""
        if any(s.subscriptions & EventSubscription.INPUT_VOLUME_METERS for s in self.sessions):
            self.emit("InputVolumeMeters", {"inputs": self.room.meter_levels(now)})
        if now >= self._next_audience:
            # The demo room's audience travels as obs-websocket's own CustomEvent (what a plugin or
            # BroadcastCustomEvent would send), so it reaches the console through the real protocol.
            self._next_audience = now + AUDIENCE_INTERVAL
            self.emit("CustomEvent", {"eventData": self.room.audience()})

    def _clock_advanced(self) -> None:
        """A manual clock moved on (called on the advancing thread): catch up on the loop. Queued before the
        clients' links are told, so the time's meters go out before the answer to the poll it brings."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._manual_clock_moved)

    def _manual_clock_moved(self) -> None:
        """On the loop: the meters of the time the clock moved over (20 a second, none while frozen), then wake
        the delayed actions (`sleep`)."""
        now = self.now()
        if self._awake.is_set():
            self.room.tick(now)
            t = self._meters_at
            while t + METER_INTERVAL <= now + 1e-9:
                t += METER_INTERVAL
                self._periodic(t)
        self._meters_at = now
        moved, self._clock_moved = self._clock_moved, asyncio.Event()
        moved.set()

    # ------------------------------------------------------------------ faults (call on the loop)
    def inject(self, fault: str, strength: float = 1.0) -> None:
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; known: {', '.join(sorted(FAULTS))}")
        self.room.tick(self.now())
        self.room.faults[fault] = strength
        if fault == "low-disk":
            self.room.disk_free_mb = 800.0
        if fault == "black-camera":
            camera = self.room.inputs.get(self.room.camera_name)
            if camera is not None and camera.video_active:
                camera.video_active = False
                self.emit("InputActiveStateChanged", {"inputName": camera.name, "videoActive": False})

    def clear(self, fault: str | None = None) -> None:
        self.room.tick(self.now())
        names = [fault] if fault else list(self.room.faults)
        for name in names:
            self.room.faults.pop(name, None)
            if name == "frozen-camera":
                self.room.frozen_frame_time = None
            if name == "low-disk":
                self.room.disk_free_mb = 180_000.0
            if name == "stream-connect-slow":
                connected(self, "stream", self.room.stream)
            if name == "black-camera":
                camera = self.room.inputs.get(self.room.camera_name)
                if camera is not None and not camera.video_active:
                    camera.video_active = True
                    self.emit("InputActiveStateChanged", {"inputName": camera.name, "videoActive": True})

    def freeze(self) -> None:
        """Stop answering anything, as a SIGSTOPped OBS does."""
        if self._awake.is_set():
            self.room.tick(self.now())
            self._frozen_since = self.now()
            self._awake.clear()

    def thaw(self) -> None:
        if self._frozen_since is None:
            return
        frozen_for = self.now() - self._frozen_since
        self._frozen_since = None
        # The compositor missed every frame while stopped: OBS counts them as render lag afterwards.
        self.room.tick(self.now())
        self.room.render_skipped += frozen_for * self.room.fps_value
        self._awake.set()

    def stream_reconnect(self, outage: float = 2.0) -> None:
        """The stream's connection drops and OBS reconnects by itself after `outage` seconds."""
        room = self.room
        if not room.stream.active or room.stream.reconnecting:
            return
        room.tick(self.now())
        room.stream.reconnecting = True
        self.emit(*room.output_event("stream", OutputState.RECONNECTING))

        def retry() -> None:
            if room.stream.active and room.stream.reconnecting:
                room.stream_retry()

        # OBS 29 tries again 2 s after the drop (RetryDelay 2): from that try on its stream status counts the new
        # connection's bytes and drops from 0, while it keeps the old total of frames and the last congestion.
        self.later(min(RECONNECT_RETRY_S, outage), retry)

        def back() -> None:
            if room.stream.active and room.stream.reconnecting:
                room.tick(self.now())
                room.stream_reconnected(self.now())
                self.emit(*room.output_event("stream", OutputState.RECONNECTED))

        self.later(outage, back)

    async def quit_obs(self) -> None:
        """OBS exits cleanly: removals, ExitStarted, close 1001; the port stops listening."""
        await self._close_listener()
        for event_type, data in self.room.removal_events():
            self.emit(event_type, data)
        self.emit("ExitStarted", {})
        for session in list(self.sessions):
            session.queue.put_nowait(None)
        await asyncio.sleep(0.05)
        for session in list(self.sessions):
            with contextlib.suppress(Exception):
                await session.connection.close(1001, "Server stopping.")

    async def restart(self, fresh: bool = True, up_for: float = 0.0) -> None:
        """OBS started again on the same port (with its saved scene collection: a fresh room). `up_for`: it started
        that long ago and is heard only now (its counters, GetStats renderTotalFrames among them, are that long's)."""
        await self._close_listener()
        if fresh:
            self.room = self.room_factory(self.now() - up_for, self.seed)
        await self.start()

    async def kill(self) -> None:
        """OBS killed: connections drop without a close frame; the port stops listening."""
        await self._close_listener()
        for session in list(self.sessions):
            transport = session.connection.transport
            transport.abort()


_OP_HANDLERS: dict[int, Callable[[ObsSimulator, Session, dict[str, Any]], Close | None]] = {
    OpCode.REIDENTIFY: ObsSimulator._reidentify,
    OpCode.REQUEST: ObsSimulator._request,
    OpCode.REQUEST_BATCH: ObsSimulator._batch,
}
"""What each identified op does (Identify itself also needs the session's salt and challenge)."""


@dataclass
class _BatchOptions:
    execution: int
    variables: dict[str, Any]
    halt: bool


def _batch_options(data: dict[str, Any]) -> _BatchOptions | Close:
    """A batch's executionType, variables and haltOnFailure, checked in obs-websocket's order."""
    execution = SERIAL_REALTIME
    if data.get("executionType") is not None:
        if not _is_unsigned(data["executionType"]):
            return CloseCode.INVALID_DATA_FIELD_TYPE, "Your `executionType` is not a number."
        execution = data["executionType"] & 0xFF  # read as an 8-bit number
        if execution not in (SERIAL_REALTIME, SERIAL_FRAME, PARALLEL):
            return CloseCode.INVALID_DATA_FIELD_VALUE, "Your `executionType` has an invalid value."
    variables = data.get("variables")
    if variables is not None and execution == PARALLEL:
        # (5.1.0 means to reject a non-object `variables` with 4004 but tests the wrong value: it never does.)
        return CloseCode.UNSUPPORTED_FEATURE, "Variables are not supported in Parallel mode."
    halt = False
    if data.get("haltOnFailure") is not None:
        if not isinstance(data["haltOnFailure"], bool):
            return CloseCode.INVALID_DATA_FIELD_TYPE, "Your `haltOnFailure` is not a boolean."
        halt = data["haltOnFailure"]
    if "requests" not in data:
        return CloseCode.MISSING_DATA_FIELD, "Your payload data is missing a `requests`."
    if not isinstance(data["requests"], list):
        return CloseCode.INVALID_DATA_FIELD_TYPE, "Your `requests` is not an array."
    return _BatchOptions(execution, variables if isinstance(variables, dict) else {}, halt)


def _with_input_variables(request_data: Any, inputs: Any, variables: dict[str, Any]) -> Any:
    """The request's data with the batch variables its `inputVariables` name filled in."""
    if not (variables and isinstance(inputs, dict) and inputs):
        return request_data
    filled = dict(request_data) if isinstance(request_data, dict) else {}
    for key, name in inputs.items():
        if isinstance(name, str) and name in variables:
            filled[key] = variables[name]
    return filled or None


def _store_output_variables(outputs: Any, response: Any, variables: dict[str, Any]) -> None:
    """Keep the response fields the request's `outputVariables` name as batch variables."""
    if not (isinstance(outputs, dict) and response):
        return
    for key, name in outputs.items():
        if isinstance(name, str) and name in response:
            variables[key] = response[name]


def _sleep_seconds(request_data: dict[str, Any], execution: int, frame: float) -> float | None:
    """How long a successful Sleep holds its batch (Parallel batches do not wait)."""
    if execution == SERIAL_REALTIME:
        return float(request_data["sleepMillis"]) / 1000.0
    if execution == SERIAL_FRAME:
        return float(request_data["sleepFrames"]) * frame
    return None


class SimulatorThread:
    """Runs an ObsSimulator on its own event loop in a daemon thread; methods are thread-safe."""

    def __init__(self, **kwargs: Any) -> None:
        self._kwargs = kwargs
        self.loop = asyncio.new_event_loop()
        self.sim: ObsSimulator | None = None
        self._thread = threading.Thread(target=self.loop.run_forever, name="obs-simulator", daemon=True)

    def start(self) -> SimulatorThread:
        self._thread.start()

        async def create() -> ObsSimulator:
            sim = ObsSimulator(**self._kwargs)
            await sim.start()
            return sim

        self.sim = self.run(create())
        return self

    @property
    def port(self) -> int:
        assert self.sim is not None
        return self.sim.port

    @property
    def url(self) -> str:
        assert self.sim is not None
        return f"ws://{self.sim.host}:{self.sim.port}"

    def run(self, coro: Awaitable[T], timeout: float = 10.0) -> T:
        """Run a coroutine on the simulator's loop and return its result."""

        async def wrapper() -> T:
            return await coro

        return asyncio.run_coroutine_threadsafe(wrapper(), self.loop).result(timeout)

    def call(self, fn: Callable[[ObsSimulator], T], timeout: float = 10.0) -> T:
        """Run `fn(sim)` on the simulator's loop (where the room lives) and return its result."""

        async def wrapper() -> T:
            assert self.sim is not None
            return fn(self.sim)

        return asyncio.run_coroutine_threadsafe(wrapper(), self.loop).result(timeout)

    def stop(self) -> None:
        if not self._thread.is_alive():
            return
        sim = self.sim

        async def shutdown() -> None:
            if sim is not None:
                await sim.stop()
            others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in others:
                task.cancel()
            await asyncio.gather(*others, return_exceptions=True)

        with contextlib.suppress(Exception):
            self.run(shutdown(), timeout=5.0)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=5.0)
        if not self._thread.is_alive():
            self.loop.close()

    def __enter__(self) -> SimulatorThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
