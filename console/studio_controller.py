"""StudioController: the studio wall's Qt adapter over a StudioSource (console/core/studio/status.py).

A source calls back on its own thread; the controller only files what it hears (the newest status per room, the
source's problem) and wakes the GUI thread with at most one queued signal in flight, as the OBS bridge's drain
does: 50 rooms at 1 Hz are one wake-up, not fifty. Pictures are asked of the source and decoded on a worker every
few seconds while the wall is shown, so neither a slow source nor a JPEG ever holds up the GUI thread.

Opening a room from its tile depends on where the rooms are: in direct mode (this process connects to every
OBS) the console switches its current room to it; in shared mode (the rooms publish to the studio's PostgreSQL)
the room's live show opens in a show review window, read from that database.

`open_direct` / `open_shared` import their sources lazily: direct mode's RoomSessions and shared mode's
PostgreSQL driver load only when a wall in that mode is opened."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from console.core.studio.status import Checklist, ProblemDetail, RoomStatus, StudioProblem, StudioSource
from console.core.worker import SerialWorker
from obs import oswords
from widgets.studio_wall import StudioWall

if TYPE_CHECKING:
    from console.bridge import ObsBridge
    from console.core.rooms import Room, Secrets
    from console.core.studio.direct import DirectStudio, Findings
    from console.review_controller import ReviewController

LOG = logging.getLogger(__name__)
#: Pictures are asked for this often (shared mode publishes one every 10 s; direct mode's are taken on demand).
PICTURE_EVERY_S = 5.0
#: A picture is kept at most this wide (a TV tile's picture box is about 300 px).
PICTURE_WIDTH = 480
CLOSE_WAIT_S = 3.0
DIRECT, SHARED = "direct", "shared"
#: Walls open now (a wall outlives the main window that opened it: a language switch rebuilds that window).
OPEN: list[StudioController] = []
#: Sources still being closed. A closed wall's source stops on a thread of its own: a direct wall's rooms each
#: join their driver (an OBS that stopped answering holds its room's stop for seconds), which must not freeze the
#: GUI thread. Not daemons, and the application's exit waits for them (`wait_for_closing`): no room's last
#: seconds are lost and no thread is left.
CLOSING: list[threading.Thread] = []
#: How long a wall opened again waits for the rooms of the one closed just before to stop (they are the same
#: rooms: two sessions of one room would write its show twice).
REOPEN_WAIT_S = 15.0


class StudioUnavailable(Exception):
    """The wall cannot be opened in that mode; the message says why, in the reader's language (`words` says it
    again in the language of the moment: the event log's line follows a language switch)."""

    def __init__(self, words: Callable[[], str]) -> None:
        super().__init__(words())
        self.words = words


