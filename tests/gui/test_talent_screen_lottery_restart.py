"""The winners on the talent screen after a console restart mid-show. The screen reopened at start is the one the
console stopped with: a draw it already put up (20 s before the restart) does not flash up again, but a draw made
while the console was down (at another desk), never shown on it, is put up for the host to read out — whether the
console has read the show's lottery when the screen opens or only after (it had not, at start, and the draw came
back). A screen opened by hand after a draw does not put that draw up: it was seen in the dock. On the real
engagement controller (the simulator's show in real SQLite, comments written into a real RoomFeed)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from console.core.storage import default_url
from console.engage_controller import EngageController
from console.settings import Settings
from console.telemetry_controller import TelemetryController
from tests.gui.engage_room import Room, room_fixture  # noqa: F401 - the fixture
from tests.gui.test_engage_lottery import open_lottery
from widgets.talent_screen import TalentScreen


def a_screen(qtbot: QtBot, room: Room, settings: Settings, telemetry: TelemetryController) -> TalentScreen:
    screen = TalentScreen(room.rundown, room.bridge, telemetry, settings)
    qtbot.addWidget(screen)
    screen.resize(QSize(1366, 768))
    screen.show()
    screen.set_engage(room.engage)
    return screen


def draw(qtbot: QtBot, room: Room) -> None:
    open_lottery(qtbot, room.dock.lottery, "#抽奖", 1)
    room.comments.say("小明", "#抽奖")
    qtbot.waitUntil(lambda: room.engage.lottery is not None and len(room.engage.lottery.entries) == 1, timeout=8000)
    done: list[Any] = []
    room.engage.draw_lottery(lambda record, why: done.append((record, why)))
    qtbot.waitUntil(lambda: room.engage.lottery is not None and room.engage.lottery.state == "drawn", timeout=8000)


def gone(screen: TalentScreen) -> None:
    """The console stops (kill -9): its screen goes without being closed by hand (talent/open stays)."""
    screen.set_engage(None)
    screen.hide()


def restart(qtbot: QtBot, room: Room, settings: Settings, telemetry: TelemetryController) -> TalentScreen:
    """The console starts again: a new engagement controller, and the talent screen made at once, before the
    controller has read the show's lottery (as at start); returned once the controller has read it."""
    room.engage.shutdown()
    room.engage = EngageController(room.bridge, room.comments, room.rundown, lambda: "客服A", default_url())
    screen = a_screen(qtbot, room, settings, telemetry)
    assert room.engage.lottery is None, "the lottery is read after the screen is up"
    qtbot.waitUntil(lambda: room.engage.lottery is not None and room.engage.lottery.state == "drawn", timeout=15000)
    return screen


def test_a_draw_the_screen_put_up_does_not_flash_up_again_after_a_restart(
    qtbot: QtBot, room: Room, settings: Settings
) -> None:
    telemetry = TelemetryController(room.bridge, store=False)
    try:
        screen = a_screen(qtbot, room, settings, telemetry)
        settings.set("talent/open", True)  # full screen on the TV (show_on)
        draw(qtbot, room)
        qtbot.waitUntil(lambda: screen.winners_shown is not None, timeout=5000)
        gone(screen)

        again = restart(qtbot, room, settings, telemetry)
        assert again.winners_shown is None, "announced before the restart: not again"
        assert again.text("lottery") == "", "a drawn lottery has no line either"
    finally:
        telemetry.shutdown()


@pytest.mark.parametrize(("reopened", "put_up"), [(True, True), (False, False)])
def test_a_draw_made_while_the_console_was_down(
    qtbot: QtBot, room: Room, settings: Settings, reopened: bool, put_up: bool
) -> None:
    """Drawn with no talent screen up (at another desk, while this console was down): the screen reopened at start
    puts the winner up; one opened by hand (talent/open cleared by Esc, Esc) does not."""
    telemetry = TelemetryController(room.bridge, store=False)
    try:
        settings.set("talent/open", reopened)
        draw(qtbot, room)
        screen = restart(qtbot, room, settings, telemetry)
        if put_up:
            shown = screen.winners_shown
            assert shown is not None and shown[1].splitlines() == ["1. 小明"]
            assert settings.get("talent/lottery_shown").endswith(":1"), "remembered: not put up after a next restart"
            screen.dismiss_winners()
            gone(screen)
            assert restart(qtbot, room, settings, telemetry).winners_shown is None
        else:
            assert screen.winners_shown is None
    finally:
        telemetry.shutdown()
