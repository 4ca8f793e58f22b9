"""Platform per-minute exports (巨量百应/抖店, 淘宝直播中控台, 快手小店) read into rows of known figures. No Qt.

Two steps, so the column-mapping dialog can sit between them: `inspect(path)` finds the header (under title
rows, over two rows where a merged group label sits above the column names) and says which columns it
recognised, which it did not (with sample values), and how the file was decoded; `read(table, mapping, ...)`
turns the data rows into times and figures. Every refusal is an `ImportRefused` whose message names the
file, the row and the column (as the spreadsheet letters them) and what was wrong, in the reader's language.

CSV is read as UTF-8 (with or without Excel's byte-order mark), GB18030 (Chinese Excel's "CSV") or UTF-16
with a byte-order mark (Excel's "Unicode text"); which one is said, never guessed silently: a file whose rows
are part UTF-8, part GB18030 is refused with the first row that differs. XLSX is read with openpyxl (read-only).
An empty cell, "-" or "—" is unknown (None), never 0.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from console.core.telemetry.audience import parse_count
from obs import oswords
from obs.text import QT_TRANSLATE_NOOP, Message

CONTEXT = "PlatformImport"

# The figures an import keeps, in the order they are shown; each NULL in storage when the file lacks it.
FIELDS = ("viewers", "entered", "left", "likes", "comments", "gmv", "orders")
#: The field names as people read them (translated where shown).
FIELD_WORDS = {
    "viewers": QT_TRANSLATE_NOOP("PlatformImport", "online viewers"),
    "entered": QT_TRANSLATE_NOOP("PlatformImport", "entered"),
    "left": QT_TRANSLATE_NOOP("PlatformImport", "left"),
    "likes": QT_TRANSLATE_NOOP("PlatformImport", "likes"),
    "comments": QT_TRANSLATE_NOOP("PlatformImport", "comments"),
    "gmv": QT_TRANSLATE_NOOP("PlatformImport", "GMV"),
    "orders": QT_TRANSLATE_NOOP("PlatformImport", "orders"),
}
# A mapping may also say a column is to be left out on purpose.
IGNORE = "ignore"
PLATFORMS = ("douyin", "taobao", "kuaishou", "other")
#: The platform an import came from in words (the review window, the XLSX, the PDF said "douyin", the stored code).
PLATFORM_NAMES = {
    "douyin": QT_TRANSLATE_NOOP("PlatformImport", "Douyin"),
    "taobao": QT_TRANSLATE_NOOP("PlatformImport", "Taobao"),
    "kuaishou": QT_TRANSLATE_NOOP("PlatformImport", "Kuaishou"),
    "other": QT_TRANSLATE_NOOP("PlatformImport", "another platform"),
}

# The one table of column names: each field's names as the platforms' exports and people write them,
# compared after NFKC (full-width → half-width), lower case, without spaces, "_", "-" and a unit in brackets.
# Where each comes from: README "Reviewing a show ▸ Importing platform data".
ALIASES: dict[str, tuple[str, ...]] = {
    "time": (
        "时间",
        "时间点",
        "分钟",
        "统计时间",
        "日期时间",
        "采集时间",
        "时刻",
        "time",
        "timestamp",
        "datetime",
        "minute",
    ),
    "viewers": (
        "在线人数",
        "实时在线人数",
        "在线观众",
        "同时在线人数",
        "当前在线人数",
        "在线",
        "online",
        "onlineviewers",
        "viewers",
        "concurrentviewers",
    ),
    "entered": (
        "进入人数",
        "进场人数",
        "进入直播间人数",
        "进入人次",
        "观看人次",
        "entered",
        "enter",
        "entries",
        "views",
    ),
    "left": ("离开人数", "离场人数", "离开直播间人数", "离开人次", "left", "leave", "exits"),
    "likes": ("点赞", "点赞数", "点赞次数", "点赞量", "likes", "like"),
    "comments": ("评论", "评论数", "评论次数", "评论人数", "弹幕", "弹幕数", "comments", "comment"),
    "gmv": (
        "成交金额",
        "成交额",
        "gmv",
        "直播间成交金额",
        "本场销售额",
        "销售额",
        "引导成交金额",
        "salesamount",
        "sales",
        "revenue",
    ),
    "orders": ("订单数", "成交订单数", "成交单数", "成交笔数", "orders", "ordercount", "paidorders"),
}
# A unit in a header's brackets that scales the column's figures: "成交金额(万元)".
_UNIT_SCALE = {"万元": 1e4, "万": 1e4, "w": 1e4, "千元": 1e3, "k": 1e3, "亿元": 1e8}
# How far down a header may sit under title rows.
HEADER_SEARCH_ROWS = 30
# More rows than this is not one show's per-minute export (24 h are 1,440).
MAX_ROWS = 50_000
# Cells that mean "no figure" (unknown, never 0).
_BLANKS = {"", "-", "--", "—", "——", "–", "/", "n/a", "na", "null", "none"}
# A first cell that marks a totals row ("合计 …") at the end of an export: skipped, and said so.
_TOTALS = ("合计", "总计", "汇总", "total", "sum")
_CURRENCY = re.compile(r"^(?:¥|￥|rmb|cny)\s*|\s*(?:元|rmb|cny)$", re.IGNORECASE)
_BRACKETED = re.compile(r"\(([^()]*)\)\s*$")
_CLOCK_FORMATS = ("%H:%M:%S", "%H:%M")
_DATETIME_FORMATS = (
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y年%m月%d日 %H:%M",
    "%Y.%m.%d %H:%M:%S",
    "%Y.%m.%d %H:%M",
)


class ImportRefused(Exception):
    """The file (or the mapping) cannot be imported; `message` says where and why. Nothing was written."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.explain())
        self.message = message


