"""A microphone muted through a kill -9 restart of the console is one episode, as the drops and the CPU are: the
restarted console split it in two (本场记录 19:10:56–19:11:42, then a new one from 19:11:52, announced as new). A
muted microphone opens 3 s after the start; a long show's stored history took longer to read, so the episode it
went on was not known yet."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from console.core import session as session_module
from console.core.telemetry.writer import ShowWriter
from console.mainwindow import MainWindow
from obs.health import Finding
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected

MIC = "麦克风"
ROOM = "一号直播间"


def mic_findings(window: MainWindow) -> list[Finding]:
    return [f for f in window.telemetry.health.timeline() if f.id == "mic_muted"]


class SlowHistoryWriter(ShowWriter):
    """A writer whose stored history arrives as a long show's does: seconds after the console started watching."""

    def __init__(self, room: str, on_history: Any, *args: Any, **kwargs: Any) -> None:
        def late(*answer: Any) -> None:
            threading.Timer(6.0, lambda: on_history(*answer)).start()

        super().__init__(room, late, *args, **kwargs)


def test_a_mic_muted_through_a_restart_is_one_episode_not_announced_again(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    first: MainWindow = make_window(sim.port)
    first.set_room(ROOM, demo=False)
    wait_connected(qtbot, first)
    qtbot.waitUntil(lambda: first.telemetry.show_id is not None, timeout=8000)
    first.bridge.request("SetCurrentProgramScene", {"sceneName": "直播中"})
    first.bridge.request("StartStream")
    qtbot.waitUntil(lambda: first.bridge.state.stream.active, timeout=10000)
    sim.call(lambda s: HANDLERS["SetInputMute"](s, {"inputName": MIC, "inputMuted": True}))
    qtbot.waitUntil(
        lambda: any(f.active and f.last_seen - f.first_seen >= 2 for f in mic_findings(first)), timeout=15000
    )
    (before,) = [f for f in first.telemetry.health.active() if f.id == "mic_muted"]
    first.close()  # the open finding is written with the rest; the show stays open

    monkeypatch.setattr(session_module, "ShowWriter", SlowHistoryWriter)
    second: MainWindow = make_window(sim.port)
    second.set_room(ROOM, demo=False)
    qtbot.waitUntil(lambda: second.telemetry.show_id is not None, timeout=15000)
    qtbot.waitUntil(lambda: any(f.active for f in mic_findings(second)), timeout=20000)
    (going_on,) = mic_findings(second)
    assert going_on.active and going_on.key == before.key, "one episode: its start before the restart kept"
    assert going_on.first_seen_wall == before.first_seen_wall
    opened = [what for who, what in second.event_log.lines() if what.startswith("Microphone muted")]
    assert opened == [], f"not announced as new: {opened}"
