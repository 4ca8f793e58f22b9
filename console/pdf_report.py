"""A stored checklist run as a printable PDF, with Qt's own PDF writer (A4, the user's language)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from console.core.reports import room_in

if TYPE_CHECKING:
    from console.core.storage import StoredRun

STATUS_MARK = {
    "passed": "✓",
    "failed": "✗",
    "error": "?",
    "needs_person": "☐",
    "overridden": "!",
    "pending": "…",
    "checking": "…",
}


translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal") calls


def run_html(run: StoredRun, language: str = "en") -> str:
    """The report as HTML (QTextDocument's subset): titles in `language`, results and words in the installed
    translator's; what people typed (names, reasons, notes) as they typed it."""
    status_label = translate("Report", "Status")
    item_label = translate("Report", "Item")
    result_label = translate("Report", "Result")
    who_label = translate("Report", "Who")
    optional_label = translate("Report", "(optional)")
    rows = []
    for item in run.items:
        detail = html.escape(item.result_in(translate))
        if item.override_reason:
            detail += (
                "<br/><b>"
                + html.escape(translate("Report", "Overridden: %1").replace("%1", item.override_reason))
                + "</b>"
            )
        if item.note:
            detail += "<br/><i>" + html.escape(translate("Report", "Note: %1").replace("%1", item.note)) + "</i>"
        when = item.confirmed_at.strftime("%H:%M") if item.confirmed_at else ""
        mark = f"{STATUS_MARK.get(item.status, '')} {html.escape(item.status_in(translate))}"
        rows.append(
            f"<tr><td>{mark}</td><td>{html.escape(item.title_in(language))}"
            f"{'' if item.required else ' ' + html.escape(optional_label)}</td><td>{detail}</td>"
            f"<td>{html.escape(item.confirmed_by)} {when}</td></tr>"
        )
    verdict = translate("Report", "READY") if run.ready else translate("Report", "NOT READY")
    go_live = ""
    if run.go_live_reason:
        go_live = (
            "<p><b>"
            + html.escape(
                translate("Report", "Went live with open items — %1: %2")
                .replace("%1", run.go_live_by or "")
                .replace("%2", run.go_live_reason)
            )
            + "</b></p>"
        )
    header = (
        translate("Report", "Room: %1 · Operator: %2 · Started: %3")
        .replace("%1", room_in(run.room, translate))
        .replace("%2", run.operator)
        .replace("%3", run.started_at.astimezone().strftime("%Y-%m-%d %H:%M"))
    )
    if run.show_id is not None:
        began = run.show_started_at.astimezone().strftime("%Y-%m-%d %H:%M") if run.show_started_at else "?"
        header += " · " + translate("Report", "Show %1 (began %2)").replace("%1", str(run.show_id)).replace("%2", began)
    return (
        f"<h2>{html.escape(run.title_in(language))}</h2><p>{html.escape(header)}</p>"
        f"<p><b>{html.escape(verdict)}</b></p>{go_live}<p>{html.escape(end_line(run))}</p>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        f"<tr><th>{html.escape(status_label)}</th><th>{html.escape(item_label)}</th><th>{html.escape(result_label)}</th>"
        f"<th>{html.escape(who_label)}</th></tr>{''.join(rows)}</table>"
    )


def end_line(run: StoredRun) -> str:
    """How the run ended, in words: the final state of every item below is the state at that moment."""
    when = run.ended_at.astimezone().strftime("%Y-%m-%d %H:%M") if run.ended_at else ""
    if run.end_state == "completed" and run.go_live_at is not None and not run.go_live_by:
        # Completed before the stream started, and counted as its show's checklist at go-live.
        return (
            translate("Report", "Completed by %1 at %2; the show went live at %3")
            .replace("%1", run.ended_by or "")
            .replace("%2", when)
            .replace("%3", run.go_live_at.astimezone().strftime("%Y-%m-%d %H:%M"))
        )
    if run.end_state == "completed":
        return translate("Report", "Completed by %1 at %2").replace("%1", run.ended_by or "").replace("%2", when)
    if run.end_state == "abandoned":
        return (
            translate("Report", "Abandoned by %1 at %2: %3")
            .replace("%1", run.ended_by or "")
            .replace("%2", when)
            .replace("%3", run.end_reason or "")
        )
    if run.end_state == "went_live":
        return translate("Report", "Kept as it was when the stream started, at %1").replace("%1", when)
    return translate("Report", "Still open")


def write_pdf(run: StoredRun, path: Path, language: str = "en") -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(run.title_in(language))
    document = QTextDocument()
    document.setHtml(run_html(run, language))
    document.print_(writer)
