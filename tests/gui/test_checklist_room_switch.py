"""The Checklist dock after a switch of rooms shows the room the console is in: its own run (held here, or read from
storage), or no checklist running — never the room left's list; switching back shows that room's run again, and
nothing done in the other room changes it (walk22: after File ▸ Rooms from A to B the dock still showed A's
completed list with A's results)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from checklists.engine import ChecklistRun, ItemState, ItemStatus, RunEnd
from console.core.review.shows import Checklist
from console.core.storage import Storage, default_url
from console.mainwindow import MainWindow
from console.review_windows import ShowWindow
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from tests.gui.test_checklist_dock import complete_as, in_room_with_show, make_ready, running, start_run, stored
from tests.gui.two_rooms import ROOM_A, ROOM_B, to_room


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


def went_live_and_off(qtbot: QtBot, window: MainWindow, clock: ManualClock) -> None:
    qtbot.waitUntil(running(clock, lambda: window.bridge.state.stream.active), timeout=8000)
    window.bridge.request("StopStream")
    qtbot.waitUntil(running(clock, lambda: not window.bridge.state.stream.active), timeout=8000)
    window.checklists.wait_idle()


def reviewed_line(qtbot: QtBot, window: MainWindow, show: int) -> str:
    """The show's review window's checklist line."""
    review = window.review.show_window(show, window)
    assert isinstance(review, ShowWindow)
    try:
        with qtbot.waitSignal(review.sig_loaded, timeout=10000):
            pass
        assert review.bundle is not None, review.error
        return next(t for t in review.header.details.text().splitlines() if t.startswith("Pre-show checklist"))
    finally:
        review.close()  # and deleted (WA_DeleteOnClose)


@pytest.mark.parametrize("finished", ["overridden", "completed", "completed before"])
def test_a_show_keeps_the_pre_show_list_it_went_live_with_through_a_switch_of_rooms(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clocked_b: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    finished: str,
) -> None:
    """walk23: room A's list was started (some items done), the console went to room B and back, the show went live
    in A with the list (overridden, or completed before or after the switch): its review and the Shows list said
    "Pre-show checklist: none" — the run kept the show it was started in, which ended at the switch; the show that
    went live is a new one."""
    window: MainWindow = make_window(clocked.port, clock=clock)
    in_room_with_show(qtbot, window, clock)
    first = window.telemetry.current_show()
    assert first is not None
    controller = window.checklists
    start_run(qtbot, window, clock=clock)
    window.checklist.select("script")
    window.checklist.confirm_selected()  # one of the two items a person signs off
    run = controller.run
    assert run is not None and run.is_open and run.show_id == first
    if finished == "completed before":
        make_ready(qtbot, window)
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("王工", True))
        window.checklist.complete_button.click()

    to_room(qtbot, window, clock, clocked_b, ROOM_B)
    show = to_room(qtbot, window, clock, clocked, ROOM_A)
    assert show != first, "the show left at the switch ended; the room's next one is a new show"
    assert controller.run is run and run.is_open == (finished != "completed before"), "room A's list, as it was"

    if finished == "overridden":
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("平台活动准点开始", True))
        window.output.stream_button.click()  # not ready: the reason is asked, and the stream starts
    else:
        if finished == "completed":
            make_ready(qtbot, window)
            monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("王工", True))
            window.checklist.complete_button.click()
        window.bridge.request("StartStream")
    went_live_and_off(qtbot, window, clock)

    line = reviewed_line(qtbot, window, show)
    if finished == "overridden":
        assert line == "Pre-show checklist: overridden by 小李 (平台活动准点开始)", line
    else:
        assert line.startswith("Pre-show checklist: ready (Streamer go-live, completed by 王工 at "), line
        assert ", before going live at " in line, line
    storage = Storage(default_url())
    try:
        summary = storage.show_summary(show)
        assert summary is not None and summary.checklist is (
            Checklist.OVERRIDDEN if finished == "overridden" else Checklist.READY
        )
        kept = storage.go_live_run(show)
        assert kept is not None and kept.id == controller.run_ids["main"] and kept.room == ROOM_A
        assert [i.confirmed_by for i in kept.items if i.item_id == "script"] == ["小李"], "who did what, as done"
        assert storage.go_live_run(first) is None, "the show left at the switch never went live"
    finally:
        storage.close()


@pytest.mark.parametrize("on_air", [True, False])
def test_switching_into_a_room_whose_show_went_live_with_a_list_shows_that_list_while_on_air(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clocked_b: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
    on_air: bool,
) -> None:
    """walk23: room B's show had gone live with 王丽's list on B's own console; this console, switched into B while B
    was on air, said "No checklist running". It shows that list now, read-only, as a console restarted on air does;
    once B's stream is off, that list is the show's history and the dock has none for B's next go-live."""
    window: MainWindow = make_window(clocked.port, clock=clock)
    in_room_with_show(qtbot, window, clock)
    controller, panel = window.checklists, window.checklist
    start_run(qtbot, window, clock=clock)  # room A's list, left open: continued after a restart
    controller.wait_idle()
    QApplication.processEvents()
    a_id = controller.settings.get("checklists/active_run")
    assert a_id
    # Room B's console: its show, recording now, went live with 王丽's list (one item overridden, the rest passed).
    storage = Storage(default_url())
    try:
        now = datetime.now(UTC)
        b_show, _ = storage.open_show(ROOM_B, now, 0)
        storage.add_telemetry(b_show.id, [{"t": now.timestamp(), "streaming": 1.0 if on_air else 0.0}], [])
        b_run = ChecklistRun(controller.templates["streamer-go-live"], "王丽", ROOM_B, show_id=b_show.id)
        for item in b_run.template.items[1:]:
            b_run.states[item.id] = ItemState(ItemStatus.PASSED)
        b_run.states[b_run.template.items[0].id] = ItemState(ItemStatus.FAILED)
        b_run.override(b_run.template.items[0].id, "王丽", "备用场景")
        b_run.freeze_at_go_live()
        b_id = storage.save_run(b_run, "zh_CN")
    finally:
        storage.close()
    if on_air:
        clocked_b.call(lambda s: s.room.start_output(s.room.stream, s.now()))

    to_room(qtbot, window, clock, clocked_b, ROOM_B)
    settled(window)
    if not on_air:
        assert controller.run is None and panel.verdict_text() == "No checklist running"
        return
    qtbot.waitUntil(lambda: controller.run is not None, timeout=5000)
    run = controller.run
    assert run is not None and run.room == ROOM_B and run.end is RunEnd.WENT_LIVE and run.operator == "王丽"
    assert controller.run_ids["main"] == b_id
    assert panel.verdict_text().startswith("WENT LIVE"), panel.verdict_text()
    assert not panel.confirm_button.isEnabled() and not panel.complete_button.isEnabled(), "read-only, as on air"
    assert controller.gate_run() is None and not controller.checking

    window.bridge.request("StopStream")
    qtbot.waitUntil(running(clock, lambda: not window.bridge.state.stream.active), timeout=8000)
    assert controller.settings.get("checklists/active_run") == a_id, "room A's open list is still the one kept"
