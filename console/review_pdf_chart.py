"""The show report's charts, drawn as vectors with QPainter (on the QPdfWriter, so a reader zooms without blur):
one shared time axis in the reader's local time, finding episodes as bands, stored gaps as gaps.

An 8-hour show has 28,800 seconds per channel, far more than a printed line can show: each channel is reduced to
the lowest and highest known value per column of the plot (about two columns a point, `COLUMNS_PER_PT`), and the
line runs down and up through them — every peak and trough stays visible, the file stays small, and drawing costs
the same for a short show as for a long one. A line breaks where the show has no stored second or the figure was
not known for longer than a gap (GAP_S): nothing is drawn across what was not measured.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from console.core.review.load import GAP_S, Episode, Floats, ShowData
from console.core.review.timeline import SceneSpan, union_spans
from console.core.telemetry.graph_data import axis_top, robust_peak, series_column
from console.graphs import GRAPHS

#: Plot columns per printed point: about 144 per inch, finer than the eye tells apart on paper.
COLUMNS_PER_PT = 2.0

#: Band colours by how bad a finding got (1 info, 2 warning, 3 critical): the live graphs' warning and danger.
BAND = {1: QColor(120, 144, 156, 60), 2: QColor(240, 192, 64, 90), 3: QColor(224, 49, 47, 80)}
GAP_FILL = QColor(150, 150, 150, 70)
AXIS = QColor(90, 90, 90)
GRID = QColor(215, 215, 215)
TEXT = QColor(30, 30, 30)
MUTED = QColor(110, 110, 110)

#: Tick steps in seconds, the first that leaves room between labels is taken.
STEPS = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600)


@dataclass(frozen=True)
class Line:
    """One channel on a chart: its name in the data, its label (already in the reader's language), its colour."""

    channel: str
    label: str
    color: str
    #: a channel drawn in the seconds `channel` is unknown (graph_data.series_column)
    instead: str | None = None


@dataclass(frozen=True)
class Columns:
    """A channel reduced to plot columns: for each column with a known value, its index, lowest and highest value,
    and whether the line continues from the previous such column (False: a break)."""

    index: np.ndarray
    low: Floats
    high: Floats
    joined: np.ndarray


def reduce_columns(t: Floats, values: Floats, start: float, end: float, count: int, gap_s: float = GAP_S) -> Columns:
    """The lowest and highest known value in each of `count` equal columns of [start, end]. A column is joined to
    the previous column with a value unless more than `gap_s` seconds without a known value lie between them."""
    known = np.isfinite(values)
    t, values = t[known], values[known]
    if not t.size or end <= start:
        empty = np.empty(0)
        return Columns(empty.astype(np.int64), empty, empty, empty.astype(bool))
    index = np.clip(((t - start) / (end - start) * count).astype(np.int64), 0, count - 1)
    firsts = np.flatnonzero(np.r_[True, np.diff(index) > 0])
    lasts = np.r_[firsts[1:], t.size] - 1
    low: Floats = np.minimum.reduceat(values, firsts)
    high: Floats = np.maximum.reduceat(values, firsts)
    joined = np.r_[False, (t[firsts[1:]] - t[lasts[:-1]]) <= gap_s]
    return Columns(index[firsts], low, high, joined)


def time_ticks(start: float, end: float, most: int) -> tuple[list[float], str]:
    """Tick moments on whole local-clock steps (every 15 min at 00, 15, 30, 45 by the reader's clock) and the
    strftime format of their labels: at most `most` ticks."""
    span = max(end - start, 1.0)
    step = next((s for s in STEPS if span / s <= most), STEPS[-1])
    offset = datetime.fromtimestamp(start).astimezone().utcoffset()
    shift = offset.total_seconds() if offset is not None else 0.0
    first = math.ceil((start + shift) / step) * step - shift
    ticks = list(np.arange(first, end + 1e-6, step)) if first <= end else []
    return [float(tick) for tick in ticks], "%H:%M:%S" if step < 60 else "%H:%M"


class Axis:
    """The horizontal axis every chart and the scene timeline share: epoch seconds -> x within a plot rect."""

    def __init__(self, start: float, end: float, left: float, width: float) -> None:
        self.start, self.end = start, max(end, start + 1.0)
        self.left, self.width = left, width

    def x(self, t: float) -> float:
        return self.left + (t - self.start) / (self.end - self.start) * self.width


@dataclass(frozen=True)
class Chart:
    """One chart: a title (with the unit of its figures), its lines and what to say when nothing is known."""

    title: str
    lines: tuple[Line, ...]
    unknown: str
    #: A floor for the axis top (percentages read better on at least 0-5 % than on 0-0.01 %).
    min_top: float = 0.0
    #: The figures' unit: a percentage's axis stops at 100 (graph_data.axis_top, as every graph's).
    unit: str = ""
    #: Whether a few outlying seconds are left off the scale (graph_data.robust_peak), as the live and review
    #: graphs of the same figures do (`clips_outliers`): the line runs off the top there.
    clip_outliers: bool = False


def clips_outliers(channel: str) -> bool:
    """Whether the graphs (console/graphs.py) leave outliers of `channel` off their scale: one 3.1 Mbit/s burst
    (OBS flushing its backlog after a freeze) set the report's bitrate axis to 4,000 and flattened the steady
    trace the console's own graph showed on a 3,000 axis."""
    return any(
        pane.clip_outliers
        for graph in GRAPHS
        for pane in graph.panes
        if any(series.channel == channel for series in pane.series)
    )


def chart_top(data: ShowData, chart: Chart) -> float | None:
    """The top of a chart's axis (0 at its foot; None when none of its figures is known), decided as the graphs
    decide theirs (graph_data.robust_peak, axis_top): outliers left off the scale where the graphs leave them off,
    a percentage stopping at 100, a round figure at least 5 % above the highest point kept."""
    peaks = [
        peak
        for line in chart.lines
        if (peak := robust_peak(series_column(data.values, line.channel, line.instead), chart.clip_outliers))
        is not None
    ]
    return axis_top(max(peaks), unit=chart.unit, min_top=chart.min_top, margin=1.05) if peaks else None


class ChartPainter:
    """Paints charts of one show on one device: the fonts and unit size (device units per point) are the
    report's; `bands` and `gaps` are drawn on every chart."""

    def __init__(
        self,
        data: ShowData,
        font: QFont,
        small: QFont,
        unit: float,
        gaps: Sequence[tuple[float, float]],
        bands: Sequence[Episode],
    ) -> None:
        self.data, self.font, self.small, self.u = data, font, small, unit
        self.gaps, self.bands = gaps, bands

    def axis(self, rect: QRectF) -> Axis:
        """The plot's time axis inside a block of `rect`: a gutter for the figures on the left."""
        gutter = 34 * self.u
        return Axis(self.data.start, self.data.end, rect.left() + gutter, rect.width() - gutter - 4 * self.u)

    def paint(self, painter: QPainter, rect: QRectF, chart: Chart) -> None:
        u = self.u
        axis = self.axis(rect)
        painter.setFont(self.font)
        metrics = QFontMetricsF(self.font, painter.device())
        painter.setPen(TEXT)
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), metrics.height()), chart.title)
        self._legend(painter, rect, chart)
        small = QFontMetricsF(self.small, painter.device())
        plot = QRectF(axis.left, rect.top() + metrics.height() + 4 * u, axis.width, 0.0)
        plot.setBottom(rect.bottom() - small.height() - 3 * u)
        count = max(8, int(axis.width / u * COLUMNS_PER_PT))
        reduced = [
            (
                line,
                reduce_columns(
                    self.data.t,
                    series_column(self.data.values, line.channel, line.instead),
                    axis.start,
                    axis.end,
                    count,
                ),
            )
            for line in chart.lines
        ]
        highs = [float(c.high.max()) for _, c in reduced if c.high.size]
        top = chart_top(self.data, chart) or 1.0
        self._backdrop(painter, plot, axis)
        self._grid(painter, plot, top, figures=bool(highs))
        self._time_labels(painter, plot, axis)
        if not highs:
            painter.setPen(MUTED)
            painter.setFont(self.font)
            painter.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), chart.unknown)
            return
        painter.save()
        painter.setClipRect(plot.adjusted(0, -u, 0, u))
        for line, columns in reduced:
            self._line(painter, plot, axis, columns, top, QColor(line.color), count)
        painter.restore()

    def _legend(self, painter: QPainter, rect: QRectF, chart: Chart) -> None:
        if len(chart.lines) < 2:
            return
        u = self.u
        painter.setFont(self.small)
        metrics = QFontMetricsF(self.small, painter.device())
        x = rect.right()
        for line in reversed(chart.lines):
            width = metrics.horizontalAdvance(line.label)
            x -= width
            painter.setPen(TEXT)
            painter.drawText(QPointF(x, rect.top() + metrics.ascent()), line.label)
            x -= 12 * u
            painter.setPen(QPen(QColor(line.color), 2 * u))
            middle = rect.top() + metrics.ascent() - metrics.xHeight() / 2
            painter.drawLine(QPointF(x, middle), QPointF(x + 9 * u, middle))
            x -= 8 * u

    def _backdrop(self, painter: QPainter, plot: QRectF, axis: Axis) -> None:
        """Findings as bands (by how bad they got) and stored gaps hatched, under the lines."""
        least = 0.8 * self.u  # a one-second episode of an 8-hour show is still seen
        painter.setPen(Qt.PenStyle.NoPen)
        # One layer of colour wherever a finding was open, the worst one's: translucent bands laid one over another
        # read as a worse severity than the legend has (review17: two critical findings overlapping were a darker
        # red, a warning within a critical one orange).
        covered: list[tuple[float, float]] = []
        for rank in sorted({episode.rank for episode in self.bands}, reverse=True):
            spans = union_spans(
                (axis.x(e.start), max(axis.x(e.end), axis.x(e.start) + least)) for e in self.bands if e.rank == rank
            )
            painter.setBrush(BAND.get(rank, BAND[1]))
            for left, right in _without(spans, covered):
                painter.drawRect(QRectF(left, plot.top(), right - left, plot.height()))
            covered = union_spans([*covered, *spans])
        for before, after in self.gaps:
            left, right = axis.x(before), axis.x(after)
            area = QRectF(left, plot.top(), max(right - left, least), plot.height())
            painter.setBrush(GAP_FILL)
            painter.drawRect(area)
            painter.setBrush(QBrush(MUTED, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(area)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _grid(self, painter: QPainter, plot: QRectF, top: float, figures: bool = True) -> None:
        """Gridlines, and their figures when there is something to read them against."""
        u = self.u
        painter.setFont(self.small)
        metrics = QFontMetricsF(self.small, painter.device())
        for i in range(5):
            value = top * i / 4
            y = plot.bottom() - plot.height() * i / 4
            painter.setPen(QPen(GRID if i else AXIS, 0.5 * u))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            if not figures:
                continue
            label = figure_label(value, top)  # the unit is in the chart's title
            painter.setPen(MUTED)
            box = QRectF(plot.left() - 40 * u, y - metrics.height() / 2, 38 * u, metrics.height())
            painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
        painter.setPen(QPen(AXIS, 0.5 * u))
        painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))

    def _time_labels(self, painter: QPainter, plot: QRectF, axis: Axis) -> None:
        u = self.u
        painter.setFont(self.small)
        metrics = QFontMetricsF(self.small, painter.device())
        most = max(2, int(axis.width / (metrics.horizontalAdvance("00:00:00") * 1.8)))
        ticks, form = time_ticks(axis.start, axis.end, most)
        for tick in ticks:
            x = axis.x(tick)
            painter.setPen(QPen(AXIS, 0.5 * u))
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 2 * u))
            label = datetime.fromtimestamp(tick).strftime(form)
            width = metrics.horizontalAdvance(label)
            painter.setPen(MUTED)
            painter.drawText(QPointF(x - width / 2, plot.bottom() + 2.5 * u + metrics.ascent()), label)

    def _line(
        self, painter: QPainter, plot: QRectF, axis: Axis, columns: Columns, top: float, color: QColor, count: int
    ) -> None:
        if not columns.index.size:
            return
        step = axis.width / count
        xs = axis.left + (columns.index + 0.5) * step
        scale = plot.height() / top
        lows = plot.bottom() - columns.low * scale
        highs = plot.bottom() - columns.high * scale
        path = QPainterPath()
        for x, low, high, joined in zip(
            xs.tolist(), lows.tolist(), highs.tolist(), columns.joined.tolist(), strict=True
        ):
            if joined:
                path.lineTo(x, high)
            else:
                path.moveTo(x, high)
            path.lineTo(x, low)
        pen = QPen(color, 1.1 * self.u)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    def paint_timeline(
        self, painter: QPainter, rect: QRectF, spans: Sequence[SceneSpan], colors: dict[str | None, QColor]
    ) -> None:
        """The scene on program as a bar on the charts' axis, one colour per scene (the legend below names them)."""
        axis = self.axis(rect)
        metrics = QFontMetricsF(self.small, painter.device())
        bar = QRectF(axis.left, rect.top(), axis.width, rect.height() - metrics.height() - 4 * self.u)
        for span in spans:
            left, right = axis.x(span.start), axis.x(span.end)
            box = QRectF(left, bar.top(), max(right - left, 0.5 * self.u), bar.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors[span.scene])
            painter.drawRect(box)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        self._gap_marks(painter, bar, axis)
        painter.setPen(QPen(AXIS, 0.5 * self.u))
        painter.drawRect(bar)
        self._time_labels(painter, bar, axis)

    def _gap_marks(self, painter: QPainter, bar: QRectF, axis: Axis) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for before, after in self.gaps:
            left, right = axis.x(before), axis.x(after)
            painter.setBrush(QBrush(MUTED, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(QRectF(left, bar.top(), max(right - left, 0.8 * self.u), bar.height()))
        painter.setBrush(Qt.BrushStyle.NoBrush)


def _without(spans: list[tuple[float, float]], taken: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The parts of `spans` (apart, in order) outside every stretch of `taken` (apart, in order)."""
    left: list[tuple[float, float]] = []
    for start, end in spans:
        for taken_start, taken_end in taken:
            if taken_end <= start or taken_start >= end:
                continue
            if taken_start > start:
                left.append((start, taken_start))
            start = max(start, taken_end)
            if start >= end:
                break
        if start < end:
            left.append((start, end))
    return left


def figure_label(value: float, top: float) -> str:
    """An axis figure: 12,000 as "12k" beside a top of 10,000 or more, decimals only where the scale needs them."""
    if top >= 10_000:
        return f"{value / 1000:,.0f}k" if value % 1000 == 0 else f"{value / 1000:,.1f}k"
    if top >= 10:
        return f"{value:,.0f}"
    return f"{value:.2f}".rstrip("0").rstrip(".")
