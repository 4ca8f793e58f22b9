"""The Questions dock: the room's Q&A queue and its lottery, as two tabs of one dock on an EngagePort.

One dock, two tabs, because the same person (the host assistant, customer service) runs both during the show, and
the Assistant workspace's right-hand column already stacks the checklist, the comments and the event log as tabs:
a second dock would be a fifth tab there. The Lottery tab's title carries the live entry count while entries are
open, so a running lottery is seen from the Questions tab too. A storage problem is said above both tabs."""

from __future__ import annotations

import html
import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QSizePolicy, QTabWidget, QVBoxLayout, QWidget

from console.core.chat.questions import QuestionState
from widgets.audience_reports import AudienceReportsLine
from widgets.engage_lottery import LotteryPanel
from widgets.engage_port import EngagePort
from widgets.engage_questions import QuestionsPanel
from widgets.ports import TelemetryPort

if TYPE_CHECKING:
    from widgets.engage_replies import QuickRepliesDialog

BAD, DIM = "#e0312f", "#8a8a8a"

# The tab chosen in each console's Questions dock, by its engagement port (which outlives a window rebuilt for
# another language): the rebuilt dock opens on it. With the Lottery tab chosen, switching to Chinese came back on
# 问答, as the checklist's controller keeps the run shown for its dock.
_CHOSEN_TAB: weakref.WeakKeyDictionary[object, int] = weakref.WeakKeyDictionary()
# The last dock of each console, by its engagement port: a dock rebuilt for another language takes up the problem
# its panels said last, said now in the new language (it was lost with the old dock, or kept the old language).
_LAST_DOCK: weakref.WeakKeyDictionary[object, weakref.ref[EngageDock]] = weakref.WeakKeyDictionary()


class EngageDock(QWidget):
    def __init__(self, port: EngagePort, parent: QWidget | None = None, telemetry: TelemetryPort | None = None) -> None:
        super().__init__(parent)
        self.port = port
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.questions = QuestionsPanel(port)
        self.lottery = LotteryPanel(port)
        last = _LAST_DOCK.get(port)
        before = last() if last is not None else None
        if before is not None:
            self.questions.take_outcome(before.questions)
            self.lottery.take_outcome(before.lottery)
        _LAST_DOCK[port] = weakref.ref(self)
        #: What viewers report now and why (the health engine's words), over the answer being written: "没声音？"
        #: is answered knowing the microphone is muted. None: a dock without the room's health.
        self.reports = None if telemetry is None else AudienceReportsLine(telemetry)
        if self.reports is not None:
            self.questions.add_above_answer(self.reports)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.questions, "")
        self.tabs.addTab(self.lottery, "")
        self.tabs.setCurrentIndex(_CHOSEN_TAB.get(port, 0))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.replies_dialog: QuickRepliesDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        port.sig_problem.connect(self._on_port_problem)
        port.sig_ready_changed.connect(self._on_port_ready_changed)
        port.sig_questions_changed.connect(self._on_port_changed)
        port.sig_lottery_changed.connect(self._on_port_changed)
        self.questions.edit_replies_button.clicked.connect(self.edit_replies)
        self._show_banner()
        self._name_tabs()

    def _name_tabs(self) -> None:
        waiting = sum(1 for q in self.port.questions if q.state is QuestionState.OPEN)
        questions = self.tr("Questions")
        self.tabs.setTabText(0, f"{questions} ({waiting})" if waiting else questions)
        record = self.port.lottery
        lottery = self.tr("Lottery")
        if record is not None and record.state == "open":
            count = len(record.entries)
            lottery = (self.tr("Lottery ● %1 entry") if count == 1 else self.tr("Lottery ● %1 entries")).replace(
                "%1", str(count)
            )
        self.tabs.setTabText(1, lottery)

    def _show_banner(self) -> None:
        problem = self.port.problem
        if problem:
            self.banner.setText(f"<span style='color:{BAD};font-weight:600'>{html.escape(problem)}</span>")
        elif not self.port.ready:
            self.banner.setText(f"<span style='color:{DIM}'>{html.escape(self.port.not_ready_why)}</span>")
        self.banner.setVisible(bool(problem) or not self.port.ready)

    @Slot(int)
    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.count() == 2:  # not a tab removed as the dock is torn down (its window rebuilt)
            _CHOSEN_TAB[self.port] = index

    @Slot(str)
    def _on_port_problem(self, _text: str) -> None:
        self._show_banner()

    @Slot()
    def _on_port_ready_changed(self) -> None:
        self._show_banner()
        self.questions.refresh_words()

    @Slot()
    def _on_port_changed(self) -> None:
        self._name_tabs()

    def edit_replies(self) -> QuickRepliesDialog:
        """The room's quick replies in a dialog (one at a time)."""
        if self.replies_dialog is None or not self.replies_dialog.isVisible():
            from widgets.engage_replies import QuickRepliesDialog  # loaded when first opened

            self.replies_dialog = QuickRepliesDialog(self.port, self)
        self.replies_dialog.open()
        return self.replies_dialog
