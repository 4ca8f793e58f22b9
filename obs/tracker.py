"""ObsTracker: the consumer side of a link's outbox — current state, status, rates and meters, Qt-free."""

from __future__ import annotations

import time
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

#: Leaving studio mode, OBS 29 reloads its program scene: it announces the preview scene and then the program scene
#: as program scene (CurrentProgramSceneChanged twice, measured on OBS 29.0.2 and copied by obs/simulator), and only
#: then StudioModeStateChanged — the program never changed. Read one event at a time, the console showed the preview
#: on program for a moment, logged two scene switches credited to OBS and stored a 0-s scene segment. So in studio
#: mode a program-scene event waits for the next event, which says what it was: studio mode turned off (one change at
#: most, part of turning it off) or anything else (a real transition: released as it came, the swapped preview follows
#: at once). Nothing following within this time (a transition that does not swap): released by `release_due`.
#: obs-websocket broadcasts each event from a thread pool, so the exit may also come first (other OBS versions and
#: plugins raise them in that order): an exit that has not yet seen the reload's two program-scene events waits for
#: them as long, and either order is the same one change.
STUDIO_HOLD_S = 0.3


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
        #: Program-scene events received in studio mode, waiting for the next event to say what they are.
        self._held: list[ObsEvent] = []
        #: A studio-mode exit that came before the program-scene events OBS raised with it, waiting for them.
        self._exit: ObsEvent | None = None
        #: Of `accept`'s (or `release_due`'s) last result: the program change that is part of the studio-mode exit
        #: after it (credit it as that is credited: whoever turned studio mode off).
        self.folded: ObsEvent | None = None

    def handle(self, item: OutboxItem) -> None:
        """Apply one item (for consumers that read only the state)."""
        self.accept(item)

    def accept(self, item: OutboxItem) -> list[OutboxItem]:
        """Apply one item; returns the items that took effect now, in order: none while a program-scene event or a
        studio-mode exit waits (STUDIO_HOLD_S), the waiting ones with the item that settles them, a studio-mode exit
        as one change whichever order OBS's events came in."""
        self.folded = None
        if isinstance(item, StatsPolled) or (isinstance(item, ObsEvent) and item.event_type == "InputVolumeMeters"):
            self._apply(item)  # says nothing of scenes: never settles a waiting one
            return [item]
        if isinstance(item, ObsEvent) and item.event_type == "CurrentProgramSceneChanged" and self.state.studio_mode:
            # (While an exit waits, its state is not applied yet: still studio mode.)
            self._held.append(item)
            return [*self._settle_exit()] if self._exit is not None and self._reloaded() else []
        if (
            isinstance(item, ObsEvent)
            and item.event_type == "StudioModeStateChanged"
            and not item.data.get("studioModeEnabled")
            and self.state.studio_mode
            and self._exit is None
        ):
            self._exit = item
            # OBS 29's order: the reload's program-scene events came first and this settles them. Otherwise they
            # are still to come (the exit came first): wait for them.
            return [*self._settle_exit()] if self._reloaded() else []
        out: list[OutboxItem] = []
        if self._exit is not None:
            out = [*self._settle_exit()]  # anything else after an exit: what came of the reload has come
        else:
            held, self._held = self._held, []
            for event in held:
                self._apply(event)
                out.append(event)
        self._apply(item)
        out.append(item)
        return out

    def _reloaded(self) -> bool:
        """The program-scene events held around a studio-mode exit are all OBS's reload raises: two (the preview's
        and the program's), or the program and the preview named."""
        named = {event.data.get("sceneName") for event in self._held}
        return len(self._held) >= 2 or {self.state.program_scene, self.state.preview_scene} <= named

    def _settle_exit(self) -> list[ObsEvent]:
        """The waiting studio-mode exit with the program-scene events held around it, as one change at most."""
        exit_event, held = self._exit, self._held
        assert exit_event is not None
        self._exit, self._held = None, []
        # OBS names the program it keeps among them (in either order): then nothing changed; else the last one named
        # is OBS's program, part of the exit (credited as it is).
        out: list[ObsEvent] = []
        if held and not any(event.data.get("sceneName") == self.state.program_scene for event in held):
            self.folded = held[-1]
            self._apply(held[-1])
            out.append(held[-1])
        self._apply(exit_event)
        out.append(exit_event)
        return out

    def release_due(self, now: float | None = None) -> list[ObsEvent]:
        """What waited STUDIO_HOLD_S with nothing after it, applied now: program-scene events (real changes), or a
        studio-mode exit with what came of its reload (one change at most: `folded` says which, as for `accept`)."""
        now = time.monotonic() if now is None else now
        self.folded = None
        waiting = [*self._held, *([self._exit] if self._exit is not None else [])]
        if not waiting or now - max(event.received_at for event in waiting) < STUDIO_HOLD_S:
            return []
        if self._exit is not None:
            return self._settle_exit()
        held, self._held = self._held, []
        for event in held:
            self._apply(event)
        return held

    def _apply(self, item: OutboxItem) -> None:
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
