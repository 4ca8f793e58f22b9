"""Turning a team's own JSON record or CSV row into a ChatEvent: which field is the user, the text, the kind, the
id, the time. The route for platforms without an open comment API (Douyin, Taobao Live, Kuaishou): whatever tool
the team already has writes JSON lines or a CSV, and this reads it. Qt-free."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, fields
from typing import Any

from console.core.chat.events import KIND_WORDS, MAX_NAME, ChatEvent, ChatKind, clip
from console.core.telemetry.audience_file import parse_time

#: A line longer than this is not one comment: it is skipped (and counted) so a wrong file cannot fill memory.
MAX_LINE = 64 * 1024

#: Column names understood in a CSV header (compared without case, spaces, "_" or "-"), English and Chinese.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "user": ("user", "username", "name", "nickname", "nick", "uname", "author", "用户", "用户名", "昵称", "观众"),
    "user_id": ("userid", "uid", "openid", "secuid", "authorid", "用户id", "用户编号"),
    "text": ("text", "content", "comment", "message", "msg", "内容", "评论", "评论内容", "弹幕", "弹幕内容", "消息"),
    "kind": ("kind", "type", "event", "类型", "事件"),
    "id": ("id", "msgid", "messageid", "commentid", "消息id", "评论id"),
    "time": ("time", "timestamp", "datetime", "date", "ts", "时间", "时间戳", "发送时间", "评论时间"),
    "gift": ("gift", "giftname", "礼物", "礼物名", "礼物名称"),
    "count": ("count", "num", "giftnum", "number", "数量", "个数"),
    "value": ("value", "price", "amount", "金额", "价值", "价格"),
}


class Unreadable(ValueError):
    """A record that is not a comment (a required field missing): counted, the rest goes on."""


class UnknownKind(ValueError):
    """A record of a kind this console does not show (counted by kind and ignored)."""


def column_key(name: str) -> str:
    return "".join(ch for ch in name.strip().strip('"').lower() if ch not in " _-")


@dataclass(frozen=True)
class FieldMap:
    """Where each part of a comment is in a record: a field name, or a dotted path into nested JSON
    ("data.user.nickname", "items.0.text"; a leading "$." is allowed). Empty: not sent by this tool."""

    user: str = "user"
    text: str = "text"
    kind: str = "kind"
    id: str = "id"
    time: str = "time"
    user_id: str = "user_id"
    gift: str = "gift"
    count: str = "count"
    value: str = "value"

    def to_json(self) -> dict[str, str]:
        defaults = FieldMap()
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) != getattr(defaults, f.name)
        }

    @classmethod
    def from_json(cls, data: Any) -> FieldMap:
        if not isinstance(data, dict):
            raise ValueError("the field mapping is not an object")
        names = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in data.items() if k in names})


def lookup(record: Any, path: str) -> Any:
    """The value at a dotted path (None when any step is missing)."""
    if not path:
        return None
    path = path.removeprefix("$.").removeprefix("$")
    value = record
    for step in path.split("."):
        if isinstance(value, dict):
            value = value.get(step)
        elif isinstance(value, list) and step.lstrip("-").isdigit() and -len(value) <= int(step) < len(value):
            value = value[int(step)]
        else:
            return None
        if value is None:
            return None
    return value


def _plain(value: Any, limit: int = MAX_NAME) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clip(str(value).strip(), limit)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(str(value).replace(",", "").strip())
    except ValueError:
        return None
    return number if math.isfinite(number) and number >= 0 else None


def to_event(
    record: Any, field_map: FieldMap, platform: str, source_id: str, received: float, now_wall: float | None = None
) -> ChatEvent:
    """The event a record describes. Unreadable when it has no user or (for a comment) no text; UnknownKind for a
    kind word this console does not know. `received` is the monotonic time it arrived."""
    if not isinstance(record, dict):
        raise Unreadable("a line that is not a JSON object")
    now_wall = time.time() if now_wall is None else now_wall
    name = _plain(lookup(record, field_map.user))
    user_id = _plain(lookup(record, field_map.user_id)) or name
    if not user_id:
        raise Unreadable(f"no user at “{field_map.user}”")
    text = _plain(lookup(record, field_map.text), 10_000)
    word = _plain(lookup(record, field_map.kind)).lower()
    if word:
        kind = KIND_WORDS.get(word)
        if kind is None:
            raise UnknownKind(word)
    else:
        kind = ChatKind.COMMENT
    if kind is ChatKind.COMMENT and not text:
        raise Unreadable(f"a comment without text at “{field_map.text}”")
    stamp_value = lookup(record, field_map.time)
    stamp = parse_time(_plain(stamp_value), now_wall) if stamp_value is not None else None
    # The record's own time on the console's monotonic clock; none, or one in the future, is "when it arrived".
    stamped = stamp is not None and stamp <= now_wall + 5.0
    if stamp is None or not stamped:
        t, wall = received, now_wall
    else:
        t, wall = received - (now_wall - stamp), stamp
    count = _number(lookup(record, field_map.count))
    return ChatEvent(
        platform=platform,
        source_id=source_id,
        kind=kind,
        user_id=user_id,
        user_name=name or user_id,
        text=clip(text),
        t=t,
        wall=wall,
        message_id=_plain(lookup(record, field_map.id)),
        gift_name=_plain(lookup(record, field_map.gift)),
        count=max(1, int(count)) if count is not None and count < 1e9 else 1,
        value=_number(lookup(record, field_map.value)) or 0.0,
        stamped=stamped,
    )
