"""A database failure in the reader's language, for every status line, problem line and event-log line that
shows one: the cause (console/core/dbtrouble.py: disk full, read-only, held by another program …) translated in
the "Database" context when the driver's error tells it, else the error's own words. The driver's words, replaced
on screen, go to the log (each different one once): never lost for the technician."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from console.core.dbtrouble import DatabaseTrouble, words
from obs.text import Message

LOG = logging.getLogger(__name__)
_logged: list[str] = []  # the last driver's words logged, so a line repeated every tick logs once


def said(error: BaseException | DatabaseTrouble | str) -> str:
    """`error` (a StorageError, its DatabaseTrouble, or words already said) as the reader reads it."""
    told = words(error)
    if not isinstance(told, Message):
        return told
    driver = str(error)
    if _logged[-1:] != [driver]:
        _logged[:] = [driver]
        LOG.warning("database trouble: %s", driver)
    return told.in_language(QCoreApplication.translate)
