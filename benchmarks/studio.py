"""Studio wall, shared mode: 50 rooms publishing their live status at 1 Hz (and a thumbnail every 10 s) into a real
PostgreSQL, read by one SharedStudio as the supervisor's wall reads them.

    .venv/bin/python benchmarks/studio.py [--minutes 10] [--rooms 50] [--postgres URL]

Without --postgres a throwaway PostgreSQL cluster is started (initdb/pg_ctl, as the tests do). The publishers run
in a child process (the rooms' consoles are other machines; their work is not the wall's); the wall's reader
runs here. Prints:
- the wall's CPU: the reader thread's own CPU time (LISTEN, fetching the changed rows, one JSON decode per change)
  over the measured minutes, as % of one core. The Qt wall's painting is measured by the wall's own benchmark;
- latency from publish() in a room's console to the wall's `changed` callback (p50, p99, max), both clocks being
  this machine's;
- the database's growth per room-hour: the studio tables' size (rows are updated in place) and the WAL written.
Asserts nothing (shared, noisy machines).
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from console.core.studio.shared import SharedStudio, StatusPublisher  # noqa: E402
from console.core.studio.status import Light, ProblemDetail, RoomStatus, StudioProblem  # noqa: E402
from tests.conftest import throwaway_database  # noqa: E402

#: The first seconds (connections, first claims, the full read) are not the steady state being measured.
WARM_UP_S = 15.0
THUMBNAIL_EVERY_S = 10


def room_name(n: int) -> str:
    return f"{n + 1:02d}号直播间"


# ---------------------------------------------------------------------- the rooms (child process)
def thumbnail(now: float) -> bytes:
    """A real JPEG of the simulated room's program (the demo room's picture), 320×180 as a tile shows it."""
    from obs.simulator.images import render_source
    from obs.simulator.room import live_commerce_room

    room = live_commerce_room(now, seed=1)
    image = render_source(room, room.program, 320, 180, now)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def run_rooms(url: str, rooms: int, seconds: float) -> None:
    """Each room publishes once a second, spread over the second as unsynchronised consoles are."""
    publishers = [StatusPublisher(url, room_name(n), f"bench-pc-{n} (pid {n})").start() for n in range(rooms)]
    picture = thumbnail(time.time())
    start = time.time() + 1.0
    tick = 0
    try:
        while time.time() < start + seconds:
            for n, publisher in enumerate(publishers):
                due = start + tick + n / rooms
                delay = due - time.time()
                if delay > 0:
                    time.sleep(delay)
                now = time.time()
                lights = {"network": Light.OK, "encoding": Light.WARNING if (tick + n) % 17 == 0 else Light.OK}
                publisher.publish(
                    RoomStatus(
                        room=publisher.room,
                        at=now,
                        heartbeat=now,
                        link="connected",
                        on_air=True,
                        on_air_since=start,
                        program_scene="直播中",
                        lights=lights,
                        bitrate_kbps=6000.0 + (tick * 37 + n) % 400,
                        dropped_pct=0.0,
                        viewers=1000 + (tick * 7 + n * 13) % 300,
                        viewers_history=tuple(1000 + i for i in range(30)),
                        comments_per_min=40.0,
                    )
                )
                if (tick + n) % THUMBNAIL_EVERY_S == 0:
                    publisher.publish_thumbnail(picture, now)
            tick += 1
    finally:
        for publisher in publishers:
            publisher.close()
    written = sum(p.written for p in publishers)
    print(json.dumps({"written": written, "problems": [str(p.problem()) for p in publishers if p.problem()]}))


# ---------------------------------------------------------------------- the wall (this process)
class Measure:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.changes = 0
        self.measuring = False
        self.problems: list[tuple[StudioProblem, ProblemDetail]] = []

    def changed(self, statuses: list[RoomStatus]) -> None:
        now = time.time()
        with self.lock:
            if self.measuring:
                self.changes += len(statuses)
                self.latencies.extend(now - status.at for status in statuses)

    def problem(self, problem: StudioProblem, detail: ProblemDetail) -> None:
        with self.lock:
            self.problems.append((problem, detail))


def thread_cpu(native_id: int) -> float:
    import psutil

    for thread in psutil.Process().threads():
        if thread.id == native_id:
            return float(thread.user_time + thread.system_time)
    raise RuntimeError("the reader thread is gone")


def studio_size(url: str) -> tuple[int, int]:
    """(bytes of the studio tables with their indexes and TOAST, the WAL position)."""
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as connection:
        row = connection.execute(
            "SELECT pg_total_relation_size('studio_rooms') + pg_total_relation_size('studio_thumbnails'), "
            "pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint"
        ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def measure(url: str, rooms: int, minutes: float) -> None:
    from console.core.storage import Storage

    storage = Storage(url)
    storage.migrate()
    storage.close()
    measured_s = minutes * 60
    child = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--rooms-only",
            url,
            "--rooms",
            str(rooms),
            "--seconds",
            str(WARM_UP_S + measured_s),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    wall = SharedStudio(url)
    numbers = Measure()
    wall.subscribe(numbers.changed, numbers.problem)
    try:
        time.sleep(WARM_UP_S)
        assert wall.native_id is not None
        cpu0, size0 = thread_cpu(wall.native_id), studio_size(url)
        t0 = time.monotonic()
        with numbers.lock:
            numbers.measuring = True
        time.sleep(measured_s)
        with numbers.lock:
            numbers.measuring = False
        cpu1, size1 = thread_cpu(wall.native_id), studio_size(url)
        elapsed = time.monotonic() - t0
        out, _ = child.communicate(timeout=120)
    finally:
        wall.close()
        if child.poll() is None:
            child.kill()
    summary = json.loads(out.strip().splitlines()[-1])
    hours = elapsed / 3600
    with numbers.lock:
        latencies = [1000 * v for v in numbers.latencies]
        changes = numbers.changes
    print(f"{rooms} rooms at 1 Hz for {elapsed / 60:.1f} min (after {WARM_UP_S:.0f} s warm-up)")
    print(f"  statuses written by the rooms:  {summary['written']} (problems: {summary['problems'] or 'none'})")
    print(f"  changes seen by the wall:       {changes} ({changes / elapsed:.1f}/s)")
    print(f"  wall reader CPU:                {100 * (cpu1 - cpu0) / elapsed:.2f} % of one core")
    if latencies:
        print(
            f"  publish → wall latency:         p50 {statistics.median(latencies):.1f} ms, "
            f"p99 {percentile(latencies, 0.99):.1f} ms, max {max(latencies):.1f} ms"
        )
    table_growth = (size1[0] - size0[0]) / (rooms * hours)
    wal = (size1[1] - size0[1]) / (rooms * hours)
    print(f"  studio tables:                  {size1[0] / 1024:.0f} KiB now ({rooms} rooms)")
    print(f"  table growth per room-hour:     {table_growth / 1024:.1f} KiB (rows are updated in place)")
    print(f"  WAL written per room-hour:      {wal / 1024 / 1024:.1f} MiB (recycled by checkpoints, not kept)")
    print(f"  wall problems:                  {numbers.problems or 'none'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to measure (default 10)")
    parser.add_argument("--rooms", type=int, default=50, help="rooms publishing (default 50)")
    parser.add_argument("--postgres", metavar="URL", help="an empty PostgreSQL database (default: a throwaway one)")
    parser.add_argument("--rooms-only", metavar="URL", help=argparse.SUPPRESS)  # the child process
    parser.add_argument("--seconds", type=float, default=0.0, help=argparse.SUPPRESS)
    args: Any = parser.parse_args(argv)
    if args.rooms_only:
        run_rooms(args.rooms_only, args.rooms, args.seconds)
        return 0
    with throwaway_database("studio", args.postgres) as url:
        measure(url, args.rooms, args.minutes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
