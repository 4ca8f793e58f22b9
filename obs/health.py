"""The live stream-health engine: which stage is losing frames, how badly, since when, and what to do.

Fed one telemetry second at a time (the channel names of console.core.telemetry.channels, unknown = None), it
keeps short windows of each figure and runs rules with hysteresis: a finding opens (or gets worse) only
after the condition held for a few consecutive seconds, and eases or closes only after the figure stayed
well below the threshold for longer — so a finding does not flap on a noisy second. Thresholds are OBS's
own Stats-dock levels: dropped / skipped / missed frames over 1 % warning and 5 % danger, FPS below 0.95 /
0.80 of the target, render time above 0.75 / 1 frame interval, disk under 5 GiB / 1 GiB.

No Qt. Messages and remedies are translatable templates (context "Health") with their evidence as fields.
"""

from __future__ import annotations

import json
import math
import string
import time
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from obs.text import QT_TRANSLATE_NOOP

CATEGORIES = ("render", "encode", "network", "disk", "connection", "system", "audio")
SEVERITIES = ("info", "warning", "critical")
_RANK = {None: 0, "info": 1, "warning": 2, "critical": 3}
#: Frames lost, % (OBS's Stats dock: warning above 1 %, danger above 5 %).
DROP_WARNING, DROP_CRITICAL = 1.0, 5.0
#: 1 MiB (what OBS's availableDiskSpace counts in) in kilobits.
KBIT_PER_MIB = 1024 * 1024 * 8 / 1000
#: How many closed findings a show keeps in memory for the timeline (the database keeps them all).
HISTORY = 500
# A figure of the evidence that is not known (None) reads as this in a message — never as 0.
UNKNOWN = "—"
# "The last minute" of a loss figure: a whole minute of the link's 10-s windows (see _Series.minute).
MINUTE_S, WINDOW_S = 60, 10


class _EvidenceFormatter(string.Formatter):
    """str.format for a finding's template, where an unknown figure (None) prints as UNKNOWN whatever its
    format spec ("{pct:.1f}" cannot format None)."""

    def format_field(self, value: Any, format_spec: str) -> str:
        return UNKNOWN if value is None else super().format_field(value, format_spec)


_EVIDENCE = _EvidenceFormatter()


#: A short name for each finding (the Health dock's timeline, graph markers).
TITLES = {
    "render_lag": QT_TRANSLATE_NOOP("Health", "Rendering lag"),
    "encode_lag": QT_TRANSLATE_NOOP("Health", "Encoding lag"),
    "network": QT_TRANSLATE_NOOP("Health", "Network drops"),
    "reconnect": QT_TRANSLATE_NOOP("Health", "Stream reconnect"),
    "fps_low": QT_TRANSLATE_NOOP("Health", "FPS below target"),
    "render_time": QT_TRANSLATE_NOOP("Health", "Render time over budget"),
    "recording_stalled": QT_TRANSLATE_NOOP("Health", "Recording stalled"),
    "disk_low": QT_TRANSLATE_NOOP("Health", "Disk running low"),
    "cpu_saturated": QT_TRANSLATE_NOOP("Health", "CPU saturated"),
    "obs_unreachable": QT_TRANSLATE_NOOP("Health", "OBS not answering"),
    # obs/health_audio.py
    "mic_muted": QT_TRANSLATE_NOOP("Health", "Microphone muted"),
    "mic_silent": QT_TRANSLATE_NOOP("Health", "Microphone silent"),
    "clipping": QT_TRANSLATE_NOOP("Health", "Audio clipping"),
    "product_silent": QT_TRANSLATE_NOOP("Health", "Product video silent"),
}
CATEGORY_NAMES = {
    "render": QT_TRANSLATE_NOOP("Health", "Rendering"),
    "encode": QT_TRANSLATE_NOOP("Health", "Encoding"),
    "network": QT_TRANSLATE_NOOP("Health", "Network"),
    "disk": QT_TRANSLATE_NOOP("Health", "Disk"),
    "connection": QT_TRANSLATE_NOOP("Health", "Connection"),
    "system": QT_TRANSLATE_NOOP("Health", "System"),
    "audio": QT_TRANSLATE_NOOP("Health", "Audio"),
}


