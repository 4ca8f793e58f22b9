"""The graphs after a language switch: the rebuilt window's graphs show the seconds recorded before it. In
compressed time: OBS and the console's room on one manual clock (`Console(..., clock=)`), a second of the show
one advance of it."""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console, Options
from console.settings import Settings
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import connected


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def clocked(clock: ManualClock) -> Iterator[SimulatorThread]:
    thread = SimulatorThread(password=PASSWORD, seed=7, clock=clock).start()
    try:
        yield thread
    finally:
        thread.stop()


def one_second(qtbot: QtBot, clock: ManualClock, console: Console) -> float:
    """A second of the show: polled and recorded by the console's room."""
    ring = console.telemetry.telemetry.ring
    t = clock.advance(1.0)
    qtbot.waitUntil(lambda: len(ring) > 0 and ring.last_time() >= t, timeout=10000)
    return t


def test_a_language_switch_keeps_the_graphs_history(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    clocked: SimulatorThread,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ONAIR_TEST_PASSWORD", PASSWORD)
    # A room reached by address (not the demo): its show must carry on through the switch.
    options = Options(url=f"127.0.0.1:{clocked.port}", password_env="ONAIR_TEST_PASSWORD", lang="en")
    console = Console(qapp, options, settings, clock=clock)
    consoles.append(console)
    console.window.show()
    connected(qtbot, console)
    console.window.apply_workspace("Technician")
    console.bridge.request("StartStream")
    telemetry = console.telemetry.telemetry
    for _ in range(20):
        if telemetry.value("bitrate_kbps") is not None and len(telemetry.ring) >= 5:
            break
        one_second(qtbot, clock, console)
    assert telemetry.value("bitrate_kbps") is not None and len(telemetry.ring) >= 5
    times, _ = telemetry.ring.since(-math.inf)
    first_second = float(times[0]) + telemetry.wall_offset
    markers = len(telemetry.markers)
    assert markers, "going on air is marked"
    console.switch_language("zh_CN")
    graph = console.window.graph("graph_bitrate")
    qtbot.waitUntil(graph.isVisible, timeout=5000)
    refreshes = graph.refreshes
    for _ in range(2):
        one_second(qtbot, clock, console)
    qtbot.waitUntil(lambda: graph.refreshes > refreshes + 1, timeout=10000)  # drawn as the seconds come
    x, y = graph.panes[0].curves["bitrate_kbps"].getOriginalDataset()
    assert x is not None and x[0] <= first_second + 0.5, "the seconds before the switch are drawn"
    assert np.isfinite(y[x < first_second + 5]).any(), "with the bitrate they had"
    assert len(graph.panes[0].marker_positions()) >= markers, "and the markers"
