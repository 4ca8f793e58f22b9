"""OBS lost, as the link knows it (walk11), and a held loss finding's sentence: what the engine says."""

from __future__ import annotations

from tests.obs.test_health import BASE, Show


def lose(show: Show, cause: str, seconds: int) -> None:
    """Seconds with OBS lost this way (an obs.messages.LinkLoss value), as the session feeds them (the link's
    reason, where OBS was)."""
    for _ in range(seconds):
        show.t += 1.0
        for change in show.engine.feed(show.t, {**BASE, "streaming": None}, False, cause, "10.0.0.7:4455"):
            show.changes.append((show.t, change))


def test_each_way_of_losing_obs_has_its_words_and_remedies_and_one_episode_follows_the_cause() -> None:
    show = Show().run(10)  # on air
    lose(show, "frozen", 5)
    (finding,) = show.engine.active()
    assert finding.id == "obs_unreachable" and finding.severity == "critical"
    assert "frozen or overloaded" in finding.message and "may still be running" in finding.message
    # The frozen OBS is then killed: the same episode, now saying it is gone — and for how long nothing listened.
    lose(show, "closed", 4)
    (finding,) = show.engine.active()
    assert finding.message == (
        "OBS is closed or has crashed: nothing has listened on 10.0.0.7:4455 for 4 s. It was on air: that OBS is "
        "no longer streaming."
    )
    assert [c.kind for _, c in show.changes if c.finding.id == "obs_unreachable"] == ["opened"]
    lose(show, "exited", 1)
    assert show.engine.active()[0].message.startswith("OBS was closed ")
    lose(show, "unreachable", 1)
    finding = show.engine.active()[0]
    assert finding.message.startswith("The OBS computer (10.0.0.7:4455) has not answered on the network")
    assert "cable, Wi-Fi" in finding.remedies[0]


def test_off_air_a_closed_obs_is_a_warning_that_does_not_speak_of_a_stream() -> None:
    show = Show().run(10, streaming=0.0)
    lose(show, "closed", 4)
    (finding,) = show.engine.active()
    assert finding.severity == "warning"
    assert finding.message == "OBS is closed or has crashed: nothing has listened on 10.0.0.7:4455 for 4 s."


def test_a_loss_finding_held_by_its_minute_leads_with_the_episodes_worst_window_not_0_0() -> None:
    """walk11: a wall tile read in red "Rendering lag: OBS missed 0.0 % of …" (0.0 % in the last 10 s, 12.9 % over
    the minute): cut after its first words, it said all was well beside critical."""
    show = Show().run(70)
    show.run(8, drop_render_pct=79.5)
    show.run(4, drop_render_pct=0.0)  # the minute still holds it critical
    (finding,) = [f for f in show.engine.active() if f.id == "render_lag"]
    assert finding.severity == "critical"
    assert finding.message.startswith("Rendering lag: OBS missed up to 79.5 % of frames"), finding.message
    assert "0.0 % in the last 10 s" in finding.message


def test_a_network_finding_held_by_its_minute_leads_with_the_episodes_worst_window_not_0_0() -> None:
    """walk13: after two minutes of a slow uplink the finding read "[critical] Network: 0.0 % of frames dropped in
    the last 10 s (59.1 % over the last minute)" for a minute: the minute kept it critical, and its sentence led with
    the all-clear figure."""
    show = Show().run(70)
    show.run(30, drop_network_pct=66.0, congestion=1.0)
    show.run(12, drop_network_pct=0.0, congestion=0.0)  # the uplink is back; the minute still holds it critical
    (finding,) = [f for f in show.engine.active() if f.id == "network"]
    assert finding.severity == "critical"
    assert finding.message.startswith("Network: up to 66.0 % of frames dropped in a 10-s window of this episode")
    assert "0.0 % in the last 10 s" in finding.message


def test_obs_lost_comes_first_among_the_open_findings_before_an_older_critical_one() -> None:
    """walk11: the Health dock and a tile led with the CPU (opened earlier) while OBS was gone."""
    show = Show().run(10).run(20, cpu_system_pct=100.0)
    lose(show, "closed", 4)
    assert [f.id for f in show.engine.active()] == ["obs_unreachable", "cpu_saturated"]


def test_obs_back_not_streaming_after_a_loss_on_air_is_critical_at_once_until_live_again() -> None:
    """walk13 F5: OBS killed on air and started again came back not streaming; "OBS lost: cleared" was all the
    console said, and the show stayed off air until somebody noticed the grey tally."""
    show = Show().run(10)  # on air
    heard_at = show.t
    lose(show, "closed", 6)
    show.run(1, streaming=0.0)  # OBS answers again: its first poll says it is not streaming
    lost = [c.finding for _, c in show.changes if c.finding.id == "obs_unreachable" and c.kind == "closed"]
    assert [f.fields["stream"] for f in lost] == ["stopped"]
    (finding,) = [f for f in show.engine.active() if f.id == "stream_not_resumed"]
    assert finding.severity == "critical" and finding.category == "connection"
    assert finding.fields["lost_t"] == heard_at, "dated when OBS was last heard streaming"
    assert finding.message.startswith("The stream did not resume after OBS was lost at ")
    show.run(30, streaming=0.0)
    assert [f.id for f in show.engine.active()] == ["stream_not_resumed"], "kept told while off air"
    show.run(1)  # live again
    assert not show.engine.active()


def test_obs_back_still_streaming_says_the_stream_ran_on_and_opens_nothing() -> None:
    show = Show().run(10)
    lose(show, "frozen", 6)
    show.run(1, streaming=None)  # back, but its first poll has not come in: "OBS lost" waits to say what it found
    assert [f.id for f in show.engine.active()] == ["obs_unreachable"]
    show.run(1)
    lost = [c.finding for _, c in show.changes if c.finding.id == "obs_unreachable" and c.kind == "closed"]
    assert [f.fields["stream"] for f in lost] == ["ran_on"]
    assert not show.engine.active()


def test_obs_lost_off_air_and_back_off_air_is_no_cut_show() -> None:
    show = Show().run(10, streaming=0.0)
    lose(show, "closed", 6)
    show.run(5, streaming=0.0)
    assert not show.engine.active()
    lost = [c.finding for _, c in show.changes if c.finding.id == "obs_unreachable" and c.kind == "closed"]
    assert "stream" not in lost[0].fields


def test_a_stream_that_did_not_resume_leads_an_older_critical_finding() -> None:
    """The wall tile and the status bar named an older "CPU saturated" over the show being off air."""
    show = Show().run(10).run(20, cpu_system_pct=100.0)
    lose(show, "closed", 4)
    show.run(1, streaming=0.0, cpu_system_pct=100.0)
    assert [f.id for f in show.engine.active()] == ["stream_not_resumed", "cpu_saturated"]
