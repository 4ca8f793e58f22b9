"""EngageController: the room's Q&A queue, quick replies and lottery as the Q&A dock, the lottery panel and the
talent screen see them (implements widgets/engage_port.py).

It owns the room's Engagement (console/core/chat/engage.py) for the show the console is in, built on the room's
comment feed (the chat controller's) once the show is known (`bridge.sig_show_opened`), and made anew when the
console goes to another room or show, or the room's sources are edited (a new feed). A lottery left open by a
console that stopped is taken up where storage keeps it (Engagement.resume).

Threads: the Engagement and every storage call live on ONE worker thread (console/core/worker.py, the house's
storage worker); the GUI thread only submits work and reads the snapshots the worker hands back on a queued
signal. Once a second the worker pumps the feed (questions found, lottery entries stored); every other second
it also reads the queue from storage and the lottery's mark (one small query; the lottery is read whole only when
it changed), so claims made by another console of the room (a shared PostgreSQL), and a lottery it opened,
closed, drew or cancelled, appear here within about two seconds. A tick is never queued behind one still running
(a database that stopped answering does not pile work up). Storage errors are said in words (`sig_problem`) and
nothing is lost: what was read from the feed waits in the Engagement until the database takes it. Posting a quick
reply to a platform runs on a second worker of its own, so a slow platform never holds the queue.
"""

from __future__ import annotations

import getpass
import logging
import socket
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from console.bridge import ObsBridge
from console.core.chat.events import ChatEvent
from console.core.chat.feed import ChatFeed
from console.core.chat.lottery import AlreadyDrawn, LotteryError, LotteryRecord
from console.core.chat.questions import Question, QuickReply
from console.core.storage_use import OpenOnUse
from console.core.worker import SerialWorker
from console.rundown_controller import in_words
from obs.text import QT_TRANSLATE_NOOP
from widgets.chat_port import ChatPort
from widgets.engage_port import SaidThen, Why
from widgets.rundown_port import RundownPort

if TYPE_CHECKING:
    from console.core.chat.engage import Engagement
    from console.core.chat.room import RoomChat

LOG = logging.getLogger(__name__)
#: How often the feed is pumped (questions found, entries stored), and every how many pumps the queue is read.
TICK_MS = 1000
REFRESH_EVERY = 2
SHUTDOWN_WAIT_S = 10.0


def said_of(error: BaseException) -> str:
    """An engagement action's error in the reader's language of the moment: a lottery's refusal as a sentence of its
    own (it is shown as a line by itself), anything else as storage and the rundown say it."""
    if isinstance(error, LotteryError):
        return error.sentence(QCoreApplication.translate)
    return in_words(error)


def _translated(text: str) -> Why:
    """A sentence of this module (marked QT_TRANSLATE_NOOP "Engage") said in the language of the moment, each time
    it is read."""
    return lambda: QCoreApplication.translate("Engage", text)


@dataclass(frozen=True)
class _Want:
    """The engagement the console needs now: this show of this room, on this feed."""

    generation: int
    room: str
    show_id: int
    feed: ChatFeed


@dataclass(frozen=True)
class _Snapshot:
    generation: int
    lottery: LotteryRecord | None
    questions: tuple[Question, ...] | None  # None: not read this time
    replies: tuple[QuickReply, ...] | None
    waiting: int


