"""Custom comment sources against a local WebSocket and a streaming HTTP endpoint sending JSON lines, and real
files appended, truncated and rotated while they are read — the route for Douyin, Taobao Live and Kuaishou."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.core.chat.custom import JsonLinesHttpSource, JsonLinesWebSocketSource
from console.core.chat.events import ChatKind
from console.core.chat.feed import ChatFeed
from console.core.chat.file_tail import ChatFileTail
from console.core.chat.mapping import FieldMap, lookup
from console.core.telemetry.audience import SourceStatus
from tests.chat_servers import JsonLinesHttp, JsonLinesWebSocket
from tests.conftest import wait_until

NESTED = FieldMap(
    user="data.user.nickname",
    user_id="data.user.sec_uid",
    text="data.content",
    kind="type",
    id="data.msg_id",
    time="data.create_time",
    gift="data.gift.name",
    count="data.gift.count",
)


def douyin_like(n: int, text: str = "", kind: str = "comment", **gift: object) -> str:
    """A line as a team's own Douyin tool might write it."""
    data: dict[str, object] = {
        "user": {"nickname": f"抖音用户{n}", "sec_uid": f"MS4w{n}"},
        "content": text or f"第{n}条",
        "msg_id": f"d{n}",
        "create_time": int(time.time()),
    }
    if gift:
        data["gift"] = gift
    return json.dumps({"type": kind, "data": data}, ensure_ascii=False)


@pytest.fixture
def http_server() -> Iterator[JsonLinesHttp]:
    server = JsonLinesHttp()
    yield server
    server.close()


def test_the_mapping_reads_nested_fields_and_list_steps() -> None:
    record = {"a": {"b": [{"c": "x"}, {"c": "y"}]}, "n": 0}
    assert lookup(record, "$.a.b.1.c") == "y" and lookup(record, "a.b.-1.c") == "y" and lookup(record, "a.b.5") is None
    assert lookup(record, "n") == 0 and lookup(record, "a.zz.c") is None and lookup(record, "") is None
    assert FieldMap.from_json(NESTED.to_json()) == NESTED and FieldMap().to_json() == {}


# ---------------------------------------------------------------------- WebSocket
def test_a_websocket_sending_json_lines_with_a_secret_and_a_field_mapping(ws_server: JsonLinesWebSocket) -> None:
    feed = ChatFeed()
    source = JsonLinesWebSocketSource(feed, ws_server.url + "/feed?token={secret}", NESTED,
                                      headers=(("X-Token", "{secret}"),), secret="tok/en+1")  # fmt: skip
    source.start()
    try:
        wait_until(lambda: source.state().status is SourceStatus.OK and ws_server.connections, 5.0)
        assert ws_server.paths[0] == "/feed?token=tok%2Fen%2B1" and ws_server.headers[0]["X-Token"] == "tok/en+1"
        ws_server.push(
            douyin_like(1, "主播 这个多少钱？ 🎉 ok") + "\n" + douyin_like(2, kind="礼物", name="小心心", count=5)
        )
        ws_server.push(douyin_like(3, kind="点赞").encode())  # a binary message, no newline
        ws_server.push(douyin_like(1, "主播 这个多少钱？ 🎉 ok"))  # the tool resent it
        ws_server.push(
            '{"type": "comment", "data": {"content": "nobody"}}\nnot json\n[1]\n' + douyin_like(4, kind="pk")
        )
        wait_until(lambda: feed.accepted == 3 and source.counts().malformed == 3, 5.0)
    finally:
        source.stop()
        assert source.join(5.0)
    first, gift, like = feed.newest()
    assert (first.kind, first.user_name, first.user_id, first.text, first.message_id) == (
        ChatKind.COMMENT, "抖音用户1", "MS4w1", "主播 这个多少钱？ 🎉 ok", "d1"
    )  # fmt: skip
    assert abs(first.wall - time.time()) < 5 and first.platform == "websocket"
    assert (gift.kind, gift.gift_name, gift.count) == (ChatKind.GIFT, "小心心", 5) and like.kind is ChatKind.LIKE
    assert feed.duplicates == 1 and dict(source.counts().unknown) == {"pk": 1}


def test_a_dropped_websocket_is_joined_again_and_a_refused_one_backs_off(ws_server: JsonLinesWebSocket) -> None:
    feed = ChatFeed()
    source = JsonLinesWebSocketSource(feed, ws_server.url, FieldMap())
    source.backoff_base_s = 0.05
    source.start()
    try:
        wait_until(lambda: ws_server.connections, 5.0)
        ws_server.drop_clients()
        wait_until(lambda: len(ws_server.paths) == 2 and source.state().status is SourceStatus.OK, 5.0)
        ws_server.push('{"user": "a", "text": "back"}')
        wait_until(lambda: feed.accepted == 1, 5.0)
        ws_server.ws.shutdown()  # the tool is gone: connections are refused from now on
        ws_server.drop_clients()
        wait_until(lambda: len(source.waits) >= 5, 10.0)
        assert (
            source.state().status is SourceStatus.ERROR
            and "Cannot connect to 127.0.0.1" in source.state().detail.text()
        )
        assert source.waits[-1] > source.waits[-4] * 3, f"backs off: {source.waits}"
    finally:
        source.stop()
        assert source.join(5.0)


