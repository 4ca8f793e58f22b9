"""Which inputs are a room's microphones: set in the Rooms dialog, kept in rooms.json, used by the audio rules at
once; a broken setting in rooms.json is reported, never half-read."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console
from console.core.rooms import Room, RoomStore, Secrets
from console.settings import Settings, config_dir
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, start
from tests.gui.test_checklist_dock import start_run
from tests.keyring_memory import MemoryKeyring


def test_the_rooms_microphones_are_set_in_the_dialog_and_name_the_input_the_rules_watch(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    memory_keyring: MemoryKeyring,
) -> None:
    console = start(qapp, consoles, settings, demo=True)
    connected(qtbot, console)
    console.show_rooms()
    dialog = console.rooms_dialog
    assert dialog is not None
    dialog.new_button.click()
    dialog.name.setText("三号直播间")
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(sim.port)
    dialog.password.setText(PASSWORD)
    dialog.mics.setText("桌面音频， 麦克风, 桌面音频")  # a Chinese comma and a repeat, as people type
    dialog.save_button.click()
    assert dialog.problem.text() == ""
    saved = json.loads((config_dir() / "rooms.json").read_text(encoding="utf-8"))["rooms"][0]
    assert saved["mics"] == ["桌面音频", "麦克风"]
    dialog.connect_button.click()
    connected(qtbot, console)
    assert console.telemetry.mics == ("桌面音频", "麦克风")
    qtbot.waitUntil(lambda: console.telemetry.health.audio is not None, timeout=5000)
    roles = {i.name: i.role for i in console.telemetry.health.audio.inputs}  # type: ignore[union-attr]
    assert roles["桌面音频"] == "mic" and roles["麦克风"] == "mic"

    console.show_rooms()
    dialog.mics.clear()  # back to detection
    dialog.save_button.click()
    # mypy keeps what it narrowed mics to above; saving the dialog changed it since
    assert console.telemetry.mics == (), "an edit of the room in use applies at once"  # type: ignore[comparison-overlap]
    assert "mics" not in json.loads((config_dir() / "rooms.json").read_text(encoding="utf-8"))["rooms"][0]


def test_a_broken_microphone_setting_in_rooms_json_is_reported_and_the_file_kept(tmp_path: Path) -> None:
    path = tmp_path / "rooms.json"
    path.write_text(json.dumps({"rooms": [{"name": "A", "host": "h", "mics": "麦克风"}]}), encoding="utf-8")
    store = RoomStore(path)
    assert store.rooms() == [] and store.load_problem is not None
    assert "mics" in str(store.load_problem) and list(tmp_path.glob("rooms.json.broken-*"))
    assert Room.from_json({"name": "B", "host": "h", "mics": ["Mic/Aux"]}).mics == ("Mic/Aux",)


def test_the_microphone_chosen_for_the_checklists_is_the_one_the_audio_rules_listen_to(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    memory_keyring: MemoryKeyring,
) -> None:
    """walk20: the assistant chose the room's microphone in the Checklist dock (Choose…), the streamer muted it on
    air, and the Health dock said nothing of a muted microphone: the audio rules knew only the Rooms dialog's own
    Microphones field (empty) and names with mic or 麦 in them, which a lavalier called "领夹" does not have."""
    RoomStore(config_dir() / "rooms.json").put(Room("Studio B", "127.0.0.1", sim.port))
    Secrets().set("Studio B", PASSWORD)
    console = start(qapp, consoles, settings, room="Studio B", lang="en")
    connected(qtbot, console)
    window = console.window
    window.bridge.request("SetInputName", {"inputName": "麦克风", "newInputName": "领夹"})
    qtbot.waitUntil(lambda: "领夹" in {i.name for i in window.bridge.state.inputs}, timeout=5000)
    assert console.telemetry.mics == ()
    panel = window.checklist
    popped: list[object] = []
    panel.choose_menu.popup = popped.append  # type: ignore[method-assign,assignment]
    start_run(qtbot, window, "host-assistant-pre-show")
    while not panel.names_hint.text().startswith("Which OBS input is this room's “Microphone”?"):
        assert not panel._names_box.isHidden(), panel.names_hint.text()
        panel.choose_button.click()
        next(a for a in panel.choose_menu.actions() if a.text()).trigger()  # any: only the microphone matters
    panel.choose_button.click()
    next(a for a in panel.choose_menu.actions() if a.text() == "领夹").trigger()

    # mypy keeps the () it narrowed mics to above; the choice changed it since
    assert console.telemetry.mics == ("领夹",), "chosen in the Checklist dock, listened to at once"  # type: ignore[comparison-overlap]
    qtbot.waitUntil(lambda: console.telemetry.health.audio is not None, timeout=5000)
    qtbot.waitUntil(
        lambda: {i.name: i.role for i in console.telemetry.health.audio.inputs}.get("领夹") == "mic",  # type: ignore[union-attr]
        timeout=5000,
    )
    console.show_rooms()
    dialog = console.rooms_dialog
    assert dialog is not None and dialog.mics.text() == ""
    assert dialog.mics.placeholderText() == "the checklists' microphone: 领夹"

    again = RoomStore(config_dir() / "rooms.json").get("Studio B")
    assert again is not None and again.microphones == ("领夹",), "kept with the room for the next start"
