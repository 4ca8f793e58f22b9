"""The rest of obs-websocket 5.1.0's requests over the demo room: scene items, input details, media inputs,
filters, outputs, virtual camera and replay buffer, profiles and collections, persistent data, hotkeys,
transitions and UI. Status codes, comments and events follow obs-websocket 5.1.0's request handlers and what
a real OBS 29.0.2 was measured to send (tests/e2e/test_real_obs_differential.py keeps it so)."""

from __future__ import annotations

import base64
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from obs.protocol import OutputState
from obs.protocol import RequestStatus as S
from obs.simulator.handlers import (
    Data,
    Handler,
    Host,
    RequestFailure,
    _input,
    _scene,
    field,
    handler,
    number_range,
)
from obs.simulator.images import IMAGE_FORMATS, encode_image, render_source, screenshot_size
from obs.simulator.room import Output, Room, SimFilter, SimInput, SimScene, SimSceneItem, timecode

#: Input kinds of OBS 29 on Linux (Debian's build), as GetInputKindList lists them.
INPUT_KINDS = (
    "image_source",
    "color_source_v3",
    "slideshow",
    "alsa_input_capture",
    "xshm_input",
    "jack_output_capture",
    "pulse_input_capture",
    "pulse_output_capture",
    "v4l2_input",
    "ffmpeg_source",
    "text_ft2_source_v2",
)
#: Default settings OBS 29 reports for the kinds the demo room uses (measured; others have none set).
INPUT_DEFAULTS: dict[str, dict[str, Any]] = {
    "ffmpeg_source": {
        "buffering_mb": 2,
        "clear_on_media_end": True,
        "is_local_file": True,
        "linear_alpha": False,
        "looping": False,
        "reconnect_delay_sec": 10,
        "restart_on_activate": True,
        "speed_percent": 100,
    },
    "color_source_v3": {"color": 4291940817, "height": 1080, "width": 1920},
    "image_source": {"linear_alpha": False, "unload": False},
}
AUDIO_KINDS = ("pulse_input_capture", "pulse_output_capture", "alsa_input_capture", "jack_output_capture")
VIDEO_KINDS = (
    "image_source",
    "color_source_v3",
    "slideshow",
    "xshm_input",
    "v4l2_input",
    "ffmpeg_source",
    "text_ft2_source_v2",
)
MEDIA_KINDS = ("ffmpeg_source",)
#: The product video's length (a looping clip); OBS reports media times in milliseconds.
MEDIA_DURATION_MS = 95_000
FILTER_KINDS = (
    "mask_filter_v2",
    "crop_filter",
    "gain_filter",
    "color_filter_v2",
    "scale_filter",
    "scroll_filter",
    "gpu_delay",
    "color_key_filter_v2",
    "clut_filter",
    "sharpness_filter_v2",
    "chroma_key_filter_v2",
    "async_delay_filter",
    "noise_suppress_filter_v2",
    "invert_polarity_filter",
    "noise_gate_filter",
    "compressor_filter",
    "limiter_filter",
    "expander_filter",
    "upward_compressor_filter",
    "luma_key_filter_v2",
)
FILTER_DEFAULTS: dict[str, dict[str, Any]] = {
    "color_filter_v2": {
        "brightness": 0.0,
        "color_add": 0,
        "color_multiply": 16777215,
        "contrast": 0.0,
        "gamma": 0.0,
        "hue_shift": 0.0,
        "opacity": 1.0,
        "saturation": 0.0,
    },
    "gain_filter": {"db": 0.0},
}
TRANSITION_KINDS = (
    "cut_transition",
    "fade_transition",
    "swipe_transition",
    "slide_transition",
    "obs_stinger_transition",
    "fade_to_color_transition",
    "wipe_transition",
)
MONITOR_TYPES = (
    "OBS_MONITORING_TYPE_NONE",
    "OBS_MONITORING_TYPE_MONITOR_ONLY",
    "OBS_MONITORING_TYPE_MONITOR_AND_OUTPUT",
)
BLEND_MODES = (
    "OBS_BLEND_NORMAL",
    "OBS_BLEND_ADDITIVE",
    "OBS_BLEND_SUBTRACT",
    "OBS_BLEND_SCREEN",
    "OBS_BLEND_MULTIPLY",
    "OBS_BLEND_LIGHTEN",
    "OBS_BLEND_DARKEN",
)
BOUNDS_TYPES = (
    "OBS_BOUNDS_NONE",
    "OBS_BOUNDS_STRETCH",
    "OBS_BOUNDS_SCALE_INNER",
    "OBS_BOUNDS_SCALE_OUTER",
    "OBS_BOUNDS_SCALE_TO_WIDTH",
    "OBS_BOUNDS_SCALE_TO_HEIGHT",
    "OBS_BOUNDS_MAX_ONLY",
)
MEDIA_ACTIONS = (
    "OBS_WEBSOCKET_MEDIA_INPUT_ACTION_NONE",
    "OBS_WEBSOCKET_MEDIA_INPUT_ACTION_PLAY",
    "OBS_WEBSOCKET_MEDIA_INPUT_ACTION_PAUSE",
    "OBS_WEBSOCKET_MEDIA_INPUT_ACTION_STOP",
    "OBS_WEBSOCKET_MEDIA_INPUT_ACTION_RESTART",
    "OBS_WEBSOCKET_MEDIA_INPUT_ACTION_NEXT",
    "OBS_WEBSOCKET_MEDIA_INPUT_ACTION_PREVIOUS",
)
VIDEO_MIX_TYPES = (
    "OBS_WEBSOCKET_VIDEO_MIX_TYPE_PREVIEW",
    "OBS_WEBSOCKET_VIDEO_MIX_TYPE_PROGRAM",
    "OBS_WEBSOCKET_VIDEO_MIX_TYPE_MULTIVIEW",
)
#: The frontend hotkeys of OBS 29 (per-scene, per-source and per-item ones are added from the room).
FRONTEND_HOTKEYS = (
    "OBSBasic.StartStreaming",
    "OBSBasic.StopStreaming",
    "OBSBasic.ForceStopStreaming",
    "OBSBasic.StartRecording",
    "OBSBasic.StopRecording",
    "OBSBasic.PauseRecording",
    "OBSBasic.UnpauseRecording",
    "OBSBasic.SplitFile",
    "OBSBasic.StartReplayBuffer",
    "OBSBasic.StopReplayBuffer",
    "OBSBasic.StartVirtualCam",
    "OBSBasic.StopVirtualCam",
    "OBSBasic.EnablePreview",
    "OBSBasic.DisablePreview",
    "OBSBasic.ShowContextBar",
    "OBSBasic.HideContextBar",
    "OBSBasic.TogglePreviewProgram",
    "OBSBasic.Transition",
    "OBSBasic.ResetStats",
    "OBSBasic.Screenshot",
    "OBSBasic.SelectedSourceScreenshot",
)
#: Outputs by name, as the simple output mode creates them.
OUTPUTS = {
    "simple_stream": ("rtmp_output", "stream", True),
    "simple_file_output": ("ffmpeg_muxer", "record", False),
    "virtualcam_output": ("virtualcam_output", "virtualcam", False),
    "Replay Buffer": ("replay_buffer", "replay", False),
}
REALMS = ("OBS_WEBSOCKET_DATA_REALM_GLOBAL", "OBS_WEBSOCKET_DATA_REALM_PROFILE")


def float32(value: float) -> float:
    """OBS keeps balance (and similar) as a C float: 0.3 reads back as 0.30000001192092896."""
    return float(struct.unpack("f", struct.pack("f", value))[0])


# ---------------------------------------------------------------------- helpers
def source_size(room: Room, name: str) -> tuple[float, float]:
    if room.scene(name) is not None:
        return float(room.base_size[0]), float(room.base_size[1])
    item = room.inputs.get(name)
    if item is None or not item.video:
        return 0.0, 0.0
    return float(room.base_size[0]), float(room.base_size[1])


