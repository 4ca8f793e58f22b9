"""A pre-show run kept at go-live belongs to the show that went live with it, not to the show it was started in (on
real SQLite and PostgreSQL). walk23: room A's list was started, the console went to room B and back — the show it was
started in ended at the switch — and A's next show went live with it: the review, the Shows list and `onair report`
said "Pre-show checklist: none", since the run still named the show that had ended."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checklists.engine import ChecklistRun
from checklists.loader import load_all
from console.core.review.bundle import bundle_show
from console.core.review.shows import Checklist
from console.core.storage import Storage
from tests.console.test_review_shows import T0, a_show

ROOM = "一号直播间"


def checklist_of(storage: Storage, show: int) -> Checklist:
    summary = storage.show_summary(show)
    assert summary is not None
    return summary.checklist


def test_a_run_kept_at_go_live_moves_to_the_show_that_went_live_with_it(onair: Any, storage: Storage) -> None:
    left = a_show(storage, ROOM, T0, 60)  # the show the list was started in; the console left the room
    storage.end_show(left, T0 + timedelta(seconds=60))
    run = ChecklistRun(load_all()[0]["streamer-go-live"], "小李", ROOM, T0 + timedelta(seconds=10), show_id=left)
    run_id = storage.save_run(run, "zh_CN")
    show = a_show(storage, ROOM, T0 + timedelta(minutes=5), 600)  # back in the room: its next show

    run.override_go_live("小李", "平台活动准点开始")
    run.freeze_at_go_live(T0 + timedelta(minutes=6))
    run.show_id = None  # went live before the show was known (the database opening)
    assert storage.save_run(run, "zh_CN", run_id=run_id) == run_id
    assert storage.go_live_run(left) is None, "the show that ended before the stream never went live with it"
    assert checklist_of(storage, left) is Checklist.NONE

    run.show_id = show  # the show is known now
    assert storage.save_run(run, "zh_CN", run_id=run_id) == run_id
    kept = storage.go_live_run(show)
    assert kept is not None and kept.id == run_id and kept.go_live_by == "小李"
    assert kept.go_live_reason == "平台活动准点开始" and kept.end_state == "went_live"
    assert checklist_of(storage, show) is Checklist.OVERRIDDEN, "the Shows list says it at once"
    outcome = bundle_show(storage, show).checklist
    assert outcome.outcome is Checklist.OVERRIDDEN and outcome.override_by == "小李"
    storage.end_show(show, T0 + timedelta(minutes=15))

    said = onair("report", "--show", str(show), "--lang", "en", "--database", storage.url)
    assert said.returncode == 0, said.stderr
    assert "Pre-show checklist at go-live: overridden" in said.stdout, said.stdout
    assert "平台活动准点开始" in said.stdout, said.stdout
    listed = onair("shows", "--json", "--database", storage.url)
    assert listed.returncode == 0, listed.stderr
    assert '"overridden"' in listed.stdout, listed.stdout


def test_a_show_that_ended_saying_it_went_live_with_a_run_stops_saying_so_when_the_run_moves(
    storage: Storage,
) -> None:
    """A final Shows-list row is computed again when the run it spoke of is the next show's."""
    left = a_show(storage, ROOM, T0, 60)
    run = ChecklistRun(load_all()[0]["streamer-go-live"], "小李", ROOM, T0 + timedelta(seconds=10), show_id=left)
    run.freeze_at_go_live(T0 + timedelta(seconds=30))
    run_id = storage.save_run(run, "zh_CN")
    storage.end_show(left, T0 + timedelta(seconds=60))
    assert checklist_of(storage, left) is Checklist.READY
    show = a_show(storage, ROOM, T0 + timedelta(minutes=5), 60)
    storage.end_show(show, T0 + timedelta(minutes=6))
    assert checklist_of(storage, show) is Checklist.NONE

    run.show_id = show
    storage.save_run(run, "zh_CN", run_id=run_id)
    assert checklist_of(storage, left) is Checklist.NONE
    assert checklist_of(storage, show) is Checklist.READY
