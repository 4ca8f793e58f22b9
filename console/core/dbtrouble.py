"""Why a database cannot be used, in the reader's words: one classifier for PostgreSQL (psycopg 3) and SQLite
failures (Qt-free).

The driver's own text ("connection failed: connection to server at "10.0.0.5", port 5432 failed: Connection
refused …") is libpq's English whatever the reader's language, and says more than a supervisor needs. `classify`
turns a failure into a `DatabaseTrouble`: its `cause` (refused, no such host, timed out, password refused,
database or role missing, not allowed, shutting down, SSL refused, connection lost, permission, other), a
translatable sentence for it (`message`, marked in the "Database" context) and the driver's exact words
(`driver`), kept for the technician (a tooltip, the log).

How a cause is told, most certain first: the SQLSTATE the server sent with its error (psycopg's `sqlstate`, and
the exception class psycopg maps it to); the OS error underneath (ECONNREFUSED, a resolver failure, a timeout);
then the words libpq and the server use (libpq reports a failed connection without any SQLSTATE: PostgreSQL's own
"password authentication failed", "database … does not exist" arrive as text). A server whose lc_messages is not
English says these in its own language: such a failure is "other", with the driver's words shown as they are.

SQLite (the console's own file) tells its cause by its result code (Python 3.11's `sqlite_errorcode`, whose low
byte is SQLite's primary code: SQLITE_FULL, SQLITE_READONLY …); an OSError underneath (ENOSPC, EACCES, EROFS: a
folder that cannot be made, a spill file that cannot be written) by its errno. `where` is then the file's path.
"""

from __future__ import annotations

import enum
import errno
import os
import socket
import sqlite3
from dataclasses import dataclass, field

from obs.text import QT_TRANSLATE_NOOP, Message

TR_CONTEXT = "Database"


class Cause(enum.StrEnum):
    REFUSED = "refused"  # nothing listens there (server stopped, wrong port)
    NO_HOST = "no_host"  # the host name does not resolve
    TIMED_OUT = "timed_out"  # no answer within the connection's time limit
    NOT_ANSWERING = "not_answering"  # connected, but the server has stopped answering (frozen, overloaded)
    PASSWORD = "password"  # password refused, or none given where one is needed
    NO_DATABASE = "no_database"
    NO_ROLE = "no_role"
    NOT_ALLOWED = "not_allowed"  # the server's access rules (pg_hba.conf) let this client not in
    SHUTTING_DOWN = "shutting_down"  # stopping, starting up, or terminated by its administrator
    SSL_REFUSED = "ssl_refused"
    LOST = "lost"  # the connection broke (the server died, the network went)
    PERMISSION = "permission"  # connected, but this role may not do what was asked
    # SQLite's file (and the disk under it)
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"  # the file, its folder or the whole disk cannot be written
    HELD = "held"  # another program holds the file locked (another console, a backup, a database browser)
    DAMAGED = "damaged"  # damaged, or not a database file at all
    CANNOT_OPEN = "cannot_open"  # the folder is missing, or this user may not open the file
    DISK_ERROR = "disk_error"  # the disk failed to read or write
    OTHER = "other"


WORDS: dict[Cause, str] = {
    Cause.REFUSED: QT_TRANSLATE_NOOP(
        "Database", "{where} refused the connection: is PostgreSQL running there, on that port?"
    ),
    Cause.NO_HOST: QT_TRANSLATE_NOOP("Database", "there is no such host: {where} (check the database address)"),
    Cause.TIMED_OUT: QT_TRANSLATE_NOOP(
        "Database", "{where} did not answer in time (the server or the network between is down or too slow)"
    ),
    Cause.NOT_ANSWERING: QT_TRANSLATE_NOOP(
        "Database", "{where} has not answered for {seconds} s (the server is frozen or overloaded)"
    ),
    Cause.PASSWORD: QT_TRANSLATE_NOOP("Database", "{where} refused the password (or none was given)"),
    Cause.NO_DATABASE: QT_TRANSLATE_NOOP("Database", "{where}: that database does not exist on the server"),
    Cause.NO_ROLE: QT_TRANSLATE_NOOP("Database", "{where}: that database user (role) does not exist on the server"),
    Cause.NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "Database", "{where} does not let this computer in (the server's access rules, pg_hba.conf)"
    ),
    Cause.SHUTTING_DOWN: QT_TRANSLATE_NOOP("Database", "{where} is shutting down or starting up"),
    Cause.SSL_REFUSED: QT_TRANSLATE_NOOP(
        "Database", "{where}: the encrypted (SSL) connection was refused (check sslmode and the server's SSL)"
    ),
    Cause.LOST: QT_TRANSLATE_NOOP("Database", "the connection to {where} was lost (the server stopped or the network)"),
    Cause.PERMISSION: QT_TRANSLATE_NOOP("Database", "{where}: this database user may not do that (permission denied)"),
    Cause.DISK_FULL: QT_TRANSLATE_NOOP("Database", "the disk holding {where} is full (free some space on it)"),
    Cause.READ_ONLY: QT_TRANSLATE_NOOP(
        "Database", "{where} cannot be written: the file, its folder or the disk is read-only"
    ),
    Cause.HELD: QT_TRANSLATE_NOOP(
        "Database", "{where} is held by another program (another console, a backup or a database viewer?)"
    ),
    Cause.DAMAGED: QT_TRANSLATE_NOOP("Database", "{where} is damaged or is not a database file"),
    Cause.CANNOT_OPEN: QT_TRANSLATE_NOOP(
        "Database", "{where} cannot be opened (its folder is missing, or this user may not open it)"
    ),
    Cause.DISK_ERROR: QT_TRANSLATE_NOOP("Database", "the disk holding {where} failed to read or write (a disk error)"),
    Cause.OTHER: QT_TRANSLATE_NOOP("Database", "{where} cannot be used (see the details)"),
}

