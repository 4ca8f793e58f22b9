"""A stored checklist run as CSV (Qt-free) — for the team's spreadsheets and reviews.

The ordinary export is for people: headers and values in the reader's language (translated by the caller's
`translate`, Qt's QCoreApplication.translate in the console). The raw export keeps machine names (item ids,
status values, ISO times in UTC) for scripts; its columns never change with the language."""

from __future__ import annotations

import contextlib
import csv
import os
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import platformdirs

from obs.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from console.core.storage import StoredRun

Translate = Callable[[str, str], str]


def _english(context: str, text: str) -> str:
    return text


def export_folder() -> Path:
    """Where export dialogs open: the user's documents folder (not wherever the console was started from)."""
    folder = Path(platformdirs.user_documents_dir())
    return folder if folder.is_dir() else Path.home()


#: The people's export: one header per column, in the reader's language.
HUMAN_HEADER = [
    QT_TRANSLATE_NOOP("Report", "Checklist"),
    QT_TRANSLATE_NOOP("Report", "Checklist kind"),
    QT_TRANSLATE_NOOP("Report", "Room"),
    QT_TRANSLATE_NOOP("Report", "Show"),
    QT_TRANSLATE_NOOP("Report", "Operator"),
    QT_TRANSLATE_NOOP("Report", "Started"),
    QT_TRANSLATE_NOOP("Report", "Ready"),
    QT_TRANSLATE_NOOP("Report", "No."),
    QT_TRANSLATE_NOOP("Report", "Item"),
    QT_TRANSLATE_NOOP("Report", "Checked by"),
    QT_TRANSLATE_NOOP("Report", "Required"),
    QT_TRANSLATE_NOOP("Report", "Status"),
    QT_TRANSLATE_NOOP("Report", "Result"),
    QT_TRANSLATE_NOOP("Report", "Checked at"),
    QT_TRANSLATE_NOOP("Report", "Confirmed by"),
    QT_TRANSLATE_NOOP("Report", "Confirmed at"),
    QT_TRANSLATE_NOOP("Report", "Override reason"),
    QT_TRANSLATE_NOOP("Report", "Note"),
    QT_TRANSLATE_NOOP("Report", "Went live anyway: by"),
    QT_TRANSLATE_NOOP("Report", "Went live anyway: reason"),
    QT_TRANSLATE_NOOP("Report", "End"),
    QT_TRANSLATE_NOOP("Report", "Ended at"),
    QT_TRANSLATE_NOOP("Report", "Ended by"),
    QT_TRANSLATE_NOOP("Report", "End reason"),
]
KIND_WORDS = {
    "pre-show": QT_TRANSLATE_NOOP("Report", "Pre-show"),
    "troubleshooting": QT_TRANSLATE_NOOP("Report", "Troubleshooting"),
    "post-show": QT_TRANSLATE_NOOP("Report", "Post-show"),
}
ITEM_KIND_WORDS = {
    "sensed": QT_TRANSLATE_NOOP("Report", "the console (sensed)"),
    "manual": QT_TRANSLATE_NOOP("Report", "a person"),
}
YES_NO = {True: QT_TRANSLATE_NOOP("Report", "yes"), False: QT_TRANSLATE_NOOP("Report", "no")}
#: Rooms the console names itself: runs of the demo room are stored under the key "demo" (the raw export keeps
#: it); people read the demo room's name, as the window says it.
ROOM_WORDS = {"demo": QT_TRANSLATE_NOOP("Report", "demo room")}
END_WORDS = {
    "open": QT_TRANSLATE_NOOP("Report", "still open"),
    "completed": QT_TRANSLATE_NOOP("Report", "completed"),
    "abandoned": QT_TRANSLATE_NOOP("Report", "abandoned"),
    "went_live": QT_TRANSLATE_NOOP("Report", "kept at go-live"),
}

#: The raw export (for scripts): machine names, never translated.
CSV_HEADER = [
    "checklist",
    "checklist_kind",
    "room",
    "show_id",
    "operator",
    "started_at",
    "ready",
    "position",
    "item",
    "title",
    "kind",
    "required",
    "status",
    "detail",
    "checked_at",
    "confirmed_by",
    "confirmed_at",
    "override_reason",
    "note",
    "go_live_by",
    "go_live_reason",
    "end_state",
    "ended_at",
    "ended_by",
    "end_reason",
]


def room_in(room: str, translate: Translate = _english) -> str:
    """A stored room key as people read it: the demo room in the reader's language, any other room as typed."""
    return translate("Report", ROOM_WORDS[room]) if room in ROOM_WORDS else room


