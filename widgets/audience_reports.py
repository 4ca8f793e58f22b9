"""AudienceReportsLine: while viewers report a problem (an open audience-reports finding of the health engine,
obs/health_audience.py), one short amber line says what they report, how many, and the cause the finding names —
where customer service works (the Comments dock, the Questions dock's answer), not only in the Health dock. It says
only what the engine decided; its tooltip is the finding's whole message and what to do."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from obs.health import Finding
from obs.health_audience import brief
from obs.vocabulary import Kind
from widgets.ports import TelemetryPort

STYLE = "QLabel { background: #fff4d6; color: #7a4b00; border: 1px solid #f0c040; border-radius: 3px; padding: 3px; }"


def _health(text: str) -> str:
    return QCoreApplication.translate("Health", text)


class AudienceReportsLine(QLabel):
    """Hidden while no viewers report a problem; `lines` holds each open report's line by kind of complaint."""

    sig_changed = Signal()  # the open reports' lines changed (read `lines`)

    def __init__(self, telemetry: TelemetryPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.telemetry = telemetry
        #: Per kind of complaint ("sound", "picture", "lag"): its open finding's line, in the reader's language.
        self.lines: dict[str, str] = {}
        self.setObjectName("audience_reports")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet(STYLE)
        # Never wider than the dock it is in: a long cause wraps instead of widening a laptop's column.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setVisible(False)
        telemetry.sig_findings_changed.connect(self._on_telemetry_findings_changed)
        # The count and the cause move while the finding stays open.
        telemetry.sig_sampled.connect(self._on_telemetry_sampled)
        self.refresh()

    def _on_telemetry_findings_changed(self, _changes: object) -> None:
        self.refresh()

    def _on_telemetry_sampled(self) -> None:
        self.refresh()

    def reports(self) -> list[Finding]:
        return [f for f in self.telemetry.health.active() if f.id == Kind.AUDIENCE_REPORTS]

    def refresh(self) -> None:
        findings = self.reports()
        lines = {str(f.fields.get("complaint", "")): brief(f, _health) for f in findings}
        tips = []
        for finding in findings:
            advice = "".join(f"<br>→ {html.escape(remedy)}" for remedy in finding.advice(_health))
            tips.append(html.escape(finding.explain(_health(finding.template))) + advice)
        tip = "<p>" + "</p><p>".join(tips) + "</p>" if tips else ""
        if lines == self.lines and tip == self.toolTip() and self.isHidden() == (not lines):
            return  # every second while a finding is open: a label set again is laid out again
        self.setToolTip(tip)
        changed = lines != self.lines
        self.lines = lines
        self.setText("<br>".join(f"⚠ {html.escape(line)}" for line in lines.values()))
        self.setVisible(bool(lines))
        if changed:
            self.sig_changed.emit()
