"""ChatSourcesDialog (View ▸ Comment sources…): the room's comment sources — a Bilibili open-platform room (app
id, access key, and the host's 身份码), Twitch (EventSub with "Sign in with Twitch…", IRC, or anonymous), YouTube
(a live video or channel with an API key or OAuth token), a custom WebSocket or HTTP endpoint sending JSON lines
with its field mapping, or a file another tool appends to — added, edited and removed; with each source's live
status, so a wrong key or address shows at once; and the team's keywords and own names, which the running room
uses at once. Secrets go to the keyring through the controller, never to rooms.json.

Signing in to Twitch runs the device code flow (console/core/chat/oauth.py) on a thread of its own: the dialog
shows the code and the address to open (both copyable), stays usable while waiting, can cancel, and says the
result in words. Signing in to Google (YouTube) opens the browser at Google's sign-in and waits, the same way, for
it to come back to a loopback address (PKCE)."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.chat import oauth
from console.core.chat.config import SECRET_LABELS, TWITCH_MODES, YOUTUBE_AUTH, ChatConfig, ChatSourceConfig
from console.core.chat.events import ChatDetail
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
    "twitch": QT_TRANSLATE_NOOP("ChatSources", "Twitch"),
    "youtube": QT_TRANSLATE_NOOP("ChatSources", "YouTube"),
}
TWITCH_MODE_TITLES = {
    "eventsub": QT_TRANSLATE_NOOP("ChatSources", "EventSub (a user token; can post replies)"),
    "irc": QT_TRANSLATE_NOOP("ChatSources", "IRC with a viewer token (read only)"),
    "anonymous": QT_TRANSLATE_NOOP("ChatSources", "IRC, anonymous (read only, no token)"),
}
YOUTUBE_AUTH_TITLES = {
    "api_key": QT_TRANSLATE_NOOP("ChatSources", "API key (read only)"),
    "oauth": QT_TRANSLATE_NOOP("ChatSources", "The channel owner's OAuth token (can post replies)"),
}
PAGES = {"bilibili": 0, "websocket": 1, "http": 1, "file": 2, "twitch": 3, "youtube": 4}
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

    @property
    def chat(self) -> ChatWords: ...


class ChatWords(Protocol):
    """The team's keywords and own names, as the running room uses them (console/chat_controller.py)."""

    @property
    def keywords(self) -> tuple[str, ...]: ...

    @property
    def own_names(self) -> tuple[str, ...]: ...

    def set_words(self, keywords: str, own_names: str) -> None: ...


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
        self._twitch_page()
        self._youtube_page()
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

    def _twitch_page(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.channel = QLineEdit()
        self.channel.setPlaceholderText("https://www.twitch.tv/…")
        self.twitch_mode = QComboBox()
        for mode in TWITCH_MODES:
            self.twitch_mode.addItem(_tr(TWITCH_MODE_TITLES[mode]), mode)
        self.client_id = QLineEdit()
        self.user_token = QLineEdit()
        self.user_token.setEchoMode(QLineEdit.EchoMode.Password)
        # A pasted token has no refresh token: the one from the last sign-in no longer belongs to it.
        self.user_token.textEdited.connect(lambda _text: setattr(self, "refresh_token", ""))
        #: The refresh token from "Sign in with Twitch" (kept in the keyring, never shown).
        self.refresh_token = ""
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Read with"), self.twitch_mode)
        form.addRow(self.tr("Client ID (your Twitch app)"), self.client_id)
        form.addRow(QCoreApplication.translate("Chat", SECRET_LABELS["user_token"]), self.user_token)
        self.sign_in = QPushButton(self.tr("Sign in with Twitch…"))
        form.addRow(self.sign_in)
        # The device code to type and the address to open, selectable (and a button to copy them).
        self.sign_in_code = QLabel()
        self.sign_in_code.setWordWrap(True)
        self.sign_in_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.sign_in_code.setOpenExternalLinks(True)
        row = QHBoxLayout()
        self.copy_code = QPushButton(self.tr("Copy code and address"))
        self.cancel_sign_in = QPushButton(self.tr("Cancel signing in"))
        row.addWidget(self.copy_code)
        row.addWidget(self.cancel_sign_in)
        row.addStretch(1)
        self.sign_in_result = QLabel()
        self.sign_in_result.setWordWrap(True)
        form.addRow(self.sign_in_code)
        form.addRow(row)
        form.addRow(self.sign_in_result)
        hint = QLabel(
            self.tr(
                "EventSub reads the chat with a user token holding user:read:chat, and posts quick replies when it "
                "also holds user:write:chat. “Sign in with Twitch…” gets both without pasting anything: it needs the "
                "Client ID of the Twitch app your team registered (a public client, see the README)."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.twitch_mode.currentIndexChanged.connect(self._on_twitch_mode_changed)
        self.pages.addWidget(page)
        self.show_sign_in(None)

    def _youtube_page(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.youtube = QLineEdit()
        self.youtube.setPlaceholderText("https://www.youtube.com/watch?v=…  /  UC…")
        self.youtube_auth = QComboBox()
        for auth in YOUTUBE_AUTH:
            self.youtube_auth.addItem(_tr(YOUTUBE_AUTH_TITLES[auth]), auth)
        self.api_key = QLineEdit()
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.oauth_token = QLineEdit()
        self.oauth_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.quota = QSpinBox()
        self.quota.setRange(1, 1_000_000)
        self.quota.setValue(10_000)
        form.addRow(self.tr("Live video or channel"), self.youtube)
        form.addRow(self.tr("Credential"), self.youtube_auth)
        form.addRow(QCoreApplication.translate("Chat", SECRET_LABELS["api_key"]), self.api_key)
        self.oauth_token.textEdited.connect(lambda _text: setattr(self, "google_refresh_token", ""))
        #: The refresh token from "Sign in with Google" (kept in the keyring, never shown).
        self.google_refresh_token = ""
        self.google_client_id = QLineEdit()
        self.google_client_secret = QLineEdit()
        self.google_client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(QCoreApplication.translate("Chat", SECRET_LABELS["oauth_token"]), self.oauth_token)
        form.addRow(self.tr("Google client ID (your app)"), self.google_client_id)
        form.addRow(
            QCoreApplication.translate("Chat", SECRET_LABELS["google_client_secret"]), self.google_client_secret
        )
        self.google_sign_in = QPushButton(self.tr("Sign in with Google…"))
        form.addRow(self.google_sign_in)
        # The address the browser was sent to (selectable, in case no browser opened), and the result.
        self.google_address = QLabel()
        self.google_address.setWordWrap(True)
        self.google_address.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.google_address.setOpenExternalLinks(True)
        self.google_cancel = QPushButton(self.tr("Cancel signing in"))
        self.google_result = QLabel()
        self.google_result.setWordWrap(True)
        form.addRow(self.google_address)
        form.addRow(self.google_cancel)
        form.addRow(self.google_result)
        form.addRow(self.tr("Daily quota budget (units)"), self.quota)
        hint = QLabel(
            self.tr(
                "An API key reads a public live chat. The channel owner's OAuth token (scope youtube.force-ssl) also "
                "posts quick replies (50 quota units each). “Sign in with Google…” gets it in the browser: it needs "
                "the client ID and secret of the Google “Desktop app” your team registered (see the README)."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.youtube_auth.currentIndexChanged.connect(self._on_youtube_auth_changed)
        self.pages.addWidget(page)
        self.show_google_sign_in(None)

    @Slot(int)
    def _on_youtube_auth_changed(self, _index: int = 0) -> None:
        oauth = self.youtube_auth.currentData() == "oauth"
        self.api_key.setEnabled(not oauth)
        for widget in (self.oauth_token, self.google_client_id, self.google_client_secret, self.google_sign_in):
            widget.setEnabled(oauth)

    def show_google_sign_in(self, state: str | None, address: str = "") -> None:
        """None (idle), "waiting" (the browser was sent to `address`), "done"."""
        waiting = state == "waiting"
        self.google_sign_in.setEnabled(not waiting and self.youtube_auth.currentData() == "oauth")
        self.google_cancel.setVisible(waiting)
        self.google_address.setVisible(waiting)
        if waiting:
            link = self.tr("this address")
            self.google_address.setText(
                self.tr("Sign in to Google in the browser that opened (or open %1). Waiting for Google…").replace(
                    "%1", f"<a href='{address}'>{link}</a>"
                )
            )

    @Slot(int)
    def _on_twitch_mode_changed(self, _index: int = 0) -> None:
        mode = self.twitch_mode.currentData()
        self.client_id.setEnabled(mode == "eventsub")
        self.sign_in.setEnabled(mode == "eventsub")
        self.user_token.setEnabled(mode != "anonymous")

    def show_sign_in(self, state: str | None, code: str = "", address: str = "") -> None:
        """The sign-in panel: None (idle), "starting", "waiting" (with the code and address), "done"."""
        waiting = state == "waiting"
        self.sign_in.setEnabled(state in (None, "done") and self.twitch_mode.currentData() == "eventsub")
        self.cancel_sign_in.setVisible(state in ("starting", "waiting"))
        self.copy_code.setVisible(waiting)
        self.sign_in_code.setVisible(waiting)
        if waiting:
            self.sign_in_code.setText(
                self.tr(
                    "Open in any browser and sign in to Twitch:<br>%1<br>then enter the code %2<br>Waiting for Twitch…"
                )
                .replace("%1", f"<a href='{address}'>{address}</a>")
                .replace("%2", f"<b style='font-size:15pt'>{code}</b>")
            )
            self._code_text = f"{code}  {address}"

    def show_source(self, source: ChatSourceConfig, secrets: dict[str, str]) -> None:
        self.kind = source.kind
        self.kind_label.setText(_tr(KIND_TITLES[source.kind]))
        self.source_id.setText(source.id)
        self.pages.setCurrentIndex(PAGES[source.kind])
        self.mapping.setVisible(source.kind in ("websocket", "http", "file"))
        # ---- twitch, youtube
        self.channel.setText(source.channel)
        self.twitch_mode.setCurrentIndex(max(0, self.twitch_mode.findData(source.twitch_mode)))
        self.client_id.setText(source.twitch_client_id(secrets))
        self.user_token.setText(secrets.get("user_token", ""))
        self.refresh_token = secrets.get("refresh_token", "")
        self._on_twitch_mode_changed()
        self.youtube.setText(source.youtube)
        self.youtube_auth.setCurrentIndex(max(0, self.youtube_auth.findData(source.youtube_auth)))
        self.api_key.setText(secrets.get("api_key", ""))
        self.oauth_token.setText(secrets.get("oauth_token", ""))
        self.google_refresh_token = secrets.get("refresh_token", "") if source.kind == "youtube" else ""
        self.google_client_id.setText(source.google_client_id)
        self.google_client_secret.setText(secrets.get("google_client_secret", ""))
        self._on_youtube_auth_changed()
        self.quota.setValue(source.quota_per_day)
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
            fields=mapping if self.kind in ("websocket", "http", "file") else FieldMap(),
            channel=self.channel.text().strip() if self.kind == "twitch" else "",
            twitch_mode=str(self.twitch_mode.currentData()) if self.kind == "twitch" else "eventsub",
            client_id=self.client_id.text().strip() if self.kind == "twitch" else "",
            youtube=self.youtube.text().strip() if self.kind == "youtube" else "",
            youtube_auth=str(self.youtube_auth.currentData()) if self.kind == "youtube" else "api_key",
            quota_per_day=self.quota.value() if self.kind == "youtube" else 10_000,
            google_client_id=self.google_client_id.text().strip() if self.kind == "youtube" else "",
        )
        source.check()
        secrets = {
            "access_key_secret": self.access_key_secret.text().strip(),
            "identity_code": self.identity_code.text().strip(),
            "secret": self.token.text().strip(),
            "user_token": self.user_token.text().strip(),
            "api_key": self.api_key.text().strip(),
            "oauth_token": self.oauth_token.text().strip(),
        }
        kept = {name: secrets[name] for name in source.secret_names() if secrets[name]}
        if source.kind == "twitch" and source.twitch_mode == "eventsub" and self.refresh_token and kept:
            kept["refresh_token"] = self.refresh_token  # renews the token when it expires
        if source.kind == "youtube" and source.youtube_auth == "oauth":
            if self.google_client_secret.text().strip():
                kept["google_client_secret"] = self.google_client_secret.text().strip()
            if self.google_refresh_token and kept.get("oauth_token"):
                kept["refresh_token"] = self.google_refresh_token
        return source, kept

    @Slot()
    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The file another tool writes the comments to"), self.path.text()
        )
        if path:
            self.path.setText(path)


class _SignInRelay(QObject):
    """Carries the sign-in thread's news to the GUI thread (queued signals)."""

    code = Signal(str, str)  # user code, verification address
    done = Signal(object, str)  # oauth.Tokens, the login it belongs to
    failed = Signal(object)  # ChatDetail
    google_address = Signal(str)  # where the browser was sent
    google_done = Signal(object)  # oauth.Tokens
    google_failed = Signal(object)  # ChatDetail


def _open_browser(address: str) -> None:
    QDesktopServices.openUrl(QUrl(address))


class ChatSourcesDialog(QDialog):
    #: Where Twitch's OAuth endpoints are, and options for the flow (a test points them at its local id.twitch.tv
    #: and shortens the waits).
    twitch_id_base = oauth.ID_BASE
    sign_in_options: dict[str, Any] = {}  # noqa: RUF012 - read only
    #: Google's sign-in and token addresses, and how the browser is opened (a test's browser follows the redirect).
    google_urls = (oauth.GOOGLE_AUTH_URL, oauth.GOOGLE_TOKEN_URL)
    open_browser = staticmethod(_open_browser)

    def __init__(self, controller: ChatSourcesController, room: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.room = room
        self._flow: oauth.TwitchDeviceFlow | None = None
        self._relay = _SignInRelay(self)
        self._relay.code.connect(self._on_sign_in_code)
        self._relay.done.connect(self._on_signed_in)
        self._relay.failed.connect(self._on_sign_in_failed)
        self._google: oauth.GoogleLoopbackFlow | None = None
        self._relay.google_address.connect(self._on_google_address)
        self._relay.google_done.connect(self._on_google_signed_in)
        self._relay.google_failed.connect(self._on_google_failed)
        self.setWindowTitle(self.tr("Comment sources"))
        self.resize(880, 660)
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
        self.form.sign_in.clicked.connect(self.start_sign_in)
        self.form.cancel_sign_in.clicked.connect(self.cancel_sign_in)
        self.form.copy_code.clicked.connect(self._on_copy_code_clicked)
        self.form.google_sign_in.clicked.connect(self.start_google_sign_in)
        self.form.google_cancel.clicked.connect(self.cancel_sign_in)
        body.addWidget(self.form, 3)
        layout.addLayout(body, 1)
        # The team's words, used by the running room as soon as they are saved (not only at the next connection).
        words = QFormLayout()
        self.keywords = QLineEdit("|".join(controller.chat.keywords))
        self.own_names = QLineEdit("|".join(controller.chat.own_names))
        self.keywords.setToolTip(
            self.tr("Words separated by “|”: highlighted in the comments; known complaints open alerts.")
        )
        self.own_names.setToolTip(
            self.tr("The host's and staff's user names, separated by “|”: never counted as complaints.")
        )
        words.addRow(self.tr("Keywords"), self.keywords)
        words.addRow(self.tr("Our own names"), self.own_names)
        layout.addLayout(words)
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
        # The words belong to the team, not to the room: kept (and used by the running room) even without sources.
        self.controller.chat.set_words(self.keywords.text(), self.own_names.text())
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

    # ------------------------------------------------------------------ Sign in with Twitch
    @Slot()
    def start_sign_in(self) -> None:
        """Ask Twitch for a device code on a thread of its own, then wait there for the user's approval."""
        if self._flow is not None:
            return
        flow = oauth.TwitchDeviceFlow(self.form.client_id.text(), id_base=self.twitch_id_base, **self.sign_in_options)
        self._flow = flow
        self.form.sign_in_result.clear()
        self.form.sign_in_result.setStyleSheet("")
        self.form.show_sign_in("starting")
        relay = self._relay
        id_base = self.twitch_id_base

        def run() -> None:
            try:
                code = flow.start()
                relay.code.emit(code.user_code, code.verification_uri)
                tokens = flow.wait(code)
                relay.done.emit(tokens, _login(id_base, tokens.access_token))
            except oauth.SignInError as exc:
                relay.failed.emit(exc.detail)

        threading.Thread(target=run, name="twitch-sign-in", daemon=True).start()

    @Slot()
    def cancel_sign_in(self) -> None:
        if self._flow is not None:
            self._flow.cancel.set()
        if self._google is not None:
            self._google.cancel.set()

    # ------------------------------------------------------------------ Sign in with Google (YouTube)
    @Slot()
    def start_google_sign_in(self) -> None:
        """Listen on a loopback port, send the browser to Google, wait on a thread of its own for it to come back."""
        if self._google is not None:
            return
        auth_url, token_url = self.google_urls
        flow = oauth.GoogleLoopbackFlow(
            self.form.google_client_id.text(),
            self.form.google_client_secret.text(),
            auth_url=auth_url,
            token_url=token_url,
        )
        self.form.google_result.clear()
        self.form.google_result.setStyleSheet("")
        try:
            address = flow.start()
        except oauth.SignInError as exc:
            self._on_google_failed(exc.detail)
            return
        except OSError as exc:  # no loopback port to listen on
            self._on_google_failed(
                ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Cannot listen for Google's answer: {error}"), error=exc)
            )
            return
        self._google = flow
        self._on_google_address(address)
        self.open_browser(address)
        relay = self._relay

        def run() -> None:
            try:
                relay.google_done.emit(flow.wait())
            except oauth.SignInError as exc:
                relay.google_failed.emit(exc.detail)

        threading.Thread(target=run, name="google-sign-in", daemon=True).start()

    @Slot(str)
    def _on_google_address(self, address: str) -> None:
        self.form.show_google_sign_in("waiting", address)

    @Slot(object)
    def _on_google_signed_in(self, tokens: oauth.Tokens) -> None:
        self._google = None
        self.form.oauth_token.setText(tokens.access_token)
        self.form.google_refresh_token = tokens.refresh_token
        self.form.show_google_sign_in("done")
        self.form.google_result.setStyleSheet("color: #2e7d32")
        self.form.google_result.setText(
            self.tr("Signed in to Google (%1). Save to use it.").replace("%1", ", ".join(tokens.scopes) or "—")
        )

    @Slot(object)
    def _on_google_failed(self, detail: ChatDetail) -> None:
        self._google = None
        self.form.show_google_sign_in("done")
        self.form.google_result.setStyleSheet("color: #e0312f")
        self.form.google_result.setText(_say("Chat", detail.template, detail.fields))

    @Slot(str, str)
    def _on_sign_in_code(self, code: str, address: str) -> None:
        self.form.show_sign_in("waiting", code, address)

    @Slot(object, str)
    def _on_signed_in(self, tokens: oauth.Tokens, login: str) -> None:
        self._flow = None
        self.form.user_token.setText(tokens.access_token)
        self.form.refresh_token = tokens.refresh_token
        self.form.show_sign_in("done")
        self.form.sign_in_result.setStyleSheet("color: #2e7d32")
        self.form.sign_in_result.setText(
            self.tr("Signed in to Twitch as %1 (%2). Save to use it.")
            .replace("%1", login or "?")
            .replace("%2", ", ".join(tokens.scopes) or "—")
        )

    @Slot(object)
    def _on_sign_in_failed(self, detail: ChatDetail) -> None:
        self._flow = None
        self.form.show_sign_in("done")
        self.form.sign_in_result.setStyleSheet("color: #e0312f")
        self.form.sign_in_result.setText(_say("Chat", detail.template, detail.fields))

    @Slot()
    def _on_copy_code_clicked(self) -> None:
        QGuiApplication.clipboard().setText(getattr(self.form, "_code_text", ""))

    def done(self, result: int) -> None:
        self.cancel_sign_in()  # a dialog closed while waiting stops waiting
        super().done(result)


def _login(id_base: str, token: str) -> str:
    """Whose token it is (Twitch's /oauth2/validate), "" when that cannot be said; on the sign-in thread."""
    import httpx

    from console.core.chat.source import SourceFailure
    from console.core.chat.twitch import validate_token

    try:
        with httpx.Client(timeout=10.0) as client:
            return validate_token(client, id_base, token, time.time()).login
    except SourceFailure:
        return ""


def _say(context: str, template: str, fields: tuple[tuple[str, str | Message], ...]) -> str:
    """A source's words in the user's language; a field that is itself a label ("Access key secret") or words (a
    system error's cause) too."""
    values: dict[str, object] = {
        name: value.in_language(QCoreApplication.translate)
        if isinstance(value, Message)
        else QCoreApplication.translate(context, value)
        for name, value in fields
    }
    return Message(template, values, context).explain(QCoreApplication.translate(context, template))


def _context(exc: SpecError) -> str:
    """Comment-source problems are in the "Chat" context; header-line problems in "Audience"."""
    return "Chat" if type(exc.detail).__name__ == "ChatDetail" else "Audience"
