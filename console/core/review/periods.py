"""Periodic reports (数据分析报告): a day, an ISO week or a month of shows, per room or per host — average viewers
and their trend, interactions, on-time starts, incidents per hour on air, dropped frames, checklist overrides.
Qt-free; the arithmetic is pure (`period_report` over `ShowFigures`), the reading is one function
(`load_figures`) over what Storage already hands out.

Where each show's figures come from: its stored summary (Storage.browse_shows: duration, viewers, likes and
interactions per minute, incidents, the checklist's outcome at go-live) — and, for what a summary does not keep,
a read of just five of its per-second columns (Storage.review_rows with `viewers`, `streaming` and the three
dropped-frame stages) with its markers and findings: the seconds with a known audience (to weigh averages),
the time on air (console/core/review/timeline.on_air), the incidents that happened on air, and the mean
dropped-frame % per stage over its known seconds (as compare.summarize).

How a period sums its shows up, so that a figure means the same for one show and for thirty:
  * a show belongs to the period (day, ISO week Monday to Sunday, month) in which it **started**, in local time
    (`tz`, default this computer's zone): a show from 23:30 to 00:30 is counted whole on the day it began;
  * average viewers: over every second of the period's shows with a known audience (each show's average
    weighed by those seconds); peak: the highest; the trend is each period's change against the one before;
  * likes and interactions per minute: each show's rate weighed by its duration;
  * time on air counts a stretch the console did not see when the stream ran through it (timeline.on_air), and
    says how much (`on_air_unseen_s`); incidents per hour on air: finding episodes that overlap the show's time
    on air, over the hours of it the console saw (no incident could be found where nothing was seen);
  * dropped frames %: the mean per stage over every known second of the period;
  * on-time starts: a show is on time when its first second on air is at most ON_TIME_S after its planned start.
    The planned start comes from the show's rundown as it was at its first Go, when a fixed start gives one
    (console/core/rundown/live.py: the first segment with a fixed start less the lengths before it). Without one
    the figure is **unknown**, never a guess, and `on_time_known` says how many shows it rests on;
  * checklist overrides: shows whose pre-show checklist was kept at go-live with a named override.
An unknown figure is None (never 0); a period with no show keeps its counts at 0 and its figures unknown.

The demo room's shows (the simulator: rehearsals, DEMO_ROOM) are left out unless asked for (`include_demo`, or
the demo room named as the room); `PeriodReport.demo_left_out` says how many were, so the report can say it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo

import numpy as np

from console.core.reports import room_in
from console.core.review.compare import drop_spans, dropped_pct
from console.core.review.load import ShowData, build_show
from console.core.review.shows import DEMO_ROOM, MAX_LIMIT, Checklist, ShowQuery, ShowSummary
from console.core.review.timeline import on_air, on_air_s, on_air_unseen_s
from console.core.storage import Storage
from console.core.telemetry.channels import CHANNELS, INDEX
from obs.text import QT_TRANSLATE_NOOP, Message, Translate

# A show whose first second on air comes at most this long after its planned start started on time.
ON_TIME_S = 120.0
# The dropped-frame stages, as compare.DROP_CHANNELS names them.
STAGES = {"render": "drop_render_pct", "encode": "drop_encode_pct", "network": "drop_network_pct"}
# The per-second columns a period reads of each show (everything else comes from its summary).
COLUMNS = ("viewers", "streaming", "fps_target", *STAGES.values())
CONTEXT = "ReviewReport"


class Unit(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class Per(enum.StrEnum):
    ROOM = "room"
    HOST = "host"


UNIT_WORDS = {
    Unit.DAY: QT_TRANSLATE_NOOP("ReviewReport", "day"),
    Unit.WEEK: QT_TRANSLATE_NOOP("ReviewReport", "week"),
    Unit.MONTH: QT_TRANSLATE_NOOP("ReviewReport", "month"),
}
#: A show with no host named is reported under this name in a report per host.
NO_HOST = QT_TRANSLATE_NOOP("ReviewReport", "(no host named)")


@dataclass(frozen=True)
class ShowFigures:
    """One show as a period report counts it. None = not known (never 0)."""

    show_id: int
    room: str
    hosts: tuple[str, ...]
    start: datetime
    duration_s: float | None
    viewers_avg: float | None
    viewers_peak: float | None
    # Seconds with a known viewer count (what the average rests on).
    audience_s: int
    likes_per_min: float | None
    interactions_per_min: float | None
    incidents: int
    incidents_critical: int
    # Time on air; None when whether it streamed is not known at all (no stream marker, no `streaming` figure).
    on_air_s: float | None
    # Finding episodes overlapping the time on air (critical ones apart).
    incidents_on_air: int
    incidents_on_air_critical: int
    # Mean dropped-frame % per stage over the known seconds, and how many seconds that was.
    drop_pct: Mapping[str, float | None] = field(default_factory=dict)
    drop_known_s: Mapping[str, int] = field(default_factory=dict)
    checklist: Checklist = Checklist.NONE
    # Its first second on air (None: never on air, or not known).
    first_on_air: datetime | None = None
    # When it was planned to go live (its rundown's fixed start; None when nothing knows it).
    planned_start: datetime | None = None
    # Of the time on air, the seconds the console did not see (it was not running; the stream ran on).
    on_air_unseen_s: float = 0.0

    @property
    def on_time(self) -> bool | None:
        """Went on air at most ON_TIME_S after the planned start; None when there is no planned start or it is
        not known whether it ever went on air."""
        if self.planned_start is None:
            return None
        if self.first_on_air is None:
            return None if self.on_air_s is None else False  # planned, known never to have gone on air: late
        return (self.first_on_air - self.planned_start).total_seconds() <= ON_TIME_S


@dataclass(frozen=True)
class PeriodRow:
    """One period of one room or host. Counts are whole numbers (0 when there was nothing); every figure is
    None when not known."""

    unit: Unit
    start: date
    # The day after the period's last day.
    end: date
    # "2026-11-24", "2026-W48" (ISO week), "2026-11".
    label: str
    per: Per
    # The room's key or the host's name; "" for the shows with no host named (report per host).
    name: str
    shows: int
    show_ids: tuple[int, ...]
    hours: float
    on_air_h: float | None
    viewers_avg: float | None
    viewers_peak: float | None
    # Average viewers against the previous period of the same room/host, in % (None: either unknown).
    viewers_avg_change_pct: float | None
    likes_per_min: float | None
    interactions_per_min: float | None
    # Shows that started on time, of `on_time_known` with a planned start (None: no show had one).
    on_time: int | None
    on_time_known: int
    incidents: int
    incidents_critical: int
    incidents_on_air: int
    incidents_per_hour: float | None
    drop_pct: Mapping[str, float | None]
    overrides: int
    checklist_ready: int
    checklist_none: int
    # Of the hours on air, those the console did not see (None when the time on air is not known).
    on_air_unseen_h: float | None = None

    @property
    def duration_s(self) -> float:
        """The shows' length, in seconds (h:mm:ss in every export)."""
        return self.hours * 3600.0

    @property
    def on_air_seconds(self) -> float | None:
        return None if self.on_air_h is None else self.on_air_h * 3600.0

    @property
    def on_air_unseen_seconds(self) -> float | None:
        return None if self.on_air_unseen_h is None else self.on_air_unseen_h * 3600.0

    def to_json(self) -> dict[str, object]:
        return {
            "unit": self.unit.value,
            "period": self.label,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "per": self.per.value,
            "name": self.name,
            "shows": self.shows,
            "show_ids": list(self.show_ids),
            "hours": self.hours,
            "on_air_hours": self.on_air_h,
            "on_air_unseen_hours": self.on_air_unseen_h,
            "viewers_avg": self.viewers_avg,
            "viewers_peak": self.viewers_peak,
            "viewers_avg_change_pct": self.viewers_avg_change_pct,
            "likes_per_min": self.likes_per_min,
            "interactions_per_min": self.interactions_per_min,
            "on_time": self.on_time,
            "on_time_known": self.on_time_known,
            "incidents": self.incidents,
            "incidents_critical": self.incidents_critical,
            "incidents_on_air": self.incidents_on_air,
            "incidents_per_hour_on_air": self.incidents_per_hour,
            "dropped_frames_pct": dict(self.drop_pct),
            "checklist_overridden": self.overrides,
            "checklist_ready": self.checklist_ready,
            "checklist_none": self.checklist_none,
        }


