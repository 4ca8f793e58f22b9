"""Each chat platform's documented webhook request and answers. No Qt.

- **WeCom (企业微信) group robot**: POST `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY`, JSON
  `{"msgtype": "markdown", "markdown": {"content": …}}`; answers `{"errcode": 0, "errmsg": "ok"}`; 45009 is the
  frequency limit (20 messages a minute per robot), 93000 an invalid webhook address.
- **DingTalk (钉钉) custom robot**: POST `https://oapi.dingtalk.com/robot/send?access_token=…`, JSON
  `{"msgtype": "markdown", "markdown": {"title": …, "text": …}}`; with "加签" (signing) on, the query also carries
  `timestamp` (ms) and `sign` = URL-encoded base64 of HMAC-SHA256 keyed with the secret over "timestamp\\nsecret".
  Answers `{"errcode": 0}`; 310000 is a sign mismatch (or a keyword / IP whitelist refusal), 130101 sending too
  fast (20 a minute), 300001 an invalid token.
- **Feishu/Lark (飞书) custom bot**: POST `https://open.feishu.cn/open-apis/bot/v2/hook/ID`, JSON
  `{"msg_type": "text", "content": {"text": …}}`; with signature verification on, the body also carries
  `timestamp` (s) and `sign` = base64 of HMAC-SHA256 keyed with "timestamp\\nsecret" over an empty message.
  Answers `{"code": 0}`; 19021 is a bad signature or a timestamp over an hour off, 9499 too many requests
  (100 a minute, 5 a second), 19024 a missing keyword.
- **Slack incoming webhook**: POST the hook URL, JSON `{"text": …, "blocks": […]}`; answers 200 "ok"; 429 with
  `Retry-After` (about one message a second), 4xx with a word such as `invalid_payload` or `no_service`.
- **Generic JSON webhook** (ours; see README): POST JSON `{"schema": "onair.alert/1", "room", "finding", "category",
  "severity", "state", "title", "headline", "message", "language", "opened_at", "resolved_at", "sent_at"}`; any 2xx is
  delivered, 429 with `Retry-After` is a rate limit.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, quote_plus, urlsplit

from console.core.alerts.durations import lasting
from obs.text import QT_TRANSLATE_NOOP, Message

TR_CONTEXT = "Alerts"
PLATFORMS = ("wecom", "dingtalk", "feishu", "slack", "webhook")
#: The platforms' proper names (not translated).
PLATFORM_NAMES = {
    "wecom": "WeCom 企业微信",
    "dingtalk": "DingTalk 钉钉",
    "feishu": "Feishu/Lark 飞书",
    "slack": "Slack",
    "webhook": "JSON webhook",
}
#: Each platform's documented sending limit: (messages, per seconds) windows, all of which must allow a send.
LIMITS: dict[str, tuple[tuple[int, float], ...]] = {
    "wecom": ((20, 60.0),),
    "dingtalk": ((20, 60.0),),
    "feishu": ((100, 60.0), (5, 1.0)),
    "slack": ((1, 1.0),),
    "webhook": ((60, 60.0),),
}
#: Platforms whose robots can sign their requests with a secret.
SIGNED = ("dingtalk", "feishu")
#: How long to wait when a platform says "too fast" without saying for how long.
DEFAULT_BACKOFF_S = 60.0


@dataclass(frozen=True)
class Alert:
    """One message to a team: a finding opened or resolved (or a test), already in the team's language."""

    room: str
    finding: str  # the finding's id ("network"); "test" for a test alert
    episode: str  # unique per episode of the finding
    category: str
    severity: str
    state: str  # "opened", "resolved" or "test"
    headline: str  # "[Room A] critical: Network drops"
    message: str
    title: str
    language: str
    opened_at: float  # epoch seconds
    resolved_at: float | None = None

    def text(self) -> str:
        return f"{self.headline}\n{self.message}"


@dataclass(frozen=True)
class Request:
    url: str
    body: dict[str, Any]


