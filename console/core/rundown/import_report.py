"""What an imported rundown sheet is said as — by `onair rundown import` and the Rundown dock alike: the segments
and the planned total, how the file was read, how its scenes were checked, the columns left out, the totals rows
skipped and the plan it replaced. No Qt: `translate` is Qt's (or anything with its shape)."""

from __future__ import annotations

from console.core.review.platform import encoding_words
from console.core.rundown.model import Rundown
from console.core.rundown.sheet import SheetRead
from obs.text import Translate, joined


def planned_text(seconds: int) -> str:
    """A plan's total as h:mm:ss ("0:54:30")."""
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def import_lines(read: SheetRead, saved: Rundown, earlier: Rundown, checked: str, translate: Translate) -> list[str]:
    """The import said line by line; `checked` says how the scenes were checked (a sentence of the caller's)."""
    imported = (
        translate("RundownCli", "Imported 1 segment into room “%2” from %3 (read as %4, header on row %5): %6 planned.")
        if len(saved.segments) == 1
        else translate(
            "RundownCli", "Imported %1 segments into room “%2” from %3 (read as %4, header on row %5): %6 planned."
        )
    )
    lines = [
        imported.replace("%1", str(len(saved.segments)))
        .replace("%2", saved.room)
        .replace("%3", read.file_name)
        .replace("%4", encoding_words(read.encoding, translate))
        .replace("%5", str(read.header_row))
        .replace("%6", planned_text(saved.planned_s)),
        checked,
    ]
    if read.ignored:
        columns = joined((f"{column.letter} ({column.header})" for column in read.ignored), translate)
        lines.append(translate("RundownCli", "Columns left out (not a rundown column): %1.").replace("%1", columns))
    if read.skipped:
        rows = joined(read.skipped, translate)
        lines.append(translate("RundownCli", "Rows skipped (totals): %1.").replace("%1", rows))
    lines.extend(note.in_language(translate) for note in read.totals)
    if earlier.updated_at is not None:
        lines.append(
            (
                translate("RundownCli", "This replaced the room's earlier rundown (1 segment, saved %2 by %3).")
                if len(earlier.segments) == 1
                else translate("RundownCli", "This replaced the room's earlier rundown (%1 segments, saved %2 by %3).")
            )
            .replace("%1", str(len(earlier.segments)))
            .replace("%2", earlier.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"))
            .replace("%3", earlier.updated_by)
        )
    return lines
