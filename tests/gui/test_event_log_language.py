"""A language switch keeps the event log: generated lines said again in the new language, typed ones as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from console.app import Console
from console.settings import Settings
from tests.gui.conftest import connected, start
from tests.gui.test_checklist_dock import start_run


def test_the_event_log_keeps_its_lines_through_a_language_switch(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    console = start(qapp, consoles, settings, demo=True, lang="en")
    connected(qtbot, console)
    qtbot.waitUntil(lambda: any(what.startswith("Connected to OBS") for _, what in console.window.event_log.lines()))
    console.window.log("Checklist", "小李: 备用麦克风已试音")  # already in words: kept as it was
    before = len(console.window.event_log.lines())
    console.switch_language("zh_CN")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    lines = console.window.event_log.lines()
    assert len(lines) >= before, "the log was emptied by the switch"
    assert ("连接", "已连接 OBS 29.0.2 (obs-websocket 5.1.0)") in lines or any(
        who == "连接" and what.startswith("已连接 OBS 29.0.2") for who, what in lines
    ), lines
    assert ("Checklist", "小李: 备用麦克风已试音") in lines
    assert console.window.status.text.text().startswith("已连接 OBS 29.0.2"), "the status bar says it at once"


def test_the_link_s_own_details_are_said_in_chinese(qapp: QApplication) -> None:
    # QA: the status bar and the event log said "OBS 停止响应（no answer for 1.8 s）".
    from console.event_text import describe_status
    from console.i18n import install_translator, remove_translators
    from obs.errors import ConnectionFailure, FailureKind
    from obs.messages import LinkState, LinkStatus
    from tests.language import english_words

    translators = install_translator(qapp, "zh_CN")
    try:
        for detail, figure in (("no answer for 1.8 s", "1.8"), ("no answer for 12 s", "12")):
            failure = ConnectionFailure(FailureKind.UNRESPONSIVE, "127.0.0.1", 4455, detail)
            for state in (LinkState.UNRESPONSIVE, LinkState.RECONNECTING):
                text = describe_status(LinkStatus(state, 0.0, failure, retry_at=5.0), 0.0)
                assert figure in text and english_words(text) == [], text
        reading = ConnectionFailure(
            FailureKind.CONNECTION_LOST, "127.0.0.1", 4455, "reading OBS's state failed: ConnectionResetError"
        )
        text = describe_status(LinkStatus(LinkState.RECONNECTING, 0.0, reading, retry_at=5.0), 0.0)
        assert "读取 OBS 的状态失败" in text and "ConnectionResetError" in text, text
    finally:
        remove_translators(qapp, translators)


def test_the_status_bar_counts_how_long_obs_has_been_silent(qtbot: QtBot, qapp: QApplication) -> None:
    """walk10: with OBS frozen, the status bar said "no answer for 2.0 s" at 3 s and still at 8 s (the figure of the
    moment the link noticed); it now says how long OBS has been silent, and keeps counting."""
    import time

    from console.event_text import describe_status
    from obs.errors import ConnectionFailure, FailureKind
    from obs.messages import LinkState, LinkStatus
    from widgets.connection_status import ConnectionStatus

    failure = ConnectionFailure(FailureKind.UNRESPONSIVE, "127.0.0.1", 4455, "no answer for 2.0 s")
    assert "no answer for 2.0 s" in describe_status(LinkStatus(LinkState.UNRESPONSIVE, 100.0, failure), 100.0)
    assert "no answer for 7.5 s" in describe_status(LinkStatus(LinkState.UNRESPONSIVE, 100.0, failure), 105.5)
    assert "no answer for 14 s" in describe_status(LinkStatus(LinkState.UNRESPONSIVE, 100.0, failure), 112.0)
    bar = ConnectionStatus(describe_status)
    qtbot.addWidget(bar)
    bar.set_status(LinkStatus(LinkState.UNRESPONSIVE, time.monotonic() - 3.0, failure))
    first = bar.text.text()
    assert "no answer for 5." in first, first
    qtbot.waitUntil(lambda: "no answer for 6." in bar.text.text(), timeout=5000)


def test_the_status_bar_goes_on_counting_how_long_obs_is_gone_while_the_link_retries(
    qtbot: QtBot, qapp: QApplication
) -> None:
    """walk12: once the link dropped a frozen OBS, the status bar's right half read "Reconnecting in 4 s — … did not
    answer in time" at 20 s and at 5 minutes alike; how long OBS has been gone now leads the line and keeps counting,
    in both languages."""
    import time

    from console.event_text import describe_status
    from console.i18n import install_translator, remove_translators
    from obs.errors import ConnectionFailure, FailureKind
    from obs.messages import LinkState, LinkStatus
    from tests.language import english_words
    from widgets.connection_status import ConnectionStatus

    failure = ConnectionFailure(FailureKind.TIMEOUT, "127.0.0.1", 4455, "")
    text = describe_status(LinkStatus(LinkState.RECONNECTING, 100.0, failure, retry_at=104.0, lost_since=53.0), 100.0)
    assert text.startswith("OBS lost for 47 s — Reconnecting in 4 s — "), text
    later = LinkStatus(LinkState.RECONNECTING, 170.0, failure, retry_at=172.0, lost_since=53.0)
    assert describe_status(later, 178.0).startswith("OBS lost for 2 min 5 s — Reconnecting in <1 s"), later
    # Never connected in this run (OBS not started yet): nothing was lost, the line is as before.
    assert describe_status(LinkStatus(LinkState.RECONNECTING, 100.0, failure, retry_at=104.0), 100.0).startswith(
        "Reconnecting in 4 s"
    )
    bar = ConnectionStatus(describe_status)
    qtbot.addWidget(bar)
    now = time.monotonic()
    bar.set_status(LinkStatus(LinkState.RECONNECTING, now, failure, retry_at=now + 30.0, lost_since=now - 20.5))
    assert bar.text.text().startswith("OBS lost for 20 s"), bar.text.text()
    qtbot.waitUntil(lambda: bar.text.text().startswith("OBS lost for 21 s"), timeout=5000)
    translators = install_translator(qapp, "zh_CN")
    try:
        text = describe_status(later, 178.0)
        assert "2 分 5 秒" in text and english_words(text) == [], text
    finally:
        remove_translators(qapp, translators)


def test_one_freeze_is_one_figure_in_the_status_bar_and_in_the_health_finding(qapp: QApplication) -> None:
    """walk21: 15 s into a freeze the status bar said "OBS lost for 15 s … (no answer for 10 s)" (the silence when
    the link gave up) while the health finding said "not answered for 13 s" (from when the link declared OBS
    unanswered): all three now count from when OBS was last heard, as the link knows it."""
    import re

    from console.event_text import describe_status
    from obs.errors import ConnectionFailure, FailureKind
    from obs.messages import LinkState, LinkStatus
    from tests.obs.test_health import BASE, Show

    dropped = ConnectionFailure(FailureKind.UNRESPONSIVE, "127.0.0.1", 4455, "no answer for 10 s")
    # Last heard at 85.0 (monotonic), dropped 10 s later, retrying; read at 100.4.
    status = LinkStatus(LinkState.RECONNECTING, 95.0, dropped, retry_at=102.0, lost_since=85.0)
    bar = describe_status(status, 100.4)
    assert bar.startswith("OBS lost for 15 s — ") and "(no answer for 15 s)" in bar, bar
    assert "no answer for 10 s" not in bar
    show = Show().run(10)  # on air; the link declared OBS unanswered at 87.0, two seconds after it was last heard
    for now in (87.4, 88.4, 89.4, 90.4, 91.4, 92.4, 93.4, 94.4, 95.4, 96.4, 97.4, 98.4, 99.4, 100.4):
        show.t += 1.0
        lost = LinkStatus(
            LinkState.UNRESPONSIVE if now < 95 else LinkState.RECONNECTING, 87.0, dropped, lost_since=85.0
        )
        show.engine.feed(show.t, {**BASE, "streaming": None}, False, "frozen", "127.0.0.1:4455", lost.lost_for(now))
    (finding,) = show.engine.active()
    assert finding.id == "obs_unreachable"
    figures = re.findall(r"for (\d+) s", finding.message)
    assert figures == ["15"], finding.message


def test_the_go_live_gates_lines_are_said_again_in_the_new_language_and_the_reason_as_typed(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fix25b: after a switch to Chinese the override's line still read "Going live with open items: …" (the rest
    of the log was in Chinese). The words around the reason follow the language; the reason is the person's own."""
    console = start(qapp, consoles, settings, demo=True, lang="en")
    connected(qtbot, console)
    window = console.window
    start_run(qtbot, window)  # 小李's list: the items a person signs off stay open
    window.output.confirm = lambda *args: True
    answers = [("", False), ("平台活动准点开始", True)]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: answers.pop(0))
    window.output.stream_button.click()  # no reason: not live
    window.output.stream_button.click()
    qtbot.waitUntil(lambda: console.bridge.state.stream.active, timeout=10000)
    lines = window.event_log.lines()
    assert ("Checklist", "Going live was stopped: the checklist is not ready") in lines, lines
    assert ("Checklist", "Going live with open items: 平台活动准点开始") in lines, lines

    console.switch_language("zh_CN")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    lines = console.window.event_log.lines()
    assert ("检查单", "已阻止开播：检查单还没完成") in lines, lines
    assert ("检查单", "在有未完成项的情况下开播：平台活动准点开始") in lines, lines
    console.switch_language("en")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert ("Checklist", "Going live with open items: 平台活动准点开始") in console.window.event_log.lines()


