"""The simulated OBS: scenes, inputs, outputs and counters of a live-commerce room, advanced in time."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from obs.protocol import OutputState

Event = tuple[str, dict[str, Any]]

FPS = 30
#: The frame rates `onair demo-obs --fps` takes: OBS's own range for an integer rate (Settings ▸ Video) is 1–120;
#: a fraction (OBS's FPSNum/FPSDen) up to 240 for high-frame-rate rigs.
FPS_RANGE = (1.0, 240.0)
#: OBS's NTSC rates by the name its Common FPS list gives them (24 NTSC, 29.97, 59.94): a fraction over 1001.
NTSC = {"23.976": (24000, 1001), "29.97": (30000, 1001), "59.94": (60000, 1001)}


def parse_fps(text: str) -> tuple[int, int] | None:
    """A frame rate as OBS keeps it, (numerator, denominator), from "60", "30000/1001" or an NTSC name ("29.97");
    None for anything else or out of FPS_RANGE (0, negative, "abc", "60/0", "1e9")."""
    text = text.strip()
    if text in NTSC:
        return NTSC[text]
    top, slash, bottom = text.partition("/")
    digits = (top, bottom) if slash else (top,)
    if not all(part.isascii() and part.isdecimal() and len(part) <= 9 for part in digits):
        return None
    numerator, denominator = int(top), int(bottom) if slash else 1
    if denominator == 0 or not FPS_RANGE[0] <= numerator / denominator <= FPS_RANGE[1]:
        return None
    return numerator, denominator


@dataclass
class SimFilter:
    name: str
    kind: str
    settings: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True


@dataclass
class SimInput:
    name: str
    kind: str
    settings: dict[str, Any] = field(default_factory=dict)
    audio: bool = False
    video: bool = False
    muted: bool = False
    volume_mul: float = 1.0
    #: Typical loudness of the signal in dBFS, and how much it moves (speech moves a lot, music less).
    level_db: float = -20.0
    level_swing_db: float = 6.0
    video_active: bool = True
    # What obs-websocket's input requests read and write besides volume and mute (OBS's defaults).
    balance: float = 0.5
    sync_offset_ms: int = 0
    monitor_type: str = "OBS_MONITORING_TYPE_NONE"
    tracks: dict[str, bool] = field(default_factory=lambda: {str(n): True for n in range(1, 7)})
    filters: list[SimFilter] = field(default_factory=list)
    #: Media inputs (ffmpeg_source): playback state and where the cursor was at `media_since` (monotonic).
    media_state: str = "OBS_MEDIA_STATE_PLAYING"
    media_cursor_ms: float = 0.0
    media_since: float = 0.0


@dataclass
class SimSceneItem:
    item_id: int
    source_name: str
    enabled: bool = True
    locked: bool = False
    blend_mode: str = "OBS_BLEND_NORMAL"
    #: obs_transform_info and crop as obs-websocket names them; width/height are derived from the source.
    transform: dict[str, Any] = field(
        default_factory=lambda: {
            "alignment": 5,
            "boundsAlignment": 0,
            "boundsHeight": 0.0,
            "boundsType": "OBS_BOUNDS_NONE",
            "boundsWidth": 0.0,
            "cropBottom": 0,
            "cropLeft": 0,
            "cropRight": 0,
            "cropTop": 0,
            "positionX": 0.0,
            "positionY": 0.0,
            "rotation": 0.0,
            "scaleX": 1.0,
            "scaleY": 1.0,
        }
    )


@dataclass
class SimScene:
    name: str
    items: list[SimSceneItem] = field(default_factory=list)
    #: RGB of the scene's backdrop in screenshots, so scenes are told apart at a glance.
    colour: tuple[int, int, int] = (40, 40, 60)
    transition_override: str | None = None
    transition_override_ms: int | None = None
    filters: list[SimFilter] = field(default_factory=list)


@dataclass
class Output:
    active: bool = False
    #: Said STARTING and still connecting (fault stream-connect-slow): not active, as OBS's output is not yet.
    connecting: bool = False
    reconnecting: bool = False
    paused: bool = False
    started_at: float = 0.0
    paused_total: float = 0.0
    paused_at: float = 0.0
    bytes: float = 0.0
    total_frames: float = 0.0
    skipped_frames: float = 0.0
    congestion: float = 0.0
    path: str = ""

    def duration_ms(self, now: float) -> int:
        if not self.active:
            return 0
        paused = self.paused_total + (now - self.paused_at if self.paused else 0.0)
        return int(max(0.0, now - self.started_at - paused) * 1000)


def timecode(ms: int) -> str:
    """obs-websocket's 'HH:MM:SS.mmm'."""
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def db_to_mul(db: float) -> float:
    return 0.0 if db <= -100 else float(10 ** (db / 20))


