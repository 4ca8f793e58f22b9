"""The studio wall as a supervisor sees it: trouble first (and not jumping about), a room gone quiet shown as such
after SILENT_AFTER_S on the wall's own clock, grey for unknown (never green), the banner when the source is in
trouble, odd and long names, 50 rooms, Chinese, and a tile that opens its room."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.core.studio.status import SILENT_AFTER_S, Light, OpenFinding, RoomStatus, Segment, StudioProblem
from console.i18n import install_translator, remove_translators
from obs.text import Message as WordsMessage
from obs.vocabulary import CATEGORIES
from tests.conftest import PostgresCluster
from tests.gui.test_studio_wall_source import LONG_NAME, ODD_NAME, finding, lights, mixed_rooms
from widgets import studio_text as st
from widgets.studio_tile import StudioTile
from widgets.studio_wall import SETTLE_S, StudioWall

T0 = 1_800_000_000.0


class Clock:
    """The wall's "now", turned by the test."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def wall(qtbot: QtBot, clock: Clock) -> StudioWall:
    wall = StudioWall(clock=clock)
    wall.timer.stop()  # the test turns the seconds (tick)
    qtbot.addWidget(wall)
    wall.resize(1366, 768)
    wall.show()
    qtbot.waitExposed(wall)
    return wall


def healthy(room: str, now: float, on_air: bool = True) -> RoomStatus:
    return RoomStatus(
        room, now, now, link="connected", on_air=on_air, on_air_since=now - 60 if on_air else None, lights=lights()
    )


def test_rooms_in_trouble_come_first(wall: StudioWall, clock: Clock) -> None:
    now = clock.now
    wall.set_statuses(
        [
            healthy("a quiet off-air room", now, on_air=False),
            healthy("b healthy on air", now),
            RoomStatus("c not connected", now, now, link="disconnected"),
            replace(healthy("d warning", now), lights=lights(network=Light.WARNING)),
            replace(healthy("e critical", now), lights=lights(encode=Light.CRITICAL)),
            replace(healthy("f silent", now), heartbeat=now - 60),
        ]
    )
    assert wall.order == [
        "f silent",
        "e critical",
        "d warning",
        "c not connected",
        "b healthy on air",
        "a quiet off-air room",
    ]
    assert [tile.room for tile in wall.tiles()] == wall.order


def test_a_room_in_trouble_moves_up_at_once_but_down_only_once_it_stays_better(wall: StudioWall, clock: Clock) -> None:
    now = clock.now
    wall.set_statuses([healthy("a", now), healthy("b", now)])
    assert wall.order == ["a", "b"]
    warning = replace(healthy("b", now), lights=lights(network=Light.WARNING))
    wall.set_statuses([warning])
    assert wall.order == ["b", "a"]  # trouble: at once
    for second in range(1, int(SETTLE_S)):  # better again, flapping back each few seconds: the wall holds still
        clock.now = now + second
        wall.set_statuses([replace(healthy("a", clock.now)), replace(healthy("b", clock.now))])
        wall.tick()
        assert wall.order == ["b", "a"]
    clock.now = now + SETTLE_S + 1
    wall.set_statuses([healthy("a", clock.now), healthy("b", clock.now)])
    wall.tick()
    assert wall.order == ["a", "b"]


def test_a_console_that_stops_reporting_is_shown_as_such_never_healthy(wall: StudioWall, clock: Clock) -> None:
    now = clock.now
    wall.set_statuses([healthy("quiet", now), healthy("alive", now)])
    tile = wall.tile("quiet")
    assert tile is not None
    assert tile.light_colour("network") == st.GREEN and not tile.silent
    for second in range(1, 8):  # the source forwards nothing more for "quiet"; "alive" keeps reporting
        clock.now = now + second
        wall.set_statuses([healthy("alive", clock.now)])
        wall.tick()
        assert tile.silent == (second > SILENT_AFTER_S)
    assert tile.text("tally") == "NO REPORT"
    assert tile.text("finding") == "console not reporting · 7 s ago"
    assert {tile.light_colour(c) for c in CATEGORIES} == {st.GREY}
    assert wall.order[0] == "quiet"
    clock.now = now + 130
    wall.tick()
    assert tile.text("finding") == "console not reporting · 2 min ago"
    wall.set_statuses([healthy("quiet", clock.now)])  # it is back
    assert not tile.silent and tile.text("tally") == "ON AIR"


