"""The graphs against a real OBS streaming to a real RTMP receiver: the bitrate the console plots is what
arrives, a receiver on this computer is not measured as network upload, and a receiver outage is markers and
a gap."""

from __future__ import annotations

import time

import numpy as np
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.protocol import OutputState
from tests.e2e.conftest import RealObs


def column(window: MainWindow, channel: str, since: float) -> np.ndarray:
    from console.core.telemetry.channels import INDEX

    _, values = window.telemetry.telemetry.ring.since(since)
    return np.asarray(values[:, INDEX[channel]], dtype=np.float64)


def test_plotted_bitrate_agrees_with_the_receiver_and_an_outage_is_a_gap(
    qtbot: QtBot, real_obs: RealObs, window: MainWindow
) -> None:
    telemetry = window.telemetry
    window.docks["graph_bitrate"].show()
    window.bridge.request("StartStream")
    try:
        # 40 s: OBS may need a retry or two (RetryDelay 2 s) while a just-started receiver settles.
        qtbot.waitUntil(lambda: telemetry.telemetry.value("bitrate_kbps") is not None, timeout=40000)
        qtbot.waitUntil(lambda: (real_obs.receiver.bytes_in() or 0) > 0, timeout=10000)
        first_bytes, first_t = real_obs.receiver.bytes_in() or 0, time.monotonic()
        qtbot.wait(8000)
        received_kbps = ((real_obs.receiver.bytes_in() or 0) - first_bytes) * 8 / 1000 / (time.monotonic() - first_t)
        plotted = column(window, "bitrate_kbps", first_t + 3)  # the 3 s smoothing window has filled
        assert len(plotted) >= 4 and np.isfinite(plotted).all()
        assert abs(float(np.median(plotted)) - received_kbps) <= 0.25 * received_kbps, (plotted, received_kbps)
        # The receiver runs on this computer: the stream crosses no network interface, and loopback also
        # carries the console's own obs-websocket traffic, so the upload is unknown rather than loopback's.
        upload = column(window, "net_up_kbps", first_t + 3)
        assert not np.isfinite(upload).any(), f"no interface upload for an ingest on this computer: {upload}"

        real_obs.receiver.kill()
        qtbot.waitUntil(lambda: window.bridge.state.stream.reconnecting, timeout=10000)
        outage = time.monotonic()
        qtbot.wait(3000)
        real_obs.receiver.start()
        qtbot.waitUntil(lambda: window.bridge.state.stream.state == OutputState.RECONNECTED, timeout=25000)
        kinds = [m.kind for m in telemetry.telemetry.markers]
        assert "stream_reconnecting" in kinds and "stream_reconnected" in kinds
        during = column(window, "bitrate_kbps", outage + 0.5)
        assert np.isnan(during).sum() >= 2, f"while reconnecting the bitrate is a gap: {during}"
        assert not (during == 0).any(), "never a made-up 0"
        qtbot.waitUntil(lambda: (telemetry.telemetry.value("bitrate_kbps") or 0) > 0, timeout=15000)
        graph = window.graph("graph_bitrate")
        reconnect_t = next(m.t for m in telemetry.telemetry.markers if m.kind == "stream_reconnecting")
        graph.refresh(force=True)
        lines = graph.panes[0].marker_positions()
        assert any(abs(v - (reconnect_t + telemetry.telemetry.wall_offset)) < 0.01 for v in lines)
    finally:
        window.bridge.request("StopStream")
        qtbot.waitUntil(lambda: not window.bridge.state.stream.active, timeout=15000)
        deadline = time.monotonic() + 10  # nginx-rtmp refuses the same key while the old publisher lingers
        while real_obs.receiver.bytes_in() is not None and time.monotonic() < deadline:
            time.sleep(0.1)
