"""Run a probe module in a child process on an offscreen screen of a given size: the window is measured as a room's
laptop or desktop shows it (the screen's size is given by the offscreen platform's config file), with its own
settings, data folder and database. Used by the fit tests (test_fits_screens.py, test_fits_view_menu.py,
test_rundown_details_fit.py); `wait_settled` is what their probes wait with."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.gui.console_forks import Forks

ROOT = Path(__file__).resolve().parents[2]


#: The probe modules the fork server imports before it forks (tests/gui/console_forks.py).
PROBES = ("tests.gui.test_fits_screens", "tests.gui.test_fits_view_menu", "tests.gui.test_rundown_details_fit")
#: This test process's fork server, started by its first probe and closed at the end of its session
#: (tests/gui/conftest.py): the probe tests of a file run on one worker (tests/conftest.py, TOGETHER), so one
#: interpreter's start and imports serve all of them instead of one per probe.
_forks: Forks | None = None


def run_probe(module: str, args: list[str], width: int, height: int, scale: float = 1.0) -> dict[str, Any]:
    """`python -m module *args` on a width×height screen (logical pixels after `scale`, as QT_SCALE_FACTOR gives
    them); the probe prints what it measured as JSON on its last line. The process is forked from a server that
    has imported the probe modules (its start and imports paid once per test process); it is a process of its own
    all the same, with its own environment and its own QApplication on its own screen."""
    global _forks
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        config = folder / "screen.json"
        config.write_text(json.dumps({"screens": [{"name": "room", "x": 0, "y": 0, "width": width, "height": height}]}))
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM=f"offscreen:configfile={config}",
            QT_SCALE_FACTOR=str(scale),
            PYTHONPATH=str(ROOT),
            ONAIR_CONFIG_DIR=str(folder / "config"),
            ONAIR_DATA_DIR=str(folder / "data"),
            ONAIR_DATABASE_URL=f"sqlite:///{folder / 'onair.db'}",
        )
        if _forks is None:
            server_env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
            _forks = Forks({**server_env, "PYTHONPATH": str(ROOT)}, preload=PROBES)
        stdout, stderr = folder / "stdout", folder / "stderr"
        status = _forks.wait(_forks.start_module(module, args, env, stdout, stderr), timeout=180)
        assert status == 0, f"exit status {status}: {stderr.read_text(errors='replace')[-3000:]}"
        result: dict[str, Any] = json.loads(stdout.read_text().strip().splitlines()[-1])
    return result


def close_forks() -> None:
    """Stop this process's probe fork server, if a probe started one (its children are all reaped by then)."""
    global _forks
    if _forks is not None:
        _forks.close()
        _forks = None


def spin_until(until: Callable[[], object] | None, seconds: float) -> None:
    """Turns of the probe's event loop, 50 ms each, until `until()` is true (None: for the whole time) or `seconds`
    have gone; then the events still pending. The caller asserts what it waited for."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    left = int(seconds * 20)
    while left > 0 and not (until is not None and until()):
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        left -= 1
    QCoreApplication.processEvents()


def wait_settled(layout: Callable[[], object], turns: int = 3) -> None:
    """Turns of the event loop (in the probe, 10 ms each) until `layout()` stays the same for `turns` turns: the
    window's deferred steps (a workspace's settle, the stray tab bars, a dock's second fit) and Qt's layout requests
    have run, on a loaded machine as on an idle one (a fixed pause was 0.4-0.7 s per switch, and a guess)."""
    from PySide6.QtCore import QEventLoop, QTimer

    alike, last = 0, None
    for _ in range(500):
        loop = QEventLoop()
        QTimer.singleShot(10, loop.quit)
        loop.exec()
        now = layout()
        alike = alike + 1 if now == last else 0
        last = now
        if alike >= turns:
            return
    raise AssertionError("the layout never settled")


def window_problems(name: str, step: dict[str, Any], available: list[int]) -> list[str]:
    """What a probe's step says of the window itself: larger than the screen's room, or its status bar out of
    sight (the workspace and View-menu fit probes read the same two things)."""
    found = []
    frame = step["frame"]
    if frame[0] > available[0] or frame[1] > available[1]:
        found.append(f"{name}: window {frame[0]}×{frame[1]} on a {available[0]}×{available[1]} screen")
    if not step["status_bar"]:
        found.append(f"{name}: the status bar is out of sight")
    return found
