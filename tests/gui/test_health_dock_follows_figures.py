"""The Health dock says an open finding's remedies as its figures are now, and leads with what costs the viewers
(walk13 F12, F8)."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from tests.obs.test_health import BASE


def test_the_cpu_findings_remedies_follow_whose_cpu_it_is_and_the_network_drops_lead(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    """walk13: after a thaw second with OBS at most of the CPU, the dock said "OBS itself uses most of the CPU" for
    as long as the finding stayed open, beside "OBS 7 %, other programs 93 %"."""
    window: MainWindow = make_window(sim.port)
    window.apply_workspace("Technician")
    wait_connected(qtbot, window)
    panel, engine = window.health, window.telemetry.health
    t = engine.t

    def feed(seconds: int, **values: float) -> None:
        # The room's own engine, fed as the session feeds it; nothing else runs between these seconds.
        nonlocal t
        for _ in range(seconds):
            t += 1.0
            engine.feed(t, {**BASE, **values})
        panel.refresh()

    feed(12, cpu_system_pct=100.0, obs_cpu_pct=80.0, obs_process_cpu_pct=80.0)
    lead = panel.active_texts()[0]
    assert "CPU is at 100 % (OBS 80 %" in lead and "OBS itself uses most" in panel.remedy_texts(0)[0]
    feed(12, cpu_system_pct=100.0, obs_cpu_pct=7.0, obs_process_cpu_pct=7.0)
    assert "(OBS 7 %, other programs 93 %)" in panel.active_texts()[0]
    assert panel.remedy_texts(0)[0] == "→ Other programs use most of the CPU: close what is not needed for the show."
    lead_row = panel.active.topLevelItem(0)
    assert lead_row is not None and lead_row.isExpanded(), "the finding the dock leads with shows what to do"

    feed(5, cpu_system_pct=100.0, obs_cpu_pct=7.0, obs_process_cpu_pct=7.0, drop_network_pct=59.4, congestion=1.0)
    assert panel.active_texts()[0].startswith("[critical] Network: 59.4 % of frames dropped"), panel.active_texts()
    window._show_critical_finding()  # the status bar's slot, as each sampled second calls it
    assert window.critical_status.text().startswith("● Network drops: 59.4 %"), window.critical_status.text()
