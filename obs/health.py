"""The live stream-health engine: episodes of findings, hysteresis, the show's history, fed once a second.

Fed one telemetry second at a time (the channel names of console.core.telemetry.channels, unknown = None), it
keeps short windows of each figure and asks each rule (obs/health_rules.py, obs/health_audio.py) for its
verdict, with hysteresis: a finding opens (or gets worse) only after the condition held for a few consecutive
seconds, and eases or closes only after the figure stayed well below the threshold for longer — so a finding
does not flap on a noisy second. The engine knows nothing of what a rule measures or says; the rules know
nothing of episodes. The thresholds are OBS's own (obs/vocabulary.py).

No Qt. Messages and remedies are translatable templates (context "Health") with their evidence as fields.
"""

from __future__ import annotations

import enum
import json
import math
import statistics
import time
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from obs.messages import LinkLoss
from obs.state import VideoSettings
from obs.text import UNKNOWN as UNKNOWN
from obs.text import Message
from obs.vocabulary import CATEGORIES as CATEGORIES
from obs.vocabulary import CATEGORY_NAMES as CATEGORY_NAMES
from obs.vocabulary import TITLES as TITLES
from obs.vocabulary import Category, Kind, Severity, precedence
from obs.vocabulary import rank as rank

#: The severities, mildest first (the stored strings).
SEVERITIES = tuple(Severity)
#: How many closed findings a show keeps in memory for the timeline (the database keeps them all).
HISTORY = 500
#: A finding open when a console stopped (a crash, kill -9, a restart) and found again by the next console of the
#: same show within this many seconds of its last held second is the same episode going on, not a second one: the
#: host's muted microphone through a console restart is one incident, not two (walk16).
RESUME_GAP_S = 60.0
#: How long (seconds fed) an episode opened at a console's start waits for the show's stored history to say whether it
#: goes on one the restart cut off (HealthEngine.await_history); after that it is told as new.
HISTORY_WAIT_S = 15.0
# "The last minute" of a loss figure: a whole minute of the link's 10-s windows (see _Series.minute).
MINUTE_S, WINDOW_S = 60, 10
#: The Qt translation context of the findings' words.
TR_CONTEXT = "Health"


class Ended(enum.StrEnum):
    """Why a finding closed without its problem being fixed: its condition no longer applies (the "ended" field of
    a closed finding; the stored strings are these values). A finding closed without it cleared: its figures said
    fine. A muted microphone was "cleared" in the event log when the stream stopped with it still muted."""

    #: The stream stopped: a finding of the stream on air (a muted microphone, the drops) no longer applies.
    STREAM_STOPPED = "stream_stopped"
    #: OBS is out of sight (closed, frozen, its computer away): nobody knows whether the problem went on.
    OBS_GONE = "obs_gone"


def encoder_kind(name: str | None) -> str | None:
    """'software' (x264 and other CPU encoders), 'hardware' (NVENC, AMF, QuickSync, VideoToolbox, VA-API) or
    None (unknown), from OBS's encoder id in either output mode."""
    if not name:
        return None
    lowered = name.lower()
    if any(mark in lowered for mark in ("nvenc", "amd", "amf", "qsv", "quicksync", "videotoolbox", "apple", "vaapi")):
        return "hardware"
    if any(mark in lowered for mark in ("x264", "x265", "svt", "aom", "openh264", "rav1e")):
        return "software"
    return None


def _member(vocabulary: type[Category] | type[Severity], stored: Any) -> str:
    """A stored word as its member of the vocabulary; a word this version does not know stays as it was stored
    (a show written by a newer console still opens)."""
    try:
        return vocabulary(str(stored))
    except ValueError:
        return str(stored)


