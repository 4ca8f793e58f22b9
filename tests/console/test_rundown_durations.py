"""A planned length as planners type it in the Rundown dock (console/core/rundown/sheet.py typed_length): the
rules of a spreadsheet's 时长 column whose header names no unit, so "5" is five minutes in both; and what the dock
shows (console/core/rundown/durations.py format_duration) reads back as the same length."""

from __future__ import annotations

import pytest

from console.core.rundown.durations import format_duration
from console.core.rundown.sheet import typed_length
from obs.text import Message


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("5分", 300),
        ("5分钟", 300),
        ("5分30秒", 330),
        ("1小时", 3600),
        ("1小时30分", 5400),
        ("90秒", 90),
        ("1.5分", 90),
        ("5:30", 330),
        ("00:05:00", 300),
        ("1:00:00", 3600),
        ("5", 300),
        ("300秒", 300),
        ("5 min", 300),
        ("5 minutes", 300),
        ("2 Min", 120),
        ("90s", 90),
        ("1h30m", 5400),
        ("1h 30m", 5400),
        ("５：３０", 330),  # typed with a Chinese input method
        (" 10分 ", 600),
    ],
)
def test_lengths_as_planners_type_them(text: str, seconds: int) -> None:
    assert typed_length(text) == seconds


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "is not a length"),
        ("五分钟", "is not a length"),
        ("about 5 min", "is not a length"),
        ("-5", "is not a length"),
        ("5:75", "the seconds must be below 60"),
        ("1:60:00", "minutes and seconds must be below 60"),
        ("5分左右", "is not a length"),
        ("0", "more than 0"),
        ("25:00:00", "more than 24 hours"),
        ("300", "has no unit; 300 minutes would be over 3 hours"),
    ],
)
def test_what_is_not_a_length_says_why(text: str, words: str) -> None:
    refused = typed_length(text)
    assert isinstance(refused, Message) and words in refused.explain()


def test_a_length_shown_can_be_typed_back() -> None:
    for seconds in (59, 330, 3599, 3725, 86400):
        assert typed_length(format_duration(seconds)) == seconds
    assert format_duration(330) == "5:30" and format_duration(3725) == "1:02:05" and format_duration(-80) == "1:20"
