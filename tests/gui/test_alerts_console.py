"""The running console sends its room's alerts by itself (console/alerts_controller.py): a fault on the simulated
OBS opens a finding, and the local chat-platform server receives the platform's payload with the room's name in
the team's language, then a "resolved" when it closes; a webhook that hangs never holds the GUI thread; a wrong
alerts.json is said once and the console runs on, and an edit is taken at once; the room switch names the new room;
at shutdown the sender's thread ends."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console
from console.core.alerts.config import Credentials
from console.core.rooms import Room, RoomStore, Secrets
from console.settings import Settings
from obs.simulator.server import SimulatorThread
from tests.alert_servers import ChatPlatforms, Received
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, start

ROOM = "一号直播间"


def studio(folder: Path, language: str = "zh_CN", **rule: Any) -> None:
    """alerts.json with one JSON-webhook destination (the studio's own tool) hearing every room."""
    destination = {"name": "wall", "platform": "webhook", "min_severity": "critical", **rule}
    (folder / "alerts.json").write_text(
        json.dumps({"version": 1, "language": language, "destinations": [destination]}, ensure_ascii=False),
        encoding="utf-8",
    )


def keep_address(server: ChatPlatforms, name: str = "wall", platform: str = "webhook") -> None:
    Secrets().set(name, Credentials(server.url(platform)).to_keyring(), Secrets.ALERTS)


def saved_room(folder: Path, sim: SimulatorThread, name: str = ROOM) -> None:
    RoomStore(folder / "rooms.json").put(Room(name, "127.0.0.1", sim.port))
    Secrets().set(name, PASSWORD)


def alerts(server: ChatPlatforms, state: str) -> list[Received]:
    return [r for r in server.of("webhook") if r.body and r.body.get("state") == state]


def go_live_and_drop(qtbot: QtBot, console: Console, sim: SimulatorThread) -> None:
    """Streaming through the console, then the stream's connection drops for long enough: a critical
    "stream reconnecting" finding opens while the room is on air."""
    console.bridge.request("StartStream")
    qtbot.waitUntil(lambda: console.bridge.state.stream.active, timeout=10000)
    sim.call(lambda s: s.stream_reconnect(600.0))


def test_a_fault_on_air_reaches_the_team_in_its_language_then_resolved(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, sim: SimulatorThread,
    server: ChatPlatforms, tmp_path: Path,
) -> None:  # fmt: skip
    studio(tmp_path, "zh_CN", only_on_air=True)
    keep_address(server)
    saved_room(tmp_path, sim)
    console = start(qapp, consoles, settings, room=ROOM, lang="en")  # the console in English, the team in Chinese
    connected(qtbot, console)
    go_live_and_drop(qtbot, console, sim)
    qtbot.waitUntil(lambda: bool(alerts(server, "opened")), timeout=20000)
    [opened] = alerts(server, "opened")
    assert opened.verdict == "ok"
    body = opened.body
    assert body["room"] == ROOM and body["finding"] == "reconnect" and body["severity"] == "critical"
    assert body["language"] == "zh_CN"
    assert body["headline"].startswith(f"[{ROOM}] 严重："), body["headline"]
    assert "推流" in body["message"], body["message"]

    console.bridge.request("StopStream")  # the episode ends with the stream
    qtbot.waitUntil(lambda: bool(alerts(server, "resolved")), timeout=20000)
    [resolved] = alerts(server, "resolved")
    assert resolved.body["episode"] == body["episode"] and resolved.body["room"] == ROOM
    assert resolved.body["headline"].startswith(f"[{ROOM}] 已恢复"), resolved.body["headline"]
    assert resolved.body["resolved_at"] is not None
    assert len(alerts(server, "opened")) == 1, "one alert per episode"

    console.shutdown()
    consoles.remove(console)
    console.window.close()
    assert not console.alerts.sending, "the sender's thread ends with the console"


def test_a_webhook_that_hangs_never_holds_the_gui_thread(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, sim: SimulatorThread,
    server: ChatPlatforms, tmp_path: Path,
) -> None:  # fmt: skip
    studio(tmp_path, "en")
    keep_address(server)
    saved_room(tmp_path, sim)
    server.mode["webhook"] = "hold"  # the request waits until the test releases it
    console = start(qapp, consoles, settings, room=ROOM, lang="en")
    connected(qtbot, console)
    go_live_and_drop(qtbot, console, sim)
    qtbot.waitUntil(server.held.is_set, timeout=20000)
    # The barrier: with the alert's request in flight and unanswered, the GUI thread still delivers its events —
    # a timer's call, and the room's next second sampled by the bridge on this thread.
    delivered: list[bool] = []
    sampled: list[bool] = []
    QTimer.singleShot(0, lambda: delivered.append(console.alerts.router.last_answer("wall") is None))
    console.bridge.sig_sampled.connect(lambda: sampled.append(console.alerts.router.last_answer("wall") is None))
    qtbot.waitUntil(lambda: bool(delivered) and bool(sampled), timeout=5000)
    assert delivered[0] and sampled[0], "the GUI thread ran while the webhook held the alert"
    assert not server.release.is_set()
    server.release.set()
    qtbot.waitUntil(lambda: console.alerts.router.last_answer("wall") is not None, timeout=10000)


def test_a_webhook_answering_500_is_retried_without_holding_the_room(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, sim: SimulatorThread,
    server: ChatPlatforms, tmp_path: Path,
) -> None:  # fmt: skip
    studio(tmp_path, "en")
    keep_address(server)
    saved_room(tmp_path, sim)
    server.mode["webhook"] = "down"
    console = start(qapp, consoles, settings, room=ROOM, lang="en")
    connected(qtbot, console)
    go_live_and_drop(qtbot, console, sim)
    router = console.alerts.router
    qtbot.waitUntil(lambda: router.last_answer("wall") is not None, timeout=20000)
    answer = router.last_answer("wall")
    assert answer is not None and not answer.ok and answer.retry
    assert router.waiting("wall") == 1, "the alert waits to be tried again"
    # The room carries on: its seconds keep coming while the destination rests.
    count = [0]
    console.bridge.sig_sampled.connect(lambda: count.__setitem__(0, count[0] + 1))
    qtbot.waitUntil(lambda: count[0] >= 2, timeout=5000)


def test_a_wrong_alerts_json_is_said_once_and_an_edit_is_taken_at_once(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, sim: SimulatorThread,
    server: ChatPlatforms, tmp_path: Path,
) -> None:  # fmt: skip
    (tmp_path / "alerts.json").write_text('{"version": 1, "destinations": [{"name": "wall"}]}', encoding="utf-8")
    keep_address(server)
    saved_room(tmp_path, sim)
    console = start(qapp, consoles, settings, room=ROOM, lang="zh_CN")
    connected(qtbot, console)

    def said() -> list[str]:
        return [what for _who, what in console.window.event_log.lines() if "alerts.json" in what]

    assert len(said()) == 1, console.window.event_log.lines()
    assert "不发送告警" in said()[0] and "第 1 个告警目的地" in said()[0], said()[0]
    console.alerts.reload()  # read again, still wrong: not said again
    assert len(said()) == 1

    studio(tmp_path, "en")  # fixed by hand: taken without a restart
    qtbot.waitUntil(lambda: bool(console.alerts.config.destinations), timeout=10000)
    go_live_and_drop(qtbot, console, sim)
    qtbot.waitUntil(lambda: bool(alerts(server, "opened")), timeout=20000)
    assert alerts(server, "opened")[0].body["language"] == "en"


def test_after_a_room_switch_alerts_name_the_new_room(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, server: ChatPlatforms,
    tmp_path: Path,
) -> None:  # fmt: skip
    rooms = {name: SimulatorThread(password=PASSWORD, seed=5).start() for name in ("Room A", "Room B")}
    try:
        studio(tmp_path, "en", min_severity="warning")
        keep_address(server)
        for name, sim in rooms.items():
            saved_room(tmp_path, sim, name)
        console = start(qapp, consoles, settings, room="Room A", lang="en")
        connected(qtbot, console)
        assert console.connect_room("Room B") is None
        qtbot.waitUntil(lambda: console.bridge.session is not None and console.bridge.session.name == "Room B")
        connected(qtbot, console)
        go_live_and_drop(qtbot, console, rooms["Room B"])
        qtbot.waitUntil(lambda: bool(alerts(server, "opened")), timeout=20000)
        assert {r.body["room"] for r in alerts(server, "opened")} == {"Room B"}
    finally:
        for sim in rooms.values():
            sim.stop()


def test_without_alerts_json_nothing_is_said_and_no_thread_is_left(
    qapp: QApplication, consoles: list[Console], settings: Settings, tmp_path: Path
) -> None:
    console = start(qapp, consoles, settings, demo=True, lang="en")
    assert console.alerts.problem is None and not console.alerts.config.destinations
    assert not [what for _who, what in console.window.event_log.lines() if "alerts.json" in what]
    assert console.alerts.sending
    console.shutdown()
    consoles.remove(console)
    console.window.close()
    assert not console.alerts.sending


def test_an_alert_with_nowhere_to_go_is_said_in_the_event_log(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, sim: SimulatorThread,
    server: ChatPlatforms, tmp_path: Path,
) -> None:  # fmt: skip
    """A destination whose webhook address was never kept (the keyring had none): the room's alert cannot go, and
    the console says so where the team looks, not only on stderr."""
    studio(tmp_path, "zh_CN")
    saved_room(tmp_path, sim)
    console = start(qapp, consoles, settings, room=ROOM, lang="zh_CN")
    connected(qtbot, console)
    go_live_and_drop(qtbot, console, sim)

    def said() -> list[str]:
        return [text for _who, text in console.window.event_log.lines() if "wall" in text]

    qtbot.waitUntil(lambda: bool(said()), timeout=20000)
    assert "未送达" in said()[0] and server.received == [], said()
