"""One room's RoomStatus taken from its live RoomSession (direct mode, and what a room's console publishes).

Thread-correct: `room_status` reads the session's tracker, health engine, telemetry and rundown runner, which only
the session's driving thread changes. Call it on that thread (the RoomReporter does: it runs inside the session's
`sampled` callback, console/core/studio/reporter.py); from any other thread it takes `session.lock`, which the
driver holds while it changes the session, so a reading is never half of one second and half of the next.

What the wall must never do is show green for a room it knows nothing about, so a light is OK only while OBS is
connected and the health engine has judged at least one second; otherwise it is UNKNOWN, unless a finding is
still open in that category (a room whose OBS froze keeps its red light, it does not go grey and look calmer).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from checklists.engine import ChecklistRun, ItemStatus, RunEnd
from checklists.model import text_for
from console.core.session import LIVE, RoomSession
from console.core.studio.status import (
    VIEWERS_SPAN_S,
    VIEWERS_STEP_S,
    Checklist,
    Light,
    OpenFinding,
    Prep,
    RoomStatus,
    Segment,
    WentLive,
    category_lights,
)
from obs.health import Finding
from obs.messages import MAY_STILL_STREAM, LinkState
from obs.vocabulary import CATEGORIES, Category

#: Points in the sparkline (30 for 15 minutes at 30 s).
VIEWERS_POINTS = VIEWERS_SPAN_S // VIEWERS_STEP_S
#: The dropped-frame figure a tile shows: the network's, as OBS's own status bar ("Dropped Frames") does; frames
#: lost to rendering or encoding are the render and encode lights' findings.
DROPPED_CHANNEL = "drop_network_pct"
#: What the System light is judged from (obs/health_rules.py's CpuSaturated): the room's computer's CPU.
CPU_CHANNEL = "cpu_system_pct"


class ViewersHistory:
    """The viewers of the last VIEWERS_SPAN_S, one point per VIEWERS_STEP_S of wall time: a point is the newest
    known figure of its step, None for a step with none (no source, not live, the source silent). Fed once a
    second by whoever samples the room (one thread; it keeps no lock)."""

    def __init__(self, span_s: int = VIEWERS_SPAN_S, step_s: int = VIEWERS_STEP_S) -> None:
        if step_s <= 0 or span_s < step_s:
            raise ValueError(f"a sparkline of {span_s} s in steps of {step_s} s")
        self.step_s = step_s
        self.points_count = span_s // step_s
        self._steps: dict[int, int] = {}
        self._newest_step: int | None = None

    def _step(self, wall: float) -> int:
        return math.floor(wall / self.step_s)

    def feed(self, wall: float, viewers: float | None) -> None:
        """One reading at wall time `wall` (None or NaN: not known then, which leaves the step as it was)."""
        if viewers is None or not math.isfinite(viewers) or viewers < 0:
            return
        step = self._step(wall)
        if self._newest_step is not None and step <= self._newest_step - self.points_count:
            return  # older than the span: nothing would show it
        self._steps[step] = round(viewers)  # readings come in time order: the newest of its step wins
        if self._newest_step is None or step > self._newest_step:
            self._newest_step = step
            oldest = step - self.points_count
            for old in [s for s in self._steps if s <= oldest]:
                del self._steps[old]

    def seed(self, readings: Iterable[tuple[float, float | None]]) -> None:
        """Readings from before (a resumed show's stored seconds), oldest first."""
        for wall, viewers in readings:
            self.feed(wall, viewers)

    def points(self, now: float) -> tuple[int | None, ...]:
        """VIEWERS_POINTS values, oldest first, the last being the step `now` is in."""
        last = self._step(now)
        return tuple(self._steps.get(step) for step in range(last - self.points_count + 1, last + 1))


def lights_of(session: RoomSession) -> dict[str, Light]:
    """One light per category, as the Health dock's lights say it, but UNKNOWN where the room is not known — the
    System light too while the room's computer's CPU is not known (a direct wall's room whose OBS runs on another
    computer: this computer's CPU is not that room's, so nothing says its System is fine)."""
    known = session.status.state is LinkState.CONNECTED and session.telemetry.latest is not None
    machine_known = known and session.telemetry.value(CPU_CHANNEL) is not None
    levels = session.health.levels()
    return category_lights({str(c): levels.get(c) for c in CATEGORIES}, known, machine_known, str(Category.SYSTEM))


def open_finding(finding: Finding) -> OpenFinding:
    return OpenFinding(finding.id, str(finding.category), str(finding.severity), finding.text, finding.first_seen_wall)


def segment_of(session: RoomSession, now: float) -> Segment | None:
    """Where the session's rundown runner stands at wall time `now`; None before the first Go and after the end."""
    runner = session.rundown
    if not runner.started:
        return None
    position = runner.position(now)
    if position.current is None:
        return None
    return Segment(
        title=position.current.title,
        # -1: the segment on air was deleted from the plan while it ran (the runner still knows its title).
        index=-1 if position.current_index is None else position.current_index,
        count=len(runner.plan.segments),
        remaining_s=position.remaining_s,
        behind_s=position.over_under_s,
    )


def checklist_of(run: ChecklistRun | None, language: str = "en") -> Checklist | None:
    """A checklist run as a tile shows it (None: no run). PASSED once it ended ready with no required item failed;
    FAILED once it ended otherwise (abandoned, gone live not ready, a required check failed); RUNNING while it is
    open. An optional item does not fail the list, as it does not hold up going live: walk22's room, its list
    COMPLETED and READY in its console, read "Prep: failed 1" in red on the wall for an optional "desktop audio"
    item the room has no input for."""
    if run is None:
        return None
    items = run.template.items
    done = sum(1 for item in items if run.states[item.id].status in (ItemStatus.PASSED, ItemStatus.OVERRIDDEN))
    failed = sum(
        1 for item in items if item.required and run.states[item.id].status in (ItemStatus.FAILED, ItemStatus.ERROR)
    )
    if run.end is RunEnd.OPEN:
        state = Prep.RUNNING
    elif run.end is not RunEnd.ABANDONED and run.ready and failed == 0:
        state = Prep.PASSED
    else:
        state = Prep.FAILED
    went_live, by = None, ""
    if run.end is RunEnd.WENT_LIVE:  # kept as it stood when the stream started: how the show went live
        if run.go_live_override is not None:
            went_live, by = WentLive.OVERRIDDEN, run.go_live_override[0]
        elif run.ready:
            went_live = WentLive.READY
        # Not ready and no override held: not said here ("not ready" would wrong a person who went live anyway if the
        # override were ever not at hand); the stored run says it (console/core/studio/prep.py).
    title = text_for(run.template.title, language)
    at = None if went_live is None or run.ended_at is None else run.ended_at.timestamp()
    return Checklist(title, state, done, len(items), failed, went_live, by, run.show_id, at)


#: The link's cause when OBS refused a connection made with no password at all: this computer keeps none for the
#: room (no keyring: a password lasts one run of the console), which "OBS refused the password" misread (walk22).
NO_PASSWORD = "no_password"


def link_cause_of(session: RoomSession) -> str:
    """Why the room's link is not up, as a status says it (obs.messages.LinkLoss, or NO_PASSWORD)."""
    status = session.status
    if status.state is LinkState.AUTH_FAILED and not session.endpoint.password:
        return NO_PASSWORD
    return str(status.loss or "")


def room_status(
    session: RoomSession,
    *,
    now: float,
    console: str,
    checklist: Checklist | None = None,
    history: ViewersHistory | None = None,
) -> RoomStatus:
    """The room's status at wall time `now` (also its heartbeat: the caller is alive, it is saying it now)."""
    with session.lock:
        status = session.status
        state = session.tracker.state
        rates = session.tracker.rates
        # An OBS that stopped answering for a moment (unresponsive) is still on the link: what it last said about
        # its outputs and its program stands until the link drops; its lights, though, are no longer known.
        connected = status.state in LIVE and state.connected
        # Once the link drops OBS, what OBS last said of its stream stands while the stream may still run (frozen,
        # its computer unreachable, the connection lost): walk15 saw a frozen room's tile flip to OFF AIR and
        # "Prep: not started" ~15 s into a freeze, and the header stop counting it, while its stream ran on. An
        # OBS closed or crashed streams no more. (`lost_since` is None after the user disconnected.)
        lost = not connected and status.lost_since is not None
        streaming_when_lost = lost and state.stream.active
        may_stream = status.loss in MAY_STILL_STREAM
        on_air = state.stream.active and (connected or (lost and may_stream))
        latest = session.telemetry.latest
        since = None
        started = session.on_air.since  # the show's start, not OBS's since its last reconnect to the platform
        if on_air and rates is not None and rates.streaming and started is not None:
            # The poll's time is on the session's clock; the show's wall offset turns it to wall time.
            since = started + session.telemetry.wall_offset
        viewers = None if latest is None else latest.get("viewers")
        return RoomStatus(
            room=session.name or session.endpoint.url,
            at=now,
            heartbeat=now,
            link=status.state.value,
            link_cause=link_cause_of(session),
            on_air=on_air,
            recording=connected and state.record.active,
            on_air_since=since,
            streaming_when_lost=streaming_when_lost,
            program_scene=state.program_scene if connected else None,
            lights=lights_of(session),
            findings=tuple(open_finding(f) for f in session.health.active()),
            bitrate_kbps=None if latest is None else latest.get("bitrate_kbps"),
            dropped_pct=None if latest is None else latest.get(DROPPED_CHANNEL),
            viewers=None if viewers is None else round(viewers),
            viewers_history=() if history is None else history.points(now),
            comments_per_min=None if latest is None else latest.get("comments_per_min"),
            checklist=checklist,
            segment=segment_of(session, now),
            console=console,
            show_id=session.show_id,
        )
