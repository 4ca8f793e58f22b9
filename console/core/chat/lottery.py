"""The fair lottery (抽奖): entry by keyword in a window, one entry per viewer, staff excluded, and a draw anyone can
check. Qt-free, no SQL.

Fairness, as a commit-reveal scheme anyone can re-run:

1. When entries open, a random 256-bit seed is drawn (`secrets.token_bytes(32)`) and its commitment
   ``SHA-256(seed)`` (hex) is published at once: shown, stored, in every export. The seed itself stays secret.
2. Entries are comments that contain the keyword while the window is open; each viewer (platform, user id)
   enters once, with their first such comment.
3. After the window closes the draw runs ONLY on the stored entries, and the seed is revealed with the winners.

The draw (`draw_winners`, version ``onair-lottery/1``):

- the entries in canonical order: sorted by (platform, user id), comparing the strings by Unicode code point
  (the order of their UTF-8 bytes);
- ``k = min(winners, number of entries)``; ``pool`` = the ordered entries; ``counter = 0``;
- while fewer than k winners: ``r`` = HMAC-SHA256(key=seed, message=counter as 8 bytes big-endian) read as a
  256-bit big-endian integer; ``counter += 1``; ``m = len(pool)``; if ``r >= 2**256 - (2**256 % m)`` the value
  is rejected (so every index is equally likely: no modulo bias) and the next counter is tried; otherwise the
  winner is ``pool.pop(r % m)`` — ranks 1, 2, … in the order drawn, never the same viewer twice.

Anyone with an export (its entries and its seed) recomputes the winners with `verify` or a few lines in any
language; `onair lottery verify FILE` does it.

What the commitment proves: the seed was fixed before any entry was seen, so the console could not pick a seed
that favours someone. What it cannot prove alone: that the entry list is the room's real comments — the export
lists each entry's comment and time so they can be checked against the platform's own record.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import secrets
import threading
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from console.core.chat.events import TEXT_KINDS, ChatEvent
from obs.text import QT_TRANSLATE_NOOP, Message, Said, Translate, counted

FORMAT = "onair-lottery/1"
#: A record with a forfeited winner or a replacement drawn (`draw_more`): every drawn viewer in one sequence.
FORMAT_2 = "onair-lottery/2"
FORMATS = (FORMAT, FORMAT_2)
#: Why a winner forfeits: the codes stored and exported, and their words (the dock, the exports, the CLI).
REASONS: dict[str, str] = {
    "no_answer": QT_TRANSLATE_NOOP("Lottery", "did not answer"),
    "ineligible": QT_TRANSLATE_NOOP("Lottery", "ineligible"),
    "other": QT_TRANSLATE_NOOP("Lottery", "other reason"),
}
MAX_NOTE = 500
CONTEXT = "Lottery"
#: Bounds a person or a file may not exceed (they are the database columns').
MAX_KEYWORD = 100
MAX_WINNERS = 1000
MAX_EXCLUDED = 500
MAX_COMMENT = 500
MAX_ID = 200
_SPACE = 2**256


class LotteryError(ValueError):
    """A lottery that cannot be opened, closed or drawn as asked: `message` says why in the reader's language."""

    def __init__(self, template: str, **fields: object) -> None:
        self.message = Message(template, fields, CONTEXT)
        super().__init__(self.message.explain())

    def sentence(self, translate: Translate) -> str:
        """Why, as a sentence of its own in the reader's language: a capital and a full stop where the words are
        shown as a line by themselves (the Lottery dock). `message` stays as the clause it is, for the places that
        say it after words of their own ("onair: …")."""
        template = _as_sentence(translate(CONTEXT, self.message.template))
        fields = {k: v.in_language(translate) if isinstance(v, Said) else v for k, v in self.message.fields.items()}
        return Message(template, fields).explain()


#: How a sentence may end already, in either language (a template ending in a field is ended all the same).
_SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？")


def _as_sentence(template: str) -> str:
    """`template` begun with a capital (unless it begins with a field: a name is written as it is) and ended with a
    full stop in its own language's script ("。" after Chinese words)."""
    text = template.rstrip()
    if text[:1].islower():
        text = text[:1].upper() + text[1:]
    if text and not text.endswith(_SENTENCE_ENDS):
        chinese = any("\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef" for char in text)
        text += "。" if chinese else "."
    return text


