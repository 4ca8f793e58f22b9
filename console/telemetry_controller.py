"""TelemetryController: the console's live telemetry. Each OBS stats poll (the link's own 1 Hz clock, on its
thread) becomes exactly one sample at the poll's time, composed with the machine sampler and the audience
source; while no poll arrives (not connected, OBS frozen) a one-second tick records the gap instead. A GUI
thread busy for a moment therefore loses no second: the polls wait in the outbox and each becomes its sample.
Markers come from the bridge's events; the show goes to the database through a ShowWriter thread. The
graphs read `telemetry` on the GUI thread."""

from __future__ import annotations

import logging
import time
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from console.bridge import ObsBridge
from console.core.telemetry.audience import AudienceSource, DemoAudience
from console.core.telemetry.channels import INDEX, Marker
from console.core.telemetry.live import MarkerDeriver, Telemetry, compose
from console.core.telemetry.machine import MachineSampler, stream_host
from console.core.telemetry.writer import ShowWriter
from obs.errors import Explained
from obs.health import Change, Finding, HealthEngine
from obs.health_audio import audio_second
from obs.messages import LinkState, LinkStatus, ObsEvent, StatusChanged

LOG = logging.getLogger(__name__)
#: The tick only looks whether a second went unpolled: cheap, so often enough to keep gaps ≤ 2 s.
TICK_MS = 250
_LIVE = (LinkState.CONNECTED, LinkState.UNRESPONSIVE)
#: With no poll for this long the tick records a second itself, without OBS's figures (a gap while OBS is
#: away, frozen or answering later than this): a poll's figures are never repeated for a second that was not polled.
POLL_MISSING_S = 1.75
#: Two samples closer than this are one second (a tick and a late poll): the later one is not recorded.
MIN_SPACING_S = 0.5


