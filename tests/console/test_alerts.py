"""Alerts to the team's chat: each platform's documented payload and signature (checked by a local server that
recomputes the signature itself), their documented errors, and the rules: per room, severity and on-air,
one alert per finding episode with a "resolved" follow-up, each destination within its platform's limit."""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from console.core import logsafe
from console.core.alerts import config as alert_config
from console.core.alerts.config import AlertConfig, AlertConfigError, Credentials, Destination
from console.core.alerts.rules import MAX_ATTEMPTS, RETRY_S, AlertRouter
from console.core.alerts.sender import Sender
from obs.clock import ManualClock
from obs.health import Change, Finding
from tests.alert_servers import HOOK, KEY, SIGNING, SLACK, TOKEN, ChatPlatforms
from tests.language import chinese, english

RECONNECT = (
    "The stream's connection dropped {outage:.0f} s ago; OBS is reconnecting (drop {count} in this show). "
    "Viewers see the stream stall."
)
PLATFORMS = ("wecom", "dingtalk", "feishu", "slack", "webhook")


def finding(severity: str = "critical", wall: float | None = None, finding_id: str = "reconnect") -> Finding:
    start = time.time() if wall is None else wall
    return Finding(finding_id, "network", severity, RECONNECT, {"outage": 12.0, "count": 2}, (), 0.0, 0.0, start, start)


def closed(episode: Finding, after_s: float = 95.0) -> Change:
    return Change("closed", replace(episode, active=False, closed_wall=episode.first_seen_wall + after_s))


class Studio:
    """A router over destinations pointing at the local server, on a manual clock."""

    def __init__(
        self,
        server: ChatPlatforms,
        destinations: list[Destination],
        secret: str = SIGNING,
        translate: Callable[[str, str], str] = english,
        language: str = "en",
        sender: Sender | None = None,
    ) -> None:
        self.clock = ManualClock()
        self.credentials = {
            d.name: Credentials(server.url(d.platform), secret if d.platform in ("dingtalk", "feishu") else "")
            for d in destinations
        }
        self.router = AlertRouter(
            AlertConfig(tuple(destinations), language),
            self.credentials.get,
            translate,
            self.clock,
            sender or Sender(answer_timeout_s=1.0),
        )

    def settle(self) -> None:
        """Until every alert handed to the sender has been answered."""
        self.router.sender.join()

    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.settle()


@pytest.fixture
def studios() -> Iterator[list[Studio]]:
    made: list[Studio] = []
    yield made
    for studio in made:
        studio.router.close()


def dest(platform: str, **rule: object) -> Destination:
    return Destination(f"team-{platform}", platform, **rule)  # type: ignore[arg-type]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_each_platform_receives_its_documented_payload_and_signature(
    server: ChatPlatforms, studios: list[Studio], platform: str
) -> None:
    studio = Studio(server, [dest(platform)])
    studios.append(studio)
    studio.router.on_change("Room A", Change("opened", finding()), on_air=True)
    studio.settle()
    [received] = server.of(platform)
    assert received.verdict == "ok"
    answer = studio.router.last_answer(f"team-{platform}")
    assert answer is not None and answer.ok, answer
    assert answer.words.explain() == "delivered"
    text = str(received.body)
    assert "[Room A] critical: Stream reconnect" in text
    assert "dropped 12 s ago" in text


def test_the_generic_webhook_payload_carries_room_finding_state_and_times(
    server: ChatPlatforms, studios: list[Studio]
) -> None:
    studio = Studio(server, [dest("webhook", min_severity="warning")])
    studios.append(studio)
    episode = finding("warning", wall=1_700_000_000.0)
    studio.router.on_change("直播间 #1 “A”", Change("opened", episode), on_air=True)
    studio.router.on_change("直播间 #1 “A”", closed(episode, 125.0), on_air=True)
    studio.settle()
    opened, resolved = (r.body for r in server.of("webhook"))
    assert opened["room"] == "直播间 #1 “A”" and opened["finding"] == "reconnect" and opened["category"] == "network"
    assert (opened["state"], opened["severity"], opened["resolved_at"]) == ("opened", "warning", None)
    assert opened["opened_at"] == "2023-11-14T22:13:20+00:00"
    assert resolved["state"] == "resolved" and resolved["resolved_at"] == "2023-11-14T22:15:25+00:00"
    assert resolved["episode"] == opened["episode"]
    assert "after 2 min 5 s" in resolved["message"]


