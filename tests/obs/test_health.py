"""The live health engine on recorded sample sequences: each rule opens on its fault with the evidence and
the right remedies, does not flap around a threshold, eases and closes when the figures recover, and a
healthy show produces nothing."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any

import pytest

from obs.health import Change, HealthEngine, encoder_kind
from obs.state import VideoSettings

BASE: dict[str, float | None] = {
    "bitrate_kbps": 2500.0, "congestion": 0.02, "fps": 30.0, "fps_target": 30.0, "render_ms": 4.0,
    "frame_budget_ms": 33.33, "drop_render_pct": 0.0, "drop_encode_pct": 0.0, "drop_network_pct": 0.0,
    "obs_cpu_pct": 12.0, "disk_free_mb": 180_000.0, "record_kbps": None, "streaming": 1.0, "recording": 0.0,
    "reconnecting": 0.0, "cpu_system_pct": 35.0, "obs_process_cpu_pct": 12.0,
}  # fmt: skip


class Show:
    """A recorded show fed second by second; keeps every change with the second it happened."""

    def __init__(self, encoder: str | None = "x264") -> None:
        self.engine = HealthEngine(encoder, wall=lambda: 1_800_000_000.0 + self.t)
        self.t = 0.0
        self.changes: list[tuple[float, Change]] = []

    def run(self, seconds: int, link_ok: bool = True, **values: float | None) -> Show:
        for _ in range(seconds):
            self.t += 1.0
            sample = {**BASE, **values}
            for change in self.engine.feed(self.t, sample, link_ok):
                self.changes.append((self.t, change))
        return self

    def kinds(self, finding_id: str) -> list[str]:
        return [f"{c.kind}:{c.finding.severity}" for _, c in self.changes if c.finding.id == finding_id]

    def when(self, finding_id: str, kind: str) -> float:
        return next(t for t, c in self.changes if c.finding.id == finding_id and c.kind == kind)


def noisy(seed: int, minutes: int) -> Iterator[dict[str, float]]:
    """A healthy show's seconds with realistic noise: occasional single missed frames, jittery congestion."""
    rng = random.Random(seed)
    for _ in range(minutes * 60):
        yield {
            "drop_render_pct": rng.choice([0.0] * 40 + [0.33]),  # one frame in a 10 s window now and then
            "drop_encode_pct": 0.0,
            "drop_network_pct": rng.choice([0.0] * 60 + [0.33]),
            "congestion": max(0.0, rng.gauss(0.05, 0.05)),
            "fps": 30.0 + rng.uniform(-0.3, 0.1),
            "render_ms": 4.0 + rng.uniform(-1, 3),
            "cpu_system_pct": rng.uniform(20, 70),
        }


def test_a_healthy_show_has_no_findings_at_all() -> None:
    show = Show()
    for second in noisy(7, 30):
        show.run(1, link_ok=True, **second)
    assert show.changes == [] and show.engine.active() == []
    assert set(show.engine.levels().values()) == {None}


def test_rendering_lag_opens_critical_eases_and_closes_with_evidence_and_remedies() -> None:
    show = Show().run(30).run(30, drop_render_pct=8.0, fps=27.6).run(120)
    assert show.kinds("render_lag") == ["opened:critical", "lowered:warning", "closed:warning"]
    assert show.when("render_lag", "opened") == 33, "three consecutive seconds over the line"
    closed = next(c.finding for _, c in show.changes if c.finding.id == "render_lag" and c.kind == "closed")
    assert closed.category == "render" and closed.peak == "critical" and closed.last_seen == 60
    assert "missed 8.0 % of frames" in show.changes[0][1].finding.message
    assert any("V-Sync" in remedy for remedy in closed.remedies)
    assert show.when("render_lag", "closed") - 60 >= 10, "closes only well after recovery, not on the first good second"


def test_a_figure_hovering_at_the_threshold_does_not_flap() -> None:
    show = Show()
    for second in range(300):
        show.run(1, drop_network_pct=1.4 if second % 2 else 0.9)
    assert show.kinds("network") == ["opened:warning"], "one finding for the whole period, not one per crossing"
    show.run(120, drop_network_pct=0.0)
    assert show.kinds("network") == ["opened:warning", "closed:warning"]


