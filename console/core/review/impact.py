"""What the technical problems of a stored show plausibly cost in viewers. Qt-free, pure.

For each health-finding episode: the audience **baseline** is the median viewer count over the minutes before it
opened (BASELINE_S), leaving out every second inside another episode or just after one (it may still be
recovering); the **trough** is the lowest count from its start to AFTER_S after it ended, as a change against
the baseline and how long after the start it came; **recovery** is the first second after the trough back within
the baseline's band (TOLERANCE of it, or twice the baseline's own spread if that is wider: an audience moves by
itself), said as time from the start — or "not back" within the window or by the end of the show. The
**shortfall** is the viewers below the baseline, second by second, from the start until recovery (or the end of
the window), in viewer-minutes.

The show's figure sums the shortfall over every assessed episode; a second inside two episodes' windows is
counted once (the larger of the two shortfalls), so overlapping incidents are not double-counted.

What the figure means, and its limits: it is how many viewer-minutes the audience stayed below where it was
before the problems, while they lasted and until it came back. It is a correlation, not proof: an audience
rises and falls by itself (a product reveal, a lull, the platform's traffic), and a drop that happened to come
with a problem is counted too, as a drop that was only partly caused by it is counted whole. It is measured only
on the seconds whose viewer count is known; an incident with no known audience is "unknown", never 0; one with
under MIN_BASELINE_S known seconds before it is "not enough data". Compare shows with it, do not bill anyone.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from console.core.review.load import Episode, Floats, ShowData, clock
from obs.text import QT_TRANSLATE_NOOP, Message, counted

# How far before an incident its baseline is taken.
BASELINE_S = 300.0
# Known viewer seconds the baseline needs; fewer is "not enough data".
MIN_BASELINE_S = 60
# How long after an incident ends its effect is looked for (trough, recovery, shortfall).
AFTER_S = 600.0
# After another incident this long is left out of a baseline (the audience may still be coming back).
SETTLE_S = 120.0
# Within this share of the baseline counts as back to it (unless the baseline's own spread is wider).
TOLERANCE = 0.05
# Categories whose problems a viewer can see or hear; others (a low disk, a stalled recording) are listed
# but not charged with the audience.
VISIBLE = frozenset({"render", "encode", "network", "connection", "system", "audio"})

CONTEXT = "Review"


class Status(enum.StrEnum):
    ASSESSED = "assessed"
    # The viewer count was not known around the incident.
    UNKNOWN = "unknown"
    # Too few known seconds before it to have a baseline.
    NOT_ENOUGH_DATA = "not_enough_data"
    # A problem viewers do not see (recording, disk): not charged with the audience.
    NOT_VISIBLE = "not_visible"


@dataclass(frozen=True)
class Params:
    baseline_s: float = BASELINE_S
    min_baseline_s: int = MIN_BASELINE_S
    after_s: float = AFTER_S
    settle_s: float = SETTLE_S
    tolerance: float = TOLERANCE


@dataclass(frozen=True)
class Impact:
    """One episode's audience impact. Figures are None when not known."""

    episode: Episode
    status: Status
    baseline: float | None = None
    # Known seconds the baseline rests on.
    baseline_s: int = 0
    # The lowest count while it lasted, and the average over the AFTER_S after it, against the baseline (%).
    during_pct: float | None = None
    after_pct: float | None = None
    # Lowest count from the start to AFTER_S after the end, and its change against the baseline (%).
    trough: float | None = None
    trough_pct: float | None = None
    # Seconds from the start to the trough.
    trough_after_s: float | None = None
    # Seconds from the start until back within the baseline's band; None: not back (see `back_by_end`).
    recovered_after_s: float | None = None
    # Not back, and the show's record ended before the window did (else: not back within the window).
    not_back_by_end: bool = False
    # Viewer-minutes below the baseline from the start until recovery (or the window's end).
    shortfall_viewer_min: float | None = None
    # Share of the assessed window's seconds whose viewer count was known.
    coverage: float | None = None
    # Where the shortfall was counted: [start, until).
    until: float | None = None

    @property
    def message(self) -> Message:
        return impact_message(self)


@dataclass(frozen=True)
class ShowImpact:
    """The per-show verdict: viewer-minutes the technical problems plausibly cost (overlaps counted once)."""

    impacts: tuple[Impact, ...]
    # None when no incident could be assessed although there were some (unknown, never 0).
    viewer_minutes: float | None
    # The show's viewer-minutes over its known seconds (to put the cost in proportion); None if unknown.
    show_viewer_minutes: float | None

    @property
    def assessed(self) -> tuple[Impact, ...]:
        return tuple(i for i in self.impacts if i.status is Status.ASSESSED)

    @property
    def share_pct(self) -> float | None:
        if self.viewer_minutes is None or not self.show_viewer_minutes:
            return None
        return 100.0 * self.viewer_minutes / (self.show_viewer_minutes + self.viewer_minutes)

    @property
    def message(self) -> Message:
        return verdict_message(self)


