"""Which inputs are a room's microphones: set in the Rooms dialog, kept in rooms.json, used by the audio rules at
once; a broken setting in rooms.json is reported, never half-read."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console
from console.core.rooms import Room, RoomStore
from console.settings import Settings, config_dir
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, start
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
