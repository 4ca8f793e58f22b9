"""RundownRunner: a rundown run live against a clock — arm then Go, skip, repeat, insert on the fly, end — and the
boundaries ("marks") it stamps on the show. Qt-free, no threads, no I/O: whoever drives the room session calls
it on that session's thread, and `position(now)` says where the show stands at any instant.

Every boundary is a `Mark` (epoch seconds, the segment's key and title and planned length as they were then,
the action, who, the scene asked and what became of the switch). The runner's state is a pure function of its
marks (`RundownRunner.resume` replays stored ones after a restart mid-show), and it follows the plan by segment
key, so the plan may be edited while it runs (reordered, the next one deleted, lengths changed). End stops the
timing until a Go takes the rundown up again (the next segment after the last one on air, or the one armed).

The arithmetic of over/under (`position`):
- The *origin* is the epoch time of the first Go. The *first segment* is the one that Go took. When the plan no
  longer holds that segment (a plan of new titles imported mid-show and taken up by the next Go; the segment
  deleted), the count starts again at the first take of a segment the plan holds: that take is the origin and its
  segment the first segment (`counted_from`), so the new plan is on time when taken up and measured from there.
- The planned start of a segment is the origin plus the planned lengths of the segments from the first segment
  up to it, in the plan's order now (a segment without a length counts 0). A segment with a fixed start is
  planned then instead — that local time of day nearest to when the lengths before it would start it (so a night
  show planned for 23:50 and started at 00:10 is 20 minutes behind, not a day ahead) — and the segments after it
  count on from there. A segment before the first segment in the
  plan (the operator went back) has no planned start; its over/under is the one it had when it was taken.
- over/under = (when the current segment was taken − its planned start) + its overrun now, where the overrun is
  max(0, elapsed − planned length). Positive: behind ("+2:30 behind"); negative: ahead. A skipped segment's
  length stays in the sum (skipping puts the show ahead), a repeat takes the segment again at a later time (it
  puts the show behind), a segment inserted on the fly is part of the plan from then on.
- The show's planned start (stored with its snapshot, for the review's on-time starts) is known only when a
  fixed start gives one: the first segment with a fixed start, less the lengths of the segments before it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta, tzinfo
from datetime import time as clock_time
from decimal import Decimal, InvalidOperation
from typing import Any

from console.core.rundown.model import Position, Product, Rundown, Segment
from obs.errors import Explained
from obs.text import QT_TRANSLATE_NOOP, Message, Translate

#: What a mark says happened at a boundary. LENGTH is no boundary: the planned length of the segment on air was
#: changed (`planned_s` the new one) — the review says the length at Go and each change on air, when and by whom.
GO, SKIP, REPEAT, INSERT, END, LENGTH = "go", "skip", "repeat", "insert", "end", "length"
ACTIONS = (GO, SKIP, REPEAT, INSERT, END, LENGTH)
#: The actions that put a segment on air (a segment of the show's review starts at each).
TAKES = (GO, REPEAT, INSERT)
#: What became of the scene switch a take asked for ("" when it asked none).
PENDING, DONE, REFUSED = "pending", "done", "refused"

#: Why a take's scene switch was refused (stored in English in the mark; shown in the reader's language).
NOT_CONNECTED = QT_TRANSLATE_NOOP("Rundown", "OBS is not connected")
NO_SUCH_SCENE = QT_TRANSLATE_NOOP("Rundown", "there is no scene “{scene}” in OBS")
OBS_REFUSED = QT_TRANSLATE_NOOP("Rundown", "OBS refused the switch: {error}")


#: Go after End with no segment after the last one on air (End on the last segment, or Go with nothing left).
RESUME_NOTHING_LEFT = QT_TRANSLATE_NOOP(
    "Rundown",
    "The rundown has ended and no segment follows the last one on air: arm a segment (right-click it in the plan) "
    "to take the rundown up again there.",
)


def refusal(template: str, **fields: object) -> Message:
    return Message(template, fields, "Rundown")


class RundownStateError(Explained):
    """An action that does not apply now (Skip with nothing left, Repeat before the first Go): said, not done.
    Its template is translatable in the "Rundown" context."""


@dataclass(frozen=True)
class Mark:
    """One boundary of a running show. `seq` orders a show's marks (0, 1, …) and names one when its switch
    outcome arrives later; `index` is the segment's place in the plan when it was stamped (None: not in it)."""

    seq: int
    t: float
    key: str
    title: str
    planned_s: int | None
    action: str
    who: str = ""
    #: The scene the take asked for ("" none); `outcome`: "", pending, done or refused (`reason` says why).
    scene: str = ""
    outcome: str = ""
    #: Why the switch was refused, stored as the Message's JSON (template + fields, context "Rundown"), so the
    #: record reads in either language; `why` gives it back.
    reason: str = ""
    index: int | None = None

    @property
    def why(self) -> Message | None:
        """The refusal as a translatable Message (None when there is none); a plain text stored by an older
        console is kept as its own sentence."""
        if not self.reason:
            return None
        try:
            stored = json.loads(self.reason)
        except ValueError:
            stored = None
        if not isinstance(stored, dict) or "template" not in stored:
            return Message(self.reason, {}, "Rundown")
        return Message.from_json(stored, "Rundown")

    def as_row(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Mark:
        planned = row.get("planned_s")
        index = row.get("index", row.get("segment_index"))
        return cls(
            int(row["seq"]),
            float(row["t"]),
            str(row["key"]),
            str(row.get("title") or ""),
            None if planned is None else int(planned),
            str(row["action"]),
            str(row.get("who") or ""),
            str(row.get("scene") or ""),
            str(row.get("outcome") or ""),
            str(row.get("reason") or ""),
            None if index is None else int(index),
        )


@dataclass(frozen=True)
class Snapshot:
    """The plan as it was at the first Go, and the show's planned start when a fixed start gives one."""

    plan: Rundown
    taken_at: float
    planned_start: float | None = None


@dataclass(frozen=True)
class Change:
    """The planned length of a segment on air changed: when, to what, by whom."""

    t: float
    planned_s: int | None
    who: str = ""


@dataclass(frozen=True)
class Span:
    """One stretch of the show by its rundown, for the review: a take until the next take or the end.
    `planned_s` is the length when it was taken; `changes` the lengths it was given while on air."""

    start: float
    end: float
    key: str
    title: str
    planned_s: int | None
    action: str
    changes: tuple[Change, ...] = ()

    @property
    def final_s(self) -> int | None:
        """The planned length it ran to: the last one given on air, else the one at its take (what the live
        strip counted down and its over/under was measured against)."""
        return self.changes[-1].planned_s if self.changes else self.planned_s


def spans(marks: Iterable[Mark], end: float) -> tuple[Span, ...]:
    """The show's segments by rundown: each take (go, repeat, insert) lasts until the next take or End, the
    last one until `end` (the show's last second). Skips are boundaries of nothing and leave no span; a length
    changed on air is kept with the take it changed."""
    out: list[Span] = []
    open_take: Mark | None = None
    changes: list[Change] = []
    for mark in sorted(marks, key=lambda m: (m.t, m.seq)):
        if mark.action == SKIP:
            continue
        if mark.action == LENGTH:
            if open_take is not None and mark.key == open_take.key:
                changes.append(Change(mark.t, mark.planned_s, mark.who))
            continue
        if open_take is not None:
            out.append(_span(open_take, mark.t, changes))
            open_take = None
        changes = []
        if mark.action in TAKES:
            open_take = mark
    if open_take is not None and end > open_take.t:
        out.append(_span(open_take, end, changes))
    return tuple(out)


def _span(take: Mark, end: float, changes: list[Change]) -> Span:
    return Span(take.t, end, take.key, take.title, take.planned_s, take.action, tuple(changes))


#: How the review says a length changed on air (window tooltip, XLSX column, PDF note).
CHANGED_ON_AIR = QT_TRANSLATE_NOOP("Rundown", "planned {planned} at its Go, changed on air {changes}")
CHANGED_TO = QT_TRANSLATE_NOOP("Rundown", "to {length} at {time} by {who}")
NO_LENGTH = QT_TRANSLATE_NOOP("Rundown", "no length")


def planned_cell(span: Span, fmt: Callable[[int], str]) -> str:
    """The planned length as the review's table shows it: "5:00", or "5:00 → 3:30" when it was changed on air
    (the length at Go, then the one it ran to); "" when it had none."""
    if not span.changes:
        return fmt(span.planned_s) if span.planned_s is not None else ""
    lengths = [span.planned_s, span.final_s]
    return " → ".join(fmt(length) if length is not None else "—" for length in lengths)


def changed_on_air(span: Span, translate: Translate, clock: Callable[[float], str], fmt: Callable[[int], str]) -> str:
    """The length planned at the take's Go and each change while it was on air, when and by whom, in the
    reader's language ("" when it was not changed)."""
    if not span.changes:
        return ""

    def length(seconds: int | None) -> str:
        return fmt(seconds) if seconds is not None else translate("Rundown", NO_LENGTH)

    changes = [
        Message(CHANGED_TO, {"length": length(c.planned_s), "time": clock(c.t), "who": c.who or "?"}, "Rundown")
        for c in span.changes
    ]
    joined = "; ".join(change.in_language(translate) for change in changes)
    return Message(CHANGED_ON_AIR, {"planned": length(span.planned_s), "changes": joined}, "Rundown").in_language(
        translate
    )


class RundownRunner:
    """A rundown run live. `clock` gives epoch seconds (time.time by default; tests pass their own); `tz` is the
    zone fixed starts are local to (None: this computer's). Call it from one thread."""

    def __init__(self, plan: Rundown, clock: Callable[[], float] = time.time, tz: tzinfo | None = None) -> None:
        self.plan = plan
        self.clock = clock
        self.tz = tz
        self.marks: list[Mark] = []
        self.snapshot: Snapshot | None = None
        #: The segment on air (as last seen in the plan, or as its mark said when it left the plan).
        self._current: Segment | None = None
        self._started_at: float | None = None
        #: Over/under of the current segment's start as it was when taken (used when the plan cannot say).
        self._late_at_take: float | None = None
        #: The last segment taken or skipped: the next in order is the one after it.
        self._cursor_key: str | None = None
        self._cursor_index = -1
        self._armed_key: str | None = None
        self._inserted: set[str] = set()
        #: The switches this runner asked for and not yet settled: seq -> the instant of the mark that asked; and
        #: the seqs whose mark the database refused (another console's stands there): their answers are dropped.
        self._awaiting: dict[int, float] = {}
        self._lost: set[int] = set()
        self.finished = False
        #: True once the show's marks were read back from the database (resume): a runner of a resumed show that
        #: has fewer marks than its console kept had them is then known to have lost some, not to be still reading.
        self.read_back = False

    # ------------------------------------------------------------------ the plan
    def set_plan(self, plan: Rundown) -> None:
        """The plan as edited now; the runner follows it by key (an armed segment deleted is disarmed)."""
        self.plan = plan
        if self._armed_key is not None and plan.index_of(self._armed_key) is None:
            self._armed_key = None
        if self._current is not None:
            index = plan.index_of(self._current.key)
            if index is not None:
                self._current = plan.segments[index]

    @property
    def started(self) -> bool:
        return bool(self.marks)

    def _next_index(self) -> int | None:
        """The next in order: after the cursor (by key; by its old place when it was deleted). After End too: the
        segment after the last one on air is where Go takes the rundown up again."""
        segments = self.plan.segments
        if self.marks and not any(self.plan.index_of(mark.key) is not None for mark in self.marks):
            # The plan is another one now (the next show's sheet imported after End with the console left running,
            # or a sheet of new titles imported mid-show): none of its segments was on air, so Go starts it at its
            # first — not at the old plan's place, which was past its end (Go greyed out) or mid-script.
            return 0 if segments else None
        at = self.plan.index_of(self._cursor_key) if self._cursor_key is not None else None
        index = at + 1 if at is not None else max(0, self._cursor_index + (0 if self._cursor_key else 1))
        return index if index < len(segments) else None

    def _target(self) -> tuple[int, Segment] | None:
        """What Go would take: the armed segment, else the next in order."""
        if self._armed_key is not None:
            index = self.plan.index_of(self._armed_key)
            if index is not None:
                return index, self.plan.segments[index]
        index = self._next_index()
        return (index, self.plan.segments[index]) if index is not None else None

    # ------------------------------------------------------------------ actions
    def arm(self, index: int | None = None) -> Segment:
        """Arm segment `index` (None: the next in order) for the next Go."""
        if index is None:
            index = self._next_index()
            if index is None:
                raise RundownStateError(QT_TRANSLATE_NOOP("Rundown", "Nothing is left to arm."))
        if not 0 <= index < len(self.plan.segments):
            raise RundownStateError(QT_TRANSLATE_NOOP("Rundown", "There is no segment {number}."), number=index + 1)
        segment = self.plan.segments[index]
        self._armed_key = segment.key
        return segment

    def disarm(self) -> None:
        self._armed_key = None

    def go(self, who: str = "", now: float | None = None) -> Mark:
        """Take the armed (else the next) segment. With nothing left, Go ends the show (an End mark)."""
        target = self._target()
        if target is None:
            if not self.started:
                raise RundownStateError(QT_TRANSLATE_NOOP("Rundown", "The rundown has no segments to take."))
            if self.finished:
                raise RundownStateError(RESUME_NOTHING_LEFT)
            return self.end(who, now)
        index, segment = target
        action = INSERT if segment.key in self._inserted else GO
        return self._stamp(action, segment, index, who, now)

    def skip(self, who: str = "", now: float | None = None) -> Mark:
        """Pass over the segment Go would take next (stamped as skipped); the one after it becomes next."""
        if self.finished:
            raise RundownStateError(
                QT_TRANSLATE_NOOP("Rundown", "The rundown has ended: Go takes it up again, Arm chooses where.")
            )
        target = self._target()
        if target is None:
            raise RundownStateError(QT_TRANSLATE_NOOP("Rundown", "Nothing is left to skip."))
        index, segment = target
        return self._stamp(SKIP, segment, index, who, now)

    def repeat(self, who: str = "", now: float | None = None) -> Mark:
        """Take the current segment again from its start."""
        if self._current is None:
            raise RundownStateError(QT_TRANSLATE_NOOP("Rundown", "No segment is on air to repeat."))
        return self._stamp(REPEAT, self._current, self.plan.index_of(self._current.key), who, now)

    def insert_next(self, segment: Segment) -> Rundown:
        """Put `segment` right after the last segment taken or skipped (before the first Go: first) and make it
        the next; returns the plan with it. Its Go is stamped as an insert."""
        at = self._next_index()
        if at is None:
            at = len(self.plan.segments)
        if self.plan.index_of(segment.key) is not None:
            segment = segment.copy()
        segments = list(self.plan.segments)
        segments.insert(at, segment)
        self._inserted.add(segment.key)
        self.set_plan(replace(self.plan, segments=tuple(segments)))
        self._armed_key = None
        return self.plan

    def end(self, who: str = "", now: float | None = None) -> Mark:
        """End the running rundown. Not final: a Go (or an Arm, then Go) after it takes the rundown up again at the
        segment after the last one on air (or the one armed), stamped as a take after the End mark — an End
        pressed by mistake does not cost the rest of the show its timing."""
        if not self.started:
            raise RundownStateError(QT_TRANSLATE_NOOP("Rundown", "The rundown has not started."))
        if self.finished:
            raise RundownStateError(QT_TRANSLATE_NOOP("Rundown", "The rundown has already ended."))
        current = self._current
        key, title = (current.key, current.title) if current is not None else ("", "")
        mark = Mark(len(self.marks), self._now(now), key, title, None, END, who)
        self._apply(mark)
        return mark

    def replan(self, who: str = "", now: float | None = None) -> Mark | None:
        """The segment on air has another planned length in the plan than its take (or its last change on air)
        gave it: a LENGTH mark says so, when and by whom (None when nothing changed). The live strip counts the
        new length at once; without the mark the review measured the segment against the length at its Go."""
        current, take = self._current, self._open_take()
        if current is None or take is None or self.plan.index_of(current.key) is None:
            return None
        if current.planned_s == self.held_length():
            return None
        mark = Mark(
            len(self.marks),
            self._now(now),
            current.key,
            current.title,
            current.planned_s,
            LENGTH,
            who,
            index=self.plan.index_of(current.key),
        )
        self._apply(mark)
        return mark

    def held_length(self) -> int | None:
        """The planned length the segment on air runs to as the show has it stamped: its take's, else its last
        change on air (None before the first Go, after End, or for a segment without a length)."""
        take = self._open_take()
        if take is None:
            return None
        held = take.planned_s
        for mark in self.marks[self.marks.index(take) + 1 :]:
            if mark.action == LENGTH and mark.key == take.key:
                held = mark.planned_s
        return held

    def _open_take(self) -> Mark | None:
        """The take of the segment on air (None before the first Go and after End)."""
        if self._current is None:
            return None
        for mark in reversed(self.marks):
            if mark.action in TAKES:
                return mark if mark.key == self._current.key else None
            if mark.action == END:
                return None
        return None

    def settle(self, seq: int, done: bool, reason: Message | None = None) -> Mark | None:
        """The switch a take asked for went through (`done`) or was refused (`reason`); the updated mark. None
        when mark `seq` is no longer the one that asked (refused by the database: another console's stands)."""
        if not 0 <= seq < len(self.marks) or seq in self._lost:
            return None
        self._awaiting.pop(seq, None)
        why = "" if done or reason is None else json.dumps(reason.to_json(), ensure_ascii=False)
        mark = replace(self.marks[seq], outcome=DONE if done else REFUSED, reason=why)
        self.marks[seq] = mark
        return mark

    def _now(self, now: float | None) -> float:
        return self.clock() if now is None else now

    def _stamp(self, action: str, segment: Segment, index: int | None, who: str, now: float | None) -> Mark:
        scene = segment.scene if action in TAKES else ""
        mark = Mark(
            len(self.marks),
            self._now(now),
            segment.key,
            segment.title,
            segment.planned_s,
            action,
            who,
            scene,
            PENDING if scene else "",
            "",
            index,
        )
        if self.snapshot is None and action in TAKES:
            self.snapshot = Snapshot(self.plan, mark.t, self.planned_start(mark.t))
        if scene:
            self._awaiting[mark.seq] = mark.t
        self._apply(mark)
        return mark

    def _apply(self, mark: Mark) -> None:
        """One boundary's effect on the state (live and when replaying stored marks)."""
        if len(self.marks) <= mark.seq:
            self.marks.append(mark)
        if mark.action == LENGTH:
            return  # no boundary: the plan already holds the length; the arm and the cursor stay
        index = self.plan.index_of(mark.key)
        if mark.action == END:
            self._current, self._started_at, self.finished = None, None, True
            self._armed_key = None
            return
        if mark.action in TAKES:
            self.finished = False  # a take after End takes the rundown up again
            self._current = (
                self.plan.segments[index] if index is not None else Segment(mark.title, mark.planned_s, key=mark.key)
            )
            self._started_at = mark.t
            self._late_at_take = self._late(mark.key, mark.t)
        if mark.action != REPEAT:
            self._cursor_key = mark.key
            self._cursor_index = index if index is not None else (mark.index if mark.index is not None else -1)
        self._armed_key = None

    # ------------------------------------------------------------------ where the show stands
    def counted_from(self, plan: Rundown | None = None) -> Mark | None:
        """The take the show's over/under counts from: the first take of a segment the plan now holds — the show's
        first Go; or, once a plan none of whose segments had been on air is taken up (a sheet of new titles imported
        mid-show, the first segment taken deleted from the plan), that plan's first segment taken, planned to start
        when it was taken. Counting from the show's first Go, a segment not in the plan any more, made every
        planned start unknown: the strip's over/under went blank (or kept the old plan's figure) for the rest of the
        show, and after a restart too. A pure function of the marks and the plan, as every console of the room
        and a restarted one must agree."""
        plan = self.plan if plan is None else plan
        for mark in self.marks:
            if mark.action in TAKES and plan.index_of(mark.key) is not None:
                return mark
        return None

    def _fixed(self, at: clock_time, near: float) -> float:
        """A fixed start (local time of day): that time on the day before, of or after `near` (epoch s) that is
        nearest to it — within 12 hours either side."""
        day = datetime.fromtimestamp(near, self.tz)
        values = []
        for offset in (-1, 0, 1):
            date = day.date() + timedelta(days=offset)
            moment = datetime.combine(date, at, tzinfo=day.tzinfo if at.tzinfo is None else at.tzinfo)
            if moment.tzinfo is None:
                moment = moment.astimezone()
            values.append(moment.timestamp())
        return min(values, key=lambda value: abs(value - near))

    def planned_starts(self, plan: Rundown | None = None) -> dict[str, float]:
        """Each segment's planned start (epoch s) by key, from the first segment on (see the module's doc); in
        `plan` (default: the plan now)."""
        plan = self.plan if plan is None else plan
        anchor = self.counted_from(plan)
        first = plan.index_of(anchor.key) if anchor is not None else None
        if anchor is None or first is None:
            return {}
        origin = anchor.t
        starts: dict[str, float] = {}
        at = origin
        for segment in plan.segments[first:]:
            if segment.fixed_start is not None:
                at = self._fixed(segment.fixed_start, at)
            starts[segment.key] = at
            at += segment.planned_s or 0
        return starts

    def _late(self, key: str, taken_at: float) -> float | None:
        planned = self.planned_starts().get(key)
        if planned is None and self.snapshot is not None and self.plan.index_of(key) is None:
            # A segment the plan now does not hold (a sheet of new titles imported since): placed in the plan of
            # the first Go, as the console that took it placed it then — a console restarted before the new plan
            # was taken up showed no over/under for the segment still on air.
            planned = self.planned_starts(self.snapshot.plan).get(key)
        return taken_at - planned if planned is not None else self._late_at_take

    def planned_start(self, origin: float) -> float | None:
        """The show's planned start, when a fixed start gives one (see the module's doc)."""
        before = 0
        for segment in self.plan.segments:
            if segment.fixed_start is not None:
                return self._fixed(segment.fixed_start, origin + before) - before
            if segment.planned_s is None:
                return None
            before += segment.planned_s
        return None

    def actuals(self) -> tuple[tuple[str, float], ...]:
        """How long each segment taken and left was on air, all its takes summed, by key (the one on air is
        left out: its take has no end yet)."""
        took: dict[str, float] = {}
        for span in spans(self.marks, 0.0):  # an end before every take: the open take makes no span
            took[span.key] = took.get(span.key, 0.0) + (span.end - span.start)
        return tuple(took.items())

    def skipped(self) -> tuple[str, ...]:
        """The keys of the segments Skip passed over and no take has put on air since, in the order skipped."""
        last: dict[str, str] = {}
        for mark in self.marks:
            if mark.action == SKIP or mark.action in TAKES:
                last.pop(mark.key, None)
                last[mark.key] = mark.action
        return tuple(key for key, action in last.items() if action == SKIP)

    def position(self, now: float | None = None) -> Position:
        now = self._now(now)
        target = self._target()  # after End: where Go would take the rundown up again
        next_index, next_segment = target if target is not None else (None, None)
        armed = self._armed_key is not None and target is not None
        current = self._current
        if current is None or self._started_at is None:
            # Before the first Go, a first segment at a fixed time: how far off that time is.
            fixed = next_segment.fixed_start if next_segment is not None and not self.marks else None
            return Position(
                next=next_segment,
                next_index=next_index,
                armed=armed,
                fixed_in_s=self._fixed(fixed, now) - now if fixed is not None else None,
                finished=self.finished,
                actuals=self.actuals(),
                skipped=self.skipped(),
            )
        elapsed = max(0.0, now - self._started_at)
        planned = current.planned_s
        remaining = planned - elapsed if planned is not None else None
        overrun = max(0.0, elapsed - planned) if planned is not None else 0.0
        start = self.planned_starts().get(current.key)
        late = self._started_at - start if start is not None else self._late_at_take
        anchor = self.counted_from() if start is not None else None
        return Position(
            current=current,
            current_index=self.plan.index_of(current.key),
            elapsed_s=elapsed,
            remaining_s=remaining,
            next=next_segment,
            next_index=next_index,
            armed=armed,
            over_under_s=None if late is None else late + overrun,
            started_at=self._started_at,
            fixed_in_s=start - now if start is not None and current.fixed_start is not None else None,
            counted_from=anchor.title if anchor is not None else "",
            counted_since=anchor.t if anchor is not None else None,
            finished=False,
            actuals=self.actuals(),
            skipped=self.skipped(),
        )

    # ------------------------------------------------------------------ after a restart
    @classmethod
    def resume(
        cls,
        plan: Rundown,
        marks: Iterable[Mark],
        snapshot: Snapshot | None = None,
        clock: Callable[[], float] = time.time,
        tz: tzinfo | None = None,
    ) -> RundownRunner:
        """The runner as the stored marks leave it (a console restarted mid-show continues the show)."""
        runner = cls(plan, clock, tz)
        runner.snapshot = snapshot
        runner.read_back = True
        for mark in sorted(marks, key=lambda m: m.seq):
            runner.marks.append(mark)
            runner._apply(mark)
        return runner

    # ------------------------------------------------------------------ another console of the room
    def follow(self, marks: Iterable[Mark], snapshot: Snapshot | None = None) -> list[Mark]:
        """Take the show's marks as the database keeps them (another console of the room stamped some, or
        refused one of ours: its own stood at that seq): the state becomes theirs, on this runner's plan. The
        marks this runner did not have are returned (oldest first). The arm stays only when nothing was added:
        the other desk's Go was the Go it was armed for."""
        stored = sorted(marks, key=lambda m: m.seq)
        known = {(m.t, m.action, m.key, m.who) for m in self.marks}
        added = [m for m in stored if (m.t, m.action, m.key, m.who) not in known]
        fresh = RundownRunner.resume(self.plan, stored, snapshot or self.snapshot, self.clock, self.tz)
        armed = self._armed_key if not any(m.action != LENGTH for m in added) else None
        inserted = self._inserted
        kept = {seq: t for seq, t in self._awaiting.items() if seq < len(stored) and stored[seq].t == t}
        lost = self._lost | (set(self._awaiting) - set(kept))
        self.__dict__.update(fresh.__dict__)
        self._inserted = inserted | {m.key for m in stored if m.action == INSERT}
        self._awaiting, self._lost = kept, lost
        if armed is not None and self.plan.index_of(armed) is not None:
            self._armed_key = armed
        return added


# ---------------------------------------------------------------------- a plan saved away from any console
def replanned_on_air(
    plan: Rundown, marks: Iterable[Mark], snapshot: Snapshot | None, who: str, now: float
) -> tuple[Mark, int | None] | None:
    """The LENGTH mark a plan saved where no console runs the show (`onair rundown import` mid-show) stamps on the
    show as its marks leave it: the segment on air, now planned for another length than the show held; and the
    length it held until now. None when no segment is on air, it left the plan, or its length is the same —
    what a console's own edit stamps (RundownRunner.replan), so the review says both lengths either way."""
    runner = RundownRunner.resume(plan, marks, snapshot)
    held = runner.held_length()
    mark = runner.replan(who, now)
    return (mark, held) if mark is not None else None


def length_before(marks: Iterable[Mark], change: Mark) -> int | None:
    """The planned length a LENGTH mark replaced: its take's, else the change on air before it (None: none)."""
    held: int | None = None
    for mark in sorted(marks, key=lambda m: m.seq):
        if mark.seq >= change.seq:
            break
        if mark.action in TAKES:
            held = mark.planned_s if mark.key == change.key else None
        elif mark.action == LENGTH and mark.key == change.key:
            held = mark.planned_s
        elif mark.action == END:
            held = None
    return held


# ---------------------------------------------------------------------- the snapshot as stored (JSON)
def plan_to_json(plan: Rundown) -> str:
    """The plan's segments as JSON (the show's snapshot): every field, the price as a string."""
    rows = []
    for segment in plan.segments:
        row: dict[str, Any] = {
            "key": segment.key,
            "title": segment.title,
            "planned_s": segment.planned_s,
            "fixed_start": segment.fixed_start.isoformat() if segment.fixed_start is not None else None,
            "scene": segment.scene,
            "talking_points": segment.talking_points,
            "cues": segment.cues,
            "colour": segment.colour,
            "product": None,
        }
        if segment.product is not None:
            price = segment.product.price
            row["product"] = {
                "name": segment.product.name,
                "price": str(price) if price is not None else None,
                "sku": segment.product.sku,
            }
        rows.append(row)
    return json.dumps(rows, ensure_ascii=False)


def plan_from_json(room: str, text: str) -> Rundown:
    """The snapshot's plan back (what plan_to_json wrote; a damaged one reads as an empty plan)."""
    try:
        rows = json.loads(text)
    except ValueError:
        return Rundown(room)
    segments = []
    for row in rows if isinstance(rows, list) else []:
        if not isinstance(row, dict) or "key" not in row:
            continue
        product = None
        if isinstance(row.get("product"), dict):
            raw = row["product"]
            try:
                price = Decimal(raw["price"]) if raw.get("price") is not None else None
            except InvalidOperation:
                price = None
            product = Product(str(raw.get("name") or ""), price, str(raw.get("sku") or ""))
        fixed = row.get("fixed_start")
        segments.append(
            Segment(
                title=str(row.get("title") or ""),
                planned_s=row.get("planned_s"),
                fixed_start=clock_time.fromisoformat(fixed) if fixed else None,
                scene=str(row.get("scene") or ""),
                product=product,
                talking_points=str(row.get("talking_points") or ""),
                cues=str(row.get("cues") or ""),
                colour=str(row.get("colour") or ""),
                key=str(row["key"]),
            )
        )
    return Rundown(room, tuple(segments))


def over_under_text(seconds: float | None) -> str:
    """ "+2:30" (behind) / "−1:05" (ahead) / "" (not known): the figure the strip and the review print."""
    if seconds is None:
        return ""
    sign = "+" if seconds >= 0 else "−"
    whole = round(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes}:{secs:02d}"


__all__ = [
    "ACTIONS",
    "DONE",
    "END",
    "GO",
    "INSERT",
    "LENGTH",
    "PENDING",
    "REFUSED",
    "REPEAT",
    "SKIP",
    "Change",
    "Mark",
    "RundownRunner",
    "RundownStateError",
    "Snapshot",
    "Span",
    "changed_on_air",
    "length_before",
    "over_under_text",
    "plan_from_json",
    "plan_to_json",
    "planned_cell",
    "replanned_on_air",
    "spans",
]
