"""Checklist benchmark: a 20-item sensed checklist against the simulator (in its own process).

    .venv/bin/python benchmarks/checklists.py [--runs 5]

The listening windows (a 3 s microphone check, 2 s frozen-picture checks) are deliberate; the
sensed items run side by side, so the whole list should take about as long as the longest window.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks._simulator import PASSWORD, start_simulator  # noqa: E402
from checklists.context import SessionContext  # noqa: E402
from checklists.engine import ChecklistRun  # noqa: E402
from checklists.model import Item, Section, Template  # noqa: E402
from obs.session import ObsSession  # noqa: E402

ITEMS = [
    ("obs.connected", {}),
    ("obs.version_at_least", {"version": "29.0"}),
    ("obs.scene_exists", {"scene": "直播中"}),
    ("obs.scene_exists", {"scene": "商品特写"}),
    ("obs.program_scene", {"scene": "等待开始"}),
    ("obs.input_exists", {"input": "摄像机"}),
    ("obs.input_not_muted", {"input": "麦克风"}),
    ("obs.input_not_muted", {"input": "桌面音频"}),
    ("audio.level_above", {"input": "麦克风", "seconds": 3.0}),
    ("audio.level_above", {"input": "桌面音频", "seconds": 3.0}),
    ("video.not_black", {"source": "摄像机"}),
    ("video.not_frozen", {"source": "摄像机", "seconds": 2.0}),
    ("video.not_black", {"source": "直播中"}),
    ("video.not_frozen", {"source": "商品特写", "seconds": 2.0}),
    ("obs.stream_configured", {}),
    ("obs.output_video", {"width": 1280, "height": 720, "fps": 30}),
    ("obs.video_bitrate", {"min_kbps": 1500, "max_kbps": 6000}),
    ("system.disk_free", {"min_gb": 10}),
    ("system.cpu_headroom", {"max_pct": 95}),
    ("obs.output_state", {"output": "stream", "active": False}),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sim, port = start_simulator()
    template = Template(
        "bench",
        {"en": "Bench"},
        "any",
        (
            Section(
                {"en": "S"},
                tuple(Item(f"item-{n}", {"en": name}, name, params) for n, (name, params) in enumerate(ITEMS)),
            ),
        ),
    )
    try:
        with ObsSession("127.0.0.1", port, PASSWORD, poll_interval=None) as session:
            assert session.wait_connected(10), "could not connect to the simulator"
            time.sleep(0.5)
            durations, failures = [], 0
            for _ in range(args.runs):
                run = ChecklistRun(template, "bench", "sim")
                started = time.perf_counter()
                run.check(SessionContext(session))
                durations.append(time.perf_counter() - started)
                failures += sum(1 for s in run.states.values() if s.status.value != "passed")
    finally:
        sim.terminate()
        sim.wait(5)
    print(f"20-item sensed checklist against the simulator, {args.runs} runs (longest listening window 3 s):")
    print(
        f"  median {statistics.median(durations):.2f} s, min {min(durations):.2f} s, max {max(durations):.2f} s"
        f"   (target <= 3 s); items not passed: {failures}"
    )


if __name__ == "__main__":
    main()
