"""OutputPanel: an ON AIR tally with the running time; go live / stop and record / stop, with confirmation,
running timecode, size, reconnecting state."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QMessageBox, QPushButton, QWidget

from obs.commands import StartRecord, StartStream, StopRecord, StopStream
from obs.go_live import GoLive
from obs.messages import LinkLoss, LinkStatus
from obs.on_air import OnAirClock
from obs.protocol import OutputState
from obs.state import ObsState
from obs.stats import Rates
from widgets.ports import ObsPort

Confirm = Callable[[QWidget, str, str], bool]
#: Asked before going live; False stops it (the pre-show checklist's gate).
Gate = Callable[[], bool]
#: The go-live question itself when the console asks more than yes or no (the show's details): True goes live.
GoLiveQuestion = Callable[[QWidget], bool]


def ask(parent: QWidget, title: str, text: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
    answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


def timecode(ms: int | None) -> str:
    if ms is None:
        return "--:--:--"
    seconds = ms // 1000
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def size_text(count: int | None) -> str:
    if count is None:
        return ""
    if count >= 1024**3:
        return f"{count / 1024**3:.2f} GB"
    return f"{count / 1024**2:.1f} MB"


class Tally(QLabel):
    """The ON AIR label: as tall as its words wrapped at its width. A fixed minimum (46 px, one line at 24 px) cut
    the top and bottom of "NO LINK — OBS may still be on air" once a narrow dock wrapped it onto two lines; Qt's
    layouts give a dock's rows their minimum height, not a wrapped label's height for its width, so the label asks
    for it itself whenever its width, words or font change."""

    #: One line at the tally's 24 px with its padding: the height it keeps when the words fit on one line.
    ONE_LINE = 46

    def _follow_wrapped_height(self) -> None:
        needed = max(self.ONE_LINE, self.heightForWidth(self.width()))
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._follow_wrapped_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._follow_wrapped_height()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._follow_wrapped_height()


class OutputPanel(QWidget):
    def __init__(self, bridge: ObsPort, confirm: Confirm = ask, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.confirm = confirm
        self.gate: Gate = lambda: True
        #: Asks "Start streaming now?" with the show's details (the main window's); a `confirm` given in place of
        #: the default (a script, a test) answers the yes or no alone.
        self.go_live_question: GoLiveQuestion | None = None
        self.stream_button = QPushButton()
        self.record_button = QPushButton()
        for button in (self.stream_button, self.record_button):
            button.setMinimumHeight(44)
            button.setStyleSheet("font-size: 16px; font-weight: 600;")
        #: The tally: a red ON AIR with the running time while streaming, seen across the room.
        self.tally = Tally()
        self.tally.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tally.setMinimumHeight(Tally.ONE_LINE)
        self.tally.setWordWrap(True)  # a narrow dock wraps the words rather than growing past a laptop's column
        self.stream_time = QLabel(timecode(None))
        self.record_state = QLabel()
        self.record_time = QLabel(timecode(None))
        self.record_size = QLabel()
        for label in (self.stream_time, self.record_time):
            label.setStyleSheet("font-size: 20px; font-family: monospace;")
        #: Why the last Go live did not go on air, right under the button that was clicked (the event log sits behind
        #: a tab in the Assistant workspace): until the next attempt, or until the stream is on air.
        self.go_live_failure = QLabel()
        self.go_live_failure.setWordWrap(True)
        self.go_live_failure.setStyleSheet(
            "background: #f0a020; color: black; font-weight: 600; border-radius: 4px; padding: 4px 8px;"
        )
        self.go_live_failure.hide()
        grid = QGridLayout(self)
        grid.addWidget(self.tally, 0, 0, 1, 2)
        grid.addWidget(self.stream_button, 1, 0)
        grid.addWidget(self.stream_time, 1, 1)
        grid.addWidget(self.go_live_failure, 2, 0, 1, 2)
        grid.addWidget(self.record_button, 3, 0)
        grid.addWidget(self.record_time, 3, 1)
        grid.addWidget(self.record_state, 4, 0)
        grid.addWidget(self.record_size, 4, 1)
        grid.setRowStretch(5, 1)
        self.stream_button.clicked.connect(self._on_stream_clicked)
        self.record_button.clicked.connect(self._on_record_clicked)
        #: Why OBS is not heard (LinkStatus.loss), for the tally of a stream that was live when the link went.
        self._loss: LinkLoss | None = None
        #: OBS has been heard (a full read) since this panel was made.
        self._heard = False
        #: When OBS was last heard on a connection since lost (LinkStatus.lost_since): None before it ever was.
        self._lost_since: float | None = None
        self.bridge.sig_state_changed.connect(self._on_bridge_state_changed)
        self.bridge.sig_rates_updated.connect(self._on_bridge_rates_updated)
        self.bridge.sig_status_changed.connect(self._on_bridge_status_changed)
        # A restarted console takes up the show it kept: whether that show was on air decides what an unheard OBS is.
        self.bridge.sig_history_loaded.connect(self._on_bridge_history_loaded)
        self.bridge.sig_go_live_changed.connect(self._on_bridge_go_live_changed)
        self.bridge.sig_session_changed.connect(self._on_bridge_session_changed)
        #: The console's last go-live (the bridge's): while it is on its way the dock says "starting", not "off air".
        self._go_live = GoLive()
        self._on_bridge_state_changed(bridge.state)
        self._on_bridge_go_live_changed(bridge.go_live)  # a window rebuilt (language) says it again

    @Slot(object)
    def _on_bridge_go_live_changed(self, news: GoLive) -> None:
        self._go_live = news
        self._on_bridge_state_changed(self.bridge.state)
        failure = news.failure
        if failure is None:
            self.go_live_failure.hide()
            self.go_live_failure.clear()
            return
        self.go_live_failure.setText(failure.in_language(QCoreApplication.translate))
        self.go_live_failure.show()

    @Slot()
    def _on_bridge_session_changed(self) -> None:
        """Another room or OBS: the last go-live was another stream's."""
        self._on_bridge_go_live_changed(self.bridge.go_live)

    def _starting(self, state: ObsState) -> bool:
        """The stream is on its way, not on air yet: OBS accepted the console's start (OBS 30+ may then say nothing
        for up to SILENT_S: walk read "OFF AIR" all that while), or says it is starting, whoever started it."""
        stream = state.stream
        return (
            state.connected and not stream.active and (self._go_live.starting or stream.state == OutputState.STARTING)
        )

    @Slot(object)
    def _on_bridge_status_changed(self, status: LinkStatus) -> None:
        loss = status.loss
        self._lost_since = status.lost_since
        if loss != self._loss:
            self._loss = loss
            self._show_tally(self.bridge.state)

    @Slot()
    def _on_bridge_history_loaded(self) -> None:
        self._show_tally(self.bridge.state)

    def _resumed_on_air_unheard(self) -> bool:
        """A console restarted mid-show that has not heard OBS since (its password to type again, OBS not there
        yet): the show it took up was on air when it stopped, so OBS may well still stream. walk20 read "OFF AIR —
        OBS not connected" in red-letter grey while the room was live, after a restart on a system without a
        keyring."""
        return not self._heard and self._lost_since is None and self.bridge.resumed_on_air

    @Slot(object)
    def _on_bridge_state_changed(self, state: ObsState) -> None:
        stream, record = state.stream, state.record
        self._heard = self._heard or state.connected
        starting = self._starting(state)
        if stream.active:
            self.stream_button.setText(self.tr("Stop streaming"))
        else:
            self.stream_button.setText(self.tr("Starting…") if starting else self.tr("Go live"))
        self.record_button.setText(self.tr("Stop recording") if record.active else self.tr("Start recording"))
        # As OBS's own button while it connects: a second start would only be refused (500 OutputRunning).
        self.stream_button.setEnabled(state.controllable and not starting)
        self.record_button.setEnabled(state.controllable)
        self._show_tally(state)
        self.record_state.setText(
            self.tr("Paused") if record.paused else self.tr("● REC") if record.active else self.tr("Not recording")
        )
        if not stream.active:
            self.stream_time.setText(timecode(None))
            self.stream_time.setToolTip("")
        if not record.active:
            self.record_time.setText(timecode(None))
            self.record_size.setText("")

    def _lost_words(self, state: ObsState) -> tuple[str, str] | None:
        """The tally's words and colours while OBS is not heard, when they are not plain "OFF AIR — OBS not
        connected"."""
        stream = state.stream
        # OBS not heard: the link has lost it, or holds it open while OBS answers nothing (frozen: `connected` still
        # True for the ~10 s before the link gives up; walk12 saw "ON AIR" with a stopped clock all through a freeze).
        if state.connected and self._loss is None:
            return None
        if stream.active and self._loss in (LinkLoss.CLOSED, LinkLoss.EXITED):
            # Nothing listens where OBS was, or it said it was quitting: that OBS streams no more (the Health
            # dock's "OBS lost" says the same). Not "may still be on air" (walk11).
            return self.tr("NO LINK — OBS closed or crashed"), "background: #f0a020; color: black;"
        if stream.active:  # the last word from OBS was "live": it may well still be
            return self.tr("NO LINK — OBS may still be on air"), "background: #f0a020; color: black;"
        if self._loss == LinkLoss.FROZEN:
            # OBS accepted the connection and answers nothing — a console started on a frozen OBS has never heard
            # whether it streams: not "OFF AIR" (tech18: a frozen OBS streaming all along read "OFF AIR").
            return self.tr("NO LINK — OBS not answering"), "background: #f0a020; color: black;"
        if self._resumed_on_air_unheard():
            return self.tr("NO LINK — OBS may still be on air"), "background: #f0a020; color: black;"
        return None

    def _show_tally(self, state: ObsState) -> None:
        stream = state.stream
        shown = self.on_air.elapsed_ms
        running = f"  {timecode(shown)}" if stream.active and shown is not None else ""
        lost = self._lost_words(state)
        if lost is not None:
            text, colours = lost
        elif not state.connected:
            text, colours = self.tr("OFF AIR — OBS not connected"), "background: #2a2a2e; color: #aaaaaa;"
        elif stream.reconnecting:
            text, colours = self.tr("RECONNECTING TO THE PLATFORM") + running, "background: #f0a020; color: black;"
        elif stream.active:
            text, colours = self.tr("ON AIR") + running, "background: #e0312f; color: white;"
        elif self._starting(state):
            # On its way, not on air: amber words on the off-air grey (amber ground is for trouble).
            text, colours = self.tr("STARTING…"), "background: #2a2a2e; color: #f0c040;"
        else:
            text, colours = self.tr("OFF AIR"), "background: #2a2a2e; color: #aaaaaa;"
        if text != self.tally.text():
            self.tally.setText(text)
        style = f"{colours} font-size: 24px; font-weight: 800; border-radius: 6px; padding: 4px 10px;"
        if style != self.tally.styleSheet():
            self.tally.setStyleSheet(style)

    @property
    def on_air(self) -> OnAirClock:
        """The show's time on air (OBS's own restarts at each reconnect to the platform: walk13): the room's one
        clock, kept by its session through a lost link and a window rebuilt for a language switch, and fed before
        this panel hears of a poll. A clock of the panel's own began anew with the window (a language switch
        mid-show read "ON AIR 00:00:07" beside the wall's 200 s)."""
        return self.bridge.on_air

    @Slot(object)
    def _on_bridge_rates_updated(self, rates: Rates) -> None:
        if rates.streaming:
            self._show_tally(self.bridge.state)
            self.stream_time.setText(timecode(self.on_air.elapsed_ms))
            self.stream_time.setToolTip(
                self.tr(
                    "On air for %1 in this show. OBS's own stream time, since its last connection to the server: %2"
                )
                .replace("%1", timecode(self.on_air.elapsed_ms))
                .replace("%2", timecode(self.on_air.obs_ms))
            )
        if rates.recording:
            self.record_time.setText(timecode(rates.record_duration_ms))
            self.record_size.setText(size_text(rates.record_bytes))

    @Slot()
    def _on_stream_clicked(self) -> None:
        if self.bridge.state.stream.active:
            if self.confirm(
                self, self.tr("Stop streaming"), self.tr("Stop the live stream now? Viewers will see the stream end.")
            ):
                self.bridge.send(StopStream())
        elif self.gate() and self._confirm_go_live():
            self.bridge.send(StartStream())

    def _confirm_go_live(self) -> bool:
        if self.go_live_question is not None and self.confirm is ask:
            return self.go_live_question(self)
        return self.confirm(self, self.tr("Go live"), self.tr("Start streaming now?"))

    @Slot()
    def _on_record_clicked(self) -> None:
        if self.bridge.state.record.active:
            if self.confirm(self, self.tr("Stop recording"), self.tr("Stop the recording now?")):
                self.bridge.send(StopRecord())
        elif self.confirm(self, self.tr("Start recording"), self.tr("Start recording now?")):
            self.bridge.send(StartRecord())
