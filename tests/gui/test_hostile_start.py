"""A start among hostile files: the window opens, connects, and says in the user's language what was set aside."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console, Options
from console.settings import Settings
from obs.messages import LinkState

REPO = Path(__file__).resolve().parents[2]


def hostile_config(folder: Path) -> Path:
    """settings.ini, rooms.json and a team checklist folder, each broken the way the torture run broke them."""
    team = folder / "team"
    team.mkdir()
    (team / "tagged.yaml").write_text("id: !!python/name:os.system\ntitle: T\nsections: []\n", encoding="utf-8")
    (team / "deep.yaml").write_text("id: t\ntitle: T\nsections: " + "[" * 5000 + "]" * 5000, encoding="utf-8")
    (folder / "settings.ini").write_text(
        f"[meta]\nversion=abc\n[obs]\nconnect_timeout=inf\n[checklists]\nfolder={team.as_posix()}\n", encoding="utf-8"
    )
    (folder / "rooms.json").write_text('{"rooms": [{"name": "A", "host": "h", "port": 1e400}]}', encoding="utf-8")
    return team


def test_the_window_opens_connects_and_reports_each_broken_file_in_chinese(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONAIR_CONFIG_DIR", str(tmp_path))
    monkeypatch.setenv("ONAIR_DATABASE_URL", f"sqlite:///{tmp_path / 'onair.db'}")
    hostile_config(tmp_path)
    console = Console(qapp, Options(demo=True, lang="zh_CN"), Settings(tmp_path))
    try:
        console.window.show()
        qtbot.waitUntil(lambda: console.bridge.tracker.status.state is LinkState.CONNECTED, timeout=10000)
        assert console.bridge._link_options["connect_timeout"] == 5.0, "the default, not an infinite wait"
        log = "\n".join(text for _, text in console.window.event_log.lines())
        settings_ini, rooms_json = tmp_path / "settings.ini", tmp_path / "rooms.json"
        assert f"{settings_ini} 中 meta/version = “abc” 不是大于等于 0 的整数" in log, log
        assert f"{settings_ini} 中 obs/connect_timeout = “inf” 不是 0.5 到 120 之间的数字" in log
        assert f"{rooms_json} 中的第 1 个直播间（“A”）未载入：端口" in log, "the nested reason is in Chinese too"
        assert "有问题的检查单文件：2 个" in log
        problems = console.window.checklists.problems
        assert sorted((Path(p.file).name, p.line) for p in problems) == [("deep.yaml", 3), ("tagged.yaml", 1)]
        assert "technician-pre-show" in console.window.checklists.templates, "the bundled lists still load"
        assert len(list(tmp_path.glob("settings.ini.broken-*"))) == 1
        assert len(list(tmp_path.glob("rooms.json.broken-*"))) == 1
        # fix25k: said again in English after a switch (they were strings in the language of the start).
        console.switch_language("en")
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        log = "\n".join(f"{who}: {text}" for who, text in console.window.event_log.lines())
        assert f"Console: In {settings_ini}, meta/version = “abc” is not a whole number of 0 or more" in log, log
        assert f"Console: Room 1 (“A”) in {rooms_json} was left out: " in log
        assert "Console: Checklist files with problems: 2." in log
        assert "有问题的检查单文件" not in log and "中控台" not in log
    finally:
        console.window.close()
        console.shutdown()


def test_onair_starts_without_a_traceback_and_takes_its_picture(tmp_path: Path) -> None:
    hostile_config(tmp_path)
    env = dict(os.environ, ONAIR_CONFIG_DIR=str(tmp_path), ONAIR_DATABASE_URL=f"sqlite:///{tmp_path / 'onair.db'}")
    env["QT_QPA_PLATFORM"] = "offscreen"
    picture = tmp_path / "start.png"
    result = subprocess.run(
        [sys.executable, "-m", "console", "--demo", "--lang", "en", "--screenshot", str(picture)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0 and picture.exists(), result.stderr
    assert "Traceback" not in result.stderr
