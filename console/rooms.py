"""Rooms: saved OBS connection profiles (rooms.json) and their passwords in the OS keyring. No Qt.

A password never goes to a file or a log. Where the system has no keyring (a bare server, some
Linux sessions), the password is used for the running session only and the caller is told why.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring
import keyring.errors

from console.telemetry.audience import AudienceSource, NoAudience
from console.telemetry.audience_config import AudienceConfig
from console.telemetry.audience_http import SpecError
from obs.errors import Explained
from obs.protocol import DEFAULT_PORT

LOG = logging.getLogger(__name__)
KEYRING_SERVICE = "onair-console"
FORMAT_VERSION = 1


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


class RoomStoreError(Explained):
    """rooms.json could not be read or written, or a room's fields are wrong."""


class SecretsUnavailable(Explained):
    """No usable OS keyring: passwords cannot be remembered (they still work for this session)."""


@dataclass(frozen=True)
class Room:
    name: str
    host: str
    port: int = DEFAULT_PORT
    #: Where the room's audience figures come from (its token or key is in the keyring).
    audience: AudienceConfig = field(default_factory=AudienceConfig)
    #: The OBS inputs that are this room's microphones (the audio health rules); empty: audio-capture inputs
    #: whose name contains mic or 麦.
    mics: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "host": self.host, "port": self.port}
        if self.audience.kind != "none":
            data["audience"] = self.audience.to_json()
        if self.mics:
            data["mics"] = list(self.mics)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Room:
        audience = AudienceConfig.from_json(data["audience"]) if "audience" in data else AudienceConfig()
        mics = data.get("mics", [])
        if not isinstance(mics, list) or not all(isinstance(m, str) for m in mics):
            raise TypeError(f"room {data.get('name')!r}: 'mics' must be a list of input names")
        return cls(str(data["name"]), str(data["host"]), int(data.get("port", DEFAULT_PORT)), audience, tuple(mics))

    @property
    def url(self) -> str:
        return f"ws://{self.host}:{self.port}"


def validate(room: Room) -> RoomStoreError | None:
    """A plain-language problem with the room's fields, or None."""
    if not room.name.strip():
        return RoomStoreError(QT_TRANSLATE_NOOP("Rooms", "The room needs a name."))
    if not room.host.strip() or any(c.isspace() for c in room.host.strip()):
        return RoomStoreError(QT_TRANSLATE_NOOP("Rooms", "The OBS computer's address is empty or has spaces."))
    if not 1 <= room.port <= 65535:
        return RoomStoreError(
            QT_TRANSLATE_NOOP("Rooms", "The port must be a number from 1 to 65535 (OBS's default is 4455).")
        )
    return None


