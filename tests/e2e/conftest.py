"""Fixtures for the real-OBS suite: one OBS (+ Xvfb, nginx-rtmp) per session, restarted when a test kills it."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from tests.e2e.harness import ObsProcess, RtmpReceiver, Xvfb, missing_tools

if TYPE_CHECKING:
    from console.mainwindow import MainWindow

REQUIRED = os.environ.get("ONAIR_REQUIRE_OBS") == "1"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)
    # Under pytest-xdist the real-OBS suite is two units of work, each with its own OBS, handed out first to two
    # workers (REAL_OBS_UNITS in tests/conftest.py).


@dataclass
class RealObs:
    workdir: Path
    xvfb: Xvfb
    receiver: RtmpReceiver
    obs: ObsProcess


#: The session's OBS, Xvfb and receiver once started (for the early stop below).
_STARTED: list[RealObs] = []


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """After this process's last real-OBS test (its fixtures already torn down), OBS and the receiver stop at once
    rather than at the end of the session: the worker's other tests need neither, and an idle OBS still renders
    (measured: each of the two OBS used about 33 s of CPU in a run, most of it idling after its unit). A real-OBS
    test that came later would start them again (`real_obs`)."""
    if _STARTED and (nextitem is None or Path(__file__).parent not in nextitem.path.parents):
        _STARTED[0].obs.stop()
        _STARTED[0].receiver.stop()


@pytest.fixture(scope="session")
def real_obs_session() -> Iterator[RealObs]:
    missing = missing_tools()
    if missing:
        reason = f"real-OBS tests need these Debian packages: {' '.join(missing)} (bash .ci/run installs them)"
        if REQUIRED:
            pytest.fail(f"ONAIR_REQUIRE_OBS=1 but {reason}")
        pytest.skip(reason)
    workdir = Path(tempfile.mkdtemp(prefix="onair-e2e-"))
    xvfb = Xvfb(workdir)
    receiver = RtmpReceiver(workdir)
    obs = ObsProcess(workdir, xvfb.display, receiver.url)
    try:
        obs.start()
        _STARTED[:] = [RealObs(workdir, xvfb, receiver, obs)]
        yield _STARTED[0]
    finally:
        obs.stop()
        receiver.stop()
        xvfb.stop()
        if os.environ.get("ONAIR_KEEP_E2E") == "1":
            print(f"\nreal-OBS work folder kept (logs, config): {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def real_obs(real_obs_session: RealObs) -> RealObs:
    """The session's OBS, running and idle: restarted if a test killed it, receiver back up."""
    env = real_obs_session
    if env.obs.proc is None or env.obs.proc.poll() is not None:
        env.obs.start()
    if env.receiver.proc is None or env.receiver.proc.poll() is not None:
        env.receiver.start()
    return env


@pytest.fixture
def window(qtbot: QtBot, real_obs: RealObs, tmp_path: Path, gui_thread_gc: object) -> Iterator[MainWindow]:
    """The console window (offscreen) connected to the real OBS."""
    from console.bridge import Endpoint, ObsBridge
    from console.mainwindow import MainWindow
    from console.settings import Settings
    from obs.messages import LinkState

    bridge = ObsBridge(request_timeout=3.0)
    win = MainWindow(bridge, Settings(tmp_path))
    qtbot.addWidget(win)
    win.show()
    bridge.connect_to(Endpoint("127.0.0.1", real_obs.obs.port, real_obs.obs.password))
    qtbot.waitUntil(
        lambda: bridge.tracker.status.state is LinkState.CONNECTED and bool(win.scenes.tiles), timeout=15000
    )
    yield win
    bridge.shutdown()
