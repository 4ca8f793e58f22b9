"""The room reporter on the session's own clock (a manual clock: one advance is one second of the show), the viewers
sparkline, the rundown segment and the checklist state as a tile reads them."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from checklists.engine import ChecklistRun, ItemState, ItemStatus
from checklists.model import Item, Section, Template
from console.core.rundown.model import Rundown, Segment
from console.core.session import Endpoint, RoomSession, SessionDriver, SessionListener
from console.core.studio.reporter import RoomReporter, decode_image, thumbnail_height
from console.core.studio.snapshot import ViewersHistory, checklist_of
from console.core.studio.status import Prep, RoomStatus
from console.core.telemetry.channels import Marker, Sample
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD, wait_until

ROOM = "一号直播间"


class Samples(SessionListener):
    """The session's listener before the reporter came: it must go on hearing every second."""

    def __init__(self) -> None:
        self.samples: list[Sample] = []

    def sampled(self, sample: Sample, markers: list[Marker]) -> None:
        self.samples.append(sample)


@dataclass
class Room:
    clock: ManualClock
    sim: SimulatorThread
    session: RoomSession
    driver: SessionDriver
    before: Samples

    def second(self) -> float:
        """One second of the show: OBS is polled once, the session records that poll, then ticks once."""
        t = self.clock.advance(1.0)
        ring = self.session.telemetry.ring

        def polled() -> bool:
            with self.session.lock:
                return len(ring) > 0 and ring.last_time() >= t

        wait_until(polled, 15, message=f"the poll at {t}")
        assert self.driver.tick_now().wait(15.0)
        return t

    def on_driver(self, job: object) -> None:
        """Run `job()` on the session's driving thread and wait for it (as a console's dock would send it)."""
        done = threading.Event()

        def run() -> None:
            try:
                job()  # type: ignore[operator]
            finally:
                done.set()

        self.session.call_soon(run)
        assert done.wait(10.0)


@pytest.fixture
def room() -> Iterator[Room]:
    clock = ManualClock()
    sim = SimulatorThread(password=PASSWORD, seed=7, clock=clock).start()
    before = Samples()
    session = RoomSession(
        ROOM,
        Endpoint("127.0.0.1", sim.port, PASSWORD),
        listener=before,
        store=False,
        clock=clock,
        unresponsive_drop_after=600.0,
    )
    driver = SessionDriver(session)
    try:
        driver.start()
        assert driver.wait_connected(10.0)
        yield Room(clock, sim, session, driver, before)
    finally:
        driver.stop()
        sim.stop()


def test_a_status_each_second_of_the_session_a_picture_every_ten_and_the_rundown_segment(room: Room) -> None:
    published: list[RoomStatus] = []
    pictures: list[tuple[bytes, float]] = []
    reporter = RoomReporter(
        room.session, published.append, lambda jpeg, taken: pictures.append((jpeg, taken)), "tech-pc:7"
    ).start()
    room.second()
    assert published, "the reporter taps the session at its next drain"
    # The rundown: two segments of 60 s and 120 s; the first taken now, on the show's clock.
    plan = Rundown(ROOM, (Segment("开场", planned_s=60), Segment("商品一 · 保温杯", planned_s=120)))
    session = room.session

    def take() -> None:
        session.rundown.clock = lambda: room.clock.now() + session.telemetry.wall_offset
        session.rundown.set_plan(plan)
        session.rundown_take("go", "导播")

    room.on_driver(take)
    first = len(published)
    for _ in range(75):
        room.second()
    reporter.close()
    room.second()
    room.second()

    statuses = published[first:]
    # One status per second of the session, on its clock (not the machine's): 75 seconds, 75 statuses 1 s apart.
    assert len(statuses) == 75
    assert all(abs((b.at - a.at) - 1.0) < 1e-6 for a, b in itertools.pairwise(statuses))
    assert all(s.heartbeat == s.at and s.link == "connected" and s.console == "tech-pc:7" for s in statuses)
    # Whoever listened to the session before still hears every second (the reporter taps, it does not replace).
    assert len(room.before.samples) >= len(published) + 2
    assert session.listener is room.before, "closing takes the tap out"
    # 75 s into a 60 s opening segment: 15 s over, so the show is 15 s behind.
    segment = statuses[-1].segment
    assert segment is not None and (segment.title, segment.index, segment.count) == ("开场", 0, 2)
    assert segment.remaining_s == pytest.approx(-15.0) and segment.behind_s == pytest.approx(15.0)
    assert statuses[0].segment is not None and statuses[0].segment.remaining_s == pytest.approx(59.0)
    # A program picture every 10 s of the show: real JPEGs of the scene on program.
    taken = [t for _, t in pictures]
    assert len(pictures) >= 7
    assert all(later - earlier == pytest.approx(10.0) for earlier, later in itertools.pairwise(taken))
    assert all(jpeg[:3] == b"\xff\xd8\xff" and len(jpeg) > 500 for jpeg, _ in pictures)
    assert reporter.thumbnails_failed == 0 and reporter.failures == 0


