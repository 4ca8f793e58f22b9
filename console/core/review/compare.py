"""Two or more stored shows side by side: each summarised the same way, their channels on a common offset axis
(aligned by start, by going on air, or by a segment), and a table of differences. Qt-free, pure.

Dropped frames: each stored second's drop_render_pct / drop_encode_pct / drop_network_pct is OBS's frames lost
at that stage as a percentage of its frames over the **last 10 s** (obs/stats.py, DROP_WINDOW_S), not of that
second alone. Every second is inside ten such windows, so the mean over a show's known seconds is the share of
its frames lost (while the frame rate was steady; the first and last 10 s of each stretch weigh a little less);
the worst second is the worst 10-s window. Network drops exist only while streaming; unknown stays unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from console.core.review.impact import Params, show_impact
from console.core.review.load import Floats, ShowData
from console.core.review.segments import SegmentRow, counter_rate_per_min
from console.core.review.timeline import on_air, on_air_s, scene_timeline
from obs.errors import Explained
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
    #: Mean dropped-frame % per stage over the show's known seconds (see the module's docstring).
    drop_pct: dict[str, float | None]
    #: The worst 10-s window's dropped-frame % per stage.
    drop_worst_pct: dict[str, float | None]
    viewer_minutes_lost: float | None


def summarize(data: ShowData, params: Params | None = None) -> ShowSummary:
    viewers = data.channel("viewers")
    known = viewers[np.isfinite(viewers)]
    drops = {stage: data.channel(name) for stage, name in DROP_CHANNELS.items()}
    return ShowSummary(
        data.show.id,
        data.show.room,
        data.start,
        data.duration_s,
        on_air_s(on_air(data)),
        float(known.max()) if known.size else None,
        float(known.mean()) if known.size else None,
        counter_rate_per_min(data.t, data.channel("likes")),
        counter_rate_per_min(data.t, data.channel("interactions")),
        len(data.episodes),
        sum(1 for e in data.episodes if e.rank >= 3),
        {stage: _mean(values) for stage, values in drops.items()},
        {stage: _max(values) for stage, values in drops.items()},
        show_impact(data, params).viewer_minutes,
    )


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
    #: value - the first show's value (None where either is unknown); the first is 0 by definition.
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
