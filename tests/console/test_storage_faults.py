"""The telemetry writer against real storage faults: a database unusable at the first start (full, read-only,
PostgreSQL down), one from a newer version, PostgreSQL stopped and frozen mid-show, and quitting while it is
frozen. Rows wait in memory, the problem and the recovery are said, and what cannot be written before the
console closes goes to a spill file that the next start writes in, once."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any

from console.core.dbtrouble import DatabaseTrouble
from console.core.storage import Storage
from console.core.telemetry.live import Telemetry
from console.core.telemetry.writer import STUCK_S, ShowWriter
from obs.errors import Explained
from tests.conftest import PostgresCluster, fill_disk, wait_until


class Recorder:
    def __init__(self) -> None:
        self.shows: list[Any] = []
        self.problems: list[str | Explained | DatabaseTrouble | None] = []
        self.notices: list[Explained] = []

    def on_history(self, show: Any, resumed: bool, *rows: Any) -> None:
        self.shows.append(show)

    def on_problem(self, problem: str | Explained | DatabaseTrouble | None) -> None:
        self.problems.append(problem)

    def on_notice(self, notice: Explained) -> None:
        self.notices.append(notice)


def seconds(telemetry: Telemetry, start: float, count: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from console.core.telemetry.channels import make_sample

    for i in range(count):
        telemetry.record(make_sample(start + i, {"bitrate_kbps": 2500.0 + i}))
    return telemetry.take_unsaved()


def writer_for(url: str, recorder: Recorder, spill: Path) -> ShowWriter:
    return ShowWriter(
        "一号直播间",
        recorder.on_history,
        recorder.on_problem,
        lambda: Storage(url),
        flush_s=0.1,
        on_notice=recorder.on_notice,
        spill_folder=spill,
    ).start()


def stored_seconds(url: str) -> list[float]:
    from sqlalchemy import text

    storage = Storage(url)
    try:
        with storage.engine.connect() as connection:
            return [float(t) for (t,) in connection.execute(text("SELECT t FROM show_samples ORDER BY t"))]
    finally:
        storage.close()


def test_a_full_disk_at_the_first_start_is_retried_and_loses_nothing(small_disk: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{Path(small_disk) / 'onair.db'}"
    fill_disk(small_disk)
    recorder = Recorder()
    writer = writer_for(url, recorder, tmp_path / "spill")
    telemetry = Telemetry()
    writer.put(*seconds(telemetry, 1000.0, 30))
    wait_until(lambda: recorder.problems, 20)
    assert "full" in str(recorder.problems[-1]) or "disk" in str(recorder.problems[-1]), recorder.problems
    (Path(small_disk) / "filler").unlink()
    writer.put(*seconds(telemetry, 1030.0, 30))
    wait_until(lambda: writer.written == 60, 30)
    assert recorder.problems[-1] is None, "the recovery is said"
    writer.stop()
    assert len(stored_seconds(url)) == 60


def test_a_read_only_database_at_the_first_start_is_retried_once_writable(small_disk: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{Path(small_disk) / 'onair.db'}"
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        recorder = Recorder()
        writer = writer_for(url, recorder, tmp_path / "spill")
        telemetry = Telemetry()
        writer.put(*seconds(telemetry, 1000.0, 40))
        wait_until(lambda: recorder.problems, 20)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    writer.put(*seconds(telemetry, 1040.0, 31))
    wait_until(lambda: writer.written == 71, 30)
    writer.stop()
    assert len(stored_seconds(url)) == 71


def test_a_database_from_a_newer_version_is_not_written_and_the_rows_are_spilled(tmp_path: Path) -> None:
    from sqlalchemy import text

    url = f"sqlite:///{tmp_path / 'onair.db'}"
    storage = Storage(url)
    storage.migrate()
    with storage.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    storage.close()
    recorder = Recorder()
    writer = writer_for(url, recorder, tmp_path / "spill")
    writer.put(*seconds(Telemetry(), 1000.0, 20))
    wait_until(lambda: recorder.problems, 20)
    assert "newer version of OnAir Console" in str(recorder.problems[-1])
    wait_until(lambda: writer.pending() == 20, 10, message="the rows wait in memory")
    writer.stop()
    assert stored_seconds(url) == [], "nothing is written into a schema this console does not know"
    spilled = list((tmp_path / "spill").glob("*.json"))
    assert len(spilled) == 1 and len(json.loads(spilled[0].read_text())["samples"]) == 20


def test_postgresql_down_at_the_first_start_then_up(own_postgres: PostgresCluster, tmp_path: Path) -> None:
    url = f"{own_postgres.url}/postgres"
    recorder = Recorder()
    writer = writer_for(url, recorder, tmp_path / "spill")
    telemetry = Telemetry()
    writer.put(*seconds(telemetry, 1000.0, 30))
    wait_until(lambda: recorder.problems, 20)
    own_postgres.start()
    writer.put(*seconds(telemetry, 1030.0, 31))
    wait_until(lambda: writer.written == 61, 60)
    assert recorder.problems[-1] is None
    writer.stop()
    assert len(stored_seconds(url)) == 61


def test_postgresql_stopped_mid_show_then_back(own_postgres: PostgresCluster, tmp_path: Path) -> None:
    own_postgres.start()
    url = f"{own_postgres.url}/postgres"
    recorder = Recorder()
    writer = writer_for(url, recorder, tmp_path / "spill")
    telemetry = Telemetry()
    writer.put(*seconds(telemetry, 1000.0, 10))
    wait_until(lambda: writer.written == 10, 30)
    own_postgres.stop()
    writer.put(*seconds(telemetry, 1010.0, 20))
    wait_until(lambda: recorder.problems and recorder.problems[-1] is not None, 30)
    own_postgres.start()
    wait_until(lambda: writer.written == 30, 60)
    assert recorder.problems[-1] is None
    writer.stop()
    assert len(stored_seconds(url)) == 30


def test_postgresql_frozen_is_said_and_quitting_spills_what_the_next_start_writes_in(
    own_postgres: PostgresCluster, tmp_path: Path
) -> None:
    own_postgres.start()
    url = f"{own_postgres.url}/postgres"
    spill = tmp_path / "spill"
    recorder = Recorder()
    writer = writer_for(url, recorder, spill)
    telemetry = Telemetry()
    writer.put(*seconds(telemetry, 1000.0, 10))
    wait_until(lambda: writer.written == 10, 30)
    own_postgres.freeze()
    try:
        writer.put(*seconds(telemetry, 1010.0, 20))
        wait_until(lambda: writer.stuck_for() > 0, 10)
        # Ten seconds later (compressed: the writer is asked as if they had passed) the frozen database is said.
        later = time.monotonic() + STUCK_S
        writer.watch(later)
        assert any("has not answered for 10 s" in str(p) for p in recorder.problems), recorder.problems
        asked = time.monotonic()
        writer.stop(now=later)
        quit_s = time.monotonic() - asked
        assert quit_s < 5, f"quitting waited {quit_s:.1f} s for a frozen database"
        files = list(spill.glob("*.json"))
        assert len(files) == 1, "the unwritten rows are kept in a spill file"
        assert len(json.loads(files[0].read_text())["samples"]) == 20
    finally:
        own_postgres.kill()  # as the console's process ends, the write it was stuck in never commits
    own_postgres.start()
    # The next start writes them in, once, into the same show, and says so.
    again = Recorder()
    writer = writer_for(url, again, spill)
    wait_until(lambda: again.notices, 30)
    assert "20 s" in str(again.notices[-1])
    writer.stop()
    stored = stored_seconds(url)
    assert len(stored) == 30 and len(set(stored)) == 30
    assert not list(spill.glob("*")), "the spill file is gone once stored"


IMMUTABLE_SCRIPT = """
import subprocess, sys
from pathlib import Path
from console.core.storage import Storage, StorageError
folder = Path(sys.argv[1])
storage = Storage(f"sqlite:///{folder / 'onair.db'}")
storage.migrate()
show, _ = storage.open_show("room", __import__("datetime").datetime.now(__import__("datetime").UTC), 60)
row = {"t": 1.0, "bitrate_kbps": 1.0}
for i in range(20):
    storage.add_telemetry(show.id, [dict(row, t=float(i))], [])
