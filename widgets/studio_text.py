"""What a studio wall tile says and in which colour, as plain functions of a RoomStatus and the wall's "now": the
tally, the time on air, the worst finding, the rundown position, the pre-show checklist, the stream figures and
"console not reporting". The tile (widgets/studio_tile.py) only paints what these return; tests read them too."""

from __future__ import annotations

import math
import time
from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from console.core.studio.status import Light, OpenFinding, Prep, RoomStatus, WentLive
from obs.text import QT_TRANSLATE_NOOP, UNKNOWN
from obs.vocabulary import OBS_LOST, Kind, Severity, precedence

# The wall's palette: light on near-black (a TV in a bright studio), as the talent screen; one meaning per colour.
BACKGROUND = "#16171a"
TILE = "#222428"
TEXT = "#f4f4f4"
DIM = "#a8a8a8"
GREY = "#6e6e6e"
GREEN = "#2fae4f"
AMBER = "#f0c040"
RED = "#e0312f"
TALLY_RED = "#d0021b"
SILENT = "#ff9f0a"
# Light.UNKNOWN is grey: a light is green only when the room said so.
LIGHT_COLOURS = {Light.UNKNOWN: GREY, Light.OK: GREEN, Light.WARNING: AMBER, Light.CRITICAL: RED}
# A picture older than this says its age on it (shared mode publishes one every 10 s).
PICTURE_STALE_S = 30.0


def _t(text: str) -> str:
    return QCoreApplication.translate("StudioWall", text)


