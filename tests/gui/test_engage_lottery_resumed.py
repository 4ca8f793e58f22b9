"""Found by use (host17's walk: the host assistant's console killed with -9 in the middle of a lottery, the demo
room's show holding dozens of questions): the console came back with the lottery still open, but its event log
never said "Lottery “#抽奖” taken up again" — the window, made before the engagement's first read as the console
makes it, was told of the questions while the lottery was not taken yet, and said the resume once without it.

On the real engagement controller (the simulator's show in real SQLite, comments written into a real RoomFeed)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from console.core.storage import default_url
from console.engage_controller import EngageController
from console.mainwindow import MainWindow
from console.settings import Settings
from tests.gui.engage_room import Room, room_fixture  # noqa: F401 - the fixture
from tests.gui.test_engage_lottery import open_lottery


def test_a_console_restarted_mid_lottery_says_the_lottery_was_taken_up(
    qtbot: QtBot, room: Room, settings: Settings
) -> None:
    open_lottery(qtbot, room.dock.lottery, "#抽奖", 3)
    room.comments.say("小明", "#抽奖")
    room.comments.say("小红", "这个多少钱？")  # a question too: the show has both to take up
    qtbot.waitUntil(lambda: room.engage.lottery is not None and len(room.engage.lottery.entries) == 1, timeout=10000)
    qtbot.waitUntil(lambda: len(room.engage.questions) == 1, timeout=10000)

    # The console restarts: its engagement made anew, and its window made at once, before the first read.
    room.engage.shutdown()
    room.engage = engage = EngageController(room.bridge, room.comments, room.rundown, lambda: "客服A", default_url())
    window = MainWindow(room.bridge, settings, demo=True, chat=room.comments, engage=engage)
    qtbot.addWidget(window)
    assert engage.lottery is None and not engage.questions, "the window is made before the engagement is read"
    qtbot.waitUntil(lambda: engage.ready and engage.lottery is not None, timeout=15000)

    said = "\n".join(text for _who, text in window.event_log.lines())
    assert "Lottery “#抽奖” taken up again: entries still open, 1 entry kept from before." in said, said