class EngageController(QObject):
    sig_questions_changed = Signal()
    sig_lottery_changed = Signal()
    sig_replies_changed = Signal()
    sig_ready_changed = Signal()
    sig_product_changed = Signal()
    sig_problem = Signal(str)
    _sig_done = Signal(object, object)  # future, finish (GUI thread)

    def __init__(
        self,
        bridge: ObsBridge,
        chat: ChatPort,
        rundown: RundownPort | None = None,
        operator: Callable[[], str] | None = None,
        storage_url: str | None = None,
        room_chat: Callable[[], RoomChat | None] | None = None,
        tick_ms: int = TICK_MS,
        parent: QObject | None = None,
    ) -> None:
        #: When this controller started (wall clock): a lottery opened or a claim made before it was taken up.
        self.started_wall = time.time()
        super().__init__(parent)
        self.bridge = bridge
        self.chat = chat
        self.rundown = rundown
        self._operator = operator or (lambda: "")
        self._room_chat = room_chat or (lambda: getattr(chat, "chat", None))
        self._storage = OpenOnUse(storage_url)
        self._worker = SerialWorker("engage-worker")
        self._poster = SerialWorker("engage-post")
        self._closed = False
        self._generation = 0
        self._want: _Want | None = None
        self._have = -1  # the generation whose snapshot arrived (ready when it is the wanted one)
        self._busy = False
        self._refresh_wanted = False
        self._ticks = 0
        #: Why storage fails now (None while it works): said in the language of the moment each time it is read.
        self._problem: BaseException | None = None
        self._questions: tuple[Question, ...] = ()
        self._lottery: LotteryRecord | None = None
        self._replies: tuple[QuickReply, ...] = ()
        #: Read on the worker only: the Engagement of the generation it was made for.
        self._engage: Engagement | None = None
        self._engage_generation = -1
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._sig_done.connect(self._on_worker_done)
        bridge.sig_show_opened.connect(self._on_bridge_show_opened)
        bridge.sig_session_changed.connect(self._on_bridge_session_changed)
        chat.sig_room_changed.connect(self._on_chat_room_changed)
        #: The product on air as last said (sig_product_changed only when it changes, not at every running second).
        self._on_air = self.on_air
        if rundown is not None:
            rundown.sig_position_changed.connect(self._on_rundown_changed)
            rundown.sig_rundown_changed.connect(self._on_rundown_changed)
        self._follow()
        self._timer.start()

    # ------------------------------------------------------------------ the port's state
    @property
    def ready(self) -> bool:
        return self._want is not None and self._have == self._want.generation

    @property
    def not_ready_why(self) -> str:
        return "" if self.ready else self.not_ready_words()()

    def not_ready_words(self) -> Why:
        """Why not ready, as a function saying it in the language of the moment (a storage problem too: after a
        language switch the dock and the event log say it in the new language)."""
        if self.bridge.room_key is None:
            return _translated(
                QT_TRANSLATE_NOOP(
                    "Engage", "Questions and lotteries are kept with the room's show: choose a room first."
                )
            )
        if self._problem is not None:
            return self._problem_words
        return _translated(QT_TRANSLATE_NOOP("Engage", "Waiting for the room's show to be opened in the database…"))

    @property
    def questions(self) -> tuple[Question, ...]:
        return self._questions

    @property
    def lottery(self) -> LotteryRecord | None:
        return self._lottery

    @property
    def replies(self) -> tuple[QuickReply, ...]:
        return self._replies

    @property
    def problem(self) -> str:
        return self._problem_words()

    def _problem_words(self) -> str:
        """The storage problem in the language of the moment ("" while storage works); the database's own words
        as they came."""
        if self._problem is None:
            return ""
        return QCoreApplication.translate(
            "Engage",
            "Questions and lotteries cannot be stored now: %1. Nothing is lost: they wait here and are stored "
            "once the database works again.",
        ).replace("%1", in_words(self._problem))

    @property
    def who(self) -> str:
        """Whom this console's claims and answers name: the operator (the name checklists are signed with), else
        the computer's user and its host (two consoles of one room are told apart)."""
        return self._operator().strip() or f"{getpass.getuser()}@{socket.gethostname()}"

    @property
    def room(self) -> str | None:
        return self.bridge.room_key

    @property
    def staff_names(self) -> tuple[str, ...]:
        return tuple(self.chat.own_names)

    @property
    def product_name(self) -> str:
        product = self._product()
        return str(product.name) if product is not None else ""

    @property
    def on_air(self) -> tuple[str, str, str]:
        from console.core.chat.questions import on_air_of

        return on_air_of(self._product())

    @Slot(object)
    def _on_rundown_changed(self, _what: object) -> None:
        """The segment moved on, or the plan's product was edited: quick replies filled for the product before are
        stale (the dock fills them again, and refuses to send a text filled for a product no longer on air)."""
        on_air = self.on_air
        if on_air != self._on_air:
            self._on_air = on_air
            self.sig_product_changed.emit()

    def _segment(self) -> str:
        """The key of the rundown segment on air ("" without one): the same question asked by many viewers while
        it is on air is one group of the queue."""
        if self.rundown is None:
            return ""
        current = self.rundown.position.current
        return str(current.key) if current is not None else ""

    def _product(self) -> Any:
        if self.rundown is None:
            return None
        current = self.rundown.position.current
        return current.product if current is not None else None

    @property
    def posting_sources(self) -> tuple[str, ...]:
        room_chat = self._room_chat()
        return room_chat.posting_sources() if room_chat is not None else ()

    # ------------------------------------------------------------------ which show, which feed
    def _follow(self) -> None:
        """Want the engagement of the show the console is in now, on the room's feed now."""
        session = self.bridge.session
        room = self.bridge.room_key
        show_id = session.show_id if session is not None else None
        want = self._want
        if room is None or show_id is None:
            if want is not None:
                self._set_want(None)
            return
        if want is None or (want.room, want.show_id, want.feed) != (room, show_id, self.chat.feed):
            self._set_want(_Want(self._generation + 1, room, show_id, self.chat.feed))

    def _set_want(self, want: _Want | None) -> None:
        self._generation += 1
        self._want = want
        self._questions, self._lottery, self._replies = (), None, ()
        self.sig_ready_changed.emit()
        self.sig_questions_changed.emit()
        self.sig_lottery_changed.emit()
        self.sig_replies_changed.emit()
        if want is not None:
            self._busy = False  # a tick for the old show may still run: its answer is dropped (older generation)
            self._tick(refresh=True)

    @Slot(int)
    def _on_bridge_show_opened(self, _show_id: int) -> None:
        self._follow()

    @Slot()
    def _on_bridge_session_changed(self) -> None:
        self._follow()

    @Slot(str)
    def _on_chat_room_changed(self, _room: str) -> None:
        self._follow()

    # ------------------------------------------------------------------ the worker
    def _engagement(self, want: _Want) -> Engagement:
        """On the worker: the engagement of `want`, made (and its lottery taken up) when first needed."""
        if self._engage is None or self._engage_generation != want.generation:
            from console.core.chat.engage import Engagement  # on the worker, with the room's first show

            engage = Engagement(self._storage.get(), want.room, want.show_id, want.feed)
            engage.resume()
            self._engage, self._engage_generation = engage, want.generation
        return self._engage

    def _submit(self, work: Callable[[], Any], then: SaidThen, worker: SerialWorker | None = None) -> None:
        """`work` on the worker, then then(result, None) or then(None, why): why a function saying the error in the
        language of the moment (a line shown again after a language switch reads in the new language)."""
        self._run(work, lambda result, error: then(result, None if error is None else partial(said_of, error)), worker)

    def _run(
        self,
        work: Callable[[], Any],
        finish: Callable[[Any, Exception | None], None],
        worker: SerialWorker | None = None,
    ) -> None:
        """`work` on the worker, then finish(result, None) or finish(None, error) on the GUI thread."""
        if self._closed:
            return
        future: Future[Any] = (worker or self._worker).submit(work)
        future.add_done_callback(lambda f: self._sig_done.emit(f, finish))

    @Slot(object, object)
    def _on_worker_done(self, future: Future[Any], finish: Callable[[Any, Exception | None], None]) -> None:
        if self._closed:
            return
        error = future.exception()
        if error is not None and not isinstance(error, Exception):
            raise error
        finish(None if error is not None else future.result(), error)

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._follow()
        self._ticks += 1
        self._tick(refresh=self._ticks % REFRESH_EVERY == 0)

    def _tick(self, refresh: bool) -> None:
        want = self._want
        if want is None:
            return
        if self._busy:
            # An action asked for the queue while a tick runs: read it right after that tick, not 2 s later.
            self._refresh_wanted = self._refresh_wanted or refresh
            return
        self._busy = True
        fresh = self._have != want.generation
        segment = self._segment()

        def work() -> _Snapshot:
            engage = self._engagement(want)
            engage.pump(segment)
            if refresh or fresh:
                engage.sync()  # the lottery as the room's other consoles left it: one small query when unchanged
            questions = tuple(engage.questions(None)) if refresh or fresh else None
            replies = tuple(engage.storage.quick_replies(want.room)) if fresh else None
            return _Snapshot(want.generation, engage.lottery, questions, replies, engage.waiting)

        self._run(work, lambda snapshot, error: self._on_ticked(want.generation, snapshot, error))

    def _on_ticked(self, generation: int, snapshot: _Snapshot | None, error: Exception | None) -> None:
        if generation != self._generation:
            return  # the console moved to another show meanwhile
        self._busy = False
        if snapshot is None or error is not None:
            self._say_problem(error or RuntimeError("?"))
            if self._have != generation:
                self.sig_ready_changed.emit()
            return
        self._say_problem(None)
        self._take(snapshot)
        if self._refresh_wanted:
            self._refresh_wanted = False
            self._tick(refresh=True)

    def _take(self, snapshot: _Snapshot) -> None:
        # The whole snapshot taken before any signal: a slot reading the queue and the lottery together saw this
        # snapshot's questions with no lottery yet, and after a restart the event log never said the lottery
        # running was taken up again (host17's walk: kill -9 mid-lottery, 92 questions in the demo room's show).
        ready_changed = self._have != snapshot.generation
        replies_changed = snapshot.replies is not None and snapshot.replies != self._replies
        questions_changed = snapshot.questions is not None and snapshot.questions != self._questions
        lottery_changed = snapshot.lottery != self._lottery
        self._have = snapshot.generation
        if snapshot.replies is not None:
            self._replies = snapshot.replies
        if snapshot.questions is not None:
            self._questions = snapshot.questions
        self._lottery = snapshot.lottery
        if ready_changed:
            self.sig_ready_changed.emit()
        if replies_changed:
            self.sig_replies_changed.emit()
        if questions_changed:
            self.sig_questions_changed.emit()
        if lottery_changed:
            self.sig_lottery_changed.emit()

    def _say_problem(self, error: BaseException | None) -> None:
        before = self.problem
        self._problem = error
        said = self.problem
        if said != before:
            if error is not None:
                LOG.warning("engagement storage failing: %s", error)
            self.sig_problem.emit(said)

    def refresh(self) -> None:
        self._tick(refresh=True)

    # ------------------------------------------------------------------ actions (each on the worker)
    def _act(self, action: Callable[[Engagement], Any], then: SaidThen, refresh: bool = True) -> None:
        want = self._want
        if want is None:
            then(None, self.not_ready_words())
            return

        def work() -> Any:
            return action(self._engagement(want))

        def done(result: Any, why: Why | None) -> None:
            then(result, why)
            if refresh:
                self.refresh()

        self._submit(work, done)

    def mark_question(self, event: ChatEvent, then: SaidThen) -> None:
        self._act(lambda engage: engage.mark_question(event), then)

    def claim(self, question_id: int, then: SaidThen) -> None:
        who = self.who
        self._act(lambda engage: engage.claim(question_id, who), then)

    def release(self, question_id: int, then: SaidThen) -> None:
        who = self.who
        self._act(lambda engage: engage.release(question_id, who), then)

    def answer(self, question_id: int, text: str, then: SaidThen) -> None:
        who = self.who
        self._act(lambda engage: engage.answer(question_id, who, text), then)

    def dismiss(self, question_id: int, then: SaidThen) -> None:
        who = self.who
        self._act(lambda engage: engage.dismiss(question_id, who), then)

    def replies_for(self, question: Question, then: SaidThen) -> None:
        product = self._product()
        translate = QCoreApplication.translate  # {user} says who asked in the console's language
        self._act(lambda engage: engage.replies_for(question, product, translate), then, refresh=False)

    def save_replies(self, replies: list[QuickReply], then: SaidThen) -> None:
        want = self._want
        if want is None:
            then(None, self.not_ready_words())
            return

        def done(kept: Any, why: Why | None) -> None:
            if kept is not None:
                self._replies = tuple(kept)
                self.sig_replies_changed.emit()
            then(kept, why)

        self._submit(lambda: self._storage.get().save_quick_replies(want.room, replies), done)

    def post(self, text: str, then: SaidThen) -> None:
        room_chat = self._room_chat()
        if room_chat is None or not room_chat.posting_sources():
            then(
                None,
                _translated(
                    QT_TRANSLATE_NOOP(
                        "Engage", "No comment source of this room can post to its chat: copy the reply instead."
                    )
                ),
            )
            return
        self._submit(lambda: room_chat.post(text), then, self._poster)

    # ------------------------------------------------------------------ the lottery
    def open_lottery(self, keyword: str, winners: int, excluded: list[str], then: SaidThen) -> None:
        who = self.who
        self._act(lambda engage: engage.open_lottery(keyword, winners, excluded, who), self._lottery_then(then))

    def close_lottery(self, then: SaidThen, lottery_id: int | None = None) -> None:
        self._act(lambda engage: engage.close_lottery(lottery_id), self._lottery_then(then))

    def draw_lottery(self, then: SaidThen, lottery_id: int | None = None) -> None:
        who = self.who

        def draw(engage: Engagement) -> Any:
            try:
                return engage.draw_lottery(who, lottery_id)
            except AlreadyDrawn as lost:
                return lost  # another desk drew first: its winners are shown here, and the loss said in words

        self._act(draw, self._lottery_then(then))

    def cancel_lottery(self, then: SaidThen, lottery_id: int | None = None) -> None:
        who = self.who
        self._act(lambda engage: engage.cancel_lottery(who, lottery_id), self._lottery_then(then))

    def forfeit_winner(self, lottery_id: int, rank: int, reason: str, note: str, then: SaidThen) -> None:
        who = self.who
        self._act(lambda engage: engage.forfeit_winner(lottery_id, rank, reason, note, who), self._lottery_then(then))

    def draw_replacement(self, lottery_id: int, rank: int, then: SaidThen) -> None:
        who = self.who
        self._act(lambda engage: engage.draw_replacement(lottery_id, rank, who), self._lottery_then(then))

    def _lottery_then(self, then: SaidThen) -> SaidThen:
        def done(result: Any, why: Why | None) -> None:
            record = result.record if isinstance(result, AlreadyDrawn) else result
            if isinstance(record, LotteryRecord):
                self._lottery = record
                self.sig_lottery_changed.emit()
            if isinstance(result, AlreadyDrawn):
                then(None, partial(said_of, result))
            else:
                then(result, why)

        return done

    def lotteries(self, then: SaidThen) -> None:
        want = self._want
        if want is None:
            then(None, self.not_ready_words())
            return
        self._submit(lambda: list(self._storage.get().show_lotteries(want.show_id)), then)

    def export_lottery(self, path: Path, then: SaidThen, lottery_id: int | None = None) -> None:
        record = self._lottery
        if record is None and lottery_id is None:
            then(None, partial(said_of, LotteryError(QT_TRANSLATE_NOOP("Lottery", "no lottery is open"))))
            return
        chosen = lottery_id if lottery_id is not None else record.id if record is not None else None

        def work() -> str:
            from console.core.chat.lottery_export import write_lottery

            stored: LotteryRecord | None = self._storage.get().lottery(chosen) if chosen is not None else None
            if stored is None and lottery_id is None:
                stored = record  # not stored yet: as this console holds it
            if stored is None:
                raise LotteryError(QT_TRANSLATE_NOOP("Lottery", "there is no such lottery (id {id})"), id=chosen)
            return write_lottery(stored, path, QCoreApplication.translate)

        self._submit(work, then)

    # ------------------------------------------------------------------ closing
    def shutdown(self) -> None:
        """The console closes: the last pump stores what was read (bounded wait), the database is let go."""
        if self._closed:
            return
        self._timer.stop()
        want = self._want
        if want is not None and self._engage is not None:
            segment = self._segment()
            self._worker.submit(lambda: self._last_pump(want, segment))
        self._closed = True
        if not self._worker.shutdown(SHUTDOWN_WAIT_S):
            LOG.warning("the engagement's last storage call did not finish in %.0f s", SHUTDOWN_WAIT_S)
        self._poster.shutdown(0.5)
        self._storage.close()

    def _last_pump(self, want: _Want, segment: str) -> None:
        try:
            self._engagement(want).pump(segment)
        except Exception as exc:  # closing: said in the log, the console goes on closing
            LOG.warning("the engagement's last pump failed: %s", exc)
