"""A StudioSource held in memory (the protocol, honestly: callbacks on a thread of its own, thumbnails as JPEG bytes),
the twelve rooms in mixed states the screenshots and the benchmark show, and the controller's tests over it: the
source's thread hops to the GUI thread, pictures arrive decoded, a source problem reaches the banner, a tile's
click reaches whoever opens rooms."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console import studio_controller
from console.core.studio.status import (
    Checklist,
    Light,
    OpenFinding,
    Prep,
    ProblemDetail,
    RoomStatus,
    Segment,
    StudioProblem,
)
from console.studio_controller import DIRECT, StudioController
from obs.text import Message
from obs.vocabulary import CATEGORIES
from widgets import studio_text as st
from widgets.studio_wall import StudioWall

Changed = Callable[[list[RoomStatus]], None]
Problem = Callable[[StudioProblem, ProblemDetail], None]


class MemoryStudio:
    """Rooms held in memory; `publish` and `fail` are delivered on the source's own thread, as a real source's
    callbacks are (the adapter must hop to the GUI thread)."""

    def __init__(self, statuses: list[RoomStatus] | None = None) -> None:
        self._statuses = {s.room: s for s in statuses or []}
        self._pictures: dict[str, tuple[float, bytes]] = {}
        self._subscribers: list[tuple[Changed, Problem]] = []
        self._inbox: queue.SimpleQueue[tuple[str, object] | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self.thumbnail_threads: set[str] = set()
        self.closed = False
        self._thread = threading.Thread(target=self._run, name="memory-studio", daemon=True)
        self._thread.start()

    # ---- StudioSource
    def rooms(self) -> list[RoomStatus]:
        with self._lock:
            return list(self._statuses.values())

    def subscribe(self, changed: Changed, problem: Problem) -> None:
        with self._lock:
            self._subscribers.append((changed, problem))

    def thumbnail(self, room: str) -> tuple[float, bytes] | None:
        self.thumbnail_threads.add(threading.current_thread().name)
        with self._lock:
            return self._pictures.get(room)

    def close(self) -> None:
        self.closed = True
        self._inbox.put(None)
        self._thread.join(5)

    # ---- what the test (or the screenshot script) makes happen
    def publish(self, *statuses: RoomStatus) -> None:
        with self._lock:
            for status in statuses:
                self._statuses[status.room] = status
        self._inbox.put(("changed", list(statuses)))

    def fail(self, problem: StudioProblem, detail: ProblemDetail = "") -> None:
        self._inbox.put(("problem", (problem, detail)))

    def set_picture(self, room: str, taken: float, data: bytes) -> None:
        with self._lock:
            self._pictures[room] = (taken, data)

    def _run(self) -> None:
        while (item := self._inbox.get()) is not None:
            kind, payload = item
            with self._lock:
                subscribers = list(self._subscribers)
            for changed, problem in subscribers:
                if kind == "changed":
                    changed(payload)  # type: ignore[arg-type]
                else:
                    problem(*payload)  # type: ignore[misc]


# ---------------------------------------------------------------------- the twelve rooms
def lights(**levels: Light) -> dict[str, Light]:
    """Every category OK unless named (a connected, healthy room knows all of its lights)."""
    return {str(c): levels.get(str(c), Light.OK) for c in CATEGORIES}


def finding(category: str, severity: str, template: str, since: float, **fields: object) -> OpenFinding:
    return OpenFinding(f"{category}_{severity}", category, severity, Message(template, fields, "Health"), since)


NETWORK = (
    "Network: {pct:.1f} % of frames dropped in the last 10 s ({pct_minute:.1f} % over the last minute); "
    "the send buffer is {congestion_pct:.0f} % congested, {kbps:.0f} kbit/s getting through on "
    "average over the last 10 s. The connection to the server cannot carry the bitrate."
)
UNANSWERED = (
    "OBS has not answered for {seconds:.0f} s. The stream may still be running, but nothing here can see or control it."
)
RECONNECTING = (
    "The stream's connection dropped {outage:.0f} s ago; OBS is reconnecting (drop {count} in this show). "
    "Viewers see the stream stall."
)
LONG_NAME = "超长名字的直播间 — a room whose name goes on and on past any tile"
ODD_NAME = '<b>Bold?</b> & "quotes" / 直播间 #7 \u202eRTL'


def history(start: int, slope: float, gaps: tuple[int, ...] = ()) -> tuple[int | None, ...]:
    points = 30
    return tuple(None if i in gaps else max(0, round(start + slope * i + (i % 5) * slope / 2)) for i in range(points))


def mixed_rooms(now: float) -> list[RoomStatus]:
    """Twelve rooms as a studio's evening looks: healthy on air, a warning, a critical, silent, not connected,
    preparing, checklist failed, a long name, an odd name, gaps in the viewers, no picture."""
    base: dict[str, Any] = {"at": now, "heartbeat": now, "link": "connected", "console": "pc-1/1234"}
    return [
        RoomStatus(
            "A1 美妆 Beauty",
            **base,
            on_air=True,
            on_air_since=now - 3725,
            lights=lights(),
            bitrate_kbps=6020,
            dropped_pct=0.0,
            viewers=3280,
            viewers_history=history(2100, 40),
            comments_per_min=46,
            checklist=Checklist("pre-show", Prep.PASSED, 12, 12),
            segment=Segment("上链接 Product link", 2, 12, 130, 150),
        ),
        RoomStatus(
            "B2 服饰 Fashion",
            **base,
            on_air=True,
            on_air_since=now - 1800,
            lights=lights(network=Light.WARNING),
            findings=(
                finding("network", "warning", NETWORK, now - 40, pct=2.4, pct_minute=1.8, congestion_pct=35, kbps=3900),
            ),
            bitrate_kbps=3900,
            dropped_pct=2.4,
            viewers=1450,
            viewers_history=history(1600, -5),
            comments_per_min=12,
            checklist=Checklist("pre-show", Prep.PASSED, 10, 10),
            segment=Segment("福袋 Lucky bag", 5, 9, -40, -70),
        ),
        RoomStatus(
            "C3 食品 Food",
            **base,
            on_air=True,
            on_air_since=now - 620,
            lights=lights(connection=Light.CRITICAL, network=Light.WARNING),
            findings=(finding("connection", "critical", RECONNECTING, now - 12, outage=12, count=2),),
            bitrate_kbps=0,
            dropped_pct=7.5,
            viewers=890,
            viewers_history=history(1200, -12),
            checklist=Checklist("pre-show", Prep.PASSED, 11, 11),
            segment=Segment("开场 Opening", 0, 8, 60, 0.4),
        ),
        RoomStatus(
            "D4 家居 Home",
            **base,
            on_air=False,
            lights=lights(),
            checklist=Checklist("pre-show", Prep.RUNNING, 5, 12),
        ),
        RoomStatus(
            "E5 数码 Tech",
            **{**base, "heartbeat": now - 130, "at": now - 130},
            on_air=True,
            on_air_since=now - 5000,
            lights=lights(),
            bitrate_kbps=6000,
            dropped_pct=0.1,
            viewers=2100,
            viewers_history=history(2000, 3),
        ),
        RoomStatus(
            "F6 母婴 Baby",
            **{**base, "link": "disconnected"},
            on_air=False,
            checklist=Checklist("pre-show", Prep.FAILED, 12, 12, failed=2),
        ),
        RoomStatus(
            LONG_NAME,
            **base,
            on_air=True,
            on_air_since=now - 200,
            lights=lights(),
            bitrate_kbps=4500,
            dropped_pct=0.2,
            viewers=120,
            viewers_history=history(0, 4, gaps=tuple(range(0, 18))),
            segment=Segment("Q&A 问答", 1, 3, 200, -20),
        ),
        RoomStatus(ODD_NAME, **base, on_air=False, lights=lights()),
        RoomStatus(
            "H8 珠宝 Jewellery",
            **base,
            on_air=True,
            on_air_since=now - 2400,
            lights=lights(),
            bitrate_kbps=5800,
            dropped_pct=0.0,
            viewers=640,
            viewers_history=history(500, 5, gaps=(8, 9, 10, 11, 20)),
            segment=Segment("讲解 Demo", 6, 10, 300, 0),
        ),
        RoomStatus(
            "I9 图书 Books",
            **base,
            on_air=True,
            on_air_since=now - 90,
            lights=lights(),
            bitrate_kbps=2500,
            dropped_pct=0.0,
            viewers=None,
        ),
        RoomStatus(
            "J10 宠物 Pets",
            **base,
            on_air=False,
            lights=lights(),
            checklist=Checklist("pre-show", Prep.PASSED, 9, 9),
        ),
        RoomStatus(
            "K11 运动 Sport",
            **{**base, "link": "unresponsive"},
            on_air=True,
            on_air_since=now - 4000,
            lights={**lights(), "connection": Light.CRITICAL, "system": Light.UNKNOWN},
            findings=(finding("connection", "critical", UNANSWERED, now - 25, seconds=25),),
            viewers=4100,
            viewers_history=history(4400, -8),
        ),
    ]


#: The rooms whose picture is old (2 min) or missing, among mixed_rooms.
OLD_PICTURE = "H8 珠宝 Jewellery"
NO_PICTURE = "I9 图书 Books"


def jpeg(text: str, hue: int, width: int = 640, height: int = 360) -> bytes:
    """A program picture as OBS would send one: a real JPEG, drawn with QImage."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(width, height))
    gradient.setColorAt(0, QColor.fromHsv(hue % 360, 160, 200))
    gradient.setColorAt(1, QColor.fromHsv((hue + 60) % 360, 200, 90))
    painter.fillRect(image.rect(), gradient)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPixelSize(height // 8)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 80)  # type: ignore[call-overload]  # PySide6 takes str; its stubs say bytes
    return bytes(data.data())


def studio_of_twelve(now: float) -> MemoryStudio:
    rooms = mixed_rooms(now)
    source = MemoryStudio(rooms)
    for index, status in enumerate(rooms):
        if status.room == NO_PICTURE:
            continue
        taken = now - 120 if status.room == OLD_PICTURE else now - 4
        source.set_picture(status.room, taken, jpeg(status.room.split(" ")[0], index * 29))
    return source


# ---------------------------------------------------------------------- the controller over it
@pytest.fixture
def studio(qtbot: QtBot) -> Iterator[tuple[MemoryStudio, StudioWall, StudioController, list[str]]]:
    now = time.time()
    source = studio_of_twelve(now)
    wall = StudioWall()
    qtbot.addWidget(wall)
    opened: list[str] = []
    controller = StudioController(source, wall, DIRECT, opened.append)
    wall.show()
    controller.start()
    yield source, wall, controller, opened
    controller.close()


def test_what_the_source_knows_is_on_the_wall_at_once(
    studio: tuple[MemoryStudio, StudioWall, StudioController, list[str]],
) -> None:
    _source, wall, _controller, _opened = studio
    assert len(wall.tiles()) == 12
    assert wall.order[0] == "E5 数码 Tech"  # silent for two minutes: the first thing a supervisor must see


def test_a_change_heard_on_the_source_thread_reaches_the_tile(
    qtbot: QtBot, studio: tuple[MemoryStudio, StudioWall, StudioController, list[str]]
) -> None:
    source, wall, _controller, _opened = studio
    now = time.time()
    status = next(s for s in source.rooms() if s.room == "D4 家居 Home")
    from dataclasses import replace

    source.publish(replace(status, at=now, heartbeat=now, on_air=True, on_air_since=now - 5, viewers=77))
    tile = wall.tile("D4 家居 Home")
    assert tile is not None
    qtbot.waitUntil(lambda: tile.text("tally") == "ON AIR")
    assert tile.text("viewers") == "77 viewers"


def test_pictures_are_asked_off_the_gui_thread_and_shown_with_their_age(
    qtbot: QtBot, studio: tuple[MemoryStudio, StudioWall, StudioController, list[str]]
) -> None:
    source, wall, _controller, _opened = studio
    old, none, fresh = wall.tile(OLD_PICTURE), wall.tile(NO_PICTURE), wall.tile("A1 美妆 Beauty")
    assert old is not None and none is not None and fresh is not None
    qtbot.waitUntil(lambda: old.text("picture").startswith("last picture "))
    # Older than 30 s: greyed, with the time it was taken; how long ago on hover.
    assert old.picture_old and old._taken is not None
    assert old.text("picture") == f"last picture {st.clock_time(old._taken)}"
    box = old.rect_of("picture")
    assert "2 min ago" in old.tooltip_at(box.center().x(), box.center().y())
    assert fresh.text("picture") == "" and not fresh.picture_old  # a live picture says nothing of itself
    assert none.text("picture") == "no picture"
    assert "studio-pictures" in source.thumbnail_threads


def test_a_source_problem_puts_the_banner_up_and_greys_the_tiles(
    qtbot: QtBot, studio: tuple[MemoryStudio, StudioWall, StudioController, list[str]]
) -> None:
    source, wall, _controller, _opened = studio
    source.fail(StudioProblem.DATABASE_UNREACHABLE, "connection refused")
    qtbot.waitUntil(wall.banner.isVisible)
    assert wall.banner.text().startswith("database unreachable — showing what was last known, ")
    assert "connection refused" in wall.banner.text()
    assert all(tile.stale for tile in wall.tiles())
    source.fail(StudioProblem.NONE)
    qtbot.waitUntil(lambda: not wall.banner.isVisible())
    assert not any(tile.stale for tile in wall.tiles())


def test_a_tile_clicked_goes_to_whoever_opens_rooms(
    qtbot: QtBot, studio: tuple[MemoryStudio, StudioWall, StudioController, list[str]]
) -> None:
    _source, wall, _controller, opened = studio
    tile = wall.tile("J10 宠物 Pets")
    assert tile is not None
    QTest.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert opened == ["J10 宠物 Pets"]


def test_once_the_controller_closes_nothing_reaches_the_wall_and_the_source_is_closed(
    studio: tuple[MemoryStudio, StudioWall, StudioController, list[str]],
) -> None:
    """The source stops on a thread of its own (a direct wall's rooms take seconds with a frozen OBS), but from the
    moment the wall is closed it shows nothing more, and the source is closed once that thread is done."""
    source, wall, controller, _opened = studio
    tile = wall.tile("A1 美妆 Beauty")
    assert tile is not None and tile.status.viewers == 3280
    controller.close()
    source.publish(replace(tile.status, viewers=9999, heartbeat=time.time()))
    assert studio_controller.wait_for_closing(10)
    assert source.closed and controller.source_closed.is_set()
    QCoreApplication.sendPostedEvents()  # the source's thread has ended: whatever it emitted is delivered now
    assert tile.status.viewers == 3280 and tile.text("viewers") == "3,280 viewers"


#: The room of mixed_rooms whose console has gone quiet (a refresher leaves it alone).
QUIET = "E5 数码 Tech"


def a_second_later(status: RoomStatus, now: float, step: int) -> RoomStatus:
    """What a reporting console says a second later: alive, its viewers moving, a point of history every 30 s."""
    viewers = None if status.viewers is None else max(0, status.viewers + (step * 7919) % 21 - 10)
    history = status.viewers_history
    if viewers is not None and history and step % 30 == 0:
        history = (*history[1:], viewers)
    return replace(status, at=now, heartbeat=now, viewers=viewers, viewers_history=history)


def test_a_wall_started_before_it_is_shown_asks_for_pictures_as_it_appears(qtbot: QtBot) -> None:
    """`onair studio` and View ▸ Studio start the controller, then show the wall: its pictures were asked only by
    the 5 s timer (hidden walls ask nothing), so every tile said "no picture" first although the room had one."""
    source = studio_of_twelve(time.time())
    wall = StudioWall()
    qtbot.addWidget(wall)
    controller = StudioController(source, wall, DIRECT, lambda _room: None)
    try:
        controller.start()
        controller.pictures.stop()  # the periodic refresh is not what is looked at here: the first picture is
        fresh = wall.tile("A1 美妆 Beauty")
        assert fresh is not None and fresh.text("picture") == "no picture"
        wall.show()
        qtbot.waitUntil(lambda: fresh.text("picture") == "")  # a live picture says nothing of itself
        assert "studio-pictures" in source.thumbnail_threads
    finally:
        controller.close()


def test_rooms_the_search_had_hidden_come_back_with_their_newest_picture(
    qtbot: QtBot, studio: tuple[MemoryStudio, StudioWall, StudioController, list[str]]
) -> None:
    """Pictures are asked only for the tiles shown: after a search, the rooms it had hidden came back with the
    picture of before the search ("last picture 14:02:33") until the timer's next turn, though a new one was there."""
    source, wall, controller, _opened = studio
    old = wall.tile(OLD_PICTURE)
    assert old is not None
    qtbot.waitUntil(lambda: old.text("picture").startswith("last picture "))
    controller.pictures.stop()  # the periodic refresh is not what is looked at here
    wall.search.setText("A1")
    assert [tile.room for tile in wall.tiles()] == ["A1 美妆 Beauty"]
    source.set_picture(OLD_PICTURE, time.time(), jpeg("H8", 200))  # the room publishes a new picture meanwhile
    wall.search.setText("")
    qtbot.waitUntil(lambda: old.text("picture") == "")  # a live picture says nothing of itself


def test_a_room_first_heard_after_the_wall_appeared_gets_its_picture_at_once(qtbot: QtBot) -> None:
    """`onair studio` shows its wall before its reader has connected to the database: the rooms arrive a moment
    later, and their pictures only at the timer's next turn — every tile said "no picture" for the first seconds."""
    now = time.time()
    source = MemoryStudio()
    wall = StudioWall()
    qtbot.addWidget(wall)
    controller = StudioController(source, wall, DIRECT, lambda _room: None)
    try:
        wall.show()
        controller.start()
        controller.pictures.stop()  # the periodic refresh is not what is looked at here: the first picture is
        status = next(s for s in mixed_rooms(now) if s.room == "A1 美妆 Beauty")
        source.set_picture(status.room, now - 3, jpeg("A1", 0))
        source.publish(status)
        qtbot.waitUntil(lambda: (tile := wall.tile(status.room)) is not None and tile.text("picture") == "")
    finally:
        controller.close()
