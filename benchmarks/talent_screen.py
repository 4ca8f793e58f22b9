"""What the talent screen costs beside the console for hours: one second's update (a new position from the
rundown controller: the remaining time changes) repainted, against a whole repaint, at 1920×1080. Prints
figures; asserts nothing. Run: QT_QPA_PLATFORM=offscreen python -m benchmarks.talent_screen"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

ROUNDS = 600


def main() -> None:
    app = QApplication([])
    from console.bridge import ObsBridge
    from console.settings import Settings
    from console.telemetry_controller import TelemetryController
    from tests.gui.test_talent_screen import PLAN, TestPort
    from widgets.talent_screen import TalentScreen

    settings = Settings(Path(tempfile.mkdtemp()))
    bridge = ObsBridge()
    telemetry = TelemetryController(bridge, store=False)
    port = TestPort(PLAN)
    screen = TalentScreen(port, bridge, telemetry, settings)
    screen.resize(1920, 1080)
    screen.show()
    app.processEvents()
    port.go()
    app.processEvents()

    def timed(step: Callable[[int], None]) -> list[float]:
        spent = []
        for second in range(ROUNDS):
            start = time.perf_counter()
            step(second)
            spent.append((time.perf_counter() - start) * 1000)
        return spent

    def tick(second: int) -> None:
        port.at(float(second % 400))  # ahead, the last minute, over: every colour
        screen.repaint(screen.rect_of("timer"))  # what Qt repaints for it: the timer's band only

    def whole(_second: int) -> None:
        screen.repaint()

    for name, step in (("one second's update (timer band)", tick), ("whole screen repaint", whole)):
        spent = timed(step)
        print(
            f"{name}: median {statistics.median(spent):.2f} ms, p95 {sorted(spent)[int(len(spent) * 0.95)]:.2f} ms "
            f"over {ROUNDS} rounds"
        )
    screen.close()
    telemetry.shutdown()
    bridge.shutdown()


if __name__ == "__main__":
    main()
