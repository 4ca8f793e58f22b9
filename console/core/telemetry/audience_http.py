"""HTTP JSON audience source: poll a URL, pick viewers, likes, interactions and "live" out of the JSON answer
with JSONPath (RFC 9535). Presets make Twitch Helix, the YouTube Data API and Bilibili's web API mere
configurations; a custom URL covers any platform or in-house dashboard that answers JSON. Qt-free.

Polite by construction: never more often than the configured interval, exponential backoff with jitter on
errors, HTTP 429 / quota answers wait for the platform's own reset time (Ratelimit-Reset, Retry-After, the
daily quota's midnight), and the secret (token, API key) never appears in a status, a log or an exception.
"""

from __future__ import annotations

import contextlib
import email.utils
import json
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from console.core import logsafe
from console.core.telemetry.audience import AudienceSource, Detail, SourceStatus, parse_count
from console.core.telemetry.live import AudienceReading
from obs import oswords
from obs.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # httpx and jsonpath load with the first HTTP source, not with the console
    import httpx

LOG = logging.getLogger(__name__)

FIELDS = ("viewers", "likes", "interactions")
#: The longest wait after repeated failures; a source never goes quiet for longer than this.
MAX_BACKOFF_S = 600.0
#: The largest answer read (decoded: a gzip bomb is stopped as it inflates); a viewer count is a few KB.
MAX_BODY_BYTES = 1024 * 1024
#: The longest a rate limit's reset time is believed (a clock far off must not silence the source for days).
MAX_RESET_WAIT_S = 6 * 3600.0
SECRET = "{secret}"
_NOT_LIVE_WORDS = {"", "false", "0", "no", "none", "null", "offline", "ended", "off"}


class SpecError(ValueError):
    """A configuration that cannot work (bad URL, bad JSONPath), with a translatable explanation."""

    def __init__(self, detail: Detail) -> None:
        self.detail = detail
        super().__init__(detail.text())


@dataclass(frozen=True)
class HttpSpec:
    """What to ask and what to read from the answer. `{secret}` in the URL or a header value is replaced by the
    secret from the keyring when the request is made (URL-encoded in the URL)."""

    url: str
    headers: tuple[tuple[str, str], ...] = ()
    viewers: str = ""
    likes: str = ""
    interactions: str = ""
    #: When set: the room is live only if this path finds something true ("live", true, 1, an object...).
    live: str = ""
    interval_s: float = 30.0
    timeout_s: float = 10.0
    paths: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def compiled(self) -> dict[str, Any]:
        """The JSONPath expressions compiled; SpecError naming the field whose path is wrong."""
        import jsonpath

        parts = urlsplit(self.url.replace(SECRET, "x"))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SpecError(
                Detail.of(
                    QT_TRANSLATE_NOOP("Audience", "The address must start with http:// or https:// and name a host.")
                )
            )
        compiled: dict[str, Any] = {}
        for name in (*FIELDS, "live"):
            text = getattr(self, name).strip()
            if not text:
                continue
            try:
                compiled[name] = jsonpath.compile(text)
            except jsonpath.JSONPathError as exc:
                raise SpecError(
                    Detail.of(
                        QT_TRANSLATE_NOOP("Audience", "The JSONPath for {field} is not valid: {error}"),
                        field=name,
                        error=str(exc).splitlines()[0],
                    )
                ) from exc
        if not any(name in compiled for name in FIELDS):
            raise SpecError(
                Detail.of(
                    QT_TRANSLATE_NOOP("Audience", "Give a JSONPath for at least one of viewers, likes or interactions.")
                )
            )
        return compiled


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() not in _NOT_LIVE_WORDS
    if isinstance(value, bool | int | float):
        return bool(value)
    return value is not None and (not isinstance(value, list | dict) or bool(value))


def _seconds_until_reset(headers: httpx.Headers, now_wall: float) -> float | None:
    """How long the platform asks us to wait: Ratelimit-Reset (Twitch: epoch seconds; IETF draft: delta
    seconds) or Retry-After (seconds or an HTTP date)."""
    reset = headers.get("ratelimit-reset")
    if reset:
        with contextlib.suppress(ValueError):
            value = float(reset)
            return max(0.0, value - now_wall) if value > 1e9 else max(0.0, value)
    retry = headers.get("retry-after")
    if retry:
        try:
            return max(0.0, float(retry))
        except ValueError:
            with contextlib.suppress(TypeError, ValueError):
                return max(0.0, email.utils.parsedate_to_datetime(retry).timestamp() - now_wall)
    return None