def _refuse(template: str, **fields: Any) -> ImportRefused:
    return ImportRefused(Message(template, fields, CONTEXT))


def column_letter(index: int) -> str:
    """The spreadsheet's name of a 0-based column (A, B, … Z, AA …), for CSV as for XLSX."""
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


#: The one encoding name with words in it (the others are names: UTF-8, GB18030, UTF-16, XLSX).
_WITH_BOM = QT_TRANSLATE_NOOP("Encodings", "UTF-8 with BOM")


def platform_words(platform: str, translate: Callable[[str, str], str]) -> str:
    """The platform an import came from, in the reader's language."""
    words = PLATFORM_NAMES.get(platform)
    return translate(CONTEXT, words) if words else platform


def encoding_words(encoding: str, translate: Callable[[str, str], str]) -> str:
    """How a file was read, in the reader's language ("带 BOM 的 UTF-8")."""
    return translate("Encodings", encoding) if encoding == _WITH_BOM else encoding


@dataclass(frozen=True)
class Column:
    """One column of the file: where it is, its header as written, and the field it feeds (None: not known)."""

    index: int
    header: str
    field: str | None
    # The header's unit multiplier ("(万元)" → 10,000).
    scale: float = 1.0
    # The first few non-empty values under it, as text (what the mapping dialog shows).
    samples: tuple[str, ...] = ()

    @property
    def letter(self) -> str:
        return column_letter(self.index)


@dataclass(frozen=True)
class PlatformTable:
    """A platform file opened: its header found and its columns recognised; no figure is read yet."""

    path: Path
    # How the file was read: "UTF-8", "UTF-8 with BOM", "GB18030", "UTF-16" or "XLSX" (say it with
    # encoding_words: the one with words in it is translated).
    encoding: str
    # The header's row numbers (1-based, as the spreadsheet shows them): one, or two for a merged header.
    header_rows: tuple[int, ...]
    columns: tuple[Column, ...]
    # Data rows under the header: (row number, cells).
    rows: tuple[tuple[int, tuple[Any, ...]], ...] = field(repr=False)
    sheet: str | None = None

    @property
    def time_column(self) -> Column | None:
        return next((c for c in self.columns if c.field == "time"), None)

    @property
    def unknown(self) -> tuple[Column, ...]:
        """Columns with a header the table of names does not know: for the mapping dialog (with samples)."""
        return tuple(c for c in self.columns if c.field is None and c.header)

    def with_mapping(self, mapping: Mapping[str, str]) -> PlatformTable:
        """This table with columns assigned by the user: header text (as written or as compared) → field name
        (or "ignore"). A header not in the file, or a field that does not exist, is refused."""
        columns = list(self.columns)
        for header, target in mapping.items():
            if target not in (*FIELDS, "time", IGNORE):
                raise _refuse(
                    QT_TRANSLATE_NOOP("PlatformImport", "“{field}” is not a field; choose from: {fields}."),
                    field=target,
                    fields=", ".join((*FIELDS, "time", IGNORE)),
                )
            wanted = _key(header)[0]
            found = [i for i, c in enumerate(columns) if c.header == header or _key(c.header)[0] == wanted]
            if not found:
                raise _refuse(
                    QT_TRANSLATE_NOOP(
                        "PlatformImport",
                        "{file}: there is no column “{header}” (its header, row {row}, reads: {headers}).",
                    ),
                    file=self.path.name,
                    header=header,
                    row=self.header_rows[-1],
                    headers=", ".join(c.header for c in self.columns if c.header),
                )
            for i in found:
                columns[i] = Column(columns[i].index, columns[i].header, target, columns[i].scale, columns[i].samples)
        return PlatformTable(self.path, self.encoding, self.header_rows, tuple(columns), self.rows, self.sheet)


