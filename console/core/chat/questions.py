"""The Q&A queue: questions found in comments (or marked by hand), their states, and quick replies. Qt-free, no SQL.

What counts as a question (`is_question`, a small rule set, the same for every console of a room):

- the text is first cleaned: emoji, symbols and punctuation other than ? and ？ do not count as words; a comment
  left with fewer than 2 letters or CJK characters is not a question ("？？？", "👍?", "1?");
- "哈哈哈？？？", "啊啊啊?", "666?", "hahaha?", "lol?", "2333?", "真的？" — a comment made only of one to three
  characters repeated (laughter, 6, 啊) or of a common reaction word, plus question marks, is a reaction, not a
  question;
- otherwise a question mark (? or ？) anywhere makes it one;
- without one, a Chinese question word makes it one: 吗, 呢 or 么 at the end (the sentence-final particles:
  "有优惠吗", "还有货呢"), or anywhere 怎么, 多少, 什么, 几号/几点/几天/几个/几件/几折/几钱, 能不能, 是不是,
  有没有, 可不可以, 哪里/哪儿/哪个/哪款/哪种, 为什么, 咋, 啥, 请问;
- an English one: a comment that starts with how, what, when, where, why, who or which, or — three words or
  more — with can, could, does, do, is, are, will, would, should or any (word by word: "whatever" and "cannot"
  are not "what" and "can"; "do it" is not a question, "do you ship abroad" is), or contains "how much",
  "how many" or "how long".

A person can mark any comment as a question by hand, and dismiss one wrongly found.
"""

from __future__ import annotations

import enum
import hashlib
import re
import string
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from console.core.chat.events import ChatEvent
from console.core.chat.lottery import fold
from obs.text import QT_TRANSLATE_NOOP, Message, counted

CONTEXT = "Questions"
MAX_REPLIES = 500
MAX_REPLY_TEXT = 1000
MAX_PRODUCT = 200
MAX_KEYWORD = 100
#: The fields a quick reply may use: filled from the segment's product (the rundown) and the question.
REPLY_FIELDS = ("product", "price", "sku", "user")

_MARKS = "?？"
_ZH_ANYWHERE = (
    "怎么",
    "多少",
    "什么",
    "能不能",
    "是不是",
    "有没有",
    "可不可以",
    "为什么",
    "请问",
    "哪里",
    "哪儿",
    "哪个",
    "哪款",
    "哪种",
    "咋",
    "啥",
)
_ZH_JI = re.compile(r"几[号点天个件折钱岁码斤]")
_ZH_FINAL = ("吗", "呢", "么")
#: A reaction with a question mark is still a reaction: one to three characters repeated, or a word of these.
_REPEATED = re.compile(r"(.{1,3}?)\1+")
_REACTIONS = frozenset(
    ["lol", "lmao", "omg", "wow", "xswl", "yyds", "nb", "233", "草", "绝了", "牛", "牛逼", "真的", "啊这", "哇"]
)
_EN_WH = frozenset(["how", "what", "when", "where", "why", "who", "which"])
#: Words that open a question only in a sentence of three words or more ("do it" is not one, "do you ship" is).
_EN_AUX = frozenset(["can", "could", "does", "do", "is", "are", "will", "would", "should", "any"])
_EN_ANYWHERE = ("how much", "how many", "how long")


class QuestionState(enum.Enum):
    OPEN = "open"
    CLAIMED = "claimed"
    ANSWERED = "answered"
    DISMISSED = "dismissed"


STATE_WORDS = {
    QuestionState.OPEN: QT_TRANSLATE_NOOP("Questions", "open"),
    QuestionState.CLAIMED: QT_TRANSLATE_NOOP("Questions", "claimed"),
    QuestionState.ANSWERED: QT_TRANSLATE_NOOP("Questions", "answered"),
    QuestionState.DISMISSED: QT_TRANSLATE_NOOP("Questions", "dismissed"),
}


