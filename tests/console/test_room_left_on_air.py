"""A session moved to another room (RoomSession.set_room) while its room's stream runs on keeps that room's show
open, and moved back resumes it — one show with both stretches and the time away a gap between them, as a restart
leaves it. A room whose stream is over when it is left has its show ended, and a new one begins on return. Real
SQLite and PostgreSQL, the simulator's real protocol."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from console.core.review.load import load_show
from console.core.session import Endpoint, RoomSession, SessionDriver
from console.core.storage import Storage
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD, wait_until

ROOM_A, ROOM_B = "一号直播间", "二号直播间"


@pytest.fixture
def obs() -> Iterator[SimulatorThread]:
    thread = SimulatorThread(password=PASSWORD, seed=31).start()
    try:
        yield thread
    finally:
        thread.stop()


def _ask(session: RoomSession, request: str) -> None:
    """Send a request on the session's driving thread."""

    def send() -> None:
        session.request(request)

    session.call_soon(send)


def _opened(session: RoomSession, room: str, other_than: int | None = None) -> int:
    wait_until(
        lambda: session.name == room and session.show_id is not None and session.show_id != other_than,
        20,
        message=f"{room}'s show opened",
    )
    assert session.show_id is not None
    return session.show_id


def _seconds(session: RoomSession, count: int) -> None:
    """`count` more seconds recorded by the session (its telemetry ring grows)."""
    start = len(session.telemetry.ring)
    wait_until(lambda: len(session.telemetry.ring) >= start + count, 20, message=f"{count} more seconds")


def _ended(storage: Storage, show_id: int) -> bool:
    reader = Storage(storage.url)
    try:
        return load_show(reader, show_id).show.ended_at is not None
    finally:
        reader.close()


def _driver(obs: SimulatorThread, storage: Storage) -> SessionDriver:
    """A session in room A on the simulator, storing in `storage`'s database, started."""
    session = RoomSession(
        ROOM_A,
        Endpoint("127.0.0.1", obs.port, PASSWORD),
        open_storage=lambda: Storage(storage.url),
        backoff_initial=0.1,
    )
    return SessionDriver(session).start()


def test_a_room_left_on_air_and_come_back_to_is_one_show_with_the_time_away_a_gap(
    obs: SimulatorThread, storage: Storage
) -> None:
    driver = _driver(obs, storage)
    session = driver.session
    try:
        assert driver.wait_connected(10.0)
        first = _opened(session, ROOM_A)
        _ask(session, "StartStream")
        wait_until(lambda: session.state.stream.active and session.telemetry.value("streaming") == 1.0, 10)
        _seconds(session, 3)
        before = len(session.telemetry.ring)

        session.call_soon(lambda: session.set_room(ROOM_B))  # the stream runs on in OBS
        _opened(session, ROOM_B, other_than=first)
        _seconds(session, 5)  # longer away than a gap (review GAP_S: 3 s)

        session.call_soon(lambda: session.set_room(ROOM_A))
        assert _opened(session, ROOM_A, other_than=None) == first, "back in the room: the same show"
        wait_until(lambda: len(session.telemetry.ring) > before, 10, message="the first stretch taken up again")
        _seconds(session, 3)
    finally:
        driver.stop()

    assert not _ended(storage, first), "left on air: the show stays open (the console's quit kept it so too)"
    reader = Storage(storage.url)
    try:
        data = load_show(reader, first)
    finally:
        reader.close()
    gaps = data.gaps()
    assert len(gaps) == 1, "the time away is one gap, no second invented in it"
    away = gaps[0][1] - gaps[0][0]
    assert away >= 5.0
    before_gap = data.t[data.t <= gaps[0][0]]
    after_gap = data.t[data.t >= gaps[0][1]]
    assert len(before_gap) >= 3 and len(after_gap) >= 3, "both stretches are in the show"


def test_a_room_left_after_its_stream_stopped_ends_its_show_and_a_new_one_begins_on_return(
    obs: SimulatorThread, storage: Storage
) -> None:
    driver = _driver(obs, storage)
    session = driver.session
    try:
        assert driver.wait_connected(10.0)
        first = _opened(session, ROOM_A)
        _ask(session, "StartStream")
        wait_until(lambda: session.telemetry.value("streaming") == 1.0, 10)
        wait_until(lambda: session.state.stream.active, 10)
        _ask(session, "StopStream")
        wait_until(lambda: session.state.connected and not session.state.stream.active, 10)

        session.call_soon(lambda: session.set_room(ROOM_B))
        _opened(session, ROOM_B, other_than=first)
        wait_until(lambda: _ended(storage, first), 15, message="the show of the room left is ended")
        session.call_soon(lambda: session.set_room(ROOM_A))
        again = _opened(session, ROOM_A, other_than=first)
    finally:
        driver.stop()
    assert again != first, "its stream was over: back in the room is a new show"
