"""Leaving a room that is on air asks first, whichever way the console is asked to leave it (walk14: Connection ▸
Open the demo room left a live room at once, without a word, where Quit asks), and the question names the room left
on air (walk15: "OBS is streaming live. Switch the console to “Room B”?" did not say which OBS)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from console.app import Console
from console.settings import Settings
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, start
from tests.gui.test_alerts_console import saved_room


def live(qtbot: QtBot, console: Console) -> None:
    console.window.output.confirm = lambda *args: True
    console.window.output.stream_button.click()
    qtbot.waitUntil(lambda: console.window.on_air() != "", timeout=10000)


def answer(qtbot: QtBot, console: Console, button: QMessageBox.StandardButton) -> str:
    qtbot.waitUntil(lambda: console.window.studio_question is not None and console.window.studio_question.isVisible())
    question = console.window.studio_question
    assert question is not None
    words = f"{question.text()} {question.informativeText()}"
    assert question.defaultButton() is question.button(QMessageBox.StandardButton.No), "Enter must not leave"
    question.button(button).click()
    return words


def test_leaving_a_live_room_for_the_demo_room_or_another_room_asks_first(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, tmp_path: Path
) -> None:
    rooms = {name: SimulatorThread(password=PASSWORD, seed=5).start() for name in ("Room A", "Room B")}
    try:
        for name, sim in rooms.items():
            saved_room(tmp_path, sim, name)
        console = start(qapp, consoles, settings, room="Room A", lang="en")
        connected(qtbot, console)
        live(qtbot, console)

        console.window.action_demo.trigger()
        words = answer(qtbot, console, QMessageBox.StandardButton.No)
        assert "“Room A”: OBS is streaming live." in words and "the demo room" in words, words
        assert "The OBS of “Room A” keeps going, but this console stops showing" in words, words
        assert console.window.room == "Room A" and not console.window.demo, "No keeps the room"

        assert console.connect_room("Room B") is None  # the Rooms dialog's Connect
        words = answer(qtbot, console, QMessageBox.StandardButton.Yes)
        assert "“Room A”: OBS is streaming live." in words and "“Room B”" in words, words
        qtbot.waitUntil(lambda: console.window.room == "Room B", timeout=10000)
        connected(qtbot, console)
        assert rooms["Room A"].call(lambda s: s.room.stream.active), "the left room's OBS carries on"
    finally:
        for sim in rooms.values():
            sim.stop()


def test_off_air_the_demo_room_opens_at_once(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, tmp_path: Path, sim: SimulatorThread
) -> None:
    saved_room(tmp_path, sim, "Room A")
    console = start(qapp, consoles, settings, room="Room A", lang="en")
    connected(qtbot, console)
    console.window.action_demo.trigger()
    qtbot.waitUntil(lambda: console.window.demo, timeout=10000)
    assert console.window.studio_question is None or not console.window.studio_question.isVisible()
