"""A controller's Storage, opened on first use. Qt-free; SQLAlchemy is imported only when the database is first
used, so a console starts without it (the show writer's thread opens its own)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from console.core.storage import Storage


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
        from console.core.storage import Storage

        with self._lock:
            if self._storage is None:
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
