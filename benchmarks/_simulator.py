"""The demo OBS in a process of its own, for benchmarks: nothing it does is counted as the console's work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "bench-password"


def start_simulator(port: int = 0, audio_inputs: int = 0) -> tuple[subprocess.Popen[str], int]:
    """Start `onair demo-obs` (password PASSWORD) and return the process and the port it listens on."""
    env = dict(os.environ, ONAIR_BENCH_PW=PASSWORD)
    more = ["--audio-inputs", str(audio_inputs)] if audio_inputs else []
    proc = subprocess.Popen(
        [sys.executable, "-m", "console", "demo-obs", "--port", str(port), "--password-env", "ONAIR_BENCH_PW", *more],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if "ws://127.0.0.1:" not in line:
        proc.kill()
        raise SystemExit(f"the simulator did not start: {line.strip() or 'no output'}")
    return proc, int(line.split("ws://127.0.0.1:")[1].split()[0])