@dataclass
class Finding:
    """One episode of one problem: opened, maybe worse or better for a while, then closed."""

    id: str
    category: str
    severity: str
    template: str
    fields: dict[str, Any]
    remedies: tuple[str, ...]
    first_seen: float  # monotonic
    last_seen: float  # the last second the condition held
    first_seen_wall: float
    last_seen_wall: float
    peak: str = ""
    active: bool = True
    #: When it closed (wall clock; None while open, or when it was cut off by a stop: stored as closed_at).
    closed_wall: float | None = None

    def __post_init__(self) -> None:
        self.peak = self.peak or self.severity

    @property
    def key(self) -> str:
        """Unique per episode (the id can recur in a show)."""
        return f"{self.id}@{self.first_seen_wall:.3f}"

    @property
    def message(self) -> str:
        return self.explain()

    @property
    def text(self) -> Message:
        """The message as data: its template and this second's evidence."""
        return Message(self.template, dict(self.fields), TR_CONTEXT)

    def explain(self, translated_template: str | None = None) -> str:
        """The message; pass the template translated in context "Health" to say it in the reader's language."""
        return self.text.explain(translated_template)

    def advice(self, translate: Callable[[str], str] | None = None) -> list[str]:
        """The remedies with this second's figures in them ("at most about 225 kbit/s"); pass a function that
        translates a template in context "Health" to say them in the reader's language."""
        words = translate or (lambda text: text)
        return [Message(remedy, dict(self.fields), TR_CONTEXT).explain(words(remedy)) for remedy in self.remedies]

    @property
    def until_wall(self) -> float:
        """The end of the episode as far as known: when it closed, else the last second it held."""
        return self.closed_wall if self.closed_wall is not None else self.last_seen_wall

    def snapshot(self) -> Finding:
        return replace(self, fields=dict(self.fields))

    def to_row(self) -> dict[str, Any]:
        """For the database (times as epoch seconds)."""
        return {
            "key": self.key,
            "finding_id": self.id,
            "category": self.category,
            "severity": self.severity,
            "peak": self.peak,
            "first_seen": self.first_seen_wall,
            "last_seen": self.last_seen_wall,
            "closed_at": self.closed_wall,
            "active": self.active,
            "message": self.message,
            "template": self.template,
            "fields": json.dumps(self.fields),
            "remedies": json.dumps(list(self.remedies)),
        }

    @classmethod
    def from_row(cls, row: Mapping[str, Any], wall_offset: float) -> Finding:
        """Back from the database; `wall_offset` = wall clock − monotonic clock of this process."""
        return cls(
            str(row["finding_id"]),
            _member(Category, row["category"]),
            _member(Severity, row["severity"]),
            str(row["template"]),
            dict(json.loads(row["fields"] or "{}")),
            tuple(json.loads(row["remedies"] or "[]")),
            float(row["first_seen"]) - wall_offset,
            float(row["last_seen"]) - wall_offset,
            float(row["first_seen"]),
            float(row["last_seen"]),
            _member(Severity, row["peak"]),
            bool(row["active"]),
            None if row.get("closed_at") is None else float(row["closed_at"]),
        )

    def to_json(self, explain: Callable[[str], str] | None = None) -> dict[str, Any]:
        """The monitor's and the database's shape: id, category, severity, message, evidence, times, remedies."""
        words = explain or (lambda text: text)

        def iso(wall: float) -> str:
            return datetime.fromtimestamp(wall).astimezone().isoformat(timespec="seconds")

        return {
            "id": self.id,
            "category": self.category,
            "severity": self.severity,
            "message": self.explain(words(self.template)),
            "evidence": {k: (round(v, 2) if isinstance(v, float) else v) for k, v in self.fields.items()},
            "first_seen": iso(self.first_seen_wall),
            "last_seen": iso(self.last_seen_wall),
            "active": self.active,
            "remedies": self.advice(explain),
        }


@dataclass(frozen=True)
class Change:
    """What happened to a finding this second: opened, raised, lowered or closed."""

    kind: str
    finding: Finding


@dataclass
class _Verdict:
    """A rule's reading of this second: the severity the figures call for (None = fine), whether the
    figures are known at all, whether it is well below the current level, and the evidence."""

    severity: Severity | None
    known: bool = True
    below: bool = True  # well below the current severity's threshold (allowed to ease)
    fields: dict[str, Any] = field(default_factory=dict)
    template: str = ""
    remedies: tuple[str, ...] = ()
    #: The problem is happening this second (for "last seen"); None: whenever a severity is called for.
    occurring: bool | None = None