def transform_of(room: Room, item: SimSceneItem) -> Data:
    t = dict(item.transform)
    width, height = source_size(room, item.source_name)
    t["sourceWidth"], t["sourceHeight"] = width, height
    if t["boundsType"] == "OBS_BOUNDS_NONE":
        t["width"] = (width - t["cropLeft"] - t["cropRight"]) * t["scaleX"]
        t["height"] = (height - t["cropTop"] - t["cropBottom"]) * t["scaleY"]
    else:
        t["width"], t["height"] = t["boundsWidth"], t["boundsHeight"]
    return dict(sorted(t.items()))


def scene_item_entry(room: Room, item: SimSceneItem, index: int) -> Data:
    source = room.inputs.get(item.source_name)
    return {
        "inputKind": source.kind if source else None,
        "isGroup": None if source else False,
        "sceneItemBlendMode": item.blend_mode,
        "sceneItemEnabled": item.enabled,
        "sceneItemId": item.item_id,
        "sceneItemIndex": index,
        "sceneItemLocked": item.locked,
        "sceneItemTransform": transform_of(room, item),
        "sourceName": item.source_name,
        "sourceType": "OBS_SOURCE_TYPE_INPUT" if source else "OBS_SOURCE_TYPE_SCENE",
    }


def _scene_obj(host: Host, data: Data, key: str = "sceneName") -> SimScene:
    scene = host.room.scene(_scene(host, data, key))
    assert scene is not None
    return scene


def _scene_item(host: Host, data: Data) -> tuple[SimScene, SimSceneItem]:
    scene = _scene_obj(host, data)
    item_id = number_range(data, "sceneItemId", 0)
    item = next((i for i in scene.items if i.item_id == int(item_id or 0)), None)
    if item is None:
        raise RequestFailure(
            S.RESOURCE_NOT_FOUND,
            f"No scene items were found in scene `{scene.name}` with the ID `{int(item_id or 0)}`.",
        )
    return scene, item


def _source(host: Host, data: Data, key: str = "sourceName") -> str:
    name = field(data, key, "String")
    if host.room.scene(name) is None and name not in host.room.inputs:
        raise RequestFailure(S.RESOURCE_NOT_FOUND, f"No source was found by the name of `{name}`.")
    return name  # type: ignore[no-any-return]


def _audio(item: SimInput) -> SimInput:
    if not item.audio:
        raise RequestFailure(S.INVALID_RESOURCE_STATE, "The specified input does not support audio.")
    return item


def _filters_of(host: Host, name: str) -> list[SimFilter]:
    scene = host.room.scene(name)
    return scene.filters if scene is not None else host.room.inputs[name].filters


def _filter(host: Host, data: Data) -> tuple[list[SimFilter], SimFilter]:
    source = _source(host, data)
    name = field(data, "filterName", "String")
    filters = _filters_of(host, source)
    found = next((f for f in filters if f.name == name), None)
    if found is None:
        raise RequestFailure(
            S.RESOURCE_NOT_FOUND, f"No filter was found in the source `{source}` with the name `{name}`."
        )
    return filters, found


def _next_item_id(scene: SimScene) -> int:
    # OBS numbers scene items per scene.
    return max((i.item_id for i in scene.items), default=0) + 1


def _add_item(host: Host, scene: SimScene, source: str, enabled: bool, like: SimSceneItem | None = None) -> int:
    item = SimSceneItem(_next_item_id(scene), source, enabled)
    if like is not None:
        item.transform = dict(like.transform)
        item.blend_mode = like.blend_mode
    scene.items.append(item)
    index = len(scene.items) - 1
    host.emit(
        "SceneItemCreated",
        {"sceneName": scene.name, "sourceName": source, "sceneItemId": item.item_id, "sceneItemIndex": index},
    )
    host.emit("SceneItemSelected", {"sceneName": scene.name, "sceneItemId": item.item_id})
    host.emit(
        "SceneItemTransformChanged",
        {"sceneName": scene.name, "sceneItemId": item.item_id, "sceneItemTransform": transform_of(host.room, item)},
    )
    return item.item_id


def _media_cursor(host: Host, item: SimInput) -> float:
    if item.media_state != "OBS_MEDIA_STATE_PLAYING":
        return item.media_cursor_ms
    elapsed = (host.now() - item.media_since) * 1000.0
    return (item.media_cursor_ms + elapsed) % MEDIA_DURATION_MS


def _set_media(host: Host, item: SimInput, state: str, cursor: float) -> None:
    item.media_state, item.media_cursor_ms, item.media_since = state, cursor, host.now()


# ---------------------------------------------------------------------- scene items
@handler("GetGroupList")
def get_group_list(host: Host, data: Data) -> Data:
    return {"groups": []}  # the demo room has no groups


@handler("GetGroupSceneItemList")
def get_group_scene_item_list(host: Host, data: Data) -> Data:
    _scene(host, data)
    raise RequestFailure(S.INVALID_RESOURCE_TYPE, "The specified source is not a group. (Is scene)")


@handler("GetSceneItemId")
def get_scene_item_id(host: Host, data: Data) -> Data:
    scene = _scene_obj(host, data)
    name = field(data, "sourceName", "String")
    offset = int(number_range(data, "searchOffset", -1, optional=True) or 0)
    matches = [i for i in scene.items if i.source_name == name]
    # -1 searches from the end (the last match), as obs-websocket's search helper does.
    position = len(matches) - 1 if offset == -1 else offset
    found = matches[position] if 0 <= position < len(matches) else None
    if found is None:
        raise RequestFailure(
            S.RESOURCE_NOT_FOUND, "No scene items were found in the specified scene by that name or offset."
        )
    return {"sceneItemId": found.item_id}


@handler("CreateSceneItem")
def create_scene_item(host: Host, data: Data) -> Data:
    scene = _scene_obj(host, data)
    source = _source(host, data)
    if source == scene.name:
        raise RequestFailure(S.CANNOT_ACT, "You cannot create scene item of a scene within itself.")
    enabled = field(data, "sceneItemEnabled", "Boolean", optional=True)
    return {"sceneItemId": _add_item(host, scene, source, True if enabled is None else enabled)}


@handler("RemoveSceneItem")
def remove_scene_item(host: Host, data: Data) -> Data:
    scene, item = _scene_item(host, data)
    scene.items.remove(item)
    host.emit(
        "SceneItemRemoved", {"sceneName": scene.name, "sourceName": item.source_name, "sceneItemId": item.item_id}
    )
    return {}


@handler("DuplicateSceneItem")
def duplicate_scene_item(host: Host, data: Data) -> Data:
    scene, item = _scene_item(host, data)
    target = _scene_obj(host, data, "destinationSceneName") if data.get("destinationSceneName") is not None else scene
    return {"sceneItemId": _add_item(host, target, item.source_name, item.enabled, like=item)}


@handler("GetSceneItemTransform")
def get_scene_item_transform(host: Host, data: Data) -> Data:
    _, item = _scene_item(host, data)
    return {"sceneItemTransform": transform_of(host.room, item)}


_TRANSFORM_RANGES: dict[str, tuple[float, float]] = {
    "positionX": (-90001.0, 90001.0),
    "positionY": (-90001.0, 90001.0),
    "rotation": (-360.0, 360.0),
    "scaleX": (float("-inf"), float("inf")),
    "scaleY": (-90001.0, 90001.0),
    "alignment": (0, 4294967295),
    "boundsAlignment": (0, 4294967295),
    "boundsWidth": (1.0, 90001.0),
    "boundsHeight": (1.0, 90001.0),
    "cropLeft": (0.0, 100000.0),
    "cropRight": (0.0, 100000.0),
    "cropTop": (0.0, 100000.0),
    "cropBottom": (0.0, 100000.0),
}


