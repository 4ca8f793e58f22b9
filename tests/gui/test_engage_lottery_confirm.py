"""Close entries and Draw ask first, as a live room needs (the host assistant on air, under time pressure), on the
real engagement controller (the simulator's show in real SQLite, comments written into a real RoomFeed): the
question says what will happen — the lottery, how many viewers have entered, how many will win — and keeps
counting while it is open; Enter, Space and Esc (a keystroke meant for something else, landing as the box opens)
keep the lottery as it is, and no plain letter goes ahead; Ctrl+Enter does. In English and Chinese."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from console.i18n import install_translator, remove_translators
from tests.gui.engage_room import Room, room_fixture  # noqa: F401 - the fixture
from tests.gui.test_engage_lottery import open_lottery
from widgets.engage_lottery import LotteryPanel


def ask(panel: LotteryPanel, button: QPushButton, answer: Callable[[QMessageBox], None]) -> str:
    """Press `button` as the assistant does (a click), answer the question it asks once it is on screen (the
    active window: keys go to it); the question's words."""
    seen: list[str] = []

    def look() -> None:
        box = panel.question
        if box is None or not box.isActiveWindow():
            QTimer.singleShot(20, look)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        answer(box)

    QTimer.singleShot(0, look)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen, "the button asked nothing"
    assert panel.question is None, "the question is answered"
    return seen[0]


def key(which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> Callable[[QMessageBox], None]:
    """A key pressed where the box's keyboard focus is, as a real keystroke lands."""

    def press(box: QMessageBox) -> None:
        QTest.keyClick(box.focusWidget() or box, which, modifier)

    return press


def typing_then_esc(box: QMessageBox) -> None:
    """The assistant was typing a reply (“dao shou jia”, the first letters of Draw and Close) as the box opened,
    then saw it and pressed Esc: no letter may have gone ahead."""
    for letter in "daoshoujiaDRC":
        QTest.keyClicks(box.focusWidget() or box, letter)
        assert box.isVisible(), f"the plain letter {letter!r} answered the question"
    QTest.keyClick(box.focusWidget() or box, Qt.Key.Key_Escape)


def state(room: Room) -> str:
    return room.engage.lottery.state if room.engage.lottery is not None else ""


def test_draw_asks_first_with_entrants_and_winners_and_only_ctrl_enter_draws(qtbot: QtBot, room: Room) -> None:
    panel = room.dock.lottery
    room.dock.tabs.setCurrentWidget(panel)
    open_lottery(qtbot, panel, "#福袋", 2)
    for name in ("小明", "小红", "Lily"):
        room.comments.say(name, "#福袋 冲")
    qtbot.waitUntil(lambda: room.engage.lottery is not None and len(room.engage.lottery.entries) == 3, timeout=8000)

    words = ask(panel, panel.draw_button, key(Qt.Key.Key_Return))  # a stray Enter as the box opens
    assert "“#福袋”" in words and "Entries close first" in words
    assert "3 viewers have entered; 2 winners will be drawn from them" in words
    assert "Ctrl+Enter draws; Enter or Esc: not yet." in words
    assert "Not drawn yet" in panel.said and state(room) == "open", "Enter must not draw"
    for stray in (key(Qt.Key.Key_Space), key(Qt.Key.Key_Escape), typing_then_esc):
        ask(panel, panel.draw_button, stray)
        assert state(room) == "open", "only Ctrl+Enter or the Draw now button draws"

    # The count goes on while the host decides: the question says the number the draw will use.
    def count_then_confirm(box: QMessageBox) -> None:
        room.comments.say("阿强", "#福袋")
        qtbot.waitUntil(lambda: "4 viewers have entered" in box.text(), timeout=8000)
        key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)(box)

    ask(panel, panel.draw_button, count_then_confirm)
    qtbot.waitUntil(lambda: panel.winners_list.count() == 2, timeout=8000)
    assert state(room) == "drawn" and "Drawn:" in panel.said


def test_close_asks_first_and_enter_keeps_entries_open_in_chinese(qtbot: QtBot, qapp: QApplication, room: Room) -> None:
    panel = room.dock.lottery
    room.dock.tabs.setCurrentWidget(panel)
    open_lottery(qtbot, panel, "#抽奖", 3)
    room.comments.say("小明", "#抽奖")
    room.comments.say("小红", "#抽奖")
    qtbot.waitUntil(lambda: room.engage.lottery is not None and len(room.engage.lottery.entries) == 2, timeout=8000)

    words = ask(panel, panel.close_button, key(Qt.Key.Key_Return))
    assert "Close entries for “#抽奖” now?" in words
    assert "Only 2 viewers have entered, and 3 winners are wanted: every one of them will win." in words
    assert state(room) == "open" and "stay open" in panel.said

    translators = install_translator(qapp, "zh_CN")
    try:
        buttons: list[str] = []

        def look_then_close(box: QMessageBox) -> None:
            buttons.extend(b.text() for b in box.buttons())
            key(Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)(box)  # the keypad's Enter, with Ctrl

        words = ask(panel, panel.close_button, look_then_close)
        leftover = re.sub(r"“#抽奖”|Ctrl\+Enter|Enter|Esc", "", words + "".join(buttons))
        assert not re.search(r"[A-Za-z]{2,}", leftover), f"English left in the Chinese question: {words} {buttons}"
        assert "2" in words and "3" in words and "“#抽奖”" in words
        assert not re.search(r"[。？：] ", words), f"Chinese sentences spaced as English ones: {words}"
        qtbot.waitUntil(lambda: state(room) == "closed", timeout=8000)
        ask(panel, panel.draw_button, key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier))
        qtbot.waitUntil(lambda: panel.winners_list.count() == 2, timeout=8000)
        shown = panel.state.text()
        assert "开奖人" in shown and not re.search(r"[。？：] ", shown), f"spaced as English: {shown}"
    finally:
        remove_translators(qapp, translators)


def test_a_question_answered_after_the_lottery_changed_at_another_desk_acts_on_nothing(
    qtbot: QtBot, room: Room
) -> None:
    """The draw was asked for “#一号”; meanwhile another desk cancelled it and opened “#二号”. Confirming draws
    nothing: the new lottery's entries stay open, and the assistant is told why."""
    panel = room.dock.lottery
    open_lottery(qtbot, panel, "#一号", 1)

    def meanwhile_then_confirm(box: QMessageBox) -> None:
        done: list[object] = []
        room.engage.cancel_lottery(lambda record, why: done.append(why))
        qtbot.waitUntil(lambda: bool(done) and state(room) == "cancelled", timeout=8000)
        room.engage.open_lottery("#二号", 1, [], lambda record, why: done.append(why))
        qtbot.waitUntil(
            lambda: room.engage.lottery is not None and room.engage.lottery.keyword == "#二号", timeout=8000
        )
        key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)(box)

    ask(panel, panel.draw_button, meanwhile_then_confirm)
    qtbot.waitUntil(lambda: "no longer this show's newest" in panel.said, timeout=8000)
    assert "it was not drawn" in panel.said
    assert room.engage.lottery is not None and room.engage.lottery.keyword == "#二号"
    assert state(room) == "open"
