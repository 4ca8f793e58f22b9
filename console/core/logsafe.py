"""Logging that never prints a secret: every record that any logger (ours, httpx, httpcore, urllib3) sends to
the console's handlers is formatted, then blanked of every secret registered here. No Qt.

A platform's API key can sit in a URL that httpx logs at INFO (`HTTP Request: GET …?key=…`); an OBS password
could appear in an exception's text. Blanking the formatted line (message, arguments and traceback alike)
is the one place that catches them all."""

from __future__ import annotations

import logging
import threading
from typing import TextIO
from urllib.parse import quote, quote_plus

BLANK = "•••"
#: Shorter strings are not treated as secrets: blanking "a" everywhere would garble every line.
MIN_LENGTH = 4

_lock = threading.Lock()
_secrets: set[str] = set()


def register_secret(secret: str | None) -> None:
    """From now on, `secret` (and its URL-encoded forms) never reaches a log line."""
    if not secret or len(secret) < MIN_LENGTH:
        return
    with _lock:
        _secrets.update({secret, quote(secret, safe=""), quote_plus(secret)})


def redact(text: str) -> str:
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)  # the longest first: an encoded form contains the plain
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, BLANK)
    return text


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def install(level: int, stream: TextIO | None = None) -> logging.Handler:
    """Configure the root logger with one stream handler whose lines are blanked of secrets."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "onair_safe", False)]:
        root.removeHandler(old)
    handler.onair_safe = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return handler
