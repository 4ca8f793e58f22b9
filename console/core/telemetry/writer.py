"""ShowWriter: the telemetry's way to the database, on its own thread. It opens (or, after a restart
mid-show, resumes) the room's show, hands the stored history back once, then writes what the live side
produced in one transaction every couple of seconds. When the database fails (disk full, server gone)
the rows stay in memory and are written when it recovers; the problem is reported, never swallowed."""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.core.dbtrouble import DatabaseTrouble
from obs.errors import Explained
from obs.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # SQLAlchemy loads on the writer thread, not at start-up
    from console.core.storage import Storage, StorageError, StoredShow

LOG = logging.getLogger(__name__)


#: A console restarted within this long continues the same show (its graphs come back).
RESUME_S = 15 * 60
#: How long a writer that follows another (a room switch) waits for it to end its show before opening its own;
#: the one before spills what it cannot write in its own time, so this is only reached when its database is stuck.
AFTER_WAIT_S = 10.0
FLUSH_S = 2.0
#: Rows kept while the database is failing: 6 hours at 1 Hz; older ones are dropped, and that is said.
MAX_PENDING = 6 * 3600
#: After an unexpected failure the writer starts again after 1, 2, 4 … 30 s.
#: Comments (show_comments) written in one flush at most: a flood is stored over several flushes, never as one
#: transaction holding the database for seconds.
COMMENTS_PER_FLUSH = 5000
#: Comments kept while the database is failing; older ones are dropped, and that is counted.
MAX_PENDING_COMMENTS = 200_000
RESTART_S = 1.0
RESTART_MAX_S = 30.0
#: A database call taking longer than this is reported as "not answering" (the rows wait in memory).
STUCK_S = 10.0
#: How far back the writer remembers the seconds it stored: at the show's end, seconds of the show it did not store
#: tell that another console still records it (Storage.end_show).
OWN_SECONDS_S = 60.0

Rows = list[dict[str, Any]]
History = Callable[["StoredShow", bool, Rows, Rows, Rows], None]
#: A problem in words (English, from the database), a translatable one, a database failure by its cause (said in
#: the reader's language by the GUI: console/database_words.py), or None when it is over.
Problem = Callable[[str | Explained | DatabaseTrouble | None], None]
#: Something worth telling that is not a problem (rows from the last exit written in).
Notice = Callable[[Explained], None]
#: A resumed show's rundown as stored: its marks (console.core.rundown.live.Mark) and snapshot (or None).
RundownHistory = Callable[[list[Any], Any], None]


def _storage_error() -> type[StorageError]:
    """The storage's error class, imported when an exception is matched against it: importing it loads SQLAlchemy,
    which the console's `open_storage` holds back until its window has painted (console/telemetry_controller.py)."""
    from console.core.storage import StorageError

    return StorageError


