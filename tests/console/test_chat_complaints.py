"""Keyword alerts: which comments complain of what, the distinct-viewers-in-a-window rule, the audience-reports
finding in the health engine and its join to the technical finding of the same moment; and the Done-means case
live: the simulator's microphone muted on program while three viewers write "没声音" through a real WebSocket
comment source → the Health findings name the muted microphone."""

from __future__ import annotations

import asyncio
import json
from contextlib import ExitStack
from typing import Any

import pytest

from console.core.chat.complaints import MEANINGS, ComplaintWatcher, FeedComplaints, complaint_kinds
from console.core.chat.config import ChatConfig, ChatSourceConfig
from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.feed import ChatFeed
from console.core.chat.mapping import FieldMap
from console.core.chat.room import RoomChat
from console.core.review.bundle import bundle_show
from console.core.storage import Storage
from console.core.telemetry.monitor import Monitor
from console.settings import KEYS
from obs.clock import ManualClock
from obs.health import Finding, HealthEngine
from obs.health_audience import _CAUSES, KINDS, AudienceReports
from obs.health_audio import AudioInput, AudioSecond, InputLevels
from obs.simulator.scenarios import SCENARIOS, run_scenario
from obs.simulator.server import ObsSimulator, SimulatorThread
from tests.chat_servers import JsonLinesWebSocket
from tests.conftest import PASSWORD, wait_until
from tests.console.test_health_live import one_second
from tests.console.test_review_shows import T0, a_show
from tests.language import chinese


def said(user: str, text: str, t: float, **extra: Any) -> ChatEvent:
    return ChatEvent("websocket", "tool", ChatKind.COMMENT, user, user, text, t=t, **extra)


# ---------------------------------------------------------------------- which comments complain of what
@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("主播没声音了？", {"sound"}),
        ("听不到啊", {"sound"}),
        ("No Sound!!", {"sound"}),
        ("ＮＯ ＳＯＵＮＤ", {"sound"}),  # full-width letters, as Chinese keyboards type them
        ("黑屏了", {"picture"}),
        ("black screen here", {"picture"}),
        ("好卡啊", {"lag"}),
        ("卡了卡了", {"lag"}),
        ("卡卡卡", {"lag"}),
        ("卡", {"lag"}),
        ("延迟好高", {"lag"}),
        ("so much LAG 😭", {"lag"}),
        ("buffering…", {"lag"}),
        # Not complaints: "卡" inside other words, Latin words containing a keyword.
        ("卡粉丝灯牌", set()),
        ("信用卡能用吗", set()),
        ("卡片送一张", set()),
        ("nice flag", set()),
        ("主播好美", set()),
    ],
)
def test_a_comment_complains_of_what_its_keywords_mean(text: str, kinds: set[str]) -> None:
    assert complaint_kinds(text) == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("I can't hear anything", {"sound"}),
        ("I can’t hear anything", {"sound"}),  # a phone's curly apostrophe
        ("cant hear u", {"sound"}),
        ("Can not hear", {"sound"}),
        ("there's no sound??", {"sound"}),
        ("NO AUDIO", {"sound"}),
        ("is the mic muted?", {"sound"}),
        ("听不见", {"sound"}),
        ("听不到啊", {"sound"}),
        ("主播静音了", {"sound"}),
        ("没声了", {"sound"}),
        ("声音没了？", {"sound"}),
        ("画面卡住了", {"picture", "lag"}),
        ("一直在缓冲", {"lag"}),
        ("转圈圈", {"lag"}),
        ("stuttering", {"lag"}),
        ("卡了就退了", {"lag"}),  # "lagged, so I left": a complaint, not a condition
        # Not complaints.
        ("unmuted now", set()),  # English keywords match whole words
        ("信用卡", set()),
        ("信用卡能用吗", set()),
        # A condition, not a complaint: the host's "if you can't hear, type 1", echoed by a viewer.
        ("听不见就刷1", set()),
        ("听不到的扣1", set()),
        ("卡顿的话刷新一下", set()),
        ("if you can't hear, type 1", set()),
    ],
)
def test_the_default_keywords_catch_the_common_phrasings(text: str, kinds: set[str]) -> None:
    """walk23: the default list missed "I can't hear anything", 听不见, 静音了 …; it holds every phrasing the README's
    "Viewers reporting a problem" promises, each with its meaning."""
    defaults = str(KEYS["chat/keywords"].default).split("|")
    assert [word for word in defaults if word not in MEANINGS] == []  # a word without a meaning would only highlight
    assert complaint_kinds(text, defaults) == kinds


