"""Every workspace fits the screens a room has: the window within the available screen, the status bar in
sight, the Checklist dock showing eight whole item titles on a 1366×768 laptop, and the Comments dock (where a
workspace has it) its search box and MIN_COMMENT_ROWS whole comments.

pytest-qt's application has the offscreen platform's default 800×600 screen, and a process has one platform:
each screen size is measured in a child process (this module run as a script) on an offscreen screen of that
size, given by the offscreen platform's config file (`offscreen:configfile=…`), against the simulator."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import wait_connected
from tests.gui.screen_probe import run_probe, spin_until, wait_settled, window_problems

ROOT = Path(__file__).resolve().parents[2]
#: The order a team would go through them; Technician → Assistant once left a 1062 px window on 768 px.
SEQUENCE = ("Technician", "Assistant", "Streamer", "Analyst", "Rundown", "Technician", "Streamer", "Assistant")
MIN_ROWS = 8
#: The Rundown dock on a laptop: this many segments in sight under its live strip.
MIN_RUNDOWN_ROWS = 8
MIN_COMMENT_ROWS = 12


def measure(width: int, height: int, scale: float = 1.0, language: str = "en") -> dict[str, Any]:
    """Runs the probe below in a child process on an offscreen screen of width×height (logical pixels after
    `scale`, as QT_SCALE_FACTOR gives them) and returns what it measured."""
    return run_probe("tests.gui.test_fits_screens", [language], width, height, scale)


def _checklist_problems(name: str, checklist: dict[str, Any] | None) -> list[str]:
    """Too few item rows in sight, titles cut without need, a Result column too narrow to read."""
    found: list[str] = []
    if checklist is None:
        return found
    if checklist["rows"] < MIN_ROWS:
        found.append(f"{name}: the Checklist dock shows {checklist['rows']} item rows")
    if checklist["cut_titles"] and not checklist["titles_gave_way"]:
        found.append(f"{name}: titles cut: {checklist['cut_titles'][:3]}")
    if checklist["result_px"] < checklist["result_room"]:
        found.append(f"{name}: the Result column is {checklist['result_px']} px (walk13: 'Resu', 'Co…')")
    return found


def _dock_problems(name: str, step: dict[str, Any]) -> list[str]:
    """What a workspace step's docks cut: checklist rows and titles, rundown segments and tools, comment rows."""
    found = _checklist_problems(name, step["checklist"])
    rundown = step.get("rundown")
    if rundown is not None:
        if rundown["rows"] < MIN_RUNDOWN_ROWS:
            found.append(f"{name}: the Rundown dock shows {rundown['rows']} segments")
        if rundown["cut"]:
            found.append(f"{name}: the Rundown dock cuts {rundown['cut'][:4]}")
    comments = step.get("comments")
    if comments is not None:
        if comments["rows"] < MIN_COMMENT_ROWS:
            found.append(f"{name}: the Comments dock shows {comments['rows']} whole comments")
        if not comments["search"]:
            found.append(f"{name}: the Comments dock's search box is cut or out of sight")
    return found


def problems(result: dict[str, Any]) -> list[str]:
    found = []
    available = result["available"]
    for step in result["steps"]:
        name = step["workspace"]
        found += window_problems(name, step, available)
        found += _dock_problems(name, step)
    return found


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_workspace_fits_a_1366x768_laptop_with_eight_checklist_rows(language: str) -> None:
    result = measure(1366, 768, language=language)
    assert [step["workspace"] for step in result["steps"]] == list(SEQUENCE)
    assert sum(step["checklist"] is not None for step in result["steps"]) >= 3  # Assistant twice, Technician twice
    assert sum(step["rundown"] is not None for step in result["steps"]) == 1  # the Rundown workspace
    assert sum(step["comments"] is not None for step in result["steps"]) >= 2  # the Assistant's Comments tab
    assert problems(result) == []


@pytest.mark.parametrize(("width", "height", "scale"), [(1920, 1080, 1.0), (2560, 1440, 1.5)])
def test_every_workspace_fits_a_desktop_screen(width: int, height: int, scale: float) -> None:
    result = measure(width, height, scale)
    assert result["available"] == [round(width / scale), round(height / scale)]
    assert problems(result) == []


