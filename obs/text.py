"""Words for people, kept as data until they are shown: the one translation marker and the one message type.

The Qt-free packages (obs/, checklists/, console/core/) cannot call Qt's translate, so a user-visible sentence
is an English template with named fields, marked with `QT_TRANSLATE_NOOP(context, text)` where it is written
(pyside6-lupdate finds the calls by that name, whatever module defines it) and translated only where it is
shown: the GUI looks the template up in its context and fills the fields in; logs, the CLI and the database
keep the English template and the fields. No Qt here.
"""

from __future__ import annotations

import re
import string
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str, disambiguation: str = "") -> str:
    """Marks `text` for Qt's translation tools in `context`; it is translated with the same context when shown.
    `disambiguation`: Qt's own, for a word of Qt's that our catalogue supplies (lupdate reads it)."""
    return text


#: Qt's translate(context, text), or anything with its shape; the Qt-free core never imports Qt itself.
Translate = Callable[[str, str], str]

#: Which language a `translate` speaks, for words kept per language outside the catalogue (a checklist file's
#: titles): each catalogue translates this marker to its own language code; untranslated, it is English.
LANGUAGE_MARKER = QT_TRANSLATE_NOOP("Language", "en")


def language_of(translate: Translate) -> str:
    """The language code ("en", "zh_CN") of the catalogue `translate` reads from."""
    return translate("Language", LANGUAGE_MARKER) or "en"


class Said(ABC):
    """Words that say themselves, as a field of a sentence too: in English (`explain`) or in the reader's language
    (`in_language`). A Message is such words; so is a checklist's title, kept in its file in each language."""

    @abstractmethod
    def explain(self) -> str: ...

    @abstractmethod
    def in_language(self, translate: Translate) -> str: ...


#: What separates the items of a list in a sentence: "、" in Chinese ("商品特写、暂时离开"), ", " in English.
LIST_SEPARATOR = QT_TRANSLATE_NOOP("Lists", ", ")


def joined(items: Iterable[object], translate: Translate | None = None) -> str:
    """The items as a list in a sentence, in the reader's language when `translate` is given (else English)."""
    separator = translate("Lists", LIST_SEPARATOR) if translate is not None else LIST_SEPARATOR
    return separator.join(map(str, items))


@dataclass(frozen=True)
class Listed(Said):
    """A list as a field of a sentence, its separator the reader's language's."""

    items: tuple[str, ...]

    def explain(self) -> str:
        return joined(self.items)

    def in_language(self, translate: Translate) -> str:
        return joined(self.items, translate)

    def __str__(self) -> str:
        return self.explain()


#: A field whose figure is not known (None) reads as this — never as 0, never as "None".
UNKNOWN = "—"
#: The minus sign (U+2212) of a negative figure in a sentence.
MINUS = "\u2212"


