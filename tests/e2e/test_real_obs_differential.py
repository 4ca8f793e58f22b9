"""Differential test: the same sequence of requests to a real OBS 29 and to the demo room configured alike.

Every read request of obs-websocket 5.1.0 and a set of writes that change and restore state go to both. For
each step the status codes, the response keys and JSON value types, and the events the step causes must be
the same. Differences only the machine explains are listed in MACHINE_ONLY with the reason.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from pathlib import Path
from typing import Any

import pytest
import websocket

from obs.protocol import auth_response
from obs.simulator.more import AUDIO_KINDS, MEDIA_KINDS, VIDEO_KINDS
from obs.simulator.room import Room, SimInput, SimScene, SimSceneItem
from obs.simulator.server import SimulatorThread
from tests.e2e.conftest import RealObs

SPEC = Path(__file__).resolve().parents[3] / "shared" / "obs-websocket" / "protocol-5.1.0.json"
SIM_PASSWORD = "差分-test"

#: Requests whose answer differs on this machine for a reason outside the protocol, with the reason.
#: The value is (real OBS's code, demo room's code).
MACHINE_ONLY: dict[str, tuple[int, int, str]] = {
    "GetVirtualCamStatus": (604, 100, "no v4l2loopback device on CI; the demo room has a virtual camera"),
    "GetReplayBufferStatus": (604, 100, "the CI profile does not enable the replay buffer; the demo room does"),
    "GetLastReplayBufferReplay": (604, 501, "the CI profile has no replay buffer; the demo room's is not running"),
}
#: Not sent to the real OBS at all.
NOT_SENT = {
    "GetMonitorList": "OBS 29.0.2 under Xvfb loses its X connection and exits when it enumerates screens",
    "Sleep": "only valid inside a batch (tests/obs/test_simulator_protocol.py checks it)",
}
#: The looping clip restarts on its own every 10 s on the real OBS: those events belong to no step.
BACKGROUND = {"MediaInputPlaybackStarted", "MediaInputPlaybackEnded"}
MEDIA_STEPS = {"TriggerMediaInputAction", "SetInputSettings"}


class Peer:
    """One obs-websocket connection with a reader thread: requests by id, events in arrival order."""

    def __init__(self, port: int, password: str) -> None:
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}", timeout=10)
        hello = json.loads(self.ws.recv())["d"]
        identify: dict[str, Any] = {"rpcVersion": 1, "eventSubscriptions": 0x7FF}
        if "authentication" in hello:
            auth = hello["authentication"]
            identify["authentication"] = auth_response(password, auth["salt"], auth["challenge"])
        self.ws.send(json.dumps({"op": 1, "d": identify}))
        assert json.loads(self.ws.recv())["op"] == 2
        self.ws.settimeout(None)
        #: (arrival time, message), in arrival order: a step's window is timed from when its answer arrived,
        #: so the second peer read is not given a second window after the first one's.
        self.messages: deque[tuple[float, dict[str, Any]]] = deque()
        self.arrived = threading.Condition()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()
        self.next_id = 0

    def _read(self) -> None:
        try:
            while True:
                frame = self.ws.recv()
                if not frame:  # the connection was closed
                    return
                with self.arrived:
                    self.messages.append((time.monotonic(), json.loads(frame)))
                    self.arrived.notify_all()
        except (websocket.WebSocketException, OSError):
            return

    def send(self, request_type: str, data: dict[str, Any] | None) -> str:
        self.next_id += 1
        request_id = f"d{self.next_id}"
        message: dict[str, Any] = {"requestType": request_type, "requestId": request_id}
        if data is not None:
            message["requestData"] = data
        self.ws.send(json.dumps({"op": 6, "d": message}, ensure_ascii=False))
        return request_id

    def collect(self, request_id: str, settle: float) -> tuple[dict[str, Any], list[tuple[str, Any]]]:
        """The response to `request_id` and the events that arrived until `settle` s after it (later ones are left
        for the next step)."""
        response: dict[str, Any] | None = None
        events: list[tuple[str, Any]] = []
        deadline = time.monotonic() + 10
        settled_at: float | None = None
        while True:
            until = settled_at if settled_at is not None else deadline
            with self.arrived:
                self.arrived.wait_for(lambda: bool(self.messages), timeout=max(0.0, until - time.monotonic()))
                if not self.messages or self.messages[0][0] > until:
                    break
                arrived, message = self.messages.popleft()
            if message["op"] == 7 and message["d"].get("requestId") == request_id:
                response = message["d"]
                settled_at = arrived + settle
            elif message["op"] == 5:
                events.append((message["d"]["eventType"], message["d"].get("eventData")))
        assert response is not None, f"no response to {request_id}"
        return response, events

    def close(self) -> None:
        self.ws.close()


def shape(value: Any) -> Any:
    """The JSON type structure of a value: what a client's code depends on."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        return ["array", shape(value[0]) if value else "empty"]
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if value is None:
        return "null"
    return "string"