@dataclass(frozen=True)
class PlatformRow:
    """One minute of the file: its row number, its time (epoch seconds) and each field's figure (None: unknown)."""

    row: int
    t: float
    values: Mapping[str, float | None]


@dataclass(frozen=True)
class PlatformData:
    """A file read whole: rows in time order, the fields it has, and what was left out (said, never silent)."""

    table: PlatformTable
    rows: tuple[PlatformRow, ...]
    # The fields with a column in the file (in FIELDS order).
    fields: tuple[str, ...]
    # Columns left out: not recognised, or mapped to "ignore".
    ignored: tuple[Column, ...]
    # Totals rows at the end of the export, skipped: (row number, first cell).
    skipped: tuple[tuple[int, str], ...] = ()
    # Rows with another number of cells than the header has columns: (row number, its cells). Imported, with a
    # missing cell unknown and a cell beyond the header not read — and said, never silently.
    misshapen: tuple[tuple[int, int], ...] = ()

    @property
    def span(self) -> tuple[float, float] | None:
        return (self.rows[0].t, self.rows[-1].t) if self.rows else None


# ---------------------------------------------------------------------- header names
def _key(header: str) -> tuple[str, float]:
    """A header as compared (NFKC, lower case, no spaces/_/-, no bracketed unit) and the unit's multiplier."""
    text = unicodedata.normalize("NFKC", header).strip().lower()
    scale = 1.0
    match = _BRACKETED.search(text)
    if match:
        unit = match.group(1).strip()
        scale = _UNIT_SCALE.get(unit, 1.0)
        text = text[: match.start()]
    return "".join(ch for ch in text if ch not in " \t\r\n_-/"), scale


_ALIAS_FIELD = {_key(name)[0]: name_field for name_field, names in ALIASES.items() for name in names}


def field_for(header: str) -> str | None:
    """The field a header names ("实时在线人数" → "viewers"; "成交金额/GMV", two names of one field, → "gmv"),
    None when the table of names lacks it."""
    if not header:
        return None
    found = _ALIAS_FIELD.get(_key(header)[0])
    if found is None and "/" in (text := unicodedata.normalize("NFKC", header)):
        names = {_ALIAS_FIELD.get(_key(part)[0]) for part in text.split("/")}
        found = names.pop() if len(names) == 1 else None
    return found


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header_names(grid: Sequence[Sequence[Any]], row: int, two_rows: bool, width: int) -> list[str]:
    """The column names of a header at `row` (0-based); with `two_rows`, the row above holds merged group
    labels ("成交" over "金额(元)") and names merged down from above ("时间" over an empty cell)."""
    cells = [_text(grid[row][c]) if c < len(grid[row]) else "" for c in range(width)]
    if not two_rows:
        return cells
    above = [_text(grid[row - 1][c]) if c < len(grid[row - 1]) else "" for c in range(width)]
    names, group = [], ""
    for child, parent in zip(cells, above, strict=True):
        group = parent or group  # a label merged across columns sits in its first cell only
        if not child:
            names.append(parent)
        elif field_for(child) is None and group and field_for(group + child) is not None:
            names.append(group + child)
        else:
            names.append(child)
    return names


