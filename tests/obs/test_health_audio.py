"""The audio rules on recorded seconds: a muted microphone on air is critical after 3 s and names the input, a
dead one warns after 10 s (but not while a scene without it is on program), repeated clipping warns, a product
video without sound warns — and speech with pauses, a muted mic off program or off air bring nothing."""

from __future__ import annotations

import json
import math
import random
from collections.abc import Mapping
from dataclasses import replace

from obs.health import CATEGORIES, CATEGORY_NAMES, TITLES, Finding, HealthEngine
from obs.health_audio import CLIP_MUL, InputLevels, LevelAggregator, audio_second, default_mics, to_db
from obs.state import InputState, ObsState
from tests.obs.test_health import BASE

MIC = "麦克风"
DESKTOP = "桌面音频"
VIDEO = "商品视频"


def room(**inputs: Mapping[str, object]) -> ObsState:
    """The demo room's audio inputs, each on program and unmuted unless told otherwise."""
    defaults: dict[str, dict[str, object]] = {
        MIC: {"kind": "pulse_input_capture"},
        DESKTOP: {"kind": "pulse_output_capture"},
        VIDEO: {"kind": "ffmpeg_source"},
        "摄像机": {"kind": "v4l2_input", "muted": None},
    }
    built = []
    for name, base in defaults.items():
        fields = {"muted": False, "video_active": True, **base, **inputs.get(name, {})}
        built.append(InputState(name, str(fields.pop("kind")), **fields))  # type: ignore[arg-type]
    return ObsState(connected=True, inputs=tuple(built))


def levels(peak_db: float, clips: int = 0) -> InputLevels:
    return InputLevels(20, peak_db - 6, peak_db, clips)


class Show:
    def __init__(self, mics: tuple[str, ...] = ()) -> None:
        self.engine = HealthEngine("x264", wall=lambda: 1_800_000_000.0 + self.t)
        self.t = 0.0
        self.mics = mics
        self.changes: list[tuple[float, str, str, str]] = []

    def run(
        self,
        seconds: int,
        state: ObsState | None = None,
        heard: dict[str, InputLevels] | None = None,
        streaming: float | None = 1.0,
        link_ok: bool = True,
        speech: random.Random | None = None,
    ) -> Show:
        state = state or room()
        for _ in range(seconds):
            self.t += 1.0
            figures = dict(heard) if heard is not None else {}
            if speech is not None:  # a host talking with pauses of a few seconds between sentences
                figures[MIC] = levels(speech.choice([-12.0, -18.0, -25.0, -40.0, -45.0]))
            self.engine.audio = audio_second(state, figures, self.mics) if link_ok else None
            for change in self.engine.feed(self.t, {**BASE, "streaming": streaming}, link_ok):
                self.changes.append((self.t, change.finding.id, change.kind, change.finding.severity))
        return self

    def kinds(self, finding_id: str) -> list[str]:
        return [f"{kind}:{severity}" for _, fid, kind, severity in self.changes if fid == finding_id]

    def when(self, finding_id: str, kind: str) -> float:
        return next(t for t, fid, k, _ in self.changes if fid == finding_id and k == kind)

    def finding(self, finding_id: str) -> Finding:
        return next(f for f in self.engine.timeline() if f.id == finding_id)


TALKING = {MIC: levels(-15.0), DESKTOP: levels(-30.0), VIDEO: levels(-20.0)}


def test_a_healthy_show_with_speech_pauses_brings_no_audio_finding() -> None:
    show = Show().run(600, heard={DESKTOP: levels(-30.0), VIDEO: levels(-20.0)}, speech=random.Random(5))
    assert show.changes == []
    assert show.engine.levels()["audio"] is None


