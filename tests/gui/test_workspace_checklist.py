"""The Checklist dock's picker starts on the workspace's own pre-show list (walk13 F10)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console
from console.settings import Settings
from tests.gui.conftest import connected, start


def test_the_technician_workspace_offers_the_technicians_list(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    """walk13 F10: the picker started on "Host assistant pre-show" in the Technician workspace, one more pick each
    time."""
    console = start(qapp, consoles, settings, demo=True, lang="en", workspace="Technician")
    connected(qtbot, console)
    panel = console.window.checklist
    assert panel.template.currentData() == "technician-pre-show"
    console.window.apply_workspace("Assistant")
    assert panel.template.currentData() == "host-assistant-pre-show"
    panel.operator.setText("小王")
    panel.template.setCurrentIndex(panel.template.findData("technician-pre-show"))
    panel.start_button.click()
    qtbot.waitUntil(lambda: console.checklists.run is not None, timeout=5000)
    console.window.apply_workspace("Assistant")
    assert panel.template.currentData() == "technician-pre-show", "a run shown keeps its own list"


def test_the_technicians_list_stays_offered_after_a_language_switch_and_a_restart(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings, tmp_path: Path
) -> None:
    """Seen by hand (session 13): in the Technician workspace, Language ▸ English rebuilt the window with the picker
    back on "Host assistant pre-show"; so did the next start, which restores the saved layout instead of applying
    the workspace."""
    console = start(qapp, consoles, settings, demo=True, lang="zh_CN", workspace="Technician")
    connected(qtbot, console)
    assert console.window.checklist.template.currentData() == "technician-pre-show"
    console.switch_language("en")
    assert console.window.checklist.template.currentData() == "technician-pre-show", "after a language switch"
    console.window.close()
    console.shutdown()
    consoles.remove(console)
    again = start(qapp, consoles, Settings(tmp_path), demo=True, lang="en")
    connected(qtbot, again)
    assert again.window.workspace_actions["Technician"].isChecked()
    assert again.window.checklist.template.currentData() == "technician-pre-show", "after a restart"
