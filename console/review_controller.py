"""ReviewController: the review screens' questions to storage, asked on one worker thread, answered on the GUI thread.

The Shows browser's pages and filters, a show's metadata (read, edited, kept at go-live), the platform import
(a file looked at, then imported with a mapping), the exports (PDF, XLSX, CSV) and the ShowLoader the show and
compare windows use: every call takes a `then(result, error)` that runs on the GUI thread, through a queued
signal, as ChecklistController does. The storage opens on the worker on first use (the database may be slow to
open: start-up never waits for it). Built once by the console (console/app.py) and kept through a language
switch, like the checklist controller.
"""

from __future__ import annotations

import getpass
import importlib
import logging
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from console.core.storage_use import OpenOnUse
from console.core.worker import SerialWorker
from widgets.review_port import ImportPreview, PeriodRequest, Then, describe

if TYPE_CHECKING:  # SQLAlchemy, openpyxl and numpy load on the worker, when first used
    from console.core.review.shows import ShowMeta
    from console.core.storage import Storage

LOG = logging.getLogger(__name__)
#: Closing waits this long for the last metadata save.
SHUTDOWN_WAIT_S = 10.0
EXPORTS = ("pdf", "xlsx", "csv")


def _review_windows() -> Any:
    """console/review_windows.py (review-show's show and compare windows), or None where it is not built in."""
    try:
        return importlib.import_module("console.review_windows")
    except ImportError:
        return None


def _bundle(storage: Storage, show_id: int) -> Any:
    """Everything a show view, the PDF and the XLSX need (console/core/review/bundle.py, review-show's)."""
    return importlib.import_module("console.core.review.bundle").bundle_show(storage, show_id)


def _not_kept(error: BaseException) -> str:
    return QCoreApplication.translate("Review", "The show's details were not kept: %1").replace("%1", describe(error))


