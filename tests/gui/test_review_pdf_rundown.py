"""The PDF of a show run from its rundown has its segments by rundown — planned length, actual, over/under — as
the show window and the XLSX have them (a walk-through found only the by-scene table in the PDF). Real SQLite and
PostgreSQL; the PDF read back with pdftotext."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from console.core.review.bundle import bundle_show
from console.core.storage import Storage
from console.review_pdf import write_show_pdf
from tests.console.test_review_shows import T0, a_show
from tests.console.test_rundown_live_review import run_show


@pytest.fixture(params=["sqlite", "postgresql"])
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Storage]:
    url = f"sqlite:///{tmp_path / 'onair.db'}" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    store = Storage(url)
    store.migrate()
    yield store
    store.close()


def layout_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_the_pdf_has_the_segments_by_rundown_planned_and_over_under(
    qapp: QApplication, storage: Storage, tmp_path: Path
) -> None:
    show = run_show(storage)
    pdf = tmp_path / "show.pdf"
    write_show_pdf(bundle_show(storage, show), pdf, QCoreApplication.translate)
    text = layout_text(pdf)
    assert "Segments by rundown" in text and "Segments by scene" in text
    assert text.index("Segments by rundown") < text.index("Segments by scene")
    rows = {line.split()[0]: line.split() for line in text.splitlines() if re.match(r"\s*(开场|商品1)\s", line)}
    # 开场: 6 min for 5 planned; 商品1: 3 min for 5 (over/under with a true minus sign, never "#####").
    assert rows["开场"][2:5] == ["0:05:00", "0:06:00", "+0:01:00"], rows
    assert rows["商品1"][2:5] == ["0:05:00", "0:03:00", "−0:02:00"], rows


def test_a_show_without_a_rundown_has_no_such_table(qapp: QApplication, storage: Storage, tmp_path: Path) -> None:
    show = a_show(storage, "一号直播间", T0, 60)
    pdf = tmp_path / "show.pdf"
    write_show_pdf(bundle_show(storage, show), pdf, QCoreApplication.translate)
    text = layout_text(pdf)
    assert "by rundown" not in text and "Segments" in text
