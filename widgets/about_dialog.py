"""AboutDialog: what is running — the console's version, the OBS and obs-websocket it talks to, Qt's."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, Slot, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from obs.messages import LinkStatus
from widgets.ports import ObsPort


class AboutDialog(QDialog):
    """The figures a technician is asked for when reporting a problem; selectable, so they can be copied."""

    def __init__(self, bridge: ObsPort, version: str, parent: QWidget | None = None) -> None:
        """`version`: the console's own (the composition root knows it)."""
        super().__init__(parent)
        self.bridge = bridge
        self.setWindowTitle(self.tr("About OnAir Console"))
        title = QLabel(self.tr("OnAir Console"))
        title.setStyleSheet("font-size: 18px; font-weight: 700;")
        blurb = QLabel(self.tr("A control console for the live-streaming room, driving OBS Studio over obs-websocket."))
        blurb.setWordWrap(True)
        self.console_version = QLabel(version)
        self.obs_version = QLabel()
        self.websocket_version = QLabel()
        self.qt_version = QLabel(
            self.tr("Qt %1 (PySide6 %2)").replace("%1", qVersion()).replace("%2", PySide6.__version__)
        )
        self.python_version = QLabel(platform.python_version())
        form = QFormLayout()
        form.addRow(self.tr("Console:"), self.console_version)
        form.addRow(self.tr("OBS Studio:"), self.obs_version)
        form.addRow(self.tr("obs-websocket:"), self.websocket_version)
        form.addRow(self.tr("Qt:"), self.qt_version)
        form.addRow(self.tr("Python:"), self.python_version)
        for label in (self.console_version, self.obs_version, self.websocket_version, self.qt_version):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addLayout(form)
        layout.addWidget(buttons)
        # A bound method: Qt drops the connection with the dialog, the bridge lives on.
        bridge.sig_status_changed.connect(self._on_bridge_status_changed)
        self._on_bridge_status_changed(bridge.tracker.status)

    @Slot(object)
    def _on_bridge_status_changed(self, status: LinkStatus) -> None:
        """OBS's versions come from its Hello/GetVersion on connecting; while not connected, say so."""
        unknown = self.tr("not connected")
        self.obs_version.setText(status.obs_version or unknown)
        self.websocket_version.setText(status.obs_websocket_version or unknown)
