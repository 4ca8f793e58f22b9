"""ObsState: built from a full read, kept current by apply(event) — and never mutated."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from obs.state import ObsState, OutputStatus, apply, build_state

MAIN: dict[str, dict[str, Any]] = {
    "GetVersion": {"obsVersion": "29.0.2", "obsWebSocketVersion": "5.1.0", "availableRequests": ["GetStats"]},
    "GetSceneList": {
        "currentProgramSceneName": "B",
        "currentPreviewSceneName": None,
        "scenes": [
            {"sceneName": "C", "sceneIndex": 0},
            {"sceneName": "B", "sceneIndex": 1},
            {"sceneName": "A", "sceneIndex": 2},
        ],
    },
    "GetStudioModeEnabled": {"studioModeEnabled": False},
    "GetInputList": {
        "inputs": [
            {"inputName": "Mic", "inputKind": "pulse_input_capture"},
            {"inputName": "Cam", "inputKind": "v4l2_input"},
        ]
    },
    "GetStreamStatus": {"outputActive": True, "outputReconnecting": True},
}


def built() -> ObsState:
    return build_state(
        MAIN, {"Mic": {"inputMuted": False, "inputVolumeMul": 1.0, "inputVolumeDb": 0.0}, "Cam": {"videoActive": True}}
    )


def test_scenes_in_obs_order_top_first() -> None:
    state = built()
    assert state.scenes == ("A", "B", "C") and state.program_scene == "B"
    assert state.stream.active and state.stream.reconnecting
    assert [i.name for i in state.audio_inputs] == ["Mic"]
    assert state.supports("GetStats") and not state.supports("SplitRecordFile")


def test_apply_is_pure() -> None:
    state = built()
    after = apply(state, "CurrentProgramSceneChanged", {"sceneName": "C"})
    assert after.program_scene == "C" and state.program_scene == "B"


def test_events_keep_the_state_current() -> None:
    state = built()
    state = apply(state, "InputMuteStateChanged", {"inputName": "Mic", "inputMuted": True})
    state = apply(state, "InputNameChanged", {"oldInputName": "Mic", "inputName": "麦克风"})
    assert state.input("麦克风").muted is True  # type: ignore[union-attr]
    state = apply(state, "SceneNameChanged", {"oldSceneName": "B", "sceneName": "直播中"})
    assert state.scenes == ("A", "直播中", "C") and state.program_scene == "直播中"
    state = apply(state, "StudioModeStateChanged", {"studioModeEnabled": True})
    assert state.preview_scene == "直播中"
    state = apply(state, "SceneCreated", {"sceneName": "D", "isGroup": False})
    state = apply(state, "SceneCreated", {"sceneName": "D", "isGroup": False})
    assert state.scenes.count("D") == 1
    state = apply(
        state, "StreamStateChanged", {"outputActive": True, "outputState": "OBS_WEBSOCKET_OUTPUT_RECONNECTED"}
    )
    assert state.stream.active and not state.stream.reconnecting
    state = apply(
        state, "StreamStateChanged", {"outputActive": False, "outputState": "OBS_WEBSOCKET_OUTPUT_RECONNECTING"}
    )
    assert state.stream.active and state.stream.reconnecting  # the event says inactive; the show is still on
    state = apply(state, "StreamStateChanged", {"outputActive": False, "outputState": "OBS_WEBSOCKET_OUTPUT_STOPPED"})
    assert not state.stream.active
    assert apply(state, "SomeFutureEvent", {"x": 1}) is state


def _stream(state: ObsState, output_state: str, active: bool = False) -> ObsState:
    return apply(state, "StreamStateChanged", {"outputActive": active, "outputState": output_state})


def test_a_stream_that_never_went_live_is_not_active_while_it_stops() -> None:
    """STARTING -> STOPPING -> STOPPED: a connection that failed as it was set up. Read as active while stopping, it
    froze a checklist run as "went live" and stored a second on air."""
    state = replace(built(), stream=OutputStatus())
    state = _stream(state, "OBS_WEBSOCKET_OUTPUT_STARTING")
    assert not state.stream.active
    state = _stream(state, "OBS_WEBSOCKET_OUTPUT_STOPPING")
    assert not state.stream.active
    assert not _stream(state, "OBS_WEBSOCKET_OUTPUT_STOPPED").stream.active


def test_a_stream_that_was_live_stays_active_until_it_has_stopped() -> None:
    state = _stream(replace(built(), stream=OutputStatus()), "OBS_WEBSOCKET_OUTPUT_STARTED", active=True)
    state = _stream(state, "OBS_WEBSOCKET_OUTPUT_STOPPING")
    assert state.stream.active, "still going out while OBS stops it"
    assert not _stream(state, "OBS_WEBSOCKET_OUTPUT_STOPPED").stream.active
    reconnecting = _stream(replace(built(), stream=OutputStatus()), "OBS_WEBSOCKET_OUTPUT_STARTED", active=True)
    reconnecting = _stream(reconnecting, "OBS_WEBSOCKET_OUTPUT_RECONNECTING")
    assert _stream(reconnecting, "OBS_WEBSOCKET_OUTPUT_STOPPING").stream.active
