"""What the console does not do: build or import before the first paint what that paint does not need (the
hidden Rundown and Health docks, numpy and the telemetry ring before the first second, the keyring in a room
that reads no secret), and re-lay out or repaint once a second what did not change (the status bar's empty
network light while nothing streams)."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from console.app import Console, Options
from console.bridge import ObsBridge
from console.settings import Settings
from obs.messages import LinkState, LinkStatus
from obs.stats import Rates
from widgets.connection_status import ConnectionStatus


class EventCounter(QObject):
    """Counts the layout requests and paints a widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.layouts = 0
        self.paints = 0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.layouts += 1
        elif event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def rates(streaming: bool, congestion: float | None = None) -> Rates:
    return Rates(
        t=0.0,
        streaming=streaming,
        reconnecting=False,
        recording=False,
        bitrate_kbps=None,
        record_kbps=None,
        fps=30.0,
        render_ms=1.0,
        render_drop_pct=0.0,
        encode_drop_pct=None,
        network_drop_pct=None,
        congestion=congestion,
        cpu_pct=5.0,
        memory_mb=100.0,
        disk_free_mb=None,
        stream_bytes=None,
        record_bytes=None,
    )


def settle() -> None:
    """Deliver every posted event (layout requests, paints) now: no waiting on the clock."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()


def test_the_status_bar_is_not_laid_out_again_each_second_while_nothing_streams(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    status = ConnectionStatus(lambda s, _now: s.state.value)
    window.statusBar().addWidget(status, 1)
    window.resize(800, 200)
    window.show()
    qtbot.waitExposed(window)
    status.set_status(LinkStatus(LinkState.CONNECTED, 0.0))
    settle()
    counter = EventCounter()
    window.statusBar().installEventFilter(counter)
    status.network.installEventFilter(counter)
    for _ in range(5):  # five seconds of a room that does not stream: the rates change nothing shown
        status.set_rates(rates(streaming=False))
        settle()
    assert (counter.layouts, counter.paints) == (0, 0)
    status.set_rates(rates(streaming=True, congestion=0.0))  # the stream starts: the network light appears
    settle()
    assert "Network" in status.network.text()
    assert counter.layouts > 0
    status.set_rates(rates(streaming=False))  # and goes when it stops
    settle()
    assert status.network.text() == ""


def test_the_rundown_dock_is_built_when_first_shown_and_shows_the_plan_then(qtbot: QtBot, settings: Settings) -> None:
    """The first start's workspace hides the Rundown dock: the window opens without building it (start-up), and
    the Rundown workspace shows it with the room's plan as if it had always been there."""
    from console.docks import WORKSPACES
    from console.mainwindow import MainWindow
    from tests.gui.test_rundown_dock import PLAN, ListRundownPort
    from widgets.rundown_dock import RundownDock

    bridge = ObsBridge()
    try:
        window = MainWindow(bridge, settings, demo=True, rundown=ListRundownPort(bridge, PLAN))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert window.docks["rundown"].isHidden()
        assert window.findChildren(RundownDock) == []
        window.workspace_actions["Rundown"].trigger()
        assert window.visible_docks() == set(WORKSPACES["Rundown"].placement)
        docks = window.findChildren(RundownDock)
        assert len(docks) == 1 and window.docks["rundown"].widget() is docks[0] is window.rundown_dock
        qtbot.waitUntil(lambda: window.docks["rundown"].width() > window.docks["program"].width(), timeout=3000)
        assert docks[0].model.rowCount() == len(PLAN)
    finally:
        bridge.shutdown()


