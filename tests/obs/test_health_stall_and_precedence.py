"""What the technician is told first, and why frames were lost (walk13): the finding the status bar and a wall tile
lead with is the one costing the viewers now; render lag counted over an OBS stall is said as the stall's."""

from __future__ import annotations

from obs.vocabulary import precedence
from tests.obs.test_health import BASE, Show


def test_frames_dropped_on_the_network_lead_before_a_saturated_cpu_that_cost_none() -> None:
    """walk13 F8: the status bar read "CPU saturated" for a whole minute while the network dropped 60 % of frames."""
    show = Show().run(10)
    show.run(30, cpu_system_pct=100.0, obs_cpu_pct=6.0)  # the CPU opens first: the oldest critical finding
    show.run(20, cpu_system_pct=100.0, obs_cpu_pct=6.0, drop_network_pct=59.4, congestion=1.0)
    ids = [(f.id, f.severity) for f in show.engine.active()]
    assert ids[:2] == [("network", "critical"), ("cpu_saturated", "critical")], ids
    # The stream down for viewers (OBS reconnecting) leads before frames dropped on the way.
    show.run(2, cpu_system_pct=100.0, drop_network_pct=59.4, congestion=1.0, reconnecting=1.0)
    assert [f.id for f in show.engine.active()][:3] == ["reconnect", "network", "cpu_saturated"]


def test_the_order_is_one_rule_over_kinds_severities_and_age() -> None:
    cpu = precedence("cpu_saturated", "critical", 1.0)
    assert precedence("obs_unreachable", "warning", 9.0) < cpu, "OBS lost first: every figure is stale then"
    assert precedence("network", "critical", 5.0) < cpu < precedence("network", "warning", 0.0)
    assert precedence("render_lag", "critical", 1.0) < precedence("network", "critical", 2.0), "then the oldest"
    assert precedence("a_newer_kind", "grave", 0.0) > cpu, "a status from a newer console still sorts"


def test_render_lag_over_a_stall_of_obs_is_said_as_the_freeze_not_the_graphics_card() -> None:
    """walk13 F9: OBS stopped 3 s (the console had said it was not answering), then counted 44 unrendered frames;
    the finding read "The graphics card cannot finish the picture in time" with "Cap the game's frame rate"."""
    show = Show().run(70)
    show.run(3, link_ok=False, drop_render_pct=None, streaming=None)  # OBS not answering
    show.run(6, drop_render_pct=28.7)  # the stall's frames in the link's 10-s window
    (finding,) = [f for f in show.engine.active() if f.id == "render_lag"]
    assert "not answering (3 s)" in finding.message and "lost to OBS freezing" in finding.message, finding.message
    assert "graphics card cannot" not in finding.message
    assert not any("game" in remedy for remedy in finding.remedies), finding.remedies
    assert any("froze" in remedy for remedy in finding.remedies)
    # The window clean again, the minute holding the finding open: still the freeze's.
    show.run(15, drop_render_pct=0.0)
    (finding,) = [f for f in show.engine.active() if f.id == "render_lag"]
    assert "lost to OBS freezing" in finding.message, finding.message


def test_render_lag_long_after_a_stall_is_the_graphics_cards_again() -> None:
    show = Show().run(70)
    show.run(3, link_ok=False, drop_render_pct=None, streaming=None)
    show.run(80)
    show.run(6, drop_render_pct=30.0)
    (finding,) = [f for f in show.engine.active() if f.id == "render_lag"]
    assert "graphics card cannot finish" in finding.message and "V-Sync" in finding.remedies[0]


def test_the_bitrate_advice_gives_the_figure_from_what_gets_through() -> None:
    """walk13 F3: the finding knew 299 kbit/s got through, yet said only "about 75 % of the measured upload"."""
    show = Show().run(10)
    show.run(12, drop_network_pct=59.4, congestion=1.0, bitrate_kbps=300.0)
    (finding,) = [f for f in show.engine.active() if f.id == "network"]
    advice = finding.advice()
    assert "to at most about 225 kbit/s: 75 % of the 300 kbit/s that got through" in advice[1], advice
    assert finding.to_json()["remedies"][1] == advice[1], "the monitor's JSON says the same"


#: A second whose stats poll OBS did not answer, as the session records it (every figure of OBS's unknown).
UNPOLLED: dict[str, float | None] = dict.fromkeys(
    (
        "bitrate_kbps", "congestion", "fps", "fps_target", "render_ms", "drop_render_pct", "drop_encode_pct",
        "drop_network_pct", "obs_cpu_pct", "disk_free_mb", "record_kbps", "streaming", "recording", "reconnecting",
    )
)  # fmt: skip


def unpolled(show: Show, seconds: int, **values: float | None) -> None:
    """Seconds whose poll OBS left unanswered while the link still called it connected."""
    for _ in range(seconds):
        show.t += 1.0
        show.changes.extend((show.t, c) for c in show.engine.feed(show.t, {**BASE, **UNPOLLED, **values}, True))


def test_a_freeze_too_short_for_the_link_to_declare_is_still_the_freezes_not_the_cpus() -> None:
    """walk21: OBS stopped 2 s (SIGSTOP) on a busy computer; the console's link happened to declare it unanswered
    and said the frames were lost "while OBS itself was not answering", while `onair monitor`'s link — by a few
    hundred milliseconds — had not, and blamed the CPU. The poll OBS left unanswered is the same fact for both."""
    show = Show().run(70, cpu_system_pct=95.0)
    unpolled(show, 1, cpu_system_pct=95.0)  # the link still says connected
    show.run(6, cpu_system_pct=95.0, drop_render_pct=6.7)  # the freeze's frames, counted once OBS runs again
    (finding,) = [f for f in show.engine.active() if f.id == "render_lag"]
    assert "while OBS itself was not answering (1 s)" in finding.message, finding.message
    assert "lost to OBS freezing" in finding.message and "CPU" not in finding.message
    # A show whose OBS was never polled yet has no stall in its first unknown seconds.
    fresh = Show()
    unpolled(fresh, 3)
    assert fresh.engine.stall_within(60) is None
