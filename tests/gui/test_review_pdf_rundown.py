"""The PDF of a show run from its rundown has its segments by rundown — planned length, actual, over/under — as
the show window and the XLSX have them (a walk-through found only the by-scene table in the PDF). Real SQLite and
PostgreSQL; the PDF read back with pdftotext."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from console.core.review.bundle import bundle_show
from console.core.storage import Storage
from console.review_pdf import write_show_pdf
from tests.console.test_review_shows import T0, a_show
from tests.console.test_rundown_live_review import run_show
from tests.language import chinese


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
    rows = {line.split()[0]: line.split() for line in text.splitlines() if re.match(r"\s*(开场|福袋|商品1)\s", line)}
    # 开场: 6 min for 5 planned; 商品1: 3 min for 5 (over/under with a true minus sign, never "#####").
    assert rows["开场"][2:5] == ["0:05:00", "0:06:00", "+0:01:00"], rows
    assert rows["商品1"][2:5] == ["0:05:00", "0:03:00", "−0:02:00"], rows
    # 福袋 was skipped: in its place, said so, its planned minute, no actual; the show a minute ahead for it.
    assert rows["福袋"][2:5] == ["0:01:00", "skipped", "−0:01:00"], rows
    lines = text.splitlines()
    order = [
        next(n for n, line in enumerate(lines) if line.strip().startswith(word)) for word in ("开场", "福袋", "商品1")
    ]
    assert order == sorted(order)
    total = next(line for line in lines if "Total: 3 segments (2 run, 1 skipped)" in line)
    assert total.split()[-3:] == ["0:11:00", "0:09:00", "−0:02:00"], total
    assert "Totals: the planned length counts every segment in the table once" in " ".join(text.split())


def test_the_pdf_says_the_skipped_segment_and_totals_in_chinese(
    qapp: QApplication, storage: Storage, tmp_path: Path
) -> None:
    show = run_show(storage)
    pdf = tmp_path / "show.pdf"
    write_show_pdf(bundle_show(storage, show), pdf, chinese())
    text = layout_text(pdf)
    rows = {line.split()[0]: line.split() for line in text.splitlines() if re.match(r"\s*福袋\s", line)}
    assert rows["福袋"][2:5] == ["0:01:00", "已跳过", "−0:01:00"], rows
    assert "合计：3 个环节（已播 2 个，跳过 1 个）" in text
    assert "合计说明：计划时长按表中每个环节计一次" in "".join(text.split())


def test_a_show_without_a_rundown_has_no_such_table(qapp: QApplication, storage: Storage, tmp_path: Path) -> None:
    show = a_show(storage, "一号直播间", T0, 60)
    pdf = tmp_path / "show.pdf"
    write_show_pdf(bundle_show(storage, show), pdf, QCoreApplication.translate)
    text = layout_text(pdf)
    assert "by rundown" not in text and "Segments" in text
