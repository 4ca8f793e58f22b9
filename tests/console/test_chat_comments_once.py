"""A comment is one thing per show: two consoles of a room on one database both store every comment they read, and
the show keeps each once — by the platform's message id, or where the platform gives none by the viewer, the time
the platform stated and the words (migration 0018, from the previous head and from empty). And a chat let go while
the show is stored (a room switch) still hands over what its sources read while they stop. Real SQLite and
PostgreSQL."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from console.core.chat.config import ChatConfig
from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.room import RoomChat, comment_row
from console.core.session import Endpoint, RoomSession
from console.core.storage import Storage
from tests.conftest import PASSWORD, wait_until

STARTED = datetime(2026, 12, 2, 20, tzinfo=UTC)


def said(n: int, user: str = "小明", text: str = "多少钱", **fields: Any) -> ChatEvent:
    values: dict[str, Any] = {"platform": "douyin", "source_id": "tool", "kind": ChatKind.COMMENT, "t": 0.0}
    values.update(user_id=user, user_name=user, text=text, wall=1000.0 + n)
    return ChatEvent(**(values | fields))


#: What two consoles both read: messages with the platform's id, a file's rows without ids but with their own time,
#: a gift, and a row with neither id nor time (its time is when each console read it: never taken for a copy).
READ = [
    said(1, message_id="m1"),
    said(2, "小红", "好看", message_id="m2"),
    said(3, "阿强", "666", stamped=True),
    said(4, "阿强", "666", stamped=True),  # the same words a second later: another comment
    said(5, "小美", kind=ChatKind.GIFT, gift_name="小心心", count=3, value=0.3, stamped=True),
]


def _stored(storage: Storage, show_id: int) -> list[tuple[str, str, float]]:
    return sorted((row["user_name"], row["text"], row["t"]) for row in storage.show_comments(show_id))


def test_two_consoles_storing_the_same_comments_at_once_keep_each_once(storage: Storage) -> None:
    show, _ = storage.open_show("带货一号间", STARTED, 60)
    other, _ = storage.open_show("二号间", STARTED, 60)
    consoles = [Storage(storage.url), Storage(storage.url)]
    barrier = threading.Barrier(2)
    failed: list[BaseException] = []

    def store(console: Storage, offset: float) -> None:
        try:
            for _ in range(5):  # the show writer's flushes, racing the other console's
                barrier.wait(10)
                console.add_comments(show.id, [comment_row(event, offset) for event in READ])
        except BaseException as exc:  # said in the main thread
            failed.append(exc)

    threads = [threading.Thread(target=store, args=(console, 0.0)) for console in consoles]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert not failed, failed
        unread = said(6, "路人", "刚来", t=50.0)  # no id, no stated time: each console's own reading
        for n, console in enumerate(consoles):
            console.add_comments(show.id, [comment_row(unread, 1000.0 + n)])
        storage.add_comments(other.id, [comment_row(READ[0], 0.0)])  # the same message in another show: its own
    finally:
        for console in consoles:
            console.close()
    rows = storage.show_comments(show.id)
    assert [(r["user_name"], r["text"], r["gift"]) for r in rows] == [
        ("小明", "多少钱", ""),
        ("小红", "好看", ""),
        ("阿强", "666", ""),
        ("阿强", "666", ""),
        ("小美", "多少钱", "小心心"),
        ("路人", "刚来", ""),
        ("路人", "刚来", ""),
    ], "each comment once; only what no console can tell apart (no id, no time of its own) twice"
    assert [r["message_id"] for r in storage.show_comments(other.id)] == ["m1"]


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_migration_0018_from_the_previous_head_keeps_one_of_each_message(
    database: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from console.core.storage import MIGRATIONS

    url = f"sqlite:///{tmp_path / 'old.db'}" if database == "sqlite" else request.getfixturevalue("postgres_url")
    store = Storage(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    insert = text(
        "insert into show_comments (show_id, t, platform, source, kind, user_id, user_name, text, gift, count, value,"
        " message_id) values (:show, :t, 'bilibili', 's', 'comment', :user, :user, :text, '', 1, 0, :id)"
    )
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0017")
        for room in ("一号间", "二号间"):
            connection.execute(
                text("insert into shows (room, started_at) values (:room, '2026-12-02 20:00:00')"), {"room": room}
            )
        first, second = [int(n) for n in connection.execute(text("select id from shows order by id")).scalars()]
        stored = [  # two consoles stored a1 and 666; a1 is in the second show too
            (first, 1.0, "小明", "多少钱", "a1"), (first, 1.2, "小明", "多少钱", "a1"),
            (first, 2.0, "阿强", "666", ""), (first, 2.1, "阿强", "666", ""),
            (second, 3.0, "小明", "多少钱", "a1"),
        ]  # fmt: skip
        for show, t, user, words, message_id in stored:
            connection.execute(insert, {"show": show, "t": t, "user": user, "text": words, "id": message_id})
    try:
        store.migrate()
        assert [(r["t"], r["message_id"]) for r in store.show_comments(first)] == [(1.0, "a1"), (2.0, ""), (2.1, "")]
        assert [r["message_id"] for r in store.show_comments(second)] == ["a1"]
        store.add_comments(first, [comment_row(said(9, message_id="a1", platform="bilibili"), 0.0)])
        assert len(store.show_comments(first)) == 3, "a message stored before the migration is not stored again"
    finally:
        store.close()


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_a_database_made_from_empty_keeps_each_comment_once(
    database: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}" if database == "sqlite" else request.getfixturevalue("postgres_url")
    store = Storage(url)
    try:
        store.migrate()
        show, _ = store.open_show("一号间", STARTED, 60)
        for _console in ("A", "B"):
            store.add_comments(show.id, [comment_row(event, 0.0) for event in READ])
        assert len(store.show_comments(show.id)) == len(READ)
    finally:
        store.close()


def test_a_chat_let_go_before_a_room_switch_hands_over_what_it_reads_while_it_stops(storage: Storage) -> None:
    """The console lets go of the old room's chat (its sources stopping on a thread of their own) and closes the old
    room's session at once: what those sources still read until they end is the old show's, written by its writer's
    last flush — not lost with the session."""
    chat = RoomChat(ChatConfig(), {})
    session = RoomSession(
        "一号间", Endpoint("127.0.0.1", 1, PASSWORD), open_storage=lambda: Storage(storage.url), sampler=None
    )
    session.attach_chat(chat)
    session.start()
    try:

        def opened() -> bool:
            session.drain()
            return session.show_id is not None

        wait_until(opened, 10.0)
        show_id = session.show_id
        assert show_id is not None
        chat.feed.add(said(1, message_id="read-before", t=time.monotonic()))
        session.attach_chat(None)  # the room switch: the old room's session takes no chat
        session.close(wait=False)
        chat.feed.add(said(2, message_id="read-while-stopping", t=time.monotonic()))
        chat.stop()  # the sources end: the writer's last flush takes what they read
        session.join(20.0)
    finally:
        session.close()
    assert [r["message_id"] for r in storage.show_comments(show_id)] == ["read-before", "read-while-stopping"]


def test_comments_are_written_when_the_shows_seconds_are_refused(storage: Storage, tmp_path: Path) -> None:
    """Two consoles of one show closing at once may both write a finding's newest state, and the database refuses
    one (its unique key): the seconds wait (and are spilled at the close), but the comments — stored once by their
    own key — were held back with them and lost when the closing writer gave up on the failing database."""
    from console.core.telemetry.writer import ShowWriter

    opened: list[int] = []
    problems: list[object] = []
    writer = ShowWriter(
        "一号直播间",
        lambda show, *_: opened.append(show.id),
        problems.append,
        lambda: Storage(storage.url),
        flush_s=0.1,
        spill_folder=tmp_path,  # the refused seconds go to a spill file at the close
    ).start()
    wait_until(lambda: bool(opened), 20.0)
    refused = {"key": "render_lag@1", "finding_id": "render_lag", "message": None}  # a row the database refuses
    writer.put([], [], [refused])
    writer.put_comments([comment_row(event, 0.0) for event in READ[:2]])
    writer.stop(timeout=10.0)
    assert problems, "the refused seconds are said"
    assert [r["message_id"] for r in storage.show_comments(opened[0])] == ["m1", "m2"]
