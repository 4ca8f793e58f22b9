"""With no window manager (an X server alone: kiosk-like setups, some remote desktops) nobody grants the maximised
state a first start asks for: the window keeps the size its docks give it. It must fit the screen all the same.

Measured on a real X server (Xvfb, no window manager), in a child process (this module run as a script) with its own
settings: the offscreen platform the other fit tests use maximises by itself, as a window manager does, and could not
show the fault (Technician in Chinese opened 1358×764 at y 28 on a 1366×768 screen, its status bar below the edge)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.harness import Xvfb
from widgets import window_manager

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb (apt-get install xvfb)")


class Screen:
    """An Xvfb of one size and nothing else on it: no window manager."""

    def __init__(self, width: int, height: int, folder: Path) -> None:
        self.xvfb = Xvfb(None, width, height)
        self.display = self.xvfb.display
        self.folder = folder

    def run(self, *args: str) -> dict[str, Any]:
        """The probe below on this screen, with the settings of `self.folder` (kept from one run to the next)."""
        env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
        env.update(
            DISPLAY=self.display,
            QT_QPA_PLATFORM="xcb",
            PYTHONPATH=str(ROOT),
            ONAIR_CONFIG_DIR=str(self.folder / "config"),
            ONAIR_DATA_DIR=str(self.folder / "data"),
            ONAIR_DATABASE_URL=f"sqlite:///{self.folder / 'onair.db'}",
        )
        done = subprocess.run(
            [sys.executable, "-m", "tests.gui.test_fits_without_window_manager", *args],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        return result

    def stop(self) -> None:
        self.xvfb.stop()


@pytest.fixture
def screens() -> Iterator[list[Screen]]:
    started: list[Screen] = []
    yield started
    for screen in started:
        screen.stop()


def on_screen(result: dict[str, Any]) -> bool:
    x, y, width, height = (int(v) for v in result["frame"])
    left, top, room_width, room_height = (int(v) for v in result["available"])
    return left <= x and top <= y and x + width <= left + room_width and y + height <= top + room_height


@pytest.mark.parametrize("workspace", ["Technician", "Assistant"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
def test_a_first_start_with_no_window_manager_takes_the_whole_screen(
    screens: list[Screen], tmp_path: Path, language: str, width: int, height: int, workspace: str
) -> None:
    """Technician's docks held the window past a laptop's edge; Assistant's fit, and the window kept the room a frame
    would take (1358×736 at 4, 28: a band of black desktop above it) — or, on 1920×1080, its unmaximised 1440×900.
    With no window manager there is no frame and nobody to maximise: the window is the screen's whole area."""
    screen = Screen(width, height, tmp_path)
    screens.append(screen)
    result = screen.run("first", language, workspace)
    assert result["frame"] == result["available"], result
    assert result["status_bar"], result  # in sight: the connection's word is read there


def window_manager_seen(display: str) -> str:
    """What widgets.window_manager says of `display`, asked from a process of its own (no Qt application)."""
    code = "from widgets import window_manager; print(window_manager.running())"
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    env.update(DISPLAY=display, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


@pytest.mark.skipif(shutil.which("openbox") is None, reason="needs openbox (apt-get install openbox)")
def test_a_window_manager_is_seen_while_it_runs(screens: list[Screen], tmp_path: Path) -> None:
    """The X server is asked whether a window manager runs (EWMH's check window): none, one running, and one gone
    that left its property on the root window behind (it names a window that no longer exists)."""
    screen = Screen(1366, 768, tmp_path)
    screens.append(screen)
    assert window_manager_seen(screen.display) == "False"
    xcb = window_manager._xcb()
    assert xcb is not None
    # A client stays connected throughout: with none, the X server resets when the manager goes, and forgets the
    # property left behind.
    holder = xcb.xcb_connect(screen.display.encode(), None)
    manager = subprocess.Popen(
        ["openbox", "--sm-disable"],
        env={**os.environ, "DISPLAY": screen.display},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):  # openbox takes a moment to come up
            if window_manager_seen(screen.display) == "True":
                break
        else:
            pytest.fail("openbox ran and no window manager was seen")
    finally:
        manager.kill()  # as a crash: its check window goes, the root window's property stays
        manager.wait(timeout=10)
    try:
        assert window_manager_seen(screen.display) == "False"
    finally:
        xcb.xcb_disconnect(holder)


def test_a_window_kept_on_a_larger_screen_fits_a_smaller_one_with_no_window_manager(
    screens: list[Screen], tmp_path: Path
) -> None:
    large = Screen(1920, 1080, tmp_path)
    screens.append(large)
    kept = large.run("keep", "zh_CN", "Technician")
    assert kept["frame"][2:] == [1900, 1040], kept
    small = Screen(1366, 768, tmp_path)
    screens.append(small)
    result = small.run("again", "zh_CN", "Technician")
    assert on_screen(result), result
    assert result["status_bar"], result


# ---------------------------------------------------------------------- the probe (in the child process)
def _probe(mode: str, language: str, workspace: str) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from console.bridge import Endpoint, ObsBridge
    from console.i18n import install_translator
    from console.mainwindow import MainWindow
    from console.settings import Settings
    from obs.simulator.server import SimulatorThread
    from tests.gui.screen_probe import spin_until, wait_settled

    app = QApplication(sys.argv[:1])
    translators = install_translator(app, language)  # noqa: F841 - kept alive while the window lives
    settings = Settings(Path(os.environ["ONAIR_CONFIG_DIR"]))
    if mode == "first":
        settings.set("ui/workspace", workspace)

    def wait(until: Any, seconds: float = 20.0) -> None:
        spin_until(until, seconds)

    sim = SimulatorThread(password="probe", seed=11).start()
    bridge = ObsBridge(backoff_initial=0.1, backoff_max=0.5)
    window = MainWindow(bridge, settings, demo=True, language=language)
    try:
        window.show() if mode == "keep" else window.show_window()  # show_window: as `onair` starts
        bridge.connect_to(Endpoint("127.0.0.1", sim.port, "probe"))
        wait(lambda: bridge.state.connected and bool(window.scenes.tiles))
        wait_settled(lambda: (window.frameGeometry().getRect(), window.minimumSizeHint().toTuple()), turns=10)
        if mode == "keep":  # the team's unmaximised window on a desktop screen, left so
            window.setGeometry(10, 20, 1900, 1040)
            wait_settled(lambda: window.frameGeometry().getRect(), turns=10)
        bar = window.statusBar()
        screen = window.screen().availableGeometry()
        frame = window.frameGeometry()
        return {
            "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "available": [screen.x(), screen.y(), screen.width(), screen.height()],
            "status_bar": bar.isVisible() and bar.geometry().bottom() < window.height(),
        }
    finally:
        window.close()  # keeps the layout, as a quit does
        bridge.shutdown()
        sim.stop()


if __name__ == "__main__":
    print(json.dumps(_probe(sys.argv[1], sys.argv[2], sys.argv[3])))
