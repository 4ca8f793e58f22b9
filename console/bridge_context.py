"""SenseContext over the console's bridge: what checklist checks look at, read safely from worker threads."""

from __future__ import annotations

from typing import Any

from console.bridge import ObsBridge
from obs.messages import LinkState
from obs.state import ObsState


class BridgeContext:
    """ObsState and LinkStatus are immutable snapshots, so reading the bridge's current ones is thread-safe."""

    def __init__(self, bridge: ObsBridge) -> None:
        self.bridge = bridge

    def link_state(self) -> LinkState:
        return self.bridge.tracker.status.state

    def state(self) -> ObsState:
        return self.bridge.state

    def request(self, request_type: str, data: dict[str, Any] | None = None, timeout: float = 5.0) -> dict[str, Any]:
        return self.bridge.request_blocking(request_type, data, timeout)

    def meter_history(self, input_name: str, since: float) -> list[tuple[float, list[list[float]]]]:
        return self.bridge.meter_history(input_name, since)
