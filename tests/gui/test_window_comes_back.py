"""The console's window comes back where the user left it after the console was ended by SIGTERM (a session logging
out, a `kill`): maximised stays maximised, and an unmaximised window is on the screen with its frame.

Measured under a real window manager (openbox on Xvfb): the offscreen platform maximises by itself and has no
frames, and could show neither fault. The console runs as a child process (this module run as a script) with the
demo room and settings of its own; the test ends it with SIGTERM, as a logout does, once it has settled.

- A first start is maximised; ended by SIGTERM, it came back unmaximised at 1912×1048: the first start's workspace
  was applied to the maximised window with a resize(), which Qt takes for the end of the maximised state without
  saying so (the window manager kept it maximised on the screen, the saved geometry said unmaximised).
- A window left low on a 1366×768 laptop came back 1358×736 at y 39, the bottom of its frame below the screen.
- A first start unmaximised on a 1366×768 laptop had the bottom of its frame 1 px below the screen."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.harness import Xvfb

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    shutil.which("Xvfb") is None or shutil.which("openbox") is None,
    reason="needs Xvfb and openbox (apt-get install xvfb openbox)",
)


class Desktop:
    """An Xvfb of one size with openbox managing its windows, and the console's settings kept in `folder`."""

    def __init__(self, width: int, height: int, folder: Path) -> None:
        self.server = Xvfb(None, width, height)
        self.display = self.server.display
        self.folder = folder
        self.manager = subprocess.Popen(
            ["openbox", "--sm-disable"],
            env={**os.environ, "DISPLAY": self.display},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_for_manager()

    def env(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
        env.update(
            DISPLAY=self.display,
            QT_QPA_PLATFORM="xcb",
            PYTHONPATH=str(ROOT),
            ONAIR_CONFIG_DIR=str(self.folder / "config"),
            ONAIR_DATA_DIR=str(self.folder / "data"),
            ONAIR_DATABASE_URL=f"sqlite:///{self.folder / 'onair.db'}",
        )
        return env

    def _wait_for_manager(self) -> None:
        code = "from widgets import window_manager; print(window_manager.running())"
        for _ in range(100):  # openbox takes a moment to come up
            done = subprocess.run(
                [sys.executable, "-c", code], env=self.env(), cwd=ROOT, capture_output=True, text=True, timeout=60
            )
            if done.stdout.strip() == "True":
                return
        pytest.fail("openbox did not come up")

    def run(self, *steps: str) -> list[dict[str, Any]]:
        """The console started, settled, then each step (`unmaximise`) done and settled; ended by SIGTERM once the
        last is measured. What the window was after each (the start first), as the probe below measured it."""
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.gui.test_window_comes_back", *steps],
            env=self.env(),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        seen: list[dict[str, Any]] = []
        try:
            assert child.stdout is not None
            for line in child.stdout:
                if line.startswith("measured "):
                    seen.append(json.loads(line.removeprefix("measured ")))
                    if len(seen) == len(steps) + 1:
                        child.send_signal(signal.SIGTERM)  # as a logout or a `kill` ends it
                        break
            status = child.wait(timeout=60)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait(timeout=10)
        stderr = child.stderr.read() if child.stderr is not None else ""
        assert status == 0 and len(seen) == len(steps) + 1, stderr[-3000:]
        return seen

    def stop(self) -> None:
        self.manager.terminate()
        self.manager.wait(timeout=10)
        self.server.stop()


@pytest.fixture
def desktops() -> Iterator[list[Desktop]]:
    started: list[Desktop] = []
    yield started
    for desktop in started:
        desktop.stop()


def inside(rect: list[int], area: list[int]) -> bool:
    x, y, width, height = rect
    left, top, room_width, room_height = area
    return left <= x and top <= y and x + width <= left + room_width and y + height <= top + room_height


def test_a_maximised_console_ended_by_sigterm_comes_back_maximised(desktops: list[Desktop], tmp_path: Path) -> None:
    desktop = Desktop(1920, 1080, tmp_path)
    desktops.append(desktop)
    (first,) = desktop.run()
    assert first["maximised"], first  # a first start is maximised
    again, unmaximised = desktop.run("unmaximise")
    assert again["maximised"], again
    assert again["frame"] == again["available"], again  # the whole of the screen's room, as the window manager gives
    # Unmaximised, it goes where a first start put it before it was maximised: not a size Qt made up, nor the
    # screen's (Qt forgot the place when the docks grew the maximised window).
    assert unmaximised["geometry"][2:] == [1440, 900], unmaximised
    assert inside(unmaximised["frame"], unmaximised["available"]), unmaximised


def test_a_maximised_console_keeps_its_unmaximised_place_through_a_language_switch(
    desktops: list[Desktop], tmp_path: Path
) -> None:
    """The window built again in the other language took the old one's geometry, whose unmaximised place Qt had lost:
    it saved a made-up one over the place kept."""
    desktop = Desktop(1920, 1080, tmp_path)
    desktops.append(desktop)
    first, switched = desktop.run("chinese")
    assert first["maximised"] and switched["maximised"], (first, switched)
    again, unmaximised = desktop.run("unmaximise")
    assert again["maximised"], again
    assert unmaximised["geometry"][2:] == [1440, 900], unmaximised


def test_an_unmaximised_console_comes_back_within_a_laptop_screen(desktops: list[Desktop], tmp_path: Path) -> None:
    desktop = Desktop(1366, 768, tmp_path)
    desktops.append(desktop)
    desktop.run("unmaximise")
    (again,) = desktop.run()
    assert not again["maximised"], again
    assert inside(again["frame"], again["available"]), again
    # A place kept low on the screen, as an older version kept it (no frame with it): the frame is put on the screen.
    ui_state = tmp_path / "config" / "ui-state.ini"
    text = ui_state.read_text(encoding="utf-8")
    place = next(line for line in text.splitlines() if line.startswith("place="))
    ui_state.write_text(text.replace(place, 'place="4,39,1358,736"'), encoding="utf-8")
    (low,) = desktop.run()
    assert not low["maximised"], low
    assert inside(low["frame"], low["available"]), low
    assert low["geometry"][2:] == [1358, 736], low  # moved, not shrunk: it fits once moved up


def test_a_first_start_unmaximised_on_a_laptop_screen_has_its_frame_on_the_screen(
    desktops: list[Desktop], tmp_path: Path
) -> None:
    """A first start's unmaximised place is centred with a guess of the frame (FRAME_RESERVE: a 28 px title bar, 4 px
    borders); openbox's is 20 px above and 5 px below, and the bottom border lay 1 px below a 1366×768 screen."""
    desktop = Desktop(1366, 768, tmp_path)
    desktops.append(desktop)
    first, unmaximised = desktop.run("unmaximise")
    assert first["maximised"], first
    assert not unmaximised["maximised"], unmaximised
    assert inside(unmaximised["frame"], unmaximised["available"]), unmaximised
    assert unmaximised["geometry"][2:] == [1358, 736], unmaximised  # moved onto the screen, not shrunk


def _measure(window: Any) -> dict[str, Any]:
    from PySide6.QtCore import QRect

    def rect(r: QRect) -> list[int]:
        return [r.x(), r.y(), r.width(), r.height()]

    return {
        "maximised": window.isMaximized(),
        "frame": rect(window.frameGeometry()),
        "geometry": rect(window.geometry()),
        "available": rect(window.screen().availableGeometry()),
    }


def _probe(steps: list[str]) -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from console.app import Options, run_gui
    from console.mainwindow import MainWindow
    from tests.gui.screen_probe import wait_settled
    from widgets import screen_fit

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)

    def wait_until(condition: Callable[[], bool]) -> None:
        for _ in range(1000):
            if condition():
                return
            loop = QEventLoop()
            QTimer.singleShot(10, loop.quit)
            loop.exec()
        raise AssertionError("the window manager never took the window")

    def settle(window: MainWindow) -> None:
        # The window manager has taken the window (its frame is said), then nothing moves for 30 turns.
        wait_until(lambda: window.isVisible() and screen_fit.frame_margins(window) is not None)
        wait_settled(lambda: (window.isMaximized(), window.geometry(), window.frameGeometry()), turns=30)
        print("measured " + json.dumps(_measure(window)), flush=True)

    def shown() -> MainWindow:
        return next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())

    def play() -> None:
        window = shown()
        settle(window)
        for step in steps:
            assert step in ("unmaximise", "chinese"), step
            if step == "unmaximise":
                window.showNormal()
                wait_until(lambda w=window: not w.isMaximized())  # type: ignore[misc]
            else:
                old = window
                window.sig_language_requested.emit("zh_CN")  # Language ▸ 中文: the window is built again
                wait_until(lambda w=old: shown() is not w)  # type: ignore[misc]
                window = shown()
            settle(window)
        # Then it waits for the test's SIGTERM.

    QTimer.singleShot(0, play)
    return run_gui(Options(demo=True))


if __name__ == "__main__":
    sys.exit(_probe(sys.argv[1:]))