def _encode_lag_advice(fps: float | None, video: VideoSettings | None, encoder: str = "x264") -> list[str]:
    show = Show(encoder)
    show.engine.video = video
    active = show.run(20, drop_encode_pct=12.0, fps_target=fps, fps=fps or 30.0).engine.active()
    (finding,) = active  # the encoder's lag alone: the room renders its own frame rate
    assert finding.id == "encode_lag"
    return finding.advice()


def test_encoding_lag_advice_at_30_fps_lowers_the_rooms_resolution_not_a_frame_rate_it_does_not_run_at() -> None:
    advice = _encode_lag_advice(30.0, VideoSettings(1920, 1080, 1920, 1080, 30, 1))
    assert advice[0] == (
        "The room already runs at 30 fps: lower the output (scaled) resolution from 1920×1080 to 1280×720 "
        "(Settings → Video)."
    )
    assert not any("60" in line for line in advice), advice
    assert "veryfast" in advice[1]
    # The simulator's room and a vertical (phone) stream step down on their own shape.
    assert "from 1280×720 to 854×480" in _encode_lag_advice(30.0, VideoSettings(1280, 720, 1280, 720, 30, 1))[0]
    assert "from 1080×1920 to 720×1280" in _encode_lag_advice(30.0, VideoSettings(1080, 1920, 1080, 1920, 30, 1))[0]


def test_encoding_lag_advice_at_60_fps_halves_the_frame_rate_first() -> None:
    advice = _encode_lag_advice(60.0, VideoSettings(1920, 1080, 1920, 1080, 60, 1), "jim_nvenc")
    assert advice[0] == (
        "Lower the frame rate from 60 to 30 fps (Settings → Video → Common FPS Values); if that is not enough, the "
        "output resolution from 1920×1080 to 1280×720."
    )
    assert "look-ahead" in advice[1]
    ntsc = _encode_lag_advice(60000 / 1001, VideoSettings(1280, 720, 1280, 720, 60000, 1001))
    assert ntsc[0].startswith("Lower the frame rate from 59.94 to 29.97 fps")


def test_encoding_lag_advice_without_the_rooms_settings_names_no_figures() -> None:
    unknown = _encode_lag_advice(None, None)
    assert unknown[0] == "Lower the output (scaled) resolution or the frame rate (Settings → Video)."
    assert not any(ch.isdigit() for ch in unknown[0])
    # The stats poll's target frame rate alone: the frame rate is known, the resolution is not named.
    only_fps = _encode_lag_advice(30.0, None)
    assert only_fps[0] == "The room already runs at 30 fps: lower the output (scaled) resolution (Settings → Video)."
    # A room already at the smallest step: nothing lower to name, the presets come first.
    smallest = _encode_lag_advice(30.0, VideoSettings(854, 480, 854, 480, 30, 1))
    assert "veryfast" in smallest[0] and not any("resolution" in line for line in smallest)


def test_encoding_lag_remedies_follow_the_encoder() -> None:
    software = Show("obs_x264").run(20, drop_encode_pct=12.0).engine.active()[0]
    hardware = Show("jim_nvenc").run(20, drop_encode_pct=12.0).engine.active()[0]
    assert software.id == hardware.id == "encode_lag" and software.severity == "critical"
    assert any("veryfast" in r for r in software.remedies) and not any("veryfast" in r for r in hardware.remedies)
    assert any("look-ahead" in r for r in hardware.remedies)
    assert [encoder_kind(n) for n in ("x264", "nvenc", "h264_texture_amf", "obs_qsv11", "apple_h264", "?")] == [
        "software", "hardware", "hardware", "hardware", "hardware", None,
    ]  # fmt: skip


def test_congestion_warns_before_frames_drop_then_drops_make_it_critical() -> None:
    show = Show().run(10).run(15, congestion=0.8)
    assert show.kinds("network") == ["opened:warning"]
    show.run(10, congestion=1.0, drop_network_pct=22.0, bitrate_kbps=900.0)
    finding = show.engine.active()[0]
    assert finding.severity == "critical" and finding.fields["congestion_pct"] > 90
    assert "22.0 % of frames dropped" in finding.message and "900 kbit/s" in finding.message
    assert any("Ethernet" in r for r in finding.remedies)


