"""The go-live question after a restart: a pre-show list completed before it is still this show's list."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from pytestqt.qtbot import QtBot

from checklists.engine import RunEnd
from console.mainwindow import MainWindow
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import obs_round_trip
from tests.gui.test_checklist_completed_go_live import said_unchecked
from tests.gui.test_checklist_dock import complete_as, in_room_with_show, running


def test_a_list_completed_before_a_restart_silences_the_go_live_questions_no_checklist_line(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """walk22: 王丽 completed room A's pre-show list, the console was restarted (no run held in memory any more), and
    Go live said "No pre-show checklist was run for this show" — then went live with her list counted as the show's.
    The question says what the go-live counts; once that show has stopped, its list no longer speaks for the next."""
    from tests.gui.test_review_ui import answer_go_live

    first: MainWindow = make_window(clocked.port, clock=clock)
    in_room_with_show(qtbot, first, clock)
    complete_as(qtbot, first, clock, monkeypatch, "王丽")
    first.checklists.wait_idle()
    first.close()

    second: MainWindow = make_window(clocked.port, clock=clock)
    in_room_with_show(qtbot, second, clock)
    # The room's list is read back from storage: the dock shows her completed list after the restart (fix22d).
    qtbot.waitUntil(lambda: (held := second.checklists.room_pre_show()) is not None and held.ended_by == "王丽")
    obs_round_trip(qtbot, second)
    second.checklists.wait_idle()
    said: list[bool] = []
    look = partial(said_unchecked, said)

    qtbot.waitUntil(lambda: second.checklists.checked_for_this_show(), timeout=5000)
    answer_go_live(qtbot, second, look(go=True))
    second.output.stream_button.click()
    qtbot.waitUntil(running(clock, lambda: second.bridge.state.stream.active), timeout=8000)
    assert said == [False], "her list is this show's: nothing to say"
    # On air, the dock shows the list the show went live with, as it does when that list was completed here.
    qtbot.waitUntil(lambda: second.checklists.run is not None, timeout=5000)
    shown = second.checklists.run
    assert shown is not None and shown.end is RunEnd.COMPLETED and shown.ended_by == "王丽"
    assert "王丽" in second.checklist.verdict_text(), second.checklist.verdict_text()

    second.bridge.request("StopStream")
    qtbot.waitUntil(running(clock, lambda: not second.bridge.state.stream.active), timeout=8000)
    obs_round_trip(qtbot, second)
    second.checklists.wait_idle()
    answer_go_live(qtbot, second, look(go=False))
    second.output.stream_button.click()
    qtbot.waitUntil(lambda: len(said) == 2, timeout=10000)
    assert said[1], "the list the last show went live with is that show's, not the next one's"
