"""The Health dock's lights are never green from nothing (alertdup15's walk): with OBS not connected the dock said
"No problems found." under eight green lights, while the wall's tile for the same room was grey. Now they are grey
with why in their tooltip, and the dock says nothing was judged, until OBS answers and a second is sampled."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from console.core.session import Endpoint
from console.mainwindow import MainWindow
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import wait_connected
from widgets.health_panel import SEVERITY_COLOURS, UNKNOWN_COLOUR


def colours(window: MainWindow) -> set[str]:
    return {UNKNOWN_COLOUR if UNKNOWN_COLOUR in light.text() else "judged" for light in window.health.lights.values()}


def test_the_lights_are_grey_until_obs_answers_and_green_once_judged(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(sim.port, connect=False)
    window.apply_workspace("Technician")
    panel = window.health
    assert colours(window) == {UNKNOWN_COLOUR}
    assert panel.all_clear.text() == "Nothing judged: OBS is not connected."
    assert {light.toolTip() for light in panel.lights.values()} == {"Not known: OBS is not connected."}

    window.bridge.connect_to(Endpoint("127.0.0.1", sim.port, PASSWORD))
    wait_connected(qtbot, window)
    qtbot.waitUntil(lambda: colours(window) == {"judged"}, timeout=10000)
    assert panel.all_clear.text() == "No problems found." and SEVERITY_COLOURS[None] in panel.all_clear.styleSheet()
