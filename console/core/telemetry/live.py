"""The show's live telemetry: composes one sample a second from OBS, the machine and the audience, keeps
them in a ring on one monotonic time base, derives markers from OBS's events, and hands what is not yet
stored to the writer. Qt-free: the console and `onair monitor` both use it."""

from __future__ import annotations

import math
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from console.core.telemetry.channels import CHANNELS, NAN, Marker, Sample, make_sample
from console.core.telemetry.machine import MachineSample
from console.core.telemetry.ring import Ring
from obs.messages import LinkState, ObsEvent, OutboxItem, StatusChanged
from obs.protocol import OutputState
from obs.state import ObsState
from obs.stats import Rates

#: 12 hours of 1 Hz rows in memory (about 9 MB); a longer show keeps its start in the database.
DEFAULT_CAPACITY = 12 * 3600
#: An OBS poll older than this is not "now": the second is a gap on the graphs, not a repeated value. Polls
#: come every second; 2 s allows one late answer. At 3 s a frozen OBS (SIGSTOP, nothing reaching the
#: receiver) went on showing its last bitrate for the first three seconds of the freeze.
OBS_STALE_S = 2.0
MACHINE_STALE_S = 3.0
MAX_MARKERS = 20_000


@dataclass(frozen=True)
class AudienceReading:
    t: float
    viewers: float | None = None
    likes: float | None = None
    interactions: float | None = None


def compose(
    t: float,
    state: ObsState,
    live: bool,
    rates: Rates | None,
    machine: MachineSample | None,
    audience: AudienceReading | None,
    audience_stale_s: float = 120.0,
) -> Sample:
    """One second of the show. A source that is disconnected or stale contributes NaN (a gap), never 0."""
    values: dict[str, float | None] = {}
    if live and rates is not None and t - rates.t <= OBS_STALE_S:
        target = state.video.fps if state.video and state.video.fps > 0 else None
        values.update(
            bitrate_kbps=rates.bitrate_kbps,
            congestion=rates.congestion,
            fps=rates.fps,
            fps_target=target,
            render_ms=rates.render_ms,
            frame_budget_ms=1000.0 / target if target else None,
            drop_render_pct=rates.render_drop_pct,
            drop_encode_pct=rates.encode_drop_pct,
            drop_network_pct=rates.network_drop_pct,
            obs_cpu_pct=rates.cpu_pct,
            obs_memory_mb=rates.memory_mb,
            disk_free_mb=rates.disk_free_mb,
            record_kbps=rates.record_kbps,
            streaming=float(rates.streaming),
            recording=float(rates.recording),
            reconnecting=float(rates.reconnecting),
        )
    cores: tuple[float, ...] = ()
    if machine is not None and t - machine.t <= MACHINE_STALE_S:
        cores = machine.cpu_cores
        values.update(
            cpu_system_pct=machine.cpu_system_pct,
            cpu_busiest_core_pct=machine.cpu_busiest_core_pct,
            obs_process_cpu_pct=machine.obs_process_cpu_pct,
            memory_system_pct=machine.memory_system_pct,
            net_up_kbps=machine.net_up_kbps,
        )
    if audience is not None and t - audience.t <= audience_stale_s:
        values.update(viewers=audience.viewers, likes=audience.likes, interactions=audience.interactions)
    return make_sample(t, values, cores)


