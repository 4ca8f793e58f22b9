"""Setting up a room's audience source in the console: the dialog, the keyring, the Audience dock's status
line and graph, a restart, and mistakes explained instead of saved."""

from __future__ import annotations

import json
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console
from console.core.rooms import Room, RoomStore
from console.core.telemetry.audience import DemoAudience, NoAudience, SourceStatus
from console.core.telemetry.audience_file import FileTailSource
from console.core.telemetry.audience_http import HttpJsonSource
from console.settings import Settings, config_dir
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, start
from tests.http_platform import Platform
from tests.keyring_memory import MemoryKeyring

TOKEN = "tok-密钥-123"


def test_a_custom_http_source_is_saved_with_the_room_and_its_token_in_the_keyring(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    memory_keyring: MemoryKeyring,
    platform: Platform,
) -> None:
    RoomStore(config_dir() / "rooms.json").put(Room("抖音直播间", "127.0.0.1", sim.port))
    memory_keyring.set_password("onair-console", "room:抖音直播间", PASSWORD)
    platform.answer(body={"code": 0, "data": {"online": "1.2万", "like": 3456}})
    console = start(qapp, consoles, settings, room="抖音直播间", workspace="Analyst")
    connected(qtbot, console)
    bar = console.window.widgets["graph_audience"].source_bar  # type: ignore[attr-defined]
    assert isinstance(console.telemetry.audience, NoAudience) and "No audience source" in bar.label.text()

    bar.button.click()
    dialog = console.audience_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.kind.setCurrentIndex(dialog.CHOICES.index("http"))
    assert dialog.url.isVisible() and not dialog.file_path.isVisible()
    dialog.url.setText(f"{platform.base}/room/9?sign={{secret}}")
    dialog.headers.setPlainText("X-Team: 运营")
    dialog.paths["viewers"].setText("$.data.online")
    dialog.paths["likes"].setText("$.data.[")
    dialog.apply_button.click()
    assert "JSONPath for likes is not valid" in dialog.problem.text()
    assert not platform.requests, "a configuration that cannot work is neither saved nor started"
    dialog.paths["likes"].setText("$.data.like")
    dialog.apply_button.click()
    assert "Enter the Secret" in dialog.problem.text(), "the address asks for {secret}"
    dialog.secret.setText(TOKEN)
    dialog.apply_button.click()
    assert dialog.problem.text() == ""

    qtbot.waitUntil(lambda: console.telemetry.audience.state().status is SourceStatus.OK, timeout=5000)
    assert isinstance(console.telemetry.audience, HttpJsonSource)
    _, path, headers = platform.requests[0]
    assert path == "/room/9?sign=tok-%E5%AF%86%E9%92%A5-123" and headers["X-Team"] == "运营".encode().decode("latin-1")
    qtbot.waitUntil(lambda: "12,000 viewers" in bar.label.text(), timeout=3000)
    qtbot.waitUntil(lambda: "12,000 viewers" in dialog.status.text(), timeout=3000)
    qtbot.waitUntil(lambda: console.telemetry.telemetry.value("viewers") == 12000, timeout=3000)
    assert console.telemetry.telemetry.value("likes") == 3456

    saved = (config_dir() / "rooms.json").read_text(encoding="utf-8")
    assert TOKEN not in saved and json.loads(saved)["rooms"][0]["audience"]["viewers"] == "$.data.online"
    assert memory_keyring.get_password("onair-console", "audience:抖音直播间") == TOKEN

    # Editing the room's address in the Rooms dialog keeps its audience source.
    console.show_rooms()
    assert console.rooms_dialog is not None
    console.rooms_dialog.port.setValue(sim.port)
    console.rooms_dialog.save_button.click()
    assert RoomStore(config_dir() / "rooms.json").get("抖音直播间").audience.kind == "http"  # type: ignore[union-attr]

    # A restart brings the source back from rooms.json and the keyring.
    console.window.close()
    console.shutdown()
    platform.answers.clear()
    platform.answer(body={"code": 0, "data": {"online": 15000}})
    again = start(qapp, consoles, settings)
    connected(qtbot, again)

    def viewers() -> float | None:
        reading = again.telemetry.audience.reading()
        return reading.viewers if reading else None

    qtbot.waitUntil(lambda: viewers() == 15000, timeout=5000)
    assert platform.requests[-1][1].endswith("sign=tok-%E5%AF%86%E9%92%A5-123")


def test_a_file_source_and_a_refused_token_show_in_the_dock(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
    platform: Platform,
) -> None:
    RoomStore(config_dir() / "rooms.json").put(Room("淘宝直播", "127.0.0.1", sim.port))
    memory_keyring.set_password("onair-console", "room:淘宝直播", PASSWORD)
    table = tmp_path / "后台导出.csv"
    table.write_text(f"时间,在线人数,点赞数\n{time.strftime('%H:%M:%S')},888,12\n", encoding="utf-8-sig")
    console = start(qapp, consoles, settings, room="淘宝直播", workspace="Analyst")
    connected(qtbot, console)
    dialog = console.show_audience()
    dialog.kind.setCurrentIndex(dialog.CHOICES.index("file"))
    dialog.file_path.setText(str(table))
    dialog.apply_button.click()
    assert dialog.problem.text() == ""
    assert isinstance(console.telemetry.audience, FileTailSource)
    bar = console.window.widgets["graph_audience"].source_bar  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "CSV/TSV file · OK · 888 viewers" in bar.label.text(), timeout=5000)

    platform.answer(401, {"error": "Unauthorized", "status": 401, "message": "Invalid OAuth token"})
    dialog.kind.setCurrentIndex(dialog.CHOICES.index("twitch"))
    assert dialog.secret_label.text() == "App access token" and dialog.interval.minimum() == 30
    dialog.kind.setCurrentIndex(dialog.CHOICES.index("http"))
    dialog.url.setText(f"{platform.base}/helix/streams?user_login=x")
    dialog.headers.setPlainText("Authorization: Bearer {secret}")
    dialog.paths["viewers"].setText("$.data[0].viewer_count")
    dialog.secret.setText("expired")
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: "credentials refused" in bar.label.text(), timeout=5000)
    assert "HTTP 401" in bar.label.text() and "expired" not in bar.label.text()
    assert console.telemetry.telemetry.value("viewers") is None, "no figure is drawn from a failing source"


def test_the_demo_room_has_its_simulated_audience_and_no_setup(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    console = start(qapp, consoles, settings, demo=True, workspace="Analyst")
    connected(qtbot, console)
    assert isinstance(console.telemetry.audience, DemoAudience)
    dialog = console.show_audience()
    assert not dialog.apply_button.isEnabled() and "simulated" in dialog.problem.text()
    bar = console.window.widgets["graph_audience"].source_bar  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "Simulated audience (demo room) · not live" in bar.label.text(), timeout=12000)
    console.bridge.request("StartStream")
    qtbot.waitUntil(lambda: "Simulated audience (demo room) · OK ·" in bar.label.text(), timeout=12000)
    assert bar.label.text().endswith(" viewers")
