"""Keyword and own-name edits reach the running room at once: the session's complaint watcher (the audience-reports
finding) and the Comments dock's highlights change without waiting for the next room attach or reconnect — on a
running console connected to the simulator, with comments from a real WebSocket source."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console
from console.core.chat.config import ChatConfig, ChatSourceConfig
from console.core.rooms import Room, RoomStore
from console.core.telemetry.audience import SourceStatus
from console.settings import Settings, config_dir
from obs.simulator.server import SimulatorThread
from tests.chat_servers import JsonLinesWebSocket
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, start
from tests.keyring_memory import MemoryKeyring
from widgets.comments_dock import CommentsDock

ROOM = "弹幕直播间"


def audience_viewers(console: Console) -> list[object]:
    """How many viewers each open audience-reports finding counts."""
    session = console.bridge.session
    assert session is not None
    with session.lock:
        return [f.fields.get("viewers") for f in session.health.active() if f.id == "audience_reports"]


def test_edited_keywords_and_own_names_reach_the_running_session_and_the_docks_highlights(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    memory_keyring: MemoryKeyring,
    ws_server: JsonLinesWebSocket,
) -> None:
    settings.set("chat/keywords", "黑屏")  # "没声音" is not one of the team's words yet
    settings.set("chat/own_names", "")
    chat = ChatConfig((ChatSourceConfig("tool", "websocket", url=ws_server.url),))
    RoomStore(config_dir() / "rooms.json").put(Room(ROOM, "127.0.0.1", sim.port, chat=chat))
    memory_keyring.set_password("onair-console", f"room:{ROOM}", PASSWORD)
    console = start(qapp, consoles, settings, room=ROOM)
    connected(qtbot, console)
    qtbot.waitUntil(lambda: [s.status for _, s in console.chat.sources] == [SourceStatus.OK], timeout=10000)
    session = console.bridge.session
    dock = console.window.docks["comments"].widget()
    assert isinstance(dock, CommentsDock)

    def say(n: int, user: str, text: str) -> None:
        ws_server.push(json.dumps({"user": user, "text": text, "id": f"m{n}"}, ensure_ascii=False))

    say(0, "场控小李", "主播没声音了")
    qtbot.waitUntil(lambda: dock.model.rowCount() == 1, timeout=5000)
    assert not dock.model.rows[0].hit and not dock.model.rows[0].own, "not a keyword nor a name of ours yet"
    # The edit, as the Comment sources dialog makes it: no reconnect, no room switch.
    console.chat.set_words("黑屏|没声音", "场控小李")
    assert session is console.bridge.session, "the same session: nothing was re-attached"
    assert settings.get("chat/keywords") == "黑屏|没声音" and settings.get("chat/own_names") == "场控小李"
    # The row already shown is marked at once (a keyword, and one of our own names), before any new comment.
    qtbot.waitUntil(lambda: dock.model.rows[0].hit and dock.model.rows[0].own, timeout=2000)
    # Staff writing the words do not count; three viewers do: the finding opens on the running session.
    for n, user in enumerate(("场控小李", "观众1", "观众2", "观众3"), start=1):
        say(n, user, "没声音")
    qtbot.waitUntil(lambda: dock.model.rowCount() == 5, timeout=5000)
    assert dock.model.rows[1].own and not dock.model.rows[2].own
    # The session has read all five (its comments-per-minute channel says so) and its finding is open.
    qtbot.waitUntil(lambda: console.telemetry.telemetry.value("comments_per_min") == 5.0, timeout=10000)
    qtbot.waitUntil(lambda: bool(audience_viewers(console)), timeout=10000)
    assert audience_viewers(console) == [3], "the three viewers, never the staff member's two comments"
