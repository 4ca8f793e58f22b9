"""One comment, gift, like or follow as every source reports it: a frozen, typed event. Qt-free."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from console.core.telemetry.audience import Detail
from obs.text import Message

#: Longer texts are cut here (with "…"): a platform's own limit is far below; a hostile source must not fill memory.
MAX_TEXT = 2000
#: Names and ids longer than this are cut the same way.
MAX_NAME = 200


class ChatKind(enum.Enum):
    COMMENT = "comment"
    GIFT = "gift"
    LIKE = "like"
    FOLLOW = "follow"
    #: A paid, pinned message (Bilibili 醒目留言 / SC, YouTube Super Chat).
    SUPERCHAT = "superchat"
    #: A paid membership (Bilibili 大航海 guard, YouTube membership).
    MEMBERSHIP = "membership"
    ENTER = "enter"
    SHARE = "share"


#: Words a team's tool may use for a kind (compared lower-case), English and Chinese.
KIND_WORDS: dict[str, ChatKind] = {
    **{kind.value: kind for kind in ChatKind},
    "chat": ChatKind.COMMENT,
    "message": ChatKind.COMMENT,
    "danmaku": ChatKind.COMMENT,
    "dm": ChatKind.COMMENT,
    "评论": ChatKind.COMMENT,
    "弹幕": ChatKind.COMMENT,
    "留言": ChatKind.COMMENT,
    "礼物": ChatKind.GIFT,
    "送礼": ChatKind.GIFT,
    "点赞": ChatKind.LIKE,
    "关注": ChatKind.FOLLOW,
    "follow_user": ChatKind.FOLLOW,
    "subscribe": ChatKind.FOLLOW,
    "sc": ChatKind.SUPERCHAT,
    "醒目留言": ChatKind.SUPERCHAT,
    "guard": ChatKind.MEMBERSHIP,
    "大航海": ChatKind.MEMBERSHIP,
    "member": ChatKind.MEMBERSHIP,
    "进入": ChatKind.ENTER,
    "进场": ChatKind.ENTER,
    "来了": ChatKind.ENTER,
    "join": ChatKind.ENTER,
    "分享": ChatKind.SHARE,
}

#: Kinds that carry words a viewer wrote: counted as comments per minute, searched, read for questions.
TEXT_KINDS = frozenset({ChatKind.COMMENT, ChatKind.SUPERCHAT})


def clip(text: str, limit: int = MAX_TEXT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class ChatEvent:
    """What a viewer did, in the room's terms. `t` is the console's monotonic clock when it arrived (the time base
    of the OBS samples, so graphs line up); `wall` is the platform's own time (epoch seconds) when it says one."""

    #: "bilibili", "websocket", "http", "file", …
    platform: str
    #: The configured source it came through (several sources may feed one room).
    source_id: str
    kind: ChatKind
    user_id: str
    user_name: str
    text: str = ""
    t: float = 0.0
    wall: float = 0.0
    #: The platform's id for this message: the same message seen twice (a reconnect replays) is shown once.
    message_id: str = ""
    #: Gifts and paid messages: the gift's name, how many, and the value in the platform's currency (CNY for
    #: Bilibili: its gold-seed price / 1000, or the SC's yuan).
    gift_name: str = ""
    count: int = 1
    value: float = 0.0
    host: bool = False
    moderator: bool = False
    #: The platform's or the team's own staff (excluded from lotteries).
    staff: bool = False
    #: `wall` is the time the platform (or the record) stated, not when this console read it: two consoles reading
    #: the message agree on it (a comment without a message id is told apart by it: room.py comment_key).
    stamped: bool = False

    @property
    def has_text(self) -> bool:
        return self.kind in TEXT_KINDS


@dataclass(frozen=True)
class ChatDetail(Detail):
    """Words about a comment source or the feed, in the translation context "Chat"."""

    @property
    def message(self) -> Message:
        return Message(self.template, dict(self.fields), "Chat")

    @classmethod
    def of(cls, template: str, **fields: object) -> ChatDetail:
        return cls(
            template,
            tuple((name, value if isinstance(value, Message) else str(value)) for name, value in fields.items()),
        )
