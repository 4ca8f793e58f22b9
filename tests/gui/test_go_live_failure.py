"""A go-live that fails is said in the Output dock, under the Go live button that was clicked, with OBS's reason, until
the next attempt or until the stream is on air (fix24c: it was said only in the event log, behind a tab in the
Assistant workspace, and the dock read "OFF AIR" with no reason)."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.clock import ManualClock
from obs.go_live import SILENT_S
from obs.protocol import OutputState
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from tests.gui.test_checklist_dock import running

STOPPED_EN = "Not live: OBS started connecting to the server and stopped without going on air."


def go_live(window: MainWindow) -> None:
    window.output.confirm = lambda *args: True
    window.output.stream_button.click()


def said(window: MainWindow) -> str:
    """What the Output dock says of the last go-live ("" when it says nothing)."""
    label = window.output.go_live_failure
    return label.text() if label.isVisible() else ""


def failed_to_reach_the_server(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> MainWindow:
    """A window whose Go live was clicked with a stream server OBS cannot reach, once its Output dock says so."""
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    sim.call(lambda s: s.inject("stream-connect-fail"))
    go_live(window)
    qtbot.waitUntil(lambda: said(window) != "", timeout=5000)
    return window


def test_a_stream_that_cannot_reach_its_server_is_said_where_go_live_was_clicked(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window = failed_to_reach_the_server(qtbot, sim, make_window)
    assert said(window).startswith(STOPPED_EN), said(window)
    assert "stream key" in said(window)
    panel = window.output
    assert panel.tally.text() == "OFF AIR"
    assert panel.stream_button.text() == "Go live" and panel.stream_button.isEnabled(), "tried again from here"
    # The event log says the same reason, once, and no "Streaming stopped" for a stream that never started (walk24).
    qtbot.waitUntil(lambda: any(what.startswith(STOPPED_EN) for _, what in window.event_log.lines()), timeout=5000)
    lines = [what for _, what in window.event_log.lines() if "stopped" in what.lower() or what.startswith("Not live")]
    assert lines == [said(window)], lines

    sim.call(lambda s: s.clear("stream-connect-fail"))
    go_live(window)
    assert said(window) == "", "the next attempt: what the last one came to no longer stands"
    qtbot.waitUntil(lambda: window.bridge.state.stream.active, timeout=5000)
    assert said(window) == "" and panel.tally.text().startswith("ON AIR")


def test_obs_accepting_the_start_and_saying_nothing_is_said_after_a_while_in_chinese(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
    chinese: None,
) -> None:
    """OBS 30+ with no stream key answers StartStream OK and sends no StreamStateChanged at all: the console does not
    wait silently, and the button stays usable."""
    window: MainWindow = make_window(clocked.port, clock=clock)
    wait_connected(qtbot, window)
    clocked.call(lambda s: s.inject("stream-start-silent"))
    go_live(window)
    started = clock.now()
    panel = window.output
    # From OBS's acceptance on, the dock says the stream is on its way (fix25c: "未开播" all that while).
    qtbot.waitUntil(lambda: panel.tally.text() == "正在开播…", timeout=5000)
    assert panel.stream_button.text() == "正在开播…" and not panel.stream_button.isEnabled()
    assert said(window) == ""
    qtbot.waitUntil(running(clock, lambda: said(window) != ""), timeout=10000)
    assert clock.now() - started >= SILENT_S, "not before OBS has had its time to start"
    assert said(window).startswith("未开播：OBS 接受了开播请求，但推流没有开始"), said(window)
    assert panel.tally.text() == "未开播"
    assert panel.stream_button.text() == "开始直播" and panel.stream_button.isEnabled()
    assert window.bridge.state.stream.state == OutputState.STOPPED, "OBS said nothing of its stream"
    # The event log says it too, once (walk24: it said nothing).
    assert [what for _, what in window.event_log.lines() if what.startswith("未开播")] == [said(window)]

    clocked.call(lambda s: s.clear("stream-start-silent"))
    go_live(window)
    qtbot.waitUntil(running(clock, lambda: window.bridge.state.stream.active), timeout=5000)
    assert said(window) == ""


def test_a_window_rebuilt_still_says_why_the_last_go_live_failed(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    """The bridge outlives the window (a language switch rebuilds it): the new Output dock says it too."""
    window = failed_to_reach_the_server(qtbot, sim, make_window)
    from widgets.output_panel import OutputPanel

    again = OutputPanel(window.bridge)
    qtbot.addWidget(again)
    again.show()
    assert again.go_live_failure.isVisible() and again.go_live_failure.text().startswith(STOPPED_EN)


def test_a_stream_obs_is_connecting_reads_starting_until_it_is_on_air(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    """OBS says STARTING and connects for a while (a slow server): the dock says so until OBS says STARTED."""
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    sim.call(lambda s: s.inject("stream-connect-slow"))
    go_live(window)
    qtbot.waitUntil(lambda: window.bridge.state.stream.state == OutputState.STARTING, timeout=5000)
    panel = window.output
    assert panel.tally.text() == "STARTING…"
    assert panel.stream_button.text() == "Starting…" and not panel.stream_button.isEnabled()
    assert said(window) == ""
    sim.call(lambda s: s.clear("stream-connect-slow"))
    qtbot.waitUntil(lambda: panel.tally.text().startswith("ON AIR"), timeout=5000)
    assert panel.stream_button.text() == "Stop streaming" and panel.stream_button.isEnabled()


def test_go_live_while_obs_already_connects_the_stream_reads_starting_in_words(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], chinese: None
) -> None:
    """Walk (console killed while STARTING, restarted in Chinese): OBS's full read says off air, Go live is offered,
    and OBS answers 500 OutputRunning — it was said as "OBS 拒绝开始推流（500 OutputRunning）". The stream is on its
    way: the dock says so, the answer is said in words, and the stream then goes on air."""
    sim.call(lambda s: s.inject("stream-connect-slow"))
    sim.call(lambda s: HANDLERS["StartStream"](s, {}))  # taken before this console was there to hear STARTING
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    panel = window.output
    qtbot.waitUntil(lambda: panel.stream_button.text() == "开始直播", timeout=5000)
    assert panel.tally.text() == "未开播", "OBS's full read cannot say it is connecting"
    go_live(window)
    qtbot.waitUntil(lambda: panel.tally.text() == "正在开播…", timeout=5000)
    assert panel.stream_button.text() == "正在开播…" and not panel.stream_button.isEnabled()
    assert said(window) == "", "not said to have failed: OBS did not refuse a stream it is starting"
    notice = "开始直播：OBS 的推流已在开始或已在直播"  # OBS's answer, said when the request's callback comes round
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == notice, timeout=5000)
    lines = [what for _, what in window.event_log.lines()]
    assert notice in lines and "正在开播…" in lines, lines
    assert not any("OutputRunning" in what or "500" in what for what in lines), lines

    sim.call(lambda s: s.clear("stream-connect-slow"))  # the server answers: OBS says STARTED
    qtbot.waitUntil(lambda: window.bridge.state.stream.active, timeout=5000)
    qtbot.waitUntil(lambda: panel.stream_button.text() == "停止推流", timeout=5000)
    assert said(window) == ""
