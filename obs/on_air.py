"""The show's time on air: from the moment the stream started, through OBS's own reconnects to the platform.

OBS's stream output counts its time (GetStreamStatus outputDuration / outputTimecode) per connection to the
server: after an automatic reconnect it starts again from 00:00:00 (walk13: a show on air 3 min 33 s read "ON AIR
00:00:06" after a 7-s network blip). The show's time does not: it runs from the start OBS reported until the
stream stops. Known from a poll's own clock (Rates.t) and OBS's figure, so a console that joins a running stream
counts from when it really started; a console restarted mid-show counts from the stream start it had stored, when
what it stored shows the same stream running on (`resume`).

OBS lost and heard again (`heard_again`): a frozen OBS thawed, or one on a computer that was out of reach, is the
same OBS process, its stream running on (OBS's own figure may have started again at a reconnect to the platform
meanwhile, as it does after a freeze the server timed out): the show's time runs on from its start. A restarted OBS
is another process, whose stream is another: OBS's own figure stands. Told apart by GetStats renderTotalFrames,
which OBS counts from its own start at its frame rate, the frames it lagged through (a freeze) included: a thawed
OBS's count went on from where the console last read it by the time since at that rate, a restarted one's started
again from 0 after the old one was last heard (walk22: a show on air 2:35 read 1:07 after a freeze, a reconnect and
a console restart). A count merely higher than before does not say it (an OBS restarted during a long loss may have
been up longer than the old one was): the time since the last poll at the count's measured rate does (`_same_obs`).
Not known (no count, no rate): OBS's own figure, never more than the time on air. The session stores the start so
decided with the "OBS connected" marker (`take_back_start`): a console restarted later counts on from it. One clock
per room (the session's): the Output dock and the studio wall read the same one. No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable

from obs.stats import Rates

#: Stored seconds further apart than this are a hole (no console was running): the stream may have stopped and
#: started again unseen in it. A console killed and started again leaves a few seconds (its start-up on a loaded
#: machine stretches past 5 s): a stream stopped and started again within them is taken for the same one.
HOLE_S = 30.0
#: How much later than the last second seen on air OBS's own start may be and still be that stream's (OBS's figure
#: is whole seconds and a poll's time is when it was asked).
RESUME_SLACK_S = 2.0
#: Polls of one OBS process at least this far apart measure the rate of its frame count (polls a second apart, each
#: timed when asked: a few hundredths of a second off).
RATE_SPAN_S = 2.0


class OnAirClock:
    """Fed every poll (`update`), told when the stream starts or stops (`restart`) and when OBS is lost
    (`forget`); `since` is the stream's start on the polls' clock, `elapsed_ms` the show's time on air at the last
    poll, `obs_ms` OBS's own figure for this connection, `ended_ms` the time on air of the stream that stopped, up to
    its stop (`stopping`, else the stopped event), `said_s` the same from OBS's saying it started to its saying it
    stopped (the stored markers' instants): what a stop is said with when known, so the event log and the review
    give one figure."""

    def __init__(self) -> None:
        self.since: float | None = None
        self.elapsed_ms: int | None = None
        #: The show's time on air when its stream stopped: up to the stop itself, not the last poll before it (the
        #: stop line said up to a second less than OBS and the tally had counted). None while one runs.
        self.ended_ms: int | None = None
        #: The stopped stream's time on air from the moment OBS said it started to the moment OBS said it stopped:
        #: the show's stored stream_start and stream_stop markers' own instants, so the review's time on air. None
        #: when this console did not hear that stream start (joined it running, or OBS was lost meanwhile).
        self.said_s: float | None = None
        #: When OBS said the stream now running started (its StreamStateChanged STARTED as received).
        self._said_start: float | None = None
        self.obs_ms: int | None = None
        #: Polls asked before this (on the polls' clock) are of a stream that has since stopped or started anew.
        self._floor: float | None = None
        #: A resumed show's stored stream start and the latest OBS's own start may be to be that stream's.
        self._resumed: tuple[float, float] | None = None
        self._obs_start: float | None = None
        self._last_t: float | None = None
        #: When OBS said the stream now stopping began to stop (the end of its time on air).
        self._stop_at: float | None = None
        #: The stopping stream's time on air, when a poll saw it off air before OBS said it stopped (the poll forgets
        #: the stream; its stop is still to be said with its time).
        self._stopped_ms: int | None = None
        #: OBS's renderTotalFrames (poll time, count) at the first poll of this OBS process the clock read and at the
        #: last one, and its activeFps then: how fast the count goes (`_frame_rate`).
        self._frames_from: tuple[float, int] | None = None
        self._frames_at: tuple[float, int] | None = None
        self._active_fps: float | None = None
        #: OBS lost and heard again: the last count before the loss and its rate, until the first poll after it says
        #: whether OBS is the same process (`heard_again`, `_same_obs`).
        self._before: tuple[tuple[float, int] | None, float | None] = (None, None)
        self._judging = False
        self._heard_at: float | None = None
        #: Polled since it was made; and at `heard_again`, whether it had been (no: the console's first connection).
        self._polled = False
        self._first = False
        #: Decided at the first poll after OBS was heard again: (the show's stream start on the polls' clock, or
        #: None when no stream runs); None while nothing was decided since (`take_back_start`).
        self._back: tuple[float | None] | None = None

    def update(self, rates: Rates) -> None:
        if self._floor is not None and rates.t < self._floor:
            return  # asked before the stream's start or stop was heard: it speaks of the stream before
        if self._judging and self._heard_at is not None and rates.t < self._heard_at:
            # Asked of OBS before it was heard again, read after (a loaded machine): it speaks of the process before
            # the loss, and judged against its own count a restarted OBS was taken for the same one.
            return
        self._polled = True
        judging, self._judging = self._judging, False
        # Judged only against a count this console read before the loss: at its first connection it knows nothing
        # of OBS before (a stored start it may take up comes with the show's history, maybe after this poll).
        same = self._same_obs(rates) if judging and not self._first else None
        # A count lower than the last one read is another OBS process, whether or not the loss was heard first: a
        # restarted OBS's first poll read before the link said it was back kept the old stream's start (and the next
        # poll, judged against that poll's count, took the new OBS for the same one).
        last, frames = self._frames_at, rates.render_frames
        went_back = last is not None and frames is not None and frames < last[1]
        anew = (judging and not self._first and not same) or (went_back and not judging)
        if anew:
            # Another OBS process, or not known whether it is: whatever streams now is counted from OBS's own figure,
            # not from the start of the stream counted before the loss (never more than the time on air).
            self._resumed = None
            self.forget()
        self._read_frames(rates, anew=anew)
        if not rates.streaming:
            if judging:
                self._back = (None,)
            if self._stop_at is not None and self.since is not None:
                self._stopped_ms = max(0, round((self._stop_at - self.since) * 1000))
            self._resumed = None  # seen off air: whatever streams next is another stream
            self.forget()
            return
        self._stopped_ms = None  # on air again: whatever stops next is this stream
        self.obs_ms = rates.stream_duration_ms
        self._last_t = rates.t
        if rates.stream_duration_ms is not None:
            start = rates.t - rates.stream_duration_ms / 1000.0
            self._obs_start = start
            # A reconnect moves OBS's start later; the show's start stays where it was.
            self.since = start if self.since is None else min(self.since, start)
        self._take_resumed()
        self._count()
        if judging:
            # At the first connection nothing is judged: the start is what the console shows (OBS's own figure, and
            # a stored start once the show's history is in: the session waits for it before storing this).
            self._back = (self.since if same is not None or self._first else None,)

    def heard_again(self, at: float | None = None) -> None:
        """OBS was lost and is heard again (at `at` on the polls' clock): its next poll asked since says whether it
        is the same OBS process (its stream, if it streams, the one counted before) or a restarted one (see the
        module's header)."""
        self._heard_at = at
        self._said_start = None  # the show's record of this stream ended at the loss (its "OBS lost" stop)
        self._before = (self._frames_at, self._frame_rate())
        self._judging = True
        self._first = not self._polled

    def _same_obs(self, rates: Rates) -> bool | None:
        """Whether OBS heard again is the OBS polled before the loss (None: not known; see the module's header).
        The same process counted on through the loss, the frames it lagged through included: its count is the one
        before plus the time since at its frame rate. A restarted one began after it was last polled: its count is at
        most that time's, short of the old process's count before the loss. Judged by the nearer of the two, with the
        old count's half as the margin (a frame rate a little off over a long loss errs towards a restart: OBS's own
        figure, never more than the time on air)."""
        (before, rate), frames = self._before, rates.render_frames
        if before is None or frames is None:
            return None
        before_t, before_frames = before
        if frames < before_frames:
            return False  # counted again from 0
        if rate is None:
            return None
        expected = before_frames + rate * max(0.0, rates.t - before_t)
        return abs(frames - expected) <= before_frames / 2

    def _read_frames(self, rates: Rates, anew: bool) -> None:
        frames = rates.render_frames
        if rates.fps is not None and rates.fps > 0:
            self._active_fps = rates.fps
        if frames is None:
            return
        last = self._frames_at
        if anew or last is None or frames < last[1] or self._frames_from is None:
            self._frames_from = (rates.t, frames)  # (maybe) another process's count: its rate is measured anew
        self._frames_at = (rates.t, frames)

    def _frame_rate(self) -> float | None:
        """Frames a second OBS's count goes at: measured over the polls of this process (its configured frame rate,
        lagged frames included), else OBS's activeFps (lower while it lags), else None."""
        first, last = self._frames_from, self._frames_at
        if first is not None and last is not None and last[0] - first[0] >= RATE_SPAN_S and last[1] > first[1]:
            return (last[1] - first[1]) / (last[0] - first[0])
        return self._active_fps

    def take_back_start(self) -> tuple[float | None] | None:
        """Once, after the first poll since `heard_again`: (the show's stream start as then decided, on the polls'
        clock; None: not streaming, or not known: no frame count, or no rate of it, to judge by), else None (not decided
        yet). At the console's first connection: the start it counts from then (OBS's own figure, the stored one if
        taken up already)."""
        back, self._back = self._back, None
        return back

    def restart(self, at: float, started: bool = False, said_at: float | None = None) -> None:
        """The stream started or stopped (OBS's StreamStateChanged) at `at` on the polls' clock: whatever was
        counted is an earlier stream's, even if no poll saw it off air (stopped and started between two polls). A
        start counts from `at` at once (the next poll's own figure may move it a moment earlier): OBS frozen or lost
        before that poll must not leave a stream that just went live with no start at all. `said_at`: when the
        event was received, the instant the show's marker stores (`said_s`)."""
        end = at if self._stop_at is None else self._stop_at
        said_start, self._said_start = self._said_start, said_at if started else None
        self.said_s = None if started or said_at is None or said_start is None else max(0.0, said_at - said_start)
        if started:
            self.ended_ms = None
        elif self.since is not None:
            self.ended_ms = max(0, round((end - self.since) * 1000))
        else:  # a poll saw it off air between OBS's stopping and stopped (else: not known)
            self.ended_ms = self._stopped_ms
        self._stopped_ms = None
        self.forget()
        self._resumed = None
        self._floor = at if self._floor is None else max(self._floor, at)
        if started:
            self.since = self._last_t = at
            self._count()

    def joined(self, at: float, obs_ms: int) -> None:
        """OBS's own figure for its stream (`obs_ms`) as its state was read at a (re)connection, at `at` on the polls'
        clock: the stream's start until the first poll says it, so a stop before that poll is said with the time on
        air (back in a room left on air, stopped at once: the stop line said none). A stored start waiting for OBS's
        figure is taken by it as by a poll's (`resume`). A start already counted stays: OBS heard again after a
        loss, whose first poll says whether it is the OBS counted before."""
        if (self._floor is not None and at < self._floor) or self.since is not None:
            return
        self._obs_start = self.since = at - obs_ms / 1000.0
        self._last_t = at
        self._take_resumed()
        self._count()

    def stopping(self, at: float) -> None:
        """OBS said at `at` that the stream is stopping: its time on air ends there, as OBS's own figure does (it
        counts the frames sent; the stopped event may follow seconds later, while OBS flushes to a slow server)."""
        if self.since is not None and self._stop_at is None:
            self._stop_at = at
            self._count()

    def resume(self, start: float, seen_until: float, reconnecting: bool = False) -> None:
        """A resumed show's stored stream start (`start`) and the last second it was seen on air without a gap
        since (`seen_until`), both on the polls' clock. Taken when OBS's own figure says its stream already ran at
        `seen_until` (the same stream, counted on from its real start); otherwise OBS's figure stands (the stream
        may have stopped and started again while the console was not running). `reconnecting`: OBS was
        reconnecting to the platform in that last second, so its figure starts when it got back, up to a hole's
        length later (seen by hand: a console killed during a reconnect read OBS's 22 s for a show on air 80 s)."""
        slack = HOLE_S if reconnecting else RESUME_SLACK_S
        self._resumed = (start, seen_until + slack)
        self._take_resumed()
        self._count()

    def forget(self) -> None:
        """The stream stopped, or OBS was lost (another OBS, or one restarted, may be streaming when it is back:
        its own figure says from when)."""
        self.since = self.elapsed_ms = self.obs_ms = None
        self._obs_start = self._last_t = self._stop_at = None
        # A stored start waiting for OBS's first figure stays: the link's first statuses (connecting, before OBS is
        # heard at all) forget too, and a stream begun since is told apart by its own start (`_take_resumed`).

    def _take_resumed(self) -> None:
        if self._resumed is None or self._obs_start is None:
            return  # no poll of the stream yet: the first one decides
        start, latest = self._resumed
        self._resumed = None
        if self._obs_start <= latest:
            self.since = start if self.since is None else min(self.since, start)

    def _count(self) -> None:
        if self.since is not None and self._last_t is not None:
            last = self._last_t if self._stop_at is None else min(self._last_t, self._stop_at)
            self.elapsed_ms = max(0, round((last - self.since) * 1000))
        else:
            self.elapsed_ms = None


def seen_on_air_until(
    seconds: Iterable[tuple[float, float | None]], start: float, lost: float | None = None
) -> float | None:
    """The last of a show's stored seconds (time, its `streaming` flag) from `start` on that the stream was seen on
    air with nothing between; `lost`: when the console lost OBS after the start (OBS may have been restarted then).
    A second not streaming, a hole in the seconds (the console was not running) or the loss ends it; a second not
    known (a late poll) does not. None when none was."""
    last: float | None = None
    previous = start
    for t, streaming in sorted((t, s) for t, s in seconds if t >= start):
        if (lost is not None and t >= lost) or t - previous > HOLE_S:
            break
        previous = t
        if streaming is None or streaming != streaming:  # NaN: not known that second (a late poll)
            continue
        if streaming < 0.5:
            if last is None and t < start + RESUME_SLACK_S:
                continue  # a poll answered as the output was still starting
            break
        last = t
    return last


def first_seen_on_air(seconds: Iterable[tuple[float, float | None]], after: float | None = None) -> float | None:
    """The first second of the last stretch the stored seconds show on air with nothing between (as
    `seen_on_air_until` reads them), from `after` on: where a console that joined a running stream first saw it."""
    first: float | None = None
    previous: float | None = None
    for t, streaming in sorted((t, s) for t, s in seconds if after is None or t >= after):
        if previous is not None and t - previous > HOLE_S:
            first = None
        previous = t
        if streaming is None or streaming != streaming:
            continue
        if streaming < 0.5:
            first = None
        elif first is None:
            first = t
    return first
