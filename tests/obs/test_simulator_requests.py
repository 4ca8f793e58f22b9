"""The demo room's state behind obs-websocket 5.1.0's requests: what each write changes, what it answers
and which events it causes (as measured on a real OBS 29.0.2; tests/e2e/test_real_obs_differential.py
compares the two side by side)."""

from __future__ import annotations

import time
from typing import Any

import websocket

from obs.simulator.server import SimulatorThread
from tests.obs.test_simulator_protocol import RawClient

LOW_AND_TRANSFORMS = 0x7FF | (1 << 19)


class Room:
    def __init__(self, url: str) -> None:
        self.raw = RawClient(url)
        self.raw.identify(LOW_AND_TRANSFORMS)

    def call(
        self, request_type: str, data: dict[str, Any] | None = None, settle: float = 0.15
    ) -> tuple[dict[str, Any], list[tuple[str, Any]]]:
        """The response, and the events that follow within `settle` seconds."""
        message: dict[str, Any] = {"requestType": request_type, "requestId": request_type}
        if data is not None:
            message["requestData"] = data
        self.raw.send({"op": 6, "d": message})
        events: list[tuple[str, Any]] = []
        response: dict[str, Any] | None = None
        until = time.monotonic() + 5
        self.raw.ws.settimeout(0.05)
        while time.monotonic() < until:
            try:
                got = self.raw.recv()
            except websocket.WebSocketTimeoutException:  # nothing arrived in this slice: keep listening
                continue
            if got["op"] == 7:
                response = got["d"]
                until = time.monotonic() + settle
            elif got["op"] == 5 and got["d"]["eventType"] != "CustomEvent":
                events.append((got["d"]["eventType"], got["d"].get("eventData")))
        assert response is not None
        return response, events

    def ok(
        self, request_type: str, data: dict[str, Any] | None = None, settle: float = 0.15
    ) -> tuple[Any, list[tuple[str, Any]]]:
        response, events = self.call(request_type, data, settle)
        assert response["requestStatus"]["result"], response
        return response.get("responseData"), events


def kinds(events: list[tuple[str, Any]]) -> list[str]:
    return [t for t, _ in events]


def test_scene_items_change_and_announce_it(sim: SimulatorThread) -> None:
    room = Room(sim.url)
    item = {"sceneName": "直播中", "sceneItemId": 4}
    items, _ = room.ok("GetSceneItemList", {"sceneName": "直播中"})
    camera = next(i for i in items["sceneItems"] if i["sceneItemId"] == 4)
    assert camera["sourceName"] == "摄像机" and camera["sceneItemTransform"]["sourceWidth"] == 1920.0
    _, events = room.ok("SetSceneItemEnabled", {**item, "sceneItemEnabled": False})
    assert events == [("SceneItemEnableStateChanged", {**item, "sceneItemEnabled": False})]
    assert room.ok("SetSceneItemEnabled", {**item, "sceneItemEnabled": False})[1] == []  # no change, no event
    assert room.ok("GetSceneItemEnabled", item)[0] == {"sceneItemEnabled": False}
    assert kinds(room.ok("SetSceneItemLocked", {**item, "sceneItemLocked": True})[1]) == ["SceneItemLockStateChanged"]
    _, events = room.ok("SetSceneItemTransform", {**item, "sceneItemTransform": {"positionX": 10, "scaleX": 0.5}})
    ((event_type, data),) = events
    assert event_type == "SceneItemTransformChanged"
    assert data["sceneItemTransform"]["positionX"] == 10.0 and data["sceneItemTransform"]["width"] == 960.0
    _, events = room.ok("SetSceneItemIndex", {**item, "sceneItemIndex": 0})
    assert events[0][1]["sceneItems"][0] == {"sceneItemId": 4, "sceneItemIndex": 0}
    assert room.ok("GetSceneItemIndex", item)[0] == {"sceneItemIndex": 0}
    created, events = room.ok("CreateSceneItem", {"sceneName": "直播中", "sourceName": "商品视频"})
    assert kinds(events) == ["SceneItemCreated", "SceneItemSelected", "SceneItemTransformChanged"]
    removed = {"sceneName": "直播中", "sceneItemId": created["sceneItemId"]}
    assert kinds(room.ok("RemoveSceneItem", removed)[1]) == ["SceneItemRemoved"]
    response, _ = room.call("GetSceneItemLocked", removed)
    assert response["requestStatus"]["code"] == 600
    response, _ = room.call("SetSceneItemTransform", {**item, "sceneItemTransform": {"foo": 1}})
    assert response["requestStatus"] == {
        "result": False,
        "code": 703,
        "comment": "You have not provided any valid transform changes.",
    }


