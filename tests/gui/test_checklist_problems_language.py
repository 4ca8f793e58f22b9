"""The Checklist dock lists a team file's problems in the window's language, file and line as they are."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.simulator.server import SimulatorThread


def test_a_broken_team_file_reads_in_chinese_in_the_dock(
    qtbot: QtBot, qapp: QApplication, sim: SimulatorThread, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    from console.i18n import install_translator, remove_translators

    folder = tmp_path / "team"
    folder.mkdir()
    live = folder / "live.yaml"
    live.write_text(
        "id: live\ntitle: L\nsections:\n  - title: S\n    items:\n      - id: mic\n        title: Mic\n"
        "        check: audio.level_above\n        with:\n          input: Mic\n          seconds: 86400\n",
        encoding="utf-8",
    )
    (folder / "half.yaml").write_text(
        "id: half\ntitle: H\nsections:\n  - title: S\n    items:\n      - id: a\n        manual: true\n"
    )
    translators = install_translator(qapp, "zh_CN")
    try:
        window: MainWindow = make_window(sim.port, connect=False)
        window.checklist.use_folder(str(folder))
        shown = window.checklist.problems.text()
    finally:
        remove_translators(qapp, translators)
    assert not window.checklist.problems.isHidden()
    assert shown.splitlines() == [
        f"{folder / 'half.yaml'}:6: 检查项“a”缺少“title”",
        f"{live}:11: audio.level_above 的参数“seconds”必须不小于 0.1 且不大于 60，而不是 86400.0",
    ]
