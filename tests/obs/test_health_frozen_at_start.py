"""A console or `onair monitor` started while OBS is frozen (SIGSTOP, a long stall): the connection is accepted and
never answered, so the link says "frozen" before OBS was ever heard. Frames OBS then counts as missed once it runs
again are the freeze's — the finding said "The graphics card cannot finish the picture in time" and advised capping
the game's frame rate."""

from __future__ import annotations

from obs.messages import LinkLoss
from tests.obs.test_health import Show


def silent(show: Show, seconds: int, loss: str | None) -> Show:
    """Seconds in which OBS answers nothing: no figures at all."""
    for _ in range(seconds):
        show.t += 1.0
        for change in show.engine.feed(show.t, {}, False, loss, "127.0.0.1:4455"):
            show.changes.append((show.t, change))
    return show


def test_render_lag_after_a_freeze_found_at_start_is_the_freezes_not_the_graphics_cards() -> None:
    show = silent(Show(), 12, LinkLoss.FROZEN).run(12, drop_render_pct=40.0)
    finding = next(f for f in show.engine.active() if f.id == "render_lag")
    assert "not answering" in finding.message and "not to the graphics card" in finding.message, finding.message
    assert finding.fields["stall_s"] == 12.0
    assert not any("frame rate" in remedy or "V-Sync" in remedy for remedy in finding.remedies), finding.remedies
    assert any("froze" in remedy for remedy in finding.remedies)


def test_nothing_listening_at_start_is_no_freeze() -> None:
    """OBS not running yet (refused), started, then lagging: that lag is its own, said as the graphics card's."""
    show = silent(Show(), 12, LinkLoss.CLOSED).run(12, drop_render_pct=40.0)
    finding = next(f for f in show.engine.active() if f.id == "render_lag")
    assert "graphics card cannot finish" in finding.message and "stall_s" not in finding.fields


def test_an_obs_found_frozen_at_start_is_said_lost_as_frozen_and_clears_when_it_answers() -> None:
    """tech18: `onair monitor` started on a SIGSTOPped OBS printed "not connected to OBS (reconnecting)" for the whole
    freeze — the link knew OBS had accepted the connection and answered nothing, and no finding said so."""
    show = silent(Show(), 12, LinkLoss.FROZEN)
    finding = next(f for f in show.engine.active() if f.id == "obs_unreachable")
    assert finding.severity == "warning", "whether it was on air is not known: never heard"
    assert "frozen or overloaded" in finding.message and finding.fields["cause"] == "frozen"
    assert finding.fields["seconds"] == 12.0
    show.run(3)
    assert "obs_unreachable" not in {f.id for f in show.engine.active()}, "it answers: the episode closes"


def test_nothing_listening_at_start_is_not_obs_lost() -> None:
    """Before OBS ever answered, a refused connection is OBS not started yet: the connection state says it."""
    show = silent(Show(), 12, LinkLoss.CLOSED)
    assert show.engine.active() == []
