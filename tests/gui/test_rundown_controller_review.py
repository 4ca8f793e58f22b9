"""The show window of a show run from its rundown offers its segments by rundown (planned vs actual, the default
for such a show) or by scene; a show without a rundown shows no such choice."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from console.core.rundown.live import LENGTH, Mark
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
        headers = [header_text(table, column) for column in range(table.columnCount())]
        assert headers[2:5] == ["Duration", "Planned", "Over/under"]
        # Every segment the show met, in its order: 福袋 was skipped (said so, its planned minute, no actual; it
        # put the show a minute ahead), then the totals and what they count.
        assert table.rowCount() == 4
        assert [cell(table, row, 0) for row in range(4)] == [
            "开场",
            "福袋",
            "商品1",
            "Total: 3 segments (2 run, 1 skipped)",
        ]
        assert [cell(table, row, 2) for row in range(4)] == ["0:06:00", "skipped", "0:03:00", "0:09:00"]
        assert [cell(table, row, 3) for row in range(4)] == ["0:05:00", "0:01:00", "0:05:00", "0:11:00"]
        assert [cell(table, row, 4) for row in range(4)] == ["+0:01:00", "−0:01:00", "−0:02:00", "−0:02:00"]
        totals = table.item(3, 0)
        assert totals is not None and totals.toolTip().startswith(
            "Totals: the planned length counts every segment in the table once"
        )
        note = window.segments_note
        assert note.isVisibleTo(window) and note.text().startswith("Totals: the planned length counts every segment")
        zoomed: list[tuple[float, float]] = []
        table.sig_segment_chosen.connect(lambda start, end: zoomed.append((start, end)))
        table.choose(1)  # the skipped segment was never on air: nothing to zoom to
        table.choose(2)
        assert set(zoomed) == {(T0.timestamp() + 420, T0.timestamp() + 600)}

        window.segments_by.setCurrentIndex(window.segments_by.findData("scene"))
        headers = [header_text(table, column) for column in range(table.columnCount())]
        assert "Planned" not in headers
        assert not window.segments_note.isVisibleTo(window), "by scene: no totals to explain"

        other = open_window(qtbot, controller, plain)
        assert not other.segments_by.isVisibleTo(other), "no rundown ran: no choice offered"
    finally:
        controller.shutdown()


def test_the_show_window_says_a_length_changed_on_air(qtbot: QtBot, tmp_path: Path) -> None:
    """商品1 taken planned for 5 min and cut to 2 min on air: the window's planned cell says both (5:00 → 2:00), the
    over/under is against the 2 it ran to, and the tooltip says when and by whom it was changed."""
    url = f"sqlite:///{tmp_path / 'review.db'}"
    storage = Storage(url)
    storage.migrate()
    try:
        show = run_show(storage)
        t0 = T0.timestamp()
        change = Mark(4, t0 + 450, "c", "商品1", 120, LENGTH, "策划小李", "", "", "", 2)
        storage.add_rundown(show, [change.as_row()], None)
    finally:
        storage.close()
    controller = ReviewController(url)
    try:
        window = open_window(qtbot, controller, show)
        table = window.segments
        assert [cell(table, row, 3) for row in (0, 2)] == ["0:05:00", "0:05:00 → 0:02:00"]
        assert [cell(table, row, 4) for row in (0, 2)] == ["+0:01:00", "+0:01:00"]
        at = datetime.fromtimestamp(t0 + 450).strftime("%H:%M:%S")
        said = f"planned 0:05:00 at its Go, changed on air to 0:02:00 at {at} by 策划小李"
        item = table.item(2, 3)
        assert item is not None and item.toolTip() == said
        unchanged = table.item(0, 3)
        assert unchanged is not None and unchanged.toolTip() == ""
    finally:
        controller.shutdown()
