"""The Questions dock with one question asked by many viewers: one row naming them, its count growing while it is
chosen, the quick reply's {user} filled in again for everyone who asked, and one answer for all of them."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from console.core.chat.questions import QuestionState, QuickReply
from console.core.rundown.model import Product, Rundown, Segment
from console.core.storage import Storage
from tests.gui.engage_room import Room, room_fixture  # noqa: F401 - the fixture

PLAN = Rundown("demo", (Segment("保温杯", 600, product=Product("保温杯", Decimal("89.90"), "B1")),))


def test_a_question_many_viewers_ask_is_one_row_answered_once_for_all(qtbot: QtBot, room: Room) -> None:
    panel = room.dock.questions
    saved: list[object] = []
    room.engage.save_replies(
        [QuickReply("{user}：{product} 到手价 {price} 元", keyword="多少钱")], lambda kept, why: saved.append(why)
    )
    qtbot.waitUntil(lambda: saved == [None], timeout=5000)
    room.rundown.save(PLAN)
    room.rundown.go()
    room.comments.say("小明", "多少钱？")
    qtbot.waitUntil(lambda: len(room.engage.questions) == 1, timeout=10000)
    assert panel.select(room.engage.questions[0].id)
    qtbot.waitUntil(lambda: panel.reply_text.text() == "小明：保温杯 到手价 89.90 元", timeout=5000)

    # Two more viewers ask the same in other words while it is chosen: still one row, naming the three of them,
    # and the answer line names them all.
    room.comments.say("小红", "这个多少钱呀")
    room.comments.say("阿强", "多少钱!!")
    qtbot.waitUntil(lambda: len(room.engage.questions[0].asked_by) == 3, timeout=10000)
    assert len(room.engage.questions) == 1
    row = panel.tree.topLevelItem(0)
    assert row is not None and row.text(1) == "小明, 小红 and 阿强" and "小红" in row.toolTip(1)
    qtbot.waitUntil(lambda: panel.reply_text.text() == "小明, 小红 and 阿强：保温杯 到手价 89.90 元", timeout=5000)

    panel.answer()
    qtbot.waitUntil(lambda: "The question 小明, 小红 and 阿强 asked is answered." in panel.said, timeout=5000)
    storage = Storage(room.engage._storage.get().url)
    try:
        stored = storage.questions(room.show_id)
    finally:
        storage.close()
    assert [(q.user_name, q.state, q.answer) for q in stored] == [
        (name, QuestionState.ANSWERED, "小明, 小红 and 阿强：保温杯 到手价 89.90 元")
        for name in ("小明", "小红", "阿强")
    ]


def test_the_askers_fit_their_column_when_the_dock_grows(qtbot: QtBot, room: Room) -> None:
    """Rows filled while the Questions dock was narrow (a tab never shown yet has no width) are fitted again when
    it grows, not left cut to "…" until the next question comes."""
    panel = room.dock.questions
    dock = room.window.docks["questions"]
    dock.setFloating(True)
    dock.resize(240, 500)
    for name in ("小明100", "小红101", "阿强102", "丽丽103", "大伟104"):
        room.comments.say(name, "多少钱？")
    qtbot.waitUntil(lambda: bool(room.engage.questions) and len(room.engage.questions[0].asked_by) == 5, timeout=10000)
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=5000)
    row = panel.tree.topLevelItem(0)
    assert row is not None and row.text(1) == "小明100, 小红101 and 3 others"
    wanted = panel.tree.fontMetrics().horizontalAdvance(row.text(1))
    assert panel.tree.columnWidth(1) < wanted  # a third of a narrow list
    dock.resize(1500, 500)
    qtbot.waitUntil(lambda: panel.tree.columnWidth(1) >= wanted, timeout=5000)


def test_the_claim_line_names_everyone_who_asks_since_and_the_answer_line_empties_once_answered(
    qtbot: QtBot, room: Room
) -> None:
    """walk23: "You have the question … and 7 others asked" still said 7 when 17 had asked, and the answer line kept
    its words beside "answered". Both follow the question."""
    panel = room.dock.questions
    panel.filter.setCurrentIndex(4)  # all: the answered question stays chosen in the list
    room.comments.say("小明", "多少钱？")
    qtbot.waitUntil(lambda: len(room.engage.questions) == 1, timeout=10000)
    assert panel.select(room.engage.questions[0].id)
    panel.claim()
    qtbot.waitUntil(lambda: panel.said == "You have 小明's question.", timeout=5000)
    for name in ("小红", "阿强", "丽丽", "大伟"):
        room.comments.say(name, "这个多少钱呀")
    qtbot.waitUntil(lambda: len(room.engage.questions[0].asked_by) == 5, timeout=10000)
    qtbot.waitUntil(lambda: panel.said == "You have the question 小明, 小红 and 3 others asked.", timeout=5000)
    assert "3 others" in panel.outcome.text()  # on screen, not only in the attribute

    panel.reply_text.setText("89 元，今天包邮")
    panel.answer()
    qtbot.waitUntil(lambda: panel.said == "The question 小明, 小红 and 3 others asked is answered.", timeout=5000)
    assert panel.reply_text.text() == ""
    # Stored with the question (the line empties only once the store answered); the room's list follows on its own.
    qtbot.waitUntil(lambda: room.engage.questions[0].answer == "89 元，今天包邮", timeout=5000)
