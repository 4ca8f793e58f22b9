"""Console commands and the OBS events that confirm them: who made a change is decided here, in one place.

Every kind of request the console sends is a frozen dataclass here (`SetProgramScene`, `SetInputMute`,
`StartStream`, `GetSourceScreenshot`…) carrying its obs-websocket request type and data, the events that
confirm it and a translatable description; widgets build these and never name a request.

A request the console sends (StartStream, SetStudioModeEnabled, SetInputMute…) is later confirmed by an
event from OBS. That event — not the first one of its type — is credited to the console: an output first
reports STARTING/STOPPING and only later the final STARTED/STOPPED, and the event log's lines are about the
final state. Interim events of a pending command are credited to the console too, without settling it; a
final state other than the one asked for (a start that failed and stopped) settles it, credited to OBS.

Expiry: a scene switch or a mute is confirmed within milliseconds, so 3 s is generous; an output may take
many seconds to connect to a slow ingest server (OBS 29 waits up to its own connect timeout), hence 30 s.
A request that fails is withdrawn at once by its sender. Qt-free; used on one thread (the GUI thread).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Self

from obs.protocol import OutputState
from obs.state import ObsState
from obs.text import QT_TRANSLATE_NOOP, Message

CONSOLE = "console"
OBS = "obs"

#: How long a quick change (scene, mute, studio mode, transition) may take to be confirmed.
QUICK_EXPIRY_S = 3.0
#: How long an output (stream, recording) may take to reach the state asked for.
OUTPUT_EXPIRY_S = 30.0


@dataclass(frozen=True)
class Confirmation:
    """The event that confirms a command: its type and the field values it must carry."""

    event_type: str
    fields: Mapping[str, Any]
    #: For outputs: the field whose value moves through interim states, and those interim values.
    state_field: str | None = None
    interim: tuple[Any, ...] = ()

    def verdict(self, event_type: str, data: Mapping[str, Any]) -> str | None:
        """'confirmed', 'interim', 'failed' (the same output reached another final state), or None."""
        if event_type != self.event_type:
            return None
        if all(data.get(key) == value for key, value in self.fields.items()):
            return "confirmed"
        if self.state_field is not None:
            value = data.get(self.state_field)
            return "interim" if value in self.interim else "failed"
        return None


@dataclass
class Pending:
    """A command the console sent whose confirming events have not all arrived."""

    request_type: str
    confirmations: list[Confirmation]
    deadline: float


def _output(event_type: str, final: str, interim: str) -> tuple[Confirmation, ...]:
    return (Confirmation(event_type, {"outputState": final}, "outputState", (interim,)),)


@dataclass(frozen=True)
class Command:
    """One thing the console asks OBS: the obs-websocket request it is sent as, the events that confirm it
    (for attribution), and a description for the event log when it fails. Subclasses are frozen too."""

    #: The obs-websocket request type this command is sent as.
    request_type: ClassVar[str]
    #: How long its confirming events may take (see the module's docstring).
    expiry_s: ClassVar[float] = QUICK_EXPIRY_S

    def data(self) -> dict[str, Any]:
        """The request's data (obs-websocket's requestData)."""
        return {}

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        """The events that confirm it, given OBS's state when it is sent; none for a command that changes
        nothing OBS reports (reads, screenshots)."""
        return ()

    def description(self) -> Message | None:
        """What it does, for the event log and the status bar when it fails; None: a failure is not worth
        telling (a screenshot a moment late, a read its caller handles)."""
        return None

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        """The command a raw request stands for (for requests sent by name: `ObsBridge.request`)."""
        return cls()


# ---------------------------------------------------------------------------------------------- scenes
@dataclass(frozen=True)
class SetProgramScene(Command):
    request_type = "SetCurrentProgramScene"
    scene_name: str

    def data(self) -> dict[str, Any]:
        return {"sceneName": self.scene_name}

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        return (Confirmation("CurrentProgramSceneChanged", {"sceneName": self.scene_name}),)

    def description(self) -> Message:
        return Message(
            QT_TRANSLATE_NOOP("ScenesPanel", "Switch to scene “{scene}”"), {"scene": self.scene_name}, "ScenesPanel"
        )

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        return cls(str(data.get("sceneName", "")))


@dataclass(frozen=True)
class SetPreviewScene(Command):
    request_type = "SetCurrentPreviewScene"
    scene_name: str

    def data(self) -> dict[str, Any]:
        return {"sceneName": self.scene_name}

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        return (Confirmation("CurrentPreviewSceneChanged", {"sceneName": self.scene_name}),)

    def description(self) -> Message:
        return Message(
            QT_TRANSLATE_NOOP("ScenesPanel", "Set preview to “{scene}”"), {"scene": self.scene_name}, "ScenesPanel"
        )

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        return cls(str(data.get("sceneName", "")))


@dataclass(frozen=True)
class SetStudioMode(Command):
    request_type = "SetStudioModeEnabled"
    enabled: bool

    def data(self) -> dict[str, Any]:
        return {"studioModeEnabled": self.enabled}

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        return (Confirmation("StudioModeStateChanged", {"studioModeEnabled": self.enabled}),)

    def description(self) -> Message:
        if self.enabled:
            return Message(QT_TRANSLATE_NOOP("ScenesPanel", "Turn studio mode on"), context="ScenesPanel")
        return Message(QT_TRANSLATE_NOOP("ScenesPanel", "Turn studio mode off"), context="ScenesPanel")

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        return cls(bool(data.get("studioModeEnabled")))


@dataclass(frozen=True)
class TriggerStudioTransition(Command):
    request_type = "TriggerStudioModeTransition"

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        # OBS swaps by default: the preview goes to program and the old program becomes the preview.
        program = Confirmation("CurrentProgramSceneChanged", {"sceneName": state.preview_scene})
        if not state.program_scene:
            return (program,)
        return program, Confirmation("CurrentPreviewSceneChanged", {"sceneName": state.program_scene})

    def description(self) -> Message:
        return Message(QT_TRANSLATE_NOOP("ScenesPanel", "Transition to program"), context="ScenesPanel")


@dataclass(frozen=True)
class SetSceneTransition(Command):
    request_type = "SetCurrentSceneTransition"
    transition_name: str

    def data(self) -> dict[str, Any]:
        return {"transitionName": self.transition_name}

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        return (Confirmation("CurrentSceneTransitionChanged", {"transitionName": self.transition_name}),)

    def description(self) -> Message:
        text = QT_TRANSLATE_NOOP("ScenesPanel", "Choose transition “{transition}”")
        return Message(text, {"transition": self.transition_name}, "ScenesPanel")

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        return cls(str(data.get("transitionName", "")))


@dataclass(frozen=True)
class SetTransitionDuration(Command):
    request_type = "SetCurrentSceneTransitionDuration"
    duration_ms: int

    def data(self) -> dict[str, Any]:
        return {"transitionDuration": self.duration_ms}

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        return (Confirmation("CurrentSceneTransitionDurationChanged", {"transitionDuration": self.duration_ms}),)

    def description(self) -> Message:
        return Message(QT_TRANSLATE_NOOP("ScenesPanel", "Set transition duration"), context="ScenesPanel")

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        return cls(int(data.get("transitionDuration", 0)))


# ---------------------------------------------------------------------------------------------- audio
@dataclass(frozen=True)
class SetInputMute(Command):
    request_type = "SetInputMute"
    input_name: str
    muted: bool

    def data(self) -> dict[str, Any]:
        return {"inputName": self.input_name, "inputMuted": self.muted}

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        return (Confirmation("InputMuteStateChanged", {"inputName": self.input_name, "inputMuted": self.muted}),)

    def description(self) -> Message:
        if self.muted:
            return Message(QT_TRANSLATE_NOOP("AudioMixer", "Mute “{input}”"), {"input": self.input_name}, "AudioMixer")
        return Message(QT_TRANSLATE_NOOP("AudioMixer", "Unmute “{input}”"), {"input": self.input_name}, "AudioMixer")

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        return cls(str(data.get("inputName", "")), bool(data.get("inputMuted")))


@dataclass(frozen=True)
class ToggleInputMute(Command):
    request_type = "ToggleInputMute"
    input_name: str

    def data(self) -> dict[str, Any]:
        return {"inputName": self.input_name}

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        return (Confirmation("InputMuteStateChanged", {"inputName": self.input_name}),)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        return cls(str(data.get("inputName", "")))


@dataclass(frozen=True)
class SetInputVolume(Command):
    request_type = "SetInputVolume"
    input_name: str
    volume_db: float

    def data(self) -> dict[str, Any]:
        return {"inputName": self.input_name, "inputVolumeDb": self.volume_db}

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        # OBS reports the volume it applied (clamped, as a multiplier too): the input's name is what confirms.
        return (Confirmation("InputVolumeChanged", {"inputName": self.input_name}),)

    def description(self) -> Message:
        text = QT_TRANSLATE_NOOP("AudioMixer", "Set the volume of “{input}”")
        return Message(text, {"input": self.input_name}, "AudioMixer")

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        return cls(str(data.get("inputName", "")), float(data.get("inputVolumeDb", 0.0)))


# ---------------------------------------------------------------------------------------------- outputs
@dataclass(frozen=True)
class StartStream(Command):
    request_type = "StartStream"
    expiry_s = OUTPUT_EXPIRY_S

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        return _output("StreamStateChanged", OutputState.STARTED, OutputState.STARTING)

    def description(self) -> Message:
        return Message(QT_TRANSLATE_NOOP("OutputPanel", "Go live"), context="OutputPanel")


@dataclass(frozen=True)
class StopStream(Command):
    request_type = "StopStream"
    expiry_s = OUTPUT_EXPIRY_S

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        return _output("StreamStateChanged", OutputState.STOPPED, OutputState.STOPPING)

    def description(self) -> Message:
        return Message(QT_TRANSLATE_NOOP("OutputPanel", "Stop streaming"), context="OutputPanel")


@dataclass(frozen=True)
class ToggleStream(Command):
    request_type = "ToggleStream"
    expiry_s = OUTPUT_EXPIRY_S

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        if state.stream.active:
            return _output("StreamStateChanged", OutputState.STOPPED, OutputState.STOPPING)
        return _output("StreamStateChanged", OutputState.STARTED, OutputState.STARTING)


@dataclass(frozen=True)
class StartRecord(Command):
    request_type = "StartRecord"
    expiry_s = OUTPUT_EXPIRY_S

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        return _output("RecordStateChanged", OutputState.STARTED, OutputState.STARTING)

    def description(self) -> Message:
        return Message(QT_TRANSLATE_NOOP("OutputPanel", "Start recording"), context="OutputPanel")


@dataclass(frozen=True)
class StopRecord(Command):
    request_type = "StopRecord"
    expiry_s = OUTPUT_EXPIRY_S

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        return _output("RecordStateChanged", OutputState.STOPPED, OutputState.STOPPING)

    def description(self) -> Message:
        return Message(QT_TRANSLATE_NOOP("OutputPanel", "Stop recording"), context="OutputPanel")


@dataclass(frozen=True)
class ToggleRecord(Command):
    request_type = "ToggleRecord"
    expiry_s = OUTPUT_EXPIRY_S

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        if state.record.active:
            return _output("RecordStateChanged", OutputState.STOPPED, OutputState.STOPPING)
        return _output("RecordStateChanged", OutputState.STARTED, OutputState.STARTING)


@dataclass(frozen=True)
class PauseRecord(Command):
    request_type = "PauseRecord"
    expiry_s = OUTPUT_EXPIRY_S

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        return (Confirmation("RecordStateChanged", {"outputState": OutputState.PAUSED}),)


@dataclass(frozen=True)
class ResumeRecord(Command):
    request_type = "ResumeRecord"
    expiry_s = OUTPUT_EXPIRY_S

    def confirmations(self, state: ObsState) -> tuple[Confirmation, ...]:
        return (Confirmation("RecordStateChanged", {"outputState": OutputState.RESUMED}),)


# ---------------------------------------------------------------------------------------------- reads
@dataclass(frozen=True)
class GetSourceScreenshot(Command):
    """A picture of a scene or source at the size it is shown (no rescaling on the GUI thread); the answer's
    `imageData` is a data: URI."""

    request_type = "GetSourceScreenshot"
    source_name: str
    width: int
    height: int
    quality: int = 75
    image_format: str = "jpg"

    def data(self) -> dict[str, Any]:
        return {
            "sourceName": self.source_name,
            "imageFormat": self.image_format,
            "imageWidth": self.width,
            "imageHeight": self.height,
            "imageCompressionQuality": self.quality,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        return cls(
            str(data.get("sourceName", "")),
            int(data.get("imageWidth", 0)),
            int(data.get("imageHeight", 0)),
            int(data.get("imageCompressionQuality", 75)),
            str(data.get("imageFormat", "jpg")),
        )


@dataclass(frozen=True)
class GetStreamServiceSettings(Command):
    """Where the stream goes (the ingest server the network sampler watches)."""

    request_type = "GetStreamServiceSettings"


@dataclass(frozen=True)
class GetProfileParameter(Command):
    """One parameter of OBS's current profile (the output mode, a bitrate); the answer carries
    `parameterValue` and `defaultParameterValue`."""

    request_type = "GetProfileParameter"
    category: str
    name: str

    def data(self) -> dict[str, Any]:
        return {"parameterCategory": self.category, "parameterName": self.name}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        return cls(str(data.get("parameterCategory", "")), str(data.get("parameterName", "")))

    @staticmethod
    def value(answer: Mapping[str, Any] | None) -> Any:
        """The parameter as OBS uses it: the profile's own value, else OBS's default (None: not known)."""
        return None if answer is None else answer.get("parameterValue") or answer.get("defaultParameterValue")


def simple_output(mode: Any) -> bool:
    """Whether the profile's Output/Mode is OBS's simple output mode (a fresh profile has no Mode: Simple). Only
    then does the profile hold the stream's bitrates; in advanced mode the encoder's own settings do, which
    obs-websocket cannot read."""
    return mode in ("Simple", None)


#: Every typed command by its request type: a request sent by name is attributed as its command would be.
COMMANDS: dict[str, type[Command]] = {
    kind.request_type: kind
    for kind in (
        SetProgramScene,
        SetPreviewScene,
        SetStudioMode,
        TriggerStudioTransition,
        SetSceneTransition,
        SetTransitionDuration,
        SetInputMute,
        ToggleInputMute,
        SetInputVolume,
        StartStream,
        StopStream,
        ToggleStream,
        StartRecord,
        StopRecord,
        ToggleRecord,
        PauseRecord,
        ResumeRecord,
        GetSourceScreenshot,
        GetStreamServiceSettings,
        GetProfileParameter,
    )
}


def command_for(request_type: str, data: Mapping[str, Any]) -> Command | None:
    """The typed command a request sent by name stands for; None for a request the console has no type for."""
    kind = COMMANDS.get(request_type)
    if kind is None:
        return None
    try:
        return kind.from_data(data)
    except (TypeError, ValueError):  # data OBS would refuse anyway: it will not be confirmed either
        return None


def confirmations(request_type: str, data: Mapping[str, Any], state: ObsState) -> tuple[list[Confirmation], float]:
    """What confirms this request and for how long to wait for it (the typed command says); no confirmations
    for a request that changes nothing OBS reports (GetX, screenshots)."""
    command = command_for(request_type, data)
    if command is None:
        return [], QUICK_EXPIRY_S
    return list(command.confirmations(state)), command.expiry_s


class Attribution:
    """Pending console commands, and the verdict on each OBS event: 'console' or 'obs'."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._pending: list[Pending] = []

    def expect(self, request_type: str, data: Mapping[str, Any], state: ObsState) -> Pending | None:
        """The console is about to send this request by name; returns its handle (None if nothing confirms it)."""
        command = command_for(request_type, data)
        return None if command is None else self.expect_command(command, state)

    def expect_command(self, command: Command, state: ObsState) -> Pending | None:
        """The console is about to send this command; returns its handle (None if nothing confirms it)."""
        found = command.confirmations(state)
        if not found:
            return None
        pending = Pending(command.request_type, list(found), self._clock() + command.expiry_s)
        self._pending.append(pending)
        return pending

    def withdraw(self, pending: Pending | None) -> None:
        """The request failed: nothing will confirm it."""
        if pending is not None and pending in self._pending:
            self._pending.remove(pending)

    def clear(self) -> None:
        """A new connection (snapshot): nothing sent on the old one will be confirmed."""
        self._pending.clear()

    def attribute(self, event_type: str, data: Mapping[str, Any]) -> str:
        now = self._clock()
        self._pending = [p for p in self._pending if p.deadline > now and p.confirmations]
        for pending in self._pending:  # oldest first: two clicks on the same scene settle in order
            for confirmation in pending.confirmations:
                verdict = confirmation.verdict(event_type, data)
                if verdict == "interim":
                    return CONSOLE
                if verdict == "confirmed":
                    pending.confirmations.remove(confirmation)
                    return CONSOLE
                if verdict == "failed":
                    pending.confirmations.remove(confirmation)
                    return OBS
        return OBS

    def __len__(self) -> int:
        return len(self._pending)