def test_a_muted_microphone_on_air_is_critical_after_3_s_names_it_and_clears_when_unmuted() -> None:
    show = Show().run(10, heard=TALKING).run(6, state=room(**{MIC: {"muted": True}}), heard=TALKING)
    assert show.kinds("mic_muted") == ["opened:critical"]
    assert show.when("mic_muted", "opened") == 13, "critical after 3 s, not at once"
    finding = show.finding("mic_muted")
    assert finding.category == "audio" and finding.fields["input"] == MIC and finding.fields["names"] == [MIC]
    assert f"“{MIC}” is muted while the stream is live" in finding.message
    assert any("Unmute" in remedy for remedy in finding.remedies)
    assert show.engine.levels()["audio"] == "critical"
    show.run(2, heard=TALKING)
    assert show.kinds("mic_muted") == ["opened:critical", "closed:critical"]
    assert show.when("mic_muted", "closed") == 17, "unmuting clears it on the next second"


def test_a_muted_microphone_is_no_finding_off_air_or_while_a_scene_without_it_is_on_program() -> None:
    muted = room(**{MIC: {"muted": True}})
    show = Show().run(30, state=muted, heard=TALKING, streaming=0.0)
    show.run(30, state=room(**{MIC: {"muted": True, "video_active": False}}), heard=TALKING)
    assert show.changes == []


def test_which_input_is_the_microphone_is_the_rooms_setting_else_mic_or_麦_in_an_audio_capture_name() -> None:
    state = ObsState(
        inputs=(
            InputState("Mic/Aux", "pulse_input_capture", muted=True, video_active=True),
            InputState("嘉宾麦", "wasapi_input_capture", muted=False),
            InputState("Desktop Audio", "pulse_output_capture", muted=False),
            InputState("mic clip", "ffmpeg_source", muted=False),  # a media file, not a microphone
            InputState("Host", "coreaudio_input_capture", muted=True, video_active=True),
        )
    )
    assert default_mics(state) == ("Mic/Aux", "嘉宾麦")
    detected = Show().run(5, state=state, heard={"Mic/Aux": levels(-20.0)})
    assert detected.finding("mic_muted").fields["names"] == ["Mic/Aux"]
    chosen = Show(mics=("Host",)).run(5, state=state, heard={"Host": levels(-20.0)})
    assert chosen.finding("mic_muted").fields["names"] == ["Host"], "the room's setting replaces detection"


def test_a_dead_microphone_warns_after_10_s_turns_critical_at_30_and_clears_when_heard() -> None:
    dead = {**TALKING, MIC: InputLevels(20, -100.0, -100.0, 0)}
    show = Show().run(10, heard=TALKING).run(35, heard=dead)
    assert show.kinds("mic_silent") == ["opened:warning", "raised:critical"]
    assert show.when("mic_silent", "opened") == 20
    assert show.when("mic_silent", "raised") == 40
    finding = show.finding("mic_silent")
    assert finding.fields["input"] == MIC and finding.fields["level_db"] == -100.0
    assert "below −50 dBFS for 35 s" in finding.message, "the evidence follows the silence"
    show.run(3, heard=TALKING)
    assert show.kinds("mic_silent")[-1] == "closed:critical"


def test_a_silent_microphone_is_no_finding_while_a_scene_without_it_is_on_program() -> None:
    dead = {**TALKING, MIC: levels(-88.0)}
    show = Show().run(60, state=room(**{MIC: {"video_active": False}}), heard=dead)
    assert "mic_silent" not in {fid for _, fid, _, _ in show.changes}
    show.run(12, heard=dead)  # the host's scene comes on: now it matters
    assert show.kinds("mic_silent") == ["opened:warning"]
    assert show.when("mic_silent", "opened") == 70, "counted from when the microphone came on program"


def test_clipping_once_is_nothing_but_repeated_clipping_warns_with_the_peak() -> None:
    show = Show().run(5, heard=TALKING).run(1, heard={**TALKING, MIC: levels(-0.1, clips=2)}).run(20, heard=TALKING)
    assert show.changes == [], "one loud second is not clipping 'repeatedly'"
    for _ in range(6):
        show.run(1, heard={**TALKING, MIC: levels(-0.2, clips=3)}).run(1, heard=TALKING)
    assert show.kinds("clipping") == ["opened:warning"]
    finding = show.finding("clipping")
    assert finding.fields["input"] == MIC and finding.fields["peak_db"] == -0.2
    assert "−0.2 dBFS" in finding.message and "times in the last 10 s" in finding.message
    show.run(20, heard=TALKING)
    assert show.kinds("clipping") == ["opened:warning", "closed:warning"]


