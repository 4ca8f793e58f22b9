"""One clock (obs/clock.py): on a manual clock the link polls OBS once per advance, at the advance's time, and the
simulator's OBS lives on that time (its counters, its delayed actions, its meters)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from obs.clock import MONOTONIC, ManualClock
from obs.link import ObsLink
from obs.messages import LinkState, ObsEvent, OutboxItem, StatsPolled
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD


def test_a_manual_clock_stands_still_until_advanced_and_tells_who_listens() -> None:
    clock = ManualClock(100.0)
    heard: list[float] = []

    def listener() -> None:
        heard.append(clock.now())

    clock.on_advance(listener)
    assert clock.now() == 100.0 and not clock.real and MONOTONIC.real
    assert clock.advance(1.5) == 101.5 and heard == [101.5]
    clock.off_advance(listener)
    clock.advance(1.0)
    assert heard == [101.5] and clock.now() == 102.5
    with pytest.raises(ValueError):
        clock.advance(-1.0)


@pytest.fixture
def clocked() -> Iterator[tuple[ManualClock, SimulatorThread, ObsLink]]:
    clock = ManualClock()
    sim = SimulatorThread(password=PASSWORD, seed=2, clock=clock).start()
    link = ObsLink("127.0.0.1", sim.port, PASSWORD, clock=clock).start()
    try:
        yield clock, sim, link
    finally:
        link.stop()
        sim.stop()


def collect(link: ObsLink, into: list[OutboxItem], until: object, timeout: float = 10.0) -> None:
    """Drain the link's outbox into `into` until `until()` holds (a barrier; the bound only guards a hang)."""
    deadline = time.monotonic() + timeout
    while True:
        into.extend(link.drain())
        if until():  # type: ignore[operator]
            return
        assert time.monotonic() < deadline, "the link never delivered what was awaited"
        time.sleep(0.002)


def test_the_link_polls_once_per_advance_at_the_clocks_time(
    clocked: tuple[ManualClock, SimulatorThread, ObsLink],
) -> None:
    clock, sim, link = clocked
    items: list[OutboxItem] = []

    def polls() -> list[float]:
        return [item.sample.t for item in items if isinstance(item, StatsPolled)]

    collect(link, items, lambda: link.status.state is LinkState.CONNECTED and len(polls()) >= 1)
    assert polls() == [clock.now()], "the first poll, on connecting, at the clock's time"
    advanced = [clock.now()]
    for _ in range(3):
        advanced.append(clock.advance(1.0))
        collect(link, items, lambda: len(polls()) >= len(advanced))
    # A round trip after the last poll: any further poll sent before it would have been answered before it.
    link.request("GetVersion").result(10.0)
    items.extend(link.drain())
    assert polls() == advanced, "one poll per advance, each at the time the clock was moved to"
    # OBS's counters follow the same clock: three seconds of show at 30 fps are 90 rendered frames more.
    frames = [item.sample.stats["renderTotalFrames"] for item in items if isinstance(item, StatsPolled)]
    assert frames[-1] - frames[0] == pytest.approx(3.0 * sim.call(lambda s: s.room.fps_value), abs=1.0)


def test_the_simulators_meters_and_delayed_actions_follow_the_clock(
    clocked: tuple[ManualClock, SimulatorThread, ObsLink],
) -> None:
    clock, sim, link = clocked
    items: list[OutboxItem] = []
    collect(link, items, lambda: link.status.state is LinkState.CONNECTED)

    def seen(event_type: str, **data: object) -> int:
        return sum(
            1
            for item in items
            if isinstance(item, ObsEvent)
            and item.event_type == event_type
            and all(item.data.get(k) == v for k, v in data.items())
        )

    link.request("StartStream").result(10.0)  # OBS answers at once; the stream starts a moment of its time later
    link.request("GetVersion").result(10.0)  # a round trip: what OBS sent before it is in the outbox
    items.extend(link.drain())
    started = "OBS_WEBSOCKET_OUTPUT_STARTED"
    assert seen("StreamStateChanged", outputState="OBS_WEBSOCKET_OUTPUT_STARTING") == 1
    assert seen("StreamStateChanged", outputState=started) == 0, "not started while OBS's clock stands still"
    assert seen("InputVolumeMeters") == 0, "no meters while OBS's clock stands still"
    clock.advance(1.0)
    collect(link, items, lambda: seen("InputVolumeMeters") >= 20 and seen("StreamStateChanged", outputState=started))
    link.request("GetVersion").result(10.0)
    items.extend(link.drain())
    assert seen("InputVolumeMeters") == 20, "one second of OBS's time: twenty meter readings, as obs-websocket sends"
    # A ten-minute outage of the stream's connection is over once the clock has moved ten minutes on.
    sim.call(lambda s: s.stream_reconnect(600.0))
    clock.advance(600.0)
    collect(link, items, lambda: seen("StreamStateChanged", outputState="OBS_WEBSOCKET_OUTPUT_RECONNECTED") == 1)
