"""What a wall tile of the console's own room says of its preparation: the console's pre-show run of that room, never
the run its dock happens to show."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.simulator.server import SimulatorThread
from tests.gui.test_checklist_dock import start_run


def test_the_walls_prep_is_the_consoles_pre_show_run_of_its_own_room_only(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    """walk22: the console moved from room A, its list completed, to room B; B's tile took A's list as B's (the dock
    still showed A's run). A troubleshooting list is no room's preparation either."""
    window = make_window(sim.port)
    controller = window.checklists
    start_run(qtbot, window, "host-assistant-pre-show", "王丽")
    run = controller.run
    assert run is not None and controller.room_pre_show() is run, "the console's own room's pre-show run"
    run.room = "另一个直播间"  # the run of the room the console was on before it switched
    assert controller.run is run and controller.room_pre_show() is None
    run.room = controller.room
    start_run(qtbot, window, "troubleshoot-network", "王丽")
    assert controller.run is not None and controller.run.template.kind == "troubleshooting"
    assert controller.room_pre_show() is run, "a troubleshooting list shown in the dock is not the room's prep"
