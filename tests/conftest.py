"""Shared fixtures: a simulator on a real socket, links pumped into trackers, and polling waits."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from checklists.model import Template
from obs.link import ObsLink
from obs.messages import LinkStatus
from obs.simulator.server import SimulatorThread
from obs.tracker import ObsTracker
from tests.alert_servers import ChatPlatforms
from tests.chat_servers import JsonLinesWebSocket
from tests.keyring_memory import MemoryKeyring

PASSWORD = "s3cret-密码"


def _laptop_screen() -> str:
    """The offscreen platform with the screen the commonest room laptop has (1366×768), not its default
    800×600: the console fits its window to the screen, and GUI tests see what a room's team sees."""
    import atexit
    import json
    import tempfile

    config = Path(tempfile.gettempdir()) / f"onair-test-screen-{os.getpid()}.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}]}))
    atexit.register(config.unlink, missing_ok=True)
    return f"offscreen:configfile={config}"


os.environ.setdefault("QT_QPA_PLATFORM", _laptop_screen())


def _sigint_as_in_a_terminal() -> None:
    """A suite started in the background (`make test &`, `nohup … &`, a runner that starts its jobs so) inherits
    SIGINT ignored, and so does every child process a test starts: `onair monitor` stopped with Ctrl+C
    (test_monitor.py) then never sees it, and the test waited its 30 s and failed — in both of suite7's whole runs,
    for a reason the product does not have. Python's own handler is put back (a KeyboardInterrupt, as in a
    terminal), so the workers and their children start with SIGINT's default again."""
    import signal

    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


_sigint_as_in_a_terminal()


#: Files whose tests share something outside the test process and so run on one worker, one after the other: the
#: two first-start tests that use OBS's default port 4455 (one opens it, the other needs it free), and the
#: obs-websocket-js check (its module fixture runs `npm ci` in one folder). The real-OBS suite is two such units
#: (REAL_OBS_UNITS). Also files whose tests read one module-scoped setup that costs more than the tests: handed
#: out one by one, each worker that got one of them would make it again (the Qt-free import check's one child).
#: And the fit probes (child processes on screens of their own size, tests/gui/screen_probe.py), by file: each unit's
#: probes are forked from one interpreter that imported them once per worker (about 0.6 s of CPU each saved, of
#: 1.0-3.6 s a probe), which probes handed out one by one would pay on up to eight workers. A prefix may name tests
#: (the fit probes of test_fits_screens.py, not that file's in-process tests).
TOGETHER = (
    "tests/gui/test_rooms_flow.py",
    "tests/clients/test_js_client.py",
    "tests/obs/test_qt_free.py",
    "tests/gui/test_fits_screens.py::test_every_workspace_fits_a",
    "tests/gui/test_fits_view_menu.py",
    "tests/gui/test_rundown_details_fit.py",
)

#: The real-OBS suite as two units of work, handed out first to two workers, each of which starts its own OBS, Xvfb
#: and receiver (free ports, own HOME; the session fixture of tests/e2e/conftest.py) and runs its files one after
#: the other. Its tests mostly wait on OBS's real seconds (a stream going, an outage, a freeze): in one unit they
#: were a floor of their own (about 220 s, of which OBS used about 25 s of CPU), and two OBS side by side fit on two
#: cores. Split by measured time (about 110 s each); a file not named here joins the second unit.
REAL_OBS_UNITS = {
    "tests/e2e/ (first OBS)": (
        "tests/e2e/test_real_obs_differential.py",  # the demo room against OBS, 47 s
        "tests/e2e/test_real_obs_figures.py",  # `onair monitor` over a frozen OBS, 38 s
        "tests/e2e/test_real_obs_graphs.py",  # an outage on the graphs, 21 s
        "tests/e2e/test_real_obs_checks.py",
        "tests/e2e/test_real_obs_rundown.py",
        "tests/e2e/test_real_obs_log_facts.py",
    ),
    "tests/e2e/ (second OBS)": ("tests/e2e/",),  # the link (31 s), health (49 s), audio, GUI, log
}

