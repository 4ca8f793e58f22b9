"""What a graph shows, computed without Qt (console/core/telemetry/graph_data.py): the follow-live window, the
crosshair's second and the rows a CSV export writes."""

from __future__ import annotations

import math
from datetime import datetime

import numpy as np
import pytest

from console.core.telemetry.channels import CHANNELS, INDEX
from console.core.telemetry.graph_data import (
    SCROLL_STEPS,
    export_rows,
    follow_range,
    nearest_index,
    reading,
)


def test_following_live_the_window_moves_a_tenth_at_a_time_and_the_whole_show_starts_at_its_first_second() -> None:
    window = 300.0
    step = window / SCROLL_STEPS
    left, right = follow_range(500.0, 1000.0, window)
    assert (left, right) == (right - window, right) and right >= 1000.5 and right % step == 0
    assert follow_range(500.0, 1000.0 + step / 2, window) == (left, right), "within a step the axis holds still"
    assert follow_range(500.0, 1000.0, None) == (500.0, 1000.0)


def test_the_crosshair_reads_the_nearest_second_and_says_unknown_as_a_dash() -> None:
    times = np.array([10.0, 11.0, 12.0])
    assert [nearest_index(times, t) for t in (9.0, 10.4, 10.6, 99.0)] == [0, 0, 1, 2]
    assert nearest_index(np.array([]), 10.0) is None
    assert (reading(math.nan, counts=False), reading(2.46, counts=False), reading(12000.4, counts=True)) == (
        "—",
        "2.5",
        "12000",
    )


def test_csv_rows_stop_at_the_views_right_edge_round_by_kind_and_leave_unknown_empty() -> None:
    counts, rate = "viewers", CHANNELS[0]
    values = np.full((3, len(CHANNELS)), math.nan)
    values[:, INDEX[rate]] = [1.23456, math.nan, 3.0]
    values[:, INDEX[counts]] = [10.6, 11.2, 12.0]
    offset = 1_700_000_000.0
    header, rows = export_rows(np.array([0.0, 1.0, 2.0]), values, offset, offset + 1.0, [rate, counts], {counts})
    assert header == ["time", rate, counts]
    assert rows == [
        (datetime.fromtimestamp(offset).astimezone().isoformat(timespec="seconds"), 1.235, 11),
        (datetime.fromtimestamp(offset + 1).astimezone().isoformat(timespec="seconds"), None, 11),
    ]


def test_a_percentage_pane_never_reaches_above_100_and_keeps_its_strip_for_names() -> None:
    """Dropped frames near 100 % after a thaw set the pane's axis at 150 %: a share of frames cannot exceed 100, so a
    percentage pane's data part stops at 100 (with the strip for the legend above it), in every graph."""
    from console.core.telemetry.graph_data import axis_ceiling, axis_top

    assert axis_ceiling("%") == 100.0 and axis_ceiling("kbit/s") is None and axis_ceiling("kbit/s", 50.0) == 50.0
    assert axis_top(99.0, unit="%", min_top=6.0, free=0.3) == pytest.approx(100.0 / 0.7)
    assert axis_top(99.0, unit="%", min_top=6.0, free=0.0) == 100.0
    assert axis_top(4.0, unit="%", min_top=6.0, free=0.0) == 6.0  # a clean stream keeps the 1 % and 5 % lines
    assert axis_top(99.0, unit="kbit/s", min_top=1.0, free=0.0) == 120.0  # a rate has no such ceiling
    assert axis_top(10.0, unit="%", min_top=1.0, fixed_top=100.0, free=0.2) == pytest.approx(125.0)


def test_obs_cpu_line_is_its_process_beside_the_total_else_its_own_figure() -> None:
    """OBS's CPU line is read over the same seconds as the System line where OBS runs here (its process, by the same
    sampler); OBS's own figure, over the time since its previous GetStats, only in the seconds there is no process."""
    from console.core.telemetry.graph_data import series_column

    rows = np.full((3, len(CHANNELS)), np.nan)
    rows[:, INDEX["obs_cpu_pct"]] = [70.0, 12.0, np.nan]
    rows[:, INDEX["obs_process_cpu_pct"]] = [8.0, np.nan, np.nan]
    column = series_column(rows, "obs_process_cpu_pct", "obs_cpu_pct")
    assert column[0] == 8.0 and column[1] == 12.0 and math.isnan(column[2])
