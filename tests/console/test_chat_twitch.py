"""The Twitch comment sources against a local Twitch speaking its documented protocols on real sockets:
EventSub over WebSocket (welcome, the Helix subscription with its headers, keepalives, the session_reconnect
handover, revocation, close codes) and the IRC-over-WebSocket fallback (login, tags, PING/PONG, RECONNECT,
anonymous read-only)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from console.core.chat import twitch_messages as messages
from console.core.chat.config import ChatSourceConfig, SpecError
from console.core.chat.events import ChatKind
from console.core.chat.feed import ChatFeed
from console.core.chat.twitch import TwitchEventSubSource
from console.core.chat.twitch_irc import TwitchIrcSource
from console.core.telemetry.audience import SourceStatus
from tests.chat_servers_twitch import TwitchServer, chat_event, privmsg
from tests.conftest import wait_until


@pytest.fixture
def twitch() -> Iterator[TwitchServer]:
    server = TwitchServer()
    yield server
    server.close()


def eventsub(twitch: TwitchServer, feed: ChatFeed, **kwargs: Any) -> TwitchEventSubSource:
    options: dict[str, Any] = {
        "channel": "https://www.twitch.tv/Streamer",
        "client_id": twitch.client_id,
        "user_token": "user-token",
        "eventsub_url": twitch.eventsub_url,
        "helix_base": twitch.helix_base,
        "id_base": twitch.id_base,
        **kwargs,
    }
    return TwitchEventSubSource(feed, **options)


def irc(twitch: TwitchServer, feed: ChatFeed, token: str = "viewer-token", **kwargs: Any) -> TwitchIrcSource:
    return TwitchIrcSource(feed, "#streamer", token, irc_url=twitch.irc.url, id_base=twitch.id_base, **kwargs)


@pytest.fixture
def running(twitch: TwitchServer) -> Iterator[tuple[TwitchEventSubSource, ChatFeed]]:
    feed = ChatFeed()
    source = eventsub(twitch, feed)
    source.start()
    wait_until(lambda: source.state().status is SourceStatus.OK and twitch.subscribed(), 10.0)
    yield source, feed
    source.stop()
    assert source.join(5.0)


# ---------------------------------------------------------------------- EventSub
def test_the_subscription_is_created_for_the_welcomed_session_with_the_documented_request(
    twitch: TwitchServer, running: tuple[TwitchEventSubSource, ChatFeed]
) -> None:
    source, _ = running
    (session,) = twitch.subscribed()
    post = next(call for call in twitch.http_calls if call[0] == "POST")
    _, path, headers, body = post
    assert path == "/helix/eventsub/subscriptions"
    assert headers["Client-Id"] == "client-abc" and headers["Authorization"] == "Bearer user-token"
    assert body == {
        "type": "channel.chat.message",
        "version": "1",
        "condition": {"broadcaster_user_id": "1971641", "user_id": "555"},
        "transport": {"method": "websocket", "session_id": session.id},
    }
    assert source.session_id == session.id and source.channel == "streamer"
    assert source.state().detail.text() == "Reading the chat of twitch.tv/streamer."


def test_chat_messages_arrive_typed_with_roles_and_bits_and_a_redelivery_is_shown_once(
    twitch: TwitchServer, running: tuple[TwitchEventSubSource, ChatFeed]
) -> None:
    source, feed = running
    twitch.notify(chat_event(1, "hello 主播 😀"), message_id="m-1")
    twitch.notify(chat_event(1, "hello 主播 😀"), message_id="m-1")  # EventSub may deliver a message twice
    twitch.notify(chat_event(2, "Cheer100 great stream", cheer={"bits": 100}))
    twitch.notify(chat_event(3, "be nice", badges=[{"set_id": "moderator", "id": "1", "info": ""}]))
    twitch.notify(
        chat_event(
            4,
            "hi all",
            user="streamer",
            chatter_user_id="1971641",
            badges=[{"set_id": "broadcaster", "id": "1", "info": ""}],
        )
    )
    twitch.notify(chat_event(5, "from twitch", badges=[{"set_id": "staff", "id": "1", "info": ""}]))
    wait_until(lambda: feed.accepted == 5, 5.0)
    first, cheer, mod, host, staff = feed.newest()
    assert (first.platform, first.kind, first.user_name, first.text) == (
        "twitch",
        ChatKind.COMMENT,
        "Viewer1",
        "hello 主播 😀",
    )
    assert first.user_id == "4000001" and first.message_id.endswith("000000000001") and first.wall > 1.7e9
    assert (cheer.kind, cheer.value, cheer.count, cheer.gift_name) == (ChatKind.SUPERCHAT, 100.0, 100, "bits")
    assert mod.moderator and not mod.host and not first.moderator
    assert host.host and host.moderator
    assert staff.staff and not staff.moderator
    assert source.duplicates == 1 and source.counts().malformed == 0


def test_a_session_reconnect_hands_over_without_losing_a_message(
    twitch: TwitchServer, running: tuple[TwitchEventSubSource, ChatFeed]
) -> None:
    source, feed = running
    sent = 0
    stop = threading.Event()

    def chatter() -> None:  # chat keeps flowing throughout the handover
        nonlocal sent
        while not stop.is_set():
            sent += 1
            twitch.notify(chat_event(sent))
            time.sleep(0.003)

    thread = threading.Thread(target=chatter)
    thread.start()
    try:
        wait_until(lambda: feed.accepted >= 20, 5.0)
        posts_before = sum(1 for call in twitch.http_calls if call[0] == "POST")
        twitch.ask_reconnect()
        wait_until(lambda: source.handovers == 1 and twitch.client_closed_old == 1, 10.0)
        count = feed.accepted
        wait_until(lambda: feed.accepted >= count + 20, 5.0)
    finally:
        stop.set()
        thread.join()
    wait_until(lambda: feed.accepted == sent, 5.0, message=f"{feed.accepted} of {sent} arrived")
    assert sorted(int(e.message_id[-12:]) for e in feed.newest()) == list(range(1, sent + 1))
    assert sum(1 for call in twitch.http_calls if call[0] == "POST") == posts_before, "the subscription moved along"
    assert twitch.ws_connections == 2 and source.counts().reconnects == 0
    assert source.state().status is SourceStatus.OK


def test_silence_beyond_the_keepalive_timeout_means_a_new_connection(twitch: TwitchServer) -> None:
    twitch.keepalive_s = 1
    feed = ChatFeed()
    source = eventsub(twitch, feed, keepalive_slack_s=0.3)
    source.start()
    try:
        wait_until(lambda: source.state().status is SourceStatus.OK, 10.0)
        sent = twitch.keepalives_sent
        wait_until(lambda: twitch.keepalives_sent >= sent + 5, 5.0)  # 2.5 s: twice the 1.3 s limit
        assert twitch.ws_connections == 1 and source.counts().reconnects == 0, "keepalives keep the connection"
        twitch.send_keepalives = False
        wait_until(lambda: "not even a keepalive" in source.state().detail.text(), 5.0)
        assert source.state().status is SourceStatus.ERROR
        twitch.send_keepalives = True
        wait_until(lambda: twitch.ws_connections >= 2 and source.state().status is SourceStatus.OK, 10.0)
        wait_until(lambda: len(twitch.subscribed()) >= 1, 5.0)
        twitch.notify(chat_event(7))
        wait_until(lambda: feed.accepted == 1, 5.0)
    finally:
        source.stop()
        assert source.join(5.0)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (4000, "after an internal server error"),
        (4001, "sent it messages"),
        (4002, "did not answer its pings"),
        (4003, "closed an unused connection"),
        (4004, "reconnect grace time expired"),
        (4005, "after a network timeout"),
        (4006, "after a network error"),
        (4007, "it refused the reconnect address"),
    ],
)
def test_each_close_code_is_said_in_words(twitch: TwitchServer, code: int, words: str) -> None:
    source = eventsub(twitch, ChatFeed())
    source.backoff_base_s = 30.0  # the words stay in the status while it waits
    source.start()
    try:
        wait_until(lambda: source.state().status is SourceStatus.OK and twitch.subscribed(), 10.0)
        twitch.close_all(code)
        wait_until(lambda: source.state().status is SourceStatus.ERROR, 5.0)
        text = source.state().detail.text()
        assert words in text and f"(code {code})" in text, text
    finally:
        source.stop()
        assert source.join(5.0)


def test_a_closed_connection_is_joined_again_with_a_new_subscription(twitch: TwitchServer) -> None:
    feed = ChatFeed()
    source = eventsub(twitch, feed)
    source.backoff_base_s = 0.05
    source.start()
    try:
        wait_until(lambda: source.state().status is SourceStatus.OK and twitch.subscribed(), 10.0)
        twitch.close_all(4005)
        wait_until(lambda: twitch.ws_connections == 2 and twitch.subscribed(), 10.0)
        twitch.notify(chat_event(8))
        wait_until(lambda: feed.accepted == 1, 5.0)
        assert source.counts().reconnects == 1 and source.state().status is SourceStatus.OK
    finally:
        source.stop()
        assert source.join(5.0)


def test_a_revocation_is_said_as_the_reason_twitch_gives(
    twitch: TwitchServer, running: tuple[TwitchEventSubSource, ChatFeed]
) -> None:
    source, _ = running
    source.backoff_base_s = 30.0
    twitch.revoke("authorization_revoked")
    wait_until(lambda: source.state().status is SourceStatus.AUTH_ERROR, 5.0)
    assert source.state().detail.text() == (
        "Twitch stopped the chat subscription: the token's authorization was revoked."
    )


def test_a_refused_token_a_missing_scope_and_an_unknown_channel_are_each_said(twitch: TwitchServer) -> None:
    cases = {
        "Twitch refused the token (HTTP 401: invalid access token)": {"user_token": "expired"},
        "lacks the “user:read:chat” permission": {"user_token": "no-scope"},
        "Client ID and OAuth token do not match": {"client_id": "someone-else"},
        "Twitch has no channel “nobody”": {"channel": "nobody"},
    }
    for words, options in cases.items():
        source = eventsub(twitch, ChatFeed(), **options)
        source.backoff_base_s = 30.0
        source.start()
        try:
            wait_until(lambda: source.waits, 5.0)  # noqa: B023 - read before the next iteration
            assert words in source.state().detail.text(), (words, source.state().detail.text())
            assert "expired" not in repr(source.state()) or words.startswith("Twitch refused the token")
        finally:
            source.stop()
            assert source.join(5.0)
    assert not twitch.subscribed() and twitch.ws_connections == 0, "nothing connects without a working token"


def test_a_rate_limited_subscription_waits_for_ratelimit_reset(twitch: TwitchServer) -> None:
    reset = int(time.time()) + 42
    twitch.subscribe_answers.append(
        (
            429,
            {"Ratelimit-Limit": "800", "Ratelimit-Remaining": "0", "Ratelimit-Reset": str(reset)},
            {"error": "Too Many Requests", "status": 429, "message": ""},
        )
    )
    source = eventsub(twitch, ChatFeed())
    source.start()
    try:
        wait_until(lambda: source.waits, 5.0)
        assert source.state().status is SourceStatus.RATE_LIMITED
        assert 38.0 <= source.waits[0] <= 43.0, source.waits
    finally:
        source.stop()
        assert source.join(5.0)


def test_malformed_and_unknown_messages_are_counted_and_never_end_the_session(
    twitch: TwitchServer, running: tuple[TwitchEventSubSource, ChatFeed]
) -> None:
    source, feed = running
    twitch.send("{not json")
    twitch.send("[1, 2]")
    twitch.send(
        '{"metadata": {"message_type": "notification", "message_id": "x1",'
        ' "subscription_type": "channel.chat.message"}, "payload": {}}'
    )
    twitch.send(
        twitch.envelope(
            "notification", {"event": {"chatter_user_id": "1"}}, "x2", subscription_type="channel.chat.message"
        )
    )
    twitch.send(twitch.envelope("notification", {"event": {}}, "x3", subscription_type="channel.follow"))
    twitch.send(twitch.envelope("session_party", {}))
    twitch.send(twitch.envelope("session_reconnect", {"session": {"reconnect_url": None}}))
    twitch.notify(chat_event(9, "x" * 100_000))
    wait_until(lambda: feed.accepted == 1, 5.0)
    counts = source.counts()
    assert counts.malformed == 5, counts
    assert dict(counts.unknown) == {"channel.follow": 1, "session_party": 1}
    assert len(feed.newest()[0].text) == 2000, "a very long message is cut, not refused"
    assert source.state().status is SourceStatus.OK and twitch.ws_connections == 1


def test_stopping_is_prompt(twitch: TwitchServer, running: tuple[TwitchEventSubSource, ChatFeed]) -> None:
    source, _ = running
    started = time.monotonic()
    source.stop()
    assert source.join(5.0) and time.monotonic() - started < 3.0


# ---------------------------------------------------------------------- IRC over WebSocket
def test_irc_logs_in_with_the_viewer_token_and_reads_tagged_messages(twitch: TwitchServer) -> None:
    feed = ChatFeed()
    source = irc(twitch, feed)
    source.start()
    try:
        wait_until(lambda: source.state().status is SourceStatus.OK and twitch.irc.joined, 10.0)
        assert twitch.irc.logins == [("oauth:viewer-token", "viewer")]
        assert twitch.irc.received[:4] == [
            "CAP REQ :twitch.tv/tags twitch.tv/commands",
            "PASS oauth:viewer-token",
            "NICK viewer",
            "JOIN #streamer",
        ]
        twitch.irc.send(
            privmsg(1, "hello; with\\ spaces 😀")
            + "\r\n"
            + privmsg(2, "Cheer50 yay", bits=50)
            + "\r\n"
            + privmsg(3, "\x01ACTION waves\x01", badges="moderator/1")
            + "\r\n"
            + privmsg(4, "me", user="streamer", badges="broadcaster/1,subscriber/12")
            + "\r\n"
        )
        twitch.irc.send(privmsg(1, "again").replace("PRIVMSG", "PRIVMSG") + "\r\n")  # the same id: shown once
        twitch.irc.send(
            "@badges=;display-name=Subby;id=n-1;login=subby;msg-id=resub;msg-param-sub-plan-name=Tier\\s1;"
            "room-id=1971641;tmi-sent-ts=1764500000000;user-id=77 :tmi.twitch.tv USERNOTICE #streamer :6 months!\r\n"
        )
        wait_until(lambda: feed.accepted == 5 and feed.duplicates == 1, 5.0)
    finally:
        source.stop()
        assert source.join(5.0)
    first, cheer, action, host, sub = feed.newest()
    assert (first.user_name, first.user_id, first.text) == ("Viewer1", "9000001", "hello; with\\ spaces 😀")
    assert first.wall == pytest.approx(1_764_500_000.001) and first.message_id.endswith("000000000001")
    assert (cheer.kind, cheer.value) == (ChatKind.SUPERCHAT, 50.0)
    assert action.text == "waves" and action.moderator
    assert host.host
    assert (sub.kind, sub.gift_name, sub.text) == (ChatKind.MEMBERSHIP, "Tier 1", "6 months!")
    assert source.counts().malformed == 0 and source.counts().unknown == ()


def test_irc_answers_ping_obeys_reconnect_and_pings_a_quiet_server(twitch: TwitchServer) -> None:
    feed = ChatFeed()
    source = irc(twitch, feed, idle_ping_s=0.5, pong_timeout_s=0.5)
    source.start()
    try:
        wait_until(lambda: source.state().status is SourceStatus.OK and twitch.irc.joined, 10.0)
        twitch.irc.send("PING :tmi.twitch.tv\r\n")
        wait_until(lambda: "PONG :tmi.twitch.tv" in twitch.irc.received, 5.0)
        wait_until(lambda: "PING :tmi.twitch.tv" in twitch.irc.received, 5.0)  # quiet: the console asks
        assert source.counts().reconnects == 0, "the server's PONG keeps the connection"
        twitch.irc.send(privmsg(1, "before the reconnect") + "\r\n:tmi.twitch.tv RECONNECT\r\n")
        wait_until(lambda: len(twitch.irc.logins) == 2 and source.state().status is SourceStatus.OK, 5.0)
        assert source.waits == [0.0], "RECONNECT is obeyed at once"
        assert [e.text for e in feed.newest()] == ["before the reconnect"]
        twitch.irc.answer_pings = False
        wait_until(lambda: "did not answer a PING" in source.state().detail.text(), 5.0)
    finally:
        source.stop()
        assert source.join(5.0)


def test_irc_anonymous_reads_as_justinfan_and_a_refused_login_is_an_auth_error(twitch: TwitchServer) -> None:
    feed = ChatFeed()
    anonymous = irc(twitch, feed, token="")
    anonymous.start()
    try:
        wait_until(lambda: anonymous.state().status is SourceStatus.OK, 10.0)
        assert twitch.irc.logins[0][0] == "SCHMOOPIIE" and twitch.irc.logins[0][1].startswith("justinfan")
        assert "read-only, anonymous" in anonymous.state().detail.text()
    finally:
        anonymous.stop()
        assert anonymous.join(5.0)
    refused = irc(twitch, feed, token="expired")
    refused.backoff_base_s = 30.0
    refused.start()
    try:
        wait_until(lambda: refused.waits, 5.0)
        assert refused.state().status is SourceStatus.AUTH_ERROR
        assert "invalid access token" in refused.state().detail.text()
        assert len(twitch.irc.logins) == 1, "a refused token never reaches the chat server"
    finally:
        refused.stop()
        assert refused.join(5.0)


def test_irc_malformed_and_unknown_lines_are_counted() -> None:
    assert messages.parse_irc("@a=b\\sc;d= :n!n@n PRIVMSG #x :hi :there").tags == {"a": "b c", "d": ""}
    assert messages.parse_irc(":n PRIVMSG #x :hi :there").params == ("#x", "hi :there")
    assert messages.parse_irc("PING :tmi.twitch.tv").trailing == "tmi.twitch.tv"
    with pytest.raises(messages.Unreadable):
        messages.parse_irc("@only=tags")
    assert messages.rfc3339("2023-07-19T14:56:51.634234626Z") == pytest.approx(1689778611.634234)
    assert messages.rfc3339("yesterday") == 0.0


def test_irc_bad_lines_on_the_wire_never_end_the_connection(twitch: TwitchServer) -> None:
    feed = ChatFeed()
    source = irc(twitch, feed)
    source.start()
    try:
        wait_until(lambda: source.state().status is SourceStatus.OK and twitch.irc.joined, 10.0)
        twitch.irc.send("@x=y\r\n:n!n@n PRIVMSG\r\n:tmi.twitch.tv FROBNICATE #streamer\r\n")
        twitch.irc.send(privmsg(5, "still here") + "\r\n")
        wait_until(lambda: feed.accepted == 1, 5.0)
        assert source.counts().malformed == 2 and dict(source.counts().unknown) == {"FROBNICATE": 1}
        assert source.state().status is SourceStatus.OK and source.counts().reconnects == 0
    finally:
        source.stop()
        assert source.join(5.0)


# ---------------------------------------------------------------------- configuration
def test_a_twitch_source_is_configured_without_its_secrets_and_built_for_each_mode() -> None:
    config = ChatSourceConfig("tw", "twitch", channel="https://twitch.tv/Streamer")
    data = config.to_json()
    assert data == {"id": "tw", "kind": "twitch", "channel": "https://twitch.tv/Streamer", "twitch_mode": "eventsub"}
    assert ChatSourceConfig.from_json(json.loads(json.dumps(data))) == config
    # The app's Client ID is a room setting (not secret); a room saved before kept it in the keyring: still read.
    assert config.secret_names() == ("user_token",)
    assert replace(config, twitch_mode="irc").secret_names() == ("user_token",)
    assert replace(config, twitch_mode="anonymous").secret_names() == ()
    with pytest.raises(SpecError, match="Fill in “User access token”"):
        config.build(ChatFeed(), {"client_id": "c"})
    with pytest.raises(SpecError, match="Fill in “Client ID”"):
        config.build(ChatFeed(), {"user_token": "t0ken"})
    built = config.build(ChatFeed(), {"client_id": "c", "user_token": "oauth:t0ken"})
    assert isinstance(built, TwitchEventSubSource) and built.channel == "streamer"
    with_id = replace(config, client_id="abc123")
    assert ChatSourceConfig.from_json(json.loads(json.dumps(with_id.to_json()))) == with_id
    assert with_id.to_json()["client_id"] == "abc123"
    assert isinstance(with_id.build(ChatFeed(), {"user_token": "t0ken"}), TwitchEventSubSource)
    with pytest.raises(SpecError, match="Client ID is letters and digits"):
        replace(config, client_id="not an id!").check()
    assert isinstance(replace(config, twitch_mode="anonymous").build(ChatFeed(), {}), TwitchIrcSource)
    with pytest.raises(SpecError, match="Name the Twitch channel"):
        replace(config, channel="no spaces allowed").check()
    with pytest.raises(SpecError, match="Unknown way to read Twitch “rss”"):
        replace(config, twitch_mode="rss").check()
