"""The YouTube live chat source against a local Data API speaking its documented REST shapes: finding the chat,
paging with nextPageToken at pollingIntervalMillis, the history on the first page, every message type, the quota
(each call's cost, the team's daily budget, Google's quotaExceeded and rateLimitExceeded), a chat that ends, and
refused credentials."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from console.core.chat.config import ChatSourceConfig, SpecError
from console.core.chat.events import ChatKind
from console.core.chat.feed import ChatFeed
from console.core.chat.youtube import YouTubeChatSource, video_or_channel
from console.core.telemetry.audience import SourceStatus
from tests.chat_servers_youtube import YouTubeApi, error, message, text_message
from tests.conftest import wait_until


@pytest.fixture
def api() -> Iterator[YouTubeApi]:
    server = YouTubeApi()
    yield server
    server.close()


def source_for(api: YouTubeApi, feed: ChatFeed, target: str = "", **kwargs: Any) -> YouTubeChatSource:
    options: dict[str, Any] = {
        "api_key": api.api_key,
        "api_base": api.api_base,
        "tokeninfo_url": api.tokeninfo_url,  # never Google's own
        "min_interval_s": 0.05,
        "offline_retry_s": 0.2,
        **kwargs,
    }
    source = YouTubeChatSource(feed, target or f"https://www.youtube.com/watch?v={api.video_id}", **options)
    source.backoff_base_s = 0.05
    return source


@pytest.fixture
def polling(api: YouTubeApi) -> Iterator[tuple[YouTubeChatSource, ChatFeed]]:
    feed = ChatFeed()
    source = source_for(api, feed)
    source.start()
    wait_until(lambda: source.state().status is SourceStatus.OK, 10.0)
    yield source, feed
    source.stop()
    assert source.join(5.0)


def test_the_history_is_skipped_and_new_messages_follow_page_by_page_at_the_polling_interval(api: YouTubeApi) -> None:
    api.add(*(text_message(n) for n in range(1, 4)))  # said before the console started
    api.polling_ms = 300
    feed = ChatFeed()
    source = source_for(api, feed)
    source.start()
    try:
        wait_until(lambda: source.state().status is SourceStatus.OK, 10.0)
        api.add(text_message(4, "你好 YouTube 😀"), text_message(5))
        wait_until(lambda: feed.accepted == 2, 5.0)
        api.add(text_message(6))
        wait_until(lambda: feed.accepted == 3, 5.0)
    finally:
        source.stop()
        assert source.join(5.0)
    assert [e.text for e in feed.newest()] == ["你好 YouTube 😀", "comment 5", "comment 6"]
    assert source.history_skipped == 3, "the three messages said before the start are history"
    first = feed.newest()[0]
    assert (first.platform, first.kind, first.user_name, first.user_id) == (
        "youtube",
        ChatKind.COMMENT,
        "Viewer 4",
        "UCviewer0000000000000004",
    )
    assert first.wall == 1_764_500_004 and first.message_id == "LCC.msg00000004"
    video, *polls = api.requests
    assert video[0].endswith("/videos") and video[1]["id"] == api.video_id and video[1]["key"] == api.api_key
    assert "pageToken" not in polls[0][1] and polls[1][1]["pageToken"] == "3", "each poll asks for the next page"
    assert {query["liveChatId"] for _, query, _ in polls} == {"chat-1"}
    times = [t for t in source.poll_times]
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.29, "pollingIntervalMillis is honoured"


def test_paid_messages_memberships_and_deletions(api: YouTubeApi, polling: tuple[YouTubeChatSource, ChatFeed]) -> None:
    source, feed = polling
    api.add(
        text_message(1, "mod here", isChatModerator=True),
        text_message(2, "owner here", isChatOwner=True),
        message(
            3,
            "superChatEvent",
            "superChatDetails",
            {
                "amountMicros": "5000000",
                "currency": "USD",
                "amountDisplayString": "$5.00",
                "userComment": "多少钱？",
                "tier": 2,
            },
        ),
        message(
            4,
            "superStickerEvent",
            "superStickerDetails",
            {
                "superStickerMetadata": {"stickerId": "s", "altText": "Happy cat", "language": "en"},
                "amountMicros": "2000000",
                "currency": "JPY",
                "tier": 1,
            },
        ),
        message(5, "newSponsorEvent", "newSponsorDetails", {"memberLevelName": "Gold", "isUpgrade": False}),
        message(
            6,
            "memberMilestoneChatEvent",
            "memberMilestoneChatDetails",
            {"userComment": "a year!", "memberMonth": 12, "memberLevelName": "Gold"},
        ),
        text_message(7, "spam"),
        message(8, "messageDeletedEvent", "messageDeletedDetails", {"deletedMessageId": "LCC.msg00000007"}),
        message(9, "userBannedEvent", "userBannedDetails", {}),
        message(10, "someFutureEvent"),
    )
    wait_until(lambda: feed.accepted == 6, 5.0)
    events = {e.message_id[-2:]: e for e in feed.newest()}
    assert events["01"].moderator and not events["01"].host
    assert events["02"].host and events["02"].moderator
    assert (events["03"].kind, events["03"].value, events["03"].gift_name, events["03"].text) == (
        ChatKind.SUPERCHAT,
        5.0,
        "USD",
        "多少钱？",
    )
    assert (events["04"].kind, events["04"].value, events["04"].gift_name) == (ChatKind.GIFT, 2.0, "Happy cat (JPY)")
    assert (events["05"].kind, events["05"].gift_name) == (ChatKind.MEMBERSHIP, "Gold")
    assert (events["06"].kind, events["06"].count, events["06"].text) == (ChatKind.MEMBERSHIP, 12, "a year!")
    assert "07" not in events and source.deleted_dropped == 1, "a message deleted before it was shown is dropped"
    api.add(message(11, "messageDeletedEvent", "messageDeletedDetails", {"deletedMessageId": "LCC.msg00000001"}))
    wait_until(lambda: source.deleted_after_shown == 1, 5.0)
    assert feed.accepted == 6, "one already shown stays (counted)"
    assert dict(source.counts().unknown) == {"someFutureEvent": 1} and source.counts().malformed == 0


def test_the_daily_budget_stops_polling_until_the_pacific_midnight(api: YouTubeApi) -> None:
    feed = ChatFeed()
    source = source_for(api, feed, quota_per_day=16)  # videos.list (1) + three liveChatMessages.list (5 each)
    source.start()
    try:
        wait_until(lambda: source.state().status is SourceStatus.RATE_LIMITED, 10.0)
        assert source.quota_used == 16 == api.units and len(api.calls("/liveChat/messages")) == 3
        assert "spent its daily quota budget (16 units); next try at" in source.state().detail.text()
        assert source.waits[-1] >= 60.0, "waits for the reset, not a few seconds"
    finally:
        source.stop()
        assert source.join(5.0)


def test_googles_quota_and_rate_limit_errors_wait_and_no_message_is_lost(
    api: YouTubeApi, polling: tuple[YouTubeChatSource, ChatFeed]
) -> None:
    source, feed = polling
    api.errors.append((403, error(403, "rateLimitExceeded", "Rate Limit Exceeded")))
    api.add(text_message(1))
    wait_until(lambda: source.state().status is SourceStatus.RATE_LIMITED or feed.accepted, 5.0)
    wait_until(lambda: feed.accepted == 1 and source.state().status is SourceStatus.OK, 5.0)
    assert source.counts().reconnects == 1 and len(api.calls("/videos")) == 1, "the chat id and page are kept"
    api.errors.append(
        (403, error(403, "quotaExceeded", "The request cannot be completed because you have exceeded your quota."))
    )
    wait_until(lambda: source.state().status is SourceStatus.RATE_LIMITED, 5.0)
    assert "daily API quota is used up; next try at" in source.state().detail.text()
    assert source.waits[-1] >= 60.0


def test_a_chat_that_ends_is_offline_and_the_next_broadcast_is_found(api: YouTubeApi) -> None:
    feed = ChatFeed()
    source = source_for(api, feed)
    source.start()
    try:
        wait_until(lambda: source.state().status is SourceStatus.OK, 10.0)
        api.live = False
        wait_until(lambda: source.state().status is SourceStatus.OFFLINE, 5.0)
        assert "Not live" in source.state().detail.text() and source.live_chat_id == ""
        wait_until(lambda: len(api.calls("/videos")) >= 3, 5.0)  # looks again, at offline_retry_s
        api.live_chat_id, api.live = "chat-2", True
        api.add(text_message(1, "said before we found the new chat"))
        wait_until(lambda: source.state().status is SourceStatus.OK and source.live_chat_id == "chat-2", 5.0)
        api.add(text_message(2, "new"))
        wait_until(lambda: feed.accepted == 1, 5.0)
        assert feed.newest()[0].text == "new", "the new chat's history is skipped too"
        api.offline_at = "2026-11-30T21:00:00Z"
        wait_until(lambda: source.state().status is SourceStatus.OFFLINE, 5.0)
    finally:
        source.stop()
        assert source.join(5.0)


def test_refused_credentials_are_an_auth_error_and_the_owner_token_finds_the_channels_broadcast(
    api: YouTubeApi,
) -> None:
    feed = ChatFeed()
    for options, words in (
        ({"api_key": "wrong"}, "HTTP 400, keyInvalid"),
        ({"api_key": "", "oauth_token": "expired"}, "HTTP 401, authError"),
    ):
        source = source_for(api, feed, **options)
        source.backoff_base_s = 30.0
        source.start()
        try:
            wait_until(lambda: source.waits, 5.0)  # noqa: B023
            assert source.state().status is SourceStatus.AUTH_ERROR and words in source.state().detail.text()
            assert "wrong" not in source.state().detail.text() and "expired" not in source.state().detail.text()
        finally:
            source.stop()
            assert source.join(5.0)
    api.requests.clear()
    api.units = 0
    owner = source_for(api, feed, target=api.channel_id, api_key="", oauth_token=api.oauth_token)
    owner.start()
    try:
        wait_until(lambda: owner.state().status is SourceStatus.OK, 5.0)
    finally:
        owner.stop()
        assert owner.join(5.0)
    (tokeninfo, _, _), (path, query, headers) = api.requests[:2]  # the token's scopes (free), then the chat
    assert tokeninfo == "/tokeninfo" and owner.scopes == frozenset(
        {"https://www.googleapis.com/auth/youtube.force-ssl"}
    )
    assert path.endswith("/liveBroadcasts") and query["broadcastStatus"] == "active" and "key" not in query
    assert headers["Authorization"] == f"Bearer {api.oauth_token}" and owner.live_chat_id == "chat-1"


def test_a_channel_with_an_api_key_is_found_by_search_and_its_cost_counted(api: YouTubeApi) -> None:
    source = source_for(api, ChatFeed(), target=f"https://www.youtube.com/channel/{api.channel_id}")
    source.start()
    try:
        wait_until(lambda: source.state().status is SourceStatus.OK, 5.0)
    finally:
        source.stop()
        assert source.join(5.0)
    assert [path.rsplit("/", 1)[-1] for path, _, _ in api.requests[:3]] == ["search", "videos", "messages"]
    assert source.quota_used == api.units, "the source's count matches what the API charged"
    assert source.quota_used >= 106


def test_malformed_answers_and_items_are_counted_never_a_crash(
    api: YouTubeApi, polling: tuple[YouTubeChatSource, ChatFeed]
) -> None:
    source, feed = polling
    api.errors.append((200, "<html>not json</html>"))
    api.errors.append((200, {"items": "nope", "pollingIntervalMillis": -5}))
    api.errors.append((200, " " * (9 * 1024 * 1024)))  # larger than any page: not read to the end
    api.add(
        {"id": "x1", "snippet": {"type": "textMessageEvent"}},  # no author
        "not an object",  # type: ignore[arg-type]
        text_message(3, "x" * 50_000),
    )
    wait_until(lambda: feed.accepted == 1, 5.0)
    counts = source.counts()
    assert counts.malformed == 5, counts
    assert len(feed.newest()[0].text) == 2000
    assert source.state().status is SourceStatus.OK


def test_video_and_channel_addresses_are_understood() -> None:
    assert video_or_channel("dQw4w9WgXcQ") == ("video", "dQw4w9WgXcQ")
    assert video_or_channel("https://youtu.be/dQw4w9WgXcQ?t=3") == ("video", "dQw4w9WgXcQ")
    assert video_or_channel("youtube.com/live/dQw4w9WgXcQ?feature=share") == ("video", "dQw4w9WgXcQ")
    assert video_or_channel("https://m.youtube.com/watch?v=dQw4w9WgXcQ&list=x") == ("video", "dQw4w9WgXcQ")
    channel = "UC" + "a" * 22
    assert video_or_channel(f"https://www.youtube.com/channel/{channel}/live") == ("channel", channel)
    assert video_or_channel("https://example.com/watch?v=dQw4w9WgXcQ") is None
    assert video_or_channel("@somebody") is None


def test_a_youtube_source_is_configured_without_its_secrets_and_built() -> None:
    config = ChatSourceConfig("yt", "youtube", youtube="https://youtu.be/dQw4w9WgXcQ", quota_per_day=5000)
    data = config.to_json()
    assert data == {
        "id": "yt",
        "kind": "youtube",
        "youtube": "https://youtu.be/dQw4w9WgXcQ",
        "youtube_auth": "api_key",
        "quota_per_day": 5000,
    }
    assert ChatSourceConfig.from_json(json.loads(json.dumps(data))) == config
    assert ChatSourceConfig.from_json({**data, "quota_per_day": "lots"}).quota_per_day == 10_000
    assert config.secret_names() == ("api_key",)
    assert replace(config, youtube_auth="oauth").secret_names() == ("oauth_token",)
    with pytest.raises(SpecError, match="Fill in “API key”"):
        config.build(ChatFeed(), {})
    built = config.build(ChatFeed(), {"api_key": " AIza-key "})
    assert isinstance(built, YouTubeChatSource) and (built.target_kind, built.quota_per_day) == ("video", 5000)
    for broken, words in (
        (replace(config, youtube="https://vimeo.com/1"), "Give the live video"),
        (replace(config, youtube_auth="password"), "an API key or an OAuth token"),
        (replace(config, quota_per_day=0), "at least 1 unit"),
    ):
        with pytest.raises(SpecError, match=words):
            broken.check()
