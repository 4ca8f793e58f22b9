"""ShowGraphs: every graph of one stored show on one shared time axis (local wall-clock): zoom or drag one and
all follow. The panes it is given (the live graph docks', with their colours, target bands and reference lines), each
finding episode as a band coloured by how bad it got, markers as dotted lines, stretches nothing was stored as
grey gaps (the lines break there: nothing is interpolated), and imported GMV and orders per minute as bars.

Drawing an 8-hour show stays fast: each curve gets the whole show once and pyqtgraph reduces it to the pixels in
view (peak downsampling and clip-to-view, as the live graphs do), so zooming in shows every second again."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from console.core.review.bundle import ShowBundle
from console.core.review.load import ShowData
from console.core.review.timeline import union_spans
from console.core.telemetry.channels import INDEX
from console.core.telemetry.graph_data import axis_top, nearest_index, reading, robust_peak, round_top, series_column
from widgets.graph_spec import QT_TRANSLATE_NOOP, Pane, Series, Threshold
from widgets.review_axis import ReviewDateAxis
from widgets.scene_timeline import AXIS_WIDTH
from widgets.telemetry_graph import GRID_COLOUR, MARKER_COLOURS, TEXT_COLOUR, marker_text

#: Finding bands by the worst severity the episode reached (pale: the lines stay readable over them).
SEVERITY_COLOURS = {"info": "#6fa8dc", "warning": "#f0c040", "critical": "#e0312f"}
BAND_ALPHA = 60
GAP_COLOUR, GAP_ALPHA = "#78787f", 70
BACKGROUND = "#1c1c1f"  # the graphs' background (telemetry_graph.py sets it for every pyqtgraph view)
#: A pane's least height (pixels): below it the graphs scroll rather than squeeze.
PANE_MIN_HEIGHT = 110
#: Stacking inside a pane: gap and finding bands, markers, reference lines, then the series.
Z_BAND, Z_MARKER, Z_THRESHOLD = -40, -20, -10

#: Imported per-minute amounts drawn as bars (only when the show has them).
PLATFORM_PANES = (
    ("gmv", QT_TRANSLATE_NOOP("ShowGraphs", "GMV per minute"), "#ffd54f"),
    ("orders", QT_TRANSLATE_NOOP("ShowGraphs", "Orders per minute"), "#81c784"),
)


class Spans(pg.GraphicsObject):  # type: ignore[misc]  # pyqtgraph is untyped
    """Stretches of time as full-height rectangles of one colour, in one item: a show's dozens of findings and
    gaps on each pane cost one paint, not an item each. Opaque colours mixed with the background beforehand
    (as the live graphs' grid): no blending over the pane, the costly part of painting wide translucent areas."""

    def __init__(self, spans: list[tuple[float, float]], colour: QColor, top: float) -> None:
        super().__init__()
        self.spans = spans
        self.colour = colour
        self.top = top
        self._path = QPainterPath()
        # Overlapping stretches drawn as one: a path's rectangles fill by the odd-even rule, so where two findings
        # of one severity overlapped (a muted microphone during a CPU overload) the band had a hole (review17).
        for start, end in union_spans((start, max(end, start + 1.0)) for start, end in spans):
            self._path.addRect(QRectF(start, 0.0, end - start, top))
        self._bounds = self._path.boundingRect()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, *_: Any) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        painter.drawPath(self._path)


def _mixed(colour: str | QColor, alpha: int) -> QColor:
    """`colour` at `alpha`/255 over the graphs' background, as an opaque colour."""
    front, back = QColor(colour), QColor(BACKGROUND)
    share = alpha / 255.0
    return QColor(
        round(front.red() * share + back.red() * (1 - share)),
        round(front.green() * share + back.green() * (1 - share)),
        round(front.blue() * share + back.blue() * (1 - share)),
    )


@dataclass
class PaneView:
    """The items of one pane (tests read them: the figures drawn are the stored ones)."""

    plot: pg.PlotItem
    pane: Pane | None
    curves: dict[str, pg.PlotDataItem]
    thresholds: list[tuple[Threshold, pg.InfiniteLine]]
    #: Each finding episode and the stretch its band covers; the bands drawn, by severity.
    bands: list[tuple[Any, tuple[float, float]]]
    gaps: list[tuple[float, float]]
    band_items: dict[str, Spans] = field(default_factory=dict)
    gap_item: Spans | None = None
    bars: pg.BarGraphItem | None = None
    crosshair: pg.InfiniteLine | None = None
    top: float = 1.0


