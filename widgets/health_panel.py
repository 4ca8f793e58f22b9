"""HealthPanel: the live verdict on the stream — a light per category, the open findings with what to do, and
this show's timeline of findings. It only shows what the health engine (obs/health.py) decided."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QPainter,
    QResizeEvent,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.studio.status import Light, category_lights
from obs.commands import SetInputMute
from obs.health import CATEGORIES, CATEGORY_NAMES, Finding
from obs.health_record import as_recorded
from obs.messages import LinkState
from obs.text import QT_TRANSLATE_NOOP
from obs.vocabulary import TROUBLESHOOTING, title
from widgets.ports import TelemetryPort

SEVERITY_COLOURS = {None: "#2fae4f", "info": "#6fa8dc", "warning": "#f0c040", "critical": "#e0312f"}
#: A light with nothing judged behind it (OBS not connected, the CPU of OBS's computer not measured): never green.
UNKNOWN_COLOUR = "#9a9a9a"
#: A remedy row's template (Finding.remedies): the same remedy, its figures changed, is said in place.
REMEDY = Qt.ItemDataRole.UserRole
#: The row under the lead finding's advice that says how much more of it there is, where the dock has no room for
#: it all beside the further findings' lines (a click shows it all).
MORE = Qt.ItemDataRole.UserRole + 1
#: Qt's QWIDGETSIZE_MAX (not exported by PySide6): a widget's height without a limit.
NO_LIMIT = (1 << 24) - 1
#: Pixels above and below a wrapped line's text, beyond what the style measures (WrappedLines).
LINE_SLACK = 1
#: "This show" at its smallest: its header and this many whole rows.
TIMELINE_ROWS = 2
#: A row as tall as any the timeline draws: its times, and a finding's name in Chinese in an English window (drawn in a
#: fallback font, taller than the tree's own; not shown, only measured).
ROW_PROBE = "Ag 19:15:35 渲染延迟"
#: The space between a figure and its unit in a finding or remedy as the dock draws it ("93 %", "225 kbit/s", "3 s",
#: "−50 dBFS", "12.4 GB"): a no-break space keeps them on one line (fix25l saw "拥塞 93" / "%" at 1366×768 in
#: Chinese). Only the drawn line changes: the finding's message, its alert and its records keep their plain space.
_UNIT_SPACE = re.compile(r"(?<=\d) (?=(?:%|kbit/s|kb/s|Mbit/s|fps|ms|dBFS|dB|GB|MB|KB|s|min|h|px|°C)(?![\w/]))")


def unbroken(text: str) -> str:
    """`text` as the dock lays it out: each figure kept on one line with its unit (U+00A0 between them)."""
    return _UNIT_SPACE.sub("\u00a0", text)


SEVERITY_WORDS = {
    "info": QT_TRANSLATE_NOOP("Health", "info"),
    "warning": QT_TRANSLATE_NOOP("Health", "warning"),
    "critical": QT_TRANSLATE_NOOP("Health", "critical"),
}


def _health(text: str) -> str:
    return QCoreApplication.translate("Health", text)


def finding_text(finding: Finding) -> str:
    """The finding's message with its evidence, in the user's language: an open one's as this second says it, a
    closed one's as the records say it (its figures are those of the second it closed: "… now", "… in the last 10 s"
    of a finding closed an hour ago, or before the console was restarted, would be false)."""
    if finding.active:
        return finding.explain(_health(finding.template))
    return finding.explain(_health(as_recorded(finding.template, finding.fields.get("ended"))))


class EvenRows(QStyledItemDelegate):
    """Every row of the tree as tall as one with a Chinese name in it (`row_height`), so that its height in whole rows
    (whole_rows_height) is whole rows whatever they say: the rows in the tree's own font alone were shorter, and the
    list measured for two of them drew a sliver of a third."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree
        self._probe = QStandardItemModel(1, 1, self)
        self._probe.setItem(0, 0, QStandardItem(ROW_PROBE))

    def row_height(self) -> int:
        """ROW_PROBE's row measured as the style draws it: its text laid out in every font it falls back to
        (QFontMetrics of the tree's font alone measured a Chinese name in an English line short)."""
        option = QStyleOptionViewItem()
        option.initFrom(self._tree)
        option.font = self._tree.font()
        return super().sizeHint(option, self._probe.index(0, 0)).height()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), self.row_height()))


