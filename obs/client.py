"""Adapter over obs-websocket-py 1.0 that closes its gaps: timeouts, typed errors, batches, resubscription.

obs-websocket-py supplies the request and event object model (`obswebsocket.requests.X(**data)`,
`obswebsocket.events.X`), the authentication string and event registration (`register()`). Its
transport loop is replaced, because against a real OBS it was measured to: block forever in
connect() on a frozen OBS, drop requestStatus code and comment, hard-code event subscriptions 1023,
die on an exception in a callback, and leave pending calls waiting out their full timeout after a
disconnect. See shared/notes/headless-obs.md.

Threading: `connect()` and `close()` are called from the owner thread (the link), and so are the
requests that may wait; `try_send_request` / `try_send_batch` may be called from any thread (a caller's
GUI thread) because they never wait: they send only when the send lock is free and the socket takes the
frame at once. The receive thread only parses, resolves pending requests and dispatches events to
callbacks, which must only enqueue. No request is ever sent from the receive thread.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import json
import logging
import re
import select
import socket
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import websocket
from obswebsocket import events as obs_events
from obswebsocket import obsws

from obs import oswords
from obs.errors import (
    ConnectError,
    ConnectionFailure,
    FailureKind,
    NotConnected,
    ObsError,
    RequestError,
    RequestTimeout,
)
from obs.protocol import (
    CONSOLE_SUBSCRIPTIONS,
    MIN_OBS_WEBSOCKET_VERSION,
    RPC_VERSION,
    CloseCode,
    OpCode,
    RequestStatus,
    parse_version,
)
from obs.wire import PROBLEMS, FrameError, Invalid, bounded_int, clean_event, clean_response, parse_frame

LOG = logging.getLogger(__name__)

#: Larger frames are refused as a protocol error (a 1080p PNG screenshot in base64 is ~4 MB).
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
#: The receive thread reads up to this much at a time (see ObsClient._read_ahead).
READ_AHEAD = 64 * 1024
#: A request frame sent from a thread that must not block (ObsClient.try_send_request) is at most this many
#: characters (4 KB in UTF-8): a socket that polls writable has at least a third of its send buffer free, and Linux
#: never makes that buffer smaller than 4.6 KB.
NONBLOCKING_SEND_MAX = 1024
#: "5.1.0", "5.5.4-beta1": anything else in a Hello is not a version (a 5,000-digit one crashed int()).
_VERSION = re.compile(r"\d{1,6}\.\d{1,6}(\.\d{1,6})?([-+.~ ][0-9A-Za-z.+~ -]{0,40})?")

JsonObject = dict[str, Any]
EventCallback = Callable[[str, JsonObject], None]


@dataclass(frozen=True)
class Hello:
    """What the server said about itself during the handshake."""

    obs_websocket_version: str
    rpc_version: int
    authenticated: bool


@dataclass(frozen=True)
class CloseInfo:
    """How a connection ended, as seen by the receive thread."""

    failure: ConnectionFailure
    code: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class BatchResult:
    """One request's outcome inside a RequestBatch."""

    request_type: str
    ok: bool
    code: int
    comment: str
    data: JsonObject
    #: OBS said it succeeded, but a field without which the answer means nothing was missing or invalid.
    invalid: bool = False

    def raise_for_status(self) -> JsonObject:
        if not self.ok:
            raise RequestError(self.request_type, self.code, self.comment)
        return self.data


@dataclass(slots=True)
class _Pending:
    request_type: str
    request_id: str = ""
    sent_at: float = 0.0
    #: Only for a caller that waits (request(), batch()); the link's requests complete through `callback`, and
    #: building an Event (a Condition and two locks) for each of them was measurable on the round trip.
    done: threading.Event | None = None
    reply: JsonObject | None = None
    error: BaseException | None = None
    callback: Callable[[_Pending], None] | None = None


