"""The Comments dock's rows: the newest events of the room's feed as one list model, each row's words and marks
worked out once when it arrives (the view paints hundreds of rows a second; it must not format them again).

Rows are appended a batch at a time (one beginInsertRows per batch) and the oldest trimmed in one
beginRemoveRows, so 200 messages a second cost the view a handful of model operations per second. Likes are
grouped: a platform's likes arriving within LIKE_GROUP_S of its newest like row join that row, comments in between
or not ("小明, 小红 and 12 others liked ×40"), so a like storm takes one line, not the screen."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from console.core.chat.complaints import KeywordHits, normal
from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.platforms import PLATFORM_NAMES, platform_name
from obs.text import QT_TRANSLATE_NOOP

#: Rows the view keeps (the feed keeps more: console/core/chat/feed.py).
MAX_ROWS = 2000
#: Likes closer together than this (seconds, on the arrival clock) share one row.
LIKE_GROUP_S = 10.0
#: Names listed in a grouped like row before "and N others".
LIKERS_NAMED = 2
Index = QModelIndex | QPersistentModelIndex

#: Per platform: the badge's short words (console/core/chat/platforms.py, context "Comments") and its colour.
_BADGE_COLOURS = {
    "bilibili": "#fb7299",
    "twitch": "#9146ff",
    "youtube": "#e62117",
    "douyin": "#1f1f1f",
    "kuaishou": "#ff5000",
    "taobao": "#ff4400",
    "websocket": "#5f6b7a",
    "http": "#5f6b7a",
    "file": "#7a6b5f",
    "simulator": "#8e44ad",
}
PLATFORM_BADGES: dict[str, tuple[str, str]] = {
    platform: (words, _BADGE_COLOURS[platform]) for platform, words in PLATFORM_NAMES.items()
}
OTHER_BADGE_COLOUR = "#6d6d6d"


def platform_words(platform: str) -> str:
    """A platform in the reader's words (its badge's), or its id when the console has no words for it."""
    return platform_name(platform, QCoreApplication.translate)


#: The compact one-line words of what is not a comment ({user} is the viewer's name).
LINE_WORDS: dict[ChatKind, str] = {
    ChatKind.GIFT: QT_TRANSLATE_NOOP("Comments", "{user} sent {gift} ×{count}"),
    ChatKind.LIKE: QT_TRANSLATE_NOOP("Comments", "{user} liked ×{count}"),
    ChatKind.FOLLOW: QT_TRANSLATE_NOOP("Comments", "{user} followed"),
    ChatKind.ENTER: QT_TRANSLATE_NOOP("Comments", "{user} came in"),
    ChatKind.SHARE: QT_TRANSLATE_NOOP("Comments", "{user} shared the stream"),
    ChatKind.MEMBERSHIP: QT_TRANSLATE_NOOP("Comments", "{user} became a member {gift}"),
}
SUPERCHAT_WORDS = QT_TRANSLATE_NOOP("Comments", "Super Chat {value}: {text}")
LIKERS_WORDS = QT_TRANSLATE_NOOP("Comments", "{names} and {others} others")
#: A name list's separator ("小明、小红").
NAME_SEPARATOR = QT_TRANSLATE_NOOP("Comments", ", ")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Comments", text)


class Row:
    """One line of the feed as shown. `words` is a comment's text, or the whole compact line of a gift, like,
    follow… ("小明 送出 小心心 ×3"); a like row grows while likes keep coming."""

    __slots__ = (
        "badge",
        "boundary",
        "colour",
        "event",
        "hit",
        "kind",
        "likers",
        "likes",
        "own",
        "serial",
        "shown",
        "staff",
        "t",
        "time",
        "words",
    )

    def __init__(self, event: ChatEvent, clock_offset: float) -> None:
        self.event = event
        self.kind = event.kind
        self.t = event.t
        badge = PLATFORM_BADGES.get(event.platform)
        self.badge = _tr(badge[0]) if badge else event.platform[:10]
        self.colour = badge[1] if badge else OTHER_BADGE_COLOUR
        wall = event.wall if event.wall > 0 else event.t + clock_offset
        self.time = datetime.fromtimestamp(wall).strftime("%H:%M:%S") if wall > 0 else ""
        self.likes = event.count if event.kind is ChatKind.LIKE else 0
        self.likers: list[str] = [event.user_name] if event.kind is ChatKind.LIKE else []
        self.staff = event.staff or event.moderator
        self.own = event.host
        self.hit = False
        #: The newest of the comments from before the console restarted: a line under it parts them from the live.
        self.boundary = False
        self.words = ""
        #: The row's place among every row this model ever held (its index is serial − the first row's serial).
        self.serial = 0
        #: The delegate's layout of the row for the width it was last painted at (the words elided once).
        self.shown: tuple[int, str, Any] | None = None

    @property
    def user(self) -> str:
        if self.kind is ChatKind.LIKE and len(self.likers) > 1:
            separator = _tr(NAME_SEPARATOR)
            if len(self.likers) <= LIKERS_NAMED + 1:  # "A, B and 1 others" says no more than "A, B, C"
                return separator.join(self.likers)
            names = separator.join(self.likers[:LIKERS_NAMED])
            return _tr(LIKERS_WORDS).format(names=names, others=len(self.likers) - LIKERS_NAMED)
        return self.event.user_name

    @property
    def searchable(self) -> str:
        return f"{self.user}\n{self.event.text}\n{self.event.gift_name}".casefold()

    @property
    def tooltip(self) -> str:
        return f"{self.user}: {self.words}" if self.event.has_text else self.words


class CommentsModel(QAbstractListModel):
    """The newest MAX_ROWS rows, oldest first. `keywords` (NFKC + casefold) and `own_names` (casefold) are folded by
    set_marks."""

    def __init__(self, max_rows: int = MAX_ROWS, parent: Any = None) -> None:
        super().__init__(parent)
        self.max_rows = max_rows
        self.rows: list[Row] = []
        self._keywords: tuple[str, ...] = ()
        #: The highlight rule over those keywords: the complaint rule's own (console/core/chat/complaints.py).
        self._hits = KeywordHits(())
        self._own: frozenset[str] = frozenset()
        # Events carry the monotonic arrival time; local clock time = monotonic + this offset.
        self._offset = time.time() - time.monotonic()
        self._words = {kind: _tr(words) for kind, words in LINE_WORDS.items()}
        self._serial = 0
        #: Each platform's newest like row (likes join it while it is young and still shown).
        self._like_rows: dict[str, Row] = {}
        self._superchat = _tr(SUPERCHAT_WORDS)
        #: Per kind of complaint viewers report now (an open audience-reports finding): its line, said in the
        #: tooltip of a comment making that complaint.
        self._reports: dict[str, str] = {}

    # ------------------------------------------------------------------ what is highlighted
    def set_marks(self, keywords: Iterable[str], own_names: Iterable[str]) -> None:
        """The team's keywords and the host's and staff's names; rows already shown are marked again when they
        change (a few thousand rows: once, not per batch)."""
        folded = tuple(sorted({normal(k.strip()) for k in keywords if k.strip()}))
        own = frozenset(n.casefold() for n in own_names if n.strip())
        if folded == self._keywords and own == self._own:
            return
        self._keywords, self._own = folded, own
        self._hits = KeywordHits(folded)
        for row in self.rows:
            self._mark(row)
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1))

    def _mark(self, row: Row) -> None:
        event = row.event
        row.own = event.host or (bool(self._own) and event.user_name.casefold() in self._own)
        row.hit = event.has_text and bool(self._hits) and self._hits(event.text)

    def set_reports(self, lines: Mapping[str, str]) -> None:
        """The open audience reports' lines by kind of complaint (empty: none open); tooltips are read when shown,
        so no row changes."""
        self._reports = dict(lines)

    def tooltip(self, row: Row) -> str:
        """The whole comment, and for a viewer's complaint of a kind viewers report now, what the health engine
        says of it."""
        if not self._reports or not row.hit or row.own or row.staff:
            return row.tooltip
        kinds = self._hits.kinds(row.event.text)
        said = [line for kind, line in self._reports.items() if kind in kinds]  # in the line's order
        return "\n\n".join([row.tooltip, *said])

    # ------------------------------------------------------------------ adding
    def append(self, events: Sequence[ChatEvent]) -> int:
        """Adds a batch (at most one insert and one removal for the view); returns the rows added."""
        if not events:
            return 0
        fresh: list[Row] = []
        grown: set[int] = set()  # serials of rows already shown whose likes grew
        shown_from = self._serial - len(self.rows) + 1  # the serial of rows[0]
        for event in events[-self.max_rows :]:
            target = self._like_rows.get(event.platform) if event.kind is ChatKind.LIKE else None
            if target is not None and abs(event.t - target.t) <= LIKE_GROUP_S:
                target.likes += event.count
                if event.user_name not in target.likers and len(target.likers) < 10_000:
                    target.likers.append(event.user_name)
                target.words = self._say(target)
                target.shown = None
                if target.serial >= shown_from and target.serial <= shown_from + len(self.rows) - 1:
                    grown.add(target.serial)
                continue
            row = self._row(event)
            fresh.append(row)
            if row.kind is ChatKind.LIKE:
                self._like_rows[event.platform] = row
        for serial in sorted(grown):
            changed = self.index(serial - shown_from)
            self.dataChanged.emit(changed, changed)
        if fresh:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self.rows.extend(fresh)
            self.endInsertRows()
        self.trim()
        return len(fresh)

    def prepend(self, events: Sequence[ChatEvent]) -> int:
        """Adds earlier events above the rows shown (a restarted console's comments from the show's record), as
        many of the newest as there is room for under max_rows (they never push a live row out); the newest of
        them is the boundary row. Returns the rows added."""
        room = self.max_rows - len(self.rows)
        if not events or room <= 0:
            return 0
        if not self.rows:
            added = self.append(events[-room:])
        else:
            earlier = [self._row(event) for event in events[-room:]]
            self._serial -= len(earlier)  # _row counted them after the newest: they go before the oldest
            first = self.rows[0].serial - len(earlier)
            for offset, row in enumerate(earlier):
                row.serial = first + offset
            self.beginInsertRows(QModelIndex(), 0, len(earlier) - 1)
            self.rows[:0] = earlier
            self.endInsertRows()
            added = len(earlier)
        if added:
            for row in self.rows[:added]:
                row.boundary = False
            self.rows[added - 1].boundary = True
            changed = self.index(added - 1)
            self.dataChanged.emit(changed, changed)
        return added

    def trim(self) -> None:
        excess = len(self.rows) - self.max_rows
        if excess > 0:
            self.beginRemoveRows(QModelIndex(), 0, excess - 1)
            del self.rows[:excess]
            self.endRemoveRows()
            first = self.rows[0].serial
            self._like_rows = {p: row for p, row in self._like_rows.items() if row.serial >= first}

    def clear(self) -> None:
        self.beginResetModel()
        self.rows.clear()
        self._like_rows.clear()
        self.endResetModel()

    def _row(self, event: ChatEvent) -> Row:
        row = Row(event, self._offset)
        self._serial += 1
        row.serial = self._serial
        row.words = self._say(row)
        self._mark(row)
        return row

    def _say(self, row: Row) -> str:
        event = row.event
        if event.kind is ChatKind.COMMENT:
            return event.text
        if event.kind is ChatKind.SUPERCHAT:
            return self._superchat.format(value=f"{event.value:g}", text=event.text)
        words = self._words.get(event.kind, "{user}")
        count = row.likes if event.kind is ChatKind.LIKE else event.count
        return " ".join(words.format(user=row.user, gift=event.gift_name, count=count).split())

    # ------------------------------------------------------------------ Qt's model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.user}: {row.words}" if row.event.has_text else row.words
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None
