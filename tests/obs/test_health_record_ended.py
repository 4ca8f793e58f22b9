"""A silence (or clipping) episode that ended because the stream stopped or OBS went out of sight reads so in the
records, not "it was heard again at its end" (the finding's "ended" field, obs/health.py Ended), in both languages."""

from __future__ import annotations

import string

from obs.health import Ended, Finding
from obs.health_audio import (
    CLIPPING_EASING,
    MIC_SILENT_EASING,
    ON_AIR_SILENT_EASING,
    PRODUCT_SILENT_EASING,
    InputLevels,
)
from obs.health_record import ENDED_RECORD_WORDS, RECORD_WORDS, as_recorded
from tests.language import chinese
from tests.obs.test_health_audio import MIC, TALKING, Show

DEAD = {**TALKING, MIC: InputLevels(20, -100.0, -100.0, 0)}
HEARD_AGAIN = ("heard again at its end", "结束时已重新")


def closed(show: Show) -> Finding:
    (finding,) = [f for f in show.engine.timeline() if f.id == "mic_silent"]
    assert not finding.active
    return finding


def recorded(finding: Finding) -> tuple[str, str]:
    template = as_recorded(finding.template, finding.fields.get("ended"))
    return finding.explain(template), finding.explain(chinese()("Health", template))


def test_a_silent_mic_when_the_stream_stopped_was_not_heard_again_in_the_records() -> None:
    finding = closed(Show().run(10, heard=TALKING).run(15, heard=DEAD).run(5, heard=DEAD, streaming=0.0))
    assert finding.fields["ended"] == Ended.STREAM_STOPPED
    assert finding.template == MIC_SILENT_EASING, "held open by the hysteresis in the words of a sound heard again"
    english, zh = recorded(finding)
    assert "the episode ended when the stream stopped" in english and MIC in english, english
    assert "推流停止，本次问题随之结束" in zh and MIC in zh, zh
    assert not any(words in english or words in zh for words in HEARD_AGAIN), (english, zh)


def test_a_silence_easing_when_obs_went_out_of_sight_reads_that_obs_went_out_of_sight() -> None:
    show = Show().run(10, heard=TALKING).run(15, heard=DEAD).run(1, heard=TALKING)
    finding = closed(show.run(12, link_ok=False))
    assert finding.fields["ended"] == Ended.OBS_GONE and finding.template == MIC_SILENT_EASING
    english, zh = recorded(finding)
    assert "the episode ended when OBS went out of sight" in english, english
    assert "与 OBS 失去联系，本次问题随之结束" in zh, zh
    assert not any(words in english or words in zh for words in HEARD_AGAIN), (english, zh)


def test_a_silent_mic_heard_again_on_air_still_reads_heard_again() -> None:
    finding = closed(Show().run(10, heard=TALKING).run(15, heard=DEAD).run(5, heard=TALKING))
    assert "ended" not in finding.fields
    english, zh = recorded(finding)
    assert HEARD_AGAIN[0] in english and HEARD_AGAIN[1] in zh, (english, zh)


def test_every_ended_wording_keeps_the_figures_and_says_how_it_ended_in_both_languages() -> None:
    translate = chinese()
    said = {
        Ended.STREAM_STOPPED: ("ended when the stream stopped", "推流停止"),
        Ended.OBS_GONE: ("ended when OBS", "OBS"),
    }
    assert {live for live, _ in ENDED_RECORD_WORDS} == {
        MIC_SILENT_EASING,
        PRODUCT_SILENT_EASING,
        ON_AIR_SILENT_EASING,
        CLIPPING_EASING,
    }
    for (live, ended), record in ENDED_RECORD_WORDS.items():
        fields = {name for _, name, _, _ in string.Formatter().parse(record) if name}
        assert fields == {name for _, name, _, _ in string.Formatter().parse(live) if name}, record
        zh = translate("Health", record)
        assert zh != record and zh != translate("Health", RECORD_WORDS[live]), zh
        assert said[Ended(ended)][0] in record and said[Ended(ended)][1] in zh, (record, zh)
        assert as_recorded(live, ended) == record
        assert as_recorded(live) == RECORD_WORDS[live], "an episode that eased reads as before"
