"""Two or more stored shows side by side: each summarised the same way, their channels on a common offset axis
(aligned by start, by going on air, or by a segment), and a table of differences. Qt-free, pure.

Dropped frames: each stored second's drop_render_pct / drop_encode_pct / drop_network_pct is OBS's frames lost
at that stage as a share of its frames since a poll at least 10 s before (obs/stats.py, DROP_WINDOW_S) — longer
after OBS froze, since no poll came meanwhile. The stored samples hold only those shares, not OBS's counters, so
`dropped_pct` rebuilds the counters' deltas: it chains the stored windows back to back from the last one (each
window's base is the newest stored second at least 10 s before it, as the counter's was), frames lost = share ×
the target frame rate × the window's length, over frames rendered in the same windows — as OBS counts it
("119 of 5,574 frames lagged (2.1 %)"), the frozen seconds included. It is taken **on air** (the stream's
stretches: what OBS's log reports for its stream output), or over the whole show when it never went on air.
The worst second is the worst window. Network drops exist only while streaming; unknown stays unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from console.core.review.impact import Params, show_impact
from console.core.review.load import GAP_S, Floats, ShowData
from console.core.review.segments import SegmentRow, counter_rate_per_min
from console.core.review.timeline import on_air, on_air_s, on_air_unseen_s, scene_timeline
from obs.errors import Explained
from obs.stats import DROP_WINDOW_S
from obs.text import QT_TRANSLATE_NOOP, Message

CONTEXT = "Review"
DROP_CHANNELS = {"render": "drop_render_pct", "encode": "drop_encode_pct", "network": "drop_network_pct"}


@dataclass(frozen=True)
class ShowSummary:
    """One show in figures (None = not known)."""

    show_id: int
    room: str
    start: float
    duration_s: float
    on_air_s: float
    viewers_peak: float | None
    viewers_avg: float | None
    likes_per_min: float | None
    interactions_per_min: float | None
    incidents: int
    incidents_critical: int
    # Frames lost per stage / frames rendered, in % (see the module's docstring), over `drop_over`.
    drop_pct: dict[str, float | None]
    # The worst 10-s window's dropped-frame % per stage.
    drop_worst_pct: dict[str, float | None]
    viewer_minutes_lost: float | None
    # Over which span drop_pct is taken: "on_air" (the stream's stretches) or "show" (it never went on air).
    drop_over: str = "on_air"
    # Of the time on air, the seconds the console did not see (it was not running while the stream ran on).
    on_air_unseen_s: float = 0.0


def summarize(data: ShowData, params: Params | None = None) -> ShowSummary:
    viewers = data.channel("viewers")
    known = viewers[np.isfinite(viewers)]
    drops = {stage: data.channel(name) for stage, name in DROP_CHANNELS.items()}
    spans, over = drop_spans(data)
    air = on_air(data)
    return ShowSummary(
        data.show.id,
        data.show.room,
        data.start,
        data.duration_s,
        on_air_s(air),
        float(known.max()) if known.size else None,
        float(known.mean()) if known.size else None,
        counter_rate_per_min(data.t, data.channel("likes")),
        counter_rate_per_min(data.t, data.channel("interactions")),
        len(data.episodes),
        sum(1 for e in data.episodes if e.rank >= 3),
        {stage: dropped_pct(data, name, spans)[0] for stage, name in DROP_CHANNELS.items()},
        {stage: _max(values) for stage, values in drops.items()},
        show_impact(data, params).viewer_minutes,
        over,
        on_air_unseen_s(air),
    )


def drop_spans(data: ShowData) -> tuple[list[tuple[float, float]], str]:
    """The stretches a show's dropped-frame share is taken over: on air, else (never on air) the whole show."""
    air = [(span.start, span.end) for span in on_air(data)]
    if air:
        return air, "on_air"
    return ([(data.start, data.end)] if len(data.t) else []), "show"


