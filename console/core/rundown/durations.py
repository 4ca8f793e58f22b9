"""A planned length as the Rundown dock and the talent screen show it: m:ss, or h:mm:ss from an hour on. What a
planner types back is read by console/core/rundown/sheet.py's `typed_length`, by the same rules as a spreadsheet's
时长 cell, so a length typed in the dock and one in a planner's XLSX mean the same."""

from __future__ import annotations


def format_duration(seconds: float) -> str:
    """m:ss, or h:mm:ss from an hour on (what the dock shows and a planner can type back); the sign is the
    caller's."""
    whole = round(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
