"""The log analyzer on the log a real OBS wrote while the harness induced faults."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from obs.logfile import analyze
from obs.messages import LinkState
from obs.protocol import OutputState
from tests.conftest import LinkHarness
from tests.e2e.conftest import RealObs


def test_a_freeze_and_a_reconnect_in_the_real_log(real_obs: RealObs, make_link: Callable[..., LinkHarness]) -> None:
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
    log = max(real_obs.obs.log_dir.glob("*.txt"), key=lambda p: p.stat().st_mtime)

    def attempts() -> int:  # the log is the OBS session's: earlier tests may have reconnected too
        return log.read_text(errors="replace").count("Reconnecting in")

    before = attempts()
    real_obs.receiver.kill()
    h.wait(lambda: h.tracker.state.stream.reconnecting, timeout=10)
    # Keep the server down until OBS has tried once in vain: one drop, at least two attempts.
    h.wait(lambda: attempts() >= before + 2, timeout=20)
    real_obs.receiver.start()
    h.wait(lambda: h.tracker.state.stream.state == OutputState.RECONNECTED, timeout=20)
    time.sleep(1.0)
    h.link.request("StopStream").result(5)
    h.wait(lambda: not h.tracker.state.stream.active, timeout=15)
    # OBS says the stream stopped before its log does: the session's end line is written a moment later (a CI run
    # read the log in between and found the session not ended).
    h.wait(lambda: analyze(log).sessions[-1].complete, timeout=15, message="the log's stream session ended")
    report = analyze(log)
    assert report.obs_version is not None and report.obs_version.startswith("29.")
    session = report.sessions[-1]
    assert session.kind == "streaming" and session.complete
    assert session.reconnects == 1 and session.reconnect_attempts >= 2, "a drop is counted once, not per attempt"
    first, second = session.segments  # the run before the drop and the run after the reconnect
    assert first.reconnect_attempts == session.reconnect_attempts and second.reconnect_attempts == 0
    assert first.drawn and second.drawn, "OBS 29 writes each run's drawn frames"
    lagged = (first.lagged or 0) + (second.lagged or 0)
    # Unrounded until said (b267358): the figure is the runs' lagged frames over their drawn ones.
    assert session.render_lag_pct == pytest.approx(100 * lagged / (first.drawn + second.drawn))
    # Measured on OBS 29.0.2: whether a 2 s SIGSTOP shows in the log as lagged frames depends on timing
    # (seen both as no line at all and as "28 (59.6%)"). The session stopped cleanly, so either way the
    # figures are known numbers, never None.
    assert session.render_lag_pct is not None and 0.0 <= session.render_lag_pct <= 100.0
    assert session.network_drop_pct == 0.0
    ids = {f.id for f in report.findings}
    assert {"reconnects", "software_rendering", "log_incomplete"} <= ids  # OBS is still running
