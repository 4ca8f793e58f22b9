"""What the Rundown dock and the talent screen need of the application (the rundown controller,
console/rundown_controller.py), as a Protocol beside widgets/ports.py: the widgets take it in their
constructors and never import the application.

The controller owns the room's rundown (stored in the show database) and its live runner (Qt-free,
console/core/rundown/live.py, driven by the room session's one clock). Every storage call runs off the GUI
thread; answers and changes arrive as signals on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import SignalInstance

from console.core.rundown.model import Position, Rundown, Segment

#: `then(result, error)`: the answer (or why it failed, already in the reader's words), on the GUI thread.
Then = Callable[[Any, str | None], None]


@dataclass(frozen=True)
class Refused:
    """An import's refusal (`then(Refused, why)`): `said()` says `why` again in the language of the moment."""

    said: Callable[[], str]


@dataclass(frozen=True)
class StatusLine:
    """What the Rundown dock's line under the table says, kept by the port: the dock built again for a language
    switch says it again, in the new language (`said()` says it in the language of the moment; it holds words,
    never a window)."""

    said: Callable[[], str]
    problem: bool = False


@runtime_checkable
class RundownPort(Protocol):
    """The room's rundown and where the show stands against it."""

    @property
    def sig_rundown_changed(self) -> SignalInstance: ...  # Rundown: the plan as now stored (load, save, import)

    @property
    def sig_position_changed(self) -> SignalInstance: ...  # Position: at every change, and once a second running

    @property
    def sig_problem(self) -> SignalInstance: ...  # str, in the reader's words (a save refused, a switch refused)

    @property
    def sig_message_changed(self) -> SignalInstance: ...  # str: the line for the host ("" = none)

    @property
    def rundown(self) -> Rundown: ...  # the room's plan as last stored (an empty Rundown before the first save)

    @property
    def position(self) -> Position: ...

    @property
    def message(self) -> str: ...

    @property
    def scenes(self) -> tuple[str, ...]: ...  # the room's OBS scenes now (empty when not connected)

    def save(self, rundown: Rundown) -> None:
        """Store the edited plan (the dock calls it after each edit, undo included); sig_rundown_changed with the
        stored plan, or sig_problem and the stored plan unchanged."""

    def import_file(self, path: Path, then: Then) -> None:
        """Read a CSV/XLSX rundown and, when nothing in it is refused, replace the room's plan with it:
        then(Imported: the plan stored and its import said line by line as the command line says it, None), or
        then(None or Refused, why: row and column in words) with the plan unchanged."""

    def export_file(self, path: Path, then: Then) -> None:
        """Write the room's plan as CSV or XLSX (by the file's extension), in the reader's language."""

    def arm(self, index: int | None = None) -> None:
        """Arm segment `index` (None: the next in order) for the next Go."""

    def disarm(self) -> None: ...

    def go(self) -> None:
        """Take the armed (else the next) segment: stamp the boundary, switch to its scene if it has one."""

    def skip(self) -> None:
        """Pass over the segment Go would take next (stamped as skipped); the one after it becomes next."""

    def repeat(self) -> None:
        """Take the current segment again from its start (stamped as a repeat)."""

    def insert_next(self, segment: Segment) -> None:
        """Add a segment right after the current one (on the fly) and make it the next."""

    def end(self) -> None:
        """End the running rundown (the last boundary)."""

    def send_message(self, text: str) -> None:
        """Show a short line on the talent screen ("上链接", "看评论"); "" clears it."""

    @property
    def message_restored(self) -> bool: ...  # the line came back from storage (a restart): shown without a flash

    @property
    def status_line(self) -> StatusLine | None: ...  # what the Rundown dock said under its table last (kept)

    def keep_status_line(self, line: StatusLine | None) -> None:
        """Keep what the Rundown dock says under its table (an import's lines), for the dock built again after a
        language switch; None: nothing worth saying again."""