class _Series:
    """The last `size` seconds of one channel (None for unknown)."""

    def __init__(self, size: int = 60) -> None:
        self.values: deque[float | None] = deque(maxlen=size)

    def add(self, value: float | None) -> None:
        self.values.append(None if value is None or math.isnan(value) else value)

    def last(self) -> float | None:
        return self.values[-1] if self.values else None

    def mean(self, seconds: int) -> float | None:
        known = [v for v in list(self.values)[-seconds:] if v is not None]
        return sum(known) / len(known) if known else None

    def median_known(self, seconds: int, minimum: int) -> float | None:
        """The median of the last `seconds` (at least `minimum` known): one odd reading — OBS reports 0 fps on
        its very first poll — cannot move it."""
        known = [v for v in list(self.values)[-seconds:] if v is not None]
        return statistics.median(known) if len(known) >= minimum else None

    def minute(self, *down: _Series) -> float | None:
        """A 10-s-window channel (the link's drop percentages) over the last real minute. Six disjoint 10-s
        windows ending now make a minute (its Δdropped / Δframes at a steady frame rate); the mean of the last
        60 readings is exactly the mean of the ten such minutes that ended in the last 10 s, so one jittery
        second cannot swing it. None until a whole minute has been measured: the mean of whatever history
        exists is not "the last minute" (10 s after start it said 10.3 % when the real minute was 4.8 %).

        `down` marks seconds in which the stage had no frames to lose (the stream reconnecting): such a second is
        not a hole in the minute, only a second without frames. A real OBS 29 resets the stream's counters while it
        reconnects and counts no frames until it is back, so the drop figure is unknown for the reconnect's 5–10 s;
        counted as holes, they made the minute unknown, the network finding closed ("well below" against an unknown
        minute) and opened again as a new warning once the minute — still holding the drops before the reconnect —
        was known again: one incident read as two (tech17). The same holds for the seconds a frozen OBS answered
        nothing (HealthEngine.unanswered, walk20b): it counted no frames then, and holes in their place closed a
        12-s freeze's render lag a minute early, then opened it again as a new "critical: missed up to 0.0 %"."""
        values = list(self.values)[-MINUTE_S:]
        if len(values) < MINUTE_S:
            return None
        off = [False] * MINUTE_S
        for series in down:
            flags = list(series.values)[-MINUTE_S:]
            marks = [False] * (MINUTE_S - len(flags)) + [flag is not None and flag >= 0.5 for flag in flags]
            off = [a or b for a, b in zip(off, marks, strict=True)]
        if values[0] is None and not off[0]:
            return None
        known = [v for v in values if v is not None]
        covered = len(known) + sum(1 for v, no_frames in zip(values, off, strict=True) if v is None and no_frames)
        if covered < MINUTE_S - WINDOW_S or len(known) < WINDOW_S:
            return None
        return sum(known) / len(known)

    def mean_known(self, seconds: int, minimum: int) -> float | None:
        """The mean, only if at least `minimum` of the last `seconds` are known (a fair window)."""
        known = [v for v in list(self.values)[-seconds:] if v is not None]
        return sum(known) / len(known) if len(known) >= minimum else None


class _Rule(ABC):
    """One kind of finding: at most one open episode (`current`) at a time."""

    id = ""
    category = ""
    #: A finding of the stream on air: one closed while the stream is off ended with it (Ended.STREAM_STOPPED).
    on_air_only = False

    def __init__(self) -> None:
        self.current: Finding | None = None

    @abstractmethod
    def step(self, engine: HealthEngine, t: float, wall: float) -> Change | None:
        """Read this second's figures; return what happened to the finding, if anything."""

    def resume(self, earlier: Sequence[Finding]) -> None:
        """A show resumed by a console started again: its earlier findings, for what the rule counts over the show
        (nothing by default)."""
        del earlier

    @staticmethod
    def _update(finding: Finding, verdict: _Verdict) -> None:
        finding.fields.update(verdict.fields)
        if verdict.template:
            finding.template = verdict.template
        if verdict.remedies:
            finding.remedies = verdict.remedies

    def _raise(self, verdict: _Verdict, t: float, wall: float) -> Change:
        assert verdict.severity is not None
        if self.current is None:
            self.current = Finding(
                self.id,
                self.category,
                verdict.severity,
                verdict.template,
                dict(verdict.fields),
                verdict.remedies,
                t,
                t,
                wall,
                wall,
            )
            return Change("opened", self.current.snapshot())
        self.current.severity = verdict.severity
        self.current.peak = max(self.current.peak, verdict.severity, key=rank)
        self.current.last_seen, self.current.last_seen_wall = t, wall
        self._update(self.current, verdict)
        return Change("raised", self.current.snapshot())

    def _close(self, verdict: _Verdict) -> Change:
        assert self.current is not None
        if verdict.known:
            self._update(self.current, replace(verdict, template="", remedies=()))
        self.current.active = False
        closed, self.current = self.current.snapshot(), None
        return Change("closed", closed)


