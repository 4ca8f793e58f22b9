"""OBS killed on air and started again, in the window (walk13 F5): the event log, the status bar and the
announcement say the show was cut, not just "OBS lost: cleared"."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected


def said(window: MainWindow) -> list[str]:
    return [what for _who, what in window.event_log.lines()]


def test_obs_back_not_streaming_is_said_in_the_log_the_status_bar_and_announced(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(sim.port)
    wait_connected(qtbot, window)
    window.bridge.request("StartStream")
    qtbot.waitUntil(lambda: window.telemetry.health.on_air_before_loss, timeout=10000)
    sim.run(sim.sim.kill())  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: any(f.id == "obs_unreachable" for f in window.telemetry.health.active()), timeout=10000)
    sim.run(sim.sim.restart())  # type: ignore[union-attr]  # a fresh OBS: not streaming
    qtbot.waitUntil(lambda: any(f.id == "stream_not_resumed" for f in window.telemetry.health.active()), timeout=15000)
    lines = said(window)
    assert "OBS lost: OBS answers again, but it is no longer streaming" in lines, lines
    assert "OBS lost: cleared" not in lines
    assert any(line.startswith("Stream stopped while OBS was lost (last heard streaming at ") for line in lines)
    assert window.critical_status.text().startswith("● Stream did not resume: The stream did not resume after OBS")
    assert any(a.startswith("Stream did not resume: ") for a in window.announcements)
    window.bridge.request("StartStream")
    qtbot.waitUntil(lambda: "Stream did not resume: live again" in said(window), timeout=10000)
