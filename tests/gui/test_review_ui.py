"""The review screens as an analyst uses them: the Shows browser over 10,000 kept shows (first page, later pages,
sorting by a header, filters) on real SQLite and PostgreSQL, editing a show's details, the go-live question with
the details (the simulator goes live, the show has them), a platform file imported through the mapping dialog,
and a database that dies under the browser (said in the window; what was typed is not lost)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from benchmarks.review import fill
from console.app import Console
from console.core.review.shows import ShowMeta
from console.core.storage import Storage
from console.mainwindow import MainWindow
from console.review_controller import ReviewController
from console.settings import Settings
from obs.simulator.server import SimulatorThread
from tests.conftest import PostgresCluster
from tests.gui.conftest import start, wait_connected
from widgets.platform_import_dialog import PlatformImportDialog
from widgets.show_meta_dialog import GoLiveDialog, ShowMetaDialog
from widgets.shows_browser import KEYS, PAGE, ShowsBrowser

SHOWS = 10_000


@pytest.fixture(params=["sqlite", "postgresql"])
def studio(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Storage]]:
    """10,000 shows in 8 rooms over a year (rows written directly, as benchmarks/review.py does)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'studio.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    storage = Storage(url)
    storage.migrate()
    fill(storage, SHOWS, 0)
    yield url, storage
    storage.close()


@pytest.fixture
def controller(qtbot: QtBot) -> Iterator[Callable[[str], ReviewController]]:
    made: list[ReviewController] = []

    def make(url: str) -> ReviewController:
        made.append(ReviewController(url))
        return made[-1]

    yield make
    for one in made:
        one.shutdown()


def browser_for(qtbot: QtBot, review: ReviewController) -> ShowsBrowser:
    browser = ShowsBrowser(review)
    qtbot.addWidget(browser)
    browser.resize(1300, 600)
    browser.show()
    qtbot.waitExposed(browser)
    return browser


def wait_answered(qtbot: QtBot, browser: ShowsBrowser) -> None:
    """Until the model's latest question has its answer (the status line says how many shows)."""
    qtbot.waitUntil(lambda: not browser.model._fetching and browser.model._known, timeout=20000)


def column_of(browser: ShowsBrowser, key: str) -> list[str]:
    model, column = browser.model, KEYS.index(key)
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def type_in(widget: QWidget, words: str) -> None:
    """Typed as a Chinese input method commits it (QTest's key clicks know no Chinese characters)."""
    event = QInputMethodEvent()
    event.setCommitString(words)
    QApplication.sendEvent(widget, event)


def db_ids(storage: Storage, sql: str, **params: Any) -> list[int]:
    with storage.engine.connect() as connection:
        return [int(row[0]) for row in connection.execute(text(sql), params)]


