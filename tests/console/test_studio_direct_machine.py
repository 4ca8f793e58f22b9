"""On a supervisor's wall PC in direct mode, this computer's CPU and memory are not the rooms' when their OBS run
elsewhere: such a room's seconds carry no machine figures (so no CPU finding is judged, alerted or stored as that
room's), and a room whose computer's CPU is not known never shows a green System light. Real simulators on real
sockets, real SQLite, this machine's real sampler."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from console.core.rooms import Room, Secrets
from console.core.session import Endpoint, RoomSession, SessionDriver
from console.core.storage import Storage
from console.core.studio.direct import DirectStudio
from console.core.studio.snapshot import lights_of
from console.core.studio.status import Light
from console.core.telemetry.machine import MachineSampler
from obs.messages import LinkState
from obs.simulator.server import SimulatorThread
from obs.vocabulary import CATEGORIES
from tests.conftest import PASSWORD, wait_until
from tests.console.test_studio_direct import sqlite_url
from tests.keyring_memory import MemoryKeyring

HERE, ELSEWHERE = "一号直播间", "二号直播间"
#: An address of no computer here (TEST-NET-1, RFC 5737): a room whose OBS runs on another computer.
OTHER_COMPUTER = "192.0.2.1"


@pytest.fixture
def sim() -> Iterator[SimulatorThread]:
    made = SimulatorThread(password=PASSWORD, seed=21).start()
    try:
        yield made
    finally:
        made.stop()


def machine_figures(session: RoomSession) -> tuple[float | None, float | None, int]:
    with session.lock:
        telemetry = session.telemetry
        return telemetry.value("cpu_system_pct"), telemetry.value("memory_system_pct"), len(telemetry.ring)


def test_a_room_whose_obs_runs_elsewhere_gets_none_of_the_wall_pcs_cpu_or_memory(
    sim: SimulatorThread, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    url = sqlite_url(tmp_path)
    secrets = Secrets()
    rooms = [Room(HERE, "127.0.0.1", sim.port), Room(ELSEWHERE, OTHER_COMPUTER, 4455)]
    for room in rooms:
        secrets.set(room.name, PASSWORD)
    with DirectStudio(rooms, secrets, lambda: Storage(url), backoff_initial=0.1) as studio:
        here, elsewhere = studio.session(HERE), studio.session(ELSEWHERE)
        assert here is not None and elsewhere is not None
        # The room whose OBS runs on this computer: this computer's figures are its own.
        wait_until(lambda: machine_figures(here)[0] is not None, 20, message="this computer's CPU, as HERE's")
        assert machine_figures(here)[1] is not None
        # The other room, seconds later (its seconds are recorded as gaps while its OBS is not reached).
        seconds = machine_figures(elsewhere)[2]
        wait_until(lambda: machine_figures(elsewhere)[2] >= seconds + 2, 20, message="two more seconds of ELSEWHERE")
        cpu, memory, _ = machine_figures(elsewhere)
        assert cpu is None and memory is None, "the wall PC's CPU and memory are not that room's"
        status = next(s for s in studio.rooms() if s.room == ELSEWHERE)
        assert status.lights["system"] is Light.UNKNOWN


def test_a_connected_room_whose_computers_cpu_is_not_known_has_no_green_system_light(
    sim: SimulatorThread, tmp_path: Path
) -> None:
    """Connected and judged, every other light green: the System light says "unknown", not "fine" (it was green for
    a room on another computer, judged from nothing)."""
    unmeasured = MachineSampler()  # never started: no figure of the room's computer, as for a room elsewhere
    session = RoomSession(
        None, Endpoint("127.0.0.1", sim.port, PASSWORD), store=False, sampler=unmeasured, backoff_initial=0.1
    )
    driver = SessionDriver(session).start()
    try:
        wait_until(
            lambda: session.status.state is LinkState.CONNECTED and session.telemetry.latest is not None,
            20,
            message="a judged second of the connected room",
        )
        with session.lock:
            lights = lights_of(session)
    finally:
        driver.stop()
    assert lights["system"] is Light.UNKNOWN
    assert {k: v for k, v in lights.items() if k != "system"} == {str(c): Light.OK for c in CATEGORIES if c != "system"}
