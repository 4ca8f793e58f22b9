"""What the Comments dock (and later the Q&A and lottery views) need of the application (the chat controller,
console/chat_controller.py), as a Protocol beside widgets/ports.py: widgets take it in their constructors and
never import the application.

The controller owns the current room's comment sources and their feed (Qt-free: console/core/chat/). Sources
add to the feed on their own threads; the controller tells the GUI thread that something arrived at most a
few times a second (sig_arrived), and the dock reads what is new with `feed.since(seq)` — so a flood costs the
GUI thread one read per tick, never one call per message. A console restarted mid-show also hands the dock the
show's comments stored before its feed began (`history`): shown above the live ones, never part of the feed."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import SignalInstance

from console.core.chat.events import ChatEvent
from console.core.chat.feed import ChatFeed
from console.core.telemetry.audience import SourceState


@runtime_checkable
class ChatPort(Protocol):
    """The current room's comments."""

    @property
    def sig_arrived(self) -> SignalInstance: ...  # no arguments: the feed has events after the last read

    @property
    def sig_room_changed(self) -> SignalInstance: ...  # str: another room's feed (start reading it afresh)

    @property
    def sig_sources_changed(self) -> SignalInstance: ...  # a source's status changed (read `sources`)

    @property
    def sig_history_loaded(self) -> SignalInstance: ...  # the show's comments from before the feed began (`history`)

    @property
    def feed(self) -> ChatFeed: ...  # the current room's feed (a new, empty one after a room change)

    @property
    def sources(self) -> tuple[tuple[str, SourceState], ...]: ...  # (source id, its state) of the room's sources

    @property
    def keywords(self) -> tuple[str, ...]: ...  # words the team watches for (highlighted in the feed)

    @property
    def own_names(self) -> tuple[str, ...]: ...  # the host's and staff's own user names (highlighted)

    @property
    def history(self) -> tuple[ChatEvent, ...]: ...  # the show's comments stored before the feed began, oldest first
