"""A show's marker in words, the one vocabulary of every place that shows markers: the review's Markers sheet
(XLSX), the labels of the live graphs and of the review window's graphs. Qt-free.

A marker is stored as (t, kind, detail) (console/core/session.py, console/core/telemetry/live.py). Its detail is
free text for some kinds — a scene's name, said as it is — and a code for others: a finding's id, why a stream
stopped ("obs_lost": OBS was lost and came back not streaming), the stream start an "OBS connected" marker keeps for
a restarted console (wall-clock seconds). A code is never shown: it is said in words, or left out when it is for
the console alone. tests/console/test_marker_words.py fails when a writer stores a kind or a code this module
has no words for.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from obs.text import QT_TRANSLATE_NOOP, Message, Said, Translate
from obs.vocabulary import MARKER_TITLES, Severity

CONTEXT = "Markers"


class Detail(enum.Enum):
    """What a kind's detail is, and so how it reads."""

    NONE = "none"  # nothing for the reader (none stored, or a figure only the console uses)
    NAME = "name"  # free text (a scene's name): as it is
    FINDING = "finding"  # a finding's id (obs.vocabulary.marker_detail): the finding's title
    CODE = "code"  # a code: its words in CODES, nothing for a code without words


#: What happened, by the marker's kind (the Markers sheet's "What happened").
HAPPENED: dict[str, str] = {
    "scene": QT_TRANSLATE_NOOP("Markers", "Scene switched"),
    "stream_start": QT_TRANSLATE_NOOP("Markers", "Stream started"),
    "stream_stop": QT_TRANSLATE_NOOP("Markers", "Stream stopped"),
    "stream_start_failed": QT_TRANSLATE_NOOP("Markers", "Stream did not start"),
    "stream_reconnecting": QT_TRANSLATE_NOOP("Markers", "Stream reconnecting"),
    "stream_reconnected": QT_TRANSLATE_NOOP("Markers", "Stream reconnected"),
    "record_start": QT_TRANSLATE_NOOP("Markers", "Recording started"),
    "record_stop": QT_TRANSLATE_NOOP("Markers", "Recording stopped"),
    "obs_lost": QT_TRANSLATE_NOOP("Markers", "OBS connection lost"),
    "obs_connected": QT_TRANSLATE_NOOP("Markers", "OBS connected"),
    f"finding_{Severity.INFO}": QT_TRANSLATE_NOOP("Markers", "Note"),
    f"finding_{Severity.WARNING}": QT_TRANSLATE_NOOP("Markers", "Warning"),
    f"finding_{Severity.CRITICAL}": QT_TRANSLATE_NOOP("Markers", "Critical"),
}

# What each kind's detail is. An "OBS connected" marker keeps the stream start OBS said when it was heard again
# (session.py `_mark_back`), for a console restarted later: a figure, not for the reader.
DETAILS: dict[str, Detail] = {
    "scene": Detail.NAME,
    "stream_start": Detail.NONE,
    "stream_stop": Detail.CODE,
    "stream_start_failed": Detail.NONE,
    "stream_reconnecting": Detail.NONE,
    "stream_reconnected": Detail.NONE,
    "record_start": Detail.NONE,
    "record_stop": Detail.NONE,
    "obs_lost": Detail.NONE,
    "obs_connected": Detail.NONE,
    f"finding_{Severity.INFO}": Detail.FINDING,
    f"finding_{Severity.WARNING}": Detail.FINDING,
    f"finding_{Severity.CRITICAL}": Detail.FINDING,
}

#: The words of each code a marker's detail may be, by kind and code.
CODES: dict[str, Mapping[str, str]] = {
    # No StreamStateChanged said it: OBS was lost while streaming and came back not streaming (session.py).
    "stream_stop": {"obs_lost": QT_TRANSLATE_NOOP("Markers", "OBS lost")},
}

#: A graph's label of a kind whose detail is part of it (the others: what happened, and the detail's words in
#: brackets when there are any).
LABELS: dict[str, str] = {
    "scene": QT_TRANSLATE_NOOP("Markers", "Scene: {detail}"),
    f"finding_{Severity.INFO}": QT_TRANSLATE_NOOP("Markers", "Note: {detail}"),
    f"finding_{Severity.WARNING}": QT_TRANSLATE_NOOP("Markers", "Warning: {detail}"),
    f"finding_{Severity.CRITICAL}": QT_TRANSLATE_NOOP("Markers", "Critical: {detail}"),
}
BRACKETED = QT_TRANSLATE_NOOP("Markers", "{happened} ({detail})")
#: A finding this console does not know (stored by another version): a marker keeps only the finding's id, no
#: message, so it is said as a finding, with the id in brackets for whoever asks the other version's team.
UNKNOWN_FINDING = QT_TRANSLATE_NOOP("Markers", "a finding this version does not know ({id})")


@dataclass(frozen=True)
class Verbatim(Said):
    """Free text (a scene's name, or a kind this console has no words for): the same in every language."""

    text: str

    def explain(self) -> str:
        return self.text

    def in_language(self, translate: Translate) -> str:
        return self.text


@dataclass(frozen=True)
class MarkerWords:
    """A marker said: what happened, and its detail (None: nothing for the reader)."""

    happened: Said
    detail: Said | None
    kind: str

    def label(self) -> Said:
        """One line, for a graph: "Scene: Live", "Warning: Network drops", "Stream stopped (OBS lost)"."""
        if self.detail is None:
            return self.happened
        if self.kind in LABELS:
            return Message(LABELS[self.kind], {"detail": self.detail}, CONTEXT)
        return Message(BRACKETED, {"happened": self.happened, "detail": self.detail}, CONTEXT)


def marker_words(kind: str, detail: str) -> MarkerWords:
    """The marker of this kind and detail in words (each says itself in the reader's language)."""
    word = HAPPENED.get(kind)
    happened: Said = Message(word, {}, CONTEXT) if word else Verbatim(kind)
    how = DETAILS.get(kind, Detail.NAME)  # a kind from a newer console: its detail as it is
    said: Said | None = None
    if how is Detail.NAME:
        said = Verbatim(detail) if detail else None
    elif how is Detail.FINDING:
        if detail in MARKER_TITLES:
            said = Message(MARKER_TITLES[detail], {}, "Health")
        elif detail:
            said = Message(UNKNOWN_FINDING, {"id": detail}, CONTEXT)
    elif how is Detail.CODE and detail in CODES.get(kind, {}):
        said = Message(CODES[kind][detail], {}, CONTEXT)
    return MarkerWords(happened, said, kind)