def test_a_product_video_without_sound_warns_unless_the_desktop_audio_carries_it() -> None:
    video_on = room(**{VIDEO: {"media_playing": True}})
    silent = {MIC: levels(-15.0), VIDEO: InputLevels(20, -100.0, -100.0, 0), DESKTOP: levels(-70.0)}
    show = Show().run(12, state=video_on, heard=silent)
    assert show.kinds("product_silent") == ["opened:warning"]
    assert show.finding("product_silent").fields["input"] == VIDEO
    carried = Show().run(30, state=video_on, heard={**silent, DESKTOP: levels(-20.0)})
    assert carried.changes == [], "played in a browser: the desktop audio carries its sound"
    ended = Show().run(30, state=room(**{VIDEO: {"media_playing": False}}), heard=silent)
    assert ended.changes == [], "a video that ended is not expected to sound"
    off = Show().run(30, state=room(**{VIDEO: {"video_active": False}}), heard=silent)
    assert off.changes == [], "a video off program is not heard anyway"


def test_a_muted_microphone_stays_flagged_while_obs_is_briefly_out_of_sight() -> None:
    show = Show().run(5, state=room(**{MIC: {"muted": True}}), heard=TALKING)
    show.run(5, link_ok=False)
    assert show.kinds("mic_muted") == ["opened:critical"], "nothing says it was unmuted"
    show.run(10, link_ok=False)
    assert show.kinds("mic_muted") == ["opened:critical", "closed:critical"], "long unknown: no longer claimed"


def test_the_meter_aggregator_keeps_the_loudest_peak_and_counts_clipping_readings() -> None:
    aggregator = LevelAggregator()
    for peak in (0.1, 0.5, 0.97, 0.2, 1.0):
        aggregator.add([{"inputName": MIC, "inputLevelsMul": [[peak / 2, peak, peak], [0.0, 0.0, 0.0]]}])
    aggregator.add([{"inputName": "dead", "inputLevelsMul": []}, {"bogus": 1}, "junk"])
    second = aggregator.take()
    assert second[MIC].readings == 5 and second[MIC].clips == 2
    assert math.isclose(second[MIC].peak_db, 0.0) and math.isclose(second[MIC].level_db, 20 * math.log10(0.5))
    assert second["dead"].peak_db == -100.0, "an input with no audio data is silence, not unknown"
    assert aggregator.take() == {}, "each second starts afresh"


def test_audio_is_a_category_with_a_name_and_every_audio_finding_has_a_title_and_json_evidence() -> None:
    assert "audio" in CATEGORIES and CATEGORY_NAMES["audio"] == "Audio"
    show = Show().run(
        40,
        state=room(**{MIC: {"muted": True}, VIDEO: {"media_playing": True}}),
        heard={MIC: levels(-0.1, clips=5), VIDEO: levels(-90.0), DESKTOP: levels(-90.0)},
    )
    ids = {f.id for f in show.engine.active()}
    assert ids == {"mic_muted", "product_silent"}, ids  # a muted mic is not also "clipping"
    show.run(40, heard={MIC: levels(-0.1, clips=5)}).run(12, heard={MIC: levels(-90.0)})
    usb_only = ObsState(connected=True, inputs=(InputState("USB Audio", "pulse_input_capture", muted=True),))
    show.run(12, state=usb_only, heard={"USB Audio": levels(-100.0)})  # nothing heard, no microphone known
    seen = {f.id for f in show.engine.timeline()}
    # Viewers' reports of no sound light the audio category too: tests/console/test_chat_complaints.py.
    assert seen == {r.id for r in show.engine.rules if r.category == "audio" and r.id != "audience_reports"}, seen
    for finding in show.engine.timeline():
        assert finding.id in TITLES and "{" not in finding.message
        json.dumps(finding.to_json(), allow_nan=False)


