"""A length said in words by one rule (console/core/length_units.py): an alert's "after 2 min 5 s", a plan's total
"1 h 0 min 30 s" and the review's "not seen: 3 min" leave out a unit that comes to nothing, and differ only in the
seconds over an hour, which a plan keeps and an alert drops."""

from __future__ import annotations

import pytest

from console.core.alerts.durations import lasting
from console.core.length_units import in_units
from console.core.review.timeline import short_duration
from console.core.rundown.durations import length_words
from tests.language import english


@pytest.mark.parametrize(
    ("seconds", "kept", "dropped"),
    [
        (0, ("seconds",), ("seconds",)),
        (59.6, ("minutes",), ("minutes",)),  # rounded to the second first
        (180, ("minutes",), ("minutes",)),
        (125, ("minutes", "seconds"), ("minutes", "seconds")),
        (3600, ("hours",), ("hours",)),
        (3630, ("hours", "minutes", "seconds"), ("hours",)),  # a plan says "1 h 0 min 30 s"
        (3900, ("hours", "minutes"), ("hours", "minutes")),
        (3959, ("hours", "minutes", "seconds"), ("hours", "minutes")),
        (-5, ("seconds",), ("seconds",)),
    ],
)
def test_the_units_said_leave_out_what_comes_to_nothing(
    seconds: float, kept: tuple[str, ...], dropped: tuple[str, ...]
) -> None:
    assert in_units(seconds, seconds_over_an_hour=True)[0] == kept
    assert in_units(seconds, seconds_over_an_hour=False)[0] == dropped


def test_the_fields_are_the_units_said() -> None:
    assert in_units(3959, seconds_over_an_hour=True)[1] == {"hours": 1, "minutes": 5, "seconds": 59}
    assert in_units(3959, seconds_over_an_hour=False)[1] == {"hours": 1, "minutes": 5}, "what an alert stores"
    assert in_units(-5, seconds_over_an_hour=False)[1] == {"seconds": 0}


@pytest.mark.parametrize(
    ("seconds", "plan", "alert"),
    [
        (25, "25 s", "25 s"),
        (180, "3 min", "3 min"),
        (125, "2 min 5 s", "2 min 5 s"),
        (3600, "1 h", "1 h"),
        (3630, "1 h 0 min 30 s", "1 h"),
        (3900, "1 h 5 min", "1 h 5 min"),
        (7325, "2 h 2 min 5 s", "2 h 2 min"),
    ],
)
def test_an_alert_a_plan_and_the_review_say_a_length_alike_but_for_the_seconds_over_an_hour(
    seconds: int, plan: str, alert: str
) -> None:
    assert length_words(seconds, english) == plan
    assert lasting(seconds).in_language(english) == alert
    assert short_duration(seconds).in_language(english) == alert, "the review says a stretch as an alert does"
