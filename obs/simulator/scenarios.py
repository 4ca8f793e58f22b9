"""Scripted faults on a timeline, for demos, training and tests: `onair demo-obs --scenario NAME`."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass

from obs.simulator.handlers import HANDLERS
from obs.simulator.server import ObsSimulator
from obs.text import QT_TRANSLATE_NOOP

LOG = logging.getLogger(__name__)

Action = Callable[[ObsSimulator], object]


def _request(name: str, **data: object) -> Action:
    return lambda sim: HANDLERS[name](sim, dict(data))


@dataclass(frozen=True)
class _Start:
    """Starts the stream or the recording unless it runs. Only a scenario's first round starts it: a repeat waits
    for the user's own start, as OBS never starts an output the user stopped."""

    output: str  # "stream" or "record"

    def running(self, sim: ObsSimulator) -> bool:
        return bool(getattr(sim.room, self.output).active)

    def __call__(self, sim: ObsSimulator) -> object:
        if self.running(sim):
            return None
        return HANDLERS["StartStream" if self.output == "stream" else "StartRecord"](sim, {})


def _inject(fault: str, strength: float = 1.0) -> Action:
    return lambda sim: sim.inject(fault, strength)


@dataclass(frozen=True)
class _Clear:
    """Ends a fault: played whether or not the output still runs (a fault is never left behind)."""

    fault: str

    def __call__(self, sim: ObsSimulator) -> object:
        sim.clear(self.fault)
        return None


def _clear(fault: str) -> Action:
    return _Clear(fault)


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    steps: tuple[tuple[float, str, Action], ...]
    repeat_every: float | None = None

    @property
    def repeats_while(self) -> str | None:
        """The output a repeating scenario's rounds wait for ("stream", "record"), None when they do not wait."""
        return next((action.output for _, _, action in self.steps if isinstance(action, _Start)), None)

    def repeat_note(self) -> tuple[str, float] | None:
        """How a repeating scenario says so (untranslated, "%1" the seconds) and its period; None: it plays once."""
        if self.repeat_every is None:
            return None
        text = {
            "stream": QT_TRANSLATE_NOOP(
                "Scenario", "repeats every %1 s while streaming; once you stop the stream it waits for your next start"
            ),
            "record": QT_TRANSLATE_NOOP(
                "Scenario", "repeats every %1 s while recording; once you stop recording it waits for your next start"
            ),
            None: QT_TRANSLATE_NOOP("Scenario", "repeats every %1 s"),
        }[self.repeats_while]
        return text, self.repeat_every


_GO_LIVE = (1.0, "start streaming", _Start("stream"))


def _on_program(scene: str) -> tuple[float, str, Action]:
    return (2.0, f"switch to {scene}", _request("SetCurrentProgramScene", sceneName=scene))


def _mute_mic(sim: ObsSimulator) -> object:
    return HANDLERS["SetInputMute"](sim, {"inputName": sim.room.mic_name, "inputMuted": True})


PRODUCT_FILE = "/home/streamer/Videos/新品展示.mp4"
#: Where the product-video-file-lost scenario points the product video: not on the simulated OBS computer.
LOST_FILE = "/media/streamer/U盘/新品展示.mp4"


def _point_product_video(path: str, missing: bool = False) -> Action:
    """As the operator choosing another file in the source's properties (OBS restarts the source with it)."""

    def act(sim: ObsSimulator) -> object:
        if missing:
            sim.room.missing_files.add(path)
        data = {"inputName": sim.room.product_video_name, "inputSettings": {"local_file": path}}
        return HANDLERS["SetInputSettings"](sim, data)

    return act


def _restart_product_video(sim: ObsSimulator) -> object:
    action = "OBS_WEBSOCKET_MEDIA_INPUT_ACTION_RESTART"
    return HANDLERS["TriggerMediaInputAction"](sim, {"inputName": sim.room.product_video_name, "mediaAction": action})


