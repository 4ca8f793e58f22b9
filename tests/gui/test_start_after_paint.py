"""What a console on the demo room leaves until its window has painted the connected room, and that it comes after:
the show's database (SQLAlchemy and Alembic imported by the show writer's and the rundown worker's threads, sharing
the interpreter lock with the window being built), the docks hidden behind another tab or workspace."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

#: A console on the demo room, offscreen, until its window has painted the connected room (as
#: benchmarks/console_shell.py waits for it): which of the modules in argv[1] any thread had imported by then; then
#: until the show is opened in the database and the room's rundown read from it.
CHILD = """
import json, os, sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from console.app import Console, Options
from console.settings import Settings

WATCHED = json.loads(sys.argv[1])
app = QApplication([])
console = Console(app, Options(demo=True), Settings(Path(os.environ["ONAIR_CONFIG_DIR"])))
window = console.window
rundowns = []
console.rundown.sig_rundown_changed.connect(lambda: rundowns.append(1))


class Painted(QObject):
    seen = False

    def eventFilter(self, obj, event):
        Painted.seen = Painted.seen or event.type() == QEvent.Type.Paint
        return False


painted = Painted()
window.scenes.installEventFilter(painted)
window.show()
result = {"populated": False, "loaded": None, "show_opened": False, "rundown_read": False}


def poll():
    state = console.bridge.state
    if state.connected and window.scenes.tiles and window.audio.strips and Painted.seen:
        result["populated"] = True
        result["loaded"] = [m for m in WATCHED if m in sys.modules]
        QTimer.singleShot(0, stored)
    else:
        QTimer.singleShot(5, poll)


def stored():
    result["show_opened"] = console.telemetry.show_id is not None
    result["rundown_read"] = bool(rundowns)
    if result["show_opened"] and result["rundown_read"]:
        app.quit()
    else:
        QTimer.singleShot(20, stored)


QTimer.singleShot(0, poll)
QTimer.singleShot(60_000, app.quit)
app.exec()
console.shutdown()
print(json.dumps(result))
"""


def populate(tmp_path: Path, watched: list[str]) -> dict[str, object]:
    env = dict(os.environ, ONAIR_DATA_DIR=str(tmp_path / "data"), ONAIR_CONFIG_DIR=str(tmp_path / "config"))
    env.pop("ONAIR_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(watched)], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr[-800:]
    return json.loads(result.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def test_the_database_opens_once_the_window_has_painted_the_connected_room(tmp_path: Path) -> None:
    """The show writer's thread imported SQLAlchemy and Alembic (and the rundown worker's waited for them) as soon as
    the room's session was made, while the window was still being built: 50-160 ms of CPU under the interpreter lock
    the window needed, before its first paint. They now come after it, and the show opens and the room's rundown is
    read all the same."""
    assert populate(tmp_path, ["sqlalchemy", "alembic"]) == {
        "populated": True,
        "loaded": [],
        "show_opened": True,
        "rundown_read": True,
    }
