"""The time on air's own rules (obs/on_air.py): a stored stream start is taken up only for the same stream, and a
stream started or stopped is counted anew even when no poll saw it off air."""

from __future__ import annotations

import math
from dataclasses import replace

from obs.on_air import OnAirClock, first_seen_on_air, seen_on_air_until
from obs.stats import Rates

FIELDS = dict.fromkeys(
    (
        "bitrate_kbps", "record_kbps", "fps", "render_ms", "render_drop_pct", "encode_drop_pct", "network_drop_pct",
        "congestion", "cpu_pct", "memory_mb", "disk_free_mb", "stream_bytes", "record_bytes",
    )
)  # fmt: skip


def poll(t: float, obs_s: float | None, streaming: bool = True) -> Rates:
    duration = None if obs_s is None else round(obs_s * 1000)
    return Rates(t=t, streaming=streaming, reconnecting=False, recording=False, stream_duration_ms=duration, **FIELDS)


def test_a_restart_is_a_new_stream_and_an_earlier_poll_answered_late_says_nothing_of_it() -> None:
    clock = OnAirClock()
    clock.update(poll(1000.0, 200.0))
    assert clock.elapsed_ms == 200_000
    clock.restart(1000.5)  # stopped and started again
    clock.update(poll(1000.4, 200.4))  # asked before: the earlier stream's figure
    assert clock.since is None and clock.elapsed_ms is None
    clock.update(poll(1001.0, 0.5))
    assert clock.elapsed_ms == 500


def test_a_stream_that_just_started_counts_from_its_start_before_any_poll() -> None:
    """CI: OBS frozen right after going live left the wall's tile with no start (the clock waited for a poll that
    never came); the start event is the stream's start until OBS's own figure says a moment earlier."""
    clock = OnAirClock()
    clock.update(poll(3000.0, None, streaming=False))
    clock.restart(3000.3, started=True)
    assert clock.since == 3000.3 and clock.elapsed_ms == 0
    clock.update(poll(3000.2, None, streaming=False))  # asked before the start was heard: says nothing of it
    assert clock.since == 3000.3
    clock.update(poll(3001.0, 0.9))  # OBS: its output started at 3000.1
    assert clock.since == 3000.1 and clock.elapsed_ms == 900
    clock.restart(3010.0)  # stopped
    assert clock.since is None and clock.elapsed_ms is None


def test_a_stored_start_is_taken_only_when_obs_streamed_already_when_the_console_last_saw_it() -> None:
    same = OnAirClock()
    same.update(poll(2000.0, 7.0))  # OBS reconnected to the platform 7 s ago
    same.resume(1800.0, seen_until=1998.0)  # stored: live since 1800, seen on air until 1998
    assert same.elapsed_ms == 200_000
    # OBS's stream began after the console last saw one (stopped and started while it was away): OBS's figure.
    other = OnAirClock()
    other.resume(1800.0, seen_until=1950.0)
    other.update(poll(2000.0, 7.0))
    assert other.elapsed_ms == 7000
    # Not streaming now: nothing is taken up.
    off = OnAirClock()
    off.resume(1800.0, seen_until=1998.0)
    off.update(poll(2000.0, None, streaming=False))
    off.update(poll(2001.0, 1.0))
    assert off.elapsed_ms == 1000


def test_the_stream_is_seen_on_air_until_a_hole_a_loss_or_a_second_off_air() -> None:
    seconds = [(100.0, 0.0), (101.0, 1.0), (102.0, math.nan), (103.0, 1.0), (104.0, 1.0)]
    assert seen_on_air_until(seconds, 100.5) == 104.0, "a second not known (a late poll) ends nothing"
    assert seen_on_air_until([*seconds, (112.0, 1.0)], 100.5) == 112.0, "a console restarted: a few seconds"
    assert seen_on_air_until([*seconds, (140.0, 1.0)], 100.5) == 104.0, "no console running for long: a hole"
    assert seen_on_air_until([*seconds, (105.0, 0.0), (106.0, 1.0)], 100.5) == 104.0
    assert seen_on_air_until(seconds, 100.5, lost=102.5) == 101.0
    assert seen_on_air_until([(100.0, 0.0)], 100.5) is None


