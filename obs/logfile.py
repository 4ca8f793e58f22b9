"""OBS log parsing: the log's lines into streaming and recording sessions, their loss figures and the
configuration flags. The findings over them (rules and words) are obs/log_findings.py's; `analyze` returns both.
No Qt.

The file is read once, line by line (memory stays flat for a 100 MB log). OBS writes the loss totals
when an output stops (and before each automatic reconnect), and writes the lagged/dropped/skipped
lines only when the count is not zero: a session that stopped cleanly without them lost nothing. A
session cut off by the end of the log (OBS killed, crashed, or still running) has figures of None.
Error texts are templates marked for Qt's translation tools (context "LogFindings").
"""

from __future__ import annotations

import io
import os
import re
import sys
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from obs import oswords
from obs.errors import Explained
from obs.log_findings import KINDS as KINDS
from obs.log_findings import SLOW_PRESETS as SLOW_PRESETS
from obs.log_findings import Finding as Finding
from obs.log_findings import findings
from obs.logfacts import FactReader, LogFacts, SessionSettings
from obs.text import QT_TRANSLATE_NOOP
from obs.vocabulary import Severity


class NotAnObsLog(Explained):
    """The file is not an OBS Studio log (or cannot be read); the message (a translatable template, context
    "LogFindings", with its fields) says which."""


LINE = re.compile(r"^(\d{1,2}:\d{2}:\d{2}(?:\.\d{1,3})?): (.*)$")
NUMBER = r"(\d+(?:[.,]\d+)?)"
VERSION = re.compile(r"^OBS (\d+\.\d+(?:\.\d+)?\S*) \(([^)]*)\)")
SESSION = re.compile(r"^==== (Streaming|Recording) (Start|Stop) =+")
LAGGED = re.compile(rf"^Output '([^']+)': Number of lagged frames due to rendering lag/stalls: (\d+) \({NUMBER}%\)")
DROPPED = re.compile(
    rf"^Output '([^']+)': Number of dropped frames due to insufficient bandwidth/connection stalls: (\d+) \({NUMBER}%\)"
)
# "Total frames output: 27000" or, when frames were dropped, "Total frames output: 27000 (30000 attempted)"; the
# attempted count is what OBS divides the dropped frames by. The same for drawn frames and the lagged ones.
TOTAL = re.compile(r"^Output '([^']+)': Total frames output: (\d+)(?: \((\d+) attempted\))?")
DRAWN = re.compile(r"^Output '([^']+)': Total drawn frames: (\d+)(?: \((\d+) attempted\))?")
SKIPPED = re.compile(rf"number of skipped frames due to encoding lag: (\d+)/(\d+) \({NUMBER}%\)")
RECONNECT = re.compile(r"^Output '([^']+)': Reconnecting in")
CONNECTED = re.compile(r"^\[rtmp stream: '([^']+)'\] Connection to \S+ successful")
STOPPING = re.compile(r"^Output '([^']+)': stopping")
#: OBS's profiler at a clean exit, "Time Between Calls": "obs_hotkey_thread(25 ms): min=25.178 ms, median=25.499 ms,
#: max=12070.9 ms, 50.0921% within ±2% of 25 ms (…)". The longest gap between two calls of a thread that only sleeps
#: (the hotkey thread, every 25 ms) is the longest time all of OBS stood still; the graphics thread's, how long no
#: frame was drawn then. OBS writes a no-break space before "ms".
THREAD_GAP = re.compile(
    rf"^(obs_hotkey_thread|obs_graphics_thread)\({NUMBER}\s*ms\): min=.*? max={NUMBER}\s*ms, .*within"
)
#: A gap of the hotkey thread this long is OBS stopped as a whole (SIGSTOP, the computer suspended, memory swapped
#: out), not a busy graphics card: measured, 25.2–25.5 ms normally, 152 ms at worst on a loaded machine.
STALL_MIN_MS = 1000.0
#: The lines librtmp and rtmp-stream write when a stream's connection fails or drops: "WriteN, RTMP send error 32
#: (190 bytes)", "… is offline. Try a different server (ECONNREFUSED).", "RTMP_Connect1, handshake failed.",
#: "Could not resolve …", Windows' "socket_thread_windows: Received FD_CLOSE, error code 10053".
CAUSE = re.compile(
    r"RTMP send error (\d+)|\((ECONNREFUSED|ETIMEDOUT|EACCES)\)\.?$|FD_CLOSE, error code (\d+)|(handshake failed)"
    r"|^(Could not resolve)|(failed to connect socket)"
)
#: The socket errors of a send as a cause (POSIX and Winsock numbers): the server closed the connection (EPIPE),
#: it was reset or aborted on the way, or it timed out.
SEND_ERRORS = {"32": "closed", "104": "reset", "10053": "reset", "10054": "reset", "110": "timeout", "10060": "timeout"}
#: The error lines that follow the first and add nothing (EBADF once the socket is gone).
FOLLOW_ERRORS = {"9", "10038"}
# Windows writes "[rtmp stream: 'simple_stream'] Interface: Intel(R) Wi-Fi 6 AX201 (802.11, 866↓/866↑ mbps)";
# older versions wrote the same without the prefix.
WIFI = re.compile(r"^(?:\[[^\]]*\]\s*|\s*)Interface: .*\(802\.11")
WRITING = re.compile(r"[Ww]riting file '([^']+)'")
PRESET = re.compile(r"^\[x264 encoder: '[^']+'\] preset: (\w+)")
SETTING = re.compile(r"^\t(bitrate|preset|fps|format|color range|output resolution|base resolution):\s+(.+?)\s*$")
#: coredumpctl names the package a module came from: "Module libobs.so.30 from rpm obs-studio-30.1.2-1.fc40".
LINUX_PACKAGE = re.compile(r"obs-studio[-_ ](\d+\.\d+(?:\.\d+)?)")
#: OBS Classic (0.x, discontinued in 2017): "Open Broadcaster Software v0.659b - 64bit".
CLASSIC = re.compile(r"^Open Broadcaster Software v(0\.\d+\w*)")
IGNORED_OUTPUTS = {"test_stream"}  # the auto-configuration wizard's bandwidth test
#: A line without any of these cannot carry a configuration finding.
CONFIG_KEYS = (
    "Interface:",
    "already running",
    "OpenGL",
    "Render Driver",
    "administrator",
    "audio buffering",
    "Auto-Config",
    "test_stream",
    "riting file",
    "[x264 encoder",
)
CONFIG_LINE = re.compile("|".join(re.escape(key) for key in CONFIG_KEYS))


