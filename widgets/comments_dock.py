"""The Comments dock: the room's comments, gifts, likes and follows from every source in one list, on a ChatPort.

Reading: each sig_arrived (a few a second at most) reads the feed once (`feed.since(seq)`) and appends the batch
in one model operation. Pause on scroll: once the user scrolls up, or while the pointer is over the list, new rows
are held back (the newest MAX_ROWS of them) so the lines being read or aimed at stay put, and a bar says how many
are waiting; the bar, scrolling back to the bottom, or the pointer leaving the list shows them.
Events the feed dropped before they were read (a flood faster than the dock reads) are counted and said under the
list, never silently lost. A console restarted mid-show shows the show's comments from before it started (the
port's `history`, read from the show's record) above the live ones, parted from them by a line and said over the
list. While viewers report a problem (the health engine's audience-reports finding), a line over the list says
what, how many and the cause the engine names, and a complaint's tooltip says it too."""

from __future__ import annotations

import html
from collections import deque
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QCursor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.core.chat.events import ChatEvent
from console.core.telemetry.audience import SourceState, SourceStatus
from widgets.audience_reports import AudienceReportsLine
from widgets.audience_status import STATUS_COLOURS, STATUS_WORDS
from widgets.chat_port import ChatPort
from widgets.comments_delegate import CommentsDelegate
from widgets.comments_filter import CommentsFilter
from widgets.comments_model import MAX_ROWS, PLATFORM_BADGES, CommentsModel
from widgets.ports import TelemetryPort

ERROR_STATES = (SourceStatus.ERROR, SourceStatus.AUTH_ERROR)


def source_line(source_id: str, state: SourceState) -> tuple[str, str]:
    """The words ("Bilibili · OK", or "file · error — the file … cannot be read"), translated, and their colour."""
    platform = source_id.split(":")[0].split("-")[0].lower()
    badge = PLATFORM_BADGES.get(platform)
    name = source_id
    if badge is not None and source_id.lower() == platform:
        name = QCoreApplication.translate("Comments", badge[0])
    words = f"{name} · {QCoreApplication.translate('Audience', STATUS_WORDS[state.status])}"
    if state.detail.template:
        words += " — " + state.detail.message.in_language(QCoreApplication.translate)
    return words, STATUS_COLOURS[state.status]


