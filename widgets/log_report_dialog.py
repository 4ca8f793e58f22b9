"""Analyze OBS log…: pick a log (OBS's newest by default), read it off the GUI thread, show per session the
lost-frame figures and the findings with what to do — the same analysis as `onair analyze-log`."""

from __future__ import annotations

import html
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QTextBrowser, QVBoxLayout, QWidget

from obs.logfile import Finding, LogReport, NotAnObsLog, Session, analyze, log_folders, newest_log

SEVERITY_COLOURS = {"info": "#6fa8dc", "warning": "#c79a00", "critical": "#e0312f"}


def _words(template: str) -> str:
    return QCoreApplication.translate("LogFindings", template)


class LogAnalysis(QObject):
    """Reads one log on a worker thread; `sig_done(report, problem)` arrives on the GUI thread."""

    sig_done = Signal(object, str)

    def start(self, path: Path) -> None:
        def work() -> None:
            try:
                report: LogReport | None = analyze(path)
                problem = ""
            except NotAnObsLog as exc:
                report, problem = None, exc.explain(_words(exc.template))
            except Exception as exc:  # a bug must still end in words, not a silent dialog
                report, problem = None, f"{type(exc).__name__}: {exc}"
            self.sig_done.emit(report, problem)

        threading.Thread(target=work, name="obs-log-analysis", daemon=True).start()


def choose_log(parent: QWidget) -> Path | None:
    newest = newest_log()
    start = str(newest) if newest else str(next((f for f in log_folders() if f.is_dir()), Path.home()))
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("LogReportDialog", "Analyze OBS log"),
        start,
        QCoreApplication.translate("LogReportDialog", "OBS logs (*.txt *.log);;All files (*)"),
    )
    return Path(path) if path else None


class LogReportDialog(QDialog):
    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("OBS log: %1").replace("%1", path.name))
        self.resize(760, 560)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setPlainText(self.tr("Reading %1…").replace("%1", str(path)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.report: LogReport | None = None
        self.problem = ""
        self.analysis = LogAnalysis(self)
        self.analysis.sig_done.connect(self._on_analysis_done)
        self.analysis.start(path)

    @Slot(object, str)
    def _on_analysis_done(self, report: LogReport | None, problem: str) -> None:
        self.report, self.problem = report, problem
        if report is None:
            self.text.setHtml(f'<p style="color:#e0312f">{html.escape(problem)}</p>')
            return
        self.text.setHtml(self.report_html(report))

    def _session_rows(self, s: Session, kinds: dict[str, str], pct: Callable[[float | None], str]) -> str:
        """The session's row, then one row per run when it reconnected: each run's own figures."""

        def row(cells: tuple[str, ...], style: str = "") -> str:
            return f"<tr{style}>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in cells) + "</tr>"

        reconnects = str(s.reconnects)
        if s.reconnect_attempts != s.reconnects:
            reconnects += " " + self.tr("(%1 attempts)").replace("%1", str(s.reconnect_attempts))
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
        if len(s.segments) > 1:
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
                            self.tr("%1 attempts").replace("%1", str(segment.reconnect_attempts))
                            if segment.reconnect_attempts
                            else "",
                        ),
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
            f"({html.escape(report.platform or '?')})</p>"
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
