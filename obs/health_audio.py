"""The health engine's audio rules: the microphone muted or dead on air, clipping, a product video without sound.

The commonest accident of a live-commerce room is the host talking into a muted or dead microphone, and OBS's
Stats dock never says so. These rules read one `AudioSecond` per telemetry second: per input its role (which
inputs are "the microphone" is a room setting; by default audio-capture inputs named mic/麦), mute state,
whether it is on the program output, and its meter figures aggregated over the second from OBS's 20 Hz
InputVolumeMeters (`LevelAggregator`, fed by the tracker for every meter event; the rules never run at 20 Hz).

Measured on OBS 29.0.2 / obs-websocket 5.1.0 (headless, tests/e2e/test_real_obs_audio.py):
- `inputLevelsMul` is per channel [magnitude, peak, input peak]; muting an input makes magnitude and peak
  exactly 0.0 while the input peak (before the fader and the mute) goes on moving.
- An audio-capture input whose device delivers nothing (no sound server, unplugged) is listed with `[]`:
  no audio at all, so it counts as silence, not as unknown.
- GetSourceActive / InputActiveStateChanged `videoActive` is true for an audio-only input exactly while a
  scene holding it is on program (so "a scene without the microphone is on program" is `video_active` False).

No Qt. Messages and remedies are translatable templates (context "Health") with their evidence as fields.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from obs.health import Change, _Rule, _ThresholdRule, _Verdict
from obs.state import ObsState
from obs.text import QT_TRANSLATE_NOOP
from obs.vocabulary import Category, Kind, Severity

if TYPE_CHECKING:
    from obs.health import HealthEngine

#: Below this a live microphone (or a playing video) is taken for silent; room noise alone is louder.
SILENT_DB = -50.0
#: Peaks at or above this are clipping (a hair under full scale: OBS's meter shows red there).
CLIP_DB = -0.5
CLIP_MUL = 10 ** (CLIP_DB / 20)
#: What silence is written as in the evidence (finite, so the monitor's JSON stays valid).
FLOOR_DB = -100.0
#: Words in an input's name that make an audio-capture input "the microphone" when the room does not say.
MIC_WORDS = ("mic", "麦")
#: Input kinds that capture audio from a device (unversioned; "_v2" etc. stripped by `_base_kind`).
CAPTURE_KINDS = frozenset(
    {
        "pulse_input_capture", "wasapi_input_capture", "coreaudio_input_capture", "alsa_input_capture",
        "jack_input_client", "pipewire_audio_input_capture", "pulse_output_capture", "wasapi_output_capture",
        "coreaudio_output_capture", "wasapi_process_output_capture", "sck_audio_capture",
        "pipewire_audio_output_capture",
    }
)  # fmt: skip
#: Capture kinds that carry the computer's own sound (a video played in a browser or player).
DESKTOP_KINDS = frozenset(
    {
        "pulse_output_capture", "wasapi_output_capture", "coreaudio_output_capture",
        "wasapi_process_output_capture", "sck_audio_capture", "pipewire_audio_output_capture",
    }
)  # fmt: skip
#: Inputs that play a video file (a product video).
MEDIA_KINDS = frozenset({"ffmpeg_source", "vlc_source"})


def _base_kind(kind: str) -> str:
    head, _, tail = kind.rpartition("_v")
    return head if head and tail.isdigit() else kind


def to_db(mul: float) -> float:
    return FLOOR_DB if mul <= 0 else max(FLOOR_DB, 20 * math.log10(mul))


def default_mics(state: ObsState) -> tuple[str, ...]:
    """The microphones when the room names none: audio-capture inputs whose name says mic or 麦."""
    return tuple(
        i.name
        for i in state.inputs
        if _base_kind(i.kind) in CAPTURE_KINDS and any(word in i.name.lower() for word in MIC_WORDS)
    )


@dataclass(frozen=True)
class InputLevels:
    """One input's meter over one second: how many readings, the loudest magnitude and peak (dBFS), and how
    many readings peaked at or above CLIP_DB."""

    readings: int
    level_db: float
    peak_db: float
    clips: int


def _loudest(levels: Any) -> tuple[float, float]:
    """The highest magnitude and peak of one reading's channels (multipliers; 0.0 without a readable channel)."""
    magnitude = peak = 0.0
    for channel in levels if isinstance(levels, list) else ():
        if isinstance(channel, list) and len(channel) >= 2:
            level, channel_peak = float(channel[0]), float(channel[1])
            if level > magnitude:
                magnitude = level
            if channel_peak > peak:
                peak = channel_peak
    return magnitude, peak


