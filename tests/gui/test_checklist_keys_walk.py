"""Walking a checklist by keys: after Enter confirms an item (or O overrides one), the selection moves on to the next
item that still needs attention — past section titles and items already passed, round to the top — and stays when
none is left. It stayed on the confirmed row, so every Enter needed a Down first (fix23d)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from checklists.engine import ItemStatus
from console.mainwindow import MainWindow
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from tests.gui.test_checklist_dock import answer_override, start_run


def test_enter_and_an_override_move_the_selection_to_the_next_item_that_needs_attention(
    qtbot: QtBot, clocked: SimulatorThread, clock: ManualClock, make_window: Callable[..., MainWindow]
) -> None:
    clocked.call(lambda s: s.inject("silent-mic"))
    window: MainWindow = make_window(clocked.port, clock=clock)
    wait_connected(qtbot, window)
    # On screen: opening-scene, camera-picture; Sound: mic-live; You: script, phone-silent.
    start_run(qtbot, window, clock=clock)
    run = window.checklists.run
    assert run is not None
    status = {item_id: state.status for item_id, state in run.states.items()}
    assert status == {
        "opening-scene": ItemStatus.PASSED,
        "camera-picture": ItemStatus.PASSED,
        "mic-live": ItemStatus.FAILED,
        "script": ItemStatus.NEEDS_PERSON,
        "phone-silent": ItemStatus.NEEDS_PERSON,
    }
    panel = window.checklist
    panel.select("script")
    panel.tree.setFocus()
    QTest.keyClick(panel.tree, Qt.Key.Key_Return)
    assert run.states["script"].status is ItemStatus.PASSED
    assert panel.selected_item() == "phone-silent", "on to the next item, no Down needed"
    QTest.keyClick(panel.tree, Qt.Key.Key_Space)
    assert run.states["phone-silent"].status is ItemStatus.PASSED
    # The list's end: round to the top, past the first section's title and its two passed items, and past the
    # Sound title, to the one item still open.
    assert panel.selected_item() == "mic-live"
    QTest.keyClick(panel.tree, Qt.Key.Key_O)
    answer_override(panel, "备用麦克风，已人工试音")
    assert run.states["mic-live"].status is ItemStatus.OVERRIDDEN
    assert panel.selected_item() == "mic-live", "nothing left to attend to: it stays"
    current = panel.tree.currentItem()
    assert current is not None and current.isSelected()
