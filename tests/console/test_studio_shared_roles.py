"""The studio's roles on a real PostgreSQL, with the very SQL `onair studio-roles` prints: the supervisor reads every
room and changes nothing; a room's console writes its own room and no other."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import psycopg.errors
import pytest

from console.core.storage import Storage
from console.core.studio.roles import SUPERVISOR, room_role, studio_roles_sql
from console.core.studio.shared import SharedStudio, StatusPublisher
from console.core.studio.status import ProblemDetail, RoomStatus, StudioProblem
from tests.conftest import wait_until

ROOM_A = "一号直播间"
ROOM_B = "O'Brien's \"room\"; --"


def as_role(url: str, role: str) -> str:
    """The same database, logged in as `role` (the test cluster trusts local connections: no password)."""
    return url.replace("://postgres@", f"://{role}@")


def plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


@pytest.fixture
def studio(postgres_url: str) -> Iterator[str]:
    """A migrated database with both rooms published (as the owner) and the roles' SQL run."""
    store = Storage(postgres_url)
    store.migrate()
    store.close()
    with psycopg.connect(plain(postgres_url), autocommit=True) as owner:
        for room in (ROOM_A, ROOM_B):
            owner.execute(
                "INSERT INTO studio_rooms (room, console, status, heartbeat, claimed_at) VALUES (%s, '', %s, 0, 0)",
                (room, json.dumps(RoomStatus(room, 0, 0).to_json())),
            )
            owner.execute("INSERT INTO studio_thumbnails (room, taken, image) VALUES (%s, 0, %s)", (room, b"jpeg"))
        owner.execute(studio_roles_sql([ROOM_A, ROOM_B]))
    yield postgres_url


def refused(url: str, role: str, statement: str, params: tuple[Any, ...] = ()) -> bool:
    """True when PostgreSQL refuses the statement to the role, or lets it touch no row (a row-level policy hides
    the other rooms' rows from UPDATE and DELETE)."""
    with psycopg.connect(plain(as_role(url, role)), autocommit=True) as connection:
        try:
            cursor = connection.execute(statement, params)
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.CheckViolation):
            return True
        return cursor.rowcount == 0


def test_the_command_prints_the_tested_sql(onair: Callable[..., Any]) -> None:
    result = onair("studio-roles", ROOM_A, ROOM_B)
    assert result.returncode == 0
    assert result.stdout == studio_roles_sql([ROOM_A, ROOM_B])


def test_the_real_command_prints_it() -> None:
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "console.cli", "studio-roles", ROOM_A],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == studio_roles_sql([ROOM_A])


def test_the_roles_sql_runs_twice(studio: str) -> None:
    """Run again after adding a room (the blocks and DROP POLICY IF EXISTS make it safe)."""
    with psycopg.connect(plain(studio), autocommit=True) as owner:
        owner.execute(studio_roles_sql([ROOM_A, ROOM_B, "三号直播间"]))


def test_the_supervisor_reads_every_room_and_changes_nothing(studio: str) -> None:
    url = as_role(studio, SUPERVISOR)
    with psycopg.connect(plain(url), autocommit=True) as connection:
        rooms = {row[0] for row in connection.execute("SELECT room FROM studio_rooms")}
        assert rooms == {ROOM_A, ROOM_B}
        assert connection.execute("SELECT count(*) FROM studio_thumbnails").fetchone() == (2,)
        assert connection.execute("SELECT count(*) FROM shows").fetchone() == (0,)  # the rest of the schema too
    for statement, params in (
        ("INSERT INTO studio_rooms (room, status, heartbeat, claimed_at) VALUES ('x', '{}', 0, 0)", ()),
        ("UPDATE studio_rooms SET heartbeat = 1", ()),
        ("DELETE FROM studio_rooms", ()),
        ("INSERT INTO studio_thumbnails (room, taken, image) VALUES ('x', 0, 'x')", ()),
        ("UPDATE studio_thumbnails SET taken = 1", ()),
        ("DELETE FROM studio_thumbnails", ()),
        ("INSERT INTO shows (room, started_at) VALUES ('x', now())", ()),
    ):
        assert refused(studio, SUPERVISOR, statement, params), statement
    # The wall itself runs as the supervisor and sees both rooms.
    source = SharedStudio(url)
    problems: list[tuple[StudioProblem, ProblemDetail]] = []
    source.subscribe(lambda _statuses: None, lambda p, d: problems.append((p, d)))
    try:
        wait_until(lambda: len(source.rooms()) == 2, message="both rooms on the supervisor's wall")
        assert not problems
    finally:
        source.close()


