"""The talent screen as the host sees it: the remaining time (its size on a 1080p screen, amber in the last minute,
red and "+m:ss" when over), the segments, the message line, the one health light from the real health engine,
viewers, and the same in Chinese. The rundown side is a small port written here over the real model (the rundown
controller lives elsewhere); OBS and the telemetry are the console's own (ObsBridge, TelemetryController)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import time
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.bridge import ObsBridge
from console.core.rundown.model import Position, Product, Rundown, Segment
from console.core.telemetry.audience import DemoAudience
from console.i18n import install_translator, remove_translators
from console.mainwindow import MainWindow
from console.settings import Settings
from console.telemetry_controller import TelemetryController
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected
from widgets import talent_text as tt
from widgets.rundown_port import RundownPort, StatusLine, Then
from widgets.talent_chooser import current_talent_screen
from widgets.talent_screen import TalentScreen

FULL_HD = QSize(1920, 1080)
PLAN = Rundown(
    "demo",
    (
        Segment("开场 Opening", 300, fixed_start=time(20, 0), talking_points="欢迎来到直播间！\n今天三款好物。"),
        Segment("Product 1: 保温杯", 600, talking_points="316 stainless steel, 12 hours hot", colour="#2980b9"),
        Segment("福袋 Lucky bag", 180),
    ),
)


class TestPort(QObject):
    """A RundownPort over the real model with a clock the test turns: Go takes the next segment, `at(s)` says
    where the show stands s seconds into the current one (what the controller sends once a second)."""

    sig_rundown_changed = Signal(object)
    sig_position_changed = Signal(object)
    sig_problem = Signal(str)
    sig_message_changed = Signal(str)

    __test__ = False  # not a test class, whatever its name

    def __init__(self, rundown: Rundown) -> None:
        super().__init__()
        self._rundown = rundown
        self._position = Position(next=rundown.segments[0] if rundown.segments else None, next_index=0)
        self._message = ""
        self._status_line: StatusLine | None = None

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
        return ()

    def _emit(self, position: Position) -> None:
        self._position = position
        self.sig_position_changed.emit(position)

    def at(self, elapsed_s: float) -> None:
        current = self._position.current
        assert current is not None
        remaining = None if current.planned_s is None else current.planned_s - elapsed_s
        self._emit(replace(self._position, elapsed_s=elapsed_s, remaining_s=remaining))

    def save(self, rundown: Rundown) -> None:
        self._rundown = rundown
        self.sig_rundown_changed.emit(rundown)

    def import_file(self, path: Path, then: Then) -> None:
        then(None, "files are not read by this test's port")

    def export_file(self, path: Path, then: Then) -> None:
        then(None, "files are not written by this test's port")

    def arm(self, index: int | None = None) -> None:
        self._emit(replace(self._position, armed=True))

    def disarm(self) -> None:
        self._emit(replace(self._position, armed=False))

    def go(self) -> None:
        index = self._position.next_index
        segments = self._rundown.segments
        assert index is not None and index < len(segments)
        after = index + 1 if index + 1 < len(segments) else None
        self._emit(
            Position(
                current=segments[index],
                current_index=index,
                remaining_s=segments[index].planned_s,
                next=segments[after] if after is not None else None,
                next_index=after,
                over_under_s=0.0,
                started_at=0.0,
            )
        )

    def skip(self) -> None:
        index = self._position.next_index
        assert index is not None
        after = index + 1 if index + 1 < len(self._rundown.segments) else None
        following = self._rundown.segments[after] if after is not None else None
        self._emit(replace(self._position, next=following, next_index=after))

    def repeat(self) -> None:
        self.at(0.0)

    def insert_next(self, segment: Segment) -> None:
        index = (self._position.current_index or 0) + 1
        segments = (*self._rundown.segments[:index], segment, *self._rundown.segments[index:])
        self.save(Rundown(self._rundown.room, segments))
        self._emit(replace(self._position, next=segment, next_index=index))

    def end(self) -> None:
        self._emit(Position(finished=True, over_under_s=self._position.over_under_s))

    def send_message(self, text: str) -> None:
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


@pytest.fixture
def room(settings: Settings) -> Iterator[tuple[ObsBridge, TelemetryController]]:
    """The console's own OBS bridge and telemetry, not connected to anything."""
    bridge = ObsBridge()
    telemetry = TelemetryController(bridge, store=False)
    yield bridge, telemetry
    telemetry.shutdown()


@pytest.fixture
def make_screen(
    qtbot: QtBot, settings: Settings, room: tuple[ObsBridge, TelemetryController]
) -> Callable[..., tuple[TalentScreen, TestPort]]:
    def factory(size: QSize = FULL_HD, plan: Rundown = PLAN) -> tuple[TalentScreen, TestPort]:
        port = TestPort(plan)
        assert isinstance(port, RundownPort)
        bridge, telemetry = room
        screen = TalentScreen(port, bridge, telemetry, settings)
        qtbot.addWidget(screen)
        screen.resize(size)
        screen.show()
        qtbot.waitExposed(screen)
        return screen, port

    return factory


