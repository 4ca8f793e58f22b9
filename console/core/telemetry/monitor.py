"""The headless monitor behind `onair monitor`: a RoomSession (the console's own, on its own driver thread)
read once per interval — the same seconds, findings and markers the console graphs. Qt-free."""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from console.core.chat.room import RoomChat, purge_old_comments
from console.core.session import LIVE, Endpoint, RoomSession, SessionDriver, SessionListener
from console.core.telemetry.audience import AudienceSource
from console.core.telemetry.channels import Marker, Sample
from console.core.telemetry.live import compose
from obs.clock import MONOTONIC, Clock
from obs.health import Change, HealthEngine
from obs.messages import LinkState

if TYPE_CHECKING:  # the alerts (and httpx) are loaded only when `onair monitor` sends some
    from console.core.alerts.rules import AlertRouter


def _clean(value: Any) -> Any:
    """What JSON can carry and every reader accepts: non-finite numbers are null, strings valid Unicode (a
    lone surrogate from OBS becomes U+FFFD), containers cleaned all the way down."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        return value if value.isascii() else value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, dict):
        return {str(_clean(k)): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def json_line(line: dict[str, Any]) -> str:
    """One monitor line as strict JSON (never NaN or Infinity, which JSON does not have)."""
    return json.dumps(_clean(line), ensure_ascii=False, allow_nan=False)


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


LOG = logging.getLogger(__name__)
#: Old comments are deleted when the monitor starts and then this often on its clock, as the console does.
RETENTION_EVERY_S = 24 * 3600.0
#: On a manual clock, how long (real seconds) a pause waits for the moment's stats poll to be recorded: only a
#: bound against a hang; OBS not answering is seen sooner (the link's heartbeat says so) and is then a gap.
POLL_WAIT_S = 10.0
#: On exit, a pass still deleting is waited for this long (it deletes in batches; what is left waits for the next).
RETENTION_EXIT_WAIT_S = 10.0


class CommentRetention:
    """Deletes the comments older than `days` (0: keeps them) from the shows' database, on a thread of its own
    so a long history never holds up a monitor line: once when due, then every RETENTION_EVERY_S."""

    def __init__(self, days: int, storage_url: str | None, open_storage: Callable[[str | None], Any] | None = None):
        self.days = days
        self.storage_url = storage_url
        self._open = open_storage
        self._next: float | None = None
        self._thread: threading.Thread | None = None
        #: Comments deleted by each pass, and the last problem (a database that cannot be reached), for the tests
        #: and the log.
        self.passes: list[int] = []
        self.problem = ""

    def tick(self, now: float, wall: float) -> bool:
        """Start a pass if one is due at `now` (the monitor's clock); `wall` is the epoch second it stands for."""
        if self.days <= 0 or (self._next is not None and now < self._next):
            return False
        if self._thread is not None and self._thread.is_alive():
            return False
        self._next = now + RETENTION_EVERY_S
        self._thread = threading.Thread(target=self._purge, args=(wall,), name="monitor-retention", daemon=True)
        self._thread.start()
        return True

    def _purge(self, wall: float) -> None:
        from console.core.storage import Storage, StorageError

        try:
            storage = (self._open or Storage)(self.storage_url)
            try:
                storage.migrate()
                deleted = purge_old_comments(storage, self.days, wall)
            finally:
                storage.close()
        except StorageError as exc:
            # Said by `onair monitor` in the reader's language when it ends (the log keeps it in English).
            self.problem = str(exc)
            LOG.info("old comments could not be deleted: %s", exc)
            return
        self.passes.append(deleted)
        if deleted:
            LOG.info("deleted %d comments older than %d days", deleted, self.days)

    def join(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)


class Monitor(SessionListener):
    """A RoomSession (nothing stored) driven by its own thread; `sample(now)` reads its newest second."""

    def __init__(
        self,
        host: str,
        port: int,
        password: str,
        connect_timeout: float = 5.0,
        audience: AudienceSource | None = None,
        mics: tuple[str, ...] = (),
        chat: RoomChat | None = None,
        clock: Clock = MONOTONIC,
        retention: CommentRetention | None = None,
        **link_options: Any,
    ) -> None:
        self.host = host
        self.clock = clock
        #: Deletes comments older than the retention period at start and once a day (None: not this monitor's job).
        self.retention = retention
        #: The room's comment sources (started and stopped with the monitor), or None.
        self.chat = chat
        self._lock = threading.Lock()
        self._latest: Sample | None = None
        self._markers: list[Marker] = []
        #: Without a room's own source, the demo audience: it reports only if OBS is the simulator.
        self.room = RoomSession(
            None,
            Endpoint(host, port, password),
            listener=self,
            store=False,
            audience=audience,
            mics=mics,
            connect_timeout=connect_timeout,
            clock=clock,
            **link_options,
        )
        self.room.attach_chat(chat)
        self.session = SessionDriver(self.room)
        self.ever_connected = False
        #: wall clock = monotonic clock + wall_offset: a line's time is the moment it was sampled for.
        self.wall_offset = time.time() - clock.now()
        #: Turns a finding's template into the user's language (identity: English).
        self.explain: Any = None

    def __enter__(self) -> Monitor:
        if self.chat is not None:
            self.chat.start()
        self.session.start()
        self.keep_retention()
        return self

    def keep_retention(self, now: float | None = None) -> None:
        """Delete old comments if a pass is due (at start, then daily); each line looks."""
        if self.retention is not None:
            now = self.clock.now() if now is None else now
            self.retention.tick(now, now + self.wall_offset)

    def __exit__(self, *exc: object) -> None:
        self.session.stop()
        if self.chat is not None:
            self.chat.stop()
        if self.retention is not None:
            self.retention.join(RETENTION_EXIT_WAIT_S)  # a short run still finishes the pass it started

    def pause(self, seconds: float) -> None:
        """Let `seconds` of the monitor's clock pass before its next line. The real clock waits them out (the
        session's driver ticks by itself). A manual clock is moved by the monitor itself (compressed time): once
        the link has no poll in flight, the clock moves; when a poll is due the link sends it for the new moment,
        and once that second is recorded, or OBS is not answering (the link, on real time, says so), the session
        ticks once, as the real driver would. The waits are on real time, bounded only against a hang."""
        if self.clock.real:
            self.clock.sleep(seconds)
            return
        link, ring = self.room.link, self.room.telemetry.ring

        def answering() -> bool:
            return self.room.status.state is LinkState.CONNECTED

        def newest() -> float:
            with self.room.lock:
                return ring.last_time() if len(ring) else -math.inf

        bound = time.monotonic() + POLL_WAIT_S
        while link.poll_in_flight and answering() and time.monotonic() < bound:
            time.sleep(0.002)
        self.clock.sleep(seconds)
        now, interval = self.clock.now(), link.poll_interval
        if interval is not None and newest() + interval <= now:  # this moment's poll is due
            bound = time.monotonic() + POLL_WAIT_S
            while newest() < now and answering() and time.monotonic() < bound:
                time.sleep(0.002)
        self.session.tick_now().wait(POLL_WAIT_S)

    @property
    def audience(self) -> AudienceSource:
        return self.room.audience

    @property
    def health(self) -> HealthEngine:
        return self.room.health

    @property
    def gave_up(self) -> bool:
        return self.room.gave_up

    # ---- alerts to the team's chat (#21): set by `onair monitor` from alerts.json (None: none sent)
    alerts: AlertRouter | None = None
    #: The room the alerts name: the saved room's name, else the OBS address.
    alerts_room = ""

    def findings_changed(self, changes: list[Change]) -> None:  # the session's driver thread
        router = self.alerts
        if router is None:
            return
        on_air = self.room.state.stream.active
        for change in changes:
            router.on_change(self.alerts_room, change, on_air)

    # ---- end of alerts

    def sampled(self, sample: Sample, markers: list[Marker]) -> None:  # the session's driver thread
        with self._lock:
            self._latest = sample
            # A finding's marker is for the graphs: a line lists the findings themselves.
            self._markers.extend(m for m in markers if not m.kind.startswith("finding_"))

    def sample(self, now: float | None = None) -> tuple[Sample, dict[str, Any]]:
        """The reading for this moment: the session's newest second and the monitor's JSON object. Never
        waits on OBS: the session records an unpolled second as a gap by itself."""
        now = self.clock.now() if now is None else now
        self.keep_retention(now)
        status = self.room.status
        live = status.state in LIVE
        if live and not self.ever_connected:
            self.ever_connected = True
        with self._lock:
            sample = self._latest
            markers, self._markers = self._markers, []
        state = self.room.state
        if sample is None:  # nothing recorded yet: a gap with what this machine knows
            sample = compose(now, state, False, None, self.room.sampler.latest, None)
        with self.room.lock:
            findings = [finding.to_json(self.explain) for finding in self.room.health.active()]
        audience_state = self.audience.state(now)

        def flag(channel: str) -> bool | None:
            value = sample.get(channel)
            return None if value is None else value >= 0.5

        # OBS's share beside the machine's total: psutil's reading of OBS's process covers the very interval of the
        # total (one sampler, one second); OBS's own figure covers the time since its previous GetStats, and only
        # when OBS does not run here is it the one there is.
        obs_cpu = sample.get("obs_process_cpu_pct")
        line: dict[str, Any] = {
            "t": datetime.fromtimestamp(now + self.wall_offset).astimezone().isoformat(timespec="seconds"),
            "connected": live,
            "link": status.state.value,
            "scene": state.program_scene if live else None,
            "streaming": flag("streaming"),
            "recording": flag("recording"),
            "reconnecting": flag("reconnecting"),
            "bitrate_kbps": _round(sample.get("bitrate_kbps"), 0),
            "fps": _round(sample.get("fps")),
            "fps_target": _round(sample.get("fps_target")),
            "render_ms": _round(sample.get("render_ms")),
            "cpu_system_pct": _round(sample.get("cpu_system_pct"), 1),
            "cpu_obs_pct": _round(obs_cpu if obs_cpu is not None else sample.get("obs_cpu_pct"), 1),
            "memory_system_pct": _round(sample.get("memory_system_pct"), 1),
            "congestion": _round(sample.get("congestion")),
            "dropped": {
                "render": _round(sample.get("drop_render_pct")),
                "encode": _round(sample.get("drop_encode_pct")),
                "network": _round(sample.get("drop_network_pct")),
            },
            "disk_free_mb": _round(sample.get("disk_free_mb"), 0),
            "net_up_kbps": _round(sample.get("net_up_kbps"), 0),
            "viewers": _round(sample.get("viewers"), 0),
            "likes": _round(sample.get("likes"), 0),
            "interactions": _round(sample.get("interactions"), 0),
            "audience_source": {
                "name": self.audience.name,
                "status": audience_state.status.value,
                "detail": audience_state.detail.text() or None,
            },
            "comments_per_min": _round(sample.get("comments_per_min"), 0),
            "chatters_per_min": _round(sample.get("chatters_per_min"), 0),
            "chat_sources": [
                {"id": source_id, "status": state.status.value, "detail": state.detail.text() or None}
                for source_id, state in (self.chat.status() if self.chat is not None else ())
            ],
            "markers": [{"kind": m.kind, "detail": m.text} for m in markers],
            "findings": findings,
        }
        return sample, line