class MarkerDeriver:
    """Turns the link's outbox items into markers: scene switches, stream and recording start/stop,
    stream reconnects, and the console losing or regaining OBS."""

    def __init__(self) -> None:
        self._was_live: bool | None = None
        #: The stream output's last state OBS said (None: none said yet, e.g. a console that joined a stream).
        self._stream_state: str | None = None

    def markers(self, item: OutboxItem) -> list[Marker]:
        if isinstance(item, StatusChanged):
            live = item.status.state in (LinkState.CONNECTED, LinkState.UNRESPONSIVE)
            was, self._was_live = self._was_live, live
            if was is None or was == live:
                return []
            return [Marker(item.status.since, "obs_connected" if live else "obs_lost", "")]
        if not isinstance(item, ObsEvent):
            return []
        data: dict[str, Any] = item.data
        if item.event_type == "CurrentProgramSceneChanged":
            return [Marker(item.received_at, "scene", str(data.get("sceneName", "")))]
        state = str(data.get("outputState", ""))
        if item.event_type == "StreamStateChanged":
            before, self._stream_state = self._stream_state, state
            if state == OutputState.STOPPED and before == OutputState.STARTING:
                # Stopped before it went on air (OBS could not reach the server): no stream ran, so none stopped —
                # a "stream stopped" with no start before it reads as on air from the show's first second (walk23b).
                return [Marker(item.received_at, "stream_start_failed", "")]
            kind = {
                OutputState.STARTED: "stream_start",
                OutputState.STOPPED: "stream_stop",
                OutputState.RECONNECTING: "stream_reconnecting",
                OutputState.RECONNECTED: "stream_reconnected",
            }.get(state)
            return [Marker(item.received_at, kind, "")] if kind else []
        if item.event_type == "RecordStateChanged":
            kind = {OutputState.STARTED: "record_start", OutputState.STOPPED: "record_stop"}.get(state)
            return [Marker(item.received_at, kind, "")] if kind else []
        return []


class Telemetry:
    """Samples and markers of the current show, for the graphs (read on the GUI thread) and the writer."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY, wall_offset: float | None = None) -> None:
        self.ring = Ring(capacity, len(CHANNELS))
        self.markers: deque[Marker] = deque(maxlen=MAX_MARKERS)
        self.markers_version = 0
        #: wall-clock seconds = monotonic seconds + wall_offset (one time base, converted only at the edges).
        self.wall_offset = time.time() - time.monotonic() if wall_offset is None else wall_offset
        self.latest: Sample | None = None
        self._unsaved_samples: list[Sample] = []
        self._unsaved_markers: list[Marker] = []

    def record(self, sample: Sample) -> None:
        self.ring.append(sample.t, sample.values)
        self.latest = sample
        self._unsaved_samples.append(sample)

    def mark(self, marker: Marker) -> None:
        self.markers.append(marker)
        self.markers_version += 1
        self._unsaved_markers.append(marker)

    def take_unsaved(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Rows for the writer (wall-clock times), and forget them here."""
        samples, self._unsaved_samples = self._unsaved_samples, []
        markers, self._unsaved_markers = self._unsaved_markers, []
        return [self.sample_row(s) for s in samples], [
            {"t": m.t + self.wall_offset, "kind": m.kind, "detail": m.text} for m in markers
        ]

    def sample_row(self, sample: Sample) -> dict[str, Any]:
        row: dict[str, Any] = sample.as_dict()
        row["t"] = sample.t + self.wall_offset
        row["cpu_cores"] = ",".join(f"{c:.1f}" for c in sample.cores) if sample.cores else None
        return row

    def load_history(self, rows: list[dict[str, Any]], markers: list[dict[str, Any]]) -> None:
        """Put a resumed show's stored rows in front of what was recorded since start-up."""
        times, values = self.ring.last(len(self.ring))
        live_times, live_values = times.copy(), values.copy()
        first_live = live_times[0] if len(live_times) else math.inf
        ring = Ring(self.ring.capacity, len(CHANNELS))
        for row in rows:
            t = float(row["t"]) - self.wall_offset
            if t < first_live and (not len(ring) or t > ring.last_time()):
                ring.append(t, tuple(NAN if row.get(name) is None else float(row[name]) for name in CHANNELS))
        for t, row_values in zip(live_times, live_values, strict=True):
            ring.append(float(t), row_values)
        ring.version = self.ring.version + len(rows) + 1
        self.ring = ring
        old = [Marker(float(m["t"]) - self.wall_offset, str(m["kind"]), str(m["detail"] or "")) for m in markers]
        self.markers = deque(sorted([*old, *self.markers], key=lambda m: m.t), maxlen=MAX_MARKERS)
        self.markers_version += 1

    def value(self, channel: str) -> float | None:
        return self.latest.get(channel) if self.latest is not None else None
