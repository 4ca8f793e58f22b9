"""The talent screen comes back after a restart: a console stopped with it open (quit, SIGTERM or a crash, none of
which closes it by hand) opens it again at start, full screen on the screen it was on, showing the room's rundown;
one the person closed (Esc, Esc) stays closed; one whose screen is no longer connected is said in the event log
and not put on the console's own screen. A console is "restarted" as the layout's restart test does it: the
window gone, a new console (bridge, window, rundown controller) made on the same settings. (The offscreen
platform has one screen.)"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from console.settings import Settings
from widgets.talent_chooser import ScreenChooser, current_talent_screen


def open_from_the_menu(window: MainWindow) -> None:
    window.action_talent.trigger()
    chooser = window.findChild(ScreenChooser)
    assert chooser is not None
    chooser.accept()


def console_stops(window: MainWindow) -> None:
    """The console process ends mid-show: its windows are destroyed, none closed by hand (SIGTERM and a crash
    send no close event to the talent screen)."""
    talent = current_talent_screen()
    window.close()
    if talent is not None:
        talent.hide()
        talent.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    assert talent is None or not shiboken6.isValid(talent)


def test_a_console_restarted_with_the_talent_screen_open_opens_it_again_on_the_same_screen(
    qtbot: QtBot, make_window: Callable[..., MainWindow], settings: Settings
) -> None:
    first: MainWindow = make_window(0, connect=False)
    assert current_talent_screen() is None, "never opened: nothing at start"
    open_from_the_menu(first)
    assert current_talent_screen() is not None
    console_stops(first)
    assert current_talent_screen() is None

    second: MainWindow = make_window(0, connect=False)
    talent = current_talent_screen()
    assert talent is not None, "the host's screen came back by itself"
    qtbot.addWidget(talent)
    qtbot.waitUntil(talent.isFullScreen, timeout=5000)
    assert talent.screen() is QGuiApplication.primaryScreen()
    assert talent.rundown_port is second.rundown_port, "it shows the new console's rundown"

    # A window rebuilt for another language does not open a second one.
    third: MainWindow = make_window(0, connect=False)
    assert current_talent_screen() is talent
    assert third is not None


def test_a_talent_screen_closed_by_the_person_stays_closed_after_a_restart(
    qtbot: QtBot, make_window: Callable[..., MainWindow], settings: Settings
) -> None:
    first: MainWindow = make_window(0, connect=False)
    open_from_the_menu(first)
    talent = current_talent_screen()
    assert talent is not None
    qtbot.waitUntil(talent.isFullScreen, timeout=5000)
    QTest.keyClick(talent, Qt.Key.Key_Escape)  # out of full screen
    QTest.keyClick(talent, Qt.Key.Key_Escape)  # closed
    qtbot.waitUntil(lambda: current_talent_screen() is None, timeout=5000)
    console_stops(first)

    make_window(0, connect=False)
    assert current_talent_screen() is None


def test_a_talent_screen_whose_screen_is_gone_is_said_and_not_put_on_the_consoles_screen(
    qtbot: QtBot, make_window: Callable[..., MainWindow], settings: Settings
) -> None:
    settings.set("talent/open", True)
    settings.set("talent/screen_name", "HDMI-9")  # the TV's screen, unplugged while the console was stopped
    settings.set("talent/screen_geometry", "1920x1080+1920+0")
    window: MainWindow = make_window(0, connect=False)
    assert current_talent_screen() is None
    said = [text for _who, text in window.event_log.lines() if "HDMI-9" in text]
    assert said and "not connected" in said[0] and "1920x1080+1920+0" in said[0]
