"""The log checks (obs/logcheck/) on the hand-made corpus in tests/obs/logs/: one test per check, each on a log in
OBS's real format for its platform and version, judged on a fixed day (end of support moves with the calendar)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from obs.log_findings import REMEDIES, Finding
from obs.logcheck import all_specs
from obs.logfile import LogReport, analyze, analyze_lines

LOGS = Path(__file__).parent / "logs"
REPO = Path(__file__).resolve().parents[2]
DAY = date(2026, 11, 30)


@cache
def report(name: str) -> LogReport:
    return analyze(LOGS / name, DAY)


def found(name: str) -> dict[str, Finding]:
    return {f.id: f for f in report(name).findings}


def only(name: str, finding_id: str) -> Finding:
    matches = [f for f in report(name).findings if f.id == finding_id]
    assert len(matches) == 1, f"{finding_id} in {name}: {[f.id for f in report(name).findings]}"
    return matches[0]


WIN11 = "win11-obs30-laptop.txt"
WIN10_OLD = "win10-1803-obs27-32bit.txt"
WIN10_VM = "win10-1909-obs26-vm.txt"
WIN10_TWO = "win10-22h2-obs29-two-sessions.txt"
WIN_ARM = "win11-arm-obs31-safe-mode.txt"
OLD_NVIDIA = "win10-obs30-old-nvidia-driver.txt"
MAC = "mac13-obs28-rosetta.txt"
XWAYLAND = "linux-ubuntu-obs30-xwayland.txt"
FLATPAK = "linux-flatpak-obs31-wayland.txt"
SNAP = "linux-snap-obs29.txt"
CRASH_DRIVER = "crash-win10-obs28-gpu-driver.txt"
CRASH_PLUGIN = "crash-win11-obs30-plugin.txt"
PASCAL_TWITCH = "win10-obs31-gtx1060-hevc-twitch.txt"
OLD_AMD = "win10-obs29-rx580-old-amd-youtube.txt"
CRASH_MAC = "crash-mac14-obs30-plugin.txt"
CRASH_LINUX = "crash-linux-obs30-coredump.txt"
CLASSIC = "classic-obs0659b.txt"


# -- the reader: one pass, typed facts -----------------------------------------------------------------------
def test_the_reader_collects_what_a_windows_log_says() -> None:
    facts = report(WIN11).facts
    assert (facts.system.windows_build, facts.system.windows_release, facts.system.os_bits) == (22631, "23H2", 64)
    assert facts.system.admin is False and facts.system.portable is True and facts.system.game_mode is False
    assert facts.graphics.renderer == "D3D11" and facts.graphics.adapter_in_use == "Intel(R) UHD Graphics (0)"
    intel, nvidia = facts.graphics.adapters
    assert (intel.driver, intel.displays[0].refresh, intel.displays[0].width) == ("31.0.101.4502", 144.0, 1920)
    assert nvidia.name == "NVIDIA GeForce RTX 3060 Laptop GPU" and nvidia.hags is not None
    assert facts.video is not None and (facts.video.output, facts.video.fps) == ("1920x1080", "60/1")
    assert facts.sources == {"game_capture": 1, "dshow_input": 2, "browser_source": 2}
    assert "StreamFX.dll" in facts.modules and len(facts.modules) == 19
    assert facts.audio.device_rates["Microphone (USB Audio Device)"] == 44100
    [session] = report(WIN11).sessions
    assert session.settings is not None and session.settings.server == "rtmp://push.example.cn/live"
    [nvenc] = [e for e in session.settings.encoders if e.kind == "nvenc"]
    old_nvidia = report(OLD_NVIDIA).sessions[0].settings
    assert old_nvidia is not None and [e.name for e in old_nvidia.encoders] == ["simple_video_stream"], (
        "an encoder's own line ('[jim-nvenc] …') is no encoder of the session"
    )
    assert (nvenc.name, nvenc.settings["preset"], nvenc.settings["keyint"]) == ("simple_video_stream", "p7", "250")


def test_the_worst_findings_come_first() -> None:
    severities = [f.severity for f in report(WIN11).findings]
    assert severities == sorted(severities, key=lambda s: {"critical": 0, "warning": 1, "info": 2}[s])
    assert severities[0] == "critical"


def test_an_encoder_set_up_twice_before_its_session_keeps_the_newest_settings() -> None:
    """A start that failed (server down) and a retry: OBS logs the encoder's settings twice before the session
    starts (seen with a real OBS 29)."""
    setup = [
        "10:00:01.000: [x264 encoder: 'simple_video_stream'] preset: veryfast",
        "10:00:01.000: [x264 encoder: 'simple_video_stream'] settings:",
        "10:00:01.000: \tbitrate:      2500",
        "10:00:01.000: [x264 encoder: 'simple_video_stream'] custom settings: ",
        "10:00:01.000: \tkeyint = 60",
    ]
    retry = [line.replace("2500", "3000") for line in setup]
    lines = ["10:00:00.000: OBS 29.0.2 (linux)", *setup, *retry, "10:00:02.000: ==== Streaming Start ===="]
    [session] = analyze_lines(lines, "x").sessions
    assert session.settings is not None
    [x264] = session.settings.encoders
    assert (x264.settings["bitrate"], x264.custom) == ("3000", ["keyint = 60"])


def test_the_json_keeps_ids_areas_remedies_and_facts() -> None:
    data = report(WIN11).to_dict()
    first = data["findings"][0]
    assert {"id", "area", "category", "severity", "message", "remedy", "fields"} <= set(first)
    assert data["facts"]["system"]["windows_build"] == 22631
    assert data["sessions"][0]["settings"]["encoders"][0]["kind"] == "nvenc"
    assert all(f["remedy"] or f["severity"] == "info" for f in data["findings"]), "every problem says what to do"


# -- system ---------------------------------------------------------------------------------------------------
def test_windows_past_its_end_of_support() -> None:
    finding = only(WIN10_OLD, "windows_end_of_support")
    assert finding.fields == {"name": "Windows 10 1803", "build": 17134, "end": "2019-11-12"}
    assert "Windows Update" in finding.explain_remedy()
    still = analyze(LOGS / WIN11, date(2025, 6, 1))  # 23H2 was still serviced then
    assert "windows_end_of_support" not in {f.id for f in still.findings}
    assert next(f for f in still.findings if f.id == "windows_version").fields["name"] == "Windows 11 23H2"


@pytest.mark.parametrize(
    ("line", "finding_id", "name"),
    [
        ("Windows Version: 6.1 Build 7601 (revision: 24535; 64-bit)", "windows_end_of_support", "Windows 7"),
        ("Windows Version: 6.3 Build 9600 (revision: 20478; 64-bit)", "windows_end_of_support", "Windows 8.1"),
        ("Windows Version: 10.0 Build 26200 (release: 25H2; revision: 7019; 64-bit)", "windows_version",
         "Windows 11 25H2"),
        ("Windows Version: 10.0 Build 27764 (release: 24H2; revision: 1000; 64-bit)", "windows_unknown_build", None),
    ],
)  # fmt: skip
def test_windows_7_8_and_11_builds_and_an_insider_build(line: str, finding_id: str, name: str | None) -> None:
    lines = ["10:00:00.000: " + line, "10:00:00.100: OBS 30.2.3 (64-bit, windows)"]
    finding = next(f for f in analyze_lines(lines, "x", DAY).findings if f.id.startswith("windows_"))
    assert finding.id == finding_id and finding.fields.get("name") == name


def test_32bit_obs_on_64bit_windows() -> None:
    assert only(WIN10_OLD, "obs_32bit").severity == "warning"
    assert "obs_32bit" not in found(WIN11)


def test_x64_obs_emulated_on_windows_on_arm() -> None:
    finding = only(WIN_ARM, "windows_arm_emulation")
    assert "Snapdragon" in finding.fields["cpu"]
    assert "windows_arm_emulation" not in found(WIN11)


def test_rosetta_and_an_old_macos() -> None:
    assert only(MAC, "macos_rosetta").severity == "warning"
    assert only(MAC, "macos_unsupported").fields["version"] == "11.7.10"


def test_game_mode_off_on_a_new_windows_and_on_on_an_old_one() -> None:
    assert only(WIN11, "windows_game_mode_off").severity == "info"
    assert only(WIN10_OLD, "windows_game_mode_old").severity == "warning"
    assert "windows_game_mode_off" not in found(WIN10_TWO) and "windows_game_mode_old" not in found(WIN10_TWO)


def test_game_dvr_background_recording() -> None:
    assert "Captures" in only(WIN11, "windows_game_dvr").explain_remedy()
    assert "windows_game_dvr" not in found(WIN10_TWO)


def test_hardware_gpu_scheduling_in_both_log_formats() -> None:
    assert only(WIN10_TWO, "windows_hags").fields["status"] == "On"  # OBS 26-29: "Hardware GPU Scheduler: On"
    assert only(WIN11, "windows_hags").fields["status"].startswith("Enabled")  # OBS 30: the adapter's HAGS Status
    assert "windows_hags" not in found(WIN_ARM), "HAGS Status: Disabled"


def test_portable_and_safe_mode() -> None:
    assert only(WIN11, "portable_mode").severity == "info"
    safe = only(WIN_ARM, "safe_mode")
    assert safe.fields["skipped"] == "move-transition, obs-shaderfilter"
    assert "safe_mode" not in found(WIN11) and "portable_mode" not in found(WIN_ARM)


def test_linux_flatpak_snap_and_xwayland() -> None:
    assert only(FLATPAK, "linux_flatpak").fields["runtime"] == "runtime/org.kde.Platform/x86_64/6.7"
    assert only(FLATPAK, "linux_system").fields["display"] == "Wayland"
    assert only(SNAP, "linux_snap").severity == "warning"
    assert only(SNAP, "linux_system").fields["display"] == "X11"
    assert only(XWAYLAND, "linux_xwayland").severity == "critical"
    assert "linux_xwayland" not in found(FLATPAK)


def test_game_capture_without_administrator_rights() -> None:
    assert only(WIN11, "not_admin_game_capture").fields["count"] == 1
    assert "not_admin_game_capture" not in found(WIN10_TWO), "administrator there"


def test_lenovo_vantage() -> None:
    assert only(WIN10_TWO, "lenovo_vantage").area == "network"


# -- graphics -------------------------------------------------------------------------------------------------
def test_the_gpu_and_the_wrong_gpu_of_a_laptop() -> None:
    assert only(WIN10_TWO, "gpu").fields == {"renderer": "D3D11", "adapter": "AMD Radeon RX 6600",
                                             "driver": "31.0.21023.2010"}  # fmt: skip
    wrong = only(WIN11, "gpu_integrated_in_use")
    assert wrong.severity == "critical" and wrong.fields["dedicated"] == "NVIDIA GeForce RTX 3060 Laptop GPU"
    assert "gpu_integrated_in_use" not in found(WIN10_TWO)


def test_an_nvidia_driver_too_old_for_this_obs_nvenc() -> None:
    finding = only(OLD_NVIDIA, "nvidia_driver_too_old")  # 31.0.15.2849 is NVIDIA 528.49; OBS 30.1 needs 531.61
    assert (finding.fields["driver"], finding.fields["minimum"]) == ("528.49", "531.61")
    assert finding.severity == "critical", "the session used NVENC"
    assert "nvidia_driver_too_old" not in found(WIN11), "536.67 is new enough for OBS 30.2"
    assert "nvidia_driver_too_old" not in found(WIN10_OLD), "OBS 27 on OpenGL's NVIDIA 472.12: no minimum then"
    assert "driver" in only(OLD_NVIDIA, "encoder_error").fields["line"]


def test_an_amd_driver_from_before_mid_2022() -> None:
    finding = only(OLD_AMD, "amd_driver_too_old")
    assert (finding.fields["driver"], finding.fields["adapter"]) == ("27.20.21034.37", "Radeon RX 580 Series")
    assert finding.severity == "critical", "the stream used AMF on it"
    assert "amd_driver_too_old" not in found(WIN10_TWO), "31.0.21023.2010 (Adrenalin 23) is recent enough"


def test_the_nvenc_generation_and_what_it_cannot_encode() -> None:
    generation = only(PASCAL_TWITCH, "nvenc_generation")
    assert (generation.fields["generation"], generation.fields["codecs"]) == ("Pascal", "H.264, HEVC")
    assert generation.say(chinese())[0].endswith("“HEVC”带 B 帧：不支持。")
    bframes = only(PASCAL_TWITCH, "nvenc_bframes_unsupported")
    assert (bframes.fields["bframes"], bframes.severity) == (2, "warning")
    assert only(WIN11, "nvenc_generation").fields["generation"] == "Ampere"
    assert "nvenc_bframes_unsupported" not in found(WIN11), "H.264 with B-frames on an RTX 3060"


@pytest.mark.parametrize(
    ("gpu", "codec", "finding_id"),
    [
        ("NVIDIA GeForce GT 1030", "H264", "nvenc_no_hardware"),
        ("NVIDIA GeForce RTX 3060", "AV1", "nvenc_codec_unsupported"),
        ("NVIDIA GeForce GTX 750 Ti", "HEVC", "nvenc_codec_unsupported"),
        ("NVIDIA GeForce RTX 4070", "AV1", None),
    ],
)
def test_nvenc_settings_the_gpu_cannot_run(gpu: str, codec: str, finding_id: str | None) -> None:
    lines = [
        "10:00:00.000: OBS 31.0.0 (64-bit, windows)",
        "10:00:00.100: Available Video Adapters: ",
        f"10:00:00.100: \tAdapter 0: {gpu}",
        "10:00:00.100: \t  Driver Version: 32.0.15.6094",
        "10:00:01.000: [obs-nvenc: 'simple_video_stream'] settings:",
        f"10:00:01.000: \tcodec:        {codec}",
        "10:00:01.000: \tb-frames:     0",
        "10:00:02.000: ==== Streaming Start ====",
    ]
    ids = {f.id for f in analyze_lines(lines, "x", DAY).findings}
    wanted = {"nvenc_no_hardware", "nvenc_codec_unsupported"}
    assert ids & wanted == ({finding_id} if finding_id else set())


def test_software_rendering_on_microsoft_basic_render_driver() -> None:
    assert only(WIN10_VM, "software_rendering").area == "graphics"
    assert "software_rendering" not in found(WIN10_TWO)


def test_opengl_on_windows() -> None:
    assert "Direct3D 11" in only(WIN10_OLD, "opengl_on_windows").explain_remedy()
    assert "opengl_on_windows" not in found(XWAYLAND), "OpenGL is the renderer on Linux"


def test_refresh_rate_against_fps_and_mixed_refresh_rates() -> None:
    assert only(WIN11, "refresh_fps_mismatch").fields["refresh"] == 144.0
    assert "refresh_fps_mismatch" not in found(WIN10_TWO), "60 Hz at 60 fps"
    assert only(WIN10_VM, "mixed_refresh_rates").fields["rates"] == "60 Hz, 75 Hz"  # OBS 26's one-line outputs
    assert "mixed_refresh_rates" not in found(WIN11), "fixed in Windows 10 2004"


# -- encoding and network ---------------------------------------------------------------------------------------
def test_the_encoder_each_session_used() -> None:
    first, second = (f for f in report(WIN10_TWO).findings if f.id == "session_settings")
    assert first.fields["encoder"] == "amf (quality)" and first.fields["bitrate"] == "6000"
    assert second.fields["resolution"] == "1280x720" and second.fields["bitrate"] == "4500"
    assert only(MAC, "session_settings").fields["encoder"] == "videotoolbox"


def test_a_session_whose_settings_were_not_logged_gets_no_line_of_dashes() -> None:
    """A log cut down to a session's start and stop (what a team pastes from a chat) says nothing of its settings:
    no "— at — fps, encoder “—”" finding, and no "changed" against a session that did log them."""
    lines = [
        "20:05:00.400: OBS 30.2.3 (64-bit, windows)",
        "20:10:00.121: ==== Streaming Start ===============================================",
        "20:20:00.012: ==== Streaming Stop ================================================",
    ]
    findings = {f.id for f in analyze_lines(lines, "cut.txt", DAY).findings}
    assert "session_settings" not in findings and "settings_changed" not in findings


def test_slowest_hardware_presets_and_x264_profile_and_custom_options() -> None:
    assert only(WIN11, "hardware_slowest_preset").fields == {"kind": "NVENC", "encoder": "simple_video_stream",
                                                             "preset": "p7"}  # fmt: skip
    assert only(WIN10_TWO, "hardware_slowest_preset").fields["kind"] == "AMF"
    assert only(WIN10_OLD, "x264_baseline_profile").fields["encoder"] == "simple_h264_stream"
    assert only(WIN10_OLD, "x264_custom_options").fields["options"] == "bframes = 0 rc-lookahead = 0 ref = 1"


def test_encoder_errors_and_unknown_encoders() -> None:
    error = only(WIN10_TWO, "encoder_error")
    assert error.severity == "critical" and error.fields["count"] == 2 and "AMF_NOT_SUPPORTED" in error.fields["line"]
    assert only(WIN10_OLD, "unknown_encoder").fields["encoder"] == "jim_nvenc"


def test_encoder_overload_remedy_follows_the_encoder() -> None:
    hardware = only(WIN10_TWO, "encode_lag")  # AMF skipped 6.1 %: the GPU's encoder
    software = only(WIN10_OLD, "encode_lag")  # x264 skipped 11 %: the CPU
    assert "GPU's encoder is overloaded" in hardware.explain_remedy()
    assert "faster x264 preset" in software.explain_remedy()


def test_nvenc_refusing_another_session() -> None:
    finding = only(WIN11, "nvenc_session_limit")
    assert "NV_ENC_ERR_OUT_OF_MEMORY" in finding.fields["line"] and finding.severity == "critical"
    assert "nvenc_session_limit" not in found(OLD_NVIDIA), "a driver too old is another cause"


def test_nvenc_session_limit_follows_the_geforce_driver() -> None:
    refused = only(PASCAL_TWITCH, "nvenc_session_limit")
    assert refused.fields["limit"] == "8"  # driver 560.94: eight at once
    assert refused.fields["line"].startswith("[obs-nvenc] init_session: "), "the line as OBS wrote it"
    assert only(WIN11, "nvenc_session_limit").fields["limit"] == "5"  # driver 536.67: five at once


def test_nvenc_retrying_with_compatibility_options() -> None:
    """OBS 29's own lines when NVENC refused the settings: not an encoder error, but not what was set either."""
    lines = [
        "10:00:00.000: OBS 29.1.3 (64-bit, windows)",
        "10:00:01.000: [jim-nvenc] Max B-frames setting (4) is more than encoder supports (0).",
        "10:00:01.000: Setting B-frames to 0",
        "10:00:01.001: [jim-nvenc] init_specific_encoder failed, trying again with compatibility options",
    ]
    ids = {f.id: f for f in analyze_lines(lines, "x", DAY).findings}
    assert ids["nvenc_fallback"].fields["count"] == 2 and "Max B-frames" in ids["nvenc_fallback"].fields["line"]
    assert "encoder_error" not in ids