def mul_to_db(mul: float) -> float:
    return -100.0 if mul <= 0 else 20 * math.log10(mul)


#: Fault names and what they do; `Room.faults` holds the active ones with their strength (0..1).
FAULTS = {
    "congestion": "the uplink cannot carry the bitrate: congestion rises, network frames are dropped",
    "encoder-overload": "the x264 encoder falls behind: encoding-lag frames are skipped, OBS CPU high",
    "render-lag": "the compositor misses frame deadlines: render-lag frames, low FPS, long render time",
    "silent-mic": "the microphone delivers near silence (unplugged or muted at the device)",
    "clipping-mic": "the microphone's gain is far too high: its peaks hit full scale",
    "silent-product-video": "the product video plays without sound (a file without a sound track)",
    "missing-product-video": "the product video's file is missing: OBS says it plays, without length, position, sound",
    "frozen-camera": "the camera delivers the same frame over and over",
    "black-camera": "the camera delivers black frames (lens cap, privacy shutter)",
    "low-disk": "the recording disk is almost full",
    "record-stall": "the recording stops growing while OBS still says it records (a stalled or unplugged disk)",
    "stream-connect-fail": "the stream cannot reach the server (a wrong key or address, no network): OBS accepts "
    "StartStream, starts connecting and stops without going on air",
    "stream-start-silent": "OBS 30+ with no stream key: obs-websocket accepts StartStream and OBS shows its own "
    "message box instead of starting; no StreamStateChanged follows",
    "stream-connect-slow": "the stream's server is slow to answer: OBS accepts StartStream, says STARTING and stays "
    "connecting (GetStreamStatus: outputActive false) until the fault is cleared, then says STARTED",
}


