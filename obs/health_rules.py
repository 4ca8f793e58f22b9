"""The live health rules: what each finding measures, when it calls for which severity, and what it says.

Each rule reads the engine's windows of this second (obs/health.py keeps them, and the episodes: when a finding
opens, eases, closes) and returns a verdict: the severity the figures call for, whether they are well below
the current level, the evidence, the message and the remedies. Thresholds are OBS's own Stats-dock levels
(obs/vocabulary.py): dropped / skipped / missed frames over 1 % warning and 5 % danger, FPS below 0.95 / 0.80
of the target, render time above 0.75 / 1 frame interval, disk under 5 GiB / 1 GiB.

No Qt. Messages and remedies are translatable templates (context "Health") with their evidence as fields.
"""

from __future__ import annotations

import enum
import math
import statistics
from abc import abstractmethod
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from obs.health import MINUTE_S, WINDOW_S, Change, Finding, _Rule, _ThresholdRule, _Verdict
from obs.messages import LinkLoss
from obs.text import QT_TRANSLATE_NOOP
from obs.vocabulary import (
    DISK_CRITICAL_MIB,
    DISK_WARNING_MIB,
    DROP_CRITICAL_PCT,
    DROP_WARNING_PCT,
    FPS_CRITICAL_RATIO,
    FPS_WARNING_RATIO,
    RENDER_CRITICAL_SHARE,
    RENDER_WARNING_SHARE,
    Category,
    Kind,
    Severity,
    rank,
)

if TYPE_CHECKING:
    from obs.health import HealthEngine

#: 1 MiB (what OBS's availableDiskSpace counts in) in kilobits.
KBIT_PER_MIB = 1024 * 1024 * 8 / 1000


def _level(value: float | None, warning: float, critical: float) -> Severity | None:
    if value is None:
        return None
    return Severity.CRITICAL if value > critical else Severity.WARNING if value > warning else None


def _obs_share(engine: HealthEngine) -> float | None:
    """OBS's part of the computer's CPU, lately: psutil's reading of OBS's process when OBS runs here (the same
    seconds as the total it is taken from), else OBS's own figure (over the time since its previous GetStats)."""
    share = engine.series["obs_process_cpu_pct"].mean(10)
    return share if share is not None else engine.series["obs_cpu_pct"].mean(10)


class _EpisodeRule(_ThresholdRule):
    """A rule that remembers its episode's worst figures: while the hysteresis holds a severity its figures no
    longer call for, the message quotes the worst of the episode, said as such ("lowest 18.0 fps in this
    episode"), beside this second's — never a healthy figure alone beside "critical"."""

    def __init__(self) -> None:
        super().__init__()
        self._worst: dict[str, float] = {}

    def worst(self, name: str, value: float | None, lowest: bool = False) -> float | None:
        """The episode's worst `name` so far, this second's `value` included (a new episode starts afresh; the
        seconds that opened it count: walk20b's finding said "up to 79.8 %" beside a graph at 92 %)."""
        if not self.in_episode():
            self._worst.pop(name, None)
        if value is not None:
            old = self._worst.get(name)
            self._worst[name] = value if old is None else min(old, value) if lowest else max(old, value)
        return self._worst.get(name)

    def held(self, severity: Severity | None) -> bool:
        """The finding stays at a severity this second's figures no longer call for."""
        level = self.current.severity if self.current else None
        return level is not None and rank(severity) < rank(level)


def _held_by_episode(level: str | None, severity: str | None, recent: str | None, peak: str | None) -> bool:
    """A frame-loss finding whose last 10-s window no longer calls for its open `level` (the hysteresis holds it, or
    the last minute does): its sentence then leads with the episode's worst window — "0.0 % in the last 10 s" first,
    beside critical, read as all clear on a wall tile cut after its first words. When the minute alone made it this
    severe and no window ever was (`peak` below `level`), its own sentence, which says the minute, stays."""
    return (
        level is not None and rank(recent) < rank(level) and (rank(severity) < rank(level) or rank(peak) >= rank(level))
    )


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
        minute = series.minute(engine.unanswered)
        # A first minute not measured yet (a console started less than a minute ago) will read at least what its
        # seconds so far hold, the rest of it clean: that much is judged now. walk22: a console restarted 20 s before
        # a 2-s freeze closed the render lag as the 10-s window cleared (an unknown minute taken for one well below),
        # and opened it again 22 s later as a new warning, "missed up to 0.0 %", once its first minute was measured.
        known = [v for v in list(series.values)[-MINUTE_S:] if v is not None]
        minute_at_least = minute if minute is not None else sum(known) / MINUTE_S
        worst = max(recent, minute or 0.0)
        severity = max(
            _level(recent, DROP_WARNING_PCT, DROP_CRITICAL_PCT),
            _level(minute_at_least, DROP_WARNING_PCT, DROP_CRITICAL_PCT),
            key=rank,
        )
        level = self.current.severity if self.current else None
        threshold = DROP_CRITICAL_PCT if level == Severity.CRITICAL else DROP_WARNING_PCT
        # The worst 10-s figure of this episode: while the hysteresis holds a severity the figures no longer
        # call for, the message quotes it ("was 7.2 %, now 0.0 %"), not a bare 0.0 % beside Severity.CRITICAL.
        self._peak = max(self._peak if self.in_episode() else 0.0, recent)
        held = _held_by_episode(
            level,
            severity,
            _level(recent, DROP_WARNING_PCT, DROP_CRITICAL_PCT),
            _level(self._peak, DROP_WARNING_PCT, DROP_CRITICAL_PCT),
        )
        template, remedies = self.templates(engine, minute is not None)
        if held:
            template = self.held_template()
        fields: dict[str, Any] = {"pct": recent, "pct_minute": minute, "worst": worst, "peak": self._peak}
        stall = self.stall(engine, _level(recent, DROP_WARNING_PCT, DROP_CRITICAL_PCT) is not None)
        if stall is not None:
            template, remedies = stall
            fields["stall_s"] = engine.stall_within(STALL_HELD_S)
        return _Verdict(
            severity,
            below=recent < threshold / 2 and minute_at_least < threshold,
            fields=fields,
            template=template,
            remedies=remedies,
            occurring=recent > DROP_WARNING_PCT,
        )

    def stall(self, engine: HealthEngine, recent_bad: bool) -> tuple[str, tuple[str, ...]] | None:
        """The words and remedies when the frames this finding counts were lost while OBS itself did not answer
        (None: they were not, or this stage's loss says nothing of a stall)."""
        return None


