"""Setting a broken file aside: renamed next to itself, never overwritten, so the user can look at it. No Qt."""

from __future__ import annotations

import time
from pathlib import Path


def set_aside(path: Path) -> Path:
    """Rename `path` to `<name>.broken-<time>` (a free name: an earlier one is never replaced); return where it
    is now. OSError if it cannot be renamed (the caller then reports the file where it is)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.broken-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.broken-{stamp}-{number}")
    path.replace(aside)
    return aside
