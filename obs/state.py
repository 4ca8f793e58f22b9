"""ObsState: an immutable snapshot of OBS, built from a full read and kept current by a pure apply(event)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from obs.protocol import OutputState

#: Read in one batch after every (re)connect; per-input details follow in a second batch.
SNAPSHOT_REQUESTS: tuple[str, ...] = (
    "GetVersion",
    "GetSceneList",
    "GetStudioModeEnabled",
    "GetInputList",
    "GetSceneTransitionList",
    "GetCurrentSceneTransition",
    "GetStreamStatus",
    "GetRecordStatus",
    "GetVirtualCamStatus",
    "GetVideoSettings",
)

#: Not an OBS event: the link's own item (an ObsEvent of this type) carrying what it read again of one input — for a
#: media input its GetMediaInputStatus and GetInputSettings (`inputSettings`), read a moment after OBS said it
#: started, ended or changed: a file that goes missing, or a source pointed at another file, is known when OBS tries
#: to open it, not at the next connect, without polling every media input every second; for an input created
#: mid-show, also its mute, volume and whether it is on program (InputCreated says none of them: without its mute
#: state it was not known to carry sound, and the audio rules never looked at it until the next connect).
INPUT_READ = "OnAirInputRead"
#: The OBS events after which a media input's status is read again (InputSettingsChanged: obs-websocket 5.4 and
#: later; OBS 29's 5.1.0 has none, but a changed file restarts the source: MediaInputPlaybackStarted, then Ended).
MEDIA_REREAD_EVENTS = frozenset(
    {"MediaInputPlaybackStarted", "MediaInputPlaybackEnded", "MediaInputActionTriggered", "InputSettingsChanged"}
)
#: Inputs that play a file: their status and file are read with the state (InputState.media_unplayable).
MEDIA_INPUT_KINDS = frozenset({"ffmpeg_source", "vlc_source"})


def input_detail_requests(name: str, kind: str | None) -> list[tuple[str, dict[str, Any]]]:
    """What is read of one input: its mute, volume and activity (kind None: a media input read again, only its
    playback), and for a media input its status and file."""
    requests: list[tuple[str, dict[str, Any]]] = []
    if kind is not None:
        requests += [
            ("GetInputMute", {"inputName": name}),
            ("GetInputVolume", {"inputName": name}),
            ("GetSourceActive", {"sourceName": name}),
        ]
    if kind is None or kind in MEDIA_INPUT_KINDS:
        # Whether OBS can play it (a missing file reads "playing", with no length) and which file it is.
        requests += [("GetMediaInputStatus", {"inputName": name}), ("GetInputSettings", {"inputName": name})]
    return requests


@dataclass(frozen=True)
class InputState:
    name: str
    kind: str
    #: None: the input has no audio (obs-websocket refused GetInputMute).
    muted: bool | None = None
    volume_mul: float | None = None
    volume_db: float | None = None
    video_active: bool | None = None
    #: A media input's playback (MediaInputPlayback* events); None: not known since the console connected.
    media_playing: bool | None = None
    #: A media input OBS cannot play: it says "playing" with no length and no position (OBS 29 reports a missing or
    #: unreadable file so: GetMediaInputStatus PLAYING, mediaDuration 0, mediaCursor 0 — measured), or a looping
    #: file "ended" (it never ends on its own: OBS could not open it). None: not known. Read when the console
    #: connects and again whenever OBS says the input started, ended or changed (INPUT_READ).
    media_unplayable: bool | None = None
    #: A media input's local file (GetInputSettings local_file), when it plays one.
    media_file: str | None = None

    @property
    def has_audio(self) -> bool:
        return self.muted is not None


@dataclass(frozen=True)
class OutputStatus:
    active: bool = False
    reconnecting: bool = False
    paused: bool = False
    state: str = OutputState.STOPPED


@dataclass(frozen=True)
class VideoSettings:
    base_width: int
    base_height: int
    output_width: int
    output_height: int
    fps_numerator: int
    fps_denominator: int

    @property
    def fps(self) -> float:
        return self.fps_numerator / self.fps_denominator if self.fps_denominator else 0.0


@dataclass(frozen=True)
class ObsState:
    connected: bool = False
    obs_version: str = ""
    obs_websocket_version: str = ""
    available_requests: frozenset[str] = frozenset()
    #: Scene names in the order OBS's scene list shows them, top first.
    scenes: tuple[str, ...] = ()
    program_scene: str | None = None
    preview_scene: str | None = None
    studio_mode: bool = False
    transitions: tuple[str, ...] = ()
    transition: str | None = None
    transition_duration_ms: int | None = None
    inputs: tuple[InputState, ...] = ()
    stream: OutputStatus = field(default_factory=OutputStatus)
    record: OutputStatus = field(default_factory=OutputStatus)
    virtualcam: OutputStatus = field(default_factory=OutputStatus)
    video: VideoSettings | None = None
    #: False while the link holds a connection OBS has stopped answering (LinkState.UNRESPONSIVE): what is shown is
    #: the last OBS said, and a change sent now would be carried out whenever OBS recovers (the link refuses it).
    answering: bool = True

    @property
    def controllable(self) -> bool:
        """OBS can be asked to change something now: connected, and answering."""
        return self.connected and self.answering

    def input(self, name: str) -> InputState | None:
        return next((i for i in self.inputs if i.name == name), None)

    @property
    def audio_inputs(self) -> tuple[InputState, ...]:
        return tuple(i for i in self.inputs if i.has_audio)

    def supports(self, request_type: str) -> bool:
        return request_type in self.available_requests


def _ordered_scenes(scenes: Any) -> tuple[str, ...]:
    """obs-websocket lists scenes with sceneIndex 0 at the bottom of OBS's list; show them top first."""
    valid = [s for s in scenes or [] if isinstance(s, dict) and isinstance(s.get("sceneName"), str)]
    valid.sort(key=lambda s: s.get("sceneIndex", 0), reverse=True)
    return tuple(s["sceneName"] for s in valid)


