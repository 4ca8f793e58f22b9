"""`onair monitor` sends the room's alerts too (the same alerts.json and keyring as the console), on the
router's own thread; `--no-alerts` silences them; a wrong alerts.json is said once and the monitor runs on."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from console.core.alerts.config import Credentials
from console.core.rooms import Secrets
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.alert_servers import SIGNING, ChatPlatforms
from tests.conftest import PASSWORD

Onair = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def sim(clocked_sim: SimulatorThread) -> SimulatorThread:
    """OBS on the test's manual clock: each `onair monitor` below runs in compressed time (`onair(..., clock=)`)."""
    return clocked_sim


def studio(folder: Path, language: str = "zh_CN") -> dict[str, str | None]:
    destinations = [
        {"name": "技术群", "platform": "dingtalk", "min_severity": "critical", "only_on_air": True},
        {"name": "wall", "platform": "webhook", "min_severity": "critical"},
    ]
    (folder / "alerts.json").write_text(
        json.dumps({"version": 1, "language": language, "destinations": destinations}, ensure_ascii=False),
        encoding="utf-8",
    )
    return {"ONAIR_CONFIG_DIR": str(folder), "ONAIR_TEST_PW": PASSWORD}


def reconnecting(sim: SimulatorThread) -> None:
    """On air, and the stream's connection down for longer than the monitor runs: the first second it samples
    opens a critical "stream reconnecting" finding."""
    sim.call(lambda s: s.room.start_output(s.room.stream, s.now()))
    sim.call(lambda s: s.stream_reconnect(600.0))


def test_the_monitor_sends_the_rooms_alert_to_each_destination(
    sim: SimulatorThread,
    clock: ManualClock,
    onair: Onair,
    server: ChatPlatforms,
    memory_keyring: object,
    tmp_path: Path,
) -> None:
    env = studio(tmp_path)
    Secrets().set("技术群", Credentials(server.url("dingtalk"), SIGNING).to_keyring(), Secrets.ALERTS)
    Secrets().set("wall", Credentials(server.url("webhook")).to_keyring(), Secrets.ALERTS)
    reconnecting(sim)
    result = onair(
        "monitor",
        "--url",
        sim.url,
        "--password-env",
        "ONAIR_TEST_PW",
        "--json",
        "--duration",
        "4",
        env=env,
        clock=clock,
    )
    assert result.returncode == 0, result.stderr
    assert any(f["id"] == "reconnect" for line in result.stdout.splitlines() for f in json.loads(line)["findings"])
    # The monitor waits for its sender before it exits: what it had to send has been received.
    [ding] = server.of("dingtalk")
    assert ding.verdict == "ok", "DingTalk's documented payload, signed with the destination's secret"
    room = f"127.0.0.1:{sim.port}"
    assert ding.body["markdown"]["title"].startswith(f"[{room}] 严重"), ding.body
    [wall] = server.of("webhook")
    assert wall.body["room"] == room and wall.body["state"] == "opened" and wall.body["language"] == "zh_CN"
    assert SIGNING not in result.stdout + result.stderr and server.url("dingtalk") not in result.stderr


def test_no_alerts_silences_them(
    sim: SimulatorThread,
    clock: ManualClock,
    onair: Onair,
    server: ChatPlatforms,
    memory_keyring: object,
    tmp_path: Path,
) -> None:
    env = studio(tmp_path)
    Secrets().set("wall", Credentials(server.url("webhook")).to_keyring(), Secrets.ALERTS)
    reconnecting(sim)
    args = ("monitor", "--url", sim.url, "--password-env", "ONAIR_TEST_PW", "--json", "--duration", "3")
    result = onair(*args, "--no-alerts", env=env, clock=clock)
    assert result.returncode == 0, result.stderr
    assert any(f["id"] == "reconnect" for line in result.stdout.splitlines() for f in json.loads(line)["findings"])
    assert server.received == [], "with --no-alerts nothing is sent"


def test_a_wrong_alerts_json_is_said_once_and_the_monitor_runs_on(
    sim: SimulatorThread, clock: ManualClock, onair: Onair, memory_keyring: object, tmp_path: Path
) -> None:
    (tmp_path / "alerts.json").write_text("{not json", encoding="utf-8")
    env = {"ONAIR_CONFIG_DIR": str(tmp_path), "ONAIR_TEST_PW": PASSWORD}
    result = onair(
        "monitor", "--url", sim.url, "--password-env", "ONAIR_TEST_PW", "--json", "--duration", "2", "--lang", "zh_CN",
        env=env, clock=clock,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) >= 1
    [said] = [line for line in result.stderr.splitlines() if "alerts.json" in line]
    assert "不发送" in said and "Traceback" not in result.stderr, result.stderr
