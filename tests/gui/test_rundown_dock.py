"""The Rundown dock on a rundown port written here over the real model (the application's RundownController is
rundown-live's; this is its test double, a list-backed plan that fits widgets/rundown_port.py) and a real OBS
bridge (on the simulator where the room's scenes matter): editing with undo, every step saved; the live strip's
words and colours; the cue buttons and keys; Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from console.bridge import Endpoint, ObsBridge
from console.core.rundown.live import RundownRunner
from console.core.rundown.model import Imported, Position, Product, Rundown, Segment
from console.settings import Settings
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from widgets.rundown_details import SegmentEditor
from widgets.rundown_dock import RundownDock
from widgets.rundown_port import RundownPort, StatusLine, Then
from widgets.rundown_strip import AMBER, GREEN, OVER_TINT, RED, InsertDialog
from widgets.rundown_table import LENGTH, MIME, NUMBER, PRODUCT, SCENE, TITLE, length_problem


class ListRundownPort(QObject):
    """The application side of the dock, as a list: save stores the plan at once and says so, like the
    controller's answer from its worker; the live calls are recorded, and the test moves the position."""

    sig_rundown_changed = Signal(object)
    sig_position_changed = Signal(object)
    sig_problem = Signal(str)
    sig_message_changed = Signal(str)

    def __init__(self, bridge: ObsBridge, segments: tuple[Segment, ...] = ()) -> None:
        super().__init__()
        self.bridge = bridge
        self._rundown = Rundown("demo", segments)
        self._position = Position()
        self._message = ""
        self._status_line: StatusLine | None = None
        self.saved: list[Rundown] = []
        self.calls: list[tuple[str, Any]] = []
        self.refuse_saves = ""
        self.imports: dict[Path, Imported | str] = {}

    @property
    def rundown(self) -> Rundown:
        return self._rundown

    @property
    def position(self) -> Position:
        return self._position

    @property
    def message(self) -> str:
        return self._message

    @property
    def scenes(self) -> tuple[str, ...]:
        return self.bridge.state.scenes

    def save(self, rundown: Rundown) -> None:
        if self.refuse_saves:
            self.sig_problem.emit(self.refuse_saves)
            return
        self.saved.append(rundown)
        self._rundown = replace(rundown, updated_by="test")
        self.sig_rundown_changed.emit(self._rundown)

    def import_file(self, path: Path, then: Then) -> None:
        answer = self.imports[path]
        if isinstance(answer, str):
            then(None, answer)
            return
        self._rundown = answer.plan
        self.sig_rundown_changed.emit(answer.plan)
        then(answer, None)

    def export_file(self, path: Path, then: Then) -> None:
        self.calls.append(("export", path))
        then(None, None)

    def arm(self, index: int | None = None) -> None:
        self.calls.append(("arm", index))

    def disarm(self) -> None:
        self.calls.append(("disarm", None))

    def go(self) -> None:
        self.calls.append(("go", None))

    def skip(self) -> None:
        self.calls.append(("skip", None))

    def repeat(self) -> None:
        self.calls.append(("repeat", None))

    def insert_next(self, segment: Segment) -> None:
        self.calls.append(("insert_next", segment))

    def end(self) -> None:
        self.calls.append(("end", None))

    def send_message(self, text: str) -> None:
        self.calls.append(("send_message", text))
        self._message = text
        self.sig_message_changed.emit(text)

    @property
    def message_restored(self) -> bool:
        return False

    @property
    def status_line(self) -> StatusLine | None:
        return self._status_line

    def keep_status_line(self, line: StatusLine | None) -> None:
        self._status_line = line

    def move_to(self, position: Position) -> None:
        self._position = position
        self.sig_position_changed.emit(position)


PLAN = (
    Segment("开场", planned_s=120, scene="直播中", colour="#2980b9", talking_points="欢迎大家"),
    Segment("产品1讲解", planned_s=600, scene="商品特写", product=Product("保温杯", Decimal("99"), "SKU-1")),
    Segment("福袋抽奖", planned_s=180, scene="抽奖画面"),
    Segment("收尾", planned_s=120),
)


def long_plan(count: int) -> tuple[Segment, ...]:
    """A show of `count` segments (the screen-fit probe's)."""
    kinds = ("开场", "产品讲解", "福袋抽奖", "互动问答", "收尾")
    return tuple(
        Segment(f"{kinds[i % len(kinds)]} {i + 1}", planned_s=120 + 60 * (i % 4), scene="商品特写")
        for i in range(count)
    )


@pytest.fixture
def bridge() -> Iterator[ObsBridge]:
    made = ObsBridge(backoff_initial=0.1, backoff_max=0.5)
    yield made
    made.shutdown()


@pytest.fixture
def port(bridge: ObsBridge) -> ListRundownPort:
    return ListRundownPort(bridge, PLAN)


@pytest.fixture
def dock(qtbot: QtBot, port: ListRundownPort, bridge: ObsBridge, settings: Settings) -> RundownDock:
    widget = RundownDock(port, bridge, settings)
    qtbot.addWidget(widget)
    widget.resize(1100, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def active(qtbot: QtBot, widget: RundownDock) -> None:
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=3000)


def titles(dock: RundownDock) -> list[str]:
    return [s.title for s in dock.segments()]