class _Formatter(string.Formatter):
    """str.format where an unknown figure (None) prints as UNKNOWN whatever its format spec ("{pct:.1f}" cannot
    format None), and so does a figure the fields do not have: a record stored by another version of the console
    (or a translation naming a field the template has not) said a KeyError where its sentence belonged."""

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, str) and key not in kwargs:
            return None
        return super().get_value(key, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> str:
        if value is None:
            return UNKNOWN
        text: str = super().format_field(value, format_spec)
        # A negative figure with the minus sign the sentences themselves use ("below −50 dBFS … loudest −100 dBFS"),
        # not the hyphen str.format writes.
        if isinstance(value, int | float) and not isinstance(value, bool) and text.startswith("-"):
            return MINUS + text[1:]
        return text


_FORMAT = _Formatter()

#: Contexts whose sentences leave out a clause whose figure is unknown (`known_clauses`): a health finding read
#: "the send buffer is — % congested" after a restart.
CLAUSED_CONTEXTS = frozenset({"Health"})

_FIELD = re.compile(r"\{[^{}]*\}")
_HOLE = re.compile(r"\x00(\d+)\x00")
_SENTENCE = re.compile(r"(?<=\.)\s+(?=\S)|(?<=。)")
_CLAUSE = re.compile(r"(; |, |；|，)")
_GROUP = re.compile(r" ?\([^()]*\)|（[^（）]*）")
_LABEL = re.compile(r"^[^\x00:：]*(?:: |：)")
_ENDS = (".", "。")


class _Clauses:
    """One template's fields held as \\x00N\\x00 holes, so its punctuation can be read without the format specs'."""

    def __init__(self, template: str, fields: Mapping[str, Any]) -> None:
        self.sources = [match[1:-1] for match in _FIELD.findall(template)]
        self.unknown = {index for index, source in enumerate(self.sources) if fields.get(_field_name(source)) is None}
        counter = iter(range(len(self.sources)))
        self.held = _FIELD.sub(lambda _: f"\x00{next(counter)}\x00", template)

    def known(self, piece: str) -> bool:
        return not any(int(match.group(1)) in self.unknown for match in _HOLE.finditer(piece))

    def sentence(self, sentence: str) -> str:
        """The sentence without its clauses whose figure is unknown ("" when none is left)."""
        parts = _CLAUSE.split(sentence)
        clauses, separators = parts[0::2], ["", *parts[1::2]]
        kept = [index for index, clause in enumerate(clauses) if self.known(clause)]
        if not kept:
            return ""
        text = clauses[kept[0]] + "".join(separators[index] + clauses[index] for index in kept[1:])
        if kept[0] > 0:  # the sentence's opening clause went: its label stays, or a capital
            label = _LABEL.match(clauses[0])
            text = label.group(0) + text if label else text[:1].upper() + text[1:]
        end = sentence.rstrip()[-1:]
        if end in _ENDS and not text.rstrip().endswith(_ENDS):
            text = text.rstrip().rstrip(":：") + end
        return text

    def text(self) -> str | None:
        """The template left with known figures only; None: nothing would be left."""
        held = _GROUP.sub(lambda match: match.group(0) if self.known(match.group(0)) else "", self.held)
        sentences = [said for said in map(self.sentence, _SENTENCE.split(held)) if said]
        if not sentences:
            return None
        text = "".join(f" {s}" if i and not sentences[i - 1].endswith("。") else s for i, s in enumerate(sentences))
        return _HOLE.sub(lambda match: "{" + self.sources[int(match.group(1))] + "}", text)


def _field_name(source: str) -> str:
    """The name of the field in "{pct:.1f}" ("pct"), "{peak.db}" ("peak"), "{names[0]}" ("names")."""
    return source.split(":", 1)[0].split("!", 1)[0].split(".", 1)[0].split("[", 1)[0]


def known_clauses(template: str, fields: Mapping[str, Any]) -> str:
    """The template without the clauses (a parenthesis, a part between commas or semicolons, a whole sentence)
    that name a figure not known, in either language's punctuation: a finding says what is known, never "— %".
    A template none of whose figures is known keeps its words (its dashes then say nobody knows)."""
    if not _FIELD.search(template):
        return template
    clauses = _Clauses(template, fields)
    if not clauses.unknown:
        return template
    return clauses.text() or template


@dataclass(frozen=True)
class Message(Said):
    """A sentence to show a person: an English template with named fields, translated where it is shown.

    `context` is the Qt translation context the template was marked in (needed only by `in_language`). A field
    may itself be a Message ("the parameters of {check}"), translated with it.
    """

    template: str
    fields: Mapping[str, Any] = field(default_factory=dict)
    context: str = ""

    def explain(self, translated_template: str | None = None) -> str:
        """The sentence with its fields filled in; pass the translated template to say it in the reader's
        language (nested messages stay English: use `in_language` for those)."""
        fields = {k: v.explain() if isinstance(v, Said) else v for k, v in self.fields.items()}
        return self._format(translated_template or self.template, fields)

    def in_language(self, translate: Translate) -> str:
        """The sentence in the reader's language, translating the template and every nested message in its own
        context with `translate` (Qt's QCoreApplication.translate)."""
        fields = {k: v.in_language(translate) if isinstance(v, Said) else v for k, v in self.fields.items()}
        return self._format(translate(self.context, self.template), fields)

    def _format(self, template: str, fields: dict[str, Any]) -> str:
        if self.context not in CLAUSED_CONTEXTS:
            return _FORMAT.vformat(template, (), fields)
        return _FORMAT.vformat(known_clauses(template, fields), (), fields)

    def to_json(self) -> dict[str, Any]:
        """What storage keeps: the English template and the fields (never the filled-in sentence alone)."""
        return {"template": self.template, "fields": dict(self.fields)}

    @classmethod
    def from_json(cls, stored: Mapping[str, Any], context: str = "") -> Message:
        return cls(str(stored.get("template") or ""), dict(stored.get("fields") or {}), context)

    def __str__(self) -> str:
        return self.explain()

    def __hash__(self) -> int:
        # By the template alone (equal messages have equal templates): a Detail holding one as a field stays hashable
        # even though the fields are a mapping.
        return hash((self.template, self.context))


def counted(count: int, one: str, many: str, context: str) -> Message:
    """A count with its noun, as a field of a sentence: English says "1 attempt" and "3 attempts", so each form is
    its own template ("{count} attempt", "{count} attempts"), both marked with QT_TRANSLATE_NOOP where they are
    written; a language without plurals (Chinese) translates both the same ("{count} 次")."""
    return Message(one if count == 1 else many, {"count": count}, context)
