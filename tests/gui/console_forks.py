"""A fork server for console processes (the twenty restarts of tests/gui/test_restart_mid_show.py).

One interpreter imports what `onair` imports, once; then, for each request on its stdin, it forks a child that
becomes a console process of its own: its own environment, stderr into a file, stdin and stdout on /dev/null, and
`console.cli.main(argv)` — what `python -m console` runs — ending in the interpreter's own exit with the status
main returned. Each child is started, stopped by SIGTERM and reaped like any process: what it does not repeat is
the interpreter's start and the imports (about 0.5 s of CPU of the 1.1–1.4 s a console start costs).

Single-threaded on purpose (a fork copies only the calling thread). One JSON line each way:
  -> {"argv": [...], "env": {...}, "stderr": "/path"}      <- {"pid": 1234}
  <- {"exited": 1234, "status": 0}   (negative: ended by that signal)
"""

from __future__ import annotations

import json
import os
import select
import sys


def _preload() -> None:
    """What `onair` (the GUI) imports on its way to a window, imported before any fork."""
    import console.app
    import console.cli
    import console.mainwindow  # noqa: F401


def _child(request: dict[str, object]) -> None:
    """Become the console process: never returns (the interpreter exits with main's status)."""
    stderr = os.open(str(request["stderr"]), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    os.dup2(stderr, 2)
    os.close(devnull)
    os.close(stderr)
    os.environ.clear()
    os.environ.update({str(key): str(value) for key, value in dict(request["env"]).items()})  # type: ignore[call-overload]
    argv = [str(arg) for arg in request["argv"]]  # type: ignore[attr-defined]
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


def serve() -> None:
    _preload()
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


if __name__ == "__main__":
    serve()
