"""The scene timeline of a stored show (which scene was on program, from when to when) and its on-air stretches,
from the stored markers. Qt-free, pure.

What is known: a `scene` marker is stored at every program-scene switch OBS reported while the console watched;
the scene on program when the console started watching is not stored, so the show begins "unknown" (None) until
the first switch unless the caller knows it (`initial`). A stretch the console did not see — a gap in the stored
seconds, or OBS lost until it came back — may hide a switch, so after one the scene is unknown again until the
next switch. Nothing is guessed. A gap in the stored seconds (the console was not running) is a span of its own,
`seen` False: the timeline says "not seen" there rather than only "scene not known".

On air: from a `stream_start` marker to the next `stream_stop`. A show whose first stream marker is a stop (or
that has none) was on air from its first second if its `streaming` channel says so then; after a gap the
`streaming` channel tells a stream that stopped or started while the console was away; a stream still running
at the end lasts until the show's last stored second.

Across a stretch the console did not see (it was killed and started again, OBS streaming on meanwhile), the show's
record continues and OBS's `streaming` figure on both sides says the stream ran through it, so the on-air time
counts it — but nothing was measured there: each AirSpan says how much of it was not seen (`unseen_s`), and every
total of time on air is said with that part ("0:05:10 (not seen: 2 min 41 s)", `on_air_text`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np

from console.core import length_units
from console.core.length_units import in_units
from console.core.review.load import GAP_S, ShowData
from console.core.review.shows import duration_text
from obs.text import QT_TRANSLATE_NOOP, Message, Translate

CONTEXT = "Review"


@dataclass(frozen=True)
class SceneSpan:
    """One scene on program from `start` to `end` (epoch seconds); `scene` None = not known. `seen` False: a
    stretch with no stored second (the console was not running), where nothing at all was seen."""

    scene: str | None
    start: float
    end: float
    seen: bool = True

    @property
    def duration_s(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class AirSpan:
    """The stream on air from `start` to `end`. `from_marker`: a stream_start marker opened it (False: it was
    already on air when the show's record begins); `stopped`: a stream_stop closed it (False: the show's record
    ends with it still on)."""

    start: float
    end: float
    from_marker: bool
    stopped: bool
    # Of it, the seconds the console did not see (gaps in the stored seconds it spans): counted on air, since the
    # stream ran through them, but nothing there was measured.
    unseen_s: float = 0.0

    @property
    def duration_s(self) -> float:
        return self.end - self.start


# How long the first stored second may precede the console's first reading of OBS's program scene.
JOINING_S = 1.0


def scene_timeline(data: ShowData, initial: str | None = None, gap_s: float = GAP_S) -> tuple[SceneSpan, ...]:
    """Spans covering the show from its start to its end, in order, neighbours never of the same scene and
    seeing. A gap in the stored seconds is a span of its own (scene None, seen False)."""
    start, end = data.start, data.end
    if end <= start:
        return ()
    events = _scene_events(data, gap_s)
    spans: list[SceneSpan] = []
    state: tuple[str | None, bool] = (initial, True)
    since = start
    for t, _, new in events:
        t = min(max(t, start), end)
        if new == state:
            continue
        if t > since:
            spans.append(SceneSpan(state[0], since, t, state[1]))
            since = t
        state = new
        if spans and (spans[-1].scene, spans[-1].seen) == state and spans[-1].end == since:
            since = spans.pop().start  # two switches in one moment: the span before and this one are one
    if end > since or not spans:
        spans.append(SceneSpan(state[0], since, end, state[1]))
    # The show's first row is often stored a moment before the console has joined OBS and read its program scene
    # (which it marks then): a blind stretch shorter than one stored second is the joining, not a scene unknown.
    # So is it after a stretch not seen, when the console started again.
    for index in range(len(spans) - 2, -1, -1):
        span, after = spans[index], spans[index + 1]
        joining = index == 0 or not spans[index - 1].seen
        if joining and span.scene is None and span.seen and span.duration_s < JOINING_S and after.seen:
            spans[index : index + 2] = [SceneSpan(after.scene, span.start, after.end)]
    return tuple(spans)


def _scene_events(data: ShowData, gap_s: float) -> list[tuple[float, int, tuple[str | None, bool]]]:
    """(moment, order at the same moment, (scene, seen)), in order: the console lost OBS (the scene unknown from
    then), a gap begins (nothing seen) or ends (seen again, the scene unknown until the console reads it), a scene
    switch. The scene a console marks on joining OBS may be stamped just before its first stored row: inside a
    gap it counts from the gap's end."""
    gaps = data.gaps(gap_s)
    events: list[tuple[float, int, tuple[str | None, bool]]] = [
        (m.t, 1, (None, True)) for m in data.markers if m.kind == "obs_lost"
    ]
    for before, after in gaps:
        # The stored second at `before` was seen (it holds the second before it): the stretch begins just after.
        events += [(float(np.nextafter(before, np.inf)), 1, (None, False)), (after, 0, (None, True))]
    for m in data.markers:
        if m.kind == "scene":
            inside = next((after for before, after in gaps if before < m.t < after), m.t)
            events.append((inside, 2, (m.detail, True)))
    events.sort(key=lambda e: (e[0], e[1]))
    return events


def scene_totals(spans: tuple[SceneSpan, ...]) -> dict[str | None, float]:
    """Seconds on program per scene (None: not known, not seen included), most first."""
    totals: dict[str | None, float] = {}
    for span in spans:
        totals[span.scene] = totals.get(span.scene, 0.0) + span.duration_s
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


