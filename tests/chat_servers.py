"""Local servers speaking the comment platforms' real protocols on real sockets, as the OBS simulator does for
OBS: the Bilibili live open platform (signed HTTP API + binary websocket) and JSON-lines endpoints (websocket
and streaming HTTP) standing in for a team's own tool. Everything on 127.0.0.1."""

from __future__ import annotations

import hashlib
import hmac
import json
import struct
import threading
import time
import uuid
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import brotli  # type: ignore[import-untyped]
from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

from tests.http_platform import QUICK_SHUTDOWN

# The packet header as the open platform documents it, written here independently of the console's code.
_HEADER = struct.Struct(">IHHII")


def packet(op: int, body: bytes = b"", ver: int = 0, seq: int = 0) -> bytes:
    return _HEADER.pack(16 + len(body), 16, ver, op, seq) + body


def message(cmd: str, data: dict[str, Any] | None = None, ver: int = 0) -> bytes:
    """An op-5 message packet; ver 2 / 3 wraps it in a zlib / brotli packet as the platform does."""
    inner = packet(5, json.dumps({"cmd": cmd, "data": data or {}}, ensure_ascii=False).encode(), 0)
    return compressed(inner, ver) if ver in (2, 3) else inner


#: The brotli quality the test platform packs with. The console reads any quality alike (brotli's format does not
#: change with it); the library's default, 11, costs about 70 ms of CPU for a frame of 100 comments against 0.2 ms
#: at 5, and the flood test packs 100 such frames (7 of its 11 s of CPU went into the test's own packing).
BROTLI_QUALITY = 5


def compressed(packets: bytes, ver: int) -> bytes:
    """Several packets in one compressed op-5 packet."""
    body = zlib.compress(packets) if ver == 2 else brotli.compress(packets, quality=BROTLI_QUALITY)
    return packet(5, body, ver)


def dm(n: int, text: str = "", user: str = "", **extra: Any) -> dict[str, Any]:
    """A LIVE_OPEN_PLATFORM_DM's data, as the platform sends it."""
    return {
        "uname": user or f"观众{n}",
        "open_id": f"open-{user or n}",
        "uid": 0,
        "uface": "https://i0.hdslb.com/bfs/face/member/noface.jpg",
        "timestamp": 1_764_500_000 + n,
        "room_id": 4242,
        "msg": text or f"第{n}条弹幕",
        "msg_id": f"msg-{n}",
        "guard_level": 0,
        "fans_medal_wearing_status": False,
        "fans_medal_name": "",
        "fans_medal_level": 0,
        "emoji_img_url": "",
        "dm_type": 0,
        **extra,
    }


def signature_problem(headers: dict[str, str], body: bytes, key_id: str, secret: str, nonces: set[str]) -> str:
    """Why a request's signature is not valid ("" when it is), checked as the open platform checks it."""
    lower = {k.lower(): v for k, v in headers.items()}
    names = (
        "x-bili-accesskeyid",
        "x-bili-content-md5",
        "x-bili-signature-method",
        "x-bili-signature-nonce",
        "x-bili-signature-version",
        "x-bili-timestamp",
    )
    missing = [name for name in (*names, "authorization") if not lower.get(name)]
    if missing:
        return f"missing {missing}"
    if lower["x-bili-accesskeyid"] != key_id:
        return "unknown access key"
    if lower["x-bili-content-md5"] != hashlib.md5(body).hexdigest():
        return "content md5 mismatch"
    if lower["x-bili-signature-method"] != "HMAC-SHA256":
        return "signature method"
    if abs(int(lower["x-bili-timestamp"]) - time.time()) > 600:
        return "timestamp too far off"
    if lower["x-bili-signature-nonce"] in nonces:
        return "nonce reused"
    nonces.add(lower["x-bili-signature-nonce"])
    text = "\n".join(f"{name}:{lower[name]}" for name in names)
    expected = hmac.new(secret.encode(), text.encode(), hashlib.sha256).hexdigest()
    return "" if hmac.compare_digest(expected, lower["authorization"]) else "signature mismatch"