def test_the_windows_own_lines_are_said_again_in_the_new_language(
    qtbot: QtBot, qapp: QApplication, consoles: list[Console], settings: Settings
) -> None:
    """fix25k: the talent screen's, the studio wall's, the checklist's and the console's own lines were logged as
    strings in the language of the moment, so after a switch to Chinese they stayed in English among Chinese lines (a
    scene's name and a key as typed stay as they are)."""
    from obs.commands import SetProgramScene

    settings.set("talent/open", True)
    settings.set("talent/screen_name", "HDMI-9")  # the TV's screen, unplugged while the console was stopped
    settings.set("talent/screen_geometry", "1920x1080+1920+0")
    settings.set("scenes/transition_keys", "Space Spcae")
    console = start(qapp, consoles, settings, demo=True, lang="en")
    connected(qtbot, console)
    window = console.window
    console.bridge.send(SetProgramScene("没有这个场景"))
    qtbot.waitUntil(lambda: any(w.startswith("Switch to scene “没有这个场景”: ") for _, w in window.event_log.lines()))
    window.checklist.operator.setText("")
    window.checklist.start_button.click()  # no name: not started, and said
    window.studio_rooms = list  # no saved room: the wall cannot open, and says why
    assert window.open_studio() is None
    assert window.studio_question is not None
    window.studio_question.close()
    english = [
        ("Talent screen", "The talent screen was open on HDMI-9 (1920x1080+1920+0) when the console stopped"),
        ("Console", "“Spcae” is not a key; the Transition keys are set in scenes/transition_keys."),
        ("Console", "Switch to scene “没有这个场景”: "),
        ("Studio", "There is no saved room to show: add rooms under Connection ▸ Rooms… first."),
        ("Checklist", "Enter your name first: every confirmation is signed."),
    ]
    chinese = [
        ("主播屏", "中控台停止时主播屏开在 HDMI-9（1920x1080+1920+0）上，但这块屏幕现在没有连接"),
        ("中控台", "“Spcae”不是一个按键；转场快捷键在 scenes/transition_keys 中设置。"),
        ("中控台", "切换到场景“没有这个场景”："),
        ("直播间总览", "没有可显示的已保存直播间：请先在 连接 ▸ 直播间… 中添加。"),
        ("检查单", "请先填写名字：每一项确认都会署名。"),
    ]

    def said(expected: list[tuple[str, str]]) -> list[tuple[str, str]]:
        lines = console.window.event_log.lines()
        return [(who, what) for who, what in expected if not any(w == who and t.startswith(what) for w, t in lines)]

    def not_a_key() -> list[str]:  # said once, not again by each window a switch builds
        return [what for _, what in console.window.event_log.lines() if "Spcae" in what]

    assert said(english) == [], console.window.event_log.lines()
    assert len(not_a_key()) == 1
    console.switch_language("zh_CN")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert said(chinese) == [], console.window.event_log.lines()
    assert len(not_a_key()) == 1, not_a_key()
    console.switch_language("en")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert said(english) == [], console.window.event_log.lines()
    assert len(not_a_key()) == 1, not_a_key()


