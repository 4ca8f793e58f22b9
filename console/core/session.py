"""RoomSession: one broadcast room as one Qt-free object — the OBS link and its tracker, the show's telemetry on
one clock, the health engine, the show writer, the audience source and what checklist checks read.

One clock: each OBS stats poll (the link's own 1 Hz timer, on its thread) becomes exactly one sample at the
poll's time; while no poll arrives (not connected, OBS frozen) `tick()` records the unpolled seconds as gaps,
one a second. Whoever drives the session calls `drain()` when woken and `tick()` a few times a second, always
from the same thread: the console's GUI thread (console/bridge.py turns the news into Qt signals) or a
`SessionDriver` thread (`onair monitor`, `onair check`, a studio of many rooms). Listener callbacks run on
that thread; answers from other threads (the writer, request futures) are posted to the session's mail and
handled there, so the session's objects are only ever changed by one thread. Several sessions can live in
one process, each with its own link, show and threads.
"""

from __future__ import annotations

import logging
import math
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from typing import Any, ClassVar, TypeVar

from console.core.chat.complaints import ComplaintWatcher, FeedComplaints
from console.core.chat.events import ChatEvent
from console.core.chat.room import STOP_WAIT_S, RoomChat, comment_row
from console.core.dbtrouble import DatabaseTrouble
from console.core.rundown import live as rundown_live
from console.core.rundown.live import Mark, RundownRunner, plan_to_json, refusal
from console.core.rundown.model import Rundown
from console.core.telemetry.audience import AudienceSource, DemoAudience
from console.core.telemetry.channels import INDEX, Marker, Sample
from console.core.telemetry.live import MarkerDeriver, Telemetry, compose
from console.core.telemetry.machine import MachineSampler, RoomMachineSampler, stream_host
from console.core.telemetry.writer import ShowWriter
from obs.clock import MONOTONIC, Clock
from obs.commands import (
    Attribution,
    Command,
    GetProfileParameter,
    GetStreamServiceSettings,
    Pending,
    SetProgramScene,
    StartStream,
    simple_output,
)
from obs.errors import Explained
from obs.go_live import GoLive, GoLiveWatch
from obs.health import Change, Finding, HealthEngine
from obs.health_audio import audio_second
from obs.link import ObsLink
from obs.messages import (
    MAY_STILL_STREAM,
    LinkState,
    LinkStatus,
    ObsClosing,
    ObsEvent,
    OutboxItem,
    Snapshot,
    StatsPolled,
    StatusChanged,
)
from obs.meters import MeterFrame, MeterHistory
from obs.on_air import OnAirClock, first_seen_on_air, seen_on_air_until
from obs.protocol import OutputState
from obs.state import ObsState
from obs.stats import Rates
from obs.text import Message
from obs.tracker import ObsTracker
from obs.vocabulary import Kind, marker_detail

LOG = logging.getLogger(__name__)
_Applied = TypeVar("_Applied", bound=OutboxItem)

#: How often the driver looks whether a second went unpolled: cheap, so often enough to keep gaps ≤ 2 s.
TICK_S = 0.25
LIVE = (LinkState.CONNECTED, LinkState.UNRESPONSIVE)
GAVE_UP = (LinkState.AUTH_FAILED, LinkState.INCOMPATIBLE)
#: With no poll for this long the tick records a second itself, without OBS's figures (a gap while OBS is
#: away, frozen or answering later than this): a poll's figures are never repeated for a second not polled.
POLL_MISSING_S = 1.75
#: Two polled samples closer than this are one second: the later one is not recorded.
MIN_SPACING_S = 0.5
#: What the session asks OBS's profile on each connection: name -> (category, parameter).
PROFILE_PARAMETERS = {
    "mode": ("Output", "Mode"),
    "simple_encoder": ("SimpleOutput", "StreamEncoder"),
    "advanced_encoder": ("AdvOut", "Encoder"),
    "video_kbps": ("SimpleOutput", "VBitrate"),
    "audio_kbps": ("SimpleOutput", "ABitrate"),
}


def target_bitrate(mode: Any, video: Any, audio: Any) -> float | None:
    """The stream's configured bitrate (video + audio kbit/s), known only in OBS's simple output mode."""
    if not simple_output(mode):
        return None
    try:
        return float(video) + float(audio)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int
    password: str = ""

    @property
    def url(self) -> str:
        return f"ws://{self.host}:{self.port}"


class SessionListener:
    """What a session tells whoever drives it; every method runs on the driving thread. Override what you need."""

    def state_changed(self, state: ObsState) -> None: ...
    def status_changed(self, status: LinkStatus) -> None: ...
    def meters_updated(self, meters: dict[str, Any]) -> None: ...
    def rates_updated(self, rates: Rates) -> None: ...
    def event_received(self, event: ObsEvent, who: str) -> None: ...
    def obs_closing(self) -> None: ...
    def sampled(self, sample: Sample, markers: list[Marker]) -> None: ...
    def findings_changed(self, changes: list[Change]) -> None: ...
    def history_loaded(self) -> None: ...
    def show_opened(self, show_id: int) -> None: ...
    def storage_problem(self, problem: str | Explained | DatabaseTrouble | None) -> None: ...
    def storage_notice(self, notice: Explained) -> None: ...
    def go_live_changed(self, news: GoLive) -> None: ...  # what the last go-live came to (obs/go_live.py)


def _wall(detail: str) -> float | None:
    """An "OBS connected" marker's stored stream start (wall-clock seconds; `_mark_back`), None when it has none
    (OBS back not streaming, not polled, or stored by a console before it was kept)."""
    try:
        since = float(detail)
    except ValueError:
        return None
    return since if math.isfinite(since) and since > 0 else None


