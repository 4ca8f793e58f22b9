"""One stored show loaded for review: every channel as numpy columns on the show's own time axis, its markers and
its health-finding episodes. Qt-free, read-only.

The time axis is the stored seconds themselves (epoch seconds, ascending): a second the console did not store
(closed, restarted) has no row, and stays a gap — `gaps()` names them and `line()` puts a NaN in each so a plot
breaks there instead of drawing a line across. Nothing is interpolated; an unknown figure is NaN, never 0.

Speed: the samples are read as plain tuples straight from the driver (Storage.review_rows) and turned into one
float array in a single numpy call; an 8-hour show (28,800 rows × every channel) opens in about 0.15 s on SQLite
and on PostgreSQL on the development machine (benchmarks/review_open.py prints it).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from console.core.rundown.live import Mark as RundownMark
from console.core.rundown.live import Span, spans
from console.core.storage import Storage, StoredShow
from console.core.telemetry.channels import CHANNELS, INDEX
from console.core.telemetry.graph_data import series_column
from obs.errors import Explained
from obs.health_record import as_recorded
from obs.text import QT_TRANSLATE_NOOP, Message
from obs.vocabulary import Kind, rank
from obs.vocabulary import title as finding_title

# Two stored seconds further apart than this have a gap between them (the console records a second at least
# every 1.75 s while it runs, as a row of unknowns when OBS is away, so a longer silence is a console that
# was not running).
GAP_S = 3.0
# How far apart the clocks of the rundown (its marks are stamped when Go is pressed), the stored seconds and OBS's
# events may be: the segment table's boundary rule (segments.py) gives nothing to a segment for a touch within it.
BOUNDARY_S = 1.0

Floats = npt.NDArray[np.float64]


class ShowNotFound(Explained):
    """No show with that id in this database."""

    def __init__(self, show_id: int, where: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Review", "There is no show {show} in the database ({where})."), show=show_id, where=where
        )


@dataclass(frozen=True)
class Mark:
    """A stored marker: scene (detail = the scene's name), stream_start/stop, stream_reconnecting/reconnected,
    record_start/stop, obs_lost/obs_connected, finding_warning/critical (detail = the finding's id)."""

    t: float
    kind: str
    detail: str


@dataclass(frozen=True)
class Episode:
    """One health-finding episode as stored: when it opened (first_seen), its last bad second (last_seen), when
    it closed after the hysteresis (closed_at; None while open or when cut off by a stop), its severity now and
    the worst it reached (peak), and its message (template + fields, translated in the "Health" context).

    `began`/`ended`: the fault's own interval (fault_interval), which is what `start`/`end` give — an episode
    opens only after its rule's enter hold and closes after its clear hold, so first_seen…closed_at is late and
    short (a 20-s mute read 06:21:24.7–06:21:36.7, 12 s). None: not known, the finding's own times stand in."""

    key: str
    finding: str
    category: str
    severity: str
    peak: str
    first_seen: float
    last_seen: float
    closed_at: float | None
    active: bool
    message: Message
    began: float | None = None
    ended: float | None = None

    @property
    def start(self) -> float:
        """When the fault began: the first second that met the rule's condition (see fault_interval)."""
        return self.began if self.began is not None else self.first_seen

    @property
    def end(self) -> float:
        """When the fault ended: after its last bad second, before the clear hold (see fault_interval); without
        that, when it closed, else its last second (an episode cut off by a stop)."""
        if self.ended is not None:
            return self.ended
        return self.closed_at if self.closed_at is not None else self.last_seen

    @property
    def duration_s(self) -> float:
        return max(0.0, self.end - self.start)

    @property
    def still_open(self) -> bool:
        """It had not closed when last stored: the show is still on air, or the console stopped (or crashed) with
        it open."""
        return self.closed_at is None

    @property
    def title(self) -> Message:
        """The finding's short name ("Network drops"), translated in the "Health" context; one that had not closed
        says so ("Network drops (still open)"), as its start–end is only as far as it was recorded."""
        title = Message(finding_title(self.finding, self.message.fields), {}, "Health")
        return Message(OPEN_TITLE, {"title": title}, "Health") if self.still_open else title

    @property
    def rank(self) -> int:
        """How bad it got: 1 info, 2 warning, 3 critical."""
        return rank(self.peak) if self.peak else rank(self.severity)


@dataclass(frozen=True, eq=False)
class ShowData:
    """A stored show for review. `t` is the stored seconds (epoch, ascending); `values` has one column per
    channel of CHANNELS (NaN = unknown). Both arrays are read-only; take `channel(name)` for one column."""

    show: StoredShow
    t: Floats
    values: Floats
    markers: tuple[Mark, ...] = ()
    episodes: tuple[Episode, ...] = ()
    # The boundaries its rundown's runner stamped (empty: no rundown ran) and its planned start (epoch s) when
    # a fixed start gave one.
    rundown_marks: tuple[RundownMark, ...] = ()
    planned_start: float | None = None
    # What each segment of the rundown sold, by segment key (from the plan as it was at the first Go).
    rundown_products: tuple[tuple[str, str], ...] = ()

    def channel(self, name: str) -> Floats:
        """One channel's values on `t` (NaN = unknown)."""
        return self.values[:, INDEX[name]]

    @property
    def start(self) -> float:
        """When the show began: the console started watching (the show row), or its first stored second if
        that is earlier (a show whose first rows came from a spill file)."""
        began = self.show.started_at.timestamp()
        return min(began, float(self.t[0])) if len(self.t) else began

    @property
    def end(self) -> float:
        """When the show ended: the console ended it (the show row), or its last stored second if that is later
        (rows written in after it ended) — the end the Shows browser and `onair shows` count its length and
        completeness to (storage._summary_rows), so one show has one duration everywhere: its last second lasts
        until the show ended, and a show whose tail was not stored is not a shorter show. Its start when nothing
        tells more."""
        ends = [float(self.t[-1])] if len(self.t) else []
        ends += [moment.timestamp() for moment in (self.show.ended_at, self.show.last_sample_at) if moment]
        return max([self.start, *ends])

    @property
    def duration_s(self) -> float:
        return self.end - self.start

    def gaps(self, gap_s: float = GAP_S) -> tuple[tuple[float, float], ...]:
        """(last second before, first second after) of every stretch with no stored second."""
        if len(self.t) < 2:
            return ()
        where = np.flatnonzero(np.diff(self.t) > gap_s)
        return tuple((float(self.t[i]), float(self.t[i + 1])) for i in where)

    def line(self, name: str, gap_s: float = GAP_S, instead: str | None = None) -> tuple[Floats, Floats]:
        """(t, values) to plot: a NaN put in each gap so the line breaks there (pyqtgraph connect="finite"); the
        channel `instead` in the seconds `name` is unknown (graph_data.series_column)."""
        values = series_column(self.values, name, instead)
        if len(self.t) < 2:
            return self.t, values
        where = np.flatnonzero(np.diff(self.t) > gap_s) + 1
        if not len(where):
            return self.t, values
        t = np.insert(self.t, where, self.t[where - 1] + 1.0)
        return t, np.insert(values, where, np.nan)

    def rundown_spans(self) -> tuple[Span, ...]:
        """The show's segments by its rundown: each take until the next or End, the last until the show's last
        second (console/core/rundown/live.py spans); each with its title and the length planned when taken.

        A take that switched the program scene begins where that switch is stored: the mark is stamped by the
        computer's clock when Go is pressed, the switch (like every stored second) by the telemetry's clock when
        OBS reported it, up to a second apart; on one clock, the switch opens the segment it belongs to instead
        of closing the one before."""
        return spans(self.rundown_marks_on_stored_clock(), self.end)

    def rundown_marks_on_stored_clock(self) -> tuple[RundownMark, ...]:
        """The rundown's marks, each take that switched the scene moved onto the stored switch (rundown_spans)."""
        switches = [(m.t, m.detail) for m in self.markers if m.kind == "scene"]
        moved = []
        for mark in self.rundown_marks:
            if mark.scene and mark.outcome != "refused":
                near = [t for t, scene in switches if scene == mark.scene and abs(t - mark.t) <= BOUNDARY_S]
                if near:
                    mark = replace(mark, t=min(near, key=lambda t: abs(t - mark.t)))
            moved.append(mark)
        return tuple(moved)

    def rundown_segments(self) -> list[tuple[float, float, str]]:
        """The spans as segment_table takes them: (start, end, label = the segment's title, then its product when
        the title does not name it — three segments a sheet titles “主推款” read “主推款 · 玻尿酸精华” and so on,
        not three alike rows in the table, the XLSX and the PDF)."""
        return [(span.start, span.end, self.rundown_label(span.key, span.title)) for span in self.rundown_spans()]

    def rundown_label(self, key: str, title: str) -> str:
        """A segment of the rundown as the review names it: its title, then its product when the title does not
        name it."""
        product = dict(self.rundown_products).get(key, "")
        return f"{title} · {product}" if product and product not in title else title

    def between(self, start: float, end: float) -> slice:
        """The rows with start <= t < end."""
        lo, hi = np.searchsorted(self.t, [start, end], side="left")
        return slice(int(lo), int(hi))


def load_show(storage: Storage, show_id: int) -> ShowData:
    """Read one stored show (one transaction), then its rundown's marks and snapshot. Raises ShowNotFound for an
    unknown id, StorageError when the database fails (its message says why)."""
    rows = storage.review_rows(show_id)
    if rows is None:
        raise ShowNotFound(show_id, storage.where)
    show, samples, markers, findings = rows
    data = build_show(show, samples, markers, findings)
    marks = tuple(storage.rundown_marks(show_id))
    if not marks:
        return data
    snapshot = storage.rundown_snapshot(show_id)
    planned = snapshot.planned_start if snapshot is not None else None
    # The plan as it was at the first Go, then the room's plan now for segments that came into it later (an
    # import or an insert during the show): a segment's key is its identity, whichever plan holds it.
    segments = (*(snapshot.plan.segments if snapshot is not None else ()), *storage.rundown(show.room).segments)
    products: dict[str, str] = {}
    for segment in segments:
        if segment.product is not None and segment.product.name:
            products.setdefault(segment.key, segment.product.name)
    return replace(data, rundown_marks=marks, planned_start=planned, rundown_products=tuple(products.items()))


def build_show(
    show: StoredShow,
    samples: list[tuple[Any, ...]],
    markers: list[tuple[Any, ...]],
    findings: list[dict[str, Any]],
) -> ShowData:
    """ShowData from rows as Storage.review_rows returns them (t then every channel; None = unknown)."""
    table = np.array(samples, dtype=np.float64) if samples else np.empty((0, 1 + len(CHANNELS)))
    table = table.reshape(len(samples), 1 + len(CHANNELS))
    t = np.ascontiguousarray(table[:, 0])
    values = np.ascontiguousarray(table[:, 1:])
    t.setflags(write=False)
    values.setflags(write=False)
    marks = tuple(Mark(float(m[0]), str(m[1]), str(m[2] or "")) for m in markers)
    found = (_as_open(_episode(row), t) for row in findings)
    episodes = tuple(sorted((fault_interval(e, t, values) for e in found), key=lambda e: (e.start, e.key)))
    return ShowData(show, t, values, marks, episodes)


@cache
def _enter_holds() -> dict[str, int]:
    """Each health rule's enter hold (consecutive seconds its condition must hold before the finding opens),
    read from the rules themselves so the review follows them. A rule without one (a reconnect) opens at once."""
    return {str(rule.id): int(getattr(rule, "enter_s", 1)) for rule in _all_rules()}


@cache
def _counted() -> frozenset[str]:
    """The rules that count their bad seconds themselves and say so in the finding's "seconds" field (`counts_s`:
    the silence rules, whose episode opens after 10 silent seconds, and OBS lost, since the first second without
    it) — read from the rules, so a rule added later is read the same."""
    return frozenset(str(rule.id) for rule in _all_rules() if getattr(rule, "counts_s", False))


def _all_rules() -> tuple[Any, ...]:
    from obs.health_audience import audience_rules
    from obs.health_audio import audio_rules
    from obs.health_rules import rules

    return (*rules(), *audio_rules(), *audience_rules())


# Channels only OBS fills: a stored second with none of them known is a second OBS did not answer.
_OBS_CHANNELS = ("fps", "render_ms", "streaming", "recording", "obs_cpu_pct")


def fault_interval(episode: Episode, t: Floats, values: Floats) -> Episode:
    """The episode with the fault's own interval, from the stored seconds (works for shows stored before):

    * began — the first stored second that met the rule's condition: the enter hold's seconds before the one it
      opened on (`enter_s` - 1 stored seconds back), or for a rule that counts its bad seconds, that many seconds
      before its last bad second; for OBS not answering, back over the stored seconds OBS left unknown;
    * ended — one second after its last bad second (last_seen), i.e. before the clear hold, never after it
      closed; an episode still open or cut off by a stop ends at its last bad second.
    """
    if not len(t):
        return episode
    first = min(int(np.searchsorted(t, episode.first_seen - 0.5)), len(t) - 1)
    for _ in range(_enter_holds().get(episode.finding, 1) - 1):
        if first == 0 or t[first] - t[first - 1] > GAP_S:
            break  # never back across a stretch nothing was stored in (the console was not running)
        first -= 1
    seconds = episode.message.fields.get("seconds") if episode.finding in _counted() else None
    if isinstance(seconds, int | float) and seconds >= 1:
        # Counted in seconds of the clock, not stored rows: while OBS is away a row is stored every 1.75 s only.
        since = episode.last_seen - (float(seconds) - 1.0)
        first = min(first, min(int(np.searchsorted(t, since - 0.5)), len(t) - 1))
    if episode.finding == Kind.OBS_UNREACHABLE:
        blind = np.asarray(~np.isfinite(values[:, [INDEX[name] for name in _OBS_CHANNELS]]).any(axis=1))
        while first > 0 and blind[first - 1] and t[first] - t[first - 1] <= GAP_S:
            first -= 1
    began = min(float(t[first]), episode.first_seen)
    if episode.closed_at is None:
        ended = episode.last_seen
    elif episode.finding == Kind.AUDIENCE_REPORTS:
        # Open as long as a complaint was in the window, its clear hold one second: it ended when it closed. A show
        # stored before fix23m kept last_seen on the second the last complaint came, a 1-s incident; since, every
        # second with a complaint in the window is its last_seen and it closes the next second (the same end).
        ended = max(episode.last_seen, episode.closed_at)
    else:
        ended = max(episode.last_seen, min(episode.last_seen + 1.0, episode.closed_at))
    return replace(episode, began=began, ended=max(began, ended))


# An open finding's record: its live words ("…; 96 % now", "… for 12 s so far") are true of the second its row was
# last stored, which this says — the record words ("…at its end", "…before the finding closed") would call it closed.
OPEN_WORDS = QT_TRANSLATE_NOOP("Health", "Still open when last recorded, at {at}: {finding}")
OPEN_TITLE = QT_TRANSLATE_NOOP("Health", "{title} (still open)")


def _as_open(episode: Episode, t: Floats) -> Episode:
    """An episode that had not closed, its live message as of when its row was last stored: an open finding's row is
    stored every second with that second's figures, so the last stored second of the run its last bad second is in
    (a later start of the console is another run: the finding, cut off by the stop, was not stored again)."""
    if not episode.still_open:
        return episode
    at = episode.last_seen
    if len(t):
        index = min(int(np.searchsorted(t, episode.last_seen - 0.5)), len(t) - 1)
        gaps = np.flatnonzero(np.diff(t[index:]) > GAP_S)
        at = max(at, float(t[index + int(gaps[0])] if len(gaps) else t[-1]))
    said = episode.message
    # The finding's own figures stay the message's (fault_interval and the title read them), its sentence nested.
    fields = {**said.fields, "at": clock(at), "finding": said}
    return replace(episode, message=Message(OPEN_WORDS, fields, "Health"))


def _episode(row: Mapping[str, Any]) -> Episode:
    try:
        fields = json.loads(row.get("fields") or "{}")
    except ValueError:
        fields = {}
    closed = row.get("closed_at")
    # As of the incident's end: a message stored as it last read live ("…; 96 % now") is printed after the show.
    # One still open keeps its live words (_as_open says as of when).
    template = str(row.get("template") or row.get("message") or "")
    fields = fields if isinstance(fields, dict) else {}
    template = template if closed is None else as_recorded(template, fields.get("ended"))
    if str(row["finding_id"]) == Kind.AUDIENCE_REPORTS:
        from obs.health_audience import today_words

        template, fields = today_words(template, fields) or (template, fields)  # stored with the earlier words
    return Episode(
        str(row["key"]),
        str(row["finding_id"]),
        str(row["category"]),
        str(row["severity"]),
        str(row.get("peak") or row["severity"]),
        float(row["first_seen"]),
        float(row["last_seen"]),
        None if closed is None else float(closed),
        bool(row.get("active")),
        Message(template, fields, "Health"),
    )


def clock(t: float) -> str:
    """A moment of the show as the reader's local wall-clock time to the second, "20:13:05" (to the minute, a
    20-s incident read "20:13–20:13")."""
    return datetime.fromtimestamp(t).strftime("%H:%M:%S")
