"""Audience sources against a real HTTP server on a real socket (platform answer shapes, rate limits, auth and
quota errors, garbage) and real files being appended, truncated, rotated and written by other tools."""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from console.core.telemetry.audience import SourceStatus, parse_count
from console.core.telemetry.audience_config import AudienceConfig, parse_headers
from console.core.telemetry.audience_file import FileTailSource
from console.core.telemetry.audience_http import PRESETS, HttpJsonSource, HttpSpec, SpecError
from tests.conftest import wait_until
from tests.http_platform import Platform

SECRET = "s3cr3t-t0ken/+="


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=2.0) as c:
        yield c


def local(spec: HttpSpec, platform: Platform) -> HttpSpec:
    """The preset's request, sent to the local platform instead (same path, query and headers)."""
    path = spec.url.split("/", 3)[3]
    return replace(spec, url=f"{platform.base}/{path}")


def preset_source(preset: str, params: dict[str, str], platform: Platform, secret: str = SECRET) -> HttpJsonSource:
    config = AudienceConfig(kind="http", preset=preset, params=tuple(params.items()))
    return HttpJsonSource(local(config.spec(), platform), secret, name=preset)


# ---------------------------------------------------------------------- counts
@pytest.mark.parametrize(
    ("text", "value"),
    [
        (1888, 1888.0), ("1888", 1888.0), ("1,888", 1888.0), ("1.2万", 12000.0), ("2.2K", 2200.0), ("3.5m", 3.5e6),
        ("1.1亿", 1.1e8), ("10万+", 100000.0), (" 36 ", 36.0), (0, 0.0), ("0", 0.0),
        (None, None), ("", None), ("n/a", None), (True, None), (-5, None), ("-5", None), (float("nan"), None),
        ({"a": 1}, None),
    ],
)  # fmt: skip
def test_counts_as_platforms_write_them(text: Any, value: float | None) -> None:
    assert parse_count(text) == value


# ---------------------------------------------------------------------- presets on the wire
def test_twitch_sends_its_credentials_and_reads_live_and_offline(platform: Platform, client: httpx.Client) -> None:
    source = preset_source("twitch", {"login": "https://www.twitch.tv/SomeStreamer", "client_id": "cid42"}, platform)
    platform.answer(body={"data": [{"type": "live", "viewer_count": 4321, "user_login": "somestreamer"}]})
    platform.answer(body={"data": []})
    assert source.poll(client) == pytest.approx(30, rel=0.06), "never faster than Twitch's 30 s"
    _, path, headers = platform.requests[0]
    assert path == "/helix/streams?user_login=somestreamer", "the channel is read from a pasted address"
    assert headers["Client-Id"] == "cid42" and headers["Authorization"] == f"Bearer {SECRET}"
    assert source.state().status is SourceStatus.OK and source.reading().viewers == 4321  # type: ignore[union-attr]
    source.poll(client)
    reading = source.reading()
    assert source.state().status is SourceStatus.OFFLINE and reading is not None and reading.viewers is None


def test_youtube_string_counts_hidden_viewers_and_the_end_of_the_show(platform: Platform, client: httpx.Client) -> None:
    source = preset_source("youtube", {"video": "https://youtu.be/dQw4w9WgXcQ?t=5"}, platform)
    details = {"actualStartTime": "2026-11-24T12:00:00Z", "concurrentViewers": "1532"}
    platform.answer(body={"items": [{"liveStreamingDetails": details, "statistics": {"likeCount": "87"}}]})
    platform.answer(
        body={"items": [{"liveStreamingDetails": {"actualStartTime": "x"}, "statistics": {"likeCount": "90"}}]}
    )
    platform.answer(body={"items": [{"liveStreamingDetails": {"actualStartTime": "x", "actualEndTime": "y"}}]})
    source.poll(client)
    assert "id=dQw4w9WgXcQ&key=s3cr3t-t0ken%2F%2B%3D" in platform.requests[0][1], "the key is URL-encoded"
    reading = source.reading()
    assert reading is not None and (reading.viewers, reading.likes) == (1532, 87)
    source.poll(client)
    reading = source.reading()
    assert source.state().status is SourceStatus.OK, "live with the count hidden is not an error"
    assert reading is not None and reading.viewers is None and reading.likes == 90, "hidden is unknown, not 0"
    source.poll(client)
    assert source.state().status is SourceStatus.OFFLINE