def test_unknown_is_grey_and_never_called_healthy(wall: StudioWall, clock: Clock) -> None:
    now = clock.now
    partial = {"render": Light.OK, "encode": Light.OK}  # the rest: not known yet
    wall.set_statuses(
        [
            RoomStatus("nothing known", now, now, link="connected"),
            RoomStatus("partly known", now, now, link="connected", lights=partial),
            RoomStatus("not connected", now, now, link="disconnected"),
        ]
    )
    nothing, partly, disconnected = (wall.tile(n) for n in ("nothing known", "partly known", "not connected"))
    assert nothing is not None and partly is not None and disconnected is not None
    assert {nothing.light_colour(c) for c in CATEGORIES} == {st.GREY}
    assert nothing.text("finding") == "—"  # not "No problems found": nobody knows
    assert partly.light_colour("render") == st.GREEN
    assert {partly.light_colour(c) for c in CATEGORIES if c not in partial} == {st.GREY}
    assert disconnected.text("finding") == "OBS not connected"
    assert {disconnected.light_colour(c) for c in CATEGORIES} == {st.GREY}
    assert nothing.text("viewers") == "viewers —"  # unknown, not 0


def test_the_worst_finding_is_said_in_words(wall: StudioWall, clock: Clock) -> None:
    now = clock.now
    warning = finding("network", "warning", "Network: {pct:.1f} % dropped", now - 100, pct=2.5)
    critical = finding("connection", "critical", "OBS has not answered for {seconds:.0f} s.", now - 5, seconds=5)
    wall.set_statuses([replace(healthy("r", now), findings=(warning, critical))])
    tile = wall.tile("r")
    assert tile is not None
    assert tile.text("finding") == "OBS has not answered for 5 s."
    assert tile.colour("finding") == st.RED


def test_a_database_away_is_a_banner_and_the_tiles_keep_their_last_state_greyed(wall: StudioWall, clock: Clock) -> None:
    now = clock.now
    quiet = replace(healthy("already quiet", now), heartbeat=now - 60)
    wall.set_statuses([healthy("a", now), replace(healthy("b", now), lights=lights(disk=Light.WARNING)), quiet])
    order = wall.order
    wall.set_problem(StudioProblem.DATABASE_UNREACHABLE, "")
    assert wall.banner.isVisible()
    clock.now = now + 40
    wall.tick()
    assert wall.banner.text() == "database unreachable — showing what was last known, 40 s ago"
    tile = wall.tile("a")
    assert tile is not None and tile.stale
    # 40 s without a heartbeat is the wall's deafness, not the room's silence: it keeps what was last known.
    assert not tile.silent and tile.text("tally") == "ON AIR"
    assert wall.order == order
    already = wall.tile("already quiet")
    assert already is not None and already.silent  # it was quiet before the database went away: still said
    wall.set_problem(StudioProblem.NONE)
    assert not wall.banner.isVisible() and not tile.stale
    assert tile.silent  # back, and now its real age speaks (its console has said nothing for 40 s)


def test_any_name_is_shown_whole_somewhere(wall: StudioWall, clock: Clock) -> None:
    now = clock.now
    wall.set_statuses([healthy(LONG_NAME, now), healthy(ODD_NAME, now), healthy("", now)])
    long_tile, odd_tile = wall.tile(LONG_NAME), wall.tile(ODD_NAME)
    assert long_tile is not None and odd_tile is not None
    assert long_tile.shown("name").endswith("…") and long_tile.shown("name") != LONG_NAME
    name = long_tile.rect_of("name")
    assert long_tile.tooltip_at(name.center().x(), name.center().y()) == LONG_NAME
    assert odd_tile.text("name") == ODD_NAME  # painted as plain text: the markup is shown, not obeyed
    assert ODD_NAME in odd_tile.accessibleName()


