"""The console process's edges: SIGTERM/SIGINT close it like its window, and a background thread that dies on an
error is reported in the window instead of only on stderr."""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, Signal, Slot

LOG = logging.getLogger(__name__)


class QuitSignals(QObject):
    """SIGTERM and SIGINT (a session logging out, Ctrl+C in the terminal, a supervisor stopping the console)
    call `on_quit` on the GUI thread, so the console closes as if its window were closed: the layout is
    saved and the last telemetry rows are written. Python runs signal handlers only between bytecodes, and
    Qt's event loop runs in C++: the wake-up file descriptor makes the loop notice at once."""

    def __init__(self, on_quit: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_quit = on_quit
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
        self._received: list[int] = []

    def _on_signal(self, signum: int, _frame: object) -> None:
        self._received.append(signum)  # the wake-up fd wakes the event loop; the work happens there

    @Slot()
    def _on_notifier_activated(self) -> None:
        with contextlib.suppress(OSError):
            while self._reader.recv(64):
                pass
        received, self._received = self._received, []
        for signum in received[:1]:
            LOG.info("signal %d: closing the console", signum)
            self._on_quit(signum)

    def uninstall(self) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


class ThreadFailures(QObject):
    """threading.excepthook: any thread of the console that ends on an uncaught error is reported to the GUI
    thread (sig_failed: thread name, error) as well as logged. Workers that can carry on restart themselves
    (the telemetry writer); this is the net under the rest, so no thread ever dies silently."""

    sig_failed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._previous = threading.excepthook
        threading.excepthook = self._hook

    def _hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        if args.exc_value is not None:
            LOG.error("thread %s failed", name, exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        else:
            LOG.error("thread %s failed: %s", name, args.exc_type.__name__)
        self.sig_failed.emit(name, f"{args.exc_type.__name__}: {args.exc_value}")

    def uninstall(self) -> None:
        if threading.excepthook == self._hook:
            threading.excepthook = self._previous