class _ThresholdRule(_Rule):
    """A rule whose figures call for a severity each second (`verdict`), with hysteresis around it."""

    enter_s = 3  # consecutive seconds over a threshold before a finding opens or gets worse
    clear_s = 10  # consecutive seconds well below before it eases or closes

    def __init__(self) -> None:
        super().__init__()
        self._up = 0
        self._down = 0
        self._unknown = 0

    def in_episode(self) -> bool:
        """An episode is open, or the figures have called for one in the seconds just before this one (it opens
        after `enter_s` of them): those seconds are the episode's too, its worst figure may be among them."""
        return self.current is not None or self._up > 0

    @abstractmethod
    def verdict(self, engine: HealthEngine) -> _Verdict:
        """The severity the figures call for now, and the evidence."""

    def step(self, engine: HealthEngine, t: float, wall: float) -> Change | None:
        verdict = self.verdict(engine)
        if not verdict.known:
            return self._step_unknown(verdict)
        self._unknown = 0
        current = self.current
        if current is not None:
            occurring = verdict.occurring if verdict.occurring is not None else verdict.severity is not None
            if occurring:
                current.last_seen, current.last_seen_wall = t, wall
            # The evidence is this second's, whatever the hysteresis holds the severity at: a finding held at
            # critical kept the figures of the second it opened (5.5 % dropped while 4.8 % were).
            self._update(current, verdict)
        if rank(verdict.severity) > rank(current.severity if current else None):
            return self._step_worse(verdict, t, wall)
        self._up = 0
        if current is None:
            return None
        return self._step_not_worse(current, verdict)

    def _step_unknown(self, verdict: _Verdict) -> Change | None:
        """Figures unknown: nothing moves, and a finding closes once they have been unknown a while."""
        self._up = self._down = 0
        self._unknown += 1
        if self.current is not None and self._unknown >= self.clear_s:
            return self._close(verdict)
        return None

    def _step_worse(self, verdict: _Verdict, t: float, wall: float) -> Change | None:
        """The figures call for more than is open: raise once they have for `enter_s` seconds."""
        self._down = 0
        self._up += 1
        if self._up >= self.enter_s:
            self._up = 0
            return self._raise(verdict, t, wall)
        return None

    def _step_not_worse(self, current: Finding, verdict: _Verdict) -> Change | None:
        """An open finding whose figures call for as much or less: ease or close once well below `clear_s`."""
        if rank(verdict.severity) == rank(current.severity):
            self._update(current, verdict)
            self._down = 0
            return None
        if not verdict.below:
            self._down = 0
            return None
        self._down += 1
        if self._down < self.clear_s:
            return None
        self._down = 0
        if verdict.severity is None:
            return self._close(verdict)
        current.severity = verdict.severity
        self._update(current, verdict)
        return Change("lowered", current.snapshot())


#: Losses that are an OBS stall (None: a recorded second that does not say why; obs.messages.LinkLoss).
_STALLS = frozenset({None, LinkLoss.FROZEN})
#: Losses after which that OBS is gone (closed, crashed, quit): whatever it stalled is no longer counted.
_GONE = frozenset({LinkLoss.CLOSED, LinkLoss.EXITED})

#: Channels only OBS's stats poll fills: a second with none of them known is a second whose poll OBS did not answer.
_OBS_FIGURES = ("fps", "render_ms", "obs_cpu_pct", "streaming")

#: Channels the engine keeps windows of.
CHANNELS = (
    "bitrate_kbps", "congestion", "fps", "fps_target", "render_ms", "frame_budget_ms", "drop_render_pct",
    "drop_encode_pct", "drop_network_pct", "obs_cpu_pct", "disk_free_mb", "record_kbps", "streaming",
    "recording", "reconnecting", "cpu_system_pct", "obs_process_cpu_pct",
)  # fmt: skip