def on_air(data: ShowData, gap_s: float = GAP_S) -> tuple[AirSpan, ...]:
    """The show's on-air stretches, in order. Across a stretch the console did not see (a gap in the stored
    seconds), the `streaming` channel just after it says whether the stream stopped or started unseen."""
    start, end = data.start, data.end
    marks = [(m.t, m.kind) for m in data.markers if m.kind in ("stream_start", "stream_stop")]
    streaming = data.channel("streaming")
    live = _live_at_start(data, streaming, marks)
    events: list[tuple[float, str, float]] = [(t, kind, t) for t, kind in marks]
    for before, after in data.gaps(gap_s):
        seen = _streaming_after(data, streaming, after)
        if seen is not None:
            events.append((before, "seen_live" if seen else "seen_off", after))
    events.sort(key=lambda event: event[0])
    spans: list[AirSpan] = []
    since, from_marker = start, False
    for t, kind, resumed in events:
        t = min(max(t, start), end)
        if kind == "stream_start":
            if live and t > since:
                spans.append(AirSpan(since, t, from_marker, False))
            live, since, from_marker = True, t, True
        elif kind == "stream_stop" and live:
            spans.append(AirSpan(since, t, from_marker, True))
            live = False
        elif kind == "seen_off" and live:
            spans.append(AirSpan(since, t, from_marker, False))  # it stopped while the console was away
            live = False
        elif kind == "seen_live" and not live:
            live, since, from_marker = True, resumed, False  # it started while the console was away
    if live and end > since:
        spans.append(AirSpan(since, end, from_marker, False))
    gaps = data.gaps(gap_s)
    return tuple(replace(span, unseen_s=_inside(span.start, span.end, gaps)) for span in spans)


def _inside(start: float, end: float, gaps: tuple[tuple[float, float], ...]) -> float:
    """Seconds of [start, end) within the gaps."""
    return float(sum(max(0.0, min(end, after) - max(start, before)) for before, after in gaps))


def _live_at_start(data: ShowData, streaming: np.ndarray, marks: list[tuple[float, str]]) -> bool:
    """Whether the stream was on when the show's record begins: a first marker that is a stop says so, else the
    first known `streaming` second if it comes before any marker."""
    known = np.flatnonzero(np.isfinite(streaming))
    first_known = float(data.t[known[0]]) if len(known) else np.inf
    if marks and marks[0][1] == "stream_stop":
        return True
    if marks and marks[0][0] <= first_known:
        return False
    return bool(len(known)) and bool(streaming[known[0]] == 1.0)


def _streaming_after(data: ShowData, streaming: np.ndarray, after: float, within_s: float = 10.0) -> bool | None:
    """Whether the stream was on in the first known second within `within_s` from `after` (None: not known)."""
    part = data.between(after, after + within_s)
    values = streaming[part]
    values = values[np.isfinite(values)]
    return None if not values.size else bool(values[0] == 1.0)


def on_air_s(spans: tuple[AirSpan, ...]) -> float:
    return float(sum(span.duration_s for span in spans))


def on_air_unseen_s(spans: tuple[AirSpan, ...]) -> float:
    """Of the time on air, the seconds the console did not see (it was not running; the stream ran on)."""
    return float(sum(span.unseen_s for span in spans))


# A stretch in words, by the units console/core/length_units.py says it in.
_STRETCH = {
    length_units.SECONDS: QT_TRANSLATE_NOOP("Review", "{seconds} s"),
    length_units.MINUTES: QT_TRANSLATE_NOOP("Review", "{minutes} min"),
    length_units.MINUTES_SECONDS: QT_TRANSLATE_NOOP("Review", "{minutes} min {seconds} s"),
    length_units.HOURS: QT_TRANSLATE_NOOP("Review", "{hours} h"),
    length_units.HOURS_MINUTES: QT_TRANSLATE_NOOP("Review", "{hours} h {minutes} min"),
}


def short_duration(seconds: float) -> Message:
    """A stretch as people say it: "40 s", "3 min", "1 min 40 s", "2 h 5 min" (its seconds dropped from an hour
    on), as an alert says how long (console/core/alerts/durations.py) — never "3 min 0 s"."""
    units, fields = in_units(seconds, seconds_over_an_hour=False)
    return Message(_STRETCH[units], fields, CONTEXT)


#: Said of a stretch of the show the console did not see (the scene timeline, the segment table).
NOT_SEEN = Message(QT_TRANSLATE_NOOP("Review", "Not seen (no console recording)"), {}, CONTEXT)


def not_seen(seconds: float) -> Message:
    """ "not seen: 1 min 40 s"."""
    return Message(QT_TRANSLATE_NOOP("Review", "not seen: {duration}"), {"duration": short_duration(seconds)}, CONTEXT)


def on_air_text(on_air: float | None, unseen: float, translate: Translate) -> str:
    """The time on air as h:mm:ss in the reader's language, with the part the console did not see when there is
    one: "0:05:10 (not seen: 2 min 41 s)"; "—" when not known."""
    if on_air is None or unseen < 1.0:
        return duration_text(on_air)
    return Message(
        QT_TRANSLATE_NOOP("Review", "{on_air} ({not_seen})"),
        {"on_air": duration_text(on_air), "not_seen": not_seen(unseen)},
        CONTEXT,
    ).in_language(translate)


def union_spans(spans: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """The stretches covered by any of `spans`, apart and in time order (the review window's
    and the PDF's finding bands: two findings of one severity that overlap are one band, without a hole)."""
    merged: list[tuple[float, float]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