class ObsClient(obsws):  # type: ignore[misc]  # obs-websocket-py is untyped
    """One connection to obs-websocket v5. Not reusable across connections: make a new one."""

    def __init__(
        self,
        host: str,
        port: int,
        password: str = "",
        *,
        connect_timeout: float = 5.0,
        request_timeout: float = 5.0,
        subscriptions: int = int(CONSOLE_SUBSCRIPTIONS),
        on_event: EventCallback | None = None,
        on_close: Callable[[CloseInfo], None] | None = None,
    ) -> None:
        # legacy=False: the library would otherwise switch to the v4 protocol on port 4444.
        super().__init__(host, port, password, legacy=False, timeout=request_timeout)
        self.connect_timeout = connect_timeout
        self.request_timeout = request_timeout
        self.subscriptions = subscriptions
        self._on_event = on_event
        self._on_close = on_close
        self._send_lock = threading.Lock()
        self._pending: dict[str, _Pending] = {}
        self._pending_lock = threading.Lock()
        self._ids = itertools.count(1)
        self._closed = threading.Event()
        self._close_info: CloseInfo | None = None
        self._recv_thread: threading.Thread | None = None
        self.hello: Hello | None = None
        self._deadline = 0.0
        self._v4_probe_time = min(1.0, connect_timeout / 2)
        #: time.monotonic() of the last frame received: the heartbeat's evidence that OBS is alive.
        self.last_received = 0.0
        self.messages_received = 0
        #: time.monotonic() at which the oldest request that timed out since OBS was last heard was sent: it still
        #: counts as unanswered (see oldest_pending).
        self._expired_unheard: float | None = None

    # ----------------------------------------------------------------- connecting
    def connect(self) -> Hello:
        """Open the socket, authenticate, subscribe; raise ConnectError with a classified failure."""
        started = time.monotonic()
        sock = self._open_tcp()
        # The socket timeout bounds each read, not the handshake: a server dripping its upgrade answer one
        # byte per 0.25 s kept a connect "connecting" for good. A watchdog shuts the socket at the deadline.
        expired = threading.Event()

        def expire() -> None:
            expired.set()
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

        self._deadline = started + self.connect_timeout
        # A little grace so that a plain read timeout, which names the stage, usually comes first.
        watchdog = threading.Timer(max(0.0, self._deadline - time.monotonic()) + 0.2, expire)
        watchdog.daemon = True
        watchdog.start()
        try:
            self.ws = self._upgrade(sock)
            self.hello = self._handshake()
        except ConnectError as exc:
            self._abort_socket()
            with contextlib.suppress(OSError):
                sock.close()
            if expired.is_set():
                raise self._failure(
                    FailureKind.TIMEOUT, f"the handshake did not finish within {self.connect_timeout:g} s"
                ) from exc
            raise
        finally:
            watchdog.cancel()
        if expired.is_set():
            self._abort_socket()
            raise self._failure(FailureKind.TIMEOUT, f"the handshake did not finish within {self.connect_timeout:g} s")
        self.ws.settimeout(None)
        self._read_ahead()
        self.last_received = time.monotonic()
        self._recv_thread = threading.Thread(
            target=self._receive_loop, name=f"obs-recv-{self.host}:{self.port}", daemon=True
        )
        self._recv_thread.start()
        return self.hello

    def _read_ahead(self) -> None:
        """From here on, websocket-client's frame buffer reads from the socket directly and up to READ_AHEAD bytes
        at a time. Its own reader asks the socket for exactly what the next field needs (header, length, payload:
        three `recv`s a frame) through three wrapper calls each; in place, with the GUI thread holding the
        interpreter lock, each read costs ~40 µs of this thread's CPU (cProfile, thread clock), not the ~2 µs a loop
        shows. The frame buffer keeps what a read brought beyond the field it asked for, so most frames take one
        `recv`. The socket is blocking from here on (no timeout): an empty read is the peer's close, as in the
        library's reader; an OSError goes up as before."""
        sock = self.ws.sock
        assert sock is not None  # connected: the handshake just read from it

        def recv(bufsize: int) -> bytes:
            data: bytes = sock.recv(max(bufsize, READ_AHEAD))
            if not data:
                raise websocket.WebSocketConnectionClosedException("Connection to remote host was lost.")
            return data

        self.ws.frame_buffer.recv = recv

    def _failure(
        self,
        kind: FailureKind,
        detail: str = "",
        code: int | None = None,
        reason: str = "",
        cause: BaseException | None = None,
    ) -> ConnectError:
        said = None if cause is None else oswords.reason(cause, f"{self.host}:{self.port}")
        return ConnectError(
            ConnectionFailure(kind, self.host, self.port, detail, close_code=code, close_reason=reason, cause=said)
        )

    def _open_tcp(self) -> socket.socket:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except socket.gaierror as exc:
            raise self._failure(FailureKind.NAME_NOT_RESOLVED, str(exc)) from exc
        except ConnectionRefusedError as exc:
            raise self._failure(FailureKind.PORT_CLOSED, str(exc)) from exc
        except TimeoutError as exc:
            raise self._failure(FailureKind.HOST_UNREACHABLE, "no answer to the TCP connection") from exc
        except OSError as exc:
            if exc.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EHOSTDOWN, errno.EADDRNOTAVAIL):
                raise self._failure(FailureKind.HOST_UNREACHABLE, str(exc)) from exc
            raise self._failure(FailureKind.CONNECTION_LOST, str(exc), cause=exc) from exc
        # websocket-client sets TCP_NODELAY on the sockets it opens, not on one handed to it: without it, Nagle's
        # algorithm may hold a small request back while an earlier segment waits for its ACK.
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def _upgrade(self, sock: socket.socket) -> websocket.WebSocket:
        url = f"ws://{self.host}:{self.port}"
        try:
            # UTF-8 is validated by our own strict decode; the library's pure-Python validator is slow.
            return websocket.create_connection(
                url, timeout=self.connect_timeout, socket=sock, skip_utf8_validation=True
            )
        except websocket.WebSocketBadStatusException as exc:
            sock.close()
            raise self._failure(FailureKind.NOT_OBS_WEBSOCKET, f"HTTP {exc.status_code}") from exc
        except (websocket.WebSocketTimeoutException, TimeoutError) as exc:
            sock.close()
            raise self._failure(FailureKind.TIMEOUT, "no answer to the WebSocket upgrade") from exc
        except (websocket.WebSocketException, OSError, ValueError) as exc:
            sock.close()
            raise self._failure(FailureKind.NOT_OBS_WEBSOCKET, f"WebSocket upgrade failed: {exc}") from exc

    def _remaining(self, reserve: float = 0.0) -> float:
        return max(0.05, self._deadline - time.monotonic() - reserve)

    def _recv_json_during_handshake(self, stage: str, reserve: float = 0.0) -> JsonObject:
        try:
            self.ws.settimeout(self._remaining(reserve))
            opcode, frame = self.ws.recv_data_frame(True)
        except (websocket.WebSocketTimeoutException, TimeoutError) as exc:
            raise self._failure(FailureKind.TIMEOUT, f"no {stage} from the server") from exc
        except (websocket.WebSocketException, OSError) as exc:
            raise self._failure(
                FailureKind.PROTOCOL_ERROR, f"connection closed during the handshake ({exc})", cause=exc
            ) from exc
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            code, reason = _close_payload(frame.data)
            if code == CloseCode.AUTHENTICATION_FAILED:
                raise self._failure(FailureKind.AUTH_FAILED, reason, code, reason)
            if code == CloseCode.UNSUPPORTED_RPC_VERSION:
                raise self._failure(FailureKind.INCOMPATIBLE, reason or "unsupported RPC version", code, reason)
            raise self._failure(
                FailureKind.PROTOCOL_ERROR, f"closed during the handshake (code {code}) {reason}".strip(), code, reason
            )
        if opcode != websocket.ABNF.OPCODE_TEXT:
            raise self._failure(FailureKind.NOT_OBS_WEBSOCKET, f"unexpected {stage} frame (opcode {opcode})")
        try:
            message = parse_frame(frame.data)
        except FrameError as exc:
            raise self._failure(FailureKind.NOT_OBS_WEBSOCKET, f"{stage} is not JSON: {exc}") from exc
        if not isinstance(message, dict):
            raise self._failure(FailureKind.NOT_OBS_WEBSOCKET, f"{stage} is not a JSON object")
        return message

    def _handshake(self) -> Hello:
        data = self._hello()
        version, server_rpc = self._versions(data)
        identify: JsonObject = {"rpcVersion": RPC_VERSION, "eventSubscriptions": self.subscriptions}
        auth = data.get("authentication")
        if isinstance(auth, dict):
            if not self.password:
                raise self._failure(FailureKind.AUTH_REQUIRED)
            salt, challenge = str(auth.get("salt", "")), str(auth.get("challenge", ""))
            identify["authentication"] = self._build_auth_string(salt, challenge)
        self._send_raw({"op": int(OpCode.IDENTIFY), "d": identify})
        identified = self._recv_json_during_handshake("Identified")
        idata = identified.get("d")
        if identified.get("op") != OpCode.IDENTIFIED or not isinstance(idata, dict):
            raise self._failure(FailureKind.PROTOCOL_ERROR, "expected Identified after Identify")
        if idata.get("negotiatedRpcVersion") != RPC_VERSION:
            negotiated = idata.get("negotiatedRpcVersion")
            raise self._failure(FailureKind.INCOMPATIBLE, f"negotiated RPC version {negotiated!r}")
        return Hello(version, server_rpc, isinstance(auth, dict))

    def _hello(self) -> JsonObject:
        """The server's Hello (op 0) data; an obs-websocket 4.x or a server that is none said as such."""
        try:
            # Keep time to ask a silent server whether it is obs-websocket 4.x (which waits to be asked).
            hello = self._recv_json_during_handshake("Hello", reserve=self._v4_probe_time)
        except ConnectError as exc:
            if exc.failure.kind is FailureKind.TIMEOUT and self._answers_like_v4():
                raise self._failure(FailureKind.LEGACY_V4, "obs-websocket 4.x") from exc
            raise
        if "message-id" in hello or "update-type" in hello:
            raise self._failure(FailureKind.LEGACY_V4, "obs-websocket 4.x")
        data = hello.get("d")
        if hello.get("op") != OpCode.HELLO or not isinstance(data, dict):
            raise self._failure(FailureKind.NOT_OBS_WEBSOCKET, "the first message was not an obs-websocket Hello")
        return data

    def _versions(self, data: JsonObject) -> tuple[str, int]:
        """The Hello's obs-websocket and RPC versions, checked: too old or not a version is a failure."""
        version = data.get("obsWebSocketVersion")
        if not isinstance(version, str) or len(version) > 64 or not _VERSION.fullmatch(version):
            shown = repr(version) if len(repr(version)) <= 40 else repr(version)[:37] + "…"
            raise self._failure(FailureKind.PROTOCOL_ERROR, f"the Hello's obsWebSocketVersion {shown} is not a version")
        if parse_version(version) < MIN_OBS_WEBSOCKET_VERSION:
            raise self._failure(FailureKind.INCOMPATIBLE, f"obs-websocket {version or '?'} is older than 5.1")
        server_rpc = data.get("rpcVersion")
        if not isinstance(server_rpc, int) or server_rpc < RPC_VERSION:
            raise self._failure(FailureKind.INCOMPATIBLE, f"RPC version {server_rpc!r}")
        return version, server_rpc

    def _answers_like_v4(self) -> bool:
        """A v5 server speaks first; a v4 server waits. Ask it a v4 question to tell them apart."""
        try:
            self.ws.settimeout(self._remaining())
            self._send_raw({"request-type": "GetVersion", "message-id": "onair-probe"})
            reply = parse_frame(self.ws.recv())
        except Exception:
            return False
        return isinstance(reply, dict) and reply.get("message-id") == "onair-probe"

    # ----------------------------------------------------------------- sending
    def _send_raw(self, message: Mapping[str, Any]) -> None:
        text = json.dumps(message, ensure_ascii=False)
        with self._send_lock:
            try:
                self.ws.send(text)
            except (websocket.WebSocketException, OSError, AttributeError) as exc:
                raise NotConnected(f"cannot send to OBS: {exc}") from exc

    def reidentify(self, subscriptions: int) -> None:
        """Change event subscriptions on the live session (op 3)."""
        self.subscriptions = subscriptions
        self._send_raw({"op": int(OpCode.REIDENTIFY), "d": {"eventSubscriptions": subscriptions}})

    def _register_pending(self, request_type: str, callback: Callable[[_Pending], None] | None) -> tuple[str, _Pending]:
        request_id = str(next(self._ids))
        # Created before it is registered: the answer may arrive (and complete it) before the caller waits.
        done = threading.Event() if callback is None else None
        pending = _Pending(request_type, request_id, time.monotonic(), done, callback=callback)
        with self._pending_lock:
            if self._closed.is_set():
                raise NotConnected(f"{request_type}: not connected to OBS")
            self._pending[request_id] = pending
        return request_id, pending

    def _send_pending(self, request_id: str, message: Mapping[str, Any]) -> None:
        try:
            self._send_raw(message)
        except NotConnected:
            with self._pending_lock:
                still_ours = self._pending.pop(request_id, None) is not None
            if still_ours:
                raise
            # The receive thread saw the connection end first and has already failed this request
            # (its callback ran): failing it a second time here would be wrong.

    def _wait(self, request_id: str, pending: _Pending, timeout: float | None) -> JsonObject:
        limit = self.request_timeout if timeout is None else timeout
        if pending.done is None:
            raise ObsError(f"{pending.request_type} was sent with a callback: it completes there, not here")
        if not pending.done.wait(limit):
            with self._pending_lock:
                self._pending.pop(request_id, None)
            raise RequestTimeout(pending.request_type, limit)
        if pending.error is not None:
            raise pending.error
        assert pending.reply is not None
        return pending.reply

    def send_request(
        self,
        request_type: str,
        data: Mapping[str, Any] | None = None,
        callback: Callable[[_Pending], None] | None = None,
    ) -> tuple[str, _Pending]:
        """Send without waiting; `callback` runs on the receive thread when the answer (or failure) comes."""
        # obs-websocket-py's request classes (`requests.X(**data)`) only copy the data under the type's name;
        # building one per request was pure cost on the round trip, so the payload is built directly.
        request_id, pending = self._register_pending(request_type, callback)
        payload: JsonObject = {"requestType": request_type, "requestId": request_id}
        if data:
            payload["requestData"] = dict(data)
        self._send_pending(request_id, {"op": int(OpCode.REQUEST), "d": payload})
        return request_id, pending

    def try_send_request(
        self,
        request_type: str,
        data: Mapping[str, Any] | None,
        callback: Callable[[_Pending], None],
    ) -> str | None:
        """send_request for a thread that must never block (a caller's GUI thread): the request id, or None
        when nothing was sent because another thread holds the send lock, the socket would not take the frame
        at once, or the frame is large. NotConnected when the connection is over, as send_request."""
        payload: JsonObject = {"requestType": request_type, "requestId": ""}
        if data:
            payload["requestData"] = dict(data)
        return self._try_send(request_type, int(OpCode.REQUEST), payload, callback)

    def try_send_batch(
        self,
        requests: Sequence[tuple[str, Mapping[str, Any] | None]],
        *,
        halt_on_failure: bool = False,
        callback: Callable[[_Pending], None],
    ) -> str | None:
        """send_batch for a thread that must never block: see try_send_request."""
        payload = {
            "requestId": "",
            "haltOnFailure": halt_on_failure,
            "executionType": 0,
            "requests": _batch_items(requests),
        }
        return self._try_send("RequestBatch", int(OpCode.REQUEST_BATCH), payload, callback)

    def _try_send(
        self, request_type: str, op: int, payload: JsonObject, callback: Callable[[_Pending], None]
    ) -> str | None:
        if not self._send_lock.acquire(blocking=False):
            return None
        try:
            if self._closed.is_set():
                raise NotConnected(f"{request_type}: not connected to OBS")
            request_id = str(next(self._ids))
            payload["requestId"] = request_id
            text = json.dumps({"op": op, "d": payload}, ensure_ascii=False)
            if len(text) > NONBLOCKING_SEND_MAX or not self._writable():
                return None
            pending = _Pending(request_type, request_id, time.monotonic(), None, callback=callback)
            with self._pending_lock:
                if self._closed.is_set():
                    raise NotConnected(f"{request_type}: not connected to OBS")
                self._pending[request_id] = pending
            try:
                self.ws.send(text)
            except (websocket.WebSocketException, OSError, AttributeError) as exc:
                with self._pending_lock:
                    still_ours = self._pending.pop(request_id, None) is not None
                if still_ours:
                    raise NotConnected(f"cannot send to OBS: {exc}") from exc
                # else the receive thread saw the connection end first and has failed it (its callback ran).
            return request_id
        finally:
            self._send_lock.release()

    def _writable(self) -> bool:
        """Would a small frame go into the socket without waiting? (A frozen OBS stops reading: its buffers fill.)"""
        sock = getattr(self.ws, "sock", None)
        if sock is None:
            return False
        poller = select.poll()
        poller.register(sock, select.POLLOUT)
        return any(events & select.POLLOUT for _, events in poller.poll(0))

    def request(
        self, request_type: str, data: Mapping[str, Any] | None = None, timeout: float | None = None
    ) -> JsonObject:
        """Send one request and wait for its responseData; raise RequestError / RequestTimeout / NotConnected."""
        request_id, pending = self.send_request(request_type, data)
        reply = self._wait(request_id, pending, timeout)
        return response_data(request_type, reply)

    def call(self, obj: Any) -> Any:
        """obs-websocket-py's call(), but raising RequestError with code and comment on failure."""
        obj.input(self.request(obj.name, obj.data()), True)
        return obj

    def send_batch(
        self,
        requests: Sequence[tuple[str, Mapping[str, Any] | None]],
        *,
        halt_on_failure: bool = False,
        execution_type: int = 0,
        callback: Callable[[_Pending], None] | None = None,
    ) -> tuple[str, _Pending]:
        request_id, pending = self._register_pending("RequestBatch", callback)
        payload = {
            "requestId": request_id,
            "haltOnFailure": halt_on_failure,
            "executionType": execution_type,
            "requests": _batch_items(requests),
        }
        self._send_pending(request_id, {"op": int(OpCode.REQUEST_BATCH), "d": payload})
        return request_id, pending

    def is_pending(self, request_id: str) -> bool:
        with self._pending_lock:
            return request_id in self._pending

    def oldest_pending(self) -> float | None:
        """time.monotonic() at which the oldest request still unanswered was sent, or None. A request that timed
        out counts until OBS is heard again: with a request timeout shorter than the heartbeat's, each poll expired
        before it had waited a heartbeat and a new one took its place, so a frozen OBS was never found silent."""
        with self._pending_lock:
            oldest = min((p.sent_at for p in self._pending.values()), default=None)
            expired = self._expired_unheard
        if expired is not None and expired >= self.last_received:
            oldest = expired if oldest is None else min(oldest, expired)
        return oldest

    def expire(self, request_id: str, timeout: float) -> bool:
        """Fail a request sent with send_request/send_batch that got no answer in `timeout`; False if it did."""
        with self._pending_lock:
            pending = self._pending.pop(request_id, None)
        if pending is None:
            return False
        if pending.sent_at >= self.last_received:  # nothing heard since it was sent: OBS is still asked
            kept = self._expired_unheard
            if kept is None or kept < self.last_received or pending.sent_at < kept:
                self._expired_unheard = pending.sent_at
        pending.error = RequestTimeout(pending.request_type, timeout)
        self._complete(pending)
        return True

    def batch(
        self,
        requests: Sequence[tuple[str, Mapping[str, Any] | None]],
        *,
        halt_on_failure: bool = False,
        timeout: float | None = None,
    ) -> list[BatchResult]:
        """Send a RequestBatch (SerialRealtime) and wait; one BatchResult per request that ran."""
        request_id, pending = self.send_batch(requests, halt_on_failure=halt_on_failure)
        return batch_results(self._wait(request_id, pending, timeout))

    # ----------------------------------------------------------------- receiving
    def _receive_loop(self) -> None:
        info: CloseInfo | None = None
        try:
            while info is None:
                info = self._receive_one()
        except (websocket.WebSocketConnectionClosedException, OSError) as exc:
            if not self._closed.is_set():
                detail = f"{type(exc).__name__}: {exc}" if str(exc) else "the socket was closed"
                info = self._lost(detail, exc if isinstance(exc, OSError) else None)
        except websocket.WebSocketException as exc:
            info = self._protocol_error(f"invalid WebSocket frame: {exc}")
        except Exception as exc:
            LOG.exception("unexpected error in the OBS receive thread")
            info = self._protocol_error(f"internal error: {exc}")
        self._finish(info)

    def _lost(self, detail: str, cause: OSError | None = None) -> CloseInfo:
        said = None if cause is None else oswords.reason(cause, f"{self.host}:{self.port}")
        return CloseInfo(ConnectionFailure(FailureKind.CONNECTION_LOST, self.host, self.port, detail, cause=said))

    def _protocol_error(self, detail: str) -> CloseInfo:
        LOG.warning("OBS %s:%s: %s; dropping the connection", self.host, self.port, detail)
        return CloseInfo(ConnectionFailure(FailureKind.PROTOCOL_ERROR, self.host, self.port, detail))

    def _receive_one(self) -> CloseInfo | None:
        """Read and handle one frame; return CloseInfo when the connection is over."""
        frame = self.ws.frame_buffer.recv_frame()  # what ws.recv_frame() calls
        opcode = self._opcode(frame)
        if opcode in (None, websocket.ABNF.OPCODE_PING, websocket.ABNF.OPCODE_PONG):
            return None
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            code, reason = _close_payload(frame.data)
            return self._closed_by_server(code, reason)
        if opcode != websocket.ABNF.OPCODE_TEXT:
            return self._protocol_error(f"unexpected binary frame of {len(frame.data)} bytes")
        if len(frame.data) > MAX_MESSAGE_BYTES:
            return self._protocol_error(f"message of {len(frame.data)} bytes exceeds {MAX_MESSAGE_BYTES}")
        try:
            message = parse_frame(frame.data)
        except FrameError as exc:
            return self._protocol_error(str(exc))
        if not isinstance(message, dict) or not isinstance(message.get("d"), dict):
            return self._protocol_error("message is not an object with a 'd' object")
        op, data = message.get("op"), message["d"]
        if op == OpCode.EVENT:
            return self._handle_event(data)
        if op in (OpCode.REQUEST_RESPONSE, OpCode.REQUEST_BATCH_RESPONSE):
            return self._handle_response(data)
        if op == OpCode.IDENTIFIED:
            return None  # answer to a Reidentify
        return self._protocol_error(f"unknown op code {op!r}")

    def _opcode(self, frame: websocket.ABNF) -> int | None:
        """The frame as websocket-client's recv_data_frame(True) would return it: fragments joined (None until
        the last), a close answered, a ping ponged; the opcode of what to handle now, counted as a message received
        (the heartbeat's evidence). A whole text message in
        one frame (every message OBS sends) is taken as it is, without the continuation bookkeeping."""
        ws = self.ws
        opcode: int = frame.opcode
        if opcode == websocket.ABNF.OPCODE_TEXT and frame.fin and not ws.cont_frame.recving_frames:
            self.last_received = time.monotonic()
            self.messages_received += 1
            return opcode
        if opcode in (websocket.ABNF.OPCODE_TEXT, websocket.ABNF.OPCODE_BINARY, websocket.ABNF.OPCODE_CONT):
            ws.cont_frame.validate(frame)
            ws.cont_frame.add(frame)
            if not ws.cont_frame.is_fire(frame):
                return None
            opcode, _ = ws.cont_frame.extract(frame)
        elif opcode == websocket.ABNF.OPCODE_CLOSE:
            ws.send_close()
        elif opcode == websocket.ABNF.OPCODE_PING:
            if len(frame.data) >= 126:
                raise websocket.WebSocketProtocolException("Ping message is too long")
            ws.pong(frame.data)
        self.last_received = time.monotonic()
        self.messages_received += 1
        return opcode

    def _handle_event(self, data: JsonObject) -> CloseInfo | None:
        event_type = data.get("eventType")
        event_data = data.get("eventData", {})
        if not isinstance(event_type, str) or not isinstance(event_data, dict) or len(event_type) > 128:
            return self._protocol_error(f"event with wrong field types: {str(data)[:120]}")
        try:
            event_data, problems = clean_event(event_type, event_data)
        except Invalid as exc:
            # The fact the event states is unreadable: the console's state can no longer be trusted.
            return self._protocol_error(f"{event_type} event: {exc}")
        PROBLEMS.report(f"the {event_type} event", problems)
        if self._on_event is not None:
            try:
                self._on_event(event_type, event_data)
            except Exception:
                LOG.exception("OBS event handler failed on %s", event_type)
        event_class = getattr(obs_events, event_type, None) if self.eventmanager.functions else None
        if isinstance(event_class, type):
            obj = event_class()
            obj.input(event_data)
            for callback, trigger in list(self.eventmanager.functions):
                if trigger is None or isinstance(obj, trigger):
                    try:
                        callback(obj)
                    except Exception:
                        LOG.exception("obs-websocket-py callback failed on %s", event_type)
        return None

    def _handle_response(self, data: JsonObject) -> CloseInfo | None:
        request_id = data.get("requestId")
        if not isinstance(request_id, str):
            return self._protocol_error("response without a requestId")
        with self._pending_lock:
            pending = self._pending.pop(request_id, None)
        if pending is None:
            LOG.debug("late answer to request %s (timed out already)", request_id)
            return None
        pending.reply = data
        self._complete(pending)
        return None

    def _complete(self, pending: _Pending) -> None:
        if pending.done is not None:
            pending.done.set()
        if pending.callback is not None:
            try:
                pending.callback(pending)
            except Exception:
                LOG.exception("completion callback for %s failed", pending.request_type)

    def _closed_by_server(self, code: int | None, reason: str) -> CloseInfo:
        if code == CloseCode.GOING_AWAY:
            kind, detail = FailureKind.OBS_CLOSED, reason or "OBS is shutting down"
        elif code == CloseCode.SESSION_INVALIDATED:
            kind, detail = FailureKind.CONNECTION_LOST, f"OBS ended the session (4011 {reason})".strip()
        elif code == CloseCode.UNSUPPORTED_RPC_VERSION:
            kind, detail = FailureKind.INCOMPATIBLE, reason or "unsupported RPC version"
        elif code == CloseCode.AUTHENTICATION_FAILED:
            kind, detail = FailureKind.AUTH_FAILED, reason
        elif code is not None and 4000 <= code < 5000:
            label = CloseCode(code).name if code in CloseCode._value2member_map_ else str(code)
            kind, detail = FailureKind.PROTOCOL_ERROR, f"OBS closed the connection: {code} {label} {reason}".strip()
        else:
            kind, detail = FailureKind.CONNECTION_LOST, f"closed by OBS (code {code}) {reason}".strip()
        return CloseInfo(ConnectionFailure(kind, self.host, self.port, detail, code, reason), code, reason)

    def _finish(self, info: CloseInfo | None) -> None:
        with self._pending_lock:
            already = self._closed.is_set()
            self._closed.set()
            pending = list(self._pending.values())
            self._pending.clear()
        self._abort_socket()
        if info is None or (already and self._close_info is not None):
            info = self._close_info or self._lost("closed by the console")
        self._close_info = info
        # Fail waiting requests at once rather than after their timeout.
        for item in pending:
            item.error = NotConnected(f"{item.request_type}: connection to OBS lost ({info.failure.detail})")
            self._complete(item)
        if self._on_close is not None and not already:
            try:
                self._on_close(info)
            except Exception:
                LOG.exception("close handler failed")

    # ----------------------------------------------------------------- closing
    @property
    def connected(self) -> bool:
        return self.hello is not None and not self._closed.is_set()

    @property
    def close_info(self) -> CloseInfo | None:
        return self._close_info

    def _abort_socket(self) -> None:
        ws = getattr(self, "ws", None)
        if ws is not None:
            with contextlib.suppress(Exception):
                ws.abort()
            with contextlib.suppress(Exception):
                ws.shutdown()

    def close(self, detail: str = "closed by the console") -> None:
        """Close the connection; pending requests fail with NotConnected; returns when the receive thread ended."""
        with self._pending_lock:
            if not self._closed.is_set() and self._close_info is None:
                self._close_info = self._lost(detail)
        ws = getattr(self, "ws", None)
        if ws is not None and self.connected:
            with contextlib.suppress(Exception), self._send_lock:
                ws.send_close(websocket.STATUS_NORMAL, b"")
        self._abort_socket()
        thread = self._recv_thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2.0)
        if thread is None:
            self._finish(None)

    # obs-websocket-py's own names for these, kept working for code written against the library.
    def disconnect(self) -> None:
        self.close()

    def reconnect(self) -> None:
        raise ObsError("an ObsClient is single-use: the link makes a new one for each connection")


