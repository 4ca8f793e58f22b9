"""How a pre-show run in a console's memory tells the wall its show went live with it (snapshot.checklist_of): the
override and its person when it holds them; nothing — not "not ready" — for a run kept at go-live that holds no
override, as a run resumed from the database after a restart does not (the stored run says it then)."""

from __future__ import annotations

from checklists.engine import ChecklistRun, ItemState, ItemStatus
from checklists.loader import load_all
from console.core.studio.snapshot import checklist_of
from console.core.studio.status import Prep, WentLive


def pre_show(show_id: int = 7) -> ChecklistRun:
    return ChecklistRun(load_all()[0]["host-assistant-pre-show"], "小李", "一号直播间", show_id=show_id)


def test_a_run_gone_live_overridden_names_the_person_and_its_moment() -> None:
    run = pre_show()
    run.override_go_live("王丽", "备用麦克风，已人工试音")
    run.freeze_at_go_live()
    said = checklist_of(run)
    assert said is not None and run.ended_at is not None
    assert (said.went_live, said.went_live_by, said.show_id) == (WentLive.OVERRIDDEN, "王丽", 7)
    assert said.went_live_at == run.ended_at.timestamp()


def test_a_ready_run_gone_live_is_ready_and_one_without_its_override_is_not_judged() -> None:
    ready = pre_show()
    for item in ready.template.items:
        ready.states[item.id] = ItemState(ItemStatus.PASSED)
    ready.freeze_at_go_live()
    said = checklist_of(ready)
    assert said is not None and said.went_live is WentLive.READY and said.state is Prep.PASSED
    resumed = pre_show()  # not ready, and its override not carried into memory
    resumed.freeze_at_go_live()
    said = checklist_of(resumed)
    assert said is not None and said.went_live is None and said.state is Prep.FAILED


def test_an_open_or_completed_run_has_not_gone_live() -> None:
    run = pre_show()
    said = checklist_of(run)
    assert said is not None and said.went_live is None and said.state is Prep.RUNNING
