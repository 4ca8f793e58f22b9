"""A language switch rebuilds the window: the console's long-lived parts must not call into the old one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console
from console.settings import Settings
from tests.gui.conftest import connected, start
from widgets.engage_dock import EngageDock


def _delete_old_windows() -> None:
    """What the event loop does soon after a switch: the old window's deleteLater runs."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_after_a_language_switch_the_telemetry_reports_into_the_new_window(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    console = start(qapp, consoles, settings, demo=True, lang="en")
    connected(qtbot, console)
    console.switch_language("zh_CN")
    _delete_old_windows()
    # The link stays up through the switch, so no status change comes: the new status bar must say so anyway.
    assert console.window.status.text.text().startswith("已连接 OBS 29.0.2")
    # The telemetry outlives the window: a storage problem it reports after the switch must land in the
    # Chinese window's event log, not in the deleted English one (RuntimeError: ... already deleted).
    console.telemetry.sig_problem.emit("disk full")
    assert ("图表", "disk full") in console.window.event_log.lines()


def test_an_answer_arriving_after_the_switch_does_not_reach_the_deleted_window(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    console = start(qapp, consoles, settings, demo=True, lang="en")
    connected(qtbot, console)
    old = console.window
    # The scenes panel asks OBS for its tiles' pictures about once a second; switch while answers are on
    # their way (an answer reaches the GUI thread only through the event loop, which this test holds).
    qtbot.waitUntil(lambda: bool(old.scenes._outstanding), timeout=8000)
    console.switch_language("zh_CN")
    _delete_old_windows()
    # The answers come back through the app-level bridge after the old scenes panel is gone.
    new = console.window
    qtbot.waitUntil(lambda: all(tile.has_thumbnail for tile in new.scenes.tiles.values()), timeout=8000)
    assert new.output.stream_button.text() == "开始直播"


def test_a_language_switch_keeps_the_layout_chosen_after_start_up_not_the_command_line_one(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    # Started with --workspace Streamer, the reviewer then chose Assistant from the menu.
    console = start(qapp, consoles, settings, demo=True, lang="en", workspace="Streamer")
    connected(qtbot, console)
    old = console.window
    before = old.size()
    old.workspace_actions["Assistant"].trigger()
    qtbot.waitUntil(lambda: old.size() == before, timeout=5000)  # the workspace settles into the window's size
    docks, size = old.visible_docks(), old.size()
    console.switch_language("zh_CN")
    _delete_old_windows()
    new = console.window
    # The new window comes back as the old one was: the same docks, the same size, the same workspace ticked.
    assert new.visible_docks() == docks
    assert new.size() == size
    assert new.workspace_actions["Assistant"].isChecked()
    assert not new.workspace_actions["Streamer"].isChecked()


def test_an_open_checklist_run_carries_on_through_a_language_switch(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    # The composition root owns the checklist controller: a rebuilt window shows the same run, with what the
    # assistant already signed off, without reading it back from the database.
    console = start(qapp, consoles, settings, demo=True, lang="en")
    connected(qtbot, console)
    template_id = next(t.id for t in console.checklists.templates.values() if t.kind == "pre-show")
    console.checklists.start(template_id, "小王", "demo")
    qtbot.waitUntil(lambda: console.checklists.run is not None, timeout=5000)
    run = console.checklists.run
    console.switch_language("zh_CN")
    _delete_old_windows()
    assert console.window.checklists is console.checklists
    assert console.checklists.run is run and run is not None and run.operator == "小王"
    console.checklists.sig_problem.emit("数据库已满")  # reaches the new window only (the old one is deleted)
    qtbot.waitUntil(lambda: any("数据库已满" in line[1] for line in console.window.event_log.lines()), timeout=3000)


def test_the_questions_dock_keeps_its_chosen_tab_through_language_switches(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    """With the Lottery tab chosen, switching to Chinese came back on 问答: the rebuilt dock opens on the tab chosen,
    switch after switch (the old dock's tabs torn down do not count as a choice)."""
    console = start(qapp, consoles, settings, demo=True, lang="en")
    connected(qtbot, console)

    def dock() -> EngageDock:
        widget = console.window.docks["questions"].widget()
        assert isinstance(widget, EngageDock)
        return widget

    dock().tabs.setCurrentIndex(1)
    for language, lottery in (("zh_CN", "抽奖"), ("en", "Lottery")):
        console.switch_language(language)
        _delete_old_windows()
        assert dock().tabs.currentWidget() is dock().lottery
        assert dock().tabs.tabText(dock().tabs.currentIndex()) == lottery
    dock().tabs.setCurrentIndex(0)
    console.switch_language("zh_CN")
    _delete_old_windows()
    assert dock().tabs.currentWidget() is dock().questions