def test_the_console_imports_no_keyring_until_a_secret_is_read() -> None:
    """The keyring package (and the entry-point scan it makes on import) cost ~30 ms of every start; the demo room
    reads no secret, a saved room reads its password when it connects (tests/gui/test_rooms_flow.py)."""
    code = (
        "import sys, console.app, console.core.rooms as rooms; first = 'keyring' in sys.modules; "
        "rooms.Secrets().get('nowhere'); print(first, 'keyring' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["False", "True"], result.stderr[-800:]


def test_the_console_and_the_monitor_import_no_http_client_until_an_alert_is_sent() -> None:
    """httpx's import loads its command line too (click, rich, pygments): 50-95 ms of CPU in every console and
    `onair monitor` start (and every child process a test starts) that sends no alert; it comes with the first."""
    code = (
        "import sys, console.app, console.cli, console.core.telemetry.monitor\n"
        "from console.core.alerts import sender\n"
        "first = 'httpx' in sys.modules\n"
        "sender.client(1.0).close()\n"
        "print(first, 'httpx' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["False", "True"], result.stderr[-800:]


def test_the_console_loads_the_talent_screen_and_the_studio_publisher_when_they_are_used() -> None:
    """The talent screen (View > Talent screen) and the studio's publisher and reporter (a console keeping its shows
    in PostgreSQL) are no part of a start-up that does not use them."""
    later = [
        "widgets.talent_chooser",
        "widgets.talent_screen",
        "console.core.studio.reporter",
        "console.core.studio.shared_publisher",
        "console.core.studio.snapshot",
    ]
    code = f"import sys, console.app; print([m for m in {later!r} if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["[]"], result.stdout + result.stderr[-800:]


def test_onair_opening_a_real_room_imports_no_asyncio() -> None:
    """asyncio (the demo OBS's event loop, `onair demo-obs`) was imported by the command line for every start; a
    console in a real room never uses it."""
    code = "import sys, console.cli, console.app; print('asyncio' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["False"], result.stdout + result.stderr[-800:]


def test_numpy_and_the_telemetry_ring_wait_for_the_shows_first_second() -> None:
    """numpy's import and the 12-hour ring (9 MB) cost start-up ~100 ms of the GUI thread before the window could
    paint; they come with the first read of a recorded second (or when seconds wait: console/core/telemetry/ring.py),
    which the graphs then read as before."""
    code = (
        "import sys, math, console.app\n"
        "from console.core.telemetry.channels import CHANNELS, Sample\n"
        "from console.core.telemetry.live import Telemetry\n"
        "telemetry = Telemetry()\n"
        "before = 'numpy' in sys.modules\n"
        "empty = len(telemetry.ring.since(-math.inf)[0])\n"
        "telemetry.record(Sample(10.0, tuple(float(i) for i in range(len(CHANNELS)))))\n"
        "times, values = telemetry.ring.last(5)\n"
        "print(before, empty, times.tolist(), float(values[0][3]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["False", "0", "[10.0]", "3.0"], result.stderr[-800:]


#: A console on the demo room, offscreen, until its window has painted the connected room (as
#: benchmarks/console_shell.py waits for it); prints which of WATCHED its GUI thread imported by then.
POPULATED_CHILD = """
import json, os, sys, tempfile, threading
from pathlib import Path

WATCHED = ("sqlalchemy", "alembic", "httpx", "numpy")
first_asked_by = {}


class Watch:
    def find_spec(self, name, path=None, target=None):  # finds nothing: notes who asks first
        top = name.partition(".")[0]
        if top in WATCHED:
            first_asked_by.setdefault(top, threading.current_thread().name)
        return None


sys.meta_path.insert(0, Watch())
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from console.app import Console, Options
from console.settings import Settings

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
gui: list[str] = []


def poll():
    state = console.bridge.state
    if state.connected and window.scenes.tiles and window.audio.strips and Painted.seen:
        gui.extend(sorted(k for k, v in first_asked_by.items() if v == threading.main_thread().name))
        QTimer.singleShot(0, numpy)
    else:
        QTimer.singleShot(5, poll)


def numpy():  # and then who imports numpy, which the telemetry ring needs within its first 30 seconds
    if "numpy" in first_asked_by:
        app.quit()
    else:
        QTimer.singleShot(20, numpy)


QTimer.singleShot(0, poll)
QTimer.singleShot(60_000, app.quit)
app.exec()
console.shutdown()
populated = Painted.seen and bool(window.scenes.tiles)
print(json.dumps({"populated": populated, "gui": gui, "numpy": first_asked_by.get("numpy")}))
"""


def test_the_gui_thread_imports_no_database_http_or_numpy_before_the_window_populates(tmp_path: Path) -> None:
    """SQLAlchemy (the studio publisher asked the storage module where the database is), httpx (the alert sender
    made its client at start-up) and numpy (the telemetry ring made at the show's first second) cost the GUI
    thread ~0.5 s before the demo room's window could populate (~1.1 s in all). The database is the telemetry
    writer's thread's to open; none of them is the first paint's. numpy comes after, off the GUI thread, before
    the ring's first 30 seconds would have made the GUI thread import it mid-show."""
    env = dict(os.environ, ONAIR_DATA_DIR=str(tmp_path / "data"), ONAIR_CONFIG_DIR=str(tmp_path / "config"))
    env.pop("ONAIR_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", POPULATED_CHILD], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr[-800:]
    assert json.loads(result.stdout.splitlines()[-1]) == {"populated": True, "gui": [], "numpy": "numpy-import"}


def test_the_health_dock_is_built_when_first_shown_and_keeps_the_sound_setting(
    qtbot: QtBot, settings: Settings
) -> None:
    """Hidden by the first start's workspace, the Health dock is built when the Technician workspace shows it, with
    its lights and the team's "Sound on critical" choice, which announcing a critical finding obeyed all along."""
    from PySide6.QtWidgets import QApplication

    from console.mainwindow import MainWindow
    from widgets.health_panel import HealthPanel

    settings.set("health/sound", True)
    bridge = ObsBridge()
    beeps: list[int] = []
    try:
        window = MainWindow(bridge, settings, demo=True)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert window.docks["health"].isHidden() and window.findChildren(HealthPanel) == []
        original = QApplication.beep
        QApplication.beep = lambda: beeps.append(1)  # type: ignore[method-assign]
        try:
            window.announce("Stream", "down")
        finally:
            QApplication.beep = original  # type: ignore[method-assign]
        assert beeps == [1]
        window.workspace_actions["Technician"].trigger()
        panels = window.findChildren(HealthPanel)
        assert len(panels) == 1 and window.docks["health"].widget() is panels[0] is window.health
        assert panels[0].sound.isChecked()
        panels[0].sound.setChecked(False)
        assert settings.get("health/sound") is False
    finally:
        bridge.shutdown()


@pytest.mark.parametrize("enabled_before", [True, False])
def test_building_the_console_runs_no_collection_pass_and_leaves_the_collector_as_found(
    qapp: QApplication, consoles: list[Console], settings: Settings, enabled_before: bool
) -> None:
    """Start-up's objects all live as long as the console: the collector's passes over them (~300 at start-up,
    50–80 ms of the GUI thread) found nothing to free. After start-up the collector is as it was (pyqtgraph's keeps
    automatic collection off once a graph is shown: widgets/graph_dock.py)."""
    passes: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    found = gc.isenabled()
    if enabled_before:
        gc.enable()
    else:
        gc.disable()
    options = Options(demo=True)
    gc.collect()  # the allocation counts start at zero: no pass is due while the test itself allocates
    gc.callbacks.append(count)
    try:
        consoles.append(Console(qapp, options, settings))
        assert passes == []
        assert gc.isenabled() is enabled_before
        assert gc.get_freeze_count() > 0
    finally:
        gc.callbacks.remove(count)
        if found:
            gc.enable()
        else:
            gc.disable()


def test_the_checklist_files_are_read_without_writing_each_value_back_to_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """The console reads every checklist file as it starts (the Checklist dock lists them): each value is built
    from the node the loader composed, not emitted as YAML again and parsed anew (that was ~60 % of the time)."""
    import yaml

    from checklists.loader import load_all

    calls: list[str] = []

    def counted(name: str) -> Any:
        original = getattr(yaml, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            calls.append(name)
            return original(*args, **kwargs)

        return call

    for name in ("serialize", "safe_load"):
        monkeypatch.setattr(yaml, name, counted(name))
    templates = load_all()
    assert templates and calls == []