# ---------------------------------------------------------------------- streaming HTTP
def test_a_streaming_http_endpoint_lines_split_across_chunks_and_asked_again(http_server: JsonLinesHttp) -> None:
    line = json.dumps({"user": "王五", "text": "有没有优惠券", "id": "h1"}, ensure_ascii=False).encode() + b"\n"
    http_server.streams = [[line[:7], line[7:] + b'{"user": "x", "text": "y", "id": "h2"}'], [line]]
    feed = ChatFeed()
    source = JsonLinesHttpSource(feed, http_server.url + "?k={secret}", FieldMap(), secret="abc")
    source.backoff_base_s = 0.05
    source.start()
    try:
        # The second request counts when it arrives; its line (h1 again) is read a moment later.
        wait_until(lambda: feed.accepted == 2 and feed.duplicates >= 1, 5.0)
    finally:
        source.stop()
        assert source.join(5.0)
    assert [e.text for e in feed.newest()] == ["有没有优惠券", "y"], "a line in two chunks; the stream's last line"
    assert len(http_server.requests) >= 2 and http_server.requests[0][0] == "/comments?k=abc"


def test_refused_and_rate_limited_http_endpoints_are_said(http_server: JsonLinesHttp) -> None:
    http_server.status = 401
    source = JsonLinesHttpSource(ChatFeed(), http_server.url, FieldMap(), secret="s3cr3t")
    source.backoff_base_s = 0.05
    source.start()
    try:
        wait_until(lambda: source.state().status is SourceStatus.AUTH_ERROR, 5.0)
        assert "answered HTTP 401" in source.state().detail.text()
        assert "s3cr3t" not in repr(source.state())
        http_server.status, http_server.extra_headers = 429, {"Retry-After": "120"}
        wait_until(lambda: source.state().status is SourceStatus.RATE_LIMITED, 5.0)
        assert source.waits[-1] == 120.0, "waits as long as the endpoint asks"
    finally:
        source.stop()
        source.join(5.0)


# ---------------------------------------------------------------------- file tail
def test_a_chinese_csv_appended_while_read_in_gb18030(tmp_path: Path) -> None:
    path = tmp_path / "kuaishou.csv"
    path.write_bytes("时间,昵称,评论内容,类型\n2026-11-30 20:00:00,旧观众,开播前的旧评论,评论\n".encode("gb18030"))
    feed = ChatFeed()
    source = ChatFileTail(feed, path, poll_s=0.05)
    source.start()
    try:
        wait_until(lambda: source.state().status is SourceStatus.OK, 5.0)
        written: list[str] = []

        def writer() -> None:
            with path.open("ab") as handle:
                for n in range(200):
                    row = f"{time.strftime('%Y-%m-%d %H:%M:%S')},快手用户{n},第{n}条：能便宜点吗？,评论\n"
                    data = row.encode("gb18030")
                    handle.write(data[:5])  # the other tool writes in pieces
                    handle.flush()
                    handle.write(data[5:])
                    handle.flush()
                    written.append(row)
                    if n % 20 == 0:
                        time.sleep(0.01)

        thread = threading.Thread(target=writer)
        thread.start()
        thread.join()
        wait_until(lambda: feed.accepted == 200, 10.0)
    finally:
        source.stop()
        assert source.join(5.0)
    events = feed.newest()
    assert events[0].user_name == "快手用户0" and events[-1].text == "第199条：能便宜点吗？"
    assert all("旧" not in e.user_name for e in events), "rows written before the start are history"
    assert source.counts().malformed == 0


def test_json_lines_file_truncated_rotated_and_a_half_written_line(tmp_path: Path) -> None:
    path = tmp_path / "taobao.jsonl"
    path.write_text("")
    feed = ChatFeed()
    source = ChatFileTail(feed, path, from_start=True)
    source.poll()
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"user": "a", "text": "一", "id": "1"}\n{"user": "b", "te')
    source.poll()
    assert [e.text for e in feed.newest()] == ["一"], "the half-written line waits"
    with path.open("a", encoding="utf-8") as handle:
        handle.write('xt": "二", "id": "2"}\r\n')
    source.poll()
    assert [e.text for e in feed.newest()] == ["一", "二"]
    path.write_text('{"user": "c", "text": "三", "id": "3"}\n')  # cut short and rewritten
    source.poll()
    os.rename(path, tmp_path / "taobao.jsonl.1")
    path.write_bytes('\ufeff{"user": "d", "text": "四", "id": "4"}\n'.encode())  # rotated, with a BOM
    source.poll()
    assert [e.text for e in feed.newest()] == ["一", "二", "三", "四"]
    path.unlink()
    source.poll()
    assert source.state().status is SourceStatus.ERROR and "does not exist" in source.state().detail.text()


def test_a_file_without_a_text_column_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("name,price\nlamp,30\n")
    source = ChatFileTail(ChatFeed(), path)
    source.poll()
    assert "names no comment text column" in source.state().detail.text()


def test_rows_written_after_the_start_are_read_even_with_the_header_in_the_same_write(tmp_path: Path) -> None:
    """The team's tool creates the file when the show starts — after the console did."""
    empty, header_only = tmp_path / "empty.csv", tmp_path / "header.csv"
    empty.write_bytes(b"")
    header_only.write_text("user,text\n")
    feeds = {path: ChatFeed() for path in (empty, header_only)}
    sources = [ChatFileTail(feed, path) for path, feed in feeds.items()]
    for source in sources:
        source.poll()
    empty.write_text("user,text\n甲,第一条\n乙,第二")
    with header_only.open("a") as handle:
        handle.write("丙,第三条\n")
    for source in sources:
        source.poll()
    assert [e.text for e in feeds[empty].newest()] == ["第一条"] and [e.text for e in feeds[header_only].newest()] == [
        "第三条"
    ]
