"""The health engine against a real OBS streaming to a real receiver: nothing at baseline, a reconnect finding
when the receiver dies, OBS-not-answering then rendering lag when OBS freezes, and a network finding when
the uplink is too slow for the bitrate (a rate-limited veth into a network namespace)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.health import Finding
from tests.e2e.conftest import RealObs
from tests.e2e.harness import ShapedUplink

#: A loaded shared test machine may truly saturate its CPU; that finding is not a false alarm.
TRUE_ANYWHERE = {"cpu_saturated"}
#: While it is, OBS itself is starved of CPU: the frames it then misses rendering or encoding are missed for real (a
#: fresh-clone CI run at full load: 2.2 % render lag beside "CPU 99.9 %, other programs 88 %").
STARVED = {"render_lag", "encode_lag"}


def false_alarms(found: set[str]) -> set[str]:
    """The findings a healthy stream should not raise, given what else was found."""
    return found - TRUE_ANYWHERE - (STARVED if "cpu_saturated" in found else set())


def seen(window: MainWindow) -> dict[str, Finding]:
    """Every finding of this show so far (open and closed), by id, the latest episode of each."""
    return {f.id: f for f in window.telemetry.health.timeline()}


def start_streaming(qtbot: QtBot, window: MainWindow) -> None:
    window.bridge.request("StartStream")
    # OBS may need a retry or two (RetryDelay 2 s) while a just-started receiver settles.
    qtbot.waitUntil(lambda: window.telemetry.telemetry.value("bitrate_kbps") is not None, timeout=40000)


def stop_streaming(qtbot: QtBot, window: MainWindow) -> None:
    window.bridge.request("StopStream")
    qtbot.waitUntil(lambda: not window.bridge.state.stream.active, timeout=15000)


def test_baseline_receiver_killed_and_obs_frozen(qtbot: QtBot, real_obs: RealObs, window: MainWindow) -> None:
    window.apply_workspace("Technician")
    start_streaming(qtbot, window)
    try:
        qtbot.wait(15000)
        assert not false_alarms(set(seen(window))), f"false alarms at baseline: {seen(window)}"

        real_obs.receiver.kill()
        qtbot.waitUntil(lambda: "reconnect" in seen(window), timeout=10000)
        assert seen(window)["reconnect"].severity == "critical"
        assert window.health.lights["connection"].text().count("#e0312f") == 1, "the connection light is red"
        real_obs.receiver.start()
        qtbot.waitUntil(lambda: seen(window)["reconnect"].severity == "warning", timeout=25000)
        assert "reconnected after" in seen(window)["reconnect"].message

        # Frozen for 8 s: the console must see OBS stop answering, then the frames OBS could not render. (The
        # link calls OBS unresponsive after 1.5 s and the finding needs 3 s of it: a 5 s freeze raced the thaw.)
        real_obs.obs.freeze()
        threading.Timer(8.0, real_obs.obs.thaw).start()  # not on the GUI thread: it must thaw whatever happens
        qtbot.waitUntil(lambda: "obs_unreachable" in seen(window), timeout=10000)
        assert seen(window)["obs_unreachable"].severity == "critical", "OBS lost while on air"
        qtbot.waitUntil(lambda: "render_lag" in seen(window), timeout=25000)
        render = seen(window)["render_lag"]
        assert render.category == "render" and render.fields["worst"] > 5.0, render.fields
        assert not seen(window)["obs_unreachable"].active, "cleared once OBS answers again"
        assert any(m.kind.startswith("finding_") for m in window.telemetry.telemetry.markers)
    finally:
        real_obs.obs.thaw()
        stop_streaming(qtbot, window)


@pytest.fixture
def uplink(tmp_path: Path) -> Iterator[ShapedUplink]:
    link = ShapedUplink(tmp_path)
    yield link
    link.stop()


def test_a_slow_uplink_is_a_network_finding(
    qtbot: QtBot, real_obs: RealObs, window: MainWindow, uplink: ShapedUplink
) -> None:
    def point_obs_at(url: str) -> None:
        done: list[object] = []
        window.bridge.request(
            "SetStreamServiceSettings",
            {"streamServiceType": "rtmp_custom", "streamServiceSettings": {"server": url, "key": "test"}},
            on_done=lambda result, error: done.append(error or "ok"),
        )
        qtbot.waitUntil(lambda: bool(done), timeout=5000)
        assert done == ["ok"], done

    point_obs_at(uplink.receiver.url)
    try:
        start_streaming(qtbot, window)
        qtbot.waitUntil(lambda: (uplink.receiver.bytes_in() or 0) > 0, timeout=10000)
        qtbot.wait(5000)
        assert "network" not in seen(window), "the unshaped link carries the stream"
        uplink.shape(200)  # 564 kbit/s of stream into 200 kbit/s of uplink
        qtbot.waitUntil(lambda: "network" in seen(window), timeout=40000)
        finding = seen(window)["network"]
        assert finding.category == "network"
        assert finding.fields["congestion_pct"] > 60 or finding.fields["pct"] > 1.0, finding.fields
        assert any("Ethernet" in remedy for remedy in finding.remedies)
        started = time.monotonic()
        qtbot.waitUntil(lambda: seen(window)["network"].severity == "critical", timeout=40000)
        assert time.monotonic() - started < 40
    finally:
        uplink.unshape()
        stop_streaming(qtbot, window)
        point_obs_at(real_obs.receiver.url)
