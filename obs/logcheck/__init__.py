"""The log checks: rules over what a log says (obs/logfacts.py's LogFacts and the sessions), one module per area.

Every finding has a stable id declared once here with `Spec` (its area, live-health category, default severity,
message and remedy — translatable templates, context "LogFindings" — and one English line for the README's
table); `--json` and scripts rely on the ids. Severities follow OBS's own log analyzer: critical for what breaks
a show, warning for a known cause of trouble, info for what a technician should know. No Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from obs.log_findings import TR_CONTEXT, Finding
from obs.logfacts import LogFacts
from obs.text import QT_TRANSLATE_NOOP, Message, counted
from obs.vocabulary import Category, Severity

if TYPE_CHECKING:
    from obs.logfile import Session


def log_lines(count: int) -> Message:
    """How many of the log's lines a finding rests on, as a field of its sentence: "1 line", "3 lines"."""
    return counted(count, QT_TRANSLATE_NOOP("LogFindings", "{count} line"),
                   QT_TRANSLATE_NOOP("LogFindings", "{count} lines"), TR_CONTEXT)  # fmt: skip


#: The areas a finding is about, in the order the reports list them.
AREAS = ("log", "system", "graphics", "encoding", "network", "audio", "sources")


@dataclass(frozen=True)
class Spec:
    id: str
    area: str
    category: Category
    severity: Severity
    template: str
    remedy: str
    meaning: str  # one English line for the README's table (not shown to operators)

    def make(self, severity: Severity | None = None, remedy: str | None = None, /, **fields: Any) -> Finding:
        """The finding with these fields; a severity or remedy other than the declared ones where given."""
        return Finding(
            self.id,
            self.category,
            severity or self.severity,
            self.template,
            fields,
            remedy=self.remedy if remedy is None else remedy,
            area=self.area,
        )


#: Every finding id the checks can report, by id.
SPECS: dict[str, Spec] = {}


def spec(
    finding_id: str,
    area: str,
    category: Category,
    severity: Severity,
    template: str,
    remedy: str,
    meaning: str,
) -> Spec:
    """Declares a finding id once; a second declaration of the same id is a bug."""
    if finding_id in SPECS:
        raise ValueError(f"finding id {finding_id!r} declared twice")
    declared = Spec(finding_id, area, category, severity, template, remedy, meaning)
    SPECS[finding_id] = declared
    return declared


@dataclass
class Context:
    """What the checks read: the facts, the sessions, and the day the log is read on (for end of support)."""

    facts: LogFacts
    sessions: Sequence[Session] = ()
    platform: str | None = None  # "windows", "mac", "linux" from the OBS version line
    obs_version: str | None = None
    today: date = field(default_factory=date.today)

    @property
    def windows(self) -> bool:
        return self.platform == "windows" or self.facts.system.windows_version is not None

    @property
    def worst_render_lag(self) -> float:
        """The worst render lag of a session whose lag was not a stall of the whole OBS (obs.logfile._place_stall):
        a frozen OBS says nothing of the graphics card's scheduling."""
        return max((s.render_lag_pct or 0.0 for s in self.sessions if s.stall is None), default=0.0)


Check = Callable[[Context], Iterable[Finding]]


def checks() -> list[Check]:
    """Every check, area by area (imported here so that each module registers its ids first)."""
    from obs.logcheck import audio, encoding, graphics, kinds, sources, system

    return [*kinds.CHECKS, *system.CHECKS, *graphics.CHECKS, *encoding.CHECKS, *audio.CHECKS, *sources.CHECKS]


def run(context: Context) -> list[Finding]:
    return [finding for check in checks() for finding in check(context)]


def all_specs() -> dict[str, Spec]:
    checks()
    return SPECS
