"""Twitch chat messages turned into ChatEvents: EventSub `channel.chat.message` events and IRC PRIVMSG /
USERNOTICE lines with their IRCv3 tags, with the fields Twitch documents for each. Pure functions, no I/O.
Qt-free."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.core.chat.bilibili_messages import integer, obj, text
from console.core.chat.events import MAX_TEXT, ChatEvent, ChatKind, clip

PLATFORM = "twitch"
#: Badges (set ids) that mark the chatter's role in the channel.
HOST_BADGES = {"broadcaster"}
MODERATOR_BADGES = {"moderator", "lead_moderator"}
#: Twitch's own people: excluded from lotteries like a team's staff.
STAFF_BADGES = {"staff", "admin", "global_mod"}
#: IRC commands the console knows and deliberately does not show (not counted as unknown).
QUIET_IRC = {
    "001", "002", "003", "004", "353", "366", "372", "375", "376", "CAP", "JOIN", "PART", "ROOMSTATE",
    "USERSTATE", "GLOBALUSERSTATE", "CLEARCHAT", "CLEARMSG", "HOSTTARGET", "WHISPER", "PONG",
}  # fmt: skip
#: USERNOTICE kinds (msg-id) that are a paid membership.
MEMBERSHIP_NOTICES = {"sub", "resub", "subgift", "submysterygift", "giftpaidupgrade", "primepaidupgrade"}


class Unreadable(ValueError):
    """A message Twitch sent that lacks what every message of its kind has (said as the last problem)."""


def rfc3339(value: Any) -> float:
    """Twitch's timestamps (`2023-07-19T14:56:51.634234626Z`, nanoseconds) as epoch seconds; 0 when unreadable."""
    if not isinstance(value, str) or not value:
        return 0.0
    stamp = value.strip().replace("Z", "+00:00")
    if "." in stamp:  # Python reads at most microseconds: cut the fraction to six digits
        head, _, rest = stamp.partition(".")
        digits = len(rest) - len(rest.lstrip("0123456789"))
        stamp = f"{head}.{rest[: min(digits, 6)]}{rest[digits:]}"
    try:
        return datetime.fromisoformat(stamp).timestamp()
    except ValueError:
        return 0.0


@dataclass(frozen=True)
class Roles:
    host: bool
    moderator: bool
    staff: bool


def roles(badge_sets: set[str], chatter_id: str, broadcaster_id: str) -> Roles:
    host = bool(badge_sets & HOST_BADGES) or (bool(chatter_id) and chatter_id == broadcaster_id)
    return Roles(host, host or bool(badge_sets & MODERATOR_BADGES), bool(badge_sets & STAFF_BADGES))


# ---------------------------------------------------------------------------------------------- EventSub
def chat_message(event: dict[str, Any], source_id: str, t: float, wall: float) -> ChatEvent:
    """A `channel.chat.message` event (subscription version 1). A cheer is a paid message: its bits are the value."""
    chatter_id = text(event.get("chatter_user_id"))
    name = text(event.get("chatter_user_name")) or text(event.get("chatter_user_login"))
    message = obj(event.get("message"))
    words = message.get("text")
    if not chatter_id or not name or not isinstance(words, str):
        raise Unreadable("channel.chat.message without a chatter or a text")
    badges = {text(obj(badge).get("set_id")) for badge in event.get("badges") or [] if isinstance(badge, dict)}
    role = roles(badges, chatter_id, text(event.get("broadcaster_user_id")))
    bits = max(0, integer(obj(event.get("cheer")).get("bits")))
    return ChatEvent(
        platform=PLATFORM,
        source_id=source_id,
        kind=ChatKind.SUPERCHAT if bits else ChatKind.COMMENT,
        user_id=chatter_id,
        user_name=name,
        text=clip(words, MAX_TEXT),
        t=t,
        wall=wall,
        message_id=text(event.get("message_id")),
        gift_name="bits" if bits else "",
        count=bits or 1,
        value=float(bits),
        host=role.host,
        moderator=role.moderator,
        staff=role.staff,
    )


# ---------------------------------------------------------------------------------------------- IRC
_TAG_ESCAPES = {":": ";", "s": " ", "\\": "\\", "r": "\r", "n": "\n"}


