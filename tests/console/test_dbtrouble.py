"""A database failure said by its cause (console/core/dbtrouble.py), the driver's words kept: against a real
PostgreSQL for what can be made here (stopped, wrong port, wrong password, no password, missing database, missing
role, SSL required of a server without it, an unknown host, shut down under a connection, killed under one), and by
the documented SQLSTATEs and psycopg exception types for the rest. SQLite's file against a real one made to fail
(not a database, a missing folder, locked by another program, a full disk, a read-only disk), and by its documented
result codes for the rest."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import threading
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import psycopg.errors
import pytest
import sqlalchemy.exc

import console.core.storage
from console.core.dbtrouble import Cause, DatabaseTrouble, classify, not_answering
from console.core.storage import Storage, StorageError
from console.core.studio.shared import SharedStudio
from console.core.studio.status import ProblemDetail, StudioProblem
from tests.conftest import PostgresCluster, fill_disk, remount, wait_until


def failure(url: str, **options: object) -> BaseException:
    try:
        psycopg.connect(url, connect_timeout=5, **options).close()  # type: ignore[arg-type]
    except psycopg.Error as exc:
        return exc
    raise AssertionError(f"{url} connected")


def libpq(cluster: PostgresCluster, user: str = "postgres", database: str = "postgres", port: int = 0) -> str:
    return f"postgresql://{user}@127.0.0.1:{port or cluster.port}/{database}"


def test_each_connection_failure_a_real_server_gives_is_told_by_its_cause(own_postgres: PostgresCluster) -> None:
    own_postgres.start()
    with psycopg.connect(libpq(own_postgres), autocommit=True) as connection:
        connection.execute("CREATE ROLE cashier LOGIN PASSWORD 'right'")
    hba = os.path.join(own_postgres.data, "pg_hba.conf")
    with open(hba, encoding="utf-8") as file:
        rules = file.read()
    with open(hba, "w", encoding="utf-8") as file:  # the cashier logs in by password; everyone else as before
        file.write("host all cashier 127.0.0.1/32 scram-sha-256\n" + rules)
    subprocess.run(
        [*own_postgres.as_user, own_postgres.pg_ctl, "-D", own_postgres.data, "reload"], check=True, capture_output=True
    )
    wrong = f"postgresql://cashier:wrong@127.0.0.1:{own_postgres.port}/postgres"
    wait_until(lambda: "password" in str(failure(wrong)), message="the reloaded rules asks the cashier's password")

    cases = {
        Cause.PASSWORD: failure(wrong),
        Cause.NO_DATABASE: failure(libpq(own_postgres, database="no_such_database")),
        Cause.NO_ROLE: failure(libpq(own_postgres, user="nobody_here")),
        Cause.SSL_REFUSED: failure(libpq(own_postgres), sslmode="require"),  # this server has no SSL
        Cause.NO_HOST: failure("postgresql://postgres@no-such-host.invalid/postgres"),
    }
    assert classify(failure(libpq(own_postgres, user="cashier"))).cause is Cause.PASSWORD  # none given
    with psycopg.connect(libpq(own_postgres), autocommit=True) as connection:
        subprocess.run(
            [*own_postgres.as_user, own_postgres.pg_ctl, "-D", own_postgres.data, "-m", "fast", "-w", "stop"],
            check=True,
            capture_output=True,
        )
        with pytest.raises(psycopg.Error) as shut:
            connection.execute("SELECT 1")
    cases[Cause.SHUTTING_DOWN] = shut.value
    cases[Cause.REFUSED] = failure(libpq(own_postgres))  # the server stopped
    with psycopg.connect(libpq(own_postgres, port=_started(own_postgres)), autocommit=True) as connection:
        own_postgres.kill()
        with pytest.raises(psycopg.Error) as killed:
            connection.execute("SELECT 1")
    cases[Cause.LOST] = killed.value
    for cause, exc in cases.items():
        trouble = classify(exc, "studio-db/onair")
        lines = (line.strip() for line in str(exc).splitlines())
        assert (trouble.cause, trouble.driver) == (cause, " ".join(line for line in lines if line)), str(exc)
        said = trouble.message.explain()
        assert "studio-db/onair" in said and trouble.driver not in said and "failed" not in said
    refused = classify(failure(libpq(own_postgres, port=1)), "studio-db/onair")  # the wrong port
    assert refused.cause is Cause.REFUSED and "Connection refused" in refused.driver
    assert refused.message.explain() == (
        "studio-db/onair refused the connection: is PostgreSQL running there, on that port?"
    )
    assert "Connection refused" in str(refused)  # the log keeps the driver's words


def _started(cluster: PostgresCluster) -> int:
    cluster.start()
    port: int = cluster.port
    return port


@pytest.mark.parametrize(
    ("exc", "cause"),
    [
        (psycopg.errors.InvalidPassword('password authentication failed for user "x"'), Cause.PASSWORD),
        (psycopg.errors.InvalidCatalogName('database "x" does not exist'), Cause.NO_DATABASE),
        (psycopg.errors.AdminShutdown("terminating connection due to administrator command"), Cause.SHUTTING_DOWN),
        (
            psycopg.errors.CrashShutdown("terminating connection because of crash of another process"),
            Cause.SHUTTING_DOWN,
        ),
        (psycopg.errors.AdminShutdown("terminating connection due to unexpected postmaster exit"), Cause.LOST),
        (psycopg.errors.CannotConnectNow("the database system is starting up"), Cause.SHUTTING_DOWN),
        (psycopg.errors.InsufficientPrivilege("permission denied for table studio_rooms"), Cause.PERMISSION),
        (psycopg.errors.ConnectionTimeout("connection timeout expired"), Cause.TIMED_OUT),
        (psycopg.errors.ConnectionFailure("SSL SYSCALL error: EOF detected"), Cause.LOST),
        (psycopg.OperationalError("a failure nobody has words for"), Cause.OTHER),
    ],
)
def test_the_documented_sqlstates_and_psycopg_types_say_their_cause(exc: BaseException, cause: Cause) -> None:
    assert classify(exc).cause is cause
    # SQLAlchemy (the console's storage) wraps the driver's error: the cause is the same.
    wrapped = sqlalchemy.exc.OperationalError("SELECT 1", {}, exc)
    assert classify(wrapped).cause is cause and classify(wrapped).driver == str(exc)


def test_a_server_that_stops_answering_is_said_with_how_long() -> None:
    trouble = not_answering("studio-db/onair", 10.0)
    assert trouble.cause is Cause.NOT_ANSWERING
    assert trouble.message.explain() == "studio-db/onair has not answered for 10 s (the server is frozen or overloaded)"


def test_the_walls_reader_gives_the_cause_of_a_stopped_database_not_the_drivers_sentence(
    own_postgres: PostgresCluster,
) -> None:
    """The wall's banner got psycopg's English ("connection failed: connection to server at … failed: Connection
    refused"): the reader now hands the wall the cause, the driver's words beside it, and says it again when the
    cause changes while the database is away (lost as the server shut down, then refused while it stays down)."""
    own_postgres.start()
    store = Storage(own_postgres.url + "/postgres")
    store.migrate()  # the studio's tables
    store.close()
    heard: list[tuple[StudioProblem, ProblemDetail]] = []
    lock = threading.Lock()

    def problem(kind: StudioProblem, detail: ProblemDetail) -> None:
        with lock:
            heard.append((kind, detail))

    def causes() -> list[Cause]:
        with lock:
            return [detail.cause for _, detail in heard if isinstance(detail, DatabaseTrouble)]

    wall = SharedStudio(own_postgres.url + "/postgres", backoff_initial=0.1, backoff_max=0.5)
    wall.subscribe(lambda statuses: None, problem)
    try:
        with psycopg.connect(libpq(own_postgres), autocommit=True) as connection:
            others = (
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
            )
            wait_until(lambda: connection.execute(others).fetchone() == (1,), message="the reader is connected")
        subprocess.run(
            [*own_postgres.as_user, own_postgres.pg_ctl, "-D", own_postgres.data, "-m", "fast", "-w", "stop"],
            check=True,
            capture_output=True,
        )
        wait_until(lambda: Cause.REFUSED in causes(), message="the reader says the database refuses")
    finally:
        wall.close()
    assert all(kind is StudioProblem.DATABASE_UNREACHABLE for kind, _ in heard)
    assert causes()[0] in (Cause.SHUTTING_DOWN, Cause.LOST) and causes()[-1] is Cause.REFUSED, heard
    detail = heard[-1][1]
    assert isinstance(detail, DatabaseTrouble) and "Connection refused" in detail.driver
    assert "Connection refused" not in detail.message.explain()


def test_the_consoles_storage_error_tells_its_cause(own_postgres: PostgresCluster) -> None:
    """The console's own database trouble (a show review, a checklist run saved) said the driver's English too:
    a StorageError now carries the cause for the GUI to say; its message keeps the driver's words."""
    own_postgres.start()
    own_postgres.stop()
    with pytest.raises(StorageError) as stopped:
        Storage(own_postgres.url + "/postgres").migrate()
    trouble = stopped.value.trouble
    assert trouble is not None and trouble.cause is Cause.REFUSED
    assert trouble.where == f"127.0.0.1:{own_postgres.port}/postgres" and "Connection refused" in str(stopped.value)
    assert StorageError("there is no show 7").trouble is None  # not the driver's: said as it is


# ---- SQLite: the console's own file, made to fail for real
def sqlite_failure(url: str, work: str = "migrate") -> StorageError:
    """The StorageError a console gets doing `work` on the SQLite database at `url`."""
    storage = Storage(url)
    try:
        if work == "migrate":
            storage.migrate()
        else:
            storage.open_show("一号直播间", datetime.now(UTC), 0.0)
    except StorageError as exc:
        return exc
    finally:
        storage.close()
    raise AssertionError(f"{url}: {work} worked")


def test_a_file_that_is_not_a_database_is_said_damaged(tmp_path: Path) -> None:
    garbage = tmp_path / "onair.db"
    garbage.write_bytes(bytes(range(256)) * 32)
    error = sqlite_failure(f"sqlite:///{garbage}")
    trouble = error.trouble
    assert trouble is not None and trouble.cause is Cause.DAMAGED
    assert trouble.where == str(garbage) and trouble.driver == "file is not a database"
    assert trouble.message.explain() == f"{garbage} is damaged or is not a database file"
    assert "file is not a database" in str(error)  # the driver's words stay in the error (the log) as they were


def test_a_database_in_a_missing_folder_cannot_be_opened(tmp_path: Path) -> None:
    where = tmp_path / "gone" / "onair.db"
    trouble = sqlite_failure(f"sqlite:///{where}").trouble
    assert trouble is not None and trouble.cause is Cause.CANNOT_OPEN and trouble.where == str(where)
    assert trouble.driver == "unable to open database file"


def test_a_database_another_program_holds_locked_is_said_held(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # SQLite gives up on a held file after the storage's busy timeout (15 s for the user); what this test reads is
    # the words of that failure, which a 1-s wait gives as well.
    monkeypatch.setattr(console.core.storage, "STATEMENT_TIMEOUT_S", 1)
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    made = Storage(url)
    made.migrate()
    made.close()
    other = sqlite3.connect(tmp_path / "onair.db")
    other.execute("BEGIN EXCLUSIVE")  # a second program (a database viewer mid-edit) holds the file
    try:
        trouble = sqlite_failure(url, "write").trouble  # after SQLite's busy timeout
    finally:
        other.rollback()
        other.close()
    assert trouble is not None and trouble.cause is Cause.HELD and trouble.driver == "database is locked"


def test_a_full_disk_is_said_full_with_the_files_path(small_disk: Path) -> None:
    where = Path(small_disk) / "onair.db"
    made = Storage(f"sqlite:///{where}")
    made.migrate()
    made.close()
    fill_disk(small_disk)
    storage = Storage(f"sqlite:///{where}")
    try:
        with pytest.raises(StorageError) as full:
            for minute in range(200):  # the first page the file needs beyond its free ones fails
                storage.open_show("直播间" * 500 + str(minute), datetime.now(UTC), 0.0)
    finally:
        storage.close()
    trouble = full.value.trouble
    assert trouble is not None and trouble.cause is Cause.DISK_FULL
    assert trouble.message.explain() == f"the disk holding {where} is full (free some space on it)"
    assert trouble.driver == "database or disk is full"


def test_a_read_only_disk_is_said_read_only(small_disk: Path) -> None:
    where = Path(small_disk) / "onair.db"
    made = Storage(f"sqlite:///{where}")
    made.migrate()
    made.close()
    remount(small_disk, "ro")
    try:
        trouble = sqlite_failure(f"sqlite:///{where}", "write").trouble
        fresh = sqlite_failure(f"sqlite:///{Path(small_disk) / 'new.db'}").trouble  # none can even be made there
    finally:
        remount(small_disk, "rw")
    assert trouble is not None and trouble.cause is Cause.READ_ONLY and trouble.where == str(where)
    assert trouble.driver == "attempt to write a readonly database"
    assert fresh is not None and fresh.cause is Cause.CANNOT_OPEN


@pytest.mark.parametrize(
    ("code", "words", "cause"),
    [  # SQLite's extended codes (https://www.sqlite.org/rescode.html): the primary code is the low byte
        (10 | 4 << 8, "disk I/O error", Cause.DISK_ERROR),  # SQLITE_IOERR_WRITE
        (11, "database disk image is malformed", Cause.DAMAGED),  # SQLITE_CORRUPT
        (6, "database table is locked", Cause.HELD),  # SQLITE_LOCKED
        (8 | 6 << 8, "attempt to write a readonly database", Cause.READ_ONLY),  # SQLITE_READONLY_DIRECTORY
        (1, "no such table: shows", Cause.OTHER),  # SQLITE_ERROR: a fault of ours, not of the file
    ],
)
def test_sqlites_documented_result_codes_say_their_cause(code: int, words: str, cause: Cause) -> None:
    error = sqlite3.OperationalError(words)
    error.sqlite_errorcode = code  # as the sqlite3 module sets it on every error SQLite returns
    wrapped = sqlalchemy.exc.OperationalError("INSERT INTO samples …", {}, error)
    assert classify(wrapped).cause is cause and classify(wrapped).driver == words


@pytest.mark.parametrize(
    ("number", "cause"),
    [(errno.ENOSPC, Cause.DISK_FULL), (errno.EROFS, Cause.READ_ONLY), (errno.EACCES, Cause.CANNOT_OPEN)],
)
def test_the_os_error_under_a_failure_says_its_cause(tmp_path: Path, number: int, cause: Cause) -> None:
    """A folder or spill file that cannot be made: SQLAlchemy or the console wraps the OSError."""
    error = OSError(number, os.strerror(number), str(tmp_path / "onair.db"))
    try:
        raise StorageError(f"the database ({tmp_path / 'onair.db'}) failed: {error}") from error
    except StorageError as wrapped:
        trouble = wrapped.trouble
    assert trouble is not None and trouble.cause is cause and trouble.where == str(tmp_path / "onair.db")
