"""End-to-end against a real OBS Studio 29 (obs-websocket 5.1.0), headless: what the simulator cannot prove."""

from __future__ import annotations

import base64
import io
import time
from collections.abc import Callable, Iterator
from typing import cast

import pytest
from PIL import Image

from obs.errors import FailureKind, RequestTimeout
from obs.messages import LinkState
from obs.protocol import OutputState
from tests.conftest import LinkHarness
from tests.e2e.conftest import RealObs
from tests.e2e.harness import AUDIO_KBPS, FPS, VIDEO_KBPS

MakeLink = Callable[..., LinkHarness]


@pytest.fixture
def link(real_obs: RealObs, make_link: MakeLink) -> Iterator[LinkHarness]:
    h = make_link(real_obs.obs.port, password=real_obs.obs.password, poll_interval=0.5, request_timeout=3.0)
    h.wait(lambda: h.tracker.status.state is LinkState.CONNECTED, timeout=15, message="connected to real OBS")
    yield h
    # Leave OBS idle for the next test.
    if real_obs.obs.proc is not None and real_obs.obs.proc.poll() is None and h.tracker.state.connected:
        state = h.tracker.state
        if state.stream.active:
            h.link.request("StopStream").result(5)
        if state.studio_mode:
            h.link.request("SetStudioModeEnabled", {"studioModeEnabled": False}).result(5)
        h.wait(lambda: not h.tracker.state.stream.active, timeout=15, message="stream stopped")
        # nginx-rtmp refuses a new publisher of the same key while the old one lingers: wait until it is gone.
        deadline = time.monotonic() + 10
        while real_obs.receiver.bytes_in() is not None and time.monotonic() < deadline:
            time.sleep(0.1)


def start_stream(h: LinkHarness) -> None:
    h.link.request("StartStream").result(5)
    h.wait(lambda: h.tracker.state.stream.state == OutputState.STARTED, timeout=15, message="stream started")


def test_connects_and_reads_the_real_state(link: LinkHarness) -> None:
    state = link.tracker.state
    assert state.obs_version.startswith("29.") and state.obs_websocket_version == "5.1.0"
    assert state.scenes == ("Main", "直播中", "商品特写"), "scene order must match OBS's list, top first"
    assert state.program_scene == "Main"
    clip = state.input("Clip")
    assert clip is not None and clip.kind == "ffmpeg_source" and clip.has_audio and clip.video_active
    assert state.video is not None and state.video.fps == FPS and state.video.output_width == 320
    assert "Fade" in state.transitions or "淡入淡出" in state.transitions or state.transitions


def test_wrong_password_is_reported_and_not_retried(real_obs: RealObs, make_link: MakeLink) -> None:
    h = make_link(real_obs.obs.port, password="definitely-wrong")
    h.wait(lambda: h.tracker.status.state is LinkState.AUTH_FAILED, timeout=10)
    assert h.tracker.status.failure.kind is FailureKind.AUTH_FAILED  # type: ignore[union-attr]
    h.assert_not_retried()


def test_scenes_create_switch_and_studio_mode_with_chinese_names(link: LinkHarness) -> None:
    h = link
    h.link.request("CreateScene", {"sceneName": "抽奖环节"}).result(5)
    h.wait(lambda: "抽奖环节" in h.tracker.state.scenes, message="created scene listed")
    try:
        h.link.request("SetCurrentProgramScene", {"sceneName": "直播中"}).result(5)
        h.wait(lambda: h.tracker.state.program_scene == "直播中")
        answered = h.link.request("GetCurrentProgramScene").result(5)
        assert answered["currentProgramSceneName"] == "直播中"
        h.link.request("SetStudioModeEnabled", {"studioModeEnabled": True}).result(5)
        h.wait(lambda: h.tracker.state.studio_mode, message="studio mode on")
        h.link.request("SetCurrentPreviewScene", {"sceneName": "抽奖环节"}).result(5)
        h.wait(lambda: h.tracker.state.preview_scene == "抽奖环节")
        h.link.request("TriggerStudioModeTransition").result(5)
        h.wait(lambda: h.tracker.state.program_scene == "抽奖环节", message="transition took preview to program")
        h.link.request("SetStudioModeEnabled", {"studioModeEnabled": False}).result(5)
        h.wait(lambda: not h.tracker.state.studio_mode)
        h.link.request("SetCurrentProgramScene", {"sceneName": "Main"}).result(5)
    finally:
        h.link.request("RemoveScene", {"sceneName": "抽奖环节"}).result(5)
    h.wait(lambda: "抽奖环节" not in h.tracker.state.scenes, message="removal seen")
    assert not h.tracker.obs_closed