def test_a_used_up_youtube_quota_waits_for_the_daily_reset(platform: Platform, client: httpx.Client) -> None:
    source = preset_source("youtube", {"video": "abc"}, platform)
    error = {"error": {"code": 403, "errors": [{"reason": "quotaExceeded", "domain": "youtube.quota"}]}}
    platform.answer(403, error)
    wait = source.poll(client)
    state = source.state()
    assert state.status is SourceStatus.RATE_LIMITED and "quota" in state.detail.text()
    assert 60 < wait <= 24 * 3600 + 600, f"waits until midnight Pacific, not {wait} s"


def test_http_429_honours_ratelimit_reset_and_retry_after(platform: Platform, client: httpx.Client) -> None:
    source = preset_source("twitch", {"login": "x", "client_id": "y"}, platform)
    platform.answer(429, {"message": "Too Many Requests"}, Ratelimit_Reset=str(int(time.time()) + 120))
    wait = source.poll(client)
    assert source.state().status is SourceStatus.RATE_LIMITED and 115 < wait < 125
    platform.answers = []
    platform.answer(429, {}, Retry_After="90")
    assert 89 < source.poll(client) < 93
    platform.answers = []
    platform.answer(200, {"data": [{"type": "live", "viewer_count": 5}]}, Ratelimit_Remaining="0",
                    Ratelimit_Reset=str(int(time.time()) + 200))  # fmt: skip
    assert source.poll(client) > 190, "no points left: wait for the bucket to refill"
    assert source.state().status is SourceStatus.OK


def test_refused_credentials_are_an_auth_error_that_never_shows_the_secret(
    platform: Platform, client: httpx.Client
) -> None:
    source = preset_source("twitch", {"login": "x", "client_id": "y"}, platform)
    platform.answer(401, {"error": "Unauthorized", "status": 401, "message": f"Invalid OAuth token {SECRET}"})
    first = source.poll(client)
    second = source.poll(client)
    state = source.state()
    assert state.status is SourceStatus.AUTH_ERROR and "HTTP 401" in state.detail.text()
    assert SECRET not in repr(state), "the token never reaches a status"
    assert second > first * 1.5, "repeated failures back off"


def test_server_errors_garbage_and_wrong_paths_say_what_is_wrong(platform: Platform, client: httpx.Client) -> None:
    spec = HttpSpec(f"{platform.base}/stats", viewers="$.room.online", interval_s=5)
    source = HttpJsonSource(spec)
    platform.answer(503, b"busy", Content_Type="text/plain")
    platform.answer(200, b"<html>login</html>", Content_Type="text/html")
    platform.answer(200, {"room": {"title": "x"}})
    platform.answer(200, {"room": {"online": "1.2万"}})
    waits = []
    for expected in ("HTTP 503", "not with JSON (content type “text/html”)", "no number at the JSONPath for viewers"):
        waits.append(source.poll(client))
        state = source.state()
        assert state.status is SourceStatus.ERROR and expected in state.detail.text(), state
    assert waits[0] < waits[1], "errors back off exponentially"
    source.poll(client)
    assert source.state().status is SourceStatus.OK and source.reading().viewers == 12000  # type: ignore[union-attr]


def test_an_unreachable_host_is_an_error_and_stopping_is_prompt() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    source = HttpJsonSource(HttpSpec(f"http://127.0.0.1:{port}/x", viewers="$.v", interval_s=5))
    source.start()
    try:
        wait_until(lambda: source.state().status is SourceStatus.ERROR, 5.0)
        assert "Cannot reach 127.0.0.1" in source.state().detail.text()
    finally:
        started = time.monotonic()
        source.stop()
        assert time.monotonic() - started < 1.5


def test_the_polling_thread_publishes_and_keeps_its_interval(platform: Platform) -> None:
    platform.answer(200, {"viewers": 7})
    source = HttpJsonSource(HttpSpec(f"{platform.base}/v", viewers="$.viewers", interval_s=0.3))
    source.start()
    try:
        wait_until(lambda: len(platform.requests) >= 3, 5.0)
    finally:
        source.stop()
    gaps = [b[0] - a[0] for a, b in zip(platform.requests, platform.requests[1:], strict=False)]
    assert min(gaps) >= 0.29 and source.reading().viewers == 7  # type: ignore[union-attr]


