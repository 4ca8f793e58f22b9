"""The review window's header names the platform a show's minutes were imported from in words, in the window's
language: it said "(douyin)", the stored code."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.core.review.bundle import bundle_show
from console.core.storage import Storage
from console.review_windows import ShowHeader
from tests.console.test_review_export import stored_show


@pytest.mark.parametrize(("language", "said"), [("en", "(Douyin)"), ("zh_CN", "（抖音）")])
def test_the_header_names_the_imported_platform_in_words(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, language: str, said: str
) -> None:
    from console.i18n import install_translator, remove_translators

    storage = Storage(f"sqlite:///{tmp_path / 'onair.db'}")
    storage.migrate()
    bundle = bundle_show(storage, stored_show(storage))
    translators = install_translator(qapp, language)
    try:
        header = ShowHeader()
        qtbot.addWidget(header)
        header.set_bundle(bundle)
        text = header.details.text()
    finally:
        remove_translators(qapp, translators)
        storage.close()
    line = next(line for line in text.splitlines() if "douyin.csv" in line)
    assert said in line and "douyin)" not in line and "douyin）" not in line, line
