"""The simulator's `bad-night` scenario (`onair demo-obs --scenario bad-night`): five faults that exist on their own,
at once, so that the Health dock with many findings can be looked at without a test harness (fix26e). Played over
the real protocol to `onair monitor`'s Monitor, in compressed time (tests/console/test_health_live.py)."""

from __future__ import annotations

import asyncio
from contextlib import ExitStack

from obs.clock import ManualClock
from obs.simulator.scenarios import SCENARIOS, run_scenario
from obs.simulator.server import ObsSimulator, SimulatorThread
from tests.conftest import PASSWORD
from tests.console.test_health_live import connected_monitors, one_second

#: What each of its faults brings: a muted microphone on air, a low disk, a congested uplink, an overloaded
#: encoder, a compositor missing frames.
EXPECTED = {"mic_muted", "disk_low", "network", "encode_lag", "render_lag"}


def test_a_bad_night_keeps_five_findings_open_at_once(clock: ManualClock) -> None:
    sim = SimulatorThread(password=PASSWORD, seed=5, clock=clock).start()
    try:
        with ExitStack() as stack:
            monitors = connected_monitors(stack, {"room": sim}, clock)
            monitor = monitors["room"]

            def play(s: ObsSimulator) -> asyncio.Future[None]:
                return asyncio.ensure_future(run_scenario(s, SCENARIOS["bad-night"]))

            sim.call(play)
            open_at_once: set[str] = set()
            for _ in range(60):
                one_second(clock, monitors)
                _, line = monitor.sample()
                open_at_once = {finding["id"] for finding in line["findings"]}
                if open_at_once >= EXPECTED:
                    break
            assert open_at_once >= EXPECTED, sorted(open_at_once)
            # And it stays so, for as long as one cares to look (it plays once; nothing is cleared).
            for _ in range(30):
                one_second(clock, monitors)
            _, line = monitor.sample()
            still = {finding["id"] for finding in line["findings"]}
            assert still >= EXPECTED, sorted(still)
    finally:
        sim.stop()
