"""How the wall is reached: View ▸ Studio in the console (which mode, what a tile does there) and `onair studio`
(refused, with the reason, without the studio's PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console import studio_controller as studio
from console.app import Console
from console.cli import main
from console.core.rooms import Room
from console.core.storage import Storage
from console.mainwindow import MainWindow
from console.settings import Settings
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, start
from widgets.studio_wall import StudioWall


@pytest.mark.parametrize(
    ("url", "shared"),
    [
        ("postgresql+psycopg://onair@db-host/onair", True),
        ("postgresql://onair@db-host/onair", True),
        ("postgres://db-host/onair", True),
        ("sqlite:////home/me/.local/share/onair-console/onair.db", False),
        ("", False),
        (None, False),
    ],
)
def test_shared_mode_is_for_postgresql_only(url: str | None, shared: bool) -> None:
    assert studio.is_postgresql(url) is shared


@pytest.mark.parametrize("given", [[], ["--database", "sqlite:///tmp/onair.db"], ["--database", "mysql://x/y"]])
def test_onair_studio_without_the_studios_postgresql_says_how_to_give_it(
    given: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("ONAIR_DATABASE_URL", raising=False)
    assert main(["studio", "--lang", "en", *given]) == 2
    error = capsys.readouterr().err
    assert "studio's PostgreSQL" in error and "--database" in error and "ONAIR_DATABASE_URL" in error


def test_onair_studio_takes_the_database_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONAIR_DATABASE_URL", "postgresql+psycopg://onair@db-host/onair")
    assert studio.studio_url(None) == "postgresql+psycopg://onair@db-host/onair"
    assert studio.studio_url("postgresql://elsewhere/x") == "postgresql://elsewhere/x"


def test_view_studio_on_a_console_without_saved_rooms_says_so(
    make_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    window = make_window(0, connect=False)  # its storage is SQLite (the fixture's): direct mode
    window.studio_rooms = list
    assert window.open_studio() is None
    assert window.studio_question is not None and window.studio_question.isVisible()
    assert "There is no saved room to show" in window.studio_question.text()
    window.studio_question.close()
    assert not studio.OPEN


def test_a_direct_tile_switches_the_console_to_its_room(make_window: Callable[..., MainWindow]) -> None:
    window = make_window(0, connect=False)
    asked: list[str] = []
    window.sig_studio_room_requested.connect(asked.append)
    window._studio_room_opened("Room B")  # what the direct-mode controller calls for a tile (not on air here)
    assert asked == ["Room B"]


def test_the_console_gives_the_wall_its_rooms_and_switches_to_a_tile_s_room(
    qapp: QApplication, consoles: list[Console], settings: Settings, sim: SimulatorThread, qtbot: QtBot
) -> None:
    console = start(qapp, consoles, settings, demo=True, lang="en")
    assert console.save_room(Room("Room B", "127.0.0.1", sim.port), None, PASSWORD) is None
    window = console.window
    assert window.studio_rooms is not None and [r.name for r in window.studio_rooms()] == ["Room B"]
    window.sig_studio_room_requested.emit("Room B")  # what a direct-mode tile asks once it may (not on air)
    assert window.room == "Room B" and not window.demo
    connected(qtbot, console)


def test_a_shared_tile_opens_its_room_s_live_show_or_says_there_is_none(qtbot: QtBot, tmp_path: Path) -> None:
    """Shared mode's tile: the room's live show in a review window, read from the studio's database (a real one:
    SQLite here, the same storage code as PostgreSQL); a room whose show ended, or that has none, is said so."""
    url = f"sqlite:///{tmp_path / 'studio.db'}"
    storage = Storage(url)
    storage.migrate()
    now = datetime.now(UTC)
    storage.open_show("Room L", now, 0)  # running (a show with no sample for long counts as over)
    ended, _ = storage.open_show("Room E", now - timedelta(hours=3), 0)
    storage.end_show(ended.id, now - timedelta(hours=2))
    storage.close()
    wall = StudioWall()
    qtbot.addWidget(wall)
    opener = studio.LiveShowOpener(url, wall)
    try:
        opener.open("Room E")
        qtbot.waitUntil(lambda: "no live show" in wall.notice.text(), timeout=10000)
        assert wall.notice.text() == "“Room E” has no live show to review."
        opener.open("Room nobody knows")
        qtbot.waitUntil(lambda: "Room nobody knows" in wall.notice.text() and "no live" in wall.notice.text())
        opener.open("Room L")
        qtbot.waitUntil(lambda: bool(opener.windows), timeout=10000)
        assert opener.windows[0].windowTitle() and not wall.notice.isVisible()
        for window in opener.windows:
            window.close()
    finally:
        opener.close()


def test_a_direct_wall_open_through_a_language_switch_speaks_it_and_its_tiles_still_switch_the_console(
    qapp: QApplication, consoles: list[Console], settings: Settings, sim: SimulatorThread, qtbot: QtBot
) -> None:
    """The console rebuilds its window on a language switch; a wall left open must follow the new window: its
    tiles switched nothing (the old window was gone: a traceback in the log) and its title kept the old words."""
    console = start(qapp, consoles, settings, demo=True, lang="en")
    for name in ("Room B", "Room C"):
        assert console.save_room(Room(name, "127.0.0.1", sim.port), None, PASSWORD) is None
    controller = console.window.open_studio()
    assert controller is not None and controller.mode == studio.DIRECT
    try:
        assert controller.wall.title.text() == "Studio · this computer's rooms"
        console.switch_language("zh_CN")
        qtbot.waitUntil(lambda: controller.wall.title.text().startswith("直播间总览"))  # Qt posts LanguageChange
        assert controller.wall.title.text() == "直播间总览 · 本机的直播间"
        controller.wall.sig_room_opened.emit("Room B")  # a tile clicked (the demo room is not on air)
        assert console.window.room == "Room B" and not console.window.demo
        connected(qtbot, console)
    finally:
        controller.wall.close()
        qtbot.waitUntil(lambda: not studio.OPEN, timeout=10000)


def test_a_studio_database_shared_mode_cannot_use_is_refused_in_the_readers_language(qapp: QApplication) -> None:
    """View ▸ Studio on a Chinese console said why shared mode could not start in English (the error's own text)."""
    from console.i18n import install_translator, remove_translators

    translators = install_translator(qapp, "zh_CN")
    try:
        with pytest.raises(studio.StudioUnavailable) as refused:
            studio.open_shared("mysql://db-host/onair")
    finally:
        remove_translators(qapp, translators)
    said = str(refused.value)
    assert "shared mode needs" not in said and "PostgreSQL" in said and "db-host" in said
