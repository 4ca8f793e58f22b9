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
            for entry in event.data.get("inputs", []) or []:
                if isinstance(entry, dict) and isinstance(entry.get("inputName"), str):
                    history = self._inputs.setdefault(entry["inputName"], deque())
                    history.append((event.received_at, entry.get("inputLevelsMul") or []))
                    while history and history[0][0] < event.received_at - self.keep_seconds:
                        history.popleft()

    def since(self, input_name: str, since: float) -> list[tuple[float, Levels]]:
        with self._lock:
            return [entry for entry in self._inputs.get(input_name, ()) if entry[0] >= since]