def test_a_reconnect_is_critical_at_once_then_a_warning_for_a_minute() -> None:
    show = Show().run(10).run(5, reconnecting=1.0, bitrate_kbps=None).run(30)
    assert show.kinds("reconnect") == ["opened:critical", "lowered:warning"]
    assert show.when("reconnect", "opened") == 11, "no waiting: the stream is down"
    finding = show.engine.active()[0]
    assert finding.fields == {"outage": 5.0, "count": 1} and "reconnected after 5 s" in finding.message
    show.run(3, reconnecting=1.0).run(70)
    assert show.kinds("reconnect")[-3:] == ["raised:critical", "lowered:warning", "closed:warning"]
    assert show.changes[-1][1].finding.fields["count"] == 2


def test_losing_obs_on_air_is_critical_and_clears_when_it_answers() -> None:
    show = Show().run(5, link_ok=False)
    assert show.changes == [], "never connected yet: that is the connection status's business, not a finding"
    show.run(10).run(6, link_ok=False, **dict.fromkeys(BASE))
    assert show.kinds("obs_unreachable") == ["opened:critical"]
    assert "not answered for" in show.engine.active()[0].message
    show.run(2)
    assert show.kinds("obs_unreachable") == ["opened:critical", "closed:critical"]


def test_one_odd_reading_is_not_a_finding() -> None:
    """Measured on OBS 29: the first GetStats after connecting reports activeFps 0."""
    show = Show().run(1, fps=0.0, render_ms=90.0).run(30)
    assert show.changes == []


def test_fps_and_render_time_against_the_target() -> None:
    show = Show().run(20, fps=26.0, render_ms=28.0)
    found = {f.id: f for f in show.engine.active()}
    assert found["fps_low"].severity == "warning" and "26.0 fps instead of 30" in found["fps_low"].message
    assert found["render_time"].severity == "warning" and found["render_time"].fields["pct"] == pytest.approx(84, 1)
    show.run(20, fps=20.0, render_ms=40.0)
    assert {f.id: f.severity for f in show.engine.active()} == {"fps_low": "critical", "render_time": "critical"}


def test_disk_space_and_time_left_while_recording() -> None:
    show = Show().run(10, disk_free_mb=4000.0)
    assert show.kinds("disk_low") == ["opened:warning"] and "3.9 GB free" in show.engine.active()[0].message
    show = Show().run(40, recording=1.0, record_kbps=50_000.0, disk_free_mb=20_480.0)
    finding = show.engine.active()[0]
    assert finding.id == "disk_low" and finding.severity == "warning", "20 GB is plenty, 57 minutes is not"
    assert finding.fields["minutes_left"] == pytest.approx(57.3, abs=0.5)
    show.run(10, recording=1.0, record_kbps=50_000.0, disk_free_mb=900.0)
    assert show.engine.active()[0].severity == "critical"


def test_a_recording_that_stops_growing_is_critical() -> None:
    show = Show().run(10, recording=1.0, record_kbps=6000.0).run(8, recording=1.0, record_kbps=0.0)
    assert show.kinds("recording_stalled") == ["opened:critical"]
    assert show.engine.levels()["disk"] == "critical"
    show.run(5, recording=1.0, record_kbps=6000.0)
    assert show.kinds("recording_stalled")[-1] == "closed:critical"


def test_cpu_saturation_says_whether_obs_or_other_programs_use_it() -> None:
    others = Show().run(15, cpu_system_pct=99.0, obs_cpu_pct=11.0, obs_process_cpu_pct=11.0).engine.active()[0]
    assert others.id == "cpu_saturated" and others.severity == "critical"
    assert "OBS 11 %, other programs 88 %" in others.message and "close what is not needed" in others.remedies[0]
    obs_heavy = Show().run(15, cpu_system_pct=93.0, obs_cpu_pct=70.0, obs_process_cpu_pct=70.0).engine.active()[0]
    assert obs_heavy.severity == "warning" and "hardware encoder" in obs_heavy.remedies[0]
    elsewhere = Show().run(15, cpu_system_pct=99.0, obs_cpu_pct=11.0, obs_process_cpu_pct=None).engine.active()[0]
    assert "OBS 11 %, other programs 88 %" in elsewhere.message  # OBS's own figure when its process is not here


