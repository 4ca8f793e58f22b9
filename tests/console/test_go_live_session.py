"""The room session says why a go-live did not go on air, however OBS's events are bunched when it reads them."""

from __future__ import annotations

from collections.abc import Callable

from console.core.session import Endpoint, RoomSession, SessionListener
from obs.go_live import STOPPED
from obs.protocol import OutputState
from obs.simulator.server import ObsSimulator, SimulatorThread
from obs.text import Message
from tests.conftest import PASSWORD, wait_until


def stream_event(state: str) -> Callable[[ObsSimulator], None]:
    return lambda s: s.emit(*s.room.output_event("stream", state))


class Told(SessionListener):
    def __init__(self) -> None:
        self.failures: list[Message | None] = []

    def go_live_changed(self, failure: Message | None) -> None:
        self.failures.append(failure)


def test_starting_and_stopped_read_in_one_drain_are_a_start_that_did_not_go_on_air(sim: SimulatorThread) -> None:
    """A busy console reads STARTING and STOPPED together: the state after them says only "stopped", yet the stream
    was seen starting and did not go on air."""
    told = Told()
    session = RoomSession(None, Endpoint("127.0.0.1", sim.port, PASSWORD), listener=told, store=False).start()
    try:
        wait_until(lambda: session.state.connected, pump=session.drain, message="connected")
        sim.call(lambda s: s.inject("stream-start-silent"))  # accepted; the events below are OBS's
        answer = session.request("StartStream")
        answer.result(5.0)
        for state in (OutputState.STARTING, OutputState.STOPPED):
            sim.call(stream_event(state))
        # A barrier: OBS sends on one socket in order, so the two events are in the session's inbox by its answer.
        session.link.request("GetVersion").result(5.0)
        assert told.failures == []
        session.drain()  # the answer to StartStream, STARTING and STOPPED, all at once
        assert session.state.stream.state == OutputState.STOPPED
        assert told.failures and told.failures[-1] is not None and told.failures[-1].template == STOPPED
    finally:
        session.close()
