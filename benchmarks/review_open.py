"""Review benchmark: open an 8-hour stored show (28,800 seconds × every channel, scene switches, markers and
findings) on SQLite and on PostgreSQL, and analyse it (scene timeline, segment table, incident impact, summary).

    .venv/bin/python benchmarks/review_open.py [--hours 8] [--repeat 5] [--postgres URL] [--draw]

Without --postgres a throwaway PostgreSQL cluster is started (and removed) as the test suite does. Prints the
median and the worst of the repeats; asserts nothing (shared, noisy machines). The target for the review screen:
open + draw every graph <= 1 s. With --draw, the loaded show is also drawn once with pyqtgraph offscreen (the
graph docks' channels as separate plots, peak downsampling and clip-to-view as the live graphs use), to show what
is left of that second for the screen.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.conftest import throwaway_database  # noqa: E402

ROOM = "benchmark room"
SCENES = ("开场", "产品讲解", "商品特写", "抽奖互动")


def build(url: str, hours: float) -> int:
    """An ended show of `hours` at 1 Hz: wandering figures, a scene switch every 10 minutes, a network
    episode every 25 minutes with the audience dipping, a 2-minute gap (the console restarted) every 2 hours."""
    from console.core.storage import Storage
    from console.core.telemetry.channels import CHANNELS

    storage = Storage(url)
    storage.migrate()
    seconds = int(hours * 3600)
    start = time.time() - seconds - 60
    show, _ = storage.open_show(ROOM, datetime.fromtimestamp(start, UTC), 0)
    rng = random.Random(8)
    level = {name: 50.0 for name in CHANNELS}
    likes = interactions = 0.0
    for hour in range(0, seconds, 3600):
        rows, markers, findings = [], [], []
        for i in range(hour, min(seconds, hour + 3600)):
            if i % 7200 >= 7080:
                continue  # the console was not running: a gap
            row: dict[str, object] = {}
            for name in CHANNELS:
                level[name] = min(100.0, max(0.0, level[name] + rng.gauss(0.0, 0.5)))
                row[name] = level[name] * rng.uniform(0.95, 1.05)
            into = i % 1500
            dip = 0.8 if 0 <= into - 600 < 180 else 1.0
            viewers = (2000.0 + level["viewers"] * 20) * dip
            likes += viewers * 0.02
            interactions += viewers * 0.002
            row.update(t=start + i, viewers=round(viewers), likes=round(likes), interactions=round(interactions))
            row.update(streaming=1.0, cpu_cores="10.0,20.0")
            rows.append(row)
            if i % 600 == 0:
                markers.append({"t": start + i, "kind": "scene", "detail": SCENES[(i // 600) % len(SCENES)]})
            if into == 600:
                findings.append(
                    {
                        "key": f"network-{i}",
                        "finding_id": "network",
                        "category": "network",
                        "severity": "critical",
                        "peak": "critical",
                        "first_seen": start + i,
                        "last_seen": start + i + 60,
                        "closed_at": start + i + 70,
                        "active": False,
                        "message": "network drops",
                        "template": "network drops {pct} %",
                        "fields": json.dumps({"pct": 7.5}),
                        "remedies": "[]",
                    }
                )
        storage.add_telemetry(show.id, rows, markers, findings)
    storage.end_show(show.id, datetime.fromtimestamp(start + seconds, UTC))
    storage.close()
    return show.id


def measure(url: str, show_id: int, repeat: int) -> dict[str, list[float]]:
    from console.core.review.compare import summarize
    from console.core.review.impact import show_impact
    from console.core.review.load import load_show
    from console.core.review.segments import segment_table
    from console.core.review.timeline import on_air, scene_timeline
    from console.core.storage import Storage

    times: dict[str, list[float]] = {"open": [], "analyse": []}
    for _ in range(repeat):
        storage = Storage(url)  # a fresh engine each time: the review screen opens a show cold
        began = time.perf_counter()
        data = load_show(storage, show_id)
        loaded = time.perf_counter()
        scene_timeline(data)
        on_air(data)
        segment_table(data)
        show_impact(data)
        summarize(data)
        done = time.perf_counter()
        storage.close()
        times["open"].append(loaded - began)
        times["analyse"].append(done - loaded)
    rows = len(data.t)
    print(
        f"    {rows} rows × {data.values.shape[1]} channels, {len(data.markers)} markers, {len(data.episodes)} episodes"
    )
    return times


#: The graph docks' channels, one plot each (what the review screen will draw).
GRAPHS = (
    ("bitrate_kbps", "net_up_kbps"),
    ("drop_render_pct", "drop_encode_pct", "drop_network_pct"),
    ("fps", "render_ms"),
    ("cpu_system_pct", "obs_cpu_pct", "cpu_busiest_core_pct"),
    ("viewers", "likes", "interactions"),
)


def draw(url: str, show_id: int) -> None:
    """Open the show and draw every graph once, offscreen; print the time of each step."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from console.core.review.load import load_show
    from console.core.storage import Storage

    app = QApplication.instance() or QApplication([])
    storage = Storage(url)
    began = time.perf_counter()
    data = load_show(storage, show_id)
    loaded = time.perf_counter()
    window = pg.GraphicsLayoutWidget(size=(1366, 768))
    for row, channels in enumerate(GRAPHS):
        plot = window.addPlot(row=row, col=0)
        plot.setDownsampling(mode="peak")
        plot.setClipToView(True)
        for channel in channels:
            t, values = data.line(channel)
            plot.plot(t, values, connect="finite", skipFiniteCheck=False)
    window.show()
    app.processEvents()
    window.grab()
    drawn = time.perf_counter()
    storage.close()
    print(
        f"  draw      open {1000 * (loaded - began):.0f} ms + {len(GRAPHS)} graphs drawn "
        f"{1000 * (drawn - loaded):.0f} ms = {1000 * (drawn - began):.0f} ms"
    )


def report(name: str, times: dict[str, list[float]]) -> None:
    for what, values in times.items():
        median, worst = statistics.median(values) * 1000, max(values) * 1000
        print(f"  {name:10s} {what:8s} median {median:6.0f} ms   worst {worst:6.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=8.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", help="a PostgreSQL URL with an empty database (default: a throwaway cluster)")
    parser.add_argument("--draw", action="store_true", help="also draw the show's graphs once (pyqtgraph, offscreen)")
    args = parser.parse_args()
    print(f"Opening a {args.hours:g}-hour show for review ({args.repeat} times each):")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'onair.db'}"
        print("  SQLite:")
        show_id = build(url, args.hours)
        report("SQLite", measure(url, show_id, args.repeat))
        if args.draw:
            draw(url, show_id)
    with throwaway_database("review", args.postgres) as url:
        print("  PostgreSQL:")
        report("PostgreSQL", measure(url, build(url, args.hours), args.repeat))


if __name__ == "__main__":
    main()
