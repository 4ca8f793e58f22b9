"""A real obs-websocket v5 server (websockets/asyncio) over the simulated room, with scripted faults."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

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
from obs.simulator.handlers import HANDLERS, RequestFailure
from obs.simulator.room import FAULTS, Room, live_commerce_room

LOG = logging.getLogger(__name__)
T = TypeVar("T")

METER_INTERVAL = 0.05  # obs-websocket sends InputVolumeMeters every 50 ms
AUDIENCE_INTERVAL = 5.0  # the demo audience, like a platform API polled every few seconds
#: A client that stops reading is not allowed to make the server hoard messages for it.
MAX_QUEUED = 5000
IDENTIFIED_MESSAGE = json.dumps({"op": int(OpCode.IDENTIFIED), "d": {"negotiatedRpcVersion": RPC_VERSION}})


@dataclass(eq=False)
class Session:
    connection: ServerConnection
    identified: bool = False
    subscriptions: int = 0
    incoming: int = 0
    outgoing: int = 0
    queue: asyncio.Queue[str | None] = field(default_factory=asyncio.Queue)


class ObsSimulator:
    """The simulated OBS. Use `SimulatorThread` to run it beside synchronous code."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        password: str | None = None,
        room_factory: Callable[[float, int | None], Room] = live_commerce_room,
        seed: int | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.password = password
        self.seed = seed
        self.room_factory = room_factory
        self.room = room_factory(time.monotonic(), seed)
        self.sessions: set[Session] = set()
        self.current_session: Session | None = None
        self._server: Server | None = None
        self._awake = asyncio.Event()
        self._awake.set()
        self._frozen_since: float | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self.requests_handled = 0

    # ------------------------------------------------------------------ Host protocol for handlers
    def now(self) -> float:
        return time.monotonic()

    def emit(self, event_type: str, data: dict[str, Any]) -> None:
        bit = int(event_category(event_type))
        message = json.dumps(
            {"op": int(OpCode.EVENT), "d": {"eventType": event_type, "eventIntent": bit, "eventData": data}},
            ensure_ascii=False,
        )
        for session in self.sessions:
            if session.identified and session.subscriptions & bit:
                self._enqueue(session, message, droppable=bit >= EventSubscription.INPUT_VOLUME_METERS)

    def later(self, delay: float, action: Callable[[], None]) -> None:
        async def run() -> None:
            await asyncio.sleep(delay)
            await self._awake.wait()
            action()

        self._spawn(run())

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> None:
        self._server = await serve(
            self._serve_connection, self.host, self.port, ping_interval=None, max_size=16 * 1024 * 1024
        )
        sock = next(iter(self._server.sockets))
        self.port = sock.getsockname()[1]
        if not any(t.get_name() == "meters" for t in self._tasks):
            self._spawn(self._meter_loop(), name="meters")
        LOG.info("OBS simulator listening on ws://%s:%s", self.host, self.port)

    async def stop(self) -> None:
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
    def _enqueue(self, session: Session, message: str, droppable: bool = False) -> None:
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
        session = Session(connection)
        self.sessions.add(session)
        writer = asyncio.get_running_loop().create_task(self._writer(session))
        salt, challenge = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
        hello: dict[str, Any] = {"obsWebSocketVersion": self.room.obs_websocket_version, "rpcVersion": RPC_VERSION}
        if self.password:
            hello["authentication"] = {"challenge": challenge, "salt": salt}
        self._enqueue(session, json.dumps({"op": int(OpCode.HELLO), "d": hello}))
        try:
            async for raw in connection:
                await self._awake.wait()
                session.incoming += 1
                problem = self._handle_message(session, raw, salt, challenge)
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

    def _handle_message(self, session: Session, raw: str | bytes, salt: str, challenge: str) -> tuple[int, str] | None:
        """Handle one client message; return (close code, reason) to end the session."""
        if isinstance(raw, bytes):
            return CloseCode.MESSAGE_DECODE_ERROR, "Binary messages are not accepted on the JSON protocol."
        try:
            message = json.loads(raw)
        except ValueError as exc:
            return CloseCode.MESSAGE_DECODE_ERROR, f"Unable to decode JSON: {exc}"
        if not isinstance(message, dict) or "op" not in message:
            return CloseCode.UNKNOWN_REASON, "Your request is missing an `op`."
        if not isinstance(message.get("d"), dict):
            return CloseCode.MISSING_DATA_FIELD, "Your request is missing a `d`."
        op, data = message["op"], message["d"]
        if op == OpCode.IDENTIFY:
            return self._identify(session, data, salt, challenge)
        if not session.identified:
            return CloseCode.NOT_IDENTIFIED, "You must identify before sending other messages."
        if op == OpCode.REIDENTIFY:
            subscriptions = data.get("eventSubscriptions", session.subscriptions)
            if not isinstance(subscriptions, int) or isinstance(subscriptions, bool):
                return CloseCode.INVALID_DATA_FIELD_TYPE, "Your `eventSubscriptions` is not a number."
            session.subscriptions = subscriptions
            self._enqueue(session, IDENTIFIED_MESSAGE)
            return None
        if op == OpCode.REQUEST:
            if not isinstance(data.get("requestId"), str):
                return CloseCode.MISSING_DATA_FIELD, "Your request payload is missing a `requestId`."
            response = self._run_request(session, data)
            response["requestId"] = data["requestId"]
            self._enqueue(session, json.dumps({"op": int(OpCode.REQUEST_RESPONSE), "d": response}, ensure_ascii=False))
            return None
        if op == OpCode.REQUEST_BATCH:
            return self._batch(session, data)
        return CloseCode.UNKNOWN_OP_CODE, f"Unknown OpCode: {op}"

    def _identify(self, session: Session, data: dict[str, Any], salt: str, challenge: str) -> tuple[int, str] | None:
        if session.identified:
            return CloseCode.ALREADY_IDENTIFIED, "You are already Identified with the obs-websocket server."
        rpc = data.get("rpcVersion")
        if rpc is None:
            return CloseCode.MISSING_DATA_FIELD, "Your payload's data is missing an `rpcVersion`."
        if not isinstance(rpc, int) or isinstance(rpc, bool):
            return CloseCode.INVALID_DATA_FIELD_TYPE, "Your `rpcVersion` is not a number."
        if rpc != RPC_VERSION:
            return CloseCode.UNSUPPORTED_RPC_VERSION, f"Your requested RPC version ({rpc}) is not supported."
        if self.password:
            given = data.get("authentication")
            if not isinstance(given, str) or given != auth_response(self.password, salt, challenge):
                return CloseCode.AUTHENTICATION_FAILED, "Authentication failed."
        subscriptions = data.get("eventSubscriptions", int(EventSubscription.ALL))
        if not isinstance(subscriptions, int) or isinstance(subscriptions, bool):
            return CloseCode.INVALID_DATA_FIELD_TYPE, "Your `eventSubscriptions` is not a number."
        session.subscriptions = subscriptions
        session.identified = True
        self._enqueue(session, IDENTIFIED_MESSAGE)
        return None

    def _run_request(self, session: Session, data: dict[str, Any]) -> dict[str, Any]:
        request_type = data.get("requestType")
        self.requests_handled += 1
        if not isinstance(request_type, str) or not request_type:
            return {
                "requestType": "",
                "requestStatus": {
                    "result": False,
                    "code": int(S.MISSING_REQUEST_TYPE),
                    "comment": "Your request is missing a `requestType`",
                },
            }
        handler = HANDLERS.get(request_type)
        status: dict[str, Any]
        response: dict[str, Any] = {"requestType": request_type}
        if handler is None:
            status = {
                "result": False,
                "code": int(S.UNKNOWN_REQUEST_TYPE),
                "comment": "Your request type is not valid.",
            }
        else:
            request_data = data.get("requestData", {})
            if not isinstance(request_data, dict):
                request_data = {}
            self.current_session = session
            try:
                result = handler(self, request_data)
                status = {"result": True, "code": int(S.SUCCESS)}
                if result:
                    response["responseData"] = result
            except RequestFailure as failure:
                status = {"result": False, "code": int(failure.code), "comment": failure.comment}
            finally:
                self.current_session = None
        response["requestStatus"] = status
        return response

    def _batch(self, session: Session, data: dict[str, Any]) -> tuple[int, str] | None:
        if not isinstance(data.get("requestId"), str):
            return CloseCode.MISSING_DATA_FIELD, "Your request batch is missing a `requestId`."
        requests = data.get("requests")
        if not isinstance(requests, list):
            return CloseCode.MISSING_DATA_FIELD, "Your request batch is missing a `requests` array."
        execution = data.get("executionType", 0)
        if execution not in (0, 1, 2):
            status = {
                "result": False,
                "code": int(S.UNSUPPORTED_REQUEST_BATCH_EXECUTION_TYPE),
                "comment": "Unsupported execution type.",
            }
            self._enqueue(
                session,
                json.dumps(
                    {
                        "op": int(OpCode.REQUEST_BATCH_RESPONSE),
                        "d": {"requestId": data["requestId"], "results": [], "requestStatus": status},
                    }
                ),
            )
            return None
        halt = bool(data.get("haltOnFailure", False))
        results = []
        for item in requests:
            if not isinstance(item, dict):
                continue
            result = self._run_request(session, item)
            if "requestId" in item:
                result["requestId"] = item["requestId"]
            results.append(result)
            if halt and not result["requestStatus"]["result"]:
                break
        self._enqueue(
            session,
            json.dumps(
                {"op": int(OpCode.REQUEST_BATCH_RESPONSE), "d": {"requestId": data["requestId"], "results": results}},
                ensure_ascii=False,
            ),
        )
        return None

    # ------------------------------------------------------------------ periodic
    async def _meter_loop(self) -> None:
        next_at = time.monotonic()
        next_audience = next_at + AUDIENCE_INTERVAL
        while True:
            next_at += METER_INTERVAL
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))
            if not self._awake.is_set():
                await self._awake.wait()
                next_at = time.monotonic()
                continue
            now = time.monotonic()
            self.room.tick(now)
            if any(s.subscriptions & EventSubscription.INPUT_VOLUME_METERS for s in self.sessions):
                self.emit("InputVolumeMeters", {"inputs": self.room.meter_levels(now)})
            if now >= next_audience:
                # The demo room's audience travels as obs-websocket's own CustomEvent (what a plugin or
                # BroadcastCustomEvent would send), so it reaches the console through the real protocol.
                next_audience = now + AUDIENCE_INTERVAL
                self.emit("CustomEvent", {"eventData": self.room.audience()})

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

    async def restart(self, fresh: bool = True) -> None:
        """OBS started again on the same port (with its saved scene collection: a fresh room)."""
        await self._close_listener()
        if fresh:
            self.room = self.room_factory(time.monotonic(), self.seed)
        await self.start()

    async def kill(self) -> None:
        """OBS killed: connections drop without a close frame; the port stops listening."""
        await self._close_listener()
        for session in list(self.sessions):
            transport = session.connection.transport
            transport.abort()


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
