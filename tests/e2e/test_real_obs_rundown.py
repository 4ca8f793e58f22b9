"""The rundown run live against a real OBS: Go switches program to the segment's scene (the boundary stamped first,
the switch credited to the console); a scene OBS does not have is refused with the reason, the boundary still
stamped and stored with the show."""

from __future__ import annotations

from pathlib import Path

from console.core.rundown.live import DONE, GO, REFUSED
from console.core.rundown.model import Rundown, Segment
from console.core.session import Endpoint, RoomSession, SessionDriver
from console.core.storage import Storage
from tests.conftest import wait_until
from tests.console.test_rundown_live_session import Heard, on_driver
from tests.e2e.conftest import RealObs

ROOM = "真实直播间"


def test_go_switches_the_real_obs_and_a_missing_scene_is_refused(real_obs: RealObs, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    heard = Heard()
    session = RoomSession(
        ROOM,
        Endpoint("127.0.0.1", real_obs.obs.port, real_obs.obs.password),
        listener=heard,
        open_storage=lambda: Storage(url),
        backoff_initial=0.1,
    )
    session.rundown_listener = heard.rundown
    driver = SessionDriver(session).start()
    try:
        assert driver.wait_connected(15.0)
        wait_until(lambda: session.show_id is not None and bool(session.state.scenes), 15, message="the show opens")
        on_program = session.state.program_scene
        first = next(name for name in ("直播中", "商品特写") if name != on_program)
        plan = Rundown(
            ROOM,
            (
                Segment("开场", 60, scene=first, key="open"),
                Segment("商品1", 60, scene="OBS里没有的画面", key="p1"),
                Segment("收尾", 60, scene=str(on_program), key="close"),
            ),
        )
        on_driver(session, lambda: session.rundown.set_plan(plan))
        on_driver(session, lambda: session.rundown_take(GO, "导播"))
        wait_until(lambda: session.state.program_scene == first, 10, message="OBS took the segment's scene")
        wait_until(lambda: session.rundown.marks[0].outcome == DONE, 10)
        with heard.lock:
            assert (first, "console") in heard.switches

        missing = on_driver(session, lambda: session.rundown_take(GO, "导播"))
        assert missing.key == "p1" and session.rundown.marks[1].outcome == REFUSED
        assert "OBS里没有的画面" in str(session.rundown.marks[1].why)
        assert session.state.program_scene == first

        on_driver(session, lambda: session.rundown_take(GO, "导播"))
        wait_until(lambda: session.state.program_scene == on_program, 10, message="back to where OBS was")
        show_id = session.show_id
    finally:
        driver.stop()
    storage = Storage(url)
    try:
        stored = storage.rundown_marks(show_id) if show_id is not None else []
    finally:
        storage.close()
    assert [(m.key, m.outcome) for m in stored] == [("open", DONE), ("p1", REFUSED), ("close", DONE)]
