"""Analyze OBS log…: the room's own newest log when OBS runs on this PC (else where its logs are, and a dropped or
opened file), read off the GUI thread, per session the lost-frame figures and the findings with what to do — the
same analysis as `onair analyze-log` — and beside them the live findings the console kept for the same show
(console/log_review.py asks storage, on the same worker)."""

from __future__ import annotations

import html
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from obs.logfile import Finding, LogReport, NotAnObsLog, Session, analyze, log_folders, newest_log

SEVERITY_COLOURS = {"info": "#6fa8dc", "warning": "#c79a00", "critical": "#e0312f"}


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


#: The live findings beside a log: (report, path) -> console.log_review.Comparison, asked on the worker.
Compare = Callable[[LogReport, Path | None], Any]


class LogAnalysis(QObject):
    """Reads one log on a worker thread, then asks `compare` (storage) there too; `sig_done(report, problem,
    comparison)` arrives on the GUI thread."""

    sig_done = Signal(object, str, object)

    def start(self, path: Path, compare: Compare | None = None) -> None:
        def work() -> None:
            comparison = None
            try:
                report: LogReport | None = analyze(path)
                problem = ""
            except NotAnObsLog as exc:
                report, problem = None, exc.in_language(_translate, "LogFindings")
            except Exception as exc:  # a bug must still end in words, not a silent dialog
                report, problem = None, f"{type(exc).__name__}: {exc}"
            if report is not None and compare is not None:
                try:
                    comparison = compare(report, path)
                except Exception as exc:  # the log's own report stays; the comparison says why it is missing
                    comparison = f"{type(exc).__name__}: {exc}"
            self.sig_done.emit(report, problem, comparison)

        threading.Thread(target=work, name="obs-log-analysis", daemon=True).start()


def choose_log(parent: QWidget) -> Path | None:
    newest = newest_log()
    start = str(newest) if newest else str(next((f for f in log_folders() if f.is_dir()), Path.home()))
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("LogReportDialog", "Analyze OBS log"),
        start,
        QCoreApplication.translate("LogReportDialog", "OBS logs (*.txt *.log *.zip);;All files (*)"),
    )
    return Path(path) if path else None


