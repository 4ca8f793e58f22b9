"""A scripted HTTP platform on a real socket, standing in for Twitch, YouTube or a team's own dashboard."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

#: serve_forever's arguments for the tests' HTTP servers: socketserver looks for a shutdown request between polls,
#: every 0.5 s by default, so each server's shutdown() at a test's end waited 0.25 s on average (the chat, alerts
#: and audience tests close well over a hundred of them a run); at 0.05 s it waits 25 ms.
QUICK_SHUTDOWN = {"poll_interval": 0.05}


class Platform:
    """A scripted HTTP server: answers (status, headers, body) in turn, the last one repeated; records requests."""

    def __init__(self) -> None:
        self.answers: list[tuple[int, dict[str, str], Any]] = []
        self.requests: list[tuple[float, str, dict[str, str]]] = []
        #: Seconds between the body's bytes (a server that drips its answer); 0 sends it at once.
        self.drip_s = 0.0
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                platform.requests.append((time.monotonic(), self.path, dict(self.headers)))
                status, headers, body = platform.answers.pop(0) if len(platform.answers) > 1 else platform.answers[0]
                raw = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                headers = {"Content-Type": "application/json", **headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                if not platform.drip_s:
                    self.wfile.write(raw)
                    return
                for i in range(len(raw)):
                    try:
                        self.wfile.write(raw[i : i + 1])
                        self.wfile.flush()
                    except OSError:
                        return  # the client gave up
                    time.sleep(platform.drip_s)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, kwargs=QUICK_SHUTDOWN, daemon=True).start()

    def answer(self, status: int = 200, body: Any = None, **headers: str) -> None:
        self.answers.append((status, {k.replace("_", "-"): v for k, v in headers.items()}, body))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
