"""The alert router: health changes in, one alert per finding episode out, rate-limited per destination. No Qt.

A room session hands every health `Change` (opened, raised, lowered, closed) here with whether it is on air. For
each destination that hears the room, an episode is announced once — when it first reaches the destination's
severity while the rule allows it (on air if asked) — and, once announced, followed by a "resolved" when it
closes; what happens in between (a second worse, a second better) says nothing new. Each destination keeps to
its platform's limit (platforms.LIMITS): alerts over it wait their turn in order; a platform's own "too fast"
(or a timeout, a 5xx) holds that destination back and the alert is tried again, up to MAX_ATTEMPTS times. Only
the counting runs on the caller's thread; the posting is the sender's.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from console.core.alerts.config import AlertConfig, Credentials, Destination
from console.core.alerts.durations import lasting
from console.core.alerts.platforms import LIMITS, Alert, Answer
from console.core.alerts.sender import Job, Sender
from obs.clock import MONOTONIC, Clock
from obs.health import Change, Finding
from obs.text import QT_TRANSLATE_NOOP, Message, Translate
from obs.vocabulary import Kind, rank
from obs.vocabulary import title as finding_title

LOG = logging.getLogger(__name__)
#: Tries of one alert (a timeout, a 5xx or the platform's "too fast" is tried again; a refusal is not).
MAX_ATTEMPTS = 3
#: Seconds a destination rests after a failure that did not say how long.
RETRY_S = 30.0
#: Alerts a destination may hold while it waits for its limit; older ones beyond are dropped, counted and said.
MAX_PENDING = 100

SEVERITY_WORDS = {
    "info": QT_TRANSLATE_NOOP("Health", "info"),
    "warning": QT_TRANSLATE_NOOP("Health", "warning"),
    "critical": QT_TRANSLATE_NOOP("Health", "critical"),
}
OPENED = QT_TRANSLATE_NOOP("Alerts", "[{room}] {severity}: {title}")
RESOLVED = QT_TRANSLATE_NOOP("Alerts", "[{room}] resolved: {title}")
SINCE = QT_TRANSLATE_NOOP("Alerts", "Since {time}.")
#: {lasted}: durations.lasting ("25 s", "3 min", "2 min 5 s", "1 h 5 min").
OVER = QT_TRANSLATE_NOOP("Alerts", "Over at {time}, after {lasted}.")
TEST_HEADLINE = QT_TRANSLATE_NOOP("Alerts", "[{room}] test alert from OnAir Console")
TEST_MESSAGE = QT_TRANSLATE_NOOP("Alerts", "If you read this, the room's alerts reach this group. Sent at {time}.")


def _say(translate: Translate, template: str, **fields: object) -> str:
    return Message(template, fields, "Alerts").in_language(translate)


def _clock_time(wall: float) -> str:
    return datetime.fromtimestamp(wall).strftime("%H:%M:%S")


def compose(room: str, finding: Finding, state: str, translate: Translate, language: str) -> Alert:
    """The alert's words in the team's language (`translate`: Qt's translate, or any of its shape)."""
    title = translate("Health", finding_title(finding.id, finding.fields))
    severity = translate("Health", SEVERITY_WORDS.get(finding.severity, finding.severity))
    message = finding.text.in_language(translate)
    if state == "resolved":
        closed = finding.closed_wall if finding.closed_wall is not None else finding.last_seen_wall
        lasted = max(0.0, closed - finding.first_seen_wall)
        headline = _say(translate, RESOLVED, room=room, title=title)
        message = _say(translate, OVER, time=_clock_time(closed), lasted=lasting(lasted))
        resolved_at: float | None = closed
    else:
        headline = _say(translate, OPENED, room=room, severity=severity, title=title)
        message = f"{message}\n{_say(translate, SINCE, time=_clock_time(finding.first_seen_wall))}"
        resolved_at = None
    return Alert(
        room,
        finding.id,
        finding.key,
        finding.category,
        finding.severity,
        state,
        headline,
        message,
        title,
        language,
        finding.first_seen_wall,
        resolved_at,
    )


def test_alert(room: str, translate: Translate, language: str, wall: float) -> Alert:
    return Alert(
        room,
        "test",
        f"test@{wall:.3f}",
        "",
        "info",
        "test",
        _say(translate, TEST_HEADLINE, room=room),
        _say(translate, TEST_MESSAGE, time=_clock_time(wall)),
        "test",
        language,
        wall,
    )


@dataclass
class _Lane:
    """One destination's turn-keeping: what it sent when, what waits, and until when it rests."""

    destination: Destination
    sent: deque[float] = field(default_factory=deque)
    pending: deque[tuple[Alert, int]] = field(default_factory=deque)
    rest_until: float = 0.0
    dropped: int = 0
    last: Answer | None = None

    def allows(self, now: float) -> bool:
        if now < self.rest_until:
            return False
        limits = LIMITS[self.destination.platform]
        longest = max(per for _, per in limits)
        while self.sent and self.sent[0] <= now - longest:
            self.sent.popleft()
        return all(sum(1 for t in self.sent if t > now - per) < count for count, per in limits)


class AlertRouter:
    """Feed `on_change` from a room session; `tick` (called by the sender every idle second, and on each advance
    of a manual clock) lets waiting alerts go when their destination's limit allows."""

    def __init__(
        self,
        config: AlertConfig,
        credentials: Callable[[str], Credentials | None],
        translate: Translate,
        clock: Clock = MONOTONIC,
        sender: Sender | None = None,
    ) -> None:
        self.config = config
        self._credentials = credentials
        self._translate = translate
        self._clock = clock
        self._lock = threading.RLock()
        self._lanes = {d.name: _Lane(d) for d in config.destinations}
        #: (destination, room, episode) announced and not yet resolved.
        self._announced: set[tuple[str, str, str]] = set()
        #: Told (on the sender's thread) when an alert could not be delivered and will not be tried again:
        #: (destination name, the answer in words). The console says it in its event log.
        self.undelivered: Callable[[str, Answer], None] | None = None
        self.sender = sender or Sender()
        self.sender.idle = self.tick
        clock.on_advance(self.tick)

    def on_change(self, room: str, change: Change, on_air: bool) -> None:
        finding = change.finding
        with self._lock:
            for destination in self.config.for_room(room):
                key = (destination.name, room, finding.key)
                if change.kind == "closed":
                    if key in self._announced:
                        self._announced.discard(key)
                        self._queue(
                            destination, compose(room, finding, "resolved", self._translate, self.config.language)
                        )
                    continue
                if key in self._announced or rank(finding.severity) < rank(destination.min_severity):
                    continue
                # A show cut by a lost OBS is off air because of the fault itself: "only on air" still hears of it.
                if destination.only_on_air and not on_air and finding.id != Kind.STREAM_NOT_RESUMED:
                    continue
                self._announced.add(key)
                self._queue(destination, compose(room, finding, "opened", self._translate, self.config.language))
        self.tick()

    def reconfigure(self, config: AlertConfig, translate: Translate | None = None) -> None:
        """Another alerts.json (edited, or saved by the settings dialog) without losing what is under way: a
        destination kept by name keeps its turn-keeping, its waiting alerts and the episodes it was told of (so
        their "resolved" still follows); a removed one forgets them; a new one starts afresh."""
        with self._lock:
            old = self._lanes
            self.config = config
            if translate is not None:
                self._translate = translate
            self._lanes = {}
            for destination in config.destinations:
                lane = old.get(destination.name)
                if lane is None or lane.destination.platform != destination.platform:
                    lane = _Lane(destination)
                lane.destination = destination
                self._lanes[destination.name] = lane
            self._announced = {key for key in self._announced if key[0] in self._lanes}

    def _queue(self, destination: Destination, alert: Alert) -> None:
        lane = self._lanes[destination.name]
        if len(lane.pending) >= MAX_PENDING:
            lane.pending.popleft()
            lane.dropped += 1
            LOG.warning(
                "alerts to %s are waiting beyond %d: the oldest is dropped (%d so far)",
                destination.name,
                MAX_PENDING,
                lane.dropped,
            )
        lane.pending.append((alert, 1))

    def tick(self) -> None:
        """Send what each destination's limit allows now."""
        now = self._clock.now()
        with self._lock:
            for lane in self._lanes.values():
                while lane.pending and lane.allows(now):
                    alert, attempt = lane.pending.popleft()
                    lane.sent.append(now)
                    self.sender.submit(Job(lane.destination, self._credentials, alert, self._answered, attempt))

    def _answered(self, job: Job, answer: Answer) -> None:
        given_up = not answer.ok and (not answer.retry or job.attempt >= MAX_ATTEMPTS)
        self._note(job, answer)
        if given_up and self.undelivered is not None and job.alert.state != "test":
            try:
                self.undelivered(job.destination.name, answer)
            except Exception:
                LOG.exception("alerts: telling that an alert was not delivered failed")

    def _note(self, job: Job, answer: Answer) -> None:
        with self._lock:
            lane = self._lanes.get(job.destination.name)
            if lane is None:
                return
            lane.last = answer
            given_up = not answer.ok and (not answer.retry or job.attempt >= MAX_ATTEMPTS)
            if given_up and job.alert.state == "opened":
                # The team never heard of it: no "resolved" may follow for an episode they were not told of.
                self._announced.discard((job.destination.name, job.alert.room, job.alert.episode))
            if answer.retry:
                lane.rest_until = self._clock.now() + (answer.retry_after_s or RETRY_S)
                if job.attempt < MAX_ATTEMPTS:
                    lane.pending.appendleft((job.alert, job.attempt + 1))
                else:
                    LOG.warning(
                        "alert to %s given up after %d tries: %s",
                        job.destination.name,
                        job.attempt,
                        answer.words.explain(),
                    )

    def last_answer(self, destination: str) -> Answer | None:
        with self._lock:
            lane = self._lanes.get(destination)
            return None if lane is None else lane.last

    def waiting(self, destination: str) -> int:
        with self._lock:
            lane = self._lanes.get(destination)
            return 0 if lane is None else len(lane.pending)

    def lost(self) -> int:
        """Alerts not sent because a queue was full (the sender's or a destination's)."""
        with self._lock:
            return self.sender.overflow + sum(lane.dropped for lane in self._lanes.values())

    def close(self) -> None:
        self._clock.off_advance(self.tick)
        self.sender.close()
