"""The lottery panel of the Questions dock: open entries with a keyword (winners, staff excluded — prefilled with
the room's own names), the commitment (the seed's SHA-256) shown and copyable as soon as entries open, the live
entry count, close, draw, the winners with the revealed seed, and export (JSON to verify, CSV, XLSX).

A lottery is kept with the show (console/core/chat/engage.py): the panel shows the show's newest one, whatever
its state, also after the console restarted — one left open keeps taking entries."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QKeyCombination, Qt, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.core.chat.lottery import MAX_NOTE, MAX_WINNERS, REASONS, LotteryRecord, Winner
from console.core.chat.lottery_export import reason_words
from widgets.comments_model import platform_words
from widgets.engage_port import EngagePort, SaidThen, Why
from widgets.event_log import Words

GOOD, BAD, DIM = "#2e9d4f", "#e0312f", "#8a8a8a"
#: Staff names are typed separated by commas (ASCII or Chinese), semicolons or new lines.
_SEPARATORS = re.compile(r"[,，、;；\n]+")


def _clock(at: float | None) -> str:
    return datetime.fromtimestamp(at).strftime("%H:%M:%S") if at else ""


def split_names(text: str) -> list[str]:
    return [name.strip() for name in _SEPARATORS.split(text) if name.strip()]


@dataclass(frozen=True)
class _Form:
    """A room's lottery form as the reader left it: what they typed, and the lottery it last showed."""

    keyword: str
    winners: int
    staff: str
    applied_id: int | None


