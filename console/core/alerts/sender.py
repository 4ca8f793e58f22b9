"""The one thread that posts alerts: a bounded queue in front, so a webhook that times out or answers 500 never
delays a room session, the GUI or another destination's turn for longer than its own timeout. No Qt."""

from __future__ import annotations

import contextlib
import functools
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from console.core import logsafe
from console.core.alerts.config import Credentials, Destination
from console.core.alerts.platforms import Alert, Answer, build, failure, interpret, masked, secret_parts
from obs.text import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:  # loaded when an alert is first sent: httpx pulls in its command line (click, rich, pygments),
    # 50-95 ms of every console and monitor start that sends nothing
    import httpx

LOG = logging.getLogger(__name__)
#: Seconds to connect, and to wait for the answer: a chat platform answers within a second when it is well.
CONNECT_TIMEOUT_S, ANSWER_TIMEOUT_S = 3.0, 5.0
#: Alerts waiting for the thread; more are counted and said, never queued without bound.
QUEUE_SIZE = 200
#: Seconds a closing sender still posts what waits (the one in flight then finishes within its own timeout):
#: a console or monitor closing while a webhook hangs exits within seconds, never after 200 timeouts.
CLOSE_GRACE_S = 3.0


def protect(credentials: Credentials) -> None:
    """From now on no log line prints this destination's address, key, token or signing secret."""
    for part in secret_parts(credentials.url):
        logsafe.register_secret(part)
    logsafe.register_secret(credentials.secret)


def deliver(
    destination: Destination,
    credentials: Credentials,
    alert: Alert,
    client: httpx.Client,
    wall: Callable[[], float] = time.time,
) -> Answer:
    """Post one alert and say the platform's answer (never raises for a network failure)."""
    import httpx

    protect(credentials)
    request = build(destination.platform, credentials.url, credentials.secret, alert, wall())
    try:
        response = client.post(request.url, json=request.body)
    except httpx.TimeoutException:
        answer = failure("timeout")
    except httpx.HTTPError as exc:
        # The exception's text may hold the address: only its type goes to the log.
        LOG.info("alert to %s (%s) failed: %s", destination.name, masked(credentials.url), type(exc).__name__)
        answer = failure("unreachable")
    else:
        answer = interpret(destination.platform, response.status_code, dict(response.headers), response.content)
    LOG.info("alert to %s (%s): %s", destination.name, masked(credentials.url), answer.words.explain())
    return answer


def client(answer_timeout_s: float = ANSWER_TIMEOUT_S) -> httpx.Client:
    import httpx

    timeout = httpx.Timeout(answer_timeout_s, connect=min(CONNECT_TIMEOUT_S, answer_timeout_s))
    return httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False)


NO_CREDENTIALS = Answer(
    False,
    Message(QT_TRANSLATE_NOOP("Alerts", "no webhook address in the keyring: run onair alerts secret"), {}, "Alerts"),
)


@dataclass(frozen=True)
class Job:
    destination: Destination
    #: The destination's credentials by its name, looked up on the sender's thread (a keyring may be slow).
    credentials: Callable[[str], Credentials | None]
    alert: Alert
    done: Callable[[Job, Answer], None]
    attempt: int = 1


class Sender:
    """Posts jobs in turn on its own thread. `submit` never blocks: when the queue is full the alert is counted
    in `overflow` and said in the log."""

    def __init__(
        self, size: int = QUEUE_SIZE, idle: Callable[[], None] | None = None, answer_timeout_s: float = ANSWER_TIMEOUT_S
    ) -> None:
        self._queue: queue.Queue[Job | None] = queue.Queue(maxsize=size)
        self.overflow = 0
        self.idle = idle
        #: Made on the sender's thread by the first alert it posts: httpx's import (50-95 ms, more on a loaded
        #: machine) is no part of a start-up that sends nothing.
        self._client: httpx.Client | None = None
        self._answer_timeout_s = answer_timeout_s
        #: Set by close(): alerts still waiting after this moment are dropped (counted in `overflow`, said).
        self._deadline: float | None = None
        self._thread = threading.Thread(target=self._run, name="alerts-sender", daemon=True)
        self._thread.start()

    def submit(self, job: Job) -> bool:
        try:
            self._queue.put_nowait(job)
        except queue.Full:
            self.overflow += 1
            LOG.warning(
                "alert queue full: the %s alert of %s to %s is not sent (%d lost so far)",
                job.alert.state,
                job.alert.room,
                job.destination.name,
                self.overflow,
            )
            return False
        return True

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def join(self) -> None:
        """Until every submitted alert has been posted and answered (tests, and the CLI before it exits)."""
        self._queue.join()

    def _run(self) -> None:
        while True:
            try:
                job = self._queue.get(timeout=1.0)
            except queue.Empty:
                if self.idle is not None:
                    self._safely(self.idle)
                continue
            try:
                if job is None:
                    return
                if self._deadline is not None and time.monotonic() > self._deadline:
                    self.overflow += 1
                    LOG.warning("closing: the %s alert of %s is not sent", job.alert.state, job.alert.room)
                    continue
                credentials = job.credentials(job.destination.name)
                if credentials is None:
                    LOG.warning("alert destination %s has no webhook address in the keyring", job.destination.name)
                    answer = NO_CREDENTIALS
                else:
                    if self._client is None:
                        self._client = client(self._answer_timeout_s)
                    answer = deliver(job.destination, credentials, job.alert, self._client)
                self._safely(functools.partial(job.done, job, answer))
            finally:
                self._queue.task_done()

    @staticmethod
    def _safely(call: Callable[[], None]) -> None:
        try:
            call()
        except Exception:  # the sender thread must outlive a bug in a callback
            LOG.exception("alert callback failed")

    def close(self, grace_s: float = CLOSE_GRACE_S) -> None:
        """Post what waits for up to `grace_s`, drop the rest (counted and said), then end the thread: it returns
        within the grace and one request's timeout however many alerts wait behind a webhook that hangs."""
        self._deadline = time.monotonic() + grace_s
        while True:  # never blocks on a full queue: the oldest waiting alert makes room for the stop
            try:
                self._queue.put_nowait(None)
                break
            except queue.Full:
                with contextlib.suppress(queue.Empty):
                    dropped = self._queue.get_nowait()
                    self._queue.task_done()
                    if dropped is not None:
                        self.overflow += 1
        self._thread.join(timeout=grace_s + self._answer_timeout_s + CONNECT_TIMEOUT_S + 1)
        if self._thread.is_alive():
            LOG.warning("the alert sender did not stop in time")
        if self._client is not None:
            self._client.close()