class BilibiliOpenPlatform:
    """The open platform's HTTP API (start / heartbeat / end, signatures checked) and its comment websocket
    (auth within a deadline, heartbeat replies, pushed messages) on loopback ports."""

    def __init__(
        self, app_id: int = 1_700_000_001, key_id: str = "ak-id", secret: str = "ak-secret", code: str = "ABCDEF123456"
    ) -> None:
        self.app_id, self.key_id, self.secret, self.code = app_id, key_id, secret, code
        self.anchor_open_id = "open-host"
        self.nonces: set[str] = set()
        self.calls: list[tuple[str, dict[str, Any], str]] = []  # (path, body, signature problem)
        self.games: dict[str, bool] = {}  # game id -> still running
        self.auth_body = ""
        #: Scripted answers for /v2/app/start, used first (then the real one).
        self.start_answers: list[dict[str, Any]] = []
        self.answer_heartbeats = True
        #: The next this many app heartbeats get an HTTP 503 page instead of an answer (a platform hiccup).
        self.failing_app_heartbeats = 0
        self.refuse_ws_auth = False
        #: Frames sent on every new connection right after the auth reply.
        self.greeting: list[bytes] = []
        #: Packets sent in the auth reply's own frame, after it.
        self.with_auth_reply = b""
        self.connections: list[ServerConnection] = []
        self.ws_received: list[tuple[float, int, int, bytes]] = []  # (t, ver, op, body)
        self.auth_attempts = 0
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                problem = signature_problem(dict(self.headers), body, platform.key_id, platform.secret, platform.nonces)
                try:
                    payload = json.loads(body)
                except ValueError:
                    payload = {}
                platform.calls.append((self.path, payload, problem))
                if self.path == "/v2/app/heartbeat" and platform.failing_app_heartbeats > 0:
                    platform.failing_app_heartbeats -= 1
                    self.send_response(503)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", "11")
                    self.end_headers()
                    self.wfile.write(b"unavailable")
                    return
                answer = platform._answer(self.path, payload, problem)
                raw = json.dumps(answer, ensure_ascii=False).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *args: Any) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.api_base = f"http://127.0.0.1:{self.http.server_address[1]}"
        threading.Thread(target=self.http.serve_forever, kwargs=QUICK_SHUTDOWN, daemon=True).start()
        self.ws: Server = serve(self._serve_ws, "127.0.0.1", 0, compression=None, max_size=None)
        self.ws_url = f"ws://127.0.0.1:{self.ws.socket.getsockname()[1]}/sub"
        threading.Thread(target=self.ws.serve_forever, daemon=True).start()

    # ------------------------------------------------------------------ HTTP
    def _answer(self, path: str, payload: dict[str, Any], problem: str) -> dict[str, Any]:
        request_id = uuid.uuid4().hex
        if problem:
            return {"code": 4002, "message": f"签名错误: {problem}", "request_id": request_id, "data": {}}
        if path == "/v2/app/start":
            if self.start_answers:
                return self.start_answers.pop(0)
            if payload.get("app_id") != self.app_id:
                return {"code": 4001, "message": "应用无效", "request_id": request_id, "data": {}}
            if payload.get("code") != self.code:
                return {"code": 7007, "message": "身份码错误", "request_id": request_id, "data": {}}
            game_id = uuid.uuid4().hex
            self.games[game_id] = True
            self.auth_body = json.dumps({"roomid": 4242, "protoover": 2, "key": uuid.uuid4().hex, "group": "open"})
            return {
                "code": 0,
                "message": "0",
                "request_id": request_id,
                "data": {
                    "game_info": {"game_id": game_id},
                    "websocket_info": {"auth_body": self.auth_body, "wss_link": [self.ws_url]},
                    "anchor_info": {
                        "room_id": 4242,
                        "uname": "主播",
                        "uface": "",
                        "uid": 0,
                        "open_id": self.anchor_open_id,
                    },
                },
            }
        if path in ("/v2/app/heartbeat", "/v2/app/end"):
            game_id = str(payload.get("game_id"))
            if not self.games.get(game_id):
                return {"code": 7003, "message": "心跳过期或场次不存在", "request_id": request_id, "data": {}}
            if path == "/v2/app/end":
                self.games[game_id] = False
            return {"code": 0, "message": "0", "request_id": request_id, "data": {}}
        return {"code": 4000, "message": "参数错误", "request_id": request_id, "data": {}}

    def paths(self) -> list[str]:
        return [path for path, _, _ in self.calls]

    # ------------------------------------------------------------------ websocket
    def _serve_ws(self, conn: ServerConnection) -> None:
        try:
            first = conn.recv(timeout=5.0)
        except (TimeoutError, ConnectionClosed):
            return
        self.auth_attempts += 1
        ok = (
            isinstance(first, bytes)
            and len(first) >= 16
            and _HEADER.unpack_from(first)[3] == 7
            and first[16:] == self.auth_body.encode()
            and not self.refuse_ws_auth
        )
        conn.send(
            packet(8, json.dumps({"code": 0 if ok else -101}).encode(), 0) + (self.with_auth_reply if ok else b"")
        )
        if not ok:
            conn.close(1008, "auth failed")
            return
        self.connections.append(conn)
        for greeting in self.greeting:
            conn.send(greeting)
        while True:
            try:
                frame = conn.recv()
            except ConnectionClosed:
                return
            if isinstance(frame, str) or len(frame) < 16:
                continue
            _, _, ver, op, _ = _HEADER.unpack_from(frame)
            self.ws_received.append((time.monotonic(), ver, op, frame[16:]))
            if op == 2 and self.answer_heartbeats:
                try:
                    conn.send(packet(3, struct.pack(">I", 1), 1))
                except ConnectionClosed:
                    return

    def heartbeats(self) -> list[float]:
        return [t for t, _, op, _ in self.ws_received if op == 2]

    def push(self, frame: bytes | str) -> None:
        """Send a frame to every connected client."""
        for conn in list(self.connections):
            try:
                conn.send(frame)
            except ConnectionClosed:
                self.connections.remove(conn)

    def drop_clients(self, code: int = 1011, reason: str = "server restarting") -> None:
        for conn in list(self.connections):
            conn.close(code, reason)
        self.connections.clear()

    def close(self) -> None:
        self.drop_clients(1001, "going away")
        self.ws.shutdown()
        self.http.shutdown()
        self.http.server_close()


