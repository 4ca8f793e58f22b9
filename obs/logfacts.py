"""What an OBS log says about the machine and the show, as typed facts, gathered in the same single pass as the
sessions (obs/logfile.py feeds every line here). No Qt, no judging: obs/logcheck/ judges these facts.

The line formats are OBS's own (libobs' obs-windows.c / obs-cocoa.m / obs-nix.c header, the D3D11 and OpenGL
start-up, the encoders' "settings:" blocks, rtmp-stream, the audio buffering lines, the "Loaded Modules" and
"Loaded scenes" lists, and the Windows crash handler's report). A line is dispatched by its bracketed tag or
by the words before its first colon, so a line of noise costs a dictionary lookup; tab-indented lines belong to
the block the previous line opened (an encoder's settings, an adapter, the gaming features).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Any


@dataclass
class Display:
    """One monitor as the D3D11 start-up lists it under its adapter."""

    name: str = ""
    width: int | None = None
    height: int | None = None
    refresh: float | None = None


@dataclass
class Adapter:
    index: int
    name: str
    driver: str | None = None
    hags: str | None = None  # OBS 30+: "Enabled (Default: No, Driver status: Supported)"
    displays: list[Display] = field(default_factory=list)


@dataclass
class SystemFacts:
    cpu: str | None = None
    obs_build: str | None = None  # what OBS's version line says in brackets: "64-bit, windows", "mac", "linux"
    windows_version: str | None = None  # "10.0" (Windows 10 and 11 both), "6.1" (7)
    windows_build: int | None = None
    windows_release: str | None = None  # "22H2", "2009", "1809"
    os_bits: int | None = None
    macos_version: str | None = None  # "13.5.1"
    rosetta: bool | None = None
    kernel: str | None = None
    distribution: str | None = None  # '"Ubuntu" "22.04"'
    flatpak_runtime: str | None = None
    session_type: str | None = None  # wayland / x11
    window_system: str | None = None  # present under X11 and XWayland
    desktop: str | None = None
    admin: bool | None = None
    portable: bool | None = None
    safe_mode: bool = False
    safe_mode_skipped: list[str] = field(default_factory=list)  # "Skipping module 'x' (not on safe list)"
    game_mode: bool | None = None
    game_dvr: bool | None = None
    game_dvr_background: bool | None = None
    hags: bool | None = None  # the Windows 10 "Hardware GPU Scheduler: On" line (OBS 26-29)
    browser_hw_accel: bool | None = None
    vantage: bool = False  # "Lenovo Vantage / Legion Edge is installed"
    log_started: str | None = None  # "Current Date/Time: 2024-04-06, 22:05:17": the day the log's times are of


@dataclass
class GraphicsFacts:
    renderer: str | None = None  # "D3D11", "OpenGL", "Metal"
    adapter_in_use: str | None = None
    adapters: list[Adapter] = field(default_factory=list)
    opengl_warning: bool = False  # OBS's own "The OpenGL renderer is currently in use" on Windows
    opengl_version: str | None = None  # "4.6.0 NVIDIA 535.129.03": where Linux names the NVIDIA driver


@dataclass
class VideoSettings:
    """One "video settings reset" block: what every session started after it used."""

    base: str | None = None
    output: str | None = None
    fps: str | None = None
    format: str | None = None
    color_range: str | None = None
    color_space: str | None = None


@dataclass
class Encoder:
    """One encoder set up for an output: its kind and the settings OBS logged for it."""

    name: str  # the encoder's name in OBS ("simple_video_stream", "streaming_h264", "advanced_video_recording")
    kind: str  # "x264", "nvenc", "amf", "qsv", "videotoolbox", "vaapi", "aac", …
    settings: dict[str, str] = field(default_factory=dict)
    custom: list[str] = field(default_factory=list)  # x264's "custom settings:" (the user's own options)
    tag: str = ""  # the log's tag: "texture-amf-h265" says the codec where the settings do not

    @property
    def codec(self) -> str:
        """h264, hevc or av1: NVENC logs "codec: HEVC"; AMF's and QSV's tags name it; x264 is H.264."""
        named = (self.settings.get("codec", "") + " " + self.tag).lower()
        if "av1" in named:
            return "av1"
        if "hevc" in named or "h265" in named or "265" in named:
            return "hevc"
        return "h264"


@dataclass
class SessionSettings:
    """The settings a streaming or recording session started with."""

    video: VideoSettings | None = None
    encoders: list[Encoder] = field(default_factory=list)
    delay_s: int | None = None
    dynamic_bitrate: bool = False
    new_socket_loop: bool = False
    low_latency: bool = False
    bind_ip: str | None = None
    server: str | None = None
    interface: str | None = None  # "Intel(R) Ethernet Connection (ethernet, 100↓/100↑ mbps)"


@dataclass
class AudioFacts:
    sample_rate: int | None = None
    buffering_increases: int = 0
    buffering_ms: int = 0  # the total OBS last reported
    buffering_sources: list[str] = field(default_factory=list)
    max_buffering_reached: bool = False
    device_rates: dict[str, int] = field(default_factory=dict)  # a capture device's own rate, by device name
    monitoring_device: str | None = None
    #: WASAPI's "[WASAPISource::TryInitialize]:[device] Failed …" lines: a device disabled, unplugged or, for
    #: "default", no device of that kind enabled in Windows at all.
    device_failures: list[str] = field(default_factory=list)


@dataclass
class Crash:
    exception: str
    kind: str = "windows"  # "windows" (OBS's own report), "mac" (Apple's crash report), "linux" (coredumpctl)
    fault_address: str | None = None
    fault_module: str | None = None
    libobs_version: str | None = None
    thread: str | None = None  # the thread marked "(Crashed)"
    thread_modules: list[str] = field(default_factory=list)  # the crashed thread's stack, innermost first


@dataclass
class LogFacts:
    system: SystemFacts = field(default_factory=SystemFacts)
    graphics: GraphicsFacts = field(default_factory=GraphicsFacts)
    video: VideoSettings | None = None  # the newest reset
    video_resets: int = 0
    audio: AudioFacts = field(default_factory=AudioFacts)
    modules: list[str] = field(default_factory=list)  # "Loaded Modules:" (the last list)
    failed_modules: list[str] = field(default_factory=list)
    sources: dict[str, int] = field(default_factory=dict)  # source kind -> count, in the last "Loaded scenes"
    encoder_errors: list[str] = field(default_factory=list)
    unknown_encoders: list[str] = field(default_factory=list)
    capture_failures: list[str] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)
    media_failures: list[str] = field(default_factory=list)
    #: Each media source's file, by the source's name ("[Media Source 'X']: settings:" then "input: path"): which
    #: source a failed file belongs to (OBS's "Failed to open media" names only the path).
    media_files: dict[str, str] = field(default_factory=dict)
    #: Media files FFmpeg opened but cannot decode ("MP: Failed to find video codec" before "Could not
    #: initialize audio or video: 'path'"): the format, not the path, is the problem.
    media_unsupported: list[str] = field(default_factory=list)
    #: An encoder that refused its settings and was set up again with fewer features (NVENC's "trying again
    #: with compatibility options" / "without Psycho Visual Tuning", "Max B-frames setting … more than encoder
    #: supports"): not an error, but the settings asked for were not what ran.
    encoder_fallbacks: list[str] = field(default_factory=list)
    crash: Crash | None = None
    obs_classic: str | None = None  # "0.659b": an OBS Classic log (its lines are not OBS Studio's)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _on(value: str) -> bool:
    return value.strip().lower() in ("on", "true", "yes", "enabled")


WINDOWS_VERSION = re.compile(r"(\d+\.\d+) Build (\d+) \((?:release: ([^;]+); )?revision: \d+; (\d+)-bit\)", re.I)
ADAPTER = re.compile(r"^\tAdapter (\d+): (.+?)\s*$")
# OBS 27 wrote each display on one line; OBS 28+ writes "output N:" and then one key=value per line.
OLD_DISPLAY = re.compile(r"output \d+: pos=\{[^}]*\}, size=\{(\d+), (\d+)\}.*?refresh=([\d.]+)(?:, name=(.*))?")
DEVICE_RATE = re.compile(r"Device '(.+?)' \[(\d+) Hz\] initialized")
BUFFERING = re.compile(r"^adding \d+ milliseconds of audio buffering, total audio buffering is now (\d+) milliseconds"
                       r"(?: \(source: (.*)\))?")  # fmt: skip
SCENE_SOURCE = re.compile(r"^\s+- source: '.*' \(([\w-]+)\)")
DELAY = re.compile(r"^Output '[^']+': (\d+) second delay active")
MODULE_IN_STACK = re.compile(r"\s([^\s!]+)!0x[0-9a-f]+\s*$", re.I)
# Apple: "1   obs-shaderfilter.plugin   0x10a1c2e40 0x10a1b8000 + 44608"; coredumpctl: "#0  0x00007f3a… n/a
# (libobs.so.30 + 0x5be10)" or "#1  0x… gs_draw (libobs.so.30 + 0x4a1b2)".
MAC_FRAME = re.compile(r"^\d+\s+(\S+)\s+(?:\t|\s)*0x[0-9a-f]+\s", re.I)
LINUX_FRAME = re.compile(r"^#\d+\s+0x[0-9a-f]+\s+.*?\((\S+?)(?: \+ 0x[0-9a-f]+)?\)\s*$", re.I)
FAULT = re.compile(r"^Fault address: (\S+) \((.*)\)")
STARTS = re.compile(
    "Loading up |adding |Max audio buffering reached|Output '|Safe Mode enabled|Lenovo Vantage|Encoder ID '"
    "|Error encoding with encoder|Skipping module '|OpenGL loaded successfully, version "
    "|Failed to initialize module '|Failed to load module file '"
)
ENCODER_TAGS = {
    "x264 encoder": "x264",
    "jim-nvenc": "nvenc",
    "obs-nvenc": "nvenc",
    "NVENC encoder": "nvenc",
    "texture-amf-h264": "amf",
    "texture-amf-h265": "amf",
    "texture-amf-av1": "amf",
    "amf-h264": "amf",
    "qsv encoder": "qsv",
    "obs-qsv11": "qsv",
    "VideoToolbox encoder": "videotoolbox",
    "FFmpeg VAAPI encoder": "vaapi",
    "ffmpeg-vaapi": "vaapi",
}
#: The bracketed tags whose lines carry a fact.
TAGS = {*ENCODER_TAGS, "rtmp stream", "game-capture", "window-capture", "duplicator-monitor-capture", "win-wasapi",
        "WASAPISource", "coreaudio", "image_source", "image-source", "ffmpeg_source"}  # fmt: skip


class FactReader:
    """Collects LogFacts line by line. `feed` takes the text after the timestamp; `feed_raw` a crash report's
    untimestamped lines."""

    def __init__(self) -> None:
        self.facts = LogFacts()
        #: A block or list is open: every line must reach `feed` (to continue or to close it).
        self.busy = False
        self.pending = SessionSettings()  # settings logged since the last session started
        self._block: Callable[[str], None] | None = None
        self._scenes: dict[str, int] | None = None
        self._modules: list[str] | None = None
        self._crash_thread = False
        self._codec_problem = ""
        #: A macOS or coredumpctl report's header lines before its crash starts ("Version:", "PID:", …).
        self.raw_header: dict[str, str] = {}
        self._prefixes: dict[str, Callable[[str, str], None]] = {
            "CPU Name": lambda _, v: setattr(self.facts.system, "cpu", v.strip()),
            "Current Date/Time": lambda _, v: setattr(self.facts.system, "log_started", v.strip()),
            "Windows Version": self._windows_version,
            "Running as administrator": lambda _, v: setattr(self.facts.system, "admin", _on(v)),
            "Portable mode": lambda _, v: setattr(self.facts.system, "portable", _on(v)),
            "Browser Hardware Acceleration": lambda _, v: setattr(self.facts.system, "browser_hw_accel", _on(v)),
            "OS Version": self._macos_version,
            "Rosetta translation used": lambda _, v: setattr(self.facts.system, "rosetta", _on(v)),
            "Kernel Version": lambda _, v: setattr(self.facts.system, "kernel", v.strip()),
            "Distribution": lambda _, v: setattr(self.facts.system, "distribution", v.strip()),
            "Flatpak Runtime": lambda _, v: setattr(self.facts.system, "flatpak_runtime", v.strip()),
            "Session Type": lambda _, v: setattr(self.facts.system, "session_type", v.strip().lower()),
            "Window System": lambda _, v: setattr(self.facts.system, "window_system", v.strip()),
            "Desktop Environment": lambda _, v: setattr(self.facts.system, "desktop", v.strip()),
            "Windows 10 Gaming Features": self._gaming,
            "Windows 10/11 Gaming Features": self._gaming,
            "Available Video Adapters": self._adapters,
            "Warning": self._warning,
            "video settings reset": self._video_reset,
            "audio settings reset": lambda _, __: self._open(self._audio_setting),
            "Audio monitoring device": lambda _, __: self._open(self._monitoring),
            "  Loaded Modules": self._loaded_modules,
            "Loaded scenes": self._loaded_scenes,
            "Unhandled exception": self._crash,
            "MP": self._media_playback,
            "WASAPI": lambda k, v: self._device_rate(k + ":" + v),  # OBS 27 wrote it without a tag
            "coreaudio": lambda k, v: self._device_rate(k + ":" + v),
        }
        # Lines without a "key:" start, by the words they start with (STARTS).
        self._starts: dict[str, Callable[[str], None]] = {
            "Loading up ": self._renderer,
            "adding ": self._buffering,
            "Max audio buffering reached": self._flag(self.facts.audio, "max_buffering_reached"),
            "Output '": self._delay,
            "Safe Mode enabled": self._flag(self.facts.system, "safe_mode"),
            "Lenovo Vantage": self._flag(self.facts.system, "vantage"),
            "Encoder ID '": self._unknown_encoder,
            "Error encoding with encoder": self.facts.encoder_errors.append,
            "Skipping module '": lambda text: self.facts.system.safe_mode_skipped.append(text.split("'")[1]),
            "OpenGL loaded successfully, version ": self._opengl_version,
            "Failed to initialize module '": lambda text: self._failed_module(text, ""),
            "Failed to load module file '": lambda text: self._failed_module(text, ""),
        }
        # A crash report's header lines.
        self._crash_header: dict[str, Callable[[str], None]] = {
            "Fault address": self._fault,
            "libobs version": self._libobs,
            "Windows version": lambda v: self._windows_version("", v),
            "CPU": lambda v: setattr(self.facts.system, "cpu", v),
        }
        # The starts of every line `feed` keeps something of: a line that matches none is noise (most of a
        # long log), and the caller can skip `feed` for it when the reader is not `busy`.
        keys = "|".join(re.escape(key + ":") for key in sorted(self._prefixes, key=len, reverse=True))
        tags = "|".join(re.escape(tag) for tag in sorted(TAGS, key=len, reverse=True))
        self.wanted = re.compile(rf"\t|  |\[(?:{tags}|Media Source|VideoToolbox)|{keys}|{STARTS.pattern}")

    # -- dispatch -------------------------------------------------------------------------------------------
    def feed(self, text: str) -> None:
        if text.startswith("\t") or (self._modules is not None and text.startswith("  ")):
            if self._block is not None:
                self._block(text)
            return
        if (self._scenes is not None or self._modules is not None) and self._list_line(text):
            return
        self._block = None
        self.busy = False
        if text.startswith("["):
            end = text.find("]")
            if end > 0:
                self._tagged(text[1:end], text[end + 1 :].lstrip(" :"))
            return
        self._untagged(text)

    def _untagged(self, text: str) -> None:
        key, _, value = text.partition(":")
        handler = self._prefixes.get(key)
        if handler is not None:
            handler(key, value)
            return
        start = STARTS.match(text)  # anchored: fails at the first character for almost every line
        if start is not None:
            self._starts[start.group(0)](text)

    def _list_line(self, text: str) -> bool:
        """A line of the scenes list (True), or the end of the scenes or modules list (False)."""
        if self._scenes is not None:
            if text.startswith(("- scene", " ")):
                self._scene_line(text)
                return True
            self._close_scenes()
        if self._modules is not None:
            self._close_modules()
        return False

    def _renderer(self, text: str) -> None:
        # "Loading up D3D11 on adapter NVIDIA GeForce RTX 3060 (0)", "Loading up OpenGL on adapter Mesa llvmpipe"
        renderer, _, adapter = text.removeprefix("Loading up ").partition(" on adapter ")
        if adapter:
            self._adapter_in_use(renderer, adapter)

    def _delay(self, text: str) -> None:
        delay = DELAY.match(text)
        if delay:
            self.pending.delay_s = int(delay.group(1))

    def _unknown_encoder(self, text: str) -> None:
        if "not found" in text:
            self.facts.unknown_encoders.append(text.split("'")[1])

    def _flag(self, obj: Any, name: str) -> Callable[[str], None]:
        return lambda _: setattr(obj, name, True)

    def feed_raw(self, line: str) -> None:
        """A crash report's lines (no timestamps): OBS's own on Windows, Apple's on macOS, coredumpctl's on Linux."""
        crash = self.facts.crash
        if crash is not None and crash.kind != "windows":
            self._unix_crash_line(crash, line)
            return
        if crash is None:
            if line.startswith("Unhandled exception:"):
                self._crash("Unhandled exception", line.partition(":")[2])
            else:
                self._unix_header(line)
            return
        key, _, value = line.partition(":")
        header = self._crash_header.get(key)
        if header is not None:
            header(value.strip())
        elif line.startswith("Thread "):
            self._crash_thread = "(Crashed)" in line
            if self._crash_thread:  # "Thread 3854: (Crashed)", "Thread 4A1C: video thread (Crashed)"
                crash.thread = line.removeprefix("Thread ").replace("(Crashed)", "").strip(" :")
        elif self._crash_thread:
            module = MODULE_IN_STACK.search(line)
            if module:
                crash.thread_modules.append(module.group(1))
            elif not line.strip():
                self._crash_thread = False

    def _unix_header(self, line: str) -> None:
        """Apple's report ("Process: OBS [812]", "Crashed Thread: 7  libobs: graphics thread", "Exception Type:
        EXC_BAD_ACCESS (SIGSEGV)") or coredumpctl's ("PID: 4321 (obs)", "Signal: 11 (SEGV)"): a header line, or
        the one that starts the crash once the header said the process is OBS."""
        key, sep, value = line.strip().partition(":")
        if not sep or len(key) > 20:
            return
        value = value.strip()
        header = self.raw_header
        if len(header) < 40:
            header[key] = value
        mac = "obsproject" in header.get("Identifier", "") or "OBS" in header.get("Process", "")
        linux = "(obs)" in header.get("PID", "") or header.get("Executable", "").endswith("/obs")
        if mac and key in ("Crashed Thread", "Exception Type"):
            self.facts.crash = Crash(header.get("Exception Type", ""), kind="mac")
            self.facts.crash.thread = " ".join(header.get("Crashed Thread", "").split()) or None
            self._mac_system(header)
        elif linux and key == "Signal":
            self.facts.crash = Crash(value, kind="linux")

    def _mac_system(self, header: dict[str, str]) -> None:
        system = self.facts.system
        version = re.search(r"(\d+(?:\.\d+)+)", header.get("OS Version", ""))
        system.macos_version = version.group(1) if version else None
        system.rosetta = "Translated" in header.get("Code Type", "") or None

    def _unix_crash_line(self, crash: Crash, line: str) -> None:
        text = line.strip()
        if crash.kind == "mac":
            key, _, value = text.partition(":")
            if key == "Exception Type" and not crash.exception:
                crash.exception = value.strip()
            elif key == "Crashed Thread" and crash.thread is None:
                crash.thread = " ".join(value.split())
            elif re.match(r"Thread \d+ Crashed", text):
                self._crash_thread = True
            elif self._crash_thread:
                frame = MAC_FRAME.match(text)
                if frame:
                    crash.thread_modules.append(frame.group(1))
                    crash.fault_module = crash.fault_module or frame.group(1)
                else:
                    self._crash_thread = False
            return
        if text.startswith("Stack trace of thread") and not crash.thread_modules:
            crash.thread = text.removeprefix("Stack trace of thread").strip(" :")
            self._crash_thread = True
        elif self._crash_thread:
            frame = LINUX_FRAME.match(text)
            if frame:
                crash.thread_modules.append(frame.group(1))
                crash.fault_module = crash.fault_module or frame.group(1)
            else:
                self._crash_thread = False

    def _fault(self, value: str) -> None:
        crash = self.facts.crash
        fault = FAULT.match("Fault address: " + value)
        if crash is not None and fault:
            crash.fault_address = fault.group(1)
            crash.fault_module = fault.group(2).replace("\\", "/").rsplit("/", 1)[-1] or None

    def _libobs(self, value: str) -> None:
        if self.facts.crash is not None:
            self.facts.crash.libobs_version = value

    # -- blocks ---------------------------------------------------------------------------------------------
    def _open(self, block: Callable[[str], None]) -> None:
        self._block = block
        self.busy = True

    def _gaming(self, _: str, __: str) -> None:
        def line(text: str) -> None:
            key, _, value = text.strip().partition(":")
            system = self.facts.system
            if key == "Game Mode":
                system.game_mode = _on(value)
            elif key == "Game DVR":
                system.game_dvr = _on(value)
            elif key == "Game DVR Background Recording":
                system.game_dvr_background = _on(value)
            elif key in ("Hardware GPU Scheduler", "Hardware GPU Scheduling"):
                system.hags = _on(value)

        self._open(line)

    def _adapters(self, _: str, __: str) -> None:
        self.facts.graphics.adapters = []
        self.facts.graphics.renderer = self.facts.graphics.renderer or "D3D11"
        self._open(self._adapter_line)

    def _adapter_line(self, text: str) -> None:
        adapters = self.facts.graphics.adapters
        start = ADAPTER.match(text)
        if start:
            adapters.append(Adapter(int(start.group(1)), start.group(2)))
            return
        if not adapters:
            return
        adapter = adapters[-1]
        key, _, value = text.strip().partition(":")
        if key == "Driver Version":
            adapter.driver = value.strip()
        elif key == "HAGS Status":
            adapter.hags = value.strip()
        elif key.startswith("output "):
            old = OLD_DISPLAY.search(text)
            adapter.displays.append(
                Display(old.group(4) or "", int(old.group(1)), int(old.group(2)), float(old.group(3)))
                if old
                else Display()
            )
        elif adapter.displays and "=" in text:
            self._display_line(adapter.displays[-1], text)

    @staticmethod
    def _display_line(display: Display, text: str) -> None:
        name, _, value = text.strip().partition("=")
        if name == "name":
            display.name = value.strip()
        elif name == "refresh":
            display.refresh = _float(value)
        elif name == "size":
            size = re.findall(r"\d+", value)
            if len(size) == 2:
                display.width, display.height = int(size[0]), int(size[1])

    def _adapter_in_use(self, renderer: str, value: str) -> None:
        self.facts.graphics.renderer = renderer
        self.facts.graphics.adapter_in_use = value.strip()

    def _opengl_version(self, text: str) -> None:
        version = text.removeprefix("OpenGL loaded successfully, version ").partition(", shading")[0]
        self.facts.graphics.opengl_version = version.strip()

    def _warning(self, _: str, value: str) -> None:
        if "OpenGL renderer is currently in use" in value:
            self.facts.graphics.opengl_warning = True

    def _video_reset(self, _: str, __: str) -> None:
        video = VideoSettings()
        self.facts.video = video
        self.facts.video_resets += 1
        self.pending.video = video
        keys = {"base resolution": "base", "output resolution": "output", "fps": "fps", "format": "format",
                "color range": "color_range", "color space": "color_space", "YUV mode": "color_space"}  # fmt: skip

        def line(text: str) -> None:
            key, _, value = text.strip().partition(":")
            slot = keys.get(key)
            if slot is not None:
                setattr(video, slot, value.strip())

        self._open(line)

    def _audio_setting(self, text: str) -> None:
        key, _, value = text.strip().partition(":")
        if key == "samples per sec" and value.strip().isdigit():
            self.facts.audio.sample_rate = int(value.strip())

    def _monitoring(self, text: str) -> None:
        key, _, value = text.strip().partition(":")
        if key == "name":
            self.facts.audio.monitoring_device = value.strip()

    def _loaded_modules(self, _: str, __: str) -> None:
        self._modules = []

        def line(text: str) -> None:
            if self._modules is not None and text.strip():
                self._modules.append(text.strip())

        self._open(line)

    def _close_modules(self) -> None:
        if self._modules:
            self.facts.modules = self._modules
        self._modules = None

    def _loaded_scenes(self, _: str, __: str) -> None:
        self._scenes = {}
        self.busy = True

    def _scene_line(self, text: str) -> None:
        source = SCENE_SOURCE.match(text)
        if source and self._scenes is not None:
            self._scenes[source.group(1)] = self._scenes.get(source.group(1), 0) + 1

    def _close_scenes(self) -> None:
        if self._scenes is not None:
            self.facts.sources = self._scenes
        self._scenes = None

    def _failed_module(self, text: str, value: str) -> None:
        name = (text + ":" + value).split("'")
        if len(name) > 1:
            self.facts.failed_modules.append(name[1])

    # -- single lines ---------------------------------------------------------------------------------------
    def _windows_version(self, _: str, value: str) -> None:
        match = WINDOWS_VERSION.search(value)
        if match:
            system = self.facts.system
            system.windows_version, system.windows_build = match.group(1), int(match.group(2))
            system.windows_release, system.os_bits = match.group(3), int(match.group(4))

    def _macos_version(self, _: str, value: str) -> None:
        match = re.search(r"Version (\d+(?:\.\d+)*)", value)
        if match:
            self.facts.system.macos_version = match.group(1)

    def _buffering(self, text: str) -> None:
        match = BUFFERING.match(text)
        if match:
            audio = self.facts.audio
            audio.buffering_increases += 1
            audio.buffering_ms = int(match.group(1))
            source = match.group(2)
            if source and source not in audio.buffering_sources:
                audio.buffering_sources.append(source)

    def _device_rate(self, text: str) -> None:
        match = DEVICE_RATE.search(text)
        if match:
            self.facts.audio.device_rates[match.group(1)] = int(match.group(2))

    def _media_playback(self, _: str, value: str) -> None:
        if "Failed to open media" in value:
            path = value.partition("media:")[2].strip().strip("'")
            self.facts.media_failures.append(path)
        elif ("Failed to find" in value and "codec" in value) or ("Failed to open" in value and "decoder" in value):
            self._codec_problem = value.strip()  # the path follows on "Could not initialize audio or video"
        elif "Could not initialize audio or video" in value:
            path = value.partition("video:")[2].strip().strip("'")
            problem = self._codec_problem
            self.facts.media_unsupported.append(f"{path} ({problem})" if problem else path)
            self._codec_problem = ""

    def _media_setting(self, source: str, text: str) -> None:
        key, _, value = text.strip().partition(":")
        if key == "input" and value.strip():
            self.facts.media_files[source] = value.strip()

    def _crash(self, _: str, value: str) -> None:
        self.facts.crash = Crash(value.strip())

    def _tagged(self, tag: str, rest: str) -> None:
        if tag.startswith("WASAPISource::TryInitialize"):  # "[WASAPISource::TryInitialize]:[default] Failed …"
            self.facts.audio.device_failures.append(rest.strip())
            return
        kind, _, name = tag.partition(":")
        if kind.startswith("VideoToolbox "):  # "[VideoToolbox streaming_h264: 'h264']: settings:"
            kind, name = "VideoToolbox encoder", kind.removeprefix("VideoToolbox ")
        elif kind not in TAGS and not kind.startswith("Media Source"):
            return  # [obs-websocket], [rtmp-services plugin], …: nothing this reader keeps
        name = name.strip().strip("'")
        encoder = ENCODER_TAGS.get(kind.strip())
        if encoder is not None:
            self._encoder_line(encoder, name, rest, kind.strip())
        elif kind == "rtmp stream":
            self._rtmp(rest)
        else:
            self._source_line(kind, name, rest)

    def _source_line(self, kind: str, name: str, rest: str) -> None:
        """A capture, audio device, media or image source's tagged line: its failures and device rates."""
        lowered = rest.lower()
        if kind in ("game-capture", "window-capture", "duplicator-monitor-capture"):
            if any(word in lowered for word in ("error", "failed", "could not", "not loaded")):
                self.facts.capture_failures.append(f"{name}: {rest}")
        elif kind in ("win-wasapi", "WASAPISource", "coreaudio") or "Device '" in rest:
            self._device_rate(rest)
        elif kind.startswith("Media Source") or kind == "ffmpeg_source":
            if rest.strip() == "settings:":
                source = kind.partition("'")[2].rstrip("'")
                self._open(lambda text: self._media_setting(source, text))
            elif "failed to open" in lowered:
                self.facts.media_failures.append(f"{kind.partition(chr(39))[2].rstrip(chr(39))}: {rest}")
        elif kind in ("image_source", "image-source") and "failed" in lowered:
            # "failed to load texture '/path/logo.png'": the source and its file, not OBS's English words, so that
            # the finding reads whole in Chinese too (tech16).
            quoted = re.search(r"'([^']+)'", rest)
            self.facts.missing_files.append(f"{name}: {quoted.group(1) if quoted else rest}")

    def _encoder_line(self, kind: str, name: str, rest: str, tag: str = "") -> None:
        lowered = rest.lower()
        if "trying again" in lowered or "more than encoder supports" in lowered:
            self.facts.encoder_fallbacks.append(f"[{tag or kind}] {rest}")
            return
        if not name:  # "[jim-nvenc] Current driver version does not support …": the encoder's own, no instance
            if any(word in lowered for word in ("error", "failed", "does not support", "not supported")):
                self.facts.encoder_errors.append(f"[{tag or kind}] {rest}")
            return
        current = next((e for e in reversed(self.pending.encoders) if e.name == name and e.kind == kind), None)
        if current is None:
            current = Encoder(name, kind, tag=tag)
            self.pending.encoders.append(current)
        key, _, value = rest.partition(":")
        if key == "settings":
            self._open(lambda text: self._encoder_setting(current, text))
        elif key == "custom settings":
            current.custom.clear()  # set up again (a start that failed, then a retry): the newest list counts
            self._open(lambda text: current.custom.append(text.strip()) if text.strip() else None)
        elif key in ("preset", "profile", "tune") and value.strip():
            current.settings[key] = value.strip()
        elif any(word in lowered for word in ("error", "failed", "does not support", "not supported")):
            self.facts.encoder_errors.append(f"[{tag or kind}: {name}] {rest}")

    @staticmethod
    def _encoder_setting(encoder: Encoder, text: str) -> None:
        key, _, value = text.strip().partition(":")
        if key and value.strip():
            encoder.settings[key.strip()] = value.strip()  # the newest setup of the encoder counts

    def _rtmp(self, rest: str) -> None:
        if rest.startswith("Dynamic bitrate enabled"):
            self.pending.dynamic_bitrate = True
        elif rest.startswith("New socket loop enabled by user"):
            self.pending.new_socket_loop = True
        elif rest.startswith("Low latency mode enabled by user"):
            self.pending.low_latency = True
        elif rest.startswith("Binding to "):
            self.pending.bind_ip = rest.removeprefix("Binding to ").strip(" .:") or "?"
        elif rest.startswith("Interface:"):
            self.pending.interface = rest.partition(":")[2].strip()
        elif rest.startswith("Connecting to RTMP URL"):
            self.pending.server = rest.removeprefix("Connecting to RTMP URL").strip().rstrip(".")

    def session_started(self, kind: str = "streaming") -> SessionSettings:
        """The settings a `kind` ("streaming" or "recording") session that starts now runs with.

        A stream and a recording started together share what was logged before them (Simple output, StartStream
        then StartRecord: the recording's Start line often comes first, while the stream still connects): the
        stream's encoders, server and network lines stay for the stream that starts next; a recording takes its own
        encoders ("…recording…"), or without a video encoder of its own the stream's too (it runs on them: "Same as
        stream"). Given all to the recording, a real log's stream read "encoder —, — kbps" (tech16).
        """
        pending = self.pending
        own = [e for e in pending.encoders if _recording_encoder(e.name) == (kind == "recording")]
        if kind == "recording":
            shared = [e for e in pending.encoders if not _recording_encoder(e.name)]
            # Without a video encoder of its own the recording runs on the stream's (the log names it once).
            on_its_own = any(e.kind not in AUDIO_ENCODERS for e in own)
            pending.encoders = shared  # the stream's stay for the stream
            return SessionSettings(
                video=pending.video or self.facts.video, encoders=own if on_its_own else own + shared
            )
        started = replace(pending, encoders=own, video=pending.video or self.facts.video)
        # What follows is the next session's; a recording's own encoders logged meanwhile stay for it.
        self.pending = SessionSettings(
            video=self.facts.video, encoders=[e for e in pending.encoders if _recording_encoder(e.name)]
        )
        return started

    def finish(self) -> LogFacts:
        self._close_scenes()
        self._close_modules()
        return self.facts


#: Audio encoders' kinds (a session's video encoder is any other).
AUDIO_ENCODERS = frozenset({"aac", "opus"})


def _recording_encoder(name: str) -> bool:
    """An encoder set up for recording only: OBS names them "simple_video_recording", "advanced_video_recording",
    "simple_aac_recording"…; the stream's are "…stream…" or the Simple mode's audio "simple_aac"."""
    lowered = name.lower()
    return "stream" not in lowered and ("rec" in lowered or "file" in lowered)


def _float(text: str) -> float | None:
    try:
        return float(text.strip())
    except ValueError:
        return None
