"""Found by using the rundown end to end as a team would (planner, assistant, host): each test here is one thing
a user met in a real window that the earlier tests let through."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from console.app import Console
from console.core.rundown.model import Imported, Rundown
from console.mainwindow import MainWindow
from console.settings import Settings
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import connected, start, wait_connected
from tests.gui.test_rundown_dock import PLAN
from tests.language import english_words
from widgets.rundown_dock import RundownDock
from widgets.rundown_port import Refused


def test_add_then_typing_replaces_the_new_segments_title(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    """Add starts typing the new segment's title: what the planner types replaces "New segment". In the console
    it became "New segmentOpening": the live position's repaint, once a second, put the editor's text back and
    deselected it (and would put back a title half typed during a show)."""
    window = make_window(sim.port, demo=True)
    wait_connected(qtbot, window)
    dock = window.rundown_dock
    assert dock is not None
    window.workspace_actions["Rundown"].trigger()
    window.rundown.save(Rundown("demo", PLAN))
    qtbot.waitUntil(lambda: dock.model.rowCount() == len(PLAN), timeout=5000)
    dock.table.selectRow(0)
    dock.add_segment()
    qtbot.waitUntil(lambda: len(window.rundown.rundown.segments) == len(PLAN) + 1, timeout=5000)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    QTest.keyClicks(editor, "Opening")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.rundown.rundown.segments[1].title != "New segment", timeout=5000)
    assert window.rundown.rundown.segments[1].title == "Opening"


def test_import_in_the_console_checks_the_scenes_against_the_rooms_obs(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    """The dock's Import… refuses a sheet naming a scene the room's OBS lacks, with its row and column, as
    `onair rundown import` does (the console imported it unchecked, and Go then failed in the show); a sheet
    whose scenes OBS has is imported and shown."""
    window = make_window(sim.port, demo=True)
    wait_connected(qtbot, window)
    controller = window.rundown
    qtbot.waitUntil(lambda: bool(controller.scenes), timeout=5000)
    controller.save(Rundown("demo", PLAN[:1]))
    qtbot.waitUntil(lambda: [s.title for s in controller.rundown.segments] == [PLAN[0].title], timeout=5000)
    scene = controller.scenes[0]
    bad = tmp_path / "bad.csv"
    bad.write_text(f"环节,时长,画面\n开场,5分,{scene}\n抽奖,3分,绿幕\n", encoding="utf-8")
    answers: list[tuple[object, str | None]] = []
    controller.import_file(bad, lambda plan, why: answers.append((plan, why)))
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    refused, why = answers[0]
    assert isinstance(refused, Refused) and why is not None
    assert refused.said() == why  # said again, in the language of the moment, by a dock rebuilt for a switch
    assert "绿幕" in why and "row 3" in why and "column C" in why
    assert [s.title for s in controller.rundown.segments] == [PLAN[0].title]  # nothing changed

    good = tmp_path / "good.csv"
    good.write_text(
        f"环节,时长,画面,负责人\n开场,5分,{scene},小王\n抽奖,3分,{scene},小李\n合计,8分,,\n", encoding="utf-8"
    )
    controller.import_file(good, lambda plan, why: answers.append((plan, why)))
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=5000)
    assert answers[1][1] is None
    # Said as the command line says it: the planned total, how the scenes were checked, what the reader left out.
    imported = answers[1][0]
    assert isinstance(imported, Imported)
    assert imported.lines[:5] == (
        "Imported 2 segments into room “demo” from good.csv (read as UTF-8, header on row 1): 8 min planned.",
        # The room and its OBS named, as the command line names them: which OBS the scenes were checked against.
        f"Scenes checked against the OBS of room “demo” (127.0.0.1:{sim.port}).",
        "Columns left out (not a rundown column): D (负责人).",
        "Rows skipped (totals): 4.",
        imported.lines[4],
    ), imported.lines
    assert imported.lines[4].startswith("This replaced the room's earlier rundown (1 segment, saved "), imported.lines
    assert [s.title for s in controller.rundown.segments] == ["开场", "抽奖"]


def test_a_room_named_by_its_address_says_the_address_once(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    """A room opened with --url is named by its address: "Scenes checked against the OBS of room
    “127.0.0.1:49602” (127.0.0.1:49602)." said it twice."""
    sheet = tmp_path / "plan.csv"
    sheet.write_text("环节,时长\n开场,5分\n", encoding="utf-8")
    free = socket.socket()
    free.bind(("127.0.0.1", 0))
    closed_port = free.getsockname()[1]
    free.close()

    def scenes_checked(port: int) -> str:
        window = make_window(port)
        window.set_room(f"127.0.0.1:{port}", False)  # as the console names a --url room (console/app.py)
        if port == sim.port:
            wait_connected(qtbot, window)
            qtbot.waitUntil(lambda: bool(window.rundown.scenes), timeout=5000)
        answers: list[tuple[object, str | None]] = []
        window.rundown.import_file(sheet, lambda plan, why: answers.append((plan, why)))
        qtbot.waitUntil(lambda: bool(answers), timeout=5000)
        imported = answers[0][0]
        assert isinstance(imported, Imported), answers
        return imported.lines[1]

    said = [scenes_checked(sim.port), scenes_checked(closed_port)]
    assert said == [
        f"Scenes checked against the OBS at 127.0.0.1:{sim.port}.",
        f"The scenes were NOT checked: the OBS at 127.0.0.1:{closed_port} is not connected.",
    ]


