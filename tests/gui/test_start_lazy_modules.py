"""What a console on the demo room has not loaded by the time its window has painted the connected room: the chat
platforms' modules (no room source uses them) and Pillow (the first screenshot comes later)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

#: A console on the demo room, offscreen, until its window has painted the connected room (as
#: benchmarks/console_shell.py waits for it); prints which of LATER were imported by then, by any thread.
CHILD = """
import json, os, sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from console.app import Console, Options
from console.settings import Settings

LATER = json.loads(sys.argv[1])
app = QApplication([])
console = Console(app, Options(demo=True), Settings(Path(os.environ["ONAIR_CONFIG_DIR"])))
window = console.window


class Painted(QObject):
    seen = False

    def eventFilter(self, obj, event):
        Painted.seen = Painted.seen or event.type() == QEvent.Type.Paint
        return False


painted = Painted()
window.scenes.installEventFilter(painted)
window.show()
loaded = []


def poll():
    state = console.bridge.state
    if state.connected and window.scenes.tiles and window.audio.strips and Painted.seen:
        loaded.extend(m for m in LATER if m in sys.modules)
        app.quit()
    else:
        QTimer.singleShot(5, poll)


QTimer.singleShot(0, poll)
QTimer.singleShot(60_000, app.quit)
app.exec()
console.shutdown()
print(json.dumps({"populated": Painted.seen and bool(window.scenes.tiles), "loaded": loaded}))
"""

LATER = [
    "console.core.chat.bilibili",
    "console.core.chat.custom",
    "console.core.chat.file_tail",
    "console.core.chat.twitch",
    "console.core.chat.twitch_irc",
    "console.core.chat.youtube",
    "console.core.chat.oauth",
    "PIL",
]


def test_the_demo_room_populates_without_the_chat_platforms_or_pillow(tmp_path: Path) -> None:
    """Every start imported the chat platforms' modules (~20-25 ms: the rooms' chat configuration named them at
    its top) and Pillow (the demo simulator's screenshots and the checklist's video checks, ~20 ms) on the GUI
    thread before the first paint; none of them is needed until a room uses that platform or a screenshot is
    taken."""
    env = dict(os.environ, ONAIR_DATA_DIR=str(tmp_path / "data"), ONAIR_CONFIG_DIR=str(tmp_path / "config"))
    env.pop("ONAIR_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(LATER)], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr[-800:]
    assert json.loads(result.stdout.splitlines()[-1]) == {"populated": True, "loaded": []}


def test_a_rooms_chat_source_loads_its_platform_when_checked_and_built() -> None:
    """The platform's module still comes when a source of that kind is checked (rooms dialog) or built."""
    code = (
        "import sys\n"
        "from console.core.chat.config import ChatSourceConfig\n"
        "from console.core.chat.feed import ChatFeed\n"
        "first = 'console.core.chat.twitch' in sys.modules\n"
        "source = ChatSourceConfig(id='t', kind='twitch', channel='someone', twitch_mode='anonymous')\n"
        "source.check()\n"
        "built = source.build(ChatFeed(), {})\n"
        "print(first, 'console.core.chat.twitch' in sys.modules, type(built).__name__)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["False", "True", "TwitchIrcSource"], result.stderr[-800:]
