"""A show's details (title, hosts, assistant, tags, notes): the form, the dialog that edits a kept show, and the
go-live question that asks "Start streaming now?" with the details folded under it (one question, not two).

Reading and saving go through the review controller's worker; the dialog stays open with the text as typed when
a save is refused or the database fails, and says why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.core.review.shows import ShowMeta
from widgets.review_port import ReviewPort, alive, describe

#: Names in one field are separated by commas (either width), the enumeration comma or semicolons.
_SEPARATORS = re.compile(r"[,，、;；]")


def split_names(text: str) -> list[str]:
    return [name.strip() for name in _SEPARATORS.split(text) if name.strip()]


class NamesEdit(QLineEdit):
    """Several names in one line ("张三, 李四"), the one being typed completed from earlier shows' names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = QStringListModel(self)
        self.completer_ = QCompleter(self.choices, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self._insert)
        self.textEdited.connect(self._on_text_edited)

    def set_choices(self, names: Iterable[str]) -> None:
        self.choices.setStringList(list(names))

    def names(self) -> list[str]:
        return split_names(self.text())

    def set_names(self, names: Iterable[str]) -> None:
        self.setText(", ".join(names))

    def _last(self) -> str:
        return _SEPARATORS.split(self.text()[: self.cursorPosition()])[-1].strip()

    @Slot(str)
    def _on_text_edited(self, _text: str) -> None:
        prefix = self._last()
        popup = self.completer_.popup()
        if not prefix:
            if popup is not None:
                popup.hide()
            return
        self.completer_.setCompletionPrefix(prefix)
        self.completer_.complete()

    @Slot(str)
    def _insert(self, name: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        cut = max((m.end() for m in _SEPARATORS.finditer(before)), default=0)
        head = before[:cut] + (" " if cut else "")
        self.setText(head + name + ", " + after.lstrip(", "))
        self.setCursorPosition(len(head + name) + 2)


class ShowMetaForm(QWidget):
    """The details' fields. `touched` says a person changed something since they were last filled."""

    sig_touched = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit()
        self.hosts = NamesEdit()
        self.assistant = QLineEdit()
        self.tags = NamesEdit()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(60)
        self.title.setPlaceholderText(self.tr("e.g. Autumn skincare launch"))
        self.hosts.setPlaceholderText(self.tr("Names, separated by commas"))
        self.tags.setPlaceholderText(self.tr("e.g. product lines, separated by commas"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Hosts"), self.hosts)
        form.addRow(self.tr("Assistant"), self.assistant)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Notes"), self.notes)
        self.touched = False
        for edit in (self.title, self.hosts, self.assistant, self.tags):
            edit.textEdited.connect(self._on_touched)
        self.notes.textChanged.connect(self._on_notes_changed)
        self._filling = False

    @Slot()
    def _on_touched(self) -> None:
        self.touched = True
        self.sig_touched.emit()

    @Slot()
    def _on_notes_changed(self) -> None:
        if not self._filling:
            self._on_touched()

    def set_meta(self, meta: ShowMeta) -> None:
        self._filling = True
        self.title.setText(meta.title)
        self.hosts.set_names(meta.hosts)
        self.assistant.setText(meta.assistant)
        self.tags.set_names(meta.tags)
        self.notes.setPlainText(meta.notes)
        self._filling = False
        self.touched = False

    def meta(self) -> ShowMeta:
        return ShowMeta(
            title=self.title.text(),
            hosts=tuple(self.hosts.names()),
            assistant=self.assistant.text(),
            tags=tuple(self.tags.names()),
            notes=self.notes.toPlainText(),
        )

    def set_choices(self, facets: Any) -> None:
        """Completion from earlier shows (ShowFacets: hosts and tags, most used first)."""
        self.hosts.set_choices(name for name, _count in facets.hosts)
        self.tags.set_choices(name for name, _count in facets.tags)


class ShowMetaDialog(QDialog):
    """Edit a kept show's details; Save keeps them (on the worker) and closes, or says why not and stays."""

    sig_saved = Signal(object)  # ShowMeta as kept

    def __init__(self, controller: ReviewPort, show_id: int, editor: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.show_id = show_id
        self.setWindowTitle(self.tr("Details of show %1").replace("%1", str(show_id)))
        self.form = ShowMetaForm()
        self.editor = QLineEdit(editor)
        self.edited = QLabel()
        self.edited.setStyleSheet("color: palette(mid);")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #e0312f; font-weight: 600;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)  # until the show's details have been read
        form = self.form.layout()
        assert isinstance(form, QFormLayout)
        form.addRow(self.tr("Edited by"), self.editor)  # in the same form: its label lines up with the others
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.edited)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.resize(520, 420)
        self.loaded = False
        controller.meta(show_id, alive(self, self._on_meta))
        controller.facets(alive(self, self._on_facets))

    def _on_meta(self, meta: ShowMeta | None, error: BaseException | None) -> None:
        if error is not None or meta is None:
            missing = self.tr("There is no show %1.").replace("%1", str(self.show_id))
            self._problem(describe(error) if error is not None else missing)
            return
        if not self.form.touched:
            self.form.set_meta(meta)
        if meta.edited_at is not None:
            self.edited.setText(
                self.tr("Last edited by %1 on %2")
                .replace("%1", meta.edited_by)
                .replace("%2", meta.edited_at.astimezone().strftime("%Y-%m-%d %H:%M"))
            )
        self.loaded = True
        self.save_button.setEnabled(True)

    def _on_facets(self, facets: Any, error: BaseException | None) -> None:
        if error is None:
            self.form.set_choices(facets)  # completion only: without it, names are typed in full

    def _problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    @Slot()
    def save(self) -> None:
        self.save_button.setEnabled(False)
        self._problem("")
        self.controller.save_meta(self.show_id, self.form.meta(), self.editor.text(), alive(self, self._on_saved))

    def _on_saved(self, meta: ShowMeta | None, error: BaseException | None) -> None:
        self.save_button.setEnabled(True)
        if error is not None:
            self._problem(describe(error))  # what was typed stays, to correct and save again
            return
        self.sig_saved.emit(meta)
        self.accept()


class GoLiveDialog(QDialog):
    """ "Start streaming now?" with the show's details folded under it, prefilled from the room's last show and
    the checklist's names as soon as they are read. Going live never waits for them: Go live works at once, and
    details nobody opened or changed are kept as prefilled (`meta()` is None then; the controller fills them)."""

    def __init__(
        self,
        controller: ReviewPort,
        room: str,
        show_id: int | None,
        parent: QWidget | None = None,
        unchecked: bool = False,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Go live"))
        question = QLabel(self.tr("Start streaming now?"))
        question.setStyleSheet("font-size: 15px; font-weight: 600;")
        # Said when no pre-show checklist is open or completed for this show (`unchecked`): a word, not a gate.
        self.unchecked = QLabel(
            self.tr("No pre-show checklist has been run for this show (Checklist dock: choose a list and Start).")
        )
        self.unchecked.setWordWrap(True)
        self.unchecked.setStyleSheet("color: #b26a00;")
        self.unchecked.setVisible(unchecked)
        self.toggle = QToolButton()
        self.toggle.setText(self.tr("Show details"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: palette(dark);")
        self.form = ShowMetaForm()
        self.form.hide()
        self.buttons = QDialogButtonBox()
        self.go_button = self.buttons.addButton(self.tr("Go live"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.go_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.unchecked)
        layout.addWidget(self.toggle)
        layout.addWidget(self.summary)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.toggle.toggled.connect(self._on_toggled)
        self.prefilled = False
        self.setMinimumWidth(460)  # the folded summary reads on one or two lines, not a narrow column
        self.form.notes.setMaximumHeight(120)
        if show_id is None:
            # No show is being kept (storage off or not open yet): there is nothing to describe.
            self.toggle.hide()
            self.summary.setText(self.tr("This show is not being recorded, so its details cannot be kept."))
        else:
            self.summary.setText(self.tr("Reading the last show's details…"))
            controller.prefill(room, show_id, alive(self, self._on_prefill))
            controller.facets(alive(self, self._on_facets))

    @Slot(bool)
    def _on_toggled(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.form.setVisible(shown)
        self.summary.setVisible(not shown)
        self.adjustSize()
        if shown:
            self.form.title.setFocus()

    def _on_prefill(self, meta: ShowMeta | None, error: BaseException | None) -> None:
        if error is not None or meta is None:
            self.summary.setText(self.tr("The last show's details could not be read."))
            return
        if not self.form.touched:
            self.form.set_meta(meta)
        self.prefilled = True
        said = [meta.title, ", ".join(meta.hosts), ", ".join(meta.tags)]
        self.summary.setText(" · ".join(s for s in said if s) or self.tr("No details yet."))
        self.adjustSize()  # the summary's lines, now known, fit

    def _on_facets(self, facets: Any, error: BaseException | None) -> None:
        if error is None:
            self.form.set_choices(facets)

    def meta(self) -> ShowMeta | None:
        """What to keep: the details as confirmed or edited, or None to keep the prefill (not opened or
        changed, so nothing a person said is lost if the prefill had not come yet)."""
        return self.form.meta() if self.form.touched else None