@pytest.mark.parametrize(("platform", "code"), [("dingtalk", "310000"), ("feishu", "19021")])
def test_a_wrong_signing_secret_is_said_as_the_platforms_signature_refusal_and_not_retried(
    server: ChatPlatforms, studios: list[Studio], platform: str, code: str
) -> None:
    studio = Studio(server, [dest(platform)], secret="SECnot-the-robots-secret")
    studios.append(studio)
    studio.router.on_change("Room A", Change("opened", finding()), on_air=True)
    studio.settle()
    answer = studio.router.last_answer(f"team-{platform}")
    assert answer is not None and not answer.ok and answer.code == code
    assert "signature" in answer.words.explain() and "clock" in answer.words.explain()
    studio.advance(RETRY_S * 3)
    assert [r.verdict for r in server.of(platform)] == ["sign"]  # a refusal is not tried again


@pytest.mark.parametrize(
    ("platform", "code", "wait_s"),
    [
        ("wecom", "45009", 60.0),
        ("dingtalk", "130101", 60.0),
        ("feishu", "9499", 60.0),
        ("slack", "429", 7.0),
        ("webhook", "429", 12.0),
    ],
)
def test_the_platforms_rate_limit_answer_holds_the_destination_back_then_the_alert_goes(
    server: ChatPlatforms, studios: list[Studio], platform: str, code: str, wait_s: float
) -> None:
    server.mode[platform] = "rate_limit"
    studio = Studio(server, [dest(platform)])
    studios.append(studio)
    studio.router.on_change("Room A", Change("opened", finding()), on_air=True)
    studio.settle()
    answer = studio.router.last_answer(f"team-{platform}")
    assert answer is not None and answer.rate_limited and answer.code == code
    assert answer.retry_after_s == wait_s
    assert studio.router.waiting(f"team-{platform}") == 1
    server.mode[platform] = "ok"
    studio.advance(wait_s - 1)
    assert len(server.of(platform)) == 1  # still resting
    studio.advance(1)
    assert len(server.of(platform)) == 2
    answer = studio.router.last_answer(f"team-{platform}")
    assert answer is not None and answer.ok


def test_a_server_that_is_down_is_said_and_tried_again_a_few_times(
    server: ChatPlatforms, studios: list[Studio]
) -> None:
    server.mode["wecom"] = "down"
    studio = Studio(server, [dest("wecom")])
    studios.append(studio)
    studio.router.on_change("Room A", Change("opened", finding()), on_air=True)
    studio.settle()
    answer = studio.router.last_answer("team-wecom")
    assert answer is not None and answer.words.explain() == "the platform's server failed (HTTP 502)"
    for _ in range(MAX_ATTEMPTS + 2):
        studio.advance(RETRY_S)
    assert len(server.of("wecom")) == MAX_ATTEMPTS
    assert studio.router.waiting("team-wecom") == 0


def test_a_server_that_is_gone_is_said_as_unreachable(studios: list[Studio]) -> None:
    gone = ChatPlatforms()
    gone.close()  # nothing listens on its port any more
    studio = Studio(gone, [dest("slack")])
    studios.append(studio)
    studio.router.on_change("Room A", Change("opened", finding()), on_air=True)
    studio.settle()
    answer = studio.router.last_answer("team-slack")
    assert answer is not None and answer.words.explain() == "the platform cannot be reached"


def test_a_slow_server_times_out(server: ChatPlatforms, studios: list[Studio]) -> None:
    server.mode["dingtalk"], server.slow_s = "slow", 3.0
    studio = Studio(server, [dest("dingtalk")], sender=Sender(answer_timeout_s=0.5))
    studios.append(studio)
    studio.router.on_change("Room A", Change("opened", finding()), on_air=True)
    studio.settle()
    answer = studio.router.last_answer("team-dingtalk")
    assert answer is not None and answer.code == "timeout" and answer.retry
    assert answer.words.explain() == "the platform did not answer in time"


