"""A wall tile whose room's OBS is gone does not show its last picture as if it were live: the picture is greyed
and says when it was taken, and the mark goes as soon as pictures come again. Two rooms, each its own simulator; one
is killed (SIGKILL, as a crashed OBS) and started again on its port (fix23d)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console import studio_controller as studio
from console.core.rooms import Room, Secrets
from console.core.storage import Storage
from console.core.studio.direct import DirectStudio
from console.i18n import install_translator, remove_translators
from console.studio_controller import DIRECT, StudioController
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from widgets import studio_text as st
from widgets.studio_tile import StudioTile
from widgets.studio_wall import StudioWall

STAYS, KILLED = "一号直播间 Stays", "二号直播间 Killed"


def demo_obs(port: int = 0) -> tuple[subprocess.Popen[str], int]:
    """`onair demo-obs` in a process of its own (so that it can be killed as a crashed OBS is); it says its port."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "console", "demo-obs", "--port", str(port), "--password-env", "ONAIR_TEST_PW",
         "--lang", "en"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2],
        env=dict(os.environ, ONAIR_TEST_PW=PASSWORD),
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    said = proc.stdout.readline()  # it listens once it has said so
    found = re.search(r"ws://127\.0\.0\.1:(\d+)", said)
    assert found, f"the demo OBS did not start: {said!r} {proc.stderr.read() if proc.poll() is not None else ''}"
    return proc, int(found.group(1))


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait(30)


def tile_of(wall: StudioWall, room: str) -> StudioTile:
    tile = wall.tile(room)
    assert tile is not None
    return tile


def test_the_last_picture_of_a_killed_obs_is_greyed_and_dated_until_pictures_come_again(
    qtbot: QtBot, sim: SimulatorThread, processes: list[subprocess.Popen[str]], tmp_path: Path
) -> None:
    proc, port = demo_obs()
    processes.append(proc)
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    store = Storage(url)
    store.migrate()
    store.close()
    secrets = Secrets()
    secrets.set(STAYS, PASSWORD)
    secrets.set(KILLED, PASSWORD)
    rooms = [Room(STAYS, "127.0.0.1", sim.port), Room(KILLED, "127.0.0.1", port)]
    source = DirectStudio(rooms, secrets, lambda: Storage(url), thumbnail_every_s=1.0, backoff_initial=0.2)
    wall = StudioWall()
    qtbot.addWidget(wall)
    controller = StudioController(source, wall, DIRECT)
    controller.pictures.setInterval(500)  # the wall asks every 5 s; the test need not wait for it
    wall.resize(1366, 768)
    wall.show()
    controller.start()
    try:
        qtbot.waitUntil(lambda: wall.tile(STAYS) is not None and wall.tile(KILLED) is not None, timeout=20000)
        stays, killed = tile_of(wall, STAYS), tile_of(wall, KILLED)

        def live(tile: StudioTile) -> bool:
            return tile.status.link == "connected" and tile.text("picture") == "" and not tile.picture_old

        qtbot.waitUntil(lambda: live(stays) and live(killed), timeout=20000)
        proc.kill()  # OBS crashed: nothing answers on its port any more
        qtbot.waitUntil(lambda: killed.status.link != "connected", timeout=20000)
        qtbot.waitUntil(lambda: killed.picture_old, timeout=5000)
        taken = killed._taken
        assert taken is not None and killed.text("picture") == f"last picture {st.clock_time(taken)}"
        box = killed.rect_of("picture")
        tip = killed.tooltip_at(box.center().x(), box.center().y())
        assert st.clock_time(taken) in tip and "no newer one" in tip, tip
        assert live(stays), "the room still heard keeps its live picture"
        # Seen: the picture box's middle is grey now (the simulator's program is in colour).
        image = killed.grab().toImage()
        middle = image.pixelColor(killed.rect_of("picture_box").center())
        assert middle.red() == middle.green() == middle.blue(), middle.name()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        translators = install_translator(app, "zh_CN")
        try:
            killed.set_now(time.time())
            assert killed.text("picture") == f"最后画面 {st.clock_time(taken)}"
        finally:
            remove_translators(app, translators)

        again, _ = demo_obs(port)  # OBS started again where it was
        processes.append(again)
        qtbot.waitUntil(lambda: killed.status.link == "connected", timeout=30000)
        qtbot.waitUntil(lambda: live(killed), timeout=20000)
        newer = killed._taken
        assert newer is not None and newer > taken
    finally:
        controller.close()
        assert studio.wait_for_closing(30)
