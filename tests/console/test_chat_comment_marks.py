"""The host's, a moderator's and staff's marks on a comment are stored with it (migration 0017), so the Comments dock
of a console restarted mid-show marks the host's restored comments as it marked them live (real SQLite and
PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.room import comment_row, stored_event
from console.core.storage import Storage


def test_the_hosts_and_moderators_marks_come_back_with_the_restored_comments(storage: Storage) -> None:
    show, _ = storage.open_show("demo", datetime(2026, 11, 30, 20, tzinfo=UTC), 120)
    said = [
        ChatEvent("bilibili", "s", ChatKind.COMMENT, "h1", "主播小美", "欢迎来到直播间", wall=100.0, host=True),
        ChatEvent("bilibili", "s", ChatKind.COMMENT, "m1", "房管阿强", "请文明发言", wall=101.0, moderator=True),
        ChatEvent("twitch", "s", ChatKind.COMMENT, "s1", "staff", "hi", wall=102.0, staff=True),
        ChatEvent("bilibili", "s", ChatKind.COMMENT, "v1", "小明", "多少钱", wall=103.0),
    ]
    storage.add_comments(show.id, [comment_row(event, 0.0) for event in said])
    restored = [stored_event(row) for row in storage.recent_comments(show.id, before=200.0, limit=2000)]
    marks = [(e.user_name, e.host, e.moderator, e.staff) for e in restored]
    assert marks == [
        ("主播小美", True, False, False),
        ("房管阿强", False, True, False),
        ("staff", False, False, True),
        ("小明", False, False, False),
    ]


def test_a_message_two_consoles_of_the_room_both_stored_comes_back_once(storage: Storage) -> None:
    """Two consoles on one database each store what they read: the restarted one shows each message once."""
    from console.core.chat.room import stored_history

    show, _ = storage.open_show("demo", datetime(2026, 11, 30, 20, tzinfo=UTC), 120)
    said = [
        ChatEvent("douyin", "f", ChatKind.COMMENT, "v1", "小明", "多少钱", wall=100.0, message_id="m1"),
        ChatEvent("douyin", "f", ChatKind.COMMENT, "v2", "小红", "好看", wall=101.0, message_id="m2"),
        ChatEvent("douyin", "f", ChatKind.COMMENT, "v3", "阿强", "666", wall=102.0),  # no id: cannot be told apart
    ]
    for _console in ("A", "B"):
        storage.add_comments(show.id, [comment_row(event, 0.0) for event in said])
    restored = stored_history(storage.recent_comments(show.id, before=200.0, limit=2000))
    assert [e.user_name for e in restored] == ["小明", "小红", "阿强", "阿强"]
