"""A room's chat: its comment sources (built from the room's ChatConfig) feeding one ChatFeed, started and stopped
together, their states, the trailing-minute figures the show's telemetry samples, and the comments waiting to be
stored with the show. Qt-free; the console's chat controller and `onair monitor` both use it.

The figures are the trailing 60 s (not the last calendar minute): a graph at 1 Hz moves with the room, and a
sudden silence shows within seconds. They are unknown (None, never 0) while no source is OK: a source that cannot
connect says nothing about the audience.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from console.core.chat.config import ChatConfig, SpecError, keep_source_secrets, load_secrets
from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.feed import MAX_CHATTERS_PER_MINUTE, ChatFeed
from console.core.chat.source import ChatSource, Posted
from console.core.telemetry.audience import SourceState, SourceStatus

if TYPE_CHECKING:
    from console.core.rooms import Room, Secrets

LOG = logging.getLogger(__name__)

#: The trailing window the two channels count, in seconds.
WINDOW_S = 60.0
#: Comments waiting for the show writer are kept up to this many (a writer that stopped taking them, a flood while
#: nothing stores): beyond it the oldest are dropped, and counted (`store_dropped`).
MAX_UNSTORED = 50_000
#: How long stop() waits for all the sources' threads together.
STOP_WAIT_S = 3.0
#: Kinds stored with the show: what viewers wrote, and gifts (their value is part of the show's record).
STORED_KINDS = frozenset({ChatKind.COMMENT, ChatKind.SUPERCHAT, ChatKind.GIFT, ChatKind.MEMBERSHIP})


@dataclass(frozen=True)
class ChatReading:
    """The trailing minute at one moment; `capped`: the chatters figure is a lower bound."""

    comments: int
    chatters: int
    capped: bool = False


class RoomFeed(ChatFeed):
    """The feed of one room, also keeping (under the feed's own lock, as each event is accepted) the trailing
    minute's comments and chatters and the comments not yet stored."""

    def __init__(self, **sizes: Any) -> None:
        super().__init__(**sizes)
        #: (whole second, comments in it), oldest first; at most WINDOW_S + 1 entries.
        self._seconds: deque[list[int]] = deque()
        #: Chatter key -> when they last wrote (monotonic), oldest first.
        self._last_said: OrderedDict[str, float] = OrderedDict()
        self._chatters_capped = False
        self._unstored: deque[ChatEvent] = deque(maxlen=MAX_UNSTORED)
        self.store_dropped = 0
        #: False: nothing takes the comments (no show stored): they are not kept for storage at all.
        self.storing = True

    def _add(self, event: ChatEvent) -> bool:
        if not super()._add(event):
            return False
        if event.has_text:
            self._trail(event)
        if self.storing and event.kind in STORED_KINDS:
            if len(self._unstored) == MAX_UNSTORED:
                self.store_dropped += 1
            self._unstored.append(event)
        return True

    def _trail(self, event: ChatEvent) -> None:
        second = int(event.t)
        newest = self._seconds[-1][0] if self._seconds else second
        if second <= newest - WINDOW_S:
            return  # a late event (a file's older row) already outside the window: listed, not counted here
        if second >= newest:
            if self._seconds and self._seconds[-1][0] == second:
                self._seconds[-1][1] += 1
            else:
                self._seconds.append([second, 1])
            while self._seconds[0][0] <= second - WINDOW_S:
                self._seconds.popleft()
        else:  # late, but inside the window: its own second
            for entry in self._seconds:
                if entry[0] == second:
                    entry[1] += 1
                    break
            else:
                self._seconds = deque(sorted([*self._seconds, [second, 1]]))
        key = f"{event.platform}:{event.user_id or event.user_name}"
        said = self._last_said.get(key)
        if said is not None:
            if event.t >= said:
                self._last_said[key] = event.t
                self._last_said.move_to_end(key)
        elif len(self._last_said) < MAX_CHATTERS_PER_MINUTE:
            # Kept in the order they arrive: a late event sits behind newer ones and leaves memory a little after
            # its minute, without re-sorting on every late row of a file (trailing() counts it by its time).
            self._last_said[key] = event.t
        else:
            self._chatters_capped = True

    def trailing(self, now: float) -> ChatReading:
        """Comments and distinct chatters in the 60 whole seconds up to and including now's. Both count by whole
        seconds: a comment of now's second that arrived a moment after `now` counts for both, or a loaded machine
        could say 12 comments from 0 chatters."""
        last_second = int(now)
        first_second = last_second - int(WINDOW_S) + 1
        with self._lock:
            while self._last_said:
                key, said = next(iter(self._last_said.items()))
                if int(said) >= first_second:
                    break
                del self._last_said[key]
                self._chatters_capped = False
            comments = sum(n for second, n in self._seconds if first_second <= second <= last_second)
            # A late row sits behind newer ones (never re-sorted): counted by its own time all the same.
            chatters = sum(1 for said in self._last_said.values() if first_second <= int(said) <= last_second)
            return ChatReading(comments, chatters, self._chatters_capped)

    def take_unstored(self, limit: int | None = None) -> list[ChatEvent]:
        """The comments not yet handed to storage, oldest first (at most `limit`)."""
        with self._lock:
            count = len(self._unstored) if limit is None else min(limit, len(self._unstored))
            return [self._unstored.popleft() for _ in range(count)]


class RoomChat:
    """One room's comment sources and their feed. `secrets` are the room's comment secrets by source id
    (config.load_secrets); a source that cannot be built (a missing secret, say) is listed in `problems`."""

    def __init__(
        self,
        config: ChatConfig,
        secrets: dict[str, dict[str, str]],
        clock: Callable[[], float] = time.monotonic,
        feed: RoomFeed | None = None,
        keep_secrets: Callable[[str, dict[str, str]], None] | None = None,
    ) -> None:
        self.config = config
        self.clock = clock
        self.feed = feed or RoomFeed()
        # keep_secrets(source id, secrets): a renewed token goes back to the keyring (on the source's thread).
        built, problems = config.build(self.feed, secrets, keep_secrets)
        self.sources: list[ChatSource] = built
        self.problems: list[tuple[str, SpecError]] = problems
        self._lock = threading.Lock()
        self._started = False
        self._stopped = False
        self._stop_asked = threading.Event()  # set once every source was asked to stop (`join` waits for it)

    @property
    def empty(self) -> bool:
        """No source at all (the room reads no comments)."""
        return not self.sources and not self.problems

    def start(self) -> RoomChat:
        with self._lock:
            if self._started or self._stopped:
                return self
            self._started = True
        for source in self.sources:
            source.start()
        return self

    def stop(self, timeout: float = STOP_WAIT_S) -> bool:
        """Stop every source and wait for their threads, at most `timeout` in all; True when all ended (a thread
        still inside a blocking read ends by itself: they are daemon threads)."""
        with self._lock:
            self._stopped = True
        for source in self.sources:
            source.stop()
        self._stop_asked.set()
        deadline = time.monotonic() + timeout
        ended = True
        for source in self.sources:
            if not source.join(max(0.0, deadline - time.monotonic())):
                LOG.info("comment source %s did not end within %.1f s", source.source_id, timeout)
                ended = False
        return ended

    def join(self, timeout: float) -> bool:
        """Wait (after `stop`, on any thread but the GUI's) up to `timeout` for every source's thread to end; True
        when they have: nothing more enters the feed."""
        deadline = time.monotonic() + timeout
        if not self._stop_asked.wait(timeout):
            return False  # still running: not stopped by its owner in time
        return all([source.join(max(0.0, deadline - time.monotonic())) for source in self.sources])

    @property
    def ended(self) -> bool:
        """Stopped, and every source's thread has ended: nothing more enters the feed."""
        with self._lock:
            if not self._stopped:
                return False
        return all(source.join(0) for source in self.sources)

    def status(self) -> tuple[tuple[str, SourceState], ...]:
        """(source id, state) for every configured source; one that could not be built is in error, with why."""
        states = [(source.source_id, source.state()) for source in self.sources]
        states += [
            (source_id, SourceState(SourceStatus.ERROR, problem.detail, 0.0)) for source_id, problem in self.problems
        ]
        order = {source.id: index for index, source in enumerate(self.config.sources)}
        return tuple(sorted(states, key=lambda item: order.get(item[0], len(order))))

    @property
    def known(self) -> bool:
        """The audience's comments are known while at least one source is connected and reading."""
        return any(source.state().status is SourceStatus.OK and not source.halted for source in self.sources)

    def reading(self, now: float | None = None) -> ChatReading | None:
        """The trailing minute at `now` (the sample's time on the monotonic clock); None while unknown."""
        if not self.known:
            return None
        return self.feed.trailing(self.clock() if now is None else now)

    def take_unstored(self, limit: int | None = None) -> list[ChatEvent]:
        return self.feed.take_unstored(limit)

    def posting_sources(self) -> tuple[str, ...]:
        """The ids of the sources that can post a reply to their platform's chat (none: copy to the clipboard)."""
        return tuple(source.source_id for source in self.sources if source.can_post())

    def post(self, text: str, source_id: str | None = None) -> list[Posted]:
        """Post `text` through one source (by id) or every source that can post; blocking, off the GUI thread."""
        chosen = [s for s in self.sources if s.can_post() and source_id in (None, s.source_id)]
        return [source.post(text) for source in chosen]


def room_chat(room: Room | None, secrets: Secrets) -> RoomChat | None:
    """The room's chat (not started) with its secrets from the keyring; None when the room has no comment source."""
    if room is None or not room.chat.sources:
        return None
    name = room.name
    return RoomChat(
        room.chat,
        load_secrets(secrets, name),
        keep_secrets=lambda source_id, values: keep_source_secrets(secrets, name, source_id, values),
    )


def comment_row(event: ChatEvent, wall_offset: float) -> dict[str, Any]:
    """A stored comment (show_comments) from an event; `t` is epoch seconds: when it arrived (the samples' time
    base), or the platform's own time when the event has none on the console's clock."""
    t = event.t + wall_offset if event.t else event.wall
    return {
        "t": t,
        "platform": event.platform[:40],
        "source": event.source_id[:40],
        "kind": event.kind.value,
        "user_id": event.user_id[:200],
        "user_name": event.user_name[:200],
        "text": event.text,
        "gift": event.gift_name[:200],
        "value": float(event.value) if event.kind not in (ChatKind.COMMENT,) else 0.0,
        "count": int(event.count),
        "message_id": event.message_id[:200],
        "host": bool(event.host),
        "moderator": bool(event.moderator),
        "staff": bool(event.staff),
        "message_key": event_key(event),
    }


def event_key(event: ChatEvent) -> str | None:
    """The message's identity within its show (show_comments.message_key, unique): the platform and its message id;
    without an id, the platform, the viewer, the time the platform stated and a digest of the message — what two
    consoles reading the same comment agree on. None when the platform stated neither (the time is then when this
    console read it, which another console does not share: kept, never taken for a copy)."""
    if event.message_id:
        return f"{event.platform[:40]}:{event.message_id[:200]}"
    if not event.stamped:
        return None
    said = f"{event.kind.value}\0{event.text}\0{event.gift_name}\0{event.count}"
    digest = hashlib.sha256(said.encode()).hexdigest()[:16]
    return f"{event.platform[:40]}:{(event.user_id or event.user_name)[:200]}:{round(event.wall * 1000)}:{digest}"


def comment_key(row: dict[str, Any]) -> str | None:
    """A stored row's identity when the row does not carry one (comment_row gives it): its platform's message id."""
    message_id = str(row.get("message_id") or "")
    return f"{str(row['platform'])[:40]}:{message_id[:200]}" if message_id else None


def stored_event(row: dict[str, Any]) -> ChatEvent:
    """A stored comment (show_comments, as comment_row wrote it) as an event again, for the Comments dock of a
    console restarted mid-show. It has no place on this console's clock (`t` 0: never counted, never grouped),
    its time is `wall`. The host's, a moderator's and staff's marks come back as stored (a comment stored before
    migration 0017 has none)."""
    try:
        kind = ChatKind(str(row["kind"]))
    except ValueError:
        kind = ChatKind.COMMENT
    return ChatEvent(
        platform=str(row["platform"]),
        source_id=str(row["source"]),
        kind=kind,
        user_id=str(row["user_id"]),
        user_name=str(row["user_name"]),
        text=str(row["text"]),
        t=0.0,
        wall=float(row["t"]),
        message_id=str(row["message_id"]),
        gift_name=str(row["gift"]),
        count=int(row["count"]),
        value=float(row["value"]),
        host=bool(row.get("host")),
        moderator=bool(row.get("moderator")),
        staff=bool(row.get("staff")),
    )


def stored_history(rows: list[dict[str, Any]]) -> list[ChatEvent]:
    """Stored comments (oldest first) as the events a restarted console's Comments dock shows again, each message
    once: two consoles of a room on one database each store the comments they read, and a message with the
    platform's id stored by both is one line, not two (messages without an id cannot be told apart and stay)."""
    seen: set[tuple[str, str]] = set()
    events = []
    for row in rows:
        event = stored_event(row)
        if event.message_id:
            key = (event.platform, event.message_id)
            if key in seen:
                continue
            seen.add(key)
        events.append(event)
    return events


def purge_old_comments(storage: Any, retention_days: int, now: float | None = None) -> int:
    """Delete the comments older than the retention period (0 keeps them all); returns how many were deleted.
    Call off the GUI thread: a long history is deleted in batches."""
    if retention_days <= 0:
        return 0
    now = time.time() if now is None else now
    return int(storage.delete_comments_before(now - retention_days * 86_400.0))