def test_the_services_recommended_maximums() -> None:
    """Twitch: H.264 only, 6,000 kbps, 2 s keyframes; YouTube: 51,000 kbps (OBS's services.json)."""
    twitch = found(PASCAL_TWITCH)
    assert twitch["service_codec_unsupported"].fields == {"codec": "HEVC", "codecs": "H.264", "start": "21:00:12.191",
                                                         "service": "Twitch"}  # fmt: skip
    assert (twitch["service_bitrate_above_max"].fields["bitrate"], twitch["service_bitrate_above_max"].fields[
        "maximum"]) == (8000, 6000)  # fmt: skip
    assert twitch["service_keyframe_interval"].fields["seconds"] == 3.0
    youtube = only(OLD_AMD, "service_bitrate_above_max")
    assert (youtube.fields["service"], youtube.fields["maximum"]) == ("YouTube", 51000)
    assert "service_keyframe_interval" not in found(OLD_AMD), "60 frames at 30 fps is 2 s"
    assert not {"service_bitrate_above_max", "service_codec_unsupported"} & set(found(WIN11)), "an unknown server"


def test_bilibili_takes_hevc_but_not_av1() -> None:
    def ids(codec: str) -> set[str]:
        lines = [
            "10:00:00.000: OBS 30.2.3 (64-bit, windows)",
            "10:00:01.000: [obs-nvenc: 'simple_video_stream'] settings:",
            f"10:00:01.000: \tcodec:        {codec}",
            "10:00:01.000: \tbitrate:      60000",
            "10:00:01.001: [rtmp stream: 'simple_stream'] Connecting to RTMP URL rtmp://live-push.bilivideo.com/live-bvc/...",
            "10:00:02.000: ==== Streaming Start ====",
        ]
        return {f.id for f in analyze_lines(lines, "x", DAY).findings}

    assert "service_codec_unsupported" not in ids("HEVC")
    assert "service_codec_unsupported" in ids("AV1")
    assert "service_bitrate_above_max" not in ids("HEVC"), "OBS's list gives Bilibili no maximum"


