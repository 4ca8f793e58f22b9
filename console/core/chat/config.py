"""A room's comment sources as saved with the room (no secrets: those are in the keyring, user "chat:<room>"),
and building the running sources from them. Qt-free.

A room may have several sources (a Bilibili room and a Douyin tool's file, say); they feed one ChatFeed. The
keyring entry holds one JSON object: for each source id, its secrets by name (Bilibili: the access key secret and
the host's identity code; a custom endpoint: the value of `{secret}`).
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from console.core.chat.events import ChatDetail
from console.core.chat.mapping import FieldMap
from console.core.telemetry.audience_http import SECRET, SpecError
from obs.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from console.core.chat.feed import ChatFeed
    from console.core.chat.oauth import Tokens
    from console.core.chat.source import ChatSource
    from console.core.rooms import Secrets

#: Each platform's module (its client, its wire format, its dataclasses) is imported when a source of its kind is
#: checked or built: a console's start-up reads every room's configuration and would otherwise load them all (~20-25
#: ms on the GUI thread before the first paint) for rooms that use none of them. They remain this module's attributes
#: (PEP 562), where the tests put a platform's source on a local server.
_PLATFORM_NAMES = {
    "API_BASE": "console.core.chat.bilibili",
    "BilibiliOpenSource": "console.core.chat.bilibili",
    "JsonLinesWebSocketSource": "console.core.chat.custom",
    "JsonLinesHttpSource": "console.core.chat.custom",
    "ChatFileTail": "console.core.chat.file_tail",
    "TwitchEventSubSource": "console.core.chat.twitch",
    "clean_channel": "console.core.chat.twitch",
    "TwitchIrcSource": "console.core.chat.twitch_irc",
    "YouTubeChatSource": "console.core.chat.youtube",
    "video_or_channel": "console.core.chat.youtube",
}


def _platform(name: str) -> Any:
    """The module attribute `name` (a platform's class or helper), imported the first time it is asked for."""
    value = globals().get(name)
    if value is None:
        value = getattr(importlib.import_module(_PLATFORM_NAMES[name]), name)
        globals()[name] = value
    return value


#: The custom JSON-lines sources by kind: the class that reads each (console/core/chat/custom.py).
_JSON_LINES_SOURCES = {"websocket": "JsonLinesWebSocketSource", "http": "JsonLinesHttpSource"}


def _source(name: str, *args: Any, **kwargs: Any) -> ChatSource:
    """A platform's source, made by its class `name` (see _platform)."""
    made: ChatSource = _platform(name)(*args, **kwargs)
    return made


if not TYPE_CHECKING:  # to the type checker these names are not this module's (they never were exported)

    def __getattr__(name: str) -> Any:
        if name in _PLATFORM_NAMES:
            return _platform(name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


KINDS = ("bilibili", "websocket", "http", "file", "twitch", "youtube")
KEYRING_KIND = "chat"
#: What each kind keeps in the keyring.
SECRET_NAMES: dict[str, tuple[str, ...]] = {
    "bilibili": ("access_key_secret", "identity_code"),
    "websocket": ("secret",),
    "http": ("secret",),
    "file": (),
    # ---- twitch: EventSub needs a user token with user:read:chat (and the refresh token when it came from "Sign in
    # with Twitch"); IRC a viewer token. The app's client id is not secret: it is a room setting (older rooms kept
    # it here, and it is still read from here).
    "twitch": ("client_id", "user_token", "refresh_token"),
    # ---- youtube: an API key (public chats) or an OAuth token (the channel owner's own broadcasts), with the refresh
    # token and the Google app's client secret when the token came from "Sign in with Google".
    "youtube": ("api_key", "oauth_token", "refresh_token", "google_client_secret"),
}
SECRET_LABELS = {
    "access_key_secret": QT_TRANSLATE_NOOP("Chat", "Access key secret"),
    "identity_code": QT_TRANSLATE_NOOP("Chat", "Identity code (身份码)"),
    "secret": QT_TRANSLATE_NOOP("Chat", "Token"),
    "client_id": QT_TRANSLATE_NOOP("Chat", "Client ID"),
    "user_token": QT_TRANSLATE_NOOP("Chat", "User access token"),
    "refresh_token": QT_TRANSLATE_NOOP("Chat", "Refresh token"),
    "api_key": QT_TRANSLATE_NOOP("Chat", "API key"),
    "oauth_token": QT_TRANSLATE_NOOP("Chat", "OAuth access token"),
    "google_client_secret": QT_TRANSLATE_NOOP("Chat", "Google client secret"),
}
# ---- twitch
#: How a Twitch source reads: EventSub (a user token with user:read:chat and the app's client id), IRC with a
#: viewer token (chat:read), or IRC anonymously (read-only, no token).
TWITCH_MODES = ("eventsub", "irc", "anonymous")
# ---- youtube
YOUTUBE_AUTH = ("api_key", "oauth")
_SOURCE_ID = re.compile(r"[A-Za-z0-9_.\-\u4e00-\u9fff]{1,40}")

__all__ = [
    "KINDS",
    "ChatConfig",
    "ChatSourceConfig",
    "SpecError",
    "keep_source_secrets",
    "load_secrets",
    "save_secrets",
]


def _whole(value: Any, default: int) -> int:
    """A saved whole number; the default when it is missing or not a number."""
    try:
        return int(value) if value is not None and not isinstance(value, bool) else default
    except (TypeError, ValueError, OverflowError):
        return default


def _fail(template: str, **fields: object) -> SpecError:
    return SpecError(ChatDetail.of(template, **fields))


@dataclass(frozen=True)
class ChatSourceConfig:
    id: str
    kind: str
    #: Bilibili: the open platform's app (project) id and access key id (the secret and the 身份码 are in the keyring).
    app_id: str = ""
    access_key_id: str = ""
    #: websocket / http: the address (`{secret}` where the token goes) and extra headers.
    url: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    #: file: the file another tool appends to; read from its start instead of only what is added from now on.
    path: str = ""
    from_start: bool = False
    fields: FieldMap = field(default_factory=FieldMap)
    # ---- twitch: the channel (login or twitch.tv address) and how to read it (TWITCH_MODES).
    channel: str = ""
    twitch_mode: str = "eventsub"
    #: The Client ID of the Twitch app the team registered (a public client), for EventSub and signing in.
    client_id: str = ""
    # ---- youtube: a live video (id or address) or a channel (UC… id or address), the credential used, and the
    # daily quota budget in units this source may spend (Google grants a project 10,000 a day by default).
    youtube: str = ""
    youtube_auth: str = "api_key"
    quota_per_day: int = 10_000
    #: The client ID of the Google "Desktop app" the team registered, for "Sign in with Google" (its secret is in
    #: the keyring).
    google_client_id: str = ""

    def secret_names(self) -> tuple[str, ...]:
        if self.kind in ("websocket", "http"):
            uses = SECRET in self.url or any(SECRET in value for _, value in self.headers)
            return ("secret",) if uses else ()
        if self.kind == "twitch":
            return {"eventsub": ("user_token",), "irc": ("user_token",)}.get(self.twitch_mode, ())
        if self.kind == "youtube":
            return ("oauth_token",) if self.youtube_auth == "oauth" else ("api_key",)
        return SECRET_NAMES.get(self.kind, ())

    def check(self) -> None:
        """SpecError, in the user's terms, when this source cannot work."""
        if not _SOURCE_ID.fullmatch(self.id):
            raise _fail(QT_TRANSLATE_NOOP("Chat", "Name the source with up to 40 letters, digits, “-”, “_” or “.”."))
        if self.kind == "bilibili":
            if not self.app_id.strip().isdigit() or int(self.app_id) <= 0:
                raise _fail(QT_TRANSLATE_NOOP("Chat", "The app id (项目ID) is the number the open platform shows."))
            self._check_access_key_id()
        elif self.kind in ("websocket", "http"):
            schemes = ("ws", "wss") if self.kind == "websocket" else ("http", "https")
            parts = urlsplit(self.url.strip().replace(SECRET, "x"))
            if parts.scheme not in schemes or not parts.hostname:
                raise _fail(
                    QT_TRANSLATE_NOOP("Chat", "The address must start with {schemes} and name a host."),
                    schemes=" or ".join(f"{s}://" for s in schemes),
                )
            if not self.fields.user or not self.fields.text:
                raise _fail(QT_TRANSLATE_NOOP("Chat", "Say which field holds the user and which the text."))
        elif self.kind == "file":
            if not self.path.strip():
                raise _fail(QT_TRANSLATE_NOOP("Chat", "Choose the file to follow."))
        else:  # the kinds below check themselves (twitch, youtube)
            {"twitch": self._check_twitch, "youtube": self._check_youtube}.get(self.kind, self._unknown_kind)()

    def _check_access_key_id(self) -> None:
        key = self.access_key_id.strip()
        if not key:
            raise _fail(QT_TRANSLATE_NOOP("Chat", "Fill in the access key id (access_key_id)."))
        # It goes in an HTTP header, which carries ASCII only: anything else failed later as an "internal error".
        if not (key.isascii() and key.isprintable()) or " " in key:
            raise _fail(
                QT_TRANSLATE_NOOP(
                    "Chat",
                    "The access key id (access_key_id) is letters and digits as the open platform shows it, with no "
                    "Chinese characters or spaces: copy it again.",
                )
            )

    def twitch_client_id(self, secrets: dict[str, str]) -> str:
        """The room's setting; a room saved before it was one kept it in the keyring."""
        return (self.client_id or secrets.get("client_id", "")).strip()

    def _unknown_kind(self) -> None:
        raise _fail(QT_TRANSLATE_NOOP("Chat", "Unknown comment source kind “{kind}”."), kind=self.kind)

    # ---- twitch
    def _check_twitch(self) -> None:
        if not re.fullmatch(r"[a-z0-9_]{2,25}", _platform("clean_channel")(self.channel)):
            raise _fail(QT_TRANSLATE_NOOP("Chat", "Name the Twitch channel (its login or twitch.tv address)."))
        if self.twitch_mode not in TWITCH_MODES:
            raise _fail(QT_TRANSLATE_NOOP("Chat", "Unknown way to read Twitch “{mode}”."), mode=self.twitch_mode)
        if self.client_id and not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", self.client_id.strip()):
            raise _fail(
                QT_TRANSLATE_NOOP(
                    "Chat", "The Twitch Client ID is letters and digits, as the Twitch developer console shows it."
                )
            )

    # ---- youtube
    def _check_youtube(self) -> None:
        if _platform("video_or_channel")(self.youtube) is None:
            raise _fail(
                QT_TRANSLATE_NOOP("Chat", "Give the live video (its id or address) or the channel (UC… id or address).")
            )
        if self.youtube_auth not in YOUTUBE_AUTH:
            raise _fail(QT_TRANSLATE_NOOP("Chat", "Choose an API key or an OAuth token for YouTube."))
        if self.quota_per_day < 1:
            raise _fail(QT_TRANSLATE_NOOP("Chat", "The daily quota budget must be at least 1 unit."))

    def build(
        self,
        feed: ChatFeed,
        secrets: dict[str, str],
        api_base: str | None = None,
        keep: Callable[[dict[str, str]], None] | None = None,
    ) -> ChatSource:
        """The running source (not started); SpecError when the configuration or a secret is missing. `keep`
        stores this source's secrets again when a token is renewed (Twitch's refresh tokens work once); `api_base`
        is Bilibili's open platform unless given."""
        self.check()
        for name in self.secret_names():
            if not secrets.get(name, "").strip():
                raise _fail(QT_TRANSLATE_NOOP("Chat", "Fill in “{field}”."), field=SECRET_LABELS[name])
        if self.kind == "bilibili":
            return _source(
                "BilibiliOpenSource",
                feed,
                int(self.app_id),
                self.access_key_id.strip(),
                secrets["access_key_secret"].strip(),
                "".join(secrets["identity_code"].split()).upper(),
                source_id=self.id,
                api_base=_platform("API_BASE") if api_base is None else api_base,
            )
        if self.kind == "twitch":
            return self._build_twitch(feed, secrets, keep)
        if self.kind == "youtube":
            return self._build_youtube(feed, secrets, keep)
        if self.kind in _JSON_LINES_SOURCES:
            return _source(
                _JSON_LINES_SOURCES[self.kind],
                feed,
                self.url.strip(),
                self.fields,
                self.headers,
                secrets.get("secret", ""),
                source_id=self.id,
            )
        return _source(
            "ChatFileTail",
            feed,
            Path(self.path.strip()).expanduser(),
            self.fields,
            from_start=self.from_start,
            source_id=self.id,
        )

    def _build_twitch(
        self, feed: ChatFeed, secrets: dict[str, str], keep: Callable[[dict[str, str]], None] | None
    ) -> ChatSource:
        if self.twitch_mode == "eventsub":
            client_id = self.twitch_client_id(secrets)
            if not client_id:
                raise _fail(QT_TRANSLATE_NOOP("Chat", "Fill in “{field}”."), field=SECRET_LABELS["client_id"])

            def keep_tokens(tokens: Tokens) -> None:
                if keep is not None:
                    keep({**secrets, "user_token": tokens.access_token, "refresh_token": tokens.refresh_token})

            return _source(
                "TwitchEventSubSource",
                feed,
                self.channel,
                client_id,
                secrets["user_token"],
                source_id=self.id,
                refresh_token=secrets.get("refresh_token", ""),
                keep_tokens=keep_tokens,
            )
        token = secrets.get("user_token", "") if self.twitch_mode == "irc" else ""
        return _source("TwitchIrcSource", feed, self.channel, token, source_id=self.id)

    def _build_youtube(
        self, feed: ChatFeed, secrets: dict[str, str], keep: Callable[[dict[str, str]], None] | None
    ) -> ChatSource:
        oauth = self.youtube_auth == "oauth"
        credential = secrets["oauth_token" if oauth else "api_key"].strip()

        def keep_tokens(tokens: Tokens) -> None:
            if keep is not None:
                keep({**secrets, "oauth_token": tokens.access_token, "refresh_token": tokens.refresh_token})

        return _source(
            "YouTubeChatSource",
            feed,
            self.youtube,
            api_key="" if oauth else credential,
            oauth_token=credential if oauth else "",
            quota_per_day=self.quota_per_day,
            source_id=self.id,
            refresh_token=secrets.get("refresh_token", "") if oauth else "",
            google_client=(self.google_client_id.strip(), secrets.get("google_client_secret", "").strip()),
            keep_tokens=keep_tokens,
        )

    # ------------------------------------------------------------------ rooms.json
    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "kind": self.kind}
        for name in ("app_id", "access_key_id", "url", "path"):
            if getattr(self, name):
                data[name] = getattr(self, name)
        if self.headers:
            data["headers"] = [list(pair) for pair in self.headers]
        if self.from_start:
            data["from_start"] = True
        if self.fields.to_json():
            data["fields"] = self.fields.to_json()
        if self.kind == "twitch":
            data.update(channel=self.channel, twitch_mode=self.twitch_mode)
            if self.client_id:
                data["client_id"] = self.client_id
        if self.kind == "youtube":
            data.update(youtube=self.youtube, youtube_auth=self.youtube_auth, quota_per_day=self.quota_per_day)
            if self.google_client_id:
                data["google_client_id"] = self.google_client_id
        return data

    @classmethod
    def from_json(cls, data: Any) -> ChatSourceConfig:
        """ValueError when the saved value is not a comment source."""
        if not isinstance(data, dict):
            raise ValueError("a comment source is not an object")
        kind = data.get("kind")
        if kind not in KINDS:
            raise ValueError(f"unknown comment source kind {kind!r}")
        headers = data.get("headers") or []
        if not isinstance(headers, list):
            raise ValueError("the comment source's headers are malformed")

        def text(key: str) -> str:
            value = data.get(key)
            return "" if value is None else str(value)

        return cls(
            id=text("id") or str(kind),
            kind=str(kind),
            app_id=text("app_id"),
            access_key_id=text("access_key_id"),
            url=text("url"),
            headers=tuple((str(p[0]), str(p[1])) for p in headers if isinstance(p, list) and len(p) == 2),
            path=text("path"),
            from_start=bool(data.get("from_start", False)),
            fields=FieldMap.from_json(data.get("fields") or {}),
            channel=text("channel"),
            twitch_mode=text("twitch_mode") or "eventsub",
            client_id=text("client_id"),
            youtube=text("youtube"),
            youtube_auth=text("youtube_auth") or "api_key",
            quota_per_day=_whole(data.get("quota_per_day"), 10_000),
            google_client_id=text("google_client_id"),
        )


@dataclass(frozen=True)
class ChatConfig:
    """All of a room's comment sources."""

    sources: tuple[ChatSourceConfig, ...] = ()

    def check(self) -> None:
        seen: set[str] = set()
        for source in self.sources:
            source.check()
            if source.id in seen:
                raise _fail(QT_TRANSLATE_NOOP("Chat", "Two comment sources are named “{name}”."), name=source.id)
            seen.add(source.id)

    def build(
        self,
        feed: ChatFeed,
        secrets: dict[str, dict[str, str]],
        keep: Callable[[str, dict[str, str]], None] | None = None,
    ) -> tuple[list[ChatSource], list[tuple[str, SpecError]]]:
        """The sources that can run (not started), and for each that cannot, its id and why. `keep(source id,
        secrets)` stores a source's renewed secrets (the keyring)."""
        built: list[ChatSource] = []
        problems: list[tuple[str, SpecError]] = []
        for source in self.sources:
            try:
                kept = None if keep is None else (lambda values, sid=source.id: keep(sid, values))
                built.append(source.build(feed, secrets.get(source.id, {}), keep=kept))
            except SpecError as exc:
                problems.append((source.id, exc))
        return built, problems

    def to_json(self) -> list[dict[str, Any]]:
        return [source.to_json() for source in self.sources]

    @classmethod
    def from_json(cls, data: Any) -> ChatConfig:
        if not isinstance(data, list):
            raise ValueError("the comment sources are not a list")
        return cls(tuple(ChatSourceConfig.from_json(item) for item in data))


# ---------------------------------------------------------------------------------------------- keyring
def load_secrets(secrets: Secrets, room: str) -> dict[str, dict[str, str]]:
    """The room's comment secrets by source id ({} when none, or when the keyring entry is unreadable)."""
    text = secrets.get(room, KEYRING_KIND)
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        str(source): {str(k): str(v) for k, v in values.items()}
        for source, values in data.items()
        if isinstance(values, dict)
    }


def keep_source_secrets(secrets: Secrets, room: str, source_id: str, values: dict[str, str]) -> None:
    """Replace one source's secrets in the room's keyring entry (a renewed token), leaving the others."""
    saved = load_secrets(secrets, room)
    saved[source_id] = dict(values)
    save_secrets(secrets, room, saved)


def save_secrets(secrets: Secrets, room: str, values: dict[str, dict[str, str]]) -> None:
    """Keep them in the keyring (SecretsUnavailable, as for OBS passwords, when there is none)."""
    kept = {source: {k: v for k, v in named.items() if v} for source, named in values.items()}
    kept = {source: named for source, named in kept.items() if named}
    secrets.set(room, json.dumps(kept, ensure_ascii=False, sort_keys=True) if kept else "", KEYRING_KIND)
