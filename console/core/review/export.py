"""A show or a period as a spreadsheet: XLSX (openpyxl, write-only) and CSV. Qt-free.

`write_show_xlsx(bundle, path, translate)`: a **Summary** sheet first (the show's metadata, its figures, the verdict
on what its technical problems cost with what that figure means, the pre-show checklist's outcome), then **Per
second** (every channel, one row a second; a second the console did not store is a row with its time and empty
cells, so a gap stays a gap, never a 0 or an interpolated value), **Segments** (by scene, with GMV/orders/GPM when
platform data was imported; for a show run from its rundown, by rundown with each segment's planned length and
its over/under, followed by **Segments by scene**), **Incidents** (each finding episode with its audience
impact), **Markers**, **Questions** (the viewers' questions of the Q&A queue: asked when, by whom, what became of
each — claimed, answered with which reply, dismissed — by whom and when) when the show had any, **Lotteries**
(each lottery's opening and draw, keyword, what became of it, entries and winners) when any was run, and
**Platform per minute** when there is an import. The summary has the audience's side in figures (comments, the
busiest minute, questions, lotteries: console/core/review/audience.py), not known where no chat source read the
room. `write_period_xlsx(report, path, translate)`: the periods, and the shows they sum up. Headers and words are
in the reader's language (`translate`, Qt's
QCoreApplication.translate in the console, the identity for English); times are real Excel date-times in local
time; every table has its header row frozen, column widths and number formats; an unknown figure is an empty cell.

CSV: `write_show_csv` (the per-second data, UTF-8 with a BOM for Chinese Excel) for people, or with `raw=True`
for scripts (machine names, epoch seconds and UTC ISO times, only the stored seconds: the columns never change
with the language), as the checklist export does (console/core/reports.py); `write_period_csv` likewise.

Every write goes to a temporary file in the target's folder, renamed over the target only when complete: a full
disk or a failing drive leaves no half file (and an earlier file of that name untouched), and raises ExportError
saying which file and why.

Speed: the per-second sheet of an 8-hour show is 28,800 rows × 25 columns; the figures are rounded per channel in
numpy and handed to openpyxl as plain values (a styled cell per value would triple the time); with lxml installed
openpyxl streams the sheet through it (benchmarks/review.py prints the figure).
"""

from __future__ import annotations

import csv
import errno
import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from console.core.chat.platforms import platform_name
from console.core.reports import room_in, save_workbook
from console.core.review.by_rundown import SKIPPED, RundownTable, rundown_table
from console.core.review.impact import CAVEAT, Impact, Status
from console.core.review.periods import STAGES, PeriodReport, PeriodRow, name_in
from console.core.review.platform import platform_words
from console.core.review.shows import checklist_in, duration_text, signed_duration
from console.core.rundown.live import changed_on_air
from console.core.telemetry.channels import CHANNELS
from obs import oswords
from obs.text import QT_TRANSLATE_NOOP, Message, Translate
from obs.vocabulary import CATEGORY_NAMES

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from console.core.review.bundle import ShowBundle

CONTEXT = "ReviewExport"
# The largest sheet Excel opens (rows, header included).
EXCEL_ROWS = 1_048_576


def _english(context: str, text: str) -> str:
    return text


