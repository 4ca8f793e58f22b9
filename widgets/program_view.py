"""ProgramView: a larger live view of the program output (~2 fps, only while visible)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, QTimer, Slot
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from console.bridge import ObsBridge
from widgets.pixmaps import PictureView, pixmap_from_data_uri

INTERVAL_MS = 500


class ProgramView(QWidget):
    def __init__(self, bridge: ObsBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.image = PictureView(self.tr("No picture from OBS"))
        self.image.setMinimumSize(QSize(320, 180))
        self.image.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.image)
        self.frames = 0
        self._outstanding = False
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_tick)

    def set_active(self, active: bool) -> None:
        if active:
            self._timer.start()
            self._on_timer_tick()
        else:
            self._timer.stop()

    @Slot()
    def _on_timer_tick(self) -> None:
        state = self.bridge.state
        if self._outstanding or not state.connected or not state.program_scene:
            return
        self._outstanding = True
        # Ask OBS for the picture at the size it is shown: no rescaling on the GUI thread.
        video = state.video
        aspect = video.base_width / video.base_height if video and video.base_height else 16 / 9
        width = max(160, min(1920, self.image.width(), int(self.image.height() * aspect)))
        self.bridge.request(
            "GetSourceScreenshot",
            {
                "sourceName": state.program_scene,
                "imageFormat": "jpg",
                "imageWidth": width,
                "imageHeight": max(90, round(width / aspect)),
                "imageCompressionQuality": 75,
            },
            on_done=self._on_screenshot_done,
        )

    def _on_screenshot_done(self, result: dict[str, Any] | None, error: BaseException | None) -> None:
        self._outstanding = False
        if error is not None or result is None:
            return
        pixmap = pixmap_from_data_uri(str(result.get("imageData", "")))
        if pixmap is not None:
            self.frames += 1
            self.image.set_pixmap(pixmap)  # shrunk at paint time if the dock shrank since the request
