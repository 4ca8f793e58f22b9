"""The event log says who did it: what the console pressed is the console's, to the final state."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected

FINAL_STATES = [
    "Streaming started",
    "Recording started",
    "Studio mode on",
    "Studio mode off",
    "Streaming stopped",
    "Recording stopped",
]


def test_outputs_and_studio_mode_pressed_in_the_console_are_credited_to_the_console(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    window.output.confirm = lambda *args: True
    lines = window.event_log.lines
    window.output.stream_button.click()
    qtbot.waitUntil(lambda: any(what == "Streaming started" for _, what in lines()), timeout=5000)
    window.output.record_button.click()
    qtbot.waitUntil(lambda: any(what == "Recording started" for _, what in lines()), timeout=5000)
    window.scenes.studio_mode.click()
    qtbot.waitUntil(lambda: any(what == "Studio mode on" for _, what in lines()), timeout=5000)
    window.scenes.studio_mode.click()
    qtbot.waitUntil(lambda: any(what == "Studio mode off" for _, what in lines()), timeout=5000)
    window.output.stream_button.click()
    # "Streaming stopped", with the show's time on air once a poll has seen it ("… after 0:00:01 on air").
    qtbot.waitUntil(lambda: any(what.startswith("Streaming stopped") for _, what in lines()), timeout=5000)
    window.output.record_button.click()
    qtbot.waitUntil(lambda: any(what == "Recording stopped" for _, what in lines()), timeout=5000)
    credited = [(who, what.split(" after ")[0]) for who, what in lines() if what.split(" after ")[0] in FINAL_STATES]
    assert credited == [("Console", what) for what in FINAL_STATES]


def test_the_same_changes_made_in_obs_are_credited_to_obs(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    lines = window.event_log.lines
    sim.call(lambda s: HANDLERS["StartStream"](s, {}))
    qtbot.waitUntil(lambda: ("OBS", "Streaming started") in lines(), timeout=5000)
    sim.call(lambda s: HANDLERS["SetStudioModeEnabled"](s, {"studioModeEnabled": True}))
    qtbot.waitUntil(lambda: ("OBS", "Studio mode on") in lines(), timeout=5000)
    assert not any(who == "Console" for who, _ in lines())
