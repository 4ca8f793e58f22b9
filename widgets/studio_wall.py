"""StudioWall: every room of a studio at a glance — a tile per room (widgets/studio_tile.py) in a grid that reflows
with the window, sorted by trouble first, with a search box for a big studio, a "TV" size and fit-to-window for a
screen across the room (F11: full screen), and a banner across it when the source itself is in trouble.

It only shows RoomStatus values it is given (console/studio_controller.py feeds it from a StudioSource). Sources
forward changes only, so silence is the wall's own finding: a one-second timer asks each tile whether its console's
heartbeat is older than SILENT_AFTER_S. The order moves only when a room's trouble rank changes, and a room that
got better waits SETTLE_S before it moves down, so a flapping room does not make the wall jump every second."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.core.dbtrouble import DatabaseTrouble
from console.core.studio.status import Light, ProblemDetail, RoomStatus, StudioProblem, trouble_key
from widgets import screen_fit
from widgets import studio_text as st
from widgets.studio_tile import ASPECT, StudioTile

#: A room that got better moves down the wall only once its better rank has held this long.
SETTLE_S = 10.0
GAP = 10
#: The narrowest tile per size (the "fit" size takes the largest tiles that show every room without scrolling).
SIZES = {"normal": 300, "tv": 520, "fit": 0}
FIT_SMALLEST = 200


class _Grid(QWidget):
    """The tiles' container inside the scroll area: places the shown tiles row by row at one width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: list[StudioTile] = []
        self.tile_width = SIZES["normal"]

    def place(self, tiles: list[StudioTile], width: int, tile_width: int, stretch: bool = True) -> None:
        self.tiles = tiles
        columns = max(1, (width - GAP) // (tile_width + GAP))
        # Fill the row: tiles grow to share the width, but not beyond half again their size (one room stays a tile).
        # Not when the width was fitted to the height (Fit every room): a wider tile is a taller one, and the last
        # rows would fall off the screen.
        stretched = (width - GAP * (columns + 1)) // columns
        fill = stretch and len(tiles) >= columns
        tile_w = max(120, min(stretched, round(tile_width * 1.5))) if fill else tile_width
        tile_h = round(tile_w * ASPECT)
        for index, tile in enumerate(tiles):
            row, column = divmod(index, columns)
            tile.setGeometry(QRect(GAP + column * (tile_w + GAP), GAP + row * (tile_h + GAP), tile_w, tile_h))
            tile.show()
        rows = (len(tiles) + columns - 1) // columns
        self.setMinimumHeight(GAP + rows * (tile_h + GAP))
        self.columns = columns


class StudioWall(QWidget):
    """The wall. `set_statuses` (any subset, new rooms appear), `set_problem` (the source's), `set_picture`;
    `clock` is the wall's "now" (wall-clock seconds, injectable for tests). sig_room_opened(room) on a click or
    Enter on a tile."""

    sig_room_opened = Signal(str)

    def __init__(
        self,
        clock: Callable[[], float] = time.time,
        title: str | Callable[[], str] = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("studio_wall")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        # Tooltips (a tile's whole text, a silent tile's last figures, the driver's words on the banner) in the
        # wall's own light-on-dark, readable on any desktop's palette.
        self.setStyleSheet(
            f"QWidget#studio_wall {{ background: {st.BACKGROUND}; }}"
            f"QToolTip {{ color: {st.TEXT}; background: #2c2c2e; border: 1px solid {st.GREY}; font-weight: 400; }}"
        )
        self.clock = clock
        #: Words after "Studio" in the title bar; a callable is asked again on each language switch (the wall may
        #: outlive the language it was opened in: the console's own wall stays open through a switch).
        self._subtitle = title
        self._tiles: dict[str, StudioTile] = {}
        self._order: list[str] = []
        #: room -> (rank it is sorted by, since when a better rank has held; None: none pending)
        self._ranks: dict[str, tuple[tuple[int, int], float | None]] = {}
        self._problem = StudioProblem.NONE
        self._problem_detail: ProblemDetail = ""
        self._problem_since = 0.0
        self._size = "normal"
        self.title = QLabel()
        self.summary = QLabel()
        self._style_header()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(260)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.size_box = QComboBox()
        # Its items are said again on a language switch: sized to them each time ("Large tiles (T" was cut).
        self.size_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.size_box.currentIndexChanged.connect(self._on_size_box_changed)
        self.full_button = QToolButton()
        self.full_button.clicked.connect(self.toggle_full_screen)
        top = QHBoxLayout()
        top.setContentsMargins(GAP, 6, GAP, 0)
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        top.addWidget(self.search)
        top.addWidget(self.size_box)
        top.addWidget(self.full_button)
        self.banner = QLabel()
        self.banner.setObjectName("studio_banner")
        self.banner.setWordWrap(True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet(
            "QLabel#studio_banner { background: #b3261e; color: white; font-size: 16px; font-weight: 700;"
            " padding: 8px; }"
        )
        self.banner.setVisible(False)
        #: A line for what a tile's opening found (shared mode: "no live show to review").
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"color: {st.TEXT}; background: #2c2c2e; font-size: 14px; padding: 4px 10px;")
        self.notice.setVisible(False)
        self.grid = _Grid()
        self.grid.setStyleSheet(f"background: {st.BACKGROUND};")
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setWidget(self.grid)
        self.area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.area.setStyleSheet(f"QScrollArea {{ background: {st.BACKGROUND}; }}")
        self.area.viewport().installEventFilter(self)
        self.empty = QLabel(self.grid)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {st.DIM}; font-size: 18px;")
        self.empty.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.notice)
        layout.addWidget(self.area, 1)
        self._full_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F11), self)
        self._full_shortcut.activated.connect(self.toggle_full_screen)
        self._find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        self._find_shortcut.activated.connect(self.search.setFocus)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.retranslate()
        self.resize(1280, 760)
        self._fitted = False

    # ------------------------------------------------------------------ words
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Studio — OnAir Console"))
        subtitle = self._subtitle() if callable(self._subtitle) else self._subtitle
        self.title.setText(self.tr("Studio") + (f" · {subtitle}" if subtitle else ""))
        self.search.setPlaceholderText(self.tr("Find a room…"))
        self.search.setToolTip(self.tr("Show only the rooms whose name contains this (Ctrl+F)"))
        current = self._size
        self.size_box.blockSignals(True)
        self.size_box.clear()
        self.size_box.addItem(self.tr("Normal tiles"), "normal")
        self.size_box.addItem(self.tr("Large tiles (TV)"), "tv")
        self.size_box.addItem(self.tr("Fit every room"), "fit")
        self.size_box.setCurrentIndex(max(0, self.size_box.findData(current)))
        self.size_box.blockSignals(False)
        self.full_button.setText(self.tr("Full screen"))
        self.full_button.setToolTip(self.tr("Full screen on this monitor (F11; Esc leaves it)"))
        self.empty.setText(self.tr("No room has reported yet."))
        self._show_summary()
        self._show_banner()
        for tile in self._tiles.values():
            tile.set_now(self.clock())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # its first size is for a desktop screen: a laptop's is smaller (walk12: 30 px below)
            self._fitted = True
            screen_fit.fit_to_screen(self)
            QTimer.singleShot(0, self, partial(screen_fit.fit_to_screen, self))  # once the window manager framed it

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # ------------------------------------------------------------------ what it is given
    def set_statuses(self, statuses: Iterable[RoomStatus]) -> None:
        now = self.clock()
        added = False
        for status in statuses:
            tile = self._tiles.get(status.room)
            if tile is None:
                tile = StudioTile(status, now, self.grid)
                tile.set_stale(self._problem != StudioProblem.NONE, self._problem_since)
                tile.sig_opened.connect(self.sig_room_opened)
                self._tiles[status.room] = tile
                added = True
            else:
                tile.set_status(status)
        self._sort(now, force=added)
        self._show_summary()

    def set_problem(self, problem: StudioProblem, detail: ProblemDetail = "") -> None:
        """The source's own trouble: a banner across the wall; the tiles keep their last state, greyed. A database
        failure's cause is said in the reader's language; the driver's own words are the banner's tooltip."""
        if problem != self._problem:
            self._problem_since = self.clock()
        self._problem, self._problem_detail = problem, detail
        stale = problem != StudioProblem.NONE
        for tile in self._tiles.values():
            tile.set_stale(stale, self._problem_since)
        self._show_banner()

    def set_picture(self, room: str, image: QImage | None, taken: float | None) -> bool:
        """Give a room's tile its picture; False if the wall has no tile for the room (yet)."""
        tile = self._tiles.get(room)
        if tile is None:
            return False
        tile.set_picture(image, taken)
        return True

    # ------------------------------------------------------------------ the second
    @Slot()
    def tick(self) -> None:
        """Once a second: time on air, "… ago", silence; the order if a room's rank changed."""
        now = self.clock()
        for tile in self._tiles.values():
            tile.set_now(now)
        self._sort(now)
        self._show_summary()
        if self._problem != StudioProblem.NONE:
            self._show_banner()

    def _sort(self, now: float, force: bool = False) -> None:
        for room, tile in self._tiles.items():
            rank = self._rank(tile, now)
            held, since = self._ranks.get(room, (rank, None))
            if rank[0] <= held[0] or room not in self._ranks:
                self._ranks[room] = (rank, None)  # worse (or first seen): at once
            elif now - (now if since is None else since) >= SETTLE_S:
                self._ranks[room] = (rank, None)
            else:
                # Better: wait and see. Going on or off air is no trouble easing: it is said at once (a room that
                # had just stopped streaming sat among the on-air rooms, at the top of the wall, for 10 s).
                self._ranks[room] = ((held[0], rank[1]), now if since is None else since)
        order = sorted(self._tiles, key=lambda r: (self._ranks[r][0], r.casefold(), r))
        if force or order != self._order:
            self._order = order
            self._place()

    def _rank(self, tile: StudioTile, now: float) -> tuple[int, int]:
        if tile.stale:  # while the source is away nobody knows who is in trouble: keep the order as it was
            return self._ranks.get(tile.room, ((3, 1), None))[0]
        key = trouble_key(tile.status, now)
        return (key[0], key[1])

    # ------------------------------------------------------------------ layout
    def _place(self) -> None:
        needle = self.search.text().strip().casefold()
        shown = [self._tiles[r] for r in self._order if needle in r.casefold()]
        for tile in self._tiles.values():
            if tile not in shown:
                tile.hide()
        width = self.area.viewport().width()
        self.grid.place(shown, width, self._tile_width(len(shown)), stretch=self._size != "fit")
        for before, after in itertools.pairwise(shown):  # Tab walks the tiles in the wall's order
            QWidget.setTabOrder(before, after)
        if self._tiles and not shown:  # a search that matches no room says so, not an empty wall
            self.empty.setText(self.tr("No room's name contains “%1”.").replace("%1", self.search.text().strip()))
        elif not self._tiles:
            self.empty.setText(self.tr("No room has reported yet."))
        self.empty.setVisible(not shown)
        if not shown:
            self.empty.setGeometry(QRect(0, 0, width, max(120, self.area.viewport().height())))

    def _tile_width(self, count: int) -> int:
        if self._size != "fit" or count == 0:
            return SIZES[self._size] if self._size != "fit" else SIZES["normal"]
        viewport: QSize = self.area.viewport().size()
        best = FIT_SMALLEST
        for columns in range(1, count + 1):
            rows = (count + columns - 1) // columns
            by_width = (viewport.width() - GAP * (columns + 1)) // columns
            by_height = round(((viewport.height() - GAP * (rows + 1)) // rows) / ASPECT)
            best = max(best, min(by_width, by_height))
        return best

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.area.viewport() and event.type() == QEvent.Type.Resize:
            self._place()  # the viewport's new width: reflow (the window's own resize comes before its layout's)
        return super().eventFilter(watched, event)

    def _show_summary(self) -> None:
        tiles = list(self._tiles.values())
        on_air = sum(1 for t in tiles if t.status.on_air and not t.silent)
        trouble = sum(
            1
            for t in tiles
            if t.silent or t.status.obs_out_of_reach or t.status.worst() in (Light.CRITICAL, Light.WARNING)
        )
        rooms = (self.tr("%1 room") if len(tiles) == 1 else self.tr("%1 rooms")).replace("%1", str(len(tiles)))
        attention = (self.tr("%1 needs attention") if trouble == 1 else self.tr("%1 need attention")).replace(
            "%1", str(trouble)
        )
        text = self.tr("%1 · %2 on air · %3").replace("%2", str(on_air)).replace("%3", attention).replace("%1", rooms)
        if self.summary.text() != text:
            self.summary.setText(text)

    def _show_banner(self) -> None:
        if self._problem == StudioProblem.NONE:
            self.banner.setVisible(False)
            return
        since = st.ago(self.clock() - self._problem_since)
        if self._problem == StudioProblem.DATABASE_UNREACHABLE:
            text = self.tr("database unreachable — showing what was last known, %1").replace("%1", since)
        else:
            text = self.tr("the studio's source is in trouble — showing what was last known, %1").replace("%1", since)
        detail = self._problem_detail
        if isinstance(detail, DatabaseTrouble):
            text += "\n" + detail.message.in_language(QCoreApplication.translate)
            tip = self.tr("What the database driver said (for the technician): %1").replace("%1", detail.driver)
        else:
            text += f"\n{detail}" if detail else ""
            tip = ""
        self.banner.setText(text)
        if self.banner.toolTip() != tip:
            self.banner.setToolTip(tip)
        self.banner.setVisible(True)

    def say(self, text: str) -> None:
        """A line under the bar (what opening a room found); "" takes it away."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # ------------------------------------------------------------------ the user's choices
    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        self._place()

    @Slot(int)
    def _on_size_box_changed(self, _index: int) -> None:
        self._size = str(self.size_box.currentData() or "normal")
        self._style_header()
        self._place()

    def _style_header(self) -> None:
        """The wall's title and its summary ("3 rooms · 2 on air · 1 needs attention"), larger with TV tiles: read
        from across the room as the tiles are (it stayed 14 px beside them)."""
        title, summary = (30, 24) if self._size == "tv" else (18, 14)
        self.title.setStyleSheet(f"color: {st.TEXT}; font-size: {title}px; font-weight: 700;")
        self.summary.setStyleSheet(f"color: {st.DIM}; font-size: {summary}px;")

    def set_size(self, size: str) -> None:
        """ "normal", "tv" or "fit"."""
        self.size_box.setCurrentIndex(max(0, self.size_box.findData(size)))

    @Slot()
    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ reading it (tests, screenshots)
    def tiles(self) -> list[StudioTile]:
        """The tiles shown, in the wall's order."""
        return [t for t in (self._tiles[r] for r in self._order) if not t.isHidden()]

    def tile(self, room: str) -> StudioTile | None:
        return self._tiles.get(room)

    @property
    def order(self) -> list[str]:
        return list(self._order)

    @property
    def columns(self) -> int:
        return int(getattr(self.grid, "columns", 1))
