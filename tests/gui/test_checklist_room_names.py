"""A room whose OBS calls its scenes otherwise than the demo room: the checklist asks which of OBS's own scenes is
the room's opening scene, keeps the answer with the room, and the item passes at once."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from checklists.engine import ItemStatus
from console.app import Console
from console.core.rooms import Room, RoomStore, Secrets
from console.mainwindow import MainWindow
from console.settings import Settings, config_dir
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, start, wait_connected
from tests.gui.test_checklist_dock import running, start_run
from tests.keyring_memory import MemoryKeyring


def _room_window(
    make_window: Callable[..., MainWindow],
    port: int,
    store: RoomStore,
    clock: ManualClock,
    popped: list[object],
    connect: bool = True,
) -> MainWindow:
    window: MainWindow = make_window(port, clock=clock, connect=connect)
    window.checklists.rooms = store  # as the application hands it its saved rooms
    window.set_room("Studio B", demo=False)
    # The offscreen platform cannot show a pop-up menu (it warns): where it would open is noted instead.
    window.checklist.choose_menu.popup = popped.append  # type: ignore[method-assign,assignment]
    return window


def rename(qtbot: QtBot, window: MainWindow, clock: ManualClock, old: str, new: str) -> None:
    """A scene renamed in OBS, as a person does it there (the console follows OBS's event)."""
    window.bridge.request("SetSceneName", {"sceneName": old, "newSceneName": new})
    qtbot.waitUntil(running(clock, lambda: new in window.bridge.state.scenes), timeout=5000)


def test_choosing_the_rooms_opening_scene_from_obs_keeps_it_and_the_item_passes(
    qtbot: QtBot, clocked: SimulatorThread, clock: ManualClock, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    store = RoomStore(tmp_path / "rooms.json")
    store.put(Room("Studio B", "127.0.0.1", clocked.port).with_checklist_name("mic", "麦克风"))
    popped: list[object] = []
    window = _room_window(make_window, clocked.port, store, clock, popped)
    wait_connected(qtbot, window)
    rename(qtbot, window, clock, "等待开始", "Opening")  # this room's OBS: "Opening" on program
    start_run(qtbot, window, clock=clock)
    controller, panel = window.checklists, window.checklist
    run = controller.run
    assert run is not None and run.room == "Studio B"
    state = run.states["opening-scene"]
    assert state.status is ItemStatus.ERROR
    assert panel._rows["opening-scene"].text(2).startswith("No OBS scene is chosen as this room's opening scene")
    assert run.states["mic-live"].status is ItemStatus.PASSED, "the room's own microphone name"
    assert run.states["camera-picture"].status is ItemStatus.ERROR, "the camera is not named either"
    assert panel._names_box.isVisible()
    panel.select("opening-scene")
    assert panel.names_hint.text() == "Which OBS scene is this room's “Opening scene”? (1 more to choose)"
    panel.choose_button.click()
    assert len(popped) == 1, "the list opened under the button"
    offered = [a.text() for a in panel.choose_menu.actions()]
    assert offered == list(window.bridge.state.scenes) and "Opening" in offered, "OBS's own scenes, in its order"
    next(a for a in panel.choose_menu.actions() if a.text() == "Opening").trigger()
    assert RoomStore(tmp_path / "rooms.json").get("Studio B").names == {  # type: ignore[union-attr]
        "opening_scene": "Opening",
        "mic": "麦克风",
    }, "kept with the room, the names it had too"
    qtbot.waitUntil(running(clock, lambda: run.states["opening-scene"].status is ItemStatus.PASSED), timeout=10000)
    assert panel._rows["opening-scene"].text(2) == "“Opening” is on program."
    assert panel.names_hint.text() == "Which OBS source is this room's “Camera”?", "the next one is asked"
    # A name the room has that OBS has not (renamed in OBS since): asked again, with the name it had.
    rename(qtbot, window, clock, "Opening", "Intro")
    panel.select("opening-scene")
    panel._show_names()
    assert panel.names_hint.text().startswith("OBS has no “Opening”: which is this room's “Opening scene”?")


def test_without_obs_the_choice_says_obs_is_not_connected_instead_of_an_empty_list(
    qtbot: QtBot, clock: ManualClock, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    store = RoomStore(tmp_path / "rooms.json")
    store.put(Room("Studio B", "127.0.0.1", 1))
    popped: list[object] = []
    window = _room_window(make_window, 1, store, clock, popped, connect=False)
    panel = window.checklist
    panel.template.setCurrentIndex(panel.template.findData("streamer-go-live"))
    panel.operator.setText("小李")
    panel.start_button.click()
    assert window.checklists.run is not None
    assert panel._names_box.isVisible()
    panel.choose_button.click()
    [only] = panel.choose_menu.actions()
    assert only.text() == "OBS is not connected: its list shows once it is" and not only.isEnabled()
    assert len(popped) == 1


def test_the_console_keeps_a_choice_with_its_saved_room_and_the_rooms_dialog_shows_and_keeps_it(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    memory_keyring: MemoryKeyring,
) -> None:
    RoomStore(config_dir() / "rooms.json").put(Room("Studio B", "127.0.0.1", sim.port))
    Secrets().set("Studio B", PASSWORD)
    console = start(qapp, consoles, settings, room="Studio B", lang="en")
    connected(qtbot, console)
    window = console.window
    window.bridge.request("SetSceneName", {"sceneName": "暂时离开", "newSceneName": "BRB"})
    qtbot.waitUntil(lambda: "BRB" in window.bridge.state.scenes, timeout=5000)
    popped: list[object] = []
    panel = window.checklist
    panel.choose_menu.popup = popped.append  # type: ignore[method-assign,assignment]
    start_run(qtbot, window, "post-show-wrap-up")
    run = window.checklists.run
    assert run is not None and run.states["parking-scene"].status is ItemStatus.ERROR
    assert panel.names_hint.text() == "Which OBS scene is this room's “Break scene”?"
    panel.choose_button.click()
    next(a for a in panel.choose_menu.actions() if a.text() == "BRB").trigger()
    qtbot.waitUntil(lambda: run.states["parking-scene"].status is ItemStatus.FAILED, timeout=10000)
    assert run.states["parking-scene"].outcome.detail == "“等待开始” is on program, not “BRB”."  # type: ignore[union-attr]
    assert panel._names_box.isHidden(), "nothing left to choose"

    console.show_rooms()
    dialog = console.rooms_dialog
    assert dialog is not None and dialog.name.text() == "Studio B"
    assert dialog.checklist_names.text() == "Break scene: BRB"
    dialog.mics.setText("麦克风")
    dialog.save_button.click()
    assert dialog.problem.text() == ""
    saved = json.loads((config_dir() / "rooms.json").read_text(encoding="utf-8"))["rooms"][0]
    assert saved["mics"] == ["麦克风"] and saved["checklist_names"] == {"break_scene": "BRB"}, "kept on edit"
    dialog.new_button.click()
    assert dialog.checklist_names.text() == "None chosen yet (Checklist dock: Choose…)"


def test_an_address_without_a_saved_room_checks_the_demo_names_and_keeps_a_choice_for_this_session_saying_so(
    qtbot: QtBot, clocked: SimulatorThread, clock: ManualClock, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window: MainWindow = make_window(clocked.port, clock=clock)  # an address: no saved room
    window.checklists.rooms = RoomStore(tmp_path / "rooms.json")
    popped: list[object] = []
    window.checklist.choose_menu.popup = popped.append  # type: ignore[method-assign,assignment]
    wait_connected(qtbot, window)
    rename(qtbot, window, clock, "等待开始", "Opening")
    start_run(qtbot, window, clock=clock)
    controller, panel = window.checklists, window.checklist
    run = controller.run
    assert run is not None and run.states["opening-scene"].status is ItemStatus.FAILED
    assert run.states["camera-picture"].status is ItemStatus.PASSED, "the demo room's names, as before"
    assert panel.names_hint.text() == "OBS has no “等待开始”: which is this room's “Opening scene”?"
    panel.choose_button.click()
    assert [a.isChecked() for a in panel.choose_menu.actions()] == [False] * len(window.bridge.state.scenes)
    next(a for a in panel.choose_menu.actions() if a.text() == "Opening").trigger()
    assert panel.problems.text() == (
        "“Opening” is used for this session only: only a saved room (Connection ▸ Rooms…) keeps its names."
    )
    qtbot.waitUntil(running(clock, lambda: run.states["opening-scene"].status is ItemStatus.PASSED), timeout=10000)
    assert controller.names()["opening_scene"] == "Opening" and panel._names_box.isHidden()
    assert not (tmp_path / "rooms.json").exists(), "nothing written for a room that is not saved"


# A real pop-up menu: the offscreen platform opens it, and says it cannot grab the keyboard for it (keys are sent
# to the menu itself here).
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_after_a_choice_by_mouse_the_keys_work_on_the_items_again(
    qtbot: QtBot, clocked: SimulatorThread, clock: ManualClock, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    """walk21: a name picked with the mouse from Choose… left the keyboard on the button: C, O and Enter did nothing
    until the list of items was clicked. After a choice, and after the list of names is closed without one, the
    items have the keyboard."""
    store = RoomStore(tmp_path / "rooms.json")
    store.put(Room("Studio B", "127.0.0.1", clocked.port))
    window: MainWindow = make_window(clocked.port, clock=clock)
    window.checklists.rooms = store
    window.set_room("Studio B", demo=False)
    wait_connected(qtbot, window)
    window.activateWindow()
    start_run(qtbot, window, clock=clock)
    panel = window.checklist
    menu = panel.choose_menu
    assert panel.names_hint.text().startswith("Which OBS scene is this room's “Opening scene”?")
    QTest.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)  # the mouse: the button takes the keyboard
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    first = menu.actions()[0].text()
    QTest.keyClick(menu, Qt.Key.Key_Down)  # the menu's own keys: the offscreen screen takes no click on it
    QTest.keyClick(menu, Qt.Key.Key_Return)
    assert store.get("Studio B").names == {"opening_scene": first}  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.tree, timeout=3000)
    assert panel.names_hint.text().startswith("Which OBS source is this room's “Camera”?"), "the next one asked"
    QTest.keyClick(panel.tree, Qt.Key.Key_C)  # the widget with the keyboard, as just asserted
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    QTest.keyClick(menu, Qt.Key.Key_Escape)  # closed without a choice
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.tree, timeout=3000)
    assert store.get("Studio B").names == {"opening_scene": first}  # type: ignore[union-attr]
