"""A fork server for console processes and screen probes: the twenty restarts of tests/gui/test_restart_mid_show.py,
and the fit probes of tests/gui/screen_probe.py (`python -m tests.gui.test_fits_screens …` on a screen of a given
size).

One interpreter imports what `onair` imports (and the probe modules it is asked to), once; then, for each request on
its stdin, it forks a child that becomes a process of its own: its own environment, stdout and stderr into files
(or /dev/null), stdin on /dev/null, and either `console.cli.main(argv)` — what `python -m console` runs — or a module
run as `__main__` — what `python -m module` runs — ending in the interpreter's own exit with its status. Each child
is started, stopped by SIGTERM and reaped like any process, and makes its own QApplication on its own platform: what
it does not repeat is the interpreter's start and the imports (about 0.5 s of CPU of the 1.1–1.4 s a console start
costs; of the 1.0–3.6 s of a fit probe).

Single-threaded on purpose (a fork copies only the calling thread), and it never makes a QApplication (a child's
screen is its own). One JSON line each way:
  -> {"argv": [...], "env": {...}, "stderr": "/path"}                                  (a console)
  -> {"module": "tests.gui.x", "argv": [...], "env": {...}, "stdout": "/path", "stderr": "/path"}  (a module)
  <- {"pid": 1234}
  <- {"exited": 1234, "status": 0}   (negative: ended by that signal)
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import select
import signal
import subprocess
import sys
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _preload(modules: list[str]) -> None:
    """What `onair` (the GUI) imports on its way to a window, and the probe modules named, imported before any
    fork."""
    import importlib

    import console.app
    import console.cli
    import console.mainwindow  # noqa: F401

    for module in modules:
        importlib.import_module(module)


def _child(request: dict[str, object]) -> None:
    """Become the console process or the module's: never returns (the interpreter exits with its status)."""
    stderr = os.open(str(request["stderr"]), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    devnull = os.open(os.devnull, os.O_RDWR)
    stdout = (
        os.open(str(request["stdout"]), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        if "stdout" in request
        else devnull
    )
    os.dup2(devnull, 0)
    os.dup2(stdout, 1)
    os.dup2(stderr, 2)
    for fd in {devnull, stdout, stderr}:
        os.close(fd)
    os.environ.clear()
    os.environ.update({str(key): str(value) for key, value in dict(request["env"]).items()})  # type: ignore[call-overload]
    argv = [str(arg) for arg in request["argv"]]  # type: ignore[attr-defined]
    module = request.get("module")
    if module is not None:
        import runpy

        # As `python -m module argv…`: an exception is printed by the interpreter and is status 1.
        sys.argv = [str(module), *argv]
        runpy.run_module(str(module), run_name="__main__", alter_sys=True)
        sys.exit(0)
    sys.argv = ["onair", *argv]
    from console.cli import main

    sys.exit(main(argv))


def _report(message: dict[str, int]) -> None:
    os.write(1, (json.dumps(message) + "\n").encode())


def _reap() -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        _report({"exited": pid, "status": code})


def serve(preload: list[str]) -> None:
    _preload(preload)
    pending = b""
    while True:
        readable, _, _ = select.select([0], [], [], 0.05)
        _reap()
        if not readable:
            continue
        chunk = os.read(0, 65536)
        if not chunk:
            return  # the test closed its end: done
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                _child(json.loads(line))
            _report({"pid": pid})


class Forks:
    """The test's side of the fork server: it starts the server (which imports, once), asks it for processes and
    learns their exit statuses. The server's children are its own, reaped by it; the server is the caller's."""

    def __init__(self, env: dict[str, str], preload: tuple[str, ...] = ()) -> None:
        self.server = subprocess.Popen(
            [sys.executable, "-m", "tests.gui.console_forks", *preload],
            env=env,
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.messages: queue.Queue[dict[str, int]] = queue.Queue()
        self.exited: dict[int, int] = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.server.stdout is not None
        for line in self.server.stdout:
            self.messages.put(json.loads(line))

    def _next(self, timeout: float) -> dict[str, int]:
        try:
            return self.messages.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"the fork server said nothing for {timeout} s") from None

    def _ask(self, request: dict[str, object]) -> int:
        assert self.server.stdin is not None
        self.server.stdin.write(json.dumps(request) + "\n")
        self.server.stdin.flush()
        while "pid" not in (message := self._next(60)):  # a slow first start: it imports first
            self.exited[message["exited"]] = message["status"]
        return message["pid"]

    def start(self, argv: list[str], env: dict[str, str], stderr: Path) -> int:
        """A console process (`onair argv…`); its pid."""
        return self._ask({"argv": argv, "env": env, "stderr": str(stderr)})

    def start_module(self, module: str, argv: list[str], env: dict[str, str], stdout: Path, stderr: Path) -> int:
        """A process running `python -m module argv…`; its pid."""
        return self._ask({"module": module, "argv": argv, "env": env, "stdout": str(stdout), "stderr": str(stderr)})

    def wait(self, pid: int, timeout: float) -> int:
        """The child's exit status (negative: the signal that ended it); killed after `timeout` s."""
        try:
            while pid not in self.exited:
                message = self._next(timeout)
                if "exited" in message:
                    self.exited[message["exited"]] = message["status"]
        except AssertionError:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            raise
        return self.exited[pid]

    def close(self) -> None:
        assert self.server.stdin is not None
        self.server.stdin.close()
        self.server.wait(30)


if __name__ == "__main__":
    serve(sys.argv[1:])
