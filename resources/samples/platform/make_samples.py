"""Writes the sample platform exports in this folder: SAMPLE DATA made up by this script (seeded, so the same
files come out every time), shaped like the per-minute exports of 巨量百应/抖店 (Douyin), 淘宝直播中控台
(Taobao) and 快手小店 (Kuaishou), plus one with English column names. No real show, shop or viewer is in them.
Where each file's column names come from: README, "Reviewing a show ▸ Importing platform data".

    .venv/bin/python resources/samples/platform/make_samples.py
"""

from __future__ import annotations

import csv
import io
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
NOTE = "样例数据（由 OnAir Console 生成，非真实直播） SAMPLE DATA, not a real show"


@dataclass(frozen=True)
class Minute:
    at: datetime
    viewers: int
    entered: int
    left: int
    likes: int
    comments: int
    gmv: float
    orders: int


def minutes(start: datetime, count: int, peak: int, seed: int) -> Iterator[Minute]:
    """A plausible show: viewers climb to a peak a third of the way in, sag, and a product push lifts sales."""
    rng = random.Random(seed)
    online = peak // 8
    for n in range(count):
        shape = math.exp(-(((n / count) - 0.33) ** 2) / 0.08)
        target = int(peak * (0.25 + 0.75 * shape))
        entered = max(0, int((target - online) * 0.6 + rng.uniform(0.08, 0.14) * target))
        left = max(0, online + entered - target + rng.randint(-5, 5))
        online = max(0, online + entered - left)
        orders = max(0, int(online / 90 * rng.uniform(0.4, 1.6)))
        yield Minute(
            start + timedelta(minutes=n),
            online,
            entered,
            left,
            int(online * rng.uniform(0.8, 2.2)),
            int(online * rng.uniform(0.02, 0.06)),
            round(orders * rng.choice((39.9, 59.0, 89.0, 129.0)), 2),
            orders,
        )


def _fixed_dates(book: Workbook) -> None:
    """The workbook's own creation time fixed, so a run writes the same content again."""
    book.properties.created = book.properties.modified = datetime(2026, 11, 30, 0, 0)


def thousands(value: float, decimals: int = 0) -> str:
    return f"{value:,.{decimals}f}"


def douyin() -> None:
    """巨量百应/抖店 style: GB18030 ("CSV" from Chinese Excel), title rows above the header, 进场/离场人数,
    thousands separators, a 新增粉丝 column this console does not keep, a totals row at the end."""
    rows = list(minutes(datetime(2026, 11, 24, 20, 0), 61, 5200, seed=24))
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([f"直播间分钟级数据 — {NOTE}"])
    writer.writerow(["直播时间：2026-11-24 20:00 至 21:00"])
    writer.writerow([])
    writer.writerow(
        ["时间", "在线人数", "进场人数", "离场人数", "点赞次数", "评论次数", "新增粉丝", "成交金额(元)", "成交订单数"]
    )
    for n, m in enumerate(rows):
        writer.writerow(
            [
                m.at.strftime("%Y-%m-%d %H:%M"),
                thousands(m.viewers),
                thousands(m.entered),
                thousands(m.left),
                thousands(m.likes),
                "" if n == 0 else thousands(m.comments),  # the first minute's comments were not counted: unknown
                m.entered // 40,
                thousands(m.gmv, 2),
                m.orders,
            ]
        )
    total_gmv = sum(m.gmv for m in rows)
    writer.writerow(["合计", "", "", "", "", "", "", thousands(total_gmv, 2), sum(m.orders for m in rows)])
    (HERE / "douyin_2026-11-24_minutes.csv").write_bytes(out.getvalue().encode("gb18030"))


def taobao() -> None:
    """淘宝直播中控台 style: XLSX, a title row, then a two-row header whose group labels (流量, 互动, 成交) are
    merged across their columns and 时间 merged down; 观看人次 per minute, amounts with ¥ and 万 in places."""
    rows = list(minutes(datetime(2026, 11, 25, 19, 30), 61, 18000, seed=25))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "分钟数据"
    sheet.append([f"淘宝直播 分钟数据 — {NOTE}"])
    sheet.merge_cells("A1:I1")
    sheet.append(["时间", "流量", None, None, "互动", None, "成交", None, "商品"])
    sheet.append(
        [None, "实时在线人数", "观看人次", "离开人数", "点赞数", "评论数", "金额(元)", "订单数", "商品点击次数"]
    )
    for span in ("A2:A3", "B2:D2", "E2:F2", "G2:H2"):
        sheet.merge_cells(span)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for n, m in enumerate(rows):
        # As the console prints large figures: 1.52万 (= 15,200).
        online: object = f"{m.viewers / 10_000:.2f}万" if m.viewers >= 10_000 else m.viewers
        gmv: object = f"¥{m.gmv:,.2f}" if n % 10 == 0 else m.gmv
        sheet.append(
            [m.at, online, m.entered, m.left, m.likes, None if n == 5 else m.comments, gmv, m.orders, m.orders * 7]
        )
        sheet.cell(row=sheet.max_row, column=1).number_format = "yyyy-mm-dd hh:mm"
    sheet.column_dimensions["A"].width = 18
    _fixed_dates(book)
    book.save(HERE / "taobao_2026-11-25_minutes.xlsx")


def kuaishou() -> None:
    """快手小店 style: UTF-8 with a byte-order mark (Excel's "CSV UTF-8"), times without a date, a late show that
    runs past midnight, 成交额 in 万 when large."""
    rows = list(minutes(datetime(2026, 11, 26, 23, 30), 61, 9000, seed=26))
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([f"快手小店 直播分钟数据 — {NOTE}"])
    writer.writerow(
        ["时间", "实时在线人数", "进入直播间人数", "离开直播间人数", "点赞数", "评论数", "成交额(元)", "订单数"]
    )
    for m in rows:
        gmv = f"{m.gmv / 10_000:.2f}万" if m.gmv >= 10_000 else f"{m.gmv:.2f}"
        writer.writerow([m.at.strftime("%H:%M:%S"), m.viewers, m.entered, m.left, m.likes, m.comments, gmv, m.orders])
    (HERE / "kuaishou_2026-11-26_minutes.csv").write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


def english() -> None:
    """A team's own sheet with English column names whose time column lost its date format: Excel serial
    date-times (days since 1899-12-30) as plain numbers."""
    rows = list(minutes(datetime(2026, 11, 27, 10, 0), 46, 2400, seed=27))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "per minute"
    sheet.append([f"Per-minute figures — {NOTE}"])
    sheet.append(["Time", "Online viewers", "Entered", "Left", "Likes", "Comments", "GMV (CNY)", "Orders"])
    epoch = datetime(1899, 12, 30)
    for m in rows:
        serial = round((m.at - epoch) / timedelta(days=1), 8)
        sheet.append([serial, m.viewers, m.entered, m.left, m.likes, m.comments, m.gmv, m.orders])
    _fixed_dates(book)
    book.save(HERE / "other_english_2026-11-27_minutes.xlsx")


if __name__ == "__main__":
    douyin()
    taobao()
    kuaishou()
    english()
    print(f"sample exports written to {HERE}")