#: The tests that wait longest (measured in two whole runs, suite7, at four and at eight workers: about 6 to 34 s
#: each, mostly real seconds a scenario, a lock or a child process takes), handed out first, longest first, so that
#: none starts last with the other workers idle. Between them come short tests: a worker is always sent the test
#: after the one it runs (xdist keeps two pending), and a long test queued behind another long one would be a tail
#: of its own.
LONG_FIRST = (
    "tests/gui/test_restart_mid_show.py",  # 27-34 s, twenty child consoles
    # The fit probes, a unit per file (TOGETHER): four, five and four child processes one after the other.
    "tests/gui/test_fits_view_menu.py",  # 12-20 s each test
    "tests/gui/test_fits_screens.py::test_every_workspace_fits_a",  # 6-10 s each
    "tests/gui/test_rundown_details_fit.py",  # 3-5 s each
    # Records the show the review tests read (17 s, once per run, tests/console/test_review_analysis_show.py):
    # early, so that the other workers' review tests find it made instead of waiting for it.
    "tests/console/test_review_analysis_show.py::test_the_stored_show_loads_on_its_own_time_axis",
    "tests/gui/test_graphs.py::test_reference_lines_keep_their_level_while_obs_is_frozen",  # 12-14 s, real time
    "tests/console/test_monitor.py::test_a_frozen_obs_keeps_one_line_a_second",  # 13 s, real time by design
    "tests/gui/test_console_app.py::test_the_console_exits_cleanly_after_showing_graphs",  # 3-12 s each
    "tests/gui/test_audience.py::test_the_demo_room_has_its_simulated_audience",  # 11 s
    # 10 real seconds of 2,000 comments a second (about 3.7 s of CPU)
    "tests/console/test_chat_bilibili.py::test_a_flood_keeps_memory_bounded",
    "tests/gui/test_checklist_frozen_database.py::test_closing_with_a_frozen_database_does_not_hang",  # 8-10 s
    "tests/gui/test_health_dock.py::test_a_frozen_obs_on_air_is_recorded",  # 7-9 s, real time
    "tests/gui/test_health_dock.py::test_the_shows_findings_come_back_after_a_restart",  # 7.5-8.3 s
    "tests/gui/test_review_ui.py::test_browsing_ten_thousand_shows",  # 3-8.5 s
    "tests/obs/test_link.py::test_stream_counters_reset_on_reconnect",  # 7 s
    "tests/console/test_room_session.py::test_one_poll_is_one_sample",  # 7 s, the real clock's own test
    "tests/gui/test_graphs.py::test_obs_going_away_is_a_gap_and_a_marker_on_every_graph",  # 6.4-7 s
    "tests/console/test_chat_feed.py::test_a_flood_of_2000_messages",  # 4.7-6 s (about 4 s of CPU)
    # A PostgreSQL cluster of the test's own, restarted, frozen or started late: 12-15 s each at load 9 (suite8),
    # handed out at 124-173 s of a 210-s run before they were named here.
    "tests/console/test_studio_shared_faults.py::test_postgres_restarted_while_ten_rooms_publish",
    "tests/console/test_storage_faults.py::test_postgresql_frozen_is_said",
    "tests/console/test_storage_faults.py::test_postgresql_down_at_the_first_start_then_up",
    "tests/gui/test_review_ui.py::test_a_database_that_dies_is_said_in_the_window",
)


def _unit(nodeid: str) -> str:
    """The unit of work a test belongs to: its file for TOGETHER files, one of the two REAL_OBS_UNITS, else the
    test itself."""
    for unit, prefixes in REAL_OBS_UNITS.items():
        if nodeid.startswith(prefixes):
            return unit
    for together in TOGETHER:
        if nodeid.startswith(together):
            return together
    return nodeid


