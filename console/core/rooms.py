"""Rooms: saved OBS connection profiles (rooms.json) and their passwords in the OS keyring. No Qt.

A password never goes to a file or a log. Where the system has no keyring (a bare server, some
Linux sessions), the password is used for the running session only and the caller is told why.

rooms.json is read strictly: every field is checked (a port is a whole number from 1 to 65535, not
1e400 or Infinity; names and addresses are text), the file's size and nesting are bounded, and a file
that fails is set aside next to itself (`rooms.json.broken-<time>`), never overwritten. A file whose
rooms are partly wrong keeps the good rooms (written back at once) and reports each room left out.

The file is `{"version": 1, "last": NAME, "rooms": [ROOM, …]}`; a file written by hand may be the list of rooms
alone (`[ROOM, …]`), read as the rooms with no last room, and written in the full form at the next save.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checklists.checks import MAX_NAME
from checklists.roles import ROLES
from console.core.aside import set_aside
from console.core.chat.config import ChatConfig
from console.core.telemetry.audience import AudienceSource, NoAudience
from console.core.telemetry.audience_config import AudienceConfig
from console.core.telemetry.audience_http import SpecError
from obs import oswords
from obs.errors import Explained
from obs.protocol import DEFAULT_PORT
from obs.text import QT_TRANSLATE_NOOP

LOG = logging.getLogger(__name__)
KEYRING_SERVICE = "onair-console"
FORMAT_VERSION = 1
# A room takes about 200 bytes (a custom audience source with headers perhaps 2 KB): 1 MB is thousands of
# rooms, and bounds what a hostile file costs to read.
MAX_FILE_BYTES = 1024 * 1024
# The audience poll and staleness periods, in seconds: a day is far beyond any real setting.
MAX_PERIOD_S = 86_400.0


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
    #: The room's comment sources (issue 20; their secrets are in the keyring, user "chat:<name>").
    chat: ChatConfig = field(default_factory=ChatConfig)
    #: What this room's OBS calls each room role the checklists name (checklists/roles.py): (role, OBS name) pairs
    #: in the roles' order. A role left out is not named yet: its items say so, and the Checklist dock's Choose…
    #: names it from OBS's own scenes and inputs.
    checklist_names: tuple[tuple[str, str], ...] = ()

    @property
    def names(self) -> dict[str, str]:
        """The checklist names as a mapping of role to OBS name."""
        return dict(self.checklist_names)

    @property
    def microphones(self) -> tuple[str, ...]:
        """The inputs the audio health rules take for the room's microphones: its `mics` setting, else the input
        chosen as its microphone for the checklists (Choose…), else none (detected by kind and name). One fact, told
        once: walk20 chose "Mic/Aux" as the room's microphone in the Checklist dock, muted it on air, and the Health
        dock called it a silent product video instead of saying the host could not be heard."""
        if self.mics:
            return self.mics
        mic = self.names.get("mic", "")
        return (mic,) if mic else ()

    def with_checklist_name(self, role: str, name: str) -> Room:
        """This room with `role` named `name` in its OBS."""
        names = {**self.names, role: name}
        order = [*ROLES, *sorted(set(names) - set(ROLES))]  # a role this version does not know is kept, last
        return replace(self, checklist_names=tuple((r, names[r]) for r in order if r in names))

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "host": self.host, "port": self.port}
        if self.audience.kind != "none":
            data["audience"] = self.audience.to_json()
        if self.mics:
            data["mics"] = list(self.mics)
        if self.chat.sources:
            data["chat"] = self.chat.to_json()
        if self.checklist_names:
            data["checklist_names"] = self.names
        return data

    @classmethod
    def from_json(cls, data: Any) -> Room:
        """A room from rooms.json, every field checked: RoomStoreError says which is wrong."""
        if not isinstance(data, dict):
            raise RoomStoreError(QT_TRANSLATE_NOOP("Rooms", "It is not a room (a name, an address and a port)."))
        name, host, port = data.get("name"), data.get("host"), data.get("port", DEFAULT_PORT)
        if not isinstance(name, str):
            raise RoomStoreError(QT_TRANSLATE_NOOP("Rooms", "The room needs a name."))
        if not isinstance(host, str):
            raise RoomStoreError(QT_TRANSLATE_NOOP("Rooms", "The OBS computer's address is empty or has spaces."))
        # bool is an int to Python, and 1e400 or Infinity parse as a float: neither is a port.
        if isinstance(port, bool) or not isinstance(port, int):
            raise RoomStoreError(
                QT_TRANSLATE_NOOP("Rooms", "The port must be a number from 1 to 65535 (OBS's default is 4455).")
            )
        audience = AudienceConfig()
        if "audience" in data:
            try:
                audience = AudienceConfig.from_json(data["audience"])
                periods = (audience.interval_s, audience.stale_after_s)
                if not all(math.isfinite(p) and 0 < p <= MAX_PERIOD_S for p in periods):
                    raise ValueError(f"a period of {max(periods)!r} s")
            except (ValueError, TypeError, OverflowError, AttributeError) as exc:
                raise RoomStoreError(
                    QT_TRANSLATE_NOOP("Rooms", "Its audience source setting is not valid ({error})."), error=exc
                ) from exc
        mics = data.get("mics", [])
        if not isinstance(mics, list) or not all(isinstance(m, str) for m in mics):
            raise RoomStoreError(QT_TRANSLATE_NOOP("Rooms", "'mics' must be a list of input names."))
        room = cls(name, host, port, audience, tuple(mics), _chat_of(data), _checklist_names_of(data))
        problem = validate(room)
        if problem is not None:
            raise problem
        return room

    @property
    def url(self) -> str:
        return f"ws://{self.host}:{self.port}"


def _chat_of(data: dict[str, Any]) -> ChatConfig:
    """The room's comment sources as saved (none when the room has none: rooms.json from before issue 20)."""
    if data.get("chat") is None:
        return ChatConfig()
    try:
        return ChatConfig.from_json(data["chat"])
    except (ValueError, TypeError, AttributeError) as exc:
        raise RoomStoreError(
            QT_TRANSLATE_NOOP("Rooms", "Its comment sources are not valid ({error})."), error=exc
        ) from exc