def test_keyframe_interval() -> None:
    assert only(WIN11, "keyframe_interval_long").fields["seconds"] == pytest.approx(250 / 60)
    assert "keyframe_interval_long" not in found(WIN10_TWO), "120 frames at 60 fps is 2 s"


def test_stream_options_delay_dynamic_bitrate_optimisations_pacing_and_bind_ip() -> None:
    assert only(WIN10_OLD, "stream_delay").fields["seconds"] == 20
    ids = found(WIN11)
    assert {"dynamic_bitrate", "network_optimisations", "tcp_pacing", "bind_ip"} <= set(ids)
    # rtmp-stream.c logs only the address family: "Binding to IPv4" (never the address itself)
    assert ids["bind_ip"].fields["address"] == "IPv4" and ids["bind_ip"].severity == "warning"
    assert not {"stream_delay", "dynamic_bitrate", "bind_ip"} & set(found(WIN10_TWO))


def test_network_card_link_speed_and_killer() -> None:
    slow = only(WIN11, "network_link_slow")
    assert (slow.fields["interface"], slow.fields["speed"]) == ("Intel(R) Ethernet Connection (7) I219-V", 100)
    assert only(WIN10_OLD, "killer_network").fields["interface"] == "Killer E2500 Gigabit Ethernet Controller"
    assert "network_link_slow" not in found(WIN10_TWO), "2.5GbE linked at 1000 Mbps"