class ExportError(Exception):
    """The file could not be written; `message` says which and why (nothing half-written is left)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.explain())
        self.message = message


def _refuse(template: str, **fields: Any) -> ExportError:
    return ExportError(Message(template, fields, CONTEXT))


#: Every channel's column header, with its unit, and the decimals it is written with.
CHANNEL_WORDS: dict[str, tuple[str, int]] = {
    "bitrate_kbps": (QT_TRANSLATE_NOOP("ReviewExport", "Stream bitrate (kbit/s)"), 0),
    "congestion": (QT_TRANSLATE_NOOP("ReviewExport", "Congestion (0–1)"), 3),
    "fps": (QT_TRANSLATE_NOOP("ReviewExport", "FPS"), 2),
    "fps_target": (QT_TRANSLATE_NOOP("ReviewExport", "Target FPS"), 2),
    "render_ms": (QT_TRANSLATE_NOOP("ReviewExport", "Render time (ms)"), 2),
    "frame_budget_ms": (QT_TRANSLATE_NOOP("ReviewExport", "Frame interval (ms)"), 2),
    "drop_render_pct": (QT_TRANSLATE_NOOP("ReviewExport", "Frames missed in rendering, last 10 s (%)"), 2),
    "drop_encode_pct": (QT_TRANSLATE_NOOP("ReviewExport", "Frames skipped in encoding, last 10 s (%)"), 2),
    "drop_network_pct": (QT_TRANSLATE_NOOP("ReviewExport", "Frames dropped by the network, last 10 s (%)"), 2),
    "obs_cpu_pct": (QT_TRANSLATE_NOOP("ReviewExport", "OBS CPU (%)"), 1),
    "obs_memory_mb": (QT_TRANSLATE_NOOP("ReviewExport", "OBS memory (MB)"), 0),
    "disk_free_mb": (QT_TRANSLATE_NOOP("ReviewExport", "Free disk space (MB)"), 0),
    "record_kbps": (QT_TRANSLATE_NOOP("ReviewExport", "Recording bitrate (kbit/s)"), 0),
    "streaming": (QT_TRANSLATE_NOOP("ReviewExport", "Streaming (1 = yes)"), 0),
    "recording": (QT_TRANSLATE_NOOP("ReviewExport", "Recording (1 = yes)"), 0),
    "reconnecting": (QT_TRANSLATE_NOOP("ReviewExport", "Reconnecting (1 = yes)"), 0),
    "cpu_system_pct": (QT_TRANSLATE_NOOP("ReviewExport", "System CPU (%)"), 1),
    "cpu_busiest_core_pct": (QT_TRANSLATE_NOOP("ReviewExport", "Busiest CPU core (%)"), 1),
    "obs_process_cpu_pct": (QT_TRANSLATE_NOOP("ReviewExport", "OBS process CPU (%)"), 1),
    "memory_system_pct": (QT_TRANSLATE_NOOP("ReviewExport", "System memory (%)"), 1),
    "net_up_kbps": (QT_TRANSLATE_NOOP("ReviewExport", "Upload (kbit/s)"), 0),
    "viewers": (QT_TRANSLATE_NOOP("ReviewExport", "Viewers"), 0),
    "likes": (QT_TRANSLATE_NOOP("ReviewExport", "Likes (running total)"), 0),
    "interactions": (QT_TRANSLATE_NOOP("ReviewExport", "Interactions (running total)"), 0),
    "comments_per_min": (QT_TRANSLATE_NOOP("ReviewExport", "Comments per minute (last 60 s)"), 0),
    "chatters_per_min": (QT_TRANSLATE_NOOP("ReviewExport", "Unique chatters per minute (last 60 s)"), 0),
}
assert set(CHANNEL_WORDS) == set(CHANNELS)
PLATFORM_WORDS = {
    "viewers": QT_TRANSLATE_NOOP("ReviewExport", "Online viewers"),
    "entered": QT_TRANSLATE_NOOP("ReviewExport", "Entered"),
    "left": QT_TRANSLATE_NOOP("ReviewExport", "Left"),
    "likes": QT_TRANSLATE_NOOP("ReviewExport", "Likes"),
    "comments": QT_TRANSLATE_NOOP("ReviewExport", "Comments"),
    "gmv": QT_TRANSLATE_NOOP("ReviewExport", "GMV"),
    "orders": QT_TRANSLATE_NOOP("ReviewExport", "Orders"),
}
SEVERITY_WORDS = {
    "info": QT_TRANSLATE_NOOP("ReviewExport", "info"),
    "warning": QT_TRANSLATE_NOOP("ReviewExport", "warning"),
    "critical": QT_TRANSLATE_NOOP("ReviewExport", "critical"),
}
STATUS_WORDS = {
    Status.ASSESSED: QT_TRANSLATE_NOOP("ReviewExport", "assessed"),
    Status.UNKNOWN: QT_TRANSLATE_NOOP("ReviewExport", "audience not known"),
    Status.NOT_ENOUGH_DATA: QT_TRANSLATE_NOOP("ReviewExport", "too little data before it"),
    Status.NOT_VISIBLE: QT_TRANSLATE_NOOP("ReviewExport", "not seen by viewers"),
}
GPM_BASIS_WORDS = {
    "entries": QT_TRANSLATE_NOOP("ReviewExport", "per 1,000 entries"),
    "viewers": QT_TRANSLATE_NOOP("ReviewExport", "per 1,000 average viewers"),
}
SHEETS = {
    "summary": QT_TRANSLATE_NOOP("ReviewExport", "Summary"),
    "seconds": QT_TRANSLATE_NOOP("ReviewExport", "Per second"),
    "segments": QT_TRANSLATE_NOOP("ReviewExport", "Segments"),
    "segments_scene": QT_TRANSLATE_NOOP("ReviewExport", "Segments by scene"),
    "incidents": QT_TRANSLATE_NOOP("ReviewExport", "Incidents"),
    "markers": QT_TRANSLATE_NOOP("ReviewExport", "Markers"),
    "platform": QT_TRANSLATE_NOOP("ReviewExport", "Platform per minute"),
    "questions": QT_TRANSLATE_NOOP("ReviewExport", "Questions"),
    "lotteries": QT_TRANSLATE_NOOP("ReviewExport", "Lotteries"),
    "periods": QT_TRANSLATE_NOOP("ReviewExport", "Periods"),
    "shows": QT_TRANSLATE_NOOP("ReviewExport", "Shows"),
}
WORDS = {
    "item": QT_TRANSLATE_NOOP("ReviewExport", "Item"),
    "value": QT_TRANSLATE_NOOP("ReviewExport", "Value"),
    "unknown": QT_TRANSLATE_NOOP("ReviewExport", "not known"),
    "time": QT_TRANSLATE_NOOP("ReviewExport", "Time"),
    "minute": QT_TRANSLATE_NOOP("ReviewExport", "Minute"),
    "happened": QT_TRANSLATE_NOOP("ReviewExport", "What happened"),
    "detail": QT_TRANSLATE_NOOP("ReviewExport", "Detail"),
    "not_back": QT_TRANSLATE_NOOP("ReviewExport", "not back"),
    "note": QT_TRANSLATE_NOOP("ReviewExport", "Note"),
}
NO_CHAT = QT_TRANSLATE_NOOP(
    "ReviewExport", "no chat source read the room during this show: its comments and questions are not known"
)
UNKNOWN_NOTE = QT_TRANSLATE_NOOP(
    "ReviewExport",
    "An empty cell is a figure that is not known (never 0); a row with only its time is a second not stored.",
)

PERIOD_NOTE = QT_TRANSLATE_NOOP(
    "ReviewExport",
    "An empty cell is a figure that is not known (never 0). On-time starts count only shows with a planned start "
    "(a rundown with a fixed start). A show counts in the period in which it started, in local time. Durations are "
    "h:mm:ss; on air includes a stretch the console did not see while the stream ran on, said in its own column.",
)

#: The demo room's shows a period report left out, one and several.
DEMO_LEFT_OUT_ONE = QT_TRANSLATE_NOOP(
    "ReviewExport", "Not counted: %1 show of the demo room (a rehearsal on the simulator)."
)
DEMO_LEFT_OUT_MANY = QT_TRANSLATE_NOOP(
    "ReviewExport", "Not counted: %1 shows of the demo room (rehearsals on the simulator)."
)


def demo_left_out_note(report: PeriodReport, translate: Translate = _english) -> str:
    """What a period report's file says of the demo room's shows it left out; "" when none were."""
    if not report.demo_left_out:
        return ""
    template = DEMO_LEFT_OUT_ONE if report.demo_left_out == 1 else DEMO_LEFT_OUT_MANY
    return translate(CONTEXT, template).replace("%1", str(report.demo_left_out))


# Excel number formats.
TIME = "yyyy-mm-dd hh:mm:ss"
DURATION = "[h]:mm:ss"
SUBSECOND = "[h]:mm:ss.0"
SIGNED = "+#,##0;-#,##0;0"
WHOLE = "#,##0"
ONE = "#,##0.0"
TWO = "0.00"
SHARE = "0.0%"
CHANGE = "+0.0;-0.0;0.0"


# ---------------------------------------------------------------------- writing safely
def _replace_atomically(path: Path | str, write: Callable[[Path], None]) -> None:
    """`write` into a temporary file beside `path`, then rename it over `path`; on any failure remove it and raise
    ExportError (a full disk, a folder that is not there or not writable)."""
    target = Path(path)
    if not target.parent.is_dir():
        raise _refuse(
            QT_TRANSLATE_NOOP("ReviewExport", "{path} could not be written: the folder {folder} does not exist."),
            path=str(target),
            folder=str(target.parent),
        )
    if target.is_dir():
        raise _refuse(
            QT_TRANSLATE_NOOP("ReviewExport", "{path} could not be written: it is a folder."), path=str(target)
        )
    # Beside the target (a rename within one filesystem is atomic), created by the writer itself so it gets the
    # user's usual permissions (mkstemp's would be owner-only).
    temporary: Path | None = target.parent / f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.part"
    try:
        assert temporary is not None
        write(temporary)
        os.replace(temporary, target)
        temporary = None
    except Exception as exc:
        reason = _write_failure(exc)
        if reason is None:
            raise
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "ReviewExport",
                "{path} could not be written: {reason}. Nothing was written there (an earlier file is kept).",
            ),
            path=str(target),
            reason=reason,
        ) from exc
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _write_failure(exc: BaseException) -> Message | None:
    """Why a write failed, in words (obs.oswords), if it was the file system's doing (None: a bug, raised as is).
    The sentence names the file: the temporary file the system names is not said. lxml, through which openpyxl
    streams a sheet, reports a failed write as SerialisationError("IO_ENOSPC")."""
    if isinstance(exc, OSError):
        return oswords.reason(exc, named=False)
    if type(exc).__name__ == "SerialisationError":
        code = getattr(errno, str(exc).removeprefix("IO_"), None)
        return oswords.reason(OSError(code, os.strerror(code)) if isinstance(code, int) else exc, named=False)
    return None


def _clock_text(t: float) -> str:
    """A moment of the show, local time of day (as the sheet's Start and End cells show it)."""
    return _local(t).strftime("%H:%M:%S")


def _local(t: float) -> datetime:
    """An epoch second as a local wall-clock time without a zone (Excel has none)."""
    return datetime.fromtimestamp(t)


def _local_dt(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.astimezone().replace(tzinfo=None)


def _number(value: float | None) -> float | None:
    return None if value is None or not np.isfinite(value) else float(value)


# ---------------------------------------------------------------------- sheets
class _Sheet:
    """A write-only sheet: one header row (frozen), column widths, number formats per column for typed rows."""

    def __init__(
        self,
        book: Workbook,
        title: str,
        header: Sequence[str],
        widths: Sequence[float],
        formats: Sequence[str | None] = (),
    ) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        self.sheet: WriteOnlyWorksheet = book.create_sheet(_sheet_title(title))
        self.formats = list(formats)
        self.widths = list(widths)
        self.count = 1  # rows written, the header's included
        self._cell = WriteOnlyCell
        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        self.sheet.freeze_panes = "A2"
        # Spreadsheet programs do not grow a row to fit wrapped text on opening: the header is made as tall as its
        # longest header needs in its column (a Chinese character is two units of a column's width).
        lines = max((_lines(text, width) for text, width in zip(header, widths, strict=False)), default=1)
        self._heights: Any = self.sheet.row_dimensions
        self._heights[1].height = 15.0 * lines + 3
        bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
        self._left = Alignment(horizontal="left", vertical="top", wrap_text=True)
        cells = []
        for text in header:
            cell = WriteOnlyCell(self.sheet, _clean(text))
            cell.font, cell.alignment = bold, wrap
            cells.append(cell)
        self.sheet.append(cells)

    def row(self, values: Sequence[object], left: bool = False) -> None:
        """A row with each column's number format (an unknown figure: an empty cell); `left`: every formatted
        cell aligned left, top (a key-value list reads down one edge, figures and sentences alike)."""
        cells: list[object] = []
        for index, value in enumerate(values):
            if isinstance(value, str):
                value = _clean(value)
            fmt = self.formats[index] if index < len(self.formats) else None
            # openpyxl stores a string starting with "=" as a formula: a viewer writing "=HYPERLINK(…)" as a name
            # or a question would put a live formula in the team's spreadsheet. Such text is kept as text.
            formula_like = isinstance(value, str) and value.startswith("=")
            if value is None or (fmt is None and not formula_like):
                cells.append(value)
            else:
                cell = self._cell(self.sheet, value)  # type: ignore[arg-type]  # any value a cell takes
                if formula_like:
                    cell.data_type = "s"
                if fmt is not None:
                    cell.number_format = fmt
                if left:
                    cell.alignment = self._left
                cells.append(cell)
        self.count += 1
        if left:  # a sentence wraps in its cell: the row is made tall enough to show it whole
            texts = [(v, w) for v, w in zip(values, self.widths, strict=False) if isinstance(v, str)]
            lines = max((_lines(text, width) for text, width in texts), default=1)
            if lines > 1:
                self._heights[self.count].height = 15.0 * lines + 2
        self.sheet.append(cells)


def _lines(text: str, width: float) -> int:
    """How many lines `text` wraps to in a column `width` characters wide (a wide character counts two)."""
    import math
    import unicodedata

    units = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return max(1, math.ceil(units / max(1.0, width - 1)))


def _clean(text: str) -> str:
    """Without the control characters a spreadsheet cell cannot hold (a tab or bell pasted into notes or a scene
    name would otherwise make openpyxl refuse the whole file)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", text)


def _sheet_title(text: str) -> str:
    """Excel's rules for a sheet's name: at most 31 characters, none of []:*?/\\."""
    for forbidden in "[]:*?/\\":
        text = text.replace(forbidden, " ")
    return text[:31] or "Sheet"


def _workbook() -> Workbook:
    from openpyxl import Workbook

    return Workbook(write_only=True)


# ---------------------------------------------------------------------- one show
def write_show_xlsx(
    bundle: ShowBundle, path: Path | str, translate: Translate = _english, language: str | None = None
) -> None:
    """The show as an XLSX workbook (see the module's docstring). `language` ("en", "zh_CN") names the checklist
    in that language when its run stored it so (else its title as stored). Raises ExportError."""
    rows = _seconds_grid(bundle)
    if len(rows[0]) + 1 > EXCEL_ROWS:
        raise _refuse(
            QT_TRANSLATE_NOOP("ReviewExport", "Show {show} has {rows} seconds: more rows than a spreadsheet holds."),
            show=bundle.show_id,
            rows=len(rows[0]),
        )

    def write(target: Path) -> None:
        book = _workbook()
        _summary_sheet(book, bundle, translate, language)
        _seconds_sheet(book, rows, translate)
        table = rundown_table(bundle)
        if table is not None:  # a show run from its rundown: its segments by rundown (planned vs actual), then by scene
            _segments_sheet(book, bundle, translate, (), rundown=table)
            _segments_sheet(book, bundle, translate, bundle.segments, SHEETS["segments_scene"])
        else:
            _segments_sheet(book, bundle, translate, bundle.segments)
        _incidents_sheet(book, bundle, translate)
        _markers_sheet(book, bundle, translate)
        if bundle.questions:
            _questions_sheet(book, bundle, translate)
        if bundle.lotteries:
            _lotteries_sheet(book, bundle, translate, language)
        if bundle.platform_series:
            _platform_sheet(book, bundle, translate)
        save_workbook(book, target)

    _replace_atomically(path, write)


def _summary_sheet(book: Workbook, bundle: ShowBundle, say: Translate, language: str | None) -> None:
    data, meta, summary, figures = bundle.data, bundle.meta, bundle.summary, bundle.figures
    sheet = _Sheet(
        book, say(CONTEXT, SHEETS["summary"]), [say(CONTEXT, WORDS["item"]), say(CONTEXT, WORDS["value"])], [34, 90]
    )
    unknown = say(CONTEXT, WORDS["unknown"])

    def line(label: str, value: object, fmt: str | None = None) -> None:
        shown = unknown if value is None else value
        sheet.formats = ["General", fmt or "General"]
        sheet.row([say(CONTEXT, label), shown], left=True)

    impact = bundle.impact
    line(QT_TRANSLATE_NOOP("ReviewExport", "Show"), bundle.show_id)
    # A show still open keeps growing: two exports a minute apart differ, so each says as of when.
    line(QT_TRANSLATE_NOOP("ReviewExport", "As of"), _local_dt(bundle.taken_at.replace(microsecond=0)), TIME)
    line(
        QT_TRANSLATE_NOOP("ReviewExport", "Show state then"),
        say(
            CONTEXT,
            QT_TRANSLATE_NOOP("ReviewExport", "still open: its seconds and incidents may still grow")
            if bundle.still_open
            else QT_TRANSLATE_NOOP("ReviewExport", "ended"),
        ),
    )
    line(QT_TRANSLATE_NOOP("ReviewExport", "Room"), room_in(bundle.room, say))
    line(QT_TRANSLATE_NOOP("ReviewExport", "Title"), meta.title or "")
    line(QT_TRANSLATE_NOOP("ReviewExport", "Hosts"), ", ".join(meta.hosts))
    line(QT_TRANSLATE_NOOP("ReviewExport", "Assistant"), meta.assistant)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Tags"), ", ".join(meta.tags))
    line(QT_TRANSLATE_NOOP("ReviewExport", "Notes"), meta.notes)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Start"), _local(data.start), TIME)
    line(QT_TRANSLATE_NOOP("ReviewExport", "End"), _local(data.end), TIME)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Duration"), data.duration_s / 86400, DURATION)
    line(QT_TRANSLATE_NOOP("ReviewExport", "On air"), figures.on_air_s / 86400, DURATION)
    # Counted on air (the stream ran through it) but not measured: the console was not running.
    line(QT_TRANSLATE_NOOP("ReviewExport", "Of it not seen by the console"), figures.on_air_unseen_s / 86400, DURATION)
    completeness = summary.completeness if summary is not None else None
    line(QT_TRANSLATE_NOOP("ReviewExport", "Seconds with data"), completeness, SHARE)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Peak viewers"), figures.viewers_peak, WHOLE)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Average viewers"), figures.viewers_avg, WHOLE)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Likes per minute"), figures.likes_per_min, ONE)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Interactions per minute"), figures.interactions_per_min, ONE)
    ranks = [e.rank for e in data.episodes]
    line(QT_TRANSLATE_NOOP("ReviewExport", "Incidents"), len(ranks), WHOLE)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Critical incidents"), ranks.count(3), WHOLE)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Warning incidents"), ranks.count(2), WHOLE)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Info incidents"), ranks.count(1), WHOLE)
    drop_labels = {
        "render": QT_TRANSLATE_NOOP("ReviewExport", "Frames missed in rendering (%)"),
        "encode": QT_TRANSLATE_NOOP("ReviewExport", "Frames skipped in encoding (%)"),
        "network": QT_TRANSLATE_NOOP("ReviewExport", "Frames dropped by the network (%)"),
    }
    for stage, label in drop_labels.items():
        line(label, figures.drop_pct.get(stage), TWO)
    line(
        QT_TRANSLATE_NOOP("ReviewExport", "Dropped frames taken over"),
        say(
            CONTEXT,
            QT_TRANSLATE_NOOP("ReviewExport", "the time on air (frames lost / frames rendered, as OBS's log counts)")
            if figures.drop_over == "on_air"
            else QT_TRANSLATE_NOOP("ReviewExport", "the whole show (it never went on air)"),
        ),
    )
    line(QT_TRANSLATE_NOOP("ReviewExport", "Viewer-minutes lost to problems"), impact.viewer_minutes, WHOLE)
    share = impact.share_pct
    line(
        QT_TRANSLATE_NOOP("ReviewExport", "Share of the show's viewer-minutes"),
        None if share is None else share / 100,
        SHARE,
    )
    line(QT_TRANSLATE_NOOP("ReviewExport", "Verdict"), impact.message.in_language(say))
    line(QT_TRANSLATE_NOOP("ReviewExport", "What the figure means"), CAVEAT.in_language(say))
    outcome = bundle.checklist
    line(QT_TRANSLATE_NOOP("ReviewExport", "Pre-show checklist at go-live"), checklist_in(outcome.outcome, say))
    if outcome.run is not None:
        run = outcome.run
        line(
            QT_TRANSLATE_NOOP("ReviewExport", "Checklist"), run.title_in(language) if language else run.checklist_title
        )
        line(QT_TRANSLATE_NOOP("ReviewExport", "Checklist operator"), run.operator)
        if outcome.completed_by is not None:  # completed by a person before the stream started, not kept at go-live
            line(QT_TRANSLATE_NOOP("ReviewExport", "Checklist completed by"), outcome.completed_by)
            line(QT_TRANSLATE_NOOP("ReviewExport", "Checklist completed"), _local_dt(outcome.completed_at), TIME)
        line(QT_TRANSLATE_NOOP("ReviewExport", "Went live"), _local_dt(outcome.went_live_at), TIME)
        if outcome.override_by:
            line(QT_TRANSLATE_NOOP("ReviewExport", "Went live anyway: by"), outcome.override_by)
            line(QT_TRANSLATE_NOOP("ReviewExport", "Went live anyway: reason"), outcome.override_reason or "")
    _audience_summary(bundle, line, say)
    if bundle.platform is not None:
        imported = bundle.platform
        source = f"{platform_words(imported.platform, say)}: {imported.file_name}"
        line(QT_TRANSLATE_NOOP("ReviewExport", "Platform data"), source)
        line(QT_TRANSLATE_NOOP("ReviewExport", "Platform data imported"), _local_dt(imported.imported_at), TIME)
        line(QT_TRANSLATE_NOOP("ReviewExport", "Platform data imported by"), imported.imported_by)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Written"), datetime.now().replace(microsecond=0), TIME)
    sheet.formats = [None, None]
    sheet.row([say(CONTEXT, WORDS["note"]), say(CONTEXT, UNKNOWN_NOTE)])


def _seconds_grid(bundle: ShowBundle) -> tuple[np.ndarray, np.ndarray]:
    """(times, values) with a row for every second of each gap (values NaN), so a gap reads as one."""
    data = bundle.data
    t, values = np.asarray(data.t), np.asarray(data.values)
    gaps = data.gaps()
    if not gaps:
        return t, values
    times: list[np.ndarray] = []
    blocks: list[np.ndarray] = []
    start = 0
    for before, after in gaps:
        end = int(np.searchsorted(t, before, side="right"))
        times.append(t[start:end])
        blocks.append(values[start:end])
        filler = np.arange(before + 1.0, after - 0.5, 1.0)
        times.append(filler)
        blocks.append(np.full((len(filler), values.shape[1]), np.nan))
        start = end
    times.append(t[start:])
    blocks.append(values[start:])
    return np.concatenate(times), np.concatenate(blocks)


def _rounded(values: np.ndarray) -> list[list[object]]:
    """Each channel rounded to its decimals, NaN as None, as plain Python rows (what openpyxl writes fastest)."""
    table = values.copy()
    for index, name in enumerate(CHANNELS):
        table[:, index] = np.round(table[:, index], CHANNEL_WORDS[name][1])
    cells = table.astype(object)
    cells[np.isnan(table)] = None
    for index, name in enumerate(CHANNELS):
        if CHANNEL_WORDS[name][1] == 0:  # whole numbers read as such ("1000", not "1000.0" in a CSV)
            known = ~np.isnan(table[:, index])
            cells[known, index] = table[known, index].astype(np.int64)
    rows: list[list[object]] = cells.tolist()
    return rows


def _seconds_sheet(book: Workbook, grid: tuple[np.ndarray, np.ndarray], say: Translate) -> None:
    times, values = grid
    header = [say(CONTEXT, WORDS["time"])] + [say(CONTEXT, CHANNEL_WORDS[name][0]) for name in CHANNELS]
    sheet = _Sheet(book, say(CONTEXT, SHEETS["seconds"]), header, [20] + [14] * len(CHANNELS))
    append = sheet.sheet.append
    # A datetime value gets openpyxl's date-time format by itself: no styled cell is needed per row.
    stamps = [datetime.fromtimestamp(t) for t in times.tolist()]
    for stamp, row in zip(stamps, _rounded(values), strict=True):
        append([stamp, *row])


def _incident_words(episodes: Iterable[Any], say: Translate) -> str:
    return ", ".join(e.title.in_language(say) for e in episodes)


def _segments_sheet(
    book: Workbook,
    bundle: ShowBundle,
    say: Translate,
    segments: Iterable[Any],
    name: str = SHEETS["segments"],
    rundown: RundownTable | None = None,
) -> None:
    """The segment table (SegmentRows); with `rundown` (a show's segments by rundown, console/core/review/
    by_rundown.py) its rows instead — every take and every segment skipped — with more columns: the planned length
    (the one it ran to), the actual minus the planned (+ over, − under), and what was planned at its Go when the
    length was changed on air (when and by whom); then the totals and what they count."""
    planned = rundown is not None
    gmv = "gmv" in bundle.extras
    orders = "orders" in bundle.extras
    header = [
        QT_TRANSLATE_NOOP("ReviewExport", "Segment"),
        QT_TRANSLATE_NOOP("ReviewExport", "Start"),
        QT_TRANSLATE_NOOP("ReviewExport", "End"),
        QT_TRANSLATE_NOOP("ReviewExport", "Duration"),
        QT_TRANSLATE_NOOP("ReviewExport", "Seconds with a known audience"),
        QT_TRANSLATE_NOOP("ReviewExport", "Average viewers"),
        QT_TRANSLATE_NOOP("ReviewExport", "Peak viewers"),
        QT_TRANSLATE_NOOP("ReviewExport", "Viewers at start"),
        QT_TRANSLATE_NOOP("ReviewExport", "Viewers at end"),
        QT_TRANSLATE_NOOP("ReviewExport", "Viewer change"),
        QT_TRANSLATE_NOOP("ReviewExport", "Viewer change (%)"),
        QT_TRANSLATE_NOOP("ReviewExport", "Likes per minute"),
        QT_TRANSLATE_NOOP("ReviewExport", "Interactions per minute"),
        QT_TRANSLATE_NOOP("ReviewExport", "Incidents"),
        QT_TRANSLATE_NOOP("ReviewExport", "Which incidents"),
    ]
    formats: list[str | None] = [None, TIME, TIME, DURATION, WHOLE, WHOLE, WHOLE, WHOLE, WHOLE, "+#,##0;-#,##0;0"]
    formats += [CHANGE, ONE, ONE, WHOLE, None]
    widths = [24, 20, 20, 11, 14, 12, 12, 12, 12, 12, 12, 12, 14, 10, 40]
    if gmv:
        header += [
            QT_TRANSLATE_NOOP("ReviewExport", "GMV"),
            QT_TRANSLATE_NOOP("ReviewExport", "GPM"),
            QT_TRANSLATE_NOOP("ReviewExport", "GPM basis"),
        ]
        formats += ["#,##0.00", "#,##0.00", None]
        widths += [14, 12, 22]
    if orders:
        header.append(QT_TRANSLATE_NOOP("ReviewExport", "Orders"))
        formats.append(ONE)
        widths.append(10)
    if planned:
        header += [
            QT_TRANSLATE_NOOP("ReviewExport", "Planned length"),
            QT_TRANSLATE_NOOP("ReviewExport", "Over (+) / under (−) plan"),
            QT_TRANSLATE_NOOP("ReviewExport", "Over (+) / under (−) plan (s)"),
            QT_TRANSLATE_NOOP("ReviewExport", "Length changed on air"),
        ]
        # Excel's 1900 date system has no negative time: a negative duration under any time format shows
        # "#####". So the over/under is its text ("−0:00:18", read alike everywhere) beside the signed seconds
        # as a number to compute with.
        formats += [DURATION, None, SIGNED, None]
        widths += [12, 14, 12, 48]
    sheet = _Sheet(book, say(CONTEXT, name), [say(CONTEXT, h) for h in header], widths, formats)
    if rundown is not None:
        _rundown_rows(sheet, rundown, say, gmv, orders)
        return
    for row in segments:
        # A brief switch under half a second reads 0:00:00 in h:mm:ss: its cell shows tenths.
        sheet.formats = [*formats[:3], SUBSECOND, *formats[4:]] if 0 < row.duration_s < 0.5 else formats
        sheet.row(_segment_values(row, say, gmv, orders))


def _segment_values(row: Any, say: Translate, gmv: bool, orders: bool) -> list[object]:
    """A SegmentRow's cells of the Segments sheet, up to its planned-length columns."""
    label = row.segment.label
    values: list[object] = [
        label.in_language(say) if isinstance(label, Message) else label,
        _local(row.segment.start),
        _local(row.segment.end),
        row.duration_s / 86400,
        row.audience_known_s,
        row.viewers_avg,
        row.viewers_peak,
        row.viewers_start,
        row.viewers_end,
        row.viewers_change,
        row.viewers_change_pct,
        row.likes_per_min,
        row.interactions_per_min,
        row.incident_count,
        _incident_words(row.incidents, say),
    ]
    if gmv:
        basis = GPM_BASIS_WORDS.get(row.gpm_basis or "")
        values += [row.extras.get("gmv"), row.gpm, say(CONTEXT, basis) if basis else None]
    if orders:
        values.append(row.extras.get("orders"))
    return values


def _plan_values(planned_s: int | None, over_s: float | None) -> list[object]:
    """The planned length and the over/under as text and as signed seconds (empty: no planned length)."""
    if planned_s is None or over_s is None:
        return [None, None, None]
    over = round(over_s)
    return [planned_s / 86400, signed_duration(over), over]


def _rundown_rows(sheet: _Sheet, table: RundownTable, say: Translate, gmv: bool, orders: bool) -> None:
    """The rows by rundown: a take with its figures, a skipped segment with the word "skipped" in its duration
    cell and nothing it did not have (no end, no audience); then the totals row and what the totals count."""
    blank = 11 + (3 if gmv else 0) + (1 if orders else 0)  # from "Seconds with a known audience" to the platform's
    for line in table.rows:
        if line.row is not None and line.span is not None:
            values = _segment_values(line.row, say, gmv, orders)
            note = changed_on_air(line.span, say, _clock_text, duration_text)
        else:
            values = [line.label, _local(line.start), None, say("RundownReview", SKIPPED), *[None] * blank]
            note = ""
        sheet.row([*values, *_plan_values(line.planned_s, line.over_s), note or None])
    totals = table.totals
    total = [totals.label.in_language(say), None, None, totals.actual_s / 86400, *[None] * blank]
    sheet.row([*total, *_plan_values(totals.planned_s, totals.over_s), None])
    for words in totals.notes:
        sheet.row([words.in_language(say)])


def _incidents_sheet(book: Workbook, bundle: ShowBundle, say: Translate) -> None:
    header = [
        QT_TRANSLATE_NOOP("ReviewExport", "Incident"),
        QT_TRANSLATE_NOOP("ReviewExport", "Where"),
        QT_TRANSLATE_NOOP("ReviewExport", "Worst severity"),
        QT_TRANSLATE_NOOP("ReviewExport", "Start"),
        QT_TRANSLATE_NOOP("ReviewExport", "End"),
        QT_TRANSLATE_NOOP("ReviewExport", "Duration"),
        QT_TRANSLATE_NOOP("ReviewExport", "Impact"),
        QT_TRANSLATE_NOOP("ReviewExport", "Baseline viewers"),
        QT_TRANSLATE_NOOP("ReviewExport", "Lowest while it lasted (%)"),
        QT_TRANSLATE_NOOP("ReviewExport", "Average after it (%)"),
        QT_TRANSLATE_NOOP("ReviewExport", "Lowest viewers"),
        QT_TRANSLATE_NOOP("ReviewExport", "Lowest viewers (%)"),
        QT_TRANSLATE_NOOP("ReviewExport", "Lowest after"),
        QT_TRANSLATE_NOOP("ReviewExport", "Back to baseline after"),
        QT_TRANSLATE_NOOP("ReviewExport", "Viewer-minutes lost"),
        QT_TRANSLATE_NOOP("ReviewExport", "What it cost"),
        QT_TRANSLATE_NOOP("ReviewExport", "What was found"),
    ]
    formats = [None, None, None, TIME, TIME, DURATION, None, WHOLE, CHANGE, CHANGE, WHOLE, CHANGE]
    formats += [DURATION, DURATION, ONE, None, None]
    widths = [26, 12, 10, 20, 20, 11, 22, 12, 12, 12, 12, 12, 11, 12, 12, 70, 60]
    sheet = _Sheet(book, say(CONTEXT, SHEETS["incidents"]), [say(CONTEXT, h) for h in header], widths, formats)
    not_back = say(CONTEXT, WORDS["not_back"])
    for impact in bundle.impact.impacts:
        episode = impact.episode
        back: object = _days(impact.recovered_after_s)
        if impact.status is Status.ASSESSED and impact.recovered_after_s is None:
            back = not_back
        sheet.formats = formats if back is not not_back else [*formats[:13], None, *formats[14:]]
        category = CATEGORY_NAMES.get(episode.category)
        sheet.row(
            [
                episode.title.in_language(say),
                say("Health", category) if category else episode.category,
                say(CONTEXT, SEVERITY_WORDS.get(episode.peak, episode.peak)),
                _local(episode.start),
                _local(episode.end),
                (episode.end - episode.start) / 86400,
                say(CONTEXT, STATUS_WORDS[impact.status]),
                impact.baseline,
                impact.during_pct,
                impact.after_pct,
                impact.trough,
                impact.trough_pct,
                _days(impact.trough_after_s),
                back,
                impact.shortfall_viewer_min,
                _impact_sentence(impact, say),
                episode.message.in_language(say),
            ]
        )
    sheet.formats = formats


def _impact_sentence(impact: Impact, say: Translate) -> str:
    return impact.message.in_language(say)


def _days(seconds: float | None) -> float | None:
    return None if seconds is None else seconds / 86400


def _markers_sheet(book: Workbook, bundle: ShowBundle, say: Translate) -> None:
    """What happened and its detail in the reader's words (console/core/review/marker_words.py): a scene's name as
    it is, never a code (a finding's id, why a stream stopped, a figure kept for the console)."""
    from console.core.review.marker_words import marker_words

    header = [say(CONTEXT, WORDS[key]) for key in ("time", "happened", "detail")]
    sheet = _Sheet(book, say(CONTEXT, SHEETS["markers"]), header, [20, 26, 50], [TIME, None, None])
    for mark in bundle.data.markers:
        words = marker_words(mark.kind, mark.detail)
        detail = words.detail.in_language(say) if words.detail is not None else ""
        sheet.row([_local(mark.t), words.happened.in_language(say), detail])


def _audience_summary(bundle: ShowBundle, line: Callable[[str, object, str | None], None], say: Translate) -> None:
    """The audience's side in figures (console/core/review/audience.py): the comments, the Q&A queue — how many
    questions (as the Questions dock showed them) and how many viewers asked them, what became of them, how soon an
    answer came (the median from first asked to answered) — and the lotteries. Not known, never 0, where no chat
    source read the room."""
    from console.core.review.audience import audience_of

    audience = audience_of(bundle)
    if not audience.chat_read:
        line(
            QT_TRANSLATE_NOOP("ReviewExport", "Chat"),
            say(CONTEXT, NO_CHAT),
            None,
        )
    line(QT_TRANSLATE_NOOP("ReviewExport", "Comments (paid messages included)"), audience.comments, WHOLE)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Peak comments per minute"), audience.peak_comments_per_min, WHOLE)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Peak chatters per minute"), audience.peak_chatters_per_min, WHOLE)
    line(
        QT_TRANSLATE_NOOP("ReviewExport", "Questions (one asked by many viewers counts once)"),
        audience.questions,
        WHOLE,
    )
    line(QT_TRANSLATE_NOOP("ReviewExport", "Viewers who asked them"), audience.askers, WHOLE)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Questions answered"), audience.answered, WHOLE)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Questions dismissed"), audience.dismissed, WHOLE)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Questions never answered (open or claimed)"), audience.waiting, WHOLE)
    wait = None if audience.median_wait_s is None else audience.median_wait_s / 86400
    line(QT_TRANSLATE_NOOP("ReviewExport", "Median time to an answer"), wait, DURATION)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Lotteries run"), len(audience.lotteries), WHOLE)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Lotteries drawn"), len(audience.drawn), WHOLE)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Lottery entries (all lotteries)"), audience.lottery_entries, WHOLE)
    line(QT_TRANSLATE_NOOP("ReviewExport", "Lottery winners (all lotteries)"), audience.lottery_winners, WHOLE)


