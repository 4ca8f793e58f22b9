"""TelemetryGraph: one graph dock — panes of live series over a chosen window, threshold lines, markers
shared with every graph, a crosshair readout, follow-live or paused, export as PNG and CSV."""

from __future__ import annotations

import itertools
import math
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCursor, QFontMetricsF
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from console.core.reports import write_series_csv, write_whole
from console.core.review.marker_words import marker_words
from console.core.telemetry.channels import INDEX
from console.core.telemetry.graph_data import (
    axis_ceiling,
    axis_top,
    column_peaks,
    export_rows,
    follow_range,
    min_max_columns,
    nearest_index,
    reading,
    robust_peak,
    seconds_per_pixel,
    series_column,
)
from obs import oswords
from widgets.graph_spec import QT_TRANSLATE_NOOP, GraphSpec, Pane, Threshold
from widgets.marker_layout import Wanted, lay_out
from widgets.ports import TelemetryPort

GRID_COLOUR, TEXT_COLOUR = "#34343a", "#c8c8cc"
pg.setConfigOptions(antialias=False, background="#1c1c1f", foreground=TEXT_COLOUR)


_PHASES = itertools.count()

#: Marker names drawn at most (the newest); the others are named by the crosshair readout.
MAX_MARKER_LABELS = 12
#: Pixels around a marker name's text (its dark box).
LABEL_MARGIN = 1.0

#: (seconds, label); None = the whole show.
WINDOWS: tuple[tuple[float | None, str], ...] = (
    (60.0, QT_TRANSLATE_NOOP("TelemetryGraph", "1 min")),
    (300.0, QT_TRANSLATE_NOOP("TelemetryGraph", "5 min")),
    (900.0, QT_TRANSLATE_NOOP("TelemetryGraph", "15 min")),
    (3600.0, QT_TRANSLATE_NOOP("TelemetryGraph", "1 h")),
    (None, QT_TRANSLATE_NOOP("TelemetryGraph", "Whole show")),
)
MARKER_COLOURS = {
    "scene": "#6fa8dc",
    "stream_start": "#2fae4f",
    "stream_stop": "#e0312f",
    "stream_start_failed": "#f0a020",
    "stream_reconnecting": "#f0a020",
    "stream_reconnected": "#f0a020",
    "record_start": "#2fae4f",
    "record_stop": "#e0312f",
    "obs_lost": "#f0a020",
    "obs_connected": "#f0a020",
    "finding_warning": "#f0c040",
    "finding_critical": "#e0312f",
}


def marker_text(kind: str, detail: str) -> str:
    """A marker's label on a graph, in the window's language (console/core/review/marker_words.py)."""
    return marker_words(kind, detail).label().in_language(QCoreApplication.translate)


