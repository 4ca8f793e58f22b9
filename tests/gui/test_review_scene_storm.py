"""A scene-switch storm in the show window's table by scene and in the PDF: one row for the switches under a
second in a row (how many, to which scenes, the stretch they cover), an isolated blip with its tenths — as the XLSX
and the terminal say it (tests/console/test_review_scene_storm.py)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.core.review.bundle import bundle_show
from console.core.storage import Storage
from console.review_controller import ReviewController
from console.review_pdf import write_show_pdf
from tests.console.test_review_scene_storm import storm_show
from tests.gui.conftest import cell
from tests.gui.test_review_pdf_rundown import layout_text
from tests.gui.test_rundown_controller_review import open_window
from tests.language import chinese


def test_the_window_says_a_storm_as_one_row(qtbot: QtBot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'review.db'}"
    storage = Storage(url)
    storage.migrate()
    try:
        show = storm_show(storage)
    finally:
        storage.close()
    controller = ReviewController(url)
    try:
        window = open_window(qtbot, controller, show)
        table = window.segments
        assert table.rowCount() == 6
        assert cell(table, 1, 0) == "Brief switches (7): 商品特写 ×4 / 直播中 ×3"
        assert [cell(table, row, 2) for row in (1, 4)] == ["0:00:02", "0:00:00.2"]
        assert "0:00:00" not in [cell(table, row, 2) for row in range(6)]
    finally:
        controller.shutdown()


def test_the_pdf_says_a_storm_as_one_row(qapp: QApplication, tmp_path: Path) -> None:
    storage = Storage(f"sqlite:///{tmp_path / 'review.db'}")
    storage.migrate()
    try:
        bundle = bundle_show(storage, storm_show(storage))
    finally:
        storage.close()
    pdf = tmp_path / "show.pdf"
    write_show_pdf(bundle, pdf, chinese())
    text = layout_text(pdf)
    storm = next(line for line in text.splitlines() if "短暂切换（7 次）" in line)
    assert re.search(r"\s0:00:02\s", storm), storm
    blip = next(line for line in text.splitlines() if "短暂切换（1 次）" in line)
    assert "0:00:00.2" in blip.split(), blip
