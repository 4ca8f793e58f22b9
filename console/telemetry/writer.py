"""ShowWriter: the telemetry's way to the database, on its own thread. It opens (or, after a restart
mid-show, resumes) the room's show, hands the stored history back once, then writes what the live side
produced in one transaction every couple of seconds. When the database fails (disk full, server gone)
the rows stay in memory and are written when it recovers; the problem is reported, never swallowed."""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from obs.errors import Explained

if TYPE_CHECKING:  # SQLAlchemy loads on the writer thread, not at start-up
    from console.storage import Storage, StoredShow

LOG = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


#: A console restarted within this long continues the same show (its graphs come back).
RESUME_S = 15 * 60
FLUSH_S = 2.0
#: Rows kept while the database is failing: 6 hours at 1 Hz; older ones are dropped, and that is said.
MAX_PENDING = 6 * 3600
#: After an unexpected failure the writer starts again after 1, 2, 4 … 30 s.
RESTART_S = 1.0
RESTART_MAX_S = 30.0

Rows = list[dict[str, Any]]
History = Callable[["StoredShow", bool, Rows, Rows, Rows], None]
#: A problem in words (English, from the database), a translatable one, or None when it is over.
Problem = Callable[[str | Explained | None], None]


class ShowWriter:
    def __init__(
        self,
        room: str,
        on_history: History,
        on_problem: Problem,
        open_storage: Callable[[], Storage] | None = None,
        resume_within_s: float = RESUME_S,
        flush_s: float = FLUSH_S,
    ) -> None:
        self._open_storage = open_storage
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
        self.show: StoredShow | None = None
        self._failing: str | Explained | None = None
        self._end = False
        self._stopping = False
        #: How often an unexpected error restarted the writer.
        self.restarts = 0
        self._thread = threading.Thread(target=self._run, name="telemetry-writer", daemon=True)

    def start(self) -> ShowWriter:
        self._thread.start()
        return self

    def put(self, samples: Rows, markers: Rows, findings: Rows | None = None) -> None:
        if samples or markers or findings:
            self._inbox.put((samples, markers, findings or []))

    def stop(self, end_show: bool = False, timeout: float = 10.0) -> None:
        """Write what is left and close; `end_show` marks the show over (the room changed). With timeout 0
        this returns at once and the thread finishes in the background (see join)."""
        self._end = end_show
        self._inbox.put(None)
        if timeout > 0:
            self._thread.join(timeout)

    def join(self, timeout: float) -> None:
        self._thread.join(timeout)

    def pending(self) -> int:
        return len(self._samples) + len(self._markers) + len(self._findings)

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
                self._report(
                    Explained(
                        QT_TRANSLATE_NOOP(
                            "Telemetry",
                            "the writer stopped on an unexpected error ({error}) and was restarted; "
                            "{pending} rows are kept in memory",
                        ),
                        error=f"{type(exc).__name__}: {exc}",
                        pending=self.pending(),
                    )
                )
                if self._stopping:
                    return
                time.sleep(min(RESTART_MAX_S, RESTART_S * 2 ** (restarts - 1)))

    def _live(self) -> None:
        storage: Storage | None = None
        try:
            while True:
                if storage is None or self.show is None:
                    storage = self._open(storage)
                self._stopping = self._collect(self._stopping)
                if storage is not None and self.show is not None:
                    self._flush(storage)
                if self._stopping and (storage is None or not self.pending() or self._failing):
                    break
            if storage is not None and self._end and self.show is not None:
                try:
                    storage.end_show(self.show.id, datetime.now(UTC))
                except Exception as exc:
                    LOG.warning("could not mark the show ended: %s", exc)
        finally:
            if storage is not None:
                storage.close()
        if self.pending():
            LOG.error("%d telemetry rows could not be stored before closing", self.pending())

    def _collect(self, stopping: bool) -> bool:
        """Wait up to one flush interval for rows (less once stopping); True once a stop was asked."""
        try:
            item = self._inbox.get(timeout=0.05 if stopping else self.flush_s)
        except queue.Empty:
            return stopping
        while True:
            if item is None:
                stopping = True
            else:
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
            for _ in range(overflow):
                self._samples.popleft()
            self.dropped += overflow
            self._report(f"the database has been failing for hours: {self.dropped} s of telemetry were dropped")
        return stopping

    def _open(self, storage: Storage | None) -> Storage | None:
        from console.storage import StorageError

        try:
            if storage is None:
                from console.storage import Storage

                storage = self._open_storage() if self._open_storage is not None else Storage()
                storage.migrate()
            if self.show is not None:
                return storage  # a restarted writer goes on with the show it had
            show, resumed = storage.open_show(self.room, datetime.now(UTC), self.resume_within_s)
            history = storage.show_samples(show.id) if resumed else []
            markers = storage.show_markers(show.id) if resumed else []
            findings = storage.show_findings(show.id) if resumed else []
        except StorageError as exc:
            self._report(str(exc))
            return storage
        self.show = show
        self._on_history(show, resumed, history, markers, findings)
        return storage

    def _flush(self, storage: Storage) -> None:
        from console.storage import StorageError

        if not self.pending() or self.show is None:
            return
        samples, markers, findings = list(self._samples), list(self._markers), dict(self._findings)
        try:
            storage.add_telemetry(self.show.id, samples, markers, list(findings.values()))
        except StorageError as exc:
            self._report(str(exc))
            return
        for key, row in findings.items():
            if self._findings.get(key) is row:
                del self._findings[key]
        for _ in samples:
            self._samples.popleft()
        for _ in markers:
            self._markers.popleft()
        self.written += len(samples)
        if self._failing:
            self._report(None)

    def _report(self, problem: str | Explained | None) -> None:
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
