"""DirectStudio: one console connected to several OBS at once (a technician's PC looking after three rooms).

Each room is a RoomSession (its own OBS link, health engine, audience and comment sources, and its own show in the
database, as one room's console keeps it) driven by its own SessionDriver thread, with a RoomReporter on that
thread turning each of the room's seconds into its RoomStatus. The wall subscribes and hears each room's status
once a second on that room's driver thread (the Qt adapter hops to the GUI thread), and reads program pictures
from memory with `thumbnail(room)`.

A room whose OBS cannot be reached still has its seconds (recorded as gaps), so its status keeps coming with its
link state ("connecting", "reconnecting", "auth_failed"…) and grey lights: never shown as healthy, never silent.

Each room run here hands its findings' changes to `findings.room_findings(room, changes, on_air, session)` (the
console's alerts), on its driver thread: a supervisor's four rooms each reach the team's chat, not only the one open
in the console. The console's own room (adopted) is not handed on here: the console already alerts it. The alerts
are told when a room's session here begins and when it has stopped (`room_began`, `room_ended`): a room handed to
the console and back, or a wall closed and opened again, continues the episodes the team was told of — never told
twice, resolved once.

This computer's CPU and memory are a room's figures only when that room's OBS runs on this computer: a wall PC
watching rooms whose OBS run elsewhere would otherwise judge (and alert, and store in each room's show) its own CPU
as every room's. A room whose OBS is elsewhere gets no machine figures (unknown, never the wall PC's).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, Protocol

from console.core.alerts.rules import Watch, watch_of
from console.core.chat.room import RoomChat, room_chat
from console.core.dbtrouble import DatabaseTrouble
from console.core.rooms import Room, Secrets, audience_source
from console.core.session import Endpoint, RoomSession, SessionDriver, SessionListener
from console.core.studio.prep import StoredPrep
from console.core.studio.reporter import RoomReporter
from console.core.studio.snapshot import lights_of, link_cause_of
from console.core.studio.status import Checklist, RoomStatus, StudioProblem
from console.core.telemetry.machine import MachineSampler, RoomMachineSampler
from obs.clock import MONOTONIC, Clock
from obs.errors import Explained
from obs.health import Change

LOG = logging.getLogger(__name__)

#: Direct mode's pictures are asked more often than shared mode publishes them: nothing crosses a network but
#: the OBS link, and a 320 px JPEG costs OBS a few milliseconds (benchmarks/studio_direct.py measures it).
DIRECT_THUMBNAIL_EVERY_S = 3.0


class Findings(Protocol):
    """Where a room's findings go (the console's alerts: console/alerts_controller.py), from any thread."""

    def room_findings(self, room: str, changes: list[Change], on_air: bool, source: object) -> None:
        """This second's changes of `room`, from its session `source`, and whether the room is on air."""

    def room_began(self, room: str, source: object, watch: Watch) -> None:
        """The session `source` hands on `room`'s findings from now on."""

    def room_ended(self, room: str, source: object) -> None:
        """The session `source` has stopped: it hands on nothing more."""


def console_name() -> str:
    """Which console this is: host name and process (two consoles on one machine are told apart)."""
    return f"{socket.gethostname()}:{os.getpid()}"


class _Said(SessionListener):
    """What a room's session says that no tile shows: its database trouble goes to the log with the room's name
    (the wall's tiles are about the room on air; the show's seconds are buffered and spilled meanwhile); its
    findings' changes go to `findings` (the console's alerts), named by the room."""

    def __init__(self, room: str, findings: Findings | None = None) -> None:
        self.room = room
        self.findings = findings
        self.session: RoomSession | None = None

    def findings_changed(self, changes: list[Change]) -> None:
        if not changes or self.findings is None or self.session is None:
            return
        try:
            self.findings.room_findings(self.room, changes, self.session.state.stream.active, self.session)
        except Exception:  # the alerts' trouble is theirs: the room carries on
            LOG.exception("room %s: its findings could not be handed to the alerts", self.room)

    def storage_problem(self, problem: str | Explained | DatabaseTrouble | None) -> None:
        if problem is not None:
            LOG.warning("room %s: its show cannot be stored right now: %s", self.room, problem)

    def storage_notice(self, notice: Explained) -> None:
        LOG.warning("room %s: %s", self.room, notice)


