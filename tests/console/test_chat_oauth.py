"""Signing in to Twitch with the Device Code Grant, against the local id.twitch.tv (tests/chat_servers_twitch.py)
speaking the documented flow: the device code, the polls honouring `interval` and `slow_down`, pending, expired,
denied; and the refresh token renewing an expired access token, the new pair kept."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from console.core.chat.feed import ChatFeed
from console.core.chat.oauth import DEVICE_GRANT, SignInCancelled, SignInError, TwitchDeviceFlow
from console.core.chat.twitch import TwitchEventSubSource
from console.core.telemetry.audience import SourceStatus
from tests.chat_servers_twitch import TwitchServer
from tests.conftest import wait_until


@pytest.fixture
def twitch() -> Iterator[TwitchServer]:
    server = TwitchServer()
    server.device_interval = 0.1  # Twitch says 5 s; the flow honours what it is told
    yield server
    server.close()


def flow(twitch: TwitchServer, **kwargs: Any) -> TwitchDeviceFlow:
    return TwitchDeviceFlow(twitch.client_id, id_base=twitch.id_base, min_interval_s=0.05, **kwargs)


def test_pending_then_slow_down_then_the_token_with_the_documented_requests(twitch: TwitchServer) -> None:
    sign_in = flow(twitch, slow_down_step_s=0.3)
    code = sign_in.start()
    assert code.user_code == "ABCD0001" and code.verification_uri.startswith("https://www.twitch.tv/activate")
    method, path, headers, body = twitch.http_calls[-1]
    assert (method, path) == ("POST", "/oauth2/device")
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert body == {"client_id": "client-abc", "scopes": "user:read:chat user:write:chat"}
    twitch.device_script = ["authorization_pending", "slow_down", "authorization_pending", "ok"]
    tokens = sign_in.wait(code)
    assert sign_in.answers == ["authorization_pending", "slow_down", "authorization_pending", "ok"]
    assert tokens.access_token == "minted-1" and tokens.refresh_token == "refresh-1"
    assert tokens.scopes == ("user:read:chat", "user:write:chat")
    polls = [call for call in twitch.http_calls if call[1] == "/oauth2/token"]
    assert polls[0][3] == {
        "client_id": "client-abc",
        "scopes": "user:read:chat user:write:chat",
        "device_code": code.device_code,
        "grant_type": DEVICE_GRANT,
    }
    # The interval Twitch gave is waited before each poll; after slow_down, 0.3 s more (RFC 8628 says +5 s).
    gaps = [b - a for a, b in zip(twitch.token_polls, twitch.token_polls[1:], strict=False)]
    assert gaps[0] >= 0.09 and gaps[1] >= 0.39 and gaps[2] >= 0.39
    assert sign_in.interval == pytest.approx(0.4)
    # The token works: it is the user's, with the scopes asked for.
    info = twitch.tokens[tokens.access_token]
    assert info.user_id == "555" and "user:write:chat" in info.scopes


def test_an_expired_code_and_a_declined_sign_in_are_said_in_words(twitch: TwitchServer) -> None:
    sign_in = flow(twitch)
    code = sign_in.start()
    twitch.device_script = ["authorization_pending", "expired_token"]
    with pytest.raises(SignInError) as expired:
        sign_in.wait(code)
    assert expired.value.detail.text() == (
        "The sign-in code expired before it was approved; start again for a new one."
    )
    assert not expired.value.final
    sign_in = flow(twitch)
    code = sign_in.start()
    twitch.device_script = ["access_denied"]
    with pytest.raises(SignInError) as denied:
        sign_in.wait(code)
    assert denied.value.detail.text() == "The Twitch sign-in was declined in the browser."
    # The code's own lifetime runs out on the console's side too, however patient the server is.
    twitch.device_expires_in = 0.3
    sign_in = flow(twitch)
    code = sign_in.start()
    twitch.device_script = []  # pending for ever
    with pytest.raises(SignInError, match="expired before it was approved"):
        sign_in.wait(code)


def test_a_wrong_client_id_is_refused_before_any_code_and_waiting_can_be_cancelled(twitch: TwitchServer) -> None:
    with pytest.raises(SignInError, match=r"Twitch refused to start signing in \(HTTP 400: invalid client\)"):
        TwitchDeviceFlow("someone-else", id_base=twitch.id_base).start()
    with pytest.raises(SignInError, match="Fill in the Twitch app's Client ID"):
        TwitchDeviceFlow("", id_base=twitch.id_base).start()
    sign_in = flow(twitch)
    code = sign_in.start()
    outcome: list[BaseException] = []

    def wait() -> None:
        try:
            sign_in.wait(code)
        except SignInError as exc:
            outcome.append(exc)

    waiter = threading.Thread(target=wait)
    waiter.start()
    wait_until(lambda: len(twitch.token_polls) >= 2, 5.0)
    sign_in.cancel.set()
    waiter.join(5.0)
    assert not waiter.is_alive() and isinstance(outcome[0], SignInCancelled)
    assert outcome[0].detail.text() == "Signing in was cancelled."


def test_the_reader_renews_an_expired_token_and_keeps_the_new_pair(twitch: TwitchServer) -> None:
    minted = twitch._mint("555", ["user:read:chat", "user:write:chat"])
    twitch.expire(minted["access_token"])  # expired while the console was closed
    kept: list[Any] = []
    source = TwitchEventSubSource(
        ChatFeed(),
        "streamer",
        twitch.client_id,
        minted["access_token"],
        eventsub_url=twitch.eventsub_url,
        helix_base=twitch.helix_base,
        id_base=twitch.id_base,
        refresh_token=minted["refresh_token"],
        keep_tokens=kept.append,
    )
    source.start()
    try:
        wait_until(lambda: source.state().status is SourceStatus.OK and twitch.subscribed(), 10.0)
        assert source.refreshes == 1 and [t.refresh_token for t in kept] == ["refresh-2"]
        refresh_call = next(c for c in twitch.http_calls if c[1] == "/oauth2/token")
        assert refresh_call[3] == {
            "client_id": "client-abc",
            "grant_type": "refresh_token",
            "refresh_token": minted["refresh_token"],
        }
        assert source.can_post()
    finally:
        source.stop()
        assert source.join(5.0)


def test_a_refused_refresh_token_says_to_sign_in_again(twitch: TwitchServer) -> None:
    source = TwitchEventSubSource(
        ChatFeed(),
        "streamer",
        twitch.client_id,
        "gone",
        eventsub_url=twitch.eventsub_url,
        helix_base=twitch.helix_base,
        id_base=twitch.id_base,
        refresh_token="used-already",
    )
    source.backoff_base_s = 30.0
    source.start()
    try:
        wait_until(lambda: source.waits, 5.0)
        state = source.state()
        assert state.status is SourceStatus.AUTH_ERROR
        assert state.detail.text() == (
            "Twitch refused to renew the sign-in (HTTP 400: Invalid refresh token); sign in with Twitch again."
        )
    finally:
        source.stop()
        assert source.join(5.0)
