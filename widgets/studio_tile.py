"""StudioTile: one room on the studio wall — name, ON AIR and time on air, the program picture, one light per health
category, the worst open finding in words, viewers with their 15-minute sparkline, rundown position, the pre-show
checklist, bitrate and dropped frames; "console not reporting" in a look of its own when its console went quiet.

Fifty of them repaint once a second, so a tile is painted by hand (no child widgets): its rectangles and fonts are
laid out on a resize, texts are elided when they change, the sparkline's path is built when the history changes,
the picture is scaled once per picture. The words come from widgets/studio_text.py."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from console.core.studio.status import Light, RoomStatus
from obs.text import UNKNOWN
from obs.vocabulary import CATEGORIES, CATEGORY_NAMES, TITLES, title
from widgets import studio_text as st

#: A tile's shape (width : height); its type scales with its height, so a "TV" tile is the same tile, larger.
ASPECT = 0.78
#: The lines of text a tile holds: name, element -> (font size as a fraction of a unit, bold).
_FONTS = {
    "name": (0.95, True),
    "tally": (0.72, True),
    "time": (0.8, True),
    "viewers": (0.9, True),
    "stream": (0.62, False),
    "finding": (0.7, True),
    "rundown": (0.7, False),
    "prep": (0.7, False),
    "picture": (0.6, False),
}
#: What repaints when a text changes: "no picture" is written across the picture box, the tally on its badge.
_DIRTY = {"picture": "picture_box", "tally": "tally_box"}
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


#: Where a finding's line may break: after a space or a Chinese pause, or before an opening bracket — not between a
#: figure and its unit ("OBS 15" / "%，…" read badly on a TV tile).
_BREAK_AFTER = " ，。：；、"
_NO_LINE_START = "%）)，。：；、”"


def _break_before(text: str, cut: int) -> int:
    """The best place at or before `cut` (no further back than half of it) to start the second line."""
    for i in range(cut, cut // 2, -1):
        if (text[i - 1] in _BREAK_AFTER and text[i] not in _NO_LINE_START) or text[i] in "（(“":
            return i
    while cut > 1 and text[cut] in _NO_LINE_START:
        cut -= 1
    return cut


def _two_lines(metrics: QFontMetrics, text: str, width: int) -> str:
    """The text on two lines of `width`: broken at the last space or pause that fits (see _break_before), the
    second line elided."""
    cut = len(text)
    while cut > 1 and metrics.horizontalAdvance(text[:cut]) > width:
        cut -= 1
    cut = _break_before(text, cut)
    first, rest = text[:cut].rstrip(), text[cut:].lstrip()
    return first + "\n" + metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)


@dataclass
class _Line:
    text: str = ""
    colour: str = st.TEXT
    shown: str = ""  # elided to its rectangle


class StudioTile(QWidget):
    """A room's tile. The wall gives it statuses (`set_status`), the time (`set_now`, once a second), pictures
    (`set_picture`) and whether the source is in trouble (`set_stale`); a click or Enter emits sig_opened(room)."""

    sig_opened = Signal(str)

    def __init__(self, status: RoomStatus, now: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studio_tile")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._lines = {name: _Line() for name in _FONTS}
        self._fonts = {name: QFont() for name in _FONTS}
        self._rects: dict[str, QRect] = {}
        self._dots: list[tuple[str, QRectF]] = []
        self._spark = QRectF()
        self._spark_path = QPainterPath()
        self._spark_gaps: list[QRectF] = []
        self._image: QImage | None = None
        self._scaled: QImage | None = None
        #: The scaled picture in grey, painted while it is no longer current (made when first needed).
        self._scaled_grey: QImage | None = None
        self._taken: float | None = None
        #: The picture is not current (see _refresh): painted greyed, its time across its foot.
        self._picture_old = False
        #: When the room's OBS link was last seen lost (a status's time): a picture taken before is not current.
        self._lost_at: float | None = None if status.link == "connected" else status.at
        self._stale = False
        #: Tooltips that say more than the line itself (a silent tile's last figures, dated).
        self._tips: dict[str, str] = {}
        #: While the source is away: the last moment the wall heard it (silence is judged then, not now).
        self._heard: float | None = None
        self._status = status
        self._now = now
        self._silent = self._judge_silence()
        self._layout()
        self._refresh()

    # ------------------------------------------------------------------ what the wall gives it
    @property
    def room(self) -> str:
        return self._status.room

    @property
    def status(self) -> RoomStatus:
        return self._status

    @property
    def silent(self) -> bool:
        """Its console stopped reporting (the wall's "now" against the last heartbeat)."""
        return self._silent

    @property
    def stale(self) -> bool:
        return self._stale

    def set_status(self, status: RoomStatus) -> None:
        history_changed = status.viewers_history != self._status.viewers_history
        if status.link != "connected" and (self._status.link == "connected" or self._lost_at is None):
            self._lost_at = status.at  # the pictures from before are the last of an OBS no longer heard
        self._status = status
        self._silent = self._judge_silence()
        if history_changed:
            self._build_sparkline()
        self._refresh()
        self.update()  # lights, frame and badge may all have changed: the whole tile (cheap: see benchmarks)

    def set_now(self, now: float) -> None:
        """The wall's second: the time on air, "2 min ago", the picture's age and silence move with it."""
        self._now = now
        silent = self._judge_silence()
        if silent != self._silent:
            self._silent = silent
            self.update()
        self._refresh()

    def set_stale(self, stale: bool, heard: float | None = None) -> None:
        """The source cannot say what is true now (database unreachable, last heard at `heard`): the tile keeps its
        last state, greyed. Silence is judged at `heard`: a console already quiet then is still shown as such, one
        that was reporting is not blamed for the wall's own deafness."""
        self._heard = heard if stale else None
        if stale == self._stale:
            return
        self._stale = stale
        self._silent = self._judge_silence()
        self._refresh()
        self.update()

    def _judge_silence(self) -> bool:
        return self._status.silent(self._now if self._heard is None else self._heard)

    def set_picture(self, image: QImage | None, taken: float | None) -> None:
        self._image, self._taken = image, taken
        self._scale_picture()
        self._refresh()
        self.update(self._rects["picture_box"])

    # ------------------------------------------------------------------ words
    def _refresh(self) -> None:
        status, now = self._status, self._now
        silent = self._silent
        # Greyed while the source is away (and the room was reporting until then): the last known state, at the
        # moment the wall last heard it; the time on air does not run on for a room nobody can see.
        stale = self._stale and not silent
        figures = st.withheld(status) if silent else status
        self._tips = {}
        self._set("name", status.room, st.TEXT)
        self._set("tally", *st.tally(status, silent))
        heard = self._heard if stale and self._heard is not None else now
        self._set("time", "" if silent else st.on_air_time(status, heard), st.TEXT)
        if silent:
            self._set("finding", st.silence(status, now), st.SILENT)
        else:
            self._set("finding", *st.finding_line(status))
        self._set("viewers", st.viewers_text(figures), st.TEXT)
        self._set("stream", *st.stream_line(figures))
        self._set("rundown", "" if silent else st.rundown_line(status), st.TEXT)
        if silent:
            self._set("prep", st.last_report(status), st.SILENT)
        elif stale:
            self._set("prep", st.last_known(status), st.SILENT)
        else:
            self._set("prep", *st.prep_line(status))
        if silent or stale:  # the figures it no longer claims, dated, for whoever asks
            self._tips = {name: st.last_figures(status) for name in ("viewers", "stream", "prep")}
        # A picture is current only while its room is heard and its OBS connected (fix23d: a killed OBS's tile kept
        # its last picture as if live): else it is greyed and says when it was taken.
        self._picture_old = self._image is not None and (
            silent or self._stale or not st.picture_current(self._taken, now, status.link, self._lost_at)
        )
        if self._image is None:
            self._set("picture", self.tr("no picture"), st.DIM)
        elif self._picture_old:
            self._set("picture", st.last_picture(self._taken), st.AMBER)
            self._tips["picture"] = st.last_picture_tip(self._taken, now)
        else:
            self._set("picture", "", st.TEXT)
        self.setToolTip("")  # tooltips are per element (event())
        self.setAccessibleName(self._summary())

    def _summary(self) -> str:
        parts = [
            self._lines[n].text for n in ("name", "tally", "time", "finding", "viewers", "stream", "rundown", "prep")
        ]
        return " · ".join(p for p in parts if p)

    def _set(self, name: str, text: str, colour: str) -> None:
        line = self._lines[name]
        if line.text == text and line.colour == colour:
            return
        two_lines = self._finding_has_two_lines()
        if line.text != text:
            line.shown = self._elide(name, text)
        line.text, line.colour = text, colour
        if name == "rundown" and self._finding_has_two_lines() != two_lines:
            finding = self._lines["finding"]
            finding.shown = self._elide("finding", finding.text)
            self.update(self._rects.get("finding_area", self.rect()))
        self.update(self._rects.get(_DIRTY.get(name, name), self.rect()))

    def _finding_has_two_lines(self) -> bool:
        """The finding line may take the rundown's row too while no rundown runs: a long finding was cut after a
        few words on a TV tile with that row empty below it (walk15)."""
        return not self._lines["rundown"].text

    def _elide(self, name: str, text: str) -> str:
        rect = self._rects.get(name)
        if rect is None:
            return text
        metrics = QFontMetrics(self._fonts[name])
        if name == "finding" and self._finding_has_two_lines() and metrics.horizontalAdvance(text) > rect.width():
            return _two_lines(metrics, text, rect.width())
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())

    # ------------------------------------------------------------------ layout
    def heightForWidth(self, width: int) -> int:
        return round(width * ASPECT)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout()

    def _layout(self) -> None:
        """Rectangles on a grid of units (a twelfth of the height), fonts sized to them, texts elided again."""
        w, h = self.width(), self.height()
        u = h / 12.5
        pad = round(u * 0.45)
        inner = w - 2 * pad
        for name, (size, bold) in _FONTS.items():
            font = QFont()
            font.setPixelSize(max(9, round(u * size)))
            font.setBold(bold)
            self._fonts[name] = font
        tally_w = round(inner * 0.36)
        row = round(u * 1.5)
        top = pad
        r: dict[str, QRect] = {}
        r["name"] = QRect(pad, top, inner - tally_w - pad, row)
        r["tally_box"] = QRect(w - pad - tally_w, top + round(u * 0.1), tally_w, row - round(u * 0.2))
        r["tally"] = r["tally_box"].adjusted(round(u * 0.2), 0, -round(u * 0.2), 0)
        body_top = top + row + round(u * 0.3)
        pic_w = round(inner * 0.5)
        pic_h = round(pic_w * 9 / 16)
        r["picture_box"] = QRect(pad, body_top, pic_w, pic_h)
        r["picture"] = QRect(pad, body_top + pic_h - round(u * 1.1), pic_w, round(u * 1.1))
        right = pad + pic_w + pad
        right_w = w - pad - right
        r["time"] = QRect(right, body_top, right_w, round(u * 1.2))
        dots_top = body_top + round(u * 1.35)
        diameter = min(u * 0.8, (right_w - 6 * u * 0.2) / len(CATEGORIES))
        gap = (right_w - diameter * len(CATEGORIES)) / max(1, len(CATEGORIES) - 1)
        self._dots = [
            (category, QRectF(right + i * (diameter + gap), dots_top, diameter, diameter))
            for i, category in enumerate(CATEGORIES)
        ]
        r["viewers"] = QRect(right, dots_top + round(u * 1.1), right_w, round(u * 1.2))
        spark_top = r["viewers"].bottom() + 1
        self._spark = QRectF(right, spark_top, right_w, max(4.0, body_top + pic_h - spark_top))
        lines_top = body_top + max(pic_h, round(u * 4.6)) + round(u * 0.35)
        r["stream"] = QRect(pad, lines_top, inner, round(u * 1.0))
        r["finding"] = QRect(pad, lines_top + round(u * 1.05), inner, round(u * 1.2))
        r["rundown"] = QRect(pad, lines_top + round(u * 2.3), inner, round(u * 1.1))
        r["finding_area"] = QRect(pad, r["finding"].top(), inner, r["rundown"].bottom() - r["finding"].top())
        r["prep"] = QRect(pad, lines_top + round(u * 3.4), inner, round(u * 1.1))
        self._rects = r
        for name, line in self._lines.items():
            line.shown = self._elide(name, line.text)
        self._scale_picture()
        self._build_sparkline()
        self.update()

    def _scale_picture(self) -> None:
        box = self._rects.get("picture_box")
        self._scaled_grey = None
        if self._image is None or box is None or box.isEmpty():
            self._scaled = None
            return
        self._scaled = self._image.scaled(
            box.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )

    def _build_sparkline(self) -> None:
        """One path through the known points; an unknown point (None) breaks it (a gap, never a drop to 0)."""
        values = self._status.viewers_history
        self._spark_path = QPainterPath()
        known = [v for v in values if v is not None]
        if len(values) < 2 or not known:
            return
        low, high = min(known), max(known)
        span = max(1, high - low)
        box = self._spark.adjusted(0, 2, 0, -2)
        step = box.width() / (len(values) - 1)
        drawing = False
        for i, value in enumerate(values):
            if value is None:
                drawing = False
                continue
            point = QPointF(box.left() + i * step, box.bottom() - (value - low) / span * box.height())
            if drawing:
                self._spark_path.lineTo(point)
            else:
                self._spark_path.moveTo(point)
                drawing = True

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(event.rect(), QColor(st.BACKGROUND))
        if self._stale:
            painter.setOpacity(0.45)  # the last known state, plainly not live
        self._paint_frame(painter)
        self._paint_picture(painter)
        self._paint_tally(painter)
        self._paint_lights(painter)
        if not self._spark_path.isEmpty():
            painter.setPen(QPen(QColor(st.DIM if self._silent else "#6fa8dc"), max(1.0, self.height() / 180)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._spark_path)
        for name in ("name", "time", "viewers", "stream", "finding", "rundown", "prep"):
            line = self._lines[name]
            if line.shown:
                painter.setFont(self._fonts[name])
                # Silent: its lines dimmed, but not the two that say so (since when, and its last report).
                painter.setPen(QColor(st.DIM if self._silent and name not in ("finding", "prep") else line.colour))
                two = name == "finding" and "\n" in line.shown
                painter.drawText(self._rects["finding_area" if two else name], LEFT, line.shown)
        painter.end()

    def _paint_frame(self, painter: QPainter) -> None:
        frame = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        radius = self.height() / 40
        painter.setBrush(QColor(st.TILE))
        worst = self._status.worst()
        if self._silent:
            edge, width = QColor(st.SILENT), 3.0
        elif worst == Light.CRITICAL and not self._stale:
            edge, width = QColor(st.RED), 3.0
        else:
            edge, width = QColor("#3a3d42"), 1.0
        if self.hasFocus():
            edge, width = QColor("#6fa8dc"), 3.0
        painter.setPen(QPen(edge, width, Qt.PenStyle.DashLine if self._silent else Qt.PenStyle.SolidLine))
        painter.drawRoundedRect(frame, radius, radius)
        if self._silent:  # hatched: nothing on this tile is live
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(255, 159, 10, 40), Qt.BrushStyle.BDiagPattern))
            painter.drawRoundedRect(frame, radius, radius)

    def _paint_picture(self, painter: QPainter) -> None:
        box = self._rects["picture_box"]
        painter.fillRect(box, QColor("#000000"))
        line = self._lines["picture"]
        if self._scaled is not None:
            x = box.left() + (box.width() - self._scaled.width()) // 2
            y = box.top() + (box.height() - self._scaled.height()) // 2
            if self._picture_old:  # greyed and dimmed: plainly not the room's picture now
                if self._scaled_grey is None:
                    self._scaled_grey = self._scaled.convertToFormat(QImage.Format.Format_Grayscale8)
                opacity = painter.opacity()
                painter.setOpacity(opacity * 0.6)
                painter.drawImage(x, y, self._scaled_grey)
                painter.setOpacity(opacity)
            else:
                painter.drawImage(x, y, self._scaled)
            if line.shown:  # when it was taken, on a band across its foot
                painter.fillRect(self._rects["picture"], QColor(0, 0, 0, 190))
        painter.setFont(self._fonts["picture"])
        painter.setPen(QColor(line.colour))
        rect = self._rects["picture"] if self._scaled is not None else box
        painter.drawText(rect, CENTRE, line.shown)

    def _paint_tally(self, painter: QPainter) -> None:
        line, box = self._lines["tally"], QRectF(self._rects["tally_box"])
        lit = line.colour in (st.TALLY_RED, st.SILENT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(line.colour if lit else "#2c2c2e"))
        painter.drawRoundedRect(box, box.height() * 0.2, box.height() * 0.2)
        painter.setFont(self._fonts["tally"])
        painter.setPen(QColor("#000000" if line.colour == st.SILENT else "#ffffff" if lit else st.DIM))
        painter.drawText(self._rects["tally"], CENTRE, line.shown)

    def _paint_lights(self, painter: QPainter) -> None:
        painter.setPen(QPen(QColor("#000000"), 1))
        for category, rect in self._dots:
            painter.setBrush(QColor(self.light_colour(category)))
            painter.drawEllipse(rect)

    # ------------------------------------------------------------------ reading it (tooltips, tests)
    def light(self, category: str) -> Light:
        """The light a category shows: unknown (grey) while silent, never green without knowing."""
        if self._silent:
            return Light.UNKNOWN
        return self._status.lights.get(category, Light.UNKNOWN)

    def light_colour(self, category: str) -> str:
        return st.LIGHT_COLOURS[self.light(category)]

    def text(self, name: str) -> str:
        return self._lines[name].text

    @property
    def picture_old(self) -> bool:
        """Its picture is shown greyed as no longer current (its time across its foot)."""
        return self._picture_old

    def shown(self, name: str) -> str:
        return self._lines[name].shown

    def colour(self, name: str) -> str:
        return self._lines[name].colour

    def rect_of(self, name: str) -> QRect:
        return self._rects[name]

    def tooltip_at(self, x: float, y: float) -> str:
        """What a pointer at (x, y) is told: the whole of an elided text, a light's category and verdict."""
        for category, rect in self._dots:
            if rect.adjusted(-3, -3, 3, 3).contains(QPointF(x, y)):
                name = self.tr_health(CATEGORY_NAMES[category])
                verdict = f"{name}: {self.light_word(self.light(category))}"
                # Which finding lights it ("Connection: critical · OBS lost"), unless nothing it says is current.
                finding = (
                    None
                    if self._silent
                    else st.worst_finding(tuple(f for f in self._status.findings if f.category == category))
                )
                if finding is not None and finding.id in TITLES:  # named by its fields too ("cannot be played")
                    verdict += " · " + self.tr_health(title(finding.id, finding.message.fields))
                return verdict
        for name, line in self._lines.items():
            box = self._rects.get(name)
            if box is not None and box.contains(int(x), int(y)) and (line.text or name in self._tips):
                return self._tips.get(name) or line.text
        return ""

    @staticmethod
    def tr_health(text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("Health", text)

    def light_word(self, light: Light) -> str:
        return {
            Light.UNKNOWN: self.tr("unknown"),
            Light.OK: self.tr("fine"),
            Light.WARNING: self.tr("warning"),
            Light.CRITICAL: self.tr("critical"),
        }.get(light, UNKNOWN)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos().x(), event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # ------------------------------------------------------------------ opening the room
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.sig_opened.emit(self.room)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.sig_opened.emit(self.room)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
