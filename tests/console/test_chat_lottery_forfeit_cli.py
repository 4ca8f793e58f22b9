"""A lottery with a forfeited winner and a replacement, exported and checked by the real `onair` command: the JSON
(onair-lottery/2) verifies and a tampered replacement does not; the CSV and XLSX say who forfeited, when, by whom and
why, and whom the replacement replaces, in the reader's language."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl

from console.core.storage import Storage
from tests.console.test_chat_lottery_cli import OPENED, stored_lottery, url  # noqa: F401 - the fixture


def forfeit_and_replace(database: str, lottery_id: int) -> Any:
    storage = Storage(database)
    try:
        storage.forfeit_winner(lottery_id, 1, "no_answer", "叫了三次", OPENED + 60, by="主播助理小林")
        return storage.draw_replacement(lottery_id, 1, OPENED + 90, by="客服小周")
    finally:
        storage.close()


def test_the_replacement_verifies_and_a_tampered_one_does_not(
    url: str,  # noqa: F811 - the fixture
    onair: Callable[..., Any],
    tmp_path: Path,
) -> None:
    show_id, lottery_id = stored_lottery(url)
    record = forfeit_and_replace(url, lottery_id)
    target = tmp_path / "draw.json"
    done = onair("lottery", "export", str(target), "--show", str(show_id), "--database", url, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "4 entries, 2 winners" in done.stdout, "the winners who stand: the forfeited one is not counted"
    checked = onair("lottery", "verify", str(target), "--lang", "en")
    assert checked.returncode == 0, checked.stdout
    assert "✓ the 3 viewers drawn (forfeited ones too) follow from the seed and the 4 entries" in checked.stdout
    assert "✓ 1 winner forfeited; the replacement is the next viewer of the same sequence" in checked.stdout

    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "onair-lottery/2"
    assert data["winners"][2]["replaces"] == 1 and data["winners"][2]["drawn_by"] == "客服小周"
    # The one entrant never drawn put in the replacement's place.
    loser = next(e for e in data["entries"] if e["user_id"] not in {w["user_id"] for w in data["winners"]})
    data["winners"][2].update(user_id=loser["user_id"], user_name=loser["user_name"])
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    refused = onair("lottery", "verify", str(tampered), "--lang", "zh_CN")
    assert refused.returncode == 1
    assert refused.stdout.splitlines()[-1] == "抽奖结果校验未通过。"
    assert any(
        line.startswith("✗ ") and "中奖者与种子和参与名单算出的结果不符" in line for line in refused.stdout.splitlines()
    )
    assert record.winners[0].forfeited


def test_the_spreadsheets_say_who_forfeited_and_whom_the_replacement_replaces(
    url: str,  # noqa: F811 - the fixture
    onair: Callable[..., Any],
    tmp_path: Path,
) -> None:
    _show, lottery_id = stored_lottery(url)
    record = forfeit_and_replace(url, lottery_id)
    gone, replacement = record.winners[0], record.winners[2]
    at = datetime.fromtimestamp(OPENED + 60).strftime("%Y-%m-%d %H:%M:%S")
    drawn = datetime.fromtimestamp(OPENED + 90).strftime("%Y-%m-%d %H:%M:%S")

    sheet = tmp_path / "draw.csv"
    done = onair("lottery", "export", str(sheet), "--lottery", str(lottery_id), "--database", url, "--lang", "zh_CN")
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))
    summary = {row[0]: row[1] for row in rows if len(row) == 2}
    assert summary["放弃资格人数"] == "1"
    assert summary["最终中奖者"].startswith("2. ") and replacement.user_name in summary["最终中奖者"]
    table = rows[rows.index([]) + 1 :]
    assert table[0][-1] == "放弃资格或补抽"
    by_name = {row[3]: row for row in table[1:]}
    assert by_name[gone.user_name][0] == "1"
    assert by_name[gone.user_name][6] == f"主播助理小林 于 {at} 标为放弃资格：未应答 — 叫了三次"
    assert by_name[replacement.user_name][0] == "3"
    assert by_name[replacement.user_name][6] == f"替代第 1 名中奖者，客服小周 于 {drawn} 补抽"

    book = tmp_path / "draw.xlsx"
    done = onair("lottery", "export", str(book), "--lottery", str(lottery_id), "--database", url, "--lang", "en")
    assert done.returncode == 0, done.stderr
    entries = openpyxl.load_workbook(book).worksheets[1]
    assert entries.cell(1, 7).value == "Forfeit or replacement"
    outcomes = {row[3].value: row[6].value for row in entries.iter_rows(min_row=2)}
    assert outcomes[gone.user_name] == f"Forfeited at {at} by 主播助理小林: did not answer — 叫了三次"
    assert outcomes[replacement.user_name] == f"Replaces winner 1, drawn at {drawn} by 客服小周"