#: How long after OBS answered again the frames lost around its freeze are still the freeze's, once the last 10 s are
#: clean: the 10-s windows after the thaw hold the frames OBS counted as it caught up, the last minute holds those
#: windows, and the finding closes only after its hysteresis (clear_s) well below. With the minute alone (walk20b), a
#: 12-s freeze's render lag closed blaming the graphics card for the freeze's frames.
STALL_HELD_S = WINDOW_S + MINUTE_S + _ThresholdRule.clear_s + 2

#: What to do about frames OBS lost while it was frozen (render lag, network drops): not the graphics card's nor
#: the connection's remedies.
_FREEZE_REMEDIES = (
    QT_TRANSLATE_NOOP("Health", "Check the stream on the platform: viewers saw the picture stop while OBS was frozen."),
    QT_TRANSLATE_NOOP(
        "Health",
        "Look at the OBS computer for what froze it: memory full, a disk stalling, a source or plugin loading; OBS's "
        "log around that time may say.",
    ),
)


#: The computer's CPU (10-s mean, %) at which frames OBS misses in rendering are the CPU's: the CPU finding's warning.
CPU_STARVED_PCT = 90.0


class RenderLag(_LossRule):
    id, category, channel = Kind.RENDER_LAG, Category.RENDER, "drop_render_pct"

    def __init__(self) -> None:
        super().__init__()
        #: The highest CPU (10-s mean) of this episode's seconds that lost frames, while it was saturated.
        self._starved: float | None = None

    def verdict(self, engine: HealthEngine) -> _Verdict:
        """tech18: a real OBS on a computer whose CPU other programs held at 90 % missed 1.2 % of its frames, and the
        finding said "The graphics card cannot finish the picture in time" and advised capping the game's frame
        rate — with the CPU finding open beside it. Frames missed while the whole CPU is saturated are OBS short of
        CPU time (a software renderer, the compositor's own thread waiting for a core): said so, with the CPU's
        figures and its remedies, for the rest of the episode; a freeze's words still come first."""
        verdict = super().verdict(engine)
        if self.current is None and verdict.severity is None:
            self._starved = None
        cpu = engine.series["cpu_system_pct"].mean_known(10, 5)
        if verdict.occurring and cpu is not None and cpu >= CPU_STARVED_PCT:
            self._starved = max(self._starved or 0.0, cpu)
        if self._starved is None or "stall_s" in verdict.fields or not verdict.known:
            return verdict
        obs_share = _obs_share(engine)
        others = None if obs_share is None or cpu is None else max(0.0, cpu - obs_share)
        verdict.fields.update(cpu_pct=self._starved, cpu_now=cpu, obs_cpu=obs_share, others_cpu=others)
        held = verdict.template == self.held_template()
        verdict.template = (
            QT_TRANSLATE_NOOP(
                "Health",
                "Rendering lag: OBS missed up to {peak:.1f} % of frames in a 10-s window of this episode, while the "
                "computer's CPU was at up to {cpu_pct:.0f} %; {pct:.1f} % in the last 10 s. OBS got too little CPU "
                "time to draw the picture in time.",
            )
            if held
            else QT_TRANSLATE_NOOP(
                "Health",
                "Rendering lag: OBS missed {pct:.1f} % of frames in the last 10 s while the computer's CPU was at "
                "{cpu_pct:.0f} % (OBS {obs_cpu:.0f} %, other programs {others_cpu:.0f} %). OBS gets too little CPU "
                "time to draw the picture in time: not the graphics card.",
            )
        )
        verdict.remedies = (
            QT_TRANSLATE_NOOP("Health", "Close the programs that use the CPU and are not needed for the show."),
            QT_TRANSLATE_NOOP("Health", "Check for updates, scans or downloads running in the background."),
            QT_TRANSLATE_NOOP("Health", "If OBS itself uses most of it: lower the output resolution or frame rate."),
        )
        return verdict

    def stall(self, engine: HealthEngine, recent_bad: bool) -> tuple[str, tuple[str, ...]] | None:
        """walk13: OBS stopped for 3 s (the console had said "OBS is not answering"), then counted the 44 frames it
        had not rendered meanwhile; the finding blamed the graphics card and advised capping the game's frame rate.
        Frames missed while OBS itself was not answering are the freeze's: so said while the last 10-s window holds
        the stall, and while the last minute does when that window is clean again."""
        within = WINDOW_S + 2 if recent_bad else STALL_HELD_S
        if engine.stall_within(within) is None:
            return None
        return (
            QT_TRANSLATE_NOOP(
                "Health",
                "Rendering lag: OBS missed up to {peak:.1f} % of frames in a 10-s window while OBS itself was not "
                "answering ({stall_s:.0f} s); {pct:.1f} % in the last 10 s. The frames were lost to OBS freezing, "
                "not to the graphics card.",
            ),
            _FREEZE_REMEDIES,
        )

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


#: The output resolutions (their shorter side) a room steps down through when its encoder cannot keep up: the next
#: one below the room's own. Below the last the picture is too small to sell with; the advice is then the preset.
RESOLUTION_STEPS = (2160, 1440, 1080, 720, 480)
#: A frame rate above this is a high one (48, 50, 59.94, 60): halving it halves the encoder's work. At or below, the
#: room already runs at a common rate (24, 25, 29.97, 30) and the next step is the resolution.
HIGH_FPS = 31.0


