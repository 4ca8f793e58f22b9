"""Shared mode: each room's console publishes its RoomStatus to the studio's PostgreSQL; the wall reads them (Qt-free).

`StatusPublisher` (one per room console) writes the newest status once a second and a thumbnail every 10 s on
its own thread; `publish()` only hands the status over. A room is published by one console at a time: the row
names the console that claimed it, and another console is refused while that console's heartbeat is fresh.

`SharedStudio` (a StudioSource, on the supervisor's wall) holds one connection that LISTENs on the channel the
tables' triggers NOTIFY (migration 0014): the payload is a row id, never the status, and the wall fetches only
the rows that changed. Silence ("console not reporting") is the wall's own judgement, on its own 1 s timer, from
each status's heartbeat: this source only forwards changes.

Both talk to PostgreSQL through psycopg 3 directly, not SQLAlchemy's pool: LISTEN needs one long-lived
connection and the driver's `notifies()`, and the publisher's two statements a second need nothing more.
SQLite has no NOTIFY: shared mode refuses it in words (SharedModeError). The publisher lives in shared_publisher.py
and the connection helpers in shared_db.py; both are named here, where the wall and the room consoles look.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from console.core.dbtrouble import Cause, DatabaseTrouble, classify, not_answering
from console.core.studio.shared_db import (
    BACKOFF_INITIAL_S,
    BACKOFF_MAX_S,
    CHANNEL,
    LISTEN_POLL_S,
    QUIET_PROBE_S,
    STUCK_S,
    TR_CONTEXT,
    SharedModeError,
    connect,
    conninfo,
    drop,
    this_console,
    where,
)
from console.core.studio.shared_publisher import StatusPublisher, closing_status
from console.core.studio.status import ProblemDetail, RoomStatus, StudioProblem
from obs.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import psycopg

__all__ = ["SharedModeError", "SharedStudio", "StatusPublisher", "closing_status", "this_console"]

LOG = logging.getLogger(__name__)


# ---------------------------------------------------------------------- the reader (the supervisor's wall)
Changed = Callable[[list[RoomStatus]], None]
Problem = Callable[[StudioProblem, ProblemDetail], None]


class SharedStudio:
    """The rooms the studio's consoles publish, as a StudioSource: one LISTEN connection, changed rows only."""

    def __init__(
        self,
        database_url: str,
        *,
        backoff_initial: float = BACKOFF_INITIAL_S,
        backoff_max: float = BACKOFF_MAX_S,
        stuck_after: float = STUCK_S,
        quiet_probe: float = QUIET_PROBE_S,
    ) -> None:
        self._conninfo, self._args = conninfo(database_url)
        self.where = where(database_url)
        self._stuck_after = stuck_after
        self._quiet_probe = quiet_probe
        self._down = False
        self._cause: Cause | None = None
        self._backoff_initial = backoff_initial
        self._backoff_max = backoff_max
        self._lock = threading.Lock()
        self._rooms: dict[str, RoomStatus] = {}
        self._status_ids: dict[int, str] = {}
        self._thumbnails: dict[str, tuple[float, bytes]] = {}
        self._unreadable: dict[str, str] = {}
        self._changed: Changed | None = None
        self._problem: Problem | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # The reader thread's id for the operating system (the benchmark measures its CPU time).
        self.native_id: int | None = None

    # ------------------------------------------------------------------ StudioSource
    def rooms(self) -> list[RoomStatus]:
        with self._lock:
            return [self._rooms[name] for name in sorted(self._rooms)]

    def subscribe(self, changed: Changed, problem: Problem) -> None:
        """Start reading: `changed` and `problem` are called on this source's thread."""
        if self._thread is not None:
            raise RuntimeError("a SharedStudio has one subscriber")
        self._changed, self._problem = changed, problem
        self._thread = threading.Thread(target=self._run, name="studio-shared reader", daemon=True)
        self._thread.start()

    def thumbnail(self, room: str) -> tuple[float, bytes] | None:
        with self._lock:
            return self._thumbnails.get(room)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(LISTEN_POLL_S + 10)

    def unreadable(self) -> dict[str, str]:
        """Rooms whose stored status this console cannot read (room → why); they are left off the wall."""
        with self._lock:
            return dict(self._unreadable)

    # ------------------------------------------------------------------ the thread
    def _run(self) -> None:
        self.native_id = threading.get_native_id()
        delay = self._backoff_initial
        while not self._stop.is_set():
            connection: psycopg.Connection[Any] | None = None
            try:
                connection = connect(self._conninfo, self._args)
                with self._watched():
                    connection.execute(f"LISTEN {CHANNEL}")  # before the full read: no change falls in between
                    self._full_read(connection)
                self._up()
                delay = self._backoff_initial
                self._listen(connection)
            except Exception as exc:
                self._unreachable(self._explain(exc))
                self._stop.wait(delay)
                delay = min(self._backoff_max, delay * 2)
            finally:
                drop(connection)

    def _unreachable(self, trouble: DatabaseTrouble) -> None:
        with self._lock:
            was, self._down = self._down, True
            # Said again when the cause changes while away: a connection lost as the server shut down, then
            # refused while it stays down, is what the supervisor needs to know now.
            changed, self._cause = self._cause != trouble.cause, trouble.cause
        if not was or changed:
            # The log keeps the driver's exact words for the technician (str(trouble) has them).
            LOG.warning("the studio's database (%s) is unreachable: %s", self.where, trouble)
            self._say(StudioProblem.DATABASE_UNREACHABLE, trouble)

    def _up(self) -> None:
        with self._lock:
            was, self._down, self._cause = self._down, False, None
        if was:
            LOG.info("the studio's database (%s) answers again", self.where)
            self._say(StudioProblem.NONE, "")

    @contextlib.contextmanager
    def _watched(self) -> Iterator[None]:
        """A call that hangs (a frozen server answers nothing, and no error comes) is said while it lasts; when
        it finally returns, the recovery is said too."""
        timer = threading.Timer(self._stuck_after, self._unreachable, (not_answering(self.where, self._stuck_after),))
        timer.daemon = True
        timer.start()
        try:
            yield
        finally:
            timer.cancel()

    def _explain(self, exc: BaseException) -> DatabaseTrouble:
        """Why the database cannot be read, in words (console/core/dbtrouble.py), the driver's kept beside."""
        import psycopg.errors

        trouble = classify(exc, self.where)
        if isinstance(exc, psycopg.errors.UndefinedTable):
            return replace(
                trouble,
                template=QT_TRANSLATE_NOOP(
                    "Studio",
                    "the database ({where}) has no studio tables yet (its schema is older than 0014): a room "
                    "console creates them when it first publishes",
                ),
                context=TR_CONTEXT,
            )
        if isinstance(exc, psycopg.errors.InsufficientPrivilege):
            return replace(
                trouble,
                template=QT_TRANSLATE_NOOP("Studio", "this database role may not read the studio ({where})"),
                context=TR_CONTEXT,
            )
        return trouble

    def _listen(self, connection: psycopg.Connection[Any]) -> None:
        heard = time.monotonic()
        while not self._stop.is_set():
            if time.monotonic() - heard >= self._quiet_probe:
                with self._watched():
                    connection.execute("SELECT 1")
                self._up()
                heard = time.monotonic()
            statuses: set[int] = set()
            thumbnails: set[int] = set()
            # Wait for the first notification, then take what else is already there: one batch, one callback.
            for notify in _chain(
                connection.notifies(timeout=LISTEN_POLL_S, stop_after=1),
                connection.notifies(timeout=0.0),
            ):
                kind, number = notify.payload[:1], notify.payload[1:]
                if not number.isdigit():
                    continue
                (statuses if kind == "s" else thumbnails).add(int(number))
            if statuses or thumbnails:
                heard = time.monotonic()
                with self._watched():
                    self._fetch(connection, statuses, thumbnails)
                self._up()

    def _full_read(self, connection: psycopg.Connection[Any]) -> None:
        rows = connection.execute("SELECT id, room, status FROM studio_rooms").fetchall()
        pictures = connection.execute("SELECT room, taken, image FROM studio_thumbnails").fetchall()
        with self._lock:
            self._status_ids.clear()
            self._thumbnails = {room: (float(taken), bytes(image)) for room, taken, image in pictures}
            present = {room for _, room, _ in rows}
            for gone in set(self._rooms) - present:
                del self._rooms[gone]
        self._deliver(rows, force=True)

    def _fetch(self, connection: psycopg.Connection[Any], statuses: set[int], thumbnails: set[int]) -> None:
        rows: list[Any] = []
        if statuses:
            rows = connection.execute(
                "SELECT id, room, status FROM studio_rooms WHERE id = ANY(%s)", (sorted(statuses),)
            ).fetchall()
        pictured: list[str] = []
        if thumbnails:
            pictures = connection.execute(
                "SELECT room, taken, image FROM studio_thumbnails WHERE id = ANY(%s)", (sorted(thumbnails),)
            ).fetchall()
            with self._lock:
                for room, taken, image in pictures:
                    self._thumbnails[room] = (float(taken), bytes(image))
                    pictured.append(room)
        self._deliver(rows, force=False, pictured=pictured)

    def _deliver(self, rows: list[Any], force: bool, pictured: Sequence[str] = ()) -> None:
        changed: dict[str, RoomStatus] = {}
        for row_id, room, text in rows:
            try:
                status = replace(RoomStatus.from_json(json.loads(text), TR_CONTEXT), room=room)
            except Exception as exc:  # bad JSON, a newer schema, a wrong field: skip the room, say which
                reason = f"{type(exc).__name__}: {exc}"
                with self._lock:
                    known = self._unreadable.get(room)
                    self._unreadable[room] = reason
                    self._rooms.pop(room, None)
                if known != reason:
                    LOG.warning("the studio status of room %r cannot be read and is skipped: %s", room, reason)
                continue
            with self._lock:
                self._status_ids[row_id] = room
                self._unreadable.pop(room, None)
                if force or self._rooms.get(room) != status:
                    changed[room] = status
                self._rooms[room] = status
        with self._lock:
            for room in pictured:
                if room not in changed and room in self._rooms:
                    changed[room] = self._rooms[room]  # its picture changed: the wall fetches it again
        if changed and self._changed is not None:
            try:
                self._changed([changed[name] for name in sorted(changed)])
            except Exception:
                LOG.exception("the studio wall failed on a change")

    def _say(self, problem: StudioProblem, detail: ProblemDetail) -> None:
        if self._problem is None:
            return
        try:
            self._problem(problem, detail)
        except Exception:
            LOG.exception("the studio wall failed on a problem report")


def _chain(*iterables: Iterator[Any]) -> Iterator[Any]:
    for iterable in iterables:
        yield from iterable
