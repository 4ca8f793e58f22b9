"""AlertsDialog (View ▸ Alerts…): where the studio's alerts go — WeCom, DingTalk and Feishu/Lark group robots,
Slack incoming webhooks and a JSON webhook — each with its rule (rooms, mildest severity, only on air), added,
edited and removed; the team's language; and "Send test", whose platform's answer is said in words.

A destination's webhook address and signing secret are typed into password fields and go to the keyring through
the port; they are never read back into a field (a stored one shows as "kept in the keyring")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.alerts.config import AlertConfig, AlertConfigError, Credentials, Destination, parse
from console.core.alerts.platforms import PLATFORM_NAMES, PLATFORMS, SIGNED, Answer
from console.core.alerts.rules import SEVERITY_WORDS
from obs.text import Message
from obs.vocabulary import Severity

LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}
#: What each platform's webhook address looks like (a placeholder: where to paste it from).
EXAMPLES = {
    "wecom": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…",
    "dingtalk": "https://oapi.dingtalk.com/robot/send?access_token=…",
    "feishu": "https://open.feishu.cn/open-apis/bot/v2/hook/…",
    "slack": "https://hooks.slack.com/services/…",
    "webhook": "https://…",
}
SEVERITIES = (Severity.INFO, Severity.WARNING, Severity.CRITICAL)


class AlertsPort(Protocol):
    """What the dialog asks of the application (console/alerts_controller.py)."""

    @property
    def config(self) -> AlertConfig: ...

    def has_credentials(self, name: str) -> bool: ...

    def save(
        self, config: AlertConfig, credentials: dict[str, Credentials], renamed: dict[str, str], removed: list[str]
    ) -> Message | None: ...

    def send_test(self, destination: Destination, typed: Credentials | None, stored_as: str) -> None: ...


@dataclass
class _Draft:
    """One destination as edited: its rule, what was typed for its secrets, and the name it is stored under."""

    destination: Destination
    url: str = ""
    secret: str = ""
    stored_as: str | None = None  # None: new, nothing in the keyring yet

    def typed(self) -> Credentials | None:
        return Credentials(self.url.strip(), self.secret.strip()) if self.url.strip() else None


def _severity_word(severity: str) -> str:
    return QCoreApplication.translate("Health", SEVERITY_WORDS[severity])


class AlertsDialog(QDialog):
    def __init__(self, port: AlertsPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.port = port
        self.setWindowTitle(self.tr("Alerts to the team's chat"))
        self._drafts: list[_Draft] = []
        self._removed: list[str] = []
        self._kept: set[str] = set()
        self._current = -1
        self._showing = False  # the form is being filled from a draft: its change signals are not edits
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A finding of a room's health (a stream reconnecting, frames dropped, a muted microphone…) is sent "
                "once per episode to each destination that hears the room, with a “resolved” when it ends."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Alerts are written in")))
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        top.addWidget(self.language)
        top.addStretch(1)
        layout.addLayout(top)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Platform"),
                self.tr("Rooms"),
                self.tr("Mildest severity"),
                self.tr("Only on air"),
                self.tr("Webhook address"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(120)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self._form())
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #e0312f;")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(860, 640)
        self.refresh()

    def _form(self) -> QWidget:
        self.editor = QWidget()
        form = QFormLayout(self.editor)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit()
        self.platform = QComboBox()
        for platform in PLATFORMS:
            self.platform.addItem(PLATFORM_NAMES[platform], platform)
        self.platform.currentIndexChanged.connect(self._on_platform_changed)
        self.rooms = QPlainTextEdit()
        self.rooms.setPlaceholderText(self.tr("One room per line; none: every room"))
        self.rooms.setFixedHeight(52)
        self.severity = QComboBox()
        for severity in SEVERITIES:
            self.severity.addItem(_severity_word(severity), str(severity))
        self.only_on_air = QCheckBox(self.tr("Only while the room is on air"))
        self.url = QLineEdit()
        self.url.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Send test"))
        self.test_button.clicked.connect(self._on_test_clicked)
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.answer, 1)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.tr("Rooms"), self.rooms)
        form.addRow(self.tr("Mildest severity"), self.severity)
        form.addRow("", self.only_on_air)
        form.addRow(self.tr("Webhook address"), self.url)
        form.addRow(self.tr("Signing secret"), self.secret)
        hint = QLabel(
            self.tr(
                "The webhook address (it holds the robot's key or token) and the signing secret are kept in the "
                "system keyring, never in alerts.json, and are not shown again: type them only to replace them."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(test_row)
        # The table says what the form says as it is typed: a row left at "Group 1 · WeCom · not set" while the
        # form reads another name, platform and address looks like the edit was lost (and after a Save whose
        # keyring failed, like nothing was saved at all).
        for changed in (
            self.name.textChanged,
            self.platform.currentIndexChanged,
            self.rooms.textChanged,
            self.severity.currentIndexChanged,
            self.only_on_air.toggled,
            self.url.textChanged,
        ):
            changed.connect(self._on_form_edited)
        return self.editor

    # ------------------------------------------------------------------ showing
    def refresh(self, select: str | None = None) -> None:
        """The destinations in use (what was typed and not saved is dropped); `select`: the one to show."""
        config = self.port.config
        self._drafts = [_Draft(d, stored_as=d.name) for d in config.destinations]
        self._removed = []
        # Asked once per opening and save: a system keyring may answer slowly, and the table is redrawn often.
        self._kept = {d.name for d in config.destinations if self.port.has_credentials(d.name)}
        index = self.language.findData(config.language)
        self.language.setCurrentIndex(max(0, index))
        self.problem.clear()
        self.answer.clear()
        self._fill_table()
        names = [draft.destination.name for draft in self._drafts]
        self._select(names.index(select) if select in names else 0 if names else -1)

    def _stored(self, draft: _Draft) -> bool:
        """Whether the keyring holds the draft's webhook address (under the name it was saved with)."""
        return draft.stored_as is not None and draft.stored_as in self._kept

    def _select(self, row: int) -> None:
        """Show this draft in the form (the form's edits were read back before: they are not read here)."""
        self._current = row
        self.table.blockSignals(True)
        self.table.clearSelection()
        if row >= 0:
            self.table.selectRow(row)
        self.table.blockSignals(False)
        self._show_current()

    def _fill_table(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._drafts))
        for row in range(len(self._drafts)):
            self._fill_row(row)
        self.table.blockSignals(False)

    def _fill_row(self, row: int) -> None:
        draft = self._drafts[row]
        d = draft.destination
        stored = self._stored(draft)
        secret = (
            self.tr("typed, not saved yet")
            if draft.url.strip()
            else self.tr("kept in the keyring")
            if stored
            else self.tr("not set")
        )
        cells = (
            d.name,
            PLATFORM_NAMES.get(d.platform, d.platform),
            ", ".join(d.rooms) or self.tr("every room"),
            _severity_word(d.min_severity),
            self.tr("yes") if d.only_on_air else self.tr("no"),
            secret,
        )
        for column, text in enumerate(cells):
            item = self.table.item(row, column)
            if item is None:
                self.table.setItem(row, column, QTableWidgetItem(text))
            elif item.text() != text:
                item.setText(text)  # in place: the row stays selected

    def _show_current(self) -> None:
        draft = self._drafts[self._current] if 0 <= self._current < len(self._drafts) else None
        self.editor.setEnabled(draft is not None)
        self.remove_button.setEnabled(draft is not None)
        if draft is None:
            for edit in (self.name, self.url, self.secret):
                edit.clear()
            self.rooms.clear()
            return
        d = draft.destination
        self._showing = True
        try:
            self.name.setText(d.name)
            self.platform.setCurrentIndex(max(0, self.platform.findData(d.platform)))
            self.rooms.setPlainText("\n".join(d.rooms))
            self.severity.setCurrentIndex(max(0, self.severity.findData(str(d.min_severity))))
            self.only_on_air.setChecked(d.only_on_air)
            self.url.setText(draft.url)
            self.secret.setText(draft.secret)
        finally:
            self._showing = False
        self._on_platform_changed()

    # ------------------------------------------------------------------ editing
    def _read_form(self) -> None:
        """The form back into the current draft (the rule as typed; checked when saved)."""
        if not 0 <= self._current < len(self._drafts):
            return
        draft = self._drafts[self._current]
        rooms = tuple(line.strip() for line in self.rooms.toPlainText().splitlines() if line.strip())
        draft.destination = Destination(
            self.name.text().strip(),
            str(self.platform.currentData()),
            rooms,
            Severity(self.severity.currentData()),
            self.only_on_air.isChecked(),
        )
        draft.url = self.url.text()
        draft.secret = self.secret.text() if draft.destination.platform in SIGNED else ""

    @Slot()
    def _on_form_edited(self) -> None:
        if self._showing or not 0 <= self._current < len(self._drafts):
            return
        self._read_form()
        self.table.blockSignals(True)
        self._fill_row(self._current)
        self.table.blockSignals(False)

    @Slot()
    def _on_table_selection_changed(self) -> None:
        self._read_form()
        rows = self.table.selectionModel().selectedRows()
        self._fill_table()
        self.answer.clear()
        self._select(rows[0].row() if rows else -1)

    @Slot()
    def _on_platform_changed(self) -> None:
        draft = self._drafts[self._current] if 0 <= self._current < len(self._drafts) else None
        stored = draft is not None and self._stored(draft)
        self.url.setPlaceholderText(
            self.tr("Kept in the keyring: type to replace") if stored else EXAMPLES[str(self.platform.currentData())]
        )
        signed = self.platform.currentData() in SIGNED
        self.secret.setEnabled(signed)
        self.secret.setPlaceholderText(
            self.tr("Empty: the robot does not sign") if signed else self.tr("This platform does not sign")
        )

    @Slot()
    def _on_add_clicked(self) -> None:
        self._read_form()
        taken = {draft.destination.name for draft in self._drafts}
        number = len(self._drafts) + 1
        while self.tr("Group %1").replace("%1", str(number)) in taken:
            number += 1
        self._drafts.append(_Draft(Destination(self.tr("Group %1").replace("%1", str(number)), "wecom")))
        self._fill_table()
        self._select(len(self._drafts) - 1)
        self.name.setFocus()
        self.name.selectAll()

    @Slot()
    def _on_remove_clicked(self) -> None:
        if not 0 <= self._current < len(self._drafts):
            return
        draft = self._drafts.pop(self._current)
        if draft.stored_as is not None:
            self._removed.append(draft.stored_as)
        self._fill_table()
        self._select(min(self._current, len(self._drafts) - 1))

    # ------------------------------------------------------------------ saving, testing
    def _config(self) -> AlertConfig | None:
        """The edited configuration, checked as alerts.json would be; None (and why, said) when it is wrong."""
        self._read_form()
        config = AlertConfig(tuple(draft.destination for draft in self._drafts), str(self.language.currentData()))
        try:
            parse(config.to_json())
        except AlertConfigError as exc:
            self.problem.setText(Message(exc.template, exc.fields, "Alerts").in_language(QCoreApplication.translate))
            return None
        for draft in self._drafts:
            url = draft.url.strip()
            if url and not url.startswith(("https://", "http://")):
                self.problem.setText(
                    self.tr("%1: a webhook address starts with https://").replace("%1", draft.destination.name)
                )
                return None
        self.problem.clear()
        return config

    @Slot()
    def _on_save_clicked(self) -> None:
        config = self._config()
        if config is None:
            return
        credentials = {d.destination.name: typed for d in self._drafts if (typed := d.typed()) is not None}
        renamed = {
            d.stored_as: d.destination.name
            for d in self._drafts
            if d.stored_as is not None and d.stored_as != d.destination.name
        }
        problem = self.port.save(config, credentials, renamed, self._removed)
        if problem is not None and self.port.config != config:  # alerts.json was not written: keep the edits
            self.problem.setText(problem.in_language(QCoreApplication.translate))
            return
        # Saved, the secrets perhaps for this session only (no keyring): the drafts are what is saved now, so that
        # removing or renaming one later also forgets or moves what was kept for it.
        shown = self._drafts[self._current].destination.name if 0 <= self._current < len(self._drafts) else None
        self.refresh(select=shown)
        if problem is not None:
            self.problem.setText(problem.in_language(QCoreApplication.translate))

    @Slot()
    def _on_test_clicked(self) -> None:
        if self._config() is None or not 0 <= self._current < len(self._drafts):
            return
        draft = self._drafts[self._current]
        stored_as = draft.stored_as or draft.destination.name
        if draft.typed() is None and not self._stored(draft):
            self.answer.setStyleSheet("color: #e0312f;")
            self.answer.setText(self.tr("Type the webhook address first."))
            return
        self.answer.setStyleSheet("")
        self.answer.setText(self.tr("Sending a test alert…"))
        self.test_button.setEnabled(False)
        self.port.send_test(draft.destination, draft.typed(), stored_as)

    @Slot(str, object)
    def show_answer(self, name: str, answer: Answer) -> None:
        """The platform's answer to "Send test", in words (the port's sig_tested, on the GUI thread)."""
        self.test_button.setEnabled(True)
        self.answer.setStyleSheet("color: #2e7d32;" if answer.ok else "color: #e0312f;")
        words = answer.words.in_language(QCoreApplication.translate)
        self.answer.setText(self.tr("%1: %2").replace("%1", name).replace("%2", words))
