"""OBS's cumulative counters turned into rates over time windows, with counter resets handled.

Counter semantics (measured on OBS 29): GetStats counters are cumulative since OBS started;
GetStreamStatus counters restart at 0 on every StartStream and every automatic reconnect, and the
first poll after a start may still show the previous session's totals. GetStats.outputSkippedFrames
is *encoding* lag; GetStreamStatus.outputSkippedFrames is *network* drops. A counter that goes down
is a reset: the history before it is dropped, never subtracted.

outputBytes counts bytes handed to the socket, and OBS moves it only when a send completes: on loopback it
moves every poll, but under a 300 kbit/s uplink it stayed flat for up to 3 s and then jumped, so a rate
between two poll times swung 0…520 kbit/s while the receiver got a steady 300. Bitrate is therefore taken
between two polls at which the counter *moved* (its own cadence), over at least twice its longest flat
stretch lately; a counter flat for half as long again is a real stall and reads lower with every second.

GetStats.cpuUsage is OBS's CPU time since the previous GetStats *anyone* sent, over the wall time between them
(libobs' os_cpu_usage_info_query, in clock ticks of 10 ms). Measured after a 5-s SIGSTOP: the polls that had
timed out meanwhile were answered in one burst on the thaw, 20-100 ms apart, and the one still awaited reported
23 % for 80 ms of catching up (0.0 for two answered within one tick). The figure is shown only when it covers
one poll interval this link can vouch for: its previous poll was answered, at most twice the poll interval
earlier; otherwise it is unknown (a gap), never a figure for an interval nobody can say.

A share of dropped frames is drops / frames over one span of two separate counters, which OBS reads apart and
restarts apart (GetStreamStatus on a reconnect). A span holding more drops than frames is no share of its frames
(it would read above 100 %): unknown until the window holds frames enough for its drops. (After a real 10-14 s
freeze the render share read 80-93 %, honestly; the Dropped frames axis at 150 % was the graph's own margin.)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: Bitrate is smoothed over at least this long: 1-s samples under a shaped link swing 0 <-> 700+ kbit/s.
BITRATE_WINDOW_S = 3.0
#: How far back the byte counter's longest flat stretch is remembered (how slowly it moves lately).
CADENCE_MEMORY_S = 30.0
#: A counter flat for this many times its longest flat stretch lately is stalled, not just slow: measured
#: behind a 300 kbit/s uplink, the flat stretches ran 4, 5 and 6 s one after another.
STALL_FACTOR = 1.5
DROP_WINDOW_S = 10.0
#: OBS's CPU figure stands for one poll: over an interval longer than this many poll intervals, OBS was frozen or
#: busy meanwhile (or the previous answer came late) and the figure is not the second it would be shown for.
CPU_SPAN_POLLS = 2.0


@dataclass(frozen=True)
class StatsSample:
    """One poll: GetStats, GetStreamStatus and GetRecordStatus as answered, at one monotonic time. `since` is when
    the link's previous GetStats was read, if it was answered (OBS's CPU figure covers the time since then, unless
    another client asked meanwhile), None when not (the first poll of a connection, or one that went unanswered);
    `interval` is the link's poll interval."""

    t: float
    stats: Mapping[str, Any]
    stream: Mapping[str, Any]
    record: Mapping[str, Any]
    since: float | None = None
    interval: float | None = None


@dataclass(frozen=True)
class Rates:
    """What the poll means, per window. None = not known (never 0 in its place)."""

    t: float
    streaming: bool
    reconnecting: bool
    recording: bool
    bitrate_kbps: float | None
    record_kbps: float | None
    fps: float | None
    render_ms: float | None
    render_drop_pct: float | None
    encode_drop_pct: float | None
    network_drop_pct: float | None
    congestion: float | None
    cpu_pct: float | None
    memory_mb: float | None
    disk_free_mb: float | None
    stream_bytes: int | None
    record_bytes: int | None
    stream_duration_ms: int | None = None
    record_duration_ms: int | None = None
    #: GetStats renderTotalFrames: frames OBS's video thread counted since OBS started, those it lagged through
    #: included (a thawed OBS counts its freeze; a restarted one starts again from 0).
    render_frames: int | None = None