def _clock(at: float | None) -> str:
    """A moment as the desk reads it (local time of day)."""
    return datetime.fromtimestamp(at).strftime("%H:%M:%S") if at else "?"


def already_running(record: LotteryRecord) -> LotteryError:
    """Why a second lottery cannot be opened beside the show's running one, naming it and whoever opened it."""
    if record.state == "open":
        if record.opened_by:
            return LotteryError(
                QT_TRANSLATE_NOOP(
                    "Lottery",
                    "a lottery is already open in this show: “{keyword}”, opened at {at} by {who}. Draw or cancel "
                    "it before opening another",
                ),
                keyword=record.keyword,
                at=_clock(record.opened_at),
                who=record.opened_by,
            )
        return LotteryError(
            QT_TRANSLATE_NOOP(
                "Lottery",
                "a lottery is already open in this show: “{keyword}”, opened at {at}. Draw or cancel it before "
                "opening another",
            ),
            keyword=record.keyword,
            at=_clock(record.opened_at),
        )
    return LotteryError(
        QT_TRANSLATE_NOOP(
            "Lottery",
            "the lottery “{keyword}” (opened at {at} by {who}) is closed and waits for its draw: draw or cancel it "
            "before opening another",
        ),
        keyword=record.keyword,
        at=_clock(record.opened_at),
        who=record.opened_by or "?",
    )


class AlreadyDrawn(LotteryError):
    """A draw asked for a lottery another console (or this one, earlier) already drew: `record` holds the winners
    it drew, to be shown; the draw itself happened once."""

    def __init__(self, record: LotteryRecord) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Lottery", "already drawn at {at} by {who}: these are its winners (a lottery is drawn once)"
            ),
            at=_clock(record.drawn_at),
            who=record.drawn_by or "?",
        )
        self.record = record


def cancelled(record: LotteryRecord) -> LotteryError:
    return LotteryError(
        QT_TRANSLATE_NOOP("Lottery", "the lottery “{keyword}” was cancelled at {at} by {who}: it cannot be drawn"),
        keyword=record.keyword,
        at=_clock(record.cancelled_at),
        who=record.cancelled_by or "?",
    )


def cannot_cancel(record: LotteryRecord) -> LotteryError:
    return LotteryError(
        QT_TRANSLATE_NOOP(
            "Lottery", "the lottery was already drawn at {at} by {who}: its winners stand, it cannot be cancelled"
        ),
        at=_clock(record.drawn_at),
        who=record.drawn_by or "?",
    )


def forfeit_error(why: str, rank: int = 0, gone: Winner | None = None, winner: Winner | None = None) -> LotteryError:
    """Why a forfeit or a replacement cannot be done as asked (Storage.forfeit_winner, draw_replacement)."""
    name = (gone.user_name or gone.user_id) if gone is not None else ""
    if why == "reason":
        return LotteryError(QT_TRANSLATE_NOOP("Lottery", "a forfeit needs a reason"))
    if why == "no_winner":
        return LotteryError(QT_TRANSLATE_NOOP("Lottery", "there is no winner {rank} in this lottery"), rank=rank)
    if why == "forfeited" and gone is not None:
        return LotteryError(
            QT_TRANSLATE_NOOP("Lottery", "{user} was already marked forfeited at {at} by {who}"),
            user=name,
            at=_clock(gone.forfeited_at),
            who=gone.forfeited_by or "?",
        )
    if why == "replaced" and winner is not None:
        return LotteryError(
            QT_TRANSLATE_NOOP("Lottery", "{user} was already drawn at {at} by {who} to replace {gone}"),
            user=winner.user_name or winner.user_id,
            at=_clock(winner.drawn_at),
            who=winner.drawn_by or "?",
            gone=name,
        )
    if why == "nobody_left":
        return LotteryError(
            # Sentences: the Questions dock shows them as its outcome line, the CLI after "onair: ".
            QT_TRANSLATE_NOOP("Lottery", "The only entry has been drawn: nobody is left to replace {gone}.")
            if rank == 1
            else QT_TRANSLATE_NOOP(
                "Lottery", "Every one of the {count} entries has been drawn: nobody is left to replace {gone}."
            ),
            count=rank,
            gone=name,
        )
    return LotteryError(
        QT_TRANSLATE_NOOP("Lottery", "winner {rank} has not forfeited: there is nothing to replace"), rank=rank
    )


