"""The Rundown dock's table: the plan as a Qt model (number, colour, title, length, scene, product), the live
marks (the segment on air, the next one, past ones dimmed with their actual length), reorder by drag.

The model never changes the plan itself: an edit in a cell or a drop asks for a new plan (sig_edit_requested)
and the dock makes it an undo step, saves it and shows it back (set_segments) — one path for every edit, so
undo restores exactly what was there and every step is saved."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from console.core.rundown.durations import format_duration
from console.core.rundown.model import COLOURS, MAX_TITLE, Position, Product, Segment, price_text
from console.core.rundown.sheet import typed_length
from obs.text import QT_TRANSLATE_NOOP, Message

Index = QModelIndex | QPersistentModelIndex
NUMBER, COLOUR, TITLE, LENGTH, SCENE, PRODUCT = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("RundownTable", "#"),
    QT_TRANSLATE_NOOP("RundownTable", "Colour"),
    QT_TRANSLATE_NOOP("RundownTable", "Segment"),
    QT_TRANSLATE_NOOP("RundownTable", "Length"),
    QT_TRANSLATE_NOOP("RundownTable", "Scene"),
    QT_TRANSLATE_NOOP("RundownTable", "Product"),
)
#: The names of COLOURS, in the same order (what the colour picker says).
COLOUR_NAMES = (
    QT_TRANSLATE_NOOP("RundownTable", "No colour"),
    QT_TRANSLATE_NOOP("RundownTable", "Red"),
    QT_TRANSLATE_NOOP("RundownTable", "Orange"),
    QT_TRANSLATE_NOOP("RundownTable", "Yellow"),
    QT_TRANSLATE_NOOP("RundownTable", "Green"),
    QT_TRANSLATE_NOOP("RundownTable", "Teal"),
    QT_TRANSLATE_NOOP("RundownTable", "Blue"),
    QT_TRANSLATE_NOOP("RundownTable", "Purple"),
    QT_TRANSLATE_NOOP("RundownTable", "Grey"),
)
MIME = "application/x-onair-rundown-keys"
#: The live marks: the row on air (amber, bold), past rows (grey).
ON_AIR_BACKGROUND = "#f5b041"
ON_AIR_TEXT = "#1a1a1a"
PAST_TEXT = "#8a8a8a"
WARNING = "⚠"


def _tr(text: str) -> str:
    return QCoreApplication.translate("RundownTable", text)


def length_text(segment: Segment) -> str:
    """ "5:00", "@20:30" (a fixed start), or "@20:30 · 5:00"."""
    parts = []
    if segment.fixed_start is not None:
        parts.append("@" + segment.fixed_start.strftime("%H:%M" if not segment.fixed_start.second else "%H:%M:%S"))
    if segment.planned_s is not None:
        parts.append(format_duration(segment.planned_s))
    return " · ".join(parts)


def product_text(product: Product | None) -> str:
    """name · ¥price · SKU (what is said of it)."""
    if product is None:
        return ""
    parts = [product.name]
    if product.price is not None:
        parts.append(f"¥{price_text(product.price)}")
    if product.sku:
        parts.append(product.sku)
    return " · ".join(part for part in parts if part)


def length_problem(text: str, has_fixed_start: bool) -> tuple[int | None, str | None]:
    """The planned length typed (seconds, None for none), or why it is refused, in the reader's words."""
    text = text.strip()
    if not text:
        if has_fixed_start:
            return None, None
        return None, QCoreApplication.translate(
            "RundownTable", "A segment needs a length (or a fixed start): type 5分, 5:30 or 1小时."
        )
    seconds = typed_length(text)
    if isinstance(seconds, Message):
        return None, seconds.in_language(QCoreApplication.translate)
    return seconds, None


