"""The winners' title on the talent screen counts its names: "Winner of" over one, "Winners of" over several (it
said "Winners of “#抽奖”" over one name, fix26j); Chinese has one form for both. On the real engagement
controller (the simulator's show in real SQLite, comments written into a real RoomFeed)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.i18n import install_translator, remove_translators
from console.settings import Settings
from console.telemetry_controller import TelemetryController
from tests.gui.engage_room import Room, room_fixture  # noqa: F401 - the fixture
from tests.gui.test_engage_lottery import open_lottery
from tests.gui.test_talent_screen_lottery_restart import a_screen


@pytest.mark.parametrize(
    ("language", "prizes", "title"),
    [
        ("en", 1, "Winner of “#抽奖”"),
        ("en", 2, "Winners of “#抽奖”"),
        ("zh_CN", 1, "“#抽奖”中奖名单"),
        ("zh_CN", 2, "“#抽奖”中奖名单"),
    ],
)
def test_the_winners_title_says_one_winner_in_the_singular(
    qtbot: QtBot, qapp: QApplication, room: Room, settings: Settings, language: str, prizes: int, title: str
) -> None:
    telemetry = TelemetryController(room.bridge, store=False)
    translators = install_translator(qapp, language)
    try:
        screen = a_screen(qtbot, room, settings, telemetry)
        open_lottery(qtbot, room.dock.lottery, "#抽奖", prizes)
        for user in ("小明", "小红", "阿强"):
            room.comments.say(user, "#抽奖")
        qtbot.waitUntil(lambda: room.engage.lottery is not None and len(room.engage.lottery.entries) == 3, timeout=8000)
        done: list[Any] = []
        room.engage.draw_lottery(lambda record, why: done.append((record, why)))
        qtbot.waitUntil(lambda: screen.winners_shown is not None, timeout=8000)
        shown_title, names = screen.winners_shown or ("", "")
        assert (shown_title, len(names.splitlines())) == (title, prizes)
    finally:
        remove_translators(qapp, translators)
        telemetry.shutdown()
