"""Shared fixtures: a simulator on a real socket, links pumped into trackers, and polling waits."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from obs.link import ObsLink
from obs.simulator.server import SimulatorThread
from obs.tracker import ObsTracker

PASSWORD = "s3cret-密码"


def wait_until(
    predicate: Callable[[], bool],
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
        self.statuses: list = []

    def pump(self) -> None:
        for item in self.link.drain():
            from obs.messages import StatusChanged

            if isinstance(item, StatusChanged):
                self.statuses.append(item.status)
            self.tracker.handle(item)

    def wait(self, predicate: Callable[[], bool], timeout: float = 10.0, message: str = "") -> None:
        wait_until(predicate, timeout, pump=self.pump, message=message)

    def states(self) -> list[str]:
        return [s.state.value for s in self.statuses]


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
    """A real 256 KiB filesystem (tmpfs) to fill up: a full disk, not a mocked error. Needs root (CI is)."""
    import subprocess
    from pathlib import Path

    mount_point = Path(tmp_path_factory.mktemp("small-disk"))
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount_point)], capture_output=True, text=True
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


@pytest.fixture
def memory_keyring() -> Iterator[object]:
    """The keyring library pointed at an in-memory backend for the test, then restored."""
    import keyring

    from tests.keyring_memory import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
