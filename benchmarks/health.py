"""Health benchmark: the live health engine's cost per telemetry second, and the time and memory to analyze
a 100 MB OBS log (target under 5 s, memory bounded).

    .venv/bin/python benchmarks/health.py [--megabytes 100] [--hours 8]

The engine is fed an 8-hour show of 1 Hz seconds (healthy noise with an incident every few minutes: render
lag, congestion with drops, a reconnect, a CPU spike, low disk while recording), as the console's tick does.
The log is built from a realistic OBS 29 session repeated (streaming starts and stops, reconnects, loss
totals, encoder settings) and analyzed in a child process, so the peak memory is the analyzer's own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HEADER = "10:00:00.000: OBS 29.0.2 (linux)\n10:00:00.001: Loading up OpenGL on adapter Mesa llvmpipe\n"
SESSION = """10:00:05.000: [x264 encoder: 'simple_video_stream'] preset: veryfast
10:00:05.000: [x264 encoder: 'simple_video_stream'] settings:
10:00:05.000: 	rate_control: CBR
10:00:05.000: 	bitrate:      2500
10:00:05.100: [rtmp stream: 'simple_stream'] Connection to rtmp://live.example/app successful
10:00:05.101: ==== Streaming Start ===============================================
10:05:00.000: [obs-websocket] [WebSocketServer::onOpen] New WebSocket client has connected from [::1]:50000
10:10:00.000: Output 'simple_stream': Number of lagged frames due to rendering lag/stalls: 12 (0.1%)
10:10:00.000: Output 'simple_stream': Number of dropped frames due to insufficient bandwidth/connection stalls: 30 (0,3%)
10:10:00.000: Output 'simple_stream': Total frames output: 9000
10:10:00.001: Output 'simple_stream': Reconnecting in 2.00 seconds..
10:20:00.000: User switched to scene '直播中'
10:30:00.000: Output 'simple_stream': Total frames output: 18000
10:30:00.001: Video stopped, number of skipped frames due to encoding lag: 20/27000 (0.1%)
10:30:00.002: ==== Streaming Stop ================================================
"""


def child(path: str) -> None:
    sys.path.insert(0, str(REPO))
    from obs.logfile import analyze

    started = time.perf_counter()
    report = analyze(Path(path))
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {"seconds": elapsed, "peak_mb": peak_mb, "sessions": len(report.sessions), "findings": len(report.findings)}
        )
    )


def show_seconds(hours: float) -> list[dict[str, float | None]]:
    """A long show's telemetry: noisy but healthy, with one incident every five minutes."""
    import random

    rng = random.Random(5)
    incidents: list[dict[str, float | None]] = [
        {"drop_render_pct": 12.0, "fps": 22.0, "render_ms": 40.0},
        {"congestion": 0.95, "drop_network_pct": 18.0, "bitrate_kbps": 900.0},
        {"reconnecting": 1.0, "bitrate_kbps": None},
        {"cpu_system_pct": 99.0},
        {"recording": 1.0, "record_kbps": 50_000.0, "disk_free_mb": 900.0},
    ]
    seconds = []
    for second in range(int(hours * 3600)):
        values: dict[str, float | None] = {
            "bitrate_kbps": 2500 + rng.gauss(0, 60), "congestion": max(0.0, rng.gauss(0.05, 0.04)),
            "fps": 30.0, "fps_target": 30.0, "render_ms": 4 + rng.random(), "frame_budget_ms": 33.3,
            "drop_render_pct": 0.0, "drop_encode_pct": 0.0, "drop_network_pct": 0.0, "obs_cpu_pct": 12.0,
            "disk_free_mb": 120_000.0, "record_kbps": None, "streaming": 1.0, "recording": 0.0,
            "reconnecting": 0.0, "cpu_system_pct": rng.uniform(20, 60), "obs_process_cpu_pct": 12.0,
        }  # fmt: skip
        if second % 300 < 40:
            values.update(incidents[second // 300 % len(incidents)])
        seconds.append(values)
    return seconds


def engine_cost(hours: float) -> None:
    sys.path.insert(0, str(REPO))
    from obs.health import HealthEngine

    seconds = show_seconds(hours)
    engine = HealthEngine("obs_x264")
    timings = []
    changes = 0
    for t, values in enumerate(seconds):
        started = time.perf_counter()
        changes += len(engine.feed(float(t), values))
        timings.append(time.perf_counter() - started)
    timings.sort()
    per = sum(timings) / len(timings)
    print(f"Live health engine over a {hours:g}-hour show at 1 Hz ({len(seconds):,} seconds, {changes:,} changes):")
    print(
        f"  {per * 1e6:.0f} µs per second on average, p99 {timings[int(len(timings) * 0.99)] * 1e6:.0f} µs, "
        f"max {timings[-1] * 1e6:.0f} µs  ({per * 100:.3f} % of one core at 1 Hz)"
    )
    print(f"  {len(engine.timeline()):,} findings in the show's timeline")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--hours", type=float, default=8.0)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    engine_cost(args.hours)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "2026-11-23 10-00-00.txt"
        target = args.megabytes * 1024 * 1024
        # A long show: a few streaming sessions in a sea of the lines OBS writes all the time.
        noise = "".join(
            f"10:{m:02d}:{s:02d}.000: [obs-websocket] [WebSocketServer::onOpen] New WebSocket client "
            f"has connected from [::1]:{50000 + s}\n10:{m:02d}:{s:02d}.500: User switched to scene "
            "'直播中'\n"
            for m in range(60)
            for s in range(60)
        ).encode()
        with path.open("wb") as handle:
            handle.write(HEADER.encode())
            written = len(HEADER)
            while written < target:
                handle.write(SESSION.encode() + noise * 4)
                written += len(SESSION) + 4 * len(noise)
        size_mb = path.stat().st_size / 1024 / 1024
        baseline = subprocess.run(
            [sys.executable, "-c", "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"],
            capture_output=True,
            text=True,
        )
        result = json.loads(
            subprocess.run(
                [sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True
            ).stdout
        )
    print(
        f"OBS log analysis of a {size_mb:.0f} MB log ({result['sessions']:,} streaming sessions in noise, "
        f"{result['findings']:,} findings):"
    )
    print(f"  {result['seconds']:.2f} s   (target < 5 s); {size_mb / result['seconds']:.0f} MB/s")
    print(
        f"  peak memory {result['peak_mb']:.0f} MB for the whole process (a bare Python: "
        f"{float(baseline.stdout):.0f} MB)"
    )


if __name__ == "__main__":
    main()