def dropped_pct(data: ShowData, column: str, spans: Sequence[tuple[float, float]]) -> tuple[float | None, float]:
    """Frames lost at one stage / frames rendered over `spans`, in %, and the seconds it rests on (None, 0: no
    known window). The stored windows are chained back to back from each span's last known one: a window ends at
    a stored second and begins at the newest stored second at least DROP_WINDOW_S before it (where the link's
    counter took its base), or at the first second after a stretch nothing was stored (a new link: a new base),
    or at the span's start. Frames = the target frame rate (OBS counts a frame it should have rendered) × the
    window's length; where the rate is not stored the seconds stand in (the rate cancels out)."""
    shares = data.channel(column)
    rates = data.channel("fps_target")
    known = np.flatnonzero(np.isfinite(shares))
    t = data.t
    lost = frames = covered = 0.0
    for start, end in spans:
        inside = known[(t[known] >= start) & (t[known] <= end)]
        if not inside.size:
            continue
        times = t[inside]
        index = len(inside) - 1
        while index >= 0:
            row = inside[index]
            here = float(t[row])
            base = int(np.searchsorted(times, here - DROP_WINDOW_S, side="right")) - 1
            since = float(times[base]) if base >= 0 else start
            # A stretch with no stored second at all (the console was not running) restarted the link's counters.
            rows = data.between(since, here)
            if rows.stop - rows.start >= 1:
                steps = np.diff(t[rows.start : rows.stop + 1])
                if steps.size and float(steps.max()) > GAP_S:
                    after = rows.start + int(np.flatnonzero(steps > GAP_S)[-1]) + 1
                    since = max(since, min(float(t[after]), here), here - DROP_WINDOW_S)
            length = max(0.0, here - since)
            rate = float(rates[row]) if np.isfinite(rates[row]) and rates[row] > 0 else 1.0
            lost += float(shares[row]) / 100.0 * rate * length
            frames += rate * length
            covered += length
            index = base
    if frames <= 0:
        return None, 0.0
    return 100.0 * lost / frames, covered


def _mean(values: Floats) -> float | None:
    known = values[np.isfinite(values)]
    return float(known.mean()) if known.size else None


def _max(values: Floats) -> float | None:
    known = values[np.isfinite(values)]
    return float(known.max()) if known.size else None


@dataclass(frozen=True)
class Aligned:
    """One show's channel on the common axis: seconds since its alignment point (NaN where a gap breaks it)."""

    show_id: int
    origin: float
    offset: Floats
    values: Floats


class CannotAlign(Explained):
    """A show has no moment to align on (never on air, no such segment)."""


def align(
    shows: Sequence[ShowData],
    channel: str,
    by: str = "start",
    segment: str | None = None,
    origins: Sequence[float] | None = None,
) -> tuple[Aligned, ...]:
    """Each show's `channel` against seconds since its origin: `by` = "start" (the show's first second),
    "on_air" (its first on-air second), "segment" (the first time the scene `segment` went on program), or
    explicit `origins` (e.g. each show's start of one rundown segment) — then `by` is ignored."""
    points: list[float] = []
    for index, data in enumerate(shows):
        if origins is not None:
            points.append(float(origins[index]))
        elif by == "segment":
            first = next((s.start for s in scene_timeline(data) if s.scene == segment), None)
            if first is None:
                raise CannotAlign(
                    QT_TRANSLATE_NOOP("Review", "Show {show} never had the scene {scene} on program."),
                    show=data.show.id,
                    scene=segment,
                )
            points.append(first)
        elif by == "on_air":
            spans = on_air(data)
            if not spans:
                raise CannotAlign(
                    QT_TRANSLATE_NOOP("Review", "Show {show} was never on air: it cannot be aligned by going live."),
                    show=data.show.id,
                )
            points.append(spans[0].start)
        elif by == "start":
            points.append(data.start)
        else:
            raise ValueError(f"unknown alignment {by!r}")
    aligned = []
    for data, origin in zip(shows, points, strict=True):
        t, values = data.line(channel)
        aligned.append(Aligned(data.show.id, origin, t - origin, values))
    return tuple(aligned)


