"""The Shows browser: every kept show in a table, filtered and sorted by the database, a page at a time.

The model holds the rows fetched so far and asks the review controller for the next page (PAGE rows) only when
the view scrolls to the end of them (Qt's canFetchMore/fetchMore), so 10,000 shows cost one page to show.
A click on a header sorts on the server (ShowQuery.sort), a filter asks again from the first page; an answer
to an older question (a filter changed meanwhile) is dropped. Storage errors are shown in the browser's own
status line, in red, and what was shown stays.

It keeps itself current while seen: every POLL_MS the rows at hand are asked again on the review worker and
changed in place (ShowsModel.refresh_quietly) — a show begun or ended, running figures — keeping the selection and
the show at the top of the view.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.core.review.shows import COLUMN_WORDS, ShowQuery, ShowSummary, checklist_in, duration_text
from obs.text import QT_TRANSLATE_NOOP
from widgets.review_port import ReviewPort, alive, describe

if TYPE_CHECKING:
    from console.core.review.shows import ShowPage

#: Rows asked for at a time (the first page, then one more each time the view reaches the end).
PAGE = 100
#: How often the browser, while seen, asks again for the shows it lists (ShowsModel.refresh_quietly), in ms.
POLL_MS = 5000
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class BrowserColumn:
    key: str  # ShowQuery sort key
    title: str  # header (context "Shows")


COLUMNS: tuple[BrowserColumn, ...] = (
    BrowserColumn("room", COLUMN_WORDS["room"]),
    BrowserColumn("title", COLUMN_WORDS["title"]),
    BrowserColumn("hosts", COLUMN_WORDS["hosts"]),
    BrowserColumn("start", COLUMN_WORDS["start"]),
    BrowserColumn("duration", COLUMN_WORDS["duration"]),
    BrowserColumn("viewers_peak", COLUMN_WORDS["viewers_peak"]),
    BrowserColumn("viewers_avg", COLUMN_WORDS["viewers_avg"]),
    BrowserColumn("likes_per_min", COLUMN_WORDS["likes_per_min"]),
    BrowserColumn("interactions_per_min", COLUMN_WORDS["interactions_per_min"]),
    BrowserColumn("incidents", COLUMN_WORDS["incidents"]),
    BrowserColumn("checklist", COLUMN_WORDS["checklist"]),
    BrowserColumn("completeness", COLUMN_WORDS["completeness"]),
)
KEYS = tuple(c.key for c in COLUMNS)
#: The columns that narrow, down to these widths (px), when the table is too narrow for every column, in this
#: order (and grow back in the reverse order): the title and hosts elide (their tooltip says them whole); the room
#: cell of a show not over wraps its words onto more lines (ShowCells), so it stays whole.
SQUEEZABLE = {"title": 110, "hosts": 80, "room": 150}
LIVE_WORD = QT_TRANSLATE_NOOP("ShowsBrowser", "LIVE")


def _until(show: ShowSummary) -> str:
    until = show.resumable_until
    return until.astimezone().strftime("%H:%M") if until is not None else "—"


def open_words(show: ShowSummary) -> str:
    """A show not over but not on air now: "not ended — resumable until 06:40"; one a console records now, on air
    or not, is not waiting to be resumed; one that never went on air is not "resumed" (续播) either, only continued."""
    if show.recording_now:
        return QCoreApplication.translate("ShowsBrowser", "recording now — not on air")
    if show.stored_now:
        return QCoreApplication.translate("ShowsBrowser", "a console records it now — not on air")
    if show.streamed is False:
        return QCoreApplication.translate(
            "ShowsBrowser", "not ended, never on air — continues if its room restarts before %1"
        ).replace("%1", _until(show))
    return QCoreApplication.translate("ShowsBrowser", "not ended — resumable until %1").replace("%1", _until(show))


NUMERIC = {"duration", "viewers_peak", "viewers_avg", "likes_per_min", "interactions_per_min", "completeness"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShowsBrowser", text)


def _figure(value: float | None, decimals: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:,.{decimals}f}"


_CELLS: dict[str, Callable[[ShowSummary], str]] = {
    "room": lambda show: show.room,
    "title": lambda show: show.title,
    "hosts": lambda show: ", ".join(show.hosts),
    "start": lambda show: show.start.astimezone().strftime("%Y-%m-%d %H:%M"),
    "duration": lambda show: duration_text(show.duration_s) + (" …" if show.live else ""),
    "viewers_peak": lambda show: _figure(show.viewers_peak),
    "viewers_avg": lambda show: _figure(show.viewers_avg),
    "likes_per_min": lambda show: _figure(show.likes_per_min, 1),
    "interactions_per_min": lambda show: _figure(show.interactions_per_min, 1),
    # By severity, worst first: "critical / warning / info".
    "incidents": lambda show: f"{show.incidents_critical} / {show.incidents_warning} / {show.incidents_info}",
    "checklist": lambda show: checklist_in(show.checklist, QCoreApplication.translate),
    "completeness": lambda show: "—" if show.completeness is None else f"{show.completeness * 100:.0f} %",
}


def cell_text(show: ShowSummary, key: str) -> str:
    """What a cell says (unknown figures as "—", never 0)."""
    return _CELLS[key](show)


class ShowsModel(QAbstractTableModel):
    """Summaries of the shows matching `query`, fetched a page at a time from the controller."""

    sig_loading = Signal(bool)
    sig_total = Signal(int)
    sig_error = Signal(str)
    #: A quiet refresh's answer is about to change the rows in place (a view remembers where it is).
    sig_refreshing = Signal()
    #: The rows were brought up to date in place (refresh_quietly): shows may have been added or changed.
    sig_refreshed = Signal()

    def __init__(self, controller: ReviewPort, parent: Any = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.query = ShowQuery(limit=PAGE)
        self.rows: list[ShowSummary] = []
        self.total = 0
        #: Bumped by every new question: a page answering an older one is dropped.
        self._generation = 0
        self._fetching = False
        self._known = False  # the first page has come for this question
        self._quiet = False  # a quiet refresh (refresh_quietly) awaits its answer
        self.not_refreshed: str | None = None

    # ------------------------------------------------------------------ asking
    def ask(self, query: ShowQuery) -> None:
        """A new question (filters, sort): from the first page. What is shown stays until the answer comes."""
        self.query = ShowQuery(**{**query.__dict__, "offset": 0, "limit": PAGE})
        self._generation += 1
        self._fetching = False
        self._request(0)

    def refresh(self) -> None:
        self.ask(self.query)

    def refresh_quietly(self) -> bool:
        """The rows at hand asked again (the same question, as many rows as are loaded, on the controller's
        worker) and brought up to date in place: a show begun or ended meanwhile, a running show's figures. No
        reset: the selection and the view's place stay (the browser keeps its top row). Not while a page is on
        its way or a quiet answer is awaited; False when nothing was asked."""
        if not self._known or self._fetching or self._quiet:
            return False
        generation, held = self._generation, len(self.rows)
        self._quiet = True
        # A page more than is held: shows begun meanwhile push the held ones down, and the last held (perhaps the
        # one the reader chose) must still be in the answer, not dropped from under the reader (_on_quiet_page).
        query = ShowQuery(**{**self.query.__dict__, "offset": 0, "limit": held + PAGE})
        answer = alive(self, lambda page, error: self._on_quiet_page(generation, held, page, error))
        self.controller.browse(query, answer)
        return True

    def _on_quiet_page(self, generation: int, held: int, page: ShowPage | None, error: BaseException | None) -> None:
        self._quiet = False
        if generation != self._generation or self._fetching or held != len(self.rows):
            return  # another question, or another page, came meanwhile: this answer is of rows no longer shown
        if error is not None or page is None:
            self.sig_error.emit(describe(error) if error is not None else "")
            return
        self.not_refreshed = page.not_refreshed
        self.sig_refreshing.emit()
        self._relayout(self._kept_of(list(page.shows), held))
        self.total = page.total
        self.sig_total.emit(self.total)
        self.sig_refreshed.emit()

    def _kept_of(self, fresh: list[ShowSummary], held: int) -> list[ShowSummary]:
        """The rows a quiet answer leaves listed: down to the last show held that it still lists (the ones begun
        meanwhile above it added), never fewer than were held while it has them. The rest are paging's, asked from
        the end of these (fetchMore): a show held and pushed below a page's end is not dropped, nor deselected."""
        ids = {show.id for show in self.rows}
        last = max((row for row, show in enumerate(fresh) if show.id in ids), default=-1)
        return fresh[: max(last + 1, held)]

    def _relayout(self, fresh: list[ShowSummary]) -> None:
        """The rows made `fresh` as a view follows best: the shows gone removed, the ones that stay put in their
        new order (a layout change: the selection and the current row follow their show), the new ones inserted
        where they belong. Each step tells the view what it did, so nothing is reset."""
        keep = {show.id for show in fresh}
        for row in reversed(range(len(self.rows))):
            if self.rows[row].id not in keep:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()
        held = {show.id for show in self.rows}
        order = [show for show in fresh if show.id in held]
        if [show.id for show in order] != [show.id for show in self.rows]:
            self.layoutAboutToBeChanged.emit()
            where = {show.id: row for row, show in enumerate(order)}
            for index in self.persistentIndexList():
                row = where[self.rows[index.row()].id]
                self.changePersistentIndex(index, self.index(row, index.column()))
            self.rows = order
            self.layoutChanged.emit()
        for row, show in enumerate(fresh):
            if row >= len(self.rows) or self.rows[row].id != show.id:
                self.beginInsertRows(QModelIndex(), row, row)
                self.rows.insert(row, show)
                self.endInsertRows()
        changed = [row for row, show in enumerate(fresh) if show != self.rows[row]]
        self.rows = fresh
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), len(COLUMNS) - 1))

    def _request(self, offset: int) -> None:
        generation = self._generation
        self._fetching = True
        self.sig_loading.emit(True)
        query = ShowQuery(**{**self.query.__dict__, "offset": offset, "limit": PAGE})
        answer = alive(self, lambda page, error: self._on_page(generation, offset, page, error))
        self.controller.browse(query, answer)

    def _on_page(self, generation: int, offset: int, page: ShowPage | None, error: BaseException | None) -> None:
        if generation != self._generation:
            return  # answers a question nobody asks any more
        self._fetching = False
        self.sig_loading.emit(False)
        if error is not None or page is None:
            self.sig_error.emit(describe(error) if error is not None else "")
            return
        self.not_refreshed = page.not_refreshed
        if offset == 0:
            self.beginResetModel()
            self.rows = list(page.shows)
            self.total = page.total
            self._known = True
            self.endResetModel()
        elif offset == len(self.rows):
            # Shows begun since the rows at hand were asked push the database's rows down: the page repeats the
            # last of them (listed twice, and a quiet refresh would then lay out a row too few). Those begun are
            # listed by the next quiet refresh, where they belong.
            held = {show.id for show in self.rows}
            more = [show for show in page.shows if show.id not in held]
            self.total = page.total
            if more:
                self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
                self.rows.extend(more)
                self.endInsertRows()
        self.sig_total.emit(self.total)

    # ------------------------------------------------------------------ Qt's model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._known and not self._fetching and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._request(len(self.rows))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Shows", COLUMNS[section].title)
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if COLUMNS[section].key == "incidents":
                return QCoreApplication.translate("ShowsBrowser", "Incidents by severity: critical / warning / info")
            if COLUMNS[section].key == "completeness":
                return QCoreApplication.translate(
                    "ShowsBrowser", "Seconds with data, as a share of the show's length (gaps lower it)"
                )
            return QCoreApplication.translate("ShowsBrowser", "Click to sort by this column")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        show = self.rows[index.row()]
        key = COLUMNS[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            text = cell_text(show, key)
            if key == "room" and show.room == "demo":
                text = QCoreApplication.translate("ShowsBrowser", "Demo room")
            if key == "room" and show.on_air_now:
                return f"● {_tr(LIVE_WORD)}  {text}"
            if key == "room" and show.live:
                return f"○ {open_words(show)}  {text}"
            return text
        if role == Qt.ItemDataRole.UserRole:
            return show.id
        if role == Qt.ItemDataRole.TextAlignmentRole and (key in NUMERIC or key == "incidents"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self._styled(show, key, role)

    @staticmethod
    def _styled(show: ShowSummary, key: str, role: int) -> Any:
        """A show on air now in red and bold (its room and running time), one only open (not over, nobody
        recording it: resumable) in amber, critical incidents in red; tooltips."""
        on_air = bool(show.on_air_now)
        red = (on_air and key in ("room", "duration")) or (key == "incidents" and show.incidents_critical > 0)
        if role == Qt.ItemDataRole.ForegroundRole and red:
            return QBrush(QColor("#e0312f"))
        if role == Qt.ItemDataRole.ForegroundRole and show.live and key in ("room", "duration"):
            return QBrush(QColor("#b07800"))
        if role == Qt.ItemDataRole.FontRole and on_air and key == "room":
            font = QFont()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.ToolTipRole:
            return None
        if on_air:
            return QCoreApplication.translate(
                "ShowsBrowser", "On air now: its figures are recomputed at most every 30 s."
            )
        if show.live and show.stored_now:
            return QCoreApplication.translate(
                "ShowsBrowser",
                "Not on air: a console is recording this show's figures now (not streaming). Its figures are "
                "recomputed at most every 30 s.",
            )
        if show.live:
            return QCoreApplication.translate(
                "ShowsBrowser",
                "Not ended, and nothing is being recorded for it now (the console quit, or lost OBS): a restart of "
                "its room before %1 resumes it; after that it is over.",
            ).replace("%1", _until(show))
        if key == "hosts" and show.assistant:
            return QCoreApplication.translate("ShowsBrowser", "Assistant: %1").replace("%1", show.assistant)
        if key == "title" and show.tags:
            return ", ".join(show.tags)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted by the database (every page in the same order), not the rows at hand."""
        descending = order is Qt.SortOrder.DescendingOrder
        key = COLUMNS[column].key
        if key == self.query.sort and descending == self.query.descending and self._known:
            return
        self.ask(ShowQuery(**{**self.query.__dict__, "sort": key, "descending": descending}))

    def show_at(self, row: int) -> ShowSummary | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


class ShowCells(QStyledItemDelegate):
    """The room column's cells wrap at word boundaries (a show not over says its state before its room: "○ not
    ended — resumable until 07:32  演示B", on two or three lines in a narrow column, the row as tall as it needs);
    every other cell stays on one line and elides, as the table's do."""

    def __init__(self, room: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.room = room

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.column() != self.room:
            option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
            return
        text = option.text
        room_apart = "  " in text and option.rect.isValid()
        if room_apart and option.fontMetrics.horizontalAdvance(text) > option.rect.width() - 8:
            # Too narrow for one line: the room on a line of its own, never broken in two as a wrap of the whole
            # would (a Chinese name breaks between any two characters: "演\n示B").
            state, _, room = text.rpartition("  ")
            option.text = f"{state}\u2028{room}"  # a line separator: the delegate draws "\n" as nothing


class ShowsTable(QTableView):
    """Enter opens the current show (as a double-click does)."""

    sig_open = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.sig_open.emit()
            return
        super().keyPressEvent(event)


class ShowsBrowser(QWidget):
    """The filters, the table, and what can be done with the selected shows."""

    #: The columns widened (a page brought a show not over: its room cell says so): a window sized to the columns
    #: may grow to `wanted_width()` (View ▸ Shows… in a window of its own does).
    sig_columns_widened = Signal()

    def __init__(self, controller: ReviewPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        #: Windows opened from here (shows, comparisons, dialogs): kept alive while open.
        self.windows: list[QWidget] = []
        self._started = False
        self.model = ShowsModel(controller, self)
        self.room = QComboBox()
        self.host = QComboBox()
        self.tag = QComboBox()
        for combo in (self.host, self.tag):
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for combo in (self.room, self.host, self.tag):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.use_since = QCheckBox(self.tr("From"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.use_until = QCheckBox(self.tr("to"))
        self.until = QDateEdit(QDate.currentDate())
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Title contains…"))
        self.text.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Room")))
        filters.addWidget(self.room)
        filters.addWidget(QLabel(self.tr("Host")))
        filters.addWidget(self.host)
        filters.addWidget(QLabel(self.tr("Tag")))
        filters.addWidget(self.tag)
        filters.addWidget(self.use_since)
        filters.addWidget(self.since)
        filters.addWidget(self.use_until)
        filters.addWidget(self.until)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.refresh_button)

        self.table = ShowsTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        # Word wrap for the room cells only (ShowCells): the table's flag gives the delegate each cell's width.
        self.table.setWordWrap(True)
        self.table.setItemDelegate(ShowCells(KEYS.index("room"), self.table))
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(KEYS.index("start"), Qt.SortOrder.DescendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.sortIndicatorChanged.connect(self.model.sort)
        wide = {"room": 140, "title": 190, "hosts": 130, "start": 120}
        metrics = header.fontMetrics()
        for column, key in enumerate(KEYS):
            # Wide enough for its header in the reader's language (and the sort arrow), never less than its figures.
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            self.table.setColumnWidth(column, max(wide.get(key, 80), metrics.horizontalAdvance(title) + 28))
        #: What the title and hosts columns were given, to grow back to when the table widens again.
        self._roomy = {key: self.table.columnWidth(KEYS.index(key)) for key in SQUEEZABLE if key != "room"}
        #: The room column's width with a show not over listed (its cell whole), for wanted_width.
        self._room_wanted = self.table.columnWidth(KEYS.index("room"))
        # A show not over says so in its room cell ("○ not ended — resumable until 07:32  演示B"): widen the column
        # to show it whole when a page brings one (never narrower than set above, at most a third of the table).
        self.model.modelReset.connect(self._fit_room_column)
        self.model.rowsInserted.connect(self._fit_rows)
        header.sectionResized.connect(self._on_header_section_resized)

        self.open_button = QPushButton(self.tr("Open"))
        self.compare_button = QPushButton(self.tr("Compare"))
        self.edit_button = QPushButton(self.tr("Edit details…"))
        self.import_button = QPushButton(self.tr("Import platform data…"))
        self.export_button = QPushButton(self.tr("Export"))
        export_menu = QMenu(self.export_button)
        self.export_actions = {
            "pdf": export_menu.addAction(self.tr("Export PDF…")),
            "xlsx": export_menu.addAction(self.tr("Export XLSX…")),
            "csv": export_menu.addAction(self.tr("Export CSV…")),
        }
        self.export_button.setMenu(export_menu)
        self.period_button = QPushButton(self.tr("Period report…"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        actions = QHBoxLayout()
        for button in (
            self.open_button,
            self.compare_button,
            self.edit_button,
            self.import_button,
            self.export_button,
            self.period_button,
        ):
            actions.addWidget(button)
        actions.addWidget(self.status, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(300)  # typing a title asks once, when the typing pauses
        self._text_timer.timeout.connect(self.apply_filters)
        self.text.textChanged.connect(self._text_timer.start)
        for combo in (self.room, self.host, self.tag):
            combo.activated.connect(self.apply_filters)
        for combo in (self.host, self.tag):
            line = combo.lineEdit()
            assert line is not None
            line.editingFinished.connect(self.apply_filters)
        self.use_since.toggled.connect(self.since.setEnabled)
        self.use_until.toggled.connect(self.until.setEnabled)
        for check in (self.use_since, self.use_until):
            check.toggled.connect(self.apply_filters)
        self.since.dateChanged.connect(self.apply_filters)
        self.until.dateChanged.connect(self.apply_filters)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.doubleClicked.connect(self.open_selected)
        self.table.sig_open.connect(self.open_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.import_button.clicked.connect(self.import_selected)
        self.period_button.clicked.connect(self.period_report)
        for kind, action in self.export_actions.items():
            action.triggered.connect(lambda checked=False, kind=kind: self.export_selected(kind))
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._enable_actions)
        self._kept_selection: list[int] = []
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.sig_loading.connect(self._on_loading)
        self.model.sig_total.connect(self._show_total)
        self.model.sig_error.connect(self.show_error)
        controller.sig_meta_saved.connect(self._on_changed)
        controller.sig_imported.connect(self._on_changed)
        self._fill_facets_empty()
        self._enable_actions()
        #: The show at the top of the view before a quiet refresh and its row then (None: the view was at the top).
        self._anchor: tuple[int, int] | None = None
        self._count_seen = 0
        self.model.sig_refreshing.connect(self._on_model_refreshing)
        self.model.sig_refreshed.connect(self._on_model_refreshed)
        # Current by itself: shows begin and end (here or on another console of the studio's database), running
        # shows' figures move, and a show stops being on air. The question is asked again on the review worker
        # while the browser is seen; what it shows changes in place (see ShowsModel.refresh_quietly). The timer runs
        # only while it is shown (showEvent/hideEvent): a browser closed or minimised asks the database nothing.
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._on_poll_timeout)

    # ------------------------------------------------------------------ starting (only once seen)
    def start(self) -> None:
        """The first question, when the browser is first shown (not at the console's start)."""
        if self._started:
            return
        self._started = True
        self.load_facets()
        self.apply_filters()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._started and not event.spontaneous():
            # Shown again after it was hidden (its dock closed, a workspace without it): shows may have started or
            # ended meanwhile. walk20b: a console started with the browser shown by its saved layout, then hidden by
            # the workspace, listed 1 show when opened later — not the one on air, begun after that first question.
            self.refresh()
        elif self._started:
            # Its window restored from the taskbar (a spontaneous show): brought up to date at once, in place — the
            # reader's selection and place kept, as the poll would, without waiting for it.
            self.model.refresh_quietly()
        self.start()
        self.poll.start()

    def hideEvent(self, event: Any) -> None:
        """Closed, hidden by a workspace, or its window minimised (a spontaneous hide; isVisible() stays true):
        nobody reads it, so the poll stops and the database is not asked until it is shown again."""
        super().hideEvent(event)
        self.poll.stop()

    def refresh(self) -> None:
        self.load_facets()
        self.model.refresh()

    @Slot()
    def _on_poll_timeout(self) -> None:
        if self._started and self.isVisible():
            self.model.refresh_quietly()

    @Slot()
    def _on_model_refreshing(self) -> None:
        top = self.table.rowAt(0)
        show = self.model.show_at(top)
        at_top = self.table.verticalScrollBar().value() == 0
        self._anchor = None if show is None or at_top else (show.id, top)
        self._count_seen = self.model.total

    @Slot()
    def _on_model_refreshed(self) -> None:
        """After a quiet refresh: the show that was at the top of the view stays there (shows begun meanwhile are
        listed above it, out of the way; a view at the top stays at the top, where they show); the room column
        widens for a show not over; the filters' counts follow the shows begun."""
        anchor, self._anchor = self._anchor, None
        if anchor is not None:
            show_id, was = anchor
            now = next((row for row, show in enumerate(self.model.rows) if show.id == show_id), None)
            bar = self.table.verticalScrollBar()
            if now is not None and now != was:
                self.table.doItemsLayout()  # the scroll bar's range for the rows as they are now
                per_item = self.table.verticalScrollMode() is QAbstractItemView.ScrollMode.ScrollPerItem
                step = 1 if per_item else self.table.verticalHeader().defaultSectionSize()
                bar.setValue(bar.value() + (now - was) * step)
        self._fit_room_column()
        if self.model.total != self._count_seen:
            combos = (self.room, self.host, self.tag)
            typing = any(line.hasFocus() for combo in combos if (line := combo.lineEdit()) is not None)
            if not typing and not any(combo.view().isVisible() for combo in combos):  # never under a reader's hands
                self.load_facets()

    @Slot()
    def _fit_room_column(self) -> None:
        """A show not over listed: the room column wants its cells on one line (the window may grow to it,
        wanted_width); where the table is too narrow, it gives way after the title and hosts (_fit_width) and its
        cells wrap, their rows as tall as they need (_fit_rows)."""
        column = KEYS.index("room")
        if any(show.live for show in self.model.rows):
            wanted = self.table.sizeHintForColumn(column) + 12  # every cell on one line
            if wanted > self._room_wanted:
                self._room_wanted = wanted
                if wanted > self.table.columnWidth(column):
                    self.table.setColumnWidth(column, wanted)
                self.sig_columns_widened.emit()  # a window sized to the columns grows (View ▸ Shows…)
        self._fit_width()
        self._fit_rows()

    @Slot()
    def _fit_rows(self) -> None:
        """The row of a show not over as tall as its wrapped room cell needs; every other row the table's height
        (a show that ended meanwhile gets it back)."""
        table = self.table
        default = table.verticalHeader().defaultSectionSize()
        for row, show in enumerate(self.model.rows):
            wanted = max(default, table.sizeHintForRow(row) + 6) if show.live else default  # lines not touching
            if table.rowHeight(row) != wanted:
                table.setRowHeight(row, wanted)

    @Slot(int, int, int)
    def _on_header_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == KEYS.index("room"):
            self._fit_rows()

    def wanted_width(self) -> int:
        """The width that shows every column whole, none squeezed (the title and hosts columns at their roomy
        width), with no horizontal scroll bar: the columns, the table's frame and vertical scroll bar, the margins;
        never less than the filters and buttons need. A window sized to it within the screen shows the last column
        (1920×1080: the browser opened 1280 px wide, 检查单 cut behind a scroll bar)."""
        roomy = {**self._roomy, "room": self._room_wanted}
        columns = sum(max(self.table.columnWidth(column), roomy.get(key, 0)) for column, key in enumerate(KEYS))
        table = columns + 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        layout = self.layout()
        margins = 0 if layout is None else layout.contentsMargins().left() + layout.contentsMargins().right()
        return max(self.minimumSizeHint().width(), table + margins)

    def _fit_width(self) -> None:
        """Every column within the table where it can be (walk review15: at 1366x768 in Chinese the last column,
        数据完整度, was cut off behind a scroll bar): the title and hosts columns, whose text elides and has a tooltip,
        give way first, down to SQUEEZABLE, then the room column, whose cells wrap rather than elide (a show not
        over says its state before its room, "○ not ended — resumable until 07:32  演示B": an elided cell would hide
        the room itself; in English at 1366x768 the last columns scrolled while it stayed on one line); they grow
        back, the room first, when the table widens."""
        spare = self.table.viewport().width() - self.table.horizontalHeader().length()
        roomy = {**self._roomy, "room": self._room_wanted}
        order = list(SQUEEZABLE.items())
        for key, least in order if spare < 0 else reversed(order):
            column = KEYS.index(key)
            width = self.table.columnWidth(column)
            change = max(spare, min(0, least - width)) if spare < 0 else max(0, min(spare, roomy[key] - width))
            if change:
                self.table.setColumnWidth(column, width + change)
                spare -= change

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_width()

    @Slot(int)
    def _on_changed(self, _show_id: int) -> None:
        if self._started:
            self.refresh()

    # ------------------------------------------------------------------ filters
    def _fill_facets_empty(self) -> None:
        for combo, everything in (
            (self.room, self.tr("All rooms")),
            (self.host, self.tr("All hosts")),
            (self.tag, self.tr("All tags")),
        ):
            combo.clear()
            combo.addItem(everything, None)

    def load_facets(self) -> None:
        self.controller.facets(alive(self, self._on_facets))

    def _on_facets(self, facets: Any, error: BaseException | None) -> None:
        if error is not None:
            self.show_error(describe(error))
            return
        for combo, choices, everything in (
            (self.room, facets.rooms, self.tr("All rooms")),
            (self.host, facets.hosts, self.tr("All hosts")),
            (self.tag, facets.tags, self.tr("All tags")),
        ):
            current = self._choice(combo)
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for name, count in choices:
                label = self.tr("Demo room") if combo is self.room and name == "demo" else name
                combo.addItem(f"{label} ({count})", name)
            index = combo.findData(current) if current is not None else 0
            if index >= 0:
                combo.setCurrentIndex(index)
            elif combo.isEditable():
                combo.setEditText(current or "")
            combo.blockSignals(False)

    @staticmethod
    def _choice(combo: QComboBox) -> str | None:
        """The chosen name: an item's, or (host, tag) a name typed in; None for all."""
        if combo.isEditable():
            typed = combo.currentText().strip()
            if combo.currentIndex() >= 0 and combo.itemText(combo.currentIndex()) == combo.currentText():
                data = combo.currentData()
                return str(data) if data is not None else None
            return typed or None
        data = combo.currentData()
        return str(data) if data is not None else None

    def current_query(self) -> ShowQuery:
        since = until = None
        if self.use_since.isChecked():
            since = datetime.combine(self.since.date().toPython(), time()).astimezone(UTC)  # type: ignore[arg-type]
        if self.use_until.isChecked():
            day: date = self.until.date().toPython()  # type: ignore[assignment]
            until = datetime.combine(day + timedelta(days=1), time()).astimezone(UTC)  # the whole last day
        return ShowQuery(
            room=self._choice(self.room),
            host=self._choice(self.host),
            tag=self._choice(self.tag),
            since=since,
            until=until,
            text=self.text.text().strip() or None,
            sort=self.model.query.sort,
            descending=self.model.query.descending,
        )

    @Slot()
    def apply_filters(self) -> None:
        from console.core.review.shows import MetaError

        try:
            query = self.current_query()
        except MetaError as exc:  # e.g. the range's end before its start
            self.show_error(exc.message.in_language(QCoreApplication.translate))
            return
        self.model.ask(query)

    # ------------------------------------------------------------------ what is said below the table
    @Slot(bool)
    def _on_loading(self, loading: bool) -> None:
        if loading and not self.model.rows:
            self._say(self.tr("Loading shows…"))

    @Slot(int)
    def _show_total(self, total: int) -> None:
        text = self.tr("Shows: %1").replace("%1", str(total))
        if self.model.not_refreshed:
            text += " — " + self.tr("figures of running shows may be behind: %1").replace(
                "%1", self.model.not_refreshed
            )
        self._say(text)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #e0312f; font-weight: 600;" if error else "")
        self.status.setText(text)

    @Slot(str)
    def show_error(self, text: str) -> None:
        """A failure, in the browser itself (what is shown stays; Refresh asks again)."""
        self._say(text, error=True)

    # ------------------------------------------------------------------ the selection
    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [show.id for row in rows if (show := self.model.show_at(row)) is not None]

    def current_id(self) -> int | None:
        ids = self.selected_ids()
        if ids:
            return ids[0]
        show = self.model.show_at(self.table.currentIndex().row())
        return show.id if show is not None else None

    def select_show(self, show_id: int) -> bool:
        """That show selected alone and made current; False when it is not listed. Whatever keys the application
        last saw held: QTableView.selectRow reads them as a click would, and with Shift it extended a selection
        from no anchor and selected nothing (a test that pressed Shift+key earlier in the same process)."""
        for row, show in enumerate(self.model.rows):
            if show.id == show_id:
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
                return True
        return False

    @Slot()
    def _remember_selection(self) -> None:
        self._kept_selection = self.selected_ids()

    @Slot()
    def _restore_selection(self) -> None:
        """A refresh (a show edited, another sort) keeps the shows that were selected selected, where they still are."""
        selection = self.table.selectionModel()
        for row, show in enumerate(self.model.rows):
            if show.id in self._kept_selection:
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                )
        self._enable_actions()

    @Slot()
    def _enable_actions(self) -> None:
        count = len(self.selected_ids())
        for button in (self.open_button, self.edit_button, self.import_button, self.export_button):
            button.setEnabled(count == 1)
        self.compare_button.setEnabled(count >= 2)

    # ------------------------------------------------------------------ actions
    def _keep(self, window: QWidget) -> QWidget:
        self.windows = [w for w in self.windows if w.isVisible()]
        self.windows.append(window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda *_args, w=window: self.windows.remove(w) if w in self.windows else None)
        window.show()
        window.raise_()
        return window

    @Slot()
    def open_selected(self) -> QWidget | None:
        show_id = self.current_id()
        if show_id is None:
            return None
        window = self.controller.show_window(show_id, self)
        if window is None:
            self.show_error(self.tr("Opening a show is not available in this version of the console."))
            return None
        return self._keep(window)

    @Slot()
    def compare_selected(self) -> QWidget | None:
        ids = self.selected_ids()
        if len(ids) < 2:
            self.show_error(self.tr("Select two or more shows to compare."))
            return None
        window = self.controller.compare_window(ids, self)
        if window is None:
            self.show_error(self.tr("Comparing shows is not available in this version of the console."))
            return None
        return self._keep(window)

    @Slot()
    def edit_selected(self) -> QWidget | None:
        show_id = self.current_id()
        if show_id is None:
            return None
        from widgets.show_meta_dialog import ShowMetaDialog

        dialog = ShowMetaDialog(self.controller, show_id, editor=getpass.getuser(), parent=self)
        return self._keep(dialog)

    @Slot()
    def import_selected(self) -> QWidget | None:
        show_id = self.current_id()
        if show_id is None:
            return None
        from widgets.platform_import_dialog import PlatformImportDialog

        return self._keep(PlatformImportDialog(self.controller, show_id, parent=self))

    @Slot()
    def period_report(self) -> QWidget:
        """The period report dialog, prefilled from the filters: their room, host and dates (the last 30 days when
        no date is set)."""
        from widgets.period_report_dialog import PeriodReportDialog

        query = self.current_query()
        until = query.until.astimezone().date() - timedelta(days=1) if query.until else date.today()
        since = query.since.astimezone().date() if query.since else until - timedelta(days=29)
        dialog = PeriodReportDialog(self.controller, since, until, query.room, query.host, parent=self)
        return self._keep(dialog)

    def export_selected(self, kind: str) -> None:
        show_id = self.current_id()
        if show_id is None:
            return
        filters = {
            "pdf": self.tr("PDF (*.pdf)"),
            "xlsx": self.tr("Excel workbook (*.xlsx)"),
            "csv": self.tr("CSV (*.csv)"),
        }
        from console.core.reports import export_folder  # not the folder the console happened to be started from

        suggested = str(export_folder() / f"show-{show_id}.{kind}")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export show %1").replace("%1", str(show_id)), suggested, filters[kind]
        )
        if name:
            self.export_to(kind, show_id, Path(name))

    def export_to(self, kind: str, show_id: int, path: Path) -> None:
        """Written on the controller's worker; the status line says when it is done or why not."""
        self._say(self.tr("Writing %1…").replace("%1", path.name))

        def done(_result: Any, error: BaseException | None) -> None:
            if error is None:
                self._say(self.tr("Saved %1").replace("%1", str(path)))
            elif isinstance(error, ImportError):
                self.show_error(self.tr("This export is not available in this version of the console."))
            else:
                self.show_error(describe(error))

        self.controller.export(kind, show_id, path, alive(self, done))