def ink_rows(image: QImage, rect: tuple[int, int, int, int], colour: str) -> int:
    """How many pixel rows of `rect` (x, y, w, h) contain the exact colour: the height of its painted glyphs."""
    target = QColor(colour).rgb()
    x0, y0, w, h = rect
    rows = [y for y in range(y0, y0 + h) if any(image.pixel(x, y) == target for x in range(x0, x0 + w, 2))]
    return (rows[-1] - rows[0] + 1) if rows else 0


def test_the_remaining_time_counts_down_turns_amber_in_the_last_minute_and_red_when_over(
    make_screen: Callable[..., tuple[TalentScreen, TestPort]],
) -> None:
    screen, port = make_screen()
    port.go()
    assert screen.text("title") == "开场 Opening" and screen.text("next") == "Next: Product 1: 保温杯"
    port.at(29.6)
    assert (screen.text("timer"), screen.colour("timer"), screen.text("caption")) == ("4:31", tt.TEXT, "remaining")
    port.at(240.0)
    assert (screen.text("timer"), screen.colour("timer")) == ("1:00", tt.AMBER)
    port.at(299.5)
    assert (screen.text("timer"), screen.colour("timer")) == ("0:01", tt.AMBER)
    port.at(380.0)
    assert (screen.text("timer"), screen.colour("timer"), screen.text("caption")) == ("+1:20", tt.RED, "over")
    # And it is what is painted: red digits in the timer's band.
    image = screen.grab().toImage()
    r = screen.rect_of("timer")
    assert ink_rows(image, (r.x(), r.y(), r.width(), r.height()), tt.RED) > 100


def test_the_last_minute_is_a_setting(
    make_screen: Callable[..., tuple[TalentScreen, TestPort]], settings: Settings
) -> None:
    settings.set("talent/warn_s", 120)
    screen, port = make_screen()
    port.go()
    port.at(190.0)
    assert (screen.text("timer"), screen.colour("timer")) == ("1:50", tt.AMBER)
    port.at(170.0)
    assert screen.colour("timer") == tt.TEXT
    settings.set("talent/warn_s", 0)  # off: white to the end, then red
    screen.refresh()
    port.at(300.0)
    assert (screen.text("timer"), screen.colour("timer")) == ("0:00", tt.TEXT)


def test_on_a_1080p_screen_the_remaining_time_is_the_largest_type_and_over_120_px_tall(
    make_screen: Callable[..., tuple[TalentScreen, TestPort]],
) -> None:
    screen, port = make_screen(FULL_HD)
    port.go()
    port.at(10.0)
    image = screen.grab().toImage()
    assert image.height() == 1080
    r = screen.rect_of("timer")
    height = ink_rows(image, (r.x(), r.y(), r.width(), r.height()), tt.TEXT)
    assert height >= 120, f"the digits of {screen.text('timer')} are {height} px tall"
    others = [screen.font_of(name).pixelSize() for name in ("title", "next", "tally", "health", "viewers", "points")]
    assert screen.font_of("timer").pixelSize() > max(others)
    # A 1366×768 laptop screen still shows them over 100 px tall.
    screen.resize(1366, 768)
    image = screen.grab().toImage()
    r = screen.rect_of("timer")
    assert ink_rows(image, (r.x(), r.y(), r.width(), r.height()), tt.TEXT) >= 100


def test_before_the_first_go_the_first_segment_is_next_with_its_planned_start_and_after_the_end_the_show_ended(
    make_screen: Callable[..., tuple[TalentScreen, TestPort]],
) -> None:
    screen, port = make_screen()
    assert screen.text("title") == "Not started yet"
    assert screen.text("next") == "Next: 开场 Opening"
    # A time of day in words, never a bare "20:00" where the countdown goes (it read as twenty minutes left).
    assert (screen.text("timer"), screen.text("caption")) == ("Starts at 20:00", "planned start")
    assert screen.text("points").startswith("欢迎来到直播间")  # what the host will say first, to prepare
    port.go()
    port.go()
    assert screen.text("points") == "316 stainless steel, 12 hours hot" and screen.colour("colour_bar") == "#2980b9"
    port.go()
    assert screen.text("next") == "Next: — (last segment)"
    port.end()
    assert screen.text("timer") == "Rundown ended" and screen.colour("timer") == tt.DIM
    assert (screen.text("title"), screen.text("points"), screen.text("next"), screen.text("caption")) == ("",) * 4


