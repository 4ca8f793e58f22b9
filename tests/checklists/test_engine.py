"""A run's rules: who confirmed what, overrides need a reason, and the go-live gate."""

from __future__ import annotations

import pytest

from checklists.checks import Outcome, Status
from checklists.engine import ChecklistRun, ItemStatus, RunError
from checklists.loader import load_all


class Fixed:
    """A context whose checks are never called: outcomes are set directly in these tests."""


def run_for(template_id: str = "streamer-go-live") -> ChecklistRun:
    return ChecklistRun(load_all()[0][template_id], "小李", "一号直播间")


def test_manual_items_need_a_named_person_and_the_gate_holds_until_then() -> None:
    run = run_for()
    assert {i.id for i in run.blocking()} == {"opening-scene", "camera-picture", "mic-live", "script", "phone-silent"}
    with pytest.raises(RunError, match="name"):
        run.confirm("script", "  ")
    run.confirm("script", "小李")
    assert run.states["script"].status is ItemStatus.PASSED and run.states["script"].confirmed_by == "小李"
    assert "script" not in {i.id for i in run.blocking()}
    assert not run.ready


def test_a_failed_item_can_be_overridden_only_with_a_reason() -> None:
    run = run_for()
    run.states["mic-live"] = run.states["mic-live"].__class__(
        ItemStatus.FAILED, Outcome(Status.FAILED, "{peak} dBFS", {"peak": -70})
    )
    with pytest.raises(RunError, match="reason"):
        run.override("mic-live", "王工", "")
    run.override("mic-live", "王工", "备用麦克风，已人工试音")
    state = run.states["mic-live"]
    assert state.status is ItemStatus.OVERRIDDEN and state.override_reason == "备用麦克风，已人工试音"
    with pytest.raises(RunError, match="has not passed"):
        run.confirm("camera-picture", "小李")  # a sensed item is signed off only once it passed


def test_ready_when_every_required_item_is_done_and_the_report() -> None:
    run = run_for()
    for item in run.template.items:
        if item.kind == "manual":
            run.confirm(item.id, "小李")
        else:
            run.states[item.id] = run.states[item.id].__class__(ItemStatus.PASSED, Outcome(Status.PASSED, "ok"))
    run.set_note("phone-silent", "两部手机都静音了")
    assert run.ready and run.sensed_ok
    report = run.to_dict("zh_CN")
    assert report["title"] == "主播开播确认" and report["ready"] is True
    phone = next(i for i in report["items"] if i["id"] == "phone-silent")
    assert phone["kind"] == "manual" and phone["note"] == "两部手机都静音了" and phone["confirmed_by"] == "小李"
