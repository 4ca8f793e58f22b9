"""What a telemetry graph shows, computed without Qt: the window's time range, the series reduced to what a
pane of so many pixels can show, the y-axis scale, the second under the crosshair and the rows of a CSV
export. widgets/telemetry_graph.py only plots these (and can be replaced without touching them)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import numpy as np
import numpy.typing as npt

from console.core.telemetry.channels import INDEX

Floats = npt.NDArray[np.float64]

#: Following live, a finite window moves in this many steps per window length (see follow_range).
SCROLL_STEPS = 10


def follow_range(first: float, now_wall: float, window: float | None) -> tuple[float, float]:
    """The time axis (wall-clock seconds) while following live: the whole show from its first second, or a
    window that moves in steps of a tenth of its length, the newest second travelling across the last tenth
    in between — the axis is laid out again every step, not every second."""
    if window is None:
        return first, now_wall
    step = window / SCROLL_STEPS
    right = math.ceil((now_wall + 0.5) / step) * step
    return right - window, right


def round_top(value: float, current: float | None) -> float:
    """A round y-axis top (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ) at or above `value`; the current top is
    kept while the data stays between 40 % and 100 % of it, so the axis does not change with every second's
    noise."""
    if current is not None and 0.4 * current <= value <= current:
        return current
    magnitude = 10.0 ** math.floor(math.log10(value)) if value > 0 else 1.0
    for factor in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if value <= factor * magnitude + 1e-9:
            return factor * magnitude
    return 10.0 * magnitude


#: A pane in this unit shows shares of a whole (CPU, dropped frames): none of its figures can exceed 100.
PERCENT_UNIT = "%"
PERCENT_CEILING = 100.0


def axis_ceiling(unit: str, fixed_top: float | None = None) -> float | None:
    """The highest value a pane's axis may reach with data and labels: its fixed top, else 100 for a percentage,
    else none (the data sets it)."""
    if fixed_top is not None:
        return fixed_top
    return PERCENT_CEILING if unit == PERCENT_UNIT else None


def axis_top(
    peak: float,
    *,
    unit: str,
    min_top: float,
    fixed_top: float | None = None,
    free: float = 0.0,
    margin: float = 1.15,
    current: float | None = None,
) -> float:
    """The top of a pane's y axis (0 at its foot) for data and reference lines reaching `peak`, every graph's: a
    round value (`round_top`, held while the data wanders, `current` being the top shown now) `margin` above the
    data and with the fraction `free` of the height kept above it for names. A pane's ceiling (`axis_ceiling`:
    100 for a percentage) is as high as the data part ever goes — a share of dropped frames near 100 % once set
    the axis at 150 % — with the free strip above it."""
    free = min(max(free, 0.0), 0.9)
    ceiling = axis_ceiling(unit, fixed_top)
    if fixed_top is not None and ceiling is not None:
        return ceiling / (1.0 - free)
    top = round_top(max(peak * margin, peak / (1.0 - free), min_top), current)
    if ceiling is not None and top > ceiling / (1.0 - free):
        return ceiling / (1.0 - free)
    return top


def series_column(values: Any, channel: str, instead: str | None = None) -> Floats:
    """A series' values, one per second (rows of the ring's channels): `channel`, and in the seconds it is unknown,
    `instead` (OBS's share of the CPU: its process, read over the same second as the machine's total, where OBS runs
    here; else OBS's own figure). Unknown in both stays unknown."""
    column = np.array(values[:, INDEX[channel]], dtype=np.float64)
    if instead is not None:
        column = np.where(np.isfinite(column), column, np.asarray(values[:, INDEX[instead]], dtype=np.float64))
    return column


def column_peaks(x: Any, y: Any, pixels: int) -> tuple[Floats, Floats]:
    """At most ~2 points per pixel column, each the column's highest (unknown stays unknown): a filled area
    over 8 hours of seconds is then a few hundred points, not 28,800 (filling is the costly part)."""
    column = np.asarray(y, dtype=np.float64)
    per = max(1, len(column) // max(1, 2 * pixels))
    if per == 1:
        return np.asarray(x, dtype=np.float64), column
    usable = len(column) // per * per
    peaks = np.fmax.reduce(column[:usable].reshape(-1, per), axis=1)
    return np.asarray(x[:usable:per], dtype=np.float64), peaks


def min_max_columns(x: Any, y: Any, pixels: int) -> tuple[Floats, Floats]:
    """A long window reduced to the lowest and the highest value of each pixel column (a spike stays a
    spike, a gap stays a gap): what is handed to the plot stays ~4 points per pixel however long the
    show, so neither the drawing nor the memory grows with it."""
    column = np.asarray(y, dtype=np.float64)
    per = max(1, len(column) // max(1, 2 * pixels))
    if per < 4:
        return np.asarray(x, dtype=np.float64), column
    usable = len(column) // per * per
    blocks = column[:usable].reshape(-1, per)
    with np.errstate(invalid="ignore"):
        lows, highs = np.fmin.reduce(blocks, axis=1), np.fmax.reduce(blocks, axis=1)
    xs = np.asarray(x[:usable:per], dtype=np.float64)
    step = float(x[per] - x[0]) / 2 if usable > per else 0.5
    out_x = np.empty(2 * len(xs))
    out_x[0::2], out_x[1::2] = xs, xs + step
    out_y = np.empty(2 * len(xs))
    out_y[0::2], out_y[1::2] = lows, highs
    tail_x, tail_y = np.asarray(x[usable:], dtype=np.float64), column[usable:]
    return np.concatenate([out_x, tail_x]), np.concatenate([out_y, tail_y])


def robust_peak(column: Any, clip_outliers: bool = True) -> float | None:
    """The highest value that is not an outlier: above the upper quartile by more than three times the
    interquartile range (Tukey's far-out fence) counts as one. A steady stream with a few seconds of other
    traffic keeps its own scale; a level that really doubled for a while is no outlier and sets the scale.
    Without `clip_outliers`, simply the highest known value. None when nothing is known."""
    values = np.asarray(column, dtype=np.float64)
    finite = values[np.isfinite(values)]
    if not len(finite):
        return None
    peak = float(finite.max())
    if not clip_outliers or len(finite) < 8:
        return peak
    lower, upper = np.percentile(finite, (25.0, 75.0))
    return min(peak, float(upper + 3.0 * (upper - lower)))


def seconds_per_pixel(times: Any, now: float, window: float | None, pixels: float) -> float:
    """How many seconds one pixel of the time axis spans (the whole show: from its first second)."""
    span = window if window is not None else (now - float(times[0]) if len(times) else 0.0)
    return span / max(1.0, pixels)


def nearest_index(times: Any, t: float) -> int | None:
    """The index of the second nearest to `t` (monotonic seconds) in sorted `times`; None if there is none."""
    if not len(times):
        return None
    index = int(np.clip(np.searchsorted(times, t), 0, len(times) - 1))
    if index > 0 and abs(times[index - 1] - t) < abs(times[index] - t):
        index -= 1
    return index


def reading(value: float, counts: bool) -> str:
    """A value as the crosshair reads it out: whole numbers for counts, one decimal otherwise, "—" unknown."""
    if math.isnan(value):
        return "—"
    return f"{value:.0f}" if counts else f"{value:.1f}"


def export_rows(
    times: Any, values: Any, wall_offset: float, right: float, channels: Sequence[str], counts: set[str]
) -> tuple[list[str], list[tuple[object, ...]]]:
    """The header and rows of a series CSV: one row per second up to `right` (wall-clock), the time in the
    local ISO form, one column per channel; counts rounded to whole numbers, others to 3 decimals, unknown
    an empty cell (None)."""
    rows: list[tuple[object, ...]] = []
    for t, row in zip(times, values, strict=True):
        wall = float(t) + wall_offset
        if wall > right:
            break
        cells: list[object] = [datetime.fromtimestamp(wall).astimezone().isoformat(timespec="seconds")]
        for channel in channels:
            value = float(row[INDEX[channel]])
            cells.append(None if math.isnan(value) else round(value) if channel in counts else round(value, 3))
        rows.append(tuple(cells))
    return ["time", *channels], rows
