"""Shows for review: a show's metadata (title, hosts, assistant, tags, notes), its stored summary, and the Shows
browser's question and answer, as plain frozen dataclasses with their validation. No Qt, no SQL (storage.py).

How the UI calls it (all on a worker thread, never the GUI thread):
  * ``Storage.browse_shows(ShowQuery(room=…, host=…, sort="viewers_peak", descending=True, offset=0, limit=100))``
    -> ``ShowPage`` (the page's ``ShowSummary`` rows and the total count for the filter);
  * ``Storage.show_meta(show_id)`` / ``Storage.set_show_meta(show_id, clean_meta(...), by=operator)``;
  * ``Storage.show_meta_prefill(room, show_id)`` for the go-live dialog (the room's last show's metadata, the
    assistant from this show's pre-show checklist operator);
  * a rejected edit raises ``MetaError`` whose ``message`` (an ``obs.text.Message``, context "Shows") the UI
    shows in the reader's language.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from obs.text import QT_TRANSLATE_NOOP, Message, Translate

# Bounds of what a person types (a title is a line in a table, a name a cell, notes a page or two).
MAX_TITLE = 200
MAX_NAME = 100
MAX_HOSTS = 10
MAX_TAG = 50
MAX_TAGS = 20
MAX_NOTES = 10_000

# A show still running (not ended, a sample within the resume window) has its summary recomputed at most
# this often when the browser asks; a finished show's summary is computed once and kept.
LIVE_REFRESH_S = 30.0
# A show is on air *now* when its newest stored second is at most this old and says the stream is live: a
# console writing the show stores a second every ≤ 1.75 s and flushes every 2 s (console/core/telemetry/writer.py),
# so a newer gap means nobody is recording it — the console quit, or OBS was killed — even though the show stays
# open (resumable) for RESUME_S.
ON_AIR_RECENT_S = 15.0


class MetaError(ValueError):
    """An edit of a show's metadata that cannot be kept; `message` says why in the reader's language."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.explain())
        self.message = message


def _error(template: str, **fields: object) -> MetaError:
    return MetaError(Message(template, fields, "Shows"))


def no_such_show(show_id: int) -> MetaError:
    return _error(QT_TRANSLATE_NOOP("Shows", "There is no show {id}."), id=show_id)


@dataclass(frozen=True)
class ShowMeta:
    """What people say about a show. Empty strings and tuples: not said. `edited_by`/`edited_at`: the last
    edit (empty/None: never edited, or a prefill not yet kept)."""

    title: str = ""
    hosts: tuple[str, ...] = ()
    assistant: str = ""
    tags: tuple[str, ...] = ()
    notes: str = ""
    edited_by: str = ""
    edited_at: datetime | None = None


def _one_line(text: str) -> str:
    """Trimmed, every run of whitespace (tabs, newlines, the full-width space) one space."""
    return " ".join(str(text).split())


def _names(values: Iterable[str], limit: int, most: int, too_long: str, too_many: str) -> tuple[str, ...]:
    if isinstance(values, str):
        values = [values]  # one name given alone, not a list of its characters
    kept: list[str] = []
    for value in values:
        name = _one_line(value)
        if not name or name in kept:
            continue  # an empty entry or the same name twice is not a second person
        if len(name) > limit:
            raise _error(too_long, limit=limit, name=name[:20])
        kept.append(name)
    if len(kept) > most:
        raise _error(too_many, most=most, count=len(kept))
    return tuple(kept)