def test_mute_volume_and_meters(link: LinkHarness) -> None:
    h = link
    h.link.request("SetInputMute", {"inputName": "Clip", "inputMuted": True}).result(5)
    h.wait(lambda: h.tracker.state.input("Clip").muted is True)  # type: ignore[union-attr]
    h.link.request("SetInputMute", {"inputName": "Clip", "inputMuted": False}).result(5)
    h.wait(lambda: h.tracker.state.input("Clip").muted is False)  # type: ignore[union-attr]
    h.link.request("SetInputVolume", {"inputName": "Clip", "inputVolumeDb": -6.0}).result(5)
    h.wait(lambda: abs((h.tracker.state.input("Clip").volume_db or 0) + 6.0) < 0.05)  # type: ignore[union-attr]
    h.link.request("SetInputVolume", {"inputName": "Clip", "inputVolumeDb": 0.0}).result(5)
    h.wait(lambda: h.tracker.meter_updates > 0, message="first InputVolumeMeters")
    # Meters keep coming; how many a second is a wall-clock figure, which a loaded machine bends: not asserted.
    start = h.tracker.meter_updates
    h.wait(lambda: h.tracker.meter_updates >= start + 20, message="InputVolumeMeters keep arriving")
    levels = h.tracker.meters.get("Clip")
    assert levels and max(channel[0] for channel in levels) > 0.001, "the 440 Hz tone must show on the meter"


def test_program_screenshot_is_a_real_image(link: LinkHarness) -> None:
    data = link.link.request(
        "GetSourceScreenshot", {"sourceName": "Main", "imageFormat": "png", "imageWidth": 160}
    ).result(10)
    header, encoded = data["imageData"].split(",", 1)
    assert header == "data:image/png;base64"
    image = Image.open(io.BytesIO(base64.b64decode(encoded))).convert("L")
    assert image.size == (160, 90)
    low, high = cast(tuple[int, int], image.getextrema())  # one band ("L"): one (low, high) pair
    assert high - low > 50, "a uniform picture is not a real frame of the test clip"


def test_streaming_bitrate_agrees_with_the_receiver(real_obs: RealObs, link: LinkHarness) -> None:
    h = link
    start_stream(h)
    # 20 s: room for one OBS connect retry (RetryDelay 2 s) if the receiver was slow to accept.
    h.wait(lambda: h.tracker.rates is not None and h.tracker.rates.bitrate_kbps is not None, timeout=20)
    h.wait(lambda: (real_obs.receiver.bytes_in() or 0) > 0, timeout=10, message="bytes at the receiver")
    first_bytes, first_t = real_obs.receiver.bytes_in(), time.monotonic()
    console: list[float] = []
    frames_before = h.tracker.rates.stream_bytes  # type: ignore[union-attr]
    while time.monotonic() - first_t < 6.0:
        h.pump()
        if h.tracker.rates and h.tracker.rates.bitrate_kbps is not None:
            console.append(h.tracker.rates.bitrate_kbps)
        time.sleep(0.25)
    received_kbps = ((real_obs.receiver.bytes_in() or 0) - (first_bytes or 0)) * 8 / 1000 / (time.monotonic() - first_t)
    console_kbps = sum(console) / len(console)
    assert received_kbps > 0.5 * (VIDEO_KBPS + AUDIO_KBPS) * 0.3
    assert abs(console_kbps - received_kbps) <= 0.25 * received_kbps, (console_kbps, received_kbps)
    rates = h.tracker.rates
    assert rates is not None and (rates.stream_bytes or 0) > (frames_before or 0)
    assert rates.network_drop_pct in (None, 0.0), "no network drops at baseline"
    stats = h.link.request("GetStreamStatus").result(5)
    assert stats["outputTotalFrames"] > FPS * 4 and stats["outputSkippedFrames"] == 0


def test_receiver_restart_is_a_reconnect_with_sane_rates(real_obs: RealObs, link: LinkHarness) -> None:
    h = link
    start_stream(h)
    # 20 s: room for one OBS connect retry (RetryDelay 2 s) if the receiver was slow to accept.
    h.wait(lambda: h.tracker.rates is not None and h.tracker.rates.bitrate_kbps is not None, timeout=20)
    real_obs.receiver.kill()
    h.wait(lambda: h.tracker.state.stream.reconnecting, timeout=10, message="OBS reports reconnecting")
    real_obs.receiver.start()
    h.wait(lambda: h.tracker.state.stream.state == OutputState.RECONNECTED, timeout=20, message="reconnected")
    ceiling = 4 * (VIDEO_KBPS + AUDIO_KBPS)
    deadline = time.monotonic() + 6
    while time.monotonic() < deadline:
        h.pump()
        rates = h.tracker.rates
        if rates is not None:
            assert rates.bitrate_kbps is None or 0 <= rates.bitrate_kbps < ceiling, rates.bitrate_kbps
            for value in (rates.network_drop_pct, rates.encode_drop_pct, rates.render_drop_pct):
                assert value is None or 0 <= value <= 100
        time.sleep(0.2)
    assert h.tracker.rates is not None and (h.tracker.rates.bitrate_kbps or 0) > 0


