"""The telemetry channels: one column each in the ring buffer, the database and the monitor's JSON."""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Every channel is a float; NaN in the ring buffer and NULL in the database mean "not known" (never 0).
CHANNELS: tuple[str, ...] = (
    # from OBS (the link's stats poll)
    "bitrate_kbps",
    "congestion",
    "fps",
    "fps_target",
    "render_ms",
    "frame_budget_ms",
    "drop_render_pct",
    "drop_encode_pct",
    "drop_network_pct",
    "obs_cpu_pct",
    "obs_memory_mb",
    "disk_free_mb",
    "record_kbps",
    "streaming",
    "recording",
    "reconnecting",
    # from this machine (psutil)
    "cpu_system_pct",
    "cpu_busiest_core_pct",
    "obs_process_cpu_pct",
    "memory_system_pct",
    "net_up_kbps",
    # from the audience source
    "viewers",
    "likes",
    "interactions",
)
INDEX: dict[str, int] = {name: index for index, name in enumerate(CHANNELS)}

NAN = math.nan


def known(value: float | None) -> float | None:
    """NaN -> None (for JSON and SQL), everything else as is."""
    return None if value is None or math.isnan(value) else value


@dataclass(frozen=True)
class Sample:
    """One second of the show: `t` on the monotonic clock, one value per channel (NaN = unknown)."""

    t: float
    values: tuple[float, ...]
    cores: tuple[float, ...] = ()

    def get(self, channel: str) -> float | None:
        return known(self.values[INDEX[channel]])

    def as_dict(self) -> dict[str, float | None]:
        return {name: known(value) for name, value in zip(CHANNELS, self.values, strict=True)}


def make_sample(t: float, values: dict[str, float | None], cores: tuple[float, ...] = ()) -> Sample:
    unknown = [name for name in values if name not in INDEX]
    if unknown:
        raise KeyError(f"unknown telemetry channels: {unknown}")
    row = tuple(NAN if (value := values.get(name)) is None else float(value) for name in CHANNELS)
    return Sample(t, row, cores)


@dataclass(frozen=True)
class Marker:
    """Something that happened, shown as a vertical line on every graph: scene switch, reconnect, …"""

    t: float
    kind: str  # "scene", "stream_start", "stream_stop", "record_start", "record_stop", "reconnect", "disconnect"
    text: str