def same_shape(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_shape(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return "empty" in (a[1], b[1]) or same_shape(a[1], b[1])
    return bool(a == b)


def mirror_room(real: Peer) -> Any:
    """A room factory for the demo room configured as the real OBS is now: scenes, items, inputs, settings."""

    def ask(request_type: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        response, _ = real.collect(real.send(request_type, data), 0.0)
        assert response["requestStatus"]["result"], response
        return response.get("responseData", {})  # type: ignore[no-any-return]

    scenes = ask("GetSceneList")
    inputs = ask("GetInputList")["inputs"]
    settings = {i["inputName"]: ask("GetInputSettings", {"inputName": i["inputName"]})["inputSettings"] for i in inputs}
    items = {
        s["sceneName"]: ask("GetSceneItemList", {"sceneName": s["sceneName"]})["sceneItems"] for s in scenes["scenes"]
    }
    video = ask("GetVideoSettings")
    transition = ask("GetCurrentSceneTransition")
    transitions = ask("GetSceneTransitionList")["transitions"]
    profile = ask("GetProfileList")["currentProfileName"]
    collection = ask("GetSceneCollectionList")["currentSceneCollectionName"]
    record_directory = ask("GetRecordDirectory")["recordDirectory"]
    studio = ask("GetStudioModeEnabled")["studioModeEnabled"]

    def factory(now: float, seed: int | None = None) -> Room:
        room = Room(now, seed)
        for entry in inputs:
            kind = entry["inputKind"]
            room.add_input(
                SimInput(
                    entry["inputName"],
                    kind,
                    dict(settings[entry["inputName"]]),
                    audio=kind in AUDIO_KINDS or kind in MEDIA_KINDS,
                    video=kind in VIDEO_KINDS,
                )
            )
        for scene in sorted(scenes["scenes"], key=lambda s: s["sceneIndex"], reverse=True):
            sim_scene = SimScene(scene["sceneName"])
            for item in sorted(items[scene["sceneName"]], key=lambda i: i["sceneItemIndex"]):
                sim_item = SimSceneItem(item["sceneItemId"], item["sourceName"], item["sceneItemEnabled"])
                sim_item.locked = item["sceneItemLocked"]
                sim_item.transform = {
                    k: v
                    for k, v in item["sceneItemTransform"].items()
                    if k not in ("width", "height", "sourceWidth", "sourceHeight")
                }
                sim_scene.items.append(sim_item)
            room.scenes.append(sim_scene)
        room.program = scenes["currentProgramSceneName"]
        room.studio_mode = studio
        room.preview = scenes["currentPreviewSceneName"] or room.program
        room.transitions = [dict(t) for t in transitions]
        room.transition = transition["transitionName"]
        room.transition_duration = transition["transitionDuration"] or 300
        room.fps = (video["fpsNumerator"], video["fpsDenominator"])
        room.base_size = (video["baseWidth"], video["baseHeight"])
        room.output_size = (video["outputWidth"], video["outputHeight"])
        room.profile, room.profiles = profile, [profile]
        room.scene_collection, room.scene_collections = collection, [collection]
        room.record_directory = record_directory
        # The CI profile records in simple mode at stream quality, where OBS cannot pause a recording.
        room.record_pausable = False
        return room

    return factory, scenes["currentProgramSceneName"], [s["sceneName"] for s in scenes["scenes"]], inputs


def steps(program: str, scene_names: list[str], clip: str, tmp: Path) -> list[tuple[str, dict[str, Any] | None]]:
    """Every read request of 5.1.0, then writes that change state and put it back, then known errors."""
    other = next(n for n in scene_names if n != program)
    item = {"sceneName": program, "sceneItemId": "ITEM"}
    reads: list[tuple[str, dict[str, Any] | None]] = [
        ("GetVersion", None),
        ("GetStats", None),
        ("GetHotkeyList", None),
        ("GetPersistentData", {"realm": "OBS_WEBSOCKET_DATA_REALM_GLOBAL", "slotName": "差分"}),
        ("GetSceneCollectionList", None),
        ("GetProfileList", None),
        ("GetProfileParameter", {"parameterCategory": "Output", "parameterName": "Mode"}),
        ("GetProfileParameter", {"parameterCategory": "General", "parameterName": "Name"}),
        ("GetProfileParameter", {"parameterCategory": "Nope", "parameterName": "Nope"}),
        ("GetVideoSettings", None),
        ("GetStreamServiceSettings", None),
        ("GetRecordDirectory", None),
        ("GetSourceFilterList", {"sourceName": clip}),
        ("GetSourceFilterDefaultSettings", {"filterKind": "color_filter_v2"}),
        ("GetInputList", None),
        ("GetInputKindList", None),
        ("GetSpecialInputs", None),
        ("GetInputDefaultSettings", {"inputKind": "ffmpeg_source"}),
        ("GetInputSettings", {"inputName": clip}),
        ("GetInputMute", {"inputName": clip}),
        ("GetInputVolume", {"inputName": clip}),
        ("GetInputAudioBalance", {"inputName": clip}),
        ("GetInputAudioSyncOffset", {"inputName": clip}),
        ("GetInputAudioMonitorType", {"inputName": clip}),
        ("GetInputAudioTracks", {"inputName": clip}),
        ("GetInputPropertiesListPropertyItems", {"inputName": clip, "propertyName": "没有"}),
        ("GetMediaInputStatus", {"inputName": clip}),
        ("GetVirtualCamStatus", None),
        ("GetReplayBufferStatus", None),
        ("GetLastReplayBufferReplay", None),
        ("GetOutputList", None),
        ("GetOutputStatus", {"outputName": "simple_file_output"}),
        ("GetOutputSettings", {"outputName": "simple_file_output"}),
        ("GetRecordStatus", None),
        ("GetStreamStatus", None),
        ("GetSceneItemList", {"sceneName": program}),
        ("GetGroupSceneItemList", {"sceneName": program}),
        ("GetSceneItemId", {"sceneName": program, "sourceName": clip}),
        ("GetSceneItemTransform", item),
        ("GetSceneItemEnabled", item),
        ("GetSceneItemLocked", item),
        ("GetSceneItemIndex", item),
        ("GetSceneItemBlendMode", item),
        ("GetSceneList", None),
        ("GetGroupList", None),
        ("GetCurrentProgramScene", None),
        ("GetCurrentPreviewScene", None),
        ("GetSceneSceneTransitionOverride", {"sceneName": program}),
        ("GetSourceActive", {"sourceName": clip}),
        ("GetSourceScreenshot", {"sourceName": program, "imageFormat": "png", "imageWidth": 32}),
        ("GetTransitionKindList", None),
        ("GetSceneTransitionList", None),
        ("GetCurrentSceneTransition", None),
        ("GetCurrentSceneTransitionCursor", None),
        ("GetStudioModeEnabled", None),
    ]
    writes: list[tuple[str, dict[str, Any] | None]] = [
        ("SetCurrentProgramScene", {"sceneName": other}),
        ("SetCurrentProgramScene", {"sceneName": program}),
        ("SetCurrentSceneTransitionDuration", {"transitionDuration": 500}),
        ("SetCurrentSceneTransitionDuration", {"transitionDuration": 300}),
        ("SetInputMute", {"inputName": clip, "inputMuted": True}),
        ("ToggleInputMute", {"inputName": clip}),
        ("SetInputVolume", {"inputName": clip, "inputVolumeDb": -6.0}),
        ("SetInputVolume", {"inputName": clip, "inputVolumeMul": 1.0}),
        ("SetInputAudioBalance", {"inputName": clip, "inputAudioBalance": 0.25}),
        ("SetInputAudioBalance", {"inputName": clip, "inputAudioBalance": 0.5}),
        ("SetInputAudioSyncOffset", {"inputName": clip, "inputAudioSyncOffset": 100}),
        ("SetInputAudioSyncOffset", {"inputName": clip, "inputAudioSyncOffset": 0}),
        ("SetInputAudioMonitorType", {"inputName": clip, "monitorType": "OBS_MONITORING_TYPE_MONITOR_ONLY"}),
        ("SetInputAudioMonitorType", {"inputName": clip, "monitorType": "OBS_MONITORING_TYPE_NONE"}),
        ("SetInputAudioTracks", {"inputName": clip, "inputAudioTracks": {"2": False}}),
        ("SetInputAudioTracks", {"inputName": clip, "inputAudioTracks": {"2": True}}),
        ("SetSceneItemEnabled", {**item, "sceneItemEnabled": False}),
        ("SetSceneItemEnabled", {**item, "sceneItemEnabled": True}),
        ("SetSceneItemLocked", {**item, "sceneItemLocked": True}),
        ("SetSceneItemLocked", {**item, "sceneItemLocked": False}),
        ("SetSceneItemBlendMode", {**item, "sceneItemBlendMode": "OBS_BLEND_ADDITIVE"}),
        ("SetSceneItemBlendMode", {**item, "sceneItemBlendMode": "OBS_BLEND_NORMAL"}),
        ("CreateScene", {"sceneName": "差分场景"}),
        ("RemoveScene", {"sceneName": "差分场景"}),
        ("CreateSceneItem", {"sceneName": other, "sourceName": clip}),
        ("DuplicateSceneItem", {"sceneName": other, "sceneItemId": "NEW"}),
        ("RemoveSceneItem", {"sceneName": other, "sceneItemId": "NEW"}),
        ("RemoveSceneItem", {"sceneName": other, "sceneItemId": "NEW"}),
        ("CreateInput", {"sceneName": other, "inputName": "差分色块", "inputKind": "color_source_v3"}),
        ("SetInputName", {"inputName": "差分色块", "newInputName": "差分色块2"}),
        ("RemoveInput", {"inputName": "差分色块2"}),
        ("CreateSourceFilter", {"sourceName": clip, "filterName": "差分滤镜", "filterKind": "color_filter_v2"}),
        ("SetSourceFilterEnabled", {"sourceName": clip, "filterName": "差分滤镜", "filterEnabled": False}),
        ("SetSourceFilterSettings", {"sourceName": clip, "filterName": "差分滤镜", "filterSettings": {"gamma": 0.1}}),
        ("SetSourceFilterName", {"sourceName": clip, "filterName": "差分滤镜", "newFilterName": "差分滤镜2"}),
        ("GetSourceFilter", {"sourceName": clip, "filterName": "差分滤镜2"}),
        ("RemoveSourceFilter", {"sourceName": clip, "filterName": "差分滤镜2"}),
        ("SetPersistentData", {"realm": "OBS_WEBSOCKET_DATA_REALM_GLOBAL", "slotName": "差分", "slotValue": [1]}),
        ("SetSceneName", {"sceneName": other, "newSceneName": "差分改名"}),
        ("SetSceneName", {"sceneName": "差分改名", "newSceneName": other}),
        ("SetStudioModeEnabled", {"studioModeEnabled": True}),
        ("SetCurrentPreviewScene", {"sceneName": other}),
        ("TriggerStudioModeTransition", None),
        ("TriggerStudioModeTransition", None),
        ("SetStudioModeEnabled", {"studioModeEnabled": False}),
        ("TriggerMediaInputAction", {"inputName": clip, "mediaAction": "OBS_WEBSOCKET_MEDIA_INPUT_ACTION_PAUSE"}),
        ("TriggerMediaInputAction", {"inputName": clip, "mediaAction": "OBS_WEBSOCKET_MEDIA_INPUT_ACTION_PLAY"}),
        ("StartRecord", None),
        ("PauseRecord", None),
        ("ResumeRecord", None),
        ("StopRecord", None),
        ("BroadcastCustomEvent", {"eventData": {"差分": True}}),
        ("SaveSourceScreenshot", {"sourceName": program, "imageFormat": "png", "imageFilePath": str(tmp / "x.png")}),
    ]
    errors: list[tuple[str, dict[str, Any] | None]] = [
        ("GetSceneItemList", {"sceneName": clip}),
        ("GetSceneItemList", {"sceneName": "没有这个场景"}),
        ("GetInputMute", None),
        ("GetInputMute", {"inputName": program}),
        ("SetSceneItemTransform", {**item, "sceneItemTransform": {}}),
        ("SetSceneItemTransform", {**item, "sceneItemTransform": {"foo": 1}}),
        ("SetSceneItemIndex", {**item, "sceneItemIndex": -1}),
        ("SetCurrentSceneTransitionDuration", {"transitionDuration": 10}),
        ("CreateInput", {"sceneName": other, "inputName": clip, "inputKind": "color_source_v3"}),
        ("CreateSourceFilter", {"sourceName": clip, "filterName": "x", "filterKind": "没有"}),
        ("TriggerMediaInputAction", {"inputName": clip, "mediaAction": "NOPE"}),
        ("SetPersistentData", {"realm": "nope", "slotName": "x", "slotValue": 1}),
        ("TriggerHotkeyByName", {"hotkeyName": "没有"}),
        ("TriggerHotkeyByKeySequence", {}),
        ("CallVendorRequest", {"vendorName": "没有", "requestType": "x"}),
        ("SetTBarPosition", {"position": 0.5}),
        ("SetCurrentSceneTransitionSettings", {"transitionSettings": {}}),
        ("OpenVideoMixProjector", {"videoMixType": "NOPE"}),
        ("SetVideoSettings", {}),
        ("ResumeRecord", None),
        ("StopStream", None),
        ("SendStreamCaption", {"captionText": "x"}),
        ("GetOutputStatus", {"outputName": "没有"}),
        ("NoSuchRequest", None),
    ]
    return reads + writes + errors


def test_demo_room_answers_like_a_real_obs(real_obs: RealObs, tmp_path: Path) -> None:
    spec = json.loads(SPEC.read_text(encoding="utf-8")) if SPEC.is_file() else None
    real = Peer(real_obs.obs.port, real_obs.obs.password)
    try:
        if real.collect(real.send("GetStudioModeEnabled", None), 0.0)[0]["responseData"]["studioModeEnabled"]:
            real.collect(real.send("SetStudioModeEnabled", {"studioModeEnabled": False}), 0.5)
        factory, program, scene_names, inputs = mirror_room(real)
        clip = next(i["inputName"] for i in inputs if i["inputKind"] == "ffmpeg_source")
        with SimulatorThread(password=SIM_PASSWORD, room_factory=factory, seed=1) as sim:
            demo = Peer(sim.port, SIM_PASSWORD)
            try:
                differences = run_sequence(real, demo, steps(program, scene_names, clip, tmp_path))
                real_version = real.collect(real.send("GetVersion", None), 0.0)[0]["responseData"]
                demo_version = demo.collect(demo.send("GetVersion", None), 0.0)[0]["responseData"]
            finally:
                demo.close()
    finally:
        real.close()
    assert not differences, "the demo room differs from the real OBS:\n" + "\n".join(differences)
    # The same requests are available; and every read request of 5.1.0 was part of the sequence.
    assert set(demo_version["availableRequests"]) == set(real_version["availableRequests"])
    if spec is not None:
        sent = {name for name, _ in steps(program, scene_names, clip, tmp_path)} | set(NOT_SENT)
        reads = {r["requestType"] for r in spec["requests"] if r["requestType"].startswith("Get")}
        assert reads <= sent, f"read requests not compared: {sorted(reads - sent)}"


#: A peer's answer to one step: the response and the events that followed it.
Answer = tuple[dict[str, Any], list[tuple[str, Any]]]


def run_sequence(real: Peer, demo: Peer, sequence: list[tuple[str, dict[str, Any] | None]]) -> list[str]:
    differences: list[str] = []
    item_ids: dict[str, int] = {}
    #: Scene items the sequence created, per peer (ids differ: each OBS numbers its own).
    created: dict[str, list[int]] = {"real": [], "demo": []}
    for peer_name, peer in (("real", real), ("demo", demo)):
        response, _ = peer.collect(peer.send("GetSceneItemList", {"sceneName": sequence_program(sequence)}), 0.0)
        item_ids[peer_name] = response["responseData"]["sceneItems"][0]["sceneItemId"]
    for number, (request_type, data) in enumerate(sequence):
        if request_type in NOT_SENT:
            continue
        write = not request_type.startswith("Get")
        settle = 1.0 if request_type in ("StartRecord", "StopRecord") else 0.6 if write else 0.05
        asked = {}
        for peer_name, peer in (("real", real), ("demo", demo)):
            asked[peer_name] = peer.send(
                request_type, _payload(request_type, data, item_ids[peer_name], created[peer_name])
            )
        real_answer, demo_answer = real.collect(asked["real"], settle), demo.collect(asked["demo"], settle)
        for peer_name, (response, _) in (("real", real_answer), ("demo", demo_answer)):
            new_id = (response.get("responseData") or {}).get("sceneItemId")
            if request_type in ("CreateSceneItem", "DuplicateSceneItem") and isinstance(new_id, int):
                created[peer_name].append(new_id)
        where = f"step {number} {request_type} {json.dumps(data, ensure_ascii=False)}"
        differences += compare_step(where, request_type, real_answer, demo_answer)
    return differences


def _payload(request_type: str, data: dict[str, Any] | None, item_id: int, created: list[int]) -> dict[str, Any] | None:
    """The step's request data for one peer: ITEM is its first scene item, NEW the newest it created (a
    removal takes it off the list)."""
    if data is None:
        return None
    ids = {"ITEM": item_id}
    if "NEW" in data.values():
        ids["NEW"] = created.pop() if request_type == "RemoveSceneItem" else created[-1]
    return {k: ids.get(v, v) if isinstance(v, str) else v for k, v in data.items()}


def compare_step(where: str, request_type: str, real_answer: Answer, demo_answer: Answer) -> list[str]:
    """What differs between the two peers' answers and events to one step."""
    (real_response, real_events), (demo_response, demo_events) = real_answer, demo_answer
    real_code, demo_code = real_response["requestStatus"]["code"], demo_response["requestStatus"]["code"]
    if request_type in MACHINE_ONLY:
        expected_real, expected_demo, _ = MACHINE_ONLY[request_type]
        if (real_code, demo_code) != (expected_real, expected_demo):
            return [f"{where}: machine-only codes changed: real {real_code}, demo {demo_code}"]
        return []
    real_comment, demo_comment = (
        real_response["requestStatus"].get("comment"),
        demo_response["requestStatus"].get("comment"),
    )
    if real_code != demo_code:
        return [f"{where}: status real {real_code} {real_comment!r}, demo {demo_code} {demo_comment!r}"]
    differences = []
    if real_comment != demo_comment:
        differences.append(f"{where}: comment real {real_comment!r}, demo {demo_comment!r}")
    real_shape, demo_shape = shape(real_response.get("responseData")), shape(demo_response.get("responseData"))
    if not same_shape(real_shape, demo_shape):
        differences.append(f"{where}: response real {real_shape}, demo {demo_shape}")
    return differences + compare_events(where, request_type, real_events, demo_events)


def sequence_program(sequence: list[tuple[str, dict[str, Any] | None]]) -> str:
    program: str = next(d["sceneName"] for name, d in sequence if name == "GetSceneItemList" and d is not None)
    return program


def compare_events(
    where: str, request_type: str, real: list[tuple[str, Any]], demo: list[tuple[str, Any]]
) -> list[str]:
    def relevant(events: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
        kept = []
        for event_type, data in events:
            if event_type in BACKGROUND and request_type not in MEDIA_STEPS:
                continue
            if event_type == "CustomEvent" and isinstance(data, dict) and "onair" in data.get("eventData", {}):
                continue  # the demo room's audience, on its own timer
            kept.append((event_type, data))
        return kept

    real, demo = relevant(real), relevant(demo)
    # obs-websocket broadcasts each event from a worker thread: events raised within the same millisecond
    # reach a client in either order (measured), so which events a step causes is compared, not their order.
    real_types, demo_types = sorted(t for t, _ in real), sorted(t for t, _ in demo)
    if real_types != demo_types:
        return [f"{where}: events real {[t for t, _ in real]}, demo {[t for t, _ in demo]}"]
    problems = []
    for event_type in sorted(set(real_types)):
        real_data = next(d for t, d in real if t == event_type)
        demo_data = next(d for t, d in demo if t == event_type)
        if not same_shape(shape(real_data), shape(demo_data)):
            problems.append(f"{where}: {event_type} real {shape(real_data)}, demo {shape(demo_data)}")
    return problems


@pytest.fixture(autouse=True)
def _never_leave_studio_mode(real_obs: RealObs) -> Any:
    yield
    peer = Peer(real_obs.obs.port, real_obs.obs.password)
    try:
        peer.collect(peer.send("SetStudioModeEnabled", {"studioModeEnabled": False}), 0.3)
    finally:
        peer.close()
