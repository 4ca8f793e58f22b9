"""Quitting the console with a studio wall open: the application's exit closes the wall and the process ends
cleanly. walk22: the console crashed (SIGSEGV) at every quit with a wall open — the exit's handler let go of the
wall's controller while the wall's `destroyed` was still connected to it. Run in a process of its own: the crash
is the process's, not a Python exception a test could catch."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from console import studio_controller as studio


    class Source:  # a studio with no rooms: the wall and its controller are what is at stake
        def rooms(self):
            return []

        def subscribe(self, changed, problem):
            pass

        def thumbnail(self, room):
            return None

        def close(self):
            pass


    def open_wall():  # the wall's controller is held only by the open walls, as View > Studio leaves it
        wall = studio._wall_window(lambda: "rooms")
        controller = studio._keep(studio.StudioController(Source(), wall, studio.DIRECT))
        controller.start()
        controller.wall.show()


    open_wall()
    QTimer.singleShot(100, app.quit)  # Connection > Quit: aboutToQuit closes the walls still open
    app.exec()
    print("quit cleanly", flush=True)
""")


def test_quitting_with_a_wall_open_ends_the_process_cleanly(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"exit status {done.returncode}: {done.stderr[-2000:]}"
    assert "quit cleanly" in done.stdout