class LevelAggregator:
    """OBS's 20 Hz meters reduced to one figure set per input per second. `add` runs for every meter event
    (a few comparisons per input); `take` hands over the second and starts the next."""

    def __init__(self) -> None:
        self._acc: dict[str, list[float]] = {}  # name -> [readings, max magnitude, max peak, clips] (mul)

    def add(self, inputs: Iterable[Any]) -> None:
        # 20 times a second on the driving thread (the GUI thread in the console): plain loops and comparisons, no
        # generator or max() call per channel (6.3 -> 1.3 µs for three stereo inputs in a loop).
        accumulated = self._acc
        for entry in inputs:
            name = entry.get("inputName") if isinstance(entry, dict) else None
            if not isinstance(name, str):
                continue
            magnitude, peak = _loudest(entry.get("inputLevelsMul"))
            acc = accumulated.get(name)
            if acc is None:
                accumulated[name] = [1, magnitude, peak, int(peak >= CLIP_MUL)]
                continue
            acc[0] += 1
            if magnitude > acc[1]:
                acc[1] = magnitude
            if peak > acc[2]:
                acc[2] = peak
            if peak >= CLIP_MUL:
                acc[3] += 1

    def take(self) -> dict[str, InputLevels]:
        acc, self._acc = self._acc, {}
        return {name: InputLevels(int(a[0]), to_db(a[1]), to_db(a[2]), int(a[3])) for name, a in acc.items()}

    def reset(self) -> None:
        self._acc = {}


@dataclass(frozen=True)
class AudioInput:
    name: str
    kind: str
    role: str  # "mic", "desktop", "media" or "other"
    muted: bool | None
    #: A scene holding the input is on program (None: OBS did not say).
    on_program: bool | None
    #: For a media input: playing (None: not known, e.g. a looping video that started before the console).
    playing: bool | None
    #: This second's meter figures; None: no meter reading arrived for it.
    levels: InputLevels | None
    #: A media input OBS cannot play (its file missing or unreadable; see ObsState's InputState.media_unplayable).
    unplayable: bool | None = None
    #: A media input's file, where OBS said it.
    file: str | None = None


@dataclass(frozen=True)
class AudioSecond:
    """The audio facts of one second, for the rules."""

    inputs: tuple[AudioInput, ...]

    def role(self, role: str) -> list[AudioInput]:
        return [i for i in self.inputs if i.role == role]


def audio_second(state: ObsState, levels: Mapping[str, InputLevels], mics: Iterable[str] | None = None) -> AudioSecond:
    """This second's facts from the tracker's state and the aggregated meters. `mics`: the room's setting
    (input names); empty or None = detect (`default_mics`)."""
    chosen = set(mics or ()) or set(default_mics(state))
    inputs = []
    for item in state.audio_inputs:
        kind = _base_kind(item.kind)
        role = (
            "mic"
            if item.name in chosen
            else "desktop"
            if kind in DESKTOP_KINDS
            else "media"
            if kind in MEDIA_KINDS
            else "other"
        )
        inputs.append(
            AudioInput(
                item.name,
                item.kind,
                role,
                item.muted,
                item.video_active,
                item.media_playing,
                levels.get(item.name),
                item.media_unplayable,
                item.media_file,
            )
        )
    return AudioSecond(tuple(inputs))


