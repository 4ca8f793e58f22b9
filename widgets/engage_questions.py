"""The Q&A queue panel of the Questions dock: the show's questions (open, claimed by whom, answered, dismissed;
a filter), claim / give back / answer / dismiss from buttons or keys while the list has the keyboard, and the
selected question's quick replies (the room's canned answers for the product on air) to copy or to post where a
source of the room can post to its platform's chat.

Everything goes through the EngagePort (widgets/engage_port.py): the panel never touches storage. The queue is
shared by the consoles of a room: a claim another console made first comes back refused, and the panel says who
has the question, in red, until the next action."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeySequence, QShortcut
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

from console.core.chat.questions import STATE_WORDS, Question, QuestionState
from console.core.chat.source import Posted
from obs.text import QT_TRANSLATE_NOOP
from widgets.engage_port import EngagePort

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


def _when(at: float) -> str:
    return datetime.fromtimestamp(at).strftime("%H:%M:%S") if at > 0 else ""


class QuestionsPanel(QWidget):
    def __init__(self, port: EngagePort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.port = port
        #: The selected question's replies as last offered: (reply, filled text).
        self.offered: list[tuple[Any, str]] = []
        self._selected_id: int | None = None
        #: A question to select as soon as the queue shows it (one just marked by hand).
        self._pending_select: int | None = None

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
        #: The last outcome said under the buttons, as plain words (the label shows it coloured).
        self.said = ""
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.RichText)
        self.outcome.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.replies_label = QLabel()
        self.replies_label.setWordWrap(True)
        self.replies_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
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

    def _keyed(self, words: str, action: str) -> str:
        return f"{words} ({KEYS[action]})"

    def _connect_signals(self) -> None:
        self.port.sig_questions_changed.connect(self._on_port_questions_changed)
        self.port.sig_replies_changed.connect(self._on_port_replies_changed)
        self.filter.currentIndexChanged.connect(self._on_filter_index_changed)
        self.tree.itemSelectionChanged.connect(self._on_tree_selection_changed)
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
        shown = self.shown()
        keep = self._selected_id
        bar = self.tree.verticalScrollBar()
        # Rebuilt every couple of seconds while questions come: the list stays where the reader left it (at the
        # newest when they were there), and a question chosen to be answered never scrolls away under new ones.
        following, scrolled = bar.value() >= bar.maximum() and keep is None, bar.value()
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            chosen: QTreeWidgetItem | None = None
            for question in shown:
                item = QTreeWidgetItem(
                    [_when(question.asked_at), question.user_name, question.text, self._state_words(question)]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, question.id)
                item.setToolTip(2, question.text)
                item.setForeground(3, QBrush(QColor(STATE_COLOURS[question.state])))
                self.tree.addTopLevelItem(item)
                if question.id == keep:
                    chosen = item
            if chosen is not None:
                self.tree.setCurrentItem(chosen)
        finally:
            self.tree.blockSignals(False)
        self._fit_names(shown)
        if following:
            self.tree.scrollToBottom()
        else:
            bar.setValue(scrolled)
        if self._pending_select is not None and self.select(self._pending_select):
            self._pending_select = None
            chosen = self.tree.currentItem()
        waiting = sum(1 for q in self.port.questions if q.state is QuestionState.OPEN)
        self.count.setText(self.tr("%1 open").replace("%1", str(waiting)))
        if chosen is None and keep is not None:
            self._selected_id = None
            self._show_replies([])
        self._enable()

    def _fit_names(self, shown: list[Question]) -> None:
        """Widen the viewer column to the longest name shown ("Simulated viewer 17" was cut to "Simulated vie…" while
        the question column had room), up to a third of the list; never narrower than the reader left it."""
        if not shown:
            return
        metrics = self.tree.fontMetrics()
        widest = max(metrics.horizontalAdvance(q.user_name) for q in shown) + 2 * metrics.averageCharWidth() + 8
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
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == question_id:
                self.tree.setCurrentItem(item)
                return True
        return False

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

    @Slot(int)
    def _on_filter_index_changed(self, _index: int) -> None:
        self._show_questions()

    @Slot()
    def _on_tree_selection_changed(self) -> None:
        item = self.tree.currentItem()
        self._selected_id = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        self.reply_text.clear()
        self._ask_replies()
        self._enable()

    # ------------------------------------------------------------------ actions
    def _say(self, text: str, good: bool) -> None:
        self.said = text
        colour = GOOD if good else BAD
        weight = "" if good else "font-weight:600;"
        self.outcome.setText(f"<span style='color:{colour};{weight}'>{html.escape(text)}</span>")

    def _done(self, success: str) -> Any:
        def then(question: Question | None, why: str | None) -> None:
            if why is not None or question is None:
                self._say(why or "?", good=False)
            else:
                self._say(success.replace("%1", question.user_name), good=True)

        return then

    def claim(self) -> None:
        question = self.selected()
        if question is None or not self.claim_button.isEnabled():
            return
        self.port.claim(question.id, self._claimed)

    def _claimed(self, question: Question | None, why: str | None) -> None:
        if why is not None or question is None:
            # Another console of the room was first: say so plainly, and show the queue as it now is.
            self._say(self.tr("Someone else has it: %1").replace("%1", why or "?"), good=False)
            return
        self._say(self.tr("You have %1's question.").replace("%1", question.user_name), good=True)

    def release(self) -> None:
        question = self.selected()
        if question is not None and self.release_button.isEnabled():
            self.port.release(question.id, self._done(self.tr("%1's question is back in the queue.")))

    def answer(self) -> None:
        question = self.selected()
        if question is not None and self.answer_button.isEnabled():
            text = self.reply_text.text().strip()
            self.port.answer(question.id, text, self._done(self.tr("%1's question is answered.")))

    def dismiss(self) -> None:
        question = self.selected()
        if question is not None and self.dismiss_button.isEnabled():
            self.port.dismiss(question.id, self._done(self.tr("%1's question is dismissed.")))

    # ------------------------------------------------------------------ quick replies
    def _ask_replies(self) -> None:
        question = self.selected()
        if question is None:
            self._show_replies([])
            return
        asked = question.id
        self.port.replies_for(question, lambda offered, why: self._on_replies(asked, offered, why))

    def _on_replies(self, asked: int, offered: list[tuple[Any, str]] | None, why: str | None) -> None:
        if asked != self._selected_id:
            return  # another question was chosen meanwhile
        if why is not None:
            self._say(why, good=False)
        self._show_replies(offered or [])

    def _show_replies(self, offered: list[tuple[Any, str]]) -> None:
        self.offered = offered
        self.replies.clear()
        for reply, text in offered:
            item = QListWidgetItem(text)
            words = self.tr("Product: %1 · keyword: %2")
            item.setToolTip(words.replace("%1", reply.product or "—").replace("%2", reply.keyword or "—"))
            self.replies.addItem(item)
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
        if offered and not self.reply_text.text():
            self.replies.setCurrentRow(0)

    @Slot(int)
    def _on_replies_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.offered):
            self.reply_text.setText(self.offered[row][1])
        self._enable()

    @Slot(str)
    def _on_reply_text_changed(self, _text: str) -> None:
        self._enable()

    @Slot(QListWidgetItem)
    def _on_replies_item_double_clicked(self, _item: QListWidgetItem) -> None:
        self.copy()

    def copy(self) -> None:
        text = self.reply_text.text().strip()
        if not text:
            return
        QGuiApplication.clipboard().setText(text)
        self._say(self.tr("Copied: %1").replace("%1", text), good=True)

    def post(self) -> None:
        text = self.reply_text.text().strip()
        if not text or not self.port.posting_sources:
            return
        self.post_button.setEnabled(False)
        self._say(self.tr("Posting…"), good=True)
        self.port.post(text, self._on_posted)

    def _on_posted(self, results: list[Posted] | None, why: str | None) -> None:
        self._enable()
        if why is not None or not results:
            self._say(self.tr("Not posted: %1").replace("%1", why or "?"), good=False)
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