class HealthEngine:
    """Feed it every second; it returns what changed. Not thread-safe: one owner (the console's tick, or the
    monitor's loop)."""

    def __init__(
        self,
        encoder: str | None = None,
        wall: Callable[[], float] = time.time,
        references: dict[str, float | None] | None = None,
        rules: Sequence[_Rule] | None = None,
    ) -> None:
        # The rules import this module (the engine's types): deferred.
        from obs.health_audience import Complaints, audience_rules
        from obs.health_audio import AudioSecond, audio_rules
        from obs.health_rules import rules as stream_rules

        self.encoder = encoder_kind(encoder)
        #: This second's audio facts, set by the feeder before `feed` (obs.health_audio); None = not known.
        self.audio: AudioSecond | None = None
        #: This second's viewer complaints per kind, set by the feeder before `feed` (obs.health_audience); None =
        #: the room reads no comments.
        self.complaints: Complaints | None = None
        #: The room's video settings as OBS said them (GetVideoSettings: frame rate, output resolution), set by the
        #: feeder; None = not known. The advice names the room's own figures from them ("1280×720 → 854×480"),
        #: never a frame rate or a resolution the room does not run at.
        self.video: VideoSettings | None = None
        #: Figures from outside the telemetry (the stream's configured bitrate, "target_bitrate_kbps"); the
        #: owner may share its own dict so what it learns later is seen here. Missing = unknown.
        self.references: dict[str, float | None] = {} if references is None else references
        self.series = {name: _Series() for name in CHANNELS}
        self.rules: tuple[_Rule, ...] = (
            (*stream_rules(), *audio_rules(), *audience_rules()) if rules is None else tuple(rules)
        )
        self.history: deque[Finding] = deque(maxlen=HISTORY)
        self.link_ok = True
        #: Why OBS is not heard this second (an obs.messages.LinkLoss value; None while link_ok or not known)
        #: and where it was ("host:port"), as the link tells them.
        self.link_loss: str | None = None
        self.obs_address = ""
        self.ever_connected = False
        self.on_air_before_loss = False
        #: How long ago OBS was last heard, as the link counts it, this second (see feed); None = not known.
        self.unheard_s: float | None = None
        #: The last time OBS went unanswered after it had been heard (frozen, closed, its computer away): its first
        #: and last second (the link's verdict, fed with each second). Frames OBS counts as lost over such a stall
        #: are the stall's, whatever stage counts them (see stall_within).
        self._unanswered_since: float | None = None
        #: Whether a second has had OBS's own figures (a poll answered) yet.
        self._polled = False
        self.last_stall: tuple[float, float] | None = None
        #: Per second, 1.0 while OBS went unanswered as a stall (above): seconds without frames, not holes in a
        #: minute of frame losses (_Series.minute).
        self.unanswered = _Series()
        self.t = 0.0
        self._wall = wall
        #: Episodes open when the last console of this show stopped, by finding id: one found again soon goes on.
        self._resumable: dict[str, Finding] = {}
        #: How many seconds fed the show's stored history has been awaited (`await_history`); None: not awaited.
        self._awaited: int | None = None
        #: The rules whose episode opened while the history was awaited: told once it is in (`history_in`).
        self._held: list[_Rule] = []

    def set_encoder(self, encoder: str | None) -> None:
        self.encoder = encoder_kind(encoder)

    def feed(
        self,
        t: float,
        values: Mapping[str, float | None],
        link_ok: bool = True,
        loss: str | None = None,
        address: str = "",
        unheard_s: float | None = None,
    ) -> list[Change]:
        """One second of telemetry (unknown = None or NaN); returns the findings that changed. While the link is
        not ok, `loss` says why as far as the link knows (obs.messages.LinkLoss: OBS closed, frozen, its computer
        unreachable), `address` where OBS was, and `unheard_s` how long ago OBS was last heard (LinkStatus.lost_for;
        None: not known, counted from the first second the link was not ok): the finding says which, for how long,
        with its own words and remedies."""
        self.t = t
        self.unheard_s = None if link_ok else unheard_s
        for name, series in self.series.items():
            series.add(values.get(name))
        if link_ok:
            self.ever_connected = True
            streaming, recording = self.series["streaming"].last(), self.series["recording"].last()
            # A second whose poll is already stale (OBS freezing, not yet called unresponsive) does not know
            # whether the show is on air: it keeps what the last known second said.
            if streaming is not None or recording is not None:
                self.on_air_before_loss = (streaming or 0.0) >= 0.5 or (recording or 0.0) >= 0.5
        self._note_stall(t, link_ok, loss)
        self.unanswered.add(0.0 if self._unanswered_since is None else 1.0)
        self.link_ok = link_ok
        self.link_loss = None if link_ok else loss
        self.obs_address = address
        wall = self._wall()
        changes = []
        if self._awaited is not None:
            self._awaited += 1
            if self._awaited > HISTORY_WAIT_S:
                changes.extend(self._release(wall))  # the history is late (a slow database): what opened is new
        for rule in self.rules:
            change = rule.step(self, t, wall)
            if change is None or self._hold(rule, change, changes):
                continue
            if change.kind == "opened":
                change = self._go_on(rule, change, wall)
            changes.append(change)
            if change.kind == "closed":
                self._closed(rule, change.finding, wall)
        self._resumable = {k: f for k, f in self._resumable.items() if wall - f.last_seen_wall <= RESUME_GAP_S}
        return changes

    def _closed(self, rule: _Rule, finding: Finding, wall: float) -> None:
        # The episode ends when it closes: a CPU warning whose figure last held at 12:22:06 stays open until the
        # figures stayed low for the hysteresis (12:22:22).
        finding.closed_wall = wall
        ended = self._ended(rule)
        if ended is not None:
            finding.fields["ended"] = ended
        self.history.append(finding)

    def _ended(self, rule: _Rule) -> Ended | None:
        """Why a finding closing this second closes, when not because its figures said fine (None)."""
        if not self.link_ok and rule.id != Kind.OBS_UNREACHABLE:
            return Ended.OBS_GONE
        if rule.on_air_only and (self.series["streaming"].last() or 0.0) < 0.5:
            return Ended.STREAM_STOPPED
        return None

    def _go_on(self, rule: _Rule, change: Change, wall: float) -> Change:
        """An episode that opens soon after a restart, of the kind that was open when the last console stopped, is
        that episode going on: it keeps its start, its peak and its key (so it is stored as one row, and counted
        as one incident), and leaves the history it had been put in as cut off."""
        earlier = self._resumable.pop(rule.id, None)
        current = rule.current
        if earlier is None or current is None or wall - earlier.last_seen_wall > RESUME_GAP_S:
            return change
        current.first_seen, current.first_seen_wall = earlier.first_seen, earlier.first_seen_wall
        current.peak = max(current.peak, earlier.peak, key=rank)
        self.history = deque((f for f in self.history if f is not earlier), maxlen=HISTORY)
        return replace(change, finding=current.snapshot())

    def _note_stall(self, t: float, link_ok: bool, loss: str | None) -> None:
        """Only a frozen OBS stalls (its socket open, OBS answering nothing: `loss` "frozen"; not said: a recorded
        second, taken as before). An OBS closed or crashed stalled nothing: the one started again counts its frames
        from zero, so render lag after its restart is not the outage's (the finding blamed "OBS freezing" for 30 %
        lag after OBS had been closed 40 s); once OBS is known gone, an earlier freeze is that OBS's and goes too.
        The network between (unreachable, lost) says nothing of OBS's rendering either. An OBS never heard yet but
        known to be frozen — it accepted the connection and answers nothing: a console or `onair monitor` started
        while OBS was stopped — stalls as well: the frames it missed meanwhile are the freeze's, not the graphics
        card's (tech17)."""
        if link_ok and self._unpolled():
            # OBS heard before left this whole second unanswered while the link still called it connected: a freeze
            # shorter than the link's heartbeat (SIGSTOP 2 s) may end before the link declares it, by a race of a
            # few hundred milliseconds — `onair monitor` blamed the CPU for the frames it cost while the console
            # said "while OBS itself was not answering". The missed poll is the same fact for both.
            self._unanswered_since = t if self._unanswered_since is None else self._unanswered_since
            self.last_stall = (self._unanswered_since, t)
        elif link_ok or loss not in _STALLS:
            self._unanswered_since = None
            if not link_ok and loss in _GONE:
                self.last_stall = None
        elif self.ever_connected or loss == LinkLoss.FROZEN:
            self._unanswered_since = t if self._unanswered_since is None else self._unanswered_since
            self.last_stall = (self._unanswered_since, t)

    def _unpolled(self) -> bool:
        """This second has none of OBS's own figures after seconds that had them: its poll went unanswered."""
        known = any(self.series[name].last() is not None for name in _OBS_FIGURES)
        if known:
            self._polled = True
        return self._polled and not known

    def stall_within(self, seconds: float) -> float | None:
        """How long OBS went unanswered (seconds, counted as the link saw them) if that ended — or goes on — within
        the last `seconds`; None when OBS has answered all along that time."""
        if self.last_stall is None:
            return None
        first, last = self.last_stall
        return last - first + 1.0 if last >= self.t - seconds else None

    def active(self) -> list[Finding]:
        """The open findings, the one that matters most first (obs.vocabulary.precedence: OBS lost and a show it
        cut, then worst, then what costs the viewers now, then the oldest); one held for the history is not told
        yet."""
        found = [rule.current.snapshot() for rule in self.rules if rule.current is not None and rule not in self._held]
        return sorted(found, key=lambda f: precedence(f.id, f.severity, f.first_seen))

    def levels(self) -> dict[str, str | None]:
        """The worst open severity per category (None = fine)."""
        levels: dict[str, str | None] = dict.fromkeys(CATEGORIES)
        for finding in self.active():
            if rank(finding.severity) > rank(levels[finding.category]):
                levels[finding.category] = finding.severity
        return levels

    def _hold(self, rule: _Rule, change: Change, changes: list[Change]) -> bool:
        """Whether the change is held until the history is in (an episode that opened while it is awaited). One
        held that closes before is told now, opened and closed in order."""
        if self._awaited is None or (change.kind != "opened" and rule not in self._held):
            return False
        if change.kind != "closed":
            if rule not in self._held:
                self._held.append(rule)
            return True
        self._held.remove(rule)
        changes.append(replace(change, kind="opened", finding=replace(change.finding, active=True)))
        return False

    def await_history(self) -> None:
        """The show's stored history is on its way (a console started on a show that may be going on): an episode
        that opens before it is in is told only then, as the episode it goes on if it does (`history_in`) — a muted
        microphone opens 3 s after the start, before a long show's history is read, and was told as a new episode
        beside the one the restart cut off. At most HISTORY_WAIT_S of seconds fed."""
        self._awaited = 0

    def history_in(self, findings: Iterable[Finding]) -> list[Change]:
        """The stored history is in (`findings`: the show's earlier findings, none if it is a new show): loaded,
        and the episodes held meanwhile told — those going on an episode cut off by the restart as that one."""
        self.load_history(findings)
        return self._release(self._wall())

    def _release(self, wall: float) -> list[Change]:
        held, self._held, self._awaited = self._held, [], None
        return [self._go_on(rule, Change("opened", rule.current.snapshot()), wall) for rule in held if rule.current]

    def load_history(self, findings: Iterable[Finding]) -> None:
        """A resumed show's earlier findings, for the timeline (as closed: the figures will tell anew), and for what a
        rule counts over the whole show (the stream's drops)."""
        findings = list(findings)
        for rule in self.rules:
            rule.resume(findings)
        for finding in findings:
            if finding.active and finding.closed_wall is None:  # cut off by the stop: it may go on (_go_on)
                self._resumable[finding.id] = finding
            finding.active = False
            self.history.append(finding)

    def timeline(self) -> list[Finding]:
        """This show's findings, open and closed, in the order they opened."""
        return sorted([*self.history, *self.active()], key=lambda f: f.first_seen)


def replay(
    samples: Iterable[tuple[float, Mapping[str, float | None], bool]], encoder: str | None = None
) -> HealthEngine:
    """Run a recorded sequence through a fresh engine (tests, benchmarks, reviewing a stored show)."""
    engine = HealthEngine(encoder)
    for t, values, link_ok in samples:
        engine.feed(t, values, link_ok)
    return engine


#: Names that lived here before the rules moved to obs/health_rules.py (which imports this module, so they are
#: looked up on first use rather than imported at the top).
_MOVED_TO_RULES = frozenset(
    {
        "RenderLag", "EncodeLag", "NetworkDrops", "Reconnect", "FpsLow", "RenderTime", "RecordingStalled",
        "DiskLow", "CpuSaturated", "ObsUnreachable", "KBIT_PER_MIB",
    }
)  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in _MOVED_TO_RULES:
        from obs import health_rules

        return getattr(health_rules, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