def rank(severity: str | None) -> int:
    return _RANK[severity]


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
    #: When it closed (wall clock; None while open, or for a finding read back from an earlier run).
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

    def explain(self, translated_template: str | None = None) -> str:
        return _EVIDENCE.vformat(translated_template or self.template, (), self.fields)

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
            str(row["category"]),
            str(row["severity"]),
            str(row["template"]),
            dict(json.loads(row["fields"] or "{}")),
            tuple(json.loads(row["remedies"] or "[]")),
            float(row["first_seen"]) - wall_offset,
            float(row["last_seen"]) - wall_offset,
            float(row["first_seen"]),
            float(row["last_seen"]),
            str(row["peak"]),
            bool(row["active"]),
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
            "remedies": [words(remedy) for remedy in self.remedies],
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

    severity: str | None
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
        known = sorted(v for v in list(self.values)[-seconds:] if v is not None)
        if len(known) < minimum:
            return None
        middle = len(known) // 2
        return known[middle] if len(known) % 2 else (known[middle - 1] + known[middle]) / 2

    def minute(self) -> float | None:
        """A 10-s-window channel (the link's drop percentages) over the last real minute. Six disjoint 10-s
        windows ending now make a minute (its Δdropped / Δframes at a steady frame rate); the mean of the last
        60 readings is exactly the mean of the ten such minutes that ended in the last 10 s, so one jittery
        second cannot swing it. None until a whole minute has been measured: the mean of whatever history
        exists is not "the last minute" (10 s after start it said 10.3 % when the real minute was 4.8 %)."""
        values = list(self.values)[-MINUTE_S:]
        if len(values) < MINUTE_S or values[0] is None:
            return None
        known = [v for v in values if v is not None]
        return sum(known) / len(known) if len(known) >= MINUTE_S - WINDOW_S else None

    def mean_known(self, seconds: int, minimum: int) -> float | None:
        """The mean, only if at least `minimum` of the last `seconds` are known (a fair window)."""
        known = [v for v in list(self.values)[-seconds:] if v is not None]
        return sum(known) / len(known) if len(known) >= minimum else None


class _Rule(ABC):
    """One kind of finding: at most one open episode (`current`) at a time."""

    id = ""
    category = ""

    def __init__(self) -> None:
        self.current: Finding | None = None

    @abstractmethod
    def step(self, engine: HealthEngine, t: float, wall: float) -> Change | None:
        """Read this second's figures; return what happened to the finding, if anything."""

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

    @abstractmethod
    def verdict(self, engine: HealthEngine) -> _Verdict:
        """The severity the figures call for now, and the evidence."""

    def step(self, engine: HealthEngine, t: float, wall: float) -> Change | None:
        verdict = self.verdict(engine)
        current = self.current
        if not verdict.known:
            self._up = self._down = 0
            self._unknown += 1
            if current is not None and self._unknown >= self.clear_s:
                return self._close(verdict)
            return None
        self._unknown = 0
        occurring = verdict.occurring if verdict.occurring is not None else verdict.severity is not None
        if current is not None and occurring:
            current.last_seen, current.last_seen_wall = t, wall
        if current is not None:
            # The evidence is this second's, whatever the hysteresis holds the severity at: a finding held at
            # critical kept the figures of the second it opened (5.5 % dropped while 4.8 % were).
            self._update(current, verdict)
        level = current.severity if current else None
        if rank(verdict.severity) > rank(level):
            self._down = 0
            self._up += 1
            if self._up >= self.enter_s:
                self._up = 0
                return self._raise(verdict, t, wall)
            return None
        self._up = 0
        if current is None:
            return None
        if rank(verdict.severity) == rank(level):
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


def _level(value: float | None, warning: float, critical: float) -> str | None:
    if value is None:
        return None
    return "critical" if value > critical else "warning" if value > warning else None


