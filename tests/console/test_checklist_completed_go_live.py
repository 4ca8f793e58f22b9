"""A pre-show checklist completed before the stream started is the show's checklist at go-live (on real SQLite and
PostgreSQL): linked to the show when it goes live, said as completed before going live — by whom, when — in the
Shows browser, the review bundle and `onair report`; a run completed for the room's previous show, another room's,
one completed after going live or one another show already went live with does not count."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from checklists.engine import ChecklistRun
from checklists.loader import load_all
from console.core.review.bundle import bundle_show
from console.core.review.shows import Checklist
from console.core.storage import Storage
from tests.console.test_review_shows import T0, a_show, went_live

ROOM = "一号直播间"


def completed(
    storage: Storage, room: str, at: datetime, show_id: int | None = None, person: str = "王工", ready: bool = True
) -> int:
    """The streamer go-live list run by 小李 in `room` and completed by `person` at `at` (its two manual items
    confirmed; its sensed items passed as they would be on a ready room)."""
    from checklists.engine import ItemState, ItemStatus

    template = load_all()[0]["streamer-go-live"]
    run = ChecklistRun(template, "小李", room, started_at=at - timedelta(minutes=5), show_id=show_id)
    for item in template.items:
        run.states[item.id] = ItemState(ItemStatus.PASSED if ready else ItemStatus.NEEDS_PERSON)
    run.complete(person)
    run.ended_at = at
    return storage.save_run(run, "zh_CN")


def earlier_show(storage: Storage, room: str = ROOM, streamed: bool = True) -> int:
    """The room's show before: 10 minutes from T0 (on air for a second of it, or never), ended cleanly."""
    show = a_show(storage, room, T0, 600)
    if streamed:
        storage.add_telemetry(show, [{"t": T0.timestamp() + 300.5, "streaming": 1.0}], [])
    storage.end_show(show, T0 + timedelta(seconds=600))
    return show


def test_a_run_completed_before_going_live_is_the_shows_checklist_ready_and_said_so(storage: Storage) -> None:
    earlier_show(storage)
    # The next show opens at 13:00; the assistant completes the list at 13:20 (started with no show known yet);
    # the streamer starts the stream at 13:30.
    show = a_show(storage, ROOM, T0 + timedelta(hours=1), 3600)
    run_id = completed(storage, ROOM, T0 + timedelta(minutes=80), show_id=None)
    live = T0 + timedelta(minutes=90)
    assert storage.count_completed_run(ROOM, show, live) == run_id
    run = storage.run(run_id)
    assert run is not None and run.show_id == show and run.go_live_at == live
    assert (run.end_state, run.ended_by) == ("completed", "王工"), "how it ended stays as it was"
    assert storage.show_summary(show) is not None
    assert storage.show_summary(show).checklist is Checklist.READY  # type: ignore[union-attr]

    outcome = bundle_show(storage, show).checklist
    assert outcome.outcome is Checklist.READY and outcome.run is not None and outcome.run.id == run_id
    assert outcome.override_by is None and outcome.completed_by == "王工"
    assert outcome.completed_at == T0 + timedelta(minutes=80) and outcome.went_live_at == live
    said = outcome.completed_before()
    assert said is not None
    local = (T0 + timedelta(minutes=80)).astimezone().strftime("%H:%M")
    went = live.astimezone().strftime("%H:%M")
    assert said.explain() == f"completed by 王工 at {local}, before going live at {went}"


def test_a_second_console_seeing_the_same_go_live_links_the_same_run_once(storage: Storage) -> None:
    show = a_show(storage, ROOM, T0, 3600)
    run_id = completed(storage, ROOM, T0 + timedelta(minutes=10), show_id=show)
    live = T0 + timedelta(minutes=20)
    assert storage.count_completed_run(ROOM, show, live) == run_id
    # The other console heard the stream start a moment later; a second stream of the same show, later still.
    assert storage.count_completed_run(ROOM, show, live + timedelta(seconds=2)) == run_id
    assert storage.count_completed_run(ROOM, show, live + timedelta(minutes=30)) == run_id
    run = storage.run(run_id)
    assert run is not None and run.go_live_at == live, "the show went live when it was first seen going live"


def test_a_run_completed_for_the_rooms_previous_show_does_not_count(storage: Storage) -> None:
    # Completed during the previous show (before it ended at 12:10), never used to go live then.
    before = completed(storage, ROOM, T0 + timedelta(minutes=5))
    earlier_show(storage)
    show = a_show(storage, ROOM, T0 + timedelta(hours=1), 600)
    assert storage.count_completed_run(ROOM, show, T0 + timedelta(minutes=70)) is None
    assert storage.show_summary(show).checklist is Checklist.NONE  # type: ignore[union-attr]
    assert bundle_show(storage, show).checklist.outcome is Checklist.NONE
    stored = storage.run(before)
    assert stored is not None and stored.show_id is None and stored.go_live_at is None, "left as it was"


