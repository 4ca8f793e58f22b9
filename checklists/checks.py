"""The sensed checks: each declares its parameters and says, in plain words, what it measured.

Checks run on a worker thread (never the GUI thread) against a SenseContext: the live OBS state,
blocking requests, the recent audio meter history, and this machine. Result texts are templates
marked for Qt's translation tools (context "Checks") with named fields.
"""

from __future__ import annotations

import base64
import enum
import errno
import io
import ipaddress
import itertools
import math
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlparse

import psutil

from checklists.model import Phrase
from obs.clock import MONOTONIC, Clock
from obs.commands import GetProfileParameter, simple_output
from obs.errors import ObsError, RequestError
from obs.messages import LinkState
from obs.protocol import parse_version
from obs.state import ObsState
from obs.text import QT_TRANSLATE_NOOP, Message

# Pillow is the video checks' (on the checklist worker's thread, when a run gets to one), not the console's start-up.
if TYPE_CHECKING:
    from PIL import Image


class SenseContext(Protocol):
    """What a check may look at. Implemented over an ObsSession (headless) or the console's bridge."""

    def link_state(self) -> LinkState: ...

    def state(self) -> ObsState: ...

    def request(
        self, request_type: str, data: dict[str, Any] | None = None, timeout: float = 5.0
    ) -> dict[str, Any]: ...

    def meter_history(self, input_name: str, since: float) -> list[tuple[float, list[list[float]]]]: ...


class Stopped(Exception):
    """A check told to stop in its listening window (the console is closing): it ends without a result."""


class StoppableContext:
    """A SenseContext whose listening windows end as soon as `stop` is set (`listen`), so closing the console
    does not wait out a level check's window. Its windows last seconds of the room's `clock` (obs/clock.py):
    the real clock for the user; a test's manual clock ends them when the test has advanced it so far."""

    def __init__(self, ctx: SenseContext, stop: threading.Event, clock: Clock = MONOTONIC) -> None:
        self.ctx, self.stop, self.clock = ctx, stop, clock

    def wait(self, seconds: float) -> bool:
        """Wait out `seconds` of the clock; True if told to stop first."""
        if self.clock.real:
            return self.stop.wait(seconds)
        end = self.clock.now() + seconds
        moved = threading.Event()
        self.clock.on_advance(moved.set)
        try:
            while self.clock.now() < end and not self.stop.is_set():
                moved.wait(0.05)  # the stop event is not the clock's: looked at between advances too
                moved.clear()
        finally:
            self.clock.off_advance(moved.set)
        return self.stop.is_set()

    def link_state(self) -> LinkState:
        return self.ctx.link_state()

    def state(self) -> ObsState:
        return self.ctx.state()

    def request(self, request_type: str, data: dict[str, Any] | None = None, timeout: float = 5.0) -> dict[str, Any]:
        return self.ctx.request(request_type, data, timeout)

    def meter_history(self, input_name: str, since: float) -> list[tuple[float, list[list[float]]]]:
        return self.ctx.meter_history(input_name, since)


def listen(ctx: SenseContext, seconds: float) -> None:
    """Wait out (part of) a listening window; raises Stopped at once when the pass is told to stop."""
    if not isinstance(ctx, StoppableContext):
        time.sleep(seconds)
    elif ctx.wait(seconds):
        raise Stopped


class Status(enum.Enum):
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"  # the check could not tell (OBS did not answer, a source is not an audio input…)