def _num(mapping: Mapping[str, Any], key: str) -> float | None:
    value = mapping.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _int(mapping: Mapping[str, Any], key: str) -> int | None:
    value = _num(mapping, key)
    return None if value is None else int(value)


class _Counter:
    """History of one cumulative counter pair (numerator, denominator) since its last reset."""

    def __init__(self) -> None:
        self.history: deque[tuple[float, float, float]] = deque()
        self.resets = 0

    def reset(self) -> None:
        self.history.clear()

    def add(self, t: float, value: float | None, total: float | None = None, horizon: float = 3600.0) -> None:
        if value is None:
            return
        total_value = total if total is not None else 0.0
        if self.history:
            _, last_value, last_total = self.history[-1]
            if value < last_value or total_value < last_total:
                self.resets += 1
                self.history.clear()
        self.history.append((t, value, total_value))
        while self.history and self.history[0][0] < t - horizon:
            self.history.popleft()

    def _base(self, window: float) -> tuple[float, float, float] | None:
        if len(self.history) < 2:
            return None
        now = self.history[-1][0]
        base = self.history[0]
        for entry in self.history:
            if entry[0] <= now - window:
                base = entry
            else:
                break
        return base

    def ratio_pct(self, window: float) -> float | None:
        """Δvalue / Δtotal over about `window` seconds, in percent; None when no frames went by."""
        base = self._base(window)
        if base is None:
            return None
        _, value, total = self.history[-1]
        frames = total - base[2]
        dropped = value - base[1]
        if frames <= 0 or dropped > frames:
            return None  # no frames went by, or more drops than frames (see the module's header)
        return 100.0 * dropped / frames


class _ByteCounter(_Counter):
    """A byte counter, read at the moments it moved (see the module's header)."""

    def __init__(self) -> None:
        super().__init__()
        self.moves: deque[tuple[float, float]] = deque()  # (first poll that saw the value, value)
        self.flats: deque[tuple[float, float]] = deque()  # (when, how long the counter was seen flat)
        self.last_seen = 0.0

    def reset(self) -> None:
        super().reset()
        self.moves.clear()
        self.flats.clear()

    def add(self, t: float, value: float | None, total: float | None = None, horizon: float = 3600.0) -> None:
        resets = self.resets
        super().add(t, value, total, horizon)
        if value is None:
            return
        if self.resets != resets:
            self.moves.clear()
            self.flats.clear()
        if not self.moves or value != self.moves[-1][1]:
            if self.moves:
                # The stretch that just ended, as polls saw it (a gap without polls, OBS frozen, is not one).
                self.flats.append((t, self.last_seen - self.moves[-1][0]))
            self.moves.append((t, value))
        self.last_seen = t
        while self.flats and self.flats[0][0] < t - CADENCE_MEMORY_S:
            self.flats.popleft()
        while len(self.moves) > 2 and self.moves[1][0] < t - 4 * CADENCE_MEMORY_S:
            self.moves.popleft()

    def cadence(self) -> float:
        """The longest stretch the counter was seen flat lately, ended by a move (0: it moves at every poll)."""
        return max((flat for _, flat in self.flats), default=0.0)

    def move_rate(self, window: float, min_span: float) -> float | None:
        """Bytes per second between two moves at least max(window, 2 x cadence) apart; if the counter has been
        flat for clearly longer than it was lately, up to now (a stall reads lower with every second)."""
        if not self.moves:
            return None
        cadence = self.cadence()
        end_t, end_value = self.moves[-1]
        if self.last_seen - end_t > STALL_FACTOR * cadence:
            end_t = self.last_seen
        window = max(window, 2 * cadence)
        base_t, base_value = self.moves[0]
        for move_t, move_value in self.moves:
            if move_t <= end_t - window:
                base_t, base_value = move_t, move_value
            else:
                break
        span = end_t - base_t
        if span < min_span:
            return None
        return (end_value - base_value) / span


