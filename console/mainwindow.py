"""MainWindow: docks from the registry, menus, workspaces, status bar, demo banner; wiring in one place."""

from __future__ import annotations

import dataclasses
import time
import weakref
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QMargins, QRect, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QWindowStateChangeEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QSystemTrayIcon,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
)

import console
from console.bridge import ObsBridge
from console.checklist_controller import ChecklistController
from console.core.chat.questions import QuestionState, question_said
from console.core.telemetry.writer import RESUME_S
from console.docks import DOCKS, GRAPH_DOCKS, LAYOUT_VERSION, WORKSPACES, DockContext, DockSpec
from console.event_text import (
    asks_unkept_password,
    describe_error,
    describe_event,
    describe_status,
    reconnect_retry_text,
)
from console.i18n import LANGUAGES, system_language
from console.review_controller import ReviewController
from console.rundown_controller import RundownController
from console.settings import Settings
from console.telemetry_controller import (
    TelemetryController,
    storage_problem_line,
)
from obs.go_live import CONTEXT as GO_LIVE_CONTEXT
from obs.go_live import SILENT as GO_LIVE_SILENT
from obs.go_live import STOPPED as GO_LIVE_STOPPED
from obs.go_live import GoLive
from obs.go_live import already_running as go_live_already_running
from obs.health import Change, Ended, Finding
from obs.health_rules import StreamAfter, brief_template
from obs.messages import LinkState, LinkStatus, ObsEvent
from obs.protocol import OutputState
from obs.text import QT_TRANSLATE_NOOP, Message, joined
from obs.vocabulary import CATEGORY_NAMES, Kind
from obs.vocabulary import title as finding_title
from widgets import screen_fit
from widgets.audio_mixer import AudioMixer
from widgets.chat_port import ChatPort
from widgets.checklist_panel import ChecklistPanel
from widgets.connection_status import ConnectionStatus, ElidedLabel
from widgets.dock_shares import DockShares, dock_room
from widgets.engage_port import EngagePort
from widgets.event_log import EventLog, Words
from widgets.fitted_label import FittedLabel, titled
from widgets.graph_dock import GraphDock
from widgets.health_panel import HealthPanel, finding_text
from widgets.output_panel import OutputPanel
from widgets.program_view import ProgramView
from widgets.rundown_port import RundownPort
from widgets.scenes_panel import ScenesPanel

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from console.core.review.shows import ShowMeta
    from console.core.rooms import Room, Secrets
    from console.core.studio.direct import Findings
    from console.studio_controller import StudioController
    from widgets.about_dialog import AboutDialog
    from widgets.history_dialog import HistoryDialog
    from widgets.log_report_dialog import LogReportDialog
    from widgets.rundown_dock import RundownDock
    from widgets.rundown_port import RundownPort
    from widgets.show_meta_dialog import GoLiveDialog
    from widgets.talent_chooser import ScreenChooser
    from widgets.telemetry_graph import TelemetryGraph

STATE_KEY = "window/state"
GEOMETRY_KEY = "window/geometry"
#: The workspace the saved state is ("" none: My layout, or the docks arranged by hand), written with it.
WORKSPACE_KEY = "window/workspace"
#: Where the window was left, unmaximised: "x,y,width,height" of its inside, as the window manager placed it, then
#: "left,top,right,bottom" of the window manager's frame around it when that was seen. Qt's restoreGeometry() guesses
#: the title bar's height from the style (not the window manager's): a window left at the top of a 1366×768 laptop
#: came back 5 px lower at each first restart, and one left low came back 1358×736 at y 39, its bottom below the
#: screen. This is put back exactly, moved (or shrunk) only as much as its frame needs to be on a screen as it stands.
#: For a maximised window it is where the window goes when unmaximised (Qt forgets that when docks grow the window).
PLACE_KEY = "window/place"
#: The first start's normal (unmaximised) size; the first start itself is maximised (`show_window`), and
#: fit_to_screen() shrinks this to a smaller screen (a laptop's: all of it).
DEFAULT_SIZE = QSize(1440, 900)


#: An unmaximised window is fitted to its screen this long after, if no event said its new frame before.
UNMAXIMISED_FIT_MS = 500
#: The events after which the window manager's frame is asked for, once a restored window is shown.
_FRAMED_AFTER = (QEvent.Type.Paint, QEvent.Type.WindowActivate, QEvent.Type.Move, QEvent.Type.Resize)


def _place_text(rect: QRect, frame: QMargins | None) -> str:
    text = f"{rect.x()},{rect.y()},{rect.width()},{rect.height()}"
    if frame is None:
        return text
    return f"{text},{frame.left()},{frame.top()},{frame.right()},{frame.bottom()}"


def _read_place(text: str) -> tuple[QRect, QMargins | None] | None:
    """PLACE_KEY's value; None when there is none, or not one of ours."""
    try:
        numbers = [int(part) for part in text.split(",")]
    except ValueError:
        return None
    if len(numbers) not in (4, 8) or any(n < 0 for n in numbers[2:]):
        return None
    place = QRect(*numbers[:4])
    if not place.isValid():
        return None
    return place, (QMargins(*numbers[4:]) if len(numbers) == 8 else None)


def _cleared(finding: Finding) -> str:
    """A finding's close, as the event log says it. OBS lost while on air says what OBS came back to: "cleared"
    alone read as "all is well" above a restarted OBS that was no longer streaming. A finding whose condition no
    longer applies (the stream stopped, OBS out of sight) says it ended, and why: nothing was cleared."""
    title = QCoreApplication.translate("Health", finding_title(finding.id, finding.fields))
    stream = finding.fields.get("stream") if finding.id == Kind.OBS_UNREACHABLE else None
    if stream == StreamAfter.STOPPED:
        text = QCoreApplication.translate("MainWindow", "%1: OBS answers again, but it is no longer streaming")
    elif finding.id == Kind.STREAM_NOT_RESUMED:
        text = QCoreApplication.translate("MainWindow", "%1: live again")
    elif stream == StreamAfter.RAN_ON:
        text = QCoreApplication.translate("MainWindow", "%1: cleared — OBS answers again and the stream ran on")
    elif finding.fields.get("ended") == Ended.STREAM_STOPPED:
        # A microphone still muted when the stream stopped was "cleared": its finding no longer applies, that is all.
        text = QCoreApplication.translate("MainWindow", "%1: ended — the stream stopped")
    elif finding.fields.get("ended") == Ended.OBS_GONE:
        text = QCoreApplication.translate(
            "MainWindow", "%1: ended — OBS is out of sight, whether it went on is not known"
        )
    else:
        text = QCoreApplication.translate("MainWindow", "%1: cleared")
    return text.replace("%1", title)


def _stream_lost(finding: Finding) -> str:
    at = str(finding.fields.get("lost_at") or "")
    return QCoreApplication.translate(
        "MainWindow", "Stream stopped while OBS was lost (last heard streaming at %1)"
    ).replace("%1", at)


def _rundown_who() -> str:
    return QCoreApplication.translate("MainWindow", "Rundown")


def _graphs_who() -> str:
    return QCoreApplication.translate("MainWindow", "Graphs")


def _graphs_saved_again() -> str:
    return QCoreApplication.translate("MainWindow", "Graph history is being saved again.")


def _checklist_who() -> str:
    return QCoreApplication.translate("MainWindow", "Checklist")


def _go_live_stopped() -> str:
    return QCoreApplication.translate("MainWindow", "Going live was stopped: the checklist is not ready")


def _console_who() -> str:
    return QCoreApplication.translate("MainWindow", "Console")


def _studio_who() -> str:
    return QCoreApplication.translate("MainWindow", "Studio")


def _not_a_key(text: str) -> str:
    return QCoreApplication.translate(
        "MainWindow", "“%1” is not a key; the Transition keys are set in scenes/transition_keys."
    ).replace("%1", text)


def _request_failed(description: Words, error: BaseException) -> str:
    """A command OBS refused or never answered, in the language of the moment: what it was and why."""
    what = description if isinstance(description, str) else description()
    # One pass over the template: neither part's own text is read as a place for the other.
    head, _, tail = QCoreApplication.translate("MainWindow", "%1: %2").partition("%2")
    return head.replace("%1", what) + describe_error(error) + tail.replace("%1", what)


def _go_live_words() -> str:
    return QCoreApplication.translate("OutputPanel", "Go live")


#: The consoles (by their rundown port, which outlives a window rebuilt for another language) whose talent screen
#: was reopened at start: once each.
_TALENT_REOPENED: weakref.WeakSet[object] = weakref.WeakSet()
#: The consoles (by their engagement port) whose resumed lottery and claims were said in the event log: once each.
_RESUME_SAID: weakref.WeakSet[object] = weakref.WeakSet()
#: The sessions (a return to a room left on air) whose return was said in the event log: once each, not again by a
#: window rebuilt for another language.
_BACK_SAID: weakref.WeakSet[object] = weakref.WeakSet()
#: The consoles (by their bridge, which outlives a window rebuilt for another language) whose Transition keys that
#: are not keys were said in the event log: once each, not again by every window of a language switch.
_KEYS_SAID: weakref.WeakSet[object] = weakref.WeakSet()
#: The sessions whose stream changed before their show's history was read: when (just before that change's line)
#: and whether the stream ran until then — where and how a restart's "Resumed the show …" learnt late is said.
_STREAM_FIRST: weakref.WeakKeyDictionary[object, tuple[datetime, bool]] = weakref.WeakKeyDictionary()


#: The pre-show list a workspace's person runs: the Checklist dock's picker starts on it (the workspaces that show
#: the dock).
WORKSPACE_CHECKLISTS = {"Technician": "technician-pre-show", "Assistant": "host-assistant-pre-show"}


#: A direct wall asked for while the one closed before still stops its rooms: tried again this often, this long.
STUDIO_RETRY_MS = 250
STUDIO_WAIT_S = 60.0

#: A layout changed by hand is written this long after its last change (a workspace's placing is one write).
LAYOUT_SAVE_DELAY_MS = 1000


class _DockWidgets(dict[str, QWidget]):
    """The docks' widgets; indexing a lazy dock's that is not built yet builds it (`.get` and `in` do not)."""

    def __init__(self, build: Callable[[str], QWidget | None]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, dock_id: str) -> QWidget:
        widget = self._build(dock_id)
        if widget is None:
            raise KeyError(dock_id)
        return widget