def test_a_console_that_joined_a_running_stream_first_saw_it_at_its_first_second_on_air() -> None:
    seconds = [(100.0, 0.0), (101.0, 1.0), (102.0, 1.0), (103.0, 0.0), (104.0, math.nan), (105.0, 1.0), (106.0, 1.0)]
    assert first_seen_on_air(seconds) == 105.0, "the stretch on air now, not an earlier stream"
    assert first_seen_on_air([(50.0, 1.0), (51.0, 1.0), (90.0, 1.0), (91.0, 1.0)]) == 90.0, "after a long hole"
    assert first_seen_on_air([(50.0, 1.0), (60.0, 1.0)], after=55.0) == 60.0, "after OBS was lost"
    assert first_seen_on_air([(50.0, 0.0)]) is None


def test_a_stored_start_waits_through_the_links_first_statuses_for_obss_figure() -> None:
    """Seen by hand: the show's history came in while the link was still connecting; its 'not connected' forgot the
    stored start before OBS's first figure, and the restarted console read OBS's 14 s for a show on air 3 min."""
    clock = OnAirClock()
    clock.resume(1800.0, seen_until=1998.0)
    clock.forget()  # the link connecting: OBS not heard yet
    clock.update(poll(2000.0, 7.0))
    assert clock.elapsed_ms == 200_000


def test_a_stop_ends_the_time_on_air_where_obs_stopped_not_at_the_last_poll() -> None:
    """The stop line said the last poll's figure: up to a second less than OBS had counted (00:00:29 for 30.2 s)."""
    clock = OnAirClock()
    clock.update(poll(5000.0, 29.6))  # the last poll: 29.6 s on air, shown 00:00:29
    clock.stopping(5000.6)  # OBS stops sending 30.2 s after its start
    assert clock.elapsed_ms == 29_600
    clock.update(poll(5000.9, 30.2))  # a poll while OBS flushes: its own figure stopped with the frames
    assert clock.elapsed_ms == 30_200
    clock.restart(5001.4)  # stopped (a slow server): the time on air is still up to the stop
    assert clock.ended_ms == 30_200 and clock.since is None and clock.elapsed_ms is None
    # With no "stopping" heard (OBS gave up on the server), the stopped event is the stop.
    clock.restart(5002.0, started=True)
    assert clock.ended_ms is None  # a stream runs: no stopped one's figure
    clock.update(poll(5010.0, 8.0))
    clock.restart(5010.5)
    assert clock.ended_ms == 8500


def test_a_stream_heard_to_start_and_stop_is_said_from_obss_saying_one_to_its_saying_the_other() -> None:
    """The stop line and the review count one span: from the instant OBS said the stream started to the instant it
    said it stopped (the stored markers), not from OBS's own figure a poll read, nor up to its "stopping"."""
    clock = OnAirClock()
    clock.restart(9000.0, started=True, said_at=9000.3)
    clock.update(poll(9001.0, 1.2))  # OBS counted from a moment before its "started"
    clock.stopping(9083.0)
    clock.restart(9084.0, said_at=9083.8)
    assert clock.said_s is not None and math.isclose(clock.said_s, 83.5)
    assert clock.ended_ms == 83_200  # the room's clock: up to its "stopping", from OBS's own start
    # A stream this console did not hear start (it joined it running) has no such span: the clock's figure stands.
    clock.joined(9100.0, 20_000)
    clock.restart(9110.0, said_at=9110.0)
    assert clock.said_s is None and clock.ended_ms == 30_000
    # OBS lost meanwhile: the show's record of the stream ended at the loss, so the stop is said by the clock.
    clock.restart(9200.0, started=True, said_at=9200.0)
    clock.heard_again(9250.0)
    clock.restart(9260.0, said_at=9260.0)
    assert clock.said_s is None


def test_a_poll_that_sees_the_stream_off_air_before_obs_says_it_stopped_leaves_the_stop_its_time() -> None:
    """fix24l: a poll read between OBS's "stopping" and "stopped" events forgot the stream, and the stop was said
    with no time on air at all."""
    clock = OnAirClock()
    clock.update(poll(6000.0, 45.0))
    clock.stopping(6000.4)
    clock.update(poll(6000.9, None, streaming=False))  # OBS's output already inactive, its stopped event to come
    assert clock.since is None and clock.elapsed_ms is None
    clock.restart(6001.2)
    assert clock.ended_ms == 45_400
    # A later stream seen off air by no poll first: its own time, not the one before's.
    clock.restart(6010.0, started=True)
    clock.update(poll(6015.0, 5.0, streaming=False))  # no "stopping" heard: not known up to where
    clock.restart(6015.5)
    assert clock.ended_ms is None


