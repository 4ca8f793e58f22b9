"""Posting a quick reply to the platform's chat, against the local Twitch and YouTube (tests/chat_servers_twitch.py,
tests/chat_servers_youtube.py) which check the method, path, headers, body and the token's scopes as the real APIs
do and answer their documented errors. A source offers posting only when its token's scopes allow it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from console.core.chat.config import ChatConfig, ChatSourceConfig
from console.core.chat.feed import ChatFeed
from console.core.chat.room import RoomChat
from console.core.chat.twitch import TwitchEventSubSource
from console.core.chat.youtube import COSTS, YouTubeChatSource
from console.core.telemetry.audience import SourceStatus
from tests.chat_servers_twitch import Token, TwitchServer
from tests.chat_servers_youtube import YouTubeApi, error
from tests.conftest import wait_until


@pytest.fixture
def twitch() -> Iterator[TwitchServer]:
    server = TwitchServer()
    server.tokens["writer"] = Token("555", "modbot", server.client_id, ["user:read:chat", "user:write:chat"])
    yield server
    server.close()


def twitch_source(twitch: TwitchServer, token: str = "writer", **kwargs: Any) -> TwitchEventSubSource:
    source = TwitchEventSubSource(
        ChatFeed(),
        "streamer",
        twitch.client_id,
        token,
        eventsub_url=twitch.eventsub_url,
        helix_base=twitch.helix_base,
        id_base=twitch.id_base,
        **kwargs,
    )
    source.start()
    wait_until(lambda: source.state().status is SourceStatus.OK, 10.0)
    return source


def stopped(source: Any) -> None:
    source.stop()
    assert source.join(5.0)


# ---------------------------------------------------------------------- Twitch
def test_a_twitch_reply_is_sent_as_the_tokens_user_with_the_documented_request(twitch: TwitchServer) -> None:
    source = twitch_source(twitch)
    try:
        assert source.can_post()
        posted = source.post("  链接在简介里 👉 thanks!  ")
        assert posted.ok and posted.source_id == "twitch"
        assert posted.detail.text() == "Posted to the chat of twitch.tv/streamer."
        method, path, headers, body = twitch.http_calls[-1]
        assert (method, path) == ("POST", "/helix/chat/messages")
        assert headers["Client-Id"] == "client-abc" and headers["Authorization"] == "Bearer writer"
        assert headers["Content-Type"] == "application/json"
        assert body == {"broadcaster_id": "1971641", "sender_id": "555", "message": "链接在简介里 👉 thanks!"}
        assert twitch.chat_messages == [("1971641", "555", "链接在简介里 👉 thanks!")]
    finally:
        stopped(source)


def test_a_token_without_user_write_chat_cannot_post_and_says_so_without_asking_twitch(twitch: TwitchServer) -> None:
    source = twitch_source(twitch, token="user-token")  # user:read:chat only
    try:
        assert not source.can_post()
        posted = source.post("hello")
        assert not posted.ok
        assert "user:write:chat" in posted.detail.text()
        assert not any(path == "/helix/chat/messages" for _, path, _, _ in twitch.http_calls)
    finally:
        stopped(source)


def test_a_twitch_reply_over_500_characters_is_refused_in_words_before_sending(twitch: TwitchServer) -> None:
    source = twitch_source(twitch)
    try:
        posted = source.post("好" * 501)
        assert not posted.ok
        assert posted.detail.text() == "Twitch takes at most 500 characters in a chat message; this reply has 501."
        assert source.post("好" * 500).ok  # the limit itself is allowed (characters, not bytes)
        assert len(twitch.chat_messages) == 1
    finally:
        stopped(source)


def test_twitchs_refusals_each_say_what_happened(twitch: TwitchServer) -> None:
    source = twitch_source(twitch)
    try:
        twitch.chat_answers = [
            (
                200,
                {},
                {
                    "data": [
                        {
                            "message_id": "",
                            "is_sent": False,
                            "drop_reason": {"code": "msg_duplicate", "message": "Your message is identical."},
                        }
                    ]
                },
            ),
            (429, {"Ratelimit-Reset": str(int(time.time()) + 30)}, {"status": 429, "message": "Too Many Requests"}),
            (422, {}, {"status": 422, "message": "The message is too large."}),
        ]
        dropped, limited, large = source.post("a"), source.post("b"), source.post("c")
        assert dropped.detail.text() == "Twitch did not deliver the reply: Your message is identical. (msg_duplicate)."
        assert not limited.ok and "HTTP 429" in limited.detail.text() and "post again in" in limited.detail.text()
        seconds = int(limited.detail.text().split("in ")[-1].split(" s")[0])
        assert 25 <= seconds <= 31
        assert large.detail.text() == "Twitch says the message is too large (HTTP 422: The message is too large.)."
        twitch.cannot_post.add("555")  # banned, or a followers-only chat
        banned = source.post("d")
        assert not banned.ok and banned.detail.text().startswith(
            "Twitch does not let this account post in the channel's chat (HTTP 403: The sender is not permitted"
        )
        assert twitch.chat_messages == []
    finally:
        stopped(source)


def test_an_expired_token_is_renewed_for_a_post_and_the_new_pair_kept(twitch: TwitchServer) -> None:
    minted = twitch._mint("555", ["user:read:chat", "user:write:chat"])
    kept: list[Any] = []
    source = twitch_source(
        twitch, token=minted["access_token"], refresh_token=minted["refresh_token"], keep_tokens=kept.append
    )
    try:
        twitch.expire(minted["access_token"])
        posted = source.post("still here")
        assert posted.ok, posted.detail.text()
        assert source.refreshes == 1 and len(kept) == 1
        assert kept[0].access_token != minted["access_token"] and kept[0].refresh_token != minted["refresh_token"]
        assert twitch.http_calls[-1][2]["Authorization"] == f"Bearer {kept[0].access_token}"
    finally:
        stopped(source)


# ---------------------------------------------------------------------- YouTube
@pytest.fixture
def youtube() -> Iterator[YouTubeApi]:
    api = YouTubeApi()
    yield api
    api.close()


def youtube_source(api: YouTubeApi, **kwargs: Any) -> YouTubeChatSource:
    options: dict[str, Any] = {
        "oauth_token": api.oauth_token,
        "api_base": api.api_base,
        "tokeninfo_url": api.tokeninfo_url,
        "min_interval_s": 0.05,
        **kwargs,
    }
    source = YouTubeChatSource(ChatFeed(), api.video_id, **options)
    source.start()
    wait_until(lambda: source.state().status is SourceStatus.OK, 10.0)
    return source


def test_a_youtube_reply_is_inserted_with_the_owner_token_and_costs_50_units(youtube: YouTubeApi) -> None:
    source = youtube_source(youtube)
    try:
        assert source.can_post()
        posted = source.post("包邮，今晚下单 🎁")
        assert posted.ok and posted.detail.text() == "Posted to the YouTube live chat."
        stopped(source)  # the polls spend too: counted once they are over
        assert source.quota_used == sum(COSTS[call] for call in source.calls) + 50
        path, query, headers = next(r for r in youtube.requests if r[0].startswith("POST "))
        assert path == "POST /youtube/v3/liveChat/messages" and query == {"part": "snippet"}
        assert headers["Authorization"] == f"Bearer {youtube.oauth_token}" and "key" not in query
        assert youtube.posted[0]["snippet"]["textMessageDetails"]["messageText"] == "包邮，今晚下单 🎁"
    finally:
        stopped(source)


def test_an_api_key_or_a_read_only_token_cannot_post(youtube: YouTubeApi) -> None:
    keyed = youtube_source(youtube, oauth_token="", api_key=youtube.api_key)
    read_only = youtube_source(youtube, oauth_token="ya29.read-only")
    try:
        assert not keyed.can_post() and not read_only.can_post()
        assert keyed.post("hi").detail.text() == (
            "Posting to YouTube needs the channel owner's OAuth token; an API key can only read."
        )
        assert "youtube.force-ssl" in read_only.post("hi").detail.text()
        assert youtube.posted == [] and not any(r[0].startswith("POST ") for r in youtube.requests)
    finally:
        stopped(keyed)
        stopped(read_only)


def test_youtubes_refusals_each_say_what_happened_and_long_text_is_refused_first(youtube: YouTubeApi) -> None:
    source = youtube_source(youtube)
    try:
        assert source.post("x" * 201).detail.text() == (
            "YouTube's live chat takes at most 200 characters in a message; this reply has 201."
        )
        youtube.chat_disabled = True
        assert source.post("hi").detail.text() == (
            "YouTube did not post the reply: the live chat of this broadcast is turned off."
        )
        youtube.chat_disabled = False
        youtube.insert_errors = [
            (403, error(403, "forbidden", "Forbidden")),
            (403, error(403, "quotaExceeded", "quota")),
            (403, error(403, "rateLimitExceeded", "slow")),
        ]
        assert "HTTP 403, forbidden" in source.post("a").detail.text()
        assert "quota is used up" in source.post("b").detail.text()
        assert "too many messages" in source.post("c").detail.text()
        youtube.live = False
        ended = source.post("d")
        assert not ended.ok and ended.detail.text() == "YouTube did not post the reply: the live chat has ended."
        assert youtube.posted == []
    finally:
        stopped(source)


def test_a_token_that_loses_its_scope_is_no_longer_offered_after_insufficient_permissions(youtube: YouTubeApi) -> None:
    source = youtube_source(youtube)
    try:
        assert source.can_post()
        youtube.token_scopes[youtube.oauth_token] = "https://www.googleapis.com/auth/youtube.readonly"
        posted = source.post("hi")
        assert not posted.ok and "youtube.force-ssl" in posted.detail.text()
        assert not source.can_post()
    finally:
        stopped(source)


# ---------------------------------------------------------------------- the room
def test_the_room_posts_through_the_sources_that_can(twitch: TwitchServer, youtube: YouTubeApi) -> None:
    config = ChatConfig(
        (
            ChatSourceConfig("tw", "twitch", channel="streamer"),
            ChatSourceConfig("yt", "youtube", youtube=youtube.video_id, youtube_auth="api_key"),
        )
    )
    chat = RoomChat(
        config,
        {"tw": {"client_id": twitch.client_id, "user_token": "writer"}, "yt": {"api_key": youtube.api_key}},
    )
    tw, yt = chat.sources
    assert isinstance(tw, TwitchEventSubSource) and isinstance(yt, YouTubeChatSource)
    tw.eventsub_url, tw.helix_base, tw.id_base = twitch.eventsub_url, twitch.helix_base, twitch.id_base
    yt.api_base, yt.tokeninfo_url = youtube.api_base, youtube.tokeninfo_url
    chat.start()
    try:
        wait_until(lambda: all(s.state().status is SourceStatus.OK for s in chat.sources), 10.0)
        assert chat.posting_sources() == ("tw",)
        (posted,) = chat.post("欢迎！")
        assert posted.ok and posted.source_id == "tw"
        assert twitch.chat_messages == [("1971641", "555", "欢迎！")]
    finally:
        chat.stop()


def test_a_token_google_cannot_check_is_not_offered_and_says_why(youtube: YouTubeApi) -> None:
    source = youtube_source(youtube, tokeninfo_url="http://127.0.0.1:1/tokeninfo")  # Google unreachable
    try:
        assert source.scopes is None and not source.can_post()
        assert source.post("hi").detail.text() == (
            "What the YouTube token may do is not known yet (Google did not answer); try again later."
        )
        assert youtube.posted == []
    finally:
        stopped(source)