def show_impact(data: ShowData, params: Params | None = None) -> ShowImpact:
    """Every episode's impact and the show's verdict."""
    params = params or Params()
    viewers = data.channel("viewers")
    impacts = tuple(_impact(data, viewers, episode, params) for episode in data.episodes)
    lost = np.zeros(len(data.t))
    for impact in impacts:
        if impact.status is Status.ASSESSED and impact.baseline is not None and impact.until is not None:
            part = data.between(impact.episode.start, impact.until)
            below = np.nan_to_num(np.clip(impact.baseline - viewers[part], 0.0, None), nan=0.0)
            lost[part] = np.maximum(lost[part], below)
    charged = [i for i in impacts if i.status is not Status.NOT_VISIBLE]
    # Unknown (None), never 0, when there were incidents and none of them could be assessed.
    assessable = not charged or any(i.status is Status.ASSESSED for i in charged)
    total = float(lost.sum()) / 60.0 if assessable else None
    known = viewers[np.isfinite(viewers)]
    show_total = float(known.sum()) / 60.0 if known.size else None
    return ShowImpact(impacts, total, show_total)


def _impact(data: ShowData, viewers: Floats, episode: Episode, params: Params) -> Impact:
    if episode.category not in VISIBLE:
        return Impact(episode, Status.NOT_VISIBLE)
    start, end = episode.start, episode.end
    window_end = end + params.after_s
    before = data.between(start - params.baseline_s, start)
    t_before, v_before = data.t[before], viewers[before]
    clear = np.isfinite(v_before) & ~_inside_others(t_before, data.episodes, episode, params.settle_s)
    after = data.between(start, window_end + 1e-9)
    t_after, v_after = data.t[after], viewers[after]
    seen = np.isfinite(v_after)
    if not seen.any():
        return Impact(episode, Status.UNKNOWN, coverage=0.0)
    if int(clear.sum()) < params.min_baseline_s:
        return Impact(episode, Status.NOT_ENOUGH_DATA, baseline_s=int(clear.sum()))
    base_values = v_before[clear]
    baseline = float(np.median(base_values))
    spread = 1.4826 * float(np.median(np.abs(base_values - baseline)))  # robust standard deviation
    band = max(params.tolerance * baseline, 2.0 * spread)
    t_seen, v_seen = t_after[seen], v_after[seen]
    lowest = int(np.argmin(v_seen))
    trough, trough_t = float(v_seen[lowest]), float(t_seen[lowest])
    back = np.flatnonzero((t_seen >= trough_t) & (v_seen >= baseline - band))
    recovered_t = float(t_seen[back[0]]) if back.size and trough < baseline - band else None
    if trough >= baseline - band:
        recovered_t = start  # no drop beyond the audience's own spread: nothing to come back from
    during = v_seen[t_seen <= end]
    following = v_seen[t_seen > end]
    until = recovered_t if recovered_t is not None else window_end
    ends_early = data.end < window_end
    span = data.between(start, until)
    seconds = max(1, span.stop - span.start)
    below = np.clip(baseline - viewers[span], 0.0, None)
    return Impact(
        episode,
        Status.ASSESSED,
        baseline=baseline,
        baseline_s=int(clear.sum()),
        during_pct=_pct(float(during.min()), baseline) if during.size else None,
        after_pct=_pct(float(following.mean()), baseline) if following.size else None,
        trough=trough,
        trough_pct=_pct(trough, baseline),
        trough_after_s=trough_t - start,
        recovered_after_s=None if recovered_t is None else recovered_t - start,
        not_back_by_end=recovered_t is None and ends_early,
        shortfall_viewer_min=float(np.nansum(below)) / 60.0,
        coverage=float(np.isfinite(viewers[span]).sum()) / seconds if span.stop > span.start else 1.0,
        until=until,
    )


def _pct(value: float, baseline: float) -> float | None:
    return 100.0 * (value - baseline) / baseline if baseline else None


def _inside_others(t: Floats, episodes: Iterable[Episode], this: Episode, settle_s: float) -> np.ndarray:
    """Which of the seconds `t` fall inside another episode or within `settle_s` after it."""
    inside = np.zeros(t.shape, dtype=bool)
    for other in episodes:
        if other is not this and other.category in VISIBLE:
            inside |= (t >= other.start) & (t < other.end + settle_s)
    return inside


