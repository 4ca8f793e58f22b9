"""A planned length as planners type it (console/core/rundown/durations.py): what the Rundown dock accepts and,
once the sheet reader uses it, what a spreadsheet's 时长 column may say."""

from __future__ import annotations

import pytest

from console.core.rundown.durations import format_duration, parse_duration


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
        ("300", 300),
        ("5 min", 300),
        ("5 minutes", 300),
        ("2 Min", 120),
        ("90s", 90),
        ("1h30m", 5400),
        ("1h 30m", 5400),
        ("５：３０", 330),  # typed with a Chinese input method
        (" 10分 ", 600),
        ("0", 0),
    ],
)
def test_lengths_as_planners_type_them(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    "text", ["", "  ", "五分钟", "about 5 min", "-5", "5:75", "1:60:00", "5分3分", "5分左右", "5 apples", "5..5分"]
)
def test_what_is_not_a_length_is_none(text: str) -> None:
    assert parse_duration(text) is None


def test_a_length_shown_can_be_typed_back() -> None:
    for seconds in (0, 59, 330, 3599, 3725, 86400):
        assert parse_duration(format_duration(seconds)) == seconds
    assert format_duration(330) == "5:30" and format_duration(3725) == "1:02:05" and format_duration(-80) == "1:20"
