"""The scene timeline of a stored show (which scene was on program, from when to when) and its on-air stretches,
from the stored markers. Qt-free, pure.

What is known: a `scene` marker is stored at every program-scene switch OBS reported while the console watched;
the scene on program when the console started watching is not stored, so the show begins "unknown" (None) until
the first switch unless the caller knows it (`initial`). A stretch the console did not see — a gap in the stored
seconds, or OBS lost until it came back — may hide a switch, so after one the scene is unknown again until the
next switch. Nothing is guessed.

On air: from a `stream_start` marker to the next `stream_stop`. A show whose first stream marker is a stop (or
that has none) was on air from its first second if its `streaming` channel says so then; after a gap the
`streaming` channel tells a stream that stopped or started while the console was away; a stream still running
at the end lasts until the show's last stored second.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from console.core.review.load import GAP_S, ShowData


@dataclass(frozen=True)
class SceneSpan:
    """One scene on program from `start` to `end` (epoch seconds); `scene` None = not known."""

    scene: str | None
    start: float
    end: float

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

    @property
    def duration_s(self) -> float:
        return self.end - self.start


#: How long the first stored second may precede the console's first reading of OBS's program scene.
JOINING_S = 1.0


def scene_timeline(data: ShowData, initial: str | None = None, gap_s: float = GAP_S) -> tuple[SceneSpan, ...]:
    """Spans covering the show from its start to its end, in order, neighbours never of the same scene."""
    start, end = data.start, data.end
    if end <= start:
        return ()
    # Moments after which the scene is no longer known: the console lost OBS, or stored nothing for a while.
    blind = [m.t for m in data.markers if m.kind == "obs_lost"]
    blind += [before for before, _ in data.gaps(gap_s)]
    events = sorted(
        [(m.t, 0, m.detail) for m in data.markers if m.kind == "scene"] + [(t, 1, None) for t in blind],
        key=lambda e: (e[0], e[1]),
    )
    spans: list[SceneSpan] = []
    current, since = initial, start
    for t, kind, scene in events:
        t = min(max(t, start), end)
        new = scene if kind == 0 else None
        if new == current:
            continue
        if t > since:
            spans.append(SceneSpan(current, since, t))
            since = t
        current = new
        if spans and spans[-1].scene == current and spans[-1].end == since:
            since = spans.pop().start  # two switches in one moment: the span before and this one are one
    if end > since or not spans:
        spans.append(SceneSpan(current, since, end))
    # The show's first row is often stored a moment before the console has joined OBS and read its program scene
    # (which it marks then): a blind stretch shorter than one stored second is the joining, not a scene unknown.
    if len(spans) > 1 and spans[0].scene is None and spans[0].duration_s < JOINING_S:
        spans[:2] = [SceneSpan(spans[1].scene, spans[0].start, spans[1].end)]
    return tuple(spans)


def scene_totals(spans: tuple[SceneSpan, ...]) -> dict[str | None, float]:
    """Seconds on program per scene (None: not known), most first."""
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
    return tuple(spans)


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
