"""What following the room's other consoles costs a console that is idle (benchmarks, prints; not a test).

Every console of a room re-reads its show's rundown mark (Storage.rundown_mark: how many marks, the highest seq)
once a second, and reads the marks whole only when another console added one. This measures the CPU one such
re-read costs this process when nothing changed, on SQLite and on a throwaway PostgreSQL 15, with a show of 200
marks (a long show's boundaries), and what a whole re-read (the marks and the snapshot) costs when something did.

    .venv/bin/python -m benchmarks.rundown_shared [--reads 2000] [--database URL]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from console.core.rundown.live import GO, Mark
from console.core.storage import Storage
from tests.conftest import throwaway_database


def measure(url: str, reads: int) -> tuple[float, float]:
    storage = Storage(url)
    try:
        storage.migrate()
        show, _ = storage.open_show("一号直播间", datetime.now(UTC), 60)
        t0 = time.time()
        for seq in range(200):
            row = Mark(seq, t0 + seq, f"s{seq}", f"环节{seq}", 60, GO, "场控小李").as_row()
            storage.claim_rundown_mark(show.id, row)
        storage.rundown_mark(show.id)  # the statement built, the connection pooled
        started = time.process_time()
        for _ in range(reads):
            storage.rundown_mark(show.id)
        idle = (time.process_time() - started) / reads
        started = time.process_time()
        for _ in range(max(1, reads // 20)):
            storage.rundown_marks(show.id)
            storage.rundown_snapshot(show.id)
        whole = (time.process_time() - started) / max(1, reads // 20)
        return idle, whole
    finally:
        storage.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=2000)
    parser.add_argument("--database", help="a PostgreSQL URL (default: a throwaway cluster of its own)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        sqlite = f"sqlite:///{Path(folder) / 'onair.db'}"
        idle, whole = measure(sqlite, options.reads)
        print(
            f"SQLite: the mark re-read when nothing changed {idle * 1000:.3f} ms of CPU; "
            f"read whole {whole * 1000:.2f} ms"
        )
    with throwaway_database("onair_rundown_shared", options.database) as url:
        idle, whole = measure(url, options.reads)
        print(
            f"PostgreSQL: the mark re-read when nothing changed {idle * 1000:.3f} ms of CPU; "
            f"read whole {whole * 1000:.2f} ms"
        )
    print(f"At one re-read a second: {idle * 100:.3f} % of one core (PostgreSQL)")


if __name__ == "__main__":
    main()
