"""OBS log analysis on logs from Windows, macOS and Linux, old and new, other locales, cut short, and not logs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from obs.logfile import NotAnObsLog, analyze, analyze_lines

REPO = Path(__file__).resolve().parents[2]

# The frame figures are in the order and wording libobs writes them when an output stops or drops
# (log_frame_info): "stopping", the frames sent "(attempted)" when some were dropped, the frames drawn
# "(attempted)" when some lagged, then the lagged and dropped lines. Windows names the network interface
# with the rtmp stream's prefix.
WINDOWS_LOG = """\ufeff12:00:00.000: CPU Name: Intel(R) Core(TM) i5-8400
12:00:00.001: OBS 30.2.3 (64-bit, windows)
12:00:00.002: Warning: OBS is already running!
12:00:00.003: Running as administrator: false
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
12:00:05.050: [rtmp stream: 'simple_stream'] Connecting to RTMP URL rtmp://live.example.com/app...
12:00:05.080: [rtmp stream: 'simple_stream'] Interface: Intel(R) Wi-Fi 6 AX201 160MHz (802.11, 866↓/866↑ mbps)
12:00:05.090: [rtmp stream: 'simple_stream'] Connection to rtmp://live.example.com/app successful
12:00:05.100: ==== Streaming Start ===============================================
12:10:00.000: [rtmp stream: 'simple_stream'] Disconnected from rtmp://live.example.com/app
12:10:00.000: Output 'simple_stream': stopping
12:10:00.000: Output 'simple_stream': Total frames output: 27000 (30000 attempted)
12:10:00.000: Output 'simple_stream': Total drawn frames: 29640 (30000 attempted)
12:10:00.000: Output 'simple_stream': Number of lagged frames due to rendering lag/stalls: 360 (1,2%)
12:10:00.000: Output 'simple_stream': Number of dropped frames due to insufficient bandwidth/connection stalls: 3000 (10,0%)
12:10:00.001: Output 'simple_stream': Reconnecting in 2.00 seconds..
12:10:02.010: [rtmp stream: 'simple_stream'] Connection to rtmp://live.example.com/app successful
12:20:00.000: [ffmpeg muxer: 'simple_file_output'] Writing file 'C:/Users/主播/Videos/2026-11-23 12-00-00.mp4'...
12:30:00.000: [rtmp stream: 'simple_stream'] User stopped the stream
12:30:00.000: Output 'simple_stream': stopping
12:30:00.000: Output 'simple_stream': Total frames output: 17000 (20000 attempted)
12:30:00.000: Output 'simple_stream': Total drawn frames: 19000 (20000 attempted)
12:30:00.000: Output 'simple_stream': Number of lagged frames due to rendering lag/stalls: 1000 (5,0%)
12:30:00.000: Output 'simple_stream': Number of dropped frames due to insufficient bandwidth/connection stalls: 3000 (15,0%)
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
    # The second run, 20 minutes long, lost 15 % (critical) and lagged 5 % (a warning): it grades the session.
    assert (
        ids["network_drops"].severity == "critical"
        and (
            "12.0 % of frames dropped by the network over the session; 15.0 % in the run 12:10:02.010–12:30:00.000 "
            "(1198 s)"
        )
        in ids["network_drops"].message
    )
    assert ids["render_lag"].severity == "warning" and "2.7 %" in ids["render_lag"].message
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
    assert "not_admin" in ids, "frames lagged in rendering (5 % in the second run)"
    assert "log_incomplete" not in ids
    assert "2026-11-23 12-00-00.mp4" in ids["mp4_recording"].message
    assert "slower" in ids["slow_preset"].message
    assert [(run.ended, run.network_drop_pct) for run in session.segments] == [
        ("12:10:00.000", 10.0),
        ("12:30:00.000", 15.0),
    ]


