"""Shared mode on a real PostgreSQL: rooms' consoles publish, the wall reads by LISTEN/NOTIFY, two consoles claim one
room, a row nobody can read, a clean stop, and SQLite refused in words."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import psycopg
import pytest

from console.core.storage import Storage
from console.core.studio.shared import SharedModeError, SharedStudio, StatusPublisher
from console.core.studio.status import (
    SILENT_AFTER_S,
    Checklist,
    Light,
    OpenFinding,
    Prep,
    ProblemDetail,
    RoomStatus,
    StudioProblem,
    WentLive,
)
from obs.clock import ManualClock
from obs.text import Message
from tests.conftest import wait_until

#: A room name with every kind of trouble: CJK, quotes, SQL, a newline, an emoji, and longer than a NOTIFY payload.
ODD_ROOM = "一号直播间 'O''Brien\" ; DROP TABLE studio_rooms; --\n😀" + "长" * 3000


def status(room: str, at: float, **changes: Any) -> RoomStatus:
    base = RoomStatus(
        room=room,
        at=at,
        heartbeat=at,
        link="connected",
        on_air=True,
        recording=False,
        on_air_since=at - 60,
        program_scene="直播中",
        lights={"network": Light.OK, "encoding": Light.OK},
        findings=(),
        bitrate_kbps=6000.0,
        dropped_pct=0.0,
        viewers=120,
    )
    return replace(base, **changes)


class Wall:
    """What a wall receives from a SharedStudio, on the source's thread, for the test thread to wait on."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latest: dict[str, RoomStatus] = {}
        self.batches: list[list[RoomStatus]] = []
        self.problems: list[tuple[StudioProblem, ProblemDetail]] = []

    def changed(self, statuses: list[RoomStatus]) -> None:
        with self.lock:
            self.batches.append(statuses)
            for item in statuses:
                self.latest[item.room] = item

    def problem(self, problem: StudioProblem, detail: ProblemDetail) -> None:
        with self.lock:
            self.problems.append((problem, detail))

    def room(self, name: str) -> RoomStatus | None:
        with self.lock:
            return self.latest.get(name)


@pytest.fixture
def studio_url(postgres_url: str) -> str:
    store = Storage(postgres_url)
    store.migrate()
    store.close()
    return postgres_url


@pytest.fixture
def wall(studio_url: str) -> Iterator[tuple[SharedStudio, Wall]]:
    source = SharedStudio(studio_url, backoff_initial=0.1, backoff_max=0.5)
    seen = Wall()
    source.subscribe(seen.changed, seen.problem)
    yield source, seen
    source.close()


