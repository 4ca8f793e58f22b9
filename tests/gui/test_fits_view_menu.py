"""Docks opened from the View menu keep the window on the screen: walk10 opened Health, then Bitrate, on a
1366×768 laptop and the window grew to 1358×844, the status bar (connection state, Retry) below the screen, and it
could not be shrunk. And a layout saved on a 1920×1080 screen with more docks open comes back on a laptop within it.

Measured in a child process on an offscreen screen of the room's size (tests/gui/screen_probe.py), against the
simulator, with a fresh settings folder (or the one the 1080p session left)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.gui.screen_probe import run_probe, spin_until, wait_settled, window_problems

#: What walk10 opened, then every other dock the Assistant workspace hides: the graphs, Shows.
OPENED = ("health", "graph_bitrate")


def measure(width: int, height: int, mode: str, folder: Path, language: str = "en") -> dict[str, Any]:
    return run_probe("tests.gui.test_fits_view_menu", [mode, str(folder), language], width, height)


def problems(result: dict[str, Any]) -> list[str]:
    found = []
    available = result["available"]
    for step in result["steps"]:
        name = step["step"]
        found += window_problems(name, step, available)
        if not step["opened_shown"]:
            found.append(f"{name}: the dock opened is not shown")
    return found


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_docks_opened_from_the_view_menu_keep_the_window_on_a_1366x768_laptop(tmp_path: Path, language: str) -> None:
    result = measure(1366, 768, "open", tmp_path, language)
    assert [step["step"] for step in result["steps"]][:3] == ["start", "health", "graph_bitrate"]
    assert len(result["steps"]) >= 6  # every hidden dock opened, one after the other
    assert problems(result) == []


def test_every_dock_opened_from_the_view_menu_keeps_the_window_on_a_1920x1080_screen(tmp_path: Path) -> None:
    result = measure(1920, 1080, "open", tmp_path)
    assert problems(result) == []


def test_a_layout_saved_on_a_1920x1080_screen_comes_back_within_a_1366x768_laptop(tmp_path: Path) -> None:
    saved = measure(1920, 1080, "open", tmp_path)
    assert problems(saved) == []
    restored = measure(1366, 768, "restore", tmp_path)
    assert restored["steps"][0]["docks"] == saved["steps"][-1]["docks"]  # the same docks, none closed to fit
    assert problems(restored) == []


# ---------------------------------------------------------------------- the probe (in the child process)
def _probe(mode: str, folder: str, language: str) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from console.bridge import Endpoint, ObsBridge
    from console.i18n import install_translator
    from console.mainwindow import MainWindow
    from console.settings import Settings
    from obs.simulator.server import SimulatorThread

    app = QApplication(sys.argv[:1])
    translators = install_translator(app, language)  # noqa: F841 - kept alive while the window lives
    settings = Settings(Path(folder))

    def wait(until: Any, seconds: float = 10.0) -> None:
        spin_until(until, seconds)

    def layout() -> Any:
        docks = [(d.isVisible(), d.geometry().getRect()) for d in window.docks.values()]
        return window.frameGeometry().getRect(), docks

    def settled() -> None:
        wait_settled(layout)

    def step(name: str, opened: str | None) -> dict[str, Any]:
        bar = window.statusBar()
        dock = window.docks.get(opened or "")
        return {
            "step": name,
            "frame": [window.frameGeometry().width(), window.frameGeometry().height()],
            "status_bar": bar.isVisible() and bar.height() > 0 and bar.geometry().bottom() < window.height(),
            # Shown: on top of its tab stack, in the window, with room for its widget.
            "opened_shown": dock is None
            or (dock.isVisible() and not dock.visibleRegion().isEmpty() and dock.height() > 40),
            "docks": sorted(window.visible_docks()),
        }

    sim = SimulatorThread(password="probe", seed=11).start()
    bridge = ObsBridge(backoff_initial=0.1, backoff_max=0.5)
    window = MainWindow(bridge, settings, demo=True, language=language)
    try:
        window.show()
        bridge.connect_to(Endpoint("127.0.0.1", sim.port, "probe"))
        wait(lambda: bridge.state.connected and bool(window.scenes.tiles))
        settled()
        steps = [step("start", None)]
        if mode == "open":
            hidden = [d for d in window.docks if window.docks[d].isHidden() and d not in OPENED]
            for dock_id in (*OPENED, *hidden):
                window.docks[dock_id].toggleViewAction().trigger()  # what View ▸ <dock> does
                settled()
                steps.append(step(dock_id, dock_id))
            window.save_layout()
        screen = window.screen().availableGeometry()
        return {"available": [screen.width(), screen.height()], "steps": steps}
    finally:
        window.close()
        bridge.shutdown()
        sim.stop()


if __name__ == "__main__":
    print(json.dumps(_probe(*sys.argv[1:4])))