def _streaming(engine: HealthEngine) -> bool | None:
    streaming = engine.series["streaming"].last()
    return None if streaming is None else streaming >= 0.5


def _names(names: list[str]) -> dict[str, Any]:
    return {"input": names[0], "inputs": ", ".join(names), "names": list(names)}


class MicMuted(_ThresholdRule):
    """A microphone on program is muted while the stream is live: viewers hear nobody."""

    id, category = Kind.MIC_MUTED, Category.AUDIO
    on_air_only = True
    enter_s = 3
    clear_s = 1  # unmuting is unambiguous: the finding goes at once
    unknown_s = 10  # but OBS out of sight for a moment does not clear it

    def step(self, engine: HealthEngine, t: float, wall: float) -> Change | None:
        if engine.audio is None and self.current is not None:
            self._up = self._down = 0
            self._unknown += 1
            return self._close(_Verdict(None, known=False)) if self._unknown >= self.unknown_s else None
        return super().step(engine, t, wall)

    def verdict(self, engine: HealthEngine) -> _Verdict:
        audio, streaming = engine.audio, _streaming(engine)
        if audio is None or streaming is None:
            return _Verdict(None, known=False)
        muted = [i.name for i in audio.role("mic") if i.muted and i.on_program is not False]
        if not streaming or not muted:
            return _Verdict(None)
        return _Verdict(
            Severity.CRITICAL,
            below=False,
            fields=_names(muted),
            template=QT_TRANSLATE_NOOP(
                "Health", "The microphone “{inputs}” is muted while the stream is live: viewers cannot hear the host."
            ),
            remedies=(
                QT_TRANSLATE_NOOP("Health", "Unmute it now: the Unmute button here, the Audio dock, or OBS's mixer."),
                QT_TRANSLATE_NOOP("Health", "If it was muted on purpose, switch to a scene without the microphone."),
            ),
        )


# The messages of an easing episode (the hysteresis holds it while the sound is back), in the words the Health
# dock says live ("… now"); obs/health_record.py words them as of the episode's end for the records.
MIC_SILENT_EASING = QT_TRANSLATE_NOOP(
    "Health",
    "The microphone “{inputs}” was silent for {seconds:.0f} s in this episode (below −50 dBFS, loudest "
    "{level_db:.0f} dBFS); it is heard again now.",
)
PRODUCT_SILENT_EASING = QT_TRANSLATE_NOOP(
    "Health",
    "The product video “{inputs}” played without sound for {seconds:.0f} s in this episode (below −50 dBFS, loudest "
    "{level_db:.0f} dBFS); sound is heard again now.",
)
CLIPPING_EASING = QT_TRANSLATE_NOOP(
    "Health",
    "“{inputs}” clipped in this episode: peaks up to {peak_db:.1f} dBFS, up to {clips} times in a 10-s window; none "
    "for 10 s now.",
)