# ---------------------------------------------------------------------- the probe (in the child process)
def _probe(language: str) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from checklists.engine import ItemStatus
    from console.bridge import Endpoint, ObsBridge
    from console.i18n import install_translator
    from console.mainwindow import MainWindow
    from console.settings import Settings
    from obs.simulator.server import SimulatorThread
    from tests.gui.test_comments_dock import FeedPort, comment
    from tests.gui.test_rundown_dock import ListRundownPort, long_plan

    app = QApplication(sys.argv[:1])
    translators = install_translator(app, language)  # noqa: F841 - kept alive while the window lives
    settings = Settings(Path(os.environ["ONAIR_CONFIG_DIR"]))

    def wait(until: Any = None, seconds: float = 10.0) -> None:
        spin_until(until, seconds)

    def layout() -> Any:
        """What the measurement reads: the window, every dock's place, the checklist's rows."""
        docks = [(d.isVisible(), d.geometry().getRect()) for d in window.docks.values()]
        shown = not window.docks["checklist"].visibleRegion().isEmpty()
        return window.frameGeometry().getRect(), docks, _checklist_rows(window.checklist) if shown else None

    def settled() -> None:
        wait_settled(layout)

    sim = SimulatorThread(password="probe", seed=11).start()
    bridge = ObsBridge(backoff_initial=0.1, backoff_max=0.5)
    rundown = ListRundownPort(bridge, long_plan(14))
    chat = FeedPort()
    window = MainWindow(bridge, settings, demo=True, language=language, rundown=rundown, chat=chat)
    try:
        chat.feed.extend(comment(n, "这件衣服有没有大一点的尺码？颜色好看 😀") for n in range(1, 301))
        chat.sig_arrived.emit()
        window.show()
        bridge.connect_to(Endpoint("127.0.0.1", sim.port, "probe"))
        wait(lambda: bridge.state.connected and bool(window.scenes.tiles))
        panel = window.checklist
        panel.template.setCurrentIndex(panel.template.findData("host-assistant-pre-show"))
        panel.operator.setText("Operator")
        panel.start_button.click()
        controller = window.checklists
        wait(
            lambda: (
                controller.run is not None
                and all(s.status is not ItemStatus.PENDING for s in controller.run.states.values())
            )
        )
        screen = window.screen().availableGeometry()
        steps = []
        for name in SEQUENCE:
            window.apply_workspace(name)
            settled()
            dock = window.docks["checklist"]
            checklist = None
            if not dock.isHidden():
                dock.raise_()
                settled()
                checklist = _checklist_rows(panel)
            comments = None
            if not window.docks["comments"].isHidden():
                window.docks["comments"].raise_()
                wait(seconds=0.3)
                comments = _comment_rows(window.widgets["comments"])
            bar = window.statusBar()
            steps.append(
                {
                    "workspace": name,
                    "frame": [window.frameGeometry().width(), window.frameGeometry().height()],
                    "status_bar": bar.isVisible()
                    and bar.height() > 0
                    and bar.geometry().bottom() < window.height()
                    and bar.geometry().top() >= 0,
                    "checklist": checklist,
                    "rundown": _rundown_fit(window.rundown_dock) if not window.docks["rundown"].isHidden() else None,
                    "comments": comments,
                }
            )
        return {"available": [screen.width(), screen.height()], "steps": steps}
    finally:
        window.close()
        bridge.shutdown()
        sim.stop()


