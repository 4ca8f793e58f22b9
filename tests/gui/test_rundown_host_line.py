"""The line for the host is kept with the room's running show: a console restarted mid-show (its bridge, session
and rundown controller made anew on the same database) shows the same line on its talent screen, without the
flash a new line gets, while the show carries on at the same segment; a second console of the room on the same
database shows a line the first one sends, as new; a cleared line stays cleared after a restart; a new show
starts with no line. On real SQLite and on the suite's PostgreSQL server, against the simulator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from console.bridge import ObsBridge
from console.core.rundown.model import Rundown, Segment
from console.core.session import Endpoint
from console.core.storage import Storage, default_url
from console.rundown_controller import RundownController
from console.settings import Settings
from console.telemetry_controller import TelemetryController
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from widgets.rundown_port import RundownPort
from widgets.talent_screen import TalentScreen

PLAN = Rundown("demo", (Segment("开场", 300, key="open"), Segment("福袋", 120, key="bag")))


@dataclass
class Console:
    """What of a console the line goes through: the bridge (its session keeps the show), the telemetry's storage
    options, the rundown controller and a talent screen open on it."""

    bridge: ObsBridge
    telemetry: TelemetryController
    rundown: RundownController
    screen: TalentScreen

    @property
    def show_id(self) -> int | None:
        session = self.bridge.session
        return session.show_id if session is not None else None

    closed: bool = False

    def close(self) -> None:
        """The console quits mid-show (a crash or a forced update ends it the same way for the stored show: it
        stays open and the next start within RESUME_S resumes it)."""
        self.screen.close()  # it deletes itself (WA_DeleteOnClose)
        self.rundown.shutdown()
        self.bridge.shutdown()
        self.telemetry.shutdown()
        self.closed = True


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "postgresql":
        monkeypatch.setenv("ONAIR_DATABASE_URL", request.getfixturevalue("postgres_url"))
    return default_url()


@pytest.fixture
def start(qtbot: QtBot, sim: SimulatorThread, settings: Settings, database: str) -> Iterator[Callable[[str], Console]]:
    """Start a console in the demo room on the simulator, on the test's database, with its talent screen open
    before the line can come back (as the console reopens it at start); wait for the room's show to be open."""
    made: list[Console] = []

    def factory(operator: str) -> Console:
        bridge = ObsBridge(backoff_initial=0.1, backoff_max=0.5)
        telemetry = TelemetryController(bridge, storage_url=database)
        rundown = RundownController(bridge, lambda: operator, database)
        assert isinstance(rundown, RundownPort)
        screen = TalentScreen(rundown, bridge, telemetry, settings)
        screen.resize(QSize(960, 540))
        screen.show()
        qtbot.waitExposed(screen)
        bridge.connect_to(Endpoint("127.0.0.1", sim.port, PASSWORD), None, True)
        console = Console(bridge, telemetry, rundown, screen)
        made.append(console)
        qtbot.waitUntil(lambda: console.show_id is not None, timeout=20000)
        return console

    yield factory
    for console in made:
        if not console.closed:
            console.close()


def stored_line(database: str, show_id: int) -> str | None:
    """The show's line as the database holds it now (None: never set), read by a Storage of its own."""
    storage = Storage(database)
    try:
        line = storage.host_line(show_id)
    finally:
        storage.close()
    return None if line is None else line.text


def line_read_back(qtbot: QtBot, console: Console) -> None:
    """Wait until the console has read the show's line from storage (its first read after the show opened)."""
    qtbot.waitUntil(lambda: not console.rundown._line_restoring and not console.rundown._line_reading, timeout=10000)