class JsonLinesWebSocket:
    """A team's tool pushing JSON lines over a websocket (one or several lines a message)."""

    def __init__(self) -> None:
        self.connections: list[ServerConnection] = []
        self.paths: list[str] = []
        self.headers: list[Any] = []  # websockets' Headers: case-insensitive, as HTTP headers are
        self.ws: Server = serve(self._serve, "127.0.0.1", 0, compression=None)
        self.url = f"ws://127.0.0.1:{self.ws.socket.getsockname()[1]}"
        threading.Thread(target=self.ws.serve_forever, daemon=True).start()

    def _serve(self, conn: ServerConnection) -> None:
        self.paths.append(conn.request.path if conn.request else "")
        self.headers.append(conn.request.headers if conn.request else {})
        self.connections.append(conn)
        try:
            for _ in conn:
                pass
        except ConnectionClosed:
            pass

    def push(self, text: str | bytes) -> None:
        """Send to every connected client. The server's handler thread registers a client a moment after its
        handshake was answered, so a client may already say it is connected while no connection is listed yet: a push
        then waits for one (up to 5 s) instead of going to nobody — under load the flood test lost its first bursts
        so (3,900 of 4,000 comments)."""
        deadline = time.monotonic() + 5.0
        while not self.connections and time.monotonic() < deadline:
            time.sleep(0.005)
        for conn in list(self.connections):
            try:
                conn.send(text)
            except ConnectionClosed:
                self.connections.remove(conn)

    def drop_clients(self) -> None:
        for conn in list(self.connections):
            conn.close(1011, "restart")
        self.connections.clear()

    def close(self) -> None:
        self.drop_clients()
        self.ws.shutdown()


class JsonLinesHttp:
    """A streaming HTTP endpoint: each GET gets the scripted lines (chunked), then the stream ends."""

    def __init__(self) -> None:
        self.streams: list[list[bytes]] = []
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.status = 200
        self.extra_headers: dict[str, str] = {}
        self.hold_s = 0.0
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers)))
                lines = server.streams.pop(0) if server.streams else []
                self.send_response(server.status)
                self.send_header("Content-Type", "application/x-ndjson")
                self.send_header("Transfer-Encoding", "chunked")
                for name, value in server.extra_headers.items():
                    self.send_header(name, value)
                self.end_headers()
                for line in lines:
                    self.wfile.write(f"{len(line):x}\r\n".encode() + line + b"\r\n")
                    self.wfile.flush()
                time.sleep(server.hold_s)
                self.wfile.write(b"0\r\n\r\n")

            def log_message(self, *args: Any) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}/comments"
        threading.Thread(target=self.http.serve_forever, kwargs=QUICK_SHUTDOWN, daemon=True).start()

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()
