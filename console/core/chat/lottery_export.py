"""A lottery written out: JSON (the verifiable record `onair lottery verify` reads), CSV and XLSX (people's view:
the winners first, then every entry, in the reader's language). Files appear whole or not at all. Qt-free."""

from __future__ import annotations

import csv
import json
import os
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from console.core.chat.lottery import FORMAT, REASONS, LotteryError, LotteryRecord, Winner, canonical
from console.core.chat.platforms import platform_name
from console.core.reports import save_workbook
from obs import oswords
from obs.text import QT_TRANSLATE_NOOP, Translate

CONTEXT = "Lottery"
_HEADERS = (
    QT_TRANSLATE_NOOP("Lottery", "Winner"),
    QT_TRANSLATE_NOOP("Lottery", "Platform"),
    QT_TRANSLATE_NOOP("Lottery", "User ID"),
    QT_TRANSLATE_NOOP("Lottery", "Name"),
    QT_TRANSLATE_NOOP("Lottery", "Entered at"),
    QT_TRANSLATE_NOOP("Lottery", "Comment"),
    QT_TRANSLATE_NOOP("Lottery", "Forfeit or replacement"),
)


def _moment(at: float | None) -> datetime | None:
    """An epoch second as a local wall-clock time without a zone (Excel has none); None when not known."""
    return None if at is None else datetime.fromtimestamp(at).astimezone().replace(tzinfo=None, microsecond=0)


def local_time(at: float | None) -> str:
    moment = _moment(at)
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S")


# How a spreadsheet shows the typed cells (the CSV writes the same as text).
TIME = "yyyy-mm-dd hh:mm:ss"
WHOLE = "0"


def state_words(record: LotteryRecord, translate: Translate) -> str:
    """What became of the lottery, in the reader's words: drawn (when, by whom), cancelled (when, by whom — no draw,
    no winners), or still running. A cancelled lottery's export once said only "not drawn yet", as if its draw were
    to come."""
    if record.state == "drawn":
        template = QT_TRANSLATE_NOOP("Lottery", "Drawn at %1 by %2")
        at, who = record.drawn_at, record.drawn_by
    elif record.state == "cancelled":
        template = QT_TRANSLATE_NOOP("Lottery", "Cancelled at %1 by %2: never drawn, no winners")
        at, who = record.cancelled_at, record.cancelled_by
    elif record.state == "closed":
        return translate(CONTEXT, QT_TRANSLATE_NOOP("Lottery", "Entries closed, not drawn yet"))
    else:
        return translate(CONTEXT, QT_TRANSLATE_NOOP("Lottery", "Entries still open, not drawn yet"))
    return translate(CONTEXT, template).replace("%1", local_time(at)).replace("%2", who or "?")


def reason_words(winner: Winner, translate: Translate) -> str:
    """Why a winner forfeited, in the reader's words, with the assistant's note after a dash."""
    words = translate(CONTEXT, REASONS.get(winner.reason, REASONS["other"]))
    return f"{words} — {winner.note}" if winner.note else words


def outcome_words(winner: Winner, translate: Translate) -> str:
    """What befell a drawn viewer after the draw: forfeited (when, by whom, why) and/or drawn as a replacement
    (for which rank, when, by whom); "" for a winner of the draw who stands."""
    parts = []
    if winner.replaces is not None:
        text = translate(CONTEXT, QT_TRANSLATE_NOOP("Lottery", "Replaces winner %1, drawn at %2 by %3"))
        parts.append(
            text.replace("%1", str(winner.replaces))
            .replace("%2", local_time(winner.drawn_at))
            .replace("%3", winner.drawn_by or "?")
        )
    if winner.forfeited:
        text = translate(CONTEXT, QT_TRANSLATE_NOOP("Lottery", "Forfeited at %1 by %2: %3"))
        parts.append(
            text.replace("%1", local_time(winner.forfeited_at))
            .replace("%2", winner.forfeited_by or "?")
            .replace("%3", reason_words(winner, translate))
        )
    return "; ".join(parts)


