"""Import a platform's per-minute export (CSV/XLSX) into a show: what was recognised, the columns that were not
(with sample values, each with a field to read it as), then one import. A refusal names the row and column and
nothing is stored (the import is one transaction). The file is read on the review controller's worker.
"""

from __future__ import annotations

import getpass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
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

from console.core.review.platform import CONTEXT, FIELD_WORDS, FIELDS, PLATFORMS, encoding_words
from obs.text import QT_TRANSLATE_NOOP
from widgets.review_port import ImportPreview, ReviewPort, alive, describe

PLATFORM_WORDS = {
    "douyin": QT_TRANSLATE_NOOP("PlatformImportDialog", "Douyin (抖音)"),
    "taobao": QT_TRANSLATE_NOOP("PlatformImportDialog", "Taobao (淘宝)"),
    "kuaishou": QT_TRANSLATE_NOOP("PlatformImportDialog", "Kuaishou (快手)"),
    "other": QT_TRANSLATE_NOOP("PlatformImportDialog", "Other"),
}
NOT_IMPORTED = QT_TRANSLATE_NOOP("PlatformImportDialog", "Not imported")
TIME_WORD = QT_TRANSLATE_NOOP("PlatformImportDialog", "time")


def _when(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).astimezone().strftime("%Y-%m-%d %H:%M")


