"""Everything known about one stored show, read once: the loaded show (ShowData), its metadata, its stored summary,
the platform import and its per-minute series, the pre-show checklist's outcome at go-live, the viewers' questions
(the Q&A queue: who asked what, who claimed and answered it with which reply), how many messages of each kind the
show's chat stored, its lotteries, and the analyses
(scene timeline, on-air stretches, segments by scene, incident impact, the show in figures). Qt-free, read-only.

The show window, the PDF and the XLSX all start from `bundle_show(storage, show_id)`, called on a worker thread:
one place decides what a review reads, so the three never disagree about a show. A bundle is frozen; a caller
that wants another segmentation (a rundown's segments) asks `bundle.segments_for(spans)`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType

import numpy as np

from console.core.chat.lottery import LotteryRecord
from console.core.chat.questions import Question
from console.core.review.compare import ShowSummary as Figures
from console.core.review.compare import summarize
from console.core.review.impact import Params, ShowImpact, show_impact
from console.core.review.load import Floats, ShowData, load_show
from console.core.review.segments import Segment, SegmentRow, segment_table
from console.core.review.shows import Checklist, ShowMeta, ShowSummary
from console.core.review.timeline import AirSpan, SceneSpan, on_air, scene_timeline
from console.core.storage import Storage, StorageError, StoredPlatformImport, StoredRun
from obs.text import QT_TRANSLATE_NOOP, Message

# Platform series that are amounts per minute (shared among segments by how much of each minute they cover).
# "viewers" is a head count, not an amount: it is drawn, never summed into a segment.
AMOUNTS = ("entered", "left", "likes", "comments", "gmv", "orders")

# A per-minute series as arrays: (minute start times in epoch seconds, values; NaN = unknown).
MinuteSeries = tuple[Floats, Floats]


@dataclass(frozen=True)
class ChecklistOutcome:
    """The pre-show checklist at go-live: `outcome` as the Shows browser says it, and the run — kept at go-live, or
    completed by a person before the stream started — with its items (None when there was none). An override names
    who and why; a run completed before says by whom and when (`completed_before`)."""

    outcome: Checklist
    run: StoredRun | None = None

    @property
    def override_by(self) -> str | None:
        return self.run.go_live_by if self.run is not None else None

    @property
    def override_reason(self) -> str | None:
        return self.run.go_live_reason if self.run is not None else None

    @property
    def went_live_at(self) -> datetime | None:
        if self.run is None:
            return None
        return self.run.go_live_at or self.run.ended_at

    @property
    def completed_by(self) -> str | None:
        """Who completed the run before the stream started (None: the run was kept at go-live, or there was none)."""
        run = self.run
        return (run.ended_by or "") if run is not None and run.end_state == "completed" else None

    @property
    def completed_at(self) -> datetime | None:
        run = self.run
        return run.ended_at if run is not None and run.end_state == "completed" else None

    def completed_before(self) -> Message | None:
        """A run completed by a person before the stream started, said as such: by whom, when, and when the show
        went live (local times) — never as if it had been kept at go-live. None for any other outcome."""
        if self.completed_by is None:
            return None
        return Message(
            QT_TRANSLATE_NOOP("ChecklistOutcome", "completed by {person} at {completed}, before going live at {live}"),
            {"person": self.completed_by, "completed": _hhmm(self.completed_at), "live": _hhmm(self.went_live_at)},
            "ChecklistOutcome",
        )


def _hhmm(moment: datetime | None) -> str | None:
    """Local hours and minutes (None, said as unknown, when not known)."""
    return moment.astimezone().strftime("%H:%M") if moment is not None else None


@dataclass(frozen=True, eq=False)
class ShowBundle:
    """One show for review, read in one go by `bundle_show`. Every figure that is not known is None (never 0).

    `platform_series`: every imported per-minute series (name -> (times, values)) on every imported minute, NaN
    where that figure is unknown;
    `extras`: those of them that are amounts (AMOUNTS), as the segment table takes them; `segments`: the segment
    table by scene with those extras (GMV, orders, GPM when imported); `figures`: the show summarised the way
    Compare summarises it (dropped-frame %, time on air, viewer-minutes lost)."""

    data: ShowData
    meta: ShowMeta
    summary: ShowSummary | None
    platform: StoredPlatformImport | None
    platform_series: Mapping[str, MinuteSeries]
    checklist: ChecklistOutcome
    timeline: tuple[SceneSpan, ...]
    air: tuple[AirSpan, ...]
    segments: tuple[SegmentRow, ...]
    impact: ShowImpact
    figures: Figures
    # Why the stored summary could not be read or brought up to date (e.g. a read-only database); None if fine.
    summary_error: str | None = None
    extras: Mapping[str, MinuteSeries] = field(default_factory=dict)
    # When it was read: a show still open keeps growing (findings, seconds), so an export says as of when.
    taken_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    # The viewers' questions of the show (the Q&A queue), in the order asked, each with what became of it.
    questions: tuple[Question, ...] = ()
    # How many messages of each kind ("comment", "superchat", "gift", …) the show's chat stored (none: no key).
    comment_counts: Mapping[str, int] = field(default_factory=dict)
    # The show's lotteries, oldest first, each with its entries and winners.
    lotteries: tuple[LotteryRecord, ...] = ()

    @property
    def still_open(self) -> bool:
        """The show was not over when read (its room may still record or resume it)."""
        return self.summary is not None and self.summary.live

    @property
    def show_id(self) -> int:
        return self.data.show.id

    @property
    def room(self) -> str:
        return self.data.show.room

    @property
    def verdict(self) -> Message:
        """The one-line verdict on what the technical problems plausibly cost."""
        return self.impact.message

    @property
    def imported(self) -> bool:
        """Whether platform data (GMV, orders …) was imported for this show."""
        return self.platform is not None

    def segments_for(self, spans: Iterable[Segment | tuple[float, float, str | Message]]) -> tuple[SegmentRow, ...]:
        """The segment table over other spans (a rundown's segments), with the same platform extras."""
        return segment_table(self.data, spans, self.extras)


def bundle_show(storage: Storage, show_id: int, params: Params | None = None) -> ShowBundle:
    """Read and analyse one show. Raises ShowNotFound for an unknown id and StorageError when the database fails
    while reading the show itself; a stored summary that cannot be refreshed (a database this console may only
    read) leaves `summary` as None with `summary_error` saying why, since the rest of the review stands without
    it. Call on a worker thread: an 8-hour show takes a few tenths of a second."""
    taken_at = datetime.now(UTC)
    data = load_show(storage, show_id)
    meta = storage.show_meta(show_id) or ShowMeta()
    summary: ShowSummary | None = None
    summary_error: str | None = None
    try:
        summary = storage.show_summary(show_id)
    except StorageError as exc:
        summary_error = str(exc)
    platform = storage.platform_import(show_id)
    series = _series(storage.platform_series(show_id)) if platform is not None else {}
    extras = MappingProxyType({name: series[name] for name in AMOUNTS if name in series})
    impact = show_impact(data, params)
    return ShowBundle(
        data=data,
        meta=meta,
        summary=summary,
        platform=platform,
        platform_series=MappingProxyType(series),
        checklist=checklist_outcome(storage, data),
        timeline=scene_timeline(data),
        air=on_air(data),
        segments=segment_table(data, None, extras),
        impact=impact,
        figures=summarize(data, params),
        summary_error=summary_error,
        extras=extras,
        taken_at=taken_at,
        questions=tuple(storage.questions(show_id)),
        comment_counts=MappingProxyType(storage.show_comment_counts(show_id)),
        lotteries=tuple(storage.show_lotteries(show_id)),
    )


def checklist_outcome(storage: Storage, data: ShowData) -> ChecklistOutcome:
    """The pre-show run at go-live for this show (the newest such, as the stored summary takes it: kept at go-live,
    or completed before it): ready without an override, overridden with one, none without such a run."""
    run = storage.go_live_run(data.show.id)
    if run is None:
        return ChecklistOutcome(Checklist.NONE)
    return ChecklistOutcome(Checklist.OVERRIDDEN if run.go_live_by else Checklist.READY, run)


def _series(stored: Mapping[str, tuple[tuple[float, ...], tuple[float, ...]]]) -> dict[str, MinuteSeries]:
    """Each series on every imported minute (the union of their times), NaN where its figure is unknown.
    Storage leaves an unknown minute out; put back, it makes a segment touching it unknown (segment_table)
    instead of silently summing the minutes around it, and breaks a drawn line there."""
    if not stored:
        return {}
    minutes = np.unique(np.concatenate([np.asarray(t, dtype=np.float64) for t, _ in stored.values()]))
    minutes.setflags(write=False)
    out: dict[str, MinuteSeries] = {}
    for name, (times, values) in stored.items():
        filled = np.full(minutes.shape, np.nan)
        filled[np.searchsorted(minutes, np.asarray(times, dtype=np.float64))] = np.asarray(values, dtype=np.float64)
        filled.setflags(write=False)
        out[name] = (minutes, filled)
    return out
