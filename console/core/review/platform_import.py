"""A platform export imported into a stored show: read whole, checked against the show's time, stored in one
transaction (replacing the show's earlier import), or refused with nothing changed. No Qt.

How the column-mapping dialog (and `onair import-audience`) use it:

    table = preview(path)                       # header found; table.unknown: columns with sample values
    report = import_platform_file(storage, show_id, path, mapping={"新增粉丝": "ignore", "GMV(USD)": "gmv"})
    for line in report.lines(translate): ...    # what was imported, in the reader's language

Both raise `ImportRefused` (its `message` names the file, row and column) and `StorageError`.
"""

from __future__ import annotations

import getpass
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from console.core.review.platform import (
    CONTEXT,
    FIELD_WORDS,
    PLATFORMS,
    Column,
    ImportRefused,
    PlatformData,
    PlatformTable,
    describe_columns,
    header_width,
    inspect,
    read,
    when,
)
from console.core.storage import Storage, StoredPlatformImport
from obs.text import QT_TRANSLATE_NOOP, Message, Translate

# How far before the show's start and after its end a minute may lie: a platform's export starts when the
# room went live, which may be a few minutes before the console began watching it (and ends after).
TOLERANCE_S = 600.0
# How many rows a summary names before "… (+N)".
SHOWN_ROWS = 5


def _english(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class ImportReport:
    """What an import stored (for the CLI's summary and the dialog's confirmation)."""

    show_id: int
    file_name: str
    platform: str
    encoding: str
    header_rows: tuple[int, ...]
    rows: int
    first_t: float
    last_t: float
    fields: tuple[str, ...]
    ignored: tuple[Column, ...]
    skipped: tuple[tuple[int, str], ...]
    # The show's earlier import that this one replaced (None: there was none).
    replaced: StoredPlatformImport | None
    tz: tzinfo | None = None
    # Rows whose number of cells is not the header's (PlatformData.misshapen), and the header's number of columns.
    misshapen: tuple[tuple[int, int], ...] = ()
    columns: int = 0

    def messages(self, translate: Translate = _english) -> list[Message]:
        """The summary as messages (templates in context PlatformImport); field names said in the reader's
        language through `translate`."""
        fields = ", ".join(translate(CONTEXT, FIELD_WORDS[f]) for f in self.fields)
        out = [
            Message(
                QT_TRANSLATE_NOOP(
                    "PlatformImport",
                    "Imported 1 row into show {show} from {file} (read as {encoding}, header on row {header}): "
                    "{first} – {last}.",
                )
                if self.rows == 1
                else QT_TRANSLATE_NOOP(
                    "PlatformImport",
                    "Imported {rows} rows into show {show} from {file} (read as {encoding}, header on row {header}): "
                    "{first} – {last}.",
                ),
                {
                    "rows": self.rows,
                    "show": self.show_id,
                    "file": self.file_name,
                    "encoding": self.encoding,
                    "header": "+".join(str(r) for r in self.header_rows),
                    "first": when(self.first_t, self.tz),
                    "last": when(self.last_t, self.tz),
                },
                CONTEXT,
            ),
            Message(QT_TRANSLATE_NOOP("PlatformImport", "Fields found: {fields}."), {"fields": fields}, CONTEXT),
        ]
        if self.ignored:
            out.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "PlatformImport",
                        "Columns ignored: {columns}. To import one, name its field: --column 'HEADER=FIELD'.",
                    ),
                    {"columns": describe_columns(self.ignored)},
                    CONTEXT,
                )
            )
        if self.skipped:
            out.append(
                Message(
                    QT_TRANSLATE_NOOP("PlatformImport", "Rows skipped (not a minute): {rows}."),
                    {"rows": ", ".join(f"{row} ({text[:20]})" for row, text in self.skipped)},
                    CONTEXT,
                )
            )
        if self.misshapen:
            shown = ", ".join(f"{row} ({cells})" for row, cells in self.misshapen[:SHOWN_ROWS])
            more = len(self.misshapen) - SHOWN_ROWS
            out.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "PlatformImport",
                        "Rows whose number of cells is not the header's {columns}: {count} — row (cells): "
                        "{rows}{more}. A missing cell was read as unknown; a cell beyond the header was not read. "
                        "Check these rows in the file.",
                    ),
                    {
                        "columns": self.columns,
                        "count": len(self.misshapen),
                        "rows": shown,
                        "more": f", … (+{more})" if more > 0 else "",
                    },
                    CONTEXT,
                )
            )
        if self.replaced is not None:
            out.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "PlatformImport",
                        "This replaced the show's earlier import (1 row from {file}, imported {at} by {by}).",
                    )
                    if self.replaced.row_count == 1
                    else QT_TRANSLATE_NOOP(
                        "PlatformImport",
                        "This replaced the show's earlier import ({rows} rows from {file}, imported {at} by {by}).",
                    ),
                    {
                        "rows": self.replaced.row_count,
                        "file": self.replaced.file_name,
                        "at": when(self.replaced.imported_at.timestamp(), self.tz),
                        "by": self.replaced.imported_by,
                    },
                    CONTEXT,
                )
            )
        return out

    def lines(self, translate: Translate = _english) -> list[str]:
        return [message.in_language(translate) for message in self.messages(translate)]


