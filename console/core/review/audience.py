"""The audience's side of one stored show in figures, as the review's exports say it: the comments (how many were
stored, the busiest minute's comments and chatters), the viewers' questions (asked, answered, dismissed, still
waiting, the median wait for an answer — counted as the Questions dock showed them: one question asked by many
viewers is one question, asked by that many viewers) and the lotteries (how many, their entries and winners). Qt-free.

Unknown is None, never 0. A show whose chat no source read — no second with a comments-per-minute figure, no stored
message, no question — has its comments and questions not known (a room without a chat source is not a silent
room). Comments counted while the show ran but no longer stored (deleted after `chat/retention_days`) are not known
either, rather than 0. The lotteries are the console's own records: a show where none was run has 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from console.core.chat.events import TEXT_KINDS
from console.core.chat.lottery import LotteryRecord
from console.core.chat.questions import Question, QuestionState

if TYPE_CHECKING:
    from console.core.review.bundle import ShowBundle


@dataclass(frozen=True)
class Audience:
    """The figures; every one None when not known (see the module's docstring)."""

    # Whether any chat source read the room during the show (the other chat figures are None when not).
    chat_read: bool
    # Comments and paid messages stored with the show (what comments per minute counts; gifts and joins are not).
    comments: int | None
    peak_comments_per_min: float | None
    peak_chatters_per_min: float | None
    # The questions as the Questions dock showed them: one asked by many viewers (a group) is one question.
    questions: int | None
    # The viewers who asked them, each once per question (a question asked by 6 viewers counts 6).
    askers: int | None
    # answered, dismissed and waiting count questions (groups), as `questions` does.
    answered: int | None
    dismissed: int | None
    # Open or claimed when the show was read: never answered.
    waiting: int | None
    # The median time from first asked to answered, over the answered questions (None without one).
    median_wait_s: float | None
    # Every lottery of the show, oldest first (drawn, cancelled, or still running).
    lotteries: tuple[LotteryRecord, ...]

    @property
    def drawn(self) -> tuple[LotteryRecord, ...]:
        return tuple(record for record in self.lotteries if record.state == "drawn")

    @property
    def lottery_entries(self) -> int:
        """Entries over every lottery of the show (a viewer entering two lotteries counts twice)."""
        return sum(len(record.entries) for record in self.lotteries)

    @property
    def lottery_winners(self) -> int:
        """The winners who stand over every lottery (a forfeited winner is not one; its replacement is)."""
        return sum(len(record.standing) for record in self.lotteries)


def _peak(values: np.ndarray) -> float | None:
    known = values[np.isfinite(values)]
    return float(known.max()) if known.size else None


def median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _grouped(questions: tuple[Question, ...]) -> list[tuple[Question, int]]:
    """The questions as the queue shows them: each group as its first question (a claim, an answer or a dismissal
    moves the whole group, so its state is the group's) with how many viewers asked it; a question asked alone as
    itself, asked by one."""
    heads: dict[int, Question] = {}
    viewers: dict[int, set[tuple[str, str]]] = {}
    for question in questions:
        lead = question.id if question.group_id is None else question.group_id
        if lead not in heads or question.id == lead:
            heads[lead] = question
        viewers.setdefault(lead, set()).add((question.platform, question.user_id or question.user_name))
    return [(head, len(viewers[lead])) for lead, head in heads.items()]


def audience_of(bundle: ShowBundle) -> Audience:
    """The show's audience figures from what the bundle read (its seconds, stored messages, questions, lotteries)."""
    data = bundle.data
    per_min = data.channel("comments_per_min") if len(data.t) else np.empty(0)
    chatters = data.channel("chatters_per_min") if len(data.t) else np.empty(0)
    peak = _peak(per_min)
    stored = sum(count for kind, count in bundle.comment_counts.items() if kind in {k.value for k in TEXT_KINDS})
    questions = bundle.questions
    chat_read = peak is not None or bool(bundle.comment_counts) or bool(questions)
    comments: int | None = stored if chat_read else None
    if stored == 0 and peak:
        comments = None  # counted live, no longer stored (the retention deleted them): not known, never 0
    grouped = _grouped(questions)
    states = [question.state for question, _ in grouped]
    waits = [
        max(0.0, q.answered_at - q.asked_at)
        for q, _ in grouped
        if q.state is QuestionState.ANSWERED and q.answered_at is not None
    ]

    def count(*wanted: QuestionState) -> int | None:
        return sum(states.count(state) for state in wanted) if chat_read else None

    return Audience(
        chat_read=chat_read,
        comments=comments,
        peak_comments_per_min=peak,
        peak_chatters_per_min=_peak(chatters),
        questions=len(grouped) if chat_read else None,
        askers=sum(viewers for _, viewers in grouped) if chat_read else None,
        answered=count(QuestionState.ANSWERED),
        dismissed=count(QuestionState.DISMISSED),
        waiting=count(QuestionState.OPEN, QuestionState.CLAIMED),
        median_wait_s=median(waits),
        lotteries=bundle.lotteries,
    )
