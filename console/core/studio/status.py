"""The live status of one room, as the studio wall shows it: the one shape both ways of seeing many rooms share.

Direct mode builds it from a RoomSession in this process (console/core/studio/direct.py); shared mode reads what
each room's console published to the studio's PostgreSQL (console/core/studio/shared.py). The wall only ever
sees `RoomStatus` values and the `StudioSource` below, so it cannot tell (and need not) where a room is.

Times are wall-clock seconds (time.time()): a status crosses machines, where monotonic clocks mean nothing.
Every field a room might not know is None ("unknown"), never a made-up zero: the wall shows "—" for it.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from console.core.dbtrouble import DatabaseTrouble
from obs.text import Message
from obs.vocabulary import Severity

#: The version of the JSON shape below (stored by shared mode; a reader refuses a newer major it cannot read).
SCHEMA = 1
#: A room whose last heartbeat is older than this is "console not reporting" (never shown as healthy).
SILENT_AFTER_S = 5.0
#: The viewers sparkline covers this long, one point per VIEWERS_STEP_S.
VIEWERS_SPAN_S = 15 * 60
VIEWERS_STEP_S = 30


class Light(enum.StrEnum):
    """One health category's light on a tile."""

    UNKNOWN = "unknown"  # nothing known (not connected, not reporting): grey, never green
    OK = "ok"
    WARNING = "warning"
    CRITICAL = "critical"


_LEVEL_LIGHT = {Severity.INFO: Light.OK, Severity.WARNING: Light.WARNING, Severity.CRITICAL: Light.CRITICAL}


def category_lights(
    levels: Mapping[str, str | None], known: bool, machine_known: bool, system: str = "system"
) -> dict[str, Light]:
    """One light per health category: an open finding's severity, else OK only where the room is judged — OBS
    connected and a second sampled (`known`), and for the System light this room's computer's CPU known too
    (`machine_known`); UNKNOWN (grey) otherwise, never green from nothing. The wall's tiles and the Health dock
    say the same."""
    lights: dict[str, Light] = {}
    for category, level in levels.items():
        if level is not None:
            lights[category] = _LEVEL_LIGHT.get(Severity(level), Light.OK)
        else:
            judged = machine_known if category == system else known
            lights[category] = Light.OK if judged else Light.UNKNOWN
    return lights


class Prep(enum.StrEnum):
    """The pre-show checklist's state, as a tile shows it before go-live."""

    NOT_STARTED = "not_started"
    RUNNING = "running"
    PASSED = "passed"
    FAILED = "failed"  # finished with at least one check failed (or skipped as failed)


@dataclass(frozen=True)
class OpenFinding:
    """One open health finding, enough to say it on a tile and sort by it (the message is translated where shown)."""

    id: str
    category: str  # obs.vocabulary.Category value
    severity: str  # obs.vocabulary.Severity value
    message: Message
    since: float  # wall time it opened

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "category": self.category,
            "severity": self.severity,
            "message": self.message.to_json(),
            "context": self.message.context,  # the translation context its template is said in
            "since": self.since,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], context: str = "") -> OpenFinding:
        return cls(
            str(data["id"]),
            str(data["category"]),
            str(data["severity"]),
            Message.from_json(data.get("message") or {}, str(data.get("context") or context)),
            float(data["since"]),
        )


class WentLive(enum.StrEnum):
    """How a show went live with respect to the room's pre-show list, as the list itself says it."""

    READY = "ready"  # the list was ready (kept at go-live, or completed before and counted then)
    OVERRIDDEN = "overridden"  # not ready: a named person went live anyway
    NOT_READY = "not_ready"  # kept at go-live not ready, with no override recorded
    NO_LIST = "no_list"  # the room has no pre-show list at all (read from the database)


@dataclass(frozen=True)
class Checklist:
    name: str
    state: Prep
    done: int
    total: int
    failed: int = 0
    #: A show went live with this list, and how (None: none did, or it is not known); who went live anyway.
    went_live: WentLive | None = None
    went_live_by: str = ""
    #: The show (storage's id) the run belongs to: the one it went live with, else the one it was started in.
    show_id: int | None = None
    #: When the stream went live with it (wall seconds: when its console saw the stream start), if it did.
    went_live_at: float | None = None


@dataclass(frozen=True)
class Segment:
    """Where the room is in its rundown."""

    title: str
    index: int  # 0-based position of the current segment
    count: int
    remaining_s: float | None  # of the current segment; negative once it runs over
    behind_s: float | None  # the whole show against the plan: positive = behind, negative = ahead