def _default_storage() -> Any:
    from console.core.storage import Storage

    return Storage()


def _either(*sources: Callable[[], Checklist | None]) -> Checklist | None:
    """The first source that knows the room's checklist."""
    for source in sources:
        checklist = source()
        if checklist is not None:
            return checklist
    return None


class _Room:
    """A room on the wall: run here (a driver of its own), or adopted from the console (`driver` None: the console's
    own session of the room, driven by the console's GUI thread; only its reporter is this studio's)."""

    def __init__(
        self,
        room: Room,
        session: RoomSession,
        chat: RoomChat | None,
        driven: bool = True,
        machine: MachineSampler | None = None,
    ) -> None:
        self.room = room
        self.session = session
        self.chat = chat
        #: This computer's sampler as the room's (started and stopped with the room; None for an adopted room).
        self.machine = machine
        self.driver = SessionDriver(session) if driven else None
        self.reporter: RoomReporter | None = None
        self.status: RoomStatus | None = None
        self.picture: tuple[float, bytes] | None = None


class DirectStudio:
    """A StudioSource over RoomSessions in this process: started when made, stopped by `close()`.

    `open_storage` opens the database each room's show is kept in (None: the console's default database). Rooms
    named in `skip` are not connected here: the console runs them, and `adopt` gives the wall its session.
    `clock` and `link_options` are the sessions' (a test's manual clock, its short reconnect backoff)."""

    def __init__(
        self,
        rooms: Sequence[Room],
        secrets: Secrets,
        open_storage: Callable[[], Any] | None = None,
        *,
        console: str | None = None,
        clock: Clock = MONOTONIC,
        thumbnail_every_s: float = DIRECT_THUMBNAIL_EVERY_S,
        skip: Sequence[str | None] = (),
        findings: Findings | None = None,
        **link_options: Any,
    ) -> None:
        self.console = console or console_name()
        self._findings = findings
        self._secrets, self._open_storage, self._clock = secrets, open_storage, clock
        self._thumbnail_every_s, self._link_options = thumbnail_every_s, link_options
        self._lock = threading.Lock()
        self._changed: list[Callable[[list[RoomStatus]], None]] = []
        self._problem: list[Callable[[StudioProblem, str], None]] = []
        self._configured: dict[str, Room] = {}
        self._rooms: dict[str, _Room] = {}
        #: The room adopted from the console (its own session), and the threads handing rooms back and forth.
        self._adopted: _Room | None = None
        self._handovers: list[threading.Thread] = []
        self._closed = False
        #: Each room's pre-show checklist as stored (a room run here has no run in memory; nor has the console's
        #: own room after a restart): read off the calling threads, never waited for.
        self._prep = StoredPrep(open_storage or _default_storage)
        for room in rooms:
            if room.name in self._configured:
                raise ValueError(f"the room {room.name!r} is listed twice")
            self._configured[room.name] = room
        try:
            for room in rooms:
                if room.name not in skip:  # run by the console itself: `adopt` its session
                    self._rooms[room.name] = self._run(self._build(room))
        except BaseException:
            self.close()
            raise

    def _build(self, room: Room) -> _Room:
        audience, problem = audience_source(room, self._secrets)
        if problem is not None:
            LOG.warning("room %s: its audience source cannot run: %s", room.name, problem)
        said = _Said(room.name, self._findings)
        machine = RoomMachineSampler()
        session = RoomSession(
            room.name,
            Endpoint(room.host, room.port, self._secrets.get(room.name)),
            listener=said,
            open_storage=self._open_storage,
            audience=audience,
            mics=room.microphones,
            sampler=machine,
            clock=self._clock,
            **self._link_options,
        )
        said.session = session
        chat = room_chat(room, self._secrets)
        if chat is not None:
            session.attach_chat(chat)
        return self._report(_Room(room, session, chat, machine=machine))

    def _report(self, entry: _Room, checklist: Callable[[], Checklist | None] | None = None) -> _Room:
        stored = partial(self._prep.of, entry.room.name)
        entry.reporter = RoomReporter(
            entry.session,
            partial(self._publish, entry),
            partial(self._picture, entry),
            self.console,
            # The console's own run of the room when it holds one, else the room's newest stored run: walk22's
            # rooms, their lists completed by a named person, read "Prep: not started" on the wall.
            checklist=stored if checklist is None else partial(_either, checklist, stored),
            thumbnail_every_s=self._thumbnail_every_s,
        )
        return entry

    def _run(self, entry: _Room) -> _Room:
        if entry.driver is not None and self._findings is not None:  # an adopted room is the console's to alert
            try:
                self._findings.room_began(entry.room.name, entry.session, watch_of(entry.session))
            except Exception:
                LOG.exception("room %s: the alerts could not be told it is watched", entry.room.name)
        if entry.chat is not None:
            entry.chat.start()
        if entry.machine is not None:
            entry.machine.start()
        assert entry.reporter is not None
        entry.reporter.start()  # tapped at the first drain, before the first second
        if entry.driver is not None:
            entry.driver.start()
        return entry

    def _stop(self, entry: _Room) -> None:
        """Stop a room run here (its last rows written; its show stays open for whoever runs the room next); the
        alerts are told it hands on nothing more (the episodes it carried wait for the room's next session)."""
        if entry.reporter is not None:
            entry.reporter.close()
        if entry.driver is not None:
            try:
                entry.driver.stop()
            except Exception:
                LOG.exception("room %s did not stop cleanly", entry.room.name)
        if entry.chat is not None:
            entry.chat.stop()
        if entry.machine is not None:
            entry.machine.stop()
        if entry.driver is not None and self._findings is not None:
            try:
                self._findings.room_ended(entry.room.name, entry.session)
            except Exception:
                LOG.exception("room %s: the alerts could not be told it is no longer watched", entry.room.name)

    # ------------------------------------------------------------------ the console's own room
    def adopt(self, session: RoomSession | None, checklist: Callable[[], Checklist | None] | None = None) -> None:
        """The console's own session (driven by the console) now runs `session.name` (None: no session). A room
        runs once per process, or its show would be written twice: the wall stops its own session of that room
        and reports the console's instead (with `checklist`, the console's pre-show checklist, asked on the
        console's thread); the room the console left is run here again once the console's session of it has let
        go of its show. Called on the console's GUI thread; never waits there."""
        room = None if session is None else self._configured.get(session.name or "")
        with self._lock:
            if self._closed:
                return
            previous = self._adopted
            if previous is not None and room is not None and previous.session is session and previous.room is room:
                return
            ours = None if room is None else self._rooms.get(room.name)
            self._adopted = None
            adopted = None
            if room is not None and session is not None:
                adopted = self._report(_Room(room, session, None, driven=False), checklist)
                self._rooms[room.name] = self._adopted = adopted
        if adopted is not None:
            self._run(adopted)
        if ours is not None and ours.driver is not None:
            self._in_background(f"studio: hand {ours.room.name} to the console", self._stop, ours)
        if previous is not None:
            if previous.reporter is not None:
                previous.reporter.close()
            if previous.room is not room:
                self._in_background(f"studio: take back {previous.room.name}", self._take_back, previous)

    def _in_background(self, name: str, job: Callable[[_Room], None], entry: _Room) -> None:
        thread = threading.Thread(target=job, args=(entry,), name=name, daemon=True)
        with self._lock:
            self._handovers = [t for t in self._handovers if t.is_alive()] + [thread]
        thread.start()

    def _take_back(self, left: _Room) -> None:
        """Run here again a room the console left, once the console's session of it is over (the same session moved
        to another room by set_room has already let go of this room's show)."""
        if left.session.name == left.room.name:  # the console closed that session: wait for its last rows
            left.session.join(10.0)
        with self._lock:
            if self._closed or self._rooms.get(left.room.name) is not left:
                return
        # Built outside the lock (it reads the room's password from the keyring, which may be slow): the console's
        # GUI thread takes the lock in `adopt`. Not started yet, an entry built for nothing is simply dropped.
        entry = self._build(left.room)
        with self._lock:
            if self._closed or self._rooms.get(left.room.name) is not left:
                return  # closed, or the console came back to this room meanwhile
            self._rooms[left.room.name] = self._run(entry)  # listed once it runs

    # ------------------------------------------------------------------ StudioSource
    def rooms(self) -> list[RoomStatus]:
        """Every room's newest status, in the order the rooms were given (a room not yet through its first second
        says what its link is doing, with grey lights)."""
        with self._lock:
            entries = list(self._rooms.values())
        return [entry.status or self._first(entry) for entry in entries]

    def _first(self, entry: _Room) -> RoomStatus:
        now = time.time()
        with entry.session.lock:
            lights = lights_of(entry.session)
        return RoomStatus(
            room=entry.room.name, at=now, heartbeat=now, link=entry.session.status.state.value,
            link_cause=link_cause_of(entry.session), lights=lights, console=self.console,
        )  # fmt: skip

    def subscribe(
        self,
        changed: Callable[[list[RoomStatus]], None],
        problem: Callable[[StudioProblem, str], None],
    ) -> None:
        """`changed([status])` once a second per room, on that room's driver thread. Direct mode has no source-wide
        trouble (no database between it and the rooms): `problem` is kept for the protocol and never called."""
        with self._lock:
            self._changed.append(changed)
            self._problem.append(problem)

    def thumbnail(self, room: str) -> tuple[float, bytes] | None:
        entry = self._rooms.get(room)
        return None if entry is None else entry.picture

    def session(self, room: str) -> RoomSession | None:
        """The room's live session (its console view drives it with `call_soon`)."""
        entry = self._rooms.get(room)
        return None if entry is None else entry.session

    def driver(self, room: str) -> SessionDriver | None:
        """The room's driver (a test on a manual clock ticks it with `tick_now`)."""
        entry = self._rooms.get(room)
        return None if entry is None else entry.driver

    def reporter(self, room: str) -> RoomReporter | None:
        entry = self._rooms.get(room)
        return None if entry is None else entry.reporter

    def close(self) -> None:
        """Stop every room: reporters first (nothing is handed on after this), then drivers, links, show writers
        (their last rows written; the shows stay open, as a console closed mid-show leaves them) and chats. Every
        thread this studio started has ended when it returns."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._changed.clear()
            self._problem.clear()
            handovers = list(self._handovers)
        for thread in handovers:  # a room being handed back is started, or not, before the rooms are stopped
            thread.join(15.0)
        with self._lock:
            entries = list(self._rooms.values())
        for entry in entries:
            if entry.reporter is not None:
                entry.reporter.close()
        for entry in entries:  # each stop waits for its room only: a stuck room does not hold the others' stop
            self._stop(entry)
        self._prep.close()

    def __enter__(self) -> DirectStudio:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ from the rooms' driver threads
    def _publish(self, entry: _Room, status: RoomStatus) -> None:
        entry.status = status
        with self._lock:
            listeners = list(self._changed)
        for changed in listeners:
            try:
                changed([status])
            except Exception:
                LOG.exception("a studio subscriber failed on room %s", entry.room.name)

    def _picture(self, entry: _Room, jpeg: bytes, taken: float) -> None:
        entry.picture = (taken, jpeg)
