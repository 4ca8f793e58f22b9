"""Health benchmark: the time and memory to analyze a 100 MB OBS log (target under 5 s, memory bounded).

    .venv/bin/python benchmarks/health.py [--megabytes 100]

The log is built from a realistic OBS 29 session repeated (streaming starts and stops, reconnects, loss
totals, encoder settings) and analyzed in a child process, so the peak memory is the analyzer's own.
(The live health engine's cost per sample is added here when the engine lands.)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
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