# -- audio ----------------------------------------------------------------------------------------------------
def test_audio_buffering_increases() -> None:
    finding = only(WIN10_TWO, "audio_buffering_increased")
    assert (finding.fields["count"], finding.fields["ms"], finding.fields["sources"]) == (2, 64, "Mic")
    assert finding.severity == "info", "64 ms is under the 500 ms warning line"


def test_sample_rate_mismatch_wasapi_and_coreaudio() -> None:
    assert only(WIN11, "sample_rate_mismatch").fields["devices"] == "Microphone (USB Audio Device) 44100 Hz"
    assert only(MAC, "sample_rate_mismatch").fields["devices"] == "MacBook Air Microphone 44100 Hz"
    assert "sample_rate_mismatch" not in found(WIN10_OLD), "the 48 kHz speakers match"


def test_monitoring_device() -> None:
    assert only(WIN11, "monitoring_device").fields["device"] == "Headphones (USB Audio Device)"
    assert "monitoring_device" not in found(WIN10_TWO), "Default"


def test_desktop_audio_without_an_enabled_playback_device() -> None:
    finding = only(PASCAL_TWITCH, "audio_device_unavailable")
    assert (
        finding.fields["device"] == "default" and finding.fields["error"] == "Failed GetDefaultAudioEndpoint: 80070490"
    )
    assert "Show Disabled Devices" in finding.explain_remedy()
    assert "audio_device_unavailable" not in found(WIN11)