@dataclass
class Segment:
    """One run of an output: from its start (or a successful reconnect) to its stop (or a disconnect). OBS writes
    each run's frame figures separately when it ends, so a session that reconnected has several."""

    output: str
    ended: str
    ended_day: int = 0  # days after the log's first day (a time of day past midnight is the next day's)
    frames: int | None = None  # frames the output tried to send: what OBS counts dropped frames against
    dropped: int | None = None
    dropped_logged_pct: float | None = None
    drawn: int | None = None  # frames the compositor had to draw while the output ran
    lagged: int | None = None
    lagged_logged_pct: float | None = None
    reconnect_attempts: int = 0  # "Reconnecting in …" lines after this run ended in a disconnect
    #: The log ends within this run's figures (OBS killed while writing them, a file cut off or still being
    #: written): a lagged or dropped line that is not there may only not have been written yet, so it is unknown.
    cut: bool = False
    #: When the stream was connected again after this run's drop ("[rtmp stream: '…'] Connection to … successful"
    #: after the "Reconnecting in" lines); None while it was not (OBS gave up, the stream was stopped, the log ends).
    resumed: str | None = None
    #: Why the run ended in a drop, as the log says it: (cause, the log's line) — cause one of "closed", "reset",
    #: "timeout", "refused", "blocked", "dns", "handshake", "connect", "send" (see rtmp_cause); None when no line says.
    cause: tuple[str, str] | None = None
    #: Why the attempts to reconnect after it failed, the first such line (the same form).
    retry_cause: tuple[str, str] | None = None

    @staticmethod
    def _share(count: int | None, base: int | None, logged_pct: float | None) -> tuple[float, float | None]:
        """(lost frames, the frames they are a share of); the base is None when the log does not tell it."""
        if base is not None:
            return float(count or 0), float(base)
        if count and logged_pct:  # a log without the total line: the base follows from OBS's own percentage
            return float(count), count / (logged_pct / 100)
        return float(count or 0), None

    def render_share(self) -> tuple[float, float | None]:
        if self.cut and self.lagged is None:
            return 0.0, None
        # Without a drawn count (a log cut short, an unusual build), a run that lagged nothing still weighs its
        # frames output: about as many frames as the compositor drew for it.
        base = self.drawn if self.drawn is not None else (None if self.lagged else self.frames)
        return self._share(self.lagged, base, self.lagged_logged_pct)

    def network_share(self) -> tuple[float, float | None]:
        if self.cut and self.dropped is None:
            return 0.0, None
        return self._share(self.dropped, self.frames, self.dropped_logged_pct)

    @property
    def render_unknown(self) -> bool:
        return self.cut and self.lagged is None

    @property
    def network_unknown(self) -> bool:
        return self.cut and self.dropped is None

    @property
    def render_lag_pct(self) -> float | None:
        return None if self.render_unknown else _ratio([self.render_share()], self.lagged is None)

    @property
    def network_drop_pct(self) -> float | None:
        return None if self.network_unknown else _ratio([self.network_share()], self.dropped is None)

    def to_dict(self, streaming: bool = True) -> dict[str, Any]:
        return {
            "output": self.output,
            "ended": self.ended,
            "frames": self.frames,
            "drawn_frames": self.drawn,
            "lagged_frames": self.lagged or 0,
            "render_lag_pct": _rounded(self.render_lag_pct),
            "dropped_frames": (self.dropped or 0) if streaming else None,
            "network_drop_pct": _rounded(self.network_drop_pct) if streaming else None,
            "reconnect_attempts": self.reconnect_attempts,
            "resumed": self.resumed,
            "cause": self.cause[0] if self.cause else None,
            "cause_line": self.cause[1] if self.cause else None,
            "retry_cause": self.retry_cause[0] if self.retry_cause else None,
            "retry_cause_line": self.retry_cause[1] if self.retry_cause else None,
        }


