"""Two consoles of one room on one database (the assistant's desk and the streamer's PC) run ONE rundown, on real
SQLite and on the suite's PostgreSQL server, against the simulator: a Go on one is followed by the other within a
couple of seconds — the segment on air, since when, what is next, on its talent screen too, and its event log says
who pressed it; two Go presses at the same moment advance the show once, the desk whose press lost is told in words
who advanced it to what and when, and no mark is lost or overwritten in the database. A Go while the database does
not answer is taken at once, said, and stored when the database answers again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
from tests.conftest import PASSWORD, PostgresCluster
from widgets.talent_screen import TalentScreen

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "rundown" / "rundown-zh.xlsx"
PLAN = Rundown(
    "demo",
    (Segment("开场", 300, key="open"), Segment("福袋抽奖", 120, key="bag"), Segment("收尾", 60, key="close")),
)


@dataclass
class Console:
    bridge: ObsBridge
    telemetry: TelemetryController
    rundown: RundownController
    screen: TalentScreen
    problems: list[str] = field(default_factory=list)
    logged: list[str] = field(default_factory=list)

    @property
    def show_id(self) -> int | None:
        session = self.bridge.session
        return session.show_id if session is not None else None

    def on_air(self) -> str | None:
        current = self.rundown.position.current
        return current.key if current is not None else None

    def close(self) -> None:
        self.screen.close()
        self.rundown.shutdown()
        self.bridge.shutdown()
        self.telemetry.shutdown()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "postgresql":
        monkeypatch.setenv("ONAIR_DATABASE_URL", request.getfixturevalue("postgres_url"))
    url = default_url()
    save_plan(url)
    return url


def save_plan(url: str) -> None:
    storage = Storage(url)
    try:
        storage.migrate()
        storage.save_rundown(PLAN, "策划小林")  # the room's plan, as the consoles read it at start
    finally:
        storage.close()


def make_console(qtbot: QtBot, sim: SimulatorThread, settings: Settings, database: str, operator: str) -> Console:
    """A console of the demo room on the simulator and `database`: bridge, telemetry, rundown controller, talent
    screen; once its show is open and its plan read."""
    bridge = ObsBridge(backoff_initial=0.1, backoff_max=0.5)
    telemetry = TelemetryController(bridge, storage_url=database)
    rundown = RundownController(bridge, lambda: operator, database)
    screen = TalentScreen(rundown, bridge, telemetry, settings)
    screen.resize(QSize(960, 540))
    screen.show()
    qtbot.waitExposed(screen)
    bridge.connect_to(Endpoint("127.0.0.1", sim.port, PASSWORD), None, True)
    console = Console(bridge, telemetry, rundown, screen)
    rundown.sig_problem.connect(console.problems.append)
    rundown.sig_logged.connect(lambda words, _level: console.logged.append(words()))
    try:
        qtbot.waitUntil(lambda: console.show_id is not None, timeout=20000)
        qtbot.waitUntil(lambda: [s.key for s in rundown.rundown.segments] == ["open", "bag", "close"], timeout=10000)
    except BaseException:
        console.close()
        raise
    return console


@pytest.fixture
def start(qtbot: QtBot, sim: SimulatorThread, settings: Settings, database: str) -> Iterator[Callable[[str], Console]]:
    made: list[Console] = []

    def factory(operator: str) -> Console:
        console = make_console(qtbot, sim, settings, database, operator)
        made.append(console)
        return console

    yield factory
    for console in made:
        console.close()


def stored_marks(database: str, show_id: int) -> list[tuple[int, str, str, str]]:
    storage = Storage(database)
    try:
        return [(m.seq, m.key, m.action, m.who) for m in storage.rundown_marks(show_id)]
    finally:
        storage.close()


def test_a_go_on_one_console_is_followed_by_the_other_and_its_talent_screen(
    qtbot: QtBot, start: Callable[[str], Console], database: str
) -> None:
    desk = start("场控小李")
    streamer = start("客服小周")
    assert desk.show_id == streamer.show_id, "both consoles keep the room's one running show"

    desk.rundown.go()
    qtbot.waitUntil(lambda: streamer.on_air() == "open", timeout=10000)
    seen = streamer.rundown.position
    mine = desk.rundown.position
    assert seen.started_at == mine.started_at, "since when: the moment the desk pressed Go"
    assert seen.next is not None and seen.next.key == "bag"
    qtbot.waitUntil(lambda: streamer.screen.text("title").endswith("开场"), timeout=5000)
    assert "福袋抽奖" in streamer.screen.text("next")
    assert any("开场" in line and "场控小李" in line for line in streamer.logged), "its event log says who"

    # The streamer takes the next one from their own PC: the desk follows in turn.
    streamer.rundown.go()
    qtbot.waitUntil(lambda: desk.on_air() == "bag", timeout=10000)
    assert desk.rundown.position.next is not None and desk.rundown.position.next.key == "close"
    qtbot.waitUntil(lambda: len(stored_marks(database, desk.show_id or 0)) == 2, timeout=10000)
    assert stored_marks(database, desk.show_id or 0) == [(0, "open", "go", "场控小李"), (1, "bag", "go", "客服小周")]
    assert not desk.problems and not streamer.problems


def test_two_go_presses_at_the_same_moment_advance_the_show_once_and_the_loser_is_told(
    qtbot: QtBot, start: Callable[[str], Console], database: str
) -> None:
    desk = start("场控小李")
    streamer = start("客服小周")
    desk.rundown.go()
    qtbot.waitUntil(lambda: streamer.on_air() == "open", timeout=10000)

    # Both press Go before either has heard of the other's press.
    desk.rundown.go()
    streamer.rundown.go()
    qtbot.waitUntil(lambda: bool(desk.problems) or bool(streamer.problems), timeout=10000)
    loser, winner = (desk, streamer) if desk.problems else (streamer, desk)
    winner_name = "场控小李" if winner is desk else "客服小周"
    told = loser.problems[-1]
    assert told.startswith("Already advanced to “福袋抽奖” at ") and f"by {winner_name}" in told
    assert not winner.problems, "only the press that lost is told"
    show_id = desk.show_id or 0
    assert stored_marks(database, show_id) == [(0, "open", "go", "场控小李"), (1, "bag", "go", winner_name)]
    qtbot.waitUntil(lambda: loser.on_air() == "bag", timeout=10000)
    for console in (desk, streamer):
        position = console.rundown.position
        assert position.next is not None and position.next.key == "close", "not a double skip"
    assert [m.who for m in loser.rundown.runner.marks] == ["场控小李", winner_name]

    # The loser's next Go is a real one: the show goes on to the closing segment.
    loser.rundown.go()
    qtbot.waitUntil(lambda: winner.on_air() == "close", timeout=10000)
    loser_name = "客服小周" if winner is desk else "场控小李"
    assert stored_marks(database, show_id)[-1] == (2, "close", "go", loser_name)


def test_a_go_while_the_database_does_not_answer_is_taken_said_and_stored_when_it_answers(
    qtbot: QtBot, sim: SimulatorThread, settings: Settings, own_postgres: PostgresCluster
) -> None:
    own_postgres.start()
    database = f"{own_postgres.url}/postgres"
    save_plan(database)
    desk = make_console(qtbot, sim, settings, database, "场控小李")
    try:
        show_id = desk.show_id or 0
        own_postgres.stop()
        desk.rundown.go()
        assert desk.on_air() == "open", "the show does not wait for the database"
        qtbot.waitUntil(lambda: bool(desk.problems), timeout=15000)
        assert "“开场” was taken on this console, but the database did not store it" in desk.problems[-1]
        own_postgres.start()
        qtbot.waitUntil(lambda: stored_marks(database, show_id) == [(0, "open", "go", "场控小李")], timeout=30000)
        qtbot.waitUntil(lambda: not desk.rundown._marks_unstored, timeout=10000)  # its answer taken here
        assert desk.on_air() == "open" and [m.who for m in desk.rundown.runner.marks] == ["场控小李"]
    finally:
        desk.close()


def test_a_segment_inserted_on_the_fly_at_one_desk_is_on_air_at_the_other_with_the_plan_it_joined(
    qtbot: QtBot, start: Callable[[str], Console], database: str
) -> None:
    desk = start("场控小李")
    streamer = start("客服小周")
    desk.rundown.go()
    desk.rundown.insert_next(Segment("加播：秒杀", 90, key="flash"))
    desk.rundown.go()
    qtbot.waitUntil(lambda: streamer.on_air() == "flash", timeout=10000)
    qtbot.waitUntil(lambda: streamer.rundown.rundown.index_of("flash") == 1, timeout=10000)
    position = streamer.rundown.position
    assert position.current is not None and position.current.title == "加播：秒杀" and position.current.planned_s == 90
    assert position.next is not None and position.next.key == "bag", "the plan goes on after the inserted segment"
    assert any("加播：秒杀" in line and "场控小李" in line for line in streamer.logged)


def test_a_plan_imported_with_onair_while_the_console_runs_is_in_its_dock_and_on_its_talent_screen(
    qtbot: QtBot, start: Callable[[str], Console], database: str, onair: Callable[..., Any]
) -> None:
    """walk14 F1: `onair rundown import … --room R` while the console ran on R left its dock at "环节：0" and its
    talent screen empty for minutes; the plan saved by another process is now followed like another desk's Go."""
    desk = start("场控小李")
    done = onair("rundown", "import", str(SAMPLE), "--room", "demo", "--by", "策划小林", "--database", database)
    assert done.returncode == 0, done.stderr
    imported = Storage(database)
    try:
        plan = imported.rundown("demo")
    finally:
        imported.close()
    assert len(plan.segments) == 10
    qtbot.waitUntil(lambda: desk.rundown.rundown.segments == plan.segments, timeout=10000)
    first, second = plan.segments[0], plan.segments[1]
    assert desk.rundown.position.next is not None and desk.rundown.position.next.key == first.key
    qtbot.waitUntil(lambda: first.title in desk.screen.text("next"), timeout=5000)

    desk.rundown.go()
    assert desk.on_air() == first.key, "Go takes the imported plan's first segment"
    qtbot.waitUntil(lambda: desk.screen.text("title").endswith(first.title), timeout=5000)
    assert second.title in desk.screen.text("next")