def summary_values(record: LotteryRecord, translate: Translate) -> list[tuple[str, str | int | datetime | None]]:
    """What a person reads above the entries, typed: keyword, what became of it, window (local times), counts
    (numbers), commitment, seed."""
    cancelled = record.state == "cancelled"
    unrevealed = (
        QT_TRANSLATE_NOOP("Lottery", "not revealed: the lottery was cancelled")
        if cancelled
        else QT_TRANSLATE_NOOP("Lottery", "not revealed: not drawn yet")
    )
    rows: list[tuple[str, str | int | datetime | None]] = [
        (QT_TRANSLATE_NOOP("Lottery", "Keyword"), record.keyword),
        (QT_TRANSLATE_NOOP("Lottery", "State"), state_words(record, translate)),
        (QT_TRANSLATE_NOOP("Lottery", "Entries opened"), _moment(record.opened_at)),
        (QT_TRANSLATE_NOOP("Lottery", "Opened by"), record.opened_by),
        (QT_TRANSLATE_NOOP("Lottery", "Entries closed"), _moment(record.closed_at)),
        (QT_TRANSLATE_NOOP("Lottery", "Drawn"), _moment(record.drawn_at)),
        (QT_TRANSLATE_NOOP("Lottery", "Drawn by"), record.drawn_by),
    ]
    if cancelled:
        rows += [
            (QT_TRANSLATE_NOOP("Lottery", "Cancelled"), _moment(record.cancelled_at)),
            (QT_TRANSLATE_NOOP("Lottery", "Cancelled by"), record.cancelled_by),
        ]
    rows += [
        (QT_TRANSLATE_NOOP("Lottery", "Winners wanted"), int(record.winners_count)),
        (QT_TRANSLATE_NOOP("Lottery", "Number of entries"), len(record.entries)),
        (QT_TRANSLATE_NOOP("Lottery", "Excluded (staff)"), ", ".join(record.excluded)),
        (QT_TRANSLATE_NOOP("Lottery", "Commitment (the seed's hash, published at the opening)"), record.commitment),
        (
            QT_TRANSLATE_NOOP("Lottery", "Seed (revealed after the draw)"),
            record.seed or translate(CONTEXT, unrevealed),
        ),
    ]
    if record.format != FORMAT:
        standing = ", ".join(f"{w.rank}. {w.user_name or w.user_id}" for w in record.standing)
        rows += [
            (QT_TRANSLATE_NOOP("Lottery", "Forfeited"), sum(1 for w in record.winners if w.forfeited)),
            (QT_TRANSLATE_NOOP("Lottery", "Winners who stand"), standing),
            (
                QT_TRANSLATE_NOOP("Lottery", "Replacements (onair-lottery/2)"),
                translate(
                    CONTEXT,
                    QT_TRANSLATE_NOOP(
                        "Lottery",
                        "each is the next viewer of the same seeded sequence: the counter goes on over the pool left",
                    ),
                ),
            ),
        ]
    return [(translate(CONTEXT, name), value) for name, value in rows]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)