def test_only_the_teams_keywords_count() -> None:
    assert complaint_kinds("没声音", ("黑屏",)) == set()
    assert complaint_kinds("没声音", ("没声音",)) == {"sound"}
    assert complaint_kinds("主播唱歌", ("唱歌",)) == set()  # a word without a known meaning only highlights


# ---------------------------------------------------------------------- the rule
def test_three_distinct_viewers_within_the_window_report_one_kind() -> None:
    watcher = ComplaintWatcher()
    watcher.add(said("a", "没声音", 100.0))
    watcher.add(said("a", "没声音！！", 101.0))  # the same viewer twice counts once
    watcher.add(said("b", "no sound", 102.0))
    assert watcher.reports(102.0)["sound"].viewers == 2
    watcher.add(said("c", "听不到", 150.0))
    report = watcher.reports(150.0)["sound"]
    assert (report.viewers, report.complaints, report.example) == (3, 4, "听不到")
    # 61 s after the first viewer, only two remain in the window.
    assert watcher.reports(161.0)["sound"].viewers == 2
    assert watcher.reports(250.0) == {}


def test_the_hosts_and_staffs_own_messages_never_count() -> None:
    watcher = ComplaintWatcher(own_names=("小助理",))
    watcher.add(said("h", "没声音吗？", 1.0, host=True))
    watcher.add(said("m", "没声音的话刷新", 1.0, moderator=True))
    watcher.add(said("s", "没声音", 1.0, staff=True))
    watcher.add(said("小助理", "大家听不到吗", 1.0))
    watcher.add(said("v", "没声音", 1.0))
    assert watcher.reports(1.0)["sound"].viewers == 1


def test_gifts_and_viewers_on_different_platforms_are_told_apart() -> None:
    watcher = ComplaintWatcher()
    watcher.add(ChatEvent("bilibili", "b", ChatKind.GIFT, "x", "x", "没声音", t=1.0))
    watcher.add(ChatEvent("bilibili", "b", ChatKind.COMMENT, "1", "a", "没声音", t=1.0))
    watcher.add(ChatEvent("twitch", "t", ChatKind.COMMENT, "1", "a", "no sound", t=1.0))
    assert watcher.reports(1.0)["sound"].viewers == 2


def test_the_feed_reader_counts_each_event_once_at_the_second_it_reads_it() -> None:
    feed = ChatFeed()
    reader = FeedComplaints(feed)
    feed.add(said("a", "没声音", t=9999.0))  # a source's own clock: not the reader's
    assert reader.reports(10.0)["sound"].viewers == 1
    assert reader.reports(11.0)["sound"].complaints == 1
    assert reader.reports(71.0) == {}


# ---------------------------------------------------------------------- the finding and its join
def mic(muted: bool) -> AudioSecond:
    return AudioSecond(
        (AudioInput("麦克风", "pulse_input_capture", "mic", muted, True, None, InputLevels(20, -20, -10, 0)),)
    )


def feed_second(engine: HealthEngine, watcher: ComplaintWatcher, t: float, muted: bool) -> list[Any]:
    engine.audio = mic(muted)
    engine.complaints = watcher.reports(t)
    return engine.feed(t, {"streaming": 1.0, "fps": 30.0, "fps_target": 30.0})


def audience(engine: HealthEngine) -> list[Any]:
    return [f for f in engine.active() if f.id == "audience_reports"]


