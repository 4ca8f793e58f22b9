"""The alert router: health changes in, one alert per finding episode out, rate-limited per destination. No Qt.

A room session hands every health `Change` (opened, raised, lowered, closed) here with whether it is on air. For
each destination that hears the room, an episode is announced once — when it first reaches the destination's
severity while the rule allows it (on air if asked) — and, once announced, followed by a "resolved" when it
closes; what happens in between (a second worse, a second better) says nothing new. Each destination keeps to
its platform's limit (platforms.LIMITS): alerts over it wait their turn in order; a platform's own "too fast"
(or a timeout, a 5xx) holds that destination back and the alert is tried again, up to MAX_ATTEMPTS times. Only
the counting runs on the caller's thread; the posting is the sender's.

An episode is told once however many sessions see it. A room passes between sessions — the console's and a direct
wall's (a tile clicked, the wall closed and opened again), or the console's before and after a restart — and each
new session opens the room's ongoing problems anew, each as an episode of its own. So what was told is kept by
(destination, room, finding id): a session opening (or moving) a finding still told and unresolved continues it —
no new alert, and its close is the one "resolved". A session that stops with a told finding open leaves it waiting
for the room's next session (`ended`); once a session of the room (`began`) has judged it — its OBS answering —
for GONE_AFTER_S without that finding, the episode is resolved as over by then, last seen when the earlier session
stopped (when it ended in between is not known). What was told is kept in a file (`told_path`) so that a console
restarted mid-episode continues it too.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from console.core.alerts.config import AlertConfig, Credentials, Destination
from console.core.alerts.durations import lasting
from console.core.alerts.platforms import LIMITS, Alert, Answer
from console.core.alerts.sender import Job, Sender
from obs.clock import MONOTONIC, Clock
from obs.health import Change, Ended, Finding
from obs.messages import LinkState, LinkStatus
from obs.state import ObsState
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
#: Seconds a room's session judges it (its OBS answering) without a finding told in an earlier session before that
#: episode is resolved as over. Longer than any rule takes to open a finding from a new session's first seconds
#: (5 s over a threshold, windows of 10-30 s, the viewers' complaints' minute), so a problem still there is
#: continued first, never resolved and told again.
GONE_AFTER_S = 90.0
#: A told episode kept in `told_path` whose room has not been seen for this long is forgotten at start-up: a
#: "resolved" a day later would be news to nobody.
TOLD_KEPT_S = 24 * 3600.0

SEVERITY_WORDS = {
    "info": QT_TRANSLATE_NOOP("Health", "info"),
    "warning": QT_TRANSLATE_NOOP("Health", "warning"),
    "critical": QT_TRANSLATE_NOOP("Health", "critical"),
}
OPENED = QT_TRANSLATE_NOOP("Alerts", "[{room}] {severity}: {title}")
RESOLVED = QT_TRANSLATE_NOOP("Alerts", "[{room}] resolved: {title}")
#: A finding closed because it no longer applies (obs.health.Ended): nothing was resolved.
ENDED: dict[str, str] = {
    Ended.STREAM_STOPPED: QT_TRANSLATE_NOOP("Alerts", "[{room}] ended, the stream stopped: {title}"),
    Ended.OBS_GONE: QT_TRANSLATE_NOOP("Alerts", "[{room}] ended, OBS out of sight: {title}"),
}
SINCE = QT_TRANSLATE_NOOP("Alerts", "Since {time}.")
#: {lasted}: durations.lasting ("25 s", "3 min", "2 min 5 s", "1 h 5 min").
OVER = QT_TRANSLATE_NOOP("Alerts", "Over at {time}, after {lasted}.")
#: An episode no session saw end (its room was passed to another session, or the console restarted): {time} when
#: the room's session had judged it long enough without it, {last} when it was last known open.
GONE = QT_TRANSLATE_NOOP(
    "Alerts", "Over by {time}. Last known at {last}, after {lasted}; when it ended in between is not known."
)
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
        ended = ENDED.get(str(finding.fields.get("ended")), RESOLVED)
        headline = _say(translate, ended, room=room, title=title)
        message = _say(translate, OVER, time=_clock_time(closed), lasted=lasting(lasted))
        resolved_at: float | None = closed
    else:
        headline = _say(translate, OPENED, room=room, severity=severity, title=title)
        message = f"{message}\n{_say(translate, SINCE, time=_clock_time(finding.first_seen_wall))}"
        resolved_at = None
    return _alert(room, finding, state, headline, message, title, language, resolved_at)


def compose_gone(
    room: str, finding: Finding, last_wall: float, now_wall: float, translate: Translate, language: str
) -> Alert:
    """The "resolved" of an episode that no session saw end: over by `now_wall`, last known open at `last_wall`."""
    title = translate("Health", finding_title(finding.id, finding.fields))
    lasted = max(0.0, last_wall - finding.first_seen_wall)
    headline = _say(translate, RESOLVED, room=room, title=title)
    message = _say(translate, GONE, time=_clock_time(now_wall), last=_clock_time(last_wall), lasted=lasting(lasted))
    return _alert(room, finding, "resolved", headline, message, title, language, now_wall)


def _alert(
    room: str,
    finding: Finding,
    state: str,
    headline: str,
    message: str,
    title: str,
    language: str,
    resolved_at: float | None,
) -> Alert:
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


#: What a room's session says of itself now: (it judges the room — its OBS answers —, the room is on air).
Watch = Callable[[], tuple[bool, bool]]


class _Watched(Protocol):
    """What `watch_of` reads of a room session (console/core/session.py RoomSession): immutable, any thread."""

    @property
    def status(self) -> LinkStatus: ...
    @property
    def state(self) -> ObsState: ...


def watch_of(session: _Watched) -> Watch:
    """A session's Watch: it judges its room while its OBS answers; on air while it streams."""
    return lambda: (session.status.state is LinkState.CONNECTED, session.state.stream.active)


