"""A planned length as the Rundown dock and the talent screen show it: m:ss, or h:mm:ss from an hour on. What a
planner types back is read by console/core/rundown/sheet.py's `typed_length`, by the same rules as a spreadsheet's
时长 cell, so a length typed in the dock and one in a planner's XLSX mean the same.

A plan's total is said in words instead (`length_words`): beside a plan with fixed starts, "planned 20:00" read as
eight in the evening, and "0:20:00 planned" as twenty past midnight."""

from __future__ import annotations

import math

from console.core import length_units
from console.core.length_units import in_units
from obs.text import QT_TRANSLATE_NOOP, Translate

CONTEXT = "Rundown"
SECONDS = QT_TRANSLATE_NOOP("Rundown", "{seconds} s")
MINUTES = QT_TRANSLATE_NOOP("Rundown", "{minutes} min")
MINUTES_SECONDS = QT_TRANSLATE_NOOP("Rundown", "{minutes} min {seconds} s")
HOURS = QT_TRANSLATE_NOOP("Rundown", "{hours} h")
HOURS_MINUTES = QT_TRANSLATE_NOOP("Rundown", "{hours} h {minutes} min")
HOURS_MINUTES_SECONDS = QT_TRANSLATE_NOOP("Rundown", "{hours} h {minutes} min {seconds} s")
_TEMPLATES = {
    length_units.SECONDS: SECONDS,
    length_units.MINUTES: MINUTES,
    length_units.MINUTES_SECONDS: MINUTES_SECONDS,
    length_units.HOURS: HOURS,
    length_units.HOURS_MINUTES: HOURS_MINUTES,
    length_units.HOURS_MINUTES_SECONDS: HOURS_MINUTES_SECONDS,
}


def format_duration(seconds: float) -> str:
    """m:ss, or h:mm:ss from an hour on (what the dock shows and a planner can type back); the sign is the
    caller's."""
    whole = round(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def countdown_shown(remaining: float) -> int:
    """The whole seconds a countdown shows for `remaining` (negative: over by that much): a second shows until
    it has fully passed — "0:01" until the planned end, then "+0:00" for the first second over. One rule for the
    Rundown dock and the talent screen, so the two never read a second apart."""
    return math.ceil(remaining)


def elapsed_shown(elapsed: float) -> int:
    """The whole seconds an elapsed time shows: a second counts once it has passed."""
    return math.floor(max(0.0, elapsed))


def length_words(seconds: int, translate: Translate) -> str:
    """A length in words, to the second ("45 s", "20 min", "54 min 30 s", "1 h 20 min", "1 h 0 min 30 s"): what
    can never be read as a time of day. `translate` is Qt's (or anything with its shape)."""
    units, fields = in_units(seconds, seconds_over_an_hour=True)
    return translate(CONTEXT, _TEMPLATES[units]).format(**fields)
