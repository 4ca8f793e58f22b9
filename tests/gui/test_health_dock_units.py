"""A figure and its unit stay on one line in the Health dock (fix25l: "拥塞 93" / "%" at 1366×768 in Chinese), in
the drawn line only: the finding's own text, which alerts, exports and the records say, keeps its plain space."""

from __future__ import annotations

import itertools

from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from widgets.health_panel import WrappedLines

SAID = "[严重] 网络：发送缓冲拥塞 93 %，过去 10 s 内丢帧 51.5 %。→ 把码率降到约 1040 kbit/s"


def lines(text: str, tree: QTreeWidget, width: int) -> list[str]:
    """`text` broken into lines `width` pixels wide as an item view wraps it (at spaces, Chinese anywhere)."""
    layout = QTextLayout(text, tree.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    found: list[str] = []
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        found.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return found


def splits(found: list[str], figure: str, unit: str) -> bool:
    return any(a.rstrip(" \u00a0").endswith(figure) and b.startswith(unit) for a, b in itertools.pairwise(found))


def test_a_figure_and_its_unit_are_drawn_on_one_line_where_a_plain_space_would_split_them(
    qtbot: QtBot, qapp: QApplication
) -> None:
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    tree.setHeaderHidden(True)
    tree.setWordWrap(True)
    tree.header().setStretchLastSection(False)  # the column as wide as the test sets it
    delegate = WrappedLines(tree)
    tree.setItemDelegate(delegate)
    item = QTreeWidgetItem(tree, [SAID])
    index = tree.indexFromItem(item)
    margin = 2 * (tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1)
    widths = [w for w in range(80, 600) if splits(lines(SAID, tree, w - margin), "93", "%")]
    assert widths, "no width splits “93 %” with a plain space: the test would mean nothing"
    tree.resize(widths[0] + tree.indentation() + 40, 300)
    tree.show()
    qtbot.waitExposed(tree)
    tree.setColumnWidth(0, widths[0] + tree.indentation())
    assert delegate.line_width(index) == widths[0]
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    delegate.initStyleOption(option, index)
    drawn = lines(option.text, tree, delegate.line_width(index) - margin)
    assert len(drawn) > 1, drawn
    assert any("93\u00a0%" in line for line in drawn), drawn
    assert not splits(drawn, "93", "%"), drawn
    assert "1040\u00a0kbit/s" in option.text and "10\u00a0s" in option.text, option.text
    assert item.text(0) == SAID, "the finding's own words keep their plain spaces"
