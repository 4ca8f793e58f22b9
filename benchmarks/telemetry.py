"""Telemetry benchmark: the console's CPU and graph refresh time with every graph dock visible, 8 hours of
1 Hz history loaded and 8 audio inputs metering at 20 Hz; and memory across an 8-hour show fed fast.

    .venv/bin/python benchmarks/telemetry.py [--cpu-seconds 60] [--hours 8]

Each measurement runs in a child process (offscreen Qt); the simulated OBS runs in a process of its own.
Prints figures; asserts nothing (shared, noisy machines).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks._simulator import PASSWORD, start_simulator  # noqa: E402

ROOM = "benchmark room"
#: Memory growth is counted from here: by then the storage modules have loaded on the writer thread
#: and every graph has painted once (one-off costs, not growth).
WARM_UP_S = 600
#: Seconds between the history being on screen and the steady-state measurement.
SETTLE_S = 5.0


def prefill(url: str, hours: float) -> int:
    """An unfinished show of `hours` at 1 Hz ending now, as the console would have written it."""
    from datetime import UTC, datetime

    from console.core.storage import Storage
    from console.core.telemetry.channels import CHANNELS

    storage = Storage(url)
    storage.migrate()
    show, _ = storage.open_show(ROOM, datetime.now(UTC), 0)
    end = time.time() - 2
    seconds = int(hours * 3600)
    # A show's figures wander and jitter from second to second (a sawtooth would be a worst case no show has).
    rng = random.Random(8)
    level = {name: 50.0 for name in CHANNELS}
    for start in range(0, seconds, 3600):
        rows = []
        for i in range(start, min(seconds, start + 3600)):
            row: dict[str, object] = {}
            for name in CHANNELS:
                level[name] = min(100.0, max(0.0, level[name] + rng.gauss(0.0, 0.5)))
                row[name] = level[name] * rng.uniform(0.95, 1.05)
            row.update(t=end - seconds + i, bitrate_kbps=2500.0 * rng.uniform(0.93, 1.07), congestion=0.0)
            row.update(viewers=1000.0 + level["viewers"] * 20, cpu_cores="10.0,20.0")
            rows.append(row)
        markers = [{"t": end - seconds + start + 30, "kind": "scene", "detail": "产品讲解"}]
        storage.add_telemetry(show.id, rows, markers)
    storage.close()
    return seconds


def graph_layout(window, seconds: float | None) -> None:  # type: ignore[no-untyped-def]
    """Every graph dock visible side by side (none tabbed), plus the audio dock with its 8 meters."""
    from PySide6.QtCore import Qt

    from console.docks import GRAPH_DOCKS

    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    for dock in window.docks.values():
        dock.hide()
    columns = [["graph_bitrate", "graph_dropped", "graph_fps"], ["graph_cpu", "graph_audience", "audio"]]
    for area, ids in zip((left, right), columns, strict=True):
        for index, dock_id in enumerate(ids):
            dock = window.docks[dock_id]
            window.addDockWidget(area, dock)
            dock.show()
            if index:
                window.splitDockWidget(window.docks[ids[index - 1]], dock, Qt.Orientation.Vertical)
    for graph_id in GRAPH_DOCKS:
        window.graph(graph_id).set_window(seconds)


def _time_frames(window: Any, frames: list[float], cpu_frames: list[float]) -> dict[int, tuple[float, float]]:
    """Time each graph frame into `frames` (wall ms) and `cpu_frames` (CPU ms); return the refreshes awaiting
    their paint (to be cleared when the measurement starts)."""
    # A frame = one graph's refresh (new data into its items) + the paint that follows it, timed where they
    # happen: forcing a paint from here would paint every frame twice and count the extra one as console CPU.
    import pyqtgraph as pg

    from console.docks import GRAPH_DOCKS

    pending: dict[int, tuple[float, float]] = {}  # canvas -> (refresh wall ms, refresh CPU ms) awaiting its paint
    original_paint = pg.GraphicsView.paintEvent

    def paint_event(view, event):  # type: ignore[no-untyped-def]
        started, cpu_started = time.perf_counter(), time.thread_time()
        original_paint(view, event)
        refreshed = pending.pop(id(view), None)
        if refreshed is not None:
            frames.append(refreshed[0] + (time.perf_counter() - started) * 1000)
            cpu_frames.append(refreshed[1] + (time.thread_time() - cpu_started) * 1000)

    pg.GraphicsView.paintEvent = paint_event

    def timed(graph: Any) -> None:
        original = graph.refresh

        def refresh(force: bool = False) -> None:
            started, cpu_started, before = time.perf_counter(), time.thread_time(), graph.refreshes
            original(force)
            if graph.refreshes == before:
                return  # nothing new to show (a hidden graph, or a long window that has not moved a pixel)
            pending[id(graph.canvas)] = (
                (time.perf_counter() - started) * 1000,
                (time.thread_time() - cpu_started) * 1000,
            )

        graph.refresh = refresh

    for graph_id in GRAPH_DOCKS:
        timed(window.graph(graph_id))
    return pending


# ---------------------------------------------------------------------- child: steady state
def child_steady(url: str, seconds: float, database: str, history: int, graph_window: float | None) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["ONAIR_DATABASE_URL"] = database
    import psutil
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from console.app import Console, Options
    from console.settings import Settings

    app = QApplication([])
    console = Console(app, Options(url=url, password_env="ONAIR_BENCH_PW"), Settings(Path(tempfile.mkdtemp())))
    window = console.window
    window.resize(1600, 1000)
    window.set_room(ROOM, demo=False)
    graph_layout(window, graph_window)
    window.show()
    controller = console.telemetry
    frames: list[float] = []
    cpu_frames: list[float] = []
    pending = _time_frames(window, frames, cpu_frames)
    result: dict[str, float] = {}

    def ready() -> bool:
        return (
            console.bridge.state.connected
            and len(window.audio.strips) >= 8
            and len(controller.telemetry.ring) >= history
            and console.bridge.tracker.rates is not None
        )

    def begin() -> None:
        if not ready():
            QTimer.singleShot(100, begin)
            return
        # The seconds right after the history arrives carry one-off costs (the first paint of 8 hours, text
        # layouts cached for the first time): the steady state is measured from SETTLE_S on.
        QTimer.singleShot(int(SETTLE_S * 1000), measure)

    def measure() -> None:
        me = psutil.Process()
        frames.clear()
        cpu_frames.clear()
        pending.clear()
        cpu0, t0 = me.cpu_times(), time.perf_counter()
        rss0 = me.memory_info().rss

        def finish() -> None:
            cpu1, t1 = me.cpu_times(), time.perf_counter()
            result["cpu_pct_one_core"] = 100 * ((cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)) / (t1 - t0)
            ordered = sorted(frames) or [0.0]
            result["frames"] = len(frames)
            result["frame_p50_ms"] = statistics.median(ordered)
            result["frame_p99_ms"] = ordered[int(0.99 * (len(ordered) - 1))]
            result["frame_max_ms"] = ordered[-1]
            cpu_ordered = sorted(cpu_frames) or [0.0]
            result["frame_cpu_p50_ms"] = statistics.median(cpu_ordered)
            result["frame_cpu_p99_ms"] = cpu_ordered[int(0.99 * (len(cpu_ordered) - 1))]
            result["history_rows"] = len(controller.telemetry.ring)
            result["graph_ms_per_s"] = sum(frames) / (t1 - t0)
            result["rss_mb"] = me.memory_info().rss / 2**20
            result["rss_growth_mb"] = (me.memory_info().rss - rss0) / 2**20
            app.quit()

        QTimer.singleShot(int(seconds * 1000), finish)

    QTimer.singleShot(0, begin)
    app.exec()
    console.shutdown()
    print("RESULT " + json.dumps(result), flush=True)


# ---------------------------------------------------------------------- child: an 8-hour show, fast
def child_soak(hours: float, database: str) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import psutil
    from pyqtgraph.util.garbage_collector import GarbageCollector
    from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter

    from console.bridge import Endpoint, ObsBridge
    from console.core.telemetry.channels import CHANNELS, Marker, make_sample
    from console.graphs import GRAPHS
    from console.telemetry_controller import TelemetryController
    from widgets.telemetry_graph import TelemetryGraph

    app = QApplication([])
    collector = GarbageCollector(interval=1.0)  # as the console does: collect on this thread only
    me = psutil.Process()
    bridge = ObsBridge()
    controller = TelemetryController(bridge, storage_url=database)
    bridge.connect_to(Endpoint("127.0.0.1", 9), ROOM)  # nobody answers there: the show is fed by this loop
    bridge._timer.stop()  # fed by this loop, not by the session's clock
    assert bridge.session is not None
    session = bridge.session
    window = QMainWindow()
    splitter = QSplitter()
    graphs = [TelemetryGraph(controller, spec) for spec in GRAPHS]
    for graph in graphs:
        graph.set_window(None)
        splitter.addWidget(graph)
    window.setCentralWidget(splitter)
    window.resize(1600, 600)
    window.show()
    app.processEvents()
    seconds = int(hours * 3600)
    start = time.monotonic() - seconds
    telemetry = controller.telemetry
    empty = me.memory_info().rss / 2**20
    hourly: list[float] = []
    began = time.perf_counter()
    for i in range(seconds):
        values: dict[str, float | None] = {name: float((i * 7 + k) % 101) for k, name in enumerate(CHANNELS)}
        if i % 600 < 20:  # a gap now and then, as when OBS restarts
            values.update(bitrate_kbps=None, fps=None)
        telemetry.record(make_sample(start + i, values, (12.0, 34.0, 56.0, 78.0)))
        if i % 300 == 0:
            telemetry.mark(Marker(start + i, "scene", f"场景 {i // 300 % 7}"))
        if i % 60 == 59:  # the writer gets a minute at a time; the graphs redraw as they would each second
            if session._writer is not None:
                session._writer.put(*telemetry.take_unsaved())
            controller.sig_sampled.emit()
            app.processEvents()
        if i == WARM_UP_S - 1 or i % 3600 == 3599:
            # Fed thousands of times faster than real time, the writer falls behind; in a real show it
            # keeps up (a row a second). Let it catch up, so its backlog is not counted as growth.
            writer = session._writer
            while writer is not None and (not writer._inbox.empty() or writer.pending()):
                time.sleep(0.05)
            hourly.append(me.memory_info().rss / 2**20)
    controller.shutdown()
    collector.timer.stop()
    result = {
        "seconds_fed": seconds,
        "wall_s": time.perf_counter() - began,
        "rss_empty_mb": empty,
        "rss_start_mb": hourly[0],
        "rss_hourly_mb": hourly[1:],
        "rss_growth_mb": hourly[-1] - hourly[0],
        "rss_growth_last_half_mb": hourly[-1] - hourly[len(hourly) // 2],
    }
    print("RESULT " + json.dumps(result), flush=True)


# ---------------------------------------------------------------------- parent
def run_child(args: list[str], timeout: float) -> dict[str, Any]:
    env = dict(os.environ, ONAIR_BENCH_PW=PASSWORD, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, env=env, cwd=REPO, timeout=timeout
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return dict(json.loads(line[7:]))
    raise SystemExit(f"the benchmark child failed:\n{proc.stderr[-3000:]}")


def report_steady(steady: dict[str, float], name: str, seconds: float) -> None:
    print(
        f"All 5 graph docks visible ({name}), {steady['history_rows']:.0f} s of history loaded, "
        f"8 audio inputs metering at 20 Hz, {seconds:.0f} s:"
    )
    print(f"  console CPU {steady['cpu_pct_one_core']:.2f} % of one core   (target <= 3 %)")
    print(
        f"  refresh per frame (one graph's new data + paint): p50 {steady['frame_p50_ms']:.1f} ms, "
        f"p99 {steady['frame_p99_ms']:.1f} ms, max {steady['frame_max_ms']:.1f} ms over {steady['frames']:.0f} frames"
        "   (target p99 <= 8 ms)"
    )
    print(
        f"  of which the GUI thread's own CPU: p50 {steady['frame_cpu_p50_ms']:.1f} ms, "
        f"p99 {steady['frame_cpu_p99_ms']:.1f} ms (the rest is waiting: other threads, the machine)"
    )
    print(f"  all graphs together: {steady['graph_ms_per_s']:.1f} ms of GUI time per second")
    print(f"  resident memory {steady['rss_mb']:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child")
    parser.add_argument("--url", default="")
    parser.add_argument("--database", default="")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--history", type=int, default=0)
    parser.add_argument("--window", type=float, default=0.0, help="graph window in s; 0 = the whole show")
    parser.add_argument("--cpu-seconds", type=float, default=60.0)
    parser.add_argument("--hours", type=float, default=8.0)
    parser.add_argument("--five-minutes-only", action="store_true", help="only the 5-minute steady state")
    args = parser.parse_args()
    if args.child == "steady":
        child_steady(args.url, args.seconds, args.database, args.history, args.window or None)
        return
    if args.child == "soak":
        child_soak(args.hours, args.database)
        return

    with tempfile.TemporaryDirectory() as folder:
        database = f"sqlite:///{Path(folder) / 'onair.db'}"
        history = prefill(database, args.hours)
        sim, port = start_simulator(audio_inputs=8)
        try:
            cases = ((300.0, "5-minute window"), (0.0, "whole-show window"))
            for graph_window, name in cases[:1] if args.five_minutes_only else cases:
                url = f"ws://127.0.0.1:{port}"
                steady_args = ["--child", "steady", "--url", url, "--seconds", str(args.cpu_seconds)]
                steady_args += ["--database", database, "--history", str(history), "--window", str(graph_window)]
                report_steady(run_child(steady_args, args.cpu_seconds + 180), name, args.cpu_seconds)
        finally:
            sim.terminate()
            sim.wait(5)
    if args.five_minutes_only:
        return

    with tempfile.TemporaryDirectory() as folder:
        soak = run_child(
            ["--child", "soak", "--hours", str(args.hours), "--database", f"sqlite:///{Path(folder) / 'soak.db'}"],
            3600,
        )
    hourly = ", ".join(f"{v:.0f}" for v in soak["rss_hourly_mb"])
    print(f"A {args.hours:g}-hour show fed at accelerated speed ({soak['wall_s']:.0f} s), all graphs redrawing:")
    print(
        f"  memory growth from minute 10 to the end {soak['rss_growth_mb']:.1f} MB (target <= 50 MB); "
        f"over the second half {soak['rss_growth_last_half_mb']:.1f} MB"
    )
    print(
        f"  resident memory: {soak['rss_empty_mb']:.0f} MB before the show (start-up one-offs until minute 10: "
        f"{soak['rss_start_mb'] - soak['rss_empty_mb']:.0f} MB), at minute 10 {soak['rss_start_mb']:.0f}, "
        f"then by hour {hourly} MB"
    )


if __name__ == "__main__":
    main()
