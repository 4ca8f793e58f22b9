"""Merged cells in a planner's XLSX, read as the planner meant them. No Qt.

A spreadsheet keeps a merged cell's value in its top-left cell only; the cells under it read as empty. Planners
merge cells down a column in two ways, and both are read here before the rows become segments:
- **a value shared by several segments**: 画面 "商品特写" merged over the three 主推款 rows, or 环节 "主推款"
  merged over three rows that each sell their own product. The value belongs to every row it covers, so it is
  copied down (read as-is, rows 2 and 3 had no title and were refused, and a merged scene was silently lost);
- **one segment written on several rows**: its length (时长, or its start) merged over the rows, which add one
  talking point or cue each. The rows are one segment: the length is taken once (never once per row, which would
  count the block's time two or three times), the talking points and cues are joined one per line, and any other
  column must agree between them, else the file is refused with the rows and columns named.
A length merged over rows that carry titles of their own is refused: whose length would it be?
A blank row a merged cell runs over stays blank (and is skipped). Merges across columns only (a wide title cell)
keep their value in the first column, as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.core.review.platform import _text, column_letter
from obs.text import QT_TRANSLATE_NOOP, Listed, Message

if TYPE_CHECKING:
    from console.core.rundown.sheet import SheetColumn

CONTEXT = "RundownSheet"
#: The fields whose merged cell makes its rows one segment.
TIMING = ("duration", "start")
#: The fields whose texts are joined when rows are one segment (the rest must agree).
JOINED = ("talking_points", "cues")

#: A merge down a column: (first row, last row, column), 0-based indexes into the grid.
Merge = tuple[int, int, int]


def vertical_merges(path: Path) -> list[Merge]:
    """The merges of the first sheet of the XLSX at `path` that span more than one row."""
    return workbook_layout(path)[0]


def workbook_layout(path: Path) -> tuple[list[Merge], dict[tuple[int, int], str]]:
    """What the platform reader's read-only open does not say about the first sheet of the XLSX at `path`: its
    merges that span more than one row, and the number format of each cell holding a time or a duration (0-based
    row, column -> format: a typed 5:00 is h:mm, a typed 0:05:00 h:mm:ss). Opened again in full (a rundown is
    small)."""
    from datetime import time, timedelta

    from openpyxl import load_workbook

    book = load_workbook(path, data_only=True)
    try:
        sheet = book.worksheets[0]
        ranges = sheet.merged_cells.ranges
        merges = sorted((r.min_row - 1, r.max_row - 1, r.min_col - 1) for r in ranges if r.max_row > r.min_row)
        formats = {
            (cell.row - 1, cell.column - 1): str(cell.number_format)
            for row in sheet.iter_rows()
            for cell in row
            if isinstance(cell.value, time | timedelta) and cell.row is not None and cell.column is not None
        }
        return merges, formats
    finally:
        book.close()


def _blank(value: Any) -> bool:
    return not _text(value).strip()


def _cell(grid: list[list[Any]], row: int, column: int) -> Any:
    cells = grid[row]
    return cells[column] if column < len(cells) else None


def _put(grid: list[list[Any]], row: int, column: int, value: Any) -> None:
    cells = grid[row]
    if column >= len(cells):
        cells.extend([None] * (column + 1 - len(cells)))
    cells[column] = value


def unmerge(
    grid: list[list[Any]], header: int, fields: dict[str, list[SheetColumn]], merges: list[Merge], file: str
) -> list[Message]:
    """Rewrite `grid` (rows under the header row `header`) so that each merged cell reads as the planner meant it
    (see the module's text); the rows folded into one segment are left empty (empty rows are skipped, and the
    segment keeps its first row's number). Returns the problems (nothing is rewritten when there is any)."""
    field_of = {column.index: field for field, columns in fields.items() for column in columns}
    header_of = {column.index: column.header for columns in fields.values() for column in columns}
    below = [merge for merge in merges if merge[0] > header]
    blocks = [merge for merge in below if field_of.get(merge[2]) in TIMING]
    problems: list[Message] = []
    width = max((len(cells) for cells in grid), default=0)
    folded: list[tuple[int, int, list[Any]]] = []
    for first, last, column in blocks:
        row, why = _fold(grid, first, last, width, field_of)
        if why is not None:
            other, values = why
            problems.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "RundownSheet",
                        "{file}, rows {first}–{last}, column {column} ({header}): this cell is merged over the rows, "
                        "which makes them one segment, but column {other} ({other_header}) differs between them "
                        "({values}). Give each row its own {header}, or make column {other} alike",
                    ),
                    {
                        "file": file,
                        "first": first + 1,
                        "last": last + 1,
                        "column": column_letter(column),
                        "header": header_of.get(column, ""),
                        "other": column_letter(other),
                        "other_header": header_of.get(other, ""),
                        "values": Listed(tuple(f"“{value}”" for value in values[:4])),
                    },
                    CONTEXT,
                )
            )
        else:
            folded.append((first, last, row))
    if problems:
        return problems
    # A row with nothing of its own (a blank row a merged cell runs over) stays blank: it is skipped, not a
    # segment made of the merged values alone.
    empty = {i for i in range(header + 1, len(grid)) if all(_blank(value) for value in grid[i])}
    for first, last, column in below:
        if field_of.get(column) in TIMING:
            continue
        top = _cell(grid, first, column)
        for row_index in range(first + 1, min(last, len(grid) - 1) + 1):
            if row_index not in empty:
                _put(grid, row_index, column, top)
    for first, last, row in folded:
        # The shared values copied down above belong to the one segment once, whatever rows the block spans.
        grid[first] = [row[i] if i < len(row) and not _blank(row[i]) else _cell(grid, first, i) for i in range(width)]
        for row_index in range(first + 1, min(last, len(grid) - 1) + 1):
            grid[row_index] = [None] * width
    return problems


def _fold(
    grid: list[list[Any]], first: int, last: int, width: int, field_of: dict[int, str]
) -> tuple[list[Any], tuple[int, list[str]] | None]:
    """Rows first..last as one row: joined texts, the one value of every other column; or the first column whose
    rows disagree, with their values."""
    rows = range(first, min(last, len(grid) - 1) + 1)
    out: list[Any] = []
    for column in range(width):
        values: list[Any] = []
        for row in rows:
            value = _cell(grid, row, column)
            if not _blank(value) and _text(value) not in (_text(v) for v in values):
                values.append(value)
        field = field_of.get(column)
        if field in JOINED:
            out.append("\n".join(_text(v) for v in values) if values else None)
        elif len(values) > 1 and field not in (None, "number"):
            return [], (column, [_text(v) for v in values])
        else:
            out.append(values[0] if values else None)
    return out, None