def _batch_items(requests: Sequence[tuple[str, Mapping[str, Any] | None]]) -> list[JsonObject]:
    items = []
    for request_type, data in requests:
        item: JsonObject = {"requestType": request_type}
        if data:
            item["requestData"] = dict(data)
        items.append(item)
    return items


def _close_payload(payload: bytes | bytearray | str) -> tuple[int | None, str]:
    raw = payload.encode() if isinstance(payload, str) else bytes(payload)
    if len(raw) < 2:
        return None, ""
    return int.from_bytes(raw[:2], "big"), raw[2:].decode("utf-8", "replace")


def response_data(request_type: str, reply: JsonObject) -> JsonObject:
    """responseData of a RequestResponse, or RequestError with obs-websocket's code and comment."""
    status = reply.get("requestStatus")
    if not isinstance(status, dict):
        raise RequestError(request_type, int(RequestStatus.UNKNOWN), "the answer carried no requestStatus")
    if status.get("result") is not True:
        raise RequestError(request_type, _status_code(status), _comment(status))
    data = reply.get("responseData")
    try:
        return _clean_answer(request_type, data if isinstance(data, dict) else {})
    except Invalid as exc:
        raise RequestError(request_type, int(RequestStatus.UNKNOWN), f"invalid answer: {exc}") from None