class StudioController(QObject):
    """Feeds `wall` from `source`. `on_room_opened(room)` is what a tile's click does (see the module)."""

    sig_problem = Signal(str)  # something the user asked for could not be done, in words
    _sig_wake = Signal()
    _sig_pictures = Signal(object)  # list[(room, QImage | None, taken | None)]

    def __init__(
        self,
        source: StudioSource,
        wall: StudioWall,
        mode: str,
        on_room_opened: Callable[[str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.wall = wall
        self.mode = mode
        self.on_room_opened = on_room_opened
        self._lock = threading.Lock()
        self._pending: dict[str, RoomStatus] = {}
        self._problem: tuple[StudioProblem, ProblemDetail] | None = None
        self._woken = False
        self._taken: dict[str, float | None] = {}
        self._asking_pictures = False
        self._ask_again = False  # asked while a fetch was under way: ask once more when it is done
        self._closed = False
        #: The wall's `destroyed` closes this controller (`_keep`): undone by `close`.
        self._closes_with_wall = False
        #: Set once the source has closed (on the closing thread, after close() has returned).
        self.source_closed = threading.Event()
        self._worker = SerialWorker("studio-pictures")
        self._sig_wake.connect(self._on_wake, Qt.ConnectionType.QueuedConnection)
        self._sig_pictures.connect(self._on_pictures, Qt.ConnectionType.QueuedConnection)
        #: Called once when the controller closes (what the mode opened alongside: shared mode's review reader).
        self.closing: list[Callable[[], None]] = []
        wall.sig_room_opened.connect(self._on_wall_room_opened)
        self.pictures = QTimer(self)
        self.pictures.setInterval(round(PICTURE_EVERY_S * 1000))
        self.pictures.timeout.connect(self.ask_pictures)
        # Pictures are asked only while the wall is on screen, and a wall is started before it is shown: ask the
        # moment it appears, or every tile says "no picture" for the timer's first 5 s (and again after being
        # minimised) although the pictures are there.
        wall.installEventFilter(self)
        # Only the tiles shown are asked for: a room the search had hidden comes back with its picture of minutes
        # ago ("picture 4 min ago") until the next turn of the timer, unless asked for as the search changes.
        wall.search.textChanged.connect(self.ask_pictures)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.wall and event.type() == QEvent.Type.Show:
            self.ask_pictures()
        return False

    def start(self) -> None:
        """Subscribe, show what the source knows now, and start asking for pictures."""
        self.source.subscribe(self._heard_changed, self._heard_problem)
        self.wall.set_statuses(self.source.rooms())
        self.pictures.start()
        self.ask_pictures()

    # ------------------------------------------------------------------ on the source's thread
    def _heard_changed(self, statuses: list[RoomStatus]) -> None:
        if self._closed:  # the source is still stopping on its closing thread: nothing more for the wall
            return
        with self._lock:
            for status in statuses:
                self._pending[status.room] = status
            wake = not self._woken
            self._woken = True
        if wake:
            self._sig_wake.emit()

    def _heard_problem(self, problem: StudioProblem, detail: ProblemDetail) -> None:
        if self._closed:
            return
        with self._lock:
            self._problem = (problem, detail)
            wake = not self._woken
            self._woken = True
        if wake:
            self._sig_wake.emit()

    # ------------------------------------------------------------------ on the GUI thread
    @Slot()
    def _on_wake(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, {}
            problem, self._problem = self._problem, None
            self._woken = False
        if self._closed:
            return
        if problem is not None:
            self.wall.set_problem(*problem)
        if pending:
            self.wall.set_statuses(pending.values())
            # A room heard for the first time gets its picture now, not at the timer's next turn: a shared wall
            # hears its rooms only once its reader has connected, after the wall was shown and first asked.
            if any(room not in self._taken for room in pending):
                self.ask_pictures()

    @Slot()
    def ask_pictures(self) -> None:
        """Each room's newest picture, asked and decoded on the worker (only while the wall is on screen)."""
        if self._closed or not self.wall.isVisible():
            return
        if self._asking_pictures:
            self._ask_again = True
            return
        rooms = [tile.room for tile in self.wall.tiles()] or [s.room for s in self.source.rooms()]
        known = dict(self._taken)
        self._asking_pictures = True
        future = self._worker.submit(lambda: self._fetch_pictures(rooms, known))
        future.add_done_callback(lambda f: self._sig_pictures.emit(f.result() if f.exception() is None else []))

    def _fetch_pictures(self, rooms: list[str], known: dict[str, float | None]) -> list[Any]:
        found: list[tuple[str, QImage | None, float | None]] = []
        for room in rooms:
            try:
                picture = self.source.thumbnail(room)
            except Exception:  # a source's fault is its own problem to report; the wall keeps the last picture
                LOG.warning("studio: the picture of %r could not be read", room, exc_info=True)
                continue
            if picture is None:
                if room not in known:
                    found.append((room, None, None))
                continue
            taken, data = picture
            if known.get(room) == taken:
                continue  # same picture: only its age moves, which the tile knows
            image = QImage.fromData(data)
            if image.isNull():
                LOG.warning("studio: the picture of %r is not an image (%d bytes)", room, len(data))
                continue
            if image.width() > PICTURE_WIDTH:
                image = image.scaledToWidth(PICTURE_WIDTH, Qt.TransformationMode.SmoothTransformation)
            found.append((room, image, taken))
        return found

    @Slot(object)
    def _on_pictures(self, found: list[tuple[str, QImage | None, float | None]]) -> None:
        self._asking_pictures = False
        if self._closed:
            return
        for room, image, taken in found:
            # A picture asked for a room the source listed before the wall made its tile (the rooms arrive on the
            # source's thread, the tile on the next wake) is not counted as shown: that wake asks for it again.
            if self.wall.set_picture(room, image, taken):
                self._taken[room] = taken
        if self._ask_again:
            self._ask_again = False
            self.ask_pictures()

    # ------------------------------------------------------------------ a tile opened
    @Slot(str)
    def _on_wall_room_opened(self, room: str) -> None:
        if self.on_room_opened is not None:
            self.on_room_opened(room)

    def close(self) -> None:
        """Returns at once: the wall hears nothing more from now on, and the source stops on a closing thread
        (see CLOSING; `source_closed` is set when it has)."""
        if self._closed:
            return
        self._closed = True
        self.pictures.stop()
        if self._closes_with_wall:
            # The wall may be deleted after this controller (at the application's exit both go as the exit's handler
            # returns): its `destroyed` must not call back into a controller being torn down — PySide then reads
            # the receiver as NULL and the console crashed (SIGSEGV) at every quit with a wall open (walk22).
            self._closes_with_wall = False
            with contextlib.suppress(RuntimeError):  # the wall already deleted: nothing is connected any more
                self.wall.destroyed.disconnect(self.close)
        for hook in self.closing:  # on the GUI thread, before the source stops (a direct wall stops following)
            hook()
        if self in OPEN:
            OPEN.remove(self)
        thread = threading.Thread(target=self._close_source, name="studio-close", daemon=False)
        CLOSING[:] = [t for t in CLOSING if t.is_alive()] + [thread]
        thread.start()
        _wait_at_exit()

    def _close_source(self) -> None:
        try:
            self.source.close()
        except Exception:
            LOG.warning("studio: the source did not close cleanly", exc_info=True)
        self._worker.shutdown(CLOSE_WAIT_S)
        self.source_closed.set()


def wait_for_closing(timeout: float | None = None) -> bool:
    """Wait for every closed wall's source to have stopped (the application's exit; a wall opened again on the
    same rooms). True when none is left stopping."""
    deadline = None if timeout is None else time.monotonic() + timeout
    for thread in list(CLOSING):
        thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
    CLOSING[:] = [t for t in CLOSING if t.is_alive()]
    return not CLOSING


def still_stopping() -> bool:
    """A closed wall's rooms are still stopping (a frozen OBS holds its room's stop): a direct wall opened now would
    wait for them in `open_direct`; the window waits for them without holding the GUI thread instead."""
    CLOSING[:] = [t for t in CLOSING if t.is_alive()]
    return bool(CLOSING)


_EXIT_HOOKED: list[QCoreApplication] = []


def _wait_at_exit() -> None:
    """The application's exit closes the walls still open and waits for every source to stop (its rooms' last
    seconds written). Hooked once per application, on its aboutToQuit."""
    app = QCoreApplication.instance()
    if app is None or any(hooked is app for hooked in _EXIT_HOOKED):
        return
    _EXIT_HOOKED.append(app)
    app.aboutToQuit.connect(_on_about_to_quit)


def _on_about_to_quit() -> None:
    for controller in list(OPEN):
        controller.close()
    if not wait_for_closing(REOPEN_WAIT_S + 30):
        LOG.warning("studio: a wall's rooms did not stop in time: %s", [t.name for t in CLOSING])


# ---------------------------------------------------------------------- opening a wall
def _wall_window(subtitle: Callable[[], str]) -> StudioWall:
    wall = StudioWall(title=subtitle)
    wall.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return wall


def _keep(controller: StudioController) -> StudioController:
    OPEN.append(controller)
    _wait_at_exit()
    controller.wall.destroyed.connect(controller.close)
    controller._closes_with_wall = True
    return controller


def open_direct(
    rooms: Sequence[Room],
    secrets: Secrets,
    open_storage: Callable[[], Any] | None,
    switch_room: Callable[[str], None],
    bridge: ObsBridge | None = None,
    checklist: Callable[[], Checklist | None] | None = None,
    alerts: Findings | None = None,
) -> StudioController:
    """A wall over `rooms`, each connected from this process (DirectStudio); a tile switches the console to its
    room. The console's own room (`bridge`'s session) is not connected twice: its tile is the console's session,
    followed as the console changes rooms. Each room run here hands its findings to `alerts` (the console's
    AlertsController.room_findings, on the room's thread); the console's own room is alerted by the console.
    Raises StudioUnavailable when there is no room."""
    if not rooms:
        raise StudioUnavailable(
            lambda: QCoreApplication.translate(
                "StudioController", "There is no saved room to show: add rooms under Connection ▸ Rooms… first."
            )
        )
    from console.core.studio.direct import DirectStudio

    # The wall closed just before may still be stopping these same rooms (a frozen OBS holds a stop for
    # seconds): a room run twice would write its show twice. Only a wall reopened within seconds waits here.
    if not wait_for_closing(REOPEN_WAIT_S):
        LOG.warning("studio: the rooms of the wall closed before have not all stopped yet")
    own = [] if bridge is None or bridge.session is None else [bridge.session.name]
    try:
        # The console's own room starts adopted, never connected a second time (its show would be written twice).
        source = DirectStudio(rooms, secrets, open_storage, skip=own, findings=alerts)
        if bridge is not None:
            source.adopt(bridge.session, checklist)
    except Exception as exc:
        LOG.warning("studio: direct mode could not start", exc_info=True)
        reason = oswords.reason(exc)  # a system error in words
        raise StudioUnavailable(
            lambda: QCoreApplication.translate("StudioController", "The rooms cannot be watched: %1").replace(
                "%1", reason.in_language(QCoreApplication.translate)
            )
        ) from exc
    wall = _wall_window(lambda: QCoreApplication.translate("StudioController", "this computer's rooms"))
    controller = _keep(StudioController(source, wall, DIRECT, _ConsoleWindowCall(switch_room, bridge)))
    if bridge is not None:
        follow = _Follow(bridge, source, checklist)
        controller.closing.append(follow.stop)
    controller.start()
    return controller


class _ConsoleWindowCall:
    """A direct wall's tile asks the console's window to switch rooms (`switch_room`, a window's method). The
    console rebuilds its window on a language switch while the wall stays open: the tile's call goes to the window
    the console shows now (the one on the same bridge), never to the one it hid and deleted."""

    def __init__(self, switch_room: Callable[[str], None], bridge: ObsBridge | None) -> None:
        self.switch_room, self.bridge = switch_room, bridge

    def __call__(self, room: str) -> None:
        call = self.switch_room
        owner = getattr(call, "__self__", None)
        if isinstance(owner, QWidget):
            window = self._window_now(owner)
            if window is None:
                LOG.warning("studio: the console's window is gone; the tile of %r switches nothing", room)
                return
            call = getattr(window, call.__name__)
        call(room)

    def _window_now(self, owner: QWidget) -> QWidget | None:
        alive = shiboken6.isValid(owner)
        if alive and owner.isVisible():
            return owner
        for widget in QApplication.topLevelWidgets():
            if (
                type(widget) is type(owner)
                and widget is not owner
                and widget.isVisible()
                and (self.bridge is None or getattr(widget, "bridge", None) is self.bridge)
            ):
                return widget
        return owner if alive else None


class _Follow(QObject):
    """Keeps a direct wall's tile of the console's own room on the console's session as it changes room."""

    def __init__(
        self, bridge: ObsBridge, source: DirectStudio, checklist: Callable[[], Checklist | None] | None
    ) -> None:
        super().__init__(bridge)
        self.bridge, self.source, self.checklist = bridge, source, checklist
        bridge.sig_session_changed.connect(self._follow)
        bridge.sig_room_changed.connect(self._follow)

    @Slot()
    def _follow(self) -> None:
        self.source.adopt(self.bridge.session, self.checklist)

    def stop(self) -> None:
        self.bridge.sig_session_changed.disconnect(self._follow)
        self.bridge.sig_room_changed.disconnect(self._follow)
        self.deleteLater()


def open_shared(url: str, review: ReviewController | None = None) -> StudioController:
    """A wall over what the studio's rooms publish to the PostgreSQL at `url` (SharedStudio); a tile opens its
    room's live show review, read from that database. Raises StudioUnavailable when shared mode is not built in."""
    from console.core.studio import shared

    try:
        source = shared.SharedStudio(url)
    except Exception as exc:  # a wrong address or a server away: a sentence, never a traceback
        LOG.warning("studio: shared mode could not start", exc_info=True)
        failure = exc
        raise StudioUnavailable(
            lambda: QCoreApplication.translate("StudioController", "The studio's database cannot be used: %1").replace(
                "%1", _in_words(failure)
            )
        ) from exc
    wall = _wall_window(lambda: QCoreApplication.translate("StudioController", "shared"))
    opener = LiveShowOpener(url, wall, review)
    controller = _keep(StudioController(source, wall, SHARED, opener.open))
    opener.setParent(controller)
    controller.closing.append(opener.close)
    controller.start()
    return controller


def _in_words(exc: BaseException) -> str:
    """Why shared mode cannot start, in the reader's language: an address refused in words (SharedModeError,
    said in the "Studio" context), else the database failure's cause (console/core/dbtrouble.py)."""
    from console.core.dbtrouble import classify
    from obs.errors import Explained

    if isinstance(exc, Explained):
        return exc.explain(QCoreApplication.translate("Studio", exc.template))
    return classify(exc).message.in_language(QCoreApplication.translate)


class LiveShowOpener(QObject):
    """Shared mode's tile: the room's newest show, opened in a show review window if it is live; else the wall
    says there is none (a room that has not gone live yet has nothing to review)."""

    def __init__(self, url: str, wall: StudioWall, review: ReviewController | None = None) -> None:
        super().__init__()
        self.wall = wall
        self._own_review = review is None
        if review is None:
            from console.review_controller import ReviewController

            review = ReviewController(url, parent=self)
        self.review = review
        self.windows: list[Any] = []

    def open(self, room: str) -> None:
        from console.core.review.shows import ShowQuery

        self.wall.say(
            QCoreApplication.translate("StudioController", "Looking for the live show of “%1”…").replace("%1", room)
        )
        query = ShowQuery(room=room, sort="start", descending=True, limit=1)
        self.review.browse(query, lambda page, error: self._found(room, page, error))

    def _found(self, room: str, page: Any, error: BaseException | None) -> None:
        if error is not None:
            from widgets.review_port import describe

            self.wall.say(
                QCoreApplication.translate("StudioController", "The show of “%1” cannot be read: %2")
                .replace("%1", room)
                .replace("%2", describe(error))
            )
            return
        live = [show for show in page.shows if show.live]
        if not live:
            self.wall.say(
                QCoreApplication.translate("StudioController", "“%1” has no live show to review.").replace("%1", room)
            )
            return
        window = self.review.show_window(live[0].id)
        if window is None:
            self.wall.say(
                QCoreApplication.translate("StudioController", "This console is built without the show review.")
            )
            return
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        window.raise_()
        self.windows.append(window)
        self.wall.say("")

    def close(self) -> None:
        if self._own_review:
            self.review.shutdown()


# ---------------------------------------------------------------------- which mode, and `onair studio`
def is_postgresql(url: str | None) -> bool:
    """Shared mode needs the studio's PostgreSQL (LISTEN/NOTIFY); SQLite is one computer's file."""
    if not url:
        return False
    scheme = url.split(":", 1)[0].lower()
    return scheme.split("+", 1)[0] in ("postgresql", "postgres")


def studio_url(given: str | None) -> str | None:
    """The studio's database for `onair studio`: --database, else $ONAIR_DATABASE_URL (where the console's own
    storage is configured: there is no database key in settings.ini)."""
    return given or os.environ.get("ONAIR_DATABASE_URL") or None


def run_studio(url: str | None, language: str | None) -> int:
    """`onair studio`: the wall in a window of its own, in shared mode. 2 (with a sentence on stderr) when no
    PostgreSQL is given, when there is no display, or when shared mode cannot start."""
    from console.app import has_display
    from console.i18n import install_translator, system_language
    from console.lifecycle import QuitSignals

    language = language or system_language()
    if not is_postgresql(url) or not has_display():
        # A QCoreApplication needs no display, so even this message is in the user's language.
        core = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
        install_translator(core, language)
        if not is_postgresql(url):
            problem = QCoreApplication.translate(
                "StudioController",
                "the studio wall reads what every room publishes to the studio's PostgreSQL: give its address with "
                "--database postgresql+psycopg://user@host/onair or $ONAIR_DATABASE_URL (SQLite is one computer's "
                "file; View ▸ Studio in the console shows this computer's own rooms).",
            )
        else:
            problem = QCoreApplication.translate(
                "StudioController", "no display found (DISPLAY/WAYLAND_DISPLAY unset): the studio wall is a window."
            )
        print(f"onair: {problem}", file=sys.stderr)
        return 2
    assert url is not None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translator(app, language)
    app.setApplicationName("OnAir Console")
    app.setOrganizationName("OnAir")
    try:
        controller = open_shared(url)
    except StudioUnavailable as exc:
        print(f"onair: {exc}", file=sys.stderr)
        return 2
    controller.wall.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, True)
    quit_signals = QuitSignals(lambda _signum: app.exit(0))
    controller.wall.show()
    try:
        app.exec()
    finally:
        quit_signals.uninstall()
        controller.close()
    return 0
