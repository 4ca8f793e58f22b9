"""Closing the console while the database is frozen (PostgreSQL stopped with SIGSTOP: connections open,
nothing answers) must not hold it open: the checklist's last save is given a bounded time."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from checklists.engine import ItemStatus
from console.mainwindow import MainWindow
from obs.simulator.server import SimulatorThread
from tests.conftest import PostgresCluster
from tests.gui.conftest import wait_connected
from tests.gui.test_checklist_dock import start_run


def test_closing_with_a_frozen_database_does_not_hang(
    qtbot: QtBot,
    sim: SimulatorThread,
    make_window: Callable[..., MainWindow],
    own_postgres: PostgresCluster,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    own_postgres.start()
    monkeypatch.setenv("ONAIR_DATABASE_URL", f"{own_postgres.url}/postgres")
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    start_run(qtbot, window)
    controller = window.checklists
    controller.wait_idle()
    assert controller.run_id is not None, "the run was saved while the database answered"
    own_postgres.freeze()
    try:
        window.checklist.select("script")
        window.checklist.confirm_button.click()  # its save now waits on the frozen server
        qtbot.waitUntil(
            lambda: controller.run is not None and controller.run.states["script"].status is ItemStatus.PASSED,
            timeout=3000,
        )
        asked = time.monotonic()
        controller.shutdown(timeout=2.0)
        took = time.monotonic() - asked
    finally:
        own_postgres.kill()
    assert took < 10, f"closing waited {took:.0f} s for a frozen database"
    assert "the last checklist change may not be saved" in caplog.text, "a change that may be lost is said"


def test_closing_while_only_a_read_waits_on_the_database_says_nothing_is_lost(
    qtbot: QtBot,
    sim: SimulatorThread,
    make_window: Callable[..., MainWindow],
    own_postgres: PostgresCluster,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Session 25's CI on a loaded machine: a picture taken from the command line printed "the last checklist change
    may not be saved" — nobody had changed a checklist; the database was only slow to answer a read."""
    own_postgres.start()
    monkeypatch.setenv("ONAIR_DATABASE_URL", f"{own_postgres.url}/postgres")
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    start_run(qtbot, window)
    controller = window.checklists
    controller.wait_idle()
    assert controller.run_id is not None, "the run was saved while the database answered"
    caplog.set_level(logging.INFO, logger="console.checklist_controller")
    own_postgres.freeze()
    try:
        controller.query_runs({}, lambda runs, error: None)  # the history read now waits on the frozen server
        controller.shutdown(timeout=1.0)
    finally:
        own_postgres.kill()
    assert "no change was waiting to be saved" in caplog.text
    assert "may not be saved" not in caplog.text