class LogReportDialog(QDialog):
    """One log's report. `note` says where the log came from (or where OBS keeps its logs); a log file dropped on
    the window, or chosen with Open…, is read in its place."""

    def __init__(
        self,
        path: Path | None,
        parent: QWidget | None = None,
        note: str = "",
        compare: Compare | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.compare = compare
        self.setAcceptDrops(True)
        self.resize(900, 620)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        self._noted = path  # the log the note speaks of (None: where OBS keeps its logs, no log found there)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setAcceptDrops(False)  # a file dropped on the report reaches the dialog, not the text view
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_button = QPushButton(self.tr("Open…"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.report: LogReport | None = None
        self.problem = ""
        self.comparison: Any = None
        self.reading = False
        self.analysis = LogAnalysis(self)
        self.analysis.sig_done.connect(self._on_analysis_done)
        if path is not None:
            self.read(path)
        else:
            self.setWindowTitle(self.tr("Analyze OBS log"))
            self.text.setPlainText(self.tr("Drop an OBS log file here, or choose one with “Open…”."))

    def read(self, path: Path) -> None:
        """Analyse this log (off the GUI thread) in place of the one shown."""
        self.path = path
        if path != self._noted:  # walk13: "…its log folder holds no log yet" stayed above a log opened since
            self.note.setVisible(False)
        self.report, self.problem, self.comparison, self.reading = None, "", None, True
        self.setWindowTitle(self.tr("OBS log: %1").replace("%1", path.name))
        self.text.setPlainText(self.tr("Reading %1…").replace("%1", str(path)))
        self.analysis.start(path, self.compare)

    @Slot()
    def _on_open_button_clicked(self) -> None:
        path = choose_log(self)
        if path is not None:
            self.read(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.read(files[0])

    @Slot(object, str, object)
    def _on_analysis_done(self, report: LogReport | None, problem: str, comparison: Any) -> None:
        self.report, self.problem, self.comparison, self.reading = report, problem, comparison, False
        if report is None:
            self.text.setHtml(f'<p style="color:#e0312f">{html.escape(problem)}</p>')
            return
        self.text.setHtml(self.report_html(report) + self.comparison_html(comparison))

    def comparison_html(self, comparison: Any) -> str:
        """The log's session findings beside the live episodes the console kept for the same show."""
        if comparison is None:
            return ""
        title = html.escape(self.tr("Beside the live findings"))
        if isinstance(comparison, str) or comparison.problem is not None:
            problem = comparison if isinstance(comparison, str) else comparison.problem.in_language(_translate)
            return f"<p><b>{title}</b></p><p style='color:#8a8a8a'>{html.escape(problem)}</p>"

        def span(start: datetime, end: datetime | None) -> str:
            return start.strftime("%H:%M") + ("" if end is None else "–" + end.strftime("%H:%M"))

        if comparison.show_title:
            show = self.tr("Show #%1 “%2”, %3").replace("%2", comparison.show_title)
        else:
            show = self.tr("Show #%1, %3")
        show = show.replace("%1", str(comparison.show_id))
        show = show.replace("%3", comparison.show_start.strftime("%Y-%m-%d ") + span(
            comparison.show_start, comparison.show_end))  # fmt: skip
        head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in (self.tr("In the log"), self.tr("Live")))
        rows = []
        not_live, not_logged = self.tr("not seen live"), self.tr("not in the log")
        for pair in comparison.pairs:
            colour = SEVERITY_COLOURS.get(pair.finding.severity, "#888")
            log = f"<span style='color:{colour}'>{html.escape(pair.title.in_language(_translate))}</span> " + span(
                pair.start, pair.end
            )
            live = "<br>".join(
                f"<span style='color:{SEVERITY_COLOURS.get(e.severity, '#888')}'>"
                f"{html.escape(e.title.in_language(_translate))}</span> {span(e.start, e.end)}"
                for e in pair.live
            ) or html.escape(not_live)
            rows.append(f"<tr><td>{log}</td><td>{live}</td></tr>")
        for episode in comparison.only_live:
            colour = SEVERITY_COLOURS.get(episode.severity, "#888")
            live = f"<span style='color:{colour}'>{html.escape(episode.title.in_language(_translate))}</span> " + span(
                episode.start, episode.end
            )
            logged = (
                not_logged
                if not episode.log_pct
                else self.tr("%1 % in the log, under its threshold").replace("%1", f"{episode.log_pct:.1f}")
            )
            if episode.log_says is not None:  # the log's likely cause, where it is no session finding
                logged = episode.log_says.in_language(_translate)
            rows.append(f"<tr><td>{html.escape(logged)}</td><td>{live}</td></tr>")
        if not rows:
            calm = self.tr("Nothing went wrong in either.")
            rows.append(f"<tr><td colspan='2'>{html.escape(calm)}</td></tr>")
        return (
            f"<p><b>{title}</b><br>{html.escape(show)}</p>"
            f"<table cellspacing='0' cellpadding='4'><tr>{head}</tr>{''.join(rows)}</table>"
        )

    def _session_rows(self, s: Session, kinds: dict[str, str], pct: Callable[[float | None], str]) -> str:
        """The session's row, then one row per run when it reconnected: each run's own figures."""

        def row(cells: tuple[str, ...], style: str = "") -> str:
            return f"<tr{style}>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in cells) + "</tr>"

        reconnects = str(s.reconnects)
        if s.reconnect_attempts != s.reconnects:
            attempts = self.tr("(1 attempt)") if s.reconnect_attempts == 1 else self.tr("(%1 attempts)")
            reconnects += " " + attempts.replace("%1", str(s.reconnect_attempts))
        streaming = s.kind == "streaming"
        rows = [
            row(
                (
                    kinds.get(s.kind, s.kind),
                    s.started,
                    s.ended or self.tr("(log ends)"),
                    pct(s.render_lag_pct),
                    pct(s.encode_lag_pct),
                    pct(s.network_drop_pct) if streaming else "—",
                    reconnects,
                )
            )
        ]
        covered = s.runs_in_figures
        if (
            covered is not None
        ):  # the log ends in a run it never wrote the figures of: the session's are the runs' before
            reported, total = covered
            note = (
                self.tr("Render lag and network drops: run 1 of %2 only, the one the log reports in full")
                if reported == 1
                else self.tr("Render lag and network drops: runs 1–%1 of %2 only, the ones the log reports in full")
            )
            note = note.replace("%1", str(reported)).replace("%2", str(total))
            rows.append(f"<tr style='color:#8a8a8a'><td></td><td colspan='6'><i>{html.escape(note)}</i></td></tr>")
        unfinished = s.unfinished_run
        if len(s.segments) > 1 or unfinished is not None:
            for number, segment in enumerate(s.segments, 1):
                rows.append(
                    row(
                        (
                            "\u2003" + self.tr("run %1").replace("%1", str(number)),
                            "",
                            segment.ended,
                            pct(segment.render_lag_pct),
                            "",
                            pct(segment.network_drop_pct) if streaming else "—",
                            (
                                self.tr("1 attempt") if segment.reconnect_attempts == 1 else self.tr("%1 attempts")
                            ).replace("%1", str(segment.reconnect_attempts))
                            if segment.reconnect_attempts
                            else "",
                        ),
                        " style='color:#8a8a8a'",
                    )
                )
        if unfinished is not None:  # the log ends in a run whose figures were never written
            last = self.tr("run %1").replace("%1", str(len(s.segments) + 1)) if unfinished else self.tr("reconnecting")
            gone = self.tr("not known (the log ends)")
            rows.append(
                row(
                    ("\u2003" + last, unfinished, gone, "?", "", "?" if streaming else "—", ""),
                    " style='color:#8a8a8a'",
                )
            )
        return "".join(rows)

    @staticmethod
    def _finding_html(finding: Finding) -> str:
        """A finding in the reader's language, and under it what to do (with OBS's menu path)."""
        message, remedy = finding.say(QCoreApplication.translate)
        colour = SEVERITY_COLOURS.get(finding.severity, "#888")
        severity = html.escape(QCoreApplication.translate("Health", finding.severity))
        line = f"<li><span style='color:{colour}'>[{severity}]</span> {html.escape(message)}"
        if remedy:
            line += f"<br><span style='color:#8a8a8a'>→ {html.escape(remedy)}</span>"
        for logged in finding.details:  # the log's own lines, as OBS wrote them
            said = QCoreApplication.translate("LogReportDialog", "log: %1").replace("%1", logged)
            line += f"<br><span style='color:#8a8a8a; font-family:monospace'>{html.escape(said)}</span>"
        return line + "</li>"

    def report_html(self, report: LogReport) -> str:
        def pct(value: float | None) -> str:
            return "?" if value is None else f"{value:.1f} %"

        kinds = {"streaming": self.tr("Streaming"), "recording": self.tr("Recording")}
        no_session = self.tr("No streaming or recording session in this log.")
        findings_title = self.tr("Findings")
        nothing = self.tr("Nothing worth knowing was found in this log.")
        parts = [
            f"<p><b>{html.escape(report.file)}</b><br>OBS {html.escape(report.obs_version or '?')} "
            f"({html.escape(report.platform_name)})</p>"
        ]
        if report.sessions:
            head = "".join(
                f"<th align='left'>{html.escape(h)}</th>"
                for h in (
                    self.tr("Session"),
                    self.tr("From"),
                    self.tr("Until"),
                    self.tr("Rendering lag"),
                    self.tr("Encoding lag"),
                    self.tr("Network drops"),
                    self.tr("Reconnects"),
                )
            )
            rows = "".join(self._session_rows(s, kinds, pct) for s in report.sessions)
            parts.append(f"<table cellspacing='0' cellpadding='4'><tr>{head}</tr>{rows}</table>")
        else:
            parts.append(f"<p>{html.escape(no_session)}</p>")
        if report.findings:
            items = "".join(self._finding_html(f) for f in report.findings)
            parts.append(f"<p><b>{html.escape(findings_title)}</b></p><ul>{items}</ul>")
        else:
            parts.append(f"<p>{html.escape(nothing)}</p>")
        return "".join(parts)