def _find_header(grid: Sequence[Sequence[Any]], path: Path) -> tuple[int, bool, list[str]]:
    """The header: the row (or pair of rows) among the first ones naming the most known columns, a time first."""
    width = max((len(r) for r in grid[:HEADER_SEARCH_ROWS]), default=0)
    best: tuple[int, int, bool, list[str]] | None = None
    for row in range(min(len(grid), HEADER_SEARCH_ROWS)):
        for two_rows in (False, True) if row else (False,):
            names = _header_names(grid, row, two_rows, width)
            found = {field_for(n) for n in names} - {None}
            if len(found) < 2:  # two known names: a header (without a time, read() asks for a mapping)
                continue
            score = len(found) + ("time" in found)
            if best is None or score > best[0]:
                best = (score, row, two_rows, names)
    if best is None:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "PlatformImport",
                "{file}: no header row in its first {rows} rows names a time column and at least one of: {fields}. "
                "Is this a per-minute export?",
            ),
            file=path.name,
            rows=HEADER_SEARCH_ROWS,
            fields="在线人数, 进入人数, 离开人数, 点赞, 评论, 成交金额, 订单数 (online viewers, entered, left, likes, "
            "comments, GMV, orders)",
        )
    return best[1], best[2], best[3]


# ---------------------------------------------------------------------- reading the file
def _line_encodings(body: bytes) -> tuple[list[int], list[int], list[int]]:
    """The row numbers of the lines with non-ASCII text that read as UTF-8, as GB18030 only, and as neither."""
    utf8_rows: list[int] = []
    gb_rows: list[int] = []
    neither: list[int] = []
    for number_, line in enumerate(body.split(b"\n"), 1):
        if line.isascii():
            continue
        for encoding, rows in (("utf-8", utf8_rows), ("gb18030", gb_rows)):
            try:
                line.decode(encoding)
            except UnicodeDecodeError:
                continue
            rows.append(number_)
            break
        else:
            neither.append(number_)
    return utf8_rows, gb_rows, neither


def _decode_csv(raw: bytes, path: Path) -> tuple[str, str]:
    """The text and the encoding's name; a file part in one encoding and part in another is refused."""
    if raw.startswith(b"\xef\xbb\xbf"):
        name, body = "UTF-8 with BOM", raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "PlatformImport", "{file}: the file starts as UTF-16 but cannot be read as it ({error})."
                ),
                file=path.name,
                error=exc,
            ) from exc
    else:
        name, body = "", raw
    utf8_rows, gb_rows, neither = _line_encodings(body)
    if neither:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "PlatformImport",
                "{file}, row {row}: the text is neither UTF-8 nor GB18030; save the file again as CSV (UTF-8).",
            ),
            file=path.name,
            row=neither[0],
        )
    if utf8_rows and gb_rows:
        first = utf8_rows[0] if utf8_rows[0] > gb_rows[0] else gb_rows[0]
        was, now = ("GB18030", "UTF-8") if gb_rows[0] < utf8_rows[0] else ("UTF-8", "GB18030")
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "PlatformImport",
                "{file}, row {row}: the encoding changes here ({now}, after {was} above): the file mixes encodings. "
                "Save it again in one encoding.",
            ),
            file=path.name,
            row=first,
            now=now,
            was=was,
        )
    if gb_rows:
        if name:  # a byte-order mark says UTF-8, the rows say otherwise
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "PlatformImport",
                    "{file}, row {row}: the file is marked UTF-8 but this row is GB18030: the file mixes encodings.",
                ),
                file=path.name,
                row=gb_rows[0],
            )
        return body.decode("gb18030"), "GB18030"
    return body.decode("utf-8"), name or "UTF-8"


def _csv_grid(path: Path) -> tuple[list[list[Any]], str]:
    raw = path.read_bytes()
    text, encoding = _decode_csv(raw, path)
    sample = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",\t;|").delimiter
    except csv.Error:
        delimiter = "\t" if "\t" in sample else ","
    try:
        grid: list[list[Any]] = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise _refuse(
            QT_TRANSLATE_NOOP("PlatformImport", "{file}: the CSV cannot be read: {error}"), file=path.name, error=exc
        ) from exc
    return grid, encoding


