"""Quick replies never go out stale or with a blank: on the real engagement controller (the simulator's show in
real SQLite, comments in a real RoomFeed, a source that can post), a reply filled in for the rundown's product is
filled in again when the segment moves on — or taken out of the answer line when the new product lacks a field —
a reply sent in the moment the product changes is refused, and a reply whose field has no value says what is
missing instead of leaving a blank."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.core.chat.questions import QuickReply
from console.core.rundown.model import Product, Rundown, Segment
from tests.gui.engage_room import Room, room_fixture  # noqa: F401 - the fixture

PLAN = Rundown(
    "demo",
    (
        Segment("保温杯", 600, product=Product("保温杯", Decimal("89.90"), "B1")),
        Segment("电热水壶", 600, product=Product("电热水壶", None, "K2")),  # no price in the rundown yet
        Segment("收尾", 300),  # no product on air
    ),
)


def asked(qtbot: QtBot, room: Room, text: str) -> None:
    room.comments.say("小明", text)
    qtbot.waitUntil(lambda: len(room.engage.questions) == 1, timeout=10000)
    panel = room.dock.questions
    assert panel.select(room.engage.questions[0].id)


def saved(qtbot: QtBot, room: Room, replies: list[QuickReply]) -> None:
    done: list[object] = []
    room.engage.save_replies(replies, lambda kept, why: done.append(why))
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [None]


def test_a_reply_is_filled_in_again_when_the_segment_moves_on_and_never_sent_stale(qtbot: QtBot, room: Room) -> None:
    panel = room.dock.questions
    saved(qtbot, room, [QuickReply("{product} 今天有货，货号 {sku}", "", "有货")])
    room.rundown.save(PLAN)
    room.rundown.go()
    asked(qtbot, room, "还有货吗？")
    qtbot.waitUntil(lambda: panel.reply_text.text() == "保温杯 今天有货，货号 B1", timeout=5000)
    # The room's posting source is known to the dock (a post with none is not tried at all, and says nothing).
    qtbot.waitUntil(lambda: bool(panel.port.posting_sources), timeout=10000)

    # Sent in the same moment the segment moves on, before the dock heard of it: the controller's word to the dock
    # is held back (on a loaded machine the dock may otherwise fill the line in again first, and the moment is
    # gone), so the click meets the text filled in for the product that just left. Refused, nothing posted, said why.
    with QSignalBlocker(room.engage):
        room.rundown.go()  # the segment moves on to 电热水壶
        assert panel.reply_text.text() == "保温杯 今天有货，货号 B1"
        QTest.mouseClick(panel.post_button, Qt.MouseButton.LeftButton)
    assert room.poster.posted == []
    assert "filled in for 保温杯, but 电热水壶 is on air now" in panel.said, panel.said
    QApplication.clipboard().setText("")
    panel.copy()
    assert QApplication.clipboard().text() == ""
    # Then the answer line holds the reply filled in for the product now on air, and that one goes out.
    qtbot.waitUntil(lambda: panel.reply_text.text() == "电热水壶 今天有货，货号 K2", timeout=5000)
    QTest.mouseClick(panel.post_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: room.poster.posted == ["电热水壶 今天有货，货号 K2"], timeout=5000)


def test_a_reply_whose_field_has_no_value_says_what_is_missing_and_is_not_sent(qtbot: QtBot, room: Room) -> None:
    panel = room.dock.questions
    saved(qtbot, room, [QuickReply("{product} 到手价 {price} 元，{user} 拍一号链接", "", "多少钱")])
    room.rundown.save(PLAN)
    room.rundown.go()
    asked(qtbot, room, "这个多少钱")
    qtbot.waitUntil(lambda: panel.reply_text.text() == "保温杯 到手价 89.90 元，小明 拍一号链接", timeout=5000)

    room.rundown.go()  # 电热水壶 has no price: the reply may not go out with a blank where the price was
    qtbot.waitUntil(lambda: panel.replies.count() == 1 and "{price}" in panel.replies.item(0).text(), timeout=5000)
    assert panel.reply_text.text() == "", "the price of 保温杯 must not stay in the answer line"
    assert "taken out of the answer" in panel.said
    panel.replies.setCurrentRow(-1)
    panel.replies.setCurrentRow(0)  # the reader picks it anyway
    assert panel.reply_text.text() == ""
    assert "needs the price, which is not known now (product on air: 电热水壶)" in panel.said
    QTest.mouseClick(panel.post_button, Qt.MouseButton.LeftButton)
    assert room.poster.posted == []

    room.rundown.go()  # no product on air at all
    qtbot.waitUntil(lambda: "none" in panel.replies_label.text(), timeout=5000)
    qtbot.waitUntil(lambda: panel.replies.count() == 1, timeout=5000)
    assert panel.replies.item(0).text() == "{product} 到手价 {price} 元，小明 拍一号链接"
    panel.replies.setCurrentRow(-1)
    panel.replies.setCurrentRow(0)
    assert "needs the product on air, the price" in panel.said and panel.reply_text.text() == ""
    panel.reply_text.setText("到手价 {price} 元")  # typed with a field left in
    panel.answer()
    assert "still has {price} in it" in panel.said
    assert room.engage.questions[0].state.value == "open"