@handler("SetSceneItemTransform")
def set_scene_item_transform(host: Host, data: Data) -> Data:
    scene, item = _scene_item(host, data)
    changes = field(data, "sceneItemTransform", "Object")
    width, height = source_size(host.room, item.source_name)
    new = dict(item.transform)
    changed = False
    for key in (
        "positionX",
        "positionY",
        "rotation",
        "scaleX",
        "scaleY",
        "alignment",
        "boundsType",
        "boundsAlignment",
        "boundsWidth",
        "boundsHeight",
        "cropLeft",
        "cropRight",
        "cropTop",
        "cropBottom",
    ):
        if changes.get(key) is None:
            continue
        if key == "boundsType":
            value = field(changes, key, "String")
            if value not in BOUNDS_TYPES:
                raise RequestFailure(S.INVALID_REQUEST_FIELD, "The field `boundsType` has an invalid value.")
            new[key] = value
        else:
            low, high = _TRANSFORM_RANGES[key]
            value = number_range(changes, key, low, high)
            if key in ("scaleX", "scaleY"):
                size = width if key == "scaleX" else height
                if not -90001.0 < float(value or 0) * size < 90001.0:
                    raise RequestFailure(
                        S.REQUEST_FIELD_OUT_OF_RANGE,
                        f"The field `{key}` is too small or large for the current source resolution.",
                    )
            as_int = key in ("alignment", "boundsAlignment") or key.startswith("crop")
            new[key] = int(value or 0) if as_int else float(value or 0)
        changed = True
    if not changed:
        raise RequestFailure(S.CANNOT_ACT, "You have not provided any valid transform changes.")
    item.transform = new
    host.emit(
        "SceneItemTransformChanged",
        {"sceneName": scene.name, "sceneItemId": item.item_id, "sceneItemTransform": transform_of(host.room, item)},
    )
    return {}


@handler("GetSceneItemEnabled")
def get_scene_item_enabled(host: Host, data: Data) -> Data:
    return {"sceneItemEnabled": _scene_item(host, data)[1].enabled}


@handler("SetSceneItemEnabled")
def set_scene_item_enabled(host: Host, data: Data) -> Data:
    scene, item = _scene_item(host, data)
    enabled = field(data, "sceneItemEnabled", "Boolean")
    if item.enabled != enabled:  # libobs does nothing (and says nothing) when the state stays
        room = host.room
        source = room.inputs.get(item.source_name)
        was_active = _shown_on_program(room, item.source_name)
        item.enabled = enabled
        host.emit(
            "SceneItemEnableStateChanged",
            {"sceneName": scene.name, "sceneItemId": item.item_id, "sceneItemEnabled": enabled},
        )
        now_active = _shown_on_program(room, item.source_name)
        if source is not None and source.video and was_active != now_active:
            host.emit("InputShowStateChanged", {"inputName": source.name, "videoShowing": now_active})
            if source.video_active:
                host.emit("InputActiveStateChanged", {"inputName": source.name, "videoActive": now_active})
    return {}


def _shown_on_program(room: Room, name: str) -> bool:
    scene = room.scene(room.program)
    return scene is not None and any(i.source_name == name and i.enabled for i in scene.items)


@handler("GetSceneItemLocked")
def get_scene_item_locked(host: Host, data: Data) -> Data:
    return {"sceneItemLocked": _scene_item(host, data)[1].locked}


@handler("SetSceneItemLocked")
def set_scene_item_locked(host: Host, data: Data) -> Data:
    scene, item = _scene_item(host, data)
    locked = field(data, "sceneItemLocked", "Boolean")
    if item.locked != locked:
        item.locked = locked
        host.emit(
            "SceneItemLockStateChanged",
            {"sceneName": scene.name, "sceneItemId": item.item_id, "sceneItemLocked": locked},
        )
    return {}


@handler("GetSceneItemIndex")
def get_scene_item_index(host: Host, data: Data) -> Data:
    scene, item = _scene_item(host, data)
    return {"sceneItemIndex": scene.items.index(item)}


@handler("SetSceneItemIndex")
def set_scene_item_index(host: Host, data: Data) -> Data:
    scene, item = _scene_item(host, data)
    index = int(number_range(data, "sceneItemIndex", 0, 8192) or 0)
    position = scene.items.index(item)
    target = min(index, len(scene.items) - 1)
    if target != position:
        scene.items.remove(item)
        scene.items.insert(target, item)
        host.emit(
            "SceneItemListReindexed",
            {
                "sceneName": scene.name,
                "sceneItems": [{"sceneItemId": i.item_id, "sceneItemIndex": n} for n, i in enumerate(scene.items)],
            },
        )
    return {}


@handler("GetSceneItemBlendMode")
def get_scene_item_blend_mode(host: Host, data: Data) -> Data:
    return {"sceneItemBlendMode": _scene_item(host, data)[1].blend_mode}


@handler("SetSceneItemBlendMode")
def set_scene_item_blend_mode(host: Host, data: Data) -> Data:
    _, item = _scene_item(host, data)
    mode = field(data, "sceneItemBlendMode", "String")
    if mode not in BLEND_MODES:
        raise RequestFailure(S.INVALID_REQUEST_FIELD, "The field sceneItemBlendMode has an invalid value.")
    item.blend_mode = mode
    return {}


def _private_settings(find: Callable[[Host, Data], Any], key: str) -> tuple[Handler, Handler]:
    """Get/Set…PrivateSettings of what `find` finds: the demo room keeps none (no plugin stores any), but the
    requests check what they name and their settings object as OBS does."""

    def get(host: Host, data: Data) -> Data:
        find(host, data)
        return {key: {}}

    def set_(host: Host, data: Data) -> Data:
        find(host, data)
        field(data, key, "Object", allow_empty=True)
        return {}

    return get, set_


_get_item_private, _set_item_private = _private_settings(_scene_item, "sceneItemSettings")
handler("GetSceneItemPrivateSettings")(_get_item_private)
handler("SetSceneItemPrivateSettings")(_set_item_private)


# ---------------------------------------------------------------------- scenes
@handler("SetSceneName")
def set_scene_name(host: Host, data: Data) -> Data:
    scene = _scene_obj(host, data)
    new = field(data, "newSceneName", "String")
    room = host.room
    if room.scene(new) is not None or new in room.inputs:
        raise RequestFailure(S.RESOURCE_ALREADY_EXISTS, "A source already exists by that new scene name.")
    old, scene.name = scene.name, new
    room.program = new if room.program == old else room.program
    room.preview = new if room.preview == old else room.preview
    for other in room.scenes:
        for item in other.items:
            if item.source_name == old:
                item.source_name = new
    host.emit("SceneNameChanged", {"oldSceneName": old, "sceneName": new})
    return {}


@handler("GetSceneSceneTransitionOverride")
def get_scene_scene_transition_override(host: Host, data: Data) -> Data:
    scene = _scene_obj(host, data)
    return {"transitionName": scene.transition_override, "transitionDuration": scene.transition_override_ms}


@handler("SetSceneSceneTransitionOverride")
def set_scene_scene_transition_override(host: Host, data: Data) -> Data:
    scene = _scene_obj(host, data)
    has_name, has_duration = "transitionName" in data, "transitionDuration" in data
    name = field(data, "transitionName", "String", optional=True)
    if name is not None and not any(t["transitionName"] == name for t in host.room.transitions):
        raise RequestFailure(S.RESOURCE_NOT_FOUND, "No scene transition was found by that name.")
    duration = number_range(data, "transitionDuration", 50, 20000, optional=True)
    if not has_name and not has_duration:
        raise RequestFailure(
            S.MISSING_REQUEST_FIELD, "Your request data must include either `transitionName` or `transitionDuration`."
        )
    if has_name:
        scene.transition_override = name
    if has_duration:
        scene.transition_override_ms = None if duration is None else int(duration)
    return {}


