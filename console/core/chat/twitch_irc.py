"""Twitch chat over IRC on a WebSocket (wss://irc-ws.chat.twitch.tv:443): the fallback for a read-only viewer
token (scope `chat:read`), or anonymous read-only as `justinfanNNNNN` without any token. Logs in (`PASS oauth:…`,
`NICK`), asks for the tags and commands capabilities, joins `#channel`, answers PING with PONG, and reads PRIVMSG
(and subscription USERNOTICEs) with their IRCv3 tags; RECONNECT is obeyed at once. Qt-free."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from console.core import logsafe
from console.core.chat import twitch_messages as messages
from console.core.chat.bilibili_messages import text
from console.core.chat.events import ChatDetail, ChatEvent
from console.core.chat.feed import ChatFeed
from console.core.chat.source import ChatSource, SourceFailure
from console.core.chat.twitch import ID_BASE, clean_channel, validate_token
from console.core.telemetry.audience import SourceStatus
from obs import oswords
from obs.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import httpx
    from websockets.sync.client import ClientConnection

IRC_URL = "wss://irc-ws.chat.twitch.tv:443"
#: The server's welcome (001) or its refusal comes within seconds of NICK.
LOGIN_TIMEOUT_S = 10.0
#: Quiet this long: the console sends its own PING; no answer within PONG_TIMEOUT_S means a dead connection.
IDLE_PING_S = 60.0
PONG_TIMEOUT_S = 10.0
#: Twitch's words when it refuses a login (sent as a NOTICE, then the connection closes).
LOGIN_REFUSALS = ("Login authentication failed", "Improperly formatted auth", "Invalid NICK")


class _Reconnect(Exception):
    pass


class TwitchIrcSource(ChatSource):
    platform = "twitch"

    def __init__(
        self,
        feed: ChatFeed,
        channel: str,
        token: str = "",
        source_id: str = "twitch",
        irc_url: str = IRC_URL,
        id_base: str = ID_BASE,
        idle_ping_s: float = IDLE_PING_S,
        pong_timeout_s: float = PONG_TIMEOUT_S,
        http_timeout_s: float = 10.0,
        transport: httpx.BaseTransport | None = None,
        wall: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(feed, source_id)
        self.channel = clean_channel(channel)
        self._token = token.strip().removeprefix("oauth:")
        logsafe.register_secret(self._token)
        self.irc_url = irc_url
        self.id_base = id_base.rstrip("/")
        self.idle_ping_s = idle_ping_s
        self.pong_timeout_s = pong_timeout_s
        self._http_timeout_s = http_timeout_s
        self._transport = transport
        self._wall = wall
        self._ws: ClientConnection | None = None
        self._ws_lock = threading.Lock()
        self.nick = ""
        #: PINGs from the server answered with PONG.
        self.pongs_sent = 0

    @property
    def anonymous(self) -> bool:
        return not self._token

    def _login_name(self) -> str:
        if self.anonymous:
            return f"justinfan{random.randint(10_000, 99_999)}"
        import httpx

        with httpx.Client(timeout=self._http_timeout_s, transport=self._transport) as client:
            info = validate_token(client, self.id_base, self._token, self._wall())
        if "chat:read" not in info.scopes and "user:read:chat" not in info.scopes:
            raise SourceFailure(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP(
                        "Chat", "The Twitch token lacks the “{scope}” permission; create one that includes it."
                    ),
                    scope="chat:read",
                ),
                SourceStatus.AUTH_ERROR,
            )
        return info.login

    def _session(self) -> None:
        from websockets.exceptions import InvalidHandshake, InvalidURI
        from websockets.sync.client import connect

        self._set_state(SourceStatus.CONNECTING)
        self.nick = self._login_name()
        try:
            ws = connect(self.irc_url, open_timeout=10.0, close_timeout=2.0, max_size=1024 * 1024, compression=None)
        except (OSError, TimeoutError, InvalidHandshake, InvalidURI) as exc:
            raise SourceFailure(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP("Chat", "Cannot connect to Twitch chat: {error}"),
                    error=oswords.reason_or(exc, str(exc) or type(exc).__name__),
                )
            ) from exc
        with ws:
            with self._ws_lock:
                self._ws = ws
            try:
                if self.halted:
                    return
                self._send(ws, "CAP REQ :twitch.tv/tags twitch.tv/commands")
                self._send(ws, f"PASS oauth:{self._token}" if self._token else "PASS SCHMOOPIIE")
                self._send(ws, f"NICK {self.nick}")
                self._login(ws)
                self._send(ws, f"JOIN #{self.channel}")
                words = (
                    QT_TRANSLATE_NOOP("Chat", "Reading the chat of twitch.tv/{channel} (read-only, anonymous).")
                    if self.anonymous
                    else QT_TRANSLATE_NOOP("Chat", "Reading the chat of twitch.tv/{channel} (IRC).")
                )
                self._connected(ChatDetail.of(words, channel=self.channel))
                self._read(ws)
            except _Reconnect:
                raise SourceFailure(
                    ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Twitch chat asked to reconnect; reconnecting.")),
                    SourceStatus.CONNECTING,
                    wait=0.0,
                ) from None
            finally:
                with self._ws_lock:
                    self._ws = None

    def _interrupt(self) -> None:
        with self._ws_lock:
            ws = self._ws
        if ws is not None:
            ws.close()

    def _send(self, ws: ClientConnection, line: str) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            ws.send(line + "\r\n")
        except ConnectionClosed as exc:
            raise self._closed() from exc

    def _closed(self) -> SourceFailure:
        if self.halted:
            return SourceFailure(ChatDetail())
        return SourceFailure(
            ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Twitch chat closed the connection; reconnecting."))
        )

    def _lines(self, ws: ClientConnection, timeout: float) -> list[str] | None:
        """The lines of the next message (one message may hold several); None on timeout."""
        from websockets.exceptions import ConnectionClosed

        try:
            frame = ws.recv(timeout=max(0.0, timeout))
        except TimeoutError:
            return None
        except ConnectionClosed as exc:
            raise self._closed() from exc
        data = frame if isinstance(frame, str) else frame.decode("utf-8", "replace")
        return [line for line in data.split("\r\n") if line.strip()]

    def _login(self, ws: ClientConnection) -> None:
        deadline = time.monotonic() + LOGIN_TIMEOUT_S
        while True:
            remaining = deadline - time.monotonic()
            lines = self._lines(ws, remaining) if remaining > 0 else None
            if lines is None:
                raise SourceFailure(ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Twitch chat did not confirm the login.")))
            for index, raw in enumerate(lines):
                try:
                    line = messages.parse_irc(raw)
                except messages.Unreadable as exc:
                    self._bad_input(str(exc))
                    continue
                if line.command == "NOTICE" and any(words in line.trailing for words in LOGIN_REFUSALS):
                    raise SourceFailure(
                        ChatDetail.of(
                            QT_TRANSLATE_NOOP("Chat", "Twitch chat refused the login ({message}): check the token."),
                            message=text(line.trailing, 200),
                        ),
                        SourceStatus.AUTH_ERROR,
                    )
                if line.command == "001":
                    self._lines_read(ws, lines[index + 1 :], time.monotonic())
                    return
                self._lines_read(ws, [raw], time.monotonic())

    def _read(self, ws: ClientConnection) -> None:
        last_heard = time.monotonic()
        ping_sent = 0.0
        while not self.halted:
            now = time.monotonic()
            if ping_sent and now - ping_sent > self.pong_timeout_s:
                raise SourceFailure(
                    ChatDetail.of(
                        QT_TRANSLATE_NOOP(
                            "Chat", "Twitch chat did not answer a PING within {seconds} s; reconnecting."
                        ),
                        seconds=f"{self.pong_timeout_s:g}",
                    )
                )
            if not ping_sent and now - last_heard >= self.idle_ping_s:
                self._send(ws, "PING :tmi.twitch.tv")
                ping_sent = now
            deadline = ping_sent + self.pong_timeout_s if ping_sent else last_heard + self.idle_ping_s
            lines = self._lines(ws, deadline - now + 0.01)
            if lines is None:
                continue
            last_heard = time.monotonic()
            ping_sent = 0.0
            self._lines_read(ws, lines, last_heard)

    def _lines_read(self, ws: ClientConnection, lines: list[str], t: float) -> None:
        events: list[ChatEvent] = []
        try:
            for raw in lines:
                event = self._line(ws, raw, t)
                if event is not None:
                    events.append(event)
        finally:
            self._emit(events)  # what came before a RECONNECT in the same message is kept

    def _line(self, ws: ClientConnection, raw: str, t: float) -> ChatEvent | None:
        try:
            line = messages.parse_irc(raw)
        except messages.Unreadable as exc:
            self._bad_input(str(exc))
            return None
        command = line.command
        try:
            if command == "PRIVMSG":
                return messages.privmsg(line, self.source_id, t, self._wall())
            if command == "USERNOTICE":
                return messages.usernotice(line, self.source_id, t, self._wall())
        except messages.Unreadable as exc:
            self._bad_input(str(exc))
            return None
        if command == "PING":
            self._send(ws, f"PONG :{line.trailing or 'tmi.twitch.tv'}")
            self.pongs_sent += 1
        elif command == "RECONNECT":
            raise _Reconnect
        elif command == "NOTICE":
            if any(words in line.trailing for words in LOGIN_REFUSALS):
                raise SourceFailure(
                    ChatDetail.of(
                        QT_TRANSLATE_NOOP("Chat", "Twitch chat refused the login ({message}): check the token."),
                        message=text(line.trailing, 200),
                    ),
                    SourceStatus.AUTH_ERROR,
                )
        elif command not in messages.QUIET_IRC:
            self._unknown_type(command)
        return None
