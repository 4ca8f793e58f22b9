"""The show window of a show run from its rundown offers its segments by rundown (planned vs actual, the default
for such a show) or by scene; a show without a rundown shows no such choice."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from console.core.storage import Storage
from console.review_controller import ReviewController
from console.review_windows import ShowWindow
from tests.console.test_review_shows import T0, a_show
from tests.console.test_rundown_live_review import ROOM, run_show
from tests.gui.conftest import cell, header_text


def open_window(qtbot: QtBot, controller: ReviewController, show_id: int) -> ShowWindow:
    window = controller.show_window(show_id)
    assert isinstance(window, ShowWindow)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sig_loaded, timeout=15000):
        window.show()
    return window


def test_the_show_window_reads_by_rundown_or_by_scene(qtbot: QtBot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'review.db'}"
    storage = Storage(url)
    storage.migrate()
    try:
        show = run_show(storage)
        plain = a_show(storage, ROOM, T0.replace(day=T0.day + 1), 60)
    finally:
        storage.close()
    controller = ReviewController(url)
    try:
        window = open_window(qtbot, controller, show)
        table = window.segments
        assert window.segments_by.isVisibleTo(window) and window.segments_by.currentData() == "rundown"
        assert table.rowCount() == 2
        headers = [header_text(table, column) for column in range(table.columnCount())]
        assert headers[3:5] == ["Planned", "Over/under"]
        assert [cell(table, row, 0) for row in range(2)] == ["开场", "商品1"]
        assert [cell(table, row, 3) for row in range(2)] == ["0:05:00", "0:05:00"]
        assert [cell(table, row, 4) for row in range(2)] == ["+0:01:00", "−0:02:00"]

        window.segments_by.setCurrentIndex(window.segments_by.findData("scene"))
        headers = [header_text(table, column) for column in range(table.columnCount())]
        assert "Planned" not in headers

        other = open_window(qtbot, controller, plain)
        assert not other.segments_by.isVisibleTo(other), "no rundown ran: no choice offered"
    finally:
        controller.shutdown()
