"""The show's time on air: from the moment the stream started, through OBS's own reconnects to the platform.

OBS's stream output counts its time (GetStreamStatus outputDuration / outputTimecode) per connection to the
server: after an automatic reconnect it starts again from 00:00:00 (walk13: a show on air 3 min 33 s read "ON AIR
00:00:06" after a 7-s network blip). The show's time does not: it runs from the start OBS reported until the
stream stops. Known from a poll's own clock (Rates.t) and OBS's figure, so a console that joins a running stream
counts from when it really started. No Qt.
"""

from __future__ import annotations

from obs.stats import Rates


class OnAirClock:
    """Fed every poll (`update`) and told when OBS is lost (`forget`); `since` is the stream's start on the polls'
    clock, `elapsed_ms` the show's time on air at the last poll, `obs_ms` OBS's own figure for this connection."""

    def __init__(self) -> None:
        self.since: float | None = None
        self.elapsed_ms: int | None = None
        self.obs_ms: int | None = None

    def update(self, rates: Rates) -> None:
        if not rates.streaming:
            self.forget()
            return
        self.obs_ms = rates.stream_duration_ms
        if rates.stream_duration_ms is not None:
            start = rates.t - rates.stream_duration_ms / 1000.0
            # A reconnect moves OBS's start later; the show's start stays where it was.
            self.since = start if self.since is None else min(self.since, start)
        self.elapsed_ms = None if self.since is None else max(0, round((rates.t - self.since) * 1000))

    def forget(self) -> None:
        """The stream stopped, or OBS was lost (another OBS, or one restarted, may be streaming when it is back:
        its own figure says from when)."""
        self.since = self.elapsed_ms = self.obs_ms = None
