"""A rundown read from and written to the spreadsheet planners (直播策划) already keep: CSV or XLSX. No Qt.

Reading: the file is opened as the platform import opens its exports (console.core.review.platform.read_grid:
CSV in UTF-8 with or without a byte-order mark, GB18030 or UTF-16; the first sheet of an XLSX), the header is
found among the first rows (a title row or two above it is fine), and its columns are recognised by name in
Chinese or English (ALIASES: 环节/时长/画面/商品/话术/备注 …; Segment, Duration, Scene, Product …). Unknown
columns are left out and said so. Every row is read; every problem is collected with its spreadsheet row and
column (letter and header), and when there is any, nothing is returned: `RundownFileError` lists them all.

Durations are read as planners write them:
- with a unit: "5分", "5分钟", "5分30秒", "90秒", "1.5小时", "1小时30分", "5 min", "5m30s", "90s", "1.5h";
- as a clock: "05:00" and "5:30" are minutes:seconds (a length, as this module writes it), "00:05:00" and
  "1:30:00" are hours:minutes:seconds; an XLSX time cell is read as Excel holds it (hours:minutes:seconds),
  but one shown as h:mm from an hour on is refused (a typed "5:00", five minutes to the planner, is five hours
  to Excel: TypedClock);
- a bare number ("5", "300") is in the unit the header names — "时长(分钟)", "Duration (min)", "时长(秒)",
  "Duration (s)", "时长(小时)" — and in minutes when the header names none; a bare number over 180 under a
  header without a unit is refused as ambiguous (300 minutes is five hours: did the planner mean 300 seconds?).
A time in the start column (开始时间/Start: "20:00", "20:30:15", an Excel time) fixes the segment's start at
that time of day; leave it empty for segments that follow on.

Writing (`write_rundown`): CSV as UTF-8 with a byte-order mark (so Excel opens Chinese right; durations in
words, "5 min 30 s"/"5分30秒", which a spreadsheet does not turn into times of day) or XLSX (bold header,
column widths, durations as m:ss text cells), headers in the reader's language; reading the written file
gives the same plan back (segment keys are new: the file has no column for them).
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from console.core.reports import save_workbook
from console.core.review.platform import ImportRefused, _key, _text, column_letter, read_grid
from console.core.rundown.merged import unmerge, workbook_layout
from console.core.rundown.model import (
    COLOURS,
    MAX_PLANNED_S,
    MAX_SEGMENTS,
    MAX_TEXT,
    MAX_TITLE,
    Product,
    Rundown,
    Segment,
    price_text,
)
from console.core.rundown.rules import CONTEXT as RULES_CONTEXT
from console.core.rundown.rules import price_problem, segment_problems
from obs import oswords
from obs.text import QT_TRANSLATE_NOOP, Listed, Message, Translate

CONTEXT = "RundownSheet"

#: How many problems are listed before "… and N more".
MAX_SHOWN = 20
#: The header is looked for in this many rows at the top (title rows above it are common).
HEADER_SEARCH_ROWS = 30
#: A bare number under a header without a unit is minutes, up to this many; above it is ambiguous.
MAX_BARE_MINUTES = 180

#: The columns the reader knows, and the names planners give them (compared without case, spaces, "_-/" or a
#: bracketed unit: "时长（分钟）" is "时长" in minutes).
ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号", "顺序", "No.", "No", "#", "Number"),
    "title": (
        *("环节", "环节名称", "环节名", "环节内容", "直播环节", "直播流程", "流程", "流程环节", "标题", "名称"),
        *("Segment", "Title", "Item", "Name"),
    ),
    "start": ("开始时间", "开始", "定时开始", "时间点", "Start", "Start time", "Fixed start", "Starts at"),
    "duration": (
        *("时长", "预计时长", "预估时长", "计划时长", "环节时长", "用时"),
        *("Duration", "Length", "Planned", "Planned length"),
    ),
    "scene": (
        "画面",
        "直播画面",
        "画面场景",
        "场景",
        "OBS场景",
        "OBS画面",
        "镜头",
        "机位",
        "Scene",
        "OBS scene",
        "Shot",
    ),
    "product": (
        "商品",
        "商品名称",
        "商品名",
        "产品",
        "产品名称",
        "品名",
        "宝贝",
        "宝贝名称",
        "Product",
        "Product name",
        "Goods",
    ),
    "price": ("价格", "售价", "单价", "到手价", "到手价格", "直播价", "直播价格", "Price"),
    "sku": ("SKU", "商品ID", "商品编号", "商品编码", "货号", "Item ID", "Product ID"),
    # Two columns of these are joined (one per line): a sheet's 主播话术 and 产品卖点 both reach the host.
    "talking_points": (
        *("话术", "口播", "卖点", "讲解要点", "要点", "台词", "主播话术", "口播话术", "讲解话术", "话术要点"),
        *("产品卖点", "讲解内容", "Talking points", "Script", "Points"),
    ),
    "cues": (
        *("备注", "提示", "执行备注", "备注说明", "场控提示", "场控备注", "注意事项"),
        *("Cues", "Cue", "Notes", "Note", "Remarks"),
    ),
    "colour": ("颜色", "标记", "Colour", "Color"),
}
_FIELD_OF = {_key(name)[0]: field for field, names in ALIASES.items() for name in names}
#: Fields two columns may feed (their texts are joined, one per line): 话术 and 卖点, 备注 and 提示.
_JOINED = ("talking_points", "cues")

#: The columns written, in order, with their header in English (translated in context RundownSheet).
HEADERS: tuple[tuple[str, str], ...] = (
    ("number", QT_TRANSLATE_NOOP("RundownSheet", "No.")),
    ("title", QT_TRANSLATE_NOOP("RundownSheet", "Segment")),
    ("start", QT_TRANSLATE_NOOP("RundownSheet", "Start")),
    ("duration", QT_TRANSLATE_NOOP("RundownSheet", "Duration")),
    ("scene", QT_TRANSLATE_NOOP("RundownSheet", "Scene")),
    ("product", QT_TRANSLATE_NOOP("RundownSheet", "Product")),
    ("price", QT_TRANSLATE_NOOP("RundownSheet", "Price")),
    ("sku", QT_TRANSLATE_NOOP("RundownSheet", "SKU")),
    ("talking_points", QT_TRANSLATE_NOOP("RundownSheet", "Talking points")),
    ("cues", QT_TRANSLATE_NOOP("RundownSheet", "Cues")),
    ("colour", QT_TRANSLATE_NOOP("RundownSheet", "Colour")),
)
#: A length in a CSV, in words the reader's spreadsheet leaves alone (and this module reads back).
MINUTES = QT_TRANSLATE_NOOP("RundownSheet", "{minutes} min")
MINUTES_SECONDS = QT_TRANSLATE_NOOP("RundownSheet", "{minutes} min {seconds} s")
#: The XLSX sheet's name.
SHEET_TITLE = QT_TRANSLATE_NOOP("RundownSheet", "Rundown")
_WIDTHS = {"number": 6, "title": 28, "start": 10, "duration": 10, "scene": 14, "product": 24, "price": 10}
_WIDTHS |= {"sku": 14, "talking_points": 48, "cues": 32, "colour": 8}

#: COLOURS by the words a planner writes (English and Chinese), the first English word being the one written.
COLOUR_WORDS: dict[str, tuple[str, ...]] = {
    COLOURS[1]: (QT_TRANSLATE_NOOP("RundownSheet", "red"), "红", "红色"),
    COLOURS[2]: (QT_TRANSLATE_NOOP("RundownSheet", "orange"), "橙", "橙色", "橘色"),
    COLOURS[3]: (QT_TRANSLATE_NOOP("RundownSheet", "yellow"), "黄", "黄色"),
    COLOURS[4]: (QT_TRANSLATE_NOOP("RundownSheet", "green"), "绿", "绿色"),
    COLOURS[5]: (QT_TRANSLATE_NOOP("RundownSheet", "teal"), "青", "青色", "cyan"),
    COLOURS[6]: (QT_TRANSLATE_NOOP("RundownSheet", "blue"), "蓝", "蓝色"),
    COLOURS[7]: (QT_TRANSLATE_NOOP("RundownSheet", "purple"), "紫", "紫色"),
    COLOURS[8]: (QT_TRANSLATE_NOOP("RundownSheet", "grey"), "灰", "灰色", "gray"),
}
_COLOUR_OF = {word.lower(): colour for colour, words in COLOUR_WORDS.items() for word in words}
_COLOUR_OF |= {colour.lower(): colour for colour in COLOURS if colour}

_BLANKS = {"", "-", "--", "—", "——", "/", "n/a", "none"}
_TOTALS = ("合计", "总计", "汇总", "total", "sum")
_UNIT_S = {
    **dict.fromkeys(("小时", "钟头", "时", "h", "hr", "hrs", "hour", "hours"), 3600),
    **dict.fromkeys(("分钟", "分", "m", "min", "mins", "minute", "minutes", "'", "′"), 60),
    **dict.fromkeys(("秒钟", "秒", "s", "sec", "secs", "second", "seconds", '"', "″"), 1),
}
_UNITS = "|".join(sorted((re.escape(u) for u in _UNIT_S), key=len, reverse=True))
_PART = re.compile(rf"(\d+(?:\.\d+)?)\s*({_UNITS})")
_PARTS = re.compile(rf"(?:\s*\d+(?:\.\d+)?\s*(?:{_UNITS}))+\s*")
_CLOCK = re.compile(r"(\d{1,3}):(\d{1,2})(?::(\d{1,2}))?")
_MERIDIEM = re.compile(r"(上午|下午)?\s*([\d:]+)\s*(am|pm)?", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_BRACKET = re.compile(r"\(([^()]*)\)\s*$")
_CURRENCY = re.compile(r"^(?:¥|￥|rmb|cny)\s*|\s*(?:元|rmb|cny)$", re.IGNORECASE)


class RundownFileError(Exception):
    """The file cannot be imported (or written); `problems` lists every reason with its row and column.
    Nothing was returned or stored."""

    def __init__(self, problems: list[Message]) -> None:
        super().__init__("\n".join(p.explain() for p in problems[:MAX_SHOWN]))
        self.problems = problems

    def shown(self) -> list[Message]:
        """The problems to show a person: the first MAX_SHOWN, then "… and N more problems"."""
        extra = len(self.problems) - MAX_SHOWN
        if extra <= 0:
            return list(self.problems)
        more = Message(QT_TRANSLATE_NOOP("RundownSheet", "… and {count} more problems."), {"count": extra}, CONTEXT)
        return [*self.problems[:MAX_SHOWN], more]


@dataclass(frozen=True)
class SheetColumn:
    index: int
    header: str
    field: str | None
    #: Seconds per bare number in a duration column whose header names a unit (None: none named).
    unit_s: int | None = None

    @property
    def letter(self) -> str:
        return column_letter(self.index)


@dataclass(frozen=True)
class SheetRead:
    """A file read whole: the plan and what the reader should be told about how it was read."""

    rundown: Rundown
    file_name: str
    #: "UTF-8", "UTF-8 with BOM", "GB18030", "UTF-16" or "XLSX".
    encoding: str
    header_row: int
    #: Columns left out (header not recognised).
    ignored: tuple[SheetColumn, ...] = ()
    #: Totals rows skipped (row numbers).
    skipped: tuple[int, ...] = ()
    #: A totals row whose length is not what the segments add up to (the plan counts the segments): said.
    totals: tuple[Message, ...] = ()


class _Bad(Exception):
    """One cell's problem: a template and its fields; the template is in context RundownSheet unless `context`
    names another (the price bounds are shared with the dock and storage: context Rundown)."""

    def __init__(self, template: str, context: str = CONTEXT, **fields: Any) -> None:
        super().__init__(template)
        self.template = template
        self.context = context
        self.fields = fields


# ---------------------------------------------------------------------- cells
def _clean(value: Any) -> str:
    return unicodedata.normalize("NFKC", _text(value)).strip()


def _blank(value: Any) -> bool:
    return _clean(value).lower() in _BLANKS


def _from_number(amount: float, unit_s: int | None) -> float:
    if unit_s is not None:
        return amount * unit_s
    if amount > MAX_BARE_MINUTES:
        raise _Bad(
            QT_TRANSLATE_NOOP(
                "RundownSheet",
                "“{value}” has no unit and the column's header names none; {value} minutes would be over {hours} "
                "hours. Write the unit in the cell (秒 or s, 分 or min) or in the header: 时长(秒) / Duration (s)",
            ),
            value=_text(amount),
            hours=MAX_BARE_MINUTES // 60,
        )
    return amount * 60


def _from_text(text: str, unit_s: int | None) -> float:
    lowered = text.lower()
    if _NUMBER.fullmatch(lowered):
        return _from_number(float(lowered), unit_s)
    if clock := _CLOCK.fullmatch(lowered):
        first, second, third = clock.groups()
        if third is None:  # m:ss, a length as this module writes it
            if int(second) >= 60:
                raise _Bad(QT_TRANSLATE_NOOP("RundownSheet", "“{value}”: the seconds must be below 60"), value=text)
            return int(first) * 60 + int(second)
        if int(second) >= 60 or int(third) >= 60:
            raise _Bad(QT_TRANSLATE_NOOP("RundownSheet", "“{value}”: minutes and seconds must be below 60"), value=text)
        return int(first) * 3600 + int(second) * 60 + int(third)
    if _PARTS.fullmatch(lowered):
        return sum(float(amount) * _UNIT_S[unit] for amount, unit in _PART.findall(lowered))
    raise _Bad(
        QT_TRANSLATE_NOOP(
            "RundownSheet",
            "“{value}” is not a length; write it as 5分, 5分30秒, 1.5小时, 5:00 (minutes:seconds), 00:05:00 or 5 min",
        ),
        value=text,
    )


class TypedClock(timedelta):
    """A length cell Excel (or WPS) shows as hours:minutes (h:mm, [h]:mm): what a planner typed as "5:00" — five
    minutes, the way the console writes lengths — Excel took for five hours and shows "5:00" still. From an hour
    on it is refused as ambiguous rather than read as either; under an hour ("0:05") it is what Excel and the
    planner agree on."""


#: An XLSX number format that shows hours and minutes but no seconds (quoted text and [$-…]/[colour] codes aside).
_FORMAT_NOISE = re.compile(r'"[^"]*"|\\.|\[\$[^\]]*\]|\[(?:red|black|blue|green|white|yellow|magenta|cyan)\]|;@$', re.I)


def _hours_minutes(number_format: str) -> bool:
    shown = _FORMAT_NOISE.sub("", number_format).lower().replace("[h]", "h").replace("[hh]", "h")
    return "h" in shown and "m" in shown and "s" not in shown and "am/pm" not in shown and "上午" not in shown


def _mark_typed_clocks(
    grid: list[list[Any]], fields: dict[str, list[SheetColumn]], formats: dict[tuple[int, int], str]
) -> None:
    """The duration column's cells shown as h:mm become TypedClock (see there), before merges are copied down."""
    for column in fields.get("duration", []):
        for (row, index), number_format in formats.items():
            if index != column.index or row >= len(grid) or index >= len(grid[row]):
                continue
            value = grid[row][index]
            if _hours_minutes(number_format):
                if isinstance(value, time):
                    grid[row][index] = TypedClock(hours=value.hour, minutes=value.minute, seconds=value.second)
                elif isinstance(value, timedelta):
                    grid[row][index] = TypedClock(seconds=value.total_seconds())