@dataclass(frozen=True)
class Answer:
    """A platform's answer in words. `retry`: worth sending again later (after `retry_after_s` if known)."""

    ok: bool
    words: Message
    retry: bool = False
    rate_limited: bool = False
    retry_after_s: float | None = None
    code: str = ""
    fields: dict[str, Any] = field(default_factory=dict)


def _iso(epoch: float | None) -> str | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds")


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return quote_plus(base64.b64encode(digest).decode())


def feishu_sign(secret: str, timestamp_s: int) -> str:
    digest = hmac.new(f"{timestamp_s}\n{secret}".encode(), b"", hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def build(platform: str, url: str, secret: str, alert: Alert, now_wall: float) -> Request:
    """The documented request for `alert`; `secret` signs it on the platforms that sign (empty: unsigned)."""
    text = alert.text()
    if platform == "wecom":
        return Request(url, {"msgtype": "markdown", "markdown": {"content": f"**{alert.headline}**\n{alert.message}"}})
    if platform == "dingtalk":
        if secret:
            stamp = int(now_wall * 1000)
            url = f"{url}{'&' if '?' in url else '?'}timestamp={stamp}&sign={dingtalk_sign(secret, stamp)}"
        markdown = {"title": alert.headline, "text": f"#### {alert.headline}\n\n{alert.message}"}
        return Request(url, {"msgtype": "markdown", "markdown": markdown})
    if platform == "feishu":
        body: dict[str, Any] = {"msg_type": "text", "content": {"text": text}}
        if secret:
            stamp = int(now_wall)
            body = {"timestamp": str(stamp), "sign": feishu_sign(secret, stamp), **body}
        return Request(url, body)
    if platform == "slack":
        blocks = [
            {"type": "header", "text": {"type": "plain_text", "text": alert.headline[:150]}},
            {"type": "section", "text": {"type": "plain_text", "text": alert.message[:3000]}},
        ]
        return Request(url, {"text": text, "blocks": blocks})
    return Request(url, payload(alert, now_wall))


def payload(alert: Alert, now_wall: float) -> dict[str, Any]:
    """The generic JSON webhook's documented payload."""
    return {
        "schema": "onair.alert/1",
        "room": alert.room,
        "finding": alert.finding,
        "episode": alert.episode,
        "category": alert.category,
        "severity": alert.severity,
        "state": alert.state,
        "title": alert.title,
        "headline": alert.headline,
        "message": alert.message,
        "language": alert.language,
        "opened_at": _iso(alert.opened_at),
        "resolved_at": _iso(alert.resolved_at),
        "sent_at": _iso(now_wall),
    }


def _retry_after(headers: Mapping[str, str]) -> float | None:
    value = next((v for k, v in headers.items() if k.lower() == "retry-after"), None)
    try:
        seconds = float(value) if value is not None else math.nan
    except ValueError:
        return None
    return seconds if math.isfinite(seconds) and 0 <= seconds <= 3600 else None


# Each platform's documented error codes: (code -> (what it means, rate limited?)).
_CODES: dict[str, dict[int, tuple[str, bool]]] = {
    "wecom": {
        45009: (QT_TRANSLATE_NOOP("Alerts", "WeCom says the robot sends too often (over 20 a minute)"), True),
        93000: (QT_TRANSLATE_NOOP("Alerts", "WeCom does not know this webhook key: check the robot's address"), False),
    },
    "dingtalk": {
        310000: (
            QT_TRANSLATE_NOOP(
                "Alerts",
                "DingTalk refused the signature (or a keyword or IP rule): check the robot's signing secret and "
                "this machine's clock",
            ),
            False,
        ),
        130101: (QT_TRANSLATE_NOOP("Alerts", "DingTalk says the robot sends too often (over 20 a minute)"), True),
        300001: (QT_TRANSLATE_NOOP("Alerts", "DingTalk does not know this robot's token: check its address"), False),
    },
    "feishu": {
        19021: (
            QT_TRANSLATE_NOOP(
                "Alerts",
                "Feishu refused the signature: check the bot's signing secret and this machine's clock",
            ),
            False,
        ),
        9499: (QT_TRANSLATE_NOOP("Alerts", "Feishu says the bot sends too often"), True),
        19024: (QT_TRANSLATE_NOOP("Alerts", "Feishu refused the message: it lacks the bot's keyword"), False),
    },
}


def _json(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8", "replace"))
    except ValueError:
        return None


def interpret(platform: str, status: int, headers: Mapping[str, str], body: bytes) -> Answer:
    """The platform's answer, said in words (context "Alerts"), with whether and when to try again."""
    retry_after = _retry_after(headers)
    if status == 429:
        return Answer(
            False,
            Message(
                QT_TRANSLATE_NOOP("Alerts", "too many messages: the platform asks to wait {wait}"),
                {"wait": lasting(retry_after or DEFAULT_BACKOFF_S)},
                TR_CONTEXT,
            ),
            retry=True,
            rate_limited=True,
            retry_after_s=retry_after or DEFAULT_BACKOFF_S,
            code="429",
        )
    if status >= 500:
        return Answer(
            False,
            Message(
                QT_TRANSLATE_NOOP("Alerts", "the platform's server failed (HTTP {status})"),
                {"status": status},
                TR_CONTEXT,
            ),
            retry=True,
            code=str(status),
        )
    data = _json(body)
    if platform in _CODES and status == 200 and isinstance(data, dict):
        raw = data.get("errcode", data.get("code", data.get("StatusCode", 0)))
        code = raw if isinstance(raw, int) else -1
        if code == 0:
            return Answer(True, Message(QT_TRANSLATE_NOOP("Alerts", "delivered"), {}, TR_CONTEXT), code="0")
        known = _CODES[platform].get(code)
        if known:
            words, limited = known
            return Answer(
                False,
                Message(words, {}, TR_CONTEXT),
                retry=limited,
                rate_limited=limited,
                retry_after_s=DEFAULT_BACKOFF_S if limited else None,
                code=str(code),
            )
        detail = str(data.get("errmsg", data.get("msg", "")))[:200]
        return Answer(
            False,
            Message(
                QT_TRANSLATE_NOOP("Alerts", "the platform refused the message: error {code} {detail}"),
                {"code": code, "detail": detail},
                TR_CONTEXT,
            ),
            code=str(code),
        )
    if 200 <= status < 300 and platform not in _CODES:
        return Answer(True, Message(QT_TRANSLATE_NOOP("Alerts", "delivered"), {}, TR_CONTEXT), code=str(status))
    detail = body.decode("utf-8", "replace").strip()[:200]
    return Answer(
        False,
        Message(
            QT_TRANSLATE_NOOP("Alerts", "the platform refused the message: HTTP {code} {detail}"),
            {"code": status, "detail": detail},
            TR_CONTEXT,
        ),
        code=str(status),
    )


def failure(kind: str) -> Answer:
    """No answer at all: `kind` is "timeout" or "unreachable" (worth trying again later)."""
    if kind == "timeout":
        words = QT_TRANSLATE_NOOP("Alerts", "the platform did not answer in time")
    else:
        words = QT_TRANSLATE_NOOP("Alerts", "the platform cannot be reached")
    return Answer(False, Message(words, {}, TR_CONTEXT), retry=True, code=kind)


def secret_parts(url: str) -> list[str]:
    """What in a webhook address is a credential (the key or token in its query, the hook's last path part), so
    that the log never prints it."""
    parts = urlsplit(url)
    found = [value for _, value in parse_qsl(parts.query) if value]
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    if last and last not in ("send", "webhook"):
        found.append(last)
    return [url, *found]


def masked(url: str) -> str:
    """The address to show a person: its host only ("https://oapi.dingtalk.com/…")."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or ''}/…" if parts.scheme else "…"
