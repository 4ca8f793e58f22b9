"""GoLiveWatch: whether the stream the console asked OBS to start went on air, and if not, why — said where the person
who clicked Go live looks (the Output dock), not only in the event log. Qt-free; used on one thread (the session's).

OBS says why where it can: obs-websocket's answer to StartStream (a refusal's code and comment), or the stream's own
events (STARTING, then STOPPED without STARTED: the output could not connect; OBS's events carry no reason, its
message box on OBS's screen does). OBS 30+ may also accept StartStream and then say nothing at all (no stream key:
its message box again, and no StreamStateChanged); that is said after SILENT_S.
"""

from __future__ import annotations

from obs.errors import NotAnswering, NotConnected, RequestError, RequestTimeout
from obs.protocol import OutputState
from obs.state import ObsState
from obs.text import QT_TRANSLATE_NOOP, Message

CONTEXT = "GoLive"

#: How long after OBS accepted StartStream the stream must at least be starting. obs-websocket answers StartStream
#: once it has handed the start to OBS's UI thread (obs_frontend_streaming_start); OBS says STARTING there as its
#: first step, before it connects anywhere — normally a fraction of a second later. OBS 30+ with no stream key (or a
#: service it cannot set up) shows a message box instead and says nothing. A busy UI thread, or OBS 30.2's enhanced
#: broadcasting asking the platform for its settings before it starts, can hold STARTING back for a few seconds:
#: 10 s is past those and still short for someone waiting at Go live. A STARTING that comes later takes it back.
SILENT_S = 10.0

REFUSED = QT_TRANSLATE_NOOP("GoLive", "Not live: OBS refused to start the stream ({reason}).")
STOPPED = QT_TRANSLATE_NOOP(
    "GoLive",
    "Not live: OBS started connecting to the server and stopped without going on air. Check the server and stream "
    "key in OBS's stream settings, and the network; OBS's own window says why.",
)
SILENT = QT_TRANSLATE_NOOP(
    "GoLive",
    "Not live: OBS accepted the start but the stream did not start (nothing within {seconds:g} s). OBS may be "
    "asking for a stream key or a service on its own screen.",
)
_NOT_ANSWERING = QT_TRANSLATE_NOOP("GoLive", "OBS is not answering; the start was not sent")
_NO_ANSWER = QT_TRANSLATE_NOOP("GoLive", "OBS did not answer within {seconds:g} s")
_NOT_CONNECTED = QT_TRANSLATE_NOOP("GoLive", "not connected to OBS")


def _reason(error: BaseException) -> str | Message:
    """Why the start was refused: OBS's own code and comment when it answered, else what kept it from answering."""
    if isinstance(error, RequestError):
        return error.status_text  # OBS's words ("500 OutputRunning", or its comment): not translated
    if isinstance(error, NotAnswering):
        return Message(_NOT_ANSWERING, {}, CONTEXT)
    if isinstance(error, RequestTimeout):
        return Message(_NO_ANSWER, {"seconds": error.timeout}, CONTEXT)
    if isinstance(error, NotConnected):
        return Message(_NOT_CONNECTED, {}, CONTEXT)
    return str(error)


class GoLiveWatch:
    """One room's go-live attempts: `failure` says why the last one did not go on air, until the next attempt or
    until the stream is on air. Each method returns whether `failure` changed."""

    def __init__(self) -> None:
        self.failure: Message | None = None
        #: A start was asked for and its outcome is not known yet.
        self._watching = False
        #: When OBS accepted it (None: not answered yet, or refused).
        self._accepted_at: float | None = None
        #: OBS said the stream was starting since it was asked.
        self._starting = False

    def _set(self, failure: Message | None) -> bool:
        changed = failure != self.failure
        self.failure = failure
        return changed

    def asked(self) -> bool:
        """The console sends StartStream now: what the last attempt came to no longer stands."""
        self._watching, self._accepted_at, self._starting = True, None, False
        return self._set(None)

    def answered(self, error: BaseException | None, now: float) -> bool:
        """OBS's answer to it (or why there was none)."""
        if not self._watching:
            return False
        if error is None:
            if not self._starting:
                self._accepted_at = now
            return False
        if isinstance(error, RequestTimeout):
            # Sent, unanswered: OBS may still start it when it recovers (its events then take this back).
            self._accepted_at = None
        else:
            self._watching = False
        return self._set(Message(REFUSED, {"reason": _reason(error)}, CONTEXT))

    def observe(self, state: ObsState, now: float) -> bool:
        """OBS's state after its latest events (a full read too)."""
        stream = state.stream
        if not state.connected:
            return False
        if stream.active:  # on air, whoever started it: nothing failed
            self._watching = False
            return self._set(None)
        if not self._watching:
            return False
        if stream.state == OutputState.STARTING:
            self._starting, self._accepted_at = True, None
            return self._set(None)  # a late start takes back "did not start"
        if self._starting and stream.state == OutputState.STOPPED:
            self._watching = False
            return self._set(Message(STOPPED, {}, CONTEXT))
        return False

    def due(self, now: float) -> bool:
        """A few times a second: OBS accepted the start and has said nothing of the stream for SILENT_S."""
        if self._accepted_at is None or self._starting or self.failure is not None:
            return False
        if now - self._accepted_at < SILENT_S:
            return False
        return self._set(Message(SILENT, {"seconds": SILENT_S}, CONTEXT))
