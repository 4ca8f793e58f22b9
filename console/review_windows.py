"""The review windows the Shows browser opens: ShowWindow (one show, opened: every graph on one time axis, its
scene timeline, segments, incidents with their impact, the verdict, its metadata and checklist outcome) and
CompareWindow (two or more shows overlaid with their differences). Both get their shows from a ShowLoader, which
reads off the GUI thread (review_controller.py in the console; bundle_show underneath) and answers on it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.reports import room_in
from console.core.review.bundle import ShowBundle
from console.core.review.by_rundown import rundown_table
from console.core.review.impact import CAVEAT
from console.core.review.platform import platform_words
from console.core.review.shows import Checklist, checklist_in, duration_text
from console.core.review.timeline import on_air_text
from console.database_words import said
from console.graphs import GRAPHS
from obs.errors import Explained
from widgets.compare_view import CompareView
from widgets.graph_spec import Pane
from widgets.review_incidents import IncidentTable
from widgets.review_segments import SegmentTable
from widgets.scene_timeline import SceneTimeline
from widgets.screen_fit import available_size
from widgets.show_view import ShowGraphs

#: The review's graphs, in the issue's order: the live graph docks' panes, named by their first channel. The
#: audience's three panes close it, comments and chatters per minute included (README: "in the show review").
ORDER = (
    "bitrate_kbps",
    "drop_render_pct",
    "fps",
    "render_ms",
    "cpu_system_pct",
    "viewers",
    "likes",
    "comments_per_min",
)


def review_panes() -> tuple[Pane, ...]:
    """The live graph docks' panes (series, colours, reference lines), reordered for review."""
    panes = {pane.series[0].channel: pane for spec in GRAPHS for pane in spec.panes}
    return tuple(panes[channel] for channel in ORDER)


#: A review window's share of a screen larger than a laptop's: a show's eight graphs want height (1280×720 on a
#: 1920×1080 screen showed two of them), yet a window the whole screen would hide the console it was opened from.
REVIEW_SHARE = 0.85


def review_size(window: QWidget, least_width: int, least_height: int) -> QSize:
    """A review window's first size: REVIEW_SHARE of the screen's free area, at least the size a laptop gets
    (least_width × least_height), never more than the screen (fit_to_screen sizes it down there)."""
    room = available_size(window)
    return QSize(
        min(room.width(), max(least_width, round(room.width() * REVIEW_SHARE))),
        min(room.height(), max(least_height, round(room.height() * REVIEW_SHARE))),
    )


#: What a loader calls back with, on the GUI thread: the bundle, or None and what went wrong.
Then = Callable[[ShowBundle | None, BaseException | None], None]


class ShowLoader(Protocol):
    def load(self, show_id: int, then: Then) -> None:
        """Read the show off the GUI thread (bundle_show) and call `then` on the GUI thread."""


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def problem_text(error: BaseException) -> str:
    """An error in the reader's language: an Explained one translated in its context ("Review" for the review's
    own), anything else as its message (a StorageError already says why in words)."""
    if isinstance(error, Explained):
        return error.explain(QCoreApplication.translate("Review", error.template))
    return said(error)  # a database failure by its cause when known, else its own words


