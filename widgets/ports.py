"""What widgets need of the application, as Protocols: widgets take these in their constructors and never
import the application's Qt modules (console.bridge, console.telemetry_controller, ...), so a widget can be
built on a stand-in and the application can change how it is put together without touching a widget.

The composition root (console/mainwindow.py, console/docks.py) passes the real objects: ObsBridge,
TelemetryController, ChecklistController. `runtime_checkable` so a test can check those still fit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtCore import SignalInstance

from checklists.engine import ChecklistRun, ItemState
from checklists.model import Problem, Template
from console.core.telemetry.audience import AudienceSource
from console.core.telemetry.live import Telemetry
from obs.clock import Clock
from obs.commands import Command
from obs.go_live import GoLive
from obs.health import HealthEngine
from obs.messages import LinkStatus
from obs.on_air import OnAirClock
from obs.state import ObsState
from obs.tracker import ObsTracker

if TYPE_CHECKING:
    from console.core.storage import StoredRun

#: `on_done(result, error)`: a request's answer (or why it failed), on the GUI thread.
ResultCallback = Callable[[Any, BaseException | None], None]


@runtime_checkable
class ObsPort(Protocol):
    """OBS seen from the GUI thread (ObsBridge): its state as signals, and typed commands out."""

    @property
    def sig_state_changed(self) -> SignalInstance: ...  # ObsState

    @property
    def sig_status_changed(self) -> SignalInstance: ...  # LinkStatus

    @property
    def sig_meters_updated(self) -> SignalInstance: ...  # dict: input name -> per-channel levels

    @property
    def sig_rates_updated(self) -> SignalInstance: ...  # Rates

    @property
    def sig_obs_closing(self) -> SignalInstance: ...

    @property
    def sig_history_loaded(self) -> SignalInstance: ...  # a resumed show's past is in front of the live data

    @property
    def resumed_on_air(self) -> bool: ...  # the show taken up after a restart was on air when the console stopped

    @property
    def sig_go_live_changed(self) -> SignalInstance: ...  # GoLive: the last go-live on its way, or why it failed

    @property
    def sig_session_changed(self) -> SignalInstance: ...  # another session (room, OBS)

    @property
    def go_live(self) -> GoLive: ...  # the console's last go-live: on its way, or why it did not go on air

    @property
    def state(self) -> ObsState: ...

    @property
    def tracker(self) -> ObsTracker: ...  # its `status`: the link's

    @property
    def on_air(self) -> OnAirClock: ...  # the room's time on air (the session's: one clock for every view)

    def send(self, command: Command, on_done: ResultCallback | None = None) -> None:
        """Send a typed command (obs/commands.py); its confirming events are credited to the console."""


@runtime_checkable
class TelemetryPort(Protocol):
    """The room's telemetry, health findings and audience (TelemetryController)."""

    @property
    def sig_sampled(self) -> SignalInstance: ...  # a new second is in `telemetry`

    @property
    def sig_audience_changed(self) -> SignalInstance: ...

    @property
    def sig_findings_changed(self) -> SignalInstance: ...  # list[Change]

    @property
    def sig_series_shown(self) -> SignalInstance: ...  # "graph_id/channel", shown

    @property
    def bridge(self) -> ObsPort: ...  # the OBS the room is on (the Health dock's Unmute)

    @property
    def telemetry(self) -> Telemetry: ...

    @property
    def health(self) -> HealthEngine: ...

    @property
    def audience(self) -> AudienceSource: ...

    @property
    def hidden_series(self) -> set[str]: ...

    def show_series(self, key: str, shown: bool) -> None: ...

    def reference(self, name: str) -> float | None: ...

    @property
    def clock(self) -> Clock: ...  # the room's seconds (obs/clock.py): where "now" is on its graphs


class SettingsPort(Protocol):
    """Preferences by declared name (console.settings.Settings)."""

    def get(self, name: str) -> Any: ...

    def set(self, name: str, value: Any) -> None: ...


@runtime_checkable
class ChecklistPort(Protocol):
    """Checklist runs of the room and their history (ChecklistController)."""

    @property
    def sig_run_changed(self) -> SignalInstance: ...

    @property
    def sig_problem(self) -> SignalInstance: ...  # words, or a function saying them in the language of the moment

    @property
    def sig_room_requested(self) -> SignalInstance: ...  # str: the room a run belongs to

    @property
    def settings(self) -> SettingsPort: ...

    @property
    def templates(self) -> dict[str, Template]: ...

    @property
    def problems(self) -> list[Problem]: ...

    @property
    def runs(self) -> dict[str, ChecklistRun]: ...

    @property
    def run(self) -> ChecklistRun | None: ...

    @property
    def shown(self) -> str: ...

    @property
    def checking(self) -> bool: ...

    @property
    def room(self) -> str: ...

    def elsewhere(self, run: ChecklistRun | None = None) -> bool: ...

    def show_slot(self, slot: str) -> None: ...

    def reload_templates(self) -> None: ...

    def start(self, template_id: str, operator: str, room: str) -> None: ...

    def recheck(self) -> None: ...

    def confirm(self, item_id: str) -> bool: ...

    def override(self, item_id: str, reason: str) -> bool: ...

    def note(self, item_id: str, text: str) -> bool: ...

    def complete(self, person: str) -> bool: ...

    def abandon(self, reason: str, person: str = "") -> bool: ...

    def state(self, item_id: str) -> ItemState | None: ...

    def names(self, room: str | None = None) -> dict[str, str]:
        """What the room's OBS calls each checklist role (checklists/roles.py)."""

    def choices(self, role: str) -> tuple[str, ...] | None:
        """OBS's scenes or inputs that could be the role; None while OBS is not connected."""

    def unnamed(self, run: ChecklistRun | None = None) -> list[tuple[str, str, str]]:
        """(item id, role, its name or "") for the items whose role the room has not named or OBS lacks."""

    def choose_name(self, role: str, name: str) -> bool: ...

    def query_runs(self, filters: dict[str, Any], then: Any) -> None:
        """then(list[StoredRun] | None, error) on the GUI thread."""

    def load_run(self, run_id: int, then: Any) -> None:
        """then(StoredRun | None, error) on the GUI thread."""


#: Writes a stored checklist run as a PDF (console.pdf_report.write_pdf): the run, the file, the language.
PdfWriter = Callable[["StoredRun", Path, str], None]
#: The connection state in one line (console.event_text.describe_status): the status, the monotonic time now.
StatusText = Callable[[LinkStatus, float], str]
