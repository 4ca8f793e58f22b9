"""RoomsDialog: add, edit, delete and connect to saved rooms (OBS connection profiles)."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from checklists.roles import ROLES
from console.core.rooms import Room
from obs.protocol import DEFAULT_PORT

#: A checklist name longer than this is shortened in the dialog (whole in the tooltip): an OBS name may be 256 long.
MAX_SHOWN = 48


class RoomsController(Protocol):
    """What the dialog asks of the application; each returns a problem to show, or None."""

    def list_rooms(self) -> list[Room]: ...

    def save_room(self, room: Room, replacing: str | None, password: str | None) -> str | None: ...

    def delete_room(self, name: str) -> str | None: ...

    def connect_room(self, name: str) -> str | None: ...

    def keeps_passwords(self) -> bool: ...


class RoomsDialog(QDialog):
    def __init__(self, controller: RoomsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Rooms"))
        self.list = QListWidget()
        self.name = QLineEdit()
        self.host = QLineEdit()
        self.host.setPlaceholderText("192.168.1.20")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("unchanged"))
        self.mics = QLineEdit()
        self.mics.setPlaceholderText(self.tr("detect: audio inputs named mic or 麦"))
        self.mics.setToolTip(
            self.tr("The OBS inputs that are this room's microphones, separated by commas (the audio health rules)")
        )
        #: What the room's OBS calls the checklists' roles: shown here, chosen in the Checklist dock (Choose…).
        self.checklist_names = QLabel()
        # One line per name, never wrapped: a wrapped label's second line was cut off by the form (its height is
        # not asked for the width it gets); a very long name is shortened here and shown whole in the tooltip.
        self.checklist_names.setWordWrap(False)
        self._names_help = self.tr(
            "Chosen from OBS's own list in the Checklist dock (Choose…); kept when the room is edited here"
        )
        self.checklist_names.setToolTip(self._names_help)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #e0312f;")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("OBS computer"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Microphones"), self.mics)
        form.addRow(self.tr("Checklist names"), self.checklist_names)
        self.new_button = QPushButton(self.tr("New room"))
        self.save_button = QPushButton(self.tr("Save"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.connect_button = QPushButton(self.tr("Connect"))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button, self.connect_button):
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        right = QVBoxLayout()
        right.addLayout(form)
        # Said as it is on this system (walk20: "kept in the system keyring" read on a system without one, where the
        # password was gone at the next start).
        self.keyring_note = QLabel(
            self.tr("The password is kept in the system keyring, never in a file.")
            if controller.keeps_passwords()
            else self.tr(
                "This system has no keyring: a password works for this session only (never written to a file) "
                "and is entered again after a restart."
            )
        )
        self.keyring_note.setWordWrap(True)
        right.addWidget(self.keyring_note)
        right.addWidget(self.problem)
        right.addLayout(buttons)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(close)
        self._editing: str | None = None
        self.list.currentTextChanged.connect(self._on_list_selected)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.connect_button.clicked.connect(self._on_connect_clicked)
        close.rejected.connect(self.reject)
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        names = [r.name for r in self.controller.list_rooms()]
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems(names)
        self.list.blockSignals(False)
        if select in names:
            self.list.setCurrentRow(names.index(select))
        elif names:
            self.list.setCurrentRow(0)
        else:
            self._on_new_clicked()

    @Slot(str)
    def _on_list_selected(self, name: str) -> None:
        room = next((r for r in self.controller.list_rooms() if r.name == name), None)
        if room is None:
            return
        self._editing = room.name
        self.name.setText(room.name)
        self.host.setText(room.host)
        self.port.setValue(room.port)
        self.mics.setText(", ".join(room.mics))
        self._show_mics_default(room)
        self._show_checklist_names(room)
        self.password.clear()
        self.problem.clear()

    @Slot()
    def _on_new_clicked(self) -> None:
        self._editing = None
        self.list.clearSelection()
        self.name.clear()
        self.host.clear()
        self.port.setValue(DEFAULT_PORT)
        self.mics.clear()
        self._show_mics_default(None)
        self._show_checklist_names(None)
        self.password.clear()
        self.problem.clear()
        self.name.setFocus()

    def _show_mics_default(self, room: Room | None) -> None:
        """What an empty Microphones field means for this room: the microphone chosen for its checklists, if any
        (Room.microphones), else the inputs detected by name."""
        mic = room.names.get("mic", "") if room is not None else ""
        self.mics.setPlaceholderText(
            self.tr("the checklists' microphone: %1").replace("%1", mic)
            if mic
            else self.tr("detect: audio inputs named mic or 麦")
        )

    def _show_checklist_names(self, room: Room | None) -> None:
        """One line per role the room has named ("Opening scene: Opening"), or how they get named."""
        lines = [
            self.tr("%1: %2")
            .replace("%1", QCoreApplication.translate("ChecklistRoles", ROLES[role].label))
            .replace("%2", name)
            for role, name in (room.checklist_names if room is not None else ())
            if role in ROLES
        ]
        shown = [line if len(line) <= MAX_SHOWN else line[: MAX_SHOWN - 1] + "…" for line in lines]
        self.checklist_names.setText("\n".join(shown) or self.tr("None chosen yet (Checklist dock: Choose…)"))
        self.checklist_names.setToolTip("\n".join([*lines, "", self._names_help]) if lines else self._names_help)

    def _show(self, problem: str | None) -> bool:
        self.problem.setText(problem or "")
        return problem is None

    @Slot()
    def _on_save_clicked(self) -> None:
        edited = next((r for r in self.controller.list_rooms() if r.name == self._editing), None)
        mics = tuple(dict.fromkeys(m.strip() for m in self.mics.text().replace("，", ",").split(",") if m.strip()))
        room = Room(self.name.text().strip(), self.host.text().strip(), self.port.value(), mics=mics)
        if edited is not None:
            # Set in their own dialogs; kept across an edit here.
            room = replace(room, audience=edited.audience, chat=edited.chat, checklist_names=edited.checklist_names)
        password = self.password.text() if (self.password.text() or self._editing is None) else None
        if self._show(self.controller.save_room(room, self._editing, password)):
            self._editing = room.name
            self.password.clear()
            self.refresh(select=room.name)

    @Slot()
    def _on_delete_clicked(self) -> None:
        if self._editing and self._show(self.controller.delete_room(self._editing)):
            self.refresh()

    @Slot()
    def _on_connect_clicked(self) -> None:
        if self._editing is None:
            self._on_save_clicked()
        if self._editing and self._show(self.controller.connect_room(self._editing)):
            self.accept()
