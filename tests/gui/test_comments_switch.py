"""Every comment a console read is stored with the show it belongs to, when the console leaves the room's sources
behind: a room switch (the old room's comments go with the old room's show) and an edit of the room's sources (the
old sources' comments go with the same show). Before, both lost what the old sources had read since the show
writer's last take (once a second) while the Q&A queue kept the questions among them. On SQLite and on PostgreSQL
(a studio's shared database)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console
from console.core.chat.config import ChatConfig, ChatSourceConfig
from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.room import STORED_KINDS, RoomChat
from console.core.rooms import Room
from console.core.storage import Storage
from console.settings import Settings
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import start


@pytest.fixture(params=["sqlite", "postgresql"])
def storage(request: pytest.FixtureRequest, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[Storage]:
    """The consoles' database (the settings fixture's SQLite file, or a PostgreSQL database of the test's own)."""
    if request.param == "postgresql":
        monkeypatch.setenv("ONAIR_DATABASE_URL", request.getfixturevalue("migrated_postgres_url"))
    store = Storage()
    store.migrate()
    yield store
    store.close()


def _read_now(chat: RoomChat, message_id: str, text: str) -> None:
    """A comment the room's sources read this instant: no sample has handed it to the show writer yet."""
    chat.feed.add(
        ChatEvent(
            "bilibili",
            "bili",
            ChatKind.COMMENT,
            "uid-9",
            "小周",
            text,
            t=time.monotonic(),
            wall=time.time(),
            message_id=message_id,
        )
    )


def _show_of(qtbot: QtBot, console: Console, room: str) -> int:
    qtbot.waitUntil(
        lambda: (
            (session := console.bridge.session) is not None and session.name == room and session.show_id is not None
        ),
        timeout=15000,
    )
    session = console.bridge.session
    assert session is not None and session.show_id is not None
    return session.show_id


def _close(consoles: list[Console], console: Console) -> None:
    """Close the console: its sessions' last rows are written before this returns (bridge.shutdown joins them)."""
    consoles.remove(console)
    console.window.close()
    console.shutdown()


def _stored(storage: Storage, show_id: int) -> list[str]:
    return [row["message_id"] for row in storage.show_comments(show_id)]


def test_a_room_switch_stores_the_old_rooms_last_comments_with_its_show(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings, storage: Storage,
    sim: SimulatorThread,
) -> None:  # fmt: skip
    console = start(qapp, consoles, settings, demo=True)
    demo_show = _show_of(qtbot, console, "demo")
    old = console.chat.chat
    assert old is not None
    qtbot.waitUntil(lambda: old.feed.accepted >= 3, timeout=15000)  # the simulated viewers write
    _read_now(old, "before-the-switch", "切房间前最后一句：链接在哪？")
    assert console.save_room(Room("Room B", "127.0.0.1", sim.port), None, "") is None
    assert console.connect_room("Room B", ask=False) is None
    room_b_show = _show_of(qtbot, console, "Room B")
    _close(consoles, console)
    stored = _stored(storage, demo_show)
    assert "before-the-switch" in stored, "the comment read in the demo room's last second was lost by the switch"
    read = [event.message_id for event in old.feed.newest() if event.kind in STORED_KINDS]
    assert sorted(read) == sorted(stored), "every comment the demo room's sources read is its show's, once"
    assert _stored(storage, room_b_show) == [], "none of the demo room's comments went with Room B's show"


def test_an_edit_of_the_rooms_sources_stores_the_old_sources_last_comments_with_the_show(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings, storage: Storage,
    sim: SimulatorThread, tmp_path: Path,
) -> None:  # fmt: skip
    path = tmp_path / "douyin.jsonl"
    path.write_text(json.dumps({"user": "history", "text": "old"}) + "\n", encoding="utf-8")  # history: not read
    sources = ChatConfig((ChatSourceConfig("tool", "file", path=str(path)),))
    console = start(qapp, consoles, settings, demo=True)
    assert console.save_room(Room("抖音间", "127.0.0.1", sim.port, chat=sources), None, "") is None
    assert console.connect_room("抖音间", ask=False) is None
    show = _show_of(qtbot, console, "抖音间")
    old = console.chat.chat
    assert old is not None
    qtbot.waitUntil(lambda: old.known, timeout=10000)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(
            json.dumps({"user": "小明", "text": "有优惠券吗", "id": "from-the-file"}, ensure_ascii=False) + "\n"
        )
    qtbot.waitUntil(lambda: old.feed.accepted == 1, timeout=10000)
    _read_now(old, "before-the-edit", "改来源前最后一句：还有货吗？")
    edited = ChatConfig((*sources.sources, ChatSourceConfig("second", "file", path=str(tmp_path / "other.jsonl"))))
    assert console.save_chat("抖音间", edited, {}) is None
    assert console.chat.chat is not old, "the edited sources run anew"
    _close(consoles, console)
    assert sorted(_stored(storage, show)) == ["before-the-edit", "from-the-file"], (
        "the comments the old sources read in their last second were lost by the edit"
    )


def test_the_new_rooms_first_comments_go_with_the_new_rooms_show(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings, storage: Storage,
    sim: SimulatorThread, tmp_path: Path,
) -> None:  # fmt: skip
    """A switch makes the new room's chat before its session (console/app.py `_switch`): meanwhile the old room's
    session is still the bridge's, and closing it must not store the new room's first comments with the old show."""
    from console.core.session import Endpoint

    path = tmp_path / "room-b.jsonl"
    path.write_text(json.dumps({"user": "history", "text": "old"}) + "\n", encoding="utf-8")
    room = Room("Room B", "127.0.0.1", sim.port, chat=ChatConfig((ChatSourceConfig("tool", "file", path=str(path)),)))
    console = start(qapp, consoles, settings, demo=True)
    demo_show = _show_of(qtbot, console, "demo")
    assert console.save_room(room, None, "") is None
    # console.connect_room's switch, one step at a time: the new room's chat first ...
    console.chat.use_room("Room B", demo=False)
    new = console.chat.chat
    assert new is not None
    _read_now(new, "room-b-first", "二号间第一句")  # ... read before the old session closes ...
    console.bridge.connect_to(Endpoint("127.0.0.1", sim.port, ""), "Room B", False)  # ... which it does here
    console.window.set_room("Room B", False)
    room_b_show = _show_of(qtbot, console, "Room B")
    _close(consoles, console)
    assert "room-b-first" not in _stored(storage, demo_show), "Room B's comment was stored with the demo room's show"
    assert _stored(storage, room_b_show) == ["room-b-first"]