@dataclass(frozen=True)
class Outcome:
    status: Status
    template: str
    fields: Mapping[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> Message:
        """The result's words as data (what the run's storage keeps: the template and the fields)."""
        return Message(self.template, self.fields, "Checks")

    @property
    def detail(self) -> str:
        return self.explain()

    def explain(self, translated_template: str | None = None) -> str:
        return self.text.explain(translated_template)


def passed(template: str, **fields: Any) -> Outcome:
    return Outcome(Status.PASSED, template, fields)


def failed(template: str, **fields: Any) -> Outcome:
    return Outcome(Status.FAILED, template, fields)


def error(template: str, **fields: Any) -> Outcome:
    return Outcome(Status.ERROR, template, fields)


# The longest a check may listen or watch (audio level, frozen picture, CPU load). A run waits for its slowest
# item, and a window may not quit while a check is in its window: a day-long `seconds` stalled both.
MAX_LISTEN_S = 60.0
# OBS names scenes and sources with free text; far longer than any real name, far shorter than a hostile one.
MAX_NAME = 256


@dataclass(frozen=True)
class Param:
    """A check's parameter, declared with its bounds so a checklist file is refused where it states them."""

    name: str
    type: type
    required: bool = True
    default: Any = None
    description: str = ""
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    choices: tuple[str, ...] = ()

    def problem(self, value: Any, check: str = "") -> Phrase | None:
        """What is wrong with a value from a file, as the loader's whole sentence, or None."""
        fields: dict[str, Any] = {"param": self.name, "check": check, "given": repr(value)}  # as the file gave it
        if value is None:
            # Only an optional parameter without a default may be left empty: "not given", read from OBS.
            if not self.required and self.default is None:
                return None
            return _param_problem(
                QT_TRANSLATE_NOOP("Checklists", "parameter “{param}” of {check} may not be empty"), fields
            )
        if isinstance(value, bool) != (self.type is bool) or not isinstance(value, self.type):
            return _param_problem(
                QT_TRANSLATE_NOOP("Checklists", "parameter “{param}” of {check} must be {type}, not {given}"),
                {**fields, "type": self.type.__name__},
            )
        if isinstance(value, float) and not math.isfinite(value):
            return _param_problem(
                QT_TRANSLATE_NOOP("Checklists", "parameter “{param}” of {check} must be a finite number, not {given}"),
                fields,
            )
        number: float = value if isinstance(value, int | float) else 0.0
        if (self.minimum is not None and number < self.minimum) or (self.maximum is not None and number > self.maximum):
            bounds = {**fields, "minimum": self.minimum, "maximum": self.maximum}
            if self.minimum is not None and self.maximum is not None:
                template = QT_TRANSLATE_NOOP(
                    "Checklists",
                    "parameter “{param}” of {check} must be at least {minimum:g} and at most {maximum:g}, not {given}",
                )
            elif self.minimum is not None:
                template = QT_TRANSLATE_NOOP(
                    "Checklists", "parameter “{param}” of {check} must be at least {minimum:g}, not {given}"
                )
            else:
                template = QT_TRANSLATE_NOOP(
                    "Checklists", "parameter “{param}” of {check} must be at most {maximum:g}, not {given}"
                )
            return _param_problem(template, bounds)
        if self.max_length is not None and isinstance(value, str) and len(value) > self.max_length:
            return _param_problem(
                QT_TRANSLATE_NOOP(
                    "Checklists",
                    "parameter “{param}” of {check} may be at most {max_length} characters long (it has {length})",
                ),
                {**fields, "max_length": self.max_length, "length": len(value)},
            )
        if self.choices and value not in self.choices:
            return _param_problem(
                QT_TRANSLATE_NOOP("Checklists", "parameter “{param}” of {check} must be one of {choices}, not {given}"),
                {**fields, "choices": ", ".join(self.choices)},
            )
        return None


def _param_problem(template: str, fields: dict[str, Any]) -> Phrase:
    return Phrase(template, fields, "Checklists")


def _name(name: str) -> Param:
    return Param(name, str, max_length=MAX_NAME)


def _window(default: float, minimum: float = 0.1) -> Param:
    return Param("seconds", float, False, default, minimum=minimum, maximum=MAX_LISTEN_S)


Runner = Callable[[SenseContext, Mapping[str, Any]], Outcome]


@dataclass(frozen=True)
class CheckSpec:
    name: str
    description: str
    params: tuple[Param, ...]
    run: Runner

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def with_defaults(self, given: Mapping[str, Any]) -> dict[str, Any]:
        values = {p.name: p.default for p in self.params if not p.required}
        values.update(given)
        return values


CHECKS: dict[str, CheckSpec] = {}


def check(name: str, description: str, *params: Param) -> Callable[[Runner], Runner]:
    def register(run: Runner) -> Runner:
        CHECKS[name] = CheckSpec(name, description, params, run)
        return run

    return register


def _db(mul: float) -> float:
    return -100.0 if mul <= 0 else 20 * math.log10(mul)


_NOT_FOUND = {
    "scene": QT_TRANSLATE_NOOP("Checks", "There is no scene called “{name}” in OBS."),
    "input": QT_TRANSLATE_NOOP("Checks", "There is no input called “{name}” in OBS."),
    "source": QT_TRANSLATE_NOOP("Checks", "There is no scene or source called “{name}” in OBS."),
}


def _not_found(kind: str, name: str) -> Outcome:
    return failed(_NOT_FOUND[kind], name=name)


# ---------------------------------------------------------------------- OBS itself
@check("obs.connected", "OBS is connected")
def obs_connected(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    state = ctx.state()
    if ctx.link_state() is LinkState.CONNECTED and state.connected:
        return passed(QT_TRANSLATE_NOOP("Checks", "Connected to OBS {version}."), version=state.obs_version)
    return failed(QT_TRANSLATE_NOOP("Checks", "Not connected to OBS ({state})."), state=ctx.link_state().value)


@check("obs.version_at_least", "OBS Studio is at least this version", Param("version", str, max_length=32))
def obs_version(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    have = ctx.state().obs_version
    if parse_version(have) >= parse_version(str(p["version"])):
        return passed(QT_TRANSLATE_NOOP("Checks", "OBS {have} (need {need} or newer)."), have=have, need=p["version"])
    return failed(QT_TRANSLATE_NOOP("Checks", "OBS {have} is older than {need}."), have=have or "?", need=p["version"])


@check("obs.scene_exists", "A scene exists", _name("scene"))
def scene_exists(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    if p["scene"] in ctx.state().scenes:
        return passed(QT_TRANSLATE_NOOP("Checks", "Scene “{scene}” is there."), scene=p["scene"])
    return _not_found("scene", p["scene"])


@check("obs.program_scene", "A given scene is on program", _name("scene"))
def program_scene(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    state = ctx.state()
    if state.program_scene == p["scene"]:
        return passed(QT_TRANSLATE_NOOP("Checks", "“{scene}” is on program."), scene=p["scene"])
    if p["scene"] not in state.scenes:
        return _not_found("scene", p["scene"])
    return failed(
        QT_TRANSLATE_NOOP("Checks", "“{actual}” is on program, not “{scene}”."),
        actual=state.program_scene or "?",
        scene=p["scene"],
    )


@check("obs.input_exists", "An input (source) exists", _name("input"))
def input_exists(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    item = ctx.state().input(p["input"])
    if item is not None:
        return passed(
            QT_TRANSLATE_NOOP("Checks", "Input “{input}” is there ({kind})."), input=p["input"], kind=item.kind
        )
    return _not_found("input", p["input"])


@check("obs.input_active", "A video input is delivering pictures (device connected and working)", _name("input"))
def input_active(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    if ctx.state().input(p["input"]) is None:
        return _not_found("input", p["input"])
    answer = ctx.request("GetSourceActive", {"sourceName": p["input"]})  # asked now: authoritative
    if answer.get("videoActive"):
        return passed(QT_TRANSLATE_NOOP("Checks", "“{input}” is delivering video."), input=p["input"])
    return failed(
        QT_TRANSLATE_NOOP(
            "Checks",
            "“{input}” is not delivering video (not on program, or the device is disconnected or in use elsewhere).",
        ),
        input=p["input"],
    )


def _live_audio_input(ctx: SenseContext, name: str) -> Outcome | None:
    """None if the input exists, has audio and is not muted; else the outcome that says which."""
    item = ctx.state().input(name)
    if item is None:
        return _not_found("input", name)
    if not item.has_audio:
        return error(QT_TRANSLATE_NOOP("Checks", "“{input}” has no audio."), input=name)
    if item.muted:
        return failed(QT_TRANSLATE_NOOP("Checks", "“{input}” is muted."), input=name)
    return None


@check("obs.input_not_muted", "An audio input is not muted", _name("input"))
def input_not_muted(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    problem = _live_audio_input(ctx, p["input"])
    if problem is not None:
        return problem
    item = ctx.state().input(p["input"])
    assert item is not None
    return passed(
        QT_TRANSLATE_NOOP("Checks", "“{input}” is not muted ({db:.1f} dB)."),
        input=p["input"],
        db=item.volume_db if item.volume_db is not None else 0.0,
    )


def _channel_peak(channel: list[float]) -> float:
    """The post-fader peak of one InputVolumeMeters channel ([magnitude, peak, input peak])."""
    return channel[1] if len(channel) > 1 else channel[0]


@check(
    "audio.level_above",
    "An audio input's level reaches a threshold within a listening window (the mic is live)",
    _name("input"),
    Param("threshold_db", float, False, -50.0, minimum=-100.0, maximum=0.0),
    _window(3.0),
)
def level_above(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    problem = _live_audio_input(ctx, p["input"])
    if problem is not None:
        return problem
    started = time.monotonic()  # the meter readings are stamped on the link's real time (obs/clock.py)
    listen(ctx, float(p["seconds"]))
    readings = ctx.meter_history(p["input"], started)
    if not readings:
        return error(
            QT_TRANSLATE_NOOP("Checks", "No level readings for “{input}” in {seconds:g} s."),
            input=p["input"],
            seconds=p["seconds"],
        )
    # obs-websocket gives each channel as [magnitude, peak, input peak]; the magnitude is an RMS-like level that
    # sits about 3 dB under the peak of speech or a tone, so reading it as the peak made a live mic look quiet.
    peak = max((_db(_channel_peak(channel)) for _, levels in readings for channel in levels if channel), default=-100.0)
    fields = {"input": p["input"], "peak": peak, "seconds": p["seconds"], "threshold": p["threshold_db"]}
    if peak >= float(p["threshold_db"]):
        return passed(
            QT_TRANSLATE_NOOP("Checks", "Peak {peak:.0f} dBFS over {seconds:g} s (threshold {threshold:g})."), **fields
        )
    return failed(
        QT_TRANSLATE_NOOP(
            "Checks", "{peak:.0f} dBFS for {seconds:g} s, below {threshold:g}: is the microphone on and plugged in?"
        ),
        **fields,
    )


def _frames(ctx: SenseContext, source: str, count: int, seconds: float) -> list[Image.Image]:
    from PIL import Image

    frames = []
    for index in range(count):
        if index:
            listen(ctx, seconds / max(1, count - 1))
        answer = ctx.request(
            "GetSourceScreenshot", {"sourceName": source, "imageFormat": "png", "imageWidth": 96, "imageHeight": 54}
        )
        raw = base64.b64decode(str(answer.get("imageData", "")).split(",", 1)[-1])
        frames.append(Image.open(io.BytesIO(raw)).convert("RGBA"))
    return frames


def _renders_nothing(frames: list[Image.Image]) -> bool:
    """OBS hands back a fully transparent picture for a source that draws nothing (an empty or hidden scene, a
    capture without its device, an image without its file): no pixel of any frame is opaque at all."""
    return all(frame.getchannel("A").getextrema()[1] == 0 for frame in frames)


def _nothing_rendered(source: str) -> Outcome:
    # Not "black": a lens cap sends the operator to the camera, but nothing is drawn at all here.
    return failed(
        QT_TRANSLATE_NOOP(
            "Checks",
            "“{source}” renders nothing (OBS gives an empty, transparent picture): is anything visible in it, "
            "is its device connected, does its file exist?",
        ),
        source=source,
    )


def _source_known(ctx: SenseContext, source: str) -> bool:
    state = ctx.state()
    return source in state.scenes or state.input(source) is not None


@check("video.not_black", "A video source is not black", _name("source"), _window(1.0, minimum=0.0))
def not_black(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    if not _source_known(ctx, p["source"]):
        return _not_found("source", p["source"])
    frames = _frames(ctx, p["source"], 2, float(p["seconds"]))
    if _renders_nothing(frames):
        return _nothing_rendered(p["source"])
    from PIL import ImageStat

    brightness = max(ImageStat.Stat(f.convert("L")).mean[0] for f in frames) / 255 * 100
    if brightness < 3.0:
        return failed(
            QT_TRANSLATE_NOOP(
                "Checks", "“{source}” is black (brightness {pct:.1f} %): lens cap, privacy shutter or a dead signal?"
            ),
            source=p["source"],
            pct=brightness,
        )
    return passed(
        QT_TRANSLATE_NOOP("Checks", "“{source}” shows a picture (brightness {pct:.0f} %)."),
        source=p["source"],
        pct=brightness,
    )


@check(
    "video.not_frozen",
    "A video source is moving (not a frozen frame)",
    _name("source"),
    _window(2.0),
)
def not_frozen(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    if not _source_known(ctx, p["source"]):
        return _not_found("source", p["source"])
    pictures = _frames(ctx, p["source"], 3, float(p["seconds"]))
    if _renders_nothing(pictures):
        return _nothing_rendered(p["source"])
    from PIL import ImageChops, ImageStat

    frames = [f.convert("L") for f in pictures]
    change = max(ImageStat.Stat(ImageChops.difference(a, b)).mean[0] for a, b in itertools.pairwise(frames))
    if change < 0.05:
        return failed(
            QT_TRANSLATE_NOOP("Checks", "“{source}” did not change in {seconds:g} s: the picture is frozen."),
            source=p["source"],
            seconds=p["seconds"],
        )
    return passed(QT_TRANSLATE_NOOP("Checks", "“{source}” is moving."), source=p["source"])


@check("obs.stream_configured", "A streaming server and stream key are set (the key is never shown)")
def stream_configured(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    answer = ctx.request("GetStreamServiceSettings")
    settings = answer.get("streamServiceSettings") or {}
    server = str(settings.get("server") or settings.get("service") or "")
    if not server:
        return failed(QT_TRANSLATE_NOOP("Checks", "No streaming server is set (OBS: Settings → Stream)."))
    if not settings.get("key"):
        return failed(
            QT_TRANSLATE_NOOP("Checks", "Server {server} is set, but the stream key is empty."), server=server
        )
    return passed(QT_TRANSLATE_NOOP("Checks", "Server {server}; stream key set (hidden)."), server=server)


@check(
    "obs.output_video",
    "Output resolution and frame rate are as expected",
    Param("width", int, False, None, minimum=1, maximum=16384),
    Param("height", int, False, None, minimum=1, maximum=16384),
    Param("fps", float, False, None, minimum=1.0, maximum=1000.0),
)
def output_video(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    video = ctx.request("GetVideoSettings")
    width, height = int(video.get("outputWidth", 0)), int(video.get("outputHeight", 0))
    fps = float(video.get("fpsNumerator", 0)) / float(video.get("fpsDenominator", 1) or 1)
    fields = {"width": width, "height": height, "fps": fps}
    wrong = (
        p.get("width") not in (None, width)
        or p.get("height") not in (None, height)
        or (p.get("fps") is not None and abs(fps - float(p["fps"])) > 0.01)
    )
    if wrong:
        fields.update(want_w=p.get("width") or width, want_h=p.get("height") or height, want_fps=p.get("fps") or fps)
        return failed(
            QT_TRANSLATE_NOOP(
                "Checks", "Output is {width}x{height} at {fps:g} fps; expected {want_w}x{want_h} at {want_fps:g} fps."
            ),
            **fields,
        )
    return passed(QT_TRANSLATE_NOOP("Checks", "Output is {width}x{height} at {fps:g} fps."), **fields)


@check(
    "obs.video_bitrate",
    "The video bitrate is within a range",
    Param("min_kbps", int, False, 0, minimum=0, maximum=1_000_000),
    Param("max_kbps", int, False, 1_000_000, minimum=0, maximum=1_000_000),
)
def video_bitrate(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    mode = GetProfileParameter("Output", "Mode")
    if not simple_output(mode.value(ctx.request(mode.request_type, mode.data()))):
        return error(
            QT_TRANSLATE_NOOP(
                "Checks",
                "OBS is in Advanced output mode; its bitrate is in the encoder "
                "settings, which obs-websocket does not expose.",
            )
        )
    bitrate = GetProfileParameter("SimpleOutput", "VBitrate")
    raw = bitrate.value(ctx.request(bitrate.request_type, bitrate.data()))
    try:
        kbps = int(str(raw))
    except ValueError:
        return error(QT_TRANSLATE_NOOP("Checks", "OBS did not say its video bitrate."))
    fields = {"kbps": kbps, "low": p["min_kbps"], "high": p["max_kbps"]}
    if p["min_kbps"] <= kbps <= p["max_kbps"]:
        return passed(QT_TRANSLATE_NOOP("Checks", "Video bitrate {kbps} kbps ({low}–{high})."), **fields)
    return failed(QT_TRANSLATE_NOOP("Checks", "Video bitrate {kbps} kbps is outside {low}–{high}."), **fields)


@check(
    "system.disk_free",
    "Enough free space on the recording disk",
    Param("min_gb", float, False, 5.0, minimum=0.0, maximum=1e6),
)
def disk_free(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    free_gb = float(ctx.request("GetStats").get("availableDiskSpace", 0.0)) / 1024
    fields = {"free": free_gb, "need": p["min_gb"]}
    if free_gb >= float(p["min_gb"]):
        return passed(
            QT_TRANSLATE_NOOP("Checks", "{free:.1f} GB free on the recording disk (need {need:g} GB)."), **fields
        )
    return failed(
        QT_TRANSLATE_NOOP("Checks", "Only {free:.1f} GB free on the recording disk (need {need:g} GB)."), **fields
    )


@check(
    "system.cpu_headroom",
    "This computer's CPU is not saturated",
    Param("max_pct", float, False, 80.0, minimum=0.0, maximum=100.0),
    _window(1.0),
)
def cpu_headroom(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    busy = psutil.cpu_percent(interval=float(p["seconds"]))  # on a worker thread: blocking is fine here
    fields = {"busy": busy, "limit": p["max_pct"], "seconds": p["seconds"]}
    if busy <= float(p["max_pct"]):
        return passed(
            QT_TRANSLATE_NOOP("Checks", "CPU {busy:.0f} % busy over {seconds:g} s (limit {limit:g} %)."), **fields
        )
    return failed(
        QT_TRANSLATE_NOOP(
            "Checks", "CPU {busy:.0f} % busy over {seconds:g} s, above {limit:g} %: close other programs."
        ),
        **fields,
    )


# Services whose server setting may be "auto": OBS then picks one of the ingests the service publishes (Twitch's
# list is at https://ingest.twitch.tv/ingests), which needs the internet. Offline, the check tests the service's
# documented global ingest instead, which routes to the nearest one.
AUTO_INGESTS = {"twitch": "live.twitch.tv"}
# How long the ingest check waits for the server to accept the connection.
CONNECT_TIMEOUT_S = 3.0
# The demo room (the simulated OBS, obs/simulator) streams to rtmp://127.0.0.1:1935/live but sends nothing there.
# Its ingest is reached as it is, like any other; only when nothing answers there does the check say that the demo
# streams nowhere instead of failing the bundled technician list on every demo.
DEMO_INGEST_PORT = 1935
SIMULATOR_PLATFORM = "simulator"


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_demo_ingest(ctx: SenseContext, host: str, port: int) -> bool:
    """The address is the demo room's own ingest: OBS is the simulator, its server is on loopback at 1935."""
    if port != DEMO_INGEST_PORT or not _is_loopback(host):
        return False
    return ctx.request("GetVersion").get("platform") == SIMULATOR_PLATFORM


@check(
    "network.ingest_reachable",
    "The streaming server answers (TCP connect, with latency)",
    Param("host", str, False, None, max_length=253),
    Param("port", int, False, None, minimum=1, maximum=65535),
    Param("max_ms", float, False, 500.0, minimum=1.0, maximum=60_000.0),
)
def ingest_reachable(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    target = _ingest_target(ctx, p.get("host"), p.get("port"))
    if isinstance(target, Outcome):
        return target
    host, port = target.host, target.port
    started = time.perf_counter()
    try:
        with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT_S):
            pass
    except OSError as exc:
        return _ingest_unreachable(ctx, target, exc)
    ms = (time.perf_counter() - started) * 1000
    fields = {"host": host, "port": port, "ms": ms, "limit": p["max_ms"]}
    if ms <= float(p["max_ms"]):
        return passed(QT_TRANSLATE_NOOP("Checks", "{host}:{port} answers in {ms:.0f} ms."), **fields)
    return failed(
        QT_TRANSLATE_NOOP("Checks", "{host}:{port} answers in {ms:.0f} ms, slower than {limit:g} ms."), **fields
    )


@dataclass(frozen=True)
class _IngestTarget:
    host: str
    port: int
    service: str = ""
    auto: bool = False  # the service picks its server itself: this is its global ingest
    from_obs: bool = False  # the address is OBS's own stream setting, not the item's


def _ingest_target(ctx: SenseContext, host: str | None, port: int | None) -> _IngestTarget | Outcome:
    """The address the item names, else the one OBS streams to."""
    if host:
        return _IngestTarget(host, port or 1935)
    settings = ctx.request("GetStreamServiceSettings").get("streamServiceSettings") or {}
    server = str(settings.get("server") or "").strip()
    service = str(settings.get("service") or "")
    if server.lower() == "auto":
        auto_host = AUTO_INGESTS.get(service.lower())
        if auto_host is None:
            return passed(
                QT_TRANSLATE_NOOP(
                    "Checks",
                    "{service} picks its server itself (server “auto”); there is no address to test before going live.",
                ),
                service=service or "?",
            )
        return _IngestTarget(auto_host, port or 1935, service, auto=True, from_obs=True)
    parsed = urlparse(server)
    if not parsed.hostname:
        return error(QT_TRANSLATE_NOOP("Checks", "No streaming server address to test."))
    port = port or parsed.port or (443 if parsed.scheme == "rtmps" else 1935)
    return _IngestTarget(parsed.hostname, port, service, from_obs=True)


def _ingest_unreachable(ctx: SenseContext, target: _IngestTarget, exc: OSError) -> Outcome:
    """Why the connection failed, or why that is fine (a service's global ingest, the demo room)."""
    reason = exc.strerror or type(exc).__name__
    if target.auto:  # OBS may still reach another of the service's ingests
        unresolved = isinstance(exc, socket.gaierror)
        return passed(
            QT_TRANSLATE_NOOP(
                "Checks",
                "{service} picks its server itself (server “auto”); its global ingest {host} could not be "
                "looked up from this computer ({reason}), so the way to it is untested: check the internet "
                "connection.",
            )
            if unresolved
            else QT_TRANSLATE_NOOP(
                "Checks",
                "{service} picks its server itself (server “auto”); its global ingest {host}:{port} does not "
                "answer ({reason}), so the way to it is untested: OBS may still reach another of its servers.",
            ),
            service=target.service,
            host=target.host,
            port=target.port,
            reason=reason,
        )
    if target.from_obs and isinstance(exc, ConnectionRefusedError) and _is_demo_ingest(ctx, target.host, target.port):
        return passed(
            QT_TRANSLATE_NOOP(
                "Checks",
                "This is the demo room: its stream goes nowhere, so no streaming server listens at "
                "{host}:{port}. With a real OBS this item tests its streaming server.",
            ),
            host=target.host,
            port=target.port,
        )
    return _connect_failed(exc, target.host, target.port, reason)


def _connect_failed(exc: OSError, host: str, port: int, reason: str) -> Outcome:
    # The commonest answers get sentences of their own: the system's reason (strerror) is English text
    # that a Chinese result would otherwise quote.
    if isinstance(exc, ConnectionRefusedError):
        return failed(
            QT_TRANSLATE_NOOP("Checks", "{host}:{port} refuses the connection: no streaming server listens there."),
            host=host,
            port=port,
        )
    if isinstance(exc, TimeoutError):
        return failed(
            QT_TRANSLATE_NOOP("Checks", "{host}:{port} does not answer within {seconds:g} s."),
            host=host,
            port=port,
            seconds=CONNECT_TIMEOUT_S,
        )
    if isinstance(exc, socket.gaierror):
        return failed(
            QT_TRANSLATE_NOOP(
                "Checks", "{host} cannot be looked up from this computer: check the address and the internet."
            ),
            host=host,
        )
    if exc.errno in (errno.EHOSTUNREACH, errno.EHOSTDOWN):
        return failed(
            QT_TRANSLATE_NOOP(
                "Checks", "{host} cannot be reached on the network from this computer: check the address and the route."
            ),
            host=host,
        )
    if exc.errno in (errno.ENETUNREACH, errno.ENETDOWN):
        return failed(
            QT_TRANSLATE_NOOP("Checks", "This computer has no way to {host}: is it connected to the internet?"),
            host=host,
        )
    if exc.errno in (errno.ECONNRESET, errno.ECONNABORTED):
        return failed(
            QT_TRANSLATE_NOOP("Checks", "{host}:{port} cut the connection as soon as it was made."),
            host=host,
            port=port,
        )
    return failed(
        QT_TRANSLATE_NOOP("Checks", "{host}:{port} does not answer ({reason})."),
        host=host,
        port=port,
        reason=reason,
    )


@check(
    "obs.output_state",
    "Streaming or recording is running, or stopped, as expected",
    Param("output", str, choices=("stream", "record", "virtualcam")),
    Param("active", bool),
)
def output_state(ctx: SenseContext, p: Mapping[str, Any]) -> Outcome:
    state = ctx.state()
    outputs = {"stream": state.stream, "record": state.record, "virtualcam": state.virtualcam}
    if p["output"] not in outputs:
        return error(
            QT_TRANSLATE_NOOP("Checks", "Unknown output “{output}” (stream, record or virtualcam)."), output=p["output"]
        )
    running = outputs[p["output"]].active
    fields = {"output": p["output"]}
    if running == p["active"]:
        text = (
            QT_TRANSLATE_NOOP("Checks", "The {output} output is running.")
            if running
            else QT_TRANSLATE_NOOP("Checks", "The {output} output is stopped.")
        )
        return passed(text, **fields)
    text = (
        QT_TRANSLATE_NOOP("Checks", "The {output} output is still running.")
        if running
        else QT_TRANSLATE_NOOP("Checks", "The {output} output is not running.")
    )
    return failed(text, **fields)


def run_check(spec: CheckSpec, ctx: SenseContext, params: Mapping[str, Any]) -> Outcome:
    """Run one check; OBS errors and timeouts become an 'error' outcome with the reason, never an exception."""
    try:
        return spec.run(ctx, spec.with_defaults(params))
    except RequestError as exc:
        return error(QT_TRANSLATE_NOOP("Checks", "OBS refused: {status}"), status=exc.status_text)
    except ObsError as exc:
        return error(QT_TRANSLATE_NOOP("Checks", "Could not ask OBS: {reason}"), reason=str(exc))
    except (OSError, ValueError) as exc:
        return error(QT_TRANSLATE_NOOP("Checks", "The check failed to run: {reason}"), reason=str(exc))
