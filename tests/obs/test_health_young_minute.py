"""A loss finding of a console started less than a minute ago: one episode, with its real worst window."""

from __future__ import annotations

from tests.obs.test_health import BASE, Show

UNANSWERED = dict.fromkeys(BASE)
AT_15 = {"fps": 15.0, "fps_target": 15.0, "frame_budget_ms": 66.7}
#: The 10-s render-lag windows a real OBS 29 gave after a 2-s SIGSTOP (walk22).
AFTER_FREEZE = [18.67, 16.97, 16.97, 18.67, 16.97, 18.67, 16.97, 16.97, 15.56]


def test_a_freeze_soon_after_the_console_started_is_one_render_lag_episode_with_its_real_worst_window() -> None:
    """walk22: the console restarted 20 s before a 2-s freeze. Its render lag closed as the 10-s window cleared (its
    first minute not measured yet, taken for a minute well below) and opened again 22 s later as a new warning, once
    the first whole minute — still holding the freeze — was measured: "missed up to 0.0 % of frames". A console that
    had run for a minute saw one episode, eased to a warning, closed once the minute was clean."""
    young = Show().run(20, link_ok=True, **AT_15).run(1, link_ok=True, **UNANSWERED)
    for pct in AFTER_FREEZE:
        young.run(1, link_ok=True, drop_render_pct=pct, **AT_15)
    young.run(90, link_ok=True, drop_render_pct=0.0, **AT_15)
    assert young.kinds("render_lag") == ["opened:critical", "lowered:warning", "closed:warning"]
    assert all(
        "up to 18.7 %" in change.finding.message for _, change in young.changes if change.finding.id == "render_lag"
    )
