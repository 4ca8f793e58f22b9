"""The segment table of a stored show: per segment (a scene on program by default, or any list of
(start, end, label) — the rundown's segments, a platform's periods) its duration, audience, interaction rates,
the incidents that overlap it and any extra per-minute series (GMV, orders from a platform import). Qt-free, pure.

How the audience channels are stored decides the arithmetic: `viewers` is a head count at that second;
`likes` and `interactions` are the platform's running totals (every source reports them cumulatively: YouTube's
likeCount, the demo room's totals, a file's newest row), so a segment's likes are the rises of that total
between consecutive known seconds inside it — a total that goes down was reset (a new stream, another source)
and that step is left out, never subtracted. The rate is those rises over the time they span, per minute; an
unknown total gives an unknown rate (None), never 0.

Extra series are per-minute amounts (what the platforms export: GMV and orders in each minute), given as
name -> (times, values) with each time the start of its minute; a segment receives each minute's amount in
proportion to how much of that minute it covers. GPM (千次观看成交金额) is GMV per 1,000 views: over the
"entries" series (进入人数, the platforms' own basis) when one is given, else over the segment's average
concurrent viewers — said in `gpm_basis`, since the two differ by how long people stay.

At a boundary, one rule (BOUNDARY_S): the clocks differ by up to a second — a rundown boundary is stamped when Go
is pressed, a stored second when the sampling tick came round (holding what was seen during the second before it),
a scene switch when OBS's event arrived — so nothing is given to a segment for a touch within that second:
  * a segment holds start <= t < end (a scene switch at a boundary opens the segment that starts there);
  * a rise of a running total (likes, interactions) counts once, in the segment where it was first seen: the
    segment's first stored second brings the step from the second stored just before it (before, that step
    counted in neither segment);
  * an incident counts in every segment it overlaps by more than BOUNDARY_S, and in the one holding its middle
    (so a blip counts once, and one that ended a moment after the next segment began is not charged to it);
  * a stretch nobody saw ("Not seen (no console recording)") is charged with none: an incident spanning it only
    ended when the console left, and the tables say no figure for it (SegmentRow.incident_count is None).
A rundown boundary whose take switched the scene is moved onto the stored clock first (ShowData.rundown_segments).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from console.core.review.load import BOUNDARY_S, GAP_S, Episode, Floats, ShowData
from console.core.review.timeline import NOT_SEEN, SceneSpan, scene_timeline
from obs.text import QT_TRANSLATE_NOOP, Message

# The extra series names the segment table knows the meaning of (the platform import's data uses them).
GMV = "gmv"
ENTRIES = "entered"  # the platform import's name for 进入人数 (console/core/review/platform.py FIELDS)

# A per-minute series' times and values (each value the amount in the minute starting at its time).
Series = tuple[npt.ArrayLike, npt.ArrayLike]

UNKNOWN_SCENE = Message(QT_TRANSLATE_NOOP("Review", "Scene not known"), {}, "Review")

#: A scene on program for less than this is a brief switch: a streamer hammering the scene buttons, OBS switched
#: several times in a second (a hotkey held down, a plugin). Listed one by one, such a storm filled the table by
#: scene with rows of 0:00:00 an analyst reads as noise; consecutive brief switches are one row instead — the
#: stretch they cover, with how many switches and to which scenes — so no second goes missing from the table.
BRIEF_S = 1.0
BRIEF_SWITCHES = QT_TRANSLATE_NOOP("Review", "Brief switches ({count}): {scenes}")


@dataclass(frozen=True)
class Segment:
    """A stretch of the show to report on: start <= t < end, with a label (a scene's name, a rundown's
    segment; a Message where it is words of ours)."""

    start: float
    end: float
    label: str | Message


@dataclass(frozen=True)
class SegmentRow:
    """One line of the segment table. Every figure is None when it is not known (never 0 in its place)."""

    segment: Segment
    duration_s: float
    # Seconds in the segment with a known viewer count (the audience figures rest on these).
    audience_known_s: int
    viewers_avg: float | None
    viewers_peak: float | None
    viewers_start: float | None
    viewers_end: float | None
    likes_per_min: float | None
    interactions_per_min: float | None
    incidents: tuple[Episode, ...]
    extras: Mapping[str, float | None] = field(default_factory=dict)
    gpm: float | None = None
    # What GPM is per 1,000 of: "entries" (the platforms' basis) or "viewers" (average concurrent); None.
    gpm_basis: str | None = None

    @property
    def seen(self) -> bool:
        """Whether a console recorded the stretch ("Not seen (no console recording)" is a stretch nobody saw)."""
        return self.segment.label != NOT_SEEN

    @property
    def incident_count(self) -> int | None:
        """How many incidents the segment is charged with; None for a stretch nobody saw: an incident spanning it
        merely ended when the console left, so it claims no figure there (blank, as every other figure of it)."""
        return len(self.incidents) if self.seen else None

    @property
    def viewers_change(self) -> float | None:
        """Viewers at the segment's last known second minus at its first (start -> end)."""
        if self.viewers_start is None or self.viewers_end is None:
            return None
        return self.viewers_end - self.viewers_start

    def extra_per_min(self, name: str) -> float | None:
        """An extra series' amount per minute of the segment (orders a minute); None when not known."""
        amount = self.extras.get(name)
        return None if amount is None or self.duration_s <= 0 else 60.0 * amount / self.duration_s

    @property
    def viewers_change_pct(self) -> float | None:
        change = self.viewers_change
        if change is None or not self.viewers_start:
            return None
        return 100.0 * change / self.viewers_start