def _ratio(shares: list[tuple[float, float | None]], none_lost: bool = True) -> float | None:
    """Lost frames over the frames they belong to, summed over runs, in percent."""
    known = [(lost, base) for lost, base in shares if base is not None]
    if not known:
        return 0.0 if none_lost else None
    base_sum = sum(base for _, base in known if base is not None)
    # Not rounded here: 56 of 3,621 frames is 1.546 %, said "1.5 %"; rounded to 1.55 first it was said "1.6 %" (walk13).
    return 100 * sum(lost for lost, _ in known) / base_sum if base_sum else 0.0


def _rounded(pct: float | None) -> float | None:
    return None if pct is None else round(pct, 2)


@dataclass
class Session:
    kind: str  # "streaming" or "recording"
    started: str
    ended: str | None = None
    #: The days after the log's first day its start and end fall on, from the log's own order of lines: a time of
    #: day earlier than the line before it is past midnight. (A recording that ends after a stream began is not.)
    start_day: int = 0
    end_day: int = 0
    reconnects: int = 0  # times the connection dropped and OBS set about reconnecting
    reconnect_attempts: int = 0  # times OBS tried (a drop can take several tries)
    segments: list[Segment] = field(default_factory=list)
    settings: SessionSettings | None = None  # what the session started with (video, encoders, stream options)
    _skipped: list[tuple[int, int]] = field(default_factory=list)
    #: A cause line seen while the stream ran: it belongs to the run whose figures come next (see Segment.cause).
    _pending_cause: tuple[str, str] | None = None
    #: The one stall of the whole OBS (seconds, the frames it left undrawn) that explains most of this session's
    #: lagged frames, from OBS's profiler (see _place_stall); None when the log says none did.
    stall: tuple[float, int] | None = None

    @property
    def lagged_frames(self) -> int:
        return sum(segment.lagged or 0 for segment in self.segments)

    @property
    def complete(self) -> bool:
        return self.ended is not None

    def _weighted(self, part: str) -> float | None:
        # Each run's losses count against that run's own frames: the first run's "43 (17.8%)" is 43 of the
        # session's 321 frames, not 17.8 % of it, when a second run lost nothing.
        if not self.segments:
            return None
        # A run whose figures the log's end cut off leaves the session's share unknown, not the other runs' alone.
        if any(s.render_unknown if part == "render" else s.network_unknown for s in self.segments):
            return None
        return _ratio([s.render_share() if part == "render" else s.network_share() for s in self.segments])

    @property
    def render_lag_pct(self) -> float | None:
        return self._weighted("render")

    @property
    def network_drop_pct(self) -> float | None:
        return self._weighted("network") if self.kind == "streaming" else None

    @property
    def encode_lag_pct(self) -> float | None:
        if self._skipped:
            skipped, total = sum(s for s, _ in self._skipped), sum(t for _, t in self._skipped)
            return 100 * skipped / total if total else 0.0
        return 0.0 if self.complete else None

    @property
    def unfinished_run(self) -> str | None:
        """For a session the log ends in after a drop: when its last run began (the stream connected again), or ""
        while OBS was still reconnecting — that run's figures were never written, so the session's are only its
        earlier runs' (tech16: OBS killed 27 s after a reconnect read "network drops 26.2 %" with no word that this
        was the first 90 s only). None otherwise."""
        if self.complete or not self.segments or not self.segments[-1].reconnect_attempts:
            return None
        return self.segments[-1].resumed or ""

    @property
    def runs_in_figures(self) -> tuple[int, int] | None:
        """(the runs the session's render-lag and network-drop figures cover, its runs in all) when they are not all:
        the log ends in a run that began after a reconnect and whose figures were never written (walk24p: OBS
        killed after a reconnect read "26.2 % of frames dropped by the network" for the stream, run 1's figure
        only). None when the figures are the whole session's (a session still reconnecting when the log ends sent
        nothing after its last run)."""
        if not self.unfinished_run:
            return None
        return len(self.segments), len(self.segments) + 1

    def runs(self) -> list[tuple[Segment, str | None, float | None]]:
        """Each run with when it began — the session's start, then each time the stream was connected again after a
        drop — and how long it lasted in seconds (None where its start is not known: OBS never reconnected)."""
        starts = [self.started] + [s.resumed for s in self.segments[:-1]]
        return [
            (segment, start, None if start is None else (_seconds(segment.ended) - _seconds(start)) % 86400)
            for segment, start in zip(self.segments, starts, strict=True)
        ]

    def outages(self) -> list[tuple[str, float | None]]:
        """Each drop of the connection: when the run ended, and the seconds until the stream was connected again
        (None: it was not, within the session)."""
        return [
            (s.ended, None if s.resumed is None else (_seconds(s.resumed) - _seconds(s.ended)) % 86400)
            for s in self.segments
            if s.reconnect_attempts
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "started": self.started,
            "ended": self.ended,
            "complete": self.complete,
            "render_lag_pct": _rounded(self.render_lag_pct),
            "encode_lag_pct": _rounded(self.encode_lag_pct),
            "network_drop_pct": _rounded(self.network_drop_pct),
            "reconnects": self.reconnects,
            "reconnect_attempts": self.reconnect_attempts,
            # The runs the loss figures cover, of all (null: the whole session).
            "runs_in_figures": list(self.runs_in_figures) if self.runs_in_figures else None,
            "segments": [s.to_dict(self.kind == "streaming") for s in self.segments],
            "settings": asdict(self.settings) if self.settings is not None else None,
            "stall_s": self.stall[0] if self.stall is not None else None,
        }


