"""A stream reconnect in the middle of a network incident: one finding, not two.

Measured on a real OBS 29.0.2 streaming through a 300 kbit/s uplink whose receiver was then killed and restarted
(GetStreamStatus once a second): while OBS reconnects, outputSkippedFrames goes back to 0 and outputTotalFrames
stands still, so the link's 10-s drop figure is unknown for the reconnect's seconds, and outputCongestion keeps the
dead connection's last value. The network finding closed across that gap and opened again as a new warning once
its last-minute figure — still holding the drops before the reconnect — was known again."""

from __future__ import annotations

from obs.health_rules import NetworkDrops
from tests.obs.test_health import Show


def reconnect(show: Show, seconds: int, congestion: float | None) -> Show:
    """OBS reconnecting, as the link's figures read it: the stream down, no drop figure."""
    return show.run(seconds, reconnecting=1.0, drop_network_pct=None, congestion=congestion, bitrate_kbps=None)


def network_changes(show: Show) -> list[tuple[float, str]]:
    return [(t, f"{c.kind}:{c.finding.severity}") for t, c in show.changes if c.finding.id == "network"]


def test_a_reconnect_inside_a_network_incident_is_one_finding_not_two() -> None:
    """The real OBS's run, second by second: 20 s of a throttled uplink, the receiver killed and started again (OBS
    reconnecting 8 s, then a second whose poll counts no frames yet), 20 s more of the throttled uplink, the uplink
    freed, and 10 s later the receiver killed again (4 s). The finding closed 10 s after the second reconnect — the
    two gaps made the last minute unknown — and opened again 16 s later, once the first gap had left the minute
    and the drops between the reconnects were in it."""
    show = Show().run(17).run(22, drop_network_pct=45.0, congestion=0.9, bitrate_kbps=300.0)
    reconnect(show, 8, congestion=None).run(1, drop_network_pct=None, congestion=None)
    show.run(20, drop_network_pct=40.0, congestion=0.8, bitrate_kbps=300.0).run(10, drop_network_pct=0.0)
    reconnect(show, 4, congestion=None).run(1, drop_network_pct=None, congestion=None)
    show.run(150, drop_network_pct=0.0, congestion=0.0)
    changes = network_changes(show)
    assert not any(kind.startswith("opened") for _, kind in changes[1:]), f"one incident read as two: {changes}"
    assert changes[0] == (20, "opened:critical") and changes[-1][1].startswith("closed"), changes
    closed = next(c.finding for _, c in show.changes if c.finding.id == "network" and c.kind == "closed")
    assert closed.first_seen == 20 and closed.peak == "critical"
    # The drops ended at 68; the send buffer's 10-s mean was still over 2/3 congested at 69.
    assert closed.last_seen == 69, "the last second it held: not the reconnect's, not after it"
    # Held while the last minute still held the drops between the reconnects, and closed well after: not at once.
    assert changes[-1][0] > 68 + 60


def test_the_last_minute_spans_a_reconnect_and_says_the_drops_before_it() -> None:
    show = Show().run(60).run(25, drop_network_pct=45.0, congestion=0.9, bitrate_kbps=300.0)
    reconnect(show, 8, congestion=0.0).run(20, drop_network_pct=0.0, congestion=0.0)
    finding = next(f for f in show.engine.active() if f.id == "network")
    minute = finding.fields["pct_minute"]
    assert minute is not None and 15.0 < minute < 30.0, "the minute's drops before the reconnect, not unknown"
    assert "less than a minute measured" not in finding.message
    assert finding.severity == "critical", finding.message


def test_the_finding_pauses_while_obs_reconnects_and_a_long_reconnect_does_not_close_it() -> None:
    show = Show().run(60).run(25, drop_network_pct=45.0, congestion=0.9, bitrate_kbps=300.0)
    before = show.engine.active()
    reconnect(show, 40, congestion=None)
    assert [c for _, c in show.changes if c.finding.id == "network"][1:] == [], "no change while the stream is down"
    during = next(f for f in show.engine.active() if f.id == "network")
    assert during.severity == "critical" and during.last_seen == 85
    assert [f.id for f in before if f.id == "network"] == ["network"]
    # Back, clean: the drops before the reconnect still make the last minute (15 s of 45 %).
    show.run(5, drop_network_pct=0.0, congestion=0.0)
    assert next(f for f in show.engine.active() if f.id == "network").fields["pct_minute"] is not None


def test_a_stream_that_ends_while_reconnecting_closes_its_network_finding() -> None:
    show = Show().run(60).run(25, drop_network_pct=45.0, congestion=0.9, bitrate_kbps=300.0)
    reconnect(show, 10, congestion=None)
    # OBS gave up: the stream stopped, so no network figures at all any more.
    show.run(15, streaming=0.0, reconnecting=0.0, drop_network_pct=None, congestion=None, bitrate_kbps=None)
    assert "network" not in [f.id for f in show.engine.active()]
    assert NetworkDrops.id == "network"