def test_a_hanging_webhook_delays_no_caller_and_overflow_is_counted_and_said(
    server: ChatPlatforms, studios: list[Studio], caplog: pytest.LogCaptureFixture
) -> None:
    server.mode["webhook"] = "hold"
    studio = Studio(server, [dest("webhook", min_severity="info")], sender=Sender(size=3, answer_timeout_s=30.0))
    studios.append(studio)
    studio.router.on_change("Room A", Change("opened", finding(finding_id="network")), on_air=True)
    assert server.held.wait(10)  # the sender is stuck inside that request
    # Meanwhile a room session keeps handing changes over: none of these calls waits for the hung webhook.
    with caplog.at_level(logging.WARNING, logger="console.core.alerts.sender"):
        for n in range(10):
            studio.router.on_change(f"Room {n}", Change("opened", finding()), on_air=True)
            studio.clock.advance(60)  # each destination's own limit is not what holds them
    assert studio.router.lost() == 10 - 3
    assert "alert queue full" in caplog.text
    server.release.set()
    studio.settle()
    assert len(server.of("webhook")) == 1 + 3


def test_one_alert_per_episode_however_it_moves_then_resolved(server: ChatPlatforms, studios: list[Studio]) -> None:
    studio = Studio(server, [dest("webhook", min_severity="warning")])
    studios.append(studio)
    episode = finding("warning")
    studio.router.on_change("Room A", Change("opened", episode), on_air=True)
    for second in range(120):  # two minutes of a finding getting worse and better
        kind, severity = ("raised", "critical") if second % 2 else ("lowered", "warning")
        studio.router.on_change("Room A", Change(kind, replace(episode, severity=severity)), on_air=True)
        studio.clock.advance(1)
    studio.router.on_change("Room A", closed(episode), on_air=True)
    studio.settle()
    assert [r.body["state"] for r in server.of("webhook")] == ["opened", "resolved"]
    # The same problem again later is a new episode: a new alert.
    studio.router.on_change("Room A", Change("opened", finding("warning", wall=time.time() + 300)), on_air=True)
    studio.settle()
    assert [r.body["state"] for r in server.of("webhook")] == ["opened", "resolved", "opened"]


def test_rules_by_room_severity_and_on_air(server: ChatPlatforms, studios: list[Studio]) -> None:
    critical_a = Destination("a-critical", "webhook", rooms=("Room A",), min_severity="critical")
    on_air = Destination("on-air-only", "slack", min_severity="warning", only_on_air=True)
    studio = Studio(server, [critical_a, on_air])
    studios.append(studio)
    warning = finding("warning")
    studio.router.on_change("Room A", Change("opened", warning), on_air=False)
    studio.router.on_change("Room B", Change("opened", finding("critical", finding_id="network")), on_air=False)
    studio.settle()
    assert server.received == []  # a warning is below a-critical; nothing is on air for on-air-only
    studio.router.on_change("Room A", closed(warning), on_air=False)
    studio.settle()
    assert server.received == []  # no "resolved" for what was never announced
    worse = finding("warning", wall=time.time() + 10)
    studio.router.on_change("Room A", Change("opened", worse), on_air=False)
    studio.router.on_change("Room A", Change("raised", replace(worse, severity="critical")), on_air=True)
    studio.settle()
    assert [r.platform for r in server.received] == ["webhook", "slack"]
    assert [r.body["room"] for r in server.of("webhook")] == ["Room A"]
    # A show cut by a lost OBS is off air because of the fault: "only on air" still hears of it.
    cut = finding("critical", finding_id="stream_not_resumed", wall=time.time() + 20)
    studio.router.on_change("Room A", Change("opened", cut), on_air=False)
    studio.advance(2)  # Slack's one a second
    assert [r.platform for r in server.received] == ["webhook", "slack", "webhook", "slack"]


def test_a_burst_keeps_to_the_platforms_limit_and_the_rest_follow_in_order(
    server: ChatPlatforms, studios: list[Studio]
) -> None:
    studio = Studio(server, [dest("dingtalk")])
    studios.append(studio)
    for n in range(25):  # 25 rooms lose their stream at once
        studio.router.on_change(f"Room {n:02}", Change("opened", finding()), on_air=True)
    studio.settle()
    assert len(server.of("dingtalk")) == 20  # DingTalk's documented 20 a minute
    assert studio.router.waiting("team-dingtalk") == 5
    studio.advance(59)
    assert len(server.of("dingtalk")) == 20
    studio.advance(1)
    rooms = [r.body["markdown"]["title"].split("]")[0] for r in server.of("dingtalk")]
    assert rooms == [f"[Room {n:02}" for n in range(25)]
    assert all(r.verdict == "ok" for r in server.of("dingtalk"))


