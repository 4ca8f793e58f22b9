"""Save and open dialogs start in the user's documents folder (console.core.reports.export_folder), never in the
folder the console happened to be started from (found by use: the rundown's export opened in the checkout)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from console.core.reports import export_folder


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The console started from some other folder, with a documents folder of its own."""
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(documents))
    started = tmp_path / "started-here"
    started.mkdir()
    monkeypatch.chdir(started)
    assert export_folder() == documents
    return documents


def asked_where(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[str]:
    """The folder or file each save dialog of `module` was opened with (the dialog answers 'cancelled')."""
    asked: list[str] = []

    def fake(_parent: Any, _title: str, where: str = "", _filters: str = "", *_rest: Any) -> tuple[str, str]:
        asked.append(where)
        return "", ""

    monkeypatch.setattr(module.QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def test_the_period_report_is_saved_from_the_documents_folder(
    qtbot: QtBot, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from widgets import period_report_dialog
    from widgets.period_report_dialog import PeriodReportDialog

    dialog = PeriodReportDialog(None, date(2026, 11, 1), date(2026, 12, 1))  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    asked = asked_where(monkeypatch, period_report_dialog)
    dialog.save()
    assert [Path(a).parent for a in asked] == [elsewhere]


class _Port(QObject):
    """What the Lottery tab reads before anything is open."""

    sig_lottery_changed = Signal()
    sig_ready_changed = Signal()
    lottery = None
    ready = False
    not_ready_why = "no show"
    who = "tester"
    room = None
    staff_names: tuple[str, ...] = ()

    def lotteries(self, then: Any) -> None:
        """The show's one lottery (a drawn one): the export asks where to write it."""
        from console.core.chat.lottery import LotteryRecord

        then([LotteryRecord("#抽奖", 1, "00" * 32, 1.0, id=1)], None)


def test_the_lottery_is_exported_from_the_documents_folder(
    qtbot: QtBot, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from widgets import engage_lottery
    from widgets.engage_lottery import LotteryPanel

    panel = LotteryPanel(_Port())  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    asked = asked_where(monkeypatch, engage_lottery)
    panel.choose_export()
    assert [Path(a).parent for a in asked] == [elsewhere]


def test_a_show_is_exported_from_the_documents_folder(
    qtbot: QtBot, elsewhere: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from console.review_controller import ReviewController
    from widgets import shows_browser

    review = ReviewController(f"sqlite:///{tmp_path / 'shows.db'}")
    try:
        browser = shows_browser.ShowsBrowser(review)
        qtbot.addWidget(browser)
        monkeypatch.setattr(browser, "current_id", lambda: 7)
        asked = asked_where(monkeypatch, shows_browser)
        browser.export_selected("pdf")
        assert [Path(a) for a in asked] == [elsewhere / "show-7.pdf"]
    finally:
        review.shutdown()
