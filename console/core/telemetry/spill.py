"""Spill files: telemetry rows that could not reach the database before the console closed (the database
down, frozen or full at quit) are written to a local file, and the next start writes them in. No Qt.

One JSON file per closing writer in `<data dir>/unsaved/`, written atomically; a file is claimed by renaming
it before it is read, so two writers never take the same one, and removed only once its rows are stored."""

from __future__ import annotations

import json
import logging
import os
import re
import time
from pathlib import Path
from typing import Any

import platformdirs

LOG = logging.getLogger(__name__)
VERSION = 1
_SAFE = re.compile(r"[^\w.-]+")


def spill_dir() -> Path:
    base = Path(os.environ.get("ONAIR_DATA_DIR") or platformdirs.user_data_dir("onair-console", "OnAir"))
    return base / "unsaved"


def write_spill(
    where: str,
    room: str,
    show_id: int | None,
    samples: list[dict[str, Any]],
    markers: list[dict[str, Any]],
    findings: list[dict[str, Any]],
    folder: Path | None = None,
) -> Path:
    """Write the rows to a new spill file (atomically) and return its path; OSError if even that fails."""
    folder = folder or spill_dir()
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{_SAFE.sub('_', room)[:60]}-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.json"
    path = folder / name
    data = {
        "version": VERSION,
        "database": where,
        "room": room,
        "show_id": show_id,
        "samples": samples,
        "markers": markers,
        "findings": findings,
    }
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    partial.replace(path)
    return path


def claim_spills(where: str, folder: Path | None = None) -> list[tuple[Path, dict[str, Any]]]:
    """The spill files meant for this database, each renamed (claimed) for this process. A file that cannot
    be read is renamed `.broken` and left for a person (logged), never deleted."""
    folder = folder or spill_dir()
    if not folder.is_dir():
        return []
    claimed = []
    for path in sorted(folder.glob("*.json")):
        mine = path.with_suffix(f".claimed-{os.getpid()}")
        try:
            path.replace(mine)
        except OSError:
            continue  # another process took it first
        try:
            data = json.loads(mine.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("version") != VERSION:
                raise ValueError(f"not a spill file of version {VERSION}")
        except (OSError, ValueError) as exc:
            LOG.error("unsaved telemetry file %s cannot be read (%s): set aside as .broken", path, exc)
            mine.replace(path.with_suffix(".broken"))
            continue
        if data.get("database") != where:
            mine.replace(path)  # for another database: leave it
            continue
        claimed.append((mine, data))
    return claimed


def release(path: Path, stored: bool) -> None:
    """Remove a claimed file whose rows are stored; give it back otherwise (the next start tries again)."""
    try:
        if stored:
            path.unlink()
        else:
            path.replace(path.with_suffix(".json"))
    except OSError as exc:
        LOG.warning("could not %s %s: %s", "remove" if stored else "release", path, exc)
