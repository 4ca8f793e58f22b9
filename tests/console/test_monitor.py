"""`onair monitor` against the simulator over a real socket: JSON lines with the promised fields, unknown
figures as null, markers for a reconnect, and exit 2 with the reason when OBS never answers."""

from __future__ import annotations

import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from console.core.telemetry.monitor import Monitor
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD, wait_until

REQUIRED = {
    "t", "connected", "scene", "streaming", "recording", "bitrate_kbps", "fps", "render_ms", "cpu_system_pct",
    "cpu_obs_pct", "congestion", "dropped", "viewers", "findings",
}  # fmt: skip


@pytest.fixture
def monitor(
    onair: Callable[..., subprocess.CompletedProcess[str]], clock: ManualClock
) -> Callable[..., subprocess.CompletedProcess[str]]:
    """`onair monitor ARGS` in this process (console.cli.main) in compressed time: on the test's manual clock,
    which the monitor moves itself as it pauses between lines (OBS is `clocked_sim`, on the same clock). The
    frozen-OBS test below runs the real entry point on the real clock in a child process."""

    def run(args: list[str], env: dict[str, str | None] | None = None) -> subprocess.CompletedProcess[str]:
        return onair("monitor", *args, env={"ONAIR_TEST_PW": PASSWORD, **(env or {})}, clock=clock)

    return run


Run = Callable[..., subprocess.CompletedProcess[str]]


def test_json_lines_while_streaming(clocked_sim: SimulatorThread, monitor: Run) -> None:
    clocked_sim.call(lambda s: s.room.start_output(s.room.stream, s.now()))
    result = monitor(["--url", clocked_sim.url, "--password-env", "ONAIR_TEST_PW", "--json", "--duration", "8"])
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) >= 6
    for line in lines:
        assert set(line) >= REQUIRED, REQUIRED - set(line)
        assert set(line["dropped"]) == {"render", "encode", "network"}
        assert {f["id"] for f in line["findings"]} <= {"cpu_saturated"}, "a healthy stream has no findings"
    last = lines[-1]
    assert last["connected"] is True and last["streaming"] is True and last["scene"] == "等待开始"
    # the simulator sends 2500 kbit/s video + 160 audio, less a little for its jittered congestion
    assert 2000 < last["bitrate_kbps"] < 2900
    assert last["fps_target"] == 30 and 25 < last["fps"] < 35
    assert last["viewers"] is not None and last["viewers"] >= 0, "the demo audience arrives every 5 s"
    assert last["dropped"]["network"] == 0.0


