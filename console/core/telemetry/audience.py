"""Audience sources: where viewers, likes and interactions come from. Each may be unknown at any time;
each source says how it is doing (ok, stale, rate-limited, auth error, offline) and why. Qt-free."""

from __future__ import annotations

import enum
import math
import re
import threading
import time
from dataclasses import dataclass
from typing import Any

from console.core.telemetry.live import AudienceReading
from obs.text import QT_TRANSLATE_NOOP, Message


class SourceStatus(enum.Enum):
    #: The room has no audience source set up.
    NONE = "none"
    CONNECTING = "connecting"
    OK = "ok"
    #: Nothing new for longer than the source promises: the last value is not shown as current.
    STALE = "stale"
    RATE_LIMITED = "rate_limited"
    AUTH_ERROR = "auth_error"
    #: The platform answers, but the room is not live.
    OFFLINE = "offline"
    ERROR = "error"


#: Multipliers written after a count, as platforms and spreadsheets print them.
_UNITS = {"": 1.0, "k": 1e3, "千": 1e3, "w": 1e4, "万": 1e4, "萬": 1e4, "m": 1e6, "百万": 1e6, "亿": 1e8, "億": 1e8}
_COUNT = re.compile(r"^([+]?\d+(?:\.\d+)?)\s*(k|千|w|万|萬|m|百万|亿|億)?\+?$")


def parse_count(value: Any) -> float | None:
    """A viewer, like or interaction count as platforms write it: 1888, "1888", "1,888", "1.2万" (12,000),
    "2.2K", "3.5M", "1.1亿", "10万+". Anything else — missing, empty, negative, not a number, a bool — is
    unknown (None), never 0."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        number = float(value)
        return number if math.isfinite(number) and number >= 0 else None
    if not isinstance(value, str):
        return None
    text = value.strip().replace(",", "").replace("，", "").replace(" ", "").lower()
    match = _COUNT.match(text)
    if match is None:
        return None
    return round(float(match.group(1)) * _UNITS[match.group(2) or ""], 6)


@dataclass(frozen=True)
class Detail:
    """Words for the user about a source: a translatable template (context "Audience") and its fields."""

    template: str = ""
    #: Strings, so a state compares equal; or words themselves (a system error's cause, obs.oswords).
    fields: tuple[tuple[str, str | Message], ...] = ()

    @classmethod
    def of(cls, template: str, **fields: object) -> Detail:
        return cls(template, tuple((name, _field(value)) for name, value in fields.items()))

    @property
    def message(self) -> Message:
        """The words as the one message type (obs/text.py); the fields stay strings so a state compares equal."""
        return Message(self.template, dict(self.fields), "Audience")

    def text(self, translated_template: str | None = None) -> str:
        return self.message.explain(translated_template)


def _field(value: object) -> str | Message:
    return value if isinstance(value, Message) else str(value)


@dataclass(frozen=True)
class SourceState:
    status: SourceStatus
    detail: Detail = Detail()
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
        self._state = SourceState(SourceStatus.CONNECTING, Detail(), time.monotonic())

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
            return SourceState(
                SourceStatus.STALE,
                Detail.of(
                    QT_TRANSLATE_NOOP("Audience", "No new figure for {seconds} s."), seconds=f"{now - reading.t:.0f}"
                ),
                reading.t,
            )
        return state

    # ------------------------------------------------------------------ for implementations
    def _publish(
        self, reading: AudienceReading, status: SourceStatus = SourceStatus.OK, detail: Detail = Detail()
    ) -> None:
        with self._lock:
            self._reading = reading
            if self._state.status is not status or self._state.detail != detail:
                self._state = SourceState(status, detail, reading.t)

    def _set_state(self, status: SourceStatus, detail: Detail = Detail()) -> None:
        with self._lock:
            if self._state.status is not status or self._state.detail != detail:
                self._state = SourceState(status, detail, time.monotonic())


class NoAudience(AudienceSource):
    """A room with no audience source set up: the audience graph stays empty and says why."""

    name = "none"

    def __init__(self) -> None:
        super().__init__()
        self._set_state(SourceStatus.NONE)


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
