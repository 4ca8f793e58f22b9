"""MeterHistory: the last few seconds of InputVolumeMeters per input, readable from any thread. No Qt."""

from __future__ import annotations

import threading
from collections import deque
from typing import Any

from obs.messages import ObsEvent

METER_HISTORY_S = 30.0

Levels = list[list[float]]


class MeterHistory:
    def __init__(self, keep_seconds: float = METER_HISTORY_S) -> None:
        self.keep_seconds = keep_seconds
        self._lock = threading.Lock()
        self._inputs: dict[str, deque[tuple[float, Levels]]] = {}

    def record(self, event: ObsEvent) -> None:
        """Add one InputVolumeMeters event; older readings than keep_seconds are dropped."""
        with self._lock:
            entries = event.data.get("inputs")
            # The client validated the event (obs.wire); the checks here keep the history safe on its own.
            for entry in entries if isinstance(entries, list) else []:
                if isinstance(entry, dict) and isinstance(entry.get("inputName"), str):
                    levels = entry.get("inputLevelsMul")
                    history = self._inputs.setdefault(entry["inputName"], deque())
                    history.append((event.received_at, levels if isinstance(levels, list) else []))
                    while history and history[0][0] < event.received_at - self.keep_seconds:
                        history.popleft()

    def since(self, input_name: str, since: float) -> list[tuple[float, Levels]]:
        with self._lock:
            return [entry for entry in self._inputs.get(input_name, ()) if entry[0] >= since]


class MeterFrame:
    """The meters to show next: the newest levels per input since the last `take`, each channel's peak (and input
    peak) the highest any of those readings had. A drain that carries several readings (the GUI thread was busy
    painting a graph, say) shows the newest level and still every peak, as a meter with a peak hold must. One
    thread (the driver's)."""

    def __init__(self) -> None:
        self._levels: dict[str, Levels] = {}

    def add(self, inputs: Any) -> None:
        """One InputVolumeMeters reading's `inputs` (checked at the wire; anything else is passed over)."""
        pending = self._levels
        for entry in inputs if isinstance(inputs, list) else ():
            if not isinstance(entry, dict) or not isinstance(entry.get("inputName"), str):
                continue
            levels = entry.get("inputLevelsMul")
            levels = levels if isinstance(levels, list) else []
            older = pending.get(entry["inputName"])
            if older is not None and len(older) == len(levels):
                levels = [_with_peaks(new, old) for new, old in zip(levels, older, strict=True)]
            pending[entry["inputName"]] = levels

    def take(self) -> dict[str, Levels]:
        """The frame, and a new one begun."""
        frame, self._levels = self._levels, {}
        return frame

    def __bool__(self) -> bool:
        return bool(self._levels)


def _with_peaks(new: list[float], old: list[float]) -> list[float]:
    """`new` with its peaks (from index 1: peak, input peak) raised to `old`'s where those were higher; a new list
    only then (the reading itself is shared with the tracker)."""
    merged = new
    for index in range(1, min(len(new), len(old))):
        if old[index] > new[index]:
            if merged is new:
                merged = list(new)
            merged[index] = old[index]
    return merged
