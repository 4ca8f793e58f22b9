"""Each scripted fault of the simulator produces the signal real OBS shows for it (shared/notes)."""

from __future__ import annotations

import base64
import io

from PIL import Image, ImageChops, ImageStat

from obs.client import ObsClient
from obs.simulator.room import Room, live_commerce_room, mul_to_db
from obs.simulator.server import SimulatorThread
from obs.stats import StatsSample, StatsTracker
from tests.conftest import PASSWORD


def run(room: Room, seconds: float, tracker: StatsTracker, start: float) -> float:
    """Advance the room in 1-s polls of simulated time; return the new time."""
    t = start
    for _ in range(int(seconds)):
        t += 1.0
        room.tick(t)
        sample = StatsSample(
            t, room.stats(t), room.stream_status(t), room.record_status(t), since=t - 1.0, interval=1.0
        )
        tracker.update(sample)
    return t


def streaming_room() -> tuple[Room, StatsTracker, float]:
    room = live_commerce_room(0.0, seed=1)
    room.start_output(room.stream, 0.0)
    tracker = StatsTracker()
    return room, tracker, run(room, 12, tracker, 0.0)


def test_baseline_is_clean() -> None:
    _, tracker, _ = streaming_room()
    rates = tracker.last
    assert rates is not None
    assert rates.network_drop_pct == 0 and rates.encode_drop_pct == 0 and rates.render_drop_pct == 0
    assert 2400 < rates.bitrate_kbps < 2900  # type: ignore[operator]
    assert rates.fps is not None and abs(rates.fps - 30) < 0.5


def test_congestion_drops_network_frames() -> None:
    room, tracker, t = streaming_room()
    room.faults["congestion"] = 1.0
    run(room, 12, tracker, t)
    rates = tracker.last
    assert rates is not None and rates.congestion is not None and rates.congestion > 0.8
    assert rates.network_drop_pct is not None and rates.network_drop_pct > 5
    assert rates.bitrate_kbps is not None and rates.bitrate_kbps < 1600
    assert rates.encode_drop_pct == 0


def test_encoder_overload_skips_encoder_frames() -> None:
    room, tracker, t = streaming_room()
    room.faults["encoder-overload"] = 1.0
    run(room, 12, tracker, t)
    rates = tracker.last
    assert rates is not None and rates.encode_drop_pct is not None and rates.encode_drop_pct > 10
    assert rates.cpu_pct is not None and rates.cpu_pct > 50
    assert rates.network_drop_pct == 0


def test_render_lag_misses_frames() -> None:
    room, tracker, t = streaming_room()
    room.faults["render-lag"] = 1.0
    run(room, 12, tracker, t)
    rates = tracker.last
    assert rates is not None and rates.render_drop_pct is not None and rates.render_drop_pct > 5
    assert rates.fps is not None and rates.fps < 0.8 * 30
    assert rates.render_ms is not None and rates.render_ms > 1000 / 30


def test_low_disk_and_silent_mic() -> None:
    with SimulatorThread(password=PASSWORD, seed=2) as sim:
        sim.call(lambda s: s.inject("low-disk"))
        sim.call(lambda s: s.inject("silent-mic"))
        client = ObsClient("127.0.0.1", sim.port, PASSWORD)
        client.connect()
        try:
            assert client.request("GetStats")["availableDiskSpace"] < 1024
        finally:
            client.close()
        levels = sim.call(lambda s: s.room.meter_levels(1.0))
    by_name = {entry["inputName"]: entry["inputLevelsMul"] for entry in levels}
    assert max(mul_to_db(channel[0]) for channel in by_name["麦克风"]) < -60
    assert max(mul_to_db(channel[0]) for channel in by_name["桌面音频"]) > -60


def screenshot(client: ObsClient, source: str) -> Image.Image:
    data = client.request("GetSourceScreenshot", {"sourceName": source, "imageFormat": "png", "imageWidth": 160})
    return Image.open(io.BytesIO(base64.b64decode(data["imageData"].split(",", 1)[1]))).convert("RGB")


def test_camera_faults_show_in_screenshots() -> None:
    import time

    with SimulatorThread(password=PASSWORD, seed=3) as sim:
        client = ObsClient("127.0.0.1", sim.port, PASSWORD)
        client.connect()
        try:
            first = screenshot(client, "摄像机")
            time.sleep(0.3)
            assert ImageChops.difference(first, screenshot(client, "摄像机")).getbbox() is not None, "live video moves"
            sim.call(lambda s: s.inject("frozen-camera"))
            frozen = screenshot(client, "摄像机")
            time.sleep(0.3)
            assert ImageChops.difference(frozen, screenshot(client, "摄像机")).getbbox() is None
            sim.call(lambda s: s.clear("frozen-camera"))
            sim.call(lambda s: s.inject("black-camera"))
            assert max(ImageStat.Stat(screenshot(client, "摄像机")).mean) < 1.0
            jpeg = client.request("GetSourceScreenshot", {"sourceName": "直播中", "imageFormat": "jpg"})
            assert jpeg["imageData"].startswith("data:image/jpeg;base64,")
        finally:
            client.close()