def _letters(text: str) -> str:
    """The letters, digits and CJK characters of the text (what a person wrote, not its decoration)."""
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def is_question(text: str) -> bool:
    """Whether a comment reads as a question (the module's rules)."""
    normal = unicodedata.normalize("NFKC", text).strip()
    words = _letters(normal)
    if len(words) < 2:
        return False
    folded = words.casefold()
    if _REPEATED.fullmatch(folded) or folded in _REACTIONS or folded.startswith("2333"):
        return False  # 哈哈哈？？？, 666?, 啊啊啊?, hahaha?, lol?
    if any(mark in normal for mark in _MARKS):
        return True
    if any(word in normal for word in _ZH_ANYWHERE) or _ZH_JI.search(normal):
        return True
    bare = re.sub(r"[\W_]+$", "", normal)  # the end of what was written, without 。！~ or emoji
    if bare.endswith(_ZH_FINAL) and len(bare) >= 2:
        return True
    lower = normal.casefold()
    words_en = re.findall(r"[a-z']+", lower)
    if words_en and (words_en[0] in _EN_WH or (words_en[0] in _EN_AUX and len(words_en) >= 3)):
        return True
    return any(re.search(rf"\b{phrase}\b", lower) for phrase in _EN_ANYWHERE)


def question_key(event: ChatEvent) -> str:
    """The question's identity across the consoles of a room: the platform's message id, else the viewer and a
    digest of the text (two consoles reading the same comment store one question)."""
    if event.message_id:
        return f"{event.platform}:{event.message_id}"[:300]
    digest = hashlib.sha256(event.text.encode()).hexdigest()[:16]
    return f"{event.platform}:{(event.user_id or event.user_name)[:200]}:{digest}"


@dataclass(frozen=True)
class Question:
    id: int
    show_id: int
    platform: str
    user_id: str
    user_name: str
    text: str
    asked_at: float
    #: "detected" (the rules) or "hand" (marked by a person).
    origin: str
    state: QuestionState
    claimed_by: str | None = None
    claimed_at: float | None = None
    answered_by: str | None = None
    answered_at: float | None = None
    answer: str | None = None
    dismissed_by: str | None = None
    dismissed_at: float | None = None
    #: The id of the group's first question when several viewers asked it (None: asked alone, or stored before
    #: groups were kept). A claim, an answer or a dismissal moves the whole group.
    group_id: int | None = None
    #: As the queue reads it (Storage.questions(grouped=True)): the names of everyone who asked it, the first
    #: first, each viewer once; empty when read one row per viewer's question.
    askers: tuple[str, ...] = ()

    @property
    def asked_by(self) -> tuple[str, ...]:
        """Who asked: the group's askers, or the one viewer."""
        return self.askers or (self.user_name,)


#: Said before a question and compared without them: 这个多少钱 is 多少钱.
_TOPIC_OPENERS = (
    "请问一下",
    "请问",
    "想问下",
    "想问一下",
    "问一下",
    "主播",
    "这个",
    "那个",
    "这款",
    "那款",
    "这件",
    "这",
)
#: Particles at the end that do not change the question: 多少钱呀 is 多少钱.
_TOPIC_PARTICLES = "呀啊呢吧哦嘛啦哈噢喔"
#: A normalised text shorter than this (after openers and particles) is not grouped: too little to tell.
_TOPIC_MIN = 2


def topic_of(text: str) -> str | None:
    """What the queue compares to group one question asked by many viewers: the text with width and case folded
    (ＨＯＷ is how), punctuation, emoji and spaces removed, an opening 请问/这个/主播 and closing particles
    (呀, 啊, 呢, 吧 …) dropped — 多少钱, 这个多少钱？ and 多少钱呀 are one topic. None when too little is left to
    tell questions apart (the question is then never grouped)."""
    words = _letters(unicodedata.normalize("NFKC", text)).casefold()
    changed = True
    while changed and words:
        changed = False
        for opener in _TOPIC_OPENERS:
            if words.startswith(opener) and len(words) - len(opener) >= _TOPIC_MIN:
                words, changed = words[len(opener) :], True
                break
    words = words.rstrip(_TOPIC_PARTICLES) or words
    return words[:300] if len(words) >= _TOPIC_MIN else None


