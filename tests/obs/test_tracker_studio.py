"""Studio mode turned off, read as OBS means it: the program scene did not change (obs/tracker.py)."""

from __future__ import annotations

from collections.abc import Callable

from obs.messages import LinkState, ObsEvent, OutboxItem
from obs.simulator.server import SimulatorThread
from obs.tracker import STUDIO_HOLD_S, ObsTracker
from tests.conftest import LinkHarness, wait_until

MakeLink = Callable[..., LinkHarness]


def _studio(h: LinkHarness, program: str, preview: str) -> None:
    h.wait(lambda: h.tracker.status.state is LinkState.CONNECTED, message="link connected")
    h.link.request("SetCurrentProgramScene", {"sceneName": program}).result(5)
    h.wait(lambda: h.tracker.state.program_scene == program, message="the program scene")
    h.link.request("SetStudioModeEnabled", {"studioModeEnabled": True}).result(5)
    h.link.request("SetCurrentPreviewScene", {"sceneName": preview}).result(5)
    h.wait(lambda: h.tracker.state.preview_scene == preview, message="studio mode with a preview")
    h.link.request("GetVersion").result(5)
    h.pump()


def _watch(h: LinkHarness, event_type: str) -> tuple[list[str | None], list[OutboxItem]]:
    """The link's items into the tracker one at a time until an `event_type` event took effect: the program scene
    after each item, and what took effect. (The link holds events behind removals for a moment: a wait.)"""
    programs: list[str | None] = []
    applied: list[OutboxItem] = []

    def arrived() -> bool:
        for item in h.link.drain():
            applied.extend(h.tracker.accept(item))
            programs.append(h.tracker.state.program_scene)
        return any(isinstance(i, ObsEvent) and i.event_type == event_type for i in applied)

    wait_until(arrived, 5, message=f"{event_type} took effect")
    return programs, applied


def test_studio_mode_off_is_one_change_with_no_flicker_of_the_preview(
    sim: SimulatorThread, make_link: MakeLink
) -> None:
    h = make_link(sim.port)
    _studio(h, "直播中", "商品特写")
    h.link.request("SetStudioModeEnabled", {"studioModeEnabled": False}).result(5)
    programs, applied = _watch(h, "StudioModeStateChanged")
    # OBS announced 商品特写 and then 直播中 as program scene: the program never showed the preview.
    assert set(programs) == {"直播中"}
    events = [item.event_type for item in applied if isinstance(item, ObsEvent)]
    assert "CurrentProgramSceneChanged" not in events
    assert not h.tracker.state.studio_mode and h.tracker.state.program_scene == "直播中"
    assert h.tracker.folded is None


def test_a_studio_transition_still_changes_the_program_at_once(sim: SimulatorThread, make_link: MakeLink) -> None:
    h = make_link(sim.port)
    _studio(h, "直播中", "商品特写")
    h.link.request("TriggerStudioModeTransition").result(5)
    # Taken without release_due: the events after it settle it (no wait for the hold).
    _programs, applied = _watch(h, "CurrentProgramSceneChanged")
    scenes = [i.data.get("sceneName") for i in applied if isinstance(i, ObsEvent) and "Program" in i.event_type]
    assert scenes == ["商品特写"]
    assert h.tracker.state.program_scene == "商品特写" and h.tracker.state.preview_scene == "直播中"


def _event(event_type: str, t: float, **data: object) -> ObsEvent:
    return ObsEvent(event_type, dict(data), t)


def _studio_tracker() -> ObsTracker:
    tracker = ObsTracker()
    tracker.handle(_event("CurrentProgramSceneChanged", 0.0, sceneName="直播中"))
    tracker.handle(_event("StudioModeStateChanged", 0.0, studioModeEnabled=True))
    tracker.handle(_event("CurrentPreviewSceneChanged", 0.0, sceneName="商品特写"))
    return tracker


def test_a_program_change_nothing_follows_takes_effect_after_the_hold() -> None:
    """A transition that does not swap the preview: the change waits at most STUDIO_HOLD_S, then it is real."""
    tracker = _studio_tracker()
    assert tracker.accept(_event("CurrentProgramSceneChanged", 10.0, sceneName="商品特写")) == []
    assert tracker.release_due(10.0 + STUDIO_HOLD_S / 2) == []
    released = tracker.release_due(10.0 + STUDIO_HOLD_S)
    assert [e.data["sceneName"] for e in released if isinstance(e, ObsEvent)] == ["商品特写"]
    assert tracker.state.program_scene == "商品特写"


def test_studio_mode_off_that_moves_the_program_is_one_change_part_of_it() -> None:
    """The console's idea of the program was not OBS's: the last scene OBS names is the one change, folded into
    the exit (so it is credited as the exit is), and the preview it named first never reaches the state."""
    tracker = _studio_tracker()
    seen: list[str | None] = []
    applied: list[OutboxItem] = []
    for scene in ("商品特写", "暂时离开"):
        applied += tracker.accept(_event("CurrentProgramSceneChanged", 10.0, sceneName=scene))
        seen.append(tracker.state.program_scene)
    applied += tracker.accept(_event("StudioModeStateChanged", 10.0, studioModeEnabled=False))
    assert seen == ["直播中", "直播中"]
    assert [(e.event_type, e.data) for e in applied if isinstance(e, ObsEvent)] == [
        ("CurrentProgramSceneChanged", {"sceneName": "暂时离开"}),
        ("StudioModeStateChanged", {"studioModeEnabled": False}),
    ]
    assert tracker.folded is applied[0]
    assert tracker.state.program_scene == "暂时离开" and not tracker.state.studio_mode


