"""The checklist dock: a live run, signed confirmations, overrides, the go-live gate, resuming after a restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from checklists.engine import ItemStatus
from console.mainwindow import MainWindow
from console.storage import Storage, default_url
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected


def start_run(qtbot, window: MainWindow, template: str = "streamer-go-live", operator: str = "小李") -> None:
    panel = window.checklist
    panel.template.setCurrentIndex(panel.template.findData(template))
    panel.operator.setText(operator)
    panel.start_button.click()
    controller = window.checklists
    qtbot.waitUntil(
        lambda: (
            controller.run is not None
            and not controller.checking
            and all(s.status is not ItemStatus.PENDING for s in controller.run.states.values())
        ),
        timeout=15000,
    )


def test_a_run_senses_then_people_confirm_until_ready(qtbot, sim: SimulatorThread, make_window) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    start_run(qtbot, window)
    run = window.checklists.run
    assert run is not None and run.room == "" and run.operator == "小李"  # an ad-hoc window has no room name
    assert run.states["mic-live"].status is ItemStatus.PASSED
    assert run.states["camera-picture"].status is ItemStatus.PASSED
    assert run.states["script"].status is ItemStatus.NEEDS_PERSON
    panel = window.checklist
    assert panel.verdict.text().startswith("NOT READY: 2")
    assert "dBFS" in panel._rows["mic-live"].text(2)
    panel.select("script")
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: run.states["script"].status is ItemStatus.PASSED, timeout=3000)
    assert panel._rows["script"].text(3) == "小李"
    panel.select("phone-silent")
    panel.confirm_button.click()
    qtbot.waitUntil(lambda: panel.verdict.text().startswith("READY"), timeout=3000)
    window.checklists.wait_idle()
    stored = Storage(default_url()).run(window.checklists.run_id or 0)
    assert stored is not None and stored.ready and stored.origin == "console"
    assert next(i for i in stored.items if i.item_id == "script").confirmed_by == "小李"


def test_a_failed_item_is_overridden_only_with_a_reason(qtbot, sim: SimulatorThread, make_window) -> None:
    sim.call(lambda s: s.inject("silent-mic"))
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    start_run(qtbot, window)
    run = window.checklists.run
    assert run is not None and run.states["mic-live"].status is ItemStatus.FAILED
    panel = window.checklist
    panel.select("mic-live")
    assert not panel.override_selected("  ")
    assert "reason" in panel.problems.text()
    assert panel.override_selected("备用麦克风，已人工试音")
    assert run.states["mic-live"].status is ItemStatus.OVERRIDDEN
    assert "备用麦克风" in panel._rows["mic-live"].text(2)


def test_go_live_is_gated_until_ready_or_a_reason_is_given(
    qtbot, sim: SimulatorThread, make_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    start_run(qtbot, window)
    window.output.confirm = lambda *args: True
    answers = [("", False), ("平台活动准点开始", True)]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: answers.pop(0))
    window.output.stream_button.click()
    qtbot.wait(300)
    assert not sim.call(lambda s: s.room.stream.active), "not ready and no reason: nothing goes on air"
    assert any("stopped" in what for _, what in window.event_log.lines())
    window.output.stream_button.click()
    qtbot.waitUntil(lambda: sim.call(lambda s: s.room.stream.active), timeout=5000)
    window.checklists.wait_idle()
    qtbot.waitUntil(lambda: window.checklists.run_id is not None, timeout=3000)
    window.checklists.wait_idle()
    stored = Storage(default_url()).run(window.checklists.run_id or 0)
    assert stored is not None and stored.go_live_reason == "平台活动准点开始" and stored.go_live_by == "小李"


def test_a_run_continues_after_a_restart(qtbot, sim: SimulatorThread, make_window) -> None:
    first: MainWindow = make_window(sim.port)
    wait_connected(qtbot, first)
    start_run(qtbot, first)
    first.checklist.select("script")
    first.checklist.confirm_selected()
    first.checklists.wait_idle()
    qtbot.waitUntil(lambda: first.checklists.run_id is not None, timeout=3000)
    first.close()
    second: MainWindow = make_window(sim.port, connect=False)
    second.checklists.resume()
    qtbot.waitUntil(lambda: second.checklists.run is not None, timeout=5000)
    run = second.checklists.run
    assert run is not None and run.template.id == "streamer-go-live" and run.operator == "小李"
    assert run.states["script"].status is ItemStatus.PASSED and run.states["script"].confirmed_by == "小李"
    assert second.checklist._rows["script"].text(3) == "小李"


def test_the_team_folder_adds_checklists_and_reports_broken_files(
    qtbot, sim: SimulatorThread, make_window, tmp_path
) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "lottery.yaml").write_text(
        "id: lottery-break\ntitle: {en: Lottery break, zh_CN: 抽奖环节}\nsections:\n  - title: S\n    items:\n"
        "      - id: prizes\n        title: Prizes on the table\n        manual: true\n",
        encoding="utf-8",
    )
    (folder / "broken.yaml").write_text("id: broken\ntitle: x\nsections: nope\n", encoding="utf-8")
    window: MainWindow = make_window(sim.port, connect=False)
    panel = window.checklist
    panel.use_folder(str(folder))
    assert panel.template.findData("lottery-break") >= 0 and panel.template.findData("streamer-go-live") >= 0
    assert not panel.problems.isHidden() and "broken.yaml:3" in panel.problems.text()
    assert window.settings.get("checklists/folder") == str(folder)
