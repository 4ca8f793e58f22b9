"""RoomReporter: a room's status once a second and its program picture every few seconds, from its RoomSession.

The beat is the session's own second: the reporter listens to `sampled` (each second the session records, polled
or a gap while OBS is away), so it follows the session's clock (a test's manual clock too) and runs on the
session's driving thread, where `room_status` may read the session without a lock of its own. It taps the
session's listener rather than replacing it: whoever drove the session before (the console's bridge, the
direct studio) hears everything as before. The tap is put in and taken out on the driving thread
(`session.call_soon`), the only thread that reads `session.listener`.

The picture is asked with the typed GetSourceScreenshot of the scene on program (obs-websocket 5.1, OBS 29), small
(320 px wide JPEG at quality 70: about 10-20 KB), one request in flight at most; its answer (a data: URI) is
decoded on the driving thread too, so `publish` and `thumbnail` are called from that one thread.
"""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from console.core.session import RoomSession, SessionListener
from console.core.studio.snapshot import ViewersHistory, room_status
from console.core.studio.status import Checklist, RoomStatus
from console.core.telemetry.channels import INDEX, Marker, Sample
from obs.commands import GetSourceScreenshot
from obs.messages import LinkState

LOG = logging.getLogger(__name__)

#: How often the program picture is asked (shared mode's published thumbnail).
THUMBNAIL_EVERY_S = 10.0
THUMBNAIL_WIDTH = 320
THUMBNAIL_QUALITY = 70
#: A picture OBS has not answered in this long is given up (the next one is asked on time).
THUMBNAIL_TIMEOUT_S = 5.0


def thumbnail_height(width: int, base_width: int | None, base_height: int | None) -> int:
    """The height keeping OBS's canvas shape (16:9 when unknown), even, at least 8 (obs-websocket's minimum)."""
    if not base_width or not base_height:
        base_width, base_height = 16, 9
    return max(8, round(width * base_height / base_width / 2) * 2)


def decode_image(image_data: Any) -> bytes:
    """The bytes of obs-websocket's `imageData` ("data:image/jpg;base64,..."); ValueError when it is not one."""
    if not isinstance(image_data, str) or not image_data.startswith("data:") or "," not in image_data:
        raise ValueError("the answer holds no data: URI")
    header, _, payload = image_data.partition(",")
    if not header.endswith(";base64"):
        raise ValueError(f"the picture is not base64 ({header[:40]!r})")
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"the picture's base64 is broken: {exc}") from exc
    if not data:
        raise ValueError("the picture is empty")
    return data


class _Tap(SessionListener):
    """The session's previous listener with the reporter's beat added to `sampled`. Every other callback is the
    previous listener's own bound method (copied per instance), so a callback added to SessionListener later
    still reaches it."""

    def __init__(self, previous: SessionListener, reporter: RoomReporter) -> None:
        for name in vars(SessionListener):
            if not name.startswith("_") and name not in _TAPPED and callable(getattr(previous, name, None)):
                setattr(self, name, getattr(previous, name))
        self.previous = previous
        self.reporter: RoomReporter | None = reporter

    def sampled(self, sample: Sample, markers: list[Marker]) -> None:
        self.previous.sampled(sample, markers)
        reporter = self.reporter  # read once: close() on another thread may clear it
        if reporter is not None:
            reporter._second(sample)

    def history_loaded(self) -> None:
        self.previous.history_loaded()
        reporter = self.reporter
        if reporter is not None:
            reporter._seed_history()  # a resumed show's stored seconds: its viewers of the last 15 minutes


#: The listener's callbacks the tap adds to (the others are the previous listener's own).
_TAPPED = frozenset({"sampled", "history_loaded"})


