"""The Health dock on a 1366×768 laptop gives this show's findings the room the open findings do not use: its
blank space (all of it while nothing was wrong, the rest under one open finding) left the show's table two rows in
Chinese, the findings under them to scroll to. Technician workspace, recorded seconds fed to the health engine."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from console.settings import Settings
from tests.gui.technician_health import technician
from tests.gui.test_health_dock import _feed


def rows_in_sight(window: MainWindow) -> int:
    """This show's findings wholly inside the table's viewport."""
    table = window.health.timeline
    view = table.viewport().rect()
    items = (table.topLevelItem(i) for i in range(table.topLevelItemCount()))
    return sum(1 for item in items if item is not None and view.contains(table.visualItemRect(item)))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_this_shows_findings_get_the_room_the_open_ones_do_not_use(
    qtbot: QtBot, qapp: QApplication, settings: Settings, language: str
) -> None:
    with technician(qtbot, qapp, settings, language) as window:
        # Four findings that came and went, of four kinds.
        for name, value in (("drop_render_pct", 7.2), ("drop_encode_pct", 7.0), ("disk_free_mb", 400.0), ("fps", 12.0)):
            _feed(window, 8, True, **{name: value})
            _feed(window, 20)
        assert window.health.all_clear.isVisible()
        qtbot.waitUntil(lambda: rows_in_sight(window) >= 4, timeout=3000)  # the whole dock's room below the lights

        _feed(window, 8, drop_render_pct=7.2)  # open, with what to do under it
        panel = window.health
        assert panel.active.isVisible() and panel.remedy_texts(0)
        assert len(panel.timeline_rows()) >= 5
        # The open finding and its remedies all in sight, and the show's findings below them.
        active = panel.active
        item = active.topLevelItem(0)
        while item is not None:
            assert active.viewport().rect().contains(active.visualItemRect(item)), item.text(0)
            item = active.itemBelow(item)
        qtbot.waitUntil(lambda: rows_in_sight(window) >= 3, timeout=3000)