def _handing_order(items: list[pytest.Item]) -> list[pytest.Item]:
    """The real-OBS suite first (its two units, the longest), then the LONG_FIRST tests each followed by a few short
    ones, then the rest in file order."""
    units = list(REAL_OBS_UNITS)
    real_obs = sorted(
        (item for item in items if item.nodeid.startswith("tests/e2e/")),
        key=lambda item: units.index(_unit(item.nodeid)),
    )
    rest = [item for item in items if not item.nodeid.startswith("tests/e2e/")]

    def rank(item: pytest.Item) -> int:
        return next((n for n, prefix in enumerate(LONG_FIRST) if item.nodeid.startswith(prefix)), len(LONG_FIRST))

    long = sorted((item for item in rest if rank(item) < len(LONG_FIRST)), key=rank)
    short = [item for item in rest if rank(item) == len(LONG_FIRST)]
    ordered: list[pytest.Item] = []
    for item in long:
        ordered.append(item)
        ordered.extend(short[:2])
        del short[:2]
    return real_obs + ordered + short


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # Every worker collects the same tests in this same order; the scheduler hands the units out in it.
        items[:] = _handing_order(items)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What exists once the tests are collected (the imported modules, Qt's and numpy's types, the collected tests)
    lives for the whole run: it is moved out of the garbage collector's sight (gc.freeze), so that a full
    collection — after every GUI test (gui_thread_gc) and the console's own on the GUI thread — walks only what
    the tests made since, not the hundreds of thousands of objects of the worker's imports each time (two GUI test
    files: 2.0 s of the collector's CPU → 0.4 s). What a test makes is collected as before."""
    import gc

    gc.freeze()


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: without it installed, pytest runs serially
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """`make test` (--dist loadfile): each test is a unit of work of its own, handed to whichever worker is free
    (a long file no longer pins one worker), except the TOGETHER files, each one unit. Handed out in
    _handing_order: the real-OBS suite's two units first, then the longest tests among short ones. (xdist's own --dist
    loadgroup cannot do this under pytest 9: it renames a test's node id through an attribute pytest 9 no longer
    reads.)"""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling  # type: ignore[import-untyped]  # pytest-xdist ships no types

    class Spread(LoadFileScheduling):  # type: ignore[misc]  # an untyped base (pytest-xdist)
        def _split_scope(self, nodeid: str) -> str:
            return _unit(nodeid)

    config.option.loadscopereorder = False
    return Spread(config, log)


def wait_until(
    predicate: Callable[[], object],
    timeout: float = 10.0,
    interval: float = 0.01,
    pump: Callable[[], None] | None = None,
    message: str = "",
) -> None:
    """Poll `predicate` (after `pump`) until true; fail with `message` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        if pump is not None:
            pump()
        if predicate():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for: {message or predicate}")
        time.sleep(interval)


@pytest.fixture
def server() -> Iterator[ChatPlatforms]:
    """Local servers speaking each alert platform's webhook protocol (WeCom, DingTalk, Feishu, Slack, a JSON
    webhook: tests/alert_servers.py), for the alert tests; a module's own `server` fixture takes its place."""
    platforms = ChatPlatforms()
    yield platforms
    platforms.close()


