"""Every open finding's headline in sight in the Health dock on a 1366×768 laptop in Chinese, without scrolling: the
lead finding whole with what to do, each further one a line of its own ("另有：…") that a click opens (fix25g: with the
uplink congested and a second finding open, the second was half out of sight under the first's advice). Technician
workspace on the laptop screen, recorded seconds fed to the health engine."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from console.settings import Settings
from tests.gui.technician_health import CONGESTED, FIVE, needed_height, rows, technician
from tests.gui.test_health_dock import _feed
from widgets.health_panel import MORE, finding_text


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, settings: Settings) -> Iterator[MainWindow]:
    with technician(qtbot, qapp, settings, demo=True) as window:  # with its banner, as a room sees it
        yield window


def in_sight(window: MainWindow, item: QTreeWidgetItem) -> bool:
    tree = window.health.active
    rect = tree.visualItemRect(item)
    return rect.height() >= needed_height(tree, item) and tree.viewport().rect().contains(rect)


def test_two_open_findings_both_headlines_in_sight_on_a_laptop_in_chinese(qtbot: QtBot, window: MainWindow) -> None:
    _feed(window, 12, True, **CONGESTED, drop_render_pct=7.2)  # the uplink congested, and frames missed rendering
    panel, tree = window.health, window.health.active
    active = window.telemetry.health.active()
    assert len(active) == 2 and tree.topLevelItemCount() == 2, panel.active_texts()
    lead, further = tree.topLevelItem(0), tree.topLevelItem(1)
    assert lead is not None and further is not None
    assert lead.text(0).endswith(finding_text(active[0])) and lead.isExpanded() and panel.remedy_texts(0)
    line = QFontMetrics(tree.font()).height()
    assert needed_height(tree, lead) > 2 * line, "a lead longer than the dock is wide: the test means something"
    assert not further.isExpanded() and further.text(0) == "另有：[严重] 渲染延迟", further.text(0)
    assert needed_height(tree, further) <= line + 2, "one line"
    # The lead whole, and the further finding's whole line, inside the list without scrolling it.
    assert tree.verticalScrollBar().value() == 0
    qtbot.waitUntil(lambda: in_sight(window, lead) and in_sight(window, further), timeout=3000)
    # What to do about the lead, whatever the dock's height leaves of it: at least its first remedy.
    first = lead.child(0)
    assert first is not None and in_sight(window, first)

    # A click says the further finding whole, with what to do about it; a second click makes it a line again.
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(further).center())
    assert further.isExpanded() and further.text(0) == f"[严重] {finding_text(active[1])}"
    assert further.childCount() and all("→" in (further.child(i) or lead).text(0) for i in range(further.childCount()))
    tree.scrollToItem(further)
    assert in_sight(window, further)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(further).center())
    assert not further.isExpanded() and further.text(0) == "另有：[严重] 渲染延迟"


def test_more_findings_than_room_every_headline_stays_in_sight_and_the_rest_of_the_advice_is_a_click_away(
    qtbot: QtBot, window: MainWindow
) -> None:
    # The uplink congested while OBS misses frames rendering, below its frame rate, each frame over its budget.
    _feed(window, 12, True, **CONGESTED, drop_render_pct=7.2, fps=12.0, render_ms=45.0)
    tree = window.health.active
    count = tree.topLevelItemCount()
    assert count >= 4 and count == len(window.telemetry.health.active()), window.health.active_texts()
    rows = [tree.topLevelItem(i) for i in range(count)]
    lead = rows[0]
    assert lead is not None
    children = [lead.child(i) for i in range(lead.childCount())]
    remedies = [c for c in children if c is not None and not c.data(0, MORE)]
    more = next(c for c in children if c is not None and c.data(0, MORE))

    def headlines_in_sight() -> bool:
        return all(row is not None and in_sight(window, row) for row in rows)

    qtbot.waitUntil(headlines_in_sight, timeout=3000)
    assert all(row is not None and row.text(0).startswith("另有：[严重] ") for row in rows[1:])
    # The advice the dock has no room for beside them: said by a line that counts it, in sight too.
    hidden = [r for r in remedies if r.isHidden()]
    assert hidden and not more.isHidden() and in_sight(window, more)
    assert more.text(0) == f"→ 还有 {len(hidden)} 条建议（点击查看）", more.text(0)
    assert all(in_sight(window, r) for r in remedies if not r.isHidden())

    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(more).center())
    assert more.isHidden() and not any(r.isHidden() for r in remedies), "every remedy, the list scrolls to them"
    assert [r.text(0) for r in remedies] == window.health.remedy_texts(0)
    _feed(window, 1, True, **CONGESTED, drop_render_pct=7.2, fps=12.0, render_ms=45.0)  # a second on
    assert not any(r.isHidden() for r in remedies), "opened, it stays open while the finding leads"


def test_a_dock_with_the_room_says_every_finding_whole_with_all_the_leads_advice(
    qtbot: QtBot, window: MainWindow
) -> None:
    """As on a 1920×1080 screen: the Health dock taken out of the laptop's column and made tall."""
    dock = window.docks["health"]
    dock.setFloating(True)
    dock.resize(560, 740)
    qtbot.waitUntil(lambda: dock.height() >= 700, timeout=3000)
    _feed(window, 12, True, **CONGESTED, drop_render_pct=7.2)
    tree = window.health.active
    active = window.telemetry.health.active()
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert len(rows) == len(active) == 2

    def whole() -> bool:
        return all(
            row is not None and row.text(0) == f"[严重] {finding_text(finding)}" and in_sight(window, row)
            for row, finding in zip(rows, active, strict=True)
        )

    qtbot.waitUntil(whole, timeout=3000)
    lead = rows[0]
    assert lead is not None
    children = [lead.child(i) for i in range(lead.childCount())]
    remedies = [c for c in children if c is not None and not c.data(0, MORE)]
    assert remedies and all(not r.isHidden() and in_sight(window, r) for r in remedies)
    assert all(c is None or not c.data(0, MORE) or c.isHidden() for c in children), "no 'more' line: nothing is behind"