def title_problem(text: str) -> str | None:
    if not text.strip():
        return QCoreApplication.translate("RundownTable", "A segment needs a title.")
    if len(text.strip()) > MAX_TITLE:
        return (
            QCoreApplication.translate("RundownTable", "A title is at most %1 characters (this one has %2).")
            .replace("%1", str(MAX_TITLE))
            .replace("%2", str(len(text.strip())))
        )
    return None


def colour_icon(colour: str, size: int = 14) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    if colour:
        painter.fillRect(QRect(1, 1, size - 2, size - 2), QColor(colour))
    else:
        painter.setPen(QColor("#9a9a9a"))
        painter.drawRect(QRect(1, 1, size - 3, size - 3))
    painter.end()
    return pixmap


class RundownTableModel(QAbstractTableModel):
    """The plan's segments, what OBS has (scene names), and where the show stands (the live marks)."""

    #: A new plan the user asked for: (segments, what the edit was, in words) — the dock's undo step.
    sig_edit_requested = Signal(object, str)
    #: An edit refused, in words (a length that is not one, an empty title).
    sig_refused = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.segments: tuple[Segment, ...] = ()
        self.scenes: tuple[str, ...] = ()
        self.position = Position()
        #: Actual lengths of segments taken while this dock watched (by key), in seconds.
        self.actuals: dict[str, float] = {}

    # ------------------------------------------------------------------ what the dock shows
    def set_segments(self, segments: tuple[Segment, ...]) -> None:
        if segments and [s.key for s in segments] == [s.key for s in self.segments]:
            # The same rows edited (a cell typed, a detail changed): no reset, which would destroy the cell's
            # editor while it commits (Qt warned "commitData called with an editor that does not belong").
            self.segments = segments
            self._changed_columns(0, self.columnCount() - 1)
            return
        self.beginResetModel()
        self.segments = segments
        self.endResetModel()

    def set_scenes(self, scenes: tuple[str, ...]) -> None:
        if scenes != self.scenes:
            self.scenes = scenes
            self._changed_columns(SCENE, SCENE)

    def set_position(self, position: Position, actuals: dict[str, float]) -> None:
        self.position = position
        self.actuals = actuals
        self._changed_columns(NUMBER, PRODUCT)

    def _changed_columns(self, first: int, last: int) -> None:
        if self.segments:
            self.dataChanged.emit(self.index(0, first), self.index(len(self.segments) - 1, last))

    def missing_scene(self, segment: Segment) -> bool:
        """A scene this room's OBS does not have (not known while OBS is not connected: no scenes then)."""
        return bool(segment.scene) and bool(self.scenes) and segment.scene not in self.scenes

    def is_current(self, row: int) -> bool:
        return self.position.current_index == row and not self.position.finished

    def is_skipped(self, row: int) -> bool:
        """Passed over with Skip and not taken since (and not what Go takes next: armed again, it is to come)."""
        return (
            self.segments[row].key in self.position.skipped
            and not self.is_current(row)
            and self.position.next_index != row
        )

    def is_past(self, row: int) -> bool:
        position = self.position
        if position.finished:
            # Ended: what was taken, and what was passed over before the last take, is behind; segments the
            # show never reached are not (greyed, they would read as done).
            taken = [index for index, segment in enumerate(self.segments) if segment.key in self.actuals]
            return bool(taken) and row <= max(taken)
        return position.current_index is not None and row < position.current_index

    # ------------------------------------------------------------------ Qt's model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.segments)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[section])
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == LENGTH:
            return QCoreApplication.translate(
                "RundownTable",
                "Planned length (5分, 5:30, 300 s); @20:30 is a fixed start. Past segments: planned → actual.",
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never on one
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in (COLOUR, TITLE, LENGTH, SCENE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.segments):
            return None
        row, column = index.row(), index.column()
        segment = self.segments[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column, segment)
        if role == Qt.ItemDataRole.EditRole:
            return {
                COLOUR: segment.colour,
                TITLE: segment.title,
                LENGTH: format_duration(segment.planned_s) if segment.planned_s is not None else "",
                SCENE: segment.scene,
            }.get(column)
        if role == Qt.ItemDataRole.DecorationRole and column == COLOUR:
            return colour_icon(segment.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, segment)
        if role == Qt.ItemDataRole.UserRole:
            return segment.key
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, LENGTH):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self._look(row, column, segment, role)

    def _look(self, row: int, column: int, segment: Segment, role: int) -> Any:
        """The live marks: the row on air, past rows dimmed, a scene OBS lacks in red."""
        if role == Qt.ItemDataRole.BackgroundRole and self.is_current(row):
            return QBrush(QColor(ON_AIR_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.is_current(row):
                return QBrush(QColor(ON_AIR_TEXT))
            if column == SCENE and self.missing_scene(segment):
                return QBrush(QColor("#c0392b"))
            if self.is_past(row) or self.is_skipped(row):
                return QBrush(QColor(PAST_TEXT))
        if role == Qt.ItemDataRole.FontRole and self.is_current(row):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, row: int, column: int, segment: Segment) -> str:
        if column == NUMBER:
            mark = ""
            if self.is_current(row):
                mark = "▶ "
            elif self.position.next_index == row:  # after End too: where Go takes the rundown up again
                mark = "▷ " if self.position.armed else "· "  # ⏵ is missing from common CJK fonts
            return f"{mark}{row + 1}"
        if column == TITLE:
            return segment.title
        if column == LENGTH:
            return self._length(row, segment)
        if column == SCENE:
            if not segment.scene:
                return "—"
            return f"{WARNING} {segment.scene}" if self.missing_scene(segment) else segment.scene
        if column == PRODUCT:
            return product_text(segment.product)
        return ""

    def _length(self, row: int, segment: Segment) -> str:
        """Planned; once past, planned → actual; passed over with Skip, planned → skipped."""
        planned = length_text(segment)
        actual = self.actuals.get(segment.key)
        if actual is not None and self.is_past(row):
            return f"{planned} → {format_duration(actual)}"
        if self.is_skipped(row):
            skipped = QCoreApplication.translate("RundownTable", "skipped")
            return f"{planned} → {skipped}"
        return planned

    def _tooltip(self, row: int, column: int, segment: Segment) -> str | None:
        if column == SCENE and self.missing_scene(segment):
            return QCoreApplication.translate(
                "RundownTable",
                "“%1” is not a scene in this room's OBS: Go still marks the segment's start, but cannot switch to it.",
            ).replace("%1", segment.scene)
        if column == SCENE and not segment.scene:
            return QCoreApplication.translate("RundownTable", "No scene: Go stays on the scene that is on program.")
        if column == COLOUR:
            return _tr(COLOUR_NAMES[COLOURS.index(segment.colour)] if segment.colour in COLOURS else segment.colour)
        if column == NUMBER and self.position.next_index == row and self.position.armed:
            return QCoreApplication.translate("RundownTable", "Armed: Go takes this segment")
        if column in (TITLE, PRODUCT):
            lines = [segment.title]
            if segment.talking_points:
                lines.append(
                    QCoreApplication.translate("RundownTable", "Talking points: %1").replace(
                        "%1", segment.talking_points
                    )
                )
            if segment.cues:
                lines.append(QCoreApplication.translate("RundownTable", "Cues: %1").replace("%1", segment.cues))
            return "\n".join(lines)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.row() >= len(self.segments):
            return False
        segment = self.segments[index.row()]
        column, text = index.column(), str(value if value is not None else "")
        edited: Segment | None = None
        what = ""
        if column == TITLE:
            problem = title_problem(text)
            if problem:
                self.sig_refused.emit(problem)
                return False
            edited, what = (
                replace(segment, title=text.strip()),
                QCoreApplication.translate("RundownTable", "Rename segment"),
            )
        elif column == LENGTH:
            seconds, problem = length_problem(text, segment.fixed_start is not None)
            if problem:
                self.sig_refused.emit(problem)
                return False
            edited, what = (
                replace(segment, planned_s=seconds),
                QCoreApplication.translate("RundownTable", "Change length"),
            )
        elif column == SCENE:
            edited, what = replace(segment, scene=text), QCoreApplication.translate("RundownTable", "Change scene")
        elif column == COLOUR and text in COLOURS:
            edited, what = replace(segment, colour=text), QCoreApplication.translate("RundownTable", "Change colour")
        if edited is None or edited == segment:
            return False
        segments = list(self.segments)
        segments[index.row()] = edited
        self.sig_edit_requested.emit(tuple(segments), what)
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Never by the view: a move by drag is done in dropMimeData (the view would otherwise remove the rows
        it dragged after the drop), a delete is the dock's undo step."""
        return False

    # ------------------------------------------------------------------ reorder by drag
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data = QMimeData()
        data.setData(MIME, json.dumps([self.segments[row].key for row in rows]).encode())
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        return data.hasFormat(MIME) and action in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            keys = [str(key) for key in json.loads(bytes(data.data(MIME).data()).decode())]
        except (ValueError, TypeError):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.segments)
        moved = [s for s in self.segments if s.key in keys]
        if not moved:
            return False
        kept = [s for s in self.segments if s.key not in keys]
        at = sum(1 for s in self.segments[:row] if s.key not in keys)
        order = tuple(kept[:at] + moved + kept[at:])
        if order != self.segments:
            self.sig_edit_requested.emit(order, QCoreApplication.translate("RundownTable", "Move segment"))
        return True


