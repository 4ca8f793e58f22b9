"""Signing in to Twitch without pasting tokens: the OAuth 2.0 Device Code Grant (RFC 8628) as Twitch documents it
for public clients (an app registered as "Public": no client secret, so nothing secret ships with the console).

1. `POST {id_base}/device` (client_id, scopes) answers a `device_code`, a short `user_code`, the
   `verification_uri` the user opens in any browser, how long the code lives (`expires_in`) and how often to ask
   (`interval`).
2. `POST {id_base}/token` with `grant_type=urn:ietf:params:oauth:grant-type:device_code` is asked every `interval`
   seconds: `authorization_pending` (keep asking), `slow_down` (ask 5 s less often from now on, as RFC 8628 says),
   `expired_token` / an invalid device code (the code ran out: start again), `access_denied` (the user said no);
   success is an access token and a refresh token.
3. A public client's access token expires after a few hours: `refresh()` trades the refresh token for a new pair
   (`grant_type=refresh_token`, no secret); Twitch's refresh tokens are single-use, so the new pair must be kept.

Blocking, on the caller's thread (a worker thread in the console); `cancel` stops the waiting promptly. Qt-free.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from console.core import logsafe
from console.core.chat.events import ChatDetail
from obs.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import httpx

ID_BASE = "https://id.twitch.tv/oauth2"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
#: What the console asks for: reading the chat (EventSub) and posting quick replies (Send Chat Message).
TWITCH_SCOPES = ("user:read:chat", "user:write:chat")
#: RFC 8628: without an `interval`, ask every 5 s; each `slow_down` adds 5 s.
DEFAULT_INTERVAL_S = 5.0
SLOW_DOWN_STEP_S = 5.0


class SignInError(Exception):
    """Signing in did not give a token; `detail` says why in words; `final`: starting again will not help without
    the user doing something (a wrong client id, denied)."""

    def __init__(self, detail: ChatDetail, final: bool = True) -> None:
        super().__init__(detail.text())
        self.detail = detail
        self.final = final


class SignInCancelled(SignInError):
    def __init__(self) -> None:
        super().__init__(ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Signing in was cancelled.")))


@dataclass(frozen=True)
class DeviceCode:
    device_code: str
    user_code: str
    verification_uri: str
    expires_in: float
    interval: float


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str
    scopes: tuple[str, ...] = ()


def _message(response: httpx.Response) -> str:
    """Twitch's error word: RFC 8628's `error`, or Twitch's own `message` (it answers `{"status": 400, "message":
    "authorization_pending"}`)."""
    try:
        body = response.json()
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    return str(body.get("error") or body.get("message") or "")[:200]


def _unreachable(exc: Exception) -> SignInError:
    return SignInError(
        ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Cannot reach Twitch: {error}"), error=str(exc) or type(exc).__name__),
        final=False,
    )


def _tokens(body: Any) -> Tokens:
    if not isinstance(body, dict) or not isinstance(body.get("access_token"), str) or not body["access_token"]:
        raise SignInError(ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Twitch answered without a token.")), final=False)
    scopes = body.get("scope") or []
    tokens = Tokens(
        body["access_token"],
        str(body.get("refresh_token") or ""),
        tuple(str(s) for s in scopes) if isinstance(scopes, list) else tuple(str(scopes).split()),
    )
    logsafe.register_secret(tokens.access_token)
    logsafe.register_secret(tokens.refresh_token)
    return tokens


class TwitchDeviceFlow:
    """One sign-in: `start()` for the code to show, then `wait(code)` until the user has approved it (or not)."""

    def __init__(
        self,
        client_id: str,
        scopes: tuple[str, ...] = TWITCH_SCOPES,
        id_base: str = ID_BASE,
        http_timeout_s: float = 10.0,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        min_interval_s: float = 1.0,
        slow_down_step_s: float = SLOW_DOWN_STEP_S,
    ) -> None:
        self.client_id = client_id.strip()
        self.min_interval_s = min_interval_s
        self.slow_down_step_s = slow_down_step_s
        self.scopes = scopes
        self.id_base = id_base.rstrip("/")
        self._http_timeout_s = http_timeout_s
        self._transport = transport
        self._clock = clock
        self.cancel = threading.Event()
        #: The interval in force (grows on slow_down), and every answer's word, for the status line and the tests.
        self.interval = DEFAULT_INTERVAL_S
        self.answers: list[str] = []

    def _client(self) -> httpx.Client:
        import httpx

        return httpx.Client(timeout=self._http_timeout_s, transport=self._transport)

    def start(self) -> DeviceCode:
        import httpx

        if not self.client_id:
            raise SignInError(
                ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Fill in the Twitch app's Client ID first (see the README)."))
            )
        try:
            with self._client() as client:
                response = client.post(
                    f"{self.id_base}/device", data={"client_id": self.client_id, "scopes": " ".join(self.scopes)}
                )
        except httpx.HTTPError as exc:
            raise _unreachable(exc) from exc
        if response.status_code != 200:
            raise SignInError(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP(
                        "Chat",
                        "Twitch refused to start signing in (HTTP {code}: {message}): check the Client ID, and that "
                        "the app is registered as a public client.",
                    ),
                    code=response.status_code,
                    message=_message(response) or "—",
                )
            )
        try:
            body = response.json()
            code = DeviceCode(
                str(body["device_code"]),
                str(body["user_code"]),
                str(body["verification_uri"]),
                float(body.get("expires_in") or 1800),
                float(body.get("interval") or DEFAULT_INTERVAL_S),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise SignInError(
                ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Twitch's answer to signing in could not be read.")),
                final=False,
            ) from exc
        self.interval = max(self.min_interval_s, code.interval)
        return code

    def wait(self, code: DeviceCode) -> Tokens:
        """Ask for the token every `interval` until approved, denied, expired or cancelled (SignInError)."""
        import httpx

        deadline = self._clock() + code.expires_in
        with self._client() as client:
            while True:
                if self.cancel.wait(self.interval):
                    raise SignInCancelled()
                if self._clock() >= deadline:
                    raise self._expired()
                try:
                    response = client.post(
                        f"{self.id_base}/token",
                        data={
                            "client_id": self.client_id,
                            "scopes": " ".join(self.scopes),
                            "device_code": code.device_code,
                            "grant_type": DEVICE_GRANT,
                        },
                    )
                except httpx.HTTPError as exc:
                    self.answers.append("unreachable")
                    if self._clock() + self.interval >= deadline:
                        raise _unreachable(exc) from exc
                    continue  # a network hiccup: the code is still good, ask again
                tokens = self._answer(response)
                if tokens is not None:
                    return tokens

    def _answer(self, response: httpx.Response) -> Tokens | None:
        """One poll's answer: the tokens, None to keep asking (pending, slow_down), or SignInError."""
        if response.status_code == 200:
            self.answers.append("ok")
            try:
                return _tokens(response.json())
            except ValueError as exc:
                raise SignInError(
                    ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Twitch answered without a token.")), final=False
                ) from exc
        word = _message(response)
        self.answers.append(word or str(response.status_code))
        if word == "authorization_pending":
            return None
        if word == "slow_down":
            self.interval += self.slow_down_step_s
            return None
        if word in ("expired_token", "invalid device code"):
            raise self._expired()
        if word == "access_denied":
            raise SignInError(
                ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "The Twitch sign-in was declined in the browser."))
            )
        raise SignInError(
            ChatDetail.of(
                QT_TRANSLATE_NOOP("Chat", "Twitch refused the sign-in (HTTP {code}: {message})."),
                code=response.status_code,
                message=word or "—",
            )
        )

    @staticmethod
    def _expired() -> SignInError:
        return SignInError(
            ChatDetail.of(
                QT_TRANSLATE_NOOP("Chat", "The sign-in code expired before it was approved; start again for a new one.")
            ),
            final=False,
        )


def refresh(client: httpx.Client, id_base: str, client_id: str, refresh_token: str) -> Tokens:
    """A new access token and refresh token for a public client's refresh token (SignInError when refused: the
    user must sign in again)."""
    import httpx

    try:
        response = client.post(
            f"{id_base.rstrip('/')}/token",
            data={"client_id": client_id, "grant_type": "refresh_token", "refresh_token": refresh_token},
        )
    except httpx.HTTPError as exc:
        raise _unreachable(exc) from exc
    if response.status_code != 200:
        raise SignInError(
            ChatDetail.of(
                QT_TRANSLATE_NOOP(
                    "Chat",
                    "Twitch refused to renew the sign-in (HTTP {code}: {message}); sign in with Twitch again.",
                ),
                code=response.status_code,
                message=_message(response) or "—",
            )
        )
    try:
        return _tokens(response.json())
    except ValueError as exc:
        raise SignInError(ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Twitch answered without a token.")), False) from exc
