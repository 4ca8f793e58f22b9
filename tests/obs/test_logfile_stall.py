"""A log whose render lag was OBS frozen, not the graphics card. A real OBS 29.0.2 streaming at 15 fps was SIGSTOPped
for 12 s (tests/obs/logs/real-linux-obs29-frozen-12s.txt): the log says "Number of lagged frames due to rendering
lag/stalls: 187 (11.1%)", and the analysis called it critical GPU overload ("cap game frame rates, run OBS on the
dedicated GPU"). OBS's own profiler, written at its clean exit, says what happened: the hotkey thread, which only
sleeps 25 ms at a time, went 12,070.9 ms between two calls, and the graphics thread 12,108.6 ms — all of OBS stood
still for 12 s, and 12,108.6 ms at 66.67 ms a frame is the 182 frames that lagged."""

from __future__ import annotations

from pathlib import Path

from obs.logfile import analyze

LOGS = Path(__file__).parent / "logs"
FROZEN = LOGS / "real-linux-obs29-frozen-12s.txt"


def test_a_frozen_obs_is_said_as_a_stall_not_as_the_graphics_card() -> None:
    report = analyze(FROZEN)
    [stream] = report.sessions
    assert stream.lagged_frames == 187 and stream.stall == (12.109, 182)
    ids = {f.id for f in report.findings}
    assert "render_lag" not in ids, [f.message for f in report.findings if f.id == "render_lag"]
    stall = next(f for f in report.findings if f.id == "render_stall")
    assert stall.severity == "critical" and stall.area == "system"
    assert "187 frames" in stall.message and "182" in stall.message and "12.1 s" in stall.message, stall.message
    assert "GPU" not in stall.message and "GPU" not in stall.explain_remedy()
    assert "frozen or stopped" in stall.message
    assert report.to_dict()["sessions"][0]["stall_s"] == 12.109


def test_a_stall_that_explains_few_of_the_lagged_frames_leaves_the_graphics_cards_words(tmp_path: Path) -> None:
    """2,000 frames lagged and one 12-s stall (182 of them): the rest is the graphics card's."""
    text = FROZEN.read_text(encoding="utf-8").replace(
        "rendering lag/stalls: 187 (11.1%)", "rendering lag/stalls: 2000 (57.3%)"
    )
    path = tmp_path / "2026-12-02 18-53-31.txt"
    path.write_text(text, encoding="utf-8")
    report = analyze(path)
    assert report.sessions[0].stall is None
    assert {f.id for f in report.findings} >= {"render_lag"} and "render_stall" not in {f.id for f in report.findings}


def test_a_short_hiccup_of_the_hotkey_thread_is_no_stall(tmp_path: Path) -> None:
    """On a loaded machine the hotkey thread's longest gap was 152 ms: the graphics thread's long frames are then
    the graphics card's (or the CPU's), not OBS stopped."""
    text = FROZEN.read_text(encoding="utf-8").replace(
        "max=12070.9\u00a0ms, 50.0921% within", "max=152.1\u00a0ms, 50.0921% within"
    )
    path = tmp_path / "2026-12-02 18-53-31.txt"
    path.write_text(text, encoding="utf-8")
    report = analyze(path)
    assert report.sessions[0].stall is None and "render_lag" in {f.id for f in report.findings}


def test_a_stall_of_one_lagged_frame_says_one_frame(tmp_path: Path) -> None:
    """A 1-fps output frozen for 1.1 s lagged 1 frame: "(1 frame)", never "(1 frames)"; Chinese has one form."""
    from tests.language import chinese

    text = (
        FROZEN.read_text(encoding="utf-8")
        .replace("Total frames output: 1659", "Total frames output: 19")
        .replace("Total drawn frames: 1491 (1678 attempted)", "Total drawn frames: 19 (20 attempted)")
        .replace("rendering lag/stalls: 187 (11.1%)", "rendering lag/stalls: 1 (5.0%)")
        .replace(
            "obs_graphics_thread(66.6667\u00a0ms): min=11.503\u00a0ms, median=66.668\u00a0ms, max=12108.6\u00a0ms",
            "obs_graphics_thread(1000\u00a0ms): min=990.1\u00a0ms, median=1000.2\u00a0ms, max=1100.5\u00a0ms",
        )
    )
    path = tmp_path / "2026-12-02 18-53-31.txt"
    path.write_text(text, encoding="utf-8")
    report = analyze(path)
    assert report.sessions[0].stall == (1.101, 1)
    stall = next(f for f in report.findings if f.id == "render_stall")
    assert "of frames lagged in rendering (1 frame), in one stall of 1.1 s in which all of OBS" in stall.message
    assert "1 frames" not in stall.message, stall.message
    message, _ = stall.say(chinese())
    assert "的帧因渲染延迟而丢失（1 帧），落在一次 1.1 秒的停顿里" in message, message
