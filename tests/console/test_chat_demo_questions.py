"""The demo room's simulated viewers across console restarts: a restarted console resumes the demo room's show,
so the questions its viewers ask after the restart must be new questions, not taken for the ones asked before
(their message ids restarted at 1 and collided with the stored ones, and the Q&A queue silently dropped them)."""

from __future__ import annotations

from datetime import UTC, datetime

from console.core.chat.demo import DemoChat
from console.core.chat.engage import Engagement
from console.core.chat.feed import ChatFeed
from console.core.chat.questions import is_question
from console.core.storage import Storage


def test_questions_asked_after_a_restart_of_the_demo_room_are_new_questions(storage: Storage) -> None:
    show, _ = storage.open_show("demo", datetime(2026, 11, 30, 20, tzinfo=UTC), 120)
    asked = 0
    for _run in range(2):  # the console, then the console restarted on the same show
        feed = ChatFeed()
        engage = Engagement(storage, "demo", show.id, feed)
        source = DemoChat(feed, seed=7)  # the same viewers saying the same things in the same order
        said = [source.next_event() for _ in range(40)]
        feed.extend(said)
        engage.pump()
        # A viewer repeating a question that still waits is one row: each viewer's question counts once a run.
        asked += len({(e.user_id, e.text) for e in said if e.has_text and is_question(e.text)})
        for question in engage.questions():  # dealt with before the restart: asked again after it, it is new
            engage.dismiss(question.id, "客服小周")
    assert asked > 20
    # One row per question asked, or per group of one question many viewers asked (its askers each named).
    rows = engage.questions(None)
    assert sum(len(row.askers) or 1 for row in rows) == asked, "every question asked is in the queue, once"


def test_the_demo_audience_enters_a_lottery_opened_with_the_keyword_the_tab_suggests() -> None:
    """Found by use: a lottery opened in the demo room with the suggested "#抽奖" never had an entry — no simulated
    viewer wrote it."""
    from console.core.chat.events import ChatKind

    source = DemoChat(ChatFeed(), seed=3)
    said = [source.next_event() for _ in range(400)]
    entrants = {e.user_id for e in said if e.kind is ChatKind.COMMENT and e.text == "#抽奖"}
    assert len(entrants) >= 5
