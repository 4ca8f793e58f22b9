"""SenseContext over a headless view of one OBS: what checklist runs outside the window look at (`onair check`
on a RoomSession, tests on an ObsSession). Reads immutable snapshots, so it is safe from worker threads. No Qt."""

from __future__ import annotations

from typing import Any, Protocol

from obs.messages import LinkState, LinkStatus
from obs.state import ObsState


class HeadlessObs(Protocol):
    """What a check needs of an OBS connection (console.core.session.RoomSession, obs.session.ObsSession)."""

    @property
    def status(self) -> LinkStatus: ...

    @property
    def state(self) -> ObsState: ...

    def request_blocking(
        self, request_type: str, data: dict[str, Any] | None = None, timeout: float = 5.0
    ) -> dict[str, Any]: ...

    def meter_history(self, input_name: str, since: float) -> list[tuple[float, list[list[float]]]]: ...


class SessionContext:
    def __init__(self, session: HeadlessObs) -> None:
        self.session = session

    def link_state(self) -> LinkState:
        return self.session.status.state

    def state(self) -> ObsState:
        return self.session.state

    def request(self, request_type: str, data: dict[str, Any] | None = None, timeout: float = 5.0) -> dict[str, Any]:
        return self.session.request_blocking(request_type, data, timeout)

    def meter_history(self, input_name: str, since: float) -> list[tuple[float, list[list[float]]]]:
        return self.session.meter_history(input_name, since)
