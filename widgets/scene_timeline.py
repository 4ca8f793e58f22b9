"""SceneTimeline: which scene was on program, when and for how long, as coloured blocks on the show's time axis
(local wall-clock). Hover a block for its scene, times and duration; click it to zoom every linked graph to it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal, Slot
from PySide6.QtGui import QCursor, QFontMetricsF
from PySide6.QtWidgets import QToolTip, QWidget

from console.core.review.impact import duration
from console.core.review.segments import span_label
from console.core.review.timeline import SceneSpan
from widgets.review_axis import ReviewDateAxis

#: Scenes take these colours in the order they first appear (muted: names in white stay readable on them).
PALETTE = ("#3f7cac", "#8a5a9e", "#3c8d6e", "#b5763a", "#a34d5d", "#5b6fb0", "#7f8f3a", "#4f8f9f", "#9c6b4e")
UNKNOWN_COLOUR = "#4a4a50"
TEXT_COLOUR = "#f0f0f2"
#: The graphs' left axis width (pixels), matched so the time axes line up.
AXIS_WIDTH = 52
#: Pixels of a block left around its name; a block narrower than its name plus this shows no name.
NAME_PAD = 6.0


def scene_colours(spans: tuple[SceneSpan, ...]) -> dict[str | None, str]:
    """A colour per scene, stable within a show (order of first appearance); unknown is grey."""
    colours: dict[str | None, str] = {None: UNKNOWN_COLOUR}
    for span in spans:
        if span.scene not in colours:
            colours[span.scene] = PALETTE[(len(colours) - 1) % len(PALETTE)]
    return colours


class SceneTimeline(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph is untyped
    """One row of blocks on a time axis; the window keeps it showing the same stretch as the graphs."""

    sig_span_clicked = Signal(float, float)  # start, end (epoch seconds) of the clicked scene
    sig_span_hovered = Signal(str)  # what the hover says of the scene under the pointer, on one line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"bottom": ReviewDateAxis(orientation="bottom")})
        self.spans: tuple[SceneSpan, ...] = ()
        self.colours: dict[str | None, str] = {}
        self._names: list[pg.TextItem] = []
        self._bars: pg.BarGraphItem | None = None
        plot = self.getPlotItem()
        # A left axis as wide as the graphs' (ShowGraphs gives theirs 52 px), without values: the blocks line up
        # with the graphs' time axes under them.
        left = plot.getAxis("left")
        left.setWidth(AXIS_WIDTH)
        left.setStyle(showValues=False)
        left.setPen(pg.mkPen(None))
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=True, y=False)
        plot.setYRange(0.0, 1.0, padding=0.0)
        bottom = plot.getAxis("bottom")
        # Two levels of ticks with text: zoomed to a few minutes, the major level (hours) may have no tick in view.
        bottom.setStyle(maxTickLevel=1, maxTextLevel=1)
        bottom.setHeight(24)
        bottom.setTextPen(pg.mkPen("#c8c8cc"))
        plot.getViewBox().sigXRangeChanged.connect(self._on_view_x_range_changed)
        plot.getViewBox().sigResized.connect(self._on_view_x_range_changed)
        self.setFixedHeight(72)
        self.setMouseTracking(True)
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)
        probe = pg.TextItem()  # kept while its font is read (a temporary's text item is deleted at once)
        self._metrics = QFontMetricsF(probe.textItem.font())

    def set_spans(self, spans: tuple[SceneSpan, ...]) -> None:
        plot = self.getPlotItem()
        if self._bars is not None:
            plot.removeItem(self._bars)
        for name in self._names:
            plot.removeItem(name)
        self.spans = spans
        self.colours = scene_colours(spans)
        self._names = []
        if not spans:
            self._bars = None
            return
        starts = np.array([s.start for s in spans])
        ends = np.array([s.end for s in spans])
        brushes = [pg.mkBrush(self.colours[s.scene]) for s in spans]
        self._bars = pg.BarGraphItem(
            x0=starts,
            x1=ends,
            y0=np.zeros(len(spans)),
            y1=np.ones(len(spans)),
            brushes=brushes,
            pen=pg.mkPen("#1c1c1f"),
        )
        plot.addItem(self._bars)
        for span in spans:
            name = pg.TextItem(self.name_of(span), color=TEXT_COLOUR, anchor=(0.0, 0.5))
            name.setPos(span.start, 0.5)
            name.setVisible(False)
            plot.addItem(name, ignoreBounds=True)
            self._names.append(name)
        self._on_view_x_range_changed()

    def name_of(self, span: SceneSpan) -> str:
        label = span_label(span)  # a stretch the console did not see says so ("Not seen …")
        return label if isinstance(label, str) else label.in_language(_translate)

    def describe(self, span: SceneSpan) -> str:
        """What the hover says: the scene, from when to when, how long."""
        return str(
            self.tr("%1\n%2 – %3 (%4)")
            .replace("%1", self.name_of(span))
            .replace("%2", datetime.fromtimestamp(span.start).strftime("%H:%M:%S"))
            .replace("%3", datetime.fromtimestamp(span.end).strftime("%H:%M:%S"))
            .replace("%4", duration(span.duration_s).in_language(_translate))
        )

    def span_at(self, t: float) -> SceneSpan | None:
        for span in self.spans:
            if span.start <= t < span.end or (span is self.spans[-1] and t == span.end):
                return span
        return None

    def visible_names(self) -> list[str]:
        return [name.toPlainText() for name in self._names if name.isVisible()]

    @Slot()
    def _on_view_x_range_changed(self, *_: Any) -> None:
        """A name shows where its block is wide enough at this zoom, placed at the visible part's left edge."""
        box = self.getPlotItem().getViewBox()
        (left, right), _ = box.viewRange()
        width = float(box.width())
        if right <= left or width <= 0:
            return
        per_pixel = (right - left) / width
        for span, name in zip(self.spans, self._names, strict=True):
            shown_from, shown_to = max(span.start, left), min(span.end, right)
            room = (shown_to - shown_from) / per_pixel
            fits = room >= self._metrics.horizontalAdvance(name.toPlainText()) + 2 * NAME_PAD
            if fits:
                name.setPos(shown_from + NAME_PAD * per_pixel / 2, 0.5)
            if name.isVisible() != fits:
                name.setVisible(fits)

    def _x_at(self, position: QPointF) -> float | None:
        box = self.getPlotItem().getViewBox()
        if not box.sceneBoundingRect().contains(position):
            return None
        return float(box.mapSceneToView(position).x())

    @Slot(object)
    def _on_scene_mouse_moved(self, position: QPointF) -> None:
        x = self._x_at(position)
        span = self.span_at(x) if x is not None else None
        if span is None:
            QToolTip.hideText()
            return
        said = self.describe(span)
        QToolTip.showText(QCursor.pos(), said, self, self.rect(), 60_000)
        self.sig_span_hovered.emit("   ".join(said.splitlines()))

    @Slot(object)
    def _on_scene_mouse_clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        x = self._x_at(event.scenePos())
        span = self.span_at(x) if x is not None else None
        if span is not None:
            self.sig_span_clicked.emit(span.start, span.end)


def _translate(context: str, text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return str(QCoreApplication.translate(context, text))
