"""A stream reconnect inside a network incident, live over the real protocol and in compressed time: the simulated
OBS does what a real OBS 29 did behind a throttled uplink whose receiver was killed twice (tests/obs/
test_health_reconnect.py has the measured sequence), and `onair monitor`'s engine — the console's — keeps one network
finding for the whole incident, where it closed after the second reconnect and opened again as a new one."""

from __future__ import annotations

from console.core.telemetry.monitor import Monitor
from obs.clock import ManualClock
from obs.health import Finding
from obs.simulator.server import ObsSimulator, SimulatorThread
from tests.conftest import PASSWORD


def network_episodes(mon: Monitor) -> list[Finding]:
    with mon.room.lock:
        return [f for f in mon.health.timeline() if f.id == "network"]


def test_a_throttled_uplink_with_two_reconnects_is_one_network_finding(
    clocked_sim: SimulatorThread, clock: ManualClock
) -> None:
    sim = clocked_sim
    with Monitor("127.0.0.1", sim.port, PASSWORD, clock=clock) as mon:
        assert mon.session.wait_connected(10)
        sim.call(lambda s: s.room.start_output(s.room.stream, s.now()))

        def seconds(count: int) -> None:
            for _ in range(count):
                mon.pause(1.0)

        seconds(10)
        sim.call(lambda s: s.inject("congestion"))  # the uplink throttled
        seconds(22)
        assert [f.severity for f in network_episodes(mon)] == ["critical"]
        sim.call(lambda s: s.stream_reconnect(10.0))  # the receiver killed, back 10 s later
        seconds(30)  # still throttled after the reconnect
        sim.call(lambda s: s.clear("congestion"))
        seconds(10)

        def second_drop(s: ObsSimulator) -> None:
            s.stream_reconnect(6.0)

        sim.call(second_drop)  # the receiver killed again, on a healthy uplink
        for _ in range(150):
            mon.pause(1.0)
            if not [f for f in network_episodes(mon) if f.active]:
                break
        seconds(40)  # long enough for the minute to have let go of every gap
        episodes = network_episodes(mon)
        reconnects = [f for f in mon.health.timeline() if f.id == "reconnect"]
    assert len(reconnects) == 1 and reconnects[0].fields["count"] == 2, "two drops, one reconnect finding"
    assert len(episodes) == 1, [(f.first_seen, f.until_wall, f.severity) for f in episodes]
    episode = episodes[0]
    assert not episode.active and episode.peak == "critical"
    assert episode.last_seen < reconnects[0].last_seen + 15, "the drops ended before the second reconnect"
