"""The Rundown dock's live strip: the segment on air (elapsed, remaining — amber in its last minute, red and
"+1:20 over" past its end), the next one (and whether it is armed), the whole show against the plan ("+2:30
behind" / "0:40 ahead"), the cue buttons (Arm, Go, Skip, Repeat, Insert, End) and the line for the host."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.core.rundown.durations import countdown_shown, elapsed_shown, format_duration
from console.core.rundown.model import MAX_TITLE, Position, Segment, heading
from widgets.connection_status import ElidedLabel
from widgets.rundown_table import length_problem, title_problem
from widgets.title_fit import title_width

AMBER = "#f0a020"
RED = "#e0312f"
GREEN = "#2fae4f"
#: The strip's background while the segment on air is over its length (light: the black type stays readable).
OVER_TINT = "#fbe3e1"
#: The last minute of a segment is amber.
LAST_MINUTE_S = 60.0
#: A second press of End within this confirms it (an accidental End would stop the show's timing).
END_CONFIRM_MS = 3000


def signed(seconds: float) -> str:
    """+1:20 / −0:40 (a real minus sign, as printed)."""
    return ("+" if seconds >= 0 else "−") + format_duration(seconds)


def over_under_text(seconds: float | None) -> tuple[str, str]:
    """The whole show against the plan, and its colour: "+2:30 behind" (red), "0:40 ahead" (green) — a figure
    ahead is never negative: "提前 −3:54:29" read as ahead by a negative time."""
    if seconds is None:
        return "", ""
    if abs(seconds) < 1:
        return QCoreApplication.translate("RundownStrip", "on time"), GREEN
    if seconds > 0:
        return QCoreApplication.translate("RundownStrip", "%1 behind").replace("%1", signed(seconds)), RED
    return QCoreApplication.translate("RundownStrip", "%1 ahead").replace("%1", format_duration(-seconds)), GREEN


def show_against_plan(position: Position) -> tuple[str, str]:
    """What the strip's figure says, and its colour. A segment at a fixed time of day (20:00) is said by that
    time while it is still to come: before the first Go, "Starts at 20:00, in 3:54:29" (or how late the first Go
    is once 20:00 has passed); taken before its time, "3:54:29 early for 20:00" — the planner's reading of a
    show taken up hours before its fixed start, where "ahead −3:54:29" was a negative figure. Else the show
    against the plan (over_under_text)."""
    running = position.current is not None and not position.finished
    fixed_in = position.fixed_in_s
    if not running:
        upcoming = position.next
        if position.finished or fixed_in is None or upcoming is None or upcoming.fixed_start is None:
            return over_under_text(position.over_under_s)
        at = upcoming.fixed_start.strftime("%H:%M")
        if fixed_in >= 1:
            words = QCoreApplication.translate("RundownStrip", "Starts at %1, in %2")
            return words.replace("%1", at).replace("%2", format_duration(fixed_in)), ""
        words = QCoreApplication.translate("RundownStrip", "Planned to start at %1: %2 late")
        return words.replace("%1", at).replace("%2", format_duration(-fixed_in)), RED
    current = position.current
    over_under = position.over_under_s
    if (
        current is not None
        and current.fixed_start is not None
        and fixed_in is not None
        and fixed_in >= 1
        and over_under is not None
        and over_under <= -1
    ):
        words = QCoreApplication.translate("RundownStrip", "%1 early for %2")
        at = current.fixed_start.strftime("%H:%M")
        return words.replace("%1", format_duration(-over_under)).replace("%2", at), GREEN
    return over_under_text(over_under)


def counted_from_text(position: Position) -> str:
    """Where the over/under counts from: the show's first Go, or the first segment taken of a plan taken up mid-show
    (a sheet of new titles): "Against the plan from “开场”, taken at 20:00:05"."""
    if position.counted_since is None:
        return ""
    at = datetime.fromtimestamp(position.counted_since).strftime("%H:%M:%S")
    words = QCoreApplication.translate("RundownStrip", "Against the plan from “%1”, taken at %2")
    return words.replace("%1", position.counted_from).replace("%2", at)


def remaining_text(position: Position) -> tuple[str, str]:
    """What the remaining-time figure says, and its colour (amber in the last minute, red when over) — in whole
    seconds by the talent screen's rule (countdown_shown), so the dock and the host's screen never differ."""
    remaining = position.remaining_s
    if remaining is None:
        return QCoreApplication.translate("RundownStrip", "no planned length"), ""
    shown = countdown_shown(remaining)
    if shown < 0 or remaining < 0:
        return QCoreApplication.translate("RundownStrip", "%1 over").replace("%1", signed(-shown)), RED
    colour = AMBER if shown <= LAST_MINUTE_S else ""
    return QCoreApplication.translate("RundownStrip", "%1 left").replace("%1", format_duration(shown)), colour


class InsertDialog(QDialog):
    """Insert: a quick segment taken next — a title and a length."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insert a segment next"))
        # A dialog as narrow as its two fields had its title cut by the window manager ("Insert ... t next"): wide
        # enough for the whole title beside the title bar's buttons.
        self.setMinimumWidth(title_width(self))
        self.title = QLineEdit()
        self.title.setMaxLength(MAX_TITLE)
        self.length = QLineEdit("2:00")
        self.length.setPlaceholderText(self.tr("5 min, 5:30, 300 s"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {RED};")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Length"), self.length)
        form.addRow(self.problem)
        form.addRow(buttons)

    def segment(self) -> Segment | None:
        """The segment typed, or None (and why, shown in the dialog)."""
        problem = title_problem(self.title.text())
        seconds, length_refused = length_problem(self.length.text(), False)
        problem = problem or length_refused
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return None
        return Segment(self.title.text().strip(), planned_s=seconds)

    def accept(self) -> None:
        if self.segment() is not None:
            super().accept()