QUESTION_HEADER = (
    QT_TRANSLATE_NOOP("ReviewExport", "Asked"),
    QT_TRANSLATE_NOOP("ReviewExport", "Platform"),
    QT_TRANSLATE_NOOP("ReviewExport", "Viewer"),
    QT_TRANSLATE_NOOP("ReviewExport", "Viewer's id"),
    QT_TRANSLATE_NOOP("ReviewExport", "Question"),
    QT_TRANSLATE_NOOP("ReviewExport", "Found"),
    QT_TRANSLATE_NOOP("ReviewExport", "State"),
    QT_TRANSLATE_NOOP("ReviewExport", "Claimed by"),
    QT_TRANSLATE_NOOP("ReviewExport", "Claimed"),
    QT_TRANSLATE_NOOP("ReviewExport", "Answered by"),
    QT_TRANSLATE_NOOP("ReviewExport", "Answered"),
    QT_TRANSLATE_NOOP("ReviewExport", "Time to answer"),
    QT_TRANSLATE_NOOP("ReviewExport", "Reply given"),
    QT_TRANSLATE_NOOP("ReviewExport", "Dismissed by"),
    QT_TRANSLATE_NOOP("ReviewExport", "Dismissed"),
    QT_TRANSLATE_NOOP("ReviewExport", "Group"),
)
ORIGIN_WORDS = {
    "detected": QT_TRANSLATE_NOOP("ReviewExport", "found by the console"),
    "hand": QT_TRANSLATE_NOOP("ReviewExport", "marked by hand"),
}