def _xlsx_grid(path: Path) -> tuple[list[list[Any]], str]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise _refuse(
            QT_TRANSLATE_NOOP("PlatformImport", "{file}: not a readable XLSX workbook ({error})."),
            file=path.name,
            error=exc,
        ) from exc
    try:
        sheet = book.worksheets[0]
        grid = []
        for row in sheet.iter_rows(values_only=True):
            grid.append(list(row))
            if len(grid) > MAX_ROWS + HEADER_SEARCH_ROWS:
                break
        return grid, sheet.title
    finally:
        book.close()


def read_grid(path: Path) -> tuple[list[list[Any]], str, str | None]:
    """A spreadsheet's cells as rows (CSV in any encoding above, or the first sheet of an XLSX), how it was
    read ("UTF-8", "GB18030", … or "XLSX") and the sheet's name. Also the rundown's import reads with it.
    Refuses (ImportRefused) a file it cannot read, an old .xls, a CSV of mixed encodings."""
    try:
        with open(path, "rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise _refuse(
            QT_TRANSLATE_NOOP("PlatformImport", "{file}: the file cannot be read: {error}"),
            file=path.name,
            error=oswords.reason(exc, named=False),
        ) from exc
    suffix = path.suffix.lower()
    if suffix == ".xls" or magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "PlatformImport", "{file}: an old Excel (.xls) workbook; save it as XLSX or CSV and import that."
            ),
            file=path.name,
        )
    if suffix in (".xlsx", ".xlsm") or magic.startswith(b"PK"):
        grid, sheet = _xlsx_grid(path)
        return grid, "XLSX", sheet
    grid, encoding = _csv_grid(path)
    return grid, encoding, None


def inspect(path: Path | str) -> PlatformTable:
    """Open a platform export and find its header and columns. Refuses a file it cannot read, with why."""
    path = Path(path)
    grid, encoding, sheet = read_grid(path)
    if len(grid) > MAX_ROWS + HEADER_SEARCH_ROWS:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "PlatformImport", "{file}: more than {rows} rows; a show's per-minute export has far fewer."
            ),
            file=path.name,
            rows=MAX_ROWS,
        )
    row, two_rows, names = _find_header(grid, path)
    data = tuple((number, tuple(cells)) for number, cells in enumerate(grid[row + 1 :], row + 2))
    columns = []
    for index, name in enumerate(names):
        scale = _key(name)[1]
        samples = tuple(
            _text(cells[index]) for _, cells in data if index < len(cells) and _text(cells[index]) not in _BLANKS
        )[:3]
        columns.append(Column(index, name, field_for(name), scale, samples))
    header_rows = (row, row + 1) if two_rows else (row + 1,)
    return PlatformTable(path, encoding, header_rows, tuple(columns), data, sheet)


# ---------------------------------------------------------------------- cells
def _where(table: PlatformTable, row: int, column: Column) -> dict[str, Any]:
    return {"file": table.path.name, "row": row, "column": column.letter, "header": column.header}


def number(value: Any) -> float | None:
    """A figure as exports write it: 1888, "1,888", "1.2万", "¥1,288.50", "3,500元", "10万+"; None when empty
    ("", "-", "—"). Raises ValueError for anything else (a word, a negative figure, a percentage)."""
    if value is None or isinstance(value, bool):
        if isinstance(value, bool):
            raise ValueError("not a number")
        return None
    if isinstance(value, int | float):
        if not math.isfinite(value) or value < 0:
            raise ValueError("negative" if value < 0 else "not a number")
        return float(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if text.lower() in _BLANKS:
        return None
    bare = _CURRENCY.sub("", text.replace(",", "").replace(" ", "")).strip()
    if bare.startswith("-") and bare[1:2].isdigit():
        raise ValueError("negative")
    parsed = parse_count(bare)
    if parsed is None:
        raise ValueError("not a number")
    return parsed


def _epoch(moment: datetime, tz: tzinfo | None) -> float:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz) if tz is not None else moment.astimezone()
    return moment.timestamp()


