"""ChatController: the current room's comments as the Comments dock sees them (implements widgets/chat_port.py).

It owns the RoomChat of the room the console is on (console/core/chat/room.py: the room's comment sources and
their feed; the demo room's is the simulator's, console/core/chat/demo.py), starts it, and hands it to the room's
session (console/core/session.py `attach_chat`), which samples comments and chatters per minute on its clock and
stores the comments with the show. A room switch stops the old sources (without waiting on the GUI thread) and
gives a fresh feed (`sig_room_changed`); what the old sources read until they stopped is stored with the old room's
show, and after an edit of the sources with the same show (`_attach`).

Sources add to the feed on their own threads; a 200 ms timer on the GUI thread looks whether the feed moved and
says so once (`sig_arrived`): at most five signals a second whatever the rate, never one per message; it runs only
while the room has comment sources. Source states are looked at on the same timer and said when they change
(`sig_sources_changed`).

A console restarted mid-show (killed, closed, crashed) continues the same show: once the show is known
(`bridge.sig_show_opened`) the controller reads the show's newest RECALL_LIMIT comments stored before this feed
began, on a storage worker of its own (the GUI thread never waits on the database), and hands them to the Comments
dock (`history`, `sig_history_loaded`) to be shown above the live ones. They never enter the feed: they are not
counted again (comments per minute, complaints), not stored again, and not read again as questions or lottery
entries — the feed's readers only ever see what arrived since.

Built once by the console (console/app.py) and kept through a language switch; also deletes comments older than
the retention setting shortly after start-up and once a day, on a thread of its own.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot

from console.bridge import ObsBridge
from console.core.chat.config import ChatConfig, keep_source_secrets, load_secrets
from console.core.chat.events import ChatEvent
from console.core.chat.feed import ChatFeed
from console.core.chat.room import RoomChat, purge_old_comments, stored_history
from console.core.storage_use import OpenOnUse
from console.core.telemetry.audience import SourceState
from console.core.worker import SerialWorker
from widgets.comments_model import MAX_ROWS

if TYPE_CHECKING:
    from console.core.rooms import Room, Secrets

LOG = logging.getLogger(__name__)
#: How often the GUI thread looks at the feed: sig_arrived at most this often.
ARRIVAL_TICK_MS = 200
#: Old comments are deleted once after start-up and then this often.
RETENTION_EVERY_MS = 24 * 3600 * 1000
#: The first pass waits this long after start-up: its storage modules and migration check (~0.2 s of CPU) would
#: otherwise compete for the interpreter lock with the window being built and the room's first seconds.
RETENTION_FIRST_MS = 15_000
#: A restarted console shows again the show's newest comments stored before it started, this many: a whole Comments
#: dock (it keeps MAX_ROWS lines) — customer service scrolls back to the conversation they were in, whichever
#: minute it was. Bounded by count, not by time: one backward walk of the (show, time) index, as fast for a show of
#: 500,000 comments as for one of 500; a time bound would cut a quiet show's conversation short.
RECALL_LIMIT = MAX_ROWS
#: How long shutdown waits for a recall still reading (a database that stopped answering is left behind).
RECALL_SHUTDOWN_S = 2.0


def split_words(text: str) -> tuple[str, ...]:
    """A '|'-separated setting as its words (blanks dropped, each once, in order)."""
    seen: dict[str, None] = {}
    for word in text.split("|"):
        if word.strip():
            seen.setdefault(word.strip(), None)
    return tuple(seen)


class ChatController(QObject):
    sig_arrived = Signal()  # the feed has events after the last read (at most ~5 a second)
    sig_room_changed = Signal(str)  # another room's feed: read it afresh (the room's key; "demo" for the demo)
    sig_sources_changed = Signal()  # a source's state changed (read `sources`)
    sig_history_loaded = Signal()  # the show's comments from before this console's feed began (read `history`)
    _sig_recalled = Signal(int, object)  # from the recall worker: generation, list[ChatEvent] or None (failed)

    def __init__(
        self,
        bridge: ObsBridge,
        secrets: Secrets,
        room_of: Callable[[str], Room | None],
        settings: Any = None,
        storage_url: str | None = None,
        retention: bool = True,
        parent: QObject | None = None,
        language: Callable[[], str] = lambda: "en",
    ) -> None:
        """`language`: the console's language now (its translator is installed): the demo room's viewers take it
        when the demo starts."""
        super().__init__(parent)
        self.bridge = bridge
        self._language = language
        self.secrets = secrets
        self._room_of = room_of
        self.settings = settings
        self.storage_url = storage_url
        self._chat: RoomChat | None = None
        self._empty_feed = ChatFeed()
        self._room_key: str | None = None
        self._seen_seq = 0
        self._states: tuple[tuple[str, SourceState], ...] = ()
        self._retention_thread: threading.Thread | None = None
        #: The show's comments from before the feed began (oldest first), for the Comments dock.
        self._history: tuple[ChatEvent, ...] = ()
        #: Each feed is a generation: a recall answered for an older one is dropped.
        self._generation = 0
        #: When the current feed began (epoch seconds): stored comments before it are history, after it the feed's.
        self._since = time.time()
        #: (room key, show id) of the last show opened, and the (generation, show id) already recalled.
        self._show: tuple[str, int] | None = None
        self._recalled: tuple[int, int] | None = None
        self._recall_worker: SerialWorker | None = None
        self._recall_storage = OpenOnUse(storage_url)
        self._sig_recalled.connect(self._on_recalled, Qt.ConnectionType.QueuedConnection)
        bridge.sig_show_opened.connect(self._on_bridge_show_opened)
        #: Comments deleted by the last retention pass (None until one ran), for the tests and the log.
        self.purged: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(ARRIVAL_TICK_MS)
        self._timer.timeout.connect(self._on_tick)  # runs only while the room has comment sources (_replace)
        bridge.sig_session_changed.connect(self._attach)
        self._retention_timer = QTimer(self)
        self._retention_timer.setInterval(RETENTION_EVERY_MS)
        self._retention_timer.timeout.connect(self.purge_old_comments)
        # The first pass a while after start-up, on a timer of the controller's own: shutdown() stops it (a
        # QTimer.singleShot could not be, and a console shut down within its first 15 s deleted comments later).
        self._retention_first = QTimer(self)
        self._retention_first.setSingleShot(True)
        self._retention_first.setInterval(RETENTION_FIRST_MS)
        self._retention_first.timeout.connect(self.purge_old_comments)
        if retention:
            self._retention_first.start()
            self._retention_timer.start()

    # ------------------------------------------------------------------ ChatPort
    @property
    def feed(self) -> ChatFeed:
        return self._chat.feed if self._chat is not None else self._empty_feed

    @property
    def sources(self) -> tuple[tuple[str, SourceState], ...]:
        return self._chat.status() if self._chat is not None else ()

    @property
    def keywords(self) -> tuple[str, ...]:
        return split_words(str(self.settings.get("chat/keywords"))) if self.settings is not None else ()

    @property
    def own_names(self) -> tuple[str, ...]:
        return split_words(str(self.settings.get("chat/own_names"))) if self.settings is not None else ()

    def set_words(self, keywords: str | tuple[str, ...], own_names: str | tuple[str, ...]) -> None:
        """The team edited its keywords or its own names (`|`-separated text or words): kept in the settings, and
        the running room uses them at once — the session's complaint watcher now, and the Comments dock's
        highlights on its next read, which is asked for here rather than waiting for the next comment."""
        words = "|".join(split_words(keywords if isinstance(keywords, str) else "|".join(keywords)))
        names = "|".join(split_words(own_names if isinstance(own_names, str) else "|".join(own_names)))
        if self.settings is not None:
            self.settings.set("chat/keywords", words)
            self.settings.set("chat/own_names", names)
        if self.bridge.session is not None:
            self.bridge.session.set_complaint_words(split_words(words), split_words(names))
        # The dock re-marks the rows it shows whenever it reads the feed (widgets/comments_dock.py `_take`): one
        # read now, even with nothing new, so an edit shows on what is already listed at once.
        self.sig_arrived.emit()

    @property
    def history(self) -> tuple[ChatEvent, ...]:
        """The show's comments stored before the current feed began (a console restarted mid-show), oldest first;
        empty until read (`sig_history_loaded`) and for a new show."""
        return self._history

    @property
    def chat(self) -> RoomChat | None:
        """The current room's RoomChat (None: the room has no comment source)."""
        return self._chat

    # ------------------------------------------------------------------ the room
    def use_room(self, room: str | None, demo: bool) -> None:
        """The console is in this room (or the demo room) from now on: its sources run, the old ones stop."""
        key = "demo" if demo else room
        chat: RoomChat | None
        if demo:
            from console.core.chat.demo import demo_chat

            chat = demo_chat(
                words=lambda text: QCoreApplication.translate("DemoChat", text),
                chinese=self._language().startswith("zh"),
            )
        else:
            saved = self._room_of(room) if room else None
            chat = self._build(saved.name, saved.chat) if saved is not None and saved.chat.sources else None
        self._replace(chat, key)

    def reload(self, room: str) -> None:
        """The room's comment sources were edited: if the console is in that room, they run anew."""
        if self._room_key == room:
            self.use_room(room, demo=False)

    def _build(self, room: str, config: ChatConfig) -> RoomChat:
        def keep(source_id: str, values: dict[str, str]) -> None:  # a renewed token, on the source's thread
            keep_source_secrets(self.secrets, room, source_id, values)

        return RoomChat(config, load_secrets(self.secrets, room), keep_secrets=keep)

    def _replace(self, chat: RoomChat | None, key: str | None) -> None:
        old, self._chat, self._room_key = self._chat, chat, key
        if old is not None:
            # Stopping returns at once; the threads end on their own (never a wait on the GUI thread).
            threading.Thread(target=old.stop, name="chat-stop", daemon=True).start()
        if chat is not None:
            chat.start()
            self._timer.start()
        else:
            self._timer.stop()  # a room without comments: nothing to look at five times a second
        self._seen_seq = 0
        self._generation += 1
        self._since = time.time()
        self._history = ()
        self._attach()
        self.sig_room_changed.emit(key or "")
        if self._show is not None and self._show[0] == key:
            self._recall(self._show[1])  # the same show with a new feed (its sources edited): its comments again
        self._states = ()
        self._on_tick()

    @Slot()
    def _attach(self) -> None:
        """Hand the current chat to the room's session (a new session after every reconnect or room switch). The
        session lets go of the chat it had — what that chat read is stored with its show (RoomSession.attach_chat).
        A room switch makes the new room's chat before its session (console/app.py `_switch`): the old room's
        session, still the bridge's then, takes no chat — the new room's comments are not the old show's — and the
        new session takes it when it opens (sig_session_changed)."""
        if self.bridge.session is not None:
            ours = self.bridge.room_key == self._room_key
            self.bridge.session.attach_chat(self._chat if ours else None)
            # The keyword alerts read the team's own words and names (console/core/chat/complaints.py).
            self.bridge.session.set_complaint_words(self.keywords, self.own_names)

    # ------------------------------------------------------------------ a restart mid-show: the comments before
    @Slot(int)
    def _on_bridge_show_opened(self, show_id: int) -> None:
        key = self.bridge.room_key
        if key is None:
            return
        self._show = (key, show_id)
        if key == self._room_key:
            self._recall(show_id)

    def _recall(self, show_id: int) -> None:
        """Read the show's comments from before the feed began, on the recall worker (once per feed and show: an
        OBS reconnect opens the same show again and the dock already shows them)."""
        if self._chat is None or self._recalled == (self._generation, show_id):
            return
        self._recalled = (self._generation, show_id)
        if self._recall_worker is None:
            self._recall_worker = SerialWorker("chat-recall")
        generation, before, storage = self._generation, self._since, self._recall_storage

        def read() -> None:
            events: list[ChatEvent] | None
            try:
                rows = storage.get().recent_comments(show_id, before, RECALL_LIMIT)
                events = stored_history(rows)
            except Exception as exc:  # a database down: the dock shows what arrives, the log says why
                LOG.warning("the show's earlier comments could not be read: %s", exc)
                events = None
            self._sig_recalled.emit(generation, events)

        self._recall_worker.submit(read)

    @Slot(int, object)
    def _on_recalled(self, generation: int, events: list[ChatEvent] | None) -> None:
        if generation != self._generation:
            return  # read for a feed already replaced (another room, sources edited)
        if events is None:
            self._recalled = None  # tried again when the show is next opened (a reconnect)
            return
        # A message the feed holds already (a platform's replay, a file read again) is the feed's, shown once.
        held = {(e.platform, e.message_id) for e in self.feed.newest() if e.message_id}
        history = tuple(e for e in events if not e.message_id or (e.platform, e.message_id) not in held)
        if history:
            self._history = history
            self.sig_history_loaded.emit()

    @Slot()
    def _on_tick(self) -> None:
        chat = self._chat
        if chat is None:
            if self._states:
                self._states = ()
                self.sig_sources_changed.emit()
            return
        seq = chat.feed.seq
        if seq != self._seen_seq:
            self._seen_seq = seq
            self.sig_arrived.emit()
        states = chat.status()
        if states != self._states:
            self._states = states
            self.sig_sources_changed.emit()

    # ------------------------------------------------------------------ retention
    @Slot()
    def purge_old_comments(self) -> None:
        """Delete comments older than `chat/retention_days` on a thread of its own (the GUI never waits)."""
        if self._retention_thread is not None and self._retention_thread.is_alive():
            return
        days = int(self.settings.get("chat/retention_days")) if self.settings is not None else 30
        self._retention_thread = threading.Thread(target=self._purge, args=(days,), name="chat-retention", daemon=True)
        self._retention_thread.start()

    def _purge(self, days: int) -> None:
        from console.core.storage import Storage, StorageError

        try:
            storage = Storage(self.storage_url)
            try:
                storage.migrate()
                self.purged = purge_old_comments(storage, days)
            finally:
                storage.close()
        except StorageError as exc:
            LOG.warning("old comments could not be deleted: %s", exc)
            return
        if self.purged:
            LOG.info("deleted %d comments older than %d days", self.purged, days)

    def wait_retention(self, timeout: float) -> None:
        if self._retention_thread is not None:
            self._retention_thread.join(timeout)

    def shutdown(self) -> None:
        self._generation += 1  # a recall still reading is dropped
        worker, self._recall_worker = self._recall_worker, None
        if worker is None or worker.shutdown(RECALL_SHUTDOWN_S):
            self._recall_storage.close()  # (a read stuck on a frozen database keeps it: a daemon thread, left behind)
        self._timer.stop()
        self._retention_first.stop()
        self._retention_timer.stop()
        if self._chat is not None:
            self._chat.stop()  # no more comments: what was read is stored with the show below
        if self.bridge.session is not None:
            # The comments of the last second (samples hand them over each second) go with the show, not lost.
            self.bridge.session.store_chat_comments()
            self.bridge.session.attach_chat(None)
        self._chat = None
