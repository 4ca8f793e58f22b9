"""EventLog: a time-stamped record of what happened and who did it (console or OBS)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

MAX_ROWS = 5000
LEVEL_COLOURS = {"error": QColor(230, 80, 70), "warning": QColor(230, 180, 40)}


class EventLog(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Who"), self.tr("What")])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)

    def add(self, who: str, text: str, level: str = "info", when: datetime | None = None) -> None:
        """Append a line; `who` is already translated ("Console", "OBS", "Link")."""
        at_bottom = self.verticalScrollBar().value() >= self.verticalScrollBar().maximum() - 2
        if self.rowCount() >= MAX_ROWS:
            self.removeRow(0)
        row = self.rowCount()
        self.insertRow(row)
        stamp = (when or datetime.now()).strftime("%H:%M:%S")
        for column, value in enumerate((stamp, who, text)):
            item = QTableWidgetItem(value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if level in LEVEL_COLOURS:
                item.setForeground(LEVEL_COLOURS[level])
            self.setItem(row, column, item)
        if at_bottom:
            self.scrollToBottom()

    def lines(self) -> list[tuple[str, str]]:
        """(who, what) of every row, oldest first."""
        return [(self.item(r, 1).text(), self.item(r, 2).text()) for r in range(self.rowCount())]