def test_obs_share_of_a_saturated_cpu_is_taken_over_the_same_seconds_as_the_total() -> None:
    """OBS's own figure covers the time since the GetStats before it (after a thaw: milliseconds of catching up, 70 %),
    the total this machine's seconds: where OBS runs here, its process read over the total's seconds is its share."""
    finding = Show().run(15, cpu_system_pct=99.0, obs_cpu_pct=70.0, obs_process_cpu_pct=8.0).engine.active()[0]
    assert "OBS 8 %, other programs 91 %" in finding.message and "close what is not needed" in finding.remedies[0]


def test_a_finding_closes_when_its_figure_is_no_longer_measured() -> None:
    show = Show().run(20, drop_network_pct=9.0)
    assert show.kinds("network") == ["opened:critical"]
    show.run(15, streaming=0.0, drop_network_pct=None, congestion=None)
    assert show.kinds("network") == ["opened:critical", "closed:critical"]


def test_the_monitor_shape_of_a_finding() -> None:
    show = Show().run(10, drop_encode_pct=3.0)
    data = show.engine.active()[0].to_json()
    json.dumps(data)
    assert {"id", "category", "severity", "message", "evidence", "first_seen", "last_seen", "remedies"} <= set(data)
    assert data["category"] == "encode" and data["severity"] == "warning" and data["evidence"]["pct"] == 3.0
    assert show.engine.timeline()[0].id == "encode_lag"


def test_every_finding_template_formats_with_its_evidence() -> None:
    """A template naming a field its rule does not provide would raise in front of the user."""
    show = Show()
    scenarios: list[dict[str, Any]] = [
        {"drop_render_pct": 9.0}, {"drop_encode_pct": 9.0}, {"drop_network_pct": 9.0, "congestion": 1.0},
        {"reconnecting": 1.0}, {"fps": 10.0, "render_ms": 50.0}, {"recording": 1.0, "record_kbps": 0.0},
        {"disk_free_mb": 500.0}, {"cpu_system_pct": 99.0},
    ]  # fmt: skip
    for values in scenarios:
        show.run(20, **values).run(1)
    show.run(5, link_ok=False).run(1, streaming=0.0)  # OBS lost on air, back not streaming
    seen = {c.finding.id for _, c in show.changes}
    # audio: test_health_audio.py; viewers' reports: tests/console/test_chat_complaints.py
    assert seen == {r.id for r in show.engine.rules if r.category != "audio" and r.id != "audience_reports"}
    for _, change in show.changes:
        assert change.finding.message and "{" not in change.finding.message


def test_the_minute_figure_waits_for_a_real_minute_and_says_so_meanwhile() -> None:
    """10 s after start the network finding said 10.3 % "over the last minute" (the mean of whatever history
    existed, the first windows being short and jumpy) when the real minute was 4.8 %: here it would say 5.7 %."""
    show = Show()
    for pct in (9.0, 7.0, 6.0, 5.5, 5.0, 4.9, 4.8, 4.8, 4.8, 4.8):  # the link's first, short windows
        show.run(1, drop_network_pct=pct, congestion=0.5)
    finding = show.engine.active()[0]
    assert finding.id == "network" and finding.fields["pct_minute"] is None
    assert "less than a minute measured so far" in finding.message and "over the last minute" not in finding.message
    assert finding.to_json()["evidence"]["pct_minute"] is None
    show.run(60, drop_network_pct=4.8, congestion=0.5)
    finding = show.engine.active()[0]
    assert finding.fields["pct_minute"] == pytest.approx(4.8)
    assert "(4.8 % over the last minute)" in finding.message
    assert finding.severity == "critical" and finding.fields["pct"] == 4.8, "held critical, yet today's evidence"


def test_render_and_encode_minutes_wait_for_a_minute_too() -> None:
    show = Show().run(8, drop_render_pct=30.0).run(4, drop_render_pct=6.0)
    finding = show.engine.active()[0]
    assert finding.id == "render_lag" and finding.fields["pct_minute"] is None
    assert "less than a minute measured so far" in finding.message
    show.run(60, drop_render_pct=6.0)
    assert show.engine.active()[0].fields["pct_minute"] == pytest.approx(6.0)