def _output(data: Mapping[str, Any], state_name: str) -> OutputStatus:
    return OutputStatus(
        active=bool(data.get("outputActive")),
        reconnecting=bool(data.get("outputReconnecting")),
        paused=bool(data.get("outputPaused")),
        state=state_name,
    )


def _unplayable(details: Mapping[str, Any]) -> bool | None:
    """From GetMediaInputStatus (and GetInputSettings): "playing" with no length and no position is a file OBS could
    not open; so is a looping local file that "ended". Measured on OBS 29.0.2: a source pointed at a missing file
    says MediaInputPlaybackStarted, MediaInputPlaybackEnded and then ENDED (no length) until it is started again,
    from then on PLAYING with length 0; a real looping file plays on and on without an event, and a file deleted
    while it plays goes on playing (OBS holds it open) until OBS opens it again."""
    state = details.get("mediaState")
    if state == "OBS_MEDIA_STATE_ENDED":
        settings = details.get("inputSettings")
        looping = isinstance(settings, Mapping) and settings.get("looping") is True
        return True if looping and _media_file(details) is not None else None
    if state != "OBS_MEDIA_STATE_PLAYING":
        return None  # stopped, paused, or not a media input
    return details.get("mediaDuration") == 0 and not details.get("mediaCursor")


def _media_playing(details: Mapping[str, Any]) -> bool | None:
    state = details.get("mediaState")
    if state == "OBS_MEDIA_STATE_PLAYING":
        return True
    return False if state in ("OBS_MEDIA_STATE_ENDED", "OBS_MEDIA_STATE_STOPPED", "OBS_MEDIA_STATE_PAUSED") else None


def _input_read(state: ObsState, data: Mapping[str, Any]) -> ObsState:
    """What the link read again of one input (INPUT_READ): whatever of it came back."""
    changes: dict[str, Any] = {}
    if "inputMuted" in data:
        changes["muted"] = data["inputMuted"]
    if "inputVolumeMul" in data:
        changes["volume_mul"], changes["volume_db"] = data["inputVolumeMul"], data.get("inputVolumeDb")
    if "videoActive" in data:
        changes["video_active"] = data["videoActive"]
    if "mediaState" in data:
        changes["media_unplayable"], changes["media_file"] = _unplayable(data), _media_file(data)
        playing = _media_playing(data)
        if playing is not None:
            changes["media_playing"] = playing
    return _input(state, data, **changes)


def _media_file(details: Mapping[str, Any]) -> str | None:
    settings = details.get("inputSettings")
    if not isinstance(settings, Mapping) or settings.get("is_local_file") is False:
        return None
    path = settings.get("local_file")
    return path if isinstance(path, str) and path else None


