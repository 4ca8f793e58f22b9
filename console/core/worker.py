"""SerialWorker: one daemon thread that runs submitted work in order and answers with futures. No Qt.

concurrent.futures' ThreadPoolExecutor joins its threads when the interpreter exits, so one call stuck on a
database that stopped answering (a frozen PostgreSQL server) would keep the console from ever closing.
This worker's thread is a daemon: closing waits for it a bounded time, then leaves it behind."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any


class SerialWorker:
    def __init__(self, name: str) -> None:
        self._queue: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def submit(self, work: Callable[[], Any]) -> Future[Any]:
        future: Future[Any] = Future()
        self._queue.put((future, work))
        return future

    def shutdown(self, timeout: float) -> bool:
        """Let queued work finish, up to `timeout` seconds; True if the thread ended in time."""
        self._queue.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            future, work = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(work())
            except BaseException as exc:  # delivered to whoever waits on the future, never lost
                future.set_exception(exc)