def _questions_sheet(book: Workbook, bundle: ShowBundle, say: Translate) -> None:
    """Every question of the show, one line per viewer's question, in the order asked, with what became of it. A
    question claimed and given back reads as open (the queue keeps the last claim only); a viewer's id stays text.
    A question many viewers asked (answered once in the queue) is one line per viewer, each with the group's
    number (the same on every line of the group; empty for a question asked alone): count the lines of a group
    to count its askers."""
    from console.core.chat.questions import STATE_WORDS

    header = [say(CONTEXT, text) for text in QUESTION_HEADER]
    widths = [20, 12, 18, 16, 50, 16, 12, 18, 20, 18, 20, 12, 50, 18, 20, 10]
    formats: list[str | None] = [TIME, None, None, "@", None, None, None, None, TIME, None, TIME, DURATION, None, None]
    formats.extend([TIME, "0"])
    sheet = _Sheet(book, say(CONTEXT, SHEETS["questions"]), header, widths, formats)

    def moment(t: float | None) -> datetime | None:
        return None if t is None else _local(t)

    for q in bundle.questions:
        wait = None if q.answered_at is None else max(0.0, q.answered_at - q.asked_at) / 86400
        origin = ORIGIN_WORDS.get(q.origin)
        sheet.row(
            [
                _local(q.asked_at),
                platform_name(q.platform, say),  # the Comments dock's words (review17: "file", "douyin")
                q.user_name,
                q.user_id,
                q.text,
                say(CONTEXT, origin) if origin else q.origin,
                say("Questions", STATE_WORDS[q.state]),
                q.claimed_by,
                moment(q.claimed_at),
                q.answered_by,
                moment(q.answered_at),
                wait,
                q.answer,
                q.dismissed_by,
                moment(q.dismissed_at),
                q.group_id,
            ]
        )


