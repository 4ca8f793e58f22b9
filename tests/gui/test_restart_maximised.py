"""A console that was maximised starts again with a workspace asked for (`onair --workspace Assistant`, as the host
assistant's desk starts it after a kill -9 on air): it crashed in splitDockWidget at every such start on a 1366×768
laptop (host17's walk). Qt restored the saved dock state twice into the hidden, maximised window — once at once and
again, at the first resize, from a copy whose dock items the workspace had freed by then.

Each start runs in a child process on an offscreen 1366×768 screen (tests/gui/screen_probe.py): a crash is that
process's exit status, said with its stderr, not the end of the test run."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from tests.gui.screen_probe import run_probe, wait_settled


def start(mode: str, folder: Path) -> dict[str, Any]:
    return run_probe("tests.gui.test_restart_maximised", [mode, str(folder)], 1366, 768)


def test_a_console_closed_maximised_starts_again_with_its_workspace(tmp_path: Path) -> None:
    first = start("first", tmp_path)
    assert first["maximised"], "a first start is maximised (the state the crash needed)"
    second = start("again", tmp_path)  # killed by SIGSEGV before the fix
    assert second["maximised"], "it comes back maximised, as it was left"
    assert {"scenes", "program", "output", "audio", "checklist"} <= set(second["docks"])
    assert second["ticked"] == ["Assistant"]
    # Laid out at the full size, as the first start was: not the Scenes dock taking every pixel the window grew by.
    # And without a workspace asked for: the docks as they were left, at the full size too.
    third = start("kept", tmp_path)
    for again in (second, third):
        for dock, width in first["widths"].items():
            assert abs(again["widths"][dock] - width) <= 8, (dock, first["widths"], again["widths"])


def _probe(mode: str, folder: str) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from console.bridge import ObsBridge
    from console.mainwindow import MainWindow
    from console.settings import Settings

    app = QApplication.instance() or QApplication([])
    bridge = ObsBridge()
    window = MainWindow(bridge, Settings(Path(folder)))
    try:
        if mode == "again":
            window.apply_workspace("Assistant")  # what --workspace does, before the window shows (console/app.py)
        window.show_window()
        wait_settled(lambda: (window.isMaximized(), window.size().toTuple(), sorted(window.visible_docks())))
        app.processEvents()
        if mode == "first":
            window.save_layout()  # what is on disk when the console is killed
        return {
            "maximised": window.isMaximized(),
            "docks": sorted(window.visible_docks()),
            "ticked": [name for name, action in window.workspace_actions.items() if action.isChecked()],
            "widths": {d: window.docks[d].width() for d in ("scenes", "program", "checklist")},
        }
    finally:
        window.close()
        bridge.shutdown()


if __name__ == "__main__":
    print(json.dumps(_probe(*sys.argv[1:3])))
