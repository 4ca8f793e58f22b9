"""Bilibili live open platform (开放平台) on the wire: the signed HTTP request headers and the websocket's binary
packets. Pure functions, no I/O. Qt-free.

Packets (as the open platform's websocket document describes them): a 16-byte big-endian header — packet length
(header included), header length (16), protocol version (0 plain JSON, 1 heartbeat/auth body, 2 zlib, 3 brotli),
operation (2 heartbeat, 3 heartbeat reply, 5 message, 7 auth, 8 auth reply), sequence — then the body. A
compressed body holds further packets, each with its own header; one websocket frame may hold several packets.

Requests: every call to the open platform's HTTP API carries x-bili-accesskeyid, x-bili-content-md5 (the body's
MD5, hex), x-bili-signature-method (HMAC-SHA256), x-bili-signature-nonce (random, never reused),
x-bili-signature-version (1.0) and x-bili-timestamp (epoch seconds); Authorization is the hex HMAC-SHA256, keyed
with the access key secret, of those six headers sorted by name as "name:value" lines joined by "\\n".
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import struct
import time
import uuid
import zlib
from dataclasses import dataclass

HEADER = struct.Struct(">IHHII")
HEADER_LENGTH = 16
#: The most a frame may inflate to (all its compressed bodies together): a real frame is a few KB.
MAX_INFLATED = 8 * 1024 * 1024
#: Compressed bodies inside compressed bodies are not sent by the platform; one level is allowed, then it is refused.
MAX_DEPTH = 2
SIGNATURE_VERSION = "1.0"


class Op(enum.IntEnum):
    HEARTBEAT = 2
    HEARTBEAT_REPLY = 3
    MESSAGE = 5
    AUTH = 7
    AUTH_REPLY = 8


class Ver(enum.IntEnum):
    JSON = 0
    PLAIN = 1
    ZLIB = 2
    BROTLI = 3


@dataclass(frozen=True)
class Packet:
    ver: int
    op: int
    seq: int
    body: bytes


def pack(op: int, body: bytes = b"", ver: int = Ver.PLAIN, seq: int = 1) -> bytes:
    return HEADER.pack(HEADER_LENGTH + len(body), HEADER_LENGTH, ver, op, seq) + body


class _Budget:
    """What a frame may still inflate to."""

    def __init__(self, limit: int) -> None:
        self.left = limit


def _inflate(ver: int, body: bytes, budget: _Budget) -> bytes:
    """A compressed body, inflated no further than the budget; ValueError in words when it cannot be."""
    if ver == Ver.ZLIB:
        inflater = zlib.decompressobj()
        try:
            out = inflater.decompress(body, budget.left + 1)
        except zlib.error as exc:
            raise ValueError(f"zlib body cannot be inflated ({exc})") from exc
        finished = inflater.eof
    else:
        import brotli  # type: ignore[import-untyped]

        decompressor = brotli.Decompressor()
        try:
            out = decompressor.process(body, output_buffer_limit=budget.left + 1)
        except brotli.error as exc:
            raise ValueError(f"brotli body cannot be inflated ({exc})") from exc
        finished = decompressor.is_finished()
    if len(out) > budget.left:
        raise ValueError(f"compressed body inflates beyond {MAX_INFLATED // (1024 * 1024)} MB")
    if not finished:
        raise ValueError("compressed body is cut short")
    budget.left -= len(out)
    return bytes(out)


def unpack(frame: bytes, limit: int = MAX_INFLATED) -> tuple[list[Packet], list[str]]:
    """Every packet of a websocket frame, compressed bodies opened; and what could not be read, in words. A bad
    packet never loses the good packets before it."""
    packets: list[Packet] = []
    problems: list[str] = []
    _unpack(frame, packets, problems, _Budget(limit), 0)
    return packets, problems


def _unpack(data: bytes, packets: list[Packet], problems: list[str], budget: _Budget, depth: int) -> None:
    offset = 0
    while offset < len(data):
        if len(data) - offset < HEADER_LENGTH:
            problems.append(f"{len(data) - offset} stray bytes after the last packet")
            return
        length, header_length, ver, op, seq = HEADER.unpack_from(data, offset)
        if header_length < HEADER_LENGTH or length < header_length or offset + length > len(data):
            problems.append(f"packet header says length {length}, header {header_length}; {len(data) - offset} left")
            return
        body = data[offset + header_length : offset + length]
        offset += length
        if op == Op.MESSAGE and ver in (Ver.ZLIB, Ver.BROTLI):
            if depth >= MAX_DEPTH:
                problems.append("compressed packets nested too deeply")
                continue
            try:
                inner = _inflate(ver, body, budget)
            except ValueError as exc:
                problems.append(str(exc))
                continue
            _unpack(inner, packets, problems, budget, depth + 1)
        elif ver > Ver.BROTLI:
            problems.append(f"unknown protocol version {ver}")
        else:
            packets.append(Packet(ver, op, seq, body))


# ---------------------------------------------------------------------------------------------- HTTP signature
def string_to_sign(headers: dict[str, str]) -> str:
    return "\n".join(f"{name}:{headers[name]}" for name in sorted(headers) if name.startswith("x-bili-"))


def sign(
    body: bytes, key_id: str, key_secret: str, nonce: str | None = None, timestamp: int | None = None
) -> dict[str, str]:
    """The headers of one signed request to the open platform's HTTP API."""
    headers = {
        "x-bili-accesskeyid": key_id,
        "x-bili-content-md5": hashlib.md5(body).hexdigest(),
        "x-bili-signature-method": "HMAC-SHA256",
        "x-bili-signature-nonce": nonce or uuid.uuid4().hex,
        "x-bili-signature-version": SIGNATURE_VERSION,
        "x-bili-timestamp": str(int(time.time()) if timestamp is None else timestamp),
    }
    signature = hmac.new(key_secret.encode(), string_to_sign(headers).encode(), hashlib.sha256).hexdigest()
    return {**headers, "Authorization": signature, "Accept": "application/json", "Content-Type": "application/json"}
