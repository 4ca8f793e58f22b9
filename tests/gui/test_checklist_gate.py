"""The go-live gate asks one question: the reason when the checklist is not ready, or the usual confirmation."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from checklists.engine import RunEnd
from console.mainwindow import MainWindow
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from tests.gui.test_checklist_dock import make_ready, start_run


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
