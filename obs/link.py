"""ObsLink: the one owner of an OBS connection, on its own thread. Commands in, immutable items out.

It connects (with a timeout), rebuilds the full state after every (re)connect, polls statistics
as one RequestBatch, watches a heartbeat, and reconnects with exponential backoff and jitter. A
wrong password or a too-old obs-websocket stops the retrying and says so. Removal events that turn
out to be OBS quitting (ExitStarted / close 1001 right after them) are not passed on as deletions.

Only the link's thread creates, closes and replaces the client. A request made while connected, with
nothing queued ahead of it, is sent on the caller's own thread when that cannot wait (see request());
its answer comes back through the receive thread raw and is checked by obs.wire when the caller reads
it (_Answer). The rest goes through the inbox, in order.
"""

from __future__ import annotations

import heapq
import logging
import queue
import random
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from functools import partial
from typing import Any

from obs.client import ObsClient, _Pending, batch_results, response_data
from obs.clock import MONOTONIC, Clock
from obs.errors import (
    ConnectError,
    ConnectionFailure,
    FailureKind,
    NotAnswering,
    NotConnected,
    ObsError,
    ProtocolError,
    UnsupportedRequest,
)
from obs.messages import (
    Batch,
    ClientClosed,
    Command,
    Configure,
    LinkState,
    LinkStatus,
    ObsClosing,
    ObsEvent,
    OutboxItem,
    ReconnectNow,
    Request,
    Resync,
    SetPollInterval,
    Snapshot,
    StatsPolled,
    StatusChanged,
    Stop,
)
from obs.protocol import CONSOLE_SUBSCRIPTIONS, changes_obs
from obs.state import (
    INPUT_READ,
    MEDIA_REREAD_EVENTS,
    SNAPSHOT_REQUESTS,
    build_state,
    input_detail_requests,
)
from obs.stats import StatsSample

LOG = logging.getLogger(__name__)

#: Events that, when OBS quits, arrive for every scene and input just before ExitStarted.
REMOVAL_EVENTS = frozenset({"SceneRemoved", "InputRemoved", "SceneItemRemoved"})
#: Events that bypass ordering holds: they describe "now" and are superseded within 50 ms.
STREAMING_EVENTS = frozenset({"InputVolumeMeters"})
STATS_REQUESTS: tuple[tuple[str, None], ...] = (
    ("GetStats", None),
    ("GetStreamStatus", None),
    ("GetRecordStatus", None),
)
#: An input is read again this long after the last event that called for it (obs.state.INPUT_READ): OBS sends
#: "started" and "ended" together for a file it cannot open, and the read after both says ENDED.
INPUT_READ_DELAY_S = 0.3
#: The link never waits less than this for its inbox: whatever the state, it cannot spin.
MIN_SLEEP_S = 0.002
#: The longest the link thread sleeps while connected. A request sent on the caller's thread (see
#: ObsLink.request) leaves its deadline for the link thread to find; with a timeout at least this long it
#: is still expired on time without waking the thread, so shorter ones go through the inbox.
CONNECTED_SLEEP_S = 0.25
#: At most this long between OBS reading its counters and the answer arriving (a LAN's one-way latency).
READ_LATENCY_MAX_S = 0.1
#: A protocol error this soon after connecting counts as one more failed try for the backoff.
PROTOCOL_STRIKE_WINDOW_S = 30.0
#: Requests the link itself may always send (part of obs-websocket 5.1.0, which every accepted OBS has).
_HEARTBEAT_REQUEST = "GetStudioModeEnabled"


def backoff_delay(attempt: int, initial: float, maximum: float, rng: random.Random) -> float:
    """Exponential backoff with ±25 % jitter: 0.5, 1, 2, 4, 8, 10, 10 … seconds by default."""
    base = min(maximum, initial * (2 ** max(0, attempt - 1)))
    return float(min(maximum, base * rng.uniform(0.75, 1.25)))


class _Answer(Future[Any]):
    """A request's Future that holds OBS's raw answer and reads it through obs.wire (`convert`: the answer's
    spec, the status code and comment) once, when first asked for — result(), exception(), or a done-callback
    calling them. The receive thread then only parses the frame and hands the answer over, so the caller
    waiting for it is woken sooner; what the caller gets is exactly what it got when the receive thread
    checked the answer (the same RequestError for an answer that means nothing, the same problems logged)."""

    def __init__(self, request_type: str | None) -> None:
        """`request_type` for a single request's answer (response_data), None for a batch's (batch_results)."""
        super().__init__()
        self._request_type = request_type
        self._unread = True
        self._value: Any = None
        self._error: BaseException | None = None

    def settle(self, pending: _Pending) -> None:
        """Receive thread (or the link's expiry): hand the raw answer, or the failure, over as it is."""
        if pending.error is not None:
            self.set_exception(pending.error)
        else:
            self.set_result(pending.reply)

    def _read(self, raw: Any) -> Any:
        with self._condition:
            if self._unread:
                self._unread = False
                try:
                    request_type = self._request_type
                    self._value = batch_results(raw) if request_type is None else response_data(request_type, raw)
                except Exception as exc:
                    self._error = exc
        if self._error is not None:
            raise self._error
        return self._value

    def result(self, timeout: float | None = None) -> Any:
        return self._read(super().result(timeout))

    def exception(self, timeout: float | None = None) -> BaseException | None:
        error = super().exception(timeout)
        if error is not None:
            return error
        try:
            self._read(super().result(0))
        except Exception as exc:
            return exc
        return None


