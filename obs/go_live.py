"""GoLiveWatch: whether the stream the console asked OBS to start went on air, and if not, why — said where the person
who clicked Go live looks (the Output dock), not only in the event log. Qt-free; used on one thread (the session's).

OBS says why where it can: obs-websocket's answer to StartStream (a refusal's code and comment), or the stream's own
events (STARTING, then STOPPED without STARTED: the output could not connect; OBS's events carry no reason, its
message box on OBS's screen does). OBS 30+ may also accept StartStream and then say nothing at all (no stream key:
its message box again, and no StreamStateChanged); that is said after SILENT_S.

Until a start resolves it is "starting" (`GoLive.starting`): the Output dock says so from OBS's acceptance on (walk:
"OFF AIR" for up to SILENT_S after a silent start). A go-live from before a restart is held undecided the same way
(`resumed`): OBS's full read cannot say STARTING (GetStreamStatus: outputActive false while it connects).
"""

from __future__ import annotations

from dataclasses import dataclass

from obs.errors import NotAnswering, NotConnected, RequestError, RequestTimeout
from obs.protocol import OutputState, RequestStatus
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

#: How long a go-live taken up after a restart (`GoLiveWatch.resumed`) may stay off air, OBS saying nothing of it,
#: before it is taken as not started. Its STARTING may have gone out before the console was back, and OBS then says
#: nothing until the output connects or gives up: that is bounded by the output's own connect timeout, not by
#: SILENT_S — 30 s is past a slow server's connect and still a short wait for an override to lapse.
HELD_S = 30.0

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

#: What obs-websocket's answers to StartStream and StopStream mean, in words (walk: "500 OutputRunning" stood in the
#: Chinese UI). StartStream refuses only with OutputRunning, StopStream only with OutputNotRunning; any request may be
#: answered NotReady (OBS still loading), UnknownRequestType (a plugin without it) or RequestProcessingFailed (OBS
#: threw, with a comment). Anything else is said as a refusal with obs-websocket's code as the detail.
_RUNNING = QT_TRANSLATE_NOOP("GoLive", "OBS's stream is already starting or on air")
_NOT_RUNNING = QT_TRANSLATE_NOOP("GoLive", "OBS's stream is not running, so there is nothing to stop")
_NOT_READY = QT_TRANSLATE_NOOP(
    "GoLive", "OBS is not ready yet (it is starting up or loading a scene collection); try again in a moment"
)
_UNKNOWN_REQUEST = QT_TRANSLATE_NOOP("GoLive", "this OBS's obs-websocket does not know the request; update it")
_FAILED = QT_TRANSLATE_NOOP("GoLive", "OBS failed while carrying it out (its words: {comment})")
_OTHER = QT_TRANSLATE_NOOP("GoLive", "OBS refused it (obs-websocket status {status})")
_WORDS = {
    RequestStatus.OUTPUT_RUNNING: _RUNNING,
    RequestStatus.OUTPUT_NOT_RUNNING: _NOT_RUNNING,
    RequestStatus.NOT_READY: _NOT_READY,
    RequestStatus.UNKNOWN_REQUEST_TYPE: _UNKNOWN_REQUEST,
}
#: The stream requests whose refusals `refusal` says in words.
STREAM_REQUESTS = frozenset({"StartStream", "StopStream", "ToggleStream"})


def refusal(error: RequestError) -> Message:
    """OBS's refusal of a stream request, in words; the code only as a detail where no sentence fits it."""
    template = _WORDS.get(error.code)  # type: ignore[call-overload]
    if template is not None:
        return Message(template, {}, CONTEXT)
    if error.code in (RequestStatus.REQUEST_PROCESSING_FAILED, RequestStatus.GENERIC_ERROR) and error.comment:
        return Message(_FAILED, {"comment": error.comment}, CONTEXT)
    return Message(_OTHER, {"status": error.status_text}, CONTEXT)


def already_running(error: BaseException | None) -> bool:
    """OBS answered a start with OutputRunning: its stream is already starting or on air — not a failure."""
    return isinstance(error, RequestError) and error.code == RequestStatus.OUTPUT_RUNNING


def _reason(error: BaseException) -> str | Message:
    """Why the start was refused, in words: OBS's answer, or what kept it from answering."""
    if isinstance(error, RequestError):
        return refusal(error)
    if isinstance(error, NotAnswering):
        return Message(_NOT_ANSWERING, {}, CONTEXT)
    if isinstance(error, RequestTimeout):
        return Message(_NO_ANSWER, {"seconds": error.timeout}, CONTEXT)
    if isinstance(error, NotConnected):
        return Message(_NOT_CONNECTED, {}, CONTEXT)
    return str(error)


