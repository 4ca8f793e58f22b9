"""Bilibili open-platform commands (the JSON of an op-5 packet) turned into ChatEvents: comments, gifts, likes,
super chats, guard purchases and room entries, with the fields the open platform documents for each. Pure
functions, no I/O. Qt-free."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from console.core.chat.events import MAX_NAME, ChatEvent, ChatKind, clip

GUARD_NAMES = {1: "总督", 2: "提督", 3: "舰长"}
#: The platform ended the app session (the host ended the play, or the heartbeats stopped): start a new one.
END_COMMAND = "LIVE_OPEN_PLATFORM_INTERACTION_END"
#: Commands the console knows and deliberately does not show (not counted as unknown).
QUIET_COMMANDS = {
    "LIVE_OPEN_PLATFORM_SUPER_CHAT_DEL",
    "LIVE_OPEN_PLATFORM_LIVE_START",
    "LIVE_OPEN_PLATFORM_LIVE_END",
}


@dataclass(frozen=True)
class Room:
    """What an event needs to know about where it came from."""

    platform: str
    source_id: str
    #: The host's own open_id (from the start answer): their comments are flagged as the host's.
    anchor_open_id: str
    #: The wall time for a message without its own timestamp.
    now_wall: float


def text(value: Any, limit: int = MAX_NAME) -> str:
    return clip("" if value is None else str(value), limit)


def obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def integer(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return default


def number(value: Any) -> float:
    try:
        result = float(value)
    except (TypeError, ValueError, OverflowError):
        return 0.0
    return result if math.isfinite(result) else 0.0


def _event(
    room: Room, data: dict[str, Any], t: float, kind: ChatKind, user: dict[str, Any], **fields: Any
) -> ChatEvent | None:
    user_id = text(user.get("open_id") or user.get("uid") or "")
    name = text(user.get("uname") or "")
    if not user_id and not name:
        return None
    return ChatEvent(
        platform=room.platform,
        source_id=room.source_id,
        kind=kind,
        user_id=user_id,
        user_name=name,
        t=t,
        wall=number(data.get("timestamp")) or room.now_wall,
        message_id=text(data.get("msg_id") or ""),
        host=bool(room.anchor_open_id) and user_id == room.anchor_open_id,
        **fields,
    )


def _dm(room: Room, data: dict[str, Any], t: float) -> ChatEvent | None:
    return _event(
        room,
        data,
        t,
        ChatKind.COMMENT,
        data,
        text=clip(text(data.get("msg"), 10_000)),
        moderator=integer(data.get("is_admin")) == 1,
    )


def _gift(room: Room, data: dict[str, Any], t: float) -> ChatEvent | None:
    count = max(1, integer(data.get("gift_num"), 1))
    # price: the gift's unit price in gold seeds (1000 = 1 yuan); a free gift (paid false) is worth nothing.
    value = number(data.get("price")) * count / 1000.0 if data.get("paid") else 0.0
    return _event(room, data, t, ChatKind.GIFT, data, gift_name=text(data.get("gift_name")), count=count, value=value)


def _superchat(room: Room, data: dict[str, Any], t: float) -> ChatEvent | None:
    return _event(
        room,
        data,
        t,
        ChatKind.SUPERCHAT,
        data,
        text=clip(text(data.get("message"), 10_000)),
        value=number(data.get("rmb")),
    )


def _guard(room: Room, data: dict[str, Any], t: float) -> ChatEvent | None:
    level = integer(data.get("guard_level"))
    count = max(1, integer(data.get("guard_num"), 1))
    return _event(
        room,
        data,
        t,
        ChatKind.MEMBERSHIP,
        obj(data.get("user_info")),
        gift_name=GUARD_NAMES.get(level, str(level)),
        count=count,
        value=number(data.get("price")) * count / 1000.0,
    )


def _like(room: Room, data: dict[str, Any], t: float) -> ChatEvent | None:
    return _event(
        room,
        data,
        t,
        ChatKind.LIKE,
        data,
        text=text(data.get("like_text")),
        count=max(1, integer(data.get("like_count"), 1)),
    )


def _enter(room: Room, data: dict[str, Any], t: float) -> ChatEvent | None:
    return _event(room, data, t, ChatKind.ENTER, data)


COMMANDS: dict[str, Callable[[Room, dict[str, Any], float], ChatEvent | None]] = {
    "LIVE_OPEN_PLATFORM_DM": _dm,
    "LIVE_OPEN_PLATFORM_SEND_GIFT": _gift,
    "LIVE_OPEN_PLATFORM_SUPER_CHAT": _superchat,
    "LIVE_OPEN_PLATFORM_GUARD": _guard,
    "LIVE_OPEN_PLATFORM_LIKE": _like,
    "LIVE_OPEN_PLATFORM_LIVE_ROOM_ENTER": _enter,
}