def build_state(main: Mapping[str, Mapping[str, Any]], per_input: Mapping[str, Mapping[str, Any]]) -> ObsState:
    """From the snapshot batch (request type -> responseData) and per-input details (name -> fields)."""
    version = main.get("GetVersion", {})
    scenes = main.get("GetSceneList", {})
    studio = bool(main.get("GetStudioModeEnabled", {}).get("studioModeEnabled"))
    transitions = main.get("GetSceneTransitionList", {})
    current_transition = main.get("GetCurrentSceneTransition", {})
    stream = main.get("GetStreamStatus", {})
    record = main.get("GetRecordStatus", {})
    video = main.get("GetVideoSettings", {})
    inputs = []
    for entry in main.get("GetInputList", {}).get("inputs", []) or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("inputName"), str):
            continue
        details = per_input.get(entry["inputName"], {})
        inputs.append(
            InputState(
                name=entry["inputName"],
                kind=str(entry.get("inputKind", "")),
                muted=details.get("inputMuted"),
                volume_mul=details.get("inputVolumeMul"),
                volume_db=details.get("inputVolumeDb"),
                video_active=details.get("videoActive"),
                media_unplayable=_unplayable(details),
                media_file=_media_file(details),
            )
        )
    video_settings = None
    if video:
        video_settings = VideoSettings(
            int(video.get("baseWidth", 0)),
            int(video.get("baseHeight", 0)),
            int(video.get("outputWidth", 0)),
            int(video.get("outputHeight", 0)),
            int(video.get("fpsNumerator", 0)),
            int(video.get("fpsDenominator", 1)),
        )
    duration = current_transition.get("transitionDuration")
    stream_state = OutputState.STARTED if stream.get("outputActive") else OutputState.STOPPED
    if stream.get("outputReconnecting"):
        stream_state = OutputState.RECONNECTING
    record_state = OutputState.STOPPED
    if record.get("outputActive"):
        record_state = OutputState.PAUSED if record.get("outputPaused") else OutputState.STARTED
    return ObsState(
        connected=True,
        obs_version=str(version.get("obsVersion", "")),
        obs_websocket_version=str(version.get("obsWebSocketVersion", "")),
        available_requests=frozenset(version.get("availableRequests", []) or []),
        scenes=_ordered_scenes(scenes.get("scenes")),
        program_scene=scenes.get("currentProgramSceneName"),
        preview_scene=scenes.get("currentPreviewSceneName") if studio else None,
        studio_mode=studio,
        transitions=tuple(
            str(t.get("transitionName")) for t in transitions.get("transitions", []) or [] if isinstance(t, dict)
        ),
        transition=current_transition.get("transitionName") or transitions.get("currentSceneTransitionName"),
        transition_duration_ms=int(duration) if isinstance(duration, int | float) else None,
        inputs=tuple(inputs),
        stream=_output(stream, stream_state),
        record=_output(record, record_state),
        virtualcam=_output(main.get("GetVirtualCamStatus", {}), OutputState.UNKNOWN),
        video=video_settings,
    )


def _with_input(state: ObsState, target: str, **changes: Any) -> ObsState:
    if state.input(target) is None:
        return state
    return replace(state, inputs=tuple(replace(i, **changes) if i.name == target else i for i in state.inputs))


def _apply_output(current: OutputStatus, data: Mapping[str, Any]) -> OutputStatus:
    state_name = str(data.get("outputState", current.state))
    active = bool(data.get("outputActive"))
    if state_name == OutputState.RECONNECTING:
        # The event says outputActive false while reconnecting; the output is still live for the user.
        return replace(current, active=True, reconnecting=True, state=state_name)
    paused = state_name == OutputState.PAUSED or (
        current.paused and state_name not in (OutputState.RESUMED, OutputState.STOPPED, OutputState.STOPPING)
    )
    # Stopping, an output that was live still sends (OBS flushes what it has): it is active until STOPPED. One that
    # never went live (STARTING -> STOPPING -> STOPPED: a connection that failed as it was being set up) is not:
    # read as active, it froze a checklist run as "went live" and stored a second on air.
    stopping_live = state_name == OutputState.STOPPING and current.active
    return OutputStatus(
        active=active or stopping_live,
        reconnecting=False,
        paused=paused and active,
        state=state_name,
    )


def _scene_created(state: ObsState, data: Mapping[str, Any]) -> ObsState:
    name = data.get("sceneName")
    if not isinstance(name, str) or name in state.scenes or data.get("isGroup"):
        return state
    return replace(state, scenes=(*state.scenes, name))


