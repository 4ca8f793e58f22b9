"""A stored checklist run as CSV (Qt-free) — for the team's spreadsheets and reviews."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from console.storage import StoredRun

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


def _stamp(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else ""


def write_csv(run: StoredRun, path: Path) -> None:
    """One row per item. UTF-8 with a BOM, so spreadsheet programs on Chinese Windows read 中文 correctly."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
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
                    item.title,
                    item.kind,
                    item.required,
                    item.status,
                    item.detail,
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
    (never 0). UTF-8 with a BOM, like the run export."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if value is None else value for value in row])
