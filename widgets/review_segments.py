"""SegmentTable: the show's segments (by scene, or by its rundown with each segment's planned length and how far
over or under it ran) with their audience, interaction rates and incidents — and GMV, orders and GPM when platform
data was imported. Choosing a row asks for every graph to zoom to that segment."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from console.core.review.by_rundown import SKIPPED, RundownRow, RundownTable
from console.core.review.segments import GMV, SegmentRow
from console.core.review.shows import duration_text, segment_duration_text, signed_duration
from console.core.rundown.live import changed_on_air, planned_cell
from obs.text import UNKNOWN, Message


def _clock(t: float) -> str:
    return datetime.fromtimestamp(t).strftime("%H:%M:%S")


def _number(value: float | None, decimals: int = 0, sign: bool = False) -> str:
    if value is None:
        return UNKNOWN
    return f"{value:+,.{decimals}f}" if sign else f"{value:,.{decimals}f}"


class SegmentTable(QTableWidget):
    sig_segment_chosen = Signal(float, float)  # start, end (epoch seconds)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[SegmentRow, ...] = ()
        self.with_sales = False
        #: Each row's planned length (by rundown); None when the rows are by scene.
        self.planned: tuple[int | None, ...] | None = None
        #: Each row's planned cell as said ("5:00 → 3:30" when changed on air) and what was changed, when, by whom.
        self.planned_shown: tuple[str, ...] = ()
        self.planned_notes: tuple[str, ...] = ()
        #: By rundown: every line of the table in order (takes and skipped segments; the totals row follows them).
        self.lines: tuple[RundownRow, ...] = ()
        #: What the totals row counts (its tooltip).
        self.totals_note = ""
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        self.cellClicked.connect(self._on_cell_clicked)
        self.currentCellChanged.connect(self._on_current_cell_changed)

    def headers(self) -> list[str]:
        words = [
            self.tr("Segment"),
            self.tr("Start"),
            self.tr("Duration"),
            *([self.tr("Planned"), self.tr("Over/under")] if self.planned is not None else []),
            self.tr("Avg viewers"),
            self.tr("Peak viewers"),
            self.tr("Viewer change"),
            self.tr("Likes/min"),
            self.tr("Interactions/min"),
            self.tr("Incidents"),
        ]
        if self.with_sales:
            words += [self.tr("GMV"), self.tr("Orders"), self.tr("GPM")]
        return words

    def set_rows(
        self,
        rows: tuple[SegmentRow, ...],
        with_sales: bool,
        planned: Sequence[int | None] | None = None,
        shown: Sequence[str] = (),
        notes: Sequence[str] = (),
    ) -> None:
        """The rows; `planned` (by rundown): each row's planned length in seconds (the one it ran to), shown with
        the over/under against it; `shown` the planned cell's words ("5:00 → 3:30": changed on air) and `notes`
        what was changed on air, when and by whom (the cells' tooltip)."""
        self.rows = rows
        self.lines = ()
        self.totals_note = ""
        self.with_sales = with_sales
        self.planned = tuple(planned) if planned is not None else None
        self.planned_shown, self.planned_notes = tuple(shown), tuple(notes)
        headers = self.headers()
        self.clear()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setRowCount(len(rows))
        for index, row in enumerate(rows):
            label = row.segment.label
            change = _number(row.viewers_change, sign=True)
            if row.viewers_change_pct is not None:
                change += f" ({row.viewers_change_pct:+.0f} %)"
            cells = [
                label.in_language(QCoreApplication.translate) if isinstance(label, Message) else label,
                datetime.fromtimestamp(row.segment.start).strftime("%H:%M:%S"),
                segment_duration_text(row.duration_s),
                *(self._against_plan(index, row.duration_s) if self.planned is not None else []),
                _number(row.viewers_avg),
                _number(row.viewers_peak),
                change,
                _number(row.likes_per_min, 1),
                _number(row.interactions_per_min, 1),
                str(row.incident_count) if row.incident_count else "",
            ]
            if with_sales:
                cells += [_number(row.extras.get(GMV), 2), _number(row.extras.get("orders")), _number(row.gpm, 1)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                note = self.planned_notes[index] if index < len(self.planned_notes) else ""
                if note and self.planned is not None and column in (3, 4):
                    item.setToolTip(note)
                if column == len(cells) - 1 and row.gpm_basis is not None:
                    item.setToolTip(
                        self.tr("GMV per 1,000 entries (the platform's basis)")
                        if row.gpm_basis == "entries"
                        else self.tr("GMV per 1,000 average viewers (no entries imported)")
                    )
                self.setItem(index, column, item)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def set_rundown(self, table: RundownTable, with_sales: bool) -> None:
        """The rows by rundown (console/core/review/by_rundown.py): every take with its figures and planned length,
        every segment skipped (said as skipped, its planned length, no actual; greyed, choosing it zooms nowhere),
        then the totals row, whose tooltip says what the totals count."""
        lines = table.rows
        runs = tuple(line.row for line in lines if line.row is not None)
        spans = [line.span for line in lines if line.span is not None]
        self.set_rows(
            runs,
            with_sales,
            [line.planned_s for line in lines if line.row is not None],
            [planned_cell(span, duration_text) for span in spans],
            [changed_on_air(span, QCoreApplication.translate, _clock, duration_text) for span in spans],
        )
        # set_rows laid out the takes; the skipped segments go in between them, in the order the show met them.
        self.lines = lines
        grey = self.palette().placeholderText()
        for index, line in enumerate(lines):
            if line.row is not None:
                continue
            self.insertRow(index)
            over = UNKNOWN if line.over_s is None else signed_duration(line.over_s)
            cells = [
                line.label,
                datetime.fromtimestamp(line.start).strftime("%H:%M:%S"),
                QCoreApplication.translate("RundownReview", SKIPPED),
                UNKNOWN if line.planned_s is None else duration_text(line.planned_s),
                over,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setForeground(grey)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(index, column, item)
        totals = table.totals
        at = self.rowCount()
        self.insertRow(at)
        note = "\n".join(words.in_language(QCoreApplication.translate) for words in totals.notes)
        cells = [
            totals.label.in_language(QCoreApplication.translate),
            "",
            duration_text(totals.actual_s),
            duration_text(totals.planned_s),
            signed_duration(totals.over_s),
        ]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            item.setToolTip(note)
            if column >= 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(at, column, item)
        self.totals_note = note

    def _against_plan(self, index: int, duration_s: float) -> list[str]:
        planned = self.planned[index] if self.planned is not None and index < len(self.planned) else None
        if planned is None:
            return [UNKNOWN, UNKNOWN]
        over = duration_s - planned
        shown = self.planned_shown[index] if index < len(self.planned_shown) else ""
        return [shown or duration_text(planned), ("+" if over >= 0 else "−") + duration_text(abs(over))]

    def choose(self, index: int) -> None:
        """As if the user clicked row `index`."""
        self.selectRow(index)
        self._emit(index)

    def _emit(self, index: int) -> None:
        if self.lines:  # by rundown: a skipped segment and the totals row were never on air
            line = self.lines[index] if 0 <= index < len(self.lines) else None
            if line is not None and line.row is not None:
                self.sig_segment_chosen.emit(line.row.segment.start, line.row.segment.end)
            return
        if 0 <= index < len(self.rows):
            segment = self.rows[index].segment
            self.sig_segment_chosen.emit(segment.start, segment.end)

    @Slot(int, int)
    def _on_cell_clicked(self, row: int, _column: int) -> None:
        self._emit(row)

    @Slot(int, int, int, int)
    def _on_current_cell_changed(self, row: int, _column: int, previous: int, _previous_column: int) -> None:
        if row != previous:
            self._emit(row)  # the keyboard moves through segments too
