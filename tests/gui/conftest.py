"""GUI fixtures: a main window connected to the simulator, with settings in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from console.app import Console, Options
from console.bridge import Endpoint, ObsBridge
from console.i18n import install_translator, remove_translators
from console.mainwindow import MainWindow
from console.settings import Settings
from obs.clock import ManualClock
from obs.messages import LinkState
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The application in Simplified Chinese for the test (its translators removed after)."""
    installed = install_translator(qapp, "zh_CN")
    yield
    remove_translators(qapp, installed)


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("ONAIR_CONFIG_DIR", str(tmp_path))
    monkeypatch.setenv("ONAIR_DATABASE_URL", f"sqlite:///{tmp_path / 'onair.db'}")
    return Settings(tmp_path)


@pytest.fixture(autouse=True)
def _old_comments_deleted_only_where_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A console deletes old comments 15 s after its start (ChatController, a single shot its shutdown() leaves
    pending). A console an earlier test of the same worker made and shut down, still alive, then ran that deletion
    during a later test, on the database that test's environment names: the retention test counted one deletion
    too few when it ran after the chat files in one process. In tests the first deletion waits a week, unless the
    test sets the delay itself (test_chat_controller.py's retention test does)."""
    from console import chat_controller

    monkeypatch.setattr(chat_controller, "RETENTION_FIRST_MS", 7 * 24 * 3600 * 1000)


@pytest.fixture(scope="session", autouse=True)
def _probe_forks_closed() -> Iterator[None]:
    """The fit probes' fork server (tests/gui/screen_probe.py), if this process started one, ends with the session."""
    yield
    from tests.gui.screen_probe import close_forks

    close_forks()


@pytest.fixture(autouse=True)
def _no_key_held_after_a_test(qapp: QApplication) -> Iterator[None]:
    """QTest.keyClick with Shift ends on a Shift release that still carries Shift, and Qt keeps that as the
    application's held keys for the rest of the process: a later test's QTableView.selectRow then read Shift as held
    and selected nothing (a Shows browser test failed when a rundown test with Ctrl+Shift+Z ran before it on the same
    worker). Each test ends with no key held."""
    yield
    if QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        QTest.keyRelease(QWidget(), Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)


@pytest.fixture(autouse=True)
def _gc_on_the_gui_thread(gui_thread_gc: object) -> None:
    """Every GUI test collects garbage the console's way."""


@pytest.fixture
def make_window(qtbot: QtBot, settings: Settings) -> Iterator[Callable[..., MainWindow]]:
    bridges: list[ObsBridge] = []

    def factory(
        port: int, password: str = PASSWORD, demo: bool = False, connect: bool = True, **link_options: Any
    ) -> MainWindow:
        link_options.setdefault("backoff_initial", 0.1)
        link_options.setdefault("backoff_max", 0.5)
        bridge = ObsBridge(**link_options)
        bridges.append(bridge)
        window = MainWindow(bridge, settings, demo=demo)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        if connect:
            bridge.connect_to(Endpoint("127.0.0.1", port, password))
        return window

    yield factory
    for bridge in bridges:
        bridge.shutdown()


def cell(table: QTableWidget, row: int, column: int) -> str:
    """The text of a table cell the test expects to be filled (Qt answers None for an empty one)."""
    item = table.item(row, column)
    assert item is not None, f"no item at ({row}, {column})"
    return item.text()


def header_text(table: QTableWidget, column: int) -> str:
    """The text of a column's header, which the test expects to be set."""
    item = table.horizontalHeaderItem(column)
    assert item is not None, f"no header for column {column}"
    return item.text()


def wait_connected(qtbot: QtBot, window: MainWindow) -> None:
    """Connected, with the scenes shown. 20 s: on CI's two cores with eight workers and a real OBS a connection once
    took more than 10; a failure says where the link stood (the status and its failure), not only that time ran out."""
    try:
        qtbot.waitUntil(
            lambda: window.bridge.tracker.status.state is LinkState.CONNECTED and bool(window.scenes.tiles),
            timeout=20000,
        )
    except Exception as exc:
        status = window.bridge.tracker.status
        raise AssertionError(
            f"not connected with scenes: {status.state} {status.failure} attempt {status.attempt}, "
            f"{len(window.scenes.tiles)} scene tiles"
        ) from exc


def obs_round_trip(qtbot: QtBot, window: MainWindow) -> None:
    """A barrier instead of a pause: a request through the window's own link, answered by OBS. The link sends in
    order on one socket and OBS handles its requests in order, so whatever the window had sent before has been
    carried out when this returns; "nothing was sent" can then be asserted without waiting and hoping."""
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.processEvents()  # what the click queued on the GUI thread is sent first
    answered: list[object] = []
    window.bridge.request("GetVersion", on_done=lambda _result, error: answered.append(error))
    qtbot.waitUntil(lambda: bool(answered), timeout=5000)
    assert answered == [None], answered


@pytest.fixture
def sim() -> Iterator[SimulatorThread]:
    thread = SimulatorThread(password=PASSWORD, seed=11).start()
    try:
        yield thread
    finally:
        thread.stop()


@pytest.fixture
def clock() -> ManualClock:
    """The show's seconds for a test in compressed time (obs/clock.py): the simulator, the window's room session
    and the checks' listening windows read it; it moves when the test advances it."""
    return ManualClock()


@pytest.fixture
def clocked(clock: ManualClock) -> Iterator[SimulatorThread]:
    """A simulated OBS on the test's clock (a test file may define its own)"""
    thread = SimulatorThread(password=PASSWORD, seed=11, clock=clock).start()
    try:
        yield thread
    finally:
        thread.stop()


@pytest.fixture
def room_b() -> Iterator[SimulatorThread]:
    """A second room's OBS (tests/gui/two_rooms.py): another simulator beside `sim`."""
    thread = SimulatorThread(password=PASSWORD, seed=12).start()
    try:
        yield thread
    finally:
        thread.stop()


@pytest.fixture
def clocked_b(clock: ManualClock) -> Iterator[SimulatorThread]:
    """A second room's OBS on the test's clock, beside `clocked`."""
    thread = SimulatorThread(password=PASSWORD, seed=12, clock=clock).start()
    try:
        yield thread
    finally:
        thread.stop()


@pytest.fixture(autouse=True)
def _no_real_keyring(memory_keyring: object) -> None:
    """GUI tests never touch the developer's real keyring."""


@pytest.fixture
def consoles(qapp: QApplication) -> Iterator[list[Console]]:
    made: list[Console] = []
    yield made
    for console in made:
        console.window.close()
        console.shutdown()


def start(qapp: QApplication, consoles: list[Console], settings: Settings, **options: object) -> Console:
    console = Console(qapp, Options(**options), settings)  # type: ignore[arg-type]
    consoles.append(console)
    console.window.show()
    return console


def connected(qtbot: QtBot, console: Console) -> None:
    qtbot.waitUntil(lambda: console.bridge.tracker.status.state is LinkState.CONNECTED, timeout=10000)
