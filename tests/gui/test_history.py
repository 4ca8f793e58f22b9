"""Checklist history: filter past runs, see one whole, export it to CSV (Excel-safe) and PDF."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

from checklists.engine import ChecklistRun
from checklists.loader import load_all
from console.mainwindow import MainWindow
from console.storage import Storage, default_url


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


def open_history(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    dialog = window.show_history()
    qtbot.waitUntil(lambda: "run(s)" in dialog.message.text(), timeout=5000)
    return dialog


def test_filter_and_open_a_run(qtbot, make_window, sim) -> None:  # type: ignore[no-untyped-def]
    seed()
    window: MainWindow = make_window(sim.port, connect=False)
    dialog = open_history(qtbot, window)
    assert dialog.runs_table.rowCount() == 2, "the last 30 days by default"
    dialog.operator.setText("小李")
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.message.text() == "1 run(s)", timeout=5000)
    qtbot.waitUntil(lambda: dialog.selected is not None, timeout=5000)
    titles = [dialog.items_table.item(r, 1).text() for r in range(dialog.items_table.rowCount())]
    assert "话术和商品资料在手边" in titles
    results = [dialog.items_table.item(r, 2).text() for r in range(dialog.items_table.rowCount())]
    assert any("备用麦克风" in text for text in results)
    dialog.room.setText("二号直播间")
    dialog.operator.clear()
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.message.text() == "1 run(s)", timeout=5000)
    assert dialog.runs_table.item(0, 3).text() == "王工"


def test_export_csv_and_pdf(qtbot, make_window, sim, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed()
    window: MainWindow = make_window(sim.port, connect=False)
    dialog = open_history(qtbot, window)
    dialog.operator.setText("小李")
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.selected is not None and dialog.selected.operator == "小李", timeout=5000)
    assert dialog.export("csv", tmp_path / "run.csv")
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


def test_the_history_shows_each_runs_room_show_kind_and_end(qtbot, make_window, sim, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
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
    header = [dialog.runs_table.horizontalHeaderItem(c).text() for c in range(dialog.runs_table.columnCount())]
    rows = [
        {header[c]: dialog.runs_table.item(r, c).text() for c in range(dialog.runs_table.columnCount())}
        for r in range(2)
    ]
    assert [r["Kind"] for r in rows] == ["Troubleshooting", "Pre-show"]
    assert all(r["Room"] == "一号直播间" and f"show {show.id}" in r["Show"] for r in rows)
    assert rows[0]["End"] == "abandoned by 王工: 网络已恢复" and rows[1]["End"].startswith("went live at")
    dialog.runs_table.setCurrentCell(1, 0)
    qtbot.waitUntil(lambda: dialog.selected is not None and dialog.selected.kind == "pre-show", timeout=5000)
    assert dialog.export("csv", tmp_path / "pre.csv")
    first = next(csv.DictReader((tmp_path / "pre.csv").open(encoding="utf-8-sig")))
    assert (first["checklist_kind"], first["show_id"], first["end_state"], first["ended_by"]) == (
        "pre-show",
        str(show.id),
        "went_live",
        "小李",
    )
    from console.pdf_report import run_html

    assert "Kept as it was when the stream started" in run_html(dialog.selected) and f"Show {show.id}" in run_html(
        dialog.selected
    )
