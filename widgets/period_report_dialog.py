"""Period report… (数据分析报告): a day/week/month report per room or per host over the stored shows, saved as XLSX, CSV
or PDF — the same report as `onair report --from … --to …`. Built and written on the review controller's worker."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.core.reports import room_in
from widgets.review_port import PeriodRequest, ReviewPort, alive, describe


class PeriodReportDialog(QDialog):
    """Prefilled from the Shows browser's filters (room, host, dates); the reader picks the period and the format."""

    def __init__(
        self,
        controller: ReviewPort,
        since: date,
        until: date,
        room: str | None = None,
        host: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.room, self.host = room, host
        self.setWindowTitle(self.tr("Period report"))
        self.setMinimumWidth(400)
        self.since = QDateEdit(QDate(since.year, since.month, since.day))
        self.until = QDateEdit(QDate(until.year, until.month, until.day))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.unit = QComboBox()
        for text, unit in (
            (self.tr("Day"), "day"),
            (self.tr("Week (Monday first)"), "week"),
            (self.tr("Month"), "month"),
        ):
            self.unit.addItem(text, unit)
        self.unit.setCurrentIndex(0 if (until - since).days <= 14 else 1 if (until - since).days <= 92 else 2)
        self.per = QComboBox()
        self.per.addItem(self.tr("Per room"), "room")
        self.per.addItem(self.tr("Per host"), "host")
        self.per.setCurrentIndex(1 if host else 0)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Excel workbook (XLSX)"), "xlsx")
        self.kind.addItem(self.tr("CSV"), "csv")
        self.kind.addItem(self.tr("PDF (A4 landscape)"), "pdf")
        everyone = self.tr("all")
        form = QFormLayout()
        form.addRow(self.tr("From"), self.since)
        form.addRow(self.tr("To (included)"), self.until)
        form.addRow(self.tr("Room"), QLabel(room_in(room, QCoreApplication.translate) if room else everyone))
        form.addRow(self.tr("Host"), QLabel(host or everyone))
        form.addRow(self.tr("One row per"), self.unit)
        form.addRow(self.tr("Grouped"), self.per)
        form.addRow(self.tr("Format"), self.kind)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Room and host come from the Shows browser's filters; change them there."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #808080;")
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def period_request(self) -> PeriodRequest:
        since: date = self.since.date().toPython()  # type: ignore[assignment]
        until: date = self.until.date().toPython()  # type: ignore[assignment]
        return PeriodRequest(
            since, until, str(self.unit.currentData()), str(self.per.currentData()), self.room, self.host
        )

    @Slot()
    def save(self) -> None:
        kind = str(self.kind.currentData())
        request = self.period_request()
        from console.core.reports import export_folder  # not the folder the console happened to be started from

        suggested = export_folder() / f"report-{request.since:%Y%m%d}-{request.until:%Y%m%d}.{kind}"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the period report"), str(suggested), self.kind.currentText() + f" (*.{kind})"
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        """Written on the controller's worker; the dialog says when it is done, or why not (nothing half-written)."""
        request = self.period_request()
        if request.until < request.since:
            self._say(self.tr("“To” is before “From”."), error=True)
            return
        kind = {".csv": "csv", ".pdf": "pdf", ".xlsx": "xlsx"}.get(path.suffix.lower(), str(self.kind.currentData()))
        self.save_button.setEnabled(False)
        self._say(self.tr("Writing %1…").replace("%1", path.name))

        def done(left_out: Any, error: BaseException | None) -> None:
            self.save_button.setEnabled(True)
            if error is None:
                saved = self.tr("Saved %1").replace("%1", str(path))
                if left_out:  # the demo room's rehearsals: counted nowhere, said here and in the file
                    saved += "\n" + (
                        self.tr("Not counted: %1 show of the demo room (a rehearsal on the simulator).")
                        if left_out == 1
                        else self.tr("Not counted: %1 shows of the demo room (rehearsals on the simulator).")
                    ).replace("%1", str(left_out))
                self._say(saved)
            else:
                self._say(describe(error), error=True)

        self.controller.export_period(kind, request, path, alive(self, done))

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #e0312f; font-weight: 600;" if error else "")
        self.status.setText(text)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