def video_steps(engine: HealthEngine) -> dict[str, float]:
    """The room's frame rate and output resolution and the next step down of each, as far as known (a missing key:
    not known, or no step below): fps, fps_lower, width, height, width_lower, height_lower. The frame rate is
    OBS's video settings' or, without them, this second's target rate (the same figure, from the stats poll)."""
    video = engine.video
    fps = video.fps if video is not None and video.fps > 0 else engine.series["fps_target"].last()
    steps: dict[str, float] = {}
    if fps is not None and fps > 0:
        steps["fps"] = round(fps, 2)
        if fps > HIGH_FPS:
            steps["fps_lower"] = round(fps / 2, 2) if fps / 2 >= 24 else 30.0
    if video is not None and video.output_width > 0 and video.output_height > 0:
        width, height = video.output_width, video.output_height
        steps.update(width=width, height=height)
        short = min(width, height)
        lower = next((step for step in RESOLUTION_STEPS if step < short), None)
        if lower is not None:
            scale = lower / short
            steps.update(width_lower=2 * round(width * scale / 2), height_lower=2 * round(height * scale / 2))
    return steps


def _lower_remedy(steps: dict[str, float]) -> str | None:
    """The first thing to lower, with the room's own figures: a high frame rate first (60 → 30 fps), else the output
    resolution (1920×1080 → 1280×720); None when neither can go lower (the presets are the next step)."""
    if "fps_lower" in steps:
        if "width_lower" in steps:
            return QT_TRANSLATE_NOOP(
                "Health",
                "Lower the frame rate from {fps:g} to {fps_lower:g} fps (Settings → Video → Common FPS Values); if "
                "that is not enough, the output resolution from {width}×{height} to {width_lower}×{height_lower}.",
            )
        return QT_TRANSLATE_NOOP(
            "Health", "Lower the frame rate from {fps:g} to {fps_lower:g} fps (Settings → Video → Common FPS Values)."
        )
    if "fps" in steps:
        if "width_lower" in steps:
            return QT_TRANSLATE_NOOP(
                "Health",
                "The room already runs at {fps:g} fps: lower the output (scaled) resolution from {width}×{height} to "
                "{width_lower}×{height_lower} (Settings → Video).",
            )
        if "width" in steps:
            return None
        return QT_TRANSLATE_NOOP(
            "Health", "The room already runs at {fps:g} fps: lower the output (scaled) resolution (Settings → Video)."
        )
    if "width_lower" in steps:
        return QT_TRANSLATE_NOOP(
            "Health",
            "Lower the output (scaled) resolution from {width}×{height} to {width_lower}×{height_lower} "
            "(Settings → Video).",
        )
    return QT_TRANSLATE_NOOP("Health", "Lower the output (scaled) resolution or the frame rate (Settings → Video).")


class EncodeLag(_LossRule):
    id, category, channel = Kind.ENCODE_LAG, Category.ENCODE, "drop_encode_pct"

    def held_template(self) -> str:
        return QT_TRANSLATE_NOOP(
            "Health",
            "Encoding lag: the encoder skipped up to {peak:.1f} % of frames in a 10-s window of this episode; "
            "{pct:.1f} % in the last 10 s. It could not keep up with the resolution and frame rate.",
        )

    def verdict(self, engine: HealthEngine) -> _Verdict:
        """The loss's verdict, with the room's frame rate and resolution and their next steps down as evidence: the
        remedies quote them."""
        verdict = super().verdict(engine)
        verdict.fields.update(video_steps(engine))
        return verdict

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
        lower = _lower_remedy(video_steps(engine))
        first = (lower,) if lower is not None else ()
        if engine.encoder == "hardware":
            return message, (
                *first,
                QT_TRANSLATE_NOOP(
                    "Health", "Choose a faster encoder preset and turn off look-ahead and multipass (two-pass) mode."
                ),
                QT_TRANSLATE_NOOP(
                    "Health", "Lower the game's graphics load: the hardware encoder shares the graphics card."
                ),
            )
        return message, (
            *first,
            QT_TRANSLATE_NOOP("Health", "Use a faster x264 preset (veryfast) or switch to a hardware encoder."),
            QT_TRANSLATE_NOOP("Health", "Close programs that use a lot of CPU while streaming."),
        )


