"""Audience sources: where viewers, likes and interactions come from. Each may be unknown at any time;
each source says how it is doing (ok, stale, rate-limited, auth error, offline) and why. Qt-free."""

from __future__ import annotations

import enum
import threading
import time
from dataclasses import dataclass
from typing import Any

from console.telemetry.live import AudienceReading


class SourceStatus(enum.Enum):
    CONNECTING = "connecting"
    OK = "ok"
    #: Nothing new for longer than the source promises: the last value is not shown as current.
    STALE = "stale"
    RATE_LIMITED = "rate_limited"
    AUTH_ERROR = "auth_error"
    #: The platform answers, but the room is not live.
    OFFLINE = "offline"
    ERROR = "error"


@dataclass(frozen=True)
class SourceState:
    status: SourceStatus
    detail: str = ""
    since: float = 0.0


class AudienceSource:
    """The interface: `reading()` is the newest reading (None until one), `state()` how the source is doing.
    Both are safe to call from any thread; sources that poll do it on their own thread."""

    name = "audience"
    #: A reading older than this is stale.
    stale_after_s = 120.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._reading: AudienceReading | None = None
        self._state = SourceState(SourceStatus.CONNECTING, "", time.monotonic())

    def start(self) -> None:
        """Begin (polling sources start their thread here)."""

    def stop(self) -> None:
        """End; must return promptly."""

    def reading(self) -> AudienceReading | None:
        with self._lock:
            return self._reading

    def current(self, now: float | None = None) -> AudienceReading | None:
        """The reading to show now: None unless the source is fine (ok, or offline with its last totals)."""
        if self.state(now).status in (SourceStatus.OK, SourceStatus.OFFLINE):
            return self.reading()
        return None

    def state(self, now: float | None = None) -> SourceState:
        now = time.monotonic() if now is None else now
        with self._lock:
            state, reading = self._state, self._reading
        if state.status is SourceStatus.OK and reading is not None and now - reading.t > self.stale_after_s:
            return SourceState(SourceStatus.STALE, f"no new figure for {now - reading.t:.0f} s", reading.t)
        return state

    # ------------------------------------------------------------------ for implementations
    def _publish(self, reading: AudienceReading, status: SourceStatus = SourceStatus.OK, detail: str = "") -> None:
        with self._lock:
            self._reading = reading
            if self._state.status is not status or self._state.detail != detail:
                self._state = SourceState(status, detail, reading.t)

    def _fail(self, status: SourceStatus, detail: str) -> None:
        with self._lock:
            if self._state.status is not status or self._state.detail != detail:
                self._state = SourceState(status, detail, time.monotonic())


class DemoAudience(AudienceSource):
    """The demo room's simulated audience, carried by obs-websocket CustomEvents from the simulator."""

    name = "demo"
    stale_after_s = 20.0  # the simulator sends every 5 s

    def feed(self, event_type: str, data: dict[str, Any], t: float) -> None:
        """Give it every OBS event (on any one thread); it keeps the simulator's audience reports."""
        if event_type != "CustomEvent":
            return
        payload = data.get("eventData")
        if not isinstance(payload, dict) or payload.get("onair") != "audience":
            return

        def number(key: str) -> float | None:
            value = payload.get(key)
            return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None

        reading = AudienceReading(t, number("viewers"), number("likes"), number("interactions"))
        self._publish(reading, SourceStatus.OK if payload.get("live") else SourceStatus.OFFLINE)