def test_viewers_reporting_no_sound_open_a_warning_joined_to_the_muted_microphone_and_close_when_they_stop() -> None:
    engine, watcher = HealthEngine(), ComplaintWatcher()
    for t in range(1, 6):
        feed_second(engine, watcher, float(t), muted=False)
    watcher.add(said("a", "没声音", 6.0))
    watcher.add(said("b", "没声音", 6.0))
    feed_second(engine, watcher, 6.0, muted=False)
    assert audience(engine) == []  # two viewers are not yet a report
    watcher.add(said("c", "听不到", 7.0))
    feed_second(engine, watcher, 7.0, muted=False)
    (alone,) = audience(engine)
    assert (alone.severity, alone.category, alone.fields["viewers"], alone.fields["cause"]) == (
        "warning",
        "audio",
        3,
        "",
    )
    assert alone.message.startswith("Viewers report no sound: 3 in the audience said so within a minute")
    # The microphone is muted from now: its own finding opens after 3 s, and the viewers' finding names it.
    for t in range(8, 12):
        feed_second(engine, watcher, float(t), muted=True)
    (joined,) = audience(engine)
    assert joined.first_seen == alone.first_seen  # still one finding
    assert (joined.fields["cause"], joined.fields["cause_inputs"]) == ("mic_muted", "麦克风")
    assert joined.message.startswith(
        "Viewers report no sound — the microphone “麦克风” is muted: 3 in the audience said so"
    )
    # The complaints stop: the finding stays while any remains in the minute, then closes.
    for t in range(12, 67):
        feed_second(engine, watcher, float(t), muted=True)
    assert len(audience(engine)) == 1
    changes = feed_second(engine, watcher, 68.0, muted=True)
    assert audience(engine) == []
    assert any(c.kind == "closed" and c.finding.id == "audience_reports" for c in changes)


def test_no_comments_read_means_no_audience_finding_and_kinds_are_separate_findings() -> None:
    engine, watcher = HealthEngine(), ComplaintWatcher()
    engine.complaints = None
    engine.feed(1.0, {"streaming": 1.0})
    assert audience(engine) == []
    for user in "abc":
        watcher.add(said(user, "好卡", 2.0))
        watcher.add(said(user, "黑屏了", 2.0))
    feed_second(engine, watcher, 2.0, muted=False)
    found = {f.fields["complaint"]: f for f in audience(engine)}
    assert set(found) == {"lag", "picture"}
    assert found["lag"].category == "network" and found["picture"].category == "render"


def test_every_audience_template_formats_with_its_evidence() -> None:
    """Each kind of complaint joined to each technical finding that explains it: the message reads whole."""
    for kind, causes in _CAUSES.items():
        for cause, _ in causes:
            engine, watcher = HealthEngine(), ComplaintWatcher()
            rule = next(r for r in engine.rules if r.id == cause)
            rule.current = Finding(cause, "x", "warning", "", {"inputs": "麦克风"}, (), 0.0, 0.0, 0.0, 0.0)
            words = {"sound": "没声音", "picture": "黑屏", "lag": "好卡"}
            for user in "abc":
                watcher.add(said(user, words[kind], 1.0))
            engine.complaints = watcher.reports(1.0)
            (mine,) = [r for r in engine.rules if isinstance(r, AudienceReports) and r.kind == kind]
            verdict = mine.verdict(engine)
            message = Finding("a", "x", "warning", verdict.template, verdict.fields, (), 0, 0, 0, 0).message
            assert verdict.fields["cause"] == cause, (kind, cause)
            assert "{" not in message and verdict.fields["example"] in message, message
            # Said right whatever the count (a finding resumed from an earlier console's row may hold any).
            one = Finding("a", "x", "warning", verdict.template, {**verdict.fields, "viewers": 1}, (), 0, 0, 0, 0)
            assert " 1 in the audience said so " in one.message and "viewers said" not in one.message, one.message
    assert set(_CAUSES) == set(KINDS)


