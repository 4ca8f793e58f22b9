"""A show's segments by its rundown as every output of the review shows them — the show window, the XLSX, the PDF
and `onair report --show` render these rows and never compute their own. Qt-free, pure.

One row per take (Go, Repeat, Insert: until the next take or End; its audience and incidents from segment_table),
and one row per segment Skip passed over and no take ever put on air, where the show passed over it — in the order
the show met them, so a planner reads every segment of the plan the show reached: the ones run (planned, actual,
vs plan) and the ones skipped (said as skipped, their planned length, no actual). A segment skipped and taken later
after all is a run segment (its take's row), not a skipped one.

The totals (`RundownTotals`, said in `TOTALS_NOTE`):
- *Planned*: the planned lengths of the segments in the table, each segment once — a skipped one too, a repeated
  one once (the length it ran to: the last one given on air);
- *Actual*: the time on air of every take (each to the second, as its row says it, so the column adds up);
- *vs plan*: over the segments with a planned length, their takes' time on air minus their planned length — a
  skipped segment counts its whole length as time gained (as the live strip counts it), a repeat counts its second
  take as time lost. A segment without a planned length (a fixed start only) is in Actual, not in Planned or vs plan,
  and the note says how many there were.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.core.review.bundle import ShowBundle
from console.core.review.segments import SegmentRow
from console.core.rundown.live import SKIP, TAKES, Span
from obs.text import QT_TRANSLATE_NOOP, Message

CONTEXT = "RundownReview"

#: The actual cell of a skipped segment (the Rundown dock says "5:00 → skipped" alike).
SKIPPED = QT_TRANSLATE_NOOP("RundownReview", "skipped")
#: The label of the totals row.
TOTAL = QT_TRANSLATE_NOOP("RundownReview", "Total: {segments} segments ({run} run, {skipped} skipped)")
TOTAL_ONE = QT_TRANSLATE_NOOP("RundownReview", "Total: 1 segment ({run} run, {skipped} skipped)")
#: What the totals count (under the table, in the XLSX, in the terminal; the window's tooltip).
TOTALS_NOTE = QT_TRANSLATE_NOOP(
    "RundownReview",
    "Totals: the planned length counts every segment in the table once (a skipped one too, a repeated one once); "
    "the time on air counts every take; over/under is the time on air less the planned length, over the segments "
    "with a planned length — a skipped segment's whole length counts as time gained, a repeat's second take as time "
    "lost.",
)
WITHOUT_LENGTH_ONE = QT_TRANSLATE_NOOP(
    "RundownReview",
    "1 segment had no planned length (a fixed start only): its time on air is counted, but not in the planned "
    "length or the over/under.",
)
WITHOUT_LENGTH = QT_TRANSLATE_NOOP(
    "RundownReview",
    "{count} segments had no planned length (a fixed start only): their time on air is counted, but not in the "
    "planned length or the over/under.",
)
#: Said only when there are more takes than segments run: never of 1 take.
REPEATS = QT_TRANSLATE_NOOP("RundownReview", "{takes} takes: a segment taken again counts its planned length once.")


def words(template: str, **fields: object) -> Message:
    return Message(template, fields, CONTEXT)


@dataclass(frozen=True)
class RundownRow:
    """One line of the table by rundown. A run segment has its take (`span`) and figures (`row`); a skipped one
    has neither, `start` being the instant Skip passed over it."""

    key: str
    label: str
    start: float
    # The planned length: for a take the one it ran to (changed on air: the last one given), for a skipped one
    # the one it had when skipped; None: it had none.
    planned_s: int | None
    span: Span | None = None
    row: SegmentRow | None = None

    @property
    def skipped(self) -> bool:
        return self.span is None

    @property
    def actual_s(self) -> float | None:
        """Its time on air (None: skipped)."""
        return self.row.duration_s if self.row is not None else None

    @property
    def over_s(self) -> float | None:
        """Actual minus planned (+ over, − under); a skipped segment is under by its whole length; None when it
        had no planned length."""
        if self.planned_s is None:
            return None
        return (self.actual_s or 0.0) - self.planned_s


@dataclass(frozen=True)
class RundownTotals:
    """The table's totals (see the module's doc for what each counts)."""

    segments: int
    run: int
    skipped: int
    takes: int
    planned_s: int
    actual_s: float
    over_s: float
    # Segments in the table without a planned length (in `actual_s`, not in `planned_s` nor `over_s`).
    without_length: int

    @property
    def label(self) -> Message:
        return words(
            TOTAL_ONE if self.segments == 1 else TOTAL, segments=self.segments, run=self.run, skipped=self.skipped
        )

    @property
    def notes(self) -> tuple[Message, ...]:
        """What the totals count, then what the reader must know of this show's (repeats, segments without a
        length)."""
        out = [words(TOTALS_NOTE)]
        if self.takes > self.run:
            out.append(words(REPEATS, takes=self.takes))
        if self.without_length:
            out.append(
                words(WITHOUT_LENGTH_ONE if self.without_length == 1 else WITHOUT_LENGTH, count=self.without_length)
            )
        return tuple(out)


@dataclass(frozen=True)
class RundownTable:
    rows: tuple[RundownRow, ...]
    totals: RundownTotals

    @property
    def run_rows(self) -> tuple[RundownRow, ...]:
        return tuple(row for row in self.rows if not row.skipped)


def rundown_table(bundle: ShowBundle) -> RundownTable | None:
    """The show's table by rundown (None: the show did not run from its rundown)."""
    data = bundle.data
    if not data.rundown_marks:
        return None
    spans = data.rundown_spans()
    labels = [label for _, _, label in data.rundown_segments()]
    figures = bundle.segments_for(data.rundown_segments())
    taken_keys = {span.key for span in spans}
    runs = iter(zip(spans, figures, labels, strict=True))
    rows: list[RundownRow] = []
    passed: set[str] = set()
    for mark in sorted(data.rundown_marks_on_stored_clock(), key=lambda m: (m.t, m.seq)):
        if mark.action in TAKES:
            run = next(runs, None)
            if run is not None:  # a last take at the show's last second has no span
                span, figure, label = run
                rows.append(RundownRow(span.key, label, figure.segment.start, span.final_s, span, figure))
        elif mark.action == SKIP and mark.key not in taken_keys and mark.key not in passed:
            passed.add(mark.key)
            rows.append(RundownRow(mark.key, data.rundown_label(mark.key, mark.title), mark.t, mark.planned_s))
    return RundownTable(tuple(rows), _totals(rows))


def _totals(rows: list[RundownRow]) -> RundownTotals:
    planned: dict[str, int | None] = {}
    actual: dict[str, float] = {}
    for row in rows:
        planned[row.key] = row.planned_s  # a repeated segment: the length its last take ran to
        # Each take to the second, as its row says it: the totals add up to the rows a reader adds.
        actual[row.key] = actual.get(row.key, 0.0) + round(row.actual_s or 0.0)
    with_length = [key for key, length in planned.items() if length is not None]
    planned_s = sum(planned[key] or 0 for key in with_length)
    run = {row.key for row in rows if not row.skipped}
    return RundownTotals(
        segments=len(planned),
        run=len(run),
        skipped=len(planned) - len(run),
        takes=sum(1 for row in rows if not row.skipped),
        planned_s=planned_s,
        actual_s=sum(actual.values()),
        over_s=sum(actual[key] for key in with_length) - planned_s,
        without_length=len(planned) - len(with_length),
    )


__all__ = ["SKIPPED", "RundownRow", "RundownTable", "RundownTotals", "rundown_table"]
