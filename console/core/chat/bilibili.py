"""Bilibili comments through the live open platform (直播开放平台): the host's identity code (身份码) starts the
app's session over the signed HTTP API (`/v2/app/start`), the returned websocket address is joined with the
returned auth body, and both the websocket (op 2, every 20 s) and the app session (`/v2/app/heartbeat`, every
20 s) are kept alive; `/v2/app/end` ends it. Comments (LIVE_OPEN_PLATFORM_DM), gifts, likes, super chats, guard
purchases and room entries become ChatEvents; other commands are counted and ignored. Qt-free.

The open platform is Bilibili's official interface for interactive apps: it needs a developer's access key
(id and secret) and an app id from the open platform, and the host's 身份码 from the live centre
(直播中心 ▸ 我的直播间 ▸ 身份码). The secret and the 身份码 live in the keyring.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from console.core import logsafe
from console.core.chat import bilibili_messages as messages
from console.core.chat import bilibili_wire as wire
from console.core.chat.events import ChatDetail, ChatEvent
from console.core.chat.feed import ChatFeed
from console.core.chat.source import ChatSource, SourceFailure
from console.core.telemetry.audience import SourceStatus
from obs import oswords
from obs.text import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    import httpx
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.client import ClientConnection

LOG = logging.getLogger(__name__)

API_BASE = "https://live-open.biliapi.com"
#: The open platform's documented rhythm: a websocket heartbeat and an app heartbeat every 20 s (the app session
#: ends after 60 s without one).
HEARTBEAT_S = 20.0
#: No heartbeat reply (or any packet) for this long: the connection is dead even if TCP has not noticed.
HEARTBEAT_TIMEOUT_S = 60.0
AUTH_TIMEOUT_S = 5.0
#: The platform asks to wait before starting again after this code (request cool-down, 请求冷却期).
COOL_DOWN_CODES = {7001: 30.0}
#: Start refused because the 身份码 (7007) or the app's credentials/signature (4000-range) are wrong.
IDENTITY_CODE_ERRORS = {7007}


class _GameEnded(Exception):
    pass


class _Transient(SourceFailure):
    """The platform could not be reached or answered garbage: worth trying again soon, not a refusal."""


class BilibiliOpenSource(ChatSource):
    platform = "bilibili"

    def __init__(
        self,
        feed: ChatFeed,
        app_id: int,
        access_key_id: str,
        access_key_secret: str,
        identity_code: str,
        source_id: str = "bilibili",
        api_base: str = API_BASE,
        heartbeat_s: float = HEARTBEAT_S,
        heartbeat_timeout_s: float = HEARTBEAT_TIMEOUT_S,
        auth_timeout_s: float = AUTH_TIMEOUT_S,
        http_timeout_s: float = 10.0,
        transport: httpx.BaseTransport | None = None,
        wall: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(feed, source_id)
        self.app_id = app_id
        self._key_id = access_key_id
        self._key_secret = access_key_secret
        self._code = identity_code
        logsafe.register_secret(access_key_secret)
        logsafe.register_secret(identity_code)
        self.api_base = api_base.rstrip("/")
        self.heartbeat_s = heartbeat_s
        self.heartbeat_timeout_s = heartbeat_timeout_s
        self.auth_timeout_s = auth_timeout_s
        self._http_timeout_s = http_timeout_s
        self._transport = transport
        self._wall = wall
        self._ws: ClientConnection | None = None
        self._ws_lock = threading.Lock()
        #: The host's own open_id (from the start answer): their comments are flagged as the host's.
        self.anchor_open_id = ""
        self.room_id = 0
        self.game_id = ""

    # ------------------------------------------------------------------ HTTP API
    def _call(self, client: httpx.Client, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        """One signed POST; the answer's JSON object. SourceFailure in words when it is not a success."""
        import httpx

        body = json.dumps(payload, separators=(",", ":")).encode()
        headers = wire.sign(body, self._key_id, self._key_secret)
        try:
            response = client.post(f"{self.api_base}{path}", content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise _Transient(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP("Chat", "Cannot reach the Bilibili open platform: {error}"),
                    error=oswords.reason_or(exc, str(exc) or type(exc).__name__),
                )
            ) from exc
        if response.status_code in (401, 403):
            raise SourceFailure(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP(
                        "Chat",
                        "The Bilibili open platform refused the access key (HTTP {code}): check its id and secret.",
                    ),
                    code=response.status_code,
                ),
                SourceStatus.AUTH_ERROR,
            )
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if not isinstance(answer, dict):
            raise _Transient(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP("Chat", "The Bilibili open platform answered HTTP {code} without JSON."),
                    code=response.status_code,
                )
            )
        code = messages.integer(answer.get("code"), -1)
        if code != 0:
            raise self._refusal(path, code, messages.text(answer.get("message"), 200))
        return answer

    def _refusal(self, path: str, code: int, message: str) -> SourceFailure:
        if code in IDENTITY_CODE_ERRORS:
            return SourceFailure(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP(
                        "Chat", "Bilibili does not accept the identity code (身份码) ({message}, code {code})."
                    ),
                    message=message,
                    code=code,
                ),
                SourceStatus.AUTH_ERROR,
            )
        if 4000 <= code < 5000:
            return SourceFailure(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP(
                        "Chat",
                        "Bilibili refused the request ({message}, code {code}): check the app id, the access key "
                        "and this computer's clock.",
                    ),
                    message=message,
                    code=code,
                ),
                SourceStatus.AUTH_ERROR,
            )
        if code in COOL_DOWN_CODES:
            wait = COOL_DOWN_CODES[code]
            return SourceFailure(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP(
                        "Chat", "Bilibili asks to wait ({message}, code {code}); next try in {seconds} s."
                    ),
                    message=message,
                    code=code,
                    seconds=f"{wait:.0f}",
                ),
                SourceStatus.RATE_LIMITED,
                wait=wait,
            )
        return SourceFailure(
            ChatDetail.of(
                QT_TRANSLATE_NOOP("Chat", "Bilibili refused {call} ({message}, code {code})."),
                call=path.rsplit("/", 1)[-1],
                message=message,
                code=code,
            )
        )

    def _start_game(self, client: httpx.Client) -> tuple[str, list[str]]:
        answer = self._call(client, "/v2/app/start", {"code": self._code, "app_id": self.app_id})
        data = messages.obj(answer.get("data"))
        game, info, anchor = (
            messages.obj(data.get("game_info")),
            messages.obj(data.get("websocket_info")),
            messages.obj(data.get("anchor_info")),
        )
        auth_body = info.get("auth_body")
        links = [link for link in info.get("wss_link") or [] if isinstance(link, str) and link]
        if not isinstance(auth_body, str) or not links:
            raise SourceFailure(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP("Chat", "Bilibili's start answer has no websocket address or auth body.")
                )
            )
        self.game_id = messages.text(game.get("game_id"))
        self.anchor_open_id = messages.text(anchor.get("open_id"))
        self.room_id = messages.integer(anchor.get("room_id"))
        return auth_body, links

    def _end_game(self, client: httpx.Client) -> None:
        if not self.game_id:
            return
        try:
            self._call(client, "/v2/app/end", {"game_id": self.game_id, "app_id": self.app_id})
        except SourceFailure as failure:  # the session ends by itself a minute later anyway
            LOG.info("ending the Bilibili app session: %s", failure)
        self.game_id = ""

    # ------------------------------------------------------------------ one session
    def _session(self) -> None:
        import httpx

        self._set_state(SourceStatus.CONNECTING)
        with httpx.Client(timeout=self._http_timeout_s, transport=self._transport) as client:
            try:
                auth_body, links = self._start_game(client)
                with self._connect(links) as ws:  # entered as a context: it is closed however the session ends
                    try:
                        early = self._authenticate(ws, auth_body)
                        self._connected(self._connected_detail())
                        self._messages(early, time.monotonic())
                        self._read(ws, client)
                    finally:
                        with self._ws_lock:
                            self._ws = None
            finally:
                self._end_game(client)

    def _connect(self, links: list[str]) -> ClientConnection:
        from websockets.exceptions import InvalidHandshake, InvalidURI
        from websockets.sync.client import connect

        problem: str | Message = ""
        for link in links:
            if self.halted:
                break
            try:
                ws = connect(link, open_timeout=10.0, close_timeout=2.0, max_size=2 * 1024 * 1024, compression=None)
            except (OSError, TimeoutError, InvalidHandshake, InvalidURI) as exc:
                problem = oswords.reason_or(exc, str(exc) or type(exc).__name__)
                continue
            with self._ws_lock:
                self._ws = ws  # stop() closes it from now on; if it already has, the first read says so
            return ws
        raise SourceFailure(
            ChatDetail.of(
                QT_TRANSLATE_NOOP("Chat", "Cannot connect to Bilibili's comment server: {error}"), error=problem
            )
        )

    def _interrupt(self) -> None:
        with self._ws_lock:
            ws = self._ws
        if ws is not None:
            ws.close()

    def _authenticate(self, ws: ClientConnection, auth_body: str) -> list[wire.Packet]:
        """Log in; the packets that came after the auth reply in its frame (messages are not lost)."""
        self._send(ws, wire.pack(wire.Op.AUTH, auth_body.encode()))
        deadline = time.monotonic() + self.auth_timeout_s
        while True:
            frame = self._receive(ws, deadline - time.monotonic())
            if frame is None:
                raise SourceFailure(
                    ChatDetail.of(
                        QT_TRANSLATE_NOOP(
                            "Chat", "Bilibili's comment server did not confirm the login within {seconds} s."
                        ),
                        seconds=f"{self.auth_timeout_s:g}",
                    )
                )
            packets, problems = wire.unpack(frame)
            for problem in problems:
                self._bad_input(problem)
            for index, packet in enumerate(packets):
                if packet.op != wire.Op.AUTH_REPLY:
                    continue
                try:
                    code = messages.integer(json.loads(packet.body).get("code"), -1)
                except (ValueError, AttributeError, RecursionError):
                    code = -1
                if code != 0:
                    raise SourceFailure(
                        ChatDetail.of(
                            QT_TRANSLATE_NOOP(
                                "Chat", "Bilibili's comment server refused the login (code {code}); starting again."
                            ),
                            code=code,
                        ),
                        SourceStatus.AUTH_ERROR,
                    )
                return packets[index + 1 :]

    def _receive(self, ws: ClientConnection, timeout: float) -> bytes | None:
        """The next frame as bytes; None when `timeout` passes first. SourceFailure when the connection ends."""
        from websockets.exceptions import ConnectionClosed

        try:
            frame = ws.recv(timeout=max(0.0, timeout))
        except TimeoutError:
            return None
        except ConnectionClosed as exc:
            raise self._closed(exc) from exc
        if isinstance(frame, str):
            self._bad_input("a text frame where binary packets were expected")
            return b""
        return frame

    def _closed(self, exc: ConnectionClosed) -> SourceFailure:
        if self.halted:
            return SourceFailure(ChatDetail())
        reason = exc.rcvd.reason if exc.rcvd is not None and exc.rcvd.reason else ""
        code = exc.rcvd.code if exc.rcvd is not None else 1006
        return SourceFailure(
            ChatDetail.of(
                QT_TRANSLATE_NOOP(
                    "Chat", "Bilibili's comment server closed the connection ({code} {reason}); reconnecting."
                ),
                code=code,
                reason=messages.text(reason, 120),
            )
        )

    def _send(self, ws: ClientConnection, data: bytes) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            ws.send(data)
        except ConnectionClosed as exc:
            raise self._closed(exc) from exc

    def _read(self, ws: ClientConnection, client: httpx.Client) -> None:
        now = time.monotonic()
        next_beat = now  # the first heartbeat at once, as the platform's own clients do
        next_app_beat = now + self.heartbeat_s
        last_heard = last_app_ok = now
        while not self.halted:
            now = time.monotonic()
            if now >= next_beat:
                self._send(ws, wire.pack(wire.Op.HEARTBEAT))
                next_beat = now + self.heartbeat_s
            if now >= next_app_beat:
                if self._app_heartbeat(client, last_app_ok):
                    last_app_ok = now
                    next_app_beat = time.monotonic() + self.heartbeat_s
                else:
                    next_app_beat = time.monotonic() + min(5.0, self.heartbeat_s / 4)
            if now - last_heard > self.heartbeat_timeout_s:
                raise SourceFailure(
                    ChatDetail.of(
                        QT_TRANSLATE_NOOP(
                            "Chat", "Bilibili's comment server has not answered for {seconds} s; reconnecting."
                        ),
                        seconds=f"{now - last_heard:.0f}",
                    )
                )
            timeout = min(next_beat, next_app_beat, last_heard + self.heartbeat_timeout_s + 0.01) - now
            frame = self._receive(ws, timeout)
            if frame is None:
                continue
            last_heard = time.monotonic()
            self._frame(frame, last_heard)

    def _app_heartbeat(self, client: httpx.Client, last_ok: float) -> bool:
        """Keep the app session alive; False when the platform could not be reached (tried again soon: the session
        survives a minute without heartbeats). A refusal (the game expired) or a minute of failures ends this
        session, and a new game is started."""
        try:
            self._call(client, "/v2/app/heartbeat", {"game_id": self.game_id})
        except _Transient as failure:
            if time.monotonic() - last_ok > self.heartbeat_timeout_s:
                raise
            self._set_state(SourceStatus.OK, failure.detail)
            return False
        if self.state().detail != self._connected_detail():
            self._connected(self._connected_detail())
        return True

    def _connected_detail(self) -> ChatDetail:
        return ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Connected to live room {room}."), room=self.room_id)

    # ------------------------------------------------------------------ packets and commands
    def _frame(self, frame: bytes, t: float) -> None:
        packets, problems = wire.unpack(frame)
        for problem in problems:
            self._bad_input(problem)
        self._messages(packets, t)

    def _messages(self, packets: list[wire.Packet], t: float) -> None:
        events: list[ChatEvent] = []
        for packet in packets:
            if packet.op != wire.Op.MESSAGE:
                continue
            try:
                message = json.loads(packet.body)
            except (ValueError, RecursionError):
                self._bad_input("a message that is not JSON")
                continue
            if not isinstance(message, dict) or not isinstance(message.get("cmd"), str):
                self._bad_input("a message without a command")
                continue
            try:
                event = self._command(message, t)
            except _GameEnded as exc:
                self._emit(events)  # what came before the end in the same frame is kept
                raise SourceFailure(
                    ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Bilibili ended the app session; starting a new one."))
                ) from exc
            if event is not None:
                events.append(event)
        self._emit(events)

    def _command(self, message: dict[str, Any], t: float) -> ChatEvent | None:
        cmd = message["cmd"].split(":", 1)[0]
        data = message.get("data")
        if cmd == messages.END_COMMAND:
            raise _GameEnded
        if cmd in messages.QUIET_COMMANDS:
            return None
        parse = messages.COMMANDS.get(cmd)
        if parse is None:
            self._unknown_type(cmd)
            return None
        if not isinstance(data, dict):
            self._bad_input(f"{cmd} without data")
            return None
        event = parse(messages.Room(self.platform, self.source_id, self.anchor_open_id, self._wall()), data, t)
        if event is None:
            self._bad_input(f"{cmd} without a user")
        return event
