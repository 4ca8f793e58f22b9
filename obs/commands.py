"""Console commands and the OBS events that confirm them: who made a change is decided here, in one place.

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
from typing import Any

from obs.protocol import OutputState
from obs.state import ObsState

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


def _output(event_type: str, final: str, interim: str) -> list[Confirmation]:
    return [Confirmation(event_type, {"outputState": final}, "outputState", (interim,))]


def confirmations(request_type: str, data: Mapping[str, Any], state: ObsState) -> tuple[list[Confirmation], float]:
    """What confirms this request and for how long to wait for it; no confirmations for a request that
    changes nothing OBS reports (GetX, screenshots)."""
    started, stopped = OutputState.STARTED, OutputState.STOPPED
    starting, stopping = OutputState.STARTING, OutputState.STOPPING
    stream_next = (stopped, stopping) if state.stream.active else (started, starting)
    record_next = (stopped, stopping) if state.record.active else (started, starting)
    outputs: dict[str, list[Confirmation]] = {
        "StartStream": _output("StreamStateChanged", started, starting),
        "StopStream": _output("StreamStateChanged", stopped, stopping),
        "StartRecord": _output("RecordStateChanged", started, starting),
        "StopRecord": _output("RecordStateChanged", stopped, stopping),
        "PauseRecord": [Confirmation("RecordStateChanged", {"outputState": OutputState.PAUSED})],
        "ResumeRecord": [Confirmation("RecordStateChanged", {"outputState": OutputState.RESUMED})],
        "ToggleStream": _output("StreamStateChanged", *stream_next),
        "ToggleRecord": _output("RecordStateChanged", *record_next),
    }
    if request_type in outputs:
        return outputs[request_type], OUTPUT_EXPIRY_S
    quick: list[Confirmation] = []
    if request_type == "SetStudioModeEnabled":
        quick = [Confirmation("StudioModeStateChanged", {"studioModeEnabled": bool(data.get("studioModeEnabled"))})]
    elif request_type == "SetCurrentProgramScene":
        quick = [Confirmation("CurrentProgramSceneChanged", {"sceneName": data.get("sceneName")})]
    elif request_type == "SetCurrentPreviewScene":
        quick = [Confirmation("CurrentPreviewSceneChanged", {"sceneName": data.get("sceneName")})]
    elif request_type == "TriggerStudioModeTransition":
        # OBS swaps by default: the preview goes to program and the old program becomes the preview.
        quick = [Confirmation("CurrentProgramSceneChanged", {"sceneName": state.preview_scene})]
        if state.program_scene:
            quick.append(Confirmation("CurrentPreviewSceneChanged", {"sceneName": state.program_scene}))
    elif request_type == "SetInputMute":
        quick = [
            Confirmation(
                "InputMuteStateChanged",
                {"inputName": data.get("inputName"), "inputMuted": bool(data.get("inputMuted"))},
            )
        ]
    elif request_type == "ToggleInputMute":
        quick = [Confirmation("InputMuteStateChanged", {"inputName": data.get("inputName")})]
    elif request_type == "SetInputVolume":
        quick = [Confirmation("InputVolumeChanged", {"inputName": data.get("inputName")})]
    elif request_type == "SetCurrentSceneTransition":
        quick = [Confirmation("CurrentSceneTransitionChanged", {"transitionName": data.get("transitionName")})]
    elif request_type == "SetCurrentSceneTransitionDuration":
        quick = [
            Confirmation(
                "CurrentSceneTransitionDurationChanged", {"transitionDuration": data.get("transitionDuration")}
            )
        ]
    return quick, QUICK_EXPIRY_S


class Attribution:
    """Pending console commands, and the verdict on each OBS event: 'console' or 'obs'."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._pending: list[Pending] = []

    def expect(self, request_type: str, data: Mapping[str, Any], state: ObsState) -> Pending | None:
        """The console is about to send this request; returns its handle (None if nothing confirms it)."""
        found, expiry = confirmations(request_type, data, state)
        if not found:
            return None
        pending = Pending(request_type, list(found), self._clock() + expiry)
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
