"""The live runner against an injectable clock: over/under (ahead, behind, a fixed start), skip, repeat, insert,
plan edits mid-show, and resuming from stored marks."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from datetime import time as clock_time

import pytest

from console.core.rundown.durations import format_duration
from console.core.rundown.live import (
    DONE,
    END,
    GO,
    INSERT,
    LENGTH,
    PENDING,
    REFUSED,
    REPEAT,
    SKIP,
    Mark,
    RundownRunner,
    RundownStateError,
    changed_on_air,
    over_under_text,
    plan_from_json,
    plan_to_json,
    planned_cell,
    spans,
)
from console.core.rundown.model import Product, Rundown, Segment
from obs.text import Message

T0 = datetime(2026, 11, 30, 20, 0, tzinfo=UTC).timestamp()


class Clock:
    def __init__(self, t: float = T0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def at(self, seconds: float) -> None:
        self.t = T0 + seconds


def plan(*lengths: int | None, scenes: tuple[str, ...] = ()) -> Rundown:
    segments = tuple(
        Segment(f"S{n}", length, scene=scenes[n] if n < len(scenes) else "", key=f"k{n}")
        for n, length in enumerate(lengths)
    )
    return Rundown("demo", segments)


def runner(rundown: Rundown) -> tuple[RundownRunner, Clock]:
    clock = Clock()
    return RundownRunner(rundown, clock, UTC), clock


def test_on_time_then_behind_by_the_overrun_of_the_current_segment() -> None:
    run, clock = runner(plan(300, 600, 120))
    assert run.position().over_under_s is None  # before the first Go nothing is known
    run.go("ann")
    clock.at(200)
    pos = run.position()
    assert pos.current is not None and pos.current.key == "k0"
    assert (pos.elapsed_s, pos.remaining_s, pos.over_under_s) == (200, 100, 0)
    assert pos.next is not None and pos.next.key == "k1"
    clock.at(330)  # 30 s over its 5 minutes, still on air
    pos = run.position()
    assert pos.remaining_s == -30 and pos.over_under_s == 30
    run.go("ann")  # taken 30 s late
    clock.at(340)
    assert run.position().over_under_s == 30
    assert over_under_text(30) == "+0:30"


def test_ahead_when_a_segment_is_cut_short() -> None:
    run, clock = runner(plan(300, 600, 120))
    run.go()
    clock.at(240)
    run.go()
    clock.at(250)
    assert run.position().over_under_s == -60
    assert over_under_text(-60) == "−1:00"


def test_a_fixed_start_overrides_the_sum_of_lengths() -> None:
    rundown = Rundown(
        "demo",
        (
            Segment("warm-up", 300, key="a"),
            Segment("main", 600, fixed_start=clock_time(20, 10), key="b"),
            Segment("close", 60, key="c"),
        ),
    )
    run, clock = runner(rundown)
    run.go()  # 20:00
    clock.at(8 * 60)  # taken at 20:08, planned for the fixed 20:10: two minutes ahead
    run.go()
    assert run.position().over_under_s == -120
    clock.at(21 * 60)  # the close is planned at 20:10 + 10 min = 20:20; taken at 20:21
    run.go()
    assert run.position().over_under_s == 60
    # the show's planned start comes from the fixed start less the lengths before it
    assert run.snapshot is not None and run.snapshot.planned_start == T0 + 5 * 60


def test_a_fixed_start_first_segment_makes_a_late_first_go_behind() -> None:
    rundown = Rundown("demo", (Segment("open", 300, fixed_start=clock_time(19, 58), key="a"),))
    run, _ = runner(rundown)
    run.go()  # 20:00 for 19:58
    assert run.position().over_under_s == 120
    assert run.snapshot is not None and run.snapshot.planned_start == T0 - 120


def test_a_show_planned_before_midnight_and_started_after_it_is_behind_not_a_day_ahead() -> None:
    """A night show planned for 23:50 whose first Go comes at 00:10 is 20 minutes late: the fixed start is the
    nearest 23:50 to the Go (yesterday's), not tonight's nearly a day away; and a segment fixed at 00:30 within
    it is the same night's."""
    rundown = Rundown(
        "demo",
        (
            Segment("open", 600, fixed_start=clock_time(23, 50), key="a"),
            Segment("deal", 600, fixed_start=clock_time(0, 30), key="b"),
        ),
    )
    clock = Clock(datetime(2026, 12, 1, 0, 10, tzinfo=UTC).timestamp())
    run = RundownRunner(rundown, clock, UTC)
    run.go()
    assert run.position().over_under_s == 20 * 60, "20 minutes behind"
    assert over_under_text(run.position().over_under_s) == "+20:00"
    assert run.snapshot is not None
    assert run.snapshot.planned_start == datetime(2026, 11, 30, 23, 50, tzinfo=UTC).timestamp()
    clock.t += 15 * 60  # 00:25: the deal is planned at 00:30 the same night
    run.go()
    assert run.position().over_under_s == -5 * 60


def test_skip_passes_over_the_next_and_puts_the_show_ahead() -> None:
    run, clock = runner(plan(300, 600, 120))
    run.go()
    clock.at(300)
    mark = run.skip("bob")
    assert (mark.action, mark.key, mark.who) == (SKIP, "k1", "bob")
    assert run.position().current.key == "k0"  # type: ignore[union-attr]
    assert run.position().next.key == "k2"  # type: ignore[union-attr]
    run.go()
    clock.at(310)
    pos = run.position()
    assert pos.current.key == "k2"  # type: ignore[union-attr]
    assert pos.over_under_s == -600  # planned at 900 s, taken at 300 s


def test_repeat_takes_the_current_again_and_costs_its_time() -> None:
    run, clock = runner(plan(300, 600))
    run.go()
    clock.at(300)
    mark = run.repeat()
    assert (mark.action, mark.key) == (REPEAT, "k0")
    clock.at(310)
    pos = run.position()
    assert pos.elapsed_s == 10 and pos.remaining_s == 290
    assert pos.over_under_s == 300
    assert pos.next.key == "k1"  # type: ignore[union-attr]


def test_insert_on_the_fly_is_next_and_stamped_as_an_insert() -> None:
    run, clock = runner(plan(300, 600))
    run.go()
    edited = run.insert_next(Segment("lucky bag", 60, key="x"))
    assert [s.key for s in edited.segments] == ["k0", "x", "k1"]
    assert run.position().next.key == "x"  # type: ignore[union-attr]
    clock.at(300)
    mark = run.go()
    assert (mark.action, mark.key) == (INSERT, "x")
    clock.at(360)
    run.go()
    assert run.position().current.key == "k1"  # type: ignore[union-attr]
    assert run.position().over_under_s == 0  # the inserted minute is part of the plan from then on


def test_arm_then_go_takes_the_armed_segment_out_of_order() -> None:
    run, clock = runner(plan(60, 60, 60, 60))
    run.go()
    run.arm(3)
    pos = run.position()
    assert pos.armed and pos.next_index == 3
    run.go()
    assert run.position().current_index == 3
    assert run.position().next is None
    run.disarm()
    clock.at(100)
    assert run.go().action == END  # nothing left: Go ends the show
    assert run.position().finished and run.finished


def test_edits_mid_show_follow_segments_by_key() -> None:
    run, clock = runner(plan(300, 600, 120, 60))
    run.go()
    clock.at(100)
    # reorder: move the current to the end, the armed one stays armed
    run.arm(2)
    s = run.plan.segments
    run.set_plan(replace(run.plan, segments=(s[1], s[2], s[3], s[0])))
    pos = run.position()
    assert pos.current_index == 3 and pos.next.key == "k2" and pos.armed  # type: ignore[union-attr]
    run.disarm()
    assert run.position().next is None  # after the current, which is last now
    # delete the next; lengths edited: the current's new length counts at once
    run.set_plan(replace(run.plan, segments=(s[0], s[2], s[3])))
    assert run.position().next.key == "k2"  # type: ignore[union-attr]
    run.set_plan(replace(run.plan, segments=(replace(s[0], planned_s=60), s[2], s[3])))
    pos = run.position()
    assert pos.remaining_s == -40 and pos.over_under_s == 40
    # the next deleted after it was armed: disarmed, the next in order instead
    run.arm(1)
    run.set_plan(replace(run.plan, segments=(run.plan.segments[0], run.plan.segments[2])))
    assert not run.position().armed and run.position().next.key == "k3"  # type: ignore[union-attr]


def test_the_current_deleted_from_the_plan_stays_on_air_as_its_mark_said() -> None:
    run, clock = runner(plan(300, 600, 120))
    run.go()
    run.go()
    clock.at(400)
    run.set_plan(replace(run.plan, segments=(run.plan.segments[0], run.plan.segments[2])))
    pos = run.position()
    assert pos.current.key == "k1" and pos.current_index is None  # type: ignore[union-attr]
    assert pos.next.key == "k2"  # type: ignore[union-attr]
    assert pos.over_under_s == -300  # as when it was taken, 300 s ahead


def test_marks_record_who_what_and_the_switch_outcome() -> None:
    run, clock = runner(plan(60, 60, scenes=("Cam", "")))
    first = run.go("ann")
    assert (first.seq, first.t, first.scene, first.outcome, first.title) == (0, T0, "Cam", PENDING, "S0")
    refused = run.settle(0, False, Message("no scene “{scene}” in OBS", {"scene": "Cam"}, "Rundown"))
    assert refused is not None and refused.outcome == REFUSED
    clock.at(60)
    second = run.go("ann")
    assert (second.scene, second.outcome) == ("", "")
    clock.at(90)
    run.end("ann")
    assert [m.action for m in run.marks] == [GO, GO, END]
    why = run.marks[0].why
    assert why is not None and why.explain() == "no scene “Cam” in OBS" and why.fields == {"scene": "Cam"}
    assert run.settle(1, True).outcome == DONE  # type: ignore[union-attr]
    with pytest.raises(RundownStateError):
        run.end()


def test_repeat_and_end_before_the_first_go_are_refused() -> None:
    run, _ = runner(plan(60))
    with pytest.raises(RundownStateError):
        run.repeat()
    with pytest.raises(RundownStateError):
        run.end()


def test_resume_from_stored_marks_continues_where_the_show_was() -> None:
    run, clock = runner(plan(300, 600, 120))
    run.go()
    clock.at(100)
    run.skip()
    clock.at(330)
    run.go()
    rows = [mark.as_row() for mark in run.marks]
    clock.at(400)
    again = RundownRunner.resume(plan(300, 600, 120), [Mark.from_row(row) for row in rows], clock=clock, tz=UTC)
    assert again.position() == run.position()
    assert again.position().current.key == "k2"  # type: ignore[union-attr]
    assert again.go().action == END


def test_spans_for_the_review() -> None:
    run, clock = runner(plan(300, 600, 120))
    run.go()
    clock.at(310)
    run.skip()
    run.go()
    clock.at(400)
    run.repeat()
    clock.at(500)
    run.end()
    got = [(s.start - T0, s.end - T0, s.key, s.action) for s in spans(run.marks, T0 + 900)]
    assert got == [(0, 310, "k0", GO), (310, 400, "k2", GO), (400, 500, "k2", REPEAT)]
    # without End the last take lasts until the show's last second
    assert spans(run.marks[:3], T0 + 900)[-1].end == T0 + 900


def test_the_snapshot_plan_round_trips_as_json() -> None:
    from decimal import Decimal

    rundown = Rundown(
        "demo",
        (
            Segment("开场", 300, scene="Cam", talking_points="欢迎", cues="灯", colour="#27ae60", key="a"),
            Segment("商品1", None, fixed_start=clock_time(20, 5), product=Product("杯子", Decimal("39.90"), "S1")),
        ),
    )
    assert plan_from_json("demo", plan_to_json(rundown)) == rundown
    assert plan_from_json("demo", "not json") == Rundown("demo")


def test_go_on_an_empty_plan_is_refused_in_words() -> None:
    run, _ = runner(Rundown("demo"))
    with pytest.raises(RundownStateError) as refused:
        run.go()
    assert refused.value.template == "The rundown has no segments to take."
    assert not run.marks and run.snapshot is None


def test_the_position_says_how_long_each_segment_left_behind_was_on_air_also_after_a_restart() -> None:
    """The dock's "10:00 → 11:40" comes from the runner's marks, so a console restarted mid-show (or a window
    rebuilt) still shows what each past segment really took (it showed none after a restart); a repeated
    segment counts all its takes; the one on air has none yet."""
    run, clock = runner(plan(300, 600, 120, 60))
    run.go()
    clock.at(310)
    run.go()
    clock.at(400)
    run.repeat()
    clock.at(1000)
    run.skip()  # k2
    clock.at(1005)
    assert dict(run.position().actuals) == {"k0": 310.0, "k1": 90.0}
    resumed = RundownRunner.resume(run.plan, run.marks, run.snapshot, clock, UTC)
    assert dict(resumed.position().actuals) == {"k0": 310.0, "k1": 90.0}
    resumed.go()  # k3
    clock.at(1100)
    assert dict(resumed.position().actuals) == {"k0": 310.0, "k1": 90.0 + 605.0}
    resumed.end()
    assert dict(resumed.position().actuals) == {"k0": 310.0, "k1": 695.0, "k3": 95.0}


def test_an_end_pressed_by_mistake_is_taken_up_again_by_go_or_by_an_arm() -> None:
    # walk14 F9: after End, Go/Arm were greyed and an arm did nothing for the rest of the show.
    run, clock = runner(plan(60, 60, 60, 60))
    run.go()
    clock.at(30)
    run.go()  # segment 2 on air
    clock.at(40)
    run.end()
    pos = run.position()
    assert pos.finished and pos.next_index == 2, "Go would take the rundown up again at the segment after"
    with pytest.raises(RundownStateError):
        run.skip()  # nothing runs: Skip does not apply, it says so
    clock.at(50)
    mark = run.go()
    assert (mark.action, mark.key, [m.action for m in run.marks]) == (GO, "k2", [GO, GO, END, GO])
    pos = run.position()
    assert not pos.finished and pos.current_index == 2 and pos.next_index == 3
    run.end()
    run.arm(0)  # an arm after End is kept and shown; Go takes it
    assert run.position().armed and run.position().next_index == 0
    assert run.go().key == "k0" and not run.finished
    # Replayed after a restart, the marks leave the same state; the review's spans keep both takes.
    again = RundownRunner.resume(run.plan, run.marks, clock=clock)
    assert again.position().current_index == 0 and not again.finished
    assert [s.key for s in spans(run.marks, T0 + 100)] == ["k0", "k1", "k2", "k0"]


def test_go_after_an_end_on_the_last_segment_says_how_to_take_the_rundown_up_again() -> None:
    run, _clock = runner(plan(60, 60))
    run.go()
    run.go()
    run.end()
    assert run.position().next is None
    with pytest.raises(RundownStateError) as refused:
        run.go()
    assert "arm a segment" in refused.value.template and len(run.marks) == 3


def test_a_length_changed_on_air_is_stamped_once_and_kept_with_its_take() -> None:
    """The segment on air given another length: the live strip counts it at once, and a LENGTH mark keeps the
    change (to what, when, by whom) without ending the take, moving the next segment or dropping the arm; the
    review's span keeps the length at Go beside the one it ran to."""
    run, clock = runner(plan(300, 600, 120))
    run.go()
    clock.at(60)
    assert run.replan("小李") is None, "nothing changed"
    run.arm(2)
    s = run.plan.segments
    run.set_plan(replace(run.plan, segments=(replace(s[0], planned_s=180), s[1], s[2])))
    mark = run.replan("小李")
    assert mark is not None and (mark.action, mark.key, mark.planned_s, mark.who, mark.t) == (
        LENGTH,
        "k0",
        180,
        "小李",
        T0 + 60,
    )
    assert run.replan("小李") is None, "stamped once"
    pos = run.position()
    assert pos.current is not None and pos.current.key == "k0" and pos.remaining_s == 120
    assert pos.armed and pos.next is not None and pos.next.key == "k2", "the arm stays"
    # Changed again, then back: each said, the last one counts.
    run.set_plan(replace(run.plan, segments=(replace(s[0], planned_s=300), s[1], s[2])))
    clock.at(90)
    assert run.replan("小王") is not None
    clock.at(400)
    run.go()
    taken = spans(run.marks, T0 + 500)
    assert [(sp.key, sp.planned_s, sp.final_s) for sp in taken] == [("k0", 300, 300), ("k2", 120, 120)]
    assert [(c.planned_s, c.who, c.t) for c in taken[0].changes] == [(180, "小李", T0 + 60), (300, "小王", T0 + 90)]
    assert taken[0].end == T0 + 400, "a change is no boundary"
    # A console restarted mid-show replays it without a boundary either.
    again = RundownRunner.resume(run.plan, run.marks, clock=clock, tz=UTC)
    assert again.position().current is not None and again.position().current.key == "k2"  # type: ignore[union-attr]
    assert again.replan() is None


def test_the_review_says_a_length_changed_on_air() -> None:
    take = spans(
        [
            Mark(0, T0, "k0", "主推款", 300, GO, "小王"),
            Mark(1, T0 + 75, "k0", "主推款", 210, LENGTH, "小李"),
        ],
        T0 + 400,
    )[0]
    assert planned_cell(take, format_duration) == "5:00 → 3:30"
    said = changed_on_air(take, lambda _context, text: text, lambda t: f"{t - T0:.0f}s", format_duration)
    assert said == "planned 5:00 at its Go, changed on air to 3:30 at 75s by 小李"
    plain = spans([Mark(0, T0, "k0", "主推款", 300, GO, "小王")], T0 + 400)[0]
    assert planned_cell(plain, format_duration) == "5:00" and changed_on_air(plain, str, str, str) == ""  # type: ignore[arg-type]


def test_a_skipped_segment_is_said_skipped_until_it_is_taken_after_all() -> None:
    """Skip passed over 商品2 and the plan's table showed it like a segment still to come, between the one on air
    and the next: the position names the segments skipped and not taken since — also after a restart."""
    run, clock = runner(plan(300, 300, 300, 300))
    run.go("ann")
    clock.at(60)
    run.skip("ann")
    run.go("ann")
    assert run.position().skipped == ("k1",)
    assert RundownRunner.resume(run.plan, run.marks, run.snapshot, clock, UTC).position().skipped == ("k1",)
    run.arm(1)
    assert run.position().skipped == ("k1",), "armed, it is not taken yet"
    run.go("ann")
    assert run.position().skipped == ()
    run.end("ann")
    assert run.position().skipped == ()


def test_after_end_a_new_plan_is_taken_up_at_its_first_segment() -> None:
    """The show's rundown ended at its 6th segment and the planner imported the next show's sheet with the console
    still running: Go took the new plan up at its 6th segment (the old plan's place). None of its segments was
    on air, so Go takes its first; a plan that still holds a segment that was on air is taken up after it."""
    run, _ = runner(plan(60, 60, 60, 60, 60, 60, 60))
    for _ in range(6):
        run.go("ann")
    run.end("ann")
    run.set_plan(Rundown("demo", tuple(Segment(f"N{n}", 60, key=f"n{n}") for n in range(8))))
    position = run.position()
    assert position.next_index == 0 and position.next is not None and position.next.key == "n0"
    assert run.go("ann").key == "n0"

    run, _ = runner(plan(60, 60, 60, 60))
    run.go("ann")
    run.go("ann")
    run.end("ann")
    edited = (Segment("new", 60, key="x"), *plan(60, 60, 60, 60).segments)
    run.set_plan(Rundown("demo", edited))
    assert run.position().next_index == 3, "k1 was on air: after it"


def test_mid_show_a_plan_without_any_segment_that_was_on_air_is_taken_up_at_its_first() -> None:
    """A sheet of new titles imported mid-show: the segment on air stays on air, and Go takes the new plan's first
    segment. NEXT was empty and Go greyed out (the old plan's place was past the new plan's end)."""
    run, _ = runner(plan(60, 60, 60, 60, 60, 60, 60, 60))
    for _ in range(7):
        run.go("ann")
    run.set_plan(Rundown("demo", tuple(Segment(f"N{n}", 60, key=f"n{n}") for n in range(5))))
    position = run.position()
    assert position.current is not None and position.current.key == "k6" and position.current_index is None
    assert position.next_index == 0
    assert run.go("ann").key == "n0"


def test_over_under_counts_from_the_first_take_of_a_plan_taken_up_mid_show() -> None:
    """plan18: a sheet of new titles imported while S1 was on air (1:40 behind) and taken up by Go: the strip's
    over/under kept the old plan's +1:40 whatever the new plan's segments took, and went blank for the rest of
    the show once the marks were read back (a restart, another desk's press, the database's watch) — every planned
    start was counted from the first Go's segment, which the new plan does not hold. It now counts from the new
    plan's first segment taken (on time when taken), alike live and resumed."""
    run, clock = runner(plan(300, 300, 300))
    run.go("ann")
    clock.at(400)
    run.go("ann")  # S0 ran 6:40 for 5:00
    assert run.position().over_under_s == 100
    assert run.position().counted_from == "S0"
    new = Rundown("demo", (Segment("X", 120, key="x"), Segment("Y", 120, key="y"), Segment("Z", 120, key="z")))
    run.set_plan(new)
    clock.at(700)
    run.go("ann")  # X: the new plan taken up
    position = run.position()
    assert (position.over_under_s, position.counted_from, position.counted_since) == (0, "X", T0 + 700)
    clock.at(900)
    run.go("ann")  # Y taken 3:20 after X, planned for 2:00: 1:20 behind
    clock.at(950)
    assert run.position().over_under_s == 80
    resumed = RundownRunner.resume(new, run.marks, run.snapshot, clock, UTC)
    assert resumed.position().over_under_s == 80, "a restart (or another desk) reads the same"
    clock.at(1080)  # Y now 1:00 over its 2:00 as well
    assert run.position().over_under_s == resumed.position().over_under_s == 140


def test_a_console_restarted_before_the_new_plan_is_taken_up_keeps_the_over_under_of_the_segment_on_air() -> None:
    """A sheet of new titles imported while S1 is on air, and the console restarted before the next Go: the
    segment on air is not in the plan now, so it had no over/under at all; it is placed in the plan of the first Go
    (the show's snapshot), as the console that took it placed it."""
    run, clock = runner(plan(300, 300, 300))
    run.go("ann")
    clock.at(400)
    run.go("ann")  # S0 ran 6:40 for 5:00
    clock.at(450)
    assert run.position().over_under_s == 100
    new = Rundown("demo", (Segment("X", 120, key="x"), Segment("Y", 120, key="y")))
    resumed = RundownRunner.resume(new, run.marks, run.snapshot, clock, UTC)
    assert resumed.position().over_under_s == 100
    assert RundownRunner.resume(new, run.marks, None, clock, UTC).position().over_under_s is None, "no snapshot"


def test_a_show_taken_hours_before_its_fixed_first_segment_says_how_far_off_that_time_is() -> None:
    """A first segment fixed at 20:00 and the show live at 16:05: the strip read "ahead −3:54:29". The runner says
    how far off the fixed time is — before the first Go and while that segment is on air — and not for a segment
    without one."""
    rundown = Rundown(
        "demo",
        (Segment("开场", 300, fixed_start=clock_time(20, 0), key="a"), Segment("主推款", 600, key="b")),
    )
    run, clock = runner(rundown)
    clock.at(-(3 * 3600 + 55 * 60))  # 16:05
    before = run.position()
    assert before.fixed_in_s == 3 * 3600 + 55 * 60 and before.over_under_s is None
    run.go()
    clock.at(-(3 * 3600 + 55 * 60) + 31)
    on_air = run.position()
    assert on_air.over_under_s == -(3 * 3600 + 55 * 60)  # taken 3:55:00 before its 20:00
    assert on_air.fixed_in_s == 3 * 3600 + 55 * 60 - 31
    clock.at(-(3 * 3600 + 50 * 60))  # 16:10: the next one, planned for 20:05, has no fixed start of its own
    run.go()
    assert run.position().fixed_in_s is None and run.position().over_under_s == -(3 * 3600 + 55 * 60)
