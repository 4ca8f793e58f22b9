"""The Comments dock's filter over its rows: what is typed in the search box (the name, the words, the gift;
case-insensitive, any script) and the kind chosen (comments only, or everything)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from widgets.comments_model import Row


class CommentsFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.search = ""
        self.text_only = False

    def set_search(self, text: str) -> None:
        folded = text.strip().casefold()
        if folded != self.search:
            self.beginFilterChange()
            self.search = folded
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text_only(self, on: bool) -> None:
        if on != self.text_only:
            self.beginFilterChange()
            self.text_only = on
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def active(self) -> bool:
        return bool(self.search) or self.text_only

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.active:
            return True
        row = self.sourceModel().index(source_row, 0, source_parent).data(Qt.ItemDataRole.UserRole)
        if not isinstance(row, Row):
            return False
        if self.text_only and not row.event.has_text:
            return False
        return not self.search or self.search in row.searchable