def test_five_findings_on_a_laptop_draw_whole_rows_only_the_leads_advice_giving_way_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    """fix25l: the last "另有：[严重] …" row was drawn cut at the list's foot, the rest needing a scroll."""
    _feed(window, 15, True, **FIVE)
    tree = window.health.active
    assert tree.topLevelItemCount() == len(window.telemetry.health.active()) >= 5, window.health.active_texts()
    view = tree.viewport().rect()

    def drawn(item: QTreeWidgetItem) -> str:
        rect = tree.visualItemRect(item)
        if not rect.intersects(view):
            return "out"
        return "whole" if view.contains(rect) else "cut"

    qtbot.waitUntil(lambda: tree.verticalScrollBar().value() == 0, timeout=3000)
    assert not [item.text(0) for item in rows(tree) if drawn(item) == "cut"], "no row drawn cut"
    headlines = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert all(row is not None and drawn(row) == "whole" for row in headlines), "every finding's line in sight"
    assert [row.text(0) for row in headlines[1:] if row is not None][-1] == "另有：[严重] CPU 满载"

    lead = headlines[0]
    assert lead is not None
    remedies = window.health.remedy_texts(0)
    assert remedies, "the lead has advice: the test means something"
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(lead).center())
    shown = [lead.child(i) for i in range(lead.childCount())]
    said = [c.text(0) for c in shown if c is not None and not c.isHidden()]
    assert said == remedies, "a click on the lead says all its advice (the list scrolls to it)"


