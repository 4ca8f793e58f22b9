"""The Comments dock in the main window: View ▸ Comments and the Assistant's column where the console reads
comments (a chat port), no empty dock and no menu entry where it does not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from console.bridge import ObsBridge
from console.mainwindow import MainWindow
from console.settings import Settings
from tests.gui.test_comments_dock import FeedPort, arrive, comment
from widgets.comments_dock import CommentsDock


@pytest.fixture
def bridge() -> Iterator[ObsBridge]:
    made = ObsBridge(backoff_initial=0.1, backoff_max=0.5)
    yield made
    made.shutdown()


def view_menu(window: MainWindow) -> dict[str, QAction]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert isinstance(menu, QMenu)
    return {action.text(): action for action in menu.actions()}


def view_entries(window: MainWindow) -> list[str]:
    return list(view_menu(window))


def test_view_comments_opens_the_dock_and_the_assistant_workspace_tabs_it_beside_the_checklist(
    qtbot: QtBot, settings: Settings, bridge: ObsBridge
) -> None:
    port = FeedPort()
    window = MainWindow(bridge, settings, chat=port)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "Comments" in view_entries(window)
    window.apply_workspace("Assistant")
    dock = window.docks["comments"]
    assert not dock.isHidden()
    assert dock in window.tabifiedDockWidgets(window.docks["checklist"])  # the checklist's full-height column
    widget = window.widgets["comments"]
    assert isinstance(widget, CommentsDock)
    arrive(port, comment(1, "主播好"))
    assert widget.shown_texts() == ["观众1: 主播好"]
    # Ctrl+F anywhere in the window brings the Comments tab forward with its search box.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.checklist.setFocus()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: widget.search.hasFocus() and widget.isVisible())
    window.apply_workspace("Streamer")
    assert dock.isHidden()
    view_menu(window)["Comments"].trigger()
    assert not dock.isHidden()


def test_without_a_chat_port_there_is_no_comments_dock_and_every_workspace_still_applies(
    qtbot: QtBot, settings: Settings, bridge: ObsBridge
) -> None:
    window = MainWindow(bridge, settings)
    qtbot.addWidget(window)
    window.show()
    assert "comments" not in window.docks
    assert "Comments" not in view_entries(window)
    window.apply_workspace("Assistant")
    assert {"checklist", "event_log"} <= window.visible_docks()
    assert window.tabifiedDockWidgets(window.docks["checklist"]) == [window.docks["event_log"]]
