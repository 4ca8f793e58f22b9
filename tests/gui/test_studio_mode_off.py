"""Studio mode turned off in the console: the program stays, no flicker, one line credited to the console."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import SimulatorThread
from obs.state import ObsState
from tests.gui.conftest import obs_round_trip, wait_connected


@pytest.mark.parametrize(
    ("off_first", "by_obs"),
    [(False, False), (True, False), (True, True)],
    ids=["obs29-order", "studio-mode-off-said-first", "said-first-turned-off-in-obs"],
)
def test_studio_mode_off_keeps_the_program_with_one_line_and_no_scene_segment(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], off_first: bool, by_obs: bool
) -> None:
    """In OBS 29's order (the reload's program-scene events, then studio mode off) and the other (studio mode off
    said first, as obs-websocket's thread pool may): one line, credited to whoever turned it off."""
    sim.call(lambda s: setattr(s.room, "studio_off_first", off_first))
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    sim.call(lambda s: HANDLERS["SetCurrentProgramScene"](s, {"sceneName": "直播中"}))
    qtbot.waitUntil(lambda: ("OBS", "Program scene: 直播中") in window.event_log.lines(), timeout=5000)
    sim.call(lambda s: HANDLERS["SetStudioModeEnabled"](s, {"studioModeEnabled": True}))
    sim.call(lambda s: HANDLERS["SetCurrentPreviewScene"](s, {"sceneName": "商品特写"}))
    qtbot.waitUntil(lambda: window.bridge.tracker.state.preview_scene == "商品特写", timeout=5000)
    session = window.bridge.session
    assert session is not None
    programs: list[str | None] = []

    def seen(state: ObsState) -> None:
        programs.append(state.program_scene)

    window.bridge.sig_state_changed.connect(seen)
    obs_round_trip(qtbot, window)
    lines = window.event_log.lines
    before, markers_before = len(lines()), len(session.telemetry.markers)

    if by_obs:
        sim.call(lambda s: HANDLERS["SetStudioModeEnabled"](s, {"studioModeEnabled": False}))
    else:
        window.scenes.studio_mode.click()
    qtbot.waitUntil(lambda: not window.bridge.tracker.state.studio_mode, timeout=5000)
    obs_round_trip(qtbot, window)

    assert programs and set(programs) == {"直播中"}  # the red frame and the Program dock never left 直播中
    who = "OBS" if by_obs else "Console"
    assert lines()[before:] == [(who, "Studio mode off")], lines()  # no "OBS: Program scene: …" lines
    scene_markers = [m for m in list(session.telemetry.markers)[markers_before:] if m.kind == "scene"]
    assert scene_markers == []  # no 0-s segment of 商品特写 in the show's scene timeline


def in_studio_mode(qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]) -> MainWindow:
    """A console on OBS in studio mode: 直播中 on program (its own switch said first), 商品特写 in preview."""
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    sim.call(lambda s: HANDLERS["SetCurrentProgramScene"](s, {"sceneName": "直播中"}))
    # The switch's transition runs its 300 ms before OBS names the new program: waited for, or its event would come
    # in the middle of the exit the test then makes.
    qtbot.waitUntil(lambda: ("OBS", "Program scene: 直播中") in window.event_log.lines(), timeout=5000)
    sim.call(lambda s: HANDLERS["SetStudioModeEnabled"](s, {"studioModeEnabled": True}))
    sim.call(lambda s: HANDLERS["SetCurrentPreviewScene"](s, {"sceneName": "商品特写"}))
    qtbot.waitUntil(lambda: window.bridge.tracker.state.preview_scene == "商品特写", timeout=5000)
    obs_round_trip(qtbot, window)
    return window


def test_studio_mode_off_said_first_with_a_reload_that_moves_the_program_is_one_change_credited_as_it(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An OBS that says studio mode off first and then names only the scene it keeps on program, not the one the
    console thought: nothing more follows, so the exit is settled when its wait ends (STUDIO_HOLD_S), and the
    program change is part of it: credited to the console that turned it off, not to OBS."""
    window = in_studio_mode(qtbot, sim, make_window)

    def leave_with_one_event(host: Any, data: dict[str, Any]) -> dict[str, Any]:
        host.room.studio_mode = False
        host.room.program = "暂时离开"
        host.emit("StudioModeStateChanged", {"studioModeEnabled": False})
        host.emit("CurrentProgramSceneChanged", {"sceneName": "暂时离开"})
        return {}

    monkeypatch.setitem(HANDLERS, "SetStudioModeEnabled", leave_with_one_event)
    lines = window.event_log.lines
    before = len(lines())
    window.scenes.studio_mode.click()
    # The exit is settled when its wait ends (STUDIO_HOLD_S), at the first drain after it: waited for, not assumed
    # to be over by the time a round trip comes back (on an idle machine it is not).
    qtbot.waitUntil(lambda: window.bridge.tracker.state.program_scene == "暂时离开", timeout=5000)
    assert not window.bridge.tracker.state.studio_mode
    obs_round_trip(qtbot, window)
    # In the order OBS said them (the log's lines carry the moment OBS said each): studio mode off, then the program.
    assert lines()[before:] == [("Console", "Studio mode off"), ("Console", "Program scene: 暂时离开")], lines()


def test_studio_mode_exit_settled_by_a_later_event_before_its_wait_ends_is_still_one_change_credited_as_it(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The exit said first, its one program-scene event, and then any other event of OBS's before the wait ends (the
    demo room's inputs raise some at any moment): that event settles the exit, and the program change is still part
    of it, credited to the console that turned studio mode off — not to OBS (this test's flaky neighbour above
    failed so, about one run in two under load)."""
    window = in_studio_mode(qtbot, sim, make_window)

    def leave_and_say_more(host: Any, data: dict[str, Any]) -> dict[str, Any]:
        host.room.studio_mode = False
        host.room.program = "暂时离开"
        host.emit("StudioModeStateChanged", {"studioModeEnabled": False})
        host.emit("CurrentProgramSceneChanged", {"sceneName": "暂时离开"})
        host.emit("CurrentSceneTransitionDurationChanged", {"transitionDuration": 300})
        return {}

    monkeypatch.setitem(HANDLERS, "SetStudioModeEnabled", leave_and_say_more)
    lines = window.event_log.lines
    before = len(lines())
    window.scenes.studio_mode.click()
    qtbot.waitUntil(lambda: window.bridge.tracker.state.program_scene == "暂时离开", timeout=5000)
    obs_round_trip(qtbot, window)
    assert not window.bridge.tracker.state.studio_mode
    assert lines()[before : before + 2] == [("Console", "Studio mode off"), ("Console", "Program scene: 暂时离开")], (
        lines()
    )
