"""A lost OBS said for what it is, headless and on the studio wall (walk11: a killed OBS was reported as frozen,
"the stream may still be running", for as long as it was gone; the wall never said it was gone).

Each room is a real RoomSession driven by its SessionDriver over the real protocol to a simulated OBS, on air, and
then loses its OBS one way: the simulator killed (its port refuses: nothing listens there), frozen (the connection
stays open, nothing answers), or the network to it cut (a relay that stops passing anything and whose port drops
new connections unanswered, as a blackholed address does). Each must bring its own finding — words, remedies,
severity — and the tile built from the room's status (what the wall shows, in direct and shared mode alike) must
say the same."""

from __future__ import annotations

import contextlib
import json
import select
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.core.session import Endpoint, RoomSession, SessionDriver
from console.core.studio.snapshot import room_status
from console.core.studio.status import Light, OpenFinding, RoomStatus
from console.i18n import install_translator, remove_translators
from obs.health import Finding
from obs.simulator.server import SimulatorThread
from obs.text import Message
from obs.vocabulary import CATEGORIES
from tests.conftest import PASSWORD
from widgets import studio_text as st
from widgets.studio_tile import StudioTile


class Relay:
    """A TCP relay between the console and a simulated OBS, whose `cut()` is the network between them going
    away: nothing more passes either way on the open connection, and its port (listening with a full accept
    queue) drops new connections' SYNs unanswered, so a connection attempt times out as it does to a blackholed
    address — the kernel's own behaviour, no firewall needed."""

    def __init__(self, target_port: int) -> None:
        self.target = ("127.0.0.1", target_port)
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(0)  # an accept queue of one: the filler below fills it
        self.port = self.listener.getsockname()[1]
        self.cut_off = threading.Event()
        self.closed = threading.Event()
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, name="relay-accept", daemon=True).start()

    def _accept(self) -> None:
        while not self.closed.is_set() and not self.cut_off.is_set():
            ready, _, _ = select.select([self.listener], [], [], 0.05)
            if not ready or self.cut_off.is_set():
                continue
            near, _ = self.listener.accept()
            far = socket.create_connection(self.target)
            self.sockets += [near, far]
            for a, b in ((near, far), (far, near)):
                threading.Thread(target=self._pump, args=(a, b), name="relay-pump", daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while not self.closed.is_set() and not self.cut_off.is_set():
                ready, _, _ = select.select([source], [], [], 0.05)
                if not ready or self.cut_off.is_set():
                    continue
                data = source.recv(65536)
                if not data:
                    return
                sink.sendall(data)

    def cut(self) -> None:
        self.cut_off.set()
        time.sleep(0.1)  # the accept loop has stopped taking connections
        self.sockets.append(socket.create_connection(("127.0.0.1", self.port), timeout=2.0))  # the queue: full

    def close(self) -> None:
        self.closed.set()
        for sock in [*self.sockets, self.listener]:
            with contextlib.suppress(OSError):
                sock.close()


@pytest.fixture
def sim() -> Iterator[SimulatorThread]:
    made = SimulatorThread(password=PASSWORD, seed=11).start()
    try:
        yield made
    finally:
        made.stop()


def on_air_room(port: int, **link: Any) -> SessionDriver:
    """A room's session, headless, connected and on air (its health engine has seen it streaming)."""
    session = RoomSession("一号直播间", Endpoint("127.0.0.1", port, PASSWORD), store=False, **link)
    driver = SessionDriver(session).start()
    assert driver.wait_connected(10.0)
    return driver


def wait_for(what: str, condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.05)


def lost_finding(session: RoomSession, cause: str) -> Finding | None:
    with session.lock:
        return next(
            (f for f in session.health.active() if f.id == "obs_unreachable" and f.fields.get("cause") == cause), None
        )


def go_on_air(sim: SimulatorThread, session: RoomSession) -> None:
    sim.call(lambda s: s.room.start_output(s.room.stream, s.now()))
    wait_for("a polled second on air", lambda: session.health.on_air_before_loss)


def tile_of(session: RoomSession) -> StudioTile:
    now = time.time()
    return StudioTile(room_status(session, now=now, console="test"), now)


def finding_line(tile: StudioTile) -> str:
    """The tile's finding line as a pointer over it is told (the whole of it, however the tile cut it)."""
    centre = tile.rect_of("finding").center()
    return tile.tooltip_at(centre.x(), centre.y())


def connection_light(tile: StudioTile) -> str:
    for category, rect in tile._dots:
        if category == "connection":
            return tile.tooltip_at(rect.center().x(), rect.center().y())
    raise AssertionError("no connection light")


def test_a_killed_obs_is_said_closed_and_no_longer_streaming_not_frozen(qtbot: QtBot, sim: SimulatorThread) -> None:
    driver = on_air_room(sim.port, backoff_initial=0.2, backoff_max=0.5)
    try:
        session = driver.session
        go_on_air(sim, session)
        sim.run(sim.sim.kill())  # type: ignore[union-attr]  # connections aborted, the port refuses
        wait_for("the finding of a closed OBS", lambda: lost_finding(session, "closed") is not None)
        finding = lost_finding(session, "closed")
        assert finding is not None and finding.severity == "critical", "it was on air"
        text = finding.message
        assert text.startswith("OBS is closed or has crashed: nothing has listened on 127.0.0.1:")
        assert "no longer streaming" in text and "may still be running" not in text, text
        assert "Start OBS again" in finding.remedies[0]
        tile = tile_of(session)
        qtbot.addWidget(tile)
        assert finding_line(tile).startswith("OBS is closed or has crashed"), finding_line(tile)
        assert tile.colour("finding") == st.RED
        assert tile.light("connection") == Light.CRITICAL
        assert connection_light(tile) == "Connection: critical · OBS lost"
    finally:
        driver.stop()


def test_a_frozen_obs_is_said_frozen_with_its_stream_maybe_running(qtbot: QtBot, sim: SimulatorThread) -> None:
    driver = on_air_room(sim.port, heartbeat_timeout=0.5, unresponsive_drop_after=600.0)
    try:
        session = driver.session
        go_on_air(sim, session)
        sim.call(lambda s: s.freeze())
        wait_for("the finding of a frozen OBS", lambda: lost_finding(session, "frozen") is not None)
        finding = lost_finding(session, "frozen")
        assert finding is not None and finding.severity == "critical"
        assert finding.message.startswith("OBS has not answered for ")
        assert "frozen or overloaded (its connection is still open)" in finding.message
        assert "The stream may still be running" in finding.message
        assert "Not Responding" in finding.remedies[0]
        tile = tile_of(session)
        qtbot.addWidget(tile)
        assert "frozen or overloaded" in finding_line(tile) and tile.colour("finding") == st.RED
    finally:
        sim.call(lambda s: s.thaw())
        driver.stop()


def test_an_unreachable_obs_computer_is_said_as_the_network(qtbot: QtBot, sim: SimulatorThread) -> None:
    relay = Relay(sim.port)
    driver = on_air_room(
        relay.port, heartbeat_timeout=0.5, unresponsive_drop_after=1.0, connect_timeout=1.0, backoff_initial=0.2
    )
    try:
        session = driver.session
        go_on_air(sim, session)
        relay.cut()
        wait_for("the finding of an unreachable OBS computer", lambda: lost_finding(session, "unreachable") is not None)
        finding = lost_finding(session, "unreachable")
        assert finding is not None and finding.severity == "critical"
        assert finding.message.startswith(f"The OBS computer (127.0.0.1:{relay.port}) has not answered on the network")
        assert "The stream may still be running" in finding.message
        assert "Check the network" in finding.remedies[0]
        tile = tile_of(session)
        qtbot.addWidget(tile)
        assert "has not answered on the network" in finding_line(tile)
    finally:
        driver.stop()
        relay.close()


# ---------------------------------------------------------------------- the tile's headline, in either language
T0 = 1_800_000_000.0
CPU = "The computer's CPU is at {total:.0f} % (OBS {obs:.0f} %, other programs {others:.0f} %)."
FROZEN = (
    "OBS has not answered for {seconds:.0f} s: it is frozen or overloaded (its connection is still open). "
    "The stream may still be running, but nothing here can see or control it."
)


def status_of(*findings: OpenFinding, link: str = "connected", cause: str = "") -> RoomStatus:
    lights = {str(c): Light.UNKNOWN for c in CATEGORIES}
    return RoomStatus("二号直播间", T0, T0, link=link, link_cause=cause, on_air=True, lights=lights, findings=findings)


def test_a_lost_obs_leads_the_tile_before_an_older_or_worse_finding(qtbot: QtBot) -> None:
    """walk11: while OBS was frozen the tile showed the CPU sentence (opened earlier) instead of OBS not answering."""
    cpu = OpenFinding(
        "cpu_saturated", "system", "critical", Message(CPU, {"total": 100, "obs": 40, "others": 60}, "Health"), T0 - 60
    )
    frozen = OpenFinding("obs_unreachable", "connection", "warning", Message(FROZEN, {"seconds": 8}, "Health"), T0 - 5)
    tile = StudioTile(status_of(cpu, frozen, link="unresponsive", cause="frozen"), T0)
    qtbot.addWidget(tile)
    assert finding_line(tile).startswith("OBS has not answered for 8 s: it is frozen"), finding_line(tile)
    # Before its finding opens (3 s), the link's own words lead: what OBS said before is no longer news.
    tile.set_status(status_of(cpu, link="reconnecting", cause="closed"))
    assert finding_line(tile) == "OBS closed or crashed: nothing listens where it was"
    tile.set_status(status_of(cpu, link="unresponsive", cause="frozen"))
    assert finding_line(tile) == "OBS is not answering: frozen or overloaded"
    tile.set_status(status_of(cpu, link="reconnecting", cause="unreachable"))
    assert finding_line(tile) == "the OBS computer does not answer on the network"
    # Shared mode: the cause travels with the status a room's console publishes, and reads the same on the wall.
    published = RoomStatus.from_json(
        json.loads(json.dumps(status_of(cpu, link="reconnecting", cause="closed").to_json()))
    )
    assert published.link_cause == "closed"
    tile.set_status(published)
    assert finding_line(tile) == "OBS closed or crashed: nothing listens where it was"
    # Connected again: the CPU is news again.
    tile.set_status(status_of(cpu))
    assert finding_line(tile).startswith("The computer's CPU is at 100 %")


def test_a_lost_obs_is_said_in_chinese_on_the_tile(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    translators = install_translator(app, "zh_CN")
    try:
        frozen = OpenFinding("obs_unreachable", "connection", "critical", Message(FROZEN, {"seconds": 8}, "Health"), T0)
        tile = StudioTile(status_of(frozen, link="unresponsive", cause="frozen"), T0)
        qtbot.addWidget(tile)
        line = finding_line(tile)
        assert "8" in line and "OBS" in line and "frozen" not in line and "answered" not in line, line
        tile.set_status(status_of(link="reconnecting", cause="closed"))
        assert "OBS" in finding_line(tile) and "closed" not in finding_line(tile), finding_line(tile)
        lit = StudioTile(status_of(frozen, link="unresponsive", cause="frozen"), T0)
        qtbot.addWidget(lit)
        assert connection_light(lit).endswith(" · OBS 失联"), connection_light(lit)
    finally:
        remove_translators(app, translators)


# ---------------------------------------------------------------------- on air or not, once the link dropped OBS
def go_live(session: RoomSession) -> None:
    """Go live as the Output dock does (OBS says so with StreamStateChanged), and a polled second on air."""

    def start() -> None:
        session.request("StartStream")

    session.call_soon(start)
    wait_for("OBS said it is live", lambda: session.state.stream.active and session.health.on_air_before_loss)


def test_a_frozen_obs_dropped_by_the_link_stays_on_air_last_known_on_the_wall(
    qtbot: QtBot, sim: SimulatorThread
) -> None:
    """walk15 F4: ~15 s into a freeze the link drops the connection and the tile flipped to grey OFF AIR with
    "Prep: not started", and the header stopped counting it live, while the stream's fate was unknown."""
    driver = on_air_room(sim.port, heartbeat_timeout=0.5, unresponsive_drop_after=1.0, backoff_initial=0.2)
    try:
        session = driver.session
        go_live(session)
        sim.call(lambda s: s.freeze())
        wait_for("the link dropped the frozen OBS", lambda: session.status.state.value == "reconnecting")
        status = room_status(session, now=time.time(), console="test")
        assert status.on_air and status.on_air_last_known and status.on_air_since is not None
        tile = tile_of(session)
        qtbot.addWidget(tile)
        assert tile.text("tally") == "ON AIR (last known)" and tile.colour("tally") == st.TALLY_RED
        assert not tile.text("prep").startswith("Prep"), tile.text("prep")
    finally:
        sim.call(lambda s: s.thaw())
        driver.stop()


def test_a_killed_obs_on_air_is_said_no_longer_streaming_not_a_room_yet_to_start(
    qtbot: QtBot, sim: SimulatorThread
) -> None:
    driver = on_air_room(sim.port, backoff_initial=0.2, backoff_max=0.5)
    try:
        session = driver.session
        go_live(session)
        sim.run(sim.sim.kill())  # type: ignore[union-attr]
        wait_for("the link found nothing listening", lambda: str(session.status.loss or "") == "closed")
        status = room_status(session, now=time.time(), console="test")
        assert not status.on_air and status.streaming_when_lost and status.stream_gone
        assert RoomStatus.from_json(json.loads(json.dumps(status.to_json()))).stream_gone, "shared mode too"
        tile = tile_of(session)
        qtbot.addWidget(tile)
        assert tile.text("tally") == "OFF AIR"
        assert tile.text("prep") == "OBS closed or crashed — no longer streaming" and tile.colour("prep") == st.RED
    finally:
        driver.stop()


def test_a_stream_cut_by_a_lost_obs_leads_the_tile_before_an_older_critical_finding(qtbot: QtBot) -> None:
    """By hand: OBS killed on air and started again; the tile's line named the CPU (critical since earlier) and the
    only trace of the show being off air was below it."""
    cpu = OpenFinding(
        "cpu_saturated", "system", "critical", Message(CPU, {"total": 100, "obs": 6, "others": 94}, "Health"), T0 - 300
    )
    cut = OpenFinding(
        "stream_not_resumed",
        "connection",
        "critical",
        Message(
            "The stream did not resume after OBS was lost at {lost_at} — go live again. OBS answers again but is not "
            "streaming: viewers have had no picture since then.",
            {"lost_at": "10:40:28"},
            "Health",
        ),
        T0,
    )
    tile = StudioTile(replace(status_of(cpu, cut), on_air=False), T0)
    qtbot.addWidget(tile)
    assert finding_line(tile).startswith("The stream did not resume after OBS was lost at 10:40:28")
    assert tile.text("prep") == "Stream cut — go live again"


def test_a_product_video_obs_cannot_play_is_named_so_on_the_wall_tiles_light(qtbot: QtBot) -> None:
    """tech17: the Health dock and the graphs say a product video whose file OBS could not open "cannot be played";
    the wall tile's audio light still named it "silent" (the title was looked up by the finding's id alone)."""
    unplayable = OpenFinding(
        "product_silent",
        "audio",
        "warning",
        Message("{inputs} {file}", {"inputs": "商品视频", "file": "/media/x.mp4", "unplayable": True}, "Health"),
        T0 - 20,
    )
    tile = StudioTile(status_of(unplayable), T0)
    qtbot.addWidget(tile)
    (rect,) = [rect for category, rect in tile._dots if category == "audio"]
    assert tile.tooltip_at(rect.center().x(), rect.center().y()).endswith(" · Product video cannot be played")
