"""A room's console on the studio's PostgreSQL publishes the room to the studio's wall by itself (#21, shared
mode): the supervisor's SharedStudio sees the room go on air, with its scene; a second console claiming the same
room is refused, and says so in its event log; the demo room is never published."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from checklists.engine import ChecklistRun, ItemState, ItemStatus
from checklists.loader import load_all
from console.app import Console
from console.core.rooms import Room
from console.core.storage import Storage
from console.core.studio.shared import SharedStudio
from console.core.studio.status import Checklist, Prep, RoomStatus
from console.settings import Settings
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import ObsSimulator, SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, start

ROOM = "三号直播间 'A'"


def go_live(sim: ObsSimulator) -> None:
    HANDLERS["SetCurrentProgramScene"](sim, {"sceneName": "直播中"})
    HANDLERS["StartStream"](sim, {})


class Wall:
    def __init__(self) -> None:
        self.newest: dict[str, RoomStatus] = {}

    def changed(self, statuses: list[RoomStatus]) -> None:
        for status in statuses:
            self.newest[status.room] = status


def test_a_room_console_on_the_studios_postgresql_is_on_the_wall(
    postgres_url: str,  # first: the database outlives the consoles, which close before it is dropped
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ONAIR_DATABASE_URL", postgres_url)
    console = start(qapp, consoles, settings, demo=True, lang="en")
    assert console.studio.enabled and console.studio.publisher is None, "the demo room is not published"
    assert console.save_room(Room(ROOM, "127.0.0.1", sim.port), None, PASSWORD) is None
    assert console.connect_room(ROOM) is None
    connected(qtbot, console)
    sim.call(go_live)
    wall = Wall()
    studio = SharedStudio(postgres_url)
    try:
        studio.subscribe(wall.changed, lambda problem, detail: None)
        qtbot.waitUntil(
            lambda: (s := wall.newest.get(ROOM)) is not None and s.on_air and s.program_scene == "直播中",
            timeout=20000,
        )
        status = wall.newest[ROOM]
        assert status.link == "connected" and status.console == console.studio.console
        assert "demo" not in wall.newest, "the simulated demo room never reaches a studio's wall"

        # A second console claiming the same room is refused, and says so in its own words.
        second = start(qapp, consoles, settings, demo=True, lang="zh_CN")
        second.connect_room(ROOM)
        holder = console.studio.console
        qtbot.waitUntil(lambda: any(holder in text for _, text in second.window.event_log.lines()), timeout=20000)
        said = next(text for _, text in second.window.event_log.lines() if holder in text)
        assert ROOM in said and any("\u4e00" <= ch <= "\u9fff" for ch in said.replace(ROOM, "")), said
        assert wall.newest[ROOM].console == holder, "the first console keeps the room"
    finally:
        studio.close()


def test_a_list_completed_before_a_restart_or_on_another_console_is_the_rooms_prep_on_the_wall(
    postgres_url: str,  # first: the database outlives the consoles, which close before it is dropped
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """walk22: in shared mode a room whose pre-show list 王丽 had completed (before the console's restart, or on
    another console) read "Prep: not started" on the wall: only the console's own run in memory was asked. Here
    the list is completed on another console after this one came into the room (it holds no run of the room)."""
    monkeypatch.setenv("ONAIR_DATABASE_URL", postgres_url)
    console = start(qapp, consoles, settings, demo=True, lang="en")
    assert console.save_room(Room(ROOM, "127.0.0.1", sim.port), None, PASSWORD) is None
    assert console.connect_room(ROOM) is None
    connected(qtbot, console)
    console.checklists.wait_idle()  # the room's stored list looked up on coming in: there was none
    qapp.processEvents()
    assert console.checklists.room_pre_show() is None, "this console holds no run of the room"
    done = ChecklistRun(load_all()[0]["host-assistant-pre-show"], "王丽", ROOM)
    for item in done.template.items:
        done.states[item.id] = ItemState(ItemStatus.PASSED)
    done.complete("王丽")
    storage = Storage(postgres_url)
    try:
        storage.migrate()
        storage.save_run(done, "zh_CN")
    finally:
        storage.close()
    wall = Wall()
    studio = SharedStudio(postgres_url)
    try:
        studio.subscribe(wall.changed, lambda problem, detail: None)
        # A status published before the list was saved says "no list" (a nameless NO_RUN): wait for the list read.
        qtbot.waitUntil(
            lambda: (s := wall.newest.get(ROOM)) is not None and bool(s.checklist and s.checklist.name), timeout=20000
        )
        total = len(done.template.items)
        assert wall.newest[ROOM].checklist == Checklist(done.template.title["en"], Prep.PASSED, total, total, 0)
    finally:
        studio.close()


def test_what_the_wall_reads_of_the_rooms_list_follows_the_run_and_reads_it_on_the_gui_thread_only(
    postgres_url: str,  # first: the database outlives the consoles, which close before it is dropped
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The reporter asks for the room's list each second from the session's driving thread, which in the console is
    the GUI thread (the bridge drains the session there), where the run is changed: the wall follows the run
    (started: running; an item confirmed: one more done; abandoned: failed), and the run is never read from another
    thread while the GUI thread changes it (a session driven elsewhere would make this fail)."""
    from PySide6.QtWidgets import QInputDialog

    from tests.gui.test_checklist_dock import start_run

    monkeypatch.setenv("ONAIR_DATABASE_URL", postgres_url)
    console = start(qapp, consoles, settings, demo=True, lang="en")
    read_on: set[str] = set()
    asked = console.studio._checklist

    def run_read() -> ChecklistRun | None:
        read_on.add(threading.current_thread().name)
        return asked()

    monkeypatch.setattr(console.studio, "_checklist", run_read)
    assert console.save_room(Room(ROOM, "127.0.0.1", sim.port), None, PASSWORD) is None
    assert console.connect_room(ROOM) is None
    connected(qtbot, console)
    wall = Wall()
    studio = SharedStudio(postgres_url)
    try:
        studio.subscribe(wall.changed, lambda problem, detail: None)
        start_run(qtbot, console.window)
        run = console.checklists.room_pre_show()
        assert run is not None
        total = len(run.template.items)
        title = run.template.title["en"]

        def said() -> Checklist | None:
            status = wall.newest.get(ROOM)
            return None if status is None else status.checklist

        qtbot.waitUntil(lambda: (c := said()) is not None and c.state is Prep.RUNNING, timeout=20000)
        running = said()
        assert running is not None and running.name == title and running.total == total
        console.window.checklist.select("script")
        console.window.checklist.confirm_selected()  # one more item done
        qtbot.waitUntil(lambda: (c := said()) is not None and c.done == running.done + 1, timeout=20000)
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("换主播了", True))
        console.window.checklist.abandon_button.click()
        qtbot.waitUntil(lambda: (c := said()) is not None and c.state is Prep.FAILED, timeout=20000)
        assert read_on == {threading.main_thread().name}, read_on
    finally:
        studio.close()
