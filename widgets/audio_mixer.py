"""AudioMixer: a ChannelStrip per audio input, live meters at OBS's 20 Hz, mute and volume both ways."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from obs.commands import SetInputMute, SetInputVolume
from obs.state import ObsState
from widgets.channel_strip import ChannelStrip
from widgets.ports import ObsPort


class AudioMixer(QWidget):
    def __init__(self, bridge: ObsPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.strips: dict[str, ChannelStrip] = {}
        self._names: tuple[str, ...] = ()
        self.empty_label = QLabel(self.tr("No audio inputs"))
        self.host = QWidget()
        self.strip_layout = QVBoxLayout(self.host)
        self.strip_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.host)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(scroll, 1)
        self.bridge.sig_state_changed.connect(self._on_bridge_state_changed)
        #: False while nobody can see the meters (the window minimised): frames are not drawn.
        self.active = True
        self.bridge.sig_meters_updated.connect(self._on_bridge_meters_updated)
        self._on_bridge_state_changed(bridge.state)

    @Slot(object)
    def _on_bridge_state_changed(self, state: ObsState) -> None:
        names = tuple(i.name for i in state.audio_inputs)
        if names != self._names:
            for strip in self.strips.values():
                strip.deleteLater()
            self.strips = {}
            for index, name in enumerate(names):
                strip = ChannelStrip(name, self.host)
                strip.sig_mute_toggled.connect(self._on_strip_mute_toggled)
                strip.sig_volume_changed.connect(self._on_strip_volume_changed)
                self.strip_layout.insertWidget(index, strip)
                self.strips[name] = strip
            self._names = names
        for item in state.audio_inputs:
            self.strips[item.name].apply(item)
            # OBS not connected, or not answering: its last levels would stand still on the meters as if the room
            # sounded so now; the bars empty until OBS speaks again (its next meter frame fills them).
            self.strips[item.name].setEnabled(state.controllable)
            if not state.controllable:
                self.strips[item.name].meter.clear()
        self.empty_label.setVisible(not names)

    def set_active(self, active: bool) -> None:
        """Draw the meters' frames (True) or let them pass (False); the next frame after True fills them."""
        self.active = active

    @Slot(object)
    def _on_bridge_meters_updated(self, meters: dict[str, list[list[float]]]) -> None:
        if not self.active or not self.isVisible():
            return
        for name, levels in meters.items():
            strip = self.strips.get(name)
            if strip is not None:
                strip.meter.set_levels(levels)

    @Slot(str, bool)
    def _on_strip_mute_toggled(self, name: str, muted: bool) -> None:
        self.bridge.send(SetInputMute(name, muted))

    @Slot(str, float)
    def _on_strip_volume_changed(self, name: str, db: float) -> None:
        self.bridge.send(SetInputVolume(name, db))
