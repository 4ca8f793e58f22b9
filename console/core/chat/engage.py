"""A room's audience engagement during a show: the lottery that is running and the shared Q&A queue, fed from the
room's comment feed and kept in storage. Qt-free; the one object the dock's controller talks to.

Threads: `pump()` and every method that touches storage run on the caller's worker thread (the controller's
storage worker, about once a second), never on the GUI thread. The feed is only read (`ChatFeed.since`).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from console.core.chat.events import ChatEvent
from console.core.chat.feed import ChatFeed
from console.core.chat.lottery import AlreadyDrawn, Lottery, LotteryError, LotteryRecord, Outcome, already_running
from console.core.chat.lottery import cancelled as cancelled_error
from console.core.chat.questions import (
    Offer,
    Question,
    QuickReply,
    askers_message,
    fill,
    is_question,
    missing_fields,
    on_air_of,
    suggest,
)
from obs.text import QT_TRANSLATE_NOOP, Translate

#: Questions waiting for a failing database are kept up to this many (the oldest then go, counted).
MAX_UNSTORED_QUESTIONS = 10_000
#: Questions stored in one unit of work.
QUESTION_BATCH = 1_000


#: The lottery mark before the first read (differs from every answer, None included).
_UNREAD = object()


@dataclass(frozen=True)
class Pumped:
    """What one pump did: events read, lottery entries stored, questions found, events the feed had already
    dropped before they were read (a flood: said, never silent)."""

    read: int
    entries: int
    questions: int
    missed: int


class Engagement:
    def __init__(
        self,
        storage: Any,
        room: str,
        show_id: int,
        feed: ChatFeed,
        detect_questions: bool = True,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.storage = storage
        self.room = room
        self.show_id = show_id
        self.feed = feed
        self.detect_questions = detect_questions
        self._clock, self._wall = clock, wall
        self._seq = feed.seq  # comments from before the engagement began are history
        self._lottery: Lottery | None = None
        self._lock = threading.Lock()
        #: Questions read from the feed and not yet stored (a database that fails keeps them here, bounded).
        #: Each with the key of the rundown segment on air when it was read ("" without a rundown): what groups it.
        self._unstored: deque[tuple[ChatEvent, str]] = deque(maxlen=MAX_UNSTORED_QUESTIONS)
        #: Questions dropped because more than MAX_UNSTORED_QUESTIONS waited for a failing database.
        self.questions_dropped = 0
        #: Storage.lottery_mark as last read: the show's lottery is read whole again only when it differs.
        self._mark: object = _UNREAD

    # ------------------------------------------------------------------ the feed
    def pump(self, segment: str = "") -> Pumped:
        """Read the feed's new events: offer each to the running lottery, store the questions found, then store
        the lottery's new entries. `segment`: the key of the rundown segment on air now ("" without a rundown):
        the same question asked by many viewers during one segment is one group of the queue. StorageError
        propagates (the controller says it and pumps again later): the questions and entries not yet stored wait
        here and are stored by the next pump that works — nothing read from the feed is lost to a database that
        failed for a while."""
        chunk = self.feed.since(self._seq)
        self._seq = chunk.seq
        lottery = self._lottery
        for event in chunk.events:
            if lottery is not None:
                lottery.offer(event)
            if self.detect_questions and self._asks(event):
                if len(self._unstored) == MAX_UNSTORED_QUESTIONS:
                    self.questions_dropped += 1  # the oldest waiting one goes (deque maxlen): counted, said
                self._unstored.append((event, segment))
        found = self._store_questions()
        stored = self.flush()
        return Pumped(len(chunk.events), stored, found, chunk.missed)

    @property
    def waiting(self) -> int:
        """Questions and lottery entries read from the feed and not yet stored (the database failed)."""
        lottery = self._lottery
        return len(self._unstored) + (lottery.waiting if lottery is not None else 0)

    def _store_questions(self) -> int:
        """Store the questions waiting, a batch to a unit of work (one commit for a batch, not one a question: a
        flood's thousands are stored in a moment, and claims and answers queued behind this pump wait that moment
        only). A batch the database refuses stays waiting, whole, for the next pump."""
        stored = 0
        while self._unstored:
            segment = self._unstored[0][1]
            batch: list[ChatEvent] = []
            for event, on_air in self._unstored:  # a batch is of one segment (the segment groups its questions)
                if on_air != segment or len(batch) == QUESTION_BATCH:
                    break
                batch.append(event)
            self.storage.add_questions(self.show_id, batch, now=self._wall(), segment=segment)
            for _ in batch:
                self._unstored.popleft()
            stored += len(batch)
        return stored

    def flush(self) -> int:
        lottery = self._lottery
        if lottery is None or lottery.record.id is None:
            return 0
        new = lottery.take_new()
        if not new:
            return 0
        try:
            return int(self.storage.add_lottery_entries(lottery.record.id, new))
        except BaseException:
            lottery.give_back(new)  # stored by the next flush that works (storage keeps a viewer's first only)
            raise

    @staticmethod
    def _asks(event: ChatEvent) -> bool:
        return event.has_text and not (event.host or event.moderator or event.staff) and is_question(event.text)

    # ------------------------------------------------------------------ the lottery
    @property
    def lottery(self) -> LotteryRecord | None:
        """The running (or last) lottery of this console: commitment, window, entries so far, winners once drawn."""
        return self._lottery.record if self._lottery is not None else None

    def lottery_counts(self) -> dict[Outcome, int]:
        return dict(self._lottery.counts) if self._lottery is not None else {}

    def open_lottery(self, keyword: str, winners: int, excluded: Sequence[str] = (), by: str = "") -> LotteryRecord:
        """Open entries now: the seed is drawn, its commitment stored and returned to be shown at once. Refused
        (LotteryError, in words: which lottery, opened when and by whom) while the show has a running one, opened
        here or at another console of the room — the database refuses it even when two desks open at once."""
        with self._lock:
            self.sync()
            if self._lottery is not None and self._lottery.record.running:
                raise already_running(self._lottery.record)
            lottery, seed = Lottery.open(
                keyword,
                winners,
                excluded,
                now=self._wall(),
                mono=self._clock(),
                room=self.room,
                show_id=self.show_id,
                by=by,
            )
            try:
                lottery.attach(self.storage.open_lottery(self.show_id, lottery.record, seed))
            except LotteryError:
                self.sync()  # the other desk's lottery, shown here at once
                raise
            self._lottery = lottery
            return lottery.record

    def close_lottery(self, lottery_id: int | None = None) -> LotteryRecord:
        """No entry after now (comments already in the feed before now still count at the next pump). A lottery
        closed at another console stays closed at its time (the first close counts). `lottery_id`: the lottery the
        person agreed to close — nothing is closed when the show's lottery is another by now."""
        self.sync()
        lottery = self._require()
        self._check_chosen(lottery, lottery_id, "close")
        if lottery.record.state == "cancelled":
            raise cancelled_error(lottery.record)
        record = lottery.close(mono=self._clock())
        self.pump()  # what arrived before the close, entered and stored
        assert record.id is not None and record.closed_at is not None
        self.storage.close_lottery(record.id, record.closed_at)
        self.sync()
        return lottery.record

    def draw_lottery(self, by: str = "", lottery_id: int | None = None) -> LotteryRecord:
        """Close if open, then draw from the STORED entries; the record returned reveals the seed. Drawn once for
        the room: a lottery another console drew first (even at the same moment) raises AlreadyDrawn, which
        carries its winners to show. `lottery_id`: the lottery the person agreed to draw — when the show's lottery
        is another by now (that one cancelled at another desk and a new one opened while the question was asked),
        nothing is drawn."""
        self.sync()
        lottery = self._require()
        self._check_chosen(lottery, lottery_id, "draw")
        if lottery.record.state == "drawn":
            raise AlreadyDrawn(lottery.record)
        if lottery.record.state == "cancelled":
            raise cancelled_error(lottery.record)
        if lottery.record.state == "open":
            self.close_lottery()
        self.flush()
        lottery_id = lottery.record.id
        assert lottery_id is not None  # attached when opened
        try:
            drawn: tuple[LotteryRecord, bool] = self.storage.draw_lottery_once(lottery_id, self._wall(), by)
            record, drew = drawn
        except LotteryError:
            self.sync()
            raise
        except Exception:
            # Two desks at the same moment on SQLite: the loser's transaction is refused (the database is locked,
            # or the winners' index). Drawn by the other: said with its winners; else the failure itself.
            stored = self.storage.lottery(lottery_id)
            if stored is None or stored.state != "drawn":
                raise
            record, drew = stored, False
        # From now on the lottery is the drawn record (seed revealed, winners): what `lottery` says after the draw.
        self._lottery = Lottery.resume(record, self._wall(), self._clock())
        self._mark = _UNREAD
        if not drew:
            raise AlreadyDrawn(record)
        return record

    def cancel_lottery(self, by: str = "", lottery_id: int | None = None) -> LotteryRecord:
        """Cancel the show's running lottery (no draw; another may be opened); LotteryError once it is drawn.
        `lottery_id`: the lottery the person agreed to cancel — when the show's lottery is another by now (that one
        was cancelled at another desk and a new one opened while the question was asked), nothing is cancelled."""
        self.sync()
        lottery = self._require()
        self._check_chosen(lottery, lottery_id, "cancel")
        lottery_id = lottery.record.id
        assert lottery_id is not None
        try:
            record: LotteryRecord = self.storage.cancel_lottery(lottery_id, self._wall(), by)
        finally:
            self._mark = _UNREAD
            self.sync()
        return record

    def forfeit_winner(self, lottery_id: int, rank: int, reason: str, note: str, by: str = "") -> LotteryRecord:
        """Mark winner `rank` of the show's drawn lottery forfeited (lottery.REASONS code, the person's note);
        the replacement is draw_replacement's, a step of its own. LotteryError says why not."""
        return self._after_draw(
            lottery_id, lambda: self.storage.forfeit_winner(lottery_id, rank, reason, note, self._wall(), by)
        )

    def draw_replacement(self, lottery_id: int, rank: int, by: str = "") -> LotteryRecord:
        """Draw the replacement of the forfeited winner `rank`: the next viewer of the same seeded sequence."""
        return self._after_draw(lottery_id, lambda: self.storage.draw_replacement(lottery_id, rank, self._wall(), by))

    def _after_draw(self, lottery_id: int, change: Callable[[], Any]) -> LotteryRecord:
        self.sync()
        lottery = self._require()
        self._check_chosen(lottery, lottery_id, "forfeit")
        try:
            record: LotteryRecord = change()
        finally:
            self._mark = _UNREAD
        self._lottery = Lottery.resume(record, self._wall(), self._clock())
        return record

    @staticmethod
    def _check_chosen(lottery: Lottery, lottery_id: int | None, action: str) -> None:
        """LotteryError when the person chose another lottery than the show's newest: nothing is done to this one."""
        if lottery_id is None or lottery.record.id == lottery_id:
            return
        why = {
            "close": QT_TRANSLATE_NOOP(
                "Lottery",
                "the lottery you chose to close is no longer this show's newest: “{keyword}” is, and it was not closed",
            ),
            "draw": QT_TRANSLATE_NOOP(
                "Lottery",
                "the lottery you chose to draw is no longer this show's newest: “{keyword}” is, and it was not drawn",
            ),
            "cancel": QT_TRANSLATE_NOOP(
                "Lottery",
                "the lottery you chose to cancel is no longer this show's newest: “{keyword}” is, and it was not "
                "cancelled",
            ),
            "forfeit": QT_TRANSLATE_NOOP(
                "Lottery",
                "the lottery you chose is no longer this show's newest: “{keyword}” is, and nothing was changed",
            ),
        }[action]
        raise LotteryError(why, keyword=lottery.record.keyword)

    def sync(self) -> bool:
        """Follow the show's lottery as storage keeps it, whichever console of the room opened, closed, drew or
        cancelled it or stored its entries: one small query (Storage.lottery_mark), and the lottery read whole only
        when that changed. True when it changed. On the worker, like every storage call."""
        mark = self.storage.lottery_mark(self.show_id)
        if mark == self._mark:
            return False
        self.flush()  # this console's entries not yet stored go to the lottery they were read for
        record: LotteryRecord | None = self.storage.lottery(mark[0]) if mark is not None else None
        lottery = self._lottery
        if record is None:
            self._lottery = None
        elif lottery is not None and lottery.record.id == record.id:
            lottery.adopt(record, self._wall(), self._clock())
        else:
            self._lottery = Lottery.resume(record, self._wall(), self._clock())
        self._mark = mark
        return True

    def resume(self) -> LotteryRecord | None:
        """Take up the show's newest lottery as storage keeps it, after the console restarted (or a new session of
        the same show began, or another console of the room opened it): one still open keeps taking entries from
        the comments that arrive from now on, with the entries stored before kept; one closed waits for its draw;
        one drawn shows its winners. None when the show has no lottery. Comments that arrived while no console was
        reading are not in the feed and cannot enter (the export's entry list says who did)."""
        with self._lock:
            self._mark = _UNREAD
            self.sync()
            return self.lottery

    def _require(self) -> Lottery:
        if self._lottery is None:
            raise LotteryError(QT_TRANSLATE_NOOP("Lottery", "no lottery is open"))
        return self._lottery

    # ------------------------------------------------------------------ the Q&A queue (shared through storage)
    def questions(self, states: tuple[str, ...] | None = ("open", "claimed")) -> list[Question]:
        """The queue: a question many viewers asked is one, with everyone who asked it (Question.askers)."""
        result: list[Question] = self.storage.questions(self.show_id, states, grouped=True)
        return result

    def mark_question(self, event: ChatEvent) -> Question:
        """A comment a person marks as a question (it opens again if it was dismissed)."""
        question: Question = self.storage.add_question(self.show_id, event, origin="hand", now=self._wall())
        return question

    def claim(self, question_id: int, by: str) -> Question:
        question: Question = self.storage.claim_question(question_id, by, now=self._wall())
        return question

    def release(self, question_id: int, by: str) -> Question:
        question: Question = self.storage.release_question(question_id, by)
        return question

    def answer(self, question_id: int, by: str, text: str = "") -> Question:
        question: Question = self.storage.answer_question(question_id, by, text, now=self._wall())
        return question

    def dismiss(self, question_id: int, by: str) -> Question:
        question: Question = self.storage.dismiss_question(question_id, by, now=self._wall())
        return question

    def replies_for(self, question: Question, product: Any = None, translate: Translate | None = None) -> list[Offer]:
        """The room's quick replies that fit the question while `product` (rundown Product, or None) is on air,
        each with its text filled in — what the dock copies to the clipboard — and the fields it lacks now (a
        reply with a field missing is shown, never sent). {user} names everyone who asked it ("小明、小红 等 20
        位", in the language `translate` gives; English without)."""
        replies: list[QuickReply] = self.storage.quick_replies(self.room)
        on_air = on_air_of(product)
        name, price, sku = on_air
        askers = askers_message(question.asked_by)
        user = askers.in_language(translate) if translate is not None else askers.explain()
        fields = {"product": name, "price": price, "sku": sku, "user": user}
        return [
            Offer(reply, fill(reply, fields), missing_fields(reply, fields), on_air)
            for reply in suggest(replies, question.text, name or None)
        ]
