"""A repeating demo scenario never starts an output the user stopped (OBS does not): over the real protocol, a user
who stops the stream (or recording) the scenario started sees it stay stopped through the scenario's repeats, and the
fault comes back only once they start it again."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from obs.client import ObsClient
from obs.clock import ManualClock
from obs.simulator.scenarios import SCENARIOS, run_scenario
from obs.simulator.server import ObsSimulator, SimulatorThread
from tests.conftest import PASSWORD


@pytest.fixture
def clocked() -> Iterator[tuple[ManualClock, SimulatorThread, ObsClient]]:
    clock = ManualClock()
    sim = SimulatorThread(password=PASSWORD, seed=3, clock=clock).start()
    client = ObsClient("127.0.0.1", sim.port, PASSWORD)
    client.connect()
    try:
        yield clock, sim, client
    finally:
        client.close()
        sim.stop()


def play(sim: SimulatorThread, name: str) -> None:
    def start(s: ObsSimulator) -> asyncio.Future[None]:
        return asyncio.ensure_future(run_scenario(s, SCENARIOS[name]))

    sim.call(start)


def seconds(clock: ManualClock, sim: SimulatorThread, client: ObsClient, count: int, request: str) -> list[bool]:
    """Move OBS's clock a second at a time; after each, what a client reads of the output over the socket (the
    simulator's loop has run the scenario's wake-up before it answers a later request: both are on its loop)."""
    seen = []
    for _ in range(count):
        clock.advance(1.0)
        sim.call(lambda s: None)
        seen.append(bool(client.request(request)["outputActive"]))
    return seen


def faults(sim: SimulatorThread) -> set[str]:
    return set(sim.call(lambda s: set(s.room.faults)))


def test_a_stream_the_user_stopped_stays_stopped_through_the_scenarios_repeats(
    clocked: tuple[ManualClock, SimulatorThread, ObsClient],
) -> None:
    clock, sim, client = clocked
    play(sim, "congestion")
    assert seconds(clock, sim, client, 3, "GetStreamStatus")[-1], "the scenario's first round starts the stream"
    assert seconds(clock, sim, client, 9, "GetStreamStatus")[-1]
    assert "congestion" in faults(sim)
    client.request("StopStream")
    # Three of the scenario's 90-s periods: it used to start the stream again at each one.
    assert not any(seconds(clock, sim, client, 280, "GetStreamStatus")), "the scenario started a stopped stream"
    assert "congestion" not in faults(sim)
    client.request("StartStream")
    seconds(clock, sim, client, 8, "GetStreamStatus")
    assert "congestion" not in faults(sim), "the repeat's fault waits its 10 s after the user's start"
    seconds(clock, sim, client, 3, "GetStreamStatus")
    assert "congestion" in faults(sim), "after the user's start the repeat brings its fault back"
    assert client.request("GetStreamStatus")["outputCongestion"] > 0


def test_a_fault_stopped_early_by_the_user_is_not_put_in_on_a_stopped_stream(
    clocked: tuple[ManualClock, SimulatorThread, ObsClient],
) -> None:
    """Stopped before the fault's time: the round puts in nothing on a stopped stream and starts nothing."""
    clock, sim, client = clocked
    play(sim, "encoder-overload")
    assert seconds(clock, sim, client, 3, "GetStreamStatus")[-1]
    client.request("StopStream")
    assert not any(seconds(clock, sim, client, 100, "GetStreamStatus"))
    assert "encoder-overload" not in faults(sim)


def test_a_recording_the_user_stopped_stays_stopped_through_record_stall_repeats(
    clocked: tuple[ManualClock, SimulatorThread, ObsClient],
) -> None:
    clock, sim, client = clocked
    play(sim, "record-stall")
    assert seconds(clock, sim, client, 3, "GetRecordStatus")[-1]
    client.request("StopRecord")
    assert not any(seconds(clock, sim, client, 130, "GetRecordStatus")), "the scenario started a stopped recording"
    client.request("StartRecord")
    seconds(clock, sim, client, 11, "GetRecordStatus")
    assert "record-stall" in faults(sim)


def test_a_running_stream_gets_the_fault_again_every_period(
    clocked: tuple[ManualClock, SimulatorThread, ObsClient],
) -> None:
    clock, sim, client = clocked
    play(sim, "congestion")
    rounds = []
    for _ in range(200):
        assert all(seconds(clock, sim, client, 1, "GetStreamStatus"))
        rounds.append("congestion" in faults(sim))
    began = [i for i in range(1, len(rounds)) if rounds[i] and not rounds[i - 1]]
    assert len(began) == 3 and began[1] - began[0] == 90 and began[2] - began[1] == 90, began
