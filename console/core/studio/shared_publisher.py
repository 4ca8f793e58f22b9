"""Shared mode's publisher (Qt-free): a room's console writes its newest RoomStatus to the studio's PostgreSQL.

`StatusPublisher` (one per room console) writes the newest status once a second and a thumbnail every 10 s on its
own thread; `publish()` only hands the status over. A room is published by one console at a time: the row names
the console that claimed it, and another console is refused while that console's heartbeat is fresh.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from console.core.dbtrouble import classify
from console.core.studio.shared_db import (
    BACKOFF_INITIAL_S,
    BACKOFF_MAX_S,
    STUCK_S,
    SharedModeError,
    clock_time,
    connect,
    conninfo,
    detail,
    drop,
    where,
)
from console.core.studio.status import SILENT_AFTER_S, Light, RoomStatus
from obs.clock import MONOTONIC, Clock
from obs.errors import Explained
from obs.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import psycopg

LOG = logging.getLogger(__name__)


def closing_status(status: RoomStatus, now: float) -> RoomStatus:
    """What a console that stops cleanly leaves behind: the room as it last knew it, now watched by nobody — every
    light unknown and no finding (a wall never shows a stale "healthy" for it), but on air if it was: quitting the
    console does not stop OBS (its quit question says so), and a wall that read "last report 10:53:51 · was off air"
    for a room still streaming told the supervisor the one thing it most needed the other way round (walk15). Its
    last figures stay, dated by the wall as a silent room's (`studio_text.last_figures`)."""
    return replace(
        status,
        at=now,
        heartbeat=now,
        link="disconnected",
        lights={category: Light.UNKNOWN for category in status.lights},
        findings=(),
    )


# ---------------------------------------------------------------------- the publisher (a room's console)
@dataclass(frozen=True)
class _Thumbnail:
    jpeg: bytes
    taken: float