def test_obss_figure_read_with_its_state_starts_the_clock_before_the_first_poll() -> None:
    """fix24l: back in a room left on air and stopped at once, the tally and the stop line said no time on air: the
    clock waited for a poll. OBS's figure read as the console joined it says the start; a stored start waiting for
    it is taken up."""
    clock = OnAirClock()
    clock.resume(7000.0, 7040.0)  # the show's stored start, seen on air until the console left the room
    clock.joined(7060.0, 21_000)  # OBS reconnected to the platform just before: its own figure says 21 s
    assert clock.since == 7000.0 and clock.elapsed_ms == 60_000
    clock.restart(7061.0)
    assert clock.ended_ms == 61_000
    fresh = OnAirClock()
    fresh.joined(8000.0, 12_000)  # a stream this console never counted: OBS's own figure
    assert fresh.since == 7988.0 and fresh.elapsed_ms == 12_000
    fresh.joined(8001.0, 500)  # read again (a link lost for a moment): the start already counted stays
    assert fresh.since == 7988.0


def framed(t: float, obs_s: float | None, frames: int | None, streaming: bool = True, fps: float = 60.0) -> Rates:
    """A poll with GetStats renderTotalFrames (OBS's frames since it started) and activeFps."""
    return replace(poll(t, obs_s, streaming), render_frames=frames, fps=fps)


def test_obs_heard_again_is_the_same_obs_when_its_frame_count_went_on_and_a_new_one_when_it_started_again() -> None:
    """walk22: frozen, thawed, then reconnected to the platform (OBS's figure from 0): the same OBS, the show's
    stream runs on from its start. Killed and started again with a new stream: OBS's own figure."""
    thawed = OnAirClock()
    thawed.update(framed(1000.0, 80.0, frames=48_000))  # on air since 920
    thawed.heard_again()  # frozen 15 s, lost, thawed: it counted the frames it lagged through
    thawed.update(framed(1016.0, 10.0, frames=48_960))  # its stream reconnected to the platform 10 s ago
    assert thawed.take_back_start() == (920.0,) and thawed.elapsed_ms == 96_000
    assert thawed.take_back_start() is None, "decided once"
    restarted = OnAirClock()
    restarted.update(framed(1000.0, 80.0, frames=48_000))
    restarted.heard_again()
    restarted.update(framed(1016.0, 4.0, frames=480))  # a new OBS, 8 s up, streaming for 4 s
    assert restarted.take_back_start() == (1012.0,) and restarted.elapsed_ms == 4000
    # Back not streaming: no stream start to keep.
    stopped = OnAirClock()
    stopped.update(framed(1000.0, 80.0, frames=48_000))
    stopped.heard_again()
    stopped.update(framed(1016.0, None, frames=300, streaming=False))
    assert stopped.take_back_start() == (None,) and stopped.elapsed_ms is None
    # A console's first connection: nothing to judge (no count read before); the start is what it counts from, OBS's
    # own figure here (the session stores it once the show's stored history, maybe loaded after this poll, is in).
    first = OnAirClock()
    first.heard_again()
    first.update(framed(1016.0, 4.0, frames=480))
    assert first.take_back_start() == (1012.0,) and first.elapsed_ms == 4000


def test_a_stream_reconnecting_to_the_platform_when_last_seen_is_taken_up_though_obss_figure_starts_later() -> None:
    """Seen by hand: a console killed while OBS reconnected to the platform, started again 14 s later, read OBS's 22 s
    for a show on air 80 s: OBS's figure starts when it got back, after the console's last second."""
    reconnecting = OnAirClock()
    reconnecting.resume(1800.0, seen_until=1880.0, reconnecting=True)
    reconnecting.update(poll(1898.0, 15.0))  # back on the platform at 1883
    assert reconnecting.elapsed_ms == 98_000
    # Not reconnecting then: a stream begun after the console's last second is another (stopped and started).
    other = OnAirClock()
    other.resume(1800.0, seen_until=1880.0)
    other.update(poll(1898.0, 15.0))
    assert other.elapsed_ms == 15_000
    # Reconnecting, but OBS's stream began longer after than a console's restart takes: another.
    later = OnAirClock()
    later.resume(1800.0, seen_until=1880.0, reconnecting=True)
    later.update(poll(1960.0, 15.0))
    assert later.elapsed_ms == 15_000