def test_wifi_found_in_the_windows_rtmp_interface_line() -> None:
    wifi = "[rtmp stream: 'simple_stream'] Interface: Intel(R) Wi-Fi 6 AX201 160MHz (802.11, 866↓/866↑ mbps)"
    wired = "[rtmp stream: 'simple_stream'] Interface: Realtek PCIe GbE Family Controller (ethernet, 1000↓/1000↑ mbps)"

    def findings(line: str) -> set[str]:
        lines = [
            "10:00:00.000: OBS 29.1.3 (64-bit, windows)",
            f"10:00:01.000: {line}",
            "10:09:00.000: Number of memory leaks: 0",
        ]
        return {f.id for f in analyze_lines(lines, "w.txt").findings}

    assert "wifi" in findings(wifi)
    assert "wifi" not in findings(wired)


# One drop, two tries: the first attempt finds the server still down, the second gets through. Lines as
# OBS 29.0.2 on Linux writes them (the lagged line only when frames lagged, no dropped line when none did).
RECONNECT_LOG = """10:57:21.000: OBS 29.0.2 (linux)
10:57:22.004: [rtmp stream: 'simple_stream'] Connecting to RTMP URL rtmp://127.0.0.1:1935/live...
10:57:22.193: [rtmp stream: 'simple_stream'] Connection to rtmp://127.0.0.1:1935/live successful
10:57:22.193: ==== Streaming Start ===============================================
10:57:30.207: [rtmp stream: 'simple_stream'] Disconnected from rtmp://127.0.0.1:1935/live
10:57:30.207: Output 'simple_stream': stopping
10:57:30.207: Output 'simple_stream': Total frames output: 230
10:57:30.207: Output 'simple_stream': Total drawn frames: 198 (241 attempted)
10:57:30.207: Output 'simple_stream': Number of lagged frames due to rendering lag/stalls: 43 (17.8%)
10:57:30.207: Output 'simple_stream': Reconnecting in 2.00 seconds..
10:57:30.208: [rtmp stream: 'simple_stream'] Freeing 1 remaining packets
10:57:32.216: [rtmp stream: 'simple_stream'] Connecting to RTMP URL rtmp://127.0.0.1:1935/live...
10:57:32.217: Output 'simple_stream': Reconnecting in 3.04 seconds..
10:57:32.217: [rtmp stream: 'simple_stream'] Connection to rtmp://127.0.0.1:1935/live failed: -2
10:57:35.260: [rtmp stream: 'simple_stream'] Connecting to RTMP URL rtmp://127.0.0.1:1935/live...
10:57:35.369: [rtmp stream: 'simple_stream'] Connection to rtmp://127.0.0.1:1935/live successful
10:57:38.725: [rtmp stream: 'simple_stream'] User stopped the stream
10:57:38.725: Output 'simple_stream': stopping
10:57:38.725: Output 'simple_stream': Total frames output: 80
10:57:38.725: Output 'simple_stream': Total drawn frames: 80
10:57:38.726: ==== Streaming Stop ================================================
10:58:00.000: Number of memory leaks: 0
"""


def test_one_drop_with_two_attempts_and_figures_weighted_by_each_runs_frames() -> None:
    report = analyze_lines(RECONNECT_LOG.splitlines(), "reconnect.txt")
    [session] = report.sessions
    assert (session.reconnects, session.reconnect_attempts) == (1, 2), "one drop, two tries to get back"
    assert session.render_lag_pct == pytest.approx(100 * 43 / 321, abs=0.01), "43 of 321 drawn, not 17.8 %"
    first, second = session.segments
    assert (first.ended, first.drawn, first.reconnect_attempts) == ("10:57:30.207", 241, 2)
    assert first.render_lag_pct == pytest.approx(100 * 43 / 241) and first.to_dict()["render_lag_pct"] == 17.84
    assert (second.ended, second.drawn, second.render_lag_pct, second.reconnect_attempts) == (
        "10:57:38.725",
        80,
        0.0,
        0,
    )
    finding = next(f for f in report.findings if f.id == "reconnects")
    assert "dropped 1 time," in finding.message and "needed 2 attempts to" in finding.message
    assert next(f for f in report.findings if f.id == "render_lag").message.count("13.4 %") == 1