class NetworkDrops(_EpisodeRule):
    """Frames dropped before they reached the server, and congestion (OBS's send buffer filling) that comes
    before the drops: OBS's network light is bad above 2/3 and drops frames at 1."""

    id, category = Kind.NETWORK, Category.NETWORK
    on_air_only = True

    def step(self, engine: HealthEngine, t: float, wall: float) -> Change | None:
        """While OBS reconnects the stream, the finding pauses: no frames are sent, so none is dropped or got through,
        and OBS's figures of the torn-down connection say nothing (a real OBS 29 resets its drop counter and goes on
        reporting the dead connection's last congestion). The reconnect finding speaks for those seconds; this one
        neither eases, closes nor counts towards either, and the drops before and after stay one episode."""
        if (engine.series["reconnecting"].last() or 0.0) >= 0.5:
            return None
        return super().step(engine, t, wall)

    def verdict(self, engine: HealthEngine) -> _Verdict:
        drops = engine.series["drop_network_pct"].last()
        congestion = engine.series["congestion"].mean_known(10, 5)
        if drops is None and congestion is None:
            return _Verdict(None, known=False)
        minute = engine.series["drop_network_pct"].minute(engine.series["reconnecting"], engine.unanswered)
        severity = max(
            _level(drops, DROP_WARNING_PCT, DROP_CRITICAL_PCT),
            _level(minute, DROP_WARNING_PCT, DROP_CRITICAL_PCT),
            _level(congestion, 2 / 3, 0.95),
            key=rank,
        )
        level = self.current.severity if self.current else None
        threshold = DROP_CRITICAL_PCT if level == Severity.CRITICAL else DROP_WARNING_PCT
        below = (drops or 0.0) < threshold / 2 and (minute or 0.0) < threshold and (congestion or 0.0) < 1 / 3
        target = engine.references.get("target_bitrate_kbps")
        peak = self.worst("pct", drops)
        peak_congestion = self.worst("congestion", congestion)
        # walk13: after a 2-minute slow uplink the finding read "[critical] Network: 0.0 % of frames dropped in the
        # last 10 s (59.1 % over the last minute)" for a minute: the minute kept it critical, so it was not "held".
        held = _held_by_episode(
            level,
            severity,
            max(_level(drops, DROP_WARNING_PCT, DROP_CRITICAL_PCT), _level(congestion, 2 / 3, 0.95), key=rank),
            max(_level(peak, DROP_WARNING_PCT, DROP_CRITICAL_PCT), _level(peak_congestion, 2 / 3, 0.95), key=rank),
        )
        template = (
            QT_TRANSLATE_NOOP(
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
            )
        )
        if held:
            template = (
                QT_TRANSLATE_NOOP(
                    "Health",
                    "Network: up to {peak:.1f} % of frames dropped in a 10-s window of this episode, the send buffer "
                    "up to {peak_congestion_pct:.0f} % congested; {pct:.1f} % in the last 10 s ({pct_minute:.1f} % "
                    "over the last minute), {congestion_pct:.0f} % congested. The connection could not carry the "
                    "bitrate.",
                )
                if minute is not None
                else QT_TRANSLATE_NOOP(
                    "Health",
                    "Network: up to {peak:.1f} % of frames dropped in a 10-s window of this episode, the send buffer "
                    "up to {peak_congestion_pct:.0f} % congested; {pct:.1f} % in the last 10 s (less than a minute "
                    "measured so far), {congestion_pct:.0f} % congested. The connection could not carry the bitrate.",
                )
            )
        kbps = engine.series["bitrate_kbps"].mean(10)
        # While frames are dropped, what gets through is about what the uplink carries.
        occurring_drops = (drops or 0.0) > DROP_WARNING_PCT
        stall = engine.stall_within(WINDOW_S + 2 if occurring_drops else STALL_HELD_S)
        if stall is not None and (congestion is None or congestion < 2 / 3):
            # tech17: a real OBS SIGSTOPped 10 s on a healthy uplink dropped 12 % of its frames over the next 10 s
            # (GetStreamStatus outputSkippedFrames: the frames that piled up while it was frozen were too old to
            # send), and the finding said "the connection to the server cannot carry the bitrate" — advising Ethernet
            # and a lower bitrate. Frames dropped around a freeze of OBS itself are the freeze's, as for render lag.
            return _Verdict(
                severity,
                below=below,
                fields={"pct": drops, "pct_minute": minute, "peak": peak, "stall_s": stall, "kbps": kbps},
                # The last minute may be what holds the finding (its worst window before this episode): say it.
                template=QT_TRANSLATE_NOOP(
                    "Health",
                    "Network: OBS dropped up to {peak:.1f} % of frames in a 10-s window around a time it was not "
                    "answering ({stall_s:.0f} s); {pct:.1f} % in the last 10 s. The frames were lost to OBS freezing "
                    "(too old to send when it woke), not to the connection.",
                )
                if minute is None
                else QT_TRANSLATE_NOOP(
                    "Health",
                    "Network: OBS dropped {pct_minute:.1f} % of frames over the last minute ({pct:.1f} % in the last "
                    "10 s), around a time it was not answering ({stall_s:.0f} s). The frames were lost to OBS freezing "
                    "(too old to send when it woke), not to the connection.",
                ),
                occurring=occurring_drops,
                remedies=_FREEZE_REMEDIES,
            )
        return _Verdict(
            severity,
            below=below,
            # Unknown is None (null in the monitor's JSON, "—" in a message), never 0.
            fields={
                "advice_kbps": None if kbps is None else kbps * 0.75,
                "pct": drops,
                "pct_minute": minute,
                "congestion_pct": None if congestion is None else congestion * 100,
                "kbps": kbps,
                "target_kbps": target,
                "peak": peak,
                "peak_congestion_pct": None if peak_congestion is None else peak_congestion * 100,
            },
            template=template,
            occurring=occurring_drops or (congestion or 0.0) > 2 / 3,
            remedies=(
                QT_TRANSLATE_NOOP("Health", "Use wired Ethernet instead of Wi-Fi."),
                # walk13: the finding knew 299 kbit/s got through, yet left the technician to work out 75 % of it.
                QT_TRANSLATE_NOOP(
                    "Health",
                    "Lower the bitrate, video and audio together, to at most about {advice_kbps:.0f} kbit/s: 75 % of "
                    "the {kbps:.0f} kbit/s that got through on average over the last 10 s.",
                )
                if kbps is not None and occurring_drops
                else QT_TRANSLATE_NOOP(
                    "Health", "Lower the video bitrate to at most about 75 % of the measured upload."
                ),
                QT_TRANSLATE_NOOP("Health", "Stop other uploads on this network (cloud sync, other streams)."),
                QT_TRANSLATE_NOOP("Health", "Try a nearer ingest server, or enable dynamic bitrate in OBS."),
            ),
        )