@dataclass(frozen=True)
class RoomStatus:
    room: str
    #: When this status was true (wall) and when its console last said it is alive (wall).
    at: float
    heartbeat: float
    #: The OBS link's state (obs.messages.LinkState value): "connected", "connecting", "unresponsive", ...
    link: str = "disconnected"
    #: Why OBS is not heard while the link is not connected (obs.messages.LinkLoss value: "closed", "exited",
    #: "frozen", "unreachable", "lost"); "" while it is, or from a console that did not say.
    link_cause: str = ""
    #: On air: as OBS says, or, while the link has lost an OBS that may still stream (frozen, its computer
    #: unreachable, the connection lost), as it last said (`link` is then not "connected": "last known").
    on_air: bool = False
    recording: bool = False
    on_air_since: float | None = None
    #: OBS's last word before the link lost it was "streaming" (whatever became of the stream: an OBS closed or
    #: crashed streams no more, so `on_air` is then False).
    streaming_when_lost: bool = False
    program_scene: str | None = None
    #: One light per health category (obs.vocabulary.CATEGORIES, in that order on a tile).
    lights: Mapping[str, Light] = field(default_factory=dict)
    findings: tuple[OpenFinding, ...] = ()
    bitrate_kbps: float | None = None
    dropped_pct: float | None = None
    viewers: int | None = None
    #: Viewers over the last VIEWERS_SPAN_S, one point per VIEWERS_STEP_S, oldest first (None: not known then).
    viewers_history: tuple[int | None, ...] = ()
    comments_per_min: float | None = None
    checklist: Checklist | None = None
    segment: Segment | None = None
    #: Which console publishes this room (host name + process): two consoles claiming one room are told apart.
    console: str = ""
    #: The room's show its console records now (storage's id; None while none is open or not known): a pre-show
    #: list's show id says whether this show went live with it.
    show_id: int | None = None

    # ------------------------------------------------------------------ derived
    @property
    def on_air_last_known(self) -> bool:
        """On air as OBS last said, while the link has lost it (frozen, unreachable): not seen to be now."""
        return self.on_air and self.link not in ("connected", "unresponsive")

    @property
    def stream_gone(self) -> bool:
        """OBS was streaming when it was lost, and it has closed or crashed since: that stream has ended."""
        return self.streaming_when_lost and not self.on_air and self.link_cause in ("closed", "exited")

    @property
    def obs_out_of_reach(self) -> bool:
        """The room's console cannot reach its OBS or cannot log into it (refused, wrong or missing password, not
        obs-websocket 5, not answering): the room needs someone, lights or none — they are all grey then, and
        walk22's wall said "0 need attention" of a room whose OBS was down since the console started. A room
        connected and judged, on air or deliberately off, does not; nor a first connection under way (no cause yet,
        or "lost": nothing known to be wrong)."""
        if self.link in ("reconnecting", "auth_failed", "incompatible", "unresponsive"):
            return True
        return self.link in ("connecting", "disconnected") and self.link_cause not in ("", "lost")

    def silent(self, now: float) -> bool:
        """The console stopped reporting: the status says nothing about the room any more."""
        return now - self.heartbeat > SILENT_AFTER_S

    def worst(self) -> Light:
        if any(f.severity == Severity.CRITICAL for f in self.findings):
            return Light.CRITICAL
        if any(f.severity == Severity.WARNING for f in self.findings):
            return Light.WARNING
        lights = set(self.lights.values())
        for light in (Light.CRITICAL, Light.WARNING, Light.OK):
            if light in lights:
                return light
        return Light.UNKNOWN

    # ------------------------------------------------------------------ JSON (shared mode's stored shape)
    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "room": self.room,
            "at": self.at,
            "heartbeat": self.heartbeat,
            "link": self.link,
            "link_cause": self.link_cause,
            "on_air": self.on_air,
            "recording": self.recording,
            "on_air_since": self.on_air_since,
            "streaming_when_lost": self.streaming_when_lost,
            "program_scene": self.program_scene,
            "lights": {k: str(v) for k, v in self.lights.items()},
            "findings": [f.to_json() for f in self.findings],
            "bitrate_kbps": _finite(self.bitrate_kbps),
            "dropped_pct": _finite(self.dropped_pct),
            "viewers": self.viewers,
            "viewers_history": list(self.viewers_history),
            "comments_per_min": _finite(self.comments_per_min),
            "checklist": None
            if self.checklist is None
            else {
                "name": self.checklist.name,
                "state": str(self.checklist.state),
                "done": self.checklist.done,
                "total": self.checklist.total,
                "failed": self.checklist.failed,
                "went_live": None if self.checklist.went_live is None else str(self.checklist.went_live),
                "went_live_by": self.checklist.went_live_by,
                "show_id": self.checklist.show_id,
                "went_live_at": _finite(self.checklist.went_live_at),
            },
            "segment": None
            if self.segment is None
            else {
                "title": self.segment.title,
                "index": self.segment.index,
                "count": self.segment.count,
                "remaining_s": _finite(self.segment.remaining_s),
                "behind_s": _finite(self.segment.behind_s),
            },
            "console": self.console,
            "show_id": self.show_id,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], context: str = "") -> RoomStatus:
        """Raises ValueError (or KeyError/TypeError) on a shape it cannot read: the reader says which room."""
        if int(data.get("schema", SCHEMA)) > SCHEMA:
            raise ValueError(f"status schema {data.get('schema')} is newer than this console reads ({SCHEMA})")
        checklist = data.get("checklist")
        segment = data.get("segment")
        return cls(
            room=str(data["room"]),
            at=float(data["at"]),
            heartbeat=float(data["heartbeat"]),
            link=str(data.get("link") or "disconnected"),
            link_cause=str(data.get("link_cause") or ""),
            on_air=bool(data.get("on_air")),
            recording=bool(data.get("recording")),
            on_air_since=_opt_float(data.get("on_air_since")),
            streaming_when_lost=bool(data.get("streaming_when_lost")),
            program_scene=None if data.get("program_scene") is None else str(data["program_scene"]),
            lights={str(k): Light(v) for k, v in (data.get("lights") or {}).items()},
            findings=tuple(OpenFinding.from_json(f, context) for f in data.get("findings") or ()),
            bitrate_kbps=_opt_float(data.get("bitrate_kbps")),
            dropped_pct=_opt_float(data.get("dropped_pct")),
            viewers=None if data.get("viewers") is None else int(data["viewers"]),
            viewers_history=tuple(None if v is None else int(v) for v in data.get("viewers_history") or ()),
            comments_per_min=_opt_float(data.get("comments_per_min")),
            checklist=None
            if not checklist
            else Checklist(
                str(checklist["name"]),
                Prep(checklist["state"]),
                int(checklist["done"]),
                int(checklist["total"]),
                int(checklist.get("failed") or 0),
                _went_live(checklist.get("went_live")),
                str(checklist.get("went_live_by") or ""),
                _opt_int(checklist.get("show_id")),
                _opt_float(checklist.get("went_live_at")),
            ),
            segment=None
            if not segment
            else Segment(
                str(segment["title"]),
                int(segment["index"]),
                int(segment["count"]),
                _opt_float(segment.get("remaining_s")),
                _opt_float(segment.get("behind_s")),
            ),
            console=str(data.get("console") or ""),
            show_id=_opt_int(data.get("show_id")),
        )


