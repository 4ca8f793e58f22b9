"""`onair lottery export` and `onair lottery verify`: a stored lottery written as JSON, CSV and XLSX, and the JSON
checked by anyone (exit 0 when it checks out, 1 when it does not), in English and Chinese."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.lottery import Lottery
from console.core.storage import Storage

REPO = Path(__file__).resolve().parents[2]
OPENED = 1_764_000_000.0


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'onair.db'}"


def stored_lottery(
    url: str,
    drawn: bool = True,
    names: tuple[str, ...] = ("小明", "Alice", "王五", "场控", "12345678901234567890"),
    winners: int = 2,
) -> tuple[int, int]:
    storage = Storage(url)
    try:
        storage.migrate()
        show, _ = storage.open_show("demo", datetime.fromtimestamp(OPENED, UTC), 120)
        lottery, seed = Lottery.open("#抽奖", winners, ("场控",), now=OPENED, mono=0.0, room="demo", show_id=show.id)
        lottery_id = storage.open_lottery(show.id, lottery.record, seed)
        for n, name in enumerate(names):
            event = ChatEvent("bilibili", "s", ChatKind.COMMENT, f"{n:020d}", name, "＃抽奖 我要", t=1.0 + n)
            lottery.offer(event)
        storage.add_lottery_entries(lottery_id, lottery.take_new())
        if drawn:
            storage.draw_lottery(lottery_id, OPENED + 30)
        return show.id, lottery_id
    finally:
        storage.close()


def test_export_json_and_verify_it_then_a_tampered_copy_fails(
    url: str, onair: Callable[..., Any], tmp_path: Path
) -> None:
    show_id, lottery_id = stored_lottery(url)
    target = tmp_path / "draw.json"
    done = onair("lottery", "export", str(target), "--show", str(show_id), "--database", url, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"Wrote lottery {lottery_id} (“#抽奖”, 4 entries, 2 winners) to {target} as JSON."
    ]
    checked = onair("lottery", "verify", str(target), "--lang", "en")
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.splitlines() == [
        "✓ the seed matches the commitment published at the opening",
        "✓ the 2 winners follow from the seed and the 4 entries",
        "The lottery checks out: anyone with this file gets the same winners.",
    ]
    record = json.loads(target.read_text(encoding="utf-8"))
    loser = next(e for e in record["entries"] if e["user_id"] not in {w["user_id"] for w in record["winners"]})
    record["winners"][0] = dict(record["winners"][0], user_id=loser["user_id"], user_name=loser["user_name"])
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    refused = onair("lottery", "verify", str(tampered), "--lang", "zh_CN")
    assert refused.returncode == 1
    lines = refused.stdout.splitlines()
    assert lines[0].startswith("✓ ") and "承诺" in lines[0]
    assert lines[1].startswith("✗ ") and "中奖" in lines[1]
    assert lines[-1] == "抽奖结果校验未通过。"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_lottery_one_viewer_entered_reads_1_entry_and_1_winner(
    url: str, onair: Callable[..., Any], tmp_path: Path, language: str
) -> None:
    """It read "1 entries, 1 winners" (export) and "the 1 winners follow from the seed and the 1 entries" (verify)."""
    show_id, lottery_id = stored_lottery(url, names=("小明",), winners=1)
    target = tmp_path / "draw.json"
    done = onair("lottery", "export", str(target), "--show", str(show_id), "--database", url, "--lang", language)
    assert done.returncode == 0, done.stderr
    checked = onair("lottery", "verify", str(target), "--lang", language)
    assert checked.returncode == 0, checked.stdout
    if language == "en":
        assert done.stdout.splitlines() == [
            f"Wrote lottery {lottery_id} (“#抽奖”, 1 entry, 1 winner) to {target} as JSON."
        ]
        assert "✓ the 1 winner follows from the seed and the 1 entry" in checked.stdout.splitlines(), checked.stdout
    else:
        assert done.stdout.splitlines() == [
            f"已将抽奖 {lottery_id}（“#抽奖”，1 人参与，1 位中奖者）以 JSON 格式写入 {target}。"
        ]
        assert "✓ 1 位中奖者与种子和 1 条参与记录算出的结果一致" in checked.stdout.splitlines(), checked.stdout


def test_unreadable_files_and_undrawn_lotteries_are_said(url: str, onair: Callable[..., Any], tmp_path: Path) -> None:
    missing = onair("lottery", "verify", str(tmp_path / "none.json"), "--lang", "en")
    assert missing.returncode == 1 and "none.json cannot be read" in missing.stderr
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json", encoding="utf-8")
    bad = onair("lottery", "verify", str(garbage), "--lang", "en")
    assert bad.returncode == 1 and "is not a JSON lottery record" in bad.stderr
    _, lottery_id = stored_lottery(url, drawn=False)
    target = tmp_path / "open.json"
    done = onair("lottery", "export", str(target), "--lottery", str(lottery_id), "--database", url, "--lang", "en")
    assert done.returncode == 0 and "Not drawn yet" in done.stdout
    undrawn = onair("lottery", "verify", str(target), "--lang", "en")
    assert undrawn.returncode == 1 and "the seed is not revealed yet" in undrawn.stdout
    nothing = onair("lottery", "export", str(target), "--lottery", "999", "--database", url, "--lang", "en")
    assert nothing.returncode == 2 and "there is no such lottery" in nothing.stderr


def test_csv_and_xlsx_list_the_winners_first_then_every_entry(
    url: str, onair: Callable[..., Any], tmp_path: Path
) -> None:
    _, lottery_id = stored_lottery(url)
    sheet_csv, sheet_xlsx = tmp_path / "draw.csv", tmp_path / "draw.xlsx"
    for path in (sheet_csv, sheet_xlsx):
        done = onair("lottery", "export", str(path), "--lottery", str(lottery_id), "--database", url, "--lang", "zh_CN")
        assert done.returncode == 0, done.stderr
    rows = list(csv.reader(sheet_csv.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["口令", "#抽奖"]  # the dock's word
    header = rows.index([])
    assert rows[header + 1][0] == "中奖名次"
    table = rows[header + 2 :]
    assert [row[0] for row in table] == ["1", "2", "", ""]
    assert "场控" not in {row[3] for row in table}
    book = openpyxl.load_workbook(sheet_xlsx)
    entries = book.worksheets[1]
    values = [[cell.value for cell in row] for row in entries.iter_rows()]
    assert [row[0] for row in values[1:]] == [1, 2, None, None]
    assert "00000000000000000004" in {row[2] for row in values}  # a long id stays text
    # Numbers and times are typed cells, not their text (a walk-through found every one stored as text).
    assert all(isinstance(row[4], datetime) for row in values[1:]), [row[4] for row in values]
    assert entries.cell(row=2, column=5).number_format == "yyyy-mm-dd hh:mm:ss"
    summary = {row[0].value: row[1] for row in book.worksheets[0].iter_rows()}
    # The count is named as a count (walk23: "报名名单, 12" — "entry list" — over the sheet of that name), in the
    # dock's words (参与, not 报名).
    assert summary["参与人数"].value == 4 and summary["参与人数"].data_type == "n"
    assert book.sheetnames[1] == "参与名单" and "参与名单" not in summary
    assert ["参与人数", "4"] in rows
    assert isinstance(summary["开奖时间"].value, datetime) and summary["开奖时间"].is_date
    assert isinstance(summary["中奖名额"].value, int)


def test_the_real_command_verifies_in_a_child_process(url: str, tmp_path: Path) -> None:
    _, lottery_id = stored_lottery(url)
    target = tmp_path / "draw.json"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    for args in (
        ["lottery", "export", str(target), "--lottery", str(lottery_id), "--database", url],
        ["lottery", "verify", str(target), "--lang", "en"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "console", *args], capture_output=True, text=True, env=env, timeout=60
        )
        assert done.returncode == 0, done.stderr
    assert "checks out" in done.stdout


def test_a_cancelled_lottery_is_exported_as_cancelled_when_and_by_whom(
    url: str, onair: Callable[..., Any], tmp_path: Path
) -> None:
    """A cancelled lottery's export once said "not drawn yet", as if its draw were still to come."""
    show_id, lottery_id = stored_lottery(url, drawn=False)
    storage = Storage(url)
    try:
        storage.cancel_lottery(lottery_id, OPENED + 40, "主播助理小林")
    finally:
        storage.close()
    when = datetime.fromtimestamp(OPENED + 40).strftime("%Y-%m-%d %H:%M:%S")
    record = tmp_path / "cancelled.json"
    done = onair("lottery", "export", str(record), "--show", str(show_id), "--database", url, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "Not drawn yet" not in done.stdout
    assert f"Cancelled at {when} by 主播助理小林: never drawn, no winners; its seed stays secret." in done.stdout
    data = json.loads(record.read_text(encoding="utf-8"))
    assert data["state"] == "cancelled" and data["cancelled_by"] == "主播助理小林" and data["seed"] is None
    checked = onair("lottery", "verify", str(record), "--lang", "en")
    assert checked.returncode == 1 and "the lottery was cancelled" in checked.stdout
    assert "not revealed yet" not in checked.stdout
    for lang, state, seed in (
        (
            "en",
            f"Cancelled at {when} by 主播助理小林: never drawn, no winners",
            "not revealed: the lottery was cancelled",
        ),
        ("zh_CN", f"已于 {when} 由 主播助理小林 取消：未开奖，无中奖者", "未公布：抽奖已取消"),
    ):
        sheet = tmp_path / f"cancelled-{lang}.csv"
        done = onair("lottery", "export", str(sheet), "--lottery", str(lottery_id), "--database", url, "--lang", lang)
        assert done.returncode == 0, done.stderr
        rows = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))
        assert rows[1][1] == state
        assert [row[1] for row in rows if len(row) == 2 and row[1].startswith(seed[:3])] == [seed]
        assert "主播助理小林" in {row[1] for row in rows[:14] if len(row) == 2}
