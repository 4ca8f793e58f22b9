"""How one row of the Comments dock is painted: the platform's coloured badge, the local time, the name, the words
on one line (elided with "…"; the whole text is the row's tooltip). Keyword hits and the host's own messages get
a tinted background, staff a coloured name. Painting reads what the model worked out on arrival; nothing is
formatted here but the elision."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QStaticText
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from console.core.chat.events import ChatKind
from widgets.comments_model import Row

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyle

HIT_BACKGROUND = QColor(255, 196, 0, 70)
OWN_BACKGROUND = QColor(60, 140, 255, 55)
STAFF_NAME = QColor("#2e9d55")
OWN_NAME = QColor("#2f7bff")
EVENT_WORDS = QColor("#8a8f98")
GIFT_WORDS = QColor("#d08a00")
SUPERCHAT_WORDS = QColor("#d04a1f")
BADGE_TEXT = QColor("white")
#: The line under the comments a restarted console read back from the show's record.
BOUNDARY_LINE = QColor("#2f7bff")
#: The words' colour of what is not a comment (others: EVENT_WORDS).
WORD_COLOURS = {ChatKind.SUPERCHAT: SUPERCHAT_WORDS, ChatKind.GIFT: GIFT_WORDS, ChatKind.MEMBERSHIP: GIFT_WORDS}
PAD = 4


@cache
def _state_selected() -> QStyle.StateFlag:
    """QStyle's Python type is made with its 11 enums (~5 ms) when first imported: at the first comment painted, not
    at every start-up (the Comments dock is built, empty, before the window's first paint)."""
    from PySide6.QtWidgets import QStyle

    return QStyle.StateFlag.State_Selected


@dataclass(frozen=True)
class Pieces:
    """What a row shows at a given width (the tests read it: what the user sees, before it is painted)."""

    badge: str
    time: str
    name: str
    words: str
    name_rect: QRect
    words_rect: QRect


def one_line(text: str) -> str:
    return " ".join(text.split()) if ("\n" in text or "\r" in text or "\t" in text) else text


@dataclass(frozen=True)
class _Style:
    """The fonts and their metrics for one view font, made once (not per row, not per paint)."""

    key: str
    bold: QFont
    small: QFont
    plain: QFontMetrics
    heavy: QFontMetrics
    little: QFontMetrics


@dataclass(frozen=True)
class _Layout:
    """Where a row's parts go across a width, relative to the row's left edge: worked out once per row and width
    (the elision is the costly part of painting; a list repainted many times a second reuses it)."""

    badge_width: int
    time_x: int
    time_width: int
    name: str
    name_x: int
    name_width: int
    words: str
    words_x: int
    words_width: int
    #: The badge's, time's, name's and words' text laid out once (drawStaticText reuses the glyph positions).
    statics: tuple[QStaticText, QStaticText, QStaticText, QStaticText]


def _static(text: str) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    return static


class CommentsDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style: _Style | None = None
        self._colours: dict[str, QColor] = {}

    def _styled(self, base: QFont) -> _Style:
        key = base.key()
        if self._style is None or self._style.key != key:
            bold = QFont(base)
            bold.setBold(True)
            small = QFont(base)
            if base.pointSizeF() > 0:
                small.setPointSizeF(max(6.0, base.pointSizeF() * 0.85))
            elif base.pixelSize() > 0:
                small.setPixelSize(max(8, round(base.pixelSize() * 0.85)))
            self._style = _Style(key, bold, small, QFontMetrics(base), QFontMetrics(bold), QFontMetrics(small))
        return self._style

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(200, self._styled(option.font).plain.height() + 2 * PAD)

    def _layout(self, style: _Style, row: Row, width: int) -> _Layout:
        cached = row.shown
        if cached is not None and cached[0] == width and cached[1] == style.key:
            layout: _Layout = cached[2]
            return layout
        little = style.little
        badge_width = little.horizontalAdvance(row.badge) + 2 * PAD
        x = PAD + badge_width + PAD
        time_x, time_width = x, little.horizontalAdvance(row.time) if row.time else 0
        x += time_width + PAD if row.time else 0
        right = width - 1 - PAD
        name, name_x, name_width = "", x, 0
        if row.event.has_text:
            name = style.heavy.elidedText(
                one_line(row.user), Qt.TextElideMode.ElideRight, max(40, (right - x) * 2 // 5)
            )
            name_width = style.heavy.horizontalAdvance(name + ":")
            x += name_width + PAD
        words = style.plain.elidedText(one_line(row.words), Qt.TextElideMode.ElideRight, max(0, right - x))
        statics = (_static(row.badge), _static(row.time), _static(name + ":"), _static(words))
        layout = _Layout(
            badge_width, time_x, time_width, name, name_x, name_width, words, x, max(0, right - x), statics
        )
        row.shown = (width, style.key, layout)
        return layout

    def pieces(self, option: QStyleOptionViewItem, row: Row) -> Pieces:
        rect: QRect = option.rect
        layout = self._layout(self._styled(option.font), row, rect.width())
        left, top, height = rect.left(), rect.top(), rect.height()
        return Pieces(
            row.badge,
            row.time,
            layout.name,
            layout.words,
            QRect(left + layout.name_x, top, layout.name_width, height),
            QRect(left + layout.words_x, top, layout.words_width, height),
        )

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        row = index.data(Qt.ItemDataRole.UserRole)
        if not isinstance(row, Row):
            return
        rect: QRect = option.rect
        font: QFont = option.font
        palette = option.palette
        state = option.state
        painter.save()
        if state & _state_selected():
            painter.fillRect(rect, palette.highlight())
        elif row.own or row.hit:  # the host saying "卡" is not a viewer's complaint: own first
            painter.fillRect(rect, OWN_BACKGROUND if row.own else HIT_BACKGROUND)
        # The view's font is checked where the view lays its rows out (sizeHint); a paint takes the style made then.
        style = self._style if self._style is not None else self._styled(font)
        layout = self._layout(style, row, rect.width())
        left, top, height = rect.left(), rect.top(), rect.height()
        badge_text, time_text, name_text, words_text = layout.statics
        small_y = top + (height - style.little.height()) // 2
        plain_y = top + (height - style.plain.height()) // 2
        # The badge: a small coloured tag with the platform's short name.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        colour = self._colours.get(row.colour)
        if colour is None:
            colour = self._colours[row.colour] = QColor(row.colour)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRect(left + PAD, top + PAD // 2 + 1, layout.badge_width, height - PAD - 2), 3, 3)
        painter.setFont(style.small)
        painter.setPen(BADGE_TEXT)
        painter.drawStaticText(left + 2 * PAD, small_y, badge_text)
        selected = bool(state & _state_selected())
        text_colour = palette.highlightedText().color() if selected else None
        if row.time:
            painter.setPen(text_colour or EVENT_WORDS)
            painter.drawStaticText(left + layout.time_x, small_y, time_text)
        if layout.name:
            painter.setFont(style.bold)
            name_colour = OWN_NAME if row.own else STAFF_NAME if row.staff else palette.text().color()
            painter.setPen(text_colour or name_colour)
            painter.drawStaticText(left + layout.name_x, plain_y, name_text)
        painter.setFont(font)
        words_colour = palette.text().color() if row.kind is ChatKind.COMMENT else WORD_COLOURS.get(row.kind)
        painter.setPen(text_colour or words_colour or EVENT_WORDS)
        painter.drawStaticText(left + layout.words_x, plain_y, words_text)
        if row.boundary:  # above: the show's record from before the console restarted; below: what came since
            painter.setPen(QPen(BOUNDARY_LINE, 2, Qt.PenStyle.DashLine))
            painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        painter.restore()
