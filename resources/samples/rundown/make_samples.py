"""Writes the sample rundowns in this folder: SAMPLE DATA made up by this script (no real show, shop or product),
shaped like the 直播脚本 sheets planners keep. Both use the demo room's scenes (等待开始, 直播中, 商品特写,
暂时离开), so `onair rundown import FILE --room demo` takes them as they are.

- rundown-zh.xlsx: as a planner writes it by hand — a title row, 序号, durations as "5分"/"8分30秒", 售价 with
  ¥, a 合计 row at the bottom (skipped by the import, and said so).
- rundown-en.csv: as `onair rundown export --lang en` writes it (UTF-8 with BOM, m:ss durations).

    .venv/bin/python resources/samples/rundown/make_samples.py
"""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from console.core.rundown.model import COLOURS, Product, Rundown, Segment
from console.core.rundown.sheet import write_rundown

HERE = Path(__file__).resolve().parent
NOTE = "样例数据（由 OnAir Console 生成，非真实直播） SAMPLE DATA, not a real show"
#: Fixed, so the workbook comes out the same every time.
WRITTEN = datetime(2026, 11, 30, 12, 0)

ZH_ROWS = [
    # 序号, 环节, 开始时间, 时长, 画面, 商品, 售价, 商品ID, 话术, 备注, 颜色
    (
        1,
        "开播预热",
        "20:00",
        "3分",
        "等待开始",
        "",
        "",
        "",
        "欢迎新进直播间的家人们，点点关注",
        "开播前 5 分钟推流",
        "灰",
    ),
    (2, "开场：今日福利预告", "", "5分", "直播中", "", "", "", "今天三款爆品，福袋每 20 分钟一次", "", "红"),
    (
        3,
        "商品一：316 保温杯",
        "",
        "8分30秒",
        "商品特写",
        "316不锈钢保温杯 500ml",
        "¥89.90",
        "BWB-500",
        "24 小时保温；食品级 316；到手价 89.9",
        "上 1 号链接；弹 10 元券",
        "绿",
    ),
    (4, "福袋抽奖 1", "", "3分", "直播中", "", "", "", "评论区扣“想要”参与", "倒计时 3 分钟", "黄"),
    (
        5,
        "商品二：羊毛围巾",
        "",
        "10分",
        "商品特写",
        "内蒙古羊毛围巾",
        "¥129",
        "WJ-2026",
        "手感对比；三种颜色都试一下",
        "上 2 号链接",
        "绿",
    ),
    (6, "互动答疑", "", "6分", "直播中", "", "", "", "回答尺码、发货时间", "看评论，挑问题念", "蓝"),
    (7, "福袋抽奖 2", "20:40", "3分", "直播中", "", "", "", "评论区扣“还要”参与", "", "黄"),
    (
        8,
        "商品三：蜂蜜礼盒",
        "",
        "7分",
        "商品特写",
        "椴树蜂蜜礼盒 2 瓶装",
        "¥68.00",
        "FM-02",
        "产地直发；送礼好看",
        "上 3 号链接",
        "绿",
    ),
    (
        9,
        "返场：保温杯",
        "",
        "4分",
        "商品特写",
        "316不锈钢保温杯 500ml",
        "¥89.90",
        "BWB-500",
        "最后 200 单",
        "改库存",
        "橙",
    ),
    (10, "收尾与下播预告", "", "5分", "直播中", "", "", "", "明晚 8 点不见不散", "下播前关推流", "紫"),
]
ZH_HEADER = ("序号", "环节", "开始时间", "时长", "画面", "商品", "售价", "商品ID", "话术", "备注", "颜色")


def chinese() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "直播脚本"
    sheet.append(["11月30日 晚场直播脚本（样例）", NOTE])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(list(ZH_HEADER))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in ZH_ROWS:
        sheet.append(list(row))
    sheet.append(["合计", "", "", "54分30秒"])
    for letter, width in zip("ABCDEFGHIJK", (6, 22, 10, 10, 12, 24, 10, 12, 40, 26, 6), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.properties.created = book.properties.modified = WRITTEN
    book.save(HERE / "rundown-zh.xlsx")


def english() -> None:
    cup = Product("316 steel vacuum cup 500 ml", Decimal("89.90"), "BWB-500")
    warm_up = Segment("Warm-up", 180, time(20, 0), "等待开始", None, "Welcome, follow us", "", COLOURS[8])
    opening = Segment(
        "Opening: today's deals",
        300,
        None,
        "直播中",
        None,
        "Three products, a lucky bag every 20 minutes",
        "",
        COLOURS[1],
    )
    points = "Keeps hot 24 h\nFood-grade 316 steel"
    product = Segment("Product 1: vacuum cup", 510, None, "商品特写", cup, points, "Pin link 1; coupon", COLOURS[4])
    lucky = Segment("Lucky bag", 180, None, "直播中", None, "Comment “want” to join", "3-minute countdown", COLOURS[3])
    answers = Segment("Q&A", 360, None, "直播中", None, "", "Read questions from the comments", COLOURS[6])
    closing = Segment("Closing", 300, None, "直播中", None, "See you tomorrow at 8", "", COLOURS[7])
    rundown = Rundown("demo", (warm_up, opening, product, lucky, answers, closing))
    write_rundown(rundown, HERE / "rundown-en.csv", lambda context, text: text)


if __name__ == "__main__":
    chinese()
    english()
    print(f"sample rundowns written to {HERE}")