@dataclass
class _Told:
    """An episode told to a destination and not yet resolved, followed through the sessions that see it."""

    #: The episode as told: its key is the alerts' episode, its first second the episode's start.
    first: Finding
    #: The episode in the session that carries it now: its close is the "resolved".
    key: str
    #: That session; None once it stopped with the episode open (or before a restart): the next one decides.
    source: Hashable | None
    #: When it was last known open (wall clock).
    last_wall: float
    #: Since when (the router's clock) a session of the room has judged it without this finding.
    judged_since: float | None = None

    def to_json(self, destination: str, room: str) -> dict[str, Any]:
        return {"destination": destination, "room": room, "finding": self.first.to_row(), "last": self.last_wall}


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
    of a manual clock) lets waiting alerts go when their destination's limit allows. A caller running sessions
    that come and go for a room says so with `began` and `ended`, and passes the session as `source`."""

    def __init__(
        self,
        config: AlertConfig,
        credentials: Callable[[str], Credentials | None],
        translate: Translate,
        clock: Clock = MONOTONIC,
        sender: Sender | None = None,
        told_path: Path | None = None,
    ) -> None:
        self.config = config
        self._credentials = credentials
        self._translate = translate
        self._clock = clock
        self._lock = threading.RLock()
        self._lanes = {d.name: _Lane(d) for d in config.destinations}
        #: (destination, room, finding id) told and not yet resolved.
        self._told: dict[tuple[str, str, str], _Told] = {}
        #: The sessions handing on each room's findings now, and how each says whether it judges the room.
        self._watchers: dict[str, dict[Hashable, Watch]] = {}
        self._told_path = told_path
        self._told_dirty = False
        self._load()
        #: Told (on the sender's thread) when an alert could not be delivered and will not be tried again:
        #: (destination name, the answer in words). The console says it in its event log.
        self.undelivered: Callable[[str, Answer], None] | None = None
        self.sender = sender or Sender()
        self.sender.idle = self._idle
        clock.on_advance(self.tick)

    def on_change(self, room: str, change: Change, on_air: bool, source: Hashable | None = None) -> None:
        """`source`: the session the change comes from (None for a caller with one session per room)."""
        finding = change.finding
        with self._lock:
            for destination in self.config.for_room(room):
                key = (destination.name, room, finding.id)
                told = self._told.get(key)
                if change.kind == "closed":
                    if told is not None and told.key == finding.key:
                        del self._told[key]
                        self._told_dirty = True
                        ended = finding.closed_wall if finding.closed_wall is not None else finding.last_seen_wall
                        # Said as the episode told: its key, since its first second, to now.
                        episode = replace(told.first, closed_wall=ended, last_seen_wall=finding.last_seen_wall)
                        self._queue(
                            destination, compose(room, episode, "resolved", self._translate, self.config.language)
                        )
                    continue  # another session's episode of it (the one carrying it now resolves it), or untold
                if told is not None:
                    # The same problem seen by another session of the room (or again by this one): one episode.
                    if told.source is None or told.source == source or change.kind == "opened":
                        told.key, told.source, told.judged_since = finding.key, source, None
                        told.last_wall = max(told.last_wall, finding.last_seen_wall)
                    continue
                if rank(finding.severity) < rank(destination.min_severity):
                    continue
                # A show cut by a lost OBS is off air because of the fault itself: "only on air" still hears of it.
                if destination.only_on_air and not on_air and finding.id != Kind.STREAM_NOT_RESUMED:
                    continue
                self._told[key] = _Told(finding.snapshot(), finding.key, source, finding.last_seen_wall)
                self._told_dirty = True
                self._queue(destination, compose(room, finding, "opened", self._translate, self.config.language))
        self.tick()

    def began(self, room: str, source: Hashable, watch: Watch) -> None:
        """A session (`source`) hands on `room`'s findings from now on; `watch()` says whether it judges the room
        now (its OBS answers) and whether the room is on air. Episodes told earlier and not carried by a running
        session wait for it: continued if it opens them, resolved once it has judged the room without them."""
        with self._lock:
            self._watchers.setdefault(room, {})[source] = watch

    def ended(self, room: str, source: Hashable) -> None:
        """That session stopped handing on `room`'s findings: the episodes it carried, open when it stopped, wait
        for the room's next session (last known open now)."""
        now_wall = time.time()
        with self._lock:
            watchers = self._watchers.get(room, {})
            watchers.pop(source, None)
            if not watchers:
                self._watchers.pop(room, None)
            for (_, told_room, _), told in self._told.items():
                if told_room == room and told.source == source:
                    told.source, told.judged_since = None, None
                    told.last_wall = max(told.last_wall, now_wall)
                    self._told_dirty = True

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
            kept = {key: told for key, told in self._told.items() if key[0] in self._lanes}
            self._told_dirty = self._told_dirty or len(kept) != len(self._told)
            self._told = kept

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
        """Resolve the episodes a room's session has judged long enough without; send what each destination's limit
        allows now."""
        now = self._clock.now()
        with self._lock:
            self._settle_unseen(now)
            for lane in self._lanes.values():
                while lane.pending and lane.allows(now):
                    alert, attempt = lane.pending.popleft()
                    lane.sent.append(now)
                    self.sender.submit(Job(lane.destination, self._credentials, alert, self._answered, attempt))

    def _settle_unseen(self, now: float) -> None:
        """Episodes no running session carries: resolved once a session of their room has judged it, its OBS
        answering, for GONE_AFTER_S without them ("did not resume" only once the room is on air again: a new
        session cannot know the room was on air when its OBS was lost)."""
        judged: dict[str, tuple[bool, bool]] = {}
        for (name, room, finding_id), told in list(self._told.items()):
            if told.source is not None:
                continue
            if room not in judged:
                judged[room] = self._judged(room)
            judging, on_air = judged[room]
            if not judging or (finding_id == Kind.STREAM_NOT_RESUMED and not on_air):
                told.judged_since = None
                continue
            if told.judged_since is None:
                told.judged_since = now
            if now - told.judged_since < GONE_AFTER_S:
                continue
            del self._told[(name, room, finding_id)]
            self._told_dirty = True
            lane = self._lanes.get(name)
            if lane is not None:
                alert = compose_gone(
                    room, told.first, told.last_wall, time.time(), self._translate, self.config.language
                )
                self._queue(lane.destination, alert)

    def _judged(self, room: str) -> tuple[bool, bool]:
        """Whether a session of the room judges it now, and whether it is on air (as its sessions say)."""
        judging = on_air = False
        for watch in list(self._watchers.get(room, {}).values()):
            try:
                now_judging, now_on_air = watch()
            except Exception:
                LOG.exception("alerts: a session of %s could not say whether it judges the room", room)
                continue
            judging, on_air = judging or now_judging, on_air or (now_judging and now_on_air)
        return judging, on_air

    # ------------------------------------------------------------------ what was told, kept through a restart
    def _load(self) -> None:
        """The episodes told before this console started and not resolved: they wait for the room's session."""
        path = self._told_path
        if path is None or not path.exists():
            return
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))["told"]
            cutoff = time.time() - TOLD_KEPT_S
            for entry in entries:
                first = Finding.from_row(entry["finding"], time.time() - self._clock.now())
                last = float(entry["last"])
                key = (str(entry["destination"]), str(entry["room"]), first.id)
                if key[0] in self._lanes and last >= cutoff:
                    self._told[key] = _Told(first, first.key, None, last)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            # Only what was told is lost: an ongoing problem is then told once more, never a problem left untold.
            LOG.warning("alerts: what was told before cannot be read from %s (%s): it is started afresh", path, exc)

    def _save(self) -> None:
        """What is told now, to `told_path` (written whole and renamed: a crash leaves the old file or the new)."""
        path = self._told_path
        with self._lock:
            if path is None or not self._told_dirty:
                return
            self._told_dirty = False
            entries = [told.to_json(name, room) for (name, room, _), told in self._told.items()]
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".part")
            partial.write_text(json.dumps({"version": 1, "told": entries}, ensure_ascii=False), encoding="utf-8")
            os.replace(partial, path)
        except OSError as exc:
            LOG.warning("alerts: what was told cannot be kept in %s: %s", path, exc)

    def _idle(self) -> None:
        """On the sender's thread, each idle second: the file is written there, never on a room's thread."""
        self.tick()
        self._save()

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
            key = (job.destination.name, job.alert.room, job.alert.finding)
            told = self._told.get(key)
            if given_up and job.alert.state == "opened" and told is not None and told.first.key == job.alert.episode:
                # The team never heard of it: no "resolved" may follow for an episode they were not told of.
                del self._told[key]
                self._told_dirty = True
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
        """Stop: the episodes told and still open are kept (last known open now) for the next start."""
        self._clock.off_advance(self.tick)
        self.sender.close()
        now_wall = time.time()
        with self._lock:
            for told in self._told.values():
                if told.source is not None:
                    told.last_wall = max(told.last_wall, now_wall)
                    self._told_dirty = True
        self._save()
