"""Platform per-minute exports imported into a stored show, on real SQLite and PostgreSQL: every sample file
read with the right figures; every bad file refused naming its row and column, the database unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from console.core.review.platform import ImportRefused, inspect, number, read
from console.core.review.platform_import import import_platform_file, preview
from console.core.storage import PLATFORM_IMPORTS, PLATFORM_ROWS, ShowRow, Storage

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "resources" / "samples" / "platform"
DOUYIN = SAMPLES / "douyin_2026-11-24_minutes.csv"
TAOBAO = SAMPLES / "taobao_2026-11-25_minutes.xlsx"
KUAISHOU = SAMPLES / "kuaishou_2026-11-26_minutes.csv"
ENGLISH = SAMPLES / "other_english_2026-11-27_minutes.xlsx"


def local(*parts: int) -> datetime:
    """A wall-clock time of the room (this computer's zone, as the exports and the import read them)."""
    return datetime(*parts).astimezone()  # type: ignore[arg-type]  # year, month, day, hour, minute


def a_show(storage: Storage, start: datetime, minutes: int = 61) -> int:
    show, _ = storage.open_show("一号直播间", start, 0)
    storage.end_show(show.id, start + timedelta(minutes=minutes))
    return show.id


def at(series: dict[str, tuple[tuple[float, ...], tuple[float, ...]]], name: str, moment: datetime) -> float | None:
    times, values = series[name]
    return dict(zip(times, values, strict=True)).get(moment.timestamp())


def state(storage: Storage) -> tuple[Any, ...]:
    """Everything an import could touch: its two tables whole, and the shows."""
    with storage.engine.connect() as connection:
        rows = connection.execute(select(PLATFORM_ROWS).order_by(PLATFORM_ROWS.c.id)).all()
        imports = connection.execute(select(PLATFORM_IMPORTS).order_by(PLATFORM_IMPORTS.c.id)).all()
        shows = connection.execute(select(ShowRow.__table__).order_by(ShowRow.id)).all()
        count = connection.execute(select(func.count()).select_from(PLATFORM_ROWS)).scalar()
    return count, tuple(rows), tuple(imports), tuple(shows)


# ---------------------------------------------------------------------- every sample file
def test_douyin_gb18030_csv_under_title_rows(storage: Storage) -> None:
    show = a_show(storage, local(2026, 11, 24, 20, 0))
    report = import_platform_file(storage, show, DOUYIN, platform="douyin", by="小李")
    assert (report.encoding, report.header_rows, report.rows) == ("GB18030", (4,), 61)
    assert [c.header for c in report.ignored] == ["新增粉丝"], "a column it does not know is said, not dropped silently"
    assert report.skipped == ((66, "合计"),), "the totals row is skipped and said"
    series = storage.platform_series(show)
    assert set(series) == {"viewers", "entered", "left", "likes", "comments", "gmv", "orders"}
    first = local(2026, 11, 24, 20, 0)
    assert at(series, "viewers", first) == 1921 and at(series, "entered", first) == 1271
    assert at(series, "likes", first) == 4221 and at(series, "gmv", first) == 518.7  # "4,221", "518.70"
    assert at(series, "comments", first) is None, "an empty cell is unknown (a gap), never 0"
    assert at(series, "left", first) == 0, "a written 0 stays 0"
    assert (
        at(series, "gmv", local(2026, 11, 24, 20, 10)) == 4128
        and at(series, "orders", local(2026, 11, 24, 20, 30)) == 59
    )
    assert at(series, "viewers", local(2026, 11, 24, 21, 0)) == 1323
    stored = storage.platform_import(show)
    assert stored is not None and (stored.platform, stored.file_name, stored.imported_by) == (
        "douyin",
        DOUYIN.name,
        "小李",
    )
    assert (stored.row_count, stored.first_t, stored.last_t) == (
        61,
        first.timestamp(),
        local(2026, 11, 24, 21).timestamp(),
    )


def test_taobao_xlsx_with_a_merged_two_row_header(storage: Storage) -> None:
    show = a_show(storage, local(2026, 11, 25, 19, 30))
    table = preview(TAOBAO)
    assert table.header_rows == (2, 3), "时间 merged down, 流量/互动/成交 merged across"
    assert {c.header: c.field for c in table.columns}["成交金额(元)"] == "gmv", "成交 over 金额(元)"
    assert [(c.letter, c.header, c.samples) for c in table.unknown] == [("I", "商品点击次数", ("329", "287", "707"))]
    report = import_platform_file(storage, show, TAOBAO, platform="taobao")
    assert (report.encoding, report.rows) == ("XLSX", 61)
    series = storage.platform_series(show)
    assert at(series, "gmv", local(2026, 11, 25, 19, 30)) == 1875.3  # "¥1,875.30"
    assert at(series, "viewers", local(2026, 11, 25, 19, 34)) == 10_100  # "1.01万"
    assert at(series, "entered", local(2026, 11, 25, 19, 34)) == 1535  # 观看人次
    assert at(series, "comments", local(2026, 11, 25, 19, 35)) is None
    assert at(series, "gmv", local(2026, 11, 25, 19, 40)) == 11_210  # "¥11,210.00"
    assert at(series, "orders", local(2026, 11, 25, 20, 30)) == 22


def test_kuaishou_bom_csv_with_times_without_a_date_across_midnight(storage: Storage) -> None:
    show = a_show(storage, local(2026, 11, 26, 23, 30))
    report = import_platform_file(storage, show, KUAISHOU, platform="kuaishou")
    assert (report.encoding, report.rows, report.ignored) == ("UTF-8 with BOM", 61, ())
    series = storage.platform_series(show)
    assert at(series, "viewers", local(2026, 11, 26, 23, 30)) == 3334
    assert at(series, "gmv", local(2026, 11, 26, 23, 42)) == 10_100  # "1.01万"
    assert at(series, "viewers", local(2026, 11, 27, 0, 0)) == 7117, "00:00 is the next day, not the show's first"
    assert at(series, "orders", local(2026, 11, 27, 0, 30)) == 30
    times = series["viewers"][0]
    assert list(times) == sorted(times) and times[-1] - times[0] == 3600


def test_english_columns_and_excel_serial_times(storage: Storage) -> None:
    show = a_show(storage, local(2026, 11, 27, 10, 0), 46)
    report = import_platform_file(storage, show, ENGLISH)
    assert (report.encoding, report.rows, report.platform) == ("XLSX", 46, "other")
    series = storage.platform_series(show)
    assert at(series, "viewers", local(2026, 11, 27, 10, 0)) == 882
    assert at(series, "gmv", local(2026, 11, 27, 10, 5)) == 877.8
    assert at(series, "left", local(2026, 11, 27, 10, 45)) == 82


def test_importing_again_replaces_the_earlier_import_and_says_so(storage: Storage) -> None:
    show = a_show(storage, local(2026, 11, 24, 20, 0))
    import_platform_file(storage, show, DOUYIN, by="小李")
    again = import_platform_file(storage, show, DOUYIN, mapping={"新增粉丝": "likes", "点赞次数": "ignore"}, by="王工")
    assert again.replaced is not None and (again.replaced.row_count, again.replaced.imported_by) == (61, "小李")
    assert any("replaced the show's earlier import (61 rows" in line for line in again.lines())
    assert state(storage)[0] == 61, "the earlier rows are gone, not added to"
    assert at(storage.platform_series(show), "likes", local(2026, 11, 24, 20, 0)) == 31, "the mapped column"


# ---------------------------------------------------------------------- bad input: refused, nothing changed
def write_csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes("\r\n".join(lines).encode(encoding))
    return path


HEADER = "时间,在线人数,点赞,成交金额(元)"


def refused_unchanged(storage: Storage, show: int, path: Path, **kwargs: Any) -> str:
    """Import `path` expecting a refusal; the database must be exactly as before. Returns the message."""
    before = state(storage)
    with pytest.raises(ImportRefused) as caught:
        import_platform_file(storage, show, path, **kwargs)
    assert state(storage) == before, "a refused file changed the database"
    return caught.value.message.explain()


@pytest.fixture
def show_with_import(storage: Storage) -> int:
    """A show with an earlier import that a refused file must leave exactly as it was."""
    show = a_show(storage, local(2026, 11, 24, 20, 0))
    import_platform_file(storage, show, DOUYIN)
    return show


def test_rows_outside_the_show_refuse_the_whole_file(storage: Storage, show_with_import: int, tmp_path: Path) -> None:
    lines = [HEADER] + [f"2026-11-24 20:{m:02d},{1000 + m},5,10" for m in range(5)] + ["2026-11-24 21:30,900,5,10"]
    message = refused_unchanged(storage, show_with_import, write_csv(tmp_path / "late.csv", lines))
    assert message.startswith("late.csv, row 7, column A (时间): 2026-11-24 21:30 is outside show")
    assert "; 1 of 6 rows is outside. Nothing was imported" in message
    lines = [HEADER, "2026-11-24 19:00,900,5,10", "2026-11-24 21:30,900,5,10", *lines[1:3]]
    message = refused_unchanged(storage, show_with_import, write_csv(tmp_path / "two.csv", lines))
    assert "; 2 of 4 rows are outside. Nothing was imported" in message
    only = refused_unchanged(storage, show_with_import, write_csv(tmp_path / "one.csv", [HEADER, lines[1]]))
    assert only.startswith("one.csv, row 2, column A (时间): 2026-11-24 19:00 is outside show")
    assert "; it is the file's only row. Nothing was imported" in only and "1 of 1" not in only


def test_a_file_of_one_row_is_imported_and_replaced_as_one_row(storage: Storage, tmp_path: Path) -> None:
    """One minute imported reads "Imported 1 row", and the import that replaces it "(1 row from …)"; Chinese has
    one form."""
    from tests.language import chinese

    show = a_show(storage, local(2026, 11, 24, 20, 0))
    one = write_csv(tmp_path / "one.csv", [HEADER, "2026-11-24 20:05,1000,5,10"])
    first = import_platform_file(storage, show, one, by="小李")
    assert first.lines()[0].startswith(f"Imported 1 row into show {show} from one.csv (read as "), first.lines()
    assert first.lines(chinese())[0].startswith(f"已导入 1 行到场次 {show}，来自 one.csv"), first.lines(chinese())
    again = import_platform_file(storage, show, DOUYIN, by="王工")
    assert again.lines()[0].startswith(f"Imported 61 rows into show {show}")
    assert any("replaced the show's earlier import (1 row from one.csv, imported " in line for line in again.lines())
    assert any("之前的导入（1 行，来自 one.csv" in line for line in again.lines(chinese()))


def test_a_cell_that_is_not_a_number(storage: Storage, show_with_import: int, tmp_path: Path) -> None:
    lines = [HEADER, "2026-11-24 20:00,1000,5,10", "2026-11-24 20:01,1000,很多,10"]
    message = refused_unchanged(storage, show_with_import, write_csv(tmp_path / "words.csv", lines))
    assert message == "words.csv, row 3, column C (点赞): “很多” is not a number."


def test_a_negative_figure(storage: Storage, show_with_import: int, tmp_path: Path) -> None:
    lines = [HEADER, "2026-11-24 20:00,1000,5,-10"]
    message = refused_unchanged(storage, show_with_import, write_csv(tmp_path / "minus.csv", lines))
    assert message == "minus.csv, row 2, column D (成交金额(元)): “-10” is a negative figure."


def test_mixed_encodings_name_the_row_where_they_change(
    storage: Storage, show_with_import: int, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "\r\n".join([HEADER, "2026-11-24 20:00,1000,5,10"]).encode("utf-8")
        + "\r\n备注：补录,1000,5,10".encode("gb18030")
    )
    message = refused_unchanged(storage, show_with_import, path)
    assert message.startswith("mixed.csv, row 3: the encoding changes here (GB18030, after UTF-8 above)")
    bom = tmp_path / "bom-then-gb.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + "时间,在线人数\r\n".encode("gb18030") + b"2026-11-24 20:00,1000\r\n")
    assert "row 1: the file is marked UTF-8 but this row is GB18030" in refused_unchanged(
        storage, show_with_import, bom
    )


def test_a_file_in_no_encoding_it_knows(storage: Storage, show_with_import: int, tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(HEADER.encode() + b"\r\n2026-11-24 20:00,\xff\xfe\xfd,5,10\r\n")
    message = refused_unchanged(storage, show_with_import, path)
    assert message.startswith("binary.csv, row 2: the text is neither UTF-8 nor GB18030")


def test_no_header_and_no_known_column(storage: Storage, show_with_import: int, tmp_path: Path) -> None:
    message = refused_unchanged(storage, show_with_import, write_csv(tmp_path / "x.csv", ["a,b,c", "1,2,3"]))
    assert message.startswith("x.csv: no header row in its first 30 rows names a time column")
    unknown = write_csv(tmp_path / "fans.csv", ["时间,新增粉丝,在线人数", "2026-11-24 20:00,3,1000"])
    # An unknown column alone does not stop the known ones; mapped to a field that does not exist, it does.
    assert "“fans” is not a field" in refused_unchanged(
        storage, show_with_import, unknown, mapping={"新增粉丝": "fans"}
    )
    missing = refused_unchanged(storage, show_with_import, unknown, mapping={"粉丝团": "likes"})
    assert missing == "fans.csv: there is no column “粉丝团” (its header, row 1, reads: 时间, 新增粉丝, 在线人数)."


def test_a_time_column_by_another_name_is_mapped(storage: Storage, show_with_import: int, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "slot.csv", ["时段,在线人数,点赞", "2026-11-24 20:00,1000,5"])
    message = refused_unchanged(storage, show_with_import, path)
    assert message == "slot.csv: no column holds the time (header row 1); map one with --column 'HEADER=time'."
    report = import_platform_file(storage, show_with_import, path, mapping={"时段": "time"})
    assert report.rows == 1 and report.fields == ("viewers", "likes")


def test_a_time_that_is_not_a_time_and_a_minute_twice(storage: Storage, show_with_import: int, tmp_path: Path) -> None:
    lines = [HEADER, "2026-11-24 20:00,1000,5,10", "晚上八点,1000,5,10"]
    message = refused_unchanged(storage, show_with_import, write_csv(tmp_path / "t.csv", lines))
    assert message.startswith("t.csv, row 3, column A (时间): “晚上八点” is not a time")
    twice = [HEADER, "20:00,1000,5,10", "20:01,1000,5,10", "20:01:00,1000,5,10"]
    message = refused_unchanged(storage, show_with_import, write_csv(tmp_path / "twice.csv", twice))
    assert message == "twice.csv, row 4, column A (时间): the same minute as row 3; an export has one row a minute."
    no_time = [HEADER, "20:00,1000,5,10", ",1000,5,10"]
    message = refused_unchanged(storage, show_with_import, write_csv(tmp_path / "gap.csv", no_time))
    assert message == "gap.csv, row 3, column A (时间): the row has figures but no time."


def test_unreadable_files(storage: Storage, show_with_import: int, tmp_path: Path) -> None:
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    assert "an old Excel (.xls) workbook" in refused_unchanged(storage, show_with_import, old)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    assert refused_unchanged(storage, show_with_import, broken).startswith("broken.xlsx: not a readable XLSX")
    assert "cannot be read" in refused_unchanged(storage, show_with_import, tmp_path / "missing.csv")


def test_an_unknown_show_is_refused(storage: Storage, show_with_import: int) -> None:
    assert refused_unchanged(storage, show_with_import + 100, DOUYIN) == f"There is no show {show_with_import + 100}."


def test_times_without_a_date_past_midnight_are_the_next_day(
    storage: Storage, show_with_import: int, tmp_path: Path
) -> None:
    """A clock that goes from 20:00 to 00:05 has run past midnight: the 25th, outside a show that ended at 21:01
    on the 24th (and refused), never folded back onto the show's own evening."""
    lines = [HEADER, "20:00,1000,5,10", "00:05,1000,5,10"]
    message = refused_unchanged(storage, show_with_import, write_csv(tmp_path / "late.csv", lines))
    assert message.startswith("late.csv, row 3, column A (时间): 2026-11-25 00:05 is outside show")


# ---------------------------------------------------------------------- the cells themselves (no database)
@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("1,888", 1888),
        ("1.2万", 12_000),
        ("¥1,288.50", 1288.5),
        ("￥99", 99),
        ("3,500元", 3500),
        ("1.5万元", 15_000),
        ("10万+", 100_000),
        ("", None),
        ("-", None),
        ("—", None),
        (None, None),
        (12.5, 12.5),
    ],
)
def test_figures_as_exports_write_them(cell: object, value: float | None) -> None:
    assert number(cell) == value


