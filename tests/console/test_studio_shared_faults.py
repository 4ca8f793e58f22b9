"""Shared mode when the studio's PostgreSQL goes away: ten rooms keep publishing, keep only their newest status and
catch up; the wall says the database is unreachable, then recovers with a full re-read."""

from __future__ import annotations

import itertools
import threading
import time

from console.core.storage import Storage
from console.core.studio.shared import SharedStudio, StatusPublisher
from console.core.studio.status import ProblemDetail, RoomStatus, StudioProblem
from tests.conftest import PostgresCluster, wait_until

ROOMS = [f"{n}号直播间" for n in range(1, 11)]


def test_postgres_restarted_while_ten_rooms_publish(own_postgres: PostgresCluster) -> None:
    own_postgres.start()
    url = own_postgres.url + "/postgres"
    store = Storage(url)
    store.migrate()
    store.close()
    lock = threading.Lock()
    seen: dict[str, RoomStatus] = {}
    every_viewers: set[int] = set()
    problems: list[StudioProblem] = []
    causes: list[object] = []

    def changed(statuses: list[RoomStatus]) -> None:
        with lock:
            for status in statuses:
                seen[status.room] = status
                every_viewers.add(status.viewers or 0)

    def problem(kind: StudioProblem, detail: ProblemDetail) -> None:
        with lock:
            problems.append(kind)
            causes.append(getattr(detail, "cause", None))

    def viewers_on_wall() -> dict[str, int | None]:
        with lock:
            return {room: status.viewers for room, status in seen.items()}

    wall = SharedStudio(url, backoff_initial=0.1, backoff_max=0.5)
    wall.subscribe(changed, problem)
    publishers = [
        StatusPublisher(url, room, f"studio-pc-{n} (pid {n})", backoff_initial=0.1, backoff_max=0.5).start()
        for n, room in enumerate(ROOMS)
    ]
    try:

        def publish_all(viewers: int) -> None:
            now = time.time()
            for publisher in publishers:
                publisher.publish(RoomStatus(publisher.room, now, now, on_air=True, viewers=viewers))

        publish_all(100)
        wait_until(lambda: viewers_on_wall() == dict.fromkeys(ROOMS, 100), message="every room on the wall")

        own_postgres.stop()
        wait_until(lambda: StudioProblem.DATABASE_UNREACHABLE in problems, message="the wall says unreachable")
        publish_all(200)  # handed over while the database is away: never blocks, replaced by the next
        publish_all(300)
        for publisher in publishers:
            wait_until(lambda p=publisher: "unreachable since" in str(p.problem()), message=publisher.room)  # type: ignore[misc]
            assert not publisher.settle(0), "a status waits for the database, it is not dropped"

        own_postgres.start()
        for publisher in publishers:
            assert publisher.settle(30), publisher.problem()
            assert publisher.problem() is None
        wait_until(lambda: problems[-1] == StudioProblem.NONE, timeout=30, message="the wall recovers")
        wait_until(lambda: viewers_on_wall() == dict.fromkeys(ROOMS, 300), message="every room caught up")
        # A status is a state, not a log: only the newest was sent when the database came back.
        assert 200 not in every_viewers
        # Unreachable said once per cause (lost as the server stopped, then refused while it stays down; never
        # at each retry), then recovered.
        assert problems[-1] == StudioProblem.NONE and set(problems[:-1]) == {StudioProblem.DATABASE_UNREACHABLE}
        assert all(before != after for before, after in itertools.pairwise(causes[:-1])), causes
        # And the rooms go on as before (each still holds its claim).
        publish_all(400)
        wait_until(lambda: viewers_on_wall() == dict.fromkeys(ROOMS, 400), message="publishing goes on")
    finally:
        for publisher in publishers:
            publisher.close()
        wall.close()


def test_a_frozen_postgres_is_said_and_then_caught_up(own_postgres: PostgresCluster) -> None:
    """A frozen server (SIGSTOP: connections stay open, the kernel acknowledges, nothing answers) raises no error:
    the publisher and the wall notice the silence itself, say it, and carry on when it thaws."""
    own_postgres.start()
    url = own_postgres.url + "/postgres"
    store = Storage(url)
    store.migrate()
    store.close()
    problems: list[StudioProblem] = []
    seen: dict[str, int | None] = {}
    lock = threading.Lock()

    def changed(statuses: list[RoomStatus]) -> None:
        with lock:
            seen.update((s.room, s.viewers) for s in statuses)

    def problem(kind: StudioProblem, detail: ProblemDetail) -> None:
        with lock:
            problems.append(kind)

    wall = SharedStudio(url, backoff_initial=0.1, backoff_max=0.5, stuck_after=1.0, quiet_probe=0.3)
    wall.subscribe(changed, problem)
    publisher = StatusPublisher(url, "冻结直播间", "studio-pc-1 (pid 1)", stuck_after=1.0).start()
    try:
        now = time.time()
        publisher.publish(RoomStatus("冻结直播间", now, now, viewers=1))
        wait_until(lambda: seen.get("冻结直播间") == 1, message="the room on the wall")
        own_postgres.freeze()
        publisher.publish(RoomStatus("冻结直播间", now + 1, now + 1, viewers=2))
        wait_until(lambda: "has not answered for" in str(publisher.problem()), message="the publisher says so")
        wait_until(lambda: StudioProblem.DATABASE_UNREACHABLE in problems, message="the wall says so")
        own_postgres.thaw()
        assert publisher.settle(30) and publisher.problem() is None
        wait_until(lambda: seen.get("冻结直播间") == 2, message="the status after the thaw")
        wait_until(lambda: problems[-1] == StudioProblem.NONE, message="the wall recovers")
    finally:
        own_postgres.thaw()
        publisher.close()
        wall.close()