def test_a_stored_audience_finding_keeps_the_most_viewers_at_once_not_its_last_decayed_second(
    storage: Storage,
) -> None:
    """walk23: three viewers said "没声音" with the microphone muted; the Health dock said 3, the review read "1
    viewers said so" — the finding was stored with its last second's evidence as the complaints aged out of the
    minute. Stored as the telemetry writer stores it (each change's row), read back through the review bundle."""
    show = a_show(storage, "一号直播间", T0, 120)
    t0 = T0.timestamp()
    now = [0.0]
    engine, watcher = HealthEngine(wall=lambda: t0 + now[0]), ComplaintWatcher()
    rows: list[dict[str, Any]] = []
    live: list[int] = []
    for t in range(1, 80):
        now[0] = float(t)
        for viewer, when, text in (("甲", 2, "没声音"), ("乙", 3, "没声音了"), ("丙", 4, "听不到")):
            if t == when:
                watcher.add(said(viewer, text, float(t)))
        changes = feed_second(engine, watcher, float(t), muted=True)
        rows += [c.finding.to_row() for c in changes if c.finding.id == "audience_reports"]
        rows += [f.to_row() for f in audience(engine)]  # rewritten while it changes
        live += [f.fields["viewers_now"] for f in audience(engine)]
    assert audience(engine) == []  # closed once a whole minute passed without a complaint
    assert {3, 2, 1} <= set(live)  # the count in the window fell as the complaints aged out
    storage.add_telemetry(show, [], [], rows)

    (episode,) = [e for e in bundle_show(storage, show).data.episodes if e.finding == "audience_reports"]
    assert (episode.message.fields["viewers"], episode.message.fields["example"]) == (3, "听不到")
    assert episode.message.explain() == (
        "Viewers report no sound — the microphone “麦克风” is muted: 3 in the audience said so within a minute "
        "(“听不到”)."
    )
    assert episode.message.in_language(chinese()) == (
        "观众反映没声音——麦克风“麦克风”已静音：一分钟内有 3 位观众这样说（“听不到”）。"
    )


def test_a_stored_audience_finding_lasts_as_long_as_it_was_open(storage: Storage) -> None:
    """fix23m: three viewers wrote "没声音" with the microphone muted; the finding stayed open until a whole minute
    passed without a complaint, yet the stored row kept last_seen at the second it opened and the review, PDF and
    workbook said the incident lasted 0:00:01. Written second by second as the show writer writes it (each change's
    row, then every open finding's), read back from the database and through the review bundle."""
    show = a_show(storage, "一号直播间", T0, 120)
    t0 = T0.timestamp()
    now = [0.0]
    engine, watcher = HealthEngine(wall=lambda: t0 + now[0]), ComplaintWatcher()
    opened = closed = None
    for t in range(1, 80):
        now[0] = float(t)
        for viewer, when, text in (("甲", 2, "没声音"), ("乙", 3, "没声音了"), ("丙", 4, "听不到")):
            if t == when:
                watcher.add(said(viewer, text, float(t)))
        changes = feed_second(engine, watcher, float(t), muted=True)
        mine = [c for c in changes if c.finding.id == "audience_reports"]
        opened = next((t0 + t for c in mine if c.kind == "opened"), opened)
        closed = next((t0 + t for c in mine if c.kind == "closed"), closed)
        rows = [c.finding.to_row() for c in changes] + [f.to_row() for f in engine.active()]
        storage.add_telemetry(show, [], [], rows)
    # Open from the third viewer's complaint until the minute after the last one held none.
    assert (opened, closed) == (t0 + 4, t0 + 64)

    (row,) = [r for r in storage.show_findings(show) if r["finding_id"] == "audience_reports"]
    assert not row["active"]
    assert (row["first_seen"], row["last_seen"], row["closed_at"]) == (t0 + 4, t0 + 63, t0 + 64)
    assert "the microphone “麦克风” is muted" in row["message"]
    (episode,) = [e for e in bundle_show(storage, show).data.episodes if e.finding == "audience_reports"]
    assert (episode.start, episode.end, episode.duration_s) == (t0 + 4, t0 + 64, 60.0)


