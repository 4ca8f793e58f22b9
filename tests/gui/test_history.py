"""Checklist history: filter past runs, see one whole, export it to CSV (Excel-safe) and PDF."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from checklists.engine import ChecklistRun
from checklists.loader import load_all
from console.app import Console
from console.core.storage import Storage, default_url
from console.mainwindow import MainWindow
from console.pdf_report import write_pdf
from console.settings import Settings
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import cell, header_text
from widgets.history_dialog import HistoryDialog


def seed() -> None:
    storage = Storage(default_url())
    storage.migrate()
    now = datetime.now(UTC)
    templates = load_all()[0]
    first = ChecklistRun(templates["streamer-go-live"], "小李", "一号直播间", now - timedelta(hours=3))
    first.confirm("script", "小李")
    first.override("mic-live", "王工", "备用麦克风，已人工试音")
    first.set_note("phone-silent", "两部手机都静音了")
    storage.save_run(first, "zh_CN")
    storage.save_run(ChecklistRun(templates["technician-pre-show"], "王工", "二号直播间", now - timedelta(hours=2)))
    storage.save_run(ChecklistRun(templates["streamer-go-live"], "小张", "一号直播间", now - timedelta(days=60)))
    storage.close()


def open_history(qtbot: QtBot, window: MainWindow) -> HistoryDialog:
    dialog = window.show_history()
    # The search said its count ("2 runs", "共 2 次"): the table is filled.
    qtbot.waitUntil(lambda: re.fullmatch(r"\d+ runs?|共 \d+ 次", dialog.message.text()) is not None, timeout=5000)
    return dialog


def test_filter_and_open_a_run(qtbot: QtBot, make_window: Callable[..., MainWindow], sim: SimulatorThread) -> None:
    seed()
    window: MainWindow = make_window(sim.port, connect=False)
    dialog = open_history(qtbot, window)
    assert dialog.runs_table.rowCount() == 2, "the last 30 days by default"
    assert dialog.message.text() == "2 runs"
    dialog.operator.setText("小李")
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.message.text() == "1 run", timeout=5000)
    # The filtered run, not the one selected before the filter (at -n 6 the items read were still 王工's run's).
    qtbot.waitUntil(lambda: dialog.selected is not None and dialog.selected.operator == "小李", timeout=5000)
    titles = [cell(dialog.items_table, r, 1) for r in range(dialog.items_table.rowCount())]
    assert "Script and product notes at hand" in titles, "saved from a Chinese console, read in English"
    results = [cell(dialog.items_table, r, 2) for r in range(dialog.items_table.rowCount())]
    assert any("备用麦克风" in text for text in results)
    dialog.room.setText("二号直播间")
    dialog.operator.clear()
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.message.text() == "1 run", timeout=5000)
    assert cell(dialog.runs_table, 0, 3) == "王工"


def test_the_runs_are_counted_in_chinese(
    qtbot: QtBot, make_window: Callable[..., MainWindow], sim: SimulatorThread, chinese: None
) -> None:
    """ "1 run(s)" in English; in Chinese the count reads 共 1 次 / 共 2 次, with no English left."""
    seed()
    window: MainWindow = make_window(sim.port, connect=False)
    dialog = open_history(qtbot, window)
    assert dialog.message.text() == "共 2 次"
    dialog.operator.setText("小李")
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.message.text() == "共 1 次", timeout=5000)


def test_export_csv_and_pdf(
    qtbot: QtBot, make_window: Callable[..., MainWindow], sim: SimulatorThread, tmp_path: Path
) -> None:
    seed()
    window: MainWindow = make_window(sim.port, connect=False)
    dialog = open_history(qtbot, window)
    dialog.operator.setText("小李")
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.selected is not None and dialog.selected.operator == "小李", timeout=5000)
    assert dialog.export("csv-raw", tmp_path / "run.csv")
    raw = (tmp_path / "run.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a BOM, so Excel on Chinese Windows shows 中文, not mojibake"
    rows = list(csv.DictReader((tmp_path / "run.csv").open(encoding="utf-8-sig")))
    mic = next(r for r in rows if r["item"] == "mic-live")
    assert mic["status"] == "overridden" and mic["override_reason"] == "备用麦克风，已人工试音"
    assert mic["confirmed_by"] == "王工" and rows[0]["operator"] == "小李"
    assert dialog.export("pdf", tmp_path / "run.pdf")
    pdf = (tmp_path / "run.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000
    assert not dialog.export("csv", tmp_path / "no-such-folder" / "run.csv")
    assert "Could not write" in dialog.message.text()


def test_the_history_shows_each_runs_room_show_kind_and_end(
    qtbot: QtBot, make_window: Callable[..., MainWindow], sim: SimulatorThread, tmp_path: Path
) -> None:
    storage = Storage(default_url())
    storage.migrate()
    now = datetime.now(UTC)
    show, _ = storage.open_show("一号直播间", now - timedelta(hours=1), 60)
    templates = load_all()[0]
    pre = ChecklistRun(templates["streamer-go-live"], "小李", "一号直播间", now - timedelta(minutes=50), show.id)
    pre.override_go_live("小李", "平台活动准点开始")
    pre.freeze_at_go_live()
    storage.save_run(pre, "zh_CN")
    trouble = ChecklistRun(
        templates["troubleshoot-network"], "王工", "一号直播间", now - timedelta(minutes=20), show.id
    )
    trouble.abandon("王工", "网络已恢复")
    storage.save_run(trouble, "en")
    storage.close()
    window: MainWindow = make_window(sim.port, connect=False)
    dialog = open_history(qtbot, window)
    qtbot.waitUntil(lambda: dialog.runs_table.rowCount() == 2, timeout=5000)
    header = [header_text(dialog.runs_table, c) for c in range(dialog.runs_table.columnCount())]
    rows = [
        {header[c]: cell(dialog.runs_table, r, c) for c in range(dialog.runs_table.columnCount())} for r in range(2)
    ]
    assert [r["Kind"] for r in rows] == ["Troubleshooting", "Pre-show"]
    assert all(r["Room"] == "一号直播间" and f"show {show.id}" in r["Show"] for r in rows)
    assert rows[0]["End"] == "abandoned by 王工: 网络已恢复" and rows[1]["End"].startswith("went live at")
    dialog.runs_table.setCurrentCell(1, 0)
    qtbot.waitUntil(lambda: dialog.selected is not None and dialog.selected.kind == "pre-show", timeout=5000)
    assert dialog.export("csv-raw", tmp_path / "pre.csv")
    first = next(csv.DictReader((tmp_path / "pre.csv").open(encoding="utf-8-sig")))
    assert (first["checklist_kind"], first["show_id"], first["end_state"], first["ended_by"]) == (
        "pre-show",
        str(show.id),
        "went_live",
        "小李",
    )
    from console.pdf_report import run_html

    assert dialog.selected is not None
    assert "Kept as it was when the stream started" in run_html(dialog.selected) and f"Show {show.id}" in run_html(
        dialog.selected
    )


def test_a_run_made_in_a_chinese_console_reads_in_chinese_in_the_history_csv_and_pdf(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings, tmp_path: Path
) -> None:
    """Started with --lang zh_CN (nothing picked from the Language menu): the run, its history, its CSV and its
    PDF say everything in Chinese, except what people typed, which stays as typed."""
    from console.pdf_report import run_html
    from tests.gui.conftest import connected, start

    console = start(qapp, consoles, settings, demo=True, lang="zh_CN")
    connected(qtbot, console)
    checklists = console.window.checklists
    checklists.start("technician-pre-show", "王工", checklists.room)
    qtbot.waitUntil(
        lambda: checklists.run is not None and checklists.run.states["obs-connected"].outcome is not None, timeout=20000
    )
    qtbot.waitUntil(lambda: checklists.run_id is not None and not checklists.checking, timeout=20000)
    assert checklists.note("wired-network", "wired network checked by hand")
    checklists.wait_idle()
    dialog = console.window.show_history()
    qtbot.waitUntil(lambda: dialog.selected is not None, timeout=5000)
    assert cell(dialog.runs_table, 0, 2) == "技术开播前检查"
    rows = {
        cell(dialog.items_table, r, 1): [cell(dialog.items_table, r, c) for c in range(5)]
        for r in range(dialog.items_table.rowCount())
    }
    connected_row = rows["OBS 已连接"]
    assert connected_row[0] == "通过", "a status in words, not “passed”"
    assert connected_row[2].startswith("已连接 OBS 29.0.2"), connected_row
    assert (
        rows["使用有线网络推流（不用 Wi-Fi）"][0] == "需人工确认"
        and rows["使用有线网络推流（不用 Wi-Fi）"][4] == "wired network checked by hand"
    )
    assert dialog.export("csv", tmp_path / "run.csv")
    table = list(csv.reader((tmp_path / "run.csv").open(encoding="utf-8-sig")))
    header, lines = table[0], [dict(zip(table[0], line, strict=True)) for line in table[1:]]
    assert header[:3] == ["检查单", "检查单类型", "直播间"], header
    first = next(line for line in lines if line["检查项"] == "OBS 已连接")
    assert (first["检查单"], first["状态"], first["必需"]) == ("技术开播前检查", "通过", "是")
    assert first["结果"].startswith("已连接 OBS 29.0.2")
    assert dialog.export("csv-raw", tmp_path / "raw.csv")
    raw = next(
        r for r in csv.DictReader((tmp_path / "raw.csv").open(encoding="utf-8-sig")) if r["item"] == "obs-connected"
    )
    assert (raw["status"], raw["detail"]) == ("passed", "Connected to OBS 29.0.2."), "scripts keep machine names"
    assert dialog.selected is not None
    html = run_html(dialog.selected, "zh_CN")
    assert "技术开播前检查" in html and "已连接 OBS 29.0.2" in html and "通过" in html and "Connected" not in html


def test_the_history_speaks_the_readers_language_whatever_the_run_was_saved_in(
    qtbot: QtBot, make_window: Callable[..., MainWindow], sim: SimulatorThread
) -> None:
    """A run saved from an English console reads in English; the same run read in a Chinese window (another
    operator, or after a switch) is in Chinese; a row from before the run kept its language shows its text."""
    from checklists.checks import failed
    from checklists.engine import ItemState, ItemStatus

    storage = Storage(default_url())
    storage.migrate()
    run = ChecklistRun(load_all()[0]["streamer-go-live"], "Lee", "Room 1")
    run.states["mic-live"] = ItemState(ItemStatus.FAILED, failed("“{input}” is muted.", input="主播麦克风"))
    storage.save_run(run, "en")
    storage.close()
    window: MainWindow = make_window(sim.port, connect=False)
    dialog = open_history(qtbot, window)
    qtbot.waitUntil(lambda: dialog.selected is not None, timeout=5000)
    english = {
        cell(dialog.items_table, r, 1): cell(dialog.items_table, r, 2) for r in range(dialog.items_table.rowCount())
    }
    assert english["Microphone picks up your voice (say a few words)"] == "“主播麦克风” is muted."
    from widgets.history_dialog import HistoryDialog

    chinese = HistoryDialog(window.checklists, "zh_CN", write_pdf, window)
    qtbot.addWidget(chinese)
    qtbot.waitUntil(lambda: chinese.selected is not None, timeout=5000)
    titles = [cell(chinese.items_table, r, 1) for r in range(chinese.items_table.rowCount())]
    assert "话术和商品资料在手边" in titles and cell(chinese.runs_table, 0, 2) == "主播开播确认"


def test_export_dialogs_open_in_the_documents_folder(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    sim: SimulatorThread,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not the folder the console happened to be started from (often the install folder, or /)."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(tmp_path)
    seed()
    window: MainWindow = make_window(sim.port, connect=False)
    dialog = open_history(qtbot, window)
    qtbot.waitUntil(lambda: dialog.selected is not None, timeout=5000)
    for suffix in ("csv", "pdf"):
        suggested = Path(dialog.suggested(suffix))
        assert suggested.parent == home / "Documents" and suggested.name.endswith(f".{suffix}")
    from console.docks import GRAPH_DOCKS

    graph = window.graph(GRAPH_DOCKS[0])
    assert Path(graph._suggested("png")).parent == home / "Documents", "the graphs' exports too"


def test_the_run_detail_says_status_in_words_when_it_was_confirmed_and_what_was_optional(
    qtbot: QtBot, make_window: Callable[..., MainWindow], sim: SimulatorThread
) -> None:
    storage = Storage(default_url())
    storage.migrate()
    run = ChecklistRun(load_all()[0]["host-assistant-pre-show"], "小李", "一号直播间")
    run.confirm("products", "小李")
    run.override("mic-live", "王工", "备用麦克风，已人工试音")
    storage.save_run(run, "zh_CN")
    storage.close()
    confirmed_at = run.states["products"].confirmed_at
    assert confirmed_at is not None
    window: MainWindow = make_window(sim.port, connect=False)
    dialog = open_history(qtbot, window)
    qtbot.waitUntil(lambda: dialog.selected is not None, timeout=5000)
    table = dialog.items_table
    rows = {cell(table, r, 1): [cell(table, r, c) for c in range(5)] for r in range(table.rowCount())}
    assert rows["Today's products are laid out in order"][0] == "Passed", "a word, not the stored value `passed`"
    assert rows["Microphone picks up the host (speak now)"][0] == "Overridden"
    assert rows["Today's products are laid out in order"][3] == "小李 at " + confirmed_at.astimezone().strftime(
        "%Y-%m-%d %H:%M"
    )
    assert any(title.startswith("(optional) ") for title in rows), "an optional item says so"
    from widgets.history_dialog import HistoryDialog

    chinese = HistoryDialog(window.checklists, "zh_CN", write_pdf, window)
    qtbot.addWidget(chinese)
    qtbot.waitUntil(lambda: chinese.selected is not None, timeout=5000)
    statuses = {cell(chinese.items_table, r, 0) for r in range(chinese.items_table.rowCount())}
    assert "passed" not in statuses and "overridden" not in statuses