def test_a_console_restarted_mid_show_shows_the_hosts_line_again_without_the_flash(
    qtbot: QtBot, start: Callable[[str], Console], database: str
) -> None:
    first = start("场控小李")
    qtbot.waitUntil(lambda: first.rundown.rundown.room == "demo", timeout=10000)
    first.rundown.save(PLAN)
    qtbot.waitUntil(lambda: first.rundown.rundown.segments == PLAN.segments, timeout=10000)
    first.rundown.go()
    assert first.rundown.position.current is not None and first.rundown.position.current.key == "open"
    line = "30 s to the giveaway"
    first.rundown.send_message(line)
    assert first.screen.text("message") == line and first.screen.flashing, "a new line flashes"
    show_id = first.show_id
    assert show_id is not None
    qtbot.waitUntil(lambda: stored_line(database, show_id) == line, timeout=10000)
    first.close()

    again = start("场控小王")
    assert again.show_id == show_id, "the restarted console resumes the show"
    qtbot.waitUntil(lambda: again.screen.text("message") == line, timeout=10000)
    assert again.rundown.message == line and again.rundown.message_restored
    assert not again.screen.flashing, "the line the host already saw comes back without the flash"
    qtbot.waitUntil(lambda: again.rundown.position.current is not None, timeout=10000)
    current = again.rundown.position.current
    assert current is not None and current.key == "open", "the show carries on at the same segment"

    # Cleared by the assistant, it stays cleared through the next restart.
    again.rundown.send_message("")
    assert again.screen.text("message") == ""
    qtbot.waitUntil(lambda: stored_line(database, show_id) == "", timeout=10000)
    again.close()
    third = start("场控小李")
    assert third.show_id == show_id
    line_read_back(qtbot, third)
    assert third.rundown.message == "" and third.screen.text("message") == ""


def test_a_second_console_of_the_room_shows_the_line_the_first_sends(
    qtbot: QtBot, start: Callable[[str], Console], database: str
) -> None:
    first = start("场控小李")
    second = start("场控小王")
    assert second.show_id == first.show_id, "both consoles keep the room's one running show"
    line_read_back(qtbot, second)
    line = "smile — you're on the wide shot"
    first.rundown.send_message(line)
    qtbot.waitUntil(lambda: second.screen.text("message") == line, timeout=15000)
    assert second.screen.flashing and not second.rundown.message_restored, "a line sent now is new on every screen"
    second.rundown.send_message("")
    qtbot.waitUntil(lambda: first.screen.text("message") == "", timeout=15000)
    assert first.rundown.message == ""


def test_the_end_of_the_rundown_takes_the_line_off_the_hosts_screen(
    qtbot: QtBot, start: Callable[[str], Console], database: str
) -> None:
    console = start("场控小李")
    qtbot.waitUntil(lambda: console.rundown.rundown.room == "demo", timeout=10000)
    console.rundown.save(PLAN)
    qtbot.waitUntil(lambda: console.rundown.rundown.segments == PLAN.segments, timeout=10000)
    console.rundown.go()
    console.rundown.send_message("上链接")
    console.rundown.end()
    assert console.rundown.position.finished
    assert console.screen.text("message") == "", "no stale line under “Show ended”"
    show_id = console.show_id
    assert show_id is not None
    qtbot.waitUntil(lambda: stored_line(database, show_id) == "", timeout=10000)
    console.rundown.send_message("Thanks, wave goodbye")
    assert console.screen.text("message") == "Thanks, wave goodbye", "a line sent after the end stays"


def test_a_new_show_starts_without_the_last_shows_line(
    qtbot: QtBot, start: Callable[[str], Console], database: str
) -> None:
    console = start("场控小李")
    console.rundown.send_message("上链接")
    show_id = console.show_id
    assert show_id is not None
    qtbot.waitUntil(lambda: stored_line(database, show_id) == "上链接", timeout=10000)
    # Another room ends the demo room's show; coming back opens a new one, with no line.
    console.bridge.set_room("二号直播间", False)
    assert console.rundown.message == "" and console.screen.text("message") == "", "never another room's line"
    qtbot.waitUntil(lambda: console.show_id not in (None, show_id), timeout=20000)
    other_show = console.show_id
    console.bridge.set_room(None, True)
    qtbot.waitUntil(
        lambda: console.show_id not in (None, show_id, other_show) and console.bridge.room_key == "demo", timeout=20000
    )
    line_read_back(qtbot, console)
    assert console.rundown.message == "" and console.screen.text("message") == ""
