"""OBS's frame rate read right after a short freeze is the freeze's, which the render-lag finding says."""

from __future__ import annotations

from tests.obs.test_health import BASE, Show

#: A second whose stats poll OBS left unanswered (frozen): none of OBS's own figures.
UNANSWERED = dict.fromkeys(BASE)


def test_a_two_second_freeze_is_not_also_a_low_frame_rate() -> None:
    """walk22, `onair monitor` on a real OBS 29 frozen 2 s (SIGSTOP) on air: one unanswered second, then the polls
    answered in a burst as it woke read activeFps 0.52 twice — and the monitor said "OBS renders 7.8 fps instead of
    15" (critical) beside the render-lag finding, while the console, its polls landing otherwise, said render lag
    only. The frames were lost to the freeze; the frame rate was 15 before and after."""
    show = Show().run(20, fps=15.0, fps_target=15.0, frame_budget_ms=66.7)
    show.run(1, link_ok=True, **UNANSWERED).run(2, fps=0.52, fps_target=15.0, frame_budget_ms=66.7, render_ms=12.28)
    show.run(20, fps=15.0, fps_target=15.0, frame_budget_ms=66.7)
    assert show.kinds("fps_low") == []


def test_a_frame_rate_that_stays_low_after_a_freeze_is_still_said() -> None:
    """Only the readings of the freeze and the two seconds after it are the freeze's: an OBS that comes back slow is
    a low frame rate."""
    show = Show().run(20, fps=15.0, fps_target=15.0, frame_budget_ms=66.7)
    show.run(1, link_ok=True, **UNANSWERED).run(20, fps=7.0, fps_target=15.0, frame_budget_ms=66.7)
    assert show.kinds("fps_low")[:1] == ["opened:critical"]
    assert show.when("fps_low", "opened") <= 20 + 1 + 2 + 5 + 3, "opened as soon as three clean readings say so"