class _SilenceRule(_ThresholdRule):
    """Per input, how many consecutive seconds it stayed below SILENT_DB while it should be heard."""

    enter_s = 1  # the rule counts the silent seconds itself
    counts_s = True  # ... and says how many in its "seconds" field (the review dates the fault by it)
    clear_s = 2
    warn_s, critical_s = 10, 30
    #: OBS out of sight this long (frozen, reconnecting) closes the finding and forgets the count; a shorter while
    #: neither. tech17: a real OBS SIGSTOPped 9 s made "Product video cannot be played: cleared" after 2 s of it,
    #: then the same missing file opened a new finding 10 s after the thaw.
    unknown_s = 10

    def _step_unknown(self, verdict: _Verdict) -> Change | None:
        self._up = self._down = 0
        self._unknown += 1
        if self._unknown < self.unknown_s:
            return None
        self.silent_for.clear()
        return self._close(verdict) if self.current is not None else None

    def __init__(self) -> None:
        super().__init__()
        self.silent_for: dict[str, int] = {}
        self.loudest: dict[str, float] = {}

    def count(self, heard: Mapping[str, float | None]) -> list[str]:
        """`heard`: input -> this second's peak (None = no reading). The inputs silent for warn_s or more."""
        for name in list(self.silent_for):
            if name not in heard:
                del self.silent_for[name]
        for name, peak in heard.items():
            if peak is None:
                continue
            if peak < SILENT_DB:
                self.loudest[name] = peak if not self.silent_for.get(name) else max(self.loudest[name], peak)
                self.silent_for[name] = self.silent_for.get(name, 0) + 1
            else:
                self.silent_for.pop(name, None)
        return sorted((n for n, s in self.silent_for.items() if s >= self.warn_s), key=lambda n: -self.silent_for[n])

    def silent_verdict(
        self, silent: list[str], template: str, remedies: tuple[str, ...], held_template: str
    ) -> _Verdict:
        if not silent:
            # Heard again while the hysteresis holds the finding: its figures stay the episode's (how long it was
            # silent), said in the past — not "is silent" about a second that is fine.
            return _Verdict(None, template=held_template if self.current is not None else "")
        seconds = max(self.silent_for[n] for n in silent)
        return _Verdict(
            Severity.CRITICAL if seconds >= self.critical_s else Severity.WARNING,
            below=True,
            fields={**_names(silent), "seconds": float(seconds), "level_db": max(self.loudest[n] for n in silent)},
            template=template,
            remedies=remedies,
        )


class MicSilent(_SilenceRule):
    """A microphone on program, not muted, delivering (almost) nothing while the stream is live: unplugged,
    switched off, muted at the device, or the wrong device chosen."""

    id, category = Kind.MIC_SILENT, Category.AUDIO
    on_air_only = True

    def verdict(self, engine: HealthEngine) -> _Verdict:
        audio, streaming = engine.audio, _streaming(engine)
        if audio is None or streaming is None:
            return _Verdict(None, known=False)  # the count pauses (_SilenceRule._step_unknown)
        live = [i for i in audio.role("mic") if i.muted is False and i.on_program is not False] if streaming else []
        if live and all(i.levels is None for i in live):
            return _Verdict(None, known=False)  # no meter reading this second: nothing new to say
        silent = self.count({i.name: i.levels.peak_db if i.levels else None for i in live})
        return self.silent_verdict(
            silent,
            QT_TRANSLATE_NOOP(
                "Health",
                "The microphone “{inputs}” is on but silent: below −50 dBFS for {seconds:.0f} s (loudest "
                "{level_db:.0f} dBFS). Viewers cannot hear the host.",
            ),
            (
                QT_TRANSLATE_NOOP(
                    "Health", "Check the microphone: plugged in, switched on, battery, not muted on the device."
                ),
                QT_TRANSLATE_NOOP("Health", "Check that OBS uses the right device for it (the input's properties)."),
            ),
            MIC_SILENT_EASING,
        )


