"""Local HTTP servers speaking the chat platforms' webhook protocols, for the alert tests. Nothing leaves 127.0.0.1.

Each checks the request as the platform documents it — the payload's shape and, for DingTalk and Feishu, the
signature, recomputed here with `hmac` by the documented recipe (not by the console's code) — and answers as the
platform does: success, a signature mismatch, its rate limit, a server failure, or no answer in time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote_plus, urlsplit

from tests.http_platform import QUICK_SHUTDOWN

KEY = "wecom-key-6f1d2b"
TOKEN = "dingtalk-token-93ac"
HOOK = "feishu-hook-5e3d587e"
SLACK = "T000/B000/slack-xyz"
SIGNING = "SECsigning-secret-0042"

TEXT = {"Content-Type": "text/plain"}
FEISHU_SIGN = "sign match fail or timestamp is not within one hour from current time"
#: Each platform's documented answers: success, its signature mismatch, a wrong key/token/payload, its rate limit.
ANSWERS: dict[str, dict[str, tuple[int, dict[str, str], Any]]] = {
    "wecom": {
        "ok": (200, {}, {"errcode": 0, "errmsg": "ok"}),
        "bad": (200, {}, {"errcode": 93000, "errmsg": "invalid webhook url"}),
        "rate_limit": (200, {}, {"errcode": 45009, "errmsg": "api freq out of limit"}),
    },
    "dingtalk": {
        "ok": (200, {}, {"errcode": 0, "errmsg": "ok"}),
        "sign": (200, {}, {"errcode": 310000, "errmsg": "sign not match"}),
        "bad": (200, {}, {"errcode": 300001, "errmsg": "token is not exist"}),
        "rate_limit": (200, {}, {"errcode": 130101, "errmsg": "send too fast, exceed 20 times per minute"}),
    },
    "feishu": {
        "ok": (200, {}, {"StatusCode": 0, "StatusMessage": "success", "code": 0, "data": {}, "msg": "success"}),
        "sign": (200, {}, {"code": 19021, "data": {}, "msg": FEISHU_SIGN}),
        "bad": (400, {}, {"code": 9499, "msg": "Bad Request", "data": {}}),
        "rate_limit": (200, {}, {"code": 9499, "data": {}, "msg": "too many request"}),
    },
    "slack": {
        "ok": (200, TEXT, b"ok"),
        "bad": (400, TEXT, b"invalid_payload"),
        "rate_limit": (429, {"Retry-After": "7", **TEXT}, b"rate_limited"),
    },
    "webhook": {
        "ok": (202, {}, {"accepted": True}),
        "bad": (400, {}, {"error": "payload"}),
        "rate_limit": (429, {"Retry-After": "12"}, {"error": "rate limited"}),
    },
}


@dataclass
class Received:
    platform: str
    path: str
    query: dict[str, list[str]]
    body: Any
    verdict: str  # "ok" or why the platform would refuse it


@dataclass
class ChatPlatforms:
    """One server for all five platforms; `mode[platform]`: "ok", "rate_limit", "down", "slow" or "hold"."""

    mode: dict[str, str] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)
    #: "hold": the request waits until this is set (a webhook that hangs, under the test's control).
    release: threading.Event = field(default_factory=threading.Event)
    held: threading.Event = field(default_factory=threading.Event)
    slow_s: float = 3.0

    def __post_init__(self) -> None:
        platforms = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                platforms._handle(self, raw)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, kwargs=QUICK_SHUTDOWN, daemon=True).start()

    # The addresses a team would paste from each platform (pointing here).
    def url(self, platform: str) -> str:
        return {
            "wecom": f"{self.base}/cgi-bin/webhook/send?key={KEY}",
            "dingtalk": f"{self.base}/robot/send?access_token={TOKEN}",
            "feishu": f"{self.base}/open-apis/bot/v2/hook/{HOOK}",
            "slack": f"{self.base}/services/{SLACK}",
            "webhook": f"{self.base}/onair-alerts",
        }[platform]

    def of(self, platform: str) -> list[Received]:
        return [r for r in self.received if r.platform == platform]

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    # ---- the platforms
    def _handle(self, handler: BaseHTTPRequestHandler, raw: bytes) -> None:
        parts = urlsplit(handler.path)
        query = parse_qs(parts.query)
        platform = (
            "wecom"
            if parts.path == "/cgi-bin/webhook/send"
            else "dingtalk"
            if parts.path == "/robot/send"
            else "feishu"
            if parts.path.startswith("/open-apis/bot/v2/hook/")
            else "slack"
            if parts.path.startswith("/services/")
            else "webhook"
        )
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        verdict = getattr(self, f"_check_{platform}")(parts.path, query, body)
        self.received.append(Received(platform, parts.path, query, body, verdict))
        mode = self.mode.get(platform, "ok")
        if mode == "hold":
            self.held.set()
            self.release.wait(30)
        if mode == "slow":
            time.sleep(self.slow_s)
        status, headers, answer = self._answer(platform, verdict, mode)
        data = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
        try:
            handler.send_response(status)
            for name, value in {"Content-Type": "application/json", **headers}.items():
                handler.send_header(name, value)
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
        except OSError:
            pass  # the client gave up waiting

    @staticmethod
    def _answer(platform: str, verdict: str, mode: str) -> tuple[int, dict[str, str], Any]:
        if mode == "down":
            return 502, {"Content-Type": "text/html"}, b"<html>502 Bad Gateway</html>"
        answers = ANSWERS[platform]
        if verdict != "ok":
            return answers["sign"] if verdict == "sign" and "sign" in answers else answers["bad"]
        return answers["rate_limit" if mode == "rate_limit" else "ok"]

    @staticmethod
    def _check_wecom(path: str, query: dict[str, list[str]], body: Any) -> str:
        if query.get("key") != [KEY]:
            return "key"
        ok = (
            isinstance(body, dict)
            and body.get("msgtype") == "markdown"
            and isinstance(body["markdown"].get("content"), str)
        )
        return "ok" if ok else "payload"

    @staticmethod
    def _check_dingtalk(path: str, query: dict[str, list[str]], body: Any) -> str:
        if query.get("access_token") != [TOKEN]:
            return "token"
        # The documented recipe: HMAC-SHA256 keyed with the secret over "timestamp\nsecret", base64, URL-encoded;
        # parse_qs has decoded the URL-encoding once already.
        stamp = (query.get("timestamp") or [""])[0]
        sign = (query.get("sign") or [""])[0]
        if not stamp.isdigit() or abs(int(stamp) / 1000 - time.time()) > 3600:
            return "sign"
        expected = base64.b64encode(
            hmac.new(SIGNING.encode(), f"{stamp}\n{SIGNING}".encode(), hashlib.sha256).digest()
        ).decode()
        if sign != expected:
            return "sign"
        ok = (
            isinstance(body, dict)
            and body.get("msgtype") == "markdown"
            and isinstance(body["markdown"].get("title"), str)
            and isinstance(body["markdown"].get("text"), str)
        )
        return "ok" if ok else "payload"

    @staticmethod
    def _check_feishu(path: str, query: dict[str, list[str]], body: Any) -> str:
        if not path.endswith("/" + HOOK) or not isinstance(body, dict):
            return "hook"
        stamp = str(body.get("timestamp", ""))
        if not stamp.isdigit() or abs(int(stamp) - time.time()) > 3600:
            return "sign"
        # The documented recipe: HMAC-SHA256 keyed with "timestamp\nsecret" over an empty message, base64.
        expected = base64.b64encode(hmac.new(f"{stamp}\n{SIGNING}".encode(), b"", hashlib.sha256).digest()).decode()
        if body.get("sign") != expected:
            return "sign"
        ok = body.get("msg_type") == "text" and isinstance(body.get("content", {}).get("text"), str)
        return "ok" if ok else "payload"

    @staticmethod
    def _check_slack(path: str, query: dict[str, list[str]], body: Any) -> str:
        if unquote_plus(path) != f"/services/{SLACK}":
            return "hook"
        ok = isinstance(body, dict) and isinstance(body.get("text"), str) and body["text"]
        ok = ok and all(isinstance(block, dict) and "type" in block for block in body.get("blocks", []))
        return "ok" if ok else "payload"

    @staticmethod
    def _check_webhook(path: str, query: dict[str, list[str]], body: Any) -> str:
        keys = {
            "schema",
            "room",
            "finding",
            "episode",
            "category",
            "severity",
            "state",
            "title",
            "headline",
            "message",
            "language",
            "opened_at",
            "resolved_at",
            "sent_at",
        }
        if not isinstance(body, dict) or set(body) != keys or body["schema"] != "onair.alert/1":
            return "payload"
        return "ok" if body["state"] in ("opened", "resolved", "test") else "payload"
