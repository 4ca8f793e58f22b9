"""Run a probe module in a child process on an offscreen screen of a given size: the window is measured as a room's
laptop or desktop shows it (the screen's size is given by the offscreen platform's config file), with its own
settings, data folder and database. Used by the fit tests (test_fits_screens.py, test_fits_view_menu.py,
test_rundown_details_fit.py); `wait_settled` is what their probes wait with."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def run_probe(module: str, args: list[str], width: int, height: int, scale: float = 1.0) -> dict[str, Any]:
    """`python -m module *args` on a width×height screen (logical pixels after `scale`, as QT_SCALE_FACTOR gives
    them); the probe prints what it measured as JSON on its last line."""
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "screen.json"
        config.write_text(json.dumps({"screens": [{"name": "room", "x": 0, "y": 0, "width": width, "height": height}]}))
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM=f"offscreen:configfile={config}",
            QT_SCALE_FACTOR=str(scale),
            PYTHONPATH=str(ROOT),
            ONAIR_CONFIG_DIR=str(Path(folder) / "config"),
            ONAIR_DATA_DIR=str(Path(folder) / "data"),
            ONAIR_DATABASE_URL=f"sqlite:///{Path(folder) / 'onair.db'}",
        )
        done = subprocess.run(
            [sys.executable, "-m", module, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
        )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


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