def _moment(value: Any) -> datetime | time | float | None:
    """A time cell as a full datetime (naive = the room's local time), a clock time without a date, or epoch
    seconds; None when it is not a time."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, time):
        return value
    if isinstance(value, date):
        return None  # a day without a time cannot place a minute
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        try:
            value = float(text)
        except ValueError:
            return _time_text(text)
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return _serial(float(value))
    return None


def _time_text(text: str) -> datetime | time | None:
    for pattern in _CLOCK_FORMATS:
        try:
            return datetime.strptime(text, pattern).time()
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    for pattern in _DATETIME_FORMATS:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    return None


def _serial(number_: float) -> datetime | time | float | None:
    """A number in a time column: epoch milliseconds or seconds, an Excel serial date-time (days since
    1899-12-30), or an Excel time of day (a fraction of a day)."""
    from openpyxl.utils.datetime import from_excel

    if number_ > 1e11:
        return number_ / 1000.0
    if number_ > 1e8:
        return number_
    if 0 <= number_ < 1:
        moment = from_excel(number_)
        return moment if isinstance(moment, time) else None
    if 20_000 <= number_ < 80_000:  # 1954 … 2119
        moment = from_excel(number_)
        return moment if isinstance(moment, datetime) else None
    return None


class _Clock:
    """Times without a date take the show's date; a show that runs past midnight carries on into the next day."""

    def __init__(self, show_start: datetime | None, tz: tzinfo | None) -> None:
        self.tz = tz
        self.start = show_start
        self.previous: datetime | None = None

    def place(self, clock: time) -> datetime | None:
        if self.start is None:
            return None
        local = self.start.astimezone(self.tz) if self.tz is not None else self.start.astimezone()
        if self.previous is None:
            moment = datetime.combine(local.date(), clock, local.tzinfo)
            if moment < local - timedelta(hours=12):  # the show began late in the evening, the file after midnight
                moment += timedelta(days=1)
        else:
            moment = datetime.combine(self.previous.date(), clock, self.previous.tzinfo)
            while moment < self.previous - timedelta(hours=12):
                moment += timedelta(days=1)
        self.previous = moment
        return moment


def _is_totals(cell: Any) -> bool:
    text = _text(cell).lower()
    return bool(text) and any(text.startswith(word) for word in _TOTALS)


def _columns_in_use(table: PlatformTable) -> tuple[Column, dict[str, Column], tuple[Column, ...]]:
    """The time column, the column read for each field (the first one naming it), and the columns left out."""
    time_column = table.time_column
    if time_column is None:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "PlatformImport",
                "{file}: no column holds the time (header row {row}); map one with --column 'HEADER=time'.",
            ),
            file=table.path.name,
            row=table.header_rows[-1],
        )
    used: dict[str, Column] = {}
    for column in table.columns:
        if column.field in FIELDS and column.field not in used:
            used[column.field] = column
    ignored = tuple(
        c
        for c in table.columns
        if c.header and (c.field in (None, IGNORE) or (c.field in FIELDS and used[c.field] != c))
    )
    if not used:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "PlatformImport",
                "{file}: the header (row {row}) names no figure this console keeps; map a column with "
                "--column 'HEADER=FIELD' (fields: {fields}).",
            ),
            file=table.path.name,
            row=table.header_rows[-1],
            fields=", ".join(FIELDS),
        )
    return time_column, used, ignored


def header_width(table: PlatformTable) -> int:
    """The columns the header names (columns after its last name are no columns: the header row is as wide as the
    widest of the first rows, a stray long row included)."""
    return max((c.index + 1 for c in table.columns if c.header), default=0)


