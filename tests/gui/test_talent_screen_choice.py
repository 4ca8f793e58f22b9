"""Where the talent screen opens: the screen chosen in View ▸ Talent screen…, remembered in the settings and
chosen again next time; the primary screen, with a note, when the remembered one is gone; Esc and a double-click.
(The offscreen platform has one screen: the fallback is tested with a remembered screen that is not there.)"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console
from console.mainwindow import MainWindow
from console.settings import Settings
from tests.gui.conftest import connected, start
from tests.gui.test_talent_screen import PLAN, TestPort
from widgets import talent_chooser
from widgets.talent_chooser import ScreenChooser, current_talent_screen, geometry_text, remembered


def _primary_geometry() -> str:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return geometry_text(screen)


def test_the_chosen_screen_is_remembered_and_offered_again(
    qtbot: QtBot, make_window: Callable[..., MainWindow], settings: Settings
) -> None:
    window: MainWindow = make_window(0, connect=False)
    assert window.action_talent.isEnabled(), "the window's room has its rundown from the start"
    window.set_rundown_port(None)
    assert not window.action_talent.isEnabled(), "no rundown: nothing to show the host"
    window.set_rundown_port(TestPort(PLAN))
    assert window.action_talent.isEnabled()
    window.action_talent.trigger()
    chooser = window.findChild(ScreenChooser)
    assert chooser is not None and chooser.list.count() == len(QGuiApplication.screens())
    assert "(primary)" in chooser.list.item(0).text() and not chooser.note.isVisible()
    chooser.accept()
    talent = current_talent_screen()
    assert talent is not None
    qtbot.addWidget(talent)
    assert talent.isFullScreen() and talent.screen() is QGuiApplication.primaryScreen()
    assert settings.get("talent/screen_geometry") == _primary_geometry()
    assert settings.get("talent/screen_name") == QGuiApplication.primaryScreen().name()
    # Next time the same screen is offered, with nothing to say about it.
    again = ScreenChooser(settings)
    qtbot.addWidget(again)
    assert again.screen_chosen() is QGuiApplication.primaryScreen() and again.note.text() == ""


def test_a_remembered_screen_that_is_gone_falls_back_to_the_primary_with_a_note(
    qtbot: QtBot, settings: Settings
) -> None:
    settings.set("talent/screen_name", "HDMI-9")
    settings.set("talent/screen_geometry", "3840x2160+1920+0")
    screen, note = remembered(settings)
    assert screen is QGuiApplication.primaryScreen()
    assert "HDMI-9" in note and "3840x2160+1920+0" in note and "primary screen is used" in note
    chooser = ScreenChooser(settings)
    qtbot.addWidget(chooser)
    chooser.show()
    assert chooser.note.isVisible() and chooser.note.text() == note
    assert chooser.screen_chosen() is QGuiApplication.primaryScreen()


def test_a_renamed_screen_is_found_by_its_geometry_and_a_resized_one_by_its_name(settings: Settings) -> None:
    primary = QGuiApplication.primaryScreen()
    assert primary is not None
    settings.set("talent/screen_name", "DP-7")  # the system named it otherwise then
    settings.set("talent/screen_geometry", _primary_geometry())
    assert remembered(settings) == (primary, "")
    if primary.name():  # the offscreen platform's screen has no name: only a named one can be found by it
        settings.set("talent/screen_name", primary.name())
        settings.set("talent/screen_geometry", "1x1+0+0")
        assert remembered(settings) == (primary, "")


def test_nothing_remembered_yet_offers_the_primary_screen(settings: Settings) -> None:
    assert remembered(settings) == (None, "")


def test_esc_leaves_full_screen_then_closes_and_a_double_click_toggles_full_screen(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(0, connect=False)
    window.set_rundown_port(TestPort(PLAN))
    chooser = window.choose_talent_screen()
    assert chooser is not None
    chooser.accept()
    talent = current_talent_screen()
    assert talent is not None
    qtbot.addWidget(talent)
    QTest.mouseDClick(talent, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(200, 200))
    assert not talent.isFullScreen() and talent.isVisible()
    QTest.mouseDClick(talent, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(200, 200))
    assert talent.isFullScreen()
    QTest.keyClick(talent, Qt.Key.Key_Escape)
    assert not talent.isFullScreen() and talent.isVisible()
    QTest.keyClick(talent, Qt.Key.Key_Escape)
    assert current_talent_screen() is None


def test_the_talent_screen_stays_open_through_the_consoles_language_switch_and_speaks_the_new_language(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    console = start(qapp, consoles, settings, demo=True, lang="en")
    connected(qtbot, console)
    port = TestPort(PLAN)
    console.window.set_rundown_port(port)  # what the composition root does once the rundown controller exists
    chooser = console.window.choose_talent_screen()
    assert chooser is not None
    chooser.accept()
    talent = current_talent_screen()
    assert talent is not None
    qtbot.addWidget(talent)
    qtbot.waitUntil(lambda: talent.text("viewers").startswith("Viewers "), timeout=5000)
    assert talent.text("title") == "Not started yet"
    console.switch_language("zh_CN")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old window is gone
    # The host's screen did not blink or close with the rebuilt main window: the same one, now in Chinese, still
    # hearing the bridge and the telemetry.
    qtbot.waitUntil(lambda: talent.text("title") == "尚未开始", timeout=3000)
    assert current_talent_screen() is talent and talent.isFullScreen()
    assert talent.text("tally") == "未开播" and talent.text("viewers").startswith("观看 ")
    console.bridge.request("StartStream")
    qtbot.waitUntil(lambda: talent.text("tally") == "直播中", timeout=10000)


def test_the_chooser_shows_each_screens_whole_description(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list named the screen cut off behind a scroll bar ("screen — 1920 × 1080，位于 (0, 0)（主屏"): the
    dialog is as wide as its longest line. (The offscreen platform's one screen has a short name; a monitor's
    is as long as this.)"""
    long_name = "DELL U2723QE (DisplayPort-1) — 3840 × 2160，位于 (1920, 0)（主屏幕）"
    monkeypatch.setattr(talent_chooser, "describe", lambda _screen: long_name)
    chooser = ScreenChooser(settings)
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.waitExposed(chooser)
    item = chooser.list.item(0)
    assert item.text() == long_name
    assert chooser.list.visualItemRect(item).right() < chooser.list.viewport().width()
    assert not chooser.list.horizontalScrollBar().isVisible()
