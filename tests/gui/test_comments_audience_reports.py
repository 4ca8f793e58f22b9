"""Customer service sees why viewers complain where they work: while the health engine's audience-reports finding is
open, the Comments dock and the Questions dock's answer area say what viewers report, how many and the measured
cause, and a complaint's tooltip says it too — on a running console on the simulator (the host's microphone muted
on air), with viewers' comments from a real WebSocket source; gone once the microphone is on and the finding
closes. In Chinese, the line wraps within the docks' narrowest widths instead of widening them."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import Console
from console.core.chat.config import ChatConfig, ChatSourceConfig
from console.core.rooms import Room, RoomStore
from console.core.telemetry.audience import SourceStatus
from console.settings import Settings, config_dir
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import SimulatorThread
from tests.chat_servers import JsonLinesWebSocket
from tests.conftest import PASSWORD
from tests.gui.conftest import connected, start
from tests.keyring_memory import MemoryKeyring
from widgets.comments_dock import CommentsDock
from widgets.engage_dock import EngageDock

ROOM = "客服直播间"
MIC = "麦克风"


def open_reports(console: Console) -> list[dict[str, object]]:
    session = console.bridge.session
    assert session is not None
    with session.lock:
        return [dict(f.fields) for f in session.health.active() if f.id == "audience_reports"]


@pytest.mark.parametrize(
    ("lang", "reported", "cause", "unexplained"),
    [
        ("en", "Viewers report no sound (3 viewers)", f"the microphone “{MIC}” is muted", "nothing measured"),
        ("zh_CN", "观众反映没声音（3 位观众）", f"麦克风“{MIC}”已静音", "中控台测到的数据解释不了"),
    ],
)
def test_viewers_reporting_no_sound_while_the_mic_is_muted_are_said_in_the_comments_and_questions_docks(
    qtbot: QtBot,
    qapp: QApplication,
    consoles: list[Console],
    settings: Settings,
    sim: SimulatorThread,
    memory_keyring: MemoryKeyring,
    ws_server: JsonLinesWebSocket,
    lang: str,
    reported: str,
    cause: str,
    unexplained: str,
) -> None:
    chat = ChatConfig((ChatSourceConfig("tool", "websocket", url=ws_server.url),))
    RoomStore(config_dir() / "rooms.json").put(Room(ROOM, "127.0.0.1", sim.port, chat=chat))
    memory_keyring.set_password("onair-console", f"room:{ROOM}", PASSWORD)
    console = start(qapp, consoles, settings, room=ROOM, lang=lang)
    connected(qtbot, console)
    qtbot.waitUntil(lambda: [s.status for _, s in console.chat.sources] == [SourceStatus.OK], timeout=10000)
    window = console.window
    window.apply_workspace("Assistant")
    assert "health" not in [k for k, d in window.docks.items() if not d.isHidden()], "customer service has no Health"
    comments = window.docks["comments"].widget()
    questions = window.docks["questions"].widget()
    assert isinstance(comments, CommentsDock) and isinstance(questions, EngageDock)
    line, answer_line = comments.reports, questions.reports
    assert line is not None and answer_line is not None
    assert line.isHidden() and answer_line.isHidden(), "nothing reported: no line"
    session = console.bridge.session
    assert session is not None
    # The complaints leave the count 8 s after the last (the rule's minute, shortened so the test need not wait one).
    session.complaint_watcher.window_s = 8.0

    window.bridge.request("SetCurrentProgramScene", {"sceneName": "直播中"})  # the host on program
    window.bridge.request("StartStream")
    qtbot.waitUntil(
        lambda: window.bridge.state.stream.active and window.bridge.state.program_scene == "直播中", timeout=10000
    )
    sim.call(lambda s: HANDLERS["SetInputMute"](s, {"inputName": MIC, "inputMuted": True}))
    qtbot.waitUntil(lambda: any(f.id == "mic_muted" for f in window.telemetry.health.active()), timeout=10000)

    for n, user in enumerate(("观众1", "观众2", "观众3"), start=1):
        ws_server.push(json.dumps({"user": user, "id": f"u{n}", "text": "主播没声音了？"}, ensure_ascii=False))
    ws_server.push(json.dumps({"user": "观众4", "id": "u4", "text": "衣服多少钱"}, ensure_ascii=False))
    qtbot.waitUntil(lambda: comments.model.rowCount() == 4, timeout=5000)
    qtbot.waitUntil(lambda: not line.isHidden(), timeout=10000)
    assert open_reports(console)[0]["cause"] == "mic_muted"
    text = line.text()
    assert reported in text and cause in text, text
    assert answer_line.text() == text and not answer_line.isHidden(), "the Questions dock's answer area says it too"
    assert MIC in line.toolTip(), "the tooltip is the finding's whole message"
    # A complaint's tooltip says what viewers report and why; a question about the price does not.
    complaint = comments.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert complaint.startswith("观众1: 主播没声音了？") and reported in complaint and cause in complaint
    assert comments.model.index(3).data(Qt.ItemDataRole.ToolTipRole) == "观众4: 衣服多少钱"

    # The mic back on: the cause is no longer measured; then the complaints age out, the finding closes, the lines go.
    sim.call(lambda s: HANDLERS["SetInputMute"](s, {"inputName": MIC, "inputMuted": False}))
    qtbot.waitUntil(lambda: not any(f.id == "mic_muted" for f in window.telemetry.health.active()), timeout=10000)
    ws_server.push(json.dumps({"user": "观众2", "id": "u2", "text": "还是没声音"}, ensure_ascii=False))
    qtbot.waitUntil(lambda: unexplained in line.text(), timeout=5000)
    assert cause not in line.text() and unexplained in answer_line.text()
    qtbot.waitUntil(lambda: not open_reports(console), timeout=20000)
    qtbot.waitUntil(lambda: line.isHidden() and answer_line.isHidden(), timeout=3000)
    assert comments.model.index(0).data(Qt.ItemDataRole.ToolTipRole) == "观众1: 主播没声音了？"


def test_a_comments_tooltip_says_only_the_reports_it_makes_and_never_for_the_hosts_or_staffs_own_words(
    qapp: QApplication,
) -> None:
    from tests.gui.test_comments_dock import comment
    from widgets.comments_model import CommentsModel

    model = CommentsModel()
    model.set_marks(("没声音", "卡", "黑屏", "包邮"), ("场控小李",))
    model.append(
        [
            comment(1, "主播没声音了，好卡"),  # two kinds
            comment(2, "好卡"),
            comment(3, "用信用卡可以吗"),  # 卡 in a word, not a complaint
            comment(4, "包邮吗"),  # highlighted, no meaning
            comment(5, "没声音的扣1", user="主播", host=True),
            comment(6, "没声音的话刷新", user="场控小李"),
            comment(7, "黑屏了"),
        ]
    )
    sound, lag = "Viewers report no sound (3 viewers) — the microphone “麦克风” is muted", "Viewers report lag (5)"
    model.set_reports({"sound": sound, "lag": lag})

    def tip(row: int) -> str:
        return str(model.index(row).data(Qt.ItemDataRole.ToolTipRole))

    assert tip(0) == f"观众1: 主播没声音了，好卡\n\n{sound}\n\n{lag}", "both, in the line's order"
    assert tip(1) == f"观众2: 好卡\n\n{lag}"
    assert tip(2) == "观众3: 用信用卡可以吗" and tip(3) == "观众4: 包邮吗"
    assert tip(4) == "主播: 没声音的扣1" and tip(5) == "场控小李: 没声音的话刷新", "the team's own words never"
    assert tip(6) == "观众7: 黑屏了", "no report of a black picture is open"
    model.set_reports({})
    assert tip(0) == "观众1: 主播没声音了，好卡", "the finding closed: the comment alone"
