"""The Health dock's findings and what to do about them are read whole at 1366×768 in Chinese, without hovering
(walk24p: "测量尚…", "降到约 1040 kbit/s …", the rest only in a tooltip that kept the figure of the moment of hovering,
49.7 % while the row said 51.5 %). Technician workspace on the laptop screen, recorded seconds fed to the health
engine."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QStyle, QToolTip, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from console.bridge import ObsBridge
from console.mainwindow import MainWindow
from console.settings import Settings
from tests.gui.test_health_dock import _feed
from widgets.health_panel import finding_text

#: The uplink congested: a long finding ("…（测量尚不足一分钟）；发送缓冲拥塞 95 %…") and advice with live figures.
CONGESTED: dict[str, float] = {"drop_network_pct": 51.5, "congestion": 0.95}


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, settings: Settings, chinese: None) -> Iterator[MainWindow]:
    bridge = ObsBridge()
    try:
        window = MainWindow(bridge, settings, language="zh_CN")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.apply_workspace("Technician")
        qtbot.waitUntil(lambda: window.docks["health"].isVisible(), timeout=5000)
        _feed(window, 5)
        yield window
    finally:
        QToolTip.hideText()
        bridge.shutdown()


def rows(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    found, item = [], tree.topLevelItem(0)
    while item is not None:
        found.append(item)
        item = tree.itemBelow(item)
    return found


def needed_height(tree: QTreeWidget, item: QTreeWidgetItem) -> int:
    """The height the row's whole text takes wrapped in the width its cell gives it (less the text margins an item
    view draws inside), Chinese breaking between any two characters."""
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    width = tree.visualItemRect(item).width() - 2 * margin
    flags = int(Qt.TextFlag.TextWordWrap)
    return QFontMetrics(tree.font()).boundingRect(QRect(0, 0, width, 1 << 20), flags, item.text(0)).height()


def test_the_lead_finding_and_what_to_do_are_whole_and_in_sight_in_chinese_on_a_laptop(
    qtbot: QtBot, window: MainWindow
) -> None:
    _feed(window, 12, True, **CONGESTED)
    panel = window.health
    tree = panel.active
    lead = tree.topLevelItem(0)
    assert lead is not None and "网络" in lead.text(0) and "51.5 %" in lead.text(0)
    assert lead.isExpanded() and any("kbit/s" in remedy for remedy in panel.remedy_texts(0))
    line = QFontMetrics(tree.font()).height()
    assert needed_height(tree, lead) > 2 * line, "a finding longer than the dock is wide: the test means something"

    def whole_and_in_sight() -> bool:
        view = tree.viewport().rect()
        shown = [lead, *(lead.child(i) for i in range(lead.childCount()))]
        return all(
            item is not None
            and tree.visualItemRect(item).height() >= needed_height(tree, item)
            and view.contains(tree.visualItemRect(item))
            for item in shown
        )

    qtbot.waitUntil(whole_and_in_sight, timeout=3000)  # the layout follows the rows' new heights
    for item in rows(tree):  # every row drawn at the height its whole text needs: none elided
        assert tree.visualItemRect(item).height() >= needed_height(tree, item), item.text(0)


def test_no_tooltip_over_a_finding_keeps_a_figure_the_row_no_longer_says(qtbot: QtBot, window: MainWindow) -> None:
    _feed(window, 12, True, **CONGESTED)
    tree = window.health.active
    lead = tree.topLevelItem(0)
    assert lead is not None
    at = tree.visualItemRect(lead).center()
    QApplication.sendEvent(tree.viewport(), QHelpEvent(QEvent.Type.ToolTip, at, tree.viewport().mapToGlobal(at)))
    said = lead.text(0)
    _feed(window, 3, drop_network_pct=38.2, congestion=0.95)  # the figures move on while the pointer rests there
    assert lead.text(0) != said, "the row says this second's figure"
    shown = QToolTip.text() if QToolTip.isVisible() else ""
    assert shown in ("", lead.text(0)), f"the tooltip says {shown!r} while the row says {lead.text(0)!r}"
    # This show's row of the same finding: no tooltip of a figure from when the row was drawn.
    history = window.health.timeline.topLevelItem(0)
    assert history is not None and history.text(1) == "进行中"
    assert history.toolTip(3) in ("", finding_text(window.telemetry.health.active()[0])), history.toolTip(3)