def askers_message(names: Sequence[str]) -> Message:
    """Who asked, in a line: "小明", "小明、小红", "Ming, Hong and Lily", "Ming, Hong and 18 others"
    ("小明、小红 及另外 18 位"). Used for the queue's row and for a quick reply's {user}."""
    count = len(names)
    if count <= 1:
        return Message("{first}", {"first": names[0] if names else ""}, CONTEXT)
    first, second = names[0], names[1]
    if count == 2:
        return Message(
            QT_TRANSLATE_NOOP("Questions", "{first} and {second}"), {"first": first, "second": second}, CONTEXT
        )
    if count == 3:
        template = QT_TRANSLATE_NOOP("Questions", "{first}, {second} and {third}")
        return Message(template, {"first": first, "second": second, "third": names[2]}, CONTEXT)
    template = QT_TRANSLATE_NOOP("Questions", "{first}, {second} and {others} others")
    return Message(template, {"first": first, "second": second, "others": count - 2}, CONTEXT)


# How wide a question a sentence quotes may be, in columns (a Chinese character is two, a Latin letter one: 23 汉字 or
# 47 letters); a wider one is cut there with "…". (Plain comments: lupdate would take "#:" ones for the translator's
# notes of the strings below.)
QUOTED_COLUMNS = 47
# Left off before the "…" of a shortened question ("缩水，…" reads as a slip).
_CUT_PUNCTUATION = " ，,。.；;：:、！!？?"


