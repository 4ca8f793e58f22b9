"""What a console on the demo room leaves until its window has painted the connected room, and that it comes after:
the show's database (SQLAlchemy and Alembic imported by the show writer's and the rundown worker's threads, sharing
the interpreter lock with the window being built), the docks hidden behind another tab or workspace."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from benchmarks.review import fill
from console.app import Console
from console.bridge import ObsBridge
from console.core.storage import Storage
from console.settings import Settings
from tests.gui.conftest import start

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
import console.app
# The databases open once the window has painted the connected room, or 2 s after start-up at the latest: on a
# loaded 2-core machine start-up takes longer than that (CI), so the fallback is put out of the way; what is tested is
# that nothing opens them (imports SQLAlchemy) before the window's first paint of the connected room.
console.app.STORAGE_HOLD_MS = 120_000
AT_RELEASE = None
_release = console.app.release_openings


def release_recorded():
    # What was loaded when the console let the databases open: once the window painted the connected room.
    global AT_RELEASE
    if AT_RELEASE is None:
        AT_RELEASE = [m for m in WATCHED if m in sys.modules]
    _release()


console.app.release_openings = release_recorded
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
        QTimer.singleShot(0, stored)
    else:
        QTimer.singleShot(5, poll)


def stored():
    result["loaded"] = AT_RELEASE  # the show opens only once the databases were let open
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


def test_the_demo_room_populates_without_what_only_hidden_docks_and_later_work_use(tmp_path: Path) -> None:
    """The Shows browser (kept shows, issue 18) is hidden in every workspace but Review, and the show's metadata only
    the browser and the go-live question read; the quick replies' editor opens from a button of the Questions dock;
    the room's Q&A engagement is made on the engage worker with the room's first show. All of them were imported
    before the first paint."""
    later = ["widgets.shows_browser", "console.core.review.shows", "widgets.engage_replies", "console.core.chat.engage"]
    assert populate(tmp_path, later)["loaded"] == []


def test_the_shows_browser_is_built_when_first_shown_and_lists_the_kept_shows(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    """View ▸ Shows… shows the browser, built then, with the shows kept; the Review workspace docks it, and the
    window's widgets by dock id give it (built if it was not yet) as they did when it was built at start."""
    from widgets.shows_browser import ShowsBrowser

    storage = Storage()
    storage.migrate()
    fill(storage, 3, 0)  # and the demo room's own show, once the console has opened it
    storage.close()
    console = start(qapp, consoles, settings, demo=True, lang="en")
    window = console.window
    qtbot.waitExposed(window)
    assert window.docks["shows"].isHidden() and window.findChildren(ShowsBrowser) == []
    window.action_shows.trigger()
    browsers = window.findChildren(ShowsBrowser)
    assert len(browsers) == 1 and window.docks["shows"].widget() is browsers[0] is window.widgets["shows"]
    qtbot.waitUntil(lambda: browsers[0].model.total >= 3, timeout=10000)
    window.docks["shows"].hide()
    window.apply_workspace("Review")
    assert window.visible_docks() == {"shows", "event_log"} and window.findChildren(ShowsBrowser) == browsers


def test_a_lazy_docks_widget_asked_for_by_id_is_built_then(qtbot: QtBot, settings: Settings) -> None:
    """Code (and tests) that read a dock's widget by its id get it whether or not the dock was shown yet."""
    from console.mainwindow import MainWindow
    from widgets.shows_browser import ShowsBrowser

    bridge = ObsBridge()
    try:
        window = MainWindow(bridge, settings, demo=True)
        qtbot.addWidget(window)
        assert "shows" not in window.widgets and window.widgets.get("shows") is None
        browser = window.widgets["shows"]
        assert isinstance(browser, ShowsBrowser) and window.docks["shows"].widget() is browser
        assert window.widgets["shows"] is browser and window.findChildren(ShowsBrowser) == [browser]
        with pytest.raises(KeyError):
            window.widgets["no such dock"]
    finally:
        bridge.shutdown()


def test_a_console_that_cannot_start_leaves_the_databases_free(
    qapp: QApplication, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A console given a room that does not exist stops with a clear error before it has a window to paint: the hold
    it put on the databases at its start goes with it, or every controller of the process (a test's, the next
    console's) would wait its full hold before opening one."""
    import threading

    from console.app import Options
    from console.core import storage_use
    from console.core.rooms import Room, RoomStore
    from console.settings import config_dir

    monkeypatch.setattr(storage_use, "HOLD_MAX_S", 120.0)
    RoomStore(config_dir() / "rooms.json").put(Room("A", "127.0.0.1", 4455))
    with pytest.raises(ValueError, match="no room called “Z”"):
        Console(qapp, Options(room="Z"), settings)
    storage = storage_use.OpenOnUse(f"sqlite:///{tmp_path / 'shows.db'}")
    opened = threading.Event()

    def open_it() -> None:
        storage.get()
        opened.set()

    threading.Thread(target=open_it, daemon=True).start()
    try:
        assert opened.wait(60), "the database was not opened: a hold is still on"
    finally:
        storage.close()