class RoomStore:
    """rooms.json: the rooms in the order the user made them, and the last one used."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._rooms: list[Room] = []
        self.last: str | None = None
        self.load_problem: RoomStoreError | None = None
        self._load()

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            rooms = [Room.from_json(r) for r in data["rooms"]]
            last = data.get("last")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            # Keep the user's file: set it aside rather than overwrite it with an empty list later.
            aside = self.path.with_name(f"{self.path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
            try:
                self.path.replace(aside)
                kept = aside
            except OSError:
                kept = self.path
            self.load_problem = RoomStoreError(
                QT_TRANSLATE_NOOP("Rooms", "The saved rooms could not be read ({error}); the file is kept as {path}."),
                error=exc,
                path=kept,
            )
            LOG.warning("%s", self.load_problem)
            return
        self._rooms = rooms
        self.last = last if isinstance(last, str) and any(r.name == last for r in rooms) else None

    def _save(self) -> None:
        payload = {"version": FORMAT_VERSION, "last": self.last, "rooms": [r.to_json() for r in self._rooms]}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".rooms-", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False, indent=2)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)  # atomic: a full disk or a crash leaves the old file whole
        except OSError as exc:
            with_tmp = locals().get("tmp")
            if with_tmp and os.path.exists(with_tmp):
                os.unlink(with_tmp)
            raise RoomStoreError(
                QT_TRANSLATE_NOOP("Rooms", "The rooms could not be saved to {path}: {error}"),
                path=self.path,
                error=exc.strerror or exc,
            ) from exc

    def rooms(self) -> list[Room]:
        return list(self._rooms)

    def get(self, name: str) -> Room | None:
        return next((r for r in self._rooms if r.name == name), None)

    def put(self, room: Room, replacing: str | None = None) -> None:
        """Add a room, or replace the one called `replacing` (a rename keeps its place in the list)."""
        problem = validate(room)
        if problem:
            raise problem
        old_name = replacing or room.name
        if room.name != old_name and self.get(room.name) is not None:
            raise RoomStoreError(QT_TRANSLATE_NOOP("Rooms", "A room called “{name}” exists already."), name=room.name)
        rooms = list(self._rooms)
        index = next((i for i, r in enumerate(rooms) if r.name == old_name), None)
        if index is None:
            rooms.append(room)
        else:
            rooms[index] = room
        previous, previous_last = self._rooms, self.last
        self._rooms = rooms
        if self.last == old_name:
            self.last = room.name
        try:
            self._save()
        except RoomStoreError:
            self._rooms, self.last = previous, previous_last
            raise

    def remove(self, name: str) -> None:
        previous, previous_last = self._rooms, self.last
        self._rooms = [r for r in self._rooms if r.name != name]
        if self.last == name:
            self.last = None
        try:
            self._save()
        except RoomStoreError:
            self._rooms, self.last = previous, previous_last
            raise

    def set_last(self, name: str | None) -> None:
        if name != self.last:
            self.last = name
            self._save()


class Secrets:
    """Secrets in the OS keyring (service 'onair-console'): a room's OBS password (user 'room:<name>') and its
    audience source's token or API key (user 'audience:<name>')."""

    KINDS = ("room", "audience")

    def __init__(self) -> None:
        self._session: dict[str, str] = {}

    @staticmethod
    def _user(room: str, kind: str) -> str:
        return f"{kind}:{room}"

    def get(self, room: str, kind: str = "room") -> str:
        user = self._user(room, kind)
        if user in self._session:
            return self._session[user]
        try:
            return keyring.get_password(KEYRING_SERVICE, user) or ""
        except keyring.errors.KeyringError as exc:
            LOG.info("no keyring to read the %s secret of %s from: %s", kind, room, exc)
            return ""

    def set(self, room: str, password: str, kind: str = "room") -> None:
        """Remember the secret; raise SecretsUnavailable (after keeping it for this session) if it cannot be."""
        user = self._user(room, kind)
        self._session[user] = password
        try:
            if password:
                keyring.set_password(KEYRING_SERVICE, user, password)
            else:
                self._delete(user)
        except keyring.errors.KeyringError as exc:
            raise SecretsUnavailable(
                QT_TRANSLATE_NOOP(
                    "Rooms",
                    "There is no system keyring to keep the password in, so it is used for this session only "
                    "and will be asked for again next time ({error}).",
                ),
                error=type(exc).__name__,
            ) from exc
        del self._session[user]

    @staticmethod
    def _delete(user: str) -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            keyring.delete_password(KEYRING_SERVICE, user)

    def forget(self, room: str) -> None:
        """Both of the room's secrets."""
        for kind in self.KINDS:
            user = self._user(room, kind)
            self._session.pop(user, None)
            try:
                self._delete(user)
            except keyring.errors.KeyringError as exc:
                LOG.info("no keyring to delete the %s secret of %s from: %s", kind, room, exc)

    def rename(self, old: str, new: str) -> None:
        moved = {kind: self.get(old, kind) for kind in self.KINDS}
        for kind, secret in moved.items():
            if secret:
                self.set(new, secret, kind)
        self.forget(old)


def audience_source(room: Room | None, secrets: Secrets) -> tuple[AudienceSource, SpecError | None]:
    """The room's audience source, built (not started); with no usable setting, none, and why."""
    if room is None or room.audience.kind == "none":
        return NoAudience(), None
    try:
        return room.audience.build(secrets.get(room.name, "audience")), None
    except SpecError as exc:
        return NoAudience(), exc
