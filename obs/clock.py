"""The one clock a room runs on: the simulator's OBS time, the link's stats poll, the room session's seconds and its
health engine all read it. The console and `onair monitor` use the real monotonic clock (`MONOTONIC`); a test may
hand every part the same `ManualClock` and advance it itself, so that a scenario of minutes runs in a moment and
each advance of one second is exactly one poll, one sample and one step of the health rules.

Only what happens *per second of the show* follows the clock. What guards against a peer that stopped answering
(request timeouts, the heartbeat, reconnect backoff) keeps real time: a frozen OBS is noticed after real seconds,
whatever the show's clock says."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Clock:
    """Monotonic seconds. `real` is True for the process's own monotonic clock (the default everywhere)."""

    real = True

    def now(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        """Let `seconds` of this clock pass: the real clock waits them out."""
        if seconds > 0:
            time.sleep(seconds)

    def on_advance(self, callback: Callable[[], None]) -> None:
        """`callback()` after each advance of a manual clock (from the advancing thread); the real clock has none."""

    def off_advance(self, callback: Callable[[], None]) -> None:
        """Stop calling `callback` (a part that stops must not be woken any more)."""


#: The real clock: what every part uses unless it is given another.
MONOTONIC = Clock()


class ManualClock(Clock):
    """A clock that stands still until `advance()`; it starts at the real monotonic time so that its readings
    look like the real clock's (a wall-clock offset taken from it is right at the start)."""

    real = False

    def __init__(self, start: float | None = None) -> None:
        self._now = time.monotonic() if start is None else start
        self._lock = threading.Lock()
        self._listeners: list[Callable[[], None]] = []

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> float:
        """Move on by `seconds` and wake every part waiting on the clock; returns the new time."""
        if seconds < 0:
            raise ValueError("a monotonic clock does not go back")
        with self._lock:
            self._now += seconds
            now = self._now
            listeners = list(self._listeners)
        for callback in listeners:
            callback()
        return now

    def sleep(self, seconds: float) -> None:
        """The one who sleeps on a manual clock is the one who moves it: `seconds` pass at once (the parts
        waiting on the clock are woken) and the sleeper goes on."""
        if seconds > 0:
            self.advance(seconds)

    def on_advance(self, callback: Callable[[], None]) -> None:
        with self._lock:
            self._listeners.append(callback)

    def off_advance(self, callback: Callable[[], None]) -> None:
        with self._lock:
            if callback in self._listeners:
                self._listeners.remove(callback)