def _scene_renamed(state: ObsState, data: Mapping[str, Any]) -> ObsState:
    old, new = data.get("oldSceneName"), data.get("sceneName")
    renamed = tuple(new if s == old else s for s in state.scenes)
    return replace(
        state,
        scenes=renamed,  # type: ignore[arg-type]
        program_scene=new if state.program_scene == old else state.program_scene,
        preview_scene=new if state.preview_scene == old else state.preview_scene,
    )


def _studio_mode(state: ObsState, data: Mapping[str, Any]) -> ObsState:
    enabled = bool(data.get("studioModeEnabled"))
    return replace(
        state, studio_mode=enabled, preview_scene=(state.preview_scene or state.program_scene) if enabled else None
    )


def _input_created(state: ObsState, data: Mapping[str, Any]) -> ObsState:
    name = data.get("inputName")
    if not isinstance(name, str) or state.input(name) is not None:
        return state
    return replace(state, inputs=(*state.inputs, InputState(name, str(data.get("inputKind", "")))))


def _input_renamed(state: ObsState, data: Mapping[str, Any]) -> ObsState:
    new_name = data.get("inputName")
    if not isinstance(new_name, str):
        return state
    return _with_input(state, str(data.get("oldInputName")), name=new_name)


def _media_action(state: ObsState, data: Mapping[str, Any]) -> ObsState:
    action = str(data.get("mediaAction", ""))
    if not action.endswith(("_PLAY", "_RESTART", "_PAUSE", "_STOP")):
        return state  # next / previous / none: the playback state does not change
    return _with_input(state, str(data.get("inputName")), media_playing=action.endswith(("_PLAY", "_RESTART")))


def _transition_duration(state: ObsState, data: Mapping[str, Any]) -> ObsState:
    duration = data.get("transitionDuration")
    return replace(state, transition_duration_ms=int(duration) if isinstance(duration, int | float) else None)


def _input(state: ObsState, data: Mapping[str, Any], **changes: Any) -> ObsState:
    return _with_input(state, str(data.get("inputName")), **changes)


#: How each obs-websocket event changes the state (events not listed leave it unchanged).
_APPLY: dict[str, Callable[[ObsState, Mapping[str, Any]], ObsState]] = {
    "CurrentProgramSceneChanged": lambda s, d: replace(s, program_scene=d.get("sceneName")),
    "CurrentPreviewSceneChanged": lambda s, d: replace(s, preview_scene=d.get("sceneName")),
    "SceneListChanged": lambda s, d: replace(s, scenes=_ordered_scenes(d.get("scenes"))),
    "SceneCreated": _scene_created,
    "SceneRemoved": lambda s, d: replace(s, scenes=tuple(x for x in s.scenes if x != d.get("sceneName"))),
    "SceneNameChanged": _scene_renamed,
    "StudioModeStateChanged": _studio_mode,
    "InputCreated": _input_created,
    "InputRemoved": lambda s, d: replace(s, inputs=tuple(i for i in s.inputs if i.name != d.get("inputName"))),
    "InputNameChanged": _input_renamed,
    "InputMuteStateChanged": lambda s, d: _input(s, d, muted=bool(d.get("inputMuted"))),
    "InputVolumeChanged": lambda s, d: _input(
        s, d, volume_mul=d.get("inputVolumeMul"), volume_db=d.get("inputVolumeDb")
    ),
    "InputActiveStateChanged": lambda s, d: _input(s, d, video_active=bool(d.get("videoActive"))),
    # Another file chosen: whether OBS can play it is not known until the console reads it again.
    "InputSettingsChanged": lambda s, d: _input(s, d, media_unplayable=None),
    "MediaInputPlaybackStarted": lambda s, d: _input(s, d, media_playing=True),
    "MediaInputPlaybackEnded": lambda s, d: _input(s, d, media_playing=False),
    "MediaInputActionTriggered": _media_action,
    INPUT_READ: _input_read,
    "StreamStateChanged": lambda s, d: replace(s, stream=_apply_output(s.stream, d)),
    "RecordStateChanged": lambda s, d: replace(s, record=_apply_output(s.record, d)),
    "VirtualcamStateChanged": lambda s, d: replace(s, virtualcam=_apply_output(s.virtualcam, d)),
    "CurrentSceneTransitionChanged": lambda s, d: replace(s, transition=d.get("transitionName")),
    "CurrentSceneTransitionDurationChanged": _transition_duration,
}


def apply(state: ObsState, event_type: str, data: Mapping[str, Any]) -> ObsState:
    """The state after one obs-websocket event. Unknown events leave it unchanged."""
    change = _APPLY.get(event_type)
    return state if change is None else change(state, data)