@pytest.fixture
def onair(qapp: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Any]:
    """`onair ARGS` run in this process: console.cli.main, its output captured and its exit status returned as a
    subprocess.CompletedProcess, so a test reads it as it would read the command's. No interpreter start per
    call; each command keeps one test that runs the real entry point in a child process.

    A child process starts fresh and drops everything on exit; here each call starts without OBS problems
    logged before it, and the translators it installed and the log handler it added are removed after it. The
    process's QApplication is made first (qapp), so the command finds an application instead of making a bare
    QCoreApplication that the GUI tests of this worker would then be handed."""
    import logging
    import subprocess
    import sys

    import console.i18n
    from console.cli import main
    from obs.wire import PROBLEMS

    installed: list[tuple[Any, Any]] = []
    install = console.i18n.install_translator

    def recorded(app: Any, language: str) -> Any:
        translators = install(app, language)
        installed.extend((app, translator) for translator in translators)
        return translators

    monkeypatch.setattr(console.i18n, "install_translator", recorded)

    def run(
        *args: str, env: dict[str, str | None] | None = None, clock: Any = None
    ) -> subprocess.CompletedProcess[str]:
        """`clock`: what `onair monitor` runs on (None: the real clock; a ManualClock: compressed time)."""
        root = logging.getLogger()
        handlers, level = list(root.handlers), root.level
        capsys.readouterr()  # what the test printed before is not the command's
        # A child process starts with an empty log of OBS's bad messages: one the previous test logged would
        # otherwise keep this command's warning back for 10 s (obs.wire.ProblemLog).
        PROBLEMS.reset()
        with monkeypatch.context() as scoped:
            for key, value in (env or {}).items():
                if value is None:
                    scoped.delenv(key, raising=False)
                else:
                    scoped.setenv(key, value)
            try:
                status = main(list(args), clock=clock)
            except SystemExit as exit_:
                # As the interpreter does: a message is printed to stderr and is status 1, None is 0.
                if exit_.code is None or isinstance(exit_.code, int):
                    status = exit_.code or 0
                else:
                    print(exit_.code, file=sys.stderr)
                    status = 1
            finally:
                for app, translator in installed:
                    app.removeTranslator(translator)
                installed.clear()
                for handler in [h for h in root.handlers if h not in handlers]:
                    root.removeHandler(handler)
                root.setLevel(level)
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(["onair", *args], status, out, err)

    return run


@pytest.fixture
def sim() -> Iterator[SimulatorThread]:
    thread = SimulatorThread(password=PASSWORD, seed=7).start()
    try:
        yield thread
    finally:
        thread.stop()


class LinkHarness:
    """A started ObsLink plus a tracker that its outbox is pumped into."""

    def __init__(self, link: ObsLink) -> None:
        self.link = link
        self.tracker = ObsTracker()
        self.tracker.keep_events = True
        self.statuses: list[LinkStatus] = []

    def pump(self) -> None:
        for item in self.link.drain():
            from obs.messages import StatusChanged

            if isinstance(item, StatusChanged):
                self.statuses.append(item.status)
            self.tracker.handle(item)
        self.tracker.release_due()  # a program-scene change in studio mode that nothing followed

    def wait(self, predicate: Callable[[], object], timeout: float = 10.0, message: str = "") -> None:
        wait_until(predicate, timeout, pump=self.pump, message=message)

    def states(self) -> list[str]:
        return [s.state.value for s in self.statuses]

    def assert_not_retried(self) -> None:
        """The link gave up (wrong password, too old an obs-websocket) and tries no more: its status schedules
        no next try, and after the longest backoff it could have chosen, a full turn of the link thread — a
        command, which takes it past its retry check, then a request answered behind it — brings no new status.
        (Sleeping a second and seeing nothing would pass on a machine too slow to have retried yet.)"""
        from obs.errors import NotConnected

        self.pump()
        status, count = self.link.status, len(self.statuses)
        assert status.retry_at is None, f"a next try is scheduled: {status}"
        latest_retry = status.since + self.link.backoff_max * 1.25  # backoff_delay's jitter is at most +25 %
        time.sleep(max(0.0, latest_retry - time.monotonic()))
        self.link.set_poll_interval(self.link.poll_interval)
        with pytest.raises(NotConnected):
            self.link.request("GetStats").result(5)
        self.pump()
        assert self.states()[count:] == [], "a permanent failure must not be retried"


@pytest.fixture
def make_link() -> Iterator[Callable[..., LinkHarness]]:
    harnesses: list[LinkHarness] = []

    def factory(port: int, password: str = PASSWORD, host: str = "127.0.0.1", **kwargs: object) -> LinkHarness:
        kwargs.setdefault("backoff_initial", 0.1)
        kwargs.setdefault("backoff_max", 0.5)
        kwargs.setdefault("connect_timeout", 2.0)
        link = ObsLink(host, port, password, **kwargs)  # type: ignore[arg-type]
        harness = LinkHarness(link)
        harnesses.append(harness)
        link.start()
        return harness

    yield factory
    for harness in harnesses:
        harness.link.stop()


