"""What a graph dock shows — panes, series, reference lines — as plain data (no pyqtgraph: the dock registry
imports it at start-up, and pyqtgraph loads only when a graph is first shown)."""

from __future__ import annotations

from dataclasses import dataclass

from obs.text import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP  # re-exported for the graph modules


@dataclass(frozen=True)
class Series:
    channel: str
    label: str  # source text, context "Graphs"
    colour: str
    #: a channel drawn in the seconds `channel` is unknown (graph_data.series_column)
    instead: str | None = None


@dataclass(frozen=True)
class Threshold:
    """A horizontal line: a fixed value, or `factor` × a reference (e.g. the target FPS, the frame budget)."""

    label: str
    colour: str
    value: float | None = None
    reference: str | None = None  # a channel's newest value, or a controller reference ("target_bitrate_kbps")
    factor: float = 1.0
    #: drawn as a broad pale band under the series (a target the live line sits on stays visible on it)
    band: bool = False


@dataclass(frozen=True)
class Pane:
    unit: str
    series: tuple[Series, ...]
    thresholds: tuple[Threshold, ...] = ()
    #: a 0..1 channel drawn as shading behind the series, scaled to the pane's height (congestion)
    shade: str | None = None
    #: the y axis always reaches at least this high (so 1 % and 5 % lines show on a clean stream)
    min_top: float = 1.0
    #: a fixed top (CPU in %), or None to fit the data and the reference lines
    fixed_top: float | None = None
    #: the figures are counts (viewers, likes): read out as whole numbers
    counts: bool = False
    #: a few seconds far above the rest (other traffic on the interface) do not set the scale: they run off
    #: the top, and the crosshair still reads them
    clip_outliers: bool = False


@dataclass(frozen=True)
class GraphSpec:
    id: str
    title: str
    panes: tuple[Pane, ...]
    #: a line above the graph saying how the audience source is doing, with a button to set it up
    source_bar: bool = False