class TelemetryController(QObject):
    sig_sampled = Signal()  # a new second is in `telemetry` (and possibly new markers)
    sig_history_loaded = Signal()  # a resumed show's past is now in front of the live data
    sig_problem = Signal(str)  # storage trouble in words; "" when it recovered
    sig_notice = Signal(str)  # news about storage that is not trouble (rows from the last exit written in)
    sig_audience_changed = Signal()  # another audience source
    sig_findings_changed = Signal(object)  # list[Change] from this second (empty: a new show)
    sig_series_shown = Signal(str, bool)  # "graph_id/channel" shown or hidden by a click on its legend entry
    _sig_history = Signal(object, bool, object, object, object)  # from the writer thread
    _sig_problem = Signal(object)
    _sig_notice = Signal(object)

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
        #: What the graphs' reference lines are drawn from besides channels; None = not known.
        self.references: dict[str, float | None] = {"target_bitrate_kbps": target_bitrate_kbps or None}
        self._target_from_obs = not target_bitrate_kbps
        #: Series hidden from their graph ("graph_id/channel"): the window fills it from the settings.
        self.hidden_series: set[str] = set()
        self.storage_url = storage_url
        self.store = store
        self.telemetry = Telemetry()
        self.audience: AudienceSource = DemoAudience()
        self.sampler = MachineSampler().start()
        self._deriver = MarkerDeriver()
        #: The live health engine: findings for the Health dock, graph markers and the show's record.
        self.health = HealthEngine(references=self.references)
        #: The room's microphone inputs for the audio rules (empty: audio-capture inputs named mic/麦).
        self.mics: tuple[str, ...] = ()
        self._encoder: str | None = None
        self._unsaved_findings: list[dict[str, Any]] = []
        self.room: str | None = None
        self.show_id: int | None = None
        self.problem = ""
        self._writer: ShowWriter | None = None
        self._retiring: list[ShowWriter] = []  # earlier rooms' writers, finishing in the background
        self._last_sample_t = -float("inf")
        self._polls_missing = True
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_timer_tick)
        self._timer.start()
        bridge.sig_rates_updated.connect(self._on_bridge_rates_updated)
        self._sig_history.connect(self._on_writer_history)
        self._sig_problem.connect(self._on_writer_problem)
        self._sig_notice.connect(self._on_writer_notice)
        bridge.sig_event_received.connect(self._on_bridge_event_received)
        bridge.sig_status_changed.connect(self._on_bridge_status_changed)

    # ------------------------------------------------------------------ show / room
    def set_room(self, room: str | None) -> None:
        """A different OBS: the current show ends and a new one (or the room's unfinished one) begins."""
        if room == self.room:
            return
        # The old show's last rows are written in the background: a slow or failing database must not
        # hold the GUI thread while the user switches rooms.
        self._stop_writer(end_show=self.room is not None, wait=False)
        self.room = room
        self.telemetry = Telemetry()
        self.health = HealthEngine(self._encoder, references=self.references)
        self._unsaved_findings = []
        self.show_id = None
        self.sig_sampled.emit()
        self.sig_findings_changed.emit([])
        if room is not None and self.store:
            self._writer = ShowWriter(
                room,
                self._sig_history.emit,
                self._sig_problem.emit,
                self._open_storage if self.storage_url else None,
                on_notice=self._sig_notice.emit,
            ).start()

    def show_series(self, key: str, shown: bool) -> None:
        """A series ("graph_id/channel") shown or hidden on its graph; every window's graph follows."""
        if (key not in self.hidden_series) == shown:
            return
        (self.hidden_series.discard if shown else self.hidden_series.add)(key)
        self.sig_series_shown.emit(key, shown)

    def set_mics(self, names: tuple[str, ...]) -> None:
        """Which inputs are the room's microphones (empty: detect them by kind and name)."""
        self.mics = tuple(names)

    def set_audience(self, source: AudienceSource) -> None:
        """Use this audience source from now on (the previous one stops; its polling thread ends on its own)."""
        if source is self.audience:
            return
        self.audience.stop()
        self.audience = source
        source.start()
        self.sig_audience_changed.emit()

    def _open_storage(self) -> Any:
        from console.core.storage import Storage

        return Storage(self.storage_url)

    def shutdown(self) -> None:
        """The console closes: write what is left; the show stays open so a restart continues it."""
        self._timer.stop()
        self._stop_writer(end_show=False)
        for writer in self._retiring:  # at exit, let earlier rooms' last rows reach the database too
            writer.join(10.0)
        self._retiring.clear()
        self.sampler.stop()
        self.audience.stop()

    def _stop_writer(self, end_show: bool, wait: bool = True) -> None:
        if self._writer is not None:
            self._writer.put(*self.telemetry.take_unsaved(), self._take_findings())
            self._writer.stop(end_show=end_show, timeout=10.0 if wait else 0.0)
            if not wait:
                self._retiring.append(self._writer)
            self._writer = None

    @Slot(object, bool, object, object, object)
    def _on_writer_history(self, show: Any, resumed: bool, rows: Any, markers: Any, findings: Any) -> None:
        if self._writer is None or show.room != self.room:
            return  # a late answer for a room already left
        self.show_id = show.id
        if resumed and (rows or markers):
            self.telemetry.load_history(rows, markers)
            self.sig_history_loaded.emit()
            self.sig_sampled.emit()
        if resumed and findings:
            earlier = [Finding.from_row(row, self.telemetry.wall_offset) for row in findings]
            was_open = [f for f in earlier if f.active]
            self.health.load_history(earlier)
            # Open when the console stopped: closed now (the engine opens them anew if the figures say so).
            self._unsaved_findings.extend(f.to_row() for f in was_open)
            self.sig_findings_changed.emit([])

    @Slot(object)
    def _on_writer_notice(self, notice: Explained) -> None:
        self.sig_notice.emit(notice.explain(QCoreApplication.translate("Telemetry", notice.template)))

    @Slot(object)
    def _on_writer_problem(self, problem: str | Explained | None) -> None:
        if isinstance(problem, Explained):
            problem = problem.explain(QCoreApplication.translate("Telemetry", problem.template))
        self.problem = problem or ""
        text = (
            QCoreApplication.translate("Telemetry", "Graph history is not being saved: %1").replace("%1", problem)
            if problem
            else ""
        )
        self.sig_problem.emit(text)

    # ------------------------------------------------------------------ the 1 s tick
    @Slot()
    def _on_timer_tick(self) -> None:
        if self._writer is not None:
            self._writer.watch()  # a database that stopped answering is said while it lasts
        self.bridge.drain()  # polls that waited behind a busy GUI thread become their seconds first
        now = time.monotonic()
        # The first unpolled second waits POLL_MISSING_S (a poll may be a little late); once OBS is away the
        # gap is recorded second by second, as the polls would have been.
        if now - self._last_sample_t >= (1.0 if self._polls_missing else POLL_MISSING_S):
            self._polls_missing = True
            self._sample(now, polled=False)

    @Slot(object)
    def _on_bridge_rates_updated(self, rates: Any) -> None:
        """One poll, one sample, at the time OBS was asked (several may arrive in one drain after a stall)."""
        if rates.t - self._last_sample_t >= MIN_SPACING_S:
            self._polls_missing = False
            self._sample(rates.t, polled=True)

    def _sample(self, now: float, polled: bool) -> None:
        self._last_sample_t = now
        tracker = self.bridge.tracker
        live = tracker.status.state in _LIVE
        audience = self.audience.current(now)
        rates = tracker.rates if polled else None
        sample = compose(now, tracker.state, live, rates, self.sampler.latest, audience)
        self.telemetry.record(sample)
        connected = tracker.status.state is LinkState.CONNECTED
        levels = tracker.audio_levels.take()
        self.health.audio = audio_second(tracker.state, levels, self.mics) if connected else None
        changes = self.health.feed(now, sample.as_dict(), connected)
        self._note_findings(changes)
        # An open finding's row follows it (the writer keeps the newest per episode): a console stopped or
        # crashed mid-episode reads back how long it had lasted, not just the second it opened.
        self._unsaved_findings.extend(f.to_row() for f in self.health.active())
        if self._writer is not None:
            self._writer.put(*self.telemetry.take_unsaved(), self._take_findings())
        else:
            self.telemetry.take_unsaved()  # nothing stores them: do not pile them up
            self._take_findings()
        self.sig_sampled.emit()
        if changes:
            self.sig_findings_changed.emit(changes)

    def _note_findings(self, changes: list[Change]) -> None:
        """Each change is kept with the show; a finding that opens or gets worse is a marker on every graph."""
        for change in changes:
            finding = change.finding
            self._unsaved_findings.append(finding.to_row())
            if change.kind in ("opened", "raised"):
                self.telemetry.mark(Marker(finding.last_seen, f"finding_{finding.severity}", finding.id))

    def _take_findings(self) -> list[dict[str, Any]]:
        rows, self._unsaved_findings = self._unsaved_findings, []
        return rows

    # ------------------------------------------------------------------ markers, audience, stream route
    @Slot(object, str)
    def _on_bridge_event_received(self, event: ObsEvent, who: str) -> None:
        if isinstance(self.audience, DemoAudience):
            self.audience.feed(event.event_type, event.data, event.received_at)
        for marker in self._deriver.markers(event):
            self.telemetry.mark(marker)
            if marker.kind == "stream_start":
                self._ask_stream_server()

    @Slot(object)
    def _on_bridge_status_changed(self, status: LinkStatus) -> None:
        for marker in self._deriver.markers(StatusChanged(status)):
            self.telemetry.mark(marker)
        if status.state is LinkState.CONNECTED:
            self._ask_stream_server()
            self._ask_target_bitrate()
            self._ask_encoder()

    def reference(self, name: str) -> float | None:
        """A reference line's base value: a controller reference, else the newest known value of that channel
        in this show. A target does not vanish because OBS paused: a frozen or absent OBS's seconds are gaps,
        and its lines keep their last known level meanwhile."""
        if name in self.references:
            return self.references[name]
        value = self.telemetry.value(name)
        if value is None and name in INDEX:
            _, values = self.telemetry.ring.last(len(self.telemetry.ring))
            known = np.flatnonzero(np.isfinite(values[:, INDEX[name]]))
            value = float(values[known[-1], INDEX[name]]) if len(known) else None
        return value

    def _ask_target_bitrate(self) -> None:
        """In OBS's simple output mode the profile holds the video and audio bitrates; in advanced mode the
        encoder's own settings do, which obs-websocket cannot read: then only the setting can say."""
        if not self._target_from_obs:
            return
        asked = {
            "mode": ("Output", "Mode"),
            "video": ("SimpleOutput", "VBitrate"),
            "audio": ("SimpleOutput", "ABitrate"),
        }

        def answered(answers: dict[str, Any]) -> None:
            try:
                total = float(answers["video"]) + float(answers["audio"])
            except (TypeError, ValueError):
                total = None
            simple = answers["mode"] in ("Simple", None)  # a fresh profile has no Mode: OBS uses Simple
            self.references["target_bitrate_kbps"] = total if simple else None

        self._ask_profile(asked, answered)

    def _ask_encoder(self) -> None:
        """Which encoder streams (the remedies for encoding lag differ for x264 and hardware encoders)."""
        asked = {
            "mode": ("Output", "Mode"),
            "simple": ("SimpleOutput", "StreamEncoder"),
            "advanced": ("AdvOut", "Encoder"),
        }

        def answered(answers: dict[str, Any]) -> None:
            encoder = answers["advanced"] if answers["mode"] == "Advanced" else answers["simple"]
            self._encoder = encoder if isinstance(encoder, str) else None
            self.health.set_encoder(self._encoder)

        self._ask_profile(asked, answered)

    def _ask_profile(self, asked: dict[str, tuple[str, str]], then: Any) -> None:
        """Ask OBS for profile parameters (name -> (category, parameter)); `then(values)` once all have
        answered (a parameter the profile does not set is its default, or None)."""
        answers: dict[str, Any] = {}

        def answered(name: str, result: dict[str, Any] | None) -> None:
            result = result or {}
            answers[name] = result.get("parameterValue") or result.get("defaultParameterValue")
            if len(answers) == len(asked):
                then(answers)

        for name, (category, parameter) in asked.items():
            self.bridge.request(
                "GetProfileParameter",
                {"parameterCategory": category, "parameterName": parameter},
                on_done=lambda result, error, name=name: answered(name, result),
            )

    def _ask_stream_server(self) -> None:
        obs_host = self.bridge.endpoint.host if self.bridge.endpoint else None

        def done(result: dict[str, Any] | None, error: BaseException | None) -> None:
            self.sampler.watch(stream_host(result), obs_host)

        self.bridge.request("GetStreamServiceSettings", on_done=done)