class Reconnect(_Rule):
    """The stream's connection dropped: critical while OBS reconnects, then a warning for a minute (viewer
    figures dip for a while after a reconnect; the finding explains the dip)."""

    id, category = Kind.RECONNECT, Category.CONNECTION
    #: How long a reconnected stream's finding stays open.
    settle_s = 60.0

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self._started = 0.0
        self._back_at: float | None = None

    def resume(self, earlier: Sequence[Finding]) -> None:
        """tech18: a console restarted mid-show said "drop 1 in this show" for the show's third drop."""
        counts = [f.fields.get("count") for f in earlier if f.id == self.id]
        self.count = max([self.count, *(int(c) for c in counts if isinstance(c, int | float))])

    def _words(self, severity: str, outage: float) -> _Verdict:
        severity = Severity(severity)
        template = (
            QT_TRANSLATE_NOOP(
                "Health",
                "The stream's connection dropped {outage:.0f} s ago; OBS is reconnecting (drop {count} in this show). "
                "Viewers see the stream stall.",
            )
            if severity == Severity.CRITICAL
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
            if current is None or current.severity != Severity.CRITICAL:
                self.count += 1
                self._started, self._back_at = t, None
                return self._raise(self._words(Severity.CRITICAL, 0.0), t, wall)
            current.last_seen, current.last_seen_wall = t, wall
            self._update(current, self._words(Severity.CRITICAL, t - self._started))
            return None
        if current is None:
            return None
        if streaming < 0.5:
            return self._close(self._words(current.severity, current.fields.get("outage", 0.0)))
        if current.severity == Severity.CRITICAL:
            self._back_at = t
            current.severity = Severity.WARNING
            self._update(current, self._words(Severity.WARNING, t - self._started))
            return Change("lowered", current.snapshot())
        if self._back_at is not None and t - self._back_at >= self.settle_s:
            return self._close(self._words(Severity.WARNING, current.fields.get("outage", 0.0)))
        return None


#: OBS's own frame rate (activeFps) is taken over its last second, and the polls a frozen OBS answers in one burst as
#: it wakes all read the freeze: up to this many seconds after a second OBS left unanswered, an FPS reading is the
#: freeze's — RenderLag's "while OBS itself was not answering" — not a sustained low frame rate. walk22: a 2-s
#: SIGSTOP gave `onair monitor` two readings of 0.52 fps after its unanswered second, and a critical "OBS renders
#: 7.8 fps instead of 15" beside the render-lag finding, which the console, its polls landing otherwise, never said.
FPS_AFTER_STALL_S = 2


def fps_readings(engine: HealthEngine, seconds: int) -> list[float]:
    """The known FPS readings of the last `seconds`, less those of a stall and the FPS_AFTER_STALL_S after it (the
    engine adds one value a second to every series, so `fps` and `unanswered` line up from their ends)."""
    values = list(engine.series["fps"].values)
    stalled = [bool(v) for v in list(engine.unanswered.values)[-len(values) :]] if values else []
    stalled = [False] * (len(values) - len(stalled)) + stalled
    kept = []
    for i in range(max(0, len(values) - seconds), len(values)):
        value = values[i]
        if value is None or any(stalled[max(0, i - FPS_AFTER_STALL_S) : i + 1]):
            continue
        kept.append(value)
    return kept


# The messages of an easing episode (the hysteresis holds it while the figures recover), in the words the Health
# dock says live: they quote the episode's worst figure and this second's ("… now"). obs/health_record.py words
# them as of the episode's end for the records.
FPS_LOW_EASING = QT_TRANSLATE_NOOP(
    "Health",
    "OBS rendered as few as {lowest:.1f} fps instead of {target:.0f} in this episode (lowest 5-s median); "
    "{fps:.1f} fps now.",
)
RENDER_TIME_EASING = QT_TRANSLATE_NOOP(
    "Health",
    "Rendering a frame took up to {longest:.1f} ms of the {budget:.1f} ms available in this episode (10-s median); "
    "{ms:.1f} ms now.",
)
RECORDING_STALLED_EASING = QT_TRANSLATE_NOOP(
    "Health",
    "The recording stood still for {stalled_s:.0f} s in this episode although OBS said it was recording; it grows "
    "again now ({kbps:.0f} kbit/s). The disk stalled, was disconnected or full.",
)
DISK_LOW_EASING = QT_TRANSLATE_NOOP(
    "Health", "The recording disk was down to {lowest_gb:.1f} GB free in this episode; {free_gb:.1f} GB free now."
)
CPU_SATURATED_EASING = QT_TRANSLATE_NOOP(
    "Health", "The computer's CPU reached {highest:.0f} % in this episode (10-s mean); {total:.0f} % now."
)


class FpsLow(_EpisodeRule):
    id, category = Kind.FPS_LOW, Category.RENDER

    def verdict(self, engine: HealthEngine) -> _Verdict:
        readings = fps_readings(engine, 5)
        fps = statistics.median(readings) if len(readings) >= 3 else None
        target = engine.series["fps_target"].last()
        if fps is None or not target:
            return _Verdict(None, known=False)
        ratio = fps / target
        severity = (
            Severity.CRITICAL if ratio < FPS_CRITICAL_RATIO else Severity.WARNING if ratio < FPS_WARNING_RATIO else None
        )
        lowest = self.worst("fps", fps, lowest=True)
        return _Verdict(
            severity,
            below=ratio >= (0.90 if self.current and self.current.severity == Severity.CRITICAL else 0.98),
            fields={"fps": fps, "target": target, "pct": ratio * 100, "lowest": lowest},
            template=FPS_LOW_EASING
            if self.held(severity)
            else QT_TRANSLATE_NOOP(
                "Health", "OBS renders {fps:.1f} fps instead of {target:.0f} ({pct:.0f} % of the target)."
            ),
            remedies=(
                QT_TRANSLATE_NOOP("Health", "Simplify the scenes and cap the game's frame rate."),
                QT_TRANSLATE_NOOP("Health", "Check that no other program holds the graphics card at full load."),
            ),
        )


class RenderTime(_EpisodeRule):
    id, category = Kind.RENDER_TIME, Category.RENDER
    enter_s = 5

    def verdict(self, engine: HealthEngine) -> _Verdict:
        render = engine.series["render_ms"].median_known(10, 5)
        budget = engine.series["frame_budget_ms"].last()
        if render is None or not budget:
            return _Verdict(None, known=False)
        share = render / budget
        severity = (
            Severity.CRITICAL
            if share > RENDER_CRITICAL_SHARE
            else Severity.WARNING
            if share > RENDER_WARNING_SHARE
            else None
        )
        longest = self.worst("ms", render)
        return _Verdict(
            severity,
            below=share < (0.75 if self.current and self.current.severity == Severity.CRITICAL else 0.5),
            fields={"ms": render, "budget": budget, "pct": share * 100, "longest": longest},
            template=RENDER_TIME_EASING
            if self.held(severity)
            else QT_TRANSLATE_NOOP(
                "Health",
                "Rendering a frame takes {ms:.1f} ms of the {budget:.1f} ms available ({pct:.0f} %): no headroom left.",
            ),
            remedies=(
                QT_TRANSLATE_NOOP("Health", "Remove or hide sources and filters that are not needed in this scene."),
                QT_TRANSLATE_NOOP("Health", "Lower the base (canvas) resolution if it is higher than the output."),
            ),
        )


class RecordingStalled(_EpisodeRule):
    id, category = Kind.RECORDING_STALLED, Category.DISK
    enter_s = 5
    clear_s = 3

    def __init__(self) -> None:
        super().__init__()
        self._still = 0

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
        # How long it stood still: the seconds before the finding opened count (it opens after enter_s).
        self._still = self._still + 1 if stalled else 0
        longest = self.worst("stalled_s", float(self._still))
        return _Verdict(
            Severity.CRITICAL if stalled else None,
            below=not stalled,
            fields={"kbps": kbps, "stalled_s": longest},
            template=RECORDING_STALLED_EASING
            if self.held(Severity.CRITICAL if stalled else None)
            else QT_TRANSLATE_NOOP(
                "Health",
                "The recording has not grown for several seconds although OBS says it is recording: the disk is "
                "stalled, disconnected or full.",
            ),
            remedies=(
                QT_TRANSLATE_NOOP("Health", "Check the recording disk (cable, free space, a network drive gone)."),
                QT_TRANSLATE_NOOP("Health", "Stop and restart the recording on a local disk with free space."),
            ),
        )


class DiskLow(_EpisodeRule):
    """Free space where OBS records: OBS warns under 5 GiB and calls it dangerous under 1 GiB; while recording,
    the time left at the current rate matters as much."""

    id, category = Kind.DISK_LOW, Category.DISK
    clear_s = 5

    def verdict(self, engine: HealthEngine) -> _Verdict:
        free = engine.series["disk_free_mb"].last()
        if free is None:
            return _Verdict(None, known=False)
        recording = (engine.series["recording"].last() or 0.0) >= 0.5
        rate = engine.series["record_kbps"].mean_known(30, 5) if recording else None
        left_s = free * KBIT_PER_MIB / rate if rate and rate > 1.0 else None
        severity = max(
            _level(-free, -DISK_WARNING_MIB, -DISK_CRITICAL_MIB),
            _level(-(left_s / 60), -120, -15) if left_s is not None else None,
            key=rank,
        )
        level = self.current.severity if self.current else None
        floor_mib = (DISK_CRITICAL_MIB if level == Severity.CRITICAL else DISK_WARNING_MIB) * 1.1
        floor_min = 15 if level == Severity.CRITICAL else 120
        below = free > floor_mib and (left_s is None or left_s / 60 > floor_min * 1.1)
        lowest = self.worst("free_mb", free, lowest=True)
        fields: dict[str, Any] = {
            "free_gb": free / 1024,
            "minutes_left": (left_s or 0.0) / 60,
            "lowest_gb": None if lowest is None else lowest / 1024,
        }
        template = (
            QT_TRANSLATE_NOOP(
                "Health",
                "Only {free_gb:.1f} GB free on the recording disk: about {minutes_left:.0f} minutes of recording left "
                "at the current rate.",
            )
            if left_s is not None
            else QT_TRANSLATE_NOOP("Health", "Only {free_gb:.1f} GB free on the recording disk.")
        )
        if self.held(severity):
            template = DISK_LOW_EASING
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


class CpuSaturated(_EpisodeRule):
    """The whole computer's CPU at its limit; the evidence says how much of it is OBS's own."""

    id, category = Kind.CPU_SATURATED, Category.SYSTEM
    enter_s = 5
    clear_s = 15

    def verdict(self, engine: HealthEngine) -> _Verdict:
        total = engine.series["cpu_system_pct"].mean_known(10, 5)
        if total is None:
            return _Verdict(None, known=False)
        obs_share = _obs_share(engine)
        severity = Severity.CRITICAL if total > 97 else Severity.WARNING if total > 90 else None
        highest = self.worst("total", total)
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
            fields={
                "total": total,
                "obs": obs_share if obs_share is not None else -1.0,
                "others": others or 0.0,
                "highest": highest,
            },
            template=CPU_SATURATED_EASING
            if self.held(severity)
            else QT_TRANSLATE_NOOP(
                "Health", "The computer's CPU is at {total:.0f} % (OBS {obs:.0f} %, other programs {others:.0f} %)."
            )
            if obs_share is not None
            else QT_TRANSLATE_NOOP("Health", "The computer's CPU is at {total:.0f} %."),
            remedies=remedies,
        )


