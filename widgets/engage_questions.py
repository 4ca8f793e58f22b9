"""The Q&A queue panel of the Questions dock: the show's questions (open, claimed by whom, answered, dismissed;
a filter), claim / give back / answer / dismiss from buttons or keys while the list has the keyboard, and the
selected question's quick replies (the room's canned answers for the product on air) to copy or to post where a
source of the room can post to its platform's chat.

Everything goes through the EngagePort (widgets/engage_port.py): the panel never touches storage. The queue is
shared by the consoles of a room: a claim another console made first comes back refused, and the panel says who
has the question, in red, until the next action."""

from __future__ import annotations

import html
import time
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Slot
from PySide6.QtGui import QBrush, QColor, QCursor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.chat.questions import REPLY_FIELDS, STATE_WORDS, Offer, Question, QuestionState, askers_message
from console.core.chat.source import Posted
from obs.text import QT_TRANSLATE_NOOP
from widgets.engage_port import EngagePort, Why
from widgets.event_log import Words

#: The filter's choices: which states each shows (None: mine — claimed by this console's name).
FILTERS: tuple[tuple[str, tuple[QuestionState, ...] | None], ...] = (
    (QT_TRANSLATE_NOOP("QuestionsPanel", "Waiting (open and claimed)"), (QuestionState.OPEN, QuestionState.CLAIMED)),
    (QT_TRANSLATE_NOOP("QuestionsPanel", "Mine"), None),
    (QT_TRANSLATE_NOOP("QuestionsPanel", "Answered"), (QuestionState.ANSWERED,)),
    (QT_TRANSLATE_NOOP("QuestionsPanel", "Dismissed"), (QuestionState.DISMISSED,)),
    (QT_TRANSLATE_NOOP("QuestionsPanel", "All"), tuple(QuestionState)),
)
STATE_COLOURS = {
    QuestionState.OPEN: "#2f7bff",
    QuestionState.CLAIMED: "#c77800",
    QuestionState.ANSWERED: "#2e9d4f",
    QuestionState.DISMISSED: "#8a8a8a",
}
GOOD, BAD = "#2e9d4f", "#e0312f"
#: The keys that act on the selected question while the queue has the keyboard.
KEYS = {"claim": "C", "release": "G", "answer": "A", "dismiss": "D", "copy": "Y"}
#: Seconds the rows stay put after the pointer left the list or a question was chosen or acted on (the way from
#: the list to the buttons and back): a click aimed at a row meets the row that was aimed at.
HOLD_S = 2.5
#: The askers a row's tip names (a question a thousand viewers asked would fill the screen); the count says all.
TIP_NAMES = 60


def _when(at: float) -> str:
    return datetime.fromtimestamp(at).strftime("%H:%M:%S") if at > 0 else ""


def _composed(template: str, why: Why | None) -> Why:
    """A problem line of the panel ("Not posted: %1") with its reason, both said in the language of the moment."""
    return lambda: QCoreApplication.translate("QuestionsPanel", template).replace("%1", why() if why else "?")


#: The panel's problem lines that take a reason (said through `_composed`).
_TAKEN = QT_TRANSLATE_NOOP("QuestionsPanel", "Someone else has it: %1")
_NOT_POSTED = QT_TRANSLATE_NOOP("QuestionsPanel", "Not posted: %1")