def by_scene(data: ShowData, initial: str | None = None) -> tuple[Segment, ...]:
    """One segment per scene span of the timeline (the default segmentation); consecutive brief switches (a known
    scene on program under BRIEF_S) folded into one segment."""
    out: list[Segment] = []
    storm: list[SceneSpan] = []
    for span in scene_timeline(data, initial):
        if span.end <= span.start:
            continue
        if span.seen and span.scene is not None and span.duration_s < BRIEF_S:
            if storm and storm[-1].end != span.start:
                out.append(_brief_segment(storm))
                storm = []
            storm.append(span)
            continue
        if storm:
            out.append(_brief_segment(storm))
            storm = []
        out.append(_scene_segment(span))
    if storm:
        out.append(_brief_segment(storm))
    return tuple(out)


def _brief_segment(storm: list[SceneSpan]) -> Segment:
    """Brief switches in a row as one segment: "Brief switches (14): 商品特写 ×7 / 直播中 ×7" (the scenes in the
    order they first came on, each with how many times)."""
    counts: dict[str, int] = {}
    for span in storm:
        counts[span.scene or ""] = counts.get(span.scene or "", 0) + 1
    scenes = " / ".join(f"{scene} ×{count}" for scene, count in counts.items())  # reads alike in both languages
    label = Message(BRIEF_SWITCHES, {"count": len(storm), "scenes": scenes}, "Review")
    return Segment(storm[0].start, storm[-1].end, label)


def _scene_segment(span: SceneSpan) -> Segment:
    if not span.seen:
        return Segment(span.start, span.end, NOT_SEEN)
    return Segment(span.start, span.end, span.scene if span.scene is not None else UNKNOWN_SCENE)


def span_label(span: SceneSpan) -> str | Message:
    """What a scene span is called: the scene's name, "Scene not known" or "Not seen (…)"."""
    return _scene_segment(span).label


def segment_table(
    data: ShowData,
    segments: Iterable[Segment | tuple[float, float, str | Message]] | None = None,
    extras: Mapping[str, Series] | None = None,
) -> tuple[SegmentRow, ...]:
    """The table, one row per segment in the order given (by scene when `segments` is None)."""
    chosen = (
        by_scene(data) if segments is None else tuple(s if isinstance(s, Segment) else Segment(*s) for s in segments)
    )
    prepared = {name: _per_minute(times, values) for name, (times, values) in (extras or {}).items()}
    viewers, likes, interactions = data.channel("viewers"), data.channel("likes"), data.channel("interactions")
    rows = []
    for segment in chosen:
        if segment.end < segment.start:
            raise ValueError(f"a segment ends before it starts: {segment}")
        part = data.between(segment.start, segment.end)
        # A running total's step into the segment's first second was first seen in it (BOUNDARY_S).
        counted = slice(part.start - 1, part.stop) if _step_into(data.t, part) else part
        seen = viewers[part]
        known = seen[np.isfinite(seen)]
        amounts = {name: _share(series, segment.start, segment.end) for name, series in prepared.items()}
        avg = float(known.mean()) if known.size else None
        gpm, basis = _gpm(amounts, avg)
        rows.append(
            SegmentRow(
                segment,
                segment.end - segment.start,
                int(known.size),
                avg,
                float(known.max()) if known.size else None,
                float(known[0]) if known.size else None,
                float(known[-1]) if known.size else None,
                counter_rate_per_min(data.t[counted], likes[counted]),
                counter_rate_per_min(data.t[counted], interactions[counted]),
                belonging(data.episodes, segment.start, segment.end) if segment.label != NOT_SEEN else (),
                amounts,
                gpm,
                basis,
            )
        )
    return tuple(rows)