class ShowWriter:
    def __init__(
        self,
        room: str,
        on_history: History,
        on_problem: Problem,
        open_storage: Callable[[], Storage] | None = None,
        resume_within_s: float = RESUME_S,
        flush_s: float = FLUSH_S,
        on_notice: Notice | None = None,
        spill_folder: Path | None = None,
        on_rundown: RundownHistory | None = None,
        after: ShowWriter | None = None,
    ) -> None:
        self._open_storage = open_storage
        #: The writer of the console's show before this one (a room switch), still finishing in the background.
        self._after = after
        self._on_rundown = on_rundown
        #: The rundown's marks not yet written, newest state by seq, and the snapshot (written once).
        self._rundown_marks: dict[int, dict[str, Any]] = {}
        self._rundown_snapshot: dict[str, Any] | None = None
        #: Comments (console/core/chat/room.py comment_row) not yet written, oldest first; and how many were dropped.
        self._comments: deque[dict[str, Any]] = deque()
        self.comments_dropped = 0
        self._on_notice = on_notice
        self.spill_folder = spill_folder
        self.room = room
        self._on_history = on_history
        self._on_problem = on_problem
        self.resume_within_s = resume_within_s
        self.flush_s = flush_s
        self._inbox: queue.SimpleQueue[tuple[Rows, Rows, Rows] | None] = queue.SimpleQueue()
        self._samples: deque[dict[str, Any]] = deque()
        self._markers: deque[dict[str, Any]] = deque()
        #: The newest state of each finding episode not yet written (by its key).
        self._findings: dict[str, dict[str, Any]] = {}
        self.dropped = 0
        self.written = 0
        #: The times of the seconds this writer stored lately (OWN_SECONDS_S), and when it opened its show (wall
        #: clock): a second stored before that is not another console recording alongside (an earlier process's).
        self._own: deque[float] = deque()
        self._opened_at: float | None = None
        #: Whether the show was marked ended at the stop (False: another console still records it, or it failed).
        self.ended = False
        self.show: StoredShow | None = None
        self._failing: str | Explained | DatabaseTrouble | None = None
        self._report_lock = threading.Lock()
        self._schema_ready = False
        #: Since when (monotonic) the writer has been inside one database call; None when it is not.
        self._busy_since: float | None = None
        #: Guards the pending rows: the writer thread changes them, a closing console may spill them.
        self._rows_lock = threading.Lock()
        self._spilled = False
        self.spill_path: Path | None = None
        self._where: str | None = None
        self._end = False
        self._stopping = False
        #: Called once on the writer's thread when a stop is asked, before the last flush: comments still arriving
        #: from sources that are stopping (a room switch), which it may wait for (console/core/session.py).
        self.late_comments: Callable[[], Rows] | None = None
        #: How often an unexpected error restarted the writer.
        self.restarts = 0
        self._thread = threading.Thread(target=self._run, name="telemetry-writer", daemon=True)

    def start(self) -> ShowWriter:
        self._thread.start()
        return self

    def put(self, samples: Rows, markers: Rows, findings: Rows | None = None) -> None:
        if samples or markers or findings:
            self._inbox.put((samples, markers, findings or []))

    def put_rundown(self, marks: Rows, snapshot: dict[str, Any] | None = None) -> None:
        """Rundown marks (Mark.as_row(); a mark put again replaces its unwritten state) and the show's snapshot,
        written with the next flush; from the driving thread."""
        with self._rows_lock:
            for row in marks:
                self._rundown_marks[int(row["seq"])] = row
            if snapshot is not None:
                self._rundown_snapshot = snapshot
        self._inbox.put(([], [], []))  # wakes the writer like any rows

    def put_comments(self, rows: Rows) -> None:
        """The room's comments and gifts (comment_row), written with the next flushes (at most COMMENTS_PER_FLUSH
        each); from the driving thread. While the database fails they wait, up to MAX_PENDING_COMMENTS."""
        if not rows:
            return
        with self._rows_lock:
            self._comments.extend(rows)
            overflow = len(self._comments) - MAX_PENDING_COMMENTS
            for _ in range(max(0, overflow)):
                self._comments.popleft()
            self.comments_dropped += max(0, overflow)
        self._inbox.put(([], [], []))  # wakes the writer like any rows

    def stop(self, end_show: bool = False, timeout: float = 10.0, now: float | None = None) -> None:
        """Write what is left and close; `end_show` marks the show over (the room changed). With timeout 0
        this returns at once and the thread finishes in the background (see join). What could not reach the
        database by then (it is down, frozen or full) goes to a spill file that the next start writes in.
        `now` (monotonic) is for tests that compress time."""
        self._end = end_show
        self._inbox.put(None)
        if self.stuck_for(now) >= STUCK_S:
            timeout = min(timeout, 1.0)  # a database that stopped answering will not answer now: spill
        if timeout > 0:
            self.join(timeout)

    def is_alive(self) -> bool:
        """Still writing (or ending its show)."""
        return self._thread.is_alive()

    def finished(self, timeout: float) -> bool:
        """Wait up to `timeout` for the thread to end (its last rows written, its show marked ended); nothing
        is spilled by this wait."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def join(self, timeout: float) -> None:
        """Wait for the thread; if rows are still unwritten after `timeout`, spill them to a local file."""
        self._thread.join(timeout)
        if self._thread.is_alive() or self.pending() or self._inbox_pending():
            self._spill()

    def _inbox_pending(self) -> bool:
        return not self._inbox.empty()

    def _spill(self) -> None:
        from console.core.telemetry.spill import write_spill

        # Rows being written at this moment are still in the deques (they leave them once stored): if that
        # write commits after all, the next start sees those seconds stored and does not add them twice.
        with self._rows_lock:
            if self._spilled:
                return
            self._spilled = True
            samples, markers = list(self._samples), list(self._markers)
            latest = dict(self._findings)
            while True:
                try:
                    item = self._inbox.get_nowait()
                except queue.Empty:
                    break
                if item is not None:
                    samples += item[0]
                    markers += item[1]
                    latest.update({row["key"]: row for row in item[2]})
        if not (samples or markers or latest):
            return
        where = self._where or "?"
        show_id = self.show.id if self.show is not None else None
        try:
            self.spill_path = write_spill(
                where, self.room, show_id, samples, markers, list(latest.values()), self.spill_folder
            )
        except OSError as exc:
            LOG.error("%d telemetry rows are lost: the database and the spill file both failed (%s)", len(samples), exc)
            return
        LOG.warning(
            "the database (%s) could not take the last %d s of telemetry before closing: kept in %s, written in at "
            "the next start",
            where,
            len(samples),
            self.spill_path,
        )

    def stuck_for(self, now: float | None = None) -> float:
        """How long the current database call has been running (0 when there is none)."""
        since = self._busy_since
        return 0.0 if since is None else (time.monotonic() if now is None else now) - since

    def watch(self, now: float | None = None) -> None:
        """Call now and then from any thread (the console's tick): a database call stuck for STUCK_S (a frozen
        PostgreSQL server answers nothing, and no timeout of its own fires) is reported while it lasts."""
        stuck = self.stuck_for(now)
        if stuck >= STUCK_S:
            self._report(
                Explained(
                    QT_TRANSLATE_NOOP(
                        "Telemetry",
                        "the database ({where}) has not answered for {seconds} s; the rows are kept in memory",
                    ),
                    where=self._where or "?",
                    seconds=int(stuck // 10 * 10),
                )
            )

    def pending(self) -> int:
        rundown = len(self._rundown_marks) + (self._rundown_snapshot is not None)
        return len(self._samples) + len(self._markers) + len(self._findings) + rundown + len(self._comments)

    # ------------------------------------------------------------------ the thread
    def _run(self) -> None:
        """Supervise the writer: an unexpected error never ends it. The rows wait in memory, the failure is
        reported (the window shows it), and the writer starts again after a short pause."""
        restarts = 0
        while True:
            try:
                self._live()
                return
            except Exception as exc:
                restarts += 1
                self.restarts = restarts
                LOG.exception("the telemetry writer failed (restart %d)", restarts)
                pending = self.pending()
                self._report(
                    Explained(
                        QT_TRANSLATE_NOOP(
                            "Telemetry",
                            "the writer stopped on an unexpected error ({error}) and was restarted; "
                            "1 row is kept in memory",
                        )
                        if pending == 1
                        else QT_TRANSLATE_NOOP(
                            "Telemetry",
                            "the writer stopped on an unexpected error ({error}) and was restarted; "
                            "{pending} rows are kept in memory",
                        ),
                        error=f"{type(exc).__name__}: {exc}",
                        pending=pending,
                    )
                )
                if self._stopping:
                    return
                time.sleep(min(RESTART_MAX_S, RESTART_S * 2 ** (restarts - 1)))

    def _live(self) -> None:
        storage: Storage | None = None
        if self._after is not None:
            # Open this room's show only once the show before has been ended: switched away and back quickly,
            # the room's last show, not yet marked ended, would be resumed here and then ended under it.
            self._after.finished(AFTER_WAIT_S)
            self._after = None
        try:
            while True:
                if storage is None or self.show is None:
                    storage = self._open(storage)
                self._stopping = self._collect(self._stopping)
                if self._stopping and self.late_comments is not None:
                    late, self.late_comments = self.late_comments, None
                    self.put_comments(late())
                if storage is not None and self.show is not None:
                    self._flush(storage)
                if self._spilled or (self._stopping and (storage is None or not self.pending() or self._failing)):
                    break
            if storage is not None and self._end and self.show is not None:
                self._end_show(storage, self.show.id)
        finally:
            if storage is not None:
                storage.close()

    def _end_show(self, storage: Storage, show_id: int) -> None:
        """Mark the show ended — not under another console of the room that records the same show: it is that
        console's to end (Storage.end_show)."""
        try:
            self.ended = storage.end_show(show_id, datetime.now(UTC), mine=list(self._own), since=self._opened_at)
        except Exception as exc:
            LOG.warning("could not mark the show ended: %s", exc)
            return
        if not self.ended:
            LOG.info("show %d is left open: another console of the room still records it", show_id)

    def _collect(self, stopping: bool, wait: bool = True) -> bool:
        """Wait up to one flush interval for rows (less once stopping; not at all without `wait`); True once a stop
        was asked."""
        try:
            item = self._inbox.get(timeout=0.05 if stopping else self.flush_s) if wait else self._inbox.get_nowait()
        except queue.Empty:
            return stopping
        while True:
            if item is None:
                stopping = True
            else:
                with self._rows_lock:
                    self._samples.extend(item[0])
                    self._markers.extend(item[1])
                    for row in item[2]:
                        self._findings[row["key"]] = row
            try:
                item = self._inbox.get_nowait()
            except queue.Empty:
                break
        overflow = len(self._samples) - MAX_PENDING
        if overflow > 0:
            with self._rows_lock:
                for _ in range(overflow):
                    self._samples.popleft()
            self.dropped += overflow
            self._report(f"the database has been failing for hours: {self.dropped} s of telemetry were dropped")
        return stopping

    def _open(self, storage: Storage | None) -> Storage | None:
        """Open the database (retried every flush interval until it works: a database down, read-only or full
        at start is tried again like any write), bring its schema up to date, open or resume the show, and
        write in what an earlier console spilled for this database."""
        try:
            if storage is None:
                if self._open_storage is not None:
                    storage = self._open_storage()  # the console's may wait for its window to paint first
                else:
                    from console.core.storage import Storage

                    storage = Storage()
                self._where = storage.where
            if not self._schema_ready:
                with self._busy():
                    storage.migrate()
                self._schema_ready = True
            if self.show is not None:
                return storage  # a restarted writer goes on with the show it had
            # The rows that arrived while the database opened (seconds, on a first start that migrates it) are the
            # show's first seconds: a new show starts with the oldest of them, not when its row could be written.
            self._stopping = self._collect(self._stopping, wait=False)
            with self._busy():
                show, resumed = storage.open_show(
                    self.room, datetime.now(UTC), self.resume_within_s, started=self._oldest_waiting()
                )
                self._write_spilled(storage, show)
                history = storage.show_samples(show.id) if resumed else []
                markers = storage.show_markers(show.id) if resumed else []
                findings = storage.show_findings(show.id) if resumed else []
                marks = storage.rundown_marks(show.id) if resumed and self._on_rundown else []
                snapshot = storage.rundown_snapshot(show.id) if resumed and self._on_rundown else None
        except _storage_error() as exc:
            self._report(exc.trouble or str(exc))  # the cause, said in words on the GUI side
            return storage
        self.show = show
        self._opened_at = time.time()
        self._on_history(show, resumed, history, markers, findings)
        if self._on_rundown is not None and resumed:
            self._on_rundown(marks, snapshot)  # none too: the runner knows they were read, not still awaited
        if self._failing:
            self._report(None)
        return storage

    def _oldest_waiting(self) -> datetime | None:
        """When the oldest row not yet written was taken (None: none waits)."""
        with self._rows_lock:
            times = [float(row["t"]) for rows in (self._samples, self._markers) for row in rows if "t" in row]
        return datetime.fromtimestamp(min(times), UTC) if times else None

    def _write_spilled(self, storage: Storage, show: StoredShow) -> None:
        """Rows an earlier console could not store before it closed. A file whose show is unknown here, or for
        no show (the database never opened), goes to its room's current show if it is this room."""
        from console.core.storage import StorageError
        from console.core.telemetry.spill import claim_spills, release

        for path, data in claim_spills(storage.where, self.spill_folder):
            show_id = data.get("show_id")
            try:
                if not (isinstance(show_id, int) and storage.show_exists(show_id)):
                    if data.get("room") != self.room:
                        release(path, stored=False)
                        continue
                    show_id = show.id
                added = storage.add_unsaved(show_id, data["samples"], data["markers"], data["findings"])
            except StorageError:
                release(path, stored=False)
                raise
            except (KeyError, TypeError, ValueError) as exc:
                LOG.error("unsaved telemetry file %s is damaged (%s): set aside", path, exc)
                path.replace(path.with_suffix(".broken"))
                continue
            release(path, stored=True)
            LOG.info("wrote in %d s of telemetry kept at the last exit (%s)", added, path.name)
            if self._on_notice is not None and added:
                self._on_notice(
                    Explained(
                        QT_TRANSLATE_NOOP(
                            "Telemetry",
                            "{seconds} s of telemetry that could not be saved at the last exit are now stored",
                        ),
                        seconds=added,
                    )
                )

    @contextmanager
    def _busy(self) -> Iterator[None]:
        self._busy_since = time.monotonic()
        try:
            yield
        finally:
            self._busy_since = None

    def _flush(self, storage: Storage) -> None:
        from console.core.storage import StorageError

        if not self.pending() or self.show is None or self._spilled:
            return  # once spilled, the rows belong to the spill file: writing them too would store them twice
        with self._rows_lock:
            samples, markers, findings = list(self._samples), list(self._markers), dict(self._findings)
            marks, snapshot = dict(self._rundown_marks), self._rundown_snapshot
            comments = list(itertools.islice(self._comments, COMMENTS_PER_FLUSH))
        try:
            with self._busy():
                # The rundown first: rewriting it is harmless (by seq), rewriting samples would store them twice.
                if marks or snapshot is not None:
                    storage.add_rundown(self.show.id, list(marks.values()), snapshot)
                storage.add_telemetry(self.show.id, samples, markers, list(findings.values()))
        except StorageError as exc:
            self._report(exc.trouble or str(exc))  # the cause, said in words on the GUI side
            # The comments do not wait on the seconds: each is stored once by its key, so writing them now never
            # doubles one, and seconds refused alone (two consoles of one show writing the same finding at a close)
            # left a closing console's comments unwritten — the stop gives up on a failing database, and the spill
            # file keeps the seconds only.
            self._flush_comments(storage, self.show.id, comments)
            return
        self._rundown_written(marks, snapshot)
        with self._rows_lock:
            for key, row in findings.items():
                if self._findings.get(key) is row:
                    del self._findings[key]
            for _ in samples:
                self._samples.popleft()
            for _ in markers:
                self._markers.popleft()
        self.written += len(samples)
        self._remember(samples)
        if self._flush_comments(storage, self.show.id, comments) and self._failing:
            self._report(None)

    def _remember(self, samples: Rows) -> None:
        """The seconds just stored, as this writer's own (the show's end tells them from another console's)."""
        times = [float(row["t"]) for row in samples if "t" in row]
        if not times:
            return
        self._own.extend(times)
        newest = max(self._own)
        while self._own and self._own[0] < newest - OWN_SECONDS_S:
            self._own.popleft()

    def _flush_comments(self, storage: Storage, show_id: int, comments: Rows) -> bool:
        """The comments in a transaction of their own, after the seconds are safe (a failure here must not have
        the seconds written twice); False when the database refused them (they wait for the next flush)."""
        from console.core.storage import StorageError

        if not comments:
            return True
        try:
            with self._busy():
                storage.add_comments(show_id, comments)
        except StorageError as exc:
            self._report(exc.trouble or str(exc))  # the cause, said in words on the GUI side
            return False
        with self._rows_lock:
            for _ in comments:
                self._comments.popleft()
        return True

    def _rundown_written(self, marks: dict[int, dict[str, Any]], snapshot: dict[str, Any] | None) -> None:
        """Forget the rundown rows just written (unless a newer state of one arrived meanwhile)."""
        with self._rows_lock:
            for seq, row in marks.items():
                if self._rundown_marks.get(seq) is row:
                    del self._rundown_marks[seq]
            if self._rundown_snapshot is snapshot:
                self._rundown_snapshot = None

    def _report(self, problem: str | Explained | DatabaseTrouble | None) -> None:
        """Tell the problem (or, with None, that it is over) once; called from the writer and from watch()."""
        with self._report_lock:
            if problem is not None and str(problem) == str(self._failing):
                return
            if problem is None and self._failing is None:
                return
            self._failing = problem
        if problem:
            LOG.warning("telemetry storage: %s", problem)
        try:
            self._on_problem(problem)
        except Exception:
            LOG.exception("telemetry problem hook failed")