class QuestionsPanel(QWidget):
    def __init__(self, port: EngagePort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.port = port
        #: The selected question's replies as last offered (each filled in for the product on air then).
        self.offered: list[Offer] = []
        #: The offer whose text the answer line holds, as filled in (None: the reader's own words, or nothing).
        self._filled: Offer | None = None
        self._selected_id: int | None = None
        #: A question to select as soon as the queue shows it (one just marked by hand).
        self._pending_select: int | None = None
        #: The rows stay put while the pointer is over the list and for HOLD_S after it left or after the user chose
        #: or acted on a question: new questions are added below, a question that left the filter stays (its state
        #: says what became of it) until the hold ends.
        self._hovered = False
        self._hold_until = 0.0
        self._release_timer = QTimer(self)
        self._release_timer.setSingleShot(True)
        self._release_timer.setTimerType(Qt.TimerType.PreciseTimer)
        #: The reader's wish to see the newest (at the end of the list, nothing chosen); applied once nothing holds.
        self._follow = True
        #: Questions added since the list last showed the newest ("N new ↓" counts those below the visible rows).
        self._unseen: set[int] = set()
        self._scrolling = False  # the panel itself moves the scroll bar, not the reader
        #: The question ids of the rows shown, top to bottom, and each row's question as last written.
        self._ids: list[int] = []
        self._rows: dict[int, Question] = {}
        #: Who asked the chosen question, as last shown (its replies are filled again when more ask it).
        self._chosen_askers: tuple[int, tuple[str, ...]] | None = None
        self._who = port.who
        self._name_widths: dict[str, int] = {}

        self.filter = QComboBox()
        for words, _states in FILTERS:
            self.filter.addItem(self.tr(words))
        self.count = QLabel()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Time"), self.tr("Viewer"), self.tr("Question"), self.tr("State")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(False)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)  # the bar's value is a row
        self.tree.installEventFilter(self)
        self.tree.viewport().installEventFilter(self)  # its resize: the viewer column fitted to the list's width
        self.new_below = QPushButton()
        self.new_below.setStyleSheet("background: #2f7bff; color: white; font-weight: 600; padding: 3px;")
        self.new_below.setToolTip(self.tr("Show the newest questions and follow them again"))
        self.new_below.setVisible(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setColumnWidth(1, 110)

        self.claim_button = QPushButton(self._keyed(self.tr("Claim"), "claim"))
        self.release_button = QPushButton(self._keyed(self.tr("Give back"), "release"))
        self.answer_button = QPushButton(self._keyed(self.tr("Mark answered"), "answer"))
        self.dismiss_button = QPushButton(self._keyed(self.tr("Dismiss"), "dismiss"))
        self.claim_button.setToolTip(self.tr("Take the question: the other consoles of the room see it is yours"))
        self.release_button.setToolTip(self.tr("Give the question back to the queue"))
        self.answer_button.setToolTip(self.tr("Mark answered (with the reply below, if any)"))
        self.dismiss_button.setToolTip(self.tr("Not a question, or not one to answer"))
        #: The last outcome said under the buttons (the label shows it coloured), and whether it was good news: a
        #: problem is kept as a function saying it in the language of the moment (a language switch says it anew).
        self.outcome_words: Words = ""
        self.outcome_good = True
        #: What the chosen question's quick reply lacked, when that is what was said last: the question's own.
        self._lacking = ""
        #: The question the outcome line speaks of, and how: (its id, the state the line said, the words for one
        #: viewer, for many). The line follows it (_follow_outcome): None when it speaks of none.
        self._about: tuple[int, QuestionState, str, str] | None = None
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.RichText)
        self.outcome.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.replies_label = QLabel()
        self.replies_label.setWordWrap(True)
        self.replies_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Said from the start (a dock rebuilt for another language had no heading until a question was chosen).
        self.replies_label.setText(self.tr("Choose a question to see its quick replies."))
        self.replies = QListWidget()
        self.replies.setWordWrap(True)
        self.reply_text = QLineEdit()
        self.reply_text.setPlaceholderText(self.tr("The answer (a quick reply, or your own words)"))
        self.reply_text.setClearButtonEnabled(True)
        self.copy_button = QPushButton(self._keyed(self.tr("Copy"), "copy"))
        self.copy_button.setToolTip(self.tr("Copy the answer to the clipboard, to paste in the platform's console"))
        self.post_button = QPushButton(self.tr("Post"))
        self.edit_replies_button = QPushButton(self.tr("Quick replies…"))

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.claim_button, self.release_button, self.answer_button, self.dismiss_button):
            buttons.addWidget(button)
        queue = QWidget()
        queue_layout = QVBoxLayout(queue)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.setSpacing(3)
        queue_layout.addLayout(top)
        queue_layout.addWidget(self.tree, 1)
        queue_layout.addWidget(self.new_below)
        queue_layout.addLayout(buttons)
        queue_layout.addWidget(self.outcome)
        answer_row = QHBoxLayout()
        answer_row.setContentsMargins(0, 0, 0, 0)
        answer_row.addWidget(self.reply_text, 1)
        answer_row.addWidget(self.copy_button)
        answer_row.addWidget(self.post_button)
        reply_box = QWidget()
        reply_layout = QVBoxLayout(reply_box)
        reply_layout.setContentsMargins(0, 0, 0, 0)
        reply_layout.setSpacing(3)
        heading = QHBoxLayout()
        heading.setContentsMargins(0, 0, 0, 0)
        heading.addWidget(self.replies_label, 1)
        heading.addWidget(self.edit_replies_button)
        reply_layout.addLayout(heading)
        reply_layout.addWidget(self.replies, 1)
        reply_layout.addLayout(answer_row)
        self._reply_layout = reply_layout
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(queue)
        self.splitter.addWidget(reply_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.shortcuts: dict[str, QShortcut] = {}
        for action, key in KEYS.items():
            shortcut = QShortcut(QKeySequence(key), self.tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # only while the queue has the keyboard
            self.shortcuts[action] = shortcut
        self.delete_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.tree)
        self.delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._connect_signals()
        self._show_questions()

    def add_above_answer(self, widget: QWidget) -> None:
        """A line over the answer being written (what viewers report now, from the room's health)."""
        self._reply_layout.insertWidget(self._reply_layout.count() - 1, widget)

    def _keyed(self, words: str, action: str) -> str:
        return f"{words} ({KEYS[action]})"

    def _connect_signals(self) -> None:
        self.port.sig_questions_changed.connect(self._on_port_questions_changed)
        self.port.sig_replies_changed.connect(self._on_port_replies_changed)
        self.port.sig_product_changed.connect(self._on_port_product_changed)
        self.port.sig_ready_changed.connect(self._on_port_ready_changed)
        self.filter.currentIndexChanged.connect(self._on_filter_index_changed)
        self.tree.itemSelectionChanged.connect(self._on_tree_selection_changed)
        self.tree.verticalScrollBar().valueChanged.connect(self._on_scroll_value_changed)
        self._release_timer.timeout.connect(self._on_release_timer_timeout)
        self.new_below.clicked.connect(self.show_newest)
        self.claim_button.clicked.connect(self.claim)
        self.release_button.clicked.connect(self.release)
        self.answer_button.clicked.connect(self.answer)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.copy_button.clicked.connect(self.copy)
        self.post_button.clicked.connect(self.post)
        self.replies.currentRowChanged.connect(self._on_replies_row_changed)
        self.replies.itemDoubleClicked.connect(self._on_replies_item_double_clicked)
        self.reply_text.returnPressed.connect(self.answer)
        self.reply_text.textChanged.connect(self._on_reply_text_changed)
        for action, shortcut in self.shortcuts.items():
            shortcut.activated.connect(getattr(self, action))
        self.delete_shortcut.activated.connect(self.dismiss)

    # ------------------------------------------------------------------ the queue
    def shown(self) -> list[Question]:
        """The questions the filter lets through, in the order asked."""
        states = FILTERS[self.filter.currentIndex()][1]
        if states is None:
            who = self.port.who
            return [q for q in self.port.questions if q.state is QuestionState.CLAIMED and q.claimed_by == who]
        return [q for q in self.port.questions if q.state in states]

    def _state_words(self, question: Question) -> str:
        words = QCoreApplication.translate("Questions", STATE_WORDS[question.state])
        by = {
            QuestionState.CLAIMED: question.claimed_by,
            QuestionState.ANSWERED: question.answered_by,
            QuestionState.DISMISSED: question.dismissed_by,
        }.get(question.state)
        if by and question.state is QuestionState.CLAIMED and by == self.port.who:
            return self.tr("claimed by me")
        return f"{words} · {by}" if by else words

    def _show_questions(self) -> None:
        held = self.held()
        before = self._row_ids()
        top = self.tree.verticalScrollBar().value()
        anchor = self._anchor(before, top)
        shown = self._rows_to_show(held, before)
        keep = self._selected_id
        self._scrolling = True  # rebuilt every couple of seconds while questions come: not the reader scrolling
        self.tree.blockSignals(True)
        try:
            chosen = self._fill(shown, keep)
            self._fit_names(shown)
            self.tree.executeDelayedItemsLayout()  # the scroll bar's range for the rows now shown
            self._place(held, before, anchor, top)
        finally:
            self.tree.blockSignals(False)
            self._scrolling = False
        if self._pending_select is not None and self.select(self._pending_select):
            self._pending_select = None
            chosen = self.tree.currentItem()
        chosen_now = self.selected()
        askers = (chosen_now.id, chosen_now.asked_by) if chosen_now is not None else None
        was = self._chosen_askers
        if askers is not None and was is not None and askers[0] == was[0] and askers != was:
            self._ask_replies()  # more viewers asked the chosen question: its replies' {user} names them all
        self._chosen_askers = askers
        waiting = sum(1 for q in self.port.questions if q.state is QuestionState.OPEN)
        self.count.setText(self.tr("%1 open").replace("%1", str(waiting)))
        if chosen is None and keep is not None:
            self._selected_id = None
            self._show_replies([])
        self._say_new_below()
        self._follow_outcome()
        self._enable()

    def _fill(self, shown: list[Question], keep: int | None) -> QTreeWidgetItem | None:
        """Show these questions. The rows already there are kept and only what changed is touched — new questions
        appended, a changed state rewritten, a question gone taken out — so the queue read every two seconds costs
        what changed, not the whole show's questions again (rebuilding thousands of rows each time froze the
        window for seconds in a busy show). Anything else (another filter, a question stored out of order) is
        rebuilt whole."""
        ids = [question.id for question in shown]
        wanted = set(ids)
        fresh = self._keep_rows(shown, ids, wanted)
        if fresh is None:
            self.tree.clear()
            self._rows.clear()
            fresh = shown
        if fresh:
            items = []
            for question in fresh:
                item = QTreeWidgetItem()
                item.setData(0, Qt.ItemDataRole.UserRole, question.id)
                self._write(item, question)
                items.append(item)
            self.tree.addTopLevelItems(items)
        self._ids = ids
        chosen = self.tree.topLevelItem(ids.index(keep)) if keep is not None and keep in wanted else None
        if chosen is not None and self.tree.currentItem() is not chosen:
            self.tree.setCurrentItem(chosen)
        elif chosen is None and (self.tree.currentItem() is not None or self.tree.selectedItems()):
            # Nothing chosen (or the chosen row went): no row may look chosen, as after a rebuild.
            self.tree.setCurrentIndex(QModelIndex())
            self.tree.clearSelection()
        return chosen

    def _keep_rows(self, shown: list[Question], ids: list[int], wanted: set[int]) -> list[Question] | None:
        """Bring the rows shown up to date where they are (rows gone taken out, changed rows rewritten) and return
        the questions still to add at the end; None when the rows cannot be kept (the order changed, most rows
        went, or "claimed by me" now means another name)."""
        before = self._ids
        kept = [i for i in before if i in wanted]
        gone = len(before) - len(kept)
        who, self._who = self._who, self.port.who
        if ids[: len(kept)] != kept or gone > max(50, len(before) // 10) or who != self._who:
            return None
        for row in reversed(range(len(before))) if gone else ():
            if before[row] not in wanted:
                self.tree.takeTopLevelItem(row)
                self._rows.pop(before[row], None)
        for row, question in enumerate(shown[: len(kept)]):
            if self._rows.get(question.id) != question:
                item = self.tree.topLevelItem(row)
                if item is not None:
                    self._write(item, question)
        return shown[len(kept) :]

    @staticmethod
    def who_asked(question: Question) -> str:
        """Who asked, as the row says it: "小明", or for a question many viewers asked "小明、小红 及另外 18 位"."""
        return askers_message(question.asked_by).in_language(QCoreApplication.translate)

    def _write(self, item: QTreeWidgetItem, question: Question) -> None:
        """One row's words, as the question stands."""
        who = self.who_asked(question)
        for column, text in enumerate((_when(question.asked_at), who, question.text, self._state_words(question))):
            item.setText(column, text)
        askers = question.asked_by
        item.setToolTip(
            1,
            self.tr("Asked by %1 viewers: %2%3")
            .replace("%1", str(len(askers)))
            .replace("%3", "…" if len(askers) > TIP_NAMES else "")
            .replace("%2", self.tr(", ", "between the names of a list").join(askers[:TIP_NAMES]))  # names last
            if len(askers) > 1
            else who,
        )
        item.setToolTip(2, question.text)
        item.setToolTip(3, item.text(3))  # "answered · anna@studio-pc-2" is cut at the list's edge in a narrow dock
        item.setForeground(3, QBrush(QColor(STATE_COLOURS[question.state])))
        self._rows[question.id] = question

    def _rows_to_show(self, held: bool, before: list[int]) -> list[Question]:
        """What the filter lets through; while the rows are held, the rows shown stay (a question dismissed or
        answered meanwhile keeps its row, its state saying so) and new questions come below them."""
        shown = self.shown()
        if not held or not before:
            return shown
        by_id = {q.id: q for q in self.port.questions}
        kept = [by_id[i] for i in before if i in by_id]
        there = set(before)
        return kept + [q for q in shown if q.id not in there]

    def _row_ids(self) -> list[int]:
        """The ids of the rows shown, top to bottom."""
        return list(self._ids)

    def _last_visible_row(self) -> int:
        """The last row wholly in sight (one cut by the list's bottom edge is not read yet)."""
        height = self.tree.viewport().height()
        index = self.tree.indexAt(QPoint(1, height - 1))
        if not index.isValid():
            return self.tree.topLevelItemCount() - 1
        return index.row() - (1 if self.tree.visualRect(index).bottom() >= height else 0)

    def _anchor(self, before: list[int], top: int) -> int | None:
        """The row to keep where it is on the screen when rows come and go: the chosen question when it is in
        sight, else the top row."""
        if top >= len(before):
            return None
        if self._selected_id is not None and self._selected_id in before[top : self._last_visible_row() + 1]:
            return self._selected_id
        return before[top]

    def _place(self, held: bool, before: list[int], anchor: int | None, top: int) -> None:
        bar = self.tree.verticalScrollBar()
        now = self._row_ids()
        if before:
            self._unseen |= set(now) - set(before)
        if not held and self._follow and self._selected_id is None:
            bar.setValue(bar.maximum())  # at the newest, nothing chosen: follow what arrives
            self._unseen.clear()
            return
        if held or anchor is None:
            bar.setValue(top)  # held: the rows shown are where they were, new ones below them
            return
        later = before[before.index(anchor) :]
        survivor = next((i for i in later if i in now), None)  # the anchor, or the first row after it still shown
        if survivor is not None:
            bar.setValue(now.index(survivor) - (before.index(survivor) - top))

    def _say_new_below(self) -> None:
        """ "3 new ↓" under the list while questions wait below the rows in sight (those scrolled into sight are
        seen)."""
        if self._unseen:
            last = self._last_visible_row()
            ids = self._row_ids()
            self._unseen -= set(ids[: last + 1])
            self._unseen &= set(ids)
        self.new_below.setVisible(bool(self._unseen))
        if self._unseen:
            words = self.tr("%1 new ↓ — show the newest")
            self.new_below.setText(words.replace("%1", str(len(self._unseen))))

    def show_newest(self) -> None:
        """Scroll to the newest question and follow what arrives (unless a question is chosen: it stays chosen)."""
        self._follow = True
        self._hold_until = 0.0
        bar = self.tree.verticalScrollBar()
        self._scrolling = True
        try:
            bar.setValue(bar.maximum())
        finally:
            self._scrolling = False
        self._unseen.clear()
        self._say_new_below()

    # ------------------------------------------------------------------ rows that stay put
    def held(self) -> bool:
        """The rows stay put: the pointer is over the list, or left it a moment ago, or a question was just chosen
        or acted on."""
        return self._hovered or time.monotonic() < self._hold_until

    def hold(self) -> None:
        """Keep the rows put for HOLD_S from now; then the queue is shown as it is."""
        self._hold_until = time.monotonic() + HOLD_S
        self._release_timer.start(int(HOLD_S * 1000) + 50)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.Enter:
            self._hovered = True
        elif watched is self.tree and event.type() == QEvent.Type.Leave and not self._pointer_inside():
            self._hovered = False
            self.hold()
        elif watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            # Rows filled while the dock was a hidden tab were fitted to a list of no width: fit them to this one
            # ("小明100, 小红101 and 10…" stayed cut at 1920x1080 until a new question came); the viewport, whose
            # width is the list's once the tree itself has been resized.
            self._fit_names([self._rows[i] for i in self._ids if i in self._rows])
        return super().eventFilter(watched, event)

    def _pointer_inside(self) -> bool:
        """The pointer is still over the list: a tooltip window (the question's whole text) appearing under it
        makes the window system say the pointer left, while the reader still aims at the row."""
        return self.tree.rect().contains(self.tree.mapFromGlobal(QCursor.pos()))

    @Slot()
    def _on_release_timer_timeout(self) -> None:
        if self._hovered:
            return  # the pointer is back over the list (its leaving starts the hold again)
        left = self._hold_until - time.monotonic()
        if left > 0:  # a coarse timer may fire a little early
            self._release_timer.start(int(left * 1000) + 50)
            return
        self._show_questions()  # rows that left the filter go; a chosen question that did goes unchosen
        if self._selected_id is None and not self._follow:
            self._follow = True  # the reader left the list: it follows the newest again
            self._show_questions()

    @Slot(int)
    def _on_scroll_value_changed(self, value: int) -> None:
        if self._scrolling:
            return
        self._follow = value >= self.tree.verticalScrollBar().maximum()  # the reader scrolled to the end, or up
        self._say_new_below()

    def _fit_names(self, shown: list[Question]) -> None:
        """Widen the viewer column to the longest name shown ("Simulated viewer 17" was cut to "Simulated vie…" while
        the question column had room), up to a third of the list; never narrower than the reader left it."""
        if not shown:
            return
        metrics = self.tree.fontMetrics()
        widths = self._name_widths  # measured once a name: the queue is read again every two seconds
        names = [self.who_asked(q) if q.askers else q.user_name for q in shown]
        for name in set(names).difference(widths):
            widths[name] = metrics.horizontalAdvance(name)
        widest = max(widths[name] for name in names) + 2 * metrics.averageCharWidth() + 8
        want = min(widest, self.tree.viewport().width() // 3)
        if want > self.tree.columnWidth(1):
            self.tree.setColumnWidth(1, want)

    def selected(self) -> Question | None:
        if self._selected_id is None:
            return None
        return next((q for q in self.port.questions if q.id == self._selected_id), None)

    def focus_question(self, question_id: int) -> None:
        """Show and select this question (now, or once the queue brings it), with the keyboard on the queue."""
        self.filter.setCurrentIndex(0)
        self.tree.setFocus()
        if not self.select(question_id):
            self._pending_select = question_id

    def select(self, question_id: int) -> bool:
        """Select a question by id (True when the filter shows it)."""
        if question_id not in self._rows:
            return False
        item = self.tree.topLevelItem(self._ids.index(question_id))
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        return True

    def _enable(self) -> None:
        question = self.selected()
        ready = self.port.ready
        state = question.state if question is not None else None
        mine = question is not None and question.claimed_by == self.port.who
        self.claim_button.setEnabled(ready and state is QuestionState.OPEN)
        self.release_button.setEnabled(ready and state is QuestionState.CLAIMED and mine)
        finishing = state is QuestionState.OPEN or (state is QuestionState.CLAIMED and mine)
        self.answer_button.setEnabled(ready and finishing)
        self.dismiss_button.setEnabled(ready and finishing)
        self.copy_button.setEnabled(bool(self.reply_text.text().strip()))
        posting = self.port.posting_sources
        self.post_button.setEnabled(bool(posting) and bool(self.reply_text.text().strip()))
        self.post_button.setToolTip(
            self.tr("Post the answer to the room's chat through: %1").replace("%1", ", ".join(posting))
            if posting
            else self.tr("No comment source of this room can post to its chat: copy the reply instead.")
        )
        self.edit_replies_button.setEnabled(ready)

    @Slot()
    def _on_port_questions_changed(self) -> None:
        self._show_questions()

    @Slot()
    def _on_port_replies_changed(self) -> None:
        self._ask_replies()

    @Slot()
    def _on_port_product_changed(self) -> None:
        self._ask_replies()  # filled in again for the product now on air (the answer line too, if unedited)

    @Slot(int)
    def _on_filter_index_changed(self, _index: int) -> None:
        self._hold_until = 0.0  # another filter: its rows, from the newest
        self._follow = True
        self._unseen.clear()
        self._show_questions()

    @Slot()
    def _on_tree_selection_changed(self) -> None:
        chosen = self.tree.selectedItems()  # not currentItem(): a cleared selection leaves the current row set
        self._selected_id = chosen[0].data(0, Qt.ItemDataRole.UserRole) if chosen else None
        question = self.selected()
        self._chosen_askers = (question.id, question.asked_by) if question is not None else None
        if self._selected_id is not None:
            self.hold()  # chosen: the rows stay put while the reader goes to the buttons and comes back
        if self._lacking and self.said == self._lacking:
            # What the last question's reply lacked is not said beside this question's answer (walk23: red "Not
            # sent: … needs the price" stayed beside a good reply filled in for the next question).
            self._say("", good=True)
        self._lacking = ""
        self.reply_text.clear()
        self._filled = None
        self._ask_replies()
        self._enable()

    @Slot()
    def _on_port_ready_changed(self) -> None:
        if not self.port.ready:
            # Another show (a room switch): the last words were about the last show's viewers (walk23).
            self._say("", good=True)

    # ------------------------------------------------------------------ actions
    @property
    def said(self) -> str:
        """The last outcome said under the buttons, as plain words in the language of the moment."""
        words = self.outcome_words
        return words if isinstance(words, str) else words()

    def _say(self, text: Words, good: bool, about: tuple[int, QuestionState, str, str] | None = None) -> None:
        self.outcome_words, self.outcome_good = text, good
        self._about = about
        colour = GOOD if good else BAD
        weight = "" if good else "font-weight:600;"
        said = self.said
        self.outcome.setText(f"<span style='color:{colour};{weight}'>{html.escape(said)}</span>" if said else "")

    def take_outcome(self, other: QuestionsPanel) -> None:
        """The line another panel said of a problem, said here in the language of the moment: the panel of a window
        rebuilt for another language takes it up (a problem kept as a function; words of a moment are not)."""
        if not isinstance(other.outcome_words, str) and not other.outcome_good:
            self._say(other.outcome_words, good=False)

    def _outcome_words(self, question: Question, success: str, many: str) -> str:
        if len(question.asked_by) > 1:
            return many.replace("%1", self.who_asked(question))
        return success.replace("%1", question.user_name)

    def _done(self, success: str, many: str) -> Any:
        """Says the outcome: `success` names the viewer ("%1's question …"), `many` the viewers of a question many
        asked ("The question %1 asked …"); the line then follows the question (_follow_outcome)."""

        def then(question: Question | None, why: Why | None) -> None:
            if why is not None or question is None:
                self._say(why or "?", good=False)
            else:
                about = (question.id, question.state, success, many)
                self._say(self._outcome_words(question, success, many), good=True, about=about)

        return then

    def _follow_outcome(self) -> None:
        """The outcome line as the queue stands: a question claimed here that more viewers ask names them all ("…
        and 17 others", not the 7 of the moment it was claimed); once the question is no longer as the line says
        (given back, answered or dismissed, here or at another desk) the line no longer holds and is cleared."""
        if self._about is None:
            return
        ident, state, success, many = self._about
        question = next((q for q in self.port.questions if q.id == ident), None)
        if question is None or question.state is not state:
            self._say("", good=True)
            return
        words = self._outcome_words(question, success, many)
        if words != self.said:
            self._say(words, good=True, about=self._about)

    def claim(self) -> None:
        question = self.selected()
        if question is None or not self.claim_button.isEnabled():
            return
        self.hold()
        self.port.claim(question.id, self._claimed)

    def _claimed(self, question: Question | None, why: Why | None) -> None:
        if why is not None or question is None:
            # Another console of the room was first: say so plainly, and show the queue as it now is.
            self._say(_composed(_TAKEN, why), good=False)
            return
        self._done(self.tr("You have %1's question."), self.tr("You have the question %1 asked."))(question, None)

    def release(self) -> None:
        question = self.selected()
        if question is not None and self.release_button.isEnabled():
            self.hold()
            self.port.release(
                question.id,
                self._done(
                    self.tr("%1's question is back in the queue."),
                    self.tr("The question %1 asked is back in the queue."),
                ),
            )

    def answer(self) -> None:
        question = self.selected()
        if question is not None and self.answer_button.isEnabled():
            text = self.reply_text.text().strip()
            why = self.unsendable(text) if text else None
            if why is not None:
                self._say(why, good=False)  # the reply given is stored with the question: not a stale one
                return
            self.hold()
            said = self._done(self.tr("%1's question is answered."), self.tr("The question %1 asked is answered."))

            def answered(done: Question | None, why: Why | None) -> None:
                if why is None and done is not None and self.reply_text.text().strip() == text:
                    # Answered (the reply is stored with the question): the line is free for the next one, not
                    # left holding this answer beside "answered".
                    self._filled = None
                    self.reply_text.clear()
                said(done, why)

            self.port.answer(question.id, text, answered)

    def dismiss(self) -> None:
        question = self.selected()
        if question is not None and self.dismiss_button.isEnabled():
            self.hold()
            self.port.dismiss(
                question.id,
                self._done(self.tr("%1's question is dismissed."), self.tr("The question %1 asked is dismissed.")),
            )

    # ------------------------------------------------------------------ quick replies
    def _ask_replies(self) -> None:
        question = self.selected()
        if question is None:
            self._show_replies([])
            return
        asked = question.id
        self.port.replies_for(question, lambda offered, why: self._on_replies(asked, offered, why))

    def _on_replies(self, asked: int, offered: list[Offer] | None, why: Why | None) -> None:
        if asked != self._selected_id:
            return  # another question was chosen meanwhile
        if why is not None:
            self._say(why, good=False)
        self._show_replies(offered or [])

    def _show_replies(self, offered: list[Offer]) -> None:
        self.offered = offered
        self.replies.blockSignals(True)  # rebuilt: not the reader choosing a reply
        try:
            self.replies.clear()
            for offer in offered:
                item = QListWidgetItem(offer.text)
                words = self.tr("Product: %1 · keyword: %2")
                tip = words.replace("%1", offer.reply.product or "—").replace("%2", offer.reply.keyword or "—")
                if offer.missing:
                    item.setForeground(QBrush(QColor(BAD)))
                    tip = f"{tip}\n{self.missing_words(offer)}"
                item.setToolTip(tip)
                self.replies.addItem(item)
        finally:
            self.replies.blockSignals(False)
        product = self.port.product_name
        if self.selected() is None:
            self.replies_label.setText(self.tr("Choose a question to see its quick replies."))
        elif offered:
            self.replies_label.setText(
                self.tr("Quick replies (product on air: %1)").replace("%1", product or self.tr("none"))
            )
        else:
            self.replies_label.setText(
                self.tr("No quick reply fits this question (product on air: %1).").replace(
                    "%1", product or self.tr("none")
                )
            )
        self._refill()
        if not self.reply_text.text():
            ready = next((row for row, offer in enumerate(offered) if not offer.missing), None)
            if ready is not None:
                self.replies.setCurrentRow(ready)  # into the answer line (_on_replies_row_changed)

    def _refill(self) -> None:
        """The answer line holds a quick reply as it was filled in, and the product on air changed since: fill the
        same reply in again for the product now on air, or — when it no longer fits or lacks a field — take it out
        of the line and say why (a stale product or price must not go out)."""
        filled = self._filled
        if filled is None or self.reply_text.text() != filled.text:
            return
        again = next((offer for offer in self.offered if offer.reply == filled.reply), None)
        if again is not None and again.text == filled.text and not again.missing:
            self._filled = again
            return
        if again is not None and not again.missing and again.on_air == filled.on_air:
            # The same product: more viewers asked the question meanwhile, and {user} names them all now.
            self._use(again)
            self.replies.setCurrentRow(self.offered.index(again))
            return
        self._filled = None
        self.reply_text.clear()
        now = self.port.product_name or self.tr("none")
        if again is not None and not again.missing:
            self._use(again)
            self.replies.setCurrentRow(self.offered.index(again))
            words = self.tr("The product on air is now %1: the answer is filled in again for it.")
            self._say(words.replace("%1", now), good=True)
            return
        words = self.tr("The product on air is now %1: the quick reply filled in for %2 was taken out of the answer.")
        self._say(words.replace("%1", now).replace("%2", filled.on_air[0] or self.tr("none")), good=False)

    def _use(self, offer: Offer) -> None:
        self._filled = offer
        self.reply_text.setText(offer.text)

    def missing_words(self, offer: Offer) -> str:
        """What a quick reply lacks, in words: the fields it uses that have no value for the product on air."""
        names = {
            "product": self.tr("the product on air"),
            "price": self.tr("the price"),
            "sku": self.tr("the SKU"),
            "user": self.tr("the viewer's name"),
        }
        fields = self.tr(", ", "between the names of a list").join(names[name] for name in offer.missing)
        words = self.tr(
            "Not sent: this quick reply needs %1, which is not known now (product on air: %2). Add it to the "
            "rundown, or write the answer yourself."
        )
        return words.replace("%1", fields).replace("%2", offer.on_air[0] or self.tr("none"))

    @Slot(int)
    def _on_replies_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.offered):
            offer = self.offered[row]
            if offer.missing:
                self._say(self.missing_words(offer), good=False)  # never into the answer line with a blank
                self._lacking = self.said
            else:
                self._use(offer)
        self._enable()

    @Slot(str)
    def _on_reply_text_changed(self, _text: str) -> None:
        self._enable()

    @Slot(QListWidgetItem)
    def _on_replies_item_double_clicked(self, item: QListWidgetItem) -> None:
        row = self.replies.row(item)
        if 0 <= row < len(self.offered) and self.offered[row].missing:
            return  # said already; the answer line still holds something else
        self.copy()

    def unsendable(self, text: str) -> str | None:
        """Why the answer must not go out as it is, in words (None: it may): a quick reply filled in for a product
        that is no longer on air, or a field left unfilled ({price})."""
        filled = self._filled
        if filled is not None and text == filled.text.strip() and filled.on_air != self.port.on_air:
            self._ask_replies()  # filled in again for the product now on air
            words = self.tr("Not sent: this answer was filled in for %1, but %2 is on air now. Choose the reply again.")
            return words.replace("%1", filled.on_air[0] or self.tr("none")).replace(
                "%2", self.port.product_name or self.tr("none")
            )
        left = [name for name in REPLY_FIELDS if "{" + name + "}" in text]
        if left:
            words = self.tr("Not sent: the answer still has %1 in it. Write the value in, or leave it out.")
            return words.replace("%1", ", ".join("{" + name + "}" for name in left))
        return None

    def copy(self) -> None:
        text = self.reply_text.text().strip()
        if not text:
            return
        why = self.unsendable(text)
        if why is not None:
            self._say(why, good=False)
            return
        QGuiApplication.clipboard().setText(text)
        self._say(self.tr("Copied: %1").replace("%1", text), good=True)

    def post(self) -> None:
        text = self.reply_text.text().strip()
        if not text or not self.port.posting_sources:
            return
        why = self.unsendable(text)
        if why is not None:
            self._say(why, good=False)
            return
        self.post_button.setEnabled(False)
        self._say(self.tr("Posting…"), good=True)
        self.port.post(text, self._on_posted)

    def _on_posted(self, results: list[Posted] | None, why: Why | None) -> None:
        self._enable()
        if why is not None or not results:
            self._say(_composed(_NOT_POSTED, why), good=False)
            return
        lines = []
        for posted in results:
            words = posted.detail.message.in_language(QCoreApplication.translate) if posted.detail.template else ""
            if posted.ok:
                line = self.tr("Posted through %1").replace("%1", posted.source_id)
            else:
                line = self.tr("Refused by %1").replace("%1", posted.source_id)
            lines.append(f"{line}: {words}" if words else line)
        self._say("; ".join(lines), good=all(p.ok for p in results))

    def refresh_words(self) -> None:
        self._show_questions()