def test_alerts_are_written_in_the_teams_language(server: ChatPlatforms, studios: list[Studio]) -> None:
    translate = chinese()
    studio = Studio(server, [dest("feishu")], translate=translate, language="zh_CN")
    studios.append(studio)
    episode = finding()
    studio.router.on_change("一号直播间", Change("opened", episode), on_air=True)
    studio.router.on_change("一号直播间", closed(episode, 65), on_air=True)
    studio.settle()
    opened, resolved = (r.body["content"]["text"] for r in server.of("feishu"))
    title = translate("Health", "Stream reconnect")
    assert opened.startswith(f"[一号直播间] {translate('Health', 'critical')}: {title}") or opened.startswith(
        f"[一号直播间] {translate('Health', 'critical')}：{title}"
    )
    assert translate("Health", RECONNECT).format(outage=12.0, count=2) in opened
    assert title in resolved and "1" in resolved
    assert "Stream" not in opened + resolved and "resolved" not in resolved


def test_no_secret_reaches_a_log_line(server: ChatPlatforms, studios: list[Studio]) -> None:
    stream = io.StringIO()
    logsafe.install(logging.DEBUG, stream)
    try:
        destinations = [dest(p) for p in PLATFORMS]
        studio = Studio(server, destinations)
        studios.append(studio)
        studio.router.on_change("Room A", Change("opened", finding()), on_air=True)
        studio.settle()
    finally:
        logsafe.install(logging.WARNING)
    lines = stream.getvalue()
    assert "alert to team-dingtalk (http://127.0.0.1/…): delivered" in lines
    assert "HTTP Request: POST" in lines  # httpx's own line, with the address blanked
    # (The DingTalk sign in the query may show: it is worthless without the blanked token.)
    for secret in (KEY, TOKEN, HOOK, SLACK, SIGNING):
        assert secret not in lines


def test_alerts_json_is_read_strictly(tmp_path: Path) -> None:
    path = tmp_path / "alerts.json"
    assert alert_config.load(path).destinations == ()  # no file: no alerts
    path.write_text(
        '{"version": 1, "language": "zh_CN", "destinations": [{"name": "ops", "platform": "dingtalk",'
        ' "rooms": ["Room A"], "min_severity": "warning", "only_on_air": true}]}',
        encoding="utf-8",
    )
    loaded = alert_config.load(path)
    assert loaded.language == "zh_CN"
    assert loaded.destinations == (Destination("ops", "dingtalk", ("Room A",), "warning", True),)
    assert loaded.for_room("Room B") == []
    cases = {
        '{"version": 1, "destinations": [{"name": "x", "platform": "telegram"}]}': (
            "alert destination 1: its platform must be one of wecom, dingtalk, feishu, slack, webhook"
        ),
        '{"version": 1, "destinations": [{"name": "x", "platform": "slack"}, {"name": "x", "platform": "slack"}]}': (
            "alert destination 2: the name “x” is used twice"
        ),
        '{"version": 1, "destinations": [{"name": "x", "platform": "slack", "min_severity": "loud"}]}': (
            "alert destination 1: its min_severity must be info, warning or critical"
        ),
        '{"version": 2}': "alerts.json is not a version 1 file",
    }
    for text, said in cases.items():
        path.write_text(text, encoding="utf-8")
        with pytest.raises(AlertConfigError) as caught:
            alert_config.load(path)
        assert str(caught.value) == said
    path.write_text("{", encoding="utf-8")
    with pytest.raises(AlertConfigError, match=r"cannot be read: not valid JSON: the mistake is at line 1, column 2$"):
        alert_config.load(path)


def test_credentials_live_in_the_keyring_under_the_alerts_kind(memory_keyring: object) -> None:
    from console.core.rooms import Secrets

    secrets = Secrets()
    secrets.set(
        "ops", Credentials("https://oapi.dingtalk.com/robot/send?access_token=t0k", "SECx").to_keyring(), "alerts"
    )
    lookup = alert_config.keyring_credentials(Secrets())
    assert lookup("ops") == Credentials("https://oapi.dingtalk.com/robot/send?access_token=t0k", "SECx")
    assert lookup("nobody") is None
    secrets.forget("ops")  # forgetting a *room* called "ops" leaves the studio's destination alone
    assert lookup("ops") is not None


def test_a_destination_without_credentials_is_said(server: ChatPlatforms, studios: list[Studio]) -> None:
    studio = Studio(server, [dest("slack")])
    studios.append(studio)
    studio.credentials.clear()
    studio.router.on_change("Room A", Change("opened", finding()), on_air=True)
    studio.settle()
    answer = studio.router.last_answer("team-slack")
    assert answer is not None and "no webhook address in the keyring" in answer.words.explain()
    assert server.received == []


