"""A problem told to the team is told once however the room passes between sessions: a supervisor clicking the
direct wall's tiles during an incident (the console takes one room, the wall takes back the other), and a console
restarted mid-episode, each open the room's ongoing problems anew — the team hears no second "critical", and the
"resolved" comes once, for the episode it was told of. Real simulators on real sockets, the console's real alerts
(console/alerts_controller.py, console/core/alerts/rules.py) and a local server speaking the webhook protocol."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from console import studio_controller as studio
from console.app import Console
from console.core.alerts.config import Credentials
from console.core.rooms import Room, RoomStore, Secrets
from console.core.session import RoomSession
from console.core.studio.direct import DirectStudio
from console.settings import Settings
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import SimulatorThread
from obs.vocabulary import Kind
from tests.alert_servers import ChatPlatforms
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, start

ROOM_A, ROOM_B = "一号直播间", "二号直播间"


@pytest.fixture
def rooms() -> Iterator[dict[str, SimulatorThread]]:
    made = {name: SimulatorThread(password=PASSWORD, seed=31 + i).start() for i, name in enumerate((ROOM_A, ROOM_B))}
    try:
        yield made
    finally:
        for sim in made.values():
            sim.stop()


def configure(tmp_path: Path, server: ChatPlatforms, rooms: dict[str, SimulatorThread]) -> None:
    """One JSON webhook hearing every room's critical problems; both rooms saved with their passwords."""
    destinations = [{"name": "studio", "platform": "webhook", "min_severity": "critical"}]
    (tmp_path / "alerts.json").write_text(
        json.dumps({"version": 1, "language": "zh_CN", "destinations": destinations}, ensure_ascii=False),
        encoding="utf-8",
    )
    Secrets().set("studio", Credentials(server.url("webhook")).to_keyring(), Secrets.ALERTS)
    for name, sim in rooms.items():
        RoomStore(tmp_path / "rooms.json").put(Room(name, "127.0.0.1", sim.port))
        Secrets().set(name, PASSWORD)


def alerts(server: ChatPlatforms, state: str, room: str) -> list[dict[str, Any]]:
    """The stream-reconnect alerts of `room` in `state` the webhook received."""
    return [
        r.body
        for r in server.of("webhook")
        if r.body and r.body["state"] == state and r.body["room"] == room and r.body["finding"] == Kind.RECONNECT
    ]


def reconnecting(session: Callable[[], RoomSession | None]) -> Callable[[], bool]:
    """The session running the room now has judged its stream reconnecting (its own episode of the problem)."""

    def judged() -> bool:
        now = session()
        return now is not None and any(f.id == Kind.RECONNECT for f in now.health.active())

    return judged


def switch_to(qtbot: QtBot, console: Console, controller: studio.StudioController, room: str) -> None:
    """A tile clicked on the wall while the console's room is on air: the question asked, and Yes."""
    controller.wall.sig_room_opened.emit(room)
    window = console.window
    qtbot.waitUntil(lambda: window.studio_question is not None and window.studio_question.isVisible(), timeout=5000)
    question = window.studio_question
    assert isinstance(question, QMessageBox)
    button = question.button(QMessageBox.StandardButton.Yes)
    assert button is not None
    button.click()
    qtbot.waitUntil(lambda: console.bridge.session is not None and console.bridge.session.name == room, timeout=10000)