def _typed_clock_refused(value: TypedClock) -> _Bad:
    whole = round(value.total_seconds())
    hours, minutes = whole // 3600, whole // 60 % 60
    shown = f"{hours}:{minutes:02d}"
    as_minutes = f"{hours}分{minutes}秒" if minutes else f"{hours}分"
    as_hours = f"{hours}小时{minutes}分" if minutes else f"{hours}小时"
    return _Bad(
        QT_TRANSLATE_NOOP(
            "RundownSheet",
            "“{shown}” is formatted as a time (h:mm), so the spreadsheet holds it as {shown} hours:minutes, not "
            "{shown} minutes:seconds as the console writes lengths. Write the unit — {as_minutes} or {as_hours} — or "
            "format the column as text before typing",
        ),
        shown=shown,
        as_minutes=as_minutes,
        as_hours=as_hours,
    )


def parse_duration(value: Any, unit_s: int | None = None) -> int:
    """A planned length in whole seconds from a cell as planners write it (see the module's text); `unit_s`:
    the unit the column's header names for bare numbers (None: minutes). Raises _Bad."""
    if isinstance(value, TypedClock) and value.total_seconds() >= 3600:
        raise _typed_clock_refused(value)
    if isinstance(value, timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
    elif isinstance(value, datetime):
        raise _Bad(QT_TRANSLATE_NOOP("RundownSheet", "the cell holds a date, not a length"))
    elif isinstance(value, int | float) and not isinstance(value, bool):
        seconds = _from_number(float(value), unit_s)
    else:
        seconds = _from_text(_clean(value), unit_s)
    whole = round(seconds)
    if whole <= 0:
        raise _Bad(QT_TRANSLATE_NOOP("RundownSheet", "a length must be more than 0 (“{value}”)"), value=_text(value))
    if whole > MAX_PLANNED_S:
        raise _Bad(QT_TRANSLATE_NOOP("RundownSheet", "“{value}” is more than 24 hours"), value=_text(value))
    return whole


def typed_length(text: str) -> int | Message:
    """A length typed by hand (the Rundown dock's Length cell), by the rules of a sheet's cell under a header
    that names no unit — so "5" means five minutes in the dock as in a planner's spreadsheet: whole seconds, or
    why not (context RundownSheet)."""
    cleaned = _clean(text)
    if _NUMBER.fullmatch(cleaned.lower()) and float(cleaned) > MAX_BARE_MINUTES:
        return Message(
            QT_TRANSLATE_NOOP(
                "RundownSheet",
                "“{value}” has no unit; {value} minutes would be over {hours} hours. Write the unit: 300秒 / 300 s, "
                "5分 / 5 min",
            ),
            {"value": cleaned, "hours": MAX_BARE_MINUTES // 60},
            CONTEXT,
        )
    try:
        return parse_duration(cleaned)
    except _Bad as bad:
        return Message(bad.template, bad.fields, bad.context)


def parse_start(value: Any) -> time:
    """A fixed start (time of day) from "20:00", "20:30:15", an Excel time or date-and-time. Raises _Bad."""
    if isinstance(value, datetime):
        return value.time().replace(microsecond=0)
    if isinstance(value, time):
        return value.replace(microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:  # Excel's fraction of a day
        seconds = round(value * 86400) % 86400
        return time(seconds // 3600, seconds // 60 % 60, seconds % 60)
    text = _clean(value)
    # A spreadsheet that opened the CSV may save 20:00 back as "08:00:00 PM" (or "下午08:00:00").
    found = _MERIDIEM.fullmatch(text)
    half = ((found.group(1) or found.group(3) or "") if found else "").lower()
    clock = _CLOCK.fullmatch(found.group(2)) if found else None
    if clock:
        hour, minute, second = (int(g) if g else 0 for g in clock.groups())
        if half:  # 12-hour clock: 1 to 12 only
            hour = hour % 12 + (12 if half in ("pm", "下午") else 0) if 1 <= hour <= 12 else 24
        if hour < 24 and minute < 60 and second < 60:
            return time(hour, minute, second)
    raise _Bad(
        QT_TRANSLATE_NOOP("RundownSheet", "“{value}” is not a time of day such as 20:00 or 20:30:15"), value=text
    )


def parse_price(value: Any) -> Decimal:
    """A price from 89.9, "89.90", "¥89.9", "1,299元". Raises _Bad."""
    text = _CURRENCY.sub("", _clean(value)).replace(",", "").strip()
    try:
        price = Decimal(text)
    except InvalidOperation:
        raise _Bad(QT_TRANSLATE_NOOP("RundownSheet", "“{value}” is not a price"), value=_text(value)) from None
    why = price_problem(price)
    if why is not None:
        raise _Bad(why, RULES_CONTEXT, price=_text(value))
    return price


def parse_colour(value: Any) -> str:
    text = _clean(value).lower()
    if text in _COLOUR_OF:
        return _COLOUR_OF[text]
    raise _Bad(
        QT_TRANSLATE_NOOP("RundownSheet", "“{value}” is not a colour the rundown knows; use one of: {colours}"),
        value=_text(value),
        colours=Listed(tuple(words[0] + "/" + words[1] for words in COLOUR_WORDS.values())),
    )


# ---------------------------------------------------------------------- header
def _column(index: int, header: str) -> SheetColumn:
    name, _ = _key(header)
    field = _FIELD_OF.get(name)
    unit_s = None
    bracket = _BRACKET.search(unicodedata.normalize("NFKC", header).strip().lower())
    if field == "duration" and bracket:
        unit_s = _UNIT_S.get(bracket.group(1).strip())
    return SheetColumn(index, header, field, unit_s)


def _header_row(grid: list[list[Any]]) -> tuple[int, list[SheetColumn]] | None:
    """The first row among the top ones naming a title column and one more known column; else the row naming
    the most known columns (then the title is what lacks); None when no row names two."""
    fallback: tuple[int, list[SheetColumn]] | None = None
    for row in range(min(len(grid), HEADER_SEARCH_ROWS)):
        columns = [_column(i, _text(cell)) for i, cell in enumerate(grid[row])]
        known = _known(columns)
        if "title" in known and len(known) >= 2:
            return row, columns
        if len(known) >= 2 and (fallback is None or len(known) > len(_known(fallback[1]))):
            fallback = row, columns
    return fallback


def _known(columns: list[SheetColumn]) -> set[str]:
    """The fields a header row names (序号 does not count: any table has one)."""
    return {c.field for c in columns if c.field is not None} - {"number"}


# ---------------------------------------------------------------------- reading
class _Reader:
    """One file being read: collects every problem instead of stopping at the first."""

    def __init__(self, path: Path, grid: list[list[Any]], scenes: Collection[str] | None) -> None:
        self.path = path
        self.grid = grid
        self.scenes = scenes
        self.problems: list[Message] = []

    def file_problem(self, template: str, **fields: Any) -> None:
        self.problems.append(Message(template, {"file": self.path.name, **fields}, CONTEXT))

    def cell_problem(self, row: int, column: SheetColumn, bad: _Bad) -> None:
        self.problems.append(
            Message(
                QT_TRANSLATE_NOOP("RundownSheet", "{file}, row {row}, column {column} ({header}): {problem}"),
                {
                    "file": self.path.name,
                    "row": row,
                    "column": column.letter,
                    "header": column.header,
                    "problem": Message(bad.template, bad.fields, bad.context),
                },
                CONTEXT,
            )
        )

    def header(self) -> tuple[int, dict[str, list[SheetColumn]], list[SheetColumn]] | None:
        found = _header_row(self.grid)
        if found is None:
            self.file_problem(
                QT_TRANSLATE_NOOP(
                    "RundownSheet",
                    "{file}: no row among the first {rows} names the rundown's columns (环节/Segment, 时长/Duration, "
                    "画面/Scene, 商品/Product, 话术/Talking points, 备注/Cues). Is this a rundown?",
                ),
                rows=HEADER_SEARCH_ROWS,
            )
            return None
        row, columns = found
        fields: dict[str, list[SheetColumn]] = {}
        for column in columns:
            if column.field is not None:
                fields.setdefault(column.field, []).append(column)
        if "title" not in fields:
            self.file_problem(
                QT_TRANSLATE_NOOP(
                    "RundownSheet",
                    "{file}, row {row}: the header has no column for the segment's title (环节, 环节名称, Segment or "
                    "Title); it reads: {headers}",
                ),
                row=row + 1,
                headers=Listed(tuple(c.header for c in columns if c.header)),
            )
        if "duration" not in fields and "start" not in fields:
            self.file_problem(
                QT_TRANSLATE_NOOP(
                    "RundownSheet",
                    "{file}, row {row}: the header has no duration column (时长 or Duration) nor a start column "
                    "(开始时间 or Start): how long is each segment?",
                ),
                row=row + 1,
            )
        for field, found_columns in fields.items():
            if len(found_columns) > 1 and field not in (*_JOINED, "number"):
                self.file_problem(
                    QT_TRANSLATE_NOOP("RundownSheet", "{file}, row {row}: two columns say the same thing: {columns}"),
                    row=row + 1,
                    columns=Listed(tuple(f"{c.letter} ({c.header})" for c in found_columns)),
                )
        return row, fields, [c for c in columns if c.field is None and c.header]

    def value(self, cells: list[Any], column: SheetColumn) -> Any:
        return cells[column.index] if column.index < len(cells) else None

    def text(self, cells: list[Any], fields: dict[str, list[SheetColumn]], field: str) -> str:
        texts = [_text(self.value(cells, c)) for c in fields.get(field, [])]
        return "\n".join(t for t in texts if t and t.lower() not in _BLANKS)

    def parsed(
        self, number: int, cells: list[Any], fields: dict[str, list[SheetColumn]], field: str, parse: Any
    ) -> Any:
        """The cell of `field` parsed (None when blank or the column is absent); a problem noted, None returned."""
        column = fields.get(field, [None])[0]
        if column is None or _blank(self.value(cells, column)):
            return None
        try:
            return parse(self.value(cells, column))
        except _Bad as bad:
            self.cell_problem(number, column, bad)
            return None

    def segment(self, number: int, cells: list[Any], fields: dict[str, list[SheetColumn]]) -> Segment | None:
        before = len(self.problems)
        duration_column = fields.get("duration", [None])[0]
        unit_s = duration_column.unit_s if duration_column else None
        planned = self.parsed(number, cells, fields, "duration", lambda v: parse_duration(v, unit_s))
        start = self.parsed(number, cells, fields, "start", parse_start)
        price = self.parsed(number, cells, fields, "price", parse_price)
        colour = self.parsed(number, cells, fields, "colour", parse_colour) or ""
        title = self.text(cells, fields, "title")
        if not title:
            self.cell_problem(number, fields["title"][0], _Bad(QT_TRANSLATE_NOOP("RundownSheet", "no title")))
        if planned is None and start is None and len(self.problems) == before and duration_column is not None:
            self.cell_problem(
                number,
                duration_column,
                _Bad(QT_TRANSLATE_NOOP("RundownSheet", "no duration (and no start time): how long is this segment?")),
            )
        product = self.product(number, cells, fields, price)
        if len(self.problems) > before:
            return None
        segment = Segment(
            title=title,
            planned_s=planned,
            fixed_start=start,
            scene=self.text(cells, fields, "scene"),
            product=product,
            talking_points=self.text(cells, fields, "talking_points"),
            cues=self.text(cells, fields, "cues"),
            colour=colour,
        )
        for why in segment_problems(segment):  # the bounds: lengths of the texts
            self.problems.append(
                Message(
                    QT_TRANSLATE_NOOP("RundownSheet", "{file}, row {row}: {problem}"),
                    {
                        "file": self.path.name,
                        "row": number,
                        "problem": Message(
                            why, {"limit": MAX_TITLE, "text": MAX_TEXT, "colour": colour, "price": price}, RULES_CONTEXT
                        ),
                    },
                    CONTEXT,
                )
            )
        return segment if len(self.problems) == before else None

    def product(
        self, number: int, cells: list[Any], fields: dict[str, list[SheetColumn]], price: Decimal | None
    ) -> Product | None:
        name, sku = self.text(cells, fields, "product"), self.text(cells, fields, "sku")
        if name:
            return Product(name, price, sku)
        # A price cell written counts even when it is no price (¥9.999): its row lists both problems, not one.
        price_column = fields.get("price", [None])[0]
        priced = price is not None or (price_column is not None and not _blank(self.value(cells, price_column)))
        for field, given in (("price", priced), ("sku", bool(sku))):
            if given:
                self.cell_problem(
                    number,
                    fields[field][0],
                    _Bad(QT_TRANSLATE_NOOP("RundownSheet", "a price or SKU without a product name (商品/Product)")),
                )
        return None

    def check_scene(self, number: int, scene: str, fields: dict[str, list[SheetColumn]]) -> None:
        if self.scenes is None or not scene or scene in self.scenes:
            return
        template, found = _no_scene(scene, self.scenes)
        self.cell_problem(number, fields["scene"][0], _Bad(template, **found))

    def duplicates(self, rows: list[tuple[int, Segment]]) -> None:
        groups: dict[tuple[Any, ...], list[int]] = {}
        for number, segment in rows:
            same = (segment.title, segment.planned_s, segment.fixed_start, segment.scene, segment.product)
            groups.setdefault((*same, segment.talking_points, segment.cues, segment.colour), []).append(number)
        for numbers in groups.values():
            if len(numbers) > 1:
                self.file_problem(
                    QT_TRANSLATE_NOOP(
                        "RundownSheet",
                        "{file}, rows {rows}: the same segment twice, every column alike (“{title}”). Delete the copy, "
                        "or tell them apart (e.g. “福袋抽奖 1”, “福袋抽奖 2”)",
                    ),
                    rows=Listed(tuple(map(str, numbers))),
                    title=next(s.title for n, s in rows if n == numbers[0]),
                )


def _no_scene(scene: str, scenes: Collection[str]) -> tuple[str, dict[str, Any]]:
    listed = Listed(tuple(sorted(scenes)[:12])) if scenes else "—"
    return (
        QT_TRANSLATE_NOOP("RundownSheet", "there is no scene “{scene}” in this room's OBS (its scenes: {scenes})"),
        {"scene": scene, "scenes": listed},
    )


def _grid(path: Path) -> tuple[list[list[Any]], str]:
    try:
        grid, encoding, _ = read_grid(path)
    except ImportRefused as refused:
        raise RundownFileError([refused.message]) from refused
    return grid, encoding


def read_sheet(path: Path | str, room: str, scenes: Collection[str] | None = None) -> SheetRead:
    """Read a rundown file whole (see the module's text), checking scenes against `scenes` when known (None:
    not checked). Raises RundownFileError listing every problem; nothing is returned then."""
    path = Path(path)
    grid, encoding = _grid(path)
    reader = _Reader(path, grid, scenes)
    if not any(not _blank(cell) for row in grid for cell in row):
        raise RundownFileError(
            [Message(QT_TRANSLATE_NOOP("RundownSheet", "{file}: the file is empty"), {"file": path.name}, CONTEXT)]
        )
    found = reader.header()
    if found is None or reader.problems:
        raise RundownFileError(reader.problems)
    header, fields, ignored = found
    if encoding == "XLSX":  # merged cells hold their value in the top cell only: read them as the planner meant
        merges, formats = workbook_layout(path)
        _mark_typed_clocks(grid, fields, formats)
        merge_problems = unmerge(grid, header, fields, merges, path.name)
        if merge_problems:
            raise RundownFileError(merge_problems)
    rows: list[tuple[int, Segment]] = []
    skipped: list[int] = []
    stated: list[tuple[int, int]] = []
    for number, cells in enumerate(grid[header + 1 :], header + 2):
        if all(_blank(cell) for cell in cells):
            continue
        if next(_clean(cell) for cell in cells if not _blank(cell)).lower() in _TOTALS:
            skipped.append(number)
            stated.extend((number, total) for total in _stated_total(cells, fields))
            continue
        segment = reader.segment(number, cells, fields)
        # Checked whatever else is wrong with the row: every problem is named at once, not one per import.
        reader.check_scene(number, reader.text(cells, fields, "scene"), fields)
        if segment is not None:
            rows.append((number, segment))
    reader.duplicates(rows)
    _count(reader, rows, header)
    if reader.problems:
        raise RundownFileError(reader.problems)
    rundown = Rundown(room, tuple(segment for _, segment in rows))
    totals = _totals_that_disagree(rundown, stated, path.name)
    return SheetRead(rundown, path.name, encoding, header + 1, tuple(ignored), tuple(skipped), totals)


def _hours(seconds: int) -> str:
    """h:mm:ss, as the import's summary says the planned total ("0:23:00 planned")."""
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _stated_total(cells: list[Any], fields: dict[str, list[SheetColumn]]) -> tuple[int, ...]:
    """The length a totals row (合计) states in the duration column (none when it states none it is read as)."""
    column = fields.get("duration", [None])[0]
    value = cells[column.index] if column is not None and column.index < len(cells) else None
    if column is None or _blank(value):
        return ()
    try:
        return (parse_duration(value, column.unit_s),)
    except _Bad:
        return ()  # "约1小时", a formula Excel never computed: the row is skipped as before, nothing to compare


def _totals_that_disagree(rundown: Rundown, stated: list[tuple[int, int]], file: str) -> tuple[Message, ...]:
    """A planner's 合计 says 21分钟 while the rows add up to 23 (a row added under a total typed by hand): said,
    never imported as either — the plan counts its segments. Not compared when a segment has no length."""
    if any(segment.planned_s is None for segment in rundown.segments):
        return ()
    counted = sum(segment.planned_s or 0 for segment in rundown.segments)
    return tuple(
        Message(
            QT_TRANSLATE_NOOP(
                "RundownSheet",
                "{file}, row {row}: the totals row says {stated}, but the segments add up to {counted}; the plan "
                "counts the segments. Check the sheet's total.",
            ),
            {"file": file, "row": row, "stated": _hours(total), "counted": _hours(counted)},
            CONTEXT,
        )
        for row, total in stated
        if total != counted
    )


def _count(reader: _Reader, rows: list[tuple[int, Segment]], header: int) -> None:
    if not rows and not reader.problems:
        reader.file_problem(
            QT_TRANSLATE_NOOP("RundownSheet", "{file}: there are no segments under the header (row {row})"),
            row=header + 1,
        )
    if len(rows) > MAX_SEGMENTS:
        reader.file_problem(
            QT_TRANSLATE_NOOP("RundownSheet", "{file}: {count} segments; a rundown holds at most {limit}"),
            count=len(rows),
            limit=MAX_SEGMENTS,
        )


def read_rundown(path: Path, room: str, scenes: Collection[str] | None = None) -> Rundown:
    """The rundown in `path` for `room` (see read_sheet); raises RundownFileError."""
    return read_sheet(path, room, scenes).rundown


def unknown_scenes(rundown: Rundown, scenes: Collection[str]) -> list[Message]:
    """A message for each segment whose scene is not among `scenes` (the room's OBS's), by segment number."""
    out = []
    for number, segment in enumerate(rundown.segments, 1):
        if segment.scene and segment.scene not in scenes:
            template, fields = _no_scene(segment.scene, scenes)
            out.append(
                Message(
                    QT_TRANSLATE_NOOP("RundownSheet", "Segment {number} (“{title}”): {problem}"),
                    {"number": number, "title": segment.title[:40], "problem": Message(template, fields, CONTEXT)},
                    CONTEXT,
                )
            )
    return out


# ---------------------------------------------------------------------- writing
def duration_text(seconds: int | None) -> str:
    """A length as the XLSX holds it (a text cell): m:ss ("5:00", "90:00"); "" for none."""
    return "" if seconds is None else f"{seconds // 60}:{seconds % 60:02d}"


def duration_words(seconds: int | None, translate: Translate) -> str:
    """A length as the CSV holds it, in words ("5 min 30 s", "5分30秒"): a spreadsheet opening a CSV turns
    "5:00" into five o'clock, and saves it back as a time of day; words it leaves alone."""
    if seconds is None:
        return ""
    minutes, rest = divmod(seconds, 60)
    if rest == 0:
        return translate(CONTEXT, MINUTES).format(minutes=minutes)
    return translate(CONTEXT, MINUTES_SECONDS).format(minutes=minutes, seconds=rest)


def start_text(start: time | None) -> str:
    if start is None:
        return ""
    return start.strftime("%H:%M" if start.second == 0 else "%H:%M:%S")


def _cells(number: int, segment: Segment, translate: Translate) -> dict[str, Any]:
    product = segment.product
    return {
        "number": number,
        "title": segment.title,
        "start": start_text(segment.fixed_start),
        "duration": duration_text(segment.planned_s),
        "scene": segment.scene,
        "product": product.name if product else "",
        "price": product.price if product and product.price is not None else None,
        "sku": product.sku if product else "",
        "talking_points": segment.talking_points,
        "cues": segment.cues,
        "colour": translate(CONTEXT, COLOUR_WORDS[segment.colour][0]) if segment.colour else "",
    }


def _rows(rundown: Rundown, translate: Translate) -> Iterable[dict[str, Any]]:
    return (_cells(n, segment, translate) for n, segment in enumerate(rundown.segments, 1))


def _write_csv(rundown: Rundown, handle: Any, translate: Translate) -> None:
    writer = csv.writer(handle)
    writer.writerow([translate(CONTEXT, header) for _, header in HEADERS])
    for cells, segment in zip(_rows(rundown, translate), rundown.segments, strict=True):
        cells["duration"] = duration_words(segment.planned_s, translate)
        # The price as the dock and the talent screen write it, without the ¥ a spreadsheet in another locale
        # would keep as text ("199", "9.90"): Excel, WPS and LibreOffice read a number, and the import reads it
        # back. str(Decimal) wrote the database's "199.00" for a typed 199.
        price = cells["price"]
        cells["price"] = price_text(price) if isinstance(price, Decimal) else price
        writer.writerow(["" if cells[field] is None else cells[field] for field, _ in HEADERS])


def _write_xlsx(rundown: Rundown, target: Path, translate: Translate) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = translate(CONTEXT, SHEET_TITLE)
    sheet.append([translate(CONTEXT, header) for _, header in HEADERS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, (field, _) in enumerate(HEADERS):
        sheet.column_dimensions[column_letter(index)].width = _WIDTHS[field]
    for row, (cells, segment) in enumerate(zip(_rows(rundown, translate), rundown.segments, strict=True), 2):
        for index, (field, _) in enumerate(HEADERS, 1):
            value = cells[field]
            cell = sheet.cell(row, index, float(value) if isinstance(value, Decimal) else value)
            if field in ("start", "duration", "sku"):
                cell.number_format = "@"  # text: Excel must not turn 5:00 into five o'clock
            elif field == "price" and isinstance(value, Decimal):
                # A number (to sum, to sort) shown as the console shows prices: ¥199, ¥9.90 — not 199.00.
                cell.number_format = '"¥"0' if value == value.to_integral_value() else '"¥"0.00'
            elif field in ("talking_points", "cues", "title"):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif field == "colour" and segment.colour:
                cell.fill = PatternFill("solid", start_color=segment.colour.lstrip("#"))
    save_workbook(book, target)


def write_rundown(rundown: Rundown, path: Path, translate: Translate) -> None:
    """Write `rundown` to `path`: XLSX when it ends in .xlsx, else CSV (UTF-8 with BOM); headers and colour
    words in the reader's language (`translate`: Qt's translate, or the identity for English). The file
    appears whole or not at all (written beside it, then renamed). Raises RundownFileError when it cannot be
    written."""
    path = Path(path)
    # Beside the target, so the rename is atomic; opened as any new file is (the umask's permissions).
    temporary = path.with_name(f".{path.stem}-{uuid.uuid4().hex[:8]}{path.suffix}")
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            _write_xlsx(rundown, temporary, translate)
        else:
            with open(temporary, "x", encoding="utf-8-sig", newline="") as handle:
                _write_csv(rundown, handle, translate)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _unwritable(path, exc) from exc


def _unwritable(path: Path, exc: OSError) -> RundownFileError:
    return RundownFileError(
        [
            Message(
                QT_TRANSLATE_NOOP("RundownSheet", "{file} cannot be written: {error}"),
                {"file": str(path), "error": oswords.reason(exc, named=False)},
                CONTEXT,
            )
        ]
    )
