"""ProgramView: a larger live view of the program output (~2 fps, only while visible); in studio mode the preview
beside it; without a link to OBS it says so over the picture instead of showing a frame that is no longer true."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from obs.commands import GetSourceScreenshot
from obs.messages import LinkState, LinkStatus
from obs.state import ObsState
from widgets.pixmaps import PictureView
from widgets.ports import ObsPort
from widgets.scene_tile import PREVIEW_GREEN, PROGRAM_RED

INTERVAL_MS = 500


class StatusPicture(PictureView):
    """A picture that can be covered by a message in large type (no link: the last frame would lie)."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(empty_text, parent=parent)
        self.message = ""

    def set_message(self, text: str) -> None:
        if text != self.message:
            self.message = text
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.message:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1b1b1f"))
        font = QFont(self.font())
        font.setPixelSize(max(16, min(40, self.height() // 7)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#f0a020"))
        painter.drawText(
            self.rect().adjusted(8, 8, -8, -8), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message
        )


class ProgramView(QWidget):
    def __init__(self, bridge: ObsPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.image = StatusPicture(self.tr("No picture from OBS"))
        self.image.setMinimumSize(QSize(320, 180))
        self.image.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        #: Studio mode: the scene the next transition takes to program, beside it.
        self.preview = StatusPicture(self.tr("No preview from OBS"))
        self.preview.setMinimumSize(QSize(160, 90))
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview_caption = self._caption(self.tr("PREVIEW"), PREVIEW_GREEN)
        self.program_caption = self._caption(self.tr("PROGRAM"), PROGRAM_RED)
        # Preview then program, as in OBS: side by side in a wide dock, one above the other in a tall one,
        # whichever shows the pictures larger.
        self.pair = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.pair.setContentsMargins(0, 0, 0, 0)
        self.pair.setSpacing(4)
        for caption, picture in ((self.preview_caption, self.preview), (self.program_caption, self.image)):
            column = QVBoxLayout()
            column.setSpacing(0)
            column.addWidget(caption)
            column.addWidget(picture, 1)
            self.pair.addLayout(column, 1)
        self.frames = 0
        self.preview_frames = 0
        self._outstanding: set[str] = set()
        self._obs_closed = False
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_tick)
        bridge.sig_state_changed.connect(self._on_bridge_state_changed)
        bridge.sig_status_changed.connect(self._on_bridge_status_changed)
        bridge.sig_obs_closing.connect(self._on_bridge_obs_closing)
        self._on_bridge_state_changed(bridge.state)

    @staticmethod
    def _caption(text: str, colour: str) -> QLabel:
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet(f"background: {colour}; color: white; font-weight: 700; padding: 2px;")
        return label

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        width, height = self.width(), self.height()
        beside = min(width / 2, height * 16 / 9)  # a 16:9 picture's width, each in half the width…
        above = min(width, height / 2 * 16 / 9)  # …or in half the height
        direction = QBoxLayout.Direction.LeftToRight if beside >= above else QBoxLayout.Direction.TopToBottom
        if self.pair.direction() != direction:
            self.pair.setDirection(direction)

    def set_active(self, active: bool) -> None:
        if active:
            self._timer.start()
            self._on_timer_tick()
        else:
            self._timer.stop()

    # ------------------------------------------------------------------ state in
    @Slot(object)
    def _on_bridge_state_changed(self, state: ObsState) -> None:
        studio = state.connected and state.studio_mode
        for widget in (self.preview, self.preview_caption, self.program_caption):
            widget.setVisible(studio)
        # The preview's column, empty out of studio mode, kept its stretch: in a wide dock the program picture was
        # drawn in the right half, the left half blank (walk: the Streamer workspace with the event log opened).
        self.pair.setStretch(0, 1 if studio else 0)
        self._show_link(self.bridge.tracker.status)

    @Slot(object)
    def _on_bridge_status_changed(self, status: LinkStatus) -> None:
        if status.state is LinkState.CONNECTED:
            self._obs_closed = False
        self._show_link(status)

    @Slot()
    def _on_bridge_obs_closing(self) -> None:
        self._obs_closed = True
        self._show_link(self.bridge.tracker.status)

    def _show_link(self, status: LinkStatus) -> None:
        """Over the picture while there is no live link: what the team must know before trusting it."""
        if status.state is LinkState.CONNECTED and self.bridge.state.connected:
            message = ""
        elif self._obs_closed:
            message = self.tr("OBS closed")
        elif status.state is LinkState.UNRESPONSIVE:
            message = self.tr("OBS is not answering")
        else:
            message = self.tr("OBS not connected")
        for picture in (self.image, self.preview):
            if message:
                picture.set_pixmap(None)  # a reconnection starts from a fresh picture, never the old one
            picture.set_message(message)

    # ------------------------------------------------------------------ pictures (~2 fps)
    @Slot()
    def _on_timer_tick(self) -> None:
        state = self.bridge.state
        if not state.connected or self.image.message:
            return
        self._request("program", state.program_scene, self.image)
        if state.studio_mode and state.preview_scene:
            self._request("preview", state.preview_scene, self.preview)

    def _request(self, which: str, scene: str | None, picture: StatusPicture) -> None:
        if which in self._outstanding or not scene:
            return
        self._outstanding.add(which)
        # Ask OBS for the picture at the size it is shown: no rescaling on the GUI thread.
        video = self.bridge.state.video
        aspect = video.base_width / video.base_height if video and video.base_height else 16 / 9
        width = max(160, min(1920, picture.width(), int(picture.height() * aspect)))
        self.bridge.send(
            GetSourceScreenshot(scene, width, max(90, round(width / aspect)), quality=75),
            on_done=partial(self._on_screenshot_done, which),  # a partial: dropped if this view is deleted
        )

    def _on_screenshot_done(self, which: str, result: dict[str, Any] | None, error: BaseException | None) -> None:
        self._outstanding.discard(which)
        if error is not None or result is None or self.image.message:
            return
        picture = self.image if which == "program" else self.preview
        # Shrunk at paint time if the dock shrank since the request; the same picture as shown is not decoded again.
        if not picture.set_picture_data(str(result.get("imageData", ""))):
            return
        if which == "program":
            self.frames += 1
        else:
            self.preview_frames += 1
