"""A minimised console: nobody sees it, so it asks OBS for no pictures (each costs OBS a render and a JPEG) and draws
nothing, while the room's state, health and show go on; restored, it shows what is true at once."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.simulator.handlers import _transition_to_program
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import obs_round_trip, wait_connected

PICTURE = "GetSourceScreenshot"
MIC = "麦克风"  # the demo room's microphone: it speaks, so its levels change at every frame


def _pictures_asked(sim: SimulatorThread) -> int:
    assert sim.sim is not None
    return sim.sim.requests_by_type[PICTURE]


def _seconds_recorded(qtbot: QtBot, window: MainWindow, count: int) -> None:
    """Wait for the room's session to record `count` more seconds (each one poll of OBS, so real seconds pass)."""
    seen: list[None] = []
    window.bridge.sig_sampled.connect(lambda: seen.append(None))
    qtbot.waitUntil(lambda: len(seen) >= count, timeout=count * 3000 + 5000)


def test_a_minimised_console_asks_obs_for_no_pictures_and_shows_a_fresh_one_when_restored(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    window.show()
    qtbot.waitExposed(window)
    wait_connected(qtbot, window)
    window.docks["program"].show()
    window.docks["program"].raise_()
    qtbot.waitUntil(lambda: all(t.has_thumbnail for t in window.scenes.tiles.values()), timeout=8000)
    # While seen, the pictures come (the program view and each tile ask again and again) and the meters move.
    asked = _pictures_asked(sim)
    qtbot.waitUntil(lambda: _pictures_asked(sim) >= asked + 3, timeout=8000)
    drawn = window.audio.strips[MIC].meter._levels
    qtbot.waitUntil(lambda: window.audio.strips[MIC].meter._levels is not drawn, timeout=3000)

    window.showMinimized()
    qtbot.waitUntil(window.isMinimized, timeout=3000)
    obs_round_trip(qtbot, window)  # a picture asked just before minimising is answered by now
    asked = _pictures_asked(sim)
    meter = window.audio.strips[MIC].meter
    drawn = meter._levels
    # Three recorded seconds: six program pictures and three of each tile would have been asked by now.
    _seconds_recorded(qtbot, window, 3)
    obs_round_trip(qtbot, window)
    assert _pictures_asked(sim) == asked, "a minimised console kept asking OBS for pictures"
    assert meter._levels is drawn, "a minimised console kept drawing OBS's meters"

    # The room goes on: a scene switched in OBS meanwhile is the console's program scene (the tick drains it).
    target = next(name for name in window.scenes.tiles if name != window.bridge.state.program_scene)
    assert window.bridge.quiet, "the minimised window's room is still drained at each message"
    sim.call(lambda obs: _transition_to_program(obs, target))  # the streamer switches in OBS itself
    qtbot.waitUntil(lambda: window.bridge.state.program_scene == target, timeout=3000)

    window.showNormal()
    qtbot.waitUntil(lambda: not window.isMinimized(), timeout=3000)
    qtbot.waitUntil(lambda: _pictures_asked(sim) > asked, timeout=3000)
    assert not window.bridge.quiet
    assert window.scenes.tiles[target].program, "the restored window does not show OBS's program scene"
