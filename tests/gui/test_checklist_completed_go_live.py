"""The walk that said "Pre-show checklist: none": an assistant completes the pre-show list in the console (a named
person, every required item done), then the stream starts (the simulator's real protocol) — the show's review says
the checklist was ready, completed by that person before going live, and the history shows the run with the show."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from checklists.engine import RunEnd
from console.core.storage import Storage, default_url
from console.mainwindow import MainWindow
from console.review_windows import ShowWindow
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from tests.gui.test_checklist_dock import make_ready, running, start_run


def test_a_run_completed_before_the_stream_starts_is_the_shows_checklist_in_its_review(
    qtbot: QtBot,
    clocked: SimulatorThread,
    clock: ManualClock,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window: MainWindow = make_window(clocked.port, clock=clock)
    window.set_room("一号直播间", demo=False)
    wait_connected(qtbot, window)
    qtbot.waitUntil(running(clock, lambda: window.telemetry.current_show() is not None), timeout=10000)
    show_id = window.telemetry.current_show()
    assert show_id is not None
    start_run(qtbot, window, clock=clock)
    make_ready(qtbot, window)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("王工", True))
    window.checklist.complete_button.click()
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
