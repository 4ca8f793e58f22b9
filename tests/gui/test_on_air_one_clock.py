"""The Output dock's ON AIR time is the room's one clock (the session's, which the studio wall reads too): it keeps
the show's start through a language switch and through a lost link, after OBS has reconnected to the platform by
itself (its own stream time then started again from 00:00:00). Found in review: the dock kept a clock of its own,
made anew with the window and forgotten whenever OBS was not heard, so it read "ON AIR 00:00:07" where the wall
said 200 s. In compressed time: OBS and the console's room on one manual clock."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console, Options
from console.mainwindow import MainWindow
from console.settings import Settings
from obs.clock import ManualClock
from obs.messages import LinkState
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, wait_connected
from tests.gui.test_checklist_dock import running
from tests.gui.test_on_air_time import seconds
from widgets.output_panel import OutputPanel


def shown_s(panel: OutputPanel) -> int:
    return seconds(panel.tally.text().split()[-1])


def live_then_platform_reconnect(qtbot: QtBot, clock: ManualClock, sim: SimulatorThread, panel: OutputPanel) -> None:
    """On air for 40 s, then OBS's stream drops and OBS reconnects by itself: its own figure starts again."""
    qtbot.waitUntil(running(clock, lambda: panel.stream_time.text() >= "00:00:40"), timeout=15000)
    sim.call(lambda s: s.stream_reconnect(3.0))
    qtbot.waitUntil(running(clock, lambda: "RECONNECTING" in panel.tally.text()), timeout=10000)
    qtbot.waitUntil(running(clock, lambda: panel.tally.text().startswith("ON AIR")), timeout=10000)
    qtbot.waitUntil(
        running(clock, lambda: panel.on_air.obs_ms is not None and panel.on_air.obs_ms < 10_000), timeout=10000
    )
    assert shown_s(panel) >= 43, panel.tally.text()


def test_a_language_switch_after_obs_reconnected_to_the_platform_keeps_the_shows_time(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    clocked: SimulatorThread,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ONAIR_TEST_PASSWORD", PASSWORD)
    options = Options(url=f"127.0.0.1:{clocked.port}", password_env="ONAIR_TEST_PASSWORD", lang="en")
    console = Console(qapp, options, settings, clock=clock)
    consoles.append(console)
    console.window.show()
    connected(qtbot, console)
    console.bridge.request("StartStream")
    live_then_platform_reconnect(qtbot, clock, clocked, console.window.output)

    console.switch_language("zh_CN")
    panel = console.window.output
    obs_ms = panel.on_air.obs_ms or 0
    # A poll after the switch: the new window's tally follows it.
    qtbot.waitUntil(running(clock, lambda: (panel.on_air.obs_ms or 0) >= obs_ms + 2000), timeout=10000)
    qtbot.waitUntil(lambda: panel.tally.text().startswith("正在直播"), timeout=5000)
    assert shown_s(panel) >= 45, panel.tally.text()
    assert seconds(panel.stream_time.text()) >= 45, panel.stream_time.text()
    assert (panel.on_air.obs_ms or 0) < 20_000, "OBS's own time is since the reconnect"
    session = console.bridge.session
    assert session is not None and panel.on_air is session.on_air, "the wall's clock, not one of the dock's own"


def test_a_lost_link_after_obs_reconnected_to_the_platform_keeps_the_shows_time(
    qtbot: QtBot, clocked: SimulatorThread, clock: ManualClock, make_window: Callable[..., MainWindow]
) -> None:
    """A network blip of both links: OBS reconnected to the platform, then the console lost OBS (here OBS frozen
    until the link gives it up: a loss after which the stream may still run) and heard it again."""
    window = make_window(clocked.port, clock=clock, heartbeat_timeout=0.5, unresponsive_drop_after=1.0)
    wait_connected(qtbot, window)
    panel = window.output
    window.bridge.request("StartStream")
    live_then_platform_reconnect(qtbot, clock, clocked, panel)

    clocked.call(lambda s: s.freeze())
    qtbot.waitUntil(lambda: window.bridge.tracker.status.state is LinkState.RECONNECTING, timeout=15000)
    assert "NO LINK" in panel.tally.text(), panel.tally.text()
    clocked.call(lambda s: s.thaw())
    qtbot.waitUntil(lambda: window.bridge.tracker.status.state is LinkState.CONNECTED, timeout=15000)
    obs_ms = panel.on_air.obs_ms or 0
    qtbot.waitUntil(running(clock, lambda: (panel.on_air.obs_ms or 0) >= obs_ms + 2000), timeout=10000)
    qtbot.waitUntil(lambda: panel.tally.text().startswith("ON AIR"), timeout=5000)
    assert shown_s(panel) >= 45, panel.tally.text()