class LotteryPanel(QWidget):
    def __init__(self, port: EngagePort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.port = port
        self.keyword = QLineEdit()
        self.keyword.setPlaceholderText(self.tr("What viewers write to enter, e.g. #抽奖"))
        self.keyword.setMaxLength(100)
        self.winners = QSpinBox()
        self.winners.setRange(1, MAX_WINNERS)
        self.winners.setValue(1)
        self.staff = QLineEdit(", ".join(port.staff_names))
        #: The question asked before a close, a draw or a cancel, and the choice of the lottery to export, while
        #: they are open.
        self.question: QMessageBox | None = None
        #: What the open question is about ("close", "draw" or "cancel") and its lottery: kept true while it is open.
        self._asking: tuple[str, LotteryRecord] | None = None
        self.chooser: QInputDialog | None = None
        #: The lottery whose keyword, winners and staff list the form last showed.
        self._applied_id: int | None = None
        #: The room the form is of, and the forms of the rooms the console left: the form belongs to its room (a
        #: keyword typed for room A was there in room B, ready to be opened in the wrong room's show).
        self._room = port.room
        self._forms: dict[str | None, _Form] = {}
        self.staff.setPlaceholderText(self.tr("Names or ids, separated by commas"))
        self.staff.setToolTip(
            self.tr("Never drawn: these names, and the host, moderators and platform staff (the platform marks them)")
        )
        self.open_button = QPushButton(self.tr("Open entries"))
        self.close_button = QPushButton(self.tr("Close entries"))
        self.draw_button = QPushButton(self.tr("Draw"))
        self.cancel_button = QPushButton(self.tr("Cancel lottery"))
        self.cancel_button.setToolTip(
            self.tr("Call this lottery off without drawing (its entries are kept); then another can be opened")
        )
        self.export_button = QPushButton(self.tr("Export…"))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.RichText)
        self.state.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.commitment = QLineEdit()
        self.commitment.setReadOnly(True)
        self.commitment.setToolTip(
            self.tr(
                "SHA-256 of the secret seed, fixed before any entry: publish it now; the seed is revealed after the "
                "draw"
            )
        )
        self.copy_commitment = QPushButton(self.tr("Copy"))
        self.seed = QLineEdit()
        self.seed.setReadOnly(True)
        self.copy_seed = QPushButton(self.tr("Copy"))
        self.winners_list = QListWidget()
        self.forfeit_button = QPushButton(self.tr("Forfeit…"))
        self.forfeit_button.setToolTip(
            self.tr("The selected winner does not answer or may not win: mark them forfeited, saying why")
        )
        self.replace_button = QPushButton(self.tr("Draw replacement"))
        self.replace_button.setToolTip(self._replace_tip(None))
        #: The forfeit question while it is open (a reason to choose, a note to type).
        self.forfeit_dialog: ForfeitDialog | None = None
        #: The last outcome said under the buttons (the label shows it coloured), and whether it was good news: a
        #: problem is kept as a function saying it in the language of the moment (a language switch says it anew).
        self.outcome_words: Words = ""
        self.outcome_good = True
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.RichText)
        self.outcome.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Keyword"), self.keyword)
        form.addRow(self.tr("Winners"), self.winners)
        form.addRow(self.tr("Staff (excluded)"), self.staff)
        commitment_row = QHBoxLayout()
        commitment_row.addWidget(self.commitment, 1)
        commitment_row.addWidget(self.copy_commitment)
        form.addRow(self.tr("Commitment"), commitment_row)
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.copy_seed)
        form.addRow(self.tr("Seed"), seed_row)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.open_button, self.close_button, self.draw_button, self.cancel_button, self.export_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.state)
        layout.addWidget(QLabel(self.tr("Winners drawn")))
        layout.addWidget(self.winners_list, 1)
        winner_buttons = QHBoxLayout()
        winner_buttons.setContentsMargins(0, 0, 0, 0)
        winner_buttons.addWidget(self.forfeit_button)
        winner_buttons.addWidget(self.replace_button)
        winner_buttons.addStretch(1)
        layout.addLayout(winner_buttons)
        layout.addWidget(self.outcome)
        self._connect_signals()
        self._show_lottery()

    def _connect_signals(self) -> None:
        self.port.sig_lottery_changed.connect(self._on_port_lottery_changed)
        self.port.sig_ready_changed.connect(self._on_port_ready_changed)
        self.open_button.clicked.connect(self.open_entries)
        self.close_button.clicked.connect(self.close_entries)
        self.draw_button.clicked.connect(self.draw)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button.clicked.connect(self.choose_export)
        self.forfeit_button.clicked.connect(self.forfeit)
        self.replace_button.clicked.connect(self.draw_replacement)
        self.winners_list.currentRowChanged.connect(self._on_winners_list_current_row_changed)
        self.copy_commitment.clicked.connect(self._on_copy_commitment_clicked)
        self.copy_seed.clicked.connect(self._on_copy_seed_clicked)

    # ------------------------------------------------------------------ showing
    @Slot()
    def _on_port_ready_changed(self) -> None:
        self._follow_room()
        if not self.port.ready:
            # Another show (a room switch): what was said of the last show's lottery is not this one's (walk23:
            # "Exported (CSV): …" under the new room's "No lottery in this show yet.").
            self._say_nothing()
        self._on_port_lottery_changed()

    @Slot()
    def _on_port_lottery_changed(self) -> None:
        self._follow_room()
        self._show_lottery()
        self._update_question()

    def _follow_room(self) -> None:
        """In another room: keep the form as the reader left it for the room left, and show the new room's own —
        as it was left there, else empty with the room's own names as staff."""
        room = self.port.room
        if room == self._room:
            return
        self._forms[self._room] = _Form(self.keyword.text(), self.winners.value(), self.staff.text(), self._applied_id)
        form = self._forms.pop(room, None) or _Form("", 1, ", ".join(self.port.staff_names), None)
        self._room = room
        self.keyword.setText(form.keyword)
        self.winners.setValue(form.winners)
        self.staff.setText(form.staff)
        self._applied_id = form.applied_id

    def _show_lottery(self) -> None:
        record = self.port.lottery
        state = record.state if record is not None else None
        ready = self.port.ready
        running = state in ("open", "closed")  # the show's one lottery: no other until drawn or cancelled
        self.open_button.setEnabled(ready and not running)
        self.close_button.setEnabled(ready and state == "open")
        self.draw_button.setEnabled(ready and running)
        self.cancel_button.setEnabled(ready and running)
        self.export_button.setEnabled(record is not None)
        for field in (self.keyword, self.winners, self.staff):
            field.setEnabled(not running)
        # A cancelled lottery's commitment is nobody's to publish any more (host17's walk: still shown, with Copy,
        # until the next lottery opened — published by mistake, it would not match the next one's).
        pledged = record is not None and state != "cancelled"
        self.commitment.setText(record.commitment if pledged and record is not None else "")
        self.commitment.setCursorPosition(0)  # a hash is read from its start
        self.commitment.setPlaceholderText(self.tr("none: the lottery was cancelled") if state == "cancelled" else "")
        self.copy_commitment.setEnabled(pledged)
        self.seed.setText(record.seed if record is not None and record.seed else "")
        self.seed.setCursorPosition(0)
        self.seed.setPlaceholderText(self.tr("revealed after the draw"))
        self.copy_seed.setEnabled(bool(self.seed.text()))
        self.state.setText(self._state_words(record))
        chosen = self.chosen_rank()
        self.winners_list.clear()
        if record is not None:
            for winner in record.winners:
                item = QListWidgetItem(self.winner_words(winner))
                item.setToolTip(item.text())  # a forfeit's line is long: read whole on hover
                item.setData(Qt.ItemDataRole.UserRole, winner.rank)
                if winner.forfeited:
                    font = item.font()
                    font.setStrikeOut(True)
                    item.setFont(font)
                    item.setForeground(Qt.GlobalColor.gray)
                self.winners_list.addItem(item)
                if winner.rank == chosen:
                    self.winners_list.setCurrentItem(item)
            self._show_applied(record, running)
        self._update_winner_buttons()

    def winner_words(self, winner: Winner) -> str:
        """A drawn viewer as the list says it: rank, name, platform and id; a replacement says whom it replaces,
        a forfeit when, by whom and why."""
        platform = platform_words(winner.platform)  # "演示", "Bilibili": the Comments badge's words, not an id
        text = f"{winner.rank}. {winner.user_name} ({platform} · {winner.user_id})"
        if winner.replaces is not None:
            text += self.tr(" — replaces %1").replace("%1", str(winner.replaces))
        if winner.forfeited:
            text += (
                self.tr(" — forfeited at %1 by %2: %3")
                .replace("%1", _clock(winner.forfeited_at))
                .replace("%2", winner.forfeited_by or "?")
                .replace("%3", reason_words(winner, self._translate))
            )
        return text

    def _translate(self, context: str, text: str) -> str:
        return QCoreApplication.translate(context, text)

    def chosen_rank(self) -> int | None:
        item = self.winners_list.currentItem()
        rank = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return rank if isinstance(rank, int) else None

    def _chosen_winner(self) -> Winner | None:
        record, rank = self.port.lottery, self.chosen_rank()
        if record is None or rank is None:
            return None
        return next((w for w in record.winners if w.rank == rank), None)

    @Slot(int)
    def _on_winners_list_current_row_changed(self, _row: int) -> None:
        self._update_winner_buttons()

    def _update_winner_buttons(self) -> None:
        record = self.port.lottery
        drawn = self.port.ready and record is not None and record.state == "drawn"
        chosen = self._chosen_winner()
        self.forfeit_button.setEnabled(drawn and chosen is not None and not chosen.forfeited)
        # Every entry drawn: a replacement would only be refused ("nobody is left to replace …"); the button says
        # so before it is pressed.
        nobody_left = record if drawn and record is not None and record.winners and record.everyone_drawn else None
        self.replace_button.setEnabled(
            drawn and record is not None and bool(record.awaiting_replacement) and nobody_left is None
        )
        self.replace_button.setToolTip(self._replace_tip(nobody_left))

    def _replace_tip(self, nobody_left: LotteryRecord | None) -> str:
        """What Draw replacement does, or, when every entry of `nobody_left` has been drawn, why it cannot."""
        if nobody_left is None:
            return self.tr(
                "Draw the next viewer of the same seeded sequence for the forfeited winner: anyone with the seed and "
                "the entries can check it"
            )
        if len(nobody_left.entries) == 1:
            return self.tr("The only entry has already been drawn: nobody is left to draw as a replacement")
        return self.tr(
            "All %1 entries have already been drawn (forfeited winners too): nobody is left to draw as a replacement"
        ).replace("%1", str(len(nobody_left.entries)))

    def _show_applied(self, record: LotteryRecord, running: bool) -> None:
        """The form says what the running lottery applies — its keyword, winners and staff list — however it was
        opened: here, at another console, or before the console restarted (the staff list showed only its
        placeholder then, though the exclusion was stored and applied). A lottery first seen finished (drawn or
        cancelled, e.g. after a restart) prefills the form the same way, for the next one."""
        first_seen = record.id != self._applied_id
        self._applied_id = record.id
        if not (running or first_seen):
            return  # the form is the next lottery's: what the reader types stays
        staff = ", ".join(record.excluded)
        if self.keyword.text() != record.keyword:
            self.keyword.setText(record.keyword)
        self.winners.setValue(record.winners_count)
        if split_names(self.staff.text()) != list(record.excluded):
            self.staff.setText(staff)

    def _state_words(self, record: LotteryRecord | None) -> str:
        if not self.port.ready:
            return f"<span style='color:{DIM}'>{html.escape(self.port.not_ready_why)}</span>"
        if record is None:
            words = self.tr("No lottery in this show yet.")  # outside the f-string, where lupdate sees it
            return f"<span style='color:{DIM}'>{html.escape(words)}</span>"
        count = len(record.entries)
        by = self._by(record.opened_by)
        if record.state == "open":
            text = (
                (
                    self.tr("Entries open since %1 for “%2”: %3 entry so far")
                    if count == 1
                    else self.tr("Entries open since %1 for “%2”: %3 entries so far")
                )
                .replace("%1", _clock(record.opened_at))
                .replace("%2", record.keyword)
                .replace("%3", str(count))
            )
            return f"<b style='color:{GOOD}'>{html.escape(text)}</b>{by}"
        if record.state == "cancelled":
            text = (
                (
                    self.tr("“%1” was cancelled at %2 by %3 (%4 entry, no draw). A new lottery can be opened.")
                    if count == 1
                    else self.tr("“%1” was cancelled at %2 by %3 (%4 entries, no draw). A new lottery can be opened.")
                )
                .replace("%1", record.keyword)
                .replace("%2", _clock(record.cancelled_at))
                .replace("%3", record.cancelled_by or "?")
                .replace("%4", str(count))
            )
            return f"<span style='color:{DIM}'>{html.escape(text)}</span>"
        if record.state == "closed":
            text = (
                (
                    self.tr("Entries closed at %1 for “%2”: %3 entry. Draw when ready.")
                    if count == 1
                    else self.tr("Entries closed at %1 for “%2”: %3 entries. Draw when ready.")
                )
                .replace("%1", _clock(record.closed_at))
                .replace("%2", record.keyword)
                .replace("%3", str(count))
            )
            return f"<b>{html.escape(text)}</b>{by}"
        text = (
            (
                self.tr("Drawn at %1 from %2 entry for “%3”. Anyone can check it: export the JSON and run “%4”.")
                if count == 1
                else self.tr("Drawn at %1 from %2 entries for “%3”. Anyone can check it: export the JSON and run “%4”.")
            )
            .replace("%1", _clock(record.drawn_at))
            .replace("%2", str(count))
            .replace("%3", record.keyword)
            # The command as typed, its file named in the reader's words (zh: onair lottery verify 文件).
            .replace("%4", "onair lottery verify " + self.tr("FILE", "the exported JSON file, in a command to type"))
        )
        if record.drawn_by:  # two sentences, joined as the language joins them (no space in Chinese)
            drawn_by = self.tr("Drawn by %1.").replace("%1", record.drawn_by)
            parts = (text, drawn_by)
            text = re.sub(r"%([12])", lambda m: parts[int(m.group(1)) - 1], self.tr("%1 %2", "two sentences"))
        return html.escape(text) + by

    def _by(self, who: str) -> str:
        """Who opened it, when known: at the other desk, the lottery another console opened says whose it is."""
        if not who:
            return ""
        mine = who == self.port.who
        text = self.tr("Opened by %1 (this console)") if mine else self.tr("Opened by %1 at another console")
        return f"<br><span style='color:{DIM}'>{html.escape(text.replace('%1', who))}</span>"

    @property
    def said(self) -> str:
        """The last outcome said under the buttons, as plain words in the language of the moment."""
        words = self.outcome_words
        return words if isinstance(words, str) else words()

    def _say(self, text: Words, good: bool) -> None:
        self.outcome_words, self.outcome_good = text, good
        colour = GOOD if good else BAD
        self.outcome.setText(f"<span style='color:{colour}'>{html.escape(self.said)}</span>")

    def _say_nothing(self) -> None:
        self.outcome_words, self.outcome_good = "", True
        self.outcome.clear()

    def take_outcome(self, other: LotteryPanel) -> None:
        """The line another panel said of a problem, said here in the language of the moment: the panel of a window
        rebuilt for another language takes it up (a problem kept as a function; words of a moment are not)."""
        if not isinstance(other.outcome_words, str) and not other.outcome_good:
            self._say(other.outcome_words, good=False)

    def _then(self, success: str) -> SaidThen:
        def then(record: LotteryRecord | None, why: Why | None) -> None:
            if why is not None or record is None:
                self._say(why or "?", good=False)
            else:
                self._say(success, good=True)
            self._show_lottery()

        return then

    # ------------------------------------------------------------------ actions
    def open_entries(self) -> None:
        self.port.open_lottery(
            self.keyword.text(),
            self.winners.value(),
            split_names(self.staff.text()),
            self._then(self.tr("Entries are open: publish the commitment now.")),
        )

    def close_entries(self) -> None:
        """Close the window — after asking: a misclick on air must not end entries before the host said so."""
        record = self.port.lottery
        if record is None or record.state != "open" or not self.close_button.isEnabled():
            return
        if not self.confirm("close", record):
            self._say(self.tr("Not closed: entries for “%1” stay open.").replace("%1", record.keyword), good=True)
            return
        self.port.close_lottery(self._then(self.tr("Entries are closed.")), lottery_id=record.id)

    def draw(self) -> None:
        """Draw — after asking: a misclick must not draw the winners before the host announced the draw."""
        record = self.port.lottery
        if record is None or not record.running or not self.draw_button.isEnabled():
            return
        if not self.confirm("draw", record):
            self._say(self.tr("Not drawn yet: “%1” waits for its draw.").replace("%1", record.keyword), good=True)
            return
        self.port.draw_lottery(self._then(self.tr("Drawn: the winners and the seed are shown.")), lottery_id=record.id)

    def cancel(self) -> None:
        """Call the running lottery off — after asking: one misclick on air must not call off a lottery hundreds of
        viewers entered. The question names it and its entries, and keeping it is the default (Enter, Esc)."""
        record = self.port.lottery
        if record is None or not record.running or not self.cancel_button.isEnabled():
            return
        if not self.confirm("cancel", record):
            self._say(self.tr("Not cancelled: “%1” goes on.").replace("%1", record.keyword), good=True)
            return
        self.port.cancel_lottery(
            self._then(self.tr("Cancelled: no draw. A new lottery can be opened.")), lottery_id=record.id
        )

    def forfeit(self) -> None:
        """Mark the selected winner forfeited — after asking why (did not answer, ineligible, other, and a note);
        keeping the winner is the default (Enter, Esc)."""
        record, winner = self.port.lottery, self._chosen_winner()
        if record is None or record.id is None or winner is None or not self.forfeit_button.isEnabled():
            return
        # Every entry drawn: the forfeit leaves the place empty, and the question and the outcome say so rather
        # than point to Draw replacement.
        nobody_left = record.everyone_drawn
        dialog = ForfeitDialog(winner, self, nobody_left=nobody_left)
        self.forfeit_dialog = dialog
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.forfeit_dialog = None
        name = winner.user_name or winner.user_id
        if not accepted:
            self._say(self.tr("Not forfeited: %1 stays a winner.").replace("%1", name), good=True)
            return

        def then(result: LotteryRecord | None, why: Why | None) -> None:
            if why is not None or result is None:
                self._say(why or "?", good=False)
            else:
                said = (
                    self.tr("%1 forfeited: press Draw replacement to draw the next viewer.")
                    if len(result.entries) > len(result.winners)
                    # Every entry drawn already: no Draw replacement to press (it said there was, fix25p).
                    else self.tr("%1 forfeited. Every entry has been drawn: nobody is left to draw in their place.")
                )
                self._say(said.replace("%1", name), good=True)
            self._show_lottery()

        self.port.forfeit_winner(record.id, winner.rank, dialog.reason(), dialog.note.text(), then)

    def draw_replacement(self) -> None:
        """Draw the replacement of the forfeited winner (the selected one, else the first still waiting)."""
        record = self.port.lottery
        if record is None or record.id is None or not self.replace_button.isEnabled():
            return
        waiting = record.awaiting_replacement
        chosen = self.chosen_rank()
        gone = next((w for w in waiting if w.rank == chosen), waiting[0] if waiting else None)
        if gone is None:
            return
        lottery_id, rank = record.id, gone.rank

        def then(result: LotteryRecord | None, why: Why | None) -> None:
            if why is not None or result is None:
                self._say(why or "?", good=False)
            else:
                drawn = next((w for w in result.winners if w.replaces == rank), None)
                name = (drawn.user_name or drawn.user_id) if drawn is not None else "?"
                self._say(
                    self.tr("Drawn as the replacement for %1: %2, the next viewer of the same sequence.")
                    .replace("%1", gone.user_name or gone.user_id)
                    .replace("%2", name),
                    good=True,
                )
            self._show_lottery()

        self.port.draw_replacement(lottery_id, rank, then)

    def confirm(self, what: str, record: LotteryRecord) -> bool:
        """Ask before closing, drawing or cancelling; True when the reader chose to go ahead. The box is
        `self.question` while open, and its words follow the entry count as it grows.

        On air, under time pressure: the question says what will happen (how many have entered, how many will
        win); only the action's own button or Ctrl+Enter goes ahead. Enter, Space and Esc — a keystroke meant for
        the answer line or the form, landing as the box opens — keep the lottery as it is (the default button
        has the focus), and no plain letter confirms (no mnemonic: a message box clicks a button on its letter
        alone, and the assistant may be typing)."""
        titles = {
            "close": self.tr("Close entries?"),
            "draw": self.tr("Draw the winners?"),
            "cancel": self.tr("Cancel the lottery?"),
        }
        go_words = {
            "close": self.tr("Close entries (Ctrl+Enter)"),
            "draw": self.tr("Draw now (Ctrl+Enter)"),
            "cancel": self.tr("Cancel the lottery"),
        }
        keep_words = {
            "close": self.tr("Keep entries open"),
            "draw": self.tr("Not yet"),
            "cancel": self.tr("Keep it running"),
        }
        icon = QMessageBox.Icon.Warning if what == "cancel" else QMessageBox.Icon.Question
        box = QMessageBox(icon, titles[what], self.question_words(what, record), parent=self)
        role = QMessageBox.ButtonRole.DestructiveRole if what == "cancel" else QMessageBox.ButtonRole.AcceptRole
        go = box.addButton(go_words[what], role)
        keep = box.addButton(keep_words[what], QMessageBox.ButtonRole.RejectRole)
        go.setAutoDefault(False)  # Enter, whichever button has the focus, never goes ahead
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        if what != "cancel":  # a cancel is rarer and graver: only its button, never a key
            box.setInformativeText(
                self.tr("Ctrl+Enter closes entries; Enter or Esc keeps them open.")
                if what == "close"
                else self.tr("Ctrl+Enter draws; Enter or Esc: not yet.")
            )
            for enter in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # keys, not text: "Ctrl" is parsed translated
                QShortcut(QKeySequence(QKeyCombination(Qt.KeyboardModifier.ControlModifier, enter)), box, go.click)
        keep.setFocus()
        self.question = box
        self._asking = (what, record)
        try:
            box.exec()
        finally:
            self.question = None
            self._asking = None
        return box.clickedButton() is go

    def _update_question(self) -> None:
        """The open question keeps counting the entries of its lottery (they come in while the host decides)."""
        if self._asking is None or self.question is None:
            return
        what, asked = self._asking
        record = self.port.lottery
        if record is None or record.id != asked.id:
            return  # another lottery by now: the action will be refused in words, nothing done to it
        self._asking = (what, record)
        self.question.setText(self.question_words(what, record))

    def question_words(self, what: str, record: LotteryRecord) -> str:
        """What closing, drawing or cancelling `record` will do, in words: its entrants and its winners."""
        count = len(record.entries)
        if what == "cancel":
            return (
                (
                    self.tr(
                        "Cancel the lottery “%1”? %2 viewer has entered it. There will be no draw and no winners; the "
                        "entry is kept and the seed stays secret. This cannot be undone."
                    )
                    if count == 1
                    else self.tr(
                        "Cancel the lottery “%1”? %2 viewers have entered it. There will be no draw and no winners; "
                        "the entries are kept and the seed stays secret. This cannot be undone."
                    )
                )
                .replace("%1", record.keyword)
                .replace("%2", str(count))
            )
        wanted = record.winners_count
        if count == 0:
            odds = self.tr("No one has entered yet: a draw now has no winners.")
        elif count < wanted:
            odds = (
                self.tr("Only 1 viewer has entered, and %2 winners are wanted: they will win.")
                if count == 1
                else self.tr("Only %1 viewers have entered, and %2 winners are wanted: every one of them will win.")
            )
        elif count == wanted:
            odds = (
                self.tr("1 viewer has entered, and 1 winner is wanted: they will win.")
                if count == 1
                else self.tr("%1 viewers have entered, and %2 winners are wanted: every one of them will win.")
            )
        elif wanted == 1:
            odds = self.tr("%1 viewers have entered; 1 winner will be drawn from them.")
        else:
            odds = self.tr("%1 viewers have entered; %2 winners will be drawn from them.")
        odds = odds.replace("%1", str(count)).replace("%2", str(wanted))
        if what == "close":
            head = self.tr("Close entries for “%1” now? Comments written after this no longer enter.")
            tail = self.tr("The draw comes after, when you press Draw.")
        else:
            head = (
                self.tr("Draw the winners of “%1” now? Entries close first.")
                if record.state == "open"
                else self.tr("Draw the winners of “%1” now?")
            )
            tail = self.tr("The winners and the seed are shown at once; a lottery is drawn once.")
        # Sentences joined as the language joins them (a space in English, none in Chinese).
        # In one pass: a keyword may itself hold "%2".
        sentences = (head.replace("%1", record.keyword), odds, tail)
        template = self.tr("%1 %2 %3", "the question's three sentences")
        return re.sub(r"%([123])", lambda m: sentences[int(m.group(1)) - 1], template)

    def choose_export(self) -> None:
        """Export a lottery of the show: the newest, or — when the show ran several — the one the reader picks."""
        self.port.lotteries(self._on_lotteries)

    def _on_lotteries(self, records: list[LotteryRecord] | None, why: Why | None) -> None:
        if why is not None or not records:
            self._say(why or self.tr("No lottery in this show yet."), good=False)
            return
        record = records[-1] if len(records) == 1 else self.pick_lottery(records)
        if record is None:
            return
        from console.core.reports import export_folder  # not the folder the console happened to be started from

        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the lottery"),
            str(export_folder() / "lottery.json"),
            self.tr("Verifiable record (*.json);;Spreadsheet (*.xlsx);;CSV (*.csv)"),
        )
        if path:
            self.export(Path(path), record.id)

    def lottery_words(self, record: LotteryRecord) -> str:
        """One lottery of the show as the export's choice names it: keyword, when opened, what became of it."""
        states = {
            "open": self.tr("entries open"),
            "closed": self.tr("closed, not drawn yet"),
            "drawn": self.tr("drawn at %1").replace("%1", _clock(record.drawn_at)),
            "cancelled": self.tr("cancelled at %1").replace("%1", _clock(record.cancelled_at)),
        }
        count = len(record.entries)
        return (
            (
                self.tr("“%1” opened at %2 · %3 · %4 entry")
                if count == 1
                else self.tr("“%1” opened at %2 · %3 · %4 entries")
            )
            .replace("%1", record.keyword)
            .replace("%2", _clock(record.opened_at))
            .replace("%3", states[record.state])
            .replace("%4", str(count))
        )

    def pick_lottery(self, records: list[LotteryRecord]) -> LotteryRecord | None:
        """Which of the show's lotteries to export (the newest offered first); None when the reader gave up."""
        newest_first = list(reversed(records))
        items = [self.lottery_words(record) for record in newest_first]
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Export the lottery"))
        dialog.setLabelText(self.tr("This show ran %1 lotteries. Which one to export?").replace("%1", str(len(items))))
        dialog.setComboBoxItems(items)
        dialog.setComboBoxEditable(False)
        dialog.setTextValue(items[0])
        self.chooser = dialog
        try:
            if not dialog.exec():
                return None
        finally:
            self.chooser = None
        combo = dialog.findChild(QComboBox)
        index = combo.currentIndex() if combo is not None else items.index(dialog.textValue())
        return newest_first[index] if 0 <= index < len(items) else None

    def export(self, path: Path, lottery_id: int | None = None) -> None:
        def then(kind: str | None, why: Why | None) -> None:
            if why is not None:
                self._say(why, good=False)
            else:
                self._say(self.tr("Exported (%1): %2").replace("%1", kind or "").replace("%2", str(path)), good=True)

        self.port.export_lottery(path, then, lottery_id)

    @Slot()
    def _on_copy_commitment_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.commitment.text())
        self._say(self.tr("The commitment is on the clipboard."), good=True)

    @Slot()
    def _on_copy_seed_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.seed.text())
        self._say(self.tr("The seed is on the clipboard."), good=True)


