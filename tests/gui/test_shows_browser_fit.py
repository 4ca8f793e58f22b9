"""View ▸ Shows… opens the Shows browser in a window as wide as its columns, within the screen: on a 1920×1080 screen
it opened 1280 px wide with a horizontal scroll bar, the last column (检查单 / Checklist, then 数据完整度) cut off
(fix23g). Every column whole, none squeezed, at 1920×1080 — also once a show a console records now widens the room
column — and on a 1366×768 laptop within the screen (the title and hosts give way there).

Measured in a child process on an offscreen screen of the room's size (tests/gui/screen_probe.py), against the
simulator (the console records a show as it connects: a room cell that says so), over stored shows."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.gui.screen_probe import run_probe, spin_until, wait_settled


def measure(width: int, height: int, language: str, folder: Path) -> dict[str, Any]:
    return run_probe("tests.gui.test_shows_browser_fit", [str(folder), language], width, height)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_shows_window_shows_every_column_whole_on_a_1920x1080_screen(tmp_path: Path, language: str) -> None:
    result = measure(1920, 1080, language, tmp_path)
    assert result["live_row"], "a show the console records now is listed (its room cell widens the column)"
    assert result["scroll"] == 0, result
    assert result["last_right"] <= result["viewport"], result
    assert result["squeezed"] == [], "the title and hosts columns at their width, not squeezed"
    frame, screen = result["frame"], result["available"]
    assert frame[0] > 1280 and frame[0] <= screen[0] and frame[1] <= screen[1], result
    assert result["on_screen"], result


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_on_a_1366x768_laptop_the_shows_window_fits_the_screen_the_room_cell_whole(
    tmp_path: Path, language: str
) -> None:
    """On a laptop the title and hosts columns give way, then the room column, whose cell of a show not over wraps
    (its state on one or two lines, its room on one of its own) and stays whole. Every column is within the window
    in both languages: in English the last columns scrolled while that cell stayed on one line (fix24d)."""
    result = measure(1366, 768, language, tmp_path)
    assert result["live_row"] and result["room_whole"], json.dumps(result)
    assert result["frame"][0] <= result["available"][0] and result["on_screen"], json.dumps(result)
    assert result["scroll"] == 0 and result["last_right"] <= result["viewport"], json.dumps(result)


# ---------------------------------------------------------------------- the probe (in the child process)
def _probe(folder: str, language: str) -> dict[str, Any]:
    from datetime import UTC, datetime, timedelta

    from PySide6.QtWidgets import QApplication

    from console.bridge import Endpoint, ObsBridge
    from console.core.review.shows import clean_meta
    from console.core.storage import Storage
    from console.i18n import install_translator
    from console.mainwindow import MainWindow
    from console.settings import Settings
    from obs.simulator.server import SimulatorThread
    from tests.gui.test_shows_on_air import room_cell_whole
    from widgets.shows_browser import KEYS, ShowsBrowser

    storage = Storage()  # the probe's own database (ONAIR_DATABASE_URL)
    storage.migrate()
    start = datetime(2026, 11, 24, 20, tzinfo=UTC)
    for n in range(3):
        show, _ = storage.open_show("一号直播间", start + timedelta(days=n), 0)
        t0 = (start + timedelta(days=n)).timestamp()
        storage.add_telemetry(show.id, [{"t": t0 + s, "viewers": 1000.0 + s} for s in range(120)], [])
        meta = clean_meta("双十一预热专场·保温杯到手价", ["小美", "阿强"], "小李", ["美妆"], "")
        storage.set_show_meta(show.id, meta, by="王工")
        storage.end_show(show.id, start + timedelta(days=n, seconds=120))
    storage.close()

    app = QApplication(sys.argv[:1])
    translators = install_translator(app, language)  # noqa: F841 - kept alive while the window lives
    settings = Settings(Path(folder))

    def wait(until: Any, seconds: float = 15.0) -> None:
        spin_until(until, seconds)

    sim = SimulatorThread(password="probe", seed=11).start()
    bridge = ObsBridge(backoff_initial=0.1, backoff_max=0.5)
    window = MainWindow(bridge, settings, demo=True, language=language)
    try:
        window.show()
        bridge.connect_to(Endpoint("127.0.0.1", sim.port, "probe"))
        wait(lambda: bridge.state.connected and window.telemetry.current_show() is not None)
        window.action_shows.trigger()  # View ▸ Shows…
        dock = window.docks["shows"]
        browser = window.widgets["shows"]
        assert isinstance(browser, ShowsBrowser)
        wait(lambda: browser.model.rowCount() >= 4 and any(show.live for show in browser.model.rows))
        table = browser.table
        header = table.horizontalHeader()
        wait_settled(lambda: (dock.frameGeometry().getRect(), header.length(), table.viewport().width()))
        last = len(KEYS) - 1
        screen = dock.screen().availableGeometry()
        return {
            "available": [screen.width(), screen.height()],
            "frame": [dock.frameGeometry().width(), dock.frameGeometry().height()],
            "on_screen": screen.contains(dock.frameGeometry()),
            "live_row": any(show.live for show in browser.model.rows),
            "room_whole": all(
                room_cell_whole(table, row, str(browser.model.data(browser.model.index(row, 0))))
                for row, show in enumerate(browser.model.rows)
                if show.live
            ),
            "scroll": table.horizontalScrollBar().maximum(),
            "viewport": table.viewport().width(),
            "last_right": header.sectionViewportPosition(last) + header.sectionSize(last),
            "squeezed": [key for key, roomy in browser._roomy.items() if table.columnWidth(KEYS.index(key)) < roomy],
        }
    finally:
        window.close()
        bridge.shutdown()
        sim.stop()


if __name__ == "__main__":
    print(json.dumps(_probe(*sys.argv[1:3])))
