"""Rooms in the console: --room, the last room on start, the Rooms dialog, passwords to the keyring."""

from __future__ import annotations

import json
import socket

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from console.app import Console, Options
from console.core.rooms import Room, RoomStore
from console.settings import Settings, config_dir
from obs.messages import LinkState
from obs.protocol import DEFAULT_PORT
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, start
from tests.keyring_memory import MemoryKeyring


def test_room_from_the_command_line_uses_the_keyring_password(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    memory_keyring: MemoryKeyring,
) -> None:
    RoomStore(config_dir() / "rooms.json").put(Room("一号直播间", "127.0.0.1", sim.port))
    memory_keyring.set_password("onair-console", "room:一号直播间", PASSWORD)
    console = start(qapp, consoles, settings, room="一号直播间")
    connected(qtbot, console)
    assert "一号直播间" in console.window.windowTitle() and console.window.banner.isHidden()
    assert console.simulator is None


def test_the_last_room_reconnects_on_start(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    memory_keyring: MemoryKeyring,
) -> None:
    RoomStore(config_dir() / "rooms.json").put(Room("B", "127.0.0.1", sim.port))
    memory_keyring.set_password("onair-console", "room:B", PASSWORD)
    first = start(qapp, consoles, settings, room="B")
    connected(qtbot, first)
    first.shutdown()
    second = start(qapp, consoles, settings)
    connected(qtbot, second)
    assert second.window.room == "B" and not second.window.demo


def test_a_hand_written_bare_list_of_rooms_connects_and_is_saved_in_full_form(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    memory_keyring: MemoryKeyring,
) -> None:
    """fix26j: `onair --room "Room A — Beauty"` with a rooms.json holding only the list of rooms said "no room called
    … (rooms: none saved yet)", then that the file held no list of rooms, and set it aside. The room connects, and
    the file is written in the full form with the user's room (and now the last one) kept."""
    path = config_dir() / "rooms.json"
    path.write_text(json.dumps([{"name": "Room A — Beauty", "host": "127.0.0.1", "port": sim.port}]), "utf-8")
    memory_keyring.set_password("onair-console", "room:Room A — Beauty", PASSWORD)
    console = start(qapp, consoles, settings, room="Room A — Beauty")
    connected(qtbot, console)
    assert "Room A — Beauty" in console.window.windowTitle() and console.rooms.load_problems == []
    assert json.loads(path.read_text("utf-8")) == {
        "version": 1,
        "last": "Room A — Beauty",
        "rooms": [{"name": "Room A — Beauty", "host": "127.0.0.1", "port": sim.port}],
    }
    assert not list(path.parent.glob("rooms.json.broken-*"))


def test_an_unknown_room_is_a_clear_error(qapp: QApplication, settings: Settings) -> None:
    RoomStore(config_dir() / "rooms.json").put(Room("A", "127.0.0.1", 4455))
    with pytest.raises(ValueError, match=r"no room called “Z” \(rooms: A\)"):
        Console(qapp, Options(room="Z"), settings)


def test_an_unknown_room_in_an_unreadable_file_says_the_file_first_and_never_none_saved(
    qapp: QApplication, settings: Settings
) -> None:
    """fix26j: "no room called … (rooms: none saved yet)" of a file that could not be read, then that it could not
    be read. The read problem is said first, once, then the room missing, with no claim about rooms saved."""
    path = config_dir() / "rooms.json"
    path.write_text('{"rooms": 5}', "utf-8")
    with pytest.raises(ValueError) as raised:
        Console(qapp, Options(room="Z"), settings)
    [kept] = path.parent.glob("rooms.json.broken-*")
    assert str(raised.value).splitlines() == [
        f"The saved rooms could not be read (it holds no list of rooms); the file is kept as {kept}.",
        "there is no room called “Z”",
    ]


