"""AlertsController: the running console sends its room's alerts to the team's chat (console/core/alerts/).

Built once by the console (console/app.py) and kept through a language switch. At start-up it reads alerts.json
(next to rooms.json) and makes the AlertRouter, whose one sender thread does all the posting; it hears every
findings change of the bridge's current session (on the GUI thread, where the bridge drives it) and hands it to
the router with the room the finding belongs to (the session's own room key, so a change that arrives as the
console switches rooms is never credited to the next room) and whether that room is on air. The router only
counts on this thread; the sender posts. The router is ticked once a second on the session's clock (each sampled
second), so alerts held back by a platform's limit go when it allows. A direct wall's other rooms (View ▸ Studio…
on a SQLite console: this console connects to each) hand their findings to `room_findings` on their own threads:
each goes to the destinations that hear that room, named by it; the console's own room is heard once, here.

Every session handing on a room's findings says when it begins and ends (the console's own as the bridge changes
session or room; a wall's as it runs and stops its rooms), so a room passing between the console and the wall
continues what the team was told: its ongoing problems are not told again, and their "resolved" comes once. What
was told and not yet resolved is kept in alerts-told.json next to alerts.json: a console restarted mid-episode
continues it too (see console/core/alerts/rules.py).

alerts.json is watched: an edit (or the settings dialog's Save) takes effect at once without losing what is
under way. A file that cannot be read is said once (`sig_problem`, in the user's language) and the console runs
on — with no alerts at start-up, or with the last good settings after an edit.

Implements widgets/alerts_dialog.py's AlertsPort: the destinations, their secrets kept in the keyring (never read
back to a widget), and "Send test" through the sender thread, its answer coming back as `sig_tested`.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from console.bridge import ObsBridge
from console.core.alerts import config as alert_config
from console.core.alerts.config import AlertConfig, AlertConfigError, Credentials, Destination
from console.core.alerts.platforms import Answer
from console.core.alerts.rules import AlertRouter, Watch, test_alert, watch_of
from console.core.alerts.sender import Job, Sender, protect
from console.core.rooms import Secrets, SecretsUnavailable
from console.core.session import RoomSession
from console.i18n import TRANSLATIONS, catalogue
from obs.errors import Explained
from obs.health import Change
from obs.text import QT_TRANSLATE_NOOP, Message, Translate

LOG = logging.getLogger(__name__)
#: An editor saves a file in several steps (write, rename): read it once they are done.
RELOAD_DELAY_MS = 300
QUEUE_FULL = QT_TRANSLATE_NOOP("Alerts", "the alert queue is full: try again in a moment")
#: Next to alerts.json: the episodes told to the team and not yet resolved, for a console restarted mid-episode.
TOLD_FILE = "alerts-told.json"


def team_translate(language: str) -> Translate:
    """Qt's translate(context, text) in the team's language, whatever the console's own language is: alerts are
    written in alerts.json's language, not in the language of whoever runs the console."""
    if language == "en":
        return lambda _context, text: text
    translator = catalogue(language)
    if translator is None:
        LOG.warning("no %s catalogue in %s: alerts are written in English", language, TRANSLATIONS)
        return lambda _context, text: text

    def translate(context: str, text: str) -> str:
        return translator.translate(context, text) or text

    return translate


def said(problem: Explained) -> Message:
    """An alerts.json problem as a message of context "Alerts" (its fields said in the same context)."""
    return Message(problem.template, problem.fields, "Alerts")