@pytest.mark.parametrize("cell", ["很多", "12%", "-3", True])
def test_not_figures(cell: object) -> None:
    with pytest.raises(ValueError):
        number(cell)


def test_a_unit_in_the_header_scales_the_column_and_excel_serials_in_a_csv(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "w.csv", ["Time,Online,成交金额(万元)", "46350.8333333333,1000,1.25", "0.875694444,900,2"]
    )
    data = read(inspect(path), show_start=local(2026, 11, 24, 20, 0))
    assert [row.values["gmv"] for row in data.rows] == [12_500, 20_000]
    assert [datetime.fromtimestamp(row.t).astimezone() for row in data.rows] == [
        local(2026, 11, 24, 20, 0),
        local(2026, 11, 24, 21, 1),
    ], "a serial date-time, then a serial time of day on the show's date"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("成交金额/GMV", "gmv"),
        ("成交额（元）", "gmv"),
        ("实时 在线人数", "viewers"),
        ("Online_Viewers", "viewers"),
        ("观看人次", "entered"),
        ("在线人数/点赞", None),  # two fields in one header: not guessed
        ("新增粉丝", None),
    ],
)
def test_column_names(header: str, field: str | None) -> None:
    from console.core.review.platform import field_for

    assert field_for(header) == field


def test_excel_unicode_text_utf16_tab_separated(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("时间\t在线人数\t点赞\r\n20:00\t1,000\t\r\n".encode("utf-16"))
    table = inspect(path)
    data = read(table, show_start=local(2026, 11, 24, 20, 0))
    assert table.encoding == "UTF-16" and dict(data.rows[0].values) == {"viewers": 1000, "likes": None}


def test_a_header_under_a_merged_title_in_an_xlsx_with_real_time_cells(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["某直播间数据"])
    sheet.merge_cells("A1:C1")
    sheet.append(["时间", "在线人数", "订单数"])
    sheet.append([datetime(2026, 11, 24, 20, 0).time(), 1000, None])
    book.save(tmp_path / "t.xlsx")
    data = read(inspect(tmp_path / "t.xlsx"), show_start=local(2026, 11, 24, 20, 0))
    assert data.rows[0].t == local(2026, 11, 24, 20, 0).timestamp() and data.rows[0].values["orders"] is None


# ---------------------------------------------------------------------- onair import-audience
def test_cli_imports_and_prints_what_it_did(storage: Storage, onair: Callable[..., Any]) -> None:
    show = a_show(storage, local(2026, 11, 24, 20, 0))
    done = onair("import-audience", "--show", str(show), str(DOUYIN), "--platform", "douyin", "--database", storage.url)
    assert done.returncode == 0, done.stderr
    assert f"Imported 61 rows into show {show} from {DOUYIN.name} (read as GB18030, header on row 4)" in done.stdout
    assert "2026-11-24 20:00 – 2026-11-24 21:00" in done.stdout
    assert "Fields found: online viewers, entered, left, likes, comments, GMV, orders." in done.stdout
    assert "Columns ignored: G (新增粉丝)" in done.stdout
    zh = onair(
        "import-audience", "--show", str(show), str(DOUYIN), "--column", "新增粉丝=ignore", "--lang", "zh_CN",
        "--database", storage.url,
    )  # fmt: skip
    assert zh.returncode == 0, zh.stderr
    assert "已导入" in zh.stdout and "GB18030" in zh.stdout and "在线人数" in zh.stdout and "替换" in zh.stdout


def test_cli_refusals_exit_2_naming_row_and_column(storage: Storage, onair: Callable[..., Any], tmp_path: Path) -> None:
    show = a_show(storage, local(2026, 11, 24, 20, 0))
    before = state(storage)
    unknown = onair("import-audience", "--show", str(show + 7), str(DOUYIN), "--database", storage.url)
    assert (unknown.returncode, unknown.stderr.strip()) == (2, f"onair: There is no show {show + 7}.")
    bad = write_csv(tmp_path / "bad.csv", [HEADER, "2026-11-24 20:00,1000,5,10", "2026-11-24 20:01,1000,5,十元"])
    refused = onair("import-audience", "--show", str(show), str(bad), "--database", storage.url)
    assert (
        refused.returncode == 2 and "bad.csv, row 3, column D (成交金额(元)): “十元” is not a number." in refused.stderr
    )
    zh = onair("import-audience", "--show", str(show), str(bad), "--lang", "zh_CN", "--database", storage.url)
    assert zh.returncode == 2 and "第 3 行" in zh.stderr and "D 列" in zh.stderr, zh.stderr
    wrong = onair(
        "import-audience", "--show", str(show), str(DOUYIN), "--column", "新增粉丝", "--database", storage.url
    )
    assert wrong.returncode == 2 and "HEADER=FIELD" in wrong.stderr
    assert state(storage) == before and refused.stdout == ""


def test_cli_in_a_child_process(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    storage = Storage(url)
    storage.migrate()
    show = a_show(storage, local(2026, 11, 26, 23, 30))
    storage.close()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-m", "console", "import-audience", "--show", str(show), str(KUAISHOU), "--database", url],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Imported 61 rows" in done.stdout and "UTF-8 with BOM" in done.stdout
    assert "2026-11-26 23:30 – 2026-11-27 00:30" in done.stdout