def test_frozen_obs_times_out_cleanly_and_counts_render_lag(real_obs: RealObs, make_link: MakeLink) -> None:
    h = make_link(
        real_obs.obs.port, password=real_obs.obs.password, poll_interval=0.5, heartbeat_timeout=1.0, request_timeout=3.0
    )
    h.wait(lambda: h.tracker.status.state is LinkState.CONNECTED, timeout=15)
    before = h.link.request("GetStats").result(5)["renderSkippedFrames"]
    real_obs.obs.freeze()
    try:
        with pytest.raises(RequestTimeout):
            h.link.request("GetStats", timeout=1.0).result(5)
        h.wait(lambda: h.tracker.status.state is LinkState.UNRESPONSIVE, timeout=5, message="heartbeat noticed")
        time.sleep(0.5)
    finally:
        real_obs.obs.thaw()
    h.wait(lambda: h.tracker.status.state is LinkState.CONNECTED, timeout=10, message="OBS answers again")
    after = h.link.request("GetStats").result(5)["renderSkippedFrames"]
    assert after - before >= FPS, f"about 2 s of render lag expected, got {after - before} frames"


def test_obs_killed_and_started_again(real_obs: RealObs, link: LinkHarness) -> None:
    h = link
    h.wait(lambda: h.tracker.meter_updates > 5)
    real_obs.obs.kill()
    h.wait(lambda: h.tracker.status.state is LinkState.RECONNECTING, timeout=10)
    # The first retry can already have found the port closed (it comes 0.2-0.5 s later); the loss itself is said
    # by the first reconnecting status.
    first = next(s for s in h.statuses if s.state is LinkState.RECONNECTING)
    assert first.failure is not None and first.failure.kind is FailureKind.CONNECTION_LOST
    assert h.tracker.status.lost_since == first.lost_since
    real_obs.obs.start()
    h.wait(lambda: h.tracker.status.state is LinkState.CONNECTED and h.tracker.snapshots == 2, timeout=30)
    assert h.tracker.state.scenes == ("Main", "直播中", "商品特写")
    meters = h.tracker.meter_updates
    h.wait(lambda: h.tracker.meter_updates > meters + 10, timeout=5, message="meters resubscribed")


def test_obs_quitting_cleanly_is_obs_closed(real_obs: RealObs, link: LinkHarness) -> None:
    h = link
    time.sleep(2.0)  # OBS 29 can crash on SIGINT right after start (a Qt teardown race)
    real_obs.obs.quit()
    h.wait(
        lambda: sum(s.state is LinkState.RECONNECTING for s in h.statuses) >= 3,
        timeout=15,
        message="a few retries while OBS is gone",
    )
    failure = h.tracker.status.failure
    assert failure is not None
    if real_obs.obs.proc is not None and real_obs.obs.proc.returncode == 0:
        # Later retries find the port closed; the status still says why: OBS was closed.
        assert failure.kind is FailureKind.OBS_CLOSED and h.tracker.obs_closed
        assert failure.close_code == 1001
    assert not [e for e in h.tracker.events if e.event_type in ("SceneRemoved", "InputRemoved")]
    assert h.tracker.state.scenes == ("Main", "直播中", "商品特写")


def test_studio_mode_off_on_a_real_obs_is_one_change_with_no_flicker(link: LinkHarness) -> None:
    """What the simulator copies, on OBS 29 itself: leaving studio mode, OBS names the preview and then the program as
    program scene before studio mode off; the tracker reads it as studio mode off alone (obs/tracker.py)."""
    from obs.messages import ObsEvent
    from tests.obs.test_tracker_studio import _studio, _watch

    h = link
    before = h.link.request("GetCurrentProgramScene").result(5)["currentProgramSceneName"]
    _studio(h, "直播中", "商品特写")
    try:
        h.link.request("SetStudioModeEnabled", {"studioModeEnabled": False}).result(5)
        programs, applied = _watch(h, "StudioModeStateChanged")
        assert set(programs) == {"直播中"}
        assert "CurrentProgramSceneChanged" not in [i.event_type for i in applied if isinstance(i, ObsEvent)]
    finally:
        h.link.request("SetStudioModeEnabled", {"studioModeEnabled": False}).result(5)
        # The OBS is shared by the unit's later tests: its program scene back as it was (the muted-microphone test
        # puts its input in the program scene it finds, and failed in CI when this left 直播中 on program).
        h.link.request("SetCurrentProgramScene", {"sceneName": before}).result(5)
