"""Closing a direct-mode wall while one of its OBS is frozen (its process SIGSTOPped: the socket stays open, the
kernel acknowledges, nothing answers). Each room's stop waits for its OBS to acknowledge the close, seconds when
OBS is frozen; that wait happened on the GUI thread, and the console froze with the OBS."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from console import studio_controller as studio
from console.core.rooms import Room, Secrets
from console.core.storage import Storage
from console.mainwindow import MainWindow
from tests.conftest import PASSWORD
from tests.keyring_memory import MemoryKeyring

ROOM = "冻结的直播间 Frozen"


@pytest.fixture
def obs_process() -> Iterator[tuple[subprocess.Popen[str], int]]:
    """The simulator in a process of its own (`onair demo-obs`), so that it can be frozen as a real OBS is. It picks
    its own free port (--port 0) and says which: a port probed here and handed over could be taken by another test's
    server in between (a CI run's demo OBS exited at once, and the fixture read an empty line)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "console", "demo-obs", "--port", "0", "--password-env", "ONAIR_TEST_PW", "--lang", "en"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2],
        env=dict(os.environ, ONAIR_TEST_PW=PASSWORD),
    )  # fmt: skip
    try:
        assert proc.stdout is not None and proc.stderr is not None
        said = proc.stdout.readline()  # it listens once it has said so
        found = re.search(r"ws://127\.0\.0\.1:(\d+)", said)
        assert found, f"the demo OBS did not start: {said!r} {proc.stderr.read() if proc.poll() is not None else ''}"
        port = int(found.group(1))
        yield proc, port
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGCONT)
            proc.terminate()
            proc.wait(30)


def room_threads() -> list[str]:
    """The threads a room run by the wall leaves while it is not stopped: its driver, its OBS link, its receiver."""
    return [t.name for t in threading.enumerate() if t.name.startswith(("obs-link-", "obs-recv-", "studio-close"))]


def test_closing_a_direct_wall_with_a_frozen_obs_returns_at_once_and_the_exit_waits_for_its_rooms(
    obs_process: tuple[subprocess.Popen[str], int], tmp_path: Path, qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    proc, port = obs_process
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    store = Storage(url)
    store.migrate()
    store.close()
    secrets = Secrets()
    secrets.set(ROOM, PASSWORD)
    controller = studio.open_direct([Room(ROOM, "127.0.0.1", port)], secrets, lambda: Storage(url), lambda _r: None)
    wall = controller.wall
    wall.show()
    qtbot.waitUntil(lambda: (tile := wall.tile(ROOM)) is not None and tile.status.link == "connected", timeout=20000)
    assert room_threads()
    os.kill(proc.pid, signal.SIGSTOP)
    try:
        wall.close()  # as the user closes it: the wall is deleted, which closes the controller
        QCoreApplication.sendPostedEvents(None, 52)  # QEvent.DeferredDelete: the deletion, now
        # The barrier: the GUI thread has its hands free again while the frozen OBS still holds its room's stop
        # (it cannot end before OBS acknowledges the close, or the link gives up on it after seconds).
        assert not studio.OPEN
        assert any(name.startswith("obs-link-") for name in room_threads()), "the room is still stopping"
        assert not controller.source_closed.is_set()
        # What the console's exit does: it waits for the rooms, frozen OBS or not. Nothing is left running.
        assert studio.wait_for_closing(60)
        assert controller.source_closed.is_set()
    finally:
        os.kill(proc.pid, signal.SIGCONT)
    # The receiver of a link closed without OBS's answer ends when the socket does (the thawed OBS closes it).
    qtbot.waitUntil(lambda: not room_threads(), timeout=20000)


def test_the_wall_asked_for_again_while_its_rooms_still_stop_opens_once_they_have_without_holding_the_console(
    obs_process: tuple[subprocess.Popen[str], int],
    make_window: Callable[..., MainWindow],
    qtbot: QtBot,
    memory_keyring: MemoryKeyring,
) -> None:
    """View ▸ Studio right after closing a direct wall whose OBS is frozen: its rooms are still stopping (they are
    the same rooms: run twice, a room's show would be written twice). The window waited for them on the GUI thread
    (up to 15 s, the console frozen); it now says so and opens the wall once they have stopped."""
    proc, port = obs_process
    window = make_window(0, connect=False)  # SQLite storage: direct mode
    secrets = Secrets()
    secrets.set(ROOM, PASSWORD)
    window.studio_rooms = lambda: [Room(ROOM, "127.0.0.1", port)]
    window.studio_secrets = secrets
    controller = window.open_studio()
    assert controller is not None
    qtbot.waitUntil(
        lambda: (tile := controller.wall.tile(ROOM)) is not None and tile.status.link == "connected", timeout=20000
    )
    os.kill(proc.pid, signal.SIGSTOP)
    try:
        controller.wall.close()
        QCoreApplication.sendPostedEvents(None, 52)  # QEvent.DeferredDelete: the deletion, now
        assert studio.still_stopping(), "the frozen OBS holds its room's stop"
        # Asked for again at once: the call returns with the rooms still stopping (the barrier: they cannot stop
        # before the frozen OBS answers), and says why the wall is not there yet.
        assert window.open_studio() is None
        assert studio.still_stopping() and not studio.OPEN
        assert any("still stopping" in what for _who, what in window.event_log.lines())
    finally:
        os.kill(proc.pid, signal.SIGCONT)
    qtbot.waitUntil(lambda: bool(studio.OPEN), timeout=30000)  # it opens by itself once they have stopped
    reopened = studio.OPEN[-1]
    qtbot.waitUntil(
        lambda: (tile := reopened.wall.tile(ROOM)) is not None and tile.status.link == "connected", timeout=20000
    )
    reopened.wall.close()
    QCoreApplication.sendPostedEvents(None, 52)
    assert studio.wait_for_closing(60)
