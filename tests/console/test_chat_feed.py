"""The room's comment feed: each message once, the newest N kept, per-minute comments and chatters, and what a
reader could not be shown counted and said — also through a flood."""

from __future__ import annotations

import threading
import tracemalloc

import pytest

from console.core.chat import feed as feed_module
from console.core.chat.events import ChatEvent, ChatKind, clip
from console.core.chat.feed import ChatFeed


def comment(
    n: int, t: float = 0.0, user: str = "", kind: ChatKind = ChatKind.COMMENT, mid: str | None = None
) -> ChatEvent:
    return ChatEvent("bilibili", "bili", kind, user or f"u{n}", f"观众{n}", f"第{n}条", t=t,
                     message_id=f"m{n}" if mid is None else mid)  # fmt: skip


def test_the_same_platform_message_is_kept_once_but_messages_without_an_id_always() -> None:
    feed = ChatFeed()
    assert feed.add(comment(1)) and not feed.add(comment(1)), "a replayed message is a duplicate"
    assert feed.add(ChatEvent("file", "f", ChatKind.COMMENT, "u1", "x", message_id="m1")), "ids are per platform"
    assert feed.add(comment(2, mid="")) and feed.add(comment(2, mid="")), "no id: nothing to compare, both kept"
    assert (feed.accepted, feed.duplicates, len(feed.newest())) == (4, 1, 4)


def test_the_ring_keeps_the_newest_and_a_slow_reader_is_told_what_it_missed() -> None:
    feed = ChatFeed(capacity=10)
    reader = feed.seq
    feed.extend(comment(n) for n in range(1, 26))
    assert [e.message_id for e in feed.newest(3)] == ["m23", "m24", "m25"] and len(feed.newest()) == 10
    piece = feed.since(reader)
    assert piece.missed == 15 and piece.events[0].message_id == "m16" and piece.seq == 25
    assert feed.overflow == 15
    detail = feed.overflow_detail()
    assert detail is not None and detail.text().startswith("15 messages arrived faster than they could be shown")
    feed.add(comment(26))
    again = feed.since(piece.seq)
    assert again.missed == 0 and [e.message_id for e in again.events] == ["m26"] and feed.overflow == 15


def test_a_reader_that_keeps_up_never_sees_an_overflow() -> None:
    feed = ChatFeed(capacity=5)
    seq, seen = feed.seq, list[ChatEvent]()
    for n in range(100):
        feed.add(comment(n))
        piece = feed.since(seq)
        seq = piece.seq
        seen.extend(piece.events)
    assert len(seen) == 100 and feed.overflow == 0 and feed.overflow_detail() is None


def test_comments_and_unique_chatters_per_minute() -> None:
    feed = ChatFeed()
    feed.extend(
        [
            comment(1, t=60.5, user="a"),
            comment(2, t=61.0, user="a"),
            comment(3, t=119.9, user="b"),
            comment(4, t=100.0, user="c", kind=ChatKind.GIFT),  # a gift is no comment
            comment(5, t=100.0, user="d", kind=ChatKind.SUPERCHAT),  # a paid message is one
            comment(6, t=121.0, user="a"),
        ]
    )
    minutes = feed.minutes()
    assert [(m.start, m.comments, m.chatters) for m in minutes] == [(60.0, 4, 3), (120.0, 1, 1)]
    assert feed.last_minute(now=150.0).comments == 4 and feed.last_minute(now=150.0).chatters == 3
    assert feed.last_minute(now=400.0).comments == 0, "a quiet minute is 0 comments: it was measured"
    feed.add(comment(7, t=10.0, user="z"))  # a file's older row arrives late
    assert [m.start for m in feed.minutes()] == [0.0, 60.0, 120.0]


def test_per_minute_memory_is_bounded_and_a_capped_count_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feed_module, "MAX_CHATTERS_PER_MINUTE", 100)
    feed = ChatFeed(minutes_kept=3)
    feed.extend(comment(n, t=n * 0.01, user=f"u{n}") for n in range(500))  # all in minute 0
    minute = feed.minutes()[0]
    assert (minute.comments, minute.chatters, minute.capped) == (500, 100, True)
    feed.extend(comment(1000 + m, t=60.0 * m) for m in range(1, 10))
    assert [m.start for m in feed.minutes()] == [420.0, 480.0, 540.0], "only the newest minutes are kept"
    feed.add(comment(2000, t=5.0))
    assert len(feed.minutes()) == 3, "a row older than every minute kept is shown but not counted"


def test_a_flood_of_2000_messages_a_second_for_10_seconds_keeps_memory_bounded() -> None:
    """The flood through the feed from four source threads at once; then five times as much again: memory does not
    grow with the number of messages, every comment is still counted per minute."""
    feed = ChatFeed(capacity=5000, dedup_window=50_000)

    def flood(first: int, count: int) -> None:
        for n in range(first, first + count, 4):
            feed.add(comment(n, t=1000.0 + n / 2000.0, user=f"u{n % 5000}"))

    def run(first: int, count: int) -> None:
        threads = [threading.Thread(target=flood, args=(first + i, count)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    tracemalloc.start()
    try:
        run(0, 20_000)
        after_flood = tracemalloc.get_traced_memory()[0]
        run(20_000, 100_000)
        after_five_more = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert feed.accepted == 120_000 and len(feed.newest()) == 5000
    assert sum(m.comments for m in feed.minutes()) == 120_000
    assert after_five_more < 40 * 2**20, f"{after_five_more / 2**20:.0f} MB after 120,000 messages"
    assert after_five_more < after_flood * 3, "memory grows with the window sizes, not with the messages"


def test_very_long_text_is_cut_with_a_mark() -> None:
    assert clip("x" * 5000) == "x" * 1999 + "…" and clip("短") == "短"