class StatsTracker:
    """Feed it StatsSamples; it answers Rates. Call `reset_stream()` on StartStream/reconnect events."""

    def __init__(self, bitrate_window: float = BITRATE_WINDOW_S, drop_window: float = DROP_WINDOW_S) -> None:
        self.bitrate_window = bitrate_window
        self.drop_window = drop_window
        self.stream_bytes = _ByteCounter()
        self.record_bytes = _ByteCounter()
        self.render = _Counter()
        self.encode = _Counter()
        self.network = _Counter()
        self.last: Rates | None = None

    def reset_stream(self) -> None:
        """The stream output restarted its counters (StartStream, automatic reconnect)."""
        self.stream_bytes.reset()
        self.network.reset()

    def reset_all(self) -> None:
        """A new connection: OBS may have restarted, so nothing before it is comparable."""
        for counter in (self.stream_bytes, self.record_bytes, self.render, self.encode, self.network):
            counter.reset()

    def update(self, sample: StatsSample) -> Rates:
        t, stats, stream, record = sample.t, sample.stats, sample.stream, sample.record
        streaming = bool(stream.get("outputActive"))
        reconnecting = bool(stream.get("outputReconnecting"))
        recording = bool(record.get("outputActive"))
        if streaming:
            self.stream_bytes.add(t, _num(stream, "outputBytes"))
            self.network.add(t, _num(stream, "outputSkippedFrames"), _num(stream, "outputTotalFrames"))
        else:
            self.reset_stream()
        if recording:
            self.record_bytes.add(t, _num(record, "outputBytes"))
        else:
            self.record_bytes.reset()
        self.render.add(t, _num(stats, "renderSkippedFrames"), _num(stats, "renderTotalFrames"))
        self.encode.add(t, _num(stats, "outputSkippedFrames"), _num(stats, "outputTotalFrames"))

        def kbps(counter: _ByteCounter) -> float | None:
            rate = counter.move_rate(self.bitrate_window, min_span=self.bitrate_window * 0.6)
            return None if rate is None else rate * 8 / 1000

        # OBS goes on reporting the torn-down connection's last congestion while it reconnects, and in its first poll
        # after it is back before it counted a frame (measured on OBS 29.0.2: 1.0 throughout a reconnect that
        # followed a throttled uplink): no send buffer is being measured then.
        total_frames = _num(stream, "outputTotalFrames")
        fresh = total_frames is None or total_frames > 0
        congestion = _num(stream, "outputCongestion") if streaming and not reconnecting and fresh else None
        rates = Rates(
            t=t,
            streaming=streaming,
            reconnecting=reconnecting,
            recording=recording,
            bitrate_kbps=kbps(self.stream_bytes) if streaming and not reconnecting else None,
            record_kbps=kbps(self.record_bytes) if recording else None,
            fps=_num(stats, "activeFps"),
            render_ms=_num(stats, "averageFrameRenderTime"),
            render_drop_pct=self.render.ratio_pct(self.drop_window),
            encode_drop_pct=self.encode.ratio_pct(self.drop_window),
            network_drop_pct=self.network.ratio_pct(self.drop_window) if streaming else None,
            congestion=congestion,
            cpu_pct=_num(stats, "cpuUsage") if self._cpu_span_known(sample) else None,
            memory_mb=_num(stats, "memoryUsage"),
            disk_free_mb=_num(stats, "availableDiskSpace"),
            stream_bytes=_int(stream, "outputBytes") if streaming else None,
            record_bytes=_int(record, "outputBytes") if recording else None,
            stream_duration_ms=_int(stream, "outputDuration") if streaming else None,
            record_duration_ms=_int(record, "outputDuration") if recording else None,
            render_frames=_int(stats, "renderTotalFrames"),
        )
        self.last = rates
        return rates

    @staticmethod
    def _cpu_span_known(sample: StatsSample) -> bool:
        """OBS's CPU figure covers one poll interval this link can vouch for (see the module's header)."""
        if sample.since is None:
            return False
        span = sample.t - sample.since
        return span > 0 and (sample.interval is None or span <= CPU_SPAN_POLLS * sample.interval)
