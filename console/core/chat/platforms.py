"""A comment platform's name in words (context "Comments"): the Comments dock's badges, the lottery's dock and its
exports say "演示", "文件", "Bilibili" where the stored id is "simulator", "file", "bilibili". Qt-free: the words are
templates translated where they are shown."""

from __future__ import annotations

from obs.text import QT_TRANSLATE_NOOP, Translate

#: The Qt translation context of the platforms' words (the Comments dock's).
CONTEXT = "Comments"

#: Per platform id: its words. An id without words is said as it is.
PLATFORM_NAMES: dict[str, str] = {
    "bilibili": QT_TRANSLATE_NOOP("Comments", "Bilibili"),
    "twitch": QT_TRANSLATE_NOOP("Comments", "Twitch"),
    "youtube": QT_TRANSLATE_NOOP("Comments", "YouTube"),
    "douyin": QT_TRANSLATE_NOOP("Comments", "Douyin"),
    "kuaishou": QT_TRANSLATE_NOOP("Comments", "Kuaishou"),
    "taobao": QT_TRANSLATE_NOOP("Comments", "Taobao"),
    "websocket": QT_TRANSLATE_NOOP("Comments", "WS"),
    "http": QT_TRANSLATE_NOOP("Comments", "HTTP"),
    "file": QT_TRANSLATE_NOOP("Comments", "File"),
    # The demo room's simulated audience (console/core/chat/demo.py): said as such in the reader's language.
    "simulator": QT_TRANSLATE_NOOP("Comments", "Demo"),
}


def platform_name(platform: str, translate: Translate) -> str:
    """The platform in the reader's words, or its id when the console has no words for it."""
    words = PLATFORM_NAMES.get(platform)
    return translate(CONTEXT, words) if words else platform