def _status_code(status: Mapping[str, Any]) -> int:
    return bounded_int(status.get("code"), 0, 2**31) or 0


def _comment(status: Mapping[str, Any]) -> str:
    comment = status.get("comment")
    return comment[:1000] if isinstance(comment, str) else ""


def _clean_answer(request_type: str, data: JsonObject) -> JsonObject:
    """responseData with the fields the console reads validated (see obs.wire); Invalid if it means nothing."""
    cleaned, problems = clean_response(request_type, data)
    PROBLEMS.report(f"the answer to {request_type}", problems)
    return cleaned


def batch_results(reply: JsonObject) -> list[BatchResult]:
    """Turn a RequestBatchResponse's `d` into BatchResults."""
    results: list[BatchResult] = []
    raw: Iterable[Any] = reply.get("results") or []
    for item in raw:
        if not isinstance(item, dict):
            continue
        raw_status = item.get("requestStatus")
        status: dict[str, Any] = raw_status if isinstance(raw_status, dict) else {}
        raw_type = item.get("requestType")
        request_type = raw_type if isinstance(raw_type, str) else ""
        data = item.get("responseData")
        ok, code, comment = status.get("result") is True, _status_code(status), _comment(status)
        cleaned: JsonObject = {}
        invalid = False
        if ok:
            try:
                cleaned = _clean_answer(request_type, data if isinstance(data, dict) else {})
            except Invalid as exc:
                ok, invalid, code, comment = False, True, int(RequestStatus.UNKNOWN), f"invalid answer: {exc}"
        results.append(BatchResult(request_type, ok, code, comment, cleaned, invalid))
    return results


def probe(host: str, port: int, timeout: float = 0.5) -> Hello | None:
    """Is an obs-websocket v5 answering there? Reads its Hello (without identifying); None if not."""
    try:
        ws = websocket.create_connection(f"ws://{host}:{port}", timeout=timeout, skip_utf8_validation=True)
    except (OSError, websocket.WebSocketException, ValueError):
        return None
    try:
        hello = parse_frame(ws.recv())
        data = hello.get("d") if isinstance(hello, dict) else None
        if not isinstance(data, dict) or hello.get("op") != OpCode.HELLO:
            return None
        version = data.get("obsWebSocketVersion")
        return Hello(
            version[:64] if isinstance(version, str) else "",
            bounded_int(data.get("rpcVersion"), 0, 1000) or 0,
            isinstance(data.get("authentication"), dict),
        )
    except (OSError, websocket.WebSocketException, ValueError, TypeError):
        return None
    finally:
        with contextlib.suppress(Exception):
            ws.close()
