"""The Health dock says the same remedies in place while their figures change (found in review): the bitrate remedy
carries a live kbit/s figure, so while the network dropped frames its text changed each second and every remedy
row was made anew: a selected remedy lost its selection each second and the list flickered. A real simulated OBS
congesting its uplink, in compressed time (OBS and the console's room on one manual clock)."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from tests.gui.test_checklist_dock import running


def test_a_selected_remedy_stays_selected_while_its_figure_changes(
    qtbot: QtBot, clocked: SimulatorThread, clock: ManualClock, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(clocked.port, clock=clock)
    window.apply_workspace("Technician")
    wait_connected(qtbot, window)
    panel = window.health
    qtbot.waitUntil(panel.isVisible, timeout=5000)
    window.bridge.request("StartStream")
    qtbot.waitUntil(running(clock, lambda: window.bridge.state.stream.active), timeout=10000)
    clocked.call(lambda s: s.inject("congestion"))

    def network_lead() -> bool:
        texts = panel.active_texts()
        return bool(texts) and "Network" in texts[0] and any("kbit/s" in r for r in panel.remedy_texts(0))

    qtbot.waitUntil(running(clock, network_lead), timeout=20000)
    row = panel.active.topLevelItem(0)
    assert row is not None
    index = next(i for i, text in enumerate(panel.remedy_texts(0)) if "kbit/s" in text)
    remedy = row.child(index)
    assert remedy is not None
    panel.active.setCurrentItem(remedy)  # the technician clicks the bitrate advice
    said = remedy.text(0)
    qtbot.waitUntil(running(clock, lambda: panel.remedy_texts(0)[index] != said), timeout=20000)
    assert panel.active.selectedItems() == [remedy], "the same row, still selected"
    assert panel.active.currentItem() is remedy
    assert remedy.text(0) == panel.remedy_texts(0)[index], "said with this second's figure"
