"""Draw replacement with nobody left to draw: every entry has been drawn (forfeited winners too), so the button is
off and says why in its tooltip, in English and in Chinese — it stayed on, and pressing it only said the refusal
afterwards. On the real engagement controller (the simulator's show in real SQLite, comments written into a real
RoomFeed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from console.i18n import install_translator, remove_translators
from tests.gui.engage_room import Room, room_fixture  # noqa: F401 - the fixture
from tests.gui.test_engage_lottery import open_lottery
from tests.gui.test_engage_lottery_forfeit import select, when_asked
from widgets.engage_lottery import ForfeitDialog, LotteryPanel

SAYS_WHAT_IT_DOES = "Draw the next viewer of the same seeded sequence"


def drawn(qtbot: QtBot, room: Room, names: tuple[str, ...], winners: int) -> LotteryPanel:
    panel = room.dock.lottery
    room.dock.tabs.setCurrentWidget(panel)
    open_lottery(qtbot, panel, "#抽奖", winners)
    for name in names:
        room.comments.say(name, "#抽奖")
    qtbot.waitUntil(
        lambda: room.engage.lottery is not None and len(room.engage.lottery.entries) == len(names), timeout=8000
    )
    done: list[Any] = []
    room.engage.draw_lottery(lambda record, why: done.append((record, why)))
    qtbot.waitUntil(lambda: bool(done) and panel.winners_list.count() == winners, timeout=8000)
    return panel


def forfeit(qtbot: QtBot, room: Room, panel: LotteryPanel, rank: int) -> str:
    """Forfeit winner `rank` as the assistant does; returns what the question asked."""
    asked: list[str] = []

    def answer(dialog: ForfeitDialog) -> None:
        asked.append(dialog.findChildren(QLabel)[0].text())
        dialog.reasons.setCurrentIndex(dialog.reasons.findData("no_answer"))
        QTest.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    select(panel, rank)
    when_asked(panel, answer)
    QTest.mouseClick(panel.forfeit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            room.engage.lottery is not None and any(w.rank == rank and w.forfeited for w in room.engage.lottery.winners)
        ),
        timeout=5000,
    )
    qtbot.waitUntil(lambda: " forfeited: " in panel.said or " forfeited. " in panel.said, timeout=3000)
    return asked[0]


def test_a_forfeit_with_every_entry_drawn_leaves_draw_replacement_off_saying_why(qtbot: QtBot, room: Room) -> None:
    panel = drawn(qtbot, room, ("小明", "小红"), 1)
    asked = forfeit(qtbot, room, panel, 1)
    # One entry is left: the replacement can be drawn.
    assert "Draw replacement then draws the next viewer" in asked
    assert "press Draw replacement to draw the next viewer" in panel.said
    assert panel.replace_button.isEnabled()
    assert panel.replace_button.toolTip().startswith(SAYS_WHAT_IT_DOES)
    QTest.mouseClick(panel.replace_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.winners_list.count() == 2, timeout=5000)

    # The replacement forfeits too: both entries have been drawn.
    asked = forfeit(qtbot, room, panel, 2)
    assert asked.endswith("Every entry has been drawn: nobody is left to draw as their replacement."), asked
    assert panel.said.endswith(" forfeited. Every entry has been drawn: nobody is left to draw in their place.")
    assert not panel.replace_button.isEnabled()
    assert panel.replace_button.toolTip() == (
        "All 2 entries have already been drawn (forfeited winners too): nobody is left to draw as a replacement"
    )
    said = panel.said
    QTest.mouseClick(panel.replace_button, Qt.MouseButton.LeftButton)
    assert panel.winners_list.count() == 2 and panel.said == said, "a press does nothing"

    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    translators = install_translator(qapp, "zh_CN")
    try:
        panel._update_winner_buttons()
        chinese = panel.replace_button.toolTip()
    finally:
        remove_translators(qapp, translators)
        panel._update_winner_buttons()
    assert chinese == "全部 2 位参与者均已抽出（已放弃资格的中奖者也算在内）：没有人可以补抽", chinese


def test_the_only_entry_forfeited_leaves_nobody_to_draw(qtbot: QtBot, room: Room) -> None:
    panel = drawn(qtbot, room, ("小明",), 1)
    forfeit(qtbot, room, panel, 1)
    assert not panel.replace_button.isEnabled()
    assert panel.replace_button.toolTip() == (
        "The only entry has already been drawn: nobody is left to draw as a replacement"
    )
