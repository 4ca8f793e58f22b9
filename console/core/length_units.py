"""Which units a length is said in: the one rule behind every place that says a length in words — an alert's "after
2 min 5 s", a plan's "1 h 20 min", the review's "not seen: 3 min". No Qt.

A unit that comes to nothing is left out ("3 min", never "3 min 0 s", which read like a machine's in walk15), the
seconds alone under a minute ("25 s"). From an hour on the caller says whether the seconds still count: a plan is
kept to the second ("1 h 0 min 30 s"); an alert or a stretch not seen drops them ("1 h 5 min": its seconds say
nothing then). Each caller keeps its own templates, marked for translation in its own context, by the units here."""

from __future__ import annotations

#: The units a length is said in, largest first: a key of each caller's templates.
Units = tuple[str, ...]
SECONDS: Units = ("seconds",)
MINUTES: Units = ("minutes",)
MINUTES_SECONDS: Units = ("minutes", "seconds")
HOURS: Units = ("hours",)
HOURS_MINUTES: Units = ("hours", "minutes")
HOURS_MINUTES_SECONDS: Units = ("hours", "minutes", "seconds")


def in_units(seconds: float, *, seconds_over_an_hour: bool) -> tuple[Units, dict[str, int]]:
    """`seconds` (rounded to the second; below nought as nought) as the units to say and their whole numbers,
    the fields of a template such as "{minutes} min {seconds} s" (only the fields said, as a stored message keeps
    them)."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if not hours:
        units = SECONDS if not minutes else MINUTES_SECONDS if secs else MINUTES
    elif secs and seconds_over_an_hour:
        units = HOURS_MINUTES_SECONDS
    else:
        units = HOURS_MINUTES if minutes else HOURS
    values = {"hours": hours, "minutes": minutes, "seconds": secs}
    return units, {unit: values[unit] for unit in units}