def _stamp(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else ""


def _local(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S") if value is not None else ""


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A file to write beside `path`, renamed over it once the block ends without an error, removed otherwise."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.part")
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


@contextlib.contextmanager
def whole_or_nothing(path: Path) -> Iterator[IO[str]]:
    """A CSV file (UTF-8 with a BOM) written beside `path` and renamed over it once whole: a full disk or a folder
    that refuses leaves an earlier file at `path` as it was, and no empty or cut-off file (a graph exported onto a
    full disk left an empty file where the reader had asked for it, and would have emptied an earlier one)."""
    with _replacing(path) as temporary, temporary.open("x", encoding="utf-8-sig", newline="") as handle:
        yield handle


def write_whole(path: Path, data: bytes) -> None:
    """Bytes (a picture) written whole or not at all, as whole_or_nothing writes text; an OSError says why."""
    with _replacing(path) as temporary, temporary.open("xb") as handle:
        handle.write(data)


def save_workbook(book: Any, path: Path | str) -> None:
    """An openpyxl workbook saved to `path`, and everything it holds open let go when that fails: openpyxl leaves
    its ZIP archive and a write-only sheet's streams open on a full disk, and Python printed their failing
    clean-up ("Exception ignored … OSError: [Errno 28]", lxml's "not in an element") as tracebacks after the
    console's own sentence."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    archive = ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        ExcelWriter(book, archive).save()  # what Workbook.save does, with the archive in hand
    except BaseException:
        for sheet in book.worksheets:  # a write-only sheet's row and XML streams (generators) that stopped mid-way
            for stream in (getattr(sheet, "_rows", None), getattr(getattr(sheet, "_writer", None), "xf", None)):
                with contextlib.suppress(Exception):
                    if stream is not None:
                        stream.close()
        raise
    finally:
        with contextlib.suppress(OSError):
            archive.close()  # nothing more if saved; else its file is let go now, not by a failing __del__


def write_csv(
    run: StoredRun, path: Path, language: str = "en", translate: Translate = _english, raw: bool = False
) -> None:
    """One row per item. UTF-8 with a BOM, so spreadsheet programs on Chinese Windows read 中文 correctly.
    `raw`: machine names for scripts; else words in `language` (titles) and `translate`'s (everything else).
    Written whole or not at all (whole_or_nothing)."""
    with whole_or_nothing(path) as handle:
        writer = csv.writer(handle)
        if raw:
            _write_raw(run, writer)
            return
        say = translate  # not "tr": lupdate would read say("Report", x) as a message "Report"

        def word(words: dict[str, str], key: str) -> str:
            return say("Report", words[key]) if key in words else key

        def yes(value: bool) -> str:
            return say("Report", YES_NO[value])

        writer.writerow([say("Report", header) for header in HUMAN_HEADER])
        for position, item in enumerate(run.items, start=1):
            writer.writerow(
                [
                    run.title_in(language),
                    word(KIND_WORDS, run.kind),
                    room_in(run.room, say),
                    "" if run.show_id is None else run.show_id,
                    run.operator,
                    _local(run.started_at),
                    yes(run.ready),
                    position,
                    item.title_in(language),
                    word(ITEM_KIND_WORDS, item.kind),
                    yes(item.required),
                    item.status_in(say),
                    item.result_in(say),
                    _local(item.checked_at),
                    item.confirmed_by,
                    _local(item.confirmed_at),
                    item.override_reason,
                    item.note,
                    run.go_live_by or "",
                    run.go_live_reason or "",
                    word(END_WORDS, run.end_state),
                    _local(run.ended_at),
                    run.ended_by or "",
                    run.end_reason or "",
                ]
            )


def _write_raw(run: StoredRun, writer: Any) -> None:
    writer.writerow(CSV_HEADER)
    for position, item in enumerate(run.items, start=1):
        writer.writerow(
            [
                run.checklist_id,
                run.kind,
                run.room,
                "" if run.show_id is None else run.show_id,
                run.operator,
                _stamp(run.started_at),
                run.ready,
                position,
                item.item_id,
                item.title_in("en"),
                item.kind,
                item.required,
                item.status,
                item.result_in(),
                _stamp(item.checked_at),
                item.confirmed_by,
                _stamp(item.confirmed_at),
                item.override_reason,
                item.note,
                run.go_live_by or "",
                run.go_live_reason or "",
                run.end_state,
                _stamp(run.ended_at),
                run.ended_by or "",
                run.end_reason or "",
            ]
        )


def write_series_csv(path: Path, header: list[str], rows: list[tuple[object, ...]]) -> None:
    """Graph data: first column a time stamp, then one column per series; an unknown value is an empty cell
    (never 0). UTF-8 with a BOM, like the run export; written whole or not at all (whole_or_nothing)."""
    with whole_or_nothing(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if value is None else value for value in row])
