"""Show review benchmark: the Shows browser's first page with 10,000 stored shows, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/review.py [--shows 10000] [--sampled 200] [--postgres URL]

What is filled (the same in both databases): 10,000 shows over a year in 8 rooms (one to three a day each, 1 to 8
hours), 30 hosts (one or two a show), 12 tags (product lines, one to three a show), titles; each show's stored
summary (as written when it ended) with a realistic spread (an audience unknown for about one show in twenty);
for `--sampled` of them (200 by default) their per-second rows too (1,800 each, every channel; their summaries
computed from the rows by the storage, as a show's end does), and one 8-hour show (28,800 rows) to time what a
show's end costs. Without --postgres a throwaway PostgreSQL cluster is started (initdb/pg_ctl, as the tests do).

Also (measure_show_exports; --exports-only runs only it): an 8-hour show's XLSX and CSV, and a period report.

Each measurement is a function; main() calls them in turn (the show-analysis figures, e.g. "open an 8-hour show",
are added beside them). Prints figures; asserts nothing (shared, noisy machines).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import Qt  # noqa: E402

from console.core.review.shows import ShowQuery  # noqa: E402
from console.core.storage import (  # noqa: E402
    SHOW_META,
    SHOW_PEOPLE,
    SHOW_SUMMARIES,
    SHOW_TAGS,
    ShowRow,
    Storage,
)
from console.core.telemetry.channels import CHANNELS  # noqa: E402
from tests.conftest import throwaway_database  # noqa: E402

ROOMS = [f"{n}号直播间" for n in range(1, 8)] + ["demo"]
HOSTS = [f"主播{chr(0x4E00 + n * 37)}{n}" for n in range(30)]
TAGS = ["美妆", "服装", "食品", "家电", "母婴", "新品", "清仓", "大促", "日用", "数码", "图书", "户外"]
REPEATS = 7


def fill(storage: Storage, shows: int, sampled: int, seed: int = 18) -> dict[str, Any]:
    """The studio described at the top; returns what a measurement needs (a host, a tag, a date range)."""
    from sqlalchemy import insert

    rng = random.Random(seed)
    start = datetime(2025, 11, 1, 8, tzinfo=UTC)
    show_rows: list[dict[str, Any]] = []
    meta: list[dict[str, Any]] = []
    people: list[dict[str, Any]] = []
    tags: list[dict[str, Any]] = []
    summaries: list[dict[str, Any]] = []
    for show_id in range(1, shows + 1):
        room = rng.choice(ROOMS)
        began = start + timedelta(minutes=show_id * 52 + rng.randint(0, 40))
        seconds = rng.randint(3600, 8 * 3600)
        ended = began + timedelta(seconds=seconds)
        show_rows.append({"id": show_id, "room": room, "started_at": began, "last_sample_at": ended, "ended_at": ended})
        hosts = rng.sample(HOSTS, rng.choice((1, 1, 2)))
        meta.append(
            {
                "show_id": show_id,
                "title": f"{rng.choice(TAGS)}专场 第{show_id}期",
                "assistant": rng.choice(HOSTS),
                "notes": "",
                "hosts_sort": ", ".join(hosts),
                "edited_by": "王主管",
                "edited_at": began,
            }
        )
        people += [{"show_id": show_id, "role": "host", "position": n, "name": h} for n, h in enumerate(hosts)]
        tags += [
            {"show_id": show_id, "position": n, "tag": t} for n, t in enumerate(rng.sample(TAGS, rng.randint(1, 3)))
        ]
        known = rng.random() > 0.05
        peak = rng.lognormvariate(7.5, 1.0) if known else None
        incidents = [rng.choice((0, 0, 0, 1, 2)) for _ in range(3)]
        sampled_s = int(seconds * rng.uniform(0.9, 1.0))
        summaries.append(
            {
                "show_id": show_id,
                "end_at": ended,
                "duration_s": float(seconds),
                "sampled_s": sampled_s,
                "completeness": sampled_s / seconds,
                "viewers_peak": peak,
                "viewers_avg": peak * rng.uniform(0.4, 0.7) if peak else None,
                "likes_per_min": peak * rng.uniform(0.5, 2.0) if peak else None,
                "interactions_per_min": peak * rng.uniform(0.02, 0.1) if peak else None,
                "incidents_info": incidents[0],
                "incidents_warning": incidents[1],
                "incidents_critical": incidents[2],
                "incidents": sum(incidents),
                "checklist": rng.choice(("ready", "ready", "overridden", "none")),
                "final": True,
                "computed_at": ended,
            }
        )
    with storage.engine.begin() as connection:
        tables: tuple[tuple[Any, list[dict[str, Any]]], ...] = (
            (ShowRow, show_rows),
            (SHOW_META, meta),
            (SHOW_PEOPLE, people),
            (SHOW_TAGS, tags),
            (SHOW_SUMMARIES, summaries),
        )
        for table, rows in tables:
            for at in range(0, len(rows), 5000):
                connection.execute(insert(table), rows[at : at + 5000])
        if connection.dialect.name == "postgresql":  # ids given explicitly: the sequence must move past them
            connection.exec_driver_sql("SELECT setval('shows_id_seq', (SELECT max(id) FROM shows))")
    with_rows = rng.sample(range(1, shows + 1), sampled)
    for show_id in with_rows:
        began = show_rows[show_id - 1]["started_at"].timestamp()
        storage.add_telemetry(show_id, _rows(rng, began, 1800), [])
    t = time.perf_counter()
    storage.refresh_show_summaries(with_rows)
    print(f"    summaries of {sampled} shows computed from their rows: {time.perf_counter() - t:.2f} s")
    first = show_rows[0]["started_at"]
    return {"host": HOSTS[3], "tag": "母婴", "room": ROOMS[2], "since": first + timedelta(days=100)}


def _rows(rng: random.Random, began: float, seconds: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    viewers, likes = 800.0, 0.0
    for s in range(seconds):
        viewers = max(0.0, viewers + rng.gauss(0, 15))
        likes += viewers * 0.02 * rng.uniform(0.5, 1.5)
        row: dict[str, Any] = {name: rng.uniform(0, 100) for name in CHANNELS}
        row.update(t=began + s, viewers=viewers, likes=likes, interactions=likes / 10, cpu_cores="10.0,20.0")
        rows.append(row)
    return rows


def _timed(call: Callable[[], object]) -> tuple[float, float]:
    """(first call, median of the next REPEATS) in milliseconds."""
    times = []
    for _ in range(REPEATS + 1):
        t = time.perf_counter()
        call()
        times.append((time.perf_counter() - t) * 1000)
    return times[0], statistics.median(times[1:])


def measure_first_pages(storage: Storage, context: dict[str, Any]) -> None:
    """The Shows browser's first page (100 rows and the total count) for the filters and sorts people use."""
    cases = {
        "newest first (no filter)": ShowQuery(),
        "one room": ShowQuery(room=context["room"]),
        "one host": ShowQuery(host=context["host"]),
        "tag + date range": ShowQuery(
            tag=context["tag"], since=context["since"], until=context["since"] + timedelta(days=60)
        ),
        "title text": ShowQuery(text="第12"),
        "peak viewers, highest first": ShowQuery(sort="viewers_peak"),
        "incidents, fewest first": ShowQuery(sort="incidents", descending=False),
        "hosts A-Z": ShowQuery(sort="hosts", descending=False),
        "last page (offset 9,900)": ShowQuery(sort="start", offset=9900),
    }
    for name, query in cases.items():
        first, median = _timed(lambda q=query: storage.browse_shows(q))  # type: ignore[misc]
        total = storage.browse_shows(query).total
        print(f"    {name:32} first {first:6.1f} ms, then median {median:6.1f} ms  ({total} shows match)")