def test_browsing_ten_thousand_shows_a_page_at_a_time_sorted_and_filtered_by_the_database(
    qtbot: QtBot, studio: tuple[str, Storage], controller: Callable[[str], ReviewController]
) -> None:
    url, storage = studio
    browser = browser_for(qtbot, controller(url))
    wait_answered(qtbot, browser)
    model = browser.model
    # The first page only, newest first, and the count of every show.
    assert model.total == SHOWS and len(model.rows) == PAGE
    assert browser.status.text() == "Shows: 10000"
    newest = db_ids(storage, "SELECT id FROM shows ORDER BY started_at DESC, id DESC LIMIT 100")
    assert [show.id for show in model.rows] == newest
    # Scrolling to the end of what is there fetches the next page (and no more).
    browser.table.scrollToBottom()
    qtbot.waitUntil(lambda: len(model.rows) == 2 * PAGE, timeout=20000)
    next_page = db_ids(storage, "SELECT id FROM shows ORDER BY started_at DESC, id DESC LIMIT 100 OFFSET 100")
    assert [show.id for show in model.rows[PAGE:]] == next_page

    # A click on the "Peak viewers" header sorts every show by the database, not the 200 at hand.
    header = browser.table.horizontalHeader()
    column = KEYS.index("viewers_peak")
    position = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    at, plain = QPoint(position, 5), Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, plain, at)
    wait_answered(qtbot, browser)
    if model.query.descending is False:  # Qt's first click may sort ascending: a second one turns it round
        QTest.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(position, 5)
        )
        wait_answered(qtbot, browser)
    assert model.query.sort == "viewers_peak" and model.query.descending
    top = db_ids(
        storage,
        "SELECT show_id FROM show_summaries WHERE viewers_peak IS NOT NULL"
        " ORDER BY viewers_peak DESC, show_id DESC LIMIT 100",
    )
    assert [show.id for show in model.rows[:PAGE]] == top, "every show sorted, not the 200 at hand"
    peaks = [show.viewers_peak for show in model.rows]
    assert peaks == sorted(peaks, reverse=True)  # type: ignore[type-var]

    # A room chosen from the filter: only its shows, counted.
    room = "3号直播间"
    index = next(i for i in range(browser.room.count()) if browser.room.itemData(i) == room)
    browser.room.setCurrentIndex(index)
    browser.room.activated.emit(index)
    wait_answered(qtbot, browser)
    in_room = db_ids(storage, "SELECT count(*) FROM shows WHERE room = :room", room=room)[0]
    assert model.total == in_room and {show.room for show in model.rows} == {room}
    assert set(column_of(browser, "room")) == {room}
    # Then a title text and a date range on top of it.
    browser.text.setText("第12")
    qtbot.waitUntil(lambda: model.query.text == "第12", timeout=5000)
    wait_answered(qtbot, browser)
    assert model.rows and all("第12" in show.title for show in model.rows)
    assert all(show.room == room for show in model.rows)
    browser.text.clear()
    qtbot.waitUntil(lambda: model.query.text is None, timeout=5000)
    browser.since.setDate(QDate(2026, 3, 1))
    browser.until.setDate(QDate(2026, 3, 31))
    browser.use_since.setChecked(True)
    browser.use_until.setChecked(True)
    wait_answered(qtbot, browser)
    assert model.rows and all(
        datetime(2026, 3, 1) <= show.start.astimezone().replace(tzinfo=None) < datetime(2026, 4, 1)
        for show in model.rows
    )
    assert model.total < in_room


def test_editing_a_shows_details_keeps_them_and_the_browser_shows_them(
    qtbot: QtBot, tmp_path: Path, controller: Callable[[str], ReviewController]
) -> None:
    url = f"sqlite:///{tmp_path / 'few.db'}"
    storage = Storage(url)
    storage.migrate()
    fill(storage, 30, 0)
    review = controller(url)
    browser = browser_for(qtbot, review)
    wait_answered(qtbot, browser)
    show_id = browser.model.rows[0].id
    assert browser.select_show(show_id)
    dialog = browser.edit_selected()
    assert isinstance(dialog, ShowMetaDialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    assert dialog.form.title.text() == browser.model.rows[0].title, "the dialog opens with what is kept"
    # Completion offers earlier shows' tags.
    qtbot.waitUntil(lambda: dialog.form.tags.choices.rowCount() == 12, timeout=5000)
    dialog.form.title.end(False)
    type_in(dialog.form.title, " — 双11 返场")
    dialog.form.hosts.clear()
    type_in(dialog.form.hosts, "李佳, 王小明，李佳")
    dialog.form.notes.setPlainText("开场 5 分钟推流卡顿")
    dialog.editor.setText("数据分析 小周")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10000):
        dialog.save_button.click()
    kept = storage.show_meta(show_id)
    assert kept is not None
    assert kept.title.endswith("— 双11 返场")
    assert kept.hosts == ("李佳", "王小明"), "names split on either comma, the repeat dropped"
    assert kept.notes == "开场 5 分钟推流卡顿" and kept.edited_by == "数据分析 小周"
    qtbot.waitUntil(
        lambda: bool(browser.model.rows) and browser.model.rows[0].hosts == ("李佳", "王小明"), timeout=10000
    )
    assert column_of(browser, "hosts")[0] == "李佳, 王小明"

    # A refused edit says why and keeps what was typed.
    again = browser.edit_selected()
    assert isinstance(again, ShowMetaDialog)
    qtbot.waitUntil(lambda: again.loaded, timeout=10000)
    again.form.title.clear()
    type_in(again.form.title, "长" * 300)
    again.save_button.click()
    qtbot.waitUntil(lambda: again.problem.isVisible(), timeout=10000)
    assert "200" in again.problem.text() and again.isVisible()
    assert again.form.title.text() == "长" * 300
    assert storage.show_meta(show_id).title.endswith("— 双11 返场")  # type: ignore[union-attr]
    storage.close()