SCENARIOS: dict[str, Scenario] = {
    s.name: s
    for s in (
        Scenario("normal", QT_TRANSLATE_NOOP("Scenario", "a healthy room: nothing goes wrong"), ()),
        Scenario(
            "congestion",
            QT_TRANSLATE_NOOP("Scenario", "streaming starts; from 10 s the uplink congests and frames drop for 40 s"),
            (
                _GO_LIVE,
                (10.0, "uplink congested", _inject("congestion")),
                (50.0, "uplink recovered", _clear("congestion")),
            ),
            repeat_every=90.0,
        ),
        Scenario(
            "encoder-overload",
            QT_TRANSLATE_NOOP("Scenario", "streaming starts; from 10 s the x264 encoder cannot keep up for 30 s"),
            (
                _GO_LIVE,
                (10.0, "encoder overloaded", _inject("encoder-overload")),
                (40.0, "encoder recovered", _clear("encoder-overload")),
            ),
            repeat_every=80.0,
        ),
        Scenario(
            "render-lag",
            QT_TRANSLATE_NOOP("Scenario", "streaming starts; from 10 s the compositor misses frames for 30 s"),
            (
                _GO_LIVE,
                (10.0, "render lag", _inject("render-lag")),
                (40.0, "render recovered", _clear("render-lag")),
            ),
            repeat_every=80.0,
        ),
        Scenario(
            "stream-reconnects",
            QT_TRANSLATE_NOOP("Scenario", "streaming starts; every 30 s the stream drops and OBS reconnects after 3 s"),
            (
                _GO_LIVE,
                (20.0, "stream connection dropped", lambda sim: sim.stream_reconnect(3.0)),
            ),
            repeat_every=30.0,
        ),
        Scenario(
            "frozen",
            QT_TRANSLATE_NOOP("Scenario", "streaming starts; at 15 s OBS freezes (stops answering) for 6 s"),
            (
                _GO_LIVE,
                (15.0, "OBS frozen", lambda sim: sim.freeze()),
                (21.0, "OBS thawed", lambda sim: sim.thaw()),
            ),
            repeat_every=60.0,
        ),
        Scenario(
            "obs-quits",
            QT_TRANSLATE_NOOP("Scenario", "at 20 s OBS quits cleanly; 10 s later it is started again"),
            (
                (20.0, "OBS quitting", lambda sim: asyncio.ensure_future(sim.quit_obs())),
                (30.0, "OBS started again", lambda sim: asyncio.ensure_future(sim.restart())),
            ),
            repeat_every=60.0,
        ),
        Scenario(
            "silent-mic",
            QT_TRANSLATE_NOOP("Scenario", "from 5 s the microphone delivers near silence"),
            ((5.0, "mic silent", _inject("silent-mic")),),
        ),
        Scenario(
            "muted-mic",
            QT_TRANSLATE_NOOP("Scenario", "streaming starts on 直播中; at 5 s the host's microphone is muted"),
            (_GO_LIVE, _on_program("直播中"), (5.0, "mic muted", _mute_mic)),
        ),
        Scenario(
            "clipping-mic",
            QT_TRANSLATE_NOOP(
                "Scenario", "streaming starts on 直播中; from 5 s the microphone's gain is far too high and it clips"
            ),
            (_GO_LIVE, _on_program("直播中"), (5.0, "mic clipping", _inject("clipping-mic"))),
        ),
        Scenario(
            "silent-product-video",
            QT_TRANSLATE_NOOP(
                "Scenario", "streaming starts on 商品特写; from 5 s the product video plays without sound"
            ),
            (_GO_LIVE, _on_program("商品特写"), (5.0, "product video silent", _inject("silent-product-video"))),
        ),
        Scenario(
            "missing-product-video",
            QT_TRANSLATE_NOOP(
                "Scenario", "the product video's file is missing from the start; streaming starts on 商品特写"
            ),
            ((0.0, "product video file missing", _inject("missing-product-video")), _GO_LIVE, _on_program("商品特写")),
        ),
        Scenario(
            "product-video-file-lost",
            QT_TRANSLATE_NOOP(
                "Scenario",
                "streaming on 商品特写; at 8 s the product video's source is pointed at a file that is not there; "
                "at 40 s it is restarted (still missing); at 60 s it is pointed back at its file",
            ),
            (
                _GO_LIVE,
                _on_program("商品特写"),
                (8.0, "product video pointed at a missing file", _point_product_video(LOST_FILE, missing=True)),
                (40.0, "product video restarted", _restart_product_video),
                (60.0, "product video pointed back at its file", _point_product_video(PRODUCT_FILE)),
            ),
        ),
        Scenario(
            "frozen-camera",
            QT_TRANSLATE_NOOP("Scenario", "from 5 s the camera repeats one frame"),
            ((5.0, "camera frozen", _inject("frozen-camera")),),
        ),
        Scenario(
            "black-camera",
            QT_TRANSLATE_NOOP("Scenario", "from 5 s the camera delivers black"),
            ((5.0, "camera black", _inject("black-camera")),),
        ),
        Scenario(
            "low-disk",
            QT_TRANSLATE_NOOP("Scenario", "from 5 s the recording disk has 800 MB left"),
            ((5.0, "disk low", _inject("low-disk")),),
        ),
        Scenario(
            "bad-night",
            QT_TRANSLATE_NOOP(
                "Scenario",
                "streaming starts on 直播中; then everything goes wrong at once and stays so: at 5 s the host's "
                "microphone is muted, at 8 s the recording disk has 800 MB left, from 10 s the uplink congests and "
                "the x264 encoder cannot keep up, from 12 s the compositor misses frames",
            ),
            (
                _GO_LIVE,
                _on_program("直播中"),
                (5.0, "mic muted", _mute_mic),
                (8.0, "disk low", _inject("low-disk")),
                (10.0, "uplink congested", _inject("congestion")),
                (10.0, "encoder overloaded", _inject("encoder-overload")),
                (12.0, "render lag", _inject("render-lag")),
            ),
        ),
        Scenario(
            "record-stall",
            QT_TRANSLATE_NOOP("Scenario", "recording starts; from 10 s the file stops growing for 20 s"),
            (
                (1.0, "start recording", _Start("record")),
                (10.0, "recording stalled", _inject("record-stall")),
                (30.0, "recording flows again", _clear("record-stall")),
            ),
            repeat_every=60.0,
        ),
        Scenario(
            "stream-connect-fail",
            QT_TRANSLATE_NOOP(
                "Scenario",
                "the stream cannot reach its server: Go live starts connecting and stops without going on air",
            ),
            ((0.0, "stream server unreachable", _inject("stream-connect-fail")),),
        ),
        Scenario(
            "stream-start-silent",
            QT_TRANSLATE_NOOP(
                "Scenario",
                "no stream key (OBS 30+): OBS accepts Go live, shows its own message box and never starts",
            ),
            ((0.0, "no stream key", _inject("stream-start-silent")),),
        ),
    )
}


