"""The obs-websocket requests the simulator answers, with obs-websocket's status codes and comments."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Protocol

from obs.protocol import OutputState
from obs.protocol import RequestStatus as S
from obs.simulator.images import IMAGE_FORMATS, encode_image, render_source, screenshot_size
from obs.simulator.room import Output, Room, db_to_mul, mul_to_db

Data = dict[str, Any]


class RequestFailure(Exception):
    def __init__(self, code: int, comment: str = "") -> None:
        super().__init__(comment)
        self.code = code
        self.comment = comment


class Host(Protocol):
    """What handlers need from the server: the room, the clock, and a way to emit (possibly later) events."""

    room: Room
    #: The batch execution type of the running request (0 realtime, 1 frame, 2 parallel); None outside a batch.
    execution_type: int | None

    def now(self) -> float: ...

    def emit(self, event_type: str, data: Data) -> None: ...

    def later(self, delay: float, action: Callable[[], None]) -> None: ...


class _NoRequestData(dict[str, Any]):
    """The `requestData` of a request that sent none (or a non-object): empty, but a required field says 301."""


NO_REQUEST_DATA: Data = _NoRequestData()

Handler = Callable[[Host, Data], Data]
HANDLERS: dict[str, Handler] = {}

_CHECKS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "String": (lambda v: isinstance(v, str), "must be a string."),
    "Number": (lambda v: isinstance(v, int | float) and not isinstance(v, bool), "must be a number."),
    "Boolean": (lambda v: isinstance(v, bool), "must be boolean."),
    "Object": (lambda v: isinstance(v, dict), "must be an object."),
    "Array": (lambda v: isinstance(v, list), "must be an array."),
    "Any": (lambda v: True, ""),
}


def handler(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        HANDLERS[name] = fn
        return fn

    return register


def field(data: Data, name: str, kind: str, optional: bool = False, allow_empty: bool = False) -> Any:
    """Read and check a request field as obs-websocket's Request::Validate* do (status codes and comments).

    An optional field is only checked when present; null counts as absent. Strings, objects and arrays may not
    be empty unless `allow_empty`.
    """
    value = data.get(name)
    if value is None:
        if optional:
            return None
        if isinstance(data, _NoRequestData):
            raise RequestFailure(S.MISSING_REQUEST_DATA, "Your request data is missing or invalid (non-object)")
        raise RequestFailure(S.MISSING_REQUEST_FIELD, f"Your request is missing the `{name}` field.")
    check, must = _CHECKS[kind]
    if not check(value):
        raise RequestFailure(S.INVALID_REQUEST_FIELD_TYPE, f"The field value of `{name}` {must}")
    if kind in ("String", "Object", "Array") and not allow_empty and len(value) == 0:
        raise RequestFailure(S.REQUEST_FIELD_EMPTY, f"The field value of `{name}` must not be empty.")
    return value


def number_range(
    data: Data, name: str, low: float = -math.inf, high: float = math.inf, optional: bool = False
) -> float | None:
    value = field(data, name, "Number", optional)
    if value is None:
        return None
    # obs-websocket prints the bounds with C++'s std::to_string: six decimals.
    if value < low:
        raise RequestFailure(
            S.REQUEST_FIELD_OUT_OF_RANGE, f"The field value of `{name}` is below the minimum of `{low:.6f}`"
        )
    if value > high:
        raise RequestFailure(
            S.REQUEST_FIELD_OUT_OF_RANGE, f"The field value of `{name}` is above the maximum of `{high:.6f}`"
        )
    return value  # type: ignore[no-any-return]


def _scene(host: Host, data: Data, key: str = "sceneName") -> str:
    name = field(data, key, "String")
    if host.room.scene(name) is None:
        if name in host.room.inputs:
            raise RequestFailure(S.INVALID_RESOURCE_TYPE, "The specified source is not a scene.")
        raise RequestFailure(S.RESOURCE_NOT_FOUND, f"No source was found by the name of `{name}`.")
    return name  # type: ignore[no-any-return]


def _input(host: Host, data: Data) -> Any:
    name = field(data, "inputName", "String")
    item = host.room.inputs.get(name)
    if item is None:
        if host.room.scene(name) is not None:
            raise RequestFailure(S.INVALID_RESOURCE_TYPE, "The specified source is not an input.")
        raise RequestFailure(S.RESOURCE_NOT_FOUND, f"No source was found by the name of `{name}`.")
    return item


def _audio_input(host: Host, data: Data) -> Any:
    item = _input(host, data)
    if not item.audio:
        raise RequestFailure(S.INVALID_RESOURCE_STATE, "The specified input does not support audio.")
    return item


# ---------------------------------------------------------------------- general
@handler("GetVersion")
def get_version(host: Host, data: Data) -> Data:
    return {
        "obsVersion": host.room.obs_version,
        "obsWebSocketVersion": host.room.obs_websocket_version,
        "rpcVersion": 1,
        "availableRequests": sorted(HANDLERS),
        "supportedImageFormats": sorted(IMAGE_FORMATS),
        "platform": "simulator",
        "platformDescription": "OnAir Console OBS simulator",
    }


@handler("GetStats")
def get_stats(host: Host, data: Data) -> Data:
    room = host.room
    room.tick(host.now())
    stats = room.stats(host.now())
    session = getattr(host, "current_session", None)
    stats["webSocketSessionIncomingMessages"] = getattr(session, "incoming", 0)
    stats["webSocketSessionOutgoingMessages"] = getattr(session, "outgoing", 0)
    return stats


@handler("Sleep")
def sleep(host: Host, data: Data) -> Data:
    # The server does the waiting (without blocking the room); this validates as obs-websocket does.
    if host.execution_type == 0:
        number_range(data, "sleepMillis", 0, 50000)
    elif host.execution_type == 1:
        number_range(data, "sleepFrames", 0, 10000)
    else:  # a single request or a Parallel batch: obs-websocket answers 206 without a comment
        raise RequestFailure(S.UNSUPPORTED_REQUEST_BATCH_EXECUTION_TYPE)
    return {}


@handler("GetHotkeyList")
def get_hotkey_list(host: Host, data: Data) -> Data:
    from obs.simulator.more import hotkey_names

    return {"hotkeys": hotkey_names(host.room)}


# ---------------------------------------------------------------------- config
@handler("GetSceneCollectionList")
def get_scene_collection_list(host: Host, data: Data) -> Data:
    return {"currentSceneCollectionName": host.room.scene_collection, "sceneCollections": [host.room.scene_collection]}


@handler("GetProfileList")
def get_profile_list(host: Host, data: Data) -> Data:
    return {"currentProfileName": host.room.profile, "profiles": [host.room.profile]}


#: The names OBS's Common FPS list gives its NTSC rates (Video ▸ FPSCommon): "59.94", never "59.9401".
COMMON_FPS: dict[tuple[int, int], str] = {(24000, 1001): "24 NTSC", (30000, 1001): "29.97", (60000, 1001): "59.94"}

#: OBS 29's built-in defaults of the profile parameters the demo room models (basic.ini's defaults).
_PROFILE_DEFAULTS: dict[tuple[str, str], str] = {
    ("Output", "Mode"): "Simple",
    ("SimpleOutput", "StreamEncoder"): "x264",
    ("SimpleOutput", "Preset"): "veryfast",
    ("SimpleOutput", "RecFormat"): "mkv",
    ("SimpleOutput", "VBitrate"): "2500",
    ("SimpleOutput", "ABitrate"): "160",
    ("SimpleOutput", "FilePath"): "/home/streamer",
    ("AdvOut", "Encoder"): "obs_x264",
    ("Video", "FPSType"): "0",
    ("Video", "FPSCommon"): "30",
    ("Video", "FPSInt"): "30",
    ("Video", "BaseCX"): "1920",
    ("Video", "BaseCY"): "1080",
    ("Video", "OutputCX"): "1920",
    ("Video", "OutputCY"): "1080",
}


@handler("GetProfileParameter")
def get_profile_parameter(host: Host, data: Data) -> Data:
    category = field(data, "parameterCategory", "String")
    name = field(data, "parameterName", "String")
    room = host.room
    fps = room.fps_value
    values = {
        ("General", "Name"): room.profile,
        ("SimpleOutput", "VBitrate"): str(room.video_bitrate_kbps),
        ("SimpleOutput", "ABitrate"): str(room.audio_bitrate_kbps),
        ("SimpleOutput", "FilePath"): room.record_directory,
        ("Video", "FPSCommon"): COMMON_FPS.get(room.fps, f"{fps:g}"),
        ("Video", "BaseCX"): str(room.base_size[0]),
        ("Video", "BaseCY"): str(room.base_size[1]),
        ("Video", "OutputCX"): str(room.output_size[0]),
        ("Video", "OutputCY"): str(room.output_size[1]),
    }
    values.update(room.profile_values)
    default = _PROFILE_DEFAULTS.get((category, name))
    # Like OBS: a parameter with a default answers value and default; one with only a value (General/Name)
    # answers a null default; an unknown one answers two nulls rather than an error.
    return {"parameterValue": values.get((category, name), default), "defaultParameterValue": default}


@handler("GetVideoSettings")
def get_video_settings(host: Host, data: Data) -> Data:
    room = host.room
    return {
        "fpsNumerator": room.fps[0],
        "fpsDenominator": room.fps[1],
        "baseWidth": room.base_size[0],
        "baseHeight": room.base_size[1],
        "outputWidth": room.output_size[0],
        "outputHeight": room.output_size[1],
    }


@handler("GetStreamServiceSettings")
def get_stream_service_settings(host: Host, data: Data) -> Data:
    return {
        "streamServiceType": host.room.stream_service["streamServiceType"],
        "streamServiceSettings": dict(host.room.stream_settings),
    }


@handler("GetRecordDirectory")
def get_record_directory(host: Host, data: Data) -> Data:
    return {"recordDirectory": host.room.record_directory}


# ---------------------------------------------------------------------- scenes
@handler("GetSceneList")
def get_scene_list(host: Host, data: Data) -> Data:
    room = host.room
    return {
        "currentProgramSceneName": room.program,
        "currentPreviewSceneName": room.preview if room.studio_mode else None,
        "scenes": room.scene_list(),
    }


@handler("GetCurrentProgramScene")
def get_current_program_scene(host: Host, data: Data) -> Data:
    return {"currentProgramSceneName": host.room.program}


def _active_inputs(room: Room) -> set[str]:
    """Inputs OBS calls active: on the program output — video inputs while delivering, audio-only inputs
    always (OBS 29 reports videoActive true for an audio-only input exactly while its scene is on program)."""
    scene = room.scene(room.program)
    shown = {i.source_name for i in scene.items if i.enabled} if scene else set()
    return {n for n in shown if n in room.inputs and (room.inputs[n].video_active or not room.inputs[n].video)}


def _transition_to_program(host: Host, name: str, then: Callable[[], None] | None = None) -> None:
    """Switch the program scene as OBS 29 does (measured): SceneTransitionStarted as the request is answered;
    when the transition has run its duration (a frame or so for Cut) SceneTransitionVideoEnded, then
    CurrentProgramSceneChanged (after `then`, e.g. the swapped preview), then SceneTransitionEnded."""
    room = host.room
    transition = room.transition
    duration = 0 if transition == "Cut" else room.transition_duration
    frame = 1.0 / room.fps_value
    before = _active_inputs(room)
    room.program = name
    after = _active_inputs(room)
    room.transition_started, room.transition_length = host.now(), duration / 1000.0
    host.emit("SceneTransitionStarted", {"transitionName": transition})

    def video_ended() -> None:
        host.emit("SceneTransitionVideoEnded", {"transitionName": transition})
        if then is not None:
            then()
        host.emit("CurrentProgramSceneChanged", {"sceneName": name})
        for input_name in sorted(before ^ after):
            host.emit("InputActiveStateChanged", {"inputName": input_name, "videoActive": input_name in after})

    host.later(max(frame, duration / 1000.0), video_ended)
    host.later(
        max(frame, duration / 1000.0) + frame, lambda: host.emit("SceneTransitionEnded", {"transitionName": transition})
    )


@handler("SetCurrentProgramScene")
def set_current_program_scene(host: Host, data: Data) -> Data:
    name = _scene(host, data)
    _transition_to_program(host, name)
    return {}


def _require_studio_mode(host: Host) -> None:
    if not host.room.studio_mode:
        raise RequestFailure(S.STUDIO_MODE_NOT_ACTIVE)  # obs-websocket sends no comment


@handler("GetCurrentPreviewScene")
def get_current_preview_scene(host: Host, data: Data) -> Data:
    _require_studio_mode(host)
    return {"currentPreviewSceneName": host.room.preview}


@handler("SetCurrentPreviewScene")
def set_current_preview_scene(host: Host, data: Data) -> Data:
    _require_studio_mode(host)
    name = _scene(host, data)
    room = host.room
    old = room.scene(room.preview)
    room.preview = name
    host.emit("CurrentPreviewSceneChanged", {"sceneName": name})
    if old is not None and old.name != name:
        # Studio mode previews a private duplicate of the scene (OBS's default scene duplication); replacing
        # it releases the copy, and its items announce their removal under the scene's name (measured).
        for item in old.items:
            host.emit(
                "SceneItemRemoved", {"sceneName": old.name, "sourceName": item.source_name, "sceneItemId": item.item_id}
            )
    return {}


def _emit_scene_list(host: Host) -> None:
    host.emit("SceneListChanged", {"scenes": host.room.scene_list()})


@handler("CreateScene")
def create_scene(host: Host, data: Data) -> Data:
    name = field(data, "sceneName", "String")
    if host.room.scene(name) is not None or name in host.room.inputs:
        raise RequestFailure(S.RESOURCE_ALREADY_EXISTS, "A source already exists by that scene name.")
    host.room.add_scene(name, [], (60, 60, 60))
    host.emit("SceneCreated", {"sceneName": name, "isGroup": False})
    _emit_scene_list(host)
    return {}


@handler("RemoveScene")
def remove_scene(host: Host, data: Data) -> Data:
    name = _scene(host, data)
    room = host.room
    if len(room.scenes) == 1:
        raise RequestFailure(S.NOT_ENOUGH_RESOURCES, "You cannot remove the last scene in the collection.")
    index = next(i for i, s in enumerate(room.scenes) if s.name == name)
    room.scenes.pop(index)
    host.emit("SceneRemoved", {"sceneName": name, "isGroup": False})
    fallback = room.scenes[max(0, index - 1)].name
    if room.program == name:
        room.program = fallback
        host.emit("CurrentProgramSceneChanged", {"sceneName": fallback})
    if room.preview == name:
        room.preview = fallback
        if room.studio_mode:
            host.emit("CurrentPreviewSceneChanged", {"sceneName": fallback})
    _emit_scene_list(host)
    return {}


@handler("GetSceneItemList")
def get_scene_item_list(host: Host, data: Data) -> Data:
    from obs.simulator.more import scene_item_entry

    scene = host.room.scene(_scene(host, data))
    assert scene is not None
    return {"sceneItems": [scene_item_entry(host.room, item, index) for index, item in enumerate(scene.items)]}


# ---------------------------------------------------------------------- inputs
@handler("GetInputList")
def get_input_list(host: Host, data: Data) -> Data:
    kind = field(data, "inputKind", "String", optional=True)
    return {"inputs": [host.room.input_entry(i) for i in host.room.inputs.values() if kind in (None, i.kind)]}


@handler("GetInputKindList")
def get_input_kind_list(host: Host, data: Data) -> Data:
    from obs.simulator.more import INPUT_KINDS

    unversioned = field(data, "unversioned", "Boolean", optional=True)
    kinds = [k.removesuffix("_v2").removesuffix("_v3") if unversioned else k for k in INPUT_KINDS]
    return {"inputKinds": kinds}


@handler("GetSpecialInputs")
def get_special_inputs(host: Host, data: Data) -> Data:
    room = host.room
    desktop = next((i.name for i in room.inputs.values() if i.kind == "pulse_output_capture"), None)
    return {
        "desktop1": desktop,
        "desktop2": None,
        "mic1": room.mic_name or None,
        "mic2": None,
        "mic3": None,
        "mic4": None,
    }


@handler("GetInputSettings")
def get_input_settings(host: Host, data: Data) -> Data:
    item = _input(host, data)
    return {"inputSettings": dict(item.settings), "inputKind": item.kind}


@handler("GetInputMute")
def get_input_mute(host: Host, data: Data) -> Data:
    return {"inputMuted": _audio_input(host, data).muted}


def _set_mute(host: Host, item: Any, muted: bool) -> None:
    if item.muted != muted:
        item.muted = muted
        host.emit("InputMuteStateChanged", {"inputName": item.name, "inputMuted": muted})


@handler("SetInputMute")
def set_input_mute(host: Host, data: Data) -> Data:
    item = _audio_input(host, data)
    _set_mute(host, item, field(data, "inputMuted", "Boolean"))
    return {}


@handler("ToggleInputMute")
def toggle_input_mute(host: Host, data: Data) -> Data:
    item = _audio_input(host, data)
    _set_mute(host, item, not item.muted)
    return {"inputMuted": item.muted}


@handler("GetInputVolume")
def get_input_volume(host: Host, data: Data) -> Data:
    item = _audio_input(host, data)
    return {"inputVolumeMul": item.volume_mul, "inputVolumeDb": mul_to_db(item.volume_mul)}


@handler("SetInputVolume")
def set_input_volume(host: Host, data: Data) -> Data:
    item = _audio_input(host, data)
    mul = number_range(data, "inputVolumeMul", 0, 20, optional=True)
    db = number_range(data, "inputVolumeDb", -100, 26, optional=True)
    if mul is None and db is None:
        raise RequestFailure(S.MISSING_REQUEST_FIELD, "You must specify one volume parameter.")
    if mul is not None and db is not None:
        raise RequestFailure(S.TOO_MANY_REQUEST_FIELDS, "You may only specify one volume field.")
    item.volume_mul = float(mul) if mul is not None else db_to_mul(float(db or 0.0))
    host.emit(
        "InputVolumeChanged",
        {"inputName": item.name, "inputVolumeMul": item.volume_mul, "inputVolumeDb": mul_to_db(item.volume_mul)},
    )
    return {}


@handler("GetSourceScreenshot")
def get_source_screenshot(host: Host, data: Data) -> Data:
    name = field(data, "sourceName", "String")
    room = host.room
    if room.scene(name) is None and name not in room.inputs:
        raise RequestFailure(S.RESOURCE_NOT_FOUND, f"No source was found by the name of `{name}`.")
    image_format = field(data, "imageFormat", "String")
    if image_format.lower() not in IMAGE_FORMATS:
        raise RequestFailure(
            S.INVALID_REQUEST_FIELD, "Your specified image format is invalid or not supported by this system."
        )
    width = number_range(data, "imageWidth", 8, 4096, optional=True)
    height = number_range(data, "imageHeight", 8, 4096, optional=True)
    quality = number_range(data, "imageCompressionQuality", -1, 100, optional=True)
    size = screenshot_size(room, int(width) if width else None, int(height) if height else None)
    image = render_source(room, name, size[0], size[1], host.now())
    return {"imageData": encode_image(image, image_format, int(quality if quality is not None else -1))}


# ---------------------------------------------------------------------- transitions / studio mode
@handler("GetSceneTransitionList")
def get_scene_transition_list(host: Host, data: Data) -> Data:
    room = host.room
    current = next(t for t in room.transitions if t["transitionName"] == room.transition)
    return {
        "currentSceneTransitionName": room.transition,
        "currentSceneTransitionKind": current["transitionKind"],
        "transitions": [dict(t) for t in room.transitions],
    }


@handler("GetCurrentSceneTransition")
def get_current_scene_transition(host: Host, data: Data) -> Data:
    room = host.room
    current = next(t for t in room.transitions if t["transitionName"] == room.transition)
    fixed = bool(current["transitionFixed"])
    return {
        "transitionName": room.transition,
        "transitionKind": current["transitionKind"],
        "transitionFixed": fixed,
        "transitionDuration": None if fixed else room.transition_duration,
        "transitionConfigurable": current["transitionConfigurable"],
        # OBS sends the settings of a configurable transition only; Fade and Cut are not configurable.
        "transitionSettings": {} if current["transitionConfigurable"] else None,
    }


@handler("SetCurrentSceneTransition")
def set_current_scene_transition(host: Host, data: Data) -> Data:
    name = field(data, "transitionName", "String")
    if not any(t["transitionName"] == name for t in host.room.transitions):
        raise RequestFailure(S.RESOURCE_NOT_FOUND, "No scene transition was found by that name.")
    host.room.transition = name
    host.emit("CurrentSceneTransitionChanged", {"transitionName": name})
    return {}


@handler("SetCurrentSceneTransitionDuration")
def set_current_scene_transition_duration(host: Host, data: Data) -> Data:
    duration = number_range(data, "transitionDuration", 50, 20000)
    host.room.transition_duration = int(duration or 0)
    host.emit("CurrentSceneTransitionDurationChanged", {"transitionDuration": host.room.transition_duration})
    return {}


@handler("GetStudioModeEnabled")
def get_studio_mode_enabled(host: Host, data: Data) -> Data:
    return {"studioModeEnabled": host.room.studio_mode}


@handler("SetStudioModeEnabled")
def set_studio_mode_enabled(host: Host, data: Data) -> Data:
    enabled = field(data, "studioModeEnabled", "Boolean")
    room = host.room
    if enabled != room.studio_mode:
        # OBS switches on its UI thread before answering. Leaving studio mode, it reloads the program scene,
        # announcing the preview and then the program as program scene, and then studio mode off (measured on OBS
        # 29.0.2); `studio_off_first` says studio mode off first.
        room.studio_mode = enabled
        off: list[tuple[str, Data]] = [("StudioModeStateChanged", {"studioModeEnabled": enabled})]
        if enabled:
            room.preview = room.program
            events = off
        else:
            reload: list[tuple[str, Data]] = [
                ("CurrentProgramSceneChanged", {"sceneName": room.preview}),
                ("CurrentProgramSceneChanged", {"sceneName": room.program}),
            ]
            events = off + reload if room.studio_off_first else reload + off
        for event_type, event_data in events:
            host.emit(event_type, event_data)
    return {}


@handler("TriggerStudioModeTransition")
def trigger_studio_mode_transition(host: Host, data: Data) -> Data:
    _require_studio_mode(host)
    room = host.room
    old_program = room.program
    # OBS swaps: the old program becomes the preview (the default "swap scenes" behaviour).
    _transition_to_program(
        host, room.preview, lambda: host.emit("CurrentPreviewSceneChanged", {"sceneName": old_program})
    )
    room.preview = old_program
    return {}


# ---------------------------------------------------------------------- outputs
def _start(host: Host, kind: str, output: Output) -> None:
    if output.active or output.connecting:
        raise RequestFailure(S.OUTPUT_RUNNING)  # obs-websocket sends no comment
    room = host.room
    if kind == "stream" and "stream-start-silent" in room.faults:
        # As OBS 30+ with no stream key: obs-websocket hands the start to OBS's UI thread and answers at once; OBS
        # then shows a message box ("no stream key") and never starts the output, so no StreamStateChanged at all.
        return
    room.tick(host.now())
    host.emit(*room.output_event(kind, OutputState.STARTING))
    if kind == "stream" and "stream-connect-fail" in room.faults:
        # As OBS: obs-websocket answers StartStream at once; the output connects on its own thread, and when that
        # fails OBS says it stopped, never having been active (its message box says why, on OBS's screen).
        host.later(0.25, lambda: host.emit(*room.output_event(kind, OutputState.STOPPED)))
        return
    if kind == "stream" and "stream-connect-slow" in room.faults:
        # As OBS while its output connects (a slow server, a long handshake): STARTING is said and the output is not
        # active yet — GetStreamStatus says outputActive false — until it connects (`connected`: the fault cleared).
        output.connecting = True
        return
    room.start_output(output, host.now())
    if kind == "record":
        stamp = "2026-11-23 20-00-00"
        output.path = f"{room.record_directory}/{stamp}.mkv"

    def started() -> None:
        if output.active:
            host.emit(*room.output_event(kind, OutputState.STARTED))

    host.later(0.25, started)


def connected(host: Host, kind: str, output: Output) -> None:
    """A stream held connecting (fault stream-connect-slow) reaches its server: it is on air, as OBS says."""
    if not output.connecting:
        return
    output.connecting = False
    host.room.start_output(output, host.now())
    host.emit(*host.room.output_event(kind, OutputState.STARTED))


#: OBS says an output STOPPED this long after STOPPING (its encoders drained).
STOPPED_AFTER_S = 0.15


def _stop(host: Host, kind: str, output: Output) -> None:
    if not output.active:
        raise RequestFailure(S.OUTPUT_NOT_RUNNING)  # obs-websocket sends no comment
    room = host.room
    room.tick(host.now())
    host.emit(*room.output_event(kind, OutputState.STOPPING))
    room.stop_output(output)

    def stopped() -> None:
        if not output.active:
            host.emit(*room.output_event(kind, OutputState.STOPPED))

    host.later(STOPPED_AFTER_S, stopped)


@handler("GetStreamStatus")
def get_stream_status(host: Host, data: Data) -> Data:
    host.room.tick(host.now())
    return host.room.stream_status(host.now())


@handler("StartStream")
def start_stream(host: Host, data: Data) -> Data:
    _start(host, "stream", host.room.stream)
    return {}


@handler("StopStream")
def stop_stream(host: Host, data: Data) -> Data:
    _stop(host, "stream", host.room.stream)
    return {}


@handler("ToggleStream")
def toggle_stream(host: Host, data: Data) -> Data:
    room = host.room
    if room.stream.active:
        _stop(host, "stream", room.stream)
    else:
        _start(host, "stream", room.stream)
    return {"outputActive": room.stream.active}


@handler("GetRecordStatus")
def get_record_status(host: Host, data: Data) -> Data:
    host.room.tick(host.now())
    return host.room.record_status(host.now())


@handler("StartRecord")
def start_record(host: Host, data: Data) -> Data:
    _start(host, "record", host.room.record)
    return {}


@handler("StopRecord")
def stop_record(host: Host, data: Data) -> Data:
    path = host.room.record.path
    _stop(host, "record", host.room.record)
    return {"outputPath": path}


@handler("ToggleRecord")
def toggle_record(host: Host, data: Data) -> Data:
    room = host.room
    if room.record.active:
        _stop(host, "record", room.record)
    else:
        _start(host, "record", room.record)
    # The 5.1.0 spec lists no fields, but obs-websocket 5.1.0 answers with outputActive (measured on OBS 29.0.2).
    return {"outputActive": room.record.active}


@handler("PauseRecord")
def pause_record(host: Host, data: Data) -> Data:
    # obs-websocket 5.1.0 only refuses an already paused recording; pausing no recording does nothing (100),
    # nor does pausing one OBS cannot pause (simple output recording at stream quality).
    record = host.room.record
    if record.paused:
        raise RequestFailure(S.OUTPUT_PAUSED)
    if record.active and host.room.record_pausable:
        host.room.tick(host.now())
        record.paused, record.paused_at = True, host.now()
        host.emit(*host.room.output_event("record", OutputState.PAUSED))
    return {}


@handler("ResumeRecord")
def resume_record(host: Host, data: Data) -> Data:
    record = host.room.record
    if not record.paused:
        raise RequestFailure(S.OUTPUT_NOT_PAUSED)
    host.room.tick(host.now())
    record.paused_total += host.now() - record.paused_at
    record.paused = False
    host.emit(*host.room.output_event("record", OutputState.RESUMED))
    return {}


@handler("GetVirtualCamStatus")
def get_virtual_cam_status(host: Host, data: Data) -> Data:
    return {"outputActive": host.room.virtualcam.active}


@handler("GetSourceActive")
def get_source_active(host: Host, data: Data) -> Data:
    name = field(data, "sourceName", "String")
    room = host.room
    scene = room.scene(name)
    if scene is None and name not in room.inputs:
        raise RequestFailure(S.RESOURCE_NOT_FOUND, f"No source was found by the name of `{name}`.")
    if scene is not None:
        return {"videoActive": name == room.program, "videoShowing": name in (room.program, room.preview)}
    active = name in _active_inputs(room)
    return {"videoActive": active, "videoShowing": active}


@handler("BroadcastCustomEvent")
def broadcast_custom_event(host: Host, data: Data) -> Data:
    # Measured on OBS 29.0.2: the event's data is the object itself (the spec shows it wrapped in `eventData`).
    host.emit("CustomEvent", dict(field(data, "eventData", "Object")))
    return {}


# The rest of obs-websocket 5.1.0's requests register themselves on import.
from obs.simulator import more  # noqa: E402, F401