#: SQLite's primary result codes (https://www.sqlite.org/rescode.html) and what they mean here.
_SQLITE_CODES: dict[int, Cause] = {
    3: Cause.CANNOT_OPEN,  # SQLITE_PERM: the access mode asked for cannot be given
    5: Cause.HELD,  # SQLITE_BUSY
    6: Cause.HELD,  # SQLITE_LOCKED
    8: Cause.READ_ONLY,  # SQLITE_READONLY (a read-only file; SQLITE_READONLY_DIRECTORY: its folder)
    10: Cause.DISK_ERROR,  # SQLITE_IOERR (its extended codes say which call; the errno underneath is not kept)
    11: Cause.DAMAGED,  # SQLITE_CORRUPT
    13: Cause.DISK_FULL,  # SQLITE_FULL
    14: Cause.CANNOT_OPEN,  # SQLITE_CANTOPEN
    26: Cause.DAMAGED,  # SQLITE_NOTADB
}

#: The OS's errors under a failure (a folder or spill file that cannot be made or written).
_ERRNOS: dict[int, Cause] = {
    errno.ENOSPC: Cause.DISK_FULL,
    errno.EDQUOT: Cause.DISK_FULL,
    errno.EROFS: Cause.READ_ONLY,
    errno.EACCES: Cause.CANNOT_OPEN,
    errno.EPERM: Cause.CANNOT_OPEN,
    errno.ENOENT: Cause.CANNOT_OPEN,
    errno.EIO: Cause.DISK_ERROR,
}

#: SQLSTATEs (PostgreSQL, appendix A "Error Codes") and what they mean here.
_SQLSTATES: dict[str, Cause] = {
    "28P01": Cause.PASSWORD,  # invalid_password
    "3D000": Cause.NO_DATABASE,  # invalid_catalog_name
    "57P01": Cause.SHUTTING_DOWN,  # admin_shutdown
    "57P02": Cause.SHUTTING_DOWN,  # crash_shutdown
    "57P03": Cause.SHUTTING_DOWN,  # cannot_connect_now (starting up, shutting down)
    "42501": Cause.PERMISSION,  # insufficient_privilege
    "08006": Cause.LOST,  # connection_failure
    "08003": Cause.LOST,  # connection_does_not_exist
}

#: libpq's and the server's English words, for failures that come without a SQLSTATE (every failed connection).
_WORDS_OF: tuple[tuple[Cause, tuple[str, ...]], ...] = (
    (Cause.SSL_REFUSED, ("server does not support ssl", "ssl was required", "ssl error", "certificate verify failed")),
    (Cause.PASSWORD, ("password authentication failed", "no password supplied", "sasl authentication failed")),
    (Cause.NO_DATABASE, ('database "',)),  # with "does not exist", below
    (Cause.NO_ROLE, ('role "',)),
    (Cause.NOT_ALLOWED, ("no pg_hba.conf entry", "pg_hba.conf rejects")),
    (
        Cause.SHUTTING_DOWN,
        ("the database system is shutting down", "the database system is starting up", "administrator command"),
    ),
    (
        Cause.NO_HOST,
        (
            "failed to resolve host",
            "could not translate host name",
            "name or service not known",
            "nodename nor servname",
            "temporary failure in name resolution",
            "no address associated with hostname",
        ),
    ),
    (Cause.REFUSED, ("connection refused",)),
    (Cause.TIMED_OUT, ("timeout expired", "timed out")),
    (
        Cause.LOST,
        (
            "server closed the connection unexpectedly",
            "connection is lost",
            "the connection is closed",
            "terminating connection",
            "no connection to the server",
        ),
    ),
)


