"""OBS log analysis on logs from Windows, macOS and Linux, old and new, other locales, cut short, and not logs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from obs.logfile import NotAnObsLog, analyze, analyze_lines

REPO = Path(__file__).resolve().parents[2]

WINDOWS_LOG = """\ufeff12:00:00.000: CPU Name: Intel(R) Core(TM) i5-8400
12:00:00.001: OBS 30.2.3 (64-bit, windows)
12:00:00.002: Warning: OBS is already running!
12:00:00.003: Running as administrator: false
12:00:00.010: 	Interface: Intel(R) Wi-Fi 6 AX201 160MHz (802.11, 866↓/866↑ mbps)
12:00:00.020: video settings reset:
12:00:00.020: 	base resolution:   1920x1080
12:00:00.020: 	output resolution: 1920x1080
12:00:00.020: 	fps:               50/1
12:00:00.020: 	format:            I444
12:00:00.020: 	color range:       Full
12:00:01.000: [x264 encoder: 'test_x264'] preset: veryfast
12:00:01.500: Output 'test_stream': Number of dropped frames due to insufficient bandwidth/connection stalls: 900 (90,0%)
12:00:05.000: [x264 encoder: 'simple_video_stream'] preset: slower
12:00:05.000: [x264 encoder: 'simple_video_stream'] settings:
12:00:05.000: 	rate_control: CBR
12:00:05.000: 	bitrate:      1500
12:00:05.100: ==== Streaming Start ===============================================
12:10:00.000: Output 'simple_stream': Number of lagged frames due to rendering lag/stalls: 360 (1,2%)
12:10:00.000: Output 'simple_stream': Number of dropped frames due to insufficient bandwidth/connection stalls: 3000 (10,0%)
12:10:00.000: Output 'simple_stream': Total frames output: 27000
12:10:00.001: Output 'simple_stream': Reconnecting in 2.00 seconds..
12:20:00.000: [ffmpeg muxer: 'simple_file_output'] Writing file 'C:/Users/主播/Videos/2026-11-23 12-00-00.mp4'...
12:30:00.000: Output 'simple_stream': Number of lagged frames due to rendering lag/stalls: 1000 (5,0%)
12:30:00.000: Output 'simple_stream': Number of dropped frames due to insufficient bandwidth/connection stalls: 3000 (15,0%)
12:30:00.000: Output 'simple_stream': Total frames output: 17000
12:30:00.001: Video stopped, number of skipped frames due to encoding lag: 1200/60000 (2,0%)
12:30:00.002: ==== Streaming Stop ================================================
12:31:00.000: Number of memory leaks: 0
"""


def test_a_windows_log_with_comma_decimals() -> None:
    report = analyze_lines(WINDOWS_LOG.splitlines(), "win.txt")
    assert report.obs_version == "30.2.3" and report.platform == "windows" and report.complete
    [session] = report.sessions
    assert session.kind == "streaming" and session.reconnects == 1 and session.complete
    assert session.network_drop_pct == pytest.approx(100 * 6000 / (30000 + 20000), abs=0.01)  # 12 %, not 90 %
    assert session.render_lag_pct == pytest.approx(100 * 1360 / (30000 + 20000), abs=0.01)
    assert session.encode_lag_pct == pytest.approx(2.0)
    ids = {f.id: f for f in report.findings}
    assert ids["network_drops"].severity == "warning" and "12.0 %" in ids["network_drops"].message
    assert {
        "reconnects",
        "wifi",
        "two_instances",
        "mp4_recording",
        "slow_preset",
        "colour_format",
        "full_range",
        "unusual_fps",
        "bitrate_too_low",
    } <= set(ids)
    assert "render_lag" not in ids and "not_admin" not in ids, "2.7 % render lag is below OBS's 3 % line"
    assert "log_incomplete" not in ids
    assert "2026-11-23 12-00-00.mp4" in ids["mp4_recording"].message
    assert "slower" in ids["slow_preset"].message


OLD_MAC_LOG = """11:00:00.000: OBS 27.2.4 (mac)
11:00:00.100: video settings reset:
11:00:00.100: 	output resolution: 1280x720
11:00:00.100: 	fps:               30/1
11:00:00.100: 	format:            NV12
11:00:01.000: ==== Recording Start ===============================================
11:00:01.000: [ffmpeg muxer: 'simple_file_output'] Writing file '/Users/a/Movies/2022-03-01 11-00-01.mkv'...
11:30:00.000: Output 'simple_file_output': Number of lagged frames due to rendering lag/stalls: 5400 (10.0%)
11:30:00.000: Output 'simple_file_output': Total frames output: 54000
11:30:00.100: ==== Recording Stop ================================================
11:31:00.000: Number of memory leaks: 0
"""


def test_an_old_macos_recording_log() -> None:
    report = analyze_lines(OLD_MAC_LOG.splitlines(), "mac.txt")
    assert report.obs_version == "27.2.4" and report.platform == "mac"
    [session] = report.sessions
    assert session.kind == "recording" and session.network_drop_pct is None, "recordings have no network"
    assert session.render_lag_pct == pytest.approx(10.0) and session.encode_lag_pct == 0.0
    finding = next(f for f in report.findings if f.id == "render_lag")
    assert finding.severity == "critical" and finding.category == "render"
    assert not any(f.id in ("mp4_recording", "unusual_fps", "colour_format") for f in report.findings)


def test_a_log_that_ends_abruptly() -> None:
    lines = WINDOWS_LOG.splitlines()[:-6]  # OBS killed in the middle of the show
    report = analyze_lines(lines, "crash.txt")
    [session] = report.sessions
    assert not session.complete and session.encode_lag_pct is None
    assert session.network_drop_pct == pytest.approx(10.0), "what the log did say before the end is kept"
    assert any(f.id == "log_incomplete" for f in report.findings) and not report.complete


def test_a_session_without_loss_lines_lost_nothing_but_an_open_one_is_unknown() -> None:
    clean = [
        "10:00:00.000: OBS 29.0.2 (linux)",
        "10:00:01.000: ==== Streaming Start ====",
        "10:05:00.000: Output 'simple_stream': Total frames output: 9000",
        "10:05:00.001: ==== Streaming Stop ====",
        "10:06:00.000: Number of memory leaks: 0",
    ]
    [session] = analyze_lines(clean, "x").sessions
    assert (session.render_lag_pct, session.network_drop_pct, session.encode_lag_pct) == (0.0, 0.0, 0.0)
    [open_session] = analyze_lines(clean[:2], "y").sessions
    assert (open_session.render_lag_pct, open_session.network_drop_pct) == (None, None)


@pytest.mark.parametrize("text", ["", "just some text\nand more\n", "\x00\x01\x02binary"])
def test_not_an_obs_log(tmp_path: Path, text: str) -> None:
    path = tmp_path / "not.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NotAnObsLog, match="does not look like an OBS Studio log"):
        analyze(path)
    with pytest.raises(NotAnObsLog, match="cannot be read"):
        analyze(tmp_path / "missing.txt")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console", "analyze-log", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=dict(os.environ),
        timeout=60,
    )


def test_the_command(tmp_path: Path) -> None:
    log = tmp_path / "2026-11-23 12-00-00.txt"
    log.write_text(WINDOWS_LOG, encoding="utf-8")
    result = run_cli(str(log), "--json", "--lang", "en")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["file"] == str(log) and report["obs_version"] == "30.2.3"
    session = report["sessions"][0]
    assert session["kind"] == "streaming" and {"render_lag_pct", "encode_lag_pct", "network_drop_pct"} <= set(session)
    assert all({"id", "category", "severity", "message"} <= set(f) for f in report["findings"])
    chinese = run_cli(str(log), "--lang", "zh_CN")
    assert chinese.returncode == 0 and "网络" in chinese.stdout
    not_a_log = tmp_path / "notes.txt"
    not_a_log.write_text("hello", encoding="utf-8")
    failed = run_cli(str(not_a_log))
    assert failed.returncode == 2 and "not look like an OBS Studio log" in failed.stderr
