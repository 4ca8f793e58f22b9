"""ChannelStrip: one audio input — name, level meter, mute button and a volume fader in dB, mirrored both ways."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from obs.state import InputState
from widgets.level_meter import LevelMeter

FADER_MIN_DB = -60  # the fader's bottom position means silence (-inf)


class ChannelStrip(QWidget):
    sig_mute_toggled = Signal(str, bool)
    sig_volume_changed = Signal(str, float)  # input name, dB (-100 = silence)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.label = QLabel(name)
        self.label.setMinimumWidth(90)
        self.label.setStyleSheet("font-size: 14px; font-weight: 600;")
        self.meter = LevelMeter(self)
        self.mute = QPushButton(self.tr("Mute"))
        self.mute.setCheckable(True)
        self.mute.setFixedWidth(70)
        self.fader = QSlider(Qt.Orientation.Horizontal)
        self.fader.setRange(FADER_MIN_DB, 0)
        self.fader.setMinimumWidth(120)
        self.db_label = QLabel()
        self.db_label.setFixedWidth(70)
        self.db_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(self.label)
        top.addWidget(self.meter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.mute)
        bottom.addWidget(self.fader, 1)
        bottom.addWidget(self.db_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self.mute.clicked.connect(self._on_mute_clicked)
        self.fader.sliderReleased.connect(self._on_fader_released)
        self.fader.valueChanged.connect(self._on_fader_value_changed)

    def apply(self, item: InputState) -> None:
        """Show OBS's values; a fader the user is dragging is left alone."""
        muted = bool(item.muted)
        self.mute.setChecked(muted)
        self.mute.setText(self.tr("Muted") if muted else self.tr("Mute"))
        self.mute.setStyleSheet("background: #b3261e; color: white; font-weight: 600;" if muted else "")
        self.meter.set_muted(muted)
        if item.volume_db is not None and not self.fader.isSliderDown():
            self.fader.blockSignals(True)
            self.fader.setValue(max(FADER_MIN_DB, min(0, round(item.volume_db))))
            self.fader.blockSignals(False)
            self._show_db(item.volume_db)

    def _show_db(self, db: float) -> None:
        self.db_label.setText("-∞ dB" if db <= FADER_MIN_DB else f"{db:.1f} dB")

    @Slot(bool)
    def _on_mute_clicked(self, checked: bool) -> None:
        self.sig_mute_toggled.emit(self.name, checked)

    @Slot(int)
    def _on_fader_value_changed(self, value: int) -> None:
        self._show_db(float(value))
        if not self.fader.isSliderDown():  # keyboard / wheel changes apply at once
            self._on_fader_released()

    @Slot()
    def _on_fader_released(self) -> None:
        value = self.fader.value()
        self.sig_volume_changed.emit(self.name, -100.0 if value <= FADER_MIN_DB else float(value))