class RoomReporter:
    """Builds the room's RoomStatus each second of the session and hands it to `publish`; asks OBS for the program
    picture every `thumbnail_every_s` and hands its bytes and wall time to `thumbnail`. Both are called on the
    session's driving thread and must not block it (a publisher queues; the direct studio stores). `checklist`,
    if given, is asked each second for the room's pre-show checklist (on the driving thread too)."""

    def __init__(
        self,
        session: RoomSession,
        publish: Callable[[RoomStatus], None],
        thumbnail: Callable[[bytes, float], None] | None,
        console: str,
        *,
        checklist: Callable[[], Checklist | None] | None = None,
        thumbnail_every_s: float = THUMBNAIL_EVERY_S,
        thumbnail_width: int = THUMBNAIL_WIDTH,
        thumbnail_quality: int = THUMBNAIL_QUALITY,
    ) -> None:
        self.session = session
        self._publish = publish
        self._thumbnail = thumbnail
        self.console = console
        self._checklist = checklist
        self.thumbnail_every_s = thumbnail_every_s
        self.thumbnail_width = thumbnail_width
        self.thumbnail_quality = thumbnail_quality
        self.history = ViewersHistory()
        self._room = session.name  # the room the sparkline is of
        self._tap: _Tap | None = None
        self._closed = False
        self._asked_at: float | None = None  # wall time of the last picture asked
        self._in_flight = False
        #: The newest status handed to `publish` (read by the driving thread; any thread may read the reference).
        self.latest: RoomStatus | None = None
        #: Pictures asked, received, and failed (OBS refused, timed out, or answered no picture), for benchmarks.
        self.thumbnails_asked = 0
        self.thumbnails_received = 0
        self.thumbnails_failed = 0
        #: Failures of `publish` or `thumbnail` survived (each logged): a bad consumer must not stop the room.
        self.failures = 0

    # ------------------------------------------------------------------ life
    def start(self) -> RoomReporter:
        """Tap the session at its next drain (before its driver starts, or while it runs)."""
        self.session.call_soon(self._attach)
        return self

    def close(self) -> None:
        """No status or picture is handed on after this returns; the tap is taken out at the session's next drain
        (or never, if its driver already stopped: then nothing calls it)."""
        self._closed = True
        tap = self._tap
        if tap is not None:
            tap.reporter = None
        self.session.call_soon(self._detach)

    def _attach(self) -> None:
        if self._closed or self._tap is not None:
            return
        session = self.session
        self._tap = _Tap(session.listener, self)
        session.listener = self._tap
        self._seed_history()

    def _detach(self) -> None:
        tap, self._tap = self._tap, None
        if tap is None:
            return
        tap.reporter = None
        if self.session.listener is tap:
            self.session.listener = tap.previous
        # else someone tapped after us: our tap stays in their chain, forwarding only.

    def _seed_history(self) -> None:
        """The sparkline starts with the viewers the show already holds (a resumed show, a console restarted)."""
        self.history = ViewersHistory()
        self._room = self.session.name
        telemetry = self.session.telemetry
        times, values = telemetry.ring.last(len(telemetry.ring))
        if not len(times):
            return
        newest = float(times[-1])
        keep = times >= newest - self.history.step_s * self.history.points_count
        column = values[keep, INDEX["viewers"]]
        self.history.seed(
            (float(t) + telemetry.wall_offset, float(v)) for t, v in zip(times[keep], column, strict=True)
        )

    # ------------------------------------------------------------------ each second (the driving thread)
    def _second(self, sample: Sample) -> None:
        if self._closed:
            return
        if self.session.name != self._room:
            self._seed_history()  # the console moved to another room: its sparkline is that room's
        wall = sample.t + self.session.telemetry.wall_offset
        self.history.feed(wall, sample.get("viewers"))
        checklist = None
        if self._checklist is not None:
            try:
                checklist = self._checklist()
            except Exception:
                self.failures += 1
                LOG.exception("the room's checklist state could not be read; reported without it")
        status = room_status(self.session, now=wall, console=self.console, checklist=checklist, history=self.history)
        self.latest = status
        try:
            self._publish(status)
        except Exception:
            self.failures += 1
            LOG.exception("publishing the room's status failed; the room carries on")
        self._maybe_ask_picture(status, wall)

    def _maybe_ask_picture(self, status: RoomStatus, wall: float) -> None:
        if self._thumbnail is None or self._in_flight or status.program_scene is None:
            return
        if self._asked_at is not None and wall - self._asked_at < self.thumbnail_every_s - 0.5:
            return  # half a second of slack: seconds are sampled a little late or early, never skip a turn
        if self.session.status.state is not LinkState.CONNECTED:
            return
        video = self.session.state.video
        height = thumbnail_height(
            self.thumbnail_width, video.base_width if video else None, video.base_height if video else None
        )
        command = GetSourceScreenshot(
            status.program_scene, self.thumbnail_width, height, self.thumbnail_quality, image_format="jpg"
        )
        self._asked_at = wall
        self._in_flight = True
        self.thumbnails_asked += 1
        future = self.session.send(command, THUMBNAIL_TIMEOUT_S)
        session = self.session
        future.add_done_callback(lambda done: session.call_soon(lambda: self._picture(done, wall)))

    def _picture(self, done: Future[Any], taken: float) -> None:
        self._in_flight = False
        if self._closed or self._thumbnail is None:
            return
        error = done.exception()
        if error is not None:
            self.thumbnails_failed += 1
            LOG.info("the program picture was not taken: %s", getattr(error, "status_text", None) or error)
            return
        try:
            image = decode_image((done.result() or {}).get("imageData"))
        except ValueError as exc:
            self.thumbnails_failed += 1
            LOG.warning("OBS answered the program picture with no usable image: %s", exc)
            return
        self.thumbnails_received += 1
        try:
            self._thumbnail(image, taken)
        except Exception:
            self.failures += 1
            LOG.exception("handing on the program picture failed; the room carries on")
