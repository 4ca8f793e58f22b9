"""The console's own room on the studio's wall (#21, shared mode): while the console keeps its shows in the
studio's PostgreSQL, the room's live status goes there once a second and its program picture every 10 s
(console/core/studio: a RoomReporter on the console's session feeding a StatusPublisher), so a supervisor's
`onair studio` sees the room without touching its OBS.

The publisher has its own thread and never blocks the GUI thread; what stops the room's status reaching the studio
(the database away, another console claiming the room) is said in the event log when it starts and when it ends.
The demo room is never published: it is simulated, and a studio's wall shows only real rooms."""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from checklists.engine import ChecklistRun
from console.bridge import ObsBridge
from console.core.database_url import default_url
from console.core.session import RoomSession
from console.core.studio.shared_db import this_console
from obs.errors import Explained

if TYPE_CHECKING:  # the publisher and the reporter load only for a console whose shows are in PostgreSQL
    from console.core.studio.prep import StoredPrep
    from console.core.studio.reporter import RoomReporter
    from console.core.studio.shared_publisher import StatusPublisher
    from console.core.studio.status import Checklist

LOG = logging.getLogger(__name__)

#: Consoles publishing from this process so far: a second one (tests run several) names itself apart, or the
#: studio could not tell it claims a room the first holds.
_MADE = itertools.count(1)

#: How often the publisher's trouble is looked at (it says when it starts and when it ends).
PROBLEM_CHECK_MS = 2000
CLOSE_WAIT_S = 3.0


def is_postgresql(url: str | None) -> bool:
    if not url:
        return False
    return url.split(":", 1)[0].lower().split("+", 1)[0] in ("postgresql", "postgres")


class StudioPublishing(QObject):
    """Follows the bridge's session: a publisher per room, a reporter per session. `checklist()` is the room's
    pre-show checklist run, asked once a second by the reporter on the session's driving thread — the GUI thread,
    where the bridge drains the session (console/bridge.py) and where the run is changed: it reads the run between
    two changes, never during one."""

    sig_problem = Signal(object)  # Explained: the room's status is not reaching the studio; None: it is again

    def __init__(
        self,
        bridge: ObsBridge,
        storage_url: str | None,
        checklist: Callable[[], ChecklistRun | None],
        language: Callable[[], str],
        parent: QObject | None = None,
        publishes: bool = True,
    ) -> None:
        """`publishes` False (a picture's run, --screenshot): the room's status is left as the consoles recording it
        publish it."""
        super().__init__(parent)
        self.bridge = bridge
        self.url = storage_url or default_url()
        self.enabled = publishes and is_postgresql(self.url)
        self._checklist, self._language = checklist, language
        made = next(_MADE)
        self.console = this_console() if made == 1 else f"{this_console()} #{made}"
        self.publisher: StatusPublisher | None = None
        self.reporter: RoomReporter | None = None
        #: The room's pre-show list as stored, for when this console holds no run of it (completed here before a
        #: restart, or on another console): read on a worker of its own, never waited for (console/core/studio/prep).
        self._prep: StoredPrep | None = None
        self._session: RoomSession | None = None
        self._problem: Explained | None = None
        self._closing: list[threading.Thread] = []
        self._timer = QTimer(self)
        self._timer.setInterval(PROBLEM_CHECK_MS)
        self._timer.timeout.connect(self._check)
        if self.enabled:
            bridge.sig_session_changed.connect(self._follow)
            bridge.sig_room_changed.connect(self._follow)
            self._timer.start()
            self._follow()

    def _room(self) -> str | None:
        session = self.bridge.session
        if session is None or self.bridge.demo or not self.bridge.room:
            return None
        return self.bridge.room

    @Slot()
    def _follow(self) -> None:
        room, session = self._room(), self.bridge.session
        publisher = self.publisher
        if publisher is not None and publisher.room != room:
            self._drop_reporter()
            self._retire(publisher)
            self.publisher = publisher = None
        if room is None:
            self._drop_reporter()
            return
        if publisher is None:
            from console.core.studio.shared_publisher import StatusPublisher

            try:
                publisher = self.publisher = StatusPublisher(self.url, room, self.console).start()
            except Explained as exc:  # a room name PostgreSQL cannot hold
                self._say(exc)
                return
        if session is not self._session:
            self._drop_reporter()
            assert session is not None
            self._session = session
            from console.core.studio.reporter import RoomReporter

            if self._prep is None:
                from console.core.storage import Storage
                from console.core.studio.prep import StoredPrep

                self._prep = StoredPrep(partial(Storage, self.url), language=self._language)
            self.reporter = RoomReporter(
                session,
                publisher.publish,
                publisher.publish_thumbnail,
                self.console,
                checklist=partial(self._checklist_now, room),
            ).start()

    def _checklist_now(self, room: str) -> Checklist | None:
        """The room's pre-show list: the run this console holds, else the room's newest stored run (the rule the
        direct wall reads by; walk22: a list completed before a restart, or on another console, read "not
        started"). Called by the reporter on the session's driving thread, which in the console is the GUI thread
        (the bridge drains the session there): the run is read on the thread that owns it."""
        from console.core.studio.snapshot import checklist_of

        held = checklist_of(self._checklist(), self._language())
        if held is not None or self._prep is None:
            return held
        return self._prep.of(room)

    def _drop_reporter(self) -> None:
        if self.reporter is not None:
            self.reporter.close()
        self.reporter, self._session = None, None

    def _retire(self, publisher: StatusPublisher) -> None:
        """Close a room's publisher off the GUI thread (it leaves the room's row as last known, unwatched)."""
        thread = threading.Thread(target=publisher.close, name=f"studio-retire {publisher.room}", daemon=True)
        self._closing = [t for t in self._closing if t.is_alive()] + [thread]
        thread.start()

    @Slot()
    def _check(self) -> None:
        problem = None if self.publisher is None else self.publisher.problem()
        before = None if self._problem is None else self._problem.template
        if (None if problem is None else problem.template) != before:  # said when it starts and when it ends
            self._say(problem)

    def _say(self, problem: Explained | None) -> None:
        self._problem = problem
        if problem is not None:
            LOG.warning("studio: the room's status is not reaching the studio: %s", problem)
            problem = _in_language(problem)
        self.sig_problem.emit(problem)

    def close(self) -> None:
        self._timer.stop()
        if self.enabled:
            self.bridge.sig_session_changed.disconnect(self._follow)
            self.bridge.sig_room_changed.disconnect(self._follow)
        self._drop_reporter()
        if self.publisher is not None:
            self.publisher.close(CLOSE_WAIT_S)
            self.publisher = None
        for thread in self._closing:
            thread.join(CLOSE_WAIT_S)
        if self._prep is not None:
            self._prep.close(CLOSE_WAIT_S)  # as the publisher: a read stuck on a frozen database is left to its thread
            self._prep = None


def _in_language(problem: Explained) -> Explained:
    """A field that is itself a sentence (a database failure's cause, console/core/dbtrouble.py) said in the
    reader's language here, on the GUI thread: the console's log fills the fields in as they are."""
    from PySide6.QtCore import QCoreApplication

    from obs.text import Message

    if not any(isinstance(value, Message) for value in problem.fields.values()):
        return problem
    fields = {
        key: value.in_language(QCoreApplication.translate) if isinstance(value, Message) else value
        for key, value in problem.fields.items()
    }
    return Explained(problem.template, **fields)
