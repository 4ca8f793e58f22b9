"""Who made a change: console commands are credited by the OBS event that confirms their final state."""

from __future__ import annotations

from collections.abc import Callable

from obs.commands import CONSOLE, OBS, OUTPUT_EXPIRY_S, QUICK_EXPIRY_S, Attribution
from obs.protocol import OutputState
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import SimulatorThread
from obs.state import ObsState
from tests.conftest import LinkHarness


def _stream_verdicts(harness: LinkHarness, attribution: Attribution, seen: int) -> list[tuple[str, str]]:
    events = [e for e in harness.tracker.events if e.event_type == "StreamStateChanged"][seen:]
    return [(e.data["outputState"], attribution.attribute(e.event_type, e.data)) for e in events]


def test_start_and_stop_pressed_in_the_console_are_credited_to_it_through_the_final_state(
    sim: SimulatorThread, make_link: Callable[..., LinkHarness]
) -> None:
    harness = make_link(sim.port)
    harness.wait(lambda: harness.tracker.state.connected, message="connected")
    attribution = Attribution()
    attribution.expect("StartStream", {}, harness.tracker.state)
    harness.link.request("StartStream").result(5)
    harness.wait(lambda: harness.tracker.state.stream.active, message="streaming")
    assert _stream_verdicts(harness, attribution, 0) == [
        (OutputState.STARTING, CONSOLE),
        (OutputState.STARTED, CONSOLE),
    ]
    # Started from OBS itself (its own button, a hotkey): OBS's doing, although the console pressed before.
    attribution.expect("StopStream", {}, harness.tracker.state)
    harness.link.request("StopStream").result(5)
    harness.wait(lambda: not harness.tracker.state.stream.active, message="stopped")
    sim.call(lambda s: HANDLERS["StartStream"](s, {}))
    harness.wait(lambda: harness.tracker.state.stream.active, message="streaming again")
    assert _stream_verdicts(harness, attribution, 2) == [
        (OutputState.STOPPING, CONSOLE),
        (OutputState.STOPPED, CONSOLE),
        (OutputState.STARTING, OBS),
        (OutputState.STARTED, OBS),
    ]


def test_studio_mode_is_credited_to_whoever_asked() -> None:
    attribution = Attribution()
    attribution.expect("SetStudioModeEnabled", {"studioModeEnabled": True}, ObsState())
    assert attribution.attribute("StudioModeStateChanged", {"studioModeEnabled": True}) == CONSOLE
    assert attribution.attribute("StudioModeStateChanged", {"studioModeEnabled": False}) == OBS


def test_a_start_that_fails_in_obs_is_not_the_consoles_stop() -> None:
    attribution = Attribution()
    attribution.expect("StartStream", {}, ObsState())
    assert attribution.attribute("StreamStateChanged", {"outputState": OutputState.STARTING}) == CONSOLE
    assert attribution.attribute("StreamStateChanged", {"outputState": OutputState.STOPPED}) == OBS
    assert attribution.attribute("StreamStateChanged", {"outputState": OutputState.STARTED}) == OBS


def test_expectations_expire_and_failed_requests_are_withdrawn() -> None:
    now = [100.0]
    attribution = Attribution(clock=lambda: now[0])
    attribution.expect("StartStream", {}, ObsState())
    attribution.expect("SetCurrentProgramScene", {"sceneName": "直播中"}, ObsState())
    now[0] += QUICK_EXPIRY_S + 0.1
    assert attribution.attribute("CurrentProgramSceneChanged", {"sceneName": "直播中"}) == OBS
    # A slow ingest: the stream is still the console's after 10 s, not after the output expiry.
    assert attribution.attribute("StreamStateChanged", {"outputState": OutputState.STARTED}) == CONSOLE
    attribution.expect("StopStream", {}, ObsState())
    now[0] += OUTPUT_EXPIRY_S + 0.1
    assert attribution.attribute("StreamStateChanged", {"outputState": OutputState.STOPPED}) == OBS
    pending = attribution.expect("SetInputMute", {"inputName": "麦克风", "inputMuted": True}, ObsState())
    attribution.withdraw(pending)
    assert attribution.attribute("InputMuteStateChanged", {"inputName": "麦克风", "inputMuted": True}) == OBS
    assert len(attribution) == 0
