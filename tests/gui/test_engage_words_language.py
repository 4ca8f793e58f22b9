"""The Questions dock's problems follow a language switch (fix26c): a claim another desk made first, an export the
system refused, said in English, read in Chinese in the dock of the window rebuilt for Chinese (and back), not in
the language of the moment they were said, nor lost with the old dock. A lottery's refusal is a sentence of its own
in either language (a capital and a full stop; "。" in Chinese)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.core.chat.engage import Engagement
from console.core.chat.feed import ChatFeed
from console.core.storage import Storage, default_url
from console.i18n import install_translator, remove_translators
from tests.gui.engage_room import Room, room_fixture  # noqa: F401 - the fixture
from tests.gui.test_engage_lottery import open_lottery
from tests.language import english_words
from widgets.engage_dock import EngageDock


def rebuilt(qtbot: QtBot, room: Room) -> EngageDock:
    """The Questions dock a window rebuilt for the language now installed builds anew (as Console.switch_language
    does: the engagement controller carries on, the docks are made again)."""
    dock = EngageDock(room.engage)
    qtbot.addWidget(dock)
    return dock


def test_a_claim_another_desk_made_first_reads_in_the_new_language_after_a_switch(
    qtbot: QtBot, qapp: QApplication, room: Room
) -> None:
    panel = room.dock.questions
    room.comments.say("小明", "有黑色的吗？")
    qtbot.waitUntil(lambda: len(room.engage.questions) == 1, timeout=10000)
    question = room.engage.questions[0]
    other = Engagement(Storage(default_url()), "demo", room.show_id, ChatFeed())
    try:
        other.claim(question.id, "客服B")  # the other desk was first; this one has not seen it yet
    finally:
        other.storage.close()
    assert panel.select(question.id)
    panel.claim()
    qtbot.waitUntil(lambda: panel.said.startswith("Someone else has it:"), timeout=5000)
    assert panel.said == "Someone else has it: 客服B has already claimed this question"

    translators = install_translator(qapp, "zh_CN")
    try:
        dock = rebuilt(qtbot, room)
        chinese = dock.questions
        assert chinese.said == "已被别人认领：客服B 已经认领了这个问题"
        assert "已被别人认领" in chinese.outcome.text()
    finally:
        remove_translators(qapp, translators)
    back = rebuilt(qtbot, room)  # and back to English from the Chinese dock
    assert back.questions.said == "Someone else has it: 客服B has already claimed this question"


def test_a_lottery_export_refused_is_a_sentence_and_reads_in_the_new_language_after_a_switch(
    qtbot: QtBot, qapp: QApplication, room: Room, tmp_path: Path
) -> None:
    panel = room.dock.lottery
    open_lottery(qtbot, panel, "#抽奖", 1)
    target = tmp_path / "gone" / "lottery.json"  # a folder that is not there
    qtbot.waitUntil(lambda: panel.said.startswith("Entries are open"), timeout=5000)
    panel.export(target)
    qtbot.waitUntil(lambda: "cannot be written" in panel.said, timeout=5000)
    english = panel.said
    assert english.startswith(f"{target} cannot be written: ") and english.endswith("."), english
    assert "Errno" not in english

    translators = install_translator(qapp, "zh_CN")
    try:
        dock = rebuilt(qtbot, room)
        said = dock.lottery.said
        assert said.startswith(f"无法写入 {target}：") and said.endswith("。"), said
        assert english_words(said.replace(str(target), "")) == [], said
    finally:
        remove_translators(qapp, translators)
    back = rebuilt(qtbot, room)
    assert back.lottery.said == english


def test_good_news_of_the_moment_is_not_carried_into_the_rebuilt_dock(
    qtbot: QtBot, qapp: QApplication, room: Room
) -> None:
    """Only a problem is taken up by the rebuilt dock: "Entries are open…" was words of that moment."""
    panel = room.dock.lottery
    open_lottery(qtbot, panel, "#福袋", 1)
    qtbot.waitUntil(lambda: panel.said.startswith("Entries are open"), timeout=5000)
    translators = install_translator(qapp, "zh_CN")
    try:
        dock = rebuilt(qtbot, room)
        assert dock.lottery.said == "" and dock.lottery.outcome.text() == ""
    finally:
        remove_translators(qapp, translators)
