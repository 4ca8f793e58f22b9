"""The headless monitor behind `onair monitor`: one OBS session, this machine, the audience, composed
into one reading per interval — the same seconds the console graphs. Qt-free."""

from __future__ import annotations

import json
import math
import threading
import time
from concurrent.futures import Future
from datetime import datetime
from typing import Any

from console.core.telemetry.audience import AudienceSource, DemoAudience
from console.core.telemetry.channels import Marker, Sample
from console.core.telemetry.live import MarkerDeriver, compose
from console.core.telemetry.machine import MachineSampler, stream_host
from obs.health import HealthEngine
from obs.health_audio import audio_second
from obs.messages import LinkState, ObsEvent, OutboxItem
from obs.session import ObsSession

LIVE = (LinkState.CONNECTED, LinkState.UNRESPONSIVE)
GAVE_UP = (LinkState.AUTH_FAILED, LinkState.INCOMPATIBLE)
#: What the monitor asks the profile once per connection: name -> (category, parameter).
PROFILE_PARAMETERS = {
    "mode": ("Output", "Mode"),
    "simple_encoder": ("SimpleOutput", "StreamEncoder"),
    "advanced_encoder": ("AdvOut", "Encoder"),
    "video_kbps": ("SimpleOutput", "VBitrate"),
    "audio_kbps": ("SimpleOutput", "ABitrate"),
}


def target_bitrate(mode: Any, video: Any, audio: Any) -> float | None:
    """The stream's configured bitrate (video + audio kbit/s). Only OBS's simple output mode keeps it in the
    profile (a fresh profile has no Mode: OBS uses Simple); in advanced mode it is in the encoder's own
    settings, which obs-websocket cannot read: unknown."""
    if mode not in ("Simple", None):
        return None
    try:
        return float(video) + float(audio)
    except (TypeError, ValueError):
        return None


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
        self._was_live = False
        self._asked: dict[str, Future[Any]] = {}
        self.health = HealthEngine()
        #: wall clock = monotonic clock + wall_offset: a line's time is the moment it was sampled for.
        self.wall_offset = time.time() - time.monotonic()
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

    def _ask_about_the_stream(self) -> None:
        """Once per connection (and per stream start): where the stream goes (its interface's upload is
        measured), which encoder streams (the remedies for encoding lag depend on it) and the bitrate it was
        set to. Queued on the link without waiting: the answers are taken on a later sample, so a frozen OBS
        never holds up a line."""
        link = self.session.link
        asked: dict[str, Future[Any]] = {"route": link.request("GetStreamServiceSettings", timeout=3.0)}
        for name, (category, parameter) in PROFILE_PARAMETERS.items():
            asked[name] = link.request(
                "GetProfileParameter", {"parameterCategory": category, "parameterName": parameter}, timeout=3.0
            )
        self._asked = asked

    def _take_answers(self) -> None:
        """Apply the answers once all of them are in (an unanswered question leaves what was known)."""
        if not self._asked or not all(future.done() for future in self._asked.values()):
            return
        answers: dict[str, dict[str, Any] | None] = {}
        for name, future in self._asked.items():
            error = future.exception()
            answers[name] = None if error is not None else future.result()
        self._asked = {}
        if answers["route"] is not None:
            self.sampler.watch(stream_host(answers["route"]), self.host)

        def value(name: str) -> Any:
            answer = answers[name]
            return None if answer is None else answer.get("parameterValue") or answer.get("defaultParameterValue")

        mode = value("mode")
        if answers["mode"] is None:
            return  # the profile could not be read: keep what was known
        encoder = value("advanced_encoder") if mode == "Advanced" else value("simple_encoder")
        self.health.set_encoder(encoder if isinstance(encoder, str) else None)
        self.health.references["target_bitrate_kbps"] = target_bitrate(mode, value("video_kbps"), value("audio_kbps"))

    def sample(self, now: float | None = None) -> tuple[Sample, dict[str, Any]]:
        """The reading for this moment: the telemetry sample and the monitor's JSON object."""
        now = time.monotonic() if now is None else now
        status = self.session.status
        live = status.state in LIVE
        if live and not self.ever_connected:
            self.ever_connected = True
        with self._markers_lock:
            markers, self._markers = self._markers, []
        # A new connection (not the same one coming back from unresponsive), or a stream start (the server
        # may have been changed for it): ask again.
        if live and (not self._was_live or any(m.kind == "stream_start" for m in markers)):
            self._ask_about_the_stream()
        self._was_live = live
        self._take_answers()
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