class ProductSilent(_SilenceRule):
    """A product video plays on program but neither it nor the desktop audio makes a sound; critical when nothing
    else on air makes one either (viewers hear silence), e.g. a stream whose only sound is that video."""

    id, category = Kind.PRODUCT_SILENT, Category.AUDIO
    on_air_only = True
    critical_s = 10**9  # a silent video beside a heard microphone is worth a warning, never an emergency

    def verdict(self, engine: HealthEngine) -> _Verdict:
        audio, streaming = engine.audio, _streaming(engine)
        if audio is None or streaming is None:
            return _Verdict(None, known=False)  # the count pauses (_SilenceRule._step_unknown)
        # A video OBS could not open is on air however OBS words it: "playing" with no length, or (its file changed
        # to a missing one mid-show) "ended" — tech17, measured on OBS 29.0.2.
        playing = (
            [i for i in audio.role("media") if i.on_program and (i.playing is not False or i.unplayable)]
            if streaming
            else []
        )
        carriers = [i for i in audio.role("desktop") if i.on_program is not False and i.muted is False]
        desktop = [p for p in map(_peak, carriers) if p is not None]
        heard: dict[str, float | None] = {}
        for item in playing:
            if item.unplayable:
                heard[item.name] = FLOOR_DB  # nothing of it reaches the viewers, whatever the desktop audio plays
                continue
            figures = [p for p in (_peak(item), *desktop) if p is not None]
            heard[item.name] = max(figures) if figures else None
        silent = self.count(heard)
        verdict = self.silent_verdict(silent, *_product_words(bool(audio.role("desktop"))))
        if verdict.severity is None:
            if self.current is not None and self.current.fields.get("unplayable"):
                return replace(verdict, template=UNPLAYABLE_EASING)
            return verdict
        # tech16b: OBS 29 says a video whose file is missing is "playing" (no length, no position, no audio
        # channels): it is not silent, it cannot be played at all — say that, and where its file was meant to be.
        unplayable = [item for item in playing if item.name in silent and item.unplayable]
        if len(unplayable) == len(silent):
            alone = not _anything_else_heard(audio, set(silent))
            return replace(
                verdict,
                severity=Severity.CRITICAL if alone else verdict.severity,
                template=_UNPLAYABLE_VIDEO_ALONE if alone else _UNPLAYABLE_VIDEO,
                # `unplayable`: the finding's title says so (obs.vocabulary.title), not "silent".
                fields={**verdict.fields, "file": unplayable[0].file, "unplayable": True},
                remedies=_UNPLAYABLE_REMEDIES,
            )
        if self.current is not None and self.current.fields.get("unplayable"):
            verdict = replace(verdict, fields={**verdict.fields, "unplayable": False})  # it plays now, silently
        # Muted in OBS, it is said so (walk12: "plays without sound … loudest −100 dBFS" for a video muted by hand).
        muted = all(item.muted for item in playing if item.name in silent)
        # Another video playing on air is heard like any other input: tech16, a real OBS whose looping clip played
        # a loud tone beside a video with a missing file was called "nothing else on air makes a sound".
        if _anything_else_heard(audio, set(silent)):
            if muted:
                return replace(verdict, template=_MUTED_VIDEO, remedies=(_UNMUTE, *verdict.remedies[1:]))
            return verdict
        return replace(
            verdict,
            severity=Severity.CRITICAL,
            template=_MUTED_VIDEO_ALONE if muted else _SILENT_VIDEO_ALONE,
            remedies=(_UNMUTE, *verdict.remedies[1:]) if muted else verdict.remedies,
        )


_UNPLAYABLE_VIDEO = QT_TRANSLATE_NOOP(
    "Health",
    "The product video “{inputs}” cannot be played: OBS could not open its file ({file}) — it is missing or "
    "unreadable. Viewers neither see nor hear it ({seconds:.0f} s so far).",
)
UNPLAYABLE_EASING = QT_TRANSLATE_NOOP(
    "Health",
    "The product video “{inputs}” could not be played for {seconds:.0f} s in this episode (OBS could not open its "
    "file); it plays again now.",
)
_UNPLAYABLE_VIDEO_ALONE = QT_TRANSLATE_NOOP(
    "Health",
    "The product video “{inputs}” cannot be played: OBS could not open its file ({file}) — it is missing or "
    "unreadable — and nothing else on air makes a sound: viewers hear silence ({seconds:.0f} s so far).",
)
_UNPLAYABLE_REMEDIES = (
    QT_TRANSLATE_NOOP(
        "Health", "Check that the file is still at that path on the OBS computer and plays in a video player."
    ),
    QT_TRANSLATE_NOOP(
        "Health",
        "Point the source at the file again in its properties (OBS: File ▸ Show Missing Files), or switch scenes.",
    ),
)
_SILENT_VIDEO_ALONE = QT_TRANSLATE_NOOP(
    "Health",
    "The product video “{inputs}” is playing but makes no sound, and nothing else on air makes a sound: viewers hear "
    "silence (below −50 dBFS for {seconds:.0f} s, loudest {level_db:.0f} dBFS).",
)
_MUTED_VIDEO_ALONE = QT_TRANSLATE_NOOP(
    "Health",
    "The product video “{inputs}” is playing but is muted in OBS, and nothing else on air makes a sound: viewers hear "
    "silence ({seconds:.0f} s so far).",
)
_MUTED_VIDEO = QT_TRANSLATE_NOOP(
    "Health", "The product video “{inputs}” is playing but is muted in OBS ({seconds:.0f} s so far)."
)
_UNMUTE = QT_TRANSLATE_NOOP("Health", "Unmute it in the Audio dock (or in OBS's mixer) if viewers should hear it.")


