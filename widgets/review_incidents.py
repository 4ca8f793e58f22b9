"""IncidentTable: each finding episode of the show with its severity, time and audience impact in a sentence
("Network drops 20:13–20:14: viewers −18 % within 2 min, back to baseline after 6 min"). Choosing one asks for
every graph to zoom to it and the minutes around it that its impact was measured over."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from console.core.review.impact import AFTER_S, BASELINE_S, Impact
from console.core.review.load import clock
from console.core.review.shows import duration_text
from widgets.show_view import SEVERITY_COLOURS


class IncidentTable(QTableWidget):
    sig_incident_chosen = Signal(float, float)  # the stretch to show: the baseline before it to the window after

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.impacts: tuple[Impact, ...] = ()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        self.cellClicked.connect(self._on_cell_clicked)
        self.currentCellChanged.connect(self._on_current_cell_changed)

    def severity_word(self, severity: str) -> str:
        words = {"info": self.tr("info"), "warning": self.tr("warning"), "critical": self.tr("critical")}
        return words.get(severity, severity)

    def set_impacts(self, impacts: tuple[Impact, ...]) -> None:
        self.impacts = impacts
        self.clear()
        headers = [
            self.tr("Severity"),
            self.tr("Problem"),
            self.tr("When"),
            self.tr("How long"),
            self.tr("What it cost in viewers"),
        ]
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setRowCount(len(impacts))
        translate = QCoreApplication.translate
        for index, impact in enumerate(impacts):
            episode = impact.episode
            severity = QTableWidgetItem(self.severity_word(episode.peak))
            severity.setForeground(QBrush(QColor(SEVERITY_COLOURS.get(episode.peak, "#f0c040"))))
            problem = QTableWidgetItem(episode.title.in_language(translate))
            problem.setToolTip(episode.message.in_language(translate))
            sentence = impact.message.in_language(translate)
            said = QTableWidgetItem(sentence)
            said.setToolTip(sentence)
            # The fault's own interval, to the second (console/core/review/load.py fault_interval).
            when = QTableWidgetItem(f"{clock(episode.start)}–{clock(episode.end)}")
            length = QTableWidgetItem(duration_text(episode.duration_s))
            for column, item in enumerate((severity, problem, when, length, said)):
                self.setItem(index, column, item)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

    def choose(self, index: int) -> None:
        self.selectRow(index)
        self._emit(index)

    def _emit(self, index: int) -> None:
        if 0 <= index < len(self.impacts):
            episode = self.impacts[index].episode
            self.sig_incident_chosen.emit(episode.start - BASELINE_S, episode.end + AFTER_S)

    @Slot(int, int)
    def _on_cell_clicked(self, row: int, _column: int) -> None:
        self._emit(row)

    @Slot(int, int, int, int)
    def _on_current_cell_changed(self, row: int, _column: int, previous: int, _previous_column: int) -> None:
        if row != previous:
            self._emit(row)
