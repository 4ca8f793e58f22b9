"""The room session says why a go-live did not go on air, however OBS's events are bunched when it reads them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from console.core.session import Endpoint, RoomSession, SessionListener
from obs.errors import RequestError
from obs.go_live import STOPPED, GoLive
from obs.protocol import OutputState, RequestStatus
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import ObsSimulator, SimulatorThread
from obs.text import Message
from tests.conftest import PASSWORD, wait_until


def stream_event(state: str) -> Callable[[ObsSimulator], None]:
    return lambda s: s.emit(*s.room.output_event("stream", state))


class Told(SessionListener):
    def __init__(self) -> None:
        self.failures: list[Message | None] = []
        self.news: list[GoLive] = []

    def go_live_changed(self, news: GoLive) -> None:
        if news.failure != (self.news[-1] if self.news else GoLive()).failure:  # the failures said, as they change
            self.failures.append(news.failure)
        self.news.append(news)


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


def test_a_go_live_obs_is_still_connecting_is_held_by_a_restarted_console_until_it_is_on_air(
    sim: SimulatorThread,
) -> None:
    """OBS says STARTING and connects for a while (a slow server). A console restarted meanwhile reads the stream off
    air — GetStreamStatus cannot say "connecting" — and holds the go-live it took up until OBS says STARTED."""
    sim.call(lambda s: s.inject("stream-connect-slow"))
    first = RoomSession(None, Endpoint("127.0.0.1", sim.port, PASSWORD), listener=Told(), store=False).start()
    try:
        wait_until(lambda: first.state.connected, pump=first.drain, message="connected")
        first.request("StartStream").result(5.0)
        wait_until(lambda: first.state.stream.state == OutputState.STARTING, pump=first.drain, message="starting")
        assert first.go_live.news == GoLive(starting=True, undecided=True)
    finally:
        first.close()
    assert sim.call(lambda s: s.room.stream.connecting), "OBS still connecting the stream"

    told = Told()
    second = RoomSession(None, Endpoint("127.0.0.1", sim.port, PASSWORD), listener=told, store=False).start()
    try:
        wait_until(lambda: second.state.connected, pump=second.drain, message="connected")
        stream = second.state.stream
        assert not stream.active and stream.state == OutputState.STOPPED, "the full read: off air, as OBS says"
        assert second.hold_go_live()
        assert told.news[-1] == GoLive(undecided=True)
        sim.call(lambda s: s.clear("stream-connect-slow"))  # the server answers: OBS says STARTED
        wait_until(lambda: second.state.stream.active, pump=second.drain, message="on air")
        assert told.news[-1] == GoLive(), "decided: on air, nothing failed"
        assert told.failures == []
    finally:
        second.close()


def test_go_live_while_obs_already_connects_is_followed_as_a_start(sim: SimulatorThread) -> None:
    """A console restarted while OBS connects its stream reads it off air and may ask again: OBS answers 500
    OutputRunning, and that start is on its way, not refused (walk: "Not live: OBS refused to start the stream"). Its
    outcome is OBS's: here the server answers and the stream goes on air, nothing said to have failed."""
    sim.call(lambda s: s.inject("stream-connect-slow"))
    sim.call(lambda s: HANDLERS["StartStream"](s, {}))  # before this console was there to hear STARTING
    told = Told()
    session = RoomSession(None, Endpoint("127.0.0.1", sim.port, PASSWORD), listener=told, store=False).start()
    try:
        wait_until(lambda: session.state.connected, pump=session.drain, message="connected")
        assert session.state.stream.state == OutputState.STOPPED, "the full read: off air, as OBS says"
        answer = session.request("StartStream")
        with pytest.raises(RequestError) as refused:
            answer.result(5.0)
        assert refused.value.code == RequestStatus.OUTPUT_RUNNING
        wait_until(lambda: bool(told.news) and told.news[-1].starting, pump=session.drain, message="starting")
        assert told.news[-1] == GoLive(starting=True, undecided=True) and told.failures == []
        sim.call(lambda s: s.clear("stream-connect-slow"))  # the server answers: OBS says STARTED
        wait_until(lambda: session.state.stream.active, pump=session.drain, message="on air")
        assert told.news[-1] == GoLive() and told.failures == []
    finally:
        session.close()


def test_obs_already_connecting_that_then_stops_failed(sim: SimulatorThread) -> None:
    """The same start ends without going on air (OBS's connect gives up): said as a stream that stopped connecting —
    the off-air read from before OBS's answer is not taken for that stop."""
    sim.call(lambda s: s.inject("stream-connect-slow"))
    sim.call(lambda s: HANDLERS["StartStream"](s, {}))
    told = Told()
    session = RoomSession(None, Endpoint("127.0.0.1", sim.port, PASSWORD), listener=told, store=False).start()
    try:
        wait_until(lambda: session.state.connected, pump=session.drain, message="connected")
        with pytest.raises(RequestError):
            session.request("StartStream").result(5.0)
        wait_until(lambda: bool(told.news) and told.news[-1].starting, pump=session.drain, message="starting")
        session.link.request("GetVersion").result(5.0)
        session.drain()
        assert told.failures == [], "the read from before OBS's answer is no stop"

        def gave_up(s: ObsSimulator) -> None:
            s.room.stream.connecting = False
            s.emit(*s.room.output_event("stream", OutputState.STOPPED))

        sim.call(gave_up)
        wait_until(lambda: bool(told.failures), pump=session.drain, message="said")
        failure = told.failures[-1]
        assert failure is not None and failure.template == STOPPED
    finally:
        session.close()