def test_runs_without_a_drawn_count_are_weighted_by_their_frames() -> None:
    lines = [
        "10:00:00.000: OBS 29.0.2 (linux)",
        "10:00:01.000: ==== Streaming Start ====",
        "10:01:00.000: Output 'simple_stream': stopping",
        "10:01:00.000: Output 'simple_stream': Total frames output: 600",
        "10:01:00.000: Output 'simple_stream': Number of lagged frames due to rendering lag/stalls: 60 (10.0%)",
        "10:01:00.001: Output 'simple_stream': Reconnecting in 2.00 seconds..",
        "10:02:00.000: Output 'simple_stream': stopping",
        "10:02:00.000: Output 'simple_stream': Total frames output: 600",
        "10:02:00.001: ==== Streaming Stop ====",
    ]
    [session] = analyze_lines(lines, "x").sessions
    assert session.render_lag_pct == 5.0, "60 of the 600 + 600 frames, not the first run's 10 %"


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
    lines = WINDOWS_LOG.splitlines()[:-10]  # OBS killed in the middle of the show
    report = analyze_lines(lines, "crash.txt")
    [session] = report.sessions
    assert not session.complete and session.encode_lag_pct is None
    assert session.network_drop_pct == pytest.approx(10.0), "what the log did say before the end is kept"
    assert any(f.id == "log_incomplete" for f in report.findings) and not report.complete