@dataclass(frozen=True)
class PeriodReport:
    """Every period from `since` to `until` (exclusive, local dates) for each room or host with a show in it."""

    unit: Unit
    per: Per
    since: date
    until: date
    room: str | None
    host: str | None
    rows: tuple[PeriodRow, ...]
    shows: tuple[ShowFigures, ...]
    # Shows of the demo room in the range (with the filters) that were left out: rehearsals on the simulator.
    demo_left_out: int = 0

    def to_json(self) -> dict[str, object]:
        return {
            "unit": self.unit.value,
            "per": self.per.value,
            "from": self.since.isoformat(),
            "to": (self.until - timedelta(days=1)).isoformat(),
            "room": self.room,
            "host": self.host,
            "demo_shows_left_out": self.demo_left_out,
            "on_time_tolerance_s": ON_TIME_S,
            "periods": [row.to_json() for row in self.rows],
        }


# ---------------------------------------------------------------------- periods
def local_day(moment: datetime, tz: tzinfo | None = None) -> date:
    """The calendar day of a moment in the local zone (`tz`, default this computer's)."""
    return moment.astimezone(tz).date()


def period_of(day: date, unit: Unit) -> tuple[date, date]:
    """(first day, the day after the last) of the day, ISO week (Monday first) or month holding `day`."""
    if unit is Unit.DAY:
        return day, day + timedelta(days=1)
    if unit is Unit.WEEK:
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=7)
    first = day.replace(day=1)
    after = first.replace(year=first.year + 1, month=1) if first.month == 12 else first.replace(month=first.month + 1)
    return first, after


