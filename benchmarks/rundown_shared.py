"""What following the room's other consoles costs a console that is idle (benchmarks, prints; not a test).

Every console of a room reads one small watch once a recorded second (Storage.rundown_watch: when the room's plan
was saved, the show's mark count and highest seq, its host line's change count) and reads the plan, the marks or
the line whole only when its part moved. Before it, a console read the mark (Storage.rundown_mark) every second and
the host line (Storage.host_line) every third second, and never noticed a plan saved elsewhere. This measures the
CPU those reads cost this process when nothing changed, on SQLite and on a throwaway PostgreSQL 15, with a show of
200 marks (a long show's boundaries) and a plan of 10 segments, and what a whole re-read (the marks and the
snapshot) costs when something did.

    .venv/bin/python -m benchmarks.rundown_shared [--reads 2000] [--database URL]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from console.core.rundown.live import GO, Mark
from console.core.rundown.model import Rundown, Segment
from console.core.storage import Storage
from tests.conftest import throwaway_database

ROOM = "一号直播间"
#: Before the watch, the line for the host was read every this many seconds.
LINE_EVERY = 3


def measure(url: str, reads: int) -> tuple[float, float, float]:
    """(CPU a second for the watch now, for the mark read plus a third of a line read before, a whole re-read)."""
    storage = Storage(url)
    try:
        storage.migrate()
        storage.save_rundown(Rundown(ROOM, tuple(Segment(f"环节{i}", 300, key=f"k{i}") for i in range(10))), "策划")
        show, _ = storage.open_show(ROOM, datetime.now(UTC), 60)
        t0 = time.time()
        for seq in range(200):
            row = Mark(seq, t0 + seq, f"s{seq}", f"环节{seq}", 60, GO, "场控小李").as_row()
            storage.claim_rundown_mark(show.id, row)
        storage.set_host_line(show.id, "3号链接马上上", "场控小李")
        storage.rundown_watch(ROOM, show.id)  # the statements built, the connection pooled
        storage.rundown_mark(show.id)
        storage.host_line(show.id)
        started = time.process_time()
        for _ in range(reads):
            storage.rundown_watch(ROOM, show.id)
        now = (time.process_time() - started) / reads
        started = time.process_time()
        for _ in range(reads):
            storage.rundown_mark(show.id)
        for _ in range(reads // LINE_EVERY):
            storage.host_line(show.id)
        before = (time.process_time() - started) / reads
        started = time.process_time()
        for _ in range(max(1, reads // 20)):
            storage.rundown_marks(show.id)
            storage.rundown_snapshot(show.id)
        whole = (time.process_time() - started) / max(1, reads // 20)
        return now, before, whole
    finally:
        storage.close()


def say(name: str, figures: tuple[float, float, float]) -> None:
    now, before, whole = figures
    print(
        f"{name}: the watch when nothing changed {now * 1000:.3f} ms of CPU a second "
        f"(before: mark + a third of a line read {before * 1000:.3f} ms, and the plan not watched); "
        f"read whole {whole * 1000:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=2000)
    parser.add_argument("--database", help="a PostgreSQL URL (default: a throwaway cluster of its own)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        say("SQLite", measure(f"sqlite:///{Path(folder) / 'onair.db'}", options.reads))
    with throwaway_database("onair_rundown_shared", options.database) as url:
        figures = measure(url, options.reads)
        say("PostgreSQL", figures)
    print(f"At one watch a second: {figures[0] * 100:.3f} % of one core (PostgreSQL)")


if __name__ == "__main__":
    main()
