"""The demo room in exports: its runs are stored under the key "demo", and the people's CSV and PDF call it what
the window calls it, in the reader's language (the scripts' export keeps the key)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from checklists.engine import ChecklistRun
from checklists.loader import load_all
from console.core.reports import write_csv
from console.core.storage import Storage, StoredRun
from console.i18n import install_translator, remove_translators


@pytest.fixture
def demo_run(storage: Storage) -> StoredRun:
    run = ChecklistRun(load_all()[0]["technician-pre-show"], "王工", "demo", datetime.now(UTC))
    run_id = storage.save_run(run, "zh_CN")
    stored = storage.run(run_id)
    assert stored is not None and stored.room == "demo"
    return stored


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = install_translator(qapp, request.param)
    yield request.param
    remove_translators(qapp, translators)


def test_the_csv_names_the_demo_room_in_the_readers_language(
    demo_run: StoredRun, language: str, tmp_path: Path
) -> None:
    write_csv(demo_run, tmp_path / "run.csv", language, QCoreApplication.translate)
    table = list(csv.reader((tmp_path / "run.csv").open(encoding="utf-8-sig")))
    rooms = {line[2] for line in table[1:]}
    assert rooms == {"演示直播间" if language == "zh_CN" else "demo room"}, rooms

    write_csv(demo_run, tmp_path / "raw.csv", language, QCoreApplication.translate, raw=True)
    raw = list(csv.DictReader((tmp_path / "raw.csv").open(encoding="utf-8-sig")))
    assert {line["room"] for line in raw} == {"demo"}, "scripts keep the stored key"


def test_the_pdf_names_the_demo_room_in_the_readers_language(demo_run: StoredRun, language: str) -> None:
    from console.pdf_report import run_html

    html = run_html(demo_run, language)
    assert ("演示直播间" if language == "zh_CN" else "demo room") in html
