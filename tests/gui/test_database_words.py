"""The console's own database trouble in the reader's language: a show review that cannot read its database said
the driver's English ("connection failed: connection to server at … failed: Connection refused") on a Chinese
console. The cause is said in words now (console/core/dbtrouble.py). So did every line showing a failure of the
console's own SQLite file ("database or disk is full"): the Graphs' status line, the rundown's, the engagement's, the
review's, the event log's, the log review's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.bridge import ObsBridge
from console.core.storage import Storage, StorageError
from console.core.telemetry.live import Telemetry
from console.core.telemetry.writer import ShowWriter
from console.database_words import said
from console.event_text import describe_error
from console.i18n import install_translator, remove_translators
from console.log_review import comparer
from console.review_windows import problem_text
from console.rundown_controller import in_words
from console.telemetry_controller import TelemetryController
from obs.logfile import analyze_lines
from tests.conftest import PostgresCluster, fill_disk, remount
from tests.console.test_telemetry import a_show
from widgets.review_port import describe


def test_a_review_whose_database_is_stopped_says_so_in_chinese(
    own_postgres: PostgresCluster, qapp: QApplication
) -> None:
    own_postgres.start()
    own_postgres.stop()
    with pytest.raises(StorageError) as stopped:
        Storage(own_postgres.url + "/postgres").migrate()
    translators = install_translator(qapp, "zh_CN")
    try:
        said = describe(stopped.value)
    finally:
        remove_translators(qapp, translators)
    assert "Connection refused" not in said and "failed" not in said
    assert f"127.0.0.1:{own_postgres.port}/postgres 拒绝了连接" in said


# ---- the console's own SQLite file (the default storage): its failure said by its cause, not SQLite's English
def graphs_line(small_disk: Path, qapp: QApplication, qtbot: QtBot, spoil: Callable[[], None]) -> list[str]:
    """The Graphs' status lines of a Chinese console whose telemetry writer keeps a show on `small_disk` and
    meets what `spoil` does to it; the lines said until it recovered (what `spoil` did is undone by then)."""
    url = f"sqlite:///{Path(small_disk) / 'onair.db'}"
    bridge = ObsBridge()
    controller = TelemetryController(bridge, store=False)
    lines: list[str] = []
    # The controller hands over words to say in the language of the moment (None: the trouble is over).
    controller.sig_problem.connect(lambda words: lines.append(words() if words is not None else ""))
    opened: list[object] = []
    translators = install_translator(qapp, "zh_CN")
    telemetry = Telemetry()
    # The writer's thread reports through the bridge's signal, as a room session's writer does.
    writer = ShowWriter(
        "一号直播间",
        lambda *show: opened.append(show),
        bridge.sig_storage_problem.emit,
        lambda: Storage(url),
        flush_s=0.05,
    )
    try:
        writer.start()
        qtbot.waitUntil(lambda: bool(opened or (lines and lines[-1])), timeout=20_000)  # a show, or trouble
        spoil()
        for minute in range(4):
            a_show(telemetry, 1000.0 + minute * 60, 60)
            writer.put(*telemetry.take_unsaved())
        qtbot.waitUntil(lambda: bool(lines and lines[-1]), timeout=20_000)
        return lines
    finally:
        remove_translators(qapp, translators)
        writer.stop()
        controller.shutdown()
        bridge.shutdown()


def test_the_graphs_line_says_a_full_disk_in_chinese(small_disk: Path, qapp: QApplication, qtbot: QtBot) -> None:
    """It read "图表历史未能保存：the database (sqlite:////…/onair.db) failed: database or disk is full"."""
    lines = graphs_line(small_disk, qapp, qtbot, lambda: fill_disk(small_disk))
    where = Path(small_disk) / "onair.db"
    assert lines[-1] == f"图表历史未能保存：存放 {where} 的磁盘已满（请腾出一些空间）", lines
    assert not any("disk is full" in line for line in lines), lines


def test_the_graphs_line_says_a_read_only_disk_in_chinese(small_disk: Path, qapp: QApplication, qtbot: QtBot) -> None:
    where = Path(small_disk) / "onair.db"
    made = Storage(f"sqlite:///{where}")
    made.migrate()
    made.close()
    remount(small_disk, "ro")
    try:
        lines = graphs_line(small_disk, qapp, qtbot, lambda: None)
    finally:
        remount(small_disk, "rw")
    assert lines[-1].startswith("图表历史未能保存："), lines
    assert "只读" in lines[-1] and str(where) in lines[-1] and "readonly" not in lines[-1], lines


@pytest.mark.parametrize(
    "say",
    [in_words, problem_text, describe_error, said],
    ids=["rundown-and-engage", "review-windows", "event-log", "helper"],
)
def test_every_place_that_shows_a_storage_error_says_a_damaged_file_in_chinese(
    tmp_path: Path, qapp: QApplication, say: Callable[[BaseException], str]
) -> None:
    garbage = tmp_path / "onair.db"
    garbage.write_bytes(bytes(range(256)) * 32)
    with pytest.raises(StorageError) as damaged:
        Storage(f"sqlite:///{garbage}").migrate()
    translators = install_translator(qapp, "zh_CN")
    try:
        shown = say(damaged.value)
    finally:
        remove_translators(qapp, translators)
    assert shown == f"{garbage} 已损坏，或不是数据库文件"
    assert say(StorageError("there is no show 7")).endswith("there is no show 7")  # no cause told: as it is


def test_the_log_reviews_comparison_says_a_damaged_file_in_chinese(tmp_path: Path, qapp: QApplication) -> None:
    garbage = tmp_path / "onair.db"
    garbage.write_bytes(bytes(range(256)) * 32)
    report = analyze_lines(["20:14:03.120: OBS 29.1.3 (linux)"], "2024-04-06 20-14-03.txt")
    comparison = comparer(f"sqlite:///{garbage}", "一号直播间")(report, None)
    assert comparison.problem is not None
    translators = install_translator(qapp, "zh_CN")
    try:
        shown = comparison.problem.in_language(QCoreApplication.translate)
    finally:
        remove_translators(qapp, translators)
    assert f"{garbage} 已损坏，或不是数据库文件" in shown and "not a database" not in shown, shown