def period_label(start: date, unit: Unit) -> str:
    """How a period is named: the date, the ISO week ("2026-W48", its ISO year) or the month."""
    if unit is Unit.DAY:
        return start.isoformat()
    if unit is Unit.WEEK:
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{start.year}-{start.month:02d}"


def periods_between(since: date, until: date, unit: Unit) -> list[tuple[date, date]]:
    """Every period touching [since, until), in order."""
    spans: list[tuple[date, date]] = []
    day = since
    while day < until:
        span = period_of(day, unit)
        spans.append(span)
        day = span[1]
    return spans


# ---------------------------------------------------------------------- arithmetic
def period_report(
    shows: Iterable[ShowFigures],
    unit: Unit,
    per: Per = Per.ROOM,
    since: date | None = None,
    until: date | None = None,
    tz: tzinfo | None = None,
    room: str | None = None,
    host: str | None = None,
    demo_left_out: int = 0,
) -> PeriodReport:
    """The report: one row per period and room (or host), periods in order within each, rooms (hosts) by name.

    `since`/`until` (local dates, `until` exclusive) bound it; by default from the first show's day to the day
    after the last. Every period in between is listed for each room/host that has a show in the range, empty
    ones included (a trend with a week missing would hide that nothing was streamed). In a report per host a
    show with two hosts counts for each; `host` keeps only that host's row."""
    kept = sorted(shows, key=lambda s: (s.start, s.show_id))
    days = {s.show_id: local_day(s.start, tz) for s in kept}
    first = since or (min(days.values()) if days else date.today())
    last = until or (max(days.values()) + timedelta(days=1) if days else first + timedelta(days=1))
    kept = [s for s in kept if first <= days[s.show_id] < last]
    groups: dict[str, list[ShowFigures]] = {}
    for show in kept:
        for name in _names(show, per):
            if host is None or per is Per.ROOM or name == host:
                groups.setdefault(name, []).append(show)
    rows: list[PeriodRow] = []
    for name in sorted(groups):
        previous: float | None = None
        for start, end in periods_between(first, last, unit):
            inside = [s for s in groups[name] if start <= days[s.show_id] < end]
            row = _row(unit, per, name, start, end, inside, previous)
            previous = row.viewers_avg
            rows.append(row)
    return PeriodReport(unit, per, first, last, room, host, tuple(rows), tuple(kept), demo_left_out)


def _names(show: ShowFigures, per: Per) -> tuple[str, ...]:
    if per is Per.ROOM:
        return (show.room,)
    return show.hosts or ("",)


def _weighted(pairs: Iterable[tuple[float | None, float]]) -> float | None:
    """The mean of the known values weighed by their weights (None when nothing is known or weighs anything)."""
    known = [(value, weight) for value, weight in pairs if value is not None and weight > 0]
    total = sum(weight for _, weight in known)
    return sum(value * weight for value, weight in known) / total if total > 0 else None