class Room:
    """State of one simulated OBS. Not thread-safe: the simulator server owns it on its event loop."""

    def __init__(self, clock_now: float, seed: int | None = None) -> None:
        self.rng = random.Random(seed)
        self.started = clock_now
        self.last_tick = clock_now
        self.obs_version = "29.0.2"
        self.obs_websocket_version = "5.1.0"
        self.scenes: list[SimScene] = []
        self.inputs: dict[str, SimInput] = {}
        self.program = ""
        self.preview = ""
        self.studio_mode = False
        #: Leaving studio mode, say StudioModeStateChanged before the program scene's reload (OBS 29 says it after;
        #: obs-websocket broadcasts from a thread pool, and other versions or plugins raise them the other way).
        self.studio_off_first = False
        # In OBS's own order: Cut first, then Fade (measured on OBS 29.0.2).
        self.transitions = [
            {
                "transitionName": "Cut",
                "transitionKind": "cut_transition",
                "transitionFixed": True,
                "transitionConfigurable": False,
            },
            {
                "transitionName": "淡入淡出",
                "transitionKind": "fade_transition",
                "transitionFixed": False,
                # OBS 29 reports its Fade as not configurable (it has no properties).
                "transitionConfigurable": False,
            },
        ]
        self.transition = "淡入淡出"
        self.transition_duration = 300
        self.stream = Output()
        self.record = Output()
        self.virtualcam = Output()
        self.base_size = (1920, 1080)
        self.output_size = (1280, 720)
        self.fps = (FPS, 1)
        self.video_bitrate_kbps = 2500
        self.audio_bitrate_kbps = 160
        self.record_bitrate_kbps = 6000
        self.record_directory = "/home/streamer/Videos"
        self.disk_free_mb = 180_000.0
        self.render_total = 0.0
        self.render_skipped = 0.0
        self.encode_total = 0.0
        self.encode_skipped = 0.0
        self.faults: dict[str, float] = {}
        #: Files that are not on the simulated OBS computer: a media input pointed at one cannot be opened.
        self.missing_files: set[str] = set()
        self.profile = "直播间"
        self.scene_collection = "带货直播"
        self.stream_service = {"streamServiceType": "rtmp_custom"}
        self.stream_settings: dict[str, Any] = {"server": "rtmp://127.0.0.1:1935/live", "key": "sim-room-key"}
        self._next_item_id = 1
        self.frozen_frame_time: float | None = None
        # The demo audience (sent as CustomEvent, see audience()): nobody watches until the stream is live.
        self.viewers = 0.0
        self.likes = 0.0
        self.interactions = 0.0
        # Further state obs-websocket's requests reach (obs/simulator/more.py answers them).
        self.replay_buffer = Output()
        self.last_replay = ""
        self.persistent: dict[str, dict[str, Any]] = {
            "OBS_WEBSOCKET_DATA_REALM_GLOBAL": {},
            "OBS_WEBSOCKET_DATA_REALM_PROFILE": {},
        }
        self.profiles = [self.profile]
        self.scene_collections = [self.scene_collection]
        #: Profile parameters set through SetProfileParameter, by (category, name).
        self.profile_values: dict[tuple[str, str], str] = {}
        self.output_settings: dict[str, dict[str, Any]] = {}
        #: When the running scene transition started and how long it takes (for its cursor).
        self.transition_started = 0.0
        self.transition_length = 0.0
        #: OBS cannot pause a simple-output recording at stream quality; the demo room records at its own.
        self.record_pausable = True

    # ------------------------------------------------------------------ building
    def add_input(self, item: SimInput) -> None:
        self.inputs[item.name] = item

    def add_scene(self, name: str, sources: list[str], colour: tuple[int, int, int]) -> SimScene:
        scene = SimScene(name, colour=colour)
        for source in sources:
            scene.items.append(SimSceneItem(self._next_item_id, source))
            self._next_item_id += 1
        self.scenes.append(scene)
        return scene

    def scene(self, name: str) -> SimScene | None:
        return next((s for s in self.scenes if s.name == name), None)

    # ------------------------------------------------------------------ time
    @property
    def fps_value(self) -> float:
        return self.fps[0] / self.fps[1]

    def tick(self, now: float) -> None:
        """Advance every counter to `now`."""
        dt = max(0.0, now - self.last_tick)
        self.last_tick = now
        if dt == 0.0:
            return
        frames = self.fps_value * dt
        render_lag = self.faults.get("render-lag", 0.0)
        self.render_total += frames
        self.render_skipped += frames * 0.4 * render_lag
        encoder_running = self.stream.active or self.record.active
        if encoder_running:
            overload = self.faults.get("encoder-overload", 0.0)
            self.encode_total += frames
            self.encode_skipped += frames * 0.3 * overload
        if self.stream.active and not self.stream.reconnecting:
            target = self.faults.get("congestion", 0.0)
            # Congestion follows its target over a few seconds, with some jitter, as OBS's does.
            self.stream.congestion += (target - self.stream.congestion) * min(1.0, dt / 3.0)
            self.stream.congestion = min(1.0, max(0.0, self.stream.congestion + self.rng.uniform(-0.03, 0.03) * target))
            drop_fraction = max(0.0, self.stream.congestion - 0.5) * 1.2
            self.stream.total_frames += frames
            self.stream.skipped_frames += frames * drop_fraction
            kbps = self.video_bitrate_kbps * (1.0 - 0.6 * self.stream.congestion) + self.audio_bitrate_kbps
            self.stream.bytes += kbps * 1000 / 8 * dt * self.rng.uniform(0.93, 1.07)
        self._audience_tick(dt)
        if self.record.active and not self.record.paused and "record-stall" not in self.faults:
            written = (self.record_bitrate_kbps + self.audio_bitrate_kbps) * 1000 / 8 * dt
            self.record.bytes += written
            self.disk_free_mb = max(0.0, self.disk_free_mb - written / 1_000_000)

    def _audience_tick(self, dt: float) -> None:
        live = self.stream.active and not self.stream.reconnecting
        if not live:
            # A dropped stream loses most of its audience within seconds; a stopped one all of it.
            self.viewers *= 0.5 ** (dt / (4.0 if self.stream.active else 1.0))
            return
        # Viewers drift towards a few thousand, with the noise of people coming and going.
        target = 3000.0
        self.viewers += (target - self.viewers) * min(1.0, dt / 120.0) + self.rng.gauss(0.0, 6.0) * dt**0.5
        self.viewers = max(0.0, self.viewers)
        self.likes += self.viewers * 0.02 * dt * self.rng.uniform(0.5, 1.5)
        self.interactions += self.viewers * 0.002 * dt * self.rng.uniform(0.5, 1.5)

    def audience(self) -> dict[str, Any]:
        """What the demo room's platform would report: viewers only while live, running totals always."""
        live = self.stream.active and not self.stream.reconnecting
        return {
            "onair": "audience",
            "live": live,
            "viewers": round(self.viewers) if self.stream.active else None,
            "likes": round(self.likes),
            "interactions": round(self.interactions),
        }

    # ------------------------------------------------------------------ readings
    def stats(self, now: float) -> dict[str, Any]:
        render_lag = self.faults.get("render-lag", 0.0)
        overload = self.faults.get("encoder-overload", 0.0)
        interval_ms = 1000.0 / self.fps_value
        render_ms = 4.0 + self.rng.uniform(-0.6, 0.6) + render_lag * interval_ms * 1.1
        cpu = 6.0 + (9.0 if self.stream.active else 0.0) + 60.0 * overload + self.rng.uniform(-1.0, 1.0)
        return {
            "cpuUsage": round(max(0.1, cpu), 3),
            "memoryUsage": round(412.0 + 8 * math.sin(now / 30), 3),
            "availableDiskSpace": round(self.disk_free_mb, 1),
            "activeFps": round(self.fps_value * (1.0 - 0.3 * render_lag) + self.rng.uniform(-0.02, 0.02), 6),
            "averageFrameRenderTime": round(render_ms, 6),
            "renderSkippedFrames": int(self.render_skipped),
            "renderTotalFrames": int(self.render_total),
            "outputSkippedFrames": int(self.encode_skipped),
            "outputTotalFrames": int(self.encode_total),
        }

    def stream_status(self, now: float) -> dict[str, Any]:
        s = self.stream
        ms = s.duration_ms(now)
        return {
            "outputActive": s.active,
            "outputReconnecting": s.reconnecting,
            "outputTimecode": timecode(ms),
            "outputDuration": ms,
            "outputCongestion": round(s.congestion, 4) if s.active else 0.0,
            "outputBytes": int(s.bytes),
            "outputSkippedFrames": int(s.skipped_frames),
            "outputTotalFrames": int(s.total_frames),
        }

    def record_status(self, now: float) -> dict[str, Any]:
        r = self.record
        ms = r.duration_ms(now)
        return {
            "outputActive": r.active,
            "outputPaused": r.paused,
            "outputTimecode": timecode(ms),
            "outputDuration": ms,
            "outputBytes": int(r.bytes),
        }

    def meter_levels(self, now: float) -> list[dict[str, Any]]:
        """InputVolumeMeters `inputs`: per audio input, per channel [magnitude, peak, input peak] (mul)."""
        inputs: list[dict[str, Any]] = []
        for item in self.inputs.values():
            if not item.audio:
                continue
            level_db = item.level_db
            if item.name == self.mic_name and "silent-mic" in self.faults:
                level_db = -88.0
            if item.name == self.mic_name and "clipping-mic" in self.faults:
                level_db = -2.0
            if (item.name == self.product_video_name and "silent-product-video" in self.faults) or self.file_missing(
                item
            ):
                # OBS lists an input without audio data with no channels at all (measured on OBS 29).
                inputs.append({"inputName": item.name, "inputLevelsMul": []})
                continue
            # Speech-like envelope: a few syllables a second plus noise.
            envelope = 0.5 + 0.5 * math.sin(now * 7.3 + hash(item.name) % 7) * math.sin(now * 1.7)
            db = level_db + item.level_swing_db * (envelope - 0.5) * 2 + self.rng.uniform(-1.5, 1.5)
            channels = []
            for channel in range(2):
                raw = db_to_mul(db - channel * 0.8)
                post = 0.0 if item.muted else raw * item.volume_mul
                peak = min(1.0, post * self.rng.uniform(1.2, 1.6))
                channels.append([post, peak, min(1.0, raw * 1.4)])
            inputs.append({"inputName": item.name, "inputLevelsMul": channels})
        return inputs

    @property
    def mic_name(self) -> str:
        return next(
            (
                i.name
                for i in self.inputs.values()
                if i.kind.startswith(("pulse_input", "wasapi_input", "coreaudio_input"))
            ),
            "",
        )

    def file_missing(self, item: SimInput) -> bool:
        """A media input whose file OBS could not open (the `missing-product-video` fault, or a file not there)."""
        if "missing-product-video" in self.faults and item.name == self.product_video_name:
            return True
        return item.kind == "ffmpeg_source" and item.settings.get("local_file") in self.missing_files

    @property
    def product_video_name(self) -> str:
        return next((i.name for i in self.inputs.values() if i.kind == "ffmpeg_source"), "")

    @property
    def camera_name(self) -> str:
        return next(
            (
                i.name
                for i in self.inputs.values()
                if i.kind.startswith(("v4l2_input", "dshow_input", "av_capture_input"))
            ),
            "",
        )

    def scene_list(self) -> list[dict[str, Any]]:
        # obs-websocket lists scenes bottom-up: sceneIndex 0 is the last scene in OBS's scene list.
        count = len(self.scenes)
        return [{"sceneName": s.name, "sceneIndex": count - 1 - i} for i, s in reversed(list(enumerate(self.scenes)))]

    def input_entry(self, item: SimInput) -> dict[str, Any]:
        return {"inputName": item.name, "inputKind": item.kind, "unversionedInputKind": item.kind.removesuffix("_v2")}

    # ------------------------------------------------------------------ outputs
    def start_output(self, output: Output, now: float) -> None:
        output.active = True
        output.reconnecting = False
        output.paused = False
        output.paused_total = 0.0
        output.started_at = now
        output.bytes = 0.0
        output.total_frames = 0.0
        output.skipped_frames = 0.0
        output.congestion = 0.0

    def stop_output(self, output: Output) -> None:
        # The byte counter keeps its last value until the next start, as OBS's outputs do.
        output.active = False
        output.reconnecting = False
        output.paused = False
        output.congestion = 0.0

    def stream_retry(self) -> None:
        """OBS tries to connect the stream again (measured on OBS 29.0.2, GetStreamStatus while it reconnects): the
        new connection's byte and dropped-frame counters start at 0, while the total of frames and the congestion
        stay what the dropped connection last had (1.0 after a throttled uplink) until the stream is back."""
        self.stream.bytes = 0.0
        self.stream.skipped_frames = 0.0

    def stream_reconnected(self, now: float) -> None:
        """An automatic reconnect: OBS restarts the stream output's counters."""
        self.stream.reconnecting = False
        self.stream.bytes = 0.0
        self.stream.total_frames = 0.0
        self.stream.skipped_frames = 0.0
        self.stream.congestion = 0.0
        self.stream.started_at = now

    def removal_events(self) -> list[Event]:
        """What a subscribed client sees when OBS quits: every input and scene removed (before ExitStarted)."""
        events: list[Event] = [("InputRemoved", {"inputName": name}) for name in self.inputs]
        events += [("SceneRemoved", {"sceneName": s.name, "isGroup": False}) for s in self.scenes]
        return events

    def output_event(self, kind: str, state: str) -> Event:
        active = state in (OutputState.STARTED, OutputState.RECONNECTED, OutputState.PAUSED, OutputState.RESUMED)
        if kind == "record":
            return (
                "RecordStateChanged",
                {
                    "outputActive": active,
                    "outputState": state,
                    # OBS names the file once it is open: null while starting and stopping.
                    "outputPath": None if state in (OutputState.STARTING, OutputState.STOPPING) else self.record.path,
                },
            )
        return (
            "StreamStateChanged" if kind == "stream" else "VirtualcamStateChanged",
            {"outputActive": active, "outputState": state},
        )


