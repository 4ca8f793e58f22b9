"""What the review screens need of the application (the review controller, console/review_controller.py), as a
Protocol, beside widgets/ports.py: the widgets take it in their constructors and never import the application.
Also how a review error is said, and the guard that drops an answer arriving after its window was closed."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, SignalInstance
from PySide6.QtWidgets import QWidget

from obs import oswords

if TYPE_CHECKING:
    from console.core.review.platform import PlatformData, PlatformTable
    from console.core.review.shows import ShowMeta, ShowQuery

#: `then(result, error)`: the answer (or why it failed), on the GUI thread.
Then = Callable[[Any, BaseException | None], None]


@dataclass(frozen=True)
class ImportPreview:
    """A platform file looked at for a show, nothing stored: the table (encoding, header, columns with samples)
    and, with the mapping given so far, what would be imported (`data`) or why it would be refused."""

    table: PlatformTable
    data: PlatformData | None
    refusal: str | None


@dataclass(frozen=True)
class PeriodRequest:
    """A period report as the Period report dialog asks for it: local days `since` to `until` (both included),
    by day/week/month ("day", "week", "month"), per room or per host ("room", "host"), optionally one room/host."""

    since: date
    until: date
    unit: str
    per: str
    room: str | None = None
    host: str | None = None


@runtime_checkable
class ReviewPort(Protocol):
    """Storage seen from the review screens: every call runs off the GUI thread and answers through `then`."""

    @property
    def sig_meta_saved(self) -> SignalInstance: ...  # show id

    @property
    def sig_imported(self) -> SignalInstance: ...  # show id

    def load(self, show_id: int, then: Then) -> None: ...
    def browse(self, query: ShowQuery, then: Then) -> None: ...
    def facets(self, then: Then, room: str | None = None) -> None: ...
    def meta(self, show_id: int, then: Then) -> None: ...
    def save_meta(self, show_id: int, meta: ShowMeta, by: str, then: Then | None = None) -> None: ...
    def prefill(self, room: str, show_id: int | None, then: Then) -> None: ...
    def preview_import(self, show_id: int, path: Path, mapping: Mapping[str, str], then: Then) -> None: ...
    def import_file(
        self, show_id: int, path: Path, mapping: Mapping[str, str], platform: str, by: str, then: Then
    ) -> None: ...
    def export(self, kind: str, show_id: int, path: Path, then: Then) -> None: ...
    def export_period(self, kind: str, request: PeriodRequest, path: Path, then: Then) -> None: ...
    def show_window(self, show_id: int, parent: QWidget | None = None) -> QWidget | None: ...
    def compare_window(self, show_ids: list[int], parent: QWidget | None = None) -> QWidget | None: ...


def alive(receiver: QObject, then: Then) -> Then:
    """`then`, unless `receiver` (a dialog) was closed and deleted before the answer came."""

    def call(result: Any, error: BaseException | None) -> None:
        if shiboken6.isValid(receiver):
            then(result, error)

    return call


def describe(error: BaseException) -> str:
    """An error from a review call in the reader's language: a refused edit or import says what and where; a
    database failure says so; anything else is named (never a traceback)."""
    from console.core.dbtrouble import words
    from console.core.storage import StorageError
    from obs.text import Message

    message = getattr(error, "message", None)
    if isinstance(message, Message):  # MetaError, ImportRefused, the exports' errors: where and why, in words
        return message.in_language(QCoreApplication.translate)
    if isinstance(error, StorageError):
        # The cause in the reader's words when the driver's error tells it; its own words go to the log.
        logging.getLogger(__name__).warning("review: %s", error)
        told = words(error)
        said = told.in_language(QCoreApplication.translate) if isinstance(told, Message) else told
        return QCoreApplication.translate("Review", "The database could not be used: %1").replace("%1", said)
    if isinstance(error, OSError):
        said = oswords.reason(error).in_language(QCoreApplication.translate)
        return QCoreApplication.translate("Review", "The file could not be used: %1").replace("%1", said)
    return QCoreApplication.translate("Review", "Something went wrong: %1").replace(
        "%1", f"{type(error).__name__}: {error}"
    )