LOTTERY_HEADER = (
    QT_TRANSLATE_NOOP("ReviewExport", "Entries opened"),
    QT_TRANSLATE_NOOP("ReviewExport", "Drawn"),
    QT_TRANSLATE_NOOP("ReviewExport", "Keyword"),
    QT_TRANSLATE_NOOP("ReviewExport", "What became of it"),
    QT_TRANSLATE_NOOP("ReviewExport", "Entries"),
    QT_TRANSLATE_NOOP("ReviewExport", "Winners wanted"),
    QT_TRANSLATE_NOOP("ReviewExport", "Winners"),
    QT_TRANSLATE_NOOP("ReviewExport", "Who won (in the order drawn)"),
    QT_TRANSLATE_NOOP("ReviewExport", "Opened by"),
)


def _lotteries_sheet(book: Workbook, bundle: ShowBundle, say: Translate, language: str | None) -> None:
    """One line per lottery of the show, oldest first: when its entries opened and when it was drawn (empty when
    it never was), its keyword, what became of it, how many entered and won, and the winners' names. Each
    lottery's own export (its entries, seed and commitment: verifiable) is written from the Lottery dock."""
    from console.core.chat.lottery_export import state_words

    header = [say(CONTEXT, text) for text in LOTTERY_HEADER]
    formats: list[str | None] = [TIME, TIME, "@", None, WHOLE, WHOLE, WHOLE, None, None]
    sheet = _Sheet(book, say(CONTEXT, SHEETS["lotteries"]), header, [20, 20, 16, 40, 10, 10, 10, 50, 16], formats)
    separator = "、" if (language or "").startswith("zh") else ", "
    for record in bundle.lotteries:
        winners = separator.join(winner.user_name or winner.user_id for winner in record.standing)
        sheet.row(
            [
                _local(record.opened_at),
                None if record.drawn_at is None else _local(record.drawn_at),
                record.keyword,
                state_words(record, say),
                len(record.entries),
                record.winners_count,
                len(record.standing),
                winners,
                record.opened_by,
            ]
        )


