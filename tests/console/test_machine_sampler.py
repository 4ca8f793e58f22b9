"""The machine sampler looks for OBS's own process (its CPU figure) once per connection to OBS, and while it is
not found, less and less often: a scan reads every process of the machine. Real psutil on this machine's real
processes; the sampler's clock is a counter, so no test waits."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

from console.core.telemetry import machine
from console.core.telemetry.machine import MachineSampler
from tests.conftest import wait_until


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """When the sampler read the process table (the real one), by its clock."""
    seen: list[float] = []
    real = psutil.process_iter
    mine = threading.current_thread()

    def counting(*args: Any, **kwargs: Any) -> Iterator[psutil.Process]:
        # The test's own sampler only: a sampler thread an earlier test of this worker left running (a console's,
        # a direct studio's) also reads the process table, and counted here it read as a search out of turn (CI).
        if threading.current_thread() is mine:
            seen.append(-1.0)
        return real(*args, **kwargs)

    monkeypatch.setattr(psutil, "process_iter", counting)
    return seen


def run(sampler: MachineSampler, clock: Clock, scans: list[float], seconds: range) -> list[Any]:
    samples = []
    for t in seconds:
        clock.now = float(t)
        before = len(scans)
        samples.append(sampler.sample())
        if len(scans) > before:
            scans[-1] = clock.now
    return samples


def test_an_obs_that_is_not_found_is_looked_for_less_and_less_often_and_at_once_on_a_new_connection(
    scans: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    # OBS connected on this machine (127.0.0.1) but no process of its name: in a container, or the demo's simulator.
    monkeypatch.setattr(machine, "OBS_PROCESS_NAMES", frozenset({"no-such-obs"}))
    clock = Clock()
    sampler = MachineSampler(clock=clock)
    sampler.watch(None, "127.0.0.1")
    samples = run(sampler, clock, scans, range(0, 900))
    assert all(s.obs_process_cpu_pct is None for s in samples)
    assert scans[:6] == [0.0, 10.0, 30.0, 70.0, 150.0, 310.0], "each search that finds nothing doubles the wait"
    assert scans[6:] == [610.0], "up to five minutes between searches"
    # A new connection to OBS (the session tells the sampler where OBS runs again): a search at once.
    sampler.watch(None, "127.0.0.1")
    run(sampler, clock, scans, range(900, 902))
    assert scans[-1] == 900.0
    assert scans.count(901.0) == 0


def test_an_obs_started_after_a_search_is_found_when_the_console_connects_to_it(
    scans: list[float], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    name = f"obs{os.getpid()}"[:15]
    monkeypatch.setattr(machine, "OBS_PROCESS_NAMES", frozenset({name}))
    clock = Clock()
    sampler = MachineSampler(clock=clock)
    sampler.watch(None, "127.0.0.1")
    assert run(sampler, clock, scans, range(0, 3))[-1].obs_process_cpu_pct is None  # OBS is not running yet
    exe = tmp_path / name
    sleep = shutil.which("sleep")
    assert sleep is not None
    shutil.copy(sleep, exe)
    process = subprocess.Popen([str(exe), "60"])
    try:
        sampler.watch(None, "127.0.0.1")  # the console connected to the OBS that just started
        samples = run(sampler, clock, scans, range(3, 5))
        assert samples[-1].obs_process_cpu_pct is not None, "found at the first sample after the connection"
        # OBS quits and starts again: the process is looked for at once, not after the back-off.
        run(sampler, clock, scans, range(5, 40))  # searches that found nothing before would have backed off
        process.kill()
        process.wait(5)
        process = subprocess.Popen([str(exe), "60"])
        samples = run(sampler, clock, scans, range(40, 42))
        assert samples[-1].obs_process_cpu_pct is not None, "the new OBS process found at once"
    finally:
        process.kill()
        process.wait(5)


def test_obs_share_is_never_more_than_the_machines_total_over_the_same_second(
    scans: list[float], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """OBS's process and the machine's total are read over the same second but counted apart (the process's own
    times, the kernel's per-core ticks): on an idle machine OBS read 6.5 % beside a total of 5.2 %. A share of the
    machine above the machine is no figure: OBS's is at most the total."""
    name = f"obs{os.getpid()}"[:15]
    monkeypatch.setattr(machine, "OBS_PROCESS_NAMES", frozenset({name}))
    exe = tmp_path / name
    busy = shutil.which("yes")
    assert busy is not None
    shutil.copy(busy, exe)
    process = subprocess.Popen([str(exe)], stdout=subprocess.DEVNULL)  # a whole core, as a busy OBS
    try:
        clock = Clock()
        sampler = MachineSampler(clock=clock)
        sampler.watch(None, "127.0.0.1")
        run(sampler, clock, scans, range(0, 2))  # found, and its first reading taken
        used = psutil.Process(process.pid)
        start = sum(used.cpu_times()[:2])
        wait_until(lambda: sum(used.cpu_times()[:2]) >= start + 0.2, 10)  # CPU it used since that reading
        cores = psutil.cpu_count() or 1
        monkeypatch.setattr(psutil, "cpu_percent", lambda interval=None, percpu=False: [3.0] * cores)
        sample = run(sampler, clock, scans, range(2, 3))[-1]
        assert sample.cpu_system_pct == 3.0 and sample.obs_process_cpu_pct == 3.0
    finally:
        process.kill()
        process.wait(5)


def test_the_process_listening_on_the_rooms_obs_port_is_its_obs_not_another_by_name(
    scans: list[float], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Two OBS on one computer (a second instance; in CI the real-OBS suite's beside a demo room): the one found by
    its name was taken for the room's, and its CPU drawn as the room's OBS's. The room's OBS is the process that
    listens on the room's websocket port; the demo room's simulator, in the console's own process, is none."""
    import socket
    import sys

    name = f"obs{os.getpid()}"[:15]
    monkeypatch.setattr(machine, "OBS_PROCESS_NAMES", frozenset({name}))
    exe = tmp_path / name
    sleep = shutil.which("sleep")
    assert sleep is not None
    shutil.copy(sleep, exe)
    other = subprocess.Popen([str(exe), "60"])  # an OBS by its name, not the room's
    listener = subprocess.Popen(
        [sys.executable, "-c", "import socket, sys, time\n"
         "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()\n"
         "print(s.getsockname()[1], flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert listener.stdout is not None
        port = int(listener.stdout.readline())
        clock = Clock()
        sampler = MachineSampler(clock=clock)
        sampler.watch(None, "127.0.0.1", port)
        samples = run(sampler, clock, scans, range(0, 2))
        assert samples[-1].obs_process_cpu_pct is not None
        assert sampler._obs is not None and sampler._obs.pid == listener.pid, "the room's OBS, by its port"
        # The demo room: the port is this process's own (the simulator in the console): no process is OBS's.
        with socket.socket() as own:
            own.bind(("127.0.0.1", 0))
            own.listen()
            sampler.watch(None, "127.0.0.1", own.getsockname()[1])
            samples = run(sampler, clock, scans, range(2, 4))
        assert samples[-1].obs_process_cpu_pct is None and sampler._obs is None
        # Without a port (an older caller), by its name as before.
        sampler.watch(None, "127.0.0.1")
        samples = run(sampler, clock, scans, range(4, 6))
        assert sampler._obs is not None and sampler._obs.pid == other.pid
    finally:
        for process in (other, listener):
            process.kill()
            process.wait(5)
