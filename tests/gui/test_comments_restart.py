"""A console closed mid-show and started again continues the show, and its Comments dock shows the show's comments
from before (read back from the show's record) above the live ones — once, and without their being counted,
stored, or read as questions again: they never enter the feed. The Questions dock, which comes back from storage
too, agrees with it."""

from __future__ import annotations

import time
from collections import Counter

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console
from console.core.chat.events import ChatEvent, ChatKind
from console.core.storage import Storage
from console.settings import Settings
from tests.gui.conftest import start
from widgets.comments_dock import CommentsDock


def _dock(console: Console) -> CommentsDock:
    dock = console.window.widgets["comments"]
    assert isinstance(dock, CommentsDock)
    return dock


def _recall_done(qapp: QApplication, console: Console) -> None:
    """Round trip through the recall worker: a read it was given before now has answered (its queued answer is
    delivered by the processEvents after the barrier job)."""
    worker = console.chat._recall_worker
    if worker is not None:
        worker.submit(lambda: None).result(10)
    qapp.processEvents()


def test_a_console_restarted_mid_show_shows_the_shows_comments_again_once(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    storage = Storage()  # the consoles' own database (the test's)
    storage.migrate()
    try:
        first = start(qapp, consoles, settings, demo=True)
        qtbot.waitUntil(
            lambda: first.bridge.session is not None and first.bridge.session.show_id is not None, timeout=15000
        )
        session = first.bridge.session
        assert session is not None and session.show_id is not None
        show_id = session.show_id
        # Some comments stored with the show, and a question among them found and stored by the Q&A queue.
        qtbot.waitUntil(lambda: len(storage.show_comments(show_id)) >= 12, timeout=30000)
        qtbot.waitUntil(lambda: bool(storage.questions(show_id)), timeout=30000)
        consoles.remove(first)
        first.window.close()
        first.shutdown()
        before = storage.show_comments(show_id)
        asked = storage.questions(show_id)

        second = start(qapp, consoles, settings, demo=True)
        qtbot.waitUntil(lambda: bool(second.chat.history), timeout=15000)
        session = second.bridge.session
        assert session is not None and session.show_id == show_id, "the restarted console continues the show"
        history = second.chat.history
        stored_before = [(row["user_name"], row["text"], row["message_id"]) for row in before]
        assert [(e.user_name, e.text, e.message_id) for e in history] == stored_before[-len(history) :]
        assert len(history) == len(before), "a short show comes back whole"

        dock = _dock(second)
        rows = dock.model.rows
        shown = [(row.event.user_name, row.event.text, row.event.message_id) for row in rows[: len(history)]]
        assert shown == stored_before, "the earlier comments are the first rows, oldest first"
        assert rows[len(history) - 1].boundary and not any(row.boundary for row in rows[len(history) :])
        assert dock.earlier.isVisible() and dock.earlier.text().startswith("Above the line")

        # Never in the feed: not counted per minute, not read for complaints, questions or the lottery again.
        earlier_ids = {e.message_id for e in history}
        qtbot.waitUntil(lambda: second.chat.feed.accepted >= 4, timeout=15000)
        assert not earlier_ids & {e.message_id for e in second.chat.feed.newest()}
        # Not stored again: once the second console's own comments are stored, each message is in the show once.
        qtbot.waitUntil(lambda: len(storage.show_comments(show_id)) > len(before), timeout=30000)
        counts = Counter(row["message_id"] for row in storage.show_comments(show_id))
        assert max(counts.values()) == 1

        # The Questions dock comes back from storage too: each question asked before the restart is a comment the
        # Comments dock shows again.
        qtbot.waitUntil(lambda: second.engage.ready, timeout=15000)
        listed = {(row.event.user_id, row.event.text) for row in rows}
        assert asked and all((q.user_id, q.text) in listed for q in asked)

        # OBS reconnecting opens the same show again: the earlier comments are not shown twice.
        count = len(dock.model.rows)
        second.bridge.sig_show_opened.emit(show_id)
        _recall_done(qapp, second)
        assert sum(1 for row in dock.model.rows if row.event.message_id in earlier_ids) == len(history)
        assert len(dock.model.rows) >= count

        # A language switch builds the window anew: its Comments dock shows the earlier comments too, once.
        second.switch_language("zh_CN")
        again = _dock(second)
        assert again is not dock
        assert [row.event.message_id for row in again.model.rows[: len(history)]] == [e.message_id for e in history]
        assert sum(1 for row in again.model.rows if row.boundary) == 1
        assert again.earlier.text().startswith("分隔线以上")
    finally:
        storage.close()


def test_the_recall_is_bounded_and_reads_only_what_came_before_the_feed(settings: Settings) -> None:
    """A long show gives its newest RECALL_LIMIT comments stored before the cut, oldest first — never a later one
    (those are the feed's) and never another show's."""
    _recall_is_bounded(Storage())


def test_the_recall_reads_the_same_on_postgresql(migrated_postgres_url: str) -> None:
    _recall_is_bounded(Storage(migrated_postgres_url))


def _recall_is_bounded(storage: Storage) -> None:
    from datetime import UTC, datetime

    from console.core.chat.events import ChatKind
    from console.core.chat.room import comment_row, stored_event

    storage.migrate()
    try:
        show, _ = storage.open_show("长直播间", datetime.now(UTC), 60)
        other, _ = storage.open_show("另一个直播间", datetime.now(UTC), 60)
        base = 1_800_000_000.0
        events = [
            ChatEvent(
                "bilibili", "bili", ChatKind.COMMENT, f"u{n}", f"观众{n}", f"第{n}条", wall=base + n, message_id=f"m{n}"
            )
            for n in range(3000)
        ]
        gift = ChatEvent(
            "bilibili", "bili", ChatKind.GIFT, "g", "送礼人", wall=base + 2500.5, gift_name="小心心", count=3, value=0.3
        )
        storage.add_comments(show.id, [comment_row(e, 0.0) for e in [*events, gift]])
        storage.add_comments(other.id, [comment_row(events[0], 0.0)])
        rows = storage.recent_comments(show.id, before=base + 2600, limit=500)
        assert len(rows) == 500
        recalled = [stored_event(row) for row in rows]
        assert recalled[0].message_id == "m2101" and recalled[-1].message_id == "m2599"
        assert [e.wall for e in recalled] == sorted(e.wall for e in recalled)
        [again] = [e for e in recalled if e.kind is ChatKind.GIFT]
        assert (again.gift_name, again.count, again.value, again.user_name) == ("小心心", 3, 0.3, "送礼人")
        assert all(e.t == 0.0 for e in recalled), "no place on this console's clock: never counted"
        assert storage.recent_comments(other.id, before=base + 2600, limit=500)[0]["user_id"] == "u0"
        assert storage.recent_comments(show.id, before=base, limit=500) == []
    finally:
        storage.close()


def test_a_comment_read_in_the_last_second_before_the_console_closes_is_stored_with_the_show(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    """The show writer is handed the comments once a second, with each sample: a comment read since the last one was
    lost when the console closed — while the Q&A queue's last pump stored it as a question (cs17's walk saw a
    question whose comment the restarted console never showed)."""
    storage = Storage()
    storage.migrate()
    try:
        console = start(qapp, consoles, settings, demo=True)
        qtbot.waitUntil(
            lambda: console.bridge.session is not None and console.bridge.session.show_id is not None, timeout=15000
        )
        session = console.bridge.session
        assert session is not None and session.show_id is not None and session.chat is not None
        show_id = session.show_id
        last = ChatEvent(
            "bilibili", "bilibili", ChatKind.COMMENT, "uid-9", "小周", "最后一句：链接在哪？",
            t=time.monotonic(), wall=time.time(), message_id="the-last-one",
        )  # fmt: skip
        session.chat.feed.add(last)  # read now: no sample has taken it yet
        consoles.remove(console)
        console.window.close()
        console.shutdown()
        stored = [row["message_id"] for row in storage.show_comments(show_id)]
        assert "the-last-one" in stored, "the comment read in the last second was not stored"
    finally:
        storage.close()