class _LossRule(_ThresholdRule):
    """Frames lost at one stage, over the last 10 s (the link's window) and the last minute."""

    channel = ""

    def __init__(self) -> None:
        super().__init__()
        self._peak = 0.0

    @abstractmethod
    def held_template(self) -> str:
        """The message while easing: the episode's worst figure and today's."""

    @abstractmethod
    def templates(self, engine: HealthEngine, minute_known: bool) -> tuple[str, tuple[str, ...]]:
        """The message (which says so when less than a minute has been measured) and the remedies."""

    def verdict(self, engine: HealthEngine) -> _Verdict:
        series = engine.series[self.channel]
        recent = series.last()
        if recent is None:
            return _Verdict(None, known=False)
        minute = series.minute()
        worst = max(recent, minute or 0.0)
        severity = max(
            _level(recent, DROP_WARNING, DROP_CRITICAL), _level(minute, DROP_WARNING, DROP_CRITICAL), key=rank
        )
        level = self.current.severity if self.current else None
        threshold = DROP_CRITICAL if level == "critical" else DROP_WARNING
        # The worst 10-s figure of this episode: while the hysteresis holds a severity the figures no longer
        # call for, the message quotes it ("was 7.2 %, now 0.0 %"), not a bare 0.0 % beside "critical".
        self._peak = max(self._peak if self.current is not None else 0.0, recent)
        held = level is not None and rank(severity) < rank(level)
        template, remedies = self.templates(engine, minute is not None)
        if held:
            template = self.held_template()
        return _Verdict(
            severity,
            below=recent < threshold / 2 and (minute or 0.0) < threshold,
            fields={"pct": recent, "pct_minute": minute, "worst": worst, "peak": self._peak},
            template=template,
            remedies=remedies,
            occurring=recent > DROP_WARNING,
        )


class RenderLag(_LossRule):
    id, category, channel = "render_lag", "render", "drop_render_pct"

    def held_template(self) -> str:
        return QT_TRANSLATE_NOOP(
            "Health",
            "Rendering lag: OBS missed up to {peak:.1f} % of frames in a 10-s window of this episode; {pct:.1f} % in "
            "the last 10 s. The graphics card could not finish the picture in time.",
        )

    def templates(self, engine: HealthEngine, minute_known: bool) -> tuple[str, tuple[str, ...]]:
        return (
            QT_TRANSLATE_NOOP(
                "Health",
                "Rendering lag: OBS missed {pct:.1f} % of frames in the last 10 s ({pct_minute:.1f} % over the "
                "last minute). The graphics card cannot finish the picture in time.",
            )
            if minute_known
            else QT_TRANSLATE_NOOP(
                "Health",
                "Rendering lag: OBS missed {pct:.1f} % of frames in the last 10 s (less than a minute measured so "
                "far). The graphics card cannot finish the picture in time.",
            ),
            (
                QT_TRANSLATE_NOOP("Health", "Cap the game's frame rate or turn on V-Sync, and lower its quality."),
                QT_TRANSLATE_NOOP(
                    "Health", "Simplify the scenes: fewer browser sources and filters, one game capture at a time."
                ),
                QT_TRANSLATE_NOOP(
                    "Health", "On Windows run OBS as administrator; on a laptop run it on the dedicated graphics card."
                ),
            ),
        )


class EncodeLag(_LossRule):
    id, category, channel = "encode_lag", "encode", "drop_encode_pct"

    def held_template(self) -> str:
        return QT_TRANSLATE_NOOP(
            "Health",
            "Encoding lag: the encoder skipped up to {peak:.1f} % of frames in a 10-s window of this episode; "
            "{pct:.1f} % in the last 10 s. It could not keep up with the resolution and frame rate.",
        )

    def templates(self, engine: HealthEngine, minute_known: bool) -> tuple[str, tuple[str, ...]]:
        message = (
            QT_TRANSLATE_NOOP(
                "Health",
                "Encoding lag: the encoder skipped {pct:.1f} % of frames in the last 10 s ({pct_minute:.1f} % over "
                "the last minute). It cannot keep up with the resolution and frame rate.",
            )
            if minute_known
            else QT_TRANSLATE_NOOP(
                "Health",
                "Encoding lag: the encoder skipped {pct:.1f} % of frames in the last 10 s (less than a minute "
                "measured so far). It cannot keep up with the resolution and frame rate.",
            )
        )
        lower = QT_TRANSLATE_NOOP("Health", "Lower the output resolution first, then the frame rate (60 → 30 fps).")
        if engine.encoder == "hardware":
            return message, (
                lower,
                QT_TRANSLATE_NOOP(
                    "Health", "Choose a faster encoder preset and turn off look-ahead and multipass (two-pass) mode."
                ),
                QT_TRANSLATE_NOOP(
                    "Health", "Lower the game's graphics load: the hardware encoder shares the graphics card."
                ),
            )
        return message, (
            lower,
            QT_TRANSLATE_NOOP("Health", "Use a faster x264 preset (veryfast) or switch to a hardware encoder."),
            QT_TRANSLATE_NOOP("Health", "Close programs that use a lot of CPU while streaming."),
        )