def _checklist_rows(panel: Any) -> dict[str, Any]:
    """Item rows wholly inside the list's viewport, and the titles of those rows cut by their column."""
    tree = panel.tree
    viewport = tree.viewport().rect()
    metrics = tree.fontMetrics()
    rows, cut = 0, []
    for row in panel._rows.values():
        rect = tree.visualItemRect(row)
        if rect.isEmpty() or rect.top() < 0 or rect.bottom() > viewport.bottom():
            continue
        rows += 1
        title = row.text(1)
        left = tree.header().sectionViewportPosition(1)
        margin = tree.style().pixelMetric(tree.style().PixelMetric.PM_FocusFrameHMargin)
        needed = metrics.horizontalAdvance(title) + 2 * margin
        # Cut by its column (elided) or by the edge of the list (the column reaches past it).
        if left < 0 or tree.header().sectionSize(1) < needed or left + needed > viewport.right() + 1:
            cut.append(title)
    # A title is cut only to leave the result its room (walk13: whole titles left the Result column 30 px): the
    # Result column then has just that room; it never has less while any row is in sight.
    header = tree.header()
    result_px = header.sectionSize(2)
    result_room = min(panel.result_room(), (viewport.width() - header.sectionSize(0) - header.sectionSize(3)) // 2)
    return {
        "rows": rows,
        "cut_titles": cut,
        "titles_gave_way": result_px <= result_room + 1,
        "result_px": result_px if rows else result_room,
        "result_room": result_room,
    }


def _rundown_fit(dock: Any) -> dict[str, Any]:
    """Segments wholly in sight in the Rundown dock's table, and what of its strip, tools and editor is cut."""
    table = dock.table
    viewport = table.viewport().rect()
    rows = sum(
        1
        for row in range(dock.model.rowCount())
        if (rect := table.visualRect(dock.model.index(row, 2))).isValid()
        and rect.top() >= 0
        and rect.bottom() <= viewport.bottom()
    )
    strip = dock.strip
    widgets = [
        strip.arm_button, strip.go_button, strip.skip_button, strip.repeat_button, strip.insert_button,
        strip.end_button, strip.send_button, strip.remaining, strip.over_under, *strip.quick_buttons,
        dock.add_button, dock.delete_button, dock.import_button, dock.export_button, dock.editor.talking_points,
        dock.editor.cues,
    ]  # fmt: skip
    cut = [
        widget.text() if hasattr(widget, "text") else type(widget).__name__
        for widget in widgets
        if widget.isVisible() and widget.visibleRegion().boundingRect().size() != widget.size()
    ]
    return {"rows": rows, "cut": cut}


def _comment_rows(dock: Any) -> dict[str, Any]:
    """Comment rows wholly inside the list's viewport, and whether the search box shows at its full height."""
    view = dock.view
    viewport = view.viewport().rect()
    rows = 0
    for row in range(dock.proxy.rowCount()):
        rect = view.visualRect(dock.proxy.index(row, 0))
        if not rect.isEmpty() and rect.top() >= 0 and rect.bottom() <= viewport.bottom():
            rows += 1
    search = dock.search
    shown = search.visibleRegion().boundingRect()
    return {"rows": rows, "search": search.isVisible() and shown.height() >= search.sizeHint().height() - 2}


if __name__ == "__main__":
    print(json.dumps(_probe(sys.argv[1] if len(sys.argv) > 1 else "en")))


# ---------------------------------------------------------------------- what the room sees, in the window itself
def test_the_workspace_menu_ticks_the_workspace_in_use_and_my_layout_says_when_nothing_is_saved(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port, connect=False)
    assert window.workspace_actions["Assistant"].isChecked()  # the first start's workspace
    assert not window.action_my_layout.isEnabled() and "nothing saved" in window.action_my_layout.text()
    window.workspace_actions["Streamer"].trigger()
    assert [name for name, action in window.workspace_actions.items() if action.isChecked()] == ["Streamer"]
    window.save_my_layout()
    assert window.action_my_layout.isEnabled() and window.action_my_layout.text() == "My layout"
    window.workspace_actions["Technician"].trigger()
    assert window.workspace_actions["Technician"].isChecked() and not window.workspace_actions["Streamer"].isChecked()
    window.action_my_layout.trigger()
    assert window.visible_docks() == {"scenes", "program", "output"}
    assert window.action_my_layout.isChecked()
    assert not any(action.isChecked() for action in window.workspace_actions.values())


def test_the_program_view_says_obs_closed_or_not_connected_instead_of_the_last_frame(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    qtbot.waitUntil(lambda: window.program.frames > 0, timeout=8000)
    assert window.program.image.message == ""
    sim.run(sim.sim.quit_obs())  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.program.image.message == "OBS closed", timeout=5000)
    assert window.program.image._pixmap is None  # the last frame is gone, not shown under the words
    picture = window.program.image.grab().toImage()
    centre = picture.pixelColor(picture.width() // 2, picture.height() // 2)
    assert centre.red() < 80 or centre.name() == "#f0a020"  # words on dark, not the picture's blue


def test_a_lost_link_says_obs_not_connected_over_the_picture(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    thread = SimulatorThread(password=PASSWORD, seed=11).start()
    window: MainWindow = make_window(thread.port)
    try:
        wait_connected(qtbot, window)
        qtbot.waitUntil(lambda: window.program.frames > 0, timeout=8000)
    finally:
        thread.stop()
    qtbot.waitUntil(lambda: window.program.image.message == "OBS not connected", timeout=8000)
    assert window.program.image._pixmap is None


def test_the_tally_says_on_air_with_the_running_time(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    tally = window.output.tally
    assert tally.text() == "OFF AIR"
    window.output.confirm = lambda *args: True
    window.output.stream_button.click()
    qtbot.waitUntil(lambda: re.fullmatch(r"ON AIR  \d\d:\d\d:\d\d", tally.text()) is not None, timeout=8000)
    assert "#e0312f" in tally.styleSheet() and tally.isVisible()
    assert tally.font().pixelSize() >= 20 or "font-size: 24px" in tally.styleSheet()


def test_scene_tiles_grow_with_the_streamers_dock(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    window.apply_workspace("Streamer")
    qtbot.waitUntil(lambda: all(t.thumbnail.width() >= 280 for t in window.scenes.tiles.values()), timeout=3000)
    assert all(not tile.visibleRegion().isEmpty() for tile in window.scenes.tiles.values())  # all in sight
    # Thumbnails are asked for at the size shown, not a fixed 192 px.
    assert window.scenes.thumb_size.width() == next(iter(window.scenes.tiles.values())).thumbnail.width()
    qtbot.waitUntil(lambda: all(t.has_thumbnail for t in window.scenes.tiles.values()), timeout=8000)


def test_studio_mode_shows_the_preview_beside_the_program_and_space_takes_it(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    window.apply_workspace("Streamer")
    assert window.program.preview.isHidden()
    window.scenes.studio_mode.click()
    qtbot.waitUntil(lambda: window.program.preview.isVisible() and window.program.preview_frames > 0, timeout=8000)
    preview, program = window.program.preview.geometry(), window.program.image.geometry()
    assert preview.right() < program.left() or preview.bottom() < program.top()  # beside it or above it
    assert preview.width() >= 300 and program.width() >= 300  # each large enough to read, on a laptop
    QTest.mouseClick(window.scenes.tiles["商品特写"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.scenes.tiles["商品特写"].preview, timeout=5000)
    window.activateWindow()
    window.scenes.setFocus()
    QTest.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: sim.call(lambda s: s.room.program) == "商品特写", timeout=5000)
    # The console has seen the transition end (as in OBS: the swapped preview, then the new program scene).
    qtbot.waitUntil(lambda: window.bridge.state.program_scene == "商品特写", timeout=5000)
    # While a name is typed, Space is a space: no transition.
    QTest.mouseClick(window.scenes.tiles["直播中"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.scenes.tiles["直播中"].preview, timeout=5000)
    window.apply_workspace("Assistant")
    window.checklist.operator.setFocus()
    window.checklist.operator.clear()
    QTest.keyClicks(window.checklist.operator, "a b")
    assert window.checklist.operator.text() == "a b"
    # A marker request after the typing: once its answer is in, a transition asked before it would have shown.
    QTest.mouseClick(window.scenes.tiles["等待开始"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.scenes.tiles["等待开始"].preview, timeout=5000)

    def programs() -> list[str]:
        return [what for who, what in window.event_log.lines() if who == "Console" and what.startswith("Program")]

    assert programs() == ["Program scene: 商品特写"]  # the Space earlier, none from the space typed into the name
    window.scenes.setFocus()
    QTest.keyClick(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sim.call(lambda s: s.room.program) == "等待开始", timeout=5000)
    qtbot.waitUntil(lambda: programs() == ["Program scene: 商品特写", "Program scene: 等待开始"], timeout=5000)
