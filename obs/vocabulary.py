"""The words the health engine, the log analysis, the graphs and the Health dock share, each said once.

Severities, finding categories, the finding kinds (with their short titles and the troubleshooting checklist
that walks through each cause), and OBS's own warning and danger levels. The enums are `StrEnum`s: a member
*is* the string it stands for, so what the database and the monitor's JSON store ("critical", "render",
"fps_low") is unchanged and a stored string compares equal to its member. No Qt.

OBS's thresholds are those of its Stats dock (obs-studio UI/window-basic-stats.cpp): frames lost at any stage
(skipped by the encoder, missed by the renderer, dropped by the network) above 1 % is a warning and above 5 %
danger; FPS below 0.95 / 0.80 of the target; render time above 0.75 / 1 frame interval; free disk space under
5 GiB / 1 GiB.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

from obs.text import QT_TRANSLATE_NOOP


class Severity(enum.StrEnum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.CRITICAL: 3}


def rank(severity: str | None) -> int:
    """0 for fine (None), then info < warning < critical; a stored string ranks as its member."""
    return 0 if severity is None else Severity(severity).rank


class Category(enum.StrEnum):
    """Where in the chain a problem is (the Health dock's lights, in this order)."""

    RENDER = "render"
    ENCODE = "encode"
    NETWORK = "network"
    DISK = "disk"
    CONNECTION = "connection"
    SYSTEM = "system"
    AUDIO = "audio"


#: The categories in the order the Health dock shows their lights.
CATEGORIES: tuple[Category, ...] = tuple(Category)

CATEGORY_NAMES: dict[str, str] = {
    Category.RENDER: QT_TRANSLATE_NOOP("Health", "Rendering"),
    Category.ENCODE: QT_TRANSLATE_NOOP("Health", "Encoding"),
    Category.NETWORK: QT_TRANSLATE_NOOP("Health", "Network"),
    Category.DISK: QT_TRANSLATE_NOOP("Health", "Disk"),
    Category.CONNECTION: QT_TRANSLATE_NOOP("Health", "Connection"),
    Category.SYSTEM: QT_TRANSLATE_NOOP("Health", "System"),
    Category.AUDIO: QT_TRANSLATE_NOOP("Health", "Audio"),
}


class Kind(enum.StrEnum):
    """The live health engine's findings (a finding's `id`; one rule each)."""

    RENDER_LAG = "render_lag"
    ENCODE_LAG = "encode_lag"
    NETWORK = "network"
    RECONNECT = "reconnect"
    FPS_LOW = "fps_low"
    RENDER_TIME = "render_time"
    RECORDING_STALLED = "recording_stalled"
    DISK_LOW = "disk_low"
    CPU_SATURATED = "cpu_saturated"
    OBS_UNREACHABLE = "obs_unreachable"
    STREAM_NOT_RESUMED = "stream_not_resumed"
    # obs/health_audio.py
    MIC_MUTED = "mic_muted"
    MIC_SILENT = "mic_silent"
    CLIPPING = "clipping"
    PRODUCT_SILENT = "product_silent"
    ON_AIR_SILENT = "on_air_silent"
    # obs/health_audience.py
    AUDIENCE_REPORTS = "audience_reports"


#: A short name for each finding (the Health dock's timeline, graph markers).
TITLES: dict[str, str] = {
    Kind.RENDER_LAG: QT_TRANSLATE_NOOP("Health", "Rendering lag"),
    Kind.ENCODE_LAG: QT_TRANSLATE_NOOP("Health", "Encoding lag"),
    Kind.NETWORK: QT_TRANSLATE_NOOP("Health", "Network drops"),
    Kind.RECONNECT: QT_TRANSLATE_NOOP("Health", "Stream reconnect"),
    Kind.FPS_LOW: QT_TRANSLATE_NOOP("Health", "FPS below target"),
    Kind.RENDER_TIME: QT_TRANSLATE_NOOP("Health", "Render time over budget"),
    Kind.RECORDING_STALLED: QT_TRANSLATE_NOOP("Health", "Recording stalled"),
    Kind.DISK_LOW: QT_TRANSLATE_NOOP("Health", "Disk running low"),
    Kind.CPU_SATURATED: QT_TRANSLATE_NOOP("Health", "CPU saturated"),
    # Closed or crashed, frozen, or its computer unreachable: the finding's message says which.
    Kind.OBS_UNREACHABLE: QT_TRANSLATE_NOOP("Health", "OBS lost"),
    # OBS came back (restarted after a crash, say) no longer streaming, while it was on air when it was lost.
    Kind.STREAM_NOT_RESUMED: QT_TRANSLATE_NOOP("Health", "Stream did not resume"),
    Kind.MIC_MUTED: QT_TRANSLATE_NOOP("Health", "Microphone muted"),
    Kind.MIC_SILENT: QT_TRANSLATE_NOOP("Health", "Microphone silent"),
    Kind.CLIPPING: QT_TRANSLATE_NOOP("Health", "Audio clipping"),
    Kind.PRODUCT_SILENT: QT_TRANSLATE_NOOP("Health", "Product video silent"),
    Kind.ON_AIR_SILENT: QT_TRANSLATE_NOOP("Health", "Nothing heard on air"),
    Kind.AUDIENCE_REPORTS: QT_TRANSLATE_NOOP("Health", "Viewers report a problem"),
}

#: The audience-reports finding is one rule per kind of complaint (its "complaint" field): each kind its own name,
#: so "viewers report no sound" and "viewers report lag" read differently wherever findings are listed.
AUDIENCE_TITLES: dict[str, str] = {
    "sound": QT_TRANSLATE_NOOP("Health", "Viewers report no sound"),
    "picture": QT_TRANSLATE_NOOP("Health", "Viewers report a black or frozen picture"),
    "lag": QT_TRANSLATE_NOOP("Health", "Viewers report lag"),
}

#: The product-video finding about a file OBS could not open (its `unplayable` field): it is not "silent" — nothing
#: of it is seen or heard.
UNPLAYABLE_VIDEO_TITLE = QT_TRANSLATE_NOOP("Health", "Product video cannot be played")

#: A graph marker's detail for a finding is its id, except where the finding's own title depends on its fields
#: (title()): the marker is labelled by the title it opened with.
UNPLAYABLE_MARKER = "product_unplayable"
MARKER_TITLES: dict[str, str] = {**TITLES, UNPLAYABLE_MARKER: UNPLAYABLE_VIDEO_TITLE}


def marker_detail(finding_id: str, fields: Mapping[str, Any] | None = None) -> str:
    """The detail of a finding's graph marker: a key of MARKER_TITLES (tech17: a video whose file OBS could not open
    was marked "Warning: Product video silent" on every graph while the Health dock said it cannot be played)."""
    if finding_id == Kind.PRODUCT_SILENT and fields and fields.get("unplayable"):
        return UNPLAYABLE_MARKER
    return finding_id


def title(finding_id: str, fields: Mapping[str, Any] | None = None) -> str:
    """A finding's short name (English, to translate in the "Health" context): TITLES, or for a finding one rule
    raises for several kinds (audience reports) the name of the kind its fields say, and the product video that
    cannot be played (its file missing) by that name."""
    if finding_id == Kind.AUDIENCE_REPORTS and fields:
        named = AUDIENCE_TITLES.get(str(fields.get("complaint", "")))
        if named is not None:
            return named
    if finding_id == Kind.PRODUCT_SILENT and fields and fields.get("unplayable"):
        return UNPLAYABLE_VIDEO_TITLE
    return TITLES.get(finding_id, finding_id)


#: Findings that say OBS itself is lost (closed or crashed, frozen, its computer unreachable): while one is open,
#: every figure OBS gave (render lag, FPS, its CPU share, dropped frames) is stale or meaningless, so a wall tile's
#: line and the status bar name it before any other finding.
OBS_LOST: frozenset[str] = frozenset({Kind.OBS_UNREACHABLE})

#: Findings listed first wherever findings are (the Health dock, the status bar, a wall tile's line), before any
#: worse or older one, in this order: OBS lost (every figure it gave is stale), then a show cut by it (OBS back,
#: the stream not resumed — off air is what matters, not an older CPU warning).
LEADING: tuple[str, ...] = (Kind.OBS_UNREACHABLE, Kind.STREAM_NOT_RESUMED)


def lead(finding_id: str) -> int:
    """Where a finding stands among the findings listed first (LEADING), len(LEADING) for the others."""
    return LEADING.index(finding_id) if finding_id in LEADING else len(LEADING)


#: What each finding costs the viewers now, most first (a finding not named here: 2, frames or sound reaching them
#: wrong). The stream down (OBS reconnecting to the platform) before frames lost on their way, and both before what
#: loses nothing yet but may: a saturated CPU, a frame rendered close to its budget, the recording disk. walk13: with
#: the network dropping 60 % of frames the status bar named "CPU saturated", which had cost not one frame.
VIEWER_COST: dict[str, int] = {
    Kind.OBS_UNREACHABLE: 0,
    Kind.STREAM_NOT_RESUMED: 0,
    Kind.RECONNECT: 1,
    Kind.NETWORK: 2,
    Kind.ENCODE_LAG: 2,
    Kind.RENDER_LAG: 2,
    Kind.FPS_LOW: 2,
    Kind.ON_AIR_SILENT: 2,
    Kind.MIC_MUTED: 2,
    Kind.MIC_SILENT: 2,
    Kind.AUDIENCE_REPORTS: 2,
    Kind.CLIPPING: 3,
    Kind.PRODUCT_SILENT: 3,
    Kind.RENDER_TIME: 4,
    Kind.CPU_SATURATED: 4,
    Kind.RECORDING_STALLED: 4,
    Kind.DISK_LOW: 4,
}


def precedence(kind: str, severity: str | None, since: float) -> tuple[int, int, int, float]:
    """The sort key of open findings, the one to lead with first — the status bar, a wall tile's line, the Health
    dock's list: the LEADING findings before anything (OBS lost: every figure OBS gave is stale then; then a show it
    cut), then the most severe, then what costs the viewers now (VIEWER_COST), then the one open longest (`since`,
    any clock the findings share)."""
    try:
        level = rank(severity)
    except ValueError:  # a severity this version does not know (a newer console's status)
        level = 0
    return lead(kind), -level, VIEWER_COST.get(kind, 2), since


#: The short "non-normal" checklist (checklists/templates) that walks a technician through each finding's cause.
#: The audio findings have none: their remedy is one step the message already names.
TROUBLESHOOTING: dict[str, str] = {
    Kind.RENDER_LAG: "troubleshoot-render",
    Kind.FPS_LOW: "troubleshoot-render",
    Kind.RENDER_TIME: "troubleshoot-render",
    Kind.ENCODE_LAG: "troubleshoot-encode",
    Kind.CPU_SATURATED: "troubleshoot-encode",
    Kind.NETWORK: "troubleshoot-network",
    Kind.RECONNECT: "troubleshoot-network",
    Kind.DISK_LOW: "troubleshoot-disk",
    Kind.RECORDING_STALLED: "troubleshoot-disk",
    Kind.OBS_UNREACHABLE: "troubleshoot-obs-link",
    Kind.STREAM_NOT_RESUMED: "troubleshoot-obs-link",
}

# OBS's Stats-dock levels (see the module's docstring).
#: Frames lost (missed in rendering, skipped in encoding, dropped by the network), %.
DROP_WARNING_PCT, DROP_CRITICAL_PCT = 1.0, 5.0
#: Frames rendered per second, as a share of the target frame rate (below is bad).
FPS_WARNING_RATIO, FPS_CRITICAL_RATIO = 0.95, 0.80
#: Time to render a frame, as a share of the frame interval (above is bad).
RENDER_WARNING_SHARE, RENDER_CRITICAL_SHARE = 0.75, 1.0
#: Free space on the recording disk, MiB (below is bad).
DISK_WARNING_MIB, DISK_CRITICAL_MIB = 5 * 1024, 1024