@dataclass(frozen=True)
class _ClockMoved:
    """Internal: a manual clock advanced (obs/clock.py), so a stats poll may be due."""


class ObsLink:
    """Start it, send commands, drain its outbox. Every public method is thread-safe and never blocks."""

    def __init__(
        self,
        host: str,
        port: int,
        password: str = "",
        *,
        connect_timeout: float = 5.0,
        request_timeout: float = 5.0,
        poll_interval: float | None = 1.0,
        heartbeat_timeout: float = 1.5,
        unresponsive_drop_after: float = 10.0,
        backoff_initial: float = 0.5,
        backoff_max: float = 10.0,
        removal_hold: float = 0.3,
        subscriptions: int = int(CONSOLE_SUBSCRIPTIONS),
        notify: Callable[[], None] | None = None,
        seed: int | None = None,
        clock: Clock = MONOTONIC,
    ) -> None:
        self.host, self.port, self._password = host, port, password
        self.connect_timeout = connect_timeout
        self.request_timeout = request_timeout
        self.poll_interval = poll_interval
        self.heartbeat_timeout = heartbeat_timeout
        self.unresponsive_drop_after = unresponsive_drop_after
        self.backoff_initial = backoff_initial
        self.backoff_max = backoff_max
        self.removal_hold = removal_hold
        self.subscriptions = subscriptions
        self._notify = notify
        self._rng = random.Random(seed)
        #: The stats poll's timer and its samples' times (obs/clock.py); timeouts and the heartbeat keep real time.
        self._clock = clock
        self._inbox: queue.SimpleQueue[Command | _ClockMoved] = queue.SimpleQueue()
        self._outbox: queue.SimpleQueue[OutboxItem] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name=f"obs-link-{host}:{port}", daemon=True)
        self._client: ObsClient | None = None
        #: The client while it is connected with its state read: callers may send on it from their own thread.
        #: Set and cleared by the link thread only (cleared before the client is closed).
        self._live: ObsClient | None = None
        #: Commands put in the inbox and not yet carried out (under _order_lock): a request is sent on the
        #: caller's thread only when there are none, so it never overtakes one sent earlier.
        self._order_lock = threading.Lock()
        self._queued = 0
        self._status = LinkStatus(LinkState.DISCONNECTED, time.monotonic())
        self._attempt = 0
        self._retry_at: float | None = None
        self._halted = False
        self._available: frozenset[str] = frozenset()
        #: Set when OBS quit: retries that find its port closed still mean "OBS is closed".
        self._obs_closed: ConnectionFailure | None = None
        # Ordering of events (touched by the receive thread and the link thread, under _hold_lock).
        self._hold_lock = threading.Lock()
        self._held: list[ObsEvent] = []
        self._hold_until = 0.0
        self._rebuilding = False
        self._closing_announced = False
        # Requests in flight: (deadline, request id, client), earliest first, for expiry. Callers' threads add
        # theirs too (requests sent directly), hence the lock.
        self._deadlines: list[tuple[float, str, ObsClient, float]] = []
        self._deadline_lock = threading.Lock()
        self._next_poll = 0.0
        #: When the previous poll's GetStats was read, if it was answered (OBS's CPU figure covers the time since).
        self._stats_read_at: float | None = None
        #: When something timed (retry, poll, held events, a deadline, the heartbeat's look) next needs the thread.
        self._due = 0.0
        self._poll_outstanding = False
        #: Inputs to read again (obs.state.INPUT_READ): name -> (when, its kind for a new input, None for a media
        #: input's playback alone). Under _hold_lock.
        self._input_reads: dict[str, tuple[float, str | None]] = {}
        self._unresponsive_since: float | None = None
        self.connections = 0
        self._connected_at = -PROTOCOL_STRIKE_WINDOW_S
        self._protocol_strikes = 0
        #: Times the link's own code failed and the link restarted itself (each one is a bug, and is reported).
        self.restarts = 0

    # ------------------------------------------------------------------ public API
    def start(self) -> ObsLink:
        self._retry_at = time.monotonic()
        self._clock.on_advance(self._clock_moved)
        self._thread.start()
        return self

    def _clock_moved(self) -> None:
        """A manual clock advanced: a poll may be due (the real clock's polls are woken for by their time)."""
        self._put(_ClockMoved())

    def stop(self, timeout: float = 5.0) -> None:
        """Close the connection and end the thread."""
        self._clock.off_advance(self._clock_moved)
        if self._thread.is_alive():
            self._put(Stop())
            self._thread.join(timeout)

    @property
    def status(self) -> LinkStatus:
        return self._status

    @property
    def poll_in_flight(self) -> bool:
        """A stats poll was sent and not answered yet (the link sends no other until it is): on a manual clock a
        part that moves the clock waits for it first, so the next moment gets its own poll (`Monitor.pause`)."""
        return self._poll_outstanding

    def request(
        self, request_type: str, data: dict[str, Any] | None = None, timeout: float | None = None
    ) -> Future[Any]:
        """Send a request; the future gets its responseData or an ObsError.

        Connected, with nothing queued before it, the request is sent at once on the caller's thread (under the
        client's send lock, and only if that takes no waiting); otherwise it is queued for the link thread."""
        future = _Answer(request_type)
        with self._order_lock:
            sent = self._queued == 0 and self._send_direct(future, timeout, request_type, data)
            if sent is False:
                self._queued += 1
                self._inbox.put(Request(request_type, data, future, timeout))
        if isinstance(sent, ObsError):
            future.set_exception(sent)  # out of the lock: a done-callback may well make the next request
        return future

    def batch(
        self,
        requests: Sequence[tuple[str, dict[str, Any] | None]],
        *,
        halt_on_failure: bool = False,
        timeout: float | None = None,
    ) -> Future[Any]:
        """Send a RequestBatch (as request() sends); the future gets a list of BatchResult."""
        future = _Answer(None)
        command = Batch(tuple(requests), future, halt_on_failure, timeout)
        with self._order_lock:
            sent = self._queued == 0 and self._send_direct(future, timeout, None, None, command)
            if sent is False:
                self._queued += 1
                self._inbox.put(command)
        if isinstance(sent, ObsError):
            future.set_exception(sent)
        return future

    def configure(self, host: str, port: int, password: str) -> None:
        self._put(Configure(host, port, password))

    def reconnect_now(self) -> None:
        self._put(ReconnectNow())

    def resync(self, reason: str) -> None:
        """Something OBS said could not be applied: reconnect and read the whole state again."""
        self._put(Resync(reason))

    def set_poll_interval(self, seconds: float | None) -> None:
        self._put(SetPollInterval(seconds))

    def get(self, timeout: float | None = None) -> OutboxItem | None:
        """Next outbox item, waiting up to `timeout` (None: do not wait)."""
        try:
            if timeout is None:
                return self._outbox.get_nowait()
            return self._outbox.get(timeout=timeout)
        except queue.Empty:
            return None

    def drain(self, limit: int | None = None) -> list[OutboxItem]:
        """Everything waiting in the outbox (up to `limit` items), without blocking."""
        items: list[OutboxItem] = []
        while limit is None or len(items) < limit:
            try:
                items.append(self._outbox.get_nowait())
            except queue.Empty:
                break
        return items

    # ------------------------------------------------------------------ inbox
    def _put(self, command: Command | _ClockMoved) -> None:
        with self._order_lock:
            self._queued += 1
            self._inbox.put(command)

    def _send_direct(
        self,
        future: _Answer,
        timeout: float | None,
        request_type: str | None,
        data: dict[str, Any] | None,
        batch: Batch | None = None,
    ) -> bool | ObsError:
        """Caller's thread, under _order_lock, nothing queued: send the request (or `batch`) here if connected
        and that cannot wait. True if sent, the error to fail it with (refused, NotConnected), False to queue it.
        Handing each request to the link thread and back cost as much as the round trip to OBS itself."""
        client = self._live
        timeout = timeout or self.request_timeout
        if client is None or timeout < CONNECTED_SLEEP_S or threading.current_thread() is client._recv_thread:
            return False  # (a receive thread's callback asking for more: it queues, the receive thread never sends)
        refusal = self._refusal(batch.requests if batch is not None else ((request_type or "", data),))
        # Running before it is sent: the answer may come back before the send returns, and a running future
        # cannot be cancelled from under the answer (as one sent by the link thread cannot).
        future.set_running_or_notify_cancel()
        if refusal is not None:
            return refusal
        try:
            if batch is None:
                request_id = client.try_send_request(request_type or "", data, future.settle)
            else:
                request_id = client.try_send_batch(
                    batch.requests, halt_on_failure=batch.halt_on_failure, callback=future.settle
                )
        except ObsError as exc:
            return exc
        if request_id is None:
            return False  # the link thread sends it (it may wait for the socket; a caller's thread may not)
        self._track(client, request_id, timeout)
        return True

    # ------------------------------------------------------------------ outbox
    def _emit(self, item: OutboxItem) -> None:
        self._outbox.put(item)
        if self._notify is not None:
            try:
                self._notify()
            except Exception:
                LOG.exception("link notify hook failed")

    def _set_status(
        self, state: LinkState, failure: ConnectionFailure | None = None, retry_at: float | None = None
    ) -> None:
        hello = self._client.hello if self._client is not None else None
        previous = self._status
        now = time.monotonic()
        status = LinkStatus(
            state,
            now,
            failure,
            retry_at,
            self._attempt,
            obs_version=previous.obs_version if state in (LinkState.CONNECTED, LinkState.UNRESPONSIVE) else "",
            obs_websocket_version=hello.obs_websocket_version if hello else "",
            lost_since=self._lost_since(state, previous, now),
        )
        self._status = status
        self._emit(StatusChanged(status))

    def _lost_since(self, state: LinkState, previous: LinkStatus, now: float) -> float | None:
        if state in (LinkState.CONNECTED, LinkState.DISCONNECTED):
            return None
        if state is LinkState.UNRESPONSIVE:
            return self._unresponsive_since  # when OBS was last heard, not when its silence was noticed
        if previous.lost_since is not None:
            return previous.lost_since
        return now if previous.state in (LinkState.CONNECTED, LinkState.UNRESPONSIVE) else None

    # ------------------------------------------------------------------ receive-thread hooks
    def _on_event(self, event_type: str, data: dict[str, Any]) -> None:
        now = time.monotonic()
        event = ObsEvent(event_type, data, now)
        if event_type in STREAMING_EVENTS:
            self._emit(event)
            return
        with self._hold_lock:
            name = data.get("inputName")
            if isinstance(name, str):
                self._note_input_read(event_type, name, data)
            if event_type == "ExitStarted":
                self._announce_closing(now)
                return
            if self._rebuilding or self._held or event_type in REMOVAL_EVENTS:
                self._held.append(event)
                if event_type in REMOVAL_EVENTS:
                    self._hold_until = now + self.removal_hold
                return
            self._emit(event)

    def _note_input_read(self, event_type: str, name: str, data: dict[str, Any]) -> None:
        """Schedule reading an input again after this event, if it calls for that. Caller holds _hold_lock."""
        # On the poll's clock: a test's manual clock plays a show in compressed time.
        due = self._clock.now() + INPUT_READ_DELAY_S
        if event_type == "InputCreated":
            kind = data.get("unversionedInputKind", data.get("inputKind"))
            self._input_reads[name] = (due, str(kind or ""))
        elif event_type == "InputRemoved":
            self._input_reads.pop(name, None)
        elif event_type in MEDIA_REREAD_EVENTS:
            settings = data.get("inputSettings")
            if event_type == "InputSettingsChanged" and not (isinstance(settings, dict) and "local_file" in settings):
                return
            kind = self._input_reads.get(name, (0.0, None))[1]  # a new input's whole read is not narrowed
            self._input_reads[name] = (due, kind)

    def _announce_closing(self, now: float) -> None:
        """OBS is quitting: the removals it sent are not a user deleting everything. Caller holds _hold_lock."""
        kept = [e for e in self._held if e.event_type not in REMOVAL_EVENTS]
        dropped = len(self._held) - len(kept)
        if dropped:
            LOG.info("OBS is closing: %d removal events are its shutdown, not deletions", dropped)
        self._held = []
        for event in kept:
            self._emit(event)
        if not self._closing_announced:
            self._closing_announced = True
            self._emit(ObsClosing(now))

    def _on_close(self, client: ObsClient, info: Any) -> None:
        with self._hold_lock:
            if info.failure.kind in (FailureKind.OBS_CLOSED, FailureKind.CONNECTION_LOST) and any(
                e.event_type in REMOVAL_EVENTS for e in self._held
            ):
                # Removals followed straight by the connection ending: OBS went away, nothing was deleted.
                self._announce_closing(time.monotonic())
            elif info.failure.kind is FailureKind.OBS_CLOSED:
                self._announce_closing(time.monotonic())
            else:
                self._release_held(force=True)
        self._put(ClientClosed(client, info))

    def _release_held(self, force: bool = False) -> None:
        """Pass held events on once no hold applies. Caller holds _hold_lock."""
        if not self._held or (not force and (self._rebuilding or time.monotonic() < self._hold_until)):
            return
        for event in self._held:
            self._emit(event)
        self._held = []

    # ------------------------------------------------------------------ the thread
    def _run(self) -> None:
        """Supervised: an error in one step restarts the link (new connection, full state read) and says so;
        only Stop ends the thread."""
        try:
            while True:
                try:
                    if not self._step():
                        break
                except Exception as exc:
                    self._restart(exc)
        finally:
            self._drop_client("the console closed the connection")
            self._fail_queued()

    def _step(self) -> bool:
        command = self._next_command()
        if command is not None:
            try:
                if not self._handle(command):
                    return False
            finally:
                with self._order_lock:
                    self._queued -= 1
        now = time.monotonic()
        if isinstance(command, Request | Batch) and now < self._due:
            # Nothing timed is due (_next_command would have woken for it): back to the inbox at once. Going
            # through expiry, hold release, heartbeat and poll after every request kept this thread holding the
            # interpreter while the answer was already coming back to the receive thread.
            return True
        self._expire(now)
        if self._client is None:
            if not self._halted and self._retry_at is not None and now >= self._retry_at:
                self._connect()
            return True
        with self._hold_lock:
            self._release_held()
        self._heartbeat(now)
        self._poll(self._clock.now())
        self._read_inputs(self._clock.now())
        return True

    def _restart(self, exc: Exception) -> None:
        """Drop whatever connection there was and try again after the backoff, telling the window why."""
        self.restarts += 1
        LOG.error("the OBS link failed; restarting it", exc_info=exc)
        failure = ConnectionFailure(FailureKind.LINK_FAILED, self.host, self.port, f"{type(exc).__name__}: {exc}"[:300])
        self._live = None
        try:
            client, self._client = self._client, None
            if client is not None:
                client._on_close = None
                client.close("the console's link restarted")
            self._fail_inflight()
            with self._hold_lock:
                self._rebuilding = False
                self._held = []
            self._halted = False
            self._attempt += 1
            self._retry_at = time.monotonic() + backoff_delay(
                self._attempt, self.backoff_initial, self.backoff_max, self._rng
            )
            self._set_status(LinkState.RECONNECTING, failure, self._retry_at)
        except Exception:
            # Even telling failed: still never stop, and never spin.
            LOG.exception("restarting the OBS link failed")
            self._client = self._live = None
            self._retry_at = time.monotonic() + self.backoff_max

    def _next_command(self) -> Command | _ClockMoved | None:
        now = time.monotonic()
        if self._client is None:
            wake = self._retry_at if (self._retry_at is not None and not self._halted) else now + 1.0
        else:
            wake = now + 0.25
            # Only what can act when it comes due: a poll still in flight, or events held for a state
            # rebuild, cannot — waking for them would spin this thread and starve the receive thread.
            if self.poll_interval and not self._poll_outstanding and self._clock.real:
                wake = min(wake, self._next_poll)
            if self._held and not self._rebuilding:
                wake = min(wake, self._hold_until)
            with self._hold_lock:
                if self._input_reads and self._clock.real:
                    wake = min(wake, *(due for due, _ in self._input_reads.values()))
        # Requests answered since they were sent leave their deadline behind: drop those rather than wake for them.
        with self._deadline_lock:
            while self._deadlines and not self._deadlines[0][2].is_pending(self._deadlines[0][1]):
                heapq.heappop(self._deadlines)
            if self._deadlines:
                wake = min(wake, self._deadlines[0][0])
        self._due = wake
        try:
            return self._inbox.get(timeout=max(MIN_SLEEP_S, wake - now))
        except queue.Empty:
            return None

    def _handle(self, command: Command | _ClockMoved) -> bool:
        """Carry out one command; False means stop."""
        if isinstance(command, Stop):
            return False
        if isinstance(command, Request | Batch):
            self._send(command)
        elif isinstance(command, ClientClosed):
            if command.client is self._client:
                self._lost(command.info.failure)
        elif isinstance(command, Configure):
            self._configure(command)
        elif isinstance(command, Resync):
            self._resync(command.reason)
        elif isinstance(command, ReconnectNow):
            if self._client is None:
                self._halted = False
                self._retry_at = time.monotonic()
        elif isinstance(command, SetPollInterval):
            self.poll_interval = command.seconds
            self._next_poll = self._clock.now()
        return True

    def _configure(self, command: Configure) -> None:
        self.host, self.port, self._password = command.host, command.port, command.password
        self._obs_closed = None
        self._drop_client("connection settings changed")
        self._halted = False
        self._attempt = 0
        self._retry_at = time.monotonic()

    def _resync(self, reason: str) -> None:
        client = self._client
        if client is not None:
            self._live = None
            LOG.warning("OBS %s:%s: %s; reading the whole state again", self.host, self.port, reason)
            client._on_close = None
            client.close(reason)
            self._lost(ConnectionFailure(FailureKind.PROTOCOL_ERROR, self.host, self.port, reason))

    # ------------------------------------------------------------------ connecting
    def _connect(self) -> None:
        self._attempt += 1
        if self._status.state is not LinkState.RECONNECTING:
            self._set_status(LinkState.CONNECTING)
        client = ObsClient(
            self.host,
            self.port,
            self._password,
            connect_timeout=self.connect_timeout,
            request_timeout=self.request_timeout,
            subscriptions=self.subscriptions,
            on_event=self._on_event,
        )
        client._on_close = lambda info: self._on_close(client, info)
        with self._hold_lock:
            self._rebuilding = True
            self._held = []
            self._closing_announced = False
        try:
            client.connect()
            self._client = client
            state, stream_ms, read_at = self._read_state(client)
        except ConnectError as exc:
            self._client = None
            self._failed(exc.failure)
            return
        except ProtocolError as exc:
            self._client = None
            client._on_close = None
            client.close(str(exc))
            LOG.warning("OBS %s:%s: %s; dropping the connection", self.host, self.port, exc)
            self._failed(ConnectionFailure(FailureKind.PROTOCOL_ERROR, self.host, self.port, str(exc)))
            return
        except ObsError as exc:
            self._client = None
            client._on_close = None
            client.close()
            # If the connection ended under the read, its own reason (protocol error, OBS closed…) says most.
            info = client.close_info
            if info is not None and info.failure.kind is not FailureKind.CONNECTION_LOST:
                self._failed(info.failure)
            else:
                self._failed(
                    ConnectionFailure(
                        FailureKind.CONNECTION_LOST, self.host, self.port, f"reading OBS's state failed: {exc}"
                    )
                )
            return
        except BaseException:
            # Not OBS's doing (the supervisor in _run reports it): leave no connection and receive thread behind.
            self._client = None
            client._on_close = None
            client.close("the console's link failed")
            raise
        self.connections += 1
        self._obs_closed = None
        self._available = state.available_requests
        self._attempt = 0
        self._connected_at = time.monotonic()
        self._retry_at = None
        self._unresponsive_since = None
        self._poll_outstanding = False
        self._stats_read_at = None
        self._next_poll = self._clock.now()
        self._status = LinkStatus(LinkState.CONNECTING, time.monotonic(), obs_version=state.obs_version)
        with self._hold_lock:
            self._emit(Snapshot(state, stream_ms, read_at))
            self._rebuilding = False
            self._release_held()
        self._set_status(LinkState.CONNECTED)
        self._live = client
        LOG.info(
            "connected to OBS %s (obs-websocket %s) at %s:%s",
            state.obs_version,
            state.obs_websocket_version,
            self.host,
            self.port,
        )

    def _read_state(self, client: ObsClient) -> tuple[Any, int | None, float]:
        """OBS's state; its own time on air of its stream as it was read (None: not streaming, or not said), and
        when (the polls' clock: as the batch that said it was answered, before the inputs' details are read)."""
        results = client.batch([(name, None) for name in SNAPSHOT_REQUESTS], timeout=self.request_timeout)
        read_at = self._clock.now()
        main = {r.request_type: r.data for r in results if r.ok}
        invalid = [f"{r.request_type}: {r.comment}" for r in results if r.invalid]
        if invalid:
            raise ProtocolError("; ".join(invalid))
        missing = [name for name in ("GetVersion", "GetSceneList", "GetInputList") if name not in main]
        if missing:
            raise ObsError(f"OBS did not answer {', '.join(missing)}")
        listed = [
            i
            for i in main["GetInputList"].get("inputs", [])
            if isinstance(i, dict) and isinstance(i.get("inputName"), str)
        ]
        names = [i["inputName"] for i in listed]
        detail_requests: list[tuple[str, dict[str, Any] | None]] = []
        for entry in listed:
            kind = entry.get("unversionedInputKind", entry.get("inputKind"))
            detail_requests += input_detail_requests(entry["inputName"], str(kind or ""))
        per_input: dict[str, dict[str, Any]] = {name: {} for name in names}
        if detail_requests:
            details = client.batch(detail_requests, timeout=self.request_timeout)
            for (_, data), result in zip(detail_requests, details, strict=False):
                if result.ok and data is not None:
                    per_input[data.get("inputName") or data["sourceName"]].update(result.data)
        stream = main.get("GetStreamStatus", {})
        duration = stream.get("outputDuration") if stream.get("outputActive") else None
        stream_ms = int(duration) if isinstance(duration, int | float) and not isinstance(duration, bool) else None
        return build_state(main, per_input), stream_ms, read_at

    def _failed(self, failure: ConnectionFailure) -> None:
        if failure.kind is FailureKind.OBS_CLOSED:
            self._obs_closed = failure
        elif self._obs_closed is not None and failure.kind in (FailureKind.PORT_CLOSED, FailureKind.TIMEOUT):
            failure = self._obs_closed  # OBS is still not running again: keep saying why
        else:
            self._obs_closed = None
        LOG.info("OBS connection to %s:%s failed: %s (%s)", self.host, self.port, failure.kind.value, failure.detail)
        if failure.permanent:
            self._halted = True
            self._retry_at = None
            state = (
                LinkState.AUTH_FAILED
                if failure.kind in (FailureKind.AUTH_FAILED, FailureKind.AUTH_REQUIRED)
                else LinkState.INCOMPATIBLE
            )
            self._set_status(state, failure)
            return
        delay = backoff_delay(self._attempt, self.backoff_initial, self.backoff_max, self._rng)
        self._retry_at = time.monotonic() + delay
        self._set_status(LinkState.RECONNECTING, failure, self._retry_at)

    def _lost(self, failure: ConnectionFailure) -> None:
        self._client = self._live = None
        self._fail_inflight()
        # An OBS that keeps sending what the console cannot understand soon after each connect would otherwise
        # be reconnected to (and fully re-read) every 0.5 s for good: such losses back off like failed tries.
        recent = time.monotonic() - self._connected_at < PROTOCOL_STRIKE_WINDOW_S
        self._protocol_strikes = (
            self._protocol_strikes + 1 if failure.kind is FailureKind.PROTOCOL_ERROR and recent else 0
        )
        if failure.kind is not FailureKind.UNRESPONSIVE:
            self._attempt = self._protocol_strikes
        self._attempt += 1
        self._failed(failure)

    def _drop_client(self, detail: str) -> None:
        client, self._client = self._client, None
        self._live = None
        if client is not None:
            client._on_close = None
            client.close(detail)
            self._fail_inflight()
            self._set_status(LinkState.DISCONNECTED)

    # ------------------------------------------------------------------ requests
    def _refusal(self, requests: Sequence[tuple[str, Any]]) -> ObsError | None:
        """UnsupportedRequest for a request this OBS does not offer (see GetVersion's availableRequests);
        NotAnswering for a change while OBS answers nothing (it would be carried out whenever OBS recovers)."""
        if self._status.state is LinkState.UNRESPONSIVE:
            change = next((r[0] for r in requests if changes_obs(r[0])), None)
            if change is not None:
                return NotAnswering(change)
        available = self._available
        if not available:
            return None
        unsupported = next((r[0] for r in requests if r[0] not in available), None)
        if unsupported is None:
            return None
        return UnsupportedRequest(unsupported, self._status.obs_websocket_version)

    def _send(self, command: Request | Batch) -> None:
        client = self._client
        future = command.future
        # Already running: the caller's thread tried to send it directly and found the socket busy.
        if not future.running() and not future.set_running_or_notify_cancel():
            return
        if client is None or not client.connected:
            future.set_exception(NotConnected(f"not connected to OBS ({self._status.state.value})"))
            return
        requests = command.requests if isinstance(command, Batch) else ((command.request_type, command.data),)
        refusal = self._refusal(requests)
        if refusal is not None:
            future.set_exception(refusal)
            return
        timeout = command.timeout or self.request_timeout
        settle = partial(self._settle, future=future)
        try:
            if isinstance(command, Request):
                request_id, _ = client.send_request(command.request_type, command.data, callback=settle)
            else:
                request_id, _ = client.send_batch(
                    command.requests, halt_on_failure=command.halt_on_failure, callback=settle
                )
        except ObsError as exc:
            if not future.done():
                future.set_exception(exc)
            return
        self._track(client, request_id, timeout)

    @staticmethod
    def _settle(pending: _Pending, future: Future[Any]) -> None:
        """Receive thread: hand the raw answer over; the caller's _Answer reads it through obs.wire."""
        if pending.error is not None:
            future.set_exception(pending.error)
        else:
            future.set_result(pending.reply)

    def _track(self, client: ObsClient, request_id: str, timeout: float) -> None:
        with self._deadline_lock:
            heapq.heappush(self._deadlines, (time.monotonic() + timeout, request_id, client, timeout))

    def _expire(self, now: float) -> None:
        while True:
            with self._deadline_lock:
                if not self._deadlines or self._deadlines[0][0] > now:
                    return
                _, request_id, client, timeout = heapq.heappop(self._deadlines)
            client.expire(request_id, timeout)

    def _fail_inflight(self) -> None:
        with self._deadline_lock:
            self._deadlines.clear()
        self._poll_outstanding = False
        self._stats_read_at = None

    def _fail_queued(self) -> None:
        while True:
            try:
                command = self._inbox.get_nowait()
            except queue.Empty:
                return
            if isinstance(command, Request | Batch) and command.future.set_running_or_notify_cancel():
                command.future.set_exception(NotConnected("the OBS link was stopped"))

    # ------------------------------------------------------------------ polling and heartbeat
    def _poll(self, now: float) -> None:
        client = self._client
        if client is None or not self.poll_interval or now < self._next_poll or self._poll_outstanding:
            return
        self._next_poll = max(self._next_poll + self.poll_interval, now)
        sent = now

        def done(pending: _Pending) -> None:
            self._poll_outstanding = False
            if pending.error is not None or pending.reply is None:
                # OBS may still answer it (a frozen OBS answers every waiting GetStats when it wakes): what the next
                # answer's CPU figure covers is then unknown.
                self._stats_read_at = None
                return
            results = {r.request_type: r.data for r in batch_results(pending.reply) if r.ok}
            if "GetStats" in results:
                # The counters were read about half a round trip ago on a network; but an answer that took
                # long came from an OBS that was frozen or busy and read them when it woke, just before
                # answering (a midpoint put them up to 1.5 s early after a 3 s freeze: bitrate over-read ~20 %).
                received = self._clock.now()
                t = received - min((received - sent) / 2, READ_LATENCY_MAX_S)
                since, self._stats_read_at = self._stats_read_at, t
                self._emit(
                    StatsPolled(
                        StatsSample(
                            t,
                            results["GetStats"],
                            results.get("GetStreamStatus", {}),
                            results.get("GetRecordStatus", {}),
                            since=since,
                            interval=self.poll_interval,
                        )
                    )
                )
            else:
                self._stats_read_at = None

        # Outstanding before it is sent: the answer (and `done`, on the receive thread) can come back before
        # send_batch returns here, and a flag set after it would then stay set and stop the polling for good.
        self._poll_outstanding = True
        try:
            request_id, _ = client.send_batch(STATS_REQUESTS, callback=done)
        except ObsError:
            self._poll_outstanding = False
            self._stats_read_at = None
            return
        self._track(client, request_id, self.request_timeout)

    def _read_inputs(self, now: float) -> None:
        """Read again the inputs OBS said were created, or (media inputs) started, ended or changed, once it stopped
        saying so for INPUT_READ_DELAY_S; the answer goes out as an INPUT_READ item, in order with the events."""
        client = self._client
        with self._hold_lock:
            due = [(name, kind) for name, (at, kind) in self._input_reads.items() if at <= now]
            if client is None or self._rebuilding:
                return
            for name, _ in due:
                del self._input_reads[name]
        for name, kind in due:

            def done(pending: _Pending, name: str = name) -> None:
                if pending.error is not None or pending.reply is None:
                    return
                read = [r for r in batch_results(pending.reply) if r.ok]
                if not read:
                    return  # removed meanwhile: nothing to say
                data: dict[str, Any] = {}
                for result in read:
                    data.update(result.data)
                data.pop("sourceName", None)
                data["inputName"] = name
                self._on_event(INPUT_READ, data)

            try:
                request_id, _ = client.send_batch(input_detail_requests(name, kind), callback=done)
            except ObsError:
                return
            self._track(client, request_id, self.request_timeout)

    def _heartbeat(self, now: float) -> None:
        client = self._client
        if client is None:
            return
        silent_for = now - client.last_received
        oldest = client.oldest_pending()
        if silent_for >= self.heartbeat_timeout / 2 and oldest is None:
            try:
                request_id, _ = client.send_request(_HEARTBEAT_REQUEST)
                self._track(client, request_id, self.request_timeout)
            except ObsError:
                return
            oldest = now
        waiting = oldest is not None and now - oldest >= self.heartbeat_timeout
        if silent_for >= self.heartbeat_timeout and waiting:
            if self._unresponsive_since is None:
                self._unresponsive_since = now - silent_for
                self._set_status(
                    LinkState.UNRESPONSIVE,
                    ConnectionFailure(
                        FailureKind.UNRESPONSIVE, self.host, self.port, f"no answer for {silent_for:.1f} s"
                    ),
                )
            elif now - self._unresponsive_since >= self.unresponsive_drop_after:
                LOG.warning("OBS at %s:%s silent for %.1f s: dropping the connection", self.host, self.port, silent_for)
                failure = ConnectionFailure(
                    FailureKind.UNRESPONSIVE, self.host, self.port, f"no answer for {silent_for:.0f} s"
                )
                self._live = None
                client._on_close = None
                client.close("OBS stopped answering")
                self._lost(failure)
        elif self._unresponsive_since is not None and client.last_received > self._unresponsive_since:
            self._unresponsive_since = None
            self._set_status(LinkState.CONNECTED)
