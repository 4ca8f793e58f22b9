"""A console restarted mid-show says in its event log which room's show it took up again — the demo room too, which
has no name of its own (plan16b's walk read "Resumed the show of  that was on air…", a blank where the room goes) —
and says "on air" only of a show that was (two walks of session 15 read it of a room that never went live)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.simulator.handlers import HANDLERS, STOPPED_AFTER_S
from obs.simulator.server import ObsSimulator, SimulatorThread
from tests.gui.conftest import wait_connected
from tests.gui.two_rooms import holding_history

#: What a console restarted on the demo room's show on air says it took up.
ON_AIR = (
    "Resumed the show of the demo room that was on air when the console stopped: its figures, markers, findings "
    "and rundown so far are taken up again."
)


def resumed(window: MainWindow) -> list[str]:
    return [what for _, what in window.event_log.lines() if what.startswith("Resumed the show of")]


def demo_room(qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]) -> MainWindow:
    window = make_window(sim.port, demo=True)
    window.set_room(None, demo=True)
    return window


def killed(window: MainWindow) -> None:
    """The console killed on air (kill -9): nothing ends its show. (A clean quit of the demo room on air ends it:
    the demo's simulated OBS ends with the console; a saved room's quit on air keeps it, as
    tests/gui/test_show_end_on_leaving.py shows.)"""
    window.bridge._close_session(wait=True)
    window._leaving_confirmed = True
    window.close()


def killed_on_air(qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]) -> None:
    """The demo room's show on air a few stored seconds, and the console killed (its stream runs on in OBS)."""
    first = demo_room(qtbot, sim, make_window)
    wait_connected(qtbot, first)
    first.bridge.request("StartStream")
    qtbot.waitUntil(lambda: first.bridge.state.stream.active and first.telemetry.show_id is not None, timeout=15000)
    recorded: list[None] = []
    first.bridge.sig_sampled.connect(lambda: recorded.append(None))
    qtbot.waitUntil(lambda: len(recorded) >= 3, timeout=15000)  # seconds on air stored (the writer writes each)
    killed(first)


def said_on_restart(qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]) -> list[str]:
    """What a console started again on the demo room's show says it took up."""
    second = demo_room(qtbot, sim, make_window)
    qtbot.waitUntil(lambda: bool(resumed(second)), timeout=15000)
    return resumed(second)


def test_a_restarted_demo_room_says_whose_show_it_took_up_again(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    first = demo_room(qtbot, sim, make_window)
    wait_connected(qtbot, first)
    qtbot.waitUntil(lambda: first.telemetry.show_id is not None and len(first.telemetry.telemetry.ring) >= 2,
                    timeout=15000)  # fmt: skip
    first.close()  # the show stays open: a console started again within minutes continues it

    assert said_on_restart(qtbot, sim, make_window) == [
        "Resumed the show of the demo room that the console was keeping, off air, when it stopped: its figures, "
        "markers, findings and rundown so far are taken up again."
    ]


def test_a_show_restarted_on_air_is_said_to_have_been_on_air(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    killed_on_air(qtbot, sim, make_window)

    assert said_on_restart(qtbot, sim, make_window) == [ON_AIR]


def test_a_console_restarted_on_air_that_cannot_reach_obs_yet_does_not_say_off_air(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    """walk20: restarted mid-show on a system without a keyring, the console waited for the OBS password and its
    tally said "OFF AIR — OBS not connected" while the room was live; it has not heard OBS, and the show it took up
    was on air when it stopped."""
    killed_on_air(qtbot, sim, make_window)

    second = make_window(sim.port, password="not-the-password", demo=True)  # no keyring: no password kept
    second.set_room(None, demo=True)
    qtbot.waitUntil(lambda: bool(resumed(second)), timeout=15000)
    qtbot.waitUntil(lambda: second.bridge.tracker.status.loss is not None, timeout=10000)
    assert not second.bridge.state.connected
    qtbot.waitUntil(lambda: second.output.tally.text() == "NO LINK — OBS may still be on air", timeout=3000)

    third = make_window(sim.port, demo=True, connect=False)  # a console that never kept a show on air
    assert third.output.tally.text() == "OFF AIR — OBS not connected"


def test_a_show_restarted_on_air_and_stopped_at_once_is_said_resumed_before_the_stop(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    """fix25k: the show's history came after a stop made at once, and so did "Resumed the show … that was on air":
    the log read "Streaming stopped", then the show taken up on air. It now reads in the order things happened."""
    killed_on_air(qtbot, sim, make_window)
    held = holding_history(monkeypatch)
    second = demo_room(qtbot, sim, make_window)
    wait_connected(qtbot, second)
    qtbot.waitUntil(lambda: second.bridge.state.stream.active and len(held) == 1, timeout=10000)
    second.bridge.request("StopStream")
    qtbot.waitUntil(lambda: any(w.startswith("Streaming stopped") for _, w in second.event_log.lines()), timeout=10000)
    assert resumed(second) == []
    held.pop()()  # the history comes in only now
    qtbot.waitUntil(lambda: bool(resumed(second)), timeout=10000)

    said = [w for _, w in second.event_log.lines() if w.startswith(("Resumed the show", "Streaming"))]
    assert len(said) == 2 and said[0] == ON_AIR, said
    assert re.fullmatch(r"Streaming stopped after \d+:\d\d:\d\d on air", said[1]), said
    whens = [line.when for line in second.event_log.history()]
    assert whens == sorted(whens), "the log is not in time order"


def stopped_whole(sim: SimulatorThread) -> None:
    """The stream stopped in OBS, its STOPPED event sent too (OBS says it a moment after STOPPING): a console
    started within that moment saw the stream stop after it came, and rightly said the show was taken up on air
    (session 24's final CI)."""
    after_stopped = threading.Event()

    def stop(s: ObsSimulator) -> None:
        HANDLERS["StopStream"](s, {})
        s.later(STOPPED_AFTER_S + 0.05, after_stopped.set)  # timers fire in the order they are due

    sim.call(stop)
    assert after_stopped.wait(10)


def test_a_show_restarted_whose_stream_stopped_meanwhile_is_not_said_on_air(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stream was stopped in OBS while the console was not running: the show taken up was on air when the
    console stopped, and the line says its stream has stopped since, not that it is on air."""
    killed_on_air(qtbot, sim, make_window)
    stopped_whole(sim)
    held = holding_history(monkeypatch)
    second = demo_room(qtbot, sim, make_window)
    wait_connected(qtbot, second)
    qtbot.waitUntil(lambda: len(held) == 1, timeout=10000)
    assert not second.bridge.state.stream.active
    held.pop()()
    qtbot.waitUntil(lambda: bool(resumed(second)), timeout=10000)
    assert resumed(second) == [
        "Resumed the show of the demo room that was on air when the console stopped; its stream stopped while the "
        "console was not running: its figures, markers, findings and rundown so far are taken up again."
    ]