class MainWindow(QMainWindow):
    #: A dock state to restore again once the restored window is shown maximised (see restore_layout).
    _state_when_maximised: QByteArray | None = None
    #: The unmaximised window's place, and the window manager's frame around it, as last known (PLACE_KEY): Qt's
    #: normalGeometry() of a maximised window is lost when its docks grow it for a moment.
    _normal_place: QRect | None = None
    _normal_frame: QMargins | None = None
    #: Fitted to its screen again once the window manager has said its frame (see show_window), and after an
    #: unmaximise once it has said the frame of the unmaximised window: not the one it had maximised, as it was then.
    _fit_when_framed = False
    _frame_when_whole: QMargins | None = None
    _size_when_whole: QSize | None = None
    sig_language_requested = Signal(str)
    sig_rooms_requested = Signal()
    sig_audience_requested = Signal()
    sig_chat_sources_requested = Signal()  # View ▸ Comment sources… (#20)
    sig_demo_requested = Signal()
    sig_password_entered = Signal(str)
    #: A password the system did not keep is asked for with a dialog (not in a --screenshot run: nobody answers).
    asks_for_passwords = True
    #: False for a picture's window (--screenshot): laid out at the picture's size, it never saves its geometry and
    #: layout over the ones the user's runs restore.
    keeps_layout = True

    def __init__(
        self,
        bridge: ObsBridge,
        settings: Settings,
        demo: bool = False,
        language: str | None = None,
        telemetry: TelemetryController | None = None,
        checklists: ChecklistController | None = None,
        parent: QWidget | None = None,
        review: ReviewController | None = None,
        rundown: RundownPort | None = None,
        chat: ChatPort | None = None,
        engage: EngagePort | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        #: The window is minimised: nobody sees it (see _follow_minimised).
        self._minimised = False
        #: The Shows window (View ▸ Shows…) follows its browser's columns once asked for (see show_shows).
        self._shows_width_followed = False
        bridge.set_quiet(False)  # a window rebuilt (another language) starts seen
        self.setDockNestingEnabled(True)
        self.docks: dict[str, QDockWidget] = {}
        #: Every dock's widget by dock id; a lazy dock's is built when first asked for by index (widgets["shows"]).
        self.widgets: dict[str, QWidget] = _DockWidgets(self.dock_widget)
        self._lazy_docks: dict[str, DockSpec] = {}  # docks whose widget is built when first shown
        #: The console (the composition root) owns the controllers: they outlive a window rebuilt for another
        #: language. A window made on its own (tests) makes and closes its own.
        self._owns_checklists = checklists is None
        self.checklists = checklists or ChecklistController(bridge, settings, parent=self)
        self._owns_telemetry = telemetry is None
        self.telemetry = telemetry or TelemetryController(
            bridge, settings.get("telemetry/target_bitrate_kbps"), parent=self
        )
        self._telemetry_failing = bool(self.telemetry.problem)
        self._owns_review = review is None
        self.review = review or ReviewController(parent=self)
        # The room's rundown (the runner itself lives in the room's session, so a rebuilt window loses nothing).
        self._owns_rundown = rundown is None
        self.rundown: RundownPort = rundown or RundownController(
            bridge,
            lambda: str(settings.get("checklists/operator")),
            self.telemetry.storage_url,
            parent=self,
            settings=settings,
        )
        language = language or settings.get("ui/language") or system_language()
        self.checklists.current_show = self.telemetry.current_show  # a run's show: when started, at go-live
        #: The room's comments (#20; console/chat_controller.py), owned by the console; None in a window made alone.
        self.chat = chat
        #: The room's Q&A queue and lottery (#20; console/engage_controller.py), owned by the console.
        self.engage = engage
        self._dock_context = DockContext(
            bridge,
            self.checklists,
            self.telemetry,
            language,
            self.review,
            settings=settings,
            rundown=self.rundown,
            chat=chat,
            engage=engage,
        )
        for spec in DOCKS:
            if spec.built(self._dock_context):
                self._add_dock(spec)
        self.banner = self._demo_banner()
        # The console's telemetry may be in the middle of its room's show (a language switch rebuilds the
        # window): "no room" here would end that show and empty every graph. The console says the room next.
        if self._owns_telemetry:
            self.set_room(None, demo)
        self._show_room()
        self.status = ConnectionStatus(self._describe_status, self, brief=self._describe_status_briefly)
        #: The worst open critical finding, for as long as it is open: a timed status-bar message was hidden
        #: behind the connection state (a permanent widget takes the bar) and outlived the finding.
        self.critical_status = FittedLabel()  # the longest of its forms that fits whole, the whole in its tooltip
        self.critical_status.setStyleSheet("color: #e0312f; font-weight: 600;")
        self.critical_status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.critical_status.setVisible(False)
        #: The bar's timed message (a command OBS refused or did not answer, advice at start, …). QStatusBar paints
        #: one only where no permanent widget is, and the bar is all permanent widgets: every showMessage() went
        #: unseen, a refused scene switch among them. This label shows it, for as long as the bar keeps it.
        self.notice = ElidedLabel()
        self.notice.setStyleSheet("color: #b35c00; font-weight: 600;")
        self.notice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notice.setVisible(False)
        self.statusBar().addPermanentWidget(self.notice, 1)
        self.statusBar().messageChanged.connect(self._on_status_bar_message_changed)
        #: The show's history not being saved (the console's own data disk full, its database gone): amber for as
        #: long as it lasts, beside the findings.
        self.storage_status = ElidedLabel()
        self.storage_status.setStyleSheet("color: #b35c00; font-weight: 600;")
        self.storage_status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.storage_status.setVisible(False)
        self.statusBar().addPermanentWidget(self.storage_status, 1)
        self.statusBar().addPermanentWidget(self.critical_status, 1)
        self.statusBar().addPermanentWidget(self.status, 1)
        self._show_storage_problem()  # a window rebuilt for another language says an ongoing one anew
        self._last_state: LinkState | None = None
        self._tray: QSystemTrayIcon | None = None
        self._critical: dict[str, str | None] = {}  # the health levels after the previous change
        #: What was announced as critical this session (tests, and the record of what the team was told).
        self.announcements: list[str] = []
        #: The question asked when the window is closed while on air (None when not open).
        self.leave_question: QMessageBox | None = None
        self.quit_button: QAbstractButton | None = None
        #: The go-live question while it is open (None otherwise).
        self.go_live_dialog: GoLiveDialog | None = None
        self._leaving_confirmed = False
        #: The workspace ticked (None: none, as after My layout).
        self._workspace: str | None = None
        #: The docks' shares of the window when the layout was last kept, given back after a maximise or a restore
        #: (Qt gives or takes the difference unevenly: widgets/dock_shares.py); while one is under way (since when),
        #: the shares are not taken again until the window has its new size.
        self._dock_shares = DockShares()
        self._resizing_for_state: float | None = None
        #: StreamStateChanged RECONNECTING in a row: OBS says it once per try (the event log says which try).
        self._stream_tries = 0
        #: OBS said the stream was starting and has not said it started (nor stopped) since: a stop now is of a
        #: stream that never went on air.
        self._stream_starting = False
        #: Why the last go-live failed as last told (`_on_bridge_go_live_changed` logs a failure once).
        self._go_live_failure: Message | None = bridge.go_live.failure
        #: The last go-live was on its way as last told ("Going live…" is logged once as it sets out).
        self._go_live_starting = bridge.go_live.starting
        self._build_menus()
        self.set_rundown_port(self.rundown)  # View ▸ Talent screen… shows this room's rundown
        self._build_shortcuts()
        self._connect_signals()
        self._build_engage_entries()
        self._watch_resumed()
        self.restore_layout()
        self._watch_layout()
        self.reopen_talent_screen()  # ---- the talent screen (#19): open again where it was when the console stopped

    # ------------------------------------------------------------------ the talent screen (#19)
    def _build_talent_entry(self, view: QMenu) -> None:
        """View ▸ Talent screen…: enabled once the composition root gives the window the room's rundown port
        (set_rundown_port); the talent screen itself outlives this window (a language switch rebuilds it)."""
        self.rundown_port: RundownPort | None = None
        self.action_talent = view.addAction(self.tr("Talent screen…"))
        self.action_talent.setEnabled(False)
        self.action_talent.triggered.connect(self.choose_talent_screen)

    def set_rundown_port(self, port: RundownPort | None) -> None:
        self.rundown_port = port
        self.action_talent.setEnabled(port is not None)

    def choose_talent_screen(self) -> ScreenChooser | None:
        """The screen chooser; on OK the talent screen opens full screen there (or the open one moves)."""
        if self.rundown_port is None:
            return None
        from widgets.talent_chooser import ScreenChooser  # the talent screen's modules: when first asked for

        chooser = ScreenChooser(self.settings, self)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.accepted.connect(partial(self._open_talent_screen, chooser))
        chooser.open()
        return chooser

    def _open_talent_screen(self, chooser: ScreenChooser) -> None:
        screen = chooser.screen_chosen()
        if screen is not None and self.rundown_port is not None:
            from widgets.talent_chooser import open_talent_screen

            talent = open_talent_screen(screen, self.rundown_port, self.bridge, self.telemetry, self.settings)
            talent.set_engage(self.engage)  # the lottery on the host's screen (#20)

    def reopen_talent_screen(self) -> None:
        """At start: the talent screen open when the console stopped (talent/open) opens again on its screen, so
        the host's TV does not stay on the desktop after a restart mid-show. Once per console (a window rebuilt
        for another language finds it open). Its screen gone: said in the event log, and it is not put on this
        console's own screen. Nothing of it is imported when it was closed."""
        port = self.rundown_port
        if port is None or port in _TALENT_REOPENED or not self.settings.get("talent/open"):
            return
        _TALENT_REOPENED.add(port)
        from widgets.talent_chooser import current_talent_screen, open_talent_screen, remembered

        if current_talent_screen() is not None:
            return
        screen, gone = remembered(self.settings)
        if screen is None or gone:
            name = self.settings.get("talent/screen_name") or "?"
            geometry = self.settings.get("talent/screen_geometry") or "?"
            self.log(
                lambda: QCoreApplication.translate("MainWindow", "Talent screen"),
                lambda: (
                    QCoreApplication.translate(
                        "MainWindow",
                        "The talent screen was open on %1 (%2) when the console stopped, but that screen is not "
                        "connected: it was not reopened. View ▸ Talent screen… shows it on another screen.",
                    )
                    .replace("%1", name)
                    .replace("%2", geometry)
                ),
                "warning",
            )
            return
        talent = open_talent_screen(screen, port, self.bridge, self.telemetry, self.settings)
        talent.set_engage(self.engage)

    # ------------------------------------------------------------------ the Q&A queue and the lottery (#20)
    def _build_engage_entries(self) -> None:
        """The Comments dock's context menu marks a comment as a question for the Questions dock (View ▸
        Questions toggles the dock, like every dock of the registry)."""
        comments = self.widgets.get("comments")
        if self.engage is None or comments is None or "questions" not in self.docks:
            return
        view = comments.view  # type: ignore[attr-defined]
        self.action_mark_question = QAction(self.tr("Mark as question"), view)
        self.action_mark_question.triggered.connect(self._on_mark_question_triggered)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addAction(self.action_mark_question)

    def _watch_resumed(self) -> None:
        """Say in the event log what a restarted console took up again (walk14 F7: it said nothing): the show on
        air, the lottery left running and the questions this desk had claimed — once per console, not again for a
        window rebuilt for another language."""
        self.bridge.sig_history_loaded.connect(self._on_bridge_history_loaded)
        if self.engage is not None and self.engage not in _RESUME_SAID:
            self.engage.sig_lottery_changed.connect(self._on_engage_resumed_check)
            self.engage.sig_questions_changed.connect(self._on_engage_resumed_check)
            self.engage.sig_ready_changed.connect(self._on_engage_resumed_check)
            self._on_engage_resumed_check()  # already read before this window was made

    @Slot()
    def _on_bridge_history_loaded(self) -> None:
        room, demo = self.bridge.room, self.demo
        session = self.bridge.session
        if self.bridge.back_from is not None:
            return  # a return to a room left on air is said as its OBS is joined (`_say_back_in_room`)
        # Said in the order things happened (fix25k): the history may be read after the stream's first change (a
        # stop made at once), and the line then takes its place before that change's, as things were then.
        first = _STREAM_FIRST.get(session) if session is not None else None
        when: datetime | None = None
        on_air: bool | None = None
        if first is not None:
            when, on_air = first
        elif self.bridge.state.connected:
            on_air = self.bridge.state.stream.active
        # A show is the console keeping a room, on air or not: "on air" only when its last stored second was — and
        # not of a stream OBS says has stopped since (while the console was not running).
        if session is None or not session.resumed_on_air:
            words = QT_TRANSLATE_NOOP(
                "MainWindow",
                "Resumed the show of %1 that the console was keeping, off air, when it stopped: its figures, "
                "markers, findings and rundown so far are taken up again.",
            )
        elif on_air is False:
            words = QT_TRANSLATE_NOOP(
                "MainWindow",
                "Resumed the show of %1 that was on air when the console stopped; its stream stopped while the "
                "console was not running: its figures, markers, findings and rundown so far are taken up again.",
            )
        else:
            words = QT_TRANSLATE_NOOP(
                "MainWindow",
                "Resumed the show of %1 that was on air when the console stopped: its figures, markers, findings "
                "and rundown so far are taken up again.",
            )

        def where() -> str:  # the demo room has no name of its own (plan16b read "the show of  that was on air")
            return f"“{room}”" if room else QCoreApplication.translate("MainWindow", "the demo room") if demo else ""

        self.event_log.add(
            lambda: QCoreApplication.translate("MainWindow", "Show"),
            lambda: QCoreApplication.translate("MainWindow", words).replace("%1", where()),
            "info",
            when,
        )

    def _say_back_in_room(self, on_air: bool | None = None) -> None:
        """The console came back to a room it left on air in this run: its show goes on, with the time it was away
        not recorded (not a restart: the console never stopped). Said once per session, as OBS there is joined (its
        state known, or before its first stream event, `on_air` then being whether the stream ran before it) — not
        when the show's history is read: that came after a stop made at once, and the log read "Streaming stopped"
        and then "on air since …" (fix25b)."""
        session, left = self.bridge.session, self.bridge.back_from
        if session is None or left is None or session in _BACK_SAID:
            return
        if on_air is None:
            state = self.bridge.state
            if not state.connected:
                return
            on_air = state.stream.active
        _BACK_SAID.add(session)
        room = self.bridge.room or ""
        left_at, since = left
        away = away_words(time.time() - left_at)
        on_air_since = ""
        if not on_air:  # stopped in OBS while the console was elsewhere: not "on air since"
            words = QT_TRANSLATE_NOOP(
                "MainWindow",
                "Back in “%1”: its stream stopped while the console was away (not recorded while away: %3).",
            )
        elif since is not None:
            on_air_since = time.strftime("%H:%M", time.localtime(since))
            words = QT_TRANSLATE_NOOP(
                "MainWindow", "Back in “%1”: continued its show, on air since %2 (not recorded while away: %3)."
            )
        else:
            words = QT_TRANSLATE_NOOP("MainWindow", "Back in “%1”: continued its show (not recorded while away: %3).")
        self.log(
            lambda: QCoreApplication.translate("MainWindow", "Show"),
            lambda: (
                QCoreApplication.translate("MainWindow", words)
                .replace("%1", room)
                .replace("%2", on_air_since)
                .replace("%3", away())
            ),
            "info",
        )

    @Slot()
    def _on_engage_resumed_check(self) -> None:
        engage = self.engage
        if engage is None or engage in _RESUME_SAID or not engage.ready:
            return
        if engage.lottery is None and not engage.questions:
            return  # not read yet, or nothing to take up: anything that comes later is this run's own
        _RESUME_SAID.add(engage)
        lottery = engage.lottery
        if lottery is not None and lottery.running and lottery.opened_at < engage.started_wall:
            keyword, count = lottery.keyword, len(lottery.entries)
            if lottery.state == "open":
                words = (
                    QT_TRANSLATE_NOOP(
                        "MainWindow", "Lottery “%1” taken up again: entries still open, %2 entry kept from before."
                    )
                    if count == 1
                    else QT_TRANSLATE_NOOP(
                        "MainWindow", "Lottery “%1” taken up again: entries still open, %2 entries kept from before."
                    )
                )
            else:
                words = (
                    QT_TRANSLATE_NOOP(
                        "MainWindow", "Lottery “%1” taken up again: closed, waiting for its draw (%2 entry)."
                    )
                    if count == 1
                    else QT_TRANSLATE_NOOP(
                        "MainWindow", "Lottery “%1” taken up again: closed, waiting for its draw (%2 entries)."
                    )
                )
            self.log(
                lambda: QCoreApplication.translate("MainWindow", "Lottery"),
                lambda: (
                    QCoreApplication.translate("MainWindow", words).replace("%1", keyword).replace("%2", str(count))
                ),
            )
        who = engage.who
        mine = [
            q for q in engage.questions
            if q.state is QuestionState.CLAIMED and q.claimed_by == who and (q.claimed_at or 0) < engage.started_wall
        ]  # fmt: skip
        if mine:
            # Each question by its words and how many asked it (it named the first asker of each), in a list of the
            # reader's language ("、" in Chinese).
            claimed = [question_said(q) for q in mine]

            def still_yours() -> str:
                translate = QCoreApplication.translate
                listed = joined((q.in_language(translate) for q in claimed), translate)
                return translate("MainWindow", "Questions you claimed before the restart are still yours: %1.").replace(
                    "%1", listed
                )

            self.log(lambda: QCoreApplication.translate("MainWindow", "Questions"), still_yours)

    @Slot()
    def _on_mark_question_triggered(self) -> None:
        comments = self.widgets["comments"]
        events = [
            row.event
            for index in comments.view.selectionModel().selectedRows()  # type: ignore[attr-defined]
            if (row := index.data(Qt.ItemDataRole.UserRole)) is not None and row.event.has_text
        ]
        if not events or self.engage is None:
            words = self.tr("Choose a comment (not a gift or a like) to mark as a question.")
            self.statusBar().showMessage(words, 5000)
            return
        for event in events:
            self.engage.mark_question(event, self._on_question_marked)

    def _on_question_marked(self, question: object, why: Callable[[], str] | None) -> None:
        if why is not None:
            # The sentence and its reason both follow the language (the reason is said again after a switch).
            self.log(
                lambda: QCoreApplication.translate("MainWindow", "Questions"),
                lambda: QCoreApplication.translate(
                    "MainWindow", "The comment could not be marked as a question: %1"
                ).replace("%1", why()),
                "warning",
            )
            return
        dock = self.docks["questions"]
        dock.show()
        dock.raise_()
        panel = self.widgets["questions"]
        panel.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
        question_id = getattr(question, "id", None)
        if isinstance(question_id, int):
            panel.questions.focus_question(question_id)  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ the studio wall (#21)
    sig_studio_room_requested = Signal(str)  # a direct-mode tile: the console switches to that room (console/app.py)
    #: The console's saved rooms and keyring for the wall's direct mode (console/app.py sets them; a window made
    #: alone has none, and the wall says so).
    studio_rooms: Callable[[], Sequence[Room]] | None = None
    studio_secrets: Secrets | None = None
    #: Where a direct wall's rooms send their findings (the console's alerts: console/app.py sets it).
    studio_alerts: Findings | None = None

    def _build_studio_entry(self, view: QMenu) -> None:
        self.action_studio = view.addAction(self.tr("Studio…"))
        self.action_studio.setToolTip(self.tr("Every room of the studio at a glance"))
        self.action_studio.triggered.connect(self.open_studio)
        self.studio_question: QMessageBox | None = None
        #: While the rooms of a direct wall just closed still stop, the wall asked for again opens once they have
        #: (checked every STUDIO_RETRY_MS, for at most STUDIO_WAIT_S): never a wait on the GUI thread.
        self._studio_waiting_since: float | None = None

    def open_studio(self) -> StudioController | None:
        """View ▸ Studio: the wall (one at a time: an open wall is raised). Shared mode when this console's storage
        is PostgreSQL — the studio's rooms publish their status there, so the wall sees all of them without a
        second connection to any OBS; direct mode (this console connects to each saved room's OBS) when it is
        SQLite, which only this computer sees."""
        from console import studio_controller as studio
        from console.core.rooms import Secrets
        from console.core.storage import Storage, default_url
        from console.core.studio.snapshot import checklist_of

        if studio.OPEN:
            wall = studio.OPEN[-1].wall
            wall.showNormal() if wall.isMinimized() else wall.show()
            wall.raise_()
            wall.activateWindow()
            return studio.OPEN[-1]
        url = self.telemetry.storage_url or default_url()
        if not studio.is_postgresql(url) and self._wait_for_stopping_rooms(studio.still_stopping()):
            return None
        try:
            if studio.is_postgresql(url):
                controller = studio.open_shared(url, self.review)
            else:
                rooms = self.studio_rooms() if self.studio_rooms is not None else []
                secrets = self.studio_secrets if self.studio_secrets is not None else Secrets()
                language = self._dock_context.language
                controller = studio.open_direct(
                    rooms,
                    secrets,
                    partial(Storage, url),
                    self._studio_room_opened,
                    self.bridge,
                    lambda: checklist_of(self.checklists.room_pre_show(), language),  # the console's own room's
                    self.studio_alerts,
                )
        except studio.StudioUnavailable as exc:
            self.log(_studio_who, exc.words, "warning")
            # Said in a box: the status bar's permanent widgets would hide a timed message (see critical_status).
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Studio"), str(exc), parent=self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.studio_question = box
            box.open()
            return None
        controller.wall.show()
        return controller

    def _wait_for_stopping_rooms(self, stopping: bool) -> bool:
        """True while the direct wall must wait for the rooms of the one closed before (the same rooms: run twice,
        a room's show would be written twice); said once in the event log, and tried again on a timer."""
        if not stopping:
            self._studio_waiting_since = None
            return False
        now = time.monotonic()
        if self._studio_waiting_since is None:
            self._studio_waiting_since = now
            self.log(
                _studio_who,
                lambda: QCoreApplication.translate(
                    "MainWindow",
                    "The rooms of the wall just closed are still stopping (an OBS is not answering): the wall opens "
                    "as soon as they have.",
                ),
            )
        elif now - self._studio_waiting_since > STUDIO_WAIT_S:
            self._studio_waiting_since = None
            self.log(
                _studio_who,
                lambda: QCoreApplication.translate(
                    "MainWindow",
                    "The rooms of the wall closed before have still not stopped (an OBS is not answering): the wall "
                    "was not opened. Try again once that OBS answers or has been closed.",
                ),
                "warning",
            )
            return True
        QTimer.singleShot(STUDIO_RETRY_MS, self, self.open_studio)
        return True

    def _studio_room_opened(self, room: str) -> None:
        """A tile of the direct-mode wall: switch the console to that room, asking first while this one is on air
        (its OBS carries on; this console stops watching it)."""
        if room == self.room:
            self.raise_()
            self.activateWindow()
            return
        self.switch_room_asking(room, partial(self.sig_studio_room_requested.emit, room))

    @Slot()
    def _on_demo_action_triggered(self) -> None:
        self.switch_room_asking(None, self.sig_demo_requested.emit)

    def switch_room_asking(self, target: str | None, switch: Callable[[], None]) -> None:
        """Leave this room for `target` (a room's name; None: the demo room): at once when nothing is on air, else
        only after asking — a wall tile, Connection ▸ Open the demo room (walk14: one stray click left a live room
        without a word) and the Rooms dialog's Connect alike. The question names the room left on air, and says
        whether the direct wall goes on watching it (walk15: "this console stops watching it" was untrue there)."""
        doing = self.on_air()
        # An open lottery and questions claimed here are left behind as at a quit (fix23h: a switch said nothing of
        # them, while Quit asks): off air too, they are reason enough to ask.
        at_stake = self._engagement_at_stake(leaving_room=True)
        if not doing and not at_stake:
            switch()
            return
        from console import studio_controller as studio

        here = self.tr("the demo room") if self.demo else f"“{self.room}”"
        there = self.tr("the demo room") if target is None else f"“{target}”"
        watched = any(wall.mode == studio.DIRECT for wall in studio.OPEN) and not self.demo
        text = (
            self.tr("%1: %2 Switch the console to %3?").replace("%1", here).replace("%2", doing).replace("%3", there)
            if doing
            else self.tr("Leave %1 for %2?").replace("%1", here).replace("%2", there)
        )
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Switch rooms?"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        obs = ""
        if doing and self.demo:
            # The demo room's OBS is a simulation inside the console: it stops as the console leaves the room.
            obs = self.tr(
                "This is the demo room: its OBS is simulated inside the console, so switching ends the demo room's "
                "simulated stream and recording. Nothing real is on air."
            )
        elif doing:
            obs = (
                self.tr("The OBS of %1 keeps going; the studio wall goes on watching it.")
                if watched
                else self.tr("The OBS of %1 keeps going, but this console stops showing its state, health and meters.")
            ).replace("%1", here)
        if doing and self.bridge.show_stays_open():
            # The show is not ended by the switch (console/bridge.py): a return within open_show's rule resumes it.
            obs += "\n\n" + self.tr(
                "Its show stays open: back in %1 within %2 minutes, the console continues the same show."
            ).replace("%1", here).replace("%2", str(RESUME_S // 60))
        question.setInformativeText((at_stake + obs).strip())
        question.setDefaultButton(QMessageBox.StandardButton.No)
        question.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        question.accepted.connect(switch)
        self.studio_question = question
        question.open()

    # ------------------------------------------------------------------ typed access for wiring and tests
    @property
    def scenes(self) -> ScenesPanel:
        return self.widgets["scenes"]  # type: ignore[return-value]

    @property
    def audio(self) -> AudioMixer:
        return self.widgets["audio"]  # type: ignore[return-value]

    @property
    def output(self) -> OutputPanel:
        return self.widgets["output"]  # type: ignore[return-value]

    @property
    def program(self) -> ProgramView:
        return self.widgets["program"]  # type: ignore[return-value]

    @property
    def event_log(self) -> EventLog:
        return self.widgets["event_log"]  # type: ignore[return-value]

    @property
    def checklist(self) -> ChecklistPanel:
        return self.widgets["checklist"]  # type: ignore[return-value]

    @property
    def health(self) -> HealthPanel:
        return self.dock_widget("health")  # type: ignore[return-value]

    @property
    def rundown_dock(self) -> RundownDock | None:
        """The Rundown dock (None in a window given no rundown); built now if it was not yet shown."""
        return self.dock_widget("rundown")  # type: ignore[return-value]

    def graph(self, graph_id: str) -> TelemetryGraph:
        dock: GraphDock = self.widgets[graph_id]  # type: ignore[assignment]
        return dock.ensure()

    @property
    def room(self) -> str | None:
        """The saved room or address the console is in (None: the demo room or none); the bridge owns it."""
        return self.bridge.room

    @property
    def demo(self) -> bool:
        return self.bridge.demo

    def set_room(self, room: str | None, demo: bool) -> None:
        """Which OBS the console is connected to: a saved room, an ad-hoc address, or the demo room."""
        self.bridge.set_room(room, demo)
        self._show_room()

    @Slot()
    def _show_room(self) -> None:
        self.banner.setVisible(self.demo)
        where = self.tr("DEMO") if self.demo else self.room
        self.setWindowTitle(self.tr("OnAir Console") + (f" — {where}" if where else ""))

    # ------------------------------------------------------------------ building
    def _add_dock(self, spec: DockSpec) -> None:
        dock = QDockWidget(spec.translated_title(), self)
        dock.setObjectName(spec.id)
        self.addDockWidget(spec.area, dock)
        self.docks[spec.id] = dock
        if spec.lazy:
            self._lazy_docks[spec.id] = spec
            dock.visibilityChanged.connect(partial(self._on_lazy_dock_visibility_changed, spec.id))
        else:
            self._build_dock_widget(spec)

    def _build_dock_widget(self, spec: DockSpec) -> QWidget:
        widget = spec.factory(self._dock_context)
        self.docks[spec.id].setWidget(widget)
        self.widgets[spec.id] = widget
        if spec.id == "health":
            self._wire_health(widget)  # type: ignore[arg-type]
        return widget

    def _wire_health(self, health: HealthPanel) -> None:
        health.sound.setChecked(self.settings.get("health/sound"))
        health.sound.toggled.connect(self._on_health_sound_toggled)
        health.sig_checklist_requested.connect(self.open_troubleshooting)

    def dock_widget(self, dock_id: str) -> QWidget | None:
        """A dock's widget, built now if the dock is built lazily and was not shown yet (None: no such dock)."""
        spec = self._lazy_docks.pop(dock_id, None)
        return self._build_dock_widget(spec) if spec is not None else self.widgets.get(dock_id)

    def _on_lazy_dock_visibility_changed(self, dock_id: str, visible: bool) -> None:
        if visible:
            self.dock_widget(dock_id)

    def _demo_banner(self) -> QToolBar:
        bar = QToolBar(self.tr("Demo"), self)
        bar.setObjectName("demo_banner")
        bar.setMovable(False)
        bar.setFloatable(False)
        label = QLabel(self.tr("DEMO — not a real OBS. This room is simulated; nothing goes on air."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("background: #b3261e; color: white; font-size: 15px; font-weight: 700; padding: 6px;")
        bar.addWidget(label)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        bar.toggleViewAction().setEnabled(False)  # the demo banner cannot be hidden
        return bar

    def _build_menus(self) -> None:
        connection = self.menuBar().addMenu(self.tr("&Connection"))
        self.action_rooms = connection.addAction(self.tr("Rooms…"))
        self.action_demo = connection.addAction(self.tr("Open the demo room"))
        connection.addSeparator()
        self.action_reconnect = connection.addAction(self.tr("Reconnect now"))
        self.action_password = connection.addAction(self.tr("Enter OBS password…"))
        self.action_audience = connection.addAction(self.tr("Audience source…"))
        connection.addSeparator()
        # Ctrl+Q goes through close(), so it asks first while on air, like the window manager's close button.
        self.action_quit = connection.addAction(self.tr("Quit"))
        # Not StandardKey.Quit alone: some platforms (offscreen, a bare X session) bind nothing to it.
        self.action_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.action_quit.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
        tools = self.menuBar().addMenu(self.tr("&Tools"))
        self.action_analyze_log = tools.addAction(self.tr("Analyze OBS log…"))
        view = self.menuBar().addMenu(self.tr("&View"))
        for spec in (spec for spec in DOCKS if spec.id in self.docks):
            action = self.docks[spec.id].toggleViewAction()
            action.setText(spec.translated_title())
            action.triggered.connect(partial(self._on_dock_view_action_triggered, spec.id))
            view.addAction(action)
        view.addSeparator()
        workspaces = view.addMenu(self.tr("Workspace"))
        self.workspace_actions: dict[str, QAction] = {}
        active = QActionGroup(self)  # the workspace in use is ticked
        for name, workspace in WORKSPACES.items():
            if workspace.needs and workspace.needs not in self.docks:
                continue  # e.g. the Rundown workspace in a window without a rundown
            action = workspaces.addAction(QCoreApplication.translate("Docks", workspace.title))
            action.setData(name)
            action.setCheckable(True)
            active.addAction(action)
            self.workspace_actions[name] = action
        self.action_my_layout = workspaces.addAction(self.tr("My layout"))
        self.action_my_layout.setCheckable(True)
        active.addAction(self.action_my_layout)
        workspaces.addSeparator()
        self.action_save_layout = workspaces.addAction(self.tr("Save current layout as my layout"))
        self.action_reset = view.addAction(self.tr("Reset layout"))
        view.addSeparator()
        self.action_history = view.addAction(self.tr("Checklist history…"))
        self.action_shows = view.addAction(self.tr("Shows…"))
        self._build_talent_entry(view)  # ---- the talent screen (#19): see its section below
        # ---- the room's comment sources (#20): the console opens the dialog (it owns rooms and the keyring)
        self.action_chat_sources = view.addAction(self.tr("Comment sources…"))
        self.action_chat_sources.triggered.connect(self.sig_chat_sources_requested)
        self._build_studio_entry(view)  # ---- the studio wall (#21): see its section
        # ---- alerts to the team's chat (#21): the console connects this to its alerts dialog (it owns alerts.json
        # and the keyring)
        self.action_alerts = view.addAction(self.tr("Alerts…"))
        language = self.menuBar().addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = language.addAction(name)
            action.setCheckable(True)
            action.setData(code)
            group.addAction(action)
            self.language_actions[code] = action
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.action_about = help_menu.addAction(self.tr("About OnAir Console…"))
        self.action_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.action_about.triggered.connect(self.show_about)
        self.action_quit.triggered.connect(self.close)

    def _build_shortcuts(self) -> None:
        self.scene_shortcuts = []
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(number)), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda index=number - 1: self.scenes.activate_index(index))
            self.scene_shortcuts.append(shortcut)
        # Studio mode's Transition, on keys a streamer hits without looking (Space or Enter by default). Enabled
        # only in studio mode and while no text field or checklist (whose Enter and Space confirm an item) has
        # the keyboard: there, the keys keep their own meaning.
        self.transition_shortcuts: list[QShortcut] = []
        say = self.bridge not in _KEYS_SAID
        _KEYS_SAID.add(self.bridge)
        for text in str(self.settings.get("scenes/transition_keys")).split():
            sequence = QKeySequence(text)
            if sequence.isEmpty() or sequence[0].key() == Qt.Key.Key_unknown:  # type: ignore[index]
                if not say:  # said by the window before a language switch, and replayed from it
                    continue
                self.log(
                    _console_who,
                    partial(_not_a_key, text),
                    "warning",
                )
                continue
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setEnabled(False)
            shortcut.activated.connect(self._on_transition_shortcut_activated)
            self.transition_shortcuts.append(shortcut)
        keys = ", ".join(s.key().toString(QKeySequence.SequenceFormat.NativeText) for s in self.transition_shortcuts)
        if keys:
            self.scenes.transition_button.setToolTip(
                self.tr("Take the preview scene to program (keys: %1)").replace("%1", keys)
            )

    def _connect_signals(self) -> None:
        bridge = self.bridge
        bridge.sig_status_changed.connect(self.status.set_status)
        bridge.sig_status_changed.connect(self._on_bridge_status_changed)
        bridge.sig_rates_updated.connect(self.status.set_rates)
        bridge.sig_event_received.connect(self._on_bridge_event_received)
        bridge.sig_request_failed.connect(self._on_bridge_request_failed)
        bridge.sig_go_live_changed.connect(self._on_bridge_go_live_changed)
        bridge.sig_obs_closing.connect(self._on_bridge_obs_closing)
        self.status.sig_retry_requested.connect(bridge.reconnect_now)
        self.status.sig_password_requested.connect(self._on_password_action_triggered)
        self.action_reconnect.triggered.connect(bridge.reconnect_now)
        self.action_password.triggered.connect(self._on_password_action_triggered)
        self.action_rooms.triggered.connect(self.sig_rooms_requested)
        self.action_audience.triggered.connect(self.sig_audience_requested)
        self.action_analyze_log.triggered.connect(self._on_analyze_log_action_triggered)
        self.widgets["graph_audience"].sig_source_requested.connect(self.sig_audience_requested)  # type: ignore[attr-defined]
        self.action_demo.triggered.connect(self._on_demo_action_triggered)
        # Pictures and graphs only while their dock can be seen (see _follow_minimised for the window).
        for dock_id in ("scenes", "program", *GRAPH_DOCKS):
            self.docks[dock_id].visibilityChanged.connect(partial(self._on_dock_visibility_changed, dock_id))
        # The telemetry (like the bridge) outlives this window when a language switch rebuilds it: connect
        # bound methods only (Qt drops them with the window; a lambda would call into the deleted one).
        self.telemetry.sig_problem.connect(self._on_telemetry_problem)
        self.telemetry.sig_notice.connect(self._on_telemetry_notice)
        for action in self.workspace_actions.values():
            action.triggered.connect(lambda checked=False, a=action: self.apply_workspace(a.data()))
        self.action_save_layout.triggered.connect(self.save_my_layout)
        self.action_my_layout.triggered.connect(self.restore_my_layout)
        self.action_reset.triggered.connect(self.reset_layout)
        self.action_history.triggered.connect(self.show_history)
        self.action_shows.triggered.connect(self.show_shows)
        for action in self.language_actions.values():
            action.triggered.connect(lambda checked=False, a=action: self.sig_language_requested.emit(a.data()))
        self.output.gate = self._go_live_gate
        self.output.go_live_question = self._ask_go_live
        self.review.sig_problem.connect(self._on_review_problem)
        self.checklists.sig_problem.connect(self._on_checklists_problem)
        self.checklists.sig_override_lapsed.connect(self._on_checklists_override_lapsed)
        if isinstance(self.rundown, RundownController):
            self.rundown.sig_logged.connect(self._on_rundown_logged)
        self.scenes.armed_mode.setChecked(self.settings.get("scenes/confirm_switch"))
        self.scenes.armed_mode.toggled.connect(self._on_armed_mode_toggled)
        self.telemetry.sig_findings_changed.connect(self._on_telemetry_findings_changed)
        self.telemetry.sig_sampled.connect(self._show_critical_finding)
        self.telemetry.hidden_series = {k for k in self.settings.get("graphs/hidden_series").split(",") if k}
        self.telemetry.sig_series_shown.connect(self._on_telemetry_series_shown)
        bridge.sig_state_changed.connect(self._on_bridge_state_changed)
        bridge.sig_room_changed.connect(self._show_room)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)

    def disconnect_signals(self) -> None:
        """Teardown, symmetric to _connect_signals for the senders that outlive this window (the bridge,
        the console's telemetry): a window being replaced hears nothing more from them."""
        bridge = self.bridge
        for signal, slot in (
            (bridge.sig_status_changed, self.status.set_status),
            (bridge.sig_status_changed, self._on_bridge_status_changed),
            (bridge.sig_rates_updated, self.status.set_rates),
            (bridge.sig_event_received, self._on_bridge_event_received),
            (bridge.sig_request_failed, self._on_bridge_request_failed),
            (bridge.sig_obs_closing, self._on_bridge_obs_closing),
            (self.telemetry.sig_problem, self._on_telemetry_problem),
            (self.telemetry.sig_notice, self._on_telemetry_notice),
            (self.telemetry.sig_findings_changed, self._on_telemetry_findings_changed),
            (self.telemetry.sig_sampled, self._show_critical_finding),
            (bridge.sig_state_changed, self._on_bridge_state_changed),
            (self.telemetry.sig_series_shown, self._on_telemetry_series_shown),
            (bridge.sig_room_changed, self._show_room),
            (self.checklists.sig_problem, self._on_checklists_problem),
            (self.checklists.sig_override_lapsed, self._on_checklists_override_lapsed),
            (self.review.sig_problem, self._on_review_problem),
        ):
            signal.disconnect(slot)
        if isinstance(self.rundown, RundownController):
            self.rundown.sig_logged.disconnect(self._on_rundown_logged)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._on_app_focus_changed)

    @Slot(object)
    def _on_bridge_state_changed(self, _state: object) -> None:
        self._enable_transition_keys()
        self._say_back_in_room()

    @Slot(object, object)
    def _on_app_focus_changed(self, _old: object, _new: object) -> None:
        self._enable_transition_keys()

    def _enable_transition_keys(self) -> None:
        focus = QApplication.focusWidget()
        typing = isinstance(focus, (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit)) or (
            isinstance(focus, QComboBox) and focus.isEditable()
        )
        # The checklist's Enter and Space confirm an item; in the rundown's table they are typing and choosing.
        in_checklist = focus is not None and any(
            focus is panel or panel.isAncestorOf(focus)
            for panel in (self.checklist, self.widgets.get("rundown"))
            if panel is not None
        )
        enabled = self.bridge.state.connected and self.bridge.state.studio_mode and not typing and not in_checklist
        for shortcut in self.transition_shortcuts:
            if shortcut.isEnabled() != enabled:
                shortcut.setEnabled(enabled)

    @Slot()
    def _on_transition_shortcut_activated(self) -> None:
        self.scenes.transition()

    @Slot(object)
    def _on_telemetry_problem(self, words: Words | None) -> None:
        # Said as functions: after a language switch the next window says these lines anew (walk13: "图表" and the
        # full-disk line stayed Chinese in the English window).
        if words is not None:
            self.log(_graphs_who, words, "warning")
        elif self._telemetry_failing:
            self.log(_graphs_who, _graphs_saved_again, "info")
        self._telemetry_failing = words is not None
        self._show_storage_problem()

    @Slot(object)
    def _on_telemetry_notice(self, words: Words) -> None:
        self.log(_graphs_who, words, "info")

    def _show_storage_problem(self) -> None:
        """The status bar says, for as long as it lasts, that the show's history is not being saved (walk13: a full
        data disk was said only in the event log, a tab behind the Checklist; nothing is lost while the writer
        holds the seconds, but everything will be if the console closes before the disk is freed)."""
        text = storage_problem_line(self.telemetry.trouble)
        shown = f"● {text}" if text else ""
        if self.storage_status.text() != shown:
            self.storage_status.setText(shown)
            self.storage_status.setToolTip(shown)
        self.storage_status.setVisible(bool(text))

    @Slot(object)
    def _on_checklists_problem(self, words: Words) -> None:
        self.log(_checklist_who, words, "warning")

    @Slot(str)
    def _on_checklists_override_lapsed(self, person: str) -> None:
        """The go-live override was for a stream that did not start: a later go-live is not that person's."""
        self.log(
            _checklist_who,
            lambda: QCoreApplication.translate(
                "MainWindow",
                "The go-live override of %1 no longer applies: the stream did not start. Going live asks for a "
                "reason again while the checklist is not ready.",
            ).replace("%1", person),
            "warning",
        )

    @Slot(object, str)
    def _on_rundown_logged(self, words: Words, level: str) -> None:
        """Every rundown boundary, and a scene switch refused at Go (the reason), in the event log; said again in
        the new language after a language switch, as the other lines are."""
        self.log(_rundown_who, words, level)

    @Slot(bool)
    def _on_armed_mode_toggled(self, on: bool) -> None:
        self.settings.set("scenes/confirm_switch", on)

    @Slot(str, bool)
    def _on_telemetry_series_shown(self, key: str, shown: bool) -> None:
        self.settings.set("graphs/hidden_series", ",".join(sorted(self.telemetry.hidden_series)))

    @Slot(bool)
    def _on_health_sound_toggled(self, on: bool) -> None:
        self.settings.set("health/sound", on)

    def set_language_checked(self, code: str) -> None:
        if code in self.language_actions:
            self.language_actions[code].setChecked(True)

    # ------------------------------------------------------------------ event log
    def log(self, who: Words, text: Words, level: str = "info", when: datetime | None = None) -> None:
        """A line in the event log. Generated text is given as a function (it must not hold this window: it is
        said again by the next window after a language switch); what is already in words, as a string. `when`:
        the moment it happened, if not now."""
        self.event_log.add(who, text, level, when)

    @Slot(object, str)
    def _on_bridge_event_received(self, event: ObsEvent, who: str) -> None:
        never_on_air = False
        if event.event_type == "StreamStateChanged":
            output = event.data.get("outputState")
            # Back in a room left on air: the return before the stream's first change there (this drain's state, which
            # says it otherwise, is signalled after its events).
            was_on_air = output not in (OutputState.STARTING, OutputState.STARTED)
            self._say_back_in_room(was_on_air)
            session = self.bridge.session
            if session is not None and session not in _STREAM_FIRST:
                # Just before this change's line: a restart's resumed show, read later, is said there.
                _STREAM_FIRST[session] = (datetime.now() - timedelta(microseconds=1), was_on_air)
            reconnecting = output == OutputState.RECONNECTING
            self._stream_tries = self._stream_tries + 1 if reconnecting else 0
            never_on_air = output == OutputState.STOPPED and self._stream_starting
            if output == OutputState.STARTING:
                self._stream_starting = True
            elif output in (OutputState.STARTED, OutputState.STOPPED):
                self._stream_starting = False
        if never_on_air:
            # Not "Streaming stopped" for a stream that never started (walk24): why, as the Output dock says it —
            # for a start from OBS itself too, which the console's go-live watch does not follow.
            failed = Message(GO_LIVE_STOPPED, {}, GO_LIVE_CONTEXT)
            self.log(
                lambda: QCoreApplication.translate("MainWindow", "OBS"),
                lambda: failed.in_language(QCoreApplication.translate),
                "warning",
                self._said_when(event),
            )
        elif describe_event(event, self.bridge.state) is not None:  # the state: which inputs are audio-only
            self.log(
                (lambda: QCoreApplication.translate("MainWindow", "Console"))
                if who == "console"
                else (lambda: QCoreApplication.translate("MainWindow", "OBS")),
                self._event_words(event),
                "warning" if "RECONNECTING" in str(event.data.get("outputState")) else "info",
                self._said_when(event),
            )

    def _said_when(self, event: ObsEvent) -> datetime:
        """When OBS said it (the event as received), on the wall clock the show's markers are stored in: the line
        reads the second the review reads for that marker (the line's own arrival, a drain later, read 16:06:00
        against the review's 16:05:59)."""
        session = self.telemetry.session
        return datetime.fromtimestamp(session.said_at(event) + session.telemetry.wall_offset)

    @Slot(object)
    def _on_bridge_go_live_changed(self, news: GoLive) -> None:
        """A go-live OBS accepted and then said nothing of: said in the log once, as the Output dock says it
        (walk24: nothing was logged). A refusal is logged as the failed request it is, and a stream that stopped
        while connecting as that stop (`_on_bridge_event_received`): not twice. The news comes again as the
        go-live moves on (starting, held): only a failure newly said is logged."""
        if news.starting and not self._go_live_starting:  # walk: a start held connecting left the log silent
            self.log(
                lambda: QCoreApplication.translate("MainWindow", "Console"),
                lambda: QCoreApplication.translate("MainWindow", "Going live…"),
            )
        self._go_live_starting = news.starting
        failure, before = news.failure, self._go_live_failure
        self._go_live_failure = failure
        if failure is None or failure.template != GO_LIVE_SILENT or failure == before:
            return
        self.log(
            lambda: QCoreApplication.translate("MainWindow", "Console"),
            lambda: failure.in_language(QCoreApplication.translate),
            "warning",
        )

    def _event_words(self, event: ObsEvent) -> Words:
        """What an OBS event says in the log, in the language of the moment (said again after a switch). A stop
        says how long the show was on air (walk16: it was said bare, and the tally's time had gone with it): from
        OBS's saying the stream started to its saying it stopped, the show's stored markers, as the review and its
        PDF count and round it (a planner read 00:01:23 here and 0:01:21 in the review); the room's clock up to the
        stop when this console did not hear it start."""
        clock = self.bridge.on_air
        on_air = clock.said_s if clock.said_s is not None else None if clock.ended_ms is None else clock.ended_ms / 1000
        if event.event_type != "StreamStateChanged" or event.data.get("outputState") != OutputState.STOPPED:
            on_air = None
        attempt = self._stream_tries
        retry = event.event_type == "StreamStateChanged" and event.data.get("outputState") == OutputState.RECONNECTING
        if retry and attempt > 1:
            return lambda: reconnect_retry_text(attempt)

        def words() -> str:
            from console.core.review.shows import duration_text  # the review's rounding; not loaded at start-up

            said = describe_event(event) or ""
            if on_air is None or round(on_air) == 0:
                return said
            return (
                QCoreApplication.translate("MainWindow", "%1 after %2 on air")
                .replace("%1", said)
                .replace("%2", duration_text(on_air))
            )

        return words

    @Slot(object)
    def _on_bridge_status_changed(self, status: LinkStatus) -> None:
        if status.state is self._last_state and status.state is not LinkState.RECONNECTING:
            return
        first_retry = status.state is LinkState.RECONNECTING and self._last_state is not LinkState.RECONNECTING
        if status.state is LinkState.RECONNECTING and not first_retry:
            return  # one line per outage, not one per retry
        self._last_state = status.state
        level = (
            "error"
            if status.state in (LinkState.AUTH_FAILED, LinkState.INCOMPATIBLE, LinkState.UNRESPONSIVE)
            else "warning"
            if status.state is LinkState.RECONNECTING
            else "info"
        )
        at = time.monotonic()  # "reconnecting in 3 s" stays the wait it was when it was logged
        self.log(
            lambda: QCoreApplication.translate("MainWindow", "Link"), lambda: self._describe_status(status, at), level
        )
        if (
            self.asks_for_passwords
            and self.bridge.password_not_kept
            and not self.bridge.password_asked
            and asks_unkept_password(status)
        ):
            # Asked at once, as the first start asks for the password of an OBS on this computer: the bar's "Enter
            # password…" stays for a prompt dismissed. After this slot: the dialog's own event loop is not run
            # inside the delivery of a status.
            self.bridge.password_asked = True
            QTimer.singleShot(0, self, self._on_password_action_triggered)

    def _describe_status(self, status: LinkStatus, now: float) -> str:
        return describe_status(status, now, self.bridge.password_not_kept)

    def _describe_status_briefly(self, status: LinkStatus, now: float) -> str:
        return describe_status(status, now, self.bridge.password_not_kept, brief=True)

    @Slot(object)
    def _on_telemetry_findings_changed(self, changes: list[Change]) -> None:
        """Every change of a finding goes to the event log; one that turns critical is also announced."""
        levels = self.telemetry.health.levels()
        announced: set[str] = set()
        for change in changes:
            finding = change.finding
            title = QCoreApplication.translate("Health", finding_title(finding.id, finding.fields))
            if change.kind == "closed":
                ran_on = finding.fields.get("stream") == StreamAfter.RAN_ON
                self.log(
                    lambda: QCoreApplication.translate("MainWindow", "Health"),
                    partial(_cleared, finding),
                    "info"
                    if ran_on or finding.id != Kind.OBS_UNREACHABLE or not finding.fields.get("stream")
                    else "error",
                )
                continue
            if change.kind == "opened" and finding.id == Kind.STREAM_NOT_RESUMED:
                # The stream's end, which no OBS event said (OBS was killed or crashed): a line as for a Stop.
                self.log(
                    lambda: QCoreApplication.translate("MainWindow", "OBS"), partial(_stream_lost, finding), "error"
                )
            level = {"critical": "error", "warning": "warning"}.get(finding.severity, "info")
            # The finding lives on and changes; the log keeps this moment's figures.
            moment = dataclasses.replace(finding, fields=dict(finding.fields))
            self.log(lambda: QCoreApplication.translate("MainWindow", "Health"), partial(finding_text, moment), level)
            # One announcement per category turning critical: render lag, low FPS and a long render time
            # arriving together are one emergency, not three.
            newly = finding.severity == "critical" and change.kind in ("opened", "raised")
            # A show cut by a lost OBS is news of its own, though "OBS lost" held the connection critical until then.
            fresh = self._critical.get(finding.category) != "critical" or finding.id == Kind.STREAM_NOT_RESUMED
            if newly and finding.category not in announced and fresh:
                announced.add(finding.category)
                self.announce(title, finding_text(finding))
        self._critical = levels
        self._show_critical_finding()

    @Slot()
    def _show_critical_finding(self) -> None:
        """The status bar names the worst open critical finding with its current figures; nothing once none is
        open (the figures move every second, so this follows the samples too)."""
        critical = [f for f in self.telemetry.health.active() if f.severity == "critical"]
        if not critical:
            self.critical_status.clear()
            self.critical_status.setVisible(False)
            self.status.set_brief(False)
            return
        finding = critical[0]
        title = QCoreApplication.translate("Health", finding_title(finding.id, finding.fields))
        message = finding_text(finding)
        # Said whole where the bar has room, else up to the end of a clause, else by its name alone: never cut
        # mid-sentence (fix25g: at 1366 px in Chinese the bar read "…最近 10 秒平均实际发…"). The whole is the
        # tooltip, and the Health dock's. The title once: not "Network drops: Network: …" (fix25p).
        category = QCoreApplication.translate("Health", CATEGORY_NAMES.get(finding.category, ""))
        forms = titled(title, message, (category,))
        # OBS lost on air: what it means for the show, whole on a laptop; the connection's state beside it says for
        # how long, and no longer the reason too (both were cut at 1366 px, the point of each lost).
        brief = brief_template(finding)
        whole = forms[0]
        if brief is not None:
            forms = [f"● {QCoreApplication.translate('Health', brief)}"]
        if forms[-1] != f"● {title}":
            forms.append(f"● {title}")  # its name: what is wrong, in a word, where nothing longer fits
        self.critical_status.set_forms(forms, whole)
        self.critical_status.setVisible(True)
        self.status.set_brief(brief is not None)

    @Slot(str)
    def open_troubleshooting(self, template_id: str) -> None:
        """A finding's non-normal checklist: the Checklist dock comes forward with it (started if it can be)."""
        dock = self.docks["checklist"]
        dock.show()
        dock.raise_()
        self.checklist.offer(template_id)

    def announce(self, title: str, text: str) -> None:
        """Something turned critical: the status bar, a desktop notification where the desktop has a tray,
        and a sound if the team asked for one. The Health dock and the event log keep the details."""
        self.announcements.append(f"{title}: {text}")
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                self._tray = QSystemTrayIcon(self.windowIcon(), self)
                self._tray.setToolTip(self.tr("OnAir Console"))
                self._tray.show()
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Critical, 10000)
        if self.settings.get("health/sound"):  # the Health dock's "Sound on critical" (built or not yet)
            QApplication.beep()

    @Slot(str)
    def _on_status_bar_message_changed(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    @Slot(object, object)
    def _on_bridge_request_failed(self, description: Words, error: BaseException) -> None:
        # Said again in the new language after a switch: the command's words and OBS's error both (a description
        # given as a string, and OBS's own comment, stay as they came). OBS's stream already starting or on air is
        # no failure of the go-live (the Output dock follows it).
        words = partial(_request_failed, description, error)
        self.log(_console_who, words, "info" if go_live_already_running(error) else "error")
        self.statusBar().showMessage(words(), 8000)

    @Slot()
    def _on_bridge_obs_closing(self) -> None:
        self.log(
            lambda: QCoreApplication.translate("MainWindow", "OBS"),
            lambda: QCoreApplication.translate("MainWindow", "OBS is closing"),
            "warning",
        )

    @Slot()
    def _on_analyze_log_action_triggered(self) -> None:
        from console.log_review import offer  # the dialogs load when first opened, not at start-up

        endpoint = self.bridge.endpoint
        choice = offer(endpoint.host if endpoint is not None else None, demo=self.demo)
        self.analyze_log(choice.path, choice.note.in_language(QCoreApplication.translate))

    def analyze_log(self, path: Path | None, note: str = "") -> LogReportDialog:
        """The OBS log's sessions and findings, read off the GUI thread, in a window of their own, beside the live
        findings of the same show of this room (console/log_review.py); without a path, a log is dropped or opened."""
        from console.log_review import comparer
        from widgets.log_report_dialog import LogReportDialog

        dialog = LogReportDialog(path, self, note, comparer(self.review.storage_url, self.bridge.room_key))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_history(self) -> HistoryDialog:
        from console.pdf_report import write_pdf
        from widgets.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.checklists, self._dock_context.language, write_pdf, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _go_live_gate(self) -> bool:
        """While this room's pre-show run has required items open, going live needs a reason, which is recorded.

        Giving the reason is the decision to go live: the stream starts here, and False tells the output panel
        that there is nothing left to do, so it does not ask "Start streaming now?" after it (it asked twice)."""
        run = self.checklists.gate_run()
        if run is None or run.ready:
            return True
        open_items = "\n".join(f"• {title}" for title in self.checklists.blocking_titles(self._dock_context.language))
        reason, ok = QInputDialog.getText(
            self,
            self.tr("The checklist is not ready"),
            self.tr(
                "These required items are not done:\n%1\n\nTo go live anyway, give the reason "
                "(it is recorded with your name):"
            ).replace("%1", open_items),
        )
        # Both lines said again in the language of the moment after a switch (as functions, not strings in the
        # language they were logged in); the reason stays as typed.
        if not ok or not reason.strip():
            self.log(_checklist_who, _go_live_stopped, "warning")
            return False
        if self.checklists.override_go_live(reason):
            given = reason.strip()
            self.log(
                _checklist_who,
                lambda: QCoreApplication.translate("MainWindow", "Going live with open items: %1").replace("%1", given),
                "warning",
            )
            # The override holds for this stream only: refused, or stopped before it went on air, it lapses.
            self.bridge.request(
                "StartStream",
                description=_go_live_words,
                on_done=self.checklists.start_answered,
            )
            self._keep_show_details(None)  # the reason was the one question: the details are kept as prefilled
        return False

    # ------------------------------------------------------------------ show details at go-live, the Shows browser
    def _show_room_key(self) -> str:
        return "demo" if self.demo else (self.room or "")

    def _ask_go_live(self, parent: QWidget) -> bool:
        """ "Start streaming now?" with the show's details folded under it (prefilled; kept on the worker)."""
        from widgets.show_meta_dialog import GoLiveDialog

        dialog = GoLiveDialog(
            self.review,
            self._show_room_key(),
            self.telemetry.current_show(),
            parent,
            unchecked=not self.checklists.checked_for_this_show(),
        )
        self.go_live_dialog = dialog  # tests answer it
        try:
            if dialog.exec() != GoLiveDialog.DialogCode.Accepted:
                return False
            self._keep_show_details(dialog.meta())
            return True
        finally:
            self.go_live_dialog = None
            dialog.deleteLater()

    def _keep_show_details(self, meta: ShowMeta | None) -> None:
        show_id = self.telemetry.current_show()
        if show_id is None:
            return  # no show is being kept
        run = self.checklists.gate_run() or self.checklists.runs.get("main")
        by = run.operator if run is not None else ""
        self.review.keep_at_go_live(show_id, self._show_room_key(), meta, by)

    def show_shows(self) -> QDockWidget:
        """View ▸ Shows…: the Shows browser where it is docked, or (hidden in this workspace) in a window of its
        own as wide as its columns within the screen, so the operator's layout is not rearranged."""
        from widgets.shows_browser import ShowsBrowser  # loaded with the dock, not at the console's start

        dock = self.docks["shows"]
        if dock.isHidden():
            dock.setFloating(True)
            browser = self.widgets["shows"]  # built now (a lazy dock): its columns say how wide the window is
            if isinstance(browser, ShowsBrowser) and not self._shows_width_followed:
                self._shows_width_followed = True
                browser.sig_columns_widened.connect(self._on_shows_columns_widened)
            room = self.available_size()
            dock.resize(self._shows_window_width(), min(640, room.height() - 60))
            dock.move(self.geometry().center() - dock.rect().center())
        dock.show()
        dock.raise_()
        dock.activateWindow()
        return dock

    def _shows_window_width(self) -> int:
        """The Shows window as wide as its columns (every one whole, the last — 检查单 / Checklist — included;
        1920×1080 opened it 1280 px wide with a scroll bar), within the screen (on a laptop the title and hosts
        columns give way instead: ShowsBrowser._fit_width)."""
        from widgets.shows_browser import ShowsBrowser

        dock, browser = self.docks["shows"], self.widgets["shows"]
        wanted = browser.wanted_width() if isinstance(browser, ShowsBrowser) else 1280
        frame = max(0, dock.sizeHint().width() - browser.sizeHint().width())  # the dock's own border
        return max(1, min(wanted + frame, self.available_size().width() - 40))

    @Slot()
    def _on_shows_columns_widened(self) -> None:
        """A page brought a show not over (its room cell says so): the Shows window, floating, grows to show it
        whole where the screen has room — never shrinks (the operator may have widened it), stays on the screen."""
        dock = self.docks["shows"]
        if not dock.isFloating() or not dock.isVisible():
            return
        width = self._shows_window_width()
        if width > dock.width():
            dock.resize(width, dock.height())
            screen = (dock.screen() or self.screen()).availableGeometry()
            frame = dock.frameGeometry()
            if frame.right() > screen.right():
                dock.move(max(screen.left(), screen.right() - frame.width() + 1), frame.top())

    @Slot(object)
    def _on_review_problem(self, words: Words) -> None:
        self.log(lambda: QCoreApplication.translate("MainWindow", "Shows"), words, "error")

    @Slot()
    def _on_password_action_triggered(self) -> None:
        password, ok = QInputDialog.getText(
            self,
            self.tr("OBS password"),
            self.tr("Password (OBS: Tools → WebSocket Server Settings):"),
            QLineEdit.EchoMode.Password,
        )
        if ok:
            self.sig_password_entered.emit(password)

    # ------------------------------------------------------------------ layout
    def apply_workspace(self, name: str) -> None:
        workspace = WORKSPACES[name].using(self.docks)
        size = self.size()
        for dock_id, dock in self.docks.items():
            if dock_id in workspace.placement:
                dock.setFloating(False)
                self.addDockWidget(workspace.placement[dock_id], dock)
                dock.show()
            else:
                dock.hide()
        for first, second, orientation in workspace.splits:
            if first in self.docks and second in self.docks:
                self.splitDockWidget(self.docks[first], self.docks[second], orientation)
        for group in (tuple(d for d in g if d in self.docks) for g in workspace.tabbed):
            if not group:
                continue
            for other in group[1:]:
                self.tabifyDockWidget(self.docks[group[0]], self.docks[other])
            self.docks[group[0]].raise_()
        if not self.windowState() & screen_fit.WHOLE:
            self.resize(size)  # placing docks one by one grows the window; the workspace fits the window instead
        # A maximised (or full-screen) window is not resized: it is the window manager's to size, and Qt takes a
        # resize() of it for the end of that state, with no event to say so while the window manager keeps it
        # maximised. A first start's workspace did that: the state kept was unmaximised at the screen's size, and a
        # console maximised and ended by a logout or a kill came back unmaximised at 1912×1048.
        if not self.isVisible() and self.isMaximized():
            # Applied before a maximised window shows (--workspace at a restart): laid out again at the full size.
            self._lay_out_maximised = True
            self._state_when_maximised = None
        self.fit_to_screen()
        self._size_docks(name)
        self.settings.set("ui/workspace", name)
        self._show_active_workspace(name)
        self._suggest_checklist(name)
        # Again once the new layout has been laid out: until then the docks passed through on the way can hold the
        # window larger than it was, and Qt spreads the sizes its own way.
        QTimer.singleShot(0, self, partial(self._settle, name, size))  # with a context: dropped if the window goes
        QTimer.singleShot(0, self, self._hide_stray_tab_bars)  # context: dropped with the window

    def _suggest_checklist(self, name: str | None) -> None:
        """The checklist picker starts on the workspace's own pre-show list, whether the workspace was just chosen or
        came back with a saved layout (a restart, a language switch: the picker was rebuilt on its first list)."""
        if name in WORKSPACE_CHECKLISTS and "checklist" in WORKSPACES[name].placement and "checklist" in self.docks:
            self.checklist.suggest(WORKSPACE_CHECKLISTS[name])

    def _settle(self, name: str, size: QSize) -> None:
        if not self.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            self.resize(size)
        self.fit_to_screen()
        self._size_docks(name)
        # Kept at once with the workspace it is: after a crash or kill -9 the console comes back with this layout
        # and this workspace ticked, not the layout of the last clean quit under the new workspace's tick (walk14).
        self.save_layout()

    def _size_docks(self, name: str) -> None:
        """Each group shares the space its docks hold now in the workspace's proportions (weights, not pixels:
        pixel sizes made for one screen overflowed a smaller one and wasted a larger one)."""
        for ids, weights, orientation in WORKSPACES[name].using(self.docks).sizes:
            docks = [self.docks[i] for i in ids]
            horizontal = orientation is Qt.Orientation.Horizontal
            total = sum(d.width() if horizontal else d.height() for d in docks)
            if total <= 0:
                continue
            sizes = [max(1, total * weight // sum(weights)) for weight in weights]
            self.resizeDocks(docks, sizes, orientation)

    def available_size(self) -> QSize:
        """The room the window may take on its screen, without the window manager's frame."""
        return screen_fit.available_size(self)

    def fit_to_screen(self) -> None:
        """Never larger than the screen: after a workspace change, a restored geometry from a bigger screen,
        or a first start on a laptop. Maximised and full-screen windows are the window manager's to size."""
        screen_fit.fit_to_screen(self)

    def _on_dock_view_action_triggered(self, dock_id: str) -> None:
        """View ▸ <dock>: a dock shown grows the window by its minimum size (Bitrate under Health took a laptop's
        window to 844 px of 768, the status bar below the screen, and it could not be shrunk)."""
        dock = self.docks[dock_id]
        if not dock.isHidden():  # shown by the action's own toggle, which runs first
            self.place_opened_dock(dock_id)
            # Again once the dock is laid out: its widget (built when first shown) says its minimum size then.
            QTimer.singleShot(0, self, partial(self.place_opened_dock, dock_id))  # context: dropped with it

    def place_opened_dock(self, dock_id: str) -> None:
        """A dock opened from the View menu joins a tab stack, on top, and no other dock moves (walk14: Qt put the
        Rundown dock back where it had been before the workspace — beside Scenes —, and fitting that layout to a
        laptop moved Questions over the program picture). The stacks shown are tried first (those of the dock's
        own area, then the largest); the first the window fits with is kept. With none, the place Qt gave it if
        the window fits so, else the stack or dock with which the window overflows least — and when that still
        holds the window past the screen (many docks open on a laptop), other docks join stacks too
        (fit_docks_to_screen): the window on the screen comes first."""
        dock = self.docks[dock_id]
        if dock.isHidden() or dock.isFloating():
            return
        room = self.available_size()
        now = self._overflow(room)
        if now == 0 and self._stack_of(dock):
            dock.raise_()  # back in a stack it was in, and it fits
            return
        if (
            self._best_place(dock, room, now) > 0
        ):  # nowhere it fits as the others stand: the screen first, other docks tabbed to make room
            self.fit_docks_to_screen((dock_id,))
            return
        dock.raise_()  # opened to be seen: on top of its stack
        layout = self.layout()
        if layout is not None:  # a QMainWindow's own: always there
            layout.activate()
        self.fit_to_screen()
        QTimer.singleShot(0, self, self._hide_stray_tab_bars)  # context: dropped with the window

    def _best_place(self, dock: QDockWidget, room: QSize, now: int) -> int:
        """Put an opened dock where place_opened_dock() says; how far the window overflows the room then."""
        stacks, singles = self._places_for(dock)
        before = self.saveState(LAYOUT_VERSION)
        best: tuple[int, QByteArray] = (now, before)
        for partner in (*stacks, None, *singles):
            if partner is None:  # the stacks tried: the place Qt gave it, when the window fits so
                if now == 0:
                    break
                continue
            self.tabifyDockWidget(partner, dock)
            overflow = self._overflow(room)
            if overflow == 0 and partner in stacks:
                return 0
            if overflow < best[0]:
                best = (overflow, self.saveState(LAYOUT_VERSION))
            self.restoreState(before, LAYOUT_VERSION)
        self.restoreState(best[1], LAYOUT_VERSION)
        return best[0]

    def _stack_of(self, dock: QDockWidget) -> list[QDockWidget]:
        """The docks shown in the window that share a dock's tab stack (not the dock itself)."""
        return [d for d in self.tabifiedDockWidgets(dock) if not d.isHidden() and not d.isFloating()]

    def _places_for(self, dock: QDockWidget) -> tuple[list[QDockWidget], list[QDockWidget]]:
        """Where a dock opened may go: one dock of each tab stack shown, then the docks shown alone; each list
        with the docks of the dock's own area (its registry's) first, then the largest."""
        area = next(spec.area for spec in DOCKS if self.docks.get(spec.id) is dock)
        shown = [d for d in self.docks.values() if d is not dock and not d.isHidden() and not d.isFloating()]
        stacks: list[QDockWidget] = []
        singles: list[QDockWidget] = []
        seen: set[int] = set()
        for other in shown:
            if id(other) in seen:
                continue
            group = [other, *(d for d in self._stack_of(other) if d is not dock)]
            seen.update(id(d) for d in group)
            (stacks if len(group) > 1 else singles).append(other)

        def order(d: QDockWidget) -> tuple[bool, int]:
            group = [d, *(o for o in self._stack_of(d) if o is not dock)]
            return self.dockWidgetArea(d) != area, -max(o.width() * o.height() for o in group)

        return sorted(stacks, key=order), sorted(singles, key=order)

    def fit_docks_to_screen(self, first: Sequence[str] = ()) -> None:
        """fit_to_screen(), after the docks whose minimum sizes hold the window larger than the screen join another
        dock's tab stack, as the workspaces tab them: the docks in `first` (one just opened) tried before the
        others, the docks a room opens least before the ones it works in. A move that frees no room is undone
        (a wide dock tabbed into a narrow column widens the window). The docks in `first` are on top of their
        stacks."""
        room = self.available_size()
        overflow = self._overflow(room)
        order = [*first, *(dock_id for dock_id in reversed(self.docks) if dock_id not in first)]
        for _ in range(len(order)):  # rounds: a move can make room for one tried before it (a layout of 14 docks)
            start = overflow
            for dock in (self.docks[dock_id] for dock_id in order):
                if overflow == 0:
                    break
                if dock.isHidden() or dock.isFloating():
                    continue
                for partner in self._tab_partners(dock):
                    before = self.saveState(LAYOUT_VERSION)
                    self.tabifyDockWidget(partner, dock)
                    now = self._overflow(room)
                    if now < overflow:
                        overflow = now
                        break
                    self.restoreState(before, LAYOUT_VERSION)
            if overflow in (0, start):
                break
        for dock_id in first:
            self.docks[dock_id].raise_()  # the dock opened, not the last one tabbed, on top of its stack
        layout = self.layout()
        if layout is not None:  # a QMainWindow's own: always there
            layout.activate()  # the window's minimum follows the docks now: fit_to_screen() may shrink it
        self.fit_to_screen()
        QTimer.singleShot(0, self, self._hide_stray_tab_bars)  # context: dropped with the window

    def _overflow(self, room: QSize) -> int:
        """How many pixels the docks' minimum sizes hold the window past the room, across and down."""
        layout = self.layout()
        if layout is not None:  # a QMainWindow's own: always there
            layout.invalidate()  # the minimum of the docks as they are now, not as they were last laid out
        needed = self.minimumSizeHint()
        return max(0, needed.width() - room.width()) + max(0, needed.height() - room.height())

    def _tab_partners(self, dock: QDockWidget) -> list[QDockWidget]:
        """The docks a dock that does not fit may join: the largest shown in its area, then the largest shown;
        never one of its own stack (that frees no room)."""
        stack = {dock, *self.tabifiedDockWidgets(dock)}
        shown = [d for d in self.docks.values() if d not in stack and d.isVisible() and not d.isFloating()]
        same_area = [d for d in shown if self.dockWidgetArea(d) == self.dockWidgetArea(dock)]
        partners = [max(group, key=lambda d: d.width() * d.height()) for group in (same_area, shown) if group]
        return list(dict.fromkeys(partners))

    def _show_active_workspace(self, name: str | None) -> None:
        """The Workspace menu ticks the preset in use (none once "My layout" is restored)."""
        self._workspace = name
        for workspace, action in self.workspace_actions.items():
            action.setChecked(workspace == name)
        self.action_my_layout.setChecked(name is None)

    def _show_my_layout_state(self) -> None:
        saved = self.settings.window_state("workspaces/mine") is not None
        self.action_my_layout.setEnabled(saved)
        self.action_my_layout.setText(self.tr("My layout") if saved else self.tr("My layout (nothing saved yet)"))

    def _hide_stray_tab_bars(self) -> None:
        """Re-tabbing docks can leave Qt's tab bar of a group it passed through on screen at its old place, over
        another dock (seen as a stray "Health | Program" bar on a graph after a workspace change and a resize).
        A tab bar in use sits right under one of its docks; any other is hidden."""
        # Qt's dock tab bars are the window's own children: not the whole widget tree searched (~2 ms a resize, 7
        # resizes before the first paint).
        for bar in self.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if bar.parent() is not self or bar.isHidden():
                continue
            titles = {bar.tabText(i) for i in range(bar.count())}
            in_use = any(
                dock.isVisible()
                and dock.windowTitle() in titles
                and abs(bar.geometry().top() - dock.geometry().bottom() - 1) <= 4
                and bar.geometry().left() < dock.geometry().right()
                and dock.geometry().left() < bar.geometry().right()
                for dock in self.docks.values()
            )
            if not in_use:
                bar.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if hasattr(self, "_layout_save"):  # Qt resizes the window while it is being built
            self._layout_save.start()
            if self._resizing_for_state is not None:
                QTimer.singleShot(0, self, self._give_dock_shares)
        QTimer.singleShot(0, self, self._hide_stray_tab_bars)  # context: dropped with the window
        state = self._state_when_maximised
        if state is not None and self.isMaximized() and self.isVisible():  # shown, at its full size
            self._state_when_maximised = None
            QTimer.singleShot(0, self, partial(self.restoreState, state, LAYOUT_VERSION))
        if screen_fit.unmanaged(self):
            # Maximised with no window manager to size it, and past the screen (its docks grew it): it takes the
            # screen itself, its docks tabbed if their minimum sizes still hold it past (fit_docks_to_screen).
            QTimer.singleShot(0, self, self.fit_docks_to_screen)
        if getattr(self, "_lay_out_maximised", False) and self.isMaximized() and self.isVisible():
            # The workspace was laid out for the unmaximised size: laid out again for the whole screen, its docks
            # share it in the workspace's proportions (not the Scenes dock taking every pixel the screen added).
            self._lay_out_maximised = False
            QTimer.singleShot(0, self, self.reset_layout)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if isinstance(event, QWindowStateChangeEvent):
            self._follow_minimised()
            whole = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
            if bool(event.oldState() & whole) != bool(self.windowState() & whole):
                # Maximised or restored: the docks get their shares of the new size once the window has it (the
                # window manager may say the new state before or after the new size).
                self._resizing_for_state = time.monotonic()
                QTimer.singleShot(0, self, self._give_dock_shares)
                if event.oldState() & whole and self.isVisible():
                    # Unmaximised: at the place it had before, which the window manager's frame may not fit (a
                    # first start's was placed with a guess of the frame, and openbox's bottom border is 1 px more):
                    # moved onto the screen once the frame of the unmaximised window is said. That may come after
                    # the last event that asks (openbox sets it apart from the new size): then a moment later.
                    self._fit_when_framed = True
                    self._frame_when_whole = screen_fit.frame_margins(self)
                    self._size_when_whole = self.size()
                    QTimer.singleShot(UNMAXIMISED_FIT_MS, self, self._fit_unmaximised)
            if screen_fit.unmanaged(self):
                # Maximised again with no window manager to size it: the area again. (Qt takes a window given a
                # geometry for unmaximised until X says the state it asked for once more, with no resize: a first
                # start's workspace put it back to 1440×900 in that moment, in the corner of a 1920×1080 screen.)
                QTimer.singleShot(0, self, self.fit_docks_to_screen)

    def _give_dock_shares(self) -> None:
        if self._resizing_for_state is None or not self.isVisible():
            return
        if self._dock_shares.room is None:
            self._resizing_for_state = None  # nothing kept yet (a first start): the workspace lays the docks out
        else:
            # At every size the window passes through on the way (a window manager may resize it more than once):
            # the shares stay those of before until the layout is kept at the new size (save_layout).
            self._dock_shares.give(self, self.docks)

    def reset_layout(self) -> None:
        name = self.settings.get("ui/workspace")
        usable = name in WORKSPACES and (not WORKSPACES[name].needs or WORKSPACES[name].needs in self.docks)
        self.apply_workspace(name if usable else "Assistant")
        if "rundown" in self.widgets:  # built: a dock never shown (built lazily) has no column dragged
            rundown = self.rundown_dock
            assert rundown is not None
            rundown.table.fit_columns()  # a Segment column dragged wider is part of the layout reset

    def save_my_layout(self) -> None:
        self.settings.set_window_state("workspaces/mine", self.saveState(LAYOUT_VERSION))
        self._show_my_layout_state()

    def restore_my_layout(self) -> bool:
        state = self.settings.window_state("workspaces/mine")
        if state is None or not self.restoreState(state, LAYOUT_VERSION):
            self.statusBar().showMessage(
                self.tr("No layout of yours is saved yet: arrange the docks, then “Save current layout as my layout”."),
                8000,
            )
            self._show_my_layout_state()
            workspace = self.settings.get("ui/workspace")
            self._show_active_workspace(workspace if workspace in WORKSPACES else None)
            return False
        self._show_active_workspace(None)
        self.fit_docks_to_screen()  # saved on a larger screen, perhaps
        QTimer.singleShot(0, self, self.fit_docks_to_screen)
        self.save_layout()  # with the tick it goes with: kept whatever the exit
        return True

    def restore_layout(self) -> None:
        """Every dock exists already; a saved state of another dock set falls back to the default layout."""
        geometry = self.settings.window_state(GEOMETRY_KEY)
        state = self.settings.window_state(STATE_KEY)
        if geometry is None:
            self.resize(DEFAULT_SIZE)
        # The docks before the geometry. Into a hidden window that its geometry has made maximised, Qt restores a
        # dock state twice: now, and again from a copy it keeps for the first resize, whose items are the layout's
        # of now. A workspace applied before the window shows (--workspace, --screenshot's reset) re-adds every
        # dock and frees those items: the copy, laid out at the next resize, crashed the console in
        # splitDockWidget at every such start after a console that was maximised — a kill -9 on air included.
        # Restored while the window is not maximised yet, no copy is kept; it is fitted as the window grows.
        saved = state is not None and self.restoreState(state, LAYOUT_VERSION)
        restored = geometry is not None and self.restoreGeometry(geometry)
        if saved and state is not None and self.isMaximized():
            # The state again once the window is shown maximised (resizeEvent): its docks as they were at that
            # size, not the Scenes dock taking every pixel the window grew by.
            self._state_when_maximised = state
        #: Nothing saved: a first start (or its layout lost), which `show_window` opens maximised.
        self.first_start = not restored
        if restored:
            self._restore_place()
        else:
            self.resize(DEFAULT_SIZE)
        if not saved:
            self.reset_layout()
        else:
            # The workspace the state was saved as (a state saved before it was kept: the one last chosen).
            workspace = self.settings.ui_text(WORKSPACE_KEY)
            if workspace is None:
                workspace = self.settings.get("ui/workspace")
            self._show_active_workspace(workspace if workspace in WORKSPACES else None)
            self._suggest_checklist(workspace)
        self._show_my_layout_state()
        if not restored:
            self.resize(DEFAULT_SIZE)  # after the docks are placed: they would otherwise grow it past a laptop screen
        if saved:  # perhaps on a larger screen (walk10: 1080p with more docks open, back on a 1366×768 laptop)
            self.fit_docks_to_screen()
            QTimer.singleShot(0, self, self.fit_docks_to_screen)  # once laid out, with the lazy docks' widgets built
        else:
            # The workspace's own fit placed and sized the docks; docks that hold the window past the screen join a
            # stack: the unmaximised window a first start shows before it is maximised fits its screen (Technician in
            # Chinese needed 764 px of a 1366×768 laptop's 736, and with no window manager to maximise it, it stayed).
            self.fit_docks_to_screen()

    def _restore_place(self) -> None:
        """The unmaximised window exactly where it was left, moved (or shrunk) only as much as its frame needs to lie
        in a screen's available area as it is now; for a maximised window, where it goes when unmaximised."""
        kept = _read_place(self.settings.ui_text(PLACE_KEY) or "")
        if kept is None:
            return  # none saved yet (an older version's layout), or not ours
        place, frame = kept
        fitted = screen_fit.fitted_place(place, frame)
        whole = self.windowState() & screen_fit.WHOLE
        if whole:
            # Maximised: the place is where it goes when unmaximised. Put in while the window is hidden, unmaximised
            # for that moment (Qt takes the geometry it has when it is maximised for that place).
            self.setWindowState(self.windowState() & ~whole)
            self.setGeometry(fitted)
            self.setWindowState(self.windowState() | whole)
        else:
            self.setGeometry(fitted)
        self._normal_place, self._normal_frame = fitted, frame

    def show_window(self) -> None:
        """Shown as the team left it; on a first start maximised: a console for a live room is used on the whole
        screen, whatever its size (unmaximised it is DEFAULT_SIZE, fitted to the screen)."""
        if self.first_start:
            self._lay_out_maximised = True
            # Unmaximised, it is centred on its screen with its title bar on it (the place it has before it is
            # maximised is that one; the window manager's frame is not known yet: FRAME_RESERVE stands for it — with
            # no window manager there is none to come).
            area = (self.screen() or QApplication.primaryScreen()).availableGeometry()
            reserve = QSize(0, 0) if screen_fit.undecorated() else screen_fit.FRAME_RESERVE
            frame, side = self.size() + reserve, reserve.width() // 2
            self.move(
                area.left() + max(0, (area.width() - frame.width()) // 2) + side,
                area.top() + max(0, (area.height() - frame.height()) // 2) + reserve.height() - side,
            )
            self._normal_place = self.geometry()  # kept before the workspace's docks can grow the maximised window
            self.showMaximized()
        else:
            # Placed with the frame it had when it was left (or a guess of one): once the window manager has said
            # the frame it has now, the window is moved onto the screen if that frame is larger (its bottom below a
            # 1366×768 laptop's edge).
            self._fit_when_framed = not self.windowState() & screen_fit.WHOLE
            self.show()
        if screen_fit.unmanaged(self):
            # Maximised, and no window manager grants it: the window takes the screen's area itself (one that already
            # fitted got no resize to say so, and kept its unmaximised size and place: a band of desktop around it).
            self.fit_docks_to_screen()

    def _watch_layout(self) -> None:
        """A dock moved, floated, closed or opened, a separator dragged or the window resized by hand is kept a
        second later, not only at a clean quit: after a crash or kill -9 the console came back with the docks where
        they were at the last quit (rundown13). Bursts (a workspace placing ten docks) make one write."""
        self._layout_save = QTimer(self)
        self._layout_save.setSingleShot(True)
        self._layout_save.setInterval(LAYOUT_SAVE_DELAY_MS)
        self._layout_save.timeout.connect(self._save_layout_if_shown)
        for dock in self.docks.values():
            dock.dockLocationChanged.connect(self._layout_changed)
            dock.topLevelChanged.connect(self._layout_changed)
            dock.visibilityChanged.connect(self._layout_changed)

    @Slot()
    def _layout_changed(self) -> None:
        self._layout_save.start()

    @Slot()
    def _save_layout_if_shown(self) -> None:
        # A window being closed (a quit, a language switch) has saved its own layout: its docks hiding must not
        # write over it, or over the new window's.
        if self.isVisible():
            self.save_layout()

    def event(self, event: QEvent) -> bool:
        # A separator between docks is the window's own: QMainWindow ends its drag in event() itself, and a dock
        # resized so emits nothing (mouseReleaseEvent is never called for it).
        if event.type() == QEvent.Type.MouseButtonRelease and hasattr(self, "_layout_save"):
            self._layout_save.start()
        if self._fit_when_framed and event.type() in _FRAMED_AFTER and self.isVisible():
            # The frame is known once the window manager has taken the window: no event says when (a window put
            # where it asked is not moved), so the first ones after it is shown are asked.
            frame = screen_fit.frame_margins(self)
            if self.windowState() & screen_fit.WHOLE:
                self._fit_when_framed = False
            elif frame is not None and frame != self._frame_when_whole and not self._still_whole_sized():
                self._fit_when_framed = False
                QTimer.singleShot(0, self, self.fit_to_screen)
        return super().event(event)

    def _still_whole_sized(self) -> bool:
        """Unmaximised, but the window manager has not given it its unmaximised size yet: fitted now, it would be
        shrunk by the new frame to the screen's size (openbox may say the frame, and move the window inside it, before
        it gives the size)."""
        return self._size_when_whole is not None and self.size() == self._size_when_whole

    def _fit_unmaximised(self) -> None:
        """An unmaximised window whose frame changed in no event that asks: fitted with the frame it has now."""
        if self._fit_when_framed and self.isVisible() and not self.windowState() & screen_fit.WHOLE:
            self._fit_when_framed = False
            if not self._still_whole_sized():
                self.fit_to_screen()

    def save_layout(self) -> None:
        """The window's geometry and layout, and the workspace ticked with them, in one write; and the docks' shares
        of the window (not while a maximise or restore waits for its new size, unless it never came within 3 s)."""
        if not self.keeps_layout:
            return
        pending = self._resizing_for_state
        if pending is not None and (
            dock_room(self) != self._dock_shares.room or time.monotonic() - pending > 3.0 or not self.isVisible()
        ):
            self._resizing_for_state = None  # the window has its new size (kept a second after the last resize)
        if self._resizing_for_state is None:
            self._dock_shares.take(self, self.docks)
        normal = self.normalGeometry()
        if normal.isValid():
            self._normal_place = normal
        if self.isVisible() and not self.windowState() & (screen_fit.WHOLE | Qt.WindowState.WindowMinimized):
            frame = screen_fit.frame_margins(self)
            if frame is not None:  # none without a window manager is a frame too: QMargins(), which is falsy
                self._normal_frame = frame
        values: dict[str, QByteArray | str] = {
            GEOMETRY_KEY: self.saveGeometry(),
            STATE_KEY: self.saveState(LAYOUT_VERSION),
            WORKSPACE_KEY: self._workspace or "",
        }
        if self._normal_place is not None:
            values[PLACE_KEY] = _place_text(self._normal_place, self._normal_frame)
        self.settings.set_ui_values(values)

    # ------------------------------------------------------------------ leaving
    def show_about(self) -> AboutDialog:
        from widgets.about_dialog import AboutDialog

        dialog = AboutDialog(self.bridge, console.__version__, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def on_air(self) -> str:
        """What OBS is doing that the team would lose sight of if the console closed (last known state),
        as a whole sentence; empty when nothing is on air."""
        if not self.bridge.linked:
            return ""
        stream, record = self.bridge.state.stream.active, self.bridge.state.record.active
        if stream and record:
            return self.tr("OBS is streaming live and recording.")
        if stream:
            return self.tr("OBS is streaming live.")
        if record:
            return self.tr("OBS is recording.")
        return ""

    def _engagement_at_stake(self, leaving_room: bool = False) -> str:
        """What of the audience's part a quit (or, `leaving_room`, a switch to another room) leaves hanging, as
        sentences ending in a blank line ("" when nothing): an open lottery (comments written while no console reads
        cannot enter it) and questions this console has claimed (they stay claimed in its name: no other desk can
        answer them)."""
        if self.engage is None:
            return ""
        said = []
        lottery = self.engage.lottery
        if lottery is not None and lottery.state == "open":
            words = (
                self.tr(
                    "The lottery “%1” is open (entries so far: %2): comments written after the console leaves the "
                    "room cannot enter it."
                )
                if leaving_room
                else self.tr(
                    "The lottery “%1” is open (entries so far: %2): comments written while the console is closed "
                    "cannot enter it."
                )
            )
            said.append(words.replace("%1", lottery.keyword).replace("%2", str(len(lottery.entries))))
        who = self.engage.who
        claimed = [q for q in self.engage.questions if q.state is QuestionState.CLAIMED and q.claimed_by == who]
        if claimed:
            words = (
                self.tr(
                    "Questions claimed by you: %1. They stay yours after the console leaves the room, and no other "
                    "desk can answer them."
                )
                if leaving_room
                else self.tr(
                    "Questions claimed by you: %1. They stay yours while the console is closed, and no other desk "
                    "can answer them."
                )
            )
            said.append(words.replace("%1", str(len(claimed))))
        return "".join(line + "\n\n" for line in said)

    def _ask_before_leaving(self, doing: str) -> None:
        """A window-modal question opened with open(), not exec(): no nested event loop, so the bridge keeps
        draining, the meters and the timecode keep moving and a critical finding is still announced."""
        if self.leave_question is not None:
            self.leave_question.raise_()
            self.leave_question.activateWindow()
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Quit while on air?"))
        box.setText(doing)
        at_stake = self._engagement_at_stake()
        box.setInformativeText(
            at_stake
            +
            # The demo room's OBS is a simulation running inside the console: it ends with the console.
            self.tr(
                "This is the demo room: its OBS is simulated inside the console, so quitting ends the demo "
                "room's simulated stream and recording. Nothing real is on air. Quit anyway?"
            )
            if self.demo
            else self.tr(
                "Quitting the console does not stop OBS: it carries on, but nobody here will see its state, "
                "its health or its meters, or be able to stop it from the console. Quit anyway?"
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        self.quit_button = box.addButton(self.tr("Quit anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(self._on_leave_question_finished)
        self.leave_question = box
        box.open()

    @Slot(int)
    def _on_leave_question_finished(self, _result: int) -> None:
        box = self.leave_question
        self.leave_question = None
        if box is None:
            return
        box.deleteLater()
        if box.clickedButton() is self.quit_button:
            self._leaving_confirmed = True
            self.close()

    # ------------------------------------------------------------------ a window nobody sees
    def _dock_activity(self, dock_id: str) -> Callable[[bool], None] | None:
        """What starts and stops a dock's own work (pictures, meters, graphs); None for a lazy dock not built yet."""
        if dock_id == "scenes":
            return self.scenes.set_thumbnails_active
        set_active: Callable[[bool], None] | None = getattr(self.widgets.get(dock_id), "set_active", None)
        return set_active

    def _dock_seen(self, dock_id: str, visible: bool) -> bool:
        """A dock is seen when shown (not a hidden tab) and not inside a minimised window (a floating dock is its
        own window: the window manager decides whether it stays up)."""
        dock = self.docks[dock_id]
        return visible and not (self._minimised and not dock.isFloating())

    def _on_dock_visibility_changed(self, dock_id: str, visible: bool) -> None:
        set_active = self._dock_activity(dock_id)
        if set_active is not None:
            set_active(self._dock_seen(dock_id, visible))

    def _follow_minimised(self) -> None:
        """A minimised console asks OBS for no pictures (each costs OBS a render and a JPEG), draws no meters or
        graphs, and drains its room on the bridge's 250 ms tick instead of at each of OBS's ~25 messages a second;
        the room's health, show and alerts go on. Restored: a fresh picture at once, the graphs redrawn, the meters
        at OBS's next frame."""
        minimised = self.isMinimized()
        if minimised == self._minimised:
            return
        self._minimised = minimised
        self.bridge.set_quiet(minimised)
        for dock_id in ("scenes", "program", "audio", *GRAPH_DOCKS):
            self._on_dock_visibility_changed(dock_id, self.docks[dock_id].isVisible())

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window manager's close button, Ctrl+Q and the Quit action all arrive here.
        # A picture's window (--screenshot, keeps_layout False) leaves without asking: nobody sees a question there
        # (walk23b: the run waited forever on "OBS is on air"), and the stream is OBS's, which goes on.
        doing = "" if self._leaving_confirmed or not self.keeps_layout else self.on_air()
        if doing:
            event.ignore()
            self._ask_before_leaving(doing)
            return
        self._layout_save.stop()
        self.save_layout()
        if self._owns_checklists:
            self.checklists.shutdown()
        if self._owns_telemetry:
            self.telemetry.shutdown()
        if self._owns_review:
            self.review.shutdown()
        if self._owns_rundown and isinstance(self.rundown, RundownController):
            self.rundown.shutdown()
        super().closeEvent(event)

    def visible_docks(self) -> set[str]:
        return {dock_id for dock_id, dock in self.docks.items() if not dock.isHidden()}


def away_words(seconds: float) -> Callable[[], str]:
    """How long the console was away from a room, in words of the language shown when asked ("1 min 45 s",
    "1分45秒"; whole seconds)."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)

    def words() -> str:
        if hours:
            text = QCoreApplication.translate("MainWindow", "%1 h %2 min")
            return text.replace("%1", str(hours)).replace("%2", str(minutes))
        if minutes:
            text = QCoreApplication.translate("MainWindow", "%1 min %2 s")
            return text.replace("%1", str(minutes)).replace("%2", str(secs))
        return QCoreApplication.translate("MainWindow", "%1 s").replace("%1", str(secs))

    return words