@pytest.fixture
def small_disk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[os.PathLike[str]]:
    """A real 1 MiB filesystem (tmpfs) to fill up: a full disk, not a mocked error. Needs root (CI is). Room for a
    migrated database first: the empty schema alone is over 200 KiB since 0013, with its journal beside it."""
    import subprocess
    from pathlib import Path

    mount_point = Path(tmp_path_factory.mktemp("small-disk"))
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)], capture_output=True, text=True
    )
    if result.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"cannot mount a small tmpfs for the full-disk test: {result.stderr.strip()}")
        pytest.skip(f"mounting a tmpfs needs root: {result.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill_disk(directory: os.PathLike[str]) -> None:
    """Write until the filesystem holding `directory` has no space left."""
    from pathlib import Path

    handle = open(Path(directory) / "filler", "wb", buffering=0)  # noqa: SIM115 - closed below, full or not
    try:
        while True:
            handle.write(b"\0" * 4096)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            handle.close()


def remount(directory: os.PathLike[str], mode: str) -> None:
    """Remount the small_disk tmpfs at `directory` "ro" (a read-only disk: EROFS, whoever asks, root too) or "rw".
    Every file on it must be closed first (the kernel refuses to remount a filesystem busy writing)."""
    import subprocess

    subprocess.run(["mount", "-o", f"remount,{mode}", str(directory)], check=True, capture_output=True)


@pytest.fixture
def platform() -> Iterator[Any]:
    """A scripted HTTP platform (audience sources) on a free loopback port."""
    from tests.http_platform import Platform

    server = Platform()
    yield server
    server.close()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The keyring library pointed at an in-memory backend for the test, then restored."""
    import keyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def _postgres_bin(name: str) -> str | None:
    import glob
    import shutil

    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


#: A freshly initialised, never started data directory of this process's first cluster (copied for the others).
_INITDB_TEMPLATE: str | None = None


class PostgresCluster:
    """A throwaway PostgreSQL cluster on a free loopback port, to start, stop, freeze (SIGSTOP) and thaw.

    initdb refuses to run as root, so as root the cluster belongs to the unprivileged user 'nobody'.
    """

    def __init__(self) -> None:
        import atexit
        import shutil
        import socket
        import subprocess
        import tempfile

        initdb, pg_ctl = _postgres_bin("initdb"), _postgres_bin("pg_ctl")
        if initdb is None or pg_ctl is None:
            reason = "PostgreSQL server binaries (initdb, pg_ctl) are not installed (bash .ci/run installs them)"
            if os.environ.get("ONAIR_REQUIRE_POSTGRES") == "1":
                pytest.fail(f"ONAIR_REQUIRE_POSTGRES=1 but {reason}")
            pytest.skip(reason)
        self.pg_ctl = pg_ctl
        self.base = tempfile.mkdtemp(prefix="onair-pg-")
        os.chmod(self.base, 0o755)
        self.data = os.path.join(self.base, "data")
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.base, "nobody", "nogroup")
            self.as_user = ["runuser", "-u", "nobody", "--"]
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        # initdb once per test process; each further cluster is a copy of that fresh one (cp -a keeps the owner).
        global _INITDB_TEMPLATE
        if _INITDB_TEMPLATE is None or not os.path.isdir(_INITDB_TEMPLATE):
            subprocess.run(
                [*self.as_user, initdb, "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"],
                check=True,
                capture_output=True,
                timeout=120,
            )
            template = tempfile.mkdtemp(prefix="onair-pg-template-")
            _INITDB_TEMPLATE = os.path.join(template, "data")
            subprocess.run(["cp", "-a", self.data, _INITDB_TEMPLATE], check=True, timeout=120)
            atexit.register(shutil.rmtree, template, True)
        else:
            subprocess.run(["cp", "-a", _INITDB_TEMPLATE, self.data], check=True, timeout=120)
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}"

    def start(self, max_connections: int = 100) -> None:
        import subprocess

        options = (
            f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
            f" -c max_connections={max_connections}"
        )
        log_path = os.path.join(self.base, "log")
        started = subprocess.run(
            [*self.as_user, self.pg_ctl, "-D", self.data, "-o", options, "-l", log_path, "-w", "start"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if started.returncode != 0:
            log = Path(log_path).read_text(errors="replace")[-2000:] if os.path.exists(log_path) else ""
            pytest.fail(f"PostgreSQL did not start: {started.stderr} {log}")

    def stop(self) -> None:
        import subprocess

        self.thaw()
        subprocess.run(
            [*self.as_user, self.pg_ctl, "-D", self.data, "-m", "immediate", "stop"], capture_output=True, timeout=60
        )

    def _pids(self) -> list[int]:
        import psutil

        pidfile = Path(self.data) / "postmaster.pid"
        if not pidfile.exists():
            return []
        main = psutil.Process(int(pidfile.read_text().split()[0]))
        return [main.pid, *(child.pid for child in main.children(recursive=True))]

    def freeze(self) -> None:
        """Every server process stopped: connections stay open, the kernel still acknowledges, nothing answers."""
        import signal

        for pid in self._pids():
            os.kill(pid, signal.SIGSTOP)

    def kill(self) -> None:
        """The server dies at once (as with the machine's power): nothing in flight commits."""
        import signal

        import psutil

        pids = self._pids()
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        psutil.wait_procs([psutil.Process(pid) for pid in pids if psutil.pid_exists(pid)], timeout=10)
        # A killed server's processes may linger as zombies where nothing reaps them (a container's PID 1):
        # the lock file would then name a "running" postmaster.
        (Path(self.data) / "postmaster.pid").unlink(missing_ok=True)

    def thaw(self) -> None:
        import signal

        for pid in self._pids():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)

    def remove(self) -> None:
        import shutil

        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)