@dataclass(frozen=True)
class GoLive:
    """What the console's last go-live has come to, as the Output dock and the checklist read it."""

    #: Why it did not go on air (None: it did, it is still on its way, or none was tried).
    failure: Message | None = None
    #: On its way: OBS accepted the start, or says the stream is starting; not on air, not failed yet.
    starting: bool = False
    #: Its outcome is not known yet (asked and not answered, starting, or held after a restart: `resumed`).
    undecided: bool = False


class GoLiveWatch:
    """One room's go-live attempts: `failure` says why the last one did not go on air, until the next attempt or
    until the stream is on air; `news` says that with whether it is still on its way. Each method returns whether
    `news` changed."""

    def __init__(self) -> None:
        self.failure: Message | None = None
        #: A start was asked for (or taken up after a restart) and its outcome is not known yet.
        self._watching = False
        #: When OBS accepted it (None: not answered yet, or refused); for a resumed one, when it was taken up.
        self._accepted_at: float | None = None
        #: OBS said the stream was starting since it was asked.
        self._starting = False
        #: The start watched was asked before the console was restarted (`resumed`): not this console's to say it
        #: "did not start" after SILENT_S, nor "starting" before OBS says so.
        self._resumed = False
        #: OBS answered the start "already running" (OutputRunning) and has said nothing of the stream since: the
        #: state read before it (a full read says STOPPED while OBS connects) is no stop of that stream.
        self._running_unheard = False

    @property
    def news(self) -> GoLive:
        undecided = self._watching and self.failure is None
        on_its_way = self._starting or (self._accepted_at is not None and not self._resumed)
        return GoLive(self.failure, undecided and on_its_way, undecided)

    def asked(self) -> bool:
        """The console sends StartStream now: what the last attempt came to no longer stands."""
        before = self.news
        self._watching, self._accepted_at, self._starting, self._resumed = True, None, False, False
        self._running_unheard = False
        self.failure = None
        return self.news != before

    def resumed(self, now: float) -> bool:
        """A go-live asked before the console was restarted, its stream found off air now: it may be connecting
        still (OBS's full read cannot say STARTING). Held undecided until it goes on air, OBS says it stopped, or
        HELD_S passes with OBS saying nothing (then it did not start, said as nothing failed here). A go-live asked
        since, here, is watched as it is."""
        if self._watching:
            return False
        before = self.news
        self._watching, self._accepted_at, self._starting, self._resumed = True, now, False, True
        self.failure = None
        return self.news != before

    def answered(self, error: BaseException | None, now: float) -> bool:
        """OBS's answer to it (or why there was none)."""
        if not self._watching:
            return False
        before = self.news
        if error is None:
            if not self._starting:
                self._accepted_at = now
            return self.news != before
        if already_running(error):
            # OBS's stream is already starting (a start it took before a restart: its full read cannot say
            # STARTING) or on air: followed as a start that said STARTING — on air, or stopped before it.
            self._starting, self._accepted_at, self._running_unheard = True, None, True
            return self.news != before
        if isinstance(error, RequestTimeout):
            # Sent, unanswered: OBS may still start it when it recovers (its events then take this back).
            self._accepted_at = None
        else:
            self._watching = False
        self.failure = Message(REFUSED, {"reason": _reason(error)}, CONTEXT)
        return self.news != before

    def observe(self, state: ObsState, now: float, said: bool = False) -> bool:
        """OBS's state after its latest events (a full read too); `said`: right after a StreamStateChanged."""
        before = self.news
        stream = state.stream
        if not state.connected:
            return False
        stale = self._running_unheard and not said  # the read from before OBS said "already running"
        if said:
            self._running_unheard = False
        if stream.active:  # on air, whoever started it: nothing failed
            self._watching = False
            self.failure = None
        elif not self._watching:
            return False
        elif stream.state == OutputState.STARTING:
            self._starting, self._accepted_at = True, None
            self.failure = None  # a late start takes back "did not start"
        elif self._starting and stream.state == OutputState.STOPPED and not stale:
            self._watching = False
            self.failure = Message(STOPPED, {}, CONTEXT)
        return self.news != before

    def due(self, now: float) -> bool:
        """A few times a second: OBS accepted the start and has said nothing of the stream for SILENT_S (a resumed
        one: HELD_S since it was taken up)."""
        if self._accepted_at is None or self._starting or self.failure is not None or not self._watching:
            return False
        if now - self._accepted_at < (HELD_S if self._resumed else SILENT_S):
            return False
        before = self.news
        if self._resumed:
            self._watching, self._accepted_at = False, None
        else:
            self.failure = Message(SILENT, {"seconds": SILENT_S}, CONTEXT)
        return self.news != before
