"""Analyze OBS log… in the console: which log to offer (the room's own newest when OBS runs on this PC, where the
log folder is when it runs elsewhere), and the log's findings beside the live findings the console kept for the
same show. No Qt: the dialog (widgets/log_report_dialog.py) asks these questions on its worker thread.

An OBS log gives times of day ("20:14:03.120"), the day it was started on ("Current Date/Time: 2024-04-06,
22:05:17", else the file's name "2024-04-06 22-05-17.txt"); a time earlier than the one before it is the next
day. OBS writes the local time of the PC it runs on: the room's PC is taken to be in the console's time zone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from console.core.dbtrouble import words
from obs.log_findings import Finding
from obs.logfile import LogReport, Session, log_folders, newest_log
from obs.text import QT_TRANSLATE_NOOP, Message
from obs.vocabulary import TITLES

CONTEXT = "LogReview"
#: An OBS on one of these hosts is on this PC: its log folder is this PC's.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "0.0.0.0")
#: Where OBS keeps its logs, per system (said when OBS runs on another computer, whose system is unknown here).
LOG_FOLDERS = (
    "Windows: %APPDATA%\\obs-studio\\logs",
    "macOS: ~/Library/Application Support/obs-studio/logs",
    "Linux: ~/.config/obs-studio/logs",
    "Linux Flatpak: ~/.var/app/com.obsproject.Studio/config/obs-studio/logs",
)
#: A live episode within this many seconds of a log session's span is the same moment (the log stamps a
#: session's figures when it ends; the console opens an episode after the hysteresis).
SLACK_S = 60.0
#: The log's session findings by the live health finding that watches the same thing.
LIVE_TWIN = {
    "render_lag": "render_lag",
    "render_stall": "render_lag",  # live, frames missed while OBS was frozen are the render-lag finding's (said so)
    "encode_lag": "encode_lag",
    "network_drops": "network",
    "reconnects": "reconnect",
}

HERE = QT_TRANSLATE_NOOP("LogReview", "OBS runs on this PC: its newest log, {path}, is analysed.")
HERE_NONE = QT_TRANSLATE_NOOP(
    "LogReview",
    "OBS runs on this PC, but its log folder holds no log yet ({folders}). Drop a log here, or choose one with "
    "“Open…”.",
)
ELSEWHERE = QT_TRANSLATE_NOOP(
    "LogReview",
    "OBS runs on {host}, not on this PC: its logs are on that computer ({folders}; in OBS: Help ▸ Log Files ▸ "
    "Show Log Files). Copy one here and drop it on this window, or choose one with “Open…”.",
)
NOT_CONNECTED = QT_TRANSLATE_NOOP(
    "LogReview",
    "The console is not connected to an OBS: drop an OBS log here, or choose one with “Open…”. OBS keeps its logs "
    "in {folders}.",
)
DEMO = QT_TRANSLATE_NOOP(
    "LogReview",
    "This is the demo room: its OBS is the console's simulator, which writes no log, so there is no OBS log to read "
    "here. To analyse a real OBS's log, drop the log file on this window or choose it with “Open…” (OBS keeps its "
    "logs in {folders}; in OBS: Help ▸ Log Files ▸ Show Log Files).",
)
NO_SESSION = QT_TRANSLATE_NOOP("LogReview", "The log has no streaming or recording session to place beside a show.")
NO_ROOM = QT_TRANSLATE_NOOP("LogReview", "The console is in no room: there are no live findings to compare with.")
NO_SHOW = QT_TRANSLATE_NOOP(
    "LogReview", "The console kept no show of this room between {start} and {end}: the log has nothing live beside it."
)
NO_DATE = QT_TRANSLATE_NOOP(
    "LogReview", "The log does not say which day it is from (no “Current Date/Time” line, no date in its name)."
)
STORAGE = QT_TRANSLATE_NOOP("LogReview", "The live findings could not be read: {error}")


@dataclass(frozen=True)
class Offer:
    """What the dialog opens with: a log (or None) and a sentence saying where it came from or where logs are."""

    path: Path | None
    note: Message


def offer(host: str | None, newest: Callable[[], Path | None] = newest_log, demo: bool = False) -> Offer:
    """The room's own newest log when OBS runs on this PC (its host is local), else where OBS keeps its logs. The
    demo room's OBS is the simulator, on this PC but with no log: a log found on this PC would be another OBS's."""
    folders = "; ".join(LOG_FOLDERS)
    if demo:
        return Offer(None, Message(DEMO, {"folders": folders}, CONTEXT))
    if host is None:
        return Offer(None, Message(NOT_CONNECTED, {"folders": folders}, CONTEXT))
    if host.strip("[]").lower() in LOCAL_HOSTS or host.startswith("127."):
        path = newest()
        if path is None:
            here = "; ".join(str(folder) for folder in log_folders())
            return Offer(None, Message(HERE_NONE, {"folders": here}, CONTEXT))
        return Offer(path, Message(HERE, {"path": str(path)}, CONTEXT))
    return Offer(None, Message(ELSEWHERE, {"host": host, "folders": folders}, CONTEXT))


# -- placing the log in time ---------------------------------------------------------------------------------
def log_day(report: LogReport, path: Path | None) -> datetime | None:
    """When the log was started: its "Current Date/Time" line, else the date and time in its file name."""
    started = report.facts.system.log_started
    name = Path(report.member).stem if report.member else path.stem if path else None  # a zip's log: its own name
    for text, pattern in ((started, "%Y-%m-%d, %H:%M:%S"), (name, "%Y-%m-%d %H-%M-%S")):
        if text:
            try:
                return datetime.strptime(text.strip()[:20].rstrip(","), pattern)
            except ValueError:
                continue
    return None


def _clock(text: str) -> timedelta | None:
    match = re.match(r"(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?", text or "")
    if not match:
        return None
    h, m, s, ms = match.groups()
    return timedelta(hours=int(h), minutes=int(m), seconds=int(s), milliseconds=int((ms or "0").ljust(3, "0")))


@dataclass(frozen=True)
class SessionSpan:
    session: Session
    start: datetime
    end: datetime


def session_spans(report: LogReport, day: datetime) -> list[SessionSpan]:
    """Each session's start and end as local date-times, on the days the log's own order of lines puts them
    (`Session.start_day`: a time of day earlier than the line before it is past midnight). Judged here from the
    sessions' times alone, a stream that started at 13:01 beside a recording listed before it, ending at 13:04, was
    put on the next day, and its network drops were "not seen live" beside the console's own (tech16)."""
    spans: list[SessionSpan] = []
    midnight = day.replace(hour=0, minute=0, second=0, microsecond=0)

    def moment(text: str | None, days: int) -> datetime | None:
        clock = _clock(text or "")
        return None if clock is None else midnight + timedelta(days=days) + clock

    open_ended: list[int] = []
    for session in report.sessions:
        start = moment(session.started, session.start_day)
        if session.ended is not None:
            end = moment(session.ended, session.end_day)
        elif session.segments:
            end = moment(session.segments[-1].ended, session.segments[-1].ended_day)
        else:
            end = None
        if start is not None:
            if session.ended is None:
                open_ended.append(len(spans))
            spans.append(SessionSpan(session, start, end or start))
    # No end line (OBS killed or crashed, or still running): it ran at least to the log's last line. Taken as a
    # moment at its start, a crashed session was compared with nothing the console saw during it (walk13).
    # The last line is the log's latest moment, so it is placed after every session's own.
    end_of_log = moment(report.last_stamp, report.last_day) if open_ended and report.last_stamp else None
    for index in open_ended:
        span = spans[index]
        if end_of_log is not None and end_of_log > span.start:
            spans[index] = SessionSpan(span.session, span.start, end_of_log)
    return spans