def clean_meta(
    title: str = "",
    hosts: Iterable[str] = (),
    assistant: str = "",
    tags: Iterable[str] = (),
    notes: str = "",
) -> ShowMeta:
    """Metadata as it will be kept: names trimmed (inner whitespace one space), empty and repeated names dropped,
    every length bounded. Raises MetaError naming what is too long or too many."""
    title = _one_line(title)
    if len(title) > MAX_TITLE:
        raise _error(
            QT_TRANSLATE_NOOP("Shows", "The title is longer than {limit} characters ({count})."),
            limit=MAX_TITLE,
            count=len(title),
        )
    assistant = _one_line(assistant)
    if len(assistant) > MAX_NAME:
        raise _error(
            QT_TRANSLATE_NOOP("Shows", "The assistant's name is longer than {limit} characters."), limit=MAX_NAME
        )
    notes = str(notes).strip()
    if len(notes) > MAX_NOTES:
        raise _error(
            QT_TRANSLATE_NOOP("Shows", "The notes are longer than {limit} characters ({count})."),
            limit=MAX_NOTES,
            count=len(notes),
        )
    return ShowMeta(
        title=title,
        hosts=_names(
            hosts,
            MAX_NAME,
            MAX_HOSTS,
            QT_TRANSLATE_NOOP("Shows", "A host's name is longer than {limit} characters: “{name}…”."),
            QT_TRANSLATE_NOOP("Shows", "At most {most} hosts, not {count}."),
        ),
        assistant=assistant,
        tags=_names(
            tags,
            MAX_TAG,
            MAX_TAGS,
            QT_TRANSLATE_NOOP("Shows", "A tag is longer than {limit} characters: “{name}…”."),
            QT_TRANSLATE_NOOP("Shows", "At most {most} tags, not {count}."),
        ),
        notes=notes,
    )


def clean_editor(by: str) -> str:
    """Who edits (kept with the edit): trimmed, required, bounded."""
    name = _one_line(by)
    if not name:
        raise _error(QT_TRANSLATE_NOOP("Shows", "Say who is editing the show's details."))
    if len(name) > MAX_NAME:
        raise _error(QT_TRANSLATE_NOOP("Shows", "The editor's name is longer than {limit} characters."), limit=MAX_NAME)
    return name


class Checklist(enum.StrEnum):
    """The pre-show checklist's outcome at go-live: the run kept at go-live was ready, went live with an
    override (a named person and a reason), or there was no such run for the show."""

    READY = "ready"
    OVERRIDDEN = "overridden"
    NONE = "none"


CHECKLIST_WORDS = {
    Checklist.READY: QT_TRANSLATE_NOOP("Shows", "ready"),
    Checklist.OVERRIDDEN: QT_TRANSLATE_NOOP("Shows", "overridden"),
    Checklist.NONE: QT_TRANSLATE_NOOP("Shows", "none"),
}


@dataclass(frozen=True)
class ShowSummary:
    """One row of the Shows browser. Every audience figure is None when the show had no known audience
    (never 0). `end` is when it ended, else its last sample (None: not one yet); `live` says it may still be
    running (its figures are at most LIVE_REFRESH_S old). `completeness` = seconds with a sample / seconds
    of the show (a show with gaps is below 1; None for a show of no length)."""

    id: int
    room: str
    title: str
    hosts: tuple[str, ...]
    tags: tuple[str, ...]
    assistant: str
    start: datetime
    end: datetime | None
    duration_s: float | None
    live: bool
    sampled_s: int
    completeness: float | None
    viewers_peak: float | None
    viewers_avg: float | None
    likes_per_min: float | None
    interactions_per_min: float | None
    incidents_info: int
    incidents_warning: int
    incidents_critical: int
    checklist: Checklist
    computed_at: datetime | None
    # On air now by what is stored (its newest second recent and streaming; `mark_on_air`); None: not asked.
    # A show `live` (not over) but not on air now is open only: a restart of its room may resume it.
    on_air_now: bool | None = None
    # A console stores its seconds now (its newest second at most ON_AIR_RECENT_S old), whether or not it streams;
    # None: not asked. Such a show is being watched, not waiting to be resumed.
    stored_now: bool | None = None
    # Stored now and recording but not streaming (a rehearsal or a recording-only show).
    recording_now: bool | None = None
    # Whether it ever went on air (a stream start marked, or a stored second streaming); None: not asked.
    streamed: bool | None = None

    @property
    def incidents(self) -> int:
        return self.incidents_info + self.incidents_warning + self.incidents_critical

    @property
    def resumable_until(self) -> datetime | None:
        """Until when a restart of its room resumes this show (its last second + the resume window); None for a
        show that is over."""
        from console.core.telemetry.writer import RESUME_S  # the writer decides; imported late (no cycle)

        if not self.live:
            return None
        return (self.end or self.start) + timedelta(seconds=RESUME_S)

    def to_json(self) -> dict[str, object]:
        """Plain JSON values (ISO times, None as null) for `onair shows --json` and scripts."""
        return {
            "id": self.id,
            "room": self.room,
            "title": self.title,
            "hosts": list(self.hosts),
            "assistant": self.assistant,
            "tags": list(self.tags),
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end is not None else None,
            "duration_s": self.duration_s,
            "live": self.live,
            "on_air_now": self.on_air_now,
            "recording_now": self.recording_now,
            "stored_now": self.stored_now,
            "sampled_s": self.sampled_s,
            "completeness": self.completeness,
            "viewers_peak": self.viewers_peak,
            "viewers_avg": self.viewers_avg,
            "likes_per_min": self.likes_per_min,
            "interactions_per_min": self.interactions_per_min,
            "incidents": {
                "info": self.incidents_info,
                "warning": self.incidents_warning,
                "critical": self.incidents_critical,
                "total": self.incidents,
            },
            "checklist": self.checklist.value,
        }