def _figures_as_first_written(readings: list[object]) -> dict[str, list[float]]:
    """The aggregator's reduction as it was first written (lists, generators, max), kept to hold the fast loop to."""
    acc: dict[str, list[float]] = {}
    for inputs in readings:
        for entry in inputs:  # type: ignore[attr-defined]
            if not isinstance(entry, dict) or not isinstance(entry.get("inputName"), str):
                continue
            levels = entry.get("inputLevelsMul")
            channels = [c for c in levels if isinstance(c, list) and len(c) >= 2] if isinstance(levels, list) else []
            magnitude = max((float(c[0]) for c in channels), default=0.0)
            peak = max((float(c[1]) for c in channels), default=0.0)
            figures = acc.setdefault(entry["inputName"], [0, 0.0, 0.0, 0])
            figures[0] += 1
            figures[1] = max(figures[1], magnitude)
            figures[2] = max(figures[2], peak)
            figures[3] += peak >= CLIP_MUL
    return acc


def test_the_meters_second_reads_the_same_as_first_written_for_any_readings() -> None:
    """A guard of the 20 Hz loop's rewrite: readings with odd shapes (no channels, one value, a dict where a channel
    belongs, silence, clipping) give the same second, input by input."""
    rng = random.Random(7)
    odd: list[object] = [[], [0.5], {"x": 1}, "loud", [0.0, 0.0, 0.0], [1.0, 1.2, 1.0]]
    for _ in range(300):
        readings: list[object] = []
        for _ in range(rng.randint(1, 25)):
            inputs: list[object] = []
            for name in rng.sample(["Mic", "Desktop", "Clip", 5, None], rng.randint(0, 4)):
                channels = [
                    rng.choice(odd) if rng.random() < 0.15 else [rng.random() * 1.1 for _ in range(3)]
                    for _ in range(rng.randint(0, 3))
                ]
                inputs.append({"inputName": name, "inputLevelsMul": channels if rng.random() > 0.05 else "none"})
            inputs.append("not an input")
            readings.append(inputs)
        aggregator = LevelAggregator()
        for reading in readings:
            aggregator.add(reading)  # type: ignore[arg-type]
        expected = {
            name: InputLevels(int(a[0]), to_db(a[1]), to_db(a[2]), int(a[3]))
            for name, a in _figures_as_first_written(readings).items()
        }
        assert aggregator.take() == expected


def test_a_product_video_that_is_the_only_sound_on_air_says_so_and_is_critical_when_silent() -> None:
    """Found by use on a real OBS whose only audio is a media source: muted on air, it was a mere warning that
    blamed "it and the desktop audio" — there was no desktop audio, and viewers heard nothing at all."""
    clip = InputState("Clip", "ffmpeg_source", muted=True, video_active=True, media_playing=True)
    only = ObsState(connected=True, inputs=(clip,))
    show = Show().run(12, state=only, heard={"Clip": InputLevels(20, -100.0, -100.0, 0)})
    assert show.kinds("product_silent") == ["opened:critical"]
    finding = show.finding("product_silent")
    text = finding.explain(finding.template)
    assert "desktop" not in text and "nothing else on air makes a sound" in text, text
    assert "is muted in OBS" in text, "walk12: a video muted by hand was said to play 'without sound'"
    assert finding.remedies[0].startswith("Unmute it")
    unmuted = replace(clip, muted=False)
    dead = Show().run(12, state=ObsState(connected=True, inputs=(unmuted,)), heard={"Clip": levels(-100.0)})
    said = dead.finding("product_silent")
    assert "makes no sound" in said.explain(said.template) and "muted" not in said.explain(said.template)
    # With a microphone heard beside it, the silent video is a warning, and the desktop audio is not named.
    mic = InputState(MIC, "pulse_input_capture", muted=False, video_active=True)
    talking = Show().run(
        12, state=ObsState(connected=True, inputs=(clip, mic)), heard={MIC: levels(-15.0), "Clip": levels(-100.0)}
    )
    assert talking.kinds("product_silent") == ["opened:warning"]
    said = talking.finding("product_silent")
    assert "desktop" not in said.explain(said.template)


