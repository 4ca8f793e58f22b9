"""One stored show as a printable PDF: A4, the reader's language, summary first (who, when, how many watched, the
audience's comments, questions and lotteries, the verdict on what technical problems cost and what that figure
means, the checklist at go-live), then vector charts on one time axis, the scene timeline, the segment table, the
incidents with their impact and the checklist's items. Drawn with QPainter on Qt's QPdfWriter; text is real text
(searchable, copyable), charts are paths.

Layout: the report is a list of blocks (a paragraph, a table row, a chart) measured on the writer before anything
is painted, then cut into pages — so every page knows the page count ("Page 2 of 5"), a heading never ends a page
alone and a table's header row is repeated on the page it continues on.

Fonts: text is asked for in FAMILIES order (Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Microsoft
YaHei, PingFang SC — the usual Simplified Chinese faces of Linux, Windows and macOS); when none of them is
installed, the first installed family Qt lists for Simplified Chinese; Qt falls back glyph by glyph along the list.
The PDF embeds the glyphs it uses, so it reads the same on a machine without that font.

Headless: painting needs a QGuiApplication (fonts); `gui_application()` makes one on the offscreen platform when the
process has none (`onair report --pdf` runs without a window). The file is written beside its target under a
temporary name and renamed into place only when complete: a failure leaves no half file.
"""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from console.core.reports import room_in
from console.core.review.audience import audience_of
from console.core.review.by_rundown import SKIPPED, rundown_table
from console.core.review.impact import CAVEAT
from console.core.review.platform import platform_words
from console.core.review.shows import Checklist, checklist_in, duration_text, segment_duration_text, signed_duration
from console.core.review.timeline import NOT_SEEN, on_air_text
from console.core.rundown.live import changed_on_air, planned_cell
from console.review_pdf_chart import AXIS, GRID, MUTED, TEXT, Chart, ChartPainter, Line, clips_outliers
from obs import oswords
from obs.text import QT_TRANSLATE_NOOP, UNKNOWN, Message

if TYPE_CHECKING:
    from console.core.review.bundle import ShowBundle
    from console.core.review.periods import PeriodReport
    from console.core.review.segments import SegmentRow

Translate = Callable[[str, str], str]

CONTEXT = "ReviewPdf"
# Asked in this order (see the module's docstring).
FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC")
# Device units per inch of the writer; layout is in points (1/72 inch) times RESOLUTION / 72.
RESOLUTION = 600
MARGIN_MM = 15.0
# Which catalogue the reader's `translate` uses, for words kept per language (a checklist's title): the Chinese
# catalogue translates this marker to its language code; untranslated, it is English.
LANGUAGE_MARKER = QT_TRANSLATE_NOOP("ReviewPdf", "en")

# Scene colours on the timeline, in the order scenes first go on program; an unknown scene is plain grey.
SCENE_COLORS = ("#4fc3f7", "#ffb74d", "#81c784", "#ba68c8", "#f06292", "#4db6ac", "#9575cd", "#dce775", "#a1887f")
UNKNOWN_COLOR = QColor(225, 225, 225)
STATUS_MARK = {"passed": "✓", "failed": "✗", "error": "?", "needs_person": "☐", "overridden": "!"}
SEVERITY = {
    "info": QT_TRANSLATE_NOOP("Health", "info"),
    "warning": QT_TRANSLATE_NOOP("Health", "warning"),
    "critical": QT_TRANSLATE_NOOP("Health", "critical"),
}


class PdfExportError(Exception):
    """The PDF could not be written; the message, in the reader's language, names the file and why. Nothing is
    left at the path (an existing file there is untouched)."""

    def __init__(self, message: Message, translate: Translate) -> None:
        super().__init__(message.in_language(translate))
        self.message = message


_app: QGuiApplication | None = None


def gui_application() -> QGuiApplication:
    """The process's QGuiApplication, made on the offscreen platform when there is none (no display needed). A
    process that made a plain QCoreApplication (terminal output only) cannot paint text: call this first."""
    global _app
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise RuntimeError("a PDF needs a QGuiApplication; call console.review_pdf.gui_application() before Qt starts")
    _app = QGuiApplication([sys.argv[0] if sys.argv else "onair", "-platform", "offscreen"])
    return _app


def font_families() -> list[str]:
    """The families text is asked in: the preferred installed ones, else Qt's first Simplified Chinese family."""
    installed = set(QFontDatabase.families())
    chosen = [family for family in FAMILIES if family in installed]
    if not chosen:
        chosen = list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))[:1]
    return chosen or [QFont().defaultFamily()]


def write_show_pdf(bundle: ShowBundle, path: Path | str, translate: Translate) -> None:
    """Write the show's report to `path` in the language of `translate` (Qt's QCoreApplication.translate with the
    reader's catalogue installed). Raises PdfExportError with a sentence in that language when it cannot."""
    _write(path, translate, lambda file: _render(_Report(bundle, _writer(file), translate), file))


def write_period_pdf(report: PeriodReport, path: Path | str, translate: Translate) -> None:
    """A period report (one row a day, week or month per room or host, as `onair report --from … --to …` and the
    Shows browser's Period report make it) as an A4 landscape PDF in the reader's language; PdfExportError as above."""

    def render(file: str) -> None:
        writer = _writer(file)
        writer.setPageOrientation(QPageLayout.Orientation.Landscape)
        _render(_PeriodDocument(report, writer, translate), file)

    _write(path, translate, render)


