"""The lottery from the Questions dock on the real engagement controller (the simulator's show in real SQLite, the
comments written into a real RoomFeed): opened with a keyword (staff prefilled from the room's own names), the
commitment shown and copyable at once, entries counted live, closed, drawn, the winners and the revealed seed
shown, the export verified by the existing verifier; a console restarted mid-window takes the lottery up; the
talent screen shows the lottery while it runs and the winners at the draw, in English and Chinese."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.lottery import Lottery, LotteryRecord, verify
from console.core.chat.lottery_export import read_record
from console.core.rundown.model import Rundown
from console.i18n import install_translator, remove_translators
from console.settings import Settings
from console.telemetry_controller import TelemetryController
from tests.gui.engage_room import Room, room_fixture  # noqa: F401 - the fixture
from widgets.engage_lottery import LotteryPanel
from widgets.engage_port import EngagePort
from widgets.talent_screen import TalentScreen


@contextmanager
def talent_screen(qtbot: QtBot, room: Room, settings: Settings, engage: EngagePort) -> Iterator[TalentScreen]:
    """The streamer's screen on a laptop's 1366×768, following `engage`'s lottery (its telemetry shut down after)."""
    telemetry = TelemetryController(room.bridge, store=False)
    try:
        screen = TalentScreen(room.rundown, room.bridge, telemetry, settings)
        qtbot.addWidget(screen)
        screen.resize(QSize(1366, 768))
        screen.show()
        qtbot.waitExposed(screen)
        screen.set_engage(engage)
        yield screen
    finally:
        telemetry.shutdown()


def open_lottery(qtbot: QtBot, panel: LotteryPanel, keyword: str, winners: int) -> None:
    panel.keyword.setText(keyword)
    panel.winners.setValue(winners)
    QTest.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.port.lottery is not None and panel.port.lottery.state == "open", timeout=5000)