def _platform_sheet(book: Workbook, bundle: ShowBundle, say: Translate) -> None:
    names = [name for name in PLATFORM_WORDS if name in bundle.platform_series]
    header = [say(CONTEXT, WORDS["minute"])] + [say(CONTEXT, PLATFORM_WORDS[name]) for name in names]
    formats: list[str | None] = [TIME, *("#,##0.00" if name == "gmv" else WHOLE for name in names)]
    sheet = _Sheet(book, say(CONTEXT, SHEETS["platform"]), header, [20] + [14] * len(names), formats)
    minutes = bundle.platform_series[names[0]][0] if names else np.empty(0)
    columns = [np.asarray(bundle.platform_series[name][1]) for name in names]
    for index, minute in enumerate(minutes.tolist()):
        sheet.row([_local(minute), *(_number(float(column[index])) for column in columns)])


# ---------------------------------------------------------------------- CSV
def write_show_csv(bundle: ShowBundle, path: Path | str, translate: Translate = _english, raw: bool = False) -> None:
    """The per-second data as CSV (UTF-8 with a BOM). For people: local times, headers in their language, a row
    with only its time for every second not stored. `raw`: for scripts — `t` (epoch seconds), `time_utc` (ISO
    8601) and each channel by its machine name, only the seconds stored. An unknown figure: an empty cell."""

    def write(target: Path) -> None:
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            if raw:
                writer.writerow(["t", "time_utc", *CHANNELS])
                times = np.asarray(bundle.data.t)
                for t, row in zip(times.tolist(), _plain(bundle.data.values), strict=True):
                    writer.writerow([f"{t:.3f}", datetime.fromtimestamp(t, UTC).isoformat(), *row])
                return
            times, values = _seconds_grid(bundle)
            writer.writerow(
                [translate(CONTEXT, WORDS["time"])] + [translate(CONTEXT, CHANNEL_WORDS[n][0]) for n in CHANNELS]
            )
            for t, row in zip(times.tolist(), _rounded(values), strict=True):
                stamp = datetime.fromtimestamp(t).strftime("%Y-%m-%d %H:%M:%S")
                writer.writerow([stamp, *("" if v is None else v for v in row)])

    _replace_atomically(path, write)


