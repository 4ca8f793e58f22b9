"""Audio-rules benchmark: what the audio health rules cost on top of the engine, as the console feeds them.

    .venv/bin/python benchmarks/health_audio.py [--inputs 4,16,32] [--seconds 3600]

Per meter event (OBS sends InputVolumeMeters at 20 Hz): the tracker's reduction of every input's levels
(`LevelAggregator.add`). Per telemetry second: building the audio facts from the state and the reduced
meters (`audio_second`) and one engine second with the audio rules, against the same engine without
audio facts (the audio rules then say "unknown" and cost almost nothing).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from obs.health import HealthEngine  # noqa: E402
from obs.health_audio import LevelAggregator, audio_second  # noqa: E402
from obs.state import InputState, ObsState  # noqa: E402

BASE = {
    "bitrate_kbps": 2500.0, "congestion": 0.02, "fps": 30.0, "fps_target": 30.0, "render_ms": 4.0,
    "frame_budget_ms": 33.3, "drop_render_pct": 0.0, "drop_encode_pct": 0.0, "drop_network_pct": 0.0,
    "obs_cpu_pct": 12.0, "disk_free_mb": 120_000.0, "record_kbps": None, "streaming": 1.0, "recording": 0.0,
    "reconnecting": 0.0, "cpu_system_pct": 35.0, "obs_process_cpu_pct": 12.0,
}  # fmt: skip


def room(inputs: int) -> ObsState:
    kinds = ["pulse_input_capture", "pulse_output_capture", "ffmpeg_source"]
    names = ["麦克风", "桌面音频", "商品视频"] + [f"嘉宾麦克风 {n}" for n in range(1, inputs - 2)]
    return ObsState(
        connected=True,
        inputs=tuple(
            InputState(name, kinds[min(index, 2)] if index < 3 else kinds[0], muted=False, video_active=True)
            for index, name in enumerate(names[:inputs])
        ),
    )


def run(inputs: int, seconds: int) -> None:
    rng = random.Random(3)
    state = room(inputs)
    events = [
        [
            {"inputName": i.name, "inputLevelsMul": [[m := rng.random() * 0.3, m * 1.4, m * 1.4]] * 2}
            for i in state.inputs
        ]
        for _ in range(200)
    ]
    aggregator = LevelAggregator()
    started = time.perf_counter()
    for second in range(seconds):
        for tick in range(20):
            aggregator.add(events[(second * 20 + tick) % len(events)])
    per_event = (time.perf_counter() - started) / (seconds * 20)

    with_audio, without = HealthEngine("x264"), HealthEngine("x264")
    facts_s = feed_s = bare_s = 0.0
    for second in range(seconds):
        for tick in range(20):
            aggregator.add(events[(second * 20 + tick) % len(events)])
        t0 = time.perf_counter()
        with_audio.audio = audio_second(state, aggregator.take())
        t1 = time.perf_counter()
        with_audio.feed(float(second), BASE)
        t2 = time.perf_counter()
        without.feed(float(second), BASE)
        t3 = time.perf_counter()
        facts_s, feed_s, bare_s = facts_s + t1 - t0, feed_s + t2 - t1, bare_s + t3 - t2
    print(f"{inputs} audio inputs, {seconds:,} seconds at 20 meter events/s:")
    print(f"  meter reduction  {per_event * 1e6:6.1f} µs per event ({per_event * 20 * 100:.3f} % of a core)")
    print(f"  audio facts      {facts_s / seconds * 1e6:6.1f} µs per second")
    print(
        f"  engine second    {feed_s / seconds * 1e6:6.1f} µs with audio facts, {bare_s / seconds * 1e6:6.1f} µs "
        "without (all rules)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inputs", default="4,16,32")
    parser.add_argument("--seconds", type=int, default=3600)
    args = parser.parse_args()
    for count in (int(n) for n in args.inputs.split(",")):
        run(count, args.seconds)


if __name__ == "__main__":
    main()