class KeepTypingDelegate(QStyledItemDelegate):
    """An open cell keeps what is being typed in it. Qt 6 rewrites every open editor from the model on any
    dataChanged that covers its cell, and the live position repaints the table's rows once a second (▶, greyed
    rows, actual lengths): a title half typed was put back to the stored one, and the text that Add selects for
    typing over was deselected. The editor is set from the model only when the cell's value itself changed."""

    def seeded(self, editor: QWidget, index: Index) -> bool:
        """True when `editor` already shows this cell's value (nothing to write into it); remembers it if not."""
        value = repr(index.data(Qt.ItemDataRole.EditRole))
        if editor.property("rundown_value") == value:
            return True
        editor.setProperty("rundown_value", value)
        return False

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if not self.seeded(editor, index):
            super().setEditorData(editor, index)


class ChoiceDelegate(KeepTypingDelegate):
    """A combo box for the scene column (the room's scenes, and the one set if OBS lacks it) and the colours."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        model = index.model()
        if index.column() == COLOUR:
            for colour, name in zip(COLOURS, COLOUR_NAMES, strict=True):
                combo.addItem(colour_icon(colour), _tr(name), colour)
        else:
            scenes: tuple[str, ...] = model.scenes if isinstance(model, RundownTableModel) else ()
            combo.addItem(QCoreApplication.translate("RundownTable", "— stay on the program scene"), "")
            current = str(index.data(Qt.ItemDataRole.EditRole) or "")
            if current and current not in scenes:
                combo.addItem(f"{WARNING} {current}", current)
            for scene in scenes:
                combo.addItem(scene, scene)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox) and not self.seeded(editor, index):
            found = editor.findData(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class RundownTable(QTableView):
    """The table: one row selected at a time, moved by drag (or the dock's Move up/down and Ctrl+↑/↓)."""

    def __init__(self, model: RundownTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        # DragDrop, not InternalMove: the model accepts only its own rows' keys (canDropMimeData), and InternalMove
        # would also refuse a drop whose source is not this very view (a test's synthetic drop, a floating copy).
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        # Not AnyKeyPressed: the digits 1–9 are the console's scene keys (the window takes them before the table
        # sees them), so typing at a row would start a title but never a length. A double-click or F2 opens the
        # cell; in it, digits are typing.
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.setItemDelegate(KeepTypingDelegate(self))
        delegate = ChoiceDelegate(self)
        self.setItemDelegateForColumn(SCENE, delegate)
        self.setItemDelegateForColumn(COLOUR, delegate)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLOUR, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LENGTH, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SCENE, QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        #: The title column's least width; it grows to its titles while the product keeps room (_fit_title).
        self.title_min = metrics.horizontalAdvance("M" * 14)
        self.setColumnWidth(TITLE, self.title_min)
        self.setColumnWidth(SCENE, metrics.horizontalAdvance("M" * 8))
        #: The Segment column's width as the user dragged it (None: it fits its titles, _fit_title). Kept until
        #: fit_columns() (a double-click on its edge): the next resize of the window put it back to the fit.
        self.title_chosen: int | None = None
        self._fitting = False
        # The columns' widths make the table's minimum (a content-sized length column grows with @20:00 · 3:00).
        header.sectionResized.connect(self._on_header_section_resized)
        # After the view's own (resizeColumnToContents): the column fits its titles again, and goes on fitting.
        header.sectionHandleDoubleClicked.connect(self._on_header_handle_double_clicked)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged, model.layoutChanged):
            signal.connect(self._fit_title)

    @Slot(int, int, int)
    def _on_header_section_resized(self, index: int, _old: int, new: int) -> None:
        if index == TITLE and not self._fitting:
            self.title_chosen = new  # dragged by the user: it stays, whatever the window's size
        self.updateGeometry()

    @Slot(int)
    def _on_header_handle_double_clicked(self, index: int) -> None:
        if index == TITLE:
            self.fit_columns()

    def fit_columns(self) -> None:
        """The Segment column fits its titles again (a width the user dragged is forgotten)."""
        self.title_chosen = None
        self._fit_title()

    def _product_min(self) -> int:
        # The last section stretches, but never below the size it had before it stretched (the default's).
        return max(self.fontMetrics().horizontalAdvance("M" * 8), self.horizontalHeader().defaultSectionSize())

    @Slot()
    def _fit_title(self) -> None:
        """The segment column as wide as its titles need, up to what leaves the product its names (within half the
        room the two share, never less than its least width); never below its own least. At 1920×1080 it stayed
        14 M wide and cut the titles while the product had ~300 px spare."""
        header = self.horizontalHeader()
        if header.isSectionHidden(TITLE) or self.title_chosen is not None:
            return  # a width the user chose stays: the window's next resize took it back to the fit
        others = sum(header.sectionSize(c) for c in (NUMBER, COLOUR, LENGTH, SCENE) if not header.isSectionHidden(c))
        flexible = self.viewport().width() - others
        rows = self.model().rowCount()
        # The product keeps what its names need, up to half the room the two share: one long title does not cut
        # every product to its least width.
        product = self.sizeHintForColumn(PRODUCT) if rows and not header.isSectionHidden(PRODUCT) else 0
        room = flexible - max(self._product_min(), min(product, flexible // 2))
        wanted = self.sizeHintForColumn(TITLE) if rows else 0
        width = max(self.title_min, min(wanted, room))
        if width != header.sectionSize(TITLE):
            self._fitting = True
            try:
                self.setColumnWidth(TITLE, width)
            finally:
                self._fitting = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_title()

    def minimumSizeHint(self) -> QSize:
        """Wide enough for every column but the product whole and a start of the product: the dock's minimum, so
        the window's layout cannot squeeze the table. A layout saved on a 1920×1080 screen and restored on a
        1366×768 laptop gave the table 390 px beside its details, the scene cut and the product out of sight."""
        hint = super().minimumSizeHint()
        header = self.horizontalHeader()
        # The title's least width, not its width now: a title column grown to its titles on a wide screen must not
        # stop the window from being made smaller again.
        columns = sum(
            self.title_min if c == TITLE else header.sectionSize(c)
            for c in range(PRODUCT)
            if not header.isSectionHidden(c)
        )
        product = self._product_min()
        scroll = self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), columns + product + scroll + 2 * self.frameWidth()), hint.height())