def _next_pacific_midnight(now_wall: float) -> float:
    """YouTube's daily quota resets at midnight Pacific time."""
    try:
        from zoneinfo import ZoneInfo

        zone: Any = ZoneInfo("America/Los_Angeles")
    except Exception:  # no time-zone database on this machine: UTC-8 is close enough for a retry time
        from datetime import timezone

        zone = timezone(timedelta(hours=-8))
    local = datetime.fromtimestamp(now_wall, zone)
    midnight = (local + timedelta(days=1)).replace(hour=0, minute=5, second=0, microsecond=0)
    return midnight.timestamp()


class _TooLarge(Exception):
    pass


class _TooSlow(Exception):
    pass


def _parse(content: bytes) -> Any:
    """JSON as the platforms send it; ValueError if it is not JSON (or nests deeper than Python recurses)."""
    try:
        return json.loads(content)
    except RecursionError as exc:
        raise ValueError("nested too deeply") from exc


def _error_reason(content: bytes) -> str:
    """Google APIs: error.errors[0].reason (quotaExceeded, keyInvalid...); Twitch: message."""
    try:
        body = _parse(content)
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    error = body.get("error")
    if isinstance(error, dict):
        errors = error.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            return str(errors[0].get("reason") or "")
        return str(error.get("status") or error.get("message") or "")
    return str(body.get("message") or "")


