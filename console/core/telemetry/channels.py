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
    # from the room's comment sources (console/core/chat/room.py): the trailing 60 s
    "comments_per_min",
    "chatters_per_min",
)
INDEX: dict[str, int] = {name: index for index, name in enumerate(CHANNELS)}

NAN = math.nan

_PCT = (0.0, 100.0)
_FLAG = (0.0, 1.0)
#: What each channel can possibly be. A value outside (an OBS or a platform answering 1.8e19 likes, -1 viewers,
#: 9.2e18 MB free) is not a figure at all: it is stored and shown as unknown, never plotted or kept.
PLAUSIBLE: dict[str, tuple[float, float]] = {
    "bitrate_kbps": (0.0, 10_000_000.0),  # 10 Gbit/s
    "congestion": _FLAG,
    "fps": (0.0, 1000.0),
    "fps_target": (0.0, 1000.0),
    "render_ms": (0.0, 60_000.0),
    "frame_budget_ms": (0.0, 60_000.0),
    "drop_render_pct": _PCT,
    "drop_encode_pct": _PCT,
    "drop_network_pct": _PCT,
    "obs_cpu_pct": (0.0, 100.0 * 1024),  # some systems count each core as 100 %
    "obs_memory_mb": (0.0, 1e9),
    "disk_free_mb": (0.0, 1e12),  # an exabyte
    "record_kbps": (0.0, 10_000_000.0),
    "streaming": _FLAG,
    "recording": _FLAG,
    "reconnecting": _FLAG,
    "cpu_system_pct": _PCT,
    "cpu_busiest_core_pct": _PCT,
    "obs_process_cpu_pct": _PCT,
    "memory_system_pct": _PCT,
    "net_up_kbps": (0.0, 1e8),  # 100 Gbit/s
    "viewers": (0.0, 1e10),
    "likes": (0.0, 1e13),
    "interactions": (0.0, 1e13),
    "comments_per_min": (0.0, 1e8),
    "chatters_per_min": (0.0, 1e8),
}


def plausible(channel: str, value: float | None) -> float:
    """The value as a float if it is finite and possible for the channel; NaN (unknown) otherwise."""
    if value is None:
        return NAN
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return NAN
    low, high = PLAUSIBLE[channel]
    return number if math.isfinite(number) and low <= number <= high else NAN


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
    row = tuple(plausible(name, values.get(name)) for name in CHANNELS)
    return Sample(t, row, tuple(c if math.isfinite(c) and 0.0 <= c <= 100.0 else NAN for c in cores))


@dataclass(frozen=True)
class Marker:
    """Something that happened, shown as a vertical line on every graph: scene switch, reconnect, …"""

    t: float
    kind: str  # "scene", "stream_start", "stream_stop", "record_start", "record_stop", "reconnect", "disconnect"
    text: str