def test_figures_nobody_knows_are_null_not_zero(clocked_sim: SimulatorThread, monitor: Run) -> None:
    result = monitor(["--url", clocked_sim.url, "--password-env", "ONAIR_TEST_PW", "--json", "--duration", "3"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    last = lines[-1]
    assert last["streaming"] is False
    assert last["bitrate_kbps"] is None and last["dropped"]["network"] is None and last["congestion"] is None
    assert last["viewers"] is None


def test_no_obs_exits_2_with_the_reason(monitor: Run) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.monotonic()
    result = monitor(["--url", f"ws://127.0.0.1:{port}", "--json", "--duration", "2", "--timeout", "1"])
    assert result.returncode == 2
    assert f"127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines and all(line["connected"] is False and line["bitrate_kbps"] is None for line in lines)
    assert time.monotonic() - started < 30


def test_a_wrong_password_stops_at_once(clocked_sim: SimulatorThread, monitor: Run) -> None:
    result = monitor(["--url", clocked_sim.url, "--password-env", "BAD", "--duration", "30"], env={"BAD": "wrong"})
    assert result.returncode == 2 and "password" in result.stderr.lower()


def seconds_until(mon: Monitor, done: Callable[[], bool], limit: int) -> None:
    """In compressed time: a second of the show at a time (the monitor moves its manual clock, the link polls
    that moment, the session ticks) until `done()`, at most `limit` seconds."""
    for _ in range(limit):
        if done():
            return
        mon.pause(1.0)
    assert done(), f"not within {limit} s of the show"


def test_a_stream_reconnect_becomes_markers_and_a_gap(clocked_sim: SimulatorThread, clock: ManualClock) -> None:
    sim = clocked_sim
    with Monitor("127.0.0.1", sim.port, PASSWORD, clock=clock) as mon:
        assert mon.session.wait_connected(10)
        sim.call(lambda s: s.room.start_output(s.room.stream, s.now()))
        seconds_until(mon, lambda: mon.sample()[1]["bitrate_kbps"] is not None, 15)
        sim.call(lambda s: s.stream_reconnect(outage=2.0))
        seen: list[dict[str, Any]] = []
        gap = False

        def reconnected() -> bool:
            nonlocal gap
            line = mon.sample()[1]
            seen.extend(line["markers"])
            gap = gap or (line["reconnecting"] is True and line["bitrate_kbps"] is None)
            return any(m["kind"] == "stream_reconnected" for m in seen)

        seconds_until(mon, reconnected, 15)
        assert [m["kind"] for m in seen][:2] == ["stream_reconnecting", "stream_reconnected"]
        assert gap, "while reconnecting the bitrate is unknown, not a number"


def test_a_rooms_own_audience_source_is_used(clocked_sim: SimulatorThread, tmp_path: Path, monitor: Run) -> None:
    from console.core.rooms import Room, RoomStore
    from console.core.telemetry.audience_config import AudienceConfig

    table = tmp_path / "export.tsv"
    table.write_text(f"时间\t在线人数\n{time.strftime('%H:%M:%S')}\t2.5万\n", encoding="utf-8")
    RoomStore(tmp_path / "rooms.json").put(
        Room("快手直播间", "127.0.0.1", clocked_sim.port, AudienceConfig(kind="file", path=str(table)))
    )
    result = monitor(
        ["--room", "快手直播间", "--password-env", "ONAIR_TEST_PW", "--json", "--duration", "3"],
        env={"ONAIR_CONFIG_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    last = json.loads(result.stdout.splitlines()[-1])
    assert last["viewers"] == 25000 and last["audience_source"] == {"name": "file", "status": "ok", "detail": None}


def test_a_frozen_obs_keeps_one_line_a_second_and_the_bitrate_true(sim: SimulatorThread) -> None:
    """`demo-obs --scenario frozen` used to print nothing for 3 s and then four lines with the same time: the
    monitor asked OBS for its stream settings on the sampling thread when the link turned unresponsive. And a
    stats poll sent during the freeze and answered after it was dated half-way, so the bitrate read high.

    The one run of `onair monitor` on the real clock, in a child process (the entry point's smoke test): what it
    guards is a stall in real time, and OBS's freeze is real seconds to the link's heartbeat. In compressed time
    the seconds after the thaw would pass before the link, on real time, hears OBS again."""
    import threading

    sim.call(lambda s: s.room.start_output(s.room.stream, s.now()))
    proc = subprocess.Popen(
        [sys.executable, "-m", "console", "monitor", "--url", sim.url, "--password-env", "ONAIR_TEST_PW", "--json",
         "--duration", "60"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2],
        env=dict(os.environ, ONAIR_TEST_PW=PASSWORD),
    )  # fmt: skip
    arrived: list[tuple[float, dict[str, Any]]] = []

    def read() -> None:
        assert proc.stdout is not None
        for text in proc.stdout:
            arrived.append((time.monotonic(), json.loads(text)))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        # The monitor's own start (its imports, the link, the first polls): a loaded machine stretches it.
        wait_until(lambda: sum(line["bitrate_kbps"] is not None for _, line in arrived) >= 2, 60)
        sim.call(lambda s: s.freeze())
        frozen_at = len(arrived)
        time.sleep(4.0)  # the fault's own duration (as SIGSTOP for 4 s)
        sim.call(lambda s: s.thaw())
        thawed = len(arrived)
        # Stopped as a person stops it (Ctrl+C) once the bitrate has been read again for a few seconds: the
        # seconds a poll answered late would have inflated are behind it.
        wait_until(lambda: sum(line["bitrate_kbps"] is not None for _, line in arrived[thawed:]) >= 4, 30)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(30) == 0, proc.stderr.read() if proc.stderr else ""
    finally:
        sim.call(lambda s: s.thaw())
        if proc.poll() is None:
            proc.kill()
    reader.join(5)
    lines = [line for _, line in arrived]
    assert any(line["link"] == "unresponsive" for line in lines[frozen_at:]), "the freeze was seen"
    # By the lines' own stamps (what a reader of the output sees), not by when this test's reader thread, on a loaded
    # machine, happened to read them: one line for each second. A line the monitor itself printed late (its process
    # starved for a moment) skips the tick that passed rather than bursting to catch up (cli.py `_monitor_lines`):
    # a 2-s step, now and then. Waiting on the frozen OBS would be a stall as long as the freeze (4 s).
    stamps = [datetime.fromisoformat(line["t"]) for line in lines]
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(stamps)]
    assert all(gap == 1.0 or (gap == 2.0 and gaps.count(2.0) <= 2) for gap in gaps), (
        f"one line a second, no stall and no burst: {gaps}"
    )
    times = [line["t"] for line in lines]
    assert all(a < b for a, b in itertools.pairwise(times)), times
    after = [line["bitrate_kbps"] for line in lines[frozen_at:] if line["bitrate_kbps"] is not None]
    assert after, "the bitrate is known again after the freeze"
    assert all(2000 < kbps < 2900 for kbps in after), f"2660 kbit/s sent throughout, never inflated: {after}"


def test_a_findings_evidence_has_the_streams_target_and_null_for_the_unknown(
    clocked_sim: SimulatorThread, clock: ManualClock
) -> None:
    """HealthEngine.references was never set, so target_kbps was always 0; the monitor now asks OBS's profile
    (off the sampling thread) for the bitrate the stream was set to."""
    sim = clocked_sim
    sim.call(lambda s: s.room.start_output(s.room.stream, s.now()))
    sim.call(lambda s: s.inject("congestion"))
    with Monitor("127.0.0.1", sim.port, PASSWORD, clock=clock) as mon:
        assert mon.session.wait_connected(10)
        found: list[dict[str, Any]] = []

        def network_finding() -> bool:
            found[:] = [f for f in mon.sample()[1]["findings"] if f["id"] == "network"]
            return bool(found)

        seconds_until(mon, network_finding, 30)
        evidence = found[0]["evidence"]
        assert evidence["target_kbps"] == 2660.0, evidence  # the simulator's 2500 video + 160 audio
        json.dumps(found[0])


def test_a_text_line_while_obs_is_frozen_does_not_say_off_air() -> None:
    """While OBS does not answer, whether it streams is unknown: the line said "off air" during the freeze."""
    from console.cli import _monitor_text

    line = {
        "t": "2026-11-30T11:12:57+08:00", "connected": True, "link": "unresponsive", "scene": "直播中",
        "streaming": None, "reconnecting": None, "bitrate_kbps": None, "fps": None, "fps_target": None,
        "render_ms": None, "cpu_system_pct": 5.5, "cpu_obs_pct": None, "viewers": None, "findings": [],
        "dropped": {"render": None, "encode": None, "network": None},
    }  # fmt: skip
    text = _monitor_text(line, lambda context, source: source)
    assert "OBS NOT ANSWERING" in text and "off air" not in text and "LIVE" not in text
    assert " — kbit/s" in text


def test_the_monitors_json_is_strict_and_its_text_survives_odd_scene_names() -> None:
    import json

    import pytest

    from console.cli import _monitor_text
    from console.core.telemetry.monitor import json_line

    line = {
        "t": "12:00:00", "connected": True, "link": "connected", "streaming": True, "reconnecting": False,
        "bitrate_kbps": float("inf"), "fps": float("nan"), "fps_target": 30.0, "render_ms": -float("inf"),
        "cpu_system_pct": 12.0, "cpu_obs_pct": None, "viewers": None, "scene": 12345,
        "dropped": {"render": 0.0, "encode": None, "network": 1.0}, "findings": [],
    }  # fmt: skip
    parsed = json.loads(json_line(dict(line, scene="直播\ud800中")), parse_constant=lambda c: pytest.fail(c))
    assert parsed["bitrate_kbps"] is None and parsed["fps"] is None and parsed["render_ms"] is None
    assert parsed["scene"] == "直播\ufffd中"
    assert "[12345]" in _monitor_text(line, lambda _context, text: text)


def test_an_obs_on_another_computer_gets_none_of_this_computers_cpu(monitor: Run) -> None:
    """alertdup15: the console's room gives this computer's CPU and memory only when its OBS runs here; `onair
    monitor` went through RoomSession's plain sampler and printed this computer's CPU as the remote OBS's."""
    result = monitor(["--url", "ws://192.0.2.1:4455", "--json", "--duration", "3", "--timeout", "1", "--no-alerts"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines, result.stderr
    assert all(line["connected"] is False and line["cpu_system_pct"] is None for line in lines), lines


def test_obs_share_of_the_cpu_is_measured_over_the_same_second_as_the_total() -> None:
    """A thawed OBS printed "CPU 15.9 % (OBS 70 %)": its own figure covered the milliseconds since the GetStats
    before it, the total one second of this machine. Where OBS runs here its process is read by the same sampler,
    over the same second as the total: that is the share printed beside it (OBS's own figure only for an OBS
    elsewhere, which has no total beside it)."""
    from console.core.telemetry.channels import make_sample

    monitor = Monitor("127.0.0.1", 9, PASSWORD)  # never started: only its reading of a recorded second
    second: dict[str, float | None] = {"obs_cpu_pct": 70.0, "obs_process_cpu_pct": 8.0, "cpu_system_pct": 15.9}
    monitor.sampled(make_sample(monitor.clock.now(), second, ()), [])
    _, line = monitor.sample()
    assert (line["cpu_system_pct"], line["cpu_obs_pct"]) == (15.9, 8.0)
    elsewhere: dict[str, float | None] = {"obs_cpu_pct": 12.0, "obs_process_cpu_pct": None, "cpu_system_pct": None}
    monitor.sampled(make_sample(monitor.clock.now(), elsewhere, ()), [])
    _, line = monitor.sample()
    assert (line["cpu_system_pct"], line["cpu_obs_pct"]) == (None, 12.0)
