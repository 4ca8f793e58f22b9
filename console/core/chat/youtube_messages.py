"""YouTube live chat messages (liveChatMessage resources) turned into ChatEvents: text messages, Super Chats and
Super Stickers (amountMicros / 1,000,000 in their currency), new members, membership milestones and gifted
memberships, with the fields the Data API documents for each. Pure functions, no I/O. Qt-free."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from console.core.chat.bilibili_messages import integer, obj, text
from console.core.chat.events import MAX_TEXT, ChatEvent, ChatKind, clip

PLATFORM = "youtube"
#: snippet.type values that are shown.
SHOWN = {
    "textMessageEvent",
    "superChatEvent",
    "superStickerEvent",
    "newSponsorEvent",
    "memberMilestoneChatEvent",
    "membershipGiftingEvent",
    "giftMembershipReceivedEvent",
}
#: Types the console knows and deliberately does not show (not counted as unknown): moderation and chat modes.
QUIET = {
    "userBannedEvent",
    "chatEndedEvent",
    "sponsorOnlyModeStartedEvent",
    "sponsorOnlyModeEndedEvent",
    "pollEvent",
    "tombstone",
    "fanFundingEvent",
}
DELETED = "messageDeletedEvent"

_VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_CHANNEL_ID = re.compile(r"UC[A-Za-z0-9_-]{22}")


class Unreadable(ValueError):
    pass


def video_or_channel(value: str) -> tuple[str, str] | None:
    """("video", id) or ("channel", UC… id) from what the user typed: an id, a watch / youtu.be / live / shorts
    address, or a /channel/UC… address. None when it is neither."""
    value = value.strip()
    if _CHANNEL_ID.fullmatch(value):
        return "channel", value
    if _VIDEO_ID.fullmatch(value):
        return "video", value
    parts = urlsplit(value if "//" in value else f"https://{value}")
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    path = [piece for piece in parts.path.split("/") if piece]
    if host == "youtu.be" and path and _VIDEO_ID.fullmatch(path[0]):
        return "video", path[0]
    if host.endswith("youtube.com"):
        watch = parse_qs(parts.query).get("v", [""])[0]
        if _VIDEO_ID.fullmatch(watch):
            return "video", watch
        if len(path) >= 2 and path[0] in ("live", "shorts", "embed") and _VIDEO_ID.fullmatch(path[1]):
            return "video", path[1]
        if len(path) >= 2 and path[0] == "channel" and _CHANNEL_ID.fullmatch(path[1]):
            return "channel", path[1]
    return None


def rfc3339(value: Any) -> float:
    if not isinstance(value, str) or not value:
        return 0.0
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).timestamp()
    except ValueError:
        return 0.0


def money(details: dict[str, Any]) -> float:
    """amountMicros (a string of micros of the currency) as an amount: "5000000" is 5.00."""
    return max(0, integer(details.get("amountMicros"))) / 1_000_000


def chat_event(item: dict[str, Any], source_id: str, t: float, now_wall: float) -> ChatEvent | None:
    """One item of liveChatMessages.list; None for a type that is not shown. Unreadable without an author."""
    snippet, author = obj(item.get("snippet")), obj(item.get("authorDetails"))
    kind = text(snippet.get("type"))
    user_id = text(author.get("channelId")) or text(snippet.get("authorChannelId"))
    name = text(author.get("displayName"))
    if not user_id or not name:
        raise Unreadable(f"{kind or 'a message'} without an author")
    base = ChatEvent(
        platform=PLATFORM,
        source_id=source_id,
        kind=ChatKind.COMMENT,
        user_id=user_id,
        user_name=name,
        t=t,
        wall=rfc3339(snippet.get("publishedAt")) or now_wall,
        message_id=text(item.get("id")),
        host=author.get("isChatOwner") is True,
        moderator=author.get("isChatOwner") is True or author.get("isChatModerator") is True,
    )
    display = snippet.get("displayMessage")
    if kind == "textMessageEvent":
        words = obj(snippet.get("textMessageDetails")).get("messageText", display)
        if not isinstance(words, str):
            raise Unreadable("textMessageEvent without a text")
        return replace(base, kind=ChatKind.COMMENT, text=clip(words, MAX_TEXT))
    if kind == "superChatEvent":
        details = obj(snippet.get("superChatDetails"))
        return replace(
            base,
            kind=ChatKind.SUPERCHAT,
            text=clip(text(details.get("userComment"), MAX_TEXT), MAX_TEXT),
            gift_name=text(details.get("currency")),
            value=money(details),
        )
    if kind == "superStickerEvent":
        details = obj(snippet.get("superStickerDetails"))
        sticker = obj(details.get("superStickerMetadata"))
        return replace(
            base,
            kind=ChatKind.GIFT,
            text=text(sticker.get("altText")),
            gift_name=f"{text(sticker.get('altText')) or 'Super Sticker'} ({text(details.get('currency'))})",
            value=money(details),
        )
    if kind == "newSponsorEvent":
        details = obj(snippet.get("newSponsorDetails"))
        return replace(base, kind=ChatKind.MEMBERSHIP, gift_name=text(details.get("memberLevelName")))
    if kind == "memberMilestoneChatEvent":
        details = obj(snippet.get("memberMilestoneChatDetails"))
        return replace(
            base,
            kind=ChatKind.MEMBERSHIP,
            text=clip(text(details.get("userComment"), MAX_TEXT), MAX_TEXT),
            gift_name=text(details.get("memberLevelName")),
            count=max(1, integer(details.get("memberMonth"), 1)),
        )
    if kind == "membershipGiftingEvent":
        details = obj(snippet.get("membershipGiftingDetails"))
        return replace(
            base,
            kind=ChatKind.MEMBERSHIP,
            gift_name=text(details.get("giftMembershipsLevelName")),
            count=max(1, integer(details.get("giftMembershipsCount"), 1)),
        )
    if kind == "giftMembershipReceivedEvent":
        details = obj(snippet.get("giftMembershipReceivedDetails"))
        return replace(base, kind=ChatKind.MEMBERSHIP, gift_name=text(details.get("memberLevelName")))
    return None
