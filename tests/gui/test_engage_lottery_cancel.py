"""Calling a lottery off and exporting the show's lotteries, on the real engagement controller (the simulator's
show in real SQLite, comments written into a real RoomFeed): Cancel lottery asks first, naming the lottery and its
entries, with keeping it as the default (Enter keeps it); a cancelled lottery's export says it was cancelled, when
and by whom; an assistant who ran three lotteries in the show picks which one to export."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.engage_room import Room, room_fixture  # noqa: F401 - the fixture
from tests.gui.test_engage_lottery import open_lottery
from widgets.engage_lottery import LotteryPanel


def when_asked(panel: LotteryPanel, answer: Callable[[QMessageBox], None], seen: list[str]) -> None:
    """Answer the question Cancel lottery asks, once it is shown (it runs its own event loop)."""

    def look() -> None:
        box = panel.question
        if box is None or not box.isVisible():
            QTimer.singleShot(20, look)
            return
        seen.append(box.text())
        answer(box)

    QTimer.singleShot(0, look)


def enter(box: QMessageBox) -> None:
    QTest.keyClick(box, Qt.Key.Key_Return)


def choose_cancel(box: QMessageBox) -> None:
    [cancel] = [b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole]
    QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)


def test_cancel_asks_first_naming_the_lottery_and_its_entries_and_enter_keeps_it(qtbot: QtBot, room: Room) -> None:
    panel = room.dock.lottery
    room.dock.tabs.setCurrentWidget(panel)
    open_lottery(qtbot, panel, "#福袋", 1)
    for name in ("小明", "小红", "Lily"):
        room.comments.say(name, "#福袋 冲")
    qtbot.waitUntil(lambda: room.engage.lottery is not None and len(room.engage.lottery.entries) == 3, timeout=8000)

    seen: list[str] = []
    when_asked(panel, enter, seen)
    QTest.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)  # the misclick on air
    assert seen and "“#福袋”" in seen[0] and "3 viewers have entered it" in seen[0]
    assert panel.question is None
    room.engage.refresh()
    qtbot.waitUntil(lambda: "goes on" in panel.said, timeout=3000)
    assert room.engage.lottery is not None and room.engage.lottery.state == "open", "Enter must not cancel it"
    room.comments.say("小刚", "#福袋")  # it still takes entries
    qtbot.waitUntil(lambda: room.engage.lottery is not None and len(room.engage.lottery.entries) == 4, timeout=8000)

    when_asked(panel, lambda box: QTest.keyClick(box, Qt.Key.Key_Escape), seen)
    panel.cancel_button.click()
    assert room.engage.lottery.state == "open", "Esc keeps it too"

    when_asked(panel, choose_cancel, seen)
    panel.cancel_button.click()
    assert "4 viewers have entered it" in seen[-1]
    qtbot.waitUntil(lambda: room.engage.lottery is not None and room.engage.lottery.state == "cancelled", timeout=5000)
    qtbot.waitUntil(lambda: "Cancelled: no draw" in panel.said, timeout=3000)
    assert room.engage.lottery.cancelled_by == "客服A"
    # Its commitment is nobody's to publish any more: not shown, not copyable (it would not match the next one's).
    assert panel.commitment.text() == "" and not panel.copy_commitment.isEnabled()
    assert panel.commitment.placeholderText() == "none: the lottery was cancelled"


def run_to(qtbot: QtBot, room: Room, end: str) -> None:
    """One lottery of the show, ended by cancelling or drawing it (through the console's own port)."""
    done: list[Any] = []
    if end == "cancel":
        room.engage.cancel_lottery(lambda record, why: done.append((record, why)))
    else:
        room.engage.draw_lottery(lambda record, why: done.append((record, why)))
    qtbot.waitUntil(lambda: bool(done), timeout=8000)
    assert done[0][1] is None, done
    qtbot.waitUntil(lambda: room.engage.lottery is not None and not room.engage.lottery.running, timeout=5000)


def test_a_cancelled_lottery_exports_as_cancelled_and_any_lottery_of_the_show_can_be_exported(
    qtbot: QtBot, room: Room, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = room.dock.lottery
    open_lottery(qtbot, panel, "#一号", 1)
    room.comments.say("小明", "#一号")
    qtbot.waitUntil(lambda: room.engage.lottery is not None and len(room.engage.lottery.entries) == 1, timeout=8000)
    run_to(qtbot, room, "cancel")
    first = room.engage.lottery
    assert first is not None and first.state == "cancelled"
    open_lottery(qtbot, panel, "#二号", 1)
    room.comments.say("小红", "#二号")
    qtbot.waitUntil(lambda: room.engage.lottery is not None and len(room.engage.lottery.entries) == 1, timeout=8000)
    run_to(qtbot, room, "draw")
    open_lottery(qtbot, panel, "#三号", 1)

    target = tmp_path / "first.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_args: (str(target), "")))
    offered: list[list[str]] = []

    def pick_oldest() -> None:
        dialog = panel.chooser
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, pick_oldest)
            return
        combo = dialog.findChild(QComboBox)
        assert combo is not None
        offered.append([combo.itemText(i) for i in range(combo.count())])
        combo.setCurrentIndex(combo.count() - 1)
        dialog.accept()

    QTimer.singleShot(0, pick_oldest)
    QTest.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists(), timeout=8000)
    assert len(offered[0]) == 3
    assert offered[0][0].startswith("“#三号”") and "entries open" in offered[0][0]  # the newest first
    assert "drawn at" in offered[0][1] and offered[0][2].startswith("“#一号”") and "cancelled at" in offered[0][2]

    rows = {row[0]: row[1] for row in csv.reader(target.read_text(encoding="utf-8-sig").splitlines()) if len(row) == 2}
    assert rows["Keyword"] == "#一号"
    assert rows["State"].startswith("Cancelled at ") and rows["State"].endswith("by 客服A: never drawn, no winners")
    assert rows["Cancelled by"] == "客服A" and rows["Cancelled"]
    assert rows["Seed (revealed after the draw)"] == "not revealed: the lottery was cancelled"

    record = tmp_path / "first.json"
    panel.export(record, first.id)
    qtbot.waitUntil(lambda: record.exists(), timeout=8000)
    data = json.loads(record.read_text(encoding="utf-8"))
    assert data["keyword"] == "#一号" and data["state"] == "cancelled"
    assert data["cancelled_by"] == "客服A" and data["cancelled_at"] and data["seed"] is None
