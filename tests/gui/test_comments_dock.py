"""The Comments dock on a ChatPort made here over a real ChatFeed (and, once, a real file-tail source): batches in
order, each message once, pause on scroll with its jump bar, search, highlights, the overflow said, Chinese."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QEnterEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from console.core.chat.complaints import complaint_kinds
from console.core.chat.events import ChatDetail, ChatEvent, ChatKind
from console.core.chat.feed import ChatFeed
from console.core.chat.file_tail import ChatFileTail
from console.core.telemetry.audience import SourceState, SourceStatus
from widgets.chat_port import ChatPort
from widgets.comments_delegate import CommentsDelegate
from widgets.comments_dock import CommentsDock
from widgets.comments_model import Row


class FeedPort(QObject):
    """A ChatPort over a real feed: what the chat controller does, without the application around it."""

    sig_arrived = Signal()
    sig_room_changed = Signal(str)
    sig_sources_changed = Signal()
    sig_history_loaded = Signal()

    def __init__(self, feed: ChatFeed | None = None, keywords: tuple[str, ...] = (), own: tuple[str, ...] = ()):
        super().__init__()
        self._feed = feed or ChatFeed()
        self._sources: tuple[tuple[str, SourceState], ...] = ()
        self._keywords = keywords
        self._own = own
        self._history: tuple[ChatEvent, ...] = ()

    @property
    def feed(self) -> ChatFeed:
        return self._feed

    @property
    def sources(self) -> tuple[tuple[str, SourceState], ...]:
        return self._sources

    @property
    def keywords(self) -> tuple[str, ...]:
        return self._keywords

    @property
    def own_names(self) -> tuple[str, ...]:
        return self._own

    @property
    def history(self) -> tuple[ChatEvent, ...]:
        return self._history

    def set_history(self, events: tuple[ChatEvent, ...]) -> None:
        self._history = events
        self.sig_history_loaded.emit()

    def set_sources(self, sources: tuple[tuple[str, SourceState], ...]) -> None:
        self._sources = sources
        self.sig_sources_changed.emit()

    def change_room(self, feed: ChatFeed) -> None:
        self._feed = feed
        self._history = ()  # another room's feed: no earlier comments of this show (as the chat controller does)
        self.sig_room_changed.emit("another")


def comment(n: int, text: str = "", user: str = "", platform: str = "bilibili", **extra: object) -> ChatEvent:
    return ChatEvent(
        platform,
        platform,
        ChatKind.COMMENT,
        f"u{n}",
        user or f"观众{n}",
        text or f"第{n}条评论",
        t=time.monotonic(),
        message_id=f"m{n}",
        **extra,  # type: ignore[arg-type]
    )


def event(kind: ChatKind, user: str, **extra: object) -> ChatEvent:
    return ChatEvent("bilibili", "bilibili", kind, user, user, t=time.monotonic(), **extra)  # type: ignore[arg-type]


@pytest.fixture
def port() -> FeedPort:
    made = FeedPort(keywords=("没声音", "LAG"), own=("主播小美",))
    assert isinstance(made, ChatPort)
    return made


@pytest.fixture
def dock(qtbot: QtBot, port: FeedPort) -> Iterator[CommentsDock]:
    widget = CommentsDock(port, max_rows=200)
    qtbot.addWidget(widget)
    widget.resize(520, 420)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def arrive(port: FeedPort, *events: ChatEvent) -> None:
    port.feed.extend(events)
    port.sig_arrived.emit()


def top_row(dock: CommentsDock) -> str:
    return str(dock.view.indexAt(QPoint(8, 4)).data())


def bottom_row(dock: CommentsDock) -> str:
    """The lowest row on screen (the list may end short of the viewport's bottom edge)."""
    for y in range(dock.view.viewport().height() - 2, 0, -4):
        index = dock.view.indexAt(QPoint(8, y))
        if index.isValid():
            return str(index.data())
    return ""


def test_batches_are_appended_in_order_in_one_insert_each_and_a_replayed_message_shows_once(
    qtbot: QtBot, dock: CommentsDock, port: FeedPort
) -> None:
    inserts: list[int] = []
    dock.model.rowsInserted.connect(lambda _parent, first, last: inserts.append(last - first + 1))
    arrive(port, *(comment(n) for n in range(1, 51)))
    arrive(port, comment(50), *(comment(n) for n in range(51, 101)))  # a reconnect replays message 50
    assert inserts == [50, 50]
    assert dock.shown_texts() == [f"观众{n}: 第{n}条评论" for n in range(1, 101)]
    qtbot.waitUntil(lambda: bottom_row(dock) == "观众100: 第100条评论")  # the view follows the newest


def test_the_view_keeps_the_newest_rows_trimmed_from_the_top_in_one_removal(dock: CommentsDock, port: FeedPort) -> None:
    removals: list[int] = []
    dock.model.rowsRemoved.connect(lambda _parent, first, last: removals.append(last - first + 1))
    arrive(port, *(comment(n) for n in range(1, 151)))
    arrive(port, *(comment(n) for n in range(151, 301)))
    assert removals == [100]
    shown = dock.shown_texts()
    assert len(shown) == 200 and shown[0] == "观众101: 第101条评论" and shown[-1] == "观众300: 第300条评论"
    assert len(port.feed.newest()) == 300  # the feed keeps more than the view


def test_gifts_likes_follows_and_entries_are_compact_lines_and_likes_group(dock: CommentsDock, port: FeedPort) -> None:
    arrive(
        port,
        event(ChatKind.GIFT, "小明", gift_name="小心心", count=3),
        event(ChatKind.FOLLOW, "小红"),
        event(ChatKind.ENTER, "小刚"),
        *(event(ChatKind.LIKE, name, count=2) for name in ("阿一", "阿二", "阿三", "阿四", "阿一")),
    )
    assert dock.shown_texts() == [
        "小明 sent 小心心 ×3",
        "小红 followed",
        "小刚 came in",
        "阿一, 阿二 and 2 others liked ×10",
    ]
    arrive(port, event(ChatKind.LIKE, "阿五", count=5))  # a later batch joins the like row
    assert dock.shown_texts()[-1] == "阿一, 阿二 and 3 others liked ×15"
    # Comments in between do not start a new like row (a like storm takes one line), another platform's do.
    twitch_like = ChatEvent("twitch", "twitch", ChatKind.LIKE, "t1", "Tom", t=time.monotonic())
    arrive(port, comment(1, "好看"), event(ChatKind.LIKE, "阿六"), twitch_like)
    assert dock.shown_texts()[3:] == ["阿一, 阿二 and 4 others liked ×16", "观众1: 好看", "Tom liked ×1"]
    dock.kinds.setCurrentIndex(dock.kinds.findData(True))  # comments only
    assert dock.shown_texts() == ["观众1: 好看"]


def test_pause_on_scroll_keeps_the_lines_read_and_the_bar_jumps_to_the_newest(
    qtbot: QtBot, dock: CommentsDock, port: FeedPort
) -> None:
    arrive(port, *(comment(n) for n in range(1, 101)))
    bar = dock.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    QTest.keyClick(dock.view.viewport(), Qt.Key.Key_PageUp)  # the user scrolls up to read
    dock.view.scrollTo(dock.proxy.index(40, 0), dock.view.ScrollHint.PositionAtTop)
    qtbot.waitUntil(lambda: not dock.following)
    reading = top_row(dock)
    assert reading == "观众41: 第41条评论"
    arrive(port, *(comment(n) for n in range(101, 131)))
    arrive(port, *(comment(n) for n in range(131, 141)))
    assert top_row(dock) == reading  # new messages do not move what is being read
    assert dock.jump.isVisible() and dock.jump.text() == "40 new — jump to newest"
    QTest.mouseClick(dock.jump, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    assert not dock.jump.isVisible() and dock.following
    assert dock.shown_texts()[-1] == "观众140: 第140条评论"
    qtbot.waitUntil(lambda: bottom_row(dock) == "观众140: 第140条评论")
    # Scrolling back to the bottom by hand resumes too.
    dock.view.scrollTo(dock.proxy.index(10, 0), dock.view.ScrollHint.PositionAtTop)
    qtbot.waitUntil(lambda: not dock.following)
    arrive(port, comment(141))
    assert dock.jump.text() == "1 new — jump to newest"
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: dock.shown_texts()[-1] == "观众141: 第141条评论" and not dock.jump.isVisible())


def test_search_filters_as_you_type_and_ctrl_f_goes_to_the_search_box(
    qtbot: QtBot, dock: CommentsDock, port: FeedPort
) -> None:
    arrive(
        port,
        comment(1, "这个多少钱？"),
        comment(2, "Is it WATERPROOF?", user="Anna"),
        comment(3, "主播好"),
        event(ChatKind.GIFT, "小明", gift_name="小心心", count=1),
    )
    dock.view.setFocus()
    QTest.keyClick(dock.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dock.search.hasFocus)
    dock.search.insert("多")  # Chinese comes through the input method, a character at a time
    dock.search.insert("少")
    assert dock.shown_texts() == ["观众1: 这个多少钱？"]
    dock.search.clear()
    QTest.keyClicks(dock.search, "waterproof")  # case-insensitive
    assert dock.shown_texts() == ["Anna: Is it WATERPROOF?"]
    dock.search.clear()
    dock.search.insert("小心心")  # the gift's name
    assert dock.shown_texts() == ["小明 sent 小心心 ×1"]
    arrive(port, comment(4, "小心心好可爱"))  # new rows are filtered as they come
    assert dock.shown_texts() == ["小明 sent 小心心 ×1", "观众4: 小心心好可爱"]
    dock.search.clear()
    assert len(dock.shown_texts()) == 5


def _background(dock: CommentsDock, text: str) -> QColor:
    """The colour at the right end of the row saying `text` (past its words), as painted on screen."""
    for row in range(dock.proxy.rowCount()):
        index = dock.proxy.index(row, 0)
        if index.data() == text:
            rect = dock.view.visualRect(index)
            image = dock.view.viewport().grab().toImage()
            return image.pixelColor(rect.right() - 6, rect.center().y())
    raise AssertionError(f"no row says {text!r}")


def test_keyword_hits_and_the_hosts_own_messages_are_highlighted(dock: CommentsDock, port: FeedPort) -> None:
    arrive(
        port,
        comment(1, "怎么没声音了"),
        comment(2, "so much lag today", user="Ben"),  # the keyword is "LAG": case-insensitive
        comment(3, "欢迎大家", user="主播小美"),
        comment(4, "普通的一句话"),
        comment(5, "moderating", user="房管", staff=True),
    )
    rows: list[Row] = dock.model.rows
    assert [row.hit for row in rows] == [True, True, False, False, False]
    assert [row.own for row in rows] == [False, False, True, False, False]
    plain = _background(dock, "观众4: 普通的一句话")
    hit = _background(dock, "观众1: 怎么没声音了")
    own = _background(dock, "主播小美: 欢迎大家")
    assert hit != plain and own != plain and hit != own
    assert hit.red() > hit.blue()  # amber
    assert own.blue() > own.red()  # blue
    # The host asking "没声音吗" is not a viewer's complaint: the host's blue, not the keyword's amber.
    arrive(port, comment(6, "大家听得到吗？没声音吗", user="主播小美"))
    assert _background(dock, "主播小美: 大家听得到吗？没声音吗") == own


def test_a_latin_keyword_is_highlighted_as_a_whole_word_as_the_complaints_count_it(
    dock: CommentsDock, port: FeedPort
) -> None:
    """walk23: "flag looks nice" lit amber for the keyword "lag" while the complaint count rightly ignored it, so
    customer service chased a complaint nobody made. A Latin keyword is a whole word, whatever its width or case;
    a Chinese one is still found anywhere in the text."""
    arrive(
        port,
        comment(1, "flag looks nice"),
        comment(2, "the slag heap"),
        comment(3, "LAG!!"),
        comment(4, "ＬＡＧ again"),  # full width, as a Chinese keyboard types it
        comment(5, "laggy? lag."),
        comment(6, "主播没声音了"),
    )
    assert [row.hit for row in dock.model.rows] == [False, False, True, True, True, True]


@pytest.mark.parametrize(
    ("text", "highlighted"),
    [
        ("信用卡能用吗", False),  # walk23: amber for 卡 though the complaint rule ignores it
        ("卡粉丝灯牌", False),
        ("好卡啊", True),
        ("卡卡卡", True),
        ("主播没声音了", True),
        ("听不见就刷1", False),  # a condition (the host's "type 1 if you can't hear"), not a complaint
        ("nice flag", False),  # English keywords are whole words
        ("ＬＡＧ again", True),  # full width, as Chinese keyboards type it
        ("主播唱歌好听", True),  # a word without a meaning: highlighted only
    ],
)
def test_the_dock_highlights_exactly_the_comments_the_complaint_rule_counts(
    qtbot: QtBot, text: str, highlighted: bool
) -> None:
    port = FeedPort(keywords=("卡", "没声音", "听不见", "lag", "唱歌"))
    dock = CommentsDock(port, max_rows=200)
    qtbot.addWidget(dock)
    arrive(port, comment(1, text))
    assert dock.model.rows[0].hit is highlighted
    counts = bool(complaint_kinds(text, port.keywords))
    assert counts is highlighted or text == "主播唱歌好听"  # one rule: highlighted when it counts


def test_keywords_are_marked_again_when_the_team_changes_them(dock: CommentsDock, port: FeedPort) -> None:
    arrive(port, comment(1, "黑屏了吗"))
    assert not dock.model.rows[0].hit
    port._keywords = ("黑屏",)
    arrive(port, comment(2, "还是黑屏"))
    assert [row.hit for row in dock.model.rows] == [True, True]


def test_messages_the_feed_dropped_before_they_were_read_are_said(qtbot: QtBot) -> None:
    port = FeedPort(ChatFeed(capacity=100))
    dock = CommentsDock(port)
    qtbot.addWidget(dock)
    dock.show()
    port.feed.extend(comment(n) for n in range(1, 1335))  # a flood between two reads
    port.sig_arrived.emit()
    assert dock.missed_label.isVisible()
    assert dock.missed_label.text() == "1,234 messages went by too fast to show (counted, not listed)"
    assert dock.shown_texts()[0] == "观众1235: 第1235条评论"


def test_one_message_dropped_is_said_as_one(qtbot: QtBot) -> None:
    """It read "1 messages went by too fast"."""
    port = FeedPort(ChatFeed(capacity=100))
    dock = CommentsDock(port)
    qtbot.addWidget(dock)
    dock.show()
    port.feed.extend(comment(n) for n in range(1, 102))  # one more than the feed holds between two reads
    port.sig_arrived.emit()
    assert dock.missed_label.text() == "1 message went by too fast to show (counted, not listed)"
    detail = port.feed.overflow_detail()
    assert detail is not None and detail.text().startswith("1 message arrived faster than it could be shown;")


def test_one_message_dropped_is_said_in_chinese(qtbot: QtBot, chinese: None) -> None:
    port = FeedPort(ChatFeed(capacity=100))
    dock = CommentsDock(port)
    qtbot.addWidget(dock)
    port.feed.extend(comment(n) for n in range(1, 102))
    port.sig_arrived.emit()
    assert dock.missed_label.text() == "1 条消息来得太快未能显示（已计数，未列出）"


def test_long_messages_are_elided_with_the_whole_text_in_the_tooltip_and_emoji_and_scripts_survive(
    dock: CommentsDock, port: FeedPort
) -> None:
    long_text = "这款产品真的非常好用 😀👍🏽 Very good product, ありがとう, 감사합니다 " * 20
    arrive(port, comment(1, long_text), comment(2, "🎉🎉 主播加油 Go go! 👨‍👩‍👧"))
    index = dock.proxy.index(0, 0)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == f"观众1: {long_text}"
    option = QStyleOptionViewItem()
    option.rect = dock.view.visualRect(index)
    option.font = dock.view.font()
    delegate = dock.view.itemDelegate()
    assert isinstance(delegate, CommentsDelegate)
    shown = delegate.pieces(option, index.data(Qt.ItemDataRole.UserRole))
    assert shown.words.endswith("…") and len(shown.words) < len(long_text)
    assert shown.words_rect.right() <= dock.view.viewport().width()
    assert dock.shown_texts()[1] == "观众2: 🎉🎉 主播加油 Go go! 👨‍👩‍👧"
    short = delegate.pieces(option, dock.proxy.index(1, 0).data(Qt.ItemDataRole.UserRole))
    assert short.words == "🎉🎉 主播加油 Go go! 👨‍👩‍👧"  # whole: nothing cut


def test_the_sources_line_says_each_source_and_an_error_in_red_with_its_reason(
    dock: CommentsDock, port: FeedPort
) -> None:
    assert dock.sources.text().count("No comment sources for this room") == 1
    port.set_sources(
        (
            ("bilibili", SourceState(SourceStatus.OK)),
            (
                "file-1",
                SourceState(
                    SourceStatus.ERROR,
                    ChatDetail.of("The file {path} cannot be read: {reason}", path="/x", reason="gone"),
                ),
            ),
        )
    )
    text = dock.sources.text()
    assert "Bilibili · OK" in text
    assert (
        "<span style='color:#e0312f;font-weight:600;'>file-1 · error — The file /x cannot be read: gone</span>" in text
    )


def test_a_room_change_starts_afresh_on_the_new_feed(dock: CommentsDock, port: FeedPort) -> None:
    arrive(port, comment(1), comment(2))
    port.change_room(ChatFeed())
    assert dock.shown_texts() == []
    arrive(port, comment(7))
    assert dock.shown_texts() == ["观众7: 第7条评论"]


def test_chinese_words_for_gifts_and_likes(qtbot: QtBot, qapp: QApplication, port: FeedPort) -> None:
    from console.i18n import install_translator, remove_translators

    translators = install_translator(qapp, "zh_CN")
    try:
        dock = CommentsDock(port)
        qtbot.addWidget(dock)
        arrive(
            port,
            event(ChatKind.GIFT, "小明", gift_name="小心心", count=3),
            event(ChatKind.FOLLOW, "小红"),
            *(event(ChatKind.LIKE, name) for name in ("阿一", "阿二", "阿三", "阿四")),
        )
        assert dock.shown_texts() == ["小明 送出 小心心 ×3", "小红 关注了主播", "阿一、阿二 等 2 人 点赞 ×4"]
        assert dock.search.placeholderText() == "搜索昵称和内容（Ctrl+F）"
        assert dock.kinds.itemText(1) == "只看评论"
        # The demo room's simulated audience is badged in the reader's words (found by use: "simulator").
        arrive(port, comment(9, "这个多少钱？", user="模拟观众9", platform="simulator"))
        assert dock.model.rows[-1].badge == "演示"
    finally:
        remove_translators(qapp, translators)


def test_comments_written_by_a_real_file_tail_source_reach_the_dock(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "comments.jsonl"
    path.write_text("", encoding="utf-8")
    feed = ChatFeed()
    port = FeedPort(feed)
    source = ChatFileTail(feed, path, from_start=True, poll_s=0.05, source_id="file")
    # What the controller does: tell the GUI thread a few times a second that the feed grew.
    seen = [feed.seq]

    def tick() -> None:
        if feed.seq != seen[0]:
            seen[0] = feed.seq
            port.sig_arrived.emit()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(100)
    dock = CommentsDock(port)
    qtbot.addWidget(dock)
    source.start()
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write('{"user": "小明", "text": "主播好 👋", "id": "1"}\n')
            handle.write('{"user": "小红", "kind": "礼物", "gift": "小心心", "count": 2, "id": "2"}\n')
            handle.write('{"user": "小明", "text": "主播好 👋", "id": "1"}\n')  # the tool wrote it twice
        qtbot.waitUntil(lambda: len(dock.shown_texts()) == 2, timeout=5000)
        assert dock.shown_texts() == ["小明: 主播好 👋", "小红 sent 小心心 ×2"]
        assert dock.model.rows[0].badge == "File"
        with path.open("a", encoding="utf-8") as handle:  # the file grows: the tail follows
            handle.write('{"user": "小刚", "text": "第三条", "id": "3"}\n')
        qtbot.waitUntil(lambda: dock.shown_texts()[-1:] == ["小刚: 第三条"], timeout=5000)
    finally:
        timer.stop()
        source.stop()
        source.join(5)


def test_an_ordinary_viewer_name_is_shown_whole_in_a_laptop_sized_dock(dock: CommentsDock, port: FeedPort) -> None:
    """The Assistant workspace gives the dock about 520 px on a 1366×768 laptop: a name like "Simulated viewer 17"
    is read whole (it was cut to "Simulated viewer …", which tells two viewers apart no more)."""
    arrive(port, comment(1, "Is there a discount code?", user="Simulated viewer 17", platform="simulator"))
    index = dock.proxy.index(0, 0)
    option = QStyleOptionViewItem()
    option.rect = dock.view.visualRect(index)
    option.font = dock.view.font()
    delegate = dock.view.itemDelegate()
    assert isinstance(delegate, CommentsDelegate)
    assert delegate.pieces(option, index.data(Qt.ItemDataRole.UserRole)).name == "Simulated viewer 17"


def test_the_comments_under_the_pointer_stay_put_and_come_in_when_it_leaves(
    qtbot: QtBot, dock: CommentsDock, port: FeedPort
) -> None:
    """Found by use (walk14 F3, the Questions list; the Comments dock had the same fault): at the newest, every
    batch scrolled the list, so a click or a right-click (Mark as question) aimed at a comment met another. While
    the pointer is over the list the rows stay put and the bar says what waits; when it leaves they come in and the
    list follows the newest again."""
    arrive(port, *(comment(n) for n in range(1, 101)))
    bar = dock.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    viewport = dock.view.viewport()
    centre = QPointF(viewport.rect().center())
    QApplication.sendEvent(dock.view, QEnterEvent(centre, centre, centre))
    aimed = bottom_row(dock)
    assert aimed == "观众100: 第100条评论"
    arrive(port, *(comment(n) for n in range(101, 111)))
    assert bottom_row(dock) == aimed and dock.shown_texts()[-1] == aimed
    assert dock.jump.isVisible() and dock.jump.text() == "10 new — jump to newest"
    QApplication.sendEvent(dock.view, QEvent(QEvent.Type.Leave))
    qtbot.waitUntil(lambda: bottom_row(dock) == "观众110: 第110条评论")
    assert not dock.jump.isVisible() and dock.following
    arrive(port, comment(111))
    qtbot.waitUntil(lambda: bottom_row(dock) == "观众111: 第111条评论")


def earlier(n: int, text: str = "") -> ChatEvent:
    """A comment read back from the show's record (a console restarted mid-show): no place on this clock."""
    return replace(comment(n, text), t=0.0, wall=time.time() - 600 + n)


def test_a_restarted_consoles_earlier_comments_go_above_the_live_ones_parted_by_a_line(
    qtbot: QtBot, dock: CommentsDock, port: FeedPort
) -> None:
    arrive(port, *(comment(n) for n in range(1001, 1151)))  # 150 live rows in a dock of 200
    port.set_history(tuple(earlier(n) for n in range(1, 101)))  # 100 earlier: room for the newest 50 only
    shown = dock.shown_texts()
    assert len(shown) == 200
    assert shown[:50] == [f"观众{n}: 第{n}条评论" for n in range(51, 101)], "the newest earlier ones, oldest first"
    assert shown[50:] == [f"观众{n}: 第{n}条评论" for n in range(1001, 1151)], "no live row pushed out"
    assert [i for i, row in enumerate(dock.model.rows) if row.boundary] == [49]
    assert dock.earlier.isVisible() and dock.earlier.text().startswith("Above the line: this show's earlier comments")
    qtbot.waitUntil(lambda: bottom_row(dock) == "观众1150: 第1150条评论")  # still following the newest
    # Told again (the same tuple: a reconnect, a language switch's new dock reading the port): not shown twice.
    port.sig_history_loaded.emit()
    assert len(dock.shown_texts()) == 200
    # Live comments keep coming below; the oldest rows (the earlier ones first) make room.
    arrive(port, *(comment(n) for n in range(1151, 1161)))
    assert dock.shown_texts()[0] == "观众61: 第61条评论" and dock.shown_texts()[-1] == "观众1160: 第1160条评论"
    assert dock.earlier.isVisible()
    # Once the line's row itself is pushed out, the words about it go too.
    arrive(port, *(comment(n) for n in range(1161, 1201)))
    assert dock.shown_texts()[0] == "观众1001: 第1001条评论" and not dock.earlier.isVisible()
    # Another room's feed starts afresh, without the earlier comments or their line.
    port.change_room(ChatFeed())
    assert dock.shown_texts() == [] and not dock.earlier.isVisible()


def test_earlier_comments_arriving_while_the_user_reads_do_not_move_the_line_read(
    qtbot: QtBot, dock: CommentsDock, port: FeedPort
) -> None:
    arrive(port, *(comment(n) for n in range(1001, 1101)))
    bar = dock.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    dock.view.scrollTo(dock.proxy.index(40, 0), dock.view.ScrollHint.PositionAtTop)
    qtbot.waitUntil(lambda: not dock.following)
    reading = top_row(dock)
    assert reading == "观众1041: 第1041条评论"
    port.set_history(tuple(earlier(n) for n in range(1, 31)))
    assert dock.shown_texts()[0] == "观众1: 第1条评论"
    assert top_row(dock) == reading and not dock.following