def test_inputs_are_created_renamed_tuned_and_removed(sim: SimulatorThread) -> None:
    room = Room(sim.url)
    created, events = room.ok(
        "CreateInput", {"sceneName": "商品特写", "inputName": "倒计时", "inputKind": "color_source_v3"}
    )
    assert kinds(events)[:2] == ["InputCreated", "SceneItemCreated"]
    assert events[0][1]["defaultInputSettings"] == {"color": 4291940817, "height": 1080, "width": 1920}
    assert room.ok("SetInputName", {"inputName": "倒计时", "newInputName": "倒计时牌"})[1] == [
        ("InputNameChanged", {"oldInputName": "倒计时", "inputName": "倒计时牌"})
    ]
    items, _ = room.ok("GetSceneItemList", {"sceneName": "商品特写"})
    assert any(
        i["sourceName"] == "倒计时牌" and i["sceneItemId"] == created["sceneItemId"] for i in items["sceneItems"]
    )
    assert kinds(room.ok("RemoveInput", {"inputName": "倒计时牌"})[1]) == ["InputRemoved"]
    items, _ = room.ok("GetSceneItemList", {"sceneName": "商品特写"})
    assert all(i["sourceName"] != "倒计时牌" for i in items["sceneItems"])

    _, events = room.ok("SetInputAudioBalance", {"inputName": "麦克风", "inputAudioBalance": 0.3})
    assert events == [("InputAudioBalanceChanged", {"inputName": "麦克风", "inputAudioBalance": 0.30000001192092896})]
    room.ok("SetInputAudioTracks", {"inputName": "麦克风", "inputAudioTracks": {"2": False}})
    tracks, _ = room.ok("GetInputAudioTracks", {"inputName": "麦克风"})
    assert tracks["inputAudioTracks"] == {"1": True, "2": False, "3": True, "4": True, "5": True, "6": True}
    response, _ = room.call("GetInputAudioBalance", {"inputName": "摄像机"})
    assert response["requestStatus"]["code"] == 604  # a camera has no audio
    response, _ = room.call("GetInputAudioBalance", {"inputName": "直播中"})
    assert response["requestStatus"]["comment"] == "The specified source is not an input."


def test_product_video_is_a_media_input(sim: SimulatorThread) -> None:
    room = Room(sim.url)
    video = {"inputName": "商品视频"}
    status, _ = room.ok("GetMediaInputStatus", video)
    assert status["mediaState"] == "OBS_MEDIA_STATE_PLAYING" and status["mediaDuration"] == 95_000
    pause = "OBS_WEBSOCKET_MEDIA_INPUT_ACTION_PAUSE"
    assert kinds(room.ok("TriggerMediaInputAction", {**video, "mediaAction": pause})[1]) == [
        "MediaInputActionTriggered"
    ]
    room.ok("SetMediaInputCursor", {**video, "mediaCursor": 1000})
    status, _ = room.ok("GetMediaInputStatus", video)
    assert status == {"mediaState": "OBS_MEDIA_STATE_PAUSED", "mediaDuration": 95_000, "mediaCursor": 1000}
    play = "OBS_WEBSOCKET_MEDIA_INPUT_ACTION_PLAY"
    assert kinds(room.ok("TriggerMediaInputAction", {**video, "mediaAction": play})[1]) == [
        "MediaInputPlaybackStarted",
        "MediaInputActionTriggered",
    ]
    assert room.ok("GetMediaInputStatus", {"inputName": "摄像机"})[0]["mediaState"] == "OBS_MEDIA_STATE_NONE"


def test_filters_outputs_and_persistent_data(sim: SimulatorThread) -> None:
    room = Room(sim.url)
    beauty = {"sourceName": "摄像机", "filterName": "美颜"}
    assert kinds(room.ok("CreateSourceFilter", {**beauty, "filterKind": "color_filter_v2"})[1]) == [
        "SourceFilterCreated"
    ]
    assert kinds(room.ok("SetSourceFilterEnabled", {**beauty, "filterEnabled": False})[1]) == [
        "SourceFilterEnableStateChanged"
    ]
    filters, _ = room.ok("GetSourceFilterList", {"sourceName": "摄像机"})
    assert filters["filters"] == [
        {
            "filterEnabled": False,
            "filterIndex": 0,
            "filterKind": "color_filter_v2",
            "filterName": "美颜",
            "filterSettings": {},
        }
    ]
    assert kinds(room.ok("RemoveSourceFilter", beauty)[1]) == ["SourceFilterRemoved"]

    slot = {"realm": "OBS_WEBSOCKET_DATA_REALM_PROFILE", "slotName": "口播稿"}
    assert room.ok("GetPersistentData", slot)[0] == {"slotValue": None}
    room.ok("SetPersistentData", {**slot, "slotValue": ["开场", "福利"]})
    assert room.ok("GetPersistentData", slot)[0] == {"slotValue": ["开场", "福利"]}

    _, events = room.ok("StartReplayBuffer", settle=0.3)
    assert [d["outputState"] for _, d in events] == ["OBS_WEBSOCKET_OUTPUT_STARTING", "OBS_WEBSOCKET_OUTPUT_STARTED"]
    _, events = room.ok("SaveReplayBuffer", settle=0.4)
    ((event_type, saved),) = events
    assert event_type == "ReplayBufferSaved"
    assert room.ok("GetLastReplayBufferReplay")[0] == saved
    _, events = room.ok("TriggerHotkeyByName", {"hotkeyName": "OBSBasic.Screenshot"}, settle=0.3)
    assert kinds(events) == ["ScreenshotSaved"]
    response, _ = room.call("TriggerHotkeyByName", {"hotkeyName": "没有"})
    assert response["requestStatus"]["comment"] == "No hotkeys were found by that name."
