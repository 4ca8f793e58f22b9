"""A pre-show run the show went live with anyway keeps who overrode it through a restart on air: the dock and the
studio wall's tile of the console's own room still say "overridden by 小李" (fix23h: the run came back from the
database without its override, and the tile and the dock said nothing of it)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from checklists.engine import RunEnd
from console import studio_controller as studio
from console.core.rooms import Room
from console.core.session import Endpoint
from console.mainwindow import MainWindow
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import wait_connected
from tests.gui.test_checklist_dock import running, start_run, stored

ROOM = "一号直播间"
REASON = "平台活动准点开始"


def in_room(qtbot: QtBot, window: MainWindow, clock: ManualClock, port: int) -> None:
    """The window on the simulator's room, connected by the room's name (as File ▸ Rooms does), its show begun."""
    window.bridge.connect_to(Endpoint("127.0.0.1", port, PASSWORD), ROOM, False)
    window.set_room(ROOM, False)
    wait_connected(qtbot, window)
    qtbot.waitUntil(running(clock, lambda: window.telemetry.current_show() is not None), timeout=10000)


def test_a_console_restarted_on_air_still_says_who_went_live_anyway(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first: MainWindow = make_window(clocked.port, clock=clock, connect=False)
    in_room(qtbot, first, clock, clocked.port)
    start_run(qtbot, first, clock=clock)  # 小李's list: the items a person signs off stay open
    run = first.checklists.run
    assert run is not None and not run.ready
    first.output.confirm = lambda *args: True
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (REASON, True))
    first.output.stream_button.click()  # not ready: the reason is asked, and the stream starts
    qtbot.waitUntil(running(clock, lambda: run.end is RunEnd.WENT_LIVE), timeout=5000)
    assert "overridden by 小李" in first.checklist.verdict_text(), first.checklist.verdict_text()
    row = stored(first)
    assert row is not None and row.go_live_by == "小李" and row.go_live_reason == REASON
    show = first.telemetry.current_show()
    first.close()

    second: MainWindow = make_window(clocked.port, clock=clock, connect=False)
    in_room(qtbot, second, clock, clocked.port)
    assert second.telemetry.current_show() == show, "the show on air taken up again"
    second.checklists.resume()
    qtbot.waitUntil(lambda: second.checklists.run is not None, timeout=5000)
    resumed = second.checklists.run
    assert resumed is not None and resumed.end is RunEnd.WENT_LIVE
    assert resumed.go_live_override is not None and resumed.go_live_override[:2] == ("小李", REASON)
    verdict = second.checklist.verdict_text()
    assert verdict.startswith("WENT LIVE") and verdict.endswith("overridden by 小李"), verdict
    assert second.checklist.ended.text().startswith(f"Reason: {REASON}"), second.checklist.ended.text()

    # The studio wall's tile of the console's own room, as View ▸ Studio shows it (direct mode, on SQLite).
    second.studio_rooms = lambda: [Room(ROOM, "127.0.0.1", clocked.port)]
    controller = second.open_studio()
    assert controller is not None and controller.mode == studio.DIRECT
    try:

        def prep() -> str:
            tile = controller.wall.tile(ROOM)
            return "" if tile is None else tile.text("prep")

        qtbot.waitUntil(running(clock, lambda: prep().startswith("Went live: overridden by 小李")), timeout=20000)
    finally:
        controller.wall.close()
        qtbot.waitUntil(lambda: not studio.OPEN, timeout=10000)
    again = stored(second)
    assert again is not None and (again.go_live_by, again.go_live_reason) == ("小李", REASON), "stored as it was"