def test_a_show_that_never_went_on_air_in_between_does_not_hide_the_run(storage: Storage) -> None:
    """The list was completed, then the console left the room (or stayed closed longer than a show resumes) before
    anyone went live: the show that never streamed used no checklist; the room's next go-live is the run's."""
    run_id = completed(storage, ROOM, T0 - timedelta(minutes=5))
    earlier_show(storage, streamed=False)
    show = a_show(storage, ROOM, T0 + timedelta(hours=1), 600)
    assert storage.count_completed_run(ROOM, show, T0 + timedelta(minutes=70)) == run_id
    assert bundle_show(storage, show).checklist.outcome is Checklist.READY


def test_a_run_another_show_went_live_with_does_not_count_again(storage: Storage) -> None:
    """A console left on the room (no show ended in between, e.g. its previous show cut off) must not hand the
    same completed run to a second show."""
    first = a_show(storage, ROOM, T0, 600)
    run_id = completed(storage, ROOM, T0 + timedelta(minutes=2), show_id=first)
    assert storage.count_completed_run(ROOM, first, T0 + timedelta(minutes=3)) == run_id
    second = a_show(storage, ROOM, T0 + timedelta(minutes=20), 600)
    assert storage.count_completed_run(ROOM, second, T0 + timedelta(minutes=25)) is None
    assert bundle_show(storage, first).checklist.outcome is Checklist.READY
    assert bundle_show(storage, second).checklist.outcome is Checklist.NONE


def test_another_rooms_run_and_a_run_completed_after_going_live_do_not_count(storage: Storage) -> None:
    show = a_show(storage, ROOM, T0, 3600)
    completed(storage, "二号直播间", T0 + timedelta(minutes=10))
    live = T0 + timedelta(minutes=20)
    completed(storage, ROOM, live + timedelta(minutes=1), show_id=show)  # after the stream started
    assert storage.count_completed_run(ROOM, show, live) is None
    assert bundle_show(storage, show).checklist.outcome is Checklist.NONE


def test_a_run_kept_at_a_later_go_live_speaks_for_the_show(storage: Storage) -> None:
    """The first stream went live with a completed run; the stream stopped, and a second one went live with an
    open run kept (overridden): the newest at go-live speaks for the show, as before."""
    show = a_show(storage, ROOM, T0, 3600)
    completed(storage, ROOM, T0 + timedelta(minutes=10), show_id=show)
    assert storage.count_completed_run(ROOM, show, T0 + timedelta(minutes=20)) is not None
    went_live(storage, ROOM, show, override=True)  # now (after T0's minutes): the newer one
    assert bundle_show(storage, show).checklist.outcome is Checklist.OVERRIDDEN
    assert bundle_show(storage, show).checklist.completed_before() is None
    assert storage.show_summary(show).checklist is Checklist.OVERRIDDEN  # type: ignore[union-attr]


def test_onair_report_says_who_completed_the_checklist_and_when(onair: Any, storage: Storage) -> None:
    show = a_show(storage, ROOM, T0, 3600)
    completed(storage, ROOM, T0 + timedelta(minutes=10), show_id=show)
    storage.count_completed_run(ROOM, show, T0 + timedelta(minutes=20))
    storage.end_show(show, T0 + timedelta(hours=1))
    local = (T0 + timedelta(minutes=10)).astimezone().strftime("%H:%M")
    went = (T0 + timedelta(minutes=20)).astimezone().strftime("%H:%M")
    done = onair("report", "--show", str(show), "--lang", "en", "--database", storage.url)
    assert done.returncode == 0, done.stderr
    assert (
        f"Pre-show checklist at go-live: ready (completed by 王工 at {local}, before going live at {went})"
        in done.stdout
    ), done.stdout
    chinese = onair("report", "--show", str(show), "--lang", "zh_CN", "--database", storage.url)
    assert f"就绪（王工 于 {local} 完成，在 {went} 开播之前）" in chinese.stdout, chinese.stdout
    shown = json.loads(onair("report", "--show", str(show), "--json", "--database", storage.url).stdout)
    assert shown["checklist"] == "ready" and shown["checklist_completed_by"] == "王工"
    assert shown["checklist_completed_at"] == (T0 + timedelta(minutes=10)).isoformat()
    assert shown["checklist_went_live_at"] == (T0 + timedelta(minutes=20)).isoformat()
    listed = onair("shows", "--json", "--database", storage.url)
    assert listed.returncode == 0, listed.stderr
    assert "ready" in listed.stdout
