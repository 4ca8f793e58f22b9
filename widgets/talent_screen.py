"""TalentScreen: the host's full-screen window on a second monitor or a TV — ON AIR tally, the current segment
and its remaining time in the largest type, the next segment, the talking points, one health light, viewers now
and the assistant's message line. Big type on black, readable at 3 m; no cues (those are the assistant's).

It runs for hours beside the console, so it is cheap: every element is painted by hand into rectangles laid out
on a resize (widgets/talent_layout.py), a text is set only when it changed and repaints only its own rectangle;
it moves only when the rundown controller, OBS or the telemetry signal (the controller sends a position every
second while a segment runs). Its one timer is the message line's flash. What it says comes from
widgets/talent_text.py."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QRectF, Qt, QTimer, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QApplication, QWidget

from console.core.chat.lottery import LotteryRecord
from console.core.rundown.model import Position, Rundown
from obs.messages import LinkStatus
from obs.state import ObsState
from widgets import talent_layout as tl
from widgets import talent_text as tt
from widgets.engage_port import EngagePort
from widgets.ports import ObsPort, SettingsPort, TelemetryPort
from widgets.rundown_port import RundownPort

#: The message line flashes this many half-periods when it changes (about 1.5 s).
FLASHES = 6
FLASH_MS = 250
#: The winners stay on the screen this long after the draw (or until a click, Esc, Space or Enter dismisses them).
WINNERS_S = 60

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


@dataclass
class _Cell:
    """One element: its text and colour as last set, its font fitted to its rectangle."""

    text: str = ""
    colour: str = tt.TEXT
    font: QFont = field(default_factory=QFont)
    #: The text as painted: cut with "…" when even the smallest type allowed does not fit on one line.
    shown: str = ""
    #: Painted word-wrapped (the host's message line when one line would cut it).
    wrapped: bool = False


class TalentScreen(QWidget):
    """The host's screen. Takes the room's ports; open it with `show_on(screen)` (full screen there)."""

    def __init__(
        self,
        rundown: RundownPort,
        obs: ObsPort,
        telemetry: TelemetryPort,
        settings: SettingsPort,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("talent_screen")
        # Closed, it is gone (the menu makes a new one); it never keeps the console running on its own.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # every pixel is painted: no erase first
        self.setMinimumSize(480, 270)
        self.rundown_port = rundown
        self.obs = obs
        self.telemetry = telemetry
        self.settings = settings
        self._closing_by_hand = False
        self._cells = {name: _Cell() for name in _FITS}
        self._points_font = QFont()
        self._position = rundown.position
        self._rundown = rundown.rundown
        self._message = rundown.message
        self._layout = tl.layout(self.size(), bool(self._message))
        self._flash_left = 0
        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._on_flash_timeout)
        # The room's lottery (#20): its line while entries run, its winners at the draw.
        self._engage: EngagePort | None = None
        self._winners: LotteryRecord | None = None
        self._winners_fonts: tuple[QFont, QFont] = (QFont(), QFont())
        self._winners_lines = ""  # the names as painted (fitted, cut to the screen)
        #: Each lottery dismissed, with how many winners it had drawn then: a replacement drawn later (one more
        #: winner) is shown again, for the host to read out.
        self._dismissed: dict[int | None, int] = {}
        # Which draws are this screen's to put up. Reopened at start (the console stopped with it open: talent/open),
        # it is the same screen as before the restart: a draw it put up then is not put up again (it remembers the
        # last one in talent/lottery_shown), and one made while the console was down, never shown, is put up if it
        # is less than WINNERS_S old. Opened by hand, a draw made before it opened was seen in the dock: not put up.
        self._opened_at = 0.0 if self.settings.get("talent/open") else time.time()
        self._winners_timer = QTimer(self)
        self._winners_timer.setSingleShot(True)
        self._winners_timer.setInterval(WINNERS_S * 1000)
        self._winners_timer.timeout.connect(self.dismiss_winners)
        rundown.sig_position_changed.connect(self._on_rundown_position_changed)
        rundown.sig_rundown_changed.connect(self._on_rundown_rundown_changed)
        rundown.sig_message_changed.connect(self._on_rundown_message_changed)
        obs.sig_state_changed.connect(self._on_obs_state_changed)
        obs.sig_status_changed.connect(self._on_obs_status_changed)
        telemetry.sig_findings_changed.connect(self._on_telemetry_findings_changed)
        telemetry.sig_sampled.connect(self._on_telemetry_sampled)
        telemetry.sig_audience_changed.connect(self._on_telemetry_sampled)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.aboutToQuit.connect(self.close)  # deleted with the console's window, in Qt's order
        self.refresh()

    # ------------------------------------------------------------------ placing
    def show_on(self, screen: QScreen) -> None:
        """Full screen on `screen`; Esc brings it back to a window on that screen."""
        if self.isFullScreen():
            self.showNormal()  # a window manager moves a full-screen window only once it is a window again
        area = screen.availableGeometry()
        self.setScreen(screen)
        self.setGeometry(
            area.adjusted(area.width() // 10, area.height() // 10, -area.width() // 10, -area.height() // 10)
        )
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.settings.set("talent/open", True)  # a console stopped now opens it here again at its next start

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closed by the person (Esc in a window, the window's close button): it stays closed at the next start.
        # A console that stops (quit, SIGTERM, a crash) never closes it this way, so it comes back after a restart.
        if self._closing_by_hand or event.spontaneous():
            self.settings.set("talent/open", False)
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        dismissing = (Qt.Key.Key_Escape, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if self._winners is not None and event.key() in dismissing:
            self.dismiss_winners()
            return
        if event.key() == Qt.Key.Key_Escape:
            if self.isFullScreen():
                self.showNormal()
            else:
                self._closing_by_hand = True
                self.close()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._winners is not None:
            self.dismiss_winners()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()  # the console switched language: every word again, in the new one

    # ------------------------------------------------------------------ what it shows
    def refresh(self) -> None:
        """Every element from its source (at start and on a language switch)."""
        self.setWindowTitle(QCoreApplication.translate("TalentScreen", "Talent screen — OnAir Console"))
        self._warn_s = int(self.settings.get("talent/warn_s"))  # read here, not once a second
        self._show_rundown()
        self._show_message()
        self._show_obs()
        self._show_telemetry()
        self._show_lottery()

    def _show_rundown(self) -> None:
        position, rundown = self._position, self._rundown
        timer = tt.timer(position, rundown, self._warn_s, tt.on_air(self.obs.state, self.obs.tracker.status))
        self._set("timer", timer.text, timer.colour)
        self._set("caption", timer.caption, tt.DIM)
        current = position.current
        self._set("title", tt.title(position), tt.TEXT if current is not None else tt.DIM)
        self._set("colour_bar", "", current.colour if current is not None and current.colour else tt.BACKGROUND)
        self._set("next", tt.next_line(position, rundown), tt.DIM)
        if position.finished:
            points, colour = "", tt.TEXT
        elif current is None:  # before the first Go: what the host will say first, dimmed
            first = position.next or (rundown.segments[0] if rundown.segments else None)
            points, colour = (first.talking_points if first is not None else ""), tt.DIM
        else:
            points, colour = current.talking_points, tt.TEXT
        self._set("points", points.strip(), colour)

    def _show_message(self) -> None:
        with_message = bool(self._message)
        if with_message != (not self._layout.message.isEmpty()):
            self._relayout()  # the line appears or goes: the talking points give it room
        self._set("message", self._message, tt.MESSAGE_TEXT)

    def _show_obs(self) -> None:
        tally = tt.tally(self.obs.state, self.obs.tracker.status)
        self._set("tally", tally.text, tally.colour)
        self._set("recording", "● " + tally.recording if tally.recording else "", tt.RED)
        self._show_health()
        if self._position.finished:
            self._show_rundown()  # "still on air" under "Rundown ended" follows the stream

    def _show_telemetry(self) -> None:
        self._show_health()
        self._set("viewers", tt.viewers(self.telemetry.audience), tt.TEXT)

    def _show_health(self) -> None:
        light = tt.health_light(self.telemetry.health, self.obs.tracker.status)
        self._set("health", light.text, light.colour)

    def _set(self, name: str, text: str, colour: str) -> None:
        cell = self._cells[name]
        if cell.text == text and cell.colour == colour:
            return
        refit = cell.text != text
        cell.text, cell.colour = text, colour
        if refit:
            self._fit(name)
        self.update(self._rect(name))

    # ------------------------------------------------------------------ the port's news
    @Slot(object)
    def _on_rundown_position_changed(self, position: Position) -> None:
        self._position = position
        self._show_rundown()

    @Slot(object)
    def _on_rundown_rundown_changed(self, rundown: Rundown) -> None:
        self._rundown = rundown
        self._show_rundown()

    @Slot(str)
    def _on_rundown_message_changed(self, text: str) -> None:
        if text == self._message:
            return
        self._message = text
        self._show_message()
        # A line read back after a restart is the one the host already saw: it comes back without the flash.
        self._flash_left = FLASHES if text and not self.rundown_port.message_restored else 0
        if self._flash_left:
            self._flash.start()
        else:
            self._flash.stop()
        self.update(self._layout.message)

    @Slot()
    def _on_flash_timeout(self) -> None:
        self._flash_left -= 1
        if self._flash_left <= 0:
            self._flash.stop()
        self.update(self._layout.message)

    @property
    def flashing(self) -> bool:
        """The message line shows its alternate colours now (it just changed)."""
        return self._flash_left > 0 and self._flash_left % 2 == 0

    @Slot(object)
    def _on_obs_state_changed(self, _state: ObsState) -> None:
        self._show_obs()

    @Slot(object)
    def _on_obs_status_changed(self, _status: LinkStatus) -> None:
        self._show_obs()

    @Slot(object)
    def _on_telemetry_findings_changed(self, _changes: object) -> None:
        self._show_health()

    @Slot()
    def _on_telemetry_sampled(self) -> None:
        self._show_telemetry()

    # ------------------------------------------------------------------ layout and painting
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        self._layout = tl.layout(self.size(), bool(self._message), bool(tt.lottery_line(self._lottery_record())))
        for name in self._cells:
            self._fit(name)
        self._fit_winners()
        self.update()

    def _rect(self, name: str) -> QRect:
        rect: QRect = getattr(self._layout, name)
        return rect

    def _fit(self, name: str) -> None:
        cell, rect = self._cells[name], self._rect(name)
        fraction, bold = _FITS[name]
        pixels = self._layout.px(fraction)
        if name == "points":
            cell.font = tl.fit_wrapped(cell.text, pixels, self._layout.px(tl.POINTS_MIN), rect)
        else:
            padding = self._layout.px(0.02) * 2 if name in ("tally", "message", "lottery") else 0
            if name == "health":
                padding = round(rect.height() * 0.55) * 2
            width = rect.width() - padding
            cell.font = tl.fit_line(cell.text, pixels, width, bold, smallest=pixels // 2)
            cell.shown = QFontMetrics(cell.font).elidedText(cell.text, Qt.TextElideMode.ElideRight, width)
            cell.wrapped = False
            if name == "message" and cell.shown != cell.text:
                # The assistant's line is read whole: on two lines (or more, smaller) rather than cut with "…".
                room = rect.adjusted(padding // 2, 0, -(padding // 2), 0)
                cell.font = tl.fit_wrapped(cell.text, pixels, self._layout.px(tl.POINTS_MIN), room, bold)
                cell.shown, cell.wrapped = cell.text, True

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        dirty = event.rect()
        painter.fillRect(dirty, QColor(tt.BACKGROUND))
        layout, cells = self._layout, self._cells
        if dirty.intersects(layout.tally):
            self._paint_tally(painter)
        if dirty.intersects(layout.health) and cells["health"].text:
            self._paint_health(painter)
        if dirty.intersects(layout.colour_bar):
            painter.fillRect(layout.colour_bar, QColor(cells["colour_bar"].colour))
        if dirty.intersects(layout.message) and cells["message"].text:
            self._paint_message(painter)
        if dirty.intersects(layout.lottery) and cells["lottery"].text:
            self._paint_lottery(painter)
        for name, align in _PLAIN:
            rect = self._rect(name)
            cell = cells[name]
            if cell.text and dirty.intersects(rect):
                painter.setFont(cell.font)
                painter.setPen(QColor(cell.colour))
                painter.drawText(rect, align, cell.shown)
        points = cells["points"]
        if points.text and dirty.intersects(layout.points):
            painter.setFont(points.font)
            painter.setPen(QColor(points.colour))
            flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
            painter.drawText(layout.points, flags, points.text)
        if self._winners is not None and dirty.intersects(layout.winners):
            self._paint_winners(painter)
        painter.end()

    def _paint_tally(self, painter: QPainter) -> None:
        cell, rect = self._cells["tally"], self._layout.tally
        lit = cell.colour in (tt.TALLY_RED, tt.AMBER)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(cell.colour if lit else "#2c2c2e"))
        radius = rect.height() * 0.18
        painter.drawRoundedRect(QRectF(rect), radius, radius)
        painter.setFont(cell.font)
        painter.setPen(QColor("#000000" if cell.colour == tt.AMBER else "#ffffff" if lit else tt.DIM))
        painter.drawText(rect, CENTRE, cell.shown)

    def _paint_health(self, painter: QPainter) -> None:
        cell, rect = self._cells["health"], self._layout.health
        diameter = round(rect.height() * 0.55)
        dot = QRect(rect.left() + diameter // 2, rect.center().y() - diameter // 2, diameter, diameter)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(cell.colour))
        painter.drawEllipse(dot)
        painter.setFont(cell.font)
        painter.setPen(QColor(cell.colour))
        painter.drawText(rect.adjusted(diameter * 2, 0, 0, 0), LEFT, cell.shown)

    def _paint_message(self, painter: QPainter) -> None:
        cell, rect = self._cells["message"], self._layout.message
        # The flash swaps to white on red for a moment, so a new line catches the eye from across the room.
        back, ink = (tt.RED, "#ffffff") if self.flashing else (tt.MESSAGE_BACK, tt.MESSAGE_TEXT)
        painter.fillRect(rect, QColor(back))
        painter.setFont(cell.font)
        painter.setPen(QColor(ink))
        flags = int(CENTRE) | (int(Qt.TextFlag.TextWordWrap) if cell.wrapped else 0)
        padding = self._layout.px(0.02)
        painter.drawText(rect.adjusted(padding, 0, -padding, 0), flags, cell.shown)

    def _paint_lottery(self, painter: QPainter) -> None:
        cell, rect = self._cells["lottery"], self._layout.lottery
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(tt.LOTTERY_BACK))
        radius = rect.height() * 0.18
        painter.drawRoundedRect(QRectF(rect), radius, radius)
        painter.setFont(cell.font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, CENTRE, cell.shown)

    def _paint_winners(self, painter: QPainter) -> None:
        record, rect = self._winners, self._layout.winners
        assert record is not None
        painter.fillRect(rect, QColor(tt.BACKGROUND))
        title_rect, names_rect = self._winners_rects()
        title_font, names_font = self._winners_fonts
        painter.setFont(title_font)
        painter.setPen(QColor(tt.GOLD))
        painter.drawText(title_rect, CENTRE, tt.winners_title(record))
        painter.setFont(names_font)
        painter.setPen(QColor(tt.TEXT))
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        painter.drawText(names_rect, flags, self._winners_lines)

    # ------------------------------------------------------------------ the lottery (#20)
    def set_engage(self, port: EngagePort | None) -> None:
        """The room's lottery, from the console's engagement controller (None: none is shown)."""
        if port is self._engage:
            return
        if self._engage is not None:
            self._engage.sig_lottery_changed.disconnect(self._on_engage_lottery_changed)
        self._engage = port
        if port is not None:
            port.sig_lottery_changed.connect(self._on_engage_lottery_changed)
        # A draw known now and one the port reads later (at start it has not read the show's lottery yet) are
        # judged alike, by when they were drawn (see _opened_at).
        self._show_lottery()

    def _lottery_record(self) -> LotteryRecord | None:
        return self._engage.lottery if self._engage is not None else None

    @Slot()
    def _on_engage_lottery_changed(self) -> None:
        self._show_lottery()

    def _show_lottery(self) -> None:
        record = self._lottery_record()
        line = tt.lottery_line(record)
        if bool(line) != (not self._layout.lottery.isEmpty()):
            self._set("lottery", line, tt.TEXT)
            self._relayout()
        else:
            self._set("lottery", line, tt.TEXT)
        if record is None or record.state != "drawn":
            return
        shown = self._winners
        if shown is not None and shown.id == record.id:
            if record != shown:  # a winner forfeited, or a replacement drawn, while the names are up
                self._winners = record
                self._fit_winners()
                if len(record.winners) > len(shown.winners):
                    self._winners_timer.start()  # the replacement's name gets the time a draw's names get
                    self._remember_shown(record)
                self.update()
            return
        new = len(record.winners) > max(self._dismissed.get(record.id, -1), self._shown_before(record))
        drawn_at = tt.last_drawn(record)
        if new and drawn_at >= self._opened_at and drawn_at > time.time() - WINNERS_S:
            self._winners = record
            self._fit_winners()
            self._winners_timer.start()
            self._remember_shown(record)
            self.update()

    @staticmethod
    def _shown_key(record: LotteryRecord) -> str:
        return f"{record.show_id}:{record.id}"

    def _shown_before(self, record: LotteryRecord) -> int:
        """How many winners `record` had when this screen last put it up, before a restart too (-1: never)."""
        key, _, count = str(self.settings.get("talent/lottery_shown") or "").rpartition(":")
        return int(count) if key == self._shown_key(record) and count.isdigit() else -1

    def _remember_shown(self, record: LotteryRecord) -> None:
        self.settings.set("talent/lottery_shown", f"{self._shown_key(record)}:{len(record.winners)}")

    def dismiss_winners(self) -> None:
        """The winners leave the screen (a click, Esc, Space or Enter, or WINNERS_S after the draw)."""
        if self._winners is None:
            return
        self._dismissed[self._winners.id] = len(self._winners.winners)
        self._winners = None
        self._winners_timer.stop()
        self.update()

    def _winners_rects(self) -> tuple[QRect, QRect]:
        rect = self._layout.winners
        title_h = round(self._layout.unit * 0.13)
        title = QRect(rect.left(), rect.top(), rect.width(), title_h)
        names = QRect(rect.left(), rect.top() + title_h, rect.width(), max(0, rect.height() - title_h))
        return title, names

    def _fit_winners(self) -> None:
        """The title on one line; the names one a line, never broken inside a name, as large as the widest name and
        the number of lines allow (a long list at the smallest size readable says how many more there are)."""
        record = self._winners
        if record is None:
            return
        title_rect, names_rect = self._winners_rects()
        pixels = self._layout.px(tl.WINNERS_TITLE)
        title = tl.fit_line(tt.winners_title(record), pixels, title_rect.width(), True, smallest=pixels // 2)
        lines = tt.winners_names(record).splitlines()
        largest, smallest = self._layout.px(tl.WINNERS_MAX), self._layout.px(tl.WINNERS_MIN)
        probe = tl.font(100, bold=True)
        metrics = QFontMetrics(probe)
        widest = max((metrics.horizontalAdvance(line) for line in lines), default=1) or 1
        spacing = metrics.lineSpacing()
        by_width = 100 * names_rect.width() // widest
        by_height = 100 * names_rect.height() // max(1, spacing * len(lines))
        size = max(smallest, min(largest, by_width, by_height))
        names = tl.font(size, bold=True)
        fitting = max(1, names_rect.height() // max(1, QFontMetrics(names).lineSpacing()))
        if len(lines) > fitting:  # hundreds of winners: the list is in the dock and the export
            more = QCoreApplication.translate("TalentScreen", "… and %1 more").replace(
                "%1", str(len(lines) - fitting + 1)
            )
            lines = [*lines[: fitting - 1], more]
        self._winners_fonts = (title, names)
        self._winners_lines = "\n".join(
            QFontMetrics(names).elidedText(line, Qt.TextElideMode.ElideRight, names_rect.width()) for line in lines
        )

    @property
    def winners_font(self) -> QFont:
        """The type the winners' names are painted in (fitted to the screen)."""
        return self._winners_fonts[1]

    @property
    def winners_shown(self) -> tuple[str, str] | None:
        """The winners' title and names while they are on the screen (None otherwise)."""
        if self._winners is None:
            return None
        return tt.winners_title(self._winners), self._winners_lines

    # ------------------------------------------------------------------ for tests and screenshots
    def text(self, name: str) -> str:
        return self._cells[name].text

    def colour(self, name: str) -> str:
        return self._cells[name].colour

    def shown(self, name: str) -> str:
        """The text as painted (cut with "…" where it does not fit; the message line wraps instead)."""
        return self._cells[name].shown

    def font_of(self, name: str) -> QFont:
        return self._cells[name].font

    def rect_of(self, name: str) -> QRect:
        return self._rect(name)


#: Each element's largest type (a fraction of the layout height) and weight.
_FITS: dict[str, tuple[float, bool]] = {
    "tally": (tl.TALLY, True),
    "recording": (tl.BAR, True),
    "health": (tl.BAR, True),
    "viewers": (tl.BAR, False),
    "colour_bar": (tl.BAR, False),
    "title": (tl.TITLE, True),
    "timer": (tl.TIMER, True),
    "caption": (tl.CAPTION, False),
    "message": (tl.MESSAGE, True),
    "lottery": (tl.LOTTERY, True),
    "next": (tl.NEXT, False),
    "points": (tl.POINTS_MAX, False),
}
#: The elements drawn as plain text (the others have a shape of their own).
_PLAIN = (
    ("recording", CENTRE),
    ("viewers", RIGHT),
    ("title", LEFT),
    ("timer", CENTRE),
    ("caption", Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
    ("next", LEFT),
)
