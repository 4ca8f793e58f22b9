"""A room the console leaves while its stream runs on, and comes back to, is the same show (fix24a): the questions
this desk claimed are still its claims in the Questions dock, the lottery drawn in that stream is still there, and
the pre-show checklist run the show went live with is still the show's. Before, the switch ended the show and the
return opened a new one: an empty queue, "no lottery", and a show with no checklist. The simulators speak the real
protocol; the shows are kept in SQLite (and PostgreSQL for the engagement)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from console.bridge import Endpoint
from console.core.chat.questions import QuestionState
from console.core.review.load import load_show
from console.core.storage import Storage, default_url
from console.mainwindow import MainWindow
from obs.clock import ManualClock
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import wait_connected
from tests.gui.engage_room import Room, room_fixture  # noqa: F401 - the fixture
from tests.gui.test_checklist_dock import running
from tests.gui.test_on_air_time import seconds
from tests.gui.two_rooms import (
    ROOM_A,
    ROOM_B,
    gone_live_over_an_open_list,
    holding_history,
    left_on_air,
    switch_room,
    to_room,
)


@pytest.mark.parametrize("room", ["sqlite", "postgresql"], indirect=True)
def test_back_in_a_room_left_on_air_its_claimed_question_and_lottery_are_there(
    qtbot: QtBot, room: Room, room_b: SimulatorThread, sim: SimulatorThread
) -> None:
    show = switch_room(qtbot, room, sim.port, ROOM_A)
    room.window.output.confirm = lambda *args: True
    room.window.output.stream_button.click()
    qtbot.waitUntil(lambda: room.bridge.state.stream.active, timeout=10000)
    room.engage.open_lottery("#抽奖", 1, [], lambda record, why: None)
    qtbot.waitUntil(lambda: room.engage.lottery is not None, timeout=5000)
    room.comments.say("小明", "#抽奖 这个多少钱？")
    qtbot.waitUntil(lambda: len(room.engage.questions) == 1, timeout=10000)
    qtbot.waitUntil(lambda: len(room.engage.lottery.entries) == 1, timeout=10000)  # type: ignore[union-attr]
    room.engage.claim(room.engage.questions[0].id, lambda q, why: None)
    qtbot.waitUntil(lambda: room.engage.questions[0].state is QuestionState.CLAIMED, timeout=5000)

    elsewhere = switch_room(qtbot, room, room_b.port, ROOM_B)  # room A's stream runs on in its OBS
    assert elsewhere != show
    qtbot.waitUntil(lambda: "No lottery in this show yet." in room.dock.lottery.state.text(), timeout=5000)

    assert switch_room(qtbot, room, sim.port, ROOM_A) == show, "back in the room on air: the same show"
    qtbot.waitUntil(lambda: len(room.engage.questions) == 1, timeout=10000)
    question = room.engage.questions[0]
    assert question.state is QuestionState.CLAIMED and question.claimed_by == room.engage.who == "客服A"
    lottery = room.engage.lottery
    assert lottery is not None and lottery.keyword == "#抽奖" and len(lottery.entries) == 1
    qtbot.waitUntil(lambda: "No lottery in this show yet." not in room.dock.lottery.state.text(), timeout=5000)


def _ended(show_id: int) -> bool:
    storage = Storage(default_url())
    try:
        return load_show(storage, show_id).show.ended_at is not None
    finally:
        storage.close()


def test_back_in_a_room_left_on_air_the_show_keeps_the_checklist_it_went_live_with(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clocked_b: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window: MainWindow = make_window(clocked.port, clock=clock, connect=False)
    show = to_room(qtbot, window, clock, clocked, ROOM_A)
    run = gone_live_over_an_open_list(qtbot, window, clock, monkeypatch)  # the run kept with the show
    window.checklists.wait_idle()

    assert to_room(qtbot, window, clock, clocked_b, ROOM_B) != show
    assert to_room(qtbot, window, clock, clocked, ROOM_A) == show, "back in the room on air: the same show"
    storage = Storage(default_url())
    try:
        kept = storage.go_live_run(show)
    finally:
        storage.close()
    assert kept is not None and kept.go_live_by == "小李", "the show still has the checklist it went live with"
    qtbot.waitUntil(running(clock, lambda: window.checklists.run is run), timeout=5000)
    assert window.checklist.verdict_text().startswith("WENT LIVE at "), "the dock shows the show's own run"
    # walk24: the log said the show "was on air when the console stopped": the console was in room B, not stopped.
    qtbot.waitUntil(lambda: any(what.startswith("Back in") for _, what in window.event_log.lines()), timeout=5000)
    said = [what for _, what in window.event_log.lines() if what.startswith(("Back in", "Resumed the show"))]
    assert len(said) == 1, said
    assert re.fullmatch(
        rf"Back in “{ROOM_A}”: continued its show, on air since \d\d:\d\d \(not recorded while away: \d+ s\)\.",
        said[0],
    ), said


def test_back_in_a_room_whose_show_ended_the_dock_shows_no_run_of_that_show(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clocked_b: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """walk24: gone live with an override, stopped, to room B and back — the dock said "WENT LIVE at 16:29 —
    overridden by 王王" while off air in a new show, and Go live said no checklist had been run for it."""
    window: MainWindow = make_window(clocked.port, clock=clock, connect=False)
    show = to_room(qtbot, window, clock, clocked, ROOM_A)
    gone_live_over_an_open_list(qtbot, window, clock, monkeypatch)
    window.bridge.request("StopStream")
    qtbot.waitUntil(
        running(clock, lambda: window.bridge.state.connected and not window.bridge.state.stream.active), timeout=5000
    )
    window.checklists.wait_idle()
    assert window.checklist.verdict_text().startswith("WENT LIVE at "), "still its show, off air"

    to_room(qtbot, window, clock, clocked_b, ROOM_B)
    assert window.checklist.verdict_text() == "No checklist running"
    assert to_room(qtbot, window, clock, clocked, ROOM_A) != show, "its stream was over: a new show"
    qtbot.waitUntil(running(clock, lambda: window.checklists._held is None), timeout=5000)  # the run's show known
    assert window.checklists.run is None
    assert window.checklist.verdict_text() == "No checklist running", "the ended show's run is not this show's"
    assert not window.checklists.checked_for_this_show()


