"""ChecklistController: the console's active checklist run — sensing and storing on a worker, results to the GUI.

One worker thread does the slow parts in order (sensed checks with their listening windows, database
writes); the GUI thread only changes the run (confirm, override, note) and reads it. Sensed items are
re-checked every RECHECK_MS until a person signs them off. The run id is remembered in the settings,
so a run continues after a restart.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from checklists.engine import ChecklistRun, ItemState, ItemStatus, RunError
from checklists.loader import load_all
from checklists.model import Problem, Template
from console.bridge import ObsBridge
from console.bridge_context import BridgeContext
from console.settings import Settings

if TYPE_CHECKING:  # SQLAlchemy and Alembic load on the worker, on first use, not at start-up
    from console.storage import Storage, StoredRun
from obs.messages import LinkState

LOG = logging.getLogger(__name__)
RECHECK_MS = 10_000


class ChecklistController(QObject):
    sig_run_changed = Signal()
    sig_problem = Signal(str)  # storage and run problems, already in words
    _sig_done = Signal(object, object)  # future, what to do with it (GUI thread)

    def __init__(
        self, bridge: ObsBridge, settings: Settings, storage_url: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.storage_url = storage_url
        self._storage: Storage | None = None
        self._storage_lock = threading.Lock()
        self.templates: dict[str, Template] = {}
        self.problems: list[Problem] = []
        self.run: ChecklistRun | None = None
        #: The room the console is connected to, for new runs (set by the main window).
        self.room = "demo"
        self.run_id: int | None = None
        self.checking = False
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="checklist-worker")
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setInterval(RECHECK_MS)
        self._timer.timeout.connect(self.recheck)
        self._sig_done.connect(self._on_worker_done)
        self.reload_templates()

    # ------------------------------------------------------------------ templates
    def reload_templates(self) -> None:
        folder = self.settings.get("checklists/folder")
        self.templates, self.problems = load_all([Path(folder)] if folder else [])

    # ------------------------------------------------------------------ the run
    def start(self, template_id: str, operator: str, room: str) -> None:
        if not operator.strip():
            self.sig_problem.emit(
                QCoreApplication.translate("Checklist", "Enter your name first: every confirmation is signed.")
            )
            return
        self.run = ChecklistRun(self.templates[template_id], operator.strip(), room)
        self.run_id = None
        self.sig_run_changed.emit()
        self._save()
        self.recheck()
        self._timer.start()

    def recheck(self) -> None:
        if self.run is None or self.checking:
            return
        if self.bridge.tracker.status.state is not LinkState.CONNECTED:
            return  # nothing to sense; the next tick tries again
        self.checking = True
        run = self.run
        self.bridge.meter_listeners += 1  # the bridge keeps meter history only while checks listen
        context = BridgeContext(self.bridge)
        self._submit(lambda: run.check(context), self._after_check)
        self.sig_run_changed.emit()

    def _after_check(self, result: Any, error: BaseException | None) -> None:
        self.checking = False
        self.bridge.meter_listeners -= 1
        if error is not None:
            LOG.exception("checklist sensing failed", exc_info=error)
            self.sig_problem.emit(
                QCoreApplication.translate("Checklist", "The checks could not run: %1").replace("%1", str(error))
            )
        self.sig_run_changed.emit()
        self._save()

    def confirm(self, item_id: str) -> bool:
        return self._change(lambda run: run.confirm(item_id, run.operator))

    def override(self, item_id: str, reason: str) -> bool:
        return self._change(lambda run: run.override(item_id, run.operator, reason))

    def note(self, item_id: str, text: str) -> bool:
        return self._change(lambda run: run.set_note(item_id, text))

    def override_go_live(self, reason: str) -> bool:
        return self._change(lambda run: run.override_go_live(run.operator, reason))

    def _change(self, action: Any) -> bool:
        if self.run is None:
            return False
        try:
            action(self.run)
        except RunError as exc:
            self.sig_problem.emit(str(exc))
            return False
        self.sig_run_changed.emit()
        self._save()
        return True

    def state(self, item_id: str) -> ItemState | None:
        return None if self.run is None else self.run.states.get(item_id)

    def blocking_titles(self, language: str) -> list[str]:
        from checklists.model import text_for

        return [text_for(item.title, language) for item in self.run.blocking()] if self.run else []

    # ------------------------------------------------------------------ storage (on the worker)
    def _store(self) -> Storage:
        from console.storage import Storage

        with self._storage_lock:
            if self._storage is None:
                storage = Storage(self.storage_url)
                storage.migrate()
                self._storage = storage
            return self._storage

    def _save(self) -> None:
        run, run_id, language = self.run, self.run_id, self.settings.get("ui/language") or "en"
        if run is None:
            return

        def save() -> int:
            return self._store().save_run(run, language, origin="console", run_id=run_id)

        self._submit(save, self._after_save)

    def _after_save(self, result: Any, error: BaseException | None) -> None:
        from console.storage import StorageError

        if isinstance(error, StorageError):
            self.sig_problem.emit(
                QCoreApplication.translate("Checklist", "The checklist run could not be saved: %1").replace(
                    "%1", str(error)
                )
            )
            return
        if error is None and isinstance(result, int):
            self.run_id = result
            self.settings.set("checklists/active_run", result)

    def resume(self) -> None:
        """Continue the run that was open when the console last closed (read on the worker: the database may
        be slow to open, and start-up must not wait for it). sig_run_changed tells when it is back."""
        run_id = self.settings.get("checklists/active_run")
        if run_id:
            self._submit(lambda: self._store().run(int(run_id)), self._after_resume)

    def _after_resume(self, stored: StoredRun | None, error: BaseException | None) -> None:
        if error is not None:
            self.sig_problem.emit(
                QCoreApplication.translate("Checklist", "The last checklist run could not be read: %1").replace(
                    "%1", str(error)
                )
            )
            return
        if stored is None or stored.checklist_id not in self.templates or self.run is not None:
            return
        states = {
            i.item_id: ItemState(
                ItemStatus(i.status), None, i.checked_at, i.confirmed_by, i.confirmed_at, i.override_reason, i.note
            )
            for i in stored.items
        }
        self.run = ChecklistRun.restore(
            self.templates[stored.checklist_id], stored.operator, stored.room, stored.started_at, states
        )
        self.run_id = stored.id
        LOG.info("resumed checklist run %d (%s, room %s)", stored.id, stored.checklist_id, stored.room)
        self.sig_run_changed.emit()
        self._timer.start()

    # ------------------------------------------------------------------ worker plumbing
    def _submit(self, work: Any, then: Any) -> None:
        if self._closed:
            # A result that arrived after shutdown (a check in flight when the window closed): its save runs
            # here, on the way out, rather than being dropped or raising into Qt.
            try:
                result, error = work(), None
            except Exception as exc:
                result, error = None, exc
            finally:
                if self._storage is not None:
                    self._storage.close()
                    self._storage = None
            then(result, error)
            return
        future: Future[Any] = self._worker.submit(work)
        future.add_done_callback(lambda f: self._sig_done.emit(f, then))

    @Slot(object, object)
    def _on_worker_done(self, future: Future[Any], then: Any) -> None:
        error = future.exception()
        then(None if error is not None else future.result(), error)

    # ------------------------------------------------------------------ history (queries on the worker)
    def query_runs(self, filters: dict[str, Any], then: Any) -> None:
        """then(list[StoredRun] | None, error) on the GUI thread."""
        self._submit(lambda: self._store().runs(**filters), then)

    def load_run(self, run_id: int, then: Any) -> None:
        self._submit(lambda: self._store().run(run_id), then)

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Block until queued work is done (tests, shutdown)."""
        self._worker.submit(lambda: None).result(timeout)

    def shutdown(self) -> None:
        """Finish queued work (the last save is not dropped) and stop; safe to call more than once."""
        self._timer.stop()
        self._closed = True
        self._worker.shutdown(wait=True)
        if self._storage is not None:
            self._storage.close()
