"""A planned length as the Rundown dock and the talent screen show it: m:ss, or h:mm:ss from an hour on. What a
planner types back is read by console/core/rundown/sheet.py's `typed_length`, by the same rules as a spreadsheet's
时长 cell, so a length typed in the dock and one in a planner's XLSX mean the same."""

from __future__ import annotations

import math


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