@dataclass(frozen=True)
class Difference:
    """One line of the comparison: a figure for each show and its change against the first show."""

    metric: str
    label: Message
    values: tuple[float | None, ...]
    # value - the first show's value (None where either is unknown); the first is 0 by definition.
    delta: tuple[float | None, ...]


@dataclass(frozen=True)
class Comparison:
    summaries: tuple[ShowSummary, ...]
    differences: tuple[Difference, ...]


def _label(text: str) -> Message:
    return Message(text, {}, CONTEXT)


#: What the comparison table lists, in order: key -> (label, how to read it from a summary).
METRICS: tuple[tuple[str, str], ...] = (
    ("duration_min", QT_TRANSLATE_NOOP("Review", "Duration (min)")),
    ("on_air_min", QT_TRANSLATE_NOOP("Review", "On air (min)")),
    ("on_air_unseen_min", QT_TRANSLATE_NOOP("Review", "Of it not seen by the console (min)")),
    ("viewers_peak", QT_TRANSLATE_NOOP("Review", "Peak viewers")),
    ("viewers_avg", QT_TRANSLATE_NOOP("Review", "Average viewers")),
    ("likes_per_min", QT_TRANSLATE_NOOP("Review", "Likes per minute")),
    ("interactions_per_min", QT_TRANSLATE_NOOP("Review", "Interactions per minute")),
    ("incidents", QT_TRANSLATE_NOOP("Review", "Incidents")),
    ("incidents_critical", QT_TRANSLATE_NOOP("Review", "Critical incidents")),
    ("drop_render_pct", QT_TRANSLATE_NOOP("Review", "Frames missed in rendering (%)")),
    ("drop_encode_pct", QT_TRANSLATE_NOOP("Review", "Frames skipped in encoding (%)")),
    ("drop_network_pct", QT_TRANSLATE_NOOP("Review", "Frames dropped by the network (%)")),
    ("viewer_minutes_lost", QT_TRANSLATE_NOOP("Review", "Viewer-minutes lost to problems")),
)


def _figure(summary: ShowSummary, metric: str) -> float | None:
    if metric == "duration_min":
        return summary.duration_s / 60.0
    if metric == "on_air_min":
        return summary.on_air_s / 60.0
    if metric == "on_air_unseen_min":
        return summary.on_air_unseen_s / 60.0
    if metric.startswith("drop_"):
        return summary.drop_pct[metric.removeprefix("drop_").removesuffix("_pct")]
    value = getattr(summary, metric)
    return None if value is None else float(value)


def compare_segments(
    tables: Sequence[Sequence[SegmentRow]],
) -> tuple[tuple[str | Message, tuple[SegmentRow | None, ...]], ...]:
    """Segment tables of several shows (segment_table, by scene or by rundown) side by side: one line per label
    in the order labels first appear, with each show's first segment of that label (None: it had none)."""
    labels: list[str | Message] = []
    for table in tables:
        for row in table:
            if row.segment.label not in labels:
                labels.append(row.segment.label)
    return tuple(
        (label, tuple(next((r for r in table if r.segment.label == label), None) for table in tables))
        for label in labels
    )


def compare(shows: Sequence[ShowData], params: Params | None = None) -> Comparison:
    """Summaries of two or more shows and their differences against the first."""
    if len(shows) < 2:
        raise ValueError("a comparison needs two shows or more")
    summaries = tuple(summarize(data, params) for data in shows)
    differences = []
    for metric, label in METRICS:
        values = tuple(_figure(s, metric) for s in summaries)
        first = values[0]
        delta = tuple(None if v is None or first is None else v - first for v in values)
        differences.append(Difference(metric, _label(label), values, delta))
    return Comparison(summaries, tuple(differences))