class RoomSession:
    """One room. `name` is the room the show is kept under (None: nothing is stored); `endpoint` its OBS."""

    def __init__(
        self,
        name: str | None,
        endpoint: Endpoint,
        *,
        listener: SessionListener | None = None,
        notify: Callable[[], None] | None = None,
        store: bool = True,
        open_storage: Callable[[], Any] | None = None,
        target_bitrate_kbps: float | None = None,
        audience: AudienceSource | None = None,
        mics: tuple[str, ...] = (),
        sampler: MachineSampler | None = None,
        clock: Clock = MONOTONIC,
        **link_options: Any,
    ) -> None:
        self.endpoint = endpoint
        #: The show's seconds (obs/clock.py): the link polls on it and each poll is sampled at its time.
        self.clock = clock
        self.listener = listener or SessionListener()
        self._notify = notify
        self.store = store
        self._open_storage = open_storage
        #: What the graphs' reference lines are drawn from besides channels; None = not known.
        self.references: dict[str, float | None] = {"target_bitrate_kbps": target_bitrate_kbps or None}
        self._target_from_obs = not target_bitrate_kbps
        self.audience: AudienceSource = audience or DemoAudience()
        #: The room's microphone inputs for the audio rules (empty: audio-capture inputs named mic/麦).
        self.mics = tuple(mics)
        self._own_sampler = sampler is None
        # This computer's CPU and memory are the room's only when its OBS runs here (onair monitor/check too).
        self.sampler = sampler or RoomMachineSampler()
        self.tracker = ObsTracker()
        #: The show's time on air, through OBS's own reconnects to the platform (a wall tile's "on air for").
        self.on_air = OnAirClock()
        self._stream_marked = False  # a stream start or stop heard from OBS in this session
        #: OBS heard again: its marker waits for the first poll to say from when OBS's stream runs (`_mark_back`).
        self._back_marker: Marker | None = None
        #: The show's stored history not in yet: the first connection's "OBS connected" marker waits for it too (its
        #: stream start is the one the console counts from once a stored start is taken up: `_on_history`).
        self._history_pending = False
        self._back_polled = False
        #: Which OBS events this session caused: every request registers what confirms it (obs/commands.py).
        self.attribution = Attribution()
        #: Whether the console's last go-live went on air, and if not, why (said in the Output dock).
        self.go_live = GoLiveWatch()
        self._meter_history = MeterHistory()
        #: The meters the listener is told next: the drain's newest levels with the highest peaks since the last one.
        self._meter_frame = MeterFrame()
        #: Meter history is kept only while someone listens (a checklist check): the driver is spared it.
        self.meter_listeners = 0
        self._deriver = MarkerDeriver()
        self._encoder: str | None = None
        self.name: str | None = None
        self.telemetry = Telemetry()
        self.health = HealthEngine(references=self.references)
        self.show_id: int | None = None
        #: The show taken up at start was on air in its last stored second.
        self.resumed_on_air = False
        self._writer: ShowWriter | None = None
        self._retiring: list[ShowWriter] = []  # earlier shows' writers, finishing in the background
        #: Writers of sessions closed before this one (a room switch), still finishing: see follow().
        self._follow: list[ShowWriter] = []
        self._unsaved_findings: list[dict[str, Any]] = []
        self._markers: list[Marker] = []  # since the last sample
        # The first second is OBS's first poll when OBS answers within a second of the session's making (a console
        # starting up, a room reached at once): a gap row recorded just before it stored that second twice.
        self._last_sample_t = clock.now()
        self._polls_missing = True
        self._mail: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._wake_pending = threading.Event()
        #: Held while the driver changes the session: a reader on another thread (the monitor's printer) takes it.
        self.lock = threading.RLock()
        self._closed = False
        #: The profile questions in flight (their answers are applied once all are in).
        self._asked: dict[str, Future[Any]] = {}
        self.link = ObsLink(
            endpoint.host, endpoint.port, endpoint.password, notify=self._wake, clock=clock, **link_options
        )
        self._pending_name = name
        #: The room's rundown run live on this show (issue 19); `rundown_listener(mark, why)` hears each mark
        #: stamped or settled (`why`: a refused switch's reason) and, with (None, None), a runner made anew.
        self.rundown = RundownRunner(Rundown(name or ""))
        self.rundown_listener: Callable[[Mark | None, Message | None], None] | None = None
        self._rundown_snapshot_stored = False
        #: Who stores the marks instead of the show writer (the console's RundownController: each new mark is
        #: claimed in the database at once, so two consoles of the room cannot both take the same boundary).
        self.rundown_store: Callable[[list[Mark], dict[str, Any] | None], None] | None = None
        #: The room's comment sources (console/core/chat/room.py), or None: read once a sample, never owned here.
        self.chat: RoomChat | None = None
        #: The viewers' complaints read from the chat's feed each second for the health engine (keyword alerts).
        self.complaint_watcher = ComplaintWatcher()
        self._complaints: FeedComplaints | None = None
        #: Chats replaced while this session stores its show, whose sources are still stopping: what they still read
        #: is this show's (`store_chat_comments`).
        self._retired_chats: list[RoomChat] = []

    # ------------------------------------------------------------------ life
    def start(self) -> RoomSession:
        if self._own_sampler:
            self.sampler.start()
        self.sampler.watch(None, self.endpoint.host, self.endpoint.port)
        self.audience.start()
        self.link.start()
        self._open_show(self._pending_name)
        return self

    def close(self, end_show: bool = False, wait: bool = True) -> None:
        """Stop the link and the sources; write what is left (`wait`: up to 10 s, then spill to a file). The
        show stays open unless `end_show`, so a restart continues it."""
        if self._closed:
            return
        self._closed = True
        self.link.stop(timeout=5.0 if wait else 0.0)
        self._mark_back()  # OBS heard again but not polled yet: stored as back, its stream not known
        self.store_chat_comments()  # read since the last sample: stored with this show, not lost with the session
        if self._writer is not None:
            self._writer.late_comments = self._late_comments()
        self._stop_writer(end_show=end_show, wait=wait)
        if wait:
            self.join()
        self.audience.stop()
        if self._own_sampler:
            self.sampler.stop()

    def show_over(self) -> bool:
        """The show's stream is over: it went on air (a second of it streamed, resumed history included) and OBS,
        answering, says it is off air now. A console closing then ends the show (unless another console of the
        room still records it); one on air, or whose OBS cannot say, or that never went on air (a preparation that
        a restart continues), keeps it open for a restart to resume."""
        state = self.tracker.state
        return state.connected and not state.stream.active and self.went_on_air()

    def show_goes_on(self) -> bool:
        """Left now for another room, the show stays open for the console's return (a switch away and back is one
        broadcast, as a quit and a restart are): its stream is on air, or OBS cannot say whether it still is — not
        answering after the show went on air, or before the show's stored history is in. A show whose stream is
        over, or that never went on air (OBS answering), ends with the switch."""
        state = self.tracker.state
        if state.connected:
            return state.stream.active
        return self._history_pending or self.went_on_air()

    def went_on_air(self) -> bool:
        """A second of the show streamed (resumed history included)."""
        if not len(self.telemetry.ring):
            return False
        import numpy as np  # loaded with the ring's first row (console/core/telemetry/ring.py)

        _, values = self.telemetry.ring.last(len(self.telemetry.ring))
        return bool(np.any(values[:, INDEX["streaming"]] >= 0.5))

    def closing_writers(self) -> list[ShowWriter]:
        """The writers of this session's shows still finishing in the background (after a close without waiting)."""
        return list(self._retiring)

    def follow(self, writers: list[ShowWriter]) -> None:
        """Before start: writers of sessions closed just before (a console switched rooms), still finishing. This
        session's room's show is opened only once the one among them of the same room has ended its show: switched
        away and straight back, the show being ended would otherwise be resumed here and then ended under it."""
        self._follow = list(writers)

    def join(self, timeout: float = 10.0) -> None:
        """Wait for the writers of this session's shows to finish (after a close without waiting)."""
        for writer in self._retiring:
            writer.join(timeout)
        self._retiring.clear()

    def __enter__(self) -> RoomSession:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def state(self) -> ObsState:
        """The newest OBS state (immutable: safe to read from any thread)."""
        return self.tracker.state

    @property
    def status(self) -> LinkStatus:
        return self.tracker.status

    @property
    def gave_up(self) -> bool:
        return self.tracker.status.state in GAVE_UP

    # ------------------------------------------------------------------ the show
    def set_room(self, name: str | None) -> None:
        """The show is kept under this room from now on: the current show ends (unless its stream goes on:
        show_goes_on) and a new one (or the room's unfinished one) begins. Its last rows are written in the
        background: a slow or failing database must not hold the driver."""
        if name != self.name:
            self._open_show(name)

    def _open_show(self, name: str | None) -> None:
        # The show left ends unless its stream goes on (asked before its history stops being awaited): back in that
        # room, the console resumes it.
        end = self.name is not None and not self.show_goes_on()
        self._mark_back()  # the show being left's
        self._history_pending = False
        before = self._writer
        if before is None:  # the session's first show: after the same room's show of a session closed just before
            before = next((w for w in reversed(self._follow) if w.room == name and w.is_alive()), None)
            self._follow = []
        self._stop_writer(end_show=end, wait=False)
        if self.name is not None or len(self.telemetry.ring) or self.telemetry.markers:
            # Another show: its own seconds and findings (a 12-hour ring is ~10 MB, so not made for nothing).
            self.telemetry = Telemetry()
            self.health = HealthEngine(self._encoder, references=self.references)
        self.name = name
        self._unsaved_findings = []
        self.show_id = None
        self._new_rundown(RundownRunner(Rundown(name or "")))
        if name is not None and self.store:
            self._writer = ShowWriter(
                name,
                lambda *answer: self._post(lambda: self._on_history(*answer)),
                lambda problem: self._post(lambda: self.listener.storage_problem(problem)),
                self._open_storage,
                on_notice=lambda notice: self._post(lambda: self.listener.storage_notice(notice)),
                on_rundown=lambda marks, snapshot: self._post(lambda: self._on_rundown_history(marks, snapshot)),
                after=before,
            ).start()
            self._history_pending = True
            self.health.await_history()

    def set_mics(self, names: tuple[str, ...]) -> None:
        self.mics = tuple(names)

    def set_audience(self, source: AudienceSource) -> None:
        """Use this audience source from now on (the previous one stops; its polling thread ends on its own)."""
        if source is self.audience:
            return
        self.audience.stop()
        self.audience = source
        source.start()

    def attach_chat(self, chat: RoomChat | None) -> None:
        """Sample this room's comments from now on (None: no comments are read; the two channels are unknown).
        Whoever made the RoomChat starts and stops it; comments it holds from before are stored with this show.

        The chat it replaces (the room's sources edited, or let go before a room switch) is not forgotten: what it
        read since the last sample is stored with this show now, and what it still reads while its sources stop is
        stored with the next samples (or at the close) until it has stopped — a switch or an edit lost the last
        second's comments while the Q&A queue kept the questions among them."""
        old = self.chat
        self.chat = chat
        self._complaints = None if chat is None else FeedComplaints(chat.feed, self.complaint_watcher)
        if old is not None and old is not chat:
            if old not in self._retired_chats:
                self._retired_chats.append(old)
            self.store_chat_comments()

    def set_complaint_words(self, keywords: tuple[str, ...], own_names: tuple[str, ...] = ()) -> None:
        """The team's keywords (setting chat/keywords) and own names (chat/own_names) for the keyword alerts."""
        self.complaint_watcher.set_words(keywords, own_names)

    def _chat_sample(self, sample: Sample) -> Sample:
        """The sample with the trailing minute's comments and chatters (unknown without a source that is OK), and
        the comments since the last sample handed to the show writer."""
        chat = self.chat
        if chat is None:
            return sample
        reading = chat.reading(sample.t)
        if reading is not None:
            values = list(sample.values)
            values[INDEX["comments_per_min"]] = float(reading.comments)
            values[INDEX["chatters_per_min"]] = float(reading.chatters)
            sample = replace(sample, values=tuple(values))
        self.store_chat_comments()
        return sample

    def store_chat_comments(self) -> None:
        """Hand the comments read since the last sample to the show writer (each second; and at a close, so the last
        second's are kept too: the Q&A queue's last pump stores its questions from them) — the attached chat's and
        those of chats it replaced that are still stopping."""
        comments: list[ChatEvent] = []
        still: list[RoomChat] = []
        for retired in self._retired_chats:
            ended = retired.ended  # looked at before taking: an ended chat adds nothing after the take
            comments += retired.take_unstored()
            if not ended:
                still.append(retired)
        self._retired_chats = still
        chat = self.chat
        comments += chat.take_unstored() if chat is not None else []
        if comments and self._writer is not None:
            offset = self.telemetry.wall_offset
            self._writer.put_comments([comment_row(event, offset) for event in comments])

    def _late_comments(self) -> Callable[[], list[dict[str, Any]]] | None:
        """At a close: what the chats still stopping read until they end, for the writer's last flush (on its thread,
        which may wait for them; the driver does not). None when every chat has ended."""
        stopping = [chat for chat in self._retired_chats if not chat.ended]  # (the attached one: its owner stops it)
        if not stopping:
            return None
        offset = self.telemetry.wall_offset

        def take() -> list[dict[str, Any]]:
            rows: list[dict[str, Any]] = []
            for chat in stopping:
                chat.join(STOP_WAIT_S)
                rows += [comment_row(event, offset) for event in chat.take_unstored()]
            return rows

        return take

    def set_password(self, password: str) -> None:
        self.endpoint = Endpoint(self.endpoint.host, self.endpoint.port, password)
        self.link.configure(self.endpoint.host, self.endpoint.port, password)

    def _stop_writer(self, end_show: bool, wait: bool) -> None:
        if self._writer is not None:
            self._writer.put(*self.telemetry.take_unsaved(), self._take_findings())
            self._writer.stop(end_show=end_show, timeout=10.0 if wait else 0.0)
            if not wait:
                self._retiring.append(self._writer)
            self._writer = None

    def _on_history(self, show: Any, resumed: bool, rows: Any, markers: Any, findings: Any) -> None:
        if self._writer is None or show.room != self.name:
            return  # a late answer for a show already left
        self.show_id = show.id
        self._history_pending = False
        self.listener.show_opened(show.id)
        # Whether the show was on air in its last stored second (the restart's words say so only then).
        self.resumed_on_air = bool(resumed and rows and rows[-1].get("streaming"))
        if resumed and (rows or markers):
            self.telemetry.load_history(rows, markers)
            ring = self.telemetry.ring
            if len(ring):
                # Stored seconds may reach past a poll still on its way (one asked before they were read, or a
                # second console writing the same room): a second already held is not recorded again.
                self._last_sample_t = max(self._last_sample_t, ring.last_time())
            self.listener.history_loaded()
            self._resume_on_air(rows, markers)
        if self._back_polled:  # OBS polled before: what the console counts from now, a stored start taken up
            self._mark_back(self.on_air.since)
        earlier = [Finding.from_row(row, self.telemetry.wall_offset) for row in findings or ()] if resumed else []
        was_open = [f for f in earlier if f.active]
        # The episodes that opened while the history was read are told now: one going on an episode the restart
        # cut off as that one (its start, its row), not as new.
        held = self.health.history_in(earlier)
        # Open when the session stopped: closed now (the engine opens them anew if the figures say so).
        self._unsaved_findings.extend(f.to_row() for f in was_open)
        self._note_findings(held)
        if earlier or held:
            self.listener.findings_changed(held)

    def _resume_on_air(self, rows: Any, markers: Any) -> None:
        """A console restarted mid-show counts the time on air from the stream start it stored (OBS's own figure
        restarts at each reconnect to the platform), when what it stored shows that stream running on since. OBS
        lost and heard again: its "OBS connected" marker holds the stream start then decided (`_mark_back`), and the
        stream is followed on from there (a freeze and a reconnect after it: the show's start; OBS restarted: its
        new stream's)."""
        if self._stream_marked:
            return  # a start or stop heard since this console started: that is the stream now
        offset = self.telemetry.wall_offset
        stored = sorted((float(m["t"]) - offset, str(m["kind"]), str(m.get("detail") or "")) for m in markers)
        seconds = [(float(row["t"]) - offset, row.get("streaming")) for row in rows]
        stream = [(t, kind) for t, kind, _ in stored if kind in ("stream_start", "stream_stop")]
        if stream and stream[-1][1] == "stream_stop":
            return  # seen stopping last
        after = stream[-1][0] if stream else None
        back = [(t, since) for t, kind, detail in stored if kind == "obs_connected" and (since := _wall(detail))]
        back = [(t, since - offset) for t, since in back if after is None or t >= after]
        if back:  # OBS heard again since the stream started: from there, with the start it then had
            followed, start = back[-1]
        elif stream:
            followed = start = stream[-1][0]
        else:  # a console that joined the stream running: from when it first saw it (since OBS's lost, if it was)
            lost_last = max((t for t, kind, _ in stored if kind == "obs_lost"), default=None)
            first = first_seen_on_air(seconds, lost_last)
            if first is None:
                return
            followed = start = first
        lost = next((t for t, kind, _ in stored if kind == "obs_lost" and t >= followed), None)
        seen = seen_on_air_until(seconds, followed, lost)
        if seen is not None:
            reconnecting = any(
                float(row["t"]) - offset == seen and (row.get("reconnecting") or 0) >= 0.5 for row in rows
            )
            self.on_air.resume(start, seen, reconnecting=reconnecting)

    # ------------------------------------------------------------------ requests
    def request(
        self, request_type: str, data: dict[str, Any] | None = None, timeout: float | None = None
    ) -> Future[Any]:
        """Send a request (never waits). Call on the driving thread: the event that confirms it is credited
        to this console; a failed request withdraws that."""
        # Registered before sending: OBS may emit the confirming event before it answers the request.
        pending = self.attribution.expect(request_type, data or {}, self.tracker.state)
        return self._sent(pending, self.link.request(request_type, data, timeout), request_type)

    def send(self, command: Command, timeout: float | None = None) -> Future[Any]:
        """Send a typed command (obs/commands.py); call on the driving thread. The events that confirm it are
        credited to this console; a failed command withdraws that."""
        pending = self.attribution.expect_command(command, self.tracker.state)
        future = self.link.request(command.request_type, command.data(), timeout)
        return self._sent(pending, future, command.request_type)

    def _sent(self, pending: Pending | None, future: Future[Any], request_type: str) -> Future[Any]:
        if request_type == StartStream.request_type:
            self._go_live_told(self.go_live.asked())
            # The answer is taken on this thread, in order with the events OBS sent before it.
            future.add_done_callback(lambda done: self._post(lambda: self._go_live_answered(done)))
        if pending is not None:

            def settled(done: Future[Any]) -> None:
                if done.exception() is not None:
                    self._post(lambda: self.attribution.withdraw(pending))

            future.add_done_callback(settled)
        return future

    def request_blocking(
        self, request_type: str, data: dict[str, Any] | None = None, timeout: float = 5.0
    ) -> dict[str, Any]:
        """For worker threads only (never the driving thread): send and wait. Not attributed."""
        result: dict[str, Any] = self.link.request(request_type, data, timeout).result(timeout + 1.0)
        return result

    def meter_history(self, input_name: str, since: float) -> list[tuple[float, list[list[float]]]]:
        """Recent levels of one input (kept while `meter_listeners` > 0); safe from any thread."""
        return self._meter_history.since(input_name, since)

    # ------------------------------------------------------------------ driving
    def _wake(self) -> None:
        """From the link's threads and the writer: one wake-up in flight at a time."""
        if not self._wake_pending.is_set():
            self._wake_pending.set()
            if self._notify is not None:
                self._notify()

    def call_soon(self, job: Callable[[], None]) -> None:
        """Run `job` on the driving thread at the next drain (how another thread sends a command)."""
        self._post(job)

    def _post(self, job: Callable[[], None]) -> None:
        """Run `job` on the driving thread at the next drain."""
        self._mail.put(job)
        self._wake()

    def drain(self) -> None:
        """Apply what the link and the session's helpers produced so far. On the driving thread."""
        self._wake_pending.clear()
        with self.lock:
            while True:
                try:
                    job = self._mail.get_nowait()
                except queue.Empty:
                    break
                try:
                    job()
                except Exception:
                    LOG.exception("a session job failed")
            self._drain_link()

    def _drain_link(self) -> None:
        items = self.link.drain(limit=5000)
        before = self.tracker.state
        for item in items:
            for applied in self._track(item):
                handler = self._ITEM_HANDLERS.get(type(applied))
                if handler is not None:
                    handler(self, applied)
        # A program-scene change in studio mode that nothing followed (a transition that does not swap), or a
        # studio-mode exit whose reload said nothing more.
        for applied in self._credit_exit(self.tracker.release_due()):
            self._item_event(applied)
        if self.tracker.state is not before:
            self.listener.state_changed(self.tracker.state)
            self._go_live_told(self.go_live.observe(self.tracker.state, self.clock.now()))
        if self._meter_frame:
            frame = self._meter_frame.take()
            if self.tracker.status.state in LIVE:  # levels from before the link dropped are no longer true
                self.listener.meters_updated(frame)

    def _track(self, item: OutboxItem) -> list[OutboxItem]:
        """Apply one link item to the tracker: the items that took effect (none, and the state re-read, if it could
        not be; none while a program-scene event waits in studio mode, several once it is settled)."""
        try:
            applied = self.tracker.accept(item)
        except Exception as exc:  # checked at the wire, so a bug: never a dead driver, and the state re-read
            LOG.exception("could not apply %s", type(item).__name__)
            self.link.resync(f"could not apply {type(item).__name__}: {type(exc).__name__}: {exc}"[:300])
            return []
        return self._credit_exit(applied)

    def _credit_exit(self, applied: list[_Applied]) -> list[_Applied]:
        """What the tracker applied, less a studio-mode exit that moved the program scene: that is one change, said
        here, credited to whoever turned studio mode off (whichever order OBS's events came in)."""
        folded = self.tracker.folded
        if folded is None:
            return applied
        # The folded change and its exit come first, or (settled by the item that came after them, before their
        # wait ended) followed by that item: the rest is handled after them, in order.
        for index in range(len(applied) - 1):
            exit_event = applied[index + 1]
            if applied[index] is folded and isinstance(exit_event, ObsEvent):
                who = self.attribution.attribute(exit_event.event_type, exit_event.data)
                self._on_event(folded, who)
                self._on_event(exit_event, who)
                return [*applied[:index], *applied[index + 2 :]]
        return applied

    def _item_event(self, item: ObsEvent) -> None:
        if item.event_type == "InputVolumeMeters":
            self._meter_frame.add(item.data.get("inputs"))
            if self.meter_listeners:
                self._meter_history.record(item)
            return
        self._on_event(item, self.attribution.attribute(item.event_type, item.data))

    def _item_status(self, item: StatusChanged) -> None:
        status = item.status
        may_stream = status.lost_since is not None and status.loss in MAY_STILL_STREAM
        if status.state not in LIVE and not may_stream:
            # OBS closed, crashed or let go of: when it is back, its own figure says from when it streams. A frozen
            # or unreachable OBS may stream on: the show's time on air runs on with it (the wall keeps it on air).
            self.on_air.forget()
        self._on_status(item)

    def _item_stats(self, item: StatsPolled) -> None:
        if self.tracker.rates is not None:
            self.on_air.update(self.tracker.rates)
            back = self.on_air.take_back_start()
            if back is not None and self._history_pending and back[0] is not None:
                self._back_polled = True  # stored with the start the show's history leads to (`_on_history`)
            elif back is not None:
                self._mark_back(back[0])
            self.listener.rates_updated(self.tracker.rates)
            self._on_poll(self.tracker.rates)

    def _go_live_answered(self, done: Future[Any]) -> None:
        now = self.clock.now()
        changed = self.go_live.answered(done.exception(), now)
        # Refused because it is on air already (500 OutputRunning: started in OBS meanwhile): nothing failed; refused
        # while OBS connects it, it is followed as starting (`GoLiveWatch.answered`).
        changed |= self.go_live.observe(self.tracker.state, now)
        self._go_live_told(changed)

    def _go_live_told(self, changed: bool) -> None:
        if changed:
            self.listener.go_live_changed(self.go_live.news)

    def hold_go_live(self) -> bool:
        """A go-live asked before the console was restarted finds the stream off air: OBS may still be connecting it
        (its full read cannot say so), so its outcome is held undecided (`GoLiveWatch.resumed`), and told when known.
        Returns whether it is held (False: a go-live asked here since is watched as it is)."""
        changed = self.go_live.resumed(self.clock.now())
        self._go_live_told(changed)
        return changed

    def _item_closing(self, item: ObsClosing) -> None:
        self.listener.obs_closing()

    def _item_snapshot(self, item: Snapshot) -> None:
        self.attribution.clear()
        if item.stream_ms is not None and item.read_at is not None:
            self.on_air.joined(item.read_at, item.stream_ms)  # a stop before the first poll says its time on air
        # The scene on program when OBS is joined (at start, after a restart or a lost link) is a fact of the show:
        # without it a review cannot say what was on air until the first switch, and a switch while the console
        # was away would go unrecorded.
        scene = getattr(item.state, "program_scene", None)
        if scene:
            self._mark(Marker(self.clock.now(), "scene", str(scene)))

    # What the session does with each kind of link item, once the tracker has applied it.
    _ITEM_HANDLERS: ClassVar[dict[type[Any], Callable[[RoomSession, Any], None]]] = {
        ObsEvent: _item_event,
        StatusChanged: _item_status,
        StatsPolled: _item_stats,
        ObsClosing: _item_closing,
        Snapshot: _item_snapshot,
    }

    def tick(self, now: float | None = None) -> None:
        """A few times a second: say a stuck database, drain, and record an unpolled second as a gap."""
        if self._writer is not None:
            self._writer.watch()  # a database that stopped answering is said while it lasts
        self.drain()  # polls that waited behind a busy driver become their seconds first
        now = self.clock.now() if now is None else now
        self._go_live_told(self.go_live.due(now))
        # The first unpolled second waits POLL_MISSING_S (a poll may be a little late); once OBS is away the
        # gap is recorded second by second, as the polls would have been.
        if now - self._last_sample_t >= (1.0 if self._polls_missing else POLL_MISSING_S):
            self._polls_missing = True
            with self.lock:
                self._sample(now, polled=False)

    def _on_poll(self, rates: Rates) -> None:
        """One poll, one sample, at the time OBS was asked (several may arrive in one drain after a stall)."""
        # After a recorded gap a poll asked later is recorded even if close: otherwise gaps ticked just before
        # each poll could hide every poll of a connected OBS (the tick's and the poll's phases lock).
        after_gap = self._polls_missing and rates.t > self._last_sample_t
        if after_gap or rates.t - self._last_sample_t >= MIN_SPACING_S:
            self._polls_missing = False
            self._sample(rates.t, polled=True)

    def _sample(self, now: float, polled: bool) -> None:
        ring = self.telemetry.ring
        if len(ring) and now <= ring.last_time():
            return  # a second the show already holds (its stored history reaches past this one): never twice
        self._last_sample_t = now
        tracker = self.tracker
        live = tracker.status.state in LIVE
        rates = tracker.rates if polled else None
        sample = compose(now, tracker.state, live, rates, self.sampler.latest, self.audience.current(now))
        sample = self._chat_sample(sample)
        self.telemetry.record(sample)
        connected = tracker.status.state is LinkState.CONNECTED
        levels = tracker.audio_levels.take()
        self.health.audio = audio_second(tracker.state, levels, self.mics) if connected else None
        self.health.complaints = None if self._complaints is None else self._complaints.reports(now)
        self.health.video = tracker.state.video
        # Why OBS is not heard, as the link knows it (closed, frozen, its computer unreachable): the finding says
        # which, where, and for how long counted as the status bar's "OBS lost for" counts it, from when OBS was last
        # heard (the link's real-time count: a manual clock's seconds are not its seconds).
        status = tracker.status
        unheard = status.lost_for(time.monotonic()) if self.clock.real else None
        changes = self.health.feed(
            now, sample.as_dict(), connected, status.loss, f"{self.endpoint.host}:{self.endpoint.port}", unheard
        )
        self._note_findings(changes)
        # An open finding's row follows it (the writer keeps the newest per episode): a console stopped or
        # crashed mid-episode reads back how long it had lasted, not just the second it opened.
        self._unsaved_findings.extend(f.to_row() for f in self.health.active())
        if self._writer is not None:
            self._writer.put(*self.telemetry.take_unsaved(), self._take_findings())
        else:
            self.telemetry.take_unsaved()  # nothing stores them: do not pile them up
            self._take_findings()
        markers, self._markers = self._markers, []
        self.listener.sampled(sample, markers)
        if changes:
            self.listener.findings_changed(changes)

    def _note_findings(self, changes: list[Change]) -> None:
        """Each change is kept with the show; a finding that opens or gets worse is a marker on every graph."""
        for change in changes:
            finding = change.finding
            self._unsaved_findings.append(finding.to_row())
            if change.kind in ("opened", "raised"):
                self._mark(
                    Marker(finding.last_seen, f"finding_{finding.severity}", marker_detail(finding.id, finding.fields))
                )
            if change.kind == "opened" and finding.id == Kind.STREAM_NOT_RESUMED:
                # OBS came back not streaming: the stream ended with no StreamStateChanged to say so (OBS was
                # killed or crashed). Its end is marked when OBS was last heard streaming, as far as this knows.
                lost_t = finding.fields.get("lost_t")
                self._mark(
                    Marker(lost_t if isinstance(lost_t, float) else finding.first_seen, "stream_stop", "obs_lost")
                )

    def _mark_back(self, start: float | None = None) -> None:
        """The "OBS connected" marker of OBS heard again, held until its first poll: with the show's stream start
        then decided (wall-clock seconds; empty when OBS streams not or it is not known; at the console's first
        connection, once the show's history is in, the start it then counts from: OBS's own figure, or the stored
        start it took up — a console that joined a running stream keeps its real start so). A console restarted later
        counts on from it (`_resume_on_air`): a frozen OBS's stream and a restarted OBS's new one are told apart
        here, where OBS itself says which (obs/on_air.py), and not guessed later from the stored seconds."""
        marker, self._back_marker = self._back_marker, None
        self._back_polled = False
        if marker is not None:
            detail = "" if start is None else f"{start + self.telemetry.wall_offset:.3f}"
            self._mark(replace(marker, text=detail))

    def _take_findings(self) -> list[dict[str, Any]]:
        rows, self._unsaved_findings = self._unsaved_findings, []
        return rows

    def _mark(self, marker: Marker) -> None:
        self.telemetry.mark(marker)
        self._markers.append(marker)

    # ------------------------------------------------------------------ markers, audience, what OBS is set to
    def said_at(self, event: ObsEvent) -> float:
        """When OBS said `event`, on the room's clock: as the link received it, the one instant its marker, its
        event-log line and a stream's time on air are told from. The link stamps on the real clock; a manual clock
        (tests) stands still between the receipt and its drain, so there it is now."""
        return event.received_at if self.clock.real else self.clock.now()

    def _on_event(self, event: ObsEvent, who: str) -> None:
        if isinstance(self.audience, DemoAudience):
            self.audience.feed(event.event_type, event.data, event.received_at)
        if event.event_type == "StreamStateChanged" and event.data.get("outputState") == OutputState.STOPPING:
            self.on_air.stopping(self.clock.now())  # the time on air ends when the stream stops going out
        if event.event_type == "StreamStateChanged":
            # Each of the stream's states as it comes: STARTING and STOPPED read in one drain are still a start that
            # stopped before going on air (the state at the drain's end says only STOPPED).
            self._go_live_told(self.go_live.observe(self.tracker.state, self.clock.now(), said=True))
        # Marked when OBS said it: the instant the event log's line shows and the stop line counts from (`said_at`).
        markers = [replace(marker, t=self.said_at(event)) for marker in self._deriver.markers(event)]
        for marker in markers:
            if marker.kind in ("stream_start", "stream_stop"):
                # Stopped and started again between two polls: the time on air is the new stream's alone (a poll
                # asked before now speaks of the earlier one). Before the event is said: a stop is said with the
                # time on air from the start's marker to the stop's (`said_s`), the review's figure.
                self._stream_marked = True
                self.on_air.restart(self.clock.now(), started=marker.kind == "stream_start", said_at=marker.t)
        self.listener.event_received(event, who)
        for marker in markers:
            self._mark(marker)
            if marker.kind == "stream_start":
                self._ask_about_the_stream()  # the server may have been changed for this stream

    def _on_status(self, item: StatusChanged) -> None:
        self.listener.status_changed(item.status)
        for marker in self._deriver.markers(item):
            if marker.kind == "obs_connected":
                # Stored once OBS's first poll has said from when its stream runs (`_mark_back`).
                self._mark_back()
                self._back_marker = marker
                self.on_air.heard_again(marker.t)
                continue
            self._mark_back()  # lost again before a poll: OBS back, nothing known of its stream
            self._mark(marker)
        if item.status.state is LinkState.CONNECTED:
            self._ask_about_the_stream()

    def _ask_about_the_stream(self) -> None:
        """Once per connection and stream start: where the stream goes (its interface's upload is measured),
        which encoder streams (the remedies for encoding lag depend on it) and the bitrate it was set to. Sent
        without waiting; the answers are applied on the driving thread once all are in, so a frozen OBS never
        holds anything up (an unanswered question leaves what was known; a newer question replaces it)."""
        reads: dict[str, Command] = {"route": GetStreamServiceSettings()}
        reads.update({name: GetProfileParameter(*where) for name, where in PROFILE_PARAMETERS.items()})
        asked = {name: self.link.request(read.request_type, read.data(), 3.0) for name, read in reads.items()}
        self._asked = asked
        for future in asked.values():
            future.add_done_callback(lambda _: self._post(lambda: self._take_answers(asked)))

    def _take_answers(self, asked: dict[str, Future[Any]]) -> None:
        if asked is not self._asked or not all(future.done() for future in asked.values()):
            return
        self._asked = {}
        answers = {name: (None if f.exception() is not None else f.result()) for name, f in asked.items()}
        if answers["route"] is not None:
            self.sampler.watch(stream_host(answers["route"]), self.endpoint.host, self.endpoint.port)
        if answers["mode"] is None:
            return  # the profile could not be read: keep what was known
        value = {name: GetProfileParameter.value(answers[name]) for name in PROFILE_PARAMETERS}
        mode = value["mode"]
        encoder = value["advanced_encoder"] if mode == "Advanced" else value["simple_encoder"]
        self._encoder = encoder if isinstance(encoder, str) else None
        self.health.set_encoder(self._encoder)
        if self._target_from_obs:
            self.references["target_bitrate_kbps"] = target_bitrate(mode, value["video_kbps"], value["audio_kbps"])

    def reference(self, name: str) -> float | None:
        """A reference line's base value: a session reference, else the newest known value of that channel in
        this show. A target does not vanish because OBS paused: a frozen or absent OBS's seconds are gaps, and
        its lines keep their last known level meanwhile."""
        if name in self.references:
            return self.references[name]
        value = self.telemetry.value(name)
        if value is None and name in INDEX:
            import numpy as np  # loaded with the ring's first row (console/core/telemetry/ring.py), not at start-up

            _, values = self.telemetry.ring.last(len(self.telemetry.ring))
            known = np.flatnonzero(np.isfinite(values[:, INDEX[name]]))
            value = float(values[known[-1], INDEX[name]]) if len(known) else None
        return value

    # ------------------------------------------------------------------ the rundown: the live runner's hook (#19)
    def rundown_take(self, action: str, who: str = "") -> Mark:
        """Go, skip, repeat or end (console/core/rundown/live.py) on the driving thread. The boundary is stamped
        and handed to the show writer FIRST; then a take whose segment has a scene switches to it with the typed
        SetProgramScene, sent through the session (its confirming event is credited to this console, as for the
        Scenes dock). A switch that cannot be made (OBS away, no such scene, OBS refusing) leaves the boundary
        stamped and settles the mark as refused with the reason. Raises RundownStateError when the action does
        not apply now."""
        runner = self.rundown
        act = {"go": runner.go, "skip": runner.skip, "repeat": runner.repeat, "end": runner.end}[action]
        mark = act(who)
        self._store_marks([mark])
        self._tell_rundown(mark, None)
        if mark.outcome == rundown_live.PENDING:
            self._switch_for(runner, mark)
        return mark

    def rundown_replanned(self, who: str = "") -> Mark | None:
        """The plan (edited, imported) gives the segment on air another length than it ran to: the change is
        stamped and stored as a LENGTH mark — what was planned at Go stays in the record beside what it became,
        when and by whom. None when nothing changed for the segment on air."""
        mark = self.rundown.replan(who)
        if mark is not None:
            self._store_marks([mark])
            self._tell_rundown(mark, None)
        return mark

    def _switch_for(self, runner: RundownRunner, mark: Mark) -> None:
        state = self.tracker.state
        if not state.connected:
            self._switch_refused(runner, mark.seq, refusal(rundown_live.NOT_CONNECTED))
        elif mark.scene not in state.scenes:
            self._switch_refused(runner, mark.seq, refusal(rundown_live.NO_SUCH_SCENE, scene=mark.scene))
        else:
            future = self.send(SetProgramScene(mark.scene), 5.0)
            future.add_done_callback(lambda done: self._post(lambda: self._switch_answered(runner, mark.seq, done)))

    def _switch_answered(self, runner: RundownRunner, seq: int, done: Future[Any]) -> None:
        error = done.exception()
        if error is not None:
            said = getattr(error, "status_text", None) or str(error) or type(error).__name__
            self._switch_refused(runner, seq, refusal(rundown_live.OBS_REFUSED, error=said))
            return
        mark = runner.settle(seq, True)
        if mark is not None and runner is self.rundown:
            self._store_marks([mark])
            self._tell_rundown(mark, None)

    def _switch_refused(self, runner: RundownRunner, seq: int, why: Message) -> None:
        mark = runner.settle(seq, False, why)
        if mark is None or runner is not self.rundown:
            return  # a switch of a show already left
        LOG.warning("rundown: %s: the switch to %r was refused: %s", mark.title, mark.scene, why.explain())
        self._store_marks([mark])
        self._tell_rundown(mark, why)

    def _store_marks(self, marks: list[Mark]) -> None:
        """Marks (and, with the first take, the plan as it was then) go to the show writer's thread."""
        snapshot = self.rundown.snapshot
        row = None
        if snapshot is not None and not self._rundown_snapshot_stored:
            self._rundown_snapshot_stored = True
            row = {
                "room": snapshot.plan.room or (self.name or ""),
                "taken_at": snapshot.taken_at,
                "planned_start": snapshot.planned_start,
                "segments": plan_to_json(snapshot.plan),
            }
        if self.rundown_store is not None:
            self.rundown_store(marks, row)  # the console stores them at once: another console of the room may race
        elif self._writer is not None:
            self._writer.put_rundown([mark.as_row() for mark in marks], row)

    def _tell_rundown(self, mark: Mark | None, why: Message | None) -> None:
        if self.rundown_listener is not None:
            self.rundown_listener(mark, why)

    def _new_rundown(self, runner: RundownRunner) -> None:
        self.rundown = runner
        self._rundown_snapshot_stored = runner.snapshot is not None
        self._tell_rundown(None, None)

    def _on_rundown_history(self, marks: list[Mark], snapshot: rundown_live.Snapshot | None) -> None:
        """A resumed show's stored marks: the runner continues from them (on the plan it has, else the one
        stored at the first Go)."""
        if self._writer is None or self.rundown.started:
            return  # a late answer for a show already left, or a show already run on since
        plan = self.rundown.plan
        if not plan.segments and snapshot is not None:
            plan = snapshot.plan
        runner = RundownRunner.resume(plan, marks, snapshot)
        self._new_rundown(runner)
        self._rundown_snapshot_stored = snapshot is not None