class CommentsDock(QWidget):
    def __init__(
        self,
        port: ChatPort,
        parent: QWidget | None = None,
        max_rows: int = MAX_ROWS,
        telemetry: TelemetryPort | None = None,
    ) -> None:
        super().__init__(parent)
        self.port = port
        self.model = CommentsModel(max_rows, self)
        self.proxy = CommentsFilter(self)
        self.proxy.setSourceModel(self.model)
        #: The feed's sequence number read up to.
        self.seq = 0
        #: Events the feed dropped before this dock read them (said under the list).
        self.missed = 0
        #: Events held back while the view is paused (the newest max_rows), and how many arrived meanwhile.
        self.pending: deque[ChatEvent] = deque(maxlen=max_rows)
        self.waiting = 0
        self.following = True
        #: The pointer is over the list: the rows stay put (a click or right-click meets the comment aimed at), new
        #: ones wait like a paused view's and come in when the pointer leaves.
        self.hovered = False
        self._scrolling = False  # the dock itself is moving the scroll bar (not the user)
        #: The port's history already shown (it is shown once per room's feed).
        self._history: tuple[ChatEvent, ...] = ()
        #: The serial of the row the line is under (None: no line).
        self._boundary: int | None = None

        self.search = QLineEdit()
        find_keys = QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)
        self.search.setPlaceholderText(self.tr("Search names and words (%1)").replace("%1", find_keys))
        self.search.setClearButtonEnabled(True)
        self.kinds = QComboBox()
        self.kinds.addItem(self.tr("Everything"), False)
        self.kinds.addItem(self.tr("Comments only"), True)
        self.kinds.setToolTip(self.tr("Comments only: hide gifts, likes, follows and entries"))
        self.sources = QLabel()
        self.sources.setWordWrap(True)
        self.sources.setTextFormat(Qt.TextFormat.RichText)
        self.sources.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        #: What viewers report now and why, as the health engine says it (None: a dock without the room's health).
        self.reports = None if telemetry is None else AudienceReportsLine(telemetry)
        self.earlier = QLabel()
        self.earlier.setWordWrap(True)
        self.earlier.setStyleSheet("color: #2f7bff;")
        self.earlier.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.earlier.setVisible(False)
        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(CommentsDelegate(self.view))
        self.view.setUniformItemSizes(True)  # one line each: Qt lays out 2,000 rows without measuring them
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.view.installEventFilter(self)
        self.jump = QPushButton()
        self.jump.setStyleSheet("background: #2f7bff; color: white; font-weight: 600; padding: 4px;")
        self.jump.setVisible(False)
        self.missed_label = QLabel()
        self.missed_label.setStyleSheet("color: #e0312f;")
        self.missed_label.setWordWrap(True)
        self.missed_label.setVisible(False)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.kinds)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.sources)
        if self.reports is not None:
            layout.addWidget(self.reports)
        layout.addWidget(self.earlier)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.jump)
        layout.addWidget(self.missed_label)

        self.find_shortcut: QShortcut | None = None
        self._grab_find_key()
        self._connect_signals()
        self._on_port_sources_changed()
        self._start_reading()

    def _connect_signals(self) -> None:
        self.port.sig_arrived.connect(self._on_port_arrived)
        self.port.sig_room_changed.connect(self._on_port_room_changed)
        self.port.sig_sources_changed.connect(self._on_port_sources_changed)
        self.port.sig_history_loaded.connect(self._on_port_history_loaded)
        if self.reports is not None:
            self.reports.sig_changed.connect(self._on_reports_changed)
            self._on_reports_changed()
        self.model.rowsRemoved.connect(self._on_model_rows_removed)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.kinds.currentIndexChanged.connect(self._on_kinds_index_changed)
        self.jump.clicked.connect(self.resume)
        bar = self.view.verticalScrollBar()
        bar.valueChanged.connect(self._on_scroll_value_changed)
        bar.rangeChanged.connect(self._on_scroll_range_changed)

    # ------------------------------------------------------------------ reading the feed
    def _start_reading(self) -> None:
        """From what the feed holds now (what went by before the dock opened is not "missed")."""
        feed = self.port.feed
        first = feed.since(max(0, feed.seq - feed.capacity))
        self.seq = first.seq
        self._take(first.events)
        self._on_port_history_loaded()

    def _on_port_history_loaded(self) -> None:
        """The show's comments from before the feed began go above the rows (never among the held-back ones: they
        are older than anything shown); a paused view keeps the rows it shows in place."""
        history = self.port.history
        if not history or history is self._history:
            return
        self._history = history
        bar = self.view.verticalScrollBar()
        anchor = None if self.following else self.view.indexAt(self.view.rect().topLeft())
        anchor_row = self.proxy.mapToSource(anchor).row() if anchor is not None and anchor.isValid() else -1
        blocker = QSignalBlocker(bar)  # the rows move under the view: not the user scrolling
        try:
            added = self.model.prepend(history)
        finally:
            blocker.unblock()
        if not added:
            return
        if self.following:
            self._to_bottom()
        elif anchor_row >= 0:
            self._scrolling = True
            try:
                self.view.scrollTo(
                    self.proxy.mapFromSource(self.model.index(anchor_row + added)),
                    QAbstractItemView.ScrollHint.PositionAtTop,
                )
            finally:
                self._scrolling = False
        wall = history[-1].wall
        newest = datetime.fromtimestamp(wall).strftime("%H:%M:%S") if wall > 0 else ""
        # No count: live rows push the oldest out, and the words must stay true while the line is there.
        self.earlier.setText(
            self.tr("Above the line: this show's earlier comments, up to {time}, read back from its record").format(
                time=newest
            )
        )
        self.earlier.setToolTip(
            self.tr(
                "Comments that came before this console started (a restart mid-show): read back from the show's "
                "record, they are not counted, stored or read for questions or the lottery again."
            )
        )
        self.earlier.setVisible(True)
        self._boundary = self.model.rows[added - 1].serial

    def _on_model_rows_removed(self, *_args: object) -> None:
        """The line's row was trimmed away under live ones: the words about it go with it."""
        rows = self.model.rows
        if self._boundary is not None and (not rows or rows[0].serial > self._boundary):
            self._boundary = None
            self.earlier.setVisible(False)

    def _on_port_arrived(self) -> None:
        read = self.port.feed.since(self.seq)
        self.seq = read.seq
        if read.missed:
            self.missed += read.missed
            self._say_missed()
        self._take(read.events)

    def _take(self, events: tuple[ChatEvent, ...]) -> None:
        self.model.set_marks(self.port.keywords, self.port.own_names)
        if not events:
            return
        if self.following and not self.hovered:
            self.model.append(events)
            self._to_bottom()
        else:
            self.pending.extend(events)
            self.waiting += len(events)
            self._say_waiting()

    def _on_port_room_changed(self, _room: str = "") -> None:
        self.model.clear()
        self._history = ()
        self._boundary = None
        self.earlier.setVisible(False)
        self.pending.clear()
        self.waiting = 0
        self.missed = 0
        self.missed_label.setVisible(False)
        self.following = True
        self.jump.setVisible(False)
        self._on_port_sources_changed()
        self._start_reading()

    def _on_reports_changed(self) -> None:
        assert self.reports is not None
        self.model.set_reports(self.reports.lines)

    def _on_port_sources_changed(self) -> None:
        sources = self.port.sources
        if not sources:
            # tr() outside the f-string: lupdate does not look inside one (this line was never translated).
            words = self.tr("No comment sources for this room")
            self.sources.setText(f"<span style='color:#9e9e9e'>{html.escape(words)}</span>")
            return
        parts = []
        for source_id, state in sources:
            words, colour = source_line(source_id, state)
            weight = "font-weight:600;" if state.status in ERROR_STATES else ""
            parts.append(f"<span style='color:{colour};{weight}'>{html.escape(words)}</span>")
        self.sources.setText(" &nbsp;&nbsp; ".join(parts))

    def _say_missed(self) -> None:
        self.missed_label.setText(
            (
                self.tr("{count} message went by too fast to show (counted, not listed)")
                if self.missed == 1
                else self.tr("{count} messages went by too fast to show (counted, not listed)")
            ).format(count=f"{self.missed:,}")
        )
        self.missed_label.setVisible(True)

    # ------------------------------------------------------------------ pause on scroll
    def _say_waiting(self) -> None:
        self.jump.setText(self.tr("{count} new — jump to newest").format(count=f"{self.waiting:,}"))
        self.jump.setVisible(True)

    def resume(self) -> None:
        """Show what waited and follow the newest again."""
        self.following = True
        held = tuple(self.pending)
        self.pending.clear()
        self.waiting = 0
        self.jump.setVisible(False)
        if held:
            self.model.append(held)
        self._to_bottom()

    def _to_bottom(self) -> None:
        bar = self.view.verticalScrollBar()
        self._scrolling = True
        try:
            bar.setValue(bar.maximum())
        finally:
            self._scrolling = False

    def _at_bottom(self) -> bool:
        bar = self.view.verticalScrollBar()
        return bar.value() >= bar.maximum()

    def _on_scroll_value_changed(self, _value: int) -> None:
        if self._scrolling:
            return
        if self._at_bottom():
            if not self.following:
                self.resume()
        else:
            self.following = False

    def _on_scroll_range_changed(self, _low: int, _high: int) -> None:
        # Rows are laid out after they are added: a view that follows goes on to the newest once they are.
        if self.following:
            self._to_bottom()

    # ------------------------------------------------------------------ search
    def _on_search_text_changed(self, text: str) -> None:
        self._refilter(lambda: self.proxy.set_search(text))

    def _on_kinds_index_changed(self, _index: int) -> None:
        self._refilter(lambda: self.proxy.set_text_only(bool(self.kinds.currentData())))

    def _refilter(self, change: object) -> None:
        blocker = QSignalBlocker(self.view.verticalScrollBar())  # the view re-lays out: not the user scrolling
        try:
            change()  # type: ignore[operator]
        finally:
            blocker.unblock()
        if self.following:
            self._to_bottom()

    def _grab_find_key(self) -> None:
        """Ctrl+F belongs to the window the dock is in: a shortcut on the dock itself would be dead while the
        Comments tab is behind the Checklist (Qt ignores the shortcuts of hidden widgets)."""
        window = self.window()
        if self.find_shortcut is not None:
            if self.find_shortcut.parent() is window:
                return
            self.find_shortcut.setEnabled(False)
            self.find_shortcut.deleteLater()
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), window)
        self.find_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.find_shortcut.activated.connect(self._on_find_activated)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Enter:
            self.hovered = True
        elif (
            watched is self.view
            and event.type() == QEvent.Type.Leave
            and not self.view.rect().contains(self.view.mapFromGlobal(QCursor.pos()))  # not a tooltip over it
        ):
            self.hovered = False
            if self.following and self.pending:
                self.resume()  # what came while the pointer was over the list
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ParentChange:
            self._grab_find_key()
        return super().event(event)

    def _on_find_activated(self) -> None:
        dock = self.parentWidget()
        if dock is not None and dock is not self.window():
            dock.show()  # a workspace without the Comments dock: Ctrl+F still finds a comment
            dock.raise_()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ------------------------------------------------------------------ for the tests and the benchmark
    def shown_texts(self) -> list[str]:
        """What each visible-by-filter row says, oldest first (a comment as "name: text")."""
        return [str(self.proxy.index(i, 0).data()) for i in range(self.proxy.rowCount())]
