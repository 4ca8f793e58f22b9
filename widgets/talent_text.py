"""What the talent screen says and in which colour: the segment clock, the ON AIR tally, the one health light and
the viewer count, as plain functions of the model (the rundown's Position, ObsState, the health engine, the
audience source). The window (widgets/talent_screen.py) only paints what these return."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from console.core.chat.lottery import LotteryRecord, Winner
from console.core.rundown.durations import countdown_shown, elapsed_shown
from console.core.rundown.model import Position, Rundown, Segment, heading
from console.core.telemetry.audience import AudienceSource
from obs.health import HealthEngine
from obs.messages import LinkState, LinkStatus
from obs.state import ObsState
from obs.vocabulary import rank

#: The screen's palette: light text on near-black (a TV in a bright studio), one meaning per colour.
BACKGROUND = "#0b0b0d"
TEXT = "#f4f4f4"
DIM = "#a8a8a8"
GREY = "#6e6e6e"
GREEN = "#32d74b"
AMBER = "#ffb000"
RED = "#ff3b30"
TALLY_RED = "#d0021b"
MESSAGE_BACK = "#ffd60a"
MESSAGE_TEXT = "#000000"
LOTTERY_BACK = "#5e2ca5"
GOLD = "#ffd60a"


def clock(seconds: float) -> str:
    """Whole seconds as the host reads a countdown: "4:05", "12:00", "1:02:03"."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass(frozen=True)
class Timer:
    """The largest element: the current segment's remaining time (or what stands in for it)."""

    text: str
    colour: str
    caption: str


def timer(position: Position, rundown: Rundown, warn_s: int, on_air: bool = False) -> Timer:
    """Remaining time, white while ahead, amber in the last `warn_s` seconds, red and "+m:ss" once over; the
    elapsed time for a segment planned without a length; the planned start before the first Go, as a time of day
    in words ("Starts at 20:00"), never a bare "20:00" where the countdown goes (it read as twenty minutes left).
    After End it says the *rundown* ended — and, while OBS streams, that the stream is still live: the host must
    never read "the broadcast has ended" under the red ON AIR tally."""
    if position.finished:
        caption = QCoreApplication.translate("TalentScreen", "still on air") if on_air else ""
        return Timer(QCoreApplication.translate("TalentScreen", "Rundown ended"), DIM, caption)
    if position.current is None:
        first = _first(position, rundown)
        if first is not None and first.fixed_start is not None:
            starts = QCoreApplication.translate("TalentScreen", "Starts at %1")
            return Timer(
                starts.replace("%1", first.fixed_start.strftime("%H:%M")),
                DIM,
                QCoreApplication.translate("TalentScreen", "planned start"),
            )
        # No caption: the title's place says "Not started yet" (it read twice, "Not started yet" over "not started").
        return Timer("–:––", GREY, "")
    remaining = position.remaining_s
    if remaining is None:
        shown_elapsed = elapsed_shown(position.elapsed_s)
        return Timer(clock(shown_elapsed), TEXT, QCoreApplication.translate("TalentScreen", "elapsed"))
    # Counting down, a second shows until it has fully passed: "0:01" until the planned end, then "+0:00" — the
    # Rundown dock's rule too (countdown_shown), so the two screens of the room never read a second apart.
    shown = countdown_shown(remaining)
    if remaining < 0:
        return Timer("+" + clock(-shown), RED, QCoreApplication.translate("TalentScreen", "over"))
    amber = warn_s > 0 and shown <= warn_s  # 0 turns amber off
    return Timer(clock(shown), AMBER if amber else TEXT, QCoreApplication.translate("TalentScreen", "remaining"))


def _first(position: Position, rundown: Rundown) -> Segment | None:
    """What the first Go would take: the runner's next, else the plan's first segment."""
    if position.next is not None:
        return position.next
    return rundown.segments[0] if rundown.segments else None


def title(position: Position) -> str:
    if position.finished:
        return ""  # the timer's place says "Rundown ended", in the largest type
    if position.current is None:
        return QCoreApplication.translate("TalentScreen", "Not started yet")
    return heading(position.current)


def next_line(position: Position, rundown: Rundown) -> str:
    if position.finished:
        return ""
    following = _first(position, rundown) if position.current is None else position.next
    if following is None:
        return (
            QCoreApplication.translate("TalentScreen", "Next: — (last segment)") if position.current is not None else ""
        )
    return QCoreApplication.translate("TalentScreen", "Next: %1").replace("%1", heading(following))


@dataclass(frozen=True)
class Light:
    text: str
    colour: str


def health_light(engine: HealthEngine, status: LinkStatus) -> Light:
    """One light from the health engine's worst open finding. Green only when the link to OBS is up and the
    engine has had a second from it: an unknown health is grey, never "OK"."""
    worst = max((finding.severity for finding in engine.active()), key=rank, default=None)
    if worst == "critical":
        return Light(QCoreApplication.translate("TalentScreen", "Tell the technician"), RED)
    if worst == "warning":
        return Light(QCoreApplication.translate("TalentScreen", "Minor problem"), AMBER)
    if status.state is not LinkState.CONNECTED or not engine.link_ok or not engine.ever_connected:
        return Light(QCoreApplication.translate("TalentScreen", "Health unknown"), GREY)
    return Light(QCoreApplication.translate("TalentScreen", "OK"), GREEN)


@dataclass(frozen=True)
class Tally:
    text: str
    colour: str  # the box's colour
    recording: str  # "" when not recording