@dataclass(frozen=True)
class DatabaseTrouble:
    """A database failure: why (`cause`), said in words (`message`), and the driver's exact words (`driver`)."""

    cause: Cause
    driver: str
    where: str = ""
    sqlstate: str | None = None
    #: Fields of the cause's sentence beyond {where} (NOT_ANSWERING's {seconds}).
    fields: dict[str, object] = field(default_factory=dict)
    #: A sentence of the caller's own instead of the cause's (the studio's tables not made yet), in `context`.
    template: str = ""
    context: str = TR_CONTEXT

    @property
    def message(self) -> Message:
        """The cause in words, translated where shown (context "Database", or the caller's for its own template)."""
        where: object = self.where or Message(QT_TRANSLATE_NOOP("Database", "the database"), {}, TR_CONTEXT)
        if self.template:
            return Message(self.template, {"where": where, **self.fields}, self.context)
        return Message(WORDS[self.cause], {"where": where, **self.fields}, TR_CONTEXT)

    def __str__(self) -> str:
        """For logs: the sentence and the driver's words."""
        said = self.message.explain()
        return f"{said} [{self.driver}]" if self.driver and self.driver != said else said


def classify(exc: BaseException, where: str = "") -> DatabaseTrouble:
    """Why `exc` (psycopg's or sqlite3's, or SQLAlchemy's wrapping it, or an OSError) happened. `where`: the
    database as the reader knows it (host/name, never a password; a SQLite file's path)."""
    driver = _driver_words(exc)
    sqlstate = None
    cause: Cause | None = None
    for error in _chain(exc):
        sqlstate = sqlstate or _sqlstate(error)
        cause = cause or _by_type(error)
    if "unexpected postmaster exit" in driver.lower():  # sent as admin_shutdown, but the server died: lost
        cause = Cause.LOST
    if cause is None and sqlstate is not None:
        cause = _SQLSTATES.get(sqlstate)
        if sqlstate == "28000":  # invalid_authorization_specification: a missing role, or pg_hba.conf
            cause = Cause.NO_ROLE if "does not exist" in driver.lower() else Cause.NOT_ALLOWED
    if cause is None:
        cause = _by_words(driver)
    return DatabaseTrouble(cause, driver, where, sqlstate)


def not_answering(where: str, seconds: float) -> DatabaseTrouble:
    """A call that has hung for `seconds` without any error (a frozen server: its kernel still acknowledges)."""
    return DatabaseTrouble(
        Cause.NOT_ANSWERING, f"no answer for {seconds:g} s", where, fields={"seconds": f"{seconds:g}"}
    )


def _chain(exc: BaseException) -> list[BaseException]:
    """The failure and what it wraps: SQLAlchemy's `.orig`, then each `__cause__` / `__context__`."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen and len(seen) < 10:
        seen.append(current)
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else current.__cause__ or current.__context__
    return seen


def _driver_words(exc: BaseException) -> str:
    """The innermost database error's text, whole (libpq's hint lines joined): what a technician searches for."""
    for error in _chain(exc):
        if type(error).__module__.startswith(("psycopg", "sqlite3")) or isinstance(error, OSError):
            exc = error
            break
    text = " ".join(line.strip() for line in str(exc).strip().splitlines() if line.strip())
    return text or type(exc).__name__


def _sqlstate(error: BaseException) -> str | None:
    state = getattr(error, "sqlstate", None)
    return state if isinstance(state, str) and state else None


def _by_type(error: BaseException) -> Cause | None:
    try:
        import psycopg.errors as pg
    except ImportError:  # pragma: no cover - psycopg is a dependency; SQLite-only installs still classify by text
        pg = None  # type: ignore[assignment]
    if pg is not None and isinstance(error, pg.ConnectionTimeout):
        return Cause.TIMED_OUT
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        return _SQLITE_CODES.get(code & 0xFF) if isinstance(code, int) else None
    if isinstance(error, socket.gaierror):
        return Cause.NO_HOST
    if isinstance(error, ConnectionRefusedError):
        return Cause.REFUSED
    if isinstance(error, TimeoutError):
        return Cause.TIMED_OUT
    if isinstance(error, OSError) and error.errno is not None:
        return _ERRNOS.get(error.errno)
    return None


def _by_words(driver: str) -> Cause:
    text = driver.lower()
    # The OS's own words for these errors, in whatever language the C library speaks here (libpq uses strerror).
    local = {
        Cause.REFUSED: os.strerror(errno.ECONNREFUSED).lower(),
        Cause.TIMED_OUT: os.strerror(errno.ETIMEDOUT).lower(),
    }
    for cause, needles in _WORDS_OF:
        if cause in (Cause.NO_DATABASE, Cause.NO_ROLE):
            if any(n in text for n in needles) and "does not exist" in text:
                return cause
            continue
        if any(n in text for n in needles) or (cause in local and local[cause] in text):
            return cause
    return Cause.OTHER


def words(error: object) -> Message | str:
    """What to tell a reader of a database failure: its cause as a sentence when it is known (a StorageError's
    `trouble`, or a DatabaseTrouble itself), else the error's own text (English: the driver's, kept whole)."""
    trouble = error if isinstance(error, DatabaseTrouble) else getattr(error, "trouble", None)
    if isinstance(trouble, DatabaseTrouble):
        return trouble.message
    return str(error) or type(error).__name__
