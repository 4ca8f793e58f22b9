"""Checklist templates as immutable data: template -> sections -> items; titles per language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from obs.text import Message, Said, language_of
from obs.text import Translate as Translate

#: A title: one string for every language, or {"en": ..., "zh_CN": ...}.
Text = Mapping[str, str]


def text_for(text: Text, language: str) -> str:
    """The title in `language`, else English, else the first one given."""
    if language in text:
        return text[language]
    base = language.split("_")[0]
    for key, value in text.items():
        if key.split("_")[0] == base:
            return value
    return text.get("en") or next(iter(text.values()), "")


@dataclass(frozen=True, eq=False)
class Title(Said):
    """A checklist's, a section's or an item's title as a field of a sentence ("“{item}” has not passed"): said in
    the reader's language from the file's own words for it (see text_for), never by its id."""

    text: Text

    def explain(self) -> str:
        return text_for(self.text, "en")

    def in_language(self, translate: Translate) -> str:
        return text_for(self.text, language_of(translate))

    def __format__(self, format_spec: str) -> str:
        return format(self.explain(), format_spec)


@dataclass(frozen=True)
class Item:
    id: str
    title: Text
    check: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    required: bool = True
    help: Text = field(default_factory=dict)
    line: int = 0

    @property
    def kind(self) -> str:
        """'sensed' (ticks itself from live OBS / machine state) or 'manual' (a named person confirms)."""
        return "sensed" if self.check else "manual"


@dataclass(frozen=True)
class Section:
    title: Text
    items: tuple[Item, ...]


#: What a checklist is for: a pre-show list gates going live and is frozen at that moment; a troubleshooting
#: list runs beside it during the show; a post-show list wraps up.
KINDS = ("pre-show", "troubleshooting", "post-show")


@dataclass(frozen=True)
class Template:
    id: str
    title: Text
    role: str
    sections: tuple[Section, ...]
    source: str = ""
    kind: str = "pre-show"

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)


#: Words to show a person (an English template with named fields, translated where it is shown): the one
#: message type of obs/text.py; a field may itself be one ("the parameters of {check}"), translated with it.
Phrase = Message


@dataclass(frozen=True)
class Problem:
    """Something wrong in a checklist file, where it is, in plain words.

    `message` is the English sentence (logs, tests, str()); `phrase` carries its template and fields so the
    console and the CLI can show it in the reader's language with `explain(translate)`.
    """

    file: str
    line: int
    message: str
    phrase: Phrase | None = field(default=None, compare=False)

    @classmethod
    def of(cls, file: str, line: int, phrase: Phrase) -> Problem:
        return cls(file, line, phrase.explain(), phrase)

    @property
    def template(self) -> str:
        return self.phrase.template if self.phrase else self.message

    @property
    def fields(self) -> Mapping[str, Any]:
        return self.phrase.fields if self.phrase else {}

    def explain(self, translate: Translate | None = None) -> str:
        """The whole line (file, line, sentence) with the sentence in the reader's language."""
        message = self.phrase.in_language(translate) if self.phrase and translate else self.message
        return f"{self.file}:{self.line}: {message}" if self.line else f"{self.file}: {message}"

    def __str__(self) -> str:
        return self.explain()
