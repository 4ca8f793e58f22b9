"""Telemetry writer benchmark: the writer thread's CPU per written second of a show, on SQLite and on a
throwaway PostgreSQL, in the console's steady state (one sample row a second, a finding now and then).

    .venv/bin/python benchmarks/writer.py [--seconds 300] [--runs 5] [--speed 50] [--postgres URL]

The real ShowWriter on its own thread is fed as the room's session feeds it (one `put` per telemetry tick with
that second's row), in time compressed `--speed` times (ticks and the flush interval both shrink), so a run
of 300 show seconds takes a few seconds. Measured: the writer thread's own CPU (its thread CPU clock), from
the first stored second to the last; the transactions it made. Median of `--runs`. Prints figures; asserts
nothing (shared, noisy machines).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from console.core.storage import Storage  # noqa: E402
from console.core.telemetry.channels import CHANNELS  # noqa: E402
from console.core.telemetry.writer import FLUSH_S, ShowWriter  # noqa: E402
from tests.conftest import throwaway_database  # noqa: E402

ROOM = "benchmark room"


def second(rng: random.Random, t: float) -> dict[str, Any]:
    """One second's row as console/core/telemetry/live.py sample_row gives it (some channels unknown)."""
    row: dict[str, Any] = {name: rng.uniform(0.0, 100.0) for name in CHANNELS}
    row.update(t=t, viewers=None, likes=None, interactions=None, cpu_cores="12.0,80.5,33.1,7.9")
    return row


def finding(t: float, first: float) -> dict[str, Any]:
    """An open episode's newest state, as obs/health's Finding.to_row gives it."""
    return {
        "key": f"render_lag:{first:.0f}",
        "finding_id": "render_lag",
        "category": "obs",
        "severity": "warning",
        "peak": "warning",
        "first_seen": first,
        "last_seen": t,
        "closed_at": None,
        "active": True,
        "message": "Rendering is lagging",
        "template": "Rendering is lagging ({lag} ms)",
        "fields": '{"lag": 40}',
        "remedies": "[]",
    }


def thread_cpu(thread: threading.Thread) -> float:
    assert thread.ident is not None
    return time.clock_gettime(time.pthread_getcpuclockid(thread.ident))


def one_run(url: str, seconds: int, speed: float, seed: int) -> tuple[float, int, int]:
    """(writer thread CPU s, seconds written, transactions) for `seconds` of show fed at `speed`×."""
    storage = Storage(url)
    storage.migrate()
    storage.close()
    problems: list[Any] = []
    ready = threading.Event()
    commits = [0]

    def opened() -> Storage:
        from sqlalchemy import event

        storage = Storage(url)
        event.listen(storage.engine, "commit", lambda _conn: commits.__setitem__(0, commits[0] + 1))
        return storage

    writer = ShowWriter(
        f"{ROOM} {seed}",
        on_history=lambda *_: ready.set(),
        on_problem=problems.append,
        open_storage=opened,
        flush_s=FLUSH_S / speed,
    )
    writer.start()
    ready.wait(30)
    rng = random.Random(seed)
    tick = 1.0 / speed
    t0 = time.time()
    # Warm-up: the first flushes load and compile (a one-off at a show's start).
    for i in range(10):
        writer.put([second(rng, t0 + i)], [])
        time.sleep(tick)
    while writer.written < 10:
        time.sleep(0.01)
    cpu0, commits0 = thread_cpu(writer._thread), commits[0]
    episode = 0.0
    for i in range(10, 10 + seconds):
        t = t0 + i
        findings = []
        if i % 120 == 0:
            episode = t  # an episode opens every 2 minutes and lasts 20 s, its row following it each second
        if episode and t - episode < 20:
            findings = [finding(t, episode)]
        writer.put([second(rng, t)], [], findings)
        time.sleep(tick)
    while writer.written < 10 + seconds:
        time.sleep(0.01)
    cpu = thread_cpu(writer._thread) - cpu0
    transactions = commits[0] - commits0
    writer.stop(timeout=10)
    if problems:
        print("  problems:", problems)
    return cpu, seconds, transactions


def run_on(name: str, url: str, args: argparse.Namespace) -> None:
    results = [one_run(url, args.seconds, args.speed, seed) for seed in range(args.runs)]
    per_second = sorted(cpu / written for cpu, written, _ in results)
    transactions = statistics.median(tx for _, _, tx in results)
    median = statistics.median(per_second)
    print(
        f"{name}: {median * 1e6:.0f} µs writer CPU per written second (runs {per_second[0] * 1e6:.0f}–"
        f"{per_second[-1] * 1e6:.0f}); {median * 60:.3f} CPU s per minute of show = {median * 100:.2f} % of a core; "
        f"{transactions / args.seconds:.2f} transactions per show second"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=300, help="show seconds per run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--speed", type=float, default=50.0, help="time compression")
    parser.add_argument("--postgres", help="a PostgreSQL URL to use instead of a throwaway cluster")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run_on("SQLite", f"sqlite:///{Path(folder) / 'writer.db'}", args)
    with throwaway_database("writer", args.postgres) as url:
        run_on("PostgreSQL 15", url, args)


if __name__ == "__main__":
    main()
