"""Direct mode of the studio wall: one console, several OBS (real simulators on real sockets), each room a
RoomSession with its own show; the statuses the wall gets say what each room is really doing."""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from checklists.engine import ChecklistRun, ItemState, ItemStatus
from checklists.loader import load_all
from console.core.rooms import Room, Secrets
from console.core.session import Endpoint, RoomSession, SessionDriver
from console.core.storage import Storage
from console.core.studio.direct import DirectStudio
from console.core.studio.status import Checklist, Light, Prep, RoomStatus, WentLive, trouble_key
from console.core.telemetry.audience_config import AudienceConfig
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import ObsSimulator, SimulatorThread
from obs.vocabulary import CATEGORIES
from tests.conftest import PASSWORD, wait_until
from tests.keyring_memory import MemoryKeyring

HEALTHY, MUTED, AWAY = "一号直播间", "二号直播间 (麦克风)", "三号直播间"


def go_live(sim: ObsSimulator) -> None:
    HANDLERS["SetCurrentProgramScene"](sim, {"sceneName": "直播中"})
    HANDLERS["StartStream"](sim, {})


def mute_mic(sim: ObsSimulator) -> None:
    HANDLERS["SetInputMute"](sim, {"inputName": sim.room.mic_name, "inputMuted": True})


def closed_port() -> int:
    """A port nothing listens on (bound, then let go): the room whose OBS is not there."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def sqlite_url(folder: Path) -> str:
    """A migrated SQLite database the rooms' shows are kept in."""
    url = f"sqlite:///{folder / 'onair.db'}"
    store = Storage(url)
    store.migrate()
    store.close()
    return url


@pytest.fixture
def sims() -> Iterator[list[SimulatorThread]]:
    made = [SimulatorThread(password=PASSWORD, seed=40 + i).start() for i in range(2)]
    try:
        yield made
    finally:
        for sim in made:
            sim.stop()


