"""A comment source: one thread that connects, reads, and reconnects with backoff; its status and the last
problem in words (as the audience sources say theirs); what it could not read counted, never a crash. Qt-free."""

from __future__ import annotations

import abc
import logging
import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from console.core.chat.events import ChatDetail, ChatEvent
from console.core.chat.feed import ChatFeed
from console.core.telemetry.audience import SourceState, SourceStatus
from obs.text import QT_TRANSLATE_NOOP

LOG = logging.getLogger(__name__)
NO_DETAIL = ChatDetail()


class SourceFailure(Exception):
    """A session ended for a reason the user should read; `wait` overrides the backoff (a platform's cool-down)."""

    def __init__(self, detail: ChatDetail, status: SourceStatus = SourceStatus.ERROR, wait: float | None = None):
        super().__init__(detail.text())
        self.detail = detail
        self.status = status
        self.wait = wait


@dataclass(frozen=True)
class SourceCounts:
    received: int
    malformed: int
    #: Messages of types this console does not show, by type (counted and ignored).
    unknown: tuple[tuple[str, int], ...]
    reconnects: int
    last_malformed: str = ""


@dataclass(frozen=True)
class Posted:
    """What became of one message the room tried to post to a platform's chat (a quick reply): `ok`, and the
    platform's answer or the reason it was refused, in words."""

    source_id: str
    ok: bool
    detail: ChatDetail


class ChatSource(abc.ABC):
    """The interface and the reconnect loop. Subclasses implement `_session()`: connect, read until the connection
    ends (return) or fails (raise SourceFailure), calling `_connected()` once it works and `_emit()` per event."""

    platform = "chat"
    #: The first retry waits this long; each further failure doubles it, up to backoff_max_s (with jitter).
    backoff_base_s = 1.0
    backoff_max_s = 120.0

    def __init__(self, feed: ChatFeed, source_id: str = "", clock: Callable[[], float] = time.monotonic) -> None:
        self.feed = feed
        self.source_id = source_id or self.platform
        self._clock = clock
        self._lock = threading.Lock()
        self._state = SourceState(SourceStatus.CONNECTING, ChatDetail(), clock())
        self._halt = threading.Event()
        self._thread: threading.Thread | None = None
        self._failures = 0
        self._received = 0
        self._malformed = 0
        self._last_malformed = ""
        self._unknown: Counter[str] = Counter()
        self._reconnects = 0
        #: The waits chosen after failures, newest last (kept short: for the status line and the tests).
        self.waits: list[float] = []

    # ------------------------------------------------------------------ posting (quick replies)
    def can_post(self) -> bool:
        """Whether this source can post to the platform's chat with what it was given (its API and the token's
        scopes allow it). Most platforms' read APIs cannot: a subclass that can says so."""
        return False

    def post(self, text: str) -> Posted:
        """Post `text` to the platform's chat, blocking (the caller runs it off the GUI thread)."""
        return Posted(
            self.source_id,
            False,
            ChatDetail.of(
                QT_TRANSLATE_NOOP("Chat", "{platform} cannot post to the chat from here"), platform=self.platform
            ),
        )

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=f"chat-{self.source_id}", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Returns at once; the thread closes its connection and ends."""
        self._halt.set()
        try:
            self._interrupt()
        except Exception:  # closing a half-open socket from another thread may fail; the thread ends anyway
            LOG.debug("interrupting chat source %s", self.source_id, exc_info=True)

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread to end; True when it has."""
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    @property
    def halted(self) -> bool:
        return self._halt.is_set()

    def state(self) -> SourceState:
        with self._lock:
            return self._state

    def counts(self) -> SourceCounts:
        with self._lock:
            return SourceCounts(
                self._received,
                self._malformed,
                tuple(sorted(self._unknown.items())),
                self._reconnects,
                self._last_malformed,
            )

    def counts_detail(self) -> ChatDetail | None:
        """Words for what was not shown (malformed input, unknown message types), None when everything was read."""
        counts = self.counts()
        unknown = sum(n for _, n in counts.unknown)
        if not counts.malformed and not unknown:
            return None
        return ChatDetail.of(
            QT_TRANSLATE_NOOP(
                "Chat", "{malformed} unreadable and {unknown} unknown messages ignored (last problem: {last})."
            ),
            malformed=counts.malformed,
            unknown=unknown,
            last=counts.last_malformed or "—",
        )

    # ------------------------------------------------------------------ the loop
    def _run(self) -> None:
        while not self._halt.is_set():
            wait: float | None = None
            try:
                self._session()
            except SourceFailure as failure:
                if not self._halt.is_set():
                    self._set_state(failure.status, failure.detail)
                wait = failure.wait
            except Exception as exc:  # a bug must not end the source: logged, said, retried
                if self._halt.is_set():
                    break  # a connection closed under a reader by stop(): nothing to say
                LOG.exception("chat source %s failed", self.source_id)
                self._set_state(
                    SourceStatus.ERROR,
                    ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Internal error ({error}); see the log."), error=exc),
                )
            if self._halt.is_set():
                break
            delay = self._backoff() if wait is None else wait
            self.waits = [*self.waits[-19:], delay]
            with self._lock:
                self._reconnects += 1
            self._halt.wait(delay)

    def _backoff(self) -> float:
        self._failures += 1
        delay = min(self.backoff_base_s * 2.0 ** (self._failures - 1), self.backoff_max_s)
        return delay * random.uniform(1.0, 1.25)

    # ------------------------------------------------------------------ for implementations
    @abc.abstractmethod
    def _session(self) -> None:
        """One connection: connect, read until it ends (return) or fails (raise SourceFailure)."""

    def _interrupt(self) -> None:  # noqa: B027 - optional: a source with no connection to close does nothing
        """Close the live connection from another thread so `stop()` is prompt."""

    def _connected(self, detail: ChatDetail = NO_DETAIL) -> None:
        self._failures = 0
        self._set_state(SourceStatus.OK, detail)

    def _emit(self, events: Iterable[ChatEvent]) -> None:
        batch = list(events)
        if batch:
            with self._lock:
                self._received += len(batch)
            self.feed.extend(batch)

    def _bad_input(self, reason: str) -> None:
        """Input that could not be read: counted and kept as the last problem; the connection goes on."""
        with self._lock:
            self._malformed += 1
            self._last_malformed = reason[:200]

    def _unknown_type(self, name: str) -> None:
        with self._lock:
            if name in self._unknown or len(self._unknown) < 200:  # a flood of random names stays bounded
                self._unknown[name[:80]] += 1
            else:
                self._unknown["…"] += 1

    def _set_state(self, status: SourceStatus, detail: ChatDetail = NO_DETAIL) -> None:
        with self._lock:
            if self._state.status is not status or self._state.detail != detail:
                self._state = SourceState(status, detail, self._clock())