class NetworkDrops(_ThresholdRule):
    """Frames dropped before they reached the server, and congestion (OBS's send buffer filling) that comes
    before the drops: OBS's network light is bad above 2/3 and drops frames at 1."""

    id, category = "network", "network"

    def verdict(self, engine: HealthEngine) -> _Verdict:
        drops = engine.series["drop_network_pct"].last()
        congestion = engine.series["congestion"].mean_known(10, 5)
        if drops is None and congestion is None:
            return _Verdict(None, known=False)
        minute = engine.series["drop_network_pct"].minute()
        severity = max(
            _level(drops, DROP_WARNING, DROP_CRITICAL),
            _level(minute, DROP_WARNING, DROP_CRITICAL),
            _level(congestion, 2 / 3, 0.95),
            key=rank,
        )
        level = self.current.severity if self.current else None
        threshold = DROP_CRITICAL if level == "critical" else DROP_WARNING
        below = (drops or 0.0) < threshold / 2 and (minute or 0.0) < threshold and (congestion or 0.0) < 1 / 3
        target = engine.references.get("target_bitrate_kbps")
        return _Verdict(
            severity,
            below=below,
            # Unknown is None (null in the monitor's JSON, "—" in a message), never 0.
            fields={
                "pct": drops,
                "pct_minute": minute,
                "congestion_pct": None if congestion is None else congestion * 100,
                "kbps": engine.series["bitrate_kbps"].mean(10),
                "target_kbps": target,
            },
            template=QT_TRANSLATE_NOOP(
                "Health",
                "Network: {pct:.1f} % of frames dropped in the last 10 s ({pct_minute:.1f} % over the last minute); "
                "the send buffer is {congestion_pct:.0f} % congested, {kbps:.0f} kbit/s getting through on "
                "average over the last 10 s. The connection to the server cannot carry the bitrate.",
            )
            if minute is not None
            else QT_TRANSLATE_NOOP(
                "Health",
                "Network: {pct:.1f} % of frames dropped in the last 10 s (less than a minute measured so far); the "
                "send buffer is {congestion_pct:.0f} % congested, {kbps:.0f} kbit/s getting through on "
                "average over the last 10 s. The connection to the server cannot carry the bitrate.",
            ),
            occurring=(drops or 0.0) > DROP_WARNING or (congestion or 0.0) > 2 / 3,
            remedies=(
                QT_TRANSLATE_NOOP("Health", "Use wired Ethernet instead of Wi-Fi."),
                QT_TRANSLATE_NOOP("Health", "Lower the video bitrate to at most about 75 % of the measured upload."),
                QT_TRANSLATE_NOOP("Health", "Stop other uploads on this network (cloud sync, other streams)."),
                QT_TRANSLATE_NOOP("Health", "Try a nearer ingest server, or enable dynamic bitrate in OBS."),
            ),
        )


