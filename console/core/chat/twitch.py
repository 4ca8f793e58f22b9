"""Twitch chat through EventSub over WebSocket: connect, read `session_welcome` (the session id and the keepalive
timeout), subscribe the session to `channel.chat.message` over the Helix API (POST /helix/eventsub/subscriptions,
`Client-Id` + a user token with `user:read:chat`), then read notifications. Silence longer than the keepalive
timeout means a dead connection (reconnect); `session_reconnect` is followed by connecting to the new URL first
and closing the old connection only after the new one's welcome (Twitch's documented handover: the
subscriptions move with the session, no message is lost); `revocation` and the close codes 4000–4007 are said
in words. The IRC-over-WebSocket fallback for a read-only viewer token is in twitch_irc.py. Qt-free.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from console.core import logsafe
from console.core.chat import twitch_messages as messages
from console.core.chat.bilibili_messages import obj, text
from console.core.chat.events import ChatDetail, ChatEvent
from console.core.chat.feed import ChatFeed
from console.core.chat.oauth import SignInError, Tokens, refresh
from console.core.chat.source import ChatSource, Posted, SourceFailure
from console.core.telemetry.audience import SourceStatus
from console.core.telemetry.audience_http import MAX_RESET_WAIT_S, _seconds_until_reset
from obs import oswords
from obs.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import httpx
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.client import ClientConnection

LOG = logging.getLogger(__name__)

EVENTSUB_URL = "wss://eventsub.wss.twitch.tv/ws"
HELIX_BASE = "https://api.twitch.tv/helix"
ID_BASE = "https://id.twitch.tv/oauth2"
SUBSCRIPTION = "channel.chat.message"
CHAT_SCOPE = "user:read:chat"
#: Send Chat Message (POST /helix/chat/messages) needs a user token with this scope.
WRITE_SCOPE = "user:write:chat"
#: Twitch refuses longer chat messages (HTTP 422); the console says so before sending.
MAX_POST_CHARS = 500
#: Twitch's welcome comes at once; this long without it is a failed connection.
WELCOME_TIMEOUT_S = 10.0
#: Silence beyond the keepalive timeout is allowed this much slack (network jitter) before reconnecting.
KEEPALIVE_SLACK_S = 2.0
#: After the new connection's welcome, the old one is read this long more for messages still in flight.
HANDOVER_DRAIN_S = 0.5
#: EventSub may deliver a message twice: its metadata.message_id is remembered this far back.
SEEN_IDS = 2000

#: EventSub's documented close codes, in the user's words (whole sentences, so each translates as one).
CLOSE_REASONS: dict[int, str] = {
    4000: QT_TRANSLATE_NOOP(
        "Chat",
        "Twitch closed the connection after an internal server error (code {code}); reconnecting.",
    ),
    4001: QT_TRANSLATE_NOOP(
        "Chat",
        "Twitch closed the connection: it says this console sent it messages, where only "
        "pongs are allowed (code {code}); reconnecting.",
    ),
    4002: QT_TRANSLATE_NOOP(
        "Chat",
        "Twitch closed the connection: it says this console did not answer its pings (code {code}); reconnecting.",
    ),
    4003: QT_TRANSLATE_NOOP(
        "Chat",
        "Twitch closed an unused connection: no subscription within 10 s (code {code}); reconnecting.",
    ),
    4004: QT_TRANSLATE_NOOP(
        "Chat",
        "Twitch closed the connection: the reconnect grace time expired before the "
        "console moved to the new address (code {code}); reconnecting.",
    ),
    4005: QT_TRANSLATE_NOOP(
        "Chat",
        "Twitch closed the connection after a network timeout (code {code}); reconnecting.",
    ),
    4006: QT_TRANSLATE_NOOP(
        "Chat",
        "Twitch closed the connection after a network error (code {code}); reconnecting.",
    ),
    4007: QT_TRANSLATE_NOOP(
        "Chat",
        "Twitch closed the connection: it refused the reconnect address (code {code}); reconnecting.",
    ),
}
#: Why Twitch revoked a subscription (payload.subscription.status).
REVOCATIONS: dict[str, str] = {
    "authorization_revoked": QT_TRANSLATE_NOOP(
        "Chat",
        "Twitch stopped the chat subscription: the token's authorization was revoked.",
    ),
    "user_removed": QT_TRANSLATE_NOOP(
        "Chat",
        "Twitch stopped the chat subscription: the channel's or the token's user no longer exists.",
    ),
    "version_removed": QT_TRANSLATE_NOOP(
        "Chat",
        "Twitch stopped the chat subscription: it removed this subscription version.",
    ),
    "moderator_removed": QT_TRANSLATE_NOOP(
        "Chat",
        "Twitch stopped the chat subscription: the token's user may no longer read this chat.",
    ),
}
#: What was asked when Twitch refused: (refused, answered with an error) sentences.
REFUSALS: dict[str, tuple[str, str]] = {
    "token": (
        QT_TRANSLATE_NOOP(
            "Chat",
            "Twitch refused the token (HTTP {code}: {message}): check the token and client id.",
        ),
        QT_TRANSLATE_NOOP(
            "Chat",
            "Twitch's token check answered HTTP {code} ({message}).",
        ),
    ),
    "channel": (
        QT_TRANSLATE_NOOP(
            "Chat",
            "Twitch refused the channel lookup (HTTP {code}: {message}): check the token and client id.",
        ),
        QT_TRANSLATE_NOOP(
            "Chat",
            "Twitch's channel lookup answered HTTP {code} ({message}).",
        ),
    ),
    "subscription": (
        QT_TRANSLATE_NOOP(
            "Chat",
            "Twitch refused the chat subscription (HTTP {code}: {message}): check the token and client id.",
        ),
        QT_TRANSLATE_NOOP(
            "Chat",
            "Twitch answered the chat subscription with HTTP {code} ({message}).",
        ),
    ),
}


@dataclass(frozen=True)
class TokenInfo:
    """What Twitch says about a user token (GET /oauth2/validate)."""

    user_id: str
    login: str
    client_id: str
    scopes: frozenset[str]


class _Handover(Exception):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


def _refused(response: httpx.Response, what: str, now_wall: float) -> SourceFailure:
    """A Helix or id.twitch.tv error answer, in words; 429 waits for Ratelimit-Reset."""
    code = response.status_code
    try:
        message = text(obj(response.json()).get("message"), 200)
    except ValueError:
        message = ""
    if code == 429:
        wait = min(_seconds_until_reset(response.headers, now_wall) or 60.0, MAX_RESET_WAIT_S)
        return SourceFailure(
            ChatDetail.of(
                QT_TRANSLATE_NOOP("Chat", "Twitch asks to slow down (HTTP 429); next try in {seconds} s."),
                seconds=f"{wait:.0f}",
            ),
            SourceStatus.RATE_LIMITED,
            wait=max(wait, 1.0),
        )
    refused, answered = REFUSALS[what]
    if code in (401, 403):
        return SourceFailure(ChatDetail.of(refused, code=code, message=message or "—"), SourceStatus.AUTH_ERROR)
    return SourceFailure(ChatDetail.of(answered, code=code, message=message or "—"))


def _unreachable(exc: Exception) -> SourceFailure:
    return SourceFailure(
        ChatDetail.of(
            QT_TRANSLATE_NOOP("Chat", "Cannot reach Twitch: {error}"),
            error=oswords.reason_or(exc, str(exc) or type(exc).__name__),
        )
    )


def validate_token(client: httpx.Client, id_base: str, token: str, now_wall: float) -> TokenInfo:
    """Whose token it is and what it may do (Twitch asks apps to validate their tokens this way)."""
    import httpx

    try:
        response = client.get(f"{id_base}/validate", headers={"Authorization": f"OAuth {token}"})
    except httpx.HTTPError as exc:
        raise _unreachable(exc) from exc
    if response.status_code != 200:
        raise _refused(response, "token", now_wall)
    try:
        body = obj(response.json())
    except ValueError as exc:
        raise SourceFailure(
            ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Twitch's token check did not answer JSON."))
        ) from exc
    scopes = body.get("scopes") or []
    return TokenInfo(
        text(body.get("user_id")),
        text(body.get("login")),
        text(body.get("client_id")),
        frozenset(str(scope) for scope in scopes if isinstance(scope, str))
        if isinstance(scopes, list)
        else frozenset(),
    )


def clean_channel(value: str) -> str:
    """The channel's login from what the user typed: `name`, `#name`, `@Name` or `https://twitch.tv/name`."""
    value = value.strip().rstrip("/")
    if "twitch.tv/" in value:
        value = value.split("twitch.tv/", 1)[1].split("/")[0].split("?")[0]
    return value.lstrip("#@").lower()


