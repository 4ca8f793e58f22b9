"""Start-up paints before the show database opens: the first session's writer is held, and loses no second."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from console.bridge import Endpoint, ObsBridge
from console.core.storage import Storage
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD


def writer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "telemetry-writer" and t.is_alive()]


def test_the_first_show_opens_when_released_and_keeps_the_seconds_before(
    qtbot: QtBot, sim: SimulatorThread, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    bridge = ObsBridge(hold_first_show_ms=600_000, backoff_initial=0.1)
    bridge.session_options.update(store=True, open_storage=lambda: Storage(url))
    seconds: list[int] = []
    opened: list[int] = []
    bridge.sig_sampled.connect(lambda: seconds.append(1))
    bridge.sig_show_opened.connect(opened.append)
    assert not writer_threads()
    try:
        bridge.connect_to(Endpoint("127.0.0.1", sim.port, PASSWORD), room="一号直播间", demo=False)
        qtbot.waitUntil(lambda: len(seconds) >= 3, timeout=10000)
        # Three seconds recorded, and still no database work: the window had the interpreter to itself.
        assert not writer_threads()
        assert not opened
        held = len(seconds)
        bridge.release_show()
        qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    finally:
        bridge.shutdown()
    storage = Storage(url)
    try:
        # The seconds sampled while the show was held were written once it opened, none lost.
        assert len(storage.show_samples(opened[0])) >= held
    finally:
        storage.close()


def test_a_held_show_is_still_written_when_the_console_closes_before_releasing_it(
    qtbot: QtBot, sim: SimulatorThread, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    bridge = ObsBridge(hold_first_show_ms=600_000, backoff_initial=0.1)
    bridge.session_options.update(store=True, open_storage=lambda: Storage(url))
    seconds: list[int] = []
    bridge.sig_sampled.connect(lambda: seconds.append(1))
    bridge.connect_to(Endpoint("127.0.0.1", sim.port, PASSWORD), room="一号直播间", demo=False)
    qtbot.waitUntil(lambda: len(seconds) >= 2, timeout=10000)
    held = len(seconds)
    bridge.shutdown()
    storage = Storage(url)
    try:
        show, resumed = storage.open_show("一号直播间", datetime.now(UTC), 3600)
        assert resumed  # the show the held writer opened at the close
        assert len(storage.show_samples(show.id)) >= held
    finally:
        storage.close()
