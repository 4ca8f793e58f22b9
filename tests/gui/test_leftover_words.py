"""Words of the walkthrough's leftovers: Qt's own file dialog in Chinese, and the monitor's LIVE state that must
not read as one of the demo room's scene names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QFileInfo
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QFileIconProvider, QLabel


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave])
def test_qts_file_dialog_speaks_chinese(
    chinese: None, qapp: QApplication, mode: QFileDialog.AcceptMode, tmp_path: Path
) -> None:
    """Qt's own file dialog (Export CSV, the checklist folder, the audience file) had "Look in:" and "Files of
    type:" in English beside Chinese buttons: qtbase's Chinese catalogue lacks them."""
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    dialog.show()
    qapp.processEvents()
    try:
        words = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        words += [button.text() for button in dialog.findChildren(QAbstractButton) if button.text()]
        # A Chinese label keeps its Latin shortcut letter: 文件名称(&N)：
        english = [word for word in words if re.search("[A-Za-z]", re.sub(r"\(&\w\)|&", "", word))]
        assert not english, english
        assert any("查找范围" in word for word in words), words
        assert QCoreApplication.translate("QFileDialog", "File &name:") != "File &name:"
        # The file list's Type column says what a folder is (it said "Folder").
        assert QFileIconProvider().type(QFileInfo(str(tmp_path))) == "文件夹"
    finally:
        dialog.close()
        dialog.deleteLater()


def test_the_monitors_live_word_is_no_demo_scene_name(chinese: None) -> None:
    """`onair monitor` said 直播中 for LIVE — the demo room's scene of the same name: "直播中 … [直播中]"."""
    from console.cli import _monitor_text
    from obs.simulator.room import live_commerce_room

    scenes = {scene.name for scene in live_commerce_room(0.0, seed=1).scenes}
    line = {
        "t": "12:00:00", "connected": True, "link": "connected", "streaming": True, "reconnecting": False,
        "bitrate_kbps": 2500.0, "fps": 30.0, "fps_target": 30.0, "render_ms": 4.0, "cpu_system_pct": 12.0,
        "cpu_obs_pct": 5.0, "viewers": 10, "scene": "商品特写", "findings": [],
        "dropped": {"render": 0.0, "encode": 0.0, "network": 0.0},
    }  # fmt: skip
    text = _monitor_text(line, QCoreApplication.translate)
    live = QCoreApplication.translate("Monitor", "LIVE")
    assert live != "LIVE" and live in text
    assert not any(scene in text.replace("[商品特写]", "") for scene in scenes), text