def confirm_next(panel: LotteryPanel) -> None:
    """Go ahead at the question Close entries or Draw asks (it runs its own event loop) the way the assistant does
    on air: Ctrl+Enter, pressed where the keyboard's focus is once the question is on screen (the active window)."""

    def answer() -> None:
        box = panel.question
        if box is None or not box.isActiveWindow():
            QTimer.singleShot(20, answer)
            return
        QTest.keyClick(box.focusWidget() or box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    QTimer.singleShot(0, answer)


def test_open_enter_close_draw_export_and_verify(qtbot: QtBot, room: Room, tmp_path: Path) -> None:
    panel = room.dock.lottery
    assert panel.staff.text() == "场控小李", "the room's own names are excluded unless the team says otherwise"
    assert panel.open_button.isEnabled() and not panel.draw_button.isEnabled()
    open_lottery(qtbot, panel, "#抽奖", 2)
    commitment = panel.commitment.text()
    assert len(commitment) == 64 and panel.seed.text() == ""
    # The open's answer says it; the lottery's own change may reach the panel first (a CI run's load showed it).
    qtbot.waitUntil(lambda: "publish the commitment" in panel.said, timeout=5000)
    QTest.mouseClick(panel.copy_commitment, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == commitment
    assert not panel.open_button.isEnabled() and not panel.keyword.isEnabled()

    for user, text in [("小明", "＃抽奖"), ("小红", "#抽奖 冲"), ("小明", "#抽奖 again"), ("场控小李", "#抽奖")]:
        room.comments.say(user, text)
    room.comments.say("阿强", "#抽奖 多少钱？")
    room.comments.say("主播", "#抽奖", host=True)
    qtbot.waitUntil(lambda: "3 entries so far" in panel.state.text(), timeout=10000)
    assert room.dock.tabs.tabText(1) == "Lottery ● 3 entries"

    confirm_next(panel)  # Close entries and Draw ask first
    QTest.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: room.engage.lottery is not None and room.engage.lottery.state == "closed", timeout=5000)
    room.comments.say("迟到", "#抽奖")
    confirm_next(panel)
    QTest.mouseClick(panel.draw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.winners_list.count() == 2, timeout=5000)
    record = room.engage.lottery
    assert record is not None and record.state == "drawn" and record.seed is not None
    assert panel.seed.text() == record.seed
    assert hashlib.sha256(bytes.fromhex(panel.seed.text())).hexdigest() == commitment
    names = {w.user_name for w in record.winners}
    assert names <= {"小明", "小红", "阿强"} and len(names) == 2
    assert [panel.winners_list.item(i).text().split(" ")[1] for i in range(2)] == [w.user_name for w in record.winners]
    # The platform in the reader's words, as the Comments badges say it (walk12: "(simulator · sim21)").
    assert panel.winners_list.item(0).text().endswith(f"(Bilibili · {record.winners[0].user_id})")
    assert not panel.draw_button.isEnabled() and panel.open_button.isEnabled()
    assert "run “onair lottery verify FILE”" in panel.state.text()
    # walk24: the Chinese status kept the English FILE; the command reads in the reader's words there.
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    translators = install_translator(qapp, "zh_CN")
    try:
        chinese = panel._state_words(record)
    finally:
        remove_translators(qapp, translators)
    assert "“onair lottery verify 文件”" in chinese and "FILE" not in chinese, chinese

    target = tmp_path / "抽奖.json"
    panel.export(target)
    qtbot.waitUntil(lambda: "Exported (JSON)" in panel.said, timeout=5000)  # said once the file is whole
    checked = verify(read_record(target))
    assert checked.ok, checked.problems
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert {e["user_name"] for e in exported["entries"]} == {"小明", "小红", "阿强"}
    assert exported["commitment"] == commitment and str(target) in panel.said


def test_an_open_lottery_resumes_after_the_controller_restarts(qtbot: QtBot, room: Room) -> None:
    panel = room.dock.lottery
    open_lottery(qtbot, panel, "福袋", 1)
    commitment = panel.commitment.text()
    room.comments.say("小明", "福袋")
    room.comments.say("小红", "福袋福袋")
    qtbot.waitUntil(lambda: "2 entries so far" in panel.state.text(), timeout=10000)

    engage = room.restart_engage(qtbot)  # the console restarts mid-window: same show, same database
    record = engage.lottery
    assert record is not None and record.state == "open" and record.commitment == commitment
    assert {e.user_name for e in record.entries} == {"小明", "小红"}
    room.comments.say("小红", "福袋")  # already in
    room.comments.say("阿强", "福袋")  # after the restart: enters
    qtbot.waitUntil(lambda: engage.lottery is not None and len(engage.lottery.entries) == 3, timeout=10000)
    drawn: list[object] = []
    engage.draw_lottery(lambda result, why: drawn.append(result if why is None else why))
    qtbot.waitUntil(lambda: bool(drawn), timeout=5000)
    final = engage.lottery
    assert final is not None and final.state == "drawn" and final.id is not None
    stored = _stored(final.id)
    assert {e.user_name for e in stored.entries} == {"小明", "小红", "阿强"}
    assert verify(json.loads(json.dumps(stored.to_json()))).ok


def _stored(lottery_id: int) -> LotteryRecord:
    from console.core.storage import Storage, default_url

    storage = Storage(default_url())
    try:
        record: LotteryRecord = storage.lottery(lottery_id)
        return record
    finally:
        storage.close()


def test_the_talent_screen_shows_the_lottery_and_the_winners(
    qtbot: QtBot, qapp: QApplication, room: Room, settings: Settings
) -> None:
    with talent_screen(qtbot, room, settings, room.engage) as screen:
        assert screen.text("lottery") == "" and screen.rect_of("lottery").isEmpty()
        panel = room.dock.lottery
        open_lottery(qtbot, panel, "#抽奖", 2)
        assert screen.text("lottery") == "Lottery: write “#抽奖” to enter · 0 entered"
        lottery_rect = screen.rect_of("lottery")
        assert not lottery_rect.isEmpty() and screen.rect().contains(lottery_rect)
        for user in ("小明", "小红", "阿强"):
            room.comments.say(user, "#抽奖")
        qtbot.waitUntil(lambda: screen.text("lottery").endswith("3 entered"), timeout=10000)

        translators = install_translator(qapp, "zh_CN")
        try:
            qtbot.waitUntil(lambda: screen.text("lottery") == "抽奖：发送“#抽奖”参与 · 已有 3 人参与", timeout=3000)
            confirm_next(panel)
            QTest.mouseClick(panel.draw_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: screen.winners_shown is not None, timeout=5000)
            record = room.engage.lottery
            assert record is not None
            title, names = screen.winners_shown or ("", "")
            assert title == "“#抽奖”中奖名单"
            assert names.splitlines() == [f"{w.rank}. {w.user_name}" for w in record.winners]
            assert screen.text("lottery") == ""
        finally:
            remove_translators(qapp, translators)
        # Large enough to read across the studio: the names' type is at least 5% of the screen's height.
        assert screen.winners_font.pixelSize() >= 0.05 * 768
        image = screen.grab().toImage()
        assert any(image.pixel(x, 300) != image.pixel(0, 300) for x in range(0, 1366, 4)), "names painted"
        screen.setFocus()
        QTest.keyClick(screen, Qt.Key.Key_Escape)
        assert screen.winners_shown is None and screen.isVisible(), "Esc dismisses the winners, not the screen"


def test_the_talent_screen_reads_out_the_winners_who_stand_after_a_forfeit_and_its_replacement(
    qtbot: QtBot, qapp: QApplication, room: Room, settings: Settings
) -> None:
    """The screen kept the names of the draw: the host read out a winner the assistant had forfeited and never the
    one drawn to replace them. A forfeit takes the name off while the names are up; the replacement comes in its
    place marked as redrawn — and comes back on a screen the host had already cleared, to be read out."""
    with talent_screen(qtbot, room, settings, room.engage) as screen:
        panel = room.dock.lottery
        open_lottery(qtbot, panel, "#福袋", 2)
        for user in ("小明", "小红", "阿强", "小芳", "老王"):
            room.comments.say(user, "#福袋")
        qtbot.waitUntil(lambda: screen.text("lottery").endswith("5 entered"), timeout=10000)
        confirm_next(panel)
        QTest.mouseClick(panel.draw_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: screen.winners_shown is not None, timeout=5000)
        record = room.engage.lottery
        assert record is not None and record.id is not None
        first, second = record.winners
        assert (screen.winners_shown or ("", ""))[1].splitlines() == [f"1. {first.user_name}", f"2. {second.user_name}"]

        said: list[object] = []
        room.engage.forfeit_winner(record.id, 1, "no_answer", "", lambda result, why: said.append(why))
        qtbot.waitUntil(lambda: bool(said), timeout=5000)
        assert said == [None]
        # Forfeited: the name is gone, its place stays, saying a replacement is coming (the host read "1. 小红" as
        # the whole prize).
        assert (screen.winners_shown or ("", ""))[1].splitlines() == ["1. redrawing…", f"2. {second.user_name}"]

        said.clear()
        room.engage.draw_replacement(record.id, 1, lambda result, why: said.append(why))
        qtbot.waitUntil(lambda: bool(said), timeout=5000)
        assert said == [None]
        drawn = room.engage.lottery
        assert drawn is not None and len(drawn.winners) == 3
        replacement = drawn.winners[2]
        assert replacement.replaces == 1 and replacement.user_name not in {first.user_name, second.user_name}
        shown = screen.winners_shown
        assert shown is not None
        # In the place of the winner replaced: the host reads the prizes in the order they were drawn.
        assert shown[1].splitlines() == [f"1. {replacement.user_name} (redrawn)", f"2. {second.user_name}"]
        translators = install_translator(qapp, "zh_CN")
        try:
            screen.dismiss_winners()
            assert screen.winners_shown is None
            # Another forfeit and its replacement after the host cleared the names: up again, to be read out.
            said.clear()
            room.engage.forfeit_winner(record.id, 2, "ineligible", "", lambda result, why: said.append(why))
            qtbot.waitUntil(lambda: bool(said), timeout=5000)
            assert screen.winners_shown is None, "a forfeit alone gives the host no one new to read out"
            said.clear()
            room.engage.draw_replacement(record.id, 2, lambda result, why: said.append(why))
            qtbot.waitUntil(lambda: bool(said), timeout=5000)
            last = room.engage.lottery
            assert last is not None and len(last.winners) == 4
            title, names = screen.winners_shown or ("", "")
            assert title == "“#福袋”中奖名单"
            assert names.splitlines() == [
                f"1. {replacement.user_name}（补抽）",
                f"2. {last.winners[3].user_name}（补抽）",
            ]
        finally:
            remove_translators(qapp, translators)
        metrics = QFontMetrics(screen.winners_font)
        assert all(metrics.horizontalAdvance(line) < screen.width() for line in names.splitlines())


def test_the_talent_screen_says_when_every_winner_forfeited_and_when_nobody_is_left_to_draw(
    qtbot: QtBot, qapp: QApplication, room: Room, settings: Settings
) -> None:
    """Every winner forfeited: the screen showed "Winners of “#福袋”" over an empty list. Each forfeit's place says
    a replacement is being drawn or that nobody is left, and once nobody has won and nobody is left, one line says
    so — large, in English and Chinese, each state said once (fix25p)."""

    def forfeit(rank: int) -> None:
        said: list[object] = []
        room.engage.forfeit_winner(lottery_id, rank, "no_answer", "", lambda result, why: said.append(why))
        qtbot.waitUntil(lambda: bool(said), timeout=5000)
        assert said == [None]

    with talent_screen(qtbot, room, settings, room.engage) as screen:
        panel = room.dock.lottery
        open_lottery(qtbot, panel, "#福袋", 2)
        for user in ("小明", "小红", "阿强"):
            room.comments.say(user, "#福袋")
        qtbot.waitUntil(lambda: screen.text("lottery").endswith("3 entered"), timeout=10000)
        confirm_next(panel)
        QTest.mouseClick(panel.draw_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: screen.winners_shown is not None, timeout=5000)
        record = room.engage.lottery
        assert record is not None and record.id is not None
        lottery_id = record.id

        forfeit(1)
        forfeit(2)  # one entry left for two places: the first place is redrawn, the second cannot be
        # Each state once: the places say it (fix25p: the title said "no winner yet — redrawing" above them too).
        assert screen.winners_shown == ("Lottery “#福袋”", "1. redrawing…\n2. nobody left to draw")
        assert screen.winners_font.pixelSize() >= 0.05 * 768, "read from the streamer's distance"

        said: list[object] = []
        room.engage.draw_replacement(lottery_id, 1, lambda result, why: said.append(why))
        qtbot.waitUntil(lambda: bool(said), timeout=5000)
        last = room.engage.lottery
        assert last is not None and len(last.winners) == 3
        third = last.winners[2].user_name
        assert screen.winners_shown == ("Winners of “#福袋”", f"1. {third} (redrawn)\n2. nobody left to draw")

        translators = install_translator(qapp, "zh_CN")
        try:
            forfeit(3)  # the last entry forfeits too: nobody has won and nobody is left
            # Said once, unnumbered: "1. 已无人可补抽" numbered nobody.
            assert screen.winners_shown == ("抽奖“#福袋”", "无人中奖，已无人可补抽")
        finally:
            remove_translators(qapp, translators)
        image = screen.grab().toImage()
        assert screen.winners_font.pixelSize() >= 0.05 * 768
        assert any(image.pixel(x, 300) != image.pixel(0, 300) for x in range(0, 1366, 4)), "the lines are painted"


class LotteryPort(QObject):
    """The talent screen's part of an EngagePort over a lottery drawn by the real Lottery (no storage)."""

    sig_lottery_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.lottery: LotteryRecord | None = None

    def draw(self, names: list[str], winners: int) -> None:
        lottery, _seed = Lottery.open("抽奖", winners, now=time.time(), mono=time.monotonic())
        for n, name in enumerate(names):
            lottery.offer(
                ChatEvent(
                    "bilibili", "b", ChatKind.COMMENT, f"u{n}", name, "抽奖", t=time.monotonic(), message_id=f"{n}"
                )
            )
        drawn = lottery.draw()
        self.lottery = replace(drawn, id=(self.lottery.id or 0) + 1 if self.lottery else 1)  # as storage numbers them
        self.sig_lottery_changed.emit()


def test_winners_fit_the_screen_one_name_a_line_and_a_long_list_says_how_many_more(
    qtbot: QtBot, settings: Settings
) -> None:
    from console.bridge import ObsBridge
    from tests.gui.test_talent_screen import TestPort

    bridge = ObsBridge()
    telemetry = TelemetryController(bridge, store=False)
    try:
        screen = TalentScreen(TestPort(Rundown("demo")), bridge, telemetry, settings)
        qtbot.addWidget(screen)
        screen.resize(QSize(1366, 768))
        screen.show()
        qtbot.waitExposed(screen)
        port = LotteryPort()
        screen.set_engage(port)  # type: ignore[arg-type]  # the lottery part of the port is all it reads
        port.draw([f"Simulated viewer {n} 模拟观众{n}" for n in range(40)], 3)
        shown = screen.winners_shown
        assert shown is not None
        lines = shown[1].splitlines()
        metrics = QFontMetrics(screen.winners_font)
        width = screen.rect().width()
        assert len(lines) == 3 and all(metrics.horizontalAdvance(line) < width for line in lines)
        assert all("…" not in line for line in lines), "each name whole, on its own line"
        assert metrics.lineSpacing() * 3 < 768 and screen.winners_font.pixelSize() >= 0.05 * 768

        screen.dismiss_winners()
        port.draw([f"观众{n}" for n in range(300)], 200)
        shown = screen.winners_shown
        assert shown is not None
        lines = shown[1].splitlines()
        assert lines[-1].startswith("… and ") and lines[-1].endswith(" more")
        assert len(lines) - 1 + int(lines[-1].split()[2]) == 200
        assert QFontMetrics(screen.winners_font).lineSpacing() * len(lines) <= 768
    finally:
        telemetry.shutdown()
        bridge.shutdown()


def test_after_a_restart_the_form_shows_the_staff_list_the_lottery_applies(qtbot: QtBot, room: Room) -> None:
    """Found by use (walk14 F6): after a restart the staff list (工作人员（排除）) showed only its placeholder though
    the exclusion was stored, exported and applied — the assistant could not see who was left out, and someone
    re-typing it would think it lost. The form shows what the lottery applies, running and after its draw."""
    panel = room.dock.lottery
    panel.staff.setText("抽奖观众5, 小李")
    open_lottery(qtbot, panel, "#抽奖", 3)
    room.comments.say("抽奖观众5", "#抽奖")  # staff: never enters
    room.comments.say("小明", "#抽奖")
    qtbot.waitUntil(lambda: "1 entry so far" in panel.state.text(), timeout=10000)

    engage = room.restart_engage(qtbot)  # the console restarts: a new panel on the same show
    again = LotteryPanel(engage)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.keyword.text() == "#抽奖", timeout=10000)
    assert again.staff.text() == "抽奖观众5, 小李" and again.winners.value() == 3
    assert not again.staff.isEnabled()  # applied: it cannot be changed while the lottery runs
    drawn: list[object] = []
    engage.draw_lottery(lambda result, why: drawn.append(result if why is None else why))
    qtbot.waitUntil(
        lambda: bool(drawn) and engage.lottery is not None and engage.lottery.state == "drawn", timeout=5000
    )
    qtbot.waitUntil(lambda: again.staff.isEnabled(), timeout=5000)
    assert again.staff.text() == "抽奖观众5, 小李"  # still what the drawn lottery left out, for the next one
    record = engage.lottery
    assert record is not None and record.excluded == ("抽奖观众5", "小李")
    assert [w.user_name for w in record.winners] == ["小明"]
