"""Shared mode's way to PostgreSQL (Qt-free): the address checked and turned into psycopg's, failures in words.

Shared mode talks to PostgreSQL through psycopg 3 directly, not SQLAlchemy's pool: the wall's LISTEN needs one
long-lived connection and the driver's `notifies()`, and a publisher's two statements a second need nothing more.
SQLite has no NOTIFY: shared mode refuses it in words (SharedModeError).
"""

from __future__ import annotations

import contextlib
import os
import socket
import time
from typing import TYPE_CHECKING, Any

from obs.errors import Explained
from obs.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import psycopg

# The channel migration 0014's triggers NOTIFY on; payload "s<id>" (studio_rooms) or "t<id>" (studio_thumbnails).
CHANNEL = "onair_studio"
TR_CONTEXT = "Studio"
# Reconnecting after the database went away: 0.5, 1, 2 … 10 s (real time: it guards against a silent peer).
BACKOFF_INITIAL_S = 0.5
BACKOFF_MAX_S = 10.0
# How long the wall's reader waits for a notification before it looks whether it was closed.
LISTEN_POLL_S = 0.5
# A database that takes longer than this over one call is said to be not answering (a frozen server keeps its
# connections open and its kernel acknowledges: no error comes, only silence).
STUCK_S = 10.0
# The wall's reader asks the server a trivial question after this long without any notification.
QUIET_PROBE_S = 5.0


class SharedModeError(Explained):
    """Shared mode cannot work with this database at all (not PostgreSQL, a room name PostgreSQL cannot hold)."""


def this_console() -> str:
    """How a console names itself in a room's claim: host and process, so that two are told apart."""
    return f"{socket.gethostname()} (pid {os.getpid()})"


def where(url: str) -> str:
    from console.core.storage import _where

    return _where(url)


def conninfo(url: str) -> tuple[str, dict[str, Any]]:
    """psycopg's connection string and keyword arguments for a SQLAlchemy-style URL; SharedModeError for any
    database but PostgreSQL."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from console.core.storage import _connect_args

    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
    except (ArgumentError, ValueError) as exc:
        raise SharedModeError(
            QT_TRANSLATE_NOOP("Studio", "“{url}” is not a database address: {error}"), url=where(url), error=str(exc)
        ) from exc
    if backend != "postgresql":
        raise SharedModeError(
            QT_TRANSLATE_NOOP(
                "Studio",
                "shared mode needs the studio's {needed} database; {where} is {backend}, which cannot tell the "
                "wall when a room changes (no LISTEN/NOTIFY). Give a postgresql+psycopg:// address",
            ),
            needed="PostgreSQL",
            where=where(url),
            backend="SQLite" if backend == "sqlite" else backend,
        )
    conninfo = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    return conninfo, _connect_args(url)


def connect(conninfo: str, args: dict[str, Any]) -> psycopg.Connection[Any]:
    import psycopg

    return psycopg.connect(conninfo, autocommit=True, **args)


def detail(exc: BaseException) -> str:
    """The database's first line about a failure (never the URL, which may carry a password)."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def clock_time(when: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(when))


def drop(connection: psycopg.Connection[Any] | None) -> None:
    if connection is not None:
        with contextlib.suppress(Exception):
            connection.close()