def clock(seconds: float) -> str:
    """Whole seconds as a running time: "4:05", "1:02:03"."""
    whole = int(max(0.0, seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def ago(seconds: float) -> str:
    """How long ago, in the largest unit that matters: "40 s ago", "2 min ago", "3 h ago"."""
    seconds = max(0.0, seconds)
    if seconds < 90:
        return QCoreApplication.translate("StudioWall", "%1 s ago").replace("%1", str(int(seconds)))
    if seconds < 90 * 60:
        return QCoreApplication.translate("StudioWall", "%1 min ago").replace("%1", str(round(seconds / 60)))
    return QCoreApplication.translate("StudioWall", "%1 h ago").replace("%1", str(round(seconds / 3600)))


def tally(status: RoomStatus, silent: bool) -> tuple[str, str]:
    """The tile's top-right badge and its colour: ON AIR (red), OFF AIR (grey), or NO REPORT (amber) when the
    console stopped reporting: then nothing it last said is known to be true any more."""
    if silent:
        return QCoreApplication.translate("StudioWall", "NO REPORT"), SILENT
    if status.on_air_last_known:
        # The link has lost an OBS that may still stream: what it last said, said as such (the OBS-lost finding
        # and the red connection light say the rest).
        return QCoreApplication.translate("StudioWall", "ON AIR (last known)"), TALLY_RED
    if status.on_air:
        return QCoreApplication.translate("StudioWall", "ON AIR"), TALLY_RED
    return QCoreApplication.translate("StudioWall", "OFF AIR"), GREY


def on_air_time(status: RoomStatus, now: float) -> str:
    if not status.on_air or status.on_air_since is None:
        return ""
    return clock(now - status.on_air_since)


def silence(status: RoomStatus, now: float) -> str:
    return QCoreApplication.translate("StudioWall", "console not reporting · %1").replace(
        "%1", ago(now - status.heartbeat)
    )


def clock_time(when: float) -> str:
    """A wall-clock moment as the reader's clock says it: "14:02:33"."""
    return time.strftime("%H:%M:%S", time.localtime(when))


def withheld(status: RoomStatus) -> RoomStatus:
    """What a silent room's tile may still claim: its figures (viewers, bitrate, dropped frames, comments) were
    true when its console last reported and are not known now, so they read "—"; they stay said, dated, in
    `last_report` and the tile's tooltip."""
    return replace(status, viewers=None, bitrate_kbps=None, dropped_pct=None, comments_per_min=None)


def last_report(status: RoomStatus) -> str:
    """A silent room's line of what it last said, plainly dated: "last report 14:02:33 · was on air" (a room that
    went quiet on air sorts before one that went quiet off air, so the tile says which it was)."""
    words = (
        QCoreApplication.translate("StudioWall", "last report %1 · was on air")
        if status.on_air
        else QCoreApplication.translate("StudioWall", "last report %1 · was off air")
    )
    return words.replace("%1", clock_time(status.at))


def last_known(status: RoomStatus) -> str:
    """A tile greyed while the source is away: what it shows is what was known then, said as such."""
    return QCoreApplication.translate("StudioWall", "last known at %1").replace("%1", clock_time(status.at))


def last_figures(status: RoomStatus) -> str:
    """The figures a silent or greyed tile no longer claims as current, dated: its tooltip."""
    parts = [viewers_text(status), stream_line(status)[0]]
    if status.comments_per_min is not None:
        parts.append(comments_text(status))
    return (
        QCoreApplication.translate("StudioWall", "At %1 (its last report): %2")
        .replace("%1", clock_time(status.at))
        .replace("%2", " · ".join(parts))
    )


def worst_finding(findings: tuple[OpenFinding, ...]) -> OpenFinding | None:
    """The open finding a tile names, the one the console's status bar leads with too (obs.vocabulary.precedence:
    OBS lost and a show it cut, then the most severe, then what costs the viewers now, then the one open longest)."""
    if not findings:
        return None
    return min(findings, key=lambda f: precedence(f.id, _severity(f.severity), f.since))


def _severity(value: str) -> Severity | None:
    try:
        return Severity(value)
    except ValueError:
        return None


LINK_WORDS = {
    "disconnected": QT_TRANSLATE_NOOP("StudioWall", "OBS not connected"),
    "connecting": QT_TRANSLATE_NOOP("StudioWall", "connecting to OBS…"),
    "reconnecting": QT_TRANSLATE_NOOP("StudioWall", "OBS not connected, trying again"),
    "unresponsive": QT_TRANSLATE_NOOP("StudioWall", "OBS is not answering"),
    "auth_failed": QT_TRANSLATE_NOOP("StudioWall", "OBS refused the password"),
    "incompatible": QT_TRANSLATE_NOOP("StudioWall", "OBS's obs-websocket is not version 5"),
}


#: Why the link has lost OBS (obs.messages.LinkLoss), said before the health finding opens (it waits 3 s) and on
#: a tile whose room keeps no findings; "lost" and an older console's status say the link's state instead.
CAUSE_WORDS = {
    "closed": QT_TRANSLATE_NOOP("StudioWall", "OBS closed or crashed: nothing listens where it was"),
    "exited": QT_TRANSLATE_NOOP("StudioWall", "OBS was closed (it said it was exiting)"),
    "frozen": QT_TRANSLATE_NOOP("StudioWall", "OBS is not answering: frozen or overloaded"),
    "unreachable": QT_TRANSLATE_NOOP("StudioWall", "the OBS computer does not answer on the network"),
}


#: OBS asked for a password and none was given: this computer keeps none for the room (console.core.studio.snapshot).
NO_PASSWORD_WORDS = QT_TRANSLATE_NOOP(
    "StudioWall", "OBS asks for a password this computer has not kept: open the room to enter it"
)


def link_words(status: RoomStatus) -> str:
    """The OBS link's trouble in words: why OBS is lost when the link knows, else what the link is doing."""
    if status.link == "auth_failed" and status.link_cause == "no_password":
        return _t(NO_PASSWORD_WORDS)
    cause = CAUSE_WORDS.get(status.link_cause)
    if cause is not None and status.link not in ("connected", "auth_failed", "incompatible"):
        return _t(cause)
    return _t(LINK_WORDS.get(status.link, "OBS not connected"))


def finding_line(status: RoomStatus) -> tuple[str, str]:
    """The open finding that matters most (worst_finding) in the reader's language, and its colour; the OBS link's
    trouble when it has none; "No problems found" only when the room knows its health (a light other than
    unknown), else "—". While the link has lost OBS, its trouble leads until OBS's own finding opens."""
    finding = worst_finding(status.findings)
    if status.link != "connected" and status.link_cause and (finding is None or finding.id not in OBS_LOST):
        # The link says OBS is lost and its finding is not open yet (it waits 3 s): what OBS said before is no
        # longer news. (A status without a cause, from an older console, reads as it did.)
        return link_words(status), AMBER
    if finding is not None:
        colour = RED if finding.severity == Severity.CRITICAL else AMBER if finding.severity == "warning" else DIM
        return finding.message.in_language(QCoreApplication.translate), colour
    if status.link != "connected":
        return link_words(status), AMBER
    if any(light != Light.UNKNOWN for light in status.lights.values()):
        return QCoreApplication.translate("StudioWall", "No problems found"), GREEN
    return UNKNOWN, DIM


def rundown_line(status: RoomStatus) -> str:
    """ "3/12 上链接 · +2:30 behind"; "" with no rundown running."""
    segment = status.segment
    if segment is None:
        return ""
    line = f"{segment.index + 1}/{segment.count} {segment.title}"
    behind = segment.behind_s
    if behind is None or not math.isfinite(behind):
        return line
    if abs(behind) < 1:
        return line + " · " + QCoreApplication.translate("StudioWall", "on time")
    if behind > 0:
        return line + " · " + QCoreApplication.translate("StudioWall", "+%1 behind").replace("%1", clock(behind))
    return line + " · " + QCoreApplication.translate("StudioWall", "%1 ahead").replace("%1", clock(-behind))


def comments_text(status: RoomStatus) -> str:
    """ "46 comments/min"; "" when not known."""
    if status.comments_per_min is None:
        return ""
    return QCoreApplication.translate("StudioWall", "%1 comments/min").replace("%1", f"{status.comments_per_min:.0f}")


#: A list went live with the stream on air when its console saw the stream start within this of the stream's start
#: (OBS's own figure): the same stream, though its show was split (a room handed between a console and a wall).
WENT_LIVE_SLACK_S = 60.0


def _same_stream(status: RoomStatus, at: float | None) -> bool | None:
    """Whether a list's go-live moment is the start of the stream on air (None: not known)."""
    if at is None or status.on_air_since is None:
        return None
    return abs(at - status.on_air_since) <= WENT_LIVE_SLACK_S


def went_live_line(status: RoomStatus) -> tuple[str, str] | None:
    """On air: how the show on air went live with respect to the room's pre-show list — "Went live: list ready",
    "Went live: overridden by 王丽", "Went live: no list" — so that a second assistant or the supervisor sees an
    override (fix23d: an overridden show's tile said nothing of it). The list is the one on air when it belongs to
    the show on air (its show id: storage's and the show review's rule) or went live as the stream on air started
    (a show split while the stream ran on); a list an earlier show went live with means this one went live with
    none. None when it is not known (nothing read yet, neither show nor stream to match it by, a list neither gone
    live with nor completed in this show)."""
    checklist = status.checklist
    if checklist is None:
        return None
    went_live = checklist.went_live
    if went_live is not WentLive.NO_LIST:
        same_show = None if checklist.show_id is None or status.show_id is None else checklist.show_id == status.show_id
        if went_live is None:  # a list completed in this show before it went live is the one it went live with
            went_live = WentLive.READY if same_show and checklist.state == Prep.PASSED else None
        else:
            same_stream = _same_stream(status, checklist.went_live_at)
            if not same_show and not same_stream:
                if same_show is None and same_stream is None:
                    return None
                went_live = WentLive.NO_LIST
    if went_live is WentLive.READY:
        return QCoreApplication.translate("StudioWall", "Went live: list ready"), GREEN
    if went_live is WentLive.OVERRIDDEN:
        by = checklist.went_live_by or UNKNOWN
        return QCoreApplication.translate("StudioWall", "Went live: overridden by %1").replace("%1", by), AMBER
    if went_live is WentLive.NOT_READY:
        return QCoreApplication.translate("StudioWall", "Went live: list not ready"), AMBER
    if went_live is WentLive.NO_LIST:
        return QCoreApplication.translate("StudioWall", "Went live: no list"), AMBER
    return None


def prep_line(status: RoomStatus) -> tuple[str, str]:
    """Before go-live, the pre-show checklist: "Prep: not started / 5/12 running / passed / failed 2" (a list a show
    already went live with is that show's: not started). On air it has done its work: the line says how the show
    went live with it (went_live_line) and the comments per minute ("Went live: list ready · 46 comments/min"), or
    either alone when the other is not known. A stream that ended because OBS was lost says so instead: that room is
    not one that has yet to start."""
    checklist = status.checklist
    if status.stream_gone:
        # It was on air when OBS closed or crashed: not a room that has yet to start (the Output dock's tally says
        # the same).
        return QCoreApplication.translate("StudioWall", "OBS closed or crashed — no longer streaming"), RED
    if any(f.id == Kind.STREAM_NOT_RESUMED for f in status.findings):
        return QCoreApplication.translate("StudioWall", "Stream cut — go live again"), RED
    if status.on_air:
        comments = comments_text(status)
        went_live = went_live_line(status)
        if went_live is None:
            return comments, DIM
        words, colour = went_live
        return words + (" · " + comments if comments else ""), colour
    if checklist is None or checklist.state == Prep.NOT_STARTED or checklist.went_live is not None:
        return QCoreApplication.translate("StudioWall", "Prep: not started"), AMBER
    if checklist.state == Prep.RUNNING:
        words = (
            QCoreApplication.translate("StudioWall", "Prep: %1/%2 running")
            .replace("%1", str(checklist.done))
            .replace("%2", str(checklist.total))
        )
        return words, TEXT
    if checklist.state == Prep.PASSED:
        return QCoreApplication.translate("StudioWall", "Prep: passed"), GREEN
    return QCoreApplication.translate("StudioWall", "Prep: failed %1").replace("%1", str(checklist.failed)), RED


def viewers_text(status: RoomStatus) -> str:
    if status.viewers is None:
        return QCoreApplication.translate("StudioWall", "viewers %1").replace("%1", UNKNOWN)
    words = (
        QCoreApplication.translate("StudioWall", "%1 viewer")
        if status.viewers == 1
        else QCoreApplication.translate("StudioWall", "%1 viewers")
    )
    return words.replace("%1", f"{status.viewers:,}")


def stream_line(status: RoomStatus) -> tuple[str, str]:
    """Bitrate and dropped frames: "4,520 kb/s · 0.3 % dropped", amber from 1 %, red from 5 % (the health rules'
    own verdict is the lights; this is the figure)."""
    bitrate = UNKNOWN if status.bitrate_kbps is None else f"{status.bitrate_kbps:,.0f}"
    dropped = UNKNOWN if status.dropped_pct is None else f"{status.dropped_pct:.1f}"
    words = (
        QCoreApplication.translate("StudioWall", "%1 kb/s · %2 % dropped").replace("%1", bitrate).replace("%2", dropped)
    )
    pct = status.dropped_pct
    colour = DIM if pct is None or pct < 1 else AMBER if pct < 5 else RED
    return words, colour


def picture_current(taken: float | None, now: float, link: str, lost_at: float | None) -> bool:
    """Whether a tile's picture may be shown as live: taken within PICTURE_STALE_S, while the room's OBS is
    connected, and after the moment its link was last seen lost (`lost_at`; an OBS gone and back shows its old
    picture until a new one comes). A tile kept the last picture of an OBS that was gone as if it were live
    (fix23d)."""
    if taken is None or now - taken > PICTURE_STALE_S or link != "connected":
        return False
    return lost_at is None or taken > lost_at


def last_picture(taken: float | None) -> str:
    """Written across the foot of a picture that is no longer current: "last picture 14:02:33"."""
    if taken is None:
        return QCoreApplication.translate("StudioWall", "last picture")
    return QCoreApplication.translate("StudioWall", "last picture %1").replace("%1", clock_time(taken))


def last_picture_tip(taken: float | None, now: float) -> str:
    """The band's tooltip: when the picture was taken, how long ago, and that it is not live."""
    if taken is None:
        return QCoreApplication.translate("StudioWall", "The room's last program picture: no newer one has come since.")
    return (
        QCoreApplication.translate(
            "StudioWall", "The room's program picture as it was at %1 (%2): no newer one has come since."
        )
        .replace("%1", clock_time(taken))
        .replace("%2", ago(now - taken))
    )
