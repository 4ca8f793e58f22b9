"""MeterHistory: the last few seconds of InputVolumeMeters per input, readable from any thread. No Qt."""

from __future__ import annotations

import threading
from collections import deque

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
