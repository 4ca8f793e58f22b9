"""A scene-switch storm (a streamer hammering the scene buttons, OBS switching several times in a second) in the
review's table by scene: the switches under a second in a row are one row — the stretch they cover, how many and to
which scenes — not a row of 0:00:00 each; an isolated blip says its tenths. No second goes missing: the rows still
cover the show end to end. Real SQLite and PostgreSQL; the bundle, the XLSX and `onair report --show`."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import openpyxl

from console.core.review.bundle import bundle_show
from console.core.review.export import write_show_xlsx
from console.core.storage import Storage
from tests.console.test_review_shows import T0, a_show
from tests.language import chinese

STORM = [100.0, 100.3, 100.6, 100.9, 101.2, 101.5, 101.8]  # 商品特写, 直播中, … alternately: seven brief switches


def storm_show(storage: Storage) -> int:
    """5 minutes: 直播中, a storm of seven switches at 1:40, 直播中 again until 3:20, 商品特写, a 0.2-s blip of
    直播中 at 4:10, 商品特写 to the end."""
    show = a_show(storage, "一号直播间", T0, 300, viewers=lambda s: 1000.0)
    t0 = T0.timestamp()
    scenes = [(0.0, "直播中")]
    scenes += [(at, "商品特写" if n % 2 == 0 else "直播中") for n, at in enumerate(STORM)]
    scenes += [(102.1, "直播中"), (200.0, "商品特写"), (250.0, "直播中"), (250.2, "商品特写")]
    storage.add_telemetry(show, [], [{"t": t0 + at, "kind": "scene", "detail": scene} for at, scene in scenes])
    return show


def test_a_storm_is_one_row_and_no_second_goes_missing(storage: Storage, tmp_path: Path) -> None:
    show = storm_show(storage)
    t0 = T0.timestamp()
    bundle = bundle_show(storage, show)
    rows = bundle.segments
    labels = [r.segment.label if isinstance(r.segment.label, str) else r.segment.label.explain() for r in rows]
    assert labels == [
        "直播中",
        "Brief switches (7): 商品特写 ×4 / 直播中 ×3",
        "直播中",
        "商品特写",
        "Brief switches (1): 直播中 ×1",
        "商品特写",
    ]
    assert (rows[1].segment.start, rows[1].segment.end) == (t0 + 100.0, t0 + 102.1)
    assert round(rows[4].duration_s, 3) == 0.2
    # The rows cover the show end to end: the table's durations add up to the show's.
    assert all(a.segment.end == b.segment.start for a, b in itertools.pairwise(rows))
    assert round(sum(r.duration_s for r in rows), 6) == round(bundle.data.end - rows[0].segment.start, 6)

    path = tmp_path / "show.xlsx"
    write_show_xlsx(bundle, path, chinese(), "zh_CN")
    sheet = openpyxl.load_workbook(path)["分段"]
    body: list[list[Any]] = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert [row[0] for row in body][1] == "短暂切换（7 次）：商品特写 ×4 / 直播中 ×3"
    assert sheet.cell(row=6, column=4).number_format == "[h]:mm:ss.0", "a 0.2-s blip shows its tenths"
    assert round(body[4][3].total_seconds(), 3) == 0.2


def test_onair_report_says_the_storm_as_one_row(storage: Storage, onair: Any) -> None:
    show = storm_show(storage)
    done = onair("report", "--show", str(show), "--lang", "en", "--database", storage.url)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    storm = next(line for line in lines if "Brief switches (7)" in line)
    assert "0:00:02" in storm.split(), storm  # 2.1 s, to the second
    blip = next(line for line in lines if "Brief switches (1)" in line)
    assert "0:00:00.2" in blip.split()
    assert not [line for line in lines if " 0:00:00 " in line], "no row of 0:00:00"
