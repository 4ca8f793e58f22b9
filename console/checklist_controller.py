"""ChecklistController: the console's checklist runs — sensing and storing on a worker, results to the GUI.

Two runs can be open at once: the main one (a pre-show or post-show list) and a troubleshooting one opened
from the Health dock during the show. One worker thread does the slow parts in order (sensed checks with
their listening windows, database reads and writes) and only computes: it gets plain values or a snapshot of
a run and hands plain values back. The GUI thread owns the runs: it alone changes them (sensed results
applied, confirm, override, note, complete, abandon, the go-live freeze, runs resumed from storage).
An open run's sensed items are re-checked every RECHECK_MS until a person signs them off — only while the
console is on the run's own room. The stream starting freezes an open pre-show run as it was at that moment, and the
run is the show's that went live with it (not the one it was started in, which may have ended since); with none
open, the room's pre-show run completed before it is linked to the show as its checklist at go-live.
Open run ids are remembered in the settings, so runs continue after a restart.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot

from checklists.checks import Outcome, Status
from checklists.engine import ChecklistRun, ItemState, ItemStatus, RunEnd, RunError, Sensed, sense
from checklists.loader import load_all
from checklists.model import Problem, Template, text_for
from checklists.roles import DEFAULT_NAMES, candidates, present, roles_of
from console.bridge import ObsBridge
from console.bridge_context import BridgeContext
from console.core.rooms import Room, RoomStore, RoomStoreError
from console.core.storage_use import OpenOnUse
from console.core.worker import SerialWorker
from console.database_words import said
from console.settings import Settings
from obs.clock import MONOTONIC

if TYPE_CHECKING:  # SQLAlchemy and Alembic load on the worker, on first use, not at start-up
    from console.core.storage import Storage, StoredItem, StoredRun
from obs.errors import NotAnswering, RequestError, UnsupportedRequest
from obs.go_live import STOPPED, GoLive
from obs.messages import LinkState
from obs.protocol import OutputState
from obs.state import ObsState

LOG = logging.getLogger(__name__)
RECHECK_MS = 10_000
#: Closing waits this long for the last checklist save.
SHUTDOWN_WAIT_S = 10.0
#: The two runs that can be open side by side, and where each one's id is remembered across restarts.
SLOTS = {"main": "checklists/active_run", "troubleshooting": "checklists/active_troubleshooting_run"}


def _stored_outcome(item: StoredItem) -> Outcome | None:
    """A sensed result read back from storage, until the next check: its template and fields where they were
    stored (so it reads in the reader's language at once), else its words as they were stored."""
    kind = {"passed": Status.PASSED, "failed": Status.FAILED, "error": Status.ERROR}.get(item.status)
    if kind is None:
        return None
    if item.result_template is not None:
        return Outcome(kind, item.result_template, dict(item.result_fields or {}))
    if not item.detail:
        return None
    return Outcome(kind, item.detail.replace("{", "{{").replace("}", "}}"))


def slot_for(template: Template) -> str:
    return "troubleshooting" if template.kind == "troubleshooting" else "main"


class ChecklistController(QObject):
    sig_run_changed = Signal()
    # Storage and run problems: functions saying them in the language of the moment (the event log says them again
    # after a language switch).
    sig_problem = Signal(object)
    sig_room_requested = Signal(str)  # "switch back": the room a run belongs to ("demo": the demo room)
    sig_names_changed = Signal(str)  # a saved room's checklist names changed (Choose…): the room's name
    sig_override_lapsed = Signal(str)  # a go-live override ended with its stream not started: who gave it
    _sig_done = Signal(object, object)  # future, what to do with it (GUI thread)

    def __init__(
        self, bridge: ObsBridge, settings: Settings, storage_url: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.storage_url = storage_url
        self._storage = OpenOnUse(self.storage_url)
        #: False for a picture's run (--screenshot): its runs are read and shown, never saved nor counted with a show.
        self.records = True
        self.templates: dict[str, Template] = {}
        self.problems: list[Problem] = []
        #: The runs by slot ("main", "troubleshooting"); an ended run stays until the next one replaces it.
        self.runs: dict[str, ChecklistRun] = {}
        self.run_ids: dict[str, int] = {}
        #: The slot the dock shows.
        self.shown = "main"
        #: The main runs of the rooms the console has left, by room, with their stored ids: the dock shows the room
        #: the console is in, and switching back shows that room's run again as it was (walk22: after a switch from
        #: room A to room B the dock still showed A's completed list with A's results, as if it were B's).
        self._parked: dict[str, tuple[ChecklistRun, int | None]] = {}
        #: The room whose stored pre-show run is being read for the dock (a room switched to, no run of it held).
        self._looking_up: str | None = None
        #: The run the room's running show went live with, read for the dock after a switch: shown once the room's
        #: stream is known to be on.
        self._live_candidate: StoredRun | None = None
        #: A run some show went live with (kept at go-live, or completed and counted then), held for the room the
        #: console is back in (or restarted in) until the room's show is known: it is shown only if it is that show's
        #: (walk24: back in a room whose show had ended, the dock showed the ended show's "WENT LIVE ... overridden",
        #: off air, while Go live said no pre-show checklist had been run). With its stored id, and whether it was
        #: counted completed.
        self._held: tuple[ChecklistRun, int | None, bool] | None = None
        #: The show being recorded for that room, if any (the main window points it at the telemetry's).
        self.current_show: Callable[[], int | None] = lambda: None
        self._checking: set[str] = set()
        #: Items to check again as soon as their slot's pass in flight is over (a name chosen meanwhile).
        self._again: dict[str, set[str]] = {}
        #: The saved rooms (the application sets them): a saved room's checklist names are kept in rooms.json.
        self.rooms: RoomStore | None = None
        #: Names chosen for a room that is not saved (the demo room, an address), kept for this session.
        self._session_names: dict[str, dict[str, str]] = {}
        #: Whether this room's stream was on in the last full read of OBS (None: not known yet, or another room).
        self._on_air: bool | None = None
        #: When this room's stream was last seen stopping here: a pre-show run completed before it was the previous
        #: show's, not the next one's (checked_for_this_show).
        self._off_air_at: datetime | None = None
        #: A go-live seen with no pre-show run open, not yet told to storage: (room, when). Its show may not be
        #: known yet (the database opening): it is told once it is.
        self._went_live: tuple[str, datetime] | None = None
        #: The id of the pre-show run completed before the stream started and counted as the show's checklist at
        #: go-live (Storage.count_completed_run): kept for a restart while the show is on air, like a run kept at
        #: go-live (walk20: a console restarted mid-show said "No checklist running" where it had said "Completed").
        self._counted_id: int | None = None
        #: The run kept at go-live while its show was not known yet: linked to the show once it is.
        self._show_unknown: ChecklistRun | None = None
        #: What storage says of this room's pre-show list for its next go-live, for when no run of the room is held
        #: here (a console restarted, or come from another room): (room, when the run it would count was completed;
        #: None: there is none). Asked on the worker once the room is seen off air, again after each time it goes
        #: off air (`_ask_stored_ready`).
        self._stored_ready: tuple[str, datetime | None] | None = None
        self._stored_asked: str | None = None
        #: The go-live an override was given for (`override_go_live`), until its stream starts or is known not to:
        #: the run it was given in, and whether OBS was seen starting the stream since. The override is for that
        #: attempt only (fix23l: a stream that never started left it on the open run, and the run's next go-live,
        #: from OBS itself or after the list was completed, was recorded as "overridden by" that person).
        self._attempt: tuple[ChecklistRun, bool] | None = None
        #: That go-live was taken up from storage after a restart and its stream not seen yet: found off air, OBS may
        #: still be connecting it (its full read cannot say STARTING), so the session's GoLiveWatch holds it until it
        #: goes on air, stops, or HELD_S passes (fix25c: it lapsed at once, and the stream then went live).
        self._attempt_resumed = False
        #: Set when the console closes: a sensed check still listening stops at once (it ends as not finished).
        self._stop = threading.Event()
        self._worker = SerialWorker("checklist-worker")
        #: The writes queued or running on the worker (a run saved, a completed run counted with its show): what a
        #: database that does not answer at shutdown may lose — and only then is a loss said.
        self._writes: set[Future[Any]] = set()
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setInterval(RECHECK_MS)
        self._timer.timeout.connect(self.recheck)
        self._sig_done.connect(self._on_worker_done)
        # A bound method, so shutdown() can disconnect exactly this connection from the long-lived bridge.
        bridge.sig_state_changed.connect(self._on_bridge_state_changed)
        bridge.sig_room_changed.connect(self._on_bridge_room_changed)
        bridge.sig_go_live_changed.connect(self._on_bridge_go_live_changed)
        bridge.sig_show_opened.connect(self._on_bridge_show_opened)
        self.reload_templates()

    # ------------------------------------------------------------------ templates
    def reload_templates(self) -> None:
        folder = self.settings.get("checklists/folder")
        self.templates, self.problems = load_all([Path(folder)] if folder else [])

    # ------------------------------------------------------------------ what is shown, where we are
    @property
    def run(self) -> ChecklistRun | None:
        """The run the dock shows."""
        return self.runs.get(self.shown)

    @property
    def run_id(self) -> int | None:
        return self.run_ids.get(self.shown)

    @property
    def checking(self) -> bool:
        """The shown run's sensed items are being checked (they keep their last result meanwhile)."""
        return self.shown in self._checking

    def show_slot(self, slot: str) -> None:
        if slot in self.runs and slot != self.shown:
            self.shown = slot
            self.sig_run_changed.emit()

    @property
    def room(self) -> str:
        """The room the console is in ("demo" for the demo room; "" for none): the bridge owns it."""
        return self.bridge.room_key or ""

    @Slot()
    def _on_bridge_room_changed(self) -> None:
        """The console moved to another OBS: a run of another room stops sensing and says so."""
        self._on_air, self._went_live = None, None  # the new room's stream is not known yet
        self._off_air_at = None
        self._stored_ready = self._stored_asked = None
        if self._attempt is not None:
            # Left before its stream was seen on air: back in the run's room, the stream found off air is one that
            # did not start (on air, the override was used).
            self._attempt = (self._attempt[0], True)
        self._follow_room()
        self.sig_run_changed.emit()

    def _follow_room(self) -> None:
        """The main slot holds the room's own run: the run of the room left is set aside (unchanged, for when the
        console comes back), the new room's is taken back if it was set aside here, else read from storage (its
        open or completed pre-show run: one done on another console, or before a restart)."""
        room = self.room
        run = self.runs.get("main")
        if run is not None and run.room != room:
            self._parked[run.room] = (run, self.run_ids.get("main"))
            del self.runs["main"]
            self.run_ids.pop("main", None)
        held = self._held
        if held is not None and room and held[0].room != room:
            self._parked[held[0].room] = (held[0], held[1])  # still to be seen whether it is its show's, on return
            self._held = None
        self._looking_up = self._live_candidate = None
        if "main" not in self.runs and room:
            parked = self._parked.pop(room, None)
            counted = parked is not None and parked[1] is not None and parked[1] == self._counted_id
            if parked is not None and (parked[0].end is RunEnd.WENT_LIVE or counted):
                # The run the room's show went live with: that show's only, which may have ended while the console
                # was away (left off air) — shown once the room's show is known and is that one.
                self._held = (parked[0], parked[1], counted)
                self._take_held()
            elif parked is not None:
                self.runs["main"] = parked[0]
                if parked[1] is not None:
                    self.run_ids["main"] = parked[1]
                if parked[0].is_open:
                    self._timer.start()
            else:
                self._look_up_room_run(room)
        if self.shown not in self.runs:
            self.shown = "main" if "main" in self.runs or "troubleshooting" not in self.runs else "troubleshooting"
        elif "main" in self.runs and self.shown != "main" and not self.runs[self.shown].is_open:
            self.shown = "main"

    def _look_up_room_run(self, room: str) -> None:
        """Read the room's pre-show run from storage (on the worker): its newest one if it is open, or completed for
        the room's next go-live (a run a show already went live with is that show's); else the run the room's
        running show went live with (another console's), shown while the room is on air."""
        self._looking_up = room

        def look() -> tuple[StoredRun, bool] | None:
            from console.core.telemetry.writer import RESUME_S

            store = self._store()
            newest = store.newest_pre_show(room)
            if (
                newest is not None
                and newest.go_live_at is None
                and newest.end_state in (RunEnd.OPEN.value, RunEnd.COMPLETED.value)
            ):
                return newest, False
            show = store.running_show(room, datetime.now(UTC), RESUME_S)
            kept = None if show is None else store.go_live_run(show)
            return None if kept is None else (kept, True)

        self._submit(look, lambda found, error: self._after_room_run(room, found, error))

    def _after_room_run(self, room: str, found: tuple[StoredRun, bool] | None, error: BaseException | None) -> None:
        if self._looking_up != room or room != self.room or "main" in self.runs:
            return  # another room since, or a run of this room started meanwhile: that one is the room's
        self._looking_up = None
        if error is not None:
            LOG.warning("room %s: its pre-show checklist could not be read: %s", room, error)
            self.sig_problem.emit(
                lambda: QCoreApplication.translate("Checklist", "This room's checklist could not be read: %1").replace(
                    "%1", said(error)
                )
            )
            return
        if found is None or found[0].checklist_id not in self.templates:
            return
        stored, went_live = found
        if went_live:
            # The run the room's show went live with: shown while that show is on air (walk23: a console switched
            # into a room on air said "No checklist running" where the room's show had gone live with a list).
            self._live_candidate = stored
            self._take_live_candidate()
            return
        self._take_room_run(stored)

    def _take_room_run(self, stored: StoredRun) -> None:
        self.runs["main"] = self._restored(stored)
        self.run_ids["main"] = stored.id
        if "troubleshooting" not in self.runs or not self.runs["troubleshooting"].is_open:
            self.shown = "main"
        if self.runs["main"].is_open:
            self._timer.start()
        self.sig_run_changed.emit()

    @Slot(int)
    def _on_bridge_show_opened(self, show_id: int) -> None:
        self._take_held()

    def _take_held(self) -> None:
        """Show the held go-live run if the room's show is the one it went live with; drop it if another show is
        the room's now (the one it went live with is over: its history). A run whose show was never known (nothing
        recorded) is shown if the room is seen on air, dropped if seen off air, as a switch into a room does."""
        held = self._held
        if held is None:
            return
        run, run_id, counted = held
        if not self.room:
            return  # read at start-up, before the console is in a room
        if run.room != self.room or "main" in self.runs:
            self._held = None  # another room's show, or a run of this room started meanwhile
            return
        take = self._held_is_this_shows(run)
        if take is None:
            return  # not known yet: the show's opening, or the stream's next read, tells
        self._held = None
        if not take:
            LOG.info("room %s: the checklist run its ended show went live with is that show's history", run.room)
            return
        self.runs["main"] = run
        if run_id is not None:
            self.run_ids["main"] = run_id
            if counted:
                self._counted_id = run_id
        if "troubleshooting" not in self.runs or not self.runs["troubleshooting"].is_open:
            self.shown = "main"
        self.sig_run_changed.emit()

    def _held_is_this_shows(self, run: ChecklistRun) -> bool | None:
        """Whether the run went live in the room's current show (None: not known yet)."""
        if run.show_id is not None:
            show = self.current_show()
            return None if show is None else show == run.show_id
        return self._on_air

    def _take_live_candidate(self) -> None:
        """The run the room's show went live with, read after a switch of rooms: shown once the room is seen on
        air (read-only, as after a restart on air); dropped if it is seen off air — it is that show's history, and
        the room's next go-live needs a list of its own."""
        stored = self._live_candidate
        if stored is None or self._on_air is None:
            return  # not read yet, or the stream's state not known yet
        self._live_candidate = None
        if not self._on_air or stored.room != self.room or "main" in self.runs:
            return
        if stored.end_state == RunEnd.COMPLETED.value:
            self._counted_id = stored.id  # completed before going live and counted then
        self._take_room_run(stored)

    def elsewhere(self, run: ChecklistRun | None = None) -> bool:
        """An open run that belongs to another room than the one the console is on now."""
        run = run if run is not None else self.run
        return run is not None and run.is_open and run.room != self.room

    def room_pre_show(self) -> ChecklistRun | None:
        """The pre-show run held here for the room the console is on (open or ended), else None: what a wall tile of
        this room says of its preparation. Not the run the dock shows, which may be a troubleshooting list or, after
        a switch of rooms, another room's (walk22: room B's tile said room A's list was B's)."""
        run = self.runs.get("main")
        if run is None or run.template.kind != "pre-show" or run.room != self.room:
            return None
        return run

    def gate_run(self) -> ChecklistRun | None:
        """The open pre-show run of this room: the one that gates going live."""
        run = self.runs.get("main")
        if run is None or not run.is_open or run.template.kind != "pre-show" or run.room != self.room:
            return None
        return run

    # ------------------------------------------------------------------ the room's names for the checklists' roles
    def _saved_room(self, room: str) -> Room | None:
        if self.rooms is None or not room or (room == "demo" and self.bridge.demo):
            return None
        return self.rooms.get(room)

    def names(self, room: str | None = None) -> dict[str, str]:
        """What the room's OBS calls each role its checklists name (checklists/roles.py): a saved room's own names
        (a role it has not named is not guessed); the demo room's names for the demo room and an address without a
        saved room, with any chosen this session."""
        room = self.room if room is None else room
        saved = self._saved_room(room)
        if saved is not None:
            return dict(saved.names)
        return {**DEFAULT_NAMES, **self._session_names.get(room, {})}

    def choices(self, role: str) -> tuple[str, ...] | None:
        """What OBS has that could be this role (its scenes, its sources, its inputs with sound), from the live
        state the console already holds; None while OBS is not connected (there is no list to offer)."""
        if self.bridge.tracker.status.state is not LinkState.CONNECTED:
            return None
        return candidates(role, self.bridge.state)

    def unnamed(self, run: ChecklistRun | None = None) -> list[tuple[str, str, str]]:
        """(item id, role, the name it has or "") for each item of the open run, here, whose role this room has
        not named or whose name OBS does not have (while it is connected): what Choose… is offered for."""
        run = run if run is not None else self.run
        if run is None or not run.is_open or self.elsewhere(run):
            return []
        names, state = self.names(run.room), self.bridge.state
        connected = self.bridge.tracker.status.state is LinkState.CONNECTED
        found = []
        for item in run.template.items:
            if run.states[item.id].confirmed_by:
                continue  # a person's word stands: nothing to choose for it
            for role in roles_of(item.params):
                name = names.get(role, "")
                if not name or (connected and not present(role, name, state)):
                    found.append((item.id, role, name))
        return found

    def choose_name(self, role: str, name: str) -> bool:
        """This room's OBS calls `role` `name`: kept for the room (rooms.json for a saved room, this session for the
        demo room or an address), and the items that name the role are checked again at once."""
        room = self.room
        saved = self._saved_room(room)
        if saved is not None and self.rooms is not None:
            try:
                self.rooms.put(saved.with_checklist_name(role, name), saved.name)
            except RoomStoreError as exc:
                refused = exc
                self.sig_problem.emit(
                    lambda: QCoreApplication.translate("Rooms", refused.template).format(**refused.fields)
                )
                return False
            self.sig_names_changed.emit(saved.name)
        else:
            self._session_names.setdefault(room, {})[role] = name
            self.sig_problem.emit(
                lambda: QCoreApplication.translate(
                    "Checklist",
                    "“%1” is used for this session only: only a saved room (Connection ▸ Rooms…) keeps its names.",
                ).replace("%1", name)
            )
        self._recheck_role(role)
        return True

    def _recheck_role(self, role: str) -> None:
        connected = self.bridge.tracker.status.state is LinkState.CONNECTED
        for slot, run in list(self.runs.items()):
            if not run.is_open or self.elsewhere(run):
                continue
            ids = {i.id for i in run.template.items if role in roles_of(i.params)}
            if not ids:
                continue
            if slot in self._checking:  # the pass in flight measured the old name: once it is over, again
                self._again.setdefault(slot, set()).update(ids)
            elif connected:
                self._check(slot, run, ids)
        self.sig_run_changed.emit()

    # ------------------------------------------------------------------ the runs
    def start(self, template_id: str, operator: str, room: str) -> None:
        if not operator.strip():
            self.sig_problem.emit(
                lambda: QCoreApplication.translate("Checklist", "Enter your name first: every confirmation is signed.")
            )
            return
        template = self.templates[template_id]
        slot = slot_for(template)
        current = self.runs.get(slot)
        if current is not None and current.is_open:
            self.shown = slot
            self.sig_run_changed.emit()
            title = current.template.title
            self.sig_problem.emit(
                lambda: QCoreApplication.translate(
                    "Checklist", "“%1” is still open: complete or abandon it before starting another."
                ).replace("%1", text_for(title, self._language()))
            )
            return
        if slot == "main":
            self._looking_up = None  # the room's own run now: a stored one read meanwhile does not replace it
        self.runs[slot] = ChecklistRun(template, operator.strip(), room, show_id=self.current_show())
        self.run_ids.pop(slot, None)
        self.shown = slot
        self.sig_run_changed.emit()
        self._save(slot)
        self.recheck()
        self._timer.start()

    def recheck(self) -> None:
        """Check the open runs of this room again (each one at most once at a time)."""
        if self.bridge.tracker.status.state is not LinkState.CONNECTED:
            return  # nothing to sense; the next tick tries again
        for slot, run in list(self.runs.items()):
            if slot in self._checking or not run.is_open or self.elsewhere(run):
                continue
            self._check(slot, run)
        self.sig_run_changed.emit()

    def _check(self, slot: str, run: ChecklistRun, only: set[str] | None = None) -> None:
        items = run.begin_check(None if only is None else list(only))  # on the GUI thread: the worker only measures
        if not items:
            return
        self._checking.add(slot)
        self.bridge.meter_listeners += 1  # the bridge keeps meter history only while checks listen
        context, room, names = BridgeContext(self.bridge), self.room, self.names()
        session = self.bridge.session
        clock = session.clock if session is not None else MONOTONIC  # listening windows on the room's seconds
        self._submit(
            lambda: sense(items, context, stop=self._stop, clock=clock, names=names),
            lambda sensed, error: self._after_check(slot, run, room, sensed, error),
        )

    def _after_check(
        self, slot: str, run: ChecklistRun, room: str, sensed: Sensed | None, error: BaseException | None
    ) -> None:
        """The pass's results, applied here on the GUI thread. A person's confirm or override made meanwhile
        stands (the run keeps their word); results that arrive after the console moved to another OBS, or for a
        run that was replaced, are not applied."""
        self._checking.discard(slot)
        self.bridge.meter_listeners -= 1
        if error is not None:
            LOG.exception("checklist sensing failed", exc_info=error)
            self.sig_problem.emit(
                lambda: QCoreApplication.translate("Checklist", "The checks could not run: %1").replace(
                    "%1", said(error)
                )
            )
        valid = self.room == room == run.room and self.runs.get(slot) is run
        run.finish_check(sensed if valid else None)
        again = self._again.pop(slot, None)
        if again and valid and run.is_open and self.bridge.tracker.status.state is LinkState.CONNECTED:
            self._check(slot, run, again)  # a name chosen while this pass measured the old one
        self.sig_run_changed.emit()
        self._save(slot)

    def confirm(self, item_id: str) -> bool:
        return self._change(lambda run: run.confirm(item_id, run.operator))

    def override(self, item_id: str, reason: str) -> bool:
        return self._change(lambda run: run.override(item_id, run.operator, reason))

    def note(self, item_id: str, text: str) -> bool:
        return self._change(lambda run: run.set_note(item_id, text))

    def complete(self, person: str) -> bool:
        """The shown run is finished by a named person; it senses no more."""
        return self._change(lambda run: run.complete(person))

    def abandon(self, reason: str, person: str = "") -> bool:
        """The shown run is given up, with the reason (and the person; the operator by default)."""
        return self._change(lambda run: run.abandon(person.strip() or run.operator, reason))

    def override_go_live(self, reason: str) -> bool:
        """Go live although the list is not ready, with the reason: the override holds for the stream the console
        starts now (`start_answered`, then the stream's state), not for a later one."""
        if not self._change(lambda run: run.override_go_live(run.operator, reason), "main"):
            return False
        self._attempt, self._attempt_resumed = (self.runs["main"], False), False
        return True

    def start_answered(self, result: object, error: BaseException | None) -> None:
        """OBS's answer to the StartStream sent for an override: refused, or not sent (OBS not answering), the
        stream did not start and the override lapses. Sent without an answer (timed out, the link lost), OBS may
        still carry it out: the next full read of OBS tells — off air, the override lapses."""
        if error is None or self._attempt is None:
            return
        if isinstance(error, RequestError | NotAnswering | UnsupportedRequest):
            self._lapse(self._attempt[0])
        else:
            self._attempt = (self._attempt[0], True)

    def _follow_attempt(self, state: ObsState) -> None:
        """The overridden go-live's stream: on air, the override was used (the run is kept with it); seen starting
        then stopped without going on air (the output could not connect), it lapses."""
        if self._attempt is None or not state.connected:
            return
        run, starting = self._attempt
        if run.room != self.room:
            return  # another room's OBS: the run's own stream is looked at when the console is back in its room
        if state.stream.active:
            self._attempt = None
        elif state.stream.state == OutputState.STARTING:
            self._attempt = (run, True)
        elif starting:
            resumed, self._attempt_resumed = self._attempt_resumed, False
            if resumed and self.bridge.hold_go_live():
                return  # decided when the session's watch knows (`_on_bridge_go_live_changed`)
            if self.bridge.go_live.undecided:
                return  # OBS is stopping the output, or a hold runs: its outcome is told
            self._lapse(run)

    @Slot(object)
    def _on_bridge_go_live_changed(self, news: GoLive) -> None:
        """The go-live's stream started and stopped before it went on air, however OBS's events were bunched: the
        state signal carries a drain's last state only, and STARTING and STOPPED read together left the override
        standing for the next go-live. A go-live held after a restart is decided once the watch is."""
        attempt = self._attempt
        if attempt is None or attempt[0].room != self.room:
            return
        if news.failure is not None and news.failure.template == STOPPED:
            self._lapse(attempt[0])
        elif not news.undecided:
            self._follow_attempt(self.bridge.state)

    def _lapse(self, run: ChecklistRun) -> None:
        """The stream the override was given for did not start: the run is as before it (a new Go live asks again),
        stored so, and the event log says it."""
        self._attempt = None
        if not run.is_open or run.go_live_override is None:
            return  # kept at a go-live meanwhile: the override was used
        person = run.go_live_override[0]
        run.go_live_override = None
        self.sig_override_lapsed.emit(person)
        slot = next((slot for slot, held in self.runs.items() if held is run), None)
        if slot is not None:
            self._after_change(slot)

    def _change(self, action: Any, slot: str | None = None) -> bool:
        slot = slot or self.shown
        run = self.runs.get(slot)
        if run is None:
            return False
        try:
            action(run)
        except RunError as exc:
            refusal = exc
            self.sig_problem.emit(lambda: refusal.in_language(QCoreApplication.translate))  # its title in it too
            return False
        self._after_change(slot)
        return True

    def _after_change(self, slot: str) -> None:
        if not any(run.is_open for run in self.runs.values()):
            self._timer.stop()
        self.sig_run_changed.emit()
        self._save(slot)

    @Slot(object)
    def _on_bridge_state_changed(self, state: ObsState) -> None:
        """The stream is on: this room's open pre-show run is kept as it was at that moment, and closes. With none
        open, the room's pre-show run completed before it counts as the show's checklist at go-live."""
        self._follow_attempt(state)
        run = self.gate_run()
        started = state.connected and state.stream.active and self._on_air is False
        if state.connected and not state.stream.active and self._on_air is True:
            self._off_air_at = datetime.now(UTC)
            self._stored_ready = self._stored_asked = None  # the list that show went live with is its own now
        if state.connected:
            self._on_air = state.stream.active
            self._take_live_candidate()
            self._take_held()
        if state.connected and not state.stream.active:
            self._ask_stored_ready()
        if state.stream.active and run is not None:
            run.freeze_at_go_live()
            # The show that went live is the run's, not the one it was started in (walk23: started in room A, the
            # console went to room B and back, and A's show then went live with it — a new show, since the one it
            # was started in ended at the switch; its review said "Pre-show checklist: none").
            run.show_id = self.current_show()
            self._show_unknown = run if run.show_id is None else None
            self._after_change("main")
        elif started and self.room:
            # Seen starting here, not found on air (a console started mid-show did not see when it began).
            self._went_live = (self.room, datetime.now(UTC))
        self._count_completed()
        self._link_went_live()
        went_live = self.runs.get("main")
        if (
            state.connected  # a full read of OBS: the stream's state is known, not a default
            and not state.stream.active
            and went_live is not None
            and (
                went_live.end is RunEnd.WENT_LIVE
                or (self._counted_id is not None and self.run_ids.get("main") == self._counted_id)
            )
            and went_live.room == self.room
            and self.settings.get(SLOTS["main"])
            # Only this run's id: one shown after a switch of rooms is not the one kept for a restart (an open run
            # of the room left may be).
            and self.settings.get(SLOTS["main"]) == self.run_ids.get("main")
        ):
            self.settings.set(SLOTS["main"], 0)  # off air: the run the show went live with is history now

    def _link_went_live(self) -> None:
        """The run kept at go-live before its show was known (the database opening): it is the show's once it is."""
        run = self._show_unknown
        if run is None:
            return
        if self.runs.get("main") is not run or run.room != self.room:
            self._show_unknown = None  # the console left the room: the show it went live in is over for it
            return
        show_id = self.current_show()
        if show_id is not None:
            self._show_unknown = None
            run.show_id = show_id
            self._after_change("main")

    def _ask_stored_ready(self) -> None:
        """Ask storage, once per room and off-air spell, whether the room has a pre-show list completed for its next
        go-live (Storage.completed_for_go_live: the rule the go-live itself counts it by)."""
        room = self.room
        if not room or self._stored_asked == room:
            return
        self._stored_asked = room
        show_id, at = self.current_show(), datetime.now(UTC)

        def ask() -> datetime | None:
            store = self._store()
            run_id = store.completed_for_go_live(room, show_id, at)
            run = None if run_id is None else store.run(run_id)
            return None if run is None else run.ended_at

        self._submit(ask, lambda found, error: self._after_stored_ready(room, found, error))

    def _after_stored_ready(self, room: str, found: datetime | None, error: BaseException | None) -> None:
        if error is not None:
            LOG.warning("the room's completed pre-show checklist could not be looked up: %s", error)
            return  # not known: the question says what this console knows
        if room == self.room and self._stored_asked == room:
            self._stored_ready = (room, found)

    def _count_completed(self) -> None:
        """Tell storage the show went live with no pre-show run open, once the show is known: it links the room's
        run completed since its previous show (this console's or another's) to the show
        (Storage.count_completed_run)."""
        if self._went_live is None or not self.records:
            return
        room, at = self._went_live
        show_id = self.current_show()
        if room != self.room or show_id is None:
            return  # the show is not open yet: the next state change tries again
        self._went_live = None

        def count() -> int | None:
            return self._store().count_completed_run(room, show_id, at)

        self._submit(count, lambda result, error: self._after_count(show_id, result, error), write=True)

    def _after_count(self, show_id: int, run_id: Any, error: BaseException | None) -> None:
        if error is not None:
            LOG.warning("the checklist completed before going live could not be kept with the show: %s", error)
            self.sig_problem.emit(
                lambda: QCoreApplication.translate(
                    "Checklist", "The checklist completed before going live could not be kept with the show: %1"
                ).replace("%1", said(error))
            )
            return
        run = self.runs.get("main")
        if isinstance(run_id, int) and run is not None and self.run_ids.get("main") == run_id:
            run.show_id = show_id  # as stored: the run is the show's now
            run.go_live_override = None  # an override left from a stream that never started is not the show's
            self._counted_id = run_id
            self.settings.set(SLOTS["main"], run_id)  # shown again after a restart while the show is on air
        elif isinstance(run_id, int) and run is None:
            # Completed before this console was started (or on another console of the room): the dock shows it
            # while the show is on air, and so does the next restart (walk22: "No checklist running" on air,
            # where the show had gone live with 王丽's completed list).
            self.settings.set(SLOTS["main"], run_id)
            self._submit(
                lambda: self._store().run(run_id),
                lambda stored, problem: self._after_resume("main", stored, problem),
            )

    def checked_for_this_show(self) -> bool:
        """Whether this room has a pre-show run open, or one completed since its stream was last seen stopping
        here: going live without one is said in the go-live question (only an open run gated it, so a room where
        nobody had started the list went live without a word of it). Not known to be the previous show's is
        counted: the question never says "no checklist" of a room that ran one."""
        run = self.runs.get("main")
        if run is None or run.template.kind != "pre-show" or run.room != self.room:
            # None held here: what storage says (walk22: 王丽 completed room A's list, the console was restarted,
            # and Go live said no pre-show checklist had been run, then went live with her list counted).
            stored = self._stored_ready
            if stored is None or stored[0] != self.room or stored[1] is None:
                return False
            return self._off_air_at is None or stored[1] >= self._off_air_at
        if run.is_open:
            return True
        if run.end is not RunEnd.COMPLETED:
            return False  # abandoned, or kept at an earlier go-live: the previous show's
        return self._off_air_at is None or (run.ended_at is not None and run.ended_at >= self._off_air_at)

    def state(self, item_id: str) -> ItemState | None:
        return None if self.run is None else self.run.states.get(item_id)

    def blocking_titles(self, language: str) -> list[str]:
        run = self.gate_run()
        return [text_for(item.title, language) for item in run.blocking()] if run else []

    def _language(self) -> str:
        return str(self.settings.get("ui/language") or "en")

    # ------------------------------------------------------------------ storage (on the worker)
    def _store(self) -> Storage:
        return self._storage.get()

    def _save(self, slot: str) -> None:
        run, run_id, language = self.runs.get(slot), self.run_ids.get(slot), self._language()
        if run is None or not self.records:
            return
        snapshot = run.snapshot()  # the worker stores the run as it is now, while this thread goes on changing it

        def save() -> int:
            return self._store().save_run(snapshot, language, origin="console", run_id=run_id)

        self._submit(save, lambda result, error: self._after_save(slot, run, result, error), write=True)

    def _after_save(self, slot: str, run: ChecklistRun, result: Any, error: BaseException | None) -> None:
        from console.core.storage import StorageError

        if isinstance(error, StorageError):
            LOG.warning("the checklist run could not be saved: %s", error)  # the driver's words, for the technician
            self.sig_problem.emit(  # the cause in the reader's words when the driver's error tells it
                lambda: QCoreApplication.translate("Checklist", "The checklist run could not be saved: %1").replace(
                    "%1", said(error)
                )
            )
            return
        parked = self._parked.get(run.room)
        if error is None and isinstance(result, int) and parked is not None and parked[0] is run:
            self._parked[run.room] = (run, result)  # saved for the first time just as the console left its room
            return
        if error is None and isinstance(result, int) and self.runs.get(slot) is run:
            self.run_ids[slot] = result
            # An open run is picked up again after a restart, and so is the pre-show run the show went live with
            # while the show is on air (walk16: a console restarted mid-show said "No checklist running", as if
            # nobody had checked the room); any other ended one is history.
            kept = run.is_open or (slot == "main" and (run.end is RunEnd.WENT_LIVE or result == self._counted_id))
            self.settings.set(SLOTS[slot], result if kept else 0)

    def resume(self) -> None:
        """Continue the runs that were open when the console last closed (read on the worker: the database may
        be slow to open, and start-up must not wait for it). sig_run_changed tells when they are back."""
        for slot, key in SLOTS.items():
            run_id = self.settings.get(key)
            if run_id:
                self._submit(
                    lambda run_id=run_id: self._store().run(int(run_id)),
                    lambda stored, error, slot=slot: self._after_resume(slot, stored, error),
                )

    def _after_resume(self, slot: str, stored: StoredRun | None, error: BaseException | None) -> None:
        if error is not None:
            self.sig_problem.emit(
                lambda: QCoreApplication.translate("Checklist", "The last checklist run could not be read: %1").replace(
                    "%1", said(error)
                )
            )
            return
        if stored is None or stored.checklist_id not in self.templates or slot in self.runs:
            return
        # The run the show went live with: kept at go-live, or completed before it and counted then.
        at_go_live = stored.end_state == RunEnd.WENT_LIVE.value or (
            stored.end_state == RunEnd.COMPLETED.value and stored.go_live_at is not None and stored.go_live_by is None
        )
        if at_go_live and self.room and stored.room != self.room:
            return  # another room's show: its history, not what this room went live with
        run = self._restored(stored)
        if slot == "main" and at_go_live and self.records and stored.room:
            # Its show may have ended since (the console quit on air, the stream stopped before it came back): shown
            # once the room's show is known and is that one.
            LOG.info("resumed checklist run %d (%s, room %s), its show's", stored.id, stored.checklist_id, stored.room)
            self._held = (run, stored.id, run.end is RunEnd.COMPLETED)
            self._take_held()
            return
        self.runs[slot] = run
        self.run_ids[slot] = stored.id
        if slot == "troubleshooting" or "main" not in self.runs:
            self.shown = slot
        LOG.info("resumed checklist run %d (%s, room %s)", stored.id, stored.checklist_id, stored.room)
        self.sig_run_changed.emit()
        if at_go_live and run.end is RunEnd.COMPLETED:
            self._counted_id = stored.id
        if slot == "main" and run.is_open and run.go_live_override is not None:
            # Stored with an override for a go-live this console no longer sees: it holds only if that stream is on
            # air (the console was restarted mid-show) or still starting; off air, it lapses as it would have here.
            self._attempt, self._attempt_resumed = (run, True), True
            self._follow_attempt(self.bridge.state)
        if run.is_open:
            self._timer.start()
        elif not at_go_live:  # kept as stored, with its go-live reason: nothing to write again
            self._after_change(slot)

    def _restored(self, stored: StoredRun) -> ChecklistRun:
        """A stored run as a run in memory, as it stood when stored (its template known here)."""
        states = {
            i.item_id: ItemState(
                ItemStatus(i.status),
                _stored_outcome(i),
                i.checked_at,
                i.confirmed_by,
                i.confirmed_at,
                i.override_reason,
                i.note,
            )
            for i in stored.items
        }
        run = ChecklistRun.restore(
            self.templates[stored.checklist_id], stored.operator, stored.room, stored.started_at, states, stored.show_id
        )
        run.restore_end(RunEnd(stored.end_state), stored.ended_at, stored.ended_by or "", stored.end_reason or "")
        if stored.go_live_by and stored.go_live_at is not None:
            # Who went live although the list was not ready, why and when: the dock, the wall's tile and shared mode
            # read it from the run in memory (fix23h: after a restart on air the override was lost, and the tile
            # said nothing of it).
            run.go_live_override = (stored.go_live_by, stored.go_live_reason or "", stored.go_live_at)
        return run

    # ------------------------------------------------------------------ worker plumbing
    def _submit(self, work: Any, then: Any, write: bool = False) -> None:
        if self._closed:
            # A result that arrived after shutdown (a check in flight when the window closed): its save runs
            # here, on the way out, rather than being dropped or raising into Qt.
            try:
                result, error = work(), None
            except Exception as exc:
                result, error = None, exc
            finally:
                self._storage.close()
            then(result, error)
            return
        future: Future[Any] = self._worker.submit(work)
        if write:
            self._writes.add(future)
            future.add_done_callback(self._writes.discard)
        future.add_done_callback(lambda f: self._sig_done.emit(f, then))

    @Slot(object, object)
    def _on_worker_done(self, future: Future[Any], then: Any) -> None:
        error = future.exception()
        then(None if error is not None else future.result(), error)

    # ------------------------------------------------------------------ history (queries on the worker)
    def query_runs(self, filters: dict[str, Any], then: Any) -> None:
        """then(list[StoredRun] | None, error) on the GUI thread."""
        self._submit(lambda: self._store().runs(**filters), then)

    def load_run(self, run_id: int, then: Any) -> None:
        self._submit(lambda: self._store().run(run_id), then)

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Block until queued work is done (tests, shutdown)."""
        self._worker.submit(lambda: None).result(timeout)

    def shutdown(self, timeout: float = SHUTDOWN_WAIT_S) -> None:
        """Finish queued work (the last save is not dropped) and stop; safe to call more than once. A database
        that does not answer within `timeout` (frozen) does not hold the console open: the change it was
        saving is reported as possibly lost, and its thread is left behind."""
        self._timer.stop()
        if self._closed:
            return
        self._closed = True
        # The bridge outlives this controller (a room or language switch builds a new one): a state change must
        # reach only the controller in use, never freeze and store a run a second time from this one.
        self.bridge.sig_state_changed.disconnect(self._on_bridge_state_changed)
        self.bridge.sig_room_changed.disconnect(self._on_bridge_room_changed)
        self.bridge.sig_go_live_changed.disconnect(self._on_bridge_go_live_changed)
        # A check listening (a level check's window, up to a minute) is not waited for: it stops now, so the
        # saves queued behind it run within the wait meant for a slow database.
        self._stop.set()
        if not self._worker.shutdown(timeout):
            if any(not write.done() for write in list(self._writes)):
                LOG.error(
                    "the database did not answer within %.0f s: the last checklist change may not be saved "
                    "(the run continues from its last saved state after a restart)",
                    timeout,
                )
            else:  # a read still running (a slow first open of the database): nothing of the user's is lost
                LOG.info(
                    "the checklist database did not answer within %.0f s; no change was waiting to be saved", timeout
                )
            return  # the storage is still in use by the stuck call
        # The pass that was cut short hands its results to this thread through a queued signal: apply them (and
        # save the run) now, on the way out, rather than in an event loop that may never run again.
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        self._storage.close()
