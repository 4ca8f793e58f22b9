"""The Health dock as the Technician workspace shows it on the laptop screen (1366×768, tests/conftest.py), with
recorded seconds fed to its health engine: the one set-up of the Health dock tests that look at the open findings
(test_health_dock_findings_in_sight.py, test_health_dock_wraps.py, test_health_dock_room.py), and the measures they
share."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from console.bridge import ObsBridge
from console.i18n import install_translator, remove_translators
from console.mainwindow import MainWindow
from console.settings import Settings
from tests.gui.test_health_dock import _feed

#: The uplink congested: a long finding ("…（测量尚不足一分钟）；发送缓冲拥塞 95 %…") and advice with live figures.
CONGESTED: dict[str, float] = {"drop_network_pct": 51.5, "congestion": 0.95}
#: Five findings at once: the uplink congested, frames missed rendering, below the frame rate, each frame over its
#: budget, and the computer's CPU saturated.
FIVE = {**CONGESTED, "drop_render_pct": 7.2, "fps": 12.0, "render_ms": 45.0, "cpu_system_pct": 99.0}


@contextmanager
def technician(
    qtbot: QtBot, qapp: QApplication, settings: Settings, language: str = "zh_CN", demo: bool = False
) -> Iterator[MainWindow]:
    """A main window in `language` (its translators installed for the while), shown in the Technician workspace with
    its Health dock in sight and five quiet seconds judged. `demo`: with the demo room's banner, as a room sees it."""
    translators = install_translator(qapp, language)
    bridge = ObsBridge()
    try:
        window = MainWindow(bridge, settings, language=language, demo=demo)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.apply_workspace("Technician")
        qtbot.waitUntil(lambda: window.docks["health"].isVisible(), timeout=5000)
        _feed(window, 5)
        yield window
    finally:
        bridge.shutdown()
        remove_translators(qapp, translators)


def rows(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """The tree's rows as drawn from its top, opened ones' children included."""
    found, item = [], tree.topLevelItem(0)
    while item is not None:
        found.append(item)
        item = tree.itemBelow(item)
    return found


def needed_height(tree: QTreeWidget, item: QTreeWidgetItem, column: int = 0) -> int:
    """The height the row's whole text takes wrapped in the width its cell gives it (less the text margins an item
    view draws inside), Chinese breaking between any two characters — laid out as the style draws it, each line as
    tall as the fonts it is drawn in: a Chinese name in an English line is drawn in a fallback font, taller than the
    tree's own, which QFontMetrics(tree.font()) alone measured short (fix25g's line drawn cut)."""
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    width = tree.columnWidth(column) if column else tree.visualItemRect(item).width()
    width -= 2 * margin
    layout = QTextLayout(item.text(column), item.font(column))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    height = 0.0
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        height += line.height()
    layout.endLayout()
    return math.ceil(height)