# -- beside the live findings ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class LiveEpisode:
    finding: str
    category: str
    severity: str
    start: datetime
    end: datetime
    #: For an episode seen live with no finding in the log: the log's own figure for that stage over the session
    #: it falls in, when the log counted some (below the log's threshold, so "not in the log" would be untrue).
    log_pct: float | None = None
    #: The inputs the live finding names ("Product video"), from its stored evidence.
    names: tuple[str, ...] = ()
    #: What the log says of the same thing where it is no session finding: a silent product video whose file the
    #: log says OBS could not open (tech16: "Product video silent … not in the log" beside "A media file could not
    #: be opened: /srv/media/product-demo.mp4", the video's own file).
    log_says: Message | None = None

    @property
    def title(self) -> Message:
        return Message(TITLES.get(self.finding, self.finding), {}, "Health")


@dataclass(frozen=True)
class Pair:
    """A finding of the log about a session (its span), and the live episodes at that time: the same kind of
    problem first (`twin`), then others of the same category."""

    finding: Finding
    start: datetime
    end: datetime
    live: tuple[LiveEpisode, ...]
    twin: bool  # the console saw the same problem live

    @property
    def title(self) -> Message:
        twin = LIVE_TWIN.get(self.finding.id, self.finding.id)
        return Message(TITLES.get(twin, self.finding.id), {}, "Health")