# ---------------------------------------------------------------------- configuration
def test_configurations_that_cannot_work_are_explained() -> None:
    with pytest.raises(SpecError, match="JSONPath for likes is not valid"):
        AudienceConfig(kind="http", url="https://x.example/a", viewers="$.v", likes="$.[[").check()
    with pytest.raises(SpecError, match="http:// or https://"):
        AudienceConfig(kind="http", url="ftp://x.example/a", viewers="$.v").check()
    with pytest.raises(SpecError, match="at least one"):
        AudienceConfig(kind="http", url="https://x.example/a", live="$.live").check()
    with pytest.raises(SpecError, match="Fill in “Client ID”"):
        AudienceConfig(kind="http", preset="twitch", params=(("login", "abc"),)).check()
    with pytest.raises(SpecError, match="Choose the file"):
        AudienceConfig(kind="file").check()
    with pytest.raises(SpecError, match="line 2"):
        parse_headers("Client-Id: 1\nno colon here")


def test_a_configuration_survives_rooms_json_and_keeps_the_platform_minimum() -> None:
    config = AudienceConfig(kind="http", preset="twitch", params=(("login", "a"), ("client_id", "b")), interval_s=1)
    again = AudienceConfig.from_json(json.loads(json.dumps(config.to_json())))
    assert again == config and again.spec().interval_s == 30, "a preset cannot be polled faster than allowed"
    custom = AudienceConfig(kind="http", url="https://x/{secret}", headers=(("X-Key", "{secret}"),), viewers="$.v")
    assert AudienceConfig.from_json(custom.to_json()) == custom and custom.needs_secret
    assert not AudienceConfig(kind="http", preset="bilibili").needs_secret and PRESETS["youtube"].secret_label
    broken_values: tuple[object, ...] = (
        [],
        {"kind": "pigeon"},
        {"kind": "http", "preset": "myspace"},
        {"kind": "http", "params": 3},
    )
    for broken in broken_values:
        with pytest.raises(ValueError):
            AudienceConfig.from_json(broken)


# ---------------------------------------------------------------------- file tail
def test_a_tab_separated_excel_export_with_chinese_headers_is_followed(tmp_path: Path) -> None:
    path = tmp_path / "douyin.tsv"
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    path.write_bytes("\ufeff时间\t在线人数\t点赞数\t评论数\r\n".encode() + f"{now}\t1.2万\t3456\t78\r\n".encode())
    source = FileTailSource(path)
    source.poll()
    reading = source.reading()
    assert source.state().status is SourceStatus.OK
    assert reading is not None and (reading.viewers, reading.likes, reading.interactions) == (12000, 3456, 78)
    with path.open("ab") as handle:
        handle.write(f"{now}\t13000\t35".encode())  # the writer is mid-line
    source.poll()
    assert source.reading().viewers == 12000, "a half-written row waits for its end"  # type: ignore[union-attr]
    with path.open("ab") as handle:
        handle.write(b"00\t80\r\n")
    source.poll()
    assert source.reading().likes == 3500  # type: ignore[union-attr]


def test_truncation_rotation_and_a_gbk_file(tmp_path: Path) -> None:
    path = tmp_path / "audience.csv"
    path.write_text("timestamp,viewers\n2026-11-24T20:00:00,100\n" + "".join(f",{n}\n" for n in range(101, 120)))
    source = FileTailSource(path)
    source.poll()
    assert source.reading().viewers == 119  # type: ignore[union-attr]
    path.write_text("timestamp,viewers\n,5\n")  # cut short and rewritten
    source.poll()
    assert source.reading().viewers == 5, "truncation starts over"  # type: ignore[union-attr]
    path.rename(tmp_path / "audience.csv.1")
    path.write_bytes("时间;观看人数;点赞\n;888;9\n".encode("gb18030"))  # a new file in its place, Chinese Excel
    source.poll()
    reading = source.reading()
    assert reading is not None and (reading.viewers, reading.likes) == (888, 9), "rotation and GBK are followed"