class ReviewController(QObject):
    # A failure nobody asked about directly (a go-live save): a function saying it in the language of the moment
    # (the event log says it again after a language switch).
    sig_problem = Signal(object)
    sig_meta_saved = Signal(int)  # a show's metadata changed (the browser shows it again)
    sig_imported = Signal(int)  # a show's platform data was imported
    _sig_done = Signal(object, object)  # future, what to do with it (GUI thread)

    def __init__(self, storage_url: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.storage_url = storage_url
        self._storage = OpenOnUse(storage_url)
        self._worker = SerialWorker("review-worker")
        self._closed = False
        self._sig_done.connect(self._on_worker_done)

    # ------------------------------------------------------------------ storage (on the worker)
    def _store(self) -> Storage:
        return self._storage.get()

    def submit(self, work: Callable[[], Any], then: Then) -> None:
        """Run `work` on the worker; `then(result, error)` on the GUI thread (never while closed)."""
        if self._closed:
            return
        future: Future[Any] = self._worker.submit(work)
        future.add_done_callback(lambda f: self._sig_done.emit(f, then))

    @Slot(object, object)
    def _on_worker_done(self, future: Future[Any], then: Then) -> None:
        error = future.exception()
        then(None if error is not None else future.result(), error)

    # ------------------------------------------------------------------ ShowLoader (the show and compare windows)
    def load(self, show_id: int, then: Then) -> None:
        """The show's bundle (everything a show view, the PDF and the XLSX need), built on the worker."""
        self.submit(lambda: _bundle(self._store(), show_id), then)

    def show_window(self, show_id: int, parent: QWidget | None = None) -> QWidget | None:
        """One show opened (console/review_windows.py), loading through this controller; None in a console built
        without the show view."""
        windows = _review_windows()
        return None if windows is None else windows.ShowWindow(self, show_id, parent)

    def compare_window(self, show_ids: list[int], parent: QWidget | None = None) -> QWidget | None:
        windows = _review_windows()
        return None if windows is None else windows.CompareWindow(self, show_ids, parent)

    # ------------------------------------------------------------------ the Shows browser
    def browse(self, query: Any, then: Then) -> None:
        """then(ShowPage, error): one page of shows for the query (ShowQuery)."""

        def page() -> Any:
            from console.core.review.shows import mark_on_air

            store = self._store()
            return mark_on_air(store, store.browse_shows(query))  # LIVE only for a show on air now

        self.submit(page, then)

    def facets(self, then: Then, room: str | None = None) -> None:
        """then(ShowFacets, error): the rooms, hosts and tags the filters offer."""
        self.submit(lambda: self._store().show_facets(room), then)

    # ------------------------------------------------------------------ metadata
    def meta(self, show_id: int, then: Then) -> None:
        """then(ShowMeta | None, error): the show's metadata (None: no such show)."""
        self.submit(lambda: self._store().show_meta(show_id), then)

    def save_meta(self, show_id: int, meta: ShowMeta, by: str, then: Then | None = None) -> None:
        """Keep the edit (cleaned and checked on the worker: MetaError says what is wrong, nothing written)."""

        def save() -> ShowMeta:
            from console.core.review.shows import clean_meta

            clean = clean_meta(meta.title, meta.hosts, meta.assistant, meta.tags, meta.notes)
            return self._store().set_show_meta(show_id, clean, by or getpass.getuser())

        def saved(result: Any, error: BaseException | None) -> None:
            if error is None:
                self.sig_meta_saved.emit(show_id)
            if then is not None:
                then(result, error)
            elif error is not None:
                self.sig_problem.emit(partial(describe, error))

        self.submit(save, saved)

    def prefill(self, room: str, show_id: int | None, then: Then) -> None:
        """then(ShowMeta, error): what the go-live question offers: the show's own metadata when it has some (a
        stream started again within the same show), else the room's last show's and the checklist's names."""
        self.submit(lambda: self._prefill(room, show_id), then)

    def _prefill(self, room: str, show_id: int | None) -> ShowMeta:
        storage = self._store()
        if show_id is not None:
            own = storage.show_meta(show_id)
            if own is not None and own.edited_at is not None:
                return own
        return storage.show_meta_prefill(room, show_id)

    def keep_at_go_live(self, show_id: int, room: str, meta: ShowMeta | None, by: str) -> None:
        """The stream was started from the console: keep the metadata confirmed or edited in the go-live
        question; None (the details were not opened) keeps the prefill, unless the show already has metadata
        of its own or there is nothing to keep. Failures reach sig_problem; going live never waits for this."""

        def keep() -> ShowMeta | None:
            from console.core.review.shows import clean_meta

            storage = self._store()
            chosen = meta
            if chosen is None:
                own = storage.show_meta(show_id)
                if own is None or own.edited_at is not None:
                    return None  # no such show (not recorded), or described already: nothing to add
                chosen = storage.show_meta_prefill(room, show_id)
                if not (chosen.title or chosen.hosts or chosen.assistant or chosen.tags):
                    return None  # a room that does not describe its shows is left alone
            clean = clean_meta(chosen.title, chosen.hosts, chosen.assistant, chosen.tags, chosen.notes)
            return storage.set_show_meta(show_id, clean, by or getpass.getuser())

        def kept(result: Any, error: BaseException | None) -> None:
            if error is not None:
                self.sig_problem.emit(partial(_not_kept, error))
            elif result is not None:
                self.sig_meta_saved.emit(show_id)

        self.submit(keep, kept)

    # ------------------------------------------------------------------ platform import
    def preview_import(self, show_id: int, path: Path, mapping: Mapping[str, str], then: Then) -> None:
        """then(ImportPreview, error): the file opened and read with `mapping` against the show, nothing stored.
        The file itself unreadable is an error (ImportRefused); a mapping or rows that would be refused are the
        preview's `refusal`, so the dialog can still show the columns to map."""
        mapping = dict(mapping)

        def look() -> ImportPreview:
            from console.core.review.platform import ImportRefused, inspect, read
            from console.core.review.platform_import import _check_within

            table = inspect(path)
            span = self._store().platform_show_span(show_id)
            try:
                data = read(table, mapping, show_start=span[0] if span else None)
                if span is not None:  # minutes outside the show: said before Import, in the import's own words
                    _check_within(data, show_id, span[0], span[1], None)
            except ImportRefused as refused:
                return ImportPreview(table, None, refused.message.in_language(QCoreApplication.translate))
            return ImportPreview(table, data, None)

        self.submit(look, then)

    def import_file(
        self, show_id: int, path: Path, mapping: Mapping[str, str], platform: str, by: str, then: Then
    ) -> None:
        """then(ImportReport, error): one transaction; a refusal (ImportRefused) changes nothing."""
        mapping = dict(mapping)

        def run() -> Any:
            from console.core.review.platform_import import import_platform_file

            return import_platform_file(self._store(), show_id, path, mapping, platform, by or None)

        def done(result: Any, error: BaseException | None) -> None:
            if error is None:
                self.sig_imported.emit(show_id)
            then(result, error)

        self.submit(run, done)

    # ------------------------------------------------------------------ exports
    def export(self, kind: str, show_id: int, path: Path, then: Then) -> None:
        """then(path, error): the show written as PDF, XLSX or CSV, built and written on the worker."""
        if kind not in EXPORTS:
            raise ValueError(kind)
        translate = QCoreApplication.translate  # Qt's translators are thread-safe to read

        def run() -> Path:
            bundle = _bundle(self._store(), show_id)
            if kind == "pdf":
                importlib.import_module("console.review_pdf").write_show_pdf(bundle, path, translate)
            else:
                export = importlib.import_module("console.core.review.export")
                (export.write_show_xlsx if kind == "xlsx" else export.write_show_csv)(bundle, path, translate)
            return path

        self.submit(run, then)

    def export_period(self, kind: str, request: PeriodRequest, path: Path, then: Then) -> None:
        """then(left_out, error): a period report (PDF, XLSX or CSV) built from the stored shows and written, on the
        worker; `left_out` is how many of the demo room's shows (rehearsals) it did not count. A range without shows
        answers periods.NoShows (said in words)."""
        if kind not in EXPORTS:
            raise ValueError(kind)
        translate = QCoreApplication.translate

        def run() -> int:
            periods = importlib.import_module("console.core.review.periods")
            export = importlib.import_module("console.core.review.export")
            report = periods.build_period_report(
                self._store(),
                request.since,
                request.until + timedelta(days=1),
                periods.Unit(request.unit),
                periods.Per(request.per),
                room=request.room,
                host=request.host,
            )
            if kind == "pdf":
                importlib.import_module("console.review_pdf").write_period_pdf(report, path, translate)
            else:
                (export.write_period_xlsx if kind == "xlsx" else export.write_period_csv)(report, path, translate)
            return int(report.demo_left_out)

        self.submit(run, then)

    # ------------------------------------------------------------------ tests, shutdown
    def wait_idle(self, timeout: float = 30.0) -> None:
        """Block until queued work is done (tests, shutdown)."""
        self._worker.submit(lambda: None).result(timeout)

    def shutdown(self, timeout: float = SHUTDOWN_WAIT_S) -> None:
        """Let queued work (a metadata save) finish, up to `timeout`; a frozen database does not hold the
        console open. Safe to call more than once."""
        if self._closed:
            return
        self._closed = True
        if not self._worker.shutdown(timeout):
            LOG.error("the database did not answer within %.0f s: the last review change may not be saved", timeout)
            return
        self._storage.close()