# Columns the browser sorts by (each stable: ties by show id, unknown figures last in both directions).
SORT_KEYS: tuple[str, ...] = (
    "start",
    "end",
    "room",
    "title",
    "hosts",
    "duration",
    "viewers_peak",
    "viewers_avg",
    "likes_per_min",
    "interactions_per_min",
    "incidents",
    "incidents_critical",
    "checklist",
    "completeness",
    "id",
)
MAX_LIMIT = 1000
# The room key the demo room's shows are stored under (the simulator: rehearsal, not a real show).
DEMO_ROOM = "demo"


@dataclass(frozen=True)
class ShowQuery:
    """The browser's question: filters (all optional, combined with AND), one sort column, a page.

    `host`/`tag`: exact names (indexed); `since`/`until`: the show's start in [since, until); `text`: a part of
    the title, any case. Paging is offset/limit with the total count (see Storage.browse_shows for why)."""

    room: str | None = None
    host: str | None = None
    tag: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None
    sort: str = "start"
    descending: bool = True
    offset: int = 0
    limit: int = 100
    # Shows of these rooms are left out (the reports leave out the demo room's: DEMO_ROOM).
    without_rooms: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.sort not in SORT_KEYS:
            raise _error(
                QT_TRANSLATE_NOOP("Shows", "Shows cannot be sorted by “{sort}”; choose one of {keys}."),
                sort=self.sort,
                keys=", ".join(SORT_KEYS),
            )
        if self.offset < 0 or not 1 <= self.limit <= MAX_LIMIT:
            raise _error(
                QT_TRANSLATE_NOOP("Shows", "A page starts at 0 or later and holds 1 to {most} shows."), most=MAX_LIMIT
            )
        if self.since is not None and self.until is not None and self.until <= self.since:
            raise _error(QT_TRANSLATE_NOOP("Shows", "The end of the date range is not after its start."))


@dataclass(frozen=True)
class ShowPage:
    """One page of the answer: `total` shows match the filters; `shows` are rows offset … offset+limit.
    `not_refreshed`: why missing or running shows' figures could not be brought up to date (the database
    refused the write, e.g. a read-only account); None when they are."""

    query: ShowQuery
    total: int
    shows: tuple[ShowSummary, ...] = field(default_factory=tuple)
    not_refreshed: str | None = None


@dataclass(frozen=True)
class ShowFacets:
    """What the browser's filters offer: (name, number of shows), most shows first."""

    rooms: tuple[tuple[str, int], ...] = ()
    hosts: tuple[tuple[str, int], ...] = ()
    tags: tuple[tuple[str, int], ...] = ()


class _Samples(Protocol):
    def show_samples(self, show_id: int, since: float | None = None) -> list[dict[str, Any]]: ...

    def show_markers(self, show_id: int) -> list[dict[str, Any]]: ...

    def show_streamed(self, show_id: int) -> bool: ...