def test_a_plan_without_a_start_time_shows_no_invented_one_and_says_it_has_not_started_once(
    qtbot: QtBot, qapp: QApplication, make_screen: Callable[..., tuple[TalentScreen, TestPort]]
) -> None:
    screen, _port = make_screen(plan=Rundown("demo", (Segment("Q&A", None, fixed_start=None),)))
    # Said once: the title's "Not started yet", no "not started" under the timer too (fix25p).
    assert screen.text("title") == "Not started yet" and screen.text("caption") == "" and ":" in screen.text("timer")
    assert not any(ch.isdigit() for ch in screen.text("timer"))
    translators = install_translator(qapp, "zh_CN")
    try:
        qtbot.waitUntil(lambda: screen.text("title") == "尚未开始", timeout=3000)  # as the console switches language
        assert screen.text("caption") == "", "not 尚未开始 above 未开始"
    finally:
        remove_translators(qapp, translators)


def test_the_host_reads_what_each_product_segment_sells_and_its_price(
    make_screen: Callable[..., tuple[TalentScreen, TestPort]],
) -> None:
    """A beauty room's sheet titles the three product segments “主推款”, one product each: the screen said
    “主推款” and “Next: 主推款” with no product or price, and the host could not tell which one came next."""
    plan = Rundown(
        "demo",
        (
            Segment("主推款", 600, product=Product("玻尿酸精华 30ml", Decimal("199.00"))),
            Segment("主推款", 480, product=Product("持妆粉底液", Decimal("259"))),
            Segment("返场 玻尿酸精华 30ml", 480, product=Product("玻尿酸精华 30ml", Decimal("9.9"))),
            Segment("下播", 180),
        ),
    )
    screen, port = make_screen(size=QSize(1366, 768), plan=plan)
    port.go()
    assert (screen.text("title"), screen.text("next")) == (
        "主推款 · 玻尿酸精华 30ml · ¥199",
        "Next: 主推款 · 持妆粉底液 · ¥259",
    )
    port.go()
    assert screen.text("next") == "Next: 返场 玻尿酸精华 30ml · ¥9.90", "a product the title names is not said twice"
    port.go()
    assert screen.text("next") == "Next: 下播"


def test_the_message_line_appears_big_flashes_once_and_goes(
    qtbot: QtBot, make_screen: Callable[..., tuple[TalentScreen, TestPort]]
) -> None:
    screen, port = make_screen()
    port.go()
    points_before = screen.rect_of("points").height()
    assert screen.rect_of("message").isEmpty()
    port.send_message("上链接")
    assert screen.text("message") == "上链接" and screen.flashing
    assert screen.rect_of("points").height() < points_before  # the talking points make room for it
    band = screen.rect_of("message")
    qtbot.waitUntil(lambda: not screen.flashing and not screen._flash.isActive(), timeout=3000)
    image = screen.grab().toImage()
    assert ink_rows(image, (band.x(), band.y(), band.width(), band.height()), tt.MESSAGE_TEXT) >= 60
    assert image.pixelColor(band.x() + 4, band.y() + 4).name() == tt.MESSAGE_BACK  # black on yellow
    port.send_message("")
    assert screen.rect_of("message").isEmpty() and screen.rect_of("points").height() == points_before


@pytest.mark.parametrize("size", [FULL_HD, QSize(1366, 768)])
@pytest.mark.parametrize(
    "line",
    [
        "Smile, you're on the wide shot - 30 s to the giveaway, then read the top comment",
        "家人们注意：福袋三十秒后开奖，先点关注再评论“想要”，开奖后马上上二号链接，库存只有两百件，拍完记得付款",
    ],
)
def test_a_long_message_line_is_shown_whole_on_two_lines_not_cut(
    qtbot: QtBot, make_screen: Callable[..., tuple[TalentScreen, TestPort]], size: QSize, line: str
) -> None:
    """The strip takes 80 characters; at the band's full size they do not fit one line of the screen, and the
    host must read every word ("…then read the…" lost the end of the assistant's line)."""
    screen, port = make_screen(size)
    port.go()
    port.send_message(line)
    assert screen.shown("message") == line, "not cut with “…”"
    band = screen.rect_of("message")
    font = screen.font_of("message")
    from PySide6.QtGui import QFontMetrics

    needed = QFontMetrics(font).boundingRect(band, int(Qt.TextFlag.TextWordWrap), line)
    assert needed.height() <= band.height() and needed.width() <= band.width(), "all of it inside the band"
    # Still large type: at least the talking points' smallest, readable from the host's place.
    assert font.pixelSize() >= round(size.height() * 0.022) - 1
    qtbot.waitUntil(lambda: not screen.flashing and not screen._flash.isActive(), timeout=3000)
    image = screen.grab().toImage()
    assert ink_rows(image, (band.x(), band.y(), band.width(), band.height()), tt.MESSAGE_TEXT) > font.pixelSize()