#: What each way of losing OBS says (the finding's message, on air and off air) and what to do: the link knows
#: whether nothing listens where OBS was (closed or crashed: its stream has stopped), OBS quit on purpose, its
#: connection is open but it answers nothing (frozen: the stream may still run), or the network gives no answer
#: (the OBS computer unreachable: the stream may still run). A loss the link cannot tell apart keeps the words
#: every such finding had before (and a stored one still reads them).
_LOSS_WORDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    LinkLoss.CLOSED: (
        QT_TRANSLATE_NOOP(
            "Health",
            "OBS is closed or has crashed: nothing has listened on {address} for {seconds:.0f} s. It was on air: "
            "that OBS is no longer streaming.",
        ),
        QT_TRANSLATE_NOOP(
            "Health", "OBS is closed or has crashed: nothing has listened on {address} for {seconds:.0f} s."
        ),
        (
            QT_TRANSLATE_NOOP(
                "Health", "Start OBS again on the OBS computer: the console reconnects by itself once it runs."
            ),
            QT_TRANSLATE_NOOP(
                "Health", "If it was on air, start the stream again in OBS and check it on the platform."
            ),
        ),
    ),
    LinkLoss.EXITED: (
        QT_TRANSLATE_NOOP(
            "Health",
            "OBS was closed {seconds:.0f} s ago (it said it was exiting). It was on air: that OBS is no longer "
            "streaming.",
        ),
        QT_TRANSLATE_NOOP("Health", "OBS was closed {seconds:.0f} s ago (it said it was exiting)."),
        (
            QT_TRANSLATE_NOOP("Health", "Ask who closed OBS, and start it again: the console reconnects by itself."),
            QT_TRANSLATE_NOOP(
                "Health", "If it was on air, start the stream again in OBS and check it on the platform."
            ),
        ),
    ),
    LinkLoss.FROZEN: (
        QT_TRANSLATE_NOOP(
            "Health",
            "OBS has not answered for {seconds:.0f} s: it is frozen or overloaded (its connection is still open). "
            "The stream may still be running, but nothing here can see or control it.",
        ),
        QT_TRANSLATE_NOOP(
            "Health",
            "OBS has not answered for {seconds:.0f} s: it is frozen or overloaded (its connection is still open).",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Health",
                "Look at the OBS computer: is OBS “Not Responding”? Give it a few seconds before closing it: a frozen "
                "OBS may still be streaming.",
            ),
            QT_TRANSLATE_NOOP(
                "Health", "Check the stream on the platform; restart OBS only if the stream has stopped."
            ),
        ),
    ),
    LinkLoss.UNREACHABLE: (
        QT_TRANSLATE_NOOP(
            "Health",
            "The OBS computer ({address}) has not answered on the network for {seconds:.0f} s. The stream may "
            "still be running, but nothing here can see or control it.",
        ),
        QT_TRANSLATE_NOOP(
            "Health", "The OBS computer ({address}) has not answered on the network for {seconds:.0f} s."
        ),
        (
            QT_TRANSLATE_NOOP(
                "Health",
                "Check the network between this console and the OBS computer (cable, Wi-Fi, switch) and that the "
                "computer is on and awake.",
            ),
            QT_TRANSLATE_NOOP("Health", "Check the stream on the platform: OBS itself may still be streaming."),
        ),
    ),
}
_LOST_WORDS = (
    QT_TRANSLATE_NOOP(
        "Health",
        "OBS has not answered for {seconds:.0f} s. The stream may still be running, but nothing here can "
        "see or control it.",
    ),
    (
        QT_TRANSLATE_NOOP("Health", "Look at the OBS computer: is OBS frozen, closed, or the computer asleep?"),
        QT_TRANSLATE_NOOP("Health", "Check the network between this console and the OBS computer."),
    ),
)


