"""ShowGraphs: every graph of one stored show on one shared time axis (local wall-clock): zoom or drag one and
all follow. The live graph docks' panes, colours, target bands and reference lines (console/graphs.py), each
finding episode as a band coloured by how bad it got, markers as dotted lines, stretches nothing was stored as
grey gaps (the lines break there: nothing is interpolated), and imported GMV and orders per minute as bars.

Drawing an 8-hour show stays fast: each curve gets the whole show once and pyqtgraph reduces it to the pixels in
view (peak downsampling and clip-to-view, as the live graphs do), so zooming in shows every second again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from console.core.review.bundle import ShowBundle
from console.core.review.load import ShowData
from console.core.telemetry.channels import INDEX
from console.core.telemetry.graph_data import nearest_index, reading, robust_peak, round_top
from console.graphs import GRAPHS
from widgets.graph_spec import QT_TRANSLATE_NOOP, Pane, Series, Threshold
from widgets.scene_timeline import AXIS_WIDTH
from widgets.telemetry_graph import GRID_COLOUR, MARKER_COLOURS, TEXT_COLOUR, marker_text

#: Finding bands by the worst severity the episode reached (pale: the lines stay readable over them).
SEVERITY_COLOURS = {"info": "#6fa8dc", "warning": "#f0c040", "critical": "#e0312f"}
BAND_ALPHA = 60
GAP_COLOUR = QColor(120, 120, 128, 70)
#: A pane's least height (pixels): below it the graphs scroll rather than squeeze.
PANE_MIN_HEIGHT = 110
#: Stacking inside a pane: gap and finding bands, markers, reference lines, then the series.
Z_BAND, Z_MARKER, Z_THRESHOLD = -40, -20, -10

#: The review's panes, in the issue's order: the live docks' panes, by the channels they show.
ORDER = ("bitrate_kbps", "drop_render_pct", "fps", "render_ms", "cpu_system_pct", "viewers", "likes")
#: Imported per-minute amounts drawn as bars (only when the show has them).
PLATFORM_PANES = (
    ("gmv", QT_TRANSLATE_NOOP("ShowGraphs", "GMV per minute"), "#ffd54f"),
    ("orders", QT_TRANSLATE_NOOP("ShowGraphs", "Orders per minute"), "#81c784"),
)


def review_panes() -> tuple[Pane, ...]:
    """The live graph docks' panes, reordered for review."""
    panes = {pane.series[0].channel: pane for spec in GRAPHS for pane in spec.panes}
    return tuple(panes[channel] for channel in ORDER)


@dataclass
class PaneView:
    """The items of one pane (tests read them: the figures drawn are the stored ones)."""

    plot: pg.PlotItem
    pane: Pane | None
    curves: dict[str, pg.PlotDataItem]
    thresholds: list[tuple[Threshold, pg.InfiniteLine]]
    bands: list[tuple[Any, pg.LinearRegionItem]]
    gaps: list[pg.LinearRegionItem]
    bars: pg.BarGraphItem | None = None
    crosshair: pg.InfiniteLine | None = None
    top: float = 1.0


