"""A room's pre-show checklist as a wall tile shows it, read from the shows' database. No Qt.

A direct wall's rooms (and the console's own room after a restart, or before anyone opened a list on this console)
have no checklist run in this process, yet their pre-show list may well be done: walk22 saw a room whose list a
named person had completed read "Prep: not started" on the wall, because only the console's own run in memory was
ever asked. The runs are stored as they go (checklist_controller saves each change), so the newest pre-show run of
the room in the database says how its preparation stands.

`StoredPrep.of(room)` never waits: it answers what it last read and, when that is older than `every_s`, has it
read again on a worker thread of its own — the wall asks on each room's driving thread and, for the console's own
room, on the console's GUI thread, neither of which may wait for a database.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from checklists.engine import DONE, ItemStatus, RunEnd
from console.core.studio.status import Checklist, Prep, WentLive
from console.core.worker import SerialWorker

LOG = logging.getLogger(__name__)

#: How often a room's stored run is read again (a list ticked on another console shows within this).
PREP_EVERY_S = 5.0

_DONE = frozenset(status.value for status in DONE)
_FAILED = frozenset({ItemStatus.FAILED.value, ItemStatus.ERROR.value})


#: What a read found when the room has no pre-show run at all: not started, and a show on air went live with none.
NO_RUN = Checklist("", Prep.NOT_STARTED, 0, 0, went_live=WentLive.NO_LIST)


def went_live_of(run: Any) -> WentLive | None:
    """How a show went live with a stored pre-show run, by storage's own rule (`_AT_GO_LIVE`, the show review's
    checklist outcome): kept at go-live (overridden when a person went live anyway), or completed before and counted
    then; None when no show went live with it."""
    if run.end_state == RunEnd.WENT_LIVE.value:
        if run.go_live_by:
            return WentLive.OVERRIDDEN
        return WentLive.READY if run.ready else WentLive.NOT_READY
    if run.end_state == RunEnd.COMPLETED.value and run.go_live_at is not None and not run.go_live_by:
        return WentLive.READY
    return None


def checklist_of_stored(run: Any, language: str = "en") -> Checklist:
    """A stored pre-show run (console.core.storage.StoredRun, with its items) as a tile shows it, by the rule
    `snapshot.checklist_of` applies to a run in memory. Not started (NO_RUN) for no run; not started too for a run
    a show already went live with — that was its show's preparation, not the next one's — but saying how that show
    went live with it and which show it was (a tile on air says it when that show is the one on air)."""
    if run is None:
        return NO_RUN
    items = run.items
    done = sum(1 for item in items if item.status in _DONE)
    failed = sum(1 for item in items if item.required and item.status in _FAILED)
    went_live = went_live_of(run)
    if went_live is not None:
        by = (run.go_live_by or "") if went_live is WentLive.OVERRIDDEN else ""
        # When the stream started with it: a run kept at go-live closed then; a completed one was counted then.
        moment = run.ended_at if run.end_state == RunEnd.WENT_LIVE.value else run.go_live_at
        at = None if moment is None else moment.timestamp()
        title = run.title_in(language)
        return Checklist(title, Prep.NOT_STARTED, done, len(items), failed, went_live, by, run.show_id, at)
    if run.go_live_at is not None:  # a go-live override left from a stream that never started: read as before
        return Checklist(run.title_in(language), Prep.NOT_STARTED, done, len(items), failed, show_id=run.show_id)
    if run.end_state == RunEnd.OPEN.value:
        state = Prep.RUNNING
    elif run.end_state != RunEnd.ABANDONED.value and run.ready and failed == 0:
        state = Prep.PASSED
    else:
        state = Prep.FAILED
    return Checklist(run.title_in(language), state, done, len(items), failed, show_id=run.show_id)


class StoredPrep:
    """Each room's newest stored pre-show run, as a tile's Checklist (see the module's docstring). `open_storage`
    opens the database the rooms' runs are kept in; it is opened on the worker thread at the first read."""

    def __init__(
        self,
        open_storage: Callable[[], Any],
        *,
        every_s: float = PREP_EVERY_S,
        language: str | Callable[[], str] = "en",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._open_storage, self._every_s, self._language, self._clock = open_storage, every_s, language, clock
        self._lock = threading.Lock()
        #: room -> (when it was read, what it said)
        self._read: dict[str, tuple[float, Checklist | None]] = {}
        self._asked: set[str] = set()
        self._worker: SerialWorker | None = None
        self._storage: Any = None
        self._closed = False

    def of(self, room: str) -> Checklist | None:
        """What the room's stored run said when last read (None until it has been read: not started)."""
        now = self._clock()
        with self._lock:
            read = self._read.get(room)
            stale = read is None or now - read[0] >= self._every_s
            if stale and not self._closed and room not in self._asked:
                self._asked.add(room)
                if self._worker is None:
                    self._worker = SerialWorker("studio-prep")
                self._worker.submit(lambda: self._refresh(room))
            return None if read is None else read[1]

    def _refresh(self, room: str) -> None:
        try:
            language = self._language if isinstance(self._language, str) else self._language()
            checklist = checklist_of_stored(self._newest(room), language)
        except Exception:  # the database away: the tile keeps what was last read, and it is tried again
            LOG.warning("room %s: its pre-show checklist could not be read from the database", room, exc_info=True)
            with self._lock:
                self._asked.discard(room)
                known = self._read.get(room)
                self._read[room] = (self._clock(), None if known is None else known[1])
            return
        with self._lock:
            self._asked.discard(room)
            self._read[room] = (self._clock(), checklist)

    def _newest(self, room: str) -> Any:
        if self._storage is None:
            self._storage = self._open_storage()
        return self._storage.newest_pre_show(room)

    def close(self, timeout: float = 5.0) -> None:
        """Stop reading (off the GUI thread: a read under way is waited for, up to `timeout`)."""
        with self._lock:
            self._closed = True
            worker, self._worker = self._worker, None
        if worker is not None and not worker.shutdown(timeout):
            return  # a read stuck on a frozen database: its thread is a daemon, the storage is left to it
        if self._storage is not None:
            self._storage.close()
            self._storage = None