def test_fifty_rooms_reflow_with_the_window_and_fit_on_one_screen(qtbot: QtBot, wall: StudioWall, clock: Clock) -> None:
    now = clock.now
    wall.set_statuses([healthy(f"room {i:02d}", now, on_air=i % 2 == 0) for i in range(50)])
    assert len(wall.tiles()) == 50
    narrow = wall.columns
    wall.resize(1920, 1080)
    qtbot.waitUntil(lambda: wall.columns > narrow)
    geometries = [tile.geometry() for tile in wall.tiles()]
    assert not any(a.intersects(b) for i, a in enumerate(geometries) for b in geometries[i + 1 :])
    wall.set_size("fit")
    qtbot.waitUntil(lambda: wall.grid.minimumHeight() <= wall.area.viewport().height())
    assert min(tile.width() for tile in wall.tiles()) >= 200  # still a tile one can read
    wall.search.setText("room 4")
    assert [tile.room for tile in wall.tiles()] == [f"room {i}" for i in range(40, 50) if i % 2 == 0] + [
        f"room {i}" for i in range(40, 50) if i % 2
    ]


@pytest.mark.parametrize("rooms", [1, 2, 4, 5, 12])
def test_fit_every_room_shows_a_few_rooms_without_scrolling(
    qtbot: QtBot, wall: StudioWall, clock: Clock, rooms: int
) -> None:
    """Fit every room with the studio's four rooms on a 1920×1080 screen: the tiles were widened past the fitted
    size to fill their row, two rows no longer fitted and the wall scrolled (the bottom rooms half out of sight)."""
    wall.set_statuses([healthy(f"room {i}", clock.now) for i in range(rooms)])
    wall.resize(1920, 1080)
    qtbot.waitUntil(lambda: wall.area.viewport().width() > 1800)
    wall.set_size("fit")
    viewport = wall.area.viewport().size()
    qtbot.waitUntil(lambda: all(tile.geometry().bottom() < viewport.height() for tile in wall.tiles()))
    assert all(tile.geometry().right() < viewport.width() for tile in wall.tiles())
    assert wall.grid.minimumHeight() <= viewport.height()
    assert min(tile.width() for tile in wall.tiles()) >= 400  # and still the largest that fit: not shrunk to normal


def test_a_tile_opens_its_room_by_click_or_enter(qtbot: QtBot, wall: StudioWall, clock: Clock) -> None:
    wall.set_statuses(mixed_rooms(clock.now))
    opened: list[str] = []
    wall.sig_room_opened.connect(opened.append)
    tile = wall.tile(ODD_NAME)
    assert tile is not None
    QTest.mouseClick(tile, Qt.MouseButton.LeftButton)
    tile.setFocus()
    QTest.keyClick(tile, Qt.Key.Key_Return)
    assert opened == [ODD_NAME, ODD_NAME]


