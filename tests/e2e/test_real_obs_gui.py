"""The console window (offscreen) driving a real OBS Studio: what the user clicks is what goes on air."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.client import ObsClient
from tests.e2e.conftest import RealObs
from widgets.pixmaps import PictureView


def program_scene_in_obs(real_obs: RealObs) -> str:
    client = ObsClient("127.0.0.1", real_obs.obs.port, real_obs.obs.password)
    client.connect()
    try:
        return str(client.request("GetCurrentProgramScene")["currentProgramSceneName"])
    finally:
        client.close()


def test_a_clicked_scene_is_the_program_scene_in_obs(qtbot: QtBot, real_obs: RealObs, window: MainWindow) -> None:
    assert list(window.scenes.tiles) == ["Main", "直播中", "商品特写"]
    QTest.mouseClick(window.scenes.tiles["直播中"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.scenes.tiles["直播中"].program, timeout=5000)
    assert program_scene_in_obs(real_obs) == "直播中"
    QTest.keyClick(window, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.scenes.tiles["Main"].program, timeout=5000)
    assert program_scene_in_obs(real_obs) == "Main"
    qtbot.waitUntil(lambda: all(t.has_thumbnail for t in window.scenes.tiles.values()), timeout=10000)
    qtbot.waitUntil(lambda: "Clip" in window.audio.strips, timeout=5000)
    qtbot.waitUntil(lambda: max(window.audio.strips["Clip"].meter.levels_db, default=-60) > -50, timeout=5000)


def test_go_live_pressed_in_the_console_is_credited_to_the_console(
    qtbot: QtBot, real_obs: RealObs, window: MainWindow
) -> None:
    """A real OBS reports STARTING long before STARTED (it connects to the ingest first): the final state
    is still the console's doing in the event log."""
    window.output.confirm = lambda *args: True
    lines = window.event_log.lines
    window.output.stream_button.click()
    qtbot.waitUntil(lambda: any(what == "Streaming started" for _, what in lines()), timeout=20000)
    window.output.stream_button.click()
    # "Streaming stopped", with the show's time on air once a poll has seen it ("… after 0:00:03 on air").
    qtbot.waitUntil(lambda: any(what.startswith("Streaming stopped") for _, what in lines()), timeout=20000)
    credited = [(who, what.split(" after ")[0]) for who, what in lines() if what.startswith("Streaming")]
    assert credited == [("Console", "Streaming started"), ("Console", "Streaming stopped")]


def test_a_still_scenes_thumbnail_from_a_real_obs_is_not_decoded_again(
    qtbot: QtBot, real_obs: RealObs, window: MainWindow
) -> None:
    """Real OBS encodes the same bytes for a scene that did not change (商品特写 is empty here), so its tile keeps
    the picture it has; the playing clip's scene (直播中) brings a new picture with each answer."""
    client = ObsClient("127.0.0.1", real_obs.obs.port, real_obs.obs.password)
    client.connect()
    try:
        ask = {"sourceName": "商品特写", "imageFormat": "jpg", "imageWidth": 160, "imageHeight": 90}
        first, second = (client.request("GetSourceScreenshot", ask)["imageData"] for _ in range(2))
    finally:
        client.close()
    assert first == second, "OBS encoded a still scene differently twice"
    qtbot.waitUntil(lambda: all(t.has_thumbnail for t in window.scenes.tiles.values()), timeout=10000)
    still, moving = window.scenes.tiles["商品特写"].thumbnail, window.scenes.tiles["直播中"].thumbnail

    def key(picture: PictureView) -> int:
        assert picture.pixmap is not None
        return int(picture.pixmap.cacheKey())

    shown, seen = key(still), key(moving)
    for _ in range(3):  # each second asks every tile; the answers come in order, 直播中's before 商品特写's
        qtbot.waitUntil(lambda: key(moving) != seen, timeout=10000)  # noqa: B023 - read now, in the wait
        seen = key(moving)
    assert key(still) == shown