# ---------------------------------------------------------------------- matching
def fold(text: str) -> str:
    """Text as the lottery and the Q&A queue compare it: NFKC (full-width ＃, Ａ and １ become #, A and 1;
    half-width katakana become full-width), case-folded (ß and SS alike), every white space removed ("# 抽 奖"
    is "#抽奖"). Chinese characters are left as they are: simplified and traditional stay different words."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def matches(keyword: str, comment: str) -> bool:
    """True when the comment contains the keyword, both folded (`fold`): anywhere in it, not only alone."""
    folded = fold(keyword)
    return bool(folded) and folded in fold(comment)


# ---------------------------------------------------------------------- the record
@dataclass(frozen=True)
class Entry:
    platform: str
    user_id: str
    user_name: str
    #: When the comment arrived (epoch seconds, the console's clock).
    at: float
    comment: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.platform, self.user_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "user_id": self.user_id,
            "user_name": self.user_name,
            "at": _iso(self.at),
            "comment": self.comment,
        }


@dataclass(frozen=True)
class Winner:
    """A viewer drawn, rank = the place in the draw's sequence (1, 2, … in the order drawn). A replacement is drawn
    later than the draw (`replaces` = the forfeited rank it stands for, with its own time and drawer); a winner
    who does not answer or is ineligible is marked forfeited (when, by whom, why) and stays in the record."""

    rank: int
    platform: str
    user_id: str
    user_name: str
    replaces: int | None = None
    drawn_at: float | None = None
    drawn_by: str = ""
    forfeited_at: float | None = None
    forfeited_by: str = ""
    #: A REASONS code, and the assistant's own words beside it ("" when none).
    reason: str = ""
    note: str = ""

    @property
    def forfeited(self) -> bool:
        return self.forfeited_at is not None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rank": self.rank,
            "platform": self.platform,
            "user_id": self.user_id,
            "user_name": self.user_name,
        }
        if self.replaces is not None:
            out["replaces"] = self.replaces
            out["drawn_at"] = _iso(self.drawn_at) if self.drawn_at is not None else None
            out["drawn_by"] = self.drawn_by
        if self.forfeited_at is not None:
            out["forfeited"] = {
                "at": _iso(self.forfeited_at),
                "by": self.forfeited_by,
                "reason": self.reason,
                "note": self.note,
            }
        return out


@dataclass(frozen=True)
class LotteryRecord:
    """A lottery as stored and exported. `seed` is None until the draw revealed it."""

    keyword: str
    winners_count: int
    commitment: str
    opened_at: float
    closed_at: float | None = None
    seed: str | None = None
    drawn_at: float | None = None
    excluded: tuple[str, ...] = ()
    entries: tuple[Entry, ...] = ()
    winners: tuple[Winner, ...] = ()
    id: int | None = None
    show_id: int | None = None
    room: str = ""
    #: Who opened, drew or cancelled it (the console's operator, else user@host); "" when not known.
    opened_by: str = ""
    drawn_by: str = ""
    cancelled_at: float | None = None
    cancelled_by: str = ""

    @property
    def state(self) -> str:
        """ "open", "closed" (entries over, not drawn), "drawn" or "cancelled" (never drawn, no winners)."""
        if self.seed is not None:
            return "drawn"
        if self.cancelled_at is not None:
            return "cancelled"
        return "closed" if self.closed_at is not None else "open"

    @property
    def standing(self) -> tuple[Winner, ...]:
        """The winners who stand: every one drawn but the forfeited, in the order drawn."""
        return tuple(w for w in self.winners if not w.forfeited)

    @property
    def awaiting_replacement(self) -> tuple[Winner, ...]:
        """Forfeited winners no replacement was drawn for yet (a restart between the two keeps them here)."""
        replaced = {w.replaces for w in self.winners}
        return tuple(w for w in self.winners if w.forfeited and w.rank not in replaced)

    @property
    def everyone_drawn(self) -> bool:
        """Every entry has been drawn (forfeited ones too): a replacement has nobody left to draw (draw_next)."""
        return self.seed is not None and len(self.winners) >= len(self.entries)

    @property
    def format(self) -> str:
        """onair-lottery/1 while nobody forfeited (the record reads as it always did), else onair-lottery/2."""
        return FORMAT_2 if any(w.forfeited or w.replaces is not None for w in self.winners) else FORMAT

    @property
    def running(self) -> bool:
        """Open, or closed and waiting for its draw: the show's one lottery that no other may be opened beside."""
        return self.state in ("open", "closed")

    def to_json(self) -> dict[str, Any]:
        """The verifiable record (what `verify` reads); entries in canonical order."""
        return {
            "format": self.format,
            "lottery_id": self.id,
            "show_id": self.show_id,
            "room": self.room,
            "keyword": self.keyword,
            # What became of it, said outright: a cancelled lottery is not one "not drawn yet" (open, closed, drawn,
            # cancelled); cancelled_at and cancelled_by below say when and by whom.
            "state": self.state,
            "winners_count": self.winners_count,
            "excluded": list(self.excluded),
            "opened_at": _iso(self.opened_at),
            "closed_at": _iso(self.closed_at) if self.closed_at is not None else None,
            "drawn_at": _iso(self.drawn_at) if self.drawn_at is not None else None,
            "commitment": self.commitment,
            "seed": self.seed,
            "opened_by": self.opened_by,
            "drawn_by": self.drawn_by,
            "cancelled_at": _iso(self.cancelled_at) if self.cancelled_at is not None else None,
            "cancelled_by": self.cancelled_by,
            "algorithm": "entries sorted by (platform, user_id); r = HMAC-SHA256(seed, counter as 8-byte big-endian); "
            "reject r >= 2^256 - 2^256 mod m; winner = pool.pop(r mod m)"
            + (
                "; a replacement for a forfeited winner is the next winner of the same sequence (the counter goes on "
                "over the pool left)"
                if self.format == FORMAT_2
                else ""
            ),
            "entries": [entry.to_json() for entry in canonical(self.entries)],
            "winners": [winner.to_json() for winner in self.winners],
        }


