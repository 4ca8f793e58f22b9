"""The rundown run live in a room session on the simulator: Go stamps the boundary, then switches program to the
segment's scene (credited to the console); a scene missing in OBS is refused with the reason and still stamped;
the marks and the plan at the first Go are stored with the show (SQLite and PostgreSQL) and a console restarted
mid-show continues the rundown from them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from console.core.rundown.live import DONE, GO, NO_SUCH_SCENE, REFUSED, Mark
from console.core.rundown.model import Rundown, Segment
from console.core.session import Endpoint, RoomSession, SessionDriver, SessionListener
from console.core.storage import Storage
from obs.messages import ObsEvent
from obs.simulator.server import SimulatorThread
from obs.text import Message
from tests.conftest import PASSWORD, wait_until

ROOM = "一号直播间"
T = TypeVar("T")


class Heard(SessionListener):
    def __init__(self) -> None:
        self.switches: list[tuple[str, str]] = []
        self.marks: list[tuple[Mark | None, Message | None]] = []
        self.lock = threading.Lock()

    def event_received(self, event: ObsEvent, who: str) -> None:
        if event.event_type == "CurrentProgramSceneChanged":
            with self.lock:
                self.switches.append((str(event.data["sceneName"]), who))

    def rundown(self, mark: Mark | None, why: Message | None) -> None:
        with self.lock:
            self.marks.append((mark, why))


def on_driver(session: RoomSession, job: Callable[[], T]) -> T:
    """Run `job` on the session's driving thread (as the console's GUI thread would) and return its result."""
    done = threading.Event()
    out: list[Any] = []

    def run() -> None:
        out.append(job())
        done.set()

    session.call_soon(run)
    assert done.wait(10), "the driver ran the job"
    return out[0]  # type: ignore[no-any-return]


def start(sim: SimulatorThread, storage: Storage, heard: Heard) -> SessionDriver:
    session = RoomSession(
        ROOM,
        Endpoint("127.0.0.1", sim.port, PASSWORD),
        listener=heard,
        open_storage=lambda: Storage(storage.url),
        backoff_initial=0.1,
    )
    session.rundown_listener = heard.rundown
    driver = SessionDriver(session).start()
    assert driver.wait_connected(10.0)
    wait_until(lambda: session.show_id is not None, 15, message="the show opens")
    return driver


def test_go_switches_scenes_refuses_a_missing_one_and_a_restart_continues(
    sim: SimulatorThread, storage: Storage
) -> None:
    heard = Heard()
    driver = start(sim, storage, heard)
    session = driver.session
    try:
        scenes = session.state.scenes
        other = next(name for name in scenes if name != session.state.program_scene)
        plan = Rundown(
            ROOM,
            (
                Segment("开场", 300, scene=other, key="open"),
                Segment("商品1", 600, scene="不存在的画面", key="p1"),
                Segment("收尾", 60, key="close"),
            ),
        )
        on_driver(session, lambda: session.rundown.set_plan(plan))
        first = on_driver(session, lambda: session.rundown_take(GO, "小王"))
        assert (first.key, first.who, first.scene) == ("open", "小王", other)
        wait_until(lambda: session.state.program_scene == other, 10, message="Go switched program")
        wait_until(lambda: session.rundown.marks[0].outcome == DONE, 10, message="the switch settled as done")
        with heard.lock:
            assert (other, "console") in heard.switches, "the switch is credited to the console, as the Scenes dock's"

        second = on_driver(session, lambda: session.rundown_take(GO, "小王"))
        assert second.key == "p1", "the boundary is stamped although its scene is missing"
        assert session.rundown.marks[1].outcome == REFUSED
        assert str(session.rundown.marks[1].why) == "there is no scene “不存在的画面” in OBS"
        assert session.state.program_scene == other, "program stays where it was"
        with heard.lock:
            refused = [(mark, why) for mark, why in heard.marks if why is not None]
        assert refused and refused[-1][1] is not None and refused[-1][1].template == NO_SUCH_SCENE
        position = on_driver(session, session.rundown.position)
        assert position.current is not None and position.current.key == "p1"
        show_id = session.show_id
    finally:
        driver.stop()  # a console closed mid-show: the show stays open and resumes
    assert show_id is not None

    stored = storage.rundown_marks(show_id)
    assert [(m.key, m.action, m.who, m.outcome) for m in stored] == [
        ("open", GO, "小王", DONE),
        ("p1", GO, "小王", REFUSED),
    ]
    why = stored[1].why
    assert why is not None and str(why) == "there is no scene “不存在的画面” in OBS", "stored as a Message"
    assert (why.template, why.fields) == (NO_SUCH_SCENE, {"scene": "不存在的画面"}), (
        "kept to be read in either language"
    )
    snapshot = storage.rundown_snapshot(show_id)
    assert snapshot is not None and snapshot.plan == plan and snapshot.taken_at == stored[0].t

    heard_again = Heard()
    again = start(sim, storage, heard_again)
    try:
        assert again.session.show_id == show_id, "the restarted console resumes the show"
        wait_until(lambda: again.session.rundown.started, 10, message="the runner resumes from the stored marks")
        position = on_driver(again.session, again.session.rundown.position)
        assert position.current is not None and position.current.key == "p1"
        assert position.next is not None and position.next.key == "close"
        assert position.started_at == stored[1].t
        third = on_driver(again.session, lambda: again.session.rundown_take(GO, "小李"))
        assert (third.seq, third.key) == (2, "close")
    finally:
        again.stop()
    assert [m.key for m in storage.rundown_marks(show_id)] == ["open", "p1", "close"]


def test_marks_are_rewritten_by_seq_and_the_snapshot_kept_once(storage: Storage) -> None:
    from datetime import UTC, datetime

    show, _ = storage.open_show(ROOM, datetime.now(UTC), 60)
    mark = Mark(0, 1000.0, "k", "开场", 300, GO, "ann", "Cam", "pending", "", 0)
    first = {"room": ROOM, "taken_at": 1000.0, "planned_start": 990.0, "segments": "[]"}
    storage.add_rundown(show.id, [mark.as_row()], first)
    settled = Mark(0, 1000.0, "k", "开场", 300, GO, "ann", "Cam", REFUSED, "OBS is not connected", 0)
    storage.add_rundown(show.id, [settled.as_row()], dict(first, taken_at=2000.0))
    assert storage.rundown_marks(show.id) == [settled]
    snapshot = storage.rundown_snapshot(show.id)
    assert snapshot is not None and (snapshot.taken_at, snapshot.planned_start) == (1000.0, 990.0)
    assert storage.rundown_marks(show.id + 1) == [] and storage.rundown_snapshot(show.id + 1) is None
