"""How long, in an alert's words: one rule wherever an alert says a duration (how long an episode lasted, how long
a platform asks to wait). No Qt.

"after 0 min 25 s" and "after 3 min 0 s" read like a machine's (walk15); a chat reader wants "25 s", "3 min",
"2 min 5 s", and over an hour hours and minutes ("1 h 5 min": its seconds say nothing then).
"""

from __future__ import annotations

from obs.text import QT_TRANSLATE_NOOP, Message

CONTEXT = "Alerts"
SECONDS = QT_TRANSLATE_NOOP("Alerts", "{seconds} s")
MINUTES = QT_TRANSLATE_NOOP("Alerts", "{minutes} min")
MINUTES_SECONDS = QT_TRANSLATE_NOOP("Alerts", "{minutes} min {seconds} s")
HOURS = QT_TRANSLATE_NOOP("Alerts", "{hours} h")
HOURS_MINUTES = QT_TRANSLATE_NOOP("Alerts", "{hours} h {minutes} min")


def lasting(seconds: float) -> Message:
    """`seconds` in words, rounded to the second: "25 s" under a minute, "3 min" or "2 min 5 s" under an hour,
    "1 h" or "1 h 5 min" from an hour on (its seconds dropped)."""
    whole = max(0, round(seconds))
    if whole < 60:
        return Message(SECONDS, {"seconds": whole}, CONTEXT)
    if whole < 3600:
        minutes, rest = divmod(whole, 60)
        if rest == 0:
            return Message(MINUTES, {"minutes": minutes}, CONTEXT)
        return Message(MINUTES_SECONDS, {"minutes": minutes, "seconds": rest}, CONTEXT)
    hours, minutes = divmod(whole // 60, 60)
    if minutes == 0:
        return Message(HOURS, {"hours": hours}, CONTEXT)
    return Message(HOURS_MINUTES, {"hours": hours, "minutes": minutes}, CONTEXT)