# -- sources and plugins ----------------------------------------------------------------------------------------
def test_browser_sources_without_hardware_acceleration() -> None:
    assert only(WIN11, "browser_acceleration_off").fields["count"] == 2
    many = "\n".join(f"10:00:01.000:     - source: 'B{n}' (browser_source)" for n in range(12))
    lines = f"10:00:00.000: OBS 30.0.0 (linux)\n10:00:01.000: Loaded scenes:\n10:00:01.000: - scene 'S':\n{many}\n"
    ids = {f.id for f in analyze_lines(lines.splitlines(), "x").findings}
    assert "many_browser_sources" in ids


def test_capture_media_and_missing_files() -> None:
    assert "hook_direct" in only(WIN11, "capture_failed").fields["line"]
    assert only(WIN10_VM, "media_failed").fields["file"] == "D:/OBS/intro.mov"
    assert "logo.png" in only(WIN10_VM, "missing_files").fields["line"]


def test_a_media_file_in_a_format_ffmpeg_cannot_decode() -> None:
    finding = only(PASCAL_TWITCH, "media_unsupported_format")
    assert finding.fields["file"] == "D:/clips/opening-prores.mov (Failed to find video codec)"
    assert "media_failed" not in found(PASCAL_TWITCH), "the file opened: its format is the problem"
    assert "media_unsupported_format" not in found(WIN10_VM), "a missing file is media_failed"