async def _until_running(sim: ObsSimulator, start: _Start) -> None:
    while not start.running(sim):
        await sim.sleep(0.5)


async def _play_round(sim: ObsSimulator, scenario: Scenario, first: bool) -> float:
    """One round of the scenario's steps; returns the OBS time the round counts from."""
    started = sim.now()  # OBS's clock: a test's manual clock plays a scenario in compressed time
    needs: _Start | None = None
    for at, label, action in scenario.steps:
        await sim.sleep(max(0.0, started + at - sim.now()))
        if isinstance(action, _Start) and scenario.repeat_every is not None:
            needs = action
            if not first:
                if not action.running(sim):
                    LOG.info("scenario %s: waiting for the %s to be started", scenario.name, action.output)
                    await _until_running(sim, action)
                    started = sim.now() - at
                continue
        elif needs is not None and not isinstance(action, _Clear) and not needs.running(sim):
            LOG.info("scenario %s: %r skipped: the %s was stopped", scenario.name, label, needs.output)
            for _, _, step in scenario.steps:
                if isinstance(step, _Clear):
                    step(sim)
            return started
        LOG.info("scenario %s: %s", scenario.name, label)
        try:
            action(sim)
        except Exception as exc:
            LOG.warning("scenario %s: step %r skipped: %s", scenario.name, label, exc)
    return started


async def run_scenario(sim: ObsSimulator, scenario: Scenario) -> None:
    """Play the scenario's steps on the simulator's loop (repeating if it says so).

    A repeat never starts the stream or recording the user stopped: its round waits for the user's start and plays
    its faults from then. In a repeating scenario a fault is put in only while the output it needs runs; once the
    user stops that output the round ends (its faults cleared) and the next waits for the user's start."""
    first = True
    while True:
        started = await _play_round(sim, scenario, first)
        if scenario.repeat_every is None:
            return
        first = False
        await sim.sleep(max(0.0, started + scenario.repeat_every - sim.now()))
