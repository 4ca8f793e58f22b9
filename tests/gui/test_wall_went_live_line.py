"""On air, a wall tile says how its show went live with respect to the room's pre-show list — ready, overridden by
whom, or with no list — so a second assistant or the supervisor sees an override (fix23d: the tile said nothing of
it). Read from the stored runs, as the wall reads a room's preparation (console/core/studio/prep.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from checklists.engine import ChecklistRun
from checklists.loader import load_all
from console import studio_controller as studio
from console.core.rooms import Room, Secrets
from console.core.storage import Storage
from console.core.studio.direct import DirectStudio
from console.core.studio.status import Checklist, Light, Prep, RoomStatus, WentLive
from console.i18n import install_translator, remove_translators
from console.studio_controller import DIRECT, StudioController
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import ObsSimulator, SimulatorThread
from obs.vocabulary import CATEGORIES
from tests.conftest import PASSWORD
from widgets.studio_tile import StudioTile
from widgets.studio_wall import StudioWall

OVERRIDDEN, NO_LIST = "一号直播间", "二号直播间"


def go_live(sim: ObsSimulator) -> None:
    HANDLERS["SetCurrentProgramScene"](sim, {"sceneName": "直播中"})
    HANDLERS["StartStream"](sim, {})


@pytest.fixture
def sims() -> Iterator[list[SimulatorThread]]:
    made = [SimulatorThread(password=PASSWORD, seed=60 + i).start() for i in range(2)]
    try:
        yield made
    finally:
        for sim in made:
            sim.stop()


def tile_of(wall: StudioWall, room: str) -> StudioTile:
    tile = wall.tile(room)
    assert tile is not None
    return tile


def test_a_tile_on_air_says_its_show_went_live_overridden_by_whom_or_with_no_list(
    qtbot: QtBot, sims: list[SimulatorThread], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    storage = Storage(url)
    storage.migrate()
    secrets = Secrets()
    for room in (OVERRIDDEN, NO_LIST):
        secrets.set(room, PASSWORD)
    rooms = [Room(OVERRIDDEN, "127.0.0.1", sims[0].port), Room(NO_LIST, "127.0.0.1", sims[1].port)]
    source = DirectStudio(rooms, secrets, lambda: Storage(url), backoff_initial=0.2)
    wall = StudioWall()
    qtbot.addWidget(wall)
    controller = StudioController(source, wall, DIRECT)
    wall.resize(1366, 768)
    wall.show()
    controller.start()
    try:
        qtbot.waitUntil(lambda: wall.tile(OVERRIDDEN) is not None and wall.tile(NO_LIST) is not None, timeout=20000)
        overridden, no_list = tile_of(wall, OVERRIDDEN), tile_of(wall, NO_LIST)
        qtbot.waitUntil(
            lambda: overridden.status.show_id is not None and no_list.status.show_id is not None, timeout=20000
        )
        assert overridden.text("prep") == "Prep: not started"
        # Room A's host assistant starts the list in this show; two items stay open, and 王丽 goes live anyway.
        run = ChecklistRun(
            load_all()[0]["host-assistant-pre-show"], "小李", OVERRIDDEN, show_id=overridden.status.show_id
        )
        run.override_go_live("王丽", "备用麦克风，已人工试音")
        sims[0].call(go_live)
        run.freeze_at_go_live()  # as the room's console keeps it when the stream starts
        storage.save_run(run)
        sims[1].call(go_live)  # room B goes live with no list at all
        qtbot.waitUntil(lambda: overridden.status.on_air and no_list.status.on_air, timeout=20000)
        qtbot.waitUntil(lambda: overridden.text("prep").startswith("Went live: overridden by 王丽"), timeout=20000)
        qtbot.waitUntil(lambda: no_list.text("prep").startswith("Went live: no list"), timeout=20000)
        for tile in (overridden, no_list):
            assert tile.shown("prep") == tile.text("prep"), "one short line, whole on a 1366×768 wall"
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        translators = install_translator(app, "zh_CN")
        try:
            for tile in (overridden, no_list):
                tile.set_now(time.time())
            assert overridden.text("prep").startswith("开播：王丽 强行放行"), overridden.text("prep")
            assert no_list.text("prep").startswith("开播：无清单"), no_list.text("prep")
            for tile in (overridden, no_list):
                assert tile.shown("prep") == tile.text("prep"), tile.shown("prep")
        finally:
            remove_translators(app, translators)
    finally:
        controller.close()
        assert studio.wait_for_closing(30)
        storage.close()


def on_air(checklist: Checklist | None, show_id: int | None = 7, comments: float | None = 46) -> RoomStatus:
    now = time.time()
    return RoomStatus(
        "三号直播间", now, now, link="connected", on_air=True, on_air_since=now - 600,
        lights={str(c): Light.OK for c in CATEGORIES}, comments_per_min=comments, checklist=checklist, show_id=show_id,
    )  # fmt: skip


def test_the_line_speaks_of_the_show_on_air_only(qtbot: QtBot) -> None:
    """A list an earlier show went live with says nothing good of this one: this one went live with none. A list
    completed in this show before it went live is the one it went live with; what is not known is not said."""
    ready = Checklist("Host assistant pre-show", Prep.PASSED, 12, 12, 0, show_id=7)
    earlier = Checklist("Host assistant pre-show", Prep.NOT_STARTED, 12, 12, 0, WentLive.READY, "", 6)
    tile = StudioTile(on_air(earlier), time.time())
    qtbot.addWidget(tile)
    tile.resize(300, 234)
    assert tile.text("prep") == "Went live: no list · 46 comments/min"
    tile.set_status(on_air(ready))
    assert tile.text("prep") == "Went live: list ready · 46 comments/min"
    tile.set_status(on_air(ready, show_id=None))  # the room's show not known: its list cannot be matched
    assert tile.text("prep") == "46 comments/min"
    tile.set_status(on_air(earlier, comments=None))
    assert tile.text("prep") == "Went live: no list"
    # The room handed from its console to a wall mid-stream: its show was split (show 6 ended, 7 opened) while the
    # stream ran on — the list 王丽 went live with, as the stream on air started, is still how it went live.
    status = on_air(None)
    assert status.on_air_since is not None
    split = replace(earlier, went_live=WentLive.OVERRIDDEN, went_live_by="王丽", went_live_at=status.on_air_since + 2)
    tile.set_status(replace(status, checklist=split))
    assert tile.text("prep") == "Went live: overridden by 王丽 · 46 comments/min"
    an_hour_before = replace(split, went_live_at=status.on_air_since - 3600)  # the show before this one
    tile.set_status(replace(status, checklist=an_hour_before))
    assert tile.text("prep") == "Went live: no list · 46 comments/min"
    off = on_air(earlier)
    tile.set_status(RoomStatus(off.room, off.at, off.heartbeat, link="connected", checklist=earlier, show_id=7))
    assert tile.text("prep") == "Prep: not started", "off air, a list a show went live with is that show's"
