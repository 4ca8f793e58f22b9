"""What the studio wall costs: 50 rooms whose consoles report once a second (every status changes: alive, viewers
moving), through the real StudioController (its hop from the source's thread, its pictures worker) onto the wall
at 1920×1080, painted as a window would be. Prints the process's CPU over the run and the time one second's update
and one whole repaint take; asserts nothing.

Run: QT_QPA_PLATFORM=offscreen python -m benchmarks.studio_wall [--seconds 60] [--rooms 50]
(with DISPLAY set and no QT_QPA_PLATFORM it paints on that X display instead)."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--rooms", type=int, default=50)
    args = parser.parse_args(argv)
    app = QApplication(sys.argv[:1])
    from dataclasses import replace

    from console.studio_controller import DIRECT, StudioController
    from tests.gui.test_studio_wall_source import MemoryStudio, a_second_later, jpeg, mixed_rooms
    from widgets.studio_wall import StudioWall

    now = time.time()
    base = mixed_rooms(now)
    rooms = [replace(base[i % len(base)], room=f"room {i:02d} {base[i % len(base)].room}") for i in range(args.rooms)]
    rooms = [replace(s, at=now, heartbeat=now) for s in rooms]
    source = MemoryStudio(rooms)
    for index, status in enumerate(rooms):
        source.set_picture(status.room, now, jpeg(str(index), index * 29))
    wall = StudioWall()
    controller = StudioController(source, wall, DIRECT)
    wall.resize(1920, 1080)
    wall.set_size("fit")
    wall.show()
    controller.start()
    step = [0]
    updates: list[float] = []

    def second() -> None:
        step[0] += 1
        t = time.time()
        source.publish(*(a_second_later(s, t, step[0]) for s in source.rooms()))

    def measure_update() -> None:  # one second's statuses straight onto the wall, then painted
        t = time.time()
        statuses = [a_second_later(s, t, step[0]) for s in source.rooms()]
        start = time.perf_counter()
        wall.set_statuses(statuses)
        wall.tick()
        wall.repaint()
        updates.append(time.perf_counter() - start)

    ticker = QTimer()
    ticker.timeout.connect(second)
    ticker.start(1000)
    # Warm up (fonts, the first pictures), then measure the steady state.
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    cpu0, wall0 = time.process_time(), time.monotonic()
    QTimer.singleShot(round(args.seconds * 1000), app.quit)
    app.exec()
    cpu, elapsed = time.process_time() - cpu0, time.monotonic() - wall0
    for _ in range(30):
        measure_update()
    whole: list[float] = []
    for _ in range(30):
        start = time.perf_counter()
        wall.grab()
        whole.append(time.perf_counter() - start)
    platform = app.platformName()
    controller.close()
    print(f"studio wall, {args.rooms} rooms reporting at 1 Hz, 1920x1080 ({platform}), {elapsed:.0f} s:")
    print(f"  CPU of the process: {100 * cpu / elapsed:.2f} % of one core (source thread, hop, pictures, painting)")
    print(
        f"  one second's update of every tile, painted: median {1000 * statistics.median(updates):.1f} ms, "
        f"max {1000 * max(updates):.1f} ms"
    )
    print(f"  the whole wall rendered (grab): median {1000 * statistics.median(whole):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
