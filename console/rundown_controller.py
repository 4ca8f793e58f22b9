"""RundownController: the room's rundown and its live runner as the Rundown dock and the talent screen see them
(implements widgets/rundown_port.py).

The runner lives in the room's session (console/core/session.py: `session.rundown`, driven on the GUI thread by
the bridge), so a window rebuilt for another language, or this controller made anew, finds the show where it
stands. This is its thin Qt side: actions become session calls (Go stamps first, then switches the scene through
the session's typed command); the position is said once a second from the session's clock (each recorded second)
and at every change; storage (the plan, import, export) runs on one worker thread and answers on the GUI thread.
Every boundary and every refused switch is also said as an event-log line (`sig_logged`).

The show's rundown is one for every console of the room on a shared database. Go is taken here at once (the scene
switches without waiting for the database), and its mark is claimed in the database straight away on the worker
(Storage.claim_rundown_mark): the unique (show, seq) index keeps the first of two desks' marks at the same
boundary; the other desk follows the stored marks and is told who advanced the show to what and when, so two
presses at the same moment advance it once. Every recorded second one small query (Storage.rundown_watch) tells
whether the room's plan was saved elsewhere (`onair rundown import`, another console's edit), another console
added marks, or the line for the host changed; only what changed is read whole and followed (the plan in the dock
and on the talent screen; segment, since when, next). A mark the database did not take (it did not answer)
stays here and is stored, after the last one, when it answers: never lost.

The line for the host is kept with the room's running show (Storage.set_host_line, by show id): a console
restarted mid-show reads it back when its session resumes the show, and shows it without the flash a new line
gets; a second console of the room on a shared database sees its change count move within a second and shows the
changed line as new. A new show starts with no line (the last show's ended with it); another room's line is never shown.
"""

from __future__ import annotations

import getpass
import importlib
import json
import logging
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from console.bridge import ObsBridge
from console.core.rundown.durations import format_duration
from console.core.rundown.live import (
    DONE,
    END,
    GO,
    INSERT,
    LENGTH,
    REFUSED,
    REPEAT,
    SKIP,
    TAKES,
    Mark,
    RundownRunner,
    length_before,
)
from console.core.rundown.model import Imported, Position, Rundown, Segment, heading
from console.core.storage_use import OpenOnUse
from console.core.worker import SerialWorker
from console.database_words import said
from obs.commands import SetProgramScene
from obs.errors import Explained
from obs.text import QT_TRANSLATE_NOOP, Message, Translate
from widgets.rundown_port import Refused, StatusLine, Then

if TYPE_CHECKING:  # SQLAlchemy loads on the worker, when first used
    from console.core.storage import Storage
    from console.settings import Settings

LOG = logging.getLogger(__name__)
SHUTDOWN_WAIT_S = 10.0
#: The host's message line is a line on a TV.
MAX_MESSAGE = 200

#: The event log's line for each boundary.
SAID = {
    GO: QT_TRANSLATE_NOOP("Rundown", "Go: “{title}” ({who})"),
    INSERT: QT_TRANSLATE_NOOP("Rundown", "Go: “{title}”, inserted on the fly ({who})"),
    SKIP: QT_TRANSLATE_NOOP("Rundown", "Skipped: “{title}” ({who})"),
    REPEAT: QT_TRANSLATE_NOOP("Rundown", "Repeated: “{title}” ({who})"),
    END: QT_TRANSLATE_NOOP("Rundown", "The rundown ended ({who})"),
    LENGTH: QT_TRANSLATE_NOOP("Rundown", "“{title}” on air is now planned for {length} instead of {before} ({who})"),
}
#: A take after End: the rundown taken up again (an End pressed by mistake, or the show went on after it).
RESUMED = QT_TRANSLATE_NOOP("Rundown", "The rundown was taken up again after its end — Go: “{title}” ({who})")
#: The arm kept across a restart (settings rundown/armed): taken up again, or said to be lost and why.
ARM_KEPT = QT_TRANSLATE_NOOP("Rundown", "“{title}” is still armed for Go, as it was before the console restarted.")
ARM_LOST = QT_TRANSLATE_NOOP(
    "Rundown",
    "“{title}” was armed before the console restarted and is no longer armed: {why}. Arm it again if Go should "
    "take it.",
)
ARM_LOST_PRESSED = QT_TRANSLATE_NOOP("Rundown", "the show has moved on since (another desk pressed)")
ARM_LOST_DELETED = QT_TRANSLATE_NOOP("Rundown", "it is no longer in the rundown")
ARM_LOST_SHOW = QT_TRANSLATE_NOOP("Rundown", "that show has ended; this is a new one")
ARM_LOST_UNSTORED = QT_TRANSLATE_NOOP(
    "Rundown",
    "the console stopped before its last press was stored (the show's rundown as stored has {stored} of the {kept} "
    "marks it had), and Go would now take “{next}”",
)
REFUSED_SAID = QT_TRANSLATE_NOOP("Rundown", "“{title}” was taken but the switch to scene “{scene}” was refused: {why}")
#: Said to the desk whose press lost to another console's at the same boundary (the database kept the other's).
ALREADY = {
    GO: QT_TRANSLATE_NOOP("Rundown", "Already advanced to “{title}” at {time} by {who}: this press was not taken."),
    INSERT: QT_TRANSLATE_NOOP("Rundown", "Already advanced to “{title}” at {time} by {who}: this press was not taken."),
    SKIP: QT_TRANSLATE_NOOP("Rundown", "“{title}” was already skipped at {time} by {who}: this press was not taken."),
    REPEAT: QT_TRANSLATE_NOOP(
        "Rundown", "“{title}” was already taken again at {time} by {who}: this press was not taken."
    ),
    END: QT_TRANSLATE_NOOP("Rundown", "The rundown was already ended at {time} by {who}: this press was not taken."),
}
UNSTORED = QT_TRANSLATE_NOOP(
    "Rundown",
    "“{title}” was taken on this console, but the database did not store it ({why}); it is stored when the "
    "database answers.",
)


