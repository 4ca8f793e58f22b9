"""The graphs after a language switch: the rebuilt window's graphs show the seconds recorded before it."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console
from console.settings import Settings
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, start


def test_a_language_switch_keeps_the_graphs_history(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ONAIR_TEST_PASSWORD", PASSWORD)
    # A room reached by address (not the demo): its show must carry on through the switch.
    console = start(
        qapp, consoles, settings, url=f"127.0.0.1:{sim.port}", password_env="ONAIR_TEST_PASSWORD", lang="en"
    )
    connected(qtbot, console)
    console.window.apply_workspace("Technician")
    console.bridge.request("StartStream")
    telemetry = console.telemetry.telemetry
    qtbot.waitUntil(lambda: telemetry.value("bitrate_kbps") is not None, timeout=20000)
    qtbot.waitUntil(lambda: len(telemetry.ring) >= 5, timeout=20000)
    times, _ = telemetry.ring.since(-math.inf)
    first_second = float(times[0]) + telemetry.wall_offset
    markers = len(telemetry.markers)
    assert markers, "going on air is marked"
    console.switch_language("zh_CN")
    graph = console.window.graph("graph_bitrate")
    qtbot.waitUntil(graph.isVisible, timeout=5000)
    refreshes = graph.refreshes
    qtbot.waitUntil(lambda: graph.refreshes > refreshes + 1, timeout=5000)  # drawn as the seconds come
    x, y = graph.panes[0].curves["bitrate_kbps"].getOriginalDataset()
    assert x is not None and x[0] <= first_second + 0.5, "the seconds before the switch are drawn"
    assert np.isfinite(y[x < first_second + 5]).any(), "with the bitrate they had"
    assert len(graph.panes[0].marker_positions()) >= markers, "and the markers"