#: The status bar's line for "OBS lost" on air: what the loss means for the show, whole in half a 1366-px laptop's
#: bar in either language (the message above, cut there, lost its point: "…but this console cannot see or…"). Beside
#: it the connection's state says for how long and when the next attempt is; the whole message is the line's tooltip,
#: and stays the Health dock's and the event log's.
_LOSS_BRIEF: dict[str, str] = {
    LinkLoss.CLOSED: QT_TRANSLATE_NOOP("Health", "OBS closed or crashed: that OBS is no longer streaming"),
    LinkLoss.EXITED: QT_TRANSLATE_NOOP("Health", "OBS was closed: that OBS is no longer streaming"),
    LinkLoss.FROZEN: QT_TRANSLATE_NOOP(
        "Health", "OBS frozen or overloaded: may still be on air, out of this console's sight and control"
    ),
    LinkLoss.UNREACHABLE: QT_TRANSLATE_NOOP(
        "Health", "OBS computer unreachable: may still be on air, out of this console's sight and control"
    ),
}
_LOST_BRIEF = QT_TRANSLATE_NOOP("Health", "OBS lost: may still be on air, out of this console's sight and control")


def brief_template(finding: Finding) -> str | None:
    """The finding's one line for the status bar where its message is too long for it (untranslated, context
    "Health"; no fields); None: its message is the line."""
    if finding.id != Kind.OBS_UNREACHABLE or not finding.fields.get("on_air"):
        return None
    return _LOSS_BRIEF.get(str(finding.fields.get("cause")), _LOST_BRIEF)


#: OBS answers again after a loss on air: how long the "OBS lost" episode waits for OBS's first poll to say whether
#: the stream ran on before it closes without knowing (the link polls at once on connecting, then every second).
BACK_WAIT_S = 5.0


class StreamAfter(enum.StrEnum):
    """What a closed "OBS lost" episode found when OBS answered again, if it was on air when lost (its "stream"
    field; the stored strings are these values)."""

    #: OBS is still streaming: the stream ran on while the console could not see it (a freeze, the network).
    RAN_ON = "ran_on"
    #: OBS is back but not streaming (restarted after a crash, say): the "did not resume" finding is open.
    STOPPED = "stopped"


