"""What the Comments dock costs the GUI thread under a comment flood: a real source (the JSON-lines file tail, on its
own thread) fed by a writer thread at 200 messages/s for 60 s, then 2,000/s for 10 s, after a 2 s warm-up at
50/s; the dock reads the feed on each sig_arrived (emitted a few times a second, as the chat controller does).
Prints messages shown per second, the GUI thread's longest stall and p99 (a 10 ms heartbeat timer's lateness),
memory before and after. Asserts nothing; the target from issue 20 is a longest stall ≤ 50 ms.

Run: QT_QPA_PLATFORM=offscreen python -m benchmarks.comments [--short] [--tick-ms 250]"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import threading
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


class Writer(threading.Thread):
    """Another tool appending comments to the file at `rate` lines a second, in 10 ms steps."""

    def __init__(self, path: Path) -> None:
        super().__init__(daemon=True, name="comment-writer")
        self.path = path
        self.rate = 0.0
        self.written = 0
        self.halt = threading.Event()
        self._rng = random.Random(20)

    def run(self) -> None:
        with self.path.open("a", encoding="utf-8") as handle:
            start, owed = time.perf_counter(), 0.0
            last = start
            while not self.halt.wait(0.01):
                now = time.perf_counter()
                owed += self.rate * (now - last)
                last = now
                burst = int(owed)
                owed -= burst
                if burst:
                    handle.write("".join(line(self.written + i, self._rng) for i in range(burst)))
                    handle.flush()
                    self.written += burst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="10 s at 200/s and 3 s at 2,000/s (a quick look)")
    parser.add_argument("--tick-ms", type=int, default=250, help="how often the port says that comments arrived")
    args = parser.parse_args()
    # The first phase is the warm-up: the first paints of the list rasterise every glyph they meet for the first
    # time (a one-off ~50 ms on this machine), apart from the sustained figures; its stall is printed too.
    phases = [(50.0, 2.0), (200.0, 10.0 if args.short else 60.0), (2000.0, 3.0 if args.short else 10.0)]

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

    lateness: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        lateness.append(max(0.0, (now - last[0]) * 1000 - HEARTBEAT_MS))
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.timeout.connect(beat)

    writer = Writer(path)
    inserted = [0]
    dock.model.rowsInserted.connect(lambda _parent, first, end: inserted.__setitem__(0, inserted[0] + end - first + 1))
    results: list[str] = []
    phase_index = [0]
    mark: dict[str, float] = {}

    def start_phase() -> None:
        rate, seconds = phases[phase_index[0]]
        lateness.clear()
        mark.update(t=time.perf_counter(), written=writer.written, seq=dock.seq, missed=dock.missed, rows=inserted[0])
        last[0] = time.perf_counter()
        writer.rate = rate
        QTimer.singleShot(int(seconds * 1000), end_phase)

    def end_phase() -> None:
        rate, seconds = phases[phase_index[0]]
        span = time.perf_counter() - mark["t"]
        read = (dock.seq - mark["seq"]) - (dock.missed - mark["missed"])
        ordered = sorted(lateness)
        p99 = ordered[int(0.99 * (len(ordered) - 1))] if ordered else 0.0
        results.append(
            ("warm-up " if phase_index[0] == 0 else "")
            + f"{rate:,.0f}/s for {seconds:.0f} s: written {(writer.written - mark['written']) / span:,.0f}/s, "
            f"shown {read / span:,.0f} messages/s ({(inserted[0] - mark['rows']) / span:,.0f} rows/s, likes grouped), "
            f"missed {dock.missed - mark['missed']:,.0f}; GUI thread: longest stall {max(ordered, default=0):.1f} ms, "
            f"p99 {p99:.1f} ms over {len(ordered):,} heartbeats of {HEARTBEAT_MS} ms"
        )
        phase_index[0] += 1
        if phase_index[0] < len(phases):
            start_phase()
        else:
            writer.rate = 0.0
            QTimer.singleShot(1000, app.quit)  # the last ticks drain what is left

    source.start()
    writer.start()
    heartbeat.start(HEARTBEAT_MS)
    QTimer.singleShot(500, start_phase)  # the source's first look at the file first
    app.exec()
    heartbeat.stop()
    ticker.stop()
    writer.halt.set()
    writer.join(5)
    source.stop()
    source.join(5)
    rss_after = me.memory_info().rss
    print(f"Comments dock, sig_arrived every {args.tick_ms} ms, a view of {dock.model.max_rows:,} rows")
    for result in results:
        print("  " + result)
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