@pytest.mark.parametrize("alone", [False, True])
def test_a_show_stored_before_the_fix_reads_its_audience_incident_as_long_as_it_was_open(
    storage: Storage, onair: Any, alone: bool
) -> None:
    """fix24d: a show stored before fix23m/fix23f (session 22) kept its audience finding's last_seen on the second
    the last complaint came and the count of its last open second, with the earlier words: its review read a
    1-second incident that "1 viewers said so". The row as that console wrote it — first_seen = last_seen, closed
    a minute later (closed_at) — reads open for that minute, and at least the 3 viewers that opened it, in today's
    words, in English and Chinese, in the bundle; `onair report`'s incident spans the minute."""
    from obs.health_audience import _ALONE, _EARLIER_WORDS, SOUND

    show = a_show(storage, "一号直播间", T0, 120)
    t0 = T0.timestamp()
    earlier = _EARLIER_WORDS[9] if alone else _EARLIER_WORDS[0]  # "no sound" alone / with the microphone muted
    fields = {"complaint": "sound", "viewers": 1, "complaints": 1, "example": "听不到", "cause": "", "cause_inputs": ""}
    if not alone:
        fields |= {"cause": "mic_muted", "cause_inputs": "麦克风"}
    row = {
        "key": f"audience_reports@{t0 + 4:.3f}",
        "finding_id": "audience_reports",
        "category": "audio",
        "severity": "warning",
        "peak": "warning",
        "first_seen": t0 + 4,
        "last_seen": t0 + 4,
        "closed_at": t0 + 64,
        "active": False,
        "message": earlier.format(**fields),
        "template": earlier,
        "fields": json.dumps(fields, ensure_ascii=False),
        "remedies": "[]",
    }
    storage.add_telemetry(show, [], [], [row])

    (episode,) = [e for e in bundle_show(storage, show).data.episodes if e.finding == "audience_reports"]
    assert (episode.start, episode.end, episode.duration_s) == (t0 + 4, t0 + 64, 60.0), "open a minute, not 1 s"
    assert episode.message.fields["viewers"] == 3
    if alone:
        assert episode.message.template == _ALONE[SOUND]
        assert episode.message.explain().startswith(
            "Viewers report no sound: 3 in the audience said so within a minute (“听不到”)."
        )
    else:
        assert episode.message.explain() == (
            "Viewers report no sound — the microphone “麦克风” is muted: 3 in the audience said so within a minute "
            "(“听不到”)."
        )
        assert episode.message.in_language(chinese()) == (
            "观众反映没声音——麦克风“麦克风”已静音：一分钟内有 3 位观众这样说（“听不到”）。"
        )
    done = onair("report", "--show", str(show), "--lang", "en", "--database", storage.url)
    assert done.returncode == 0, done.stderr
    from datetime import datetime

    span = "–".join(datetime.fromtimestamp(t).strftime("%H:%M:%S") for t in (t0 + 4, t0 + 64))
    assert f"Viewers report no sound {span}:" in done.stdout, done.stdout


def test_a_finding_stored_since_reads_as_stored() -> None:
    """Today's words and a count above 3 are kept as they are (only the earlier words are read anew)."""
    from obs.health_audience import _EARLIER_WORDS, today_words

    today = _CAUSES["sound"][0][1]
    assert today_words(today, {"viewers": 1}) is None
    assert today_words(_EARLIER_WORDS[0], {"viewers": 7}) == (today, {"viewers": 7})


def test_a_show_stored_with_the_earlier_audience_words_still_reads_in_chinese() -> None:
    """Rows stored before (template "… {viewers} viewers said so in the last minute …") keep their translation."""
    from obs.health_audience import _EARLIER_WORDS
    from obs.text import Message

    for template in _EARLIER_WORDS:
        text = Message(template, {"viewers": 3, "example": "没声音", "cause_inputs": "麦克风"}, "Health")
        assert "最近一分钟有 3 位观众这样说" in text.in_language(chinese())


