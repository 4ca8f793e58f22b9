"""What a console on the demo room has not loaded by the time its window has painted the connected room: the chat
platforms' modules (no room source uses them), Pillow on the GUI thread (the first screenshot comes later; the demo
room's own simulator may import it on its thread to answer the first picture request) and QStyle's Python class
with its enums (the first comment painted comes later)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from widgets.comments_dock import CommentsDock

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
QT_LATER = json.loads(sys.argv[2])
#: Imported off the GUI thread by the demo room's own simulator when OBS is first asked for a picture (its answer
#: races the window's paint on a loaded machine): counted only when the GUI thread imported it.
GUI_THREAD_ONLY = {"PIL"}
import builtins, threading
BY_THREAD = {}
_import = builtins.__import__


def _recording_import(name, *args, **kwargs):
    top = name.split(".")[0]
    if top in GUI_THREAD_ONLY and top not in sys.modules and top not in BY_THREAD:
        BY_THREAD[top] = threading.current_thread() is threading.main_thread()
    return _import(name, *args, **kwargs)


builtins.__import__ = _recording_import
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
        loaded.extend(m for m in LATER if m in sys.modules and (m not in GUI_THREAD_ONLY or BY_THREAD.get(m, True)))
        # PySide6 makes a class (and all its Python enums) when it is first imported from its module.
        loaded.extend(name for name in QT_LATER if name in sys.modules["PySide6.QtWidgets"].__dict__)
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
#: PySide6 classes whose Python enums are made when the class is (QStyle: 11 enums, ~5 ms).
QT_LATER = ["QStyle"]


def test_the_demo_room_populates_without_the_chat_platforms_pillow_or_qstyle(tmp_path: Path) -> None:
    """Every start imported the chat platforms' modules (~20-25 ms: the rooms' chat configuration named them at
    its top), Pillow (the demo simulator's screenshots and the checklist's video checks, ~20 ms) and QStyle (the
    comments' painter) on the GUI thread before the first paint; none of them is needed until a room uses that
    platform, a screenshot is taken or a comment is painted."""
    env = dict(os.environ, ONAIR_DATA_DIR=str(tmp_path / "data"), ONAIR_CONFIG_DIR=str(tmp_path / "config"))
    env.pop("ONAIR_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(LATER), json.dumps(QT_LATER)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
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


def test_a_selected_comment_is_painted_in_the_highlight_colour_once_qstyle_is_imported_there(qtbot: QtBot) -> None:
    """The comments' painter imports QStyle at its first paint: a selected row (a keyword hit, even) is painted
    in the palette's highlight, with the highlighted text colour; the others are not."""
    from tests.gui.test_comments_dock import FeedPort, _background, arrive, comment

    port = FeedPort(keywords=("没声音",))
    dock = CommentsDock(port, max_rows=50)
    qtbot.addWidget(dock)
    dock.resize(520, 420)
    dock.show()
    qtbot.waitExposed(dock)
    arrive(port, comment(1, "怎么没声音了"), comment(2, "普通的一句话"))
    plain = _background(dock, "观众2: 普通的一句话")
    dock.view.setCurrentIndex(dock.proxy.index(0, 0))
    qtbot.waitUntil(lambda: dock.view.selectionModel().isSelected(dock.proxy.index(0, 0)))
    highlight = dock.view.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    selected = _background(dock, "观众1: 怎么没声音了")
    assert selected != plain
    assert (selected.red(), selected.green(), selected.blue()) == (highlight.red(), highlight.green(), highlight.blue())
