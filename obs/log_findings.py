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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from obs.text import QT_TRANSLATE_NOOP, Message
from obs.vocabulary import Category, Severity

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

    @property
    def text(self) -> Message:
        """The message as data: its template and evidence."""
        return Message(self.template, self.fields, TR_CONTEXT)

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


def _session_findings(found: list[Finding], session: Session) -> None:
    checks = (
        (
            "render_lag",
            Category.RENDER,
            session.render_lag_pct,
            3.0,
            10.0,
            QT_TRANSLATE_NOOP(
                "LogFindings",
                "{kind} session at {start}: {pct:.1f} % of frames lagged in rendering. The GPU is "
                "overloaded: cap game frame rates, simplify scenes, run OBS on the dedicated GPU.",
            ),
        ),
        (
            "encode_lag",
            Category.ENCODE,
            session.encode_lag_pct,
            5.0,
            15.0,
            QT_TRANSLATE_NOOP(
                "LogFindings",
                "{kind} session at {start}: {pct:.1f} % of frames skipped by the encoder. Lower the "
                "output resolution or frame rate, use a faster preset or a hardware encoder.",
            ),
        ),
        (
            "network_drops",
            Category.NETWORK,
            session.network_drop_pct,
            5.0,
            15.0,
            QT_TRANSLATE_NOOP(
                "LogFindings",
                "{kind} session at {start}: {pct:.1f} % of frames dropped by the network. Use wired "
                "Ethernet, lower the bitrate to about 75 % of the upload, or try another server.",
            ),
        ),
    )
    for finding_id, category, pct, warning, critical, template in checks:
        severity = _grade(pct, warning, critical)
        if severity:
            found.append(
                Finding(
                    finding_id,
                    category,
                    severity,
                    template,
                    {"kind": session.kind, "start": session.started, "pct": pct},
                )
            )
    if session.reconnects:
        found.append(
            Finding(
                "reconnects",
                Category.CONNECTION,
                Severity.WARNING,
                QT_TRANSLATE_NOOP(
                    "LogFindings",
                    "{kind} session at {start}: the connection dropped {count} time(s); OBS needed {attempts} "
                    "attempt(s) to reconnect.",
                ),
                {
                    "kind": session.kind,
                    "start": session.started,
                    "count": session.reconnects,
                    "attempts": session.reconnect_attempts,
                },
            )
        )


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
    worst_render = max((s.render_lag_pct or 0.0 for s in sessions), default=0.0)
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


def findings(
    sessions: Sequence[Session], flags: dict[str, Any], video: dict[str, str], bitrates: list[int], complete: bool
) -> list[Finding]:
    """Every finding of a parsed log: each session's losses, then the configuration, then a log cut short."""
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
                    "The log ends abruptly: OBS was killed, crashed, or is still running. "
                    "Figures for a session that was still open are unknown.",
                ),
            )
        )
    return found