class PlatformImportDialog(QDialog):
    sig_imported = Signal(object)  # ImportReport

    def __init__(self, controller: ReviewPort, show_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.show_id = show_id
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.setWindowTitle(self.tr("Import platform data into show %1").replace("%1", str(show_id)))
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("A per-minute export (CSV or XLSX) from the platform's console"))
        self.choose = QPushButton(self.tr("Choose file…"))
        self.platform = QComboBox()
        for code in PLATFORMS:
            self.platform.addItem(QCoreApplication.translate("PlatformImportDialog", PLATFORM_WORDS[code]), code)
        self.platform.setCurrentIndex(PLATFORMS.index("douyin"))
        self.by = QLineEdit(getpass.getuser())
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.choose)
        top = QFormLayout()
        top.addRow(self.tr("File"), row)
        top.addRow(self.tr("Platform"), self.platform)
        top.addRow(self.tr("Imported by"), self.by)
        #: What was recognised: encoding, header row, fields, rows, first and last minute.
        self.recognised = QLabel()
        self.recognised.setWordWrap(True)
        self.recognised.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unknown_label = QLabel(self.tr("Columns not recognised — choose what each one is:"))
        self.unknown = QTableWidget(0, 4)
        self.unknown.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Header"), self.tr("Sample values"), self.tr("Read as")]
        )
        self.unknown.verticalHeader().setVisible(False)
        self.unknown.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.unknown.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setStyleSheet("color: #e0312f; font-weight: 600;")
        self.done_text = QLabel()
        self.done_text.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.recognised)
        layout.addWidget(self.unknown_label)
        layout.addWidget(self.unknown, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.done_text)
        layout.addWidget(self.buttons)
        self.choose.clicked.connect(self._on_choose_clicked)
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        self.resize(760, 520)
        self._show_unknown(())

    # ------------------------------------------------------------------ the file
    @Slot()
    def _on_choose_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Platform export"), "", self.tr("Platform exports (*.csv *.xlsx *.xls);;All files (*)")
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        """Look at the file (on the worker) with no mapping yet."""
        self.path = path
        self.file.setText(str(path))
        self.done_text.clear()
        self._ask_preview({})

    def mapping(self) -> dict[str, str]:
        """Header → field for every unknown column given one (the others are left out, and the import says so)."""
        chosen: dict[str, str] = {}
        for row in range(self.unknown.rowCount()):
            combo = self.unknown.cellWidget(row, 3)
            header = self.unknown.item(row, 1)
            if isinstance(combo, QComboBox) and header is not None and combo.currentData():
                chosen[header.text()] = str(combo.currentData())
        return chosen

    def set_field(self, header: str, field: str) -> None:
        """Choose the field of an unknown column (what a person does with its chooser)."""
        for row in range(self.unknown.rowCount()):
            item = self.unknown.item(row, 1)
            combo = self.unknown.cellWidget(row, 3)
            if item is not None and item.text() == header and isinstance(combo, QComboBox):
                combo.setCurrentIndex(combo.findData(field))
                return
        raise KeyError(header)

    def _ask_preview(self, mapping: dict[str, str]) -> None:
        if self.path is None:
            return
        self.import_button.setEnabled(False)
        self.problem.setText("")
        self.recognised.setText(self.tr("Reading %1…").replace("%1", self.path.name))
        path = self.path
        answer = alive(self, lambda preview, error: self._on_preview(path, mapping, preview, error))
        self.controller.preview_import(self.show_id, path, mapping, answer)

    def _on_preview(
        self, path: Path, mapping: dict[str, str], preview: ImportPreview | None, error: BaseException | None
    ) -> None:
        if path != self.path:
            return  # another file was chosen meanwhile
        if error is not None or preview is None:
            self.preview = None
            self.recognised.setText("")
            self._show_unknown(())
            self.problem.setText(describe(error) if error is not None else "")
            return
        first = self.preview is None or self.preview.table.path != preview.table.path
        self.preview = preview
        table = preview.table
        lines = [
            self.tr("Read as %1, header on row %2.")
            .replace("%1", encoding_words(table.encoding, QCoreApplication.translate))
            .replace("%2", "+".join(str(r) for r in table.header_rows))
        ]
        time_column = table.time_column
        if time_column is not None:
            lines.append(
                self.tr("Time: column %1 (%2).").replace("%1", time_column.letter).replace("%2", time_column.header)
            )
        if preview.data is not None:
            data = preview.data
            fields = ", ".join(QCoreApplication.translate(CONTEXT, FIELD_WORDS[f]) for f in data.fields)
            lines.append(self.tr("Fields: %1.").replace("%1", fields or "—"))
            if data.rows:
                lines.append(
                    self.tr("Minutes: %3, %1 – %2.")
                    .replace("%1", _when(data.rows[0].t))
                    .replace("%2", _when(data.rows[-1].t))
                    .replace("%3", str(len(data.rows)))
                )
            if data.skipped:
                lines.append(self.tr("Rows skipped (not a minute): %1.").replace("%1", str(len(data.skipped))))
        self.recognised.setText("\n".join(lines))
        if first:
            self._show_unknown(table.unknown, mapping)
        self.problem.setText(preview.refusal or "")
        self.import_button.setEnabled(preview.refusal is None and preview.data is not None)

    def _show_unknown(self, columns: Any, mapping: dict[str, str] | None = None) -> None:
        self.unknown.setRowCount(0)
        for column in columns:
            row = self.unknown.rowCount()
            self.unknown.insertRow(row)
            self.unknown.setItem(row, 0, QTableWidgetItem(column.letter))
            self.unknown.setItem(row, 1, QTableWidgetItem(column.header))
            self.unknown.setItem(row, 2, QTableWidgetItem(", ".join(column.samples)))
            combo = QComboBox()
            combo.addItem(QCoreApplication.translate("PlatformImportDialog", NOT_IMPORTED), "")
            for field in FIELDS:
                combo.addItem(QCoreApplication.translate(CONTEXT, FIELD_WORDS[field]), field)
            combo.addItem(QCoreApplication.translate("PlatformImportDialog", TIME_WORD), "time")
            if mapping and column.header in mapping:
                combo.setCurrentIndex(max(0, combo.findData(mapping[column.header])))
            combo.currentIndexChanged.connect(self._on_mapping_changed)
            self.unknown.setCellWidget(row, 3, combo)
        self.unknown.resizeColumnToContents(0)
        self.unknown.resizeColumnToContents(3)
        shown = self.unknown.rowCount() > 0
        self.unknown_label.setVisible(shown)
        self.unknown.setVisible(shown)

    @Slot()
    def _on_mapping_changed(self) -> None:
        # Read again with the new mapping: the fields, the span and any refusal follow the choice at once.
        self._ask_preview(self.mapping())

    # ------------------------------------------------------------------ the import
    @Slot()
    def run_import(self) -> None:
        if self.path is None:
            return
        self.import_button.setEnabled(False)
        self.problem.setText("")
        platform, by = str(self.platform.currentData()), self.by.text().strip()
        self.controller.import_file(self.show_id, self.path, self.mapping(), platform, by, alive(self, self._on_done))

    def _on_done(self, report: Any, error: BaseException | None) -> None:
        if error is not None:
            self.problem.setText(describe(error))  # nothing was stored: fix the mapping or the file and try again
            self.import_button.setEnabled(True)
            return
        self.done_text.setText("\n".join(report.lines(QCoreApplication.translate)))
        self.sig_imported.emit(report)
