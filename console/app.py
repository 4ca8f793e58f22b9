"""The composition root: settings, language, the OBS endpoint (real or demo), the bridge and the window."""

from __future__ import annotations

import errno
import gc
import json
import logging
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QObject,
    QSize,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox

import console.qt_feature_hook  # noqa: F401  (first of the console's modules: the ~700 after it are checked cheaply)
from console.alerts_controller import AlertsController
from console.bridge import Endpoint, ObsBridge
from console.chat_controller import ChatController
from console.checklist_controller import ChecklistController
from console.core.alerts.platforms import Answer
from console.core.chat.config import ChatConfig, load_secrets, save_secrets
from console.core.rooms import (
    Room,
    RoomStore,
    RoomStoreError,
    Secrets,
    SecretsUnavailable,
    audience_source,
    validate,
)
from console.core.storage_use import hold_openings, release_openings
from console.core.telemetry.audience import DemoAudience, SourceState
from console.core.telemetry.audience_config import AudienceConfig
from console.core.telemetry.ring import import_numpy_in_background
from console.engage_controller import EngageController
from console.event_text import asks_unkept_password, describe_status, explain_failure
from console.i18n import (
    chinese_font_available,
    font_advice,
    install_translator,
    remove_translators,
    system_language,
)
from console.lifecycle import QuitSignals, ThreadFailures
from console.mainwindow import MainWindow
from console.review_controller import ReviewController
from console.rundown_controller import RundownController
from console.settings import Settings, config_dir
from console.studio_publish import StudioPublishing
from console.telemetry_controller import TelemetryController
from obs.client import probe
from obs.clock import MONOTONIC, Clock
from obs.errors import Explained, FailureKind
from obs.messages import LinkState
from obs.protocol import DEFAULT_PORT
from obs.text import Message
from widgets.graph_dock import restore_garbage_collection

if TYPE_CHECKING:  # loaded when first needed: the simulator for the demo room, the dialogs when opened
    from obs.simulator.server import SimulatorThread
    from widgets.alerts_dialog import AlertsDialog
    from widgets.audience_dialog import AudienceDialog
    from widgets.chat_sources_dialog import ChatSourcesDialog
    from widgets.rooms_dialog import RoomsDialog

LOG = logging.getLogger(__name__)
SCREENSHOT_TIMEOUT_S = 20.0
#: A picture (--screenshot) is of the window at this size, a first start's unmaximised size, whatever is saved and on
#: whichever screen: every dock of a workspace legible. Without a display the offscreen platform's one screen is made
#: this size (its own is 800×800, with 2 px frames: the window fitted to it came out 1162×796, then 796×796).
SCREENSHOT_SIZE = QSize(1440, 900)
#: numpy is imported this long after start-up, off the GUI thread (console/core/telemetry/ring.py): after the
#: window has populated, before the telemetry ring needs it.
NUMPY_IMPORT_AFTER_MS = 3000
#: The show's database opens once the window has painted the connected room, or this long after start-up at the
#: latest (an OBS that does not answer): the hold is put on in Console._build (storage_use.hold_openings) and lifted
#: by _ConnectedRoomPainted, this timer, a failed start or shutdown.
STORAGE_HOLD_MS = 2000


@dataclass
class Options:
    room: str | None = None
    url: str | None = None
    password_env: str | None = None
    demo: bool = False
    workspace: str | None = None
    lang: str | None = None
    screenshot: str | None = None
    wait: float = SCREENSHOT_TIMEOUT_S


translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal") calls


def _console_who() -> str:
    return translate("App", "Console")


def _studio_who() -> str:
    return translate("App", "Studio")


def explain(error: Explained, context: str = "Rooms") -> str:
    """A rooms/keyring/settings error in the user's language (a field that is itself an error, too)."""
    fields = {k: _said(v, context) for k, v in error.fields.items()}
    return translate(context, error.template).format(**fields)