def test_more_findings_than_whole_rows_end_with_a_whole_line_counting_the_rest(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Six findings at 1366×768 in Chinese: not even each a line fits; the list shows whole rows and a line under it
    says how many more a scroll shows."""
    _feed(window, 15, True, **FIVE, disk_free_mb=500.0)
    panel, tree = window.health, window.health.active
    count = tree.topLevelItemCount()
    assert count == len(window.telemetry.health.active()) >= 6, panel.active_texts()

    def whole_or_out() -> bool:
        view = tree.viewport().rect()
        return all(
            view.contains(tree.visualItemRect(item)) or not tree.visualItemRect(item).intersects(view)
            for item in rows(tree)
        )

    qtbot.waitUntil(lambda: panel.beyond.isVisible() and whole_or_out(), timeout=3000)
    view = tree.viewport().rect()
    below = [
        row
        for row in (tree.topLevelItem(i) for i in range(count))
        if row is not None and not view.contains(tree.visualItemRect(row))
    ]
    assert below, "some findings are below the list's foot: the test means something"
    assert panel.beyond.text() == f"另有 {len(below)} 项（滚动查看）", panel.beyond.text()
    assert panel.beyond.visibleRegion().boundingRect().height() >= panel.beyond.sizeHint().height(), "drawn whole"
    tree.scrollToItem(below[-1])
    qtbot.waitUntil(lambda: panel.beyond.text() == "", timeout=3000)


def inked(image: QImage, area: QRect, background: QColor) -> QRect:
    """The bounding box of what is drawn in `area` of `image` (the pixels not of the `background` colour)."""
    found = QRect()
    for y in range(max(0, area.top()), min(image.height(), area.bottom() + 1)):
        for x in range(max(0, area.left()), min(image.width(), area.right() + 1)):
            colour = image.pixelColor(x, y)
            if max(abs(colour.red() - background.red()), abs(colour.green() - background.green())) > 24:
                found = found.united(QRect(x, y, 1, 1))
    return found


def branch_mark(tree: QTreeWidget, item: QTreeWidgetItem) -> QImage:
    """What the tree draws left of the row's text (the branch indicator's column), cropped to its ink."""
    image = tree.viewport().grab().toImage()
    rect = tree.visualItemRect(item)
    column = QRect(rect.left() - tree.indentation(), rect.top(), tree.indentation(), rect.height())
    ink = inked(image, column, image.pixelColor(column.topLeft()))  # the row's own ground, selected or not
    return image.copy(ink) if ink.isValid() else QImage()


def points_right(mark: QImage) -> bool:
    """Whether a branch arrow is a closed one (pointing right, taller than wide), not an open one (pointing down)."""
    return mark.height() > mark.width()


def test_a_lead_whose_advice_gave_way_entirely_shows_a_click_opens_it_as_the_further_findings_do(
    qtbot: QtBot, window: MainWindow
) -> None:
    """fix26e: at 1366×768 in Chinese with six findings, the lead's advice had given way entirely and nothing said
    a click opens it, while each "另有：…" row has its closed-branch arrow."""
    _feed(window, 15, True, **FIVE, disk_free_mb=500.0)
    panel, tree = window.health, window.health.active
    lead, further = tree.topLevelItem(0), tree.topLevelItem(1)
    assert lead is not None and further is not None and further.text(0).startswith("另有：")

    def held_entirely() -> bool:
        return lead.childCount() > 0 and all((lead.child(i) or lead).isHidden() for i in range(lead.childCount()))

    qtbot.waitUntil(held_entirely, timeout=3000)  # no room even for its "more" row: the test means something
    also = branch_mark(tree, further)
    assert not also.isNull() and points_right(also), "a further finding shows its closed arrow"
    qtbot.waitUntil(lambda: not branch_mark(tree, lead).isNull(), timeout=3000)
    mark = branch_mark(tree, lead)
    # The further findings' own cue: the same closed arrow (a pixel apart where the row's height centres it so).
    assert points_right(mark), "closed, as theirs"
    assert abs(mark.width() - also.width()) <= 1 and abs(mark.height() - also.height()) <= 1, (mark, also)
    assert lead.toolTip(0) == "点击查看处理建议", lead.toolTip(0)

    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(lead).center())
    assert panel.remedy_texts(0) and not held_entirely()
    qtbot.waitUntil(lambda: not points_right(branch_mark(tree, lead)), timeout=3000)  # open now: the arrow says so
    assert lead.toolTip(0) == ""


def test_the_line_counting_the_rest_follows_the_last_whole_row_with_no_blank_between(
    qtbot: QtBot, window: MainWindow
) -> None:
    """fix26e: the rows ended, blank space, then "另有 N 项（滚动查看）". Whole rows only: what is left under them
    is below the line, not between the rows and it. Measured in the drawn pixels at several heights of the dock."""
    _feed(window, 15, True, **FIVE, disk_free_mb=500.0)
    panel, tree = window.health, window.health.active
    dock = window.docks["health"]
    dock.setFloating(True)
    layout = panel._upper.layout()
    assert layout is not None
    # The line drawn at its own height: how far below its top its words begin.
    alone = QLabel(panel.beyond.text() or "另有 2 项（滚动查看）")
    alone.setStyleSheet(panel.beyond.styleSheet())
    alone.resize(alone.sizeHint())
    background = panel.palette().color(QPalette.ColorRole.Window)
    words_at = inked(alone.grab().toImage(), alone.rect(), background).top()
    assert words_at >= 0

    def foot() -> int:
        """The foot of the list's last whole row, where the panel draws it."""
        view = tree.viewport().rect()
        last = [row for row in rows(tree) if view.contains(tree.visualItemRect(row))][-1]
        return tree.viewport().mapTo(panel, tree.visualItemRect(last).bottomLeft()).y()

    gaps: dict[int, int] = {}
    for height in range(250, 300, 3):
        dock.resize(dock.width(), height)
        qtbot.waitUntil(lambda height=height: dock.height() == height, timeout=3000)  # type: ignore[misc]

        # Laid out: the line says how many findings are below the list's foot, under it (where some are).
        qtbot.waitUntil(
            lambda: (
                panel.beyond.isHidden()
                or (bool(panel.beyond.text()) and foot() < panel.beyond.mapTo(panel, QPoint(0, 0)).y())
            ),
            timeout=3000,
        )
        if panel.beyond.isHidden():  # every row fits
            continue
        image, at = panel.grab().toImage(), foot()
        line = QRect(panel.beyond.mapTo(panel, QPoint(0, 0)), panel.beyond.size())
        below = tree.mapTo(panel, QPoint(0, tree.height())).y()  # under the list's frame
        words = inked(image, QRect(line.left(), below, min(line.width(), 200), line.bottom() + 1 - below), background)
        assert words.isValid(), "the line is drawn"
        gaps[height] = words.top() - at - 1
    # Between them: the list's frame, the layout's spacing and the room above the line's words, nothing more.
    assert len(gaps) >= 5, gaps
    allowed = tree.frameWidth() + layout.spacing() + words_at
    assert max(gaps.values()) <= allowed, (gaps, allowed)