def test_a_sheet_imported_again_mid_show_keeps_the_show_on_track(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    """The planner corrects a price in the sheet and imports it again while the show runs. The sheet has no
    column for the segments' identities: read with new ones, the runner lost the first segment taken, and the
    live strip and the talent screen said nothing more of the show's ahead/behind for the rest of the show (and
    the past segments' actual lengths went from the table). The same titles keep their identities."""
    window = make_window(sim.port, demo=True)
    wait_connected(qtbot, window)
    controller = window.rundown
    session = window.bridge.session
    assert session is not None
    qtbot.waitUntil(lambda: session.show_id is not None and bool(controller.scenes), timeout=15000)
    scene = controller.scenes[0]
    sheet = tmp_path / "plan.csv"
    sheet.write_text(f"环节,时长,画面,商品,价格\n开场,5分,{scene},,\n主推款,10分,{scene},精华,199\n下播,3分,,,\n")
    answers: list[tuple[object, str | None]] = []
    controller.import_file(sheet, lambda plan, why: answers.append((plan, why)))
    qtbot.waitUntil(lambda: len(answers) == 1, timeout=5000)
    controller.go()
    controller.go()
    assert controller.position.current is not None and controller.position.current.title == "主推款"
    assert controller.position.over_under_s is not None
    on_air = controller.position.current.key

    sheet.write_text(f"环节,时长,画面,商品,价格\n开场,5分,{scene},,\n主推款,10分,{scene},精华,189\n下播,3分,,,\n")
    controller.import_file(sheet, lambda plan, why: answers.append((plan, why)))
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=5000)
    assert answers[1][1] is None
    assert controller.rundown.segments[1].product is not None
    assert str(controller.rundown.segments[1].product.price) in ("189", "189.00")
    position = controller.position
    assert position.current is not None and position.current.key == on_air
    assert position.current_index == 1
    assert position.over_under_s is not None, "the show's ahead/behind is still known"
    assert dict(position.actuals).keys() == {controller.rundown.segments[0].key}, "what 开场 took is still known"


def test_an_imports_lines_survive_a_language_switch_said_in_the_new_language(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings, tmp_path: Path
) -> None:
    """Language ▸ 中文 rebuilds the window, and the rebuilt Rundown dock showed nothing of the import just made: the
    rows refused and why, or the rows read, were gone. They are said again in the new language; the file's name and
    the cells' text stay as they were."""
    console = start(qapp, consoles, settings, demo=True, lang="en")
    connected(qtbot, console)
    qtbot.waitUntil(lambda: bool(console.rundown.scenes), timeout=10000)
    scene = console.rundown.scenes[0]

    def dock() -> RundownDock:
        built = console.window.rundown_dock
        assert built is not None
        return built

    def switch(language: str) -> None:
        console.switch_language(language)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old window and its dock are gone

    bad = tmp_path / "bad.csv"
    bad.write_text(f"环节,时长,画面\n开场,5分,{scene}\n抽奖,3分,绿幕\n", encoding="utf-8")
    dock().import_from(bad)
    qtbot.waitUntil(lambda: "was not imported" in dock().status.text(), timeout=5000)
    english = dock().status.text()
    assert "row 3" in english and "column C" in english and "绿幕" in english, english

    switch("zh_CN")
    chinese = dock().status.text()
    assert dock().status.isVisibleTo(dock()), "the rebuilt dock said nothing of the refused import"
    assert chinese.startswith("bad.csv ") and "绿幕" in chinese and "第 3 行" in chinese, chinese
    assert english_words(chinese, {"bad", "csv"}) == [], chinese
    assert dock().status.styleSheet() != "", "still said as a refusal (red)"

    good = tmp_path / "good.csv"
    good.write_text(f"环节,时长,画面,负责人\n开场,5分,{scene},小王\n抽奖,3分,{scene},小李\n", encoding="utf-8")
    dock().import_from(good)
    qtbot.waitUntil(lambda: "负责人" in dock().status.text(), timeout=5000)
    said_in_chinese = dock().status.text()
    assert "负责人" in said_in_chinese and english_words(said_in_chinese, {"good", "csv"}) == [], said_in_chinese

    switch("en")
    lines = dock().status.text().splitlines()
    assert lines[0] == (
        "Imported 2 segments into room “demo” from good.csv (read as UTF-8, header on row 1): 8 min planned."
    ), lines
    assert "Columns left out (not a rundown column): D (负责人)." in lines, lines
    assert dock().status.styleSheet() == "", "a done import is not said as a refusal"

    # Something said since (an edit refused, a file written) is what the dock shows: no import line comes back.
    dock().say("Saved elsewhere")
    switch("zh_CN")
    assert not dock().status.isVisibleTo(dock()), dock().status.text()
