"""What a rundown is: plain frozen dataclasses shared by its storage, its import/export, its live runner and the
Qt views (the Rundown dock, the talent screen). No Qt, no SQL, no I/O.

A rundown belongs to a room (the demo room is the room ``demo``, as everywhere). Its segments are in running
order; each has a planned length in whole seconds, or a fixed wall-clock start (``fixed_start``, local time of
day: the segment starts then whatever came before), or both (the fixed start wins for its start, the length
still says when it is planned to end). A segment's ``key`` is its identity across edits (reordering, renaming),
so what the runner stamps on a show refers to the segment it was even after the plan changes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, time
from decimal import Decimal

from obs.text import Translate

#: The colours a segment can be marked with (the dock's palette; "" = none). Planners colour by kind of segment.
COLOURS = ("", "#c0392b", "#d35400", "#f1c40f", "#27ae60", "#16a085", "#2980b9", "#8e44ad", "#7f8c8d")

#: Bounds of what a planner types (a title is a line on a TV, talking points a card or two).
MAX_TITLE = 200
MAX_TEXT = 5_000
MAX_SEGMENTS = 500
MAX_PLANNED_S = 24 * 3600


def new_key() -> str:
    """A fresh segment identity (32 hex digits)."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Product:
    """The product a segment sells. `price` in yuan (or the room's currency), None when not said; `sku` the
    platform's item id or the team's own code, "" when not said."""

    name: str
    price: Decimal | None = None
    sku: str = ""


def price_text(price: Decimal) -> str:
    """A price as the dock shows it and a planner types it back: yuan, with fen only when there are any ("259",
    "9.90"). One form whatever the price came from: the database gives "259.00" back for a typed "259", and the
    table showed ¥259 before a restart and ¥259.00 after it."""
    cents = price.quantize(Decimal("0.01"))
    return f"{cents:.0f}" if cents == cents.to_integral_value() else f"{cents:.2f}"


@dataclass(frozen=True)
class Segment:
    """One segment of the plan. Empty strings: not said. `planned_s` None only when `fixed_start` is set."""

    title: str
    planned_s: int | None = None
    fixed_start: time | None = None
    #: The OBS scene to switch to when the segment is taken ("" = stay on the scene that is on program).
    scene: str = ""
    product: Product | None = None
    #: For the host (the talent screen shows them).
    talking_points: str = ""
    #: For the assistant (the dock shows them; never on the talent screen).
    cues: str = ""
    #: One of COLOURS.
    colour: str = ""
    key: str = field(default_factory=new_key)

    def copy(self) -> Segment:
        """The same segment under a new identity (the dock's Duplicate, a repeat inserted on the fly)."""
        return replace(self, key=new_key())


def heading(segment: Segment) -> str:
    """A segment as the host and the event log say it: its title, then what it sells and at what price ("主推款 ·
    持妆粉底液 · ¥259"). The title alone left three segments a sheet titles “主推款” (one per product) alike — on the
    talent screen and in the event log's "Go: “主推款”" three times; a product the title already names is not said
    twice."""
    product = segment.product
    if product is None:
        return segment.title
    parts = [segment.title]
    if product.name and product.name not in segment.title:
        parts.append(product.name)
    if product.price is not None:
        parts.append(f"¥{price_text(product.price)}")
    return " · ".join(parts)


@dataclass(frozen=True)
class Rundown:
    """A room's plan. `updated_at`/`updated_by`: the last save (None/"" for one never saved)."""

    room: str
    segments: tuple[Segment, ...] = ()
    updated_at: datetime | None = None
    updated_by: str = ""

    @property
    def planned_s(self) -> int:
        """The sum of the segments' planned lengths (segments without one count 0)."""
        return sum(segment.planned_s or 0 for segment in self.segments)

    def index_of(self, key: str) -> int | None:
        for index, segment in enumerate(self.segments):
            if segment.key == key:
                return index
        return None

    def keeping_keys_of(self, earlier: Rundown) -> Rundown:
        """This plan (a sheet just read: its segments have new identities) with each segment under the identity
        of the segment of the same title in `earlier` (the room's plan it replaces): the n-th “主推款” takes the
        n-th “主推款”'s key. A sheet read again mid-show — a price corrected, a segment added — is then the same
        show: the runner still knows the segment on air, the first one taken (the show's over/under, lost until
        then for the rest of the show), the armed one and what each past segment took. A title new to the plan
        keeps its new identity."""
        free: dict[str, list[str]] = {}
        for segment in earlier.segments:
            free.setdefault(segment.title, []).append(segment.key)
        kept = []
        for segment in self.segments:
            keys = free.get(segment.title)
            kept.append(replace(segment, key=keys.pop(0)) if keys else segment)
        return replace(self, segments=tuple(kept))


@dataclass(frozen=True)
class Position:
    """Where a running show stands against its rundown at one instant — what the live strip of the dock and the
    talent screen draw. Times in seconds; None where not known or not applicable."""

    #: The segment on air now and its index in the rundown (None before the first Go and after the end).
    current: Segment | None = None
    current_index: int | None = None
    #: Since the current segment was taken.
    elapsed_s: float = 0.0
    #: Planned length minus elapsed (negative: over by that much); None when the segment has no length.
    remaining_s: float | None = None
    #: What Go would take next (the armed segment when one is armed, else the next in order).
    next: Segment | None = None
    next_index: int | None = None
    #: True while a segment is armed and waiting for Go.
    armed: bool = False
    #: The whole show against the plan: positive = behind ("+2:30 behind"), negative = ahead; None before Go.
    over_under_s: float | None = None
    #: Epoch seconds the current segment was taken.
    started_at: float | None = None
    #: The take the over/under counts from (RundownRunner.counted_from: the first Go, or the first take of a plan
    #: taken up mid-show): its segment's title and when it was taken (None: nothing counts yet).
    counted_from: str = ""
    counted_since: float | None = None
    #: Seconds from now to the fixed start (a time of day) of the segment on air, or before the first Go of the
    #: segment Go takes (negative: that time has passed); None when that segment has no fixed start. A show taken
    #: hours before its 20:00 segment read "ahead −3:54:29": the strip says the time and how far off it is.
    fixed_in_s: float | None = None
    #: True once the last segment has ended (or End was called).
    finished: bool = False
    #: How long each segment taken and left was on air (seconds, all its takes), by key; not the one on air.
    #: From the stored marks, so a console restarted mid-show still knows them.
    actuals: tuple[tuple[str, float], ...] = ()
    #: The segments passed over with Skip and not taken since (by key): the plan's table says so, where a skipped
    #: row read like one still to come.
    skipped: tuple[str, ...] = ()


@dataclass(frozen=True)
class Imported:
    """A sheet imported into a room: the plan as stored, and what the planner is told of it, line by line, in their
    language — the lines `onair rundown import` prints (console/core/rundown/import_report.py): the segments and
    the planned total, how the scenes were checked, the columns left out, the totals rows skipped, the plan it
    replaced. The dock said only the segments' number, so a planner never learnt a column of theirs was not read."""

    plan: Rundown
    lines: tuple[str, ...] = ()
    #: The same lines said in another language (`said(translate)`): a language switch rebuilds the dock, which says
    #: them again in the new one. None: only `lines` are known.
    said: Callable[[Translate], tuple[str, ...]] | None = field(default=None, compare=False, repr=False)
