"""Checklist benchmark: a 20-item sensed checklist against the simulator (in its own process), and what a
hostile checklist file costs to refuse.

    .venv/bin/python benchmarks/checklists.py [--runs 5]     # the sensed run
    .venv/bin/python benchmarks/checklists.py --files        # loading or refusing big files

The listening windows (a 3 s microphone check, 2 s frozen-picture checks) are deliberate; the
sensed items run side by side, so the whole list should take about as long as the longest window.

--files loads, each in a fresh process (so its peak memory is its own), a file with the most items the
loader accepts (MAX_ITEMS), files just past each limit, and the 100,000-item file of the torture run
(which took 50 s and 794 MB before the limits).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks._simulator import PASSWORD, start_simulator  # noqa: E402
from checklists.context import SessionContext  # noqa: E402
from checklists.engine import ChecklistRun  # noqa: E402
from checklists.model import Item, Section, Template  # noqa: E402
from obs.session import ObsSession  # noqa: E402

ITEMS: list[tuple[str, dict[str, Any]]] = [
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


def _items_file(count: int, flow: bool = False) -> str:
    head = "id: big\ntitle: Big\nsections:\n  - title: S\n    items:\n"
    if flow:
        return head + "".join(f"      - {{id: i{n}, title: Item {n}, manual: true}}\n" for n in range(count))
    return head + "".join(f"      - id: i{n}\n        title: Item {n}\n        manual: true\n" for n in range(count))


_PROBE = """
import json, sys, time
from pathlib import Path
from checklists.loader import load_file

def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

# A spawned child starts with its parent's high-water mark: reset it (Linux 4.0+) so the peak is this load's.
with open("/proc/self/clear_refs", "w") as handle:
    handle.write("5")
start = time.perf_counter()
template, problems = load_file(Path(sys.argv[1])) if len(sys.argv) > 1 else (None, [])
print(json.dumps({"s": time.perf_counter() - start, "rss_mb": peak_mb(),
                  "items": len(template.items) if template else 0, "problem": str(problems[0]) if problems else ""}))
"""


def _load_in_a_fresh_process(path: Path | None) -> dict[str, float | str]:
    """Time and peak RSS of load_file in a new interpreter (None: the same interpreter loading nothing)."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    argv = [sys.executable, "-c", _PROBE, *([str(path)] if path else [])]
    result = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
    return dict(json.loads(result.stdout))


def files() -> None:
    from checklists.loader import MAX_FILE_BYTES, MAX_ITEMS, MAX_NODES

    baseline = float(_load_in_a_fresh_process(None)["rss_mb"])
    cases = [
        (f"{MAX_ITEMS} items (the most accepted)", _items_file(MAX_ITEMS)),
        (f"{MAX_ITEMS + 1} items", _items_file(MAX_ITEMS + 1)),
        (f"{MAX_NODES:,}+ YAML values under {MAX_FILE_BYTES // 1024} KB", _items_file(2_500, flow=True)),
        ("5,000-deep nesting", "id: t\ntitle: T\nsections: " + "[" * 5000 + "]" * 5000 + "\n"),
        ("100,000 items (the torture run's file)", _items_file(100_000)),
    ]
    print(
        f"Loading or refusing checklist files, each in a fresh process (limits: {MAX_FILE_BYTES // 1024} KB, "
        f"{MAX_ITEMS} items, {MAX_NODES:,} YAML values, depth 32); interpreter with the loader imported: "
        f"{baseline:.0f} MB"
    )
    with tempfile.TemporaryDirectory() as folder:
        for label, text in cases:
            path = Path(folder) / "big.yaml"
            path.write_text(text, encoding="utf-8")
            figures = _load_in_a_fresh_process(path)
            seconds, peak = float(figures["s"]), float(figures["rss_mb"])
            outcome = f"loaded, {figures['items']} items" if figures["items"] else f"refused: {figures['problem']}"
            print(
                f"  {label:42} {len(text.encode()) / 1024:6.0f} KB {seconds * 1000:6.0f} ms "
                f"peak {peak:4.0f} MB (+{peak - baseline:.0f})  {outcome.replace(str(path), path.name)}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--files", action="store_true", help="measure loading and refusing big checklist files")
    args = parser.parse_args()
    if args.files:
        files()
        return
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
