"""The log analyzer on the log a real OBS wrote while the harness induced faults."""

from __future__ import annotations

import time

from obs.logfile import analyze
from obs.messages import LinkState
from obs.protocol import OutputState
from tests.conftest import LinkHarness
from tests.e2e.conftest import RealObs


def test_a_freeze_and_a_reconnect_in_the_real_log(real_obs: RealObs, make_link) -> None:  # type: ignore[no-untyped-def]
    h: LinkHarness = make_link(
        real_obs.obs.port, password=real_obs.obs.password, poll_interval=0.5, request_timeout=3.0
    )
    h.wait(lambda: h.tracker.status.state is LinkState.CONNECTED, timeout=15)
    h.link.request("StartStream").result(5)
    h.wait(lambda: h.tracker.state.stream.state == OutputState.STARTED, timeout=15)
    time.sleep(1.0)
    real_obs.obs.freeze()  # the compositor misses every frame while OBS is stopped
    time.sleep(2.0)
    real_obs.obs.thaw()
    real_obs.receiver.kill()
    h.wait(lambda: h.tracker.state.stream.reconnecting, timeout=10)
    real_obs.receiver.start()
    h.wait(lambda: h.tracker.state.stream.state == OutputState.RECONNECTED, timeout=20)
    time.sleep(1.0)
    h.link.request("StopStream").result(5)
    h.wait(lambda: not h.tracker.state.stream.active, timeout=15)
    log = max(real_obs.obs.log_dir.glob("*.txt"), key=lambda p: p.stat().st_mtime)
    report = analyze(log)
    assert report.obs_version is not None and report.obs_version.startswith("29.")
    session = report.sessions[-1]
    assert session.kind == "streaming" and session.complete and session.reconnects >= 1
    # Measured on OBS 29.0.2: a SIGSTOPped OBS draws no frames at all while stopped, so its log has no
    # "lagged frames" line for it (GetStats.renderSkippedFrames does count it; see test_real_obs.py).
    # The session stopped cleanly, so the figure is known: zero, not None.
    assert session.render_lag_pct == 0.0 and session.network_drop_pct == 0.0
    ids = {f.id for f in report.findings}
    assert {"reconnects", "software_rendering", "log_incomplete"} <= ids  # OBS is still running
