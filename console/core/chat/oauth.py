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
from obs import oswords
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
        ChatDetail.of(
            QT_TRANSLATE_NOOP("Chat", "Cannot reach Twitch: {error}"),
            error=oswords.reason_or(exc, str(exc) or type(exc).__name__),
        ),
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


# ---------------------------------------------------------------------------------------------- Google (YouTube)
GOOGLE_AUTH_URL = "https://accounts.google.com/o/oauth2/v2/auth"
GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token"
#: Reading and posting to the live chat of the channel's broadcasts.
YOUTUBE_SCOPES = ("https://www.googleapis.com/auth/youtube.force-ssl",)
_PAGE = (
    "<!doctype html><meta charset='utf-8'><title>OnAir Console</title>"
    "<p style='font:16px sans-serif;margin:2em'>{words}</p>"
)


class GoogleLoopbackFlow:
    """Google's OAuth for installed apps: the browser signs in at `auth_url` and is sent back to a listener on this
    machine (`http://127.0.0.1:<port>`, a loopback redirect), the code is traded for tokens with PKCE (S256), so a
    code seen by anyone else is useless without this process's verifier. `start()` for the address to open, then
    `wait()`; `cancel` stops waiting. Google's "Desktop app" clients come with a client secret that Google itself
    says is not secret in an installed app; it is kept in the keyring anyway."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        scopes: tuple[str, ...] = YOUTUBE_SCOPES,
        auth_url: str = GOOGLE_AUTH_URL,
        token_url: str = GOOGLE_TOKEN_URL,
        timeout_s: float = 600.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        import base64
        import hashlib
        import secrets

        self.client_id = client_id.strip()
        self.client_secret = client_secret.strip()
        self.scopes = scopes
        self.auth_url = auth_url
        self.token_url = token_url
        self.timeout_s = timeout_s
        self._transport = transport
        self.cancel = threading.Event()
        self.verifier = secrets.token_urlsafe(64)  # 86 characters of [A-Za-z0-9_-], within RFC 7636's 43–128
        digest = hashlib.sha256(self.verifier.encode("ascii")).digest()
        self.challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
        self.state = secrets.token_urlsafe(24)
        self.redirect_uri = ""
        self._server: Any = None
        self._answer: dict[str, str] | None = None

    def start(self) -> str:
        """Listen on a free loopback port; the address the user opens in a browser."""
        from http.server import BaseHTTPRequestHandler, HTTPServer
        from urllib.parse import parse_qsl, urlencode, urlsplit

        if not self.client_id or not self.client_secret:
            raise SignInError(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP(
                        "Chat", "Fill in the Google app's client ID and client secret first (see the README)."
                    )
                )
            )
        flow = self

        class Redirect(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = dict(parse_qsl(parts.query))
                if parts.path != "/" or not ({"code", "error"} & set(query)):
                    self.send_error(404)
                    return
                if flow._answer is None:
                    flow._answer = query
                ok = "code" in query and query.get("state") == flow.state
                words = (
                    "Signed in. You can close this window and return to OnAir Console. 已登录，可以关闭此窗口。"
                    if ok
                    else "Not signed in. Return to OnAir Console. 未登录，请回到 OnAir 直播中控台。"
                )
                page = _PAGE.format(words=words).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = HTTPServer(("127.0.0.1", 0), Redirect)
        self._server.timeout = 0.2
        self.redirect_uri = f"http://127.0.0.1:{self._server.server_address[1]}"
        query = {
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "response_type": "code",
            "scope": " ".join(self.scopes),
            "code_challenge": self.challenge,
            "code_challenge_method": "S256",
            "state": self.state,
        }
        return f"{self.auth_url}?{urlencode(query)}"

    def wait(self) -> Tokens:
        """Wait for the browser to come back, then trade the code for tokens (SignInError when that fails)."""
        try:
            deadline = time.monotonic() + self.timeout_s
            while self._answer is None:
                if self.cancel.is_set():
                    raise SignInCancelled()
                if time.monotonic() >= deadline:
                    raise SignInError(
                        ChatDetail.of(
                            QT_TRANSLATE_NOOP("Chat", "Nobody signed in within {minutes} minutes."),
                            minutes=f"{self.timeout_s / 60:.0f}",
                        ),
                        final=False,
                    )
                self._server.handle_request()  # at most 0.2 s (its timeout)
        finally:
            if self._server is not None:
                self._server.server_close()
        answer = self._answer
        if answer.get("error") == "access_denied":
            raise SignInError(
                ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "The Google sign-in was declined in the browser."))
            )
        if answer.get("error") or answer.get("state") != self.state:
            raise SignInError(
                ChatDetail.of(
                    QT_TRANSLATE_NOOP("Chat", "Google did not sign in ({error})."),
                    error=answer.get("error") or "state",
                ),
                final=False,
            )
        return self._exchange(answer["code"])

    def _exchange(self, code: str) -> Tokens:
        import httpx

        data = {
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "code": code,
            "code_verifier": self.verifier,
            "grant_type": "authorization_code",
            "redirect_uri": self.redirect_uri,
        }
        with httpx.Client(timeout=10.0, transport=self._transport) as client:
            return _google_tokens(
                client,
                self.token_url,
                data,
                QT_TRANSLATE_NOOP("Chat", "Google refused the sign-in (HTTP {code}: {message})."),
            )


def _google_tokens(client: httpx.Client, token_url: str, data: dict[str, str], refused: str) -> Tokens:
    """Google's token endpoint asked with `data`: the tokens, or SignInError saying why (`refused`: the words for
    an answer other than 200, with {code} and {message})."""
    import httpx

    try:
        response = client.post(token_url, data=data)
    except httpx.HTTPError as exc:
        raise SignInError(
            ChatDetail.of(
                QT_TRANSLATE_NOOP("Chat", "Cannot reach Google: {error}"),
                error=oswords.reason_or(exc, str(exc) or type(exc).__name__),
            ),
            final=False,
        ) from exc
    if response.status_code != 200:
        raise SignInError(ChatDetail.of(refused, code=response.status_code, message=_message(response) or "—"))
    try:
        return _tokens(response.json())
    except ValueError as exc:
        raise SignInError(ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Google answered without a token.")), False) from exc


def google_refresh(
    client: httpx.Client, token_url: str, client_id: str, client_secret: str, refresh_token: str
) -> Tokens:
    """A new access token for an installed app's refresh token (Google keeps the refresh token the same unless it
    sends a new one). SignInError when refused: the user must sign in again."""
    data = {
        "client_id": client_id,
        "client_secret": client_secret,
        "grant_type": "refresh_token",
        "refresh_token": refresh_token,
    }
    refused = QT_TRANSLATE_NOOP(
        "Chat", "Google refused to renew the sign-in (HTTP {code}: {message}); sign in with Google again."
    )
    tokens = _google_tokens(client, token_url, data, refused)
    return tokens if tokens.refresh_token else Tokens(tokens.access_token, refresh_token, tokens.scopes)