# ---------------------------------------------------------------------- inputs
@handler("CreateInput")
def create_input(host: Host, data: Data) -> Data:
    scene = _scene_obj(host, data)
    name = field(data, "inputName", "String")
    kind = field(data, "inputKind", "String")
    room = host.room
    if name in room.inputs or room.scene(name) is not None:
        raise RequestFailure(S.RESOURCE_ALREADY_EXISTS, "A source already exists by that input name.")
    if kind not in INPUT_KINDS:
        raise RequestFailure(
            S.INVALID_INPUT_KIND,
            "Your specified input kind is not supported by OBS. Check that your specified kind is properly "
            "versioned and that any necessary plugins are loaded.",
        )
    settings = field(data, "inputSettings", "Object", optional=True, allow_empty=True) or {}
    enabled = field(data, "sceneItemEnabled", "Boolean", optional=True)
    item = SimInput(
        name, kind, dict(settings), audio=kind in AUDIO_KINDS or kind in MEDIA_KINDS, video=kind in VIDEO_KINDS
    )
    if kind in MEDIA_KINDS:
        _set_media(host, item, "OBS_MEDIA_STATE_PLAYING", 0.0)
    room.add_input(item)
    host.emit(
        "InputCreated",
        {
            "inputName": name,
            "inputKind": kind,
            "unversionedInputKind": room.input_entry(item)["unversionedInputKind"],
            "inputSettings": dict(settings),
            "defaultInputSettings": dict(INPUT_DEFAULTS.get(kind, {})),
        },
    )
    return {"sceneItemId": _add_item(host, scene, name, True if enabled is None else enabled)}


@handler("RemoveInput")
def remove_input(host: Host, data: Data) -> Data:
    item = _input(host, data)
    room = host.room
    del room.inputs[item.name]
    for scene in room.scenes:
        scene.items = [i for i in scene.items if i.source_name != item.name]
    # OBS 29 announces the removal of the input only (its scene items go with it silently).
    host.emit("InputRemoved", {"inputName": item.name})
    return {}


@handler("SetInputName")
def set_input_name(host: Host, data: Data) -> Data:
    item = _input(host, data)
    new = field(data, "newInputName", "String")
    room = host.room
    if new in room.inputs or room.scene(new) is not None:
        raise RequestFailure(S.RESOURCE_ALREADY_EXISTS, "A source already exists by that new input name.")
    old = item.name
    room.inputs = {(new if k == old else k): v for k, v in room.inputs.items()}
    item.name = new
    for scene in room.scenes:
        for scene_item in scene.items:
            if scene_item.source_name == old:
                scene_item.source_name = new
    host.emit("InputNameChanged", {"oldInputName": old, "inputName": new})
    return {}


@handler("GetInputDefaultSettings")
def get_input_default_settings(host: Host, data: Data) -> Data:
    kind = field(data, "inputKind", "String")
    if kind not in INPUT_KINDS:
        raise RequestFailure(S.INVALID_INPUT_KIND)
    return {"defaultInputSettings": dict(INPUT_DEFAULTS.get(kind, {}))}


@handler("SetInputSettings")
def set_input_settings(host: Host, data: Data) -> Data:
    item = _input(host, data)
    settings = field(data, "inputSettings", "Object", allow_empty=True)
    overlay = field(data, "overlay", "Boolean", optional=True)
    item.settings = {**item.settings, **settings} if overlay is not False else dict(settings)
    if item.kind in MEDIA_KINDS:  # a media source restarts with its new settings
        _set_media(host, item, "OBS_MEDIA_STATE_PLAYING", 0.0)
        host.emit("MediaInputPlaybackStarted", {"inputName": item.name})
        if host.room.file_missing(item):
            # OBS 29.0.2 pointed at a file it cannot open (measured): "started", at once "ended", and ENDED (no
            # length) until it is started again — then PLAYING with length 0 (GetMediaInputStatus below).
            _set_media(host, item, "OBS_MEDIA_STATE_ENDED", 0.0)
            host.emit("MediaInputPlaybackEnded", {"inputName": item.name})
    return {}


@handler("GetInputAudioBalance")
def get_input_audio_balance(host: Host, data: Data) -> Data:
    return {"inputAudioBalance": _audio(_input(host, data)).balance}


@handler("SetInputAudioBalance")
def set_input_audio_balance(host: Host, data: Data) -> Data:
    item = _input(host, data)
    balance = number_range(data, "inputAudioBalance", 0.0, 1.0)
    _audio(item)
    item.balance = float32(float(balance or 0))
    host.emit("InputAudioBalanceChanged", {"inputName": item.name, "inputAudioBalance": item.balance})
    return {}


@handler("GetInputAudioSyncOffset")
def get_input_audio_sync_offset(host: Host, data: Data) -> Data:
    return {"inputAudioSyncOffset": _audio(_input(host, data)).sync_offset_ms}


@handler("SetInputAudioSyncOffset")
def set_input_audio_sync_offset(host: Host, data: Data) -> Data:
    item = _input(host, data)
    offset = number_range(data, "inputAudioSyncOffset", -950, 20000)
    _audio(item)
    item.sync_offset_ms = int(offset or 0)
    host.emit("InputAudioSyncOffsetChanged", {"inputName": item.name, "inputAudioSyncOffset": item.sync_offset_ms})
    return {}


@handler("GetInputAudioMonitorType")
def get_input_audio_monitor_type(host: Host, data: Data) -> Data:
    return {"monitorType": _audio(_input(host, data)).monitor_type}


@handler("SetInputAudioMonitorType")
def set_input_audio_monitor_type(host: Host, data: Data) -> Data:
    item = _input(host, data)
    monitor = field(data, "monitorType", "String")
    _audio(item)
    if monitor not in MONITOR_TYPES:
        raise RequestFailure(S.INVALID_REQUEST_FIELD, f"Unknown monitor type: {monitor}")
    item.monitor_type = monitor
    host.emit("InputAudioMonitorTypeChanged", {"inputName": item.name, "monitorType": monitor})
    return {}


@handler("GetInputAudioTracks")
def get_input_audio_tracks(host: Host, data: Data) -> Data:
    return {"inputAudioTracks": dict(_audio(_input(host, data)).tracks)}


@handler("SetInputAudioTracks")
def set_input_audio_tracks(host: Host, data: Data) -> Data:
    item = _input(host, data)
    tracks = field(data, "inputAudioTracks", "Object")
    _audio(item)
    new = dict(item.tracks)
    for track in new:
        if track not in tracks:
            continue
        if not isinstance(tracks[track], bool):
            raise RequestFailure(S.INVALID_REQUEST_FIELD_TYPE, "The value of one of your tracks is not a boolean.")
        new[track] = tracks[track]
    item.tracks = new
    host.emit("InputAudioTracksChanged", {"inputName": item.name, "inputAudioTracks": dict(new)})
    return {}


#: List properties of the demo room's inputs (what OBS's properties dialog would offer).
_LIST_PROPERTIES: dict[tuple[str, str], list[Data]] = {
    ("v4l2_input", "device_id"): [{"itemName": "USB Camera", "itemValue": "/dev/video0", "itemEnabled": True}],
    ("pulse_input_capture", "device_id"): [{"itemName": "Default", "itemValue": "default", "itemEnabled": True}],
    ("pulse_output_capture", "device_id"): [{"itemName": "Default", "itemValue": "default", "itemEnabled": True}],
}
_BUTTON_PROPERTIES = {("v4l2_input", "refresh")}


@handler("GetInputPropertiesListPropertyItems")
def get_input_properties_list_property_items(host: Host, data: Data) -> Data:
    item = _input(host, data)
    name = field(data, "propertyName", "String")
    if (item.kind, name) in _BUTTON_PROPERTIES:
        raise RequestFailure(S.INVALID_RESOURCE_TYPE, "The property found is not a list.")
    if (item.kind, name) not in _LIST_PROPERTIES:
        raise RequestFailure(S.RESOURCE_NOT_FOUND, "Unable to find a property by that name.")
    return {"propertyItems": [dict(p) for p in _LIST_PROPERTIES[(item.kind, name)]]}