def test_a_session_without_loss_lines_lost_nothing_but_an_open_one_is_unknown() -> None:
    clean = [
        "10:00:00.000: OBS 29.0.2 (linux)",
        "10:00:01.000: ==== Streaming Start ====",
        "10:05:00.000: Output 'simple_stream': stopping",
        "10:05:00.000: Output 'simple_stream': Total frames output: 9000",
        "10:05:00.000: Output 'simple_stream': Total drawn frames: 9000",
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


def test_the_command_runs_as_a_process(tmp_path: Path) -> None:
    """The real entry point (`python -m console analyze-log`); the tests below call console.cli.main in-process."""
    log = tmp_path / "2026-11-23 12-00-00.txt"
    log.write_text(WINDOWS_LOG, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "console", "analyze-log", str(log), "--json", "--lang", "en"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=dict(os.environ),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["obs_version"] == "30.2.3"


def test_a_run_of_one_frame_reads_1_frame(
    tmp_path: Path, onair: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    """A run that dropped after one frame is "1 frame" in English, never "1 frames"; Chinese has one form."""
    log = tmp_path / "2026-11-23 12-00-00.txt"
    log.write_text(
        WINDOWS_LOG.replace("Total frames output: 27000 (30000 attempted)", "Total frames output: 1 (1 attempted)")
        .replace("Total drawn frames: 29640 (30000 attempted)", "Total drawn frames: 1 (1 attempted)")
        .replace("rendering lag/stalls: 360 (1,2%)", "rendering lag/stalls: 0 (0,0%)")
        .replace("connection stalls: 3000 (10,0%)", "connection stalls: 0 (0,0%)"),
        encoding="utf-8",
    )
    english = onair("analyze-log", str(log), "--lang", "en")
    assert english.returncode == 0, english.stderr
    assert "run 1 until 12:10:00.000: 1 frame, render lag 0.0 %, network drops 0.0 %" in english.stdout, english.stdout
    assert "run 2 until 12:30:00.000: 20000 frames, render lag" in english.stdout
    chinese = onair("analyze-log", str(log), "--lang", "zh_CN")
    assert "第 1 段（至 12:10:00.000）：1 帧，渲染延迟 0.0 %，网络丢帧 0.0 %" in chinese.stdout, chinese.stdout


def test_the_command(tmp_path: Path, onair: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
        return onair("analyze-log", *args)

    log = tmp_path / "2026-11-23 12-00-00.txt"
    log.write_text(WINDOWS_LOG, encoding="utf-8")
    result = run_cli(str(log), "--json", "--lang", "en")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["file"] == str(log) and report["obs_version"] == "30.2.3"
    session = report["sessions"][0]
    assert session["kind"] == "streaming" and {"render_lag_pct", "encode_lag_pct", "network_drop_pct"} <= set(session)
    assert all({"id", "category", "severity", "message"} <= set(f) for f in report["findings"])
    assert [(run["ended"], run["network_drop_pct"], run["reconnect_attempts"]) for run in session["segments"]] == [
        ("12:10:00.000", 10.0, 1),
        ("12:30:00.000", 15.0, 0),
    ]
    text = run_cli(str(log), "--lang", "en").stdout
    assert "run 1 until 12:10:00.000: 30000 frames, render lag 1.2 %, network drops 10.0 %" in text
    assert "      → Settings ▸ Output ▸ Recording ▸ Recording Format: MKV" in text, "each finding's remedy under it"
    chinese = run_cli(str(log), "--lang", "zh_CN")
    assert chinese.returncode == 0 and "网络" in chinese.stdout
    assert "      → 设置 ▸ 输出 ▸ 录像 ▸ 录像格式：MKV" in chinese.stdout
    remedies = {
        f["id"]: f["remedy"] for f in json.loads(run_cli(str(log), "--json", "--lang", "zh_CN").stdout)["findings"]
    }
    assert remedies["slow_preset"] == "设置 ▸ 输出 ▸ 直播 ▸ CPU 使用预设：veryfast。"
    assert "开始的推流会话" in chinese.stdout and "streaming" not in chinese.stdout, "the session kind in Chinese too"
    not_a_log = tmp_path / "notes.txt"
    not_a_log.write_text("hello", encoding="utf-8")
    failed = run_cli(str(not_a_log))
    assert failed.returncode == 2 and "not look like an OBS Studio log" in failed.stderr


def test_a_loss_is_said_to_the_tenth_of_the_frames_it_counts_not_of_a_rounded_figure(
    tmp_path: Path, onair: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    """walk13: 56 of 3,621 frames (1.546 %) was said "1.6 %": the share was rounded to 1.55 before being said."""
    lines = [
        "10:50:24.000: OBS 29.0.2 (linux)",
        "10:50:30.000: ==== Streaming Start ===============================================",
        "10:55:00.000: Output 'simple_stream': stopping",
        "10:55:00.000: Output 'simple_stream': Total frames output: 3565 (3621 attempted)",
        "10:55:00.000: Output 'simple_stream': Total drawn frames: 3621 (3621 attempted)",
        "10:55:00.000: Output 'simple_stream': Number of dropped frames due to insufficient bandwidth/connection stalls: "
        "56 (1.5%)",
        "10:55:00.002: ==== Streaming Stop ================================================",
        "10:56:00.000: ==== Shutting down ==================================================",
        "10:56:00.450: Number of memory leaks: 0",
    ]
    report = analyze_lines(lines, "x")
    (session,) = report.sessions
    assert session.network_drop_pct == pytest.approx(100 * 56 / 3621)
    assert session.to_dict()["network_drop_pct"] == 1.55  # the JSON keeps two decimals
    log = tmp_path / "2026-12-01 10-50-24.txt"
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = onair("analyze-log", str(log), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "1.5" in result.stdout and "1.6" not in result.stdout, result.stdout


LOGS = Path(__file__).parent / "logs"
REAL_LOG = LOGS / "real-linux-obs29-shaped-uplink-reconnect.txt"


@pytest.mark.parametrize("cut", ["mid-line", "after a whole line"])
def test_a_log_cut_off_within_a_runs_figures_leaves_them_unknown_not_zero(tmp_path: Path, cut: str) -> None:
    """tech16: a real log cut off in the middle of "Number of lagged frames due to rendering lag/s…" — after the
    run's total and drawn frames, before its lagged and dropped lines — was reported "render lag 0.0 %, network
    drops 0.0 %" for a run that had dropped 368 frames (27.3 %): the lines that were never written read as none."""
    text = REAL_LOG.read_text(encoding="utf-8")
    head = text[: text.index("Number of lagged frames due to rendering lag/s") + 46]
    if cut == "after a whole line":
        head = head[: head.rindex("\n") + 1]
    path = tmp_path / "2026-12-02 13-00-38.txt"
    path.write_text(head, encoding="utf-8")
    report = analyze(path)
    stream = next(s for s in report.sessions if s.kind == "streaming")
    assert stream.segments[-1].frames == 1348, "what the log did say is kept"
    assert (stream.render_lag_pct, stream.network_drop_pct) == (None, None)
    assert stream.to_dict()["segments"][-1]["network_drop_pct"] is None
    assert "log_incomplete" in {f.id for f in report.findings}
    whole = analyze(REAL_LOG)  # the whole log says the figures
    assert next(s for s in whole.sessions if s.kind == "streaming").network_drop_pct == pytest.approx(
        100 * 368 / (1348 + 1214)
    )


def test_a_stream_and_a_recording_started_together_each_have_their_settings() -> None:
    """tech16: StartStream then StartRecord in Simple output — the recording's Start line comes first (the stream
    is still connecting) and it runs on the stream's encoder. The recording took everything logged before it, so the
    stream read "encoder —, — kbps" and had no server."""
    report = analyze(REAL_LOG)
    recording, stream = report.sessions
    assert (recording.kind, stream.kind) == ("recording", "streaming")
    for session in (recording, stream):
        assert session.settings is not None
        [encoder] = [e for e in session.settings.encoders if e.kind == "x264"]
        assert (encoder.name, encoder.settings["bitrate"], encoder.settings["preset"]) == (
            "simple_video_stream", "500", "ultrafast",
        )  # fmt: skip
    assert stream.settings is not None and stream.settings.server == "rtmp://10.213.208.2:45333/live"
    assert recording.settings is not None and recording.settings.server is None, "a recording has no server"
    said = [f.message for f in report.findings if f.id == "session_settings"]
    assert said == [
        "recording session at 13:01:14.914: 320x180 at 15 fps, encoder “x264 (ultrafast)”, 500 kbps.",
        "streaming session at 13:01:15.300: 320x180 at 15 fps, encoder “x264 (ultrafast)”, 500 kbps.",
    ]


def test_a_reconnect_says_when_the_stream_dropped_and_for_how_long() -> None:
    """tech16: a real 10-s outage (the server killed at 13:02:45, back at 13:02:51, OBS connected again at
    13:02:55.339 on its third attempt) was said as "dropped 1 time(s); 3 attempt(s)" — nothing of when, nor how
    long viewers had no stream."""
    report = analyze(REAL_LOG)
    stream = report.sessions[1]
    assert stream.segments[0].resumed == "13:02:55.339"
    [finding] = [f for f in report.findings if f.id == "reconnects"]
    assert finding.severity == "warning"
    assert finding.fields["first"] == "13:02:45.170" and finding.fields["down_s"] == pytest.approx(10.169)
    assert finding.message == (
        "streaming session at 13:01:15.300: the connection dropped 1 time, the first at 13:02:45.170; OBS needed "
        "3 attempts to reconnect. The stream was disconnected for 10.2 s in all (the longest 10.2 s). The log says "
        "why: the server closed the connection (“RTMP send error 32”: broken pipe); then, while OBS tried again, the "
        "server refused the connection (“ECONNREFUSED”: nothing listening there, down or restarting)."
    )
    assert json.loads(json.dumps(report.to_dict()))["sessions"][1]["segments"][0]["resumed"] == "13:02:55.339"


def test_a_stream_that_never_came_back_is_critical_and_says_so() -> None:
    """The same log, had the server stayed away: OBS still reconnecting when the stream was stopped."""
    lines = REAL_LOG.read_text(encoding="utf-8").splitlines()
    gave_up = lines.index(next(line for line in lines if "Reconnecting in 4.70 seconds" in line))
    report = analyze_lines([*lines[: gave_up + 1], "13:02:58.000: ==== Streaming Stop ===="], "x")
    [finding] = [f for f in report.findings if f.id == "reconnects"]
    assert finding.severity == "critical"
    assert "after the drop at 13:02:45.170 the stream did not come back" in finding.message
    assert "session ended at 13:02:58.000 (3 attempts in all)" in finding.message


def test_a_log_sent_in_a_zip_is_read_from_it(tmp_path: Path) -> None:
    """tech16: logs reach the technician zipped (chat apps, e-mail); a zip was "not an OBS Studio log"."""
    import zipfile

    from console.log_review import log_day

    one = tmp_path / "room3.zip"
    with zipfile.ZipFile(one, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(REAL_LOG, "2026-12-02 13-00-38.txt")
    report = analyze(one)
    assert report.file == f"{one} › 2026-12-02 13-00-38.txt"
    assert [s.kind for s in report.sessions] == ["recording", "streaming"]
    assert report.sessions[1].network_drop_pct == pytest.approx(100 * 368 / (1348 + 1214))
    assert str(log_day(report, one)) == "2026-12-02 13:00:38", "the day is the log's own name's, not the zip's"
    several = tmp_path / "logs.zip"
    with zipfile.ZipFile(several, "w") as archive:
        archive.writestr("obs-studio/logs/2026-12-01 09-00-00.txt", "09:00:00.000: OBS 30.0.0 (windows)\n")
        archive.write(REAL_LOG, "obs-studio/logs/2026-12-02 13-00-38.txt")
        archive.writestr("obs-studio/logs/2026-11-30 20-00-00.txt", "20:00:00.000: OBS 30.0.0 (windows)\n")
        archive.writestr("screenshot.png", b"\x89PNG")
    assert analyze(several).file.endswith("› obs-studio/logs/2026-12-02 13-00-38.txt"), "the newest log of several"
    empty = tmp_path / "pictures.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("screenshot.png", b"\x89PNG")
    with pytest.raises(NotAnObsLog) as no_log:
        analyze(empty)
    assert no_log.value.explain() == f"{empty} is a zip archive without a log in it (no .txt or .log file)"
    cut = tmp_path / "cut.zip"
    cut.write_bytes(one.read_bytes()[:2000])  # a transfer that stopped half-way
    with pytest.raises(NotAnObsLog) as damaged:
        analyze(cut)
    assert damaged.value.explain() == f"{cut} is a zip archive that cannot be opened (damaged or cut off)"


def test_a_session_the_log_ends_in_after_a_reconnect_says_its_last_run_is_not_known(
    onair: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    """tech16: a real OBS killed 27 s after it reconnected read "network drops 26.2 %" for the stream, with no run
    listed — nothing said the figure was the first 90 s only, and the run after the reconnect was never written."""
    log = LOGS / "real-linux-obs29-killed-after-reconnect.txt"
    stream = analyze(log).sessions[1]
    assert not stream.complete and stream.unfinished_run == "13:26:44.439"
    english = onair("analyze-log", str(log), "--lang", "en").stdout
    assert "    run 1 until 13:26:34.892: 1357 frames, render lag 0.2 %, network drops 26.2 %" in english
    assert "    run 2 from 13:26:44.439: not known — the log ends while it ran" in english
    # Not "figures for a session that was still open are unknown" beside the first run's 26.2 %.
    assert "known only as far as the figures the log wrote for it: what came after is unknown" in english
    chinese = onair("analyze-log", str(log), "--lang", "zh_CN").stdout
    assert "第 2 段（自 13:26:44.439 起）：不详——日志在此期间结束" in chinese, chinese


def test_the_figures_of_a_session_the_log_ends_in_say_which_runs_they_cover(
    onair: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    """walk24p: the session line and the [critical] finding said "26.2 % of frames dropped by the network" for the
    whole stream, while run 2 is "not known — the log ends while it ran": the figure is run 1's only."""
    log = LOGS / "real-linux-obs29-killed-after-reconnect.txt"
    report = analyze(log)
    recording, stream = report.sessions
    assert stream.runs_in_figures == (1, 2) and recording.runs_in_figures is None
    assert stream.to_dict()["runs_in_figures"] == [1, 2]
    [drops] = [f for f in report.findings if f.id == "network_drops"]
    assert drops.message.startswith(
        "streaming session at 13:25:04.850: 26.2 % of frames dropped by the network in run 1 of 2, the one the log "
        "reports in full. "
    )
    english = onair("analyze-log", str(log), "--lang", "en").stdout.splitlines()
    at = english.index("streaming 13:25:04.850–?: render lag 0.2 %, encoding lag ?, network drops 26.2 %, reconnects 1")
    assert english[at + 1] == "    render lag and network drops: run 1 of 2 only, the one the log reports in full"
    chinese = onair("analyze-log", str(log), "--lang", "zh_CN").stdout
    assert "    渲染延迟和网络丢帧：仅为第 1 段（共 2 段），日志只完整记录了这一段\n" in chinese, chinese
    assert (
        "13:25:04.850 开始的推流会话（仅第 1 段，共 2 段：日志只完整记录了这一段）：网络丢弃了 26.2 % 的帧" in chinese
    )
    # A session the log has whole says nothing of the kind.
    whole = onair("analyze-log", str(REAL_LOG), "--lang", "en").stdout
    assert "the log reports in full" not in whole, whole


def test_counts_are_said_singular_and_plural_in_english_and_unchanged_in_chinese(
    onair: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    """walk24p: "(1 files, 1 attempts in all)", "dropped 1 time(s)" and "3 reconnect attempt(s)"."""
    log = str(LOGS / "real-linux-obs29-killed-after-reconnect.txt")
    english = onair("analyze-log", log, "--lang", "en").stdout
    assert "A media file could not be opened (1 file, 1 attempt in all), first: /srv/media/product-demo.mp4" in english
    assert "the connection dropped 1 time, the first at 13:26:34.892; OBS needed 3 attempts to reconnect." in english
    assert "network drops 26.2 %; then 3 reconnect attempts\n" in english
    assert "(s)" not in english and "1 files" not in english and "1 attempts" not in english, english
    chinese = onair("analyze-log", log, "--lang", "zh_CN").stdout
    assert "有媒体文件打不开（1 个文件，共尝试打开 1 次），第一个：/srv/media/product-demo.mp4" in chinese
    assert "连接中断 1 次，第一次在 13:26:34.892；OBS 共尝试重连 3 次。" in chinese
    assert "；随后尝试重连 3 次" in chinese, chinese


def test_a_missing_image_is_said_by_its_source_and_file_not_obs_english_words() -> None:
    """tech16: the Chinese report read "第一个：Logo: failed to load texture '/srv/media/logo.png'"."""
    [finding] = [f for f in analyze(REAL_LOG).findings if f.id == "missing_files"]
    assert finding.fields["line"] == "Logo: /srv/media/logo.png"


def test_a_session_is_graded_and_said_by_its_worst_run_not_only_its_average() -> None:
    """tech16b: the real log's stream averaged 14.4 % dropped over its two runs (a warning) while its first run
    lost 27.3 % for 90 s — critical for the viewers then; the technician saw only the average."""
    report = analyze(REAL_LOG)
    [finding] = [f for f in report.findings if f.id == "network_drops"]
    assert finding.severity == "critical"
    assert finding.message.startswith(
        "streaming session at 13:01:15.300: 14.4 % of frames dropped by the network over the session; 27.3 % in "
        "the run 13:01:15.300–13:02:45.170 (90 s)."
    )
    assert finding.fields["pct"] == pytest.approx(14.36, abs=0.01) and finding.fields["run_pct"] == pytest.approx(
        27.3, abs=0.01
    )


def test_a_run_of_a_few_seconds_does_not_grade_its_session() -> None:
    """The last seconds before a connection dies drop most of their few frames: a 10-s run that lost 60 % in a
    session of 1.9 % is the reconnect's story, not a critical network finding; 30 s of it is."""

    def log(first_run_s: int) -> list[str]:
        end = f"10:00:{first_run_s:02d}.000"
        return [
            "10:00:00.000: OBS 29.0.2 (linux)",
            "10:00:00.000: ==== Streaming Start ====",
            f"{end}: Output 'simple_stream': stopping",
            f"{end}: Output 'simple_stream': Total frames output: 40 (100 attempted)",
            f"{end}: Output 'simple_stream': Number of dropped frames due to insufficient bandwidth/connection "
            "stalls: 60 (60.0%)",
            f"{end}: Output 'simple_stream': Reconnecting in 2.00 seconds..",
            "10:01:00.000: [rtmp stream: 'simple_stream'] Connection to rtmp://x/live successful",
            "11:00:00.000: Output 'simple_stream': stopping",
            "11:00:00.000: Output 'simple_stream': Total frames output: 3000",
            "11:00:00.001: ==== Streaming Stop ====",
        ]

    short = analyze_lines(log(10), "x")
    assert short.sessions[0].network_drop_pct == pytest.approx(100 * 60 / 3100)
    assert "network_drops" not in {f.id for f in short.findings}
    [finding] = [f for f in analyze_lines(log(30), "x").findings if f.id == "network_drops"]
    assert finding.severity == "critical" and "60.0 % in the run 10:00:00.000–10:00:30.000 (30 s)" in finding.message


def test_a_reconnect_says_its_cause_from_the_logs_own_lines_in_both_languages(
    onair: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    """tech16b: the log said why the stream dropped ("RTMP send error 32": the server went away) and why OBS's first
    attempts failed ("ECONNREFUSED"); the finding said neither. Now in words, with the log's lines as details."""
    report = analyze(REAL_LOG)
    [finding] = [f for f in report.findings if f.id == "reconnects"]
    assert finding.details == (
        "13:02:45.170: WriteN, RTMP send error 32 (190 bytes)",
        "13:02:47.212: 10.213.208.2:45333/live is offline. Try a different server (ECONNREFUSED).",
    )
    first = report.to_dict()["sessions"][1]["segments"][0]
    assert (first["cause"], first["retry_cause"]) == ("closed", "refused")
    english = onair("analyze-log", str(REAL_LOG), "--lang", "en").stdout
    assert "The log says why: the server closed the connection" in english
    assert "log: 13:02:45.170: WriteN, RTMP send error 32 (190 bytes)" in english
    chinese = onair("analyze-log", str(REAL_LOG), "--lang", "zh_CN").stdout
    assert "服务器关闭了连接" in chinese and "拒绝了连接" in chinese, chinese
    assert "日志原文：13:02:47.212: 10.213.208.2:45333/live is offline." in chinese


@pytest.mark.parametrize(
    ("line", "cause"),
    [
        ("WriteN, RTMP send error 10053 (4096 bytes)", "reset"),
        ("WriteN, RTMP send error 110 (4096 bytes)", "timeout"),
        ("WriteN, RTMP send error 9 (42 bytes)", None),
        ("[rtmp stream: 'adv_stream'] socket_thread_windows: Received FD_CLOSE, error code 10054", "reset"),
        ("The connection is being blocked by a firewall or other security software (EACCES).", "blocked"),
        ("Could not resolve live.example.com: Name or service not known (-2)", "dns"),
        ("RTMP_Connect1, handshake failed.", "handshake"),
        ("RTMP_Connect0, failed to connect socket: No route to host (113)", "connect"),
        ("[rtmp stream: 'simple_stream'] Connecting to RTMP URL rtmp://x/live...", None),
    ],
)
def test_the_causes_librtmp_writes_are_told_apart(line: str, cause: str | None) -> None:
    from obs.logfile import rtmp_cause

    assert rtmp_cause(line) == cause


def test_the_chinese_report_writes_its_percentages_as_its_tables_do(
    onair: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    """tech16b: 网络丢帧 26.2 % in the table, 网络丢弃了 26.2% 的帧 in the finding: one form in a language."""
    chinese = onair("analyze-log", str(LOGS / "real-linux-obs29-killed-after-reconnect.txt"), "--lang", "zh_CN").stdout
    said = [line for line in chinese.splitlines() if "日志原文" not in line]  # the log's own lines stay as written
    assert "网络丢帧 26.2 %" in chinese and "丢弃了 26.2 % 的帧" in chinese, chinese
    assert not [line for line in said if re.search(r"\d%", line)], chinese
