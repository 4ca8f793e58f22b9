"""The room's quick replies, edited: one row each (product, keyword, text), added, removed, saved together. The
core checks them when they are saved (console/core/chat/questions.py `check_replies`): a refused list names
every problem by row ("quick reply 3 uses the field “prise”; the fields are {product}, {price}, {sku}, {user}")
and nothing is changed until it is right."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.chat.questions import REPLY_FIELDS, QuickReply
from widgets.engage_port import EngagePort, Why

BAD = "#e0312f"


class QuickRepliesDialog(QDialog):
    def __init__(self, port: EngagePort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.port = port
        self.setWindowTitle(self.tr("Quick replies of this room"))
        self.resize(720, 420)
        fields = ", ".join("{" + name + "}" for name in REPLY_FIELDS)
        self.help = QLabel(
            self.tr(
                "A reply is offered for a question that contains its keyword (no keyword: whenever its product is on "
                "air). No product: any product. The text may use %1."
            ).replace("%1", fields)
        )
        self.help.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Product"), self.tr("Keyword"), self.tr("Text")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(1, 110)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        self.problems.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        for reply in port.replies:
            self.add_row(reply)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def add_row(self, reply: QuickReply | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (reply.product, reply.keyword, reply.text) if reply is not None else ("", "", "")
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))
        return row

    def set_row(self, row: int, product: str, keyword: str, text: str) -> None:
        for column, value in enumerate((product, keyword, text)):
            item = self.table.item(row, column)
            assert item is not None
            item.setText(value)

    def edited(self) -> list[QuickReply]:
        replies = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, column) for column in range(3)]
            product, keyword, text = (cell.text() if cell is not None else "" for cell in cells)
            if product.strip() or keyword.strip() or text.strip():
                replies.append(QuickReply(text, product, keyword))
        return replies

    @Slot()
    def _on_add_clicked(self) -> None:
        row = self.add_row()
        self.table.setCurrentCell(row, 2)
        item = self.table.item(row, 2)
        if item is not None:
            self.table.editItem(item)

    @Slot()
    def _on_remove_clicked(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def save(self) -> None:
        self.buttons.setEnabled(False)
        self.port.save_replies(self.edited(), self._on_saved)

    def _on_saved(self, kept: list[QuickReply] | None, why: Why | None) -> None:
        self.buttons.setEnabled(True)
        if why is not None or kept is None:
            lines = (why() if why is not None else "?").splitlines()
            self.problems.setText(
                f"<span style='color:{BAD}'>"
                + html.escape(self.tr("Not saved:"))
                + "<br>"
                + "<br>".join("• " + html.escape(line) for line in lines)
                + "</span>"
            )
            self.problems.setVisible(True)
            return
        self.accept()
