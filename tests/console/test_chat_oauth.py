"""Signing in to Twitch with the Device Code Grant, against the local id.twitch.tv (tests/chat_servers_twitch.py)
speaking the documented flow: the device code, the polls honouring `interval` and `slow_down`, pending, expired,
denied; and the refresh token renewing an expired access token, the new pair kept."""

from __future__ import annotations

import base64
import hashlib
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from console.core.chat.feed import ChatFeed
from console.core.chat.oauth import (
    DEVICE_GRANT,
    GoogleLoopbackFlow,
    SignInCancelled,
    SignInError,
    TwitchDeviceFlow,
)
from console.core.chat.twitch import TwitchEventSubSource
from console.core.chat.youtube import YouTubeChatSource
from console.core.telemetry.audience import SourceStatus
from tests.chat_servers_twitch import TwitchServer
from tests.chat_servers_youtube import GoogleOAuth, YouTubeApi
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


# ---------------------------------------------------------------------- Google (YouTube): loopback redirect + PKCE
@pytest.fixture
def google() -> Iterator[tuple[YouTubeApi, GoogleOAuth]]:
    api = YouTubeApi()
    oauth = GoogleOAuth(api)
    yield api, oauth
    oauth.close()
    api.close()


def google_flow(oauth: GoogleOAuth, **kwargs: Any) -> GoogleLoopbackFlow:
    return GoogleLoopbackFlow(
        oauth.client_id, oauth.client_secret, auth_url=oauth.auth_url, token_url=oauth.token_url, **kwargs
    )


def browse(url: str) -> threading.Thread:
    """The user's browser: opens the address, Google's consent page redirects it to the console's loopback."""

    def visit() -> None:
        with httpx.Client(follow_redirects=True, timeout=10.0) as browser:
            browser.get(url)

    thread = threading.Thread(target=visit)
    thread.start()
    return thread


def test_google_sign_in_comes_back_to_the_loopback_and_trades_the_code_with_pkce(
    google: tuple[YouTubeApi, GoogleOAuth],
) -> None:
    api, oauth = google
    flow = google_flow(oauth)
    url = flow.start()
    query = dict(parse_qsl(urlsplit(url).query))
    assert query["redirect_uri"].startswith("http://127.0.0.1:") and query["code_challenge_method"] == "S256"
    assert query["scope"] == "https://www.googleapis.com/auth/youtube.force-ssl" and query["state"] == flow.state
    expected = base64.urlsafe_b64encode(hashlib.sha256(flow.verifier.encode()).digest()).rstrip(b"=").decode()
    assert query["code_challenge"] == expected and "client_secret" not in query
    browser = browse(url)
    tokens = flow.wait()
    browser.join(5.0)
    assert tokens.access_token == "ya29.minted-1" and tokens.refresh_token == "1//refresh-1"
    _, path, form = oauth.requests[-1]
    assert path == "/token" and form["code_verifier"] == flow.verifier and form["redirect_uri"] == flow.redirect_uri
    assert form["grant_type"] == "authorization_code" and form["client_secret"] == oauth.client_secret
    # The token reads and posts: a YouTube source with it offers posting.
    assert "youtube.force-ssl" in api.token_scopes[tokens.access_token]


def test_google_sign_in_declined_or_cancelled_is_said_and_a_code_without_the_verifier_is_useless(
    google: tuple[YouTubeApi, GoogleOAuth],
) -> None:
    _, oauth = google
    oauth.consent = "deny"
    flow = google_flow(oauth)
    browser = browse(flow.start())
    with pytest.raises(SignInError, match="The Google sign-in was declined in the browser"):
        flow.wait()
    browser.join(5.0)
    flow = google_flow(oauth)
    flow.start()
    flow.cancel.set()
    with pytest.raises(SignInCancelled):
        flow.wait()
    with pytest.raises(SignInError, match="Fill in the Google app's client ID and client secret"):
        GoogleLoopbackFlow(oauth.client_id, "").start()
    # Someone who sees the code in the redirect cannot use it without this process's verifier.
    oauth.consent = "allow"
    thief = google_flow(oauth)
    with httpx.Client(follow_redirects=False) as browser_client:
        location = browser_client.get(thief.start()).headers["location"]
    code = dict(parse_qsl(urlsplit(location).query))["code"]
    answer = httpx.post(
        oauth.token_url,
        data={
            "client_id": oauth.client_id,
            "client_secret": oauth.client_secret,
            "code": code,
            "code_verifier": "x" * 64,
            "grant_type": "authorization_code",
            "redirect_uri": thief.redirect_uri,
        },
    )
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_grant"


def test_the_youtube_reader_renews_an_expired_token_and_keeps_it(google: tuple[YouTubeApi, GoogleOAuth]) -> None:
    api, oauth = google
    minted = oauth._mint("https://www.googleapis.com/auth/youtube.force-ssl", refresh=True)
    kept: list[Any] = []
    source = YouTubeChatSource(
        ChatFeed(),
        api.video_id,
        oauth_token=minted["access_token"],
        api_base=api.api_base,
        tokeninfo_url=api.tokeninfo_url,
        min_interval_s=0.05,
        refresh_token=minted["refresh_token"],
        google_client=(oauth.client_id, oauth.client_secret),
        token_url=oauth.token_url,
        keep_tokens=kept.append,
    )
    source.start()
    try:
        wait_until(lambda: source.state().status is SourceStatus.OK, 10.0)
        oauth.expire(minted["access_token"])  # an hour later
        wait_until(lambda: source.refreshes == 1, 10.0)
        assert [t.access_token for t in kept] == ["ya29.minted-2"] and kept[0].refresh_token == minted["refresh_token"]
        wait_until(
            lambda: (
                source.state().status is SourceStatus.OK
                and api.requests[-1][2].get("Authorization") == "Bearer ya29.minted-2"
            ),
            10.0,
        )
        assert source.post("谢谢！").ok
    finally:
        source.stop()
        assert source.join(5.0)