def test_clicking_the_walls_tiles_during_an_incident_tells_each_rooms_problem_once_and_resolves_it_once(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, server: ChatPlatforms,
    rooms: dict[str, SimulatorThread], tmp_path: Path,
) -> None:  # fmt: skip
    configure(tmp_path, server, rooms)
    console = start(qapp, consoles, settings, room=ROOM_A, lang="en")
    connected(qtbot, console)
    controller = console.window.open_studio()
    assert controller is not None and controller.mode == studio.DIRECT
    source = controller.source
    assert isinstance(source, DirectStudio)

    def on_wall(room: str) -> Callable[[], RoomSession | None]:
        """The wall's own session of the room (not the console's, which the wall adopts)."""
        return lambda: source.session(room) if source.driver(room) is not None else None

    def on_console(room: str) -> Callable[[], RoomSession | None]:
        return lambda: s if (s := console.bridge.session) is not None and s.name == room else None

    try:
        # Room B, watched by the wall: live, then its stream drops. Room A, the console's: the same.
        qtbot.waitUntil(lambda: on_wall(ROOM_B)() is not None, timeout=10000)
        rooms[ROOM_B].call(lambda sim: HANDLERS["StartStream"](sim, {}))
        console.bridge.request("StartStream")
        qtbot.waitUntil(lambda: console.bridge.state.stream.active, timeout=10000)
        qtbot.waitUntil(lambda: (s := on_wall(ROOM_B)()) is not None and s.state.stream.active, timeout=10000)
        for sim in rooms.values():
            sim.call(lambda sim: sim.stream_reconnect(600.0))
        qtbot.waitUntil(
            lambda: bool(alerts(server, "opened", ROOM_A) and alerts(server, "opened", ROOM_B)), timeout=20000
        )

        # The supervisor clicks B's tile, then A's: each click hands both rooms to new sessions, which see the
        # same ongoing problems anew.
        switch_to(qtbot, console, controller, ROOM_B)
        qtbot.waitUntil(reconnecting(lambda: console.bridge.session), timeout=20000)
        qtbot.waitUntil(reconnecting(on_wall(ROOM_A)), timeout=20000)
        switch_to(qtbot, console, controller, ROOM_A)
        qtbot.waitUntil(reconnecting(on_console(ROOM_A)), timeout=20000)
        qtbot.waitUntil(reconnecting(on_wall(ROOM_B)), timeout=20000)

        # Both streams stop: the problems end, each seen ending by the session running its room now.
        console.bridge.request("StopStream")
        rooms[ROOM_B].call(lambda sim: HANDLERS["StopStream"](sim, {}))
        qtbot.waitUntil(
            lambda: bool(alerts(server, "resolved", ROOM_A) and alerts(server, "resolved", ROOM_B)), timeout=30000
        )
        for room in (ROOM_A, ROOM_B):
            told = alerts(server, "opened", room)
            assert len(told) == 1, f"{room}: its ongoing problem told again on a tile click: {told}"
            [resolved] = alerts(server, "resolved", room)
            assert resolved["episode"] == told[0]["episode"], "the resolved is the episode the team was told of"
            assert resolved["opened_at"] == told[0]["opened_at"]
            assert resolved["headline"] == f"[{room}] 已恢复：推流重连", resolved["headline"]
    finally:
        controller.wall.close()
        qtbot.waitUntil(lambda: not studio.OPEN, timeout=10000)
        assert studio.wait_for_closing(30.0)


def test_a_console_restarted_mid_episode_does_not_tell_the_problem_again_and_resolves_it_once(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, server: ChatPlatforms,
    rooms: dict[str, SimulatorThread], tmp_path: Path,
) -> None:  # fmt: skip
    configure(tmp_path, server, rooms)
    first = start(qapp, consoles, settings, room=ROOM_A, lang="en")
    connected(qtbot, first)
    first.bridge.request("StartStream")
    qtbot.waitUntil(lambda: first.bridge.state.stream.active, timeout=10000)
    rooms[ROOM_A].call(lambda sim: sim.stream_reconnect(600.0))
    qtbot.waitUntil(lambda: bool(alerts(server, "opened", ROOM_A)), timeout=20000)
    first.window.close()
    first.shutdown()

    # The console starts again while the stream is still reconnecting: its show resumes, its session opens the
    # problem anew.
    again = start(qapp, consoles, settings, room=ROOM_A, lang="en")
    connected(qtbot, again)
    qtbot.waitUntil(reconnecting(lambda: again.bridge.session), timeout=20000)
    again.bridge.request("StopStream")
    qtbot.waitUntil(lambda: bool(alerts(server, "resolved", ROOM_A)), timeout=30000)
    [told] = alerts(server, "opened", ROOM_A)
    [resolved] = alerts(server, "resolved", ROOM_A)
    assert resolved["episode"] == told["episode"]
