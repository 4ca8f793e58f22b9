"""A finding whose condition no longer applies ends, it does not clear: the microphone still muted when the stream
stopped was logged "Microphone muted: cleared" — untrue, it was still muted."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected

MIC = "麦克风"


def said(window: MainWindow) -> list[str]:
    return [what for _who, what in window.event_log.lines()]


def mic_muted_on_air(qtbot: QtBot, sim: SimulatorThread, window: MainWindow) -> None:
    wait_connected(qtbot, window)
    window.bridge.request("SetCurrentProgramScene", {"sceneName": "直播中"})  # the host's microphone on program
    window.bridge.request("StartStream")
    qtbot.waitUntil(
        lambda: window.bridge.state.stream.active and window.bridge.state.program_scene == "直播中", timeout=10000
    )
    sim.call(lambda s: HANDLERS["SetInputMute"](s, {"inputName": MIC, "inputMuted": True}))
    qtbot.waitUntil(lambda: any(f.id == "mic_muted" for f in window.telemetry.health.active()), timeout=10000)


def test_a_mic_still_muted_when_the_stream_stops_ends_with_the_stream_it_is_not_cleared(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(sim.port)
    mic_muted_on_air(qtbot, sim, window)
    window.bridge.request("StopStream")
    qtbot.waitUntil(lambda: "Microphone muted: ended — the stream stopped" in said(window), timeout=10000)
    assert "Microphone muted: cleared" not in said(window)
    assert sim.call(lambda s: s.room.inputs[MIC].muted), "still muted: nothing was cleared"


def test_a_mic_unmuted_on_air_is_cleared(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(sim.port)
    mic_muted_on_air(qtbot, sim, window)
    sim.call(lambda s: HANDLERS["SetInputMute"](s, {"inputName": MIC, "inputMuted": False}))
    qtbot.waitUntil(lambda: "Microphone muted: cleared" in said(window), timeout=10000)
    assert not any("ended" in line for line in said(window))