class ShowHeader(QWidget):
    """The show's title, room, time, people, tags, data completeness, checklist outcome and platform import."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.details)

    def set_bundle(self, bundle: ShowBundle) -> None:
        meta, data = bundle.meta, bundle.data
        title = meta.title or self.tr("Show %1").replace("%1", str(bundle.show_id))
        self.title.setText(f"{title} — {room_in(bundle.room, QCoreApplication.translate)}")
        start, end = datetime.fromtimestamp(data.start), datetime.fromtimestamp(data.end)
        when = (
            f"{start:%Y-%m-%d %H:%M} – {end:%H:%M}"
            if start.date() == end.date()
            else f"{start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M}"
        )
        first = [when, duration_text(data.duration_s)]
        if bundle.air:
            # The time on air with the part the console did not see (it was not running; the stream ran on).
            on_air = on_air_text(bundle.figures.on_air_s, bundle.figures.on_air_unseen_s, _translate)
            first.append(self.tr("on air %1").replace("%1", on_air))
        summary = bundle.summary
        if summary is not None and summary.completeness is not None:
            first.append(self.tr("data for %1 % of its seconds").replace("%1", f"{100 * summary.completeness:.0f}"))
        if summary is not None and summary.live:
            first.append(self.tr("not over yet"))
        lines = [" · ".join(first)]
        people = []
        if meta.hosts:
            people.append(self.tr("Hosts: %1").replace("%1", ", ".join(meta.hosts)))
        if meta.assistant:
            people.append(self.tr("Assistant: %1").replace("%1", meta.assistant))
        if meta.tags:
            people.append(self.tr("Tags: %1").replace("%1", ", ".join(meta.tags)))
        if people:
            lines.append(" · ".join(people))
        lines.append(self.checklist_line(bundle))
        if bundle.platform is not None:
            lines.append(
                self.tr("Platform data: %1 (%2), imported by %3")
                .replace("%1", bundle.platform.file_name)
                .replace("%2", platform_words(bundle.platform.platform, QCoreApplication.translate))
                .replace("%3", bundle.platform.imported_by)
            )
        if meta.notes:
            lines.append(self.tr("Notes: %1").replace("%1", " ".join(meta.notes.split())))
        self.details.setText("\n".join(lines))

    def checklist_line(self, bundle: ShowBundle) -> str:
        outcome = bundle.checklist
        word = checklist_in(outcome.outcome, _translate)
        if outcome.outcome is Checklist.OVERRIDDEN:
            return (
                self.tr("Pre-show checklist: %1 by %2 (%3)")
                .replace("%1", word)
                .replace("%2", outcome.override_by or "")
                .replace("%3", outcome.override_reason or "")
            )
        completed = outcome.completed_before()
        if outcome.outcome is Checklist.READY and outcome.run is not None and completed is not None:
            return (
                self.tr("Pre-show checklist: %1 (%2, %3)")
                .replace("%1", word)
                .replace("%2", outcome.run.title_in(_language()))
                .replace("%3", completed.in_language(_translate))
            )
        if outcome.outcome is Checklist.READY and outcome.run is not None:
            return (
                self.tr("Pre-show checklist: %1 (%2, by %3)")
                .replace("%1", word)
                .replace("%2", outcome.run.title_in(_language()))
                .replace("%3", outcome.run.operator)
            )
        return self.tr("Pre-show checklist: %1").replace("%1", word)


def _language() -> str:
    """The reader's language as the installed catalogue says it (a run's title is stored in each language)."""
    return "en" if QCoreApplication.translate("ShowHeader", "Hosts: %1") == "Hosts: %1" else "zh_CN"


class ShowWindow(QMainWindow):
    """One show, opened. Shows "Loading…" until the loader answers, then everything; a show that cannot be read
    says why in the window instead."""

    sig_loaded = Signal()  # the show is drawn (or the problem shown)

    def __init__(self, loader: ShowLoader, show_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"show_window_{show_id}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.show_id = show_id
        self.bundle: ShowBundle | None = None
        self.error: BaseException | None = None
        self.setWindowTitle(self.tr("Show %1").replace("%1", str(show_id)))
        self.resize(review_size(self, 1280, 720))
        # Said above the (still empty) graphs rather than on a page of its own: the panes are laid out at their
        # size while the show is read, so its arrival only adds data (a page switch would lay everything out again).
        self.status = QLabel(self.tr("Loading show %1…").replace("%1", str(show_id)))
        self.status.setWordWrap(True)
        self.header = ShowHeader()
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet("font-weight: bold")
        self.caveat = QLabel(CAVEAT.in_language(_translate))
        self.caveat.setWordWrap(True)
        self.caveat.setStyleSheet("color: #9a9aa0")
        self.whole_button = QPushButton(self.tr("Whole show"))
        self.whole_button.setToolTip(self.tr("Zoom every graph out to the whole show"))
        self.timeline = SceneTimeline()
        self.graphs = ShowGraphs(review_panes())
        self.segments = SegmentTable()
        # A show run from its rundown reads by rundown (planned vs actual) or by scene; hidden for other shows.
        self.segments_by = QComboBox()
        self.segments_by.addItem(self.tr("By scene"), "scene")
        self.segments_by.addItem(self.tr("By rundown"), "rundown")
        self.segments_by.setVisible(False)
        segments_page = QWidget()
        segments_layout = QVBoxLayout(segments_page)
        segments_layout.setContentsMargins(0, 0, 0, 0)
        segments_layout.setSpacing(2)
        segments_layout.addWidget(self.segments_by, 0, Qt.AlignmentFlag.AlignLeft)
        segments_layout.addWidget(self.segments, 1)
        # By rundown: what the totals row counts, said under the table (not only in its tooltip).
        self.segments_note = QLabel()
        self.segments_note.setWordWrap(True)
        self.segments_note.setStyleSheet("color: #9a9aa0")
        self.segments_note.setVisible(False)
        segments_layout.addWidget(self.segments_note)
        self.incidents = IncidentTable()
        self.tabs = QTabWidget()
        self.tabs.addTab(segments_page, self.tr("Segments"))
        self.tabs.addTab(self.incidents, self.tr("Incidents"))
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(3)
        layout.addWidget(self.status)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.whole_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(top)
        layout.addWidget(self.verdict)
        layout.addWidget(self.caveat)
        # The timeline over the graphs, short of the graphs' scroll bar so their time axes line up.
        timeline_row = QHBoxLayout()
        timeline_row.addWidget(self.timeline, 1)
        timeline_row.addSpacing(self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent))
        layout.addLayout(timeline_row)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.graphs)
        self.splitter.addWidget(self.tabs)
        # The graphs scroll on their own; the tables below need room for a handful of rows on a 1366×768 laptop
        # (at 3:1 the segment table showed two).
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        rows = self.segments.verticalHeader().defaultSectionSize()
        # Five rows under the tab bar, the by-scene/by-rundown choice and the table's header.
        self.tabs.setMinimumHeight(5 * rows + 3 * (self.fontMetrics().height() + 14) + 20)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(content)
        self._connect_signals()
        loader.load(show_id, self._on_loader_answered)

    def _connect_signals(self) -> None:
        self.timeline.sig_span_clicked.connect(self._on_stretch_chosen)
        self.segments.sig_segment_chosen.connect(self._on_stretch_chosen)
        self.segments_by.currentIndexChanged.connect(self._on_segments_by_changed)
        self.incidents.sig_incident_chosen.connect(self._on_stretch_chosen)
        self.whole_button.clicked.connect(self._on_whole_button_clicked)
        self.graphs.first_plot.getViewBox().sigResized.connect(self._on_view_resized)
        self.timeline.getPlotItem().getViewBox().sigResized.connect(self._on_view_resized)
        self.graphs.sig_range_changed.connect(self._on_graphs_range_changed)
        # Also in the read-out line over the graphs: a tooltip is easily missed (and some desktops hold it back).
        self.timeline.sig_span_hovered.connect(self.graphs.readout.setText)
        self.timeline.getPlotItem().getViewBox().sigRangeChangedManually.connect(
            self._on_timeline_range_changed_manually
        )

    @Slot()
    def _on_view_resized(self, *_: object) -> None:
        """The timeline's blocks exactly over the graphs' time axis: its plot's side margins follow where the
        graphs' plotting area starts and ends on screen (their axis, scroll bar and frames differ)."""
        graph_box = self.graphs.first_plot.getViewBox()
        time_box = self.timeline.getPlotItem().getViewBox()
        canvas, timeline = self.graphs.canvas, self.timeline
        graph_rect, time_rect = graph_box.sceneBoundingRect(), time_box.sceneBoundingRect()
        if graph_rect.width() <= 0 or time_rect.width() <= 0:
            return
        # mapFromScene answers in the viewport's coordinates (inside the view's frame).
        graph_left = canvas.viewport().mapToGlobal(canvas.mapFromScene(graph_rect.topLeft())).x()
        graph_right = canvas.viewport().mapToGlobal(canvas.mapFromScene(graph_rect.topRight())).x()
        time_left = timeline.viewport().mapToGlobal(timeline.mapFromScene(time_rect.topLeft())).x()
        time_right = timeline.viewport().mapToGlobal(timeline.mapFromScene(time_rect.topRight())).x()
        layout = self.timeline.getPlotItem().layout
        left, top, right, bottom = layout.getContentsMargins()
        new_left, new_right = max(0.0, left + graph_left - time_left), max(0.0, right + time_right - graph_right)
        if abs(new_left - left) >= 1 or abs(new_right - right) >= 1:
            layout.setContentsMargins(new_left, top, new_right, bottom)
        self._on_graphs_range_changed(*graph_box.viewRange()[0])

    # The timeline and the graphs show the same stretch. Not pyqtgraph's setXLink: it aligns views by where it
    # thinks they are on screen, which is off by the scroll area's frame here (the scenes sat 6 px off the graphs);
    # with the plotting areas made the same width and place above, the same range is the same pixels.
    @Slot(float, float)
    def _on_graphs_range_changed(self, left: float, right: float) -> None:
        box = self.timeline.getPlotItem().getViewBox()
        if box.viewRange()[0] != [left, right]:
            box.setXRange(left, right, padding=0.0)

    @Slot()
    def _on_timeline_range_changed_manually(self, *_: object) -> None:
        left, right = self.timeline.getPlotItem().getViewBox().viewRange()[0]
        self.graphs.first_plot.setXRange(left, right, padding=0.0)

    def _on_loader_answered(self, bundle: ShowBundle | None, error: BaseException | None) -> None:
        if bundle is None:
            self.error = error
            reason = problem_text(error) if error is not None else ""
            self.status.setText(
                self.tr("Show %1 could not be opened: %2").replace("%1", str(self.show_id)).replace("%2", reason)
            )
            self.status.setStyleSheet("color: #e0312f")
            for empty in (self.splitter, self.timeline, self.caveat, self.whole_button):
                empty.hide()
            self.sig_loaded.emit()
            return
        self.show_bundle(bundle)

    def show_bundle(self, bundle: ShowBundle) -> None:
        """Draw everything of the show (the loader's answer; callable directly where the bundle is at hand)."""
        self.bundle = bundle
        title = bundle.meta.title or room_in(bundle.room, QCoreApplication.translate)
        self.setWindowTitle(self.tr("Show %1 — %2").replace("%1", str(bundle.show_id)).replace("%2", title))
        self.header.set_bundle(bundle)
        self.verdict.setText(bundle.verdict.in_language(_translate))
        self.graphs.set_bundle(bundle)
        self.timeline.set_spans(bundle.timeline)
        by_rundown = bool(bundle.data.rundown_marks)
        self.segments_by.setVisible(by_rundown)
        self.segments_by.blockSignals(True)
        self.segments_by.setCurrentIndex(1 if by_rundown else 0)  # run from its rundown: that is how it reads
        self.segments_by.blockSignals(False)
        self._show_segments()
        self.incidents.set_impacts(bundle.impact.impacts)
        self.tabs.setTabText(1, self.tr("Incidents (%1)").replace("%1", str(len(bundle.impact.impacts))))
        self.status.hide()
        self.sig_loaded.emit()

    def _show_segments(self) -> None:
        bundle = self.bundle
        if bundle is None:
            return
        sales = bundle.imported and "gmv" in bundle.extras
        table = rundown_table(bundle) if self.segments_by.currentData() == "rundown" else None
        self.segments_note.setVisible(table is not None)
        if table is not None:
            self.segments.set_rundown(table, sales)
            self.segments_note.setText(" ".join(n.in_language(QCoreApplication.translate) for n in table.totals.notes))
        else:
            self.segments.set_rows(bundle.segments, with_sales=sales)

    @Slot(int)
    def _on_segments_by_changed(self, _index: int) -> None:
        self._show_segments()

    @Slot(float, float)
    def _on_stretch_chosen(self, start: float, end: float) -> None:
        self.graphs.zoom_to(start, end)

    @Slot()
    def _on_whole_button_clicked(self) -> None:
        self.graphs.show_whole()