class ShowGraphs(QWidget):
    """The graphs of one show; `set_bundle` draws it, `zoom_to` moves every graph to a stretch."""

    sig_range_changed = Signal(float, float)  # the time shown (epoch seconds), after any zoom or drag

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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

    # ------------------------------------------------------------------ building
    @property
    def first_plot(self) -> pg.PlotItem | None:
        return self.views[0].plot if self.views else None

    def set_bundle(self, bundle: ShowBundle) -> None:
        self.bundle = bundle
        self.canvas.clear()
        self.views = []
        data = bundle.data
        for pane in review_panes():
            self.views.append(self._add_pane(data, pane))
        for name, label, colour in PLATFORM_PANES:
            if name in bundle.platform_series:
                self.views.append(self._add_bars(bundle, name, label, colour))
        first = self.views[0].plot
        for view in self.views[1:]:
            view.plot.setXLink(first)
        for view in self.views[:-1]:
            view.plot.getAxis("bottom").setStyle(showValues=False)
        self.canvas.setMinimumHeight(PANE_MIN_HEIGHT * len(self.views))
        first.getViewBox().sigXRangeChanged.connect(self._on_first_x_range_changed)
        self.show_whole()

    def _new_plot(self, row: int, unit: str, start: float, end: float) -> pg.PlotItem:
        plot = self.canvas.addPlot(row=row, col=0, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
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
        margin = max(60.0, 0.02 * (end - start))
        plot.setLimits(xMin=start - margin, xMax=end + margin, yMin=0.0, minXRange=10.0)
        plot.addLegend(offset=(4, 1), labelTextColor=TEXT_COLOUR, brush=pg.mkBrush(28, 28, 31, 200), colCount=4)
        crosshair = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#888", width=1))
        crosshair.setVisible(False)
        plot.addItem(crosshair, ignoreBounds=True)
        plot.crosshair = crosshair
        return plot

    def _add_pane(self, data: ShowData, pane: Pane) -> PaneView:
        plot = self._new_plot(len(self.views), pane.unit, data.start, data.end)
        view = PaneView(plot, pane, {}, [], [], [], crosshair=plot.crosshair)
        peak = 0.0
        for series in pane.series:
            t, values = data.line(series.channel)
            curve = self._curve(plot, series, t, values)
            view.curves[series.channel] = curve
            found = robust_peak(values, pane.clip_outliers)
            peak = max(peak, found or 0.0)
        levels = []
        for index, threshold in enumerate(pane.thresholds):
            level = self._level(data, threshold)
            if level is None:
                continue  # a target nobody stored (the configured bitrate): not drawn rather than guessed
            levels.append(level)
            view.thresholds.append((threshold, self._threshold_line(plot, threshold, level, index)))
        if pane.fixed_top is not None:
            view.top = pane.fixed_top * 1.15
        else:
            view.top = round_top(max(peak * 1.25, max(levels, default=0.0) * 1.25, pane.min_top), None)
        plot.setYRange(0.0, view.top, padding=0.0)
        if pane.shade:
            t, shade = data.line(pane.shade)
            fill = pg.PlotDataItem(pen=None, fillLevel=0.0, brush=pg.mkBrush(230, 60, 50, 60))
            fill.setZValue(Z_BAND)
            plot.addItem(fill)  # in its view before it has data: clip-to-view asks the view for its range
            fill.setDownsampling(auto=True, method="peak")
            fill.setClipToView(True)
            fill.setData(t, shade * view.top, connect="finite", skipFiniteCheck=True)
        self._add_context(view, data)
        return view

    def _curve(self, plot: pg.PlotItem, series: Series, t: np.ndarray, values: np.ndarray) -> pg.PlotDataItem:
        curve = plot.plot(
            t,
            values,
            pen=pg.mkPen(series.colour, width=1),
            name=QCoreApplication.translate("Graphs", series.label),
            connect="finite",  # NaN = unknown or a gap: a break in the line, never 0
            skipFiniteCheck=True,
        )
        curve.setDownsampling(auto=True, method="peak")
        curve.setClipToView(True)
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
        for episode in data.episodes:
            colour = QColor(SEVERITY_COLOURS.get(episode.peak, SEVERITY_COLOURS["warning"]))
            colour.setAlpha(BAND_ALPHA)
            band = pg.LinearRegionItem(
                (episode.start, max(episode.end, episode.start + 1.0)),
                movable=False,
                brush=pg.mkBrush(colour),
                pen=pg.mkPen(None),
            )
            band.setZValue(Z_BAND)
            band.setToolTip(
                f"{episode.title.in_language(_translate)} · {episode.message.in_language(_translate)}\n"
                f"{_clock(episode.start)} – {_clock(episode.end)}"
            )
            plot.addItem(band, ignoreBounds=True)
            view.bands.append((episode, band))
        for before, after in data.gaps():
            gap = pg.LinearRegionItem((before, after), movable=False, brush=pg.mkBrush(GAP_COLOUR), pen=pg.mkPen(None))
            gap.setZValue(Z_BAND)
            gap.setToolTip(
                self.tr("Nothing stored from %1 to %2").replace("%1", _clock(before)).replace("%2", _clock(after))
            )
            plot.addItem(gap, ignoreBounds=True)
            view.gaps.append(gap)
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

    def _add_bars(self, bundle: ShowBundle, name: str, label: str, colour: str) -> PaneView:
        data = bundle.data
        plot = self._new_plot(len(self.views), "", data.start, data.end)
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
        plot = self.first_plot
        if plot is None:
            return (0.0, 0.0)
        left, right = plot.getViewBox().viewRange()[0]
        return float(left), float(right)

    def zoom_to(self, start: float, end: float) -> None:
        """Every graph to [start, end] (a little margin either side, so the edges show)."""
        plot = self.first_plot
        if plot is None or end <= start:
            return
        plot.setXRange(start, end, padding=0.02)

    def show_whole(self) -> None:
        if self.bundle is not None and self.first_plot is not None:
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
        parts = [datetime.fromtimestamp(at).strftime("%H:%M:%S")]
        if abs(at - t) > 3.0:
            parts.append(self.tr("nothing stored here"))
        for view in self.views:
            if view.crosshair is not None:
                view.crosshair.setPos(at if abs(at - t) <= 3.0 else t)
                view.crosshair.setVisible(True)
            if view.pane is None or abs(at - t) > 3.0:
                continue
            for series in view.pane.series:
                value = float(data.values[index, INDEX[series.channel]])
                parts.append(f"{QCoreApplication.translate('Graphs', series.label)} {reading(value, view.pane.counts)}")
        parts += [marker_text(m.kind, m.detail) for m in data.markers if abs(m.t - at) <= 1.5]
        text = "   ".join(parts)
        self.readout.setText(text)
        return text


def _clock(t: float) -> str:
    return datetime.fromtimestamp(t).strftime("%H:%M:%S")


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
