"""A finding that closes because its condition no longer applies says why it ended (obs.health.Ended), so nothing
calls it cleared: a microphone still muted when the stream stopped, a problem OBS took out of sight; one whose
figures said fine has no such word."""

from __future__ import annotations

from console.core.alerts.rules import compose
from obs.health import Ended, Finding
from tests.obs.test_health_audio import MIC, TALKING, Show, room

MUTED = room(**{MIC: {"muted": True}})
CHINESE = {
    "[{room}] ended, the stream stopped: {title}": "[{room}] 已结束，推流已停止：{title}",
    "[{room}] resolved: {title}": "[{room}] 已恢复：{title}",
}


def closed(show: Show) -> Finding:
    (finding,) = [f for f in show.engine.timeline() if f.id == "mic_muted"]
    assert not finding.active
    return finding


def test_a_mic_still_muted_when_the_stream_stops_ended_with_the_stream() -> None:
    show = Show().run(10, state=MUTED, heard=TALKING).run(3, state=MUTED, heard=TALKING, streaming=0.0)
    assert show.kinds("mic_muted") == ["opened:critical", "closed:critical"]
    assert closed(show).fields["ended"] == Ended.STREAM_STOPPED


def test_a_mic_muted_while_obs_went_out_of_sight_ended_unknown() -> None:
    show = Show().run(10, state=MUTED, heard=TALKING).run(12, link_ok=False)
    assert closed(show).fields["ended"] == Ended.OBS_GONE


def test_a_mic_unmuted_on_air_cleared_with_no_ending_word() -> None:
    show = Show().run(10, state=MUTED, heard=TALKING).run(3, heard=TALKING)
    assert "ended" not in closed(show).fields


def test_the_alert_after_a_stop_says_ended_not_resolved() -> None:
    show = Show().run(10, state=MUTED, heard=TALKING).run(3, state=MUTED, heard=TALKING, streaming=0.0)
    finding = closed(show)
    english = compose("Room 1", finding, "resolved", lambda context, text: text, "en")
    assert english.headline == "[Room 1] ended, the stream stopped: Microphone muted", english.headline
    chinese = compose("Room 1", finding, "resolved", lambda context, text: CHINESE.get(text, text), "zh_CN")
    assert chinese.headline.startswith("[Room 1] 已结束，推流已停止："), chinese.headline
    assert "已恢复" not in chinese.headline
    cleared = closed(Show().run(10, state=MUTED, heard=TALKING).run(3, heard=TALKING))
    assert compose("Room 1", cleared, "resolved", lambda c, t: t, "en").headline.startswith("[Room 1] resolved: ")