# ---------------------------------------------------------------------- words
def duration(seconds: float) -> Message:
    """A duration for people: "45 s" under two minutes, else whole minutes ("6 min")."""
    if seconds < 120:
        return Message(QT_TRANSLATE_NOOP("Review", "{seconds} s"), {"seconds": round(seconds)}, CONTEXT)
    return Message(QT_TRANSLATE_NOOP("Review", "{minutes} min"), {"minutes": round(seconds / 60)}, CONTEXT)


def impact_message(impact: Impact) -> Message:
    """One line per incident, e.g. "Network drops 20:13–20:14: viewers −18 % within 2 min, back to baseline
    after 6 min"."""
    episode = impact.episode
    fields: dict[str, object] = {"title": episode.title, "start": clock(episode.start), "end": clock(episode.end)}
    if impact.status is Status.NOT_VISIBLE:
        text = QT_TRANSLATE_NOOP("Review", "{title} {start}–{end}: not something viewers see; not counted")
    elif impact.status is Status.UNKNOWN:
        text = QT_TRANSLATE_NOOP("Review", "{title} {start}–{end}: the audience is not known, so neither is the impact")
    elif impact.status is Status.NOT_ENOUGH_DATA:
        text = QT_TRANSLATE_NOOP(
            "Review", "{title} {start}–{end}: not enough audience data before it to compare with ({seconds} s known)"
        )
        fields["seconds"] = impact.baseline_s
    elif impact.recovered_after_s == 0.0:
        text = QT_TRANSLATE_NOOP(
            "Review", "{title} {start}–{end}: viewers held within their usual range (lowest {change:+.0f} %)"
        )
        fields["change"] = impact.trough_pct
    else:
        fields.update(change=impact.trough_pct, within=duration(impact.trough_after_s or 0.0))
        if impact.recovered_after_s is not None:
            text = QT_TRANSLATE_NOOP(
                "Review",
                "{title} {start}–{end}: viewers {change:+.0f} % within {within}, back to baseline after {back}",
            )
            fields["back"] = duration(impact.recovered_after_s)
        elif impact.not_back_by_end:
            text = QT_TRANSLATE_NOOP(
                "Review",
                "{title} {start}–{end}: viewers {change:+.0f} % within {within}, not back by the end of the show",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "Review",
                "{title} {start}–{end}: viewers {change:+.0f} % within {within}, not back within {after} of its end",
            )
            fields["after"] = duration((impact.until or episode.end) - episode.end)
    return Message(text, fields, CONTEXT)


def verdict_message(show: ShowImpact) -> Message:
    """The one-line verdict for the show."""
    charged = [i for i in show.impacts if i.status is not Status.NOT_VISIBLE]
    unassessed = sum(1 for i in charged if i.status is not Status.ASSESSED)
    if not charged:
        return Message(
            QT_TRANSLATE_NOOP("Review", "No technical problem that viewers could notice in this show."), {}, CONTEXT
        )
    if show.viewer_minutes is None:
        text = (
            QT_TRANSLATE_NOOP(
                "Review", "{count} technical problem, but the audience around it is not known: what it cost is unknown."
            )
            if len(charged) == 1
            else QT_TRANSLATE_NOOP(
                "Review",
                "{count} technical problems, but the audience around them is not known: what they cost is unknown.",
            )
        )
        return Message(text, {"count": len(charged)}, CONTEXT)
    assessed = len(charged) - unassessed
    fields: dict[str, object] = {
        "minutes": round(show.viewer_minutes),
        "incidents": counted(
            assessed,
            QT_TRANSLATE_NOOP("Review", "{count} incident"),
            QT_TRANSLATE_NOOP("Review", "{count} incidents"),
            CONTEXT,
        ),
        "share": show.share_pct,
    }
    if unassessed:
        fields["unassessed"] = unassessed
        text = QT_TRANSLATE_NOOP(
            "Review",
            "Technical problems plausibly cost about {minutes} viewer-minutes ({share:.1f} % of the show's) over "
            "{incidents}; {unassessed} more could not be assessed (audience unknown or too little data before).",
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "Review",
            "Technical problems plausibly cost about {minutes} viewer-minutes ({share:.1f} % of the show's) over "
            "{incidents}.",
        )
    return Message(text, fields, CONTEXT)


#: Said beside the figure wherever it is shown (report, dialog): what it is and is not.
CAVEAT = Message(
    QT_TRANSLATE_NOOP(
        "Review",
        "Viewer-minutes below the audience's level before each problem, until it came back. A correlation, not "
        "proof: audiences rise and fall by themselves.",
    ),
    {},
    CONTEXT,
)
