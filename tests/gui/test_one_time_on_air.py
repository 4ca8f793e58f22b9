"""The event log and the show's review give a stream the same times: a planner read Go live at 16:05:59 in the log
and 16:06:00 in the review, and "Streaming stopped after 00:01:23" in the log against the review's "on air 0:01:21".
One truth: the moments OBS said the stream started and stopped (its StreamStateChanged STARTED and STOPPED as the
console received them), stored as the show's markers, each said to the second and each length rounded the same way.
A real console on the simulator (speaking obs-websocket on a socket) on the test's clock, its show stored in SQLite
and read back by the real review window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.bridge import Endpoint
from console.core.database_url import default_url
from console.core.review.load import clock as review_clock
from console.core.review.shows import duration_text
from console.core.storage import Storage
from console.i18n import install_translator, remove_translators
from console.mainwindow import MainWindow
from console.review_windows import ShowWindow
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.console.test_review_shows import T0
from tests.gui.conftest import wait_connected
from tests.gui.test_checklist_dock import running
from tests.gui.test_show_view import open_show

ROOM = "一号直播间"


def log_line(window: MainWindow, starts: str) -> tuple[str, str]:
    """(its time, its words) of the one event-log line whose words start so."""
    log = window.event_log
    found = [
        (item_text(log, row, 0), item_text(log, row, 2))
        for row in range(log.rowCount())
        if item_text(log, row, 2).startswith(starts)
    ]
    assert len(found) == 1, found
    return found[0]


def item_text(table: Any, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None, (row, column)
    return str(item.text())


def stream_markers(storage: Storage, show_id: int) -> dict[str, float]:
    return {m["kind"]: float(m["t"]) for m in storage.show_markers(show_id) if m["kind"].startswith("stream_")}


def test_the_log_the_stored_markers_and_the_review_give_one_start_one_stop_and_one_time_on_air(
    qtbot: QtBot, clocked: SimulatorThread, clock: ManualClock, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(clocked.port, clock=clock, connect=False)
    window.bridge.connect_to(Endpoint("127.0.0.1", clocked.port, PASSWORD), ROOM, False)
    window.set_room(ROOM, False)
    wait_connected(qtbot, window)
    qtbot.waitUntil(lambda: window.telemetry.show_id is not None, timeout=20000)
    show_id = window.telemetry.show_id
    assert show_id is not None
    storage = Storage(default_url())
    try:
        # The console records the room before it goes live: the show's stored seconds begin before its stream.
        qtbot.waitUntil(running(clock, lambda: len(storage.show_samples(show_id)) >= 2), timeout=20000)
        panel = window.output
        window.bridge.request("StartStream")
        qtbot.waitUntil(running(clock, lambda: panel.tally.text().startswith("ON AIR ")), timeout=10000)
        qtbot.waitUntil(running(clock, lambda: panel.stream_time.text() >= "00:01:23"), timeout=30000)
        window.bridge.request("StopStream")
        qtbot.waitUntil(running(clock, lambda: panel.tally.text() == "OFF AIR"), timeout=10000)
        started_at, _ = log_line(window, "Streaming started")
        stopped_at, stopped = log_line(window, "Streaming stopped")
        qtbot.waitUntil(running(clock, lambda: "stream_stop" in stream_markers(storage, show_id)), timeout=20000)
        marks = stream_markers(storage, show_id)
        # The show goes on after its stream (the console records the room): reviewed once a second after the stop is
        # stored, as a planner reviews it (a show read before reaches only to its last stored second).
        qtbot.waitUntil(
            running(clock, lambda: storage.show_samples(show_id, since=marks["stream_stop"]) != []), timeout=20000
        )
        # The stored markers: at the seconds the log said them.
        assert review_clock(marks["stream_start"]) == started_at, (marks, started_at)
        assert review_clock(marks["stream_stop"]) == stopped_at, (marks, stopped_at)
        # The log's time on air is the markers' span, rounded as the review rounds it.
        on_air = duration_text(marks["stream_stop"] - marks["stream_start"])
        assert on_air >= "0:01:23"
        assert stopped == f"Streaming stopped after {on_air} on air", (stopped, marks)

        review = open_show(qtbot, storage, show_id)
        assert review.bundle is not None, review.error
        # The review's header says the same time on air.
        assert f"on air {on_air}" in review.header.details.text().splitlines()[0], review.header.details.text()
        # The pointer on the start and on the stop: the review says each at the log's second.
        assert review_says(review, marks["stream_start"], "Stream started") == started_at
        assert review_says(review, marks["stream_stop"], "Stream stopped") == stopped_at
    finally:
        storage.close()


def review_says(review: ShowWindow, t: float, words: str) -> str:
    """The second the review's read-out gives a marker at `t`: its own when it is another second than the stored
    one the pointer reads, else the read-out's."""
    second, *parts = review.graphs.read_at(t).split("   ")
    (said,) = [part for part in parts if part.startswith(words)]
    return said.removeprefix(f"{words} at ") if said != words else second


@pytest.mark.parametrize(
    ("language", "template", "scene"),
    [("en", "Stream started at {t}", "Scene: 主镜头"), ("zh_CN", "{t} 时开始推流", "场景：主镜头")],
)
def test_the_review_says_a_marker_at_its_own_second_not_at_the_stored_second_nearest_it(
    qtbot: QtBot, qapp: QApplication, storage: Storage, language: str, template: str, scene: str
) -> None:
    """Samples are stored per poll; a marker falls between two: the read-out gave the nearest sample's second, so a
    go-live OBS said at 16:05:59.6 read 16:06:00 in the review and 16:05:59 in the event log."""
    start = T0 + timedelta(seconds=10)
    show, _ = storage.open_show("一号直播间", start, 0)
    t0 = start.timestamp()
    rows = [{"t": t0 + s, "viewers": 500.0, "streaming": 1.0 if s >= 60 else 0.0} for s in range(120)]
    markers = [
        {"t": t0 + 59.6, "kind": "stream_start", "detail": ""},
        {"t": t0 + 100.0, "kind": "scene", "detail": "主镜头"},
    ]
    storage.add_telemetry(show.id, rows, markers, [])
    storage.end_show(show.id, start + timedelta(seconds=120))
    translators = install_translator(qapp, language)
    try:
        review = open_show(qtbot, storage, show.id)
        at_start, at_scene = review.graphs.read_at(t0 + 59.6), review.graphs.read_at(t0 + 100)
    finally:
        remove_translators(qapp, translators)
    said = template.format(t=review_clock(t0 + 59.6))
    assert at_start.startswith(f"{review_clock(t0 + 60)}   {said}"), at_start
    # A marker of the stored second itself is said bare, as before.
    assert at_scene.startswith(f"{review_clock(t0 + 100)}   {scene}"), at_scene
