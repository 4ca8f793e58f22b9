"""Found by using the rundown end to end as a team would (planner, assistant, host): each test here is one thing
a user met in a real window that the earlier tests let through."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from console.core.rundown.model import Rundown
from console.mainwindow import MainWindow
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from tests.gui.test_rundown_dock import PLAN


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
    plan, why = answers[0]
    assert plan is None and why is not None
    assert "绿幕" in why and "row 3" in why and "column C" in why
    assert [s.title for s in controller.rundown.segments] == [PLAN[0].title]  # nothing changed

    good = tmp_path / "good.csv"
    good.write_text(f"环节,时长,画面\n开场,5分,{scene}\n抽奖,3分,{scene}\n", encoding="utf-8")
    controller.import_file(good, lambda plan, why: answers.append((plan, why)))
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=5000)
    assert answers[1][1] is None
    assert [s.title for s in controller.rundown.segments] == ["开场", "抽奖"]
