"""Rendering lag on a computer whose CPU is saturated: OBS short of CPU time, not the graphics card.

tech18, on a real OBS 29.0.2 (rendering with Mesa's llvmpipe, on the CPU) while other programs held the machine's
CPU at 90–100 %: OBS missed 1.2 % of its frames, and the finding said "The graphics card cannot finish the picture in
time" with "Cap the game's frame rate" first among its remedies — beside the open "CPU saturated" finding."""

from __future__ import annotations

from obs.health import Finding
from tests.obs.test_health import Show


def render_lag(show: Show) -> Finding:
    return next(f for f in show.engine.active() if f.id == "render_lag")


def test_render_lag_beside_a_saturated_cpu_says_the_cpu_and_its_remedies() -> None:
    show = Show().run(20, cpu_system_pct=99.0, obs_cpu_pct=8.0, obs_process_cpu_pct=8.0)
    show.run(12, cpu_system_pct=99.0, obs_cpu_pct=8.0, obs_process_cpu_pct=8.0, drop_render_pct=2.0)
    finding = render_lag(show)
    message = finding.message
    assert "CPU was at 99 %" in message and "other programs 91 %" in message, message
    assert "not the graphics card" in message
    remedies = finding.remedies
    assert not any("V-Sync" in r or ("frame rate" in r and "game" in r) for r in remedies), remedies
    assert any("Close the programs" in r for r in remedies)
    # The lag over, the CPU too: the held finding still says the CPU, with the episode's figures.
    show.run(5, cpu_system_pct=40.0, obs_cpu_pct=8.0, obs_process_cpu_pct=8.0, drop_render_pct=0.0)
    held = render_lag(show).message
    assert "CPU was at up to 99 %" in held and "graphics card" not in held, held


def test_render_lag_on_an_idle_cpu_is_still_the_graphics_cards() -> None:
    show = Show().run(20, cpu_system_pct=35.0).run(12, cpu_system_pct=35.0, drop_render_pct=2.0)
    message = render_lag(show).message
    assert "graphics card cannot finish" in message and "CPU" not in message
