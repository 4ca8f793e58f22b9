"""Encoding and network checks: the encoders each session used and their settings, encoder errors, and the
stream output's options (delay, dynamic bitrate, network optimisations, TCP pacing, bind IP, the network card).
No Qt."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from obs.log_findings import TR_CONTEXT, Finding
from obs.logcheck import Context, log_lines, spec
from obs.logcheck.graphics import CODEC_NAMES, nvidia_driver_version
from obs.logfacts import Encoder, SessionSettings
from obs.text import QT_TRANSLATE_NOOP, counted
from obs.vocabulary import Category, Severity

E, N, WARN, INFO, CRIT = Category.ENCODE, Category.NETWORK, Severity.WARNING, Severity.INFO, Severity.CRITICAL
#: The slowest preset of each hardware encoder: quality gains too small for the load it adds to a live show.
SLOWEST = {"nvenc": ("p7", "slow", "max_quality"), "amf": ("quality",), "qsv": ("tu1", "quality", "veryslow")}

CUSTOM_X264 = spec(
    "x264_custom_options", "encoding", E, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "The x264 encoder {encoder} has custom options: {options}."),
    QT_TRANSLATE_NOOP("LogFindings", "Unless you know why each is there, clear Settings ▸ Output ▸ x264 Options "
                      "(Advanced output mode)."),
    "Custom x264 options (x264opts) set by the user.",
)  # fmt: skip
X264_PROFILE = spec(
    "x264_baseline_profile", "encoding", E, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "The x264 encoder {encoder} uses the baseline profile: the same bitrate "
                      "looks worse than with main or high."),
    QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Output ▸ Streaming ▸ Profile: high (or main)."),
    "x264 baseline profile.",
)  # fmt: skip
HW_SLOW = spec(
    "hardware_slowest_preset", "encoding", E, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "The {kind} encoder {encoder} uses its slowest preset ({preset}): it can "
                      "overload the GPU's encoder for little visible gain."),
    QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Output ▸ Preset: a middle one (NVENC P5, AMF Balanced, QSV "
                      "Balanced) if frames are skipped."),
    "NVENC P7 / AMF Quality / QSV TU1 preset.",
)  # fmt: skip
ENCODER_ERROR = spec(
    "encoder_error", "encoding", E, CRIT,
    QT_TRANSLATE_NOOP("LogFindings", "An encoder failed ({lines}), first: {line}"),
    QT_TRANSLATE_NOOP("LogFindings", "Update the GPU driver; for QSV enable the integrated GPU in the BIOS; or "
                      "pick another encoder in Settings ▸ Output."),
    "An encoder failed to start or to encode (NVENC/AMF/QSV errors, 'Error encoding').",
)  # fmt: skip
UNKNOWN_ENCODER = spec(
    "unknown_encoder", "encoding", E, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "The configured encoder '{encoder}' does not exist in this OBS: going live "
                      "or recording may fail."),
    QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Output: choose the encoder again from the list."),
    "A configured encoder id that this OBS does not have.",
)  # fmt: skip
KEYINT = spec(
    "keyframe_interval_long", "encoding", E, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "The streaming encoder {encoder} puts a keyframe every {seconds:.1f} s; "
                      "platforms expect 1–2 s (longer delays viewers joining and can be refused)."),
    QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Output ▸ Streaming ▸ Keyframe Interval: 2 s."),
    "A streaming keyframe interval above 4 s (or automatic, 250 frames).",
)  # fmt: skip
DELAY = spec(
    "stream_delay", "network", N, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "The stream at {start} was delayed by {seconds} s on purpose (stream delay)."),
    QT_TRANSLATE_NOOP("LogFindings", "If that is not wanted: Settings ▸ Advanced ▸ Stream Delay: off."),
    "Stream delay active.",
)  # fmt: skip
DYNAMIC = spec(
    "dynamic_bitrate", "network", N, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "Dynamic bitrate was on for the stream at {start}: OBS lowers the bitrate "
                      "instead of dropping frames when the network is congested."),
    QT_TRANSLATE_NOOP("LogFindings", "If the picture stayed blurry after the network recovered: Settings ▸ "
                      "Advanced ▸ Network ▸ Dynamically change bitrate: off."),
    "Dynamic bitrate enabled.",
)  # fmt: skip
SOCKET_LOOP = spec(
    "network_optimisations", "network", N, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "Network optimisations (new socket loop) were on for the stream at {start}."),
    QT_TRANSLATE_NOOP("LogFindings", "They are off by default and only help some connections: Settings ▸ "
                      "Advanced ▸ Network ▸ Enable network optimizations."),
    "Network optimisations (new socket loop) enabled.",
)  # fmt: skip
TCP_PACING = spec(
    "tcp_pacing", "network", N, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "TCP pacing (low latency mode) was on for the stream at {start}."),
    QT_TRANSLATE_NOOP("LogFindings", "Off by default; turn it off unless it fixed a problem: Settings ▸ "
                      "Advanced ▸ Network ▸ TCP pacing."),
    "TCP pacing (low latency mode) enabled.",
)  # fmt: skip
BIND_IP = spec(
    "bind_ip", "network", N, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "The stream at {start} was bound to a chosen address ({address}); if that "
                      "network changes, the stream cannot connect."),
    QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Advanced ▸ Network ▸ Bind to IP: Default."),
    "Bind to IP set to something other than Default.",
)  # fmt: skip
SLOW_NIC = spec(
    "network_link_slow", "network", N, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "The network card {interface} links at only {speed} Mbps though it can do "
                      "gigabit: a bad cable, port or switch."),
    QT_TRANSLATE_NOOP("LogFindings", "Replace the network cable (Cat 5e or better) or try another switch/router "
                      "port."),
    "A gigabit network card linked at 100 Mbps or less.",
)  # fmt: skip
KILLER = spec(
    "killer_network", "network", N, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "The stream goes through a Killer network card ({interface}); its software "
                      "suite is known to disturb streams."),
    QT_TRANSLATE_NOOP("LogFindings", "Uninstall the Killer suite and install only the network driver."),
    "A Killer network card (its prioritisation software).",
)  # fmt: skip
NIC_SPEED = re.compile(r"\(ethernet, (?:(\d+)|(\d+)↓/(\d+)↑) mbps\)", re.I)


def _sessions_with_settings(context: Context) -> Iterator[tuple[str, SessionSettings]]:
    for session in context.sessions:
        if session.settings is not None:
            yield session.started, session.settings


NVENC_SESSIONS = spec(
    "nvenc_session_limit", "encoding", E, CRIT,
    QT_TRANSLATE_NOOP("LogFindings", "NVENC could not open another encoding session (a GeForce with this driver "
                      "runs {limit} at once): {line}"),
    QT_TRANSLATE_NOOP("LogFindings", "Close other programs that encode on the NVIDIA GPU (a second OBS, "
                      "GeForce/NVIDIA App recording, Discord streaming); for stream + recording, set Settings ▸ "
                      "Output ▸ Recording ▸ Encoder to “(Use stream encoder)”."),
    "NVENC refused a session (out of memory / session limit); the GeForce limit by driver: 3, 5 from 530, 8 from 551.",
)  # fmt: skip


NVENC_FALLBACK = spec(
    "nvenc_fallback", "encoding", E, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "The encoder refused its settings and OBS set it up again with fewer features "
                      "({lines}), first: {line}"),
    QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Output: turn off Psycho Visual Tuning and set Max B-frames to what "
                      "the GPU supports, so that what runs is what you set; update the GPU driver."),
    "NVENC refused its settings and OBS retried with compatibility options (no psycho-visual tuning, fewer B-frames).",
)  # fmt: skip


def consumer_nvenc_sessions(driver: float | None) -> str:
    """How many NVENC sessions a GeForce runs at once by driver: 3 until early 2023, 5 from the 530 drivers,
    8 from the 551 drivers (January 2024); professional cards have no such limit."""
    if driver is None:
        return "3–8"
    return "3" if driver < 530 else "5" if driver < 551 else "8"


def encoders(context: Context) -> Iterator[Finding]:
    seen: set[tuple[str, str, str]] = set()
    for _, settings in _sessions_with_settings(context):
        for encoder in settings.encoders:
            yield from _encoder(encoder, settings, context, seen)
    errors = context.facts.encoder_errors
    # NVENC's OUT_OF_MEMORY and INCOMPATIBLE_CLIENT_KEY on opening a session are OBS's "too many sessions".
    refused = ("out_of_memory", "incompatible_client_key", "(10)")
    sessions = [e for e in errors if "OpenEncodeSession" in e and any(word in e.lower() for word in refused)]
    if sessions:
        yield NVENC_SESSIONS.make(line=sessions[0], limit=consumer_nvenc_sessions(nvidia_driver_version(context)))
    fallbacks = context.facts.encoder_fallbacks
    if fallbacks:
        yield NVENC_FALLBACK.make(count=len(fallbacks), lines=log_lines(len(fallbacks)), line=fallbacks[0])
    for line in errors[:1]:
        error_lines = counted(len(errors), QT_TRANSLATE_NOOP("LogFindings", "{count} error line"),
                              QT_TRANSLATE_NOOP("LogFindings", "{count} error lines"), TR_CONTEXT)  # fmt: skip
        yield ENCODER_ERROR.make(count=len(errors), lines=error_lines, line=line)
    for name in dict.fromkeys(context.facts.unknown_encoders):
        yield UNKNOWN_ENCODER.make(encoder=name)


def _encoder(
    encoder: Encoder, settings: SessionSettings, context: Context, seen: set[tuple[str, str, str]]
) -> Iterator[Finding]:
    def once(finding_id: str) -> bool:
        key = (finding_id, encoder.kind, encoder.name)
        fresh = key not in seen
        seen.add(key)
        return fresh

    if encoder.kind == "x264":
        if encoder.custom and once("custom"):
            yield CUSTOM_X264.make(encoder=encoder.name, options=" ".join(encoder.custom))
        if encoder.settings.get("profile", "").lower() == "baseline" and once("profile"):
            yield X264_PROFILE.make(encoder=encoder.name)
    preset = encoder.settings.get("preset", encoder.settings.get("target_usage", "")).lower()
    if preset in SLOWEST.get(encoder.kind, ()) and once("slow"):
        yield HW_SLOW.make(kind=encoder.kind.upper(), encoder=encoder.name, preset=preset)
    keyint = encoder.settings.get("keyint", "")
    fps = _encoder_fps(encoder, context)
    if "stream" in encoder.name and keyint.isdigit() and fps and int(keyint) / fps > 4 and once("keyint"):
        yield KEYINT.make(encoder=encoder.name, seconds=int(keyint) / fps)


def _encoder_fps(encoder: Encoder, context: Context) -> float | None:
    num, den = encoder.settings.get("fps_num", ""), encoder.settings.get("fps_den", "1")
    if num.isdigit() and den.isdigit() and int(den):
        return int(num) / int(den)
    video = context.facts.video
    match = re.match(r"(\d+)/(\d+)", (video.fps or "") if video else "")
    return int(match.group(1)) / int(match.group(2)) if match and int(match.group(2)) else None


def stream_options(context: Context) -> Iterator[Finding]:
    for started, settings in _sessions_with_settings(context):
        if settings.delay_s:
            yield DELAY.make(start=started, seconds=settings.delay_s)
        for on, option in ((settings.dynamic_bitrate, DYNAMIC), (settings.new_socket_loop, SOCKET_LOOP),
                           (settings.low_latency, TCP_PACING)):  # fmt: skip
            if on:
                yield option.make(start=started)
        if settings.bind_ip:
            yield BIND_IP.make(start=started, address=settings.bind_ip)


def network_card(context: Context) -> Iterator[Finding]:
    interfaces = dict.fromkeys(s.interface for _, s in _sessions_with_settings(context) if s.interface)
    for interface in interfaces:
        assert interface is not None
        speed = NIC_SPEED.search(interface)
        name = interface.rsplit(" (", 1)[0]  # "Intel(R) Ethernet Connection (7) I219-V (ethernet, …)"
        if speed:
            mbps = int(speed.group(1) or speed.group(3))
            if mbps < 1000 and any(g in interface for g in ("GbE", "Gigabit", "2.5G", "I219", "I225")):
                yield SLOW_NIC.make(interface=name, speed=mbps)
        if name.startswith("Killer"):
            yield KILLER.make(interface=name)


@dataclass(frozen=True)
class Service:
    name: str
    hosts: tuple[str, ...]  # the ingest server's host ends with one of these
    max_kbps: int | None  # OBS's services.json "max video bitrate"
    keyint_s: int | None  # its "keyint"
    codecs: tuple[str, ...]  # its "supported video codecs"


#: The services a room streams to, with what OBS's own service list (plugins/rtmp-services/data/services.json)
#: recommends. That list gives no maximum resolution or FPS for these, and none at all but the codecs for Bilibili
#: and Kuaishou: there only the codec is judged.
SERVICES = (
    Service("Twitch", ("twitch.tv", "live-video.net"), 6000, 2, ("h264",)),
    Service("YouTube", ("youtube.com",), 51000, 2, ("h264", "hevc", "av1")),
    Service("Bilibili", ("bilivideo.com", "bilibili.com"), None, None, ("h264", "hevc")),
    Service("Kuaishou", ("yximgs.com", "kuaishou.com"), None, None, ("h264",)),
)
SERVICE_BITRATE = spec(
    "service_bitrate_above_max", "encoding", E, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "The stream at {start} sent {bitrate} kbps of video to {service}, above its "
                      "maximum of {maximum} kbps: the service may refuse or re-compress it."),
    QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Output ▸ Streaming ▸ Video Bitrate: at most the maximum (tick "
                      "Settings ▸ Stream ▸ “Ignore streaming service setting recommendations” only if you know the "
                      "service accepts more)."),
    "A video bitrate above the service's recommended maximum (Twitch 6,000 kbps, YouTube 51,000 kbps).",
)  # fmt: skip
SERVICE_KEYINT = spec(
    "service_keyframe_interval", "encoding", E, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "The stream at {start} put a keyframe every {seconds:.1f} s; {service} "
                      "asks for {wanted} s."),
    QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Output ▸ Streaming ▸ Keyframe Interval: 2 s."),
    "A keyframe interval longer than the service asks for (Twitch and YouTube: 2 s), up to 4 s.",
)  # fmt: skip
SERVICE_CODEC = spec(
    "service_codec_unsupported", "encoding", E, CRIT,
    QT_TRANSLATE_NOOP("LogFindings", "The stream at {start} sent {codec} to {service}, which takes only {codecs}: "
                      "viewers get no picture, or the connection is refused."),
    QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Output ▸ Streaming ▸ Video Encoder: an H.264 one."),
    "A video codec the service does not take (HEVC or AV1 to Twitch or Kuaishou, AV1 to Bilibili).",
)  # fmt: skip


def service_of(server: str | None) -> Service | None:
    host = re.sub(r"^\w+://", "", server or "").split("/")[0].split(":")[0].lower()
    return next((s for s in SERVICES if host and any(host.endswith(h) for h in s.hosts)), None)


def service_limits(context: Context) -> Iterator[Finding]:
    for started, settings in _sessions_with_settings(context):
        service = service_of(settings.server)
        video = [e for e in settings.encoders if e.kind not in ("aac", "opus") and "stream" in e.name]
        if service is None or not video:
            continue
        encoder = video[0]
        fields = {"start": started, "service": service.name}
        if encoder.codec not in service.codecs:
            codecs = ", ".join(CODEC_NAMES[c] for c in service.codecs)
            yield SERVICE_CODEC.make(codec=CODEC_NAMES[encoder.codec], codecs=codecs, **fields)
        bitrate = encoder.settings.get("bitrate", "").split(" ")[0]
        if service.max_kbps and bitrate.isdigit() and int(bitrate) > service.max_kbps:
            yield SERVICE_BITRATE.make(bitrate=int(bitrate), maximum=service.max_kbps, **fields)
        keyint, fps = encoder.settings.get("keyint", ""), _encoder_fps(encoder, context)
        seconds = int(keyint) / fps if keyint.isdigit() and fps else None
        if service.keyint_s and seconds and service.keyint_s + 0.05 < seconds <= 4:  # above 4 s: keyint_long
            yield SERVICE_KEYINT.make(seconds=seconds, wanted=service.keyint_s, **fields)


CHECKS = (encoders, stream_options, network_card, service_limits)