def _plain(values: np.ndarray) -> list[list[object]]:
    """Values as stored (unrounded), NaN as an empty cell."""
    cells = np.asarray(values).astype(object)
    cells[np.isnan(np.asarray(values))] = ""
    rows: list[list[object]] = cells.tolist()
    return rows


# ---------------------------------------------------------------------- a period
PERIOD_HEADER = [
    QT_TRANSLATE_NOOP("ReviewExport", "Period"),
    QT_TRANSLATE_NOOP("ReviewExport", "From"),
    QT_TRANSLATE_NOOP("ReviewExport", "To"),
    QT_TRANSLATE_NOOP("ReviewExport", "Room or host"),
    QT_TRANSLATE_NOOP("ReviewExport", "Shows"),
    QT_TRANSLATE_NOOP("ReviewExport", "Duration"),
    QT_TRANSLATE_NOOP("ReviewExport", "On air"),
    QT_TRANSLATE_NOOP("ReviewExport", "Average viewers"),
    QT_TRANSLATE_NOOP("ReviewExport", "Change against the period before (%)"),
    QT_TRANSLATE_NOOP("ReviewExport", "Peak viewers"),
    QT_TRANSLATE_NOOP("ReviewExport", "Likes per minute"),
    QT_TRANSLATE_NOOP("ReviewExport", "Interactions per minute"),
    QT_TRANSLATE_NOOP("ReviewExport", "On-time starts"),
    QT_TRANSLATE_NOOP("ReviewExport", "Shows with a planned start"),
    QT_TRANSLATE_NOOP("ReviewExport", "Incidents"),
    QT_TRANSLATE_NOOP("ReviewExport", "Critical incidents"),
    QT_TRANSLATE_NOOP("ReviewExport", "Incidents on air"),
    QT_TRANSLATE_NOOP("ReviewExport", "Incidents per hour on air"),
    QT_TRANSLATE_NOOP("ReviewExport", "Frames missed in rendering (%)"),
    QT_TRANSLATE_NOOP("ReviewExport", "Frames skipped in encoding (%)"),
    QT_TRANSLATE_NOOP("ReviewExport", "Frames dropped by the network (%)"),
    QT_TRANSLATE_NOOP("ReviewExport", "Checklist overridden"),
    QT_TRANSLATE_NOOP("ReviewExport", "Checklist ready"),
    QT_TRANSLATE_NOOP("ReviewExport", "No checklist"),
    QT_TRANSLATE_NOOP("ReviewExport", "Of it not seen by the console"),
]
# The raw period export's columns (for scripts): PeriodRow.to_json's keys, flattened.
PERIOD_RAW = [
    "period", "start", "end", "per", "name", "shows", "hours", "on_air_hours", "viewers_avg",
    "viewers_avg_change_pct", "viewers_peak", "likes_per_min", "interactions_per_min", "on_time", "on_time_known",
    "incidents", "incidents_critical", "incidents_on_air", "incidents_per_hour_on_air", "drop_render_pct",
    "drop_encode_pct", "drop_network_pct", "checklist_overridden", "checklist_ready", "checklist_none",
    "on_air_unseen_hours",
]  # fmt: skip
# Duration and On air as durations ([h]:mm:ss: an analyst sums them in Excel), not decimal hours.
PERIOD_FORMATS: list[str | None] = [None, "yyyy-mm-dd", "yyyy-mm-dd", None, WHOLE, DURATION, DURATION, WHOLE]
PERIOD_FORMATS += [CHANGE, WHOLE, ONE, ONE, WHOLE, WHOLE, WHOLE, WHOLE, WHOLE, TWO, TWO, TWO, TWO, WHOLE, WHOLE]
PERIOD_FORMATS += [WHOLE, DURATION]


