"""The health engine live, over the real protocol: one simulated OBS per scripted fault, each watched by a
monitor at once (so the whole check takes one fault's time). Each fault must bring its finding; the healthy
room next to them must bring none."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import pytest

from console.core.telemetry.monitor import Monitor
from obs.simulator.server import ObsSimulator, SimulatorThread
from tests.conftest import PASSWORD


def streaming(sim: ObsSimulator) -> None:
    sim.room.start_output(sim.room.stream, sim.now())


def recording(sim: ObsSimulator) -> None:
    sim.room.start_output(sim.room.record, sim.now())


def inject(fault: str) -> Callable[[ObsSimulator], None]:
    return lambda sim: sim.inject(fault)


#: fault -> (set-up at start, the fault at 4 s, undo at 12 s (or None), the finding it must bring, its category)
CASES: dict[str, tuple[Callable[[ObsSimulator], Any], Callable[[ObsSimulator], Any], Any, str, str]] = {
    "congestion": (streaming, inject("congestion"), None, "network", "network"),
    "encoder-overload": (streaming, inject("encoder-overload"), None, "encode_lag", "encode"),
    "render-lag": (streaming, inject("render-lag"), None, "render_lag", "render"),
    "reconnect": (streaming, lambda sim: sim.stream_reconnect(4.0), None, "reconnect", "connection"),
    "frozen": (streaming, lambda sim: sim.freeze(), lambda sim: sim.thaw(), "render_lag", "render"),
    "low-disk": (recording, inject("low-disk"), None, "disk_low", "disk"),
    "record-stall": (recording, inject("record-stall"), None, "recording_stalled", "disk"),
}


@pytest.fixture
def rooms() -> Iterator[dict[str, SimulatorThread]]:
    made = {name: SimulatorThread(password=PASSWORD, seed=3).start() for name in [*CASES, "healthy"]}
    try:
        yield made
    finally:
        for sim in made.values():
            sim.stop()


def connected_monitors(stack: ExitStack, rooms: dict[str, SimulatorThread]) -> dict[str, Monitor]:
    """A headless monitor per simulated room, each connected, closed with the stack."""
    monitors = {
        name: stack.enter_context(Monitor("127.0.0.1", sim.port, PASSWORD, connect_timeout=5.0))
        for name, sim in rooms.items()
    }
    for monitor in monitors.values():
        assert monitor.session.wait_connected(10.0)
    return monitors


def play_the_script(rooms: dict[str, SimulatorThread], elapsed: float, played: set[str]) -> None:
    """Each case's fault at 4 s and its undo at 12 s, once each."""
    if "fault" not in played and elapsed >= 4.0:
        played.add("fault")
        for name, (_, fault, _, _, _) in CASES.items():
            rooms[name].call(fault)
    if "undo" not in played and elapsed >= 12.0:
        played.add("undo")
        for name, (_, _, undo, _, _) in CASES.items():
            if undo is not None:
                rooms[name].call(undo)


def test_each_scripted_fault_brings_its_finding_and_a_healthy_room_none(rooms: dict[str, SimulatorThread]) -> None:
    seen: dict[str, dict[str, Any]] = {name: {} for name in rooms}
    with ExitStack() as stack:
        monitors = connected_monitors(stack, rooms)
        for name, sim in rooms.items():
            sim.call(CASES[name][0] if name in CASES else streaming)
        started = time.monotonic()
        played: set[str] = set()
        while time.monotonic() - started < 45.0:
            elapsed = time.monotonic() - started
            play_the_script(rooms, elapsed, played)
            for name, monitor in monitors.items():
                _, line = monitor.sample()
                for finding in line["findings"]:
                    seen[name].setdefault(finding["id"], finding)
            done = all(CASES[name][3] in seen[name] for name in CASES) and "render_time" in seen["render-lag"]
            if done and elapsed > 20.0:
                break
            time.sleep(1.0 - (time.monotonic() - started) % 1.0)
    for name, (_, _, _, finding_id, category) in CASES.items():
        assert finding_id in seen[name], f"{name}: expected {finding_id}, saw {sorted(seen[name])}"
        finding = seen[name][finding_id]
        assert finding["category"] == category and finding["severity"] in ("warning", "critical")
        assert finding["message"] and finding["remedies"], finding
    assert "obs_unreachable" in seen["frozen"], "OBS not answering on air is a finding of its own"
    assert {"fps_low", "render_time"} <= set(seen["render-lag"]), "a lagging compositor: low FPS, slow frames"
    assert seen["reconnect"]["reconnect"]["severity"] == "critical"
    assert seen["low-disk"]["disk_low"]["severity"] == "critical", "800 MB left is OBS's danger level"
    # A busy shared test machine may truly saturate the CPU; anything else on a healthy room is a false alarm.
    assert set(seen["healthy"]) <= {"cpu_saturated"}, seen["healthy"]
