"""The demo room's comments: the simulator's made-up viewers, only ever used for the demo room (whose OBS is the
simulator, obs/simulator/), so the Comments dock, the keyword highlights and the two chat channels show something
in a demo. Every event says where it comes from: platform "simulator", names "Simulated viewer N" ("模拟观众N" in
Chinese). The viewers' names and gifts are in the console's language when the demo starts (they are kept with the
show's comments as said); a Chinese console's viewers write Chinese only. Never used for a real room. Qt-free.
"""

from __future__ import annotations

import random
import secrets
import time
from collections.abc import Callable

from console.core.chat.config import ChatConfig
from console.core.chat.events import ChatDetail, ChatEvent, ChatKind
from console.core.chat.feed import ChatFeed
from console.core.chat.room import RoomChat
from console.core.chat.source import ChatSource
from obs.text import QT_TRANSLATE_NOOP

PLATFORM = "simulator"
# What the simulated viewers say: in Chinese, and for an English console in English too (a team working in English
# may well stream to a Chinese audience; a Chinese console's demo shows no English, fix26j). No complaint ("卡了",
# "没声音", "lag"): the demo room's stream is healthy, and made-up complaints would open an audience-reports
# finding and light the Health dock for a problem that is not there.
CHINESE_LINES = (
    "主播好！",
    "这个多少钱？",
    "有优惠券吗？",
    "怎么下单？",
    "好看",
    "已下单",
    "能再讲一下尺码吗",
    # The keyword the Lottery tab suggests ("e.g. #抽奖"): a demo lottery opened with it draws from these viewers.
    "#抽奖",
)
LINES = (
    *CHINESE_LINES,
    "Hello from the demo!",
    "How much is this?",
    "Nice stream",
    "Is there a discount code?",
)
# A simulated viewer's name ({n}: 1 to 40), in the console's language when the demo starts.
VIEWER = QT_TRANSLATE_NOOP("DemoChat", "Simulated viewer {n}")
# The simulated gifts and their value, named in the console's language when the demo starts.
GIFTS = (
    (QT_TRANSLATE_NOOP("DemoChat", "Heart"), 0.1),
    (QT_TRANSLATE_NOOP("DemoChat", "Spicy strip"), 0.1),
    (QT_TRANSLATE_NOOP("DemoChat", "Rose"), 1.0),
)


def _as_is(text: str) -> str:
    return text


class DemoChat(ChatSource):
    """A few simulated comments a second (a gift now and then), on its own thread like any source."""

    platform = PLATFORM

    def __init__(
        self,
        feed: ChatFeed,
        rate_per_s: float = 2.0,
        seed: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        words: Callable[[str], str] = _as_is,
        chinese: bool = False,
    ) -> None:
        """`words`: the console's translation of a DemoChat text (VIEWER, GIFTS), taken once, here; `chinese`: the
        console is in Chinese (its viewers write Chinese only)."""
        super().__init__(feed, source_id="simulator", clock=clock)
        self.rate_per_s = rate_per_s
        # What its viewers are called ({n}: 1 to 40), the gifts they send and what they write, as the demo started.
        self.viewer = words(VIEWER)
        self.gifts = tuple((words(gift), value) for gift, value in GIFTS)
        self.lines = CHINESE_LINES if chinese else LINES
        self._random = random.Random(seed)
        self._n = 0
        # Message ids unique across console runs: a restarted console resumes the demo room's show, and ids that
        # began again at sim-1 were taken for the questions already stored (the Q&A queue keys on them).
        self._batch = secrets.token_hex(4)

    def _session(self) -> None:
        self._connected(ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Simulated comments (demo room).")))
        while not self.halted:
            self._emit([self.next_event()])
            self._halt.wait(self._random.expovariate(self.rate_per_s))

    def next_event(self) -> ChatEvent:
        self._n += 1
        viewer = self._random.randint(1, 40)
        name = self.viewer.replace("{n}", str(viewer))
        now = self._clock()
        if self._random.random() < 0.08:
            gift, value = self._random.choice(self.gifts)
            return ChatEvent(
                PLATFORM, self.source_id, ChatKind.GIFT, f"sim{viewer}", name, t=now, wall=time.time(),
                message_id=f"sim-{self._batch}-{self._n}", gift_name=gift, value=value,
            )  # fmt: skip
        return ChatEvent(
            PLATFORM, self.source_id, ChatKind.COMMENT, f"sim{viewer}", name, self._random.choice(self.lines), t=now,
            wall=time.time(), message_id=f"sim-{self._batch}-{self._n}",
        )  # fmt: skip


def demo_chat(
    rate_per_s: float = 2.0, seed: int | None = None, words: Callable[[str], str] = _as_is, chinese: bool = False
) -> RoomChat:
    """The demo room's chat (not started): the simulated viewers only, in the console's language (DemoChat)."""
    chat = RoomChat(ChatConfig(), {})
    chat.sources.append(DemoChat(chat.feed, rate_per_s, seed, words=words, chinese=chinese))
    return chat