#: A mark the database has not taken yet: its show (None: not known when stamped), its row and the snapshot.
Unstored = tuple[int | None, dict[str, Any], dict[str, Any] | None]


def _identity(mark: Mark) -> tuple[float, str, str, str]:
    """What a mark is, whatever seq it ends up with: its instant, action, segment and who."""
    return (mark.t, mark.action, mark.key, mark.who)


def _clock(t: float) -> str:
    """A mark's instant as the room's clock on the wall says it (20:15:03)."""
    return datetime.fromtimestamp(t).strftime("%H:%M:%S")


def _ignore(_result: object, why: str | None) -> None:
    if why is not None:
        LOG.warning("rundown: a mark's outcome could not be stored: %s", why)


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _words(message: Message) -> Callable[[], str]:
    """An event-log line as the log keeps it: said in the language of the moment, so a language switch says it
    again in the new one (widgets/event_log.py); it holds only the message, never this controller or a window."""
    return lambda: message.in_language(_translate)


def _sheet() -> Any:
    """console/core/rundown/sheet.py (CSV/XLSX, rundown-store's part of #19), loaded on the worker when first used."""
    return importlib.import_module("console.core.rundown.sheet")


def in_words(error: BaseException) -> str:
    """An error from storage, a sheet or the runner, in the reader's language where it carries a template."""
    problems = getattr(error, "problems", None)
    if isinstance(problems, list) and problems and all(isinstance(p, Message) for p in problems):
        shown = [p.in_language(_translate) for p in problems[:10]]
        return "\n".join(shown)
    message = getattr(error, "message", None)
    if isinstance(message, Message):
        return message.in_language(_translate)
    if isinstance(error, Explained):
        return error.explain(_translate("Rundown", error.template))
    return said(error)  # a database failure by its cause when known, else its own words


def scenes_checked(room: str, where: str, checked: bool, translate: Translate) -> str:
    """How an import's scenes were checked, naming the room and its OBS's address (`where`, "" when unknown) as
    `onair rundown import` does: "Scenes checked against the room's OBS." left the planner to guess which OBS that
    was."""
    if where and room == where:
        # A room opened by its address (--url) is named by it: "the OBS of room “127.0.0.1:4455”
        # (127.0.0.1:4455)" said the address twice.
        if checked:
            text = translate("Rundown", "Scenes checked against the OBS at %2.")
        else:
            text = translate("Rundown", "The scenes were NOT checked: the OBS at %2 is not connected.")
    elif checked:
        text = translate("Rundown", "Scenes checked against the OBS of room “%1” (%2).")
    elif where:
        text = translate("Rundown", "The scenes were NOT checked: the OBS of room “%1” (%2) is not connected.")
    else:
        text = translate(
            "Rundown", "The scenes were NOT checked: this console is not connected to the OBS of room “%1”."
        )
    return text.replace("%1", room).replace("%2", where)


