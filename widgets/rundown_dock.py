"""The Rundown dock: the room's plan edited (add, reorder by drag, duplicate, delete, undo — every edit one undo
step, saved through the port), imported from and exported to CSV/XLSX, and run live from the strip at its top.

It takes the rundown's port (widgets/rundown_port.py: the rundown controller), the OBS port (the room's scenes
change with OBS) and the settings (the Arm/Go keys, the quick lines for the host); it never imports the
application.

Saving is the port's, off the GUI thread; the stored plan comes back as sig_rundown_changed. The dock keeps the
plans it sent that have not come back yet: a stored plan that is one of them is the echo of an edit (the table
may already show a later one); any other is a change made elsewhere (an import, an insert on the fly, another
console) and is shown as it is, starting a new undo history."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.core.rundown.durations import format_duration, length_words
from console.core.rundown.model import MAX_SEGMENTS, Imported, Position, Rundown, Segment
from obs.text import QT_TRANSLATE_NOOP, joined
from widgets.ports import ObsPort, SettingsPort
from widgets.rundown_details import SegmentEditor
from widgets.rundown_port import Refused, RundownPort, StatusLine, Then
from widgets.rundown_strip import RED, InsertDialog, RundownStrip
from widgets.rundown_table import TITLE, RundownTable, RundownTableModel

#: The quick lines for the host when the team has set none (settings: rundown/quick_lines), in the reader's words.
QUICK_LINES = (
    QT_TRANSLATE_NOOP("RundownDock", "Link is up"),
    QT_TRANSLATE_NOOP("RundownDock", "Read comments"),
    QT_TRANSLATE_NOOP("RundownDock", "Talk about the deal"),
    QT_TRANSLATE_NOOP("RundownDock", "Countdown"),
)
#: The file types Import… and Export… offer (the port reads and writes by the file's extension).
SUFFIXES = (".xlsx", ".csv")
#: Default length of a segment added with Add (a planner types the real one at once).
NEW_SEGMENT_S = 300


def _not_imported(name: str, why: Callable[[], str]) -> str:
    """A refused import as the dock says it, in the language of the moment (said again after a language switch)."""
    return (
        QCoreApplication.translate("RundownDock", "%1 was not imported; the plan is unchanged.\n%2")
        .replace("%1", name)
        .replace("%2", why())
    )


class PlanEdit(QUndoCommand):
    """One edit of the plan: the whole plan before and after (a plan is at most 500 small frozen segments)."""

    def __init__(
        self,
        dock: RundownDock,
        text: str,
        before: tuple[Segment, ...],
        after: tuple[Segment, ...],
        select: str | None,
        stored: bool = False,
    ) -> None:
        super().__init__(text)
        self.dock, self.before, self.after, self.select = dock, before, after, select
        #: The first redo of an import: the plan is stored already.
        self._stored = stored

    def redo(self) -> None:
        self.dock.show_plan(self.after, self.select)
        if self._stored:
            self._stored = False
            return
        self.dock.save(self.after)

    def undo(self) -> None:
        self.dock.show_plan(self.before, self.select)
        self.dock.save(self.before)


class RundownDock(QWidget):
    def __init__(self, port: RundownPort, obs: ObsPort, settings: SettingsPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.port = port
        #: What the dock this one replaces said under its table (a language switch rebuilds the window).
        kept = port.status_line
        self.obs = obs
        self.settings = settings
        self.base: Rundown = port.rundown
        self.undo_stack = QUndoStack(self)
        #: Plans sent to port.save whose stored copy has not come back yet, oldest first.
        self._in_flight: list[tuple[Segment, ...]] = []
        #: The plan before an import that has not answered yet.
        self._import_before: tuple[Segment, ...] | None = None
        self._last_position = Position()
        self.strip = RundownStrip()
        self.model = RundownTableModel(self)
        self.table = RundownTable(self.model)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.editor = SegmentEditor()
        self.add_button = self._tool(self.tr("Add"), self.tr("Add a segment after the selected one (Insert)"))
        self.duplicate_button = self._tool(self.tr("Duplicate"), self.tr("Duplicate the selected segment (Ctrl+D)"))
        self.delete_button = self._tool(self.tr("Delete"), self.tr("Delete the selected segment (Delete)"))
        self.up_button = self._tool("↑", self.tr("Move up (Ctrl+↑); or drag the row"))
        self.down_button = self._tool("↓", self.tr("Move down (Ctrl+↓); or drag the row"))
        self.undo_button = self._tool("↶", "")
        self.redo_button = self._tool("↷", "")
        self.import_button = self._tool(self.tr("Import…"), self.tr("Replace the plan with a CSV or XLSX file"))
        self.export_button = self._tool(self.tr("Export…"), self.tr("Write the plan as a CSV or XLSX file"))
        self.totals = QLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tools = QHBoxLayout()
        tools.setSpacing(2)
        for button in (
            self.add_button,
            self.duplicate_button,
            self.delete_button,
            self.up_button,
            self.down_button,
            self.undo_button,
            self.redo_button,
        ):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.import_button)
        tools.addWidget(self.export_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(2)
        left_layout.addLayout(tools)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.totals)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.strip)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        self.status.hide()
        self.arm_shortcuts: list[QShortcut] = []
        self.go_shortcuts: list[QShortcut] = []
        self._build_shortcuts()
        self._connect_signals()
        self.set_quick_lines(self.quick_lines())
        self.model.set_scenes(tuple(port.scenes))
        self.editor.show_segment(None, tuple(port.scenes))
        self.show_plan(port.rundown.segments, None)
        self._on_port_position_changed(port.position)
        self.strip.show_message(port.message)
        if kept is not None:
            self.say_again(kept)  # in the new language; a file name or a cell's text as it was

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _build_shortcuts(self) -> None:
        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (undo, redo):
            # Inside this dock only, and not while a text field has the keyboard (it undoes its own typing).
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_action, self.redo_action = undo, redo
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.redo_button.clicked.connect(self._on_redo_clicked)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._show_undo_texts)
        self.undo_stack.redoTextChanged.connect(self._show_undo_texts)
        self._show_undo_texts()
        for keys, slot in (
            (("Insert", "Ctrl+N"), self.add_segment),
            (("Ctrl+D",), self.duplicate_selected),
            (("Delete",), self.delete_selected),
            (("Ctrl+Up",), self.move_selected_up),
            (("Ctrl+Down",), self.move_selected_down),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self.table)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(slot)
        # Arm and Go: keys a caller hits without looking (settings rundown/arm_keys, rundown/go_keys).
        bad: list[str] = []
        for name, shortcuts, slot in (
            ("rundown/arm_keys", self.arm_shortcuts, self.toggle_arm),
            ("rundown/go_keys", self.go_shortcuts, self.go),
        ):
            for text in str(self.settings.get(name)).split():
                sequence = QKeySequence(text)
                if sequence.isEmpty() or sequence[0].key() == Qt.Key.Key_unknown:  # type: ignore[index]
                    bad.append(f"“{text}” ({name})")
                    continue
                shortcut = QShortcut(sequence, self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(slot)
                shortcuts.append(shortcut)
        if bad:
            self.show_problem(self.tr("Not keys, left out: %1").replace("%1", joined(bad, QCoreApplication.translate)))
        tips: tuple[tuple[QToolButton | QPushButton, list[QShortcut], str], ...] = (
            (self.strip.arm_button, self.arm_shortcuts, self.tr("Arm the next segment (keys: %1)")),
            (self.strip.go_button, self.go_shortcuts, self.tr("Take the armed, else the next, segment (keys: %1)")),
        )
        for button, shortcuts, what in tips:
            native = QKeySequence.SequenceFormat.NativeText
            named = joined((s.key().toString(native) for s in shortcuts), QCoreApplication.translate)
            button.setToolTip(what.replace("%1", named or self.tr("none")))

    @Slot()
    def _show_undo_texts(self) -> None:
        stack = self.undo_stack
        self.undo_button.setEnabled(stack.canUndo())
        self.redo_button.setEnabled(stack.canRedo())
        self.undo_button.setToolTip(self.tr("Undo %1 (Ctrl+Z)").replace("%1", stack.undoText()))
        self.redo_button.setToolTip(self.tr("Redo %1 (Ctrl+Shift+Z)").replace("%1", stack.redoText()))

    def _connect_signals(self) -> None:
        port = self.port
        port.sig_rundown_changed.connect(self._on_port_rundown_changed)
        port.sig_position_changed.connect(self._on_port_position_changed)
        port.sig_problem.connect(self.show_problem)
        port.sig_message_changed.connect(self.strip.show_message)
        self.obs.sig_state_changed.connect(self._on_obs_state_changed)
        self.model.sig_edit_requested.connect(self._on_model_edit_requested)
        self.model.sig_refused.connect(self.show_problem)
        self.editor.sig_edit_requested.connect(self._on_editor_edit_requested)
        self.editor.sig_refused.connect(self.show_problem)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)
        self.add_button.clicked.connect(self.add_segment)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.up_button.clicked.connect(self.move_selected_up)
        self.down_button.clicked.connect(self.move_selected_down)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        strip = self.strip
        strip.arm_button.clicked.connect(self.toggle_arm)
        strip.go_button.clicked.connect(self.go)
        strip.skip_button.clicked.connect(port.skip)
        strip.repeat_button.clicked.connect(port.repeat)
        strip.insert_button.clicked.connect(self._on_insert_clicked)
        strip.sig_end_confirmed.connect(self._on_strip_end_confirmed)
        strip.send_button.clicked.connect(self._on_send_clicked)
        strip.message.returnPressed.connect(self._on_send_clicked)
        strip.clear_button.clicked.connect(self._on_clear_message_clicked)
        strip.edit_quick_button.clicked.connect(self._on_edit_quick_clicked)

    # ------------------------------------------------------------------ the plan shown, and saved
    def segments(self) -> tuple[Segment, ...]:
        return self.model.segments

    def selected_key(self) -> str | None:
        row = self.table.currentIndex().row()
        return self.model.segments[row].key if 0 <= row < len(self.model.segments) else None

    def select_key(self, key: str | None) -> None:
        row = next((i for i, s in enumerate(self.model.segments) if s.key == key), None)
        if row is None:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, TITLE),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def show_plan(self, segments: tuple[Segment, ...], select: str | None) -> None:
        """Show `segments` (the selection stays on its segment, or moves to `select`)."""
        key = select or self.selected_key()
        self.model.set_segments(segments)
        if key is None or all(s.key != key for s in segments):
            key = None
        self.select_key(key)
        self._show_selected()
        self.totals.setText(self._totals_text(segments))
        self._enable_edits()
        self.strip.show_position(self._last_position, segments[0] if segments else None)

    def _totals_text(self, segments: tuple[Segment, ...]) -> str:
        """The plan's count and total length, in words as the import line says them: "Segments: 5 — planned 20:00"
        read as eight in the evening beside a plan with fixed starts."""
        if not segments:
            return self.tr("No segments yet")
        planned = length_words(sum(s.planned_s or 0 for s in segments), QCoreApplication.translate)
        text = self.tr("1 segment, %2 planned") if len(segments) == 1 else self.tr("%1 segments, %2 planned")
        return text.replace("%1", str(len(segments))).replace("%2", planned)

    def save(self, segments: tuple[Segment, ...]) -> None:
        self._in_flight.append(segments)
        self.port.save(Rundown(self.base.room, segments, self.base.updated_at, self.base.updated_by))

    def edit(self, segments: tuple[Segment, ...], what: str, select: str | None = None) -> None:
        """One undo step: show and save `segments`."""
        if segments == self.model.segments:
            return
        self.show_problem("")
        note = self._on_air_length_note(self.model.segments, segments)
        self.undo_stack.push(PlanEdit(self, what, self.model.segments, segments, select or self.selected_key()))
        if note and not self.status.text():  # not over a refusal said meanwhile
            self.say(note)

    def _on_air_length_note(self, before: tuple[Segment, ...], after: tuple[Segment, ...]) -> str:
        """What a new length for the segment on air does, said under the table as it is saved: the plan is the
        room's, so the next show starts with it too (README: the show's record keeps the length at its Go and the
        change, a `length` mark). A planner who shortened a segment for tonight found it short in the next show's
        plan, unwarned. "" when the edit leaves the on-air segment's length alone."""
        position = self._last_position
        current = position.current if not position.finished else None
        if current is None:
            return ""
        old = next((s for s in before if s.key == current.key), None)
        new = next((s for s in after if s.key == current.key), None)
        if old is None or new is None or old.planned_s == new.planned_s:
            return ""

        def length(segment: Segment) -> str:
            if segment.planned_s is None:
                return self.tr("no length")
            return format_duration(segment.planned_s)

        text = self.tr(
            "“%1” on air is now planned for %2 in the room's rundown: the next shows start with %2 too, not only "
            "this one. This show's record keeps the change beside the %3 it had."
        )
        return text.replace("%1", new.title).replace("%2", length(new)).replace("%3", length(old))

    @Slot(object)
    def _on_port_rundown_changed(self, rundown: Rundown) -> None:
        self.base = rundown
        if rundown.segments in self._in_flight:
            del self._in_flight[: self._in_flight.index(rundown.segments) + 1]
            return  # the echo of an edit (the table shows it, or a later one on its way)
        self._in_flight.clear()
        if rundown.segments == self.model.segments:
            return
        self.show_plan(rundown.segments, None)
        if self._import_before is None:
            self.undo_stack.clear()  # changed elsewhere: undoing an older edit would throw that change away

    def _enable_edits(self) -> None:
        row = self.table.currentIndex().row()
        count = len(self.model.segments)
        selected = 0 <= row < count
        self.add_button.setEnabled(count < MAX_SEGMENTS)
        self.duplicate_button.setEnabled(selected and count < MAX_SEGMENTS)
        self.delete_button.setEnabled(selected)
        self.up_button.setEnabled(selected and row > 0)
        self.down_button.setEnabled(selected and row < count - 1)
        self.export_button.setEnabled(count > 0)

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if previous.isValid() and previous.row() != current.row():
            self.editor.take_pending()
        self._show_selected()
        self._enable_edits()

    def _show_selected(self) -> None:
        row = self.table.currentIndex().row()
        segment = self.model.segments[row] if 0 <= row < len(self.model.segments) else None
        self.editor.show_segment(segment)

    @Slot(str)
    def show_problem(self, text: str) -> None:
        """A refused edit or a failure, in words, under the table (empty: nothing to say)."""
        self._show_status(text, problem=True)
        self.port.keep_status_line(None)

    def say(self, text: str) -> None:
        self._show_status(text, problem=False)
        self.port.keep_status_line(None)

    def say_again(self, line: StatusLine) -> None:
        """Say `line` under the table in the language of the moment, and have the port keep it: the dock built
        again for a language switch says it again (an import's lines, its refused rows, vanished with the old
        dock)."""
        self._show_status(line.said(), line.problem)
        self.port.keep_status_line(line)

    def _show_status(self, text: str, problem: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {RED}; font-weight: 600;" if problem else "")
        self.status.setVisible(bool(text))

    # ------------------------------------------------------------------ edits
    @Slot(object, str)
    def _on_model_edit_requested(self, segments: tuple[Segment, ...], what: str) -> None:
        self.edit(segments, what)

    @Slot(object, str)
    def _on_editor_edit_requested(self, segment: Segment, what: str) -> None:
        segments = tuple(segment if s.key == segment.key else s for s in self.model.segments)
        self.edit(segments, what, segment.key)

    def _take_typing(self) -> None:
        """Store what is being typed in the talking points or cues before a button changes, reorders or writes the
        plan: a tool button does not take the focus, so the field never loses it, and the editor would then show
        another segment over the typing."""
        self.editor.take_pending()

    @Slot()
    def _on_undo_clicked(self) -> None:
        self._take_typing()  # the typing becomes the step undone (and redone)
        self.undo_stack.undo()

    @Slot()
    def _on_redo_clicked(self) -> None:
        self._take_typing()
        self.undo_stack.redo()

    @Slot()
    def add_segment(self) -> None:
        self._take_typing()
        if len(self.model.segments) >= MAX_SEGMENTS:
            self.show_problem(self.tr("A rundown has at most %1 segments.").replace("%1", str(MAX_SEGMENTS)))
            return
        row = self.table.currentIndex().row()
        at = row + 1 if row >= 0 else len(self.model.segments)
        segment = Segment(self.tr("New segment"), planned_s=NEW_SEGMENT_S)
        segments = (*self.model.segments[:at], segment, *self.model.segments[at:])
        self.edit(segments, self.tr("Add segment"), segment.key)
        self.table.setFocus()
        self.table.edit(self.model.index(at, TITLE))  # the title is typed at once

    @Slot()
    def duplicate_selected(self) -> None:
        self._take_typing()
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.model.segments) or len(self.model.segments) >= MAX_SEGMENTS:
            return
        copy = self.model.segments[row].copy()
        segments = (*self.model.segments[: row + 1], copy, *self.model.segments[row + 1 :])
        self.edit(segments, self.tr("Duplicate segment"), copy.key)

    @Slot()
    def delete_selected(self) -> None:
        self._take_typing()
        row = self.table.currentIndex().row()
        segments = self.model.segments
        if not 0 <= row < len(segments):
            return
        rest = segments[:row] + segments[row + 1 :]
        after = rest[min(row, len(rest) - 1)].key if rest else None
        self.edit(rest, self.tr("Delete segment"), after)
        self.select_key(after)

    def move_selected(self, step: int) -> None:
        self._take_typing()
        row = self.table.currentIndex().row()
        segments = list(self.model.segments)
        to = row + step
        if not (0 <= row < len(segments) and 0 <= to < len(segments)):
            return
        segments[row], segments[to] = segments[to], segments[row]
        self.edit(tuple(segments), self.tr("Move segment"), segments[to].key)

    @Slot()
    def move_selected_up(self) -> None:
        self.move_selected(-1)

    @Slot()
    def move_selected_down(self) -> None:
        self.move_selected(1)

    # ------------------------------------------------------------------ import, export
    def _file_dialog(self, title: str, save: bool) -> Path | None:
        dialog = QFileDialog(self, title)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the console's own dialogs, in its language
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Rundown (*.xlsx *.csv)"), self.tr("All files (*)")])
        from console.core.reports import export_folder  # not the folder the console happened to be started from

        dialog.setDirectory(str(export_folder()))
        if save:
            dialog.setDefaultSuffix("xlsx")
            dialog.selectFile(f"rundown-{self.base.room or 'room'}.xlsx")
        if not dialog.exec():
            return None
        files = dialog.selectedFiles()
        return Path(files[0]) if files else None

    @Slot()
    def _on_import_clicked(self) -> None:
        path = self._file_dialog(self.tr("Import a rundown"), save=False)
        if path is not None:
            self.import_from(path)

    @Slot()
    def _on_export_clicked(self) -> None:
        path = self._file_dialog(self.tr("Export the rundown"), save=True)
        if path is not None:
            self.export_to(path)

    def import_from(self, path: Path) -> None:
        """Replace the plan with the file's (one undo step); a refused file is said with its rows and columns."""
        self._take_typing()  # undoing the import gives it back
        if path.suffix.lower() not in SUFFIXES:
            self.show_problem(self.tr("%1 is not a CSV or XLSX file.").replace("%1", path.name))
            return
        self.say(self.tr("Reading %1…").replace("%1", path.name))
        self._import_before = self.model.segments
        self.port.import_file(path, self._alive(lambda result, error: self._on_imported(path, result, error)))

    def _on_imported(self, path: Path, result: Any, error: str | None) -> None:
        before, self._import_before = self._import_before or (), None
        if error is not None or not isinstance(result, Imported):
            why: Callable[[], str] = result.said if isinstance(result, Refused) else (lambda: error or "")
            self.say_again(StatusLine(partial(_not_imported, path.name, why), problem=True))
            return
        plan = result.plan
        self.base = plan
        self.undo_stack.push(
            PlanEdit(self, self.tr("Import %1").replace("%1", path.name), before, plan.segments, None, stored=True)
        )
        # Said as `onair rundown import` says it: the planned total, a column of the planner's not read (负责人,
        # 库存), a 合计 row skipped, the plan it replaced — not found out at Go.
        said, lines = result.said, result.lines
        self.say_again(StatusLine(lambda: "\n".join(said(QCoreApplication.translate) if said else lines)))

    def export_to(self, path: Path) -> None:
        self._take_typing()  # the file has what is on the screen
        if path.suffix.lower() not in SUFFIXES:
            self.show_problem(self.tr("Export as .xlsx or .csv (not “%1”).").replace("%1", path.name))
            return
        self.say(self.tr("Writing %1…").replace("%1", path.name))

        def done(_result: Any, error: str | None) -> None:
            if error is None:
                self.say(self.tr("Saved %1").replace("%1", str(path)))
            else:
                self.show_problem(self.tr("%1 was not written: %2").replace("%1", path.name).replace("%2", error))

        self.port.export_file(path, self._alive(done))

    def _alive(self, then: Then) -> Then:
        def call(result: Any, error: str | None) -> None:
            if shiboken6.isValid(self):  # the dock may be gone (a language switch rebuilds the window)
                then(result, error)

        return call

    # ------------------------------------------------------------------ live
    @Slot(object)
    def _on_port_position_changed(self, position: Position) -> None:
        # Past segments' actual lengths are the runner's (from the stored marks): the dock's own watching of
        # the positions lost them when the console restarted mid-show.
        self._last_position = position
        self.model.set_position(position, dict(position.actuals))
        self.strip.show_position(position, self.model.segments[0] if self.model.segments else None)

    @Slot(object)
    def _on_obs_state_changed(self, _state: object) -> None:
        scenes = tuple(self.port.scenes)
        if scenes != self.model.scenes:
            self.model.set_scenes(scenes)
            self.editor.show_segment(self.editor.segment, scenes)

    @Slot()
    def toggle_arm(self) -> None:
        """Arm the next segment (Disarm when one is armed)."""
        position = self.port.position
        if position.armed:
            self.port.disarm()
        elif self._can_take(position):
            self.port.arm()

    @Slot()
    def go(self) -> None:
        if self._can_take(self.port.position):
            # A switch refused at the last Go is history now (the event log keeps it): a new refusal comes back
            # by itself, so the red line under the table always speaks of the take on air.
            self.show_problem("")
            self.port.go()

    @Slot()
    def _on_strip_end_confirmed(self) -> None:
        self.show_problem("")  # as at Go: a switch refused before is history once the show has ended
        self.port.end()

    def _can_take(self, position: Position) -> bool:
        """Something to take: the next segment (after End too: Go takes the rundown up again), or the first
        before the first Go."""
        return position.next is not None or (position.current is None and bool(self.model.segments))

    def arm_selected(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.segments):
            self.port.arm(row)

    @Slot()
    def _on_table_context_menu(self, point: Any) -> None:
        index = self.table.indexAt(point)
        if not index.isValid():
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Arm this segment for Go"), self.arm_selected)
        menu.addSeparator()
        menu.addAction(self.tr("Duplicate"), self.duplicate_selected)
        menu.addAction(self.tr("Delete"), self.delete_selected)
        menu.popup(self.table.viewport().mapToGlobal(point))

    @Slot()
    def _on_insert_clicked(self) -> None:
        dialog = InsertDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._insert_from(dialog))
        self.insert_dialog = dialog  # tests answer it
        dialog.open()

    def _insert_from(self, dialog: InsertDialog) -> None:
        segment = dialog.segment()
        if segment is not None:
            self.port.insert_next(segment)

    # ------------------------------------------------------------------ the line for the host
    def quick_lines(self) -> list[str]:
        stored = str(self.settings.get("rundown/quick_lines"))
        lines = [line.strip() for line in stored.splitlines() if line.strip()]
        return lines or [self.tr(line) for line in QUICK_LINES]

    def set_quick_lines(self, lines: list[str]) -> None:
        self.strip.set_quick_lines(lines)
        for button, line in zip(self.strip.quick_buttons, lines, strict=True):
            button.clicked.connect(partial(self._send_line, line))

    def _send_line(self, text: str, _checked: bool = False) -> None:
        self.port.send_message(text)

    @Slot()
    def _on_send_clicked(self) -> None:
        text = self.strip.message.text().strip()
        if text:
            self.port.send_message(text)
            self.strip.message.clear()

    @Slot()
    def _on_clear_message_clicked(self) -> None:
        self.port.send_message("")

    @Slot()
    def _on_edit_quick_clicked(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Quick lines"),
            self.tr("One line for the host a line (empty: the built-in ones):"),
            "\n".join(self.quick_lines()),
        )
        if ok:
            self.save_quick_lines(text)

    def save_quick_lines(self, text: str) -> None:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        self.settings.set("rundown/quick_lines", "\n".join(lines))
        self.set_quick_lines(self.quick_lines())
