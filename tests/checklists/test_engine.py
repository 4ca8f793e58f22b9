"""A run's rules: who confirmed what, overrides need a reason, and the go-live gate."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest

from checklists.checks import Outcome, Status
from checklists.context import SessionContext
from checklists.engine import ChecklistRun, ItemStatus, RunEnd, RunError
from checklists.loader import load_all
from obs.session import ObsSession
from obs.simulator.server import SimulatorThread
from obs.state import ObsState
from tests.conftest import PASSWORD, sensed_template
from tests.language import chinese, english


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


def refusal(action: Callable[[], object]) -> RunError:
    with pytest.raises(RunError) as refused:
        action()
    return refused.value


def test_a_refusal_names_the_item_and_the_checklist_by_their_titles_in_the_readers_language() -> None:
    """Enter on a failing sensed item said "“camera-picture”没有通过…": the item's id, not its title."""
    run = run_for()
    run.states["camera-picture"] = replace(
        run.states["camera-picture"], status=ItemStatus.FAILED, outcome=Outcome(Status.FAILED, "black")
    )
    not_passed = refusal(lambda: run.confirm("camera-picture", "小李"))
    assert not_passed.in_language(english) == (
        "“Camera shows a picture” has not passed; it can be overridden with a reason instead"
    )
    assert not_passed.in_language(chinese()) == "“摄像头有画面”没有通过；可以写明原因后放行"
    assert str(not_passed) == not_passed.in_language(english), "logs say it in English, by the title too"
    run.confirm("script", "小李")
    passed = refusal(lambda: run.override("script", "小李", "已确认"))
    assert passed.in_language(chinese()) == "“话术和商品资料在手边”已经通过，无需放行"
    assert passed.in_language(english) == "“Script and product notes at hand” has passed; there is nothing to override"
    unknown = refusal(lambda: run.confirm("no-such-item", "小李"))
    assert unknown.in_language(chinese()) == "主播开播确认 里没有“no-such-item”这一项"
    assert unknown.in_language(english) == "no item “no-such-item” in Streamer go-live"


def test_an_ended_run_says_how_it_ended_in_words() -> None:
    run = run_for()
    run.abandon("小李", "换场地")
    ended = refusal(lambda: run.confirm("script", "小李"))
    assert ended.in_language(english) == "this run was abandoned; start a new one"
    assert ended.in_language(chinese()) == "这份检查单已经放弃；请开始新的一次"
    live = run_for()
    live.freeze_at_go_live()
    assert refusal(lambda: live.set_note("script", "x")).in_language(chinese()) == (
        "这份检查单已按开播时的状态保存；请开始新的一次"
    )


def test_completing_with_items_open_counts_them_as_the_language_does() -> None:
    """ "1 required item(s) are still open: confirm or override them": one item, in English's singular."""
    run = run_for()
    for item in ("opening-scene", "camera-picture", "mic-live"):
        run.states[item] = replace(run.states[item], status=ItemStatus.PASSED, outcome=Outcome(Status.PASSED, "ok"))
    two = refusal(lambda: run.complete("王工"))
    assert two.in_language(english) == (
        "2 required items are still open: confirm or override them, or abandon the run with a reason"
    )
    assert two.in_language(chinese()) == "还有 2 个必选项未完成：请确认或放行，或写明原因放弃本次检查"
    run.confirm("script", "小李")
    one = refusal(lambda: run.complete("王工"))
    assert one.in_language(english) == (
        "1 required item is still open: confirm or override it, or abandon the run with a reason"
    )
    assert one.in_language(chinese()) == "还有 1 个必选项未完成：请确认或放行，或写明原因放弃本次检查"


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


# ---------------------------------------------------------------------- a run's life
class HeldContext(SessionContext):
    """A real session to the simulator whose answers are held back until the test lets them through: the
    moment a re-check is in flight, made to last as long as the test needs."""

    session: ObsSession  # the tests' own session, which they also drive and wait on

    def __init__(self, session: ObsSession) -> None:
        super().__init__(session)
        self.release = threading.Event()
        self.asked = threading.Event()

    def state(self) -> ObsState:
        self.asked.set()
        self.release.wait(10)
        return super().state()


@pytest.fixture
def held(sim: SimulatorThread) -> Iterator[HeldContext]:
    with ObsSession("127.0.0.1", sim.port, PASSWORD, poll_interval=None) as session:
        assert session.wait_connected(10)
        yield HeldContext(session)


def in_flight(run: ChecklistRun, held: HeldContext) -> threading.Thread:
    """Start a re-check on a thread and return once its checks are waiting for OBS's answer."""
    held.release.clear()
    held.asked.clear()
    worker = threading.Thread(target=run.check, args=(held,))
    worker.start()
    assert held.asked.wait(10), "the re-check is in flight"
    return worker


