"""The review's verdict on what the technical problems cost says one incident as one: the PDF and the show window
read "over 1 incidents" and "1 technical problems, but the audience around them is not known" (found by fix24j)."""

from __future__ import annotations

from console.core.review.impact import Impact, ShowImpact, Status, verdict_message
from tests.console.test_review_analysis import episode
from tests.language import chinese, english


def _show(*statuses: Status, minutes: float | None) -> ShowImpact:
    impacts = tuple(Impact(episode(60.0 * n, 60.0 * n + 30.0), status) for n, status in enumerate(statuses))
    return ShowImpact(impacts, minutes, 1000.0)


def test_one_incident_is_said_as_one_and_several_as_several() -> None:
    one = verdict_message(_show(Status.ASSESSED, minutes=12.0))
    assert one.in_language(english).endswith("over 1 incident."), one.in_language(english)
    two = verdict_message(_show(Status.ASSESSED, Status.ASSESSED, minutes=12.0))
    assert two.in_language(english).endswith("over 2 incidents."), two.in_language(english)
    mixed = verdict_message(_show(Status.ASSESSED, Status.UNKNOWN, minutes=12.0))
    assert "over 1 incident; 1 more could not be assessed" in mixed.in_language(english)
    assert "涉及 1 次故障；另有 1 次无法评估" in mixed.in_language(chinese())


def test_one_problem_with_no_audience_known_is_said_in_the_singular() -> None:
    one = verdict_message(_show(Status.UNKNOWN, minutes=None))
    assert one.in_language(english) == (
        "1 technical problem, but the audience around it is not known: what it cost is unknown."
    )
    two = verdict_message(_show(Status.UNKNOWN, Status.UNKNOWN, minutes=None))
    assert two.in_language(english).startswith("2 technical problems, but the audience around them")
    assert one.in_language(chinese()) == "共 1 个技术问题，但其前后的在线人数未知：损失无从得知。"