@handler("PressInputPropertiesButton")
def press_input_properties_button(host: Host, data: Data) -> Data:
    item = _input(host, data)
    name = field(data, "propertyName", "String")
    if (item.kind, name) in _LIST_PROPERTIES:
        raise RequestFailure(S.INVALID_RESOURCE_TYPE, "The property found is not a button.")
    if (item.kind, name) not in _BUTTON_PROPERTIES:
        raise RequestFailure(S.RESOURCE_NOT_FOUND, "Unable to find a property by that name.")
    return {}


# ---------------------------------------------------------------------- media inputs
@handler("GetMediaInputStatus")
def get_media_input_status(host: Host, data: Data) -> Data:
    item = _input(host, data)
    if item.kind not in MEDIA_KINDS:
        return {"mediaState": "OBS_MEDIA_STATE_NONE", "mediaDuration": None, "mediaCursor": None}
    if item.media_state in ("OBS_MEDIA_STATE_STOPPED", "OBS_MEDIA_STATE_ENDED"):
        return {"mediaState": item.media_state, "mediaDuration": None, "mediaCursor": None}
    if host.room.file_missing(item):
        # OBS 29.0.2 with a media source whose file is missing (measured): "playing", no length, no position.
        return {"mediaState": "OBS_MEDIA_STATE_PLAYING", "mediaDuration": 0, "mediaCursor": 0}
    return {
        "mediaState": item.media_state,
        "mediaDuration": MEDIA_DURATION_MS,
        "mediaCursor": int(_media_cursor(host, item)),
    }


def _seekable(item: SimInput) -> None:
    if item.kind not in MEDIA_KINDS or item.media_state not in ("OBS_MEDIA_STATE_PLAYING", "OBS_MEDIA_STATE_PAUSED"):
        raise RequestFailure(
            S.INVALID_RESOURCE_STATE, "The media input must be playing or paused in order to set the cursor position."
        )


@handler("SetMediaInputCursor")
def set_media_input_cursor(host: Host, data: Data) -> Data:
    item = _input(host, data)
    cursor = number_range(data, "mediaCursor", 0)
    _seekable(item)
    _set_media(host, item, item.media_state, min(float(cursor or 0), MEDIA_DURATION_MS))
    return {}


@handler("OffsetMediaInputCursor")
def offset_media_input_cursor(host: Host, data: Data) -> Data:
    item = _input(host, data)
    offset = number_range(data, "mediaCursorOffset")
    _seekable(item)
    cursor = max(0.0, min(MEDIA_DURATION_MS, _media_cursor(host, item) + float(offset or 0)))
    _set_media(host, item, item.media_state, cursor)
    return {}


@handler("TriggerMediaInputAction")
def trigger_media_input_action(host: Host, data: Data) -> Data:
    item = _input(host, data)
    action = field(data, "mediaAction", "String")
    if action not in MEDIA_ACTIONS:
        raise RequestFailure(S.INVALID_REQUEST_FIELD, "You have specified an invalid media input action.")
    if item.kind in MEDIA_KINDS:
        verb = action.removeprefix("OBS_WEBSOCKET_MEDIA_INPUT_ACTION_")
        if verb == "PLAY" and item.media_state != "OBS_MEDIA_STATE_PLAYING":
            cursor = _media_cursor(host, item) if item.media_state == "OBS_MEDIA_STATE_PAUSED" else 0.0
            _set_media(host, item, "OBS_MEDIA_STATE_PLAYING", cursor)
            host.emit("MediaInputPlaybackStarted", {"inputName": item.name})
        elif verb == "PAUSE" and item.media_state == "OBS_MEDIA_STATE_PLAYING":
            _set_media(host, item, "OBS_MEDIA_STATE_PAUSED", _media_cursor(host, item))
        elif verb == "STOP" and item.media_state != "OBS_MEDIA_STATE_STOPPED":
            _set_media(host, item, "OBS_MEDIA_STATE_STOPPED", 0.0)
            host.emit("MediaInputPlaybackEnded", {"inputName": item.name})
        elif verb == "RESTART":
            _set_media(host, item, "OBS_MEDIA_STATE_PLAYING", 0.0)
            host.emit("MediaInputPlaybackStarted", {"inputName": item.name})
        host.emit("MediaInputActionTriggered", {"inputName": item.name, "mediaAction": action})
    return {}


# ---------------------------------------------------------------------- filters
def _filter_entry(filters: list[SimFilter], f: SimFilter, with_name: bool = True) -> Data:
    entry: Data = {
        "filterEnabled": f.enabled,
        "filterIndex": filters.index(f),
        "filterKind": f.kind,
        "filterSettings": dict(f.settings),
    }
    if with_name:
        entry["filterName"] = f.name
    return entry


@handler("GetSourceFilterList")
def get_source_filter_list(host: Host, data: Data) -> Data:
    filters = _filters_of(host, _source(host, data))
    return {"filters": [_filter_entry(filters, f) for f in filters]}


@handler("GetSourceFilterDefaultSettings")
def get_source_filter_default_settings(host: Host, data: Data) -> Data:
    kind = field(data, "filterKind", "String")
    if kind not in FILTER_KINDS:
        raise RequestFailure(S.INVALID_FILTER_KIND)
    return {"defaultFilterSettings": dict(FILTER_DEFAULTS.get(kind, {}))}


@handler("CreateSourceFilter")
def create_source_filter(host: Host, data: Data) -> Data:
    source = _source(host, data)
    name = field(data, "filterName", "String")
    kind = field(data, "filterKind", "String")
    filters = _filters_of(host, source)
    if any(f.name == name for f in filters):
        raise RequestFailure(S.RESOURCE_ALREADY_EXISTS, "A filter already exists by that name.")
    if kind not in FILTER_KINDS:
        raise RequestFailure(
            S.INVALID_FILTER_KIND,
            "Your specified filter kind is not supported by OBS. Check that any necessary plugins are loaded.",
        )
    settings = field(data, "filterSettings", "Object", optional=True, allow_empty=True) or {}
    created = SimFilter(name, kind, dict(settings))
    filters.append(created)
    host.emit(
        "SourceFilterCreated",
        {
            "sourceName": source,
            "filterName": name,
            "filterKind": kind,
            "filterIndex": filters.index(created),
            "filterSettings": dict(settings),
            "defaultFilterSettings": dict(FILTER_DEFAULTS.get(kind, {})),
        },
    )
    return {}


@handler("RemoveSourceFilter")
def remove_source_filter(host: Host, data: Data) -> Data:
    filters, found = _filter(host, data)
    filters.remove(found)
    host.emit("SourceFilterRemoved", {"sourceName": data["sourceName"], "filterName": found.name})
    return {}


@handler("SetSourceFilterName")
def set_source_filter_name(host: Host, data: Data) -> Data:
    filters, found = _filter(host, data)
    new = field(data, "newFilterName", "String")
    if any(f.name == new for f in filters):
        raise RequestFailure(S.RESOURCE_ALREADY_EXISTS, "A filter already exists by that new name.")
    old, found.name = found.name, new
    host.emit("SourceFilterNameChanged", {"sourceName": data["sourceName"], "oldFilterName": old, "filterName": new})
    return {}


@handler("GetSourceFilter")
def get_source_filter(host: Host, data: Data) -> Data:
    filters, found = _filter(host, data)
    return _filter_entry(filters, found, with_name=False)


@handler("SetSourceFilterIndex")
def set_source_filter_index(host: Host, data: Data) -> Data:
    filters, found = _filter(host, data)
    index = int(number_range(data, "filterIndex", 0, 8192) or 0)
    target = min(index, len(filters) - 1)
    if filters.index(found) != target:
        filters.remove(found)
        filters.insert(target, found)
        host.emit(
            "SourceFilterListReindexed",
            {"sourceName": data["sourceName"], "filters": [_filter_entry(filters, f) for f in filters]},
        )
    return {}