class CompareWindow(QMainWindow):
    """Two or more shows compared; waits for every one of them before drawing."""

    sig_loaded = Signal()

    def __init__(self, loader: ShowLoader, show_ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.show_ids = tuple(show_ids)
        self.bundles: dict[int, ShowBundle] = {}
        self.errors: dict[int, BaseException] = {}
        self.setWindowTitle(self.tr("Compare shows %1").replace("%1", ", ".join(f"#{i}" for i in self.show_ids)))
        self.resize(review_size(self, 1200, 700))
        self.stack = QStackedWidget()
        self.status = QLabel(self.tr("Loading %1 shows…").replace("%1", str(len(self.show_ids))))
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        self.view = CompareView()
        self.stack.addWidget(self.status)
        self.stack.addWidget(self.view)
        self.setCentralWidget(self.stack)
        if len(set(self.show_ids)) < 2:
            self.status.setText(self.tr("Choose two shows or more to compare."))
            return
        for show_id in dict.fromkeys(self.show_ids):
            loader.load(show_id, self._answer_for(show_id))

    def _answer_for(self, show_id: int) -> Then:
        def then(bundle: ShowBundle | None, error: BaseException | None) -> None:
            self._on_loader_answered(show_id, bundle, error)

        return then

    def _on_loader_answered(self, show_id: int, bundle: ShowBundle | None, error: BaseException | None) -> None:
        if bundle is not None:
            self.bundles[show_id] = bundle
        else:
            self.errors[show_id] = error or RuntimeError("?")
        wanted = list(dict.fromkeys(self.show_ids))
        if len(self.bundles) + len(self.errors) < len(wanted):
            return
        if self.errors:
            reasons = "\n".join(
                self.tr("Show %1: %2").replace("%1", str(i)).replace("%2", problem_text(e))
                for i, e in self.errors.items()
            )
            self.status.setText(self.tr("The shows could not be compared:") + "\n" + reasons)
        else:
            self.view.set_bundles(tuple(self.bundles[i] for i in wanted))
            self.stack.setCurrentIndex(1)
        self.sig_loaded.emit()
