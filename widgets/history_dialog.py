"""HistoryDialog: past checklist runs filtered by room, checklist, operator and date; export to CSV or PDF."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checklists.model import text_for
from obs import oswords
from widgets.ports import ChecklistPort, PdfWriter

if TYPE_CHECKING:  # the database layer loads on first use, not at start-up
    from console.core.storage import StoredItem, StoredRun


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


class HistoryDialog(QDialog):
    def __init__(
        self, controller: ChecklistPort, language: str, write_pdf: PdfWriter, parent: QWidget | None = None
    ) -> None:
        """`write_pdf`: the PDF export (console.pdf_report.write_pdf; it lays the page out with Qt's printing)."""
        super().__init__(parent)
        self.controller = controller
        self._write_pdf = write_pdf
        # The reader's language: stored runs are shown and exported in it, whatever language they were run in.
        self.language = language
        self.setWindowTitle(self.tr("Checklist history"))
        self.resize(1000, 640)
        self.room = QLineEdit()
        self.room.setPlaceholderText(self.tr("any room"))
        self.checklist = QComboBox()
        self.checklist.addItem(self.tr("any checklist"), "")
        for template_id, template in sorted(controller.templates.items()):
            self.checklist.addItem(text_for(template.title, language), template_id)
        self.operator = QLineEdit()
        self.operator.setPlaceholderText(self.tr("anyone"))
        self.since = QDateEdit(QDate.currentDate().addDays(-30))
        self.until = QDateEdit(QDate.currentDate())
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.search = QPushButton(self.tr("Search"))
        self.runs_table = QTableWidget(0, 9)
        self.runs_table.setHorizontalHeaderLabels(
            [
                self.tr("Started"),
                self.tr("Room"),
                self.tr("Checklist"),
                self.tr("Operator"),
                self.tr("Show"),
                self.tr("Kind"),
                self.tr("Ready"),
                self.tr("End"),
                self.tr("Went live anyway"),
            ]
        )
        self.items_table = QTableWidget(0, 5)
        self.items_table.setHorizontalHeaderLabels(
            [self.tr("Status"), self.tr("Item"), self.tr("Result"), self.tr("Who"), self.tr("Note")]
        )
        for table in (self.runs_table, self.items_table):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        self.export_csv = QPushButton(self.tr("Export CSV…"))
        self.export_pdf = QPushButton(self.tr("Export PDF…"))
        self.message = QLabel()
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Room"), self.room),
            (self.tr("Checklist"), self.checklist),
            (self.tr("Operator"), self.operator),
            (self.tr("From"), self.since),
            (self.tr("To"), self.until),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.search)
        exports = QHBoxLayout()
        exports.addWidget(self.message, 1)
        exports.addWidget(self.export_csv)
        exports.addWidget(self.export_pdf)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.runs_table, 2)
        layout.addWidget(self.items_table, 3)
        layout.addLayout(exports)
        self.runs: list[StoredRun] = []
        self.selected: StoredRun | None = None
        self.search.clicked.connect(self.refresh)
        self.runs_table.currentCellChanged.connect(self._on_runs_table_current_changed)
        self.export_csv.clicked.connect(self._on_export_csv_clicked)
        self.export_pdf.clicked.connect(self._on_export_pdf_clicked)
        self._set_exports_enabled(False)
        self.refresh()

    def filters(self) -> dict[str, Any]:
        def at(date: QDate, day_offset: int) -> datetime:
            day = datetime(date.year(), date.month(), date.day()) + timedelta(days=day_offset)
            return datetime.combine(day.date(), time.min).astimezone(UTC)

        return {
            "room": self.room.text().strip() or None,
            "checklist": self.checklist.currentData() or None,
            "operator": self.operator.text().strip() or None,
            "since": at(self.since.date(), 0),
            "until": at(self.until.date(), 1),
        }

    @Slot()
    def refresh(self) -> None:
        self.message.setText(self.tr("Searching…"))
        self.controller.query_runs(self.filters(), self._on_runs_loaded)

    def _on_runs_loaded(self, runs: list[StoredRun] | None, error: BaseException | None) -> None:
        if error is not None or runs is None:
            self.message.setText(self.tr("The history could not be read: %1").replace("%1", str(error)))
            return
        self.runs = runs
        self.runs_table.setRowCount(len(runs))
        for row, run in enumerate(runs):
            values = (
                run.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                self.tr("demo room") if run.room == "demo" else run.room,
                run.title_in(self.language),
                run.operator,
                self.show_text(run),
                self.kind_text(run.kind),
                self.tr("yes") if run.ready else self.tr("no"),
                self.end_text(run),
                run.go_live_reason or "",
            )
            for column, value in enumerate(values):
                self.runs_table.setItem(row, column, _cell(value))
        self.message.setText(
            (self.tr("%1 run") if len(runs) == 1 else self.tr("%1 runs")).replace("%1", str(len(runs)))
        )
        self.items_table.setRowCount(0)
        self.selected = None
        self._set_exports_enabled(False)
        if runs:
            self.runs_table.blockSignals(True)
            self.runs_table.setCurrentCell(0, 0)  # the current cell may not change, so load the first run here
            self.runs_table.blockSignals(False)
            self.controller.load_run(runs[0].id, self._on_run_loaded)

    def show_text(self, run: StoredRun) -> str:
        """The show a run belongs to: when that show began, and its number; a dash without a show."""
        if run.show_id is None:
            return "—"
        began = run.show_started_at.astimezone().strftime("%m-%d %H:%M") if run.show_started_at else ""
        return self.tr("%1 (show %2)").replace("%1", began).replace("%2", str(run.show_id)).strip()

    def kind_text(self, kind: str) -> str:
        return {
            "pre-show": self.tr("Pre-show"),
            "troubleshooting": self.tr("Troubleshooting"),
            "post-show": self.tr("Post-show"),
        }.get(kind, kind)

    def status_text(self, status: str) -> str:
        """A status as a word in the reader's language; the stored machine name ("passed") read like a code."""
        return {
            "pending": self.tr("Waiting"),
            "checking": self.tr("Checking"),
            "passed": self.tr("Passed"),
            "failed": self.tr("Failed"),
            "error": self.tr("Could not tell"),
            "needs_person": self.tr("Needs a person"),
            "overridden": self.tr("Overridden"),
        }.get(status, status)

    def who_text(self, item: StoredItem) -> str:
        """Who confirmed an item, and when (local time)."""
        if not item.confirmed_by:
            return ""
        if item.confirmed_at is None:
            return item.confirmed_by
        when = item.confirmed_at.astimezone().strftime("%Y-%m-%d %H:%M")
        return self.tr("%1 at %2").replace("%1", item.confirmed_by).replace("%2", when)

    def end_text(self, run: StoredRun) -> str:
        when = run.ended_at.astimezone().strftime("%H:%M") if run.ended_at else ""
        if run.end_state == "completed" and run.go_live_at is not None and not run.go_live_by:
            # Completed before the stream started, and counted as its show's checklist at go-live.
            return (
                self.tr("completed by %1 at %2; went live at %3")
                .replace("%1", run.ended_by or "")
                .replace("%2", when)
                .replace("%3", run.go_live_at.astimezone().strftime("%H:%M"))
            )
        if run.end_state == "completed":
            return self.tr("completed by %1 at %2").replace("%1", run.ended_by or "").replace("%2", when)
        if run.end_state == "abandoned":
            return self.tr("abandoned by %1: %2").replace("%1", run.ended_by or "").replace("%2", run.end_reason or "")
        if run.end_state == "went_live":
            return self.tr("went live at %1").replace("%1", when)
        return self.tr("open")

    @Slot(int, int, int, int)
    def _on_runs_table_current_changed(self, row: int, column: int, old_row: int, old_column: int) -> None:
        if 0 <= row < len(self.runs):
            self.controller.load_run(self.runs[row].id, self._on_run_loaded)

    def _on_run_loaded(self, run: StoredRun | None, error: BaseException | None) -> None:
        if error is not None or run is None:
            self.message.setText(self.tr("The run could not be read: %1").replace("%1", str(error)))
            return
        self.selected = run
        self.items_table.setRowCount(len(run.items))
        translate = QCoreApplication.translate
        for row, item in enumerate(run.items):
            result = item.result_in(translate) + (f" — {item.override_reason}" if item.override_reason else "")
            title = item.title_in(self.language)
            if not item.required:
                title = self.tr("(optional) %1").replace("%1", title)
            values = (self.status_text(item.status), title, result, self.who_text(item), item.note)
            for column, value in enumerate(values):
                self.items_table.setItem(row, column, _cell(value))
        self._set_exports_enabled(True)

    def _set_exports_enabled(self, enabled: bool) -> None:
        self.export_csv.setEnabled(enabled)
        self.export_pdf.setEnabled(enabled)

    def export(self, kind: str, path: Path) -> bool:
        """Write the selected run ("csv", "csv-raw" for scripts, "pdf"); the message line says where, or why not."""
        if self.selected is None:
            return False
        from console.core.reports import write_csv

        try:
            if kind == "pdf":
                self._write_pdf(self.selected, path, self.language)
            else:
                write_csv(self.selected, path, self.language, QCoreApplication.translate, raw=kind == "csv-raw")
        except OSError as exc:
            self.message.setText(
                self.tr("Could not write %1: %2")
                .replace("%1", str(path))
                .replace("%2", oswords.reason(exc, named=False).in_language(QCoreApplication.translate))
            )
            return False
        self.message.setText(self.tr("Saved %1").replace("%1", str(path)))
        return True

    def suggested(self, suffix: str) -> str:
        """Where the save dialog starts: a file named after the run, in the user's documents folder."""
        from console.core.reports import export_folder

        run = self.selected
        stamp = run.started_at.astimezone().strftime("%Y%m%d-%H%M") if run else "run"
        return str(export_folder() / f"{run.checklist_id if run else 'checklist'}-{stamp}.{suffix}")

    def csv_filters(self) -> tuple[str, str]:
        """The people's CSV (words in the reader's language) and the scripts' one (machine names)."""
        return self.tr("CSV (*.csv)"), self.tr("CSV for scripts, machine names (*.csv)")

    @Slot()
    def _on_export_csv_clicked(self) -> None:
        people, scripts = self.csv_filters()
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export CSV"), self.suggested("csv"), f"{people};;{scripts}"
        )
        if path:
            self.export("csv-raw" if chosen == scripts else "csv", Path(path))

    @Slot()
    def _on_export_pdf_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"), self.suggested("pdf"), "PDF (*.pdf)")
        if path:
            self.export("pdf", Path(path))
