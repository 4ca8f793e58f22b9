"""SenseContext over an ObsSession: what headless checklist runs (onair check) look at. No Qt."""

from __future__ import annotations

from typing import Any

from obs.messages import LinkState
from obs.session import ObsSession
from obs.state import ObsState


class SessionContext:
    def __init__(self, session: ObsSession) -> None:
        self.session = session

    def link_state(self) -> LinkState:
        return self.session.status.state

    def state(self) -> ObsState:
        return self.session.state

    def request(self, request_type: str, data: dict[str, Any] | None = None, timeout: float = 5.0) -> dict[str, Any]:
        return self.session.request(request_type, data, timeout)

    def meter_history(self, input_name: str, since: float) -> list[tuple[float, list[list[float]]]]:
        return self.session.meter_history(input_name, since)
