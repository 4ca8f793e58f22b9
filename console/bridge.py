"""ObsBridge: the current room's session seen from the GUI thread, as typed Qt signals.

The bridge owns the console's current `RoomSession` (console/core/session.py: link, tracker, telemetry, health,
show writer, audience) and drives it on the GUI thread: the link wakes the bridge with a queued signal (at most
one pending at a time), the bridge drains the session, and the session's news come back as `sig_*` signals
(coalesced: at most one state and one meter signal per drain). A 250 ms timer ticks the session's clock (an
unpolled second becomes a gap). Requests go out through the session; their results come back to the GUI thread
through a queued signal, never a blocking wait.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot

from console.core import logsafe
from console.core.dbtrouble import DatabaseTrouble
from console.core.session import TICK_S, Endpoint, RoomSession, SessionListener
from console.core.telemetry.channels import Marker, Sample
from obs.commands import Attribution, Command, SetInputMute
from obs.errors import Explained, NotConnected
from obs.go_live import GoLive
from obs.health import Change
from obs.messages import LinkStatus, ObsEvent
from obs.on_air import OnAirClock
from obs.state import ObsState
from obs.stats import Rates
from obs.tracker import ObsTracker

__all__ = ["Endpoint", "ObsBridge"]

LOG = logging.getLogger(__name__)

ResultCallback = Callable[[Any, BaseException | None], None]


def _owner_alive(callback: Callable[..., Any]) -> bool:
    """False when the callback is a method of a Qt object that has been deleted since the request left."""
    func = callback.func if isinstance(callback, partial) else callback
    owner = getattr(func, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class _Relay(SessionListener):
    """The session's news, said as the bridge's signals (on the GUI thread, where the bridge drives it)."""

    def __init__(self, bridge: ObsBridge) -> None:
        self.bridge = bridge

    def state_changed(self, state: ObsState) -> None:
        self.bridge.sig_state_changed.emit(state)

    def status_changed(self, status: LinkStatus) -> None:
        self.bridge.sig_status_changed.emit(status)

    def meters_updated(self, meters: dict[str, Any]) -> None:
        self.bridge.sig_meters_updated.emit(meters)

    def rates_updated(self, rates: Rates) -> None:
        self.bridge.sig_rates_updated.emit(rates)

    def event_received(self, event: ObsEvent, who: str) -> None:
        self.bridge.sig_event_received.emit(event, who)

    def obs_closing(self) -> None:
        self.bridge.sig_obs_closing.emit()

    def sampled(self, sample: Sample, markers: list[Marker]) -> None:
        self.bridge.sig_sampled.emit()

    def findings_changed(self, changes: list[Change]) -> None:
        self.bridge.sig_findings_changed.emit(changes)

    def history_loaded(self) -> None:
        self.bridge.sig_history_loaded.emit()

    def show_opened(self, show_id: int) -> None:
        self.bridge.sig_show_opened.emit(show_id)

    def storage_problem(self, problem: str | Explained | DatabaseTrouble | None) -> None:
        self.bridge.sig_storage_problem.emit(problem)

    def storage_notice(self, notice: Explained) -> None:
        self.bridge.sig_storage_notice.emit(notice)

    def go_live_changed(self, news: GoLive) -> None:
        self.bridge.sig_go_live_changed.emit(news)


class ObsBridge(QObject):
    sig_state_changed = Signal(object)  # ObsState
    sig_status_changed = Signal(object)  # LinkStatus
    sig_meters_updated = Signal(object)  # dict: input name -> per-channel levels
    sig_rates_updated = Signal(object)  # Rates
    sig_event_received = Signal(object, str)  # ObsEvent, who caused it: "console" or "obs"
    sig_obs_closing = Signal()
    # What was attempted (words, or a function saying them in the language of the moment), the ObsError.
    sig_request_failed = Signal(object, object)
    sig_session_changed = Signal()  # another session (room, OBS): its telemetry starts afresh
    sig_room_changed = Signal()  # the console is in another room (`room`, `demo`)
    sig_sampled = Signal()  # the session recorded a second
    sig_findings_changed = Signal(object)  # list[Change]
    sig_history_loaded = Signal()  # a resumed show's past is in front of the live data
    sig_show_opened = Signal(int)
    sig_storage_problem = Signal(object)  # str | Explained | DatabaseTrouble | None (over)
    sig_storage_notice = Signal(object)  # Explained
    sig_go_live_changed = Signal(object)  # GoLive: what the console's last go-live came to (on its way, failed)
    _sig_request_done = Signal(object, object, object)  # future, callback, description
    _sig_wake = Signal()  # emitted from the session's threads; queued to the GUI thread

    def __init__(self, parent: QObject | None = None, **link_options: Any) -> None:
        super().__init__(parent)
        self.session: RoomSession | None = None
        #: The one place that says which room the console is in: a saved room or an address (`room`), or the
        #: demo room (`demo`, room None). The session keeps its show under `room_key`.
        self.room: str | None = None
        self.demo = False
        #: The room's password was kept for one session only (no system keyring) and is not known now: OBS asking
        #: for one is said as that, and the window asks for it once (the console sets this as it connects).
        self.password_not_kept = False
        #: The window has asked for that password since the connection began (a rebuilt window does not ask again).
        self.password_asked = False
        self._link_options = link_options
        #: How sessions keep their shows (the telemetry controller sets them: storage, target bitrate, sampler).
        self.session_options: dict[str, Any] = {"store": False}
        self._closed_sessions: list[RoomSession] = []
        #: The rooms this console left with their show kept open (their stream going on), by room key: when it left
        #: (wall seconds) and since when that stream was on air (wall seconds, or None: not known).
        self._left_on_air: dict[str, tuple[float, float | None]] = {}
        #: The session is the console's return to a room it left on air in this run (not a restart): that leaving.
        self.back_from: tuple[float, float | None] | None = None
        self._idle_tracker = ObsTracker()
        self._idle_attribution = Attribution()
        self._idle_on_air = OnAirClock()
        self._timer = QTimer(self)
        self._timer.setInterval(round(TICK_S * 1000))
        self._timer.timeout.connect(self._on_timer_tick)
        self._sig_request_done.connect(self._on_request_done)
        self._sig_wake.connect(self._on_wake, Qt.ConnectionType.QueuedConnection)
        self._meter_listeners = 0
        #: While nobody sees the console (its window minimised), the link's wake-ups are not relayed: the 250 ms
        #: tick drains the session instead (see `set_quiet`). A plain bool, read on the session's threads.
        self._quiet = False

    # ------------------------------------------------------------------ the session
    @property
    def tracker(self) -> ObsTracker:
        return self.session.tracker if self.session is not None else self._idle_tracker

    @property
    def attribution(self) -> Attribution:
        return self.session.attribution if self.session is not None else self._idle_attribution

    @property
    def state(self) -> ObsState:
        return self.tracker.state

    @property
    def resumed_on_air(self) -> bool:
        """The show this console took up after a restart was on air when it stopped (its last stored second)."""
        return self.session is not None and self.session.resumed_on_air

    @property
    def go_live(self) -> GoLive:
        """What the console's last go-live in this session came to: on its way, or why it did not go on air."""
        return self.session.go_live.news if self.session is not None else GoLive()

    def hold_go_live(self) -> bool:
        """A go-live from before a restart finds the stream off air: its outcome waits for OBS
        (RoomSession.hold_go_live). False without a session, or when a go-live asked here since is watched instead."""
        return self.session is not None and self.session.hold_go_live()

    @property
    def on_air(self) -> OnAirClock:
        """The room's time on air: the session's own clock (the wall's too), so a window rebuilt for a language
        switch, or a link lost for a moment, does not count the show anew."""
        return self.session.on_air if self.session is not None else self._idle_on_air

    @property
    def endpoint(self) -> Endpoint | None:
        return self.session.endpoint if self.session is not None else None

    @property
    def linked(self) -> bool:
        """True between connect_to and shutdown (whether or not OBS answers right now)."""
        return self.session is not None

    @property
    def meter_listeners(self) -> int:
        return self._meter_listeners

    @meter_listeners.setter
    def meter_listeners(self, count: int) -> None:
        """Meter history is kept only while someone listens (a checklist check): the GUI thread is spared it."""
        self._meter_listeners = count
        if self.session is not None:
            self.session.meter_listeners = count

    @property
    def room_key(self) -> str | None:
        """The name the room's shows and checklist runs are kept under ("demo" for the demo room)."""
        return self.room or ("demo" if self.demo else None)

    def set_room(self, room: str | None, demo: bool) -> None:
        """The console is in this room from now on (the session's show follows it)."""
        if (room, demo) == (self.room, self.demo):
            return
        self.room, self.demo = room, demo
        if self.session is not None:
            self.session.set_room(self.room_key)
        self.sig_room_changed.emit()

    def connect_to(self, endpoint: Endpoint, room: str | None = None, demo: bool | None = None) -> None:
        """Open a session on this OBS for this room (`demo` not given: the room the console is in already); the
        link retries by itself from here on. The previous session closes without waiting (its last rows are
        written in the background)."""
        logsafe.register_secret(endpoint.password)
        changed = demo is not None and (room, demo) != (self.room, self.demo)
        # Another room: the show left is over (unless another console of that room still records it) — but not while
        # its stream goes on (show_stays_open): it stays open, and back in that room the console resumes it as a
        # restart does. The same room on another address or password goes on with its show.
        stays_open = changed and self.show_stays_open()
        if stays_open and self.session is not None and self.room_key:
            left = self.session
            since = left.on_air.since
            self._left_on_air[self.room_key] = (
                time.time(),
                None if since is None else since + left.telemetry.wall_offset,
            )
        self._close_session(wait=False, end_show=changed and not stays_open)
        if changed:
            self.room, self.demo = room, bool(demo)
            # Back in a room left on air in this run: its show is continued as after a restart, but the console
            # was elsewhere, not stopped (walk24: the log said it resumed the show "on air when the console stopped").
            self.back_from = self._left_on_air.pop(self.room_key, None) if self.room_key else None
        else:
            self.back_from = None
        self.session = RoomSession(
            self.room_key,
            endpoint,
            listener=_Relay(self),
            notify=self._wake,
            **self.session_options,
            **self._link_options,
        )
        self.session.meter_listeners = self._meter_listeners
        # Switched away and straight back: the room's show is opened only once the one being ended there is.
        self.session.follow([w for closed in self._closed_sessions for w in closed.closing_writers()])
        self.session.start()
        self._timer.start()
        # The new session's state as it starts (nothing known yet): the docks drop the previous room's scenes and
        # inputs now, not at the new OBS's first answer — which a refused password or a closed port never gives.
        self.sig_state_changed.emit(self.session.tracker.state)
        self.sig_session_changed.emit()
        if changed:
            self.sig_room_changed.emit()

    def show_stays_open(self) -> bool:
        """Left for another room now, the room's show would stay open for the console's return (its stream goes on:
        RoomSession.show_goes_on). Never the demo room's: its simulated OBS stops as the console leaves it
        (console/app.py `_switch`), so its stream is over."""
        return self.session is not None and not self.demo and self.session.show_goes_on()

    def reconnect_now(self) -> None:
        if self.session is not None:
            self.session.link.reconnect_now()

    def set_password(self, password: str) -> None:
        logsafe.register_secret(password)
        self.password_not_kept = False  # typed now: a refusal from here on is of this password
        if self.session is not None:
            self.session.set_password(password)

    def shutdown(self) -> None:
        """Close the session, waiting for its last rows (and those of earlier sessions) to be written. A show whose
        stream is over is ended (RoomSession.show_over); one on air stays open, so a restart continues it. The demo
        room's show is ended once it went on air: its simulated OBS ends with the console, and its stream with it."""
        session = self.session
        over = session is not None and (session.show_over() or (self.demo and session.went_on_air()))
        self._close_session(wait=True, end_show=over)
        for session in self._closed_sessions:
            session.join(10.0)
        self._closed_sessions.clear()

    def _close_session(self, wait: bool, end_show: bool = False) -> None:
        self._timer.stop()
        if self.session is not None:
            session, self.session = self.session, None
            session.listener = SessionListener()  # a closed session's late news are nobody's
            session.close(end_show=end_show, wait=wait)
            if not wait:
                self._closed_sessions.append(session)

    # ------------------------------------------------------------------ requests
    def request(
        self,
        request_type: str,
        data: dict[str, Any] | None = None,
        *,
        description: str | Callable[[], str] = "",
        on_done: ResultCallback | None = None,
        timeout: float | None = None,
    ) -> None:
        """Send a request; `on_done(result, error)` runs on the GUI thread. Failures with a description
        are also reported through sig_request_failed (for the event log and the status bar).

        The bridge outlives windows (a language switch rebuilds the window): when `on_done` is a method
        of a widget (or a functools.partial of one), an answer arriving after that widget was deleted is
        dropped — so pass a bound method or a partial, not a lambda, which hides its owner."""
        if self.session is None:
            return
        future = self.session.request(request_type, data, timeout)
        future.add_done_callback(lambda f: self._sig_request_done.emit(f, on_done, description))

    def send(self, command: Command, on_done: ResultCallback | None = None) -> None:
        """Send a typed command (obs/commands.py): the events that confirm it are credited to the console, a
        failure is reported in the user's language through sig_request_failed (when the command describes
        itself), and `on_done(result, error)` runs on the GUI thread — dropped, as for request(), if it is a
        method or partial of a widget deleted meanwhile."""
        if self.session is None:
            return
        described = command.description()
        # Said when read: a failure in the event log is said again in the new language after a switch.
        description = partial(described.in_language, QCoreApplication.translate) if described is not None else ""
        future = self.session.send(command)
        future.add_done_callback(lambda f: self._sig_request_done.emit(f, on_done, description))

    def set_input_mute(self, name: str, muted: bool) -> None:
        """Mute or unmute an input (the Audio dock's strips, the Health dock's Unmute): the OBS event that
        confirms it is credited to the console, and a failure is reported in words."""
        self.send(SetInputMute(name, muted))

    @Slot(object, object, object)
    def _on_request_done(
        self, future: Future[Any], on_done: ResultCallback | None, description: str | Callable[[], str]
    ) -> None:
        error = future.exception()
        result = None if error is not None else future.result()
        if error is not None and description:
            self.sig_request_failed.emit(description, error)
        if on_done is not None and _owner_alive(on_done):
            on_done(result, error)

    # ------------------------------------------------------------------ driving the session
    def set_quiet(self, quiet: bool) -> None:
        """Quiet: drain the session on the 250 ms tick only, not at each of the link's wake-ups (~25 a second with
        OBS's meters), for a window nobody sees. The room's health, show and alerts go on as before, each news at
        most a tick later. Back to normal: drained at once."""
        if quiet == self._quiet:
            return
        self._quiet = quiet
        if not quiet:
            self.drain()  # a wake-up dropped while quiet left the session waiting for this drain

    @property
    def quiet(self) -> bool:
        return self._quiet

    def _wake(self) -> None:
        """Called on the session's threads; the session sends one wake-up at a time until it is drained. While
        quiet, none is relayed: the session's wake-up stays pending until the tick's drain."""
        if not self._quiet:
            self._sig_wake.emit()

    @Slot()
    def _on_wake(self) -> None:
        self.drain()

    @Slot()
    def _on_timer_tick(self) -> None:
        if self.session is not None:
            self.session.tick()

    def drain(self) -> None:
        """Apply what the session's link has produced so far (normally woken by it; callable any time)."""
        if self.session is not None:
            self.session.drain()

    def meter_history(self, input_name: str, since: float) -> list[tuple[float, list[list[float]]]]:
        """Recent levels of one input; safe to call from any thread (checklist checks run on workers)."""
        return self.session.meter_history(input_name, since) if self.session is not None else []

    def request_blocking(
        self, request_type: str, data: dict[str, Any] | None = None, timeout: float = 5.0
    ) -> dict[str, Any]:
        """For worker threads only (never the GUI thread): send and wait for the answer. Not attributed
        (Attribution lives on the GUI thread): send changes the event log should credit with request()."""
        session = self.session
        if session is None:
            raise NotConnected("not connected to OBS")
        return session.request_blocking(request_type, data, timeout)
