"""“Sign in with Twitch…” in the Comment sources dialog, against the local id.twitch.tv speaking the device code
flow (tests/chat_servers_twitch.py): the code and the address shown and copyable, the wait off the GUI thread,
slow_down honoured, cancel and a declined sign-in said in words; the token and refresh token go to the keyring (the
Client ID to rooms.json), the room's Twitch source runs with them and can post quick replies."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console
from console.core.chat import config as chat_config
from console.core.rooms import Room, RoomStore
from console.core.telemetry.audience import SourceStatus
from console.settings import Settings, config_dir
from obs.simulator.server import SimulatorThread
from tests.chat_servers_twitch import TwitchServer
from tests.chat_servers_youtube import GoogleOAuth, YouTubeApi
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, start
from tests.keyring_memory import MemoryKeyring
from widgets.chat_sources_dialog import ChatSourcesDialog

ROOM = "Twitch直播间"


@pytest.fixture
def twitch(monkeypatch: pytest.MonkeyPatch) -> Iterator[TwitchServer]:
    server = TwitchServer()
    server.device_interval = 0.1
    # The dialog and the sources talk to the local Twitch, never the real one.
    monkeypatch.setattr(ChatSourcesDialog, "twitch_id_base", server.id_base)
    monkeypatch.setattr(ChatSourcesDialog, "sign_in_options", {"min_interval_s": 0.05, "slow_down_step_s": 0.2})
    real = chat_config.TwitchEventSubSource  # type: ignore[attr-defined]

    def local(*args: Any, **kwargs: Any) -> Any:
        urls = {"eventsub_url": server.eventsub_url, "helix_base": server.helix_base, "id_base": server.id_base}
        return real(*args, **{**kwargs, **urls})

    monkeypatch.setattr(chat_config, "TwitchEventSubSource", local)
    yield server
    server.close()


def test_signing_in_with_twitch_fills_the_token_and_the_source_reads_and_posts(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    memory_keyring: MemoryKeyring,
    twitch: TwitchServer,
) -> None:
    RoomStore(config_dir() / "rooms.json").put(Room(ROOM, "127.0.0.1", sim.port))
    memory_keyring.set_password("onair-console", f"room:{ROOM}", PASSWORD)
    console = start(qapp, consoles, settings, room=ROOM)
    connected(qtbot, console)
    console.window.action_chat_sources.trigger()
    dialog = console.chat_sources_dialog
    assert dialog is not None
    dialog.add_buttons["twitch"].click()
    form = dialog.form
    form.source_id.setText("tw")
    form.channel.setText("https://www.twitch.tv/Streamer")
    form.client_id.setText(twitch.client_id)
    twitch.device_script = ["authorization_pending", "slow_down", "authorization_pending"]  # then pending for ever
    form.sign_in.click()
    qtbot.waitUntil(lambda: form.sign_in_code.isVisible() and "ABCD0001" in form.sign_in_code.text(), timeout=5000)
    assert "https://www.twitch.tv/activate" in form.sign_in_code.text() and not form.sign_in.isEnabled()
    form.copy_code.click()
    assert QGuiApplication.clipboard().text().startswith("ABCD0001  https://www.twitch.tv/activate")
    # The GUI thread is free while Twitch is asked: the dialog answers, the polls go on, slow_down is honoured.
    qtbot.waitUntil(lambda: len(twitch.token_polls) >= 4, timeout=5000)
    gaps = [b - a for a, b in zip(twitch.token_polls, twitch.token_polls[1:], strict=False)]
    assert gaps[2] >= 0.29, "after slow_down the interval grew by the step"
    twitch.device_script = ["ok"]
    qtbot.waitUntil(lambda: "Signed in to Twitch as modbot" in form.sign_in_result.text(), timeout=5000)
    assert "user:write:chat" in form.sign_in_result.text() and not form.sign_in_code.isVisible()
    assert form.user_token.text() == "minted-1" and form.sign_in.isEnabled()
    assert dialog.save(), dialog.problem.text()
    saved = json.loads((config_dir() / "rooms.json").read_text(encoding="utf-8"))
    assert saved["rooms"][0]["chat"] == [
        {"id": "tw", "kind": "twitch", "channel": "https://www.twitch.tv/Streamer", "twitch_mode": "eventsub",
         "client_id": "client-abc"}
    ]  # fmt: skip
    assert "minted-1" not in json.dumps(saved)
    kept = json.loads(memory_keyring.get_password("onair-console", f"chat:{ROOM}") or "{}")
    assert kept == {"tw": {"user_token": "minted-1", "refresh_token": "refresh-1"}}
    # The room's source runs with it and offers posting.
    qtbot.waitUntil(lambda: [s.status for _, s in console.chat.sources] == [SourceStatus.OK], timeout=10000)
    chat = console.chat.chat
    assert chat is not None
    qtbot.waitUntil(lambda: chat.posting_sources() == ("tw",), timeout=5000)
    (posted,) = chat.post("谢谢关注 thanks!")
    assert posted.ok and twitch.chat_messages == [("1971641", "555", "谢谢关注 thanks!")]


def test_cancelling_and_a_declined_sign_in_are_said_and_a_new_try_works(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    memory_keyring: MemoryKeyring,
    twitch: TwitchServer,
) -> None:
    RoomStore(config_dir() / "rooms.json").put(Room(ROOM, "127.0.0.1", 1))
    console = start(qapp, consoles, settings, room=ROOM)
    console.window.action_chat_sources.trigger()
    dialog = console.chat_sources_dialog
    assert dialog is not None
    dialog.add_buttons["twitch"].click()
    form = dialog.form
    form.channel.setText("streamer")
    form.client_id.setText("someone-else")
    form.sign_in.click()
    qtbot.waitUntil(lambda: bool(form.sign_in_result.text()), timeout=5000)
    assert form.sign_in_result.text().startswith("Twitch refused to start signing in (HTTP 400: invalid client)")
    form.client_id.setText(twitch.client_id)
    form.sign_in.click()
    qtbot.waitUntil(lambda: form.cancel_sign_in.isVisible() and form.sign_in_code.isVisible(), timeout=5000)
    form.cancel_sign_in.click()
    qtbot.waitUntil(lambda: form.sign_in_result.text() == "Signing in was cancelled.", timeout=5000)
    assert not form.cancel_sign_in.isVisible() and form.sign_in.isEnabled()
    twitch.device_script = ["access_denied"]
    form.sign_in.click()
    qtbot.waitUntil(
        lambda: form.sign_in_result.text() == "The Twitch sign-in was declined in the browser.", timeout=5000
    )
    assert form.user_token.text() == ""


# ---------------------------------------------------------------------- Sign in with Google (YouTube)
@pytest.fixture
def google(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[YouTubeApi, GoogleOAuth]]:
    api = YouTubeApi()
    oauth = GoogleOAuth(api)
    monkeypatch.setattr(ChatSourcesDialog, "google_urls", (oauth.auth_url, oauth.token_url))
    visits: list[str] = []

    def browser(url: str) -> None:  # the user's browser: Google's consent page sends it back to the loopback
        visits.append(url)

        def visit() -> None:
            with httpx.Client(follow_redirects=True, timeout=10.0) as client:
                client.get(url)

        threading.Thread(target=visit, daemon=True).start()

    monkeypatch.setattr(ChatSourcesDialog, "open_browser", staticmethod(browser))
    real = chat_config.YouTubeChatSource  # type: ignore[attr-defined]

    def local(*args: Any, **kwargs: Any) -> Any:
        urls = {"api_base": api.api_base, "tokeninfo_url": api.tokeninfo_url, "token_url": oauth.token_url}
        return real(*args, **{**kwargs, **urls, "min_interval_s": 0.05})

    monkeypatch.setattr(chat_config, "YouTubeChatSource", local)
    oauth.visits = visits  # type: ignore[attr-defined]
    yield api, oauth
    oauth.close()
    api.close()


def test_signing_in_with_google_fills_the_owner_token_and_the_youtube_source_reads_and_posts(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    memory_keyring: MemoryKeyring,
    google: tuple[YouTubeApi, GoogleOAuth],
) -> None:
    api, oauth = google
    RoomStore(config_dir() / "rooms.json").put(Room(ROOM, "127.0.0.1", 1))
    console = start(qapp, consoles, settings, room=ROOM)
    console.window.action_chat_sources.trigger()
    dialog = console.chat_sources_dialog
    assert dialog is not None
    dialog.add_buttons["youtube"].click()
    form = dialog.form
    form.source_id.setText("yt")
    form.youtube.setText(f"https://www.youtube.com/watch?v={api.video_id}")
    form.youtube_auth.setCurrentIndex(form.youtube_auth.findData("oauth"))
    form.google_client_id.setText(oauth.client_id)
    form.google_client_secret.setText(oauth.client_secret)
    oauth.consent = "deny"
    form.google_sign_in.click()
    qtbot.waitUntil(lambda: bool(form.google_result.text()), timeout=5000)
    assert form.google_result.text() == "The Google sign-in was declined in the browser."
    oauth.consent = "allow"
    form.google_sign_in.click()
    qtbot.waitUntil(lambda: "Signed in to Google" in form.google_result.text(), timeout=5000)
    assert form.oauth_token.text() == "ya29.minted-1" and len(oauth.visits) == 2  # type: ignore[attr-defined]
    assert dialog.save(), dialog.problem.text()
    saved = json.loads((config_dir() / "rooms.json").read_text(encoding="utf-8"))
    assert saved["rooms"][0]["chat"][0]["google_client_id"] == oauth.client_id
    assert "minted" not in json.dumps(saved) and oauth.client_secret not in json.dumps(saved)
    kept = json.loads(memory_keyring.get_password("onair-console", f"chat:{ROOM}") or "{}")
    assert kept == {
        "yt": {
            "oauth_token": "ya29.minted-1",
            "refresh_token": "1//refresh-1",
            "google_client_secret": oauth.client_secret,
        }
    }
    qtbot.waitUntil(lambda: [s.status for _, s in console.chat.sources] == [SourceStatus.OK], timeout=10000)
    chat = console.chat.chat
    assert chat is not None
    qtbot.waitUntil(lambda: chat.posting_sources() == ("yt",), timeout=5000)
    (posted,) = chat.post("包邮 🎁")
    assert posted.ok and api.posted[0]["snippet"]["textMessageDetails"]["messageText"] == "包邮 🎁"