def test_studio_mode_off_with_its_two_program_events_the_other_way_round_changes_nothing() -> None:
    """obs-websocket broadcasts events raised together from a thread pool: they may come in either order."""
    tracker = _studio_tracker()
    applied: list[OutboxItem] = []
    for scene in ("直播中", "商品特写"):
        applied += tracker.accept(_event("CurrentProgramSceneChanged", 10.0, sceneName=scene))
    applied += tracker.accept(_event("StudioModeStateChanged", 10.0, studioModeEnabled=False))
    assert [e.event_type for e in applied if isinstance(e, ObsEvent)] == ["StudioModeStateChanged"]
    assert tracker.state.program_scene == "直播中" and tracker.folded is None


# Studio mode off said before the reload (obs-websocket broadcasts each event from a thread pool; other OBS versions
# and plugins raise them in this order): the same one change as OBS 29's order.


def test_studio_mode_off_said_first_is_one_change_with_no_flicker_of_the_preview(
    sim: SimulatorThread, make_link: MakeLink
) -> None:
    sim.call(lambda s: setattr(s.room, "studio_off_first", True))
    h = make_link(sim.port)
    _studio(h, "直播中", "商品特写")
    h.link.request("SetStudioModeEnabled", {"studioModeEnabled": False}).result(5)
    programs, applied = _watch(h, "StudioModeStateChanged")
    assert set(programs) == {"直播中"}
    events = [i.event_type for i in applied if isinstance(i, ObsEvent)]
    assert "CurrentProgramSceneChanged" not in events and events.count("StudioModeStateChanged") == 1
    assert not h.tracker.state.studio_mode and h.tracker.state.program_scene == "直播中"
    assert h.tracker.folded is None


def test_studio_mode_off_first_waits_for_its_reload_and_then_changes_nothing() -> None:
    tracker = _studio_tracker()
    seen: list[tuple[str | None, bool]] = []
    applied: list[OutboxItem] = []
    for event in (
        _event("StudioModeStateChanged", 10.0, studioModeEnabled=False),
        _event("CurrentProgramSceneChanged", 10.0, sceneName="商品特写"),
        _event("CurrentProgramSceneChanged", 10.0, sceneName="直播中"),
    ):
        applied += tracker.accept(event)
        seen.append((tracker.state.program_scene, tracker.state.studio_mode))
    # Settled by the reload's second event, not by the hold: no wait once OBS has said all of it.
    assert seen == [("直播中", True), ("直播中", True), ("直播中", False)]
    assert [e.event_type for e in applied if isinstance(e, ObsEvent)] == ["StudioModeStateChanged"]
    assert tracker.folded is None
    # A switch after it is a switch.
    switched = tracker.accept(_event("CurrentProgramSceneChanged", 11.0, sceneName="暂时离开"))
    assert [e.data for e in switched if isinstance(e, ObsEvent)] == [{"sceneName": "暂时离开"}]
    assert tracker.state.program_scene == "暂时离开"


def test_studio_mode_off_first_that_moves_the_program_is_one_change_part_of_it() -> None:
    tracker = _studio_tracker()
    applied: list[OutboxItem] = []
    applied += tracker.accept(_event("StudioModeStateChanged", 10.0, studioModeEnabled=False))
    applied += tracker.accept(_event("CurrentProgramSceneChanged", 10.0, sceneName="商品特写"))
    assert tracker.state.program_scene == "直播中"  # the preview named first never reaches the state
    applied += tracker.accept(_event("CurrentProgramSceneChanged", 10.0, sceneName="暂时离开"))
    assert [(e.event_type, e.data) for e in applied if isinstance(e, ObsEvent)] == [
        ("CurrentProgramSceneChanged", {"sceneName": "暂时离开"}),
        ("StudioModeStateChanged", {"studioModeEnabled": False}),
    ]
    assert tracker.folded is applied[0]
    assert tracker.state.program_scene == "暂时离开" and not tracker.state.studio_mode


def test_studio_mode_off_first_with_nothing_after_it_takes_effect_after_the_hold() -> None:
    """An OBS that does not reload the program: the exit waits at most STUDIO_HOLD_S, then it is the change."""
    tracker = _studio_tracker()
    assert tracker.accept(_event("StudioModeStateChanged", 10.0, studioModeEnabled=False)) == []
    assert tracker.release_due(10.0 + STUDIO_HOLD_S / 2) == []
    assert tracker.state.studio_mode
    released = tracker.release_due(10.0 + STUDIO_HOLD_S)
    assert [e.event_type for e in released] == ["StudioModeStateChanged"] and tracker.folded is None
    assert not tracker.state.studio_mode and tracker.state.program_scene == "直播中"


def test_studio_mode_off_first_and_then_another_event_settles_it_at_once() -> None:
    """Anything else OBS says after the exit (a preview, a stream, a status) comes after the reload: the exit takes
    effect first, with what of the reload came, and then that item."""
    tracker = _studio_tracker()
    tracker.accept(_event("StudioModeStateChanged", 10.0, studioModeEnabled=False))
    tracker.accept(_event("CurrentProgramSceneChanged", 10.0, sceneName="直播中"))
    applied = tracker.accept(_event("CurrentSceneTransitionChanged", 10.1, transitionName="Cut"))
    assert [e.event_type for e in applied if isinstance(e, ObsEvent)] == [
        "StudioModeStateChanged",
        "CurrentSceneTransitionChanged",
    ]
    assert not tracker.state.studio_mode and tracker.state.program_scene == "直播中"
