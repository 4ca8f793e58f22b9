"""Keyword alerts: viewers' comments that complain of no sound, a black or frozen picture, or lag, counted per kind
as distinct viewers over a trailing window for the health engine (obs/health_audience.py). Qt-free.

The rule (documented in README-chat-alerts / the README's "Viewers reporting a problem"):
- A comment complains of a kind when it contains one of the team's keywords (the `chat/keywords` setting) that
  the console knows the meaning of (`MEANINGS`); a keyword it does not know is only highlighted in the feed. The
  Comments dock highlights by this same rule (`KeywordHits`): exactly the comments that count, plus those holding a
  word without a meaning.
- Matching is case-insensitive and width-insensitive (NFKC + casefold: "ＬＡＧ" is "lag"). Latin keywords match
  whole words only ("flag" is not "lag"); Chinese keywords match anywhere in the text ("主播没声音了").
- A keyword in a condition is not a complaint: a Chinese one followed by 的话 / 的扣 / 的刷 / 就刷 … ("听不见就刷1",
  "卡顿的话刷新一下": the host's "if you can't hear, type 1", echoed), an English one after "if" ("if you can't
  hear, type 1"). "can’t" typed with a phone's curly apostrophe is "can't".
- A keyword of ONE Chinese character ("卡") is too common to match anywhere ("卡粉丝灯牌", "信用卡", "卡片"):
  it counts only as a complaint form — followed by 了/死/住/顿/成/爆/得, preceded by 好/太/很/真/又/超/巨/有点,
  or the whole comment being that character repeated ("卡", "卡卡卡").
- The host's and staff's own messages (the platform's host/moderator/staff marks, or a user name in the team's
  own names) never count; a viewer counts once per kind however often they write.
- `VIEWERS` (3) distinct viewers of one kind within `WINDOW_S` (60 s) open the finding; it closes once a whole
  window passes without a complaint of that kind.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Iterable

from console.core.chat.events import ChatEvent
from console.core.chat.feed import ChatFeed
from obs.health_audience import LAG, PICTURE, SOUND, VIEWERS, WINDOW_S, Report

__all__ = [
    "MEANINGS",
    "VIEWERS",
    "WINDOW_S",
    "ComplaintWatcher",
    "FeedComplaints",
    "KeywordHits",
    "complaint_kinds",
    "normal",
    "word_pattern",
]

#: What each known keyword means (compared after NFKC + casefold).
MEANINGS: dict[str, str] = {
    **dict.fromkeys(
        ("没声音", "没有声音", "没声了", "声音没了", "听不到", "听不见", "无声", "静音了", "no sound", "no audio",
         "can't hear", "cant hear", "cannot hear", "can not hear", "muted"),
        SOUND,
    ),
    **dict.fromkeys(
        ("黑屏", "花屏", "画面卡住", "画面不动", "不动了", "black screen", "frozen", "freeze", "froze", "no picture",
         "no video"),
        PICTURE,
    ),
    **dict.fromkeys(
        ("卡", "卡顿", "好卡", "延迟", "缓冲", "转圈", "lag", "laggy", "lagging", "buffering", "stuttering"), LAG
    ),
}  # fmt: skip

_AFTER_ONE = "了死住顿成爆得"
_BEFORE_ONE = ("好", "太", "很", "真", "又", "超", "巨", "有点")
_PUNCTUATION = re.compile(r"[\W_]+", re.UNICODE)
#: A Chinese keyword followed by these is a condition, not a complaint: "听不见就刷1", "听不到的扣1", "卡顿的话刷新一下"
#: (the host's "if you can't hear, type 1", echoed or quoted).
_CONDITION_AFTER = r"(?!的话|的[扣刷打回]|就[扣刷打回])"
#: An English keyword after "if" is a condition too: "if you can't hear, type 1".
_CONDITION_BEFORE = r"(?<!if )(?<!if you )(?<!if u )"
#: Apostrophes a phone's keyboard types in "can’t": read as the plain one the keywords are written with.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\uff07": "'", "`": "'"})


def normal(text: str) -> str:
    """A comment or keyword as they are compared: width and case set aside (NFKC + casefold: "ＬＡＧ" is "lag"), and
    a phone's curly apostrophe read as the plain one ("can’t" is "can't")."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def word_pattern(word: str) -> re.Pattern[str]:
    """Where a keyword (given `normal`) is in a comment (given `normal`): a Latin word whole ("flag" and "slag" are
    not "lag"), anything else — Chinese has no word boundaries — anywhere; neither in a condition ("听不见就刷1",
    "if you can't hear, type 1"). The Comments dock highlights with it."""
    escaped = re.escape(word)
    if word[:1].isascii() and word[:1].isalnum():
        return re.compile(rf"{_CONDITION_BEFORE}(?<![a-z0-9]){escaped}(?![a-z0-9])")
    return re.compile(rf"{escaped}{_CONDITION_AFTER}")


def _pattern(word: str) -> re.Pattern[str]:
    if len(word) == 1 and _is_cjk(word):
        escaped = re.escape(word)
        before = "|".join(map(re.escape, _BEFORE_ONE))
        return re.compile(rf"(?:{escaped}[{_AFTER_ONE}]|(?:{before}){escaped}){_CONDITION_AFTER}")
    return word_pattern(word)


