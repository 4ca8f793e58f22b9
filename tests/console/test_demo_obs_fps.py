"""`onair demo-obs --fps RATE`: a demo room at 60 fps (a team whose OBS runs at 60 rehearsed on a 30 fps room, its
render-time budget twice theirs). The rate is what the room says over the protocol (GetVideoSettings, the profile's
FPSCommon, GetStats) and what its frame-time figures follow; nonsense is refused in the reader's language."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import obsws_python as obsws  # type: ignore[import-untyped]  # the client ships no types
import pytest

from obs.simulator.room import live_commerce_room, parse_fps
from tests.language import english_words

Onair = Callable[..., CompletedProcess[str]]
REPO = Path(__file__).resolve().parents[2]


def test_a_demo_room_at_60_fps_says_so_over_the_protocol(tmp_path: Path) -> None:
    """The entry point in a child process (demo-obs runs until stopped), asked by a third-party client."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "console", "demo-obs", "--port", "0", "--fps", "60", "--lang", "en"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        env=dict(os.environ, ONAIR_CONFIG_DIR=str(tmp_path)),
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        banner = proc.stdout.readline()
        found = re.search(r"ws://127\.0\.0\.1:(\d+)", banner)
        assert found, (banner, proc.stderr.read() if proc.stderr else "")
        assert "; video: 1920×1080 at 60 fps." in banner, banner
        client = obsws.ReqClient(host="127.0.0.1", port=int(found.group(1)), timeout=5)
        try:
            video = client.get_video_settings()
            assert (video.fps_numerator, video.fps_denominator) == (60, 1)
            common = client.get_profile_parameter("Video", "FPSCommon")
            assert common.parameter_value == "60"
            assert abs(client.get_stats().active_fps - 60) < 1, "the room renders 60 frames a second, not 30"
        finally:
            client.disconnect()
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.mark.parametrize(
    ("language", "given", "said"),
    [
        ("en", "60000/1001", "; video: 1920×1080 at 59.94 fps."),
        ("zh_CN", "60000/1001", "；视频：1920×1080，59.94 fps。"),
        ("zh_CN", "24000/1001", "；视频：1920×1080，23.976 fps。"),
        ("en", None, "; video: 1920×1080 at 30 fps."),
    ],
)
def test_the_start_line_says_the_frame_rate_the_room_runs_at(
    language: str, given: str | None, said: str, tmp_path: Path
) -> None:
    """`demo-obs --fps 60` said its address and scenario but not the rate: a team could not tell from it whether they
    rehearsed at their OBS's. Said as OBS names the rate (59.94 for 60000/1001), in the command's language."""
    rate = ["--fps", given] if given else []
    proc = subprocess.Popen(
        [sys.executable, "-m", "console", "demo-obs", "--port", "0", *rate, "--lang", language],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        env=dict(os.environ, ONAIR_CONFIG_DIR=str(tmp_path)),
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        banner = proc.stdout.readline()
    finally:
        proc.terminate()
        proc.wait(10)
    assert said in banner, (banner, proc.stderr.read() if proc.stderr else "")
    if language == "zh_CN":
        assert english_words(banner, {"OnAir", "OBS", "obs", "websocket", "ws", "normal", "Ctrl", "fps"}) == [], banner


@pytest.mark.parametrize(
    ("given", "rate"),
    [("60", (60, 1)), ("30000/1001", (30000, 1001)), ("59.94", (60000, 1001)), ("23.976", (24000, 1001))],
)
def test_a_frame_rate_is_read_as_obs_keeps_it(given: str, rate: tuple[int, int]) -> None:
    assert parse_fps(given) == rate


def test_frame_time_figures_follow_the_rate() -> None:
    """A lagging render at 60 fps misses the 16.7 ms a frame has, and its active FPS falls from 60; a healthy one
    stays inside it."""
    room = live_commerce_room(0.0, seed=1)
    room.fps = (60, 1)
    healthy = room.stats(1.0)
    assert healthy["averageFrameRenderTime"] < 1000 / 60 and abs(healthy["activeFps"] - 60) < 0.1
    room.faults["render-lag"] = 1.0
    lagging = room.stats(2.0)
    assert lagging["averageFrameRenderTime"] > 1000 / 60 and lagging["activeFps"] < 50
    room.tick(10.0)
    assert room.stats(10.0)["renderTotalFrames"] == 600, "ten seconds are 600 frames at 60 fps"


@pytest.mark.parametrize("given", ["abc", "0", "-5", "60/0", "1000", "0.5", "1e9", "６０", "9" * 5000, ""])
def test_a_rate_that_is_not_one_is_refused_in_words(given: str, tmp_path: Path, onair: Onair) -> None:
    env = {"ONAIR_CONFIG_DIR": str(tmp_path)}
    refused = onair("demo-obs", f"--fps={given}", "--port", "0", "--lang", "zh_CN", env=env)
    assert refused.returncode == 2, refused
    assert f"--fps“{given}”不是有效的帧率" in refused.stderr, refused.stderr
    allowed = {given, "fps", "OBS", "NTSC"}
    assert "1 到 240" in refused.stderr and not english_words(refused.stderr, allowed), refused.stderr
    english = onair("demo-obs", f"--fps={given}", "--port", "0", "--lang", "en", env=env)
    assert english.returncode == 2 and f"--fps “{given}” is not a frame rate" in english.stderr, english.stderr
