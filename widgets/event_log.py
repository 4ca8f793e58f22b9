"""EventLog: a time-stamped record of what happened and who did it (console or OBS).

A line's words may be given as a function that says them in the current language (generated text: OBS events,
link states, findings); such lines are said again in the new language when the window is rebuilt after a
language switch (replay). Plain strings (what people typed, messages already in words) stay as given."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

MAX_ROWS = 5000
CELL_MARGINS = 4  # above and below a cell's text: what a one-line row measures beyond the font's height
LEVEL_COLOURS = {"error": QColor(230, 80, 70), "warning": QColor(230, 180, 40)}

# A text as given, or a function that says it in the current language.
Words = str | Callable[[], str]


def _say(words: Words) -> str:
    return words if isinstance(words, str) else words()


@dataclass(frozen=True)
class Line:
    when: datetime
    who: Words
    what: Words
    level: str


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
        # A row of one line is as tall as one line measured (the font's height and the cell's margins), so a row
        # measured once (it wrapped in a narrow or hidden log) and a row never measured agree. walk16: the header's
        # default was 30 px while a measured one-line row is 18, so a log shown again after its tab was hidden had
        # rows of 18, 24 and 30 px for the same one-line events, and a third fewer lines in sight.
        rows = self.verticalHeader()
        rows.setDefaultSectionSize(max(rows.minimumSectionSize(), self.fontMetrics().height() + CELL_MARGINS))
        self._lines: deque[Line] = deque(maxlen=MAX_ROWS)
        # When the "What" column changes width (the window is laid out after start-up lines were logged, a dock
        # is dragged), wrapped rows are sized again, once the resizing settles.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self._fit_rows)
        self.horizontalHeader().sectionResized.connect(
            lambda column, _old, _new: self._fit_timer.start() if column == 2 else None
        )
        # The log follows its newest line until the reader scrolls up, and again once they scroll back down. Kept
        # as a state, not read from the scroll bar when a line comes: a log resized by a workspace change (or shown
        # again) keeps the old scroll value under a new maximum, and new lines went below the fold unseen.
        self.following = True
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range_changed)

    def add(self, who: Words, text: Words, level: str = "info", when: datetime | None = None) -> None:
        """Append a line; `who` and `text` are already translated, or functions that translate them. A line of an
        earlier moment (`when`: news learnt late of something that came first) takes its place in time, before the
        lines of later moments."""
        line = Line(when or datetime.now(), who, text, level)
        row = len(self._lines)
        while when is not None and row > 0 and self._lines[row - 1].when > line.when:
            row -= 1
        if row == len(self._lines):
            self._append(line)
        else:
            if self.rowCount() >= MAX_ROWS:  # the oldest line gives way, as for a line appended
                self.removeRow(0)
                self._lines.popleft()
                row = max(0, row - 1)
            self._insert(row, line)
        if self.following:
            self.scrollToBottom()

    def _on_scrolled(self, value: int) -> None:
        self.following = value >= self.verticalScrollBar().maximum() - 2

    def _on_range_changed(self, _minimum: int, maximum: int) -> None:
        if self.following:
            self.verticalScrollBar().setValue(maximum)  # rows added or the log resized: still at the newest

    def _append(self, line: Line) -> None:
        if self.rowCount() >= MAX_ROWS:
            self.removeRow(0)
        self._lines.append(line)
        self._show(self.rowCount(), line)

    def _insert(self, row: int, line: Line) -> None:
        self._lines.insert(row, line)
        self._show(row, line)

    def _show(self, row: int, line: Line) -> None:
        self.insertRow(row)
        for column, value in enumerate((line.when.strftime("%H:%M:%S"), _say(line.who), _say(line.what))):
            item = QTableWidgetItem(value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if line.level in LEVEL_COLOURS:
                item.setForeground(LEVEL_COLOURS[line.level])
            if column == 2:
                item.setToolTip(value)  # whole, even when a narrower column later cuts the row with "…"
            self.setItem(row, column, item)
        self._fit_row(row)

    def _fit_row(self, row: int) -> None:
        """Word wrap only shows when the row is tall enough for the wrapped text (a broken file's report runs
        to several lines). Only rows that wrap, or did, are measured: sizing all 5000 on every layout would crawl."""
        item = self.item(row, 2)
        if item is None:
            return
        wraps = self.fontMetrics().horizontalAdvance(item.text()) > self.columnWidth(2) - 8  # less the cell margins
        one_line = self.verticalHeader().defaultSectionSize()
        if wraps:
            # Measured, plus the cell's margins that a one-line row gets too: Qt's measure is the bare wrapped text,
            # and painting in a cell that much smaller drew a two-line line with Chinese in it as one line cut
            # with "…" (walk16: a silent-microphone finding on a 1920×1080 screen).
            self.resizeRowToContents(row)
            self.setRowHeight(row, self.rowHeight(row) + CELL_MARGINS)
        elif self.rowHeight(row) != one_line:
            self.setRowHeight(row, one_line)  # it wrapped in a narrower log and no longer does

    def _fit_rows(self) -> None:
        for row in range(self.rowCount()):
            self._fit_row(row)

    def history(self) -> list[Line]:
        """Every line as it was given, oldest first: what a new log (after a language switch) replays."""
        return list(self._lines)

    def replay(self, lines: Iterable[Line]) -> None:
        """Put earlier lines back, each said again in the current language (before any line of this log)."""
        mine = self.history()
        self.setRowCount(0)
        self._lines.clear()
        for line in [*lines, *mine]:
            self._append(line)
        self.scrollToBottom()

    def lines(self) -> list[tuple[str, str]]:
        """(who, what) of every row, oldest first."""
        cells = ((self.item(r, 1), self.item(r, 2)) for r in range(self.rowCount()))
        return [(who.text(), what.text()) for who, what in cells if who is not None and what is not None]