def live_commerce_room(now: float, seed: int | None = None) -> Room:
    """The default demo room: a Chinese live-commerce studio with camera, mic, desktop audio and a product video."""
    room = Room(now, seed)
    room.add_input(
        SimInput("摄像机", "v4l2_input", {"device_id": "/dev/video0", "resolution": "1920x1080"}, video=True)
    )
    room.add_input(
        SimInput(
            "麦克风", "pulse_input_capture", {"device_id": "default"}, audio=True, level_db=-18.0, level_swing_db=9.0
        )
    )
    room.add_input(
        SimInput(
            "桌面音频",
            "pulse_output_capture",
            {"device_id": "default"},
            audio=True,
            level_db=-30.0,
            level_swing_db=3.0,
            volume_mul=0.5,
        )
    )
    room.add_input(
        SimInput(
            "商品视频",
            "ffmpeg_source",
            {"local_file": "/home/streamer/Videos/新品展示.mp4", "looping": True},
            audio=True,
            video=True,
            level_db=-24.0,
            level_swing_db=4.0,
        )
    )
    room.add_input(SimInput("背景图", "image_source", {"file": "/home/streamer/Pictures/直播间背景.png"}, video=True))
    room.add_scene("等待开始", ["背景图", "桌面音频"], (32, 58, 110))
    room.add_scene("直播中", ["背景图", "摄像机", "麦克风", "桌面音频"], (120, 30, 40))
    room.add_scene("商品特写", ["商品视频", "摄像机", "麦克风"], (30, 100, 60))
    room.add_scene("暂时离开", ["背景图", "桌面音频"], (90, 70, 30))
    room.program = "等待开始"
    room.preview = "直播中"
    return room


def busy_room(audio_inputs: int) -> Callable[[float, int | None], Room]:
    """The demo room with more audio inputs (guest mics), up to `audio_inputs` in all: for load tests."""

    def factory(now: float, seed: int | None = None) -> Room:
        room = live_commerce_room(now, seed)
        have = sum(1 for item in room.inputs.values() if item.audio)
        for number in range(1, audio_inputs - have + 1):
            room.add_input(
                SimInput(
                    f"嘉宾麦克风 {number}",
                    "pulse_input_capture",
                    {"device_id": f"guest-{number}"},
                    audio=True,
                    level_db=-22.0,
                    level_swing_db=8.0,
                )
            )
        return room

    return factory
