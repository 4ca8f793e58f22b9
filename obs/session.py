"""ObsSession: a synchronous, thread-safe view of one OBS link for headless tools (checks, monitor). No Qt.

A pump thread drains the link's outbox into an ObsTracker and keeps a short history of audio levels,
so a caller can ask "what is the state now", "send this request and wait", or "what did this input's
meter read over the last N seconds" from any thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from obs.health_audio import InputLevels
from obs.link import ObsLink
from obs.messages import LinkState, LinkStatus, ObsEvent, OutboxItem
from obs.meters import MeterHistory
from obs.state import ObsState
from obs.stats import Rates
from obs.tracker import ObsTracker

LOG = logging.getLogger(__name__)


class ObsSession:
    def __init__(
        self,
        host: str,
        port: int,
        password: str = "",
        on_item: Callable[[OutboxItem], None] | None = None,
        **link_options: Any,
    ) -> None:
        self.link = ObsLink(host, port, password, **link_options)
        #: Sees every outbox item on the pump thread, in order (markers, the demo audience); keep it short.
        self._on_item = on_item
        self._tracker = ObsTracker()
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._meters = MeterHistory()
        self._stop = threading.Event()
        self._pump = threading.Thread(target=self._run, name="obs-session-pump", daemon=True)
        #: Items that could not be applied, and pump failures: each was logged (and a resync asked for).
        self.failures = 0

    def start(self) -> ObsSession:
        self.link.start()
        self._pump.start()
        return self

    def close(self) -> None:
        self._stop.set()
        self.link.stop()
        self._pump.join(2.0)

    def __enter__(self) -> ObsSession:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(self) -> None:
        """Supervised: an item that cannot be applied is logged and the link reads the whole state again; the
        pump itself never stops before close() (a dead pump froze `onair monitor` on "connecting")."""
        while not self._stop.is_set():
            try:
                self._pump_once()
            except Exception:
                self.failures += 1
                LOG.exception("the OBS session pump failed; carrying on")
                time.sleep(0.1)  # whatever it was, never spin on it

    def _pump_once(self) -> None:
        item = self.link.get(timeout=0.1)
        with self._lock:
            try:
                while item is not None:
                    self._apply(item)
                    item = self.link.get()
                self._tracker.release_due()  # a program-scene change in studio mode that nothing followed
            finally:
                self._changed.notify_all()

    def _apply(self, item: OutboxItem) -> None:
        """One item into the tracker, the hook and the meter history. Caller holds _lock."""
        try:
            self._tracker.handle(item)
            if isinstance(item, ObsEvent) and item.event_type == "InputVolumeMeters":
                self._meters.record(item)
        except Exception as exc:
            self.failures += 1
            what = item.event_type if isinstance(item, ObsEvent) else type(item).__name__
            LOG.exception("could not apply %s from OBS", what)
            self.link.resync(f"the console could not apply {what}: {type(exc).__name__}: {exc}"[:300])
        if self._on_item is not None:
            try:
                self._on_item(item)
            except Exception:
                LOG.exception("ObsSession item hook failed")

    # ------------------------------------------------------------------ reading
    @property
    def state(self) -> ObsState:
        with self._lock:
            return self._tracker.state

    @property
    def status(self) -> LinkStatus:
        with self._lock:
            return self._tracker.status

    @property
    def rates(self) -> Rates | None:
        with self._lock:
            return self._tracker.rates

    def wait_for(self, predicate: Any, timeout: float) -> bool:
        """Wait until predicate(tracker) is true; False on timeout."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while not predicate(self._tracker):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._changed.wait(remaining)
            return True

    def wait_connected(self, timeout: float) -> bool:
        """True once connected; False on timeout or when the link gave up (wrong password, too old)."""
        final = (LinkState.CONNECTED, LinkState.AUTH_FAILED, LinkState.INCOMPATIBLE)
        self.wait_for(lambda t: t.status.state in final, timeout)
        return self.status.state is LinkState.CONNECTED

    def take_audio_levels(self) -> dict[str, InputLevels]:
        """The meters since the last call, reduced per input (the health engine's audio second)."""
        with self._lock:
            return self._tracker.audio_levels.take()

    def meter_history(self, input_name: str, since: float) -> list[tuple[float, list[list[float]]]]:
        return self._meters.since(input_name, since)

    # ------------------------------------------------------------------ asking
    def request(self, request_type: str, data: dict[str, Any] | None = None, timeout: float = 5.0) -> dict[str, Any]:
        """Send and wait (on this thread: never call from a GUI thread)."""
        result: dict[str, Any] = self.link.request(request_type, data, timeout).result(timeout + 1.0)
        return result

    request_blocking = request  # the name checklists.context.HeadlessObs asks for
