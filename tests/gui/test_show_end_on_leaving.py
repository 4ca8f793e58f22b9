"""The show a console records is marked ended when the console leaves it for good: a room switch (the console app
connects to the other room's OBS) ends the room left's show, and a clean quit ends a show whose stream is over — a
console quit on air keeps its show open, so a restart within 15 minutes continues it. Before, only a room change on
the same OBS ended the show: a switch to another room's OBS and every quit left it "not ended" for the Shows
browser, resumable by a console coming back. On SQLite, with the simulator's real protocol."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import Console
from console.core.rooms import Room
from console.core.storage import ShowRow, Storage
from console.settings import Settings
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import start


def _show_of(qtbot: QtBot, console: Console, room: str) -> int:
    qtbot.waitUntil(
        lambda: (
            (session := console.bridge.session) is not None and session.name == room and session.show_id is not None
        ),
        timeout=15000,
    )
    session = console.bridge.session
    assert session is not None and session.show_id is not None
    return session.show_id


def _in_room_b(qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings, port: int) -> Console:
    console = start(qapp, consoles, settings, demo=True)
    assert console.save_room(Room("Room B", "127.0.0.1", port), None, PASSWORD) is None
    assert console.connect_room("Room B", ask=False) is None
    return console


def _ended_at(show_id: int) -> datetime | None:
    storage = Storage()
    try:
        with storage.engine.connect() as connection:
            return connection.execute(select(ShowRow.ended_at).where(ShowRow.id == show_id)).scalar_one()
    finally:
        storage.close()


def _on_air_then(qtbot: QtBot, console: Console, streaming: bool) -> None:
    """The stream started (and stopped unless `streaming`), with a second of it on air recorded by the show."""
    console.bridge.request("StartStream")
    session = console.bridge.session
    assert session is not None
    qtbot.waitUntil(lambda: session.telemetry.value("streaming") == 1.0, timeout=10000)
    # On air as the quit judges it too (RoomSession.show_over reads OBS's state, not the recorded second).
    qtbot.waitUntil(lambda: console.bridge.state.stream.active, timeout=10000)
    if not streaming:
        console.bridge.request("StopStream")
        qtbot.waitUntil(
            lambda: not console.bridge.state.stream.active and console.bridge.state.connected, timeout=10000
        )


def test_a_room_switch_ends_the_show_of_the_room_left(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings, sim: SimulatorThread
) -> None:
    console = start(qapp, consoles, settings, demo=True)
    demo_show = _show_of(qtbot, console, "demo")
    assert console.save_room(Room("Room B", "127.0.0.1", sim.port), None, PASSWORD) is None
    assert console.connect_room("Room B", ask=False) is None
    room_b_show = _show_of(qtbot, console, "Room B")
    qtbot.waitUntil(lambda: _ended_at(demo_show) is not None, timeout=15000)
    ended = _ended_at(demo_show)
    assert ended is not None and (datetime.now(UTC) - ended.replace(tzinfo=UTC)).total_seconds() < 60
    assert _ended_at(room_b_show) is None, "the room the console is in goes on"


def test_a_clean_quit_after_the_stream_stopped_ends_the_show(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings, sim: SimulatorThread
) -> None:
    console = _in_room_b(qtbot, qapp, consoles, settings, sim.port)
    show = _show_of(qtbot, console, "Room B")
    _on_air_then(qtbot, console, streaming=False)
    consoles.remove(console)
    console.window.close()
    console.shutdown()
    assert _ended_at(show) is not None, "the show's stream was over: quitting ended it"


def test_a_clean_quit_on_air_keeps_the_show_for_a_restart(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings, sim: SimulatorThread
) -> None:
    console = _in_room_b(qtbot, qapp, consoles, settings, sim.port)
    show = _show_of(qtbot, console, "Room B")
    _on_air_then(qtbot, console, streaming=True)
    consoles.remove(console)
    console.window._leaving_confirmed = True  # "Quit anyway": the stream goes on in OBS
    console.window.close()
    console.shutdown()
    assert _ended_at(show) is None, "on air: a restart continues the show"
    again = _in_room_b(qtbot, qapp, consoles, settings, sim.port)
    assert _show_of(qtbot, again, "Room B") == show


def test_a_clean_quit_of_the_demo_room_on_air_ends_its_show(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    """The demo room's simulated OBS ends with the console: its stream cannot go on, so a quit on air ends the show
    (it was left open, and a demo started within 15 minutes took up a show whose stream was long gone)."""
    console = start(qapp, consoles, settings, demo=True)
    show = _show_of(qtbot, console, "demo")
    _on_air_then(qtbot, console, streaming=True)
    consoles.remove(console)
    console.window._leaving_confirmed = True
    console.window.close()
    console.shutdown()
    assert _ended_at(show) is not None, "the demo's stream ended with the console"