class RundownController(QObject):
    sig_rundown_changed = Signal(object)  # Rundown
    sig_position_changed = Signal(object)  # Position
    sig_problem = Signal(str)
    sig_message_changed = Signal(str)
    # An event-log line as a function saying it in the current language (said again after a language switch), and
    # its level ("info", "warning").
    sig_logged = Signal(object, str)
    _sig_done = Signal(object, object)  # future, (then, refused) (GUI thread)

    def __init__(
        self,
        bridge: ObsBridge,
        operator: Callable[[], str] | None = None,
        storage_url: str | None = None,
        parent: QObject | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        #: Where the arm is kept across a restart (rundown/armed; None: not kept). The arm is this desk's own, as
        #: between two consoles of a room, so it is kept with this console's settings, not with the show.
        self._settings = settings
        self._arm_written = ""
        self._arm_waiting = self._kept_arm()
        self.storage_url = storage_url
        self._operator = operator or (lambda: "")
        self._rundown = Rundown(bridge.room_key or "")
        self._message = ""
        self._message_restored = False
        #: What the Rundown dock says under its table (an import's lines), for the dock rebuilt by a language switch.
        self._status_line: StatusLine | None = None
        #: The show the line belongs to (None until the session's show is open), the stored change count this
        #: console last saw, writes not yet answered, a read in flight, and whether the line shown is not stored.
        self._line_show: int | None = None
        self._line_revision = 0
        self._line_writes = 0
        self._line_reading = False
        self._line_unsaved = False
        self._line_restoring = False
        self._idle = RundownRunner(self._rundown)
        #: The marks shared with the room's other consoles: claims not yet answered, a re-read in flight, and the
        #: marks this console stamped that the database has not taken yet (it did not answer), oldest first.
        self._marks_writes = 0
        #: A read of what changed elsewhere (Storage.rundown_watch) is in flight.
        self._watching = False
        #: Why the last once-a-second read of the plan and the marks failed (None: it did not): said in the log once
        #: an outage, not every second (a database down for an hour wrote 3,600 identical warnings).
        self._watch_trouble: str | None = None
        #: (The show each belongs to: None when it was stamped before the session's show was known.)
        self._marks_unstored: dict[tuple[float, str, str, str], Unstored] = {}
        self._storage = OpenOnUse(storage_url)
        self._worker = SerialWorker("rundown-worker")
        self._closed = False
        #: The room whose plan was asked for last (an answer for another room is late and dropped), and the room
        #: whose plan has been read (None: not yet): a kept arm is weighed against the room's plan, never against
        #: the plan stored at the show's first Go that a resumed show's runner holds until then.
        self._loading: str | None = None
        self._plan_read: str | None = None
        self._sig_done.connect(self._on_worker_done)
        bridge.sig_session_changed.connect(self._on_bridge_session_changed)
        bridge.sig_room_changed.connect(self._on_bridge_room_changed)
        bridge.sig_sampled.connect(self._on_bridge_sampled)
        bridge.sig_show_opened.connect(self._on_bridge_show_opened)
        self._hook()
        self.load()
        session = bridge.session
        if session is not None and session.show_id is not None:
            self._on_bridge_show_opened(session.show_id)

    # ------------------------------------------------------------------ the port's state
    @property
    def runner(self) -> RundownRunner:
        """The current room session's runner (an idle one while no session is open)."""
        session = self.bridge.session
        return session.rundown if session is not None else self._idle

    @property
    def rundown(self) -> Rundown:
        return self._rundown

    @property
    def position(self) -> Position:
        return self.runner.position()

    @property
    def message(self) -> str:
        return self._message

    @property
    def message_restored(self) -> bool:
        """The line shown came back from storage (a restart, a show resumed): the talent screen does not flash it."""
        return self._message_restored

    @property
    def status_line(self) -> StatusLine | None:
        return self._status_line

    def keep_status_line(self, line: StatusLine | None) -> None:
        self._status_line = line

    @property
    def scenes(self) -> tuple[str, ...]:
        state = self.bridge.state
        return tuple(state.scenes) if state.connected else ()

    @property
    def who(self) -> str:
        """Who the marks name: the operator the console knows (the name checklists are signed with), else the
        computer's user."""
        return self._operator().strip() or getpass.getuser()

    # ------------------------------------------------------------------ storage (on the worker)
    def _store(self) -> Storage:
        return self._storage.get()

    def _plans(self) -> Any:
        """The storage as the plan's API (Storage.rundown / save_rundown, rundown-store's part of #19)."""
        return self._store()

    def _submit(self, work: Callable[[], Any], then: Then, refused: Callable[[Exception], None] | None = None) -> None:
        """Run `work` on the worker; `then(result, why)` on the GUI thread — or `refused(error)` when given and the
        work failed."""
        if self._closed:
            return
        future: Future[Any] = self._worker.submit(work)
        future.add_done_callback(lambda f: self._sig_done.emit(f, (then, refused)))

    @Slot(object, object)
    def _on_worker_done(self, future: Future[Any], answer: tuple[Then, Callable[[Exception], None] | None]) -> None:
        then, refused = answer
        error = future.exception()
        if error is not None and not isinstance(error, Exception):
            raise error
        if error is not None and refused is not None:
            refused(error)
            return
        then(None if error is not None else future.result(), None if error is None else in_words(error))

    def load(self) -> None:
        """Read the room's plan (sig_rundown_changed when it arrives)."""
        room = self.bridge.room_key
        self._loading = room
        if room is None:
            self._take_plan(Rundown(""))
            return
        self._submit(lambda: self._plans().rundown(room), lambda plan, why: self._on_loaded(room, plan, why))

    def _on_loaded(self, room: str, plan: Rundown | None, why: str | None) -> None:
        if room != self._loading:
            return
        if why is not None or plan is None:
            LOG.warning("the rundown of %s could not be read: %s", room, why)
            self.sig_problem.emit(
                QCoreApplication.translate("Rundown", "The rundown could not be read: %1").replace("%1", why or "?")
            )
            return
        self._take_plan(plan)

    def _take_plan(self, plan: Rundown) -> None:
        self._rundown = plan
        self._plan_read = plan.room
        self.runner.set_plan(plan)
        self.sig_rundown_changed.emit(plan)
        self._emit_position()

    def _replanned(self) -> None:
        """This desk changed the plan (an edit, an import): a new length for the segment on air is stamped on the
        show. Another desk's change is stamped there, so it is said once."""
        session = self.bridge.session
        if session is not None:
            session.rundown_replanned(self.who)

    def save(self, rundown: Rundown) -> None:
        room = self.bridge.room_key
        if room is None:
            self.sig_problem.emit(
                QCoreApplication.translate("Rundown", "Choose a room first: a rundown belongs to a room.")
            )
            return
        rundown = Rundown(room, rundown.segments, rundown.updated_at, rundown.updated_by)
        self.runner.set_plan(rundown)  # the live strip follows the edit at once
        by = self.who
        self._submit(lambda: self._plans().save_rundown(rundown, by), self._on_saved)

    def _on_saved(self, plan: Rundown | None, why: str | None) -> None:
        if why is not None or plan is None:
            self.runner.set_plan(self._rundown)
            self.sig_problem.emit(why or "?")
            self.sig_rundown_changed.emit(self._rundown)
            self._emit_position()
            return
        if plan.room == self.bridge.room_key:
            self._take_plan(plan)
            self._replanned()  # once stored: a refused save puts the old plan back, and nothing changed

    def import_file(self, path: Path, then: Then) -> None:
        room = self.bridge.room_key
        if room is None:
            then(None, QCoreApplication.translate("Rundown", "Choose a room first: a rundown belongs to a room."))
            return
        by = self.who
        # Checked against the room's OBS when its scenes are known, as `onair rundown import` checks them: a
        # scene OBS lacks is refused with its row and column now, not found out at Go during the show.
        scenes = self.scenes or None

        where = self._obs_address()

        def work() -> Imported:
            from console.core.rundown.import_report import import_lines

            read = _sheet().read_sheet(path, room, scenes)
            plans = self._plans()
            earlier: Rundown = plans.rundown(room)
            stored: Rundown = plans.save_rundown(read.rundown.keeping_keys_of(earlier), by)

            # Said as `onair rundown import` says it (one code for both): the planned total, the plan it replaced;
            # said again in another language after a language switch (the dock rebuilt says them again).
            def said(translate: Translate) -> tuple[str, ...]:
                checked = scenes_checked(room, where, bool(scenes), translate)
                return tuple(import_lines(read, stored, earlier, checked, translate))

            return Imported(stored, said(_translate), said)

        def done(imported: Imported | None, why: str | None) -> None:
            if imported is not None and why is None and imported.plan.room == self.bridge.room_key:
                self._take_plan(imported.plan)
                self._replanned()
            then(imported, why)

        def refused(error: Exception) -> None:
            # The rows and columns refused, said again in another language after a language switch.
            then(Refused(lambda: in_words(error)), in_words(error))

        self._submit(work, done, refused)

    def _obs_address(self) -> str:
        """The room's OBS as its address is written ("" when the console has none): IPv6 in brackets, as an
        address's room is named (console/app.py _room_at)."""
        endpoint = self.bridge.endpoint
        if endpoint is None:
            return ""
        host = f"[{endpoint.host}]" if ":" in endpoint.host else endpoint.host
        return f"{host}:{endpoint.port}"

    def export_file(self, path: Path, then: Then) -> None:
        plan = self._rundown

        def work() -> Path:
            _sheet().write_rundown(plan, path, _translate)
            return path

        self._submit(work, then)

    # ------------------------------------------------------------------ running it
    def arm(self, index: int | None = None) -> None:
        self._act(lambda: self.runner.arm(index))

    def disarm(self) -> None:
        self._act(self.runner.disarm)

    def go(self) -> None:
        self._take(GO)

    def skip(self) -> None:
        self._take(SKIP)

    def repeat(self) -> None:
        self._take(REPEAT)

    def end(self) -> None:
        self._take(END)

    def insert_next(self, segment: Segment) -> None:
        plan = self.runner.insert_next(segment)
        self._emit_position()
        self.save(plan)

    def send_message(self, text: str) -> None:
        text = " ".join(text.split())[:MAX_MESSAGE]
        if text == self._message:
            return
        self._show_line(text, restored=False)
        self._line_unsaved = True
        self._store_line()

    # ------------------------------------------------------------------ the line for the host, kept with the show
    def _show_line(self, text: str, restored: bool) -> None:
        self._message_restored = restored
        if text != self._message:
            self._message = text
            self.sig_message_changed.emit(text)

    def _store_line(self) -> None:
        """Write the line shown to the show (once the show is known; until then it waits, unsaved)."""
        show_id = self._line_show
        if show_id is None or not self._line_unsaved:
            return
        self._line_unsaved = False
        self._line_writes += 1
        text, by = self._message, self.who
        self._submit(
            lambda: self._store().set_host_line(show_id, text, by),
            lambda stored, why: self._on_line_stored(show_id, stored, why),
        )

    def _on_line_stored(self, show_id: int, stored: Any, why: str | None) -> None:
        self._line_writes -= 1
        if show_id != self._line_show:
            return
        if why is not None or stored is None:
            LOG.warning("the line for the host could not be stored: %s", why)
            self._line_unsaved = True  # tried again at the next read-back
            self.sig_problem.emit(
                QCoreApplication.translate(
                    "Rundown",
                    "The line for the host is shown but could not be saved: %1",
                ).replace("%1", why or "?")
            )
            return
        self._line_revision = stored.revision
        self._line_restoring = False

    def _read_line(self) -> None:
        show_id = self._line_show
        if show_id is None or self._line_reading or self._line_writes:
            return
        self._line_reading = True
        self._submit(
            lambda: self._store().host_line(show_id), lambda stored, why: self._on_line_read(show_id, stored, why)
        )

    def _on_line_read(self, show_id: int, stored: Any, why: str | None) -> None:
        self._line_reading = False
        if show_id != self._line_show:
            return  # an answer for a show already left
        if why is not None:
            LOG.warning("the line for the host could not be read: %s", why)
            return  # the storage problem is said by the show's writer; read again at the next poll
        if self._line_writes:
            return  # read before a write of ours went in: stale
        if self._line_unsaved:
            self._store_line()  # typed before the show was known, or a write that failed: ours wins
            return
        revision = stored.revision if stored is not None else 0
        if revision == self._line_revision and not self._line_restoring:
            return
        restored, self._line_restoring = self._line_restoring, False
        self._line_revision = revision
        self._show_line(stored.text if stored is not None else "", restored=restored)

    @Slot(int)
    def _on_bridge_show_opened(self, show_id: int) -> None:
        """The session's show is open (new, or resumed after a restart): its line is read back and shown as it
        was, without the flash; a new show has none."""
        if show_id == self._line_show:
            return
        self._line_show = show_id
        self._line_revision = 0
        self._line_restoring = True
        self._line_reading = False
        self._read_line()

    def _take(self, action: str) -> None:
        session = self.bridge.session
        if session is None:
            self.sig_problem.emit(
                QCoreApplication.translate("Rundown", "Not connected to a room: the rundown cannot run.")
            )
            return
        finished = self.runner.finished
        self._act(lambda: session.rundown_take(action, self.who))
        if self.runner.finished and not finished and self._message:
            # The rundown is over: a line left from it ("上链接") would stay under "Show ended" on the host's
            # screen, stale. A line sent after the end stays.
            self.send_message("")

    def _act(self, action: Callable[[], object]) -> None:
        self._arm_waiting = None  # a press at this desk says what is armed now
        try:
            action()
        except Explained as exc:
            self.sig_problem.emit(in_words(exc))
        self._emit_position()

    # ------------------------------------------------------------------ the show's marks, shared by the room's consoles
    def _on_session_store(self, marks: list[Mark], snapshot: dict[str, Any] | None) -> None:
        """The session stamped or settled marks (GUI thread): a new one is claimed in the database at once — the
        unique (show, seq) index keeps one of two consoles' marks at the same boundary, and the loser follows the
        winner's — an outcome updates the stored mark. Go itself never waits for the database."""
        session = self.bridge.session
        show_id = session.show_id if session is not None else None
        for mark in marks:
            row = mark.as_row()
            identity = _identity(mark)
            if identity in self._marks_unstored:
                held_show, _row, held_snapshot = self._marks_unstored[identity]
                self._marks_unstored[identity] = (held_show, row, held_snapshot or snapshot)
            elif mark.outcome in (DONE, REFUSED):
                if show_id is not None:
                    self._submit(partial(self._store_settled, show_id, row), _ignore)
            elif show_id is None:
                self._marks_unstored[identity] = (None, row, snapshot)
            else:
                # A length changed on air is no boundary to race for: it goes after whatever is stored.
                self._claim(show_id, row, snapshot, append=bool(self._marks_unstored) or mark.action == LENGTH)
            snapshot = None
        if not marks and snapshot is not None and show_id is not None:
            self._submit(lambda: self._store().add_rundown(show_id, [], snapshot), _ignore)

    def _store_settled(self, show_id: int, row: dict[str, Any]) -> bool:
        return bool(self._store().settle_rundown_mark(show_id, row))

    def _claim(self, show_id: int, row: dict[str, Any], snapshot: dict[str, Any] | None, append: bool) -> None:
        self._marks_writes += 1
        self._submit(
            lambda: self._store().claim_rundown_mark(show_id, row, snapshot, append),
            lambda claim, why: self._on_claimed(show_id, row, snapshot, claim, why),
        )

    def _on_claimed(
        self, show_id: int, row: dict[str, Any], snapshot: dict[str, Any] | None, claim: Any, why: str | None
    ) -> None:
        self._marks_writes -= 1
        mark = Mark.from_row(row)
        if why is not None or claim is None:
            # The database did not answer: the boundary stands on this console and is stored when it answers.
            first = not self._marks_unstored
            self._marks_unstored[_identity(mark)] = (show_id, row, snapshot)
            LOG.warning("rundown: the mark of %s could not be stored yet: %s", mark.title, why)
            if first:
                unstored = Message(UNSTORED, {"title": self._named(mark), "why": why or "?"}, "Rundown")
                self.sig_problem.emit(unstored.in_language(_translate))
            return
        self._marks_unstored.pop(_identity(mark), None)
        session = self.bridge.session
        if session is None or session.show_id != show_id:
            return  # stored with a show this console has left since
        if claim.won:
            if len(claim.marks) != len(self.runner.marks) and not self._marks_writes:
                self._follow(claim.marks, None)  # another console's marks came in between: theirs and ours
            return
        # Another console's mark holds that boundary: ours was not stored; this console follows theirs.
        self._follow(claim.marks, None)
        winner = next((m for m in claim.marks if m.seq == mark.seq), claim.marks[-1] if claim.marks else None)
        if winner is not None:
            message = Message(
                ALREADY.get(winner.action, ALREADY[GO]),
                {"title": self._named(winner), "time": _clock(winner.t), "who": winner.who or "?"},
                "Rundown",
            )
            self.sig_problem.emit(message.in_language(_translate))
            self.sig_logged.emit(_words(message), "warning")
            if mark.scene and winner.scene and winner.scene != mark.scene and self.bridge.state.connected:
                # Our switch may have reached OBS after theirs: program goes back to the segment on air.
                session.send(SetProgramScene(winner.scene), 5.0)

    def _follow(self, marks: list[Mark], snapshot: Any) -> None:
        """The show's marks as stored become this console's (another desk pressed Go): said in the event log. A
        segment this console's plan lacks (inserted on the fly at the other desk) has the plan read again."""
        added = self.runner.follow(marks, snapshot)
        if any(self.runner.plan.index_of(mark.key) is None for mark in added if mark.action == INSERT):
            self.load()
        for mark in added:
            if mark.action in SAID:
                self.sig_logged.emit(_words(self._said(mark)), "info")
        self._emit_position()

    def _watch(self) -> None:
        """Follow what changes elsewhere — the room's plan (an import, another console's edit), the show's marks
        (another desk's Go), the line for the host — with one small query a recorded second
        (Storage.rundown_watch); each is read whole only when its part differs from what this console holds.
        Marks not yet stored are tried again first."""
        room = self.bridge.room_key
        if room is None or self._watching or self._closed:
            return
        session = self.bridge.session
        show_id = session.show_id if session is not None else None
        if show_id is not None and self._marks_unstored and not self._marks_writes:
            held_show, row, snapshot = next(iter(self._marks_unstored.values()))
            self._claim(held_show if held_show is not None else show_id, row, snapshot, append=True)
        follow = show_id is not None and not self._marks_writes and not self._marks_unstored
        held = len(self.runner.marks)
        saved_at = self._rundown.updated_at if self._rundown.room == room else None

        def work() -> Any:
            store = self._store()
            seen = store.rundown_watch(room, show_id)
            plan = store.rundown(room) if seen.plan_saved_at != saved_at else None
            marks = None
            if follow and show_id is not None and seen.marks != (held, held - 1):
                marks = store.rundown_marks(show_id), store.rundown_snapshot(show_id)
            return seen, plan, marks

        self._watching = True
        self._submit(work, lambda read, why: self._on_watched(room, show_id, held, read, why))

    def _on_watched(self, room: str, show_id: int | None, held: int, read: Any, why: str | None) -> None:
        self._watching = False
        if why is not None:
            if why != self._watch_trouble:
                LOG.warning("rundown: the room's plan and the show's marks could not be read: %s", why)
            self._watch_trouble = why
            return
        if self._watch_trouble is not None:
            self._watch_trouble = None
            LOG.info("rundown: the room's plan and the show's marks are read again")
        if read is None or room != self.bridge.room_key:
            return  # another room since
        seen, plan, marks = read
        if plan is not None and plan.updated_at != self._rundown.updated_at:
            self._take_plan(plan)  # saved elsewhere (this console's own save has been taken with its answer)
        session = self.bridge.session
        if session is None or show_id is None or session.show_id != show_id:
            return
        if marks is not None and not (self._marks_writes or self._marks_unstored or len(self.runner.marks) != held):
            self._follow(*marks)  # (a mark stamped here since the read: read again at the next second)
        if show_id == self._line_show and (
            self._line_unsaved or self._line_restoring or seen.line_revision != self._line_revision
        ):
            self._read_line()

    # ------------------------------------------------------------------ the session's news
    def _hook(self) -> None:
        session = self.bridge.session
        if session is not None:
            session.rundown_listener = self._on_session_rundown
            session.rundown_store = self._on_session_store

    def _on_session_rundown(self, mark: Mark | None, why: Message | None) -> None:
        """A mark stamped or settled, or (None) a runner made anew for a new or resumed show. On the GUI thread."""
        if mark is None:
            if not self.runner.plan.segments and self._rundown.segments and self._ours(self._rundown):
                self.runner.set_plan(self._rundown)
        elif mark.outcome == REFUSED and why is not None:
            line = Message(REFUSED_SAID, {"title": self._named(mark), "scene": mark.scene, "why": why}, "Rundown")
            self.sig_problem.emit(line.in_language(_translate))
            self.sig_logged.emit(_words(line), "warning")
        elif mark.outcome in ("", "pending") and mark.action in SAID:
            self.sig_logged.emit(_words(self._said(mark)), "info")
        self._emit_position()

    def _said(self, mark: Mark) -> Message:
        """A boundary's event-log line; a take right after End says the rundown was taken up again."""
        marks = self.runner.marks
        after_end = mark.action in TAKES and 0 < mark.seq <= len(marks) and marks[mark.seq - 1].action == END
        template = RESUMED if after_end else SAID[mark.action]
        fields: dict[str, object] = {"title": self._named(mark), "who": mark.who}
        if mark.action == LENGTH:
            # From what to what: a change made at another desk or from the command line reaches this console as
            # a mark alone, and the length it replaced is no longer in any plan this console holds.
            before = length_before(marks, mark)
            fields["length"] = format_duration(mark.planned_s) if mark.planned_s is not None else "—"
            fields["before"] = format_duration(before) if before is not None else "—"
        return Message(template, fields, "Rundown")

    def _named(self, mark: Mark) -> str:
        """A mark's segment as the talent screen names it (title · product · ¥price), from the plan; its stored
        title when the plan no longer has it. Three “主推款” read 'Go: “主推款”' three times in the event log."""
        index = self.runner.plan.index_of(mark.key)
        return heading(self.runner.plan.segments[index]) if index is not None else mark.title

    def _emit_position(self) -> None:
        self._restore_arm()
        position = self.runner.position()
        self.sig_position_changed.emit(position)
        self._keep_arm(position)

    # ------------------------------------------------------------------ the arm, kept across a restart
    def _kept_arm(self) -> dict[str, Any] | None:
        """The arm this console kept when it stopped (rundown/armed), or None."""
        if self._settings is None:
            return None
        try:
            kept = json.loads(str(self._settings.get("rundown/armed")) or "null")
        except ValueError:
            return None
        if not isinstance(kept, dict) or not {"room", "show", "marks", "key", "title"} <= set(kept):
            return None
        self._arm_written = str(self._settings.get("rundown/armed"))
        return kept

    def _keep_arm(self, position: Position) -> None:
        """Write the arm as it stands (room, show, how many marks the show had, segment) when it changed, so a
        console restarted mid-show — a crash, kill -9 — arms the same segment again: Go takes what was armed."""
        if self._settings is None or self._arm_waiting is not None:
            return
        session = self.bridge.session
        value = ""
        if position.armed and position.next is not None and session is not None:
            value = json.dumps(
                {
                    "room": self.bridge.room_key or "",
                    "show": session.show_id,
                    "marks": len(self.runner.marks),
                    "key": position.next.key,
                    "title": position.next.title,
                },
                ensure_ascii=False,
            )
        if value != self._arm_written:
            self._arm_written = value
            self._settings.set("rundown/armed", value)

    def _restore_arm(self) -> None:
        """Arm again what was armed when the console stopped, once the show resumed, its marks and the plan are
        read back; said in the event log. An arm that no longer applies is said under the dock and in the log."""
        kept = self._arm_waiting
        session = self.bridge.session
        if kept is None or session is None or session.show_id is None or self.bridge.room_key is None:
            return
        runner = self.runner
        if self.bridge.room_key != kept["room"]:
            self._arm_waiting = None  # another room's arm: nobody armed anything here
            return
        if kept["show"] is not None and kept["show"] != session.show_id:
            self._arm_lost(kept, ARM_LOST_SHOW)
            return
        if not runner.read_back or self._plan_read != self.bridge.room_key:
            # The resumed show's marks, or the room's plan, are not read back yet. (Armed again on the plan of the
            # show's first Go, an arm for a segment deleted since was then dropped without a word by the room's.)
            return
        if len(runner.marks) < int(kept["marks"]):
            # Read back with fewer than were kept (killed moments after a press, before its mark was stored): the
            # arm was made after a press the show no longer holds, so it is not armed again; said, never waited on.
            upcoming = runner.position().next
            fields = {
                "stored": len(runner.marks),
                "kept": int(kept["marks"]),
                "next": upcoming.title if upcoming else "—",
            }
            self._arm_lost(kept, ARM_LOST_UNSTORED, fields)
            return
        index = runner.plan.index_of(str(kept["key"]))
        if len(runner.marks) > int(kept["marks"]):
            self._arm_lost(kept, ARM_LOST_PRESSED)
        elif index is None:
            self._arm_lost(kept, ARM_LOST_DELETED)
        else:
            self._arm_waiting = None
            runner.arm(index)
            self.sig_logged.emit(_words(Message(ARM_KEPT, {"title": kept["title"]}, "Rundown")), "info")

    def _arm_lost(self, kept: dict[str, Any], why: str, fields: dict[str, object] | None = None) -> None:
        self._arm_waiting = None
        said = Message(ARM_LOST, {"title": kept["title"], "why": Message(why, fields or {}, "Rundown")}, "Rundown")
        self.sig_problem.emit(said.in_language(_translate))
        self.sig_logged.emit(_words(said), "warning")

    @Slot()
    def _on_bridge_sampled(self) -> None:
        self._watch()
        self._emit_position()

    def _ours(self, plan: Rundown) -> bool:
        """Whether a plan is the room's the console is in now (a session of another room never runs it)."""
        return plan.room == (self.bridge.room_key or "")

    @Slot()
    def _on_bridge_session_changed(self) -> None:
        self._hook()
        if self._ours(self._rundown):
            self.runner.set_plan(self._rundown)
        self._emit_position()

    @Slot()
    def _on_bridge_room_changed(self) -> None:
        self._hook()
        self._rundown = Rundown(self.bridge.room_key or "")
        self._plan_read = None
        self.runner.set_plan(self._rundown)  # never the last room's plan while this room's is read
        # Nor the last room's line for the host: this room's show brings its own (sig_show_opened).
        self._line_show, self._line_unsaved, self._line_restoring = None, False, False
        self._show_line("", restored=True)
        self.sig_rundown_changed.emit(self._rundown)
        self._emit_position()
        self.load()

    def shutdown(self) -> None:
        """The console closes: the last storage call finishes (bounded), the database is let go."""
        self._closed = True
        session = self.bridge.session
        if session is not None and session.rundown_listener == self._on_session_rundown:
            session.rundown_listener = None
        if session is not None and session.rundown_store == self._on_session_store:
            session.rundown_store = None
        if not self._worker.shutdown(SHUTDOWN_WAIT_S):
            LOG.warning("the rundown's last storage call did not finish in %.0f s", SHUTDOWN_WAIT_S)
        self._storage.close()