def test_unknown_evidence_is_null_and_left_out_of_the_words_never_0() -> None:
    """Congestion alone (no frame counts yet, no bitrate): the drops, the bitrate and the target are not known
    — they were printed as 0, then as "— %"; the finding says the congestion it knows."""
    show = Show().run(70, drop_network_pct=None, bitrate_kbps=None, congestion=0.9)
    finding = show.engine.active()[0]
    assert finding.id == "network"
    evidence = finding.to_json()["evidence"]
    assert evidence["pct"] is None and evidence["kbps"] is None and evidence["target_kbps"] is None
    assert evidence["congestion_pct"] == 90.0
    assert finding.message.startswith("Network: the send buffer is 90 % congested."), finding.message
    assert "—" not in finding.message and "frames dropped" not in finding.message
    assert "0.0 %" not in finding.message and " 0 kbit/s" not in finding.message
    json.dumps(finding.to_row())


def test_the_stream_target_reaches_the_evidence_when_it_becomes_known() -> None:
    references: dict[str, float | None] = {}
    engine = HealthEngine("x264", references=references)
    for t in range(5):
        engine.feed(float(t), {**BASE, "congestion": 1.0, "drop_network_pct": 9.0})
    assert engine.active()[0].fields["target_kbps"] is None
    references["target_bitrate_kbps"] = 2660.0  # the owner learned it from OBS's profile later
    engine.feed(5.0, {**BASE, "congestion": 1.0, "drop_network_pct": 9.0})
    assert engine.active()[0].fields["target_kbps"] == 2660.0


def test_obs_freezing_on_air_is_critical_although_its_last_seconds_were_unknown() -> None:
    """A freezing OBS: its last poll goes stale (figures unknown) a moment before the link is called
    unresponsive; those unknown seconds do not mean the show went off air."""
    unknown = dict.fromkeys(BASE)
    show = Show().run(10).run(2, link_ok=True, **unknown).run(5, link_ok=False, **unknown)
    assert show.kinds("obs_unreachable") == ["opened:critical"]


def test_a_closed_finding_ends_when_it_closed_not_when_its_figure_last_held() -> None:
    # QA: a CPU warning read 12:22:05–12:22:06 in the timeline although it recovered at 12:22:22.
    show = Show().run(5).run(20, cpu_system_pct=95.0).run(60, cpu_system_pct=30.0)
    closed_at = show.when("cpu_saturated", "closed")
    closed = next(c.finding for _, c in show.changes if c.kind == "closed" and c.finding.id == "cpu_saturated")
    (in_timeline,) = [f for f in show.engine.timeline() if f.id == "cpu_saturated"]
    assert closed.until_wall == in_timeline.until_wall == 1_800_000_000.0 + closed_at
    assert closed_at - closed.last_seen >= 15, "the figure last held well before the hysteresis closed it"


def test_a_critical_loss_held_by_hysteresis_quotes_the_figure_that_made_it_critical() -> None:
    # QA: "critical" beside "OBS missed 0.0 % of frames in the last 10 s" for several seconds.
    show = Show().run(5).run(6, drop_render_pct=7.2).run(3, drop_render_pct=0.0)
    (finding,) = [f for f in show.engine.active() if f.id == "render_lag"]
    assert finding.severity == "critical"
    assert "7.2 %" in finding.message and "0.0 %" in finding.message
    # While the figures themselves call for critical, the message is the plain one with today's figure.
    show = Show().run(5).run(6, drop_render_pct=7.2)
    (finding,) = show.engine.active()
    assert finding.message.startswith("Rendering lag: OBS missed 7.2 % of frames in the last 10 s")


def test_the_network_finding_says_which_window_its_bitrate_is() -> None:
    # QA: "2283 kbit/s getting through" beside a monitor line whose bitrate column said 1565 (this second).
    show = (
        Show()
        .run(5)
        .run(10, drop_network_pct=8.0, bitrate_kbps=2283.0)
        .run(1, drop_network_pct=8.0, bitrate_kbps=1565.0)
    )
    (finding,) = [f for f in show.engine.active() if f.id == "network"]
    assert "kbit/s getting through on average over the last 10 s" in finding.message
