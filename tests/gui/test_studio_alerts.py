"""A supervisor's direct wall alerts the team for every room it watches (console/core/studio/direct.py handing
each room's findings to console/alerts_controller.py): a stream dropping in a room that is not open in the console
reaches the destinations that hear that room, named by it, once; the console's own room is alerted once, not once
by the console and again by the wall. Real simulators on real sockets, a local server speaking the platforms'
webhook protocols."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console import studio_controller as studio
from console.app import Console
from console.core.alerts.config import Credentials
from console.core.rooms import Room, RoomStore, Secrets
from console.core.studio.direct import DirectStudio
from console.settings import Settings
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import SimulatorThread
from tests.alert_servers import ChatPlatforms, Received
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, start

OPEN_ROOM, WALL_ROOM = "一号直播间", "二号直播间"


@pytest.fixture
def rooms() -> Iterator[dict[str, SimulatorThread]]:
    made = {
        name: SimulatorThread(password=PASSWORD, seed=7 + i).start() for i, name in enumerate((OPEN_ROOM, WALL_ROOM))
    }
    try:
        yield made
    finally:
        for sim in made.values():
            sim.stop()


def opened(server: ChatPlatforms, platform: str, room: str) -> list[Received]:
    """The "opened" alerts of `room` a platform received (the webhook's JSON says so; Slack's text is headed by the
    room, a "resolved" by 已恢复)."""
    if platform == "webhook":
        return [r for r in server.of(platform) if r.body and r.body["state"] == "opened" and r.body["room"] == room]
    return [
        r
        for r in server.of(platform)
        if r.body and str(r.body["text"]).startswith(f"[{room}]") and "已恢复" not in str(r.body["text"])
    ]


def test_a_direct_wall_s_rooms_reach_the_team_each_once_named_by_its_room(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, server: ChatPlatforms,
    rooms: dict[str, SimulatorThread], tmp_path: Path,
) -> None:  # fmt: skip
    # The studio's tool hears every room; the open room's own group (Slack) hears only it.
    destinations = [
        {"name": "wall", "platform": "webhook", "min_severity": "critical"},
        {"name": "open-room", "platform": "slack", "rooms": [OPEN_ROOM], "min_severity": "critical"},
    ]
    (tmp_path / "alerts.json").write_text(
        json.dumps({"version": 1, "language": "zh_CN", "destinations": destinations}, ensure_ascii=False),
        encoding="utf-8",
    )
    for name, platform in (("wall", "webhook"), ("open-room", "slack")):
        Secrets().set(name, Credentials(server.url(platform)).to_keyring(), Secrets.ALERTS)
    for name, sim in rooms.items():
        RoomStore(tmp_path / "rooms.json").put(Room(name, "127.0.0.1", sim.port))
        Secrets().set(name, PASSWORD)
    console = start(qapp, consoles, settings, room=OPEN_ROOM, lang="en")
    connected(qtbot, console)
    controller = console.window.open_studio()
    assert controller is not None and controller.mode == studio.DIRECT
    try:
        # The room watched by the wall only: it goes live, then its stream drops.
        source = controller.source
        assert isinstance(source, DirectStudio)
        qtbot.waitUntil(lambda: source.session(WALL_ROOM) is not None, timeout=10000)
        rooms[WALL_ROOM].call(lambda sim: HANDLERS["StartStream"](sim, {}))
        wall_room = source.session(WALL_ROOM)
        assert wall_room is not None
        qtbot.waitUntil(lambda: wall_room.state.stream.active, timeout=10000)
        rooms[WALL_ROOM].call(lambda sim: sim.stream_reconnect(600.0))
        qtbot.waitUntil(lambda: bool(opened(server, "webhook", WALL_ROOM)), timeout=20000)
        [alert] = opened(server, "webhook", WALL_ROOM)
        assert alert.verdict == "ok" and alert.body["finding"] == "reconnect"
        assert alert.body["headline"].startswith(f"[{WALL_ROOM}] 严重："), alert.body["headline"]

        # The console's own room: the console alerts it; the wall does not a second time.
        console.bridge.request("StartStream")
        qtbot.waitUntil(lambda: console.bridge.state.stream.active, timeout=10000)
        rooms[OPEN_ROOM].call(lambda sim: sim.stream_reconnect(600.0))
        qtbot.waitUntil(lambda: bool(opened(server, "webhook", OPEN_ROOM)), timeout=20000)
        console.bridge.request("StopStream")  # its "resolved" goes after anything sent with the opening
        qtbot.waitUntil(
            lambda: any(r.body and r.body.get("state") == "resolved" for r in server.of("webhook")), timeout=20000
        )
        assert len(opened(server, "webhook", OPEN_ROOM)) == 1, "the open room's alert, once"
        assert len(opened(server, "webhook", WALL_ROOM)) == 1, "the wall's room's alert, once"
        # Routing by room: the open room's own group heard its room, never the other.
        qtbot.waitUntil(lambda: bool(opened(server, "slack", OPEN_ROOM)), timeout=10000)
        assert not opened(server, "slack", WALL_ROOM)
    finally:
        controller.wall.close()
        qtbot.waitUntil(lambda: not studio.OPEN, timeout=10000)
        assert studio.wait_for_closing(30.0)