def _finite(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(value) else float(value)


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _went_live(value: Any) -> WentLive | None:
    """A word this reader does not know (a newer console's) is "not known", not a status it cannot read."""
    try:
        return None if not value else WentLive(value)
    except ValueError:
        return None


#: Tiles sort by trouble first: not reporting, then critical, warning, unknown (not connected), healthy on air,
#: healthy off air; within a rank by room name.
_RANK = {Light.CRITICAL: 1, Light.WARNING: 2, Light.UNKNOWN: 3, Light.OK: 4}


def trouble_key(status: RoomStatus, now: float) -> tuple[int, int, str]:
    rank = 0 if status.silent(now) else _RANK[status.worst()]
    return (rank, 0 if status.on_air else 1, status.room.casefold())


class StudioProblem(enum.StrEnum):
    """What a source says about itself (not about a room)."""

    NONE = ""
    DATABASE_UNREACHABLE = "database_unreachable"


#: What a source says with its problem: a sentence, or a database failure (its cause in words and the driver's own
#: words, console/core/dbtrouble.py) for the wall to say in the reader's language.
ProblemDetail = str | DatabaseTrouble


class StudioSource(Protocol):
    """Where the wall's statuses come from. `subscribe` calls back on the source's own thread (the Qt adapter
    hops to the GUI thread): `changed(statuses)` with every room whose status changed (or appeared), and
    `problem(p, detail)` (a ProblemDetail) when the source itself is in trouble or recovers (StudioProblem.NONE)."""

    def rooms(self) -> list[RoomStatus]: ...
    def subscribe(
        self,
        changed: Callable[[list[RoomStatus]], None],
        problem: Callable[[StudioProblem, ProblemDetail], None],
    ) -> None: ...
    def thumbnail(self, room: str) -> tuple[float, bytes] | None:
        """The room's latest program picture (wall time taken, JPEG or PNG bytes), or None."""
        ...

    def close(self) -> None: ...