def test_plugins_third_party_problematic_failed_and_missing() -> None:
    assert only(WIN11, "third_party_plugins").fields["modules"] == "StreamFX, move-transition"
    assert only(WIN11, "problematic_plugin").fields["module"] == "StreamFX"
    assert "third_party_plugins" not in found(WIN10_TWO)
    assert only(XWAYLAND, "linux_missing_modules").fields["modules"] == "obs-browser, obs-websocket, vlc-video"
    lines = [
        "10:00:00.000: OBS 30.0.0 (linux)",
        "10:00:00.100: Failed to initialize module 'decklink.so'",  # no DeckLink card: normal
        "10:00:00.100: Failed to load module file 'obs-old-plugin.so': undefined symbol obs_get_version",
    ]
    failed = next(f for f in analyze_lines(lines, "x").findings if f.id == "modules_failed")
    assert failed.fields["modules"] == "obs-old-plugin.so"


# -- log kinds ------------------------------------------------------------------------------------------------
def test_a_crash_in_the_graphics_driver() -> None:
    crash = report(CRASH_DRIVER)
    assert crash.crash and crash.obs_version == "28.1.2" and crash.platform == "windows"
    finding = only(CRASH_DRIVER, "crash")
    assert (finding.fields["module"], finding.fields["thread"], finding.fields["culprit"]) == (
        "d3d11.dll",
        "3854",
        "atidxx64.dll",
    )
    assert "graphics driver" in finding.explain_remedy()
    assert "log_incomplete" not in found(CRASH_DRIVER), "a crash report has no shutdown lines by nature"


def test_a_crash_in_a_plugin_names_it_and_the_thread() -> None:
    finding = only(CRASH_PLUGIN, "crash")
    assert finding.fields["thread"] == "4A1C: video thread" and finding.fields["culprit"] == "obs-virtualbg.dll"
    assert "obs-virtualbg.dll" in finding.explain_remedy()


def test_apples_macos_crash_report_names_the_plugin_under_obs() -> None:
    crash = report(CRASH_MAC)
    assert crash.crash and (crash.obs_version, crash.platform) == ("30.1.2", "mac")
    finding = only(CRASH_MAC, "crash")
    assert finding.fields["thread"] == "7 libobs: graphics thread"
    assert finding.fields["exception"] == "EXC_BAD_ACCESS (SIGSEGV)" and finding.fields["module"] == "libobs.framework"
    assert finding.fields["culprit"] == "obs-backgroundremoval.plugin"
    assert "obs-backgroundremoval.plugin" in finding.explain_remedy()
    assert crash.facts.system.macos_version == "14.4.1" and not crash.facts.system.rosetta


def test_a_linux_coredump_names_the_graphics_driver() -> None:
    crash = report(CRASH_LINUX)
    assert crash.crash and (crash.obs_version, crash.platform) == ("30.1.2", "linux")
    finding = only(CRASH_LINUX, "crash")
    assert (finding.fields["thread"], finding.fields["exception"]) == ("48260", "11 (SEGV)")
    assert finding.fields["culprit"] == "libgallium-24.0.6.so", "Mesa's driver, under OBS's OpenGL"
    assert "graphics driver" in finding.explain_remedy()
    assert "log_incomplete" not in found(CRASH_LINUX)