class ObsUnreachable(_ThresholdRule):
    """The console lost OBS: critical while the show was on air. Its words say what the link knows of why (see
    _LOSS_WORDS); the episode goes on through a change of cause (OBS frozen, then killed: one episode, its words
    following)."""

    id, category = Kind.OBS_UNREACHABLE, Category.CONNECTION
    enter_s = 3
    counts_s = True  # its "seconds" field counts from the first second without OBS (the review dates the fault by it)
    clear_s = 1

    def __init__(self) -> None:
        super().__init__()
        self._gone_since: float | None = None
        self._cause: str | None = None
        self._cause_since: float | None = None
        self._back_at: float | None = None

    def step(self, engine: HealthEngine, t: float, wall: float) -> Change | None:
        # OBS is back after a loss on air: the episode closes once its first poll says whether the stream ran on,
        # so the close can say so (its "stream" field) and the "did not resume" finding opens in the same second
        # — "OBS lost: cleared" alone read as "all is well" while the restarted OBS was not streaming.
        if (
            self.current is not None
            and engine.link_ok
            and self.current.fields.get("on_air")
            and engine.series["streaming"].last() is None
            and engine.t - self._back_since(engine) < BACK_WAIT_S
        ):
            return None
        return super().step(engine, t, wall)

    def _back_since(self, engine: HealthEngine) -> float:
        if self._back_at is None:
            self._back_at = engine.t
        return self._back_at

    def verdict(self, engine: HealthEngine) -> _Verdict:
        # An OBS never heard yet is "lost" only when it is known to be there and frozen (it accepted the connection
        # and answers nothing): a console or `onair monitor` started on a frozen OBS said only "reconnecting" — nothing
        # of OBS being frozen — for as long as the freeze lasted (tech18). Nothing listening yet is not a loss.
        if engine.link_ok or not (engine.ever_connected or engine.link_loss == LinkLoss.FROZEN):
            self._gone_since = self._cause = self._cause_since = self._back_at = None
            streaming = engine.series["streaming"].last()
            back = None if streaming is None else StreamAfter.RAN_ON if streaming >= 0.5 else StreamAfter.STOPPED
            was_on_air = self.current is not None and self.current.fields.get("on_air")
            return _Verdict(None, fields={"stream": str(back)} if back is not None and was_on_air else {})
        self._back_at = None
        self._gone_since = self._gone_since if self._gone_since is not None else engine.t
        on_air = engine.on_air_before_loss
        loss = engine.link_loss or LinkLoss.LOST
        if loss != self._cause:
            # A frozen OBS then killed has not "listened for nothing" since it froze: from then on.
            if self._cause == LinkLoss.FROZEN and loss in (LinkLoss.CLOSED, LinkLoss.EXITED):
                self._cause_since = engine.t
            self._cause = loss
        since = self._cause_since if self._cause_since is not None else self._gone_since
        words = _LOSS_WORDS.get(loss)
        remedies: tuple[str, ...]
        if words is None:
            template, remedies = _LOST_WORDS
        else:
            template = words[0] if on_air else words[1]
            remedies = words[2]
        seconds = engine.t - since + 1
        if self._cause_since is None and engine.unheard_s is not None:
            # From when OBS was last heard, as the link's "OBS lost for 15 s" counts it, not from when the link
            # declared it unanswered (a few seconds later): the status bar said 15 s while this said 13 s (walk21).
            seconds = float(max(1, math.floor(engine.unheard_s)))
        return _Verdict(
            Severity.CRITICAL if on_air else Severity.WARNING,
            below=False,
            fields={
                "seconds": seconds,
                "cause": str(loss),
                "address": engine.obs_address or "OBS",
                "on_air": on_air,
            },
            template=template,
            remedies=remedies,
        )


class StreamNotResumed(_Rule):
    """OBS was lost while streaming and came back not streaming (killed or crashed, then started again): the show
    was cut without anyone pressing Stop. Critical from the second OBS's first poll says so, and open until the
    stream is live again (or the show ends: a new show has a new engine). The console cannot see when the stream
    really ended: as far as it knows, when OBS was last heard streaming."""

    id, category = Kind.STREAM_NOT_RESUMED, Category.CONNECTION

    def __init__(self) -> None:
        super().__init__()
        #: The last second OBS was heard streaming (session clock, wall clock); None: not streaming then.
        self._heard: tuple[float, float] | None = None
        #: When the stream was last heard, if OBS was lost while it streamed and has not answered since.
        self._lost: tuple[float, float] | None = None

    def step(self, engine: HealthEngine, t: float, wall: float) -> Change | None:
        if not engine.link_ok:
            if self._heard is not None and self._lost is None:
                self._lost = self._heard
            return None
        streaming = engine.series["streaming"].last()
        if streaming is None:
            return None  # a stale poll: nothing new about the stream
        if streaming >= 0.5:
            self._heard, self._lost = (t, wall), None
            return self._close(_Verdict(None)) if self.current is not None else None
        self._heard = None
        if self.current is not None:
            self.current.last_seen, self.current.last_seen_wall = t, wall
            return None
        if self._lost is None:
            return None
        lost_t, lost_wall = self._lost
        self._lost = None
        return self._raise(self._words(lost_t, lost_wall), t, wall)

    @staticmethod
    def _words(lost_t: float, lost_wall: float) -> _Verdict:
        return _Verdict(
            Severity.CRITICAL,
            fields={
                "lost_at": datetime.fromtimestamp(lost_wall).strftime("%H:%M:%S"),
                "lost_t": lost_t,
                "lost_wall": lost_wall,
            },
            template=QT_TRANSLATE_NOOP(
                "Health",
                "The stream did not resume after OBS was lost at {lost_at} — go live again. OBS answers again but "
                "is not streaming: viewers have had no picture since then.",
            ),
            remedies=(
                QT_TRANSLATE_NOOP("Health", "Start the stream again (Go live here, or Start Streaming in OBS)."),
                QT_TRANSLATE_NOOP(
                    "Health", "Check the stream on the platform, and tell the host the show was cut for a while."
                ),
                QT_TRANSLATE_NOOP(
                    "Health", "Find out why OBS closed (its log: Help ▸ Log Files) once the show is back."
                ),
            ),
        )


def rules() -> tuple[_Rule, ...]:
    """A fresh set of the stream, system and connection rules, in the order the engine asks them."""
    return (
        ObsUnreachable(),
        StreamNotResumed(),
        Reconnect(),
        NetworkDrops(),
        EncodeLag(),
        RenderLag(),
        FpsLow(),
        RenderTime(),
        RecordingStalled(),
        DiskLow(),
        CpuSaturated(),
    )
