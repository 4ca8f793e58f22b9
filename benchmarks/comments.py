"""What the Comments dock costs the GUI thread under a comment flood: a real source (the JSON-lines file tail, on its
own thread) fed by a writer process at 200 messages/s for 60 s, then 2,000/s for 10 s, after a 2 s warm-up at
50/s; the dock reads the feed on each sig_arrived (emitted a few times a second, as the chat controller does).
Prints messages shown per second, the GUI thread's longest stall and p99 (a 10 ms heartbeat timer's lateness),
memory before and after. Asserts nothing; the target from issue 20 is a longest stall ≤ 50 ms.

Run: QT_QPA_PLATFORM=offscreen python -m benchmarks.comments [--short] [--tick-ms 250]"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

HEARTBEAT_MS = 10
TEXTS = (
    "主播好！这件衣服有没有大一点的尺码？",
    "卡了卡了，画面卡顿",
    "没声音了吗？听不到",
    "😀👍🏽 好看好看 🎉",
    "Is this waterproof? 多少钱",
    "支持主播！！！" * 3,
    "ありがとう 감사합니다 thanks",
    "这个颜色真的很适合夏天穿，面料摸起来怎么样？会不会起球？洗了会不会缩水？" * 4,
)
KINDS = ("comment",) * 16 + ("like",) * 2 + ("gift", "enter", "follow")


def line(n: int, rng: random.Random) -> str:
    kind = rng.choice(KINDS)
    record: dict[str, object] = {"id": str(n), "user": f"观众{rng.randrange(5000)}", "uid": str(n % 5000), "kind": kind}
    if kind == "comment":
        record["text"] = rng.choice(TEXTS)
    elif kind == "gift":
        record.update(gift=rng.choice(("小心心", "辣条", "棒棒糖")), count=rng.randrange(1, 10))
    elif kind == "like":
        record["count"] = rng.randrange(1, 20)
    return json.dumps(record, ensure_ascii=False) + "\n"


def write(path: Path, phases: list[tuple[float, float]]) -> None:
    """Another tool appending comments to the file (a process of its own, as it is in a room): each phase's rate
    in 10 ms steps, then a line saying how many it wrote per phase."""
    rng = random.Random(20)
    written, counts = 0, []
    with path.open("a", encoding="utf-8") as handle:
        for rate, seconds in phases:
            start = last = time.perf_counter()
            owed, before = 0.0, written
            while (now := time.perf_counter()) - start < seconds:
                owed += rate * (now - last)
                last = now
                burst = int(owed)
                owed -= burst
                if burst:
                    handle.write("".join(line(written + i, rng) for i in range(burst)))
                    handle.flush()
                    written += burst
                time.sleep(0.01)
            counts.append(written - before)
    print(json.dumps(counts), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="10 s at 200/s and 3 s at 2,000/s (a quick look)")
    parser.add_argument("--tick-ms", type=int, default=250, help="how often the port says that comments arrived")
    parser.add_argument("--write", type=Path, help=argparse.SUPPRESS)  # the writer's own process
    parser.add_argument("--phases", help=argparse.SUPPRESS)
    args = parser.parse_args()
    # The first phase is the warm-up: the first paints of the list rasterise every glyph they meet for the first
    # time (a one-off ~50 ms on this machine), apart from the sustained figures; its stall is printed too.
    phases = [(50.0, 2.0), (200.0, 10.0 if args.short else 60.0), (2000.0, 3.0 if args.short else 10.0)]
    if args.write is not None:
        write(args.write, json.loads(args.phases))
        return

    app = QApplication([])
    from console.core.chat.feed import ChatFeed
    from console.core.chat.file_tail import ChatFileTail
    from tests.gui.test_comments_dock import FeedPort
    from widgets.comments_dock import CommentsDock

    me = psutil.Process()
    folder = Path(tempfile.mkdtemp())
    path = folder / "comments.jsonl"
    path.write_text("", encoding="utf-8")
    feed = ChatFeed()
    port = FeedPort(feed, keywords=("卡", "没声音", "lag"), own=("主播小美",))
    source = ChatFileTail(feed, path, poll_s=0.05, source_id="file")
    dock = CommentsDock(port)
    dock.resize(520, 720)
    dock.show()
    app.processEvents()
    rss_before = me.memory_info().rss

    seen = [feed.seq]

    def arrived() -> None:  # the controller's part: at most one wake-up per tick
        if feed.seq != seen[0]:
            seen[0] = feed.seq
            port.sig_arrived.emit()

    ticker = QTimer()
    ticker.timeout.connect(arrived)
    ticker.start(args.tick_ms)

    # Each heartbeat's lateness, and how much of it the GUI thread spent working (thread CPU time): on a machine
    # shared with other work the rest is the thread waiting for a core or for the GIL.
    lateness: list[tuple[float, float]] = []
    last = [time.perf_counter(), time.thread_time()]

    def beat() -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        lateness.append((max(0.0, (now - last[0]) * 1000 - HEARTBEAT_MS), (cpu - last[1]) * 1000))
        last[0], last[1] = now, cpu

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.timeout.connect(beat)

    inserted = [0]
    dock.model.rowsInserted.connect(lambda _parent, first, end: inserted.__setitem__(0, inserted[0] + end - first + 1))
    results: list[str] = []
    phase_index = [0]
    mark: dict[str, float] = {}
    writer: list[subprocess.Popen[str]] = []

    def start_phase() -> None:
        _rate, seconds = phases[phase_index[0]]
        lateness.clear()
        mark.update(t=time.perf_counter(), seq=dock.seq, missed=dock.missed, rows=inserted[0])
        last[0], last[1] = time.perf_counter(), time.thread_time()
        QTimer.singleShot(int(seconds * 1000), end_phase)

    def end_phase() -> None:
        rate, seconds = phases[phase_index[0]]
        span = time.perf_counter() - mark["t"]
        read = (dock.seq - mark["seq"]) - (dock.missed - mark["missed"])
        ordered = sorted(lateness)
        worst = ordered[-1] if ordered else (0.0, 0.0)
        p99 = ordered[int(0.99 * (len(ordered) - 1))][0] if ordered else 0.0
        rows = (inserted[0] - mark["rows"]) / span
        busiest = max((cpu for _late, cpu in lateness), default=0.0)
        results.append(
            ("warm-up " if phase_index[0] == 0 else "")
            + f"{rate:,.0f}/s for {seconds:.0f} s: shown {read / span:,.0f} messages/s ({rows:,.0f} rows/s, likes "
            f"grouped), missed {dock.missed - mark['missed']:,}; GUI thread: longest stall {worst[0]:.1f} ms (of it "
            f"{worst[1]:.1f} ms the thread's own work), p99 {p99:.1f} ms over {len(ordered):,} heartbeats of "
            f"{HEARTBEAT_MS} ms; the most the GUI thread worked between two heartbeats {busiest:.1f} ms"
        )
        phase_index[0] += 1
        if phase_index[0] < len(phases):
            start_phase()
        else:
            QTimer.singleShot(1000, app.quit)  # the last ticks drain what is left

    def begin() -> None:
        writer.append(
            subprocess.Popen(
                [sys.executable, "-m", "benchmarks.comments", "--write", str(path), "--phases", json.dumps(phases)],
                stdout=subprocess.PIPE,
                text=True,
            )
        )
        start_phase()

    source.start()
    heartbeat.start(HEARTBEAT_MS)
    QTimer.singleShot(500, begin)  # the source's first look at the file first
    app.exec()
    heartbeat.stop()
    ticker.stop()
    written = json.loads(writer[0].communicate(timeout=30)[0].strip().splitlines()[-1]) if writer else []
    source.stop()
    source.join(5)
    rss_after = me.memory_info().rss
    print(f"Comments dock, sig_arrived every {args.tick_ms} ms, a view of {dock.model.max_rows:,} rows")
    for result, count, (_rate, seconds) in zip(results, written, phases, strict=False):
        print(f"  {result}; written {count / seconds:,.0f}/s")
    print(
        f"  memory: {rss_before / 2**20:.1f} MiB before, {rss_after / 2**20:.1f} MiB after "
        f"({len(dock.model.rows):,} rows in the view, {len(feed.newest()):,} events in the feed, "
        f"{feed.accepted:,} accepted, {feed.duplicates:,} duplicates)"
    )
    print(f"  the feed's overflow as the dock says it: {dock.missed_label.text() or '(none)'}")
    print("  target (issue 20): longest stall ≤ 50 ms")
    path.unlink()
    folder.rmdir()


if __name__ == "__main__":
    main()
