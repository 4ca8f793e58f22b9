"""Where the marker names go on a graph: in lanes along the top of the plot, each beside its line, none over
another or over the legend, none cut at an edge. Pure geometry in pixels (no Qt), so it is tested alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: Pixels between a marker line and its name, and between two names in one lane.
GAP = 3.0


@dataclass(frozen=True)
class Wanted:
    """A name to place: its marker line's x and the name's width, in pixels from the plot's left edge."""

    x: float
    width: float


@dataclass(frozen=True)
class Placed:
    index: int  # into the wanted list
    lane: int  # 0 = the top lane
    left: float  # the name's left edge, pixels
    width: float  # the width it is given (narrower than wanted when it had to be shortened)


def lay_out(
    wanted: Sequence[Wanted], plot_width: float, lanes: int, taken: Sequence[tuple[int, float, float]] = ()
) -> list[Placed]:
    """Place names in the order given (the most important first). A name goes right of its line, or left of
    it where the right would cross the edge or another name, in the highest lane where it fits; a name wider
    than the plot is given the plot's width (the caller shortens it); a name with no room is left out (the
    crosshair read-out still says it). `taken` = (lane, left, right) already occupied, e.g. by the legend."""
    occupied: dict[int, list[tuple[float, float]]] = {}
    for lane, left, right in taken:
        occupied.setdefault(lane, []).append((left, right))
    placed: list[Placed] = []
    for index, name in enumerate(wanted):
        if not 0.0 <= name.x <= plot_width:
            continue  # its line is outside the plot: naming it would point nowhere
        width = min(name.width, plot_width)
        right_of = name.x + GAP
        left_of = name.x - GAP - width
        # Neither side fits (a wide name near an edge): as close to the line as the edges allow.
        nearest = min(max(0.0, name.x - width / 2), plot_width - width)
        candidates = [c for c in (right_of, left_of) if c >= 0.0 and c + width <= plot_width] or [nearest]
        spot = next(
            (
                (lane, left)
                for lane in range(lanes)
                for left in candidates
                if all(left + width + GAP <= a or b + GAP <= left for a, b in occupied.get(lane, []))
            ),
            None,
        )
        if spot is None:
            continue
        lane, left = spot
        occupied.setdefault(lane, []).append((left, left + width))
        placed.append(Placed(index, lane, left, width))
    return placed