def _said(field: object, context: str) -> object:
    """A field of an error, in the user's language when it is words (a nested error, a system error's cause)."""
    if isinstance(field, Explained):
        return explain(field, context)
    return field.in_language(translate) if isinstance(field, Message) else field


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic-garbage passes while the console starts (its imports, controllers and window: ~300 passes over
    a heap that only grows, 50–80 ms of the GUI thread's CPU before the first paint); what start-up built is then
    frozen out of later passes, and the collector is left as it was found (pyqtgraph's collector, once a graph is
    shown, keeps automatic collection off on purpose: widgets/graph_dock.py)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def parse_url(url: str) -> tuple[str, int]:
    """(host, port) of `--url`; a ValueError saying, in the reader's language, what is wrong with it. Python's own
    words for a bad port ("Port could not be cast to integer value as 'abc'") reached the terminal in English, and
    port 0 quietly became 4455."""
    parsed = urlparse(url if "://" in url else f"ws://{url}")
    if parsed.scheme not in ("ws", "wss") or not parsed.hostname:
        raise ValueError(
            translate(
                "App", "“%1” is not an obs-websocket address: write it as ws://HOST:PORT, e.g. ws://127.0.0.1:4455."
            ).replace("%1", url)
        )
    try:
        port = parsed.port
    except ValueError:  # not a number, or beyond 65535
        port = 0
    if port == 0:
        raise ValueError(
            translate("App", "The port in “%1” must be a number from 1 to 65535 (OBS's default is 4455).").replace(
                "%1", url
            )
        )
    return parsed.hostname, port or DEFAULT_PORT


def password_from_env(variable: str) -> str:
    """The OBS password `--password-env VARIABLE` names; a ValueError in the reader's language when that variable is
    not set (a typo in its name was an empty password, and OBS's refusal of it blamed the password)."""
    value = os.environ.get(variable)
    if value is None:
        raise ValueError(
            translate(
                "App",
                "the environment variable %1 is not set "
                "(--password-env names the variable that holds the OBS password)",
            ).replace("%1", variable)
        )
    return value


class _ConnectedRoomPainted(QObject):
    """Calls `then` once, after the window has handled its first update (its paint) while connected to OBS."""

    def __init__(self, window: MainWindow, bridge: ObsBridge, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._bridge = bridge
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The window's update request (or, where the platform sends none to the widget, its own paint, the first
        # of the window's widgets): the whole window is painted while it is handled.
        painting = event.type() in (QEvent.Type.UpdateRequest, QEvent.Type.Paint)
        if painting and self._bridge.state.connected:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # posted: runs once this update, the paint of the room, is handled
        return False


class Console:
    """Owns what the GUI process runs: rooms, the demo simulator (if any), the bridge and the main window."""

    def __init__(self, app: QApplication, options: Options, settings: Settings, clock: Clock = MONOTONIC) -> None:
        """`clock`: the room's seconds (obs/clock.py): the real clock for the user; a test's manual clock runs the
        console's room in compressed time."""
        with collector_paused():
            try:
                self._build(app, options, settings, clock)
            except BaseException:
                release_openings()  # a console that could not start (an unknown --room) holds no one's database
                raise

    def _build(self, app: QApplication, options: Options, settings: Settings, clock: Clock) -> None:
        self.app = app
        self.options = options
        self.settings = settings
        self.rooms = RoomStore(config_dir() / "rooms.json")
        self.secrets = Secrets()
        self.simulator: SimulatorThread | None = None
        self.thread_failures = ThreadFailures()
        self.rooms_dialog: RoomsDialog | None = None
        self.audience_dialog: AudienceDialog | None = None
        self.chat_sources_dialog: ChatSourcesDialog | None = None
        self.bridge = ObsBridge(
            connect_timeout=settings.get("obs/connect_timeout"),
            request_timeout=settings.get("obs/request_timeout"),
            poll_interval=settings.get("obs/poll_interval"),
            clock=clock,
        )
        # The databases open once the window has painted the connected room (or STORAGE_HOLD_MS after start-up):
        # the imports of SQLAlchemy and Alembic on the writer's and the workers' threads (50-160 ms of CPU) would
        # otherwise share the interpreter lock with the window being built and populated.
        hold_openings()
        self._storage_timer = QTimer()
        self._storage_timer.setSingleShot(True)
        self._storage_timer.timeout.connect(release_openings)
        self._storage_timer.start(STORAGE_HOLD_MS)
        # A picture's run (--screenshot) records nothing: it neither opens nor resumes the room's show (another
        # console may be recording it), saves no checklist run, deletes no old comments, publishes nothing to the
        # studio and alerts nobody. It looks, and leaves.
        self.records = options.screenshot is None
        self.telemetry = TelemetryController(
            self.bridge, settings.get("telemetry/target_bitrate_kbps"), store=self.records
        )
        # The checklist runs carry on through a window rebuilt for another language.
        self.checklists = ChecklistController(self.bridge, settings)
        self.checklists.records = self.records
        self.checklists.rooms = self.rooms  # a saved room's checklist names are kept with the room
        self.checklists.sig_room_requested.connect(self.switch_back_to_room)
        # The microphone chosen for the checklists is the one the audio health rules listen to (Room.microphones).
        self.checklists.sig_names_changed.connect(self._on_room_names_changed)
        # The review screens' storage questions, on a worker of their own (kept through a language switch too).
        self.review = ReviewController()
        # The room's rundown and the line for the host: the talent screen outlives a window rebuilt for another
        # language, so what it shows must too.
        self.rundown = RundownController(
            self.bridge, lambda: str(settings.get("checklists/operator")), self.telemetry.storage_url, settings=settings
        )
        # The room's comments (#20): its sources run through a language switch; old comments are deleted after
        # the retention period (at start-up, then daily, in the background).
        self.chat = ChatController(
            self.bridge,
            self.secrets,
            self.rooms.get,
            settings,
            self.telemetry.storage_url,
            retention=self.telemetry.store,
            language=lambda: self.language,
        )
        # Alerts to the team's chat (#21): the room's findings go out on the controller's sender thread.
        self.alerts = AlertsController(self.bridge, self.secrets, config_dir() / "alerts.json", sends=self.records)
        self.alerts_dialog: AlertsDialog | None = None
        # The room's Q&A queue and lottery (#20), kept with the show; outlives a window rebuilt for a language.
        self.engage = EngageController(
            self.bridge, self.chat, self.rundown, lambda: str(settings.get("checklists/operator")),
            self.telemetry.storage_url,
        )  # fmt: skip
        self.language = options.lang or settings.get("ui/language") or system_language()
        # The room on the studio's wall (#21): its status published while the shows are kept in PostgreSQL.
        self.studio = StudioPublishing(
            self.bridge,
            self.telemetry.storage_url,
            lambda: self.checklists.room_pre_show(),
            lambda: self.language,
            publishes=self.records,
        )
        self.studio.sig_problem.connect(self._on_studio_problem)
        self.translators = install_translator(app, self.language)
        self.window = self._make_window(demo=False)
        self._painted_watch = _ConnectedRoomPainted(self.window, self.bridge, release_openings)
        self.alerts.sig_problem.connect(self._on_alerts_problem)
        self.alerts.sig_undelivered.connect(self._on_alert_undelivered)
        if self.alerts.problem is not None:
            self._on_alerts_problem(self.alerts.problem, False)
        for problem in self.rooms.load_problems:
            self.window.log(_console_who, partial(explain, problem), "error")
        for settings_problem in settings.problems:
            self.window.log(_console_who, partial(explain, settings_problem, "Settings"), "error")
        if self.window.checklists.problems:  # each is listed, with file and line, in the Checklist dock
            count = str(len(self.window.checklists.problems))
            self.window.log(
                _console_who,
                lambda: translate(
                    "App", "Checklist files with problems: %1. The Checklist dock lists them with file and line."
                ).replace("%1", count),
                "warning",
            )
        self.thread_failures.sig_failed.connect(self._on_thread_failed)
        self._start()
        QTimer.singleShot(NUMPY_IMPORT_AFTER_MS, import_numpy_in_background)
        # What start-up built (modules, widgets, translations) lives as long as the console: collector_paused
        # freezes it out of the collector's full passes, which otherwise re-walk it all through a long show.

    def _make_window(self, demo: bool, first: bool = True) -> MainWindow:
        window = MainWindow(
            self.bridge,
            self.settings,
            demo=demo,
            language=self.language,
            telemetry=self.telemetry,
            checklists=self.checklists,
            review=self.review,
            rundown=self.rundown,
            chat=self.chat,
            engage=self.engage,
        )
        # A picture taken (--screenshot) has nobody to answer a dialog: a password is never asked for, the run ends
        # saying how to give it (take_screenshot).
        window.asks_for_passwords = not self.options.screenshot
        # A picture's window is laid out at the picture's size: it never writes over the layout the user's runs restore.
        window.keeps_layout = not self.options.screenshot
        window.set_language_checked(self.language)
        window.sig_language_requested.connect(self.switch_language)
        window.sig_rooms_requested.connect(self.show_rooms)
        window.sig_audience_requested.connect(self.show_audience)
        window.sig_chat_sources_requested.connect(self.show_chat_sources)
        window.sig_demo_requested.connect(self.open_demo)
        window.action_alerts.triggered.connect(self.show_alerts)
        window.sig_password_entered.connect(self.enter_password)
        # View ▸ Studio (#21): the wall's direct mode watches the saved rooms; a tile switches to its room.
        window.studio_rooms, window.studio_secrets = self.list_rooms, self.secrets
        window.studio_alerts = self.alerts  # a direct wall's rooms alert the team too
        window.sig_studio_room_requested.connect(self.switch_back_to_room)
        # --workspace picks the first window's layout; a window rebuilt later (a language switch) keeps the
        # layout the team arranged since, which the old window saved and the new one restored.
        if first and self.options.workspace:
            window.apply_workspace(self.options.workspace)
        if first:
            window.checklists.resume()  # a run left open when the console closed carries on
        if not chinese_font_available():
            advice = font_advice()
            LOG.warning("%s", advice)
            if first:  # said again in the new language by the log of a window rebuilt for it, not twice
                window.log(_console_who, font_advice, "warning")
            window.statusBar().showMessage(advice, 30000)
        return window

    # ------------------------------------------------------------------ choosing what to connect to
    def _start(self) -> None:
        """--url, --room, --demo; else the last room; else, on first start, an OBS on this computer; else demo."""
        options = self.options
        if options.url:
            host, port = parse_url(options.url)
            password = password_from_env(options.password_env) if options.password_env else ""
            self._switch(Endpoint(host, port, password), self._room_at(host, port), demo=False)
        elif options.room:
            if self.rooms.get(options.room) is None:
                raise ValueError(self._no_such_room(options.room))
            # --password-env: this session's password for a room whose password this computer does not keep (no
            # keyring) or is to be overridden; never saved.
            given = password_from_env(options.password_env) if options.password_env else None
            self.connect_room(options.room, ask=False, password=given)
        elif options.demo or options.screenshot:
            self.open_demo()
        elif self.rooms.last is not None:
            self.connect_room(self.rooms.last, ask=False)
        elif not self.rooms.rooms() and self._offer_local_obs():
            pass
        else:
            self.open_demo()

    def _no_such_room(self, name: str) -> str:
        """Why --room NAME cannot be used, one line each: first what was wrong with rooms.json (walk23b: a malformed
        file set aside was said only in the event log of a window that never opened), then the room missing, with
        the rooms there are. Never "none saved yet" of a file that could not be read (fix26j: it said so, then that
        the file could not be read)."""
        lines = [explain(problem) for problem in self.rooms.load_problems]
        names = ", ".join(r.name for r in self.rooms.rooms())
        if names:
            template = translate("App", "there is no room called “%1” (rooms: %2)")
        elif lines:
            template = translate("App", "there is no room called “%1”")
        else:
            template = translate("App", "there is no room called “%1” (rooms: none saved yet)")
        return "\n".join([*lines, template.replace("%1", name).replace("%2", names)])

    def _room_at(self, host: str, port: int) -> str:
        """An address given on the command line is a room too (its shows and checklist runs are kept under
        it): the saved room with that address, else the address itself."""
        for room in self.rooms.rooms():
            if (room.host, room.port) == (host, port):
                return room.name
        return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

    def _offer_local_obs(self) -> bool:
        hello = probe("127.0.0.1", DEFAULT_PORT)
        if hello is None:
            return False
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        answer = QMessageBox.question(
            None,
            translate("App", "OBS found"),
            translate(
                "App", "An OBS is running on this computer (127.0.0.1:4455). Connect to it instead of the demo room?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        password = ""
        if hello.authenticated:
            password, ok = QInputDialog.getText(
                None,
                translate("App", "OBS password"),
                translate("App", "Password (OBS: Tools → WebSocket Server Settings):"),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return False
        name = translate("App", "This computer")
        problem = self._save_room(Room(name, "127.0.0.1", DEFAULT_PORT), None, password)
        if problem is not None:
            self.window.log(_console_who, problem, "warning")
        if self.rooms.get(name) is None:  # could not be saved: connect for this session all the same
            self._switch(Endpoint("127.0.0.1", DEFAULT_PORT, password), name, demo=False)
            return True
        return self.connect_room(name, ask=False) is None

    def _switch(self, endpoint: Endpoint, room: str | None, demo: bool, password_not_kept: bool = False) -> None:
        """`password_not_kept`: a saved room with no password now because the system has no keyring to keep it in."""
        self.bridge.password_not_kept, self.bridge.password_asked = password_not_kept, False
        if not demo and self.simulator is not None:
            self.simulator.stop()
            self.simulator = None
        # The room's comment sources first: the new session takes them as it opens (its show stores them).
        self.chat.use_room(room, demo)
        self.bridge.connect_to(endpoint, room, demo)
        self.window.set_room(room, demo)
        self._use_mics(room)
        self._use_audience(room, demo)

    def _use_mics(self, room: str | None) -> None:
        """The room's microphone inputs for the audio health rules (Room.microphones: its setting, else the
        checklists' microphone; none: detected by kind and name)."""
        saved = self.rooms.get(room) if room else None
        self.telemetry.set_mics(saved.microphones if saved else ())

    def _on_room_names_changed(self, room: str) -> None:
        if self.window.room == room:
            self._use_mics(room)  # a microphone chosen in the Checklist dock is listened to at once

    def _use_audience(self, room: str | None, demo: bool) -> None:
        """The demo room's simulated audience, or the room's own source (if it has one that can run)."""
        if demo:
            self.telemetry.set_audience(DemoAudience())
            return
        source, problem = audience_source(self.rooms.get(room) if room else None, self.secrets)
        if problem is not None:
            message = problem.detail.message
            self.window.log(
                _console_who,
                lambda: translate("App", "The room's audience source cannot run: %1").replace(
                    "%1", message.in_language(translate)
                ),
                "error",
            )
        self.telemetry.set_audience(source)

    def open_demo(self) -> None:
        if self.simulator is None:
            from obs.simulator.server import SimulatorThread  # asyncio, websockets, Pillow: only for the demo

            self.simulator = SimulatorThread(password=secrets.token_urlsafe(12)).start()
        assert self.simulator.sim is not None
        self._switch(Endpoint("127.0.0.1", self.simulator.port, self.simulator.sim.password or ""), None, demo=True)

    def switch_back_to_room(self, room: str) -> None:
        """A checklist run of another room asked to go back to its own room."""
        if room == "demo":
            self.open_demo()
            return
        problem = self._connect_room_words(room, ask=False)
        if problem is not None:
            self.window.log(_console_who, problem, "error")

    def enter_password(self, password: str) -> None:
        """A password typed in the console: use it now, and remember it for the room if there is a keyring."""
        self.bridge.set_password(password)
        room = self.window.room
        if room is not None and self.rooms.get(room) is not None:
            try:
                self.secrets.set(room, password)
            except SecretsUnavailable as exc:
                self.window.log(_console_who, partial(explain, exc), "warning")

    # ------------------------------------------------------------------ RoomsController
    def list_rooms(self) -> list[Room]:
        return self.rooms.rooms()

    def save_room(self, room: Room, replacing: str | None, password: str | None) -> str | None:
        problem = self._save_room(room, replacing, password)
        return None if problem is None else problem()

    def _save_room(self, room: Room, replacing: str | None, password: str | None) -> Callable[[], str] | None:
        """`save_room`, its problem as a function saying it in the language of the moment (the event log says it
        again after a language switch)."""
        invalid = validate(room)
        if invalid:
            return partial(explain, invalid)
        try:
            self.rooms.put(room, replacing)
        except RoomStoreError as exc:
            return partial(explain, exc)
        if replacing and replacing != room.name:
            self.secrets.rename(replacing, room.name)
        if password is not None:
            try:
                self.secrets.set(room.name, password)
            except SecretsUnavailable as exc:
                self.window.log(_console_who, partial(explain, exc), "warning")
        if self.window.room in (room.name, replacing):
            self._use_mics(room.name)  # an edit of the room in use applies at once
        return None

    def delete_room(self, name: str) -> str | None:
        try:
            self.rooms.remove(name)
        except RoomStoreError as exc:
            return explain(exc)
        self.secrets.forget(name)
        return None

    def connect_room(self, name: str, ask: bool = True, password: str | None = None) -> str | None:
        """The Rooms dialog's Connect (`ask`: while another room is on air, only after the window's question; the
        wall's tile and a checklist's "back to its room" have asked already). `password`: given for this session
        (--password-env), else the keyring's."""
        problem = self._connect_room_words(name, ask, password)
        return None if problem is None else problem()

    def _connect_room_words(self, name: str, ask: bool = True, password: str | None = None) -> Callable[[], str] | None:
        """`connect_room`, its problem as a function saying it in the language of the moment."""
        room = self.rooms.get(name)
        if room is None:
            return lambda: translate("App", "There is no room called “%1”.").replace("%1", name)
        if ask and (name != self.window.room or self.window.demo):
            self.window.switch_room_asking(name, partial(self._connect_room, room))
        else:
            self._connect_room(room, password)
        return None

    def _connect_room(self, room: Room, given: str | None = None) -> None:
        try:
            if not self.options.screenshot:  # a picture of room B does not make B the room the console reopens
                self.rooms.set_last(room.name)
        except RoomStoreError as exc:
            self.window.log(_console_who, partial(explain, exc), "warning")
        password = self.secrets.get(room.name) if given is None else given
        not_kept = given is None and not password and not self.secrets.available()
        self._switch(Endpoint(room.host, room.port, password), room.name, demo=False, password_not_kept=not_kept)

    def keeps_passwords(self) -> bool:
        """Whether room passwords outlive this session (the system has a keyring): the Rooms dialog says which."""
        return self.secrets.available()

    def show_rooms(self) -> None:
        if self.rooms_dialog is None:
            from widgets.rooms_dialog import RoomsDialog

            self.rooms_dialog = RoomsDialog(self, self.window)
        self.rooms_dialog.refresh(select=self.window.room)
        self.rooms_dialog.show()
        self.rooms_dialog.raise_()

    # ------------------------------------------------------------------ AudienceController
    def show_audience(self) -> AudienceDialog:
        """The current room's audience source (a new dialog each time: the room may have changed)."""
        if self.audience_dialog is not None:
            self.audience_dialog.close()
            self.audience_dialog.deleteLater()
        saved = self.window.room if self.window.room and self.rooms.get(self.window.room) else None
        from widgets.audience_dialog import AudienceDialog

        self.audience_dialog = AudienceDialog(self, self.telemetry, saved, self.window.demo, self.window)
        self.audience_dialog.show()
        self.audience_dialog.raise_()
        return self.audience_dialog

    def audience_config(self, room: str) -> AudienceConfig:
        saved = self.rooms.get(room)
        return saved.audience if saved else AudienceConfig()

    def has_audience_secret(self, room: str) -> bool:
        return bool(self.secrets.get(room, "audience"))

    def save_audience(self, room: str, config: AudienceConfig, secret: str | None) -> str | None:
        saved = self.rooms.get(room)
        if saved is None:
            return translate("App", "There is no room called “%1”.").replace("%1", room)
        try:
            self.rooms.put(replace(saved, audience=config), room)
        except RoomStoreError as exc:
            return explain(exc)
        if secret is not None:
            try:
                self.secrets.set(room, secret, "audience")
            except SecretsUnavailable as exc:
                self.window.log(_console_who, partial(explain, exc), "warning")
        if self.window.room == room and not self.window.demo:
            self._use_audience(room, demo=False)
        return None

    # ------------------------------------------------------------------ ChatSourcesController (#20)
    def show_chat_sources(self) -> ChatSourcesDialog:
        """View ▸ Comment sources…: the current room's (a new dialog each time: the room may have changed)."""
        if self.chat_sources_dialog is not None:
            self.chat_sources_dialog.close()
            self.chat_sources_dialog.deleteLater()
        saved = self.window.room if self.window.room and self.rooms.get(self.window.room) else None
        from widgets.chat_sources_dialog import ChatSourcesDialog

        self.chat_sources_dialog = ChatSourcesDialog(self, saved, self.window)
        self.chat_sources_dialog.show()
        self.chat_sources_dialog.raise_()
        return self.chat_sources_dialog

    def chat_config(self, room: str) -> ChatConfig:
        saved = self.rooms.get(room)
        return saved.chat if saved else ChatConfig()

    def chat_secrets(self, room: str) -> dict[str, dict[str, str]]:
        return load_secrets(self.secrets, room)

    def chat_states(self) -> tuple[tuple[str, SourceState], ...]:
        return self.chat.sources

    def save_chat(self, room: str, config: ChatConfig, secrets: dict[str, dict[str, str]]) -> str | None:
        """The room's comment sources to rooms.json, their secrets to the keyring; the room in use restarts them."""
        saved = self.rooms.get(room)
        if saved is None:
            return translate("App", "There is no room called “%1”.").replace("%1", room)
        try:
            self.rooms.put(replace(saved, chat=config), room)
        except RoomStoreError as exc:
            return explain(exc)
        try:
            save_secrets(self.secrets, room, {source.id: secrets.get(source.id, {}) for source in config.sources})
        except SecretsUnavailable as exc:
            self.window.log(_console_who, partial(explain, exc), "warning")
        if self.window.room == room and not self.window.demo:
            self.chat.reload(room)
        return None

    # ------------------------------------------------------------------ alerts to the team's chat (#21)
    def show_alerts(self) -> AlertsDialog:
        """View ▸ Alerts…: the studio's alert destinations (one dialog, kept; it shows what is in use each time)."""
        if self.alerts_dialog is None:
            from widgets.alerts_dialog import AlertsDialog

            self.alerts_dialog = AlertsDialog(self.alerts, self.window)
            self.alerts.sig_tested.connect(self.alerts_dialog.show_answer)
        else:
            self.alerts_dialog.refresh()
        self.alerts_dialog.show()
        self.alerts_dialog.raise_()
        return self.alerts_dialog

    def _on_alert_undelivered(self, destination: str, answer: Answer) -> None:
        """A room's alert the destination did not take (no address, refused, given up): said, never silent."""

        def text() -> str:
            return (
                translate("App", "The alert to “%1” was not delivered: %2")
                .replace("%1", destination)
                .replace("%2", answer.words.in_language(translate))
            )

        self.window.log(lambda: translate("App", "Alerts"), text, "warning")

    def _on_alerts_problem(self, problem: Message, kept: bool) -> None:
        """A wrong alerts.json, said once in the event log and the status bar; the console runs on."""

        def text() -> str:
            template = (
                translate("App", "alerts.json cannot be used, so the alerts keep their last good settings: %1")
                if kept
                else translate("App", "alerts.json cannot be used, so no alerts are sent: %1")
            )
            return template.replace("%1", problem.in_language(translate))

        self.window.log(lambda: translate("App", "Alerts"), text, "error")
        self.window.statusBar().showMessage(text(), 30000)

    # ------------------------------------------------------------------ language, shutdown
    def switch_language(self, language: str) -> None:
        """Rebuild the window in the new language; the connection and the layout carry over."""
        if language == self.language:
            return
        self.settings.set("ui/language", language)
        remove_translators(self.app, self.translators)
        self.language = language
        self.translators = install_translator(self.app, language)
        old = self.window
        old.save_layout()
        old.disconnect_signals()  # the bridge and the telemetry carry on; the old window must not hear them
        self.window = self._make_window(old.demo, first=False)
        self.window.set_room(old.room, old.demo)
        # The link stays up, so no status change will come to tell the new status bar what it is.
        self.window.status.set_status(self.bridge.tracker.status)
        # The event log keeps its lines: generated ones are said again in the new language, typed ones as typed.
        self.window.event_log.replay(old.event_log.history())
        self.rooms_dialog = None
        self.audience_dialog = None
        self.chat_sources_dialog = None
        self.alerts_dialog = None
        self.window.show()
        if not old.isMaximized() and not old.isFullScreen():
            # Built hidden, the new window fitted itself to the screen less a guessed title bar; once shown it takes
            # the old window's exact place and size. (A maximised one is restored maximised from what the old one
            # saved, with the place it goes to when unmaximised: the old one's own geometry may have lost that place.)
            self.window.restoreGeometry(old.saveGeometry())
            self.window.setGeometry(old.geometry())  # restoreGeometry trims by its own guess of the frame
        old.hide()
        old.deleteLater()

    def _on_thread_failed(self, thread: str, error: str) -> None:
        self.window.log(
            _console_who,
            lambda: (
                translate("App", "A background task (%1) stopped on an unexpected error: %2")
                .replace("%1", thread)
                .replace("%2", error)
            ),
            "error",
        )

    def _on_studio_problem(self, problem: Explained | None) -> None:
        if problem is None:
            self.window.log(_studio_who, lambda: translate("App", "The room's status reaches the studio again."))
        else:
            self.window.log(_studio_who, partial(explain, problem, "Studio"), "error")

    def shutdown(self) -> None:
        self._storage_timer.stop()
        release_openings()  # what waits to be written opens the database and writes now
        self.thread_failures.uninstall()
        self.studio.close()
        self.checklists.shutdown()
        self.review.shutdown()
        self.rundown.shutdown()
        self.engage.shutdown()
        self.chat.shutdown()
        self.alerts.shutdown()
        self.telemetry.shutdown()
        restore_garbage_collection()  # the worker threads are gone: automatic collection is safe again
        remove_translators(self.app, self.translators)
        self.bridge.shutdown()
        if self.simulator is not None:
            self.simulator.stop()
            self.simulator = None


def picture_path_problem(path: str) -> str | None:
    """Why a picture cannot be written to `path`, in the reader's language (None: it can be tried). Asked before
    OBS is waited for: an unwritable path was found only after the wait, and the picture was said saved all the same."""
    from PySide6.QtGui import QImageWriter

    target = os.path.abspath(path)
    folder = os.path.dirname(target)
    suffix = os.path.splitext(target)[1].lstrip(".").lower()
    formats = {bytes(name.data()).decode().lower() for name in QImageWriter.supportedImageFormats()}
    if os.path.isdir(target):
        return (
            translate("App", "%1 is a folder: give the picture's file name, e.g. %2")
            .replace("%1", path)
            .replace("%2", os.path.join(path, "console.png"))
        )
    if suffix not in formats:
        return translate(
            "App", "“%1” does not end in a picture format the console can write: end it in .png or .jpg"
        ).replace("%1", path)
    if not os.path.isdir(folder):
        return translate("App", "the folder %1 does not exist").replace("%1", folder)
    existed = os.path.exists(target)
    try:  # tried, not judged from permission bits: root passes os.access everywhere, a read-only disk too
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644))
    except OSError as exc:
        if exc.errno == errno.EROFS:
            return translate("App", "%1 cannot be written: its disk is read-only").replace("%1", path)
        if exc.errno == errno.ENOSPC:
            return translate("App", "%1 cannot be written: its disk is full").replace("%1", path)
        if exc.errno in (errno.EACCES, errno.EPERM):
            return translate("App", "%1 cannot be written: this user may not write there").replace("%1", path)
        return translate("App", "the picture could not be written to %1").replace("%1", path)
    if not existed:
        os.unlink(target)  # only tried: a picture not taken leaves no empty file behind
    return None


def picture_failed(words: str) -> None:
    """A picture not taken, in one line on stderr: what failed and why (a one-shot run does not retry)."""
    print("onair: " + " ".join(words.split()), file=sys.stderr)  # one line, whatever the words' own line breaks


def no_picture(reason: str) -> str:
    return translate("App", "No picture taken: %1").replace("%1", reason)


def connection_failure(console: Console, path: str, wait: float) -> str:
    """Why OBS was not reached for a picture, without the reconnecting a console that stays would go on to (it
    said "reconnecting in 1 s" as it exited)."""
    status = console.bridge.tracker.status
    room = console.window.room or ""
    if console.bridge.password_not_kept and asks_unkept_password(status):
        # No keyring kept the room's password, and a picture asks nobody for it: how to give it instead.
        command = f'ONAIR_PW=… onair --room "{room}" --password-env ONAIR_PW --screenshot "{path}"'
        return no_picture(
            translate(
                "App",
                "the OBS password of room “%1” is not kept on this computer (the system has no keyring), and "
                "a picture cannot ask for it. Give it in an environment variable: %2",
            )
            .replace("%1", room)
            .replace("%2", command)
        )
    variable = console.options.password_env
    failure = status.failure
    if failure is not None and failure.kind is FailureKind.AUTH_REQUIRED:
        return no_picture(
            translate(
                "App", "OBS asks for a password and none was given. Give it in an environment variable: %1"
            ).replace("%1", "ONAIR_PW=… onair … --password-env ONAIR_PW")
        )
    if failure is not None and failure.kind is FailureKind.AUTH_FAILED and variable:
        return no_picture(
            translate(
                "App",
                "OBS refused the password in the environment variable %1. Copy it again from OBS (Tools → WebSocket "
                "Server Settings → Show Connect Info).",
            ).replace("%1", variable)
        )
    if status.state in (LinkState.AUTH_FAILED, LinkState.INCOMPATIBLE):
        # "Wrong password — …", "Incompatible OBS — …": what OBS answered, with no retry in it.
        return no_picture(describe_status(status, time.monotonic()))
    if failure is not None and failure.kind in (FailureKind.OBS_CLOSED, FailureKind.CONNECTION_LOST):
        # Their own words promise the reconnecting a picture's run does not do.
        said = translate("App", "OBS closed the connection before the picture could be taken")
    elif failure is not None:
        said = explain_failure(failure)
    else:
        said = translate("App", "OBS did not answer within %1 s").replace("%1", f"{wait:g}")
    return translate("App", "No picture taken: could not connect to OBS — %1").replace("%1", said)


def take_screenshot(console: Console, path: str, done: list[int], wait: float = SCREENSHOT_TIMEOUT_S) -> None:
    """Poll until the window is connected and populated, then save it; fail clearly if OBS never answers."""
    started = time.monotonic()
    window = console.window

    def populated() -> bool:
        state = console.bridge.state
        if not state.connected or not state.scenes:
            return False
        tiles = window.scenes.tiles.values()
        thumbs = all(tile.has_thumbnail for tile in tiles if not tile.visibleRegion().isEmpty())
        meters = not state.audio_inputs or console.bridge.tracker.meter_updates > 3
        return thumbs and meters and window.program.frames > 0

    def end(status: int) -> None:
        done.append(status)
        console.app.quit()

    problem = picture_path_problem(path)
    if problem is not None:  # said at once, not after waiting for OBS
        picture_failed(no_picture(problem))
        QTimer.singleShot(0, partial(end, 2))  # once the event loop runs: quit() before it does nothing
        return

    def check() -> None:
        elapsed = time.monotonic() - started
        status = console.bridge.tracker.status
        # Connected but a picture is slow to come (an overloaded OBS): take what there is after 12 s.
        if populated() or (console.bridge.state.connected and elapsed > min(12.0, wait)):
            if window.grab().save(path):
                print(translate("App", "Saved a picture of the console to %1").replace("%1", path))
                end(0)
            else:  # writable when asked before the wait: a disk full since, a file made read-only meanwhile
                picture_failed(
                    no_picture(
                        picture_path_problem(path)
                        or translate("App", "the picture could not be written to %1").replace("%1", path)
                    )
                )
                end(1)
            return
        hopeless = status.state in (LinkState.AUTH_FAILED, LinkState.INCOMPATIBLE)
        if hopeless or elapsed > wait:
            picture_failed(connection_failure(console, path, wait))
            end(1)
            return
        QTimer.singleShot(100, check)

    QTimer.singleShot(100, check)


@contextmanager
def picture_screen(picture: bool) -> Iterator[None]:
    """For a picture on the offscreen platform as it comes (no display, or QT_QPA_PLATFORM=offscreen): one screen of
    SCREENSHOT_SIZE without window frames, while the application is made (the platform reads it then). A screen
    the user configured (offscreen:configfile=…) and a real display are left as they are: the picture is taken on
    them, fitted to them."""
    if not picture or os.environ.get("QT_QPA_PLATFORM") != "offscreen" or QApplication.instance() is not None:
        yield
        return
    screen = {"name": "picture", "x": 0, "y": 0, "width": SCREENSHOT_SIZE.width(), "height": SCREENSHOT_SIZE.height()}
    handle, name = tempfile.mkstemp(prefix="onair-picture-screen-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump({"windowFrameMargins": False, "screens": [screen]}, file)
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={name}"
        yield
    finally:
        os.unlink(name)


def run_gui(options: Options) -> int:
    if not has_display():
        if not options.screenshot:
            # A QCoreApplication needs no display, so even this message is in the user's language.
            core = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
            install_translator(core, options.lang or system_language())
            message = translate(
                "App",
                "no display found (DISPLAY/WAYLAND_DISPLAY unset). Headless alternatives: "
                "'onair --demo --screenshot out.png' (a picture of the console) or "
                "'onair demo-obs' (the demo room as an obs-websocket server).",
            )
            print(f"onair: {message}", file=sys.stderr)
            return 2
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with picture_screen(options.screenshot is not None):
        app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with quiet_platform(options.screenshot is not None):
        return _run_console(app, options)


@contextmanager
def quiet_platform(picture: bool) -> Iterator[None]:
    """A picture's run says one line: the offscreen platform's "This plugin does not support propagateSizeHints()"
    (said for each window made), "… raise()" (a window or dock brought to the front; walk24 saw it in English before
    the run's one line) and the like — a window manager's features a screen without one lacks — are kept off its
    stderr (any other message of Qt's goes where it went)."""
    if not picture:
        yield
        return

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message.startswith("This plugin does not support "):
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _run_console(app: QApplication, options: Options) -> int:
    app.setApplicationName("OnAir Console")
    app.setOrganizationName("OnAir")
    try:
        # A picture's run changes nothing the user keeps: its --workspace and layout are this run's only.
        console = Console(app, options, Settings(keep=options.screenshot is None))
    except ValueError as exc:
        for line in str(exc).splitlines():  # each line said as the commands say theirs (console/cli.py)
            print(f"onair: {line}", file=sys.stderr)
        return 2
    outcome: list[int] = []
    # SIGTERM / SIGINT close the console like its window: the finally below saves and writes what is left.
    # exit(), not quit(): quit() sends close events, and the window would ask a person who is not there.
    quit_signals = QuitSignals(lambda _signum: app.exit(0))
    if options.screenshot:
        # The picture's size and its workspace, not the layout the user's runs keep: a saved maximised window would be
        # the screen's size. The window keeps nothing of this (keeps_layout).
        console.window.setWindowState(Qt.WindowState.WindowNoState)
        console.window.resize(SCREENSHOT_SIZE)
        console.window.reset_layout()
        take_screenshot(console, options.screenshot, outcome, options.wait)
        console.window.show()
    else:
        console.window.show_window()
    try:
        app.exec()
    finally:
        quit_signals.uninstall()
        console.window.save_layout()
        console.shutdown()
        release_widgets(app, console)
    return outcome[0] if outcome else 0


def release_widgets(app: QApplication, console: Console) -> None:
    """Delete the window and its graphs while the application still exists, in Qt's order. Left to the
    interpreter's exit, PySide6 and pyqtgraph destroyed them in whatever order the garbage came, and the
    console died at exit with a segmentation fault about half the time after showing graphs."""
    console.window.hide()
    console.window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
