"""ObsTracker: the consumer side of a link's outbox — current state, status, rates and meters, Qt-free."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from obs.health_audio import LevelAggregator
from obs.messages import (
    LinkLoss,
    LinkState,
    LinkStatus,
    ObsClosing,
    ObsEvent,
    OutboxItem,
    Snapshot,
    StatsPolled,
    StatusChanged,
)
from obs.protocol import OutputState
from obs.state import ObsState, apply
from obs.stats import Rates, StatsTracker

_LIVE_STATES = (LinkState.CONNECTED, LinkState.UNRESPONSIVE)


class ObsTracker:
    """Apply outbox items in order, on one thread (the GUI thread, a CLI loop, a test)."""

    def __init__(self) -> None:
        self.state = ObsState()
        self.status = LinkStatus(LinkState.DISCONNECTED, 0.0)
        self.stats = StatsTracker()
        self.rates: Rates | None = None
        #: input name -> per-channel [magnitude, peak, input peak] (multipliers), from InputVolumeMeters.
        self.meters: dict[str, list[list[float]]] = {}
        self.meter_updates = 0
        #: The meters of the current second, reduced for the health engine's audio rules (taken once a second).
        self.audio_levels = LevelAggregator()
        self.obs_closed = False
        #: Since the last snapshot the link found nothing listening where OBS was, OBS said it was quitting, or the
        #: console let go of it.
        self._obs_went_away = False
        self.snapshots = 0
        self.events: list[ObsEvent] = []
        self.keep_events = False

    def handle(self, item: OutboxItem) -> None:
        if isinstance(item, ObsEvent):
            self._event(item)
        elif isinstance(item, StatsPolled):
            self.rates = self.stats.update(item.sample)
        elif isinstance(item, StatusChanged):
            self.status = item.status
            # OBS's process went away (nothing listens, or it said it was quitting), or the console let go of it
            # (disconnected, pointed at another OBS): the next snapshot's counters are not these.
            gone = item.status.loss in (LinkLoss.CLOSED, LinkLoss.EXITED)
            self._obs_went_away |= gone or item.status.state is LinkState.DISCONNECTED
            if item.status.state not in _LIVE_STATES and self.state.connected:
                # Keep the last known scenes and inputs on screen, marked as not live.
                self.state = replace(self.state, connected=False)
                self.meters = {}
                self.audio_levels.reset()
            elif item.status.state is LinkState.UNRESPONSIVE and self.state.controllable:
                # Still connected (the same connection comes back without a new read), but nothing OBS said can be
                # acted on now: every control greys out and the last levels are no longer true.
                self.state = replace(self.state, answering=False)
                self.meters = {}
            elif item.status.state is LinkState.CONNECTED and not self.state.answering:
                self.state = replace(self.state, answering=True)
        elif isinstance(item, Snapshot):
            self._snapshot(item)
        elif isinstance(item, ObsClosing):
            self.obs_closed = True

    def _snapshot(self, item: Snapshot) -> None:
        self.state = item.state
        if self.obs_closed or self._obs_went_away:
            # Another OBS process (closed, crashed, quit): its counters start afresh, nothing compares.
            self.stats.reset_all()
        # Otherwise the same OBS came back (frozen, the network lost): its counters ran on, and what they
        # counted while it was out of sight — 308 frames a 20-s freeze missed — is measured at its next poll,
        # not taken as the new baseline. A counter that went backwards is still a restart (obs/stats.py).
        self._obs_went_away = False
        self.obs_closed = False
        self.snapshots += 1

    def handle_all(self, items: list[OutboxItem]) -> None:
        for item in items:
            self.handle(item)

    def _event(self, event: ObsEvent) -> None:
        if event.event_type == "InputVolumeMeters":
            self._meters(event.data)
            return
        if self.keep_events:
            self.events.append(event)
        self.state = apply(self.state, event.event_type, event.data)
        if event.event_type == "StreamStateChanged" and event.data.get("outputState") in (
            OutputState.STARTED,
            OutputState.RECONNECTED,
        ):
            self.stats.reset_stream()

    def _meters(self, data: dict[str, Any]) -> None:
        self.meter_updates += 1
        inputs = data.get("inputs", []) or []
        self.audio_levels.add(inputs)
        for entry in inputs:
            if isinstance(entry, dict) and isinstance(entry.get("inputName"), str):
                levels = entry.get("inputLevelsMul")
                self.meters[entry["inputName"]] = levels if isinstance(levels, list) else []
