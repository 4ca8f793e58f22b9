"""A segment's planned length as planners type it: "5分", "5分30秒", "1小时", "5:30", "00:05:00", "300", "5 min",
"90s", "1h30m" — to whole seconds. Qt-free; the Rundown dock validates its input with it and the sheet reader
(console/core/rundown/sheet.py) reads spreadsheet cells with the same rules, so a length typed in the dock and
one in a planner's XLSX mean the same.

Rules: a bare number is seconds ("300"; a spreadsheet's 300 is what the column said); "m:ss" and "h:mm:ss" are
clock lengths (so "5:30" is five and a half minutes, never half past five: a fixed start is a separate field);
units may be Chinese (小时/时, 分钟/分, 秒) or English (h/hr/hour(s), m/min/minute(s), s/sec/second(s)) and
combine ("1小时30分", "1h 30m"); a decimal is allowed on a single unit ("1.5分" = 90 s). Full-width digits and
colons (planners type them with a Chinese input method) are read as ASCII. Anything else is None."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

_UNITS: dict[str, int] = {
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "小时", "时", "個小時", "个小时"), 3600),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes", "分钟", "分鐘", "分"), 60),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds", "秒钟", "秒鐘", "秒"), 1),
}
_UNIT = "|".join(sorted((re.escape(unit) for unit in _UNITS), key=len, reverse=True))
_PART = re.compile(rf"(\d+(?:\.\d+)?)\s*({_UNIT})", re.IGNORECASE)
_CLOCK = re.compile(r"(?:(\d+):)?(\d+):(\d{2})")


def parse_duration(text: str) -> int | None:
    """Whole seconds (rounded to the nearest second), or None when `text` is not a length (empty, negative,
    words, "5:75"). 0 is a length ("0", "0:00"); whether a plan accepts it is the caller's rule."""
    cleaned = unicodedata.normalize("NFKC", text).strip().lower()  # full-width "５：３０" -> "5:30"
    if not cleaned:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
        return _whole(Decimal(cleaned))
    clock = _CLOCK.fullmatch(cleaned)
    if clock:
        hours, minutes, seconds = int(clock.group(1) or 0), int(clock.group(2)), int(clock.group(3))
        if seconds >= 60 or (clock.group(1) is not None and minutes >= 60):
            return None
        return hours * 3600 + minutes * 60 + seconds
    total, position, units_seen = Decimal(0), 0, set()
    squeezed = re.sub(r"\s+", " ", cleaned)
    for match in _PART.finditer(squeezed):
        if squeezed[position : match.start()].strip():
            return None  # words between the parts
        seconds_per = _UNITS[match.group(2).lower()]
        if seconds_per in units_seen:
            return None  # "5分3分"
        units_seen.add(seconds_per)
        try:
            total += Decimal(match.group(1)) * seconds_per
        except InvalidOperation:
            return None
        position = match.end()
    if not units_seen or squeezed[position:].strip():
        return None
    return _whole(total)


def _whole(value: Decimal) -> int:
    return int(value.to_integral_value())


def format_duration(seconds: float) -> str:
    """m:ss, or h:mm:ss from an hour on (what the dock shows and a planner can type back); the sign is the
    caller's."""
    whole = round(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