# ---------------------------------------------------------------------- Done means: live on the simulator
def test_three_viewers_writing_no_sound_while_the_simulators_microphone_is_muted_name_it_in_the_health_findings(
    clock: ManualClock, ws_server: JsonLinesWebSocket
) -> None:
    """The simulator's "muted-mic" scenario (live on 直播中, the host's microphone 麦克风 muted at 5 s) and a team's
    tool pushing comments over a real WebSocket; the monitor's JSON (what `onair monitor` prints) carries the
    finding. In compressed time: each advance of the shared clock is one second of the show."""
    sim = SimulatorThread(password=PASSWORD, seed=5, clock=clock).start()
    chat = RoomChat(ChatConfig((ChatSourceConfig("douyin", "websocket", url=ws_server.url, fields=FieldMap()),)), {})
    try:
        with ExitStack() as stack:
            monitor = stack.enter_context(
                Monitor("127.0.0.1", sim.port, PASSWORD, chat=chat, clock=clock, unresponsive_drop_after=600.0)
            )
            assert monitor.session.wait_connected(10.0)
            # The team's own names (setting chat/own_names): a custom tool's JSON carries no staff mark.
            monitor.room.set_complaint_words(tuple(MEANINGS), ("客服",))
            wait_until(lambda: chat.known and bool(ws_server.connections), 10.0, message="the comment source is OK")

            def play(s: ObsSimulator) -> asyncio.Future[None]:
                return asyncio.ensure_future(run_scenario(s, SCENARIOS["muted-mic"]))

            sim.call(play)
            findings: dict[str, Any] = {}
            for second in range(1, 40):
                if second == 12:
                    for n, viewer in enumerate(("观众甲", "观众乙", "viewer3")):
                        ws_server.push(
                            json.dumps({"user": viewer, "text": "没声音", "id": f"c{n}"}, ensure_ascii=False)
                        )
                    # A staff member answering and a fan-badge comment do not count.
                    ws_server.push(json.dumps({"user": "客服", "text": "没声音吗？", "id": "s1"}, ensure_ascii=False))
                    ws_server.push(json.dumps({"user": "fan", "text": "卡粉丝灯牌", "id": "f1"}, ensure_ascii=False))
                    wait_until(lambda: chat.feed.accepted >= 5, 10.0, message="the comments reached the feed")
                one_second(clock, {"room": monitor})
                _, line = monitor.sample()
                findings = {f["id"]: f for f in line["findings"]}
                if "audience_reports" in findings and findings["audience_reports"]["evidence"].get("cause"):
                    break
    finally:
        sim.stop()
    assert "mic_muted" in findings, findings
    reported = findings["audience_reports"]
    assert reported["severity"] == "warning" and reported["active"]
    assert reported["evidence"]["viewers"] == 3
    assert reported["evidence"]["cause"] == "mic_muted" and reported["evidence"]["cause_inputs"] == "麦克风"
    assert "Viewers report no sound — the microphone “麦克风” is muted" in reported["message"]


def test_the_demo_rooms_simulated_viewers_never_complain_of_a_healthy_stream() -> None:
    """A healthy demo room must not light the Health dock with made-up complaints (it lit "viewers report lag")."""
    from console.core.chat.demo import LINES

    assert [line for line in LINES if complaint_kinds(line)] == []


def test_each_kind_of_audience_report_has_its_own_name_in_the_timeline_the_log_the_review_and_alerts() -> None:
    """Found by use (walk14 F5): the Health dock's show timeline listed "viewers report no sound" and "viewers
    report lag" both as "Viewers report a problem" (观众反映问题) — nothing told which row was which."""
    from console.core.alerts.rules import compose
    from console.core.review.load import Episode
    from obs.text import Message
    from obs.vocabulary import title

    engine, watcher = HealthEngine(), ComplaintWatcher()
    engine.feed(1.0, {"streaming": 1.0})
    for user in "abc":
        watcher.add(said(user, "没声音", 2.0))
        watcher.add(said(user, "好卡", 2.0))
    feed_second(engine, watcher, 2.0, muted=False)
    found = {f.fields["complaint"]: f for f in audience(engine)}
    names = {kind: title(f.id, f.fields) for kind, f in found.items()}
    assert names == {"sound": "Viewers report no sound", "lag": "Viewers report lag"}
    alert = compose("room", found["lag"], "opened", lambda _ctx, text: text, "en")
    assert "Viewers report lag" in alert.title
    episode = Episode(
        "k", found["sound"].id, "audio", "warning", "warning", 2.0, 2.0, None, True,
        Message(found["sound"].template, found["sound"].fields, "Health"),
    )  # fmt: skip
    assert episode.title.explain() == "Viewers report no sound (still open)"  # not closed when read (fix25l)
