"""CompareView: two or more shows overlaid on one offset axis — aligned by their start, by going live, or by the
first time a scene went on program — one colour and legend entry per show, and the table of their differences
(duration, time on air, peak and average viewers, interactions, incidents, dropped-frame %, viewer-minutes lost),
each against the first show."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.reports import room_in
from console.core.review.bundle import ShowBundle
from console.core.review.compare import Aligned, CannotAlign, Comparison, align, compare
from obs.text import UNKNOWN
from widgets.graph_spec import QT_TRANSLATE_NOOP
from widgets.telemetry_graph import GRID_COLOUR, TEXT_COLOUR

#: One colour per show, in the order given (the first is the one the others are measured against).
SHOW_COLOURS = ("#4fc3f7", "#ffb74d", "#aed581", "#f06292", "#ba68c8", "#fff176", "#90a4ae", "#4db6ac")
#: The channels one can overlay: (channel, its name with its unit, in the "Compare" context). The live docks'
#: series names ("Stream", "System") are read under their graph's title; alone in a chooser they said neither which
#: figure nor in what (walk15: "推流", "整机").
CHANNELS = (
    ("viewers", QT_TRANSLATE_NOOP("Compare", "Viewers")),
    ("likes", QT_TRANSLATE_NOOP("Compare", "Likes")),
    ("interactions", QT_TRANSLATE_NOOP("Compare", "Interactions")),
    ("comments_per_min", QT_TRANSLATE_NOOP("Compare", "Comments per minute")),
    ("chatters_per_min", QT_TRANSLATE_NOOP("Compare", "Chatters per minute")),
    ("bitrate_kbps", QT_TRANSLATE_NOOP("Compare", "Stream bitrate (kbit/s)")),
    ("drop_network_pct", QT_TRANSLATE_NOOP("Compare", "Frames dropped by the network (%)")),
    ("drop_render_pct", QT_TRANSLATE_NOOP("Compare", "Rendering lag (% of frames)")),
    ("fps", QT_TRANSLATE_NOOP("Compare", "Frame rate (fps)")),
    ("cpu_system_pct", QT_TRANSLATE_NOOP("Compare", "Computer's CPU (%)")),
)


class OffsetAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Seconds since each show's alignment point, as h:mm (m:ss when ticks are under a minute apart), negative
    before it, ticks on whole minutes or hours."""

    #: Tick steps in seconds: whole minutes and hours, as one reads a show's running time.
    STEPS = (10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800)

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:
        span = maxVal - minVal
        if span <= 0 or size <= 0:
            return super().tickSpacing(minVal, maxVal, size)  # type: ignore[no-any-return]
        wanted = span / max(1.0, size / 90.0)  # a label about every 90 pixels
        major = next((step for step in self.STEPS if step >= wanted), self.STEPS[-1])
        return [(float(major), 0.0)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        strings = []
        for value in values:
            sign = "−" if value < 0 else ""
            whole = abs(round(value))
            if spacing < 60:
                strings.append(f"{sign}{whole // 60}:{whole % 60:02d}")
            else:
                strings.append(f"{sign}{whole // 3600}:{whole % 3600 // 60:02d}")
        return strings


def show_name(bundle: ShowBundle) -> str:
    """ "#12 双十一预热 · 11-24 20:00" (no title: the room)."""
    start = datetime.fromtimestamp(bundle.data.start).strftime("%m-%d %H:%M")
    return f"#{bundle.show_id} {bundle.meta.title or room_in(bundle.room, QCoreApplication.translate)} · {start}"


class CompareView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bundles: tuple[ShowBundle, ...] = ()
        self.comparison: Comparison | None = None
        self.aligned: tuple[Aligned, ...] = ()
        self.curves: list[pg.PlotDataItem] = []
        self.channel_box = QComboBox()
        for channel, label in CHANNELS:
            self.channel_box.addItem(QCoreApplication.translate("Compare", label), channel)
        self.align_box = QComboBox()
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #e0312f")
        self.problem.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Figure:")))
        bar.addWidget(self.channel_box)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Aligned by:")))
        bar.addWidget(self.align_box)
        bar.addWidget(self.problem, 1)
        self.plot_widget = pg.PlotWidget(axisItems={"bottom": OffsetAxis(orientation="bottom")})
        plot = self.plot_widget.getPlotItem()
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=True, y=False)
        plot.setLimits(yMin=0.0)
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.setGrid(255)
            axis.setPen(pg.mkPen(GRID_COLOUR))
            axis.setTextPen(pg.mkPen(TEXT_COLOUR))
            axis.setZValue(-1000)
        plot.getAxis("left").enableAutoSIPrefix(False)
        plot.addLegend(offset=(4, 1), labelTextColor=TEXT_COLOUR, brush=pg.mkBrush(28, 28, 31, 200))
        self.zero = pg.InfiniteLine(pos=0.0, angle=90, movable=False, pen=pg.mkPen("#888", style=Qt.PenStyle.DashLine))
        plot.addItem(self.zero, ignoreBounds=True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.plot_widget, 1)
        splitter.addWidget(top)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.channel_box.currentIndexChanged.connect(self._on_choice_changed)
        self.align_box.currentIndexChanged.connect(self._on_choice_changed)

    def set_bundles(self, bundles: tuple[ShowBundle, ...]) -> None:
        self.bundles = bundles
        self.comparison = compare([b.data for b in bundles])
        self.align_box.blockSignals(True)
        self.align_box.clear()
        self.align_box.addItem(self.tr("Start of the show"), ("start", None))
        self.align_box.addItem(self.tr("Going live"), ("on_air", None))
        shared = _shared_scenes(bundles)
        for scene in shared:
            self.align_box.addItem(self.tr("First time on program: %1").replace("%1", scene), ("segment", scene))
        self.align_box.blockSignals(False)
        self._fill_table(self.comparison)
        self.redraw()

    def choose(self, channel: str | None = None, by: str | None = None, scene: str | None = None) -> None:
        """As the user would: pick the figure and the alignment."""
        if channel is not None:
            self.channel_box.setCurrentIndex(self.channel_box.findData(channel))
        if by is not None:
            for index in range(self.align_box.count()):
                if self.align_box.itemData(index) == (by, scene):
                    self.align_box.setCurrentIndex(index)
        self.redraw()

    @Slot(int)
    def _on_choice_changed(self, _index: int) -> None:
        self.redraw()

    def redraw(self) -> None:
        plot = self.plot_widget.getPlotItem()
        for curve in self.curves:
            plot.removeItem(curve)
        self.curves = []
        self.aligned = ()
        if not self.bundles:
            return
        channel = self.channel_box.currentData()
        by, scene = self.align_box.currentData() or ("start", None)
        try:
            self.aligned = align([b.data for b in self.bundles], channel, by=by, segment=scene)
        except CannotAlign as exc:
            self.problem.setText(exc.explain(QCoreApplication.translate("Review", exc.template)))
            return
        self.problem.clear()
        figure = self.channel_box.currentText()
        plot.getAxis("left").setLabel(figure)
        unknown = [show_name(b) for b, line in zip(self.bundles, self.aligned, strict=True) if not _known(line)]
        if unknown:
            # An empty chart with every show in its legend read as lines drawn (walk15); the PDF says the same.
            words = (
                self.tr("Not known for these shows: %1")
                if len(unknown) == len(self.bundles)
                else self.tr("Not known for %1")
            )
            self.problem.setText(words.replace("%2", figure).replace("%1", "; ".join(unknown)))
        for index, (bundle, line) in enumerate(zip(self.bundles, self.aligned, strict=True)):
            if not _known(line):
                continue
            curve = plot.plot(
                line.offset,
                line.values,
                pen=pg.mkPen(SHOW_COLOURS[index % len(SHOW_COLOURS)], width=1),
                name=show_name(bundle),
                connect="finite",
                skipFiniteCheck=True,
            )
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            self.curves.append(curve)
        plot.enableAutoRange(axis="x")
        plot.enableAutoRange(axis="y")

    def _fill_table(self, comparison: Comparison) -> None:
        shows = [show_name(b) for b in self.bundles]
        self.table.clear()
        self.table.setColumnCount(len(shows))
        self.table.setRowCount(len(comparison.differences))
        self.table.setHorizontalHeaderLabels(shows)
        self.table.setVerticalHeaderLabels(
            [d.label.in_language(QCoreApplication.translate) for d in comparison.differences]
        )
        for row, difference in enumerate(comparison.differences):
            for column, (value, delta) in enumerate(zip(difference.values, difference.delta, strict=True)):
                decimals = _decimals(difference.metric)
                text = _figure(value, decimals)
                if column and delta is not None:
                    text += f"  ({_figure(delta, decimals, signed=True)})"
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def cell(self, metric: str, show_index: int) -> str:
        assert self.comparison is not None
        row = next(i for i, d in enumerate(self.comparison.differences) if d.metric == metric)
        item = self.table.item(row, show_index)
        return item.text() if item is not None else ""


#: Decimals per figure of the comparison (counts whole, rates to a tenth, dropped-frame shares to a hundredth).
DECIMALS = {"duration_min": 1, "on_air_min": 1, "likes_per_min": 1, "interactions_per_min": 1}


def _known(line: Aligned) -> bool:
    """The show has the figure somewhere (a line of None/NaN alone is a figure not known for it)."""
    return bool(np.isfinite(line.values).any())


def _decimals(metric: str) -> int:
    return 2 if metric.startswith("drop_") else DECIMALS.get(metric, 0)


def _figure(value: float | None, decimals: int, signed: bool = False) -> str:
    if value is None:
        return UNKNOWN
    return f"{value:+,.{decimals}f}" if signed else f"{value:,.{decimals}f}"


def _shared_scenes(bundles: tuple[ShowBundle, ...]) -> list[str]:
    """Scenes every show had on program, in the first show's order."""
    seen: list[Any] = []
    for span in bundles[0].timeline:
        shared = all(any(s.scene == span.scene for s in b.timeline) for b in bundles[1:])
        if span.scene is not None and span.scene not in seen and shared:
            seen.append(span.scene)
    return seen