def measure_show_end(storage: Storage) -> None:
    """What a show's end costs: the summary of an 8-hour show (28,800 rows) computed and kept."""
    rng = random.Random(8)
    show, _ = storage.open_show("benchmark room", datetime.now(UTC) - timedelta(hours=8), 0)
    began = show.started_at.timestamp()
    for hour in range(8):
        storage.add_telemetry(show.id, _rows(rng, began + hour * 3600, 3600), [])
    t = time.perf_counter()
    storage.end_show(show.id, datetime.now(UTC))
    spent = (time.perf_counter() - t) * 1000
    print(f"    an 8-hour show's end (the summary of its 28,800 rows computed and kept): {spent:.0f} ms")


def measure_show_window(storage: Storage, repeat: int = 4) -> None:
    """One show, opened: an 8-hour show (28,800 s, every channel, 48 scenes, 19 incidents, 2-minute gaps) from
    the moment its ShowWindow is made (as a double-click in the browser does) until every graph is painted at
    1366x768 (offscreen Qt; the panes scrolled out of view painted too). The show is read with bundle_show on a
    thread of its own, on a new connection, while the window makes its empty panes, as the console does. The
    first open, then the median of the others, with the reading alone beside it."""
    import os
    import threading

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QObject, Signal, Slot
    from PySide6.QtWidgets import QApplication

    from benchmarks.review_open import build
    from console.core.review.bundle import bundle_show
    from console.review_windows import ShowWindow

    app = QApplication.instance() or QApplication([])
    show_id = build(storage.url, 8.0)
    read_s: list[float] = []

    class Loader(QObject):  # the console's review controller in small: read on a thread, answer on the GUI's
        answered = Signal(object, object, object)

        def __init__(self) -> None:
            super().__init__()
            self.answered.connect(self._on_answered)

        def load(self, show_id: int, then: Callable[..., None]) -> None:
            def work() -> None:
                t = time.perf_counter()
                reader = Storage(storage.url)
                try:
                    bundle = bundle_show(reader, show_id)
                finally:
                    reader.close()
                read_s.append(time.perf_counter() - t)
                self.answered.emit(then, bundle, None)

            threading.Thread(target=work, daemon=True).start()

        @Slot(object, object, object)
        def _on_answered(self, then: Callable[..., None], bundle: object, error: object) -> None:
            then(bundle, error)

    loader = Loader()
    totals: list[float] = []
    cpu: list[float] = []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        window = ShowWindow(loader, show_id)
        window.resize(1366, 768)
        window.show()
        while window.bundle is None:
            app.processEvents()
            time.sleep(0.002)
        app.processEvents()
        window.grab()
        window.graphs.canvas.grab()  # every pane, those below the scroll too
        totals.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        views, scenes, rows = len(window.graphs.views), len(window.bundle.timeline), len(window.bundle.data.t)
        window.close()
        app.processEvents()
    median = 1000 * statistics.median(totals[1:] or totals)
    read = 1000 * statistics.median(read_s[1:] or read_s)
    # CPU time too (both threads): on a machine shared with other work the wall-clock figure is mostly waiting.
    used = 1000 * statistics.median(cpu[1:] or cpu)
    print(
        f"    an 8-hour show opened and drawn ({rows} rows, {views} graphs, {scenes} scenes):"
        f" first {1000 * totals[0]:.0f} ms, then median {median:.0f} ms (reading {read:.0f} ms of it, on its"
        f" thread; CPU {used:.0f} ms)"
    )