def _iso(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _epoch(text: Any) -> float:
    return datetime.fromisoformat(str(text).replace("Z", "+00:00")).timestamp()


def _when(text: Any) -> str:
    """An exported ISO time as the reader's local date and time (the text itself when it is not one)."""
    try:
        return datetime.fromtimestamp(_epoch(text)).strftime("%Y-%m-%d %H:%M:%S")
    except (TypeError, ValueError, OverflowError):
        return str(text)


# ---------------------------------------------------------------------- the algorithm
def new_seed() -> bytes:
    return secrets.token_bytes(32)


def commitment_of(seed: bytes) -> str:
    return hashlib.sha256(seed).hexdigest()


def canonical(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda entry: entry.key)


def pick(value: int, size: int) -> int | None:
    """An index below `size` from a 256-bit value, or None for a value in the top sliver (2**256 mod size values)
    that would make low indices likelier: rejected, the next counter is tried."""
    if value >= _SPACE - _SPACE % size:
        return None
    return value % size


def draw_winners(seed: bytes, entries: Iterable[Entry], count: int) -> tuple[Winner, ...]:
    """The winners that `seed` picks from `entries` (version onair-lottery/1; the module's docstring)."""
    pool = canonical(entries)
    wanted = min(max(count, 0), len(pool))
    winners: list[Winner] = []
    counter = 0
    while len(winners) < wanted:
        digest = hmac.new(seed, counter.to_bytes(8, "big"), hashlib.sha256).digest()
        counter += 1
        index = pick(int.from_bytes(digest, "big"), len(pool))
        if index is None:
            continue
        entry = pool.pop(index)
        winners.append(Winner(len(winners) + 1, entry.platform, entry.user_id, entry.user_name))
    return tuple(winners)


def draw_next(seed: bytes, entries: Iterable[Entry], drawn: int) -> Winner | None:
    """The viewer drawn after the first `drawn` ones of the same sequence (onair-lottery/2's replacement): the
    counter goes on over the pool left, so it is never one already drawn, forfeited or not. None when every entry
    has been drawn."""
    sequence = draw_winners(seed, entries, drawn + 1)
    return sequence[drawn] if len(sequence) > drawn else None


# ---------------------------------------------------------------------- verification (a pure function)
@dataclass(frozen=True)
class Verification:
    ok: bool
    #: What does not check out (empty when ok), each a sentence in the Lottery context.
    problems: tuple[Message, ...] = ()
    #: What was checked and held, for the report ("commitment matches the seed", …).
    checked: tuple[Message, ...] = ()
    #: The winners recomputed from seed and entries (empty when they could not be).
    winners: tuple[Winner, ...] = ()


def _say(template: str, **fields: object) -> Message:
    return Message(template, fields, CONTEXT)


def verify(record: Mapping[str, Any]) -> Verification:
    """Whether an exported record (LotteryRecord.to_json, read back from JSON) checks out: the seed matches the
    commitment, the entries are one per viewer and inside the window, and the winners are the ones seed and
    entries give. Never raises on bad input: an unreadable record is a problem said in words."""
    problems: list[Message] = []
    checked: list[Message] = []
    if record.get("format") not in FORMATS:
        return Verification(
            False,
            (_say(QT_TRANSLATE_NOOP("Lottery", "this is not a lottery record ({format} expected)"), format=FORMAT),),
        )
    sequence = record.get("format") == FORMAT_2
    try:
        entries = [
            Entry(
                str(e["platform"]), str(e["user_id"]), str(e.get("user_name", "")), _epoch(e["at"]), str(e["comment"])
            )
            for e in record["entries"]
        ]
        stated = [_stated_winner(w, sequence) for w in record["winners"]]
        count = int(record["winners_count"])
        commitment = str(record["commitment"]).lower()
        seed_hex = record.get("seed")
        opened = _epoch(record["opened_at"])
        closed = _epoch(record["closed_at"]) if record.get("closed_at") else None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        why = str(exc) or type(exc).__name__
        return Verification(False, (_say(QT_TRANSLATE_NOOP("Lottery", "the record cannot be read: {why}"), why=why),))
    if not seed_hex and record.get("cancelled_at"):
        return Verification(
            False,
            (
                _say(
                    QT_TRANSLATE_NOOP(
                        "Lottery",
                        "the lottery was cancelled ({at}, by {who}): it was never drawn, so there are no winners to "
                        "check",
                    ),
                    at=_when(record.get("cancelled_at")),
                    who=str(record.get("cancelled_by") or "?"),
                ),
            ),
        )
    if not seed_hex:
        return Verification(False, (_say(QT_TRANSLATE_NOOP("Lottery", "the seed is not revealed yet: not drawn")),))
    try:
        seed = bytes.fromhex(str(seed_hex))
    except ValueError:
        return Verification(False, (_say(QT_TRANSLATE_NOOP("Lottery", "the seed is not hexadecimal")),))
    if commitment_of(seed) != commitment:
        problems.append(
            _say(
                QT_TRANSLATE_NOOP("Lottery", "the seed does not match the commitment published at the opening ({c})"),
                c=commitment[:16] + "…",
            )
        )
    else:
        checked.append(_say(QT_TRANSLATE_NOOP("Lottery", "the seed matches the commitment published at the opening")))
    keys = [entry.key for entry in entries]
    if len(set(keys)) != len(keys):
        problems.append(_say(QT_TRANSLATE_NOOP("Lottery", "a viewer has more than one entry")))
    late = [entry for entry in entries if entry.at < opened or (closed is not None and entry.at > closed)]
    if late:
        problems.append(
            _say(
                QT_TRANSLATE_NOOP("Lottery", "{count} entry is outside the entry window ({user})")
                if len(late) == 1
                else QT_TRANSLATE_NOOP("Lottery", "{count} entries are outside the entry window (first: {user})"),
                count=len(late),
                user=late[0].user_name or late[0].user_id,
            )
        )
    recomputed = draw_winners(seed, entries, len(stated) if sequence else count)
    problems.extend(_replacement_problems(stated, min(count, len(entries))) if sequence else ())
    if [(w.rank, w.platform, w.user_id) for w in recomputed] != [(w.rank, w.platform, w.user_id) for w in stated]:
        problems.append(
            _say(
                QT_TRANSLATE_NOOP("Lottery", "the winners are not the ones the seed and the entries give ({names})"),
                names=", ".join(w.user_name or w.user_id for w in recomputed) or "—",
            )
        )
    else:
        checked.append(_follows(len(recomputed), len(entries), sequence))
    checked.extend(_replacements_held(stated) if sequence and not problems else ())
    return Verification(not problems, tuple(problems), tuple(checked), recomputed)


def _stated_winner(data: Mapping[str, Any], sequence: bool) -> Winner:
    """A winner as a JSON record states it (KeyError, TypeError, ValueError when it cannot be read)."""
    winner = Winner(int(data["rank"]), str(data["platform"]), str(data["user_id"]), str(data.get("user_name", "")))
    if not sequence:
        return winner
    forfeit = data.get("forfeited")
    replaces = data.get("replaces")
    return replace(
        winner,
        replaces=int(replaces) if replaces is not None else None,
        drawn_at=_epoch(data["drawn_at"]) if data.get("drawn_at") else None,
        drawn_by=str(data.get("drawn_by") or ""),
        forfeited_at=_epoch(forfeit["at"]) if forfeit else None,
        forfeited_by=str(forfeit.get("by") or "") if forfeit else "",
        reason=str(forfeit.get("reason") or "") if forfeit else "",
        note=str(forfeit.get("note") or "") if forfeit else "",
    )


def _follows(drawn: int, entries: int, sequence: bool) -> Message:
    """What a check that holds says: the winners (or, in a sequence, every viewer drawn) follow from the seed."""
    one = drawn == 1
    if sequence:
        template = (
            QT_TRANSLATE_NOOP("Lottery", "the 1 viewer drawn follows from the seed and the {entries}")
            if one
            else QT_TRANSLATE_NOOP(
                "Lottery", "the {count} viewers drawn (forfeited ones too) follow from the seed and the {entries}"
            )
        )
    else:
        template = (
            QT_TRANSLATE_NOOP("Lottery", "the 1 winner follows from the seed and the {entries}")
            if one
            else QT_TRANSLATE_NOOP("Lottery", "the {count} winners follow from the seed and the {entries}")
        )
    return _say(template, count=drawn, entries=_entries(entries))


def _entries(count: int) -> Message:
    """As a field of a sentence: "1 entry", "3 entries"."""
    return counted(
        count, QT_TRANSLATE_NOOP("Lottery", "{count} entry"), QT_TRANSLATE_NOOP("Lottery", "{count} entries"), CONTEXT
    )


def _winners(count: int) -> Message:
    """As a field of a sentence: "1 winner", "3 winners"."""
    return counted(
        count, QT_TRANSLATE_NOOP("Lottery", "{count} winner"), QT_TRANSLATE_NOOP("Lottery", "{count} winners"), CONTEXT
    )


def _replacements_held(stated: Sequence[Winner]) -> list[Message]:
    replacements = sum(1 for w in stated if w.replaces is not None)
    return [
        _say(
            QT_TRANSLATE_NOOP(
                "Lottery", "{forfeits} forfeited; the replacement is the next viewer of the same sequence"
            )
            if replacements == 1
            else QT_TRANSLATE_NOOP(
                "Lottery",
                "{forfeits} forfeited; each of the {replacements} replacements is the next viewer of the same sequence",
            ),
            forfeits=_winners(sum(1 for w in stated if w.forfeited)),
            replacements=replacements,
        )
    ]


def _replacement_problems(stated: Sequence[Winner], drawn_first: int) -> list[Message]:
    """What breaks onair-lottery/2's rule: the first `drawn_first` ranks are the draw's, every later one a
    replacement for an earlier winner who forfeited before it was drawn — one replacement per forfeit."""
    problems: list[Message] = []
    by_rank = {w.rank: w for w in stated}
    if len(stated) < drawn_first:
        problems.append(
            _say(
                QT_TRANSLATE_NOOP("Lottery", "the record lists {winners}; the draw gives {wanted}"),
                winners=_winners(len(stated)),
                wanted=drawn_first,
            )
        )
    replaced: set[int] = set()
    for winner in stated:
        if winner.rank <= drawn_first:
            if winner.replaces is not None:
                problems.append(
                    _say(
                        QT_TRANSLATE_NOOP("Lottery", "winner {rank} was drawn with the others, not as a replacement"),
                        rank=winner.rank,
                    )
                )
            continue
        gone = by_rank.get(winner.replaces) if winner.replaces is not None else None
        if (
            gone is None
            or gone.rank >= winner.rank
            or not gone.forfeited
            or gone.rank in replaced
            or (winner.drawn_at is not None and gone.forfeited_at is not None and winner.drawn_at < gone.forfeited_at)
        ):
            problems.append(
                _say(
                    QT_TRANSLATE_NOOP(
                        "Lottery",
                        "winner {rank} ({user}) was drawn beyond the winners wanted without replacing an earlier "
                        "winner who forfeited before it",
                    ),
                    rank=winner.rank,
                    user=winner.user_name or winner.user_id,
                )
            )
        else:
            replaced.add(gone.rank)
    return problems


# ---------------------------------------------------------------------- the live lottery
class Outcome(enum.Enum):
    ENTERED = "entered"
    #: The viewer already entered (their first comment counts).
    AGAIN = "again"
    #: Host, moderator, staff, or on the lottery's staff list.
    EXCLUDED = "excluded"
    #: Before the opening or after the close.
    OUTSIDE = "outside"
    #: A comment without the keyword, or no comment at all (a gift, a like).
    NOT_AN_ENTRY = "not_an_entry"


def clean_settings(keyword: str, winners: int, excluded: Sequence[str]) -> tuple[str, int, tuple[str, ...]]:
    """The keyword, winner count and staff list checked (LotteryError names the first problem)."""
    word = " ".join(keyword.split())
    if not fold(word):
        raise LotteryError(QT_TRANSLATE_NOOP("Lottery", "the lottery needs a keyword to enter with"))
    if len(word) > MAX_KEYWORD:
        raise LotteryError(
            QT_TRANSLATE_NOOP("Lottery", "the keyword is longer than {limit} characters"), limit=MAX_KEYWORD
        )
    if not 1 <= winners <= MAX_WINNERS:
        raise LotteryError(
            QT_TRANSLATE_NOOP("Lottery", "the number of winners must be between 1 and {limit}"), limit=MAX_WINNERS
        )
    staff = tuple(dict.fromkeys(name.strip()[:MAX_ID] for name in excluded if name.strip()))
    if len(staff) > MAX_EXCLUDED:
        raise LotteryError(
            QT_TRANSLATE_NOOP("Lottery", "the staff list has more than {limit} names"), limit=MAX_EXCLUDED
        )
    return word, winners, staff


class Lottery:
    """One lottery while it runs: opened, fed every event of the room's feed, closed, then drawn by storage from
    the stored entries (Storage.draw_lottery). Thread-safe: the feed's reader offers, the GUI closes.

    Times: `offer` compares the event's arrival on the monotonic clock (ChatEvent.t) with the window, so a reader
    that lags behind the feed still counts a comment that arrived before the close; the entry's time is that
    arrival on the wall clock."""

    def __init__(
        self, record: LotteryRecord, seed: bytes | None, opened_mono: float, closed_mono: float | None = None
    ) -> None:
        self._lock = threading.Lock()
        self._record = record
        self._seed = seed
        self._opened_mono = opened_mono
        self._closed_mono = closed_mono
        self._entered: dict[tuple[str, str], Entry] = {e.key: e for e in record.entries}
        self._new: list[Entry] = []
        self._staff = {fold(name) for name in record.excluded}
        self.counts: dict[Outcome, int] = dict.fromkeys(Outcome, 0)

    @classmethod
    def open(
        cls,
        keyword: str,
        winners: int,
        excluded: Sequence[str] = (),
        now: float | None = None,
        mono: float | None = None,
        room: str = "",
        show_id: int | None = None,
        by: str = "",
    ) -> tuple[Lottery, bytes]:
        """A new lottery, open from `now` (epoch s; `mono` the same moment on the monotonic clock). Returns it and
        its seed, which the caller stores (hidden) with the record: a console that restarts must draw with it."""
        import time

        word, count, staff = clean_settings(keyword, winners, excluded)
        seed = new_seed()
        record = LotteryRecord(
            keyword=word,
            winners_count=count,
            commitment=commitment_of(seed),
            opened_at=time.time() if now is None else now,
            excluded=staff,
            room=room,
            show_id=show_id,
            opened_by=by[:MAX_ID],
        )
        return cls(record, seed, time.monotonic() if mono is None else mono), seed

    @classmethod
    def resume(cls, record: LotteryRecord, now: float, mono: float) -> Lottery:
        """A stored lottery taken up again by a console that restarted: its window put back on this process's
        monotonic clock (`now` and `mono` are the same moment), its stored entries kept (a viewer who entered
        before the restart does not enter twice). The seed stays in storage (Storage.draw_lottery draws with it):
        this object cannot draw by itself."""
        opened_mono = mono - (now - record.opened_at)
        ended = record.closed_at if record.closed_at is not None else record.cancelled_at  # cancelled: no entry
        closed_mono = None if ended is None else opened_mono + (ended - record.opened_at)
        return cls(record, None, opened_mono, closed_mono)

    def adopt(self, stored: LotteryRecord, now: float, mono: float) -> None:
        """The same lottery as storage keeps it now, which every console of the room writes to: closed, drawn or
        cancelled elsewhere (no entry after that), and the entries the other consoles stored (a viewer one of
        them entered does not enter again here; the count is the room's)."""
        with self._lock:
            for entry in stored.entries:
                self._entered.setdefault(entry.key, entry)
            ended = stored.closed_at if stored.closed_at is not None else stored.cancelled_at
            if ended is not None and self._closed_mono is None:
                # On this process's monotonic clock: a comment that arrived here before the close still counts.
                self._closed_mono = mono - (now - ended)
            self._record = replace(stored, entries=())

    @property
    def record(self) -> LotteryRecord:
        with self._lock:
            return replace(self._record, entries=tuple(self._entered.values()))

    @property
    def commitment(self) -> str:
        return self._record.commitment

    def attach(self, lottery_id: int) -> None:
        """The id storage gave the record."""
        with self._lock:
            self._record = replace(self._record, id=lottery_id)

    def excluded(self, event: ChatEvent) -> bool:
        if event.host or event.moderator or event.staff:
            return True
        return bool(self._staff & {fold(event.user_id), fold(event.user_name)} - {""})

    def offer(self, event: ChatEvent) -> Outcome:
        """Judge one event of the feed; an entry is kept (and handed out once by take_new)."""
        with self._lock:
            outcome = self._judge(event)
            self.counts[outcome] += 1
            return outcome

    def _judge(self, event: ChatEvent) -> Outcome:
        if event.kind not in TEXT_KINDS or not matches(self._record.keyword, event.text):
            return Outcome.NOT_AN_ENTRY
        if event.t < self._opened_mono or (self._closed_mono is not None and event.t >= self._closed_mono):
            return Outcome.OUTSIDE
        if self.excluded(event):
            return Outcome.EXCLUDED
        user_id = (event.user_id or event.user_name)[:MAX_ID]
        key = (event.platform, user_id)
        if key in self._entered:
            return Outcome.AGAIN
        at = self._record.opened_at + (event.t - self._opened_mono)
        entry = Entry(event.platform, user_id, event.user_name[:MAX_ID], at, event.text[:MAX_COMMENT])
        self._entered[key] = entry
        self._new.append(entry)
        return Outcome.ENTERED

    def take_new(self) -> list[Entry]:
        """Entries not yet handed to storage (Storage.add_lottery_entries), each once."""
        with self._lock:
            new, self._new = self._new, []
            return new

    def give_back(self, entries: list[Entry]) -> None:
        """Entries storage could not take (it failed): handed out again by the next take_new."""
        with self._lock:
            self._new[:0] = entries

    @property
    def waiting(self) -> int:
        """Entries not yet handed to storage."""
        with self._lock:
            return len(self._new)

    def close(self, now: float | None = None, mono: float | None = None) -> LotteryRecord:
        """No entry after this moment; idempotent (the first close counts)."""
        import time

        with self._lock:
            if self._closed_mono is None:
                self._closed_mono = time.monotonic() if mono is None else mono
                closed = self._record.opened_at + (self._closed_mono - self._opened_mono) if now is None else now
                self._record = replace(self._record, closed_at=closed)
            return replace(self._record, entries=tuple(self._entered.values()))

    def draw(self) -> LotteryRecord:
        """The winners from the entries this object holds (use Storage.draw_lottery when the record is stored:
        the winners then follow from the stored entries alone). Closes first if still open."""
        import time

        record = self.close()
        if record.seed is not None:
            return record
        if self._seed is None:
            raise LotteryError(QT_TRANSLATE_NOOP("Lottery", "this lottery is drawn from the database it is kept in"))
        winners = draw_winners(self._seed, record.entries, record.winners_count)
        with self._lock:
            self._record = replace(self._record, seed=self._seed.hex(), drawn_at=time.time(), winners=winners)
            return replace(self._record, entries=tuple(self._entered.values()))