def test_a_missing_file_a_wrong_file_and_an_old_row(tmp_path: Path) -> None:
    path = tmp_path / "later.csv"
    source = FileTailSource(path, stale_after_s=60)
    source.poll()
    assert source.state().status is SourceStatus.ERROR and "does not exist" in source.state().detail.text()
    path.write_text("name,price\nlamp,30\n")
    source.poll()
    assert "names no viewers, likes or interactions column" in source.state().detail.text()
    path.unlink()
    old = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(time.time() - 600))
    path.write_text(f"time,viewers\n{old},321\n")
    source.poll()
    assert source.reading().viewers == 321  # type: ignore[union-attr]
    assert source.state().status is SourceStatus.STALE, "a row ten minutes old is not the audience now"
    assert source.current() is None


def test_a_long_history_is_not_read_whole_at_start(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w") as handle:
        handle.write("time,viewers,likes\n")
        for n in range(200_000):
            handle.write(f",{n},{n // 10}\n")
    source = FileTailSource(path)
    published = []
    source._publish = lambda reading, *a, **k: published.append(reading)  # type: ignore[method-assign]
    source.poll()
    assert published[-1].viewers == 199_999 and published[-1].likes == 19_999
    assert len(published) < 10_000 < os.path.getsize(path) // 20, "only the file's end is read at start"


# ---------------------------------------------------------------------- hostile platforms
def test_a_gzip_bomb_or_a_huge_answer_is_not_read(platform: Platform, client: httpx.Client) -> None:
    import gzip

    import psutil

    source = HttpJsonSource(HttpSpec(f"{platform.base}/v", viewers="$.viewers", interval_s=5))
    bomb = gzip.compress(b" " * (256 * 1024 * 1024), compresslevel=9)  # 256 MiB of spaces in ~250 KB
    platform.answer(200, bomb, Content_Encoding="gzip")
    platform.answer(200, b"[" + b"1," * (2 * 1024 * 1024) + b"1]")  # 4 MB of plain JSON
    platform.answer(200, {"viewers": 3})
    before = psutil.Process().memory_info().rss
    for _ in range(2):
        source.poll(client)
        state = source.state()
        assert state.status is SourceStatus.ERROR and "larger than 1 MB" in state.detail.text(), state
    grown = (psutil.Process().memory_info().rss - before) / 2**20
    assert grown < 64, f"reading a bomb grew the process by {grown:.0f} MB"
    source.poll(client)
    assert source.reading().viewers == 3  # type: ignore[union-attr]


def test_an_answer_dripped_byte_by_byte_ends_at_the_polls_deadline(platform: Platform, client: httpx.Client) -> None:
    source = HttpJsonSource(HttpSpec(f"{platform.base}/v", viewers="$.viewers", interval_s=5, timeout_s=1.5))
    platform.answer(200, {"viewers": 12345, "padding": "x" * 40})
    platform.drip_s = 0.2
    started = time.monotonic()
    source.poll(client)
    took = time.monotonic() - started
    state = source.state()
    assert state.status is SourceStatus.ERROR and "did not answer within 1.5 s" in state.detail.text(), state
    assert took < 5, f"the poll took {took:.1f} s"


def test_http_429_without_a_reset_time_backs_off_further_each_time(platform: Platform, client: httpx.Client) -> None:
    source = HttpJsonSource(HttpSpec(f"{platform.base}/v", viewers="$.viewers", interval_s=5))
    platform.answer(429, {"message": "slow down"})
    waits = [source.poll(client) for _ in range(4)]
    assert source.state().status is SourceStatus.RATE_LIMITED
    assert waits[3] > waits[0] * 4, f"waits {waits}: a platform that keeps refusing is asked less and less"


def test_the_api_key_in_a_url_never_reaches_a_log_line(platform: Platform, client: httpx.Client) -> None:
    import io
    import logging

    from console.core import logsafe

    stream = io.StringIO()
    handler = logsafe.install(logging.INFO, stream)
    try:
        key = "AIzaSy-very-secret/key+1"
        platform.answer(200, {"viewers": 5})
        source = HttpJsonSource(HttpSpec(f"{platform.base}/v?key={{secret}}", viewers="$.viewers"), key)
        source.poll(client)
        logging.getLogger("onair.test").warning("a failure quoting %s", key)
    finally:
        logging.getLogger().removeHandler(handler)
        logging.getLogger().setLevel(logging.WARNING)
    text = stream.getvalue()
    assert "HTTP Request: GET" in text, "httpx logged the request"
    assert "secret" not in text and "AIzaSy" not in text, text
    assert text.count(logsafe.BLANK) >= 2