def counter_rate_per_min(t: Floats, total: Floats) -> float | None:
    """The rise per minute of a running total sampled at `t` (NaN = unknown): the sum of its rises between
    consecutive known samples over the time those steps span. A step down (a reset) counts for neither; no two
    known samples: None."""
    known = np.isfinite(total)
    times, values = t[known], total[known]
    if times.size < 2:
        return None
    steps, spans = np.diff(values), np.diff(times)
    kept = steps >= 0
    seconds = float(spans[kept].sum())
    if seconds <= 0:
        return None
    return 60.0 * float(steps[kept].sum()) / seconds


def counter_total(total: Floats) -> float | None:
    """How much a running total rose over a stretch (resets left out); None when under two known samples."""
    values = total[np.isfinite(total)]
    if values.size < 2:
        return None
    steps = np.diff(values)
    return float(steps[steps >= 0].sum())


def _step_into(t: Floats, part: slice) -> bool:
    """Whether the rows `part` start with a second whose step from the one stored before it is to be counted in
    it: there is a second before, and no gap (the console not running) between the two."""
    first = part.start
    return 0 < first < part.stop and float(t[first] - t[first - 1]) <= GAP_S


def overlapping(episodes: Iterable[Episode], start: float, end: float) -> tuple[Episode, ...]:
    """The episodes that were open at some moment of [start, end)."""
    return tuple(e for e in episodes if e.start < end and e.end >= start)


def belonging(episodes: Iterable[Episode], start: float, end: float) -> tuple[Episode, ...]:
    """The episodes a segment [start, end) is charged with (BOUNDARY_S): those overlapping it by more than
    BOUNDARY_S, and those whose middle it holds."""
    return tuple(
        e
        for e in episodes
        if min(e.end, end) - max(e.start, start) > BOUNDARY_S or start <= (e.start + e.end) / 2 < end
    )


def _per_minute(times: npt.ArrayLike, values: npt.ArrayLike) -> tuple[Floats, Floats, Floats]:
    """(starts, ends, values) of a per-minute series, sorted; a missing value (None/NaN) stays unknown."""
    t = np.asarray(times, dtype=np.float64)
    v = np.asarray(values, dtype=np.float64)  # None becomes NaN
    if t.shape != v.shape:
        raise ValueError(f"a series has {t.size} times but {v.size} values")
    order = np.argsort(t, kind="stable")
    t, v = t[order], v[order]
    step = float(np.median(np.diff(t))) if t.size > 1 else 60.0
    step = step if step > 0 else 60.0
    return t, t + step, v


def _share(series: tuple[Floats, Floats, Floats], start: float, end: float) -> float | None:
    """The amount falling in [start, end): each interval's value in proportion to its overlap. None when a
    minute the segment touches is unknown, or no minute of the series touches it."""
    starts, ends, values = series
    overlap = np.clip(np.minimum(ends, end) - np.maximum(starts, start), 0.0, None)
    touched = overlap > 0
    if not touched.any() or not np.isfinite(values[touched]).all():
        return None
    return float((values[touched] * overlap[touched] / (ends[touched] - starts[touched])).sum())


def _gpm(amounts: Mapping[str, float | None], viewers_avg: float | None) -> tuple[float | None, str | None]:
    gmv = amounts.get(GMV)
    if gmv is None:
        return None, None
    entries = amounts.get(ENTRIES)
    if entries:
        return 1000.0 * gmv / entries, "entries"
    if ENTRIES not in amounts and viewers_avg:
        return 1000.0 * gmv / viewers_avg, "viewers"
    return None, None