@dataclass(frozen=True)
class Comparison:
    show_id: int | None = None
    show_title: str = ""
    show_start: datetime | None = None
    show_end: datetime | None = None
    pairs: tuple[Pair, ...] = ()
    only_live: tuple[LiveEpisode, ...] = ()  # seen live, in the log's sessions' time, with nothing in the log
    problem: Message | None = None


def _episodes(rows: list[dict[str, Any]]) -> Iterator[LiveEpisode]:
    for row in rows:
        end = row["closed_at"] if row.get("closed_at") is not None else row["last_seen"]
        yield LiveEpisode(
            str(row["finding_id"]),
            str(row["category"]),
            str(row.get("peak") or row["severity"]),
            datetime.fromtimestamp(float(row["first_seen"])),
            datetime.fromtimestamp(float(end)),
            names=_names(row.get("fields")),
        )


def _names(fields: Any) -> tuple[str, ...]:
    """The inputs a stored finding names (its evidence's "names", else its "input")."""
    try:
        evidence = json.loads(fields) if isinstance(fields, str) else dict(fields or {})
    except (ValueError, TypeError):
        return ()
    names = evidence.get("names") if isinstance(evidence, dict) else None
    if isinstance(names, list):
        return tuple(str(n) for n in names)
    single = evidence.get("input") if isinstance(evidence, dict) else None
    return (str(single),) if single else ()


MEDIA_FAILED = QT_TRANSLATE_NOOP("LogReview", "the log: OBS could not open its file, {file}")
MEDIA_UNSUPPORTED = QT_TRANSLATE_NOOP("LogReview", "the log: OBS could not decode its file, {file}")


def _log_says(episode: LiveEpisode, report: LogReport) -> Message | None:
    """A silent product video whose file the log says OBS could not open (or decode): the likely cause."""
    if episode.finding != "product_silent":
        return None
    facts = report.facts
    for name in episode.names:
        path = facts.media_files.get(name)
        if not path:
            continue
        if any(failed == path or failed.endswith(f"'{path}'") for failed in facts.media_failures):
            return Message(MEDIA_FAILED, {"file": path}, CONTEXT)
        if any(bad.startswith(path) for bad in facts.media_unsupported):
            return Message(MEDIA_UNSUPPORTED, {"file": path}, CONTEXT)
    return None


def _overlap(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime, slack: float = 0) -> float:
    """Seconds two spans share (with `slack` seconds of tolerance on each side of the first); -1 if none."""
    pad = timedelta(seconds=slack)
    shared = min(a_end + pad, b_end) - max(a_start - pad, b_start)
    return shared.total_seconds() if shared >= timedelta(0) else -1.0


#: The log's own figure for the stage of each live frame-loss finding.
_LOG_FIGURE = {"render_lag": "render_lag_pct", "encode_lag": "encode_lag_pct", "network": "network_drop_pct"}


def _logged_pct(episode: LiveEpisode, spans: list[SessionSpan]) -> float | None:
    """walk13: a live render-lag warning was listed "not in the log" beside a log that counted 1.0 % lagged frames
    for the same session — below the log's threshold, not absent."""
    figure = _LOG_FIGURE.get(episode.finding)
    if figure is None:
        return None
    for span in spans:
        if _overlap(span.start, span.end, episode.start, episode.end, SLACK_S) >= 0:
            pct = getattr(span.session, figure)
            if pct:
                return float(pct)
    return None


