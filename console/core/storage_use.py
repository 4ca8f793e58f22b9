"""A controller's Storage, opened on first use. Qt-free; SQLAlchemy is imported only when the database is first
used, so a console starts without it (the show writer's thread opens its own)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from console.core.storage import Storage

#: The longest an opening waits for a hold to be lifted (see hold_openings).
HOLD_MAX_S = 5.0
_free = threading.Event()
_free.set()


def hold_openings() -> None:
    """While the console starts: the databases opened through this module (the controllers' workers', and the show
    writer's through the telemetry controller) wait until release_openings(), at most HOLD_MAX_S, so SQLAlchemy's
    and Alembic's imports on those threads do not share the interpreter lock with the window being built and
    populated. Nothing is lost meanwhile: the work waits on its worker, the show's seconds in memory."""
    _free.clear()


def release_openings() -> None:
    _free.set()


def wait_for_openings() -> None:
    """On the opening thread: return once no hold is on (or after HOLD_MAX_S)."""
    _free.wait(HOLD_MAX_S)


class OpenOnUse:
    """Opened and migrated on first use by the controller's worker thread (never at start-up, never on the GUI
    thread), closed with the controller. An opening that fails closes what it opened and is tried again at the
    next use (a database server back up, a disk freed)."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self._storage: Storage | None = None
        self._lock = threading.Lock()

    @property
    def opened(self) -> bool:
        return self._storage is not None

    def get(self) -> Storage:
        with self._lock:
            if self._storage is None:
                wait_for_openings()
                from console.core.storage import Storage

                storage = Storage(self.url)
                try:
                    storage.migrate()
                except BaseException:
                    storage.close()
                    raise
                self._storage = storage
            return self._storage

    def close(self) -> None:
        with self._lock:
            if self._storage is not None:
                self._storage.close()
                self._storage = None
