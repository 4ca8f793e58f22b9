"""`onair analyze-log` and `onair monitor` in Chinese: every word a person reads is Chinese (names, units and
literals aside: tests/language.py), severities and link states included."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from obs.clock import ManualClock
from tests.language import english_words
from tests.obs.test_logfile import OLD_MAC_LOG, RECONNECT_LOG, WINDOWS_LOG

Onair = Callable[..., CompletedProcess[str]]


def test_analyze_log_says_everything_in_chinese(tmp_path: Path, onair: Onair) -> None:
    for name, text in (("windows", WINDOWS_LOG), ("reconnect", RECONNECT_LOG), ("mac", OLD_MAC_LOG)):
        log = tmp_path / f"{name}.txt"
        log.write_text(text, encoding="utf-8")
        result = onair("analyze-log", str(log), "--lang", "zh_CN", env={"ONAIR_CONFIG_DIR": str(tmp_path)})
        assert result.returncode == 0, result.stderr
        leftovers = {line: english_words(line) for line in result.stdout.splitlines() if english_words(line)}
        assert not leftovers, leftovers
        assert "[警告]" in result.stdout or "[严重]" in result.stdout, "a severity in words"


def test_monitor_says_a_lost_link_in_chinese(tmp_path: Path, onair: Onair, clock: ManualClock) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = onair(
        "monitor",
        "--url",
        f"ws://127.0.0.1:{port}",
        "--lang",
        "zh_CN",
        "--duration",
        "2",
        "--timeout",
        "1",
        env={"ONAIR_CONFIG_DIR": str(tmp_path)},
        clock=clock,
    )
    lines = (result.stdout + result.stderr).splitlines()
    assert any("未连接到 OBS" in line for line in lines), lines
    leftovers = {line: english_words(line) for line in lines if english_words(line)}
    assert not leftovers, leftovers
    too_fast = onair(
        "monitor",
        "--url",
        f"ws://127.0.0.1:{port}",
        "--lang",
        "zh_CN",
        "--interval",
        "0.1",
        env={"ONAIR_CONFIG_DIR": str(tmp_path)},
    )
    assert too_fast.returncode == 2 and not english_words(too_fast.stderr), too_fast.stderr


def test_monitor_says_figures_and_findings_in_chinese(tmp_path: Path, onair: Onair, clock: ManualClock) -> None:
    """In compressed time: OBS and the monitor on one manual clock, which the monitor moves between lines."""
    from obs.simulator.server import SimulatorThread
    from tests.conftest import PASSWORD

    with SimulatorThread(password=PASSWORD, seed=11, clock=clock) as sim:
        sim.call(lambda s: s.room.start_output(s.room.stream, s.now()))
        sim.call(lambda s: s.inject("render-lag"))
        url = f"ws://127.0.0.1:{sim.port}"
        command = ["monitor", "--url", url, "--password-env", "PW", "--lang", "zh_CN", "--duration", "8"]
        result = onair(*command, env={"ONAIR_CONFIG_DIR": str(tmp_path), "PW": PASSWORD}, clock=clock)
    lines = result.stdout.splitlines()
    assert any("[严重]" in line for line in lines), "a critical finding, its severity in words"
    leftovers = {line: english_words(line) for line in lines if english_words(line)}
    assert not leftovers, leftovers