def _length(seconds: float | None) -> timedelta | None:
    """A period's length as a duration (whole seconds): a date-time duration in XLSX, h:mm:ss in CSV and PDF."""
    return None if seconds is None else timedelta(seconds=round(seconds))


def _period_values(row: PeriodRow, say: Translate) -> list[object]:
    return [
        row.label,
        row.start,
        row.end - timedelta(days=1),
        name_in(row, say),
        row.shows,
        _length(row.duration_s),
        _length(row.on_air_seconds),
        row.viewers_avg,
        row.viewers_avg_change_pct,
        row.viewers_peak,
        row.likes_per_min,
        row.interactions_per_min,
        row.on_time,
        row.on_time_known,
        row.incidents,
        row.incidents_critical,
        row.incidents_on_air,
        row.incidents_per_hour,
        *(row.drop_pct.get(stage) for stage in STAGES),
        row.overrides,
        row.checklist_ready,
        row.checklist_none,
        _length(row.on_air_unseen_seconds),
    ]


def _in_days(values: list[object]) -> list[object]:
    """Durations as Excel keeps them (days, shown [h]:mm:ss)."""
    return [v.total_seconds() / 86400 if isinstance(v, timedelta) else v for v in values]


def _as_text(values: list[object]) -> list[object]:
    """Durations as h:mm:ss text (Excel reads such a cell as a duration it can sum); unknown as ""."""
    return ["" if v is None else duration_text(v.total_seconds()) if isinstance(v, timedelta) else v for v in values]


def write_period_xlsx(report: PeriodReport, path: Path | str, translate: Translate = _english) -> None:
    """A period report as XLSX: the periods (one row per period and room/host; "not known" cells empty — the
    on-time starts stay empty until shows have a planned start), then the shows they sum up. ExportError."""
    say = translate

    def write(target: Path) -> None:
        book = _workbook()
        widths = [12, 12, 12, 20, 8, 10, 10, 11, 12, 11, 11, 12, 10, 11, 10, 10, 10, 12, 12, 12, 12, 11, 11, 11, 12]
        periods = _Sheet(
            book, say(CONTEXT, SHEETS["periods"]), [say(CONTEXT, h) for h in PERIOD_HEADER], widths, PERIOD_FORMATS
        )
        for row in report.rows:
            periods.row(_in_days(_period_values(row, say)))
        periods.formats = [None]
        periods.row([])
        periods.row([say(CONTEXT, PERIOD_NOTE)])
        if report.demo_left_out:
            periods.row([demo_left_out_note(report, say)])
        header = [
            QT_TRANSLATE_NOOP("ReviewExport", "Show"),
            QT_TRANSLATE_NOOP("ReviewExport", "Room"),
            QT_TRANSLATE_NOOP("ReviewExport", "Hosts"),
            QT_TRANSLATE_NOOP("ReviewExport", "Start"),
            QT_TRANSLATE_NOOP("ReviewExport", "Duration"),
            QT_TRANSLATE_NOOP("ReviewExport", "On air"),
            QT_TRANSLATE_NOOP("ReviewExport", "Of it not seen by the console"),
            QT_TRANSLATE_NOOP("ReviewExport", "Average viewers"),
            QT_TRANSLATE_NOOP("ReviewExport", "Peak viewers"),
            QT_TRANSLATE_NOOP("ReviewExport", "Likes per minute"),
            QT_TRANSLATE_NOOP("ReviewExport", "Interactions per minute"),
            QT_TRANSLATE_NOOP("ReviewExport", "Incidents"),
            QT_TRANSLATE_NOOP("ReviewExport", "Incidents on air"),
            QT_TRANSLATE_NOOP("ReviewExport", "Pre-show checklist at go-live"),
        ]
        formats = [WHOLE, None, None, TIME, DURATION, DURATION, DURATION, WHOLE, WHOLE, ONE, ONE, WHOLE, WHOLE, None]
        shows = _Sheet(
            book,
            say(CONTEXT, SHEETS["shows"]),
            [say(CONTEXT, h) for h in header],
            [8, 16, 20, 20, 11, 11, 12, 12, 12, 12, 13, 10, 10, 16],
            formats,
        )
        for show in report.shows:
            shows.row(
                [
                    show.show_id,
                    room_in(show.room, say),
                    ", ".join(show.hosts),
                    _local_dt(show.start),
                    _days(show.duration_s),
                    _days(show.on_air_s),
                    None if show.on_air_s is None else _days(show.on_air_unseen_s),
                    show.viewers_avg,
                    show.viewers_peak,
                    show.likes_per_min,
                    show.interactions_per_min,
                    show.incidents,
                    show.incidents_on_air,
                    checklist_in(show.checklist, say),
                ]
            )
        save_workbook(book, target)

    _replace_atomically(path, write)


def write_period_csv(
    report: PeriodReport, path: Path | str, translate: Translate = _english, raw: bool = False
) -> None:
    """A period report's rows as CSV: for people (their language, "" for unknown) or `raw` (PERIOD_RAW)."""

    def write(target: Path) -> None:
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            if raw:
                writer.writerow(PERIOD_RAW)
                for row in report.rows:
                    data = row.to_json()
                    drops = row.drop_pct
                    flat = {**data, **{f"drop_{stage}_pct": drops.get(stage) for stage in STAGES}}
                    flat["period"] = row.label
                    writer.writerow(["" if flat.get(key) is None else flat[key] for key in PERIOD_RAW])
                return
            writer.writerow([translate(CONTEXT, h) for h in PERIOD_HEADER])
            for row in report.rows:
                writer.writerow(_as_text(_period_values(row, translate)))

    _replace_atomically(path, write)