def _columns(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def shortened(text: str, columns: int = QUOTED_COLUMNS) -> str:
    """The text on one line, cut with "…" past `columns` (Latin words whole: at the last space, when there is one
    in the second half)."""
    text = " ".join(text.split())
    if sum(map(_columns, text)) <= columns:
        return text
    kept, width = [], 0
    for char in text:
        width += _columns(char)
        if width > columns:
            break
        kept.append(char)
    cut = "".join(kept)
    space = cut.rfind(" ")
    if text[len(cut)] != " " and space > len(cut) // 2:
        cut = cut[:space]
    return cut.rstrip(_CUT_PUNCTUATION) + "…"


def question_said(question: Question) -> Message:
    """The question as a sentence names it: its words (a long question shortened with "…") and how many viewers
    asked it — "“能便宜点吗？” (6 viewers asked)" (fix25b: a restart's line named the first of six askers)."""
    asked = counted(
        len(question.asked_by),
        QT_TRANSLATE_NOOP("Questions", "{count} viewer asked"),
        QT_TRANSLATE_NOOP("Questions", "{count} viewers asked"),
        CONTEXT,
    )
    words = shortened(question.text)
    return Message(QT_TRANSLATE_NOOP("Questions", "“{text}” ({asked})"), {"text": words, "asked": asked}, CONTEXT)


class QuestionError(Exception):
    """A change the queue refuses (someone else claimed it first, it is already answered …); `message` says why."""

    def __init__(self, template: str, **fields: object) -> None:
        self.message = Message(template, fields, CONTEXT)
        super().__init__(self.message.explain())


# ---------------------------------------------------------------------- quick replies
@dataclass(frozen=True)
class QuickReply:
    """A canned answer of a room: for a product (empty: any), offered when a question contains the keyword
    (empty: whenever the product is on). `text` may use {product}, {price}, {sku} and {user}."""

    text: str
    product: str = ""
    keyword: str = ""


class ReplyError(ValueError):
    def __init__(self, problems: list[Message]) -> None:
        super().__init__("; ".join(p.explain() for p in problems))
        self.problems = problems


def _fields_of(text: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


def _reply_problems(number: int, text: str, product: str, keyword: str) -> list[Message]:
    found: list[tuple[str, dict[str, object]]] = []
    if not text:
        found.append((QT_TRANSLATE_NOOP("Questions", "quick reply {n} has no text"), {}))
    elif len(text) > MAX_REPLY_TEXT:
        found.append(
            (
                QT_TRANSLATE_NOOP("Questions", "quick reply {n} is longer than {limit} characters"),
                {"limit": MAX_REPLY_TEXT},
            )
        )
    if len(product) > MAX_PRODUCT or len(keyword) > MAX_KEYWORD:
        found.append((QT_TRANSLATE_NOOP("Questions", "quick reply {n} has a product or keyword that is too long"), {}))
    try:
        unknown = [name for name in _fields_of(text) if name not in REPLY_FIELDS]
    except ValueError:
        found.append((QT_TRANSLATE_NOOP("Questions", "quick reply {n} has a {{ or }} without its pair"), {}))
    else:
        if unknown:
            known = ", ".join("{" + name + "}" for name in REPLY_FIELDS)
            template = QT_TRANSLATE_NOOP(
                "Questions", "quick reply {n} uses the field “{field}”; the fields are {known}"
            )
            found.append((template, {"field": unknown[0], "known": known}))
    return [Message(template, {"n": number, **fields}, CONTEXT) for template, fields in found]


def check_replies(replies: Sequence[QuickReply]) -> list[QuickReply]:
    """The room's replies cleaned (spaces trimmed); ReplyError lists every problem, numbered from 1."""
    problems: list[Message] = []
    if len(replies) > MAX_REPLIES:
        template = QT_TRANSLATE_NOOP("Questions", "at most {limit} quick replies a room")
        problems.append(Message(template, {"limit": MAX_REPLIES}, CONTEXT))
    clean = [
        QuickReply(reply.text.strip(), " ".join(reply.product.split()), " ".join(reply.keyword.split()))
        for reply in replies
    ]
    for number, reply in enumerate(clean, 1):
        problems.extend(_reply_problems(number, reply.text, reply.product, reply.keyword))
    if problems:
        raise ReplyError(problems)
    return clean


class Offer(NamedTuple):
    """A quick reply offered for a question: its text filled in for the product on air, the fields it uses that
    have no value now (a product without a price in the rundown, no product on air …) — such a reply is never
    sent: it shows those fields as {price} and says what is missing — and the product it was filled for, to tell
    a text gone stale when the segment moves on."""

    reply: QuickReply
    text: str
    missing: tuple[str, ...] = ()
    on_air: tuple[str, str, str] = ("", "", "")


def on_air_of(product: object) -> tuple[str, str, str]:
    """The product's name, price and sku as text ("" when not known): what a quick reply is filled with."""
    values = (getattr(product, name, None) for name in ("name", "price", "sku"))
    return tuple("" if value is None else str(value).strip() for value in values)  # type: ignore[return-value]


def missing_fields(reply: QuickReply, fields: Mapping[str, object]) -> tuple[str, ...]:
    """The fields the reply uses that have no value (None or blank), in the order used, each once."""
    blank = [name for name in _fields_of(reply.text) if name and str(fields.get(name) or "").strip() == ""]
    return tuple(dict.fromkeys(blank))


def fill(reply: QuickReply, fields: Mapping[str, object]) -> str:
    """The reply's text with its fields filled in; a field without a value stays as it is written ({price}), so
    what is missing shows instead of a blank where the price should be (see missing_fields: never sent so)."""
    values = {name: str(fields.get(name) or "").strip() or "{" + name + "}" for name in REPLY_FIELDS}
    return reply.text.format(**values)


def suggest(replies: Sequence[QuickReply], question: str, product: str | None = None) -> list[QuickReply]:
    """The replies that fit a question while `product` is on: a keyword found in the question first, then the
    product's replies without a keyword; a reply of another product is never offered."""
    folded = fold(question)
    on = fold(product or "")
    fitting = [r for r in replies if not r.product or fold(r.product) == on]
    by_word = [r for r in fitting if r.keyword and fold(r.keyword) in folded]
    general = [r for r in fitting if not r.keyword and r.product]
    return by_word + [r for r in general if r not in by_word]
