"""`onair report` for each selector (--show, --last --room, --from --to with --room/--host), its text, JSON and
files, and its refusals (exit status 2 with a sentence, never a traceback); on real SQLite and PostgreSQL, and
once as a child process."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from console.core.review.shows import clean_meta
from console.core.storage import Storage
from tests.console.test_review_export import ROOM, T0, stored_show


def second_show(storage: Storage, room: str, hours_later: float, host: str) -> int:
    began = T0 + timedelta(hours=hours_later)
    show, _ = storage.open_show(room, began, 0)
    t0 = began.timestamp()
    storage.add_telemetry(show.id, [{"t": t0 + s, "viewers": 500.0, "streaming": 1.0} for s in range(120)], [])
    storage.end_show(show.id, began + timedelta(seconds=120))
    storage.set_show_meta(show.id, clean_meta("晚场", [host]), by="王主管")
    return show.id


@pytest.fixture
def studio(storage: Storage) -> tuple[str, list[int]]:
    """Three shows: the rich one of ROOM, a later one of ROOM (阿强), one of another room (小美) the next day."""
    ids = [stored_show(storage), second_show(storage, ROOM, 3, "阿强"), second_show(storage, "二号直播间", 26, "小美")]
    return storage.url, ids


def test_a_show_by_id_as_text_json_and_files(onair: Any, studio: tuple[str, list[int]], tmp_path: Path) -> None:
    url, (show, _, _) = studio
    xlsx, csv_path = tmp_path / "show.xlsx", tmp_path / "show.csv"
    done = onair(
        "report", "--show", str(show), "--xlsx", str(xlsx), "--csv", str(csv_path), "--lang", "en", "--database", url
    )
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert f"Show {show} — {ROOM} — 双十一预热" in text and "Hosts: 小美, 阿强" in text
    assert "Viewers: peak 1,000" in text and "Verdict: Technical problems plausibly cost about" in text
    assert "Pre-show checklist at go-live: overridden (by 王工: “平台活动准点开始”)" in text
    assert "开场" in text and "商品讲解" in text and "Network drops" in text
    assert f"Written: {xlsx}" in text and f"Written: {csv_path}" in text
    assert openpyxl.load_workbook(xlsx).sheetnames[0] == "Summary"
    assert csv_path.read_text(encoding="utf-8-sig").startswith("Time,")
    as_json = onair("report", "--show", str(show), "--json", "--database", url)
    shown = json.loads(as_json.stdout)
    assert shown["id"] == show and shown["viewers_peak"] == 1000 and shown["checklist"] == "overridden"
    assert [i["finding"] for i in shown["incidents"]] == ["network"] and shown["incidents"][0]["impact"] == "assessed"
    assert shown["dropped_frames_pct"]["encode"] is None, "never measured: null, not 0"
    chinese = onair("report", "--show", str(show), "--lang", "zh_CN", "--database", url)
    assert chinese.returncode == 0 and "场次" in chinese.stdout and "结论" in chinese.stdout, chinese.stdout


def test_the_last_show_of_a_room(onair: Any, studio: tuple[str, list[int]]) -> None:
    url, (_, later, _) = studio
    done = onair("report", "--last", "--room", ROOM, "--json", "--database", url)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == later and json.loads(done.stdout)["hosts"] == ["阿强"]


def test_a_period_per_room_and_per_host(onair: Any, studio: tuple[str, list[int]], tmp_path: Path) -> None:
    url, ids = studio
    day = T0.astimezone().date()
    span = ("--from", day.isoformat(), "--to", (day + timedelta(days=1)).isoformat())
    done = onair("report", *span, "--period", "day", "--json", "--database", url)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    shown = {(p["name"], p["period"]): p["show_ids"] for p in report["periods"] if p["shows"]}
    assert sum(len(v) for v in shown.values()) == 3 and report["per"] == "room"
    assert all(p["on_time"] is None for p in report["periods"]), "no planned starts: on time is unknown"
    one_room = json.loads(onair("report", *span, "--room", "二号直播间", "--json", "--database", url).stdout)
    assert {p["name"] for p in one_room["periods"]} == {"二号直播间"}
    xlsx = tmp_path / "period.xlsx"
    host = onair("report", *span, "--host", "阿强", "--xlsx", str(xlsx), "--lang", "zh_CN", "--database", url)
    assert host.returncode == 0, host.stderr
    assert "阿强" in host.stdout and "周期" in host.stdout and "主播" in host.stdout, host.stdout
    # Duration and time on air as h:mm:ss (decimal hours before), and the part of it the console did not see.
    assert "时长" in host.stdout and "直播时长" in host.stdout and " 0:22:00 " in host.stdout, host.stdout
    # On air until each show was ended: its last stored second streaming lasts too (the 120-s show streamed 2:00).
    assert " 0:21:45（其中未监控：1 分 1 秒）" in host.stdout, host.stdout
    book = openpyxl.load_workbook(xlsx)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "周期" and {row[3] for row in rows[1:] if row[4]} == {"阿强"}
    assert {row[0] for row in list(book.worksheets[1].iter_rows(values_only=True))[1:]} == {ids[0], ids[1]}


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--show", "999"], "there is no show 999"),
        (["--last", "--room", "没有的直播间"], "has no stored show"),
        (["--last"], "--last needs --room"),
        ([], "say which report"),
        (["--show", "1", "--from", "2026-11-01", "--to", "2026-11-02"], "cannot be combined"),
        (["--from", "2026-11-01"], "needs both --from DATE and --to DATE"),
        (["--from", "2020-01-01", "--to", "2020-01-31"], "no stored show started in that range"),
        (["--from", "2026-13-01", "--to", "2026-12-01"], "is not a date"),
    ],
)
def test_what_cannot_be_done_is_refused_with_status_2(
    onair: Any, studio: tuple[str, list[int]], args: list[str], words: str
) -> None:
    url, _ = studio
    refused = onair("report", *args, "--lang", "en", "--database", url)
    assert refused.returncode == 2, (refused.stdout, refused.stderr)
    assert words in refused.stderr and "Traceback" not in refused.stderr


def test_a_file_that_cannot_be_written_is_refused_and_named(
    onair: Any, studio: tuple[str, list[int]], tmp_path: Path
) -> None:
    url, (show, _, _) = studio
    target = tmp_path / "no such folder" / "show.xlsx"
    refused = onair("report", "--show", str(show), "--xlsx", str(target), "--lang", "zh_CN", "--database", url)
    assert refused.returncode == 2 and f"无法写入 {target}" in refused.stderr and "不存在" in refused.stderr
    assert not target.parent.exists()


def test_onair_report_runs_as_a_command(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    storage = Storage(url)
    storage.migrate()
    show = stored_show(storage)
    storage.close()
    xlsx = tmp_path / "show.xlsx"
    command = [sys.executable, "-m", "console.cli", "report", "--show", str(show), "--xlsx", str(xlsx)]
    done = subprocess.run(
        [*command, "--json", "--database", url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["files"] == [str(xlsx)]
    assert openpyxl.load_workbook(xlsx).worksheets[1].max_row == 1 + 1200


def test_a_period_as_pdf_in_chinese(onair: Any, studio: tuple[str, list[int]], tmp_path: Path) -> None:
    """`onair report --from … --to … --pdf`: the period report as an A4 landscape PDF in the reader's language —
    its periods table (a day with a show counts it) and the shows it counted."""
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")  # .ci/run installs it
    url, ids = studio
    day = T0.astimezone().date()
    pdf = tmp_path / "period.pdf"
    span = ("--from", day.isoformat(), "--to", (day + timedelta(days=1)).isoformat(), "--period", "day")
    done = onair("report", *span, "--pdf", str(pdf), "--lang", "zh_CN", "--database", url)
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "周期报告" in text and "二号直播间" in text and f"{day:%Y-%m-%d}" in text
    assert all(str(show) in text for show in ids), "every show counted is listed"
    assert "直播时长" in text and "0:21:45" in text, "the time on air as h:mm:ss"
    assert "直播时长中含 0:01:01 中控台未监控" in text, "and the part of it the console did not see"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "landscape" in info or "842 x 595" in info.replace(".", " ").replace("  ", " "), info
