"""How long, in an alert's words: one rule wherever an alert says a duration (how long an episode lasted, how long
a platform asks to wait). No Qt.

"after 0 min 25 s" and "after 3 min 0 s" read like a machine's (walk15); a chat reader wants "25 s", "3 min",
"2 min 5 s", and over an hour hours and minutes ("1 h 5 min": its seconds say nothing then).
"""

from __future__ import annotations

from console.core import length_units
from console.core.length_units import in_units
from obs.text import QT_TRANSLATE_NOOP, Message

CONTEXT = "Alerts"
SECONDS = QT_TRANSLATE_NOOP("Alerts", "{seconds} s")
MINUTES = QT_TRANSLATE_NOOP("Alerts", "{minutes} min")
MINUTES_SECONDS = QT_TRANSLATE_NOOP("Alerts", "{minutes} min {seconds} s")
HOURS = QT_TRANSLATE_NOOP("Alerts", "{hours} h")
HOURS_MINUTES = QT_TRANSLATE_NOOP("Alerts", "{hours} h {minutes} min")
_TEMPLATES = {
    length_units.SECONDS: SECONDS,
    length_units.MINUTES: MINUTES,
    length_units.MINUTES_SECONDS: MINUTES_SECONDS,
    length_units.HOURS: HOURS,
    length_units.HOURS_MINUTES: HOURS_MINUTES,
}


def lasting(seconds: float) -> Message:
    """`seconds` in words, rounded to the second: "25 s" under a minute, "3 min" or "2 min 5 s" under an hour,
    "1 h" or "1 h 5 min" from an hour on (its seconds dropped)."""
    units, fields = in_units(seconds, seconds_over_an_hour=False)
    return Message(_TEMPLATES[units], fields, CONTEXT)