def test_a_room_console_writes_its_room_and_no_other(studio: str) -> None:
    role_a = room_role(ROOM_A)
    for statement, params in (
        ("UPDATE studio_rooms SET heartbeat = 1 WHERE room = %s", (ROOM_B,)),
        ("DELETE FROM studio_rooms WHERE room = %s", (ROOM_B,)),
        ("INSERT INTO studio_rooms (room, status, heartbeat, claimed_at) VALUES ('三号直播间', '{}', 0, 0)", ()),
        ("UPDATE studio_thumbnails SET image = 'x' WHERE room = %s", (ROOM_B,)),
        ("DELETE FROM studio_thumbnails WHERE room = %s", (ROOM_B,)),
        ("UPDATE studio_rooms SET room = %s WHERE room = %s", (ROOM_B + "!", ROOM_A)),  # renaming its row away
    ):
        assert refused(studio, role_a, statement, params), statement
    with psycopg.connect(plain(studio), autocommit=True) as owner:
        assert owner.execute("SELECT heartbeat FROM studio_rooms WHERE room = %s", (ROOM_B,)).fetchone() == (0.0,)
        assert owner.execute("SELECT image FROM studio_thumbnails WHERE room = %s", (ROOM_B,)).fetchone() == (b"jpeg",)
    # A's console, logged in as A's role, publishes A through the real publisher (status and thumbnail) …
    publisher = StatusPublisher(as_role(studio, role_a), ROOM_A, "studio-pc-1 (pid 1)").start()
    try:
        now = time.time()
        publisher.publish(RoomStatus(ROOM_A, now, now, on_air=True, viewers=88))
        publisher.publish_thumbnail(b"new-jpeg", now)
        assert publisher.settle(10) and publisher.problem() is None, publisher.problem()
    finally:
        publisher.close()
    # … and B's console, given A's role by mistake, is told in words.
    wrong = StatusPublisher(as_role(studio, role_a), ROOM_B, "studio-pc-2 (pid 2)").start()
    try:
        wrong.publish(RoomStatus(ROOM_B, time.time(), time.time()))
        wait_until(lambda: wrong.problem() is not None, message="the wrong role refused")
        said = str(wrong.problem())
        assert "does not let this console publish the room" in said and ROOM_B in said, said
        assert "row-level security" in said and "unreachable" not in said
    finally:
        wrong.close()
    with psycopg.connect(plain(studio), autocommit=True) as owner:
        rows: dict[str, float] = dict(owner.execute("SELECT room, heartbeat FROM studio_rooms").fetchall())
        assert rows[ROOM_A] == pytest.approx(now) and rows[ROOM_B] == 0.0
        pictures: dict[str, bytes] = dict(owner.execute("SELECT room, image FROM studio_thumbnails").fetchall())
        assert pictures == {ROOM_A: b"new-jpeg", ROOM_B: b"jpeg"}


def test_the_readme_shows_the_tested_sql() -> None:
    """The README's roles SQL is the text studio_roles_sql makes."""
    import re
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    blocks = [
        block
        for block in re.findall(r"```sql\n(.*?)```", (repo / "README.md").read_text(encoding="utf-8"), re.S)
        if "onair studio-roles" in block
    ]
    assert blocks, "the README shows the studio's roles SQL"
    for block in blocks:
        assert block == studio_roles_sql(["一号直播间", "二号直播间"])