def test_viewers_unknown_show_a_dash_never_zero(
    make_screen: Callable[..., tuple[TalentScreen, TestPort]], room: tuple[ObsBridge, TelemetryController]
) -> None:
    screen, _port = make_screen()
    _bridge, telemetry = room
    assert screen.text("viewers") == "Viewers —"
    audience = DemoAudience()
    telemetry.set_audience(audience)
    audience.feed("CustomEvent", {"eventData": {"onair": "audience", "live": True, "viewers": 1888}}, 0.0)
    assert screen.text("viewers") == "Viewers —", "unchanged until the telemetry says a second passed"
    import time as clock

    audience.feed("CustomEvent", {"eventData": {"onair": "audience", "live": True, "viewers": 1888}}, clock.monotonic())
    telemetry.sig_sampled.emit()
    assert screen.text("viewers") == "Viewers 1,888"
    audience.feed("CustomEvent", {"eventData": {"onair": "audience", "live": True}}, clock.monotonic())
    telemetry.sig_sampled.emit()
    assert screen.text("viewers") == "Viewers —"


def test_without_obs_the_health_light_is_grey_unknown_and_the_tally_says_so(
    make_screen: Callable[..., tuple[TalentScreen, TestPort]],
) -> None:
    screen, _port = make_screen()
    assert (screen.text("health"), screen.colour("health")) == ("Health unknown", tt.GREY)
    assert screen.text("tally") == "OBS not connected" and screen.colour("tally") == tt.GREY


def _feed(window: MainWindow, seconds: int, link_ok: bool = True, **values: float) -> None:
    """Recorded seconds straight into the window's health engine, then the change signal as the controller sends
    it (the way tests/gui/test_health_dock.py drives the Health dock)."""
    from tests.obs.test_health import BASE

    engine = window.telemetry.health
    changes = []
    for _ in range(seconds):
        _RECORDED[0] += 1.0
        changes += engine.feed(_RECORDED[0], {**BASE, **values}, link_ok)
    window.telemetry.sig_findings_changed.emit(changes)


#: The recorded seconds' clock (after the live ticks', so the engine's windows take them in order).
_RECORDED = [2_000_000.0]


def test_on_the_simulator_the_tally_and_the_health_light_follow_obs_and_the_health_engine(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow], settings: Settings
) -> None:
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    port = TestPort(PLAN)
    window.set_rundown_port(port)
    chooser = window.choose_talent_screen()
    assert chooser is not None
    chooser.accept()
    screen = current_talent_screen()
    assert screen is not None
    qtbot.addWidget(screen)
    assert screen.isFullScreen()
    qtbot.waitUntil(lambda: screen.text("health") == "OK", timeout=10000)
    assert screen.colour("health") == tt.GREEN and screen.text("tally") == "OFF AIR"
    window.bridge.request("StartStream")
    qtbot.waitUntil(lambda: screen.text("tally") == "ON AIR", timeout=10000)
    assert screen.colour("tally") == tt.TALLY_RED
    window.bridge.request("StartRecord")
    qtbot.waitUntil(lambda: screen.text("recording") == "● REC", timeout=10000)
    _feed(window, 6, drop_render_pct=2.5)
    assert (screen.text("health"), screen.colour("health")) == ("Minor problem", tt.AMBER)
    _feed(window, 6, drop_render_pct=7.2)
    assert (screen.text("health"), screen.colour("health")) == ("Tell the technician", tt.RED)
    # One instance: the menu again moves the open one rather than opening a second.
    again = window.choose_talent_screen()
    assert again is not None
    again.accept()
    assert current_talent_screen() is screen
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, TalentScreen) and w.isVisible()] == [screen]


def test_in_chinese(
    qtbot: QtBot, qapp: QApplication, make_screen: Callable[..., tuple[TalentScreen, TestPort]], settings: Settings
) -> None:
    screen, port = make_screen()
    translators = install_translator(qapp, "zh_CN")
    try:
        qtbot.waitUntil(lambda: screen.text("title") == "尚未开始", timeout=3000)  # as the console switches language
        assert screen.text("title") == "尚未开始" and screen.text("caption") == "计划开始"
        assert screen.text("next") == "下一个：开场 Opening"
        port.go()
        port.at(400.0)
        assert (screen.text("timer"), screen.text("caption")) == ("+1:40", "超时")
        assert screen.text("health") == "健康状况未知" and screen.text("tally") == "未连接 OBS"
        assert screen.text("viewers") == "观看 —"
        assert screen.windowTitle().startswith("主播屏")
        port.end()
        assert screen.text("timer") == "脚本已结束", "the rundown ended, not the broadcast (直播结束)"
    finally:
        remove_translators(qapp, translators)
    # Back in English when the console switches back.
    qtbot.waitUntil(lambda: screen.text("timer") == "Rundown ended", timeout=3000)