class _Matcher:
    def __init__(self, keywords: Iterable[str]) -> None:
        #: (word, its meaning or "" for a word only highlighted, its pattern), each word once.
        self.patterns: list[tuple[str, str, re.Pattern[str]]] = []
        for word in dict.fromkeys(normal(keyword.strip()) for keyword in keywords):
            if word:
                self.patterns.append((word, MEANINGS.get(word, ""), _pattern(word)))

    def _found(self, word: str, pattern: re.Pattern[str], folded: str, bare: str) -> bool:
        return bool(pattern.search(folded)) or (len(word) == 1 and bool(bare) and bare == word * len(bare))

    def kinds(self, text: str) -> set[str]:
        folded = normal(text)
        bare = _PUNCTUATION.sub("", folded)
        found = set()
        for word, kind, pattern in self.patterns:
            if kind and kind not in found and self._found(word, pattern, folded, bare):
                found.add(kind)
        return found

    def hit(self, text: str) -> bool:
        """Whether any of the words is in the comment, by the same rule as a complaint (a keyword with a meaning
        is highlighted exactly when it counts)."""
        folded = normal(text)
        bare = _PUNCTUATION.sub("", folded)
        return any(self._found(word, pattern, folded, bare) for word, _kind, pattern in self.patterns)


def complaint_kinds(text: str, keywords: Iterable[str] = tuple(MEANINGS)) -> set[str]:
    """The kinds of complaint a comment makes (empty: none)."""
    return _Matcher(keywords).kinds(text)


class KeywordHits:
    """The Comments dock's highlight: whether a comment holds one of the team's keywords, by the complaint rule
    itself — "信用卡" is not highlighted for 卡 because it does not count as a complaint of lag; a word without a
    known meaning follows the same matching (English whole words, Chinese anywhere, one Chinese character only in a
    complaint's form)."""

    def __init__(self, keywords: Iterable[str]) -> None:
        self._matcher = _Matcher(keywords)

    def __bool__(self) -> bool:
        return bool(self._matcher.patterns)

    def __call__(self, text: str) -> bool:
        return self._matcher.hit(text)

    def kinds(self, text: str) -> set[str]:
        """The kinds of complaint the comment makes by these words (a highlighted word without a meaning: none)."""
        return self._matcher.kinds(text)


class ComplaintWatcher:
    """Counts complaints per kind over the trailing window; `add` each comment, `reports(now)` once a second.
    Not thread-safe: one owner (the room session's driver)."""

    def __init__(
        self, keywords: Iterable[str] = tuple(MEANINGS), own_names: Iterable[str] = (), window_s: float = WINDOW_S
    ) -> None:
        self.window_s = window_s
        self._matcher = _Matcher(keywords)
        self._own = {normal(name.strip()) for name in own_names if name.strip()}
        #: (t, kind, viewer, text), oldest first (as they arrive; a late row is counted by its own time).
        self._seen: deque[tuple[float, str, str, str]] = deque(maxlen=100_000)

    def set_words(self, keywords: Iterable[str], own_names: Iterable[str] = ()) -> None:
        self._matcher = _Matcher(keywords)
        self._own = {normal(name.strip()) for name in own_names if name.strip()}

    def staff(self, event: ChatEvent) -> bool:
        return event.host or event.moderator or event.staff or normal(event.user_name.strip()) in self._own

    def add(self, event: ChatEvent, t: float | None = None) -> set[str]:
        """Read one event, seen at `t` (default: its own arrival time); the kinds it complains of (empty for gifts,
        staff, and comments without a keyword)."""
        if not event.has_text or self.staff(event):
            return set()
        kinds = self._matcher.kinds(event.text)
        viewer = f"{event.platform}:{event.user_id or event.user_name}"
        for kind in kinds:
            self._seen.append((event.t if t is None else t, kind, viewer, event.text[:80]))
        return kinds

    def reports(self, now: float) -> dict[str, Report]:
        """Per kind complained of in (now - window, now]: distinct viewers, complaints and the newest example."""
        while self._seen and self._seen[0][0] <= now - self.window_s:
            self._seen.popleft()
        viewers: dict[str, set[str]] = {}
        counts: dict[str, int] = {}
        newest: dict[str, tuple[float, str]] = {}
        for t, kind, viewer, text in self._seen:
            if not now - self.window_s < t <= now:
                continue
            viewers.setdefault(kind, set()).add(viewer)
            counts[kind] = counts.get(kind, 0) + 1
            if kind not in newest or t >= newest[kind][0]:
                newest[kind] = (t, text)
        return {kind: Report(len(people), counts[kind], newest[kind][1]) for kind, people in viewers.items()}


class FeedComplaints:
    """A ComplaintWatcher reading a feed's new events each second (its own reader position). Each event counts
    at the second it is read, on the reader's clock (the session's one clock: a source stamps its events on the
    machine's monotonic clock, which a show replayed on a manual clock does not share)."""

    def __init__(self, feed: ChatFeed, watcher: ComplaintWatcher | None = None) -> None:
        self.feed = feed
        self.watcher = watcher or ComplaintWatcher()
        self._seq = 0

    def reports(self, now: float) -> dict[str, Report]:
        piece = self.feed.since(self._seq)
        self._seq = piece.seq
        for event in piece.events:
            self.watcher.add(event, now)
        return self.watcher.reports(now)
