"""The Rundown dock's editor of the selected segment: title, length, fixed start, scene, colour, product (name,
price, SKU), talking points for the host and cues for the assistant (several lines each).

A field is taken when it is left (or Enter in a one-line field, a choice in a list); what it makes is asked of
the dock as a new segment (sig_edit_requested), which makes it one undo step and saves it. What cannot be taken
(a price that is not a number) is said (sig_refused) and the field shows what is stored again."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import time
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from console.core.rundown.durations import format_duration
from console.core.rundown.model import COLOURS, MAX_TEXT, MAX_TITLE, Product, Segment, price_text
from widgets.rundown_table import COLOUR_NAMES, WARNING, colour_icon, length_problem, title_problem


def _translate(text: str) -> str:
    return QCoreApplication.translate("RundownTable", text)


_FIXED = re.compile(r"(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?")


def fit_hint(edit: QLineEdit) -> None:
    """The field is never narrower than its grey hint: the layout gives it room for the whole of it in any language
    (the hints are the only help an empty field gives)."""
    margins = edit.textMargins()
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    # QLineEdit keeps 2 px either side of its text inside its frame (QLineEditPrivate::horizontalMargin).
    # The exact (fractional) advance, rounded up: at the rounded-down width Qt elides the hint's last letters.
    text = math.ceil(QFontMetricsF(edit.font()).horizontalAdvance(edit.placeholderText())) + 1
    edit.setMinimumWidth(text + margins.left() + margins.right() + 2 * 2 + 2 * frame)


def fit_item(combo: QComboBox, text: str) -> None:
    """The list is never narrower than this item's text (as QComboBox sizes itself for its contents)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    metrics = combo.fontMetrics()
    contents = QSize(math.ceil(QFontMetricsF(combo.font()).horizontalAdvance(text)) + 1, metrics.height())
    size = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, contents, combo)
    combo.setMinimumWidth(size.width())


