"""The Questions dock in a busy show: thousands of questions in the queue, read again every two seconds. The rows
already shown stay as they are — a new question is one row added at the end, a claim rewrites its row — instead of
the whole list being emptied and rebuilt on every read (seen by use: with 6,000 questions each read froze the
window for seconds, with the pointer over the list for 17 s, and a claim pressed meanwhile waited). Real engagement
controller, real SQLite, comments through a real feed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.engage_room import Room, room_fixture  # noqa: F401 - the fixture

MANY = 2000


def changes(model: Any) -> dict[str, list[tuple[int, int]]]:
    """What the list's model tells its view: rows inserted, rows removed, and whole resets."""
    seen: dict[str, list[tuple[int, int]]] = {"inserted": [], "removed": [], "reset": []}
    model.rowsInserted.connect(lambda _parent, first, last: seen["inserted"].append((first, last)))
    model.rowsRemoved.connect(lambda _parent, first, last: seen["removed"].append((first, last)))
    model.modelReset.connect(lambda: seen["reset"].append((0, 0)))
    return seen


def test_a_queue_of_thousands_is_updated_by_what_changed_not_rebuilt(qtbot: QtBot, room: Room) -> None:
    panel = room.dock.questions
    for n in range(MANY):
        room.comments.say(f"观众{n % 300}", f"{n} 号链接多少钱？")
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == MANY, timeout=60000)
    first_item = panel.tree.topLevelItem(0)
    assert first_item is not None
    seen = changes(panel.tree.model())

    room.comments.say("小明", "保温杯几号发货？")
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == MANY + 1, timeout=20000)
    newest = panel.tree.topLevelItem(MANY)
    assert newest is not None and (newest.text(1), newest.text(2)) == ("小明", "保温杯几号发货？")
    assert seen == {"inserted": [(MANY, MANY)], "removed": [], "reset": []}, "one row added, none rebuilt"
    assert panel.tree.topLevelItem(0) is first_item

    assert panel.select(room.engage.questions[0].id)
    panel.window().activateWindow()
    panel.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.tree, timeout=3000)
    QTest.keyClick(panel.tree, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: first_item.text(3) == "claimed by me", timeout=10000)
    assert first_item.toolTip(3) == "claimed by me", "the state in full where the column cuts it"
    assert panel.tree.currentItem() is first_item, "the claimed question stays chosen"
    assert seen == {"inserted": [(MANY, MANY)], "removed": [], "reset": []}, "a claim rewrites its own row only"
    texts = [item.text(2) for item in map(panel.tree.topLevelItem, (1, MANY)) if item is not None]
    assert texts == ["1 号链接多少钱？", "保温杯几号发货？"]