for path in folder.iterdir():
    subprocess.run(["chattr", "+i", str(path)], check=True)
try:
    for i in range(20, 5000):
        storage.add_telemetry(show.id, [dict(row, t=float(i), bitrate_kbps=float(i))], [])
except StorageError as exc:
    print("reported:", exc)
    sys.exit(0)
print("wrote everything")
sys.exit(3)
"""


def test_files_made_immutable_mid_show_are_an_error_not_a_crash(tmp_path: Path) -> None:
    """SQLite's WAL index is a memory-mapped file: when it cannot grow, the next access was a SIGBUS that
    killed the console without a word. The live database must turn such a fault into an error."""
    import os
    import sys

    import pytest

    folder = tmp_path / "db"
    folder.mkdir()
    probe = folder / "probe"
    probe.touch()
    if subprocess.run(["chattr", "+i", str(probe)], capture_output=True).returncode != 0:
        pytest.skip("this filesystem or user cannot make files immutable (chattr +i)")
    subprocess.run(["chattr", "-i", str(probe)], check=True)
    probe.unlink()
    try:
        result = subprocess.run(
            [sys.executable, "-c", IMMUTABLE_SCRIPT, str(folder)],
            capture_output=True,
            text=True,
            timeout=120,
            env=dict(os.environ),
        )
    finally:
        for path in folder.iterdir():
            subprocess.run(["chattr", "-i", str(path)], check=False)
    assert result.returncode == 0, f"exit {result.returncode} (-7 is SIGBUS): {result.stdout}{result.stderr[-2000:]}"
    assert "reported:" in result.stdout


def test_switching_away_and_back_at_once_starts_a_new_show_not_the_one_being_ended(tmp_path: Path) -> None:
    """A room switched away from and back to at once (A → B → A): the first show's writer ends that show in the
    background. The next writer of the room must open its show only once that is done: opened before it, it found
    the first show not yet ended and resumed it, which was then marked ended under it (samples written into an
    ended show, the line for the host and the rundown brought back from the show left)."""
    import threading

    url = f"sqlite:///{tmp_path / 'onair.db'}"
    reopened = threading.Event()

    class Held(Storage):
        """Real SQLite; ending a show waits (at most 3 s) until the next writer has opened its show, which is what
        happens when that writer does not wait for the one before."""

        def end_show(self, show_id: int, now: Any, *args: Any, **kwargs: Any) -> bool:
            reopened.wait(3.0)
            return super().end_show(show_id, now, *args, **kwargs)

    class Reopening(Storage):
        def open_show(self, room: str, now: Any, resume_within_s: float, started: Any = None) -> Any:
            try:
                return super().open_show(room, now, resume_within_s, started)
            finally:
                reopened.set()

    first_recorder, next_recorder = Recorder(), Recorder()
    first = ShowWriter(
        "一号直播间", first_recorder.on_history, first_recorder.on_problem, lambda: Held(url), flush_s=0.1
    ).start()
    first.put(*seconds(Telemetry(), time.time(), 3))
    wait_until(lambda: first.written >= 3, message="the first show's seconds written")
    first.stop(end_show=True, timeout=0.0)  # the room changed: the show ends in the background
    following = ShowWriter(
        "一号直播间",
        next_recorder.on_history,
        next_recorder.on_problem,
        lambda: Reopening(url),
        flush_s=0.1,
        after=first,
    ).start()
    wait_until(lambda: next_recorder.shows, message="the room's next show opened")
    following.stop(timeout=10.0)
    assert next_recorder.shows[0].id != first_recorder.shows[0].id, "the show being ended was resumed"
    storage = Storage(url)
    try:
        from sqlalchemy import text

        with storage.engine.connect() as connection:
            ended: dict[int, bool] = {
                int(show): bool(over)
                for show, over in connection.execute(text("SELECT id, ended_at IS NOT NULL FROM shows"))
            }
    finally:
        storage.close()
    assert ended == {first_recorder.shows[0].id: True, next_recorder.shows[0].id: False}
