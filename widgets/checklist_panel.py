"""ChecklistPanel: run a pre-show checklist — live checks, signed confirmations, overrides with reasons, notes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
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
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checklists.engine import ChecklistRun, ItemStatus
from checklists.model import text_for
from console.checklist_controller import ChecklistController

STATUS_LOOK: dict[ItemStatus, tuple[str, str]] = {
    ItemStatus.PENDING: ("…", "#888888"),
    ItemStatus.CHECKING: ("⟳", "#f0a020"),
    ItemStatus.PASSED: ("✓", "#2fae4f"),
    ItemStatus.FAILED: ("✗", "#e0312f"),
    ItemStatus.ERROR: ("?", "#e0312f"),
    ItemStatus.NEEDS_PERSON: ("☐", "#f0a020"),
    ItemStatus.OVERRIDDEN: ("!", "#b36bff"),
}


class ChecklistPanel(QWidget):
    def __init__(self, controller: ChecklistController, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.verdict = QLabel()
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #e0312f;")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["", self.tr("Item"), self.tr("Result"), self.tr("Who")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(1, 220)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(True)
        big = QFont(self.tree.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        self.tree.setFont(big)
        self.recheck_button = QPushButton(self.tr("Check now (R)"))
        self.confirm_button = QPushButton(self.tr("Confirm (Enter)"))
        self.override_button = QPushButton(self.tr("Override… (O)"))
        self.note_button = QPushButton(self.tr("Note… (N)"))
        top = QHBoxLayout()  # two short rows rather than one wide one: the dock fits a laptop screen
        top.addWidget(self.template, 1)
        top.addWidget(self.folder_button)
        who = QHBoxLayout()
        who.addWidget(self.operator, 1)
        who.addWidget(self.start_button)
        actions = QGridLayout()  # two by two: the dock stays narrow enough for a laptop screen
        for index, button in enumerate(
            (self.confirm_button, self.recheck_button, self.override_button, self.note_button)
        ):
            actions.addWidget(button, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(who)
        layout.addWidget(self.problems)
        layout.addWidget(self.verdict)
        layout.addWidget(self.tree, 1)
        layout.addLayout(actions)
        self._rows: dict[str, QTreeWidgetItem] = {}
        self._connect_signals()
        self._fill_templates()
        self._on_controller_run_changed()

    def _connect_signals(self) -> None:
        self.controller.sig_run_changed.connect(self._on_controller_run_changed)
        self.controller.sig_problem.connect(self._on_controller_problem)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.recheck_button.clicked.connect(self.controller.recheck)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.override_button.clicked.connect(self._on_override_clicked)
        self.note_button.clicked.connect(self._on_note_clicked)
        for keys, slot in (
            (("Return", "Enter", "Space"), self.confirm_selected),
            (("R",), self.controller.recheck),
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
        self.problems.setText("\n".join(str(p) for p in self.controller.problems))
        self.problems.setVisible(bool(self.controller.problems))

    # ------------------------------------------------------------------ showing the run
    @Slot()
    def _on_controller_run_changed(self) -> None:
        run = self.controller.run
        for widget in (self.recheck_button, self.confirm_button, self.override_button, self.note_button):
            widget.setEnabled(run is not None)
        if run is None:
            self.tree.clear()
            self._rows = {}
            self.verdict.setText(self.tr("No checklist running"))
            self.verdict.setStyleSheet("font-size: 18px; color: #888;")
            return
        if not self._rows or set(self._rows) != {i.id for i in run.template.items}:
            self._build(run)
        for item in run.template.items:
            state = run.states[item.id]
            row = self._rows[item.id]
            mark, colour = STATUS_LOOK[state.status]
            row.setText(0, mark)
            row.setForeground(0, QBrush(QColor(colour)))
            # Check results are translated in the context their templates were marked in.
            outcome = state.outcome
            detail = outcome.explain(QCoreApplication.translate("Checks", outcome.template)) if outcome else ""
            if state.status is ItemStatus.NEEDS_PERSON:
                detail = self.tr("Needs a person to confirm")
            if state.override_reason:
                detail = self.tr("Overridden: %1").replace("%1", state.override_reason) + (
                    f" ({detail})" if detail else ""
                )
            if state.note:
                detail += ("\n" if detail else "") + self.tr("Note: %1").replace("%1", state.note)
            row.setText(2, detail)
            row.setToolTip(2, detail)
            row.setText(3, state.confirmed_by)
        checking = self.tr(" — checking…") if self.controller.checking else ""
        if run.ready:
            self.verdict.setText(self.tr("READY to go live") + checking)
            self.verdict.setStyleSheet("font-size: 22px; font-weight: 700; color: white; background: #2fae4f;")
        else:
            text = self.tr("NOT READY: %1 required item(s) open").replace("%1", str(len(run.blocking())))
            self.verdict.setText(text + checking)
            self.verdict.setStyleSheet("font-size: 22px; font-weight: 700; color: white; background: #b3261e;")

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
                title = text_for(item.title, self.language) + ("" if item.required else self.tr(" (optional)"))
                row = QTreeWidgetItem(["", title, "", ""])
                row.setToolTip(1, title)
                row.setData(0, Qt.ItemDataRole.UserRole, item.id)
                header.addChild(row)
                self._rows[item.id] = row
            header.setExpanded(True)
        first = next(iter(self._rows.values()), None)
        if first is not None:
            self.tree.setCurrentItem(first)

    @Slot(str)
    def _on_controller_problem(self, text: str) -> None:
        self.problems.setText(text)
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

    def offer(self, template_id: str) -> bool:
        """A troubleshooting checklist was asked for (from a health finding): select it, and start it at once
        unless that would push aside a run still in progress or nobody has given their name. True if started."""
        index = self.template.findData(template_id)
        if index < 0:
            return False
        self.template.setCurrentIndex(index)
        run = self.controller.run
        if run is not None and not run.ready:
            self.problems.setText(
                self.tr("Finish or close the current checklist first, then press Start for the troubleshooting one.")
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
            self.problems.setVisible(bool(self.controller.problems))
            self.controller.start(str(template_id), self.operator.text(), self.controller.room)

    @Slot()
    def confirm_selected(self) -> None:
        item_id = self.selected_item()
        if item_id is not None:
            self.controller.confirm(item_id)

    def override_selected(self, reason: str) -> bool:
        item_id = self.selected_item()
        return item_id is not None and self.controller.override(item_id, reason)

    @Slot()
    def _on_override_clicked(self) -> None:
        if self.selected_item() is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Override"), self.tr("Why is this acceptable today?"))
        if ok:
            self.override_selected(reason)

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
            self.controller.note(item_id, text)