class _CappedAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """A value axis labelled no higher than its cap (a percentage stops at 100 %): the space above is for the legend
    and the marker names."""

    def __init__(self, cap: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cap = cap

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        levels = super().tickValues(minVal, maxVal, size)
        return [(spacing, [v for v in values if v <= self.cap + 1e-9]) for spacing, values in levels]


class _Legend(pg.LegendItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """The legend, one row; a click on an entry's name (not only its line sample) shows or hides the series."""

    sig_entry_clicked = Signal(object)  # the curve whose entry was clicked

    def mouseClickEvent(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        for sample, label in self.items:
            if sample.geometry().united(label.geometry()).contains(event.pos()):
                event.accept()
                self.sig_entry_clicked.emit(sample.item)
                return


#: Stacking inside a pane: congestion shading, then marker lines and reference lines, then the series, then
#: the marker names and the crosshair. The grid is drawn by the axes, which sit behind the whole plot.
Z_SHADE, Z_MARKER, Z_THRESHOLD, Z_NAME = -30, -20, -10, 20
#: Marker names are drawn in at most this many lanes (fewer when the pane is short).
MAX_LANES = 2


class _PaneView:
    """The pyqtgraph items of one pane."""

    def __init__(self, plot: pg.PlotItem, pane: Pane, legend: _Legend) -> None:
        self.plot = plot
        self.pane = pane
        self.legend = legend
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.y_top: float | None = None  # the y range's top as last set (follow mode)
        self.shade: pg.PlotDataItem | None = None
        if pane.shade:
            self.shade = pg.PlotDataItem(
                pen=None, fillLevel=0.0, brush=pg.mkBrush(230, 60, 50, 70), connect="finite", skipFiniteCheck=True
            )
            self.shade.setDownsampling(auto=True, method="peak")
            self.shade.setClipToView(True)
            self.shade.setZValue(Z_SHADE)
            plot.addItem(self.shade)
        for series in pane.series:
            curve = plot.plot(
                pen=pg.mkPen(series.colour, width=1),  # a cosmetic 1-px pen: wider ones take the slow stroking path
                name=QCoreApplication.translate("Graphs", series.label),
                connect="finite",  # NaN = unknown: drawn as a gap, never as 0 or a line across
                skipFiniteCheck=True,
            )
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            self.curves[series.channel] = curve
        self.thresholds: list[tuple[Threshold, pg.InfiniteLine]] = []
        for index, threshold in enumerate(pane.thresholds):
            colour = pg.mkColor(threshold.colour)
            if threshold.band:
                # A broad pale band the live line is drawn on: on target, both stay visible.
                colour.setAlpha(90)
                pen = pg.mkPen(colour, width=5)
            else:
                pen = pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine)
            line = pg.InfiniteLine(
                angle=0,
                movable=False,
                pen=pen,
                label=QCoreApplication.translate("Graphs", threshold.label),
                # lines close together (target 30, warning 28.5 fps) must not print over each other
                labelOpts={"position": 0.02 + 0.14 * index, "color": threshold.colour, "anchors": [(0, 1), (0, 1)]},
            )
            line.setVisible(False)
            line.setZValue(Z_THRESHOLD)
            plot.addItem(line, ignoreBounds=True)
            self.thresholds.append((threshold, line))
        self.crosshair = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#888", width=1))
        self.crosshair.setVisible(False)
        self.crosshair.setZValue(Z_NAME)
        plot.addItem(self.crosshair, ignoreBounds=True)
        # All markers of one colour are one item (vertical segments from 0 to the top of the pane): a long
        # show's hundreds of markers cost one path each, not hundreds of Qt objects.
        self.marker_items: dict[str, pg.PlotDataItem] = {}
        self.marker_labels: list[pg.TextItem] = []
        self.marker_key: tuple[int, int, float | None, float] | None = None
        self.label_key: tuple[Any, ...] | None = None
        self.reference_key: tuple[Any, ...] | None = None
        self.lanes_used = 0

    def marker_positions(self) -> list[float]:
        """x (wall-clock seconds) of every marker line drawn in this pane."""
        positions: list[float] = []
        for item in self.marker_items.values():
            x, _ = item.getData()
            positions += [] if x is None else [float(v) for v in x[::2]]
        return sorted(positions)

    def shown_labels(self) -> list[pg.TextItem]:
        return [label for label in self.marker_labels if label.isVisible()]


class TelemetryGraph(QWidget):
    def __init__(self, controller: TelemetryPort, spec: GraphSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.spec = spec
        self.follow = True
        self.active = True
        self.refreshes = 0
        #: The ring (id, version) the graph last looked at, drawn or not worth a redraw: a sample's round trip.
        self.looked_at: tuple[int, int] | None = None
        self._seen: tuple[int, int, int, float | None] | None = None
        self._drawn_at = 0.0
        self._window: float | None = WINDOWS[1][0]
        self._x_range: tuple[float, float] | None = None
        self._refreshing = False
        self.readout_lines = ""  # the read-out one item a line, as the crosshair's tooltip shows it
        self._label_font_metrics: QFontMetricsF | None = None
        self._label_height: float | None = None
        self.window_box = QComboBox()
        for seconds, label in WINDOWS:
            self.window_box.addItem(QCoreApplication.translate("TelemetryGraph", label), seconds)
        self.window_box.setCurrentIndex(1)
        self.window_box.currentIndexChanged.connect(self._on_window_box_changed)
        self.live_button = QPushButton(self.tr("Live"))
        self.live_button.setCheckable(True)
        self.live_button.setChecked(True)
        self.live_button.setToolTip(self.tr("Follow the newest second; drag or zoom the graph to pause"))
        self.live_button.toggled.connect(self._on_live_button_toggled)
        self.png_button = QPushButton(self.tr("PNG…"))
        self.png_button.clicked.connect(self._on_png_button_clicked)
        self.csv_button = QPushButton(self.tr("CSV…"))
        self.csv_button.clicked.connect(self._on_csv_button_clicked)
        self.readout = QLabel()
        self.readout.setTextFormat(Qt.TextFormat.PlainText)
        # However long the read-out, it never widens the dock (the crosshair's tooltip says it in full).
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 0)
        bar.addWidget(self.window_box)
        bar.addWidget(self.live_button)
        bar.addWidget(self.readout, 1)
        bar.addWidget(self.png_button)
        bar.addWidget(self.csv_button)
        self.canvas = pg.GraphicsLayoutWidget()
        self.panes: list[_PaneView] = []
        first: pg.PlotItem | None = None
        for row, pane in enumerate(spec.panes):
            axes: dict[str, pg.AxisItem] = {"bottom": pg.DateAxisItem(orientation="bottom")}
            ceiling = axis_ceiling(pane.unit, pane.fixed_top)
            if ceiling is not None:
                axes["left"] = _CappedAxis(ceiling, orientation="left")
            plot = self.canvas.addPlot(row=row, col=0, axisItems=axes)
            plot.setLabel("left", units=None, text=pane.unit)
            plot.getAxis("left").enableAutoSIPrefix(False)
            for side in ("left", "bottom"):
                axis = plot.getAxis(side)
                # Major ticks only: half the labels and grid lines, and text is what painting costs most.
                axis.setStyle(maxTickLevel=0, maxTextLevel=0)
                # An opaque dark grid looks like a faint one but needs no blending: a third of the paint.
                axis.setGrid(255)
                axis.setPen(pg.mkPen(GRID_COLOUR))
                axis.setTextPen(pg.mkPen(TEXT_COLOUR))
                # The axis with its grid changes only when the view steps; in between, the new second's
                # repaint blits it from a pixmap instead of replaying every line and label.
                axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                # Behind the plot (pyqtgraph draws it over): a series on a grid line (30 fps on the 30
                # line) stays visible.
                axis.setZValue(-1000)
            plot.setLimits(yMin=0.0)
            # One row at the top left, over the strip the scale keeps free of data (see refresh).
            legend = _Legend(
                offset=(4, 0.01),
                labelTextColor=TEXT_COLOUR,
                brush=pg.mkBrush(28, 28, 31, 220),
                colCount=max(1, len(pane.series)),
                horSpacing=8,
            )
            legend.layout.setContentsMargins(4, 0, 4, 0)
            legend.setParentItem(plot.getViewBox())
            plot.legend = legend
            legend.setZValue(Z_NAME + 1)
            legend.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            legend.sigSampleClicked.connect(self._on_legend_sample_clicked)
            legend.sig_entry_clicked.connect(self._on_legend_entry_clicked)
            plot.setMenuEnabled(False)
            view_box = plot.getViewBox()
            view_box.sigRangeChangedManually.connect(self._on_view_range_changed_manually)
            if first is None:
                first = plot
            else:
                plot.setXLink(first)
            if row < len(spec.panes) - 1:
                plot.getAxis("bottom").setStyle(showValues=False)
            view = _PaneView(plot, pane, legend)
            self.panes.append(view)
            # A paused view being dragged, or a resized dock: the names are laid out again (cheap: a dozen).
            view_box.sigRangeChanged.connect(lambda *_, v=view: self._layout_labels(v))
            view_box.sigResized.connect(lambda *_, v=view: self._layout_labels(v))
            view_box.sigResized.connect(lambda *_, v=view: self._place_reference_names(v))
            view_box.sigRangeChanged.connect(lambda *_, v=view: self._place_reference_names(v))
        self._apply_hidden()
        controller.sig_series_shown.connect(self._on_controller_series_shown)
        self.canvas.scene().sigMouseMoved.connect(self._on_canvas_mouse_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        # Graphs take turns within the second (0, 150, 300 … ms after the sample) rather than all
        # redrawing in one go: the GUI thread is never held for the sum of them.
        self._phase_ms = next(_PHASES) % 6 * 150
        controller.sig_sampled.connect(self._on_controller_sampled)

    @Slot()
    def _on_controller_sampled(self) -> None:
        # Turns share a real second; on a manual clock (a test's compressed time) seconds come when asked.
        if self._phase_ms and self.controller.clock.real:
            QTimer.singleShot(self._phase_ms, self.refresh)
        else:
            self.refresh()

    # ------------------------------------------------------------------ controls
    def set_active(self, active: bool) -> None:
        """Only a visible graph redraws (a tabified or hidden dock costs nothing)."""
        self.active = active
        if active:
            self.refresh()

    def set_window(self, seconds: float | None) -> None:
        index = next(i for i, (s, _) in enumerate(WINDOWS) if s == seconds)
        self.window_box.setCurrentIndex(index)

    @Slot(int)
    def _on_window_box_changed(self, index: int) -> None:
        self._window = WINDOWS[index][0]
        self.live_button.setChecked(True)
        self.refresh(force=True)

    @Slot(bool)
    def _on_live_button_toggled(self, checked: bool) -> None:
        self.follow = checked
        self._x_range = None  # the user may have moved the view: set it again
        for view in self.panes:
            view.y_top = None
        if checked:
            self.refresh(force=True)

    @Slot()
    def _on_view_range_changed_manually(self, *_: Any) -> None:
        self.live_button.setChecked(False)  # the user looks at the past: stop moving the view under them

    # ------------------------------------------------------------------ series shown or hidden
    def series_key(self, channel: str) -> str:
        return f"{self.spec.id}/{channel}"

    def _curve_key(self, curve: Any) -> str | None:
        return next(
            (self.series_key(c) for view in self.panes for c, item in view.curves.items() if item is curve), None
        )

    @Slot(object, object)
    def _on_legend_sample_clicked(self, curve: Any, *_: Any) -> None:
        # pyqtgraph's sample has already flipped the curve: make the choice the controller's (and remembered).
        key = self._curve_key(curve)
        if key is not None:
            self.controller.show_series(key, curve.isVisible())
            self._apply_hidden()

    @Slot(object)
    def _on_legend_entry_clicked(self, curve: Any) -> None:
        key = self._curve_key(curve)
        if key is not None:
            self.controller.show_series(key, key in self.controller.hidden_series)

    @Slot(str, bool)
    def _on_controller_series_shown(self, key: str, shown: bool) -> None:
        if key.startswith(f"{self.spec.id}/"):
            self._apply_hidden()

    def is_shown(self, channel: str) -> bool:
        return self.series_key(channel) not in self.controller.hidden_series

    def _apply_hidden(self) -> None:
        """Curves and legend entries as the controller says; a hidden series no longer sets the scale."""
        for view in self.panes:
            for sample, label in view.legend.items:
                channel = next((c for c, curve in view.curves.items() if curve is sample.item), None)
                if channel is None:
                    continue
                shown = self.is_shown(channel)
                if sample.item.isVisible() != shown:
                    sample.item.setVisible(shown)
                sample.update()
                colour = TEXT_COLOUR if shown else "#6a6a70"
                if label.opts.get("color") != colour:
                    label.setText(label.text, color=colour)
        self.refresh(force=True)

    # ------------------------------------------------------------------ drawing
    @Slot()
    def refresh(self, force: bool = False) -> None:
        if not self.active or not self.isVisible():
            return
        telemetry = self.controller.telemetry
        ring = telemetry.ring
        seen = (id(ring), ring.version, telemetry.markers_version, self._window)
        self.looked_at = (id(ring), ring.version)
        if seen == self._seen and not force:
            return
        now = self.controller.clock.now()  # the room's seconds: the samples' time base
        # Only new seconds, no new markers: redraw once they would move the picture by a whole pixel.
        # A 5-minute window moves every second; the whole show of 8 hours about every 40 s.
        only_new_seconds = self._seen is not None and seen[0::2] == self._seen[0::2]
        if not force and self.follow and only_new_seconds and now - self._drawn_at < self._seconds_per_pixel(now):
            return
        self._seen = seen
        self._drawn_at = now
        self.refreshes += 1
        self._refreshing = True
        try:
            self._draw(now)
        finally:
            self._refreshing = False
        for view in self.panes:
            self._place_reference_names(view)
            self._layout_labels(view)

    def _place_reference_names(self, view: _PaneView) -> None:
        """The reference lines' names side by side from the left: lines a few pixels apart (warning 1 % and
        danger 5 % on a scale to 60 %) no longer print their names over each other. Each name sits just
        above its line, else just below, else in the nearest strip that crosses no line or band (the FPS
        pane's danger line is a name's height under the warning line and the target band)."""
        box = view.plot.getViewBox()
        width, height = box.width(), box.height()
        (_, _), (bottom, top) = box.viewRange()
        shown = [line for _, line in view.thresholds if line.isVisible()]
        ceiling = max(view.lanes_used, self._legend_lanes(view, self._lane_height(view))) * self._lane_height(view)
        key = (width, height, bottom, top, ceiling, tuple((id(line), line.value()) for line in shown))
        if width <= 0 or height <= 0 or top <= bottom or key == view.reference_key:
            return
        view.reference_key = key
        # Each line's pixel row (from the pane's top) and the rows it covers, with two pixels to spare (the text
        # lands on whole pixels).
        rows = [(top - line.value()) / (top - bottom) * height for line in shown]
        halves = [line.pen.widthF() / 2 + 2.0 for line in shown]
        covered = sorted((row - half, row + half) for row, half in zip(rows, halves, strict=True))
        gaps: list[tuple[float, float]] = []
        edge = ceiling
        for start, end in covered:
            if start > edge:
                gaps.append((edge, start))
            edge = max(edge, end)
        gaps.append((edge, height))
        x = 8.0
        for line, row, half in zip(shown, rows, halves, strict=True):
            label = line.label
            label.setPosition(min(0.95, x / width))
            x += label.boundingRect().width() + 10.0
            tall = label.boundingRect().height()
            above, below = row - half - tall, row + half
            best: tuple[float, float] | None = None  # (distance from the line, top row)
            for start, end in gaps:
                if end - start < tall:
                    continue
                for wanted in (above, below):  # above first: on a tie the name stays above its line
                    top_row = min(max(wanted, start), end - tall)
                    distance = abs(top_row - wanted)
                    if best is None or distance < best[0]:
                        best = (distance, top_row)
            top_row = above if best is None else best[1]  # no room anywhere (a tiny pane): above, as before
            anchor = (0.0, (row - top_row) / tall)  # the text's point that sits on the line, as a fraction
            if label.anchors[0] != anchor:
                label.anchors = [anchor, anchor]
                label.updatePosition()

    def _draw(self, now: float) -> None:
        telemetry = self.controller.telemetry
        start = -math.inf if self._window is None else now - self._window
        times, values = telemetry.ring.since(start - 5.0)  # a little before the window: the first segment is whole
        x = times + telemetry.wall_offset
        pixels = int(self.panes[0].plot.getViewBox().width())
        # The time axis first: where the marker names go depends on it, and the scale on where they go.
        if self.follow and len(x):
            left, right = follow_range(float(x[0]), now + telemetry.wall_offset, self._window)
            if (left, right) != self._x_range:
                self.panes[0].plot.setXRange(left, right, padding=0.0)
                self._x_range = (left, right)
        for view in self.panes:
            top = max(self._draw_curves(view, x, values, pixels), self._draw_thresholds(view, telemetry.latest))
            top = self._pane_top(view, top)
            if view.shade is not None and view.pane.shade:
                shade_x, shade = column_peaks(x, values[:, INDEX[view.pane.shade]], pixels)
                view.shade.setData(shade_x, shade * top, connect="finite", skipFiniteCheck=True)
            if self.follow and top != view.y_top:
                view.plot.setYRange(0.0, top, padding=0.0)
                view.y_top = top
            self._draw_markers(view, top)

    def _draw_curves(self, view: _PaneView, x: np.ndarray, values: np.ndarray, pixels: int) -> float:
        """Draw the pane's shown curves; return the highest of their (robust) peaks, 0 without any."""
        top = 0.0
        instead = {series.channel: series.instead for series in view.pane.series}
        for channel, curve in view.curves.items():
            if not self.is_shown(channel):
                continue  # hidden: neither drawn nor setting the scale
            column = series_column(values, channel, instead[channel])
            curve.setData(*min_max_columns(x, column, pixels), connect="finite", skipFiniteCheck=True)
            peak = robust_peak(column, view.pane.clip_outliers)
            if peak is not None:
                top = max(top, peak)
        return top

    def _draw_thresholds(self, view: _PaneView, latest: Any) -> float:
        """Place the pane's reference lines (hidden while their level is unknown); return the highest, or 0."""
        top = 0.0
        for threshold, line in view.thresholds:
            level = self._level(threshold, latest)
            if line.isVisible() != (level is not None):
                line.setVisible(level is not None)
            if level is not None:
                if line.value() != level:  # moving a labelled line re-lays its label out: only when needed
                    line.setValue(level)
                top = max(top, level)
        return top

    def _pane_top(self, view: _PaneView, top: float) -> float:
        """The top of the pane's axis for data and reference lines that reach `top`."""
        # Every figure here is >= 0: the axis starts at 0 and reaches the data and the reference lines, at a
        # round value that holds while the data wanders (a new top re-lays out the axis: the costly part).
        # Above them a strip is kept free for the legend and the marker names (and a reference line's own
        # name above the line), and a margin of 15 %: a line on target never runs along the top edge.
        pane = view.pane
        return axis_top(
            top,
            unit=pane.unit,
            min_top=pane.min_top,
            fixed_top=pane.fixed_top,
            free=self._free_fraction(view),
            current=view.y_top,
        )

    def _free_fraction(self, view: _PaneView) -> float:
        """The part of the pane's height kept free of data at the top: the lanes of names (at least the
        legend's), plus a line of text when a reference line is drawn (its name sits above it)."""
        height = float(view.plot.getViewBox().height())
        if height <= 0:
            return 0.0
        lane = self._lane_height(view)
        lanes = max(view.lanes_used, self._legend_lanes(view, lane))
        names = any(line.isVisible() for _, line in view.thresholds)
        return min(0.6, (lanes * lane + (lane if names else 0.0) + 2.0) / height)

    def _lane_height(self, view: _PaneView) -> float:
        """A lane is as tall as a name, or as the legend's row if that is taller: the legend fills lane 0."""
        if self._label_height is None:
            probe = pg.TextItem("Ag 中")
            probe.textItem.document().setDocumentMargin(LABEL_MARGIN)
            self._label_height = float(probe.textItem.boundingRect().height())
        return max(self._label_height, float(view.legend.boundingRect().height()))

    def _legend_lanes(self, view: _PaneView, lane: float) -> int:
        rect = view.legend.mapRectToItem(view.plot.getViewBox(), view.legend.boundingRect())
        return max(1, math.ceil((float(rect.bottom()) - 2.0) / lane))

    def _metrics(self) -> QFontMetricsF:
        if self._label_font_metrics is None:
            probe = pg.TextItem()
            self._label_font_metrics = QFontMetricsF(probe.textItem.font())
        return self._label_font_metrics

    def _seconds_per_pixel(self, now: float) -> float:
        times, _ = self.controller.telemetry.ring.last(len(self.controller.telemetry.ring))
        return seconds_per_pixel(times, now, self._window, self.panes[0].plot.getViewBox().width())

    def _level(self, threshold: Threshold, latest: Any) -> float | None:
        if threshold.value is not None:
            return threshold.value
        if threshold.reference is None:
            return None
        base = self.controller.reference(threshold.reference)
        return None if base is None else base * threshold.factor

    def _draw_markers(self, view: _PaneView, top: float) -> None:
        telemetry = self.controller.telemetry
        key = (id(telemetry), telemetry.markers_version, self._window, top)
        if view.marker_key == key:
            return
        view.marker_key = key
        by_colour: dict[str, list[float]] = {}
        for marker in telemetry.markers:
            colour = MARKER_COLOURS.get(marker.kind, "#aaaaaa")
            by_colour.setdefault(colour, []).append(marker.t + telemetry.wall_offset)
        for colour, positions in by_colour.items():
            item = view.marker_items.get(colour)
            if item is None:
                item = pg.PlotDataItem(pen=pg.mkPen(colour, width=1, style=Qt.PenStyle.DotLine), connect="pairs")
                item.setZValue(Z_MARKER)
                view.plot.addItem(item, ignoreBounds=True)
                view.marker_items[colour] = item
            xs = np.repeat(np.asarray(positions, dtype=np.float64), 2)
            ys = np.tile(np.array([0.0, top]), len(positions))
            item.setData(xs, ys, connect="pairs")
        for colour, item in view.marker_items.items():
            if colour not in by_colour:
                item.setData([], [])

    def _layout_labels(self, view: _PaneView) -> None:
        """Name the markers in view (the newest first) in lanes along the top of the first pane: beside their
        line, never over each other or the legend, never cut at an edge; a name with no room is left out and
        one too long for the pane is shortened (the crosshair's read-out says every name in full)."""
        if self._refreshing or view is not self.panes[0]:
            return
        telemetry = self.controller.telemetry
        box = view.plot.getViewBox()
        (left, right), (bottom, top) = box.viewRange()
        width, height = box.width(), box.height()
        key = (id(telemetry), telemetry.markers_version, left, right, bottom, top, width, height)
        if key == view.label_key:
            return
        view.label_key = key
        metrics = self._metrics()
        lane = self._lane_height(view)
        lanes = min(MAX_LANES, int(height * 0.4 // lane)) if width > 0 and right > left else 0
        markers = [m for m in reversed(telemetry.markers) if left <= m.t + telemetry.wall_offset <= right]
        markers = markers[: MAX_MARKER_LABELS * 2]
        texts = [marker_text(m.kind, m.text) for m in markers]
        wanted = [
            Wanted(
                (m.t + telemetry.wall_offset - left) / (right - left) * width if right > left else -1.0,
                metrics.horizontalAdvance(text) + 2 * LABEL_MARGIN + 2.0,
            )
            for m, text in zip(markers, texts, strict=True)
        ]
        legend = view.legend.mapRectToItem(box, view.legend.boundingRect())
        taken = [(n, legend.left(), legend.right()) for n in range(self._legend_lanes(view, lane))]
        placed = lay_out(wanted, width, lanes, taken)[:MAX_MARKER_LABELS] if lanes else []
        view.lanes_used = 1 + max((p.lane for p in placed), default=0) if placed else 0
        while len(view.marker_labels) < len(placed):
            label = pg.TextItem(anchor=(0.0, 0.0), fill=pg.mkBrush(28, 28, 31, 220))
            label.textItem.document().setDocumentMargin(LABEL_MARGIN)
            label.setZValue(Z_NAME)
            view.plot.addItem(label, ignoreBounds=True)
            view.marker_labels.append(label)
        x_per_pixel = (right - left) / width if width else 0.0
        y_per_pixel = (top - bottom) / height if height else 0.0
        for index, label in enumerate(view.marker_labels):
            if index >= len(placed):
                label.setVisible(False)
                continue
            spot = placed[index]
            marker, text = markers[spot.index], texts[spot.index]
            if spot.width < wanted[spot.index].width:
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, spot.width - 2 * LABEL_MARGIN - 2.0)
            if label.toPlainText() != text:  # setText re-lays out rich text: only when it changed
                label.setText(text, color=MARKER_COLOURS.get(marker.kind, "#aaaaaa"))
            # centred in its lane
            y_pixel = spot.lane * lane + (lane - label.textItem.boundingRect().height()) / 2
            position = (left + spot.left * x_per_pixel, top - y_pixel * y_per_pixel)
            if (label.pos().x(), label.pos().y()) != position:
                label.setPos(*position)
            label.setVisible(True)

    # ------------------------------------------------------------------ crosshair
    @Slot(object)
    def _on_canvas_mouse_moved(self, position: QPointF) -> None:
        for view in self.panes:
            if view.plot.sceneBoundingRect().contains(position):
                x = view.plot.getViewBox().mapSceneToView(position).x()
                self.show_readout_at(x)
                QToolTip.showText(QCursor.pos(), self.readout_lines, self.canvas, self.canvas.rect(), 60_000)
                return
        for view in self.panes:
            view.crosshair.setVisible(False)
        self.readout.clear()
        QToolTip.hideText()

    def show_readout_at(self, wall_time: float) -> str:
        """Put the crosshair at this wall-clock time and say what each shown series read in that second, and
        every marker of that second in full."""
        telemetry = self.controller.telemetry
        times, values = telemetry.ring.since(-math.inf)
        index = nearest_index(times, wall_time - telemetry.wall_offset)
        if index is None:
            return ""
        stamp = datetime.fromtimestamp(float(times[index]) + telemetry.wall_offset).strftime("%H:%M:%S")
        parts = [stamp]
        for view in self.panes:
            view.crosshair.setPos(float(times[index]) + telemetry.wall_offset)
            view.crosshair.setVisible(True)
            for series in view.pane.series:
                if not self.is_shown(series.channel):
                    continue
                value = series_column(values[index : index + 1], series.channel, series.instead)[0]
                shown = reading(float(value), view.pane.counts)
                parts.append(f"{QCoreApplication.translate('Graphs', series.label)} {shown}")
        at = float(times[index])
        parts += [marker_text(m.kind, m.text) for m in telemetry.markers if abs(m.t - at) <= 1.5]
        text = "   ".join(parts)
        self.readout.setText(text)
        self.readout_lines = "\n".join(parts)
        return text

    # ------------------------------------------------------------------ export
    def _suggested(self, suffix: str) -> str:
        from console.core.reports import export_folder  # the user's documents folder, not the working directory

        return str(export_folder() / f"{self.spec.id}-{datetime.now().strftime('%Y%m%d-%H%M%S')}.{suffix}")

    @Slot()
    def _on_png_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export PNG"), self._suggested("png"), "PNG (*.png)")
        if path:
            self.export_png(Path(path))

    @Slot()
    def _on_csv_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), self._suggested("csv"), "CSV (*.csv)")
        if path:
            self.export_csv(Path(path))

    def export_png(self, path: Path) -> bool:
        """The graph as shown, as a PNG. Encoded in memory and written by Python, whole or not at all: Qt's own save
        answered true on a full disk (its buffered file's failure at close goes unreported) and left a cut-off file,
        and where it did fail, it had no reason to give."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not self.canvas.grab().save(buffer, "PNG"):
            self._export_failed(path, self.tr("the picture could not be made"))
            return False
        try:
            write_whole(path, bytes(data.data()))
        except OSError as exc:
            self._export_failed(path, oswords.reason(exc, named=False).in_language(QCoreApplication.translate))
            return False
        return True

    def export_csv(self, path: Path) -> bool:
        """The seconds shown (the window, or the paused view), one column per series; unknown = empty."""
        if self.follow:
            self.refresh(force=True)  # up to the newest second
        telemetry = self.controller.telemetry
        left, right = self.panes[0].plot.getViewBox().viewRange()[0]
        times, values = telemetry.ring.since(left - telemetry.wall_offset)
        # Both figures a series draws from, each in its own column (which one a second was drawn from shows).
        channels = [c for view in self.panes for s in view.pane.series for c in (s.channel, s.instead) if c]
        counts = {s.channel for view in self.panes if view.pane.counts for s in view.pane.series}
        header, rows = export_rows(times, values, telemetry.wall_offset, right, channels, counts)
        try:
            write_series_csv(path, header, rows)
        except OSError as exc:
            self._export_failed(path, oswords.reason(exc, named=False).in_language(QCoreApplication.translate))
            return False
        return True

    def _export_failed(self, path: Path, reason: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(
            self,
            self.tr("Export failed"),
            self.tr("Could not write %1: %2").replace("%1", str(path)).replace("%2", reason),
        )