class Heard:
    """What the studio told its subscriber, and on which threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: dict[str, list[RoomStatus]] = {}
        self.threads: dict[str, set[str]] = {}

    def changed(self, statuses: list[RoomStatus]) -> None:
        with self.lock:
            for status in statuses:
                self.statuses.setdefault(status.room, []).append(status)
                self.threads.setdefault(status.room, set()).add(threading.current_thread().name)

    def newest(self, room: str) -> RoomStatus | None:
        with self.lock:
            seen = self.statuses.get(room)
            return seen[-1] if seen else None


def test_three_rooms_in_mixed_states_show_exactly_that_and_close_cleanly(
    sims: list[SimulatorThread], storage: Storage, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    viewers_file = tmp_path / "viewers.csv"
    viewers_file.write_text(f"time,viewers\n{time.time():.0f},1234\n", encoding="utf-8")
    rooms = [
        Room(HEALTHY, "127.0.0.1", sims[0].port, audience=AudienceConfig(kind="file", path=str(viewers_file))),
        Room(MUTED, "127.0.0.1", sims[1].port),
        Room(AWAY, "127.0.0.1", closed_port()),
    ]
    secrets = Secrets()
    for room in rooms:
        secrets.set(room.name, PASSWORD)
    sims[0].call(go_live)
    sims[1].call(go_live)
    sims[1].call(mute_mic)
    before = set(threading.enumerate())
    heard = Heard()
    studio = DirectStudio(rooms, secrets, lambda: Storage(storage.url), console="tech-pc:1", backoff_initial=0.1)
    try:
        studio.subscribe(heard.changed, lambda problem, detail: None)
        # The muted microphone opens its finding after 3 s on air; the healthy room's audience file is read.
        wait_until(
            lambda: (muted := heard.newest(MUTED)) is not None and any(f.id == "mic_muted" for f in muted.findings),
            30,
            message="the muted microphone's finding on the muted room's status",
        )
        wait_until(
            lambda: (ok := heard.newest(HEALTHY)) is not None and ok.viewers == 1234 and ok.bitrate_kbps is not None,
            20,
            message="the healthy room's viewers and bitrate",
        )
        wait_until(lambda: all(studio.thumbnail(r.name) for r in rooms[:2]), 20, message="both live rooms' pictures")
        wait_until(lambda: len(heard.statuses.get(AWAY, [])) >= 3, 20, message="the unreachable room keeps reporting")
        statuses = {status.room: status for status in studio.rooms()}
        pictures = {room.name: studio.thumbnail(room.name) for room in rooms}
        shows = [studio.session(room.name).show_id for room in rooms]  # type: ignore[union-attr]
        healthy_thread = heard.threads[HEALTHY]
    finally:
        studio.close()

    # The healthy room: live on its scene, every light it can know green, its figures there.
    healthy = statuses[HEALTHY]
    assert healthy.link == "connected" and healthy.on_air and healthy.program_scene == "直播中"
    assert healthy.on_air_since is not None and healthy.on_air_since <= healthy.at
    assert healthy.bitrate_kbps is not None and healthy.bitrate_kbps > 0 and healthy.dropped_pct is not None
    # A busy shared test machine may truly saturate this machine's CPU (the system light); nothing else may be wrong.
    assert {k: v for k, v in healthy.lights.items() if k != "system"} == {
        str(c): Light.OK for c in CATEGORIES if c != "system"
    }
    assert {f.category for f in healthy.findings} <= {"system"}, healthy.findings
    assert healthy.viewers == 1234 and healthy.viewers_history[-1] == 1234 and len(healthy.viewers_history) == 30
    assert healthy.console == "tech-pc:1"

    # The muted room: its audio light red, its finding says which microphone.
    muted = statuses[MUTED]
    assert muted.on_air and muted.lights["audio"] is Light.CRITICAL and muted.worst() is Light.CRITICAL
    finding = next(f for f in muted.findings if f.id == "mic_muted")
    assert finding.severity == "critical" and finding.message.fields["inputs"] == "麦克风"
    assert muted.viewers is None and set(muted.viewers_history) == {None}, "no audience source: unknown, not 0"

    # The unreachable room: said as such, every light grey, never healthy; still reporting (heartbeat fresh).
    away = statuses[AWAY]
    assert away.link in ("connecting", "reconnecting", "disconnected") and not away.on_air
    assert set(away.lights.values()) == {Light.UNKNOWN} and len(away.lights) == len(CATEGORIES)
    assert away.worst() is Light.UNKNOWN and not away.findings and away.program_scene is None
    assert not away.silent(away.at + 1.0)
    assert pictures[AWAY] is None

    # Trouble first: the muted room, then the one not known, then the healthy one.
    now = max(s.at for s in statuses.values())
    assert [s.room for s in sorted(statuses.values(), key=lambda s: trouble_key(s, now))] == [MUTED, AWAY, HEALTHY]

    # Real program pictures: JPEGs 320 px wide in OBS's canvas shape.
    for name in (HEALTHY, MUTED):
        picture = pictures[name]
        assert picture is not None
        taken, jpeg = picture
        assert jpeg[:3] == b"\xff\xd8\xff" and taken <= statuses[name].at + 1.0
        with Image.open(io.BytesIO(jpeg)) as image:
            assert image.format == "JPEG" and image.size == (320, 180)

    # Each room its own show in the database, each room's news on its own driver thread.
    assert None not in shows and len(set(shows)) == 3
    assert healthy_thread == {f"room-{HEALTHY}"}

    # A clean shutdown: every thread the studio started has ended (an audience file's poller within its 1 s poll).
    wait_until(lambda: not (set(threading.enumerate()) - before), 5, message="no thread left by the studio")
    reader = Storage(storage.url)
    try:
        assert shows[0] is not None and reader.show_samples(shows[0]), "its seconds were stored"
    finally:
        reader.close()


def test_a_console_restarted_mid_show_keeps_the_rooms_viewers_sparkline(
    sims: list[SimulatorThread], tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """The sparkline is the show's: a studio opened again on a room whose show is still open draws the viewers
    its show already holds (read back from the database), not fifteen empty minutes."""
    url = sqlite_url(tmp_path)
    viewers_file = tmp_path / "viewers.csv"
    viewers_file.write_text(f"time,viewers\n{time.time():.0f},876\n", encoding="utf-8")
    secrets = Secrets()
    secrets.set(HEALTHY, PASSWORD)
    counted = Room(HEALTHY, "127.0.0.1", sims[0].port, audience=AudienceConfig(kind="file", path=str(viewers_file)))
    with DirectStudio([counted], secrets, lambda: Storage(url), backoff_initial=0.1) as first:
        wait_until(lambda: first.rooms()[0].viewers == 876, 20, message="the viewers counted")
        wait_until(lambda: (s := first.session(HEALTHY)) is not None and s.show_id is not None, 10)
        wait_until(lambda: first.rooms()[0].at > time.time() - 0.5, 5, message="a fresh second")  # stored after
    # Restarted without the audience file (its source gone): the count is unknown now, its history is not.
    uncounted = Room(HEALTHY, "127.0.0.1", sims[0].port)
    with DirectStudio([uncounted], secrets, lambda: Storage(url), backoff_initial=0.1) as again:
        wait_until(lambda: 876 in again.rooms()[0].viewers_history, 20, message="the stored viewers on the sparkline")
        status = again.rooms()[0]
    assert status.viewers is None, "no source now: unknown, not the old figure"
    assert status.viewers_history[-1] is None or status.viewers_history[-1] == 876


def test_a_frozen_obs_keeps_its_room_on_air_with_its_red_light_and_the_rest_grey(
    sims: list[SimulatorThread], tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """OBS stops answering mid-show (frozen, SIGSTOPped): the room is still on air as far as anyone knows, its
    connection light goes red with the finding, and every other light goes grey — not green, not off air."""
    secrets = Secrets()
    secrets.set(HEALTHY, PASSWORD)
    sims[0].call(go_live)
    rooms = [Room(HEALTHY, "127.0.0.1", sims[0].port)]
    url = sqlite_url(tmp_path)
    with DirectStudio(
        rooms, secrets, lambda: Storage(url), backoff_initial=0.1, unresponsive_drop_after=600.0
    ) as studio:
        wait_until(lambda: studio.rooms()[0].on_air and studio.rooms()[0].lights["render"] is Light.OK, 20)
        sims[0].call(lambda sim: sim.freeze())
        try:
            wait_until(
                lambda: any(f.id == "obs_unreachable" for f in studio.rooms()[0].findings),
                30,
                message="OBS not answering on air is a finding",
            )
            status = studio.rooms()[0]
        finally:
            sims[0].call(lambda sim: sim.thaw())
    assert status.link == "unresponsive" and status.on_air and status.program_scene == "直播中"
    assert status.lights["connection"] is Light.CRITICAL and status.worst() is Light.CRITICAL
    assert {k: v for k, v in status.lights.items() if k != "connection"} == {
        str(c): Light.UNKNOWN for c in CATEGORIES if c != "connection"
    }


def test_the_consoles_own_room_is_never_connected_twice_and_follows_the_console(
    sims: list[SimulatorThread], tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """View ▸ Studio in a console already running room A: the wall shows A from the console's own session (a
    second session would write A's show twice); when the console moves to B, the wall hands B over (its own B
    session stops) and runs A again once the console's session of A has let go of it."""
    url = sqlite_url(tmp_path)
    secrets = Secrets()
    rooms = [Room(HEALTHY, "127.0.0.1", sims[0].port), Room(MUTED, "127.0.0.1", sims[1].port)]
    for room in rooms:
        secrets.set(room.name, PASSWORD)

    def console_session(room: Room) -> SessionDriver:
        session = RoomSession(
            room.name, Endpoint(room.host, room.port, PASSWORD), open_storage=lambda: Storage(url), backoff_initial=0.1
        )
        return SessionDriver(session).start()

    console = console_session(rooms[0])
    heard = Heard()
    studio = DirectStudio(rooms, secrets, lambda: Storage(url), skip=[HEALTHY], backoff_initial=0.1)
    try:
        studio.subscribe(heard.changed, lambda problem, detail: None)
        prep = Checklist("开播检查", Prep.RUNNING, 5, 12)
        studio.adopt(console.session, lambda: prep)  # the console's pre-show checklist, on its own room's tile
        assert studio.session(HEALTHY) is console.session, "the console's own session is the tile's"
        wait_until(lambda: len(heard.statuses.get(HEALTHY, [])) >= 2, 20, message="the console's room reported")
        assert heard.newest(HEALTHY).checklist == prep  # type: ignore[union-attr]
        assert studio.driver(HEALTHY) is None, "no second connection to the console's room"
        walls_b, walls_b_driver = studio.session(MUTED), studio.driver(MUTED)
        assert walls_b is not None and walls_b is not console.session and walls_b_driver is not None

        # The console moves to B: its session of A closes (as the bridge does), a new one opens on B.
        console.stop()
        console = console_session(rooms[1])
        studio.adopt(console.session)
        assert studio.session(MUTED) is console.session
        assert studio.driver(MUTED) is None
        wait_until(lambda: not walls_b_driver.alive, 15, message="the wall's own B session stopped")
        wait_until(
            lambda: studio.driver(HEALTHY) is not None,
            15,
            message="room A run by the wall again",
        )
        a_again = studio.session(HEALTHY)
        assert a_again is not None and a_again is not console.session
        # Its show is opened under the room by its driver's first turn (RoomSession.name is None until then).
        wait_until(lambda: a_again.name == HEALTHY, 15, message="the wall's A keeps its show under room A")
        wait_until(lambda: a_again.status.state.value == "connected", 15, message="the wall's A connected")
        wait_until(lambda: len(heard.statuses.get(MUTED, [])) >= 2, 20, message="B reported from the console's")
    finally:
        studio.close()
        console.stop()
    assert console.session.name == MUTED