def test_a_question_not_marked_a_room_not_found_or_not_saved_and_the_graphs_storage_are_said_again(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """fix25s: the reason a comment could not be marked as a question, a room the console could not go back to or
    keep, and the Graphs' storage lines were logged as strings in the language of the moment (or read the trouble
    from the controller's state): after a switch to English they stayed Chinese among English lines."""
    import errno
    import time

    from console.core.chat.events import ChatEvent, ChatKind
    from console.core.dbtrouble import Cause, DatabaseTrouble
    from console.core.storage import Storage, StorageError
    from obs.client import probe
    from obs.errors import Explained

    console = start(qapp, consoles, settings, demo=True, lang="zh_CN")
    connected(qtbot, console)
    window = console.window
    qtbot.waitUntil(lambda: console.engage.ready, timeout=15000)

    def full(*args: object, **kwargs: object) -> None:  # the database's disk filled up as the comment was kept
        no_space = OSError(errno.ENOSPC, "No space left on device")
        raise StorageError("the database (onair.db) failed: No space left on device") from no_space

    monkeypatch.setattr(Storage, "add_question", full)
    asked = ChatEvent(
        "bilibili", "bilibili", ChatKind.COMMENT, "uid-小明", "小明", "这个多少钱？", t=time.monotonic(),
        wall=time.time(), message_id="msg-fix25s-1",
    )  # fmt: skip
    console.engage.mark_question(asked, window._on_question_marked)
    qtbot.waitUntil(lambda: any("标记为问题" in what for _, what in window.event_log.lines()), timeout=10000)
    console.switch_back_to_room("不存在的直播间")  # a checklist run of a room deleted meanwhile
    console.telemetry._on_writer_problem(DatabaseTrouble(Cause.DISK_FULL, "database or disk is full", "onair.db"))
    console.telemetry._on_bridge_storage_notice(  # the writer's words (console/core/telemetry/writer.py)
        Explained("{seconds} s of telemetry that could not be saved at the last exit are now stored", seconds=37)
    )
    # "This computer" found running OBS at first start (the simulator's own Hello), its room not kept: the folder
    # rooms.json goes in is a file.
    assert console.simulator is not None
    hello = probe("127.0.0.1", console.simulator.port)
    assert hello is not None
    monkeypatch.setattr("console.app.probe", lambda host, port: hello)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
    (tmp_path / "not-a-folder").write_text("")
    console.rooms.path = tmp_path / "not-a-folder" / "rooms" / "rooms.json"
    console._offer_local_obs()
    window = console.window
    chinese = [what for _, what in window.event_log.lines()]
    mine = [
        what
        for what in chinese
        if what.startswith(
            ("无法把这条评论标记为问题", "没有名为", "图表历史未能保存", "上次退出时", "无法把直播间保存到")
        )
    ]
    assert len(mine) == 5, chinese
    assert mine[0] == "无法把这条评论标记为问题：存放 onair.db 的磁盘已满（请腾出一些空间）", mine

    console.switch_language("en")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    lines = console.window.event_log.lines()
    said = [what for _, what in lines]
    marked = [what for what in said if what.startswith("The comment could not be marked as a question: ")]
    assert marked == [
        "The comment could not be marked as a question: the disk holding onair.db is full (free some space on it)"
    ], said
    assert ("Console", "There is no room called “不存在的直播间”.") in lines, lines
    assert any(w == "Graphs" and t.startswith("Graph history is not being saved: the disk") for w, t in lines), lines
    assert ("Graphs", "37 s of telemetry that could not be saved at the last exit are now stored") in lines, lines
    assert any(w == "Console" and t.startswith("The rooms could not be saved to ") for w, t in lines), lines
    chinese_left = [what for what in said if any("\u4e00" <= c <= "\u9fff" for c in what.replace("不存在的直播间", ""))]
    assert chinese_left == [], chinese_left