def test_a_room_left_after_its_stream_stopped_has_its_show_ended_and_a_new_one_on_return(
    qtbot: QtBot, room: Room, room_b: SimulatorThread, sim: SimulatorThread
) -> None:
    show = switch_room(qtbot, room, sim.port, ROOM_A)
    room.bridge.request("StartStream")
    qtbot.waitUntil(lambda: room.bridge.state.stream.active, timeout=10000)
    session = room.bridge.session
    assert session is not None
    qtbot.waitUntil(lambda: session.telemetry.value("streaming") == 1.0, timeout=10000)
    room.bridge.request("StopStream")
    qtbot.waitUntil(lambda: room.bridge.state.connected and not room.bridge.state.stream.active, timeout=10000)

    switch_room(qtbot, room, room_b.port, ROOM_B)
    again = switch_room(qtbot, room, sim.port, ROOM_A)
    assert again != show, "its stream was over: back in the room is a new show"
    qtbot.waitUntil(lambda: _ended(show), timeout=15000)
    assert not _ended(again)


def test_back_in_a_room_left_on_air_a_stop_at_once_says_the_whole_streams_time_on_air(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clocked_b: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
) -> None:
    """fix24i: back in a room left on air and stopped straight away (before the console's first poll of OBS), the
    log said a bare "Streaming stopped" and the tally read "ON AIR" with no time. OBS said its time on air as the
    console joined it: the tally counts from the stream's start, not from the return, and the stop says the whole
    stream's time on air."""
    window: MainWindow = make_window(clocked.port, clock=clock, connect=False)
    panel = window.output
    left_on_air(qtbot, window, clock, clocked, clocked_b, on_air="00:00:40")
    clock.advance(20.0)  # in room B; room A's stream goes on

    # Back in room A and stopped at once, before the console's first poll of OBS there: the show's seconds stand
    # still meanwhile, so OBS says its stream's time on air only as the console joins it.
    window.bridge.connect_to(Endpoint("127.0.0.1", clocked.port, PASSWORD), ROOM_A, False)
    window.set_room(ROOM_A, False)
    wait_connected(qtbot, window)
    qtbot.waitUntil(lambda: window.bridge.state.stream.active, timeout=10000)
    on_air = clocked.call(lambda s: clock.now() - s.room.stream.started_at)
    assert on_air >= 60
    shown = panel.tally.text().split()
    assert len(shown) == 3 and shown[:2] == ["ON", "AIR"], f"no time on air: {shown}"
    assert seconds(shown[-1]) == int(on_air), (shown, on_air)
    window.bridge.request("StopStream")
    qtbot.waitUntil(running(clock, lambda: panel.tally.text() == "OFF AIR"), timeout=10000)
    stopped = [what for _, what in window.event_log.lines() if what.startswith("Streaming stopped")]
    assert len(stopped) == 1 and re.fullmatch(r"Streaming stopped after 0:01:0\d on air", stopped[0]), stopped