#: How OBS names its platform in the log's first line, and how people write it (proper nouns, not translated): the
#: CLI and the log dialog say it from here (the dialog said "linux" where the CLI said "Linux").
_PLATFORM_NAMES = {"windows": "Windows", "linux": "Linux", "mac": "macOS", "macos": "macOS", "freebsd": "FreeBSD"}


@dataclass
class LogReport:
    file: str
    obs_version: str | None = None
    platform: str | None = None
    sessions: list[Session] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    complete: bool = False
    facts: LogFacts = field(default_factory=LogFacts)
    #: The time of day of the log's last timestamped line: where a session with no end line (OBS killed or
    #: crashed) is last known to have run.
    last_stamp: str | None = None
    last_day: int = 0  # the days after the log's first day that line falls on
    member: str | None = None  # the log's name within the zip archive it was read from

    @property
    def crash(self) -> bool:
        return self.facts.crash is not None

    @property
    def platform_name(self) -> str:
        """The operating system as people write it ("Linux", "macOS"), whatever case the log gave; "?" unknown."""
        return _PLATFORM_NAMES.get((self.platform or "").lower(), self.platform or "?")

    def to_dict(self, explain: Any = None, remedy: Any = None) -> dict[str, Any]:
        """The report as JSON-able data; `explain`/`remedy` say a finding's message/remedy in the reader's
        language (English without them). Finding ids are stable (README: OBS log analysis)."""

        def message(f: Finding) -> str:
            return str(explain(f)) if explain else f.message

        def what_to_do(f: Finding) -> str:
            return str(remedy(f)) if remedy else f.explain_remedy()

        return {
            "file": self.file,
            "obs_version": self.obs_version,
            "platform": self.platform,
            "complete": self.complete,
            "crash": self.crash,
            "sessions": [s.to_dict() for s in self.sessions],
            "findings": [
                {
                    "id": f.id,
                    "area": f.area,
                    "category": f.category,
                    "severity": f.severity,
                    "message": message(f),
                    "remedy": what_to_do(f),
                    "fields": {k: _plain(v) for k, v in f.fields.items()},
                }
                for f in self.findings
            ],
            "facts": self.facts.to_dict(),
        }