def test_an_obs_classic_log_is_said_not_refused() -> None:
    finding = only(CLASSIC, "obs_classic")
    assert finding.fields["version"] == "0.659b" and finding.severity == "critical"
    assert {f.id for f in report(CLASSIC).findings} == {"obs_classic"}, "nothing else is judged in it"


def test_two_sessions_report_their_own_settings_and_what_changed() -> None:
    changes = [f for f in report(WIN10_TWO).findings if f.id == "settings_changed"]
    assert [(str(f.fields["setting"]), f.fields["old"], f.fields["new"]) for f in changes] == [
        ("output resolution", "1920x1080", "1280x720"),
        ("encoder", "amf (quality)", "amf (balanced)"),
        ("video bitrate", "6000", "4500"),
    ]
    assert changes[0].say(chinese())[0] == (
        "19:10:00.121 与 20:03:00.121 开始的两次推流会话之间输出分辨率有变化：“1920x1080” → “1280x720”。"
    )
    first, second = report(WIN10_TWO).sessions
    assert first.settings is not None and second.settings is not None
    assert first.settings.video is not None and first.settings.video.output == "1920x1080"
    assert second.settings.video is not None and second.settings.video.output == "1280x720"


def test_a_log_without_a_show() -> None:
    assert only(FLATPAK, "no_output_session").severity == "info"
    assert "no_output_session" not in found(WIN11)


# -- ids, words and the README ----------------------------------------------------------------------------------
def test_every_finding_id_is_in_the_readme_table_with_its_area_and_severity() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## OBS log analysis") :]
    section = section[: section.index("\n## ", 5)]
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| `([a-z0-9_]+)` \|.*$", section, re.M)}
    for spec in all_specs().values():
        assert spec.id in rows, f"README table lacks {spec.id}"
        assert f"| {spec.area} |" in rows[spec.id] and f"| {spec.severity} " in rows[spec.id], rows[spec.id]
    for finding_id in REMEDIES:
        assert finding_id in rows, f"README table lacks {finding_id}"


def _catalogue() -> dict[tuple[str, str], ET.Element | None]:
    return {
        (c.findtext("name") or "", m.findtext("source") or ""): m.find("translation")
        for c in ET.parse(REPO / "resources" / "translations" / "onair_zh_CN.ts").getroot().iter("context")
        for m in c.iter("message")
    }


def chinese() -> Callable[[str, str], str]:
    """Qt's translate(context, text) over the shipped catalogue, without Qt."""
    catalogue = _catalogue()

    def translate(context: str, text: str) -> str:
        found = catalogue.get((context, text))
        return found.text if found is not None and found.text else text

    return translate


def test_every_finding_says_what_to_do_in_chinese_too() -> None:
    catalogue = _catalogue()
    templates = [(s.template, s.remedy) for s in all_specs().values()] + [("", r) for _, r in REMEDIES.values()]
    for template, remedy in templates:
        for text in filter(None, (template, remedy)):
            translation = catalogue.get(("LogFindings", text))
            assert translation is not None and translation.text and translation.get("type") is None, text
            assert set(re.findall(r"\{(\w+)", text)) == set(re.findall(r"\{(\w+)", translation.text)), text


@pytest.mark.parametrize("name", sorted(p.name for p in LOGS.glob("*.txt")))
def test_a_log_cut_anywhere_or_mangled_never_raises(name: str) -> None:
    """Every line cut short at every few characters, and the log cut off after every line: whatever a
    damaged or half-written file holds, the reader and the checks answer with a report, never a traceback."""
    import random

    lines = (LOGS / name).read_text(encoding="utf-8").splitlines()
    rng = random.Random(name)
    for cut in range(1, len(lines) + 1, 7):
        analyze_lines([*lines[:cut], "10:00:00.000: OBS 30.0.0 (windows)"], name, DAY)
    mangled = [line[: rng.randrange(len(line) + 1)] for line in lines]
    garbage = [line.replace(":", rng.choice(["", "::", ": x"])) for line in lines]
    for variant in (mangled, garbage):
        analyze_lines([*variant, "10:00:00.000: OBS 30.0.0 (windows)"], name, DAY)


def test_one_missing_media_file_tried_three_times_is_one_file() -> None:
    """tech17, a real OBS 29 log: a product video pointed at a missing file, restarted and re-pointed — three "Failed
    to open media" lines for one path — read "A media file could not be opened (3)", said "3 个" files in Chinese."""
    lost = "/media/usb/新品展示.mp4"
    lines = ["16:02:00.000: OBS 29.0.2 (linux)"] + [
        f"16:0{n}:49.263: MP: Failed to open media: '{lost}'" for n in (2, 5, 8)
    ]
    (finding,) = [f for f in analyze_lines(lines, "x").findings if f.id == "media_failed"]
    assert (finding.fields["count"], finding.fields["tries"], finding.fields["file"]) == (1, 3, lost)