def preview(path: Path | str) -> PlatformTable:
    """The file opened, its header and columns found, nothing stored: what the mapping dialog shows (the
    columns not recognised, `table.unknown`, each with sample values)."""
    return inspect(path)


def _check_within(data: PlatformData, show_id: int, start: datetime, end: datetime | None, tz: tzinfo | None) -> None:
    """Every minute inside the show (with the tolerance), or the whole file refused naming the first row out."""
    low = start.timestamp() - TOLERANCE_S
    high = end.timestamp() + TOLERANCE_S if end is not None else None
    outside = [r for r in data.rows if r.t < low or (high is not None and r.t > high)]
    if not outside:
        return
    first = min(outside, key=lambda r: r.row)
    column = data.table.time_column
    assert column is not None  # read() refuses a table without one
    if len(data.rows) == 1:
        template = QT_TRANSLATE_NOOP(
            "PlatformImport",
            "{file}, row {row}, column {column} ({header}): {time} is outside show {show} ({start} – {end}, "
            "{tolerance} min either side allowed); it is the file's only row. Nothing was imported: is this the "
            "right show?",
        )
    elif len(outside) == 1:
        template = QT_TRANSLATE_NOOP(
            "PlatformImport",
            "{file}, row {row}, column {column} ({header}): {time} is outside show {show} ({start} – {end}, "
            "{tolerance} min either side allowed); 1 of {rows} rows is outside. Nothing was imported: is this the "
            "right show?",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "PlatformImport",
            "{file}, row {row}, column {column} ({header}): {time} is outside show {show} ({start} – {end}, "
            "{tolerance} min either side allowed); {outside} of {rows} rows are outside. Nothing was imported: "
            "is this the right show?",
        )
    raise ImportRefused(
        Message(
            template,
            {
                "file": data.table.path.name,
                "row": first.row,
                "column": column.letter,
                "header": column.header,
                "time": when(first.t, tz),
                "show": show_id,
                "start": when(start.timestamp(), tz),
                "end": when(end.timestamp(), tz) if end is not None else "…",
                "tolerance": int(TOLERANCE_S // 60),
                "outside": len(outside),
                "rows": len(data.rows),
            },
            CONTEXT,
        )
    )


def import_platform_file(
    storage: Storage,
    show_id: int,
    path: Path | str,
    mapping: Mapping[str, str] | None = None,
    platform: str = "other",
    by: str | None = None,
    tz: tzinfo | None = None,
) -> ImportReport:
    """Read `path`, check every minute lies within show `show_id`, and store it in one transaction, replacing
    the show's earlier import. On refusal (ImportRefused) or a database failure (StorageError) nothing changed.
    `mapping`: header → field (or "ignore") for columns the table of names does not know. `tz`: the zone of the
    file's times without one (default: this computer's)."""
    if platform not in PLATFORMS:
        raise ImportRefused(
            Message(
                QT_TRANSLATE_NOOP("PlatformImport", "“{platform}” is not a platform; choose from: {platforms}."),
                {"platform": platform, "platforms": ", ".join(PLATFORMS)},
                CONTEXT,
            )
        )
    span = storage.platform_show_span(show_id)
    if span is None:
        raise ImportRefused(
            Message(QT_TRANSLATE_NOOP("PlatformImport", "There is no show {show}."), {"show": show_id}, CONTEXT)
        )
    start, end = span
    data = read(inspect(path), mapping, show_start=start, tz=tz)
    _check_within(data, show_id, start, end, tz)
    ignored = describe_columns(data.ignored)
    replaced = storage.replace_platform_import(
        show_id,
        {
            "platform": platform,
            "file_name": data.table.path.name,
            "encoding": data.table.encoding,
            "imported_by": by or getpass.getuser(),
            "fields": data.fields,
            "ignored": ignored,
        },
        [{"t": row.t, **row.values} for row in data.rows],
    )
    return ImportReport(
        show_id,
        data.table.path.name,
        platform,
        data.table.encoding,
        data.table.header_rows,
        len(data.rows),
        data.rows[0].t,
        data.rows[-1].t,
        data.fields,
        data.ignored,
        data.skipped,
        replaced,
        tz,
        data.misshapen,
        header_width(data.table),
    )
