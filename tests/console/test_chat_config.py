"""A room's comment sources as saved with the room, their secrets in the keyring (never in rooms.json), and
building the running sources — one of them against the local open platform."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from console.core.chat.bilibili import BilibiliOpenSource
from console.core.chat.config import ChatConfig, ChatSourceConfig, SpecError, load_secrets, save_secrets
from console.core.chat.custom import JsonLinesWebSocketSource
from console.core.chat.feed import ChatFeed
from console.core.chat.file_tail import ChatFileTail
from console.core.chat.mapping import FieldMap
from console.core.rooms import KEYRING_SERVICE, Secrets
from console.core.telemetry.audience import SourceStatus
from tests.chat_servers import BilibiliOpenPlatform, dm, message
from tests.conftest import wait_until
from tests.keyring_memory import MemoryKeyring

BILI = ChatSourceConfig("bili", "bilibili", app_id="1700000001", access_key_id="ak-id")
DOUYIN = ChatSourceConfig(
    "douyin", "websocket", url="wss://127.0.0.1:9/feed?t={secret}", fields=FieldMap(user="nick", text="content")
)
FILE = ChatSourceConfig("taobao", "file", path="~/comments.csv", from_start=True)


@pytest.fixture
def bili() -> Iterator[BilibiliOpenPlatform]:
    platform = BilibiliOpenPlatform()
    yield platform
    platform.close()


def test_the_sources_survive_rooms_json_without_a_secret_in_it() -> None:
    config = ChatConfig((BILI, DOUYIN, FILE))
    text = json.dumps(config.to_json(), ensure_ascii=False)
    assert ChatConfig.from_json(json.loads(text)) == config
    assert "secret" not in text.replace("{secret}", "") and "身份码" not in text
    assert config.to_json()[0] == {"id": "bili", "kind": "bilibili", "app_id": "1700000001", "access_key_id": "ak-id"}
    broken_values: tuple[object, ...] = (
        {},
        [3],
        [{"kind": "myspace"}],
        [{"kind": "http", "headers": 5}],
        [{"kind": "file", "fields": 1}],
    )
    for broken in broken_values:
        with pytest.raises(ValueError):
            ChatConfig.from_json(broken)


def test_configurations_that_cannot_work_are_explained() -> None:
    cases = {
        "The app id (项目ID) is the number": ChatSourceConfig("b", "bilibili", app_id="abc", access_key_id="x"),
        "access key id": ChatSourceConfig("b", "bilibili", app_id="12"),
        # pasted with a Chinese label: it would go into an HTTP header and fail as an "internal error"
        "no Chinese characters or spaces": ChatSourceConfig("b", "bilibili", app_id="12", access_key_id="密钥ak-id"),
        "must start with ws:// or wss://": ChatSourceConfig("w", "websocket", url="http://x.example/"),
        "must start with http:// or https://": ChatSourceConfig("h", "http", url="ftp://x.example/"),
        "which field holds the user": ChatSourceConfig("h", "http", url="https://x.example/", fields=FieldMap(text="")),
        "Choose the file": ChatSourceConfig("f", "file"),
        "up to 40 letters": ChatSourceConfig("a b/c", "file", path="x"),
    }
    for words, config in cases.items():
        with pytest.raises(SpecError, match=re.escape(words)):
            config.check()
    with pytest.raises(SpecError, match="Two comment sources are named “bili”"):
        ChatConfig((BILI, BILI)).check()
    with pytest.raises(SpecError, match="Fill in “Identity code"):
        BILI.build(ChatFeed(), {"access_key_secret": "s"})
    with pytest.raises(SpecError, match="Fill in “Token”"):
        DOUYIN.build(ChatFeed(), {})
    assert FILE.secret_names() == () and DOUYIN.secret_names() == ("secret",)


def test_secrets_live_in_the_keyring_per_room_and_source(memory_keyring: MemoryKeyring) -> None:
    secrets = Secrets()
    save_secrets(secrets, "直播间A", {"bili": {"access_key_secret": "sek", "identity_code": "abc 123"}, "x": {"s": ""}})
    stored = memory_keyring.store[(KEYRING_SERVICE, "chat:直播间A")]
    assert json.loads(stored) == {"bili": {"access_key_secret": "sek", "identity_code": "abc 123"}}
    assert load_secrets(secrets, "直播间A")["bili"]["identity_code"] == "abc 123"
    assert load_secrets(secrets, "other room") == {}
    memory_keyring.store[(KEYRING_SERVICE, "chat:broken")] = "not json"
    assert load_secrets(secrets, "broken") == {}, "an unreadable entry is no secrets, not a crash"
    save_secrets(secrets, "直播间A", {})
    assert (KEYRING_SERVICE, "chat:直播间A") not in memory_keyring.store


def test_a_room_builds_every_source_it_can_and_says_why_not_for_the_others(
    bili: BilibiliOpenPlatform, memory_keyring: MemoryKeyring
) -> None:
    config = ChatConfig((BILI, DOUYIN, FILE))
    save_secrets(Secrets(), "room", {"bili": {"access_key_secret": bili.secret, "identity_code": "abcdef 123456"}})
    feed = ChatFeed()
    sources, problems = config.build(feed, load_secrets(Secrets(), "room"))
    assert [type(s) for s in sources] == [BilibiliOpenSource, ChatFileTail]
    assert [(source_id, "Token" in str(problem)) for source_id, problem in problems] == [("douyin", True)]
    assert isinstance(DOUYIN.build(feed, {"secret": "t"}), JsonLinesWebSocketSource)
    live = BILI.build(feed, load_secrets(Secrets(), "room")["bili"], api_base=bili.api_base)
    live.start()
    try:
        wait_until(lambda: live.state().status is SourceStatus.OK and bili.connections, 10.0)
        assert bili.calls[0][1]["code"] == "ABCDEF123456", "the identity code as typed, spaces and case tidied"
        bili.push(message("LIVE_OPEN_PLATFORM_DM", dm(1, "配置好了")))
        wait_until(lambda: feed.accepted == 1, 5.0)
    finally:
        live.stop()
        assert live.join(5.0)
    assert feed.newest()[0].source_id == "bili"