class Reconnect(_Rule):
    """The stream's connection dropped: critical while OBS reconnects, then a warning for a minute (viewer
    figures dip for a while after a reconnect; the finding explains the dip)."""

    id, category = "reconnect", "connection"
    #: How long a reconnected stream's finding stays open.
    settle_s = 60.0

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self._started = 0.0
        self._back_at: float | None = None

    def _words(self, severity: str, outage: float) -> _Verdict:
        template = (
            QT_TRANSLATE_NOOP(
                "Health",
                "The stream's connection dropped {outage:.0f} s ago; OBS is reconnecting (drop {count} in this show). "
                "Viewers see the stream stall.",
            )
            if severity == "critical"
            else QT_TRANSLATE_NOOP(
                "Health",
                "The stream reconnected after {outage:.0f} s (drop {count} in this show). Viewer figures dip for a "
                "minute or two afterwards.",
            )
        )
        return _Verdict(
            severity,
            fields={"outage": outage, "count": self.count},
            template=template,
            remedies=(
                QT_TRANSLATE_NOOP("Health", "Check the network: cable, router, and whether the upload is shared."),
                QT_TRANSLATE_NOOP("Health", "If it keeps happening, try another ingest server or lower the bitrate."),
            ),
        )

    def step(self, engine: HealthEngine, t: float, wall: float) -> Change | None:
        reconnecting = engine.series["reconnecting"].last()
        streaming = engine.series["streaming"].last()
        current = self.current
        if reconnecting is None or streaming is None:
            return None  # OBS out of sight: nothing new can be said about the stream
        if reconnecting >= 0.5:
            if current is None or current.severity != "critical":
                self.count += 1
                self._started, self._back_at = t, None
                return self._raise(self._words("critical", 0.0), t, wall)
            current.last_seen, current.last_seen_wall = t, wall
            self._update(current, self._words("critical", t - self._started))
            return None
        if current is None:
            return None
        if streaming < 0.5:
            return self._close(self._words(current.severity, current.fields.get("outage", 0.0)))
        if current.severity == "critical":
            self._back_at = t
            current.severity = "warning"
            self._update(current, self._words("warning", t - self._started))
            return Change("lowered", current.snapshot())
        if self._back_at is not None and t - self._back_at >= self.settle_s:
            return self._close(self._words("warning", current.fields.get("outage", 0.0)))
        return None


class FpsLow(_ThresholdRule):
    id, category = "fps_low", "render"

    def verdict(self, engine: HealthEngine) -> _Verdict:
        fps = engine.series["fps"].median_known(5, 3)
        target = engine.series["fps_target"].last()
        if fps is None or not target:
            return _Verdict(None, known=False)
        ratio = fps / target
        severity = "critical" if ratio < 0.80 else "warning" if ratio < 0.95 else None
        return _Verdict(
            severity,
            below=ratio >= (0.90 if self.current and self.current.severity == "critical" else 0.98),
            fields={"fps": fps, "target": target, "pct": ratio * 100},
            template=QT_TRANSLATE_NOOP(
                "Health", "OBS renders {fps:.1f} fps instead of {target:.0f} ({pct:.0f} % of the target)."
            ),
            remedies=(
                QT_TRANSLATE_NOOP("Health", "Simplify the scenes and cap the game's frame rate."),
                QT_TRANSLATE_NOOP("Health", "Check that no other program holds the graphics card at full load."),
            ),
        )


class RenderTime(_ThresholdRule):
    id, category = "render_time", "render"
    enter_s = 5

    def verdict(self, engine: HealthEngine) -> _Verdict:
        render = engine.series["render_ms"].median_known(10, 5)
        budget = engine.series["frame_budget_ms"].last()
        if render is None or not budget:
            return _Verdict(None, known=False)
        share = render / budget
        severity = "critical" if share > 1.0 else "warning" if share > 0.75 else None
        return _Verdict(
            severity,
            below=share < (0.75 if self.current and self.current.severity == "critical" else 0.5),
            fields={"ms": render, "budget": budget, "pct": share * 100},
            template=QT_TRANSLATE_NOOP(
                "Health",
                "Rendering a frame takes {ms:.1f} ms of the {budget:.1f} ms available ({pct:.0f} %): no headroom left.",
            ),
            remedies=(
                QT_TRANSLATE_NOOP("Health", "Remove or hide sources and filters that are not needed in this scene."),
                QT_TRANSLATE_NOOP("Health", "Lower the base (canvas) resolution if it is higher than the output."),
            ),
        )


class RecordingStalled(_ThresholdRule):
    id, category = "recording_stalled", "disk"
    enter_s = 5
    clear_s = 3

    def verdict(self, engine: HealthEngine) -> _Verdict:
        recording = engine.series["recording"].last()
        kbps = engine.series["record_kbps"].last()
        if recording is None:
            return _Verdict(None, known=False)
        if recording < 0.5:
            return _Verdict(None)
        if kbps is None:
            return _Verdict(None, known=False)
        stalled = kbps < 1.0
        return _Verdict(
            "critical" if stalled else None,
            below=not stalled,
            fields={"kbps": kbps},
            template=QT_TRANSLATE_NOOP(
                "Health",
                "The recording has not grown for several seconds although OBS says it is recording: the disk is "
                "stalled, disconnected or full.",
            ),
            remedies=(
                QT_TRANSLATE_NOOP("Health", "Check the recording disk (cable, free space, a network drive gone)."),
                QT_TRANSLATE_NOOP("Health", "Stop and restart the recording on a local disk with free space."),
            ),
        )