class StatusPublisher:
    """Writes one room's newest status to the studio's database, on its own thread.

    While the database is unreachable only the newest status (and thumbnail) is kept: a status is a state, not a
    log — the wall shows how the room is now, and a status from a minute ago says nothing the newest does not.
    """

    def __init__(
        self,
        database_url: str,
        room: str,
        console: str,
        *,
        clock: Clock = MONOTONIC,
        migrate: bool = True,
        backoff_initial: float = BACKOFF_INITIAL_S,
        backoff_max: float = BACKOFF_MAX_S,
        stuck_after: float = STUCK_S,
    ) -> None:
        self._conninfo, self._args = conninfo(database_url)
        self._stuck_after = stuck_after
        self._busy_since: float | None = None  # real monotonic time the current database call began
        if "\x00" in room:
            raise SharedModeError(QT_TRANSLATE_NOOP("Studio", "a room's name cannot contain the NUL character"))
        self.url = database_url
        self.where = where(database_url)
        self.room = room
        self.console = console
        self._clock = clock
        # Wall time from the injectable clock: the offset is taken once, so a manual clock moves wall time too.
        self._offset = time.time() - clock.now()
        self._migrate = migrate
        self._backoff_initial = backoff_initial
        self._backoff_max = backoff_max
        self._lock = threading.Lock()
        self._settled = threading.Condition(self._lock)
        self._wake = threading.Event()
        self._status: RoomStatus | None = None
        self._thumbnail: _Thumbnail | None = None
        self._handed = 0  # publish() calls so far
        self._done = 0  # of those, dealt with (written or refused)
        self._last: RoomStatus | None = None  # the newest status written
        self._problem: Explained | None = None
        self._down_since: float | None = None
        self._stopping = False
        self._thread: threading.Thread | None = None
        # Statuses and thumbnails written (for tests and the benchmark).
        self.written = 0
        self.thumbnails_written = 0

    def wall(self) -> float:
        return self._clock.now() + self._offset

    # ------------------------------------------------------------------ any thread
    def start(self) -> StatusPublisher:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=f"studio-publisher {self.room}", daemon=True)
            self._thread.start()
        return self

    def publish(self, status: RoomStatus) -> None:
        """Hand over the room's newest status; never blocks (an older one not yet written is replaced)."""
        with self._lock:
            self._status = status
            self._handed += 1
        self._wake.set()

    def publish_thumbnail(self, jpeg: bytes, taken: float) -> None:
        """Hand over the room's newest program picture (written with the next status this console may write)."""
        with self._lock:
            self._thumbnail = _Thumbnail(bytes(jpeg), taken)
        self._wake.set()

    def problem(self) -> Explained | None:
        """Why the room's status is not reaching the studio, in words (None: it is)."""
        with self._lock:
            problem, busy_since = self._problem, self._busy_since
        stuck = 0.0 if busy_since is None else time.monotonic() - busy_since
        if problem is None and stuck >= self._stuck_after:
            return Explained(
                QT_TRANSLATE_NOOP(
                    "Studio",
                    "the studio's database ({where}) has not answered for {seconds} s; the room's newest status "
                    "is kept and sent when it answers",
                ),
                where=self.where,
                seconds=int(stuck),
            )
        return problem

    def settle(self, timeout: float) -> bool:
        """Wait until every status handed over so far was written or refused (False: not within `timeout`)."""
        with self._settled:
            return self._settled.wait_for(lambda: self._done >= self._handed, timeout)

    def close(self, timeout: float = 8.0) -> None:
        """Stop: the room's row is left as last known and unwatched (lights unknown), and free for another console
        to claim."""
        with self._lock:
            self._stopping = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    # ------------------------------------------------------------------ the thread
    def _run(self) -> None:
        connection: psycopg.Connection[Any] | None = None
        delay = self._backoff_initial
        migrated = not self._migrate
        try:
            while True:
                with self._lock:
                    stopping = self._stopping
                    status, thumbnail, handed = self._status, self._thumbnail, self._handed
                if stopping:
                    self._release(connection)
                    return
                if status is None:
                    self._wake.wait()
                    self._wake.clear()
                    continue
                try:
                    with self._busy():
                        if not migrated:
                            self._migrate_schema()
                            migrated = True
                        if connection is None or connection.closed:
                            connection = connect(self._conninfo, self._args)
                        self._write(connection, status, thumbnail, handed)
                    delay = self._backoff_initial
                except _Refused as exc:  # the database answered, and said no: not "unreachable"
                    self._set_problem(
                        Explained(
                            QT_TRANSLATE_NOOP(
                                "Studio",
                                "the studio's database ({where}) does not let this console publish the room "
                                "“{room}”: {error} (see onair studio-roles: each room's console logs in as its "
                                "room's role)",
                            ),
                            where=self.where,
                            room=self.room,
                            error=detail(exc.__cause__ or exc),
                        ),
                        handed,
                    )
                    self._wait(self._backoff_max)
                except _Permanent as exc:
                    self._set_problem(exc.explained, handed)
                    self._wait(self._backoff_max)
                except Exception as exc:  # the database went away, or answered something unexpected
                    drop(connection)
                    connection = None
                    self._unreachable(exc)
                    self._wait(delay)
                    delay = min(self._backoff_max, delay * 2)
        except BaseException:  # pragma: no cover - a bug: said in the log, never a silent dead thread
            LOG.exception("the studio publisher of %r stopped on an unexpected error", self.room)
            raise
        finally:
            drop(connection)

    @contextlib.contextmanager
    def _busy(self) -> Iterator[None]:
        with self._lock:
            self._busy_since = time.monotonic()
        try:
            yield
        finally:
            with self._lock:
                self._busy_since = None

    def _wait(self, seconds: float) -> None:
        """Sleep until the next try, cut short by close() (a new status alone does not hurry a retry)."""
        deadline = time.monotonic() + seconds
        while True:
            with self._lock:
                if self._stopping:
                    return
            left = deadline - time.monotonic()
            if left <= 0:
                return
            self._wake.wait(left)
            self._wake.clear()

    def _migrate_schema(self) -> None:
        from console.core.storage import Storage, StorageError

        storage = Storage(self.url)
        try:
            storage.migrate()
        except StorageError as exc:
            if "newer version" in str(exc):
                raise _Permanent(
                    Explained(
                        QT_TRANSLATE_NOOP("Studio", "the studio's database cannot be used: {error}"), error=str(exc)
                    )
                ) from exc
            raise
        finally:
            storage.close()

    def _write(
        self, connection: psycopg.Connection[Any], status: RoomStatus, thumbnail: _Thumbnail | None, handed: int
    ) -> None:
        import psycopg.errors

        try:
            self._write_rows(connection, status, thumbnail, handed)
        except psycopg.errors.InsufficientPrivilege as exc:  # also a row-level policy's refusal (SQLSTATE 42501)
            raise _Refused() from exc

    def _write_rows(
        self, connection: psycopg.Connection[Any], status: RoomStatus, thumbnail: _Thumbnail | None, handed: int
    ) -> None:
        ours = replace(status, room=self.room, console=self.console)
        text = json.dumps(ours.to_json(), ensure_ascii=False, allow_nan=False)
        now = self.wall()
        with connection.transaction():
            row = connection.execute(
                "UPDATE studio_rooms SET status = %s, heartbeat = %s, updated_at = now() "
                "WHERE room = %s AND console = %s RETURNING id",
                (text, ours.heartbeat, self.room, self.console),
            ).fetchone()
            if row is None:
                row = connection.execute(
                    "INSERT INTO studio_rooms (room, console, status, heartbeat, claimed_at) "
                    "VALUES (%(room)s, %(console)s, %(status)s, %(heartbeat)s, %(now)s) "
                    "ON CONFLICT (room) DO UPDATE SET console = EXCLUDED.console, status = EXCLUDED.status, "
                    "heartbeat = EXCLUDED.heartbeat, claimed_at = EXCLUDED.claimed_at, updated_at = now() "
                    "WHERE studio_rooms.console = '' OR studio_rooms.console = EXCLUDED.console "
                    "OR studio_rooms.heartbeat < %(stale)s RETURNING id",
                    {
                        "room": self.room,
                        "console": self.console,
                        "status": text,
                        "heartbeat": ours.heartbeat,
                        "now": now,
                        "stale": now - SILENT_AFTER_S,
                    },
                ).fetchone()
            if row is None:
                holder = connection.execute(
                    "SELECT console, heartbeat FROM studio_rooms WHERE room = %s", (self.room,)
                ).fetchone()
                other, beat = (holder[0], float(holder[1])) if holder else ("?", now)
                refused = Explained(
                    QT_TRANSLATE_NOOP(
                        "Studio",
                        "the room “{room}” is already published by another console, {other} (its last heartbeat "
                        "{seconds} s ago); this console does not publish it until that one stops",
                    ),
                    room=self.room,
                    other=other,
                    seconds=max(0, round(now - beat)),
                )
                self._refused(refused, handed)
                return
            if thumbnail is not None:
                connection.execute(
                    "INSERT INTO studio_thumbnails (room, taken, image) VALUES (%s, %s, %s) "
                    "ON CONFLICT (room) DO UPDATE SET taken = EXCLUDED.taken, image = EXCLUDED.image, "
                    "updated_at = now()",
                    (self.room, thumbnail.taken, thumbnail.jpeg),
                )
        with self._settled:
            self._last = ours
            self.written += 1
            if thumbnail is not None:
                self.thumbnails_written += 1
                if self._thumbnail is thumbnail:
                    self._thumbnail = None
            if self._status is status:
                self._status = None
            self._done = max(self._done, handed)
            if self._problem is not None:
                LOG.info("the studio's database takes %r's status again", self.room)
            self._problem, self._down_since = None, None
            self._settled.notify_all()

    def _refused(self, refused: Explained, handed: int) -> None:
        with self._settled:
            if self._problem is None or self._problem.fields != refused.fields:
                LOG.warning("%s", refused)
            if self._status is not None and self._handed == handed:
                self._status = None  # tried again with the next status handed over
            self._problem, self._down_since = refused, None
            self._done = max(self._done, handed)
            self._settled.notify_all()

    def _set_problem(self, problem: Explained, handed: int) -> None:
        with self._settled:
            if self._problem is None or str(self._problem) != str(problem):
                LOG.warning("%s", problem)
            self._problem = problem
            self._done = max(self._done, handed)
            self._settled.notify_all()

    def _unreachable(self, exc: BaseException) -> None:
        with self._settled:
            trouble = classify(exc)  # its cause in words for the console's log; the driver's words in ours
            if self._down_since is None:
                self._down_since = self.wall()
                LOG.warning("the studio's database (%s) is unreachable: %s", self.where, trouble)
            self._problem = Explained(
                QT_TRANSLATE_NOOP(
                    "Studio",
                    "the studio's database ({where}) is unreachable since {since}: {error}; the room's newest "
                    "status is kept and sent when it is back",
                ),
                where=self.where,
                since=clock_time(self._down_since),
                error=trouble.message,
            )
            # Not "done": the status waits for the database, and settle() keeps waiting with it.

    def _release(self, connection: psycopg.Connection[Any] | None) -> None:
        """Leave the room as last known, unwatched (lights unknown) and unclaimed; if the database is away, the
        heartbeat stops and the wall says "not reporting" on its own."""
        with self._lock:
            last = self._status or self._last
        if last is None:
            return
        now = self.wall()
        gone = replace(closing_status(last, now), room=self.room, console=self.console)
        try:
            if connection is None or connection.closed:
                connection = connect(self._conninfo, self._args)
            with connection.transaction():
                connection.execute(
                    "UPDATE studio_rooms SET console = '', status = %s, heartbeat = %s, updated_at = now() "
                    "WHERE room = %s AND console = %s",
                    (json.dumps(gone.to_json(), ensure_ascii=False), gone.heartbeat, self.room, self.console),
                )
        except Exception as exc:
            LOG.warning("the room %r could not be marked as closed in the studio's database: %s", self.room, exc)
        finally:
            drop(connection)


class _Refused(Exception):
    """The database refused this console's role the room's rows."""


class _Permanent(Exception):
    def __init__(self, explained: Explained) -> None:
        super().__init__(str(explained))
        self.explained = explained
