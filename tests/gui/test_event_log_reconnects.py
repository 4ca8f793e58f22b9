"""The event log through a stream's reconnects: OBS says RECONNECTING again for every try (measured on OBS 29.0.2
with its receiver killed for 16 s: four RECONNECTING events, then RECONNECTED), and the log said "Stream connection
lost: OBS is reconnecting" four times — read as four drops (tech17)."""

from __future__ import annotations

import time
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.messages import ObsEvent
from obs.simulator.server import SimulatorThread


def _stream(state: str) -> ObsEvent:
    active = state in ("OBS_WEBSOCKET_OUTPUT_STARTED", "OBS_WEBSOCKET_OUTPUT_RECONNECTED")
    return ObsEvent("StreamStateChanged", {"outputActive": active, "outputState": state}, time.monotonic())


def test_each_retry_of_one_outage_says_which_try_it_is_not_another_drop(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(sim.port, connect=False)
    outage = ["RECONNECTING"] * 4 + ["RECONNECTED", "RECONNECTING", "RECONNECTED"]
    for state in outage:
        window._on_bridge_event_received(_stream(f"OBS_WEBSOCKET_OUTPUT_{state}"), "obs")
    said = [what for who, what in window.event_log.lines() if who == "OBS"]
    assert said == [
        "Stream connection lost: OBS is reconnecting",
        "Stream still not connected: OBS tries again (attempt 2)",
        "Stream still not connected: OBS tries again (attempt 3)",
        "Stream still not connected: OBS tries again (attempt 4)",
        "Stream reconnected",
        "Stream connection lost: OBS is reconnecting",  # a new drop starts counting afresh
        "Stream reconnected",
    ], said
