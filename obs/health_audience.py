"""The health engine's audience rule: several viewers complaining of the same thing, joined to its technical cause.

The comments are read elsewhere (console/core/chat/complaints.py counts, per kind of complaint, the distinct
viewers who complained in the trailing window); the engine gets one `Complaints` per second. A kind whose
distinct viewers reach `VIEWERS` opens an audience-reports finding (a warning) at once; it stays open while
anyone still complains of it in the window and closes once the window holds no such complaint (the complaints
stopped for a whole window). Every second the window holds a complaint is a second of the episode (its last_seen):
stored, the incident lasts as long as the finding was open.

The join: the finding names the technical finding of the same second that explains what viewers say — "no
sound" with the microphone muted or silent on program (or a product video without sound), "picture" with
rendering lag or a frame rate below target, "lag" with network drops, a reconnect, encoding or rendering lag.
It stays one finding: the cause is in its fields (`cause`, `cause_inputs`) and its message. The audience rules run
after the technical ones, so "the same second" is this second's verdicts.

No Qt. Messages are translatable templates (context "Health") with their evidence as fields.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from obs.health import _ThresholdRule, _Verdict
from obs.text import QT_TRANSLATE_NOOP
from obs.vocabulary import Category, Kind, Severity, title

if TYPE_CHECKING:
    from obs.health import Finding, HealthEngine

# Distinct viewers complaining of the same kind within the window that open a finding.
VIEWERS = 3
# The trailing window, seconds (the counting side's; said in the messages as "the last minute").
WINDOW_S = 60.0

# What viewers complain of.
SOUND, PICTURE, LAG = "sound", "picture", "lag"
KINDS = (SOUND, PICTURE, LAG)


@dataclass(frozen=True)
class Report:
    """One kind of complaint over the trailing window: distinct viewers, complaints and one example message (the
    newest)."""

    viewers: int
    complaints: int
    example: str = ""


# Per kind (SOUND, PICTURE, LAG): the window's report; a kind nobody complained of is absent.
Complaints = Mapping[str, Report]

# Per kind: the technical findings that explain it, most telling first, and the message naming each.
_CAUSES: dict[str, tuple[tuple[str, str], ...]] = {
    SOUND: (
        (
            Kind.MIC_MUTED,
            QT_TRANSLATE_NOOP(
                "Health",
                "Viewers report no sound — the microphone “{cause_inputs}” is muted: {viewers} in the audience said so "
                "within a minute (“{example}”).",
            ),
        ),
        (
            Kind.MIC_SILENT,
            QT_TRANSLATE_NOOP(
                "Health",
                "Viewers report no sound — the microphone “{cause_inputs}” is silent: {viewers} in the audience "
                "said so within a minute (“{example}”).",
            ),
        ),
        (
            Kind.PRODUCT_SILENT,
            QT_TRANSLATE_NOOP(
                "Health",
                "Viewers report no sound — the product video “{cause_inputs}” plays without sound: {viewers} in "
                "the audience said so within a minute (“{example}”).",
            ),
        ),
    ),
    PICTURE: (
        (
            Kind.RENDER_LAG,
            QT_TRANSLATE_NOOP(
                "Health",
                "Viewers report a black or frozen picture — OBS is missing frames in rendering: {viewers} in the "
                "audience said so within a minute (“{example}”).",
            ),
        ),
        (
            Kind.FPS_LOW,
            QT_TRANSLATE_NOOP(
                "Health",
                "Viewers report a black or frozen picture — the frame rate is below target: {viewers} in the "
                "audience said so within a minute (“{example}”).",
            ),
        ),
    ),
    LAG: (
        (
            Kind.NETWORK,
            QT_TRANSLATE_NOOP(
                "Health",
                "Viewers report lag — the network is dropping frames: {viewers} in the audience said so within a "
                "minute (“{example}”).",
            ),
        ),
        (
            Kind.RECONNECT,
            QT_TRANSLATE_NOOP(
                "Health",
                "Viewers report lag — the stream is reconnecting: {viewers} in the audience said so within a minute "
                "(“{example}”).",
            ),
        ),
        (
            Kind.ENCODE_LAG,
            QT_TRANSLATE_NOOP(
                "Health",
                "Viewers report lag — the encoder is skipping frames: {viewers} in the audience said so within a "
                "minute (“{example}”).",
            ),
        ),
        (
            Kind.RENDER_LAG,
            QT_TRANSLATE_NOOP(
                "Health",
                "Viewers report lag — OBS is missing frames in rendering: {viewers} in the audience said so within "
                "a minute (“{example}”).",
            ),
        ),
    ),
}

_ALONE = {
    SOUND: QT_TRANSLATE_NOOP(
        "Health",
        "Viewers report no sound: {viewers} in the audience said so within a minute (“{example}”). Nothing measured "
        "here explains it: listen to the stream as a viewer does.",
    ),
    PICTURE: QT_TRANSLATE_NOOP(
        "Health",
        "Viewers report a black or frozen picture: {viewers} in the audience said so within a minute (“{example}”). "
        "Nothing measured here explains it: watch the stream as a viewer does.",
    ),
    LAG: QT_TRANSLATE_NOOP(
        "Health",
        "Viewers report lag: {viewers} in the audience said so within a minute (“{example}”). Nothing measured here "
        "explains it: it may be the platform or the viewers' own connections.",
    ),
}

_REMEDIES = {
    SOUND: (
        QT_TRANSLATE_NOOP(
            "Health", "Check the microphone's mute and level in the Audio dock, then listen to the stream."
        ),
    ),
    PICTURE: (QT_TRANSLATE_NOOP("Health", "Check the program picture and the stream on the platform's own player."),),
    LAG: (QT_TRANSLATE_NOOP("Health", "Check the network figures and the stream on the platform's own player."),),
}

#: The words of the findings stored before they said the episode's strongest evidence ("{viewers} viewers said so in
#: the last minute", with the last second's count): a show stored then still reads them in the reader's language.
_EARLIER_WORDS = (
    QT_TRANSLATE_NOOP(
        "Health",
        "Viewers report no sound — the microphone “{cause_inputs}” is muted: {viewers} viewers said so in the"
        " last minute (“{example}”).",
    ),
    QT_TRANSLATE_NOOP(
        "Health",
        "Viewers report no sound — the microphone “{cause_inputs}” is silent: {viewers} viewers said so in "
        "the last minute (“{example}”).",
    ),
    QT_TRANSLATE_NOOP(
        "Health",
        "Viewers report no sound — the product video “{cause_inputs}” plays without sound: {viewers} viewers "
        "said so in the last minute (“{example}”).",
    ),
    QT_TRANSLATE_NOOP(
        "Health",
        "Viewers report a black or frozen picture — OBS is missing frames in rendering: {viewers} viewers "
        "said so in the last minute (“{example}”).",
    ),
    QT_TRANSLATE_NOOP(
        "Health",
        "Viewers report a black or frozen picture — the frame rate is below target: {viewers} viewers said so"
        " in the last minute (“{example}”).",
    ),
    QT_TRANSLATE_NOOP(
        "Health",
        "Viewers report lag — the network is dropping frames: {viewers} viewers said so in the last minute "
        "(“{example}”).",
    ),
    QT_TRANSLATE_NOOP(
        "Health",
        "Viewers report lag — the stream is reconnecting: {viewers} viewers said so in the last minute (“{example}”).",
    ),
    QT_TRANSLATE_NOOP(
        "Health",
        "Viewers report lag — the encoder is skipping frames: {viewers} viewers said so in the last minute "
        "(“{example}”).",
    ),
    QT_TRANSLATE_NOOP(
        "Health",
        "Viewers report lag — OBS is missing frames in rendering: {viewers} viewers said so in the last "
        "minute (“{example}”).",
    ),
    QT_TRANSLATE_NOOP(
        "Health",
        "Viewers report no sound: {viewers} viewers said so in the last minute (“{example}”). Nothing "
        "measured here explains it: listen to the stream as a viewer does.",
    ),
    QT_TRANSLATE_NOOP(
        "Health",
        "Viewers report a black or frozen picture: {viewers} viewers said so in the last minute "
        "(“{example}”). Nothing measured here explains it: watch the stream as a viewer does.",
    ),
    QT_TRANSLATE_NOOP(
        "Health",
        "Viewers report lag: {viewers} viewers said so in the last minute (“{example}”). Nothing measured "
        "here explains it: it may be the platform or the viewers' own connections.",
    ),
)


def today_words(template: str, fields: Mapping[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """A finding stored with the earlier words (_EARLIER_WORDS) as it reads today: the same cause with today's
    words, and the count of viewers at least VIEWERS — the rule opened the finding only once that many had said so
    within the window, but kept the count of its last open second, when the complaints had aged out of the window
    ("1 viewers said so" in the review of a show whose Health dock had said 3); the episode's strongest count itself
    was not stored then. None: not one of the earlier words (a finding stored since reads as stored)."""
    if template not in _EARLIER_WORDS:
        return None
    today = [words for causes in _CAUSES.values() for _, words in causes] + list(_ALONE.values())
    viewers = fields.get("viewers")
    known = viewers if isinstance(viewers, int) and not isinstance(viewers, bool) else 0
    return today[_EARLIER_WORDS.index(template)], {**fields, "viewers": max(known, VIEWERS)}


# The short line where customer service reads the comments (the Comments dock, the Questions dock's answer): what
# viewers report, how many, and the cause the finding names — its own evidence, no judgement of its own.
BRIEF = QT_TRANSLATE_NOOP("Health", "{title} ({viewers} viewers) — {cause}")
# Each cause of _CAUSES, as that line says it.
_BRIEF_CAUSES: dict[str, str] = {
    Kind.MIC_MUTED: QT_TRANSLATE_NOOP("Health", "the microphone “{cause_inputs}” is muted"),
    Kind.MIC_SILENT: QT_TRANSLATE_NOOP("Health", "the microphone “{cause_inputs}” is silent"),
    Kind.PRODUCT_SILENT: QT_TRANSLATE_NOOP("Health", "the product video “{cause_inputs}” plays without sound"),
    Kind.RENDER_LAG: QT_TRANSLATE_NOOP("Health", "OBS is missing frames in rendering"),
    Kind.FPS_LOW: QT_TRANSLATE_NOOP("Health", "the frame rate is below target"),
    Kind.NETWORK: QT_TRANSLATE_NOOP("Health", "the network is dropping frames"),
    Kind.RECONNECT: QT_TRANSLATE_NOOP("Health", "the stream is reconnecting"),
    Kind.ENCODE_LAG: QT_TRANSLATE_NOOP("Health", "the encoder is skipping frames"),
}
_BRIEF_ALONE = QT_TRANSLATE_NOOP("Health", "nothing measured here explains it")


def brief(finding: Finding, translate: Callable[[str], str] = lambda text: text) -> str:
    """An open audience-reports finding in one short line ("Viewers report no sound (3 viewers) — the microphone
    “Mic” is muted"); `translate` turns a template of context "Health" into the reader's language."""
    fields = finding.fields
    cause = _BRIEF_CAUSES.get(str(fields.get("cause") or ""), _BRIEF_ALONE)
    return translate(BRIEF).format(
        title=translate(title(finding.id, fields)),
        viewers=fields.get("viewers", "?"),
        cause=translate(cause).format(cause_inputs=fields.get("cause_inputs", "")),
    )


# The category each kind of complaint lights (where in the chain the viewers locate it).
_CATEGORY = {SOUND: Category.AUDIO, PICTURE: Category.RENDER, LAG: Category.NETWORK}


class AudienceReports(_ThresholdRule):
    """Viewers complaining of one kind of problem (one rule per kind: a room can hear "no sound" and "lag" at
    once)."""

    id = Kind.AUDIENCE_REPORTS
    enter_s = 1  # the window already asks for several viewers
    clear_s = 1  # the verdict clears only once the whole window is free of complaints

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self.category = _CATEGORY[kind]
        #: The episode's strongest report: the most viewers at once (then the most complaints), with its example.
        self._strongest: Report | None = None

    def strongest(self, report: Report) -> Report:
        """The episode's strongest report so far, this second's included. Its evidence is what the finding says
        and stores: as the complaints age out of the window the count falls (3, 2, 1), and a finding kept with its
        last second's evidence read "1 viewers said so" in the review of a show whose Health dock had said 3."""
        strongest = self._strongest if self.in_episode() else None
        if strongest is None and self.current is not None:
            # A finding resumed after a console restart: its stored evidence is its strongest so far.
            held = self.current.fields
            if isinstance(held.get("viewers"), int):
                strongest = Report(held["viewers"], int(held.get("complaints") or 0), example=str(held.get("example")))
        if strongest is None or (report.viewers, report.complaints) > (strongest.viewers, strongest.complaints):
            strongest = report
        self._strongest = strongest
        return strongest

    def verdict(self, engine: HealthEngine) -> _Verdict:
        complaints = engine.complaints
        if complaints is None:
            return _Verdict(None, known=False)
        report = complaints.get(self.kind)
        if report is None or (report.viewers < VIEWERS and self.current is None):
            return _Verdict(None)
        strongest = self.strongest(report)
        fields: dict[str, Any] = {
            "complaint": self.kind,
            # The most viewers at once in this episode (and that moment's complaints and example); `viewers_now`:
            # those in the window this second.
            "viewers": strongest.viewers,
            "complaints": strongest.complaints,
            "example": strongest.example,
            "viewers_now": report.viewers,
            "cause": "",
            "cause_inputs": "",
        }
        template = _ALONE[self.kind]
        for rule in engine.rules:
            if rule is self or rule.current is None:
                continue
            found = next(((c, t) for c, t in _CAUSES[self.kind] if c == rule.current.id), None)
            if found is None:
                continue
            # The most telling cause wins (the order of _CAUSES), whatever the rules' order.
            if not fields["cause"] or _rank(self.kind, found[0]) < _rank(self.kind, fields["cause"]):
                fields["cause"] = str(found[0])
                fields["cause_inputs"] = str(rule.current.fields.get("inputs", ""))
                template = found[1]
        # Occurring every second a complaint is in the window, not only the second one arrives: the episode's
        # last_seen is where the review ends the incident (one second after it), and a finding open a minute after
        # its last complaint was stored lasting 0:00:01 (fix23m).
        return _Verdict(
            Severity.WARNING,
            below=True,
            fields=fields,
            template=template,
            remedies=_REMEDIES[self.kind],
        )


def _rank(kind: str, cause: str) -> int:
    return next(i for i, (c, _) in enumerate(_CAUSES[kind]) if c == cause)


def audience_rules() -> tuple[AudienceReports, ...]:
    return tuple(AudienceReports(kind) for kind in KINDS)