def _write(path: Path | str, translate: Translate, render: Callable[[str], None]) -> None:
    """`render` into a temporary file beside `path`, renamed into place once complete: never a half file."""
    gui_application()
    target = Path(path)
    where = {"path": str(target)}
    # Made as an ordinary new file would be (the user's umask decides who may read it), never readable by others
    # only because a temporary name was used.
    temporary = str(target.parent / f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as exc:
        raise PdfExportError(_cannot(where, exc), translate) from exc
    try:
        render(temporary)
        os.replace(temporary, target)
    except OSError as exc:
        raise PdfExportError(_cannot(where, exc), translate) from exc
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _cannot(where: dict[str, str], exc: OSError) -> Message:
    reason = oswords.reason(exc, named=False)  # the sentence names the file; the system names its temporary one
    return Message(
        QT_TRANSLATE_NOOP("ReviewPdf", "The PDF could not be written to {path}: {reason}."),
        {**where, "reason": reason},
        CONTEXT,
    )


def _writer(file: str) -> QPdfWriter:
    writer = QPdfWriter(file)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    writer.setCreator("OnAir Console")
    return writer


def _render(report: _Report, file: str) -> None:
    writer, translate = report.writer, report.translate
    writer.setTitle(report.title)
    report.build()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(0, translate("ReviewPdf", "the file cannot be opened for writing"))
    try:
        report.paint(painter)
    finally:
        ended = painter.end()
    if not ended or os.path.getsize(file) == 0:
        raise OSError(0, translate("ReviewPdf", "the file could not be completed (is the disk full?)"))


@dataclass
class _Block:
    """A piece of the report: its height (device units) and how to paint it at a y on the page."""

    height: float
    paint: Callable[[QPainter, float], None]
    # A heading: never the last thing on a page.
    keep_with_next: bool = False
    # A table row: the header row painted first when the row starts a page.
    header: _Block | None = None
    # Space between blocks: dropped at the top of a page.
    space: bool = False


def paginate(blocks: Sequence[_Block], body: float) -> list[list[tuple[float, _Block]]]:
    """The blocks cut into pages of `body` height: (y, block) per page."""
    pages: list[list[tuple[float, _Block]]] = [[]]
    y = 0.0
    for index, block in enumerate(blocks):
        if block.space and y == 0.0:
            continue
        need = block.height
        if block.keep_with_next:
            following = next((b for b in blocks[index + 1 :] if not b.space), None)
            need += following.height if following is not None else 0.0
        if y > 0.0 and y + need > body:
            if block.space:
                continue
            pages.append([])
            y = 0.0
            if block.header is not None:
                pages[-1].append((0.0, block.header))
                y = block.header.height
        pages[-1].append((y, block))
        y += block.height
    return pages


class _Report:
    """The show's report laid out on one writer: build() measures every block, paint() draws the pages."""

    def __init__(self, bundle: ShowBundle, writer: QPdfWriter, translate: Translate) -> None:
        self._page(writer, translate)
        self.bundle = bundle
        meta = bundle.meta
        self.title = meta.title or translate("ReviewPdf", "Show %1").replace("%1", str(bundle.show_id))
        data = bundle.data
        self.charts = ChartPainter(data, self.body, self.small, self.u, data.gaps(), data.episodes)

    def _page(self, writer: QPdfWriter, translate: Translate) -> None:
        """The writer, its units and fonts, the reader's language: what every document here lays out with."""
        self.writer, self.translate = writer, translate
        self.u = RESOLUTION / 72.0
        self.width = float(writer.width())
        self.height = float(writer.height())
        families = font_families()
        self.body = _font(families, 9.0)
        self.bold = _font(families, 9.0, bold=True)
        self.small = _font(families, 7.5)
        self.small_bold = _font(families, 7.5, bold=True)
        self.h1 = _font(families, 16.0, bold=True)
        self.h2 = _font(families, 12.0, bold=True)
        self.blocks: list[_Block] = []
        self.language = "en" if translate(CONTEXT, LANGUAGE_MARKER) == LANGUAGE_MARKER else "zh_CN"

    # ------------------------------------------------------------------ measuring
    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.writer)

    def text_height(self, text: str, font: QFont, width: float) -> float:
        flags = int(Qt.TextFlag.TextWordWrap)
        return self.metrics(font).boundingRect(QRectF(0, 0, width, 1e9), flags, text).height()

    def space(self, points: float) -> None:
        self.blocks.append(_Block(points * self.u, lambda painter, y: None, space=True))

    def paragraph(self, text: str, font: QFont | None = None, color: QColor = TEXT, indent: float = 0.0) -> None:
        font = font or self.body
        for piece in _pieces(text):
            box = QRectF(indent * self.u, 0.0, self.width - indent * self.u, 0.0)
            box.setHeight(self.text_height(piece, font, box.width()))

            def paint(painter: QPainter, y: float, piece: str = piece, box: QRectF = box) -> None:
                painter.setFont(font)
                painter.setPen(color)
                flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
                painter.drawText(box.translated(0.0, y), flags, piece)

            self.blocks.append(_Block(box.height(), paint))

    def heading(self, text: str, font: QFont | None = None) -> None:
        font = font or self.h2
        self.space(10)
        height = self.metrics(font).height() + 3 * self.u

        def paint(painter: QPainter, y: float) -> None:
            painter.setFont(font)
            painter.setPen(TEXT)
            painter.drawText(QPointF(0, y + self.metrics(font).ascent()), text)
            painter.setPen(QPen(GRID, 0.7 * self.u))
            painter.drawLine(QPointF(0, y + height - 1.5 * self.u), QPointF(self.width, y + height - 1.5 * self.u))

        self.blocks.append(_Block(height, paint, keep_with_next=True))

    def table(
        self,
        header: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        right: frozenset[int] = frozenset(),
        bold_columns: frozenset[int] = frozenset(),
        fit: bool = False,
    ) -> None:
        """Rows of wrapped cells; `widths` are shares of the page's width; `right`: columns of figures. `fit`:
        every column but the first as wide as its widest cell (figures are never wrapped or cut), the first
        (the names) takes the rest and wraps."""
        total = sum(widths)
        columns = [w / total * self.width for w in widths]
        if fit:
            columns = self._fitted(header, rows, columns)
        head = self._row(header, columns, right, frozenset(), shade=True, font=self.small_bold) if header else None
        if head is not None:
            self.blocks.append(_Block(head.height, head.paint, keep_with_next=True))
        for index, row in enumerate(rows):
            block = self._row(row, columns, right, bold_columns, shade=False, stripe=index % 2 == 1)
            block.header = head
            self.blocks.append(block)

    def _fitted(
        self, header: Sequence[str] | None, rows: Sequence[Sequence[str]], shares: Sequence[float]
    ) -> list[float]:
        pad = 2.5 * self.u
        body, head = self.metrics(self.body), self.metrics(self.small_bold)
        natural = []
        for i in range(len(shares)):
            widest = max((body.horizontalAdvance(row[i]) for row in rows), default=0.0)
            words = header[i].split() if header else []
            widest = max([widest, *(head.horizontalAdvance(word) for word in words)])
            natural.append(widest + 2 * pad + 1 * self.u)
        rest = self.width - sum(natural[1:])
        if rest >= shares[0] * 0.6:
            return [rest, *natural[1:]]
        return list(shares)  # too many figures for one line: shares, wrapping where they must

    def _row(
        self,
        cells: Sequence[str],
        columns: Sequence[float],
        right: frozenset[int],
        bold: frozenset[int],
        shade: bool,
        stripe: bool = False,
        font: QFont | None = None,
    ) -> _Block:
        pad = 2.5 * self.u
        fonts = [font or (self.bold if i in bold else self.body) for i in range(len(columns))]
        heights = [
            self.text_height(cell, font, width - 2 * pad)
            for cell, font, width in zip(cells, fonts, columns, strict=True)
        ]
        height = max(heights, default=0.0) + 2 * pad

        def paint(painter: QPainter, y: float) -> None:
            if shade or stripe:
                painter.fillRect(
                    QRectF(0, y, self.width, height), QColor(235, 240, 245) if shade else QColor(248, 248, 248)
                )
            x = 0.0
            for i, (cell, font, width) in enumerate(zip(cells, fonts, columns, strict=True)):
                painter.setFont(font)
                painter.setPen(TEXT)
                align = Qt.AlignmentFlag.AlignRight if i in right else Qt.AlignmentFlag.AlignLeft
                flags = int(Qt.TextFlag.TextWordWrap) | int(align) | int(Qt.AlignmentFlag.AlignTop)
                painter.drawText(QRectF(x + pad, y + pad, width - 2 * pad, height - 2 * pad), flags, cell)
                x += width
            painter.setPen(QPen(GRID, 0.5 * self.u))
            painter.drawLine(QPointF(0, y + height), QPointF(self.width, y + height))

        return _Block(height, paint)

    def chart(self, chart: Chart, points: float = 150.0) -> None:
        height = points * self.u

        def paint(painter: QPainter, y: float) -> None:
            self.charts.paint(painter, QRectF(0, y, self.width, height), chart)

        self.blocks.append(_Block(height, paint))

    # ------------------------------------------------------------------ words
    def names(self, names: Sequence[str]) -> str:
        """A list of names as the reader writes one: 小美、阿强 in Chinese, "Mei, Qiang" in English."""
        return ("、" if self.language.startswith("zh") else ", ").join(names)

    def clock(self, moment: float) -> str:
        """A moment of the show on the reader's clock: to the second in a show under an hour (its segments are
        seconds or minutes long), else to the minute."""
        return self.local(moment, "%H:%M:%S" if self.bundle.data.duration_s < 3600 else "%H:%M")

    def local(self, moment: float | datetime | None, form: str = "%Y-%m-%d %H:%M") -> str:
        if moment is None:
            return UNKNOWN
        when = moment if isinstance(moment, datetime) else datetime.fromtimestamp(moment)
        return when.astimezone().strftime(form)

    # ------------------------------------------------------------------ the report
    def build(self) -> None:
        self._summary()
        self._charts()
        self._timeline()
        self._rundown()
        self._segments()
        self._incidents()
        self._checklist()

    def _summary(self) -> None:
        bundle, translate = self.bundle, self.translate
        data, meta, summary, figures = bundle.data, bundle.meta, bundle.summary, bundle.figures
        self.paragraph(self.title, self.h1)
        self.space(4)
        self.paragraph(
            translate("ReviewPdf", "%1 · %2 – %3")
            .replace("%1", room_in(bundle.room, translate))
            .replace("%2", self.local(data.start))
            .replace("%3", self.local(data.end, "%H:%M") if len(data.t) else UNKNOWN),
            self.body,
            MUTED,
        )
        # A show still open keeps growing: two exports a minute apart differ, so each says as of when.
        self.paragraph(
            translate("ReviewPdf", "As of")
            + " "
            + self.local(bundle.taken_at, "%Y-%m-%d %H:%M:%S")
            + (translate("ReviewPdf", ", show still open") if bundle.still_open else ""),
            self.small,
            MUTED,
        )
        self.heading(translate("ReviewPdf", "Summary"))
        still = summary is not None and summary.live
        pairs = [
            (translate("ReviewPdf", "Room"), room_in(bundle.room, translate)),
            (translate("ReviewPdf", "Show"), str(bundle.show_id)),
            (translate("ReviewPdf", "Start"), self.local(data.start, "%Y-%m-%d %H:%M:%S")),
            (
                translate("ReviewPdf", "End"),
                self.local(data.end, "%Y-%m-%d %H:%M:%S")
                + (translate("ReviewPdf", " (may still be running)") if still else ""),
            ),
            (translate("ReviewPdf", "Duration"), duration_text(data.duration_s)),
            (
                translate("ReviewPdf", "On air"),
                on_air_text(figures.on_air_s, figures.on_air_unseen_s, translate),
            ),
            (
                translate("ReviewPdf", "Hosts"),
                self.names(meta.hosts),
            ),
            (translate("ReviewPdf", "Assistant"), meta.assistant),
            (translate("ReviewPdf", "Tags"), self.names(meta.tags)),
            (translate("ReviewPdf", "Data kept"), _pct(None if summary is None else summary.completeness, 100.0, 0)),
            (translate("ReviewPdf", "Peak viewers"), _count(figures.viewers_peak)),
            (translate("ReviewPdf", "Average viewers"), _count(figures.viewers_avg)),
            (translate("ReviewPdf", "Likes per minute"), _count(figures.likes_per_min, 1)),
            (translate("ReviewPdf", "Interactions per minute"), _count(figures.interactions_per_min, 1)),
            (translate("ReviewPdf", "Incidents"), self._incident_counts()),
            (
                # Frames lost / frames rendered, as OBS's log counts them, over the time on air (compare.dropped_pct).
                translate("ReviewPdf", "Dropped frames on air")
                if figures.drop_over == "on_air"
                else translate("ReviewPdf", "Dropped frames (whole show)"),
                self._drops(),
            ),
        ]
        pairs += self._platform_pairs()
        rows = [[*pairs[i], *(pairs[i + 1] if i + 1 < len(pairs) else ("", ""))] for i in range(0, len(pairs), 2)]
        self.table(None, rows, (1.1, 1.6, 1.1, 1.6), bold_columns=frozenset({0, 2}))
        self._audience()
        self.heading(translate("ReviewPdf", "What the technical problems cost"))
        self.paragraph(bundle.verdict.in_language(translate), self.bold)
        self.space(2)
        self.paragraph(
            translate("ReviewPdf", "What this figure means: ") + CAVEAT.in_language(translate), self.small, MUTED
        )
        self.paragraph(
            translate(
                "ReviewPdf",
                "It rests on the seconds whose viewer count is known; an incident without a known audience is unknown, "
                "never 0. Use it to compare shows and find the problems worth fixing, not to bill anyone.",
            ),
            self.small,
            MUTED,
        )
        self.heading(translate("ReviewPdf", "Checklist at go-live"))
        self.paragraph(self._checklist_line())
        if meta.notes:
            self.heading(translate("ReviewPdf", "Notes"))
            self.paragraph(meta.notes)
        if bundle.summary_error:
            self.space(4)
            self.paragraph(
                translate("ReviewPdf", "The stored summary could not be read: %1").replace("%1", bundle.summary_error),
                self.small,
                MUTED,
            )

    def _audience(self) -> None:
        """The audience's side (console/core/review/audience.py): comments, the busiest minute, the viewers'
        questions and the lotteries, each lottery on a line. Not known — said in words, never 0 — where no chat
        source read the room."""
        from console.core.chat.lottery_export import state_words

        translate = self.translate
        audience = audience_of(self.bundle)
        unknown = translate("ReviewPdf", "not known")

        def figure(value: float | None) -> str:
            return unknown if value is None else _count(value)

        def per_minute(value: float | None, one: str, many: str) -> str:
            return (one if value == 1 else many).replace("%1", figure(value))

        self.heading(translate("ReviewPdf", "Audience: comments, questions, lotteries"))
        if not audience.chat_read:
            self.paragraph(
                translate(
                    "ReviewPdf",
                    "No chat source read the room during this show: its comments and questions are not known.",
                ),
                self.small,
                MUTED,
            )
            self.space(2)
        answered = figure(audience.answered)
        if audience.answered is not None:
            answered += (
                translate("ReviewPdf", " (dismissed %1, never answered %2)")
                .replace("%1", figure(audience.dismissed))
                .replace("%2", figure(audience.waiting))
            )
        asked = figure(audience.questions)
        if audience.askers is not None:
            asked += translate("ReviewPdf", " (viewers who asked: %1)").replace("%1", figure(audience.askers))
        wait = audience.median_wait_s
        lotteries = _count(len(audience.lotteries))
        if audience.lotteries:
            lotteries += translate("ReviewPdf", " (%1 drawn)").replace("%1", _count(len(audience.drawn)))
        pairs = [
            (translate("ReviewPdf", "Comments (paid messages included)"), figure(audience.comments)),
            (
                translate("ReviewPdf", "Peak per minute"),
                translate("ReviewPdf", "%1, %2")
                .replace(
                    "%1",
                    per_minute(
                        audience.peak_comments_per_min,
                        translate("ReviewPdf", "%1 comment"),
                        translate("ReviewPdf", "%1 comments"),
                    ),
                )
                .replace(
                    "%2",
                    per_minute(
                        audience.peak_chatters_per_min,
                        translate("ReviewPdf", "%1 chatter"),
                        translate("ReviewPdf", "%1 chatters"),
                    ),
                ),
            ),
            (translate("ReviewPdf", "Questions asked"), asked),
            (translate("ReviewPdf", "Questions answered"), answered),
            (translate("ReviewPdf", "Median time to an answer"), unknown if wait is None else duration_text(wait)),
            (translate("ReviewPdf", "Lotteries"), lotteries),
            (translate("ReviewPdf", "Lottery entries"), _count(audience.lottery_entries)),
            (translate("ReviewPdf", "Lottery winners"), _count(audience.lottery_winners)),
        ]
        rows = [[*pairs[i], *(pairs[i + 1] if i + 1 < len(pairs) else ("", ""))] for i in range(0, len(pairs), 2)]
        self.table(None, rows, (1.1, 1.6, 1.1, 1.6), bold_columns=frozenset({0, 2}))
        if not audience.lotteries:
            return
        self.space(4)
        header = [
            translate("ReviewPdf", "Drawn"),
            translate("ReviewPdf", "Keyword"),
            translate("ReviewPdf", "Entries"),
            translate("ReviewPdf", "Winners"),
            translate("ReviewPdf", "Who won"),
        ]
        table = []
        for record in audience.lotteries:
            drawn = (
                self.local(record.drawn_at, "%H:%M:%S")
                if record.drawn_at is not None
                else state_words(record, translate)
            )
            won = self.names([winner.user_name or winner.user_id for winner in record.standing])
            table.append([drawn, record.keyword, _count(len(record.entries)), _count(len(record.standing)), won])
        self.table(header, table, (1.9, 1.0, 0.6, 0.6, 2.5), right=frozenset({2, 3}))

    def _incident_counts(self) -> str:
        translate = self.translate
        episodes = self.bundle.data.episodes
        if not episodes:
            return translate("ReviewPdf", "none")
        counts = {rank: sum(1 for e in episodes if e.rank == rank) for rank in (3, 2, 1)}
        words = {3: "critical", 2: "warning", 1: "info"}
        parts = [f"{self.translate('Health', SEVERITY[words[r]])} {n}" for r, n in counts.items() if n]
        return f"{len(episodes)} ({', '.join(parts)})"

    def _drops(self) -> str:
        drops = self.bundle.figures.drop_pct
        names = (("render", "Rendering lag"), ("encode", "Encoding lag"), ("network", "Network"))
        return ", ".join(f"{self.translate('Graphs', word)} {_pct(drops.get(stage), 1.0, 2)}" for stage, word in names)

    def _platform_pairs(self) -> list[tuple[str, str]]:
        translate = self.translate
        bundle = self.bundle
        if bundle.platform is None:
            return []
        imported = bundle.platform
        source = f"{platform_words(imported.platform, translate)} · {imported.file_name}"
        pairs = [(translate("ReviewPdf", "Platform data"), source)]
        labels = (("gmv", translate("ReviewPdf", "GMV")), ("orders", translate("ReviewPdf", "Orders")))
        for name, label in labels:
            series = bundle.extras.get(name)
            if series is None or not len(series[1]):
                continue
            values = series[1]
            known = values[np.isfinite(values)]
            total = _count(float(known.sum()), 2 if name == "gmv" else 0) if known.size else UNKNOWN
            missing = int(values.size - known.size)
            if missing and known.size:
                # A sum over the known minutes only, said so: never a silent total that leaves minutes out.
                total += (
                    translate("ReviewPdf", " (%1 minute not known)")
                    if missing == 1
                    else translate("ReviewPdf", " (%1 minutes not known)")
                ).replace("%1", str(missing))
            pairs.append((label, total))
        return pairs

    def _checklist_line(self) -> str:
        translate = self.translate
        outcome = self.bundle.checklist
        word = checklist_in(outcome.outcome, self.translate)
        run = outcome.run
        if outcome.outcome is Checklist.NONE or run is None:
            return translate("ReviewPdf", "No pre-show checklist was kept at go-live (%1).").replace("%1", word)
        completed = outcome.completed_before()
        if completed is not None:
            return (
                translate("ReviewPdf", "%1 — %2, operator %3, %4.")
                .replace("%1", word)
                .replace("%2", run.title_in(self.language))
                .replace("%3", run.operator)
                .replace("%4", completed.in_language(translate))
            )
        line = (
            translate("ReviewPdf", "%1 — %2, operator %3, went live %4.")
            .replace("%1", word)
            .replace("%2", run.title_in(self.language))
            .replace("%3", run.operator)
            .replace("%4", self.local(outcome.went_live_at, "%H:%M"))
        )
        if outcome.outcome is Checklist.OVERRIDDEN:
            line += " " + (
                translate("ReviewPdf", "Went live with open items — %1: %2")
                .replace("%1", outcome.override_by or "")
                .replace("%2", outcome.override_reason or "")
            )
        return line

    def _charts(self) -> None:
        translate = self.translate
        self.heading(translate("ReviewPdf", "Charts"))
        self.paragraph(
            translate(
                "ReviewPdf",
                "Local time. Shaded: incidents (yellow a warning, red critical, grey information); hatched: %1; a line "
                "breaks where a figure was not known.",
            ).replace("%1", NOT_SEEN.in_language(translate)),
            self.small,
            MUTED,
        )
        self.space(4)
        unknown = translate("ReviewPdf", "Not known for this show")
        self.chart(
            Chart(
                translate("Graphs", "Viewers"),
                (Line("viewers", translate("Graphs", "Viewers"), "#1e88e5"),),
                unknown,
            )
        )
        self.space(6)
        if audience_of(self.bundle).chat_read:  # a room no chat source read has no such figure (said in the summary)
            chat = (
                Line("comments_per_min", translate("Graphs", "Comments/min"), "#fb8c00"),
                Line("chatters_per_min", translate("Graphs", "Chatters/min"), "#8e24aa"),
            )
            title = translate("ReviewPdf", "Comments and chatters per minute (last 60 s)")
            self.chart(Chart(title, chat, unknown, min_top=5.0))
            self.space(6)
        self.chart(
            Chart(
                translate("ReviewPdf", "Bitrate (kbps)"),
                (Line("bitrate_kbps", translate("Graphs", "Stream"), "#1e88e5"),),
                unknown,
                clip_outliers=clips_outliers("bitrate_kbps"),
            )
        )
        self.space(6)
        drops = (
            Line("drop_render_pct", translate("Graphs", "Rendering lag"), "#8e24aa"),
            Line("drop_encode_pct", translate("Graphs", "Encoding lag"), "#fb8c00"),
            Line("drop_network_pct", translate("Graphs", "Network"), "#1e88e5"),
        )
        self.chart(
            Chart(
                translate("ReviewPdf", "Dropped frames by cause (% of frames, last 10 s)"),
                drops,
                unknown,
                min_top=5.0,
                unit="%",
            )
        )
        self.space(6)
        cpu = (
            Line("cpu_system_pct", translate("Graphs", "System"), "#1e88e5"),
            Line("obs_process_cpu_pct", translate("Graphs", "OBS"), "#fb8c00", instead="obs_cpu_pct"),
            Line("cpu_busiest_core_pct", translate("Graphs", "Busiest core"), "#8e24aa"),
        )
        self.chart(Chart(translate("ReviewPdf", "CPU (%)"), cpu, unknown, min_top=100.0, unit="%"))

    def _timeline(self) -> None:
        translate = self.translate
        spans = self.bundle.timeline
        self.heading(translate("ReviewPdf", "Scene timeline"))
        if not spans:
            self.paragraph(translate("ReviewPdf", "No scene is known for this show."))
            return
        colors: dict[str | None, QColor] = {None: UNKNOWN_COLOR}
        for span in spans:
            if span.scene not in colors:
                colors[span.scene] = QColor(SCENE_COLORS[(len(colors) - 1) % len(SCENE_COLORS)])
        height = 34 * self.u

        def paint(painter: QPainter, y: float) -> None:
            self.charts.paint_timeline(painter, QRectF(0, y, self.width, height), spans, colors)

        self.blocks.append(_Block(height, paint))
        # A stretch the console did not see is named as the show window and the segment table name it, apart from a
        # scene merely not known yet (review17: the PDF called the minutes the console was killed "Scene not known"
        # while its segment table beside it said "Not seen (no console recording)").
        totals: dict[tuple[str | None, bool], float] = {}
        for span in spans:
            key = (span.scene, span.seen)
            totals[key] = totals.get(key, 0.0) + span.duration_s
        names = {True: self.translate("Review", "Scene not known"), False: NOT_SEEN.in_language(self.translate)}
        items = [
            (colors[scene], scene if scene is not None and seen else names[seen], seconds)
            for (scene, seen), seconds in totals.items()
        ]
        self._legend(items)

    def _legend(self, items: Sequence[tuple[QColor, str, float]]) -> None:
        """Swatch, name and time on program of each scene, as many to a line as fit."""
        metrics = self.metrics(self.small)
        u = self.u
        words = [f"{name} {duration_text(seconds)}" for _, name, seconds in items]
        lines: list[list[tuple[QColor, str]]] = [[]]
        x = 0.0
        for (color, _, _), word in zip(items, words, strict=True):
            width = 12 * u + metrics.horizontalAdvance(word) + 10 * u
            if x + width > self.width and lines[-1]:
                lines.append([])
                x = 0.0
            lines[-1].append((color, word))
            x += width
        for line in lines:
            height = metrics.height() + 3 * u

            def paint(painter: QPainter, y: float, line: list[tuple[QColor, str]] = line) -> None:
                painter.setFont(self.small)
                x = 0.0
                for color, word in line:
                    painter.fillRect(QRectF(x, y + 1 * u, 9 * u, metrics.height() - 2 * u), color)
                    painter.setPen(QPen(AXIS, 0.3 * u))
                    painter.drawRect(QRectF(x, y + 1 * u, 9 * u, metrics.height() - 2 * u))
                    painter.setPen(TEXT)
                    painter.drawText(QPointF(x + 12 * u, y + metrics.ascent()), word)
                    x += 12 * u + metrics.horizontalAdvance(word) + 10 * u

            self.blocks.append(_Block(height, paint))

    def _rundown(self) -> None:
        """A show run from its rundown: every take and every segment skipped (console/core/review/by_rundown.py),
        each with its planned length and the actual minus the planned (+ over, − under), as the show window and the
        XLSX have them; then the totals and what they count."""
        bundle, translate = self.bundle, self.translate
        rundown = rundown_table(bundle)
        if rundown is None:
            return
        self.heading(translate("ReviewPdf", "Segments by rundown"))
        header = [
            translate("ReviewPdf", "Segment"),
            translate("ReviewPdf", "From – to"),
            translate("ReviewPdf", "Planned"),
            translate("ReviewPdf", "Actual"),
            translate("ReviewPdf", "Over / under"),
            translate("ReviewPdf", "Avg viewers"),
            translate("ReviewPdf", "Peak"),
            translate("ReviewPdf", "Incidents"),
        ]
        table = []
        changed = []
        for line in rundown.rows:
            over = UNKNOWN if line.over_s is None else signed_duration(line.over_s)
            if line.row is None or line.span is None:  # skipped: its planned length, no actual
                planned = UNKNOWN if line.planned_s is None else duration_text(line.planned_s)
                skipped = translate("RundownReview", SKIPPED)
                table.append([line.label, self.clock(line.start), planned, skipped, over, "", "", ""])
                continue
            row, span = line.row, line.span
            # Its product too, as in the show window and the XLSX: three “主推款” are three products.
            note = changed_on_air(span, translate, self.clock, duration_text)
            if note:
                changed.append(f"“{line.label}”{'：' if self.language.startswith('zh') else ': '}{note}")
            table.append(
                [
                    line.label,
                    f"{self.clock(row.segment.start)}–{self.clock(row.segment.end)}",
                    UNKNOWN if line.planned_s is None else planned_cell(span, duration_text),
                    segment_duration_text(row.duration_s),
                    over,
                    _count(row.viewers_avg),
                    _count(row.viewers_peak),
                    UNKNOWN if row.incident_count is None else str(row.incident_count),
                ]
            )
        totals = rundown.totals
        table.append(
            [
                totals.label.in_language(translate),
                "",
                duration_text(totals.planned_s),
                duration_text(totals.actual_s),
                signed_duration(totals.over_s),
                "",
                "",
                "",
            ]
        )
        self.table(header, table, [2.0, 1.5, 0.9, 0.9, 1.0, 1.0, 0.9, 0.9], right=frozenset(range(2, 8)), fit=True)
        self.paragraph(" ".join(note.in_language(translate) for note in totals.notes), self.small, MUTED)
        if changed:
            joined = ("；" if self.language.startswith("zh") else "; ").join(changed)
            self.paragraph(translate("ReviewPdf", "Lengths changed on air: %1").replace("%1", joined))

    def _segments(self) -> None:
        bundle, translate = self.bundle, self.translate
        rows = bundle.segments
        by_scene = bool(bundle.data.rundown_marks)  # beside the rundown's table, say which this one is
        self.heading(translate("ReviewPdf", "Segments by scene") if by_scene else translate("ReviewPdf", "Segments"))
        if not rows:
            self.paragraph(translate("ReviewPdf", "No segment: nothing was stored for this show."))
            return
        money = bundle.platform is not None and "gmv" in bundle.extras
        header = [
            translate("ReviewPdf", "Segment"),
            translate("ReviewPdf", "From – to"),
            translate("ReviewPdf", "Duration"),
            translate("ReviewPdf", "Avg viewers"),
            translate("ReviewPdf", "Peak"),
            translate("ReviewPdf", "Change"),
            translate("ReviewPdf", "Likes/min"),
            translate("ReviewPdf", "Interactions/min"),
            translate("ReviewPdf", "Incidents"),
        ]
        widths = [2.0, 1.5, 1.0, 1.0, 0.9, 0.9, 1.0, 1.4, 1.0]
        if money:
            header += [translate("ReviewPdf", "GMV"), translate("ReviewPdf", "GPM")]
            widths += [1.1, 0.8]
        table = [self._segment_cells(row, money) for row in rows]
        self.table(header, table, widths, right=frozenset(range(2, len(header))), fit=True)
        if money and any(row.gpm_basis == "viewers" for row in rows):
            self.paragraph(
                translate("ReviewPdf", "GPM: GMV per 1,000 average viewers (no entries were imported)."),
                self.small,
                MUTED,
            )

    def _segment_cells(self, row: SegmentRow, money: bool) -> list[str]:
        segment = row.segment
        label = segment.label.in_language(self.translate) if isinstance(segment.label, Message) else segment.label
        change = row.viewers_change
        cells = [
            label,
            f"{self.clock(segment.start)}–{self.clock(segment.end)}",
            segment_duration_text(row.duration_s),
            _count(row.viewers_avg),
            _count(row.viewers_peak),
            UNKNOWN if change is None else f"{change:+,.0f}",
            _count(row.likes_per_min, 1),
            _count(row.interactions_per_min, 1),
            UNKNOWN if row.incident_count is None else str(row.incident_count),
        ]
        if money:
            cells += [_count(row.extras.get("gmv"), 2), _count(row.gpm, 1)]
        return cells

    def _incidents(self) -> None:
        translate = self.translate
        impacts = self.bundle.impact.impacts
        self.heading(translate("ReviewPdf", "Incidents and their impact"))
        if not impacts:
            self.paragraph(translate("ReviewPdf", "No incident was found in this show."))
            return
        # The fault's own interval to the second and its length (console/core/review/load.py fault_interval).
        rows = [
            [
                translate("Health", SEVERITY.get(impact.episode.peak, impact.episode.peak)),
                f"{self.local(impact.episode.start, '%H:%M:%S')}–{self.local(impact.episode.end, '%H:%M:%S')} "
                f"({duration_text(impact.episode.duration_s)})\n" + impact.episode.message.in_language(translate),
                impact.message.in_language(translate),
            ]
            for impact in impacts
        ]
        self.table(
            [
                translate("ReviewPdf", "Severity"),
                translate("ReviewPdf", "When, and what was seen"),
                translate("ReviewPdf", "Audience impact"),
            ],
            rows,
            (0.8, 2.6, 3.4),
        )

    def _checklist(self) -> None:
        run = self.bundle.checklist.run
        if run is None or not run.items:
            return
        translate = self.translate
        self.heading(translate("ReviewPdf", "Checklist items at go-live"))
        rows = []
        for item in run.items:
            detail = item.result_in(translate)
            if item.override_reason:
                detail += "\n" + translate("ReviewPdf", "Overridden: %1").replace("%1", item.override_reason)
            if item.note:
                detail += "\n" + translate("ReviewPdf", "Note: %1").replace("%1", item.note)
            who = (
                f"{item.confirmed_by} {item.confirmed_at.astimezone():%H:%M}"
                if item.confirmed_at
                else item.confirmed_by
            )
            status = f"{STATUS_MARK.get(item.status, '')} {item.status_in(translate)}".strip()
            rows.append([status, item.title_in(self.language), detail, who])
        self.table(
            [
                translate("ReviewPdf", "Status"),
                translate("ReviewPdf", "Item"),
                translate("ReviewPdf", "Result"),
                translate("ReviewPdf", "Who"),
            ],
            rows,
            (1.2, 2.4, 3.0, 1.2),
        )

    # ------------------------------------------------------------------ painting
    def paint(self, painter: QPainter) -> None:
        top = self.metrics(self.small).height() + 8 * self.u
        bottom = self.metrics(self.small).height() + 8 * self.u
        pages = paginate(self.blocks, self.height - top - bottom)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for number, page in enumerate(pages, start=1):
            if number > 1:
                self.writer.newPage()
            self._frame(painter, number, len(pages))
            painter.save()
            painter.translate(0, top)
            for y, block in page:
                block.paint(painter, y)
            painter.restore()

    def _frame_words(self) -> tuple[str, str]:
        """What each page's header says, left (room and show) and right (show number and day)."""
        left = f"{room_in(self.bundle.room, self.translate)} · {self.title}"
        right = (
            self.translate("ReviewPdf", "Show %1 · %2")
            .replace("%1", str(self.bundle.show_id))
            .replace("%2", self.local(self.bundle.data.start, "%Y-%m-%d"))
        )
        return left, right

    def _frame(self, painter: QPainter, number: int, count: int) -> None:
        """The header (room and show) and footer (page number) of a page."""
        translate = self.translate
        u = self.u
        metrics = self.metrics(self.small)
        painter.setFont(self.small)
        painter.setPen(MUTED)
        left, right = self._frame_words()
        right_width = metrics.horizontalAdvance(right)
        elided = metrics.elidedText(left, Qt.TextElideMode.ElideRight, self.width - right_width - 12 * u)
        painter.drawText(QPointF(0, metrics.ascent()), elided)
        painter.drawText(QPointF(self.width - right_width, metrics.ascent()), right)
        painter.setPen(QPen(GRID, 0.5 * u))
        painter.drawLine(QPointF(0, metrics.height() + 3 * u), QPointF(self.width, metrics.height() + 3 * u))
        footer = translate("ReviewPdf", "Page %1 of %2").replace("%1", str(number)).replace("%2", str(count))
        painter.setPen(MUTED)
        width = metrics.horizontalAdvance(footer)
        painter.drawText(QPointF((self.width - width) / 2, self.height - metrics.descent()), footer)


