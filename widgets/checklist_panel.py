"""ChecklistPanel: run a checklist — live checks, signed confirmations, overrides with reasons, notes, and the
run's end (completed by a named person, abandoned with a reason); a pre-show and a troubleshooting run side by
side; a run of another room says so."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTabBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checklists.engine import DONE, ChecklistRun, ItemStatus, RunEnd
from checklists.model import Template, text_for
from checklists.roles import ROLES
from widgets.ports import ChecklistPort
from widgets.title_fit import TitleFit


def slot_for(template: Template) -> str:
    """Which of the two runs a template starts: a troubleshooting run opens beside the pre-show one."""
    return "troubleshooting" if template.kind == "troubleshooting" else "main"


STATUS_LOOK: dict[ItemStatus, tuple[str, str]] = {
    ItemStatus.PENDING: ("…", "#888888"),
    ItemStatus.CHECKING: ("⟳", "#f0a020"),
    ItemStatus.PASSED: ("✓", "#2fae4f"),
    ItemStatus.FAILED: ("✗", "#e0312f"),
    ItemStatus.ERROR: ("?", "#e0312f"),
    ItemStatus.NEEDS_PERSON: ("☐", "#f0a020"),
    ItemStatus.OVERRIDDEN: ("!", "#b36bff"),
}


class ItemTree(QTreeWidget):
    """The run's list, where the keys move between items only: a section's title cannot be confirmed, and Down
    stopped on it between two sections, so a host assistant working by keys pressed twice (Enter on the title did
    nothing). Up, Down, Home, End, Page Up and Page Down step past titles in the direction they go (back the other
    way at the list's end); a click on a title still selects it, as before."""

    _UPWARD = (
        QAbstractItemView.CursorAction.MoveUp,
        QAbstractItemView.CursorAction.MovePageUp,
        QAbstractItemView.CursorAction.MoveHome,
        QAbstractItemView.CursorAction.MovePrevious,
    )

    def moveCursor(self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        index = super().moveCursor(cursorAction, modifiers)
        if not index.isValid() or self._is_item(index):
            return index
        # Home and Page Up go on down past a title at the top, as End and Page Down go up past one at the bottom.
        upward = cursorAction in self._UPWARD and cursorAction is not QAbstractItemView.CursorAction.MoveHome
        for step in (self.indexAbove, self.indexBelow) if upward else (self.indexBelow, self.indexAbove):
            there = step(index)
            while there.isValid() and not self._is_item(there):
                there = step(there)
            if there.isValid():
                return there
        return self.currentIndex()  # nothing but titles that way: it stays

    @staticmethod
    def _is_item(index: QModelIndex) -> bool:
        return bool(index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole))


class ChecklistPanel(QWidget):
    def __init__(self, controller: ChecklistPort, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Its dialogs (Complete, Abandon, Note, Override) show their titles whole: "Complete the checklist" was
        # cut to "Comp… ecklist" above its one short line at 1920×1080.
        self._title_fit = TitleFit(self)
        self.controller = controller
        self.language = language
        self.template = QComboBox()
        # Long template titles ("Troubleshooting: network drops and reconnects") must not widen the dock.
        self.template.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.template.setMinimumContentsLength(14)
        self.operator = QLineEdit(controller.settings.get("checklists/operator"))
        self.operator.setPlaceholderText(self.tr("Your name"))
        self.start_button = QPushButton(self.tr("Start"))
        self.folder_button = QPushButton(self.tr("Folder…"))
        self.folder_button.setToolTip(self.tr("Choose the team's own checklist folder (YAML files)"))
        # The verdict keeps one fixed height whatever it says (" · re-checking…" comes and goes every re-check):
        # a wrapping verdict moved every row down for the length of a check, so clicks and keys hit the wrong
        # item. A long verdict is elided on one line, in full in its tooltip, and never widens the dock.
        self.verdict = QLabel()
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict.setWordWrap(False)
        self.verdict.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._verdict_text = ""
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #e0312f;")
        #: What happened to a dialog the console closed by itself (an Override whose item passed meanwhile): not a
        #: problem, so not in red; gone at the next action that succeeds.
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #2e8b57;")
        self.notice.hide()
        #: The Override dialog while it is open, and the item (of the run) it overrides: an item that passes or is
        #: confirmed meanwhile closes it, and its reason goes to that item even if the selection moved.
        self.override_dialog: QInputDialog | None = None
        self._overriding: tuple[ChecklistRun, str] | None = None
        #: Which run is shown when two are open: the pre-show (or post-show) one and a troubleshooting one.
        self.run_tabs = QTabBar()
        self.run_tabs.setExpanding(False)
        self.run_tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self._tab_slots: list[str] = []
        #: A run of another room: it says so and offers to switch back or abandon it.
        self.elsewhere = QLabel()
        self.elsewhere.setWordWrap(True)
        self.elsewhere.setStyleSheet("background: #5a3b00; color: white; padding: 4px;")
        self.switch_back_button = QPushButton()
        self.abandon_elsewhere_button = QPushButton(self.tr("Abandon it…"))
        self.ended = QLabel()
        self.ended.setWordWrap(True)
        self.tree = ItemTree()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["", self.tr("Item"), self.tr("Result"), self.tr("Who")])
        # The title and the result share the width (see _fit_columns), each elided on one line with the full text
        # in its tooltip; Who takes only the width of the names in it. One line per item keeps eight or more items
        # in sight on a laptop (wrapped results showed 1.5 rows).
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(24)
        self.tree.setIndentation(12)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        big = QFont(self.tree.font())
        big.setPointSizeF(big.pointSizeF() * 1.2)
        self.tree.setFont(big)
        self.recheck_button = QPushButton(self.tr("Check now (R)"))
        self.confirm_button = QPushButton(self.tr("Confirm (Enter)"))
        self.override_button = QPushButton(self.tr("Override… (O)"))
        self.note_button = QPushButton(self.tr("Note… (N)"))
        self.complete_button = QPushButton(self.tr("Complete…"))
        self.complete_button.setToolTip(self.tr("Finish this run under a person's name; it stops checking"))
        self.abandon_button = QPushButton(self.tr("Abandon…"))
        self.abandon_button.setToolTip(self.tr("Give this run up, with the reason"))
        #: An item whose room role this room has not named, or whose name OBS lacks: which of OBS's own scenes or
        #: inputs it is (kept for the room, and the item checked again at once).
        self.names_hint = QLabel()
        self.names_hint.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose… (C)"))
        self.choose_button.setToolTip(self.tr("Pick it from OBS's own list; the room keeps the choice"))
        self.choose_menu = QMenu(self)
        self._names_box = QWidget()
        self._names_box.setStyleSheet("background: #4a3a00; color: white;")
        names_layout = QHBoxLayout(self._names_box)
        names_layout.setContentsMargins(4, 2, 4, 2)
        names_layout.addWidget(self.names_hint, 1)
        names_layout.addWidget(self.choose_button)
        #: (item id, role) the bar asks about.
        self._naming: tuple[str, str] | None = None
        top = QHBoxLayout()  # two short rows rather than one wide one: the dock fits a laptop screen
        top.addWidget(self.template, 1)
        top.addWidget(self.folder_button)
        who = QHBoxLayout()
        who.addWidget(self.operator, 1)
        who.addWidget(self.start_button)
        actions = QGridLayout()  # three by two: narrow enough for a laptop, and the list keeps its height
        for index, button in enumerate(
            (
                self.confirm_button,
                self.recheck_button,
                self.override_button,
                self.note_button,
                self.complete_button,
                self.abandon_button,
            )
        ):
            actions.addWidget(button, index // 3, index % 3)
        elsewhere_actions = QHBoxLayout()
        elsewhere_actions.addWidget(self.switch_back_button)
        elsewhere_actions.addWidget(self.abandon_elsewhere_button)
        self._elsewhere_box = QWidget()
        elsewhere_layout = QVBoxLayout(self._elsewhere_box)
        elsewhere_layout.setContentsMargins(0, 0, 0, 0)
        elsewhere_layout.addWidget(self.elsewhere)
        elsewhere_layout.addLayout(elsewhere_actions)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(who)
        layout.addWidget(self.problems)
        layout.addWidget(self.notice)
        layout.addWidget(self.run_tabs)
        layout.addWidget(self._elsewhere_box)
        layout.addWidget(self.verdict)
        layout.addWidget(self.ended)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self._names_box)  # under the list: shown or hidden, the rows above it stay where they are
        layout.addLayout(actions)
        self._rows: dict[str, QTreeWidgetItem] = {}
        self._picked_for: tuple[str, str] | None = None
        self._connect_signals()
        self._fill_templates()
        self._on_controller_run_changed()

    def _connect_signals(self) -> None:
        self.controller.sig_run_changed.connect(self._on_controller_run_changed)
        self.controller.sig_problem.connect(self._on_controller_problem)
        self.start_button.clicked.connect(self._on_start_clicked)
        # Name typed, Enter: the run starts (walk16: Enter in the name field did nothing, and the keyboard had to
        # find Start, then Tab past the run's tab bar to reach the items).
        self.operator.returnPressed.connect(self._on_start_clicked)
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.recheck_button.clicked.connect(self.controller.recheck)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.override_button.clicked.connect(self._on_override_clicked)
        self.note_button.clicked.connect(self._on_note_clicked)
        self.complete_button.clicked.connect(self._on_complete_clicked)
        self.abandon_button.clicked.connect(self._on_abandon_clicked)
        self.abandon_elsewhere_button.clicked.connect(self._on_abandon_clicked)
        self.switch_back_button.clicked.connect(self._on_switch_back_clicked)
        self.run_tabs.currentChanged.connect(self._on_run_tabs_current_changed)
        self.tree.currentItemChanged.connect(self._enable_override)
        self.tree.currentItemChanged.connect(self._show_names)
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.choose_menu.aboutToHide.connect(self._return_to_items)
        for keys, slot in (
            (("Return", "Enter", "Space"), self.confirm_selected),
            (("R",), self.controller.recheck),
            (("C",), self._on_choose_clicked),
            (("O",), self._on_override_clicked),
            (("N",), self._on_note_clicked),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self.tree)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(slot)

    def _fill_templates(self) -> None:
        self.template.clear()
        for template_id, template in sorted(self.controller.templates.items()):
            self.template.addItem(text_for(template.title, self.language), template_id)
        self._clear_action_problem()

    # ------------------------------------------------------------------ showing the run
    @Slot()
    def _on_controller_run_changed(self) -> None:
        self._fill_run_tabs()
        run = self.controller.run
        live = run is not None and run.is_open and not self.controller.elsewhere(run)
        for widget in (self.recheck_button, self.confirm_button, self.note_button):
            widget.setEnabled(live)
        self._show_run_template(run)
        self.complete_button.setEnabled(live)
        self.abandon_button.setEnabled(run is not None and run.is_open)
        self._show_elsewhere(run)
        self._enable_override()  # again below, once the rows show this run
        if run is None:
            self._close_stale_override()
            self.tree.clear()
            self._rows = {}
            self._set_verdict(self.tr("No checklist running"), "color: #888;", 18, bold=False)
            self.ended.hide()
            self._show_names()
            return
        if not self._rows or set(self._rows) != {i.id for i in run.template.items}:
            self._build(run)
        for item in run.template.items:
            state = run.states[item.id]
            row = self._rows[item.id]
            mark, colour = STATUS_LOOK[state.status]
            if item.id in run.checking and state.status is ItemStatus.PENDING:
                mark, colour = STATUS_LOOK[ItemStatus.CHECKING]  # a first result is on its way
            row.setText(0, mark)
            row.setForeground(0, QBrush(QColor(colour)))
            # Check results are translated in the context their templates were marked in.
            outcome = state.outcome
            detail = outcome.explain(QCoreApplication.translate("Checks", outcome.template)) if outcome else ""
            if state.status is ItemStatus.NEEDS_PERSON:
                detail = self.tr("To confirm")  # one short word: the narrow column cut a sentence off
            if state.override_reason:
                detail = self.tr("Overridden: %1").replace("%1", state.override_reason) + (
                    f" ({detail})" if detail else ""
                )
            if state.note:
                detail += ("\n" if detail else "") + self.tr("Note: %1").replace("%1", state.note)
            row.setText(2, detail)
            # The column is narrow: the full result is the tooltip of the whole row, with the status in words.
            full = self._status_word(state.status) + (f" — {detail}" if detail else "")
            for column in (0, 2, 3):
                row.setToolTip(column, full)
            row.setText(3, state.confirmed_by)
        self._fit_columns()
        self._show_verdict(run)
        self._enable_override()
        self._show_names()
        self._close_stale_override()

    def _status_word(self, status: ItemStatus) -> str:
        return {
            ItemStatus.PENDING: self.tr("Waiting"),
            ItemStatus.CHECKING: self.tr("Checking"),
            ItemStatus.PASSED: self.tr("Passed"),
            ItemStatus.FAILED: self.tr("Failed"),
            ItemStatus.ERROR: self.tr("Could not tell"),
            ItemStatus.NEEDS_PERSON: self.tr("Needs a person"),
            ItemStatus.OVERRIDDEN: self.tr("Overridden"),
        }[status]

    def _overridable(self, item_id: str | None = None) -> bool:
        """Override is offered only for an open item of a live run: never for one that passed or that a person
        confirmed (a key pressed on a row that moved overrode an item that had passed). The selected item unless
        `item_id` is given."""
        run = self.controller.run
        item_id = item_id or self.selected_item()
        if run is None or item_id is None or not run.is_open or self.controller.elsewhere(run):
            return False
        state = run.states.get(item_id)
        return state is not None and state.status is not ItemStatus.PASSED and not state.confirmed_by

    @Slot()
    def _enable_override(self) -> None:
        self.override_button.setEnabled(self._overridable())

    def _role_words(self, role: str) -> str:
        return QCoreApplication.translate("ChecklistRoles", ROLES[role].label)

    @Slot()
    def _show_names(self) -> None:
        """The bar under the list: which item needs one of OBS's names for this room (the selected one if it does,
        else the first), and what is asked."""
        unnamed = self.controller.unnamed()
        self._names_box.setVisible(bool(unnamed))
        if not unnamed:
            self._naming = None
            return
        selected = self.selected_item()
        item_id, role, name = next((entry for entry in unnamed if entry[0] == selected), unnamed[0])
        self._naming = (item_id, role)
        spec, words = ROLES[role], self._role_words(role)
        if name:
            text = self.tr("OBS has no “%1”: which is this room's “%2”?").replace("%1", name).replace("%2", words)
        elif spec.kind == "scene":
            text = self.tr("Which OBS scene is this room's “%1”?").replace("%1", words)
        elif spec.media == "audio":
            text = self.tr("Which OBS input is this room's “%1”?").replace("%1", words)
        else:
            text = self.tr("Which OBS source is this room's “%1”?").replace("%1", words)
        others = len({r for _, r, _ in unnamed} - {role})
        if others:
            text += " " + self.tr("(%1 more to choose)").replace("%1", str(others))
        self.names_hint.setText(text)
        self.names_hint.setToolTip(text)

    def _fill_choose_menu(self, role: str) -> None:
        """OBS's own scenes or inputs for the role, from the state the console already holds (never a request from
        here); says that OBS is not connected, or has none, instead of an empty list."""
        self.choose_menu.clear()
        choices = self.controller.choices(role)
        current = self.controller.names().get(role, "")
        if choices is None:
            self.choose_menu.addAction(self.tr("OBS is not connected: its list shows once it is")).setEnabled(False)
            return
        if not choices:
            spec = ROLES[role]
            empty = (
                self.tr("OBS has no scenes")
                if spec.kind == "scene"
                else self.tr("OBS has no inputs with sound")
                if spec.media == "audio"
                else self.tr("OBS has no sources with a picture")
            )
            self.choose_menu.addAction(empty).setEnabled(False)
            return
        for name in choices:
            action = self.choose_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(name == current)
            action.triggered.connect(lambda _=False, role=role, name=name: self._on_name_chosen(role, name))

    @Slot()
    def _on_choose_clicked(self) -> None:
        if self._naming is None:
            return
        item_id, role = self._naming
        self.select(item_id)
        self._fill_choose_menu(role)
        self.choose_menu.setTitle(self._role_words(role))
        # popup, not exec: no nested event loop, the link keeps draining while the list is open
        self.choose_menu.popup(self.choose_button.mapToGlobal(self.choose_button.rect().bottomLeft()))

    def _on_name_chosen(self, role: str, name: str) -> None:
        if self.controller.choose_name(role, name):
            self._show_names()
        self._return_to_items()

    @Slot()
    def _return_to_items(self) -> None:
        """The list of items has the keyboard again once a name is chosen or the list of OBS's names is closed: a
        choice by mouse left it on the Choose… button, where C, O, Enter and the arrows did nothing until the list
        was clicked (walk21). Also as the chosen role's bar hides, which would hand it to the next button."""
        self.tree.setFocus(Qt.FocusReason.PopupFocusReason)

    def _show_run_template(self, run: ChecklistRun | None) -> None:
        """The picker shows the template of the run in the visible tab when that run changes (also after a
        restart), so Start and the tab never disagree about which checklist is meant; the person's own pick
        stays while the same run is shown."""
        shown = (self.controller.shown, run.template.id) if run is not None else None
        if shown is None or shown == self._picked_for:
            return
        self._picked_for = shown
        index = self.template.findData(run.template.id) if run is not None else -1
        if index >= 0:
            self.template.setCurrentIndex(index)

    def _show_verdict(self, run: ChecklistRun) -> None:
        when = run.ended_at.astimezone().strftime("%H:%M") if run.ended_at else ""
        self.ended.setVisible(not run.is_open)
        if run.end is RunEnd.COMPLETED:
            self._set_verdict(
                self.tr("COMPLETED by %1 at %2").replace("%1", run.ended_by).replace("%2", when),
                "color: white; background: #2f6f4f;",
                20,
            )
            self.ended.setText(self.tr("This run is finished and stored; it checks no more."))
            return
        if run.end is RunEnd.ABANDONED:
            self._set_verdict(
                self.tr("ABANDONED by %1 at %2").replace("%1", run.ended_by).replace("%2", when),
                "color: white; background: #666;",
                20,
            )
            self.ended.setText(self.tr("Reason: %1").replace("%1", run.end_reason))
            return
        if run.end is RunEnd.WENT_LIVE:
            override = run.go_live_override
            if override is not None:  # who went live anyway says more than the count of open items
                result = self.tr("overridden by %1").replace("%1", override[0])
            elif run.ready:
                result = self.tr("ready")
            else:
                result = self._open_items(len(run.blocking()))
            self._set_verdict(
                self.tr("WENT LIVE at %1 — %2").replace("%1", when).replace("%2", result),
                "color: white; background: #2a5d9f;",
                20,
            )
            kept = self.tr("Kept as it was when the stream started; it checks no more.")
            if override is not None and override[1]:
                kept = self.tr("Reason: %1").replace("%1", override[1]) + "\n" + kept
            self.ended.setText(kept)
            return
        # "READY — checking…" read as still pending (walk14): the sensed items are being looked at again.
        checking = self.tr(" · re-checking…") if self.controller.checking else ""
        if run.template.kind != "pre-show":  # only a pre-show list speaks of going live
            done = run.ready
            text = self.tr("All required items done") if done else self._open_items(len(run.blocking()))
            colour = "#2fae4f" if done else "#b36b00"
            self._set_verdict(text + checking, f"color: white; background: {colour};", 22)
            return
        if run.ready:
            self._set_verdict(self.tr("READY to go live") + checking, "color: white; background: #2fae4f;", 22)
        else:
            count = len(run.blocking())
            text = (
                self.tr("NOT READY: %1 required item open")
                if count == 1
                else self.tr("NOT READY: %1 required items open")
            ).replace("%1", str(count))
            self._set_verdict(text + checking, "color: white; background: #b3261e;", 22)

    def _open_items(self, count: int) -> str:
        """How many required items are open: "1 required item open", "2 required items open"."""
        return (self.tr("%1 required item open") if count == 1 else self.tr("%1 required items open")).replace(
            "%1", str(count)
        )

    def _set_verdict(self, text: str, style: str, pixels: int, bold: bool = True) -> None:
        # The font is set on the label (not in the style sheet) so its height is known here, and the same
        # height is reserved for every verdict: the largest type's line, plus padding.
        font = QFont(self.font())
        font.setPixelSize(pixels)
        font.setBold(bold)
        self.verdict.setFont(font)
        self.verdict.setStyleSheet(style)
        largest = QFont(font)
        largest.setPixelSize(22)
        largest.setBold(True)
        self.verdict.setFixedHeight(QFontMetrics(largest).height() + 8)
        self._verdict_text = text
        self.verdict.setToolTip(text)
        self._elide_verdict()

    def _elide_verdict(self) -> None:
        width = max(self.verdict.width() - 8, 16)
        self.verdict.setText(
            QFontMetrics(self.verdict.font()).elidedText(self._verdict_text, Qt.TextElideMode.ElideRight, width)
        )

    def verdict_text(self) -> str:
        """The verdict in full (the label may show it elided)."""
        return self._verdict_text

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_verdict()
        self._fit_columns()

    def result_room(self) -> int:
        """The width the Result column keeps whatever the titles need: a third of the list, and at least about 18
        characters — "Output is 320x180 at 15…", "CPU 100 % busiest core…" (the whole result is the row's tooltip)."""
        return max(self.tree.fontMetrics().averageCharWidth() * 18, self.tree.viewport().width() // 3)

    def _fit_columns(self) -> None:
        """The item titles take their whole width when the results still get their room beside them (result_room,
        or what the results need if less); else the titles give way, elided with the whole title in the tooltip.
        walk13: the titles took every pixel they needed and left the Result column 30 px on a 1366×768 laptop
        ("Resu", "Co…"), and a troubleshooting list's long titles pushed Result and Who out of sight at 1920×1080."""
        header = self.tree.header()
        room = self.tree.viewport().width() - header.sectionSize(0) - header.sectionSize(3)
        if room <= 0:
            return
        titles = self.tree.sizeHintForColumn(1)
        results = max(self.tree.sizeHintForColumn(2), header.sectionSizeHint(2))
        width = min(titles, room - min(results, self.result_room(), room // 2))
        if header.sectionSize(1) != width:
            header.resizeSection(1, width)

    def _kind_label(self, kind: str) -> str:
        return {
            "pre-show": self.tr("Pre-show"),
            "troubleshooting": self.tr("Troubleshooting"),
            "post-show": self.tr("Post-show"),
        }.get(kind, kind)

    def _fill_run_tabs(self) -> None:
        """One tab per run (pre-show or post-show, troubleshooting): which is which, and which is shown."""
        slots: list[str] = [slot for slot in ("main", "troubleshooting") if slot in self.controller.runs]
        self.run_tabs.blockSignals(True)
        while self.run_tabs.count() > len(slots):
            self.run_tabs.removeTab(self.run_tabs.count() - 1)
        for index, slot in enumerate(slots):
            run = self.controller.runs[slot]
            title, kind = text_for(run.template.title, self.language), self._kind_label(run.template.kind)
            # Bundled troubleshooting titles already begin with the word; the kind is said once.
            text = title if title.startswith(kind) else self.tr("%1: %2").replace("%1", kind).replace("%2", title)
            if index >= self.run_tabs.count():
                self.run_tabs.addTab(text)
            self.run_tabs.setTabText(index, text)
            self.run_tabs.setTabToolTip(index, text)
        self._tab_slots = slots
        if self.controller.shown in slots:
            self.run_tabs.setCurrentIndex(slots.index(self.controller.shown))
        self.run_tabs.blockSignals(False)
        self.run_tabs.setVisible(bool(slots))

    def _show_elsewhere(self, run: ChecklistRun | None) -> None:
        away = run is not None and self.controller.elsewhere(run)
        self._elsewhere_box.setVisible(away)
        if run is None or not away:
            return
        here = self._room_name(self.controller.room)
        self.elsewhere.setText(
            self.tr("This run belongs to room “%1”; the console is now on “%2”. It checks nothing here.")
            .replace("%1", self._room_name(run.room))
            .replace("%2", here)
        )
        self.switch_back_button.setText(self.tr("Switch back to “%1”").replace("%1", self._room_name(run.room)))
        self.switch_back_button.setEnabled(bool(run.room))  # an ad-hoc address has no room to switch back to

    def _room_name(self, room: str) -> str:
        return self.tr("the demo room") if room == "demo" else room or self.tr("an address without a room")

    @Slot(int)
    def _on_run_tabs_current_changed(self, index: int) -> None:
        if 0 <= index < len(self._tab_slots):
            self._rows = {}
            self.controller.show_slot(self._tab_slots[index])

    def _build(self, run: ChecklistRun) -> None:
        self.tree.clear()
        self._rows = {}
        for section in run.template.sections:
            header = QTreeWidgetItem(["", text_for(section.title, self.language)])
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = header.font(1)
            font.setBold(True)
            header.setFont(1, font)
            self.tree.addTopLevelItem(header)
            for item in section.items:
                title = text_for(item.title, self.language)
                if not item.required:  # marked in front, where a narrow dock cannot cut it off
                    title = self.tr("(optional) %1").replace("%1", title)
                row = QTreeWidgetItem(["", title, "", ""])
                row.setToolTip(1, title)
                if not item.required:
                    row.setForeground(1, QBrush(QColor("#8a8a8a")))
                row.setData(0, Qt.ItemDataRole.UserRole, item.id)
                header.addChild(row)
                self._rows[item.id] = row
            header.setExpanded(True)
        first = next(iter(self._rows.values()), None)
        if first is not None:
            self.tree.setCurrentItem(first)

    @Slot(object)
    def _on_controller_problem(self, words: str | Callable[[], str]) -> None:
        self.problems.setText(words if isinstance(words, str) else words())
        self.problems.setVisible(True)

    # ------------------------------------------------------------------ actions
    def selected_item(self) -> str | None:
        row = self.tree.currentItem()
        value = row.data(0, Qt.ItemDataRole.UserRole) if row is not None else None
        return str(value) if value else None

    def select(self, item_id: str) -> None:
        self.tree.setCurrentItem(self._rows[item_id])

    def use_folder(self, folder: str) -> None:
        """Use the team's folder besides the bundled checklists; its files' problems are listed."""
        self.controller.settings.set("checklists/folder", folder)
        self.controller.reload_templates()
        self._fill_templates()

    @Slot()
    def _on_folder_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Team checklist folder"), self.controller.settings.get("checklists/folder")
        )
        if folder:
            self.use_folder(folder)

    def suggest(self, template_id: str) -> None:
        """The picker starts on this workspace's own list (the Technician's, the streamer's) while no run is shown:
        walk13 picked "Technician pre-show" over "Host assistant pre-show" every time. A run shown keeps its own."""
        index = self.template.findData(template_id)
        if index >= 0 and self.controller.run is None:
            self.template.setCurrentIndex(index)

    def offer(self, template_id: str) -> bool:
        """A troubleshooting checklist was asked for (from a health finding): select it, and start it at once
        beside any pre-show run, unless another troubleshooting run is still open or nobody has given their
        name. True if started."""
        index = self.template.findData(template_id)
        if index < 0:
            return False
        self.template.setCurrentIndex(index)
        slot = slot_for(self.controller.templates[template_id])
        current = self.controller.runs.get(slot)
        if current is not None and current.is_open:
            self.controller.show_slot(slot)
            self.problems.setText(
                self.tr("Complete or abandon “%1” first, then press Start for the troubleshooting one.").replace(
                    "%1", text_for(current.template.title, self.language)
                )
            )
            self.problems.setVisible(True)
            return False
        if not self.operator.text().strip():
            self.operator.setFocus()
            self.problems.setText(self.tr("Enter your name and press Start: every confirmation is signed."))
            self.problems.setVisible(True)
            return False
        self._on_start_clicked()
        return True

    @Slot()
    def _on_start_clicked(self) -> None:
        template_id = self.template.currentData()
        if template_id:
            self.controller.settings.set("checklists/operator", self.operator.text().strip())
            self._clear_action_problem()
            before = self.controller.runs.get(slot_for(self.controller.templates[str(template_id)]))
            self.controller.start(str(template_id), self.operator.text(), self.controller.room)
            run = self.controller.run
            if run is not None and run is not before:  # started: the keys go to the items at once
                self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_action_problem(self) -> None:
        """A person's action succeeded: a refusal said for an earlier try no longer holds (walk16: "an override
        needs a reason" stayed in red above a green READY, and on through going live). The checklist files'
        own problems stay listed."""
        self.problems.setText("\n".join(p.explain(QCoreApplication.translate) for p in self.controller.problems))
        self.problems.setVisible(bool(self.controller.problems))
        self.notice.hide()

    def _after_action(self, done: bool) -> bool:
        if done:
            self._clear_action_problem()
        return done

    @Slot()
    def confirm_selected(self) -> None:
        item_id = self.selected_item()
        if item_id is not None and self._after_action(self.controller.confirm(item_id)):
            self._select_next_open(item_id)

    def override_selected(self, reason: str) -> bool:
        item_id = self.selected_item()
        if item_id is None or not self._after_action(self.controller.override(item_id, reason)):
            return False
        self._select_next_open(item_id)
        return True

    def _select_next_open(self, done: str) -> None:
        """After `done` was confirmed or overridden, the selection moves on to the next item that still needs
        attention (not passed, not overridden), wrapping round to the top; section titles are never chosen. With
        none left it stays. Walking the list by keys needed a Down after every Enter (fix23d)."""
        run = self.controller.run
        if run is None or self.selected_item() != done or done not in self._rows:
            return  # the selection moved meanwhile (a click while the reason was typed): the person's choice
        order = list(self._rows)
        start = order.index(done)
        for item_id in order[start + 1 :] + order[:start]:
            state = run.states.get(item_id)
            if state is not None and state.status not in DONE:
                self.tree.setCurrentItem(self._rows[item_id])
                return

    @Slot()
    def _on_override_clicked(self) -> None:
        item_id = self.selected_item()
        run = self.controller.run
        item = run.template.item(item_id) if run is not None and item_id is not None else None
        if run is None or item is None or not self._overridable():  # the O key as well as the button
            return
        if self.override_dialog is not None:
            self.override_dialog.raise_()
            return
        self.notice.hide()
        # Opened, not run in a loop of its own: the checks go on while the reason is typed, and a result that
        # passes the item closes the dialog with a word (walk21: its reason was refused with "has passed; there is
        # nothing to override", a refusal for something the host assistant never chose).
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Override"))  # short: a title with the item's name was cut off; the text names it
        dialog.setLabelText(
            self.tr("Override “%1”.\nWhy is this acceptable today?").replace("%1", text_for(item.title, self.language))
        )
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.textValueSelected.connect(partial(self._on_override_reason_given, run, item.id))
        dialog.finished.connect(self._on_override_dialog_finished)
        self.override_dialog, self._overriding = dialog, (run, item.id)
        dialog.open()

    def _on_override_reason_given(self, run: ChecklistRun, item_id: str, reason: str) -> None:
        if run is self.controller.run and self._after_action(self.controller.override(item_id, reason)):
            self._select_next_open(item_id)

    @Slot()
    def _on_override_dialog_finished(self) -> None:
        dialog, self.override_dialog, self._overriding = self.override_dialog, None, None
        if dialog is not None:
            dialog.deleteLater()

    def _close_stale_override(self) -> None:
        """The Override dialog closes by itself once its item needs no override: passed on a re-check, confirmed, or
        its run over or no longer shown; the panel says why."""
        if self.override_dialog is None or self._overriding is None:
            return
        run, item_id = self._overriding
        if run is self.controller.run and self._overridable(item_id):
            return
        item = run.template.item(item_id)
        title = text_for(item.title, self.language) if item is not None else item_id
        state = run.states.get(item_id)
        if state is not None and state.status is ItemStatus.PASSED:
            text = self.tr("“%1” passed while its override was being written: there is nothing to override.")
        else:
            text = self.tr("“%1” no longer needs an override (the run changed meanwhile): no override was made.")
        self.override_dialog.reject()
        self.notice.setText(text.replace("%1", title))
        self.notice.show()

    @Slot()
    def _on_complete_clicked(self) -> None:
        run = self.controller.run
        if run is None:
            return
        person, ok = QInputDialog.getText(
            self,
            self.tr("Complete the checklist"),
            self.tr("Completed by (your name):"),
            text=self.operator.text().strip() or run.operator,
        )
        if ok:
            self._after_action(self.controller.complete(person))

    @Slot()
    def _on_abandon_clicked(self) -> None:
        if self.controller.run is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Abandon the checklist"), self.tr("Why is it abandoned?"))
        if ok:
            self._after_action(self.controller.abandon(reason, self.operator.text()))

    @Slot()
    def _on_switch_back_clicked(self) -> None:
        run = self.controller.run
        if run is not None and run.room:
            self.controller.sig_room_requested.emit(run.room)

    @Slot()
    def _on_note_clicked(self) -> None:
        item_id = self.selected_item()
        if item_id is None:
            return
        current = self.controller.state(item_id)
        text, ok = QInputDialog.getText(
            self, self.tr("Note"), self.tr("Note for this item:"), text=current.note if current else ""
        )
        if ok:
            self._after_action(self.controller.note(item_id, text))