@handler("SetSourceFilterSettings")
def set_source_filter_settings(host: Host, data: Data) -> Data:
    _, found = _filter(host, data)
    settings = field(data, "filterSettings", "Object", allow_empty=True)
    overlay = field(data, "overlay", "Boolean", optional=True)
    found.settings = {**found.settings, **settings} if overlay is not False else dict(settings)
    return {}


@handler("SetSourceFilterEnabled")
def set_source_filter_enabled(host: Host, data: Data) -> Data:
    _, found = _filter(host, data)
    enabled = field(data, "filterEnabled", "Boolean")
    if found.enabled != enabled:
        found.enabled = enabled
        host.emit(
            "SourceFilterEnableStateChanged",
            {"sourceName": data["sourceName"], "filterName": found.name, "filterEnabled": enabled},
        )
    return {}


# ---------------------------------------------------------------------- sources
@handler("SaveSourceScreenshot")
def save_source_screenshot(host: Host, data: Data) -> Data:
    name = _source(host, data)
    image_format = field(data, "imageFormat", "String")
    path = Path(field(data, "imageFilePath", "String"))
    if image_format.lower() not in IMAGE_FORMATS:
        raise RequestFailure(
            S.INVALID_REQUEST_FIELD, "Your specified image format is invalid or not supported by this system."
        )
    if not path.is_absolute() or not path.parent.is_dir():
        raise RequestFailure(S.RESOURCE_NOT_FOUND, "The directory for your file path does not exist.")
    width = number_range(data, "imageWidth", 8, 4096, optional=True)
    height = number_range(data, "imageHeight", 8, 4096, optional=True)
    quality = number_range(data, "imageCompressionQuality", -1, 100, optional=True)
    room = host.room
    size = screenshot_size(room, int(width) if width else None, int(height) if height else None)
    encoded = encode_image(
        render_source(room, name, size[0], size[1], host.now()),
        image_format,
        int(quality if quality is not None else -1),
    )
    try:
        path.write_bytes(base64.b64decode(encoded.split(",", 1)[1]))
    except OSError as exc:
        raise RequestFailure(S.REQUEST_PROCESSING_FAILED, "Failed to save screenshot.") from exc
    return {}


_get_source_private, _set_source_private = _private_settings(_source, "sourceSettings")
handler("GetSourcePrivateSettings")(_get_source_private)
handler("SetSourcePrivateSettings")(_set_source_private)


# ---------------------------------------------------------------------- outputs
def _output_start(host: Host, output: Output, event: str) -> None:
    room = host.room
    room.start_output(output, host.now())
    host.emit(event, {"outputActive": False, "outputState": OutputState.STARTING})

    def started() -> None:
        if output.active:
            host.emit(event, {"outputActive": True, "outputState": OutputState.STARTED})

    host.later(0.1, started)


def _output_stop(host: Host, output: Output, event: str) -> None:
    host.room.stop_output(output)
    host.emit(event, {"outputActive": False, "outputState": OutputState.STOPPING})

    def stopped() -> None:
        if not output.active:
            host.emit(event, {"outputActive": False, "outputState": OutputState.STOPPED})

    host.later(0.1, stopped)


# Which output a request means, and the event that says its state: fixed (the virtual camera, the replay
# buffer) or named in the request (outputName).
_OutputOf = Callable[[Host, Data], tuple[Output, str]]


def _fixed_output(attribute: str, event: str) -> _OutputOf:
    return lambda host, data: (getattr(host.room, attribute), event)


def _named_output_and_event(host: Host, data: Data) -> tuple[Output, str]:
    name, output = _named_output(host, data)
    return output, _OUTPUT_EVENTS[name]


def _toggler(which: _OutputOf) -> Handler:
    def toggle(host: Host, data: Data) -> Data:
        output, event = which(host, data)
        (_output_stop if output.active else _output_start)(host, output, event)
        return {"outputActive": output.active}

    return toggle


def _starter(which: _OutputOf) -> Handler:
    def start(host: Host, data: Data) -> Data:
        output, event = which(host, data)
        if output.active:
            raise RequestFailure(S.OUTPUT_RUNNING)
        _output_start(host, output, event)
        return {}

    return start


def _stopper(which: _OutputOf) -> Handler:
    def stop(host: Host, data: Data) -> Data:
        output, event = which(host, data)
        if not output.active:
            raise RequestFailure(S.OUTPUT_NOT_RUNNING)
        _output_stop(host, output, event)
        return {}

    return stop


_VIRTUALCAM = _fixed_output("virtualcam", "VirtualcamStateChanged")
handler("ToggleVirtualCam")(_toggler(_VIRTUALCAM))
handler("StartVirtualCam")(_starter(_VIRTUALCAM))
handler("StopVirtualCam")(_stopper(_VIRTUALCAM))


@handler("GetReplayBufferStatus")
def get_replay_buffer_status(host: Host, data: Data) -> Data:
    return {"outputActive": host.room.replay_buffer.active}


_REPLAY_BUFFER = _fixed_output("replay_buffer", "ReplayBufferStateChanged")
handler("ToggleReplayBuffer")(_toggler(_REPLAY_BUFFER))
handler("StartReplayBuffer")(_starter(_REPLAY_BUFFER))
handler("StopReplayBuffer")(_stopper(_REPLAY_BUFFER))


@handler("SaveReplayBuffer")
def save_replay_buffer(host: Host, data: Data) -> Data:
    room = host.room
    if not room.replay_buffer.active:
        raise RequestFailure(S.OUTPUT_NOT_RUNNING)
    room.tick(host.now())
    seconds = int(host.now() - room.started)
    room.last_replay = f"{room.record_directory}/Replay 2026-11-23 20-{seconds // 60 % 60:02d}-{seconds % 60:02d}.mkv"
    path = room.last_replay
    host.later(0.2, lambda: host.emit("ReplayBufferSaved", {"savedReplayPath": path}))
    return {}


@handler("GetLastReplayBufferReplay")
def get_last_replay_buffer_replay(host: Host, data: Data) -> Data:
    if not host.room.replay_buffer.active:
        raise RequestFailure(S.OUTPUT_NOT_RUNNING)
    return {"savedReplayPath": host.room.last_replay}


def _named_output(host: Host, data: Data) -> tuple[str, Output]:
    name = field(data, "outputName", "String")
    if name not in OUTPUTS:
        raise RequestFailure(S.RESOURCE_NOT_FOUND, f"No output was found with the name `{name}`.")
    role = OUTPUTS[name][1]
    room = host.room
    outputs = {
        "stream": room.stream,
        "record": room.record,
        "virtualcam": room.virtualcam,
        "replay": room.replay_buffer,
    }
    return name, outputs[role]


@handler("GetOutputList")
def get_output_list(host: Host, data: Data) -> Data:
    room = host.room
    entries = []
    for name, (kind, _, service) in OUTPUTS.items():
        _, output = _named_output(host, {"outputName": name})
        entries.append(
            {
                "outputActive": output.active,
                "outputFlags": {
                    "OBS_OUTPUT_AUDIO": kind != "virtualcam_output",
                    "OBS_OUTPUT_ENCODED": kind != "virtualcam_output",
                    "OBS_OUTPUT_MULTI_TRACK": kind in ("ffmpeg_muxer", "replay_buffer"),
                    "OBS_OUTPUT_SERVICE": service,
                    "OBS_OUTPUT_VIDEO": True,
                },
                "outputHeight": room.output_size[1],
                "outputKind": kind,
                "outputName": name,
                "outputWidth": room.output_size[0],
            }
        )
    return {"outputs": entries}


