"""The walk that said "Pre-show checklist: none": an assistant completes the pre-show list in the console (a named
person, every required item done), then the stream starts (the simulator's real protocol) — the show's review says
the checklist was ready, completed by that person before going live, and the history shows the run with the show."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from checklists.engine import RunEnd
from console.core.storage import Storage, default_url
from console.mainwindow import MainWindow
from console.review_windows import ShowWindow
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import obs_round_trip, wait_connected
from tests.gui.test_checklist_dock import complete_as, in_room_with_show, running

if TYPE_CHECKING:
    from widgets.show_meta_dialog import GoLiveDialog


def said_unchecked(said: list[bool], go: bool) -> Callable[[GoLiveDialog], None]:
    """An answer to the Go-live question that notes whether it carried the "no pre-show checklist" line, then goes
    live (or not)."""

    def answer(dialog: GoLiveDialog) -> None:
        said.append(dialog.unchecked.isVisibleTo(dialog))
        (dialog.go_button.click if go else dialog.reject)()

    return answer


def test_a_run_completed_before_the_stream_starts_is_the_shows_checklist_in_its_review(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window: MainWindow = make_window(clocked.port, clock=clock)
    in_room_with_show(qtbot, window, clock)
    show_id = window.telemetry.current_show()
    assert show_id is not None
    complete_as(qtbot, window, clock, monkeypatch, "王工")
    run = window.checklists.run
    assert run is not None and run.end is RunEnd.COMPLETED

    window.bridge.request("StartStream")  # the streamer goes live (here, or in OBS itself)
    qtbot.waitUntil(running(clock, lambda: window.bridge.state.stream.active), timeout=5000)
    assert run.end is RunEnd.COMPLETED, "completed stays completed: it is not rewritten as kept at go-live"
    storage = Storage(default_url())

    def linked() -> bool:
        window.checklists.wait_idle()
        run_id = window.checklists.run_ids.get("main")
        stored = storage.run(run_id) if run_id is not None else None
        return stored is not None and stored.show_id == show_id and stored.go_live_at is not None

    qtbot.waitUntil(linked, timeout=5000)

    review = ShowWindow(window.review, show_id)
    qtbot.addWidget(review)
    with qtbot.waitSignal(review.sig_loaded, timeout=10000):
        pass
    assert review.bundle is not None, review.error
    line = next(text for text in review.header.details.text().splitlines() if text.startswith("Pre-show checklist"))
    assert line.startswith("Pre-show checklist: ready (Streamer go-live, completed by 王工 at "), line
    assert ", before going live at " in line, line
    assert review.bundle.summary is not None and review.bundle.summary.checklist.value == "ready"


def test_a_console_restarted_on_air_shows_the_run_completed_before_going_live_until_the_stream_stops(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """walk20: the assistant completed the list, the show went live with it, the console was quit and started again
    mid-show (and once killed): the dock said "No checklist running" where it had said "Completed: 小李", as if
    nobody had checked the room; only a run kept at go-live came back after a restart."""
    first: MainWindow = make_window(clocked.port, clock=clock)
    in_room_with_show(qtbot, first, clock)
    complete_as(qtbot, first, clock, monkeypatch, "王工")
    first.bridge.request("StartStream")
    qtbot.waitUntil(running(clock, lambda: first.bridge.state.stream.active), timeout=5000)
    storage = Storage(default_url())

    def linked(window: MainWindow) -> bool:
        window.checklists.wait_idle()
        run_id = window.checklists.run_ids.get("main")
        stored = storage.run(run_id) if run_id is not None else None
        return stored is not None and stored.go_live_at is not None

    qtbot.waitUntil(lambda: linked(first), timeout=5000)
    completed_id = first.checklists.run_ids["main"]
    first.close()

    second: MainWindow = make_window(clocked.port, clock=clock)
    second.set_room("一号直播间", demo=False)
    wait_connected(qtbot, second)
    second.checklists.resume()
    qtbot.waitUntil(lambda: second.checklists.run is not None, timeout=5000)
    run = second.checklists.run
    assert run is not None and run.end is RunEnd.COMPLETED and run.ended_by == "王工"
    assert second.checklists.run_ids["main"] == completed_id
    assert "王工" in second.checklist.verdict_text(), second.checklist.verdict_text()
    assert not second.checklists.checking and second.checklists.gate_run() is None, "it senses and gates nothing"
    second.checklists.wait_idle()
    assert second.checklists.settings.get("checklists/active_run") == completed_id, "and again after another restart"
    again = storage.run(completed_id)
    assert again is not None and again.go_live_at is not None and again.end_state == "completed", "kept as stored"

    second.bridge.request("StopStream")
    qtbot.waitUntil(running(clock, lambda: not second.bridge.state.stream.active), timeout=5000)
    obs_round_trip(qtbot, second)
    assert not second.checklists.settings.get("checklists/active_run"), "not to be picked up after a restart"
    second.close()
    third: MainWindow = make_window(clocked.port, clock=clock)
    third.set_room("一号直播间", demo=False)
    wait_connected(qtbot, third)
    third.checklists.resume()
    third.checklists.wait_idle()
    QApplication.processEvents()  # what the worker read, if anything, is applied on this thread
    assert third.checklists.run is None, "off air, the run the last show went live with is history"


def test_the_go_live_question_says_when_no_pre_show_checklist_was_run_for_this_show(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """walk20a: with no pre-show run open, Go live asked only "Start streaming now?" — only an open run gated, so a
    room where nobody had started the list went live without a word of it. The question now says so; a list completed
    for this show silences it; once that show has ended, its list no longer speaks for the next one."""
    from tests.gui.test_review_ui import answer_go_live

    window: MainWindow = make_window(clocked.port, clock=clock)
    in_room_with_show(qtbot, window, clock)
    said: list[bool] = []
    look = partial(said_unchecked, said)

    answer_go_live(qtbot, window, look(go=False))
    window.output.stream_button.click()
    qtbot.waitUntil(lambda: len(said) == 1, timeout=10000)
    assert said == [True] and not clocked.call(lambda s: s.room.stream.active)

    complete_as(qtbot, window, clock, monkeypatch, "王工")
    answer_go_live(qtbot, window, look(go=True))
    window.output.stream_button.click()
    qtbot.waitUntil(running(clock, lambda: window.bridge.state.stream.active), timeout=8000)
    assert said == [True, False], "a list completed for this show: nothing to say"

    window.bridge.request("StopStream")
    qtbot.waitUntil(running(clock, lambda: not window.bridge.state.stream.active), timeout=8000)
    answer_go_live(qtbot, window, look(go=False))
    window.output.stream_button.click()
    qtbot.waitUntil(lambda: len(said) == 3, timeout=10000)
    assert said[2], "the list completed before the last show is that show's, not the next one's"