class ShowGraphs(QWidget):
    """The graphs of one show; `set_bundle` draws it, `zoom_to` moves every graph to a stretch."""

    sig_range_changed = Signal(float, float)  # the time shown (epoch seconds), after any zoom or drag

    def __init__(self, panes: tuple[Pane, ...], parent: QWidget | None = None) -> None:
        """`panes`: what to draw, top to bottom (the live graph docks' panes: console/graphs.py)."""
        super().__init__(parent)
        self.panes = panes
        self.bundle: ShowBundle | None = None
        self.views: list[PaneView] = []
        self.readout = QLabel()
        self.readout.setTextFormat(Qt.TextFormat.PlainText)
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.readout.setToolTip(self.tr("Move the pointer over a graph to read every figure of that second"))
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.ci.layout.setSpacing(2)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self.canvas)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.readout)
        layout.addWidget(self.scroller, 1)
        self.canvas.scene().sigMouseMoved.connect(self._on_canvas_mouse_moved)
        # The panes are made now, empty and linked, while the show is still being read off the GUI thread: when
        # it arrives only its data is added (making a plot costs more than drawing 28,800 seconds into it).
        self.plots = [self._new_plot(row, pane.unit) for row, pane in enumerate(panes)]
        for plot in self.plots[1:]:
            plot.setXLink(self.plots[0])
        self.plots[0].getViewBox().sigXRangeChanged.connect(self._on_first_x_range_changed)
        self.canvas.setMinimumHeight(PANE_MIN_HEIGHT * len(self.plots))

    # ------------------------------------------------------------------ building
    @property
    def first_plot(self) -> pg.PlotItem:
        return self.plots[0]

    def set_bundle(self, bundle: ShowBundle) -> None:
        """Draw the show (once per ShowGraphs: a window shows one show)."""
        if self.bundle is not None:
            raise RuntimeError("ShowGraphs shows one show; make another for the next")
        self.bundle = bundle
        data = bundle.data
        if not len(data.t):
            # Empty panes over 0:00:00 would read as a show where every figure was flat: say what happened.
            self.readout.setText(
                self.tr(
                    "No second of this show was stored: the console watched the room too briefly, or could not "
                    "write to the show database, so there is nothing to draw."
                )
            )
        for name, _label, _colour in PLATFORM_PANES:
            if name in bundle.platform_series:
                plot = self._new_plot(len(self.plots), "")
                plot.setXLink(self.plots[0])
                self.plots.append(plot)
        for plot in self.plots[:-1]:
            plot.getAxis("bottom").setStyle(showValues=False)
        # The last pane's time axis says the time at any zoom (the major level alone may have no tick in view).
        self.plots[-1].getAxis("bottom").setStyle(maxTickLevel=1, maxTextLevel=1)
        self.canvas.setMinimumHeight(PANE_MIN_HEIGHT * len(self.plots))
        margin = max(60.0, 0.02 * data.duration_s)
        for plot in self.plots:
            plot.setLimits(xMin=data.start - margin, xMax=data.end + margin)
        # The range is set before any data and never computed from it: with auto-range on, every curve added would
        # scan the whole show's points again (the linked panes follow the first).
        self.show_whole()
        for plot, pane in zip(self.plots, self.panes, strict=False):
            self.views.append(self._add_pane(plot, data, pane))
        extra = iter(self.plots[len(self.views) :])
        for name, label, colour in PLATFORM_PANES:
            if name in bundle.platform_series:
                self.views.append(self._add_bars(next(extra), bundle, name, label, colour))

    def _new_plot(self, row: int, unit: str) -> pg.PlotItem:
        plot = self.canvas.addPlot(row=row, col=0, axisItems={"bottom": ReviewDateAxis(orientation="bottom")})
        plot.setLabel("left", text=unit)
        plot.getAxis("left").enableAutoSIPrefix(False)
        plot.getAxis("left").setWidth(AXIS_WIDTH)  # every pane's axis as wide: the time axes line up
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.setStyle(maxTickLevel=0, maxTextLevel=0)
            axis.setGrid(255)
            axis.setPen(pg.mkPen(GRID_COLOUR))
            axis.setTextPen(pg.mkPen(TEXT_COLOUR))
            axis.setZValue(-1000)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=True, y=False)  # zoom in time only: every pane keeps its scale from 0
        plot.setLimits(yMin=0.0, minXRange=10.0)
        plot.disableAutoRange()
        plot.addLegend(offset=(4, 1), labelTextColor=TEXT_COLOUR, brush=pg.mkBrush(28, 28, 31, 200), colCount=4)
        crosshair = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#888", width=1))
        crosshair.setVisible(False)
        plot.addItem(crosshair, ignoreBounds=True)
        plot.crosshair = crosshair
        return plot

    def _add_pane(self, plot: pg.PlotItem, data: ShowData, pane: Pane) -> PaneView:
        view = PaneView(plot, pane, {}, [], [], [], crosshair=plot.crosshair)
        lines = {series.channel: data.line(series.channel, instead=series.instead) for series in pane.series}
        peak = max((robust_peak(v, pane.clip_outliers) or 0.0 for _, v in lines.values()), default=0.0)
        levels = {index: self._level(data, threshold) for index, threshold in enumerate(pane.thresholds)}
        highest = max((level for level in levels.values() if level is not None), default=0.0)
        # A quarter above the data, and above a fixed top or a percentage's 100 a strip for the legend.
        view.top = axis_top(
            max(peak, highest), unit=pane.unit, min_top=pane.min_top, fixed_top=pane.fixed_top, free=0.13, margin=1.25
        )
        # The scale first, then the items: each is laid out once, on its final scale.
        plot.setYRange(0.0, view.top, padding=0.0)
        if pane.shade:
            t, shade = data.line(pane.shade)
            fill = pg.PlotDataItem(pen=None, fillLevel=0.0, brush=pg.mkBrush(_mixed("#e63c32", 60)))
            fill.setZValue(Z_BAND)
            plot.addItem(fill)  # in its view before it has data: clip-to-view asks the view for its range
            fill.setDownsampling(auto=True, method="peak")
            fill.setClipToView(True)
            fill.setData(t, np.clip(shade, 0.0, 1.0) * view.top, connect="finite", skipFiniteCheck=True)
        self._add_context(view, data)
        for index, threshold in enumerate(pane.thresholds):
            level = levels[index]
            if level is None:
                continue  # a target nobody stored (the configured bitrate): not drawn rather than guessed
            view.thresholds.append((threshold, self._threshold_line(plot, threshold, level, index)))
        for series in pane.series:
            view.curves[series.channel] = self._curve(plot, series, *lines[series.channel])
        return view

    def _curve(self, plot: pg.PlotItem, series: Series, t: np.ndarray, values: np.ndarray) -> pg.PlotDataItem:
        curve = pg.PlotDataItem(pen=pg.mkPen(series.colour, width=1), name=_translate("Graphs", series.label))
        plot.addItem(curve)
        # Reduced to the pixels in view (peak: a spike stays a spike), recomputed as one zooms; then the data,
        # so the whole show is reduced once rather than drawn whole first.
        curve.setDownsampling(auto=True, method="peak")
        curve.setClipToView(True)
        curve.setData(t, values, connect="finite", skipFiniteCheck=True)  # NaN: a break in the line, never 0
        return curve

    @staticmethod
    def _level(data: ShowData, threshold: Threshold) -> float | None:
        if threshold.value is not None:
            return threshold.value
        if threshold.reference is None or threshold.reference not in INDEX:
            return None
        values = data.channel(threshold.reference)
        known = values[np.isfinite(values)]
        # The show's usual target (its median): a reference changed mid-show reads as the one it mostly had.
        return float(np.median(known)) * threshold.factor if known.size else None

    @staticmethod
    def _threshold_line(plot: pg.PlotItem, threshold: Threshold, level: float, index: int) -> pg.InfiniteLine:
        colour = pg.mkColor(threshold.colour)
        if threshold.band:
            colour.setAlpha(90)
            pen = pg.mkPen(colour, width=5)
        else:
            pen = pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine)
        line = pg.InfiniteLine(
            pos=level,
            angle=0,
            movable=False,
            pen=pen,
            label=QCoreApplication.translate("Graphs", threshold.label),
            labelOpts={"position": 0.75 + 0.08 * index, "color": threshold.colour, "anchors": [(0, 1), (0, 1)]},
        )
        line.setZValue(Z_THRESHOLD)
        plot.addItem(line, ignoreBounds=True)
        return line

    def _add_context(self, view: PaneView, data: ShowData) -> None:
        """Finding bands, gap bands and marker lines: the same on every pane."""
        plot = view.plot
        by_severity: dict[str, list[tuple[float, float]]] = {}
        for episode in data.episodes:
            stretch = (episode.start, max(episode.end, episode.start + 1.0))
            severity = episode.peak if episode.peak in SEVERITY_COLOURS else "warning"
            by_severity.setdefault(severity, []).append(stretch)
            view.bands.append((episode, stretch))
        for severity in ("info", "warning", "critical"):  # the worst drawn last, on top
            if severity in by_severity:
                item = Spans(by_severity[severity], _mixed(SEVERITY_COLOURS[severity], BAND_ALPHA), view.top)
                item.setZValue(Z_BAND)
                plot.addItem(item, ignoreBounds=True)
                view.band_items[severity] = item
        view.gaps = list(data.gaps())
        if view.gaps:
            view.gap_item = Spans(view.gaps, _mixed(GAP_COLOUR, GAP_ALPHA), view.top)
            view.gap_item.setZValue(Z_BAND)
            plot.addItem(view.gap_item, ignoreBounds=True)
        by_colour: dict[str, list[float]] = {}
        for mark in data.markers:
            if mark.kind.startswith("finding_"):
                continue  # findings are their bands
            by_colour.setdefault(MARKER_COLOURS.get(mark.kind, "#aaaaaa"), []).append(mark.t)
        for marker_colour, positions in by_colour.items():
            xs = np.repeat(np.asarray(positions, dtype=np.float64), 2)
            ys = np.tile(np.array([0.0, view.top]), len(positions))
            item = pg.PlotDataItem(
                xs, ys, pen=pg.mkPen(marker_colour, width=1, style=Qt.PenStyle.DotLine), connect="pairs"
            )
            item.setZValue(Z_MARKER)
            plot.addItem(item, ignoreBounds=True)

    def _add_bars(self, plot: pg.PlotItem, bundle: ShowBundle, name: str, label: str, colour: str) -> PaneView:
        data = bundle.data
        times, values = bundle.platform_series[name]
        known = np.isfinite(values)  # an unknown minute has no bar (not a bar of 0)
        step = float(np.median(np.diff(times))) if len(times) > 1 else 60.0
        x0 = times[known]
        bars = pg.BarGraphItem(
            x0=x0, x1=x0 + step, height=values[known], brush=pg.mkBrush(colour), pen=pg.mkPen("#1c1c1f")
        )
        plot.addItem(bars)
        plot.legend.addItem(bars, QCoreApplication.translate("ShowGraphs", label))
        view = PaneView(plot, None, {}, [], [], [], bars=bars, crosshair=plot.crosshair)
        top = float(values[known].max()) if known.any() else 0.0
        view.top = round_top(max(top * 1.25, 1.0), None)
        plot.setYRange(0.0, view.top, padding=0.0)
        self._add_context(view, data)
        return view

    # ------------------------------------------------------------------ zoom
    def shown_range(self) -> tuple[float, float]:
        left, right = self.first_plot.getViewBox().viewRange()[0]
        return float(left), float(right)

    def zoom_to(self, start: float, end: float) -> None:
        """Every graph to [start, end] (a little margin either side, so the edges show)."""
        if end > start:
            self.first_plot.setXRange(start, end, padding=0.02)

    def show_whole(self) -> None:
        if self.bundle is not None:
            data = self.bundle.data
            self.first_plot.setXRange(data.start, max(data.end, data.start + 60.0), padding=0.01)

    @Slot(object, object)
    def _on_first_x_range_changed(self, _box: Any, x_range: Any) -> None:
        self.sig_range_changed.emit(float(x_range[0]), float(x_range[1]))

    # ------------------------------------------------------------------ crosshair
    @Slot(object)
    def _on_canvas_mouse_moved(self, position: QPointF) -> None:
        for view in self.views:
            if view.plot.sceneBoundingRect().contains(position):
                self.read_at(float(view.plot.getViewBox().mapSceneToView(position).x()))
                return
        for view in self.views:
            if view.crosshair is not None:
                view.crosshair.setVisible(False)

    def read_at(self, t: float) -> str:
        """The crosshair at the stored second nearest `t`: every series' figure then, and its markers."""
        if self.bundle is None:
            return ""
        data = self.bundle.data
        index = nearest_index(data.t, t)
        if index is None:
            return ""
        at = float(data.t[index])
        parts = [_clock(at)]
        if abs(at - t) > 3.0:
            parts.append(self.tr("nothing stored here"))
        # What happened this second first: after every figure, a marker's words ran past the window's edge at 1366 px.
        # A marker of another second than the stored one says its own, the second the event log said it at (a Go live
        # read 16:06:00 here, the second stored after it, and 16:05:59 in the log).
        parts += [self._marker_at(m.kind, m.detail, m.t, parts[0]) for m in data.markers if abs(m.t - at) <= 1.5]
        for view in self.views:
            if view.crosshair is not None:
                view.crosshair.setPos(at if abs(at - t) <= 3.0 else t)
                view.crosshair.setVisible(True)
            if view.pane is None or abs(at - t) > 3.0:
                continue
            for series in view.pane.series:
                value = float(series_column(data.values[index : index + 1], series.channel, series.instead)[0])
                parts.append(f"{QCoreApplication.translate('Graphs', series.label)} {reading(value, view.pane.counts)}")
        text = "   ".join(parts)
        self.readout.setText(text)
        return text

    def _marker_at(self, kind: str, detail: str, t: float, second: str) -> str:
        said, when = marker_text(kind, detail), _clock(t)
        return said if when == second else self.tr("%1 at %2").replace("%1", said).replace("%2", when)


def _clock(t: float) -> str:
    return datetime.fromtimestamp(t).strftime("%H:%M:%S")


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