def test_items_keep_their_last_result_while_re_checked_so_the_gate_answers_the_same(held: HeldContext) -> None:
    template = sensed_template(
        [("obs.connected", {}), ("obs.program_scene", {"scene": "等待开始"}), ("obs.scene_exists", {"scene": "直播中"})]
    )
    run = ChecklistRun(template, "小李", "一号直播间")
    held.release.set()
    run.check(held)
    assert run.ready
    worker = in_flight(run, held)
    try:
        assert run.blocking() == [] and run.ready, "mid-re-check the gate says the same as before it"
        assert all(s.status is ItemStatus.PASSED for s in run.states.values())
        assert run.checking == {i.id for i in run.template.items}
    finally:
        held.release.set()
        worker.join(10)
    assert run.ready and run.checking == frozenset()


def test_completing_needs_a_name_and_every_required_item_done_then_the_run_stops() -> None:
    run = run_for()
    with pytest.raises(RunError, match="still open"):
        run.complete("小李")
    for item in run.template.items:
        if item.kind == "manual":
            run.confirm(item.id, "小李")
        else:
            run.states[item.id] = run.states[item.id].__class__(ItemStatus.PASSED, Outcome(Status.PASSED, "ok"))
    with pytest.raises(RunError, match="name"):
        run.complete(" ")
    run.complete("王工")
    assert (run.end, run.ended_by) == (RunEnd.COMPLETED, "王工") and run.ended_at is not None
    assert not run.is_open
    with pytest.raises(RunError, match="was completed"):
        run.set_note("script", "too late")
    report = run.to_dict("en")
    assert report["end"] == "completed" and report["ended_by"] == "王工" and report["ended_at"]


def test_abandoning_needs_a_reason() -> None:
    run = run_for()
    with pytest.raises(RunError, match="reason"):
        run.abandon("小李", "  ")
    run.abandon("小李", "换了主播，重新开始")
    assert (run.end, run.end_reason) == (RunEnd.ABANDONED, "换了主播，重新开始") and not run.is_open


def test_going_live_freezes_the_result_and_a_late_check_changes_nothing(held: HeldContext) -> None:
    template = sensed_template([("obs.program_scene", {"scene": "等待开始"})])
    run = ChecklistRun(template, "小李", "一号直播间")
    held.release.set()
    run.check(held)
    assert run.ready
    worker = in_flight(run, held)
    run.freeze_at_go_live()  # the stream started while a re-check was in flight …
    held.session.request("SetCurrentProgramScene", {"sceneName": "直播中"})  # … then the host switched to live
    assert held.session.wait_for(lambda t: t.state.program_scene == "直播中", 5)
    held.release.set()
    worker.join(10)
    assert run.end is RunEnd.WENT_LIVE and run.ended_by == "小李"
    assert run.ready and run.states["i0"].status is ItemStatus.PASSED, "the result as it was at go-live"
    run.check(held)  # a frozen run senses no more
    assert run.states["i0"].status is ItemStatus.PASSED


def test_a_check_for_another_room_is_not_applied(held: HeldContext) -> None:
    template = sensed_template([("obs.program_scene", {"scene": "直播中"})])
    run = ChecklistRun(template, "小李", "一号直播间")
    held.release.set()
    run.check(held, still_valid=lambda: False)  # the console moved to another room meanwhile
    assert run.states["i0"].status is ItemStatus.PENDING and run.states["i0"].outcome is None


def test_an_override_made_while_the_item_is_re_checked_stands_and_shows_the_late_result(held: HeldContext) -> None:
    template = sensed_template([("obs.program_scene", {"scene": "直播中"})])
    run = ChecklistRun(template, "小李", "一号直播间")
    held.release.set()
    run.check(held)
    assert run.states["i0"].status is ItemStatus.FAILED
    held.session.request("SetCurrentProgramScene", {"sceneName": "直播中"})  # the next pass will pass …
    assert held.session.wait_for(lambda t: t.state.program_scene == "直播中", 5)
    worker = in_flight(run, held)
    run.override("i0", "王工", "导播台切换开场")  # … but a person overrode the item meanwhile
    held.release.set()
    worker.join(10)
    state = run.states["i0"]
    assert (state.status, state.confirmed_by, state.override_reason) == (
        ItemStatus.OVERRIDDEN,
        "王工",
        "导播台切换开场",
    )
    assert state.outcome is not None and state.outcome.status is Status.PASSED, "the result says what was found"


def test_sensing_reads_the_room_and_leaves_the_run_to_its_owner(held: HeldContext) -> None:
    from checklists.engine import sense

    template = sensed_template([("obs.connected", {}), ("obs.program_scene", {"scene": "等待开始"})])
    run = ChecklistRun(template, "小李", "一号直播间")
    items = run.begin_check()
    assert run.checking == {"i0", "i1"}
    held.release.set()
    sensed = sense(items, held)  # what the console's worker runs
    assert [(item_id, outcome.status) for item_id, outcome in sensed.outcomes] == [
        ("i0", Status.PASSED),
        ("i1", Status.PASSED),
    ]
    assert all(s.status is ItemStatus.PENDING for s in run.states.values()), "nothing applied until the owner does"
    run.finish_check(sensed)
    assert run.ready and run.checking == frozenset() and run.duration_s == sensed.duration_s
