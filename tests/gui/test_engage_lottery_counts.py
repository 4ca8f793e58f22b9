"""A lottery one viewer entered reads "1 entry" wherever it is counted (it read "1 entries": the dock's tab, the
panel's state while open, closed and drawn, the export's choice of lotteries), and without a plural in Chinese.

On the real engagement controller (the simulator's show in real SQLite, comments written into a real RoomFeed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.i18n import install_translator, remove_translators
from tests.gui.engage_room import Room, room_fixture  # noqa: F401 - the fixture
from tests.gui.test_engage_lottery import confirm_next, open_lottery


def test_a_lottery_with_one_entry_says_1_entry_open_closed_and_drawn(qtbot: QtBot, room: Room) -> None:
    panel = room.dock.lottery
    open_lottery(qtbot, panel, "#抽奖", 1)
    room.comments.say("小明", "#抽奖")
    qtbot.waitUntil(lambda: "1 entry so far" in panel.state.text(), timeout=10000)
    assert room.dock.tabs.tabText(1) == "Lottery ● 1 entry"
    record = room.engage.lottery
    assert record is not None and panel.lottery_words(record).endswith(" · entries open · 1 entry")

    confirm_next(panel)
    QTest.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Draw when ready" in panel.state.text(), timeout=5000)
    assert ": 1 entry. Draw when ready." in panel.state.text(), panel.state.text()
    assert room.dock.tabs.tabText(1) == "Lottery"

    confirm_next(panel)
    QTest.mouseClick(panel.draw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.winners_list.count() == 1, timeout=5000)
    qtbot.waitUntil(lambda: "from 1 entry for “#抽奖”" in panel.state.text(), timeout=5000)
    drawn = room.engage.lottery
    assert drawn is not None and drawn.state == "drawn"
    assert panel.lottery_words(drawn).endswith(" · 1 entry")

    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    translators = install_translator(qapp, "zh_CN")
    try:
        chinese = panel._state_words(drawn)
        words = panel.lottery_words(drawn)
    finally:
        remove_translators(qapp, translators)
    assert "从 1 人中开奖" in chinese and "entry" not in chinese, chinese
    assert words.endswith(" · 1 人参与"), words


def test_the_tab_counts_entries_as_they_come_one_then_two(qtbot: QtBot, room: Room) -> None:
    panel = room.dock.lottery
    open_lottery(qtbot, panel, "#抽奖", 1)
    room.comments.say("小明", "#抽奖")
    qtbot.waitUntil(lambda: room.dock.tabs.tabText(1) == "Lottery ● 1 entry", timeout=10000)
    room.comments.say("小红", "#抽奖")
    qtbot.waitUntil(lambda: room.dock.tabs.tabText(1) == "Lottery ● 2 entries", timeout=10000)
    assert "2 entries so far" in panel.state.text()