def _row(
    unit: Unit,
    per: Per,
    name: str,
    start: date,
    end: date,
    shows: Sequence[ShowFigures],
    previous: float | None,
) -> PeriodRow:
    viewers_avg = _weighted((s.viewers_avg, s.audience_s) for s in shows)
    peaks = [s.viewers_peak for s in shows if s.viewers_peak is not None]
    aired = [s for s in shows if s.on_air_s is not None]
    on_air_h = sum(s.on_air_s or 0.0 for s in aired) / 3600.0 if aired else None
    unseen_h = sum(s.on_air_unseen_s for s in aired) / 3600.0 if aired else None
    seen_h = None if on_air_h is None else on_air_h - (unseen_h or 0.0)
    incidents_on_air = sum(s.incidents_on_air for s in aired)
    planned = [s.on_time for s in shows if s.on_time is not None]
    return PeriodRow(
        unit=unit,
        start=start,
        end=end,
        label=period_label(start, unit),
        per=per,
        name=name,
        shows=len(shows),
        show_ids=tuple(s.show_id for s in shows),
        hours=sum(s.duration_s or 0.0 for s in shows) / 3600.0,
        on_air_h=on_air_h,
        viewers_avg=viewers_avg,
        viewers_peak=max(peaks) if peaks else None,
        viewers_avg_change_pct=(
            100.0 * (viewers_avg - previous) / previous if viewers_avg is not None and previous else None
        ),
        likes_per_min=_weighted((s.likes_per_min, s.duration_s or 0.0) for s in shows),
        interactions_per_min=_weighted((s.interactions_per_min, s.duration_s or 0.0) for s in shows),
        on_time=sum(planned) if planned else None,
        on_time_known=len(planned),
        incidents=sum(s.incidents for s in shows),
        incidents_critical=sum(s.incidents_critical for s in shows),
        incidents_on_air=incidents_on_air,
        incidents_per_hour=incidents_on_air / seen_h if seen_h and seen_h > 0 else None,
        drop_pct={
            stage: _weighted((s.drop_pct.get(stage), float(s.drop_known_s.get(stage, 0))) for s in shows)
            for stage in STAGES
        },
        overrides=sum(1 for s in shows if s.checklist is Checklist.OVERRIDDEN),
        checklist_ready=sum(1 for s in shows if s.checklist is Checklist.READY),
        checklist_none=sum(1 for s in shows if s.checklist is Checklist.NONE),
        on_air_unseen_h=unseen_h,
    )


# ---------------------------------------------------------------------- reading
def figures_of(summary: ShowSummary, data: ShowData, planned_start: datetime | None = None) -> ShowFigures:
    """A show's figures from its stored summary and its loaded columns (`data` needs only COLUMNS)."""
    viewers = data.channel("viewers")
    streaming = data.channel("streaming")
    spans = on_air(data)
    stream_known = bool(np.isfinite(streaming).any()) or any(
        m.kind in ("stream_start", "stream_stop") for m in data.markers
    )
    on_air_episodes = [e for e in data.episodes if any(e.start < span.end and e.end >= span.start for span in spans)]
    drop_pct: dict[str, float | None] = {}
    drop_known: dict[str, int] = {}
    # Frames lost / frames rendered on air, as OBS counts it (compare.dropped_pct); weighed by its seconds.
    stretches, _ = drop_spans(data)
    for stage, column in STAGES.items():
        share, seconds = dropped_pct(data, column, stretches)
        drop_pct[stage] = share
        drop_known[stage] = round(seconds)
    return ShowFigures(
        show_id=summary.id,
        room=summary.room,
        hosts=summary.hosts,
        start=summary.start,
        duration_s=summary.duration_s,
        viewers_avg=summary.viewers_avg,
        viewers_peak=summary.viewers_peak,
        audience_s=int(np.isfinite(viewers).sum()),
        likes_per_min=summary.likes_per_min,
        interactions_per_min=summary.interactions_per_min,
        incidents=summary.incidents,
        incidents_critical=summary.incidents_critical,
        on_air_s=on_air_s(spans) if stream_known else None,
        incidents_on_air=len(on_air_episodes),
        incidents_on_air_critical=sum(1 for e in on_air_episodes if e.rank >= 3),
        drop_pct=drop_pct,
        drop_known_s=drop_known,
        checklist=summary.checklist,
        first_on_air=datetime.fromtimestamp(spans[0].start, summary.start.tzinfo) if spans else None,
        planned_start=planned_start,
        on_air_unseen_s=on_air_unseen_s(spans),
    )


def _columns_only(storage: Storage, show_id: int) -> ShowData | None:
    """The show with only COLUMNS read (every other channel NaN): what a period needs, a fifth of the reading."""
    rows = storage.review_rows(show_id, COLUMNS)
    if rows is None:
        return None
    show, samples, markers, findings = rows
    data = build_show(show, [], markers, findings)
    table = np.array(samples, dtype=np.float64).reshape(len(samples), 1 + len(COLUMNS))
    values = np.full((len(samples), len(CHANNELS)), np.nan)
    for position, name in enumerate(COLUMNS, start=1):
        values[:, INDEX[name]] = table[:, position]
    t = np.ascontiguousarray(table[:, 0])
    t.setflags(write=False)
    values.setflags(write=False)
    return replace(data, t=t, values=values)


