"""The checklist controller's threads and senders: the worker measures and stores, only the GUI thread changes a
run; a controller that was shut down hears nothing more from the bridge it shared."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import console.checklist_controller as checklist_controller
from checklists.engine import ChecklistRun, ItemStatus, RunEnd
from console.bridge import Endpoint, ObsBridge
from console.checklist_controller import ChecklistController
from console.core.storage import Storage, default_url
from console.mainwindow import MainWindow
from console.settings import Settings
from obs.clock import ManualClock
from obs.messages import LinkState
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import wait_connected
from tests.gui.test_checklist_dock import running, start_run

#: (what was changed, on which thread) for every change made to a run of the console's.
CHANGES: list[tuple[str, str]] = []


class _RecordedStates(dict[str, Any]):
    def __setitem__(self, key: str, value: Any) -> None:
        CHANGES.append((f"states[{key}]", threading.current_thread().name))
        super().__setitem__(key, value)


class RecordedRun(ChecklistRun):
    """A run that notes the thread of every change made to it (its fields and its item states)."""

    def __setattr__(self, name: str, value: Any) -> None:
        CHANGES.append((name, threading.current_thread().name))
        if name == "states":
            value = _RecordedStates(value)
        super().__setattr__(name, value)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    CHANGES.clear()
    monkeypatch.setattr(checklist_controller, "ChecklistRun", RecordedRun)
    return CHANGES


def test_only_the_gui_thread_changes_a_run_while_a_re_check_meets_the_users_sign_offs(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
    recorded: list[tuple[str, str]],
) -> None:
    window: MainWindow = make_window(clocked.port, clock=clock)
    wait_connected(qtbot, window)
    start_run(qtbot, window, clock=clock)
    controller = window.checklists
    run = controller.run
    assert isinstance(run, RecordedRun) and run.states["mic-live"].status is ItemStatus.PASSED
    controller.recheck()
    assert controller.checking, "the microphone listens for 3 s of the show: the re-check is in flight"
    panel = window.checklist
    for item_id in ("opening-scene", "script"):  # the user signs off while the worker senses
        panel.select(item_id)
        panel.confirm_selected()
    panel.select("phone-silent")
    assert panel.override_selected("手机在隔壁房间")
    assert controller.checking, "the sign-offs were made while the re-check was in flight"
    qtbot.waitUntil(running(clock, lambda: not controller.checking), timeout=10000)
    controller.wait_idle()
    gui = threading.main_thread().name
    assert {name for _, name in recorded} == {gui}, [change for change in recorded if change[1] != gui]
    assert any(what == "states[mic-live]" for what, _ in recorded), "the re-check's results were applied"
    assert run.states["opening-scene"].confirmed_by == "小李"
    assert run.states["phone-silent"].status is ItemStatus.OVERRIDDEN
    row = Storage(default_url()).run(controller.run_id or 0)
    assert row is not None and {i.item_id: i.status for i in row.items}["phone-silent"] == "overridden"


def test_a_confirm_made_while_its_check_is_in_flight_is_not_overwritten_by_the_late_result(
    qtbot: QtBot, clocked: SimulatorThread, clock: ManualClock, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(clocked.port, clock=clock)
    wait_connected(qtbot, window)
    start_run(qtbot, window, clock=clock)
    controller, panel = window.checklists, window.checklist
    run = controller.run
    assert run is not None and run.states["opening-scene"].status is ItemStatus.PASSED
    last_pass = run.states["mic-live"].checked_at
    window.bridge.request("SetCurrentProgramScene", {"sceneName": "直播中"})  # the check will now fail …
    qtbot.waitUntil(running(clock, lambda: window.bridge.state.program_scene == "直播中"), timeout=5000)
    controller.recheck()  # … and this pass measures it, but answers only after the microphone's 3 s of the show
    assert controller.checking
    panel.select("opening-scene")
    panel.confirm_selected()  # the person saw the opening scene on program and signed it off
    qtbot.waitUntil(running(clock, lambda: not controller.checking), timeout=10000)
    assert run.states["mic-live"].checked_at != last_pass, "the late results were applied"
    state = run.states["opening-scene"]
    assert (state.status, state.confirmed_by) == (ItemStatus.PASSED, "小李"), "the person's word stands"


def test_an_override_made_while_its_check_is_in_flight_stands_and_shows_the_late_result(
    qtbot: QtBot, clocked: SimulatorThread, clock: ManualClock, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(clocked.port, clock=clock)
    wait_connected(qtbot, window)
    window.bridge.request("SetCurrentProgramScene", {"sceneName": "直播中"})
    qtbot.waitUntil(running(clock, lambda: window.bridge.state.program_scene == "直播中"), timeout=5000)
    start_run(qtbot, window, clock=clock)
    controller, panel = window.checklists, window.checklist
    run = controller.run
    assert run is not None and run.states["opening-scene"].status is ItemStatus.FAILED
    window.bridge.request("SetCurrentProgramScene", {"sceneName": "等待开始"})  # the check will now pass …
    qtbot.waitUntil(running(clock, lambda: window.bridge.state.program_scene == "等待开始"), timeout=5000)
    controller.recheck()
    assert controller.checking
    panel.select("opening-scene")
    assert panel.override_selected("开场画面由导播台切")  # … but the person overrode it meanwhile
    qtbot.waitUntil(running(clock, lambda: not controller.checking), timeout=10000)
    state = run.states["opening-scene"]
    assert state.status is ItemStatus.OVERRIDDEN and state.override_reason == "开场画面由导播台切"
    assert state.confirmed_by == "小李"
    assert state.outcome is not None and state.outcome.status.value == "passed", "the result says it passed"
    assert "开场画面由导播台切" in panel._rows["opening-scene"].text(2)


def test_after_shutdown_a_state_change_reaches_only_the_new_controller(
    qtbot: QtBot, clocked: SimulatorThread, clock: ManualClock, settings: Settings
) -> None:
    bridge = ObsBridge(backoff_initial=0.1, backoff_max=0.5, clock=clock)
    first: ChecklistController | None = None
    second: ChecklistController | None = None
    try:
        bridge.connect_to(Endpoint("127.0.0.1", clocked.port, PASSWORD), None, demo=True)  # the demo room
        qtbot.waitUntil(lambda: bridge.tracker.status.state is LinkState.CONNECTED, timeout=10000)
        first = ChecklistController(bridge, settings)
        first.start("streamer-go-live", "小李", "demo")
        qtbot.waitUntil(
            running(clock, lambda: first is not None and first.run_id is not None and not first.checking),
            timeout=15000,
        )
        old_run = first.run
        first.shutdown()  # a room or language switch: a new controller is built on the same bridge
        second = ChecklistController(bridge, settings)
        second.start("streamer-go-live", "小李", "demo")
        qtbot.waitUntil(lambda: second is not None and second.run_id is not None, timeout=15000)
        new_run = second.run
        assert old_run is not None and new_run is not None and old_run is not new_run
        bridge.request("StartStream")
        qtbot.waitUntil(running(clock, lambda: new_run.end is RunEnd.WENT_LIVE), timeout=5000)
        qtbot.waitUntil(running(clock, lambda: second is not None and not second.checking), timeout=5000)
        second.wait_idle()
        assert old_run.is_open, "the controller that was shut down heard nothing"
        storage = Storage(default_url())
        try:
            ended = [row.end_state for row in storage.runs()]
        finally:
            storage.close()
        assert sorted(ended) == ["open", "went_live"], "one state change, one controller, one stored freeze"
    finally:
        for controller in (first, second):
            if controller is not None:
                controller.shutdown()
        bridge.shutdown()


def test_a_pictures_controller_takes_up_a_run_and_checks_it_but_stores_nothing(
    qtbot: QtBot, clocked: SimulatorThread, clock: ManualClock, settings: Settings
) -> None:
    """fix24b: a picture's run (--screenshot, `records` False) takes up the run left open and shows it checked, but
    the run's stored items, its end at go-live and the show it went live with are left as the consoles that record
    the room store them."""
    from datetime import UTC, datetime

    from checklists.loader import load_all

    storage = Storage(default_url())
    storage.migrate()
    bridge = ObsBridge(backoff_initial=0.1, backoff_max=0.5, clock=clock)
    controller: ChecklistController | None = None
    try:
        left_open = ChecklistRun(load_all()[0]["streamer-go-live"], "小李", "demo", datetime.now(UTC))
        run_id = storage.save_run(left_open, "zh_CN")
        stored = storage.run(run_id)
        settings.set("checklists/active_run", run_id)
        bridge.connect_to(Endpoint("127.0.0.1", clocked.port, PASSWORD), None, demo=True)  # the demo room
        qtbot.waitUntil(lambda: bridge.tracker.status.state is LinkState.CONNECTED, timeout=10000)
        controller = ChecklistController(bridge, settings)
        controller.records = False
        controller.resume()
        qtbot.waitUntil(lambda: controller is not None and controller.run is not None, timeout=10000)
        run = controller.run
        assert run is not None and controller.run_id == run_id
        controller.recheck()
        qtbot.waitUntil(
            running(clock, lambda: not controller.checking and run.states["opening-scene"].status is ItemStatus.PASSED),
            timeout=15000,
        )
        bridge.request("StartStream")
        qtbot.waitUntil(running(clock, lambda: run.end is RunEnd.WENT_LIVE), timeout=5000)
        controller.wait_idle()
        assert storage.run(run_id) == stored, "the run is stored as the console that left it open stored it"
        assert [row.id for row in storage.runs()] == [run_id]
    finally:
        if controller is not None:
            controller.shutdown()
        bridge.shutdown()
        storage.close()
