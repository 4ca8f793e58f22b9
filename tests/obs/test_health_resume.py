"""A console restarted mid-show (a crash, kill -9) finds an open problem again: within a minute of its last held
second it is the same episode going on — one row, one incident, its start kept — not a second one (walk16: a
microphone muted through a restart was two "microphone muted" incidents, and the Shows browser counted 4 critical
where 2 happened)."""

from __future__ import annotations

from obs.health import RESUME_GAP_S, Finding
from tests.obs.test_health import Show

WALL = 1_800_000_000.0  # Show's wall clock is this + its seconds


def restarted_after(gap: float) -> tuple[Show, dict[str, object]]:
    """A show whose CPU was saturated when its console stopped, and the console that started `gap` s later."""
    first = Show().run(20, cpu_system_pct=99.0, obs_cpu_pct=11.0)
    (was_open,) = first.engine.active()
    row = was_open.to_row()  # what the stopped console stored last: the episode, open
    second = Show()
    second.t = first.t + gap
    second.engine.load_history([Finding.from_row(row, WALL)])
    second.run(20, cpu_system_pct=99.0, obs_cpu_pct=11.0)
    return second, row


def test_a_problem_found_again_soon_after_a_restart_is_the_same_episode() -> None:
    second, row = restarted_after(10.0)
    (opened,) = [c.finding for _, c in second.changes if c.kind == "opened"]
    assert opened.key == row["key"], "stored as the same row"
    assert opened.first_seen_wall == row["first_seen"], "it began when it began, before the restart"
    (in_timeline,) = [f for f in second.engine.timeline() if f.id == "cpu_saturated"]
    assert in_timeline.active and in_timeline.key == row["key"]
    second.run(60, cpu_system_pct=30.0)  # and it ends once, as one episode
    closed = [c.finding for _, c in second.changes if c.kind == "closed"]
    assert [f.key for f in closed] == [row["key"]]
    assert len([f for f in second.engine.timeline() if f.id == "cpu_saturated"]) == 1


def test_a_problem_found_long_after_the_console_stopped_is_a_new_episode() -> None:
    second, row = restarted_after(RESUME_GAP_S + 30.0)
    (opened,) = [c.finding for _, c in second.changes if c.kind == "opened"]
    assert opened.key != row["key"], "nobody watched for over a minute: a new episode, the earlier one cut off"
    assert [f.active for f in second.engine.timeline() if f.id == "cpu_saturated"] == [False, True]


def test_a_restarted_console_counts_the_streams_drops_over_the_whole_show() -> None:
    """tech18: two reconnects, the console restarted, a third reconnect read "drop 1 in this show" in the Health dock,
    the event log and the stored finding."""
    first = Show().run(5)
    for _ in range(2):
        first.run(4, reconnecting=1.0, bitrate_kbps=None).run(70)
    rows = [f.to_row() for f in first.engine.timeline() if f.id == "reconnect"]
    assert [row["fields"] for row in rows] == ['{"outage": 4.0, "count": 1}', '{"outage": 4.0, "count": 2}']
    second = Show()
    second.t = first.t + 30.0
    second.engine.load_history([Finding.from_row(row, WALL) for row in rows])
    second.run(5).run(3, reconnecting=1.0, bitrate_kbps=None)
    (now,) = [f for f in second.engine.active() if f.id == "reconnect"]
    assert now.fields["count"] == 3 and "drop 3 in this show" in now.message, now.message


def _muted_row(first_t: float = 10.0) -> tuple[float, dict[str, object]]:
    """A show whose host's microphone was muted on air when its console stopped: the episode's stored row."""
    from tests.obs.test_health_audio import MIC, TALKING, room
    from tests.obs.test_health_audio import Show as AudioShow

    first = AudioShow().run(int(first_t), state=room(**{MIC: {"muted": True}}), heard=TALKING)
    (was_open,) = [f for f in first.engine.active() if f.id == "mic_muted"]
    row = {**was_open.to_row(), "active": True}
    return first.t, row


def test_a_mic_muted_found_again_before_the_history_is_read_goes_on_as_the_same_episode() -> None:
    """The restarted console reads its stored history while it already watches: a muted microphone opens 3 s after
    the start, before a long show's history is in, and was told as a new episode (its start 10 s after the
    restart) beside the one cut off."""
    from tests.obs.test_health_audio import MIC, TALKING, room
    from tests.obs.test_health_audio import Show as AudioShow

    muted = room(**{MIC: {"muted": True}})
    stopped_at, row = _muted_row()
    second = AudioShow()
    second.t = stopped_at + 10.0
    second.engine.await_history()
    second.run(6, state=muted, heard=TALKING)
    assert second.kinds("mic_muted") == [], "held until the history says whether it goes on"
    assert second.engine.active() == []
    told = second.engine.history_in([Finding.from_row(row, WALL)])
    assert [(c.kind, c.finding.key) for c in told] == [("opened", row["key"])], "the episode cut off, going on"
    assert told[0].finding.first_seen_wall == row["first_seen"]
    (going_on,) = [f for f in second.engine.timeline() if f.id == "mic_muted"]
    assert going_on.active and going_on.key == row["key"]
    second.run(3, heard=TALKING)
    assert second.kinds("mic_muted") == ["closed:critical"], "and it closes once"


def test_an_episode_held_for_a_history_that_never_comes_is_told_as_new_after_a_while() -> None:
    from obs.health import HISTORY_WAIT_S
    from tests.obs.test_health_audio import MIC, TALKING, room
    from tests.obs.test_health_audio import Show as AudioShow

    show = AudioShow()
    show.engine.await_history()
    show.run(int(HISTORY_WAIT_S) - 1, state=room(**{MIC: {"muted": True}}), heard=TALKING)
    assert show.kinds("mic_muted") == []
    show.run(2, state=room(**{MIC: {"muted": True}}), heard=TALKING)
    assert show.kinds("mic_muted") == ["opened:critical"]
    (finding,) = show.engine.active()
    assert finding.first_seen == 3.0, "it began when it was found, not when it was told"