class HttpJsonSource(AudienceSource):
    """Polls on its own thread; `reading()` and `state()` from any thread."""

    def __init__(
        self,
        spec: HttpSpec,
        secret: str = "",
        name: str = "http",
        wall: Callable[[], float] = time.time,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        super().__init__()
        self.spec = spec
        self.name = name
        self._paths = spec.compiled()
        self._secret = secret
        logsafe.register_secret(secret)  # httpx logs each request's URL, where an API key may sit
        self._wall = wall
        self._transport = transport
        self.stale_after_s = max(3 * spec.interval_s, 90.0)
        self._failures = 0
        self._halt = threading.Event()
        self._thread: threading.Thread | None = None
        self.polls = 0

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=f"audience-{self.name}", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Returns at once: a request in flight ends with its timeout, then the (daemon) thread ends."""
        self._halt.set()

    def _run(self) -> None:
        import httpx

        with httpx.Client(
            timeout=self.spec.timeout_s,
            follow_redirects=True,
            headers={"User-Agent": "OnAirConsole (audience graph)", "Accept": "application/json"},
            transport=self._transport,
        ) as client:
            while not self._halt.is_set():
                try:
                    wait = self.poll(client)
                except Exception:  # a bug must not end the polling; it is logged, the source reports an error
                    LOG.exception("audience source %s failed", self.name)
                    wait = self._error(Detail.of(QT_TRANSLATE_NOOP("Audience", "Internal error; see the log.")))
                self._halt.wait(wait)

    # ------------------------------------------------------------------ one poll
    def _redact(self, text: str) -> str:
        return text.replace(self._secret, "•••") if self._secret else text

    def _host(self) -> str:
        return urlsplit(self.spec.url.replace(SECRET, "x")).hostname or "?"

    def _request_parts(self) -> tuple[str, dict[bytes, bytes]]:
        url = self.spec.url.replace(SECRET, quote(self._secret, safe=""))
        # Values as UTF-8 bytes: a team's own dashboard may well expect Chinese in a header.
        headers = {name.encode(): value.replace(SECRET, self._secret).encode() for name, value in self.spec.headers}
        return url, headers

    def _backoff(self) -> float:
        self._failures += 1
        delay = min(self.spec.interval_s * 2.0 ** (self._failures - 1), max(MAX_BACKOFF_S, self.spec.interval_s))
        return delay * random.uniform(1.0, 1.25)

    def _error(self, detail: Detail, status: SourceStatus = SourceStatus.ERROR) -> float:
        self._set_state(status, self._redact_detail(detail))
        return self._backoff()

    def _redact_detail(self, detail: Detail) -> Detail:
        return Detail(
            detail.template, tuple((k, self._redact(v) if isinstance(v, str) else v) for k, v in detail.fields)
        )

    def _rate_limited(self, wait: float, detail: Detail) -> float:
        # Not a success: the failure count keeps growing, so a 429 without a reset time backs off further.
        wait = min(max(wait, self.spec.interval_s), MAX_RESET_WAIT_S)
        until = datetime.fromtimestamp(self._wall() + wait).strftime("%H:%M:%S")
        self._set_state(SourceStatus.RATE_LIMITED, Detail(detail.template, (*detail.fields, ("until", until))))
        return wait + random.uniform(0.0, 1.0)

    def poll(self, client: httpx.Client) -> float:
        """Ask once; publish what came back; return the seconds to wait before the next request."""
        import httpx

        self.polls += 1
        url, headers = self._request_parts()
        host = self._host()
        try:
            with client.stream("GET", url, headers=headers) as response:
                content = self._read_body(response, time.monotonic() + self.spec.timeout_s)
        except _TooLarge:
            return self._error(
                Detail.of(
                    QT_TRANSLATE_NOOP("Audience", "{host} sent an answer larger than {size}; it was not read."),
                    host=host,
                    size=f"{MAX_BODY_BYTES // (1024 * 1024)} MB",
                )
            )
        except (httpx.TimeoutException, _TooSlow):
            return self._error(
                Detail.of(
                    QT_TRANSLATE_NOOP("Audience", "{host} did not answer within {seconds} s."),
                    host=host,
                    seconds=f"{self.spec.timeout_s:g}",
                )
            )
        except httpx.HTTPError as exc:
            return self._error(
                Detail.of(
                    QT_TRANSLATE_NOOP("Audience", "Cannot reach {host}: {error}"),
                    host=host,
                    error=oswords.reason_or(exc, str(exc) or type(exc).__name__),
                )
            )
        now_wall = self._wall()
        refused = self._refused(response, content, host, now_wall)
        if refused is not None:
            return refused
        try:
            body = _parse(content)
        except ValueError:
            return self._error(
                Detail.of(
                    QT_TRANSLATE_NOOP("Audience", "{host} answered, but not with JSON (content type “{type}”)."),
                    host=host,
                    type=response.headers.get("content-type", "?"),
                )
            )
        self._read(body, time.monotonic())
        self._failures = 0
        wait = self.spec.interval_s
        if response.headers.get("ratelimit-remaining", "").strip() == "0":
            wait = max(wait, min(_seconds_until_reset(response.headers, now_wall) or 0.0, MAX_RESET_WAIT_S))
        return wait * random.uniform(1.0, 1.05)

    def _refused(self, response: httpx.Response, content: bytes, host: str, now_wall: float) -> float | None:
        """For an HTTP error answer: say why and return the seconds to wait; None for a success."""
        code = response.status_code
        if code == 429:
            wait = _seconds_until_reset(response.headers, now_wall)
            return self._rate_limited(
                wait if wait is not None else self._backoff(),
                Detail.of(QT_TRANSLATE_NOOP("Audience", "Too many requests (HTTP 429); next try at {until}.")),
            )
        if code in (400, 401, 403):
            reason = _error_reason(content)
            if reason in ("quotaExceeded", "dailyLimitExceeded"):
                return self._rate_limited(
                    _next_pacific_midnight(now_wall) - now_wall,
                    Detail.of(QT_TRANSLATE_NOOP("Audience", "The daily API quota is used up; next try at {until}.")),
                )
            if reason in ("rateLimitExceeded", "userRateLimitExceeded"):
                return self._rate_limited(
                    self._backoff(),
                    Detail.of(QT_TRANSLATE_NOOP("Audience", "The platform asks to slow down; next try at {until}.")),
                )
            if code != 400 or reason in ("keyInvalid", "keyExpired"):
                return self._error(
                    Detail.of(
                        QT_TRANSLATE_NOOP(
                            "Audience",
                            "{host} refused the credentials (HTTP {code}{reason}): check the token or API key.",
                        ),
                        host=host,
                        code=str(code),
                        reason=f", {reason}" if reason else "",
                    ),
                    SourceStatus.AUTH_ERROR,
                )
        if code >= 400:
            return self._error(
                Detail.of(
                    QT_TRANSLATE_NOOP("Audience", "{host} answered HTTP {code} {phrase}."),
                    host=host,
                    code=str(code),
                    phrase=response.reason_phrase,
                )
            )
        return None

    @staticmethod
    def _read_body(response: httpx.Response, deadline: float) -> bytes:
        """The decoded body, stopped at MAX_BODY_BYTES and at the poll's deadline (a server dripping a byte
        every few seconds never trips a read timeout, and would hold the source for good)."""
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                raise _TooLarge
            if time.monotonic() > deadline:
                raise _TooSlow
            chunks.append(chunk)
        return b"".join(chunks)

    def _read(self, body: Any, t: float) -> None:
        found: dict[str, Any] = {}
        for name, path in self._paths.items():
            matches = path.findall(body)
            found[name] = matches[0] if matches else None
        values = {name: parse_count(found.get(name)) for name in FIELDS}
        live = _truthy(found["live"]) if "live" in self._paths else None
        reading = AudienceReading(t, values["viewers"], values["likes"], values["interactions"])
        if live is False:
            # Not live: no viewer figure to draw; cumulative likes and interactions still mean something.
            self._publish(AudienceReading(t, None, reading.likes, reading.interactions), SourceStatus.OFFLINE)
            return
        if live is None and all(value is None for value in values.values()):
            missing = next(name for name in FIELDS if name in self._paths)
            self._set_state(
                SourceStatus.ERROR,
                Detail.of(
                    QT_TRANSLATE_NOOP("Audience", "The answer has no number at the JSONPath for {field} ({path})."),
                    field=missing,
                    path=getattr(self.spec, missing),
                ),
            )
            return
        self._publish(reading)


# ---------------------------------------------------------------------------------------------- presets
@dataclass(frozen=True)
class Param:
    key: str
    label: str
    placeholder: str = ""
    #: Turns what the user pasted (often a whole web address) into the value the API wants.
    clean: Callable[[str], str] = str.strip


def _twitch_login(text: str) -> str:
    text = text.strip().rstrip("/")
    if "twitch.tv/" in text:
        text = text.split("twitch.tv/", 1)[1].split("/")[0].split("?")[0]
    return text.lstrip("@").lower()


def _youtube_video(text: str) -> str:
    text = text.strip()
    parts = urlsplit(text if "://" in text else f"https://{text}") if "/" in text else None
    if parts is None or not parts.hostname:
        return text
    query = dict(pair.split("=", 1) for pair in parts.query.split("&") if "=" in pair)
    if "v" in query:
        return query["v"]
    segments = [s for s in parts.path.split("/") if s]
    return segments[-1] if segments else text


def _digits(text: str) -> str:
    text = text.strip().rstrip("/")
    if "live.bilibili.com/" in text:
        text = text.split("live.bilibili.com/", 1)[1].split("?")[0]
    return text


@dataclass(frozen=True)
class Preset:
    id: str
    title: str
    params: tuple[Param, ...]
    build: Callable[[dict[str, str]], HttpSpec]
    #: What the keyring holds for it (None: no secret needed).
    secret_label: str | None
    min_interval_s: float
    default_interval_s: float
    note: str = ""


def _twitch(p: dict[str, str]) -> HttpSpec:
    return HttpSpec(
        f"https://api.twitch.tv/helix/streams?user_login={quote(p['login'])}",
        (("Client-Id", p["client_id"]), ("Authorization", f"Bearer {SECRET}")),
        viewers="$.data[0].viewer_count",
        live="$.data[0].type",
    )


def _youtube(p: dict[str, str]) -> HttpSpec:
    return HttpSpec(
        "https://www.googleapis.com/youtube/v3/videos?part=liveStreamingDetails,statistics"
        f"&id={quote(p['video'])}&key={SECRET}",
        viewers="$.items[0].liveStreamingDetails.concurrentViewers",
        likes="$.items[0].statistics.likeCount",
        live="$.items[?@.liveStreamingDetails.actualStartTime && !@.liveStreamingDetails.actualEndTime]",
    )


def _bilibili(p: dict[str, str]) -> HttpSpec:
    return HttpSpec(
        "https://api.live.bilibili.com/xlive/general-interface/v1/rank/getOnlineGoldRank"
        f"?roomId={quote(p['room_id'])}&ruid={quote(p['ruid'])}&page=1&pageSize=1",
        viewers="$.data.onlineNum",
    )


PRESETS: dict[str, Preset] = {
    p.id: p
    for p in (
        Preset(
            "twitch",
            QT_TRANSLATE_NOOP("Audience", "Twitch (Helix API)"),
            (
                Param("login", QT_TRANSLATE_NOOP("Audience", "Channel"), "twitch.tv/yourchannel", _twitch_login),
                Param("client_id", QT_TRANSLATE_NOOP("Audience", "Client ID"), "abcd1234…"),
            ),
            _twitch,
            QT_TRANSLATE_NOOP("Audience", "App access token"),
            30.0,
            30.0,
            QT_TRANSLATE_NOOP(
                "Audience", "Twitch updates the figure about once a minute. Likes and chat are not in this API."
            ),
        ),
        Preset(
            "youtube",
            QT_TRANSLATE_NOOP("Audience", "YouTube (Data API v3)"),
            (
                Param(
                    "video",
                    QT_TRANSLATE_NOOP("Audience", "Live video"),
                    "https://www.youtube.com/watch?v=…",
                    _youtube_video,
                ),
            ),
            _youtube,
            QT_TRANSLATE_NOOP("Audience", "API key"),
            30.0,
            30.0,
            QT_TRANSLATE_NOOP(
                "Audience",
                "Each request uses 1 of the key's 10,000 daily quota units. YouTube hides the viewer count when "
                "it is zero or turned off for the video.",
            ),
        ),
        Preset(
            "bilibili",
            QT_TRANSLATE_NOOP("Audience", "Bilibili (unofficial web API)"),
            (
                Param("room_id", QT_TRANSLATE_NOOP("Audience", "Room ID"), "live.bilibili.com/…", _digits),
                Param("ruid", QT_TRANSLATE_NOOP("Audience", "Streamer UID"), "12345678", _digits),
            ),
            _bilibili,
            None,
            10.0,
            20.0,
            QT_TRANSLATE_NOOP(
                "Audience",
                "Not an official API: Bilibili may change or block it at any time. Use it at your own risk.",
            ),
        ),
    )
}