class DiskLow(_ThresholdRule):
    """Free space where OBS records: OBS warns under 5 GiB and calls it dangerous under 1 GiB; while recording,
    the time left at the current rate matters as much."""

    id, category = "disk_low", "disk"
    clear_s = 5

    def verdict(self, engine: HealthEngine) -> _Verdict:
        free = engine.series["disk_free_mb"].last()
        if free is None:
            return _Verdict(None, known=False)
        recording = (engine.series["recording"].last() or 0.0) >= 0.5
        rate = engine.series["record_kbps"].mean_known(30, 5) if recording else None
        left_s = free * KBIT_PER_MIB / rate if rate and rate > 1.0 else None
        severity = max(
            _level(-free, -5 * 1024, -1024),
            _level(-(left_s / 60), -120, -15) if left_s is not None else None,
            key=rank,
        )
        level = self.current.severity if self.current else None
        floor_mib = (1024 if level == "critical" else 5 * 1024) * 1.1
        floor_min = 15 if level == "critical" else 120
        below = free > floor_mib and (left_s is None or left_s / 60 > floor_min * 1.1)
        fields: dict[str, Any] = {"free_gb": free / 1024, "minutes_left": (left_s or 0.0) / 60}
        template = (
            QT_TRANSLATE_NOOP(
                "Health",
                "Only {free_gb:.1f} GB free on the recording disk: about {minutes_left:.0f} minutes of recording left "
                "at the current rate.",
            )
            if left_s is not None
            else QT_TRANSLATE_NOOP("Health", "Only {free_gb:.1f} GB free on the recording disk.")
        )
        return _Verdict(
            severity,
            below=below,
            fields=fields,
            template=template,
            remedies=(
                QT_TRANSLATE_NOOP("Health", "Free space now, or set a recording path on a disk with more room."),
                QT_TRANSLATE_NOOP(
                    "Health", "Record MKV rather than MP4: a recording cut off by a full disk stays readable."
                ),
            ),
        )


class CpuSaturated(_ThresholdRule):
    """The whole computer's CPU at its limit; the evidence says how much of it is OBS's own."""

    id, category = "cpu_saturated", "system"
    enter_s = 5
    clear_s = 15

    def verdict(self, engine: HealthEngine) -> _Verdict:
        total = engine.series["cpu_system_pct"].mean_known(10, 5)
        if total is None:
            return _Verdict(None, known=False)
        obs_share = engine.series["obs_cpu_pct"].mean(10)
        if obs_share is None:
            obs_share = engine.series["obs_process_cpu_pct"].mean(10)
        severity = "critical" if total > 97 else "warning" if total > 90 else None
        others = max(0.0, total - obs_share) if obs_share is not None else None
        mostly_others = others is not None and obs_share is not None and others > obs_share
        remedies = (
            (
                QT_TRANSLATE_NOOP(
                    "Health", "Other programs use most of the CPU: close what is not needed for the show."
                ),
                QT_TRANSLATE_NOOP("Health", "Check for updates, scans or downloads running in the background."),
            )
            if mostly_others
            else (
                QT_TRANSLATE_NOOP(
                    "Health", "OBS itself uses most of the CPU: a faster x264 preset or a hardware encoder."
                ),
                QT_TRANSLATE_NOOP("Health", "Lower the output resolution or frame rate."),
            )
        )
        return _Verdict(
            severity,
            below=total < 80,
            fields={"total": total, "obs": obs_share if obs_share is not None else -1.0, "others": others or 0.0},
            template=QT_TRANSLATE_NOOP(
                "Health", "The computer's CPU is at {total:.0f} % (OBS {obs:.0f} %, other programs {others:.0f} %)."
            )
            if obs_share is not None
            else QT_TRANSLATE_NOOP("Health", "The computer's CPU is at {total:.0f} %."),
            remedies=remedies,
        )


