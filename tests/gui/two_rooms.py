"""Two rooms for the tests of a console that goes from one room to another (Connection ▸ Rooms): room A's OBS is
the test's `sim` or `clocked` simulator, room B's another simulator (`room_b`, or `clocked_b` on the test's clock:
tests/gui/conftest.py). The steps here are the ones those tests share, each as console/app.py `_switch` takes it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from checklists.engine import ChecklistRun, RunEnd
from console.bridge import Endpoint
from console.core.session import RoomSession
from console.mainwindow import MainWindow
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import wait_connected
from tests.gui.engage_room import Room
from tests.gui.test_checklist_dock import running, start_run

ROOM_A, ROOM_B = "一号直播间", "二号直播间"


def switch_room(qtbot: QtBot, room: Room, port: int, name: str) -> int:
    """An engagement room's console to `name`: the room's show opened and its engagement read; the show's id."""
    room.bridge.connect_to(Endpoint("127.0.0.1", port, PASSWORD), name, False)
    room.window.set_room(name, False)
    qtbot.waitUntil(lambda: room.engage.ready and room.bridge.room == name, timeout=20000)
    return room.show_id


def to_room(qtbot: QtBot, window: MainWindow, clock: ManualClock, sim: SimulatorThread, name: str) -> int:
    """The window to `name` on `sim`: connected there, the room's show begun; the show's id."""
    window.bridge.connect_to(Endpoint("127.0.0.1", sim.port, PASSWORD), name, False)
    window.set_room(name, False)
    wait_connected(qtbot, window)
    qtbot.waitUntil(
        running(clock, lambda: window.bridge.room == name and window.telemetry.current_show() is not None),
        timeout=10000,
    )
    show = window.telemetry.current_show()
    assert show is not None
    return show


def gone_live_over_an_open_list(
    qtbot: QtBot, window: MainWindow, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> ChecklistRun:
    """小李's pre-show list started and left open (the items a person signs off), and the show gone live anyway with
    a reason given: the run, kept with the show as the one it went live with."""
    start_run(qtbot, window, clock=clock)
    run = window.checklists.run
    assert run is not None and not run.ready
    window.output.confirm = lambda *args: True
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("平台活动准点开始", True))
    window.output.stream_button.click()  # not ready: the reason is asked, and the stream starts
    qtbot.waitUntil(running(clock, lambda: run.end is RunEnd.WENT_LIVE), timeout=5000)
    qtbot.waitUntil(running(clock, lambda: window.bridge.state.stream.active), timeout=5000)
    return run


def left_on_air(
    qtbot: QtBot,
    window: MainWindow,
    clock: ManualClock,
    a: SimulatorThread,
    b: SimulatorThread,
    on_air: str = "00:00:05",
) -> None:
    """Room A's stream started and shown on air for `on_air` (hh:mm:ss); the console goes to room B (A's stream
    runs on in its OBS)."""
    to_room(qtbot, window, clock, a, ROOM_A)
    window.bridge.request("StartStream")
    qtbot.waitUntil(running(clock, lambda: window.output.stream_time.text() >= on_air), timeout=15000)
    to_room(qtbot, window, clock, b, ROOM_B)


def holding_history(monkeypatch: pytest.MonkeyPatch) -> list[Callable[[], None]]:
    """The show's history (read by the storage worker) held back from the session until the test lets it in."""
    held: list[Callable[[], None]] = []
    taken = RoomSession._on_history

    def hold(self: RoomSession, *answer: Any) -> None:
        held.append(lambda: taken(self, *answer))

    monkeypatch.setattr(RoomSession, "_on_history", hold)
    return held