def whole_rows_height(tree: QTreeWidget, rows: int) -> int:
    """The height `tree` takes to show its header and `rows` whole rows (and its scroll bar across, if shown)."""
    delegate = tree.itemDelegate()
    row = delegate.row_height() if isinstance(delegate, EvenRows) else QFontMetrics(tree.font()).height()
    height = 2 * tree.frameWidth() + rows * row
    if not tree.isHeaderHidden():
        height += tree.header().sizeHint().height()
    if tree.horizontalScrollBar().isVisible():
        height += tree.horizontalScrollBar().sizeHint().height()
    return height


class WrappedLines(QStyledItemDelegate):
    """Each finding and remedy line wrapped onto as many rows as the tree's width needs, never elided (walk24p: at
    1366×768 in Chinese the dock said "测量尚…" and "降到约 1040 kbit/s …", the rest only in a tooltip).

    A tree view measures its rows without their width (QTreeView asks the delegate with an invalid rectangle, so a
    wrapped line is measured as one line and drawn elided): the delegate measures at the width the line is drawn in,
    the column less the indentation of the row's depth, and has the rows measured again as that width changes."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree
        self._width = -1
        tree.header().sectionResized.connect(self._on_section_resized)

    def line_width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """The width the line at `index` is drawn in: its column, less the branch indentation of its depth."""
        depth = 1 if self._tree.rootIsDecorated() else 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        return self._tree.columnWidth(index.column()) - depth * self._tree.indentation()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = self.line_width(index)
        if width <= 0:  # not laid out yet
            return super().sizeHint(option, index)
        measured = QStyleOptionViewItem(option)
        measured.rect.setRect(0, 0, width, 1 << 20)  # a valid rectangle of the drawn width: the text wraps in it
        hint = super().sizeHint(measured, index)
        # The style draws the text a little inside the row and drops a last line that does not fit wholly: a line
        # with a Chinese name in an English sentence (“麦克风”, a fallback font of fractional height) measured 29 px
        # for two lines and was drawn as one, cut "viewers …", at 1920×1080 (fix25g).
        return QSize(hint.width(), hint.height() + 2 * LINE_SLACK)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.text = unbroken(option.text)  # measured and drawn alike: "93 %" never split over two lines

    @Slot(int, int, int)
    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if column == 0 and new != self._width:
            self._width = new
            self.sizeHintChanged.emit(QModelIndex())  # the view lays its rows out again, at the new width


class FindingsTree(QTreeWidget):
    """The open findings' list. A row whose every row under it is hidden — the lead finding's advice given way for
    want of room (HealthPanel._fit_advice) — draws the closed-branch arrow a closed further finding ("Also: …")
    draws: a click opens it, and the arrow says so (fix26e: at 1366×768 with six findings nothing did)."""

    def drawBranches(self, painter: QPainter, rect: QRect, index: QModelIndex | QPersistentModelIndex) -> None:
        super().drawBranches(painter, rect, index)
        item = self.itemFromIndex(index)
        if item is None or not item.isExpanded() or not held_entirely(item):
            return
        # QStyle's Python type is made with its enums (~5 ms) when first imported: not at every start-up
        # (tests/gui/test_start_lazy_modules.py), only once a lead's advice has given way.
        from PySide6.QtWidgets import QStyle, QStyleOption

        option = QStyleOption()
        option.initFrom(self)
        # Where QTreeView draws a row's own indicator: the indentation's width left of the row.
        option.rect = QRect(rect.right() + 1 - self.indentation(), rect.top(), self.indentation(), rect.height())
        option.state |= QStyle.StateFlag.State_Item | QStyle.StateFlag.State_Children
        if self.itemBelow(item) is not None:
            option.state |= QStyle.StateFlag.State_Sibling
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorBranch, option, painter, self)


def held_entirely(row: QTreeWidgetItem) -> bool:
    """Whether the row has rows under it and all of them are hidden."""
    children = [row.child(i) for i in range(row.childCount())]
    return bool(children) and all(child is None or child.isHidden() for child in children)


class HealthPanel(QWidget):
    sig_checklist_requested = Signal(str)  # a troubleshooting checklist's template id

    def __init__(self, controller: TelemetryPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.lights: dict[str, QLabel] = {}
        # Four lights a row, the sound switch beside the second row's three: one row of seven and the switch made the
        # dock 680 px wide, more than a laptop's Technician column; a row of its own under them took a line the open
        # findings need on a 1366×768 laptop (fix25g).
        lights = QGridLayout()
        lights.setHorizontalSpacing(14)
        for index, category in enumerate(CATEGORIES):
            light = QLabel()
            light.setTextFormat(Qt.TextFormat.RichText)
            self.lights[category] = light
            lights.addWidget(light, index // 4, index % 4)
        lights.setColumnStretch(4, 1)
        self.sound = QCheckBox(self.tr("Sound on critical"))
        last = len(CATEGORIES) - 1
        lights.addWidget(self.sound, last // 4, last % 4 + 1, 1, 4 - last % 4)  # the rest of the last lights' row
        self.all_clear = QLabel(self.tr("No problems found."))
        self.all_clear.setStyleSheet("color: #2fae4f;")
        self.active = FindingsTree()
        self.active.setHeaderHidden(True)
        self.active.setWordWrap(True)
        self.active.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.active.setItemDelegate(WrappedLines(self.active))
        self.active.setRootIsDecorated(True)
        self.active.setSelectionMode(QTreeWidget.SelectionMode.SingleSelection)
        self.active.setMinimumHeight(48)
        self.active.itemSelectionChanged.connect(self._on_active_selection_changed)
        # A further finding is one "Also: …" line; a click on it says it whole with what to do (a double click too
        # would open and close it again).
        self.active.setExpandsOnDoubleClick(False)
        self.active.itemClicked.connect(self._on_active_item_clicked)
        self.timeline = QTreeWidget()
        self._timeline_rows = EvenRows(self.timeline)
        self.timeline.setItemDelegate(self._timeline_rows)
        self.timeline.setColumnCount(4)
        self.timeline.setHeaderLabels([self.tr("From"), self.tr("Until"), self.tr("Severity"), self.tr("Finding")])
        self.timeline.setRootIsDecorated(False)
        header = self.timeline.header()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.all_clear)
        upper_layout.addWidget(self.active, 1)
        # Under the list where its rows do not all fit the dock in whole rows: how many findings are below its foot
        # (fix25l: five findings at 1366×768 in Chinese drew the last one cut, the rest needing a scroll).
        self.beyond = QLabel()
        self.beyond.setStyleSheet(f"color: {UNKNOWN_COLOUR};")
        # As tall as its words: taller, it took what the whole rows left over, its words centred in it under a blank
        # gap (fix26e); that space goes under the buttons (the stretch below).
        self.beyond.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.beyond.hide()
        upper_layout.addWidget(self.beyond)
        self.active.verticalScrollBar().valueChanged.connect(self._count_beyond)
        self.checklist_button = QPushButton(self.tr("Troubleshooting checklist"))
        self.checklist_button.setToolTip(self.tr("Open the short checklist for the selected (or worst) finding"))
        self.checklist_button.clicked.connect(self._on_checklist_button_clicked)
        self.unmute_button = QPushButton()
        self.unmute_button.setStyleSheet("background: #b3261e; color: white; font-weight: 600;")
        self.unmute_button.clicked.connect(self._on_unmute_button_clicked)
        actions = QHBoxLayout()
        actions.addWidget(self.unmute_button)
        actions.addWidget(self.checklist_button)
        actions.addStretch(1)
        upper_layout.addLayout(actions)
        upper_layout.addStretch(0)  # what the list's whole rows leave over (only the list stretches before it does)
        self._upper, self._actions = upper, actions
        self.active.itemExpanded.connect(self._on_active_item_toggled)
        self.active.itemCollapsed.connect(self._on_active_item_toggled)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(QLabel(self.tr("This show")))
        lower_layout.addWidget(self.timeline, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([300, 140])
        self._split, self._lower = split, lower
        # A short dock gives its room to what is wrong now, not to the history: but no more than what is wrong now
        # takes (_fit_upper). Its blank space (all of it while nothing was wrong) left this show's findings two rows
        # on a 1366×768 laptop in Chinese.
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(lights)
        layout.addWidget(split, 1)
        self._shown_keys: list[str] = []
        self._shown: list[Finding] = []  # the open findings as last drawn, in the rows' order
        self._advice_open: set[str] = set()  # lead findings whose every remedy was asked for (the "more" row)
        self._further_whole = True  # the further findings said whole (a dock with the room for it: _fit_further)
        self._timeline_keys: list[tuple[str, str, bool]] = []
        self._fit_timeline()
        self._judged_shown: tuple[bool, bool] | None = None
        controller.sig_findings_changed.connect(self._on_controller_findings_changed)
        controller.sig_sampled.connect(self._on_controller_sampled)
        controller.bridge.sig_status_changed.connect(self._on_link_status_changed)
        self.refresh()

    def _fit_timeline(self) -> None:
        """This show's findings at their smallest show whole rows: at 48 px the third of them was drawn cut in half
        (Technician at 1440×900, where the open findings take the rest of the dock)."""
        height = whole_rows_height(self.timeline, TIMELINE_ROWS)
        if self.timeline.minimumHeight() != height:
            self.timeline.setMinimumHeight(height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_timeline()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    @Slot(object)
    def _on_controller_findings_changed(self, changes: object) -> None:
        self.refresh()

    @Slot()
    def _on_controller_sampled(self) -> None:
        # The evidence of open findings moves every second; the lights follow what is judged at all.
        if self.isVisible() and (self._shown_keys or self.judged() != self._judged_shown):
            self.refresh()

    @Slot(object)
    def _on_link_status_changed(self, _status: object) -> None:
        if self.isVisible():
            self.refresh()

    def judged(self) -> tuple[bool, bool]:
        """Whether the room is judged at all (OBS connected, a second sampled), and its System too (the CPU of the
        computer OBS runs on measured: not when OBS runs on another computer)."""
        telemetry = self.controller.telemetry
        known = self.controller.bridge.tracker.status.state is LinkState.CONNECTED and telemetry.latest is not None
        return known, known and telemetry.value("cpu_system_pct") is not None

    # ------------------------------------------------------------------ drawing
    def refresh(self) -> None:
        engine = self.controller.health
        levels = engine.levels()
        known, machine_known = self._judged_shown = self.judged()
        shown = category_lights({str(c): levels[c] for c in self.lights}, known, machine_known)
        for category, light in self.lights.items():
            level = levels[category]
            unknown = shown[str(category)] is Light.UNKNOWN
            colour = UNKNOWN_COLOUR if unknown else SEVERITY_COLOURS[level]
            light.setText(f'<span style="color:{colour}">●</span> {_health(CATEGORY_NAMES[category])}')
            if unknown:
                light.setToolTip(
                    self.tr("Not known: OBS is not connected.")
                    if not known
                    else self.tr("Not known: the CPU of the computer OBS runs on is not measured here.")
                )
            else:
                light.setToolTip(_health(SEVERITY_WORDS[level]) if level else "")
        active = engine.active()
        self.all_clear.setText(
            self.tr("No problems found.") if known else self.tr("Nothing judged: OBS is not connected.")
        )
        style = f"color: {SEVERITY_COLOURS[None] if known else UNKNOWN_COLOUR};"
        if self.all_clear.styleSheet() != style:  # a style set again is a restyle, every second while findings show
            self.all_clear.setStyleSheet(style)
        self.all_clear.setVisible(not active)
        self.active.setVisible(bool(active))
        self.checklist_button.setVisible(bool(active))
        self._on_active_selection_changed()
        muted = self.muted_microphones()
        self.unmute_button.setVisible(bool(muted))
        if muted:
            self.unmute_button.setText(self.tr("Unmute “%1”").replace("%1", "”, “".join(muted)))
        keys = [f.key for f in active]
        self._shown = active
        self._advice_open &= set(keys)
        if keys != self._shown_keys:
            self._shown_keys = keys
            self.active.clear()
            for index, _finding in enumerate(active):
                item = QTreeWidgetItem(self.active)
                # The worst finding shows what to do; the others list under it, a line each (click to see theirs).
                item.setExpanded(index == 0)
        for index, finding in enumerate(active):
            row = self.active.topLevelItem(index)
            if row is not None:
                self._show_finding(row, finding, compact=self._compact(row))
        self._refresh_timeline(engine.timeline())
        self._fit_upper()

    def _row_height(self, item: QTreeWidgetItem) -> int:
        """A row's height wrapped at the width it is drawn in (WrappedLines), laid out yet or not."""
        return self.active.sizeHintForIndex(self.active.indexFromItem(item)).height()

    def _fit_advice(self, budget: int | None) -> None:
        """The lead finding's remedies, as many as leave every further finding's line in sight in `budget` pixels
        of rows (None: no limit known), the rest said by a "more" row that a click opens: at 1366×768 in Chinese
        the lead's four remedies, wrapped, pushed the second finding out of the list's sight (fix25g)."""
        lead = self.active.topLevelItem(0)
        if lead is None:
            return
        children = [child for child in (lead.child(i) for i in range(lead.childCount())) if child is not None]
        remedies = [child for child in children if not child.data(0, MORE)]
        more = next((child for child in children if child.data(0, MORE)), None)
        opened = bool(self._shown) and self._shown[0].key in self._advice_open
        shown = len(remedies)
        said = True  # the "more" row under the shown remedies, where some are not
        if budget is not None:
            self._set_further_whole(False)  # measured as a line each; said whole after, where there is room
        if budget is not None and lead.isExpanded() and not opened:
            room = budget - self._row_height(lead) - self._further_height(lead)
            if sum(self._row_height(r) for r in remedies) > room:
                if more is None:
                    more = QTreeWidgetItem(lead)
                    more.setData(0, MORE, True)
                    more.setForeground(0, QColor(UNKNOWN_COLOUR))
                shown = self._remedies_in_room(remedies, more, room)
                # No room even for the "more" row: it gives way too, so that every finding's line is drawn whole
                # (fix25l: five findings at 1366×768 in Chinese drew the last "另有：…" cut at the list's foot). A
                # click on the lead then says its advice (_on_active_item_clicked).
                said = shown > 0 or self._row_height(more) <= room
        for index, remedy in enumerate(remedies):
            if remedy.isHidden() != (index >= shown):
                remedy.setHidden(index >= shown)
        hidden = shown == len(remedies) or not said
        if more is not None and more.isHidden() != hidden:
            more.setHidden(hidden)
        if budget is not None and shown == len(remedies):
            advice = sum(self._row_height(r) for r in remedies) if lead.isExpanded() else 0
            self._fit_further(budget - self._row_height(lead) - advice - self._further_height(lead))

    def _hint_advice(self) -> None:
        """The lead's advice given way entirely: its arrow (FindingsTree) and its tooltip say a click opens it."""
        lead = self.active.topLevelItem(0)
        if lead is not None:
            hint = self.tr("Click to see what to do") if lead.isExpanded() and held_entirely(lead) else ""
            if lead.toolTip(0) != hint:
                lead.setToolTip(0, hint)

    def _compact(self, row: QTreeWidgetItem) -> bool:
        """Whether the finding's row says its headline only: a further finding, closed, where the dock is short."""
        return self.active.indexOfTopLevelItem(row) > 0 and not row.isExpanded() and not self._further_whole

    def _set_further_whole(self, whole: bool) -> None:
        self._further_whole = whole
        for index, finding in enumerate(self._shown[1:], start=1):
            row = self.active.topLevelItem(index)
            if row is not None:
                self._show_finding(row, finding, compact=self._compact(row))

    def _fit_further(self, room: int) -> None:
        """The further findings said whole where the dock has `room` (pixels) for it beside the lead's whole advice
        (at 1920×1080), else a line each: all of them one way, not some of each."""
        closed = [row for row in (self.active.topLevelItem(i) for i in range(1, len(self._shown))) if row]
        closed = [row for row in closed if not row.isExpanded()]
        if not closed:
            return
        lines = sum(self._row_height(row) for row in closed)
        self._set_further_whole(True)
        if sum(self._row_height(row) for row in closed) - lines > room:
            self._set_further_whole(False)

    def _further_height(self, lead: QTreeWidgetItem) -> int:
        """The rows of the further findings: a line each, or opened by a click."""
        height = 0
        item = self.active.itemBelow(lead)
        while item is not None:
            if item.parent() is not lead:  # not the lead's advice
                height += self._row_height(item)
            item = self.active.itemBelow(item)
        return height

    def _remedies_in_room(self, remedies: list[QTreeWidgetItem], more: QTreeWidgetItem, room: int) -> int:
        """How many of the remedies fit in `room` pixels with the "more" row under them (which says the rest)."""
        shown, used = 0, 0
        for remedy in remedies:
            more.setText(0, self.tr("→ %1 more to do (click to see)").replace("%1", str(len(remedies) - shown - 1)))
            if used + self._row_height(remedy) + self._row_height(more) > room:
                break
            used += self._row_height(remedy)
            shown += 1
        more.setText(0, self.tr("→ %1 more to do (click to see)").replace("%1", str(len(remedies) - shown)))
        return shown

    def _fit_active(self, budget: int | None, frame: int, spacing: int) -> list[int]:
        """The open findings' list fitted in `budget` pixels of rows (None: no limit known): the lead's advice gives
        way first (_fit_advice); where not even each finding's line fits, whole rows and the line that counts the
        rest under them. The heights they take in the dock."""
        self._fit_advice(budget)
        self._hint_advice()
        heights = []
        item = self.active.topLevelItem(0)
        while item is not None:
            heights.append(self._row_height(item))
            item = self.active.itemBelow(item)
        rows = sum(heights)
        if budget is None or rows <= budget:
            self._set_beyond_shown(False)
            self.active.setMaximumHeight(NO_LIMIT)
            return [max(self.active.minimumHeight(), rows + frame)]
        # Whole rows only: as many as fit above the line that counts the rest, the list as tall as they are. The
        # line is measured with its words in (a Chinese line is drawn in a taller fallback font than an empty one).
        self.beyond.setText(self.tr("and %1 more — scroll").replace("%1", str(len(self._shown))))
        self.beyond.setMinimumHeight(self.beyond.sizeHint().height())
        room_for_rows, rows = budget - self.beyond.minimumHeight() - spacing, 0
        for height in heights:
            if rows + height > room_for_rows:
                break
            rows += height
        # Its foot at the last whole row's: the frame's slack would show a sliver of the next (fix25l). Set before
        # the line counts the rows below that foot: counted at the foot before, it said none (an empty line) after
        # the dock was made shorter (fix26e).
        self.active.setMaximumHeight(max(self.active.minimumHeight(), rows + 2 * self.active.frameWidth()))
        self._set_beyond_shown(True)
        return [max(self.active.minimumHeight(), rows + frame), self.beyond.minimumHeight()]

    @Slot()
    def _fit_upper(self) -> None:
        """The open findings' part of the dock is never taller than what it shows (the verdict, or every finding row
        and remedy in sight, and the buttons): the rest of the dock goes to this show's findings. Where the dock is
        too short for all of it, every finding's line stays in sight and the lead's advice gives way (_fit_advice)."""
        layout = self._upper.layout()
        spacing = layout.spacing() if layout is not None else 0
        parts: list[int] = []
        if not self.all_clear.isHidden():
            parts.append(self.all_clear.sizeHint().height())
        if not (self.unmute_button.isHidden() and self.checklist_button.isHidden()):
            parts.append(self._actions.sizeHint().height())
        sizes = self._split.sizes()
        total = sum(sizes)
        room = max(0, total - self._lower.minimumSizeHint().height()) if total > 0 else None
        if not self.active.isHidden():
            frame = 2 * self.active.frameWidth() + 2
            others = sum(parts) + spacing * len(parts)
            budget = None if room is None else room - others - frame
            parts.extend(self._fit_active(budget, frame, spacing))
        else:
            self._set_beyond_shown(False)
        height = sum(parts) + spacing * max(0, len(parts) - 1)
        if room is not None and height < room:
            # This show's findings take the rest in whole rows (its smallest is whole rows): the part of a row left
            # over stays blank under what is wrong now, not a row drawn cut in half at the list's foot (fix25l).
            height += (room - height) % max(1, self._timeline_rows.row_height())
        if self._upper.maximumHeight() != height:
            self._upper.setMaximumHeight(height)
        # What is wrong now takes the room it needs (the splitter hands a part room only as the dock is resized,
        # and then by the parts' stretch): as much as the show's findings leave, at their smallest.
        if room is not None and sizes[0] != min(height, room):
            upper = min(height, room)
            self._split.setSizes([upper, total - upper])

    def _set_beyond_shown(self, shown: bool) -> None:
        if self.beyond.isHidden() == shown:
            self.beyond.setVisible(shown)
        if shown:
            self._count_beyond()

    @Slot()
    def _count_beyond(self) -> None:
        """How many open findings' lines are below the list's foot, where the dock has no room for all of them."""
        if self.beyond.isHidden():
            return
        foot = self.active.maximumHeight() - 2 * self.active.frameWidth()
        below = 0
        for index in range(self.active.topLevelItemCount()):
            row = self.active.topLevelItem(index)
            if row is not None and self.active.visualItemRect(row).bottom() >= foot:
                below += 1
        self.beyond.setText(self.tr("and %1 more — scroll").replace("%1", str(below)) if below else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_timeline()  # its scroll bar across comes and goes with the dock's width
        self._fit_upper()  # a narrower dock wraps the findings' lines onto more rows

    @Slot(QTreeWidgetItem, int)
    def _on_active_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        index = self.active.indexOfTopLevelItem(item)
        if index > 0:  # a further finding: opened or closed again
            item.setExpanded(not item.isExpanded())
        elif (item.data(0, MORE) or (index == 0 and self._advice_held(item))) and self._shown:
            # The lead's advice, all of it (the list scrolls to the rest): by its "more" row, or by the lead's own
            # line where the dock had no room even for that row.
            self._advice_open.add(self._shown[0].key)
            self._fit_upper()

    @staticmethod
    def _advice_held(lead: QTreeWidgetItem) -> bool:
        """Whether some of the lead's remedies are not shown (for want of room)."""
        children = (lead.child(i) for i in range(lead.childCount()))
        return any(child is not None and not child.data(0, MORE) and child.isHidden() for child in children)

    @Slot(QTreeWidgetItem)
    def _on_active_item_toggled(self, item: QTreeWidgetItem) -> None:
        index = self.active.indexOfTopLevelItem(item)
        if 0 <= index < len(self._shown):
            self._show_finding(item, self._shown[index], compact=self._compact(item))
        self._fit_upper()

    def _show_finding(self, row: QTreeWidgetItem, finding: Finding, compact: bool = False) -> None:
        """One open finding's line and its remedies as they are this second: both follow the figures (walk13: the
        remedies drawn when the row appeared said "OBS itself uses most of the CPU" beside "OBS 7 %, other programs
        93 %" for as long as the finding stayed open). `compact`: a further finding, closed, says its headline only
        ("Also: [critical] CPU saturated"), one line: beside a lead finding wrapped over three lines with its advice,
        a second one said whole was half out of sight at 1366×768 in Chinese (fix25g)."""
        severity = _health(SEVERITY_WORDS[finding.severity])
        if compact:
            text = self.tr("Also: %1").replace("%1", f"[{severity}] {_health(title(finding.id, finding.fields))}")
        else:
            text = f"[{severity}] {finding_text(finding)}"
        if row.text(0) != text:
            row.setText(0, text)  # whole, wrapped (WrappedLines): no tooltip to say it again, a second late
            row.setForeground(0, QColor(SEVERITY_COLOURS[finding.severity]))
        remedies = ["→ " + remedy for remedy in finding.advice(_health)]
        children = [child for child in (row.child(i) for i in range(row.childCount())) if child is not None]
        children = [child for child in children if not child.data(0, MORE)]
        if [child.data(0, REMEDY) for child in children] == list(finding.remedies):
            # The same remedies with this second's figures ("at most about 225 kbit/s" while the network drops
            # frames): said in place, so a remedy the user selected stays selected and the list does not flicker.
            for child, remedy in zip(children, remedies, strict=True):
                if child.text(0) != remedy:
                    child.setText(0, remedy)
            return
        expanded = row.isExpanded()
        row.takeChildren()  # handed to Python, dropped with the list
        for template, remedy in zip(finding.remedies, remedies, strict=True):
            QTreeWidgetItem(row, [remedy]).setData(0, REMEDY, template)
        row.setExpanded(expanded)

    def _refresh_timeline(self, findings: list[Finding]) -> None:
        keys = [(f.key, f.severity, f.active) for f in findings]
        if keys == self._timeline_keys:
            return
        self._timeline_keys = keys
        self.timeline.clear()
        for finding in reversed(findings):  # newest first
            until = (
                self.tr("now") if finding.active else datetime.fromtimestamp(finding.until_wall).strftime("%H:%M:%S")
            )
            item = QTreeWidgetItem(
                self.timeline,
                [
                    datetime.fromtimestamp(finding.first_seen_wall).strftime("%H:%M:%S"),
                    until,
                    _health(SEVERITY_WORDS[finding.peak]),
                    _health(title(finding.id, finding.fields)),
                ],
            )
            item.setForeground(2, QColor(SEVERITY_COLOURS[finding.peak]))
            if not finding.active:
                # Its message as it closed. An open one's is above, whole, with this second's figures: a tooltip
                # drawn when the row was would keep a figure the finding no longer says (walk24p).
                item.setToolTip(3, finding_text(finding))
        self._fit_timeline()

    def checklist_for_selection(self) -> str | None:
        """The troubleshooting checklist of the selected finding, else of the worst one."""
        active = self.controller.health.active()
        if not active:
            return None
        item = self.active.currentItem()
        index = 0
        if item is not None:
            top = item.parent() or item
            index = max(0, self.active.indexOfTopLevelItem(top))
        finding = active[min(index, len(active) - 1)]
        return TROUBLESHOOTING.get(finding.id)

    def muted_microphones(self) -> list[str]:
        """The inputs an open "microphone muted" finding names (what the Unmute button unmutes)."""
        finding = next((f for f in self.controller.health.active() if f.id == "mic_muted"), None)
        names = finding.fields.get("names", []) if finding else []
        return [str(n) for n in names] if isinstance(names, list) else []

    @Slot()
    def _on_active_selection_changed(self) -> None:
        # Not every finding has a troubleshooting checklist (the audio ones have a button of their own).
        self.checklist_button.setEnabled(self.checklist_for_selection() is not None)

    @Slot()
    def _on_unmute_button_clicked(self) -> None:
        for name in self.muted_microphones():
            self.controller.bridge.send(SetInputMute(name, False))

    @Slot()
    def _on_checklist_button_clicked(self) -> None:
        template = self.checklist_for_selection()
        if template:
            self.sig_checklist_requested.emit(template)

    # ------------------------------------------------------------------ for tests and reports
    def remedy_texts(self, index: int) -> list[str]:
        """The remedies under the open finding at `index` (0: the one the dock leads with), those a short dock keeps
        behind its "more" row too."""
        row = self.active.topLevelItem(index)
        if row is None:
            return []
        children = (row.child(i) for i in range(row.childCount()))
        return [child.text(0) for child in children if child is not None and not child.data(0, MORE)]

    def active_texts(self) -> list[str]:
        items = (self.active.topLevelItem(i) for i in range(self.active.topLevelItemCount()))
        return [item.text(0) for item in items if item is not None]

    def timeline_rows(self) -> list[list[str]]:
        items = (self.timeline.topLevelItem(i) for i in range(self.timeline.topLevelItemCount()))
        return [[item.text(c) for c in range(4)] for item in items if item is not None]