def compare(storage: Any, room: str | None, report: LogReport, path: Path | None, now: datetime) -> Comparison:
    """The show of `room` whose time overlaps the log's sessions most, and each of the log's session findings
    beside the live episodes of that show at the same time (Storage.browse_shows and show_findings)."""
    from console.core.review.shows import ShowQuery

    if not room:
        return Comparison(problem=Message(NO_ROOM, {}, CONTEXT))
    day = log_day(report, path)
    if day is None:
        return Comparison(problem=Message(NO_DATE, {}, CONTEXT))
    spans = session_spans(report, day)
    if not spans:
        return Comparison(problem=Message(NO_SESSION, {}, CONTEXT))
    first, last = min(s.start for s in spans), max(s.end for s in spans)
    # Shows are stored in UTC-aware times; the log's are local and naive.
    aware = first.astimezone()
    query = ShowQuery(room=room, since=aware - timedelta(days=2), until=last.astimezone() + timedelta(minutes=1),
                      limit=200)  # fmt: skip
    try:
        shows = storage.browse_shows(query, now=now).shows
        best, shared = None, 0.0
        for show in shows:
            start = show.start.astimezone().replace(tzinfo=None)
            end = (show.end or now).astimezone().replace(tzinfo=None)
            together = sum(max(_overlap(s.start, s.end, start, end), 0.0) for s in spans)
            if together > shared or (best is None and together == 0 and _overlap(first, last, start, end) >= 0):
                best, shared = show, together
        if best is None:
            clock = "%Y-%m-%d %H:%M"
            return Comparison(
                problem=Message(NO_SHOW, {"start": first.strftime(clock), "end": last.strftime(clock)}, CONTEXT)
            )
        rows = storage.show_findings(best.id)
    except Exception as exc:  # a database gone or refused: said in the dialog, the log's own report stays
        return Comparison(problem=Message(STORAGE, {"error": words(exc)}, CONTEXT))
    episodes = list(_episodes(rows))
    by_start = {s.session.started: s for s in spans}
    pairs: list[Pair] = []
    used: set[int] = set()
    for finding in report.findings:
        span = by_start.get(str(finding.fields.get("start", "")))
        if span is None or finding.severity == "info":  # settings for the record are not a moment of trouble
            continue
        twin = LIVE_TWIN.get(finding.id)
        near = [
            (index, e)
            for index, e in enumerate(episodes)
            if _overlap(span.start, span.end, e.start, e.end, SLACK_S) >= 0
            and (e.finding == twin or e.category == finding.category)
        ]
        near.sort(key=lambda pair: (pair[1].finding != twin, pair[1].start))
        used.update(index for index, _ in near)
        live = tuple(e for _, e in near)
        pairs.append(Pair(finding, span.start, span.end, live, any(e.finding == twin for e in live)))
    only_live = tuple(
        replace(e, log_pct=_logged_pct(e, spans), log_says=_log_says(e, report))
        for index, e in enumerate(episodes)
        if index not in used and any(_overlap(s.start, s.end, e.start, e.end, SLACK_S) >= 0 for s in spans)
    )
    return Comparison(
        best.id,
        best.title,
        best.start.astimezone().replace(tzinfo=None),
        None if best.end is None else best.end.astimezone().replace(tzinfo=None),
        tuple(pairs),
        only_live,
    )


def comparer(storage_url: str | None, room: str | None) -> Callable[[LogReport, Path | None], Comparison]:
    """The question the dialog asks on its worker after reading a log: a Storage of its own, closed after."""

    def ask(report: LogReport, path: Path | None) -> Comparison:
        from console.core.storage import Storage

        try:
            storage = Storage(storage_url)
        except Exception as exc:
            return Comparison(problem=Message(STORAGE, {"error": words(exc)}, CONTEXT))
        try:
            storage.migrate()  # a console that never kept a show yet has no tables: created on first use
            return compare(storage, room, report, path, datetime.now(UTC))
        except Exception as exc:
            return Comparison(problem=Message(STORAGE, {"error": words(exc)}, CONTEXT))
        finally:
            storage.close()

    return ask
