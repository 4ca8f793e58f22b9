"""Out of studio mode the program picture fills its dock: in a wide, short dock (the Streamer workspace with the
event log opened, 1366×768) it was drawn in the right half, the left half left blank for the hidden preview."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.simulator.server import SimulatorThread
from widgets.program_view import ProgramView


@pytest.mark.parametrize("size", [(680, 250), (680, 450), (400, 600)], ids=["wide", "tall-ish", "tall"])
def test_the_program_picture_takes_the_whole_dock_out_of_studio_mode(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], size: tuple[int, int]
) -> None:
    window: MainWindow = make_window(sim.port, connect=False)
    view = ProgramView(window.bridge)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    assert not window.bridge.state.studio_mode and view.preview.isHidden()
    qtbot.waitUntil(lambda: view.image.geometry().size() == view.size(), timeout=2000)
