"""ObsBridge: the OBS link seen from the GUI thread, as typed Qt signals.

The link's thread owns the connection; when it puts something in its outbox it wakes the bridge
with a queued signal (at most one pending at a time), and the bridge drains the outbox on the GUI
thread, applies it with ObsTracker and emits `sig_*` signals (coalesced: at most one state and one
meter signal per drain). A slow timer drains too, as a safety net. Requests go out as link
commands; their results come back to the GUI thread through a queued signal, never a blocking wait.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot

from console.core import logsafe
from obs.commands import Attribution, Command, Pending, SetInputMute
from obs.errors import NotConnected
from obs.link import ObsLink
from obs.messages import ObsClosing, ObsEvent, Snapshot, StatsPolled, StatusChanged
from obs.meters import MeterHistory
from obs.state import ObsState
from obs.tracker import ObsTracker

LOG = logging.getLogger(__name__)

#: Safety net only: the link wakes the bridge whenever it has something.
DRAIN_INTERVAL_MS = 1000

ResultCallback = Callable[[Any, BaseException | None], None]


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int
    password: str = ""

    @property
    def url(self) -> str:
        return f"ws://{self.host}:{self.port}"


def _owner_alive(callback: Callable[..., Any]) -> bool:
    """False when the callback is a method of a Qt object that has been deleted since the request left."""
    func = callback.func if isinstance(callback, partial) else callback
    owner = getattr(func, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class ObsBridge(QObject):
    sig_state_changed = Signal(object)  # ObsState
    sig_status_changed = Signal(object)  # LinkStatus
    sig_meters_updated = Signal(object)  # dict: input name -> per-channel levels
    sig_rates_updated = Signal(object)  # Rates
    sig_event_received = Signal(object, str)  # ObsEvent, who caused it: "console" or "obs"
    sig_obs_closing = Signal()
    sig_request_failed = Signal(str, object)  # what was attempted, the ObsError
    _sig_request_done = Signal(object, object, object, object)  # future, callback, description, Pending
    _sig_wake = Signal()  # emitted from the link's threads; queued to the GUI thread

    def __init__(self, parent: QObject | None = None, **link_options: Any) -> None:
        super().__init__(parent)
        self.tracker = ObsTracker()
        self.endpoint: Endpoint | None = None
        self._link: ObsLink | None = None
        self._link_options = link_options
        #: Which OBS events the console caused: every request registers what confirms it (obs/commands.py).
        self.attribution = Attribution()
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_drain)
        self._sig_request_done.connect(self._on_request_done)
        self._sig_wake.connect(self._on_timer_drain, Qt.ConnectionType.QueuedConnection)
        self._wake_pending = threading.Event()
        self._meter_history = MeterHistory()
        #: Meter history is kept only while someone listens (a checklist check): the GUI thread is spared it.
        self.meter_listeners = 0

    # ------------------------------------------------------------------ connection
    @property
    def state(self) -> ObsState:
        return self.tracker.state

    @property
    def linked(self) -> bool:
        """True between connect_to and shutdown (whether or not OBS answers right now)."""
        return self._link is not None

    def connect_to(self, endpoint: Endpoint) -> None:
        """Connect (or reconnect) to an OBS; the link retries by itself from here on."""
        logsafe.register_secret(endpoint.password)
        self.shutdown()
        self.endpoint = endpoint
        self.tracker = ObsTracker()
        self._link = ObsLink(
            endpoint.host, endpoint.port, endpoint.password, notify=self._wake, **self._link_options
        ).start()
        self._timer.start()

    def reconnect_now(self) -> None:
        if self._link is not None:
            self._link.reconnect_now()

    def set_password(self, password: str) -> None:
        logsafe.register_secret(password)
        if self._link is not None and self.endpoint is not None:
            self.endpoint = Endpoint(self.endpoint.host, self.endpoint.port, password)
            self._link.configure(self.endpoint.host, self.endpoint.port, password)

    def shutdown(self) -> None:
        self._timer.stop()
        if self._link is not None:
            self._link.stop()
            self._link = None

    # ------------------------------------------------------------------ requests
    def request(
        self,
        request_type: str,
        data: dict[str, Any] | None = None,
        *,
        description: str = "",
        on_done: ResultCallback | None = None,
        timeout: float | None = None,
    ) -> None:
        """Send a request; `on_done(result, error)` runs on the GUI thread. Failures with a description
        are also reported through sig_request_failed (for the event log and the status bar).

        The bridge outlives windows (a language switch rebuilds the window): when `on_done` is a method
        of a widget (or a functools.partial of one), an answer arriving after that widget was deleted is
        dropped — so pass a bound method or a partial, not a lambda, which hides its owner."""
        if self._link is None:
            return
        # Registered before sending: OBS may emit the confirming event before it answers the request.
        pending = self.attribution.expect(request_type, data or {}, self.state)
        future = self._link.request(request_type, data, timeout)
        future.add_done_callback(lambda f: self._sig_request_done.emit(f, on_done, description, pending))

    def send(self, command: Command, on_done: ResultCallback | None = None) -> None:
        """Send a typed command (obs/commands.py): the events that confirm it are credited to the console, a
        failure is reported in the user's language through sig_request_failed (when the command describes
        itself), and `on_done(result, error)` runs on the GUI thread — dropped, as for request(), if it is a
        method or partial of a widget deleted meanwhile."""
        if self._link is None:
            return
        # Registered before sending: OBS may emit the confirming event before it answers the request.
        pending = self.attribution.expect_command(command, self.state)
        described = command.description()
        description = described.render(QCoreApplication.translate) if described is not None else ""
        future = self._link.request(command.request_type, command.data(), None)
        future.add_done_callback(lambda f: self._sig_request_done.emit(f, on_done, description, pending))

    def set_input_mute(self, name: str, muted: bool) -> None:
        """Mute or unmute an input (the Audio dock's strips, the Health dock's Unmute): the OBS event that
        confirms it is credited to the console, and a failure is reported in words."""
        self.send(SetInputMute(name, muted))

    @Slot(object, object, object, object)
    def _on_request_done(
        self, future: Future[Any], on_done: ResultCallback | None, description: str, pending: Pending | None
    ) -> None:
        error = future.exception()
        result = None if error is not None else future.result()
        if error is not None:
            self.attribution.withdraw(pending)
        if error is not None and description:
            self.sig_request_failed.emit(description, error)
        if on_done is not None and _owner_alive(on_done):
            on_done(result, error)

    # ------------------------------------------------------------------ draining
    def _wake(self) -> None:
        """Called on the link's threads for every outbox item: one queued wake-up at a time."""
        if not self._wake_pending.is_set():
            self._wake_pending.set()
            self._sig_wake.emit()

    @Slot()
    def _on_timer_drain(self) -> None:
        self.drain()

    def drain(self) -> None:
        """Apply what the link has produced so far (normally woken by the link; callable any time)."""
        self._wake_pending.clear()
        if self._link is None:
            return
        items = self._link.drain(limit=5000)
        if not items:
            return
        before = self.tracker.state
        meters = False
        for item in items:
            try:
                self.tracker.handle(item)
            except Exception as exc:  # checked at the wire, so a bug: never a dead GUI, and the state re-read
                LOG.exception("could not apply %s", type(item).__name__)
                self._link.resync(f"could not apply {type(item).__name__}: {type(exc).__name__}: {exc}")
                continue
            if isinstance(item, ObsEvent):
                if item.event_type == "InputVolumeMeters":
                    meters = True
                    if self.meter_listeners:
                        self._meter_history.record(item)
                else:
                    self.sig_event_received.emit(item, self.attribution.attribute(item.event_type, item.data))
            elif isinstance(item, StatusChanged):
                self.sig_status_changed.emit(item.status)
            elif isinstance(item, StatsPolled) and self.tracker.rates is not None:
                self.sig_rates_updated.emit(self.tracker.rates)
            elif isinstance(item, ObsClosing):
                self.sig_obs_closing.emit()
            elif isinstance(item, Snapshot):
                self.attribution.clear()
        if self.tracker.state is not before:
            self.sig_state_changed.emit(self.tracker.state)
        if meters:
            self.sig_meters_updated.emit(self.tracker.meters)

    def meter_history(self, input_name: str, since: float) -> list[tuple[float, list[list[float]]]]:
        """Recent levels of one input; safe to call from any thread (checklist checks run on workers)."""
        return self._meter_history.since(input_name, since)

    def request_blocking(
        self, request_type: str, data: dict[str, Any] | None = None, timeout: float = 5.0
    ) -> dict[str, Any]:
        """For worker threads only (never the GUI thread): send and wait for the answer. Not attributed
        (Attribution lives on the GUI thread): send changes the event log should credit with request()."""
        if self._link is None:
            raise NotConnected("not connected to OBS")
        result: dict[str, Any] = self._link.request(request_type, data, timeout).result(timeout + 1.0)
        return result
