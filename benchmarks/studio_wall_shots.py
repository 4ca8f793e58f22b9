"""Opens the studio wall with twelve rooms in mixed states (RoomStatus values and real JPEG pictures drawn with
QImage, through the in-memory StudioSource of the tests and the real StudioController), to look at it and take
screenshots on an X display. Not a product flag: a script.

Run: DISPLAY=:83 python -m benchmarks.studio_wall_shots --lang zh_CN [--size tv] [--full-screen] [--problem]
     [--seconds 30] [--grab shot.png]"""

from __future__ import annotations

import argparse
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=["en", "zh_CN"], default="en")
    parser.add_argument("--size", choices=["normal", "tv", "fit"], default="normal")
    parser.add_argument("--full-screen", action="store_true")
    parser.add_argument("--problem", action="store_true", help="the source says the database is unreachable")
    parser.add_argument("--rooms", type=int, default=12, help="12 mixed rooms, or more (copies) up to 50")
    parser.add_argument("--seconds", type=float, default=30.0, help="stay open this long")
    parser.add_argument("--grab", metavar="PNG", help="also save the wall's own picture after 3 s")
    args = parser.parse_args(argv)
    app = QApplication(sys.argv[:1])
    from dataclasses import replace

    from console.core.studio.status import StudioProblem
    from console.i18n import install_translator
    from console.studio_controller import DIRECT, StudioController
    from tests.gui.test_studio_wall_source import QUIET, a_second_later, jpeg, studio_of_twelve
    from widgets.studio_wall import StudioWall

    install_translator(app, args.lang)
    now = time.time()
    source = studio_of_twelve(now)
    rooms = source.rooms()
    for index in range(len(rooms), args.rooms):
        copy = rooms[index % len(rooms)]
        name = f"{copy.room} #{index // len(rooms) + 1}"
        source.publish(replace(copy, room=name))
        source.set_picture(name, now - 3, jpeg(name.split(" ")[0], index * 29))
    step = [0]

    def second() -> None:  # the rooms' consoles report once a second (all but the quiet one)
        step[0] += 1
        t = time.time()
        source.publish(*(a_second_later(s, t, step[0]) for s in source.rooms() if not s.room.startswith(QUIET)))

    ticker = QTimer()
    ticker.timeout.connect(second)
    ticker.start(1000)
    wall = StudioWall(title="benchmarks/studio_wall_shots")
    controller = StudioController(source, wall, DIRECT, lambda room: print("opened:", room, flush=True))
    wall.set_size(args.size)
    if args.full_screen:
        wall.showFullScreen()
    else:
        wall.showMaximized()
    controller.start()
    if args.problem:
        QTimer.singleShot(500, lambda: source.fail(StudioProblem.DATABASE_UNREACHABLE, ""))
    if args.grab:
        QTimer.singleShot(3000, lambda: wall.grab().save(args.grab))
    QTimer.singleShot(round(args.seconds * 1000), app.quit)
    code = app.exec()
    controller.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
