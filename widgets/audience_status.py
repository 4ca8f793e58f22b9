"""How an audience source is doing, in the user's words and a colour (shared by the Audience dock's bar and the
audience source dialog)."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication

from console.core.telemetry.audience import AudienceSource, SourceStatus
from console.core.telemetry.audience_http import PRESETS
from obs.text import QT_TRANSLATE_NOOP

STATUS_WORDS = {
    SourceStatus.NONE: QT_TRANSLATE_NOOP("Audience", "not set up"),
    SourceStatus.CONNECTING: QT_TRANSLATE_NOOP("Audience", "connecting…"),
    SourceStatus.OK: QT_TRANSLATE_NOOP("Audience", "OK"),
    SourceStatus.STALE: QT_TRANSLATE_NOOP("Audience", "stale"),
    SourceStatus.RATE_LIMITED: QT_TRANSLATE_NOOP("Audience", "rate-limited"),
    SourceStatus.AUTH_ERROR: QT_TRANSLATE_NOOP("Audience", "credentials refused"),
    SourceStatus.OFFLINE: QT_TRANSLATE_NOOP("Audience", "not live"),
    SourceStatus.ERROR: QT_TRANSLATE_NOOP("Audience", "error"),
}
STATUS_COLOURS = {
    SourceStatus.NONE: "#9e9e9e",
    SourceStatus.CONNECTING: "#9e9e9e",
    SourceStatus.OK: "#2fae4f",
    SourceStatus.STALE: "#f0c040",
    SourceStatus.RATE_LIMITED: "#f0c040",
    SourceStatus.AUTH_ERROR: "#e0312f",
    SourceStatus.OFFLINE: "#9e9e9e",
    SourceStatus.ERROR: "#e0312f",
}
SOURCE_TITLES = {
    "none": QT_TRANSLATE_NOOP("Audience", "No audience source"),
    "demo": QT_TRANSLATE_NOOP("Audience", "Simulated audience (demo room)"),
    "http": QT_TRANSLATE_NOOP("Audience", "Custom HTTP JSON"),
    "file": QT_TRANSLATE_NOOP("Audience", "CSV/TSV file"),
    **{preset.id: preset.title for preset in PRESETS.values()},
}


def translate(text: str) -> str:
    return QCoreApplication.translate("Audience", text)


def describe(source: AudienceSource, now: float | None = None) -> tuple[str, str]:
    """One line ("Twitch (Helix API) · OK · 4,321 viewers", or the problem) and its colour."""
    now = time.monotonic() if now is None else now
    state = source.state(now)
    parts = [translate(SOURCE_TITLES.get(source.name, source.name)), translate(STATUS_WORDS[state.status])]
    reading = source.current(now)
    if reading is not None and reading.viewers is not None:
        shown = f"{reading.viewers:,.0f}"
        words = (
            QCoreApplication.translate("Audience", "%1 viewer")
            if shown == "1"
            else QCoreApplication.translate("Audience", "%1 viewers")
        )
        parts.append(words.replace("%1", shown))
    line = " · ".join(parts)
    if state.detail.template:
        line += " — " + state.detail.message.in_language(QCoreApplication.translate)
    return line, STATUS_COLOURS[state.status]