def _plain(value: Any) -> Any:
    """A finding's field as JSON: numbers stay numbers, anything else (a nested message) its English words."""
    return value if isinstance(value, (int, float, bool)) or value is None else str(value)


def _place_stall(sessions: list[Session], gaps: dict[str, tuple[float, float]]) -> None:
    """The longest stall of the whole OBS (the profiler's gaps, written at a clean exit) to the session whose lagged
    frames it explains: at least half of them fit in it, and the session counted most of its frames (a stall while
    nothing was output is no session's). The profiler says how long, not when: one stall, one session at most."""
    hotkey, graphics = gaps.get("obs_hotkey_thread"), gaps.get("obs_graphics_thread")
    if hotkey is None or graphics is None or min(hotkey[1], graphics[1]) < STALL_MIN_MS or graphics[0] <= 0:
        return
    frames = graphics[1] / graphics[0]
    for session in sessions:
        lagged = session.lagged_frames
        if lagged and frames >= 0.5 * lagged and lagged >= 0.8 * frames:
            session.stall = (round(graphics[1] / 1000, 3), round(frames))
            return


def _number(text: str) -> float:
    return float(text.replace(",", "."))  # some locales write 26,9%


def _segment(session: Session, output: str, stamp: str, slot: str) -> Segment:
    """The run of `output` whose figures are being written; a new one when this figure was already given
    (logs that lack the "stopping" line that opens each run's figures)."""
    current = session.segments[-1] if session.segments else None
    if current is None or current.output != output or getattr(current, slot) is not None:
        current = Segment(output, stamp, session.end_day, cause=session._pending_cause)
        session._pending_cause = None
        session.segments.append(current)
    return current


def _stopping(session: Session, match: re.Match[str], stamp: str) -> None:
    session.segments.append(Segment(match.group(1), stamp, session.end_day, cause=session._pending_cause))
    session._pending_cause = None


def rtmp_cause(text: str) -> str | None:
    """What a librtmp/rtmp-stream error line says went wrong (a key of log_findings.CAUSES), or None for a line that
    is no cause (not such a line, or an error that only follows another)."""
    match = CAUSE.search(text)
    if match is None:
        return None
    send, named, fd_close, handshake, resolve, connect = match.groups()
    code = send or fd_close
    if code is not None:
        return None if code in FOLLOW_ERRORS else SEND_ERRORS.get(code, "send")
    if named is not None:
        return {"ECONNREFUSED": "refused", "ETIMEDOUT": "timeout", "EACCES": "blocked"}[named]
    return "handshake" if handshake else "dns" if resolve else "connect" if connect else None


def _lost(slot: str, pct_slot: str) -> Callable[[Session, re.Match[str], str], None]:
    """A "lagged"/"dropped" frames line: the count and the percentage OBS logged."""

    def apply(session: Session, match: re.Match[str], stamp: str) -> None:
        segment = _segment(session, match.group(1), stamp, slot)
        setattr(segment, slot, int(match.group(2)))
        setattr(segment, pct_slot, _number(match.group(3)))

    return apply


def _frames(slot: str) -> Callable[[Session, re.Match[str], str], None]:
    """A total/drawn frames line."""

    def apply(session: Session, match: re.Match[str], stamp: str) -> None:
        # With losses OBS writes "sent (attempted)": the attempted count is what it divides by.
        setattr(_segment(session, match.group(1), stamp, slot), slot, int(match.group(3) or match.group(2)))

    return apply


def _reconnecting(session: Session, match: re.Match[str], stamp: str) -> None:
    # OBS writes this line before every attempt; only the first after a run's figures is a new drop.
    last = next((s for s in reversed(session.segments) if s.output == match.group(1)), None)
    if (last.reconnect_attempts if last is not None else session.reconnect_attempts) == 0:
        session.reconnects += 1
    if last is not None:
        last.reconnect_attempts += 1
    session.reconnect_attempts += 1


# An output's lines, in the order they are tried: each names its output in group 1.
_OUTPUT_LINES: tuple[tuple[re.Pattern[str], Callable[[Session, re.Match[str], str], None]], ...] = (
    (STOPPING, _stopping),
    (LAGGED, _lost("lagged", "lagged_logged_pct")),
    (DROPPED, _lost("dropped", "dropped_logged_pct")),
    (TOTAL, _frames("frames")),
    (DRAWN, _frames("drawn")),
    (RECONNECT, _reconnecting),
)

