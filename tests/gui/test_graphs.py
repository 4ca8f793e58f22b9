"""Graph docks against the simulator: live series, gaps (never zeros) when OBS goes away, shared markers,
crosshair readout, follow/pause, export, a hidden graph costing nothing, and history after a restart."""

from __future__ import annotations

import csv
import math
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from console.mainwindow import MainWindow
from console.telemetry.channels import INDEX
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected


def curve_data(window: MainWindow, graph_id: str, channel: str) -> tuple[np.ndarray, np.ndarray]:
    graph = window.graph(graph_id)
    for view in graph.panes:
        if channel in view.curves:
            x, y = view.curves[channel].getOriginalDataset()
            return (np.asarray(x if x is not None else []), np.asarray(y if y is not None else []))
    raise KeyError(channel)


def streaming_window(qtbot, sim: SimulatorThread, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window(sim.port)
    window.apply_workspace("Technician")
    window.docks["graph_audience"].show()
    wait_connected(qtbot, window)
    window.bridge.request("StartStream")

    def has_bitrate() -> None:  # asserting: a timeout then says what the console saw
        rates, latest = window.bridge.tracker.rates, window.telemetry.telemetry.latest
        assert window.telemetry.telemetry.value("bitrate_kbps") is not None, (
            f"now {time.monotonic():.1f}, link {window.bridge.tracker.status.state}, "
            f"stream {window.bridge.state.stream}, rates {rates}, last sample at {latest and latest.t}"
        )

    qtbot.waitUntil(has_bitrate, timeout=20000)
    return window


def test_bitrate_and_audience_are_drawn_from_the_live_room(qtbot, sim: SimulatorThread, make_window) -> None:
    window = streaming_window(qtbot, sim, make_window)
    qtbot.waitUntil(lambda: np.isfinite(curve_data(window, "graph_bitrate", "bitrate_kbps")[1]).any(), timeout=5000)
    _, bitrate = curve_data(window, "graph_bitrate", "bitrate_kbps")
    assert 2000 < np.nanmax(bitrate) < 2900, "the simulator streams about 2660 kbit/s"
    target = window.graph("graph_bitrate").panes[0].thresholds[0][1]
    qtbot.waitUntil(target.isVisible, timeout=5000)
    assert target.value() == 2660, "simple output mode: 2500 video + 160 audio"
    qtbot.waitUntil(lambda: np.isfinite(curve_data(window, "graph_audience", "viewers")[1]).any(), timeout=9000)
    kinds = [m.kind for m in window.telemetry.telemetry.markers]
    assert "stream_start" in kinds and "obs_connected" in kinds
    assert window.graph("graph_bitrate").panes[0].marker_positions(), "markers are drawn on the graph"


def test_obs_going_away_is_a_gap_and_a_marker_on_every_graph(qtbot, sim: SimulatorThread, make_window) -> None:
    window = streaming_window(qtbot, sim, make_window)
    qtbot.waitUntil(lambda: np.isfinite(curve_data(window, "graph_fps", "fps")[1]).sum() >= 2, timeout=8000)
    sim.run(sim.sim.kill())  # type: ignore[union-attr]
    telemetry = window.telemetry.telemetry
    qtbot.waitUntil(lambda: any(m.kind == "obs_lost" for m in telemetry.markers), timeout=8000)
    lost_at = next(m.t for m in telemetry.markers if m.kind == "obs_lost") + telemetry.wall_offset
    qtbot.waitUntil(lambda: curve_data(window, "graph_fps", "fps")[0][-1] > lost_at + 2.5, timeout=8000)
    for graph_id, channel in (
        ("graph_fps", "fps"),
        ("graph_bitrate", "bitrate_kbps"),
        ("graph_dropped", "drop_render_pct"),
    ):
        x, y = curve_data(window, graph_id, channel)
        after = y[x > lost_at + 1.5]
        assert len(after) and np.isnan(after).all(), f"{channel}: no made-up values while OBS is gone"
        assert not (after == 0).any()
        lines = window.graph(graph_id).panes[0].marker_positions()
        assert any(abs(x - lost_at) < 0.01 for x in lines), f"{graph_id} shows the marker"
    _, cpu = curve_data(window, "graph_cpu", "cpu_system_pct")
    assert np.isfinite(cpu[-1]), "the machine is still measured"


def test_crosshair_export_and_pause(qtbot, sim: SimulatorThread, make_window, tmp_path: Path) -> None:
    window = streaming_window(qtbot, sim, make_window)
    graph = window.graph("graph_bitrate")
    telemetry = window.telemetry.telemetry
    qtbot.waitUntil(lambda: len(telemetry.ring) >= 4, timeout=8000)
    times, values = telemetry.ring.last(1)
    text = graph.show_readout_at(float(times[0]) + telemetry.wall_offset)
    value = values[0, INDEX["bitrate_kbps"]]
    assert (f"{value:.1f}" if not math.isnan(value) else "—") in text and graph.panes[0].crosshair.isVisible()

    path = tmp_path / "bitrate.csv"
    assert graph.export_csv(path)
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert rows[0] == ["time", "bitrate_kbps", "net_up_kbps"]
    assert len(rows) >= 4
    known = [float(row[1]) for row in rows[1:] if row[1]]
    assert known and all(2000 < v < 2900 for v in known)
    picture = tmp_path / "bitrate.png"
    assert graph.export_png(picture)
    image = QImage(str(picture))
    assert image.width() > 200 and image.height() > 100

    assert graph.live_button.isChecked()
    graph.panes[0].plot.getViewBox().sigRangeChangedManually.emit([True, False])
    assert not graph.live_button.isChecked() and not graph.follow
    graph.set_window(60.0)
    assert graph.follow, "choosing a window goes back to live"
    qtbot.waitUntil(lambda: graph.refreshes > 0, timeout=3000)
    left, right = graph.panes[0].plot.getViewBox().viewRange()[0]
    assert abs((right - left) - 60.0) < 1.0


def test_a_hidden_graph_does_not_redraw(qtbot, sim: SimulatorThread, make_window) -> None:
    window: MainWindow = make_window(sim.port)
    window.apply_workspace("Technician")
    wait_connected(qtbot, window)
    graph = window.graph("graph_dropped")
    qtbot.waitUntil(lambda: graph.refreshes >= 2, timeout=5000)
    window.docks["graph_dropped"].hide()
    before = graph.refreshes
    samples = len(window.telemetry.telemetry.ring)
    qtbot.waitUntil(lambda: len(window.telemetry.telemetry.ring) >= samples + 2, timeout=5000)
    assert graph.refreshes == before
    window.docks["graph_dropped"].show()
    qtbot.waitUntil(lambda: graph.refreshes > before, timeout=3000)


def test_a_restart_mid_show_brings_the_graphs_back(qtbot, sim: SimulatorThread, make_window) -> None:
    first: MainWindow = make_window(sim.port)
    first.set_room("一号直播间", demo=False)
    wait_connected(qtbot, first)
    qtbot.waitUntil(lambda: len(first.telemetry.telemetry.ring) >= 4, timeout=8000)
    recorded = len(first.telemetry.telemetry.ring)
    first.close()  # writes what is left; the show stays open
    second: MainWindow = make_window(sim.port)
    second.apply_workspace("Technician")
    second.set_room("一号直播间", demo=False)
    qtbot.waitUntil(lambda: second.telemetry.show_id is not None, timeout=8000)
    qtbot.waitUntil(lambda: len(second.telemetry.telemetry.ring) >= recorded, timeout=5000)
    # the earlier seconds are drawn again
    qtbot.waitUntil(
        lambda: np.isfinite(curve_data(second, "graph_cpu", "cpu_system_pct")[1]).sum() >= recorded - 1, timeout=5000
    )


def test_a_long_window_keeps_spikes_and_gaps_when_reduced_to_pixel_columns() -> None:
    from widgets.telemetry_graph import _min_max_columns

    x = np.arange(28_800, dtype=np.float64)
    y = np.full(28_800, 50.0)
    y[10_000] = 400.0  # one bad second in eight hours
    y[20_000:20_600] = np.nan  # ten minutes without OBS
    rx, ry = _min_max_columns(x, y, pixels=700)
    assert len(rx) < 3000, "a few points per pixel, however long the show"
    assert np.nanmax(ry) == 400.0 and np.nanmin(ry) == 50.0
    gap = (rx > 20_050) & (rx < 20_550)
    assert gap.any() and np.isnan(ry[gap]).all(), "a gap stays a gap"
    assert np.all(np.diff(rx) >= 0)


def test_the_axes_move_in_steps_not_every_second(qtbot, sim: SimulatorThread, make_window) -> None:
    """A graph following live re-lays its axes out only when the picture needs it: the y top is a round
    value that holds while the data wanders, and the time axis moves a tenth of the window at a time."""
    from widgets.telemetry_graph import SCROLL_STEPS, _round_top

    assert [_round_top(v, None) for v in (0.7, 3.1, 2400, 2600, 7100)] == [0.8, 4.0, 2500.0, 3000.0, 8000.0]
    assert _round_top(2200, 5000.0) == 5000.0 and _round_top(1900, 5000.0) == 2000.0, "shrinks only well below"
    window = streaming_window(qtbot, sim, make_window)
    graph = window.graph("graph_bitrate")
    ranges = set()
    for _ in range(4):
        qtbot.wait(1000)
        (left, right), _ = graph.panes[0].plot.viewRange()
        newest = float(window.telemetry.telemetry.ring.last(1)[0][0]) + window.telemetry.telemetry.wall_offset
        step = 300.0 / SCROLL_STEPS
        assert right - left == pytest.approx(300.0) and 0 <= right - newest <= step + 1.5, (right, newest)
        ranges.add((round(left), round(right)))
    assert len(ranges) <= 2, "four seconds moved the time axis at most once"