#: What a spreadsheet program opening a CSV takes for the start of a formula (and runs): "=", "+", "-", "@", and a
#: tab or carriage return before them.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _inert(text: str) -> str:
    """A viewer's name or comment as a CSV cell that a spreadsheet shows, never runs: one that would start a
    formula ("=HYPERLINK(…)", "+1-2", "@SUM(…)") is written after an apostrophe, as OWASP advises for CSV (the JSON
    record keeps the text exactly as written)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def summary_rows(record: LotteryRecord, translate: Translate) -> list[tuple[str, str]]:
    """The summary as text (the CSV's lines)."""
    return [(name, _text(value)) for name, value in summary_values(record, translate)]


def entry_values(
    record: LotteryRecord, translate: Translate
) -> list[tuple[int | None, str, str, str, datetime | None, str, str]]:
    """Every entry in canonical order, typed: its winning rank (None when it did not win), platform (in the reader's
    words, as the dock says it: "演示", not "simulator"; the JSON record keeps the id), user id
    (text: an id of digits is not a number), name, when it entered (local time), comment; winners first."""
    drawn = {(w.platform, w.user_id): w for w in record.winners}
    ranks = {key: w.rank for key, w in drawn.items()}
    rows = [
        (
            ranks.get(e.key),
            platform_name(e.platform, translate),
            e.user_id,
            e.user_name,
            _moment(e.at),
            e.comment,
            outcome_words(drawn[e.key], translate) if e.key in drawn else "",
        )
        for e in canonical(record.entries)
    ]
    return sorted(rows, key=lambda row: row[0] if row[0] is not None else len(ranks) + 1)


def table_rows(record: LotteryRecord, translate: Translate) -> list[list[str]]:
    """The entries as text (the CSV's table): rank "" when it did not win; the viewer's id, name and comment
    never read as a formula."""
    rows = []
    for row in entry_values(record, translate):
        texts = [_text(value) for value in row]
        for column in (2, 3, 5, 6):
            texts[column] = _inert(texts[column])
        rows.append(texts)
    return rows


def _json_text(record: LotteryRecord) -> str:
    return json.dumps(record.to_json(), ensure_ascii=False, indent=2) + "\n"


def _write_csv(record: LotteryRecord, handle: Any, translate: Translate) -> None:
    writer = csv.writer(handle)
    for name, value in summary_rows(record, translate):
        writer.writerow([name, value])
    writer.writerow([])
    writer.writerow([translate(CONTEXT, header) for header in _HEADERS])
    writer.writerows(table_rows(record, translate))


def _write_xlsx(record: LotteryRecord, target: Path, translate: Translate) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = translate(CONTEXT, QT_TRANSLATE_NOOP("Lottery", "Lottery"))
    # Numbers and times as typed cells (a count is summed, a time sorted and subtracted), not their text.
    for name, value in summary_values(record, translate):
        sheet.append([name, value])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        if sheet.cell(sheet.max_row, 2).data_type == "f":  # a keyword or staff list written "=…" stays text
            sheet.cell(sheet.max_row, 2).data_type = "s"
        if isinstance(value, datetime):
            sheet.cell(sheet.max_row, 2).number_format = TIME
        elif isinstance(value, int):
            sheet.cell(sheet.max_row, 2).number_format = WHOLE
    entries = book.create_sheet(translate(CONTEXT, QT_TRANSLATE_NOOP("Lottery", "Entries")))
    entries.append([translate(CONTEXT, header) for header in _HEADERS])
    for cell in entries[1]:
        cell.font = Font(bold=True)
    entries.freeze_panes = "A2"
    for row in entry_values(record, translate):
        entries.append(list(row))
        cells = entries[entries.max_row]
        for cell in cells:
            if cell.data_type == "f":  # openpyxl takes text starting with "=" for a formula: a viewer's is text
                cell.data_type = "s"
        cells[2].number_format = "@"  # an id of digits stays text, never 1.23E+15
        cells[4].number_format = TIME
    for letter, width in zip("ABCDEFG", (8, 12, 22, 22, 20, 50, 60), strict=True):
        entries.column_dimensions[letter].width = width
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 70
    save_workbook(book, target)


def write_lottery(record: LotteryRecord, path: Path, translate: Translate) -> str:
    """Write the record to `path` by its extension: .json (the verifiable record), .xlsx, else CSV (UTF-8 with
    BOM, for Excel). Returns the format written; LotteryError when the file cannot be written."""
    path = Path(path)
    suffix = path.suffix.lower()
    temporary = path.with_name(f".{path.stem}-{uuid.uuid4().hex[:8]}{path.suffix}")
    try:
        if suffix == ".json":
            temporary.write_text(_json_text(record), encoding="utf-8")
            kind = "JSON"
        elif suffix in (".xlsx", ".xlsm"):
            _write_xlsx(record, temporary, translate)
            kind = "XLSX"
        else:
            with open(temporary, "x", encoding="utf-8-sig", newline="") as handle:
                _write_csv(record, handle, translate)
            kind = "CSV"
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise LotteryError(
            QT_TRANSLATE_NOOP("Lottery", "{file} cannot be written: {error}"),
            file=str(path),
            error=oswords.reason(exc, named=False),
        ) from exc
    return kind


def read_record(path: Path) -> dict[str, Any]:
    """An exported JSON record read back; LotteryError says why a file cannot be (missing, not JSON …)."""
    try:
        value = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise LotteryError(
            QT_TRANSLATE_NOOP("Lottery", "{file} cannot be read: {error}"),
            file=str(path),
            error=oswords.reason(exc, named=False),
        ) from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise LotteryError(
            QT_TRANSLATE_NOOP("Lottery", "{file} is not a JSON lottery record: {error}"), file=str(path), error=exc
        ) from exc
    if not isinstance(value, dict):
        raise LotteryError(QT_TRANSLATE_NOOP("Lottery", "{file} is not a JSON lottery record"), file=str(path))
    return value