def _pre_show(room: str, operator: str) -> ChecklistRun:
    return ChecklistRun(load_all()[0]["host-assistant-pre-show"], operator, room)


def test_a_pre_show_list_done_on_another_console_or_before_a_restart_is_the_rooms_prep_on_the_wall(
    sims: list[SimulatorThread], storage: Storage, memory_keyring: MemoryKeyring
) -> None:
    """walk22: room A's list completed by 王丽 and room B's by Tom, then the supervisor's wall read "Prep: not
    started" for both — a room run by the wall has no run in memory, nor has the console's own room after a restart.
    The room's newest stored pre-show run is its preparation: the console's own room (adopted, its console holding
    no run) and a room the wall runs alike; a run a show already went live with is that show's, not the next one's."""
    rooms = [Room(HEALTHY, "127.0.0.1", sims[0].port), Room(MUTED, "127.0.0.1", sims[1].port)]
    secrets = Secrets()
    for room in rooms:
        secrets.set(room.name, PASSWORD)
    done = _pre_show(HEALTHY, "王丽")
    for item in done.template.items:  # every required item done; an optional one not checkable in this room
        done.states[item.id] = ItemState(ItemStatus.PASSED if item.required else ItemStatus.ERROR)
    done.complete("王丽")
    storage.save_run(done, "zh_CN")
    running = _pre_show(MUTED, "Tom Chen")
    first = running.template.items[0]
    running.states[first.id] = ItemState(ItemStatus.PASSED)
    storage.save_run(running)

    console = SessionDriver(
        RoomSession(HEALTHY, Endpoint("127.0.0.1", sims[0].port, PASSWORD), open_storage=lambda: Storage(storage.url))
    ).start()
    heard = Heard()
    studio = DirectStudio(rooms, secrets, lambda: Storage(storage.url), skip=[HEALTHY], backoff_initial=0.1)
    try:
        studio.subscribe(heard.changed, lambda problem, detail: None)
        studio.adopt(console.session, lambda: None)  # the console restarted: it holds no run of its room

        def prep(room: str) -> Checklist | None:
            status = heard.newest(room)
            return None if status is None else status.checklist

        total = len(done.template.items)
        wait_until(lambda: prep(HEALTHY) is not None, 20, message="the console's room's stored list on its tile")
        assert prep(HEALTHY) == Checklist(done.template.title["en"], Prep.PASSED, total - 2, total, 0)
        wait_until(lambda: prep(MUTED) is not None, 20, message="the wall's room's stored list on its tile")
        assert prep(MUTED) == Checklist(running.template.title["en"], Prep.RUNNING, 1, total, 0)

        # Room A goes live with a new list, kept as it stood at go-live: the next show's prep has not started, and
        # the list says how its show went live with it (not ready, nobody having gone live anyway).
        rushed = _pre_show(HEALTHY, "王丽")
        rushed.freeze_at_go_live()
        storage.save_run(rushed)
        wait_until(
            lambda: (seen := prep(HEALTHY)) is not None and seen.went_live is WentLive.NOT_READY,
            20,
            message="a list a show went live with is not the next one's",
        )
        assert rushed.ended_at is not None
        assert prep(HEALTHY) == Checklist(
            rushed.template.title["en"], Prep.NOT_STARTED, 0, total, 0, WentLive.NOT_READY, "", None,
            rushed.ended_at.timestamp(),
        )  # fmt: skip
    finally:
        studio.close()
        console.stop()
