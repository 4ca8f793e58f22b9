"""The Checklist dock's picker starts on the workspace's own pre-show list (walk13 F10)."""

from __future__ import annotations

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