@contextlib.contextmanager
def throwaway_database(name: str, url: str | None = None) -> Iterator[str]:
    """`url` if given; else a database `name` in a throwaway cluster of its own, removed afterwards (benchmarks)."""
    if url:
        yield url
        return
    import psycopg

    cluster = PostgresCluster()
    cluster.start()
    try:
        admin = cluster.url.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        yield f"{cluster.url}/{name}"
    finally:
        cluster.remove()


#: The run's PostgreSQL cluster under pytest-xdist: one for all the workers (not one each), with room for all their
#: connections (each worker's tests hold a few at once; eight workers on the default 100 would be close).
SHARED_CLUSTER_CONNECTIONS = 400
#: The database migrated to head once, never connected to again: what the migrated databases are copied from.
HEAD_DATABASE = "onair_head"


def _migrate_head(url: str) -> None:
    """Make HEAD_DATABASE on the cluster at `url` and migrate it to head (then close: a template must have no
    connection while it is copied)."""
    from console.core.storage import Storage

    admin = url.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    _create_database(admin, HEAD_DATABASE)
    storage = Storage(f"{url}/{HEAD_DATABASE}")
    storage.migrate()
    storage.close()


def _shared_cluster(folder: Path, head: bool) -> str:
    """The URL of the run's one cluster, which lives in `folder` (the run's temporary folder, shared by the
    workers): started by the first worker that asks, under a lock the others wait on, and its migrated template
    made by the first that needs one. Eight clusters (an initdb, a start and a migration each: about 1-2 s of CPU
    per worker, more under load, and eight servers' memory) became one. xdist's controller stops it
    (pytest_sessionfinish below), after every worker has ended."""
    import fcntl
    import json

    facts_path = folder / "postgres.json"
    with (folder / "postgres.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        facts = json.loads(facts_path.read_text()) if facts_path.exists() else None
        if facts is None:
            _share_initdb(folder)
            cluster = PostgresCluster()
            facts = {"url": cluster.url, "base": cluster.base, "data": cluster.data}
            facts.update(pg_ctl=cluster.pg_ctl, as_user=cluster.as_user, head=False)
            # Written before the start: a cluster that started and then failed is still stopped at the end.
            facts_path.write_text(json.dumps(facts))
            cluster.start(max_connections=SHARED_CLUSTER_CONNECTIONS)
        if head and not facts["head"]:
            _migrate_head(facts["url"])
            facts["head"] = True
            facts_path.write_text(json.dumps(facts))
    return str(facts["url"])


def _share_initdb(folder: Path) -> None:
    """Under pytest-xdist, the clusters of every worker (the shared one, and each test's own_postgres) are copies
    of one initdb made for the run in `folder` (the first worker that needs it makes it, under a lock), not of one
    initdb per worker (about 0.8 s of CPU each: a worker that ran a test's own cluster paid it, even with the
    server shared). Removed with the shared cluster at the end of the run."""
    import fcntl
    import shutil
    import subprocess

    global _INITDB_TEMPLATE
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    shared = folder / "pg-initdb" / "data"
    with (folder / "initdb.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not shared.is_dir():
            made = PostgresCluster()  # runs initdb unless this process has its template already; never started
            shared.parent.mkdir(exist_ok=True)
            assert _INITDB_TEMPLATE is not None
            subprocess.run(["cp", "-a", _INITDB_TEMPLATE, str(shared)], check=True, timeout=120)
            shutil.rmtree(made.base, ignore_errors=True)
            # This process's own copy is not needed any more (its atexit removal would come only at its end).
            shutil.rmtree(os.path.dirname(_INITDB_TEMPLATE), ignore_errors=True)
    _INITDB_TEMPLATE = str(shared)


def _stop_shared_cluster(folder: Path) -> None:
    """Stop and remove the run's shared cluster, if a worker started one."""
    import json
    import shutil
    import subprocess

    shutil.rmtree(folder / "pg-initdb", ignore_errors=True)
    facts_path = folder / "postgres.json"
    if not facts_path.exists():
        return
    facts = json.loads(facts_path.read_text())
    stop = [*facts["as_user"], facts["pg_ctl"], "-D", facts["data"], "-m", "immediate", "stop"]
    subprocess.run(stop, capture_output=True, timeout=60, check=False)
    shutil.rmtree(facts["base"], ignore_errors=True)
    facts_path.unlink()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """xdist's controller (or a serial run, which has no shared cluster): the workers have all ended, so the
    run's shared PostgreSQL cluster, if one was started, is stopped here."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is not None and getattr(factory, "_basetemp", None) is not None:
        _stop_shared_cluster(factory.getbasetemp())


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throwaway PostgreSQL cluster for the whole session; yields a URL prefix (no database name). Under
    pytest-xdist one cluster serves every worker of the run (_shared_cluster)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        yield _shared_cluster(tmp_path_factory.getbasetemp().parent, head=False)
        return
    cluster = PostgresCluster()
    cluster.start()
    try:
        yield cluster.url
    finally:
        cluster.remove()


@pytest.fixture
def own_postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgresCluster]:
    """A cluster of the test's own (not started): for stopping, freezing and starting late."""
    _share_initdb(tmp_path_factory.getbasetemp().parent)
    cluster = PostgresCluster()
    try:
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture(scope="session")
def _postgres_head(postgres_server: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database of the session's cluster migrated to head once, never connected to again: the template the
    migrated databases are copied from (PostgreSQL's CREATE DATABASE … TEMPLATE), instead of each test running
    the 13 migrations (about 0.1 s of the test's CPU and more of the server's, for some 120 tests a run). Under
    pytest-xdist, once for the run's shared cluster."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        _shared_cluster(tmp_path_factory.getbasetemp().parent, head=True)
    else:
        _migrate_head(postgres_server)
    return HEAD_DATABASE


def _create_database(admin: str, name: str, template: str | None = None) -> None:
    import psycopg

    copied = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"{copied}')


def _database(postgres_server: str, template: str | None) -> Iterator[str]:
    import uuid

    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = postgres_server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    _create_database(admin, name, template)
    yield f"{postgres_server}/{name}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database for one test."""
    yield from _database(postgres_server, None)


@pytest.fixture
def migrated_postgres_url(postgres_server: str, _postgres_head: str) -> Iterator[str]:
    """A fresh database of the test's own with the newest schema (a copy of one migrated once per session): what
    Storage.migrate() makes of an empty one, which then finds it current."""
    yield from _database(postgres_server, _postgres_head)


@pytest.fixture(params=["sqlite", "postgresql"])
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """A migrated shows' database (console.core.storage.Storage) on real SQLite and real PostgreSQL."""
    from console.core.storage import Storage

    url = (
        f"sqlite:///{tmp_path / 'onair.db'}"
        if request.param == "sqlite"
        else request.getfixturevalue("migrated_postgres_url")
    )
    store = Storage(url)
    store.migrate()
    request.addfinalizer(store.close)
    return store


def sensed_template(items: Sequence[tuple[str, Mapping[str, object]]], template_id: str = "t") -> Template:
    """A one-section checklist of sensed items from (check name, parameters) pairs, for tests."""
    from checklists.model import Item, Section

    return Template(
        template_id,
        {"en": template_id},
        "any",
        (
            Section(
                {"en": "S"}, tuple(Item(f"i{n}", {"en": name}, name, params) for n, (name, params) in enumerate(items))
            ),
        ),
    )


@pytest.fixture(autouse=True)
def _fresh_problem_log() -> None:
    """Each test starts with an empty log of OBS's bad messages, whatever ran before it on its worker: the log says
    each kind of problem once per 10 s, so one logged by another file's test just before would keep this test's
    warning back (tests of different files share a worker, in any order)."""
    from obs.wire import PROBLEMS

    PROBLEMS.reset()


@pytest.fixture(scope="session", autouse=True)
def _no_test_touches_the_users_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The console's default database and spill folder, for the whole test process, are a folder of the run's own:
    a test that runs a command without --database (or a thread of it that outlives its test's own setting) never
    reads or changes the shows of the machine's user."""
    before = os.environ.get("ONAIR_DATA_DIR")
    os.environ["ONAIR_DATA_DIR"] = str(tmp_path_factory.mktemp("user-data"))
    yield
    if before is None:
        os.environ.pop("ONAIR_DATA_DIR", None)
    else:
        os.environ["ONAIR_DATA_DIR"] = before


@pytest.fixture(scope="session", autouse=True)
def _bundled_checklists_parsed_once() -> Iterator[None]:
    """The bundled checklist templates are parsed once per test process, not at every console, controller and
    `onair check` a test makes (nine YAML files, about 60 ms of CPU each time, hundreds of times a run). A template
    is a frozen dataclass, so what is shared cannot be changed by a test; a bundled file changed on disk (its
    time or size) is parsed again, and every other file (a team's folder, the hostile files) is parsed at each
    load as before. Child processes parse their own."""
    import checklists.loader as loader
    from checklists.model import Problem

    parse = loader.load_file
    parsed: dict[tuple[Path, int, int], tuple[Template | None, list[Problem]]] = {}

    def load_file(path: Path) -> tuple[Template | None, list[Problem]]:
        if path.parent != loader.BUNDLED:
            return parse(path)
        try:
            stat = path.stat()
        except OSError:
            return parse(path)
        key = (path, stat.st_mtime_ns, stat.st_size)
        if key not in parsed:
            parsed[key] = parse(path)
        template, problems = parsed[key]
        return template, list(problems)

    loader.load_file = load_file
    yield
    loader.load_file = parse


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication_per_process(qapp: QApplication) -> None:
    """Every test process's Qt application is a QApplication, made before any test: a test (or a command run
    in-process) that made a bare QCoreApplication first would make every later window in that worker abort."""


@pytest.fixture
def gui_thread_gc(qapp: QApplication) -> Iterator[object]:
    """Collect cyclic garbage on the GUI thread only, as the console does (see console.app): a collection
    on a worker thread that frees Qt objects can deadlock against the GUI thread."""
    import gc

    from pyqtgraph.util.garbage_collector import GarbageCollector

    collector = GarbageCollector(interval=0.5)
    yield collector
    collector.timer.stop()
    gc.enable()
    gc.collect()


@pytest.fixture
def ws_server() -> Iterator[JsonLinesWebSocket]:
    """A local comment source speaking JSON lines over a real WebSocket (tests/chat_servers.py), closed after."""
    server = JsonLinesWebSocket()
    yield server
    server.close()