def test_closing_the_sender_stops_its_thread(server: ChatPlatforms) -> None:
    """A console closing leaves no alert thread behind."""
    sender = Sender(answer_timeout_s=1.0)
    assert sender._thread.is_alive()
    sender.close()
    assert not sender._thread.is_alive()


def test_an_episode_the_team_was_never_told_of_gets_no_resolved(server: ChatPlatforms, studios: list[Studio]) -> None:
    """The webhook address was missing when the finding opened (nothing sent); it is typed in before the finding
    closes: the team must not get a "resolved" for a problem it never heard of."""
    studio = Studio(server, [dest("webhook")])
    studios.append(studio)
    saved = dict(studio.credentials)
    studio.credentials.clear()
    episode = finding()
    studio.router.on_change("Room A", Change("opened", episode), on_air=True)
    studio.settle()
    answer = studio.router.last_answer("team-webhook")
    assert answer is not None and not answer.ok
    studio.credentials.update(saved)
    studio.router.on_change("Room A", closed(episode), on_air=True)
    studio.router.on_change("Room A", Change("opened", finding(wall=time.time() + 300)), on_air=True)
    studio.settle()
    assert [r.body["state"] for r in server.of("webhook")] == ["opened"], "only the later episode, opened"


def test_a_short_episode_is_resolved_after_its_seconds_not_0_min(server: ChatPlatforms, studios: list[Studio]) -> None:
    """walk15: "于 10:31:38 结束，持续 0 分 25 秒。"."""
    studio = Studio(server, [dest("webhook", min_severity="warning")])
    studios.append(studio)
    episode = finding("warning", wall=1_700_000_000.0)
    studio.router.on_change("Room A", Change("opened", episode), on_air=True)
    studio.router.on_change("Room A", closed(episode, 25.0), on_air=True)
    studio.settle()
    _, resolved = (r.body for r in server.of("webhook"))
    assert "after 25 s." in resolved["message"] and "min" not in resolved["message"], resolved["message"]


@pytest.mark.parametrize(
    ("after_s", "english_words", "chinese_words"),
    [
        (25.0, "after 25 s.", "持续 25 秒。"),
        (180.0, "after 3 min.", "持续 3 分钟。"),  # walk15: "after 3 min 0 s"
        (125.0, "after 2 min 5 s.", "持续 2 分 5 秒。"),
        (3900.0, "after 1 h 5 min.", "持续 1 小时 5 分钟。"),  # walk15: "after 65 min 0 s"
        (7230.0, "after 2 h.", "持续 2 小时。"),
    ],
)
def test_how_long_an_episode_lasted_reads_as_people_say_it(
    server: ChatPlatforms, studios: list[Studio], after_s: float, english_words: str, chinese_words: str
) -> None:
    """walk15: "Over at 21:04, after 0 min 25 s." — seconds under a minute, whole minutes as minutes, hours and
    minutes over an hour, in the team's language."""
    for translate, language, words in ((english, "en", english_words), (chinese(), "zh_CN", chinese_words)):
        studio = Studio(server, [dest("webhook", min_severity="warning")], translate=translate, language=language)
        studios.append(studio)
        episode = finding("warning", wall=1_700_000_000.0)
        studio.router.on_change("Room A", Change("opened", episode), on_air=True)
        studio.router.on_change("Room A", closed(episode, after_s), on_air=True)
        studio.settle()
        resolved = server.of("webhook")[-1].body
        assert resolved["state"] == "resolved" and resolved["message"].endswith(words), resolved["message"]
        assert " 0 s" not in resolved["message"] and " 0 秒" not in resolved["message"]


@pytest.mark.parametrize(
    ("retry_after", "english_words", "chinese_words"), [("7", "7 s", "7 秒"), ("120", "2 min", "2 分钟")]
)
def test_how_long_a_platform_asks_to_wait_reads_as_people_say_it(
    retry_after: str, english_words: str, chinese_words: str
) -> None:
    """The same rule where an alert's answer says how long to wait ("asks to wait 120 s" was a sum to do)."""
    from console.core.alerts.platforms import interpret

    answer = interpret("slack", 429, {"Retry-After": retry_after}, b"")
    assert answer.words.in_language(english).endswith(f"asks to wait {english_words}")
    assert answer.words.in_language(chinese()).endswith(chinese_words), answer.words.in_language(chinese())
