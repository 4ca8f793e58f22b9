"""The review's time axis: pyqtgraph's date axis, with the day and month named in numbers.

pyqtgraph names a day by the C library's weekday ("Wed 02") and a month by its English abbreviation ("Dec"),
whatever the interface's language: a Chinese review of a show over midnight read "Wed 02" under its graphs and
its scene timeline (walk review15). Days read "12-02" and months "2026-12" in every language instead."""

from __future__ import annotations

import re
from datetime import datetime

import pyqtgraph as pg

#: A tick text with a word in it (a weekday or a month name) rather than figures only.
_WORDY = re.compile(r"[A-Za-z]")
#: From this spacing between ticks (s), a tick names a month rather than a day.
_MONTHS_S = 28 * 86400


class ReviewDateAxis(pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        texts: list[str] = super().tickStrings(values, scale, spacing)
        return [
            (
                datetime.fromtimestamp(value).strftime("%Y-%m" if spacing >= _MONTHS_S else "%m-%d")
                if _WORDY.search(text)
                else text
            )
            for value, text in zip(values, texts, strict=False)
        ]
