"""What the operating system says reaches a Chinese console in Chinese: a comment source whose server refuses the
connection read "无法连接 127.0.0.1:PORT：[Errno 111] Connection refused" in the Comments dock, and the status bar of a
console whose OBS is not running says so in words with what to do."""

from __future__ import annotations

import socket

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from console.app import Console
from console.core.chat.config import ChatConfig, ChatSourceConfig
from console.core.rooms import Room, RoomStore
from console.core.telemetry.audience import SourceStatus
from console.settings import Settings, config_dir
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, start
from tests.keyring_memory import MemoryKeyring
from widgets.comments_dock import CommentsDock

ROOM = "弹幕直播间"


def closed_port() -> int:
    """A port nothing listens on: the system refuses a connection to it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_comment_server_that_refuses_the_connection_is_said_in_chinese(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    memory_keyring: MemoryKeyring,
) -> None:
    port = closed_port()
    chat = ChatConfig((ChatSourceConfig("tool", "websocket", url=f"ws://127.0.0.1:{port}/chat"),))
    RoomStore(config_dir() / "rooms.json").put(Room(ROOM, "127.0.0.1", sim.port, chat=chat))
    memory_keyring.set_password("onair-console", f"room:{ROOM}", PASSWORD)
    console = start(qapp, consoles, settings, room=ROOM, lang="zh_CN")
    connected(qtbot, console)
    qtbot.waitUntil(lambda: [s.status for _, s in console.chat.sources] == [SourceStatus.ERROR], timeout=10000)
    dock = console.window.docks["comments"].widget()
    assert isinstance(dock, CommentsDock)
    qtbot.waitUntil(lambda: "连接被拒绝" in dock.sources.text(), timeout=5000)
    said = dock.sources.text()
    assert f"无法连接 127.0.0.1:{port}：连接被拒绝：那里没有程序在监听；程序是否已运行，端口是否正确？" in said, said
    assert "Errno" not in said and "refused" not in said, said


def test_a_console_whose_obs_is_not_running_says_so_in_chinese(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    port = closed_port()
    console = start(qapp, consoles, settings, url=f"ws://127.0.0.1:{port}", lang="zh_CN")
    status = console.window.statusBar()

    def shown() -> str:
        return " ".join(label.text() for label in status.findChildren(QLabel) if label.isVisible())

    qtbot.waitUntil(lambda: "没有程序在监听" in shown(), timeout=10000)
    said = shown()
    assert f"127.0.0.1:{port} 上没有程序在监听。OBS 是否已打开？" in said, said
    assert "Errno" not in said and "Connection refused" not in said, said
