"""ChatSourcesDialog (View ▸ Comment sources…): the room's comment sources — a Bilibili open-platform room (app
id, access key, and the host's 身份码), a custom WebSocket or HTTP endpoint sending JSON lines with its field
mapping, or a file another tool appends to — added, edited and removed; with each source's live status, so a
wrong key or address shows at once. Secrets go to the keyring through the controller, never to rooms.json."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QTimer, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.chat.config import SECRET_LABELS, ChatConfig, ChatSourceConfig
from console.core.chat.mapping import FieldMap
from console.core.telemetry.audience import SourceState
from console.core.telemetry.audience_config import parse_headers
from console.core.telemetry.audience_http import SpecError
from obs.text import QT_TRANSLATE_NOOP, Message
from widgets.audience_status import STATUS_COLOURS, STATUS_WORDS

KIND_TITLES = {
    "bilibili": QT_TRANSLATE_NOOP("ChatSources", "Bilibili (open platform)"),
    "websocket": QT_TRANSLATE_NOOP("ChatSources", "WebSocket, JSON lines"),
    "http": QT_TRANSLATE_NOOP("ChatSources", "HTTP, JSON lines"),
    "file": QT_TRANSLATE_NOOP("ChatSources", "File (CSV or JSON lines)"),
}
FIELD_LABELS = {
    "user": QT_TRANSLATE_NOOP("ChatSources", "User name field"),
    "user_id": QT_TRANSLATE_NOOP("ChatSources", "User id field"),
    "text": QT_TRANSLATE_NOOP("ChatSources", "Text field"),
    "kind": QT_TRANSLATE_NOOP("ChatSources", "Kind field"),
    "id": QT_TRANSLATE_NOOP("ChatSources", "Message id field"),
    "time": QT_TRANSLATE_NOOP("ChatSources", "Time field"),
}
Secrets = dict[str, dict[str, str]]


class ChatSourcesController(Protocol):
    """What the dialog asks of the application."""

    def chat_config(self, room: str) -> ChatConfig: ...

    def chat_secrets(self, room: str) -> Secrets: ...

    def save_chat(self, room: str, config: ChatConfig, secrets: Secrets) -> str | None: ...

    def chat_states(self) -> tuple[tuple[str, SourceState], ...]: ...


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatSources", text)


class _SourceForm(QWidget):
    """The fields of one source; `source()` reads them back (SpecError when they do not make a source)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = "file"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QFormLayout()
        self.source_id = QLineEdit()
        self.kind_label = QLabel()
        top.addRow(self.tr("Name"), self.source_id)
        top.addRow(self.tr("Kind"), self.kind_label)
        layout.addLayout(top)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)
        # Bilibili
        bili = QWidget()
        form = QFormLayout(bili)
        self.app_id = QLineEdit()
        self.access_key_id = QLineEdit()
        self.access_key_secret = QLineEdit()
        self.access_key_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.identity_code = QLineEdit()
        self.identity_code.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("App id (项目ID)"), self.app_id)
        form.addRow(self.tr("Access key id"), self.access_key_id)
        form.addRow(QCoreApplication.translate("Chat", SECRET_LABELS["access_key_secret"]), self.access_key_secret)
        form.addRow(QCoreApplication.translate("Chat", SECRET_LABELS["identity_code"]), self.identity_code)
        hint = QLabel(
            self.tr(
                "The app id and access key come from a developer account on Bilibili's open platform; the host "
                "finds the identity code (身份码) in Bilibili's live centre. The secret and the identity code are "
                "kept in the system keyring."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.pages.addWidget(bili)
        # WebSocket / HTTP
        endpoint = QWidget()
        form = QFormLayout(endpoint)
        self.url = QLineEdit()
        self.url.setPlaceholderText("ws://127.0.0.1:9000/comments?token={secret}")
        self.headers = QPlainTextEdit()
        self.headers.setPlaceholderText("Authorization: Bearer {secret}")
        self.headers.setFixedHeight(54)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Address"), self.url)
        form.addRow(self.tr("Headers"), self.headers)
        form.addRow(self.tr("Token ({secret})"), self.token)
        self.pages.addWidget(endpoint)
        # File
        file_page = QWidget()
        form = QFormLayout(file_page)
        row = QHBoxLayout()
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._on_browse_clicked)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("File"), row)
        self.from_start = QCheckBox(self.tr("Read the comments already in the file too"))
        form.addRow(self.from_start)
        self.pages.addWidget(file_page)
        # The field mapping (custom sources and JSON-lines files; a CSV's header names its columns)
        self.mapping = QWidget()
        form = QFormLayout(self.mapping)
        self.fields: dict[str, QLineEdit] = {}
        defaults = FieldMap()
        for name, label in FIELD_LABELS.items():
            edit = QLineEdit()
            edit.setPlaceholderText(getattr(defaults, name))
            self.fields[name] = edit
            form.addRow(_tr(label), edit)
        layout.addWidget(self.mapping)

    def show_source(self, source: ChatSourceConfig, secrets: dict[str, str]) -> None:
        self.kind = source.kind
        self.kind_label.setText(_tr(KIND_TITLES[source.kind]))
        self.source_id.setText(source.id)
        self.pages.setCurrentIndex({"bilibili": 0, "websocket": 1, "http": 1, "file": 2}[source.kind])
        self.mapping.setVisible(source.kind != "bilibili")
        self.app_id.setText(source.app_id)
        self.access_key_id.setText(source.access_key_id)
        self.access_key_secret.setText(secrets.get("access_key_secret", ""))
        self.identity_code.setText(secrets.get("identity_code", ""))
        self.url.setText(source.url)
        self.headers.setPlainText("\n".join(f"{name}: {value}" for name, value in source.headers))
        self.token.setText(secrets.get("secret", ""))
        self.path.setText(source.path)
        self.from_start.setChecked(source.from_start)
        defaults = FieldMap()
        for name, edit in self.fields.items():
            value = getattr(source.fields, name)
            edit.setText("" if value == getattr(defaults, name) else value)

    def source(self) -> tuple[ChatSourceConfig, dict[str, str]]:
        defaults = FieldMap()
        mapping = replace(
            defaults, **{name: edit.text().strip() or getattr(defaults, name) for name, edit in self.fields.items()}
        )
        source = ChatSourceConfig(
            id=self.source_id.text().strip(),
            kind=self.kind,
            app_id=self.app_id.text().strip() if self.kind == "bilibili" else "",
            access_key_id=self.access_key_id.text().strip() if self.kind == "bilibili" else "",
            url=self.url.text().strip() if self.kind in ("websocket", "http") else "",
            headers=parse_headers(self.headers.toPlainText()) if self.kind in ("websocket", "http") else (),
            path=self.path.text().strip() if self.kind == "file" else "",
            from_start=self.from_start.isChecked() if self.kind == "file" else False,
            fields=mapping if self.kind != "bilibili" else FieldMap(),
        )
        source.check()
        secrets = {
            "access_key_secret": self.access_key_secret.text().strip(),
            "identity_code": self.identity_code.text().strip(),
            "secret": self.token.text().strip(),
        }
        return source, {name: secrets[name] for name in source.secret_names() if secrets[name]}

    @Slot()
    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The file another tool writes the comments to"), self.path.text()
        )
        if path:
            self.path.setText(path)