def test_rooms_dialog_adds_a_room_and_connects(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    memory_keyring: MemoryKeyring,
) -> None:
    console = start(qapp, consoles, settings, demo=True)
    connected(qtbot, console)
    assert console.window.banner.isVisible()
    console.show_rooms()
    dialog = console.rooms_dialog
    assert dialog is not None
    dialog.new_button.click()
    dialog.name.setText("二号直播间")
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(sim.port)
    dialog.password.setText(PASSWORD)
    dialog.port.setValue(70000 % 65536)  # spin boxes clamp: a user cannot type an impossible port
    dialog.port.setValue(sim.port)
    dialog.save_button.click()
    assert dialog.problem.text() == ""
    assert memory_keyring.get_password("onair-console", "room:二号直播间") == PASSWORD
    assert dialog.keyring_note.text() == "The password is kept in the system keyring, never in a file."
    assert "s3cret" not in (config_dir() / "rooms.json").read_text(encoding="utf-8")
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: console.window.room == "二号直播间", timeout=5000)
    connected(qtbot, console)
    assert console.window.banner.isHidden() and console.simulator is None, "leaving the demo stops the simulator"
    assert RoomStore(config_dir() / "rooms.json").last == "二号直播间"


def test_rooms_dialog_explains_bad_input(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    console = start(qapp, consoles, settings, demo=True)
    console.show_rooms()
    dialog = console.rooms_dialog
    assert dialog is not None
    dialog.new_button.click()
    dialog.name.setText("C")
    dialog.host.setText("my obs pc")
    dialog.save_button.click()
    assert "spaces" in dialog.problem.text()
    assert RoomStore(config_dir() / "rooms.json").rooms() == []


def test_a_password_typed_after_a_refusal_connects_and_is_remembered(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    memory_keyring: MemoryKeyring,
) -> None:
    RoomStore(config_dir() / "rooms.json").put(Room("C", "127.0.0.1", sim.port))
    console = start(qapp, consoles, settings, room="C")
    qtbot.waitUntil(lambda: console.bridge.tracker.status.state is LinkState.AUTH_FAILED, timeout=10000)
    console.enter_password(PASSWORD)
    connected(qtbot, console)
    assert memory_keyring.get_password("onair-console", "room:C") == PASSWORD


def test_a_refused_password_is_entered_from_the_status_bar_where_the_refusal_is_said(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`onair --url` to an OBS that wants a password: the status bar says OBS refused it and offers, beside it, the
    way to type it — the only other way was the Connection menu, which a first-day user does not look in."""
    asked: list[str] = []

    def get_text(*_args: object, **_kwargs: object) -> tuple[str, bool]:
        asked.append("password?")
        return PASSWORD, True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    console = start(qapp, consoles, settings, url=f"ws://127.0.0.1:{sim.port}")
    qtbot.waitUntil(lambda: console.bridge.tracker.status.state is LinkState.AUTH_FAILED, timeout=10000)
    bar = console.window.status
    qtbot.waitUntil(bar.password.isVisible)
    assert bar.password.text() == "Enter password…"
    bar.password.click()
    assert asked == ["password?"]
    connected(qtbot, console)
    qtbot.waitUntil(lambda: not bar.password.isVisible())


def test_a_room_that_does_not_connect_shows_none_of_the_demo_rooms_scenes_or_sound(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    memory_keyring: MemoryKeyring,
) -> None:
    """From the demo room to a saved room whose password OBS refuses: the Scenes and Audio docks emptied, as at a
    start in that room. They kept the demo room's four scenes and its meters frozen at their last levels under the
    new room's name — scenes and sound of a room the console never reached (fresh18's walk, the Rooms dialog)."""
    RoomStore(config_dir() / "rooms.json").put(Room("D", "127.0.0.1", sim.port))
    memory_keyring.set_password("onair-console", "room:D", "not the password")
    console = start(qapp, consoles, settings, demo=True)
    connected(qtbot, console)
    window = console.window
    qtbot.waitUntil(lambda: len(window.scenes.tiles) == 4 and len(window.audio.strips) > 0)
    assert console.connect_room("D", ask=False) is None
    qtbot.waitUntil(lambda: console.bridge.tracker.status.state is LinkState.AUTH_FAILED, timeout=10000)
    qtbot.waitUntil(lambda: not window.scenes.tiles and not window.audio.strips, timeout=5000)
    assert window.room == "D" and not window.demo


# The two first-start tests below use OBS's default port, 4455, which one opens and the other needs free: they
# stay in this one file, which pytest-xdist (`make test`: --dist loadfile) runs on one worker, one test at a time.
def port_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers do: TIME_WAIT is no owner
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def test_first_start_offers_the_obs_on_this_computer(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not port_free(DEFAULT_PORT):
        pytest.skip("something else listens on 4455 here")
    asked: list[str] = []

    def question(*_args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append("use?")
        return QMessageBox.StandardButton.Yes

    def get_text(*_args: object, **_kwargs: object) -> tuple[str, bool]:
        asked.append("password?")
        return PASSWORD, True

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QInputDialog, "getText", get_text)
    with SimulatorThread(port=DEFAULT_PORT, password=PASSWORD):
        console = start(qapp, consoles, settings)
        connected(qtbot, console)
        assert asked == ["use?", "password?"]
        assert console.window.room == "This computer" and not console.window.demo
        assert memory_keyring.get_password("onair-console", "room:This computer") == PASSWORD
        console.shutdown()


def test_first_start_without_obs_opens_the_demo(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not port_free(DEFAULT_PORT):
        pytest.skip("something listens on 4455 here")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("nothing to offer"))
    console = start(qapp, consoles, settings)
    connected(qtbot, console)
    assert console.window.demo and console.window.banner.isVisible()


def test_without_a_keyring_the_rooms_dialog_says_the_password_lasts_this_session_only(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings, sim: SimulatorThread
) -> None:
    """walk20: on a system with no keyring the dialog said "The password is kept in the system keyring", and at the
    next start the console had no password for the room."""
    import keyring
    import keyring.backends.fail

    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]  # keyring's backend is unannotated
    try:
        console = start(qapp, consoles, settings, demo=True)
        console.show_rooms()
        dialog = console.rooms_dialog
        assert dialog is not None
        note = dialog.keyring_note.text()
        assert "no keyring" in note and "this session only" in note and "kept in the system keyring" not in note
        dialog.new_button.click()
        dialog.name.setText("二号直播间")
        dialog.host.setText("127.0.0.1")
        dialog.port.setValue(sim.port)
        dialog.password.setText(PASSWORD)
        dialog.save_button.click()
        assert dialog.problem.text() == ""
        assert PASSWORD not in (config_dir() / "rooms.json").read_text(encoding="utf-8")
    finally:
        keyring.set_keyring(previous)


def test_without_a_keyring_a_restart_says_the_password_was_not_kept_and_asks_for_it(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """walk21: with no keyring a room's password lasts one session; at the next start the bar said "Wrong password —
    OBS asks for a password and none is set for this room" of a room whose password had been set, and nothing asked
    for it. It says the password was not kept, and asks for it, once."""
    import keyring
    import keyring.backends.fail

    seen: list[str] = []
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]  # keyring's backend is unannotated
    try:
        RoomStore(config_dir() / "rooms.json").put(Room("E", "127.0.0.1", sim.port))
        console = start(qapp, consoles, settings, room="E")

        def get_text(*_args: object, **_kwargs: object) -> tuple[str, bool]:
            seen.append(console.window.status.text.text())
            return PASSWORD, True

        monkeypatch.setattr(QInputDialog, "getText", get_text)
        qtbot.waitUntil(lambda: len(seen) == 1, timeout=10000)
        connected(qtbot, console)
    finally:
        keyring.set_keyring(previous)
    said = seen[0]
    assert said.startswith("Password not kept") and "no keyring" in said and "Enter it again" in said
    assert "none is set" not in said
    assert len(seen) == 1


def test_a_room_whose_password_is_kept_but_wrong_is_not_said_to_be_unkept(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With a keyring, a room without a password that OBS wants one for is told as before, and nothing pops up."""
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: pytest.fail("asked without a reason"))
    RoomStore(config_dir() / "rooms.json").put(Room("F", "127.0.0.1", sim.port))
    console = start(qapp, consoles, settings, room="F")
    qtbot.waitUntil(lambda: console.bridge.tracker.status.state is LinkState.AUTH_FAILED, timeout=10000)
    bar = console.window.status
    qtbot.waitUntil(bar.password.isVisible)
    assert bar.text.text().startswith("Wrong password") and "none is set" in bar.text.text()
