"""AudienceDialog: where a room's audience figures come from — a platform preset, a custom HTTP JSON request
or a CSV/TSV file — with the source's live status, so a wrong token or path shows at once."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.core.telemetry.audience_config import AudienceConfig, parse_headers
from console.core.telemetry.audience_http import PRESETS, SpecError
from widgets.audience_status import SOURCE_TITLES, describe
from widgets.ports import TelemetryPort


class AudienceController(Protocol):
    """What the dialog asks of the application."""

    def audience_config(self, room: str) -> AudienceConfig: ...

    def has_audience_secret(self, room: str) -> bool: ...

    def save_audience(self, room: str, config: AudienceConfig, secret: str | None) -> str | None: ...


def _tr(text: str) -> str:
    return QCoreApplication.translate("Audience", text)


class AudienceDialog(QDialog):
    #: The choices, in the order shown: no source, each preset, custom HTTP, a file.
    CHOICES = ("none", *PRESETS, "http", "file")

    def __init__(
        self,
        controller: AudienceController,
        telemetry: TelemetryPort,
        room: str | None,
        demo: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.telemetry = telemetry
        self.room = room
        # Asked of the keyring once, not on every change of the form (a keyring call can take a while).
        self._secret_stored = room is not None and not demo and controller.has_audience_secret(room)
        self.setWindowTitle(self.tr("Audience source") + (f" — {room}" if room else ""))
        self.setMinimumWidth(560)
        self.kind = QComboBox()
        for choice in self.CHOICES:
            self.kind.addItem(_tr(SOURCE_TITLES[choice]), choice)
        self.params: dict[tuple[str, str], QLineEdit] = {}
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://example.com/api/room/123?key={secret}")
        self.headers = QPlainTextEdit()
        self.headers.setPlaceholderText("Authorization: Bearer {secret}")
        self.headers.setFixedHeight(64)
        self.paths = {name: QLineEdit() for name in ("viewers", "likes", "interactions", "live")}
        self.paths["viewers"].setPlaceholderText("$.data.online")
        self.paths["live"].setPlaceholderText(self.tr("optional, e.g. $.data.live_status"))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.interval = QDoubleSpinBox()
        self.interval.setRange(5.0, 3600.0)
        self.interval.setDecimals(0)
        self.interval.setSuffix(" s")
        self.file_path = QLineEdit()
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.clicked.connect(self._on_browse_clicked)
        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.file_path, 1)
        file_layout.addWidget(self.browse)
        self.stale = QDoubleSpinBox()
        self.stale.setRange(5.0, 3600.0)
        self.stale.setDecimals(0)
        self.stale.setSuffix(" s")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #9e9e9e;")
        self.form = QFormLayout()
        self.form.addRow(self.tr("Source"), self.kind)
        for preset in PRESETS.values():
            for param in preset.params:
                edit = QLineEdit()
                edit.setPlaceholderText(param.placeholder)
                self.params[(preset.id, param.key)] = edit
                self.form.addRow(_tr(param.label), edit)
        self.form.addRow(self.tr("Address"), self.url)
        self.form.addRow(self.tr("Headers"), self.headers)
        self.form.addRow(self.tr("Viewers (JSONPath)"), self.paths["viewers"])
        self.form.addRow(self.tr("Likes (JSONPath)"), self.paths["likes"])
        self.form.addRow(self.tr("Interactions (JSONPath)"), self.paths["interactions"])
        self.form.addRow(self.tr("Live when (JSONPath)"), self.paths["live"])
        self.secret_label = QLabel(self.tr("Token or key"))
        self.form.addRow(self.secret_label, self.secret)
        self.form.addRow(self.tr("Ask every"), self.interval)
        self.form.addRow(self.tr("File"), file_row)
        self.form.addRow(self.tr("Stale after"), self.stale)
        self._file_row = file_row
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #e0312f;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Close)
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.clicked.connect(self._on_apply_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(QLabel(self.tr("Tokens and keys are kept in the system keyring, never in a file.")))
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh_status)
        self._timer.start()
        if room is None or demo:
            self.kind.setEnabled(False)
            self.apply_button.setEnabled(False)
            self.problem.setText(
                self.tr("The demo room's audience is simulated.")
                if demo
                else self.tr("Save this connection as a room first (Connection ▸ Rooms…); the source is kept with it.")
            )
            self._on_kind_changed()
        else:
            self.load(controller.audience_config(room))
        self.refresh_status()

    # ------------------------------------------------------------------ form <-> configuration
    def choice(self) -> str:
        return str(self.kind.currentData())

    def load(self, config: AudienceConfig) -> None:
        choice = config.preset or config.kind
        self.kind.setCurrentIndex(self.CHOICES.index(choice))
        for (preset, key), edit in self.params.items():
            edit.setText(config.param(key) if preset == config.preset else "")
        self.url.setText(config.url)
        self.headers.setPlainText("\n".join(f"{name}: {value}" for name, value in config.headers))
        for name, edit in self.paths.items():
            edit.setText(getattr(config, name))
        self.interval.setValue(config.interval_s)
        self.file_path.setText(config.path)
        self.stale.setValue(config.stale_after_s)
        self.secret.clear()
        self._on_kind_changed()

    def config(self) -> AudienceConfig:
        """What the form says; SpecError for headers that cannot be read."""
        choice = self.choice()
        if choice in PRESETS:
            params = tuple(
                (key, edit.text().strip()) for (preset, key), edit in self.params.items() if preset == choice
            )
            return AudienceConfig(kind="http", preset=choice, params=params, interval_s=self.interval.value())
        if choice == "http":
            # The JSON paths by field name (viewers_path…): AudienceConfig checks them, not the form.
            paths: dict[str, Any] = {name: edit.text().strip() for name, edit in self.paths.items()}
            return AudienceConfig(
                kind="http",
                url=self.url.text().strip(),
                headers=parse_headers(self.headers.toPlainText()),
                interval_s=self.interval.value(),
                **paths,
            )
        if choice == "file":
            return AudienceConfig(kind="file", path=self.file_path.text().strip(), stale_after_s=self.stale.value())
        return AudienceConfig()

    @Slot()
    def _on_kind_changed(self) -> None:
        choice = self.choice()
        preset = PRESETS.get(choice)
        for (owner, _), edit in self.params.items():
            self.form.setRowVisible(edit, owner == choice)
        for widget in (self.url, self.headers, *self.paths.values()):
            self.form.setRowVisible(widget, choice == "http")
        wants_secret = choice == "http" or (preset is not None and preset.secret_label is not None)
        self.form.setRowVisible(self.secret, wants_secret)
        self.secret_label.setText(_tr(preset.secret_label) if preset and preset.secret_label else self.tr("Secret"))
        self.form.setRowVisible(self.interval, choice == "http" or preset is not None)
        self.interval.setMinimum(preset.min_interval_s if preset else 5.0)
        self.form.setRowVisible(self._file_row, choice == "file")
        self.form.setRowVisible(self.stale, choice == "file")
        stored = self._secret_stored
        self.secret.setPlaceholderText(self.tr("unchanged (kept in the keyring)") if stored else "")
        if preset is not None:
            self.note.setText(_tr(preset.note))
        elif choice == "http":
            self.note.setText(
                self.tr(
                    "Any address that answers JSON. Write {secret} where the token or key goes; figures such as "
                    "“1.2万” or “2.2K” are understood."
                )
            )
        elif choice == "file":
            self.note.setText(
                self.tr(
                    "A CSV or TSV file whose first row names the columns: a time column and any of viewers, likes "
                    "and interactions (English or Chinese names, e.g. 时间, 在线人数, 点赞数, 评论数). New rows are "
                    "followed as they are added."
                )
            )
        else:
            self.note.setText(self.tr("The audience graph stays empty."))

    @Slot()
    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Audience file"), self.file_path.text(), self.tr("Tables (*.csv *.tsv *.txt);;All files (*)")
        )
        if path:
            self.file_path.setText(path)

    @Slot()
    def _on_apply_clicked(self) -> None:
        if self.room is None:
            return
        try:
            config = self.config()
            config.check()
        except SpecError as exc:
            self.problem.setText(exc.detail.message.in_language(QCoreApplication.translate))
            return
        secret = self.secret.text() or None
        if config.needs_secret and secret is None and not self._secret_stored:
            self.problem.setText(self.tr("Enter the %1.").replace("%1", self.secret_label.text()))
            return
        problem = self.controller.save_audience(self.room, config, secret)
        self.problem.setText(problem or "")
        if problem is None:
            self._secret_stored = self._secret_stored or bool(secret)
            self.secret.clear()
            self._on_kind_changed()
            self.refresh_status()

    @Slot()
    def refresh_status(self) -> None:
        text, colour = describe(self.telemetry.audience)
        self.status.setText(self.tr("Now: %1").replace("%1", text))
        self.status.setStyleSheet(f"color: {colour};")