def test_back_in_a_room_left_on_air_and_stopped_at_once_the_return_is_logged_before_the_stop(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clocked_b: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """fix25b: the show's history came after the stop, and so did the line saying the console was back in the room
    "on air since …": the log read "Streaming stopped", then the return to a stream on air."""
    window: MainWindow = make_window(clocked.port, clock=clock, connect=False)
    left_on_air(qtbot, window, clock, clocked, clocked_b)
    held = holding_history(monkeypatch)
    window.bridge.connect_to(Endpoint("127.0.0.1", clocked.port, PASSWORD), ROOM_A, False)
    window.set_room(ROOM_A, False)
    wait_connected(qtbot, window)
    qtbot.waitUntil(lambda: window.bridge.state.stream.active and len(held) == 1, timeout=10000)
    window.bridge.request("StopStream")
    qtbot.waitUntil(
        running(clock, lambda: any(w.startswith("Streaming stopped") for _, w in window.event_log.lines())),
        timeout=10000,
    )
    held.pop()()  # the history comes in only now
    qtbot.waitUntil(running(clock, lambda: window.telemetry.current_show() is not None), timeout=10000)

    said = [w for _, w in window.event_log.lines() if w.startswith(("Back in", "Resumed the show", "Streaming"))]
    assert len(said) == 3 and said[0] == "Streaming started", said  # in room A; then back, and stopped
    assert re.fullmatch(
        rf"Back in “{ROOM_A}”: continued its show, on air since \d\d:\d\d \(not recorded while away: \d+ s\)\.",
        said[-2],
    ), said
    assert said[-1].startswith("Streaming stopped after "), said


def test_back_in_a_room_whose_stream_stopped_while_away_the_log_does_not_say_on_air(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clocked_b: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
) -> None:
    """The stream left on air was stopped in OBS while the console was in room B: back in room A, the line is true
    of the stream as the console finds it, not "on air since …"."""
    window: MainWindow = make_window(clocked.port, clock=clock, connect=False)
    left_on_air(qtbot, window, clock, clocked, clocked_b)
    clocked.call(lambda s: HANDLERS["StopStream"](s, {}))
    to_room(qtbot, window, clock, clocked, ROOM_A)
    qtbot.waitUntil(lambda: window.bridge.state.connected, timeout=10000)
    assert not window.bridge.state.stream.active
    qtbot.waitUntil(lambda: any(w.startswith("Back in") for _, w in window.event_log.lines()), timeout=10000)
    said = [w for _, w in window.event_log.lines() if w.startswith(("Back in", "Resumed the show"))]
    assert len(said) == 1, said
    assert re.fullmatch(
        rf"Back in “{ROOM_A}”: its stream stopped while the console was away \(not recorded while away: \d+ s\)\.",
        said[0],
    ), said