def load_figures(
    storage: Storage,
    since: datetime,
    until: datetime,
    room: str | None = None,
    host: str | None = None,
    planned: Mapping[int, datetime] | None = None,
    include_demo: bool = True,
) -> tuple[ShowFigures, ...]:
    """Every show that started in [since, until) (of `room`, with `host`), oldest first, with its figures; without
    the demo room's unless `include_demo` (demo_shows counts them).
    `planned`: show id -> planned start, overriding the show's own rundown (its snapshot at the first Go, when a
    fixed start gives one). Call it on a worker thread: it reads each
    show's five columns (0.1-0.4 s for an 8-hour show on a loaded 2-core machine)."""
    summaries: list[ShowSummary] = []
    offset = 0
    while True:
        page = storage.browse_shows(
            ShowQuery(
                room=room,
                host=host,
                since=since,
                until=until,
                sort="start",
                descending=False,
                offset=offset,
                limit=MAX_LIMIT,
                without_rooms=() if include_demo else (DEMO_ROOM,),
            )
        )
        summaries.extend(page.shows)
        offset += len(page.shows)
        if not page.shows or offset >= page.total:
            break
    figures = []
    for summary in summaries:
        data = _columns_only(storage, summary.id)
        if data is not None:  # deleted meanwhile
            when = (planned or {}).get(summary.id) or rundown_planned_start(storage, summary)
            figures.append(figures_of(summary, data, when))
    return tuple(figures)


def demo_shows(
    storage: Storage, since: datetime, until: datetime, room: str | None = None, host: str | None = None
) -> int:
    """How many of the demo room's shows started in [since, until) (with `host`): what a report leaving them out
    left out. 0 when the report is of another room."""
    if room not in (None, DEMO_ROOM):
        return 0
    query = ShowQuery(room=DEMO_ROOM, host=host, since=since, until=until, limit=1)
    return storage.browse_shows(query).total


def leaves_demo_out(room: str | None, include_demo: bool) -> bool:
    """A report leaves the demo room's shows out unless asked for them, or it is the demo room's own report."""
    return not include_demo and room != DEMO_ROOM


def rundown_planned_start(storage: Storage, summary: ShowSummary) -> datetime | None:
    """The show's planned start from its rundown snapshot (None: no rundown ran, or no fixed start gave one)."""
    snapshot = storage.rundown_snapshot(summary.id)
    if snapshot is None or snapshot.planned_start is None:
        return None
    return datetime.fromtimestamp(float(snapshot.planned_start), summary.start.tzinfo)


def _english(context: str, text: str) -> str:
    return text


def name_in(row: PeriodRow, translate: Translate = _english) -> str:
    """The room or host as people read it (the demo room in their language, "(no host named)" for none)."""
    if row.per is Per.ROOM:
        return room_in(row.name, translate)
    return row.name or translate(CONTEXT, NO_HOST)


class NoShows(Exception):
    """No stored show started in the range (with the filters given): there is nothing to report."""

    def __init__(self) -> None:
        self.message = Message(
            QT_TRANSLATE_NOOP("ReviewReport", "No stored show started in that range (with those filters)."),
            {},
            "ReviewReport",
        )
        super().__init__(self.message.explain())


def build_period_report(
    storage: Storage,
    since: date,
    until: date,
    unit: Unit,
    per: Per,
    room: str | None = None,
    host: str | None = None,
    include_demo: bool = False,
) -> PeriodReport:
    """The report from local day `since` up to (not including) local day `until`, as the console's Period report
    dialog asks for it — without the demo room's shows unless `include_demo` or `room` is the demo room. Raises
    NoShows when no show started then. Call it on a worker thread."""
    start = datetime.combine(since, time()).astimezone()
    end = datetime.combine(until, time()).astimezone()
    leave_out = leaves_demo_out(room, include_demo)
    figures = load_figures(storage, start, end, room=room, host=host, include_demo=not leave_out)
    if not figures:
        raise NoShows()
    left_out = demo_shows(storage, start, end, room, host) if leave_out else 0
    return period_report(figures, unit, per, since, until, room=room, host=host, demo_left_out=left_out)
