"""The console's own room gets this computer's CPU and memory only when its OBS runs on this computer: connected to
an OBS on another computer, the Health dock would judge "CPU saturated" from the console PC's CPU, and the wall tile's
System light would be green from it. There the room's CPU and memory are unknown (its graphs' gaps, nothing judged);
an OBS on this computer keeps them as before. A real bridge and simulator, this machine's real sampler."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from console.bridge import ObsBridge
from console.core.session import Endpoint
from console.core.studio.snapshot import lights_of
from console.core.studio.status import Light
from console.telemetry_controller import TelemetryController
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD

#: An address of no computer here (TEST-NET-1, RFC 5737): an OBS that runs on another computer.
OTHER_COMPUTER = "192.0.2.1"


def figures(controller: TelemetryController) -> tuple[float | None, float | None, int]:
    telemetry = controller.telemetry
    return telemetry.value("cpu_system_pct"), telemetry.value("memory_system_pct"), len(telemetry.ring)


def test_the_consoles_room_has_this_computers_cpu_only_when_its_obs_runs_here(
    qtbot: QtBot, sim: SimulatorThread
) -> None:
    bridge = ObsBridge(backoff_initial=0.1, backoff_max=0.5)
    controller = TelemetryController(bridge, store=False)
    try:
        # OBS on this computer: this computer's figures are the room's, as they always were.
        bridge.connect_to(Endpoint("127.0.0.1", sim.port, PASSWORD))
        qtbot.waitUntil(
            lambda: figures(controller)[0] is not None and figures(controller)[1] is not None, timeout=20000
        )

        # OBS on another computer: seconds go on (gaps while it is not reached), none with this computer's figures.
        bridge.connect_to(Endpoint(OTHER_COMPUTER, 4455, PASSWORD))
        qtbot.waitUntil(lambda: figures(controller)[2] >= 3, timeout=20000)
        cpu, memory, _ = figures(controller)
        assert cpu is None and memory is None, "the console PC's CPU and memory are not the remote OBS's"
        session = bridge.session
        assert session is not None
        assert lights_of(session)["system"] is Light.UNKNOWN
    finally:
        controller.shutdown()
