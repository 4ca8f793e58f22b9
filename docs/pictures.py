"""Pictures of the console in use, for the README: run on a real X screen (Xvfb + openbox), see docs/pictures.sh.

`onair --screenshot` shows the console idle. These pictures show each workspace doing its work on the demo room:
a checklist run signed by a person, the stream on air with its tally, studio mode with the preview, a fault
the Health dock has found. Prints, per picture, the window's size with its frame against the screen's.

    DISPLAY=:N python docs/pictures.py OUTDIR LANG WORKSPACE [WORKSPACE ...]
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from console.app import Console, Options
from console.settings import Settings

OPERATOR = {"en": "Lee", "zh_CN": "小李"}


def pump(seconds: float, until: Callable[[], bool] | None = None) -> None:
    """Runs the event loop for `seconds`, or until `until()` is true."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not (until is not None and until()):
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()


def picture(app: QApplication, out: Path, lang: str, workspace: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(Path(folder))
        console = Console(app, Options(demo=True, workspace=workspace, lang=lang), settings)
        window = console.window
        try:
            window.show()
            pump(15, lambda: console.bridge.state.connected and bool(window.scenes.tiles))
            sim = console.simulator
            assert sim is not None
            if workspace in ("Assistant", "Technician"):
                template = "host-assistant-pre-show" if workspace == "Assistant" else "technician-pre-show"
                panel = window.checklist
                panel.template.setCurrentIndex(panel.template.findData(template))
                panel.operator.setText(OPERATOR[lang])
                panel.start_button.click()
                pump(8, lambda: window.checklists.run is not None and not window.checklists.checking)
            if workspace in ("Streamer", "Technician", "Analyst"):
                window.output.gate = lambda: True
                window.output.confirm = lambda *args: True
                window.output.stream_button.click()
            if workspace == "Streamer":
                window.scenes.studio_mode.click()
                pump(3, lambda: console.bridge.state.studio_mode)
                names = list(window.scenes.tiles)
                window.scenes.activate_index(min(2, len(names) - 1))
            if workspace == "Technician":
                sim.call(lambda s: s.inject("congestion", 0.8))
                sim.call(lambda s: s.inject("render-lag", 0.6))
            pump(12 if workspace in ("Technician", "Analyst") else 5)
            path = out / f"{workspace}-{lang}.png"
            window.grab().save(str(path))
            screen = window.screen().availableGeometry()
            frame = window.frameGeometry()
            print(f"{path}  window {frame.width()}x{frame.height()} on screen {screen.width()}x{screen.height()}")
        finally:
            window._leaving_confirmed = True  # on air on purpose: no question on the way out
            window.close()
            console.shutdown()


def main() -> int:
    out, lang, workspaces = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    for workspace in workspaces:
        picture(app, out, lang, workspace)
    return 0


if __name__ == "__main__":
    sys.exit(main())