def cell(dock: RundownDock, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    return dock.model.data(dock.model.index(row, column), role)


def test_the_double_fits_the_port(port: ListRundownPort) -> None:
    assert isinstance(port, RundownPort)


def test_add_edit_duplicate_delete_each_saved_and_undone_exactly(dock: RundownDock, port: ListRundownPort) -> None:
    dock.select_key(PLAN[1].key)
    dock.add_button.click()
    assert titles(dock) == ["开场", "产品1讲解", "New segment", "福袋抽奖", "收尾"]
    assert port.saved[-1].segments == dock.segments()  # saved with the edited plan
    new_key = dock.selected_key()
    assert new_key == dock.segments()[2].key
    # The title typed into the table, a length typed the way planners type it.
    assert dock.model.setData(dock.model.index(2, TITLE), "  互动问答 ")
    assert dock.model.setData(dock.model.index(2, LENGTH), "5分30秒")
    assert dock.segments()[2].title == "互动问答" and dock.segments()[2].planned_s == 330
    assert cell(dock, 2, LENGTH) == "5:30"
    dock.duplicate_button.click()
    copy = dock.segments()[3]
    assert copy.title == "互动问答" and copy.key != new_key
    dock.select_key(PLAN[0].key)
    dock.delete_button.click()
    assert titles(dock) == ["产品1讲解", "互动问答", "互动问答", "福袋抽奖", "收尾"]
    assert len(port.saved) == 5 and port.rundown.segments == dock.segments()
    # A length, said so: "planned 26:00" read as a time of day beside a plan with fixed starts.
    assert dock.totals.text() == "5 segments, 26 min planned"
    for _ in range(5):
        dock.undo_action.trigger()
    assert dock.segments() == PLAN  # exactly: keys, products, talking points
    assert port.saved[-1].segments == PLAN  # and stored so
    assert not dock.undo_action.isEnabled()
    dock.redo_action.trigger()
    assert titles(dock) == ["开场", "产品1讲解", "New segment", "福袋抽奖", "收尾"]
    assert dock.segments()[2].key == new_key


def test_a_length_that_is_not_one_is_refused_in_words_and_nothing_changes(
    dock: RundownDock, port: ListRundownPort
) -> None:
    assert not dock.model.setData(dock.model.index(0, LENGTH), "五分钟左右")
    assert "“五分钟左右” is not a length" in dock.status.text() and dock.status.isVisible()
    assert not dock.model.setData(dock.model.index(0, TITLE), "   ")
    assert dock.status.text() == "A segment needs a title."
    assert port.saved == [] and dock.segments() == PLAN and not dock.undo_action.isEnabled()


def test_reorder_by_drag_through_the_models_drop_and_by_keys(
    qtbot: QtBot, dock: RundownDock, port: ListRundownPort
) -> None:
    model = dock.model
    data = model.mimeData([model.index(3, TITLE), model.index(3, NUMBER)])
    assert data.hasFormat(MIME)
    # Dropped between rows 0 and 1 (the view gives the row it lands before, the root as parent).
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert titles(dock) == ["开场", "收尾", "产品1讲解", "福袋抽奖"]
    assert port.saved[-1].segments == dock.segments()
    # Dropped onto a row: before it.
    data = model.mimeData([model.index(0, TITLE)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index(3, TITLE))
    assert titles(dock) == ["收尾", "产品1讲解", "开场", "福袋抽奖"]
    assert not model.removeRows(0, 1)  # the view's "remove the dragged rows" after a move does nothing
    dock.select_key(PLAN[2].key)
    dock.table.setFocus()
    QTest.keyClick(dock.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert titles(dock) == ["收尾", "产品1讲解", "福袋抽奖", "开场"]
    dock.down_button.click()
    assert titles(dock) == ["收尾", "产品1讲解", "开场", "福袋抽奖"]
    assert dock.selected_key() == PLAN[2].key  # the selection moves with its segment
    dock.table.setFocus()
    QTest.keyClick(dock.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(dock.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(dock.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(dock.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dock.segments() == PLAN
    QTest.keyClick(dock.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert titles(dock) == ["开场", "收尾", "产品1讲解", "福袋抽奖"]


def test_a_real_drag_in_the_table_moves_the_row(qtbot: QtBot, dock: RundownDock, port: ListRundownPort) -> None:
    """The view's drop, below the middle of the third row: the dragged first row lands after it, and the rows
    dragged are not removed afterwards (a move done twice would lose the segment)."""
    table = dock.table
    model = dock.model
    data = model.mimeData([model.index(0, TITLE)])
    target = table.visualRect(model.index(2, TITLE))
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    below_middle = QPointF(target.center().x(), target.bottom() - 2)
    event = QDropEvent(
        below_middle, Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    event.setAccepted(False)  # as Qt delivers a drop: the view accepts it once the model took it
    table.dropEvent(event)  # the view's own drop handling (Qt delivers a drop only during a drag, from the OS)
    assert event.isAccepted()
    assert titles(dock) == ["产品1讲解", "福袋抽奖", "开场", "收尾"]
    assert len(dock.segments()) == 4 and port.saved[-1].segments == dock.segments()


def test_the_detail_editor_edits_talking_points_cues_product_and_fixed_start(
    qtbot: QtBot, dock: RundownDock, port: ListRundownPort
) -> None:
    dock.select_key(PLAN[0].key)
    editor = dock.editor
    assert editor.talking_points.toPlainText() == "欢迎大家"
    editor.talking_points.setFocus()
    editor.talking_points.setPlainText("欢迎大家\n今天福利多")
    dock.table.setFocus()  # leaving the field takes it
    qtbot.waitUntil(lambda: dock.segments()[0].talking_points == "欢迎大家\n今天福利多", timeout=2000)
    editor.cues.setFocus()
    editor.cues.setPlainText("放暖场音乐")
    editor.title.setFocus()
    qtbot.waitUntil(lambda: dock.segments()[0].cues == "放暖场音乐", timeout=2000)
    editor.product.setText("保温杯")
    editor.price.setText("¥ 1,299.50")
    editor.sku.setText("A-1")
    editor.sku.editingFinished.emit()
    dock.table.setFocus()
    editor.sku.editingFinished.emit()
    assert dock.segments()[0].product == Product("保温杯", Decimal("1299.50"), "A-1")
    assert cell(dock, 0, 5) == "保温杯 · ¥1299.50 · A-1"
    editor.price.setText("很便宜")
    editor.price.editingFinished.emit()
    assert "“很便宜” is not a price" in dock.status.text()
    assert editor.price.text() == "1299.50"  # the field shows what is stored again
    editor.fixed_start.setText("20:30")
    editor.fixed_start.editingFinished.emit()
    assert dock.segments()[0].fixed_start is not None and cell(dock, 0, LENGTH) == "@20:30 · 2:00"
    editor.fixed_start.setText("25:00")
    editor.fixed_start.editingFinished.emit()
    assert "“25:00” is not a time of day" in dock.status.text()
    assert [r.segments[0] for r in port.saved][-1] == dock.segments()[0]
    steps = dock.undo_stack.count()
    assert steps == 4  # talking points, cues, product, fixed start
    for _ in range(steps):
        dock.undo_action.trigger()
    assert dock.segments() == PLAN


def test_a_scene_this_obs_lacks_is_marked_and_the_scene_combo_lists_the_rooms_scenes(
    qtbot: QtBot, dock: RundownDock, port: ListRundownPort, bridge: ObsBridge
) -> None:
    assert cell(dock, 2, SCENE) == "抽奖画面"  # not connected: nothing to check against, no mark
    sim = SimulatorThread(password=PASSWORD, seed=11).start()
    try:
        bridge.connect_to(Endpoint("127.0.0.1", sim.port, PASSWORD))
        qtbot.waitUntil(lambda: bool(bridge.state.scenes), timeout=10000)
        qtbot.waitUntil(lambda: cell(dock, 2, SCENE) == "⚠ 抽奖画面", timeout=3000)
        assert "is not a scene in this room's OBS" in cell(dock, 2, SCENE, Qt.ItemDataRole.ToolTipRole)
        assert cell(dock, 1, SCENE) == "商品特写"
        dock.select_key(PLAN[2].key)
        combo = dock.editor.scene
        items = [combo.itemText(i) for i in range(combo.count())]
        assert items[1] == "⚠ 抽奖画面" and set(bridge.state.scenes) <= set(items)
        combo.setCurrentIndex(combo.findData("商品特写"))
        combo.activated.emit(combo.currentIndex())
        assert dock.segments()[2].scene == "商品特写" and cell(dock, 2, SCENE) == "商品特写"
    finally:
        bridge.shutdown()
        sim.stop()


def test_the_live_strip_tells_segments_of_one_title_apart_by_their_product(
    dock: RundownDock, port: ListRundownPort
) -> None:
    """A planner's sheet merges 环节 “主推款” over three product rows: three segments of one title. NOW and NEXT
    said “2. 主推款” and “3. 主推款”, so the desk pressing Go could not tell which product came next; they name the
    product and price as the talent screen and the event log do."""
    plan = (
        Segment("主推款", 300, product=Product("玻尿酸精华", Decimal("199"))),
        Segment("主推款", 300, product=Product("持妆粉底液", Decimal("199"))),
        Segment("主推款", 300, product=Product("定妆喷雾", Decimal("9.9"))),
    )
    port.move_to(Position(plan[0], 0, elapsed_s=10, remaining_s=290, next=plan[1], next_index=1, started_at=1))
    assert dock.strip.now_title.text() == "1. 主推款 · 玻尿酸精华 · ¥199"
    assert dock.strip.next_title.text() == "2. 主推款 · 持妆粉底液 · ¥199"
    port.move_to(Position(plan[1], 1, elapsed_s=10, remaining_s=290, next=plan[2], next_index=2, started_at=1))
    assert dock.strip.next_title.text() == "3. 主推款 · 定妆喷雾 · ¥9.90"
    # On air but no longer in the plan (a sheet imported mid-show without it): no number, never a wrong "1."
    port.move_to(Position(plan[1], None, elapsed_s=10, remaining_s=290, next=PLAN[0], next_index=0, started_at=1))
    assert dock.strip.now_title.text() == "主推款 · 持妆粉底液 · ¥199"


def test_a_now_line_wider_than_the_dock_ends_with_an_ellipsis_not_mid_price(
    qtbot: QtBot, dock: RundownDock, port: ListRundownPort
) -> None:
    """plan17's walk: a long NOW line was cut at the dock's edge with nothing to say so, and a price cut there
    (“¥199” of ¥1999) reads as a whole figure. It ends with “…”; the whole line is its tooltip."""
    segment = Segment(
        "限时秒杀 · 主播亲测推荐款 · 直播间专享价",
        300,
        product=Product("多功能空气炸锅家用大容量可视窗口款", Decimal("1999")),
    )
    dock.resize(420, 640)
    dock.show()
    qtbot.waitExposed(dock)
    port.move_to(Position(segment, 0, elapsed_s=10, remaining_s=290, next=PLAN[0], next_index=1, started_at=1))
    title = dock.strip.now_title
    whole = "1. 限时秒杀 · 主播亲测推荐款 · 直播间专享价 · 多功能空气炸锅家用大容量可视窗口款 · ¥1999"
    assert title.text() == whole and title.toolTip() == whole
    assert title.fontMetrics().horizontalAdvance(whole) > title.width(), (title.width(), dock.width())
    assert title.shown().endswith("…") and title.fontMetrics().horizontalAdvance(title.shown()) <= title.width()


def test_a_skipped_row_says_skipped_in_grey(dock: RundownDock, port: ListRundownPort) -> None:
    """Skip passed over 产品1讲解: its row stayed black with its length, between the segment on air and the next,
    and read as still to come. It says “skipped” in grey, until it is armed (then it is to come again)."""
    port.move_to(Position(PLAN[2], 2, remaining_s=180, next=PLAN[3], next_index=3, skipped=(PLAN[1].key,)))
    assert cell(dock, 1, LENGTH) == "10:00 → skipped"
    assert cell(dock, 1, TITLE, Qt.ItemDataRole.ForegroundRole).color().name() == "#8a8a8a"
    assert cell(dock, 3, LENGTH) == "2:00"
    port.move_to(Position(PLAN[2], 2, remaining_s=180, next=PLAN[1], next_index=1, armed=True, skipped=(PLAN[1].key,)))
    assert cell(dock, 1, LENGTH) == "10:00" and cell(dock, 1, NUMBER) == "▷ 2"


def test_the_live_strip_says_remaining_over_and_the_shows_over_under_in_colour(
    dock: RundownDock, port: ListRundownPort
) -> None:
    strip = dock.strip
    assert strip.now_title.text() == "Not started: Go takes the first segment"
    assert strip.next_title.text() == "1. 开场" and strip.go_button.isEnabled()
    assert not strip.insert_button.isEnabled()  # inserting is on the fly; before the show the plan is edited
    port.move_to(
        Position(PLAN[1], 1, elapsed_s=540, remaining_s=60, next=PLAN[2], next_index=2, over_under_s=-40, started_at=1)
    )
    assert strip.now_title.text() == "2. 产品1讲解 · 保温杯 · ¥99"
    assert strip.elapsed.text() == "9:00 elapsed"
    assert strip.remaining.text() == "1:00 left" and AMBER in strip.remaining.styleSheet()  # its last minute
    assert strip.over_under.text() == "0:40 ahead" and GREEN in strip.over_under.styleSheet()  # never "−0:40 ahead"
    assert OVER_TINT not in strip.styleSheet()
    assert strip.next_title.text() == "3. 福袋抽奖" and strip.armed.isHidden()
    assert cell(dock, 1, NUMBER) == "▶ 2" and cell(dock, 0, LENGTH) == "2:00"
    assert cell(dock, 1, TITLE, Qt.ItemDataRole.BackgroundRole).color().name() == "#f5b041"
    assert cell(dock, 0, TITLE, Qt.ItemDataRole.ForegroundRole).color().name() == "#8a8a8a"  # past: dimmed
    port.move_to(
        Position(PLAN[1], 1, elapsed_s=680, remaining_s=-80, next=PLAN[2], next_index=2, armed=True,
                 over_under_s=150, started_at=1)
    )  # fmt: skip
    assert strip.remaining.text() == "+1:20 over" and RED in strip.remaining.styleSheet()
    assert OVER_TINT in strip.styleSheet()  # the whole strip says it
    assert strip.over_under.text() == "+2:30 behind" and RED in strip.over_under.styleSheet()
    assert strip.armed.isVisible() and strip.arm_button.text() == "Disarm"
    assert cell(dock, 2, NUMBER) == "▷ 3"
    # The next segment taken 700 s after this one started: its actual length (the runner's) beside the planned one.
    port.move_to(
        Position(PLAN[2], 2, elapsed_s=0, remaining_s=180, next=PLAN[3], next_index=3, started_at=701,
                 actuals=((PLAN[1].key, 700.0),))
    )  # fmt: skip
    assert cell(dock, 1, LENGTH) == "10:00 → 11:40"
    assert cell(dock, 1, TITLE, Qt.ItemDataRole.ForegroundRole).color().name() == "#8a8a8a"
    port.move_to(Position(finished=True, over_under_s=0.4, actuals=((PLAN[1].key, 700.0), (PLAN[2].key, 90.0))))
    assert strip.now_title.text() == "The rundown has ended" and strip.over_under.text() == "on time"
    grey = [cell(dock, row, TITLE, Qt.ItemDataRole.ForegroundRole) for row in range(len(PLAN))]
    assert [c is not None and c.color().name() == "#8a8a8a" for c in grey[:3]] == [True] * 3, "behind: taken or passed"
    assert all(c is None or c.color().name() != "#8a8a8a" for c in grey[3:]), "never reached: not greyed as done"
    assert not strip.go_button.isEnabled() and not strip.end_button.isEnabled()


def test_arm_go_skip_repeat_insert_end_and_their_keys_call_the_port(
    qtbot: QtBot, dock: RundownDock, port: ListRundownPort
) -> None:
    strip = dock.strip
    port.move_to(Position(PLAN[0], 0, elapsed_s=10, remaining_s=110, next=PLAN[1], next_index=1, started_at=1))
    strip.arm_button.click()
    strip.go_button.click()
    strip.skip_button.click()
    strip.repeat_button.click()
    assert port.calls == [("arm", None), ("go", None), ("skip", None), ("repeat", None)]
    port.calls.clear()
    active(qtbot, dock)  # the keys work where the dock's window has the keyboard
    QTest.keyClick(dock, Qt.Key.Key_F9)
    QTest.keyClick(dock, Qt.Key.Key_F10)
    assert port.calls == [("arm", None), ("go", None)]
    assert "F9" in strip.arm_button.toolTip() and "F10" in strip.go_button.toolTip()
    port.calls.clear()
    port.move_to(replace(port.position, armed=True))
    QTest.keyClick(dock, Qt.Key.Key_F9)  # armed: the key disarms
    assert port.calls == [("disarm", None)]
    port.calls.clear()
    strip.end_button.click()
    assert port.calls == [] and "Press again" in strip.end_button.text()  # one press does not end a show
    strip.end_button.click()
    assert port.calls == [("end", None)]
    port.calls.clear()
    strip.insert_button.click()
    dialog = dock.insert_dialog
    dialog.title.setText("临时加播")
    dialog.length.setText("3分")
    dialog.accept()
    assert len(port.calls) == 1 and port.calls[0][0] == "insert_next"
    inserted = port.calls[0][1]
    assert (inserted.title, inserted.planned_s) == ("临时加播", 180)


def test_the_keys_come_from_the_settings(
    qtbot: QtBot, port: ListRundownPort, bridge: ObsBridge, settings: Settings
) -> None:
    settings.set("rundown/arm_keys", "Ctrl+F5 nonsense-key")
    settings.set("rundown/go_keys", "")

    widget = RundownDock(port, bridge, settings)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    port.move_to(Position(PLAN[0], 0, next=PLAN[1], next_index=1, started_at=1))
    active(qtbot, widget)
    QTest.keyClick(widget, Qt.Key.Key_F9)
    QTest.keyClick(widget, Qt.Key.Key_F10)
    assert port.calls == []
    QTest.keyClick(widget, Qt.Key.Key_F5, Qt.KeyboardModifier.ControlModifier)
    assert port.calls == [("arm", None)]
    assert "“nonsense-key” (rundown/arm_keys)" in widget.status.text()
    assert "none" in widget.strip.go_button.toolTip()


def test_a_long_line_for_the_host_is_said_cut_with_an_ellipsis_not_mid_word(
    qtbot: QtBot, port: ListRundownPort, bridge: ObsBridge, settings: Settings
) -> None:
    """Beside the quick lines there is room for a short line only: a long one ends with "…" (the whole line in the
    tooltip) instead of stopping mid-word, where it read as if that was all the host sees."""
    widget = RundownDock(port, bridge, settings)
    qtbot.addWidget(widget)
    widget.resize(700, 640)
    widget.show()
    qtbot.waitExposed(widget)
    line = "Smile, you're on the wide shot - 30 s to the giveaway, then read the top comment"
    widget.strip.message.setText(line)
    QTest.keyClick(widget.strip.message, Qt.Key.Key_Return)
    label = widget.strip.shown_message
    assert port.calls[-1] == ("send_message", line)
    assert label.shown().endswith("…") and label.shown().startswith("On the talent screen: “Smile")
    assert label.fontMetrics().horizontalAdvance(label.shown()) <= label.contentsRect().width()
    assert label.toolTip() == line and label.text() == f"On the talent screen: “{line}”"
    widget.resize(1600, 640)
    qtbot.waitUntil(lambda: label.shown() == f"On the talent screen: “{line}”", timeout=3000)


def test_the_message_line_and_quick_lines_reach_the_port(dock: RundownDock, port: ListRundownPort) -> None:
    strip = dock.strip
    quick = [b.text() for b in strip.quick_buttons]
    assert quick == ["Link is up", "Read comments", "Talk about the deal", "Countdown"]
    strip.quick_buttons[0].click()
    assert port.calls[-1] == ("send_message", "Link is up")
    assert strip.shown_message.text() == "On the talent screen: “Link is up”"
    strip.message.setText("  三号链接库存不多  ")
    QTest.keyClick(strip.message, Qt.Key.Key_Return)
    assert port.calls[-1] == ("send_message", "三号链接库存不多") and strip.message.text() == ""
    strip.clear_button.click()
    assert port.calls[-1] == ("send_message", "") and strip.shown_message.text() == ""
    dock.save_quick_lines("上链接\n\n  抽福袋 \n")
    assert [b.text() for b in strip.quick_buttons] == ["上链接", "抽福袋"]
    assert dock.settings.get("rundown/quick_lines") == "上链接\n抽福袋"
    strip.quick_buttons[1].click()
    assert port.calls[-1] == ("send_message", "抽福袋")


def test_import_replaces_the_plan_as_one_undo_step_and_a_refused_file_says_where(
    dock: RundownDock, port: ListRundownPort, tmp_path: Path
) -> None:
    good, bad = tmp_path / "plan.xlsx", tmp_path / "broken.csv"
    note = "plan.xlsx, row 13: the totals row says 0:02:00, but the segments add up to 0:01:00; …"
    lines = ("Imported 1 segment into room “demo” from plan.xlsx (read as XLSX, header on row 1): 1 min planned.",
             "Columns left out (not a rundown column): H (负责人).", "Rows skipped (totals): 13.", note)  # fmt: skip
    imported = Imported(Rundown("demo", (Segment("导入的开场", planned_s=60),)), lines)
    port.imports = {good: imported, bad: "Row 3, column “时长”: “五分钟左右” is not a length."}
    dock.import_from(bad)
    assert "broken.csv was not imported; the plan is unchanged." in dock.status.text()
    assert "Row 3, column “时长”" in dock.status.text() and dock.segments() == PLAN
    dock.import_from(good)
    # What the reader left out is said, as the command line says it (a 合计 row, a column of the planner's).
    assert titles(dock) == ["导入的开场"] and dock.status.text() == "\n".join(lines)
    assert port.saved == []  # stored by the import itself, not saved again
    dock.undo_action.trigger()
    assert dock.segments() == PLAN and port.saved[-1].segments == PLAN
    dock.import_from(tmp_path / "plan.txt")
    assert dock.status.text() == "plan.txt is not a CSV or XLSX file."
    dock.export_to(tmp_path / "out.xlsx")
    assert port.calls[-1] == ("export", tmp_path / "out.xlsx") and "Saved" in dock.status.text()


def test_a_refused_save_is_said_and_the_edit_is_kept_for_another_try(dock: RundownDock, port: ListRundownPort) -> None:
    port.refuse_saves = "The database could not be used: disk full"
    dock.select_key(PLAN[0].key)
    dock.delete_button.click()
    assert dock.status.text() == "The database could not be used: disk full"
    assert titles(dock) == ["产品1讲解", "福袋抽奖", "收尾"]  # not lost: undo or edit again to save
    port.refuse_saves = ""
    dock.undo_action.trigger()
    assert port.saved[-1].segments == PLAN


def test_a_plan_changed_elsewhere_is_shown_and_starts_a_new_history(dock: RundownDock, port: ListRundownPort) -> None:
    dock.select_key(PLAN[0].key)
    dock.duplicate_button.click()
    inserted = Segment("临时加播", planned_s=90)
    elsewhere = Rundown("demo", (*PLAN[:2], inserted, *PLAN[2:]))
    port.sig_rundown_changed.emit(elsewhere)  # the runner's insert on the fly, another console
    assert titles(dock) == ["开场", "产品1讲解", "临时加播", "福袋抽奖", "收尾"]
    assert not dock.undo_action.isEnabled()  # undoing the duplicate would have thrown the insert away


def test_a_price_reads_the_same_before_and_after_the_database_gave_it_back(
    dock: RundownDock, port: ListRundownPort
) -> None:
    """The database keeps prices as NUMERIC(12, 2) and gives a typed 259 back as 259.00: the table read “¥259”
    while the console ran and “¥259.00” (cut to “¥25…” at 1366×768) after a restart; 9.9 became 9.90."""
    typed = Rundown(
        "demo",
        (
            Segment("主推款", 600, product=Product("粉底液", Decimal("259"))),
            Segment("福利款", 300, product=Product("面膜", Decimal("9.9"))),
        ),
    )
    stored = Rundown(
        "demo",
        (
            replace(typed.segments[0], product=Product("粉底液", Decimal("259.00"))),
            replace(typed.segments[1], product=Product("面膜", Decimal("9.90"))),
        ),
    )
    shown = []
    for plan in (typed, stored):
        port.sig_rundown_changed.emit(plan)
        dock.select_key(plan.segments[1].key)
        shown.append((cell(dock, 0, 5), cell(dock, 1, 5), dock.editor.price.text()))
    assert shown == [("粉底液 · ¥259", "面膜 · ¥9.90", "9.90")] * 2


def test_chinese(qtbot: QtBot, port: ListRundownPort, bridge: ObsBridge, settings: Settings) -> None:
    from console.i18n import install_translator, remove_translators

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translator(app, "zh_CN")
    try:
        widget = RundownDock(port, bridge, settings)
        qtbot.addWidget(widget)
        strip = widget.strip
        assert [b.text() for b in strip.quick_buttons] == ["上链接", "看评论", "讲福利", "倒计时"]
        assert strip.arm_button.text() == "预备" and strip.go_button.text() == "执行"
        port.move_to(Position(PLAN[1], 1, elapsed_s=680, remaining_s=-80, next=PLAN[2], next_index=2, over_under_s=150))
        assert strip.remaining.text() == "超时 +1:20"
        assert strip.over_under.text() == "落后 +2:30"
        port.move_to(replace(port.position, over_under_s=-40, remaining_s=30))
        assert strip.over_under.text() == "提前 0:40" and strip.remaining.text() == "剩余 0:30"  # not "提前 −0:40"
        assert widget.totals.text() == "共 4 个环节，计划时长 17 分钟"
        port.sig_rundown_changed.emit(Rundown("demo", (Segment("开场", 4830, time(21, 0)),)))
        assert widget.totals.text() == "共 1 个环节，计划时长 1 小时 20 分 30 秒"
        port.sig_rundown_changed.emit(Rundown("demo", (Segment("开场", planned_s=4800), Segment("收尾", planned_s=45))))
        assert widget.totals.text() == "共 2 个环节，计划时长 1 小时 20 分 45 秒"
        port.sig_rundown_changed.emit(Rundown("demo", (Segment("开场", planned_s=4800),)))
        assert widget.totals.text() == "共 1 个环节，计划时长 1 小时 20 分"
        widget.model.setData(widget.model.index(0, LENGTH), "大概五分钟")
        assert widget.status.text() == "“大概五分钟”不是时长；请写成 5分、5分30秒、1.5小时、5:00（分:秒）或 00:05:00"
        header = widget.model.headerData(TITLE, Qt.Orientation.Horizontal)
        assert header == "环节"
        from tests.language import english_words

        words = [
            strip.now_title.text(), strip.next_caption.text(), strip.skip_button.text(), strip.repeat_button.text(),
            strip.insert_button.text(), strip.end_button.text(), widget.add_button.text(),
            widget.duplicate_button.text(), widget.delete_button.text(), widget.import_button.text(),
            widget.export_button.text(), widget.editor.talking_points.placeholderText(),
        ]  # fmt: skip
        assert not [w for w in words if english_words(w)], words
        assert QCoreApplication.translate("RundownTable", "Scene") == "场景"  # as the Scenes dock says
    finally:
        remove_translators(app, translators)


def test_the_summary_says_the_plan_as_a_length_and_one_segment_in_the_singular(
    dock: RundownDock, port: ListRundownPort
) -> None:
    """Beside a plan with a 21:00 fixed start, "Segments: 5 — planned 20:00" read as a time of day, and a length
    change made it "planned 22:00"; the import line said "0:20:00 planned". A length in words, as the import says."""
    port.sig_rundown_changed.emit(Rundown("demo", (Segment("开场", 4800, time(21, 0)),)))
    assert dock.totals.text() == "1 segment, 1 h 20 min planned"
    plan = (Segment("开场", 1200, time(21, 0)), Segment("讲解", planned_s=330), Segment("收尾", planned_s=45))
    port.sig_rundown_changed.emit(Rundown("demo", plan))
    assert dock.totals.text() == "3 segments, 26 min 15 s planned"
    port.sig_rundown_changed.emit(Rundown("demo", (Segment("开场", planned_s=3630), Segment("收尾", planned_s=40))))
    assert dock.totals.text() == "2 segments, 1 h 1 min 10 s planned"
    port.sig_rundown_changed.emit(Rundown("demo", (Segment("开场", planned_s=3600), Segment("收尾", planned_s=30))))
    assert dock.totals.text() == "2 segments, 1 h 0 min 30 s planned"
    port.sig_rundown_changed.emit(Rundown("demo", (Segment("开场", planned_s=45),)))
    assert dock.totals.text() == "1 segment, 45 s planned"
    port.sig_rundown_changed.emit(Rundown("demo", ()))
    assert dock.totals.text() == "No segments yet"


def test_a_title_being_typed_during_the_show_survives_the_seconds(
    qtbot: QtBot, dock: RundownDock, port: ListRundownPort
) -> None:
    """During a show the position comes every second and repaints the rows; a title half typed in the table
    stays as typed (it was put back to the stored title each second)."""
    active(qtbot, dock)
    dock.table.selectRow(3)
    dock.table.setFocus()
    dock.table.edit(dock.model.index(3, TITLE))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    QTest.keyClicks(editor, "Wrap-")
    port.move_to(Position(PLAN[1], 1, elapsed_s=5, remaining_s=595, next=PLAN[2], next_index=2, started_at=1))
    port.move_to(Position(PLAN[1], 1, elapsed_s=6, remaining_s=594, next=PLAN[2], next_index=2, started_at=1))
    assert editor.text() == "Wrap-"
    QTest.keyClicks(editor, "up")
    QTest.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on its next turn of the event loop
    qtbot.waitUntil(lambda: port.rundown.segments[3].title == "Wrap-up", timeout=3000)


def test_the_length_fields_suggest_only_lengths_they_accept(dock: RundownDock) -> None:
    """The length fields' grey hint showed "300", which the same field refuses (a bare number over 180 is
    ambiguous): every example in the hint must be accepted."""
    insert = InsertDialog(dock)
    hints = {dock.editor.length.placeholderText(), insert.length.placeholderText()}
    assert hints
    for hint in hints:
        for example in hint.replace("、", ",").split(","):
            assert length_problem(example.strip(), has_fixed_start=False)[1] is None, (hint, example)


def test_a_dock_made_mid_show_shows_what_past_segments_took(
    qtbot: QtBot, port: ListRundownPort, bridge: ObsBridge, settings: Settings
) -> None:
    """A console restarted mid-show (or a window rebuilt for another language) makes its dock while a segment
    runs: the past segments' actual lengths are there at once (they were blank until the next boundary)."""
    port.move_to(
        Position(PLAN[2], 2, elapsed_s=30, remaining_s=150, next=PLAN[3], next_index=3, started_at=800,
                 actuals=((PLAN[0].key, 130.0), (PLAN[1].key, 670.0)))
    )  # fmt: skip
    made = RundownDock(port, bridge, settings)
    qtbot.addWidget(made)
    assert cell(made, 0, LENGTH) == "2:00 → 2:10" and cell(made, 1, LENGTH) == "10:00 → 11:10"
    assert cell(made, 2, NUMBER) == "▶ 3"


def test_a_switch_refused_at_one_go_is_not_still_said_after_the_next(dock: RundownDock, port: ListRundownPort) -> None:
    port.move_to(Position(PLAN[0], 0, elapsed_s=10, remaining_s=110, next=PLAN[1], next_index=1, started_at=1))
    port.sig_problem.emit("“开场”已开始，但切换到场景“绿幕”被拒绝：OBS 中没有场景“绿幕”")
    assert dock.status.isVisible()
    dock.strip.go_button.click()
    assert port.calls[-1] == ("go", None) and not dock.status.isVisible()
    # Found by use: after End the red line of the last refused switch stayed under "The rundown has ended".
    port.sig_problem.emit("“收尾”已开始，但切换到场景“Main”被拒绝：OBS 中没有场景“Main”")
    dock.strip.end_button.click()
    dock.strip.end_button.click()  # End is pressed twice
    assert port.calls[-1] == ("end", None) and not dock.status.isVisible()


def type_talking_points(qtbot: QtBot, dock: RundownDock, text: str) -> SegmentEditor:
    """The first segment chosen and `text` typed over its talking points, the field keeping the focus."""
    active(qtbot, dock)
    dock.select_key(PLAN[0].key)
    editor = dock.editor
    editor.talking_points.setFocus()
    qtbot.waitUntil(editor.talking_points.hasFocus, timeout=3000)
    editor.talking_points.selectAll()
    QTest.keyClicks(editor.talking_points, text)
    return editor


@pytest.mark.parametrize("action", ["add", "duplicate", "move_down", "export"])
def test_talking_points_being_typed_are_kept_when_a_tool_button_is_clicked(
    qtbot: QtBot, dock: RundownDock, port: ListRundownPort, action: str, tmp_path: Path
) -> None:
    """Found by use: talking points typed, then Add clicked, were gone without a word — a tool button does not take
    the focus, so the field never lost it, and the new segment's empty editor replaced the typing. Every button
    that changes, reorders or writes the plan takes what is being typed first."""
    type_talking_points(qtbot, dock, "points typed then")
    button = {
        "add": dock.add_button,
        "duplicate": dock.duplicate_button,
        "move_down": dock.down_button,
        "export": dock.export_button,
    }[action]
    if action == "export":
        dock._file_dialog = lambda *_args, **_kw: tmp_path / "plan.xlsx"  # type: ignore[method-assign]
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    first = next(s for s in dock.segments() if s.key == PLAN[0].key)
    assert first.talking_points == "points typed then"
    assert port.saved and next(s for s in port.saved[-1].segments if s.key == PLAN[0].key).talking_points == (
        "points typed then"
    )


def test_undo_clicked_while_typing_talking_points_undoes_the_typing_and_redo_gives_it_back(
    qtbot: QtBot, dock: RundownDock, port: ListRundownPort
) -> None:
    active(qtbot, dock)
    renamed = (PLAN[0], replace(PLAN[1], title="产品1"), *PLAN[2:])
    dock.edit(renamed, "Rename")  # an earlier edit: the undo button is on
    editor = type_talking_points(qtbot, dock, "new points")
    QTest.mouseClick(dock.undo_button, Qt.MouseButton.LeftButton)
    assert dock.segments()[0].talking_points == "欢迎大家"
    assert editor.talking_points.toPlainText() == "欢迎大家"
    assert dock.segments()[1].title == "产品1"  # the undo took back the typing, not the rename before it
    QTest.mouseClick(dock.redo_button, Qt.MouseButton.LeftButton)
    assert dock.segments()[0].talking_points == "new points"


def test_the_rundown_is_imported_and_exported_from_the_documents_folder(
    dock: RundownDock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by use: the export dialog opened in the folder the console was started from (the checkout)."""
    from PySide6.QtWidgets import QFileDialog

    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(documents))
    monkeypatch.chdir(tmp_path)
    started: list[Path] = []

    def cancelled(dialog: QFileDialog) -> int:
        started.append(Path(dialog.directory().absolutePath()))
        return 0

    monkeypatch.setattr(QFileDialog, "exec", cancelled)
    dock._on_export_clicked()
    dock._on_import_clicked()
    assert started == [documents, documents]


def test_on_a_wide_screen_the_segment_column_shows_whole_titles_and_the_product_keeps_its_room(
    qtbot: QtBot, dock: RundownDock, port: ListRundownPort
) -> None:
    """At 1920×1080 the Segment column stayed ~110 px and cut titles while the Product column had ~300 px spare;
    a narrow dock keeps the title's least width and the product in sight, and a widened one can be narrowed again."""
    long_title = "第一款主推：玻尿酸精华液买一送一限时福利讲解"
    port.sig_rundown_changed.emit(Rundown("demo", (replace(PLAN[0], title=long_title), *PLAN[1:])))
    table, header = dock.table, dock.table.horizontalHeader()
    narrow_minimum = table.minimumSizeHint().width()
    least = table.fontMetrics().horizontalAdvance("M" * 14)  # the title column's least width
    dock.resize(1900, 900)
    qtbot.waitUntil(lambda: header.sectionSize(TITLE) > least, timeout=2000)
    needed = max(table.fontMetrics().horizontalAdvance(long_title), table.sizeHintForColumn(TITLE))
    assert header.sectionSize(TITLE) >= needed, (header.sectionSize(TITLE), needed)  # not cut with "…"
    assert header.sectionSize(PRODUCT) >= table.fontMetrics().horizontalAdvance("保温杯 · ¥99")
    assert table.minimumSizeHint().width() == narrow_minimum, "a widened title column does not hold the dock wide"
    dock.resize(700, 640)  # as narrow as the dock goes
    qtbot.waitUntil(lambda: header.sectionSize(TITLE) < needed)
    assert header.sectionSize(TITLE) >= least
    least_product = table.fontMetrics().horizontalAdvance("M" * 8)
    assert header.sectionViewportPosition(PRODUCT) + least_product <= table.viewport().width(), "the product in sight"


def test_an_empty_plan_says_how_to_fill_it(qtbot: QtBot, bridge: ObsBridge, settings: Settings) -> None:
    """An empty plan showed a bare "NOW" and "NEXT —", read as a dock that does not work."""
    widget = RundownDock(ListRundownPort(bridge, ()), bridge, settings)
    qtbot.addWidget(widget)
    strip = widget.strip
    assert strip.now_title.text() == "No segments yet: Add one below or Import… a CSV or XLSX sheet"
    assert strip.next_title.text() == "The plan is empty"
    assert not strip.go_button.isEnabled()


def test_a_segment_column_the_user_dragged_keeps_its_width_when_the_window_is_resized(
    qtbot: QtBot, dock: RundownDock, port: ListRundownPort
) -> None:
    """The planner dragged the Segment column wider to read a long title; the next resize of the window (a dock
    moved, the window maximised) put it back to its fit. A width the user chose stays; a double-click on the
    column's edge makes it fit its titles again, and it follows the window from then on."""
    port.sig_rundown_changed.emit(Rundown("demo", (replace(PLAN[0], title="第一款主推：玻尿酸精华"), *PLAN[1:])))
    dock.resize(1200, 700)
    dock.show()
    qtbot.waitExposed(dock)
    table, header = dock.table, dock.table.horizontalHeader()
    fitted = header.sectionSize(TITLE)
    edge = QPoint(header.sectionViewportPosition(TITLE) + fitted - 1, header.height() // 2)
    # A real drag of the column's edge, 150 px to the right.
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
    for step in range(1, 16):
        QTest.mouseMove(header.viewport(), edge + QPoint(10 * step, 0))
    QTest.mouseRelease(
        header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge + QPoint(150, 0)
    )
    chosen = header.sectionSize(TITLE)
    assert chosen >= fitted + 140, (fitted, chosen)

    def resized_to(width: int) -> None:
        before = table.viewport().width()
        dock.resize(width, 700)
        qtbot.waitUntil(lambda: table.viewport().width() != before, timeout=2000)

    for width in (1600, 1000, 1300):
        resized_to(width)
        assert header.sectionSize(TITLE) == chosen, width
    # Double-clicked on its edge: it fits its titles again, and a resize fits it anew.
    edge = QPoint(header.sectionViewportPosition(TITLE) + chosen - 1, header.height() // 2)
    QTest.mouseDClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
    qtbot.waitUntil(lambda: header.sectionSize(TITLE) == fitted, timeout=2000)
    assert table.title_chosen is None


@pytest.mark.parametrize(
    ("language", "waiting", "early", "late"),
    [
        ("en", "Starts at 20:00, in 3:55:00", "3:55:00 early for 20:00", "Planned to start at 20:00: 5:00 late"),
        ("zh_CN", "20:00 开始，还有 3:55:00", "比 20:00 提前 3:55:00", "计划 20:00 开始：已晚 5:00"),
    ],
)
def test_a_show_taken_hours_before_its_fixed_start_says_the_time_and_how_far_off_it_is(
    qtbot: QtBot, bridge: ObsBridge, settings: Settings, language: str, waiting: str, early: str, late: str
) -> None:
    """The first segment fixed at 20:00, the show live at 16:05: the strip read "提前 −3:54:29", ahead by a negative
    time. Before the first Go it says when the first segment starts and in how long (or how late the Go is); on
    air before its time, how early for its 20:00, a positive figure in green."""
    from console.i18n import install_translator, remove_translators

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translator(app, language) if language != "en" else []
    try:
        segments = (replace(PLAN[0], fixed_start=time(20, 0)), *PLAN[1:])
        port = ListRundownPort(bridge, segments)
        widget = RundownDock(port, bridge, settings)
        qtbot.addWidget(widget)
        strip = widget.strip
        at_eight = datetime(2026, 11, 30, 20, 0).timestamp()  # local: fixed starts are the room's wall clock
        clock = [at_eight - (3 * 3600 + 55 * 60)]  # 16:05
        runner = RundownRunner(port.rundown, lambda: clock[0])
        port.move_to(runner.position())
        assert strip.over_under.text() == waiting
        runner.go()
        clock[0] += 31
        port.move_to(runner.position())
        assert strip.over_under.text() == early and GREEN in strip.over_under.styleSheet()
        assert "−" not in strip.over_under.text()
        late_runner = RundownRunner(port.rundown, lambda: at_eight + 300)
        port.move_to(late_runner.position())
        assert strip.over_under.text() == late and RED in strip.over_under.styleSheet()
    finally:
        remove_translators(app, translators)


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            "“产品1讲解” on air is now planned for 7:00 in the room's rundown: the next shows start with 7:00 too, "
            "not only this one. This show's record keeps the change beside the 8:00 it had.",
        ),
        (
            "zh_CN",
            "正在播出的“产品1讲解”在本直播间的脚本中已改为 7:00：之后的场次也按 7:00 计划，不只是本场。"
            "本场记录会保留原来的 8:00 和这次修改。",
        ),
    ],
)
def test_a_length_changed_on_air_says_it_is_saved_in_the_rooms_plan(
    qtbot: QtBot, bridge: ObsBridge, settings: Settings, language: str, said: str
) -> None:
    """The planner shortened the segment on air for tonight and found it short in the next show's plan: the plan
    is the room's (README, Running it live), so the dock says so as the change is saved. A length changed for a
    segment not on air, or with no show running, is a plain edit and says nothing."""
    from console.i18n import install_translator, remove_translators

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translator(app, language) if language != "en" else []
    try:
        port = ListRundownPort(bridge, PLAN)
        widget = RundownDock(port, bridge, settings)
        qtbot.addWidget(widget)
        widget.model.setData(widget.model.index(1, LENGTH), "8分")  # before the show: a plain edit
        assert widget.status.isHidden()
        port.move_to(Position(PLAN[1], 1, elapsed_s=60, remaining_s=420, next=PLAN[2], next_index=2, started_at=1))
        widget.model.setData(widget.model.index(2, LENGTH), "4分")  # not the one on air
        assert widget.status.isHidden()
        widget.model.setData(widget.model.index(1, LENGTH), "7分")
        assert port.saved[-1].segments[1].planned_s == 7 * 60  # saved in the room's plan
        assert not widget.status.isHidden() and widget.status.text() == said
    finally:
        remove_translators(app, translators)
