"""Custom comment sources: a team's own tool sending JSON lines over a WebSocket or a streaming HTTP endpoint
(one JSON object a line, fields found through a FieldMap). `{secret}` in the address or a header value is replaced
by the secret from the keyring. Qt-free."""

from __future__ import annotations

import json
import threading
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from console.core import logsafe
from console.core.chat.events import ChatDetail, ChatEvent
from console.core.chat.feed import ChatFeed
from console.core.chat.mapping import MAX_LINE, FieldMap, UnknownKind, Unreadable, to_event
from console.core.chat.source import ChatSource, SourceFailure
from console.core.telemetry.audience import SourceStatus
from obs import oswords
from obs.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import httpx
    from websockets.sync.client import ClientConnection

SECRET = "{secret}"


class _JsonLines(ChatSource):
    """What both custom sources share: the secret put in, lines split (a line may span messages or chunks),
    each line read through the field map; what cannot be read counted."""

    def __init__(
        self,
        feed: ChatFeed,
        url: str,
        field_map: FieldMap,
        headers: tuple[tuple[str, str], ...] = (),
        secret: str = "",
        source_id: str = "",
    ) -> None:
        super().__init__(feed, source_id)
        self.url = url
        self.field_map = field_map
        self.headers = headers
        self._secret = secret
        logsafe.register_secret(secret)  # httpx and websockets log addresses, where a token may sit
        self._partial = b""

    def _address(self) -> str:
        return self.url.replace(SECRET, quote(self._secret, safe=""))

    def _header_values(self) -> dict[str, str]:
        return {name: value.replace(SECRET, self._secret) for name, value in self.headers}

    def _host(self) -> str:
        return urlsplit(self.url.replace(SECRET, "x")).netloc or "?"

    def _redact(self, text: str) -> str:
        return text.replace(self._secret, "•••") if self._secret else text

    def _take(self, data: bytes, received: float) -> None:
        """Complete lines of what arrived; an unfinished last line waits for the rest."""
        buffer = self._partial + data
        lines = buffer.split(b"\n")
        self._partial = lines.pop()
        if len(self._partial) > MAX_LINE:
            self._bad_input(f"a line longer than {MAX_LINE // 1024} KB")
            self._partial = b""
        events = []
        now_wall = time.time()
        for raw in lines:
            event = self._line(raw, received, now_wall)
            if event is not None:
                events.append(event)
        self._emit(events)

    def _line(self, raw: bytes, received: float, now_wall: float) -> ChatEvent | None:
        raw = raw.strip()
        if not raw:
            return None
        if len(raw) > MAX_LINE:
            self._bad_input(f"a line longer than {MAX_LINE // 1024} KB")
            return None
        try:
            record: Any = json.loads(raw.removeprefix(b"\xef\xbb\xbf"))
        except (ValueError, RecursionError):
            self._bad_input("a line that is not JSON")
            return None
        try:
            return to_event(record, self.field_map, self.platform, self.source_id, received, now_wall)
        except UnknownKind as exc:
            self._unknown_type(str(exc))
        except Unreadable as exc:
            self._bad_input(str(exc))
        return None


class JsonLinesWebSocketSource(_JsonLines):
    platform = "websocket"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._ws: ClientConnection | None = None
        self._ws_lock = threading.Lock()

    def _session(self) -> None:
        from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI
        from websockets.sync.client import connect

        self._set_state(SourceStatus.CONNECTING)
        self._partial = b""
        try:
            connection = connect(
                self._address(),
                additional_headers=self._header_values(),
                open_timeout=10.0,
                close_timeout=2.0,
                max_size=4 * 1024 * 1024,
            )
        except InvalidStatus as exc:
            code = exc.response.status_code
            raise SourceFailure(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP("Chat", "{host} refused the connection (HTTP {code})."),
                    host=self._host(),
                    code=code,
                ),
                SourceStatus.AUTH_ERROR if code in (401, 403) else SourceStatus.ERROR,
            ) from exc
        except (OSError, TimeoutError, InvalidHandshake, InvalidURI) as exc:
            raise SourceFailure(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP("Chat", "Cannot connect to {host}: {error}"),
                    host=self._host(),
                    error=oswords.reason_or(exc, self._redact(str(exc) or type(exc).__name__)),
                )
            ) from exc
        with connection as ws:
            with self._ws_lock:
                self._ws = ws
            try:
                if self.halted:
                    return
                self._connected(ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Connected to {host}."), host=self._host()))
                while not self.halted:
                    try:
                        data = ws.recv()
                    except ConnectionClosed as exc:
                        if self.halted:
                            return
                        raise SourceFailure(
                            ChatDetail.of(
                                QT_TRANSLATE_NOOP("Chat", "{host} closed the connection; reconnecting."),
                                host=self._host(),
                            )
                        ) from exc
                    chunk = data.encode() if isinstance(data, str) else data
                    # A WebSocket message is complete: a last line without its newline is a whole line here.
                    self._take(chunk + b"\n", time.monotonic())
            finally:
                with self._ws_lock:
                    self._ws = None

    def _interrupt(self) -> None:
        with self._ws_lock:
            ws = self._ws
        if ws is not None:
            ws.close()


class JsonLinesHttpSource(_JsonLines):
    """A GET whose answer streams JSON lines (application/x-ndjson, chunked). When the answer ends, the endpoint is
    asked again after `backoff_base_s` (so a plain endpoint answering its newest lines is polled; give the lines
    ids and repeats are shown once)."""

    platform = "http"
    backoff_base_s = 2.0

    def __init__(self, *args: Any, transport: httpx.BaseTransport | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._transport = transport
        self._response: httpx.Response | None = None

    def _session(self) -> None:
        import httpx

        self._partial = b""
        timeout = httpx.Timeout(10.0, read=None)  # a stream may be quiet for minutes between comments
        try:
            with (
                httpx.Client(timeout=timeout, transport=self._transport, follow_redirects=True) as client,
                client.stream("GET", self._address(), headers=self._header_values()) as response,
            ):
                self._response = response
                self._check(response)
                self._connected(ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Connected to {host}."), host=self._host()))
                for chunk in response.iter_raw():
                    if self.halted:
                        return
                    self._take(chunk, time.monotonic())
        except httpx.HTTPError as exc:
            if self.halted:
                return
            raise SourceFailure(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP("Chat", "Cannot reach {host}: {error}"),
                    host=self._host(),
                    error=oswords.reason_or(exc, self._redact(str(exc) or type(exc).__name__)),
                )
            ) from exc
        finally:
            self._response = None
        if self._partial.strip():
            self._take(b"\n", time.monotonic())  # the answer ended: its last line is complete

    def _check(self, response: httpx.Response) -> None:
        code = response.status_code
        if code < 400:
            return
        if code == 429:
            retry = response.headers.get("retry-after", "")
            wait = float(retry) if retry.replace(".", "", 1).isdigit() else None
            raise SourceFailure(
                ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "{host} asks to slow down (HTTP 429)."), host=self._host()),
                SourceStatus.RATE_LIMITED,
                wait=None if wait is None else min(wait, 3600.0),
            )
        raise SourceFailure(
            ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "{host} answered HTTP {code}."), host=self._host(), code=code),
            SourceStatus.AUTH_ERROR if code in (401, 403) else SourceStatus.ERROR,
        )

    def _interrupt(self) -> None:
        response = self._response
        if response is not None:
            response.close()