def measure_show_pdf(url: str, hours: float = 8.0) -> None:
    """An 8-hour show's PDF (benchmarks/review_open.py's show: every channel, a scene switch every 10 minutes, an
    incident every 25, gaps): read and analysed (bundle_show), then written in English and Chinese."""
    import tempfile

    from PySide6.QtCore import QCoreApplication

    from benchmarks.review_open import build
    from console.core.review.bundle import bundle_show
    from console.i18n import install_translator, remove_translators
    from console.review_pdf import gui_application, write_show_pdf

    show_id = build(url, hours)
    app = gui_application()
    storage = Storage(url)
    t = time.perf_counter()
    bundle = bundle_show(storage, show_id)
    read = time.perf_counter() - t
    storage.close()
    with tempfile.TemporaryDirectory() as folder:
        for language in ("en", "zh_CN"):
            installed = install_translator(app, language)
            path = Path(folder) / f"show_{language}.pdf"
            times = []
            for _ in range(3):
                t = time.perf_counter()
                write_show_pdf(bundle, path, QCoreApplication.translate)
                times.append(time.perf_counter() - t)
            remove_translators(app, installed)
            size = path.stat().st_size / 1024
            print(
                f"    an {hours:g}-hour show's PDF ({language}): read and analysed {read:.2f} s, written first "
                f"{times[0]:.2f} s then median {statistics.median(times[1:]):.2f} s, {size:.0f} KiB"
            )


