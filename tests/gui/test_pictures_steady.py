"""The pictures from OBS (program view, scene thumbnails) in the steady state: a still picture is not decoded and
painted again."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from widgets.pixmaps import PictureView

STILL = "静止画面"  # a scene with nothing in it: OBS draws it the same every time (transparent)
MOVING = "直播中"  # the demo's live scene: a camera that moves and a clock bar, a new picture every time


def _key(picture: PictureView) -> int:
    pixmap = picture.pixmap
    assert pixmap is not None
    return int(pixmap.cacheKey())


def test_a_still_scenes_thumbnail_is_not_decoded_again_while_a_moving_ones_is(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    window.bridge.request("CreateScene", {"sceneName": STILL})
    qtbot.waitUntil(lambda: STILL in window.scenes.tiles and window.scenes.tiles[STILL].has_thumbnail, timeout=8000)
    still, moving = window.scenes.tiles[STILL].thumbnail, window.scenes.tiles[MOVING].thumbnail

    def moving_pictures_after(previous: int) -> int:
        qtbot.waitUntil(lambda: _key(moving) != previous, timeout=8000)
        return _key(moving)

    # The tiles settle to their size with the new scene's tile; then each second brings both tiles a new answer
    # (asked in the same tick, answered in order: the moving scene's first).
    seen = moving_pictures_after(moving_pictures_after(_key(moving)))
    shown = _key(still)
    for _ in range(3):
        seen = moving_pictures_after(seen)
    assert _key(still) == shown, "the same picture from OBS was decoded into a new pixmap"