@handler("GetOutputStatus")
def get_output_status(host: Host, data: Data) -> Data:
    _, output = _named_output(host, data)
    room = host.room
    room.tick(host.now())
    ms = output.duration_ms(host.now())
    return {
        "outputActive": output.active,
        "outputReconnecting": output.reconnecting,
        "outputTimecode": timecode(ms),
        "outputDuration": ms,
        "outputCongestion": round(output.congestion, 4) if output.active else 0.0,
        "outputBytes": int(output.bytes),
        "outputSkippedFrames": int(output.skipped_frames),
        "outputTotalFrames": int(output.total_frames),
    }


_OUTPUT_EVENTS = {
    "simple_stream": "StreamStateChanged",
    "simple_file_output": "RecordStateChanged",
    "virtualcam_output": "VirtualcamStateChanged",
    "Replay Buffer": "ReplayBufferStateChanged",
}


handler("ToggleOutput")(_toggler(_named_output_and_event))
handler("StartOutput")(_starter(_named_output_and_event))
handler("StopOutput")(_stopper(_named_output_and_event))


@handler("GetOutputSettings")
def get_output_settings(host: Host, data: Data) -> Data:
    name, _ = _named_output(host, data)
    return {"outputSettings": dict(host.room.output_settings.get(name, {}))}


@handler("SetOutputSettings")
def set_output_settings(host: Host, data: Data) -> Data:
    name, _ = _named_output(host, data)
    settings = field(data, "outputSettings", "Object", allow_empty=True)
    host.room.output_settings[name] = {**host.room.output_settings.get(name, {}), **settings}
    return {}


@handler("ToggleRecordPause")
def toggle_record_pause(host: Host, data: Data) -> Data:
    record = host.room.record
    was_paused = record.paused
    if record.active and host.room.record_pausable:
        host.room.tick(host.now())
        if was_paused:
            record.paused_total += host.now() - record.paused_at
            record.paused = False
            host.emit(*host.room.output_event("record", OutputState.RESUMED))
        else:
            record.paused, record.paused_at = True, host.now()
            host.emit(*host.room.output_event("record", OutputState.PAUSED))
    return {"outputPaused": not was_paused}


@handler("SendStreamCaption")
def send_stream_caption(host: Host, data: Data) -> Data:
    field(data, "captionText", "String", allow_empty=True)
    if not host.room.stream.active:
        raise RequestFailure(S.OUTPUT_NOT_RUNNING)
    return {}


# ---------------------------------------------------------------------- config
@handler("GetPersistentData")
def get_persistent_data(host: Host, data: Data) -> Data:
    realm = field(data, "realm", "String")
    slot = field(data, "slotName", "String")
    if realm not in REALMS:
        raise RequestFailure(S.RESOURCE_NOT_FOUND, "You have specified an invalid persistent data realm.")
    return {"slotValue": host.room.persistent[realm].get(slot)}


@handler("SetPersistentData")
def set_persistent_data(host: Host, data: Data) -> Data:
    realm = field(data, "realm", "String")
    slot = field(data, "slotName", "String")
    value = field(data, "slotValue", "Any")
    if realm not in REALMS:
        raise RequestFailure(S.RESOURCE_NOT_FOUND, "You have specified an invalid persistent data realm.")
    host.room.persistent[realm][slot] = value
    return {}


@dataclass(frozen=True)
class _Choice:
    """A list OBS keeps one current entry of (scene collections, profiles): the names its requests and events
    give the entry, the list and their changes, and the room's attributes that hold them."""

    name_field: str  # the request and event field naming one entry
    entries: str  # the room's list of them
    current: str  # the room's current one
    changing: str
    changed: str
    list_changed: str
    list_field: str


SCENE_COLLECTIONS = _Choice(
    "sceneCollectionName",
    "scene_collections",
    "scene_collection",
    "CurrentSceneCollectionChanging",
    "CurrentSceneCollectionChanged",
    "SceneCollectionListChanged",
    "sceneCollections",
)
PROFILES = _Choice(
    "profileName",
    "profiles",
    "profile",
    "CurrentProfileChanging",
    "CurrentProfileChanged",
    "ProfileListChanged",
    "profiles",
)


def _entries(host: Host, choice: _Choice) -> list[str]:
    entries: list[str] = getattr(host.room, choice.entries)
    return entries


def _switch(host: Host, choice: _Choice, name: str) -> None:
    """Make `name` the current entry, saying so the way OBS does: "changing" (from the old), then "changed"."""
    host.emit(choice.changing, {choice.name_field: getattr(host.room, choice.current)})
    setattr(host.room, choice.current, name)
    host.emit(choice.changed, {choice.name_field: name})


def _set_current(choice: _Choice) -> Handler:
    def set_current(host: Host, data: Data) -> Data:
        name = field(data, choice.name_field, "String")
        if name not in _entries(host, choice):
            raise RequestFailure(S.RESOURCE_NOT_FOUND)
        if name != getattr(host.room, choice.current):
            _switch(host, choice, name)
        return {}

    return set_current


def _create(choice: _Choice) -> Handler:
    def create(host: Host, data: Data) -> Data:
        name = field(data, choice.name_field, "String")
        entries = _entries(host, choice)
        if name in entries:
            raise RequestFailure(S.RESOURCE_ALREADY_EXISTS)
        # OBS creates the entry and switches to it. The demo room keeps its scenes (it models one room).
        entries.append(name)
        host.emit(choice.list_changed, {choice.list_field: list(entries)})
        _switch(host, choice, name)
        return {}

    return create


handler("SetCurrentSceneCollection")(_set_current(SCENE_COLLECTIONS))
handler("CreateSceneCollection")(_create(SCENE_COLLECTIONS))
handler("SetCurrentProfile")(_set_current(PROFILES))
handler("CreateProfile")(_create(PROFILES))


@handler("RemoveProfile")
def remove_profile(host: Host, data: Data) -> Data:
    name = field(data, "profileName", "String")
    room = host.room
    if name not in room.profiles:
        raise RequestFailure(S.RESOURCE_NOT_FOUND)
    if len(room.profiles) < 2:
        raise RequestFailure(S.NOT_ENOUGH_RESOURCES)
    room.profiles.remove(name)
    if room.profile == name:
        _switch(host, PROFILES, room.profiles[0])
    host.emit("ProfileListChanged", {"profiles": list(room.profiles)})
    return {}


@handler("SetProfileParameter")
def set_profile_parameter(host: Host, data: Data) -> Data:
    category = field(data, "parameterCategory", "String")
    name = field(data, "parameterName", "String")
    values = host.room.profile_values
    value = data.get("parameterValue")
    if value is None:
        if (category, name) not in values:
            raise RequestFailure(S.RESOURCE_NOT_FOUND, "There are no existing instances of that profile parameter.")
        del values[(category, name)]
    elif isinstance(value, str):
        values[(category, name)] = value
    else:
        raise RequestFailure(S.INVALID_REQUEST_FIELD_TYPE, "The field `parameterValue` must be a string.")
    return {}


@handler("SetVideoSettings")
def set_video_settings(host: Host, data: Data) -> Data:
    room = host.room
    if room.stream.active or room.record.active or room.virtualcam.active or room.replay_buffer.active:
        raise RequestFailure(S.OUTPUT_RUNNING, "Video settings cannot be changed while an output is active.")
    pairs = {
        "fps": ("fpsNumerator", "fpsDenominator", 1, float("inf")),
        "base": ("baseWidth", "baseHeight", 8, 4096),
        "output": ("outputWidth", "outputHeight", 8, 4096),
    }
    chosen = {}
    for key, (first, second, low, high) in pairs.items():
        if data.get(first) is not None and data.get(second) is not None:
            chosen[key] = (
                int(number_range(data, first, low, high) or 0),
                int(number_range(data, second, low, high) or 0),
            )
    if not chosen:
        raise RequestFailure(S.MISSING_REQUEST_FIELD, "You must specify at least one video-changing pair.")
    room.tick(host.now())
    room.fps = chosen.get("fps", room.fps)
    room.base_size = chosen.get("base", room.base_size)
    room.output_size = chosen.get("output", room.output_size)
    return {}


