"""Which alert destinations a studio has and what each one hears: alerts.json, next to rooms.json. No Qt.

One file per studio (the config folder the rooms share), because a team's chat group usually watches several
rooms: each destination names its platform and its rule — the rooms it hears (none listed: every room), the
mildest severity it hears (default critical), and whether only while the room is on air. A room that wants
its own group simply gets a destination that lists only it. The file holds no secret: a destination's webhook
address (with its key or token) and its signing secret are in the keyring (Secrets kind "alerts", under the
destination's name), set with `onair alerts secret NAME`.

    {"version": 1, "language": "zh_CN",
     "destinations": [{"name": "ops-group", "platform": "dingtalk", "rooms": ["Room A"],
                       "min_severity": "critical", "only_on_air": true}]}
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.core.alerts.platforms import PLATFORMS
from console.core.rooms import Secrets
from obs import oswords
from obs.errors import Explained
from obs.text import QT_TRANSLATE_NOOP, Message
from obs.vocabulary import Severity

FORMAT_VERSION = 1
LANGUAGES = ("en", "zh_CN")
MAX_FILE_BYTES = 256 * 1024


class AlertConfigError(Explained):
    """alerts.json cannot be read, or a destination in it is wrong."""


@dataclass(frozen=True)
class Destination:
    name: str
    platform: str
    #: The rooms it hears; empty: every room.
    rooms: tuple[str, ...] = ()
    min_severity: str = Severity.CRITICAL
    only_on_air: bool = False

    def hears(self, room: str) -> bool:
        return not self.rooms or room in self.rooms

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "platform": self.platform,
            "rooms": list(self.rooms),
            "min_severity": str(self.min_severity),
            "only_on_air": self.only_on_air,
        }


@dataclass(frozen=True)
class AlertConfig:
    destinations: tuple[Destination, ...] = ()
    #: The team's language: every alert is written in it.
    language: str = "en"
    path: Path | None = field(default=None, compare=False)

    def for_room(self, room: str) -> list[Destination]:
        return [d for d in self.destinations if d.hears(room)]

    def get(self, name: str) -> Destination | None:
        return next((d for d in self.destinations if d.name == name), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "language": self.language,
            "destinations": [d.to_json() for d in self.destinations],
        }


def _wrong(index: int, what: str, **fields: object) -> AlertConfigError:
    """`what` is a template in context "Alerts" (translated with the sentence around it)."""
    return AlertConfigError(
        QT_TRANSLATE_NOOP("Alerts", "alert destination {number}: {what}"),
        number=index + 1,
        what=Message(what, fields, "Alerts"),
    )


def _destination(index: int, entry: Any) -> Destination:
    if not isinstance(entry, dict):
        raise _wrong(index, QT_TRANSLATE_NOOP("Alerts", "it is not an object"))
    name, platform = entry.get("name"), entry.get("platform")
    if not isinstance(name, str) or not name.strip() or len(name) > 200:
        raise _wrong(index, QT_TRANSLATE_NOOP("Alerts", "its name must be text of 1 to 200 characters"))
    if platform not in PLATFORMS:
        raise _wrong(
            index,
            QT_TRANSLATE_NOOP("Alerts", "its platform must be one of {platforms}"),
            platforms=", ".join(PLATFORMS),
        )
    rooms = entry.get("rooms", [])
    if not isinstance(rooms, list) or not all(isinstance(room, str) for room in rooms):
        raise _wrong(index, QT_TRANSLATE_NOOP("Alerts", "its rooms must be a list of room names"))
    severity = entry.get("min_severity", Severity.CRITICAL)
    if severity not in tuple(Severity):
        raise _wrong(index, QT_TRANSLATE_NOOP("Alerts", "its min_severity must be info, warning or critical"))
    on_air = entry.get("only_on_air", False)
    if not isinstance(on_air, bool):
        raise _wrong(index, QT_TRANSLATE_NOOP("Alerts", "its only_on_air must be true or false"))
    return Destination(name.strip(), str(platform), tuple(rooms), Severity(severity), on_air)


def parse(data: Any) -> AlertConfig:
    """The configuration from alerts.json's content; AlertConfigError says what is wrong where."""
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise AlertConfigError(
            QT_TRANSLATE_NOOP("Alerts", "alerts.json is not a version {version} file"), version=FORMAT_VERSION
        )
    language = data.get("language", "en")
    if language not in LANGUAGES:
        raise AlertConfigError(QT_TRANSLATE_NOOP("Alerts", "alerts.json: language must be en or zh_CN"))
    entries = data.get("destinations", [])
    if not isinstance(entries, list):
        raise AlertConfigError(QT_TRANSLATE_NOOP("Alerts", "alerts.json: destinations must be a list"))
    destinations = [_destination(i, entry) for i, entry in enumerate(entries)]
    names = [d.name for d in destinations]
    for i, name in enumerate(names):
        if name in names[:i]:
            raise _wrong(i, QT_TRANSLATE_NOOP("Alerts", "the name “{name}” is used twice"), name=name)
    return AlertConfig(tuple(destinations), str(language))


def load(path: Path) -> AlertConfig:
    """alerts.json; no file: no destinations (alerts are off)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise AlertConfigError(QT_TRANSLATE_NOOP("Alerts", "{path} is too large to be an alerts file"), path=path)
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return AlertConfig(path=path)
    except (OSError, UnicodeDecodeError) as exc:
        raise AlertConfigError(
            QT_TRANSLATE_NOOP("Alerts", "{path} cannot be read: {error}"),
            path=path,
            error=oswords.reason(exc, named=False) if isinstance(exc, OSError) else oswords.data_reason(exc),
        ) from exc
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise AlertConfigError(
            QT_TRANSLATE_NOOP("Alerts", "{path} cannot be read: {error}"), path=path, error=oswords.data_reason(exc)
        ) from exc
    config = parse(data)
    return AlertConfig(config.destinations, config.language, path)


def save(path: Path, config: AlertConfig) -> None:
    """alerts.json written whole or not at all (a full disk or a crash leaves the old file); AlertConfigError
    says why it could not be. The configuration is checked first: what is saved can be read back."""
    parse(config.to_json())
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".alerts-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(config.to_json(), handle, ensure_ascii=False, indent=2)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise AlertConfigError(
            QT_TRANSLATE_NOOP("Alerts", "{path} could not be saved: {error}"),
            path=path,
            error=oswords.reason(exc, named=False),
        ) from exc


@dataclass(frozen=True)
class Credentials:
    """A destination's webhook address (its key or token inside) and its signing secret (DingTalk, Feishu)."""

    url: str
    secret: str = ""

    def to_keyring(self) -> str:
        return json.dumps({"url": self.url, "secret": self.secret})

    @classmethod
    def from_keyring(cls, stored: str) -> Credentials | None:
        try:
            data = json.loads(stored) if stored else None
        except ValueError:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("url"), str) or not data["url"]:
            return None
        secret = data.get("secret")
        return cls(data["url"], secret if isinstance(secret, str) else "")


def keyring_credentials(secrets: Secrets) -> Callable[[str], Credentials | None]:
    """A destination's credentials by its name, from the keyring (None: none stored, or unreadable)."""
    return lambda name: Credentials.from_keyring(secrets.get(name, Secrets.ALERTS))