def _font(families: list[str], points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _pieces(text: str, most: int = 1500) -> list[str]:
    """Text cut at line ends into pieces short enough that none is taller than a page."""
    pieces: list[str] = []
    for line in text.splitlines() or [""]:
        while len(line) > most:
            cut = line.rfind(" ", 0, most)
            cut = cut if cut > most // 2 else most
            pieces.append(line[:cut])
            line = line[cut:].lstrip()
        pieces.append(line)
    return pieces


def _count(value: float | None, digits: int = 0) -> str:
    return UNKNOWN if value is None else f"{value:,.{digits}f}"


def _pct(value: float | None, scale: float, digits: int) -> str:
    return UNKNOWN if value is None else f"{value * scale:.{digits}f} %"


#: The period table's columns (indices into the XLSX's PERIOD_HEADER): what fits an A4 landscape page and what a
#: periodic report reads first; the XLSX and CSV keep every column.
PERIOD_COLUMNS = (0, 3, 4, 6, 7, 8, 9, 11, 12, 17, 18, 19, 20, 21)


class _PeriodDocument(_Report):
    """A period report: what it covers, the periods table, what empty cells mean, and the shows it counts."""

    def __init__(self, report: PeriodReport, writer: QPdfWriter, translate: Translate) -> None:
        self._page(writer, translate)
        self.report = report
        self.title = translate("ReviewPdf", "Period report")

    def build(self) -> None:
        from console.core.review.export import PERIOD_HEADER, PERIOD_NOTE, _period_values, demo_left_out_note
        from console.core.review.periods import UNIT_WORDS

        report, translate = self.report, self.translate
        self.heading(self.title, self.h1)
        covers = (
            translate("ReviewPdf", "%1 to %2, one row a %3 per %4")
            .replace("%1", f"{report.since:%Y-%m-%d}")
            .replace("%2", f"{report.until - timedelta(days=1):%Y-%m-%d}")
            .replace("%3", translate("ReviewReport", UNIT_WORDS[report.unit]))
            .replace("%4", translate("ReviewPdf", "room") if report.per == "room" else translate("ReviewPdf", "host"))
        )
        if report.room:
            covers += " · " + translate("ReviewPdf", "Room") + " " + room_in(report.room, translate)
        if report.host:
            covers += " · " + translate("ReviewPdf", "Host") + " " + report.host
        self.paragraph(covers)
        header = [translate("ReviewExport", PERIOD_HEADER[i]) for i in PERIOD_COLUMNS]
        rows = []
        for row in report.rows:
            values = _period_values(row, translate)
            rows.append([_cell(values[i]) for i in PERIOD_COLUMNS])
        self.table(header, rows, [2.0] + [1.0] * (len(PERIOD_COLUMNS) - 1), right=frozenset(range(2, 14)), fit=True)
        self.space(6)
        self.paragraph(translate("ReviewExport", PERIOD_NOTE), self.small, MUTED)
        if report.demo_left_out:
            self.paragraph(demo_left_out_note(report, translate), self.small, MUTED)
        unseen = sum(row.on_air_unseen_seconds or 0.0 for row in report.rows)
        if unseen >= 1.0:  # on air, the stream running on, but the console not: counted, and said
            self.paragraph(
                translate("ReviewPdf", "On air includes %1 the console did not see (it was not running).").replace(
                    "%1", duration_text(unseen)
                ),
                self.small,
                MUTED,
            )
        self.heading(translate("ReviewPdf", "Shows counted"))
        shows = [
            [
                str(show.show_id),
                self.local(show.start),
                room_in(show.room, translate),
                self.names(show.hosts) or UNKNOWN,
                duration_text(show.duration_s),
                _count(show.viewers_avg),
                _count(show.viewers_peak),
            ]
            for show in report.shows
        ]
        self.table(
            [
                translate("ReviewPdf", "Show"),
                translate("ReviewPdf", "Start"),
                translate("ReviewPdf", "Room"),
                translate("ReviewPdf", "Hosts"),
                translate("ReviewPdf", "Duration"),
                translate("ReviewPdf", "Average viewers"),
                translate("ReviewPdf", "Peak viewers"),
            ],
            shows,
            (0.6, 1.4, 1.6, 2.0, 1.0, 1.0, 1.0),
            right=frozenset({0, 4, 5, 6}),
        )

    def _frame_words(self) -> tuple[str, str]:
        report = self.report
        return self.title, f"{report.since:%Y-%m-%d} – {report.until - timedelta(days=1):%Y-%m-%d}"


def _cell(value: object) -> str:
    """A period figure as the PDF prints it: unknown as "—", never 0; days as dates; counts and rates readable."""
    if value is None:
        return UNKNOWN
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, timedelta):
        return duration_text(value.total_seconds())  # h:mm:ss, as the XLSX and CSV
    if isinstance(value, int | str):
        return f"{value:,}" if isinstance(value, int) else value
    if isinstance(value, float):
        return f"{value:,.1f}" if abs(value) < 100 else f"{value:,.0f}"
    return str(value)
