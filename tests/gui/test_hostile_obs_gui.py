"""The console window against a hostile OBS (issue 14): a lone surrogate in a scene name killed the GUI, and a
link that failed inside said only "Not connected" while Retry did nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

import obs.state
from console.mainwindow import MainWindow
from obs import link as link_module
from obs.errors import FailureKind
from obs.messages import LinkState
from tests.obs.hostile_obs import HostileServer, answer, event, scripted_obs


@pytest.fixture
def hostile() -> Iterator[Callable[..., HostileServer]]:
    servers: list[HostileServer] = []

    def start(**script: object) -> HostileServer:
        server = HostileServer(scripted_obs(**script))  # type: ignore[arg-type]
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def test_a_scene_name_with_a_lone_surrogate_is_shown_with_a_replacement_character(
    qtbot: QtBot, hostile: Callable[..., HostileServer], make_window: Callable[..., MainWindow]
) -> None:
    scenes = {"scenes": [{"sceneName": "Talk\ud800", "sceneIndex": 0}], "currentProgramSceneName": "Talk\ud800"}
    server = hostile(
        answers={
            "GetSceneList": json.dumps(scenes),
            "GetVideoSettings": answer("GetVideoSettings", baseWidth="1920px"),
            "GetCurrentSceneTransition": answer("GetCurrentSceneTransition", transitionDuration=float("nan")),
        },
        events=[
            event("SceneCreated", {"sceneName": "\udc00New", "isGroup": False}),
            event("CurrentProgramSceneChanged", {"sceneName": "\udc00New"}),
        ],
    )
    window = make_window(server.port, password="", poll_interval=0.1)
    qtbot.waitUntil(lambda: "\ufffdNew" in window.scenes.tiles, timeout=10000)
    assert set(window.scenes.tiles) == {"Talk\ufffd", "\ufffdNew"}
    qtbot.waitUntil(lambda: window.scenes.tiles["\ufffdNew"].program, timeout=5000)
    assert any("\ufffdNew" in text for _, text in window.event_log.lines())
    assert window.bridge.tracker.status.state is LinkState.CONNECTED and server.connections == 1


def test_a_link_that_failed_inside_restarts_and_the_status_bar_says_so(
    qtbot: QtBot,
    hostile: Callable[..., HostileServer],
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = obs.state.build_state  # what obs.link imported and calls
    calls: list[int] = []

    def failing_once(*args: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise TypeError("a bug")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(link_module, "build_state", failing_once)
    server = hostile()
    window = make_window(server.port, password="", backoff_initial=2.0, backoff_max=2.0)
    qtbot.waitUntil(lambda: "restarted" in window.status.text.text(), timeout=10000)
    assert "TypeError: a bug" in window.status.text.text()
    assert any("restarted" in text for _, text in window.event_log.lines())
    status = window.bridge.tracker.status
    assert status.state is LinkState.RECONNECTING and status.failure is not None
    assert status.failure.kind is FailureKind.LINK_FAILED
    qtbot.waitUntil(lambda: window.bridge.tracker.status.state is LinkState.CONNECTED, timeout=10000)
