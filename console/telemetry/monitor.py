"""The headless monitor behind `onair monitor`: one OBS session, this machine, the audience, composed
into one reading per interval — the same seconds the console graphs. Qt-free."""

from __future__ import annotations

import threading
import time
from datetime import datetime
from typing import Any

from console.telemetry.audience import AudienceSource, DemoAudience
from console.telemetry.channels import Marker, Sample
from console.telemetry.live import MarkerDeriver, compose
from console.telemetry.machine import MachineSampler, stream_host
from obs.errors import ObsError
from obs.health import HealthEngine
from obs.health_audio import audio_second
from obs.messages import LinkState, ObsEvent, OutboxItem
from obs.session import ObsSession

LIVE = (LinkState.CONNECTED, LinkState.UNRESPONSIVE)
GAVE_UP = (LinkState.AUTH_FAILED, LinkState.INCOMPATIBLE)


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


class Monitor:
    def __init__(
        self,
        host: str,
        port: int,
        password: str,
        connect_timeout: float = 5.0,
        audience: AudienceSource | None = None,
        mics: tuple[str, ...] = (),
    ) -> None:
        self.host = host
        #: The room's microphone inputs (empty: audio-capture inputs named mic/麦).
        self.mics = mics
        #: Without a room's own source, the demo audience: it reports only if OBS is the simulator.
        self.audience: AudienceSource = audience or DemoAudience()
        self._deriver = MarkerDeriver()
        self._markers: list[Marker] = []
        self._markers_lock = threading.Lock()
        self.session = ObsSession(host, port, password, on_item=self._on_item, connect_timeout=connect_timeout)
        self.sampler = MachineSampler()
        self.ever_connected = False
        self._watching_stream_of: float | None = None
        self.health = HealthEngine()
        #: Turns a finding's template into the user's language (identity: English).
        self.explain: Any = None

    def __enter__(self) -> Monitor:
        self.sampler.start()
        self.sampler.watch(None, self.host)
        self.session.start()
        self.audience.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.audience.stop()
        self.session.close()
        self.sampler.stop()

    def _on_item(self, item: OutboxItem) -> None:  # the session's pump thread
        if isinstance(item, ObsEvent) and isinstance(self.audience, DemoAudience):
            self.audience.feed(item.event_type, item.data, item.received_at)
        markers = self._deriver.markers(item)
        if markers:
            with self._markers_lock:
                self._markers.extend(markers)

    @property
    def gave_up(self) -> bool:
        return self.session.status.state in GAVE_UP

    def _watch_stream_interface(self) -> None:
        """Once per connection: which host the stream goes to, so its interface's upload is measured."""
        connected_since = self.session.status.since
        if self._watching_stream_of == connected_since:
            return
        self._watching_stream_of = connected_since
        try:
            settings = self.session.request("GetStreamServiceSettings", timeout=3.0)
        except (ObsError, TimeoutError):
            return
        self.sampler.watch(stream_host(settings), self.host)
        self.health.set_encoder(self._encoder())

    def _encoder(self) -> str | None:
        """The stream encoder's id from the profile (which remedies fit encoding lag depends on it)."""

        def parameter(category: str, name: str) -> str | None:
            try:
                answer = self.session.request(
                    "GetProfileParameter", {"parameterCategory": category, "parameterName": name}, timeout=3.0
                )
            except (ObsError, TimeoutError):
                return None
            value = answer.get("parameterValue") or answer.get("defaultParameterValue")
            return value if isinstance(value, str) else None

        if parameter("Output", "Mode") == "Advanced":
            return parameter("AdvOut", "Encoder")
        return parameter("SimpleOutput", "StreamEncoder")

    def sample(self, now: float | None = None) -> tuple[Sample, dict[str, Any]]:
        """The reading for this moment: the telemetry sample and the monitor's JSON object."""
        now = time.monotonic() if now is None else now
        status = self.session.status
        live = status.state in LIVE
        if live and not self.ever_connected:
            self.ever_connected = True
        with self._markers_lock:
            markers, self._markers = self._markers, []
        if any(m.kind == "stream_start" for m in markers):
            self._watching_stream_of = None  # the server may have been changed for this stream
        if live:
            self._watch_stream_interface()
        state = self.session.state
        audience_state = self.audience.state(now)
        sample = compose(now, state, live, self.session.rates, self.sampler.latest, self.audience.current(now))
        connected = status.state is LinkState.CONNECTED
        levels = self.session.take_audio_levels()
        self.health.audio = audio_second(state, levels, self.mics) if connected else None
        self.health.feed(sample.t, sample.as_dict(), connected)

        def flag(channel: str) -> bool | None:
            value = sample.get(channel)
            return None if value is None else value >= 0.5

        obs_cpu = sample.get("obs_cpu_pct")
        line: dict[str, Any] = {
            "t": datetime.now().astimezone().isoformat(timespec="seconds"),
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
            "cpu_obs_pct": _round(obs_cpu if obs_cpu is not None else sample.get("obs_process_cpu_pct"), 1),
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
            "markers": [{"kind": m.kind, "detail": m.text} for m in markers],
            "findings": [finding.to_json(self.explain) for finding in self.health.active()],
        }
        return sample, line