def test_a_stream_with_nothing_audible_and_no_microphone_the_console_knows_is_critical() -> None:
    """The console knows a microphone by the room's setting or by "mic"/"麦" in an audio capture's name: a capture
    called "USB Audio" muted on air was no finding at all. With no microphone or playing video on program to speak
    for it, every input on air muted or silent for 10 s while streaming is "viewers hear nothing"."""
    usb = InputState("USB Audio", "pulse_input_capture", muted=True, video_active=True)
    desktop = InputState(DESKTOP, "pulse_output_capture", muted=False, video_active=True)
    state = ObsState(connected=True, inputs=(usb, desktop))
    show = Show().run(12, state=state, heard={"USB Audio": levels(-100.0), DESKTOP: levels(-80.0)})
    assert show.kinds("on_air_silent") == ["opened:critical"]
    finding = show.finding("on_air_silent")
    assert "USB Audio" in finding.explain(finding.template) and finding.fields["seconds"] >= 10
    # Heard again: it closes. Off air, or a microphone the console knows on program (its own rules speak): nothing.
    heard = show.run(
        5, state=replace(state, inputs=(replace(usb, muted=False), desktop)), heard={"USB Audio": levels(-12.0)}
    )
    assert heard.kinds("on_air_silent")[-1].startswith("closed")
    assert Show().run(30, state=state, heard={"USB Audio": levels(-100.0)}, streaming=0.0).changes == []
    muted_mic = room(**{MIC: {"muted": True}})
    both = Show().run(30, state=muted_mic, heard={MIC: levels(-100.0), DESKTOP: levels(-80.0), VIDEO: levels(-80.0)})
    assert both.kinds("on_air_silent") == [] and both.kinds("mic_muted") == ["opened:critical"]


def test_a_silent_product_video_beside_another_video_that_is_heard_is_a_warning_not_silence_on_air() -> None:
    """tech16, on a real OBS 29.0.2: a media source whose file is missing (OBS still says it plays) beside a looping
    clip with a loud tone was critical — "nothing else on air makes a sound: viewers hear silence" — while the Audio
    dock showed the clip at −18 dBFS: the other playing video was left out of what is heard."""
    missing = InputState("Product video", "ffmpeg_source", muted=False, video_active=True, media_playing=True)
    clip = InputState("Clip", "ffmpeg_source", muted=False, video_active=True, media_playing=True)
    state = ObsState(connected=True, inputs=(missing, clip))
    show = Show().run(12, state=state, heard={"Product video": levels(-100.0), "Clip": levels(-18.0)})
    assert show.kinds("product_silent") == ["opened:warning"]
    finding = show.finding("product_silent")
    text = finding.explain(finding.template)
    assert "Product video" in text and "Clip" not in text and "nothing else on air" not in text, text
    # Both silent: viewers do hear silence.
    both = Show().run(12, state=state, heard={"Product video": levels(-100.0), "Clip": levels(-100.0)})
    assert both.kinds("product_silent") == ["opened:critical"]


def test_obs_out_of_sight_a_moment_neither_clears_a_silence_finding_nor_restarts_its_count() -> None:
    """tech17, a real OBS SIGSTOPped for 9 s: "Product video cannot be played: cleared" 2 s into the freeze, and the
    same missing file opened a new finding 10 s after the thaw. Unknown seconds pause the rule; 10 of them close it."""
    missing = room(**{VIDEO: {"media_playing": True, "media_unplayable": True, "media_file": "/media/usb/a.mp4"}})
    heard = {MIC: levels(-15.0), DESKTOP: levels(-30.0)}
    show = Show().run(15, missing, heard)
    assert show.kinds("product_silent") == ["opened:warning"]
    show.run(9, missing, heard, link_ok=False)
    show.run(1, missing, heard)
    assert show.kinds("product_silent") == ["opened:warning"], "no 'cleared' while OBS was out of sight"
    assert show.engine.active()[0].fields["seconds"] >= 15, "the count went on after the thaw, not from zero"
    show.run(10, missing, heard, link_ok=False)
    assert show.kinds("product_silent") == ["opened:warning", "closed:warning"], "out of sight 10 s: closed"