class TwitchEventSubSource(ChatSource):
    platform = "twitch"

    def __init__(
        self,
        feed: ChatFeed,
        channel: str,
        client_id: str,
        user_token: str,
        source_id: str = "twitch",
        eventsub_url: str = EVENTSUB_URL,
        helix_base: str = HELIX_BASE,
        id_base: str = ID_BASE,
        keepalive_slack_s: float = KEEPALIVE_SLACK_S,
        handover_drain_s: float = HANDOVER_DRAIN_S,
        http_timeout_s: float = 10.0,
        transport: httpx.BaseTransport | None = None,
        wall: Callable[[], float] = time.time,
        refresh_token: str = "",
        keep_tokens: Callable[[Tokens], None] | None = None,
    ) -> None:
        super().__init__(feed, source_id)
        self.channel = clean_channel(channel)
        self._client_id = client_id.strip()
        self._token = user_token.strip().removeprefix("oauth:")
        logsafe.register_secret(self._token)
        #: From "Sign in with Twitch": an expired access token is renewed with it, and the new pair kept
        #: (`keep_tokens`, the keyring) — Twitch's refresh tokens work once.
        self._refresh_token = refresh_token.strip()
        logsafe.register_secret(self._refresh_token)
        self._keep_tokens = keep_tokens
        self._token_lock = threading.Lock()
        #: What the token may do (from /oauth2/validate); empty until the first check.
        self.scopes: frozenset[str] = frozenset()
        #: Access tokens renewed with the refresh token.
        self.refreshes = 0
        self.eventsub_url = eventsub_url
        self.helix_base = helix_base.rstrip("/")
        self.id_base = id_base.rstrip("/")
        self.keepalive_slack_s = keepalive_slack_s
        self.handover_drain_s = handover_drain_s
        self._http_timeout_s = http_timeout_s
        self._transport = transport
        self._wall = wall
        self._ws: ClientConnection | None = None
        self._ws_lock = threading.Lock()
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._connections = contextlib.ExitStack()
        self.broadcaster_id = ""
        self.user_id = ""
        self.session_id = ""
        self.keepalive_s = 10.0
        #: Times the session moved to a new address on Twitch's session_reconnect (no new subscription needed).
        self.handovers = 0
        #: Notifications Twitch delivered twice (same metadata.message_id), shown once.
        self.duplicates = 0

    # ------------------------------------------------------------------ Helix
    def _headers(self) -> dict[str, str]:
        return {"Client-Id": self._client_id, "Authorization": f"Bearer {self._token}"}

    def _renew(self, client: httpx.Client, refused_token: str) -> bool:
        """A new access token from the refresh token (True), once for a token Twitch refused; the new pair is
        kept. False without a refresh token; SourceFailure when Twitch refuses the refresh token too."""
        with self._token_lock:
            if self._token != refused_token:
                return True  # another thread (a post, the reader) renewed it meanwhile
            if not self._refresh_token:
                return False
            try:
                tokens = refresh(client, self.id_base, self._client_id, self._refresh_token)
            except SignInError as exc:
                raise SourceFailure(exc.detail, SourceStatus.AUTH_ERROR) from exc
            self._token = tokens.access_token
            self._refresh_token = tokens.refresh_token or self._refresh_token
            self.refreshes += 1
        if self._keep_tokens is not None:
            try:
                self._keep_tokens(Tokens(self._token, self._refresh_token, tokens.scopes))
            except Exception:  # no keyring: the token works until the console closes; said in the log
                LOG.warning("the renewed Twitch token of %s could not be kept", self.source_id, exc_info=True)
        return True

    def _validate(self, client: httpx.Client) -> TokenInfo:
        """validate_token, renewing an expired token with the refresh token once."""
        token = self._token
        try:
            return validate_token(client, self.id_base, token, self._wall())
        except SourceFailure as failure:
            if failure.status is not SourceStatus.AUTH_ERROR or not self._renew(client, token):
                raise
        return validate_token(client, self.id_base, self._token, self._wall())

    def _resolve(self, client: httpx.Client) -> None:
        """The token's user id (it must hold user:read:chat) and the channel's broadcaster id."""
        import httpx

        info = self._validate(client)
        self.scopes = info.scopes
        if CHAT_SCOPE not in info.scopes:
            raise SourceFailure(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP(
                        "Chat", "The Twitch token lacks the “{scope}” permission; create one that includes it."
                    ),
                    scope=CHAT_SCOPE,
                ),
                SourceStatus.AUTH_ERROR,
            )
        self.user_id = info.user_id
        try:
            response = client.get(f"{self.helix_base}/users", params={"login": self.channel}, headers=self._headers())
        except httpx.HTTPError as exc:
            raise _unreachable(exc) from exc
        if response.status_code != 200:
            raise _refused(response, "channel", self._wall())
        try:
            data = obj(response.json()).get("data")
        except ValueError:
            data = None
        users = [obj(user) for user in data] if isinstance(data, list) else []
        if not users or not text(users[0].get("id")):
            raise SourceFailure(
                ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Twitch has no channel “{channel}”."), channel=self.channel)
            )
        self.broadcaster_id = text(users[0].get("id"))

    def _subscribe(self, client: httpx.Client, session_id: str) -> None:
        import httpx

        body = {
            "type": SUBSCRIPTION,
            "version": "1",
            "condition": {"broadcaster_user_id": self.broadcaster_id, "user_id": self.user_id},
            "transport": {"method": "websocket", "session_id": session_id},
        }
        try:
            response = client.post(f"{self.helix_base}/eventsub/subscriptions", json=body, headers=self._headers())
        except httpx.HTTPError as exc:
            raise _unreachable(exc) from exc
        if response.status_code in (200, 202, 409):  # 409: this session already has it (a retried request)
            return
        raise _refused(response, "subscription", self._wall())

    # ------------------------------------------------------------------ posting (quick replies)
    def can_post(self) -> bool:
        """The token holds user:write:chat (known once /oauth2/validate answered) and the channel is known."""
        return WRITE_SCOPE in self.scopes and bool(self.broadcaster_id and self.user_id)

    def post(self, text: str) -> Posted:
        """Send Chat Message (POST /helix/chat/messages) as the token's user; blocking, on the caller's thread."""
        import httpx

        text = text.strip()
        problem = self._cannot_post(text)
        if problem is not None:
            return Posted(self.source_id, False, problem)
        body = {"broadcaster_id": self.broadcaster_id, "sender_id": self.user_id, "message": text}
        with httpx.Client(timeout=self._http_timeout_s, transport=self._transport) as client:
            try:
                for attempt in (1, 2):
                    token = self._token
                    response = client.post(f"{self.helix_base}/chat/messages", json=body, headers=self._headers())
                    if response.status_code != 401 or attempt == 2 or not self._renew(client, token):
                        break
            except httpx.HTTPError as exc:
                return Posted(self.source_id, False, _unreachable(exc).detail)
            except SourceFailure as failure:  # the refresh token was refused too
                return Posted(self.source_id, False, failure.detail)
        return Posted(self.source_id, *self._sent(response))

    def _cannot_post(self, text: str) -> ChatDetail | None:
        if not text:
            return ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "There is nothing to post."))
        if len(text) > MAX_POST_CHARS:
            return ChatDetail.of(
                QT_TRANSLATE_NOOP(
                    "Chat", "Twitch takes at most {limit} characters in a chat message; this reply has {length}."
                ),
                limit=MAX_POST_CHARS,
                length=len(text),
            )
        if not self.scopes:
            return ChatDetail.of(
                QT_TRANSLATE_NOOP("Chat", "The Twitch token has not been checked yet; try again in a moment.")
            )
        if WRITE_SCOPE not in self.scopes:
            return ChatDetail.of(
                QT_TRANSLATE_NOOP(
                    "Chat",
                    "The Twitch token lacks the “{scope}” permission needed to post; sign in with Twitch again.",
                ),
                scope=WRITE_SCOPE,
            )
        if not (self.broadcaster_id and self.user_id):
            return ChatDetail.of(
                QT_TRANSLATE_NOOP("Chat", "The Twitch channel is not known yet; try again in a moment.")
            )
        return None

    def _sent(self, response: httpx.Response) -> tuple[bool, ChatDetail]:
        """Twitch's answer in words: sent, dropped (is_sent false, with its drop_reason), or refused."""
        code = response.status_code
        try:
            answer = obj(response.json())
        except ValueError:
            answer = {}
        message = text(answer.get("message"), 200) or "—"
        if code == 200:
            data = answer.get("data")
            sent = obj(data[0]) if isinstance(data, list) and data else {}
            if sent.get("is_sent") is True:
                return True, ChatDetail.of(
                    QT_TRANSLATE_NOOP("Chat", "Posted to the chat of twitch.tv/{channel}."), channel=self.channel
                )
            reason = obj(sent.get("drop_reason"))
            return False, ChatDetail.of(
                QT_TRANSLATE_NOOP("Chat", "Twitch did not deliver the reply: {reason} ({code})."),
                reason=text(reason.get("message"), 300) or "—",
                code=text(reason.get("code"), 80) or "?",
            )
        if code == 429:
            wait = min(_seconds_until_reset(response.headers, self._wall()) or 60.0, MAX_RESET_WAIT_S)
            return False, ChatDetail.of(
                QT_TRANSLATE_NOOP("Chat", "Twitch asks to slow down (HTTP 429); post again in {seconds} s."),
                seconds=f"{max(wait, 1.0):.0f}",
            )
        template = {
            401: QT_TRANSLATE_NOOP("Chat", "Twitch refused the token for posting (HTTP 401: {message})."),
            403: QT_TRANSLATE_NOOP(
                "Chat", "Twitch does not let this account post in the channel's chat (HTTP 403: {message})."
            ),
            422: QT_TRANSLATE_NOOP("Chat", "Twitch says the message is too large (HTTP 422: {message})."),
        }.get(code, QT_TRANSLATE_NOOP("Chat", "Twitch answered the post with HTTP {code} ({message})."))
        return False, ChatDetail.of(template, code=code, message=message)

    # ------------------------------------------------------------------ the websocket
    def _session(self) -> None:
        import httpx

        self._set_state(SourceStatus.CONNECTING)
        with (
            httpx.Client(timeout=self._http_timeout_s, transport=self._transport) as client,
            contextlib.ExitStack() as self._connections,  # every connection made is closed however this ends
        ):
            self._resolve(client)  # every session: a revoked or expired token is said before connecting
            ws = self._connect(self.eventsub_url)
            try:
                self._welcome(ws)
                self._subscribe(client, self.session_id)
                self._connected(self._connected_detail())
                while not self.halted:
                    try:
                        self._read(ws)
                        return
                    except _Handover as handover:
                        ws = self._hand_over(ws, handover.url)
            finally:
                with self._ws_lock:
                    self._ws = None

    def _connected_detail(self) -> ChatDetail:
        return ChatDetail.of(
            QT_TRANSLATE_NOOP("Chat", "Reading the chat of twitch.tv/{channel}."), channel=self.channel
        )

    def _connect(self, url: str) -> ClientConnection:
        from websockets.exceptions import InvalidHandshake, InvalidURI
        from websockets.sync.client import connect

        try:
            # No websocket pings of our own: EventSub allows a client nothing but pongs (close code 4001); its
            # keepalive messages tell a live connection from a dead one.
            ws = connect(
                url, open_timeout=10.0, close_timeout=2.0, max_size=1024 * 1024, compression=None, ping_interval=None
            )
        except (OSError, TimeoutError, InvalidHandshake, InvalidURI) as exc:
            raise SourceFailure(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP("Chat", "Cannot connect to Twitch's EventSub server: {error}"),
                    error=oswords.reason_or(exc, str(exc) or type(exc).__name__),
                )
            ) from exc
        self._connections.enter_context(ws)
        with self._ws_lock:
            self._ws = ws  # stop() closes it from now on
        if self.halted:
            ws.close()
        return ws

    def _interrupt(self) -> None:
        with self._ws_lock:
            ws = self._ws
        if ws is not None:
            ws.close()

    def _welcome(self, ws: ClientConnection) -> None:
        """Wait for session_welcome: the session id and the keepalive timeout. Messages before it are read."""
        deadline = time.monotonic() + WELCOME_TIMEOUT_S
        while True:
            remaining = deadline - time.monotonic()
            message = self._receive(ws, remaining) if remaining > 0 else None
            if message is None:
                raise SourceFailure(
                    ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Twitch's EventSub server sent no welcome."))
                )
            if not message:
                continue
            if text(obj(message.get("metadata")).get("message_type")) == "session_welcome":
                session = obj(obj(message.get("payload")).get("session"))
                session_id = text(session.get("id"))
                if not session_id:
                    self._bad_input("session_welcome without a session id")
                    continue
                self.session_id = session_id
                keepalive = session.get("keepalive_timeout_seconds")
                if isinstance(keepalive, int | float) and not isinstance(keepalive, bool) and keepalive > 0:
                    self.keepalive_s = float(keepalive)
                return
            try:
                self._message(message, time.monotonic())
            except _Handover:
                self._bad_input("session_reconnect before the welcome")

    def _receive(self, ws: ClientConnection, timeout: float) -> dict[str, Any] | None:
        """The next message as a JSON object; {} for one that could not be read (counted); None on timeout."""
        from websockets.exceptions import ConnectionClosed

        try:
            frame = ws.recv(timeout=max(0.0, timeout))
        except TimeoutError:
            return None
        except ConnectionClosed as exc:
            raise self._closed(exc) from exc
        try:
            message = json.loads(frame)
        except (ValueError, RecursionError):
            self._bad_input("a message that is not JSON")
            return {}
        if not isinstance(message, dict) or not isinstance(message.get("metadata"), dict):
            self._bad_input("a message without metadata")
            return {}
        return message

    def _closed(self, exc: ConnectionClosed) -> SourceFailure:
        if self.halted:
            return SourceFailure(ChatDetail())
        code = exc.rcvd.code if exc.rcvd is not None else 1006
        template = CLOSE_REASONS.get(
            code, QT_TRANSLATE_NOOP("Chat", "Twitch closed the connection (code {code}); reconnecting.")
        )
        return SourceFailure(ChatDetail.of(template, code=code))

    def _read(self, ws: ClientConnection) -> None:
        last_heard = time.monotonic()
        while not self.halted:
            limit = self.keepalive_s + self.keepalive_slack_s
            message = self._receive(ws, last_heard + limit - time.monotonic())
            now = time.monotonic()
            if message is None:
                if now - last_heard >= limit:
                    raise SourceFailure(
                        ChatDetail.of(
                            QT_TRANSLATE_NOOP(
                                "Chat", "Twitch sent nothing for {seconds} s (not even a keepalive); reconnecting."
                            ),
                            seconds=f"{now - last_heard:.0f}",
                        )
                    )
                continue
            last_heard = now
            if message:
                self._message(message, now)

    def _hand_over(self, old: ClientConnection, url: str) -> ClientConnection:
        """Connect to the reconnect URL; after its welcome, read what the old connection still holds, then close
        it. The subscriptions follow the session: none is created again."""
        from websockets.exceptions import ConnectionClosed

        new = self._connect(url)
        try:
            self._welcome(new)
        except SourceFailure:
            new.close()
            raise
        deadline = time.monotonic() + self.handover_drain_s
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                frame = old.recv(timeout=remaining)
            except (TimeoutError, ConnectionClosed):
                break
            try:
                message = json.loads(frame)
            except (ValueError, RecursionError):
                self._bad_input("a message that is not JSON")
                continue
            if isinstance(message, dict):
                with contextlib.suppress(_Handover):  # the old session asking again: already moving
                    self._message(message, time.monotonic())
        old.close()
        self.handovers += 1
        return new

    # ------------------------------------------------------------------ messages
    def _message(self, message: dict[str, Any], t: float) -> None:
        metadata = obj(message.get("metadata"))
        kind = text(metadata.get("message_type"))
        payload = obj(message.get("payload"))
        if kind == "session_keepalive":
            return
        if kind == "notification":
            self._notification(metadata, payload, t)
        elif kind == "session_reconnect":
            url = text(obj(payload.get("session")).get("reconnect_url"), 2000)
            if not url:
                self._bad_input("session_reconnect without a reconnect_url")
                return
            raise _Handover(url)
        elif kind == "revocation":
            status = text(obj(payload.get("subscription")).get("status"))
            detail = (
                ChatDetail.of(REVOCATIONS[status])
                if status in REVOCATIONS
                else ChatDetail.of(
                    QT_TRANSLATE_NOOP("Chat", "Twitch stopped the chat subscription ({status})."), status=status or "?"
                )
            )
            raise SourceFailure(
                detail,
                SourceStatus.AUTH_ERROR,
            )
        elif kind == "session_welcome":
            self._bad_input("a second session_welcome")
        else:
            self._unknown_type(kind or "?")

    def _notification(self, metadata: dict[str, Any], payload: dict[str, Any], t: float) -> None:
        message_id = text(metadata.get("message_id"))
        if message_id:
            if message_id in self._seen:
                self.duplicates += 1
                return
            self._seen[message_id] = None
            if len(self._seen) > SEEN_IDS:
                self._seen.popitem(last=False)
        subscription = text(metadata.get("subscription_type")) or text(obj(payload.get("subscription")).get("type"))
        if subscription != SUBSCRIPTION:
            self._unknown_type(subscription or "?")
            return
        event = payload.get("event")
        if not isinstance(event, dict):
            self._bad_input("a notification without an event")
            return
        wall = messages.rfc3339(metadata.get("message_timestamp")) or self._wall()
        try:
            chat: ChatEvent = messages.chat_message(event, self.source_id, t, wall)
        except messages.Unreadable as exc:
            self._bad_input(str(exc))
            return
        self._emit([chat])
