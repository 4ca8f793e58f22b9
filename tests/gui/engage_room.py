"""A room for the Questions dock's tests: the console's own bridge on the simulator (its show kept in the test's
SQLite database), a real RoomChat whose RoomFeed the test writes comments into, a comment source that can post
(it records what it was given, as a platform's chat would show it), the rundown's test port for the product on
air, and the real EngageController and main window on them."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from console.bridge import Endpoint, ObsBridge
from console.core.chat.config import ChatConfig
from console.core.chat.events import ChatDetail, ChatEvent, ChatKind
from console.core.chat.feed import ChatFeed
from console.core.chat.room import RoomChat
from console.core.chat.source import ChatSource, Posted
from console.core.rundown.model import Rundown
from console.core.storage import default_url
from console.core.telemetry.audience import SourceState
from console.engage_controller import EngageController
from console.mainwindow import MainWindow
from console.settings import Settings
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.test_talent_screen import TestPort
from widgets.chat_port import ChatPort
from widgets.engage_dock import EngageDock
from widgets.engage_port import EngagePort

_ids = itertools.count(1)


class PostingSource(ChatSource):
    """A source whose platform lets the console post: it reads nothing and keeps what it was asked to post."""

    platform = "testchat"

    def __init__(self, feed: ChatFeed) -> None:
        super().__init__(feed, "testchat")
        self.posted: list[str] = []

    def _session(self) -> None:
        self._connected()
        self._halt.wait()

    def can_post(self) -> bool:
        return True

    def post(self, text: str) -> Posted:
        self.posted.append(text)
        return Posted(self.source_id, True, ChatDetail())


class RoomComments(QObject):
    """The ChatPort of a room whose RoomChat the test holds (the chat controller's part, without its rooms)."""

    sig_arrived = Signal()
    sig_room_changed = Signal(str)
    sig_sources_changed = Signal()
    sig_history_loaded = Signal()

    def __init__(self, chat: RoomChat, own_names: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.chat = chat
        self._own = own_names
        self._history: tuple[ChatEvent, ...] = ()

    @property
    def feed(self) -> ChatFeed:
        return self.chat.feed

    @property
    def sources(self) -> tuple[tuple[str, SourceState], ...]:
        return self.chat.status()

    @property
    def keywords(self) -> tuple[str, ...]:
        return ()

    @property
    def own_names(self) -> tuple[str, ...]:
        return self._own

    @property
    def history(self) -> tuple[ChatEvent, ...]:
        return self._history

    def set_history(self, events: tuple[ChatEvent, ...]) -> None:
        self._history = events
        self.sig_history_loaded.emit()

    def say(self, user: str, text: str, platform: str = "bilibili", host: bool = False) -> ChatEvent:
        n = next(_ids)
        event = ChatEvent(
            platform, platform, ChatKind.COMMENT, f"uid-{user}", user, text, t=time.monotonic(), wall=time.time(),
            message_id=f"msg-{n}", host=host,
        )  # fmt: skip
        self.chat.feed.add(event)
        self.sig_arrived.emit()
        return event


@dataclass
class Room:
    bridge: ObsBridge
    comments: RoomComments
    poster: PostingSource
    rundown: TestPort
    engage: EngageController
    window: MainWindow

    @property
    def dock(self) -> EngageDock:
        return self.window.widgets["questions"]  # type: ignore[return-value]

    @property
    def show_id(self) -> int:
        session = self.bridge.session
        assert session is not None and session.show_id is not None
        return session.show_id

    def restart_engage(self, qtbot: QtBot) -> EngageController:
        """The engagement controller made anew on the same bridge and database (the console restarted)."""
        self.engage.shutdown()
        self.engage = EngageController(self.bridge, self.comments, self.rundown, lambda: "客服A", default_url())
        qtbot.waitUntil(lambda: self.engage.ready, timeout=15000)
        return self.engage


@pytest.fixture(name="room")
def room_fixture(
    qtbot: QtBot,
    sim: SimulatorThread,
    settings: Settings,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Room]:
    """The room on the test's SQLite database, or (parametrized indirectly) on a fresh database of the suite's
    PostgreSQL server ("postgresql") or on a tiny filesystem the test can fill ("small_disk")."""
    database = getattr(request, "param", "sqlite")
    if database == "postgresql":
        monkeypatch.setenv("ONAIR_DATABASE_URL", request.getfixturevalue("postgres_url"))
    elif database == "small_disk":  # a real 1 MiB filesystem the test fills (tests/conftest.py small_disk)
        monkeypatch.setenv("ONAIR_DATABASE_URL", f"sqlite:///{request.getfixturevalue('small_disk')}/onair.db")
    bridge = ObsBridge(backoff_initial=0.1, backoff_max=0.5)
    chat = RoomChat(ChatConfig(), {})
    poster = PostingSource(chat.feed)
    chat.sources.append(poster)
    chat.start()
    comments = RoomComments(chat, own_names=("场控小李",))
    assert isinstance(comments, ChatPort)
    rundown = TestPort(Rundown("demo"))
    engage = EngageController(bridge, comments, rundown, lambda: "客服A", default_url())
    assert isinstance(engage, EngagePort)
    window = MainWindow(bridge, settings, demo=True, chat=comments, engage=engage)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    bridge.connect_to(Endpoint("127.0.0.1", sim.port, PASSWORD))
    made = Room(bridge, comments, poster, rundown, engage, window)
    qtbot.waitUntil(lambda: made.engage.ready, timeout=20000)
    yield made
    made.engage.shutdown()
    bridge.shutdown()
    chat.stop()