class ChatSourcesDialog(QDialog):
    def __init__(self, controller: ChatSourcesController, room: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.room = room
        self.setWindowTitle(self.tr("Comment sources"))
        self.resize(760, 520)
        self._sources: list[ChatSourceConfig] = list(controller.chat_config(room).sources) if room else []
        self._secrets: Secrets = controller.chat_secrets(room) if room else {}
        self._current = -1
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("Where the comments of room “%1” come from. Every source feeds the one Comments dock.").replace(
                "%1", room or ""
            )
            if room
            else self.tr("Save the room first (Connection ▸ Rooms…): comment sources belong to a saved room.")
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._on_row_changed)
        left.addWidget(self.list, 1)
        self.add_buttons: dict[str, QPushButton] = {}
        for kind, title in KIND_TITLES.items():
            button = QPushButton(self.tr("Add: %1").replace("%1", _tr(title)))
            button.clicked.connect(lambda _=False, k=kind: self.add_source(k))
            button.setEnabled(room is not None)
            self.add_buttons[kind] = button
            left.addWidget(button)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        left.addWidget(self.remove_button)
        body.addLayout(left, 2)
        self.form = _SourceForm()
        body.addWidget(self.form, 3)
        layout.addLayout(body, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #e0312f")
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.setEnabled(room is not None)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._refresh_list(0 if self._sources else -1)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._show_states)
        self._timer.start()
        self._show_states()

    # ------------------------------------------------------------------ the list
    def _refresh_list(self, select: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for source in self._sources:
            self.list.addItem(f"{source.id} · {_tr(KIND_TITLES[source.kind])}")
        self.list.blockSignals(False)
        self._current = -1
        self.form.setEnabled(bool(self._sources))
        self.remove_button.setEnabled(bool(self._sources))
        if 0 <= select < len(self._sources):
            self.list.setCurrentRow(select)
            self._on_row_changed(select)

    def _keep_form(self) -> bool:
        """Take the form's fields into the current source; False (and said) when they do not make one."""
        if self._current < 0:
            return True
        try:
            source, secrets = self.form.source()
        except SpecError as exc:
            self.problem.setText(_say(_context(exc), exc.detail.template, exc.detail.fields))
            return False
        old_id = self._sources[self._current].id
        self._sources[self._current] = source
        self._secrets.pop(old_id, None)
        if secrets:
            self._secrets[source.id] = secrets
        self.list.item(self._current).setText(f"{source.id} · {_tr(KIND_TITLES[source.kind])}")
        self.problem.clear()
        return True

    @Slot(int)
    def _on_row_changed(self, row: int) -> None:
        if row == self._current or row < 0:
            return
        if not self._keep_form():
            self.list.blockSignals(True)
            self.list.setCurrentRow(self._current)
            self.list.blockSignals(False)
            return
        self._current = row
        source = self._sources[row]
        self.form.show_source(source, self._secrets.get(source.id, {}))
        self._show_states()

    def add_source(self, kind: str) -> None:
        if not self._keep_form():
            return
        taken = {source.id for source in self._sources}
        number = 1
        while f"{kind}-{number}" in taken:
            number += 1
        self._sources.append(ChatSourceConfig(f"{kind}-{number}", kind))
        self._refresh_list(len(self._sources) - 1)
        self.form.source_id.setFocus()

    @Slot()
    def _on_remove_clicked(self) -> None:
        if self._current < 0:
            return
        removed = self._sources.pop(self._current)
        self._secrets.pop(removed.id, None)
        self._current = -1
        self.problem.clear()
        self._refresh_list(min(len(self._sources) - 1, max(0, self.list.currentRow())))

    # ------------------------------------------------------------------ saving, status
    @Slot()
    def save(self) -> bool:
        if self.room is None or not self._keep_form():
            return False
        config = ChatConfig(tuple(self._sources))
        try:
            config.check()
        except SpecError as exc:
            self.problem.setText(_say(_context(exc), exc.detail.template, exc.detail.fields))
            return False
        problem = self.controller.save_chat(self.room, config, self._secrets)
        self.problem.setText(problem or "")
        if problem is None:
            self.status.setText(self.tr("Saved; the sources are (re)starting."))
        return problem is None

    @Slot()
    def _show_states(self) -> None:
        if self._current < 0:
            self.status.clear()
            return
        states = dict(self.controller.chat_states())
        state = states.get(self._sources[self._current].id)
        if state is None:
            self.status.setText(self.tr("Not running (save to start it)."))
            self.status.setStyleSheet("")
            return
        line = QCoreApplication.translate("Audience", STATUS_WORDS[state.status])
        if state.detail.template:
            line += " — " + _say("Chat", state.detail.template, state.detail.fields)
        self.status.setText(line)
        self.status.setStyleSheet(f"color: {STATUS_COLOURS[state.status]}")


def _say(context: str, template: str, fields: tuple[tuple[str, str], ...]) -> str:
    """A source's words in the user's language; a field that is itself a label ("Access key secret") too."""
    values: dict[str, object] = {name: QCoreApplication.translate(context, value) for name, value in fields}
    return Message(template, values, context).explain(QCoreApplication.translate(context, template))


def _context(exc: SpecError) -> str:
    """Comment-source problems are in the "Chat" context; header-line problems in "Audience"."""
    return "Chat" if type(exc.detail).__name__ == "ChatDetail" else "Audience"
