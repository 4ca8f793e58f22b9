"""How one row of the Comments dock is painted: the platform's coloured badge, the local time, the name, the words
on one line (elided with "…"; the whole text is the row's tooltip). Keyword hits and the host's own messages get
a tinted background, staff a coloured name. Painting reads what the model worked out on arrival; nothing is
formatted here but the elision."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from console.core.chat.events import ChatKind
from widgets.comments_model import Row

HIT_BACKGROUND = QColor(255, 196, 0, 70)
OWN_BACKGROUND = QColor(60, 140, 255, 55)
STAFF_NAME = QColor("#2e9d55")
OWN_NAME = QColor("#2f7bff")
EVENT_WORDS = QColor("#8a8f98")
GIFT_WORDS = QColor("#d08a00")
SUPERCHAT_WORDS = QColor("#d04a1f")
BADGE_TEXT = QColor("white")
PAD = 4


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


class CommentsDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fonts_for: tuple[str, QFont, QFont] | None = None

    def _fonts(self, base: QFont) -> tuple[QFont, QFont]:
        """The name's bold and the badge's and time's smaller font, made once per view font (not per paint)."""
        key = base.key()
        if self._fonts_for is None or self._fonts_for[0] != key:
            bold = QFont(base)
            bold.setBold(True)
            small = QFont(base)
            if base.pointSizeF() > 0:
                small.setPointSizeF(max(6.0, base.pointSizeF() * 0.85))
            elif base.pixelSize() > 0:
                small.setPixelSize(max(8, round(base.pixelSize() * 0.85)))
            self._fonts_for = (key, bold, small)
        return self._fonts_for[1], self._fonts_for[2]

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(200, QFontMetrics(option.font).height() + 2 * PAD)

    def pieces(self, option: QStyleOptionViewItem, row: Row) -> Pieces:
        rect: QRect = option.rect
        font: QFont = option.font
        bold, small = self._fonts(font)
        plain, heavy, little = QFontMetrics(font), QFontMetrics(bold), QFontMetrics(small)
        x = rect.left() + PAD
        x += little.horizontalAdvance(row.badge) + 2 * PAD + PAD  # the badge
        x += little.horizontalAdvance(row.time) + PAD if row.time else 0
        right = rect.right() - PAD
        name = ""
        name_rect = QRect(x, rect.top(), 0, rect.height())
        if row.event.has_text:
            name = heavy.elidedText(one_line(row.user), Qt.TextElideMode.ElideRight, max(40, (right - x) // 3))
            width = heavy.horizontalAdvance(name + ":")
            name_rect = QRect(x, rect.top(), width, rect.height())
            x += width + PAD
        words = plain.elidedText(one_line(row.words), Qt.TextElideMode.ElideRight, max(0, right - x))
        return Pieces(
            row.badge, row.time, name, words, name_rect, QRect(x, rect.top(), max(0, right - x), rect.height())
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
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, palette.highlight())
        elif row.hit:
            painter.fillRect(rect, HIT_BACKGROUND)
        elif row.own:
            painter.fillRect(rect, OWN_BACKGROUND)
        bold, small = self._fonts(font)
        little = QFontMetrics(small)
        # The badge: a small coloured tag with the platform's short name.
        x = rect.left() + PAD
        badge_width = little.horizontalAdvance(row.badge) + 2 * PAD
        badge = QRect(x, rect.top() + PAD // 2 + 1, badge_width, rect.height() - PAD - 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(row.colour))
        painter.drawRoundedRect(badge, 3, 3)
        painter.setFont(small)
        painter.setPen(BADGE_TEXT)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, row.badge)
        x += badge_width + PAD
        text_colour = palette.highlightedText().color() if state & QStyle.StateFlag.State_Selected else None
        if row.time:
            painter.setPen(text_colour or EVENT_WORDS)
            time_rect = QRect(x, rect.top(), little.horizontalAdvance(row.time), rect.height())
            painter.drawText(time_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, row.time)
        shown = self.pieces(option, row)
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        if shown.name:
            painter.setFont(bold)
            name_colour = OWN_NAME if row.own else STAFF_NAME if row.staff else palette.text().color()
            painter.setPen(text_colour or name_colour)
            painter.drawText(shown.name_rect, align, shown.name + ":")
        painter.setFont(font)
        if row.kind is ChatKind.COMMENT:
            colour = palette.text().color()
        elif row.kind is ChatKind.SUPERCHAT:
            colour = SUPERCHAT_WORDS
        elif row.kind in (ChatKind.GIFT, ChatKind.MEMBERSHIP):
            colour = GIFT_WORDS
        else:
            colour = EVENT_WORDS
        painter.setPen(text_colour or colour)
        painter.drawText(shown.words_rect, align, shown.words)
        painter.restore()