def measure_show_exports(url: str) -> None:
    """An 8-hour show (28,800 seconds, every channel, scene switches, network incidents, 2-minute gaps) exported
    as XLSX (target <= 5 s) and as CSV, on this database: reading it (bundle_show), then writing each file; wall
    time and this process's CPU time (the machine is shared: CPU time is what the export itself costs). Then a
    month's period report over the stored shows (load_figures + period_report) and its XLSX."""
    import os

    from benchmarks.review_open import build
    from console.core.review.bundle import bundle_show
    from console.core.review.export import write_period_xlsx, write_show_csv, write_show_xlsx
    from console.core.review.periods import Per, Unit, load_figures, period_report

    show_id = build(url, 8.0)
    storage = Storage(url)
    try:
        with tempfile.TemporaryDirectory() as folder:
            t, cpu = time.perf_counter(), time.process_time()
            bundle = bundle_show(storage, show_id)
            print(f"    an 8-hour show read for export (bundle_show): {time.perf_counter() - t:.2f} s")
            writers: tuple[tuple[str, Callable[[Path], None]], ...] = (
                ("XLSX", lambda path: write_show_xlsx(bundle, path)),
                ("CSV for people", lambda path: write_show_csv(bundle, path)),
                ("CSV raw", lambda path: write_show_csv(bundle, path, raw=True)),
            )
            for name, write in writers:
                path = Path(folder) / f"show-{name.replace(' ', '-')}"
                t, cpu = time.perf_counter(), time.process_time()
                write(path)
                wall, spent = time.perf_counter() - t, time.process_time() - cpu
                size = os.path.getsize(path) / 1e6
                print(f"    its {name:15} written in {wall:5.2f} s (CPU {spent:5.2f} s), {size:.1f} MB")
            since = datetime.fromtimestamp(bundle.data.start, UTC) - timedelta(days=30)
            t = time.perf_counter()
            figures = load_figures(storage, since, datetime.now(UTC) + timedelta(days=1))
            report = period_report(figures, Unit.WEEK, Per.ROOM)
            spent = time.perf_counter() - t
            print(f"    a period report over {len(figures)} stored shows (weeks per room): {spent * 1000:.0f} ms")
            t = time.perf_counter()
            write_period_xlsx(report, Path(folder) / "period.xlsx")
            print(f"    its XLSX: {(time.perf_counter() - t) * 1000:.0f} ms")
    finally:
        storage.close()


def measure_browser_window(url: str) -> None:
    """The Shows browser window (offscreen Qt): from its first showing to its first page drawn, the storage opened
    on the review worker meanwhile; then a header click (sorted by peak viewers) to its page drawn; then scrolling
    to the end to the next page. The GUI thread never waits: these are what a person waits for."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from console.review_controller import ReviewController
    from widgets.shows_browser import KEYS, ShowsBrowser

    app = QApplication.instance() or QApplication([])
    review = ReviewController(url)
    browser = ShowsBrowser(review)
    browser.resize(1300, 600)

    def until(done: Callable[[], bool]) -> float:
        t = time.perf_counter()
        while not done():
            app.processEvents()
            time.sleep(0.001)
        return (time.perf_counter() - t) * 1000

    model = browser.model
    browser.show()
    shown = until(lambda: model._known and not model._fetching)
    generation = model._generation
    browser.table.horizontalHeader().setSortIndicator(KEYS.index("viewers_peak"), Qt.SortOrder.DescendingOrder)
    sorted_ms = until(lambda: model._generation > generation and not model._fetching)
    rows = len(model.rows)
    browser.table.scrollToBottom()
    more_ms = until(lambda: len(model.rows) > rows and not model._fetching)
    print(
        f"    browser window: first page drawn {shown:.0f} ms after showing (storage opened on the worker), "
        f"sorted by peak viewers {sorted_ms:.0f} ms, next page on scrolling {more_ms:.0f} ms"
    )
    browser.close()
    review.shutdown()


def run_on(label: str, url: str, args: argparse.Namespace) -> None:
    print(f"{label}:")
    if args.exports_only:
        storage = Storage(url)
        storage.migrate()
        storage.close()
        measure_show_exports(url)
        return
    storage = Storage(url)
    storage.migrate()
    t = time.perf_counter()
    context = fill(storage, args.shows, args.sampled)
    print(f"    filled {args.shows} shows ({args.sampled} with 1,800 rows each) in {time.perf_counter() - t:.1f} s")
    if storage.engine.dialect.name == "postgresql":
        with storage.engine.connect() as connection:  # as autovacuum does soon after a day's shows are written
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    storage.close()
    # The browser opens its own connection: the first figure below includes connecting to the database.
    storage = Storage(url)
    measure_first_pages(storage, context)
    measure_show_end(storage)
    measure_show_window(storage)
    storage.close()
    measure_show_pdf(url)
    if not args.no_exports:
        measure_show_exports(url)
    measure_browser_window(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shows", type=int, default=10_000)
    parser.add_argument("--sampled", type=int, default=200, help="shows that get per-second rows too")
    parser.add_argument("--postgres", metavar="URL", help="an empty PostgreSQL database (default: a throwaway one)")
    parser.add_argument("--no-exports", action="store_true", help="leave out the 8-hour show's XLSX/CSV export")
    parser.add_argument("--exports-only", action="store_true", help="only the 8-hour show's export and a period")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run_on("SQLite", f"sqlite:///{folder}/review.db", args)
    with throwaway_database("review", args.postgres) as url:
        run_on("PostgreSQL 15", url, args)


if __name__ == "__main__":
    main()