def read(
    table: PlatformTable,
    mapping: Mapping[str, str] | None = None,
    show_start: datetime | None = None,
    tz: tzinfo | None = None,
) -> PlatformData:
    """The data rows as minutes with figures. `mapping` assigns columns the table of names does not know
    (header → field, or "ignore"); `show_start` gives times without a date their day; naive times are in `tz`
    (default: this computer's time zone, as the platform consoles show the room's local time)."""
    if mapping:
        table = table.with_mapping(mapping)
    time_column, used, ignored = _columns_in_use(table)
    clock = _Clock(show_start, tz)
    rows: list[PlatformRow] = []
    skipped: list[tuple[int, str]] = []
    misshapen: list[tuple[int, int]] = []
    width = header_width(table)
    seen: dict[float, int] = {}
    for number_, cells in table.rows:
        rows_item = _row(table, number_, cells, time_column, used, clock, tz)
        if rows_item is None:
            first = next((_text(c) for c in cells if _text(c)), "")
            if first:
                skipped.append((number_, first))
            continue
        if rows_item.t in seen:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "PlatformImport",
                    "{file}, row {row}, column {column} ({header}): the same minute as row {other}; "
                    "an export has one row a minute.",
                ),
                **_where(table, number_, time_column),
                other=seen[rows_item.t],
            )
        seen[rows_item.t] = number_
        rows.append(rows_item)
        filled = len(cells)
        while filled and _text(cells[filled - 1]) == "":
            filled -= 1  # empty cells at the end of a row are no cells (a spreadsheet's, a trailing comma)
        if filled > width or len(cells) < width:
            misshapen.append((number_, filled if filled > width else len(cells)))
    if not rows:
        raise _refuse(
            QT_TRANSLATE_NOOP("PlatformImport", "{file}: no data rows under the header (row {row})."),
            file=table.path.name,
            row=table.header_rows[-1],
        )
    rows.sort(key=lambda r: r.t)
    fields = tuple(f for f in FIELDS if f in used)
    return PlatformData(table, tuple(rows), fields, ignored, tuple(skipped), tuple(misshapen))


def _row_time(
    table: PlatformTable, number_: int, stamp: Any, time_column: Column, clock: _Clock, tz: tzinfo | None
) -> float:
    """A row's time cell as epoch seconds, or a refusal naming the cell."""
    moment = _moment(stamp)
    if isinstance(moment, time):
        placed = clock.place(moment)
        if placed is None:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "PlatformImport",
                    "{file}, row {row}, column {column} ({header}): “{value}” is a time without a date, and there is "
                    "no show to take the date from.",
                ),
                **_where(table, number_, time_column),
                value=_text(stamp),
            )
        t = placed.timestamp()
    elif isinstance(moment, datetime):
        t = _epoch(moment, tz)
    elif isinstance(moment, float):
        t = moment
    else:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "PlatformImport",
                "{file}, row {row}, column {column} ({header}): “{value}” is not a time (e.g. 2026-11-24 20:15, "
                "20:15 or 20:15:00).",
            ),
            **_where(table, number_, time_column),
            value=_text(stamp),
        )
    return t


def _row(
    table: PlatformTable,
    number_: int,
    cells: tuple[Any, ...],
    time_column: Column,
    used: Mapping[str, Column],
    clock: _Clock,
    tz: tzinfo | None,
) -> PlatformRow | None:
    """One data row; None for an empty row or a totals row (skipped)."""

    def cell(column: Column) -> Any:
        return cells[column.index] if column.index < len(cells) else None

    stamp = cell(time_column)
    if all(_text(c) in ("",) for c in cells) or _is_totals(stamp):
        return None
    if _text(stamp).lower() in _BLANKS:
        if all(_text(cell(c)).lower() in _BLANKS for c in used.values()):
            return None
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "PlatformImport", "{file}, row {row}, column {column} ({header}): the row has figures but no time."
            ),
            **_where(table, number_, time_column),
        )
    t = _row_time(table, number_, stamp, time_column, clock, tz)
    values: dict[str, float | None] = {}
    for name, column in used.items():
        raw = cell(column)
        try:
            figure = number(raw)
        except ValueError as exc:
            template = (
                QT_TRANSLATE_NOOP(
                    "PlatformImport", "{file}, row {row}, column {column} ({header}): “{value}” is a negative figure."
                )
                if str(exc) == "negative"
                else QT_TRANSLATE_NOOP(
                    "PlatformImport", "{file}, row {row}, column {column} ({header}): “{value}” is not a number."
                )
            )
            raise _refuse(template, **_where(table, number_, column), value=_text(raw)) from exc
        values[name] = None if figure is None else round(figure * column.scale, 6)
    return PlatformRow(number_, t, values)


def describe_columns(columns: Iterable[Column]) -> str:
    """ "D (新增粉丝), F (商品点击)": columns as the spreadsheet names them, for a message."""
    return ", ".join(f"{c.letter} ({c.header})" for c in columns)


def when(t: float, tz: tzinfo | None = None) -> str:
    """Epoch seconds as the room's local "2026-11-24 20:15" (for messages)."""
    moment = datetime.fromtimestamp(t, UTC)
    return (moment.astimezone(tz) if tz is not None else moment.astimezone()).strftime("%Y-%m-%d %H:%M")
