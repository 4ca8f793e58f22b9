"""RundownController in the console on the simulator: Go from the controller switches program and logs the boundary
with the operator's name; a scene missing in OBS is refused with the reason in the event log and as a problem,
the boundary still stamped and stored; the position is said once a second while a segment runs."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.core.rundown.live import DONE, REFUSED
from console.core.rundown.model import Position, Product, Rundown, Segment
from console.core.storage import Storage, default_url
from console.mainwindow import MainWindow
from console.rundown_controller import RundownController
from console.settings import Settings
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from widgets.rundown_port import RundownPort


def test_go_switches_logs_and_refuses_a_missing_scene(
    qtbot: QtBot, sim: SimulatorThread, settings: Settings, make_window: Callable[..., MainWindow]
) -> None:
    settings.set("checklists/operator", "小王")
    window = make_window(sim.port, demo=True)
    wait_connected(qtbot, window)
    controller = window.rundown
    assert isinstance(controller, RundownController) and isinstance(controller, RundownPort)
    session = window.bridge.session
    assert session is not None
    qtbot.waitUntil(lambda: session.show_id is not None, timeout=15000)
    assert controller.scenes == tuple(window.bridge.state.scenes)
    other = next(name for name in controller.scenes if name != window.bridge.state.program_scene)
    plan = Rundown(
        "demo",
        (
            Segment("开场", 120, scene=other, key="open"),
            Segment("福袋", 60, scene="没有这个画面", key="bag"),
            Segment("收尾", 60, key="close"),
        ),
    )
    # The room's stored plan, read at start on the controller's worker, is taken before the test's own: a loaded
    # machine's late answer would otherwise replace the plan under the second Go.
    controller._worker.submit(lambda: None).result(timeout=10)
    QApplication.processEvents()
    controller.runner.set_plan(plan)  # as the plan loaded from storage would be (rundown-store's part)
    positions: list[Position] = []
    problems: list[str] = []
    controller.sig_position_changed.connect(positions.append)
    controller.sig_problem.connect(problems.append)

    controller.arm()
    assert controller.position.armed and controller.position.next is not None
    assert controller.position.next.key == "open"
    controller.go()
    qtbot.waitUntil(lambda: window.bridge.state.program_scene == other, timeout=10000)
    qtbot.waitUntil(lambda: controller.runner.marks[0].outcome == DONE, timeout=10000)
    assert positions[-1].current is not None and positions[-1].current.key == "open"
    assert any("开场" in text and "小王" in text for _who, text in window.event_log.lines())
    # The position comes again with the session's seconds while the segment runs.
    seen = len(positions)
    qtbot.waitUntil(lambda: len(positions) >= seen + 2, timeout=5000)
    assert positions[-1].elapsed_s > 0 and positions[-1].remaining_s is not None

    controller.go()
    assert controller.runner.marks[1].outcome == REFUSED
    assert controller.position.current is not None and controller.position.current.key == "bag"
    assert problems and "没有这个画面" in problems[-1]
    assert any("没有这个画面" in text for _who, text in window.event_log.lines()), "the event log says so"
    assert window.bridge.state.program_scene == other

    # An action that does not apply is said in words, not raised.
    controller.end()
    controller.end()
    assert problems[-1] == "The rundown has already ended."
    show_id = session.show_id
    assert show_id is not None

    controller.send_message("  上链接  ")
    assert controller.message == "上链接"
    window.bridge.shutdown()  # the writer's last rows are written
    controller._worker.submit(lambda: None).result(timeout=10)  # the marks: claimed by the controller's worker
    storage = Storage(default_url())
    try:
        stored = storage.rundown_marks(show_id)
    finally:
        storage.close()
    assert [(m.key, m.action, m.who, m.outcome) for m in stored] == [
        ("open", "go", "小王", DONE),
        ("bag", "go", "小王", REFUSED),
        ("bag", "end", "小王", ""),
    ]


def test_insert_on_the_fly_becomes_next(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(sim.port, demo=True)
    wait_connected(qtbot, window)
    controller = window.rundown
    assert isinstance(controller, RundownController)
    controller.runner.set_plan(Rundown("demo", (Segment("开场", 60, key="a"), Segment("收尾", 60, key="b"))))
    controller.go()
    controller.insert_next(Segment("抽奖", 30, key="x"))
    assert controller.position.next is not None and controller.position.next.key == "x"
    controller.go()
    assert controller.runner.marks[-1].action == "insert"


def test_the_event_log_names_each_take_by_its_product(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    """Three segments a sheet titles “主推款” were three alike 'Go: “主推款”' lines in the event log: each says its
    product and price, as the talent screen does."""
    window = make_window(sim.port, demo=True)
    wait_connected(qtbot, window)
    controller = window.rundown
    assert isinstance(controller, RundownController)
    session = window.bridge.session
    assert session is not None
    qtbot.waitUntil(lambda: session.show_id is not None, timeout=15000)
    controller._worker.submit(lambda: None).result(timeout=10)
    QApplication.processEvents()
    plan = Rundown(
        "demo",
        (
            Segment("主推款", 120, product=Product("玻尿酸精华", Decimal("199")), key="a"),
            Segment("主推款", 120, product=Product("持妆粉底液", Decimal("9.9")), key="b"),
            Segment("持妆粉底液返场", 60, product=Product("持妆粉底液"), key="c"),
        ),
    )
    controller.runner.set_plan(plan)
    controller.go()
    controller.go()
    controller.go()
    lines = [text for _who, text in window.event_log.lines()]
    assert any("“主推款 · 玻尿酸精华 · ¥199”" in text for text in lines), lines
    assert any("“主推款 · 持妆粉底液 · ¥9.90”" in text for text in lines), lines
    assert any("“持妆粉底液返场”" in text for text in lines), "a product the title names is not said twice"


def test_a_length_changed_on_air_is_stamped_on_the_show_and_said(
    qtbot: QtBot, sim: SimulatorThread, settings: Settings, make_window: Callable[..., MainWindow]
) -> None:
    """The planner cuts the segment on air from 5 to 3 minutes in the dock: the live strip counts 3 at once, and
    the show keeps the change (a LENGTH mark: to what, when, by whom) beside the 5 of its Go — the review measured
    the segment against 5 minutes while the strip had said it ran over 3."""
    settings.set("checklists/operator", "策划小李")
    window = make_window(sim.port, demo=True)
    wait_connected(qtbot, window)
    controller = window.rundown
    assert isinstance(controller, RundownController)
    session = window.bridge.session
    assert session is not None
    qtbot.waitUntil(lambda: session.show_id is not None, timeout=15000)
    controller._worker.submit(lambda: None).result(timeout=10)
    QApplication.processEvents()
    plan = Rundown("demo", (Segment("主推款", 300, key="a"), Segment("下播", 60, key="b")))
    controller.save(plan)
    qtbot.waitUntil(lambda: controller.rundown.index_of("a") is not None, timeout=5000)
    controller.go()
    controller.save(Rundown("demo", (Segment("主推款", 180, key="a"), Segment("下播", 60, key="b"))))
    qtbot.waitUntil(lambda: any(m.action == "length" for m in controller.runner.marks), timeout=5000)
    position = controller.position
    assert position.current is not None and position.current.planned_s == 180
    assert position.remaining_s is not None and position.remaining_s <= 180
    assert any("“主推款”" in text and "3:00" in text and "策划小李" in text for _who, text in window.event_log.lines())
    show_id = session.show_id
    assert show_id is not None
    controller._worker.submit(lambda: None).result(timeout=10)
    QApplication.processEvents()
    controller._worker.submit(lambda: None).result(timeout=10)  # the claim, after the save's answer
    storage = Storage(default_url())
    try:
        stored = storage.rundown_marks(show_id)
    finally:
        storage.close()
    assert [(m.key, m.action, m.planned_s, m.who) for m in stored] == [
        ("a", "go", 300, "策划小李"),
        ("a", "length", 180, "策划小李"),
    ]


def test_a_length_imported_from_the_command_line_mid_show_is_stamped_and_said(
    qtbot: QtBot,
    sim: SimulatorThread,
    settings: Settings,
    make_window: Callable[..., MainWindow],
    onair: Callable[..., Any],
    tmp_path: Path,
) -> None:
    """A planner on another computer cuts the segment on air from 5 to 3 minutes with `onair rundown import` while
    this console runs the show: the change is stamped on the show (the CLI stamps it, as the dock stamps its
    own), and the console — which shares the database — counts 3 minutes and says in its event log who changed it
    from what to what. Before, the console took the new plan silently and the record held no change at all."""
    settings.set("checklists/operator", "场控小王")
    window = make_window(sim.port, demo=True)
    wait_connected(qtbot, window)
    controller = window.rundown
    assert isinstance(controller, RundownController)
    session = window.bridge.session
    assert session is not None
    qtbot.waitUntil(lambda: session.show_id is not None, timeout=15000)
    controller._worker.submit(lambda: None).result(timeout=10)
    QApplication.processEvents()
    controller.save(Rundown("demo", (Segment("主推款", 300, key="a"), Segment("下播", 60, key="b"))))
    qtbot.waitUntil(lambda: controller.rundown.index_of("a") is not None, timeout=5000)
    controller.go()
    show_id = session.show_id
    assert show_id is not None
    # Go's mark is in the database before the planner's import reads the show.
    qtbot.waitUntil(lambda: not controller._marks_writes, timeout=5000)

    sheet = tmp_path / "plan.csv"
    sheet.write_text("环节,时长\n主推款,3分\n下播,1分\n", encoding="utf-8")
    done = onair("rundown", "import", str(sheet), "--room", "demo", "--by", "策划小李", "--database", default_url())
    assert done.returncode == 0, done.stderr
    assert "“主推款” is on air" in done.stdout and "策划小李" in done.stdout, done.stdout

    said = "“主推款” on air is now planned for 3:00 instead of 5:00 (策划小李)"
    qtbot.waitUntil(lambda: any(text == said for _who, text in window.event_log.lines()), timeout=10000)
    position = controller.position
    assert position.current is not None and position.current.key == "a" and position.current.planned_s == 180
    assert [(m.action, m.planned_s, m.who) for m in controller.runner.marks] == [
        ("go", 300, "场控小王"),
        ("length", 180, "策划小李"),
    ]
    storage = Storage(default_url())
    try:
        stored = storage.rundown_marks(show_id)
    finally:
        storage.close()
    assert [(m.key, m.action, m.planned_s, m.who) for m in stored] == [
        ("a", "go", 300, "场控小王"),
        ("a", "length", 180, "策划小李"),
    ], "one mark: the console that follows it stamps none of its own"


def test_a_database_that_cannot_be_read_is_logged_once_an_outage_not_every_second(
    qtbot: QtBot,
    sim: SimulatorThread,
    make_window: Callable[..., MainWindow],
    monkeypatch: Any,
    caplog: Any,
) -> None:
    """The rundown reads the room's plan and the show's marks every recorded second: with the database down, each
    read's failure was a warning of its own in the console's log — 3,600 identical lines an hour for the technician
    to wade through. One line when the reads start failing, one when they succeed again."""
    import logging

    window = make_window(sim.port, demo=True)
    wait_connected(qtbot, window)
    controller = window.rundown
    assert isinstance(controller, RundownController)
    session = window.bridge.session
    assert session is not None
    qtbot.waitUntil(lambda: session.show_id is not None, timeout=15000)
    real = controller._store

    class Down:
        def rundown_watch(self, room: str, show_id: int | None) -> Any:
            raise ConnectionRefusedError(111, "Connection refused")

    failing = "the room's plan and the show's marks could not be read"
    caplog.set_level(logging.INFO, logger="console.rundown_controller")

    def read_once() -> None:
        qtbot.waitUntil(lambda: not controller._watching, timeout=10000)
        controller._watch()
        qtbot.waitUntil(lambda: not controller._watching, timeout=10000)

    monkeypatch.setattr(controller, "_store", lambda: Down())
    for _ in range(4):
        read_once()
    warned = [r for r in caplog.records if failing in r.getMessage()]
    assert len(warned) == 1 and warned[0].levelno == logging.WARNING
    monkeypatch.setattr(controller, "_store", real)
    read_once()
    assert any("are read again" in r.getMessage() for r in caplog.records)
    assert len([r for r in caplog.records if failing in r.getMessage()]) == 1