class ForfeitDialog(QDialog):
    """Why a winner forfeits: did not answer, ineligible or another reason, and a note in the person's words.
    Keeping the winner is the default button: Enter or Esc keep them."""

    def __init__(self, winner: Winner, parent: QWidget | None = None, nobody_left: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Forfeit a winner?"))
        name = winner.user_name or winner.user_id
        question = QLabel(
            (
                self.tr(
                    "Mark %1 (winner %2) as forfeited? They stay in the record, struck out. Every entry has been "
                    "drawn: nobody is left to draw as their replacement."
                )
                if nobody_left
                else self.tr(
                    "Mark %1 (winner %2) as forfeited? They stay in the record, struck out. Draw replacement then "
                    "draws the next viewer of the same seeded sequence, which anyone can check."
                )
            )
            .replace("%1", name)
            .replace("%2", str(winner.rank))
        )
        question.setWordWrap(True)
        self.reasons = QComboBox()
        for code, words in REASONS.items():
            self.reasons.addItem(QCoreApplication.translate("Lottery", words), code)
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Optional, e.g. called three times on air, no answer"))
        self.buttons = QDialogButtonBox()
        self.go = self.buttons.addButton(self.tr("Forfeit (Ctrl+Enter)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep = self.buttons.addButton(self.tr("Keep the winner"), QDialogButtonBox.ButtonRole.RejectRole)
        self.go.setAutoDefault(False)
        self.keep.setDefault(True)
        for enter in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # as the other questions: Ctrl+Enter goes ahead
            QShortcut(QKeySequence(QKeyCombination(Qt.KeyboardModifier.ControlModifier, enter)), self, self.go.click)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reasons)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reasons.setFocus()

    def reason(self) -> str:
        return str(self.reasons.currentData())