def _flag(row: dict[str, Any] | None, channel: str) -> bool:
    value = None if row is None else row.get(channel)
    return value is not None and float(value) >= 0.5


def mark_on_air(storage: _Samples, page: ShowPage, now: datetime | None = None) -> ShowPage:
    """The page with each show not over marked on air now or not, stored now (a console records its seconds, on
    air or not) and whether it ever went on air, from its newest stored second (read since the summary's end: a
    few rows by the (show, t) index) and its markers (a handful). Call it on a worker thread."""
    moment = (now or datetime.now(UTC)).timestamp()
    shows = []
    for show in page.shows:
        if show.live:
            since = (show.end or show.start).timestamp() - 1.0
            rows = storage.show_samples(show.id, since=since)
            newest = max(rows, key=lambda row: float(row["t"])) if rows else None
            recent = newest is not None and float(newest["t"]) >= moment - ON_AIR_RECENT_S
            on_air = recent and _flag(newest, "streaming")
            # Any stored second streaming, not only the newest few: a show already on air when its console joined
            # (no stream start seen) that stopped before its end was called "never on air" (review17).
            streamed = (
                any(_flag(row, "streaming") for row in rows)
                or storage.show_streamed(show.id)
                or any(marker.get("kind") == "stream_start" for marker in storage.show_markers(show.id))
            )
            show = replace(
                show,
                on_air_now=on_air,
                stored_now=recent,
                recording_now=recent and not on_air and _flag(newest, "recording"),
                streamed=streamed,
            )
        else:
            show = replace(show, on_air_now=False, stored_now=False, recording_now=False)
        shows.append(show)
    return replace(page, shows=tuple(shows))


def duration_text(seconds: float | None) -> str:
    """h:mm:ss (a show of 9 h 5 min is 9:05:00); "—" when unknown."""
    if seconds is None:
        return "—"
    whole = round(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def segment_duration_text(seconds: float | None) -> str:
    """A segment's length as the review's tables say it: h:mm:ss, and under half a second (a brief switch, which
    h:mm:ss would show as 0:00:00) in tenths, "0:00:00.3"."""
    if seconds is not None and 0 < seconds < 0.5:
        return f"0:00:00.{max(1, round(seconds * 10))}"
    return duration_text(seconds)


def signed_duration(seconds: float) -> str:
    """A signed length as text, "+0:01:00" / "−0:00:18" (a true minus sign) / "0:00:00": over or under a plan."""
    whole = round(seconds)
    sign = "+" if whole > 0 else "−" if whole < 0 else ""
    return sign + duration_text(abs(whole))


def checklist_in(outcome: Checklist, translate: Translate) -> str:
    return translate("Shows", CHECKLIST_WORDS[outcome])


# Column headers of the Shows browser and `onair shows` (context "Shows"), by sort key.
COLUMN_WORDS = {
    "id": QT_TRANSLATE_NOOP("Shows", "Show"),
    "room": QT_TRANSLATE_NOOP("Shows", "Room"),
    "title": QT_TRANSLATE_NOOP("Shows", "Title"),
    "hosts": QT_TRANSLATE_NOOP("Shows", "Hosts"),
    "start": QT_TRANSLATE_NOOP("Shows", "Start"),
    "end": QT_TRANSLATE_NOOP("Shows", "End"),
    "duration": QT_TRANSLATE_NOOP("Shows", "Duration"),
    "viewers_peak": QT_TRANSLATE_NOOP("Shows", "Peak viewers"),
    "viewers_avg": QT_TRANSLATE_NOOP("Shows", "Average viewers"),
    "likes_per_min": QT_TRANSLATE_NOOP("Shows", "Likes/min"),
    "interactions_per_min": QT_TRANSLATE_NOOP("Shows", "Interactions/min"),
    "incidents": QT_TRANSLATE_NOOP("Shows", "Incidents"),
    "incidents_critical": QT_TRANSLATE_NOOP("Shows", "Critical incidents"),
    "checklist": QT_TRANSLATE_NOOP("Shows", "Checklist"),
    "completeness": QT_TRANSLATE_NOOP("Shows", "Data"),
}