def _checklist_names_of(data: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The room's checklist names as saved (none in rooms.json from before they existed: the room names them when
    its checklists ask). A role this version does not know is kept as it is (a newer console's)."""
    names = data.get("checklist_names", {})
    if not isinstance(names, dict) or not all(
        isinstance(role, str) and isinstance(name, str) and name.strip() and len(name) <= MAX_NAME
        for role, name in names.items()
    ):
        raise RoomStoreError(
            QT_TRANSLATE_NOOP(
                "Rooms",
                "'checklist_names' must map each checklist role to an OBS name (text of at most {limit} characters).",
            ),
            limit=MAX_NAME,
        )
    room = Room("", "")
    for role, name in names.items():
        room = room.with_checklist_name(role, name)
    return room.checklist_names


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


def _rooms_of(entries: list[Any]) -> tuple[list[Room], list[tuple[int, RoomStoreError]]]:
    """The rooms the entries hold, and (1-based number, why) for each entry left out."""
    rooms: list[Room] = []
    left_out: list[tuple[int, RoomStoreError]] = []
    for number, entry in enumerate(entries, 1):
        try:
            room = Room.from_json(entry)
            if any(r.name == room.name for r in rooms):
                raise RoomStoreError(
                    QT_TRANSLATE_NOOP("Rooms", "A room called “{name}” exists already."), name=room.name
                )
        except RoomStoreError as exc:
            left_out.append((number, exc))
            continue
        rooms.append(room)
    return rooms, left_out


class RoomStore:
    """rooms.json: the rooms in the order the user made them, and the last one used."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._rooms: list[Room] = []
        self.last: str | None = None
        # What was wrong with rooms.json when it was read (each already logged), for the window and the CLI.
        self.load_problems: list[RoomStoreError] = []
        self._load()

    @property
    def load_problem(self) -> RoomStoreError | None:
        return self.load_problems[0] if self.load_problems else None

    def _set_aside(self) -> Path:
        """Keep the user's file: set it aside rather than overwrite it later."""
        try:
            return set_aside(self.path)
        except OSError:
            return self.path

    def _load(self) -> None:
        read = self._read()
        if read is None:
            return
        entries, last = read
        rooms, left_out = _rooms_of(entries)
        self._rooms = rooms
        self.last = last if isinstance(last, str) and any(r.name == last for r in rooms) else None
        if left_out:
            self._left_out(entries, left_out)

    def _read(self) -> tuple[list[Any], Any] | None:
        """The file's room entries and its last room; None (and said) when there is no file or it is unusable."""
        if not self.path.exists():
            return None
        try:
            if self.path.stat().st_size > MAX_FILE_BYTES:
                raise RoomStoreError(
                    QT_TRANSLATE_NOOP("Rooms", "the file is larger than {mb} MB"), mb=MAX_FILE_BYTES // 1024 // 1024
                )
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, list):  # written by hand: the rooms alone (the next save writes the full form)
                return data, None
            if not isinstance(data, dict) or not isinstance(data.get("rooms"), list):
                raise RoomStoreError(QT_TRANSLATE_NOOP("Rooms", "it holds no list of rooms"))
            return data["rooms"], data.get("last")
        except RecursionError:
            self._unreadable(RoomStoreError(QT_TRANSLATE_NOOP("Rooms", "nested too deep to be a list of rooms")))
        except RoomStoreError as exc:  # said in the reader's language (the window's, the command's)
            self._unreadable(exc)
        except OSError as exc:
            self._unreadable(oswords.reason(exc, named=False))
        except ValueError as exc:  # not JSON, or not UTF-8 text: where, in the reader's words
            self._unreadable(oswords.data_reason(exc))
        return None

    def _left_out(self, entries: list[Any], left_out: list[tuple[int, RoomStoreError]]) -> None:
        """Say each room left out, keep the file as it was, and write the good rooms back."""
        kept = self._set_aside()
        for number, problem in left_out:
            entry = entries[number - 1]
            name = str(entry.get("name") or "?")[:80] if isinstance(entry, dict) else "?"
            self._report(
                RoomStoreError(
                    QT_TRANSLATE_NOOP(
                        "Rooms",
                        "Room {number} (“{name}”) in {file} was left out: {problem} "
                        "The file as it was is kept as {path}.",
                    ),
                    number=number,
                    name=name,
                    file=self.path,
                    problem=problem,
                    path=kept,
                )
            )
        if kept != self.path:  # the good rooms go back in place at once, so the next start has them
            try:
                self._save()
            except RoomStoreError as exc:
                self._report(exc)

    def _unreadable(self, error: object) -> None:
        self._report(
            RoomStoreError(
                QT_TRANSLATE_NOOP("Rooms", "The saved rooms could not be read ({error}); the file is kept as {path}."),
                error=error,
                path=self._set_aside(),
            )
        )

    def _report(self, problem: RoomStoreError) -> None:
        LOG.info("%s", problem)  # the window or the CLI reports it in the user's language
        self.load_problems.append(problem)

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
                error=oswords.reason(exc, named=False),
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
    """Secrets in the OS keyring (service 'onair-console'): a room's OBS password (user 'room:<name>'), its
    audience source's token or API key (user 'audience:<name>') and its comment sources' secrets (user
    'chat:<name>', console/core/chat/config.py); and an alert destination's webhook address and signing secret
    (kind ALERTS, user 'alerts:<destination>': a destination belongs to the studio, not to a room, so it is not
    among a room's KINDS that `forget` and `rename` move with the room)."""

    KINDS = ("room", "audience", "chat")
    ALERTS = "alerts"

    def __init__(self) -> None:
        self._session: dict[str, str] = {}

    @staticmethod
    def _user(room: str, kind: str) -> str:
        return f"{kind}:{room}"

    @staticmethod
    def available() -> bool:
        """Whether this system has a keyring to keep secrets in (without one they last this session only)."""
        import keyring
        import keyring.backends.fail

        return not isinstance(keyring.get_keyring(), keyring.backends.fail.Keyring)

    def get(self, room: str, kind: str = "room") -> str:
        user = self._user(room, kind)
        if user in self._session:
            return self._session[user]
        import keyring.errors  # when first needed: ~30 ms of start-up, and the demo room reads no secret

        try:
            return keyring.get_password(KEYRING_SERVICE, user) or ""
        except keyring.errors.KeyringError as exc:
            LOG.info("no keyring to read the %s secret of %s from: %s", kind, room, exc)
            return ""

    def set(self, room: str, password: str, kind: str = "room") -> None:
        """Remember the secret; raise SecretsUnavailable (after keeping it for this session) if it cannot be."""
        user = self._user(room, kind)
        self._session[user] = password
        import keyring.errors

        try:
            if password:
                keyring.set_password(KEYRING_SERVICE, user, password)
            else:
                self._delete(user)
        except keyring.errors.KeyringError as exc:
            # The keyring's class name is for the log: walk20 read "…下次会再次询问（NoKeyringError）。" in the
            # Chinese event log, English system text a host assistant can do nothing with.
            LOG.info("no keyring to keep the %s secret of %s in: %s: %s", kind, room, type(exc).__name__, exc)
            raise SecretsUnavailable(
                QT_TRANSLATE_NOOP(
                    "Rooms",
                    "There is no system keyring to keep the password in, so it is used for this session only "
                    "and will be asked for again next time.",
                )
            ) from exc
        del self._session[user]

    @staticmethod
    def _delete(user: str) -> None:
        import keyring.errors

        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            keyring.delete_password(KEYRING_SERVICE, user)

    def forget(self, room: str) -> None:
        """All of the room's secrets."""
        import keyring.errors

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