def test_an_obs_restarted_during_a_long_loss_and_up_longer_than_the_old_one_is_told_from_the_same_obs() -> None:
    """OBS at 30 fps, up 20 s and on air since 990, polled for 10 s, then lost for 6.5 minutes. Restarted meanwhile
    and up 5 minutes when heard again (a count higher than before the loss: the old rule took it for the same OBS
    and counted 410 s on air for a stream of 200 s); reached again after the same loss, the same OBS's count went on
    by the time since at its rate (its stream reconnected to the platform meanwhile: the show's time runs on)."""

    def polled_before_the_loss() -> OnAirClock:
        clock = OnAirClock()
        for s in range(11):
            clock.update(framed(1000.0 + s, 10.0 + s, frames=600 + 30 * s, fps=29.98))
        clock.heard_again()
        return clock

    restarted = polled_before_the_loss()
    restarted.update(framed(1400.0, 200.0, frames=30 * 300, fps=30.0))
    assert restarted.take_back_start() == (1200.0,) and restarted.elapsed_ms == 200_000, "the new OBS's stream"
    same = polled_before_the_loss()
    same.update(framed(1400.0, 20.0, frames=900 + 30 * 390, fps=30.0))
    assert same.take_back_start() == (990.0,) and same.elapsed_ms == 410_000, "the show's stream, on since 990"
    # A count that went on by far more than the time since: not the OBS counted before either (another OBS at the
    # address); its own figure stands.
    other = polled_before_the_loss()
    other.update(framed(1400.0, 200.0, frames=30 * 3600, fps=30.0))
    assert other.take_back_start() == (1200.0,) and other.elapsed_ms == 200_000
    # Not told (no frame count after the loss; or one poll before it, with no activeFps: no rate to judge by): what
    # OBS's own figure says, never more.
    unknown = polled_before_the_loss()
    unknown.update(framed(1400.0, 20.0, frames=None, fps=30.0))
    assert unknown.take_back_start() == (None,) and unknown.elapsed_ms == 20_000
    no_rate = OnAirClock()
    no_rate.update(replace(poll(1000.0, 10.0), render_frames=600))
    no_rate.heard_again()
    no_rate.update(framed(1400.0, 200.0, frames=30 * 300, fps=30.0))
    assert no_rate.take_back_start() == (None,) and no_rate.elapsed_ms == 200_000


def test_the_frame_rate_is_the_counts_own_when_obs_lags_not_its_lower_active_fps() -> None:
    """Rendering lag: activeFps says 21 while the count goes on at 30 a second (lagged frames are counted). Reached
    again after 10 minutes out of reach, the count went on by 18000: the same OBS (by activeFps, 12600 expected, it
    would have been taken for a restarted one and the show's time on air lost)."""
    clock = OnAirClock()
    for s in range(6):
        clock.update(framed(1000.0 + s, 100.0 + s, frames=3000 + 30 * s, fps=21.0))
    clock.heard_again()
    clock.update(framed(1605.0, 3.0, frames=3150 + 30 * 600, fps=21.0))
    assert clock.take_back_start() == (900.0,) and clock.elapsed_ms == 705_000


def test_a_restarted_obs_polled_before_the_loss_is_said_is_a_new_obs_all_the_same() -> None:
    """A restarted OBS's first poll can be read before the link says OBS was lost and is back (a loaded machine, the
    CI's flake of the session test): its count is lower than the last one read, so it is another process and its
    stream is counted from its own start — not from the old stream's, which the next poll (judged against that
    first poll's count) then took the new OBS for the same one and stored."""
    clock = OnAirClock()
    for s in range(11):
        clock.update(framed(1000.0 + s, 10.0 + s, frames=600 + 30 * s, fps=30.0))
    assert clock.since == 990.0
    clock.update(framed(1020.0, 3.0, frames=90, fps=30.0))  # the new OBS, on air 3 s, before heard_again
    assert clock.since == 1017.0 and clock.elapsed_ms == 3_000
    clock.heard_again()
    clock.update(framed(1021.0, 4.0, frames=120, fps=30.0))
    assert clock.take_back_start() == (1017.0,), "the new stream's start is what is stored"


def test_a_poll_asked_before_obs_was_heard_again_is_not_what_judges_it() -> None:
    """OBS lost at 1011 and restarted; heard again at 1020. A poll asked of the old OBS at 1010.5 and read only after
    the new one was heard (a loaded machine: the session tests' flake) carried the old count: judged by it, the new
    OBS was the same one and its stream counted from the old start. It is left out; the first poll asked since
    judges."""
    clock = OnAirClock()
    for s in range(11):
        clock.update(framed(1000.0 + s, 10.0 + s, frames=600 + 30 * s, fps=30.0))
    clock.heard_again(1020.0)
    clock.update(framed(1010.5, 20.5, frames=915, fps=30.0))
    assert clock.take_back_start() is None, "nothing decided by a poll of the OBS before"
    clock.update(framed(1020.5, 2.0, frames=60, fps=30.0))
    assert clock.take_back_start() == (1018.5,) and clock.elapsed_ms == 2_000
