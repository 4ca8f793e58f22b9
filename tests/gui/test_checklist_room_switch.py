"""The Checklist dock after a switch of rooms shows the room the console is in: its own run (held here, or read from
storage), or no checklist running — never the room left's list; switching back shows that room's run again, and
nothing done in the other room changes it (walk22: after File ▸ Rooms from A to B the dock still showed A's
completed list with A's results)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from checklists.engine import ChecklistRun, ItemState, ItemStatus, RunEnd
from console.core.storage import Storage, default_url
from console.mainwindow import MainWindow
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from tests.gui.test_checklist_dock import complete_as, stored


def settled(window: MainWindow) -> None:
    """The room's stored run, if any, has been read and taken (the worker's answer handed to the GUI thread)."""
    window.checklists.wait_idle()
    QApplication.processEvents()


def test_after_a_switch_the_dock_shows_the_new_rooms_own_run_and_switching_back_the_first_rooms(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window: MainWindow = make_window(clocked.port, clock=clock)
    window.set_room("一号直播间", demo=False)
    wait_connected(qtbot, window)
    controller, panel = window.checklists, window.checklist
    complete_as(qtbot, window, clock, monkeypatch, "王工")
    a_run = controller.run
    assert a_run is not None and a_run.end is RunEnd.COMPLETED
    a_stored = stored(window)
    assert a_stored is not None

    # Room B's list was started on another console of room B: one item passed, the rest still open.
    b_elsewhere = ChecklistRun(controller.templates["streamer-go-live"], "Tom Chen", "二号直播间")
    first = b_elsewhere.template.items[0].id
    b_elsewhere.states[first] = ItemState(ItemStatus.PASSED)
    storage = Storage(default_url())
    try:
        storage.save_run(b_elsewhere)
    finally:
        storage.close()

    window.set_room("二号直播间", demo=False)
    assert controller.run is not a_run, "room A's list is not shown in room B"
    qtbot.waitUntil(lambda: controller.run is not None, timeout=5000)
    b_run = controller.run
    assert b_run is not None and b_run.room == "二号直播间" and b_run.is_open and b_run.operator == "Tom Chen"
    assert not panel.verdict_text().startswith("COMPLETED"), panel.verdict_text()
    assert panel._rows[first].text(3) == "" and not panel._elsewhere_box.isVisible()

    # What is done in room B is room B's: it is abandoned there, room A's completed list is untouched.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("换主播了", True))
    panel.abandon_button.click()
    assert b_run.end is RunEnd.ABANDONED and a_run.end is RunEnd.COMPLETED and a_run.ended_by == "王工"
    assert controller.unnamed(a_run) == [] and controller.gate_run() is None

    window.set_room("一号直播间", demo=False)
    assert controller.run is a_run
    assert panel.verdict_text().startswith("COMPLETED by 王工")
    again = stored(window)
    assert again is not None and again.id == a_stored.id
    assert (again.end_state, again.ended_by, again.ended_at) == ("completed", "王工", a_stored.ended_at)
    assert [(i.item_id, i.status, i.confirmed_by) for i in again.items] == [
        (i.item_id, i.status, i.confirmed_by) for i in a_stored.items
    ]

    # A room with no list anywhere: no checklist running.
    window.set_room("三号直播间", demo=False)
    settled(window)
    assert controller.run is None
    assert panel.verdict_text() == "No checklist running"