class SegmentEditor(QWidget):
    """The fields of one segment (none selected: all disabled)."""

    #: (the segment as edited, what was changed in words)
    sig_edit_requested = Signal(object, str)
    sig_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segment: Segment | None = None
        self.scenes: tuple[str, ...] = ()
        self.title = QLineEdit()
        self.title.setMaxLength(MAX_TITLE)
        self.length = QLineEdit()
        self.length.setPlaceholderText(self.tr("5 min, 5:30, 300 s"))
        self.fixed_start = QLineEdit()
        self.fixed_start.setPlaceholderText(self.tr("hh:mm (optional)"))
        self.fixed_start.setToolTip(self.tr("A wall-clock start: the segment starts then, whatever came before"))
        self.scene = QComboBox()
        self.scene.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scene.setMinimumContentsLength(10)
        #: What the scene list says for a segment that switches no scene (and with no segment selected).
        self.stay_text = self.tr("— stay on the program scene")
        fit_item(self.scene, self.stay_text)
        self.colour = QComboBox()
        for colour, name in zip(COLOURS, COLOUR_NAMES, strict=True):
            self.colour.addItem(colour_icon(colour), _translate(name), colour)
        self.product = QLineEdit()
        self.product.setPlaceholderText(self.tr("Product name"))
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("¥ price"))
        self.sku = QLineEdit()
        self.sku.setPlaceholderText(self.tr("SKU"))
        for line in (self.length, self.fixed_start, self.product, self.price, self.sku):
            fit_hint(line)
        self.talking_points = QPlainTextEdit()
        self.talking_points.setPlaceholderText(self.tr("For the host (shown on the talent screen)"))
        self.cues = QPlainTextEdit()
        self.cues.setPlaceholderText(self.tr("For the assistant (never on the talent screen)"))
        for edit in (self.talking_points, self.cues):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(self.fontMetrics().height() * 3 + 12)
            edit.installEventFilter(self)
        timing = QHBoxLayout()
        timing.addWidget(self.length, 1)
        timing.addWidget(self.fixed_start, 1)
        # The scene on a row of its own: beside the colour its list was cut to "— stay on the pr" in English, the
        # hint of every segment that switches no scene. The colour keeps the width of its names.
        look = QHBoxLayout()
        look.addWidget(self.colour)
        look.addStretch(1)
        # The name on a row of its own: beside the price and the SKU it was cut to "Prod…" in a laptop's dock.
        price_sku = QHBoxLayout()
        price_sku.addWidget(self.price, 1)
        price_sku.addWidget(self.sku, 1)
        form = QFormLayout(self)
        form.setContentsMargins(4, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Length"), timing)
        form.addRow(self.tr("Scene"), self.scene)
        form.addRow(self.tr("Colour"), look)
        form.addRow(self.tr("Product"), self.product)
        form.addRow(self.tr("Price · SKU"), price_sku)
        form.addRow(self.tr("Talking points"), self.talking_points)
        form.addRow(self.tr("Cues"), self.cues)
        self.title.editingFinished.connect(self._on_title_edited)
        self.length.editingFinished.connect(self._on_length_edited)
        self.fixed_start.editingFinished.connect(self._on_fixed_start_edited)
        self.scene.activated.connect(self._on_scene_activated)
        self.colour.activated.connect(self._on_colour_activated)
        for line in (self.product, self.price, self.sku):
            line.editingFinished.connect(self._on_product_edited)
        self.show_segment(None)

    # ------------------------------------------------------------------ showing
    def show_segment(self, segment: Segment | None, scenes: tuple[str, ...] | None = None) -> None:
        """Fill the fields (a field being typed in keeps its text when the same segment comes back unchanged)."""
        if scenes is not None:
            self.scenes = scenes
        same = segment is not None and self.segment is not None and segment == self.segment
        self.segment = segment
        for widget in self._fields():
            widget.setEnabled(segment is not None)
        if same and scenes is None:
            return
        shown = segment or Segment("")
        self._set_text(self.title, shown.title)
        self._set_text(self.length, format_duration(shown.planned_s) if shown.planned_s is not None else "")
        start = shown.fixed_start
        self._set_text(self.fixed_start, start.strftime("%H:%M:%S" if start.second else "%H:%M") if start else "")
        self._fill_scenes(shown.scene)
        self.colour.setCurrentIndex(max(self.colour.findData(shown.colour), 0))
        product = shown.product
        self._set_text(self.product, product.name if product else "")
        self._set_text(self.price, price_text(product.price) if product and product.price is not None else "")
        self._set_text(self.sku, product.sku if product else "")
        for edit, text in ((self.talking_points, shown.talking_points), (self.cues, shown.cues)):
            if edit.toPlainText() != text:
                edit.setPlainText(text)

    def _fields(self) -> tuple[QWidget, ...]:
        return (
            self.title,
            self.length,
            self.fixed_start,
            self.scene,
            self.colour,
            self.product,
            self.price,
            self.sku,
            self.talking_points,
            self.cues,
        )

    @staticmethod
    def _set_text(edit: QLineEdit, text: str) -> None:
        if edit.text() != text:
            edit.setText(text)

    def _fill_scenes(self, current: str) -> None:
        self.scene.clear()
        self.scene.addItem(self.stay_text, "")
        if current and current not in self.scenes:
            self.scene.addItem(f"{WARNING} {current}" if self.scenes else current, current)
            if self.scenes:
                self.scene.setItemData(
                    1,
                    self.tr("“%1” is not a scene in this room's OBS").replace("%1", current),
                    Qt.ItemDataRole.ToolTipRole,
                )
        for scene in self.scenes:
            self.scene.addItem(scene, scene)
        self.scene.setCurrentIndex(max(self.scene.findData(current), 0))

    # ------------------------------------------------------------------ taking a field
    def _ask(self, edited: Segment, what: str) -> None:
        if self.segment is not None and edited != self.segment:
            self.sig_edit_requested.emit(edited, what)

    def _refuse(self, text: str) -> None:
        self.sig_refused.emit(text)
        self.show_segment(self.segment, self.scenes)  # the field shows what is stored again

    def _on_title_edited(self) -> None:
        if self.segment is None or self.title.text().strip() == self.segment.title:
            return
        problem = title_problem(self.title.text())
        if problem:
            self._refuse(problem)
            return
        self._ask(replace(self.segment, title=self.title.text().strip()), self.tr("Rename segment"))

    def _on_length_edited(self) -> None:
        segment = self.segment
        if segment is None:
            return
        shown = format_duration(segment.planned_s) if segment.planned_s is not None else ""
        if self.length.text().strip() == shown:
            return
        seconds, problem = length_problem(self.length.text(), segment.fixed_start is not None)
        if problem:
            self._refuse(problem)
            return
        self._ask(replace(segment, planned_s=seconds), self.tr("Change length"))

    def _on_fixed_start_edited(self) -> None:
        segment = self.segment
        if segment is None:
            return
        text = self.fixed_start.text().strip()
        start: time | None = None
        if text:
            match = _FIXED.fullmatch(text)
            hour, minute, second = (int(g or 0) for g in match.groups()) if match else (99, 0, 0)
            if hour > 23 or minute > 59 or second > 59:
                self._refuse(self.tr("“%1” is not a time of day: type it as 20:30.").replace("%1", text))
                return
            start = time(hour, minute, second)
        elif segment.planned_s is None:
            self._refuse(self.tr("A segment needs a length (or a fixed start): type 5分, 5:30 or 1小时."))
            return
        if start != segment.fixed_start:
            self._ask(replace(segment, fixed_start=start), self.tr("Change fixed start"))

    def _on_scene_activated(self, _index: int) -> None:
        if self.segment is not None:
            self._ask(replace(self.segment, scene=str(self.scene.currentData() or "")), self.tr("Change scene"))

    def _on_colour_activated(self, _index: int) -> None:
        if self.segment is not None:
            self._ask(replace(self.segment, colour=str(self.colour.currentData() or "")), self.tr("Change colour"))

    def _on_product_edited(self) -> None:
        segment = self.segment
        if segment is None:
            return
        name, price_text, sku = self.product.text().strip(), self.price.text().strip(), self.sku.text().strip()
        price: Decimal | None = None
        if price_text:
            cleaned = price_text.replace("¥", "").replace("￥", "").replace("元", "").replace(",", "").strip()
            try:
                price = Decimal(cleaned)
            except InvalidOperation:
                price = None
            if price is None or not price.is_finite() or price < 0:
                self._refuse(self.tr("“%1” is not a price: type it as 99 or 99.90.").replace("%1", price_text))
                return
        if (price is not None or sku) and not name:
            if self.product.hasFocus() or self.price.hasFocus() or self.sku.hasFocus():
                return  # still filling the product in: the name may come next
            self._refuse(self.tr("A product needs a name."))
            return
        product = Product(name, price, sku) if name else None
        if product != segment.product:
            self._ask(replace(segment, product=product), self.tr("Change product"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Talking points and cues are taken when the field is left (Enter makes a new line there)."""
        if event.type() == QEvent.Type.FocusOut and self.segment is not None:
            if watched is self.talking_points:
                self._take_text("talking_points", self.talking_points, self.tr("Edit talking points"))
            elif watched is self.cues:
                self._take_text("cues", self.cues, self.tr("Edit cues"))
        return super().eventFilter(watched, event)

    def _take_text(self, field: str, edit: QPlainTextEdit, what: str) -> None:
        segment = self.segment
        assert segment is not None
        text = edit.toPlainText()
        if len(text) > MAX_TEXT:
            self._refuse(
                self.tr("At most %1 characters (this has %2).")
                .replace("%1", str(MAX_TEXT))
                .replace("%2", str(len(text)))
            )
            return
        if field == "talking_points" and text != segment.talking_points:
            self._ask(replace(segment, talking_points=text), what)
        elif field == "cues" and text != segment.cues:
            self._ask(replace(segment, cues=text), what)

    def take_pending(self) -> None:
        """Take what is being typed in a multi-line field (before the selection moves to another segment)."""
        if self.segment is None:
            return
        if self.talking_points.hasFocus():
            self._take_text("talking_points", self.talking_points, self.tr("Edit talking points"))
        if self.cues.hasFocus():
            self._take_text("cues", self.cues, self.tr("Edit cues"))
