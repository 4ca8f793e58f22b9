"""The room's comment feed: the newest N events of every source in one ring, each message once, per-minute
counts (comments, unique chatters), and the events a reader never saw counted and said. Qt-free, thread-safe.

Memory is bounded whatever a source sends: the ring keeps `capacity` events, the de-duplication memory the
newest `dedup_window` ids, the per-minute counts `minutes_kept` minutes, each minute's chatters at most
MAX_CHATTERS_PER_MINUTE ids (beyond that the figure is a lower bound, and says so).
"""

from __future__ import annotations

import itertools
import threading
from collections import OrderedDict, deque
from collections.abc import Iterable
from dataclasses import dataclass

from console.core.chat.events import ChatDetail, ChatEvent
from obs.text import QT_TRANSLATE_NOOP

MAX_CHATTERS_PER_MINUTE = 100_000


@dataclass(frozen=True)
class FeedSlice:
    """What a reader gets: the events after its last sequence number, the number to ask from next, and how many
    it missed because they had already left the ring (the reader was too slow for the flood)."""

    events: tuple[ChatEvent, ...]
    seq: int
    missed: int


@dataclass(frozen=True)
class MinuteCount:
    #: The minute's start on the monotonic clock (a multiple of 60).
    start: float
    comments: int
    chatters: int
    #: True when the chatters figure stopped counting at MAX_CHATTERS_PER_MINUTE (it is "at least").
    capped: bool = False


class _Minute:
    __slots__ = ("capped", "chatters", "comments")

    def __init__(self) -> None:
        self.comments = 0
        self.chatters: set[str] = set()
        self.capped = False


class ChatFeed:
    def __init__(self, capacity: int = 5000, dedup_window: int = 50_000, minutes_kept: int = 180) -> None:
        if capacity < 1 or dedup_window < 1 or minutes_kept < 1:
            raise ValueError("the feed's sizes must be positive")
        self.capacity = capacity
        self._lock = threading.Lock()
        self._ring: deque[ChatEvent] = deque(maxlen=capacity)
        #: Sequence number of the newest event in the ring (the first event is 1).
        self._seq = 0
        self._seen: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._dedup_window = dedup_window
        self._minutes: OrderedDict[int, _Minute] = OrderedDict()
        self._minutes_kept = minutes_kept
        self.accepted = 0
        self.duplicates = 0
        #: Events readers never saw (they left the ring before being read): said, never silent.
        self.overflow = 0

    # ------------------------------------------------------------------ writing (any source thread)
    def add(self, event: ChatEvent) -> bool:
        """Keep the event; False (and counted) when the same platform message was already kept."""
        with self._lock:
            return self._add(event)

    def extend(self, events: Iterable[ChatEvent]) -> int:
        """Keep several under one lock (a frame of many packets); returns how many were new."""
        with self._lock:
            return sum(self._add(event) for event in events)

    def _add(self, event: ChatEvent) -> bool:
        if event.message_id:
            key = (event.platform, event.message_id)
            if key in self._seen:
                self.duplicates += 1
                return False
            self._seen[key] = None
            if len(self._seen) > self._dedup_window:
                self._seen.popitem(last=False)
        self._ring.append(event)
        self._seq += 1
        self.accepted += 1
        if event.has_text:
            self._count(event)
        return True

    def _count(self, event: ChatEvent) -> None:
        index = int(event.t // 60)
        minute = self._minutes.get(index)
        if minute is None:
            if self._minutes and index < next(iter(self._minutes)) and len(self._minutes) >= self._minutes_kept:
                return  # older than every minute kept: shown, but no longer counted
            late = bool(self._minutes) and index < next(reversed(self._minutes))
            minute = self._minutes[index] = _Minute()
            if late:  # a late event (a file's older row): keep the minutes in order
                self._minutes = OrderedDict(sorted(self._minutes.items()))
            while len(self._minutes) > self._minutes_kept:
                self._minutes.popitem(last=False)
        minute.comments += 1
        if len(minute.chatters) < MAX_CHATTERS_PER_MINUTE:
            minute.chatters.add(f"{event.platform}:{event.user_id or event.user_name}")
        elif not minute.capped:
            minute.capped = True

    # ------------------------------------------------------------------ reading (the GUI's drain, storage)
    @property
    def seq(self) -> int:
        with self._lock:
            return self._seq

    def since(self, seq: int) -> FeedSlice:
        """The events after `seq`. Those that already left the ring are counted as overflow — the reader says so
        instead of pretending it saw every comment. A reader starts from `seq` (0 for a feed made before its
        sources start)."""
        with self._lock:
            oldest = self._seq - len(self._ring) + 1
            missed = max(0, oldest - (seq + 1))
            self.overflow += missed
            start = max(seq + 1, oldest)
            events = tuple(itertools.islice(self._ring, start - oldest, None))
            return FeedSlice(events, self._seq, missed)

    def newest(self, count: int | None = None) -> list[ChatEvent]:
        with self._lock:
            items = list(self._ring)
        return items if count is None else items[-count:] if count > 0 else []

    def minutes(self) -> list[MinuteCount]:
        """Comments and unique chatters for each minute kept, oldest first (the current minute is still growing)."""
        with self._lock:
            return [
                MinuteCount(index * 60.0, m.comments, len(m.chatters), m.capped) for index, m in self._minutes.items()
            ]

    def last_minute(self, now: float) -> MinuteCount:
        """The last complete minute before `now` (monotonic): the figure a graph or the monitor shows."""
        index = int(now // 60) - 1
        with self._lock:
            minute = self._minutes.get(index)
            if minute is None:
                return MinuteCount(index * 60.0, 0, 0)
            return MinuteCount(index * 60.0, minute.comments, len(minute.chatters), minute.capped)

    def overflow_detail(self) -> ChatDetail | None:
        """Words for the overflow, None while there is none."""
        with self._lock:
            overflow = self.overflow
        if not overflow:
            return None
        return ChatDetail.of(
            QT_TRANSLATE_NOOP(
                "Chat", "{count} message arrived faster than it could be shown; it is counted but not listed."
            )
            if overflow == 1
            else QT_TRANSLATE_NOOP(
                "Chat", "{count} messages arrived faster than they could be shown; they are counted but not listed."
            ),
            count=overflow,
        )
