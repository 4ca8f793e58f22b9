"""Where each element of the talent screen goes and how big its type is, from the window's size alone: computed
on a resize (and when the message line appears or goes), never while painting. Sizes are fractions of the
screen's height so that a 1080p TV shows the remaining time with digits well over 120 px tall; a window wider
than 16:9 is laid out by its height, a narrower one as if it were 16:9 at its width (nothing runs off the side).

Type that must stay on one line shrinks to fit its width (a long title, "OBS not connected"); the talking points
take the largest size at which all of them fit the space left, wrapped."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics

#: Font pixel sizes as fractions of the layout height. The remaining time's digits are about 0.72 of the font's
#: pixel size tall in the sans-serif faces we ship with (DejaVu Sans, WenQuanYi Micro Hei): 0.235 × 1080 × 0.72
#: ≈ 183 px on a 1080p screen, 0.235 × 768 × 0.72 ≈ 130 px on a 1366×768 one.
TIMER = 0.235
TITLE = 0.08
TALLY = 0.05
BAR = 0.045
CAPTION = 0.04
NEXT = 0.055
MESSAGE = 0.085
#: The running lottery's line (keyword and entries), and the winners' names at the draw.
LOTTERY = 0.065
WINNERS_TITLE = 0.09
WINNERS_MAX = 0.16
WINNERS_MIN = 0.04
POINTS_MAX = 0.085
POINTS_MIN = 0.022


@dataclass(frozen=True)
class Layout:
    """The rectangles of one window size (with or without the message line) and the base font sizes."""

    unit: float  # the layout height the fractions apply to
    tally: QRect
    recording: QRect
    health: QRect
    viewers: QRect
    colour_bar: QRect
    title: QRect
    timer: QRect
    caption: QRect
    message: QRect  # empty when there is no message
    next: QRect
    points: QRect
    #: The running lottery's line (empty when no lottery runs).
    lottery: QRect = field(default_factory=QRect)
    #: At a draw, the winners cover everything under the top bar.
    winners: QRect = field(default_factory=QRect)

    def px(self, fraction: float) -> int:
        return max(8, round(self.unit * fraction))


def layout(size: QSize, with_message: bool, with_lottery: bool = False) -> Layout:
    width, height = size.width(), size.height()
    unit = min(float(height), width * 9 / 16)
    margin = round(unit * 0.025)
    inner = width - 2 * margin
    y = margin
    bar_h = round(unit * 0.085)
    tally_w = round(inner * 0.30)
    rec_w = round(inner * 0.12)
    viewers_w = round(inner * 0.22)
    health_x = margin + tally_w + rec_w
    health_w = inner - tally_w - rec_w - viewers_w
    tally = QRect(margin, y, tally_w, bar_h)
    recording = QRect(margin + tally_w, y, rec_w, bar_h)
    health = QRect(health_x, y, health_w, bar_h)
    viewers = QRect(width - margin - viewers_w, y, viewers_w, bar_h)
    y += bar_h + margin
    title_h = round(unit * 0.11)
    bar_w = max(4, round(unit * 0.012))
    colour_bar = QRect(margin, y, bar_w, title_h)
    title = QRect(margin + bar_w * 3, y, inner - bar_w * 3, title_h)
    y += title_h
    timer_h = round(unit * 0.27)
    timer = QRect(margin, y, inner, timer_h)
    caption = QRect(margin, y, round(inner * 0.2), timer_h - margin)
    winners = QRect(margin, y - title_h, inner, max(0, height - margin - (y - title_h)))
    y += timer_h
    lottery = QRect()
    if with_lottery:
        lottery_h = round(unit * 0.1)
        lottery = QRect(margin, y, inner, lottery_h)
        y += lottery_h + margin // 2
    message = QRect()
    if with_message:
        message_h = round(unit * 0.13)
        message = QRect(margin, y, inner, message_h)
        y += message_h + margin // 2
    next_h = round(unit * 0.075)
    next_rect = QRect(margin, y, inner, next_h)
    y += next_h + margin // 2
    points = QRect(margin, y, inner, max(0, height - margin - y))
    return Layout(
        unit,
        tally,
        recording,
        health,
        viewers,
        colour_bar,
        title,
        timer,
        caption,
        message,
        next_rect,
        points,
        lottery,
        winners,
    )


def font(pixels: int, bold: bool = False, base: QFont | None = None) -> QFont:
    chosen = QFont(base) if base is not None else QFont()
    chosen.setPixelSize(max(1, pixels))
    chosen.setBold(bold)
    return chosen


def fit_line(text: str, pixels: int, width: int, bold: bool = False, smallest: int = 8) -> QFont:
    """The font at `pixels`, or smaller (down to `smallest`) so that `text` fits `width` on one line."""
    chosen = font(pixels, bold)
    advance = QFontMetrics(chosen).horizontalAdvance(text)
    if advance <= width or not text:
        return chosen
    return font(max(smallest, int(pixels * width / advance)), bold)


def fit_wrapped(text: str, largest: int, smallest: int, rect: QRect, bold: bool = False) -> QFont:
    """The largest font from `smallest` to `largest` at which `text`, word-wrapped, fits `rect` (the smallest
    when none does: what does not fit is cut at the bottom). A binary search: a handful of measurements, done
    when the text or the window changes, never per frame."""
    if not text or rect.isEmpty():
        return font(largest, bold)
    flags = int(Qt.TextFlag.TextWordWrap)
    low, high = smallest, largest
    while low < high:
        middle = (low + high + 1) // 2
        needed = QFontMetrics(font(middle, bold)).boundingRect(rect, flags, text)
        if needed.height() <= rect.height() and needed.width() <= rect.width():
            low = middle
        else:
            high = middle - 1
    return font(low, bold)