def unescape_tag(value: str) -> str:
    """IRCv3 tag values escape `;`, space, `\\`, CR and LF (`\\:`, `\\s`, `\\\\`, `\\r`, `\\n`)."""
    if "\\" not in value:
        return value
    out: list[str] = []
    chars = iter(value)
    for char in chars:
        if char != "\\":
            out.append(char)
            continue
        following = next(chars, "")
        out.append(_TAG_ESCAPES.get(following, following))  # an unknown escape drops the backslash
    return "".join(out)


@dataclass(frozen=True)
class IrcLine:
    tags: dict[str, str]
    prefix: str
    command: str
    params: tuple[str, ...]

    @property
    def nick(self) -> str:
        return self.prefix.split("!", 1)[0]

    @property
    def trailing(self) -> str:
        return self.params[-1] if self.params else ""


def parse_irc(line: str) -> IrcLine:
    """One IRC line (without CR LF): `@tags :prefix COMMAND params :trailing`. Unreadable when it has no command."""
    rest = line
    tags: dict[str, str] = {}
    if rest.startswith("@"):
        raw, _, rest = rest[1:].partition(" ")
        for item in raw.split(";"):
            key, _, value = item.partition("=")
            if key:
                tags[key] = unescape_tag(value)
    rest = rest.lstrip(" ")
    prefix = ""
    if rest.startswith(":"):
        prefix, _, rest = rest[1:].partition(" ")
    rest = rest.lstrip(" ")
    head, colon, trailing = rest.partition(" :")
    if rest.startswith(":"):
        head, colon, trailing = "", ":", rest[1:]
    words = head.split()
    if not words:
        raise Unreadable("an IRC line without a command")
    params = (*words[1:], trailing) if colon else tuple(words[1:])
    return IrcLine(tags, prefix, words[0].upper(), params)


def _irc_badges(tags: dict[str, str]) -> set[str]:
    return {item.split("/", 1)[0] for item in tags.get("badges", "").split(",") if item}


def privmsg(line: IrcLine, source_id: str, t: float, now_wall: float) -> ChatEvent:
    """A PRIVMSG with the twitch.tv/tags capability: user-id, display-name, id, badges, bits, tmi-sent-ts."""
    tags = line.tags
    user_id = text(tags.get("user-id")) or text(line.nick)
    name = text(tags.get("display-name")) or text(line.nick)
    if len(line.params) < 2 or not name:
        raise Unreadable("PRIVMSG without a sender or a text")
    words = line.trailing
    if words.startswith("\x01ACTION ") and words.endswith("\x01"):  # "/me waves" arrives as a CTCP ACTION
        words = words[8:-1]
    bits = max(0, integer(tags.get("bits")))
    role = roles(_irc_badges(tags), user_id, text(tags.get("room-id")))
    sent_ms = integer(tags.get("tmi-sent-ts"))
    return ChatEvent(
        platform=PLATFORM,
        source_id=source_id,
        kind=ChatKind.SUPERCHAT if bits else ChatKind.COMMENT,
        user_id=user_id,
        user_name=name,
        text=clip(words, MAX_TEXT),
        t=t,
        wall=sent_ms / 1000.0 if sent_ms > 0 else now_wall,
        message_id=text(tags.get("id")),
        gift_name="bits" if bits else "",
        count=bits or 1,
        value=float(bits),
        host=role.host,
        moderator=role.moderator or tags.get("mod") == "1",
        staff=role.staff,
    )


def usernotice(line: IrcLine, source_id: str, t: float, now_wall: float) -> ChatEvent | None:
    """A subscription (sub, resub, gifted sub …) as a membership; None for the other notices (raids, …)."""
    tags = line.tags
    if tags.get("msg-id", "") not in MEMBERSHIP_NOTICES:
        return None
    user_id = text(tags.get("user-id")) or text(tags.get("login"))
    name = text(tags.get("display-name")) or text(tags.get("login"))
    if not user_id or not name:
        raise Unreadable("USERNOTICE without a user")
    sent_ms = integer(tags.get("tmi-sent-ts"))
    return ChatEvent(
        platform=PLATFORM,
        source_id=source_id,
        kind=ChatKind.MEMBERSHIP,
        user_id=user_id,
        user_name=name,
        text=clip(line.trailing if len(line.params) >= 2 else "", MAX_TEXT),
        t=t,
        wall=sent_ms / 1000.0 if sent_ms > 0 else now_wall,
        message_id=text(tags.get("id")),
        gift_name=text(tags.get("msg-param-sub-plan-name")) or text(tags.get("msg-id")),
    )