def test_a_failing_publisher_never_stops_the_room(room: Room) -> None:
    def broken(status: RoomStatus) -> None:
        raise RuntimeError("the database went away mid-call")

    reporter = RoomReporter(room.session, broken, None, "tech-pc:7").start()
    heard = len(room.before.samples)
    for _ in range(3):
        room.second()
    assert len(room.before.samples) == heard + 3, "the room went on sampling"
    assert reporter.failures == 3 and room.driver.failures == 0
    reporter.close()


def test_viewers_sparkline_one_point_per_step_newest_wins_unknown_is_none() -> None:
    history = ViewersHistory()
    base = 1_764_536_400.0  # on a 30 s step
    history.feed(base, 100)
    history.feed(base + 10, 120)  # same step: the newest figure of the step
    history.feed(base + 20, None)  # not known then: the step keeps what it knew
    history.feed(base + 25, float("nan"))
    history.feed(base + 65, 150)  # two steps on; the step between had no figure
    points = history.points(base + 70)
    assert len(points) == 30
    assert points[-3:] == (120, None, 150) and set(points[:-3]) == {None}
    # 15 minutes later the old steps have left the span.
    history.feed(base + 65 + 900, 90)
    later = history.points(base + 70 + 900)
    assert later[-1] == 90 and set(later[:-1]) == {None}
    with pytest.raises(ValueError):
        ViewersHistory(span_s=10, step_s=30)


def _template() -> Template:
    items = (
        Item("mic", {"en": "Microphone"}, check="mic_level"),
        Item("lights", {"en": "Lights"}),
        Item("spare", {"en": "Spare battery"}, required=False),
    )
    return Template("pre", {"en": "Pre-show", "zh_CN": "开播前检查"}, "technician", (Section({"en": "All"}, items),))


def test_checklist_state_as_a_tile_reads_it() -> None:
    assert checklist_of(None) is None
    run = ChecklistRun(_template(), "小王", ROOM)
    running = checklist_of(run, "zh_CN")
    assert running is not None
    assert (running.name, running.state, running.done, running.total, running.failed) == (
        "开播前检查",
        Prep.RUNNING,
        0,
        3,
        0,
    )
    run.states["mic"] = ItemState(ItemStatus.PASSED)
    run.states["lights"] = ItemState(ItemStatus.PASSED)
    run.states["spare"] = ItemState(ItemStatus.FAILED)
    run.complete("小王")
    ended = checklist_of(run)
    # Completed and ready, as its console says: an optional item that failed does not fail the room's list (walk22:
    # "Prep: failed 1" in red on the wall for a room whose console said COMPLETED and READY to go live).
    assert ended is not None and (ended.state, ended.done, ended.failed) == (Prep.PASSED, 2, 0)
    rushed = ChecklistRun(_template(), "小王", ROOM)
    rushed.states["mic"] = ItemState(ItemStatus.FAILED)
    rushed.states["lights"] = ItemState(ItemStatus.PASSED)
    rushed.states["spare"] = ItemState(ItemStatus.FAILED)
    rushed.freeze_at_go_live()
    went = checklist_of(rushed)
    assert went is not None and (went.state, went.done, went.failed) == (Prep.FAILED, 1, 1), "a required check failed"
    clean = ChecklistRun(_template(), "小王", ROOM)
    for item in ("mic", "lights", "spare"):
        clean.states[item] = ItemState(ItemStatus.PASSED)
    clean.complete("小王")
    passed = checklist_of(clean)
    assert passed is not None and passed.state is Prep.PASSED and passed.done == 3
    gave_up = ChecklistRun(_template(), "小王", ROOM)
    gave_up.abandon("小王", "the host is ill")
    abandoned = checklist_of(gave_up)
    assert abandoned is not None and abandoned.state is Prep.FAILED


def test_picture_answers_that_are_not_pictures_are_refused_with_why() -> None:
    assert decode_image("data:image/jpg;base64,/9j/4AAQ") == b"\xff\xd8\xff\xe0\x00\x10"
    for bad, why in (
        (None, "no data: URI"),
        ("data:image/jpg;base64,", "empty"),
        ("data:image/jpg;base64,%%%", "base64 is broken"),
        ("data:image/jpg,rawbytes", "not base64"),
    ):
        with pytest.raises(ValueError, match=why):
            decode_image(bad)
    assert thumbnail_height(320, 1920, 1080) == 180
    assert thumbnail_height(320, 1080, 1920) == 568
    assert thumbnail_height(320, None, None) == 180


def test_after_the_console_moves_to_another_room_its_sparkline_is_that_rooms(room: Room) -> None:
    published: list[RoomStatus] = []
    reporter = RoomReporter(room.session, published.append, None, "tech-pc:7").start()
    room.second()
    # As if the first room's audience had counted viewers this minute (this room's simulator has no audience).
    room.on_driver(lambda: reporter.history.feed(published[-1].at, 4321))
    room.second()
    assert published[-1].room == ROOM and 4321 in published[-1].viewers_history
    room.on_driver(lambda: room.session.set_room("二号直播间"))
    room.second()
    assert published[-1].room == "二号直播间" and set(published[-1].viewers_history) == {None}
    reporter.close()