@handler("SetStreamServiceSettings")
def set_stream_service_settings(host: Host, data: Data) -> Data:
    room = host.room
    if room.stream.active:
        raise RequestFailure(S.OUTPUT_RUNNING, "You cannot change stream service settings while streaming.")
    kind = field(data, "streamServiceType", "String")
    settings = field(data, "streamServiceSettings", "Object")
    if kind not in ("rtmp_custom", "rtmp_common"):
        raise RequestFailure(
            S.RESOURCE_CREATION_FAILED,
            "Failed to create the stream service with the requested streamServiceType. It may be an invalid type.",
        )
    if kind == room.stream_service["streamServiceType"]:
        room.stream_settings = {**room.stream_settings, **settings}
    else:
        room.stream_service = {"streamServiceType": kind}
        room.stream_settings = dict(settings)
    return {}


# ---------------------------------------------------------------------- general
@handler("CallVendorRequest")
def call_vendor_request(host: Host, data: Data) -> Data:
    field(data, "vendorName", "String")
    field(data, "requestType", "String")
    field(data, "requestData", "Object", optional=True)
    raise RequestFailure(S.RESOURCE_NOT_FOUND, "No vendor was found by that name.")  # no plugin registers one


def hotkey_names(room: Room) -> list[str]:
    names = list(FRONTEND_HOTKEYS)
    names += ["OBSBasic.SelectScene"] * len(room.scenes)
    for item in room.inputs.values():
        if item.audio:
            names += ["libobs.mute", "libobs.unmute", "libobs.push-to-mute", "libobs.push-to-talk"]
        if item.kind in MEDIA_KINDS:
            names += ["MediaSource.Restart", "MediaSource.Play", "MediaSource.Pause", "MediaSource.Stop"]
    for scene in room.scenes:
        for scene_item in scene.items:
            names += [
                f"libobs.show_scene_item.{scene_item.source_name}",
                f"libobs.hide_scene_item.{scene_item.source_name}",
            ]
    return names


@handler("TriggerHotkeyByName")
def trigger_hotkey_by_name(host: Host, data: Data) -> Data:
    from obs.simulator.handlers import HANDLERS

    name = field(data, "hotkeyName", "String")
    if name not in hotkey_names(host.room):
        raise RequestFailure(S.RESOURCE_NOT_FOUND, "No hotkeys were found by that name.")
    actions: dict[str, tuple[str, Callable[[Room], bool]]] = {
        "OBSBasic.StartStreaming": ("StartStream", lambda r: not r.stream.active),
        "OBSBasic.StopStreaming": ("StopStream", lambda r: r.stream.active),
        "OBSBasic.StartRecording": ("StartRecord", lambda r: not r.record.active),
        "OBSBasic.StopRecording": ("StopRecord", lambda r: r.record.active),
        "OBSBasic.StartReplayBuffer": ("StartReplayBuffer", lambda r: not r.replay_buffer.active),
        "OBSBasic.StopReplayBuffer": ("StopReplayBuffer", lambda r: r.replay_buffer.active),
        "OBSBasic.StartVirtualCam": ("StartVirtualCam", lambda r: not r.virtualcam.active),
        "OBSBasic.StopVirtualCam": ("StopVirtualCam", lambda r: r.virtualcam.active),
        "OBSBasic.Transition": ("TriggerStudioModeTransition", lambda r: r.studio_mode),
    }
    if name in actions and actions[name][1](host.room):
        HANDLERS[actions[name][0]](host, {})
    elif name == "OBSBasic.Screenshot":
        path = f"{host.room.record_directory}/Screenshot 2026-11-23 20-00-00.png"
        host.later(0.15, lambda: host.emit("ScreenshotSaved", {"savedScreenshotPath": path}))
    return {}


@handler("TriggerHotkeyByKeySequence")
def trigger_hotkey_by_key_sequence(host: Host, data: Data) -> Data:
    key = field(data, "keyId", "String", optional=True)
    modifiers = field(data, "keyModifiers", "Object", optional=True, allow_empty=True) or {}
    pressed = [m for m in ("shift", "control", "alt", "command") if modifiers.get(m) is True]
    if not key and not pressed:
        raise RequestFailure(S.CANNOT_ACT, "Your provided request fields cannot be used to trigger a hotkey.")
    return {}  # the demo room binds no keys: like OBS, nothing happens and the request succeeds


# ---------------------------------------------------------------------- transitions
@handler("GetTransitionKindList")
def get_transition_kind_list(host: Host, data: Data) -> Data:
    return {"transitionKinds": list(TRANSITION_KINDS)}


@handler("SetCurrentSceneTransitionSettings")
def set_current_scene_transition_settings(host: Host, data: Data) -> Data:
    field(data, "transitionSettings", "Object", allow_empty=True)
    room = host.room
    current = next(t for t in room.transitions if t["transitionName"] == room.transition)
    if not current["transitionConfigurable"]:
        raise RequestFailure(S.RESOURCE_NOT_CONFIGURABLE, "The current transition does not support custom settings.")
    field(data, "overlay", "Boolean", optional=True)
    return {}


@handler("GetCurrentSceneTransitionCursor")
def get_current_scene_transition_cursor(host: Host, data: Data) -> Data:
    room = host.room
    if room.transition_length <= 0:
        return {"transitionCursor": 1.0}
    progress = (host.now() - room.transition_started) / room.transition_length
    return {"transitionCursor": float(min(1.0, max(0.0, progress)))}


@handler("SetTBarPosition")
def set_t_bar_position(host: Host, data: Data) -> Data:
    if not host.room.studio_mode:
        raise RequestFailure(S.STUDIO_MODE_NOT_ACTIVE)
    number_range(data, "position", 0.0, 1.0)
    field(data, "release", "Boolean", optional=True)
    return {}


# ---------------------------------------------------------------------- ui
@handler("GetMonitorList")
def get_monitor_list(host: Host, data: Data) -> Data:
    return {
        "monitors": [
            {
                "monitorName": "HDMI-1(0)",
                "monitorIndex": 0,
                "monitorWidth": 1920,
                "monitorHeight": 1080,
                "monitorPositionX": 0,
                "monitorPositionY": 0,
            }
        ]
    }


@handler("OpenInputPropertiesDialog")
def open_input_properties_dialog(host: Host, data: Data) -> Data:
    _input(host, data)
    return {}


@handler("OpenInputFiltersDialog")
def open_input_filters_dialog(host: Host, data: Data) -> Data:
    _input(host, data)
    return {}


@handler("OpenInputInteractDialog")
def open_input_interact_dialog(host: Host, data: Data) -> Data:
    _input(host, data)
    # Only interactive sources (a browser source) have the dialog; the demo room has none.
    raise RequestFailure(S.INVALID_RESOURCE_STATE, "The specified input does not support interaction.")


def _projector_target(data: Data) -> None:
    index = data.get("monitorIndex") is not None
    if index:
        number_range(data, "monitorIndex", -1, 9)
    if data.get("projectorGeometry") is not None:
        field(data, "projectorGeometry", "String")
        if index:
            raise RequestFailure(
                S.TOO_MANY_REQUEST_FIELDS, "`monitorIndex` and `projectorGeometry` are mutually exclusive."
            )


@handler("OpenVideoMixProjector")
def open_video_mix_projector(host: Host, data: Data) -> Data:
    mix = field(data, "videoMixType", "String")
    if mix not in VIDEO_MIX_TYPES:
        raise RequestFailure(S.INVALID_REQUEST_FIELD, "The field `videoMixType` has an invalid enum value.")
    _projector_target(data)
    return {}


@handler("OpenSourceProjector")
def open_source_projector(host: Host, data: Data) -> Data:
    _source(host, data)
    _projector_target(data)
    return {}