def answer_go_live(qtbot: QtBot, window: MainWindow, act: Callable[[GoLiveDialog], None]) -> None:
    """Answer the go-live question once it is open (it is modal: the click waits in its event loop)."""

    def answer() -> None:
        dialog = window.go_live_dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, answer)
            return
        act(dialog)

    QTimer.singleShot(0, answer)


def described_show(room: str, meta: ShowMeta) -> int:
    """An earlier show of the room, ended an hour ago, with its details (in the console's database)."""
    storage = Storage()
    storage.migrate()
    began = datetime.now(UTC) - timedelta(hours=3)
    show, _ = storage.open_show(room, began, 0)
    storage.end_show(show.id, began + timedelta(hours=2))
    storage.set_show_meta(show.id, meta, "主管")
    storage.close()
    return show.id


def test_going_live_asks_once_with_the_details_prefilled_and_keeps_them(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    earlier = described_show("一号直播间", ShowMeta("美妆专场", ("李佳",), "小王", ("美妆",), "上一场的备注"))
    window: MainWindow = make_window(sim.port)
    window.set_room("一号直播间", demo=False)
    wait_connected(qtbot, window)
    qtbot.waitUntil(lambda: window.telemetry.show_id is not None, timeout=8000)
    show_id = window.telemetry.show_id
    assert show_id is not None and show_id != earlier

    seen: dict[str, Any] = {}

    def edit_and_go(dialog: GoLiveDialog) -> None:
        seen["summary"] = dialog.summary.text()
        seen["folded"] = dialog.form.isHidden()
        qtbot.waitUntil(lambda: dialog.prefilled, timeout=10000)
        seen["summary"] = dialog.summary.text()
        dialog.toggle.click()
        seen["title"] = dialog.form.title.text()
        seen["notes"] = dialog.form.notes.toPlainText()
        dialog.form.title.end(False)
        type_in(dialog.form.title, " 第二场")
        dialog.go_button.click()

    answer_go_live(qtbot, window, edit_and_go)
    window.output.stream_button.click()
    qtbot.waitUntil(lambda: sim.call(lambda s: s.room.stream.active), timeout=8000)
    assert seen["folded"], "the details are folded: a room that does not care is not slowed"
    assert seen["summary"] == "美妆专场 · 李佳 · 美妆"
    assert seen["title"] == "美妆专场" and seen["notes"] == "", "prefilled from the last show, not its notes"
    window.review.wait_idle()
    qtbot.waitUntil(lambda: window.review._store().show_meta(show_id).title == "美妆专场 第二场", timeout=8000)  # type: ignore[union-attr]
    kept = window.review._store().show_meta(show_id)
    assert kept is not None and kept.hosts == ("李佳",) and kept.tags == ("美妆",) and kept.assistant == "小王"


def test_going_live_without_opening_the_details_keeps_the_prefill(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    described_show("二号直播间", ShowMeta("服装专场", ("阿May",)))
    window: MainWindow = make_window(sim.port)
    window.set_room("二号直播间", demo=False)
    wait_connected(qtbot, window)
    qtbot.waitUntil(lambda: window.telemetry.show_id is not None, timeout=8000)
    show_id = window.telemetry.show_id
    answer_go_live(qtbot, window, lambda dialog: dialog.go_button.click())  # at once, before any prefill is read
    window.output.stream_button.click()
    qtbot.waitUntil(lambda: sim.call(lambda s: s.room.stream.active), timeout=8000)
    window.review.wait_idle()
    kept = window.review._store().show_meta(show_id)  # type: ignore[arg-type]
    assert kept is not None and (kept.title, kept.hosts) == ("服装专场", ("阿May",))


MINUTES_CSV = "时间,在线人数,直播间热度X,点赞数\n" + "".join(
    f"2026-11-24 20:{m:02d},{1000 + m * 10},{50 + m},{m * 100}\n" for m in range(30)
)


def test_importing_platform_minutes_through_the_dialog_with_a_mapping(
    qtbot: QtBot, tmp_path: Path, controller: Callable[[str], ReviewController]
) -> None:
    url = f"sqlite:///{tmp_path / 'import.db'}"
    storage = Storage(url)
    storage.migrate()
    start = datetime(2026, 11, 24, 20, 0).astimezone(UTC)
    show, _ = storage.open_show("一号直播间", start, 0)
    storage.end_show(show.id, start + timedelta(minutes=30))
    path = tmp_path / "minutes.csv"
    path.write_text(MINUTES_CSV, encoding="utf-8-sig")
    review = controller(url)
    dialog = PlatformImportDialog(review, show.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_file(path)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.import_button.isEnabled(), timeout=10000)
    assert "UTF-8 with BOM" in dialog.recognised.text()
    assert "Minutes: 30," in dialog.recognised.text()
    # The unknown column is listed with its letter and sample values, to be given a field.
    assert dialog.unknown.rowCount() == 1
    assert [dialog.unknown.item(0, c).text() for c in range(3)] == ["C", "直播间热度X", "50, 51, 52"]  # type: ignore[union-attr]
    dialog.set_field("直播间热度X", "comments")
    qtbot.waitUntil(lambda: "comments" in dialog.recognised.text() and dialog.import_button.isEnabled(), timeout=10000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(dialog.done_text.text()), timeout=10000)
    assert dialog.done_text.text().startswith("Imported 30 rows into show")
    series = storage.platform_series(show.id)
    assert series["comments"][1][:3] == (50.0, 51.0, 52.0)
    assert series["viewers"][1][-1] == 1290.0

    # Another day's file is refused before anything is imported, naming its first row.
    other_day = tmp_path / "other_day.csv"
    other_day.write_text(MINUTES_CSV.replace("2026-11-24", "2026-11-25"), encoding="utf-8")
    dialog.open_file(other_day)
    qtbot.waitUntil(lambda: "outside show" in dialog.problem.text(), timeout=10000)
    assert "row 2" in dialog.problem.text() and not dialog.import_button.isEnabled()
    # A file with a bad figure is refused with its row and column; the earlier import stays whole.
    bad = tmp_path / "bad.csv"
    bad.write_text(MINUTES_CSV.replace("20:07,1070", "20:07,很多"), encoding="utf-8")
    dialog.open_file(bad)
    qtbot.waitUntil(lambda: bool(dialog.problem.text()), timeout=10000)
    assert "row 9" in dialog.problem.text() and "column B" in dialog.problem.text()
    assert not dialog.import_button.isEnabled()
    assert storage.platform_import(show.id).file_name == "minutes.csv"  # type: ignore[union-attr]
    storage.close()


def test_a_database_that_dies_is_said_in_the_window_and_nothing_typed_is_lost(
    qtbot: QtBot, own_postgres: PostgresCluster, controller: Callable[[str], ReviewController]
) -> None:
    own_postgres.start()
    url = own_postgres.url + "/postgres"
    storage = Storage(url)
    storage.migrate()
    fill(storage, 300, 0)
    storage.close()
    review = controller(url)
    browser = browser_for(qtbot, review)
    wait_answered(qtbot, browser)
    shown = [show.id for show in browser.model.rows]
    assert len(shown) == PAGE
    browser.select_show(shown[0])
    dialog = browser.edit_selected()
    assert isinstance(dialog, ShowMetaDialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    own_postgres.kill()
    browser.refresh_button.click()
    qtbot.waitUntil(lambda: "database" in browser.status.text(), timeout=30000)
    assert "color: #e0312f" in browser.status.styleSheet(), "said in red, in the window"
    assert [show.id for show in browser.model.rows] == shown, "what was shown stays"
    dialog.form.notes.setPlainText("断流两次，平台侧原因")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=30000)
    assert "database" in dialog.problem.text() and dialog.isVisible()
    assert dialog.form.notes.toPlainText() == "断流两次，平台侧原因", "what was typed is kept to save again"
    own_postgres.start()
    with qtbot.waitSignal(dialog.sig_saved, timeout=30000):
        dialog.save_button.click()
    check = Storage(url)
    assert check.show_meta(shown[0]).notes == "断流两次，平台侧原因"  # type: ignore[union-attr]
    check.close()
    browser.refresh_button.click()
    qtbot.waitUntil(lambda: browser.status.text() == "Shows: 300", timeout=30000)


def test_view_shows_opens_the_browser_and_the_review_workspace_shows_it(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    assert "shows" not in window.visible_docks(), "not in the operator's default layout"
    window.action_shows.trigger()
    dock = window.docks["shows"]
    assert dock.isVisible() and dock.isFloating()
    screen = QApplication.primaryScreen().availableGeometry()
    assert dock.width() <= screen.width() and dock.height() <= screen.height()
    browser = window.widgets["shows"]
    assert isinstance(browser, ShowsBrowser)
    qtbot.waitUntil(lambda: browser.model._known, timeout=10000)
    dock.hide()
    window.apply_workspace("Review")
    assert window.visible_docks() == {"shows", "event_log"}
    assert not dock.isFloating()
    qtbot.waitUntil(lambda: dock.height() > window.docks["event_log"].height() * 2, timeout=5000)


def test_the_browser_carries_on_through_a_language_switch(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    storage = Storage()
    storage.migrate()
    fill(storage, 250, 0)
    storage.close()
    console = start(qapp, consoles, settings, demo=True, lang="en", workspace="Review")
    old = console.window.widgets["shows"]
    assert isinstance(old, ShowsBrowser)
    qtbot.waitUntil(lambda: old.model.total >= 250, timeout=10000)
    review = console.review
    old.model.refresh()  # its answer comes after the window it was asked from is gone
    console.switch_language("zh_CN")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    new = console.window.widgets["shows"]
    assert isinstance(new, ShowsBrowser) and new is not old
    assert console.review is review, "the review worker outlives the window, as the checklist controller does"
    qtbot.waitUntil(lambda: new.status.text().startswith("共 "), timeout=10000)
    review.wait_idle()
    qapp.processEvents()  # the old browser's answer is delivered now, and dropped
    assert new.model.headerData(0, Qt.Orientation.Horizontal) == "直播间"
    assert new.model.total == old_total(console)


def old_total(console: Console) -> int:
    """Every show kept, as the database counts them (the demo room's own show included)."""
    storage = Storage()
    with storage.engine.connect() as connection:
        count = int(connection.execute(text("SELECT count(*) FROM shows")).scalar_one())
    storage.close()
    return count


def test_a_period_report_from_the_browser_is_saved_as_a_workbook(
    qtbot: QtBot, tmp_path: Path, controller: Callable[[str], ReviewController]
) -> None:
    """The analyst's periodic report from the browser: Period report… prefilled with the last 30 days, one row a
    day per room, written on the worker; a range without shows is said in the dialog and no file is made."""
    import openpyxl

    from tests.console.test_review_shows import a_show
    from widgets.period_report_dialog import PeriodReportDialog

    url = f"sqlite:///{tmp_path / 'days.db'}"
    storage = Storage(url)
    storage.migrate()
    today = datetime.now().astimezone().replace(hour=9, minute=0, second=0, microsecond=0)
    for days_ago in (2, 1):
        a_show(storage, "一号直播间", today - timedelta(days=days_ago), 600, viewers=lambda s: 500.0)
    # A rehearsal in the demo room that day: not counted, and the dialog and the workbook say so (cli15 left the
    # count to the command line).
    a_show(storage, "demo", today - timedelta(days=1, hours=-2), 600, viewers=lambda s: 9000.0)
    review = controller(url)
    browser = browser_for(qtbot, review)
    wait_answered(qtbot, browser)
    dialog = browser.period_report()
    assert isinstance(dialog, PeriodReportDialog)
    asked = dialog.period_request()
    assert asked.until == today.date() and (asked.until - asked.since).days == 29
    assert dialog.unit.currentData() == "week", "a month of days reads best by week"
    dialog.unit.setCurrentIndex(dialog.unit.findData("day"))
    path = tmp_path / "days.xlsx"
    dialog.export_to(path)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=20000)
    note = "Not counted: 1 show of the demo room (a rehearsal on the simulator)."
    assert dialog.status.text() == f"Saved {path}\n{note}"
    rows = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))
    assert (note,) == tuple(v for v in rows[-1] if v is not None), "the workbook says it under the periods"
    header = rows[0]
    days = [dict(zip(header, row, strict=False)) for row in rows[1:] if isinstance(row[1], datetime)]  # not the note
    assert len(days) == 30, "every day of the range, empty ones too"
    shown = [d for d in days if d["Shows"]]
    assert [d["Shows"] for d in shown] == [1, 1] and all(d["Average viewers"] == 500 for d in shown)
    pdf = tmp_path / "days.pdf"
    dialog.export_to(pdf)
    qtbot.waitUntil(lambda: dialog.status.text() == f"Saved {pdf}\n{note}", timeout=20000)
    assert pdf.read_bytes().startswith(b"%PDF")
    # Nothing streamed then: said in words, nothing written.
    dialog.since.setDate(QDate(2020, 1, 1))
    dialog.until.setDate(QDate(2020, 1, 31))
    empty = tmp_path / "empty.xlsx"
    dialog.export_to(empty)
    qtbot.waitUntil(lambda: "No stored show" in dialog.status.text(), timeout=20000)
    assert not empty.exists()
    storage.close()