class ObsUnreachable(_ThresholdRule):
    """The console lost OBS: critical while the show was on air (nobody can see what the stream does)."""

    id, category = "obs_unreachable", "connection"
    enter_s = 3
    clear_s = 1

    def __init__(self) -> None:
        super().__init__()
        self._gone_since: float | None = None

    def verdict(self, engine: HealthEngine) -> _Verdict:
        if engine.link_ok or not engine.ever_connected:
            self._gone_since = None
            return _Verdict(None)
        self._gone_since = self._gone_since if self._gone_since is not None else engine.t
        on_air = engine.on_air_before_loss
        return _Verdict(
            "critical" if on_air else "warning",
            below=False,
            fields={"seconds": engine.t - self._gone_since + 1},
            template=QT_TRANSLATE_NOOP(
                "Health",
                "OBS has not answered for {seconds:.0f} s. The stream may still be running, but nothing here can "
                "see or control it.",
            ),
            remedies=(
                QT_TRANSLATE_NOOP("Health", "Look at the OBS computer: is OBS frozen, closed, or the computer asleep?"),
                QT_TRANSLATE_NOOP("Health", "Check the network between this console and the OBS computer."),
            ),
        )


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
    ) -> None:
        from obs.health_audio import AudioSecond, audio_rules  # imports this module: deferred

        self.encoder = encoder_kind(encoder)
        #: This second's audio facts, set by the feeder before `feed` (obs.health_audio); None = not known.
        self.audio: AudioSecond | None = None
        #: Figures from outside the telemetry (the stream's configured bitrate, "target_bitrate_kbps"); the
        #: owner may share its own dict so what it learns later is seen here. Missing = unknown.
        self.references: dict[str, float | None] = {} if references is None else references
        self.series = {name: _Series() for name in CHANNELS}
        self.rules: tuple[_Rule, ...] = (
            ObsUnreachable(),
            Reconnect(),
            NetworkDrops(),
            EncodeLag(),
            RenderLag(),
            FpsLow(),
            RenderTime(),
            RecordingStalled(),
            DiskLow(),
            CpuSaturated(),
            *audio_rules(),
        )
        self.history: deque[Finding] = deque(maxlen=HISTORY)
        self.link_ok = True
        self.ever_connected = False
        self.on_air_before_loss = False
        self.t = 0.0
        self._wall = wall

    def set_encoder(self, encoder: str | None) -> None:
        self.encoder = encoder_kind(encoder)

    def feed(self, t: float, values: Mapping[str, float | None], link_ok: bool = True) -> list[Change]:
        """One second of telemetry (unknown = None or NaN); returns the findings that changed."""
        self.t = t
        for name, series in self.series.items():
            series.add(values.get(name))
        if link_ok:
            self.ever_connected = True
            streaming, recording = self.series["streaming"].last(), self.series["recording"].last()
            # A second whose poll is already stale (OBS freezing, not yet called unresponsive) does not know
            # whether the show is on air: it keeps what the last known second said.
            if streaming is not None or recording is not None:
                self.on_air_before_loss = (streaming or 0.0) >= 0.5 or (recording or 0.0) >= 0.5
        self.link_ok = link_ok
        wall = self._wall()
        changes = []
        for rule in self.rules:
            change = rule.step(self, t, wall)
            if change is not None:
                changes.append(change)
                if change.kind == "closed":
                    # The episode ends when it closes: a CPU warning whose figure last held at 12:22:06 stays
                    # open until the figures stayed low for the hysteresis (12:22:22).
                    change.finding.closed_wall = wall
                    self.history.append(change.finding)
        return changes

    def active(self) -> list[Finding]:
        """The open findings, worst first."""
        found = [rule.current.snapshot() for rule in self.rules if rule.current is not None]
        return sorted(found, key=lambda f: (-rank(f.severity), f.first_seen))

    def levels(self) -> dict[str, str | None]:
        """The worst open severity per category (None = fine)."""
        levels: dict[str, str | None] = dict.fromkeys(CATEGORIES)
        for finding in self.active():
            if rank(finding.severity) > rank(levels[finding.category]):
                levels[finding.category] = finding.severity
        return levels

    def load_history(self, findings: Iterable[Finding]) -> None:
        """A resumed show's earlier findings, for the timeline (as closed: the figures will tell anew)."""
        for finding in findings:
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