@pytest.fixture
def chinese(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translator(app, "zh_CN")
    yield
    remove_translators(app, translators)


def test_the_wall_speaks_chinese(chinese: None, qtbot: QtBot, clock: Clock) -> None:
    wall = StudioWall(clock=clock)
    wall.timer.stop()
    qtbot.addWidget(wall)
    wall.resize(QSize(1366, 768))
    wall.show()
    now = clock.now
    wall.set_statuses(mixed_rooms(now))
    wall.set_problem(StudioProblem.DATABASE_UNREACHABLE)
    clock.now = now + 40
    wall.tick()
    words = [wall.banner.text(), wall.summary.text(), wall.search.placeholderText(), wall.full_button.text()]
    for tile in wall.tiles():
        words += [tile.text(n) for n in ("tally", "finding", "viewers", "stream", "prep", "picture")]
    english = {
        w for w in words if w and all(ord(ch) < 128 for ch in w.replace("—", "")) and any(c.isalpha() for c in w)
    }
    # Figures and a unit ("6,020 kb/s") may stay as they are; a sentence may not.
    assert not {w for w in english if " " in w and not w.split(" ")[0].replace(",", "").replace(".", "").isdigit()}
    assert "40" in wall.banner.text() and "数据库" in wall.banner.text()


def test_tab_walks_the_tiles_in_the_walls_order(qtbot: QtBot, wall: StudioWall, clock: Clock) -> None:
    wall.set_statuses(mixed_rooms(clock.now))
    first = wall.tiles()[0]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    walked = [first.room]
    for _ in range(3):
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        walked.append(getattr(QApplication.focusWidget(), "room", ""))
    assert walked == wall.order[:4]


def test_a_finding_published_through_the_database_is_said_in_the_walls_language(chinese: None) -> None:
    """Shared mode stores a status as JSON: a finding's words must come back translatable (their context kept), or
    a Chinese wall shows a room's muted microphone in English."""
    import json

    from console.core.studio.status import OpenFinding
    from obs.text import Message

    muted = Message(
        "The microphone “{inputs}” is muted while the stream is live: viewers cannot hear the host.",
        {"inputs": "麦克风"},
        "Health",
    )
    status = RoomStatus(
        "Room",
        at=1.0,
        heartbeat=1.0,
        on_air=True,
        findings=(OpenFinding("mic_muted", "audio", "critical", muted, 1.0),),
    )
    back = RoomStatus.from_json(json.loads(json.dumps(status.to_json())))
    said, _ = st.finding_line(back)
    assert "麦克风" in said and "muted" not in said and "静音" in said, said


def test_a_search_that_matches_no_room_says_so(wall: StudioWall, clock: Clock) -> None:
    wall.set_statuses(mixed_rooms(clock.now))
    wall.search.setText("没有这个直播间")
    assert not any(tile.isVisible() for tile in wall.tiles())
    assert wall.empty.isVisible() and "没有这个直播间" in wall.empty.text()
    wall.search.clear()
    assert not wall.empty.isVisible() and any(tile.isVisible() for tile in wall.tiles())


def test_a_silent_room_claims_no_figure_as_current_and_says_when_it_last_reported(
    wall: StudioWall, clock: Clock
) -> None:
    """A NO REPORT tile kept its last viewers and bitrate, dimmed: a supervisor read a silent room's figures of
    minutes ago as current. They read "—" now; its last report is dated on the tile, and its figures are still
    said, dated, in the tooltip. The sort agrees with what the tile says: went quiet on air before off air."""
    now = clock.now

    def figures(status: RoomStatus) -> RoomStatus:
        return replace(status, bitrate_kbps=6020.0, dropped_pct=0.3, viewers=3280, comments_per_min=46.0)

    wall.set_statuses(
        [
            figures(healthy("b quiet on air", now)),
            figures(healthy("a quiet off air", now, on_air=False)),
            healthy("c alive", now),
        ]
    )
    tile = wall.tile("b quiet on air")
    assert tile is not None and tile.text("viewers") == "3,280 viewers"
    clock.now = now + 130
    wall.set_statuses([healthy("c alive", clock.now)])
    wall.tick()
    assert tile.silent
    assert tile.text("viewers") == "viewers —"
    assert tile.text("stream") == "— kb/s · — % dropped"
    assert tile.text("time") == "" and tile.text("rundown") == ""
    said = st.clock_time(now)
    assert tile.text("prep") == f"last report {said} · was on air" and tile.colour("prep") == st.SILENT
    viewers = tile.rect_of("viewers").center()
    assert tile.tooltip_at(viewers.x(), viewers.y()) == (
        f"At {said} (its last report): 3,280 viewers · 6,020 kb/s · 0.3 % dropped · 46 comments/min"
    )
    assert "3,280" not in tile.accessibleName() and said in tile.accessibleName()
    off = wall.tile("a quiet off air")
    assert off is not None and off.text("prep") == f"last report {said} · was off air"
    assert wall.order == ["b quiet on air", "a quiet off air", "c alive"]
    wall.set_statuses([figures(healthy("b quiet on air", clock.now))])  # it reports again
    assert tile.text("viewers") == "3,280 viewers" and tile.text("prep") == "46 comments/min"


def test_a_tile_greyed_while_the_database_is_away_says_its_figures_are_what_was_last_known(
    wall: StudioWall, clock: Clock
) -> None:
    """Greyed, a tile went on counting its time on air and gave its figures without a date: the wall cannot
    know them. The time on air stops where the wall last heard the room, and the tile says when that was."""
    now = clock.now
    wall.set_statuses([replace(healthy("a", now), viewers=3280, bitrate_kbps=6020.0, dropped_pct=0.0)])
    tile = wall.tile("a")
    assert tile is not None and tile.text("time") == "1:00"
    wall.set_problem(StudioProblem.DATABASE_UNREACHABLE, "")
    clock.now = now + 4
    wall.tick()
    assert tile.stale and not tile.silent
    assert tile.text("time") == "1:00"  # as last heard, not 1:04
    assert tile.text("prep") == f"last known at {st.clock_time(now)}"
    viewers = tile.rect_of("viewers").center()
    assert tile.tooltip_at(viewers.x(), viewers.y()).startswith(f"At {st.clock_time(now)} (its last report): 3,280")
    wall.set_problem(StudioProblem.NONE)
    wall.set_statuses([replace(healthy("a", clock.now), on_air_since=now - 60)])
    assert tile.text("time") == "1:04" and tile.text("prep") == ""


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_stopped_studio_database_is_said_by_its_cause_in_the_walls_language(
    language: str, own_postgres: PostgresCluster, qtbot: QtBot
) -> None:
    """`onair studio` with the studio's PostgreSQL stopped: the banner's second line was psycopg's English
    ("connection failed: connection to server at … failed: Connection refused"), on a Chinese wall too. The
    cause is said in the wall's language; the driver's own words are the banner's tooltip, for the technician."""
    from console import studio_controller as studio

    own_postgres.start()
    own_postgres.stop()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translator(app, language)
    controller = studio.open_shared(own_postgres.url + "/postgres")
    try:
        banner = controller.wall.banner
        qtbot.waitUntil(lambda: "\n" in banner.text(), timeout=20000)
        cause = banner.text().split("\n", 1)[1]
        assert "Connection refused" not in cause and "failed" not in cause
        where = f"127.0.0.1:{own_postgres.port}/postgres"
        if language == "zh_CN":
            assert cause == f"{where} 拒绝了连接：那台机器上的 “PostgreSQL” 是否在运行、端口是否正确？"
        else:
            assert cause == f"{where} refused the connection: is PostgreSQL running there, on that port?"
        assert "Connection refused" in banner.toolTip() and f"port {own_postgres.port}" in banner.toolTip()
    finally:
        controller.wall.close()
        controller.close()
        studio.wait_for_closing(30)
        remove_translators(app, translators)


def test_the_wall_opens_within_its_screen(qtbot: QtBot, clock: Clock) -> None:
    """walk12: the wall's first size (1280×760) with its title bar ended 30 px below a 1366×768 laptop's screen. A
    wall larger than its screen is brought within it when first shown (here 2000×1200 on the tests' 1366×768)."""
    wall = StudioWall(clock=clock)
    wall.timer.stop()
    qtbot.addWidget(wall)
    wall.resize(2000, 1200)
    wall.show()
    qtbot.waitExposed(wall)
    screen = wall.screen().availableGeometry()
    qtbot.waitUntil(lambda: screen.contains(wall.frameGeometry()), timeout=3000)
    assert wall.width() <= screen.width() and wall.height() <= screen.height()


def test_a_room_that_stops_streaming_goes_below_the_on_air_rooms_at_once(wall: StudioWall, clock: Clock) -> None:
    """walk15 F6: a healthy room that had just stopped streaming sat at the top of the wall for ~10 s."""
    now = clock.now
    wall.set_statuses([healthy("a on air", now), healthy("b on air", now)])
    assert wall.order == ["a on air", "b on air"]
    wall.set_statuses([healthy("a on air", now, on_air=False)])
    assert wall.order == ["b on air", "a on air"]
    # Trouble easing still waits: a warning gone is held for SETTLE_S, on air or off.
    warning = replace(healthy("b on air", now), lights=lights(network=Light.WARNING))
    wall.set_statuses([warning])
    assert wall.order == ["b on air", "a on air"]
    clock.now = now + 1
    wall.set_statuses([healthy("b on air", clock.now, on_air=False)])
    wall.tick()
    assert wall.order == ["b on air", "a on air"]


def test_tv_tiles_make_the_header_large_and_the_size_chooser_shows_its_words_whole(wall: StudioWall) -> None:
    """walk15 F6: "Large tiles (T" cut by its box; the header stayed 14 px beside TV tiles."""
    wall.show()
    wall.set_size("tv")
    assert "font-size: 24px" in wall.summary.styleSheet() and "font-size: 30px" in wall.title.styleSheet()
    box = wall.size_box
    widest = max(box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
    assert box.sizeHint().width() > widest
    wall.set_size("normal")
    assert "font-size: 14px" in wall.summary.styleSheet()


def test_a_long_finding_takes_the_empty_rundown_row_on_a_tile(qtbot: QtBot) -> None:
    """walk15 F6: "直播进行中，麦克风“麦克风”处于静音：观众…" cut on a TV tile with the row below it empty."""
    now = 1_800_000_000.0
    words = (
        "Microphone “麦克风” is muted while on air: viewers hear nothing from the host. Unmute it in the Audio dock "
        "or in OBS, and check the platform."
    )
    muted = OpenFinding("mic_muted", "audio", "critical", WordsMessage(words, {}, "Health"), now)
    tile = StudioTile(replace(healthy("a", now), findings=(muted,)), now)
    qtbot.addWidget(tile)
    tile.resize(520, 406)
    shown = tile.shown("finding")
    assert "\n" in shown, shown
    first, second = shown.split("\n")
    assert words.startswith(first) and second.rstrip("…") and words.replace("\n", " ").find(second.rstrip("…")) > 0
    running = replace(healthy("a", now), findings=(muted,), segment=Segment("上链接", 2, 12, 300.0, 0.0))
    tile.set_status(running)
    assert "\n" not in tile.shown("finding"), "a rundown running keeps its row"


def test_a_room_whose_obs_cannot_be_reached_or_logged_into_needs_attention(wall: StudioWall, clock: Clock) -> None:
    """walk22: after a console restart a room whose OBS was down from the start, or whose password this computer
    does not keep, has only grey lights and no finding — the header said "0 need attention" of it."""
    now = clock.now
    wall.set_statuses(
        [
            healthy("a on air", now),
            healthy("b off air on purpose", now, on_air=False),
            RoomStatus("c OBS down", now, now, link="reconnecting", link_cause="closed"),
            RoomStatus("d no password", now, now, link="auth_failed", link_cause="no_password"),
            RoomStatus("e first try", now, now, link="connecting", link_cause="lost"),
        ]
    )
    assert wall.summary.text() == "5 rooms · 1 on air · 2 need attention"
    wall.set_statuses([RoomStatus("c OBS down", now, now, link="connecting", link_cause="closed")])  # trying again
    assert wall.summary.text() == "5 rooms · 1 on air · 2 need attention"
    wall.set_statuses([healthy("c OBS down", now, on_air=False), healthy("d no password", now, on_air=False)])
    assert wall.summary.text() == "5 rooms · 1 on air · 0 need attention"


def test_one_room_one_viewer_and_one_in_trouble_read_in_the_singular(wall: StudioWall, clock: Clock) -> None:
    """The header and the tile said "1 rooms · … · 1 need attention" and "1 viewers"."""
    now = clock.now
    wall.set_statuses([replace(healthy("a", now), viewers=1)])
    assert wall.summary.text() == "1 room · 1 on air · 0 need attention"
    tile = wall.tile("a")
    assert tile is not None and tile.text("viewers") == "1 viewer"
    wall.set_statuses([RoomStatus("b OBS down", now, now, link="reconnecting", link_cause="closed")])
    assert wall.summary.text() == "2 rooms · 1 on air · 1 needs attention"
    wall.set_statuses([replace(healthy("a", now), viewers=2)])
    assert tile.text("viewers") == "2 viewers"


def test_one_room_and_one_viewer_in_chinese(chinese: None, wall: StudioWall, clock: Clock) -> None:
    now = clock.now
    wall.set_statuses([replace(healthy("a", now), viewers=1)])
    assert wall.summary.text() == "1 个直播间 · 1 个正在直播 · 0 个需要关注"
    tile = wall.tile("a")
    assert tile is not None and tile.text("viewers") == "1 位观众"
