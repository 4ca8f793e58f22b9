"""What flows through the link: commands in (GUI -> link), items out (link -> GUI). All frozen."""

from __future__ import annotations

import enum
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from obs.errors import ConnectionFailure, FailureKind


class LinkState(enum.Enum):
    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    #: Connected, but OBS has not answered for a while (frozen or overloaded).
    UNRESPONSIVE = "unresponsive"
    #: Waiting for the next try; `LinkStatus.retry_at` says when.
    RECONNECTING = "reconnecting"
    #: Wrong or missing password: the link stops retrying until the credentials change.
    AUTH_FAILED = "auth_failed"
    #: obs-websocket too old, or not obs-websocket v5: the link stops retrying.
    INCOMPATIBLE = "incompatible"


class LinkLoss(enum.StrEnum):
    """Why OBS cannot be heard, as far as the link knows: what the health finding and the studio wall say. The
    stored strings are these values."""

    #: OBS said it was quitting (ExitStarted, close 1001): closed on purpose; it streams no more.
    EXITED = "exited"
    #: The connection is refused: nothing listens where OBS was (closed or crashed); it streams no more.
    CLOSED = "closed"
    #: OBS's socket is there (the connection stays open, or TCP is accepted) but OBS answers nothing: frozen or
    #: overloaded. Its stream may still run.
    FROZEN = "frozen"
    #: No answer at the network level (a connection attempt timed out, no route, the name unknown): the network
    #: between the console and the OBS computer. Its stream may still run.
    UNREACHABLE = "unreachable"
    #: Lost otherwise (the connection dropped, OBS sent what cannot be read): nothing more is known yet.
    LOST = "lost"


#: Losses after which OBS's stream may still run (it was frozen, its computer or the network between went away, or
#: nothing more is known): what OBS last said of its stream stands. After the others (closed, exited) it streams no
#: more.
MAY_STILL_STREAM = frozenset({LinkLoss.FROZEN, LinkLoss.UNREACHABLE, LinkLoss.LOST})


#: What each failure tells of where OBS went (a failure not named here: LinkLoss.LOST).
_LOSS_OF_FAILURE = {
    FailureKind.OBS_CLOSED: LinkLoss.EXITED,
    FailureKind.PORT_CLOSED: LinkLoss.CLOSED,
    # TCP was accepted (the OBS computer's kernel answered) but OBS never finished the handshake.
    FailureKind.TIMEOUT: LinkLoss.FROZEN,
    FailureKind.UNRESPONSIVE: LinkLoss.FROZEN,
    FailureKind.HOST_UNREACHABLE: LinkLoss.UNREACHABLE,
    FailureKind.NAME_NOT_RESOLVED: LinkLoss.UNREACHABLE,
}


@dataclass(frozen=True)
class LinkStatus:
    state: LinkState
    since: float
    failure: ConnectionFailure | None = None
    retry_at: float | None = None
    attempt: int = 0
    obs_version: str = ""
    obs_websocket_version: str = ""
    #: When OBS was last heard on a live connection that has since been lost (monotonic, as `since`): kept through
    #: the silence and every reconnection attempt until OBS answers again, so "how long has OBS been gone" is one
    #: figure whatever the link is doing now. None while connected, before the first connection, and after the user
    #: disconnected.
    lost_since: float | None = None

    def retry_in(self, now: float) -> float | None:
        return None if self.retry_at is None else max(0.0, self.retry_at - now)

    def lost_for(self, now: float) -> float | None:
        return None if self.lost_since is None else max(0.0, now - self.lost_since)

    @property
    def loss(self) -> LinkLoss | None:
        """Why OBS is not heard now (None while connected and answering). A retry in progress keeps the last
        failure's reason: a killed OBS is "closed" from its first refused retry on, until it answers again."""
        if self.state is LinkState.CONNECTED:
            return None
        if self.state is LinkState.UNRESPONSIVE:
            return LinkLoss.FROZEN
        if self.failure is None:
            return LinkLoss.LOST
        return _LOSS_OF_FAILURE.get(self.failure.kind, LinkLoss.LOST)


# ---------------------------------------------------------------------- outbox
@dataclass(frozen=True)
class StatusChanged:
    status: LinkStatus


@dataclass(frozen=True)
class Snapshot:
    """The whole state, freshly read from OBS after (re)connecting. Replaces whatever was known."""

    state: Any  # obs.state.ObsState (kept Any to avoid an import cycle)
    #: OBS's own time on air of its stream as the state was read (GetStreamStatus outputDuration), and when that
    #: was (the polls' clock): a stream stopped before the first poll after a (re)connection is said with its time
    #: on air too. None: not streaming, or not said.
    stream_ms: int | None = None
    read_at: float | None = None


@dataclass(frozen=True)
class ObsEvent:
    event_type: str
    data: dict[str, Any]
    received_at: float


@dataclass(frozen=True)
class ObsClosing:
    """OBS announced it is quitting (ExitStarted / close 1001): its removals were not the user's doing."""

    received_at: float


@dataclass(frozen=True)
class StatsPolled:
    sample: Any  # obs.stats.StatsSample


OutboxItem = StatusChanged | Snapshot | ObsEvent | ObsClosing | StatsPolled


# ---------------------------------------------------------------------- inbox
@dataclass(frozen=True)
class Request:
    request_type: str
    data: dict[str, Any] | None
    future: Future[Any] = field(compare=False)
    timeout: float | None = None


@dataclass(frozen=True)
class Batch:
    requests: tuple[tuple[str, dict[str, Any] | None], ...]
    future: Future[Any] = field(compare=False)
    halt_on_failure: bool = False
    timeout: float | None = None


@dataclass(frozen=True)
class Configure:
    """New connection target or password: drops the current connection and connects anew."""

    host: str
    port: int
    password: str


@dataclass(frozen=True)
class ReconnectNow:
    """Skip the backoff wait (the user clicked "Retry")."""


@dataclass(frozen=True)
class Resync:
    """What OBS said could not be applied: drop the connection and read the whole state again."""

    reason: str


@dataclass(frozen=True)
class SetPollInterval:
    seconds: float | None  # None stops polling


@dataclass(frozen=True)
class Stop:
    pass


@dataclass(frozen=True)
class ClientClosed:
    """Internal: the receive thread saw the connection end."""

    client: Any
    info: Any


Command = Request | Batch | Configure | ReconnectNow | Resync | SetPollInterval | Stop | ClientClosed