def _peak(item: AudioInput) -> float | None:
    if item.muted:
        return FLOOR_DB
    return item.levels.peak_db if item.levels else None


def _anything_else_heard(audio: AudioSecond, besides: set[str]) -> bool:
    """Some other input on program may be heard this second: not muted, and sounding or without a reading (not
    known to be silent, so not called silence)."""
    for item in audio.inputs:
        if item.name in besides or item.on_program is False or item.muted:
            continue
        if item.levels is None or item.levels.peak_db >= SILENT_DB:
            return True
    return False


def _product_words(with_desktop: bool) -> tuple[str, tuple[str, ...], str]:
    """The silent product video's words: the desktop audio is named only where the room has one."""
    remedies = (
        QT_TRANSLATE_NOOP("Health", "Check that the video is not muted and its volume is up (Audio dock)."),
        QT_TRANSLATE_NOOP("Health", "If the video should be heard, check that the file has a sound track."),
    )
    held = PRODUCT_SILENT_EASING
    if with_desktop:
        template = QT_TRANSLATE_NOOP(
            "Health",
            "The product video “{inputs}” is playing but no sound comes from it or the desktop audio: below "
            "−50 dBFS for {seconds:.0f} s (loudest {level_db:.0f} dBFS).",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "Health",
            "The product video “{inputs}” is playing but no sound comes from it: below −50 dBFS for {seconds:.0f} s "
            "(loudest {level_db:.0f} dBFS).",
        )
    return template, remedies, held


class OnAirSilent(_SilenceRule):
    """While streaming, nothing on air is heard — every audio input on program muted or below −50 dBFS — and no
    microphone the console knows, nor a playing product video, is on program to be named by its own rule: e.g. a
    capture called "USB Audio" (not known as a microphone by its name) muted on air. Viewers hear nothing."""

    id, category = Kind.ON_AIR_SILENT, Category.AUDIO
    on_air_only = True
    warn_s = critical_s = 10  # silence on air is an emergency once it is not a pause

    def verdict(self, engine: HealthEngine) -> _Verdict:
        audio, streaming = engine.audio, _streaming(engine)
        if audio is None or streaming is None:
            return _Verdict(None, known=False)  # the count pauses (_SilenceRule._step_unknown)
        on_air = [i for i in audio.inputs if i.on_program is not False] if streaming else []
        spoken_for = any(i.role == "mic" or (i.role == "media" and i.playing is not False) for i in on_air)
        if not on_air or spoken_for:
            self.count({})
            return self.silent_verdict([], "", (), ON_AIR_SILENT_EASING)
        peaks = [_peak(i) for i in on_air]
        # One entry for the stream as a whole, named after its inputs: silent while none is heard.
        known = [p for p in peaks if p is not None]
        # Heard when any input sounds; silent only when every one is known silent (an input without a reading
        # could be the one carrying the sound).
        heard_now = any(p >= SILENT_DB for p in known)
        loudest = max(known) if known and (heard_now or len(known) == len(peaks)) else None
        names = ", ".join(i.name for i in on_air)
        silent = self.count({names: loudest})
        return self.silent_verdict(
            silent,
            QT_TRANSLATE_NOOP(
                "Health",
                "Nothing on air is heard: “{inputs}” muted or below −50 dBFS for {seconds:.0f} s while the stream is "
                "live (loudest {level_db:.0f} dBFS). Viewers hear nothing.",
            ),
            (
                QT_TRANSLATE_NOOP(
                    "Health", "Unmute the source that carries the host's voice (Audio dock or OBS's mixer)."
                ),
                QT_TRANSLATE_NOOP(
                    "Health",
                    "If that source is the microphone, name it in Connection → Rooms… → Microphones so the console "
                    "watches it as one.",
                ),
            ),
            ON_AIR_SILENT_EASING,
        )


