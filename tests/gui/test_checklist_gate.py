"""The go-live gate asks one question: the reason when the checklist is not ready, or the usual confirmation."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from checklists.engine import RunEnd
from console.mainwindow import MainWindow
from obs.messages import LinkState
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import obs_round_trip, wait_connected
from tests.gui.test_checklist_dock import make_ready, start_run, stored


def questions(window: MainWindow, monkeypatch: pytest.MonkeyPatch, reason: tuple[str, bool]) -> list[str]:
    """Every question the console asks on the way to going live, answered: the reason given, any confirmation
    accepted."""
    asked: list[str] = []

    def get_text(parent: object, title: str, label: str, *args: object, **kwargs: object) -> tuple[str, bool]:
        asked.append(title)
        return reason

    def confirm(parent: QWidget, title: str, text: str) -> bool:
        asked.append(title)
        return True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    window.output.confirm = confirm
    return asked


def test_going_live_with_a_reason_asks_only_for_the_reason(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    start_run(qtbot, window)  # two manual items open
    asked = questions(window, monkeypatch, ("平台活动准点开始", True))
    window.output.stream_button.click()
    qtbot.waitUntil(lambda: sim.call(lambda s: s.room.stream.active), timeout=5000)
    assert asked == ["The checklist is not ready"], "the reason is the decision: no second question"
    run = window.checklists.run
    assert run is not None and run.go_live_override is not None and run.go_live_override[1] == "平台活动准点开始"
    qtbot.waitUntil(lambda: run.end is RunEnd.WENT_LIVE, timeout=5000)


def test_no_reason_no_question_after_it_and_nothing_goes_on_air(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    start_run(qtbot, window)
    asked = questions(window, monkeypatch, ("", False))
    window.output.stream_button.click()
    assert asked == ["The checklist is not ready"]
    run = window.checklists.run
    assert run is not None and run.is_open and run.go_live_override is None
    assert any("stopped" in what for _, what in window.event_log.lines())
    # A ready list asks the usual question once, and only that one.
    make_ready(qtbot, window)
    asked.clear()
    window.output.stream_button.click()
    qtbot.waitUntil(lambda: sim.call(lambda s: s.room.stream.active), timeout=5000)
    assert asked == ["Go live"]


LAPSED = "The go-live override of 小李 no longer applies: the stream did not start"


def test_an_override_for_a_stream_that_did_not_start_is_not_the_next_go_lives(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    """小李 goes live anyway, but the stream cannot reach the server: the override ends with that attempt. When the
    stream is later started in OBS itself, the run went live by its operator, not "overridden by 小李" (fix23l)."""
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    start_run(qtbot, window)  # two manual items open
    sim.call(lambda s: s.inject("stream-connect-fail"))
    asked = questions(window, monkeypatch, ("平台活动准点开始", True))
    window.output.stream_button.click()
    assert asked == ["The checklist is not ready"]
    run = window.checklists.run
    assert run is not None and run.go_live_override is not None, "the override holds while the stream starts"

    def said() -> bool:
        return any(what.startswith(LAPSED) for _, what in window.event_log.lines())

    qtbot.waitUntil(said, timeout=5000)
    assert run.is_open and run.go_live_override is None
    assert not sim.call(lambda s: s.room.stream.active)
    row = stored(window)
    assert row is not None and (row.go_live_by, row.go_live_reason, row.go_live_at) == (None, None, None)

    sim.call(lambda s: s.clear("stream-connect-fail"))
    sim.call(lambda s: HANDLERS["StartStream"](s, {}))  # started in OBS itself
    qtbot.waitUntil(lambda: run.end is RunEnd.WENT_LIVE, timeout=5000)
    assert run.go_live_override is None and run.ended_by == "小李"
    verdict = window.checklist.verdict_text()
    assert verdict.startswith("WENT LIVE") and "overridden" not in verdict, verdict
    row = stored(window)
    assert row is not None and row.end_state == RunEnd.WENT_LIVE.value and row.go_live_by is None


def test_an_override_whose_stream_starts_is_kept_with_the_go_live(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    start_run(qtbot, window)
    questions(window, monkeypatch, ("平台活动准点开始", True))
    window.output.stream_button.click()
    run = window.checklists.run
    assert run is not None
    qtbot.waitUntil(lambda: run.end is RunEnd.WENT_LIVE, timeout=5000)
    assert run.go_live_override is not None and run.go_live_override[:2] == ("小李", "平台活动准点开始")
    assert window.checklist.verdict_text().endswith("overridden by 小李"), window.checklist.verdict_text()
    assert not any(what.startswith(LAPSED) for _, what in window.event_log.lines())
    row = stored(window)
    assert row is not None and (row.go_live_by, row.go_live_reason) == ("小李", "平台活动准点开始")


def test_an_override_whose_start_obs_never_received_lapses_at_once(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    """OBS stops answering while 小李 types the reason: the StartStream is not sent, the override lapses and says so,
    and nothing goes on air when OBS recovers."""
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    start_run(qtbot, window)

    def get_text(*args: object, **kwargs: object) -> tuple[str, bool]:
        sim.call(lambda s: s.freeze())
        qtbot.waitUntil(lambda: window.bridge.tracker.status.state is LinkState.UNRESPONSIVE, timeout=15000)
        return "平台活动准点开始", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    run = window.checklists.run
    assert run is not None
    try:
        window.output.stream_button.click()
        qtbot.waitUntil(lambda: any(what.startswith(LAPSED) for _, what in window.event_log.lines()), timeout=5000)
        assert run.is_open and run.go_live_override is None
    finally:
        sim.call(lambda s: s.thaw())
    qtbot.waitUntil(lambda: window.bridge.tracker.status.state is LinkState.CONNECTED, timeout=15000)
    obs_round_trip(qtbot, window)  # whatever reached OBS's socket has been carried out by now
    assert not sim.call(lambda s: s.room.stream.active) and run.is_open and run.go_live_override is None
    row = stored(window)
    assert row is not None and row.go_live_by is None