class SessionDriver:
    """Drives sessions without Qt: one thread per session calls drain() when woken and tick() every TICK_S."""

    def __init__(self, session: RoomSession) -> None:
        self.session = session
        self._woken = threading.Event()
        self._stop = threading.Event()
        session._notify = self._woken.set
        self._thread: threading.Thread | None = None
        #: Unexpected errors the loop survived (each logged).
        self.failures = 0
        #: On a manual clock the driver ticks only when asked (`tick_now`), after the polls it waits for.
        self._tick_requests: queue.SimpleQueue[threading.Event] = queue.SimpleQueue()

    def start(self) -> SessionDriver:
        self.session.start()
        name = f"room-{self.session.name or self.session.endpoint.url}"
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        return self

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self, end_show: bool = False) -> None:
        self._stop.set()
        self._woken.set()
        if self._thread is not None:
            self._thread.join(5.0)
        self.session.close(end_show=end_show)

    def __enter__(self) -> SessionDriver:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def tick_now(self) -> threading.Event:
        """Tick once on the driver's thread (for a manual clock, whose ticks the test decides); set when done."""
        done = threading.Event()
        self._tick_requests.put(done)
        self._woken.set()
        return done

    def _asked_ticks(self) -> list[threading.Event]:
        asked = []
        while not self._tick_requests.empty():
            asked.append(self._tick_requests.get_nowait())
        return asked

    def _run(self) -> None:
        """Supervised: a failing drain or tick is logged and the loop carries on (a dead loop froze the room)."""
        timed = self.session.clock.real
        next_tick = time.monotonic() if timed else math.inf
        while not self._stop.is_set():
            self._woken.wait(max(0.0, next_tick - time.monotonic()) if timed else None)
            self._woken.clear()
            if self._stop.is_set():
                break
            asked = self._asked_ticks()
            try:
                if asked or time.monotonic() >= next_tick:
                    next_tick = time.monotonic() + TICK_S if timed else math.inf
                    self.session.tick()
                else:
                    self.session.drain()
            except Exception:
                self.failures += 1
                LOG.exception("the room session's driver failed; carrying on")
                time.sleep(0.1)
            for done in asked:
                done.set()

    @property
    def status(self) -> LinkStatus:
        return self.session.status

    def wait_connected(self, timeout: float) -> bool:
        """True once connected; False on timeout or when the link gave up (wrong password, too old)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.session.status.state
            if state is LinkState.CONNECTED:
                return True
            if state in GAVE_UP:
                return False
            time.sleep(0.02)
        return self.session.status.state is LinkState.CONNECTED
