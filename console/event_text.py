"""What the event log and the status bar say about OBS events and link states, translated."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.database_words import said
from obs import oswords
from obs.errors import (
    TR_CONTEXT,
    ConnectionFailure,
    FailureKind,
    NotAnswering,
    NotConnected,
    ObsError,
    RequestError,
    RequestTimeout,
)
from obs.go_live import STREAM_REQUESTS, refusal
from obs.health_audio import CAPTURE_KINDS
from obs.messages import LinkState, LinkStatus, ObsEvent
from obs.protocol import OutputState
from obs.state import ObsState
from obs.text import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal") calls


#: The link's own details (obs/link.py writes them in English): their words in the user's language.
_NO_ANSWER = re.compile(r"no answer for (\d+(?:\.\d+)?) s")


# The socket errors a lost connection ends with, by their exception's name: said in words (walk13 read
# "WebSocketConnectionClosedException: Connection to remote host was lost." in a Chinese status bar). The exception
# itself stays in the console's log file, where a bug report needs it.
_CLOSED_ON_OBS_SIDE = QT_TRANSLATE_NOOP("EventText", "the connection was closed on the OBS side")
_RESET = QT_TRANSLATE_NOOP("EventText", "the OBS computer reset the connection")
_SOCKET_WORDS = {
    "WebSocketConnectionClosedException": _CLOSED_ON_OBS_SIDE,
    "BrokenPipeError": _CLOSED_ON_OBS_SIDE,
    "the socket was closed": _CLOSED_ON_OBS_SIDE,
    "ConnectionResetError": _RESET,
    "ConnectionAbortedError": _RESET,
}


def _detail_text(failure: ConnectionFailure) -> str:
    """The failure's detail, translated where it is one the link writes itself or a common socket error; another
    exception's or OBS's own text (a close reason) stays as it came, since it is what a search or a bug report
    needs."""
    words = _SOCKET_WORDS.get(failure.detail.split(":", 1)[0])
    if words is not None:
        return translate("EventText", words)
    match = _NO_ANSWER.fullmatch(failure.detail)
    if match:
        return translate("EventText", "no answer for %1 s").replace("%1", match.group(1))
    if failure.cause is not None:  # a system error ("[Errno 113] No route to host"): its cause in words
        return failure.cause.in_language(translate)
    if failure.detail.startswith("reading OBS's state failed: "):
        return translate("EventText", "reading OBS's state failed: %1").replace(
            "%1", failure.detail.removeprefix("reading OBS's state failed: ")
        )
    return failure.detail


def _silence_now(failure: ConnectionFailure, since_status: float) -> ConnectionFailure:
    """The link's "no answer for 2.0 s" was true when OBS was found silent; a line shown while it stays silent says
    how long it has been silent now (a status bar read 2.0 s for the whole 10 s before the link dropped)."""
    match = _NO_ANSWER.fullmatch(failure.detail)
    if match is None or since_status <= 0:
        return failure
    return _silent_for(failure, float(match.group(1)) + since_status)


def _silent_for(failure: ConnectionFailure, silent: float) -> ConnectionFailure:
    """The failure of an OBS that stopped answering, saying it has been silent for `silent` seconds: whole seconds
    from 10 on, as "OBS lost for" counts them (and the health finding, obs/health_rules.py)."""
    if _NO_ANSWER.fullmatch(failure.detail) is None:
        return failure
    return replace(failure, detail=f"no answer for {silent:.1f} s" if silent < 10 else f"no answer for {int(silent)} s")


def explain_failure(failure: ConnectionFailure) -> str:
    template = QCoreApplication.translate(TR_CONTEXT, failure.template)
    return replace(failure, detail=_detail_text(failure)).explain(template)


def _output_text(kind: str, state: str) -> str | None:
    texts = {
        ("stream", OutputState.STARTED): translate("EventText", "Streaming started"),
        ("stream", OutputState.STOPPED): translate("EventText", "Streaming stopped"),
        ("stream", OutputState.RECONNECTING): translate("EventText", "Stream connection lost: OBS is reconnecting"),
        ("stream", OutputState.RECONNECTED): translate("EventText", "Stream reconnected"),
        ("record", OutputState.STARTED): translate("EventText", "Recording started"),
        ("record", OutputState.STOPPED): translate("EventText", "Recording stopped"),
        ("record", OutputState.PAUSED): translate("EventText", "Recording paused"),
        ("record", OutputState.RESUMED): translate("EventText", "Recording resumed"),
    }
    return texts.get((kind, state))


def _audio_only(state: ObsState | None, name: str) -> bool:
    """An audio-capture input (a microphone, the desktop sound); its kind may carry a version ("_v2")."""
    found = state.input(name) if state is not None else None
    if found is None:
        return False
    head, _, tail = found.kind.rpartition("_v")
    return found.kind in CAPTURE_KINDS or (tail.isdigit() and head in CAPTURE_KINDS)


def _scene_line(template: str) -> Callable[[dict[str, Any], ObsState | None], str]:
    def line(data: dict[str, Any], state: ObsState | None) -> str:
        return translate("EventText", template).replace("%1", str(data.get("sceneName")))

    return line


def _studio_mode(data: dict[str, Any], state: ObsState | None) -> str:
    if data.get("studioModeEnabled"):
        return translate("EventText", "Studio mode on")
    return translate("EventText", "Studio mode off")


def _mute(data: dict[str, Any], state: ObsState | None) -> str:
    text = translate("EventText", "%1 muted") if data.get("inputMuted") else translate("EventText", "%1 unmuted")
    return text.replace("%1", str(data.get("inputName")))


def _transition(data: dict[str, Any], state: ObsState | None) -> str:
    return translate("EventText", "Transition: %1").replace("%1", str(data.get("transitionName")))


def _video_active(data: dict[str, Any], state: ObsState | None) -> str | None:
    # OBS reports an audio-only input "video active" while its scene is on program: that is not video, and
    # the program scene's own line already says what went on air.
    if _audio_only(state, str(data.get("inputName"))):
        return None
    text = (
        translate("EventText", "%1 is delivering video")
        if data.get("videoActive")
        else translate("EventText", "%1 stopped delivering video")
    )
    return text.replace("%1", str(data.get("inputName")))


# The events worth a line in the event log, and how each is said (translated when said: the language may change).
_EVENT_LINES: dict[str, Callable[[dict[str, Any], ObsState | None], str | None]] = {
    "CurrentProgramSceneChanged": _scene_line(QT_TRANSLATE_NOOP("EventText", "Program scene: %1")),
    "CurrentPreviewSceneChanged": _scene_line(QT_TRANSLATE_NOOP("EventText", "Preview scene: %1")),
    "StudioModeStateChanged": _studio_mode,
    "SceneCreated": _scene_line(QT_TRANSLATE_NOOP("EventText", "Scene created: %1")),
    "SceneRemoved": _scene_line(QT_TRANSLATE_NOOP("EventText", "Scene removed: %1")),
    "InputMuteStateChanged": _mute,
    "StreamStateChanged": lambda data, state: _output_text("stream", str(data.get("outputState"))),
    "RecordStateChanged": lambda data, state: _output_text("record", str(data.get("outputState"))),
    "CurrentSceneTransitionChanged": _transition,
    "InputActiveStateChanged": _video_active,
}


def reconnect_retry_text(attempt: int) -> str:
    """OBS says RECONNECTING again for every try after the first (measured on OBS 29: four lines for one 16-s outage,
    each "Stream connection lost: OBS is reconnecting", read as four drops): the try it is on."""
    return translate("EventText", "Stream still not connected: OBS tries again (attempt %1)").replace(
        "%1", str(attempt)
    )


def describe_event(event: ObsEvent, state: ObsState | None = None) -> str | None:
    """A line for the event log, or None for events not worth logging. `state` (what the console knows of OBS)
    tells which inputs are audio-only."""
    line = _EVENT_LINES.get(event.event_type)
    return line(event.data, state) if line is not None else None


def asks_unkept_password(status: LinkStatus) -> bool:
    """OBS refused the connection for want of a password: what a saved room's password not kept (no keyring on this
    system) comes to after a restart."""
    return (
        status.state is LinkState.AUTH_FAILED
        and status.failure is not None
        and status.failure.kind is FailureKind.AUTH_REQUIRED
    )


def describe_status(status: LinkStatus, now: float, password_not_kept: bool = False, brief: bool = False) -> str:
    """The connection state in one line, e.g. 'Reconnecting in 3 s — Nothing is listening on …'.

    `brief`: beside a status-bar line that already says why OBS is lost (the "OBS lost" finding on air), the state and
    its figures alone: 'OBS lost for 12 s — Reconnecting in 2 s', 'OBS is not answering — no answer for 7.7 s'.

    `password_not_kept`: the room has a saved password only for the session it was typed in (no system keyring), so
    OBS asking for one is that, not a room set up without a password (walk21: after a restart the bar said "Wrong
    password — OBS asks for a password and none is set for this room" of a room whose password had been set)."""
    state = status.state
    if password_not_kept and asks_unkept_password(status):
        return translate(
            "EventText",
            "Password not kept — this system has no keyring, so the room's OBS password lasted only for the session "
            "it was typed in. Enter it again.",
        )
    if state is LinkState.CONNECTED:
        return (
            translate("EventText", "Connected to OBS %1 (obs-websocket %2)")
            .replace("%1", status.obs_version or "?")
            .replace("%2", status.obs_websocket_version or "?")
        )
    if state is LinkState.CONNECTING:
        return translate("EventText", "Connecting to OBS…")
    if state is LinkState.DISCONNECTED:
        return translate("EventText", "Not connected")
    if state is LinkState.UNRESPONSIVE:
        failure = _silence_now(status.failure, now - status.since) if status.failure else None
        said = "" if failure is None else _detail_text(failure) if brief else explain_failure(failure)
        return translate("EventText", "OBS is not answering") + (f" — {said}" if said else "")
    if state is LinkState.RECONNECTING:
        return _reconnecting_text(status, now, brief)
    reason = explain_failure(status.failure) if status.failure else ""
    if state is LinkState.AUTH_FAILED:
        return translate("EventText", "Wrong password") + (f" — {reason}" if reason else "")
    return translate("EventText", "Incompatible OBS") + (f" — {reason}" if reason else "")


def _reconnecting_text(status: LinkStatus, now: float, brief: bool) -> str:
    reason = explain_failure(status.failure) if status.failure else ""
    wait = status.retry_in(now)
    head = translate("EventText", "Reconnecting in %1 s").replace("%1", f"{wait:.0f}" if wait and wait >= 1 else "<1")
    # How long OBS has been gone leads, and goes on counting through every attempt: "reconnecting in 4 s" alone
    # read the same at 20 s and at 5 minutes of a frozen OBS (walk12).
    lost_for = status.lost_for(now)
    if lost_for is not None:
        head = f"{_lost_for_text(lost_for)} — {head}"
        if brief:
            return head
        # The silence the link dropped OBS for goes on: one figure, "OBS lost for 15 s … (no answer for 15 s)",
        # not the 10 s it had lasted when the link gave up (walk21), both from when OBS was last heard.
        if status.failure is not None:
            reason = explain_failure(_silent_for(status.failure, lost_for))
    return f"{head} — {reason}" if reason else head


def _lost_for_text(seconds: float) -> str:
    whole = int(seconds)  # whole seconds gone, as the health finding counts them (obs/health_rules.ObsUnreachable)
    if whole < 120:
        return translate("EventText", "OBS lost for %1 s").replace("%1", str(whole))
    return (
        translate("EventText", "OBS lost for %1 min %2 s")
        .replace("%1", str(whole // 60))
        .replace("%2", str(whole % 60))
    )


def describe_error(error: BaseException) -> str:
    """An OBS error for the user: obs-websocket's code and comment when there is one (a stream request's refusal in
    words: walk saw "Go live: 500 OutputRunning" in the Chinese UI)."""
    if isinstance(error, RequestError) and error.request_type in STREAM_REQUESTS:
        return refusal(error).in_language(translate)
    if isinstance(error, RequestError):
        return error.status_text
    if isinstance(error, NotAnswering):
        return translate("EventText", "not sent: OBS is not answering, and would carry it out late when it recovers")
    if isinstance(error, RequestTimeout):
        return translate(
            "EventText", "OBS did not answer within %1 s; it may still carry it out when it recovers"
        ).replace("%1", f"{error.timeout:g}")
    if isinstance(error, NotConnected):
        return translate("EventText", "not connected to OBS")
    if isinstance(error, ObsError):
        return str(error)
    if getattr(error, "trouble", None) is not None:  # a database failure whose cause is known: said in words
        return said(error)
    if oswords.cause(error) is not None:  # a system error: its cause in words, not "[Errno 28] No space left…"
        return oswords.reason(error).in_language(translate)
    return f"{type(error).__name__}: {error}"
