"""What an OBS log says about a show: the findings (rules and their words) over the parsed sessions. No Qt.

obs/logfile.py reads the file into sessions, loss figures and configuration flags; this module judges them:
which figures are a warning or critical (a finished session's loss totals, so its levels are the log's own,
above OBS's live 1 % / 5 %), which configuration is a known cause of trouble, and says so in a translatable
template (context "LogFindings") with its evidence as fields.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol

from obs.text import QT_TRANSLATE_NOOP, Message, counted
from obs.vocabulary import Category, Severity, rank

if TYPE_CHECKING:
    from obs.logfile import Session

#: The Qt translation context of the findings' words.
TR_CONTEXT = "LogFindings"
#: x264 presets too slow for live work.
SLOW_PRESETS = {"slow", "slower", "veryslow", "placebo"}


@dataclass(frozen=True)
class Finding:
    id: str
    category: Category
    severity: Severity
    template: str
    fields: dict[str, Any] = field(default_factory=dict)
    #: What to do about it, with the OBS menu path (a template over the same fields, context "LogFindings").
    remedy: str = ""
    #: The part of the log it is about: system, graphics, encoding, network, audio, sources, log (see README).
    area: str = ""
    #: The log's own lines the finding rests on, as written (never translated), shown under it as details.
    details: tuple[str, ...] = ()

    @property
    def text(self) -> Message:
        """The message as data: its template and evidence."""
        return Message(self.template, self.fields, TR_CONTEXT)

    @property
    def remedy_text(self) -> Message:
        return Message(self.remedy, self.fields, TR_CONTEXT)

    def say(self, translate: Callable[[str, str], str]) -> tuple[str, str]:
        """(message, remedy) in the reader's language with Qt's translate(context, text): the templates, the
        session kind and any nested message field translated ("" for no remedy)."""
        fields = dict(self.fields)
        if isinstance(fields.get("kind"), str):
            fields["kind"] = translate(TR_CONTEXT, KINDS.get(fields["kind"], fields["kind"]))
        message = Message(self.template, fields, TR_CONTEXT).in_language(translate)
        remedy = Message(self.remedy, fields, TR_CONTEXT).in_language(translate) if self.remedy else ""
        return message, remedy

    def explain_remedy(self, translated_template: str | None = None) -> str:
        """The remedy in words ("" when the finding needs none)."""
        return self.remedy_text.explain(translated_template) if self.remedy else ""

    @property
    def message(self) -> str:
        return self.explain()

    def explain(self, translated_template: str | None = None, words: Callable[[str], str] | None = None) -> str:
        """The message; `words` translates the session kind ("streaming", "recording": see KINDS) with it."""
        text = self.text
        if words is not None and isinstance(text.fields.get("kind"), str):
            kind = text.fields["kind"]
            text = Message(text.template, {**text.fields, "kind": words(KINDS.get(kind, kind))}, TR_CONTEXT)
        return text.explain(translated_template)


# The session kinds as the findings name them, marked for translation with the findings' texts.
KINDS = {
    "streaming": QT_TRANSLATE_NOOP("LogFindings", "streaming"),
    "recording": QT_TRANSLATE_NOOP("LogFindings", "recording"),
}


def _grade(value: float | None, warning: float, critical: float) -> Severity | None:
    if value is None:
        return None
    return Severity.CRITICAL if value >= critical else Severity.WARNING if value >= warning else None


# A run shorter than this does not grade its session on its own: the last seconds before a connection dies often
# drop most of their few frames (the send buffer full, then the socket gone), which says no more than the reconnect
# finding does. A run of half a minute or more that lost frames is a real stretch of bad stream for the viewers.
WORST_RUN_MIN_S = 30.0


def _worst_run(session: Session, part: str) -> tuple[float, str, str, float] | None:
    """The run of a session that reconnected whose loss (render or network) was the worst, among those that lasted
    at least WORST_RUN_MIN_S: (percent, its start, its end, seconds); None for a session of one run."""
    if len(session.segments) < 2:
        return None
    worst: tuple[float, str, str, float] | None = None
    for segment, start, seconds in session.runs():
        pct = segment.render_lag_pct if part == "render" else segment.network_drop_pct
        if start is None or seconds is None or seconds < WORST_RUN_MIN_S or pct is None:
            continue
        if worst is None or pct > worst[0]:
            worst = (pct, start, segment.ended, seconds)
    return worst


def _session_findings(found: list[Finding], session: Session) -> None:
    checks = (
        (
            "render_lag",
            Category.RENDER,
            "render",
            session.render_lag_pct,
            3.0,
            10.0,
            QT_TRANSLATE_NOOP(
                "LogFindings",
                "{kind} session at {start}: {pct:.1f} % of frames lagged in rendering{covered}. The GPU is "
                "overloaded: cap game frame rates, simplify scenes, run OBS on the dedicated GPU.",
            ),
            QT_TRANSLATE_NOOP(
                "LogFindings",
                "{kind} session at {start}: {pct:.1f} % of frames lagged in rendering over the session{covered}; "
                "{run_pct:.1f} % in the run {run_start}–{run_end} ({run_s:.0f} s). The GPU is overloaded: cap game "
                "frame rates, simplify scenes, run OBS on the dedicated GPU.",
            ),
        ),
        (
            "encode_lag",
            Category.ENCODE,
            "",  # OBS writes the encoder's skipped frames once per session, not per run
            session.encode_lag_pct,
            5.0,
            15.0,
            QT_TRANSLATE_NOOP(
                "LogFindings",
                "{kind} session at {start}: {pct:.1f} % of frames skipped by the encoder. Lower the "
                "output resolution or frame rate, use a faster preset or a hardware encoder.",
            ),
            "",
        ),
        (
            "network_drops",
            Category.NETWORK,
            "network",
            session.network_drop_pct,
            5.0,
            15.0,
            QT_TRANSLATE_NOOP(
                "LogFindings",
                "{kind} session at {start}: {pct:.1f} % of frames dropped by the network{covered}. Use wired "
                "Ethernet, lower the bitrate to about 75 % of the upload, or try another server.",
            ),
            QT_TRANSLATE_NOOP(
                "LogFindings",
                "{kind} session at {start}: {pct:.1f} % of frames dropped by the network over the session{covered}; "
                "{run_pct:.1f} % in the run {run_start}–{run_end} ({run_s:.0f} s). Use wired Ethernet, lower the "
                "bitrate to about 75 % of the upload, or try another server.",
            ),
        ),
    )
    covered = _covered(session)
    for finding_id, category, part, pct, warning, critical, template, run_template in checks:
        fields: dict[str, Any] = {"kind": session.kind, "start": session.started, "pct": pct}
        if part:  # the render-lag and network-drop figures are the runs' the log wrote
            fields["covered"] = covered
        severity = _grade(pct, warning, critical)
        # tech16: a session averaged over its runs (14.4 %, a warning) hid a first run that lost 27.3 % for 90 s:
        # the worst run of half a minute or more grades the session too, and is said beside the session's figure.
        worst = _worst_run(session, part) if part and pct is not None else None
        run_severity = _grade(worst[0], warning, critical) if worst is not None else None
        if worst is not None and run_severity is not None and pct is not None and worst[0] > pct:
            if rank(run_severity) > rank(severity):
                severity = run_severity
            template = run_template
            fields.update(run_pct=worst[0], run_start=worst[1], run_end=worst[2], run_s=worst[3])
        if severity and finding_id == "render_lag" and session.stall is not None:
            found.append(_render_stall(session, severity, fields))
        elif severity:
            found.append(Finding(finding_id, category, severity, template, fields))
    if session.reconnects:
        found.append(_reconnects(session))


def _covered(session: Session) -> Message | str:
    """The part of the session a render-lag or network-drop figure covers, when not all of it: the runs the log
    reports in full (walk24p: "26.2 % of frames dropped by the network" for a stream whose second run the log
    ends in was run 1's figure alone); "" for the whole session."""
    runs = session.runs_in_figures
    if runs is None:
        return ""
    reported, total = runs
    template = (
        QT_TRANSLATE_NOOP("LogFindings", " in run 1 of {total}, the one the log reports in full")
        if reported == 1
        else QT_TRANSLATE_NOOP("LogFindings", " in runs 1–{count} of {total}, the ones the log reports in full")
    )
    return Message(template, {"count": reported, "total": total}, TR_CONTEXT)


def _render_stall(session: Session, severity: Severity, fields: dict[str, Any]) -> Finding:
    """The session's lagged frames were, for the most part, one stall of the whole OBS (its profiler: even the
    hotkey thread, which only sleeps 25 ms at a time, stood still): OBS stopped or frozen, not a graphics card short
    of power — tech17: a real OBS SIGSTOPped 12 s read "The GPU is overloaded: cap game frame rates"."""
    stall_s, stall_frames = session.stall or (0.0, 0)
    return Finding(
        "render_stall",
        Category.RENDER,
        severity,
        QT_TRANSLATE_NOOP(
            "LogFindings",
            "{kind} session at {start}: {pct:.1f} % of frames lagged in rendering (1 frame), in one stall of "
            "{stall_s:.1f} s in which all of OBS stood still (its profiler: even its hotkey thread did not run). OBS "
            "was frozen or stopped then, not short of graphics power.",
        )
        if session.lagged_frames == 1
        else QT_TRANSLATE_NOOP(
            "LogFindings",
            "{kind} session at {start}: {pct:.1f} % of frames lagged in rendering ({lagged} frames), about "
            "{stall_frames} of them in one stall of {stall_s:.1f} s in which all of OBS stood still (its profiler: "
            "even its hotkey thread did not run). OBS was frozen or stopped then, not short of graphics power.",
        ),
        {
            "kind": fields["kind"],
            "start": fields["start"],
            "pct": fields["pct"],
            "lagged": session.lagged_frames,
            "stall_frames": stall_frames,
            "stall_s": stall_s,
        },
    )


#: A drop's cause as the log's librtmp/rtmp-stream lines say it (obs.logfile.rtmp_cause), in words.
CAUSES = {
    "closed": QT_TRANSLATE_NOOP("LogFindings", "the server closed the connection (“RTMP send error 32”: broken pipe)"),
    "reset": QT_TRANSLATE_NOOP("LogFindings", "the connection was reset or aborted on its way to the server"),
    "timeout": QT_TRANSLATE_NOOP("LogFindings", "the connection to the server timed out: nothing got through"),
    "refused": QT_TRANSLATE_NOOP(
        "LogFindings", "the server refused the connection (“ECONNREFUSED”: nothing listening there, down or restarting)"
    ),
    "blocked": QT_TRANSLATE_NOOP("LogFindings", "a firewall or security software blocked the connection"),
    "dns": QT_TRANSLATE_NOOP("LogFindings", "the server's name could not be looked up (DNS)"),
    "handshake": QT_TRANSLATE_NOOP("LogFindings", "the server did not complete the RTMP handshake"),
    "connect": QT_TRANSLATE_NOOP("LogFindings", "OBS could not connect to the server"),
    "send": QT_TRANSLATE_NOOP("LogFindings", "sending to the server failed"),
}


def _why(session: Session) -> tuple[Message | str, list[str]]:
    """The reconnect finding's last sentence — what the log says caused the first drop that says a cause, and why
    OBS's attempts to reconnect failed — and the log's own lines for the details (tech16: the finding never said
    "RTMP send error 32" or "ECONNREFUSED", which were in the log)."""
    dropped = [s for s in session.segments if s.reconnect_attempts]
    run = next((s for s in dropped if s.cause or s.retry_cause), None)
    if run is None:
        return "", []
    cause = Message(CAUSES[run.cause[0]], {}, TR_CONTEXT) if run.cause else None
    retry = Message(CAUSES[run.retry_cause[0]], {}, TR_CONTEXT) if run.retry_cause else None
    lines = [said[1] for said in (run.cause, run.retry_cause) if said]
    if cause is not None and retry is not None:
        template = QT_TRANSLATE_NOOP("LogFindings", " The log says why: {cause}; then, while OBS tried again, {retry}.")
    elif cause is not None:
        template = QT_TRANSLATE_NOOP("LogFindings", " The log says why: {cause}.")
    else:
        template = QT_TRANSLATE_NOOP("LogFindings", " While OBS tried to reconnect, the log says: {retry}.")
    return Message(template, {"cause": cause, "retry": retry}, TR_CONTEXT), lines


def _reconnects(session: Session) -> Finding:
    """How often the stream dropped, how many tries it took, and how long viewers had no stream: from each drop
    (the run's figures) to "Connection to … successful" — tech16: a real 10-s outage was said as "dropped 1
    time(s); 3 attempt(s)", with nothing of when or for how long — and why, where the log says it."""
    outages = session.outages()
    why, lines = _why(session)
    fields: dict[str, Any] = {
        "kind": session.kind,
        "start": session.started,
        "count": session.reconnects,
        "attempts": session.reconnect_attempts,
        # The counts with their nouns: "1 time", "3 attempts" (English's singular and plural).
        "times": counted(
            session.reconnects,
            QT_TRANSLATE_NOOP("LogFindings", "{count} time"),
            QT_TRANSLATE_NOOP("LogFindings", "{count} times"),
            TR_CONTEXT,
        ),
        "tries": counted(
            session.reconnect_attempts,
            QT_TRANSLATE_NOOP("LogFindings", "{count} attempt"),
            QT_TRANSLATE_NOOP("LogFindings", "{count} attempts"),
            TR_CONTEXT,
        ),
        "first": outages[0][0] if outages else None,
        "why": why,
    }
    if lines:
        fields["log_lines"] = "\n".join(lines)
    last_at, last_down = outages[-1] if outages else (None, None)
    if last_down is None and session.complete and last_at is not None:
        # The session ended while OBS was still reconnecting: the stream never came back.
        template = QT_TRANSLATE_NOOP(
            "LogFindings",
            "{kind} session at {start}: the connection dropped {times}; after the drop at {lost} the stream did not "
            "come back: OBS was still reconnecting when the session ended at {end} ({tries} in all).{why}",
        )
        return Finding("reconnects", Category.CONNECTION, Severity.CRITICAL, template,
                       {**fields, "lost": last_at, "end": session.ended}, details=tuple(lines))  # fmt: skip
    known = [down for _, down in outages if down is not None]
    if not known or last_down is None:  # the log ends while OBS reconnects: how long it took is not known
        template = QT_TRANSLATE_NOOP(
            "LogFindings",
            "{kind} session at {start}: the connection dropped {times}; OBS needed {tries} to reconnect.{why}",
        )
        return Finding("reconnects", Category.CONNECTION, Severity.WARNING, template, fields, details=tuple(lines))
    template = QT_TRANSLATE_NOOP(
        "LogFindings",
        "{kind} session at {start}: the connection dropped {times}, the first at {first}; OBS needed {tries} to "
        "reconnect. The stream was disconnected for {down_s:.1f} s in all (the longest "
        "{longest_s:.1f} s).{why}",
    )
    fields.update(down_s=sum(known), longest_s=max(known))
    return Finding("reconnects", Category.CONNECTION, Severity.WARNING, template, fields, details=tuple(lines))


class _Add(Protocol):
    def __call__(self, finding_id: str, category: Category, severity: Severity, template: str, **fields: Any) -> None:
        """Add one finding to the list being built."""


def _config_findings(
    found: list[Finding], sessions: Sequence[Session], flags: dict[str, Any], video: dict[str, str], bitrates: list[int]
) -> None:
    def add(finding_id: str, category: Category, severity: Severity, template: str, **fields: Any) -> None:
        found.append(Finding(finding_id, category, severity, template, fields))

    _flag_findings(add, sessions, flags)
    _file_findings(add, flags)
    _video_findings(add, video, bitrates)


def _flag_findings(add: _Add, sessions: Sequence[Session], flags: dict[str, Any]) -> None:
    """What a single log line told about the machine or the session (the parser's flags)."""
    if flags.get("wifi"):
        add(
            "wifi",
            Category.NETWORK,
            Severity.WARNING,
            QT_TRANSLATE_NOOP("LogFindings", "Streaming over Wi-Fi: use wired Ethernet for a stable upload."),
        )
    if flags.get("two_instances"):
        add(
            "two_instances",
            Category.SYSTEM,
            Severity.WARNING,
            QT_TRANSLATE_NOOP(
                "LogFindings", "Two copies of OBS were running at once: they compete for the GPU and encoder."
            ),
        )
    if flags.get("software"):
        add(
            "software_rendering",
            Category.RENDER,
            Severity.WARNING,
            QT_TRANSLATE_NOOP("LogFindings", "OBS rendered in software (no GPU driver in use): expect rendering lag."),
        )
    # A run's lag that graded its session (see _session_findings) counts as the session's here too.
    # A session whose lag was a stall of the whole OBS (render_stall) says nothing of its GPU priority.
    worst_render = max(
        (max(s.render_lag_pct or 0.0, (_worst_run(s, "render") or (0.0,))[0]) for s in sessions if s.stall is None),
        default=0.0,
    )
    if flags.get("not_admin") and worst_render >= 3.0:
        add(
            "not_admin",
            Category.RENDER,
            Severity.INFO,
            QT_TRANSLATE_NOOP(
                "LogFindings",
                "OBS was not running as administrator while frames lagged in rendering; on Windows, "
                "running it as administrator gives it GPU priority.",
            ),
        )
    if flags.get("audio_buffering"):
        add(
            "audio_buffering",
            Category.SYSTEM,
            Severity.WARNING,
            QT_TRANSLATE_NOOP(
                "LogFindings", "OBS reached its maximum audio buffering: an audio source is delayed or drifting."
            ),
        )
    if flags.get("wizard"):
        add(
            "auto_config",
            Category.SYSTEM,
            Severity.INFO,
            QT_TRANSLATE_NOOP("LogFindings", "The auto-configuration wizard ran in this session."),
        )


def _file_findings(add: _Add, flags: dict[str, Any]) -> None:
    """The recording files and encoder presets the log names."""
    for path in sorted(flags["files"]):
        if path.lower().endswith((".mp4", ".mov")):
            add(
                "mp4_recording",
                Category.DISK,
                Severity.WARNING,
                QT_TRANSLATE_NOOP(
                    "LogFindings",
                    "Recording to {file}: an MP4/MOV file is unreadable if OBS crashes. Record MKV or "
                    "FLV and remux afterwards.",
                ),
                file=os.path.basename(path),
            )
            break
    slow = sorted(flags["presets"] & SLOW_PRESETS)
    if slow:
        add(
            "slow_preset",
            Category.ENCODE,
            Severity.WARNING,
            QT_TRANSLATE_NOOP(
                "LogFindings",
                "The x264 preset “{preset}” is very slow for live work: use veryfast or a hardware encoder.",
            ),
            preset=slow[0],
        )


def _video_findings(add: _Add, video: dict[str, str], bitrates: list[int]) -> None:
    """The video settings OBS logged at start-up."""
    colour_format = video.get("format")
    if colour_format and colour_format.upper() not in ("NV12", "P010"):
        add(
            "colour_format",
            Category.ENCODE,
            Severity.INFO,
            QT_TRANSLATE_NOOP(
                "LogFindings", "Colour format {format}: NV12 is what platforms expect and costs the least."
            ),
            format=colour_format,
        )
    if video.get("color range", "").lower().startswith("full"):
        add(
            "full_range",
            Category.ENCODE,
            Severity.INFO,
            QT_TRANSLATE_NOOP(
                "LogFindings",
                "Full colour range: most players expect partial (limited) range; colours may look "
                "washed out or crushed.",
            ),
        )
    fps_text = video.get("fps", "")
    fps = _fps(fps_text)
    if fps is not None and round(fps, 2) not in (30.0, 60.0):
        add(
            "unusual_fps",
            Category.ENCODE,
            Severity.INFO,
            QT_TRANSLATE_NOOP("LogFindings", "Frame rate {fps:g}: 30 or 60 fps is what platforms handle best."),
            fps=fps,
        )
    size = _size(video.get("output resolution", ""))
    if size and fps and bitrates:
        needed = size[0] * size[1] * fps / 20000
        if min(bitrates) < needed / 2:
            add(
                "bitrate_too_low",
                Category.ENCODE,
                Severity.WARNING,
                QT_TRANSLATE_NOOP(
                    "LogFindings",
                    "Video bitrate {kbps} kbps is very low for {width}x{height} at {fps:g} fps "
                    "(about {needed:.0f} kbps suits it): the picture will be blocky.",
                ),
                kbps=min(bitrates),
                width=size[0],
                height=size[1],
                fps=fps,
                needed=needed,
            )


def _fps(text: str) -> float | None:
    match = re.match(r"(\d+)/(\d+)", text)
    if match and int(match.group(2)):
        return int(match.group(1)) / int(match.group(2))
    return None


def _size(text: str) -> tuple[int, int] | None:
    match = re.match(r"(\d+)x(\d+)", text)
    return (int(match.group(1)), int(match.group(2))) if match else None


#: The first findings' area and remedy (the OBS menu path), by id; the newer checks declare theirs with their
#: Spec in obs/logcheck/.
REMEDIES: dict[str, tuple[str, str]] = {
    "render_lag": (
        "graphics",
        QT_TRANSLATE_NOOP(
            "LogFindings",
            "Cap the game's frame rate (or turn on V-Sync); lower Settings ▸ Video ▸ Output (Scaled) "
            "Resolution or Common FPS Values.",
        ),
    ),
    "render_stall": (
        "system",
        QT_TRANSLATE_NOOP(
            "LogFindings",
            "Find what stopped OBS then: the computer asleep or out of memory (swapping), a disk or network drive not "
            "answering, a source or plugin blocking; check the recording or the platform's replay for the frozen "
            "picture.",
        ),
    ),
    "encode_lag": (
        "encoding",
        QT_TRANSLATE_NOOP(
            "LogFindings",
            "Settings ▸ Output: a hardware encoder (NVENC, AMF, QSV, Apple VT) or a faster x264 preset; "
            "Settings ▸ Video: a lower output resolution or FPS.",
        ),
    ),
    "network_drops": (
        "network",
        QT_TRANSLATE_NOOP(
            "LogFindings",
            "Settings ▸ Output ▸ Streaming ▸ Video Bitrate: lower it; Settings ▸ Stream: a nearer "
            "server; Settings ▸ Advanced ▸ Network ▸ Dynamically change bitrate.",
        ),
    ),
    "reconnects": (
        "network",
        QT_TRANSLATE_NOOP(
            "LogFindings",
            "Check the line to the server (cable, router, upload); Settings ▸ Advanced ▸ Automatically "
            "Reconnect keeps the show going meanwhile.",
        ),
    ),
    "wifi": ("network", QT_TRANSLATE_NOOP("LogFindings", "Connect the streaming PC with an Ethernet cable.")),
    "two_instances": (
        "system",
        QT_TRANSLATE_NOOP(
            "LogFindings", "Close the other OBS (look for a leftover obs process in Task Manager or Activity Monitor)."
        ),
    ),
    "software_rendering": (
        "graphics",
        QT_TRANSLATE_NOOP(
            "LogFindings",
            "Install the GPU vendor's driver (NVIDIA, AMD, Intel); in a virtual machine, pass a real GPU through.",
        ),
    ),
    "not_admin": (
        "system",
        QT_TRANSLATE_NOOP("LogFindings", "Close OBS, right-click its shortcut and choose Run as administrator."),
    ),
    "audio_buffering": (
        "audio",
        QT_TRANSLATE_NOOP(
            "LogFindings",
            "Find the source named in the log's buffering lines and fix or remove it; restart OBS to "
            "reset the buffering.",
        ),
    ),
    "auto_config": (
        "log",
        QT_TRANSLATE_NOOP(
            "LogFindings", "The wizard's test skews the figures: send a log of a show without it (Help ▸ Log Files)."
        ),
    ),
    "mp4_recording": (
        "encoding",
        QT_TRANSLATE_NOOP(
            "LogFindings",
            "Settings ▸ Output ▸ Recording ▸ Recording Format: MKV (or Hybrid MP4 in OBS 30.2+); File ▸ "
            "Remux Recordings makes MP4 afterwards.",
        ),
    ),
    "slow_preset": (
        "encoding",
        QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Output ▸ Streaming ▸ CPU Usage Preset: veryfast."),
    ),
    "colour_format": (
        "encoding",
        QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Advanced ▸ Video ▸ Color Format: NV12."),
    ),
    "full_range": (
        "encoding",
        QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Advanced ▸ Video ▸ Color Range: Limited (Partial)."),
    ),
    "unusual_fps": ("encoding", QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Video ▸ Common FPS Values: 30 or 60.")),
    "bitrate_too_low": (
        "encoding",
        QT_TRANSLATE_NOOP(
            "LogFindings",
            "Settings ▸ Output ▸ Streaming ▸ Video Bitrate: raise it, or run Tools ▸ Auto-Configuration Wizard.",
        ),
    ),
    "log_incomplete": (
        "log",
        QT_TRANSLATE_NOOP(
            "LogFindings",
            "Stop the show and close OBS normally before sending its log; after a crash, send Help ▸ "
            "Crash Reports too.",
        ),
    ),
}
#: What overloads a hardware encoder is the GPU, not the CPU: its own remedy.
HARDWARE_ENCODE_LAG = QT_TRANSLATE_NOOP(
    "LogFindings",
    "The GPU's encoder is overloaded: cap the game's frame rate; Settings ▸ Output: a faster "
    "preset; Settings ▸ Video: a lower output resolution or FPS.",
)
#: One English line per id for the README's table.
MEANINGS: dict[str, str] = {
    "render_lag": "A session's frames lagged in rendering (≥ 3 % warning, ≥ 10 % critical; over the session or in "
    "a run of 30 s or more).",
    "render_stall": "A session's lagged frames were mostly one stall of the whole OBS (frozen or stopped: its "
    "profiler's longest gap between calls of every thread), not the graphics card; graded as render_lag.",
    "encode_lag": "A session's frames skipped by an overloaded encoder (≥ 5 % / ≥ 15 %); remedy by encoder kind.",
    "network_drops": "A stream's frames dropped by the network (≥ 5 % / ≥ 15 %, over the session or in a run of "
    "30 s or more).",
    "reconnects": "A stream lost its connection (drops and attempts).",
    "wifi": "Streaming over Wi-Fi (the 802.11 interface line).",
    "two_instances": "Two OBS instances ran at once.",
    "software_rendering": "Software rendering: Microsoft Basic Render Driver or llvmpipe.",
    "not_admin": "Not administrator while frames lagged in rendering (Windows GPU priority).",
    "audio_buffering": "OBS reached its maximum audio buffering.",
    "auto_config": "The auto-configuration wizard ran (its bandwidth test skews figures).",
    "mp4_recording": "Recording to MP4/MOV (lost on a crash).",
    "slow_preset": "An x264 preset slower than veryfast's neighbours (slow … placebo).",
    "colour_format": "A colour format other than NV12/P010.",
    "full_range": "Full colour range.",
    "unusual_fps": "An FPS other than 30 or 60.",
    "bitrate_too_low": "A video bitrate under half of what the resolution and FPS need.",
    "log_incomplete": "The log ends without OBS's shutdown lines (killed, crashed, or still running).",
}


def _with_remedies(found: list[Finding], sessions: Sequence[Session]) -> list[Finding]:
    out = []
    for finding in found:
        area, remedy = REMEDIES.get(finding.id, ("", ""))
        if finding.id == "encode_lag":
            session = next((s for s in sessions if s.started == finding.fields.get("start")), None)
            settings = getattr(session, "settings", None)
            kinds = {e.kind for e in settings.encoders} if settings is not None else set()
            if kinds & {"nvenc", "amf", "qsv", "videotoolbox", "vaapi"} and "x264" not in kinds:
                remedy = HARDWARE_ENCODE_LAG
        out.append(replace(finding, remedy=finding.remedy or remedy, area=finding.area or area))
    return out


def findings(
    sessions: Sequence[Session], flags: dict[str, Any], video: dict[str, str], bitrates: list[int], complete: bool
) -> list[Finding]:
    """Every finding of a parsed log: each session's losses, then the configuration, then a log cut short."""
    return _with_remedies(_findings(sessions, flags, video, bitrates, complete), sessions)


def _findings(
    sessions: Sequence[Session], flags: dict[str, Any], video: dict[str, str], bitrates: list[int], complete: bool
) -> list[Finding]:
    found: list[Finding] = []
    for session in sessions:
        _session_findings(found, session)
    _config_findings(found, sessions, flags, video, bitrates)
    if not complete:
        found.append(
            Finding(
                "log_incomplete",
                Category.SYSTEM,
                Severity.WARNING,
                QT_TRANSLATE_NOOP(
                    "LogFindings",
                    "The log ends abruptly: OBS was killed, crashed, or is still running. A session still open "
                    "then is known only as far as the figures the log wrote for it: what came after is unknown.",
                ),
            )
        )
    return found