def on_air(state: ObsState, status: LinkStatus) -> bool:
    """Whether OBS is known to stream now (what the red tally says)."""
    return status.state is LinkState.CONNECTED and state.stream.active


def tally(state: ObsState, status: LinkStatus) -> Tally:
    """ON AIR from OBS's stream output; without a link to OBS nobody here knows, and the tally says so."""
    if status.state is not LinkState.CONNECTED:
        return Tally(QCoreApplication.translate("TalentScreen", "OBS not connected"), GREY, "")
    stream = state.stream
    if stream.reconnecting:
        text, colour = QCoreApplication.translate("TalentScreen", "RECONNECTING"), AMBER
    elif stream.active:
        text, colour = QCoreApplication.translate("TalentScreen", "ON AIR"), TALLY_RED
    else:
        text, colour = QCoreApplication.translate("TalentScreen", "OFF AIR"), GREY
    record = state.record
    recording = (
        (
            QCoreApplication.translate("TalentScreen", "REC paused")
            if record.paused
            else QCoreApplication.translate("TalentScreen", "REC")
        )
        if record.active
        else ""
    )
    return Tally(text, colour, recording)


def viewers(source: AudienceSource) -> str:
    """Viewers now, or "—" when the audience source does not know (never 0 for unknown)."""
    reading = source.current()
    count = None if reading is None else reading.viewers
    shown = "—" if count is None else f"{count:,.0f}"
    return QCoreApplication.translate("TalentScreen", "Viewers %1").replace("%1", shown)


def lottery_line(record: LotteryRecord | None) -> str:
    """While a lottery runs: how to enter and how many did ("" when none runs, once drawn or cancelled)."""
    if record is None or record.state in ("drawn", "cancelled"):
        return ""
    count = str(len(record.entries))
    if record.state == "open":
        return (
            QCoreApplication.translate("TalentScreen", "Lottery: write “%1” to enter · %2 entered")
            .replace("%1", record.keyword)
            .replace("%2", count)
        )
    return QCoreApplication.translate("TalentScreen", "Lottery closed · %1 entered · drawing soon").replace("%1", count)


def winners_title(record: LotteryRecord) -> str:
    """Whose names follow; with every winner forfeited, the lottery's keyword alone: the names' place says, large,
    that nobody has won yet and whether a replacement can come (it said so twice, fix25p)."""
    if not record.winners:
        return QCoreApplication.translate("TalentScreen", "Lottery drawn: nobody entered")
    if not record.standing and record.awaiting_replacement:
        return QCoreApplication.translate("TalentScreen", "Lottery “%1”").replace("%1", record.keyword)
    if len(record.standing) + len(record.awaiting_replacement) == 1:  # the places winners_names reads out
        # English has a singular (it said "Winners of" over one name, fix26j); Chinese has one form for both.
        return QCoreApplication.translate("TalentScreen", "Winner of “%1”").replace("%1", record.keyword)
    return QCoreApplication.translate("TalentScreen", "Winners of “%1”").replace("%1", record.keyword)


def _left_to_draw(record: LotteryRecord) -> int:
    """Entries no draw has picked yet: how many forfeits can still be replaced (every winner is a distinct entry)."""
    return max(0, len(record.entries) - len(record.winners))


def winners_names(record: LotteryRecord) -> str:
    """The winners who stand, one a line, numbered (the host reads them out): one who forfeited is not read out,
    their replacement is, in the place of the winner they replace and marked as redrawn. A forfeit still waiting
    for its replacement keeps its place with "redrawing…" (or "nobody left to draw" once every entry is drawn), so
    the host neither reads a shorter list as the whole prize nor counts the places wrong. With nobody standing and
    every place alike, one line says it, unnumbered ("1. redrawing…" read oddly with no one there)."""
    by_rank = {winner.rank: winner for winner in record.winners}

    def place(winner: Winner) -> int:
        """The place in the draw a winner stands in: a replacement's is the first winner's it stands for."""
        seen = {winner.rank}
        while winner.replaces is not None and winner.replaces in by_rank and winner.replaces not in seen:
            winner = by_rank[winner.replaces]
            seen.add(winner.rank)
        return winner.rank

    redrawn = QCoreApplication.translate("TalentScreen", "%1 (redrawn)")
    pending = {winner.rank for winner in record.awaiting_replacement}
    left = _left_to_draw(record)
    if not record.standing and pending:
        if left >= len(pending):
            return QCoreApplication.translate("TalentScreen", "No winner yet — redrawing…")
        if left == 0:
            return QCoreApplication.translate("TalentScreen", "No winner — nobody left to draw")
    lines = []
    places = sorted((*record.standing, *record.awaiting_replacement), key=lambda w: (place(w), w.rank))
    for n, winner in enumerate(places, 1):
        if winner.rank in pending:
            said = (
                QCoreApplication.translate("TalentScreen", "redrawing…")
                if left > 0
                else QCoreApplication.translate("TalentScreen", "nobody left to draw")
            )
            left -= 1
        else:
            name = winner.user_name or winner.user_id
            said = redrawn.replace("%1", name) if winner.replaces is not None else name
        lines.append(f"{n}. {said}")
    return "\n".join(lines)


def last_drawn(record: LotteryRecord) -> float:
    """When the record last gave someone a prize to read out: the draw, or the newest replacement (0: not drawn)."""
    return max([record.drawn_at or 0.0, *(w.drawn_at or 0.0 for w in record.winners if w.replaces is not None)])
