"""What the Q&A dock, the lottery panel and the talent screen need of the application (the engagement controller,
console/engage_controller.py), as a Protocol beside widgets/chat_port.py: widgets take it in their constructors
and never import the application.

The controller owns the room's Engagement (Qt-free: console/core/chat/engage.py) for the show the console is in:
it reads the room's comment feed, stores questions and lottery entries, and answers every storage call on one
worker thread. Its answers and changes arrive as signals on the GUI thread; each action's outcome comes back to
`then(result, why)` with `why` a function saying it in the reader's language of the moment (engage_port.Why)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import SignalInstance

from console.core.chat.events import ChatEvent
from console.core.chat.lottery import LotteryRecord
from console.core.chat.questions import Question, QuickReply

#: Why an action could not be done: a function saying it in the language of the moment, so a line the event log
#: or a dock shows again after a language switch reads in the new language.
Why = Callable[[], str]
# then(result, None), or then(None, why).
SaidThen = Callable[[Any, Why | None], None]


@runtime_checkable
class EngagePort(Protocol):
    """The room's Q&A queue, quick replies and lottery."""

    @property
    def sig_questions_changed(self) -> SignalInstance: ...  # no arguments: read `questions` (every ~2 s at most)

    @property
    def sig_lottery_changed(self) -> SignalInstance: ...  # no arguments: read `lottery` (opened, entries, drawn)

    @property
    def sig_replies_changed(self) -> SignalInstance: ...  # no arguments: the room's quick replies (read `replies`)

    @property
    def sig_ready_changed(self) -> SignalInstance: ...  # no arguments: `ready` / `not_ready_why` changed

    @property
    def sig_product_changed(self) -> SignalInstance: ...  # no arguments: the product on air (`on_air`) changed

    @property
    def sig_problem(self) -> SignalInstance: ...  # str in words: storage failing ("" once it works again)

    @property
    def problem(self) -> str: ...  # storage failing, in words ("" while it works)

    @property
    def ready(self) -> bool: ...  # a show is kept for the room: questions and lotteries can be stored

    @property
    def not_ready_why(self) -> str: ...  # why not, in words ("" when ready)

    @property
    def questions(self) -> tuple[Question, ...]: ...  # the show's questions, every state, in the order asked

    @property
    def lottery(self) -> LotteryRecord | None: ...  # the show's newest lottery, whichever console opened it

    @property
    def replies(self) -> tuple[QuickReply, ...]: ...  # the room's quick replies as stored

    @property
    def started_wall(self) -> float: ...  # when this console began (wall clock): what is older was taken up

    @property
    def who(self) -> str: ...  # the name this console claims and answers with

    @property
    def room(self) -> str | None: ...  # the room the console is in (None: none chosen): its own lottery form

    @property
    def staff_names(self) -> tuple[str, ...]: ...  # the room's own names (chat/own_names): excluded by default

    @property
    def product_name(self) -> str: ...  # the product of the segment on air ("" when none)

    @property
    def on_air(self) -> tuple[str, str, str]: ...  # the product on air: name, price, sku as text ("" not known)

    @property
    def posting_sources(self) -> tuple[str, ...]: ...  # the room's sources that can post a reply (may be empty)

    def refresh(self) -> None:
        """Read the queue and the lottery again now (they are also read every ~2 s)."""

    def mark_question(self, event: ChatEvent, then: SaidThen) -> None: ...

    def claim(self, question_id: int, then: SaidThen) -> None:
        """then(Question, None), or then(None, why) — another console claimed it first says who."""

    def release(self, question_id: int, then: SaidThen) -> None: ...

    def answer(self, question_id: int, text: str, then: SaidThen) -> None: ...

    def dismiss(self, question_id: int, then: SaidThen) -> None: ...

    def replies_for(self, question: Question, then: SaidThen) -> None:
        """then([Offer], None): the replies that fit the question with the product on air, each filled in, with
        the fields it lacks now and the product it was filled for (console/core/chat/questions.py Offer)."""

    def post(self, text: str, then: SaidThen) -> None:
        """Post through the room's sources that can: then([Posted], None); each says posted or refused and why."""

    def save_replies(self, replies: list[QuickReply], then: SaidThen) -> None:
        """then(kept replies, None), or then(None, why): every problem named, nothing changed."""

    def open_lottery(self, keyword: str, winners: int, excluded: list[str], then: SaidThen) -> None: ...

    def close_lottery(self, then: SaidThen, lottery_id: int | None = None) -> None:
        """Close the show's open lottery: then(record, None). With `lottery_id` (the one the reader agreed to
        close) nothing is closed unless it is still the show's newest."""

    def draw_lottery(self, then: SaidThen, lottery_id: int | None = None) -> None:
        """then(record, None) when this console drew; then(None, why) when another console of the room drew first
        (its winners are then in `lottery`): a lottery is drawn once. With `lottery_id` (the one the reader agreed
        to draw) nothing is drawn unless it is still the show's newest."""

    def cancel_lottery(self, then: SaidThen, lottery_id: int | None = None) -> None:
        """Cancel the show's running lottery (never drawn; another may be opened): then(record, None). With
        `lottery_id` (the one the reader agreed to cancel) nothing is cancelled unless it is still the running one."""

    def forfeit_winner(self, lottery_id: int, rank: int, reason: str, note: str, then: SaidThen) -> None:
        """Mark winner `rank` of the drawn lottery forfeited (a lottery.REASONS code and the person's note):
        then(record, None), or then(None, why)."""

    def draw_replacement(self, lottery_id: int, rank: int, then: SaidThen) -> None:
        """Draw the replacement of the forfeited winner `rank` — the next viewer of the same seeded sequence:
        then(record, None), or then(None, why)."""

    def lotteries(self, then: SaidThen) -> None:
        """then([LotteryRecord], None): the show's lotteries, oldest first (the ones the reader can export)."""

    def export_lottery(self, path: Path, then: SaidThen, lottery_id: int | None = None) -> None:
        """Write a lottery of the show — `lottery_id`, else the newest — to `path` (.json verifiable, .csv,
        .xlsx): then(format, None)."""