class AlertsController(QObject):
    #: Message, and whether earlier good settings stay in use: alerts.json cannot be used (said once per problem).
    sig_problem = Signal(object, bool)
    sig_config_changed = Signal()  # another configuration is in use (read `config`)
    sig_tested = Signal(str, object)  # destination name, Answer: a "Send test" answered (from the sender thread)
    sig_undelivered = Signal(str, object)  # destination name, Answer: a room's alert not delivered, given up

    def __init__(
        self,
        bridge: ObsBridge,
        secrets: Secrets,
        path: Path,
        sender: Sender | None = None,
        parent: QObject | None = None,
        sends: bool = True,
    ) -> None:
        """`sends` False (a picture's run, --screenshot): the room's findings reach nobody and leave no record of what
        was told (the destinations are still read and shown)."""
        super().__init__(parent)
        self.bridge = bridge
        self.secrets = secrets
        self.path = path
        #: The problem said last (None: the file is fine): the same problem is not said again on every reload.
        self.problem: Message | None = None
        config = self._read() or AlertConfig(path=path)
        self.router = AlertRouter(
            config,
            alert_config.keyring_credentials(secrets),
            team_translate(config.language),
            sender=sender,
            told_path=path.with_name(TOLD_FILE) if sends else None,
        )
        self.router.undelivered = self.sig_undelivered.emit  # from the sender's thread: queued to the GUI's
        #: The console's own session and the room it hands on (None: none), as last told to the router.
        self._watched: tuple[str, RoomSession] | None = None
        self._sends = sends
        if sends:
            bridge.sig_findings_changed.connect(self._on_bridge_findings_changed)
            bridge.sig_sampled.connect(self._on_bridge_sampled)
            bridge.sig_session_changed.connect(self._on_bridge_session_changed)
            bridge.sig_room_changed.connect(self._on_bridge_session_changed)
            self._on_bridge_session_changed()
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        # The folder too: alerts.json may not exist yet, and an editor's save replaces the file (a new inode the
        # file's own watch no longer sees).
        self._watcher = QFileSystemWatcher(self)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._watcher.addPath(str(path.parent))
        if path.exists():
            self._watcher.addPath(str(path))
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._closed = False

    @property
    def config(self) -> AlertConfig:
        return self.router.config

    # ------------------------------------------------------------------ alerts.json
    def _read(self) -> AlertConfig | None:
        """The file's configuration; None (and the problem said, once) when it cannot be used."""
        try:
            config = alert_config.load(self.path)
        except AlertConfigError as exc:
            problem = said(exc)
            LOG.warning("alerts.json cannot be used: %s", problem.explain())
            # Compared as words: a field may be an exception, a new object at each reading.
            if self.problem is None or problem.explain() != self.problem.explain():
                self.problem = problem
                self.sig_problem.emit(problem, hasattr(self, "router"))
            return None
        self.problem = None
        return config

    @Slot()
    def reload(self) -> None:
        """alerts.json again: a good file replaces the settings in use, a wrong one keeps them (and is said)."""
        if self._closed:
            return
        if self.path.exists() and str(self.path) not in self._watcher.files():
            self._watcher.addPath(str(self.path))
        config = self._read()
        if config is None or config == self.router.config:
            return
        language_changed = config.language != self.router.config.language
        self.router.reconfigure(config, team_translate(config.language) if language_changed else None)
        LOG.info("alerts: %d destination(s) from %s", len(config.destinations), self.path)
        self.sig_config_changed.emit()

    @Slot(str)
    def _on_watcher_changed(self, _path: str) -> None:
        self._reload_timer.start()

    # ------------------------------------------------------------------ the room's findings
    @Slot(object)
    def _on_bridge_findings_changed(self, changes: list[Change]) -> None:
        session = self.bridge.session
        room = session.name if session is not None else self.bridge.room_key
        if room is None or not self.router.config.destinations:
            return
        on_air = self.bridge.state.stream.active
        for change in changes:
            self.router.on_change(room, change, on_air, session)

    @Slot()
    def _on_bridge_session_changed(self) -> None:
        """The console's session or its room changed: the router hears that the one before ended (its open
        episodes wait for the room's next session: the wall's, or this console's again) and this one began."""
        session = self.bridge.session
        now = None if session is None or session.name is None else (session.name, session)
        if now == self._watched:
            return
        if self._watched is not None:
            self.router.ended(*self._watched)
        self._watched = now
        if now is not None:
            self.router.began(now[0], now[1], watch_of(now[1]))

    # ------------------------------------------------------------------ a direct wall's rooms (studio Findings)
    def room_findings(self, room: str, changes: list[Change], on_air: bool, source: object) -> None:
        """Another room this console watches (a direct wall's room, on that room's own thread): its findings go to
        the destinations that hear it, named by it. The router only counts, under its lock; the sender posts."""
        if self._closed or not self.router.config.destinations:
            return
        for change in changes:
            self.router.on_change(room, change, on_air, source)

    def room_began(self, room: str, source: object, watch: Watch) -> None:
        if not self._closed:
            self.router.began(room, source, watch)

    def room_ended(self, room: str, source: object) -> None:
        if not self._closed:
            self.router.ended(room, source)

    @Slot()
    def _on_bridge_sampled(self) -> None:
        self.router.tick()

    # ------------------------------------------------------------------ AlertsPort (the settings dialog)
    def has_credentials(self, name: str) -> bool:
        return bool(self.secrets.get(name, Secrets.ALERTS))

    def save(
        self, config: AlertConfig, credentials: dict[str, Credentials], renamed: dict[str, str], removed: list[str]
    ) -> Message | None:
        """The destinations to alerts.json and the typed secrets to the keyring (a renamed destination takes its
        stored secrets along, a removed one's are forgotten); in use at once. None, or what went wrong in words."""
        try:
            alert_config.save(self.path, config)
        except AlertConfigError as exc:
            return said(exc)
        # Every step is taken even when the keyring refuses one: Secrets keeps each refused secret for this
        # session, which is what the problem says; stopping at the first refusal left the other addresses typed
        # kept nowhere, and their alerts went nowhere.
        steps: list[tuple[str, str]] = []
        for old, new in renamed.items():
            stored = self.secrets.get(old, Secrets.ALERTS)
            if stored and new not in credentials:
                steps.append((new, stored))
            steps.append((old, ""))
        steps.extend((name, "") for name in removed)
        for name, typed in credentials.items():
            protect(typed)
            steps.append((name, typed.to_keyring()))
        problem: Message | None = None
        for name, secret in steps:
            try:
                self.secrets.set(name, secret, Secrets.ALERTS)
            except SecretsUnavailable as exc:
                problem = problem or Message(exc.template, exc.fields, "Rooms")
        self.reload()
        return problem

    def send_test(self, destination: Destination, typed: Credentials | None, stored_as: str) -> None:
        """A test alert through the sender thread, with the typed secrets (else those kept under `stored_as`); the
        answer comes back as sig_tested on the GUI thread. Never waits here."""
        stored = alert_config.keyring_credentials(self.secrets)
        if typed is not None:
            protect(typed)

        def credentials(_name: str) -> Credentials | None:  # on the sender's thread (a keyring may be slow)
            return typed if typed is not None else stored(stored_as)

        room = self.bridge.room_key or "OnAir Console"
        language = self.router.config.language
        alert = test_alert(room, team_translate(language), language, time.time())
        job = Job(destination, credentials, alert, self._tested)
        if not self.router.sender.submit(job):
            self._tested(job, Answer(False, Message(QUEUE_FULL, {}, "Alerts")))

    def _tested(self, job: Job, answer: Answer) -> None:
        """On the sender's thread: the signal is queued to the GUI thread's receivers."""
        self.sig_tested.emit(job.destination.name, answer)

    # ------------------------------------------------------------------ shutdown
    def shutdown(self) -> None:
        """Stop the sender (what it is posting finishes, up to its timeout): no thread is left behind."""
        if self._closed:
            return
        self._closed = True
        self._reload_timer.stop()
        if self._sends:
            self.bridge.sig_findings_changed.disconnect(self._on_bridge_findings_changed)
            self.bridge.sig_sampled.disconnect(self._on_bridge_sampled)
            self.bridge.sig_session_changed.disconnect(self._on_bridge_session_changed)
            self.bridge.sig_room_changed.disconnect(self._on_bridge_session_changed)
        if self._watched is not None:
            self.router.ended(*self._watched)
            self._watched = None
        self.router.close()

    @property
    def sending(self) -> bool:
        """True while the sender's thread runs (False once shut down: nothing left behind)."""
        return self.router.sender.alive
