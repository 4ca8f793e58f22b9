"""The lottery form belongs to its room: a keyword typed in room A (not yet opened) was still in the form after
Connection ▸ Rooms to room B, one click from opening A's lottery in B's show. Each room shows its own form — empty
with the room's own names as staff, or as it was left there — and coming back restores the form left unsent. Two
simulators speak the real protocol; the shows are kept in SQLite."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from obs.simulator.server import SimulatorThread
from tests.gui.engage_room import Room, room_fixture  # noqa: F401 - the fixture
from tests.gui.test_engage_lottery import open_lottery
from tests.gui.two_rooms import ROOM_A, ROOM_B, switch_room
from widgets.engage_lottery import LotteryPanel


def _form(panel: LotteryPanel) -> tuple[str, int, str]:
    return panel.keyword.text(), panel.winners.value(), panel.staff.text()


def test_each_room_has_its_own_lottery_form_and_an_unsent_one_comes_back(
    qtbot: QtBot,
    room: Room,
    room_b: SimulatorThread,
    sim: SimulatorThread,
) -> None:
    panel = room.dock.lottery
    switch_room(qtbot, room, sim.port, ROOM_A)
    panel.keyword.setText("#一号福袋")
    panel.winners.setValue(3)
    panel.staff.setText("场控小李, 小王")

    switch_room(qtbot, room, room_b.port, ROOM_B)
    qtbot.waitUntil(lambda: "No lottery in this show yet." in panel.state.text(), timeout=5000)
    assert _form(panel) == ("", 1, "场控小李"), "room B's form: empty, its own names excluded"
    assert panel.open_button.isEnabled() and panel.keyword.isEnabled()
    open_lottery(qtbot, panel, "#二号口令", 2)  # B's own lottery runs: its form shows it, not editable

    switch_room(qtbot, room, sim.port, ROOM_A)
    qtbot.waitUntil(lambda: "No lottery in this show yet." in panel.state.text(), timeout=5000)
    assert _form(panel) == ("#一号福袋", 3, "场控小李, 小王"), "A's unsent form, as it was left"
    assert panel.keyword.isEnabled() and panel.open_button.isEnabled()

    # Back in B, off air: a new show (its lottery ended with the show it was in); the form is B's as it was left.
    switch_room(qtbot, room, room_b.port, ROOM_B)
    qtbot.waitUntil(lambda: "No lottery in this show yet." in panel.state.text(), timeout=5000)
    assert _form(panel) == ("#二号口令", 2, "场控小李") and panel.keyword.isEnabled()