# The configuration lines that raise a flag; the first that says so wins.
_CONFIG_FLAGS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("wifi", lambda text: WIFI.match(text) is not None),
    ("two_instances", lambda text: "Warning: OBS is already running!" in text),
    ("software", lambda text: ("llvmpipe" in text and "OpenGL" in text) or "Microsoft Basic Render Driver" in text),
    ("not_admin", lambda text: text.strip() == "Running as administrator: false"),
    ("audio_buffering", lambda text: "Max audio buffering reached" in text),
    ("wizard", lambda text: "Auto-Config Wizard" in text or "test_stream" in text),
)


class _Analyzer:
    def __init__(self, name: str, today: date | None = None) -> None:
        self.today = today
        self.report = LogReport(name)
        self.open: dict[str, Session] = {}
        self.flags: dict[str, Any] = {"presets": set(), "files": set()}
        self.video: dict[str, str] = {}
        self.bitrates: list[int] = []
        self.is_obs = False
        self.reader = FactReader()
        self.day = 0  # the days after the log's first day the line being read falls on
        #: The run whose figures the last lines wrote: if the log ends here, some may be missing (Segment.cut).
        self.figures_of: Segment | None = None

    def feed(self, stamp: str, text: str, whole: bool = True) -> None:
        """One stamped line; `whole` is False for a last line cut off before its end."""
        reader = self.reader
        if reader.busy or reader.wanted.match(text):
            reader.feed(text)
        # Cheap guards first: almost every line of a long log is noise that no pattern below can match.
        if text.startswith("Output '") or "skipped frames" in text:
            self._losses(stamp, text)
            if not whole and self.figures_of is not None:
                self.figures_of.cut = True  # "Total frames output: 98" may have been 980
            return
        if whole:
            self.figures_of = None  # a whole line after a run's figures: they were all written
        if "streaming" in self.open and ("RTMP" in text or "(E" in text or "FD_CLOSE" in text or "resolve" in text):
            self._cause(stamp, text)
        if text.startswith("[rtmp stream: ") and text.endswith("successful"):
            self._connected(stamp, text)
        if text.startswith(("OBS ", "==== ", "Number of memory", "Open Broadcaster", "obs_hotkey_", "obs_graphics_")):
            self._markers(stamp, text)
            return
        if text.startswith("\t") or CONFIG_LINE.search(text):
            self._configuration(text)

    def _markers(self, stamp: str, text: str) -> None:
        gap = THREAD_GAP.match(text)
        if gap:  # the profiler at exit (see THREAD_GAP)
            self.flags.setdefault("thread_gaps", {})[gap.group(1)] = (_number(gap.group(2)), _number(gap.group(3)))
            return
        version = VERSION.match(text)
        if version and self.report.obs_version is None:
            self.report.obs_version, self.report.platform = version.group(1), version.group(2).split(",")[-1].strip()
            self.reader.facts.system.obs_build = version.group(2)
            self.is_obs = True
            return
        marker = SESSION.match(text)
        if marker:
            kind = "streaming" if marker.group(1) == "Streaming" else "recording"
            if marker.group(2) == "Start":
                session = Session(kind, stamp, settings=self.reader.session_started(kind), start_day=self.day)
                session.end_day = self.day
                self.open[kind] = session
                self.report.sessions.append(session)
            elif kind in self.open:
                ended = self.open.pop(kind)
                ended.ended, ended.end_day = stamp, self.day
            self.is_obs = True
            return
        if text.startswith("Number of memory leaks:"):
            self.report.complete = True
            return
        classic = CLASSIC.match(text)
        if classic:  # said as a finding (kinds.classic), not refused: the reader learns what it is and why not
            self.reader.facts.obs_classic = classic.group(1)
            self.report.complete = True  # its sessions are not read, so none is "cut off"
            self.is_obs = True

    def _session_for(self, output: str) -> Session | None:
        if output in IGNORED_OUTPUTS:
            return None
        kind = "streaming" if "stream" in output else "recording" if ("file" in output or "rec" in output) else None
        if kind is None:
            kind = "streaming" if "streaming" in self.open else "recording"
        session = self.open.get(kind)
        if session is None:  # totals written just after the Stop marker belong to the last such session
            session = next((s for s in reversed(self.report.sessions) if s.kind == kind), None)
        return session

    def _connected(self, stamp: str, text: str) -> None:
        """The stream connected: after a drop, when it was back on air."""
        match = CONNECTED.match(text)
        session = self.open.get("streaming")
        if match is None or session is None:
            return
        dropped = next((s for s in reversed(session.segments) if s.output == match.group(1)), None)
        if dropped is not None and dropped.reconnect_attempts and dropped.resumed is None:
            dropped.resumed = stamp

    def _cause(self, stamp: str, text: str) -> None:
        """A line that says why the stream's connection failed: the cause of the drop whose figures come next, or,
        while OBS tries to reconnect, why those attempts fail (the first line of each)."""
        cause = rtmp_cause(text)
        session = self.open["streaming"]
        if cause is None:
            return
        said = (cause, f"{stamp}: {text}")
        last = session.segments[-1] if session.segments else None
        if last is not None and last.reconnect_attempts and last.resumed is None:
            last.retry_cause = last.retry_cause or said
        else:
            session._pending_cause = session._pending_cause or said

    def _losses(self, stamp: str, text: str) -> None:
        for pattern, apply in _OUTPUT_LINES:
            match = pattern.match(text)
            if match:
                session = self._session_for(match.group(1))
                if session is not None:
                    if session.ended is None:
                        session.end_day = self.day  # where its runs' figures are stamped
                    apply(session, match, stamp)
                    # "Reconnecting in" comes after a run's figures: they are complete.
                    self.figures_of = None if pattern is RECONNECT else session.segments[-1]
                return
        match = SKIPPED.search(text)
        if match:
            session = next(iter(self.open.values()), None) or (
                self.report.sessions[-1] if self.report.sessions else None
            )
            if session is not None:
                session._skipped.append((int(match.group(1)), int(match.group(2))))

    def _configuration(self, text: str) -> None:
        flag = next((name for name, says in _CONFIG_FLAGS if says(text)), None)
        if flag is not None:
            self.flags[flag] = True
        written = WRITING.search(text)
        if written:
            self.flags["files"].add(written.group(1))
        preset = PRESET.match(text)
        if preset:
            self.flags["presets"].add(preset.group(1))
        setting = SETTING.match(text)
        if setting:
            self._setting(setting.group(1), setting.group(2))

    def _setting(self, key: str, value: str) -> None:
        if key == "bitrate" and value.isdigit():
            self.bitrates.append(int(value))
        elif key == "preset":
            self.flags["presets"].add(value)
        else:
            self.video[key] = value

    def feed_raw(self, line: str) -> None:
        """A line without a timestamp: only a crash report's lines matter (OBS's own on Windows, Apple's on
        macOS, coredumpctl's on Linux); a normal log has next to none."""
        reader = self.reader
        reader.feed_raw(line)
        crash = reader.facts.crash
        if crash is None:
            return
        self.is_obs = True
        if self.report.obs_version is None:
            if crash.libobs_version:
                self.report.obs_version = crash.libobs_version.split()[0]
            elif crash.kind == "mac":
                self.report.obs_version = reader.raw_header.get("Version", "").split(" ")[0] or None
            else:
                package = LINUX_PACKAGE.search(line)
                self.report.obs_version = package.group(1) if package else None
            self.report.platform = {"mac": "mac", "linux": "linux"}.get(crash.kind, "windows")

    def finish(self) -> LogReport:
        from obs import logcheck

        report = self.report
        if self.figures_of is not None:  # the log ends within a run's figures
            self.figures_of.cut = True
        report.facts = self.reader.finish()
        _place_stall(report.sessions, self.flags.get("thread_gaps", {}))
        # A crash report is complete as it is: it never has OBS's shutdown lines.
        complete = report.complete or report.crash
        report.findings = findings(report.sessions, self.flags, self.video, self.bitrates, complete)
        context = logcheck.Context(report.facts, report.sessions, report.platform, report.obs_version)
        if self.today is not None:
            context.today = self.today
        report.findings += logcheck.run(context)
        # The worst first, in the order they were found within a severity (a sorted list is stable).
        report.findings.sort(key=lambda f: -Severity(f.severity).rank)
        return report