class RundownStrip(QWidget):
    """Draws a Position; its buttons are the dock's to connect (it knows no port)."""

    sig_end_confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # its style sheet's background is drawn
        big = QFont(self.font())
        big.setPixelSize(22)
        big.setBold(True)
        figure = QFont(big)
        figure.setPixelSize(26)
        self.now_caption = QLabel(self.tr("NOW"))
        # Cut with "…" (the whole line in the tooltip): a title · product · price line wider than the dock must not
        # end mid-price, where "¥1,99" would read as a whole figure.
        self.now_title = ElidedLabel()
        self.now_title.setFont(big)
        self.now_title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.elapsed = QLabel()
        self.remaining = QLabel()
        self.remaining.setFont(figure)
        self.remaining.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.next_caption = QLabel(self.tr("NEXT"))
        self.next_title = ElidedLabel()
        self.next_title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.armed = QLabel(self.tr("ARMED"))
        self.armed.setStyleSheet(f"background: {AMBER}; color: #1a1a1a; font-weight: 700; padding: 1px 6px;")
        self.over_under = QLabel()
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPixelSize(16)
        self.over_under.setFont(bold)
        self.over_under.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for caption in (self.now_caption, self.next_caption):
            caption.setStyleSheet("color: #8a8a8a; font-weight: 700;")
        self.arm_button = QPushButton(self.tr("Arm"))
        self.go_button = QPushButton(self.tr("Go"))
        self.go_button.setStyleSheet("font-weight: 700;")
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setToolTip(self.tr("Pass over the next segment; the one after it becomes next"))
        self.repeat_button = QPushButton(self.tr("Repeat"))
        self.repeat_button.setToolTip(self.tr("Take the segment on air again from its start"))
        self.insert_button = QPushButton(self.tr("Insert…"))
        self.insert_button.setToolTip(self.tr("A quick segment (title and length) right after the one on air"))
        self.end_button = QPushButton(self.tr("End"))
        self.end_button.setToolTip(self.tr("End the rundown (press twice)"))
        self._end_pending = QTimer(self)
        self._end_pending.setSingleShot(True)
        self._end_pending.setInterval(END_CONFIRM_MS)
        self._end_pending.timeout.connect(self._reset_end)
        self.end_button.clicked.connect(self._on_end_clicked)
        # The line for the host.
        self.message = QLineEdit()
        self.message.setPlaceholderText(self.tr("A line for the host (talent screen)"))
        self.message.setMaxLength(80)
        self.send_button = QPushButton(self.tr("Send"))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.shown_message = ElidedLabel()
        self.shown_message.setStyleSheet(f"color: {AMBER}; font-weight: 700;")
        self.shown_message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.quick_row = QHBoxLayout()
        self.quick_row.setSpacing(4)
        self.quick_buttons: list[QToolButton] = []
        self.edit_quick_button = QToolButton()
        self.edit_quick_button.setText("✎")
        self.edit_quick_button.setToolTip(self.tr("Edit the quick lines (one a line)"))

        now = QGridLayout()
        now.setHorizontalSpacing(8)
        now.setVerticalSpacing(2)
        now.addWidget(self.now_caption, 0, 0)
        now.addWidget(self.now_title, 0, 1)
        now.addWidget(self.remaining, 0, 2, 2, 1)
        now.addWidget(self.elapsed, 1, 1)
        now.addWidget(self.next_caption, 2, 0)
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_title, 1)
        next_row.addWidget(self.armed)
        now.addLayout(next_row, 2, 1)
        now.addWidget(self.over_under, 2, 2)
        now.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for button in (
            self.arm_button,
            self.go_button,
            self.skip_button,
            self.repeat_button,
            self.insert_button,
            self.end_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        line = QHBoxLayout()
        line.setSpacing(4)
        line.addWidget(self.message, 1)
        line.addWidget(self.send_button)
        line.addWidget(self.clear_button)
        quick = QHBoxLayout()
        quick.setSpacing(4)
        quick.addLayout(self.quick_row)
        quick.addWidget(self.edit_quick_button)
        quick.addWidget(self.shown_message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(now)
        layout.addLayout(buttons)
        layout.addLayout(line)
        layout.addLayout(quick)
        self.show_position(Position(), None)

    # ------------------------------------------------------------------ drawing a position
    def show_position(self, position: Position, first: Segment | None) -> None:
        has_segments = first is not None
        current = position.current
        if current is None and position.next is None and first is not None and not position.finished:
            position = replace(position, next=first, next_index=0)  # before the first Go, Go takes the first
        if position.finished:
            # Not final: Go (or Arm, then Go) takes it up again; said, so an End pressed by mistake is undone.
            self.now_title.setText(
                self.tr("The rundown has ended: Go takes it up again")
                if position.next is not None
                else self.tr("The rundown has ended")
            )
        elif current is None:
            # An empty plan says how to fill it: a bare NOW and NEXT — read as a broken dock.
            self.now_title.setText(
                self.tr("Not started: Go takes the first segment")
                if has_segments
                else self.tr("No segments yet: Add one below or Import… a CSV or XLSX sheet")
            )
        else:
            # Named as the talent screen and the event log name it (title · product · price): three 主推款 rows of a
            # planner's sheet, one per product, read "主推款" three times here and Go took them blind.
            # A segment on air that has left the plan (a sheet imported mid-show without it) has no number in it.
            number = f"{position.current_index + 1}. " if position.current_index is not None else ""
            self.now_title.setText(f"{number}{heading(current)}")
        running = current is not None and not position.finished
        self.elapsed.setText(
            self.tr("%1 elapsed").replace("%1", format_duration(elapsed_shown(position.elapsed_s))) if running else ""
        )
        text, colour = remaining_text(position) if running else ("", "")
        self.remaining.setText(text)
        self.remaining.setStyleSheet(f"color: {colour};" if colour else "")
        upcoming = position.next
        if upcoming is not None:
            self.next_title.setText(f"{(position.next_index or 0) + 1}. {heading(upcoming)}")
        elif not has_segments and current is None:
            self.next_title.setText(self.tr("The plan is empty"))
        else:
            self.next_title.setText(self.tr("—"))
        self.armed.setVisible(position.armed and upcoming is not None)
        text, colour = show_against_plan(position)
        self.over_under.setText(text)
        self.over_under.setToolTip(counted_from_text(position) if text else "")
        self.over_under.setStyleSheet(f"color: {colour};" if colour else "")
        can_take = upcoming is not None  # after End too: Go takes the rundown up again
        self.arm_button.setText(self.tr("Disarm") if position.armed else self.tr("Arm"))
        self.arm_button.setEnabled(can_take)
        self.go_button.setEnabled(can_take)
        self.skip_button.setEnabled(can_take and not position.finished)
        self.repeat_button.setEnabled(running)
        self.insert_button.setEnabled(running)  # on the fly; before the show, the plan is edited below
        self.end_button.setEnabled(running)
        # The strip says how the show stands at a glance: tinted red while the segment on air is over its length.
        over = running and position.remaining_s is not None and position.remaining_s < 0
        self.setStyleSheet(f"RundownStrip {{ background: {OVER_TINT}; }}" if over else "")

    # ------------------------------------------------------------------ the line for the host
    def set_quick_lines(self, lines: list[str]) -> None:
        for button in self.quick_buttons:
            self.quick_row.removeWidget(button)
            button.deleteLater()
        self.quick_buttons = []
        for text in lines:
            button = QToolButton()
            button.setText(text)
            button.setToolTip(self.tr("Show “%1” on the talent screen").replace("%1", text))
            self.quick_row.addWidget(button)
            self.quick_buttons.append(button)

    def show_message(self, text: str) -> None:
        self.shown_message.setText(self.tr("On the talent screen: “%1”").replace("%1", text) if text else "")
        self.shown_message.setToolTip(text)
        self.clear_button.setEnabled(bool(text))

    # ------------------------------------------------------------------ End, pressed twice
    @Slot()
    def _on_end_clicked(self) -> None:
        if self._end_pending.isActive():
            self._end_pending.stop()
            self._reset_end()
            self.sig_end_confirmed.emit()
            return
        self.end_button.setText(self.tr("End? Press again"))
        self.end_button.setStyleSheet(f"color: white; background: {RED};")
        self._end_pending.start()

    @Slot()
    def _reset_end(self) -> None:
        self.end_button.setText(self.tr("End"))
        self.end_button.setStyleSheet("")
