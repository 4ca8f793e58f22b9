"""TelemetryController: the console's live telemetry as the graphs, the Health dock and the status bar see it.

The current room's `RoomSession` (owned and driven by the bridge) does the work on one clock: each OBS stats
poll becomes exactly one sample, unpolled seconds gaps, findings, markers, the show's rows to the database.
This is its thin Qt side: it says how sessions keep their shows (storage, target bitrate, one machine sampler
for the process), turns the session's news into the signals the widgets listen to, and keeps what only the
window cares about (series hidden from their graph). The graphs read `telemetry` on the GUI thread."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from console.bridge import ObsBridge
from console.core.dbtrouble import DatabaseTrouble
from console.core.session import Endpoint, RoomSession
from console.core.storage_use import wait_for_openings
from console.core.telemetry.audience import AudienceSource
from console.core.telemetry.live import Telemetry
from console.core.telemetry.machine import RoomMachineSampler
from console.database_words import said
from obs.clock import Clock
from obs.errors import Explained
from obs.health import HealthEngine

LOG = logging.getLogger(__name__)


def storage_trouble_words(problem: str | Explained | DatabaseTrouble | None) -> str:
    """Why the graphs' history is not being saved, in the reader's language now ("" when it is)."""
    if isinstance(problem, Explained):
        return problem.explain(QCoreApplication.translate("Telemetry", problem.template))
    return "" if not problem else said(problem)  # the database's failure by its cause, in words when known


def storage_problem_line(problem: str | Explained | DatabaseTrouble | None) -> str:
    """ "Graph history is not being saved: the disk holding … is full" in the reader's language now; "" when none.
    Called again after a language switch (the event log and the status bar say it anew)."""
    words = storage_trouble_words(problem)
    return (
        QCoreApplication.translate("Telemetry", "Graph history is not being saved: %1").replace("%1", words)
        if words
        else ""
    )


def storage_notice_words(notice: Explained) -> str:
    return notice.explain(QCoreApplication.translate("Telemetry", notice.template))


class TelemetryController(QObject):
    sig_sampled = Signal()  # a new second is in `telemetry` (and possibly new markers)
    sig_history_loaded = Signal()  # a resumed show's past is now in front of the live data
    # Storage trouble: a function saying it in the language of the moment (the event log says it again after a
    # language switch); None when it recovered.
    sig_problem = Signal(object)
    # News about storage that is not trouble (rows from the last exit written in): a function saying it.
    sig_notice = Signal(object)
    sig_audience_changed = Signal()  # another audience source
    sig_findings_changed = Signal(object)  # list[Change] from this second (empty: a new show)
    sig_series_shown = Signal(str, bool)  # "graph_id/channel" shown or hidden by a click on its legend entry

    def __init__(
        self,
        bridge: ObsBridge,
        target_bitrate_kbps: float = 0.0,
        storage_url: str | None = None,
        store: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.storage_url = storage_url
        self.store = store
        #: One machine sampler for the process: a room switch does not lose its first (meaningless) reading. Its
        #: figures are the room's only while the room's OBS runs on this computer: connected to an OBS elsewhere,
        #: the room's CPU and memory are unknown (gaps; OBS's own CPU figure from its stats stays), never this
        #: computer's judged as OBS's (console/core/telemetry/machine.py RoomMachineSampler).
        self.sampler = RoomMachineSampler().start()
        #: Series hidden from their graph ("graph_id/channel"): the window fills it from the settings.
        self.hidden_series: set[str] = set()
        self.problem = ""
        #: The storage trouble as it came (said again in the reader's language: storage_problem_line); None: none.
        self.trouble: str | Explained | DatabaseTrouble | None = None
        #: The last news about storage that is not trouble, as it came.
        self.last_notice: Explained | None = None
        self._idle: RoomSession | None = None
        bridge.session_options.update(
            store=store,
            open_storage=self._open_storage,
            target_bitrate_kbps=target_bitrate_kbps or None,
            sampler=self.sampler,
        )
        bridge.sig_session_changed.connect(self._on_bridge_session_changed)
        bridge.sig_room_changed.connect(self._on_bridge_room_changed)
        bridge.sig_sampled.connect(self.sig_sampled)
        bridge.sig_history_loaded.connect(self._on_bridge_history_loaded)
        bridge.sig_findings_changed.connect(self.sig_findings_changed)
        bridge.sig_storage_problem.connect(self._on_bridge_storage_problem)
        bridge.sig_storage_notice.connect(self._on_bridge_storage_notice)

    # ------------------------------------------------------------------ the current session's show
    @property
    def session(self) -> RoomSession:
        """The current room's session; while none is open, an empty one that never starts (made on first use)."""
        if self.bridge.session is not None:
            return self.bridge.session
        if self._idle is None:
            self._idle = RoomSession(None, Endpoint("127.0.0.1", 0), store=False, sampler=self.sampler)
        return self._idle

    @property
    def telemetry(self) -> Telemetry:
        return self.session.telemetry

    @property
    def health(self) -> HealthEngine:
        return self.session.health

    @property
    def references(self) -> dict[str, float | None]:
        return self.session.references

    @property
    def audience(self) -> AudienceSource:
        return self.session.audience

    @property
    def mics(self) -> tuple[str, ...]:
        return self.session.mics

    @property
    def room(self) -> str | None:
        return self.session.name

    @property
    def show_id(self) -> int | None:
        return self.session.show_id

    def current_show(self) -> int | None:
        """The show being recorded now (a checklist run belongs to the show it was started in; a pre-show run kept
        at go-live, to the show that went live with it)."""
        return self.session.show_id

    def set_mics(self, names: tuple[str, ...]) -> None:
        """Which inputs are the room's microphones (empty: detect them by kind and name); a session opened
        again (a reconnect) keeps them until the console says another room's."""
        self.bridge.session_options["mics"] = tuple(names)
        self.session.set_mics(names)

    def set_audience(self, source: AudienceSource) -> None:
        """Use this audience source from now on (the previous one stops; its polling thread ends on its own)."""
        if source is self.session.audience:
            return
        self.session.set_audience(source)
        self.sig_audience_changed.emit()

    def show_series(self, key: str, shown: bool) -> None:
        """A series ("graph_id/channel") shown or hidden on its graph; every window's graph follows."""
        if (key not in self.hidden_series) == shown:
            return
        (self.hidden_series.discard if shown else self.hidden_series.add)(key)
        self.sig_series_shown.emit(key, shown)

    def reference(self, name: str) -> float | None:
        """A reference line's base value (see RoomSession.reference)."""
        return self.session.reference(name)

    @property
    def clock(self) -> Clock:
        """The current room's clock: the graphs' "now" is the newest second on it (a test's manual clock too)."""
        return self.session.clock

    def _open_storage(self) -> Any:
        """On a show's writer thread: the console's database (the default one when storage_url is None), once the
        console's start-up lets it open (console/core/storage_use.py hold_openings): the seconds wait in memory
        meanwhile, stamped when OBS was polled."""
        wait_for_openings()
        from console.core.storage import Storage

        return Storage(self.storage_url)

    def shutdown(self) -> None:
        """The console closes: the session writes what is left; the show stays open so a restart continues it,
        unless its stream is over (ObsBridge.shutdown)."""
        self.bridge.shutdown()
        self.sampler.stop()
        if self._idle is not None:
            self._idle.audience.stop()

    # ------------------------------------------------------------------ the session's news
    @Slot()
    def _on_bridge_session_changed(self) -> None:
        self.sig_audience_changed.emit()
        self.sig_sampled.emit()
        self.sig_findings_changed.emit([])

    @Slot()
    def _on_bridge_room_changed(self) -> None:
        """Another room's show: the graphs and the Health dock start from it."""
        self.sig_sampled.emit()
        self.sig_findings_changed.emit([])

    @Slot()
    def _on_bridge_history_loaded(self) -> None:
        self.sig_history_loaded.emit()
        self.sig_sampled.emit()

    @Slot(object)
    def _on_bridge_storage_notice(self, notice: Explained) -> None:
        self.last_notice = notice
        self.sig_notice.emit(partial(storage_notice_words, notice))

    @Slot(object)
    def _on_bridge_storage_problem(self, problem: str | Explained | DatabaseTrouble | None) -> None:
        self._on_writer_problem(problem)

    def _on_writer_problem(self, problem: str | Explained | DatabaseTrouble | None) -> None:
        self.trouble = problem or None
        self.problem = storage_trouble_words(problem)
        self.sig_problem.emit(partial(storage_problem_line, problem) if self.problem else None)
