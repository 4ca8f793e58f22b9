"""Fixtures shared by the console core tests: a migrated database on real SQLite and real PostgreSQL; one manual clock
for simulators and monitors that run a show in compressed time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The console's default database and spill folder are the test's own, never the machine user's: a command run
    without --database (`onair monitor` deletes old comments there) must not read or change the user's shows."""
    monkeypatch.setenv("ONAIR_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def clock() -> ManualClock:
    """OBS's time and the monitors' one clock (obs/clock.py): the test moves it a second at a time."""
    return ManualClock()


@pytest.fixture
def clocked_sim(clock: ManualClock) -> Iterator[SimulatorThread]:
    """The simulator on the test's manual clock: `onair monitor` run with the same clock (`onair(..., clock=)`)
    moves OBS's seconds as it pauses between lines, so a run of seconds takes a moment."""
    from tests.conftest import PASSWORD

    thread = SimulatorThread(password=PASSWORD, seed=7, clock=clock).start()
    try:
        yield thread
    finally:
        thread.stop()
