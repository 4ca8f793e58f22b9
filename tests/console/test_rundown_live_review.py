"""A show run from its rundown, reviewed (real SQLite and PostgreSQL): its segments by rundown (title, start, end,
planned vs actual) in the bundle's segment table and the XLSX's Segments sheet, and its planned start from the
rundown's snapshot in the period report's on-time starts."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl

from console.core.review.bundle import bundle_show
from console.core.review.export import write_show_xlsx
from console.core.review.load import load_show
from console.core.review.periods import load_figures
from console.core.rundown.live import END, GO, LENGTH, SKIP, Mark, plan_to_json
from console.core.rundown.model import Product, Rundown, Segment
from console.core.storage import Storage
from tests.console.test_review_shows import T0, a_show
from tests.language import chinese

ROOM = "一号直播间"


def run_show(storage: Storage) -> int:
    """15 minutes; the rundown: 开场 (planned 5 min) from 60 s to 420 s, 福袋 skipped, 商品1 (planned 5 min) from
    420 s to 600 s, then End; its plan's first segment had a fixed start 2 minutes before the show's start."""
    show = a_show(storage, ROOM, T0, 900, viewers=lambda s: 1000.0 if s < 420 else 1200.0)
    t0 = T0.timestamp()
    marks = [
        Mark(0, t0 + 60, "a", "开场", 300, GO, "小王", "Cam", "done", "", 0),
        Mark(1, t0 + 420, "b", "福袋", 60, SKIP, "小王", "", "", "", 1),
        Mark(2, t0 + 420, "c", "商品1", 300, GO, "小王", "", "", "", 2),
        Mark(3, t0 + 600, "c", "商品1", None, END, "小王"),
    ]
    plan = Rundown(ROOM, (Segment("开场", 300, key="a"), Segment("福袋", 60, key="b"), Segment("商品1", 300, key="c")))
    snapshot = {"room": ROOM, "taken_at": t0 + 60, "planned_start": t0 - 120, "segments": plan_to_json(plan)}
    storage.add_rundown(show, [mark.as_row() for mark in marks], snapshot)
    return show


def test_the_review_reads_the_show_by_its_rundown(storage: Storage, tmp_path: Path) -> None:
    show = run_show(storage)
    t0 = T0.timestamp()
    data = load_show(storage, show)
    assert [m.action for m in data.rundown_marks] == [GO, SKIP, GO, END]
    assert data.planned_start == t0 - 120
    assert data.rundown_segments() == [(t0 + 60, t0 + 420, "开场"), (t0 + 420, t0 + 600, "商品1")]
    bundle = bundle_show(storage, show)
    rows = bundle.segments_for(bundle.data.rundown_segments())
    assert [(r.segment.label, r.duration_s, r.viewers_avg) for r in rows] == [
        ("开场", 360.0, 1000.0),
        ("商品1", 180.0, 1200.0),
    ]

    path = tmp_path / "show.xlsx"
    write_show_xlsx(bundle, path)
    book = openpyxl.load_workbook(path)
    assert "Segments by scene" in book.sheetnames
    sheet = book["Segments"]
    header = [cell.value for cell in sheet[1]]
    body: list[list[Any]] = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    planned, over = header.index("Planned length"), header.index("Over (+) / under (−) plan")
    seconds = header.index("Over (+) / under (−) plan (s)")
    duration = header.index("Duration")
    # Every segment the show met, in its order — 福袋 skipped (said so, its planned minute, no actual, no end) —
    # then the totals, then what they count.
    assert [row[0] for row in body[:4]] == ["开场", "福袋", "商品1", "Total: 3 segments (2 run, 1 skipped)"]
    assert body[1][duration] == "skipped" and body[1][2] is None and body[1][5] is None
    assert [round(row[duration].total_seconds()) for row in (body[0], body[2], body[3])] == [360, 180, 540]
    assert [round(row[planned].total_seconds()) for row in body[:4]] == [300, 60, 300, 660]
    # 6 min for 5 planned; skipped (a minute gained); 3 min for 5; in all 9 for 11. Not a negative time (Excel
    # shows "#####" for one): text and seconds.
    assert [row[over] for row in body[:4]] == ["+0:01:00", "−0:01:00", "−0:02:00", "−0:02:00"]
    assert [row[seconds] for row in body[:4]] == [60, -60, -120, -120]
    assert body[4][0].startswith("Totals: the planned length counts every segment in the table once")
    assert sheet.cell(row=3, column=seconds + 1).number_format == "+#,##0;-#,##0;0"
    shown = shown_by_libreoffice(path, "Segments", tmp_path)
    if shown is not None:
        assert [row[over] for row in shown[1:5]] == ["+0:01:00", "−0:01:00", "−0:02:00", "−0:02:00"]
        assert [row[seconds] for row in shown[1:5]] == ["+60", "-60", "-120", "-120"]


def shown_by_libreoffice(path: Path, sheet: str, folder: Path) -> list[list[str]] | None:
    """The sheet's cells as LibreOffice shows them (its CSV export writes the formatted text); None when
    LibreOffice is not installed."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    book = openpyxl.load_workbook(path)
    for other in [name for name in book.sheetnames if name != sheet]:
        del book[other]  # the CSV export writes the first sheet
    alone = folder / "alone.xlsx"
    book.save(alone)
    out = folder / "csv"
    profile = folder / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "csv:Text - txt - csv "
         "(StarCalc):44,34,76,1,,0,false,true,true", "--outdir", str(out), str(alone)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    with open(out / "alone.csv", encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_segments_of_one_title_are_told_apart_by_their_product(storage: Storage) -> None:
    """A beauty room's three “主推款”, one product each (as a sheet with the title merged over them reads): the
    review's table by rundown had three rows alike; each now says what it sold (a product its title already names
    is not said twice, a segment without one keeps its title)."""
    show = a_show(storage, ROOM, T0, 900, viewers=lambda s: 1000.0)
    t0 = T0.timestamp()
    plan = Rundown(
        ROOM,
        (
            Segment("主推款", 300, product=Product("玻尿酸精华"), key="a"),
            Segment("主推款", 300, product=Product("持妆粉底液"), key="b"),
            Segment("返场 玻尿酸精华", 120, product=Product("玻尿酸精华"), key="c"),
            Segment("下播", 60, key="d"),
        ),
    )
    marks = [
        Mark(n, t0 + 60 + 120 * n, segment.key, segment.title, segment.planned_s, GO, "小王", "", "", "", n)
        for n, segment in enumerate(plan.segments)
    ]
    snapshot = {"room": ROOM, "taken_at": t0 + 60, "planned_start": None, "segments": plan_to_json(plan)}
    storage.add_rundown(show, [mark.as_row() for mark in marks], snapshot)
    labels = [label for _start, _end, label in load_show(storage, show).rundown_segments()]
    assert labels == ["主推款 · 玻尿酸精华", "主推款 · 持妆粉底液", "返场 玻尿酸精华", "下播"]
    # A segment that came into the plan after the first Go (imported, inserted) is not in that snapshot: its
    # product is the room's plan's.
    later = Segment("主推款", 300, product=Product("口红礼盒"), key="e")
    storage.save_rundown(Rundown(ROOM, (*plan.segments, later)), "小王")
    storage.add_rundown(show, [Mark(4, t0 + 600, "e", "主推款", 300, GO, "小王", "", "", "", 4).as_row()], None)
    labels = [label for _start, _end, label in load_show(storage, show).rundown_segments()]
    assert labels[-1] == "主推款 · 口红礼盒"
    rows = bundle_show(storage, show).segments_for(load_show(storage, show).rundown_segments())
    assert [row.segment.label for row in rows][:2] == ["主推款 · 玻尿酸精华", "主推款 · 持妆粉底液"]


def test_a_show_without_a_rundown_reads_as_before(storage: Storage) -> None:
    show = a_show(storage, ROOM, T0, 60)
    data = load_show(storage, show)
    assert data.rundown_marks == () and data.planned_start is None and data.rundown_segments() == []


def test_the_period_report_takes_the_planned_start_from_the_rundown(storage: Storage) -> None:
    show = run_show(storage)
    storage.refresh_show_summaries([show])
    figures = load_figures(storage, T0 - timedelta(days=1), T0 + timedelta(days=1))
    assert [f.show_id for f in figures] == [show]
    planned = figures[0].planned_start
    assert planned is not None and planned.timestamp() == T0.timestamp() - 120


def test_a_length_changed_on_air_is_in_the_record_beside_the_one_at_go(storage: Storage, tmp_path: Path) -> None:
    """商品1 was taken planned for 5 min; on air the planner cut it to 3 min (the live strip counted 3 min, said it
    +1:00 over). The review measured it against the 5 min of its Go (−2:00 → "under"): it now runs against the
    length it ran to, and says the length at Go and the change — to what, when, by whom — in the window's words,
    the XLSX and the PDF."""
    show = a_show(storage, ROOM, T0, 900, viewers=lambda s: 1000.0)
    t0 = T0.timestamp()
    plan = Rundown(ROOM, (Segment("开场", 300, key="a"), Segment("商品1", 300, key="c")))
    marks = [
        Mark(0, t0 + 60, "a", "开场", 300, GO, "小王", "", "", "", 0),
        Mark(1, t0 + 360, "c", "商品1", 300, GO, "小王", "", "", "", 1),
        Mark(2, t0 + 400, "c", "商品1", 180, LENGTH, "策划小李", "", "", "", 1),
        Mark(3, t0 + 600, "c", "商品1", None, END, "小王"),
    ]
    snapshot = {"room": ROOM, "taken_at": t0 + 60, "planned_start": None, "segments": plan_to_json(plan)}
    storage.add_rundown(show, [mark.as_row() for mark in marks], snapshot)
    data = load_show(storage, show)
    spans = data.rundown_spans()
    assert len(spans) == 2, "a length changed is no boundary: 商品1 is one segment"
    assert (spans[1].planned_s, spans[1].final_s) == (300, 180)
    assert [(c.planned_s, c.who) for c in spans[1].changes] == [(180, "策划小李")]

    bundle = bundle_show(storage, show)
    path = tmp_path / "show.xlsx"
    write_show_xlsx(bundle, path)
    sheet = openpyxl.load_workbook(path)["Segments"]
    header = [cell.value for cell in sheet[1]]
    body: list[list[Any]] = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    planned, over = header.index("Planned length"), header.index("Over (+) / under (−) plan")
    changed = header.index("Length changed on air")
    assert [round(row[planned].total_seconds()) for row in body[:3]] == [300, 180, 480]
    assert [row[over] for row in body[:3]] == ["0:00:00", "+0:01:00", "+0:01:00"], "4 min against the 3 it ran to"
    at = datetime.fromtimestamp(t0 + 400).strftime("%H:%M:%S")
    assert body[0][changed] is None
    assert body[1][changed] == f"planned 0:05:00 at its Go, changed on air to 0:03:00 at {at} by 策划小李"

    # In Chinese, as a Chinese team's sheet says it.
    write_show_xlsx(bundle, path, chinese(), "zh_CN")
    zh = openpyxl.load_workbook(path).worksheets[2]
    header = [cell.value for cell in zh[1]]
    assert "直播中改时长" in header
    cell = zh.cell(row=3, column=header.index("直播中改时长") + 1).value
    assert cell == f"开始时计划 0:05:00，直播中 {at} 由 策划小李 改为 0:03:00"


def test_onair_report_says_the_segments_by_rundown_as_the_xlsx_does(storage: Storage, onair: Any) -> None:
    """plan17: the XLSX and the PDF give a show run from its rundown its segments by rundown (planned vs actual);
    the terminal's `onair report` gave only the scenes."""
    show = run_show(storage)
    done = onair("report", "--show", str(show), "--lang", "en", "--database", storage.url)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    by_rundown, by_scene = lines.index("Segments by rundown:"), lines.index("Segments by scene:")
    header, *rows = lines[by_rundown + 1 : by_scene]
    assert "Planned" in header and "vs plan" in header
    assert [row.split()[0] for row in rows[:3]] == ["开场", "福袋", "商品1"]
    assert "0:05:00" in rows[0] and "+0:01:00" in rows[0]  # 6 minutes for 5 planned
    assert rows[1].split()[2:5] == ["skipped", "0:01:00", "−0:01:00"]  # passed over: a minute gained
    assert "−0:02:00" in rows[2]  # 3 minutes for 5
    assert rows[3].startswith("  Total: 3 segments (2 run, 1 skipped)")
    assert rows[3].split()[-3:] == ["0:09:00", "0:11:00", "−0:02:00"]
    assert rows[4].startswith("  Totals: the planned length counts every segment")

    done = onair("report", "--show", str(show), "--lang", "zh_CN", "--database", storage.url)
    assert done.returncode == 0, done.stderr
    said = done.stdout
    skipped = next(line for line in said.splitlines() if line.strip().startswith("福袋"))
    assert skipped.split()[2:5] == ["已跳过", "0:01:00", "−0:01:00"]
    assert "合计：3 个环节（已播 2 个，跳过 1 个）" in said and "合计说明：计划时长按表中每个环节计一次" in said


def test_the_table_by_rundown_has_every_segment_the_show_met_and_true_totals(storage: Storage) -> None:
    """A skipped then taken after all (a take, not a skip), C repeated (two takes, its plan once), D skipped at
    the end: rows in the order the show met them, and totals that add up — planned 11:20, on air 10:40, 40 s
    ahead (A +40, C +2:00 with its repeat, B on time, D skipped −3:20)."""
    from console.core.review.by_rundown import rundown_table
    from console.core.rundown.live import REPEAT

    show = a_show(storage, ROOM, T0, 900, viewers=lambda s: 1000.0)
    t0 = T0.timestamp()
    marks = [
        Mark(0, t0 + 60, "a", "A", 300, GO, "小王"),
        Mark(1, t0 + 400, "b", "B", 60, SKIP, "小王"),
        Mark(2, t0 + 400, "c", "C", 120, GO, "小王"),
        Mark(3, t0 + 500, "b", "B", 60, GO, "小王"),
        Mark(4, t0 + 560, "c", "C", 120, REPEAT, "小王"),
        Mark(5, t0 + 700, "d", "D", 200, SKIP, "小王"),
        Mark(6, t0 + 700, "c", "C", None, END, "小王"),
    ]
    storage.add_rundown(show, [mark.as_row() for mark in marks], None)
    table = rundown_table(bundle_show(storage, show))
    assert table is not None
    assert [(r.label, r.skipped, r.actual_s, r.planned_s) for r in table.rows] == [
        ("A", False, 340.0, 300),
        ("C", False, 100.0, 120),
        ("B", False, 60.0, 60),
        ("C", False, 140.0, 120),
        ("D", True, None, 200),
    ]
    totals = table.totals
    assert (totals.segments, totals.run, totals.skipped, totals.takes) == (4, 3, 1, 4)
    assert (totals.planned_s, totals.actual_s, totals.over_s) == (680, 640.0, -40.0)
    assert [note.template.split(":")[0] for note in totals.notes] == ["Totals", "{takes} takes"]


def test_one_segment_and_one_without_a_length_read_in_the_singular(storage: Storage) -> None:
    """A show of one segment, run without a planned length (a fixed start only), totals "1 segment" and says "1
    segment had no planned length"; two read in the plural; Chinese has one form."""
    from console.core.review.by_rundown import rundown_table
    from tests.language import english

    def notes(start: datetime, marks: list[Mark]) -> tuple[str, list[str], str, list[str]]:
        show = a_show(storage, ROOM, start, 900, viewers=lambda s: 1000.0)
        storage.add_rundown(show, [mark.as_row() for mark in marks], None)
        table = rundown_table(bundle_show(storage, show))
        assert table is not None
        totals, zh = table.totals, chinese()
        return (
            totals.label.in_language(english),
            [note.in_language(english) for note in totals.notes[1:]],
            totals.label.in_language(zh),
            [note.in_language(zh) for note in totals.notes[1:]],
        )

    t0 = T0.timestamp()
    one = notes(T0, [Mark(0, t0 + 60, "a", "开场", None, GO, "小王"), Mark(1, t0 + 600, "a", "开场", None, END, "王")])
    assert one[0] == "Total: 1 segment (1 run, 0 skipped)"
    assert one[1] == [
        "1 segment had no planned length (a fixed start only): its time on air is counted, but not in the planned "
        "length or the over/under."
    ]
    assert one[2] == "合计：1 个环节（已播 1 个，跳过 0 个）"
    assert one[3] == ["1 个环节没有计划时长（只定了开始时间）：其播出时长计入实际时长，不计入计划时长和超出/不足。"]

    later = T0 + timedelta(hours=2)
    t1 = later.timestamp()
    two = notes(
        later,
        [
            Mark(0, t1 + 60, "a", "开场", None, GO, "小王"),
            Mark(1, t1 + 300, "b", "福袋", None, GO, "小王"),
            Mark(2, t1 + 600, "b", "福袋", None, END, "小王"),
        ],
    )
    assert two[0] == "Total: 2 segments (2 run, 0 skipped)"
    assert two[1][0].startswith("2 segments had no planned length (a fixed start only): their time on air is counted")
    assert two[3][0].startswith("2 个环节没有计划时长")