def analyze_lines(lines: Iterable[str], name: str, today: date | None = None) -> LogReport:
    """The report of a log's lines; `today` is the day end-of-support dates are judged against (today)."""
    analyzer = _Analyzer(name, today)
    last: str | None = None
    previous = ""  # the hour of the last stamped line
    ends_lines = False  # lines read from a file keep their end of line: the file's last may lack it (cut off)
    for number, raw in enumerate(lines):
        line = raw.rstrip("\r\n")
        whole = len(line) < len(raw) or not ends_lines
        ends_lines = ends_lines or len(line) < len(raw)
        match = LINE.match(line.lstrip("\ufeff"))
        if match:
            last = match.group(1)
            hour = last.partition(":")[0]
            if hour != previous:  # cheap: the hour changes at most once an hour
                # Past midnight (23 → 0): the log's lines are in the order OBS wrote them. Threads may stamp a few
                # milliseconds out of order, so an hour back by one (14:00:00.001, then 13:59:59.999) is not a day.
                if previous and int(hour) + 1 < int(previous):
                    analyzer.day += 1
                previous = hour
            analyzer.feed(last, match.group(2), whole)
        else:
            analyzer.feed_raw(line.lstrip("\ufeff"))
        if number == 400 and not analyzer.is_obs:
            raise NotAnObsLog(
                QT_TRANSLATE_NOOP(
                    "LogFindings", "{name} does not look like an OBS Studio log (no 'OBS <version>' line at its start)"
                ),
                name=name,
            )
    if not analyzer.is_obs:
        raise NotAnObsLog(
            QT_TRANSLATE_NOOP("LogFindings", "{name} does not look like an OBS Studio log (no 'OBS <version>' line)"),
            name=name,
        )
    report = analyzer.finish()
    report.last_stamp, report.last_day = last, analyzer.day
    return report


