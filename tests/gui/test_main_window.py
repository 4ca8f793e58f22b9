"""The console window against the simulator: what a streamer and an assistant see and do."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.docks import WORKSPACES
from console.mainwindow import MainWindow
from console.settings import Settings
from obs.messages import LinkState
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import obs_round_trip, wait_connected
from widgets.rundown_table import TITLE

ROOM = ["等待开始", "直播中", "商品特写", "暂时离开"]


def test_connects_and_populates_every_dock(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    assert list(window.scenes.tiles) == ROOM
    assert window.scenes.tiles["等待开始"].program and not window.scenes.tiles["直播中"].program
    assert set(window.audio.strips) == {"麦克风", "桌面音频", "商品视频"}
    qtbot.waitUntil(lambda: all(t.has_thumbnail for t in window.scenes.tiles.values()), timeout=8000)
    qtbot.waitUntil(lambda: window.program.frames > 0, timeout=8000)
    qtbot.waitUntil(lambda: max(window.audio.strips["麦克风"].meter.levels_db, default=-60) > -40, timeout=5000)
    assert "29.0.2" in window.status.text.text() and "5.1.0" in window.status.text.text()
    assert window.banner.isHidden()


def test_click_and_number_key_switch_the_program_scene(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    QTest.mouseClick(window.scenes.tiles["商品特写"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sim.call(lambda s: s.room.program) == "商品特写", timeout=5000)
    qtbot.waitUntil(lambda: window.scenes.tiles["商品特写"].program, timeout=5000)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: sim.call(lambda s: s.room.program) == "直播中", timeout=5000)
    qtbot.waitUntil(
        lambda: any(who == "Console" and "直播中" in what for who, what in window.event_log.lines()), timeout=5000
    )


def test_changes_made_in_obs_show_up_and_are_attributed_to_obs(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    sim.call(lambda s: HANDLERS["SetCurrentProgramScene"](s, {"sceneName": "暂时离开"}))
    qtbot.waitUntil(lambda: window.scenes.tiles["暂时离开"].program, timeout=5000)
    assert not window.scenes.tiles["等待开始"].program
    qtbot.waitUntil(lambda: ("OBS", "Program scene: 暂时离开") in window.event_log.lines(), timeout=5000)
    sim.call(lambda s: HANDLERS["CreateScene"](s, {"sceneName": "抽奖"}))
    qtbot.waitUntil(lambda: "抽奖" in window.scenes.tiles, timeout=5000)


def test_armed_mode_needs_a_second_click(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    window.scenes.armed_mode.setChecked(True)
    tile = window.scenes.tiles["直播中"]
    QTest.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert tile.armed
    obs_round_trip(qtbot, window)
    assert sim.call(lambda s: s.room.program) == "等待开始", "one click only arms"
    QTest.mouseClick(tile, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sim.call(lambda s: s.room.program) == "直播中", timeout=5000)
    assert not tile.armed
    assert window.settings.get("scenes/confirm_switch") is True


def test_studio_mode_click_sets_preview_and_transition_takes_it(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    window.scenes.studio_mode.click()
    qtbot.waitUntil(
        lambda: window.bridge.state.studio_mode and window.scenes.transition_button.isVisible(), timeout=5000
    )
    QTest.mouseClick(window.scenes.tiles["商品特写"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.scenes.tiles["商品特写"].preview, timeout=5000)
    assert sim.call(lambda s: s.room.program) == "等待开始"
    window.scenes.transition_button.click()
    qtbot.waitUntil(lambda: sim.call(lambda s: s.room.program) == "商品特写", timeout=5000)
    qtbot.waitUntil(lambda: window.scenes.tiles["商品特写"].program, timeout=5000)


def test_mute_and_volume_both_ways(qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    strip = window.audio.strips["麦克风"]
    strip.mute.click()
    qtbot.waitUntil(lambda: sim.call(lambda s: s.room.inputs["麦克风"].muted), timeout=5000)
    sim.call(lambda s: HANDLERS["SetInputMute"](s, {"inputName": "麦克风", "inputMuted": False}))
    qtbot.waitUntil(lambda: not strip.mute.isChecked(), timeout=5000)
    strip.fader.setValue(-12)
    qtbot.waitUntil(lambda: abs(sim.call(lambda s: s.room.inputs["麦克风"].volume_mul) - 0.251) < 0.01, timeout=5000)
    sim.call(lambda s: HANDLERS["SetInputVolume"](s, {"inputName": "桌面音频", "inputVolumeDb": -20.0}))
    qtbot.waitUntil(lambda: window.audio.strips["桌面音频"].fader.value() == -20, timeout=5000)
    assert window.audio.strips["桌面音频"].db_label.text() == "-20.0 dB"


def test_go_live_asks_first_then_shows_live(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    answers = [False, True]
    window.output.confirm = lambda parent, title, text: answers.pop(0)
    window.output.stream_button.click()
    obs_round_trip(qtbot, window)
    assert not sim.call(lambda s: s.room.stream.active), "cancelled: nothing may go on air"
    window.output.stream_button.click()
    qtbot.waitUntil(lambda: sim.call(lambda s: s.room.stream.active), timeout=5000)
    qtbot.waitUntil(lambda: window.output.stream_button.text() == "Stop streaming", timeout=5000)
    qtbot.waitUntil(lambda: window.output.stream_time.text() != "--:--:--", timeout=5000)


def test_request_errors_show_code_and_comment(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    window.bridge.request("SetCurrentProgramScene", {"sceneName": "Cam"}, description="Switch to scene “Cam”")
    qtbot.waitUntil(
        lambda: any("600 ResourceNotFound" in what and "`Cam`" in what for _, what in window.event_log.lines()),
        timeout=5000,
    )


def test_wrong_password_is_shown_and_the_password_can_be_fixed(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port, password="wrong")
    qtbot.waitUntil(lambda: window.bridge.tracker.status.state is LinkState.AUTH_FAILED, timeout=5000)
    assert window.status.text.text().startswith("Wrong password")
    assert "rejected the password" in window.status.text.text()
    assert window.status.retry.isVisible()
    from tests.conftest import PASSWORD

    window.bridge.set_password(PASSWORD)
    wait_connected(qtbot, window)


def test_reconnecting_state_is_shown_with_a_countdown(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port, backoff_initial=2.0, backoff_max=4.0)
    wait_connected(qtbot, window)
    sim.run(sim.sim.kill())  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "— Reconnecting in" in window.status.text.text(), timeout=5000)
    assert window.status.text.text().startswith("OBS lost for "), window.status.text.text()
    reason = window.status.text.text().split(" — ", 2)[-1]
    assert "lost" in reason or "Nothing is listening" in reason, reason
    assert not window.scenes.tiles["直播中"].isEnabled(), "stale scenes must not look clickable"
    sim.run(sim.sim.restart(fresh=False))  # type: ignore[union-attr]
    window.status.retry.click()
    wait_connected(qtbot, window)
    qtbot.waitUntil(lambda: window.scenes.tiles["直播中"].isEnabled(), timeout=5000)


def test_demo_banner(qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]) -> None:
    window: MainWindow = make_window(sim.port, demo=True)
    assert window.banner.isVisible()
    assert "DEMO" in window.windowTitle()


def test_layout_survives_a_restart(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], settings: Settings
) -> None:
    first: MainWindow = make_window(sim.port, connect=False)
    first.docks["event_log"].hide()
    first.resize(1100, 600)
    first.close()
    second: MainWindow = make_window(sim.port, connect=False)
    assert "event_log" not in second.visible_docks()
    assert abs(second.width() - 1100) < 5
    second.reset_layout()
    assert second.visible_docks() == set(WORKSPACES["Assistant"].using(second.docks).placement)
    second.apply_workspace("Streamer")
    assert second.visible_docks() == {"scenes", "program", "output"}
    second.save_my_layout()
    second.apply_workspace("Technician")
    assert {"audio", "graph_bitrate", "graph_dropped", "graph_fps"} <= second.visible_docks()
    assert second.restore_my_layout()
    assert second.visible_docks() == {"scenes", "program", "output"}


def test_a_saved_layout_of_another_dock_set_falls_back_to_the_default(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], settings: Settings
) -> None:
    from console import docks as docks_module

    first: MainWindow = make_window(sim.port, connect=False)
    first.docks["audio"].hide()
    first.close()
    original = docks_module.LAYOUT_VERSION
    try:
        import console.mainwindow as mw

        mw.LAYOUT_VERSION = original + 1  # type: ignore[attr-defined]  # the name mainwindow reads (from console.docks)
        second: MainWindow = make_window(sim.port, connect=False)
        assert second.visible_docks() == set(WORKSPACES["Assistant"].using(second.docks).placement)
    finally:
        mw.LAYOUT_VERSION = original  # type: ignore[attr-defined]  # as above


def test_onair_workspace_offers_every_workspace_of_the_window() -> None:
    """`onair --workspace` lists its choices without importing Qt; a workspace added to the window must be
    offered there too (the Rundown workspace was not)."""
    from console.cli import build_parser

    gui = build_parser()
    action = next(a for a in gui._actions if a.dest == "workspace")
    assert list(action.choices or ()) == list(WORKSPACES)


def test_the_window_comes_back_exactly_where_it_was_left(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], settings: Settings
) -> None:
    """Left at the top of a laptop's screen (where a window manager puts a first window: its title bar at the top
    edge), the window came back 5 px lower at the next start: Qt's restoreGeometry guesses the title bar's height."""
    first: MainWindow = make_window(sim.port, connect=False)
    assert first.first_start  # nothing saved: show_window opens it maximised
    first.show()
    first.setGeometry(2, 20, 1100, 600)  # its frame (the offscreen platform's is 2 px all round) at the left edge
    first.close()
    second: MainWindow = make_window(sim.port, connect=False)
    assert not second.first_start
    assert second.geometry().getRect() == (2, 20, 1100, 600)


def test_a_first_start_uses_the_whole_screen_and_a_restart_keeps_it(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], settings: Settings
) -> None:
    first: MainWindow = make_window(sim.port, connect=False)
    first.show_window()
    qtbot.waitUntil(first.isMaximized, timeout=3000)
    first.close()
    second: MainWindow = make_window(sim.port, connect=False)
    second.show_window()
    assert second.isMaximized()


def test_reset_layout_makes_a_dragged_segment_column_fit_its_titles_again(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    """A Segment column the planner dragged wider keeps its width through resizes (fix25f); View ▸ Reset layout is
    the way back, and it left the column as dragged."""
    window: MainWindow = make_window(sim.port, connect=False)
    window.apply_workspace("Rundown")
    dock = window.rundown_dock
    assert dock is not None
    qtbot.waitExposed(dock)
    header = dock.table.horizontalHeader()
    fitted = header.sectionSize(TITLE)
    header.resizeSection(TITLE, fitted + 150)  # as a drag of its edge does
    assert dock.table.title_chosen == fitted + 150
    window.reset_layout()
    assert dock.table.title_chosen is None
    qtbot.waitUntil(lambda: header.sectionSize(TITLE) != fitted + 150, timeout=2000)