def test_sqlite_is_refused_in_words(tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    for make in (lambda: SharedStudio(url), lambda: StatusPublisher(url, "一号直播间", "pc (pid 1)")):
        with pytest.raises(SharedModeError) as refused:
            make()
        assert "PostgreSQL" in str(refused.value) and "SQLite" in str(refused.value)
        assert "LISTEN/NOTIFY" in str(refused.value)


def test_a_published_status_and_thumbnail_reach_the_wall(studio_url: str, wall: tuple[SharedStudio, Wall]) -> None:
    source, seen = wall
    publisher = StatusPublisher(studio_url, ODD_ROOM, "studio-pc-1 (pid 11)").start()
    try:
        now = time.time()
        finding = OpenFinding("reconnect", "network", "critical", Message("stream reconnecting", {"n": 2}), now - 5)
        # 王丽 went live anyway with the list of show 41, the show on air: a supervisor's tile says so (fix23d).
        went_live = Checklist("主播助理开播前检查", Prep.NOT_STARTED, 10, 12, 1, WentLive.OVERRIDDEN, "王丽", 41)
        publisher.publish(status(ODD_ROOM, now, findings=(finding,), viewers=321, checklist=went_live, show_id=41))
        publisher.publish_thumbnail(b"\xff\xd8jpeg-bytes\xff\xd9", now - 1)
        assert publisher.settle(10), publisher.problem()
        wait_until(lambda: (seen.room(ODD_ROOM) or status("", 0)).viewers == 321, message="the status on the wall")
        shown = seen.room(ODD_ROOM)
        assert shown is not None
        assert shown.room == ODD_ROOM and shown.console == "studio-pc-1 (pid 11)"
        assert shown.findings[0].message.fields == {"n": 2} and shown.worst() == Light.CRITICAL
        assert shown.checklist == went_live and shown.show_id == 41
        wait_until(lambda: source.thumbnail(ODD_ROOM) is not None, message="the thumbnail")
        taken, picture = source.thumbnail(ODD_ROOM) or (0.0, b"")
        assert taken == pytest.approx(now - 1) and picture == b"\xff\xd8jpeg-bytes\xff\xd9"
        # Only what changed is fetched: the next update brings that one room, not every row.
        publisher.publish(status(ODD_ROOM, now + 1, viewers=400))
        wait_until(lambda: (seen.room(ODD_ROOM) or status("", 0)).viewers == 400, message="the second status")
        assert [s.room for s in seen.batches[-1]] == [ODD_ROOM]
        assert [s.viewers for s in source.rooms()] == [400]
        assert publisher.problem() is None
    finally:
        publisher.close()


def test_a_clean_stop_leaves_the_room_as_last_known_and_unwatched(
    studio_url: str, wall: tuple[SharedStudio, Wall]
) -> None:
    """walk15: a room console quit while its room streamed on; the wall then read "last report 10:53:51 · was off
    air". Quitting the console does not stop OBS: the row keeps "on air" and its last figures, with every light
    unknown and no finding (nobody watches it now)."""
    _source, seen = wall
    publisher = StatusPublisher(studio_url, "二号直播间", "studio-pc-2 (pid 22)").start()
    publisher.publish(status("二号直播间", time.time(), viewers=321))
    wait_until(lambda: seen.room("二号直播间") is not None, message="the room on the wall")
    live = seen.room("二号直播间")
    assert live is not None and live.on_air and live.worst() == Light.OK
    publisher.close()
    wait_until(lambda: (seen.room("二号直播间") or live).link == "disconnected", message="the room unwatched")
    closed = seen.room("二号直播间")
    assert closed is not None
    assert closed.on_air and closed.on_air_since == live.on_air_since and closed.viewers == 321
    assert closed.findings == () and set(closed.lights.values()) == {Light.UNKNOWN}
    assert closed.worst() == Light.UNKNOWN
    # Its claim is free: another console takes the room at once, without waiting for a stale heartbeat.
    other = StatusPublisher(studio_url, "二号直播间", "studio-pc-9 (pid 99)").start()
    try:
        other.publish(status("二号直播间", time.time(), viewers=7))
        assert other.settle(10) and other.problem() is None
        wait_until(lambda: (seen.room("二号直播间") or live).viewers == 7, message="the new console's status")
        assert (seen.room("二号直播间") or live).console == "studio-pc-9 (pid 99)"
    finally:
        other.close()


def test_two_consoles_claiming_one_room(studio_url: str, wall: tuple[SharedStudio, Wall]) -> None:
    _source, seen = wall
    first_clock, second_clock = ManualClock(), ManualClock()
    first = StatusPublisher(studio_url, "三号直播间", "studio-pc-3 (pid 303)", clock=first_clock).start()
    second = StatusPublisher(studio_url, "三号直播间", "studio-pc-4 (pid 404)", clock=second_clock).start()
    try:
        t0 = first.wall()
        first.publish(status("三号直播间", t0, viewers=1))
        assert first.settle(10) and first.problem() is None
        second.publish(status("三号直播间", t0 + 1, viewers=2))
        assert second.settle(10)
        refused = second.problem()
        assert refused is not None
        assert "studio-pc-3 (pid 303)" in str(refused) and "三号直播间" in str(refused)
        assert "already published by another console" in str(refused)
        # The first console keeps publishing; the wall shows only its statuses.
        first_clock.advance(1)
        first.publish(status("三号直播间", t0 + 1, viewers=3))
        assert first.settle(10) and first.problem() is None
        wait_until(lambda: (seen.room("三号直播间") or status("", 0)).viewers == 3, message="the first's status")
        assert all(s.console == "studio-pc-3 (pid 303)" for batch in seen.batches for s in batch)
        # The first console falls silent (hung, or its machine lost power): once its heartbeat is older than
        # SILENT_AFTER_S, the second takes the room over with its next status.
        second_clock.advance(SILENT_AFTER_S + 2)
        second.publish(status("三号直播间", second.wall(), viewers=4))
        assert second.settle(10) and second.problem() is None
        wait_until(lambda: (seen.room("三号直播间") or status("", 0)).viewers == 4, message="the takeover")
        assert (seen.room("三号直播间") or status("", 0)).console == "studio-pc-4 (pid 404)"
        # The first one, waking up, is now refused in its turn, and told who has the room.
        first.publish(status("三号直播间", first.wall(), viewers=5))
        assert first.settle(10)
        assert "studio-pc-4 (pid 404)" in str(first.problem())
    finally:
        first.close()
        second.close()


def test_a_row_nobody_can_read_is_skipped_by_name(studio_url: str, wall: tuple[SharedStudio, Wall]) -> None:
    source, seen = wall
    plain = studio_url.replace("postgresql+psycopg://", "postgresql://")
    newer = {**status("新版直播间", time.time()).to_json(), "schema": 99}
    with psycopg.connect(plain, autocommit=True) as connection:
        for room, text in (("坏数据直播间", "{not json"), ("新版直播间", json.dumps(newer))):
            connection.execute(
                "INSERT INTO studio_rooms (room, console, status, heartbeat, claimed_at) VALUES (%s, 'x', %s, 0, 0)",
                (room, text),
            )
    publisher = StatusPublisher(studio_url, "四号直播间", "studio-pc-5 (pid 505)").start()
    try:
        publisher.publish(status("四号直播间", time.time()))
        wait_until(lambda: seen.room("四号直播间") is not None, message="the readable room")
        unreadable = source.unreadable()
        assert set(unreadable) == {"坏数据直播间", "新版直播间"}
        assert "newer" in unreadable["新版直播间"]
        assert [s.room for s in source.rooms()] == ["四号直播间"]
        assert not seen.problems, "a bad row is not the database being unreachable"
    finally:
        publisher.close()
