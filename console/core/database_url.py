"""Where the console keeps its database, without importing SQLAlchemy: the console's start-up asks this (is the
database a studio's PostgreSQL?) on the GUI thread, while the database itself is opened by the telemetry
writer's thread. Qt-free."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs


def default_url() -> str:
    """$ONAIR_DATABASE_URL, or the SQLite file in the user's data folder ($ONAIR_DATA_DIR), made if missing."""
    if os.environ.get("ONAIR_DATABASE_URL"):
        return os.environ["ONAIR_DATABASE_URL"]
    folder = Path(os.environ.get("ONAIR_DATA_DIR") or platformdirs.user_data_dir("onair-console", "OnAir"))
    # A data folder that cannot be made (a read-only disk, no permission) crashed the console at start with a
    # traceback. The database's opening, where it is used, meets the same cause and says it in words.
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'onair.db'}"
