"""ScenesPanel: scene tiles with tally; click or keys 1–9 to switch; studio mode, armed mode, transitions."""

from __future__ import annotations

import time
from functools import partial
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from obs.commands import (
    GetSourceScreenshot,
    SetPreviewScene,
    SetProgramScene,
    SetSceneTransition,
    SetStudioMode,
    SetTransitionDuration,
    TriggerStudioTransition,
)
from obs.state import ObsState
from widgets.ports import ObsPort
from widgets.scene_tile import CHROME, THUMB, THUMB_MAX, SceneTile

THUMBNAIL_INTERVAL_MS = 1000
ARM_WINDOW_S = 2.0
SPACING = 8


def tile_grid(count: int, width: int, height: int) -> tuple[int, QSize]:
    """Columns and thumbnail size that show `count` 16:9 tiles as large as a width×height area allows, all in
    sight if they can be; below THUMB the tiles keep THUMB's size and the area scrolls."""
    if count <= 0:
        return 1, QSize(THUMB)
    best_columns, best_width = 1, 0
    for columns in range(1, count + 1):
        rows = -(-count // columns)
        by_width = (width - SPACING * (columns - 1)) // columns - CHROME.width()
        by_height = ((height - SPACING * (rows - 1)) // rows - CHROME.height()) * 16 // 9
        fitted = min(by_width, by_height)
        if fitted > best_width:
            best_columns, best_width = columns, fitted
    if best_width < THUMB.width():  # cannot all be in sight: as many columns of the smallest tiles as fit
        columns = max(1, (width + SPACING) // (THUMB.width() + CHROME.width() + SPACING))
        return columns, QSize(THUMB)
    thumb_width = min(best_width, THUMB_MAX.width())
    return best_columns, QSize(thumb_width, thumb_width * 9 // 16)


class ScenesPanel(QWidget):
    sig_switch_requested = Signal(str)

    def __init__(self, bridge: ObsPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.tiles: dict[str, SceneTile] = {}
        self._scenes: tuple[str, ...] = ()
        self._armed: tuple[str, float] | None = None
        self._thumbnails_active = False
        self._outstanding: set[str] = set()
        self.thumb_size = QSize(THUMB)

        self.studio_mode = QCheckBox(self.tr("Studio mode"))
        self.armed_mode = QCheckBox(self.tr("Confirm switches (click twice)"))
        self.transition_button = QPushButton(self.tr("Transition"))
        self.transition_button.setToolTip(self.tr("Take the preview scene to program"))
        self.transition_kind = QComboBox()
        self.transition_duration = QSpinBox()
        self.transition_duration.setRange(50, 20000)
        self.transition_duration.setSingleStep(50)
        self.transition_duration.setSuffix(" ms")
        self.empty_label = QLabel(self.tr("Waiting for OBS…"))

        controls = QHBoxLayout()
        controls.addWidget(self.studio_mode)
        controls.addWidget(self.transition_button)
        controls.addStretch(1)
        controls.addWidget(QLabel(self.tr("Transition:")))
        controls.addWidget(self.transition_kind)
        controls.addWidget(self.transition_duration)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(SPACING)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.armed_mode)
        layout.addWidget(self.empty_label)
        layout.addWidget(scroll, 1)

        self._thumb_timer = QTimer(self)
        self._thumb_timer.setInterval(THUMBNAIL_INTERVAL_MS)
        self._connect_signals()
        self._on_bridge_state_changed(bridge.state)

    def _connect_signals(self) -> None:
        self.bridge.sig_state_changed.connect(self._on_bridge_state_changed)
        self.studio_mode.clicked.connect(self._on_studio_mode_clicked)
        self.transition_button.clicked.connect(self._on_transition_clicked)
        self.transition_kind.activated.connect(self._on_transition_kind_activated)
        self.transition_duration.editingFinished.connect(self._on_transition_duration_edited)
        self._thumb_timer.timeout.connect(self._on_thumb_timer_tick)

    # ------------------------------------------------------------------ state in
    @Slot(object)
    def _on_bridge_state_changed(self, state: ObsState) -> None:
        if state.scenes != self._scenes:
            self._rebuild(state.scenes)
        for name, tile in self.tiles.items():
            tile.set_tally(name == state.program_scene, state.studio_mode and name == state.preview_scene)
            tile.setEnabled(state.controllable)  # greyed while OBS answers nothing: a click would not happen now
        self.studio_mode.setChecked(state.studio_mode)
        self.transition_button.setVisible(state.studio_mode)
        for widget in (self.studio_mode, self.transition_button, self.transition_kind, self.transition_duration):
            widget.setEnabled(state.controllable)
        if [self.transition_kind.itemText(i) for i in range(self.transition_kind.count())] != list(state.transitions):
            self.transition_kind.clear()
            self.transition_kind.addItems(list(state.transitions))
        if state.transition:
            self.transition_kind.setCurrentText(state.transition)
        self.transition_duration.setEnabled(state.controllable and state.transition_duration_ms is not None)
        if state.transition_duration_ms is not None and not self.transition_duration.hasFocus():
            self.transition_duration.setValue(state.transition_duration_ms)
        self.empty_label.setVisible(not state.scenes)

    def _rebuild(self, scenes: tuple[str, ...]) -> None:
        for tile in self.tiles.values():
            tile.deleteLater()
        self.tiles = {}
        self._scenes = scenes
        for index, name in enumerate(scenes):
            tile = SceneTile(name, index + 1 if index < 9 else None, self.grid_host)
            tile.sig_clicked.connect(self._on_tile_clicked)
            self.tiles[name] = tile
        self._layout_tiles()
        self._on_thumb_timer_tick()

    def _layout_tiles(self) -> None:
        """Tiles grow with the dock (the Streamer's tiles were 150 px wide in a 950×700 dock)."""
        area = self.scroll_area.maximumViewportSize()
        columns, size = tile_grid(len(self._scenes), area.width() - 2, area.height() - 2)
        self.thumb_size = size
        for index, name in enumerate(self._scenes):
            tile = self.tiles[name]
            tile.set_thumbnail_size(size)
            self.grid.addWidget(tile, index // columns, index % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout_tiles()

    # ------------------------------------------------------------------ user actions
    def activate_index(self, index: int) -> None:
        """Keys 1–9: the scene at that position, as if its tile were clicked."""
        if 0 <= index < len(self._scenes):
            self._on_tile_clicked(self._scenes[index])

    @Slot(str)
    def _on_tile_clicked(self, name: str) -> None:
        state = self.bridge.state
        if not state.connected:
            return
        if self.armed_mode.isChecked():
            armed = self._armed
            if armed is None or armed[0] != name or time.monotonic() - armed[1] > ARM_WINDOW_S:
                self._set_armed(name)
                return
            self._set_armed(None)
        if state.studio_mode:
            self.bridge.send(SetPreviewScene(name))
        else:
            self.sig_switch_requested.emit(name)
            self.bridge.send(SetProgramScene(name))

    def _set_armed(self, name: str | None) -> None:
        self._armed = (name, time.monotonic()) if name else None
        for tile_name, tile in self.tiles.items():
            tile.set_armed(tile_name == name)
        if name:
            QTimer.singleShot(int(ARM_WINDOW_S * 1000), self._on_arm_expired)

    @Slot()
    def _on_arm_expired(self) -> None:
        if self._armed is not None and time.monotonic() - self._armed[1] >= ARM_WINDOW_S - 0.05:
            self._set_armed(None)

    @Slot(bool)
    def _on_studio_mode_clicked(self, checked: bool) -> None:
        self.bridge.send(SetStudioMode(checked))

    @Slot()
    def _on_transition_clicked(self) -> None:
        self.transition()

    def transition(self) -> None:
        """Studio mode: the preview scene goes to program (the button, or the Transition keys)."""
        state = self.bridge.state
        if state.connected and state.studio_mode:
            self.bridge.send(TriggerStudioTransition())

    @Slot(int)
    def _on_transition_kind_activated(self, index: int) -> None:
        name = self.transition_kind.itemText(index)
        self.bridge.send(SetSceneTransition(name))

    @Slot()
    def _on_transition_duration_edited(self) -> None:
        value = self.transition_duration.value()
        if value != self.bridge.state.transition_duration_ms:
            self.bridge.send(SetTransitionDuration(value))

    # ------------------------------------------------------------------ thumbnails (~1 fps, only while visible)
    def set_thumbnails_active(self, active: bool) -> None:
        self._thumbnails_active = active
        if active:
            self._thumb_timer.start()
            self._on_thumb_timer_tick()
        else:
            self._thumb_timer.stop()

    @Slot()
    def _on_thumb_timer_tick(self) -> None:
        if not self._thumbnails_active or not self.bridge.state.controllable:
            return
        for name in self._scenes:
            tile = self.tiles.get(name)
            if name in self._outstanding or tile is None or tile.visibleRegion().isEmpty():
                continue  # never pile up requests on a slow OBS; tiles scrolled out of sight need no picture
            self._outstanding.add(name)
            self.bridge.send(
                GetSourceScreenshot(name, self.thumb_size.width(), self.thumb_size.height(), quality=70),
                on_done=partial(self._on_thumbnail_done, name),  # a partial: dropped if this panel is deleted
            )

    def _on_thumbnail_done(self, scene: str, result: dict[str, Any] | None, error: BaseException | None) -> None:
        self._outstanding.discard(scene)
        tile = self.tiles.get(scene)
        if tile is None or error is not None or result is None:
            return
        tile.set_thumbnail_data(str(result.get("imageData", "")))