def edited(name: str, needle: str, times: int) -> list[str]:
    """The fixture's lines with each line holding `needle` there `times` times (0: taken out)."""
    lines = (LOGS / name).read_text(encoding="utf-8").splitlines()
    return [copy for line in lines for copy in ([line] * times if needle in line else [line])]


MODULE_FAILS = [
    "10:00:00.000: OBS 30.0.0 (linux)",
    "10:00:00.100: Failed to load module file 'obs-old-plugin.so': undefined symbol obs_get_version",
    "10:00:00.100: Failed to load module file 'obs-older-plugin.so': undefined symbol obs_get_version",
]
NVENC_FALLBACK = [
    "10:00:00.000: OBS 29.1.3 (64-bit, windows)",
    "10:00:01.000: [jim-nvenc] Max B-frames setting (4) is more than encoder supports (0).",
    "10:00:01.000: Setting B-frames to 0",
    "10:00:01.001: [jim-nvenc] init_specific_encoder failed, trying again with compatibility options",
]


@pytest.mark.parametrize(
    ("finding_id", "lines", "english", "chinese_text"),
    [
        ("audio_device_unavailable", edited(PASCAL_TWITCH, "GetDefaultAudioEndpoint", 1),
         "“default” could not be opened (1 line): ", "音频设备“default”无法打开（1 行）："),
        ("audio_device_unavailable", edited(PASCAL_TWITCH, "GetDefaultAudioEndpoint", 3),
         "“default” could not be opened (3 lines): ", "音频设备“default”无法打开（3 行）："),
        ("capture_failed", edited(WIN11, "hook_direct", 1), "A capture source failed (1 line), first: ",
         "采集源出错（1 行），第一行："),
        ("capture_failed", edited(WIN11, "hook_direct", 2), "A capture source failed (2 lines), first: ",
         "采集源出错（2 行），第一行："),
        ("encoder_error", edited(WIN11, "NV_ENC_ERR_OUT_OF_MEMORY", 1), "An encoder failed (1 error line), first: ",
         "有编码器出错（1 行错误），第一行："),
        ("encoder_error", edited(WIN10_TWO, "AMF_NOT_SUPPORTED", 1), "An encoder failed (2 error lines), first: ",
         "有编码器出错（2 行错误），第一行："),
        ("nvenc_fallback", NVENC_FALLBACK[::3], "with fewer features (1 line), first: ",
         "以较少的功能重新初始化了它（1 行），第一行："),
        ("nvenc_fallback", NVENC_FALLBACK, "with fewer features (2 lines), first: ",
         "以较少的功能重新初始化了它（2 行），第一行："),
        ("not_admin_game_capture", edited(WIN11, "(game_capture)", 1), "administrator and uses 1 game capture source: ",
         "却使用了 1 个游戏采集源："),
        ("not_admin_game_capture", edited(WIN11, "(game_capture)", 2), "and uses 2 game capture sources: ",
         "却使用了 2 个游戏采集源："),
        ("browser_acceleration_off", edited(WIN11, "'Alerts' (browser_source)", 0), "the CPU renders 1 browser source.",
         "硬件加速已关闭：1 个浏览器源在 CPU 上渲染。"),
        ("browser_acceleration_off", edited(WIN11, "(browser_source)", 1), "the CPU renders 2 browser sources.",
         "硬件加速已关闭：2 个浏览器源在 CPU 上渲染。"),
        ("modules_failed", MODULE_FAILS[:2], "1 plugin module failed to load: obs-old-plugin.so.",
         "1 个插件模块加载失败：obs-old-plugin.so。"),
        ("modules_failed", MODULE_FAILS, "2 plugin modules failed to load: obs-old-plugin.so, obs-older-plugin.so.",
         "2 个插件模块加载失败：obs-old-plugin.so, obs-older-plugin.so。"),
    ],
)  # fmt: skip
def test_a_findings_count_reads_as_the_language_counts(
    finding_id: str, lines: list[str], english: str, chinese_text: str
) -> None:
    """ "(1 line(s))", "1 browser source(s) render": English's singular for one, its plural for more; Chinese has
    one form for both."""
    from tests.language import chinese as catalogue
    from tests.language import english as untranslated

    (finding,) = [f for f in analyze_lines(lines, "x", DAY).findings if f.id == finding_id]
    said = finding.say(untranslated)[0]
    assert english in said and "(s)" not in said, said
    assert english in finding.explain(), "logs and --json say it the same"
    assert chinese_text in finding.say(catalogue())[0]


@pytest.mark.parametrize("name", sorted(p.name for p in LOGS.glob("*.txt")))
def test_no_finding_says_a_plural_in_brackets(name: str) -> None:
    """Every finding of every fixture log, in English and in Chinese: no "line(s)", no "source(s)"."""
    for finding in report(name).findings:
        english = finding.explain()
        assert "(s)" not in english and "(es)" not in english, english
        assert "(s)" not in finding.say(chinese())[0]
