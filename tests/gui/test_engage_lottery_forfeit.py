"""A winner who does not answer, in the Questions dock's lottery tab, on the real engagement controller (the
simulator's show in real SQLite, comments written into a real RoomFeed): the assistant selects the winner, presses
Forfeit…, says why (Enter keeps the winner; Ctrl+Enter forfeits), the console restarts, and Draw replacement
draws the next viewer of the same seeded sequence — struck out and "replaces 1" in the list, verified in the
export."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.core.chat.lottery import FORMAT_2, draw_winners, verify
from console.core.storage import default_url
from console.engage_controller import EngageController
from console.i18n import install_translator, remove_translators
from console.mainwindow import MainWindow
from console.settings import Settings
from tests.gui.engage_room import Room, room_fixture  # noqa: F401 - the fixture
from tests.gui.test_engage_lottery import confirm_next, open_lottery, talent_screen
from widgets.engage_lottery import ForfeitDialog, LotteryPanel


def when_asked(panel: LotteryPanel, answer: Callable[[ForfeitDialog], None]) -> None:
    """Answer the forfeit question once it is on screen (it runs its own event loop)."""

    def look() -> None:
        dialog = panel.forfeit_dialog
        if dialog is None or not dialog.isActiveWindow():
            QTimer.singleShot(20, look)
            return
        answer(dialog)

    QTimer.singleShot(0, look)


def select(panel: LotteryPanel, rank: int) -> None:
    row = next(i for i in range(panel.winners_list.count()) if panel.winners_list.item(i).text().startswith(f"{rank}."))
    rect = panel.winners_list.visualItemRect(panel.winners_list.item(row))
    QTest.mouseClick(panel.winners_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_forfeit_then_after_a_restart_draw_the_next_of_the_same_sequence(
    qtbot: QtBot, room: Room, settings: Settings, tmp_path: Path
) -> None:
    panel = room.dock.lottery
    room.dock.tabs.setCurrentWidget(panel)
    open_lottery(qtbot, panel, "#抽奖", 2)
    for name in ("小明", "小红", "Lily", "阿强", "小刚", "Tom"):
        room.comments.say(name, "#抽奖")
    qtbot.waitUntil(lambda: room.engage.lottery is not None and len(room.engage.lottery.entries) == 6, timeout=8000)
    done: list[Any] = []
    room.engage.draw_lottery(lambda record, why: done.append((record, why)))
    qtbot.waitUntil(lambda: bool(done) and panel.winners_list.count() == 2, timeout=8000)
    assert not panel.forfeit_button.isEnabled() and not panel.replace_button.isEnabled(), "nobody selected yet"
    assert room.engage.lottery is not None
    first = room.engage.lottery.winners[0]

    select(panel, 1)
    assert panel.forfeit_button.isEnabled()
    seen: list[str] = []

    def keep(dialog: ForfeitDialog) -> None:
        seen.append(dialog.findChildren(type(panel.outcome))[0].text())
        QTest.keyClick(dialog.note, Qt.Key.Key_Return)  # Enter, even in the note, keeps the winner

    when_asked(panel, keep)
    QTest.mouseClick(panel.forfeit_button, Qt.MouseButton.LeftButton)
    assert seen and f"Mark {first.user_name} (winner 1) as forfeited?" in seen[0]
    assert "stays a winner" in panel.said
    assert room.engage.lottery is not None and not room.engage.lottery.winners[0].forfeited

    def forfeit(dialog: ForfeitDialog) -> None:
        dialog.reasons.setCurrentIndex(dialog.reasons.findData("ineligible"))
        dialog.note.insert("员工家属")  # as an input method commits it (QTest types no Chinese)
        QTest.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    when_asked(panel, forfeit)
    QTest.mouseClick(panel.forfeit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: room.engage.lottery is not None and room.engage.lottery.winners[0].forfeited, timeout=5000)
    qtbot.waitUntil(lambda: "press Draw replacement" in panel.said, timeout=3000)
    assert room.engage.lottery is not None
    gone = room.engage.lottery.winners[0]
    assert (gone.reason, gone.note, gone.forfeited_by) == ("ineligible", "员工家属", "客服A")
    assert panel.winners_list.item(0).font().strikeOut()
    assert (
        "forfeited at" in panel.winners_list.item(0).text()
        and "ineligible — 员工家属" in panel.winners_list.item(0).text()
    )
    assert panel.replace_button.isEnabled() and not panel.forfeit_button.isEnabled()

    # The console restarts between the forfeit and the replacement: the forfeit waits for its replacement.
    room.engage.shutdown()
    room.engage = engage = EngageController(room.bridge, room.comments, room.rundown, lambda: "客服A", default_url())
    window = MainWindow(room.bridge, settings, demo=True, chat=room.comments, engage=engage)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: engage.ready and engage.lottery is not None, timeout=15000)
    panel = window.widgets["questions"].lottery  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: panel.replace_button.isEnabled(), timeout=5000)
    QTest.mouseClick(panel.replace_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.winners_list.count() == 3, timeout=5000)
    record = engage.lottery
    assert record is not None and record.seed is not None
    expected = draw_winners(bytes.fromhex(record.seed), record.entries, 3)[2]
    replacement = record.winners[2]
    assert (replacement.user_id, replacement.replaces) == (expected.user_id, 1)
    assert replacement.user_id not in {first.user_id, record.winners[1].user_id}
    assert panel.winners_list.item(2).text().startswith(f"3. {expected.user_name}")
    assert panel.winners_list.item(2).text().endswith("— replaces 1")
    assert f"Drawn as the replacement for {first.user_name}: {expected.user_name}" in panel.said
    assert not panel.replace_button.isEnabled(), "one replacement per forfeit"

    target = tmp_path / "lottery.json"
    exported: list[Any] = []
    engage.export_lottery(target, lambda kind, why: exported.append((kind, why)))
    qtbot.waitUntil(lambda: bool(exported), timeout=5000)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT_2 and verify(data).ok


#: What the screen and the dock say through a single prize's forfeits, in each language (fix25p).
SAID = {
    "en": {
        "title": "Lottery “#抽奖”",
        "redrawing": "No winner yet — redrawing…",
        "nobody": "No winner — nobody left to draw",
        "winners": "Winner of “#抽奖”",
        "redrawn": "1. {name} (redrawn)",
        "press": "{name} forfeited: press Draw replacement to draw the next viewer.",
        "none_left": "{name} forfeited. Every entry has been drawn: nobody is left to draw in their place.",
        "refused": "Every one of the 2 entries has been drawn: nobody is left to replace {name}.",
    },
    "zh_CN": {
        "title": "抽奖“#抽奖”",
        "redrawing": "暂无中奖者，补抽中…",
        "nobody": "无人中奖，已无人可补抽",
        "winners": "“#抽奖”中奖名单",
        "redrawn": "1. {name}（补抽）",
        "press": "{name} 已放弃资格：按“补抽”抽出下一位观众。",
        "none_left": "{name} 已放弃资格。所有参与者均已抽出，已无人可补抽。",
        "refused": "全部 2 位参与者均已抽出：没有人可以替代 {name}。",
    },
}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_single_prize_forfeited_is_said_once_large_and_the_last_forfeit_says_nobody_is_left(
    qtbot: QtBot, qapp: QApplication, room: Room, settings: Settings, language: str
) -> None:
    """fix25p: one prize, its winner forfeited: the talent screen read "“#抽奖”: no winner yet — redrawing" above
    "1. redrawing…", and once every entry was drawn "no winner — nobody left to draw" above "1. nobody left to
    draw"; the dock told the assistant to press Draw replacement when nobody was left, and the refusal to draw
    began in lowercase. The screen says each state once, large; the dock's words are true and whole sentences."""
    words = SAID[language]
    panel = room.dock.lottery
    room.dock.tabs.setCurrentWidget(panel)

    def forfeit(rank: int, name: str) -> None:
        when_asked(
            panel,
            lambda dialog: QTest.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
        )
        select(panel, rank)
        QTest.mouseClick(panel.forfeit_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.said.startswith(name), timeout=5000)

    translators = install_translator(qapp, language)
    try:
        with talent_screen(qtbot, room, settings, room.engage) as screen:
            open_lottery(qtbot, panel, "#抽奖", 1)
            for user in ("小明", "小红"):
                room.comments.say(user, "#抽奖")
            qtbot.waitUntil(
                lambda: room.engage.lottery is not None and len(room.engage.lottery.entries) == 2, timeout=10000
            )
            confirm_next(panel)
            QTest.mouseClick(panel.draw_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: screen.winners_shown is not None and panel.winners_list.count() == 1, timeout=5000)
            record = room.engage.lottery
            assert record is not None and record.id is not None
            first = record.winners[0].user_name

            forfeit(1, first)
            assert panel.said == words["press"].format(name=first), "one entry is left to draw"
            assert screen.winners_shown == (words["title"], words["redrawing"])
            assert screen.winners_font.pixelSize() >= 0.08 * 768, "one line, large"

            said: list[object] = []
            QTest.mouseClick(panel.replace_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: panel.winners_list.count() == 2, timeout=5000)
            last = room.engage.lottery
            assert last is not None
            second = last.winners[1].user_name
            qtbot.waitUntil(lambda: screen.winners_shown == (words["winners"], words["redrawn"].format(name=second)))

            forfeit(2, second)  # the last entry forfeits too
            assert panel.said == words["none_left"].format(name=second)
            assert screen.winners_shown == (words["title"], words["nobody"])
            assert screen.winners_font.pixelSize() >= 0.08 * 768, "one line, large"
            room.engage.draw_replacement(record.id, 2, lambda result, why: said.append(why() if why else None))
            qtbot.waitUntil(lambda: bool(said), timeout=5000)
            assert said == [words["refused"].format(name=second)]
    finally:
        remove_translators(qapp, translators)
