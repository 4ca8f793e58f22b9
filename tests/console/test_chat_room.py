"""A room's chat (RoomChat): its sources from the room's configuration feeding one feed, the trailing minute's
comments and chatters as two channels of the show's seconds, comments stored with the show and deleted after the
retention period, the room's sources in rooms.json and the keyring, and `onair monitor`'s JSON."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from console.core.chat.config import ChatConfig, ChatSourceConfig, load_secrets, save_secrets
from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.mapping import FieldMap
from console.core.chat.room import RoomChat, comment_row, purge_old_comments
from console.core.rooms import RoomStore, Secrets
from console.core.session import Endpoint, RoomSession
from console.core.storage import Storage
from console.core.telemetry.audience import SourceStatus
from console.core.telemetry.channels import CHANNELS
from console.core.telemetry.monitor import Monitor, json_line
from tests.chat_servers import JsonLinesWebSocket
from tests.conftest import PASSWORD, wait_until

ROOM = "带货一号间"
#: A line already in the file when the source starts: history (not read), and how the file tells its format.
HISTORY = json.dumps({"user": "开播前", "text": "旧评论", "id": "old"}, ensure_ascii=False) + "\n"


def file_config(path: Path, source_id: str = "douyin-tool") -> ChatConfig:
    return ChatConfig((ChatSourceConfig(source_id, "file", path=str(path)),))


def comment(n: int, t: float, user: str = "", kind: ChatKind = ChatKind.COMMENT, **extra: Any) -> ChatEvent:
    return ChatEvent(
        "file", "douyin-tool", kind, user or f"u{n}", user or f"观众{n}", f"第{n}条", t=t, message_id=f"m{n}", **extra
    )


@pytest.fixture
def running_file_chat(tmp_path: Path) -> Iterator[tuple[RoomChat, Path]]:
    path = tmp_path / "comments.jsonl"
    path.write_text(HISTORY, encoding="utf-8")
    chat = RoomChat(file_config(path), {}).start()
    try:
        wait_until(lambda: chat.known, 5.0, message="the file source is OK")
        yield chat, path
    finally:
        assert chat.stop(3.0)


# ---------------------------------------------------------------------- RoomChat over real sources
def test_a_file_and_a_websocket_source_feed_one_room_feed(tmp_path: Path, ws_server: JsonLinesWebSocket) -> None:
    path = tmp_path / "taobao.jsonl"
    path.write_text(HISTORY, encoding="utf-8")
    config = ChatConfig(
        (
            ChatSourceConfig("taobao", "file", path=str(path)),
            ChatSourceConfig("douyin", "websocket", url=ws_server.url + "/?token={secret}", fields=FieldMap()),
        )
    )
    chat = RoomChat(config, {"douyin": {"secret": "tok-1"}}).start()
    try:
        wait_until(lambda: all(s.status is SourceStatus.OK for _, s in chat.status()), 10.0)
        assert [source_id for source_id, _ in chat.status()] == ["taobao", "douyin"]
        # The server's handler lists a client a moment after answering its handshake (the source is OK by then).
        wait_until(lambda: ws_server.paths, 5.0, message="the server listed the connection")
        assert ws_server.paths == ["/?token=tok-1"], "the secret from the keyring went where {secret} was"
        with path.open("a", encoding="utf-8") as handle:
            handle.write(
                json.dumps({"user": "淘宝观众", "text": "有优惠券吗？", "id": "t1"}, ensure_ascii=False) + "\n"
            )
        ws_server.push(json.dumps({"user": "抖音观众", "text": "主播好", "id": "d1"}, ensure_ascii=False))
        wait_until(lambda: chat.feed.accepted == 2, 10.0)
    finally:
        started = time.monotonic()
        assert chat.stop(3.0), "every source's thread ended"
        assert time.monotonic() - started < 3.5
    assert sorted(e.text for e in chat.feed.newest()) == ["主播好", "有优惠券吗？"]
    assert {e.source_id for e in chat.take_unstored()} == {"taobao", "douyin"}, "both wait to be stored"


def test_a_source_that_cannot_be_built_is_listed_with_why(tmp_path: Path) -> None:
    config = ChatConfig((ChatSourceConfig("bili", "bilibili", app_id="1760", access_key_id="AK"),))
    chat = RoomChat(config, {})  # no secret and no 身份码 in the keyring
    assert chat.sources == []
    [(source_id, state)] = chat.status()
    assert source_id == "bili" and state.status is SourceStatus.ERROR
    assert "Fill in" in state.detail.text()
    assert chat.reading(time.monotonic()) is None, "no source OK: unknown, not 0"


# ---------------------------------------------------------------------- the two channels on one clock
def test_comments_and_chatters_per_minute_are_channels_of_each_second(
    running_file_chat: tuple[RoomChat, Path],
) -> None:
    chat, _ = running_file_chat
    session = RoomSession(ROOM, Endpoint("127.0.0.1", 1, PASSWORD), store=False)
    now = math.floor(time.monotonic()) + 5.5  # mid-second: the window's edges fall between comments
    session.tick(now)
    assert session.telemetry.value("comments_per_min") is None, "no chat attached: unknown"
    session.attach_chat(chat)
    # 30 comments from 10 viewers spread over the last 50 s, and 5 older than a minute.
    chat.feed.extend(comment(n, now - 70 + n * 0.1, user=f"old{n}") for n in range(5))
    chat.feed.extend(comment(100 + n, now - 49 + n * 1.5, user=f"v{n % 10}") for n in range(30))
    chat.feed.add(comment(999, now, kind=ChatKind.GIFT, gift_name="小心心", value=0.1))  # a gift is not a comment
    session.tick(now + 1.0)
    assert session.telemetry.value("comments_per_min") == 30.0
    assert session.telemetry.value("chatters_per_min") == 10.0
    session.tick(now + 30.0)  # the 13 comments written 30 s or more before now have left the window
    assert session.telemetry.value("comments_per_min") == 17.0
    assert session.telemetry.value("chatters_per_min") == 10.0
    session.tick(now + 120.0)
    assert session.telemetry.value("comments_per_min") == 0.0, "a silent room with a source OK is 0"
    assert session.telemetry.value("chatters_per_min") == 0.0
    chat.stop()
    wait_until(lambda: not chat.known, 5.0)
    session.tick(now + 121.0)
    assert session.telemetry.value("comments_per_min") is None, "the source stopped: unknown, never 0"
    session.attach_chat(None)
    session.tick(now + 122.0)
    assert session.telemetry.value("chatters_per_min") is None


def test_a_file_row_arriving_late_is_counted_in_its_own_second(running_file_chat: tuple[RoomChat, Path]) -> None:
    chat, _ = running_file_chat
    now = 10_000.0
    chat.feed.add(comment(1, now, user="a"))
    chat.feed.add(comment(2, now - 30, user="b"))  # inside the window: counted
    chat.feed.add(comment(3, now - 300, user="c"))  # long past: listed, not counted
    reading = chat.reading(now)
    assert reading is not None and (reading.comments, reading.chatters) == (2, 2)
    assert chat.reading(now + 45) == type(reading)(1, 1), "b's comment left the window at now + 30"


# ---------------------------------------------------------------------- stored with the show
def test_comments_and_gifts_are_stored_with_the_show_through_the_writer(
    storage: Storage, running_file_chat: tuple[RoomChat, Path]
) -> None:
    chat, path = running_file_chat
    session = RoomSession(
        ROOM, Endpoint("127.0.0.1", 1, PASSWORD), open_storage=lambda: Storage(storage.url), sampler=None
    )
    session.attach_chat(chat)
    session.start()
    try:

        def opened() -> bool:
            session.drain()
            return session.show_id is not None

        wait_until(opened, 10.0)
        lines = [
            {"user": "小明", "user_id": "u1", "text": "这个多少钱？", "id": "a1"},
            {"user": "小红", "user_id": "u2", "kind": "礼物", "gift": "小心心", "count": 3, "value": 0.3, "id": "a2"},
            {"user": "小刚", "user_id": "u3", "kind": "点赞", "id": "a3"},  # a like: counted by the platform only
            {"user": "😀 Ümit", "user_id": "u4", "text": "mixed 文字 and emoji 🎉" * 3, "id": "a4"},
        ]
        with path.open("a", encoding="utf-8") as handle:
            for line in lines:
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        wait_until(lambda: chat.feed.accepted == 4, 10.0)
        session.tick(time.monotonic() + 1.5)
        wait_until(lambda: len(storage.show_comments(session.show_id or 0)) == 3, 10.0)
        show_id = session.show_id
    finally:
        session.close()
    rows = storage.show_comments(show_id or 0)
    assert [(r["user_name"], r["kind"]) for r in rows] == [
        ("小明", "comment"),
        ("小红", "gift"),
        ("😀 Ümit", "comment"),
    ]
    gift = rows[1]
    assert (gift["gift"], gift["count"], gift["value"], gift["message_id"]) == ("小心心", 3, 0.3, "a2")
    assert rows[2]["text"] == "mixed 文字 and emoji 🎉" * 3
    assert abs(rows[0]["t"] - time.time()) < 60, "stored as epoch seconds"
    samples = storage.show_samples(show_id or 0)
    assert any(s["comments_per_min"] == 2.0 for s in samples), "the channel is a column of the show's seconds"


def test_retention_deletes_comments_older_than_the_setting_only(storage: Storage) -> None:
    show, _ = storage.open_show(ROOM, datetime.now(UTC), 60)
    now = 2_000_000_000.0
    day = 86_400.0
    offset = 0.0
    events = [
        comment(n, age, user=f"v{n}") for n, age in enumerate((now - 40 * day, now - 31 * day, now - 29 * day, now))
    ]
    storage.add_comments(show.id, [comment_row(e, offset) for e in events])
    assert purge_old_comments(storage, 0, now) == 0, "0 keeps everything"
    assert len(storage.show_comments(show.id)) == 4
    assert purge_old_comments(storage, 30, now) == 2
    assert [r["message_id"] for r in storage.show_comments(show.id)] == ["m2", "m3"]


def test_retention_deletes_a_long_history_in_batches(storage: Storage) -> None:
    show, _ = storage.open_show(ROOM, datetime.now(UTC), 60)
    rows = [comment_row(comment(n, 1000.0 + n, user=f"v{n}"), 0.0) for n in range(12_000)]
    storage.add_comments(show.id, rows)
    assert storage.delete_comments_before(1000.0 + 11_000) == 11_000
    assert len(storage.show_comments(show.id)) == 1000


# ---------------------------------------------------------------------- rooms.json and the keyring
def test_old_rooms_files_load_unchanged_and_chat_sources_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "rooms.json"
    old = {"version": 1, "last": "老房间", "rooms": [{"name": "老房间", "host": "10.0.0.5", "port": 4455}]}
    path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    store = RoomStore(path)
    assert store.load_problems == []
    room = store.get("老房间")
    assert room is not None and room.chat == ChatConfig()
    assert "chat" not in room.to_json(), "a room without comment sources is saved as before"
    chat = ChatConfig(
        (
            ChatSourceConfig("bili", "bilibili", app_id="1760", access_key_id="AKID"),
            ChatSourceConfig("tool", "websocket", url="ws://10.0.0.9:9000/?t={secret}"),
            ChatSourceConfig("file", "file", path="/srv/kuaishou.csv", from_start=True),
        )
    )
    from dataclasses import replace

    store.put(replace(room, chat=chat), "老房间")
    again = RoomStore(path).get("老房间")
    assert again is not None and again.chat == chat
    text = path.read_text(encoding="utf-8")
    assert "access_key_secret" not in text and "identity_code" not in text


def test_a_rooms_broken_chat_setting_is_said_and_the_other_rooms_kept(tmp_path: Path) -> None:
    path = tmp_path / "rooms.json"
    data = {
        "rooms": [
            {"name": "好房间", "host": "h1"},
            {"name": "坏房间", "host": "h2", "chat": [{"id": "x", "kind": "telegram"}]},
        ]
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    store = RoomStore(path)
    assert [r.name for r in store.rooms()] == ["好房间"]
    assert "comment sources are not valid" in str(store.load_problems[0])


def test_forgetting_or_renaming_a_room_moves_its_chat_secrets(memory_keyring: object) -> None:
    secrets = Secrets()
    save_secrets(secrets, "旧名", {"bili": {"access_key_secret": "S3CR3T", "identity_code": "ABCDEF"}})
    secrets.rename("旧名", "新名")
    assert load_secrets(secrets, "旧名") == {}
    assert load_secrets(secrets, "新名") == {"bili": {"access_key_secret": "S3CR3T", "identity_code": "ABCDEF"}}
    secrets.forget("新名")
    assert load_secrets(secrets, "新名") == {}


# ---------------------------------------------------------------------- onair monitor
def test_the_monitor_json_carries_the_two_channels_and_the_sources(
    tmp_path: Path, sim: object, ws_server: JsonLinesWebSocket
) -> None:
    chat = RoomChat(ChatConfig((ChatSourceConfig("tool", "websocket", url=ws_server.url),)), {})
    port = sim.port  # type: ignore[attr-defined]
    with Monitor("127.0.0.1", port, PASSWORD, chat=chat) as monitor:
        assert monitor.session.wait_connected(10.0)
        wait_until(lambda: chat.known, 10.0)
        for n in range(12):
            ws_server.push(json.dumps({"user": f"viewer{n % 4}", "text": f"hello {n}", "id": f"w{n}"}))
        wait_until(lambda: chat.feed.accepted == 12, 10.0)
        wait_until(lambda: (monitor.sample()[0].get("comments_per_min") or 0) == 12, 10.0)
        _, line = monitor.sample()
    parsed = json.loads(json_line(line))
    assert parsed["comments_per_min"] == 12 and parsed["chatters_per_min"] == 4
    assert parsed["chat_sources"] == [{"id": "tool", "status": "ok", "detail": parsed["chat_sources"][0]["detail"]}]
    assert chat.sources[0].join(0.0), "the monitor stopped the room's chat with itself"


def test_the_two_channels_are_known_channels_and_nan_is_never_zero() -> None:
    assert CHANNELS[-2:] == ("comments_per_min", "chatters_per_min")
    session = RoomSession(None, Endpoint("127.0.0.1", 1, PASSWORD), store=False)
    session.tick(time.monotonic() + 5)
    _, values = session.telemetry.ring.last(1)
    assert math.isnan(values[0][CHANNELS.index("comments_per_min")])


def test_comments_and_chatters_of_the_trailing_minute_count_the_same_seconds() -> None:
    """A sample taken a moment before comments of the same second arrived (a loaded machine) counts them for
    both figures, never 12 comments from 0 chatters; the minute's edges are whole seconds for both."""
    from console.core.chat.room import RoomFeed

    feed = RoomFeed()
    feed.extend([comment(n, t=100.6, user=f"viewer{n % 4}") for n in range(12)])
    reading = feed.trailing(100.2)  # the sample's time: the same second, a little earlier
    assert (reading.comments, reading.chatters) == (12, 4)
    assert (feed.trailing(159.9).comments, feed.trailing(159.9).chatters) == (12, 4)
    assert (feed.trailing(160.0).comments, feed.trailing(160.0).chatters) == (0, 0), "a minute later: gone"