def _seconds(stamp: str) -> float:
    hours, minutes, seconds = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def analyze(path: Path, today: date | None = None) -> LogReport:
    """The report of the log at `path`: a text file, or a zip archive holding one (logs are sent zipped)."""
    try:
        if zipfile.is_zipfile(path):
            return _analyze_zip(path, today)
        with path.open("rb") as probe:
            if probe.read(4) == b"PK\x03\x04":  # a zip's first entry without its directory: cut off in transfer
                raise NotAnObsLog(
                    QT_TRANSLATE_NOOP(
                        "LogFindings", "{name} is a zip archive that cannot be opened (damaged or cut off)"
                    ),
                    name=str(path),
                )
        with path.open(encoding="utf-8", errors="replace") as handle:
            return analyze_lines(handle, str(path), today)
    except (OSError, zipfile.BadZipFile) as exc:
        error = oswords.reason(exc, named=False) if isinstance(exc, OSError) else exc
        raise NotAnObsLog(
            QT_TRANSLATE_NOOP("LogFindings", "{path} cannot be read: {error}"), path=path, error=error
        ) from exc


#: OBS names each log by the time it started ("2026-12-02 13-00-38.txt"): in a zip of several, the newest is last.
LOG_NAME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}-\d{2}-\d{2}\.txt$")


def _analyze_zip(path: Path, today: date | None) -> LogReport:
    """The OBS log in a zip archive: its one text file, or of several the newest OBS log by its name (else the
    largest text file). tech16: a zipped log was "not an OBS log", as if it were any other file."""
    with zipfile.ZipFile(path) as archive:
        texts = [i for i in archive.infolist() if not i.is_dir() and i.filename.lower().endswith((".txt", ".log"))]
        if not texts:
            raise NotAnObsLog(
                QT_TRANSLATE_NOOP("LogFindings", "{name} is a zip archive without a log in it (no .txt or .log file)"),
                name=str(path),
            )
        named = sorted((i for i in texts if LOG_NAME.search(i.filename)), key=lambda i: i.filename.rsplit("/", 1)[-1])
        chosen = named[-1] if named else max(texts, key=lambda i: i.file_size)
        with archive.open(chosen) as raw, io.TextIOWrapper(raw, encoding="utf-8", errors="replace") as handle:
            report = analyze_lines(handle, f"{path} › {chosen.filename}", today)
    report.member = chosen.filename
    return report


def log_folders() -> list[Path]:
    """Where OBS keeps its logs on this platform (the Flatpak folder too on Linux)."""
    home = Path.home()
    if sys.platform.startswith("win"):
        return [Path(os.environ.get("APPDATA", home / "AppData" / "Roaming")) / "obs-studio" / "logs"]
    if sys.platform == "darwin":
        return [home / "Library" / "Application Support" / "obs-studio" / "logs"]
    return [
        home / ".config" / "obs-studio" / "logs",
        home / ".var" / "app" / "com.obsproject.Studio" / "config" / "obs-studio" / "logs",
    ]


def newest_log() -> Path | None:
    logs = [p for folder in log_folders() if folder.is_dir() for p in folder.glob("*.txt")]
    return max(logs, key=lambda p: p.stat().st_mtime) if logs else None
