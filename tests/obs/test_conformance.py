"""The simulator speaks obs-websocket 5.1.0 as specified: every request it answers and every event it emits
uses exactly the spec's field names and types (shared/obs-websocket/protocol-5.1.0.json)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from obs.client import ObsClient
from obs.protocol import EventSubscription
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD, wait_until

REPO = Path(__file__).resolve().parents[2]
SPEC_CANDIDATES = [
    Path(os.environ.get("ONAIR_OBS_SPEC", "/nonexistent")),
    REPO.parent / "shared" / "obs-websocket" / "protocol-5.1.0.json",
]

#: Fields the spec types as plain values that real OBS 29 answers with null in the stated situation.
NULLABLE = {
    ("GetSceneList", "currentPreviewSceneName"): "studio mode off",
    ("GetProfileParameter", "parameterValue"): "parameter not set",
    ("GetProfileParameter", "defaultParameterValue"): "no default",
    ("GetCurrentSceneTransition", "transitionDuration"): "fixed transition (Cut)",
    ("GetSpecialInputs", "desktop2"): "not configured",
    ("GetSpecialInputs", "mic2"): "not configured",
    ("GetSpecialInputs", "mic3"): "not configured",
    ("GetSpecialInputs", "mic4"): "not configured",
    ("GetCurrentSceneTransition", "transitionSettings"): "transition not configurable (Fade, Cut)",
    ("RecordStateChanged", "outputPath"): "while the recording starts or stops",
}
#: Fields the spec does not list that obs-websocket 5.1.0 (OBS 29.0.2) sends all the same (source and measured).
UNLISTED = {
    ("ToggleRecord", "outputActive"): "RequestHandler_Record.cpp 5.1.0 sets it; the spec's docs omit it",
}

#: Valid arguments for each request the simulator answers, in the demo room.
ARGUMENTS: dict[str, dict[str, Any]] = {
    "GetProfileParameter": {"parameterCategory": "Output", "parameterName": "Mode"},
    "SetCurrentProgramScene": {"sceneName": "直播中"},
    "SetCurrentPreviewScene": {"sceneName": "商品特写"},
    "CreateScene": {"sceneName": "抽奖"},
    "RemoveScene": {"sceneName": "抽奖"},
    "GetSceneItemList": {"sceneName": "直播中"},
    "GetInputSettings": {"inputName": "摄像机"},
    "GetInputMute": {"inputName": "麦克风"},
    "SetInputMute": {"inputName": "麦克风", "inputMuted": True},
    "ToggleInputMute": {"inputName": "麦克风"},
    "GetInputVolume": {"inputName": "麦克风"},
    "SetInputVolume": {"inputName": "麦克风", "inputVolumeDb": -3.0},
    "GetSourceScreenshot": {"sourceName": "直播中", "imageFormat": "png", "imageWidth": 64},
    "GetSourceActive": {"sourceName": "摄像机"},
    "SetCurrentSceneTransition": {"transitionName": "Cut"},
    "SetCurrentSceneTransitionDuration": {"transitionDuration": 500},
    "SetStudioModeEnabled": {"studioModeEnabled": True},
    "Sleep": {"sleepMillis": 1},
    "BroadcastCustomEvent": {"eventData": {"lottery": "抽奖开始"}},
}
#: Order matters where a request needs state another one creates.
ORDER = [
    "SetStudioModeEnabled",
    "SetCurrentPreviewScene",
    "TriggerStudioModeTransition",
    "CreateScene",
    "RemoveScene",
    "StartStream",
    "StartRecord",
    "PauseRecord",
    "ResumeRecord",
    "StopStream",
    "StopRecord",
    "ToggleStream",
    "ToggleRecord",
]


def load_spec() -> dict[str, Any]:
    for path in SPEC_CANDIDATES:
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    if os.environ.get("CI"):
        pytest.fail(f"the obs-websocket spec is missing (looked in {[str(p) for p in SPEC_CANDIDATES]})")
    pytest.skip("shared/obs-websocket/protocol-5.1.0.json is not beside the checkout")


def type_ok(value: Any, spec_type: str) -> bool:
    if spec_type == "Any":
        return True
    if spec_type == "Number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if spec_type == "String":
        return isinstance(value, str)
    if spec_type == "Boolean":
        return isinstance(value, bool)
    if spec_type == "Object":
        return isinstance(value, dict)
    if spec_type.startswith("Array<"):
        inner = spec_type[6:-1]
        return isinstance(value, list) and all(type_ok(v, inner) for v in value)
    raise AssertionError(f"unknown spec type {spec_type}")


def check_fields(where: str, data: dict[str, Any], fields: list[dict[str, Any]], request: str = "") -> list[str]:
    problems = []
    specified = {f["valueName"]: f for f in fields if "." not in f["valueName"]}
    for name in data:
        if name not in specified and (request, name) not in UNLISTED:
            problems.append(f"{where}: field `{name}` is not in the spec")
    for name, field in specified.items():
        if name not in data:
            if not field.get("valueOptional"):
                problems.append(f"{where}: missing `{name}`")
            continue
        value = data[name]
        if value is None and (request, name) in NULLABLE:
            continue
        if not type_ok(value, field["valueType"]):
            problems.append(f"{where}: `{name}` is {type(value).__name__}, spec says {field['valueType']}")
    return problems


def test_every_request_and_event_matches_the_spec() -> None:
    spec = load_spec()
    requests = {r["requestType"]: r for r in spec["requests"]}
    events_spec = {e["eventType"]: e for e in spec["events"]}
    unknown = sorted(set(HANDLERS) - set(requests))
    assert not unknown, f"the simulator answers requests that obs-websocket 5.1.0 does not have: {unknown}"

    seen_events: list[tuple[str, dict[str, Any]]] = []
    everything = int(
        EventSubscription.ALL | EventSubscription.INPUT_VOLUME_METERS | EventSubscription.INPUT_ACTIVE_STATE_CHANGED
    )
    problems: list[str] = []
    with SimulatorThread(password=PASSWORD, seed=3) as sim:
        client = ObsClient(
            "127.0.0.1", sim.port, PASSWORD, subscriptions=everything, on_event=lambda t, d: seen_events.append((t, d))
        )
        client.connect()
        try:
            names = [n for n in ORDER if n in HANDLERS] + sorted(n for n in HANDLERS if n not in ORDER)
            for name in names:
                if name == "Sleep":
                    result = client.batch([(name, ARGUMENTS[name])])[0]
                    data = result.raise_for_status()
                else:
                    data = client.request(name, ARGUMENTS.get(name))
                problems += check_fields(f"{name} response", data, requests[name]["responseFields"], name)
                for field_name, value in (ARGUMENTS.get(name) or {}).items():
                    assert any(f["valueName"] == field_name for f in requests[name]["requestFields"]), (
                        f"{name} takes no `{field_name}` in the spec"
                    )
                    del value
                time.sleep(0.02 if name.startswith(("Start", "Stop", "Toggle")) else 0)
            sim.call(lambda s: s.inject("black-camera"))
            time.sleep(0.3)  # the stream ToggleStream started is up
            sim.call(lambda s: s.stream_reconnect(0.1))
            wait_until(
                lambda: any(
                    d.get("outputState") == "OBS_WEBSOCKET_OUTPUT_RECONNECTED"
                    for t, d in seen_events
                    if t == "StreamStateChanged"
                ),
                5,
            )
            wait_until(lambda: any(t == "InputVolumeMeters" for t, _ in seen_events), 5)
            sim.run(sim.sim.quit_obs())  # type: ignore[union-attr]
            wait_until(lambda: any(t == "ExitStarted" for t, _ in seen_events), 5)
        finally:
            client.close()

    kinds = {t for t, _ in seen_events}
    for event_type, data in seen_events:
        assert event_type in events_spec, f"the simulator emits {event_type}, which 5.1.0 does not have"
        problems += check_fields(f"{event_type} event", data, events_spec[event_type]["dataFields"], event_type)
    for levels in (d for t, d in seen_events if t == "InputVolumeMeters"):
        for entry in levels["inputs"]:
            assert set(entry) == {"inputName", "inputLevelsMul"}
            assert all(len(channel) == 3 for channel in entry["inputLevelsMul"])
    assert not problems, "\n".join(sorted(set(problems)))
    expected = {
        "CurrentProgramSceneChanged",
        "CurrentPreviewSceneChanged",
        "SceneCreated",
        "SceneRemoved",
        "SceneListChanged",
        "InputMuteStateChanged",
        "InputVolumeChanged",
        "StudioModeStateChanged",
        "StreamStateChanged",
        "RecordStateChanged",
        "SceneTransitionStarted",
        "SceneTransitionEnded",
        "CurrentSceneTransitionChanged",
        "CurrentSceneTransitionDurationChanged",
        "InputVolumeMeters",
        "InputActiveStateChanged",
        "InputRemoved",
        "ExitStarted",
        "CustomEvent",
    }
    assert expected <= kinds, f"not exercised: {sorted(expected - kinds)}"