ON_AIR_SILENT_EASING = QT_TRANSLATE_NOOP(
    "Health",
    "Nothing on air was heard for {seconds:.0f} s in this episode (“{inputs}”, loudest {level_db:.0f} dBFS); sound is "
    "heard again now.",
)


class Clipping(_ThresholdRule):
    """An input on air peaks at full scale again and again: viewers hear distortion."""

    id, category = Kind.CLIPPING, Category.AUDIO
    enter_s = 1  # the 10 s window already asks for repetition
    clear_s = 5
    window_s = 10
    #: Clipping readings in the window, spread over at least two seconds.
    min_clips, min_seconds = 3, 2

    def __init__(self) -> None:
        super().__init__()
        self.window: deque[dict[str, tuple[int, float]]] = deque(maxlen=self.window_s)
        # The episode's most clips in one window and loudest peak (quoted once the window is clean again).
        self._most_clips = 0
        self._loudest = FLOOR_DB

    def verdict(self, engine: HealthEngine) -> _Verdict:
        audio = engine.audio
        streaming = _streaming(engine)
        recording = engine.series["recording"].last()
        if audio is None or streaming is None:
            self.window.clear()
            return _Verdict(None, known=False)
        on_air = streaming or (recording or 0.0) >= 0.5
        second: dict[str, tuple[int, float]] = {}
        if on_air:
            for item in audio.inputs:
                if item.levels and item.levels.clips and not item.muted and item.on_program is not False:
                    second[item.name] = (item.levels.clips, item.levels.peak_db)
        self.window.append(second)
        totals: dict[str, list[float]] = {}  # name -> [clips, seconds with clips, loudest peak]
        for seen in self.window:
            for name, (clips, peak) in seen.items():
                total = totals.setdefault(name, [0, 0, FLOOR_DB])
                total[0] += clips
                total[1] += 1
                total[2] = max(total[2], peak)
        clipping = sorted(
            (n for n, t in totals.items() if t[0] >= self.min_clips and t[1] >= self.min_seconds),
            key=lambda n: -totals[n][0],
        )
        if self.current is None:
            self._most_clips, self._loudest = 0, FLOOR_DB
        if not clipping:
            if self.current is None:
                return _Verdict(None)
            # The window is clean again while the hysteresis holds the finding: quote the episode, not "in the
            # last 10 s" about seconds without a clip.
            return _Verdict(
                None,
                fields={"clips": self._most_clips, "peak_db": self._loudest},
                template=CLIPPING_EASING,
            )
        self._most_clips = max(self._most_clips, int(totals[clipping[0]][0]))
        self._loudest = max(self._loudest, max(totals[n][2] for n in clipping))
        return _Verdict(
            Severity.WARNING,
            fields={
                **_names(clipping),
                "clips": int(totals[clipping[0]][0]),
                "peak_db": max(totals[n][2] for n in clipping),
            },
            template=QT_TRANSLATE_NOOP(
                "Health",
                "“{inputs}” is clipping: its peaks reached {peak_db:.1f} dBFS {clips} times in the last 10 s. "
                "Viewers hear distortion.",
            ),
            remedies=(
                QT_TRANSLATE_NOOP(
                    "Health", "Lower the gain at the microphone or audio interface first, then the input's fader."
                ),
                QT_TRANSLATE_NOOP("Health", "Add a limiter filter to the input in OBS (threshold about −6 dB)."),
            ),
        )


def audio_rules() -> tuple[_Rule, ...]:
    return (MicMuted(), MicSilent(), Clipping(), ProductSilent(), OnAirSilent())
