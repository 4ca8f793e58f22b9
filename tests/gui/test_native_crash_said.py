"""A console that dies in native code (a signal from Qt or a driver, not a Python exception) says so on stderr with
every thread's Python stack: two consoles of session 14's walks vanished with nothing in their logs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_a_console_killed_by_a_fatal_signal_leaves_its_threads_stacks_on_stderr(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ONAIR_CONFIG_DIR=str(tmp_path / "config"),
        ONAIR_DATA_DIR=str(tmp_path / "data"),
        ONAIR_DATABASE_URL=f"sqlite:///{tmp_path / 'onair.db'}",
    )
    stderr = tmp_path / "stderr"
    with stderr.open("wb") as err:
        console = subprocess.Popen(
            [sys.executable, "-m", "console", "--demo"], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err
        )
        try:
            # The show's database is made once the window has painted the connected demo room: well into the run.
            deadline = time.monotonic() + 60
            while not (tmp_path / "onair.db").exists() and console.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            assert console.poll() is None, stderr.read_text(errors="replace")[-2000:]
            assert (tmp_path / "onair.db").exists(), "the console never opened its show"
            console.send_signal(signal.SIGSEGV)
            console.wait(timeout=30)
        finally:
            if console.poll() is None:
                console.kill()
                console.wait(timeout=30)
    said = stderr.read_text(errors="replace")
    assert console.returncode == -signal.SIGSEGV
    assert "Fatal Python error: Segmentation fault" in said, said[-2000:]
    # Every thread's Python stack (which thread was where at that moment varies: a CI run caught one importing).
    assert "(most recent call first)" in said and "threading.py" in said, said[-2000:]
