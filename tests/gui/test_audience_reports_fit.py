"""The line saying what viewers report fits where customer service works on a 1366×768 laptop, in Chinese: the
Assistant workspace's Comments dock and the Questions dock's answer area show the whole line (wrapped, never cut,
never widening the dock or the window), and the Comments dock still shows its comments.

Measured in a child process on an offscreen 1366×768 screen (tests/gui/screen_probe.py), on a running console
connected to the simulator with the host's microphone muted on air and viewers' comments from a real WebSocket
source: the line is the health engine's own finding, not a text set by the test."""

from __future__ import annotations

import json
import sys
from typing import Any

from tests.gui.screen_probe import run_probe, wait_settled, window_problems

#: The Comments dock on a laptop keeps this many whole comments in sight under the line.
MIN_COMMENT_ROWS = 8


def test_the_reports_line_fits_the_assistant_workspace_on_a_1366x768_laptop_in_chinese() -> None:
    result = run_probe("tests.gui.test_audience_reports_fit", ["zh_CN"], 1366, 768)
    assert result["available"] == [1366, 768]
    assert window_problems("Assistant", result, result["available"]) == []
    for where in ("comments", "answer"):
        line = result[where]
        assert "观众反映没声音" in line["text"] and "已静音" in line["text"], line
        assert line["shown"], f"{where}: the line is out of sight: {line}"
        assert line["height"] >= line["needs"], f"{where}: the line is cut: {line}"
        assert line["right"] <= line["dock_width"], f"{where}: wider than its dock: {line}"
        assert line["lines"] <= 3, f"{where}: {line['lines']} lines for one report: {line}"
    assert result["comments"]["rows"] >= MIN_COMMENT_ROWS, result["comments"]
    assert result["answer"]["reply_shown"], "the answer line is still in sight under it"


# ---------------------------------------------------------------------- the probe (in the child process)
def _line(line: Any, dock: Any) -> dict[str, Any]:
    from PySide6.QtCore import QPoint

    right = line.mapTo(dock, QPoint(line.width(), 0)).x()
    spacing = line.fontMetrics().lineSpacing()
    return {
        "text": line.text(),
        "shown": line.isVisible() and line.visibleRegion().boundingRect().height() >= line.height() - 1,
        "height": line.height(),
        "needs": line.heightForWidth(line.width()),
        "right": right,
        "dock_width": dock.width(),
        "lines": round((line.heightForWidth(line.width()) - 2 * 4) / spacing),
    }


def _probe(language: str) -> dict[str, Any]:
    import os
    from pathlib import Path

    import keyring
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from console.app import Console, Options
    from console.core.chat.config import ChatConfig, ChatSourceConfig
    from console.core.rooms import Room, RoomStore
    from console.core.telemetry.audience import SourceStatus
    from console.settings import Settings, config_dir
    from obs.simulator.handlers import HANDLERS
    from obs.simulator.server import SimulatorThread
    from tests.chat_servers import JsonLinesWebSocket
    from tests.keyring_memory import MemoryKeyring

    def wait(until: Any, seconds: float = 20.0) -> None:
        for _ in range(int(seconds * 20)):
            if until():
                return
            loop = QEventLoop()
            QTimer.singleShot(50, loop.quit)
            loop.exec()
        raise AssertionError("waited in vain")

    app = QApplication(sys.argv[:1])
    keyring.set_keyring(MemoryKeyring())
    sim = SimulatorThread(password="probe", seed=11).start()
    server = JsonLinesWebSocket()
    room = "客服直播间"
    chat = ChatConfig((ChatSourceConfig("tool", "websocket", url=server.url),))
    RoomStore(config_dir() / "rooms.json").put(Room(room, "127.0.0.1", sim.port, chat=chat))
    keyring.set_password("onair-console", f"room:{room}", "probe")
    console = Console(app, Options(room=room, lang=language), Settings(Path(os.environ["ONAIR_CONFIG_DIR"])))
    window = console.window
    try:
        window.show()
        wait(lambda: console.bridge.state.connected and bool(window.scenes.tiles))
        wait(lambda: [s.status for _, s in console.chat.sources] == [SourceStatus.OK])
        window.apply_workspace("Assistant")
        window.bridge.request("SetCurrentProgramScene", {"sceneName": "直播中"})
        window.bridge.request("StartStream")
        wait(lambda: window.bridge.state.stream.active and window.bridge.state.program_scene == "直播中")
        sim.call(lambda s: HANDLERS["SetInputMute"](s, {"inputName": "麦克风", "inputMuted": True}))
        wait(lambda: any(f.id == "mic_muted" for f in window.telemetry.health.active()))
        for n in range(1, 41):  # a busy room: the list is full under the line
            words = "主播没声音了？" if n in (10, 20, 30) else "这件衣服有没有大一点的尺码？颜色好看 😀"
            server.push(json.dumps({"user": f"观众{n}", "id": f"u{n}", "text": words}, ensure_ascii=False))
        comments: Any = window.docks["comments"].widget()  # a CommentsDock
        questions: Any = window.docks["questions"].widget()  # an EngageDock
        wait(lambda: comments.reports is not None and not comments.reports.isHidden())

        def layout() -> Any:
            return window.frameGeometry().getRect(), [d.geometry().getRect() for d in window.docks.values()]

        window.docks["comments"].raise_()
        wait_settled(layout)
        wait(lambda: comments.model.rowCount() == 40)
        wait_settled(layout)
        view = comments.view
        viewport = view.viewport().rect()
        rows = 0
        for row in range(comments.proxy.rowCount()):
            rect = view.visualRect(comments.proxy.index(row, 0))
            if not rect.isEmpty() and rect.top() >= 0 and rect.bottom() <= viewport.bottom():
                rows += 1
        result: dict[str, Any] = {"comments": {**_line(comments.reports, comments), "rows": rows}}
        window.docks["questions"].raise_()
        wait_settled(layout)
        reply = questions.questions.reply_text
        result["answer"] = {
            **_line(questions.reports, questions),
            "reply_shown": reply.isVisible() and not reply.visibleRegion().isEmpty(),
        }
        bar = window.statusBar()
        screen = window.screen().availableGeometry()
        result.update(
            available=[screen.width(), screen.height()],
            frame=[window.frameGeometry().width(), window.frameGeometry().height()],
            status_bar=bar.isVisible() and bar.geometry().bottom() < window.height(),
        )
        return result
    finally:
        window.close()
        console.shutdown()
        server.close()
        sim.stop()


if __name__ == "__main__":
    print(json.dumps(_probe(sys.argv[1] if len(sys.argv) > 1 else "en")))
