"""The bundled technician checklist on the demo room: the demo's ingest is reached as it is, and a demo that
streams nowhere is not a failed streaming server."""

from __future__ import annotations

import socket
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from checklists.engine import ItemStatus
from console.mainwindow import MainWindow
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from tests.gui.test_checklist_dock import start_run


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_the_technician_list_does_not_fail_the_demo_rooms_ingest(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    assert sim.call(lambda s: s.room.stream_settings["server"]) == "rtmp://127.0.0.1:1935/live"
    window: MainWindow = make_window(sim.port, demo=True)
    wait_connected(qtbot, window)
    start_run(qtbot, window, "technician-pre-show", "王工")
    run = window.checklists.run
    assert run is not None
    state = run.states["ingest-reachable"]
    assert state.outcome is not None
    assert state.status is ItemStatus.PASSED, state.outcome.detail
    if not _listening(1935):  # nothing on this computer plays the demo's ingest: the result says why it passed
        assert state.outcome.detail.startswith("This is the demo room"), state.outcome.detail
        assert "127.0.0.1:1935" in window.checklist._rows["ingest-reachable"].toolTip(2)
    else:  # a local RTMP server is there: it is reached as it is
        assert "answers in" in state.outcome.detail
